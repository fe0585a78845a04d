//! How a question was read and judged: its sentences and their roles, the concepts
//! scored with their weights, the ranking with each hit's coverage, and the verdict.
//!
//! For authors of skill docs and for whoever tunes the ranking (`ask --explain`):
//! it runs the same analysis, search and [`answer::judge`] that an answer runs, so
//! what it reports is what decided the answer. Figures are rounded to three decimals.

use serde::Serialize;

use super::answer::{self, ANSWER_SECTIONS};
use super::query::{self, Origin, Role, idf};
use super::{Scope, SearchIndex};
use crate::knowledge::Corpus;

/// The reading of one question.
#[derive(Debug, Clone, Serialize)]
pub struct Explanation {
    /// The question's sentences and pasted blocks as they are read (`hsm-hemlock`
    /// as `mhsm-hemlock`: a Managed HSM), each with its role: `ask`, `context` or
    /// `pasted`.
    pub segments: Vec<ExplainedSegment>,
    /// What the question asks for beyond its words: `procedure`, `yes_no`,
    /// `duration`, `problem`, and `about_the_whole` for a question about the
    /// knowledge's subject itself (answered from the skill's introduction).
    pub intent: Vec<&'static str>,
    /// The concepts scored, most informative first.
    pub concepts: Vec<ExplainedConcept>,
    /// Asking words left out: real words one slip from a word of the corpus
    /// ("reset" by "rest"), which typo correction leaves alone.
    pub left_out: Vec<String>,
    /// Share of the question's information in words the corpus has never seen.
    #[serde(serialize_with = "crate::round::serialize")]
    pub unknown_share: f32,
    /// About a subject the knowledge says it leaves out.
    pub out_of_scope: bool,
    /// The sentences that ask are, taken alone, mostly words the corpus has never
    /// seen (two or more): about something else, whatever the story names. Looked at
    /// only when the question is not out of scope already.
    pub asks_unknown: bool,
    /// The asking sentence the answer was drawn from, when no section covers the
    /// whole question but one covers that sentence.
    pub core_ask: Option<String>,
    /// Answered from the troubleshooting case whose error text the question pastes.
    pub pasted_error: bool,
    /// Answered from the question's story read as asked: nothing else made it
    /// confident, but so read it covers the section it ranks first.
    pub story: bool,
    pub confident: bool,
    /// The sections one of whose asked lines holds the question whole, when its
    /// concepts are all common ([`SearchIndex::asked_whole`]): they gain a share of
    /// the IDF of such sections.
    pub asked_whole: Vec<String>,
    /// The best sections, best first.
    pub hits: Vec<ExplainedHit>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedSegment {
    pub role: &'static str,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedConcept {
    /// The stems it is found by in prose (alternatives of a synonym group joined by
    /// ` | `), and after `code:` the whole tokens looked for in code blocks.
    pub found_by: String,
    /// `word`, `synonyms`, `code`, `correction` or `pair`.
    pub origin: &'static str,
    /// 1 where the question asks, less where it only tells context.
    #[serde(serialize_with = "crate::round::serialize")]
    pub weight: f32,
    /// Sections holding it, as the term statistics estimate before scoring.
    pub estimated_df: u32,
    /// The information it carries (floored IDF), which coverage sums.
    #[serde(serialize_with = "crate::round::serialize")]
    pub idf: f32,
    /// Whether it counts towards coverage: asked, and not a pair.
    pub counts_for_coverage: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExplainedHit {
    /// `doc#anchor`.
    pub section: String,
    #[serde(serialize_with = "crate::round::serialize")]
    pub score: f32,
    /// IDF-weighted share of the asked concepts the section holds itself.
    #[serde(serialize_with = "crate::round::serialize")]
    pub coverage: f32,
    /// One of the sections an answer is drawn from, whose coverage can make it
    /// confident.
    pub answers: bool,
}

/// Explains how `question` is read and judged, with the `limit` best hits
/// (`pasted_cases` as for [`answer::answer`]).
pub fn explain(
    corpus: &Corpus,
    index: &SearchIndex,
    question: &str,
    limit: usize,
    pasted_cases: &dyn Fn() -> Vec<usize>,
) -> Explanation {
    let analyzed = index.analyze(question);
    let hits = index.search_analyzed(&analyzed, limit.max(ANSWER_SECTIONS), Scope::All);
    let judgement = answer::judge(index, question, &analyzed, &hits, pasted_cases);
    let n = index.answerable as f32;
    let intent = analyzed.intent;
    Explanation {
        segments: query::segments(&index.read_question(question))
            .into_iter()
            .map(|(role, text)| ExplainedSegment {
                role: match role {
                    Role::Ask => "ask",
                    Role::Context => "context",
                    Role::Pasted => "pasted",
                },
                text,
            })
            .collect(),
        intent: [
            (intent.procedure, "procedure"),
            (intent.yes_no, "yes_no"),
            (intent.duration, "duration"),
            (intent.problem, "problem"),
            (analyzed.about_the_whole, "about_the_whole"),
        ]
        .into_iter()
        .filter_map(|(on, name)| on.then_some(name))
        .collect(),
        concepts: analyzed
            .concepts
            .iter()
            .map(|c| {
                let mut found_by = c
                    .phrases
                    .iter()
                    .map(|p| {
                        p.iter()
                            .map(|(s, _)| s.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    })
                    .collect::<Vec<_>>()
                    .join(" | ");
                if !c.code.is_empty() {
                    found_by.push_str(&format!(" code: {}", c.code.join(" ")));
                }
                ExplainedConcept {
                    found_by,
                    origin: match c.origin {
                        Origin::Word => "word",
                        Origin::Synonyms => "synonyms",
                        Origin::Code => "code",
                        Origin::Command => "command",
                        Origin::Name => "name",
                        Origin::Correction => "correction",
                        Origin::Pair => "pair",
                    },
                    weight: c.weight,
                    estimated_df: c.estimated_df,
                    idf: idf(n, c.estimated_df as f32),
                    counts_for_coverage: c.counts_for_coverage(),
                }
            })
            .collect(),
        left_out: analyzed.left_out.clone(),
        unknown_share: judgement.unknown_share,
        out_of_scope: judgement.out_of_scope,
        asks_unknown: judgement.asks_unknown,
        core_ask: judgement.core.as_ref().map(|(text, _)| text.clone()),
        pasted_error: judgement.pasted_case.is_some(),
        story: judgement.story.is_some(),
        confident: judgement.confident(),
        asked_whole: index
            .asked_whole(&analyzed)
            .into_iter()
            .map(|d| {
                let section = &corpus.sections[d as usize];
                format!("{}#{}", corpus.docs[section.doc].id(), section.anchor)
            })
            .collect(),
        hits: hits
            .iter()
            .take(limit)
            .enumerate()
            .map(|(rank, h)| {
                let section = &corpus.sections[h.section];
                ExplainedHit {
                    section: format!("{}#{}", corpus.docs[section.doc].id(), section.anchor),
                    score: h.score,
                    coverage: h.coverage,
                    answers: rank < ANSWER_SECTIONS,
                }
            })
            .collect(),
    }
}
