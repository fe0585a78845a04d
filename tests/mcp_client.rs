//! The server through rmcp's own client: in-process over a duplex pipe, and as the
//! built binary over stdio.

mod common;

use std::process::Stdio;
use std::sync::Arc;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::mcp::CmkServer;
use rmcp::ServiceExt;
use rmcp::transport::{ConfigureCommandExt, TokioChildProcess};

#[tokio::test]
async fn in_process_client() -> anyhow::Result<()> {
    let engine = Arc::new(Engine::load(&LoadOptions::default())?);
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
