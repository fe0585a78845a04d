//! A raw JSON-RPC client over the built binary's stdio: bytes out, lines back, no MCP
//! library between the test and the wire.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, Command, ExitStatus, Stdio};
use std::sync::mpsc::Receiver;
use std::time::Duration;

use serde_json::{Value, json};

pub struct StdioServer {
    child: Child,
    stdin: Option<ChildStdin>,
    /// Lines of stdout, read on a thread so that a missing reply fails the test
    /// instead of hanging it.
    lines: Receiver<String>,
}

impl StdioServer {
    /// `acr-cmk-mcp serve`, initialized at `protocol_version`.
    pub fn start(protocol_version: &str) -> StdioServer {
        let mut child = Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start the server");
        let stdin = child.stdin.take();
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let (tx, lines) = std::sync::mpsc::channel();
        std::thread::spawn(move || {
            loop {
                let mut line = String::new();
                match stdout.read_line(&mut line) {
                    Ok(n) if n > 0 => {
                        if tx.send(line).is_err() {
                            break;
                        }
                    }
                    _ => break,
                }
            }
        });
        let mut server = StdioServer {
            child,
            stdin,
            lines,
        };
        server.rpc(
            0,
            "initialize",
            json!({"protocolVersion": protocol_version, "capabilities": {}, "clientInfo": {"name": "raw-stdio-test", "version": "1"}}),
        );
        server.send(br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#);
        server
    }

    /// Writes `line` and a newline.
    pub fn send(&mut self, line: &[u8]) {
        let stdin = self.stdin.as_mut().expect("stdin is open");
        stdin.write_all(line).expect("write a message");
        stdin.write_all(b"\n").expect("write a message");
        stdin.flush().expect("flush");
    }

    /// The next line of stdout, without its newline.
    pub fn read_line(&mut self) -> String {
        self.lines
            .recv_timeout(Duration::from_secs(30))
            .expect("no reply within 30 s (or the server closed stdout)")
            .trim_end()
            .to_string()
    }

    pub fn read(&mut self) -> Value {
        serde_json::from_str(&self.read_line()).expect("a JSON reply")
    }

    /// The response line to one request.
    pub fn rpc(&mut self, id: u64, method: &str, params: Value) -> String {
        let request = json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params});
        self.send(request.to_string().as_bytes());
        self.read_line()
    }

    /// Closes stdin, as a client that is done does, and waits for the server to exit.
    pub fn close(mut self) -> ExitStatus {
        drop(self.stdin.take());
        self.child.wait().expect("wait for the server")
    }
}

impl Drop for StdioServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
