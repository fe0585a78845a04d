//! Checking `az` command lines against the real Azure CLI's argument parser, offline.
//!
//! Used by `lint --az` and by the test suite. Each command runs with an empty config
//! directory and no login: arguments that parse stop at "Please run 'az login'",
//! while a parse error exits 2 and a validation error names the problem. Variables in
//! commands are replaced by realistic sample values first, because the CLI validates
//! some values (registry names, IDs) before it asks for a login.

use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::Mutex;

use crate::azure::Line;

/// A command that did not parse, with the CLI's first line of complaint.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Failure {
    pub command: String,
    pub origin: String,
    pub message: String,
}

/// A sample value for a script variable, by its name.
pub fn sample(var: &str) -> String {
    let guid = "3f2504e0-4f89-41d3-9a0c-0305e82c3301";
    let sub = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-acr";
    match var {
        "REGISTRY_NAME" | "NEW_REGISTRY_NAME" | "SOURCE_REGISTRY_NAME" => "contosoacr01".into(),
        "RESOURCE_GROUP" | "NEW_KEY_VAULT_RESOURCE_GROUP" => "rg-acr".into(),
        "LOCATION" => "westeurope".into(),
        "KEY_VAULT_NAME" | "NEW_KEY_VAULT_NAME" | "TARGET_VAULT" => "kv-acr-cmk-01".into(),
        "HSM_NAME" => "contoso-hsm-01".into(),
        "KEY_NAME" | "NEW_KEY_NAME" | "TARGET_KEY" => "acr-cmk".into(),
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

/// The arguments after `az` of an `az` line, with variables replaced by samples;
/// None for an assignment. The line is the same parsed [`Line`] the server prints,
/// so what is checked is exactly what users get.
pub fn sample_argv(line: &Line) -> Option<Vec<String>> {
    let argv = line.expanded_argv(&sample);
    (!argv.is_empty()).then(|| argv[1..].to_vec())
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

/// Runs every `(argv, origin)` through `az` with `jobs` parallel workers and returns
/// the ones that did not parse.
pub fn check(
    az: &Path,
    commands: &[(Vec<String>, String)],
    jobs: usize,
) -> std::io::Result<Vec<Failure>> {
    let config = tempfile::tempdir()?;
    // An ARM template the deployment examples can read.
    std::fs::write(
        config.path().join("azuredeploy.json"),
        r#"{"$schema":"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#","contentVersion":"1.0.0.0","parameters":{"registry_name":{"type":"string"},"identity_name":{"type":"string"},"vault_name":{"type":"string"},"kek_id":{"type":"string"}},"resources":[]}"#,
    )?;
    let next = Mutex::new(0usize);
    let failures = Mutex::new(Vec::new());
    let spawn_error = Mutex::new(None);
    std::thread::scope(|scope| {
        for _ in 0..jobs.max(1) {
            scope.spawn(|| {
                loop {
                    let i = {
                        let mut n = next.lock().expect("counter");
                        *n += 1;
                        *n - 1
                    };
                    let Some((argv, origin)) = commands.get(i) else {
                        break;
                    };
                    let out = Command::new(az)
                        .args(argv)
                        .current_dir(config.path())
                        .env("AZURE_CONFIG_DIR", config.path().join("az"))
                        .env("AZURE_CORE_COLLECT_TELEMETRY", "no")
                        .env("AZURE_CORE_NO_COLOR", "true")
                        .env("AZURE_CORE_ONLY_SHOW_ERRORS", "true")
                        .stdin(Stdio::null())
                        .output();
                    let out = match out {
                        Ok(o) => o,
                        Err(e) => {
                            *spawn_error.lock().expect("error slot") = Some(e);
                            break;
                        }
                    };
                    let text = format!(
                        "{}{}",
                        String::from_utf8_lossy(&out.stderr),
                        String::from_utf8_lossy(&out.stdout)
                    );
                    if !parsed(out.status.code(), &text) {
                        failures.lock().expect("failures").push(Failure {
                            command: format!("az {}", shell_words::join(argv)),
                            origin: origin.clone(),
                            message: text
                                .lines()
                                .find(|l| !l.trim().is_empty())
                                .unwrap_or("")
                                .to_string(),
                        });
                    }
                }
            });
        }
    });
    if let Some(e) = spawn_error.into_inner().expect("error slot") {
        return Err(e);
    }
    let mut failures = failures.into_inner().expect("failures");
    failures.sort_by(|a, b| a.command.cmp(&b.command));
    Ok(failures)
}
