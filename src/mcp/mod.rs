//! The MCP adapter: the only module that knows the Model Context Protocol.
//!
//! It turns the [`Engine`]'s typed results into rmcp tool results (structured content,
//! which lists each source once, plus a compact text rendering that does not repeat
//! it: a result goes into a model's context, #16), serves the
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

use std::future::Future;
use std::sync::Arc;

use rmcp::handler::server::common::schema_for_output;
use rmcp::handler::server::router::tool::ToolRouter;
use rmcp::model::{
    CallToolResult, CompleteRequestParams, CompleteResult, CompletionInfo, ContentBlock,
    GetPromptRequestParams, GetPromptResponse, Implementation, JsonObject, ListPromptsResult,
    ListResourceTemplatesResult, ListResourcesResult, ListToolsResult, PaginatedRequestParams,
    ReadResourceRequestParams, ReadResourceResponse, ReadResourceResult, Reference,
    ResourceContents, ServerCapabilities, ServerConfig, Tool,
};
use rmcp::service::{NotificationContext, RequestContext};
use rmcp::{ErrorData as McpError, RoleServer, ServerHandler, tool, tool_handler, tool_router};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use tokio::sync::broadcast;

use crate::engine::{Engine, SkillSummary};
use crate::error::InputError;
use crate::knowledge::{Citation, KnowledgeVersion, LoadOptions};
use crate::reload::SharedEngine;
use crate::render;
use crate::request::{self, AnswerRequest};
use crate::search::answer::Answer;
use crate::setup::{SetupPlan, SetupRequest, parameters};
use crate::troubleshoot::{Diagnosis, TroubleshootRequest};

const INSTRUCTIONS: &str = "Answers questions about Azure Container Registry (ACR) encryption with customer-managed keys (CMK) in Azure Key Vault, from a curated, cited knowledge base. Use answer_cmk_question for facts and how-to questions, get_setup_commands for ready-to-review az CLI scripts (create a CMK registry, rotate or revoke keys, restore access, firewall the vault, check status), and troubleshoot for error messages and symptoms. read_section returns a whole cited section; list_skills lists the knowledge served. Every result cites the knowledge section and the official Microsoft Learn page. The server is read-only and offline: it never runs az or contacts Azure.";

/// Arguments of `read_section`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReadSectionArgs {
    /// A cited skill:// URI; without #anchor, the whole doc.
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
    pub skills: Vec<SkillSummary>,
    pub knowledge: KnowledgeVersion,
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
        description = "Answer a question about Azure Container Registry encryption with a customer-managed key (CMK) in Key Vault or Managed HSM: requirements, identities, key vault access (RBAC role or access policy), rotation, revocation, firewalls, limitations, Terraform/Bicep. Returns a short answer and cited snippets (skill:// section, Learn page); confident=false when the knowledge does not cover it.",
        input_schema = flat_input_schema::<AnswerRequest>(),
        output_schema = schema_for_output::<Answer>(),
        annotations(title = "Answer an ACR CMK question", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn answer_cmk_question(&self, args: JsonObject) -> Result<CallToolResult, McpError> {
        self.call(
            "answer_cmk_question",
            args,
            |engine, r: AnswerRequest| engine.answer(&r),
            |a: &Answer| structured(a, render::answer_brief(a)),
        )
        .await
    }

    #[tool(
        name = "get_setup_commands",
        title = "Generate az CLI commands for an ACR CMK task",
        description = "Build a validated, shell-safe az CLI script for an ACR customer-managed-key task: create a CMK registry, rotate or revoke the key, restore access, enable auto-rotation, use the system identity, firewall the vault, show status. Missing names become placeholders listed in missing_parameters (ask the user); each step is explained, cited, and marked destructive when it blocks registry data. The user reviews and runs the script; nothing is run here.",
        input_schema = Arc::new(parameters::input_schema(&[])),
        output_schema = schema_for_output::<SetupPlan>(),
        annotations(title = "Generate ACR CMK az commands", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn get_setup_commands(&self, args: JsonObject) -> Result<CallToolResult, McpError> {
        self.call(
            "get_setup_commands",
            args,
            |engine, r: SetupRequest| engine.setup(&r),
            |plan: &SetupPlan| structured(plan, render::setup_brief(plan)),
        )
        .await
    }

    #[tool(
        name = "troubleshoot",
        title = "Troubleshoot an ACR customer-managed key problem",
        description = "Diagnose an ACR customer-managed-key problem from pasted error text (CLI, portal, docker, activity log) or a described symptom. Returns likely causes with confidence, read-only diagnose commands, fix steps (destructive ones marked) and citations; confident=false and a checklist when no known case fits. Names given are filled into the commands.",
        input_schema = flat_input_schema::<TroubleshootRequest>(),
        output_schema = schema_for_output::<Diagnosis>(),
        annotations(title = "Troubleshoot ACR CMK", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn troubleshoot(&self, args: JsonObject) -> Result<CallToolResult, McpError> {
        self.call(
            "troubleshoot",
            args,
            |engine, r: TroubleshootRequest| engine.troubleshoot(&r),
            |d: &Diagnosis| structured(d, render::diagnosis_brief(d)),
        )
        .await
    }

    #[tool(
        name = "read_section",
        title = "Read a whole knowledge section",
        description = "Return a whole knowledge section (or doc) by the skill:// URI the other tools cite. For clients without resource support.",
        input_schema = flat_input_schema::<ReadSectionArgs>(),
        output_schema = schema_for_output::<SectionText>(),
        annotations(title = "Read a knowledge section", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn read_section(&self, args: JsonObject) -> Result<CallToolResult, McpError> {
        self.call(
            "read_section",
            args,
            |engine, args: ReadSectionArgs| {
                let (text, citation) = match engine.read(&args.uri) {
                    Some(crate::engine::Resource::Section { markdown, citation }) => {
                        (markdown, Some(citation))
                    }
                    Some(crate::engine::Resource::Doc(d)) => (d.text.clone(), None),
                    Some(crate::engine::Resource::Catalog(skills)) => {
                        (serde_json::to_string_pretty(&skills).unwrap_or_default(), None)
                    }
                    None => {
                        return Err(InputError::new(
                            "uri",
                            format!(
                                "{:?} is not a section or doc this server serves; use a skill:// URI from a citation or resources/list",
                                args.uri
                            ),
                        ));
                    }
                };
                Ok(SectionText {
                    uri: args.uri,
                    text,
                    citation,
                    knowledge: engine.version().clone(),
                })
            },
            |section: &SectionText| structured(section, section.text.clone()),
        )
        .await
    }

    #[tool(
        name = "list_skills",
        title = "List the skills served",
        description = "List the skills (knowledge folders) served, built-in and the user's own, with name, description and SKILL.md URI.",
        input_schema = flat_input_schema::<NoArgs>(),
        output_schema = schema_for_output::<SkillList>(),
        annotations(title = "List skills", read_only_hint = true, destructive_hint = false, idempotent_hint = true, open_world_hint = false)
    )]
    async fn list_skills(&self, args: JsonObject) -> Result<CallToolResult, McpError> {
        self.call(
            "list_skills",
            args,
            |engine, _: NoArgs| {
                Ok(SkillList {
                    skills: engine.skills(),
                    knowledge: engine.version().clone(),
                })
            },
            |list: &SkillList| {
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
                structured(list, text)
            },
        )
        .await
    }
}

impl CmkServer {
    /// Every tool call goes through here: decode the arguments (a bad one is an
    /// `isError` result naming it), wait for the engine, run the core behind the
    /// panic guard, and present the result.
    async fn call<T, R>(
        &self,
        tool: &'static str,
        args: JsonObject,
        run: impl FnOnce(&Engine, T) -> Result<R, InputError> + Send,
        present: impl FnOnce(&R) -> CallToolResult + Send,
    ) -> Result<CallToolResult, McpError>
    where
        T: DeserializeOwned + Send,
    {
        let request: T = match request::decode(args) {
            Ok(r) => r,
            Err(e) => return Ok(input_error(&e)),
        };
        let engine = self.engine().await?;
        guarded(tool, move || match run(&engine, request) {
            Ok(value) => present(&value),
            Err(e) => input_error(&e),
        })
    }

    /// The engine, or an internal error when the knowledge could not be loaded.
    async fn engine(&self) -> Result<Arc<Engine>, McpError> {
        self.engine
            .get()
            .await
            .map_err(|e| McpError::internal_error(e.to_string(), None))
    }

    /// The tools, with the scenarios loaded now as the choices of get_setup_commands.
    fn tools(&self, engine: Option<&Engine>) -> Vec<Tool> {
        let mut tools = self.tool_router.list_all();
        if let Some(engine) = engine {
            for tool in tools.iter_mut().filter(|t| t.name == "get_setup_commands") {
                tool.input_schema = Arc::new(parameters::input_schema(&engine.scenarios()));
            }
        }
        tools
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
        if self.changes.is_some() {
            if let Some(resources) = capabilities.resources.as_mut() {
                resources.list_changed = Some(true);
            }
            if let Some(tools) = capabilities.tools.as_mut() {
                tools.list_changed = Some(true);
            }
        }
        ServerConfig::new(capabilities)
            .with_server_info(
                Implementation::new(env!("CARGO_PKG_NAME"), env!("CARGO_PKG_VERSION"))
                    .with_title("ACR customer-managed key knowledge"),
            )
            .with_instructions(INSTRUCTIONS)
    }

    async fn list_tools(
        &self,
        _request: Option<PaginatedRequestParams>,
        context: RequestContext<RoleServer>,
    ) -> Result<ListToolsResult, McpError> {
        let engine = self.engine.get().await.ok();
        let mut result = ListToolsResult::with_all_items(self.tools(engine.as_deref()));
        // 2026-07-28 clients may cache lists; the scenarios change on reload.
        if context
            .protocol_version()
            .is_some_and(|v| v >= rmcp::model::ProtocolVersion::V_2026_07_28)
        {
            result.ttl_ms = Some(0);
            result.cache_scope = Some(rmcp::model::CacheScope::Public);
        }
        Ok(result)
    }

    fn get_tool(&self, name: &str) -> Option<Tool> {
        let engine = self.engine.current();
        self.tools(engine.as_deref())
            .into_iter()
            .find(|t| t.name == name)
    }

    async fn list_resources(
        &self,
        request: Option<PaginatedRequestParams>,
        _context: RequestContext<RoleServer>,
    ) -> Result<ListResourcesResult, McpError> {
        let all = resources::all(&*self.engine().await?);
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
        let engine = self.engine().await?;
        let uri = request.uri;
        let resource = guarded("resources/read", || engine.read(&uri))?;
        let contents = match resource {
            Some(crate::engine::Resource::Catalog(skills)) => ResourceContents::text(
                serde_json::to_string_pretty(&skills).unwrap_or_default(),
                uri.clone(),
            )
            .with_mime_type("application/json"),
            Some(crate::engine::Resource::Doc(d)) => {
                ResourceContents::text(d.text.clone(), uri.clone()).with_mime_type("text/markdown")
            }
            Some(crate::engine::Resource::Section { markdown, .. }) => {
                ResourceContents::text(markdown, uri.clone()).with_mime_type("text/markdown")
            }
            None => {
                // The URI goes back once, in the data: a client sent it, and a long
                // one should not be doubled.
                return Err(McpError::resource_not_found(
                    "resource not found".to_string(),
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
        let engine = self.engine().await?;
        guarded("prompts/get", || {
            prompts::get(&engine, &request.name, &request.arguments)
        })?
        .map(Into::into)
    }

    async fn complete(
        &self,
        request: CompleteRequestParams,
        _context: RequestContext<RoleServer>,
    ) -> Result<CompleteResult, McpError> {
        let engine = self.engine().await?;
        let arg = &request.argument;
        let chosen = |name: &str| {
            request
                .context
                .as_ref()
                .and_then(|c| c.arguments.as_ref())
                .and_then(|a| a.get(name))
                .map(String::as_str)
        };
        let mut values = guarded("completion/complete", || match &request.r#ref {
            Reference::Prompt(p) => prompts::complete(&engine, &p.name, &arg.name, &arg.value),
            Reference::Resource(r) if r.uri == resources::SECTION_TEMPLATE => resources::complete(
                &engine,
                &arg.name,
                &arg.value,
                chosen("skill"),
                chosen("path"),
            ),
            _ => Vec::new(),
        })?;
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
        // Sent on its own, not awaited before the reply: a notification goes through
        // the service loop, which stops reading it at stdin's end while it still
        // drains replies, so a `logging/setLevel` written just before EOF waited for
        // a send that never came and went unanswered.
        let (log_level, peer) = (self.log_level.clone(), context.peer.clone());
        tokio::spawn(async move {
            let data = serde_json::json!({ "message": format!("log level set to {level}") });
            log_level.info(&peer, data).await;
        });
        Ok(())
    }

    async fn on_initialized(&self, context: NotificationContext<RoleServer>) {
        let Some(changes) = &self.changes else { return };
        let mut receiver = changes.subscribe();
        let server = self.clone();
        let peer = context.peer.clone();
        tokio::spawn(async move {
            let mut scenarios = server.engine.current().map(|e| e.scenarios());
            while let Ok(generation) = receiver.recv().await {
                if peer.notify_resource_list_changed().await.is_err() {
                    break; // the client is gone
                }
                let Some(engine) = server.engine.current() else {
                    continue;
                };
                // get_setup_commands' scenario choices come from the knowledge.
                let now = Some(engine.scenarios());
                if now != scenarios {
                    scenarios = now;
                    if peer.notify_tool_list_changed().await.is_err() {
                        break;
                    }
                }
                let hash = engine.version().content_hash.clone();
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

/// How to serve.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// Streamable HTTP instead of stdio.
    pub http: Option<http::HttpOptions>,
    /// Reload these folders when they change (`--watch`).
    pub watch: Option<LoadOptions>,
}

/// Why serving stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error(transparent)]
    Http(#[from] http::HttpError),
    #[error("watching the knowledge folders: {0}")]
    Watch(#[from] notify_debouncer_mini::notify::Error),
    #[error("--watch reloads --knowledge folders; none was given")]
    NothingToWatch,
    #[error("serving stdio: {0}")]
    Stdio(Box<dyn std::error::Error + Send + Sync>),
    #[error(transparent)]
    Io(#[from] std::io::Error),
}

/// The runtime `serve` wants: one thread for stdio, where one client sends one
/// request at a time and cross-thread wake-ups only cost (see BENCHMARKS.md), and
/// the machine's threads for HTTP, which serves many.
pub fn runtime(options: &ServeOptions) -> std::io::Result<tokio::runtime::Runtime> {
    match options.http {
        Some(_) => tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build(),
        None => tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build(),
    }
}

/// Serves MCP over `shared` until the client goes away (stdio) or `shutdown`
/// completes. With `watch`, knowledge edits are reloaded and announced to clients.
pub async fn serve(
    shared: SharedEngine,
    options: ServeOptions,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), ServeError> {
    let mut server = CmkServer::new(shared.clone());
    // The watcher must live as long as the server.
    let _watcher = match options.watch {
        Some(load) if load.dirs.is_empty() => return Err(ServeError::NothingToWatch),
        Some(load) => {
            let dirs = load.dirs.clone();
            let reloader = Arc::new(crate::reload::Reloader::new(load, shared));
            server = server.with_change_notifications(reloader.sender());
            let watcher =
                crate::reload::watch(reloader, &dirs, std::time::Duration::from_millis(250))?;
            tracing::info!("watching {} knowledge folder(s) for changes", dirs.len());
            Some(watcher)
        }
        None => None,
    };
    match options.http {
        Some(http) => http::serve(server, http, shutdown).await?,
        None => {
            tracing::info!("ready on stdio");
            tokio::select! {
                served = serve_stdio(server) => served.map_err(ServeError::Stdio)?,
                () = shutdown => {}
            }
        }
    }
    Ok(())
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
        tracing::error!(handler = what, "panic while handling a request: {detail}");
        McpError::internal_error(
            format!("internal error in {what}; the server is still running"),
            None,
        )
    })
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
    // An optional argument is one left out, never null: `{"type": "integer"}`, not
    // `{"type": ["integer", "null"], "default": null}`, which some clients reject.
    if let Some(serde_json::Value::Object(properties)) = object.get_mut("properties") {
        for property in properties.values_mut() {
            let Some(property) = property.as_object_mut() else {
                continue;
            };
            if let Some(serde_json::Value::Array(types)) = property.get("type") {
                let types: Vec<_> = types.iter().filter(|t| *t != "null").cloned().collect();
                if let [only] = types.as_slice() {
                    property.insert("type".into(), only.clone());
                }
            }
            if property.get("default") == Some(&serde_json::Value::Null) {
                property.remove("default");
            }
            // `int64` says nothing the range does not.
            property.remove("format");
        }
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
