//! Prompts: ready-made requests a user can pick in a client (VS Code and Claude Code
//! show them as slash commands). Each one runs the matching tool on its arguments and
//! hands the model the result to work from, so the conversation starts from the
//! validated plan or diagnosis rather than from nothing.

use rmcp::ErrorData as McpError;
use rmcp::model::{GetPromptResult, JsonObject, Prompt, PromptArgument, PromptMessage, Role};

use crate::engine::{Engine, Resource};
use crate::render;
use crate::request;
use crate::setup::SetupRequest;
use crate::troubleshoot::TroubleshootRequest;

pub fn list() -> Vec<Prompt> {
    let arg = |name: &str, description: &str, required: bool| {
        PromptArgument::new(name)
            .with_description(description)
            .with_required(required)
    };
    vec![
        Prompt::new(
            "rotate_cmk_key",
            Some("Plan a rotation of an ACR registry's customer-managed key: a new version, a new key, or a key in another vault."),
            Some(vec![
                arg("registry_name", "The registry (5-50 lowercase letters and digits).", false),
                arg("resource_group", "Its resource group.", false),
                arg("key_vault_name", "The vault that holds the current key.", false),
                arg("key_name", "The key to rotate, or to rotate from.", false),
                arg("rotation", "new_version (default), new_key or other_vault.", false),
                arg("new_key_name", "For new_key, or other_vault with another name: the key to move to.", false),
                arg("new_key_vault_name", "For other_vault: the vault to move to.", false),
                arg("identity_name", "A user-assigned identity, or [system]; leave out to keep the current one.", false),
            ]),
        )
        .with_title("Rotate an ACR customer-managed key"),
        Prompt::new(
            "setup_cmk_registry",
            Some("Plan the az commands for an ACR customer-managed-key task (by default: create a new CMK-encrypted Premium registry), ready to review."),
            Some(vec![
                arg("scenario", "create_registry (default) or another scenario of get_setup_commands.", false),
                arg("registry_name", "The registry (5-50 lowercase letters and digits).", false),
                arg("resource_group", "The resource group.", false),
                arg("location", "Azure region, e.g. westeurope.", false),
                arg("permission_model", "rbac (default) or access_policy.", false),
            ]),
        )
        .with_title("Set up an ACR registry with a customer-managed key"),
        Prompt::new(
            "troubleshoot_cmk",
            Some("Diagnose an ACR customer-managed-key problem from an error message or a description."),
            Some(vec![
                arg("symptom", "The error text or what goes wrong.", true),
                arg("registry_name", "The registry, to fill into the commands.", false),
                arg("section", "Optional skill:// URI of a knowledge section to take into account.", false),
            ]),
        )
        .with_title("Troubleshoot ACR customer-managed keys"),
    ]
}

/// Values to complete a prompt argument with.
pub fn complete(engine: &Engine, prompt: &str, argument: &str, value: &str) -> Vec<String> {
    let options: Vec<String> = match (prompt, argument) {
        ("setup_cmk_registry", "scenario") => engine
            .scenarios()
            .into_iter()
            .map(|(name, _)| name)
            .collect(),
        (_, "permission_model") => vec!["rbac".into(), "access_policy".into()],
        ("rotate_cmk_key", "rotation") => {
            vec!["new_version".into(), "new_key".into(), "other_vault".into()]
        }
        ("rotate_cmk_key", "identity_name") => vec!["[system]".into()],
        ("troubleshoot_cmk", "section") => {
            let corpus = engine.corpus();
            corpus
                .sections
                .iter()
                .filter(|s| s.level == 2 && !corpus.doc_of(s).is_scenario())
                .map(|s| corpus.section_uri(s))
                .collect()
        }
        _ => Vec::new(),
    };
    super::resources::matching(options, value)
}

fn argument(args: &Option<JsonObject>, name: &str) -> Result<Option<String>, McpError> {
    match args.as_ref().and_then(|a| a.get(name)) {
        None | Some(serde_json::Value::Null) => Ok(None),
        Some(serde_json::Value::String(s)) if s.trim().is_empty() => Ok(None),
        Some(serde_json::Value::String(s)) => Ok(Some(s.clone())),
        Some(_) => Err(McpError::invalid_params(
            format!("argument '{name}' must be a string"),
            None,
        )),
    }
}

/// Prompt arguments go through the same decoder as tool arguments; `null` values
/// are arguments the user left out.
fn decode<T: serde::de::DeserializeOwned>(value: serde_json::Value) -> Result<T, McpError> {
    let mut args = match value {
        serde_json::Value::Object(map) => map,
        _ => JsonObject::new(),
    };
    args.retain(|_, v| !v.is_null());
    request::decode(args).map_err(invalid)
}

fn invalid(e: crate::error::InputError) -> McpError {
    McpError::invalid_params(format!("argument '{}': {}", e.field, e.problem), None)
}

pub fn get(
    engine: &Engine,
    name: &str,
    args: &Option<JsonObject>,
) -> Result<GetPromptResult, McpError> {
    let text = match name {
        "setup_cmk_registry" => {
            let scenario = argument(args, "scenario")?.unwrap_or_else(|| "create_registry".into());
            let request: SetupRequest = decode(serde_json::json!({
                "scenario": scenario,
                "registry_name": argument(args, "registry_name")?,
                "resource_group": argument(args, "resource_group")?,
                "location": argument(args, "location")?,
                "permission_model": argument(args, "permission_model")?,
            }))?;
            let plan = engine.setup(&request).map_err(invalid)?;
            format!(
                "I want to do this with Azure Container Registry customer-managed keys: {}. acr-cmk-mcp produced the plan below. Ask me for any missing parameter ({}), explain the steps I should understand before running them (especially destructive ones and the warnings), and do not run anything on my behalf.\n\n{}",
                plan.title,
                if plan.missing_parameters.is_empty() {
                    "none".to_string()
                } else {
                    plan.missing_parameters.join(", ")
                },
                render::setup_plan(&plan)
            )
        }
        "rotate_cmk_key" => {
            let rotation = argument(args, "rotation")?.unwrap_or_else(|| "new_version".into());
            let mut request = serde_json::json!({
                "scenario": "rotate_key",
                "registry_name": argument(args, "registry_name")?,
                "resource_group": argument(args, "resource_group")?,
                "key_vault_name": argument(args, "key_vault_name")?,
                "key_name": argument(args, "key_name")?,
                "identity_name": argument(args, "identity_name")?,
            });
            let required = |name: &str| -> Result<serde_json::Value, McpError> {
                argument(args, name)?.map(Into::into).ok_or_else(|| {
                    McpError::invalid_params(
                        format!("argument '{name}' is required when rotation is {rotation}"),
                        None,
                    )
                })
            };
            match rotation.as_str() {
                "new_version" => {}
                "new_key" => request["new_key_name"] = required("new_key_name")?,
                "other_vault" => {
                    request["new_key_vault_name"] = required("new_key_vault_name")?;
                    request["new_key_name"] =
                        argument(args, "new_key_name")?.map_or(serde_json::Value::Null, Into::into);
                }
                other => {
                    return Err(McpError::invalid_params(
                        format!(
                            "argument 'rotation': {other:?} must be new_version, new_key or other_vault"
                        ),
                        None,
                    ));
                }
            }
            let request: SetupRequest = decode(request)?;
            let plan = engine.setup(&request).map_err(invalid)?;
            format!(
                "I want to rotate my ACR registry's customer-managed key ({rotation}). acr-cmk-mcp produced the plan below. Check it against my setup with me (versioned or versionless key ID, which identity, which vault), ask for missing values ({}), and do not run anything on my behalf.\n\n{}",
                if plan.missing_parameters.is_empty() {
                    "none".to_string()
                } else {
                    plan.missing_parameters.join(", ")
                },
                render::setup_plan(&plan)
            )
        }
        "troubleshoot_cmk" => {
            let symptom = argument(args, "symptom")?.ok_or_else(|| {
                McpError::invalid_params(
                    "argument 'symptom' is required: the error text or what goes wrong",
                    None,
                )
            })?;
            let request: TroubleshootRequest = decode(serde_json::json!({
                "symptom": symptom,
                "registry_name": argument(args, "registry_name")?,
            }))?;
            let diagnosis = engine.troubleshoot(&request).map_err(invalid)?;
            let mut text = format!(
                "My Azure Container Registry with a customer-managed key has this problem:\n\n{symptom}\n\nacr-cmk-mcp's diagnosis is below. Walk me through confirming the cause with the read-only commands first, then the fix; do not run anything on my behalf.\n\n{}",
                render::diagnosis(&diagnosis)
            );
            if let Some(uri) = argument(args, "section")? {
                match engine.read(&uri) {
                    Some(Resource::Section { markdown, .. }) => text.push_str(&format!(
                        "\n\nAlso take this section into account ({uri}):\n\n{markdown}"
                    )),
                    _ => {
                        return Err(McpError::invalid_params(
                            format!("argument 'section': {uri:?} is not a knowledge section URI"),
                            None,
                        ));
                    }
                }
            }
            text
        }
        other => {
            return Err(McpError::invalid_params(
                format!("prompt {other:?} not found"),
                None,
            ));
        }
    };
    Ok(GetPromptResult::new(vec![PromptMessage::new_text(
        Role::User,
        text,
    )]))
}
