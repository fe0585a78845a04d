//! MCP over stdio, with every incoming line checked before rmcp sees it.
//!
//! rmcp's stdio transport drops a line that is not valid UTF-8 or not JSON without a
//! word, and answers a request of the wrong shape without its id, which leaves a
//! client waiting forever. Here each line is checked first ([`super::wire`]): a bad
//! one is answered with a JSON-RPC error carrying the request's id whenever it can be
//! read, and the session goes on. Good lines go to rmcp as the messages the check
//! parsed. One task owns stdout, so responses and these errors never interleave
//! within a line.

use futures::StreamExt;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

use rmcp::ServiceExt;
use rmcp::model::{ClientJsonRpcMessage, ServerJsonRpcMessage};

use super::CmkServer;
use super::wire::{self, Check, ErrorReply};

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
///
/// rmcp gets the checked messages themselves through a channel, and hands back its
/// responses as messages that are serialized once, straight into the output line:
/// no byte pipe between us and rmcp, and no second parse of what the check parsed.
pub async fn serve_on<R, W>(
    server: CmkServer,
    input: R,
    output: W,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>>
where
    R: tokio::io::AsyncRead + Unpin + Send + 'static,
    W: tokio::io::AsyncWrite + Unpin + Send + 'static,
{
    let (requests_tx, mut requests_rx) = mpsc::unbounded_channel::<ClientJsonRpcMessage>();
    let (responses_tx, mut responses_rx) =
        futures::channel::mpsc::unbounded::<ServerJsonRpcMessage>();
    let (errors_tx, mut errors_rx) = mpsc::unbounded_channel::<Vec<u8>>();

    // The only writer of stdout: rmcp's responses and the check's error replies.
    let writer = tokio::spawn(async move {
        let mut output = output;
        let mut line = Vec::new();
        loop {
            line.clear();
            tokio::select! {
                response = responses_rx.next() => match response {
                    Some(message) => {
                        if serde_json::to_writer(&mut line, &message).is_err() {
                            tracing::error!("a response could not be serialized");
                            continue;
                        }
                        line.push(b'\n');
                    }
                    None => break,
                },
                Some(error) = errors_rx.recv() => line = error,
            }
            if output.write_all(&line).await.is_err() || output.flush().await.is_err() {
                break;
            }
        }
    });
    // Incoming lines, checked, to rmcp.
    let check = tokio::spawn(async move {
        let mut reader = BufReader::new(input);
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
                let _ = errors_tx.send(error_line(&ErrorReply::without_id(
                    -32600,
                    format!("Invalid Request: a message may be at most {MAX_LINE_BYTES} bytes"),
                )));
                continue;
            }
            match wire::check(&line) {
                Check::Pass(parsed) => {
                    let message = match parsed {
                        Some(message) => *message,
                        // A notification or a response: one rmcp does not know is
                        // dropped, as its own transport drops it; none needs a reply.
                        None => match parse_message(&line) {
                            Some(message) => message,
                            None => continue,
                        },
                    };
                    if requests_tx.send(message).is_err() {
                        break;
                    }
                }
                Check::Blank => {}
                Check::Reply(reply) => {
                    // The message quotes the caller's input: debug only, and shown
                    // escaped and cut.
                    tracing::debug!(
                        code = reply.code,
                        id = %wire::shown(reply.id()),
                        "refused a message: {}",
                        wire::shown(&reply.message)
                    );
                    let _ = errors_tx.send(error_line(&reply));
                }
            }
        }
        // Dropping the sender ends rmcp's input, and with it the session.
    });

    let incoming = futures::stream::poll_fn(move |cx| requests_rx.poll_recv(cx));
    let running = server.serve((responses_tx, incoming)).await?;
    let reason = running.waiting().await?;
    tracing::info!(?reason, "stdio session ended");
    check.abort();
    let _ = writer.await;
    Ok(())
}

/// A notification or response line as rmcp's message, `None` when rmcp would not
/// take it either.
fn parse_message(line: &[u8]) -> Option<ClientJsonRpcMessage> {
    let line = line.strip_prefix("\u{feff}".as_bytes()).unwrap_or(line);
    match serde_json::from_slice(line) {
        Ok(message) => Some(message),
        Err(e) => {
            tracing::debug!("dropped a message rmcp does not know: {e}");
            None
        }
    }
}

fn error_line(reply: &ErrorReply) -> Vec<u8> {
    let mut line = reply.to_json();
    line.push(b'\n');
    line
}
