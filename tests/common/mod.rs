//! Checks shared by the MCP client tests, run against any connected client.

#![allow(dead_code)]

use rmcp::model::{CallToolRequestParams, CallToolResult};
use rmcp::service::RunningService;
use rmcp::{RoleClient, object};
use serde_json::Value;

pub type Client = RunningService<RoleClient, ()>;

pub async fn call(client: &Client, tool: &str, args: Value) -> CallToolResult {
    let Value::Object(args) = args else {
        panic!("arguments must be an object")
    };
    client
        .call_tool(CallToolRequestParams::new(tool.to_string()).with_arguments(args))
        .await
        .unwrap_or_else(|e| panic!("{tool} call failed at the protocol level: {e}"))
}

pub fn text(result: &CallToolResult) -> String {
    result
        .content
        .iter()
        .filter_map(|c| c.as_text().map(|t| t.text.clone()))
        .collect::<Vec<_>>()
        .join("\n")
}

pub fn structured(result: &CallToolResult) -> &Value {
    result
        .structured_content
        .as_ref()
        .expect("structured content")
}

/// The whole tool contract, as any MCP client sees it.
pub async fn check_server(client: &Client) {
    let info = client.peer_info().expect("server info after initialize");
    let server = info.server_info.as_ref().expect("serverInfo");
    assert_eq!(server.name, "acr-cmk-mcp");
    assert_eq!(server.version, env!("CARGO_PKG_VERSION"));
    assert!(
        info.instructions
            .as_deref()
            .unwrap_or("")
            .contains("customer-managed")
    );

    let tools = client.list_all_tools().await.expect("tools/list");
    let mut names: Vec<_> = tools.iter().map(|t| t.name.to_string()).collect();
    names.sort();
    assert_eq!(
        names,
        ["answer_cmk_question", "get_setup_commands", "troubleshoot"]
    );
    for tool in &tools {
        let schema = serde_json::to_string(&tool.input_schema).unwrap();
        assert!(
            !schema.contains("$ref") && !schema.contains("$defs"),
            "{} input schema is not flat: {schema}",
            tool.name
        );
        assert!(
            tool.output_schema.is_some(),
            "{} has no output schema",
            tool.name
        );
        let a = tool.annotations.as_ref().expect("annotations");
        assert_eq!(a.read_only_hint, Some(true), "{}", tool.name);
        assert_eq!(a.idempotent_hint, Some(true), "{}", tool.name);
        assert_eq!(a.open_world_hint, Some(false), "{}", tool.name);
        assert!(a.title.is_some() && tool.description.as_deref().unwrap_or("").len() > 100);
    }

    // A covered question: confident, cited.
    let r = call(
        client,
        "answer_cmk_question",
        serde_json::json!({"question": "Which SKU do I need for a customer-managed key?"}),
    )
    .await;
    assert_eq!(r.is_error, Some(false), "{}", text(&r));
    let s = structured(&r);
    assert_eq!(s["confident"], true);
    let first = &s["snippets"][0];
    assert!(
        first["uri"]
            .as_str()
            .unwrap()
            .starts_with("skill://acr-cmk/")
    );
    assert!(
        first["source_url"]
            .as_str()
            .unwrap()
            .starts_with("https://learn.microsoft.com/")
    );
    assert!(
        first["text"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("premium")
    );
    assert!(text(&r).contains("Source: skill://"));

    // Not covered: honest.
    let r = call(
        client,
        "answer_cmk_question",
        serde_json::json!({"question": "How do I bake bread?", "max_results": 2}),
    )
    .await;
    assert_eq!(structured(&r)["confident"], false);
    assert!(text(&r).contains("No confident match") || text(&r).contains("No match"));

    // Bad arguments: tool-level errors that name the field and the rule.
    for (args, field) in [
        (serde_json::json!({"question": "   "}), "question"),
        (
            serde_json::json!({"question": "x", "max_results": 11}),
            "max_results",
        ),
        (
            serde_json::json!({"question": "x", "max_results": "three"}),
            "max_results",
        ),
        (
            serde_json::json!({"question": "x", "verbose": true}),
            "verbose",
        ),
        (serde_json::json!({}), "question"),
    ] {
        let r = call(client, "answer_cmk_question", args.clone()).await;
        assert_eq!(r.is_error, Some(true), "{args}");
        assert!(
            text(&r).contains(&format!("'{field}'")),
            "{args}: {}",
            text(&r)
        );
    }

    // Setup: a plan, and a bad name refused before anything is generated.
    let r = call(
        client,
        "get_setup_commands",
        serde_json::json!({"scenario": "create_registry", "registry_name": "contosoacr01", "resource_group": "rg-acr"}),
    )
    .await;
    assert_eq!(r.is_error, Some(false), "{}", text(&r));
    let plan = structured(&r);
    assert!(
        plan["script"]
            .as_str()
            .unwrap()
            .starts_with("#!/usr/bin/env bash")
    );
    assert!(
        plan["missing_parameters"]
            .as_array()
            .unwrap()
            .iter()
            .any(|m| m == "key_vault_name")
    );
    let r = call(
        client,
        "get_setup_commands",
        serde_json::json!({"scenario": "create_registry", "registry_name": "Bad-Name;rm"}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(
        text(&r).contains("'registry_name'") && text(&r).contains("lowercase"),
        "{}",
        text(&r)
    );
    assert!(r.structured_content.is_none());

    // Troubleshoot: a pasted error finds its case.
    let r = call(
        client,
        "troubleshoot",
        serde_json::json!({"symptom": "ERROR: The identity associated with the registry is inactive. This could be due to attempted removal of the identity. Reassign the identity manually.", "registry_name": "contosoacr01"}),
    )
    .await;
    assert_eq!(r.is_error, Some(false), "{}", text(&r));
    let d = structured(&r);
    assert_eq!(d["confident"], true);
    assert_eq!(
        d["matches"][0]["id"],
        "registry-identity-is-inactive-or-expired"
    );
    let r = call(client, "troubleshoot", serde_json::json!({"symptom": ""})).await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("'symptom'"));

    // Unknown tools are a protocol error, and the server keeps answering.
    let err = client
        .call_tool(CallToolRequestParams::new("no_such_tool").with_arguments(object!({})))
        .await;
    assert!(err.is_err());
    let r = call(
        client,
        "answer_cmk_question",
        serde_json::json!({"question": "rotate key"}),
    )
    .await;
    assert_eq!(r.is_error, Some(false));
}

/// The scenario matrix: every scenario × permission model × identity × versioning ×
/// key type, plus the options that add steps. Every value is valid, so every request
/// must plan.
pub fn setup_matrix() -> Vec<(String, Value)> {
    let base = serde_json::json!({
        "registry_name": "contosoacr01",
        "resource_group": "rg-acr-(prod).1",
        "location": "westeurope",
        "key_vault_name": "kv-acr-cmk-01",
        "key_name": "acr-cmk-key",
    });
    let mut out = Vec::new();
    let scenarios = [
        "create_registry",
        "rotate_key",
        "enable_auto_rotation",
        "use_system_identity",
        "revoke_access",
        "restore_access",
        "key_vault_firewall",
        "show_status",
    ];
    for scenario in scenarios {
        for model in ["rbac", "access_policy"] {
            let identities: &[Option<&str>] = match scenario {
                "create_registry" => &[Some("id-acr-cmk")],
                "rotate_key" => &[Some("id-acr-cmk"), Some("[system]"), None],
                "revoke_access" | "restore_access" => &[Some("id-acr-cmk"), Some("[system]")],
                _ => &[None],
            };
            for identity in identities {
                for versioning in ["versionless", "versioned"] {
                    for key_type in ["RSA", "RSA-HSM"] {
                        let mut r = base.clone();
                        r["scenario"] = scenario.into();
                        r["permission_model"] = model.into();
                        if let Some(i) = identity {
                            r["identity_name"] = (*i).into();
                        }
                        if scenario != "enable_auto_rotation" || versioning == "versionless" {
                            r["key_versioning"] = versioning.into();
                        }
                        r["key_type"] = key_type.into();
                        r["key_size"] = if key_type == "RSA" { 3072 } else { 4096 }.into();
                        let label = format!(
                            "{scenario}/{model}/{}/{versioning}/{key_type}",
                            identity.unwrap_or("-")
                        );
                        out.push((label, r));
                    }
                }
            }
        }
    }
    // Options that add or change steps.
    let extra = [
        serde_json::json!({"scenario": "create_registry", "identity_name": "id-acr-cmk", "key_vault_network": "restricted", "allowed_ip_ranges": ["203.0.113.0/24", "198.51.100.7"], "key_rotation_interval": "P90D"}),
        serde_json::json!({"scenario": "create_registry", "identity_name": "id-acr-cmk", "create_resource_group": false, "permission_model": "access_policy", "key_vault_network": "restricted"}),
        serde_json::json!({"scenario": "rotate_key", "new_key_vault_name": "kv-acr-cmk-02", "new_key_vault_resource_group": "rg-keys", "new_key_name": "acr-cmk-key-2", "identity_name": "id-acr-cmk"}),
        serde_json::json!({"scenario": "rotate_key", "new_key_vault_name": "kv-acr-cmk-02", "identity_name": "[system]", "permission_model": "access_policy"}),
        serde_json::json!({"scenario": "rotate_key", "new_key_name": "acr-cmk-key-2", "key_rotation_interval": "P12W"}),
        serde_json::json!({"scenario": "enable_auto_rotation", "key_rotation_interval": "P1Y"}),
        serde_json::json!({"scenario": "revoke_access", "identity_name": "id-acr-cmk", "delete_key": true}),
        serde_json::json!({"scenario": "revoke_access", "identity_name": "[system]", "permission_model": "access_policy", "delete_key": true}),
        serde_json::json!({"scenario": "restore_access", "identity_name": "id-acr-cmk", "recover": "key_vault"}),
        serde_json::json!({"scenario": "restore_access", "identity_name": "[system]", "recover": "key", "permission_model": "access_policy"}),
        serde_json::json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": ["203.0.113.0/24"]}),
        serde_json::json!({"scenario": "show_status"}),
    ];
    for (i, e) in extra.into_iter().enumerate() {
        let mut r = base.clone();
        for (k, v) in e.as_object().unwrap() {
            r[k] = v.clone();
        }
        out.push((format!("{}/extra-{i}", r["scenario"].as_str().unwrap()), r));
    }
    out
}
