//! The setup-command builder on arbitrary parameters. Property: any accepted input
//! renders to a script whose commands shell-split back to exactly the planned argv,
//! and whose variable block splits back to exactly the values.
#![no_main]

use std::sync::OnceLock;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::setup::SetupRequest;
use acr_cmk_mcp::setup::shell::quote;
use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&LoadOptions::default()).expect("engine"))
}

#[derive(Arbitrary, Debug)]
struct Input {
    scenario: u8,
    registry_name: Option<String>,
    resource_group: Option<String>,
    location: Option<String>,
    identity_name: Option<String>,
    key_vault_name: Option<String>,
    key_name: Option<String>,
    new_key_vault_name: Option<String>,
    new_key_name: Option<String>,
    allowed_ip_ranges: Option<Vec<String>>,
    key_rotation_interval: Option<String>,
    rbac: bool,
    versioned: bool,
    hsm: bool,
}

const SCENARIOS: [&str; 8] = [
    "create_registry", "rotate_key", "enable_auto_rotation", "use_system_identity", "revoke_access", "restore_access",
    "key_vault_firewall", "show_status",
];

fuzz_target!(|input: Input| {
    let request = serde_json::json!({
        "scenario": SCENARIOS[input.scenario as usize % SCENARIOS.len()],
        "registry_name": input.registry_name, "resource_group": input.resource_group, "location": input.location,
        "identity_name": input.identity_name, "key_vault_name": input.key_vault_name, "key_name": input.key_name,
        "new_key_vault_name": input.new_key_vault_name, "new_key_name": input.new_key_name,
        "allowed_ip_ranges": input.allowed_ip_ranges, "key_rotation_interval": input.key_rotation_interval,
        "permission_model": if input.rbac { "rbac" } else { "access_policy" },
        "key_versioning": if input.versioned { "versioned" } else { "versionless" },
        "key_type": if input.hsm { "RSA-HSM" } else { "RSA" },
    });
    let Ok(request) = serde_json::from_value::<SetupRequest>(request) else { return };
    let Ok(plan) = engine().setup(&request) else { return };
    for step in &plan.steps {
        if step.argv.is_empty() {
            continue;
        }
        let line = match step.captures.first() {
            Some(var) => step.command.strip_prefix(&format!("{var}=\"$(")).and_then(|l| l.strip_suffix(")\"")).expect("capture form"),
            None => step.command.as_str(),
        };
        assert_eq!(shell_words::split(line).expect("splits"), step.argv, "{}", step.command);
    }
    for p in plan.parameters.iter().filter(|p| p.variable.is_some()) {
        assert_eq!(shell_words::split(&quote(&p.value)).expect("splits"), vec![p.value.clone()]);
    }
});
