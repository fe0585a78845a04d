//! The loaded server state: knowledge, index and cases, and the three operations
//! every front end (MCP, CLI) calls. Built once at startup, then shared read-only.

use std::collections::HashMap;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use crate::error::{IndexError, InputError};
use crate::knowledge::{Citation, Corpus, LoadOptions};
use crate::search::answer::{self, Answer};
use crate::search::{Scope, SearchIndex};
use crate::setup::{self, CiteHint, SetupPlan, SetupRequest};
use crate::troubleshoot::{self, CaseCatalog, Diagnosis, TroubleshootRequest};

pub struct Engine {
    pub corpus: Corpus,
    pub index: SearchIndex,
    pub cases: CaseCatalog,
    /// How long loading and indexing took, for `doctor`.
    pub load_time: Duration,
    pub index_time: Duration,
    /// Citations for setup steps, resolved on first use: they depend only on the
    /// knowledge, which does not change while the engine lives.
    setup_citations: OnceLock<HashMap<CiteHint, Option<Citation>>>,
}

impl Engine {
    pub fn load(options: &LoadOptions) -> Result<Engine, IndexError> {
        let start = Instant::now();
        let corpus = Corpus::load(options);
        let load_time = start.elapsed();
        Engine::from_corpus(corpus, load_time)
    }

    pub fn from_corpus(corpus: Corpus, load_time: Duration) -> Result<Engine, IndexError> {
        let start = Instant::now();
        let index = SearchIndex::build(&corpus)?;
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
        Engine {
            corpus,
            index,
            cases,
            load_time,
            index_time: index_time + start.elapsed(),
            setup_citations: OnceLock::new(),
        }
    }

    /// Every problem found while loading: files skipped and cases not usable.
    pub fn diagnostics(&self) -> impl Iterator<Item = &crate::knowledge::Diagnostic> {
        self.corpus
            .diagnostics
            .iter()
            .chain(&self.cases.diagnostics)
    }

    pub fn answer(
        &self,
        question: &str,
        max_results: Option<i64>,
        max_chars: Option<i64>,
    ) -> Result<Answer, InputError> {
        let question = answer::validate_question(question)?;
        let max = answer::validate_max_results(max_results)?;
        let chars = answer::validate_max_chars(max_chars)?;
        Ok(answer::answer(
            &self.corpus,
            &self.index,
            question,
            max,
            chars,
        ))
    }

    pub fn setup(&self, request: &SetupRequest) -> Result<SetupPlan, InputError> {
        let plan = setup::plan(request)?;
        let table = self.setup_citations.get_or_init(|| {
            all_cite_hints()
                .into_iter()
                .map(|hint| (hint, self.cite(hint)))
                .collect()
        });
        let mut plan = plan.render(&|hint| match table.get(&hint) {
            Some(c) => c.clone(),
            None => self.cite(hint),
        });
        plan.knowledge = self.corpus.version.clone();
        Ok(plan)
    }

    pub fn troubleshoot(&self, request: &TroubleshootRequest) -> Result<Diagnosis, InputError> {
        troubleshoot::diagnose(&self.corpus, &self.index, &self.cases, request)
    }

    /// The section that best backs a setup step: among reference sections whose code
    /// runs the step's command, the one whose text best matches its topic; without
    /// such a section, the best match for the topic anywhere.
    fn cite(&self, hint: CiteHint) -> Option<Citation> {
        let corpus = &self.corpus;
        let runs_command = |s: usize| {
            !hint.command.is_empty()
                && corpus.sections[s]
                    .code
                    .iter()
                    .any(|c| c.code.contains(&format!("{} ", hint.command)))
        };
        // The command already narrows the candidates; its words (create, show) would only
        // pull in sections that happen to re-run it for another purpose.
        let analyzed = self.index.analyze(hint.topic);
        let best = |scope: Scope, keep: &dyn Fn(usize) -> bool| {
            self.index
                .search_analyzed(&analyzed, 1, scope, keep)
                .first()
                .map(|h| h.section)
        };
        best(Scope::Reference, &runs_command)
            .or_else(|| best(Scope::Reference, &|_| true))
            .or_else(|| best(Scope::All, &|_| true))
            .map(|s| corpus.citation(s))
    }
}

/// The citation hints of every scenario, found by planning each with no parameters
/// plus the variants that add steps.
fn all_cite_hints() -> Vec<CiteHint> {
    use setup::{KeyVaultNetwork, PermissionModel, Recover, Scenario};
    let mut hints = Vec::new();
    for scenario in Scenario::ALL {
        for model in [PermissionModel::Rbac, PermissionModel::AccessPolicy] {
            let request = SetupRequest {
                scenario: Some(scenario),
                permission_model: Some(model),
                key_rotation_interval: matches!(scenario, Scenario::CreateRegistry)
                    .then(|| "P90D".to_string()),
                key_vault_network: matches!(scenario, Scenario::CreateRegistry)
                    .then_some(KeyVaultNetwork::Restricted),
                allowed_ip_ranges: matches!(
                    scenario,
                    Scenario::CreateRegistry | Scenario::KeyVaultFirewall
                )
                .then(|| vec!["203.0.113.0/24".to_string()]),
                recover: matches!(scenario, Scenario::RestoreAccess).then_some(Recover::Key),
                delete_key: matches!(scenario, Scenario::RevokeAccess).then_some(true),
                ..SetupRequest::default()
            };
            if let Ok(plan) = setup::plan(&request) {
                hints.extend(plan.cite_hints());
            }
        }
    }
    hints.sort_by_key(|h| (h.command, h.topic));
    hints.dedup();
    hints
}
