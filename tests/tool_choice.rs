//! Can an assistant pick the right tool? For each question a user might ask, the
//! tool that should answer it and the arguments it should get: the tool's input
//! schema must have those arguments (and, for a fixed choice, the value among its
//! `enum`), and its description must name the question's key terms. Read the
//! table as a reviewer: each row is one routing decision the descriptions support.

mod common;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::mcp::CmkServer;
use rmcp::ServiceExt;
use serde_json::{Value, json};

struct Row {
    question: &'static str,
    tool: &'static str,
    /// The arguments the question implies; strings in a schema `enum` must be in it.
    args: Value,
    /// Words of the question the tool's description must contain (case-insensitive).
    terms: &'static [&'static str],
}

fn table() -> Vec<Row> {
    vec![
        Row {
            question: "What role does the registry's identity need on the key vault?",
            tool: "answer_cmk_question",
            args: json!({"question": "…"}),
            terms: &["identit", "role", "key vault"],
        },
        Row {
            question: "Can I turn off customer-managed key encryption later?",
            tool: "answer_cmk_question",
            args: json!({"question": "…"}),
            terms: &["customer-managed key", "question"],
        },
        Row {
            question: "Does key rotation work with a versionless key ID? Short answer, 2 sources.",
            tool: "answer_cmk_question",
            args: json!({"question": "…", "max_results": 2}),
            terms: &["rotation"],
        },
        Row {
            question: "Give me the az commands to create a CMK registry in westeurope.",
            tool: "get_setup_commands",
            args: json!({"scenario": "create_registry", "location": "westeurope"}),
            terms: &["az", "script", "create"],
        },
        Row {
            question: "Create it with an access-policy vault and a 4096-bit RSA-HSM key, pinned to one key version.",
            tool: "get_setup_commands",
            args: json!({"scenario": "create_registry", "permission_model": "access_policy", "key_type": "RSA-HSM", "key_size": 4096, "key_versioning": "versioned"}),
            terms: &["az", "script"],
        },
        Row {
            question: "How do I rotate the registry to a new key in another vault?",
            tool: "get_setup_commands",
            args: json!({"scenario": "rotate_key", "new_key_vault_name": "kv2", "new_key_name": "k2"}),
            terms: &["rotate"],
        },
        Row {
            question: "Revoke the registry's access to its key, and delete the key too.",
            tool: "get_setup_commands",
            args: json!({"scenario": "revoke_access", "delete_key": true}),
            terms: &["revoke"],
        },
        Row {
            question: "Lock the key vault's firewall down to 203.0.113.0/24.",
            tool: "get_setup_commands",
            args: json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": ["203.0.113.0/24"]}),
            terms: &["firewall"],
        },
        Row {
            question: "az keyvault set-policy fails: the vault is configured for Azure RBAC. Why?",
            tool: "troubleshoot",
            args: json!({"symptom": "…", "key_vault_name": "kv1"}),
            terms: &["error", "cause", "fix"],
        },
        Row {
            question: "docker pull from my CMK registry returns 'unavailable'.",
            tool: "troubleshoot",
            args: json!({"symptom": "…", "registry_name": "myregistry"}),
            terms: &["docker", "symptom"],
        },
        Row {
            question: "Show me the whole section you cited about automatic rotation.",
            tool: "read_section",
            args: json!({"uri": "skill://acr-cmk/references/key-rotation.md#automatic-rotation-with-a-versionless-key-id"}),
            terms: &["section", "cite"],
        },
        Row {
            question: "Which knowledge (skills) does this server have?",
            tool: "list_skills",
            args: json!({}),
            terms: &["skill"],
        },
    ]
}

#[tokio::test]
async fn each_question_routes_to_a_tool_that_takes_its_arguments() -> anyhow::Result<()> {
    let engine = acr_cmk_mcp::reload::shared(Engine::load(&LoadOptions::default())?);
    let (server_io, client_io) = tokio::io::duplex(256 * 1024);
    tokio::spawn(async move {
        if let Ok(running) = CmkServer::new(engine).serve(server_io).await {
            let _ = running.waiting().await;
        }
    });
    let client = ().serve(client_io).await?;
    let tools = client.list_all_tools().await?;
    let mut failures = Vec::new();
    for row in table() {
        let Some(tool) = tools.iter().find(|t| t.name == row.tool) else {
            failures.push(format!("{:?}: no tool {}", row.question, row.tool));
            continue;
        };
        let description = tool.description.as_deref().unwrap_or("").to_lowercase();
        for term in row.terms {
            if !description.contains(&term.to_lowercase()) {
                failures.push(format!(
                    "{:?}: {}'s description does not mention {term:?}",
                    row.question, row.tool
                ));
            }
        }
        let properties = tool
            .input_schema
            .get("properties")
            .and_then(Value::as_object)
            .cloned()
            .unwrap_or_default();
        for (name, value) in row.args.as_object().expect("args are an object") {
            let Some(schema) = properties.get(name) else {
                failures.push(format!(
                    "{:?}: {} takes no argument {name}",
                    row.question, row.tool
                ));
                continue;
            };
            // Flat schemas: one plain type, no anyOf/oneOf, no null.
            for nested in ["anyOf", "oneOf", "allOf", "$ref"] {
                if schema.get(nested).is_some() {
                    failures.push(format!("{}.{name} uses {nested}", row.tool));
                }
            }
            if let Some(choices) = schema.get("enum").and_then(Value::as_array) {
                if !choices.contains(value) {
                    failures.push(format!(
                        "{:?}: {}.{name} does not offer {value} (enum {choices:?})",
                        row.question, row.tool
                    ));
                }
                if choices.contains(&Value::Null) || schema["type"].is_array() {
                    failures.push(format!("{}.{name} allows null", row.tool));
                }
            }
        }
        if failures.is_empty() {
            // The arguments are accepted as well as described.
            let result = common::call(&client, row.tool, concrete(&row.args)).await;
            if result.is_error == Some(true) {
                failures.push(format!(
                    "{:?}: {} refused {}: {}",
                    row.question,
                    row.tool,
                    row.args,
                    common::text(&result)
                ));
            }
        }
    }
    client.cancel().await?;
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    Ok(())
}

/// The row's arguments with the free-text placeholders filled in.
fn concrete(args: &Value) -> Value {
    let mut args = args.clone();
    for (field, text) in [
        (
            "question",
            "What role does the identity need on the key vault?",
        ),
        (
            "symptom",
            "The vault is configured for Azure RBAC; az keyvault set-policy is not supported",
        ),
    ] {
        if args.get(field).is_some() {
            args[field] = json!(text);
        }
    }
    args
}

/// No tool's input schema nests or allows null anywhere: every property is one plain
/// type (some clients reject `anyOf`, `$ref` or `["string","null"]`).
#[tokio::test]
async fn every_input_schema_is_flat() -> anyhow::Result<()> {
    let engine = acr_cmk_mcp::reload::shared(Engine::load(&LoadOptions::default())?);
    let (server_io, client_io) = tokio::io::duplex(256 * 1024);
    tokio::spawn(async move {
        if let Ok(running) = CmkServer::new(engine).serve(server_io).await {
            let _ = running.waiting().await;
        }
    });
    let client = ().serve(client_io).await?;
    for tool in client.list_all_tools().await? {
        let schema = Value::Object((*tool.input_schema).clone());
        let text = schema.to_string();
        for bad in ["anyOf", "oneOf", "allOf", "$ref", "$defs", "\"null\""] {
            assert!(!text.contains(bad), "{}: {bad} in {text}", tool.name);
        }
        let properties = schema["properties"]
            .as_object()
            .cloned()
            .unwrap_or_default();
        for (name, property) in &properties {
            assert!(
                property["type"].is_string(),
                "{}.{name}: type must be one plain type: {property}",
                tool.name
            );
        }
    }
    client.cancel().await?;
    Ok(())
}
