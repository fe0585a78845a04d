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

use foldhash::HashMap;
use std::cell::RefCell;
use std::collections::BinaryHeap;

use std::sync::Arc;
use tantivy::postings::{Postings, SegmentPostings};

use tantivy::InvertedIndexReader;
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocSet, TERMINATED, Term};

use super::query::{Analyzed, Concept, Origin, Phrase, idf, rank_idf};
use super::{Hit, Scope, SearchIndex};

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
            each_phrase_match(self, phrase, 0, &mut s, |_, doc, count| {
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

/// Best first: the higher score, then the earlier section, so ties are reproducible.
fn by_rank(a: &Hit, b: &Hit) -> std::cmp::Ordering {
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
        self.score_where(analyzed, scope, limit, analyzed.about_the_whole, &|_| true)
    }

    /// [`SearchIndex::score`] of the hits `keep` admits: the others are dropped
    /// before the ranking is sorted, which in a large corpus is most of them. `keep`
    /// runs while this thread's scoring buffers are borrowed, so it must not search.
    /// With `intro_first`, the best skill introduction found leads, whatever its score.
    pub(crate) fn score_where(
        &self,
        analyzed: &Analyzed,
        scope: Scope,
        limit: usize,
        intro_first: bool,
        keep: &dyn Fn(&Hit) -> bool,
    ) -> Vec<Hit> {
        let n = self.answerable as f32;
        SCRATCH.with(|scratch| {
            let mut s = scratch.borrow_mut();
            let s = &mut *s;
            s.slots.clear();
            s.slots.resize(self.kinds.len(), Slot::default());
            s.scored.clear();
            let mut total = 0.0;
            // Each concept's IDF, for pairs to be weighed against their words.
            let mut weights: Vec<(&Concept, f32)> = Vec::with_capacity(analyzed.concepts.len());
            for concept in &analyzed.concepts {
                s.touched.clear();
                self.accumulate(concept, s);
                let df = s
                    .touched
                    .iter()
                    .filter(|&&d| s.slots[d as usize].own)
                    .count();
                let mut weight = rank_idf(n, df as f32);
                let information = idf(n, df as f32) * concept.weight;
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
                // Where the question only tells context, its concepts count less.
                let weight = weight * concept.weight;
                let counts = concept.counts_for_coverage();
                if counts {
                    total += information;
                }
                // A pair is evidence of how the words stand, not a part of the
                // question to cover.

                for &d in &s.touched {
                    let slot = &mut s.slots[d as usize];
                    let tf = slot.tf;
                    if weight > 0.0 {
                        if slot.score == 0.0 {
                            s.scored.push(d);
                        }
                        slot.score += weight * tf * (K1 + 1.0) / (tf + K1);
                        if slot.own && counts {
                            slot.covered += information;
                        }
                    }
                    slot.tf = 0.0;
                    slot.own = false;
                }
            }
            if self.tuning.intent {
                let intent = analyzed.intent;
                for (wanted, flag) in [
                    (intent.procedure, PROCEDURE),
                    (intent.problem, CASE),
                    (intent.yes_no && !intent.problem, RULE),
                ] {
                    if !wanted {
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
                    s.touched.clear();
                    self.accumulate(&self.duration_units, s);
                    let df = s
                        .touched
                        .iter()
                        .filter(|&&d| s.slots[d as usize].own)
                        .count();
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
                    let intro = self.tuning.intro_demotion && self.off_focus[d];
                    let narrower = self.qualified[d] & !analyzed.qualifiers != 0;
                    let slot = slots[d];
                    Hit {
                        section: d,
                        score: if intro || narrower {
                            slot.score * OFF_FOCUS_FACTOR
                        } else {
                            slot.score
                        },
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
            hits.sort_by(by_rank);
            if let Some(intro) = best_intro {
                hits.retain(|h| h.section != intro.section);
                hits.insert(0, intro);
                hits.truncate(limit);
            }
            hits.clone()
        })
    }

    /// Adds the concept's weighted, length-normalized occurrences to each section's
    /// `tf`, marking the sections it touches and those that hold it themselves.
    fn accumulate(&self, concept: &Concept, s: &mut Scratch) {
        for phrase in concept.phrases.iter() {
            for f in &self.prose_fields {
                if !self.tuning.asked && f.field == self.asked_field {
                    continue;
                }
                each_phrase_match(f, phrase, concept.window, s, |s, doc, freq| {
                    add(s, doc, f, freq)
                });
            }
        }
        if let Some(f) = &self.code_field {
            for token in &concept.code {
                each_phrase_match(f, &vec![(token.clone(), 0)], 0, s, |s, doc, freq| {
                    add(s, doc, f, freq)
                });
            }
        }
    }
}

/// Calls `found(doc, count)` for each section whose `field` holds `phrase`: its
/// stems at their offsets, or with `window` > 0 the second of two stems at most
/// `window` positions after the first.
fn each_phrase_match(
    f: &FieldWeight,
    phrase: &Phrase,
    window: u32,
    s: &mut Scratch,
    mut found: impl FnMut(&mut Scratch, u32, u32),
) {
    if window == 0
        && let Some(matches) = f.phrase_matches.get(phrase)
    {
        for &(doc, count) in matches {
            found(s, doc, count);
        }
        return;
    }
    let Some(inverted) = &f.inverted else {
        return;
    };
    let field = f.field;
    let postings = |stem: &str, option| -> Option<SegmentPostings> {
        inverted
            .read_postings(&Term::from_field_text(field, stem), option)
            .ok()
            .flatten()
    };
    if let [(stem, _)] = phrase.as_slice() {
        // A block at a time: a cursor over the postings (`SegmentPostings`) is a
        // kilobyte moved on every open, with a position reader this never reads.
        let Ok(Some(mut block)) = inverted.read_block_postings(
            &Term::from_field_text(field, stem),
            IndexRecordOption::WithFreqs,
        ) else {
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
        match postings(stem, IndexRecordOption::WithFreqsAndPositions) {
            Some(p) => lists.push((p, *offset)),
            None => return,
        }
    }
    // Walk the rarest list and seek the others to each of its documents.
    lists.sort_by_key(|(p, _)| p.doc_freq());
    s.positions.resize(lists.len(), Vec::new());
    let mut doc = lists[0].0.doc();
    'docs: while doc != TERMINATED {
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
        let count =
            if window > 0 {
                // Two stems; the rarest list may be either.
                let (a, b) = if lists[0].1 == 0 { (0, 1) } else { (1, 0) };
                followed_within(&s.positions[a], &s.positions[b], window)
            } else {
                first
                    .iter()
                    .filter(|&&p0| {
                        let Some(start) = p0.checked_sub(offset0) else {
                            return false;
                        };
                        lists.iter().enumerate().skip(1).all(|(i, (_, off))| {
                            s.positions[i].binary_search(&(start + off)).is_ok()
                        })
                    })
                    .count() as u32
            };
        if count > 0 {
            found(s, doc, count);
        }
        doc = lists[0].0.advance();
    }
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
/// the whole doc, so it matches many questions a little, and a section whose headings
/// name a qualifier the question does not ("… in a Managed HSM", "… with Terraform")
/// answers a narrower question.
const OFF_FOCUS_FACTOR: f32 = 0.75;

#[cfg(test)]
mod tests {
    use super::followed_within;
    use proptest::prelude::*;

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
