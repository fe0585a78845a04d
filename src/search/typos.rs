//! Typo correction against the corpus's own words.
//!
//! A question word of five letters or more that no section contains is replaced by the
//! closest word the corpus does contain: one edit away for words up to seven letters,
//! two for longer ones (an edit being an insertion, deletion, substitution or swap of
//! neighbours). Short words are never corrected: `az`, `mi` and `kv` are too close to
//! too much. Correcting against the corpus's vocabulary, rather than running fuzzy
//! queries, keeps the correction deterministic and lets coverage see it.

use foldhash::HashMap;
use std::borrow::Cow;

const MIN_LEN: usize = 5;

#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Vocabulary {
    /// Word → how often it occurs; ties between corrections go to the commoner word,
    /// then the alphabetically first, so results are stable.
    words: HashMap<String, u32>,
}

impl Vocabulary {
    pub fn add_text(&mut self, text: &str) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() >= MIN_LEN - 1 && word.chars().all(|c| c.is_alphabetic()) {
                // Most words are lowercase already: no allocation for a word seen before.
                let lower = if word.chars().any(char::is_uppercase) {
                    Cow::Owned(word.to_lowercase())
                } else {
                    Cow::Borrowed(word)
                };
                match self.words.get_mut(lower.as_ref()) {
                    Some(count) => *count += 1,
                    None => {
                        self.words.insert(lower.into_owned(), 1);
                    }
                }
            }
        }
    }

    /// The closest known word to `word`, if `word` is unknown and one is close enough.
    pub fn correct(&self, word: &str) -> Option<&str> {
        let len = word.chars().count();
        if len < MIN_LEN
            || !word.chars().all(|c| c.is_alphabetic())
            || self.words.contains_key(word)
        {
            return None;
        }
        let max = if len <= 7 { 1 } else { 2 };
        let first = word.chars().next();
        let word: Vec<char> = word.chars().collect();
        let mut scratch = Scratch::default();
        let mut best: Option<(usize, u32, &str)> = None;
        for (candidate, &count) in &self.words {
            // Typists rarely miss the first letter; a candidate that differs there is
            // another word ("reproduce" is not a typo of "produce"). Checked first: it
            // turns away most of the vocabulary without counting its characters.
            if candidate.chars().next() != first || candidate.chars().count().abs_diff(len) > max {
                continue;
            }
            let d = scratch.distance(&word, candidate, max);
            if d > max {
                continue;
            }
            let better = match best {
                None => true,
                Some((bd, bc, bw)) => {
                    d < bd || (d == bd && (count > bc || (count == bc && candidate.as_str() < bw)))
                }
            };
            if better {
                best = Some((d, count, candidate));
            }
        }
        best.map(|(_, _, w)| w)
    }
}

/// Buffers for [`Scratch::distance`], reused across the candidates of one correction.
#[derive(Default)]
struct Scratch {
    b: Vec<char>,
    /// The distance matrix, row by row.
    rows: Vec<usize>,
}

impl Scratch {
    /// Optimal string alignment distance, giving up early once it exceeds `max`.
    fn distance(&mut self, a: &[char], b: &str, max: usize) -> usize {
        self.b.clear();
        self.b.extend(b.chars());
        let b = &self.b;
        let width = b.len() + 1;
        self.rows.clear();
        self.rows.resize((a.len() + 1) * width, 0);
        let rows = &mut self.rows;
        for i in 0..=a.len() {
            rows[i * width] = i;
        }
        for (j, cell) in rows[..width].iter_mut().enumerate() {
            *cell = j;
        }
        for i in 1..=a.len() {
            let mut row_min = usize::MAX;
            for j in 1..=b.len() {
                let cost = usize::from(a[i - 1] != b[j - 1]);
                let mut d = (rows[(i - 1) * width + j] + 1)
                    .min(rows[i * width + j - 1] + 1)
                    .min(rows[(i - 1) * width + j - 1] + cost);
                if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                    d = d.min(rows[(i - 2) * width + j - 2] + 1);
                }
                rows[i * width + j] = d;
                row_min = row_min.min(d);
            }
            if row_min > max {
                return max + 1;
            }
        }
        rows[a.len() * width + b.len()]
    }
}

/// Optimal string alignment distance between two words (see [`Scratch::distance`]).
#[cfg(test)]
fn distance(a: &str, b: &str, max: usize) -> usize {
    Scratch::default().distance(&a.chars().collect::<Vec<_>>(), b, max)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocab() -> Vocabulary {
        let mut v = Vocabulary::default();
        v.add_text("rotation protection premium registry identity rotate");
        v
    }

    #[test]
    fn corrects_long_words_only() {
        let v = vocab();
        assert_eq!(v.correct("roation"), Some("rotation"));
        assert_eq!(v.correct("premuim"), Some("premium"));
        assert_eq!(v.correct("protecton"), Some("protection"));
        assert_eq!(v.correct("regsitry"), Some("registry"));
        assert_eq!(v.correct("identiy"), Some("identity"));
        assert_eq!(v.correct("rotation"), None, "known words stay");
        assert_eq!(v.correct("bread"), None);
        assert_eq!(v.correct("rot"), None, "too short");
        assert_eq!(
            v.correct("reprotection"),
            None,
            "a prefix makes another word"
        );
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance("premuim", "premium", 2), 1);
        assert_eq!(distance("abc", "abc", 2), 0);
        assert_eq!(distance("kitten", "sitting", 5), 3);
    }
}
