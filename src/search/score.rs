//! BM25F over the sections' fields, computed in plain Rust from the index's postings.
//!
//! For each concept of the question and each section, the occurrences of the
//! concept's phrases in every field are weighted by the field and normalized by the
//! field's length, summed, and only then saturated (BM25F: a term counts by its
//! information, not by how many fields repeat it). The concept's weight is its
//! Robertson–Spärck Jones IDF over the sections that hold any of its phrases, so a
//! synonym group is one concept whose document frequency is that of the union, and a
//! concept found in most sections adds nothing. tantivy's own scorer cannot express
//! a union's IDF or field-level saturation, hence this loop over its postings.
//!
//! The question's intent adds one pseudo-concept, weighted the same way: a how-to
//! question prefers sections that hold a procedure (an `az` command), a yes/no
//! question the sections whose heading states a rule, a problem report the
//! troubleshooting cases, a "how long" question the sections that count time, each
//! by the IDF of that kind of section.
//!
//! In a large corpus the common words of a question are most of its postings, yet
//! they add little to any score. Once a concept has been scored in full, its document
//! frequency and its largest weighted occurrence count are kept ([`ConceptBounds`]),
//! so later questions know the most it can add to a section before reading it. Those
//! concepts are scored last, the largest bound first, and once the bounds of the
//! ones left fall short of the best few scores so far, only for the sections that
//! can still reach them (MaxScore, term at a time): the best few are the same, and
//! the other sections are neither written to nor have their positions read.

use foldhash::HashMap;
use std::cell::RefCell;
use std::collections::BinaryHeap;

use std::sync::{Arc, OnceLock, PoisonError, RwLock};
use tantivy::directory::FileSlice;
use tantivy::positions::PositionReader;
use tantivy::postings::{BlockSegmentPostings, Postings, SegmentPostings, TermInfo};

use tantivy::InvertedIndexReader;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, TERMINATED, Term};

use super::decoded::{DecodedPostings, TermPostings};
use super::query::{Analyzed, Concept, Intent, Origin, Phrase, idf, rank_idf};
use super::{Hit, Kind, Scope, SearchIndex};

/// BM25's term-frequency saturation: high, because sections are short and a
/// section that names a concept again and again is about it (chosen on the dev sets).
const K1: f32 = 3.0;

/// A scored field: its weight, its postings, and each section's length normalization,
/// opened and computed once when the index is built rather than on every question.
#[derive(Clone)]
pub(crate) struct FieldWeight {
    pub field: Field,
    /// Whether a match here counts as the section holding the concept (the doc field,
    /// shared by every section of a doc, does not).
    pub own: bool,
    /// `None` for an empty index.
    pub inverted: Option<Arc<InvertedIndexReader>>,
    /// Per section: `weight / (1 − b + b · length / average length)` with the field's
    /// weight and length normalization `b` (see `FIELDS`), BM25F's factor
    /// for one occurrence in this field; 0 for a section that is not answered from.
    pub per_occurrence: Vec<f32>,
    /// Where each multi-word synonym phrase stands in this field: (section, count),
    /// found once when the index is built. Nearly every question names a synonym
    /// group, and reading positions for its phrases was most of a question's time.
    pub phrase_matches: HashMap<Phrase, Vec<(u32, u32)>>,
    /// The field's postings as plain arrays, for a small corpus (see [`super::decoded`]).
    pub decoded: Option<Arc<DecodedPostings>>,
    /// The field's positions file, for a corpus that is not decoded ([`BlockCursor`]).
    pub positions: Option<FileSlice>,
}

impl FieldWeight {
    /// Finds every phrase of `phrases` of two stems or more in this field once, so
    /// questions look their matches up instead of reading positions.
    pub fn precompute_phrases<'a>(&mut self, phrases: impl IntoIterator<Item = &'a Phrase>) {
        let mut s = Scratch::default();
        for phrase in phrases {
            if phrase.len() < 2 || self.phrase_matches.contains_key(phrase) {
                continue;
            }
            let mut matches = Vec::new();
            each_phrase_match(self, phrase, &mut s, |_, doc, count| {
                matches.push((doc, count));
            });
            self.phrase_matches.insert(phrase.clone(), matches);
        }
    }

    /// Whether the field holds `token` anywhere.
    pub fn holds(&self, token: &str) -> bool {
        self.inverted.as_ref().is_some_and(|inv| {
            inv.doc_freq(&Term::from_field_text(self.field, token))
                .is_ok_and(|n| n > 0)
        })
    }
}

/// From this many answerable sections on, common words are pruned ([`ConceptBounds`]).
/// Below it a question touches too few sections for pruning to pay, and the scores
/// are summed in the question's own concept order.
pub(crate) const PRUNE_FROM_SECTIONS: usize = 2_000;

/// How many concepts' bounds are kept: some 5 MB at most.
const MAX_CONCEPT_BOUNDS: usize = 65_536;

/// Pruning is for a caller that wants the best few (of the references, for a
/// diagnosis, which wants every case as well).
const PRUNE_MAX_LIMIT: usize = 100;

/// What a search must find exactly: pruning may skip any section that cannot be part
/// of it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Wanted {
    /// The best `n` hits.
    Best(usize),
    /// Every troubleshooting case that matches, and the best `references` reference
    /// sections whose coverage is `min_coverage` or more (a diagnosis).
    CasesAndReferences {
        references: usize,
        min_coverage: f32,
    },
}

impl Wanted {
    /// How many hits the ranking holds.
    fn limit(self) -> usize {
        match self {
            Wanted::Best(n) => n,
            Wanted::CasesAndReferences { .. } => usize::MAX,
        }
    }

    /// How many of the best hits pruning must keep exact: all of them, or a
    /// diagnosis's references.
    fn few(self) -> usize {
        match self {
            Wanted::Best(n) => n,
            Wanted::CasesAndReferences { references, .. } => references,
        }
    }

    /// Whether every troubleshooting case is wanted besides the best few.
    fn keeps_cases(self) -> bool {
        matches!(self, Wanted::CasesAndReferences { .. })
    }

    /// Whether the best few it asks for are few enough to prune for.
    fn prunable(self) -> bool {
        (1..=PRUNE_MAX_LIMIT).contains(&self.few())
    }
}

/// What scoring a concept in full has shown about it, kept for later questions: the
/// sections that hold it in their own fields (its document frequency, known before
/// its postings are read) and its largest weighted occurrence count in one section
/// (so the most it can add to any score). Filled as concepts are met: a large corpus
/// does not pay for its whole vocabulary at startup.
#[derive(Default)]
pub(crate) struct ConceptBounds {
    concepts: RwLock<HashMap<String, ConceptBound>>,
    /// The own document frequency of the "how long" pseudo-concept.
    duration_df: OnceLock<u32>,
}

#[derive(Clone, Copy)]
struct ConceptBound {
    df: u32,
    max_tf: f32,
}

/// What a concept is found by (its phrases, a pair's window and its code tokens),
/// whatever the question's wording weighs it.
fn concept_key(concept: &Concept) -> String {
    use std::fmt::Write;
    let mut key = format!("{}", concept.window);
    for phrase in concept.phrases.iter() {
        key.push('|');
        for (stem, offset) in phrase {
            let _ = write!(key, " {stem}@{offset}");
        }
    }
    for token in &concept.code {
        key.push_str("|`");
        key.push_str(token);
    }
    key
}

impl ConceptBounds {
    /// Keeps what the full pass of `concept` just found (its sums still in `s`), if
    /// it is not known yet: a search that is not pruned (one led by the skill's
    /// introduction, or wanting more than the best hundred) meets known ones.
    fn learn(&self, concept: &Concept, df: u32, s: &Scratch) {
        let key = concept_key(concept);
        let known = |c: &HashMap<String, ConceptBound>| c.contains_key(&key);
        if known(&self.concepts.read().unwrap_or_else(PoisonError::into_inner)) {
            return;
        }
        let max_tf = s
            .touched
            .iter()
            .map(|&d| s.slots[d as usize].tf)
            .fold(0.0, f32::max);
        let mut concepts = self
            .concepts
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        // A server asked endless distinct questions must not grow without end; what
        // is known by then covers the common words, which are what pruning is for.
        if concepts.len() < MAX_CONCEPT_BOUNDS {
            concepts.insert(key, ConceptBound { df, max_tf });
        }
    }
}

/// The intent pseudo-concepts a question asks for, as (asked, section flag).
fn intent_flags(intent: Intent) -> [(bool, u8); 3] {
    [
        (intent.procedure, PROCEDURE),
        (intent.problem, CASE),
        (intent.yes_no && !intent.problem, RULE),
    ]
}

/// Adds a concept's saturated occurrences, at `rank_weight` (its rank IDF), to each
/// section it touched, and clears their per-concept sums. Returns the information
/// it adds to the question's whole (0 if coverage does not count it).
fn fold_concept(concept: &Concept, rank_weight: f32, df: u32, n: f32, s: &mut Scratch) -> f32 {
    let information = information(concept, df, n);
    // Where the question only tells context, its concepts count less.
    let weight = rank_weight * concept.weight;
    for &d in &s.touched {
        let slot = &mut s.slots[d as usize];
        let tf = slot.tf;
        if weight > 0.0 {
            if slot.score == 0.0 {
                s.scored.push(d);
            }
            slot.score += weight * tf * (K1 + 1.0) / (tf + K1);
            if slot.own {
                slot.covered += information;
            }
        }
        slot.tf = 0.0;
        slot.own = false;
    }
    information
}

/// What [`fold_concept`] adds to the question's whole for `concept` (and to the
/// coverage of each section holding it), known before its postings are read.
fn information(concept: &Concept, df: u32, n: f32) -> f32 {
    // A pair is evidence of how the words stand, not a part of the question to cover.
    if concept.counts_for_coverage() {
        idf(n, df as f32) * concept.weight
    } else {
        0.0
    }
}

/// BM25's saturation of a weighted occurrence count, for a concept's bound.
/// [`fold_concept`] writes it inline after the weight, `weight * tf * (K1 + 1) /
/// (tf + K1)`: scores are rounded in that order, and have been since the ranking was
/// tuned; the pruning margin absorbs the difference.
fn saturate(tf: f32) -> f32 {
    tf * (K1 + 1.0) / (tf + K1)
}

/// Best first: the higher score, then the earlier section, so ties are reproducible.
pub(crate) fn by_rank(a: &Hit, b: &Hit) -> std::cmp::Ordering {
    b.score.total_cmp(&a.score).then(a.section.cmp(&b.section))
}

/// A hit ordered by [`by_rank`], so a max-heap's top is the worst it holds.
struct Ranked(Hit);

impl PartialEq for Ranked {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other).is_eq()
    }
}

impl Eq for Ranked {}

impl PartialOrd for Ranked {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Ranked {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        by_rank(&self.0, &other.0)
    }
}

/// What one synonym group's phrases add to each section they stand in, summed the
/// first time a question names the group and read back by every later one: nearly
/// every question names a group or two ("registry", "customer-managed key"), each
/// found in most sections by several phrases over five fields, and adding those
/// occurrences up again was a third of a question's scoring. Kept for a corpus that is
/// not pruned, whose sections are few; indexed by whether the `asked` field is
/// scored (`Tuning::asked`, switched by `eval --ablate`).
#[derive(Default)]
pub(crate) struct GroupSums([OnceLock<Box<[GroupSum]>>; 2]);

/// A section's weighted occurrences of a group, as [`add`] sums them.
struct GroupSum {
    section: u32,
    tf: f32,
    own: bool,
}

/// Per-thread buffers, sized to the corpus, reused across questions.
#[derive(Default)]
struct Scratch {
    /// Per section. One record, so a posting costs one cache line however many of
    /// the section's sums it updates: at 10,000 docs a concept touches most sections,
    /// in no order the cache can follow.
    slots: Vec<Slot>,
    touched: Vec<u32>,
    scored: Vec<u32>,
    /// The ranked hits before they are copied out: every admitted one when all are
    /// wanted (a diagnosis: tens of thousands in a large corpus, so the buffer is
    /// kept), else the best few.
    hits: Vec<Hit>,
    positions: Vec<Vec<u32>>,
    /// While pruning: one bit per section that can still reach the best few.
    candidates: Vec<u64>,
    /// Whether postings update only the `candidates`.
    pruning: bool,
    /// The best few's least final scores so far, best first: the threshold is the
    /// last.
    floor: Vec<f32>,
    /// Per field, where each stem's list starts, as the term dictionary told it for
    /// this question: a stem is looked up once, though its word, its synonym group
    /// and every pair it is a side of ask for it again. Decoded postings are found by
    /// their text instead; this serves a field too large to decode, and a phrase of
    /// several stems that was not found when the index was built.
    term_infos: Vec<HashMap<String, Option<TermInfo>>>,
    /// How many questions this thread has pruned, for the tests.
    #[cfg(test)]
    pruned: usize,
}

impl Scratch {
    fn is_candidate(&self, d: usize) -> bool {
        self.candidates[d / 64] & (1 << (d % 64)) != 0
    }

    /// The first candidate at or past `from`, or [`TERMINATED`].
    fn next_candidate(&self, from: u32) -> u32 {
        let from = from as usize;
        let Some(&first) = self.candidates.get(from / 64) else {
            return TERMINATED;
        };
        let mut bits = first & (!0u64 << (from % 64));
        let mut word = from / 64;
        loop {
            if bits != 0 {
                return (word * 64) as u32 + bits.trailing_zeros();
            }
            word += 1;
            match self.candidates.get(word) {
                Some(&next) => bits = next,
                None => return TERMINATED,
            }
        }
    }

    /// Where `stem`'s list in `f` starts, if `f` holds it.
    fn term_info(&mut self, f: &FieldWeight, stem: &str) -> Option<TermInfo> {
        let inverted = f.inverted.as_ref()?;
        let field = f.field.field_id() as usize;
        if self.term_infos.len() <= field {
            self.term_infos.resize_with(field + 1, HashMap::default);
        }
        let memo = &mut self.term_infos[field];
        if let Some(info) = memo.get(stem) {
            return info.clone();
        }
        // A text field's term is its text's bytes: no `Term` to build.
        let info = inverted.terms().get(stem.as_bytes()).ok().flatten();
        memo.insert(stem.to_string(), info.clone());
        info
    }
}

/// One section's sums while a question is scored.
#[derive(Clone, Copy, Default)]
struct Slot {
    score: f32,
    covered: f32,
    /// The current concept's weighted occurrences.
    tf: f32,
    /// Whether the current concept stands in the section's own fields.
    own: bool,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl SearchIndex {
    /// Every section in `scope` that matches, scored, best first; ties go to the
    /// earlier section. A question about the subject as a whole has the best skill
    /// introduction first ([`Analyzed::about_the_whole`]): its own concepts tell no
    /// section apart, so the scores alone would lead with whatever holds its one
    /// other word.
    pub(crate) fn score(&self, analyzed: &Analyzed, scope: Scope, limit: usize) -> Vec<Hit> {
        self.score_where(
            analyzed,
            scope,
            Wanted::Best(limit),
            analyzed.about_the_whole,
            &|_| true,
        )
    }

    /// [`SearchIndex::score`] of the hits `keep` admits: the others are dropped
    /// before the ranking is sorted, which in a large corpus is most of them. `keep`
    /// runs while this thread's scoring buffers are borrowed, so it must not search;
    /// and since a large corpus prunes a search for the best few against scores `keep`
    /// has not seen, it must admit every hit that `wanted` does not itself rule out.
    /// With `intro_first`, the best skill introduction found leads, whatever its score.
    /// A diagnosis's hits are left unsorted ([`Wanted::CasesAndReferences`]).
    pub(crate) fn score_where(
        &self,
        analyzed: &Analyzed,
        scope: Scope,
        wanted: Wanted,
        intro_first: bool,
        keep: &dyn Fn(&Hit) -> bool,
    ) -> Vec<Hit> {
        let n = self.answerable as f32;
        let limit = wanted.limit();
        let prune = self.prune && wanted.prunable() && !intro_first;
        // A pseudo-concept like the intent's: the sections that have an asked line
        // holding a question of common words whole.
        let asked_whole = match wanted {
            Wanted::Best(_) => self.asked_whole(analyzed),
            Wanted::CasesAndReferences { .. } => Vec::new(),
        };
        let asked_whole_weight = if asked_whole.is_empty() {
            0.0
        } else {
            super::asked::WEIGHT * rank_idf(n, asked_whole.len() as f32)
        };
        SCRATCH.with(|scratch| {
            let mut s = scratch.borrow_mut();
            let s = &mut *s;
            s.slots.clear();
            s.slots.resize(self.kinds.len(), Slot::default());
            s.scored.clear();
            s.pruning = false;
            for memo in &mut s.term_infos {
                memo.clear();
            }
            let mut total = 0.0;
            // Each concept's IDF, for pairs to be weighed against their words.
            let mut weights: Vec<(&Concept, f32)> = Vec::with_capacity(analyzed.concepts.len());
            // The concepts whose bounds are known: scored last, the largest bound
            // first, each as (concept, IDF, own document frequency, the most it adds
            // to a section's score).
            let mut tail: Vec<(&Concept, f32, u32, f32)> = Vec::new();
            let known: Vec<Option<ConceptBound>> = if prune {
                let known = self
                    .concept_bounds
                    .concepts
                    .read()
                    .unwrap_or_else(PoisonError::into_inner);
                analyzed
                    .concepts
                    .iter()
                    .map(|c| known.get(&concept_key(c)).copied())
                    .collect()
            } else {
                vec![None; analyzed.concepts.len()]
            };
            // Words and synonym groups first, then pairs, which are weighed against
            // them.
            let with_bounds = || analyzed.concepts.iter().zip(&known);
            let words = with_bounds().filter(|(c, _)| c.origin != Origin::Pair);
            let pairs = with_bounds().filter(|(c, _)| c.origin == Origin::Pair);
            for (concept, bound) in words.chain(pairs) {
                let df = match bound {
                    Some(b) => b.df,
                    None => {
                        s.touched.clear();
                        self.accumulate(concept, s);
                        let df = s
                            .touched
                            .iter()
                            .filter(|&&d| s.slots[d as usize].own)
                            .count() as u32;
                        if self.prune {
                            self.concept_bounds.learn(concept, df, s);
                        }
                        df
                    }
                };
                let mut weight = rank_idf(n, df as f32);
                if concept.origin == Origin::Pair {
                    // A pair adds only what it tells beyond its words: "rotation
                    // policy" much, "security team" (two rare words anyway) nothing.
                    let parts = concept.phrases[0]
                        .iter()
                        .map(|(stem, _)| {
                            weights
                                .iter()
                                .filter(|(c, _)| {
                                    c.phrases.iter().any(|p| p.iter().any(|(s2, _)| s2 == stem))
                                })
                                .map(|(_, w)| *w)
                                .fold(0.0, f32::max)
                        })
                        .fold(0.0, f32::max);
                    weight = (weight - parts).max(0.0);
                }
                weights.push((concept, weight));
                match bound {
                    Some(b) => tail.push((
                        concept,
                        weight,
                        df,
                        weight * concept.weight * saturate(b.max_tf),
                    )),
                    None => total += fold_concept(concept, weight, df, n, s),
                }
            }
            if !tail.is_empty() {
                tail.sort_by(|a, b| b.3.total_cmp(&a.3));
                // What the rest of the question can still add to a section: the tail's
                // bounds from each concept on, and the pseudo-concepts (the intent's, and
                // an asked line holding the question whole).
                let intent = self.intent_bound(analyzed, n) + asked_whole_weight;
                let mut rest: Vec<f32> = vec![intent; tail.len() + 1];
                for i in (0..tail.len()).rev() {
                    rest[i] = rest[i + 1] + tail[i].3;
                }
                // The best score so far: the best few's least is no higher, so
                // pruning cannot start while `rest` is not below it.
                let mut top = s
                    .scored
                    .iter()
                    .map(|&d| s.slots[d as usize].score)
                    .fold(0.0, f32::max);
                // The question's whole once every concept is in, summed in the order
                // the loop below sums it, so that a coverage known to reach a bar now
                // is known to reach it at the end.
                let whole = tail.iter().fold(total, |t, &(concept, _, df, _)| {
                    t + information(concept, df, n)
                });
                for (i, &(concept, weight, df, bound)) in tail.iter().enumerate() {
                    // Once pruning, the candidates narrow before each concept: the best
                    // few's least has risen and the rest's bounds have fallen.
                    if s.pruning || rest[i] < top {
                        self.narrow_candidates(analyzed, scope, wanted, rest[i], whole, s);
                    }
                    s.touched.clear();
                    if bound > 0.0 {
                        self.accumulate(concept, s);
                    }
                    total += fold_concept(concept, weight, df, n, s);
                    if !s.pruning {
                        top = s
                            .touched
                            .iter()
                            .map(|&d| s.slots[d as usize].score)
                            .fold(top, f32::max);
                    }
                }
            }
            if self.tuning.intent {
                let intent = analyzed.intent;
                for (asked, flag) in intent_flags(intent) {
                    if !asked {
                        continue;
                    }
                    let weight = rank_idf(n, self.flag_counts[usize::from(flag)] as f32);
                    for &d in &s.scored {
                        if self.flags[d as usize] & flag != 0 {
                            s.slots[d as usize].score += weight;
                        }
                    }
                }
                if intent.duration {
                    // Sections that count time ("within one hour", "90 days"), weighed
                    // like the other intents: by the IDF of such sections, once each,
                    // however often they count (a rotation policy's many periods do
                    // not make it the answer to "how long"). Only the sections the
                    // question's own concepts found.
                    // Its document frequency needs every section that counts time.
                    let pruning = std::mem::replace(&mut s.pruning, false);
                    s.touched.clear();
                    self.accumulate(&self.duration_units, s);
                    s.pruning = pruning;
                    let df = s
                        .touched
                        .iter()
                        .filter(|&&d| s.slots[d as usize].own)
                        .count();
                    let _ = self.concept_bounds.duration_df.set(df as u32);
                    let weight = rank_idf(n, df as f32);
                    for &d in &s.touched {
                        let slot = &mut s.slots[d as usize];
                        if slot.score > 0.0 && slot.own {
                            slot.score += weight;
                        }
                        slot.tf = 0.0;
                        slot.own = false;
                    }
                }
            }
            for &d in &asked_whole {
                let slot = &mut s.slots[d as usize];
                if slot.score > 0.0 {
                    slot.score += asked_whole_weight;
                }
            }
            let Scratch {
                slots,
                scored,
                hits,
                ..
            } = s;
            let mut best_intro: Option<Hit> = None;
            let candidates = scored
                .iter()
                .map(|&d| d as usize)
                .filter(|&d| scope.admits(self.kinds[d]))
                .map(|d| {
                    let slot = slots[d];
                    Hit {
                        section: d,
                        score: self.focused(slot.score, d, analyzed),
                        coverage: if total > 0.0 {
                            slot.covered / total
                        } else {
                            0.0
                        },
                    }
                })
                .filter(|h| keep(h))
                // Found in the same pass: a second one for it cost a large corpus
                // a tenth of a question's time.
                .inspect(|h| {
                    if intro_first
                        && self.skill_intro[h.section]
                        && best_intro.as_ref().is_none_or(|b| by_rank(h, b).is_lt())
                    {
                        best_intro = Some(h.clone());
                    }
                });
            hits.clear();
            if limit >= scored.len() {
                hits.extend(candidates);
            } else {
                // Tens of thousands of sections score in a large corpus and a handful
                // are wanted: the best so far are kept in a heap whose top is the
                // worst of them, rather than every hit written out and then cut.
                let mut best: BinaryHeap<Ranked> = BinaryHeap::with_capacity(limit + 1);
                for h in candidates {
                    if best.len() < limit {
                        best.push(Ranked(h));
                    } else if let Some(mut worst) = best.peek_mut()
                        && by_rank(&h, &worst.0).is_lt()
                    {
                        *worst = Ranked(h);
                    }
                }
                hits.extend(best.into_iter().map(|r| r.0));
            }
            // A diagnosis ranks its cases itself and sorts its few references
            // ([`SearchIndex::search_cases_and_references`]): thousands of cases match
            // in a large corpus.
            if !wanted.keeps_cases() {
                hits.sort_by(by_rank);
            }
            if let Some(intro) = best_intro {
                hits.retain(|h| h.section != intro.section);
                hits.insert(0, intro);
                hits.truncate(limit);
            }
            hits.clone()
        })
    }

    /// A section's score as ranked: lower when it is not squarely about the question.
    fn focused(&self, score: f32, d: usize, analyzed: &Analyzed) -> f32 {
        let intro = self.tuning.intro_demotion && self.off_focus[d];
        // Most questions name no such qualifier: then the section's bits are not read.
        let broader = analyzed.asked_qualifiers & self.diffuse_qualifiers;
        let qualifiers = self.tuning.qualifier_focus
            && (self.qualified[d] & !analyzed.qualifiers != 0
                || broader != 0 && broader & !self.qualified_with_title[d] != 0);
        if intro || qualifiers {
            score * OFF_FOCUS_FACTOR
        } else {
            score
        }
    }

    /// The most the intent's pseudo-concepts can add to a section's score; unbounded
    /// for a "how long" question until the sections counting time have been counted.
    fn intent_bound(&self, analyzed: &Analyzed, n: f32) -> f32 {
        if !self.tuning.intent {
            return 0.0;
        }
        let intent = analyzed.intent;
        let mut bound: f32 = intent_flags(intent)
            .into_iter()
            .filter(|(asked, _)| *asked)
            .map(|(_, flag)| rank_idf(n, self.flag_counts[usize::from(flag)] as f32))
            .sum();
        if intent.duration {
            bound += self
                .concept_bounds
                .duration_df
                .get()
                .map_or(f32::INFINITY, |&df| rank_idf(n, df as f32));
        }
        bound
    }

    /// Finds the least score of the best few so far and, if `rest` more cannot lift a
    /// section that has none to it, keeps as candidates the sections `rest` could:
    /// from then on postings update only them. Called again before each later
    /// concept, it narrows them. For a diagnosis the best few are
    /// reference sections whose coverage already reaches the bar against `whole`, the
    /// question's final whole (coverage only grows), and every troubleshooting case
    /// stays a candidate, scored or not.
    fn narrow_candidates(
        &self,
        analyzed: &Analyzed,
        scope: Scope,
        wanted: Wanted,
        rest: f32,
        whole: f32,
        s: &mut Scratch,
    ) {
        let Scratch {
            slots,
            scored,
            floor,
            candidates,
            pruning,
            ..
        } = s;
        let (few, cases) = (wanted.few(), wanted.keeps_cases());
        // Whether a section's final score counts toward the best few's least.
        let counted = |d: usize| match wanted {
            Wanted::Best(_) => true,
            Wanted::CasesAndReferences { min_coverage, .. } => {
                let coverage = if whole > 0.0 {
                    slots[d].covered / whole
                } else {
                    0.0
                };
                self.kinds[d] == Kind::Reference && coverage >= min_coverage
            }
        };
        // The best few's scores, best first. A section ranks by its focused score,
        // which is never above its own, so one whose own score is no better than the
        // least of a full set is passed over without being focused: in a large corpus
        // that is almost every section, and this pass runs before each concept while
        // pruning.
        floor.clear();
        for d in scored.iter().map(|&d| d as usize) {
            let own = slots[d].score;
            if floor.len() == few && own <= floor[few - 1] {
                continue;
            }
            if !scope.admits(self.kinds[d]) || !counted(d) {
                continue;
            }
            let score = self.focused(own, d, analyzed);
            if floor.len() == few {
                if score <= floor[few - 1] {
                    continue;
                }
                floor.pop();
            }
            let at = floor.partition_point(|&f| f >= score);
            floor.insert(at, score);
        }
        if floor.len() < few {
            return;
        }
        let threshold = floor[few - 1];
        if rest >= threshold {
            return;
        }
        // The candidates' sums are added in another order than `rest`, so they may
        // differ in their last bits: the margin keeps a section only rounding would
        // leave out.
        let bar = threshold * (1.0 - 1e-4);
        // A troubleshooting case, which a diagnosis keeps whatever its score.
        let case = |kind: Kind| cases && kind == Kind::Troubleshooting;
        let first = !*pruning;
        if first {
            candidates.clear();
            candidates.resize(slots.len().div_ceil(64), 0);
            if cases {
                let kinds = self.kinds.iter().enumerate();
                for (d, _) in kinds.filter(|&(_, &kind)| case(kind) && scope.admits(kind)) {
                    candidates[d / 64] |= 1 << (d % 64);
                }
            }
        }
        // By hand rather than `retain`, whose closure (not inlined) was a tenth of a
        // diagnosis in a large corpus: this runs over tens of thousands of sections.
        let mut kept = 0;
        for i in 0..scored.len() {
            let d = scored[i] as usize;
            let kind = self.kinds[d];
            // As above, a section's own score bounds its focused one from above.
            let reach = slots[d].score + rest;
            let keep = scope.admits(kind)
                && (case(kind)
                    || (!cases || kind == Kind::Reference)
                        && reach >= bar
                        && self.focused(reach, d, analyzed) >= bar);
            let bit = 1 << (d % 64);
            if keep {
                candidates[d / 64] |= bit;
                scored[kept] = d as u32;
                kept += 1;
            } else {
                candidates[d / 64] &= !bit;
            }
        }
        scored.truncate(kept);
        *pruning = true;
        #[cfg(test)]
        if first {
            s.pruned += 1;
        }
    }

    /// Adds the concept's weighted, length-normalized occurrences to each section's
    /// `tf`, marking the sections it touches and those that hold it themselves; while
    /// pruning, only the candidates'.
    fn accumulate(&self, concept: &Concept, s: &mut Scratch) {
        // Two copies of the loops, so that a question never pruned (every question
        // of a small corpus) does not test each posting for it.
        if s.pruning {
            self.accumulate_with(concept, s, |s, doc, f, freq| {
                if s.is_candidate(doc as usize) {
                    add(s, doc, f, freq);
                }
            });
        } else {
            self.accumulate_with(concept, s, add);
        }
    }

    fn accumulate_with(
        &self,
        concept: &Concept,
        s: &mut Scratch,
        add: impl Fn(&mut Scratch, u32, &FieldWeight, u32) + Copy,
    ) {
        if concept.origin == Origin::Pair {
            // A pair is any stem of its first side followed by any of its second:
            // each side's lists are opened once per field, not once per combination.
            let (mut firsts, mut seconds): (Vec<&str>, Vec<&str>) = (Vec::new(), Vec::new());
            for phrase in concept.phrases.iter() {
                if let [(a, _), (b, _)] = phrase.as_slice() {
                    if !firsts.contains(&a.as_str()) {
                        firsts.push(a);
                    }
                    if !seconds.contains(&b.as_str()) {
                        seconds.push(b);
                    }
                }
            }
            for f in &self.prose_fields {
                if !self.tuning.asked && f.field == self.asked_field {
                    continue;
                }
                each_pair_match(f, &firsts, &seconds, concept.window, s, |s, doc, freq| {
                    add(s, doc, f, freq)
                });
            }
        } else {
            // A group's sums are what its phrases add to sections no other concept
            // has touched yet, and are read back only onto such sections.
            let sums = concept
                .group
                .filter(|_| !self.prune && !s.pruning && s.touched.is_empty())
                .and_then(|g| self.group_sums.get(g))
                .map(|sums| &sums.0[usize::from(self.tuning.asked)]);
            if let Some(known) = sums.and_then(OnceLock::get) {
                for sum in known.iter() {
                    s.touched.push(sum.section);
                    let slot = &mut s.slots[sum.section as usize];
                    slot.tf = sum.tf;
                    slot.own = sum.own;
                }
            } else {
                for phrase in concept.phrases.iter() {
                    for f in &self.prose_fields {
                        if !self.tuning.asked && f.field == self.asked_field {
                            continue;
                        }
                        each_phrase_match(f, phrase, s, |s, doc, freq| add(s, doc, f, freq));
                    }
                }
                if let Some(sums) = sums {
                    let _ = sums.set(
                        s.touched
                            .iter()
                            .map(|&d| {
                                let slot = &s.slots[d as usize];
                                GroupSum {
                                    section: d,
                                    tf: slot.tf,
                                    own: slot.own,
                                }
                            })
                            .collect(),
                    );
                }
            }
        }
        if let Some(f) = &self.code_field {
            if matches!(concept.origin, Origin::Command | Origin::Name) {
                let phrase = super::tokenize::code_phrase(&concept.code);
                each_phrase_match(f, &phrase, s, |s, doc, freq| add(s, doc, f, freq));
            } else {
                for token in &concept.code {
                    each_phrase_match(f, &vec![(token.clone(), 0)], s, |s, doc, freq| {
                        add(s, doc, f, freq)
                    });
                }
            }
        }
    }
}

/// Calls `found(doc, count)` for each section whose `field` holds `phrase`: its
/// stems at their offsets.
fn each_phrase_match(
    f: &FieldWeight,
    phrase: &Phrase,
    s: &mut Scratch,
    mut found: impl FnMut(&mut Scratch, u32, u32),
) {
    if let Some(matches) = f.phrase_matches.get(phrase) {
        for &(doc, count) in matches {
            found(s, doc, count);
        }
        return;
    }
    let Some(inverted) = &f.inverted else {
        return;
    };
    if let [(stem, _)] = phrase.as_slice() {
        if let Some(decoded) = &f.decoded {
            if let Some(term) = decoded.term_of(stem) {
                for (i, &doc) in term.docs.iter().enumerate() {
                    found(s, doc, term.freq(i));
                }
            }
            return;
        }
        // A block at a time: a cursor over the postings (`SegmentPostings`) is a
        // kilobyte moved on every open, with a position reader this never reads.
        let Some(info) = s.term_info(f, stem) else {
            return;
        };
        let Ok(mut block) =
            inverted.read_block_postings_from_terminfo(&info, IndexRecordOption::WithFreqs)
        else {
            return;
        };
        while block.block_len() > 0 {
            for (&doc, &freq) in block.docs().iter().zip(block.freqs()) {
                found(s, doc, freq);
            }
            block.advance();
        }
        return;
    }
    let mut lists: Vec<(SegmentPostings, u32)> = Vec::with_capacity(phrase.len());
    for (stem, offset) in phrase {
        let postings = s.term_info(f, stem).and_then(|info| {
            inverted
                .read_postings_from_terminfo(&info, IndexRecordOption::WithFreqsAndPositions)
                .ok()
        });
        match postings {
            Some(p) => lists.push((p, *offset)),
            None => return,
        }
    }
    // Walk the rarest list and seek the others to each of its documents.
    lists.sort_by_key(|(p, _)| p.doc_freq());
    s.positions.resize(lists.len(), Vec::new());
    let mut doc = lists[0].0.doc();
    'docs: while doc != TERMINATED {
        if s.pruning && !s.is_candidate(doc as usize) {
            doc = lists[0].0.advance();
            continue;
        }
        for (p, _) in lists.iter_mut().skip(1) {
            // A list may already stand past `doc` (it moved the walk on before),
            // and postings only seek forward.
            let at = if p.doc() < doc { p.seek(doc) } else { p.doc() };
            if at != doc {
                if at == TERMINATED {
                    return;
                }
                doc = lists[0].0.seek(at);
                continue 'docs;
            }
        }
        for (i, (p, _)) in lists.iter_mut().enumerate() {
            s.positions[i].clear();
            p.positions(&mut s.positions[i]);
        }
        // A start position where every stem stands at its offset.
        let (first, offset0) = (&s.positions[0], lists[0].1);
        let count = first
            .iter()
            .filter(|&&p0| {
                let Some(start) = p0.checked_sub(offset0) else {
                    return false;
                };
                lists
                    .iter()
                    .enumerate()
                    .skip(1)
                    .all(|(i, (_, off))| s.positions[i].binary_search(&(start + off)).is_ok())
            })
            .count() as u32;
        if count > 0 {
            found(s, doc, count);
        }
        doc = lists[0].0.advance();
    }
}

/// Calls `found(doc, count)` for each section whose `field` holds one of `firsts`
/// followed, at most `window` positions later, by one of `seconds`; `count` is how
/// many of the first side's positions are so followed.
fn each_pair_match(
    f: &FieldWeight,
    firsts: &[&str],
    seconds: &[&str],
    window: u32,
    s: &mut Scratch,
    found: impl FnMut(&mut Scratch, u32, u32),
) {
    let Some(inverted) = &f.inverted else {
        return;
    };
    if let Some(decoded) = &f.decoded {
        let cursors = |stems: &[&str]| -> Vec<DecodedCursor<'_>> {
            (stems.iter())
                .filter_map(|stem| decoded.term_of(stem))
                .map(|term| DecodedCursor { term, at: 0 })
                .collect()
        };
        let (a, b) = (cursors(firsts), cursors(seconds));
        if !a.is_empty() && !b.is_empty() {
            walk_pairs(a, b, window, s, found);
        }
        return;
    }
    // Where each stem's list starts, from the term dictionary; lists are opened (their
    // first block decoded) only when both sides hold a stem in this field.
    let mut infos = |stems: &[&str]| -> Vec<TermInfo> {
        stems
            .iter()
            .filter_map(|stem| s.term_info(f, stem))
            .collect()
    };
    let (a, b) = (infos(firsts), infos(seconds));
    if a.is_empty() || b.is_empty() {
        return;
    }
    let Some(positions) = &f.positions else {
        return;
    };
    let open = |infos: Vec<TermInfo>| -> Vec<BlockCursor> {
        infos
            .iter()
            .filter_map(|info| BlockCursor::open(inverted, positions, info))
            .collect()
    };
    walk_pairs(open(a), open(b), window, s, found);
}

/// A list of one stem's sections with their positions, as a pair's walk reads it:
/// the index's compressed blocks ([`BlockCursor`]), or a small corpus's decoded
/// postings ([`DecodedCursor`]).
trait PositionCursor {
    /// The section it stands at, or [`TERMINATED`].
    fn section(&self) -> u32;
    /// Moves on to the first section at or past `target`, unless it stands there or
    /// past it already (postings only seek forward).
    fn seek_to(&mut self, target: u32);
    /// The positions in the section it stands at, ascending.
    fn positions(&mut self) -> &[u32];
}

/// A cursor over one stem's compressed postings that reads their blocks in order, and
/// a block's positions at once. Through tantivy's postings (`SegmentPostings`) each
/// section's positions are a read of their own, after a sum over the block's
/// frequencies up to it: in a large corpus two common words of a pair share thousands
/// of sections, most of them without the pair, and reading their positions so was a
/// quarter of an answer. In order, a block's positions start where the previous
/// block's end, and one read decodes them all; the price is that no block is skipped
/// unread, which costs little next to the positions.
struct BlockCursor {
    block: BlockSegmentPostings,
    /// The section it stands at, within the block.
    at: usize,
    /// Where the block's positions start in the term's.
    block_offset: u64,
    /// Where the section it stands at has its positions in the block's.
    in_block: usize,
    /// The block's positions, section after section; read when a section of the
    /// block first asks for them (every section has one, so empty means unread).
    block_positions: Vec<u32>,
    /// The last section (within the block) whose positions were asked for. A walk
    /// asks each section once at most, in order, so it is the one to keep from turning
    /// its gaps into positions twice; the sections after it hold gaps still.
    absolute: Option<usize>,
    positions: PositionReader,
}

impl BlockCursor {
    fn open(
        inverted: &InvertedIndexReader,
        positions: &FileSlice,
        info: &TermInfo,
    ) -> Option<Self> {
        let block = inverted
            .read_block_postings_from_terminfo(info, IndexRecordOption::WithFreqs)
            .ok()?;
        let bytes = positions
            .read_bytes_slice(info.positions_range.clone())
            .ok()?;
        Some(BlockCursor {
            block,
            at: 0,
            block_offset: 0,
            in_block: 0,
            block_positions: Vec::new(),
            absolute: None,
            positions: PositionReader::open(bytes).ok()?,
        })
    }
}

impl PositionCursor for BlockCursor {
    fn section(&self) -> u32 {
        self.block
            .docs()
            .get(self.at)
            .copied()
            .unwrap_or(TERMINATED)
    }
    fn seek_to(&mut self, target: u32) {
        loop {
            let (docs, freqs) = (self.block.docs(), self.block.freqs());
            let Some(&last) = docs.last() else {
                return;
            };
            if last < target {
                self.block_offset += u64::from(freqs.iter().sum::<u32>());
                self.block.advance();
                self.at = 0;
                self.in_block = 0;
                self.block_positions.clear();
                self.absolute = None;
                continue;
            }
            // Mostly the section it stands at or the next: a step or two.
            while docs[self.at] < target {
                self.in_block += freqs[self.at] as usize;
                self.at += 1;
            }
            return;
        }
    }
    fn positions(&mut self) -> &[u32] {
        let freqs = self.block.freqs();
        if self.block_positions.is_empty() {
            let all = freqs.iter().sum::<u32>() as usize;
            self.block_positions.resize(all, 0);
            self.positions
                .read(self.block_offset, &mut self.block_positions);
        }
        let section = &mut self.block_positions[self.in_block..][..freqs[self.at] as usize];
        // Stored as gaps from the one before, turned into positions where a section
        // asks for them: most of a block's are never asked for.
        if self.absolute != Some(self.at) {
            let mut position = 0;
            for p in section.iter_mut() {
                position += *p;
                *p = position;
            }
            self.absolute = Some(self.at);
        }
        section
    }
}

/// How many of the ascending `docs` are below `target`. A walk mostly asks a list
/// for the section it stands at or the next one: a gallop from the start finds that
/// in a compare or two, where a binary search over the rest takes its logarithm
/// every step.
fn gallop(docs: &[u32], target: u32) -> usize {
    if docs.first().is_none_or(|&d| d >= target) {
        return 0;
    }
    let mut bound = 1;
    while bound < docs.len() && docs[bound] < target {
        bound *= 2;
    }
    let (lo, hi) = (bound / 2, bound.min(docs.len()));
    lo + docs[lo..hi].partition_point(|&d| d < target)
}

/// A cursor over a term's decoded sections: an index into them.
struct DecodedCursor<'a> {
    term: TermPostings<'a>,
    at: usize,
}

impl PositionCursor for DecodedCursor<'_> {
    fn section(&self) -> u32 {
        self.term.docs.get(self.at).copied().unwrap_or(TERMINATED)
    }
    fn seek_to(&mut self, target: u32) {
        self.at += gallop(&self.term.docs[self.at..], target);
    }
    fn positions(&mut self) -> &[u32] {
        self.term.positions(self.at)
    }
}

/// The walk of [`each_pair_match`] over each side's open lists: every section where
/// both sides stand, with how many first-side positions a second-side one follows.
fn walk_pairs<C: PositionCursor>(
    mut a: Vec<C>,
    mut b: Vec<C>,
    window: u32,
    s: &mut Scratch,
    mut found: impl FnMut(&mut Scratch, u32, u32),
) {
    let least = |lists: &[C]| {
        lists
            .iter()
            .map(|p| p.section())
            .min()
            .unwrap_or(TERMINATED)
    };
    let seek = |lists: &mut [C], target: u32| {
        for p in lists.iter_mut() {
            p.seek_to(target);
        }
    };
    if s.positions.len() < 2 {
        s.positions.resize(2, Vec::new());
    }
    loop {
        let (da, db) = (least(&a), least(&b));
        if da == TERMINATED || db == TERMINATED {
            return;
        }
        let doc = da.max(db);
        // While pruning, both sides skip to the next candidate: in a large corpus two
        // common words share thousands of sections, few of them still candidates.
        if s.pruning && !s.is_candidate(doc as usize) {
            let next = s.next_candidate(doc + 1);
            if next == TERMINATED {
                return;
            }
            seek(&mut a, next);
            seek(&mut b, next);
            continue;
        }
        if da != db {
            seek(&mut a, doc);
            seek(&mut b, doc);
            continue;
        }
        let (first, second) = s.positions.split_at_mut(1);
        let count = followed_within(
            side_positions(&mut a, doc, &mut first[0]),
            side_positions(&mut b, doc, &mut second[0]),
            window,
        );
        if count > 0 {
            found(s, doc, count);
        }
        seek(&mut a, doc + 1);
        seek(&mut b, doc + 1);
    }
}

/// The positions of one side of a pair in `doc`, where every list of the side that
/// stands there holds its stem: a lone list's own, else all of them merged in `buffer`.
fn side_positions<'a, C: PositionCursor>(
    lists: &'a mut [C],
    doc: u32,
    buffer: &'a mut Vec<u32>,
) -> &'a [u32] {
    if let [only] = lists {
        return only.positions();
    }
    buffer.clear();
    for p in lists.iter_mut().filter(|p| p.section() == doc) {
        buffer.extend_from_slice(p.positions());
    }
    buffer.sort_unstable();
    buffer
}

/// How many of the positions `first` have one of `second` at most `window` after
/// them. Both ascend, so one walk finds each one's next `second`: a scan of `second`
/// per position would be quadratic: a 3 MB section repeating two words held every
/// question naming them for 6 s in a release build.
fn followed_within(first: &[u32], second: &[u32], window: u32) -> u32 {
    let mut next = 0;
    first
        .iter()
        .filter(|&&p| {
            while second.get(next).is_some_and(|&q| q <= p) {
                next += 1;
            }
            second.get(next).is_some_and(|&q| q - p <= window)
        })
        .count() as u32
}

fn add(s: &mut Scratch, doc: u32, f: &FieldWeight, freq: u32) {
    let d = doc as usize;
    // Zero for a scenario step: it neither scores nor counts in IDF.
    let per_occurrence = f.per_occurrence.get(d).copied().unwrap_or(0.0);
    if per_occurrence == 0.0 {
        return;
    }
    let slot = &mut s.slots[d];
    if slot.tf == 0.0 && !slot.own {
        s.touched.push(doc);
    }
    slot.tf += per_occurrence * freq as f32;
    if f.own {
        slot.own = true;
    }
}

/// A section holding an `az` command outside a troubleshooting case: a procedure.
pub(crate) const PROCEDURE: u8 = 1;
/// A troubleshooting case.
pub(crate) const CASE: u8 = 2;
/// A reference section whose heading states a rule: it settles a yes/no question.
pub(crate) const RULE: u8 = 4;

/// A section that is not squarely about the question is ranked below one of equal
/// score that is: a doc's title section (its level-1 heading and intro) summarises
/// the whole doc, so it matches many questions a little; a section whose headings
/// name a qualifier the question does not ("… in a Managed HSM", "… with Terraform")
/// answers a narrower question; and one whose headings and doc title miss a
/// qualifier the question asks about answers a broader one, when the qualifier is
/// named in so many sections that its mentions say nothing (since the October 2026
/// revision, most sections name Managed HSM in passing). A qualifier fewer sections
/// name ranks by its information like any concept: a question "in the portal" is
/// often answered by a section on its subject that has portal steps.
const OFF_FOCUS_FACTOR: f32 = 0.75;

#[cfg(test)]
mod tests {
    use super::{SCRATCH, followed_within};
    use crate::knowledge::{Corpus, LoadOptions};
    use crate::search::{Scope, SearchIndex};
    use proptest::prelude::*;

    /// Every question of the evaluation sets, as typed.
    fn eval_questions() -> Vec<String> {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("eval");
        let mut questions = Vec::new();
        for set in [
            "questions",
            "dev-long",
            "realuser",
            "natural",
            "blind24",
            "blind25",
        ] {
            let text = std::fs::read_to_string(dir.join(format!("{set}.json"))).unwrap();
            let set = crate::eval::load_questions(&text).unwrap();
            questions.extend(set.into_iter().map(|q| q.question));
        }
        questions
    }

    /// The built-in knowledge's index twice, the second forced to prune (it is too
    /// small to by default) and taught the bounds by a first pass of the eval
    /// questions, which come third.
    fn exact_and_pruned() -> (SearchIndex, SearchIndex, Vec<String>) {
        let corpus = Corpus::load(&LoadOptions::default());
        let exact = SearchIndex::build(&corpus).unwrap();
        let mut pruned = SearchIndex::build(&corpus).unwrap();
        pruned.prune = true;
        let questions = eval_questions();
        assert!(questions.len() > 250);
        for q in &questions {
            pruned.score(&pruned.analyze(q), Scope::All, usize::MAX);
        }
        (exact, pruned, questions)
    }

    /// The same sections in the same order, with the same scores and coverage but for
    /// the last bits of sums added in another order.
    fn assert_same_hits(got: &[crate::search::Hit], want: &[crate::search::Hit], what: &str) {
        let close = |a: f32, b: f32| (a - b).abs() <= 1e-5 * a.abs().max(b.abs()).max(1.0);
        let sections = |h: &[crate::search::Hit]| h.iter().map(|h| h.section).collect::<Vec<_>>();
        assert_eq!(sections(got), sections(want), "{what}");
        for (g, w) in got.iter().zip(want) {
            assert!(
                close(g.score, w.score),
                "{what}: {} against {}",
                g.score,
                w.score
            );
            let (gc, wc) = (g.coverage, w.coverage);
            assert!(close(gc, wc), "{what}: coverage {gc} against {wc}");
        }
    }

    /// The stems' places in the term dictionary, remembered while a question is
    /// scored, are of one index only: two indexes scored in turn on one thread each
    /// rank as they do on a thread that has scored nothing else.
    #[test]
    fn a_question_scored_after_another_index_ranks_as_on_its_own() {
        let builtin = Corpus::load(&LoadOptions::default());
        let big = SearchIndex::build(&builtin).unwrap();
        // The same stems, found at other places of another dictionary.
        let small = SearchIndex::build(&Corpus::from_texts([(
            "w",
            "SKILL.md",
            "# Rotate the key vault key\n\nRotate the key of the vault and the registry \
             identity access.\n\n## Purge protection of the vault\n\nThe vault keeps \
             deleted keys when purge protection is on.\n",
        )]))
        .unwrap();
        let questions = [
            "How do I rotate the customer-managed key?",
            "does the key vault need purge protection",
            "registry identity access to the vault key",
        ];
        let alone = std::thread::scope(|scope| {
            scope
                .spawn(|| {
                    questions
                        .iter()
                        .map(|q| small.score(&small.analyze(q), Scope::All, 5))
                        .collect::<Vec<_>>()
                })
                .join()
                .unwrap()
        });
        for (q, want) in questions.iter().zip(&alone) {
            big.score(&big.analyze(q), Scope::All, 5);
            let got = small.score(&small.analyze(q), Scope::All, 5);
            assert!(!got.is_empty(), "{q}");
            assert_same_hits(&got, want, q);
        }
    }

    /// A synonym group's sums, kept the first time a question names it, rank every eval
    /// question exactly as walking the group's phrases again does: the same sections,
    /// the same scores and coverage to the bit, with and without the `asked` field.
    #[test]
    fn a_synonym_groups_kept_sums_rank_as_its_phrases_walked() {
        let corpus = Corpus::load(&LoadOptions::default());
        let mut kept = SearchIndex::build(&corpus).unwrap();
        let mut walked = SearchIndex::build(&corpus).unwrap();
        walked.group_sums = Vec::new();
        let questions = eval_questions();
        for asked in [true, false] {
            kept.tuning.asked = asked;
            walked.tuning.asked = asked;
            for q in &questions {
                kept.score(&kept.analyze(q), Scope::All, usize::MAX);
            }
            let filled = kept
                .group_sums
                .iter()
                .filter(|g| g.0[usize::from(asked)].get().is_some())
                .count();
            assert!(filled > 10, "{filled} groups kept");
            for q in &questions {
                let bits = |hits: Vec<crate::search::Hit>| {
                    hits.iter()
                        .map(|h| (h.section, h.score.to_bits(), h.coverage.to_bits()))
                        .collect::<Vec<_>>()
                };
                let got = bits(kept.score(&kept.analyze(q), Scope::All, usize::MAX));
                let want = bits(walked.score(&walked.analyze(q), Scope::All, usize::MAX));
                assert_eq!(got, want, "{q}");
            }
        }
    }

    /// The built-in knowledge's postings, decoded once (see `search::decoded`), rank
    /// every eval question exactly as the index's compressed blocks do: the same
    /// sections, the same scores to the bit.
    #[test]
    fn decoded_postings_rank_as_the_index_blocks() {
        let corpus = Corpus::load(&LoadOptions::default());
        let decoded = SearchIndex::build(&corpus).unwrap();
        let mut read = SearchIndex::build(&corpus).unwrap();
        // What the decoded postings cost the built-in knowledge (BENCHMARKS.md).
        let bytes: usize = (read.prose_fields.iter().chain(&read.code_field))
            .filter_map(|f| f.decoded.as_ref())
            .map(|d| d.bytes())
            .sum();
        assert!(bytes < 1 << 20, "{bytes} bytes decoded");
        let fields = |index: &mut SearchIndex| {
            let mut all: Vec<&mut super::FieldWeight> = index.prose_fields.iter_mut().collect();
            all.extend(index.code_field.as_mut());
            all.into_iter()
                .map(|f| f.decoded.take().is_some())
                .collect::<Vec<_>>()
        };
        assert!(
            fields(&mut read).iter().all(|&d| d),
            "every field is decoded"
        );
        assert!(fields(&mut read).iter().all(|&d| !d));
        let mut pairs = 0;
        for q in eval_questions() {
            let analyzed = decoded.analyze(&q);
            pairs += analyzed
                .concepts
                .iter()
                .filter(|c| c.origin == super::Origin::Pair)
                .count();
            let want = read.score(&read.analyze(&q), Scope::All, usize::MAX);
            let got = decoded.score(&analyzed, Scope::All, usize::MAX);
            let bits = |h: &[crate::search::Hit]| {
                h.iter()
                    .map(|h| (h.section, h.score.to_bits(), h.coverage.to_bits()))
                    .collect::<Vec<_>>()
            };
            assert_eq!(bits(&got), bits(&want), "{q}");
        }
        assert!(pairs > 500, "{pairs} pairs: the pair walk is exercised");
    }

    /// A pair read from the index's compressed blocks (`BlockCursor`), whose lists here
    /// run over several blocks and skip whole ones, counts as the decoded postings do:
    /// the same sections, the same scores to the bit.
    #[test]
    fn pairs_read_from_compressed_blocks_rank_as_decoded() {
        let mut text = String::from("# Pairs\n\n");
        // "alpha" and "beta" stand in a fifth and in nearly a third of the sections
        // (several blocks of postings each), "delta" in the last hundred only; they stand
        // in a row, or apart, or the other way round, a varying number of times.
        for i in 0..1_200 {
            text.push_str(&format!("## Part {i}\n\nfiller "));
            for _ in 0..=i % 4 {
                if i % 5 == 0 {
                    text.push_str("alpha ");
                }
                text.push_str(&"gamma ".repeat(i % 3));
                if i % 10 == 0 || i % 5 == 2 {
                    text.push_str("beta ");
                }
            }
            if i >= 1_100 {
                text.push_str("delta alpha beta ");
            }
            if i % 7 == 0 {
                text.push_str("beta alpha");
            }
            text.push_str("\n\n");
        }
        let corpus = Corpus::from_texts([("w", "references/pairs.md", text.as_str())]);
        let decoded = SearchIndex::build(&corpus).unwrap();
        let mut read = SearchIndex::build(&corpus).unwrap();
        for f in read.prose_fields.iter_mut().chain(read.code_field.as_mut()) {
            assert!(f.decoded.take().is_some());
        }
        let with_pairs = (read.prose_fields.iter()).filter(|f| f.holds("alpha"));
        assert!(with_pairs.clone().count() >= 1);
        assert!(with_pairs.clone().all(|f| f.positions.is_some()));
        let questions = [
            "alpha beta",
            "delta alpha",
            "beta alpha gamma",
            "alpha gamma beta delta",
            "gamma beta",
            "beta alpha",
            "alpha gamma",
            "gamma delta",
            "delta beta",
        ];
        let mut pairs = 0;
        for q in questions {
            let analyzed = decoded.analyze(q);
            pairs += (analyzed.concepts.iter())
                .filter(|c| c.origin == super::Origin::Pair)
                .count();
            let bits = |h: &[crate::search::Hit]| {
                h.iter()
                    .map(|h| (h.section, h.score.to_bits(), h.coverage.to_bits()))
                    .collect::<Vec<_>>()
            };
            let want = decoded.score(&analyzed, Scope::All, usize::MAX);
            let got = read.score(&read.analyze(q), Scope::All, usize::MAX);
            assert!(want.len() >= 100, "{q}: {} hits", want.len());
            assert_eq!(bits(&got), bits(&want), "{q}");
        }
        assert!(
            pairs >= questions.len(),
            "{pairs} pairs: the pair walk is exercised"
        );
    }

    fn pruned_so_far() -> usize {
        SCRATCH.with(|s| s.borrow().pruned)
    }

    /// Pruning must not change the best few.
    #[test]
    fn pruning_keeps_the_best_few_exactly() {
        let (exact, pruned, questions) = exact_and_pruned();
        let before = pruned_so_far();
        for q in &questions {
            for (limit, scope) in [
                (6, Scope::All),
                (10, Scope::Reference),
                (3, Scope::Troubleshooting),
            ] {
                let want = exact.score(&exact.analyze(q), scope, limit);
                let got = pruned.score(&pruned.analyze(q), scope, limit);
                assert_same_hits(&got, &want, &format!("{q} (limit {limit})"));
            }
        }
        let pruned_questions = pruned_so_far() - before;
        assert!(pruned_questions > 300, "only {pruned_questions} pruned");
    }

    /// A diagnosis pruned must keep every case that matches, with its score, and the
    /// same best references that reach the coverage bar.
    #[test]
    fn pruning_a_diagnosis_keeps_every_case_and_the_best_references() {
        use crate::search::answer::MIN_CONFIDENT_COVERAGE;
        let (exact, pruned, questions) = exact_and_pruned();
        let before = pruned_so_far();
        let mut cases_seen = 0;
        for q in &questions {
            for references in [1, 3] {
                let diagnose = |index: &SearchIndex| {
                    index.search_cases_and_references(
                        &index.analyze(q),
                        references,
                        MIN_CONFIDENT_COVERAGE,
                    )
                };
                let (mut want_cases, want_references) = diagnose(&exact);
                let (mut got_cases, got_references) = diagnose(&pruned);
                // Cases come in no particular order: the diagnosis ranks them itself.
                want_cases.sort_by_key(|h| h.section);
                got_cases.sort_by_key(|h| h.section);
                cases_seen += want_cases.len();
                assert_same_hits(&got_cases, &want_cases, &format!("{q}: cases"));
                assert_same_hits(
                    &got_references,
                    &want_references,
                    &format!("{q}: {references} references"),
                );
            }
        }
        let pruned_questions = pruned_so_far() - before;
        assert!(pruned_questions > 300, "only {pruned_questions} pruned");
        assert!(cases_seen > 1_000, "only {cases_seen} cases compared");
    }

    #[test]
    fn the_next_candidate_is_found_across_words_of_the_bitset() {
        let mut s = super::Scratch {
            candidates: vec![0; 3],
            ..Default::default()
        };
        for d in [0, 63, 64, 130] {
            s.candidates[d / 64] |= 1 << (d % 64);
        }
        let found: Vec<u32> = [0, 1, 63, 64, 65, 129, 130, 131, 191, 192, 10_000]
            .into_iter()
            .map(|from| s.next_candidate(from))
            .collect();
        let t = tantivy::TERMINATED;
        assert_eq!(found, [0, 63, 63, 64, 130, 130, 130, t, t, t, t]);
    }

    fn ascending(max: u32) -> impl Strategy<Value = Vec<u32>> {
        proptest::collection::btree_set(0..max, 0..40).prop_map(|s| s.into_iter().collect())
    }

    proptest! {
        #[test]
        fn a_walk_counts_what_a_scan_would(
            first in ascending(200),
            second in ascending(200),
            window in 1u32..5,
        ) {
            let scan = first
                .iter()
                .filter(|&&p| second.iter().any(|&q| q > p && q - p <= window))
                .count() as u32;
            prop_assert_eq!(followed_within(&first, &second, window), scan);
        }
    }

    #[test]
    fn a_hundred_thousand_repeats_are_one_walk() {
        let first: Vec<u32> = (0..200_000).step_by(2).collect();
        let second: Vec<u32> = (1..200_000).step_by(2).collect();
        assert_eq!(followed_within(&first, &second, 1), 100_000);
        assert_eq!(followed_within(&second, &first, 1), 99_999);
    }
}
