//! MCP over stdio, with every incoming line checked before rmcp sees it.
//!
//! rmcp's stdio transport drops a line that is not valid UTF-8 or not JSON without a
//! word, which leaves a client waiting forever. Here each line is checked first: a bad
//! one is answered with a JSON-RPC error (-32700 for unparsable text, -32600 for JSON
//! nested too deep or a line too long), and the session goes on. Good lines pass
//! through unchanged. One task owns stdout, so responses and these errors never
//! interleave within a line.

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

use rmcp::ServiceExt;

use super::CmkServer;

/// Lines longer than this are refused rather than buffered.
pub const MAX_LINE_BYTES: usize = 16 * 1024 * 1024;

/// Serves `server` on the process's stdin and stdout until stdin closes.
pub async fn serve(server: CmkServer) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    serve_on(server, tokio::io::stdin(), tokio::io::stdout()).await
}

/// Serves on any byte streams (used by tests).
pub async fn serve_on<R, W>(
    server: CmkServer,
    input: R,
    output: W,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>>
where
    R: tokio::io::AsyncRead + Unpin + Send + 'static,
    W: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (to_rmcp, rmcp_in) = tokio::io::duplex(1 << 20);
    let (rmcp_out, from_rmcp) = tokio::io::duplex(1 << 20);
    let (lines_tx, mut lines_rx) = mpsc::unbounded_channel::<Vec<u8>>();

    // The only writer of stdout.
    let writer = tokio::spawn(async move {
        let mut output = output;
        while let Some(line) = lines_rx.recv().await {
            if output.write_all(&line).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
    });
    // rmcp's responses, line by line, to the writer.
    let responses = lines_tx.clone();
    let forward = tokio::spawn(async move {
        let mut reader = BufReader::new(from_rmcp);
        let mut line = Vec::new();
        while reader.read_until(b'\n', &mut line).await.unwrap_or(0) > 0 {
            if responses.send(std::mem::take(&mut line)).is_err() {
                break;
            }
        }
    });
    // Incoming lines, checked, to rmcp.
    let errors = lines_tx;
    let check = tokio::spawn(async move {
        let mut reader = BufReader::new(input);
        let mut to_rmcp = to_rmcp;
        loop {
            let mut line = Vec::new();
            let read = (&mut reader)
                .take(MAX_LINE_BYTES as u64 + 1)
                .read_until(b'\n', &mut line)
                .await;
            match read {
                Ok(0) | Err(_) => break,
                Ok(_) => {}
            }
            if line.len() > MAX_LINE_BYTES && !line.ends_with(b"\n") {
                // Skip the rest of the oversized line.
                let mut rest = Vec::new();
                let _ = reader.read_until(b'\n', &mut rest).await;
                let _ = errors.send(error_line(
                    -32600,
                    &format!("Invalid Request: a message may be at most {MAX_LINE_BYTES} bytes"),
                ));
                continue;
            }
            match verdict(&line) {
                Verdict::Pass => {
                    if to_rmcp.write_all(&line).await.is_err() {
                        break;
                    }
                    if !line.ends_with(b"\n") && to_rmcp.write_all(b"\n").await.is_err() {
                        break;
                    }
                }
                Verdict::Skip => {}
                Verdict::Reject(code, message) => {
                    tracing::warn!(code, "{message}");
                    let _ = errors.send(error_line(code, &message));
                }
            }
        }
        // Closing rmcp's input ends the session.
        let _ = to_rmcp.shutdown().await;
    });

    let running = server.serve((rmcp_in, rmcp_out)).await?;
    let reason = running.waiting().await?;
    tracing::info!(?reason, "stdio session ended");
    check.abort();
    let _ = forward.await;
    let _ = writer.await;
    Ok(())
}

enum Verdict {
    Pass,
    Skip,
    Reject(i32, String),
}

fn verdict(line: &[u8]) -> Verdict {
    let text = match std::str::from_utf8(line) {
        Ok(t) => t,
        Err(e) => {
            return Verdict::Reject(
                -32700,
                format!(
                    "Parse error: the message is not valid UTF-8 (byte {})",
                    e.valid_up_to()
                ),
            );
        }
    };
    if text.trim().is_empty() {
        return Verdict::Skip;
    }
    match serde_json::from_str::<serde_json::Value>(text) {
        Ok(_) => Verdict::Pass,
        Err(e) if e.to_string().contains("recursion limit") => Verdict::Reject(
            -32600,
            "Invalid Request: JSON nested deeper than 128 levels".into(),
        ),
        Err(e) => Verdict::Reject(-32700, format!("Parse error: {e}")),
    }
}

fn error_line(code: i32, message: &str) -> Vec<u8> {
    let mut line = serde_json::to_vec(&serde_json::json!({
        "jsonrpc": "2.0",
        "id": null,
        "error": { "code": code, "message": message },
    }))
    .expect("a JSON value serializes");
    line.push(b'\n');
    line
}
