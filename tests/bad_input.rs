//! Bad input through the real binary, over stdio and over HTTP: every case gets a
//! specific error (a tool result with `isError` naming the field, or a JSON-RPC error
//! with its code, or an HTTP status), and the server answers the next request.

use std::io::{BufRead, BufReader, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

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
    /// What stdio answers; HTTP answers the same except where noted.
    expect: Expect,
    /// HTTP's answer when it differs (a status for bodies that are not JSON-RPC).
    http_status: Option<u16>,
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
            http_status: None,
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

    // The wire.
    let wire = |name: &str, body: Vec<u8>, code: i64| Case {
        name: name.into(),
        body,
        expect: Expect::Rpc(code),
        http_status: Some(415),
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
    out.push(wire("deeply nested JSON", deep.into_bytes(), -32600));
    out.push(wire(
        "JSON-RPC batch array",
        br#"[{"jsonrpc":"2.0","id":7,"method":"ping"},{"jsonrpc":"2.0","id":8,"method":"ping"}]"#
            .to_vec(),
        -32600,
    ));
    out.push(wire("a bare number", b"42".to_vec(), -32600));
    out
}

struct Stdio_ {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Stdio_ {
    fn start() -> Stdio_ {
        let mut child = Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
            .arg("serve")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut s = Stdio_ {
            child,
            stdin,
            stdout,
        };
        s.send(br#"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-11-25","capabilities":{},"clientInfo":{"name":"bad-input","version":"0"}}}"#);
        s.read();
        s.send(br#"{"jsonrpc":"2.0","method":"notifications/initialized"}"#);
        s
    }
    fn send(&mut self, body: &[u8]) {
        self.stdin.write_all(body).unwrap();
        self.stdin.write_all(b"\n").unwrap();
        self.stdin.flush().unwrap();
    }
    fn read(&mut self) -> Value {
        let mut line = String::new();
        assert!(
            self.stdout.read_line(&mut line).unwrap() > 0,
            "the server closed stdout"
        );
        serde_json::from_str(&line).unwrap()
    }
}

fn judge(case: &Case, reply: &Value) {
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
    let mut server = Stdio_::start();
    for (i, case) in cases.iter().enumerate() {
        server.send(&case.body);
        let reply = server.read();
        judge(case, &reply);
        // Still answering.
        server.send(format!(r#"{{"jsonrpc":"2.0","id":{},"method":"ping"}}"#, 1000 + i).as_bytes());
        let pong = server.read();
        assert_eq!(pong["id"], 1000 + i, "after {}: {pong}", case.name);
    }
    drop(server.stdin);
    assert!(server.child.wait().unwrap().success());
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
        match case.http_status {
            Some(expected) => {
                assert_eq!(status, expected, "{}: {text}", case.name);
                assert!(!text.is_empty(), "{}", case.name);
            }
            None => {
                assert_eq!(status, 200, "{}: {text}", case.name);
                judge(case, &serde_json::from_str(&text).unwrap());
            }
        }
        let pong = post(br#"{"jsonrpc":"2.0","id":9,"method":"ping"}"#.to_vec())
            .await
            .unwrap();
        assert_eq!(pong.status().as_u16(), 200, "after {}", case.name);
    }
    child.kill().await.unwrap();
    println!("{} bad-input cases over HTTP", cases.len());
}
