//! What the server puts into a language model's context, in bytes (#16): the
//! JSON-RPC response lines of four typical calls over the built binary's stdio, and
//! the tool descriptions with their input schemas. Each must stay within its budget,
//! so a change that makes results say things twice again fails here.

use serde_json::{Value, json};

mod common;
use common::stdio::StdioServer;

/// The budgets, in bytes of the response line (as a client reads it from stdout).
const ANSWER_BUDGET: usize = 6_000;
/// A diagnosis may also carry reference snippets for context (the RBAC set-policy error
/// below carries one since the sections say how users ask: 10.2 kB).
const TROUBLESHOOT_BUDGET: usize = 10_500;
const SETUP_BUDGET: usize = 20_000;
/// Descriptions plus input schemas of every tool, measured as Python's `json.dumps`
/// writes them (the measure #16 was reported in).
const TOOLS_BUDGET: usize = 6_000;

/// The length of `value` as Python's `json.dumps` writes it: `", "` and `": "`
/// separators, non-ASCII escaped as `\uXXXX`.
fn python_len(value: &Value) -> usize {
    match value {
        Value::Object(map) => {
            2 + map
                .iter()
                .map(|(k, v)| python_len(&Value::String(k.clone())) + 2 + python_len(v))
                .sum::<usize>()
                + 2 * map.len().saturating_sub(1)
        }
        Value::Array(items) => {
            2 + items.iter().map(python_len).sum::<usize>() + 2 * items.len().saturating_sub(1)
        }
        Value::String(s) => {
            let escaped = serde_json::to_string(s).expect("a string serializes");
            escaped
                .chars()
                .map(|c| match c.len_utf16() {
                    _ if c.is_ascii() => 1,
                    units => 6 * units,
                })
                .sum()
        }
        other => other.to_string().len(),
    }
}

#[test]
fn tool_descriptions_and_input_schemas_stay_within_their_budget() {
    let mut server = StdioServer::start("2025-06-18");
    let tools = server.rpc(1, "tools/list", json!({}));
    let tools: Value = serde_json::from_str(&tools).expect("tools/list is JSON");
    let tools = tools["result"]["tools"].as_array().expect("tools");
    let sizes: Vec<(String, usize)> = tools
        .iter()
        .map(|t| {
            let size = python_len(&t["description"]) + python_len(&t["inputSchema"]);
            (t["name"].as_str().unwrap_or("?").to_string(), size)
        })
        .collect();
    let described: usize = sizes.iter().map(|(_, n)| n).sum();
    assert!(
        described <= TOOLS_BUDGET,
        "tool descriptions + input schemas: {described} B, budget {TOOLS_BUDGET}: {sizes:?}"
    );
}

#[test]
fn responses_stay_within_their_budgets() {
    let mut server = StdioServer::start("2025-06-18");

    let calls = [
        (
            "answer: identity role",
            "answer_cmk_question",
            json!({"question": "what role does the identity need on the key vault?"}),
            ANSWER_BUDGET,
        ),
        (
            "answer: disable CMK",
            "answer_cmk_question",
            json!({"question": "Can I disable CMK later?"}),
            ANSWER_BUDGET,
        ),
        (
            "troubleshoot: set-policy on an RBAC vault",
            "troubleshoot",
            json!({"symptom": "(BadRequest) The vault is configured for Azure RBAC; az keyvault set-policy is not supported"}),
            TROUBLESHOOT_BUDGET,
        ),
        (
            "setup: create_registry",
            "get_setup_commands",
            json!({"scenario": "create_registry", "registry_name": "myregistry", "resource_group": "rg", "key_vault_name": "kv-cmk-1", "key_name": "k", "identity_name": "id1", "location": "westeurope"}),
            SETUP_BUDGET,
        ),
    ];
    let mut report = Vec::new();
    let mut over = false;
    for (i, (label, tool, args, budget)) in calls.into_iter().enumerate() {
        let line = server.rpc(
            10 + i as u64,
            "tools/call",
            json!({"name": tool, "arguments": args}),
        );
        let response: Value = serde_json::from_str(&line).expect("a JSON response");
        let result = &response["result"];
        assert_ne!(result["isError"], json!(true), "{label}: {line}");
        assert!(result["structuredContent"].is_object(), "{label}: {line}");
        report.push(format!("{label}: {} B (budget {budget})", line.len()));
        over |= line.len() > budget;
    }
    let report = report.join("\n");
    eprintln!("{report}");
    assert!(!over, "a response grew past its budget:\n{report}");
}

/// Each source is cited once per result; parts of the result refer to it by index.
#[test]
fn citations_are_listed_once_and_referred_to_by_index() {
    let mut server = StdioServer::start("2025-06-18");
    let line = server.rpc(
        1,
        "tools/call",
        json!({"name": "answer_cmk_question", "arguments": {"question": "what role does the identity need on the key vault?"}}),
    );
    let response: Value = serde_json::from_str(&line).expect("JSON");
    let answer = &response["result"]["structuredContent"];
    let citations = answer["citations"].as_array().expect("citations");
    let uris: Vec<&str> = citations.iter().filter_map(|c| c["uri"].as_str()).collect();
    let mut unique = uris.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        unique.len(),
        uris.len(),
        "a citation listed twice: {uris:?}"
    );
    let refs = answer["snippets"]
        .as_array()
        .expect("snippets")
        .iter()
        .chain(answer["answer"]["sentences"].as_array().expect("sentences"))
        .map(|x| x["cite"].as_u64().expect("cite is an index") as usize);
    for r in refs {
        assert!(r < citations.len(), "cite {r} out of range");
    }
    // The answer's sources appear once, not per sentence.
    assert_eq!(
        line.matches(uris[0]).count(),
        2,
        "once in the text, once in citations: {line}"
    );
}
