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
use std::process::{Command, Stdio};
use std::sync::Mutex;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::setup::SetupRequest;
use acr_cmk_mcp::troubleshoot::{FixItem, cases::command_lines};

/// Sample values for the variables knowledge commands use, so that the CLI's own
/// validators (registry names, IDs) see realistic input.
fn sample(var: &str) -> String {
    let guid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    let sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acr";
    match var {
        "REGISTRY_NAME" | "NEW_REGISTRY_NAME" | "SOURCE_REGISTRY_NAME" => "contosoacr01".into(),
        "RESOURCE_GROUP" | "NEW_KEY_VAULT_RESOURCE_GROUP" => "rg-acr".into(),
        "LOCATION" => "westeurope".into(),
        "KEY_VAULT_NAME" | "NEW_KEY_VAULT_NAME" => "kv-acr-cmk-01".into(),
        "KEY_NAME" | "NEW_KEY_NAME" => "acr-cmk".into(),
        "IDENTITY_NAME" | "NEW_IDENTITY_NAME" => "id-acr-cmk".into(),
        "KEY_TYPE" => "RSA".into(),
        "KEY_SIZE" => "3072".into(),
        "KEY_ROTATION_INTERVAL" => "P90D".into(),
        "KEY_VERSION" => "0123456789abcdef0123456789abcdef".into(),
        "RUN_ID" => "ca1".into(),
        "REPOSITORY" => "samples/app".into(),
        "TAG" => "v1".into(),
        v if v.starts_with("ALLOWED_IP_RANGE") || v.ends_with("_IP") => "203.0.113.0/24".into(),
        v if v.contains("KEY_ID") || v.contains("KID") => {
            "https://kv-acr-cmk-01.vault.azure.net/keys/acr-cmk/0123456789abcdef0123456789abcdef"
                .into()
        }
        v if v.contains("VAULT_ID") || v == "SCOPE" => {
            format!("{sub}/providers/Microsoft.KeyVault/vaults/kv-acr-cmk-01")
        }
        v if v.contains("IDENTITY_ID") => {
            format!("{sub}/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-acr-cmk")
        }
        v if v.contains("REGISTRY_ID") => {
            format!("{sub}/providers/Microsoft.ContainerRegistry/registries/contosoacr01")
        }
        v if v.ends_with("_ID") => guid.into(),
        _ => "sample".into(),
    }
}

/// Replaces `$NAME` and `${NAME}` with sample values; `${X%...}`-style expansions
/// become the sample of X.
fn substitute(line: &str) -> String {
    let mut out = String::new();
    let mut rest = line;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        if let Some(braced) = after.strip_prefix('{') {
            let end = braced.find('}').unwrap_or(braced.len());
            let name: String = braced[..end]
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            out.push_str(&sample(&name));
            rest = &braced[(end + 1).min(braced.len())..];
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            if end == 0 {
                out.push('$');
                rest = after;
                continue;
            }
            out.push_str(&sample(&after[..end]));
            rest = &after[end..];
        }
    }
    out.push_str(rest);
    out
}

/// The argv of an `az` line (plain, or captured with `VAR=$(...)`), or None for other
/// shell lines.
fn az_argv(line: &str) -> Option<Vec<String>> {
    let line = line.trim();
    let inner = match line.split_once("=$(").or_else(|| line.split_once("=\"$(")) {
        Some((name, rest))
            if name
                .chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_') =>
        {
            rest.trim_end_matches('"').strip_suffix(')')?.to_string()
        }
        _ => line.to_string(),
    };
    if !inner.starts_with("az ") {
        return None;
    }
    let argv = shell_words::split(&substitute(&inner)).ok()?;
    Some(argv[1..].to_vec())
}

fn collect() -> BTreeMap<Vec<String>, String> {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let mut commands: BTreeMap<Vec<String>, String> = BTreeMap::new();
    let mut add = |argv: Vec<String>, origin: String| {
        commands.entry(argv).or_insert(origin);
    };
    for s in &engine.corpus.sections {
        for block in &s.code {
            if !matches!(
                block.lang.as_str(),
                "bash" | "sh" | "shell" | "azurecli" | "azurecli-interactive" | "console" | ""
            ) {
                continue;
            }
            for line in command_lines(&block.code) {
                if line.trim_start().starts_with("az ") || line.contains("$(az ") {
                    let argv = az_argv(&line).unwrap_or_else(|| {
                        panic!(
                            "{}: unparsable az line: {line}",
                            engine.corpus.section_uri(s)
                        )
                    });
                    add(argv, engine.corpus.section_uri(s));
                }
            }
        }
    }
    for (label, request) in common::setup_matrix() {
        let req: SetupRequest = serde_json::from_value(request).unwrap();
        let plan = engine.setup(&req).unwrap();
        let values: BTreeMap<String, String> = plan
            .parameters
            .iter()
            .filter_map(|p| p.variable.clone().map(|v| (v, p.value.clone())))
            .collect();
        for step in plan.steps.iter().filter(|s| !s.argv.is_empty()) {
            let argv = step
                .argv
                .iter()
                .skip(1)
                .map(|a| {
                    let mut a = a.clone();
                    for (var, value) in &values {
                        a = a
                            .replace(&format!("${{{var}}}"), value)
                            .replace(&format!("${var}"), value);
                    }
                    substitute(&a)
                })
                .collect();
            add(argv, format!("setup {label} step {}", step.number));
        }
    }
    for case in &engine.cases.cases {
        let fix = case.fix.iter().filter_map(|f| match f {
            FixItem::Command(c) => Some(c.clone()),
            FixItem::Step(_) => None,
        });
        for line in case.diagnose.iter().cloned().chain(fix) {
            if let Some(argv) = az_argv(&line) {
                add(argv, format!("troubleshoot case {}", case.id));
            }
        }
    }
    for line in &engine.cases.checklist {
        if let Some(argv) = az_argv(line) {
            add(argv, "troubleshoot checklist".into());
        }
    }
    commands
}

/// Outcomes that prove the arguments were accepted: the CLI went on to want a login,
/// or (for commands that work offline) to touch the network or local tools.
fn parsed(code: Option<i32>, output: &str) -> bool {
    match code {
        Some(0) => true,
        Some(2) => false,
        _ => [
            "az login",
            "Max retries exceeded",
            "Failed to establish a new connection",
            "Name or service not known",
            "DOCKER_COMMAND_ERROR",
            "Could not connect to the registry login server",
        ]
        .iter()
        .any(|m| output.contains(m)),
    }
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
    let config = tempfile::tempdir().unwrap();
    // An ARM template the deployment examples can read.
    std::fs::write(
        config.path().join("azuredeploy.json"),
        r#"{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","parameters":{"registry_name":{"type":"string"},"identity_name":{"type":"string"},"vault_name":{"type":"string"},"kek_id":{"type":"string"}},"resources":[]}"#,
    )
    .unwrap();
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    let workers = std::env::var("AZ_PARSE_JOBS")
        .ok()
        .and_then(|j| j.parse().ok())
        .unwrap_or(3);
    std::thread::scope(|scope| {
        for _ in 0..workers {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().unwrap();
                        *n += 1;
                        *n - 1
                    };
                    let Some((argv, origin)) = commands.get(i) else {
                        break;
                    };
                    let out = Command::new(&az)
                        .args(argv)
                        .current_dir(config.path())
                        .env("AZURE_CONFIG_DIR", config.path().join("az"))
                        .env("AZURE_CORE_COLLECT_TELEMETRY", "no")
                        .env("AZURE_CORE_NO_COLOR", "true")
                        .env("AZURE_CORE_ONLY_SHOW_ERRORS", "true")
                        .stdin(Stdio::null())
                        .output()
                        .expect("run az");
                    let text = format!(
                        "{}{}",
                        String::from_utf8_lossy(&out.stderr),
                        String::from_utf8_lossy(&out.stdout)
                    );
                    if !parsed(out.status.code(), &text) {
                        let first = text
                            .lines()
                            .find(|l| !l.trim().is_empty())
                            .unwrap_or("")
                            .to_string();
                        failures.lock().unwrap().push(format!(
                            "az {}\n    from {origin}\n    {first}",
                            shell_words::join(argv)
                        ));
                    }
                }
            });
        }
    });
    let failures = failures.into_inner().unwrap();
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
