//! The sentence tables answers are extracted from, built the first time a question
//! needs a section's and kept up to a memory budget.
//!
//! A table (a section's sentences with their stems, see
//! [`SectionSentences`](super::extract::SectionSentences)) costs tens of microseconds
//! to build, so tables are kept. The built-in knowledge's tables all fit the budget
//! many times over and are built once each. A large corpus's would not: at 10,000
//! docs a server grew by 4 to 17 MB per thousand different questions, without bound
//! (233 MB after one question, 312 MB after 10,000). Past the budget a table that is
//! not kept is built for the call and dropped, so memory stays flat and only that call
//! pays.

use std::ops::Deref;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::extract::SectionSentences;

/// The heap the kept tables may hold: the built-in knowledge's take about 0.4 MB.
pub(crate) const SENTENCE_CACHE_BYTES: usize = 16 << 20;

pub(crate) struct SentenceCache {
    tables: Vec<OnceLock<SectionSentences>>,
    /// What the kept tables hold on the heap, estimated ([`SectionSentences::heap_bytes`]).
    held: AtomicUsize,
    budget: usize,
}

/// A section's table: kept in the cache, or built for this call only.
pub(crate) enum SentenceTable<'a> {
    Kept(&'a SectionSentences),
    Built(Box<SectionSentences>),
}

impl Deref for SentenceTable<'_> {
    type Target = SectionSentences;

    fn deref(&self) -> &SectionSentences {
        match self {
            SentenceTable::Kept(table) => table,
            SentenceTable::Built(table) => table,
        }
    }
}

impl SentenceCache {
    /// A cache for `sections` sections, keeping tables up to `budget` bytes.
    pub(crate) fn new(sections: usize, budget: usize) -> SentenceCache {
        SentenceCache {
            tables: (0..sections).map(|_| OnceLock::new()).collect(),
            held: AtomicUsize::new(0),
            budget,
        }
    }

    /// The table of `section`, from `build` the first time. Threads that pass the
    /// budget check together may each keep one more table, so the budget can be
    /// exceeded by a table per thread, never more.
    pub(crate) fn get(
        &self,
        section: usize,
        build: impl FnOnce() -> SectionSentences,
    ) -> SentenceTable<'_> {
        let slot = &self.tables[section];
        if let Some(table) = slot.get() {
            return SentenceTable::Kept(table);
        }
        if self.held.load(Ordering::Relaxed) >= self.budget {
            return SentenceTable::Built(Box::new(build()));
        }
        SentenceTable::Kept(slot.get_or_init(|| {
            let table = build();
            self.held.fetch_add(table.heap_bytes(), Ordering::Relaxed);
            table
        }))
    }

    /// What the kept tables hold, estimated.
    #[cfg(test)]
    pub(crate) fn held_bytes(&self) -> usize {
        self.held.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::{SENTENCE_CACHE_BYTES, SentenceCache, SentenceTable};
    use crate::knowledge::{Corpus, LoadOptions};
    use crate::search::SearchIndex;
    use crate::search::extract::SectionSentences;

    #[test]
    fn the_builtin_knowledge_keeps_every_table_well_within_the_budget() {
        let corpus = Corpus::load(&LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        for section in 0..corpus.sections.len() {
            assert!(matches!(
                index.sentences(&corpus, section),
                SentenceTable::Kept(_)
            ));
        }
        let held = index.sentences.held_bytes();
        assert!(held > 100_000, "{held}");
        assert!(held < SENTENCE_CACHE_BYTES / 4, "{held}");
    }

    #[test]
    fn past_the_budget_a_table_is_built_for_the_call_and_not_kept() {
        let corpus = Corpus::load(&LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let build = |section: usize| SectionSentences::build(&index, &corpus, section);
        // Room for one table: the first is kept, the next built each time.
        let cache = SentenceCache::new(corpus.sections.len(), 1);
        assert!(matches!(cache.get(1, || build(1)), SentenceTable::Kept(_)));
        let kept = cache.held_bytes();
        assert!(kept > 0);
        for _ in 0..2 {
            let table = cache.get(2, || build(2));
            assert!(matches!(table, SentenceTable::Built(_)));
            assert_eq!(table.heap_bytes(), build(2).heap_bytes());
        }
        assert!(matches!(cache.get(1, || build(1)), SentenceTable::Kept(_)));
        assert_eq!(cache.held_bytes(), kept);
    }
}
