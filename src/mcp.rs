//! The MCP adapter: the only module that knows the Model Context Protocol.
//!
//! It turns the [`Engine`]'s typed results into rmcp tool results (structured content
//! plus a readable text rendering) and caller mistakes into `isError: true` results
//! that name the field and the rule. Arguments arrive as raw JSON and are decoded here
//! with the path of any bad field, because a bare serde message ("invalid type:
//! string") would not tell an agent which argument to fix.

use std::sync::Arc;

use rmcp::handler::server::common::schema_for_output;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::model::{
    CallToolResult, ContentBlock, Implementation, JsonObject, ServerCapabilities, ServerConfig,
};
use rmcp::{ServerHandler, ServiceExt, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::engine::Engine;
use crate::error::InputError;
use crate::render;
use crate::search::answer::Answer;
use crate::setup::{SetupPlan, SetupRequest};
use crate::troubleshoot::{Diagnosis, TroubleshootRequest};

const INSTRUCTIONS: &str = "Answers questions about Azure Container Registry (ACR) encryption with customer-managed keys (CMK) in Azure Key Vault, from a curated, cited knowledge base. Use answer_cmk_question for facts and how-to questions, get_setup_commands for ready-to-review az CLI scripts (create a CMK registry, rotate or revoke keys, restore access, firewall the vault, check status), and troubleshoot for error messages and symptoms. Every result cites the knowledge section and the official Microsoft Learn page. The server is read-only and offline: it never runs az or contacts Azure.";

/// Arguments of `answer_cmk_question`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnswerArgs {
    /// The question, in plain words or as pasted text: 1-2,000 characters.
    pub question: String,
    /// How many cited snippets to return: 1-10 (default 3).
    #[schemars(range(min = 1, max = 10))]
    pub max_results: Option<i64>,
    /// Budget for the snippets' text in characters: 200-20,000 (default 8,000). Code
    /// blocks are never cut in half.
    #[schemars(range(min = 200, max = 20000))]
    pub max_chars: Option<i64>,
}

/// The MCP server: three read-only tools over one shared [`Engine`].
#[derive(Clone)]
pub struct CmkServer {
    engine: Arc<Engine>,
    tool_router: ToolRouter<CmkServer>,
}

#[tool_router]
impl CmkServer {
    pub fn new(engine: Arc<Engine>) -> CmkServer {
        CmkServer {
            engine,
            tool_router: Self::tool_router(),
        }
    }

    #[tool(
        name = "answer_cmk_question",
        title = "Answer an ACR customer-managed key question",
        description = "Answer a question about Azure Container Registry encryption with a customer-managed key (CMK/BYOK) in Azure Key Vault: requirements (Premium SKU, creation-time only, RSA keys), identities, Key Vault access (RBAC role or access policy), key rotation, revocation and recovery, firewalls, limitations. Returns cited snippets (doc, heading path, line range, upstream Microsoft Learn URL) and confident=false when the knowledge base does not cover the question. Use get_setup_commands for scripts and troubleshoot for error messages.",
        input_schema = flat_input_schema::<AnswerArgs>(),
        output_schema = schema_for_output::<Answer>(),
        annotations(title = "Answer an ACR CMK question", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn answer_cmk_question(&self, args: JsonObject) -> CallToolResult {
        let args: AnswerArgs = match decode(args) {
            Ok(a) => a,
            Err(e) => return input_error(&e),
        };
        match self
            .engine
            .answer(&args.question, args.max_results, args.max_chars)
        {
            Ok(answer) => structured(&answer, render::answer(&answer)),
            Err(e) => input_error(&e),
        }
    }

    #[tool(
        name = "get_setup_commands",
        title = "Generate az CLI commands for an ACR CMK task",
        description = "Build an ordered, validated, shell-safe Azure CLI (az) script for an ACR customer-managed-key scenario: create_registry, rotate_key, enable_auto_rotation, use_system_identity, revoke_access, restore_access, key_vault_firewall, show_status. Names are checked against Azure naming rules; missing ones become placeholders listed in missing_parameters (ask the user for them). Each step explains itself, cites the knowledge section behind it, and is marked destructive when it blocks registry data. The output is a script for the user to review and run; this server never runs it.",
        input_schema = flat_input_schema::<SetupRequest>(),
        output_schema = schema_for_output::<SetupPlan>(),
        annotations(title = "Generate ACR CMK az commands", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn get_setup_commands(&self, args: JsonObject) -> CallToolResult {
        let request: SetupRequest = match decode(args) {
            Ok(r) => r,
            Err(e) => return input_error(&e),
        };
        match self.engine.setup(&request) {
            Ok(plan) => structured(&plan, render::setup_plan(&plan)),
            Err(e) => input_error(&e),
        }
    }

    #[tool(
        name = "troubleshoot",
        title = "Troubleshoot an ACR customer-managed key problem",
        description = "Diagnose an Azure Container Registry customer-managed-key problem from pasted error text (CLI output, portal message, docker error, activity log, a whole log) or a plain description. Returns likely causes ranked with confidence, read-only diagnostic az commands, fix steps and citations; confident=false with a general checklist when no known case fits. Optional names are validated and filled into the commands.",
        input_schema = flat_input_schema::<TroubleshootRequest>(),
        output_schema = schema_for_output::<Diagnosis>(),
        annotations(title = "Troubleshoot ACR CMK", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn troubleshoot(&self, args: JsonObject) -> CallToolResult {
        let request: TroubleshootRequest = match decode(args) {
            Ok(r) => r,
            Err(e) => return input_error(&e),
        };
        match self.engine.troubleshoot(&request) {
            Ok(d) => structured(&d, render::diagnosis(&d)),
            Err(e) => input_error(&e),
        }
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for CmkServer {
    fn get_info(&self) -> ServerConfig {
        ServerConfig::new(ServerCapabilities::builder().enable_tools().build())
            .with_server_info(
                Implementation::new(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
                    .with_title("ACR customer-managed key knowledge"),
            )
            .with_instructions(INSTRUCTIONS)
    }
}

/// Serves MCP over stdin and stdout until the client closes the connection.
pub async fn serve_stdio(
    engine: Arc<Engine>,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let running = CmkServer::new(engine)
        .serve(rmcp::transport::stdio())
        .await?;
    let reason = running.waiting().await?;
    tracing::info!(?reason, "stdio session ended");
    Ok(())
}

/// Decodes tool arguments, naming the field that failed.
pub fn decode<T: DeserializeOwned>(args: JsonObject) -> Result<T, InputError> {
    serde_path_to_error::deserialize(serde_json::Value::Object(args)).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner().to_string();
        // serde reports a missing or unknown field at the object itself.
        let field = if path == "." || path.is_empty() {
            field_in_message(&inner).unwrap_or_else(|| "arguments".to_string())
        } else {
            path
        };
        InputError::new(field, inner)
    })
}

/// "missing field `question`" → "question".
fn field_in_message(message: &str) -> Option<String> {
    let start = message.find('`')? + 1;
    let len = message[start..].find('`')?;
    Some(message[start..start + len].to_string())
}

fn input_error(e: &InputError) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(format!(
        "Invalid argument '{}': {}",
        e.field, e.problem
    ))])
}

fn structured<T: serde::Serialize>(value: &T, text: String) -> CallToolResult {
    match serde_json::to_value(value) {
        Ok(v) => {
            let mut result = CallToolResult::structured(v);
            result.content = vec![ContentBlock::text(text)];
            result
        }
        Err(e) => CallToolResult::error(vec![ContentBlock::text(format!("internal error: {e}"))]),
    }
}

/// An input schema with every subschema inlined and no `$schema`: some clients reject
/// `$ref`/`$defs`, and the schema is small enough to repeat.
pub fn flat_input_schema<T: JsonSchema>() -> Arc<JsonObject> {
    let generator = schemars::generate::SchemaSettings::draft2020_12()
        .with(|s| s.inline_subschemas = true)
        .into_generator();
    let schema = generator.into_root_schema_for::<T>();
    let mut object = match serde_json::to_value(schema) {
        Ok(serde_json::Value::Object(o)) => o,
        _ => JsonObject::new(),
    };
    for key in ["$schema", "title", "description", "$defs"] {
        object.remove(key);
    }
    Arc::new(object)
}
