//! Setup scenarios read from knowledge docs: `<skill>/scenarios/<name>.md`.
//!
//! A scenario is data, so a fact fixed in the docs needs no Rust change, and a team
//! can add its own runbook in a `--knowledge` folder. The front matter declares the
//! parameters the scenario takes (with defaults and the condition under which each
//! applies), derived values, refusals, prerequisites and warnings. The body's
//! level-2 sections are the steps, in order: a purpose paragraph, an optional
//! `**When:**` condition, an optional `**Destructive:**` mark, an optional
//! `**For each:** LIST as VAR`, and one `az` line in a `bash` block. A step whose
//! command differs by case holds level-3 variants instead, each with its own
//! condition and command; the first variant that applies is taken. Every step cites
//! its own section. See `docs/knowledge-format.md` for the full format.
//!
//! A doc that breaks any rule is not served at all (a half-loaded runbook is worse
//! than none); each problem becomes a diagnostic naming the file and line.

use std::collections::HashSet;

use super::condition::Condition;
use super::front::{condition, declared, derived, notes, refusals};
use super::parameters::{self, Kind, Parameter};
use crate::azure::command::{self, Line};
use crate::knowledge::{Block, CodeBlock, Corpus, Diagnostic, Doc, front_matter};

/// A parameter a scenario takes.
#[derive(Debug, Clone)]
pub struct Declared {
    pub parameter: &'static Parameter,
    /// The value used when the caller gives none (a choice's default).
    pub default: Option<String>,
    /// Never becomes a placeholder: steps that need it run only when it is given.
    pub optional: bool,
    /// When the parameter applies; passing it otherwise is refused.
    pub when: Option<Condition>,
}

/// A value derived from others: the first rule whose condition holds gives it. An
/// UPPERCASE name stands for a script variable that commands refer to (an alias of a
/// parameter's or a capture's variable); a lowercase one is a value conditions test.
#[derive(Debug, Clone)]
pub struct Derived {
    pub name: String,
    pub rules: Vec<(String, Option<Condition>)>,
}

#[derive(Debug, Clone)]
pub struct Refusal {
    pub when: Condition,
    pub field: String,
    pub message: String,
}

/// A prerequisite or warning, shown when its condition holds.
#[derive(Debug, Clone)]
pub struct Note {
    pub text: String,
    pub when: Option<Condition>,
}

#[derive(Debug, Clone)]
pub struct StepSpec {
    pub title: String,
    pub when: Option<Condition>,
    pub purpose: String,
    /// Marks every variant destructive.
    pub destructive: bool,
    /// Repeats every variant (see [`Variant::for_each`]).
    pub for_each: Option<(&'static Parameter, String)>,
    pub variants: Vec<Variant>,
}

/// One way a step can run.
#[derive(Debug, Clone)]
pub struct Variant {
    /// The section it is written in, which the step cites.
    pub section: usize,
    pub when: Option<Condition>,
    /// Replaces the step's purpose when the variant says more.
    pub purpose: Option<String>,
    pub destructive: bool,
    /// Repeat the step for each item of a list parameter, the item in this variable.
    pub for_each: Option<(&'static Parameter, String)>,
    pub line: Line,
}

#[derive(Debug, Clone)]
pub struct Scenario {
    pub name: String,
    pub title: String,
    pub description: String,
    pub parameters: Vec<Declared>,
    pub derived: Vec<Derived>,
    pub refusals: Vec<Refusal>,
    pub prerequisites: Vec<Note>,
    pub warnings: Vec<Note>,
    pub steps: Vec<StepSpec>,
}

impl Scenario {
    pub fn declared(&self, name: &str) -> Option<&Declared> {
        self.parameters.iter().find(|d| d.parameter.name == name)
    }

    pub fn derived(&self, name: &str) -> Option<&Derived> {
        self.derived.iter().find(|d| d.name == name)
    }
}

/// Every scenario of a corpus. A later doc with the same name (a user's folder)
/// replaces an earlier one (the built-in knowledge).
#[derive(Debug, Clone, Default)]
pub struct ScenarioCatalog {
    pub scenarios: Vec<Scenario>,
    pub diagnostics: Vec<Diagnostic>,
}

impl ScenarioCatalog {
    pub fn from_corpus(corpus: &Corpus) -> ScenarioCatalog {
        let mut catalog = ScenarioCatalog::default();
        for (index, doc) in corpus.docs.iter().enumerate() {
            if !doc.is_scenario() {
                continue;
            }
            let mut problems = Vec::new();
            let scenario = parse(corpus, index, &mut problems);
            match scenario {
                Some(s) if problems.is_empty() => {
                    catalog.scenarios.retain(|o| o.name != s.name);
                    catalog.scenarios.push(s);
                }
                _ => {
                    for (line, message) in problems {
                        catalog.diagnostics.push(Diagnostic {
                            file: doc.origin.clone(),
                            line,
                            message: format!("scenario not served: {message}"),
                        });
                    }
                }
            }
        }
        catalog
    }

    pub fn get(&self, name: &str) -> Option<&Scenario> {
        self.scenarios.iter().find(|s| s.name == name)
    }
}

pub(super) type Problems = Vec<(Option<usize>, String)>;

fn parse(corpus: &Corpus, doc_index: usize, problems: &mut Problems) -> Option<Scenario> {
    let doc = &corpus.docs[doc_index];
    let name = doc
        .path
        .trim_start_matches("scenarios/")
        .trim_end_matches(".md")
        .to_string();
    if name.contains('/')
        || !name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
    {
        problems.push((
            None,
            format!("the file name {name:?} must be a lowercase snake_case scenario name"),
        ));
        return None;
    }
    let front = front_matter::mapping(&doc.text).unwrap_or_default();
    let mut scenario = Scenario {
        name,
        title: doc.title.clone(),
        description: doc.front.description.clone().unwrap_or_default(),
        parameters: declared(&front, problems),
        derived: derived(&front, problems),
        refusals: refusals(&front, problems),
        prerequisites: notes(&front, "prerequisites", problems),
        warnings: notes(&front, "warnings", problems),
        steps: Vec::new(),
    };
    scenario.steps = steps(corpus, doc, problems);
    if scenario.steps.is_empty() {
        problems.push((
            None,
            "it has no steps (level-2 sections with a bash command)".into(),
        ));
    }
    check_names(&scenario, corpus, problems);
    Some(scenario)
}

/// The labelled parts of one step or variant section.
struct Parts {
    when: Option<Condition>,
    purpose: Option<String>,
    destructive: bool,
    for_each: Option<(&'static Parameter, String)>,
    line: Option<Line>,
}

fn parts(blocks: &[Block], code: &[CodeBlock], at: usize, problems: &mut Problems) -> Parts {
    let mut out = Parts {
        when: None,
        purpose: None,
        destructive: false,
        for_each: None,
        line: None,
    };
    let mut purpose: Vec<&str> = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph {
                label: Some(label),
                text,
            } => match label.to_lowercase().as_str() {
                "when" => out.when = condition(text, problems),
                "destructive" => out.destructive = true,
                "for each" => out.for_each = for_each(text, at, problems),
                other => problems.push((
                    Some(at),
                    format!(
                        "unknown label **{other}:**; steps know When, Destructive and For each"
                    ),
                )),
            },
            Block::Paragraph { label: None, text } => purpose.push(text),
            Block::ListItem { .. } => {}
            Block::Code(i) => {
                let Some(code) = code.get(*i) else { continue };
                if !matches!(code.lang.as_str(), "bash" | "sh" | "shell") {
                    continue;
                }
                let lines = command::lines_of(&code.code);
                if lines.len() != 1 || out.line.is_some() {
                    problems.push((Some(at), "a step holds exactly one command line".into()));
                }
                for l in lines {
                    match Line::parse(&l) {
                        Ok(line) => out.line = Some(line),
                        Err(e) => problems.push((Some(at), format!("command refused ({e}): {l}"))),
                    }
                }
            }
        }
    }
    if !purpose.is_empty() {
        out.purpose = Some(purpose.join(" "));
    }
    out
}

fn for_each(
    text: &str,
    at: usize,
    problems: &mut Problems,
) -> Option<(&'static Parameter, String)> {
    let parsed = text.split_once(" as ").and_then(|(list, var)| {
        let p = parameters::parameter(list.trim())?;
        let var = var.trim();
        let is_variable = var
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
            && var.starts_with(|c: char| c.is_ascii_uppercase());
        (matches!(p.kind, Kind::IpRanges) && is_variable).then(|| (p, var.to_string()))
    });
    if parsed.is_none() {
        problems.push((
            Some(at),
            format!("**For each:** {text:?} must be 'LIST_PARAMETER as VARIABLE'"),
        ));
    }
    parsed
}

fn steps(corpus: &Corpus, doc: &Doc, problems: &mut Problems) -> Vec<StepSpec> {
    let mut steps: Vec<StepSpec> = Vec::new();
    for index in doc.sections.clone() {
        let section = &corpus.sections[index];
        let at = section.lines.0;
        match section.level {
            2 => {
                let p = parts(&corpus.parts(index).blocks, &section.code, at, problems);
                let mut step = StepSpec {
                    title: section.title().to_string(),
                    when: p.when,
                    purpose: p.purpose.unwrap_or_default(),
                    destructive: false,
                    for_each: None,
                    variants: Vec::new(),
                };
                step.destructive = p.destructive;
                step.for_each = p.for_each;
                if let Some(line) = p.line {
                    step.variants.push(Variant {
                        section: index,
                        when: None,
                        purpose: None,
                        destructive: p.destructive,
                        for_each: step.for_each.clone(),
                        line,
                    });
                }
                if step.purpose.is_empty() {
                    problems.push((
                        Some(at),
                        format!(
                            "step {:?} needs a paragraph saying why it is there",
                            step.title
                        ),
                    ));
                }
                steps.push(step);
            }
            3 => {
                let p = parts(&corpus.parts(index).blocks, &section.code, at, problems);
                let Some(step) = steps.last_mut() else {
                    problems.push((
                        Some(at),
                        "a variant (level 3) must sit under a step (level 2)".into(),
                    ));
                    continue;
                };
                if step
                    .variants
                    .first()
                    .is_some_and(|v| v.when.is_none() && corpus.sections[v.section].level == 2)
                {
                    problems.push((
                        Some(at),
                        format!(
                            "step {:?} has a command of its own, so it cannot have variants",
                            step.title
                        ),
                    ));
                }
                match p.line {
                    Some(line) => step.variants.push(Variant {
                        section: index,
                        when: p.when,
                        purpose: p.purpose,
                        destructive: step.destructive || p.destructive,
                        for_each: p.for_each.or_else(|| step.for_each.clone()),
                        line,
                    }),
                    None => problems.push((Some(at), "a variant holds one command".into())),
                }
            }
            _ => {}
        }
    }
    for step in &steps {
        if step.variants.is_empty() {
            problems.push((None, format!("step {:?} has no command", step.title)));
        }
    }
    steps
}

/// Every name a condition, derived value or command uses must be known to the
/// scenario, so a typo fails at load time, not in a user's script.
fn check_names(s: &Scenario, corpus: &Corpus, problems: &mut Problems) {
    let declared: HashSet<&str> = s.parameters.iter().map(|d| d.parameter.name).collect();
    let values: HashSet<&str> = s
        .derived
        .iter()
        .filter(|d| d.name.chars().all(|c| !c.is_ascii_uppercase()))
        .map(|d| d.name.as_str())
        .chain(declared.iter().copied())
        .collect();
    let mut conditions: Vec<&Condition> = Vec::new();
    conditions.extend(s.parameters.iter().filter_map(|d| d.when.as_ref()));
    conditions.extend(
        s.derived
            .iter()
            .flat_map(|d| d.rules.iter().filter_map(|r| r.1.as_ref())),
    );
    conditions.extend(s.refusals.iter().map(|r| &r.when));
    conditions.extend(
        s.prerequisites
            .iter()
            .chain(&s.warnings)
            .filter_map(|n| n.when.as_ref()),
    );
    for step in &s.steps {
        conditions.extend(step.when.as_ref());
        conditions.extend(step.variants.iter().filter_map(|v| v.when.as_ref()));
    }
    for c in conditions {
        for name in c.names() {
            if !values.contains(name) {
                problems.push((None, format!("condition '{c}' uses {name:?}, which the scenario neither declares nor derives")));
            }
        }
    }
    for r in &s.refusals {
        if !declared.contains(r.field.as_str()) {
            problems.push((
                None,
                format!("refuse: field {:?} is not a declared parameter", r.field),
            ));
        }
    }
    // Variables: declared parameters', derived aliases, and captures of earlier steps.
    let mut known: HashSet<String> = s
        .parameters
        .iter()
        .filter_map(|d| d.parameter.variable.map(str::to_string))
        .collect();
    for d in s
        .derived
        .iter()
        .filter(|d| d.name.chars().any(|c| c.is_ascii_uppercase()))
    {
        known.insert(d.name.clone());
    }
    for step in &s.steps {
        let mut sets = Vec::new();
        for v in &step.variants {
            let mut local = known.clone();
            if let Some((_, item)) = &v.for_each {
                local.insert(item.clone());
            }
            for var in v.line.variables() {
                if !local.contains(var) {
                    let at = corpus.sections[v.section].lines.0;
                    problems.push((Some(at), format!("${var} is neither a parameter's variable, a derived alias, nor captured by an earlier step")));
                }
            }
            sets.extend(v.line.sets().map(str::to_string));
        }
        known.extend(sets);
    }
    for d in s
        .derived
        .iter()
        .filter(|d| d.name.chars().any(|c| c.is_ascii_uppercase()))
    {
        for (value, _) in &d.rules {
            // An alias stands for a declared parameter's variable, or for a variable
            // a step captures under the alias (`TARGET_VAULT_ID=$(...)`).
            let undeclared =
                parameters::by_variable(value).is_some_and(|p| !declared.contains(p.name));
            let shaped = value.starts_with(|c: char| c.is_ascii_uppercase())
                && value
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_');
            if undeclared || !shaped {
                problems.push((
                    None,
                    format!(
                        "derive: {} names ${value}, which is no variable of the scenario",
                        d.name
                    ),
                ));
            }
        }
    }
}
