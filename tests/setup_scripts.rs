//! `get_setup_commands` output, proven: every script of the scenario matrix passes
//! `bash -n`, runs under bash with `az` replaced by a recorder so that the argv bash
//! really passes is exactly the plan's argv, every citation resolves, and no value can
//! inject anything (property tests). Golden files pin a few whole scripts.

mod common;

use std::collections::HashMap;
use std::io::Write;
use std::process::{Command, Stdio};

use acr_cmk_mcp::azure::shell::{Arg, Part, quote};
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::decode;
use acr_cmk_mcp::setup::{SetupPlan, SetupRequest, ValueSource};
use acr_cmk_mcp::{Engine, InputError};
use proptest::prelude::*;

fn engine() -> Engine {
    Engine::load(&LoadOptions::default()).unwrap()
}

fn try_plan(engine: &Engine, request: &serde_json::Value) -> Result<SetupPlan, InputError> {
    let req: SetupRequest = decode(request.as_object().unwrap().clone())?;
    engine.setup(&req)
}

fn plan(engine: &Engine, request: &serde_json::Value) -> SetupPlan {
    try_plan(engine, request).unwrap_or_else(|e| panic!("{request}: {e}"))
}

/// What a captured command's stub prints: a versioned key ID, so that stripping the
/// version is exercised too.
const STUB_OUTPUT: &str = "https://kv-stub.vault.azure.net/keys/stub-key/0123456789abcdef";

/// Runs the script with `az` as a bash function that records its argv, NUL-separated,
/// one call per line of the log.
fn run_with_stub(script: &str) -> Vec<Vec<String>> {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("calls");
    let wrapped = format!(
        "az() {{ printf '%s\\0' az \"$@\" >> \"$AZ_LOG\"; printf '\\n' >> \"$AZ_LOG\"; printf '%s\\n' '{STUB_OUTPUT}'; }}\nexport -f az\n{script}"
    );
    let mut child = Command::new("bash")
        .arg("-s")
        .env("AZ_LOG", &log)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(wrapped.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "script failed: {}\n{script}",
        String::from_utf8_lossy(&out.stderr)
    );
    let bytes = std::fs::read(&log).unwrap_or_default();
    bytes
        .split(|&b| b == b'\n')
        .filter(|l| !l.is_empty())
        .map(|l| {
            let mut argv: Vec<String> = l
                .split(|&b| b == 0)
                .map(|a| String::from_utf8(a.to_vec()).unwrap())
                .collect();
            argv.pop(); // after the final NUL
            argv
        })
        .collect()
}

/// Expands `$NAME` and `${NAME}` the way bash does for the plain references plans use.
fn expand(arg: &str, vars: &HashMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = arg;
    while let Some(pos) = rest.find('$') {
        out.push_str(&rest[..pos]);
        let after = &rest[pos + 1..];
        let (name, tail) = if let Some(braced) = after.strip_prefix('{') {
            let end = braced.find('}').unwrap();
            (&braced[..end], &braced[end + 1..])
        } else {
            let end = after
                .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
                .unwrap_or(after.len());
            (&after[..end], &after[end..])
        };
        out.push_str(
            vars.get(name)
                .unwrap_or_else(|| panic!("${name} used before it is set")),
        );
        rest = tail;
    }
    out.push_str(rest);
    out
}

fn expected_calls(plan: &SetupPlan) -> Vec<Vec<String>> {
    let mut vars: HashMap<String, String> = plan
        .parameters
        .iter()
        .filter_map(|p| p.variable.clone().map(|v| (v, p.value.clone())))
        .collect();
    let mut calls = Vec::new();
    for step in &plan.steps {
        if step.argv.is_empty() {
            // The only shell assignment plans make: drop the key version.
            let (var, value) = step.command.split_once('=').unwrap();
            assert_eq!(
                value,
                format!("\"${{{var}%/*}}\""),
                "unexpected assignment {}",
                step.command
            );
            let v = vars[var].rsplit_once('/').unwrap().0.to_string();
            vars.insert(var.to_string(), v);
            continue;
        }
        calls.push(step.argv.iter().map(|a| expand(a, &vars)).collect());
        for c in &step.captures {
            vars.insert(c.clone(), STUB_OUTPUT.to_string());
        }
    }
    calls
}

#[test]
fn every_script_of_the_matrix_is_valid_bash_and_passes_exactly_the_planned_argv() {
    let engine = engine();
    let matrix = common::setup_matrix(&engine);
    assert!(matrix.len() > 100, "{}", matrix.len());
    for (label, request) in &matrix {
        let plan = plan(&engine, request);
        let syntax = Command::new("bash")
            .arg("-n")
            .arg("-c")
            .arg(&plan.script)
            .output()
            .unwrap();
        assert!(
            syntax.status.success(),
            "{label}: bash -n: {}",
            String::from_utf8_lossy(&syntax.stderr)
        );
        assert!(plan.script.starts_with("#!/usr/bin/env bash\n"));
        assert!(plan.script.contains("\nset -euo pipefail\n"));
        assert!(
            plan.missing_parameters.is_empty(),
            "{label}: {:?}",
            plan.missing_parameters
        );
        assert_eq!(
            run_with_stub(&plan.script),
            expected_calls(&plan),
            "{label}"
        );
        let scenario = request["scenario"].as_str().unwrap();
        for step in &plan.steps {
            // Each step cites its own section of the scenario doc.
            let citation = &step.citation;
            assert_eq!(
                citation.doc,
                format!("acr-cmk/scenarios/{scenario}.md"),
                "{label}: {}",
                step.title
            );
            assert!(
                citation.heading_path.contains(&step.title),
                "{label}: {} cites {:?}",
                step.title,
                citation.heading_path
            );
            assert!(
                engine
                    .corpus()
                    .find_section(&citation.doc, &citation.anchor)
                    .is_some(),
                "{label}: {citation:?}"
            );
            assert!(
                citation
                    .source_url
                    .as_deref()
                    .unwrap_or("")
                    .starts_with("https://")
            );
            if !step.argv.is_empty() {
                assert_eq!(step.argv[0], "az", "{label}: {}", step.command);
            }
        }
    }
}

#[test]
fn every_step_is_what_the_docs_require() {
    let engine = engine();
    for (label, request) in common::setup_matrix(&engine) {
        let plan = plan(&engine, &request);
        let all = plan
            .steps
            .iter()
            .map(|s| s.command.clone())
            .collect::<Vec<_>>()
            .join("\n");
        assert!(!all.contains("--enable-soft-delete"), "{label}");
        assert!(
            !all.contains("Key Vault Crypto User'"),
            "{label}: over-privileged role"
        );
        for s in &plan.steps {
            if s.command.contains("role assignment create")
                || s.command.contains("role assignment delete")
            {
                assert!(s.command.contains("--scope"), "{label}: {}", s.command);
            }
            if s.command.contains("set-policy") {
                assert!(
                    s.command
                        .ends_with("--key-permissions get unwrapKey wrapKey"),
                    "{label}: {}",
                    s.command
                );
            }
            if s.command.contains("az acr create") {
                for flag in [
                    "--sku Premium",
                    "--identity \"$IDENTITY_ID\"",
                    "--key-encryption-key \"$KEY_ID\"",
                ] {
                    assert!(s.command.contains(flag), "{label}: {}", s.command);
                }
            }
            let destructive = s.command.contains(" delete") || s.command.contains("delete-policy");
            assert_eq!(s.destructive, destructive, "{label}: {}", s.command);
        }
        let scenario = request["scenario"].as_str().unwrap();
        if scenario == "create_registry" && request["key_store"] != "managed_hsm" {
            let kv = plan
                .steps
                .iter()
                .find(|s| s.command.starts_with("az keyvault create"))
                .unwrap();
            let rbac = request["permission_model"] != "access_policy";
            assert!(kv.command.contains(if rbac {
                "--enable-rbac-authorization true"
            } else {
                "--enable-rbac-authorization false"
            }));
            assert_eq!(
                kv.command.contains("--sku premium"),
                request["key_type"] == "RSA-HSM",
                "{label}"
            );
            let pos = |needle: &str| plan.steps.iter().position(|s| s.command.contains(needle));
            if let Some(lock) = pos("--default-action Deny") {
                assert!(
                    pos("az keyvault key create").unwrap() < lock,
                    "{label}: the key must exist before the vault is locked"
                );
                assert!(lock < pos("az acr create").unwrap(), "{label}");
            }
        }
        if scenario == "revoke_access" {
            assert!(plan.steps.iter().any(|s| s.destructive));
            assert!(
                plan.warnings
                    .iter()
                    .any(|w| w.contains("blocks all registry data"))
            );
            let first_destructive = plan.steps.iter().position(|s| s.destructive).unwrap();
            assert!(
                plan.steps[..first_destructive]
                    .iter()
                    .any(|s| s.command.contains(" list")
                        || s.command.contains("--query \"properties.accessPolicies")),
                "{label}: show before removing"
            );
        }
        if (scenario == "use_system_identity" || request["identity_name"] == "[system]")
            && plan.steps.iter().any(|s| s.command.contains("rotate-key"))
        {
            assert!(
                plan.steps
                    .iter()
                    .any(|s| s.command.contains("--identity '[system]'")),
                "{label}"
            );
        }
    }
}

#[test]
fn missing_names_become_placeholders_that_stop_the_script() {
    let engine = engine();
    let plan = plan(&engine, &serde_json::json!({"scenario": "create_registry"}));
    for name in [
        "registry_name",
        "resource_group",
        "location",
        "identity_name",
        "key_vault_name",
        "key_name",
    ] {
        assert!(
            plan.missing_parameters.contains(&name.to_string()),
            "{name}"
        );
    }
    assert!(
        plan.parameters
            .iter()
            .any(|p| p.name == "permission_model" && p.source == ValueSource::Default)
    );
    let out = Command::new("bash")
        .arg("-c")
        .arg(&plan.script)
        .env("PATH", "/usr/bin:/bin")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("Set REGISTRY_NAME before running"));
}

#[test]
fn invalid_values_name_the_field_and_generate_nothing() {
    let engine = engine();
    let cases = [
        (
            serde_json::json!({"scenario": "create_registry", "registry_name": "My-Registry"}),
            "registry_name",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "key_vault_name": "kv--x"}),
            "key_vault_name",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "resource_group": "rg;rm -rf ~"}),
            "resource_group",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "identity_name": "[system]"}),
            "identity_name",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "key_name": "key$(id)"}),
            "key_name",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "location": "West Europe"}),
            "location",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "key_size": 1024}),
            "key_size",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "key_rotation_interval": "P3D"}),
            "key_rotation_interval",
        ),
        (
            serde_json::json!({"scenario": "key_vault_firewall", "allowed_ip_ranges": ["10.0.0.0/8", "1.2.3.4; ls"]}),
            "allowed_ip_ranges[1]",
        ),
        (
            serde_json::json!({"scenario": "create_registry", "allowed_ip_ranges": ["203.0.113.0/24"]}),
            "allowed_ip_ranges",
        ),
        (
            serde_json::json!({"scenario": "enable_auto_rotation", "key_versioning": "versioned"}),
            "key_versioning",
        ),
        (
            serde_json::json!({"registry_name": "contosoacr01"}),
            "scenario",
        ),
    ];
    for (request, field) in cases {
        let err = try_plan(&engine, &request).unwrap_err();
        assert_eq!(err.field, field, "{request}: {err}");
        assert!(
            err.problem.contains("must")
                || err.problem.contains("contradicts")
                || err.problem.contains("only")
                || err.problem.contains("required"),
            "{err}"
        );
    }
}

#[test]
fn golden_scripts() {
    let engine = engine();
    let goldens = [
        (
            "create_registry_rbac.sh",
            serde_json::json!({"scenario": "create_registry", "registry_name": "contosoacr01", "resource_group": "rg-acr", "location": "westeurope", "identity_name": "id-acr-cmk", "key_vault_name": "kv-acr-cmk-01", "key_name": "acr-cmk"}),
        ),
        (
            "create_registry_access_policy_restricted.sh",
            serde_json::json!({"scenario": "create_registry", "registry_name": "contosoacr01", "resource_group": "rg-acr", "location": "westeurope", "identity_name": "id-acr-cmk", "key_vault_name": "kv-acr-cmk-01", "key_name": "acr-cmk", "permission_model": "access_policy", "key_versioning": "versioned", "key_type": "RSA-HSM", "key_size": 4096, "key_vault_network": "restricted", "allowed_ip_ranges": ["203.0.113.0/24"]}),
        ),
        (
            "rotate_key_other_vault_system.sh",
            serde_json::json!({"scenario": "rotate_key", "registry_name": "contosoacr01", "resource_group": "rg-acr", "key_vault_name": "kv-acr-cmk-01", "new_key_vault_name": "kv-acr-cmk-02", "new_key_name": "acr-cmk-2", "identity_name": "[system]"}),
        ),
        (
            "revoke_access_rbac.sh",
            serde_json::json!({"scenario": "revoke_access", "registry_name": "contosoacr01", "resource_group": "rg-acr", "key_vault_name": "kv-acr-cmk-01", "identity_name": "id-acr-cmk", "key_name": "acr-cmk", "delete_key": true}),
        ),
    ];
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    for (file, request) in goldens {
        let script = plan(&engine, &request).script;
        let path = dir.join(file);
        if update {
            std::fs::create_dir_all(&dir).unwrap();
            std::fs::write(&path, &script).unwrap();
        }
        let want = std::fs::read_to_string(&path)
            .unwrap_or_else(|_| panic!("{} missing; run with UPDATE_GOLDEN=1", path.display()));
        assert_eq!(
            script, want,
            "{file} changed; review the diff and rerun with UPDATE_GOLDEN=1"
        );
    }
}

fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![
        "[a-z0-9]{5,12}",
        "[A-Za-z0-9_.()-]{1,20}",
        ".{0,24}",
        prop::sample::select(vec![
            "a;b".to_string(),
            "$(id)".into(),
            "`id`".into(),
            "x'y".into(),
            "x\"y".into(),
            "a\nb".into(),
            "*".into(),
            "[system]".into(),
            "~root".into(),
            "a b".into(),
            "$HOME".into(),
            "-rf".into(),
            "\\".into(),
        ]),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Any accepted input renders to commands that shell-split back to exactly the
    /// planned argv, and to a variable block that splits back to exactly the values.
    #[test]
    fn accepted_input_splits_back_to_the_planned_argv(
        scenario in prop::sample::select(vec!["create_registry", "rotate_key", "enable_auto_rotation", "use_system_identity", "revoke_access", "restore_access", "key_vault_firewall", "show_status"]),
        registry in any_text(), group in any_text(), vault in any_text(), key in any_text(), identity in any_text(), location in any_text(),
        ips in prop::collection::vec(prop_oneof!["(25[0-5]|1?[0-9]?[0-9])\\.(1?[0-9]?[0-9])\\.(1?[0-9]?[0-9])\\.(1?[0-9]?[0-9])(/[0-9]{1,2})?", ".{0,12}"], 0..3),
    ) {
        let engine = ENGINE.with(|e| e.clone());
        let mut request = serde_json::json!({
            "scenario": scenario, "registry_name": registry, "resource_group": group, "key_vault_name": vault,
            "key_name": key, "identity_name": identity, "location": location, "allowed_ip_ranges": ips,
        });
        // Only what the scenario takes: the rest would be refused before any rule ran.
        let takes: Vec<&str> = engine.scenario(scenario).unwrap().parameters.iter().map(|d| d.parameter.name).collect();
        request.as_object_mut().unwrap().retain(|k, _| k == "scenario" || takes.contains(&k.as_str()));
        let Ok(req) = decode::<SetupRequest>(request.as_object().unwrap().clone()) else { return Ok(()) };
        if let Ok(plan) = engine.setup(&req) {
            for step in &plan.steps {
                let line = match step.captures.first() {
                    Some(var) if !step.argv.is_empty() => step.command
                        .strip_prefix(&format!("{var}=\"$(")).and_then(|l| l.strip_suffix(")\"")).unwrap().to_string(),
                    _ if step.argv.is_empty() => continue,
                    _ => step.command.clone(),
                };
                prop_assert_eq!(shell_words::split(&line).unwrap(), step.argv.clone());
            }
            for p in plan.parameters.iter().filter(|p| p.variable.is_some()) {
                prop_assert_eq!(shell_words::split(&quote(&p.value)).unwrap(), vec![p.value.clone()]);
                prop_assert!(!p.value.contains(['\n', ';', '`', '$', '"', '\'', ' ', '*']) || p.source == ValueSource::Placeholder || p.value == "[system]");
            }
        }
    }

    /// The renderer on its own, with arbitrary literals around variables.
    #[test]
    fn rendered_arguments_split_back(lits in prop::collection::vec(".{0,16}", 1..4), var in "[A-Z][A-Z0-9_]{0,10}") {
        let mut parts = Vec::new();
        for (i, l) in lits.iter().enumerate() {
            parts.push(Part::Lit(l.clone()));
            if i + 1 < lits.len() { parts.push(Part::Var(var.clone())); }
        }
        let arg = Arg(parts);
        prop_assert_eq!(shell_words::split(&arg.render()).unwrap(), vec![arg.unexpanded()]);
        let plain = Arg::lit(lits[0].clone());
        prop_assert_eq!(shell_words::split(&plain.render()).unwrap(), vec![lits[0].clone()]);
    }
}

thread_local! {
    static ENGINE: std::sync::Arc<Engine> = std::sync::Arc::new(engine());
}

/// Defect: on an RBAC vault the signed-in user has no data-plane role (Owner is not
/// enough), so creating the key failed. The script now grants Key Vault Crypto Officer
/// to the signed-in user first.
#[test]
fn rbac_vault_gives_the_signed_in_user_a_role_before_the_key_is_created() {
    let engine = engine();
    let p = plan(&engine, &serde_json::json!({"scenario": "create_registry"}));
    let pos = |needle: &str| {
        p.steps
            .iter()
            .position(|s| s.command.contains(needle))
            .unwrap_or_else(|| panic!("no step with {needle}"))
    };
    let me = pos("az ad signed-in-user show --query id");
    let officer = pos("--role 'Key Vault Crypto Officer'");
    assert!(me < officer && officer < pos("az keyvault key create"));
    assert!(
        p.steps[officer]
            .command
            .contains("--scope \"$KEY_VAULT_ID\"")
    );
    assert!(p.steps[officer].purpose.contains("Crypto Officer"));
    let ap = plan(
        &engine,
        &serde_json::json!({"scenario": "create_registry", "permission_model": "access_policy"}),
    );
    assert!(!ap.script.contains("Key Vault Crypto Officer"));
}

/// Defect: a new key version was made with `az keyvault key create` and a hard-coded
/// RSA 3072; `az keyvault key rotate` keeps the key's own type and size.
#[test]
fn rotating_to_a_new_version_keeps_the_key_type_and_size() {
    let engine = engine();
    for store in ["key_vault", "managed_hsm"] {
        let p = plan(
            &engine,
            &serde_json::json!({"scenario": "rotate_key", "key_store": store}),
        );
        assert!(p.script.contains("az keyvault key rotate "), "{}", p.script);
        assert!(!p.script.contains("key create"), "{}", p.script);
        assert!(!p.script.contains("KEY_SIZE"), "{}", p.script);
    }
    let e = try_plan(
        &engine,
        &serde_json::json!({"scenario": "rotate_key", "key_size": 4096}),
    )
    .unwrap_err();
    assert_eq!(e.field, "key_size");
    // A new key still takes its type and size.
    let p = plan(
        &engine,
        &serde_json::json!({"scenario": "rotate_key", "new_key_name": "k2", "key_size": 4096}),
    );
    assert!(
        p.script
            .contains("--kty \"$KEY_TYPE\" --size \"$KEY_SIZE\"")
    );
}

/// Defect: a versioned key ID with a rotation policy was accepted silently, though
/// the pinned ID never follows the versions the policy makes.
#[test]
fn a_versioned_key_with_a_rotation_policy_is_warned_about() {
    let engine = engine();
    for scenario in ["create_registry", "rotate_key"] {
        let p = plan(
            &engine,
            &serde_json::json!({"scenario": scenario, "key_versioning": "versioned", "key_rotation_interval": "P90D"}),
        );
        assert!(
            p.warnings.iter().any(|w| w.contains("pins the registry")),
            "{scenario}: {:?}",
            p.warnings
        );
        let p = plan(
            &engine,
            &serde_json::json!({"scenario": scenario, "key_rotation_interval": "P90D"}),
        );
        assert!(!p.warnings.iter().any(|w| w.contains("pins the registry")));
    }
}

#[test]
fn managed_hsm_registries_get_the_hsm_sequence() {
    let engine = engine();
    let p = plan(
        &engine,
        &serde_json::json!({"scenario": "create_registry", "key_store": "managed_hsm", "hsm_name": "contoso-hsm-01", "key_name": "acr-cmk"}),
    );
    for needle in [
        "az keyvault key create --hsm-name \"$HSM_NAME\" --name \"$KEY_NAME\" --kty RSA-HSM --ops wrapKey unwrapKey",
        "az keyvault role assignment create --hsm-name \"$HSM_NAME\" --role 'Managed HSM Crypto Service Encryption User' --assignee-object-id \"$PRINCIPAL_ID\" --assignee-principal-type MSI --scope \"/keys/$KEY_NAME\"",
        "az keyvault role assignment list --hsm-name \"$HSM_NAME\"",
        "KEY_ID=\"$(az keyvault key show --hsm-name \"$HSM_NAME\" --name \"$KEY_NAME\" --query key.kid --output tsv)\"",
    ] {
        assert!(p.script.contains(needle), "{needle}\n{}", p.script);
    }
    assert!(!p.script.contains("az keyvault create"));
    assert!(p.prerequisites.iter().any(|x| x.contains("activated")));
    // Parameters that make no sense for an HSM are refused, naming what they need.
    for (field, value) in [("key_vault_name", "kv-x"), ("permission_model", "rbac")] {
        let e = try_plan(
            &engine,
            &serde_json::json!({"scenario": "create_registry", "key_store": "managed_hsm", field: value}),
        )
        .unwrap_err();
        assert_eq!(e.field, field);
        assert!(e.problem.contains("key_store = key_vault"), "{e}");
    }
    let e = try_plan(
        &engine,
        &serde_json::json!({"scenario": "create_registry", "key_store": "managed_hsm", "hsm_name": "-hsm"}),
    )
    .unwrap_err();
    assert_eq!(e.field, "hsm_name");
    for scenario in ["rotate_key", "revoke_access", "restore_access"] {
        let p = plan(
            &engine,
            &serde_json::json!({"scenario": scenario, "key_store": "managed_hsm", "identity_name": "id-acr-cmk"}),
        );
        assert!(p.script.contains("--hsm-name"), "{scenario}");
        assert!(!p.script.contains("--vault-name"), "{scenario}");
    }
}

/// A team's own runbook, added as a doc in its --knowledge folder, is planned like a
/// built-in one: no Rust change.
#[test]
fn a_scenario_in_a_knowledge_folder_is_served() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("team");
    std::fs::create_dir_all(skill.join("scenarios")).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: team\ndescription: Our runbooks.\nsources: [https://example.com/runbooks]\n---\n# Team\n",
    )
    .unwrap();
    std::fs::write(
        skill.join("scenarios/audit_registry.md"),
        "---\nname: audit_registry\ndescription: Audit a registry's encryption.\nsources: [https://example.com/runbooks/audit]\nparameters:\n  registry_name:\n  resource_group:\n---\n# Audit a registry's encryption\n\n## Show the encryption\n\nRecords what the registry uses today.\n\n```bash\naz acr encryption show --name \"$REGISTRY_NAME\" --resource-group \"$RESOURCE_GROUP\"\n```\n",
    )
    .unwrap();
    let engine = Engine::load(&LoadOptions {
        dirs: vec![dir.path().to_path_buf()],
        ..LoadOptions::default()
    })
    .unwrap();
    assert!(
        engine.diagnostics().next().is_none(),
        "{:?}",
        engine.diagnostics().collect::<Vec<_>>()
    );
    assert!(
        engine
            .scenarios()
            .iter()
            .any(|(n, _)| n == "audit_registry")
    );
    let p = plan(
        &engine,
        &serde_json::json!({"scenario": "audit_registry", "registry_name": "contosoacr01"}),
    );
    assert_eq!(p.missing_parameters, ["resource_group"]);
    assert_eq!(
        p.steps[0].citation.uri,
        "skill://team/scenarios/audit_registry.md#show-the-encryption"
    );
}
