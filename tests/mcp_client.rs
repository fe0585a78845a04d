//! The server through rmcp's own client: in-process over a duplex pipe, and as the
//! built binary over stdio.

mod common;

use std::process::Stdio;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::mcp::CmkServer;
use rmcp::ServiceExt;
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};

#[tokio::test]
async fn in_process_client() -> anyhow::Result<()> {
    let engine = acr_cmk_mcp::reload::shared(Engine::load(&LoadOptions::default())?);
    let (server_io, client_io) = tokio::io::duplex(256 * 1024);
    let server = tokio::spawn(async move {
        CmkServer::new(engine)
            .serve(server_io)
            .await?
            .waiting()
            .await?;
        anyhow::Ok(())
    });
    let client = ().serve(client_io).await?;
    common::check_server(&client).await;
    client.cancel().await?;
    server.await??;
    Ok(())
}

#[tokio::test]
async fn built_binary_over_stdio() -> anyhow::Result<()> {
    let command = tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp")).configure(|c| {
        c.arg("serve");
    });
    let (transport, stderr) = TokioChildProcess::builder(command)
        .stderr(Stdio::piped())
        .spawn()?;
    let client = ().serve(transport).await?;
    common::check_server(&client).await;
    client.cancel().await?;
    // Logs go to stderr, never stdout: the ready line is there.
    let mut log = String::new();
    if let Some(mut stderr) = stderr {
        use tokio::io::AsyncReadExt;
        stderr.read_to_string(&mut log).await?;
    }
    assert!(log.contains("ready on stdio"), "stderr was: {log}");
    Ok(())
}

/// The binary serving stdio, with pipes for the raw JSON-RPC lines a test writes and
/// reads.
fn serve_over_pipes() -> std::io::Result<tokio::process::Child> {
    tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
        .arg("serve")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
}

/// Raw newline-delimited JSON-RPC over the binary's stdio, one protocol revision at a
/// time: what a client of each revision sends, byte for byte.
#[tokio::test]
async fn each_protocol_revision_over_raw_stdio() -> anyhow::Result<()> {
    use tokio::io::{AsyncBufReadExt, AsyncWriteExt, BufReader};
    async fn exchange(lines: &[serde_json::Value]) -> anyhow::Result<Vec<serde_json::Value>> {
        let mut child = serve_over_pipes()?;
        let mut stdin = child.stdin.take().unwrap();
        let mut stdout = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut replies = Vec::new();
        for line in lines {
            stdin.write_all(format!("{line}\n").as_bytes()).await?;
            if line.get("id").is_some() {
                let reply =
                    tokio::time::timeout(std::time::Duration::from_secs(10), stdout.next_line())
                        .await??
                        .unwrap();
                replies.push(serde_json::from_str(&reply)?);
            }
        }
        drop(stdin);
        child.wait().await?;
        Ok(replies)
    }
    let call = |id: u64, meta: Option<serde_json::Value>| {
        let mut params = serde_json::json!({"name": "answer_cmk_question", "arguments": {"question": "Is EC supported?"}});
        if let Some(m) = meta {
            params["_meta"] = m;
        }
        serde_json::json!({"jsonrpc": "2.0", "id": id, "method": "tools/call", "params": params})
    };
    for version in ["2025-06-18", "2025-11-25"] {
        let replies = exchange(&[
            serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}}),
            serde_json::json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
            call(2, None),
        ])
        .await?;
        assert_eq!(replies[0]["result"]["protocolVersion"], version);
        assert_eq!(
            replies[1]["result"]["structuredContent"]["confident"], true,
            "{version}"
        );
        assert!(
            replies[1]["result"].get("resultType").is_none(),
            "{version} results carry no resultType"
        );
    }
    let meta = serde_json::json!({"io.modelcontextprotocol/protocolVersion": "2026-07-28", "io.modelcontextprotocol/clientCapabilities": {}, "io.modelcontextprotocol/clientInfo": {"name": "raw", "version": "0"}});
    let replies = exchange(&[
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "server/discover", "params": {"_meta": meta}}),
        call(2, Some(meta.clone())),
    ])
    .await?;
    assert!(
        replies[0]["result"]["supportedVersions"]
            .as_array()
            .unwrap()
            .contains(&serde_json::json!("2026-07-28"))
    );
    assert_eq!(
        replies[1]["result"]["resultType"], "complete",
        "{}",
        replies[1]
    );
    assert_eq!(replies[1]["result"]["structuredContent"]["confident"], true);
    Ok(())
}

/// Every request written before stdin closes is answered, whatever its handler sends
/// first: `logging/setLevel` sends a notification, and one written just before EOF
/// used to get no reply.
#[tokio::test]
async fn requests_written_before_stdin_closes_are_all_answered() -> anyhow::Result<()> {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let mut child = serve_over_pipes()?;
    let mut stdin = child.stdin.take().unwrap();
    let lines = [
        serde_json::json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {"protocolVersion": "2025-06-18", "capabilities": {}, "clientInfo": {"name": "raw", "version": "0"}}}),
        serde_json::json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
        serde_json::json!({"jsonrpc": "2.0", "id": 2, "method": "logging/setLevel", "params": {"level": "debug"}}),
        serde_json::json!({"jsonrpc": "2.0", "id": 3, "method": "tools/list"}),
    ];
    for line in &lines {
        stdin.write_all(format!("{line}\n").as_bytes()).await?;
    }
    drop(stdin);
    let mut out = String::new();
    child
        .stdout
        .take()
        .unwrap()
        .read_to_string(&mut out)
        .await?;
    child.wait().await?;
    let mut answered: Vec<u64> = out
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter(|m| m.get("result").is_some())
        .filter_map(|m| m["id"].as_u64())
        .collect();
    answered.sort_unstable();
    assert_eq!(answered, [1, 2, 3], "{out}");
    Ok(())
}

/// The skills catalog names a --knowledge folder by its name, never by its path.
#[tokio::test]
async fn the_catalog_does_not_show_knowledge_paths() -> anyhow::Result<()> {
    use rmcp::model::{ReadResourceRequestParams, ResourceContents};
    let dir = tempfile::tempdir()?;
    let skill = dir.path().join("team-notes");
    std::fs::create_dir_all(&skill)?;
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: team-notes\ndescription: Our notes\n---\n# Team notes\n",
    )?;
    let engine = acr_cmk_mcp::reload::shared(Engine::load(&LoadOptions {
        dirs: vec![dir.path().to_path_buf()],
        ..Default::default()
    })?);
    let (server_io, client_io) = tokio::io::duplex(256 * 1024);
    let server = tokio::spawn(async move {
        CmkServer::new(engine)
            .serve(server_io)
            .await?
            .waiting()
            .await?;
        anyhow::Ok(())
    });
    let client = ().serve(client_io).await?;
    let read = client
        .read_resource(ReadResourceRequestParams::new("skill://catalog.json"))
        .await?;
    let ResourceContents::TextResourceContents { text, .. } = &read.contents[0] else {
        panic!("a text resource")
    };
    let catalog: serde_json::Value = serde_json::from_str(text)?;
    let tmp = dir.path().to_string_lossy().into_owned();
    assert!(!text.contains(&tmp), "{text}");
    let origins: Vec<&str> = catalog
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["origin"].as_str().unwrap())
        .collect();
    assert_eq!(origins, ["builtin", "team-notes"], "{text}");
    client.cancel().await?;
    server.await??;
    Ok(())
}
