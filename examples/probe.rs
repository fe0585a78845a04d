//! Probe: hostile connection patterns against the built binary over streamable HTTP,
//! while a normal request is timed throughout (a fresh connection every 50 ms, which
//! must be answered within 100 ms), with the server's resident memory before and after.
//!
//! ```text
//! cargo build --release
//! cargo run --release --example probe -- [--binary target/release/acr-cmk-mcp] [--session-idle-timeout 15]
//! ```
//!
//! `--session-idle-timeout none` passes no such flag to the server (for builds without
//! it) and skips the expiry part of phase 5.
//!
//! Phases, one after the other:
//! 1. 500 connections that send nothing (closed at the 10 s header deadline);
//! 2. 300 connections that send part of their headers, then nothing;
//! 3. 300 requests whose bodies trickle in a byte every 1.5 s (408 at the 10 s body
//!    deadline; they never hold a concurrency permit);
//! 4. 500 connections that make one request, then idle (closed at the header deadline,
//!    which is also the keep-alive idle limit);
//! 5. 2,000 `initialize` requests (sessions past the cap of 1,000 get 503), then every
//!    session deleted, then 1,000 sessions left to expire.
//!
//! For each phase it prints what the server did with the connections, the normal
//! request's latency (p50, p99, max, and how many took over 100 ms or failed) and the
//! server's RSS. It exits 1 if any normal request failed or took over 100 ms. Traffic
//! stays on 127.0.0.1.

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

fn arg(name: &str, default: &str) -> String {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1).cloned())
        .unwrap_or_else(|| default.to_string())
}

fn rss_kib(pid: u32) -> u64 {
    std::fs::read_to_string(format!("/proc/{pid}/status"))
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmRSS:"))
                .and_then(|l| l.split_whitespace().nth(1)?.parse().ok())
        })
        .unwrap_or(0)
}

fn open_fds(pid: u32) -> usize {
    std::fs::read_dir(format!("/proc/{pid}/fd")).map_or(0, |d| d.count())
}

/// The normal request: a question, in protocol 2026-07-28, which needs no session
/// (the server runs in session mode, for phase 5).
const QUESTION: &str = r#"{"jsonrpc":"2.0","id":1,"method":"tools/call","params":{"name":"answer_cmk_question","arguments":{"question":"Which SKU do I need for a customer-managed key?"},"_meta":{"io.modelcontextprotocol/protocolVersion":"2026-07-28","io.modelcontextprotocol/clientCapabilities":{},"io.modelcontextprotocol/clientInfo":{"name":"probe","version":"0"}}}}"#;
const QUESTION_HEADERS: &str = "MCP-Protocol-Version: 2026-07-28\r\nMcp-Method: tools/call\r\nMcp-Name: answer_cmk_question\r\n";

fn post(addr: SocketAddr, body: &str, keep_alive: bool, extra: &str) -> String {
    format!(
        "POST /mcp HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\n{extra}Content-Length: {}\r\nConnection: {}\r\n\r\n{body}",
        body.len(),
        if keep_alive { "keep-alive" } else { "close" }
    )
}

/// One normal request on a fresh connection: its latency, or why it failed.
async fn normal_request(addr: SocketAddr) -> Result<Duration, String> {
    let started = Instant::now();
    let exchange = async {
        let mut s = TcpStream::connect(addr).await.map_err(|e| e.to_string())?;
        s.set_nodelay(true).ok();
        s.write_all(post(addr, QUESTION, false, QUESTION_HEADERS).as_bytes())
            .await
            .map_err(|e| e.to_string())?;
        let mut response = Vec::new();
        s.read_to_end(&mut response)
            .await
            .map_err(|e| e.to_string())?;
        let text = String::from_utf8_lossy(&response);
        if text.starts_with("HTTP/1.1 200") && text.contains("\"confident\":true") {
            Ok(())
        } else {
            Err(format!("{text:.200}"))
        }
    };
    match tokio::time::timeout(Duration::from_secs(5), exchange).await {
        Ok(Ok(())) => Ok(started.elapsed()),
        Ok(Err(e)) => Err(e),
        Err(_) => Err("no answer within 5 s".into()),
    }
}

/// Times a normal request every 50 ms until stopped.
struct Sentinel {
    samples: Mutex<Vec<Result<Duration, String>>>,
    stop: AtomicBool,
}

impl Sentinel {
    fn start(addr: SocketAddr) -> Arc<Sentinel> {
        let sentinel = Arc::new(Sentinel {
            samples: Mutex::new(Vec::new()),
            stop: AtomicBool::new(false),
        });
        let s = sentinel.clone();
        tokio::spawn(async move {
            while !s.stop.load(Ordering::Relaxed) {
                let sample = normal_request(addr).await;
                s.samples.lock().unwrap().push(sample);
                tokio::time::sleep(Duration::from_millis(50)).await;
            }
        });
        sentinel
    }

    /// The samples so far, cleared; printed as one line.
    fn report(&self) -> (String, bool) {
        let samples = std::mem::take(&mut *self.samples.lock().unwrap());
        let failures: Vec<&String> = samples.iter().filter_map(|s| s.as_ref().err()).collect();
        let mut ok: Vec<Duration> = samples
            .iter()
            .filter_map(|s| s.as_ref().ok().copied())
            .collect();
        ok.sort();
        let at = |q: f64| {
            ok.get(((ok.len() as f64 - 1.0) * q).round() as usize)
                .map_or(0.0, |d| d.as_secs_f64() * 1e3)
        };
        let slow = ok
            .iter()
            .filter(|d| **d > Duration::from_millis(100))
            .count();
        let line = format!(
            "normal request: {} samples, p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms, over 100 ms: {slow}, failed: {}{}",
            samples.len(),
            at(0.5),
            at(0.99),
            at(1.0),
            failures.len(),
            failures
                .first()
                .map(|f| format!(" (first: {f})"))
                .unwrap_or_default()
        );
        (line, slow == 0 && failures.is_empty())
    }
}

/// How many of `streams` the server has closed (a read returns end of file or an
/// error); the bytes they got are returned too.
async fn closed_by_server(streams: &mut [TcpStream]) -> (usize, Vec<String>) {
    let mut closed = 0;
    let mut answers = Vec::new();
    for s in streams.iter_mut() {
        let mut got = Vec::new();
        let mut buf = [0u8; 2048];
        let mut ended = false;
        loop {
            match tokio::time::timeout(Duration::from_millis(5), s.read(&mut buf)).await {
                Ok(Ok(0)) | Ok(Err(_)) => {
                    ended = true;
                    break;
                }
                Ok(Ok(n)) => got.extend_from_slice(&buf[..n]),
                Err(_) => break,
            }
        }
        if ended {
            closed += 1;
        }
        answers.push(String::from_utf8_lossy(&got).into_owned());
    }
    (closed, answers)
}

async fn connect_many(addr: SocketAddr, n: usize) -> Vec<TcpStream> {
    let mut out = Vec::with_capacity(n);
    for _ in 0..n {
        match TcpStream::connect(addr).await {
            Ok(s) => out.push(s),
            Err(e) => {
                eprintln!("connect failed after {} connections: {e}", out.len());
                break;
            }
        }
    }
    out
}

#[tokio::main]
async fn main() {
    let binary = arg("--binary", "target/release/acr-cmk-mcp");
    let session_idle = arg("--session-idle-timeout", "15");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let addr: SocketAddr = ([127, 0, 0, 1], port).into();
    let mut args = vec!["serve".to_string(), "--http".into(), addr.to_string()];
    if session_idle != "none" {
        args.extend(["--session-idle-timeout".into(), session_idle.clone()]);
    }
    let mut server = tokio::process::Command::new(&binary)
        .args(&args)
        .env("RUST_LOG", "warn")
        .kill_on_drop(true)
        .spawn()
        .unwrap_or_else(|e| panic!("starting {binary}: {e} (run cargo build --release first)"));
    let pid = server.id().unwrap();
    let mut up = false;
    for _ in 0..200 {
        if normal_request(addr).await.is_ok() {
            up = true;
            break;
        }
        tokio::time::sleep(Duration::from_millis(25)).await;
    }
    assert!(up, "the server did not come up");
    for _ in 0..200 {
        let _ = normal_request(addr).await;
    }
    let rss_start = rss_kib(pid);
    println!(
        "server pid {pid}, RSS after warm-up: {rss_start} KiB, open fds {}",
        open_fds(pid)
    );
    let sentinel = Sentinel::start(addr);
    let mut all_ok = true;
    let mut phase = |name: &str, outcome: String| {
        let (line, ok) = sentinel.report();
        all_ok &= ok;
        println!(
            "\n== {name}\n   {outcome}\n   {line}\n   server RSS {} KiB, open fds {}",
            rss_kib(pid),
            open_fds(pid)
        );
    };

    // 1. Silent connections.
    let started = Instant::now();
    let mut silent = connect_many(addr, 500).await;
    tokio::time::sleep(Duration::from_secs(2)).await;
    let fds_held = open_fds(pid);
    tokio::time::sleep(Duration::from_secs(10)).await;
    let (closed, _) = closed_by_server(&mut silent).await;
    drop(silent);
    phase(
        "500 connections that send nothing",
        format!(
            "{closed} of 500 closed by the server within {:.1} s (server fds while held: {fds_held})",
            started.elapsed().as_secs_f64()
        ),
    );

    // 2. Headers that never finish.
    let started = Instant::now();
    let mut partial = connect_many(addr, 300).await;
    for s in &mut partial {
        let _ = s
            .write_all(format!("POST /mcp HTTP/1.1\r\nHost: {addr}\r\nContent-Ty").as_bytes())
            .await;
    }
    tokio::time::sleep(Duration::from_secs(12)).await;
    let (closed, _) = closed_by_server(&mut partial).await;
    drop(partial);
    phase(
        "300 connections sending half their headers",
        format!(
            "{closed} of 300 closed by the server within {:.1} s",
            started.elapsed().as_secs_f64()
        ),
    );

    // 3. Slow bodies.
    let started = Instant::now();
    let mut slow = connect_many(addr, 300).await;
    for s in &mut slow {
        let head = format!(
            "POST /mcp HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream\r\nContent-Length: 1000\r\n\r\n"
        );
        let _ = s.write_all(head.as_bytes()).await;
    }
    for _ in 0..9 {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        for s in &mut slow {
            let _ = s.write_all(b" ").await;
        }
    }
    let (_, answers) = closed_by_server(&mut slow).await;
    let timed_out = answers
        .iter()
        .filter(|a| a.starts_with("HTTP/1.1 408"))
        .count();
    drop(slow);
    phase(
        "300 bodies trickling a byte every 1.5 s",
        format!(
            "{timed_out} of 300 answered 408 within {:.1} s",
            started.elapsed().as_secs_f64()
        ),
    );

    // 4. Idle after a request.
    let started = Instant::now();
    let mut idle = connect_many(addr, 500).await;
    // One request each, spread over 2.5 s: the point is the idling that follows.
    for s in &mut idle {
        let _ = s
            .write_all(post(addr, QUESTION, true, QUESTION_HEADERS).as_bytes())
            .await;
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    tokio::time::sleep(Duration::from_secs(12)).await;
    let (closed, answers) = closed_by_server(&mut idle).await;
    let answered = answers
        .iter()
        .filter(|a| a.starts_with("HTTP/1.1 200"))
        .count();
    drop(idle);
    phase(
        "500 connections idle after one request",
        format!(
            "{answered} answered, {closed} of 500 closed by the server within {:.1} s",
            started.elapsed().as_secs_f64()
        ),
    );

    // 5. Sessions.
    let rss_before_sessions = rss_kib(pid);
    let http = reqwest::Client::builder()
        .pool_max_idle_per_host(16)
        .build()
        .unwrap();
    let url = format!("http://{addr}/mcp");
    let initialize = |id: usize| {
        let http = http.clone();
        let url = url.clone();
        async move {
            let r = http
                .post(&url)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .body(
                    json!({"jsonrpc": "2.0", "id": id, "method": "initialize", "params": {
                        "protocolVersion": "2025-11-25", "capabilities": {},
                        "clientInfo": {"name": "probe", "version": "0"}}})
                    .to_string(),
                )
                .send()
                .await
                .unwrap();
            let status = r.status().as_u16();
            let session = r
                .headers()
                .get("mcp-session-id")
                .map(|v| v.to_str().unwrap().to_string());
            let _ = r.bytes().await;
            (status, session)
        }
    };
    let started = Instant::now();
    let mut sessions = Vec::new();
    let mut refused = 0;
    for chunk in (0..2000).collect::<Vec<_>>().chunks(16) {
        let results = futures_join(chunk.iter().map(|&i| initialize(i))).await;
        for (status, session) in results {
            match (status, session) {
                (200, Some(s)) => sessions.push(s),
                (503, _) => refused += 1,
                (other, _) => eprintln!("initialize answered {other}"),
            }
        }
    }
    let rss_open = rss_kib(pid);
    phase(
        "2,000 initialize requests",
        format!(
            "{} sessions opened, {refused} refused with 503, in {:.1} s; RSS {rss_before_sessions} -> {rss_open} KiB ({:+.0} bytes a session)",
            sessions.len(),
            started.elapsed().as_secs_f64(),
            (rss_open as f64 - rss_before_sessions as f64) * 1024.0 / sessions.len().max(1) as f64
        ),
    );
    let mut deleted = 0;
    for s in &sessions {
        let r = http
            .delete(&url)
            .header("Mcp-Session-Id", s)
            .header("MCP-Protocol-Version", "2025-11-25")
            .send()
            .await
            .unwrap();
        deleted += usize::from(r.status().as_u16() == 200);
    }
    tokio::time::sleep(Duration::from_secs(2)).await;
    phase(
        "every session deleted",
        format!("{deleted} DELETEs answered 200; RSS {} KiB", rss_kib(pid)),
    );
    if session_idle == "none" {
        sentinel.stop.store(true, Ordering::Relaxed);
        server.kill().await.ok();
        std::process::exit(if all_ok { 0 } else { 1 });
    }
    let started = Instant::now();
    let mut opened = 0;
    for chunk in (0..1000).collect::<Vec<_>>().chunks(16) {
        for (status, _) in futures_join(chunk.iter().map(|&i| initialize(i))).await {
            opened += usize::from(status == 200);
        }
    }
    let rss_reopened = rss_kib(pid);
    let wait = session_idle.parse::<u64>().unwrap_or(15) + 5;
    tokio::time::sleep(Duration::from_secs(wait)).await;
    let probe = initialize(9999).await;
    phase(
        "1,000 sessions left to expire",
        format!(
            "{opened} opened (RSS {rss_reopened} KiB); {wait} s later a new session is {}; RSS {} KiB (started at {rss_start} KiB) after {:.0} s",
            if probe.0 == 200 {
                "accepted"
            } else {
                "refused"
            },
            rss_kib(pid),
            started.elapsed().as_secs_f64()
        ),
    );

    sentinel.stop.store(true, Ordering::Relaxed);
    server.kill().await.ok();
    if !all_ok {
        println!("\nFAILED: a normal request failed or took over 100 ms");
        std::process::exit(1);
    }
    println!("\nevery normal request was answered within 100 ms");
}

/// Runs the futures concurrently and returns their outputs in order.
async fn futures_join<F>(futures: impl Iterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let handles: Vec<_> = futures.map(tokio::spawn).collect();
    let mut out = Vec::with_capacity(handles.len());
    for h in handles {
        out.push(h.await.unwrap());
    }
    out
}
