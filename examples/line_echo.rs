//! The floor of a stdio call: a program that answers each JSON-RPC request line at
//! once with a canned result of a given size, doing no work. `bench/harness.py` times
//! it with the same client, pipe and pinning as the servers, so "within 2× of the
//! floor" is measured in the same run.
//!
//! ```text
//! cargo build --release --example line_echo
//! target/release/examples/line_echo --bytes 4920
//! ```

use std::io::{BufRead, Write};

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let bytes: usize = args
        .iter()
        .position(|a| a == "--bytes")
        .and_then(|i| args.get(i + 1))
        .and_then(|n| n.parse().ok())
        .unwrap_or(1_000);
    let stdin = std::io::stdin();
    let mut stdout = std::io::stdout().lock();
    let mut line = String::new();
    while stdin.lock().read_line(&mut line).is_ok_and(|n| n > 0) {
        if let Some(id) = request_id(&line) {
            let head = format!(r#"{{"jsonrpc":"2.0","id":{id},"result":{{"pad":""#);
            let pad = bytes.saturating_sub(head.len() + 4);
            let mut reply = head.into_bytes();
            reply.resize(reply.len() + pad, b'x');
            reply.extend_from_slice(b"\"}}\n");
            if stdout
                .write_all(&reply)
                .and_then(|()| stdout.flush())
                .is_err()
            {
                break;
            }
        }
        line.clear();
    }
}

/// The request's integer id, read without parsing the line (the floor does no work);
/// `None` for a notification.
fn request_id(line: &str) -> Option<&str> {
    let start = line.find(r#""id":"#)? + 5;
    let rest = &line[start..];
    let end = rest.find([',', '}'])?;
    Some(rest[..end].trim())
}
