//! `serve --watch` through the real binary and rmcp's client: an edit is served within
//! a second and announced with `notifications/resources/list_changed`; a broken edit
//! keeps the previous knowledge serving; calls made during reloads all succeed.

use std::time::{Duration, Instant};

use rmcp::model::{CallToolRequestParams, ReadResourceRequestParams};
use rmcp::service::NotificationContext;
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};
use rmcp::{ClientHandler, RoleClient, ServiceExt, object};
use tokio::sync::mpsc;

#[derive(Clone)]
struct Notified(mpsc::UnboundedSender<()>);

impl ClientHandler for Notified {
    async fn on_resource_list_changed(&self, _context: NotificationContext<RoleClient>) {
        let _ = self.0.send(());
    }
}

fn doc(body: &str) -> String {
    format!(
        "---\nname: team-notes\ndescription: Team notes.\nsources: [https://example.com/notes]\n---\n# Team notes\n{body}\n"
    )
}

#[tokio::test]
async fn edits_are_served_and_announced_broken_edits_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("team-notes");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        doc("## Registry naming\nOur registries are named teamacr plus a number."),
    )
    .unwrap();

    let command = tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp")).configure(|c| {
        c.args(["--knowledge", skill.to_str().unwrap(), "serve", "--watch"]);
    });
    let (tx, mut notified) = mpsc::unbounded_channel();
    let client = Notified(tx)
        .serve(TokioChildProcess::new(command).unwrap())
        .await
        .unwrap();
    let read = |client: &rmcp::service::RunningService<RoleClient, Notified>| {
        let peer = client.peer().clone();
        async move {
            let r = peer
                .read_resource(ReadResourceRequestParams::new(
                    "skill://team-notes/SKILL.md",
                ))
                .await
                .unwrap();
            serde_json::to_string(&r).unwrap()
        }
    };
    assert!(read(&client).await.contains("Registry naming"));

    // An edit: served within a second, and announced.
    let start = Instant::now();
    std::fs::write(
        skill.join("SKILL.md"),
        doc("## Key rotation policy\nWe rotate every 90 days."),
    )
    .unwrap();
    tokio::time::timeout(Duration::from_secs(5), notified.recv())
        .await
        .expect("list_changed notification")
        .unwrap();
    let took = start.elapsed();
    assert!(read(&client).await.contains("Key rotation policy"));
    eprintln!("edit served after {took:?}");

    // A broken edit: the previous knowledge keeps serving.
    std::fs::write(
        skill.join("broken.md"),
        b"---\nname: [unclosed\n---\n# Broken\n",
    )
    .unwrap();
    tokio::time::sleep(Duration::from_millis(1200)).await;
    assert!(
        notified.try_recv().is_err(),
        "a broken edit must not be announced"
    );
    assert!(read(&client).await.contains("Key rotation policy"));

    // Fixing it reloads again, and calls made while reloading all succeed.
    std::fs::remove_file(skill.join("broken.md")).unwrap();
    let peer = client.peer().clone();
    let calls = tokio::spawn(async move {
        for i in 0..40 {
            let r = peer
                .call_tool(
                    CallToolRequestParams::new("answer_cmk_question")
                        .with_arguments(object!({"question": format!("rotation policy {i}")})),
                )
                .await
                .unwrap();
            assert_eq!(r.is_error, Some(false));
        }
    });
    for n in 0..5 {
        std::fs::write(
            skill.join("SKILL.md"),
            doc(&format!(
                "## Key rotation policy\nWe rotate every {} days.",
                30 + n
            )),
        )
        .unwrap();
        tokio::time::sleep(Duration::from_millis(350)).await;
    }
    calls.await.unwrap();
    tokio::time::timeout(Duration::from_secs(5), notified.recv())
        .await
        .expect("reload after the fix")
        .unwrap();
    client.cancel().await.unwrap();
}
