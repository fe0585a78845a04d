//! Bad input through the real binary, over stdio and over HTTP: every case gets a
//! specific error (a tool result with `isError` naming the field, or a JSON-RPC error
//! with its code, or an HTTP status), and the server answers the next request.

use std::process::{Command, Stdio};

use serde_json::{Value, json};

mod common;
use common::stdio::StdioServer;

#[derive(Clone, Debug)]
enum Expect {
    /// A tool result with isError whose text names this field.
    Tool(&'static str),
    /// A JSON-RPC error with this code.
    Rpc(i64),
}

struct Case {
    name: String,
    body: Vec<u8>,
    /// What stdio and HTTP answer.
    expect: Expect,
    /// The reply's id exactly as it must appear on the wire: the request's id
    /// whenever it can be read, `null` only when it cannot.
    id: String,
}

impl Case {
    /// HTTP's status for this reply: 400 for messages that are not JSON-RPC
    /// requests at all, the usual 200 for every error about a request.
    fn http_status(&self) -> u16 {
        match self.expect {
            Expect::Rpc(-32700) | Expect::Rpc(-32600) => 400,
            _ => 200,
        }
    }
}

fn tool(name: &str, arguments: Value) -> Vec<u8> {
    serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 7, "method": "tools/call", "params": {"name": name, "arguments": arguments}})).unwrap()
}

const METACHARACTERS: [&str; 7] = [
    "a;rm -rf ~",
    "$(id)",
    "`id`",
    "a'b\"c",
    "a\nb",
    "*",
    "a&&b|c>d",
];

fn cases() -> Vec<Case> {
    let mut out = Vec::new();
    let mut add = |name: &str, body: Vec<u8>, expect: Expect| {
        out.push(Case {
            name: name.to_string(),
            body,
            expect,
            id: "7".into(),
        })
    };
    let q = "answer_cmk_question";
    add(
        "question missing",
        tool(q, json!({})),
        Expect::Tool("question"),
    );
    for (n, v) in [
        ("number", json!(42)),
        ("array", json!(["a"])),
        ("object", json!({"a": 1})),
        ("null", json!(null)),
        ("bool", json!(true)),
    ] {
        add(
            &format!("question is a {n}"),
            tool(q, json!({"question": v})),
            Expect::Tool("question"),
        );
    }
    add(
        "question empty",
        tool(q, json!({"question": ""})),
        Expect::Tool("question"),
    );
    add(
        "question whitespace",
        tool(q, json!({"question": " \t\n "})),
        Expect::Tool("question"),
    );
    add(
        "question 1 MB",
        tool(q, json!({"question": "a".repeat(1 << 20)})),
        Expect::Tool("question"),
    );
    add(
        "question with NUL",
        tool(q, json!({"question": "rotate\u{0}key"})),
        Expect::Tool("question"),
    );
    add(
        "question with a control character",
        tool(q, json!({"question": "rotate\u{7}key"})),
        Expect::Tool("question"),
    );
    add(
        "extra field",
        tool(q, json!({"question": "x", "verbose": true})),
        Expect::Tool("verbose"),
    );
    for v in [
        json!("3"),
        json!(2.5),
        json!(-1),
        json!(0),
        json!(11),
        json!(1e20),
    ] {
        add(
            &format!("max_results {v}"),
            tool(q, json!({"question": "x", "max_results": v})),
            Expect::Tool("max_results"),
        );
    }
    for v in [json!(10), json!(999_999), json!("big")] {
        add(
            &format!("max_chars {v}"),
            tool(q, json!({"question": "x", "max_chars": v})),
            Expect::Tool("max_chars"),
        );
    }

    let s = "get_setup_commands";
    add(
        "scenario missing",
        tool(s, json!({"registry_name": "contosoacr01"})),
        Expect::Tool("scenario"),
    );
    add(
        "scenario unknown",
        tool(s, json!({"scenario": "make_coffee"})),
        Expect::Tool("scenario"),
    );
    add(
        "scenario wrong type",
        tool(s, json!({"scenario": 3})),
        Expect::Tool("scenario"),
    );
    // Every Azure naming rule, broken.
    for (field, value) in [
        ("registry_name", "Contoso01"),
        ("registry_name", "acr"),
        ("registry_name", "contoso-acr"),
        ("registry_name", "c".repeat(51).as_str()),
        ("key_vault_name", "kv--cmk"),
        ("key_vault_name", "1kv"),
        ("key_vault_name", "kv-"),
        ("key_vault_name", "k".repeat(25).as_str()),
        ("resource_group", "rg."),
        ("resource_group", "rg acr"),
        ("resource_group", "r".repeat(91).as_str()),
        ("identity_name", "-id"),
        ("identity_name", "id"),
        ("key_name", "key_1"),
        ("location", "West Europe"),
        ("new_key_vault_name", "kv_2"),
        ("new_key_vault_resource_group", "rg/2"),
        ("new_key_name", "key.2"),
        ("key_rotation_interval", "P3D"),
        ("key_rotation_interval", "90 days"),
    ] {
        add(
            &format!("{field} = {value:.20}"),
            tool(s, json!({"scenario": "create_registry", field: value})),
            Expect::Tool(field),
        );
    }
    add(
        "key_size 1024",
        tool(s, json!({"scenario": "create_registry", "key_size": 1024})),
        Expect::Tool("key_size"),
    );
    add(
        "key_size string",
        tool(
            s,
            json!({"scenario": "create_registry", "key_size": "4096"}),
        ),
        Expect::Tool("key_size"),
    );
    add(
        "key_type EC",
        tool(s, json!({"scenario": "create_registry", "key_type": "EC"})),
        Expect::Tool("key_type"),
    );
    add(
        "permission_model unknown",
        tool(
            s,
            json!({"scenario": "create_registry", "permission_model": "acl"}),
        ),
        Expect::Tool("permission_model"),
    );
    add(
        "recover unknown",
        tool(
            s,
            json!({"scenario": "restore_access", "recover": "everything"}),
        ),
        Expect::Tool("recover"),
    );
    add(
        "allowed_ip_ranges not an array",
        tool(
            s,
            json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": "1.2.3.4"}),
        ),
        Expect::Tool("allowed_ip_ranges"),
    );
    add(
        "allowed_ip_ranges bad entry",
        tool(
            s,
            json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": ["1.2.3.4", "1.2.3.400"]}),
        ),
        Expect::Tool("allowed_ip_ranges[1]"),
    );
    add(
        "create_resource_group string",
        tool(
            s,
            json!({"scenario": "create_registry", "create_resource_group": "yes"}),
        ),
        Expect::Tool("create_resource_group"),
    );
    // Shell metacharacters in every string parameter.
    for field in [
        "registry_name",
        "resource_group",
        "location",
        "identity_name",
        "key_vault_name",
        "key_name",
        "new_key_vault_name",
        "new_key_vault_resource_group",
        "new_key_name",
        "key_rotation_interval",
    ] {
        for m in METACHARACTERS {
            add(
                &format!("{field} with {m:?}"),
                tool(s, json!({"scenario": "rotate_key", field: m})),
                Expect::Tool(field),
            );
        }
    }
    for m in METACHARACTERS {
        add(
            &format!("allowed_ip_ranges with {m:?}"),
            tool(
                s,
                json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": [m]}),
            ),
            Expect::Tool("allowed_ip_ranges[0]"),
        );
    }
    // Unicode look-alikes.
    for (field, value) in [
        ("registry_name", "cоntosoacr01"),   // Cyrillic о
        ("registry_name", "ｃontosoacr01"),  // fullwidth c
        ("key_vault_name", "kv‐cmk"),        // U+2010 hyphen
        ("resource_group", "rg\u{200b}acr"), // zero-width space
        ("identity_name", "id\u{00a0}acr"),  // no-break space
        ("key_name", "key\u{2011}1"),        // non-breaking hyphen
    ] {
        add(
            &format!("{field} look-alike {value}"),
            tool(s, json!({"scenario": "create_registry", field: value})),
            Expect::Tool(field),
        );
    }

    let t = "troubleshoot";
    add(
        "symptom missing",
        tool(t, json!({})),
        Expect::Tool("symptom"),
    );
    add(
        "symptom empty",
        tool(t, json!({"symptom": ""})),
        Expect::Tool("symptom"),
    );
    add(
        "symptom too long",
        tool(t, json!({"symptom": "x".repeat(20_001)})),
        Expect::Tool("symptom"),
    );
    add(
        "symptom with NUL",
        tool(t, json!({"symptom": "403\u{0}"})),
        Expect::Tool("symptom"),
    );
    for field in [
        "registry_name",
        "resource_group",
        "key_vault_name",
        "key_name",
        "identity_name",
    ] {
        add(
            &format!("troubleshoot {field} with $(id)"),
            tool(t, json!({"symptom": "403", field: "$(id)"})),
            Expect::Tool(field),
        );
    }
    add(
        "troubleshoot extra field",
        tool(t, json!({"symptom": "403", "subscription": "x"})),
        Expect::Tool("subscription"),
    );
    let r = "read_section";
    add(
        "read_section uri missing",
        tool(r, json!({})),
        Expect::Tool("uri"),
    );
    for uri in [
        "skill://acr-cmk/../../../etc/passwd",
        "file:///etc/passwd",
        "",
        "skill://acr-cmk/SKILL.md#nope",
        "http://example.com/",
    ] {
        add(
            &format!("read_section {uri:?}"),
            tool(r, json!({"uri": uri})),
            Expect::Tool("uri"),
        );
    }

    // Protocol.
    add(
        "unknown tool",
        tool("rm_rf", json!({})),
        Expect::Rpc(-32602),
    );
    add(
        "unknown method",
        br#"{"jsonrpc":"2.0","id":7,"method":"tools/run"}"#.to_vec(),
        Expect::Rpc(-32601),
    );
    for uri in [
        "skill://acr-cmk/../../etc/passwd",
        "file:///etc/passwd",
        "skill://",
        "skill://acr-cmk/%2e%2e/SKILL.md",
        "not a uri",
    ] {
        add(
            &format!("resources/read {uri:?}"),
            serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 7, "method": "resources/read", "params": {"uri": uri}})).unwrap(),
            Expect::Rpc(-32002),
        );
    }
    add(
        "prompts/get unknown",
        br#"{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"nope"}}"#.to_vec(),
        Expect::Rpc(-32602),
    );
    add(
        "prompts/get without its required argument",
        br#"{"jsonrpc":"2.0","id":7,"method":"prompts/get","params":{"name":"troubleshoot_cmk"}}"#
            .to_vec(),
        Expect::Rpc(-32602),
    );
    add(
        "resources/list with a bad cursor",
        br#"{"jsonrpc":"2.0","id":7,"method":"resources/list","params":{"cursor":"zzz"}}"#.to_vec(),
        Expect::Rpc(-32602),
    );

    add(
        "tools/call arguments not an object",
        br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{"name":"answer_cmk_question","arguments":"x"}}"#.to_vec(),
        Expect::Rpc(-32602),
    );
    add(
        "tools/call params an array",
        br#"{"jsonrpc":"2.0","id":7,"method":"tools/call","params":[1,2]}"#.to_vec(),
        Expect::Rpc(-32602),
    );
    add(
        "resources/read without a uri",
        br#"{"jsonrpc":"2.0","id":7,"method":"resources/read","params":{}}"#.to_vec(),
        Expect::Rpc(-32602),
    );

    // Requests that are not valid JSON-RPC but whose id can be read: the reply
    // carries that id, exactly as sent.
    let with_id = |name: &str, body: &str, code: i64, id: &str| Case {
        name: name.into(),
        body: body.as_bytes().to_vec(),
        expect: Expect::Rpc(code),
        id: id.into(),
    };
    out.push(with_id(
        "params a string",
        r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":"answer_cmk_question"}"#,
        -32600,
        "5",
    ));
    out.push(with_id(
        "params a string, string id",
        r#"{"jsonrpc":"2.0","id":"req-5","method":"tools/list","params":"x"}"#,
        -32600,
        r#""req-5""#,
    ));
    out.push(with_id(
        "jsonrpc 1.0",
        r#"{"jsonrpc":"1.0","id":5,"method":"ping"}"#,
        -32600,
        "5",
    ));
    out.push(with_id(
        "jsonrpc missing",
        r#"{"id":5,"method":"ping"}"#,
        -32600,
        "5",
    ));
    out.push(with_id(
        "numeric method",
        r#"{"jsonrpc":"2.0","id":5,"method":42}"#,
        -32600,
        "5",
    ));
    out.push(with_id(
        "method missing",
        r#"{"jsonrpc":"2.0","id":5,"params":{}}"#,
        -32600,
        "5",
    ));
    let nested = format!(
        r#"{{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{{"name":"troubleshoot","arguments":{{"symptom":{}"x"{}}}}}}}"#,
        "[".repeat(200),
        "]".repeat(200)
    );
    out.push(with_id("nested 200 levels", &nested, -32600, "5"));
    out.push(with_id(
        "id 2^64-1",
        r#"{"jsonrpc":"2.0","id":18446744073709551615,"method":"ping"}"#,
        -32600,
        "18446744073709551615",
    ));
    out.push(with_id(
        "id beyond 64 bits",
        r#"{"jsonrpc":"2.0","id":123456789012345678901234567890,"method":"ping"}"#,
        -32600,
        "123456789012345678901234567890",
    ));
    out.push(with_id(
        "lone surrogate in an argument",
        r#"{"jsonrpc":"2.0","id":5,"method":"tools/call","params":{"name":"answer_cmk_question","arguments":{"question":"\ud800"}}}"#,
        -32700,
        "5",
    ));
    out.push(with_id(
        "lone surrogate in the method",
        r#"{"jsonrpc":"2.0","id":5,"method":"\udfff"}"#,
        -32600,
        "5",
    ));
    out.push(with_id(
        "id an object",
        r#"{"jsonrpc":"2.0","id":{"a":1},"method":"ping"}"#,
        -32600,
        "null",
    ));
    out.push(with_id(
        "id null",
        r#"{"jsonrpc":"2.0","id":null,"method":"ping"}"#,
        -32600,
        "null",
    ));
    out.push(with_id(
        "no id, numeric method",
        r#"{"jsonrpc":"2.0","method":1,"params":"bar"}"#,
        -32600,
        "null",
    ));

    // The wire.
    let wire = |name: &str, body: Vec<u8>, code: i64| Case {
        name: name.into(),
        body,
        expect: Expect::Rpc(code),
        id: "null".into(),
    };
    out.push(wire(
        "invalid UTF-8",
        b"\xff\xfe{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}".to_vec(),
        -32700,
    ));
    out.push(wire("not JSON", b"hello there".to_vec(), -32700));
    out.push(wire(
        "truncated JSON",
        br#"{"jsonrpc":"2.0","id":7,"method":"#.to_vec(),
        -32700,
    ));
    let deep = format!(
        r#"{{"jsonrpc":"2.0","id":7,"method":"tools/call","params":{{"name":"troubleshoot","arguments":{{"symptom":{}{}}}}}}}"#,
        "[".repeat(10_000),
        "]".repeat(10_000)
    );
    out.push(Case {
        id: "7".into(),
        ..wire("deeply nested JSON", deep.into_bytes(), -32600)
    });
    out.push(wire(
        "JSON-RPC batch array",
        br#"[{"jsonrpc":"2.0","id":7,"method":"ping"},{"jsonrpc":"2.0","id":8,"method":"ping"}]"#
            .to_vec(),
        -32600,
    ));
    out.push(wire("a bare number", b"42".to_vec(), -32600));
    out
}

/// The reply's `id` as it appears on the wire (a u64 or a 30-digit integer must come
/// back digit for digit, which a parsed number would not show).
fn raw_id(reply: &str) -> String {
    #[derive(serde::Deserialize)]
    struct Id {
        id: Option<Box<serde_json::value::RawValue>>,
    }
    match serde_json::from_str::<Id>(reply) {
        Ok(Id { id: Some(id) }) => id.get().to_string(),
        Ok(Id { id: None }) => "null".into(),
        Err(e) => panic!("the reply is not JSON ({e}): {reply}"),
    }
}

fn judge(case: &Case, text: &str) {
    // Big integers parse lossily, so the id is judged from the reply's text.
    let reply: Value = serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("{}: the reply is not JSON ({e}): {text:.300}", case.name));
    assert_eq!(
        raw_id(text),
        case.id,
        "{}: the reply must carry the request's id: {text:.300}",
        case.name
    );
    match &case.expect {
        Expect::Tool(field) => {
            let result = &reply["result"];
            assert_eq!(result["isError"], true, "{}: {reply}", case.name);
            let text = result["content"][0]["text"].as_str().unwrap_or("");
            assert!(
                text.contains(&format!("'{field}'")),
                "{}: the error must name {field}: {text}",
                case.name
            );
            assert!(result.get("structuredContent").is_none(), "{}", case.name);
        }
        Expect::Rpc(code) => {
            assert_eq!(
                reply["error"]["code"].as_i64(),
                Some(*code),
                "{}: {reply}",
                case.name
            );
            assert!(!reply["error"]["message"].as_str().unwrap_or("").is_empty());
        }
    }
}

#[test]
fn bad_input_over_stdio() {
    let cases = cases();
    assert!(cases.len() >= 60, "{}", cases.len());
    let mut server = StdioServer::start("2025-11-25");
    for (i, case) in cases.iter().enumerate() {
        server.send(&case.body);
        let reply = server.read_line();
        judge(case, &reply);
        // Still answering.
        server.send(format!(r#"{{"jsonrpc":"2.0","id":{},"method":"ping"}}"#, 1000 + i).as_bytes());
        let pong = server.read();
        assert_eq!(pong["id"], 1000 + i, "after {}: {pong}", case.name);
    }
    assert!(server.close().success());
    println!("{} bad-input cases over stdio", cases.len());
}

#[tokio::test]
async fn bad_input_over_http() {
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
        .args([
            "serve",
            "--http",
            &format!("127.0.0.1:{port}"),
            "--stateless",
            "--max-body-bytes",
            "4194304",
        ])
        .stderr(Stdio::null())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/mcp");
    let http = reqwest::Client::new();
    let post = |body: Vec<u8>| {
        http.post(&url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25")
            .body(body)
            .send()
    };
    for _ in 0..100 {
        if post(b"{}".to_vec()).await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    let cases = cases();
    for case in &cases {
        let response = post(case.body.clone()).await.unwrap();
        let status = response.status().as_u16();
        let text = response.text().await.unwrap();
        assert_eq!(status, case.http_status(), "{}: {text:.300}", case.name);
        judge(case, &text);
        let pong = post(br#"{"jsonrpc":"2.0","id":9,"method":"ping"}"#.to_vec())
            .await
            .unwrap();
        assert_eq!(pong.status().as_u16(), 200, "after {}", case.name);
    }
    child.kill().await.unwrap();
    println!("{} bad-input cases over HTTP", cases.len());
}

/// Caller values never reach the log at the default level: not a 900 KB resource URI
/// (rmcp used to log each one twice, at WARN), not a prompt argument, a method name
/// or a Host header. Whatever is logged stays small.
#[tokio::test]
async fn caller_values_stay_out_of_the_log() {
    let uri = format!("skill://acr-cmk/{}", "A".repeat(900_000));
    let method = format!("$(id)/{}", "B".repeat(1000));
    let mut messages = vec![
        json!({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"t","version":"0"}}}),
        json!({"jsonrpc":"2.0","method":"notifications/initialized"}),
    ];
    for i in 0..5 {
        messages.push(
            json!({"jsonrpc":"2.0","id":10 + i,"method":"resources/read","params":{"uri": uri}}),
        );
    }
    messages.extend([
        json!({"jsonrpc":"2.0","id":20,"method":"prompts/get","params":{"name":"troubleshoot_cmk","arguments":{"symptom":"$(id)","section":"$(id)"}}}),
        json!({"jsonrpc":"2.0","id":21,"method":"prompts/get","params":{"name":"$(id)"}}),
        json!({"jsonrpc":"2.0","id":22,"method": method}),
        json!({"jsonrpc":"2.0","id":23,"method":"tools/call","params":{"name":"$(id)","arguments":{}}}),
        json!({"jsonrpc":"2.0","id":"$(id)","method":"tools/call","params":{"name":"x","arguments":"$(id)"}}),
    ]);
    let mut input = Vec::new();
    for m in &messages {
        input.extend(serde_json::to_vec(m).unwrap());
        input.push(b'\n');
    }
    let mut child = tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
        .arg("serve")
        .env_remove("RUST_LOG")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let writer = tokio::spawn(async move {
        use tokio::io::AsyncWriteExt;
        stdin.write_all(&input).await.unwrap();
        // Closing stdin ends the session once every request is answered.
    });
    let out = tokio::time::timeout(std::time::Duration::from_secs(60), child.wait_with_output())
        .await
        .expect("the server answers and exits")
        .unwrap();
    writer.await.unwrap();
    let replies = String::from_utf8_lossy(&out.stdout);
    assert_eq!(
        replies.lines().count(),
        messages.len() - 1,
        "every request is answered"
    );
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.len() < 4096,
        "{} bytes of log:\n{:.2000}",
        log.len(),
        log
    );
    for value in ["$(id)", "AAAAAAAAAA", "BBBBBBBBBB"] {
        assert!(!log.contains(value), "{value} in the log:\n{log:.2000}");
    }

    // Over HTTP: the same URI, and a Host and an Origin that are refused.
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = tokio::process::Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
        .args([
            "serve",
            "--http",
            &format!("127.0.0.1:{port}"),
            "--stateless",
        ])
        .env_remove("RUST_LOG")
        .stderr(Stdio::piped())
        .kill_on_drop(true)
        .spawn()
        .unwrap();
    let url = format!("http://127.0.0.1:{port}/mcp");
    let http = reqwest::Client::new();
    let post = |body: Value, extra: Option<(&'static str, &'static str)>| {
        let mut r = http
            .post(&url)
            .header("Content-Type", "application/json")
            .header("Accept", "application/json, text/event-stream")
            .header("MCP-Protocol-Version", "2025-11-25");
        if let Some((k, v)) = extra {
            r = r.header(k, v);
        }
        r.body(body.to_string()).send()
    };
    let ping = json!({"jsonrpc":"2.0","id":1,"method":"ping"});
    for _ in 0..200 {
        if post(ping.clone(), None).await.is_ok() {
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(25)).await;
    }
    let read = json!({"jsonrpc":"2.0","id":10,"method":"resources/read","params":{"uri": uri}});
    assert_eq!(post(read.clone(), None).await.unwrap().status(), 200);
    let refused = post(ping.clone(), Some(("Host", "evil-$(id).example")))
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let refused = post(ping.clone(), Some(("Origin", "http://evil-$(id).example")))
        .await
        .unwrap();
    assert_eq!(refused.status(), 403);
    let pid = child.id().unwrap().to_string();
    Command::new("kill").args(["-TERM", &pid]).status().unwrap();
    let out = child.wait_with_output().await.unwrap();
    let log = String::from_utf8_lossy(&out.stderr);
    assert!(
        log.len() < 4096,
        "{} bytes of log:\n{:.2000}",
        log.len(),
        log
    );
    for value in ["$(id)", "AAAAAAAAAA", "evil"] {
        assert!(!log.contains(value), "{value} in the log:\n{log:.2000}");
    }
    assert!(log.contains("Host or Origin is not allowed"), "{log}");
}
