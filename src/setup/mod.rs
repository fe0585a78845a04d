//! `get_setup_commands`: from a CMK scenario and validated parameters to an ordered,
//! cited, shell-safe `az` command sequence.
//!
//! The flow is parse → validate → plan → render. [`plan`] validates every value
//! against Azure's naming rules (see [`validate`]), resolves defaults and
//! placeholders, and builds typed steps whose arguments are [`shell::Arg`]s. Nothing
//! here runs a command or knows about MCP; citations are resolved by the caller
//! through [`CiteHint`]s, so this module does not depend on the search index either.

pub mod request;
mod scenarios;
pub mod shell;
pub mod validate;

use schemars::JsonSchema;
use serde::Serialize;

pub use request::{
    KeyType, KeyVaultNetwork, KeyVersioning, PermissionModel, Recover, Scenario, SetupRequest,
};
use shell::Arg;

use crate::error::InputError;
use crate::knowledge::{Citation, KnowledgeVersion};

/// What a step should cite: a section whose code shows `command` and whose text is
/// about `topic`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct CiteHint {
    pub command: &'static str,
    pub topic: &'static str,
}

/// Where a parameter's value came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ValueSource {
    Given,
    Default,
    /// Not given and needed: a placeholder the user must replace.
    Placeholder,
}

/// A parameter after defaults and placeholders are applied.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ResolvedParameter {
    pub name: String,
    pub value: String,
    pub source: ValueSource,
    /// The script variable holding it, if the script uses one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variable: Option<String>,
}

/// One command (or shell assignment) of a plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct Step {
    pub number: usize,
    pub title: String,
    /// Why the step is there.
    pub purpose: String,
    /// The line as it appears in the script.
    pub command: String,
    /// The `az` argv the shell passes, with script variables shown as `$NAME`; empty
    /// for a pure shell assignment.
    pub argv: Vec<String>,
    /// Variables this step sets from its output.
    pub captures: Vec<String>,
    /// True when the step blocks registry data or deletes something.
    pub destructive: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub citation: Option<Citation>,
}

/// A complete, rendered plan.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct SetupPlan {
    pub scenario: String,
    pub title: String,
    pub parameters: Vec<ResolvedParameter>,
    /// Parameters the scenario needs that were not given; their placeholders must be
    /// replaced (the script refuses to run until they are).
    pub missing_parameters: Vec<String>,
    pub prerequisites: Vec<String>,
    pub warnings: Vec<String>,
    pub steps: Vec<Step>,
    /// The whole sequence as a bash script, to review before running.
    pub script: String,
    /// Which knowledge the citations come from.
    pub knowledge: KnowledgeVersion,
}

/// What a step runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Run {
    /// An `az` command, optionally capturing its output into a variable.
    Az {
        argv: Vec<Arg>,
        capture: Option<&'static str>,
    },
    /// `VAR=value` with fixed shell text, e.g. stripping a key version.
    Assign { var: &'static str, value: Arg },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PlannedStep {
    pub title: String,
    pub purpose: String,
    pub run: Run,
    pub destructive: bool,
    pub cite: CiteHint,
}

/// A validated plan whose citations are not yet resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Plan {
    scenario: Scenario,
    parameters: Vec<ResolvedParameter>,
    prerequisites: Vec<String>,
    warnings: Vec<String>,
    steps: Vec<PlannedStep>,
}

/// Validates `request` and plans its steps.
pub fn plan(request: &SetupRequest) -> Result<Plan, InputError> {
    scenarios::plan(request)
}

impl Plan {
    /// Every citation hint the plan uses, for resolving them.
    pub fn cite_hints(&self) -> impl Iterator<Item = CiteHint> + '_ {
        self.steps.iter().map(|s| s.cite)
    }

    /// Renders the plan, asking `cite` for each step's citation.
    pub fn render(self, cite: &dyn Fn(CiteHint) -> Option<Citation>) -> SetupPlan {
        let steps: Vec<Step> = self
            .steps
            .iter()
            .enumerate()
            .map(|(i, s)| {
                let (command, argv, captures) = match &s.run {
                    Run::Az { argv, capture } => {
                        let line = shell::render(argv);
                        let command = match capture {
                            Some(var) => format!("{var}=\"$({line})\""),
                            None => line,
                        };
                        (
                            command,
                            argv.iter().map(Arg::unexpanded).collect(),
                            capture.iter().map(|c| c.to_string()).collect(),
                        )
                    }
                    Run::Assign { var, value } => (
                        format!("{var}={}", value.render()),
                        Vec::new(),
                        vec![var.to_string()],
                    ),
                };
                Step {
                    number: i + 1,
                    title: s.title.clone(),
                    purpose: s.purpose.clone(),
                    command,
                    argv,
                    captures,
                    destructive: s.destructive,
                    citation: cite(s.cite),
                }
            })
            .collect();
        let missing_parameters: Vec<String> = self
            .parameters
            .iter()
            .filter(|p| p.source == ValueSource::Placeholder)
            .map(|p| p.name.clone())
            .collect();
        let script = render_script(self.scenario, &self.parameters, &self.warnings, &steps);
        SetupPlan {
            scenario: self.scenario.name().to_string(),
            title: self.scenario.title().to_string(),
            parameters: self.parameters,
            missing_parameters,
            prerequisites: self.prerequisites,
            warnings: self.warnings,
            steps,
            script,
            knowledge: KnowledgeVersion::default(),
        }
    }
}

fn render_script(
    scenario: Scenario,
    params: &[ResolvedParameter],
    warnings: &[String],
    steps: &[Step],
) -> String {
    let mut s = String::new();
    s.push_str("#!/usr/bin/env bash\n");
    s.push_str(&format!(
        "# {}\n# Generated by acr-cmk-mcp {} for review. Nothing in it has been run.\n",
        scenario.title(),
        env!("CARGO_PKG_VERSION")
    ));
    for w in warnings {
        s.push_str(&format!("# WARNING: {w}\n"));
    }
    s.push_str("set -euo pipefail\n\n# Parameters\n");
    let mut placeholders = Vec::new();
    for p in params {
        if let Some(var) = &p.variable {
            let note = match p.source {
                ValueSource::Placeholder => {
                    placeholders.push(var.clone());
                    "  # placeholder: set this before running"
                }
                ValueSource::Default => "  # default",
                ValueSource::Given => "",
            };
            s.push_str(&format!("{var}={}{note}\n", shell::quote(&p.value)));
        }
    }
    if !placeholders.is_empty() {
        s.push_str(&format!(
            "for var in {}; do\n  if [[ \"${{!var}}\" == '<'*'>' ]]; then echo \"Set $var before running this script.\" >&2; exit 1; fi\ndone\n",
            placeholders.join(" ")
        ));
    }
    for step in steps {
        s.push_str(&format!("\n# Step {}: {}\n", step.number, step.title));
        for line in wrap(&step.purpose, 90) {
            s.push_str(&format!("# {line}\n"));
        }
        if step.destructive {
            s.push_str("# DESTRUCTIVE: this step blocks registry data or deletes something. Run it only on purpose.\n");
        }
        if let Some(c) = &step.citation {
            match &c.source_url {
                Some(url) => s.push_str(&format!("# See {} ({url})\n", c.uri)),
                None => s.push_str(&format!("# See {}\n", c.uri)),
            }
        }
        s.push_str(&step.command);
        s.push('\n');
    }
    s
}

fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.len() + word.len() + 1 > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}
