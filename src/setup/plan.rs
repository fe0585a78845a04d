//! Planning one request against one scenario: refuse what the scenario does not
//! take, pick the steps and variants whose conditions hold, bind their commands to
//! the script's variables, and work out which parameters the script needs.

use std::borrow::Cow;
use std::cell::Cell;
use std::collections::HashSet;

use super::condition::Facts;
use super::parameters::{self, Value};
use super::scenario::{Note, Scenario, ScenarioCatalog};
use super::{ResolvedParameter, SetupPlan, SetupRequest, Step, ValueSource, script};
use crate::azure::command::Replace;
use crate::azure::names::shown;
use crate::error::InputError;
use crate::knowledge::{CitationList, Corpus};

/// Plans `request` with the scenario it names.
pub fn plan(
    corpus: &Corpus,
    catalog: &ScenarioCatalog,
    request: &SetupRequest,
) -> Result<SetupPlan, InputError> {
    let scenario = catalog.get(&request.scenario).ok_or_else(|| {
        InputError::new(
            "scenario",
            format!(
                "{} is not a scenario; the scenarios are {}",
                shown(&request.scenario),
                catalog
                    .scenarios
                    .iter()
                    .map(|s| s.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        )
    })?;
    let facts = Resolver {
        scenario,
        request,
        depth: Cell::new(0),
    };
    check_given(scenario, request, &facts)?;
    if let Some(r) = scenario.refusals.iter().find(|r| r.when.holds(&facts)) {
        return Err(InputError::new(&r.field, &r.message));
    }

    let mut referenced: HashSet<String> = HashSet::new();
    let mut items: Vec<ResolvedParameter> = Vec::new();
    let mut steps: Vec<Step> = Vec::new();
    for spec in &scenario.steps {
        if spec.when.as_ref().is_some_and(|w| !w.holds(&facts)) {
            continue;
        }
        let Some(variant) = spec
            .variants
            .iter()
            .find(|v| v.when.as_ref().is_none_or(|w| w.holds(&facts)))
        else {
            continue;
        };
        let alias = |var: &str| match facts.alias(var) {
            Some(to) => Replace::Rename(to),
            None => Replace::Keep,
        };
        // Most lines are used as the scenario wrote them: borrowed, not copied.
        let bound = if variant.line.keeps_variables(&alias) {
            Cow::Borrowed(&variant.line)
        } else {
            Cow::Owned(variant.line.map_variables(&alias))
        };
        let mut lines = Vec::new();
        match &variant.for_each {
            None => lines.push(bound),
            Some((list, item)) => {
                let values = match request.get(list.name) {
                    Some(Value::List(values)) => values.clone(),
                    _ => Vec::new(),
                };
                for (i, value) in values.iter().enumerate() {
                    let var = format!("{item}_{}", i + 1);
                    items.push(ResolvedParameter {
                        name: format!("{}[{i}]", list.name),
                        value: value.clone(),
                        source: ValueSource::Given,
                        variable: Some(var.clone()),
                    });
                    lines.push(Cow::Owned(bound.map_variables(&|v| {
                        if v == item {
                            Replace::Rename(var.clone())
                        } else {
                            Replace::Keep
                        }
                    })));
                }
            }
        }
        for line in lines {
            for var in line.variables() {
                if !referenced.contains(var) {
                    referenced.insert(var.to_string());
                }
            }
            let guarded = line.guard_dashed_values(&|var| {
                let p = parameters::by_variable(var)?;
                request.get(p.name).map(Value::text)
            });
            let line = guarded.as_ref().unwrap_or(&line);
            steps.push(Step {
                number: steps.len() + 1,
                title: spec.title.clone(),
                purpose: variant
                    .purpose
                    .clone()
                    .unwrap_or_else(|| spec.purpose.clone()),
                command: line.render(),
                argv: line.argv(),
                captures: line.sets().map(str::to_string).into_iter().collect(),
                destructive: variant.destructive,
                cite: 0,
                citation: corpus.citation(variant.section),
            });
        }
    }

    let warnings = notes(&scenario.warnings, &facts);
    let mut parameters = Vec::new();
    for d in &scenario.parameters {
        if d.when.as_ref().is_some_and(|w| !w.holds(&facts)) {
            continue;
        }
        let name = d.parameter.name;
        let used = d.parameter.variable.filter(|v| referenced.contains(*v));
        let (value, source) = match (request.get(name), &d.default) {
            (Some(Value::List(_)), _) => continue, // its items are listed one by one
            // A value given but not needed by this plan's steps (the vault of the
            // current key, when moving to another) is still shown as given.
            (Some(v), _) => (v.text(), ValueSource::Given),
            // A default that no command shows (key_size when the key keeps its own)
            // would only clutter the plan.
            (None, Some(default)) if used.is_some() || d.parameter.variable.is_none() => {
                (default.clone(), ValueSource::Default)
            }
            (None, None) if used.is_some() => {
                (parameters::placeholder(name), ValueSource::Placeholder)
            }
            _ => continue,
        };
        parameters.push(ResolvedParameter {
            name: name.to_string(),
            value,
            source,
            variable: used.map(str::to_string),
        });
    }
    parameters.extend(items);
    let missing_parameters = parameters
        .iter()
        .filter(|p| p.source == ValueSource::Placeholder)
        .map(|p| p.name.clone())
        .collect();
    let script = script::render(&scenario.title, &parameters, &warnings, &steps);
    let mut citations = CitationList::default();
    for step in &mut steps {
        step.cite = citations.cite(&step.citation);
    }
    Ok(SetupPlan {
        scenario: scenario.name.clone(),
        title: scenario.title.clone(),
        parameters,
        missing_parameters,
        prerequisites: notes(&scenario.prerequisites, &facts),
        warnings,
        steps,
        citations: citations.into_vec(),
        script,
        knowledge: corpus.version.clone(),
    })
}

/// Every parameter given must be one the scenario takes, and apply as given.
fn check_given(
    scenario: &Scenario,
    request: &SetupRequest,
    facts: &Resolver,
) -> Result<(), InputError> {
    for (name, _) in request.given() {
        match scenario.declared(name) {
            None => {
                return Err(InputError::new(
                    name,
                    format!(
                        "is not a parameter of {}; it takes {}",
                        scenario.name,
                        scenario
                            .parameters
                            .iter()
                            .map(|d| d.parameter.name)
                            .collect::<Vec<_>>()
                            .join(", ")
                    ),
                ));
            }
            Some(d) => {
                if let Some(when) = d.when.as_ref().filter(|w| !w.holds(facts)) {
                    return Err(InputError::new(
                        name,
                        format!(
                            "only applies to {} when {when}; leave it out, or set what that needs",
                            scenario.name
                        ),
                    ));
                }
            }
        }
    }
    Ok(())
}

fn notes(notes: &[Note], facts: &Resolver) -> Vec<String> {
    notes
        .iter()
        .filter(|n| n.when.as_ref().is_none_or(|w| w.holds(facts)))
        .map(|n| n.text.clone())
        .collect()
}

/// Resolves names for conditions and commands: the caller's values, the scenario's
/// defaults, and its derived values.
struct Resolver<'a> {
    scenario: &'a Scenario,
    request: &'a SetupRequest,
    /// Guards against a derived value defined through itself.
    depth: Cell<u8>,
}

impl Resolver<'_> {
    fn derive(&self, name: &str) -> Option<String> {
        let d = self.scenario.derived(name)?;
        if self.depth.get() > 8 {
            return None;
        }
        self.depth.set(self.depth.get() + 1);
        let value = d
            .rules
            .iter()
            .find(|(_, when)| when.as_ref().is_none_or(|w| w.holds(self)))
            .map(|(value, _)| value.clone());
        self.depth.set(self.depth.get() - 1);
        value
    }

    /// The variable an UPPERCASE derived name stands for here.
    fn alias(&self, var: &str) -> Option<String> {
        self.derive(var)
    }
}

impl Facts for Resolver<'_> {
    fn given(&self, name: &str) -> bool {
        self.request.get(name).is_some()
    }

    fn value(&self, name: &str) -> Option<String> {
        if let Some(v) = self.request.get(name) {
            return Some(v.text());
        }
        if let Some(d) = self.scenario.declared(name) {
            return d.default.clone();
        }
        self.derive(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = r#"---
name: demo
description: A demo scenario.
sources: [https://example.com/x]
parameters:
  registry_name:
  resource_group: {default: rg-default}
  key_store: {default: key_vault}
  key_vault_name: {when: key_store = key_vault}
  hsm_name: {when: key_store = managed_hsm}
  allowed_ip_ranges: {optional: true}
derive:
  STORE:
    - HSM_NAME if key_store = managed_hsm
    - KEY_VAULT_NAME
refuse:
  - if: registry_name = forbidden01
    field: registry_name
    message: that one is refused
warnings:
  - always
  - text: only for an HSM
    if: key_store = managed_hsm
---
# Demo scenario

## Show the registry

Shows it.

```bash
az acr show --name "$REGISTRY_NAME" --resource-group "$RESOURCE_GROUP"
```

## Show the store

Shows the store.

### In a vault
**When:** key_store = key_vault

```bash
ID=$(az keyvault show --name "$STORE" --query id -o tsv)
```

### In an HSM
**When:** key_store = managed_hsm

```bash
ID=$(az keyvault show --hsm-name "$STORE" --query id -o tsv)
```

## Allow a range

**For each:** allowed_ip_ranges as RANGE

Lets it in.

```bash
az keyvault network-rule add --name "$STORE" --ip-address "$RANGE"
```
"#;

    fn setup(args: serde_json::Value) -> Result<SetupPlan, InputError> {
        let corpus = Corpus::from_texts([("s", "scenarios/demo.md", DOC)]);
        let catalog = ScenarioCatalog::from_corpus(&corpus);
        assert!(catalog.diagnostics.is_empty(), "{:?}", catalog.diagnostics);
        let mut args = args;
        args["scenario"] = "demo".into();
        plan(
            &corpus,
            &catalog,
            &SetupRequest::from_json(args.as_object().unwrap())?,
        )
    }

    #[test]
    fn variants_aliases_and_repeats() {
        let p = setup(serde_json::json!({"registry_name": "myreg01", "key_store": "managed_hsm", "hsm_name": "hsm-1", "allowed_ip_ranges": ["203.0.113.0/24", "198.51.100.7"]})).unwrap();
        let commands: Vec<&str> = p.steps.iter().map(|s| s.command.as_str()).collect();
        assert_eq!(
            commands,
            [
                "az acr show --name \"$REGISTRY_NAME\" --resource-group \"$RESOURCE_GROUP\"",
                "ID=\"$(az keyvault show --hsm-name \"$HSM_NAME\" --query id -o tsv)\"",
                "az keyvault network-rule add --name \"$HSM_NAME\" --ip-address \"$RANGE_1\"",
                "az keyvault network-rule add --name \"$HSM_NAME\" --ip-address \"$RANGE_2\"",
            ]
        );
        assert!(p.steps[1].citation.anchor.starts_with("in-an-hsm"));
        assert_eq!(p.warnings, ["always", "only for an HSM"]);
        let vars: Vec<(&str, Option<&str>)> = p
            .parameters
            .iter()
            .map(|r| (r.name.as_str(), r.variable.as_deref()))
            .collect();
        assert_eq!(
            vars,
            [
                ("registry_name", Some("REGISTRY_NAME")),
                ("resource_group", Some("RESOURCE_GROUP")),
                ("key_store", None),
                ("hsm_name", Some("HSM_NAME")),
                ("allowed_ip_ranges[0]", Some("RANGE_1")),
                ("allowed_ip_ranges[1]", Some("RANGE_2")),
            ]
        );
        assert!(p.script.contains("RESOURCE_GROUP=rg-default  # default"));
    }

    #[test]
    fn placeholders_refusals_and_parameters_that_do_not_apply() {
        let p = setup(serde_json::json!({})).unwrap();
        assert_eq!(p.missing_parameters, ["registry_name", "key_vault_name"]);
        let e = setup(serde_json::json!({"hsm_name": "hsm-1"})).unwrap_err();
        assert_eq!(e.field, "hsm_name");
        assert!(e.problem.contains("key_store = managed_hsm"), "{e}");
        let e = setup(serde_json::json!({"location": "westeurope"})).unwrap_err();
        assert!(e.problem.contains("not a parameter of demo"), "{e}");
        let e = setup(serde_json::json!({"registry_name": "forbidden01"})).unwrap_err();
        assert_eq!(e.problem, "that one is refused");
        let p = setup(serde_json::json!({"resource_group": "-rg"})).unwrap();
        assert!(
            p.steps[0]
                .command
                .contains("\"--resource-group=$RESOURCE_GROUP\""),
            "{}",
            p.steps[0].command
        );
    }
}
