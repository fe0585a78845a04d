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
    // tokio's stdin and stdout hand every read and write to a blocking thread, two
    // thread hops per message each way. A client almost always connects through pipes,
    // which epoll can watch: then the runtime reads and writes them itself.
    match (pipe_in(), pipe_out()) {
        (Some(input), Some(output)) => serve_on(server, input, output).await,
        _ => serve_on(server, tokio::io::stdin(), tokio::io::stdout()).await,
    }
}

#[cfg(unix)]
fn pipe_in() -> Option<tokio::net::unix::pipe::Receiver> {
    use std::os::fd::AsFd;
    let fd = std::io::stdin().as_fd().try_clone_to_owned().ok()?;
    tokio::net::unix::pipe::Receiver::from_owned_fd(fd).ok()
}

#[cfg(unix)]
fn pipe_out() -> Option<tokio::net::unix::pipe::Sender> {
    use std::os::fd::AsFd;
    let fd = std::io::stdout().as_fd().try_clone_to_owned().ok()?;
    tokio::net::unix::pipe::Sender::from_owned_fd(fd).ok()
}

#[cfg(not(unix))]
fn pipe_in() -> Option<tokio::io::Stdin> {
    None
}

#[cfg(not(unix))]
fn pipe_out() -> Option<tokio::io::Stdout> {
    None
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
    // rmcp parses the message itself (and drops it without a word if it is nested
    // deeper than serde_json's limit of 128), so here only the nesting and the syntax
    // are checked, building nothing: IgnoredAny skips values without a depth limit.
    if nesting_depth(text) >= MAX_NESTING {
        return Verdict::Reject(
            -32600,
            format!(
                "Invalid Request: JSON nested {MAX_NESTING} levels deep or more (the limit is {})",
                MAX_NESTING - 1
            ),
        );
    }
    match serde_json::from_str::<serde::de::IgnoredAny>(text) {
        Ok(_) => Verdict::Pass,
        Err(e) => Verdict::Reject(-32700, format!("Parse error: {e}")),
    }
}

/// serde_json's recursion limit, which rmcp's parser runs into: 128 levels of arrays
/// and objects is one too many (pinned by a test).
const MAX_NESTING: usize = 128;

/// The deepest nesting of arrays and objects in `text`, brackets inside strings aside.
fn nesting_depth(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0usize);
    let (mut in_string, mut escaped) = (false, false);
    for b in text.bytes() {
        if in_string {
            match b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match b {
            b'"' => in_string = true,
            b'[' | b'{' => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            b']' | b'}' => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_nesting_check_refuses_exactly_what_serde_json_cannot_parse() {
        for depth in 1..260 {
            for (open, close) in [("[", "]"), ("{\"a\":", "}")] {
                let text = format!("{}1{}", open.repeat(depth), close.repeat(depth));
                let parses = serde_json::from_str::<serde_json::Value>(&text).is_ok();
                let passes = matches!(verdict(text.as_bytes()), Verdict::Pass);
                assert_eq!(parses, passes, "depth {depth} with {open}");
            }
        }
        // Brackets inside strings do not nest.
        let quoted = format!(r#"{{"a":"{}\"{}"}}"#, "[".repeat(300), "{".repeat(300));
        assert!(matches!(verdict(quoted.as_bytes()), Verdict::Pass));
    }
}
