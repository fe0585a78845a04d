//! The parameters of `get_setup_commands`: the one list that names them, says what
//! each holds and which rule its value must meet, and which script variable carries
//! it. The request decoder, the tool's input schema, the CLI's `setup` flags and the
//! scenario docs all work from this list, so a parameter is added in one place.

use serde_json::{Map, Value as Json, json};

use crate::azure::names;
use crate::error::InputError;

/// What a parameter holds.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// An Azure name, checked by its naming rule.
    Name(names::Check),
    /// One of fixed words.
    Choice(&'static [&'static str]),
    /// One of fixed numbers.
    Number(&'static [u32]),
    /// A list of IPv4 addresses or CIDR ranges.
    IpRanges,
    /// An ISO 8601 duration.
    Duration,
    Flag,
}

/// One parameter.
#[derive(Debug, Clone, Copy)]
pub struct Parameter {
    pub name: &'static str,
    pub kind: Kind,
    /// The script variable holding the value, for parameters that appear in commands.
    pub variable: Option<&'static str>,
    /// One line for the input schema and `--help`.
    pub help: &'static str,
}

/// Most IP ranges one request may allow through a firewall.
pub const MAX_IP_RANGES: usize = 64;

/// Every parameter, in the order the schema and `--help` show them.
pub const PARAMETERS: &[Parameter] = &[
    p(
        "registry_name",
        Kind::Name(names::registry_name),
        Some("REGISTRY_NAME"),
        "Registry name: 5-50 lowercase letters and digits.",
    ),
    p(
        "resource_group",
        Kind::Name(names::resource_group),
        Some("RESOURCE_GROUP"),
        "Resource group of the registry (and of the vault and identity).",
    ),
    p(
        "location",
        Kind::Name(names::location),
        Some("LOCATION"),
        "Azure region, e.g. westeurope.",
    ),
    p(
        "identity_name",
        Kind::Name(identity_or_system),
        Some("IDENTITY_NAME"),
        "User-assigned identity name, or '[system]' for the system-assigned one.",
    ),
    p(
        "key_store",
        Kind::Choice(&["key_vault", "managed_hsm"]),
        None,
        "Where the key lives: key_vault (default) or managed_hsm.",
    ),
    p(
        "key_vault_name",
        Kind::Name(names::key_vault_name),
        Some("KEY_VAULT_NAME"),
        "Key vault name: 3-24 letters, digits, hyphens.",
    ),
    p(
        "hsm_name",
        Kind::Name(names::hsm_name),
        Some("HSM_NAME"),
        "Managed HSM name (key_store managed_hsm).",
    ),
    p(
        "key_name",
        Kind::Name(names::key_name),
        Some("KEY_NAME"),
        "Key name: 1-127 letters, digits and hyphens.",
    ),
    p(
        "key_type",
        Kind::Choice(&["RSA", "RSA-HSM"]),
        Some("KEY_TYPE"),
        "RSA (default) or RSA-HSM; ACR takes no EC keys.",
    ),
    p(
        "key_size",
        Kind::Number(&[2048, 3072, 4096]),
        Some("KEY_SIZE"),
        "RSA key size in bits (default 3072).",
    ),
    p(
        "permission_model",
        Kind::Choice(&["rbac", "access_policy"]),
        None,
        "How the vault grants access: rbac (default) or access_policy.",
    ),
    p(
        "key_versioning",
        Kind::Choice(&["versionless", "versioned"]),
        None,
        "versionless (default: automatic rotation) or versioned (manual rotation).",
    ),
    p(
        "new_key_vault_name",
        Kind::Name(names::key_vault_name),
        Some("NEW_KEY_VAULT_NAME"),
        "rotate_key: move to a key in this other vault.",
    ),
    p(
        "new_key_vault_resource_group",
        Kind::Name(names::resource_group),
        Some("NEW_KEY_VAULT_RESOURCE_GROUP"),
        "rotate_key: resource group of the other vault (default: resource_group).",
    ),
    p(
        "new_key_name",
        Kind::Name(names::key_name),
        Some("NEW_KEY_NAME"),
        "rotate_key: move to this other key.",
    ),
    p(
        "allowed_ip_ranges",
        Kind::IpRanges,
        None,
        "IPv4 addresses or CIDR ranges to let through the vault firewall.",
    ),
    p(
        "key_vault_network",
        Kind::Choice(&["public", "restricted"]),
        None,
        "create_registry: public (default) or restricted (selected networks + trusted services).",
    ),
    p(
        "key_rotation_interval",
        Kind::Duration,
        Some("KEY_ROTATION_INTERVAL"),
        "Rotation policy interval, ISO 8601, at least 7 days (e.g. P90D).",
    ),
    p(
        "recover",
        Kind::Choice(&["key", "key_vault", "managed_hsm"]),
        None,
        "restore_access: first recover this soft-deleted resource.",
    ),
    p(
        "create_resource_group",
        Kind::Flag,
        None,
        "create_registry: create the resource group first (default true).",
    ),
    p(
        "delete_key",
        Kind::Flag,
        None,
        "revoke_access: also delete the key (soft delete).",
    ),
];

const fn p(
    name: &'static str,
    kind: Kind,
    variable: Option<&'static str>,
    help: &'static str,
) -> Parameter {
    Parameter {
        name,
        kind,
        variable,
        help,
    }
}

/// The parameter called `name`.
pub fn parameter(name: &str) -> Option<&'static Parameter> {
    PARAMETERS.iter().find(|p| p.name == name)
}

/// The parameter whose value the script variable `var` holds.
pub fn by_variable(var: &str) -> Option<&'static Parameter> {
    PARAMETERS.iter().find(|p| p.variable == Some(var))
}

/// A validated value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Value {
    Text(String),
    Number(u32),
    List(Vec<String>),
    Flag(bool),
}

impl Value {
    /// The value as conditions compare it and as the plan shows it.
    pub fn text(&self) -> String {
        match self {
            Value::Text(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::List(items) => items.join(","),
            Value::Flag(b) => b.to_string(),
        }
    }
}

/// A placeholder the user must replace: `<registry-name>`.
pub fn placeholder(name: &str) -> String {
    format!("<{}>", name.replace('_', "-"))
}

fn identity_or_system(field: &str, v: &str) -> Result<(), InputError> {
    if v == "[system]" {
        return Ok(());
    }
    names::identity_name(field, v).map_err(|mut e| {
        e.problem
            .push_str(", or '[system]' for the registry's system-assigned identity");
        e
    })
}

/// Checks one JSON value against `parameter`'s kind and rule.
pub fn validate(parameter: &Parameter, value: &Json) -> Result<Value, InputError> {
    let field = parameter.name;
    let wrong = |wanted: &str| {
        InputError::new(
            field,
            format!("invalid type: {}, expected {wanted}", kind_of(value)),
        )
    };
    match parameter.kind {
        Kind::Name(check) => {
            let s = value.as_str().ok_or_else(|| wrong("a string"))?;
            check(field, s)?;
            Ok(Value::Text(s.to_string()))
        }
        Kind::Choice(choices) => {
            let s = value.as_str().ok_or_else(|| wrong("a string"))?;
            if choices.contains(&s) {
                Ok(Value::Text(s.to_string()))
            } else {
                Err(InputError::new(
                    field,
                    format!("{} is not one of {}", names::shown(s), choices.join(", ")),
                ))
            }
        }
        Kind::Number(allowed) => {
            let n = value.as_u64().ok_or_else(|| wrong("an integer"))?;
            match allowed.iter().find(|&&a| u64::from(a) == n) {
                Some(&a) => Ok(Value::Number(a)),
                None => Err(InputError::new(
                    field,
                    format!(
                        "{n} is not allowed: it must be one of {}",
                        allowed
                            .iter()
                            .map(u32::to_string)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )),
            }
        }
        Kind::IpRanges => {
            let items = value
                .as_array()
                .ok_or_else(|| wrong("an array of strings"))?;
            if items.len() > MAX_IP_RANGES {
                return Err(InputError::new(
                    field,
                    format!(
                        "has {} entries; at most {MAX_IP_RANGES} are accepted",
                        items.len()
                    ),
                ));
            }
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                let path = format!("{field}[{i}]");
                let s = item.as_str().ok_or_else(|| {
                    InputError::new(
                        &path,
                        format!("invalid type: {}, expected a string", kind_of(item)),
                    )
                })?;
                names::ip_range(&path, s)?;
                out.push(s.to_string());
            }
            Ok(Value::List(out))
        }
        Kind::Duration => {
            let s = value.as_str().ok_or_else(|| wrong("a string"))?;
            names::rotation_interval(field, s)?;
            Ok(Value::Text(s.to_string()))
        }
        Kind::Flag => value
            .as_bool()
            .map(Value::Flag)
            .ok_or_else(|| wrong("a boolean")),
    }
}

fn kind_of(value: &Json) -> &'static str {
    match value {
        Json::Null => "null",
        Json::Bool(_) => "boolean",
        Json::Number(_) => "number",
        Json::String(_) => "string",
        Json::Array(_) => "array",
        Json::Object(_) => "object",
    }
}

/// The JSON schema of one parameter: flat, with no `null` in its type (a parameter
/// left out is simply absent).
pub fn schema(parameter: &Parameter) -> Json {
    let mut s = match parameter.kind {
        Kind::Name(_) | Kind::Duration => json!({"type": "string"}),
        Kind::Choice(choices) => json!({"type": "string", "enum": choices}),
        Kind::Number(allowed) => json!({"type": "integer", "enum": allowed}),
        Kind::IpRanges => {
            json!({"type": "array", "items": {"type": "string"}, "maxItems": MAX_IP_RANGES})
        }
        Kind::Flag => json!({"type": "boolean"}),
    };
    s["description"] = json!(parameter.help);
    s
}

/// The input schema of `get_setup_commands`, with `scenarios` as the choices of
/// `scenario`.
pub fn input_schema(scenarios: &[(String, String)]) -> Map<String, Json> {
    let mut properties = Map::new();
    properties.insert(
        "scenario".into(),
        json!({
            "type": "string",
            "enum": scenarios.iter().map(|(n, _)| n).collect::<Vec<_>>(),
            "description": "The task; a parameter it does not take is refused, naming what it takes.",
        }),
    );
    for parameter in PARAMETERS {
        properties.insert(parameter.name.into(), schema(parameter));
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Json::Object(properties));
    schema.insert("required".into(), json!(["scenario"]));
    schema.insert("additionalProperties".into(), json!(false));
    schema
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_variable_is_one_parameter() {
        let mut seen = std::collections::HashSet::new();
        for p in PARAMETERS {
            assert!(seen.insert(p.name), "{} twice", p.name);
            if let Some(v) = p.variable {
                assert_eq!(by_variable(v).unwrap().name, p.name);
            }
        }
    }

    #[test]
    fn values_are_checked_by_kind() {
        let get = |n| parameter(n).unwrap();
        assert_eq!(
            validate(get("key_size"), &json!(4096)).unwrap(),
            Value::Number(4096)
        );
        assert!(validate(get("key_size"), &json!(1024)).is_err());
        assert!(validate(get("key_size"), &json!("4096")).is_err());
        assert!(validate(get("registry_name"), &json!("Bad-Name")).is_err());
        assert!(validate(get("identity_name"), &json!("[system]")).is_ok());
        let e = validate(get("allowed_ip_ranges"), &json!(["1.2.3.4", "x"])).unwrap_err();
        assert_eq!(e.field, "allowed_ip_ranges[1]");
        assert!(validate(get("key_store"), &json!("hsm")).is_err());
    }
}
