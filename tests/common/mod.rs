//! Checks shared by the MCP client tests, run against any connected client.

#![allow(dead_code)]

pub mod stdio;

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
        [
            "answer_cmk_question",
            "get_setup_commands",
            "list_skills",
            "read_section",
            "troubleshoot"
        ]
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
    // Each snippet names its citation by index into the one list of citations.
    let cited = &s["citations"][first["cite"].as_u64().unwrap() as usize];
    assert!(
        cited["uri"]
            .as_str()
            .unwrap()
            .starts_with("skill://acr-cmk/")
    );
    assert!(
        cited["source_url"]
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
    assert!(first.get("uri").is_none(), "citations are listed once");
    assert!(text(&r).contains("[1] skill://"));

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
    // The text is the script; the structured result is its data.
    assert!(text(&r).contains("```bash\n#!/usr/bin/env bash\n"));
    assert!(plan.get("script").is_none());
    let steps = plan["steps"].as_array().unwrap();
    assert!(
        steps
            .iter()
            .all(|s| s["cite"].as_u64().unwrap()
                < plan["citations"].as_array().unwrap().len() as u64)
    );
    assert!(
        steps
            .iter()
            .all(|s| text(&r).contains(s["command"].as_str().unwrap()))
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

    // Every citation's URI is one read_section reads.
    let r = call(
        client,
        "answer_cmk_question",
        serde_json::json!({"question": "How do I rotate the key?"}),
    )
    .await;
    let link = structured(&r)["citations"][0]["uri"].clone();
    assert!(link.is_string(), "a cited URI");
    let r = call(client, "read_section", serde_json::json!({"uri": link})).await;
    assert_eq!(r.is_error, Some(false), "{}", text(&r));
    assert!(structured(&r)["text"].as_str().unwrap().starts_with('#'));
    let r = call(
        client,
        "read_section",
        serde_json::json!({"uri": "file:///etc/passwd"}),
    )
    .await;
    assert_eq!(r.is_error, Some(true));
    assert!(text(&r).contains("'uri'"));
    let r = call(client, "list_skills", serde_json::json!({})).await;
    assert_eq!(structured(&r)["skills"][0]["name"], "acr-cmk");

    check_resources_and_prompts(client).await;

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
/// Sample values for every name parameter.
pub fn sample_names() -> Value {
    serde_json::json!({
        "registry_name": "contosoacr01",
        "resource_group": "rg-acr-(prod).1",
        "location": "westeurope",
        "identity_name": "id-acr-cmk",
        "key_vault_name": "kv-acr-cmk-01",
        "hsm_name": "contoso-hsm-01",
        "key_name": "acr-cmk-key",
    })
}

/// Requests that exercise every scenario the engine serves: each combination of the
/// choices a scenario declares (key store, permission model, versioning, key type,
/// identity), with sample names for what it takes, plus options that add steps. A
/// parameter that does not apply to a combination (`hsm_name` with a key vault) is
/// left out, as a caller would.
pub fn setup_matrix(engine: &acr_cmk_mcp::Engine) -> Vec<(String, Value)> {
    let names = sample_names();
    let mut out = Vec::new();
    for (scenario, _) in engine.scenarios() {
        let declared: Vec<&str> = engine
            .scenario(&scenario)
            .unwrap()
            .parameters
            .iter()
            .map(|d| d.parameter.name)
            .collect();
        let takes = |p: &str| declared.contains(&p);
        let axis = |p: &'static str, values: &[&'static str]| -> Vec<Option<&'static str>> {
            if takes(p) {
                values.iter().map(|v| Some(*v)).collect()
            } else {
                vec![None]
            }
        };
        let identities: Vec<Option<&str>> =
            if takes("identity_name") && scenario != "use_system_identity" {
                match scenario.as_str() {
                    "create_registry" => vec![Some("id-acr-cmk")],
                    // rotate_key may keep the identity it has.
                    "rotate_key" => vec![Some("id-acr-cmk"), Some("[system]"), None],
                    _ => vec![Some("id-acr-cmk"), Some("[system]")],
                }
            } else {
                vec![None]
            };
        for store in axis("key_store", &["key_vault", "managed_hsm"]) {
            for model in axis("permission_model", &["rbac", "access_policy"]) {
                for versioning in axis("key_versioning", &["versionless", "versioned"]) {
                    for key_type in axis("key_type", &["RSA", "RSA-HSM"]) {
                        for identity in &identities {
                            let mut r = serde_json::json!({"scenario": scenario});
                            for p in &declared {
                                if let Some(v) = names.get(p) {
                                    r[*p] = v.clone();
                                }
                            }
                            r["identity_name"] = identity.map_or(Value::Null, Value::from);
                            for (p, v) in [
                                ("key_store", store),
                                ("permission_model", model),
                                ("key_versioning", versioning),
                                ("key_type", key_type),
                            ] {
                                r[p] = v.map_or(Value::Null, Value::from);
                            }
                            if key_type == Some("RSA-HSM") {
                                r["key_size"] = 4096.into();
                            }
                            let label = format!(
                                "{scenario}/{}/{}/{}/{}/{}",
                                store.unwrap_or("-"),
                                model.unwrap_or("-"),
                                identity.unwrap_or("-"),
                                versioning.unwrap_or("-"),
                                key_type.unwrap_or("-")
                            );
                            if let Some(r) = applicable(engine, r) {
                                out.push((label, r));
                            }
                        }
                    }
                }
            }
        }
    }
    // Options that add or change steps.
    let extra = [
        serde_json::json!({"scenario": "create_registry", "key_vault_network": "restricted", "allowed_ip_ranges": ["203.0.113.0/24", "198.51.100.7"], "key_rotation_interval": "P90D"}),
        serde_json::json!({"scenario": "create_registry", "create_resource_group": false, "permission_model": "access_policy", "key_vault_network": "restricted"}),
        serde_json::json!({"scenario": "create_registry", "key_store": "managed_hsm", "key_rotation_interval": "P90D", "create_resource_group": false}),
        serde_json::json!({"scenario": "rotate_key", "new_key_vault_name": "kv-acr-cmk-02", "new_key_vault_resource_group": "rg-keys", "new_key_name": "acr-cmk-key-2"}),
        serde_json::json!({"scenario": "rotate_key", "new_key_vault_name": "kv-acr-cmk-02", "identity_name": "[system]", "permission_model": "access_policy"}),
        serde_json::json!({"scenario": "rotate_key", "new_key_name": "acr-cmk-key-2", "key_rotation_interval": "P12W", "identity_name": null}),
        serde_json::json!({"scenario": "rotate_key", "key_store": "managed_hsm", "new_key_name": "acr-cmk-key-2"}),
        serde_json::json!({"scenario": "enable_auto_rotation", "key_rotation_interval": "P1Y"}),
        serde_json::json!({"scenario": "enable_auto_rotation", "key_store": "managed_hsm", "key_rotation_interval": "P1Y"}),
        serde_json::json!({"scenario": "revoke_access", "delete_key": true}),
        serde_json::json!({"scenario": "revoke_access", "identity_name": "[system]", "permission_model": "access_policy", "delete_key": true}),
        serde_json::json!({"scenario": "revoke_access", "key_store": "managed_hsm", "delete_key": true}),
        serde_json::json!({"scenario": "restore_access", "recover": "key_vault"}),
        serde_json::json!({"scenario": "restore_access", "identity_name": "[system]", "recover": "key", "permission_model": "access_policy"}),
        serde_json::json!({"scenario": "restore_access", "key_store": "managed_hsm", "recover": "managed_hsm", "location": "westeurope"}),
        serde_json::json!({"scenario": "restore_access", "key_store": "managed_hsm", "recover": "key"}),
        serde_json::json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": ["203.0.113.0/24"]}),
        serde_json::json!({"scenario": "show_status", "key_vault_name": "kv-acr-cmk-01", "hsm_name": null, "key_name": "acr-cmk-key"}),
        serde_json::json!({"scenario": "show_status", "hsm_name": "contoso-hsm-01", "key_vault_name": null, "key_name": "acr-cmk-key"}),
    ];
    for (i, e) in extra.into_iter().enumerate() {
        let scenario = e["scenario"].as_str().unwrap().to_string();
        let mut r = names.clone();
        for (k, v) in e.as_object().unwrap() {
            r[k] = v.clone();
        }
        let label = format!("{scenario}/extra-{i}");
        let r = applicable(engine, r).unwrap_or_else(|| panic!("{label} is refused"));
        out.push((label, r));
    }
    out
}

/// The request without the parameters the scenario does not take or that do not
/// apply to it as configured; None if it is refused for another reason.
fn applicable(engine: &acr_cmk_mcp::Engine, mut request: Value) -> Option<Value> {
    let object = request.as_object_mut().unwrap();
    object.retain(|_, v| !v.is_null());
    for _ in 0..object.len() {
        let decoded: acr_cmk_mcp::setup::SetupRequest =
            acr_cmk_mcp::request::decode(object.clone()).ok()?;
        match engine.setup(&decoded) {
            Ok(_) => return Some(Value::Object(object.clone())),
            Err(e)
                if e.problem.contains("only applies to")
                    || e.problem.contains("is not a parameter of") =>
            {
                object.remove(&e.field);
            }
            Err(_) => return None,
        }
    }
    None
}

/// Resources, templates, prompts and completions.
pub async fn check_resources_and_prompts(client: &Client) {
    use rmcp::model::{
        ArgumentInfo, CompleteRequestParams, GetPromptRequestParams, ReadResourceRequestParams,
        Reference,
    };
    let resources = client.list_all_resources().await.expect("resources/list");
    let uris: Vec<String> = resources.iter().map(|r| r.uri.clone()).collect();
    assert!(
        uris.contains(&"skill://acr-cmk/SKILL.md".to_string()),
        "{uris:?}"
    );
    assert!(uris.contains(&"skill://catalog.json".to_string()));
    let skill_md = resources
        .iter()
        .find(|r| r.uri == "skill://acr-cmk/SKILL.md")
        .unwrap();
    assert_eq!(skill_md.mime_type.as_deref(), Some("text/markdown"));
    let read = client
        .read_resource(ReadResourceRequestParams::new("skill://acr-cmk/SKILL.md"))
        .await
        .expect("resources/read");
    let body = serde_json::to_string(&read).unwrap();
    assert!(body.contains("name: acr-cmk"), "{body}");
    let read = client
        .read_resource(ReadResourceRequestParams::new(
            "skill://acr-cmk/references/overview.md#cmk-requires-the-premium-sku",
        ))
        .await
        .expect("section read");
    assert!(serde_json::to_string(&read).unwrap().contains("Premium"));
    for bad in [
        "skill://acr-cmk/../../etc/passwd",
        "file:///etc/passwd",
        "skill://acr-cmk/references/overview.md#no-such-anchor",
        "skill://nope/SKILL.md",
        "",
    ] {
        let err = client
            .read_resource(ReadResourceRequestParams::new(bad))
            .await;
        let message = format!("{err:?}");
        assert!(err.is_err(), "{bad} was served");
        assert!(
            message.contains("-32002")
                || message.contains("32602")
                || message.contains("not found"),
            "{bad}: {message}"
        );
    }
    let templates = client
        .list_all_resource_templates()
        .await
        .expect("templates");
    assert_eq!(
        templates[0].uri_template,
        "skill://{skill}/{+path}{#anchor}"
    );

    let prompts = client.list_all_prompts().await.expect("prompts/list");
    let mut names: Vec<_> = prompts.iter().map(|p| p.name.clone()).collect();
    names.sort();
    assert_eq!(
        names,
        ["rotate_cmk_key", "setup_cmk_registry", "troubleshoot_cmk"]
    );
    let p = client
        .get_prompt(
            GetPromptRequestParams::new("troubleshoot_cmk")
                .with_arguments(rmcp::object!({"symptom": "CMK_ERROR from check-health"})),
        )
        .await
        .expect("prompts/get");
    assert!(
        serde_json::to_string(&p)
            .unwrap()
            .contains("check-health-reports-cmk_error")
    );
    let p = client
        .get_prompt(
            GetPromptRequestParams::new("setup_cmk_registry")
                .with_arguments(rmcp::object!({"registry_name": "contosoacr01"})),
        )
        .await
        .expect("prompts/get");
    assert!(serde_json::to_string(&p).unwrap().contains("az acr create"));
    assert!(
        client
            .get_prompt(GetPromptRequestParams::new("troubleshoot_cmk"))
            .await
            .is_err(),
        "symptom is required"
    );

    let done = client
        .complete(CompleteRequestParams::new(
            Reference::for_prompt("setup_cmk_registry"),
            ArgumentInfo::new("scenario", "ro"),
        ))
        .await
        .expect("completion/complete");
    assert_eq!(done.completion.values, ["rotate_key"]);
    let done = client
        .complete(CompleteRequestParams::new(
            Reference::for_resource("skill://{skill}/{+path}{#anchor}"),
            ArgumentInfo::new("path", "references/key-r"),
        ))
        .await
        .expect("completion/complete");
    assert_eq!(done.completion.values, ["references/key-rotation.md"]);
}
