//! Every `az` command the project emits parses under the real Azure CLI.
//!
//! Set `AZ_CLI` to an `az` executable (CI installs azure-cli 2.91.0 into a venv) to
//! run it; `REQUIRE_AZ_CLI=1` makes a missing CLI a failure rather than a skip, which
//! `.ci/run` sets. Commands run offline with an empty config: arguments that parse stop
//! at "Please run 'az login'". A parse error exits 2 and fails the test, and so does
//! any other validation error.
//!
//! Checked: every `az` line in the knowledge's code blocks, every step of the setup
//! scenario matrix, and every command the troubleshooter can emit.

mod common;

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::azcheck::{self, sample_argv};
use acr_cmk_mcp::azure::{Line, command};
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::decode;
use acr_cmk_mcp::setup::SetupRequest;
use acr_cmk_mcp::troubleshoot::FixPart;

fn collect() -> BTreeMap<Vec<String>, String> {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let mut commands: BTreeMap<Vec<String>, String> = BTreeMap::new();
    let mut add = |argv: Vec<String>, origin: String| {
        commands.entry(argv).or_insert(origin);
    };
    let corpus = engine.corpus();
    for s in &corpus.sections {
        for block in &s.code {
            if !matches!(
                block.lang.as_str(),
                "bash" | "sh" | "shell" | "azurecli" | "azurecli-interactive" | "console" | ""
            ) {
                continue;
            }
            for text in command::lines_of(&block.code) {
                if text.trim_start().starts_with("az ") || text.contains("$(az ") {
                    // Every az line of the knowledge fits the command model the server
                    // prints commands through.
                    let line = Line::parse(&text).unwrap_or_else(|e| {
                        panic!(
                            "{}: az line outside the command model ({e}): {text}",
                            corpus.section_uri(s)
                        )
                    });
                    add(sample_argv(&line).unwrap(), corpus.section_uri(s));
                }
            }
        }
    }
    for (label, request) in common::setup_matrix(&engine) {
        let req: SetupRequest = decode(request.as_object().unwrap().clone()).unwrap();
        let plan = engine.setup(&req).unwrap();
        let values: BTreeMap<String, String> = plan
            .parameters
            .iter()
            .filter_map(|p| p.variable.clone().map(|v| (v, p.value.clone())))
            .collect();
        for step in plan.steps.iter().filter(|s| !s.argv.is_empty()) {
            let line = Line::parse(&step.command).unwrap();
            let argv = line.expanded_argv(&|var| {
                values
                    .get(var)
                    .cloned()
                    .unwrap_or_else(|| azcheck::sample(var))
            });
            add(
                argv[1..].to_vec(),
                format!("setup {label} step {}", step.number),
            );
        }
    }
    for case in &engine.cases().cases {
        let fix = case.fix.iter().filter_map(|f| match f {
            FixPart::Command(c) => Some(c),
            FixPart::Step(_) => None,
        });
        for line in case.diagnose.iter().chain(fix) {
            if let Some(argv) = sample_argv(line) {
                add(argv, format!("troubleshoot case {}", case.id));
            }
        }
    }
    for line in &engine.cases().checklist {
        if let Some(argv) = sample_argv(line) {
            add(argv, "troubleshoot checklist".into());
        }
    }
    commands
}

#[test]
fn every_emitted_az_command_parses_under_the_real_cli() {
    let Some(az) = std::env::var_os("AZ_CLI").map(PathBuf::from) else {
        assert!(
            std::env::var_os("REQUIRE_AZ_CLI").is_none(),
            "REQUIRE_AZ_CLI is set but AZ_CLI is not"
        );
        eprintln!("skipped: set AZ_CLI to an az executable to run the Azure CLI parse check");
        return;
    };
    let commands: Vec<(Vec<String>, String)> = collect().into_iter().collect();
    assert!(
        commands.len() > 100,
        "only {} commands collected",
        commands.len()
    );
    let jobs = std::env::var("AZ_PARSE_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or(3);
    let failures: Vec<String> = azcheck::check(&az, &commands, jobs)
        .expect("run az")
        .into_iter()
        .map(|f| format!("{}\n    from {}\n    {}", f.command, f.origin, f.message))
        .collect();
    let scenarios: BTreeSet<&str> = commands
        .iter()
        .filter_map(|(_, o)| o.strip_prefix("setup "))
        .map(|o| o.split('/').next().unwrap())
        .collect();
    println!(
        "{} passed, {} failed ({} unique commands; setup scenarios: {:?})",
        commands.len() - failures.len(),
        failures.len(),
        commands.len(),
        scenarios
    );
    assert!(
        failures.is_empty(),
        "{} commands did not parse:\n{}",
        failures.len(),
        failures.join("\n")
    );
}
