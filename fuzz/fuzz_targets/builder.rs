//! The setup-command builder on arbitrary parameters. Property: any accepted input
//! renders to a script whose commands shell-split back to exactly the planned argv,
//! and whose variable block splits back to exactly the values.
#![no_main]

use std::sync::OnceLock;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::azure::shell::quote;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::decode;
use acr_cmk_mcp::setup::SetupRequest;
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
    managed_hsm: bool,
    hsm_name: Option<String>,
}

const SCENARIOS: [&str; 8] = [
    "create_registry", "rotate_key", "enable_auto_rotation", "use_system_identity", "revoke_access", "restore_access",
    "key_vault_firewall", "show_status",
];

fuzz_target!(|input: Input| {
    let scenario = SCENARIOS[input.scenario as usize % SCENARIOS.len()];
    let mut request = serde_json::json!({
        "scenario": scenario, "hsm_name": input.hsm_name,
        "key_store": if input.managed_hsm { "managed_hsm" } else { "key_vault" },
        "registry_name": input.registry_name, "resource_group": input.resource_group, "location": input.location,
        "identity_name": input.identity_name, "key_vault_name": input.key_vault_name, "key_name": input.key_name,
        "new_key_vault_name": input.new_key_vault_name, "new_key_name": input.new_key_name,
        "allowed_ip_ranges": input.allowed_ip_ranges, "key_rotation_interval": input.key_rotation_interval,
        "permission_model": if input.rbac { "rbac" } else { "access_policy" },
        "key_versioning": if input.versioned { "versioned" } else { "versionless" },
        "key_type": if input.hsm { "RSA-HSM" } else { "RSA" },
    });
    // Only what the scenario takes, so the naming rules, not the refusal of unknown
    // parameters, meet the input.
    let takes: Vec<&str> = engine().scenario(scenario).expect("built-in").parameters.iter().map(|d| d.parameter.name).collect();
    let object = request.as_object_mut().expect("object");
    object.retain(|k, v| !v.is_null() && (k == "scenario" || takes.contains(&k.as_str())));
    let Ok(request) = decode::<SetupRequest>(object.clone()) else { return };
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
