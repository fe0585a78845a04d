//! A small corpus's postings, decoded once when the index is built.
//!
//! Scoring a question reads the postings of each of its stems in every field, and the
//! pairs of neighbouring words read their positions too. From tantivy's compressed
//! blocks that is an open, a block decode and a position-reader seek per stem and
//! field, on every question; scoring so was half of an answer's instructions on the
//! built-in knowledge. Decoded into plain arrays, the same postings are slices, and an
//! answer takes a fifth fewer instructions (BENCHMARKS.md, twenty-ninth stop). They cost
//! memory in proportion to the corpus (the built-in knowledge's take 0.5 MB), so
//! only a corpus under [`DECODE_UP_TO_TOKENS`] keeps them; a larger one reads its
//! blocks as before, with the same results.

use tantivy::postings::{Postings, TermInfo};
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
    /// Per term in dictionary order: where its postings start in the index (which
    /// identifies it, from the [`TermInfo`] a lookup gives), and its first entry.
    terms: Vec<(usize, u32)>,
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
            decoded
                .terms
                .push((info.postings_range.start, decoded.docs.len() as u32));
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
        decoded.docs.shrink_to_fit();
        decoded.ends.shrink_to_fit();
        decoded.positions.shrink_to_fit();
        Some(decoded)
    }

    /// The postings of the term `info` was looked up for.
    pub(crate) fn term(&self, info: &TermInfo) -> Option<TermPostings<'_>> {
        let i = self
            .terms
            .binary_search_by_key(&info.postings_range.start, |&(start, _)| start)
            .ok()?;
        let first = self.terms[i].1 as usize;
        let end = self
            .terms
            .get(i + 1)
            .map_or(self.docs.len(), |&(_, next)| next as usize);
        Some(TermPostings {
            docs: &self.docs[first..end],
            ends: &self.ends[first..end],
            start: if first == 0 { 0 } else { self.ends[first - 1] },
            positions: &self.positions,
        })
    }

    /// The heap this holds, for the tests.
    #[cfg(test)]
    pub(crate) fn bytes(&self) -> usize {
        self.terms.len() * std::mem::size_of::<(usize, u32)>()
            + (self.docs.len() + self.ends.len() + self.positions.len()) * 4
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
