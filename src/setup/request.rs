//! What a caller asks `get_setup_commands` for: a scenario and parameter values,
//! each checked against its rule as it is decoded (see [`super::parameters`]).

use std::collections::BTreeMap;

use serde::de::Error as _;
use serde::{Deserialize, Deserializer};
use serde_json::{Map, Value as Json};

use super::parameters::{self, Value};
use crate::error::InputError;

/// A validated request: every value given has passed its parameter's rule. Whether
/// the scenario takes it is decided when it is planned.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetupRequest {
    pub scenario: String,
    values: BTreeMap<&'static str, Value>,
}

impl SetupRequest {
    /// Decodes tool arguments: `scenario` (a string) and any parameters; JSON `null`
    /// counts as not given. Unknown names and bad values are refused, naming the field.
    pub fn from_json(args: &Map<String, Json>) -> Result<SetupRequest, InputError> {
        let scenario = match args.get("scenario") {
            Some(Json::String(s)) => s.clone(),
            Some(Json::Null) | None => {
                return Err(InputError::new("scenario", "is required"));
            }
            Some(_) => {
                return Err(InputError::new(
                    "scenario",
                    "invalid type: expected a string",
                ));
            }
        };
        let mut values = BTreeMap::new();
        for (name, value) in args {
            if name == "scenario" || value.is_null() {
                continue;
            }
            let parameter = parameters::parameter(name).ok_or_else(|| {
                InputError::new(
                    name,
                    format!(
                        "unknown parameter; the parameters are scenario, {}",
                        parameters::PARAMETERS
                            .iter()
                            .map(|p| p.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                )
            })?;
            values.insert(parameter.name, parameters::validate(parameter, value)?);
        }
        Ok(SetupRequest { scenario, values })
    }

    /// The value given for `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.values.get(name)
    }

    /// Every value given, by parameter name.
    pub fn given(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        self.values.iter().map(|(k, v)| (*k, v))
    }
}

/// Through [`SetupRequest::from_json`], so every front end gets the same checks. The
/// error names the field in backticks first, as serde's own messages do, which is
/// how [`crate::request::decode`] finds it.
impl<'de> Deserialize<'de> for SetupRequest {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let args = Map::<String, Json>::deserialize(deserializer)?;
        SetupRequest::from_json(&args)
            .map_err(|e| D::Error::custom(format!("`{}`: {}", e.field, e.problem)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn decode(v: Json) -> Result<SetupRequest, InputError> {
        SetupRequest::from_json(v.as_object().unwrap())
    }

    #[test]
    fn fields_are_named_in_errors() {
        assert_eq!(decode(json!({})).unwrap_err().field, "scenario");
        assert_eq!(
            decode(json!({"scenario": "x", "registry": "a"}))
                .unwrap_err()
                .field,
            "registry"
        );
        assert_eq!(
            decode(json!({"scenario": "x", "key_size": 1}))
                .unwrap_err()
                .field,
            "key_size"
        );
        let ok = decode(json!({"scenario": "x", "key_size": null, "key_name": "k"})).unwrap();
        assert!(ok.get("key_size").is_none());
        assert_eq!(ok.get("key_name"), Some(&Value::Text("k".into())));
    }
}
