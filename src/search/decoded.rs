//! A small corpus's postings, decoded once when the index is built.
//!
//! Scoring a question reads the postings of each of its stems in every field, and the
//! pairs of neighbouring words read their positions too. From tantivy's compressed
//! blocks that is an open, a block decode and a position-reader seek per stem and
//! field, on every question; scoring so was half of an answer's instructions on the
//! built-in knowledge. Decoded into plain arrays, the same postings are slices, and an
//! answer takes a fifth fewer instructions (BENCHMARKS.md, twenty-ninth stop). Each
//! field's terms are found by their text in a hash map rather than in tantivy's term
//! dictionary, another tenth (thirty-second stop). They cost memory in proportion to
//! the corpus (the built-in knowledge's take 0.6 MB), so only a corpus under
//! [`DECODE_UP_TO_TOKENS`] keeps them; a larger one reads its blocks and its
//! dictionary as before, with the same results.

use foldhash::HashMap;
use tantivy::postings::Postings;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocSet, InvertedIndexReader, TERMINATED};

/// A corpus whose fields hold at most this many tokens in all (ten times the built-in
/// knowledge's 52,640) is decoded: about 10 bytes a token for the positions, the
/// entries and the terms, so some 5 MiB at most.
pub(crate) const DECODE_UP_TO_TOKENS: u64 = 1 << 19;

/// Every term's postings in one field: per term, its sections ascending, and per
/// section its positions ascending.
#[derive(Debug, Default)]
pub(crate) struct DecodedPostings {
    /// Per term in dictionary order: its first entry.
    terms: Vec<u32>,
    /// Each term's place in `terms`, by its text: a question's stems are found here
    /// instead of in the term dictionary, whose lookups were a twelfth of an answer.
    by_text: HashMap<Box<str>, u32>,
    /// Per entry (a term in a section): the section.
    docs: Vec<u32>,
    /// Per entry: where its positions end in `positions`; they start where the
    /// previous entry's end.
    ends: Vec<u32>,
    positions: Vec<u32>,
}

/// One term's postings in a [`DecodedPostings`].
#[derive(Clone, Copy)]
pub(crate) struct TermPostings<'a> {
    pub docs: &'a [u32],
    /// The entries' position ends, as in [`DecodedPostings::ends`].
    ends: &'a [u32],
    /// Where the first entry's positions start.
    start: u32,
    positions: &'a [u32],
}

impl DecodedPostings {
    /// Decodes every term of a field indexed with positions, or `None` when one of
    /// its lists cannot be read.
    pub(crate) fn decode(inverted: &InvertedIndexReader) -> Option<DecodedPostings> {
        let mut decoded = DecodedPostings::default();
        let mut stream = inverted.terms().stream().ok()?;
        let mut buffer = Vec::new();
        while stream.advance() {
            let info = stream.value();
            // A text field's terms are UTF-8; one that is not is never asked for.
            if let Ok(text) = std::str::from_utf8(stream.key()) {
                decoded
                    .by_text
                    .insert(text.into(), decoded.terms.len() as u32);
            }
            decoded.terms.push(decoded.docs.len() as u32);
            let mut postings = inverted
                .read_postings_from_terminfo(info, IndexRecordOption::WithFreqsAndPositions)
                .ok()?;
            let mut doc = postings.doc();
            while doc != TERMINATED {
                buffer.clear();
                postings.positions(&mut buffer);
                decoded.positions.extend_from_slice(&buffer);
                decoded.docs.push(doc);
                decoded.ends.push(decoded.positions.len() as u32);
                doc = postings.advance();
            }
        }
        decoded.terms.shrink_to_fit();
        decoded.by_text.shrink_to_fit();
        decoded.docs.shrink_to_fit();
        decoded.ends.shrink_to_fit();
        decoded.positions.shrink_to_fit();
        Some(decoded)
    }

    /// The postings of the term `text`, if the field holds it.
    pub(crate) fn term_of(&self, text: &str) -> Option<TermPostings<'_>> {
        self.by_text.get(text).map(|&i| self.term_at(i as usize))
    }

    fn term_at(&self, i: usize) -> TermPostings<'_> {
        let first = self.terms[i] as usize;
        let end = self
            .terms
            .get(i + 1)
            .map_or(self.docs.len(), |&next| next as usize);
        TermPostings {
            docs: &self.docs[first..end],
            ends: &self.ends[first..end],
            start: if first == 0 { 0 } else { self.ends[first - 1] },
            positions: &self.positions,
        }
    }

    /// The heap this holds, for the tests.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        (self.terms.len() + self.docs.len() + self.ends.len() + self.positions.len()) * 4
            + self
                .by_text
                .keys()
                .map(|text| text.len() + std::mem::size_of::<(Box<str>, u32)>())
                .sum::<usize>()
    }
}

impl<'a> TermPostings<'a> {
    /// The positions of the `i`-th entry.
    pub(crate) fn positions(&self, i: usize) -> &'a [u32] {
        let start = if i == 0 { self.start } else { self.ends[i - 1] };
        &self.positions[start as usize..self.ends[i] as usize]
    }

    /// How often the term stands in the `i`-th entry's section.
    pub(crate) fn freq(&self, i: usize) -> u32 {
        self.positions(i).len() as u32
    }
}
