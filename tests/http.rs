//! MCP over streamable HTTP: rmcp's client in session and stateless mode, each pinned
//! protocol revision on the wire, and the transport's guards (Host, Origin, bearer
//! token, body limit, loopback-only default, graceful shutdown).

mod common;

use std::net::SocketAddr;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::mcp::CmkServer;
use acr_cmk_mcp::mcp::http::{HttpError, HttpOptions, app};
use rmcp::ServiceExt;
use rmcp::transport::StreamableHttpClientTransport;
use serde_json::{Value, json};
use tokio_util::sync::CancellationToken;

struct Running {
    addr: SocketAddr,
    stop: CancellationToken,
    task: tokio::task::JoinHandle<()>,
}

async fn start(configure: impl FnOnce(&mut HttpOptions)) -> Running {
    let engine = acr_cmk_mcp::reload::shared(Engine::load(&LoadOptions::default()).unwrap());
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let mut options = HttpOptions::new(addr);
    configure(&mut options);
    let stop = CancellationToken::new();
    let router = app(CmkServer::new(engine), &options, stop.clone()).unwrap();
    let shutdown = stop.clone();
    let task = tokio::spawn(async move {
        axum::serve(listener, router)
            .with_graceful_shutdown(async move { shutdown.cancelled().await })
            .await
            .unwrap();
    });
    Running { addr, stop, task }
}

fn url(r: &Running) -> String {
    format!("http://{}/mcp", r.addr)
}

async fn post(
    r: &Running,
    headers: &[(&str, &str)],
    body: Value,
) -> (u16, Value, reqwest::header::HeaderMap) {
    let mut request = reqwest::Client::new()
        .post(url(r))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream");
    for (k, v) in headers {
        request = request.header(*k, *v);
    }
    let response = request.body(body.to_string()).send().await.unwrap();
    let status = response.status().as_u16();
    let headers = response.headers().clone();
    let text = response.text().await.unwrap();
    // A JSON body, or server-sent events whose data lines hold the JSON.
    let json = serde_json::from_str(&text).unwrap_or_else(|_| {
        text.lines()
            .filter_map(|l| l.strip_prefix("data:"))
            .filter_map(|d| serde_json::from_str::<Value>(d.trim()).ok())
            .next_back()
            .unwrap_or(Value::Null)
    });
    (status, json, headers)
}

#[tokio::test]
async fn rmcp_client_in_session_mode() {
    let server = start(|_| {}).await;
    let client = ().serve(StreamableHttpClientTransport::from_uri(url(&server))).await.unwrap();
    common::check_server(&client).await;
    client.cancel().await.unwrap();
    server.stop.cancel();
    server.task.await.unwrap();
}

#[tokio::test]
async fn rmcp_client_in_stateless_mode() {
    let server = start(|o| o.stateless = true).await;
    let client = ().serve(StreamableHttpClientTransport::from_uri(url(&server))).await.unwrap();
    common::check_server(&client).await;
    client.cancel().await.unwrap();
    server.stop.cancel();
}

fn initialize(version: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
        "protocolVersion": version, "capabilities": {}, "clientInfo": {"name": "test", "version": "0"}}})
}

#[tokio::test]
async fn each_protocol_revision_works() {
    for stateless in [false, true] {
        let server = start(|o| o.stateless = stateless).await;
        for version in ["2025-06-18", "2025-11-25"] {
            let (status, body, headers) = post(&server, &[], initialize(version)).await;
            assert_eq!(status, 200, "{version}: {body}");
            assert_eq!(body["result"]["protocolVersion"], version);
            let session = headers
                .get("mcp-session-id")
                .and_then(|v| v.to_str().ok())
                .map(str::to_string);
            assert_eq!(session.is_some(), !stateless, "{version}");
            let mut h: Vec<(&str, &str)> = vec![("MCP-Protocol-Version", version)];
            if let Some(s) = &session {
                h.push(("Mcp-Session-Id", s));
                let (status, _, _) = post(
                    &server,
                    &h,
                    json!({"jsonrpc": "2.0", "method": "notifications/initialized"}),
                )
                .await;
                assert_eq!(status, 202);
            }
            let call = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call",
                "params": {"name": "answer_cmk_question", "arguments": {"question": "cmk sku?"}}});
            let (status, body, _) = post(&server, &h, call).await;
            assert_eq!(status, 200, "{version} stateless={stateless}: {body}");
            assert_eq!(
                body["result"]["structuredContent"]["confident"], true,
                "{version}: {body}"
            );
        }
        // 2026-07-28: no handshake; every request carries its version.
        let meta = json!({"io.modelcontextprotocol/protocolVersion": "2026-07-28",
            "io.modelcontextprotocol/clientCapabilities": {},
            "io.modelcontextprotocol/clientInfo": {"name": "test", "version": "0"}});
        let h = [
            ("MCP-Protocol-Version", "2026-07-28"),
            ("Mcp-Method", "server/discover"),
        ];
        let (status, body, _) = post(&server, &h, json!({"jsonrpc": "2.0", "id": 1, "method": "server/discover", "params": {"_meta": meta}})).await;
        assert_eq!(status, 200, "{body}");
        assert!(
            body["result"]["supportedVersions"]
                .as_array()
                .unwrap()
                .contains(&json!("2026-07-28"))
        );
        let h = [
            ("MCP-Protocol-Version", "2026-07-28"),
            ("Mcp-Method", "tools/call"),
            ("Mcp-Name", "troubleshoot"),
        ];
        let call = json!({"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": {"name": "troubleshoot",
            "arguments": {"symptom": "CMK_ERROR"}, "_meta": meta}});
        let (status, body, _) = post(&server, &h, call).await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["result"]["resultType"], "complete");
        assert_eq!(
            body["result"]["structuredContent"]["matches"][0]["id"],
            "check-health-reports-cmk_error"
        );
        server.stop.cancel();
    }
}

#[tokio::test]
async fn host_origin_body_and_token_are_enforced() {
    let server = start(|o| o.max_body_bytes = 4096).await;
    let (status, _, _) = post(
        &server,
        &[("Host", "evil.example")],
        initialize("2025-11-25"),
    )
    .await;
    assert_eq!(status, 403, "a foreign Host is DNS rebinding");
    let (status, _, _) = post(
        &server,
        &[("Origin", "http://evil.example")],
        initialize("2025-11-25"),
    )
    .await;
    assert_eq!(status, 403, "a foreign Origin is refused");
    let (status, _, _) = post(
        &server,
        &[("Origin", "http://localhost:5173")],
        initialize("2025-11-25"),
    )
    .await;
    assert_eq!(status, 200, "a localhost Origin is fine");
    let big = json!({"jsonrpc": "2.0", "id": 1, "method": "tools/call", "params": {"name": "troubleshoot", "arguments": {"symptom": "x".repeat(10_000)}}});
    let (status, _, _) = post(&server, &[], big).await;
    assert_eq!(status, 413);
    server.stop.cancel();

    let server = start(|o| o.auth_token = Some("s3cret-token".into())).await;
    let (status, _, headers) = post(&server, &[], initialize("2025-11-25")).await;
    assert_eq!(status, 401);
    assert_eq!(headers.get("www-authenticate").unwrap(), "Bearer");
    let (status, _, _) = post(
        &server,
        &[("Authorization", "Bearer wrong")],
        initialize("2025-11-25"),
    )
    .await;
    assert_eq!(status, 401);
    let (status, body, _) = post(
        &server,
        &[("Authorization", "Bearer s3cret-token")],
        initialize("2025-11-25"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    server.stop.cancel();
}

#[tokio::test]
async fn binding_beyond_loopback_needs_a_token() {
    let engine = acr_cmk_mcp::reload::shared(Engine::load(&LoadOptions::default()).unwrap());
    let options = HttpOptions::new("0.0.0.0:8080".parse().unwrap());
    let err = app(
        CmkServer::new(engine.clone()),
        &options,
        CancellationToken::new(),
    )
    .unwrap_err();
    assert!(matches!(err, HttpError::TokenRequired(_)), "{err}");
    let mut options = HttpOptions::new("0.0.0.0:8080".parse().unwrap());
    options.auth_token = Some("t".into());
    assert!(app(CmkServer::new(engine), &options, CancellationToken::new()).is_ok());
}

#[tokio::test]
async fn the_binary_shuts_down_gracefully_on_sigterm() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
        .args([
            "serve",
            "--http",
            &format!("127.0.0.1:{port}"),
            "--stateless",
        ])
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let running = Running {
        addr: format!("127.0.0.1:{port}").parse().unwrap(),
        stop: CancellationToken::new(),
        task: tokio::spawn(async {}),
    };
    let mut up = false;
    for _ in 0..100 {
        if reqwest::Client::new()
            .post(url(&running))
            .send()
            .await
            .is_ok()
        {
            up = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert!(up, "the server did not come up");
    let (status, _, _) = post(&running, &[], initialize("2025-11-25")).await;
    assert_eq!(status, 200);
    let pid = child.id().unwrap().to_string();
    assert!(
        std::process::Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .unwrap()
            .success()
    );
    let status = tokio::time::timeout(std::time::Duration::from_secs(10), child.wait())
        .await
        .expect("exits in time")
        .unwrap();
    assert!(status.success(), "{status:?}");
    let mut log = String::new();
    use tokio::io::AsyncReadExt;
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut log)
        .await
        .unwrap();
    assert!(log.contains("shutting down"), "{log}");
    assert!(!log.contains("s3cret"));
}
