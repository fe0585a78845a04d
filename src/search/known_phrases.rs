//! Word sequences the knowledge holds, each with how many sections hold it, and the
//! longest of them that a run of a question's words opens with: the table behind the
//! `az` commands ([`super::az_commands`]) and the names ([`super::names`]) a question
//! is read for whole.

use std::ops::RangeInclusive;

use foldhash::{HashMap, HashSet};

#[derive(Debug, Default)]
pub(crate) struct KnownPhrases {
    /// Each phrase, lowercase with single spaces, and how many counted sections hold
    /// it; none that no counted section holds.
    sections_holding: HashMap<String, u32>,
    /// The words phrases open with: most words of a question open none, and are
    /// passed over without a lookup per length.
    first_words: HashSet<String>,
}

impl KnownPhrases {
    /// The table of the phrases each section holds (each once), counted for the
    /// sections that count.
    pub(crate) fn count(sections: impl Iterator<Item = (HashSet<String>, bool)>) -> KnownPhrases {
        let mut counts: HashMap<String, u32> = HashMap::default();
        for (phrases, counts_section) in sections {
            for phrase in phrases {
                *counts.entry(phrase).or_default() += u32::from(counts_section);
            }
        }
        KnownPhrases::from_counts(counts)
    }

    /// The table of these phrases and section counts.
    pub(crate) fn from_counts(counts: impl IntoIterator<Item = (String, u32)>) -> KnownPhrases {
        let sections_holding: HashMap<String, u32> =
            counts.into_iter().filter(|(_, n)| *n > 0).collect();
        let first_words = sections_holding
            .keys()
            .filter_map(|phrase| phrase.split(' ').next())
            .map(str::to_string)
            .collect();
        KnownPhrases {
            sections_holding,
            first_words,
        }
    }

    /// The longest known phrase of a number of words in `lengths` that `words` opens
    /// with, in any case: lowercased, with the sections holding it and its length.
    pub(crate) fn longest_opening(
        &self,
        words: &[&str],
        lengths: RangeInclusive<usize>,
    ) -> Option<(String, u32, usize)> {
        if !self.opens_a_phrase(words.first()?) {
            return None;
        }
        let (shortest, longest) = lengths.into_inner();
        (shortest..=words.len().min(longest)).rev().find_map(|len| {
            let phrase = lowercase_joined(&words[..len]);
            let n = *self.sections_holding.get(&phrase)?;
            Some((phrase, n, len))
        })
    }

    /// Whether some phrase opens with `word`, in any case; an ASCII word (nearly
    /// every one) is lowercased on the stack.
    fn opens_a_phrase(&self, word: &str) -> bool {
        let mut buffer = [0u8; 64];
        match buffer.get_mut(..word.len()) {
            Some(lower) if word.is_ascii() => {
                lower.copy_from_slice(word.as_bytes());
                lower.make_ascii_lowercase();
                std::str::from_utf8(lower).is_ok_and(|w| self.first_words.contains(w))
            }
            _ => self.first_words.contains(word.to_lowercase().as_str()),
        }
    }
}

/// `words` lowercased and joined by single spaces: how the table keys a phrase.
pub(crate) fn lowercase_joined(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        if word.is_ascii() {
            let from = out.len();
            out.push_str(word);
            out[from..].make_ascii_lowercase();
        } else {
            out.extend(word.chars().flat_map(char::to_lowercase));
        }
    }
    out
}
