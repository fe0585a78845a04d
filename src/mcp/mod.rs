//! The MCP adapter: the only module that knows the Model Context Protocol.
//!
//! It turns the [`Engine`]'s typed results into rmcp tool results (structured content
//! plus a readable text rendering and a `resource_link` per citation), serves the
//! knowledge as resources and prompts, completes arguments, and turns caller mistakes
//! into `isError: true` results that name the field and the rule. Arguments arrive as
//! raw JSON and are decoded here with the path of any bad field, because a bare serde
//! message ("invalid type: string") would not tell an agent which argument to fix.
//!
//! The engine sits behind an atomic pointer ([`SharedEngine`]): each request loads it
//! once, so a reload (`serve --watch`) never changes the knowledge under a request.

pub mod http;
mod logging;
mod prompts;
pub mod resources;
pub mod stdio;
pub mod wire;

use std::sync::Arc;

use rmcp::handler::server::common::schema_for_output;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::model::{
    CallToolResult, CompleteRequestParams, CompleteResult, CompletionInfo, ContentBlock,
    GetPromptRequestParams, GetPromptResponse, Implementation, JsonObject, ListPromptsResult,
    ListResourceTemplatesResult, ListResourcesResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Reference, Resource,
    ResourceContents, ServerCapabilities, ServerConfig,
};
use rmcp::service::{NotificationContext, RequestContext};
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use crate::error::InputError;
use crate::knowledge::{Citation, KnowledgeVersion};
use crate::reload::SharedEngine;
use crate::render;
use crate::search::answer::{Answer, Snippet};
use crate::setup::{SetupPlan, SetupRequest};
use crate::troubleshoot::{Diagnosis, TroubleshootRequest};

const INSTRUCTIONS: &str = "Answers questions about Azure Container Registry (ACR) encryption with customer-managed keys (CMK) in Azure Key Vault, from a curated, cited knowledge base. Use answer_cmk_question for facts and how-to questions, get_setup_commands for ready-to-review az CLI scripts (create a CMK registry, rotate or revoke keys, restore access, firewall the vault, check status), and troubleshoot for error messages and symptoms. read_section returns a whole cited section; list_skills lists the knowledge served. Every result cites the knowledge section and the official Microsoft Learn page. The server is read-only and offline: it never runs az or contacts Azure.";

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

/// Arguments of `read_section`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadSectionArgs {
    /// A section URI as the other tools cite it, e.g.
    /// skill://acr-cmk/references/key-rotation.md#automatic-rotation-with-a-versionless-key-id
    /// (a doc URI without #anchor returns the whole doc).
    pub uri: String,
}

/// Arguments of `list_skills` (none).
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoArgs {}

/// A whole section (or doc) with its citation.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SectionText {
    pub uri: String,
    pub text: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
    pub knowledge: KnowledgeVersion,
}

/// The skills served.
#[derive(Debug, Serialize, JsonSchema)]
pub struct SkillList {
    pub skills: Vec<SkillEntry>,
    pub knowledge: KnowledgeVersion,
}

#[derive(Debug, Serialize, JsonSchema)]
pub struct SkillEntry {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// The skill's SKILL.md resource.
    pub uri: String,
    pub docs: usize,
}

/// The MCP server: read-only tools, resources and prompts over one shared engine.
#[derive(Clone)]
pub struct CmkServer {
    engine: SharedEngine,
    tool_router: ToolRouter<CmkServer>,
    /// Generations of reloaded knowledge, when the server watches its directories.
    changes: Option<broadcast::Sender<u64>>,
    /// The client's `logging/setLevel`.
    log_level: Arc<logging::ClientLevel>,
}

#[tool_router]
impl CmkServer {
    pub fn new(engine: SharedEngine) -> CmkServer {
        CmkServer {
            engine,
            tool_router: Self::tool_router(),
            changes: None,
            log_level: Arc::default(),
        }
    }

    /// Tells clients (`notifications/resources/list_changed`) about every reload sent
    /// on `changes`.
    pub fn with_change_notifications(mut self, changes: broadcast::Sender<u64>) -> CmkServer {
        self.changes = Some(changes);
        self
    }

    #[tool(
        name = "answer_cmk_question",
        title = "Answer an ACR customer-managed key question",
        description = "Answer a question about Azure Container Registry encryption with a customer-managed key (CMK/BYOK) in Azure Key Vault: requirements (Premium SKU, creation-time only, RSA keys), identities, Key Vault access (RBAC role or access policy), key rotation, revocation and recovery, firewalls, limitations. Returns a short extracted answer and cited snippets (doc, heading path, line range, upstream Microsoft Learn URL), and confident=false when the knowledge base does not cover the question. Use get_setup_commands for scripts and troubleshoot for error messages.",
        input_schema = flat_input_schema::<AnswerArgs>(),
        output_schema = schema_for_output::<Answer>(),
        annotations(title = "Answer an ACR CMK question", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn answer_cmk_question(&self, args: JsonObject) -> CallToolResult {
        let args: AnswerArgs = match decode(args) {
            Ok(a) => a,
            Err(e) => return input_error(&e),
        };
        let engine = self.engine.get().await;
        match engine.answer(&args.question, args.max_results, args.max_chars) {
            Ok(answer) => {
                let mut result = structured(&answer, render::answer(&answer));
                result
                    .content
                    .extend(answer.snippets.iter().map(snippet_link));
                result
            }
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
    async fn get_setup_commands(&self, args: JsonObject) -> Result<CallToolResult, McpError> {
        let request: SetupRequest = match decode(args) {
            Ok(r) => r,
            Err(e) => return Ok(input_error(&e)),
        };
        let engine = self.engine.get().await;
        Ok(
            match guarded("get_setup_commands", || engine.setup(&request))? {
                Ok(plan) => {
                    let mut result = structured(&plan, render::setup_plan(&plan));
                    let mut seen = Vec::new();
                    for c in plan.steps.iter().filter_map(|s| s.citation.as_ref()) {
                        if !seen.contains(&c.uri) {
                            seen.push(c.uri.clone());
                            result.content.push(citation_link(c));
                        }
                    }
                    result
                }
                Err(e) => input_error(&e),
            },
        )
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
        match self.engine.get().await.troubleshoot(&request) {
            Ok(d) => {
                let mut result = structured(&d, render::diagnosis(&d));
                result.content.extend(
                    d.matches
                        .iter()
                        .flat_map(|m| m.citations.iter())
                        .map(citation_link),
                );
                result
            }
            Err(e) => input_error(&e),
        }
    }

    #[tool(
        name = "read_section",
        title = "Read a whole knowledge section",
        description = "Return the full Markdown of a knowledge section (or a whole doc) by its skill:// URI, as cited by the other tools. For clients without resource support.",
        input_schema = flat_input_schema::<ReadSectionArgs>(),
        output_schema = schema_for_output::<SectionText>(),
        annotations(title = "Read a knowledge section", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn read_section(&self, args: JsonObject) -> CallToolResult {
        let args: ReadSectionArgs = match decode(args) {
            Ok(a) => a,
            Err(e) => return input_error(&e),
        };
        let engine = self.engine.get().await;
        let (text, citation) = match resources::resolve(&engine, &args.uri) {
            Some(resources::Target::Section(_, s)) => {
                let index = engine
                    .corpus
                    .sections
                    .iter()
                    .position(|x| std::ptr::eq(x, s))
                    .expect("section of this corpus");
                (
                    resources::section_markdown(s),
                    Some(engine.corpus.citation(index)),
                )
            }
            Some(resources::Target::Doc(d)) => (d.text.clone(), None),
            Some(resources::Target::Catalog) => (
                serde_json::to_string_pretty(&resources::catalog(&engine)).unwrap_or_default(),
                None,
            ),
            None => {
                return input_error(&InputError::new(
                    "uri",
                    format!(
                        "{:?} is not a section or doc this server serves; use a skill:// URI from a citation or resources/list",
                        args.uri
                    ),
                ));
            }
        };
        let section = SectionText {
            uri: args.uri.clone(),
            text: text.clone(),
            citation,
            knowledge: engine.corpus.version.clone(),
        };
        structured(&section, text)
    }

    #[tool(
        name = "list_skills",
        title = "List the skills served",
        description = "List every skill (knowledge folder) this server serves, built-in and the user's own, with its name, description and SKILL.md URI: the first step of Agent Skills' progressive disclosure.",
        input_schema = flat_input_schema::<NoArgs>(),
        output_schema = schema_for_output::<SkillList>(),
        annotations(title = "List skills", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn list_skills(&self, args: JsonObject) -> CallToolResult {
        if let Err(e) = decode::<NoArgs>(args) {
            return input_error(&e);
        }
        let engine = self.engine.get().await;
        let list = SkillList {
            skills: resources::catalog(&engine)
                .into_iter()
                .map(|c| SkillEntry {
                    name: c.name,
                    description: c.description,
                    uri: c.uri,
                    docs: c.docs,
                })
                .collect(),
            knowledge: engine.corpus.version.clone(),
        };
        let text = list
            .skills
            .iter()
            .map(|s| {
                format!(
                    "{} — {} ({}, {} docs)",
                    s.name,
                    s.description.as_deref().unwrap_or(""),
                    s.uri,
                    s.docs
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        structured(&list, text)
    }
}

#[tool_handler(router = self.tool_router)]
impl ServerHandler for CmkServer {
    #[allow(deprecated)] // enable_logging: see the logging module
    fn get_info(&self) -> ServerConfig {
        let mut capabilities = ServerCapabilities::builder()
            .enable_tools()
            .enable_resources()
            .enable_prompts()
            .enable_completions()
            .enable_logging()
            .build();
        if self.changes.is_some()
            && let Some(resources) = capabilities.resources.as_mut()
        {
            resources.list_changed = Some(true);
        }
        ServerConfig::new(capabilities)
            .with_server_info(
                Implementation::new(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
                    .with_title("ACR customer-managed key knowledge"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_resources(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, McpError> {
        let all = resources::all(&*self.engine.get().await);
        let (items, next) =
            resources::page(&all, request.as_ref().and_then(|r| r.cursor.as_deref()))
                .map_err(|e| McpError::invalid_params(e, None))?;
        let mut result = ListResourcesResult::with_all_items(items);
        result.next_cursor = next;
        Ok(result)
    }

    async fn list_resource_templates(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourceTemplatesResult, McpError> {
        let all = resources::templates();
        let (items, next) =
            resources::page(&all, request.as_ref().and_then(|r| r.cursor.as_deref()))
                .map_err(|e| McpError::invalid_params(e, None))?;
        let mut result = ListResourceTemplatesResult::with_all_items(items);
        result.next_cursor = next;
        Ok(result)
    }

    async fn read_resource(
        &self,
        request: ReadResourceRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<ReadResourceResponse, McpError> {
        let engine = self.engine.get().await;
        let uri = request.uri;
        let contents = match resources::resolve(&engine, &uri) {
            Some(resources::Target::Catalog) => ResourceContents::text(
                serde_json::to_string_pretty(&resources::catalog(&engine)).unwrap_or_default(),
                uri.clone(),
            )
            .with_mime_type("application/json"),
            Some(resources::Target::Doc(d)) => {
                ResourceContents::text(d.text.clone(), uri.clone()).with_mime_type("text/markdown")
            }
            Some(resources::Target::Section(_, s)) => {
                ResourceContents::text(resources::section_markdown(s), uri.clone())
                    .with_mime_type("text/markdown")
            }
            None => {
                return Err(McpError::resource_not_found(
                    format!("resource not found: {uri}"),
                    Some(serde_json::json!({ "uri": uri })),
                ));
            }
        };
        Ok(ReadResourceResult::new(vec![contents]).into())
    }

    async fn list_prompts(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListPromptsResult, McpError> {
        let all = prompts::list();
        let (items, next) =
            resources::page(&all, request.as_ref().and_then(|r| r.cursor.as_deref()))
                .map_err(|e| McpError::invalid_params(e, None))?;
        let mut result = ListPromptsResult::with_all_items(items);
        result.next_cursor = next;
        Ok(result)
    }

    async fn get_prompt(
        &self,
        request: GetPromptRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<GetPromptResponse, McpError> {
        prompts::get(&*self.engine.get().await, &request.name, &request.arguments).map(Into::into)
    }

    async fn complete(
        &self,
        request: CompleteRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, McpError> {
        let engine = self.engine.get().await;
        let arg = &request.argument;
        let chosen = |name: &str| {
            request
                .context
                .as_ref()
                .and_then(|c| c.arguments.as_ref())
                .and_then(|a| a.get(name))
                .map(String::as_str)
        };
        let mut values = match &request.r#ref {
            Reference::Prompt(p) => prompts::complete(&engine, &p.name, &arg.name, &arg.value),
            Reference::Resource(r) if r.uri == resources::SECTION_TEMPLATE => resources::complete(
                &engine,
                &arg.name,
                &arg.value,
                chosen("skill"),
                chosen("path"),
            ),
            _ => Vec::new(),
        };
        let total = values.len();
        values.truncate(CompletionInfo::MAX_VALUES);
        let info = CompletionInfo::with_pagination(
            values,
            Some(total as u32),
            total > CompletionInfo::MAX_VALUES,
        )
        .map_err(|e| McpError::internal_error(e, None))?;
        Ok(CompleteResult::new(info))
    }

    #[allow(deprecated)] // see the logging module
    async fn set_level(
        &self,
        request: rmcp::model::SetLevelRequestParams,
        context: RequestContext<RoleServer>,
    ) -> Result<(), McpError> {
        let level = self.log_level.set(&request);
        tracing::debug!(level, "client set the log level");
        self.log_level
            .info(
                &context.peer,
                serde_json::json!({ "message": format!("log level set to {level}") }),
            )
            .await;
        Ok(())
    }

    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        let Some(changes) = &self.changes else { return };
        let mut receiver = changes.subscribe();
        let server = self.clone();
        let peer = context.peer.clone();
        tokio::spawn(async move {
            while let Ok(generation) = receiver.recv().await {
                if peer.notify_resource_list_changed().await.is_err() {
                    break; // the client is gone
                }
                let hash = server
                    .engine
                    .get()
                    .await
                    .corpus
                    .version
                    .content_hash
                    .clone();
                let data = serde_json::json!({ "message": "knowledge reloaded", "generation": generation, "content_hash": hash });
                server.log_level.info(&peer, data).await;
            }
        });
    }
}

/// Serves MCP over stdin and stdout until the client closes the connection.
pub async fn serve_stdio(
    server: CmkServer,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    stdio::serve(server).await
}

/// Runs `f`, turning a panic into an internal error for this request only: one bug
/// must not take the server down for every other client.
fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> Result<T, McpError> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        let detail = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_default();
        tracing::error!(tool = what, "panic while handling a request: {detail}");
        McpError::internal_error(
            format!("internal error in {what}; the server is still running"),
            None,
        )
    })
}

fn snippet_link(s: &Snippet) -> ContentBlock {
    resource_link(&s.uri, &s.anchor, &s.heading_path)
}

fn citation_link(c: &Citation) -> ContentBlock {
    resource_link(&c.uri, &c.anchor, &c.heading_path)
}

fn resource_link(uri: &str, anchor: &str, heading_path: &[String]) -> ContentBlock {
    ContentBlock::resource_link(
        Resource::new(uri, anchor)
            .with_title(heading_path.join(" › "))
            .with_mime_type("text/markdown"),
    )
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
            // Not CallToolResult::structured: it renders the whole value as a JSON text
            // block, which is then thrown away for `text`; that was a tenth of a call.
            let mut result = CallToolResult::success(vec![ContentBlock::text(text)]);
            result.structured_content = Some(v);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_panic_becomes_an_internal_error() {
        let err = guarded("test", || -> u8 { panic!("boom") }).unwrap_err();
        assert_eq!(err.code, rmcp::model::ErrorCode::INTERNAL_ERROR);
        assert!(err.message.contains("still running"));
        assert_eq!(guarded("test", || 7).unwrap(), 7);
    }
}
