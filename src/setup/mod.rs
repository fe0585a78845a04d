//! `get_setup_commands`: from a scenario and validated parameters to an ordered,
//! cited, shell-safe `az` script.
//!
//! Scenarios are knowledge docs ([`scenario`]), parameters and their rules one list
//! ([`parameters`]), and [`plan`] walks a scenario's steps for one request: it
//! refuses parameters the scenario does not take, evaluates each step's condition
//! ([`condition`]), fills the steps' commands from the script's variable block, and
//! renders the script. Values never enter command text: they sit single-quoted in
//! the variable block and commands refer to them as `"$VAR"`. Nothing here runs a
//! command or knows about MCP.

pub mod condition;
mod front;
pub mod parameters;
mod plan;
pub mod request;
pub mod scenario;
mod script;

use schemars::JsonSchema;
use serde::Serialize;

pub use plan::plan;
pub use request::SetupRequest;
pub use scenario::{Scenario, ScenarioCatalog};

use crate::knowledge::{Citation, KnowledgeVersion};

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
    /// for a pure shell assignment. For Rust callers; not sent (`command` is the line).
    #[serde(skip)]
    pub argv: Vec<String>,
    /// Variables this step sets from its output (omitted when none).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub captures: Vec<String>,
    /// True when the step blocks registry data or deletes something (omitted when
    /// false).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub destructive: bool,
    /// Index in the plan's `citations` of the scenario section the step is written in.
    pub cite: usize,
    /// That section's citation, for Rust callers; not sent (see `cite`).
    #[serde(skip)]
    pub citation: Citation,
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
    /// Every section the steps cite, once; they refer to it by index (`cite`).
    pub citations: Vec<Citation>,
    /// The whole sequence as a bash script, to review before running. Not part of the
    /// structured result, which holds the same as data: MCP sends the script as the
    /// text content, and the CLI prints it with `--script`.
    #[serde(skip)]
    pub script: String,
    /// Which knowledge the scenario and its citations come from.
    pub knowledge: KnowledgeVersion,
}
