//! Troubleshooting cases, parsed from the knowledge's Markdown.
//!
//! A case is a level-2 section of a `kind: troubleshooting` doc with labelled parts
//! (`**Symptoms:**`, `**Errors:**`, `**Cause:**`, `**Diagnose:**`, `**Fix:**`); see
//! `docs/knowledge-format.md`. A user's skill docs add cases the same way.

use aho_corasick::AhoCorasick;

use crate::azure::command::{self, Line};
use crate::knowledge::{Block, CodeBlock, Corpus, Diagnostic};
use crate::request;

/// One part of a fix: a step to take, or a command to run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FixPart {
    Step(String),
    Command(Line),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Case {
    /// The case heading's anchor; stable as long as the title is.
    pub id: String,
    /// Index into [`Corpus::sections`].
    pub section: usize,
    pub title: String,
    pub symptoms: Vec<String>,
    /// Exact error fragments, lowercased and with white space collapsed.
    pub errors: Vec<String>,
    pub cause: String,
    pub diagnose: Vec<Line>,
    pub fix: Vec<FixPart>,
}

/// All cases of a corpus and the general checklist.
#[derive(Debug, Clone, Default)]
pub struct CaseCatalog {
    pub cases: Vec<Case>,
    /// Commands of the general diagnostic checklist, shown when no case fits.
    pub checklist: Vec<Line>,
    /// The checklist's section, for its citation.
    pub checklist_section: Option<usize>,
    /// Cases that could not be used, and why.
    pub diagnostics: Vec<Diagnostic>,
    /// Every case's error fragments, each with the index of its case, so that the
    /// cases a text pastes from are found in one pass however many cases there are.
    error_finder: Option<(AhoCorasick, Vec<usize>)>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Part {
    None,
    Symptoms,
    Errors,
    Cause,
    Diagnose,
    Fix,
}

/// An error fragment at least this long is distinctive enough to decide a match on
/// its own; shorter ones (`403`, `Forbidden`) only add weight.
const DISTINCTIVE_FRAGMENT_CHARS: usize = 12;

/// Whether an error fragment decides a match on its own.
pub fn is_distinctive(fragment: &str) -> bool {
    fragment.chars().count() >= DISTINCTIVE_FRAGMENT_CHARS
}

impl Case {
    /// The case's error fragments found in `normalized` (a text put through
    /// [`normalize_error`]).
    pub fn errors_in<'a>(&'a self, normalized: &'a str) -> impl Iterator<Item = &'a String> {
        self.errors
            .iter()
            .filter(|e| normalized.contains(e.as_str()))
    }
}

impl CaseCatalog {
    /// The index of the case told by `section`, if it is one.
    pub fn index_at(&self, section: usize) -> Option<usize> {
        // Cases are collected in corpus order, so their sections ascend.
        self.cases
            .binary_search_by_key(&section, |c| c.section)
            .ok()
    }

    /// The sections of the cases whose distinctive error fragments `text` pastes, in
    /// corpus order.
    pub fn pasted_in(&self, text: &str) -> Vec<usize> {
        let normalized = normalize_error(text);
        self.cases_pasted_in(&normalized)
            .into_iter()
            .map(|i| &self.cases[i])
            .filter(|case| case.errors_in(&normalized).any(|e| is_distinctive(e)))
            .map(|case| case.section)
            .collect()
    }

    /// The indexes of the cases at least one of whose error fragments `normalized` (a
    /// text put through [`normalize_error`]) holds, in order: the only cases whose
    /// [`Case::errors_in`] is worth asking.
    pub fn cases_pasted_in(&self, normalized: &str) -> Vec<usize> {
        let Some((finder, owners)) = &self.error_finder else {
            return (0..self.cases.len()).collect();
        };
        let mut cases: Vec<usize> = finder
            .find_overlapping_iter(normalized)
            .map(|m| owners[m.pattern().as_usize()])
            .collect();
        cases.sort_unstable();
        cases.dedup();
        cases
    }

    pub fn from_corpus(corpus: &Corpus) -> CaseCatalog {
        let mut catalog = CaseCatalog::default();
        for doc in corpus.docs.iter().filter(|d| d.is_troubleshooting()) {
            for index in doc.sections.clone() {
                let section = &corpus.sections[index];
                if doc.front.checklist.as_deref() == Some(section.anchor.as_str()) {
                    catalog.checklist = section
                        .code
                        .iter()
                        .flat_map(|c| command::lines_of(&c.code))
                        .filter_map(|l| Line::parse(&l).ok())
                        .collect();
                    catalog.checklist_section = Some(index);
                    continue;
                }
                if section.level != 2 {
                    continue;
                }
                match parse_case(&corpus.parts(index).blocks, &section.code) {
                    Parsed::NotACase => {}
                    Parsed::Incomplete(missing) => catalog.diagnostics.push(Diagnostic {
                        file: doc.origin.clone(),
                        line: Some(section.lines.0),
                        message: format!(
                            "troubleshooting case '{}' lacks {}; it is not used as a case",
                            section.title(),
                            missing
                        ),
                    }),
                    Parsed::Case(mut case, rejected) => {
                        for (line, why) in rejected {
                            catalog.diagnostics.push(Diagnostic {
                                file: doc.origin.clone(),
                                line: Some(section.lines.0),
                                message: format!(
                                    "case '{}': command dropped ({why}): {line}",
                                    section.title()
                                ),
                            });
                        }
                        case.id = section.anchor.clone();
                        case.section = index;
                        case.title = section.title().to_string();
                        catalog.cases.push(case);
                    }
                }
            }
        }
        // Docs and their sections are appended to the corpus in the same order.
        debug_assert!(catalog.cases.is_sorted_by_key(|c| c.section));
        let (patterns, owners): (Vec<&str>, Vec<usize>) = catalog
            .cases
            .iter()
            .enumerate()
            .flat_map(|(i, case)| case.errors.iter().map(move |e| (e.as_str(), i)))
            .unzip();
        // Building fails only past limits no knowledge comes near; every case is then
        // asked in turn.
        catalog.error_finder = AhoCorasick::new(&patterns).ok().map(|f| (f, owners));
        catalog
    }
}

enum Parsed {
    NotACase,
    Incomplete(&'static str),
    Case(Case, Vec<(String, String)>),
}

fn parse_case(blocks: &[Block], code: &[CodeBlock]) -> Parsed {
    let mut part = Part::None;
    let mut saw_label = false;
    let mut case = Case {
        id: String::new(),
        section: 0,
        title: String::new(),
        symptoms: Vec::new(),
        errors: Vec::new(),
        cause: String::new(),
        diagnose: Vec::new(),
        fix: Vec::new(),
    };
    let mut rejected = Vec::new();
    for block in blocks {
        match block {
            Block::Paragraph {
                label: Some(label),
                text,
            } => {
                let next = match label.to_lowercase().as_str() {
                    "symptoms" | "symptom" => Part::Symptoms,
                    "errors" | "error" | "error text" => Part::Errors,
                    "cause" => Part::Cause,
                    "diagnose" | "diagnosis" => Part::Diagnose,
                    "fix" | "fixes" | "resolution" => Part::Fix,
                    _ => {
                        // Some other bold lead-in: ordinary text of the current part.
                        push_text(&mut case, part, &format!("{label}: {text}"));
                        continue;
                    }
                };
                saw_label = true;
                part = next;
                if !text.is_empty() {
                    push_text(&mut case, part, text);
                }
            }
            Block::Paragraph { label: None, text } => push_text(&mut case, part, text),
            Block::ListItem {
                text, code_spans, ..
            } => match part {
                Part::Symptoms => case.symptoms.push(text.clone()),
                Part::Errors if !code_spans.is_empty() => case.errors.extend(
                    code_spans
                        .iter()
                        .map(|s| normalize_error(s))
                        .filter(|s| !s.is_empty()),
                ),
                Part::Errors => case.errors.push(normalize_error(text)),
                _ => push_text(&mut case, part, text),
            },
            Block::Code(i) => {
                let Some(code) = code.get(*i) else { continue };
                for text in command::lines_of(&code.code) {
                    match (part, Line::parse(&text)) {
                        (_, Err(why)) => rejected.push((text, why)),
                        (Part::Diagnose, Ok(line)) => case.diagnose.push(line),
                        (Part::Fix, Ok(line)) => case.fix.push(FixPart::Command(line)),
                        _ => {}
                    }
                }
            }
        }
    }
    if !saw_label {
        return Parsed::NotACase;
    }
    if case.symptoms.is_empty() {
        return Parsed::Incomplete("a **Symptoms:** list");
    }
    if case.cause.is_empty() {
        return Parsed::Incomplete("a **Cause:** paragraph");
    }
    if case.fix.is_empty() {
        return Parsed::Incomplete("**Fix:** steps");
    }
    Parsed::Case(case, rejected)
}

fn push_text(case: &mut Case, part: Part, text: &str) {
    if text.is_empty() {
        return;
    }
    match part {
        Part::Symptoms => case.symptoms.push(text.to_string()),
        Part::Errors => case.errors.push(normalize_error(text)),
        Part::Cause => {
            if !case.cause.is_empty() {
                case.cause.push(' ');
            }
            case.cause.push_str(text);
        }
        Part::Fix => case.fix.push(FixPart::Step(text.to_string())),
        Part::None | Part::Diagnose => {}
    }
}

/// Lowercase, with typeset punctuation read as typed ([`request::plain_punctuation`],
/// the same reading a pasted symptom gets), backticks as quotes and white space
/// collapsed, so a fragment matches however a terminal or portal rendered it.
pub fn normalize_error(text: &str) -> String {
    request::plain_punctuation(text)
        .replace('`', "'")
        .to_lowercase()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "---\nname: t\ndescription: d\nsources: [https://x]\nkind: troubleshooting\nchecklist: general-checklist\n---\n# T\n\n## Identity removal fails\n\n**Symptoms:**\n- removing the identity fails\n\n**Errors:**\n- `Does not have access to identity`\n\n**Cause:** The identity is in use.\nMore cause.\n\n**Diagnose:**\n```bash\naz acr encryption show --name \"$REGISTRY_NAME\"\naz acr show --name x; rm -rf /\n```\n\n**Fix:**\n1. Re-assign it.\n```bash\naz acr identity assign --name \"$REGISTRY_NAME\" \\\n  --identities \"$IDENTITY_NAME\"\n```\n\n## Broken case\n\n**Symptoms:**\n- x\n\n## Plain section\ntext\n\n## General checklist\n```bash\naz acr encryption show --name \"$REGISTRY_NAME\"\n```\n";

    #[test]
    fn parses_cases_checklist_and_rejects() {
        let corpus = Corpus::from_texts([("s", "references/troubleshooting.md", DOC)]);
        let cat = CaseCatalog::from_corpus(&corpus);
        assert_eq!(cat.cases.len(), 1, "{:#?}", cat.diagnostics);
        let c = &cat.cases[0];
        assert_eq!(c.id, "identity-removal-fails");
        assert_eq!(c.errors, ["does not have access to identity"]);
        assert_eq!(c.cause, "The identity is in use. More cause.");
        let diagnose: Vec<String> = c.diagnose.iter().map(Line::render).collect();
        assert_eq!(
            diagnose,
            ["az acr encryption show --name \"$REGISTRY_NAME\""]
        );
        assert_eq!(c.fix.len(), 2);
        assert_eq!(c.fix[0], FixPart::Step("Re-assign it.".into()));
        match &c.fix[1] {
            FixPart::Command(l) => assert_eq!(
                l.render(),
                "az acr identity assign --name \"$REGISTRY_NAME\" --identities \"$IDENTITY_NAME\""
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(cat.checklist.len(), 1);
        let msgs: Vec<_> = cat.diagnostics.iter().map(|d| d.message.clone()).collect();
        assert!(msgs.iter().any(|m| m.contains("unquoted ';'")), "{msgs:#?}");
        assert!(
            msgs.iter()
                .any(|m| m.contains("'Broken case' lacks a **Cause:**")),
            "{msgs:#?}"
        );
    }
}
