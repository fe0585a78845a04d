//! The `acr-cmk-mcp` binary: parses the command line, sets up logging to stderr and
//! starts the chosen front end. Everything else lives in the library.

use std::io::{IsTerminal, Read};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::lint::{Checks, LintError};
use acr_cmk_mcp::mcp::{self, ServeError, ServeOptions, http};
use acr_cmk_mcp::reload::{self, SharedEngine};
use acr_cmk_mcp::{Engine, IndexError, InputError, eval, render, request};
use anyhow::Context;
use serde_json::{Map, Value, json};
use tracing_subscriber::filter::Targets;
use tracing_subscriber::layer::SubscriberExt;
use tracing_subscriber::util::SubscriberInitExt;

mod args;
use args::{Cli, Cmd, ServeArgs, emit, object, parse, print};

fn main() -> ExitCode {
    let (cli, setup_values) = parse();
    let level = if matches!(cli.command, Cmd::Serve(_)) {
        "info,rmcp=error,tantivy=warn"
    } else {
        "warn"
    };
    // RUST_LOG as `target=level` pairs and a default level. Not EnvFilter: its span
    // and field filters bring a regex engine, a few hundred kilobytes of code.
    let filter = std::env::var("RUST_LOG")
        .ok()
        .and_then(|spec| spec.parse::<Targets>().ok())
        .unwrap_or_else(|| level.parse().expect("the default filter parses"));
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(std::io::stderr().is_terminal()),
        )
        .with(filter)
        .init();
    match run(cli, setup_values) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::from(if usage_error(&e) { 2 } else { 1 })
        }
    }
}

/// Mistakes in what the user asked for exit 2, as clap's own usage errors do.
fn usage_error(e: &anyhow::Error) -> bool {
    e.downcast_ref::<InputError>().is_some()
        || matches!(e.downcast_ref::<LintError>(), Some(LintError::Upstream(_)))
        || matches!(
            e.downcast_ref::<ServeError>(),
            Some(
                ServeError::NothingToWatch
                    | ServeError::Http(
                        http::HttpError::TokenRequired(_) | http::HttpError::EmptyToken
                    )
            )
        )
}

fn run(cli: Cli, setup_values: Map<String, Value>) -> anyhow::Result<ExitCode> {
    let options = LoadOptions {
        builtin: !cli.no_builtin,
        dirs: cli.knowledge.clone(),
        follow_symlinks: cli.follow_symlinks,
    };
    match cli.command {
        Cmd::Lint { dirs, az, upstream } => {
            let checks = Checks {
                az: az.as_deref(),
                upstream: upstream.as_deref(),
            };
            return lint(dirs, cli.follow_symlinks, checks);
        }
        Cmd::Serve(ref args) if !cli.strict => {
            let (load, cache) = (options.clone(), cli.index_cache.clone());
            let shared =
                SharedEngine::load_in_background(move || load_engine(&load, cache.as_deref()))?;
            return serve(shared, &options, args);
        }
        _ => {}
    }
    let engine =
        load_engine(&options, cli.index_cache.as_deref()).context("loading the knowledge")?;
    let problems: Vec<String> = engine.diagnostics().map(ToString::to_string).collect();
    if cli.strict && !problems.is_empty() {
        problems.iter().for_each(|d| eprintln!("error: {d}"));
        eprintln!(
            "error: --strict: {} knowledge diagnostic(s)",
            problems.len()
        );
        return Ok(ExitCode::from(2));
    }
    problems.iter().for_each(|d| tracing::warn!("{d}"));
    match cli.command {
        Cmd::Serve(args) => return serve(reload::shared(engine), &options, &args),
        Cmd::Ask {
            question,
            max_results,
            max_chars,
            json,
            explain,
        } => {
            let request = request::decode(object(
                json!({"question": question, "max_results": max_results, "max_chars": max_chars}),
            ))?;
            if explain {
                print(json, &engine.explain(&request)?, render::explanation);
            } else {
                print(json, &engine.answer(&request)?, render::answer);
            }
        }
        Cmd::Setup {
            scenario,
            json,
            script,
        } => {
            let mut values = setup_values;
            values.insert("scenario".into(), scenario.into());
            // Name the flag the user typed, not the MCP argument.
            let plan = request::decode(values)
                .and_then(|r| engine.setup(&r))
                .map_err(|mut e: InputError| {
                    e.field = match e.field.as_str() {
                        "scenario" => "SCENARIO".to_string(),
                        f => match f.strip_prefix("allowed_ip_ranges") {
                            Some(index) => format!("--allowed-ip-range{index}"),
                            None => format!("--{}", f.replace('_', "-")),
                        },
                    };
                    e
                })?;
            match script {
                true => emit(plan.script.trim_end()),
                false => print(json, &plan, render::setup_plan),
            }
        }
        Cmd::Troubleshoot {
            symptom,
            registry_name,
            resource_group,
            key_vault_name,
            hsm_name,
            key_name,
            identity_name,
            json,
        } => {
            let symptom = match symptom.as_str() {
                "-" => {
                    let mut text = String::new();
                    std::io::stdin()
                        .read_to_string(&mut text)
                        .context("reading the symptom from standard input")?;
                    text
                }
                _ => symptom,
            };
            let request = request::decode(object(
                json!({"symptom": symptom, "registry_name": registry_name, "resource_group": resource_group, "key_vault_name": key_vault_name, "hsm_name": hsm_name, "key_name": key_name, "identity_name": identity_name}),
            ))?;
            print(json, &engine.troubleshoot(&request)?, render::diagnosis);
        }
        Cmd::Doctor => emit(&render::summary(
            &engine.summary(),
            options.builtin,
            &options.dirs,
        )),
        Cmd::Eval {
            questions,
            baseline,
            write_baseline,
            ablate,
            json,
        } => {
            let (path, questions) = eval::read_set(&questions).map_err(anyhow::Error::msg)?;
            let report = eval::run(&engine, &questions);
            match json {
                true => emit(&serde_json::to_string_pretty(&report)?),
                false => emit(&format!(
                    "{} questions from {}\n\n{}",
                    questions.len(),
                    path.display(),
                    eval::table(&report).trim_end()
                )),
            }
            if ablate {
                let (_, rows) = eval::ablation(engine, &questions, &report.overall);
                emit(&format!("\n{}", eval::ablation_table(&rows).trim_end()));
            }
            if let Some(path) = write_baseline {
                std::fs::write(&path, serde_json::to_string_pretty(&report.overall)? + "\n")?;
                emit(&format!("\nbaseline written to {}", path.display()));
            }
            if let Some(path) = baseline {
                let regressions =
                    eval::against_baseline(&report.overall, &path).map_err(anyhow::Error::msg)?;
                if !regressions.is_empty() {
                    eprintln!("retrieval regressed against {}:", path.display());
                    regressions.iter().for_each(|r| eprintln!("  {r}"));
                    return Ok(ExitCode::FAILURE);
                }
                emit(&format!(
                    "\nno headline metric is more than 2 points below {}",
                    path.display()
                ));
            }
        }
        Cmd::Lint { .. } => unreachable!("handled before loading"),
    }
    Ok(ExitCode::SUCCESS)
}

/// Loads the knowledge, through the index cache when one is given (which logs how).
fn load_engine(options: &LoadOptions, cache: Option<&Path>) -> Result<Engine, IndexError> {
    match cache {
        Some(dir) => acr_cmk_mcp::index_cache::load(options, dir).map(|(engine, _)| engine),
        None => Engine::load(options),
    }
}

fn serve(shared: SharedEngine, load: &LoadOptions, args: &ServeArgs) -> anyhow::Result<ExitCode> {
    let options = ServeOptions {
        http: args.http_options()?,
        watch: args.watch.then(|| load.clone()),
    };
    mcp::runtime(&options)?.block_on(mcp::serve(shared, options, http::shutdown_signal()))?;
    Ok(ExitCode::SUCCESS)
}

fn lint(dirs: Vec<PathBuf>, follow_symlinks: bool, checks: Checks) -> anyhow::Result<ExitCode> {
    let engine = Engine::load(&LoadOptions {
        builtin: dirs.is_empty(),
        dirs,
        follow_symlinks,
    })
    .context("loading the knowledge")?;
    let findings = engine.lint(checks)?;
    findings.iter().for_each(|f| emit(&f.to_string()));
    let s = engine.summary();
    if findings.is_empty() {
        emit(&format!(
            "{} docs, {} sections, {} cases, {} scenarios: no findings",
            s.docs,
            s.sections,
            s.cases,
            s.scenarios.len()
        ));
        return Ok(ExitCode::SUCCESS);
    }
    emit(&format!("{} docs: {} findings", s.docs, findings.len()));
    Ok(ExitCode::from(1))
}
