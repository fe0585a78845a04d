//! The scenarios: which steps each CMK task takes, in which order, and why.
//!
//! The orders follow the documented flows (see `knowledge/acr-cmk/references`), with
//! the fixes the official examples need: the identity's *principal* ID for access
//! grants, `wrapKey`/`unwrapKey` spelled as the CLI wants them, an explicit
//! `--enable-rbac-authorization` because its default changed in Azure CLI 2.62, and a
//! required `--scope` on role assignments.

use super::request::*;
use super::shell::{Arg, Part};
use super::validate;
use super::{CiteHint, Plan, PlannedStep, ResolvedParameter, Run, ValueSource};
use crate::error::InputError;

const ROLE: &str = "Key Vault Crypto Service Encryption User";
const DEFAULT_KEY_SIZE: u32 = 3072;

use super::validate::Check;

/// The encryption identity a step uses.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Identity {
    /// The registry's system-assigned identity (`[system]`).
    System,
    /// A user-assigned identity; `IDENTITY_NAME` holds its name.
    User,
}

struct Ctx<'a> {
    req: &'a SetupRequest,
    scenario: Scenario,
    params: Vec<ResolvedParameter>,
    used: Vec<&'static str>,
    steps: Vec<PlannedStep>,
    prerequisites: Vec<String>,
    warnings: Vec<String>,
}

pub(super) fn plan(req: &SetupRequest) -> Result<Plan, InputError> {
    let scenario = req.scenario.ok_or_else(|| {
        InputError::new(
            "scenario",
            format!(
                "is required; it must be one of {}",
                Scenario::ALL.map(Scenario::name).join(", ")
            ),
        )
    })?;
    let mut ctx = Ctx {
        req,
        scenario,
        params: Vec::new(),
        used: vec!["scenario"],
        steps: Vec::new(),
        prerequisites: Vec::new(),
        warnings: Vec::new(),
    };
    validate_all_given(req)?;
    match scenario {
        Scenario::CreateRegistry => create_registry(&mut ctx)?,
        Scenario::RotateKey => rotate_key(&mut ctx)?,
        Scenario::EnableAutoRotation => enable_auto_rotation(&mut ctx)?,
        Scenario::UseSystemIdentity => use_system_identity(&mut ctx)?,
        Scenario::RevokeAccess => revoke_access(&mut ctx)?,
        Scenario::RestoreAccess => restore_access(&mut ctx)?,
        Scenario::KeyVaultFirewall => key_vault_firewall(&mut ctx)?,
        Scenario::ShowStatus => show_status(&mut ctx)?,
    }
    ctx.warn_unused();
    Ok(Plan {
        scenario,
        parameters: ctx.params,
        prerequisites: ctx.prerequisites,
        warnings: ctx.warnings,
        steps: ctx.steps,
    })
}

/// Every given value is checked, whether or not the scenario uses it, so a bad value
/// is never silently dropped.
fn validate_all_given(r: &SetupRequest) -> Result<(), InputError> {
    let names: [(&str, &Option<String>, Check); 9] = [
        ("registry_name", &r.registry_name, validate::registry_name),
        (
            "resource_group",
            &r.resource_group,
            validate::resource_group,
        ),
        ("location", &r.location, validate::location),
        (
            "key_vault_name",
            &r.key_vault_name,
            validate::key_vault_name,
        ),
        ("key_name", &r.key_name, validate::key_name),
        (
            "new_key_vault_name",
            &r.new_key_vault_name,
            validate::key_vault_name,
        ),
        (
            "new_key_vault_resource_group",
            &r.new_key_vault_resource_group,
            validate::resource_group,
        ),
        ("new_key_name", &r.new_key_name, validate::key_name),
        ("identity_name", &r.identity_name, identity_or_system),
    ];
    for (field, value, check) in names {
        if let Some(v) = value {
            check(field, v)?;
        }
    }
    if let Some(size) = r.key_size
        && ![2048, 3072, 4096].contains(&size)
    {
        return Err(InputError::new(
            "key_size",
            format!("{size} is not a supported RSA key size: it must be 2048, 3072 or 4096"),
        ));
    }
    if let Some(ranges) = &r.allowed_ip_ranges {
        if ranges.len() > 64 {
            return Err(InputError::new(
                "allowed_ip_ranges",
                format!("has {} entries; at most 64 are accepted", ranges.len()),
            ));
        }
        for (i, ip) in ranges.iter().enumerate() {
            validate::ip_range(&format!("allowed_ip_ranges[{i}]"), ip)?;
        }
    }
    if let Some(interval) = &r.key_rotation_interval {
        validate::rotation_interval("key_rotation_interval", interval)?;
    }
    Ok(())
}

fn identity_or_system(field: &str, v: &str) -> Result<(), InputError> {
    if v == "[system]" {
        Ok(())
    } else {
        validate::identity_name(field, v).map_err(|mut e| {
            e.problem
                .push_str(", or '[system]' for the registry's system-assigned identity");
            e
        })
    }
}

impl Ctx<'_> {
    fn record(
        &mut self,
        name: &'static str,
        value: String,
        source: ValueSource,
        variable: Option<&str>,
    ) {
        if !self.params.iter().any(|p| p.name == name) {
            self.params.push(ResolvedParameter {
                name: name.to_string(),
                value,
                source,
                variable: variable.map(str::to_string),
            });
        }
        if !self.used.contains(&name) {
            self.used.push(name);
        }
    }

    /// A required name: the caller's value (already validated) or a placeholder.
    fn name(
        &mut self,
        field: &'static str,
        var: &'static str,
        given: &Option<String>,
        placeholder: &str,
    ) -> Arg {
        match given {
            Some(v) => self.record(field, v.clone(), ValueSource::Given, Some(var)),
            None => self.record(
                field,
                format!("<{placeholder}>"),
                ValueSource::Placeholder,
                Some(var),
            ),
        }
        Arg::var(var)
    }

    /// A value with a default.
    fn defaulted(
        &mut self,
        field: &'static str,
        var: &'static str,
        given: Option<String>,
        default: &str,
    ) -> Arg {
        match given {
            Some(v) => self.record(field, v, ValueSource::Given, Some(var)),
            None => self.record(field, default.to_string(), ValueSource::Default, Some(var)),
        }
        Arg::var(var)
    }

    /// A choice that shapes the commands rather than appearing in them.
    fn choice<T: Copy>(
        &mut self,
        field: &'static str,
        given: Option<T>,
        default: T,
        show: fn(T) -> &'static str,
    ) -> T {
        let (value, source) = match given {
            Some(v) => (v, ValueSource::Given),
            None => (default, ValueSource::Default),
        };
        self.record(field, show(value).to_string(), source, None);
        value
    }

    fn registry(&mut self) -> Arg {
        let r = self.req.registry_name.clone();
        self.name("registry_name", "REGISTRY_NAME", &r, "registry-name")
    }
    fn group(&mut self) -> Arg {
        let r = self.req.resource_group.clone();
        self.name("resource_group", "RESOURCE_GROUP", &r, "resource-group")
    }
    fn vault(&mut self) -> Arg {
        let r = self.req.key_vault_name.clone();
        self.name("key_vault_name", "KEY_VAULT_NAME", &r, "key-vault-name")
    }
    fn key(&mut self) -> Arg {
        let r = self.req.key_name.clone();
        self.name("key_name", "KEY_NAME", &r, "key-name")
    }
    fn permission_model(&mut self) -> PermissionModel {
        self.choice(
            "permission_model",
            self.req.permission_model,
            PermissionModel::Rbac,
            |m| match m {
                PermissionModel::Rbac => "rbac",
                PermissionModel::AccessPolicy => "access_policy",
            },
        )
    }
    fn versioning(&mut self) -> KeyVersioning {
        self.choice(
            "key_versioning",
            self.req.key_versioning,
            KeyVersioning::Versionless,
            |v| match v {
                KeyVersioning::Versionless => "versionless",
                KeyVersioning::Versioned => "versioned",
            },
        )
    }
    fn key_type(&mut self) -> (KeyType, Arg) {
        let t = self.req.key_type.unwrap_or(KeyType::Rsa);
        let arg = self.defaulted(
            "key_type",
            "KEY_TYPE",
            self.req.key_type.map(|t| t.as_str().to_string()),
            "RSA",
        );
        (t, arg)
    }
    fn key_size(&mut self) -> Arg {
        self.defaulted(
            "key_size",
            "KEY_SIZE",
            self.req.key_size.map(|s| s.to_string()),
            &DEFAULT_KEY_SIZE.to_string(),
        )
    }

    /// The identity: `[system]` where `allow_system`, otherwise a user-assigned name
    /// (or a placeholder for one).
    fn identity(&mut self, allow_system: bool) -> Result<Identity, InputError> {
        match self.req.identity_name.as_deref() {
            Some("[system]") if allow_system => {
                self.record("identity_name", "[system]".into(), ValueSource::Given, None);
                Ok(Identity::System)
            }
            Some("[system]") => Err(InputError::new(
                "identity_name",
                format!(
                    "'[system]' cannot be used by {}: a registry must be created with a user-assigned identity; switch to the system-assigned identity afterwards with the use_system_identity scenario",
                    self.scenario.name()
                ),
            )),
            _ => {
                let r = self.req.identity_name.clone();
                self.name("identity_name", "IDENTITY_NAME", &r, "identity-name");
                Ok(Identity::User)
            }
        }
    }

    fn push(&mut self, title: &str, purpose: &str, cite: CiteHint, run: Run, destructive: bool) {
        self.steps.push(PlannedStep {
            title: title.to_string(),
            purpose: purpose.to_string(),
            run,
            destructive,
            cite,
        });
    }

    fn run(&mut self, title: &str, purpose: &str, cite: CiteHint, argv: Vec<Arg>) {
        self.push(
            title,
            purpose,
            cite,
            Run::Az {
                argv,
                capture: None,
            },
            false,
        );
    }

    /// A step that blocks registry data or deletes something.
    fn destroy(&mut self, title: &str, purpose: &str, cite: CiteHint, argv: Vec<Arg>) {
        self.push(
            title,
            purpose,
            cite,
            Run::Az {
                argv,
                capture: None,
            },
            true,
        );
    }

    fn capture(
        &mut self,
        var: &'static str,
        title: &str,
        purpose: &str,
        cite: CiteHint,
        argv: Vec<Arg>,
    ) {
        self.push(
            title,
            purpose,
            cite,
            Run::Az {
                argv,
                capture: Some(var),
            },
            false,
        );
    }

    fn warn_unused(&mut self) {
        let r = self.req;
        let given: [(&'static str, bool); 20] = [
            ("registry_name", r.registry_name.is_some()),
            ("resource_group", r.resource_group.is_some()),
            ("location", r.location.is_some()),
            ("identity_name", r.identity_name.is_some()),
            ("key_vault_name", r.key_vault_name.is_some()),
            ("key_name", r.key_name.is_some()),
            ("key_type", r.key_type.is_some()),
            ("key_size", r.key_size.is_some()),
            ("permission_model", r.permission_model.is_some()),
            ("key_versioning", r.key_versioning.is_some()),
            ("new_key_vault_name", r.new_key_vault_name.is_some()),
            (
                "new_key_vault_resource_group",
                r.new_key_vault_resource_group.is_some(),
            ),
            ("new_key_name", r.new_key_name.is_some()),
            ("allowed_ip_ranges", r.allowed_ip_ranges.is_some()),
            ("key_vault_network", r.key_vault_network.is_some()),
            ("key_rotation_interval", r.key_rotation_interval.is_some()),
            ("recover", r.recover.is_some()),
            ("create_resource_group", r.create_resource_group.is_some()),
            ("delete_key", r.delete_key.is_some()),
            ("scenario", true),
        ];
        for (name, is_given) in given {
            if is_given && !self.used.contains(&name) {
                self.warnings.push(format!(
                    "The parameter {name} was given but {} does not use it; it was ignored.",
                    self.scenario.name()
                ));
            }
        }
    }

    // ---- shared pieces of several scenarios ----

    fn capture_user_identity(&mut self, id: bool, principal: bool) {
        let (name, group) = (Arg::var("IDENTITY_NAME"), Arg::var("RESOURCE_GROUP"));
        if id {
            self.capture(
                "IDENTITY_ID",
                "Capture the identity's resource ID",
                "The registry refers to a user-assigned identity by its resource ID.",
                cite(
                    "az identity show",
                    "user-assigned identity resource ID principal ID",
                ),
                az("identity show")
                    .flag("--name", name.clone())
                    .flag("--resource-group", group.clone())
                    .lit("--query id --output tsv")
                    .done(),
            );
        }
        if principal {
            self.capture(
                "PRINCIPAL_ID",
                "Capture the identity's principal (object) ID",
                "Key Vault access is granted to the identity's principal ID, not its client ID or resource ID.",
                cite("az identity show", "identity principal ID object ID access"),
                az("identity show")
                    .flag("--name", name)
                    .flag("--resource-group", group)
                    .lit("--query principalId --output tsv")
                    .done(),
            );
        }
    }

    fn capture_system_principal(&mut self, registry: &Arg, group: &Arg) {
        self.capture(
            "PRINCIPAL_ID",
            "Capture the registry's system-assigned identity principal ID",
            "Key Vault access is granted to this principal ID.",
            cite(
                "az acr identity show",
                "system-assigned identity principal ID",
            ),
            az("acr identity show")
                .flag("--name", registry.clone())
                .flag("--resource-group", group.clone())
                .lit("--query principalId --output tsv")
                .done(),
        );
    }

    fn capture_principal(&mut self, identity: Identity, registry: &Arg, group: &Arg) {
        match identity {
            Identity::System => self.capture_system_principal(registry, group),
            Identity::User => self.capture_user_identity(false, true),
        }
    }

    fn capture_vault_id(&mut self, var: &'static str, vault: &Arg, group: &Arg) {
        self.capture(
            var,
            "Capture the key vault's resource ID",
            "A role assignment is scoped to the vault by its resource ID.",
            cite(
                "az keyvault show",
                "create the key vault with purge protection and capture its resource ID",
            ),
            az("keyvault show")
                .flag("--name", vault.clone())
                .flag("--resource-group", group.clone())
                .lit("--query id --output tsv")
                .done(),
        );
    }

    /// Grants the captured `PRINCIPAL_ID` wrap/unwrap access to the vault, the way the
    /// vault's permission model requires.
    fn grant(
        &mut self,
        model: PermissionModel,
        vault: &Arg,
        group: &Arg,
        vault_id_var: &'static str,
    ) {
        match model {
            PermissionModel::Rbac => {
                self.capture_vault_id(vault_id_var, vault, group);
                self.run(
                    "Grant the identity the Key Vault Crypto Service Encryption User role",
                    "This role lets the identity read the key and wrap and unwrap with it, and nothing more. It only works on a vault that uses the Azure RBAC permission model.",
                    cite("az role assignment create", "Key Vault Crypto Service Encryption User role RBAC"),
                    az("role assignment create")
                        .flag("--assignee-object-id", Arg::var("PRINCIPAL_ID"))
                        .lit("--assignee-principal-type ServicePrincipal")
                        .flag("--role", Arg::lit(ROLE))
                        .flag("--scope", Arg::var(vault_id_var))
                        .done(),
                );
            }
            PermissionModel::AccessPolicy => self.run(
                "Give the identity an access policy with get, wrapKey and unwrapKey",
                "These three key permissions are what the registry needs. They only work on a vault that uses the access-policy permission model.",
                cite("az keyvault set-policy", "access policy get wrapKey unwrapKey key permissions"),
                az("keyvault set-policy")
                    .flag("--name", vault.clone())
                    .flag("--resource-group", group.clone())
                    .flag("--object-id", Arg::var("PRINCIPAL_ID"))
                    .lit("--key-permissions get unwrapKey wrapKey")
                    .done(),
            ),
        }
    }

    fn create_key(&mut self, title: &str, purpose: &str, vault: &Arg, key: &Arg) {
        let (_, kty) = self.key_type();
        let size = self.key_size();
        self.run(
            title,
            purpose,
            cite(
                "az keyvault key create",
                "create an RSA key and capture its key ID",
            ),
            az("keyvault key create")
                .flag("--vault-name", vault.clone())
                .flag("--name", key.clone())
                .flag("--kty", kty)
                .flag("--size", size)
                .done(),
        );
    }

    /// Captures the key's ID into `KEY_ID`, dropping the version when versionless.
    fn capture_key_id(&mut self, versioning: KeyVersioning, vault: &Arg, key: &Arg) {
        self.capture(
            "KEY_ID",
            "Capture the key ID",
            "The key ID (kid) returned by Key Vault includes the current version.",
            cite("az keyvault key show", "key ID kid versioned versionless"),
            az("keyvault key show")
                .flag("--vault-name", vault.clone())
                .flag("--name", key.clone())
                .lit("--query key.kid --output tsv")
                .done(),
        );
        if versioning == KeyVersioning::Versionless {
            self.push(
                "Drop the version from the key ID",
                "A versionless key ID makes the registry follow new key versions automatically, within an hour of their creation.",
                cite("", "versionless key ID automatic rotation"),
                Run::Assign {
                    var: "KEY_ID",
                    value: Arg(vec![Part::Raw("${KEY_ID%/*}")]),
                },
                false,
            );
        }
    }

    fn rotation_policy(&mut self, vault: &Arg, key: &Arg) {
        let Some(interval) = self.req.key_rotation_interval.clone() else {
            return;
        };
        self.defaulted(
            "key_rotation_interval",
            "KEY_ROTATION_INTERVAL",
            Some(interval),
            "",
        );
        let value = Arg(vec![
            Part::Lit(r#"{"lifetimeActions":[{"trigger":{"timeAfterCreate":""#.into()),
            Part::Var("KEY_ROTATION_INTERVAL".into()),
            Part::Lit(r#""},"action":{"type":"Rotate"}}]}"#.into()),
        ]);
        self.run(
            "Set a Key Vault rotation policy on the key",
            "Key Vault then creates a new key version on this schedule; with a versionless key ID the registry picks each one up within an hour.",
            cite("az keyvault key rotation-policy update", "rotation policy lifetimeActions timeAfterCreate"),
            az("keyvault key rotation-policy update")
                .flag("--vault-name", vault.clone())
                .flag("--name", key.clone())
                .flag("--value", value)
                .done(),
        );
        self.prerequisites.push(
            "Setting a rotation policy needs Key Vault Crypto Officer on an RBAC vault, or the setrotationpolicy and getrotationpolicy key permissions on an access-policy vault.".into(),
        );
    }

    fn rotate_key_step(&mut self, registry: &Arg, group: &Arg, identity: Option<Identity>) {
        let mut cmd = az("acr encryption rotate-key")
            .flag("--name", registry.clone())
            .flag("--resource-group", group.clone())
            .flag("--key-encryption-key", Arg::var("KEY_ID"));
        cmd = match identity {
            Some(Identity::System) => cmd.flag("--identity", Arg::lit("[system]")),
            Some(Identity::User) => cmd.flag("--identity", Arg::var("IDENTITY_ID")),
            None => cmd,
        };
        let purpose = match identity {
            None => {
                "Points the registry at the key ID captured above; the identity stays as it is."
            }
            Some(_) => {
                "Points the registry at the key ID captured above, reaching it through the chosen identity."
            }
        };
        self.run(
            "Point the registry's encryption at the key",
            purpose,
            cite(
                "az acr encryption rotate-key",
                "rotate key encryption identity",
            ),
            cmd.done(),
        );
    }

    fn verify(&mut self, registry: &Arg, group: &Arg) {
        self.run(
            "Check the encryption status",
            "Expect status 'enabled' and keyVaultProperties showing the key ID, the version in use and the identity's client ID.",
            cite("az acr encryption show", "encryption status show keyVaultProperties"),
            az("acr encryption show")
                .flag("--name", registry.clone())
                .flag("--resource-group", group.clone())
                .done(),
        );
    }

    fn show_current(&mut self, registry: &Arg, group: &Arg) {
        self.run(
            "Record the current encryption settings",
            "Keep the current key ID and identity: they are what you return to if the change has to be undone.",
            cite("az acr encryption show", "encryption status show keyVaultProperties"),
            az("acr encryption show")
                .flag("--name", registry.clone())
                .flag("--resource-group", group.clone())
                .done(),
        );
    }

    fn network_rules(&mut self, vault: &Arg, group: &Arg) {
        let ranges = self.req.allowed_ip_ranges.clone().unwrap_or_default();
        if !ranges.is_empty() && !self.used.contains(&"allowed_ip_ranges") {
            self.used.push("allowed_ip_ranges");
        }
        for (i, ip) in ranges.iter().enumerate() {
            let var: &'static str = ip_var(i);
            self.params.push(ResolvedParameter {
                name: format!("allowed_ip_ranges[{i}]"),
                value: ip.clone(),
                source: ValueSource::Given,
                variable: Some(var.to_string()),
            });
            self.run(
                "Allow an IP range through the vault firewall",
                "Machines in this range keep data-plane access (for example to create or rotate keys) once the firewall denies everything else.",
                cite("az keyvault network-rule add", "key vault firewall network rule IP address"),
                az("keyvault network-rule add")
                    .flag("--name", vault.clone())
                    .flag("--resource-group", group.clone())
                    .flag("--ip-address", Arg::var(var))
                    .done(),
            );
        }
        self.run(
            "Let trusted Azure services through and deny other networks",
            "Container Registry reaches the vault as a trusted Azure service; the bypass is what keeps encryption working behind the firewall.",
            cite("az keyvault update", "trusted services bypass AzureServices firewall default action Deny"),
            az("keyvault update")
                .flag("--name", vault.clone())
                .flag("--resource-group", group.clone())
                .lit("--bypass AzureServices --default-action Deny")
                .done(),
        );
    }
}

/// Script variables for IP ranges: a fixed set of names, so none is built from input.
fn ip_var(i: usize) -> &'static str {
    const NAMES: [&str; 64] = [
        "ALLOWED_IP_RANGE_1",
        "ALLOWED_IP_RANGE_2",
        "ALLOWED_IP_RANGE_3",
        "ALLOWED_IP_RANGE_4",
        "ALLOWED_IP_RANGE_5",
        "ALLOWED_IP_RANGE_6",
        "ALLOWED_IP_RANGE_7",
        "ALLOWED_IP_RANGE_8",
        "ALLOWED_IP_RANGE_9",
        "ALLOWED_IP_RANGE_10",
        "ALLOWED_IP_RANGE_11",
        "ALLOWED_IP_RANGE_12",
        "ALLOWED_IP_RANGE_13",
        "ALLOWED_IP_RANGE_14",
        "ALLOWED_IP_RANGE_15",
        "ALLOWED_IP_RANGE_16",
        "ALLOWED_IP_RANGE_17",
        "ALLOWED_IP_RANGE_18",
        "ALLOWED_IP_RANGE_19",
        "ALLOWED_IP_RANGE_20",
        "ALLOWED_IP_RANGE_21",
        "ALLOWED_IP_RANGE_22",
        "ALLOWED_IP_RANGE_23",
        "ALLOWED_IP_RANGE_24",
        "ALLOWED_IP_RANGE_25",
        "ALLOWED_IP_RANGE_26",
        "ALLOWED_IP_RANGE_27",
        "ALLOWED_IP_RANGE_28",
        "ALLOWED_IP_RANGE_29",
        "ALLOWED_IP_RANGE_30",
        "ALLOWED_IP_RANGE_31",
        "ALLOWED_IP_RANGE_32",
        "ALLOWED_IP_RANGE_33",
        "ALLOWED_IP_RANGE_34",
        "ALLOWED_IP_RANGE_35",
        "ALLOWED_IP_RANGE_36",
        "ALLOWED_IP_RANGE_37",
        "ALLOWED_IP_RANGE_38",
        "ALLOWED_IP_RANGE_39",
        "ALLOWED_IP_RANGE_40",
        "ALLOWED_IP_RANGE_41",
        "ALLOWED_IP_RANGE_42",
        "ALLOWED_IP_RANGE_43",
        "ALLOWED_IP_RANGE_44",
        "ALLOWED_IP_RANGE_45",
        "ALLOWED_IP_RANGE_46",
        "ALLOWED_IP_RANGE_47",
        "ALLOWED_IP_RANGE_48",
        "ALLOWED_IP_RANGE_49",
        "ALLOWED_IP_RANGE_50",
        "ALLOWED_IP_RANGE_51",
        "ALLOWED_IP_RANGE_52",
        "ALLOWED_IP_RANGE_53",
        "ALLOWED_IP_RANGE_54",
        "ALLOWED_IP_RANGE_55",
        "ALLOWED_IP_RANGE_56",
        "ALLOWED_IP_RANGE_57",
        "ALLOWED_IP_RANGE_58",
        "ALLOWED_IP_RANGE_59",
        "ALLOWED_IP_RANGE_60",
        "ALLOWED_IP_RANGE_61",
        "ALLOWED_IP_RANGE_62",
        "ALLOWED_IP_RANGE_63",
        "ALLOWED_IP_RANGE_64",
    ];
    NAMES[i]
}

fn cite(command: &'static str, topic: &'static str) -> CiteHint {
    CiteHint { command, topic }
}

/// A command under construction.
struct Cmd(Vec<Arg>);

/// `az` followed by fixed words, e.g. `az("acr encryption show")`.
fn az(words: &str) -> Cmd {
    Cmd(std::iter::once("az")
        .chain(words.split_whitespace())
        .map(Arg::lit)
        .collect())
}

impl Cmd {
    fn flag(mut self, flag: &str, value: Arg) -> Cmd {
        self.0.push(Arg::lit(flag));
        self.0.push(value);
        self
    }
    /// Fixed words, split at spaces.
    fn lit(mut self, words: &str) -> Cmd {
        self.0.extend(words.split_whitespace().map(Arg::lit));
        self
    }
    fn done(self) -> Vec<Arg> {
        self.0
    }
}

// ---- the scenarios ----

fn create_registry(c: &mut Ctx) -> Result<(), InputError> {
    let registry = c.registry();
    let group = c.group();
    let location = {
        let r = c.req.location.clone();
        c.name("location", "LOCATION", &r, "location")
    };
    c.identity(false)?;
    let vault = c.vault();
    let key = c.key();
    let model = c.permission_model();
    let versioning = c.versioning();
    let (key_type, _) = c.key_type();
    let create_group = c.choice(
        "create_resource_group",
        c.req.create_resource_group,
        true,
        |b| if b { "true" } else { "false" },
    );
    let network = c.choice(
        "key_vault_network",
        c.req.key_vault_network,
        KeyVaultNetwork::Public,
        |n| match n {
            KeyVaultNetwork::Public => "public",
            KeyVaultNetwork::Restricted => "restricted",
        },
    );
    if network == KeyVaultNetwork::Public && c.req.allowed_ip_ranges.is_some() {
        return Err(InputError::new(
            "allowed_ip_ranges",
            "is only used with key_vault_network 'restricted'; set key_vault_network to 'restricted' or leave allowed_ip_ranges out",
        ));
    }

    c.prerequisites.push("Customer-managed keys need the Premium registry SKU; the script creates the registry as Premium.".into());
    c.prerequisites.push("A customer-managed key can only be set when the registry is created, and encryption with it cannot be turned off later.".into());
    match model {
        PermissionModel::Rbac => c.prerequisites.push(
            "You need permission to create role assignments on the vault (Owner or User Access Administrator), and a Key Vault data-plane role such as Key Vault Crypto Officer to create the key in an RBAC vault.".into(),
        ),
        PermissionModel::AccessPolicy => c.prerequisites.push(
            "The script creates the vault with --enable-rbac-authorization false, because Azure CLI 2.62 and later create RBAC vaults by default and set-policy fails on them.".into(),
        ),
    }
    c.warnings.push("This registry's encryption can never be turned off, and the registry cannot be moved back to a Microsoft-managed key.".into());
    c.warnings.push("Docker Content Trust, artifact streaming and the OCI Referrers API are not available on CMK registries, and ACR Tasks run logs are kept only 24 hours.".into());
    c.warnings.push("If the identity loses access to the key, or the key or vault is deleted, all registry data becomes unavailable. Keep purge protection on.".into());
    if model == PermissionModel::Rbac {
        c.warnings.push("New role assignments can take a few minutes to take effect; if az acr create reports that the identity cannot access the key, wait and run it again.".into());
    }

    if create_group {
        c.run(
            "Create the resource group",
            "Holds the identity, the key vault and the registry.",
            cite("az group create", "resource group create"),
            az("group create")
                .flag("--name", group.clone())
                .flag("--location", location.clone())
                .done(),
        );
    }
    c.run(
        "Create the user-assigned identity",
        "A registry must be created with a user-assigned identity to reach its key; a system-assigned identity can only be used later.",
        cite("az identity create", "create user-assigned managed identity"),
        az("identity create")
            .flag("--name", Arg::var("IDENTITY_NAME"))
            .flag("--resource-group", group.clone())
            .flag("--location", location.clone())
            .done(),
    );
    c.capture_user_identity(true, true);
    let mut vault_cmd = az("keyvault create")
        .flag("--name", vault.clone())
        .flag("--resource-group", group.clone())
        .flag("--location", location.clone())
        .lit("--enable-purge-protection true")
        .lit(match model {
            PermissionModel::Rbac => "--enable-rbac-authorization true",
            PermissionModel::AccessPolicy => "--enable-rbac-authorization false",
        });
    if key_type == KeyType::RsaHsm {
        vault_cmd = vault_cmd.lit("--sku premium");
    }
    c.run(
        "Create the key vault with purge protection",
        match (model, key_type) {
            (PermissionModel::Rbac, KeyType::Rsa) => "Purge protection keeps a deleted key or vault recoverable for the whole retention period. The permission model is set explicitly because its default changed in Azure CLI 2.62.",
            (PermissionModel::AccessPolicy, KeyType::Rsa) => "Purge protection keeps a deleted key or vault recoverable. The access-policy model must be asked for explicitly on Azure CLI 2.62 and later.",
            (_, KeyType::RsaHsm) => "Purge protection keeps a deleted key or vault recoverable. RSA-HSM keys need the Premium vault SKU. The permission model is set explicitly because its default changed in Azure CLI 2.62.",
        },
        cite("az keyvault create", "create key vault purge protection permission model"),
        vault_cmd.done(),
    );
    c.grant(model, &vault, &group, "KEY_VAULT_ID");
    c.create_key(
        "Create the key",
        "ACR accepts RSA and RSA-HSM keys only; elliptic-curve keys are not supported.",
        &vault,
        &key,
    );
    c.capture_key_id(versioning, &vault, &key);
    c.rotation_policy(&vault, &key);
    if network == KeyVaultNetwork::Restricted {
        c.network_rules(&vault, &group);
        c.warnings.push("The vault firewall is turned on after the key exists, so the key can be created from this machine; keep the trusted-services bypass, the registry depends on it.".into());
    }
    c.run(
        "Create the registry with the customer-managed key",
        match versioning {
            KeyVersioning::Versionless => "Premium SKU, the identity's resource ID and a versionless key ID: the registry will follow new key versions automatically.",
            KeyVersioning::Versioned => "Premium SKU, the identity's resource ID and a versioned key ID: the registry stays on this key version until you rotate it by hand.",
        },
        cite("az acr create", "create registry customer-managed key identity key-encryption-key Premium"),
        az("acr create")
            .flag("--name", registry.clone())
            .flag("--resource-group", group.clone())
            .flag("--location", location)
            .lit("--sku Premium")
            .flag("--identity", Arg::var("IDENTITY_ID"))
            .flag("--key-encryption-key", Arg::var("KEY_ID"))
            .done(),
    );
    c.verify(&registry, &group);
    Ok(())
}

fn rotate_key(c: &mut Ctx) -> Result<(), InputError> {
    let registry = c.registry();
    let group = c.group();
    let vault = c.vault();
    let model = c.permission_model();
    let versioning = c.versioning();
    let other_vault = c.req.new_key_vault_name.is_some();
    let (target_vault, target_group, target_key) = if other_vault {
        let v = c.name(
            "new_key_vault_name",
            "NEW_KEY_VAULT_NAME",
            &c.req.new_key_vault_name.clone(),
            "new-key-vault-name",
        );
        let g = match c.req.new_key_vault_resource_group.clone() {
            Some(g) => c.defaulted(
                "new_key_vault_resource_group",
                "NEW_KEY_VAULT_RESOURCE_GROUP",
                Some(g),
                "",
            ),
            None => group.clone(),
        };
        let k = match (c.req.new_key_name.clone(), c.req.key_name.clone()) {
            (Some(n), _) => c.name("new_key_name", "NEW_KEY_NAME", &Some(n), "new-key-name"),
            (None, Some(_)) => c.key(),
            (None, None) => c.name("new_key_name", "NEW_KEY_NAME", &None, "new-key-name"),
        };
        (v, g, k)
    } else if c.req.new_key_name.is_some() {
        let k = c.name(
            "new_key_name",
            "NEW_KEY_NAME",
            &c.req.new_key_name.clone(),
            "new-key-name",
        );
        (vault.clone(), group.clone(), k)
    } else {
        (vault.clone(), group.clone(), c.key())
    };
    // A new identity, or any identity reaching a vault it has not used yet, needs
    // access to that vault first.
    let identity = match (c.req.identity_name.is_some(), other_vault) {
        (false, false) => None,
        _ => Some(c.identity(true)?),
    };
    let needs_grant = identity.is_some();

    c.prerequisites.push("The registry must already be encrypted with a customer-managed key; a registry created without one cannot be converted.".into());
    if identity == Some(Identity::System) {
        c.prerequisites.push("The registry's system-assigned identity must be turned on (see the use_system_identity scenario).".into());
    }
    if c.req.key_type == Some(KeyType::RsaHsm) {
        c.prerequisites
            .push("RSA-HSM keys need a vault on the Premium SKU.".into());
    }
    match versioning {
        KeyVersioning::Versionless => c.warnings.push("With a versionless key ID the registry follows new versions of this key automatically from now on.".into()),
        KeyVersioning::Versioned => c.warnings.push("With a versioned key ID the registry stays on this exact version until you rotate again by hand.".into()),
    }
    c.warnings.push("Keep the previous key and its versions enabled until the registry reports the new version in use; disabling or deleting them early blocks registry data.".into());

    c.show_current(&registry, &group);
    if let Some(id) = identity {
        match id {
            Identity::User => c.capture_user_identity(true, needs_grant),
            Identity::System => c.capture_system_principal(&registry, &group),
        }
    }
    if needs_grant {
        let var = if other_vault {
            "NEW_KEY_VAULT_ID"
        } else {
            "KEY_VAULT_ID"
        };
        c.grant(model, &target_vault, &target_group, var);
    }
    let (title, purpose) = if other_vault {
        (
            "Create the key in the other vault",
            "The new key lives in the other vault; the identity was given access there first.",
        )
    } else if c.req.new_key_name.is_some() {
        (
            "Create the new key",
            "Rotating to a different key in the same vault.",
        )
    } else {
        (
            "Create a new version of the key",
            "Creating a key with an existing name adds a new version to it; earlier versions stay usable.",
        )
    };
    c.create_key(title, purpose, &target_vault, &target_key);
    c.capture_key_id(versioning, &target_vault, &target_key);
    c.rotation_policy(&target_vault, &target_key);
    c.rotate_key_step(&registry, &group, identity);
    c.verify(&registry, &group);
    Ok(())
}

fn enable_auto_rotation(c: &mut Ctx) -> Result<(), InputError> {
    if c.req.key_versioning == Some(KeyVersioning::Versioned) {
        return Err(InputError::new(
            "key_versioning",
            "'versioned' contradicts enable_auto_rotation, which always uses a versionless key ID; leave key_versioning out",
        ));
    }
    let registry = c.registry();
    let group = c.group();
    let vault = c.vault();
    let key = c.key();
    c.versioning();
    c.prerequisites
        .push("The registry must already be encrypted with a customer-managed key.".into());
    c.warnings.push("Automatic rotation makes the registry follow new key versions; it does not create them. Add key_rotation_interval to have Key Vault create them on a schedule.".into());
    c.show_current(&registry, &group);
    c.capture_key_id(KeyVersioning::Versionless, &vault, &key);
    c.rotate_key_step(&registry, &group, None);
    c.rotation_policy(&vault, &key);
    c.verify(&registry, &group);
    Ok(())
}

fn use_system_identity(c: &mut Ctx) -> Result<(), InputError> {
    let registry = c.registry();
    let group = c.group();
    let vault = c.vault();
    let key = c.key();
    let model = c.permission_model();
    let versioning = c.versioning();
    c.record(
        "identity_name",
        "[system]".into(),
        ValueSource::Default,
        None,
    );
    c.prerequisites.push("The registry must already be encrypted with a customer-managed key (created with a user-assigned identity).".into());
    c.warnings.push("Keep the user-assigned identity assigned until the rotation to the system-assigned identity has finished; removing an identity that encryption still uses fails or blocks registry data.".into());
    c.warnings.push("A system-assigned identity that encryption uses cannot be removed without an Azure support request, so choose this on purpose.".into());
    c.show_current(&registry, &group);
    c.run(
        "Turn on the registry's system-assigned identity",
        "The system-assigned identity can be used for encryption only after the registry exists.",
        cite(
            "az acr identity assign",
            "system-assigned identity assign [system]",
        ),
        az("acr identity assign")
            .flag("--name", registry.clone())
            .flag("--resource-group", group.clone())
            .flag("--identities", Arg::lit("[system]"))
            .done(),
    );
    c.capture_system_principal(&registry, &group);
    c.grant(model, &vault, &group, "KEY_VAULT_ID");
    c.capture_key_id(versioning, &vault, &key);
    c.rotate_key_step(&registry, &group, Some(Identity::System));
    c.verify(&registry, &group);
    Ok(())
}

fn revoke_access(c: &mut Ctx) -> Result<(), InputError> {
    let registry = c.registry();
    let group = c.group();
    let vault = c.vault();
    let model = c.permission_model();
    let identity = c.identity(true)?;
    let delete_key = c.choice("delete_key", c.req.delete_key, false, |b| {
        if b { "true" } else { "false" }
    });
    c.warnings.push("Revoking blocks all registry data: pulls, pushes and every other data operation fail until access is restored (see the restore_access scenario).".into());
    c.warnings.push("Any other identity or grant that can still reach the key keeps the registry working; check the listing step before removing anything.".into());
    c.capture_principal(identity, &registry, &group);
    match model {
        PermissionModel::Rbac => {
            c.capture_vault_id("KEY_VAULT_ID", &vault, &group);
            c.run(
                "List the identity's role assignments on the vault",
                "Shows exactly what the next step removes.",
                cite(
                    "az role assignment list",
                    "revoke role assignment list vault",
                ),
                az("role assignment list")
                    .flag("--assignee-object-id", Arg::var("PRINCIPAL_ID"))
                    .flag("--scope", Arg::var("KEY_VAULT_ID"))
                    .lit("--output table")
                    .done(),
            );
            c.destroy(
                "Remove the identity's role assignment on the vault",
                "Without the role the identity can no longer wrap or unwrap with the key, and the registry loses access to its data.",
                cite("az role assignment delete", "revoke remove role assignment"),
                az("role assignment delete")
                    .flag("--assignee-object-id", Arg::var("PRINCIPAL_ID"))
                    .flag("--role", Arg::lit(ROLE))
                    .flag("--scope", Arg::var("KEY_VAULT_ID"))
                    .done(),
            );
        }
        PermissionModel::AccessPolicy => {
            c.run(
                "Show the identity's access policy on the vault",
                "Shows exactly what the next step removes.",
                cite(
                    "az keyvault delete-policy",
                    "revoke access policy delete-policy",
                ),
                az("keyvault show")
                    .flag("--name", vault.clone())
                    .flag("--resource-group", group.clone())
                    .flag(
                        "--query",
                        Arg(vec![
                            Part::Lit("properties.accessPolicies[?objectId=='".into()),
                            Part::Var("PRINCIPAL_ID".into()),
                            Part::Lit("']".into()),
                        ]),
                    )
                    .done(),
            );
            c.destroy(
                "Remove the identity's access policy",
                "Without get, wrapKey and unwrapKey the registry loses access to its data.",
                cite(
                    "az keyvault delete-policy",
                    "revoke access policy delete-policy",
                ),
                az("keyvault delete-policy")
                    .flag("--name", vault.clone())
                    .flag("--resource-group", group.clone())
                    .flag("--object-id", Arg::var("PRINCIPAL_ID"))
                    .done(),
            );
        }
    }
    if delete_key {
        let key = c.key();
        c.warnings.push("Deleting the key removes the whole key with every version. It stays soft-deleted and recoverable until the retention period ends; after a purge the registry's data can never be read again.".into());
        c.destroy(
            "Delete the key",
            "The third way to revoke: with the key gone, nothing can unwrap the registry's data key.",
            cite("az keyvault key delete", "revoke delete key"),
            az("keyvault key delete").flag("--vault-name", vault.clone()).flag("--name", key).done(),
        );
    }
    Ok(())
}

fn restore_access(c: &mut Ctx) -> Result<(), InputError> {
    let registry = c.registry();
    let group = c.group();
    let vault = c.vault();
    let model = c.permission_model();
    let identity = c.identity(true)?;
    let recover = c.req.recover;
    if let Some(r) = recover {
        c.record(
            "recover",
            match r {
                Recover::Key => "key",
                Recover::KeyVault => "key_vault",
            }
            .into(),
            ValueSource::Given,
            None,
        );
    }
    match recover {
        Some(Recover::KeyVault) => {
            c.prerequisites.push("A deleted vault can only be recovered while it is soft-deleted (within its retention period, 90 days by default) and not purged.".into());
            c.run(
                "Find the deleted key vault",
                "The vault must still be in its soft-deleted state.",
                cite(
                    "az keyvault recover",
                    "recover deleted key vault soft delete",
                ),
                az("keyvault list-deleted")
                    .lit("--resource-type vault --output table")
                    .done(),
            );
            c.run(
                "Recover the key vault",
                "Brings the vault back with its keys and access policies.",
                cite(
                    "az keyvault recover",
                    "recover deleted key vault soft delete",
                ),
                az("keyvault recover")
                    .flag("--name", vault.clone())
                    .flag("--resource-group", group.clone())
                    .done(),
            );
            if model == PermissionModel::Rbac {
                c.warnings.push("Azure RBAC role assignments on a vault are deleted with it and do not come back on recovery; the script re-creates the identity's assignment.".into());
            }
        }
        Some(Recover::Key) => {
            let key = c.key();
            c.prerequisites.push(
                "A deleted key can only be recovered while it is soft-deleted and not purged."
                    .into(),
            );
            c.run(
                "Find the deleted key",
                "The key must still be in its soft-deleted state.",
                cite("az keyvault key recover", "recover deleted key"),
                az("keyvault key list-deleted")
                    .flag("--vault-name", vault.clone())
                    .lit("--output table")
                    .done(),
            );
            c.run(
                "Recover the key",
                "Brings the key back with all its versions.",
                cite("az keyvault key recover", "recover deleted key"),
                az("keyvault key recover")
                    .flag("--vault-name", vault.clone())
                    .flag("--name", key)
                    .done(),
            );
        }
        None => {}
    }
    c.capture_principal(identity, &registry, &group);
    c.grant(model, &vault, &group, "KEY_VAULT_ID");
    c.warnings.push("Once the identity can reach the key again the registry picks it up by itself; data access can take a little while to return.".into());
    c.verify(&registry, &group);
    Ok(())
}

fn key_vault_firewall(c: &mut Ctx) -> Result<(), InputError> {
    let group = c.group();
    let vault = c.vault();
    c.prerequisites.push("Add the IP ranges of every machine that must still work with keys in this vault (to create or rotate keys); control-plane operations such as changing firewall rules keep working either way.".into());
    c.warnings.push("Keep the trusted-services bypass (AzureServices): a CMK registry reaches its key as a trusted Azure service. Without it the registry gets HTTP 403 from the vault.".into());
    c.warnings.push("If a registry using this vault reports 403 errors afterwards, run rotate-key again with the same identity and key (the rotate_key scenario) so it reconnects through the firewall.".into());
    c.run(
        "Show the vault's current network rules",
        "Note the current settings so the change can be undone.",
        cite(
            "az keyvault show",
            "allow trusted services and deny other traffic firewall network rules",
        ),
        az("keyvault show")
            .flag("--name", vault.clone())
            .flag("--resource-group", group.clone())
            .lit("--query properties.networkAcls")
            .done(),
    );
    c.network_rules(&vault, &group);
    c.run(
        "Check the new network rules",
        "Expect bypass AzureServices, defaultAction Deny and the allowed IP ranges.",
        cite(
            "az keyvault show",
            "allow trusted services and deny other traffic firewall network rules",
        ),
        az("keyvault show")
            .flag("--name", vault)
            .flag("--resource-group", group)
            .lit("--query properties.networkAcls")
            .done(),
    );
    Ok(())
}

fn show_status(c: &mut Ctx) -> Result<(), InputError> {
    let registry = c.registry();
    let group = c.group();
    c.verify(&registry, &group);
    c.run(
        "Show the key version in use",
        "versionedKeyIdentifier is the exact key version the registry uses right now.",
        cite(
            "az acr encryption show",
            "versionedKeyIdentifier key version in use",
        ),
        az("acr encryption show")
            .flag("--name", registry.clone())
            .flag("--resource-group", group.clone())
            .lit("--query keyVaultProperties.versionedKeyIdentifier --output tsv")
            .done(),
    );
    c.run(
        "Show the registry's identities",
        "The encryption identity must stay assigned; compare its client ID with keyVaultProperties.identity.",
        cite("az acr identity show", "which identity value goes where client ID"),
        az("acr identity show").flag("--name", registry.clone()).flag("--resource-group", group.clone()).done(),
    );
    c.run(
        "Run the registry health check",
        "A CMK_ERROR line means the registry cannot reach the identity it uses for encryption.",
        cite("az acr check-health", "check-health CMK_ERROR"),
        az("acr check-health")
            .flag("--name", registry)
            .lit("--ignore-errors --yes")
            .done(),
    );
    if let (Some(_), Some(_)) = (&c.req.key_vault_name, &c.req.key_name) {
        let vault = c.vault();
        let key = c.key();
        c.run(
            "Show the key's state",
            "A disabled or expired key blocks registry data just like revoked access.",
            cite("az keyvault key show", "key enabled expires attributes"),
            az("keyvault key show")
                .flag("--vault-name", vault)
                .flag("--name", key)
                .lit("--query attributes")
                .done(),
        );
    }
    Ok(())
}
