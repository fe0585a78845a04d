//! A scenario's front matter: the parameters it declares (with defaults and the
//! condition under which each applies), derived values, refusals, and the notes
//! (prerequisites and warnings), each problem recorded with the doc's diagnostics.

use serde_yaml_ng::{Mapping, Value as Yaml};

use super::condition::Condition;
use super::parameters::{self, Kind};
use super::scenario::{Declared, Derived, Note, Problems, Refusal};

fn key<'a>(map: &'a Mapping, name: &str) -> Option<&'a Yaml> {
    map.get(Yaml::String(name.to_string()))
}

fn text_of(value: &Yaml) -> Option<String> {
    match value {
        Yaml::String(s) => Some(s.clone()),
        Yaml::Number(n) => Some(n.to_string()),
        Yaml::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

pub(super) fn condition(text: &str, problems: &mut Problems) -> Option<Condition> {
    Condition::parse(text)
        .map_err(|e| problems.push((None, format!("condition {text:?}: {e}"))))
        .ok()
}

pub(super) fn declared(front: &Mapping, problems: &mut Problems) -> Vec<Declared> {
    let Some(Yaml::Mapping(map)) = key(front, "parameters") else {
        problems.push((
            None,
            "front matter needs `parameters:`, a mapping of the parameters the scenario takes"
                .into(),
        ));
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, spec) in map {
        let name = text_of(name).unwrap_or_default();
        let Some(parameter) = parameters::parameter(&name) else {
            problems.push((
                None,
                format!("parameters: {name:?} is not a parameter of get_setup_commands"),
            ));
            continue;
        };
        let mut d = Declared {
            parameter,
            default: None,
            optional: false,
            when: None,
        };
        match spec {
            Yaml::Null => {}
            Yaml::Mapping(spec) => {
                d.default = key(spec, "default").and_then(text_of);
                d.optional = key(spec, "optional")
                    .and_then(Yaml::as_bool)
                    .unwrap_or(false);
                d.when = key(spec, "when")
                    .and_then(text_of)
                    .and_then(|w| condition(&w, problems));
            }
            _ => problems.push((
                None,
                format!(
                    "parameters: {name}: use a mapping with default, optional and when, or nothing"
                ),
            )),
        }
        if let Some(default) = &d.default {
            let json = match parameter.kind {
                Kind::Number(_) => default.parse::<u64>().map(Into::into).unwrap_or_default(),
                Kind::Flag => serde_json::Value::Bool(default == "true"),
                _ => default.clone().into(),
            };
            if let Err(e) = parameters::validate(parameter, &json) {
                problems.push((None, format!("parameters: the default of {e}")));
            }
        }
        out.push(d);
    }
    out
}

fn rule_list(value: &Yaml) -> Option<Vec<String>> {
    value.as_sequence()?.iter().map(text_of).collect()
}

pub(super) fn derived(front: &Mapping, problems: &mut Problems) -> Vec<Derived> {
    let Some(map) = key(front, "derive").and_then(Yaml::as_mapping) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (name, rules) in map {
        let name = text_of(name).unwrap_or_default();
        let Some(rules) = rule_list(rules) else {
            problems.push((None, format!("derive: {name}: use a list of 'VALUE if CONDITION' rules ending in a plain VALUE")));
            continue;
        };
        let mut parsed = Vec::new();
        for rule in rules {
            match rule.split_once(" if ") {
                Some((value, when)) => {
                    parsed.push((value.trim().to_string(), condition(when, problems)))
                }
                None => parsed.push((rule.trim().to_string(), None)),
            }
        }
        if parsed.last().is_none_or(|(_, when)| when.is_some()) {
            problems.push((None, format!("derive: {name}: the last rule must be a plain value, so the value is always defined")));
        }
        out.push(Derived {
            name,
            rules: parsed,
        });
    }
    out
}

pub(super) fn refusals(front: &Mapping, problems: &mut Problems) -> Vec<Refusal> {
    let Some(items) = key(front, "refuse").and_then(Yaml::as_sequence) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        let get = |k| item.as_mapping().and_then(|m| key(m, k)).and_then(text_of);
        match (get("if"), get("field"), get("message")) {
            (Some(when), Some(field), Some(message)) => {
                if let Some(when) = condition(&when, problems) {
                    out.push(Refusal {
                        when,
                        field,
                        message,
                    });
                }
            }
            _ => problems.push((
                None,
                "refuse: each item needs `if`, `field` and `message`".into(),
            )),
        }
    }
    out
}

pub(super) fn notes(front: &Mapping, list: &str, problems: &mut Problems) -> Vec<Note> {
    let Some(items) = key(front, list).and_then(Yaml::as_sequence) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for item in items {
        if let Some(text) = text_of(item) {
            out.push(Note { text, when: None });
            continue;
        }
        let get = |k| item.as_mapping().and_then(|m| key(m, k)).and_then(text_of);
        match (get("text"), get("if")) {
            (Some(text), when) => out.push(Note {
                text,
                when: when.and_then(|w| condition(&w, problems)),
            }),
            _ => problems.push((
                None,
                format!("{list}: each item is a text, or `text` with an `if` condition"),
            )),
        }
    }
    out
}
