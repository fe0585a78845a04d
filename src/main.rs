//! The `acr-cmk-mcp` binary: parses the command line, sets up logging to stderr, loads
//! the knowledge and starts the chosen front end. Everything else lives in the library.

use std::io::{IsTerminal, Read};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::setup::SetupRequest;
use acr_cmk_mcp::troubleshoot::TroubleshootRequest;
use acr_cmk_mcp::{Engine, InputError, mcp, reload, render};
use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use serde_json::{Map, Value, json};

/// Answers questions about Azure Container Registry customer-managed-key encryption,
/// over MCP or on the command line.
#[derive(Parser)]
#[command(name = "acr-cmk-mcp", version, about)]
struct Cli {
    /// Add a folder of skill docs (a skill folder, or a folder of skill folders). Repeatable.
    #[arg(long = "knowledge", value_name = "DIR", global = true)]
    knowledge: Vec<PathBuf>,
    /// Serve only the --knowledge folders, not the built-in knowledge.
    #[arg(long, global = true)]
    no_builtin: bool,
    /// Treat any knowledge diagnostic (a skipped file, a broken case…) as fatal: exit 2.
    #[arg(long, global = true)]
    strict: bool,
    /// Keep the parsed knowledge and its index in DIR, keyed by a digest of the source
    /// files, and start from there when nothing changed (for large knowledge trees).
    #[arg(long, value_name = "DIR", global = true)]
    index_cache: Option<PathBuf>,
    /// Follow symlinks that lead out of a --knowledge folder (by default they are
    /// skipped with a diagnostic, so a folder serves only what lies inside it).
    #[arg(long, global = true)]
    follow_symlinks: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve MCP over stdio (stdout carries JSON-RPC only; logs go to stderr), or over
    /// streamable HTTP with --http.
    Serve(ServeArgs),
    /// Answer a question with cited snippets.
    Ask {
        question: String,
        /// How many snippets, 1-10.
        #[arg(long, default_value_t = 3)]
        max_results: i64,
        /// Budget for the snippets' text, 200-20,000 characters.
        #[arg(long)]
        max_chars: Option<i64>,
        /// Print the structured result as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print the az command sequence for a CMK scenario.
    Setup(Box<SetupArgs>),
    /// Match an error message or symptom to known causes. Use - to read it from stdin.
    Troubleshoot(TroubleshootArgs),
    /// Show what is loaded: knowledge folders, docs, sections, cases, diagnostics, timings.
    Doctor,
    /// Measure retrieval quality on a labelled question set.
    Eval(EvalArgs),
    /// Check skill docs (the built-in knowledge when no DIR is given). Exits 1 with findings.
    Lint {
        /// Skill folders, or folders of skill folders.
        dirs: Vec<PathBuf>,
        /// Also check that every `az` line parses under this Azure CLI.
        #[arg(long, value_name = "PATH")]
        az: Option<PathBuf>,
    },
}

#[derive(Args)]
struct EvalArgs {
    /// The question set.
    #[arg(long, default_value = "eval/questions.json")]
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
}

#[derive(Args)]
struct ServeArgs {
    /// Serve streamable HTTP at http://ADDR/mcp instead of stdio (e.g. 127.0.0.1:8080).
    #[arg(long, value_name = "ADDR")]
    http: Option<std::net::SocketAddr>,
    /// HTTP: stateless mode (no sessions), so replicas need no sticky sessions.
    #[arg(long, requires = "http")]
    stateless: bool,
    /// HTTP: read the bearer token every request must carry from this environment
    /// variable. Required to bind an address other than loopback.
    #[arg(long, value_name = "VAR", requires = "http")]
    auth_token_env: Option<String>,
    /// HTTP: also allow this Host header (besides localhost). Repeatable.
    #[arg(long = "allowed-host", value_name = "HOST", requires = "http")]
    allowed_hosts: Vec<String>,
    /// HTTP: also allow this Origin (e.g. https://app.example.com:443). Repeatable.
    #[arg(long = "allowed-origin", value_name = "ORIGIN", requires = "http")]
    allowed_origins: Vec<String>,
    /// HTTP: the largest request body accepted, in bytes.
    #[arg(long, default_value_t = 1024 * 1024, requires = "http")]
    max_body_bytes: usize,
    /// HTTP: sessions open at once; past it a new session gets 503 and Retry-After.
    #[arg(long, default_value_t = 1000, requires = "http")]
    max_sessions: usize,
    /// HTTP: close a session that sees no request for this many seconds.
    #[arg(long, value_name = "SECS", default_value_t = 300, requires = "http")]
    session_idle_timeout: u64,
    /// Reload the --knowledge folders when they change, without a restart.
    #[arg(long)]
    watch: bool,
}

#[derive(Args)]
struct SetupArgs {
    /// create_registry, rotate_key, enable_auto_rotation, use_system_identity,
    /// revoke_access, restore_access, key_vault_firewall or show_status.
    scenario: String,
    #[arg(long)]
    registry_name: Option<String>,
    #[arg(long)]
    resource_group: Option<String>,
    #[arg(long)]
    location: Option<String>,
    /// A user-assigned identity name, or '[system]'.
    #[arg(long)]
    identity_name: Option<String>,
    #[arg(long)]
    key_vault_name: Option<String>,
    #[arg(long)]
    key_name: Option<String>,
    /// RSA or RSA-HSM.
    #[arg(long)]
    key_type: Option<String>,
    /// 2048, 3072 or 4096.
    #[arg(long)]
    key_size: Option<u32>,
    /// rbac or access_policy.
    #[arg(long)]
    permission_model: Option<String>,
    /// versionless or versioned.
    #[arg(long)]
    key_versioning: Option<String>,
    #[arg(long)]
    new_key_vault_name: Option<String>,
    #[arg(long)]
    new_key_vault_resource_group: Option<String>,
    #[arg(long)]
    new_key_name: Option<String>,
    /// An IPv4 address or CIDR range to allow through the vault firewall. Repeatable.
    #[arg(long = "allowed-ip-range")]
    allowed_ip_ranges: Vec<String>,
    /// public or restricted.
    #[arg(long)]
    key_vault_network: Option<String>,
    /// ISO 8601 duration of at least 7 days, e.g. P90D.
    #[arg(long)]
    key_rotation_interval: Option<String>,
    /// key or key_vault.
    #[arg(long)]
    recover: Option<String>,
    #[arg(long)]
    create_resource_group: Option<bool>,
    #[arg(long)]
    delete_key: bool,
    /// Print the structured result as JSON.
    #[arg(long, conflicts_with = "script")]
    json: bool,
    /// Print only the bash script.
    #[arg(long)]
    script: bool,
}

#[derive(Args)]
struct TroubleshootArgs {
    /// The error text or symptom; - reads it from standard input.
    symptom: String,
    #[arg(long)]
    registry_name: Option<String>,
    #[arg(long)]
    resource_group: Option<String>,
    #[arg(long)]
    key_vault_name: Option<String>,
    #[arg(long)]
    key_name: Option<String>,
    #[arg(long)]
    identity_name: Option<String>,
    /// Print the structured result as JSON.
    #[arg(long)]
    json: bool,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let default_level = match cli.command {
        // rmcp logs what callers send (resource URIs, prompt arguments, methods, Host
        // headers) at WARN; only its errors are wanted here.
        Command::Serve(_) => "info,rmcp=error,tantivy=warn",
        _ => "warn",
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| default_level.into()),
        )
        .with_writer(std::io::stderr)
        .with_ansi(std::io::stderr().is_terminal())
        .init();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            if let Some(input) = e.downcast_ref::<InputError>() {
                eprintln!("error: invalid argument {input}");
                return ExitCode::from(2);
            }
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    if let Command::Lint { dirs, az } = &cli.command {
        return lint(dirs, az.as_deref(), cli.follow_symlinks);
    }
    let options = LoadOptions {
        builtin: !cli.no_builtin,
        dirs: cli.knowledge.clone(),
        follow_symlinks: cli.follow_symlinks,
    };
    if let Command::Serve(args) = &cli.command
        && !cli.strict
    {
        // The handshake needs no knowledge: index it on another thread meanwhile.
        let shared = reload::SharedEngine::pending();
        let slot = shared.clone();
        let loading = options.clone();
        let cache = cli.index_cache.clone();
        std::thread::Builder::new()
            .name("knowledge-loader".into())
            .spawn(move || match load_engine(&loading, cache.as_deref()) {
                Ok(engine) => {
                    for d in engine.diagnostics() {
                        tracing::warn!("{d}");
                    }
                    log_loaded(&engine);
                    slot.store(Arc::new(engine));
                }
                Err(e) => {
                    tracing::error!("loading the knowledge failed: {e}");
                    std::process::exit(1);
                }
            })
            .context("starting the knowledge loader")?;
        serve(shared, &options, args)?;
        return Ok(ExitCode::SUCCESS);
    }
    let engine =
        load_engine(&options, cli.index_cache.as_deref()).context("loading the knowledge")?;
    for d in engine.diagnostics() {
        tracing::warn!("{d}");
    }
    let problems = engine.diagnostics().count();
    if cli.strict && problems > 0 {
        for d in engine.diagnostics() {
            eprintln!("error: {d}");
        }
        eprintln!("error: --strict: {problems} knowledge diagnostic(s)");
        return Ok(ExitCode::from(2));
    }
    match cli.command {
        Command::Serve(args) => {
            log_loaded(&engine);
            serve(reload::shared(engine), &options, &args)?
        }
        Command::Ask {
            question,
            max_results,
            max_chars,
            json,
        } => {
            let answer = engine.answer(&question, Some(max_results), max_chars)?;
            if json {
                println!("{}", serde_json::to_string_pretty(&answer)?);
            } else {
                println!("{}", render::answer(&answer));
            }
        }
        Command::Setup(args) => {
            let request: SetupRequest = from_flags(setup_flags(&args))?;
            let plan = engine.setup(&request)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&plan)?);
            } else if args.script {
                print!("{}", plan.script);
            } else {
                println!("{}", render::setup_plan(&plan));
            }
        }
        Command::Troubleshoot(args) => {
            let symptom = if args.symptom == "-" {
                let mut text = String::new();
                std::io::stdin()
                    .read_to_string(&mut text)
                    .context("reading the symptom from standard input")?;
                text
            } else {
                args.symptom.clone()
            };
            let request = TroubleshootRequest {
                symptom,
                registry_name: args.registry_name,
                resource_group: args.resource_group,
                key_vault_name: args.key_vault_name,
                key_name: args.key_name,
                identity_name: args.identity_name,
            };
            let diagnosis = engine.troubleshoot(&request)?;
            if args.json {
                println!("{}", serde_json::to_string_pretty(&diagnosis)?);
            } else {
                println!("{}", render::diagnosis(&diagnosis));
            }
        }
        Command::Doctor => doctor(&engine, &options),
        Command::Eval(args) => return eval(engine, &args),
        Command::Lint { .. } => unreachable!("handled before loading"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads the knowledge, through the index cache when one is given (which logs how).
fn load_engine(
    options: &LoadOptions,
    cache: Option<&std::path::Path>,
) -> Result<Engine, acr_cmk_mcp::IndexError> {
    match cache {
        Some(dir) => acr_cmk_mcp::index_cache::load(options, dir).map(|(engine, _)| engine),
        None => Engine::load(options),
    }
}

fn log_loaded(engine: &Engine) {
    tracing::info!(
        docs = engine.corpus.docs.len(),
        sections = engine.corpus.sections.len(),
        cases = engine.cases.cases.len(),
        load_ms = engine.load_time.as_secs_f64() * 1e3,
        index_ms = engine.index_time.as_secs_f64() * 1e3,
        "acr-cmk-mcp {} loaded",
        env!("CARGO_PKG_VERSION")
    );
}

fn serve(
    shared: reload::SharedEngine,
    options: &LoadOptions,
    args: &ServeArgs,
) -> anyhow::Result<()> {
    let mut server = mcp::CmkServer::new(shared.clone());
    // stdio serves one client one request at a time: a single thread answers it with
    // no cross-thread wake-ups (measured: see BENCHMARKS.md). HTTP serves many.
    let runtime = if args.http.is_some() {
        tokio::runtime::Builder::new_multi_thread()
            .enable_all()
            .build()?
    } else {
        tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?
    };
    // The watcher must live as long as the server.
    let _watcher = if args.watch {
        anyhow::ensure!(
            !options.dirs.is_empty(),
            "--watch reloads --knowledge folders; none was given"
        );
        let reloader = Arc::new(reload::Reloader::new(options.clone(), shared));
        server = server.with_change_notifications(reloader.sender());
        let watcher = reload::watch(
            reloader,
            &options.dirs,
            std::time::Duration::from_millis(250),
        )
        .context("watching the knowledge folders")?;
        tracing::info!(
            "watching {} knowledge folder(s) for changes",
            options.dirs.len()
        );
        Some(watcher)
    } else {
        None
    };
    match args.http {
        Some(addr) => {
            let mut http = mcp::http::HttpOptions::new(addr);
            http.stateless = args.stateless;
            http.extra_hosts = args.allowed_hosts.clone();
            http.extra_origins = args.allowed_origins.clone();
            http.max_body_bytes = args.max_body_bytes;
            http.max_sessions = args.max_sessions;
            http.session_idle_timeout = std::time::Duration::from_secs(args.session_idle_timeout);
            if let Some(var) = &args.auth_token_env {
                let token = std::env::var(var)
                    .with_context(|| format!("--auth-token-env {var}: the variable is not set"))?;
                http.auth_token = Some(token);
            }
            runtime.block_on(mcp::http::serve(server, http, mcp::http::shutdown_signal()))?;
        }
        None => {
            tracing::info!("ready on stdio");
            runtime
                .block_on(mcp::serve_stdio(server))
                .map_err(|e| anyhow::anyhow!(e))?;
        }
    }
    Ok(())
}

fn setup_flags(a: &SetupArgs) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("scenario".into(), json!(a.scenario));
    let strings = [
        ("registry_name", &a.registry_name),
        ("resource_group", &a.resource_group),
        ("location", &a.location),
        ("identity_name", &a.identity_name),
        ("key_vault_name", &a.key_vault_name),
        ("key_name", &a.key_name),
        ("key_type", &a.key_type),
        ("permission_model", &a.permission_model),
        ("key_versioning", &a.key_versioning),
        ("new_key_vault_name", &a.new_key_vault_name),
        (
            "new_key_vault_resource_group",
            &a.new_key_vault_resource_group,
        ),
        ("new_key_name", &a.new_key_name),
        ("key_vault_network", &a.key_vault_network),
        ("key_rotation_interval", &a.key_rotation_interval),
        ("recover", &a.recover),
    ];
    for (name, value) in strings {
        if let Some(v) = value {
            m.insert(name.into(), json!(v));
        }
    }
    if let Some(size) = a.key_size {
        m.insert("key_size".into(), json!(size));
    }
    if !a.allowed_ip_ranges.is_empty() {
        m.insert("allowed_ip_ranges".into(), json!(a.allowed_ip_ranges));
    }
    if let Some(b) = a.create_resource_group {
        m.insert("create_resource_group".into(), json!(b));
    }
    if a.delete_key {
        m.insert("delete_key".into(), json!(true));
    }
    m
}

/// Decodes CLI flags through the same path as MCP arguments, so both report the same
/// errors for the same values.
fn from_flags<T: serde::de::DeserializeOwned>(flags: Map<String, Value>) -> Result<T, InputError> {
    mcp::decode(flags)
}

fn eval(mut engine: Engine, args: &EvalArgs) -> anyhow::Result<ExitCode> {
    use acr_cmk_mcp::eval;
    let text = std::fs::read_to_string(&args.questions)
        .with_context(|| format!("reading {}", args.questions.display()))?;
    let questions = eval::load_questions(&text)
        .with_context(|| format!("parsing {}", args.questions.display()))?;
    let report = eval::run(&engine, &questions);
    if args.json {
        println!("{}", serde_json::to_string_pretty(&report)?);
    } else {
        println!(
            "{} questions from {}\n",
            questions.len(),
            args.questions.display()
        );
        print!("{}", eval::table(&report));
    }
    if args.ablate {
        println!(
            "\nablation: the change in each headline metric when one technique is switched off"
        );
        println!("{:<16} {}", "technique", eval::HEADLINE.join("  "));
        for (name, tuning) in acr_cmk_mcp::search::Tuning::ablations() {
            engine.index.tuning = tuning;
            let off = eval::run(&engine, &questions).overall;
            let deltas: Vec<String> = eval::HEADLINE
                .iter()
                .map(|m| format!("{:>+8.3}", off.get(m) - report.overall.get(m)))
                .collect();
            println!("{name:<16} {}", deltas.join(" "));
        }
    }
    if let Some(path) = &args.write_baseline {
        std::fs::write(path, serde_json::to_string_pretty(&report.overall)? + "\n")?;
        println!("\nbaseline written to {}", path.display());
    }
    if let Some(path) = &args.baseline {
        let baseline: eval::Metrics = serde_json::from_str(&std::fs::read_to_string(path)?)?;
        let regressions = eval::regressions(&report.overall, &baseline, 0.02);
        if !regressions.is_empty() {
            eprintln!("retrieval regressed against {}:", path.display());
            for r in regressions {
                eprintln!("  {r}");
            }
            return Ok(ExitCode::FAILURE);
        }
        println!(
            "\nno headline metric is more than 2 points below {}",
            path.display()
        );
    }
    Ok(ExitCode::SUCCESS)
}

fn lint(
    dirs: &[PathBuf],
    az: Option<&std::path::Path>,
    follow_symlinks: bool,
) -> anyhow::Result<ExitCode> {
    let options = LoadOptions {
        builtin: dirs.is_empty(),
        dirs: dirs.to_vec(),
        follow_symlinks,
    };
    let engine = Engine::load(&options).context("loading the knowledge")?;
    let findings = acr_cmk_mcp::lint::lint(&engine.corpus, &engine.cases, az)
        .context("running the Azure CLI")?;
    for f in &findings {
        println!("{f}");
    }
    let docs = engine.corpus.docs.len();
    if findings.is_empty() {
        println!(
            "{docs} docs, {} sections, {} cases: no findings",
            engine.corpus.sections.len(),
            engine.cases.cases.len()
        );
        Ok(ExitCode::SUCCESS)
    } else {
        println!("{docs} docs: {} findings", findings.len());
        Ok(ExitCode::from(1))
    }
}

fn doctor(engine: &Engine, options: &LoadOptions) {
    println!("acr-cmk-mcp {}", env!("CARGO_PKG_VERSION"));
    println!("{}", render::version_line(&engine.corpus.version));
    println!(
        "built-in knowledge: {}",
        if options.builtin { "on" } else { "off" }
    );
    for dir in &options.dirs {
        println!("knowledge dir: {}", dir.display());
    }
    for skill in &engine.corpus.skills {
        let docs = engine
            .corpus
            .docs
            .iter()
            .filter(|d| d.skill == skill.name)
            .count();
        println!("skill {} ({}): {} docs", skill.name, skill.origin, docs);
    }
    println!(
        "docs: {}, sections: {}, troubleshooting cases: {}, synonym groups: {}",
        engine.corpus.docs.len(),
        engine.corpus.sections.len(),
        engine.cases.cases.len(),
        engine.corpus.synonyms.len()
    );
    println!(
        "load: {:.2} ms, index build: {:.2} ms",
        engine.load_time.as_secs_f64() * 1e3,
        engine.index_time.as_secs_f64() * 1e3
    );
    let diagnostics: Vec<_> = engine.diagnostics().collect();
    println!("diagnostics: {}", diagnostics.len());
    for d in diagnostics {
        println!("  {d}");
    }
}
