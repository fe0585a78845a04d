//! The command line: clap's definitions, and `setup`'s flags made from the
//! parameter list (so a new parameter needs no change here).

use std::path::PathBuf;

use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::mcp::http;
use acr_cmk_mcp::setup::parameters::{Kind, PARAMETERS};
use acr_cmk_mcp::{Engine, eval};
use anyhow::Context;
use clap::{ArgAction, ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};
use serde_json::{Map, Value, json};

/// Answers questions about Azure Container Registry customer-managed-key encryption,
/// over MCP or on the command line.
#[derive(Parser)]
#[command(name = "acr-cmk-mcp", version, about)]
pub struct Cli {
    /// Add a folder of skill docs (a skill folder, or a folder of skill folders). Repeatable.
    #[arg(
        long = "knowledge",
        value_name = "DIR",
        global = true,
        help_heading = "Global options"
    )]
    pub knowledge: Vec<PathBuf>,
    /// Serve only the --knowledge folders, not the built-in knowledge.
    #[arg(long, global = true, help_heading = "Global options")]
    pub no_builtin: bool,
    /// Treat any knowledge diagnostic (a skipped file, a broken case…) as fatal: exit 2.
    #[arg(long, global = true, help_heading = "Global options")]
    pub strict: bool,
    /// Keep the parsed knowledge and its index in DIR, keyed by a digest of the source
    /// files, and start from there when nothing changed (for large knowledge trees).
    #[arg(
        long,
        value_name = "DIR",
        global = true,
        help_heading = "Global options"
    )]
    pub index_cache: Option<PathBuf>,
    /// Follow symlinks that lead out of a --knowledge folder (by default they are
    /// skipped with a diagnostic, so a folder serves only what lies inside it).
    #[arg(long, global = true, help_heading = "Global options")]
    pub follow_symlinks: bool,
    #[command(subcommand)]
    pub command: Cmd,
}

#[derive(Subcommand)]
pub enum Cmd {
    /// Serve MCP over stdio (stdout carries JSON-RPC only; logs go to stderr), or over
    /// streamable HTTP with --http.
    Serve(ServeArgs),
    /// Answer a question with cited snippets.
    Ask {
        /// The question, in plain words (quote it).
        question: String,
        /// How many snippets, 1-10.
        #[arg(long)]
        max_results: Option<i64>,
        /// Budget for the snippets' text, 200-20,000 characters.
        #[arg(long)]
        max_chars: Option<i64>,
        /// Print the structured result as JSON.
        #[arg(long)]
        json: bool,
        /// Show how the question is read and judged instead: its sentences and their
        /// roles, the concepts scored, each hit's score and coverage, the verdict.
        #[arg(long)]
        explain: bool,
    },
    /// Print the az command sequence for a CMK scenario (never runs it).
    Setup {
        /// The scenario; see the list below.
        scenario: String,
        /// Print the structured result as JSON.
        #[arg(long, conflicts_with = "script")]
        json: bool,
        /// Print only the bash script.
        #[arg(long)]
        script: bool,
    },
    /// Match an error message or symptom to known causes.
    Troubleshoot {
        /// The error text or symptom; - reads it from standard input.
        symptom: String,
        #[arg(long)]
        registry_name: Option<String>,
        #[arg(long)]
        resource_group: Option<String>,
        #[arg(long)]
        key_vault_name: Option<String>,
        #[arg(long)]
        hsm_name: Option<String>,
        #[arg(long)]
        key_name: Option<String>,
        #[arg(long)]
        identity_name: Option<String>,
        /// Print the structured result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Show what is loaded: knowledge folders, docs, sections, cases, diagnostics, timings.
    Doctor,
    /// Measure retrieval quality on a labelled question set.
    Eval {
        /// The question set (default: the dev set, eval/questions.json).
        #[arg(long, default_value = eval::DEV_SET)]
        questions: PathBuf,
        /// Compare the headline metrics with this baseline; exit 1 if one drops more than 2 points.
        #[arg(long)]
        baseline: Option<PathBuf>,
        /// Write the overall metrics to this file as the new baseline.
        #[arg(long)]
        write_baseline: Option<PathBuf>,
        /// Also run with each ranking technique switched off, one at a time.
        #[arg(long)]
        ablate: bool,
        /// Print the full report as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check skill docs (the built-in knowledge when no DIR is given). Exits 1 with findings.
    Lint {
        /// Skill folders, or folders of skill folders.
        dirs: Vec<PathBuf>,
        /// Also check that every `az` line parses under this Azure CLI.
        #[arg(long, value_name = "PATH")]
        az: Option<PathBuf>,
        /// Also check cited Learn pages and anchors against this checkout of the docs
        /// repository (e.g. MicrosoftDocs/azure-management-docs).
        #[arg(long, value_name = "DOCS")]
        upstream: Option<PathBuf>,
    },
}

#[derive(clap::Args)]
pub struct ServeArgs {
    /// Serve streamable HTTP at http://ADDR/mcp instead of stdio (e.g. 127.0.0.1:8080).
    #[arg(long, value_name = "ADDR")]
    pub http: Option<std::net::SocketAddr>,
    /// HTTP: stateless mode (no sessions), so replicas need no sticky sessions.
    #[arg(long, requires = "http")]
    pub stateless: bool,
    /// HTTP: read the bearer token every request must carry from this environment
    /// variable. Required to bind an address other than loopback.
    #[arg(long, value_name = "VAR", requires = "http")]
    pub auth_token_env: Option<String>,
    /// HTTP: also allow this Host header (besides localhost). Repeatable.
    #[arg(long = "allowed-host", value_name = "HOST", requires = "http")]
    pub allowed_hosts: Vec<String>,
    /// HTTP: also allow this Origin (e.g. https://app.example.com:443). Repeatable.
    #[arg(long = "allowed-origin", value_name = "ORIGIN", requires = "http")]
    pub allowed_origins: Vec<String>,
    /// HTTP: the largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1024 * 1024, requires = "http")]
    pub max_body_bytes: usize,
    /// HTTP: sessions open at once. Past it, a new session takes the place of the
    /// session idle longest if that one has had no request for 30 s; otherwise it
    /// gets 503 and Retry-After.
    #[arg(long, default_value_t = 1000, requires = "http")]
    pub max_sessions: usize,
    /// HTTP: close a session that sees no request for this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300, requires = "http")]
    pub session_idle_timeout: u64,
    /// HTTP: on SIGTERM or Ctrl-C, how many seconds requests in flight get to finish
    /// before their connections are dropped (match the orchestrator's grace period).
    #[arg(long, value_name = "SECS", default_value_t = 10, requires = "http")]
    pub shutdown_timeout: u64,
    /// Reload the --knowledge folders when they change, without a restart.
    #[arg(long)]
    pub watch: bool,
}

impl ServeArgs {
    /// The HTTP options these flags ask for, or `None` for stdio.
    pub fn http_options(&self) -> anyhow::Result<Option<http::HttpOptions>> {
        let Some(addr) = self.http else {
            return Ok(None);
        };
        let auth_token = match &self.auth_token_env {
            Some(var) => Some(
                std::env::var(var)
                    .with_context(|| format!("--auth-token-env {var}: the variable is not set"))?,
            ),
            None => None,
        };
        Ok(Some(http::HttpOptions {
            stateless: self.stateless,
            extra_hosts: self.allowed_hosts.clone(),
            extra_origins: self.allowed_origins.clone(),
            max_body_bytes: self.max_body_bytes,
            max_sessions: self.max_sessions,
            session_idle_timeout: std::time::Duration::from_secs(self.session_idle_timeout),
            shutdown_timeout: std::time::Duration::from_secs(self.shutdown_timeout),
            auth_token,
            ..http::HttpOptions::new(addr)
        }))
    }
}

/// Parses the command line. `setup`'s flags come from the parameter list, so a new
/// parameter needs no change here; its `--help` lists what each scenario takes.
pub fn parse() -> (Cli, Map<String, Value>) {
    let mut command = Cli::command();
    let help = std::env::args()
        .any(|a| a == "setup")
        .then(scenario_help)
        .unwrap_or_default();
    command = command.mut_subcommand("setup", |mut setup| {
        for p in PARAMETERS {
            let mut arg = clap::Arg::new(p.name)
                .long(p.name.replace('_', "-"))
                .help(p.help)
                .value_name("VALUE");
            arg = match p.kind {
                Kind::IpRanges => arg.long("allowed-ip-range").action(ArgAction::Append),
                Kind::Flag => arg
                    .value_parser(clap::value_parser!(bool))
                    .num_args(0..=1)
                    .default_missing_value("true"),
                Kind::Number(_) => arg.value_parser(clap::value_parser!(u32)),
                Kind::Choice(choices) => arg.value_parser(choices.to_vec()),
                _ => arg,
            };
            setup = setup.arg(arg.help_heading("Parameters"));
        }
        setup.after_help(help)
    });
    let mut matches = command.get_matches();
    let setup_values = matches
        .subcommand_matches("setup")
        .map(setup_flags)
        .unwrap_or_default();
    let cli = Cli::from_arg_matches_mut(&mut matches).unwrap_or_else(|e| e.exit());
    (cli, setup_values)
}

fn setup_flags(m: &ArgMatches) -> Map<String, Value> {
    let mut values = Map::new();
    for p in PARAMETERS {
        let value = match p.kind {
            Kind::IpRanges => m
                .get_many::<String>(p.name)
                .map(|v| json!(v.collect::<Vec<_>>())),
            Kind::Flag => m.get_one::<bool>(p.name).map(|b| json!(b)),
            Kind::Number(_) => m.get_one::<u32>(p.name).map(|n| json!(n)),
            _ => m.get_one::<String>(p.name).map(|s| json!(s)),
        };
        if let Some(v) = value {
            values.insert(p.name.into(), v);
        }
    }
    values
}

/// The built-in scenarios and the parameters each takes.
fn scenario_help() -> String {
    let Ok(engine) = Engine::load(&LoadOptions::default()) else {
        return String::new();
    };
    let mut help = String::from(
        "Scenarios (built-in; --knowledge folders can add more). Each needs the parameters\n\
         listed first (left out, they become placeholders the script refuses to run with)\n\
         and may take the optional ones; any other parameter is refused with exit 2.\n",
    );
    let flag = |name: &str| format!("--{}", name.replace('_', "-"));
    for (name, title) in engine.scenarios() {
        let Some(scenario) = engine.scenario(&name) else {
            continue;
        };
        let (needs, optional): (Vec<_>, Vec<_>) = scenario
            .parameters
            .iter()
            .partition(|d| d.default.is_none() && !d.optional && d.when.is_none());
        let list = |ds: &[&acr_cmk_mcp::setup::scenario::Declared]| {
            ds.iter()
                .map(|d| flag(d.parameter.name))
                .collect::<Vec<_>>()
                .join(" ")
        };
        help.push_str(&format!(
            "  {name}: {title}\n      needs: {}\n",
            list(&needs)
        ));
        if !optional.is_empty() {
            help.push_str(&format!("      optional: {}\n", list(&optional)));
        }
    }
    help
}

pub fn object(value: Value) -> Map<String, Value> {
    let mut map = value.as_object().cloned().unwrap_or_default();
    map.retain(|_, v| !v.is_null());
    map
}

/// Writes a line to stdout. A reader that went away (`| head`) ends the program
/// quietly, as it does for other command-line tools, rather than with a panic.
pub fn emit(text: &str) {
    use std::io::Write;
    let mut out = std::io::stdout().lock();
    if let Err(e) = writeln!(out, "{text}") {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            std::process::exit(0);
        }
        eprintln!("error: writing to stdout: {e}");
        std::process::exit(1);
    }
}

/// Prints a result as JSON or as text for people.
pub fn print<T: serde::Serialize>(json: bool, value: &T, text: fn(&T) -> String) {
    match json {
        true => emit(&serde_json::to_string_pretty(value).unwrap_or_default()),
        false => emit(&text(value)),
    }
}
