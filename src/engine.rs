//! The loaded server state and the operations every front end calls: answer a
//! question, plan a setup, diagnose a problem, read a doc or section, list skills.
//! Built once, then shared read-only; its parts stay private so that MCP, the CLI
//! and the tests all go through the same calls.

use std::time::{Duration, Instant};

use crate::error::{IndexError, InputError};
use crate::knowledge::{Citation, Corpus, Diagnostic, Doc, KnowledgeVersion, LoadOptions, Section};
use crate::request::{self, AnswerRequest};
use crate::search::answer::{self, Answer};
use crate::search::explain::{self, Explanation};
use crate::search::{SearchIndex, Tuning};
use crate::setup::{self, ScenarioCatalog, SetupPlan, SetupRequest};
use crate::troubleshoot::{self, CaseCatalog, Diagnosis, TroubleshootRequest};

pub struct Engine {
    corpus: Corpus,
    index: SearchIndex,
    cases: CaseCatalog,
    scenarios: ScenarioCatalog,
    load_time: Duration,
    index_time: Duration,
}

/// What a `skill://` URI names.
pub enum Resource<'a> {
    /// The skills catalog.
    Catalog(Vec<SkillSummary>),
    Doc(&'a Doc),
    Section {
        /// The section's Markdown with its heading, to read on its own.
        markdown: String,
        citation: Citation,
    },
}

/// One skill served: Agent Skills' first level of progressive disclosure.
#[derive(Debug, Clone, serde::Serialize, schemars::JsonSchema)]
pub struct SkillSummary {
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Its SKILL.md (or first doc) resource.
    pub uri: String,
    /// Where it was loaded from: `builtin`, or the name of the knowledge folder.
    pub origin: String,
    pub docs: usize,
}

/// What is loaded, for `doctor`.
#[derive(Debug, Clone)]
pub struct Summary {
    pub version: KnowledgeVersion,
    pub skills: Vec<SkillSummary>,
    pub docs: usize,
    pub sections: usize,
    pub cases: usize,
    pub scenarios: Vec<String>,
    pub synonym_groups: usize,
    pub load_time: Duration,
    pub index_time: Duration,
    pub diagnostics: Vec<String>,
}

/// The URI of the skills catalog (a skill's name has no dot, so it cannot collide).
pub const CATALOG_URI: &str = "skill://catalog.json";

impl Engine {
    pub fn load(options: &LoadOptions) -> Result<Engine, IndexError> {
        let start = Instant::now();
        let corpus = Corpus::load(options);
        let load_time = start.elapsed();
        Engine::from_corpus(corpus, load_time)
    }

    pub fn from_corpus(mut corpus: Corpus, load_time: Duration) -> Result<Engine, IndexError> {
        let start = Instant::now();
        let prose = corpus.take_index_prose();
        let index = SearchIndex::build_with(&corpus, prose)?;
        Ok(Engine::from_index(
            corpus,
            index,
            load_time,
            start.elapsed(),
        ))
    }

    /// An engine over a corpus and its index, built or read from a cache.
    pub fn from_index(
        corpus: Corpus,
        index: SearchIndex,
        load_time: Duration,
        index_time: Duration,
    ) -> Engine {
        let start = Instant::now();
        let cases = CaseCatalog::from_corpus(&corpus);
        let scenarios = ScenarioCatalog::from_corpus(&corpus);
        Engine {
            corpus,
            index,
            cases,
            scenarios,
            load_time,
            index_time: index_time + start.elapsed(),
        }
    }

    /// The same engine ranking with other techniques switched on or off (evaluation).
    pub fn with_tuning(mut self, tuning: Tuning) -> Engine {
        self.index.tuning = tuning;
        self
    }

    pub fn tuning(&self) -> Tuning {
        self.index.tuning
    }

    pub fn version(&self) -> &KnowledgeVersion {
        &self.corpus.version
    }

    /// The knowledge, read-only: for listing resources, linting and tests.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    pub fn cases(&self) -> &CaseCatalog {
        &self.cases
    }

    /// Every problem found while loading: files skipped, cases and scenarios not used.
    pub fn diagnostics(&self) -> impl Iterator<Item = &Diagnostic> {
        self.corpus
            .diagnostics
            .iter()
            .chain(&self.cases.diagnostics)
            .chain(&self.scenarios.diagnostics)
    }

    /// The scenarios served, as (name, title), in the order they were loaded.
    pub fn scenarios(&self) -> Vec<(String, String)> {
        self.scenarios
            .scenarios
            .iter()
            .map(|s| (s.name.clone(), s.title.clone()))
            .collect()
    }

    /// The scenario called `name`, for `--help` and prompts.
    pub fn scenario(&self, name: &str) -> Option<&setup::Scenario> {
        self.scenarios.get(name)
    }

    pub fn answer(&self, request: &AnswerRequest) -> Result<Answer, InputError> {
        let question = request::text("question", &request.question, answer::MAX_QUESTION_CHARS)?;
        let max = answer::validate_max_results(request.max_results)?;
        let chars = answer::validate_max_chars(request.max_chars)?;
        Ok(answer::answer(
            &self.corpus,
            &self.index,
            &question,
            max,
            chars,
            &|| self.cases.pasted_in(&question),
        ))
    }

    /// How `question` is read and judged, with `max_results` hits (see
    /// [`crate::search::explain`]).
    pub fn explain(&self, request: &AnswerRequest) -> Result<Explanation, InputError> {
        let question = request::text("question", &request.question, answer::MAX_QUESTION_CHARS)?;
        let max = answer::validate_max_results(request.max_results)?;
        Ok(explain::explain(
            &self.corpus,
            &self.index,
            &question,
            max,
            &|| self.cases.pasted_in(&question),
        ))
    }

    pub fn setup(&self, request: &SetupRequest) -> Result<SetupPlan, InputError> {
        setup::plan(&self.corpus, &self.scenarios, request)
    }

    pub fn troubleshoot(&self, request: &TroubleshootRequest) -> Result<Diagnosis, InputError> {
        troubleshoot::diagnose(&self.corpus, &self.index, &self.cases, request)
    }

    /// What `uri` names among the loaded knowledge. URIs are looked up, never turned
    /// into paths, so `..`, `file://` and anything else unknown is simply not found.
    pub fn read(&self, uri: &str) -> Option<Resource<'_>> {
        if uri == CATALOG_URI {
            return Some(Resource::Catalog(self.skills()));
        }
        let rest = uri.strip_prefix("skill://")?;
        match rest.split_once('#') {
            None => self.corpus.find_doc(rest).map(Resource::Doc),
            Some((doc, anchor)) => {
                let index = self.corpus.find_section_index(doc, anchor)?;
                Some(Resource::Section {
                    markdown: section_markdown(&self.corpus, &self.corpus.sections[index]),
                    citation: self.corpus.citation(index),
                })
            }
        }
    }

    /// The sections of `doc`.
    pub fn sections_of(&self, doc: &Doc) -> &[Section] {
        &self.corpus.sections[doc.sections.clone()]
    }

    pub fn skills(&self) -> Vec<SkillSummary> {
        // Each skill's doc count and home doc (its SKILL.md, else its first doc), in
        // one pass over the docs: a search of every doc per skill is quadratic, and a
        // tree of 20,000 one-doc skills took a second per catalog read.
        let mut by_skill: std::collections::HashMap<&str, (usize, &Doc)> =
            std::collections::HashMap::new();
        for d in &self.corpus.docs {
            let entry = by_skill.entry(d.skill.as_str()).or_insert((0, d));
            entry.0 += 1;
            if d.path == "SKILL.md" && entry.1.path != "SKILL.md" {
                entry.1 = d;
            }
        }
        self.corpus
            .skills
            .iter()
            .map(|s| {
                let (docs, home) = by_skill
                    .get(s.name.as_str())
                    .map_or((0, String::new()), |(n, d)| (*n, d.uri()));
                SkillSummary {
                    name: s.name.clone(),
                    description: s.description.clone(),
                    uri: home,
                    origin: s.origin_name(),
                    docs,
                }
            })
            .collect()
    }

    pub fn summary(&self) -> Summary {
        Summary {
            version: self.corpus.version.clone(),
            skills: self.skills(),
            docs: self.corpus.docs.len(),
            sections: self.corpus.sections.len(),
            cases: self.cases.cases.len(),
            scenarios: self
                .scenarios
                .scenarios
                .iter()
                .map(|s| s.name.clone())
                .collect(),
            synonym_groups: self.corpus.synonyms.len(),
            load_time: self.load_time,
            index_time: self.index_time,
            diagnostics: self.diagnostics().map(ToString::to_string).collect(),
        }
    }

    /// Checks the loaded docs the way `acr-cmk-mcp lint` reports them (see
    /// [`crate::lint`] for what `checks` adds).
    pub fn lint(
        &self,
        checks: crate::lint::Checks,
    ) -> Result<Vec<crate::lint::Finding>, crate::lint::LintError> {
        crate::lint::lint(&self.corpus, &self.cases, &self.scenarios, checks)
    }
}

/// A section as Markdown with its heading, for reading on its own.
pub fn section_markdown(corpus: &Corpus, section: &Section) -> String {
    let hashes = "#".repeat(usize::from(section.level.clamp(1, 6)));
    format!(
        "{hashes} {}\n\n{}\n",
        section.title(),
        corpus.markdown(section)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An engine whose sections' parts were not kept (as over a large knowledge tree)
    /// answers and diagnoses byte for byte as one that kept them.
    #[test]
    fn parts_parsed_again_answer_as_parts_kept() {
        let read = || Corpus::read_sources(&LoadOptions::default());
        let engine = |keep| {
            let corpus = Corpus::from_sources_keeping_parts(read(), keep);
            Engine::from_corpus(corpus, Duration::ZERO).unwrap()
        };
        let (kept, lean) = (engine(true), engine(false));
        let questions: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../eval/questions.json")).unwrap();
        let mut compared = 0;
        for q in &questions {
            let text = q["question"].as_str().unwrap().to_string();
            let ask = AnswerRequest {
                question: text.clone(),
                max_results: Some(5),
                max_chars: None,
            };
            let answers = [&kept, &lean].map(|e| serde_json::to_string(&e.answer(&ask).unwrap()));
            assert_eq!(
                answers[0].as_ref().unwrap(),
                answers[1].as_ref().unwrap(),
                "{text}"
            );
            let diagnose = TroubleshootRequest {
                symptom: text.clone(),
                ..Default::default()
            };
            let diagnoses =
                [&kept, &lean].map(|e| serde_json::to_string(&e.troubleshoot(&diagnose).unwrap()));
            assert_eq!(
                diagnoses[0].as_ref().unwrap(),
                diagnoses[1].as_ref().unwrap(),
                "{text}"
            );
            compared += 1;
        }
        assert!(compared > 100, "{compared}");
    }
}
