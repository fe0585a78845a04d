//! English words that typo correction must leave alone.
//!
//! Correction ([`super::typos`]) replaces a question word the corpus lacks by a close
//! corpus word. Without this list a real word the corpus happens not to use is taken
//! for a slip: "serve" became "server", "reset" became "rest" (of "at rest"), and
//! "internet" became "intent". The list is the lowercase words of five letters or more
//! from SCOWL (see `english-words.LICENSE`), sorted byte-wise, one per line, searched
//! in place: nothing is built at startup, and a lookup touches a few pages of it.

const WORDS: &str = include_str!("english-words.txt");

/// Whether `word` (lowercase) is in the list.
pub(super) fn contains(word: &str) -> bool {
    let bytes = WORDS.as_bytes();
    // Binary search over byte offsets, each probe widened to its whole line.
    let (mut lo, mut hi) = (0usize, bytes.len());
    while lo < hi {
        let mid = lo + (hi - lo) / 2;
        let start = bytes[..mid]
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let end = bytes[mid..]
            .iter()
            .position(|&b| b == b'\n')
            .map_or(bytes.len(), |i| mid + i);
        let line = &WORDS[start..end];
        match line.cmp(word) {
            std::cmp::Ordering::Equal => return true,
            std::cmp::Ordering::Less => lo = end + 1,
            std::cmp::Ordering::Greater => hi = start,
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_listed_word_and_no_other() {
        for word in WORDS.lines() {
            assert!(contains(word), "{word}");
        }
        assert!(
            WORDS.lines().zip(WORDS.lines().skip(1)).all(|(a, b)| a < b),
            "sorted"
        );
        for word in ["retension", "encyrption", "verison", "aaaaa", "zzzzzz", ""] {
            assert!(!contains(word), "{word}");
        }
    }
}
