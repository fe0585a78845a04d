//! Typo correction against the corpus's own words.
//!
//! A question word of five letters or more that no section contains is replaced by the
//! closest word the corpus does contain: one edit away for words up to seven letters,
//! two for longer ones (an edit being an insertion, deletion, swap of neighbours, or a
//! substitution that is a slip: a vowel for a vowel, or a key for the one beside it;
//! any other substitution counts twice, since it makes another word more often than a
//! typo). Short words are never corrected: `az`, `mi` and `kv` are too close to
//! too much. Correcting against the corpus's vocabulary, rather than running fuzzy
//! queries, keeps the correction deterministic and lets coverage see it.
//!
//! A word of the English word list ([`super::english_words`]) is not a slip but
//! another word ("reset" is not the "rest" of "at rest"): it is left out of the
//! question, unless the corpus word is a form of it ("broken" for "broke").

use foldhash::HashMap;
use std::borrow::Cow;

const MIN_LEN: usize = 5;

/// Counts the corpus's words as its texts are read; [`VocabularyBuilder::finish`]
/// turns the counts into a [`Vocabulary`].
#[derive(Debug, Default)]
pub(super) struct VocabularyBuilder {
    counts: HashMap<String, u32>,
}

impl VocabularyBuilder {
    pub fn add_text(&mut self, text: &str) {
        for word in text.split(|c: char| !c.is_alphanumeric()) {
            if word.chars().count() >= MIN_LEN - 1 && word.chars().all(|c| c.is_alphabetic()) {
                // Most words are lowercase already: no allocation for a word seen before.
                let lower = if word.chars().any(char::is_uppercase) {
                    Cow::Owned(word.to_lowercase())
                } else {
                    Cow::Borrowed(word)
                };
                match self.counts.get_mut(lower.as_ref()) {
                    Some(count) => *count += 1,
                    None => {
                        self.counts.insert(lower.into_owned(), 1);
                    }
                }
            }
        }
    }

    pub fn finish(self) -> Vocabulary {
        // [`order`]'s order, with each word's first letter and length counted once
        // rather than at every comparison.
        let mut keyed: Vec<(Option<char>, usize, String, u32)> = self
            .counts
            .into_iter()
            .map(|(w, count)| (w.chars().next(), w.chars().count(), w, count))
            .collect();
        keyed.sort_unstable();
        Vocabulary {
            words: keyed.into_iter().map(|(_, _, w, c)| (w, c)).collect(),
        }
    }
}

/// The corpus's words as written, each with how often it occurs; ties between
/// corrections go to the commoner word, then the alphabetically first, so results are
/// stable.
#[derive(Debug, Default, serde::Serialize, serde::Deserialize)]
pub(super) struct Vocabulary {
    /// Sorted by [`order`]: the words a correction may pick, which share the unknown
    /// word's first letter and are within an edit or two of its length, are then a
    /// few contiguous runs, not the whole vocabulary.
    words: Vec<(String, u32)>,
}

/// A word's place in [`Vocabulary::words`]: first letter, length, then the word.
fn order(word: &str) -> (Option<char>, usize, &str) {
    (word.chars().next(), word.chars().count(), word)
}

impl Vocabulary {
    /// The words starting with `first` that are `len` characters long.
    fn run(&self, first: Option<char>, len: usize) -> &[(String, u32)] {
        let start = self
            .words
            .partition_point(|(w, _)| order(w) < (first, len, ""));
        let end = start
            + self.words[start..].partition_point(|(w, _)| {
                let (f, l, _) = order(w);
                (f, l) == (first, len)
            });
        &self.words[start..end]
    }

    /// What becomes of `word` when the corpus lacks it and a corpus word is close
    /// enough: that word, or left out when `word` is a real word of its own.
    pub fn correct(&self, word: &str) -> Option<Correction<'_>> {
        let len = word.chars().count();
        if len < MIN_LEN || !word.chars().all(|c| c.is_alphabetic()) {
            return None;
        }
        // Typists rarely miss the first letter; a candidate that differs there is
        // another word ("reproduce" is not a typo of "produce").
        let first = word.chars().next();
        if self.run(first, len).iter().any(|(w, _)| w == word) {
            return None;
        }
        let max = if len <= 7 { 1 } else { 2 };
        let chars: Vec<char> = word.chars().collect();
        let mask = letters(word);
        let mut scratch = Scratch::default();
        let mut best: Option<(usize, u32, &str)> = None;
        for candidate_len in len.saturating_sub(max)..=len + max {
            for (candidate, count) in self.run(first, candidate_len) {
                // Each edit brings in at most one letter the other word lacks, so a
                // candidate with more such letters than edits allowed is too far; most
                // are, and this turns them away without the distance's table.
                let other = letters(candidate);
                if (mask & !other).count_ones() as usize > max
                    || (other & !mask).count_ones() as usize > max
                {
                    continue;
                }
                let d = scratch.distance(&chars, candidate, max);
                if d > max {
                    continue;
                }
                let better = match best {
                    None => true,
                    Some((bd, bc, bw)) => {
                        d < bd
                            || (d == bd
                                && (*count > bc || (*count == bc && candidate.as_str() < bw)))
                    }
                };
                if better {
                    best = Some((d, *count, candidate));
                }
            }
        }
        best.map(|(_, _, w)| {
            // An English word near a corpus word is another word ("serve", "reset",
            // "internet" near "server", "rest", "intent"), unless it is the corpus word
            // with an ending ("broken", "healthy"). Such a word is left out rather than
            // counted unknown: one slip from the corpus's own words, it is no sign that
            // the question is about something else.
            if !forms_of_one_word(word, w) && super::english_words::contains(word) {
                Correction::LeaveOut
            } else {
                Correction::Fixed(w)
            }
        })
    }
}

/// What becomes of a question word the corpus lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Correction<'a> {
    /// A slip for this corpus word.
    Fixed(&'a str),
    /// A real word next to a corpus word: left out of the question.
    LeaveOut,
}

/// Endings that make another form of the same word: "broke"/"broken",
/// "health"/"healthy", "accident"/"accidental". Not "-r" or
/// "-er", which name another thing ("serve"/"server", "line"/"liner").
const ENDINGS: [&str; 10] = ["s", "es", "d", "ed", "n", "en", "y", "ly", "al", "ing"];

/// Whether one word is the other with one of [`ENDINGS`], or an adjective in "-nt"
/// and its noun in "-ncy" ("frequent", "frequency").
fn forms_of_one_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.strip_prefix(short)
        .is_some_and(|ending| ENDINGS.contains(&ending))
        || short
            .strip_suffix("nt")
            .is_some_and(|stem| long.strip_prefix(stem) == Some("ncy"))
}

/// The letters a word holds, one bit each (letters beyond a-z share the bits above,
/// which can only make two words look closer than they are, never further).
fn letters(word: &str) -> u64 {
    word.chars().fold(0, |mask, c| {
        let bit = if c.is_ascii_lowercase() {
            u32::from(c) - u32::from('a')
        } else {
            26 + u32::from(c) % 38
        };
        mask | 1 << bit
    })
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
                let cost = if a[i - 1] == b[j - 1] {
                    0
                } else if slip(a[i - 1], b[j - 1]) {
                    1
                } else {
                    2
                };
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

/// Whether typing `a` for `b` is a slip: two vowels (the spelling of a sound,
/// "artefact", "streeming") or two keys side by side on a QWERTY keyboard
/// ("rotste"). Any other letter for another is a different word more often than a
/// typo ("share" is not "shape", nor "context" "content", nor "Entra" "extra"), so it
/// costs two edits, more than a word of up to seven letters may take.
fn slip(a: char, b: char) -> bool {
    let letter = |c: char| {
        c.is_ascii_lowercase()
            .then(|| u32::from(c) - u32::from('a'))
    };
    match (letter(a), letter(b)) {
        (Some(a), Some(b)) => SLIPS[a as usize] >> b & 1 == 1,
        _ => false,
    }
}

/// For each letter a to z, the letters typed for it by a slip ([`slip`]), as bits;
/// made at compile time, since a correction asks for every cell of its table.
const SLIPS: [u32; 26] = slips();

const fn slips() -> [u32; 26] {
    // Each row with how far it is set in from the one above, in quarter key widths.
    const ROWS: [(&[u8], i32); 3] = [(b"qwertyuiop", 0), (b"asdfghjkl", 1), (b"zxcvbnm", 3)];
    let mut at = [(0i32, 0i32); 26];
    let mut row = 0;
    while row < ROWS.len() {
        let (keys, inset) = ROWS[row];
        let mut x = 0;
        while x < keys.len() {
            at[(keys[x] - b'a') as usize] = (row as i32, x as i32 * 4 + inset);
            x += 1;
        }
        row += 1;
    }
    let mut slips = [0u32; 26];
    let mut a = 0;
    while a < 26 {
        let mut b = 0;
        while b < 26 {
            let (ra, xa) = at[a];
            let (rb, xb) = at[b];
            let neighbours = (ra - rb).abs() <= 1 && (xa - xb).abs() <= 4;
            if a != b && (neighbours || is_vowel(a) && is_vowel(b)) {
                slips[a] |= 1 << b;
            }
            b += 1;
        }
        a += 1;
    }
    slips
}

/// Whether the letter at `letter` (0 for a) is a vowel, y included ("tipe" for "type").
const fn is_vowel(letter: usize) -> bool {
    const VOWELS: &[u8] = b"aeiouy";
    let mut v = 0;
    while v < VOWELS.len() {
        if (VOWELS[v] - b'a') as usize == letter {
            return true;
        }
        v += 1;
    }
    false
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
        let mut v = VocabularyBuilder::default();
        v.add_text("rotation protection premium registry identity rotate");
        v.finish()
    }

    #[test]
    fn corrects_long_words_only() {
        let v = vocab();
        assert_eq!(v.correct("roation"), Some(Correction::Fixed("rotation")));
        assert_eq!(v.correct("premuim"), Some(Correction::Fixed("premium")));
        assert_eq!(
            v.correct("protecton"),
            Some(Correction::Fixed("protection"))
        );
        assert_eq!(v.correct("regsitry"), Some(Correction::Fixed("registry")));
        assert_eq!(v.correct("identiy"), Some(Correction::Fixed("identity")));
        assert_eq!(v.correct("rotation"), None, "known words stay");
        assert_eq!(v.correct("bread"), None);
        assert_eq!(
            v.correct("rotste"),
            Some(Correction::Fixed("rotate")),
            "s is next to a"
        );
        assert_eq!(
            v.correct("rotete"),
            Some(Correction::Fixed("rotate")),
            "a vowel for a vowel"
        );
        assert_eq!(v.correct("rot"), None, "too short");
        assert_eq!(
            v.correct("reprotection"),
            None,
            "a prefix makes another word"
        );
    }

    /// Real words a substitution of far-apart keys would have turned into other words
    /// the corpus holds, as the eval sets' questions had them.
    #[test]
    fn a_letter_for_a_far_one_is_another_word_not_a_typo() {
        let mut v = VocabularyBuilder::default();
        v.add_text("shape content login extra supported internal");
        let v = v.finish();
        for word in ["share", "context", "logic", "entra", "supposed", "internet"] {
            assert_eq!(v.correct(word), None, "{word}");
        }
        assert_eq!(
            v.correct("shpae"),
            Some(Correction::Fixed("shape")),
            "a swap is still one edit"
        );
        assert_eq!(
            v.correct("contnt"),
            Some(Correction::Fixed("content")),
            "so is a letter left out"
        );
    }

    /// Real words one slip from a word of the corpus, as users' questions had them:
    /// "serve images again" read as "server", "reset" as the "rest" of "at rest".
    #[test]
    fn a_real_word_next_to_a_corpus_word_is_left_out_not_corrected() {
        let mut v = VocabularyBuilder::default();
        v.add_text("server rest intent broke health frequency accidental");
        let v = v.finish();
        for word in ["serve", "reset", "internet"] {
            assert_eq!(v.correct(word), Some(Correction::LeaveOut), "{word}");
        }
        for (word, form) in [
            ("broken", "broke"),
            ("healthy", "health"),
            ("frequent", "frequency"),
            ("accident", "accidental"),
            ("servre", "server"),
            ("intnet", "intent"),
        ] {
            assert_eq!(v.correct(word), Some(Correction::Fixed(form)), "{word}");
        }
    }

    #[test]
    fn forms_of_one_word_differ_by_an_ending() {
        for (a, b) in [
            ("broke", "broken"),
            ("healthy", "health"),
            ("frequent", "frequency"),
            ("dependency", "dependent"),
            ("rotate", "rotated"),
        ] {
            assert!(forms_of_one_word(a, b), "{a} {b}");
        }
        for (a, b) in [
            ("serve", "server"),
            ("line", "liner"),
            ("reset", "rest"),
            ("internet", "intent"),
            ("forget", "forgot"),
        ] {
            assert!(!forms_of_one_word(a, b), "{a} {b}");
        }
    }

    /// What [`Vocabulary::correct`] answers, found by measuring every known word.
    fn correct_by_scanning<'a>(v: &'a Vocabulary, word: &str) -> Option<&'a str> {
        let len = word.chars().count();
        if len < MIN_LEN
            || !word.chars().all(|c| c.is_alphabetic())
            || v.words.iter().any(|(w, _)| w == word)
        {
            return None;
        }
        let max = if len <= 7 { 1 } else { 2 };
        v.words
            .iter()
            .filter(|(w, _)| w.chars().next() == word.chars().next())
            .map(|(w, count)| (distance(word, w, max), *count, w.as_str()))
            .filter(|&(d, _, _)| d <= max)
            .min_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)).then(a.2.cmp(b.2)))
            .map(|(_, _, w)| w)
    }

    #[test]
    fn corrections_are_those_a_scan_of_every_word_finds() {
        let mut builder = VocabularyBuilder::default();
        let text = include_str!("../../knowledge/acr-cmk/references/key-rotation.md");
        builder.add_text(text);
        builder.add_text("überprüfung überprüft registry résumé");
        let v = builder.finish();
        let mut tried = 0;
        for word in v
            .words
            .iter()
            .map(|(w, _)| w.clone())
            .filter(|w| w.len() >= 5)
        {
            let chars: Vec<char> = word.chars().collect();
            // Every deletion, neighbour swap and a substitution and insertion at each
            // place, each also followed by a second edit for the longer words.
            let mut typos: Vec<String> = Vec::new();
            for i in 0..chars.len() {
                let mut c = chars.clone();
                c.remove(i);
                typos.push(c.iter().collect());
                let mut c = chars.clone();
                c[i] = if c[i] == 'e' { 'a' } else { 'e' };
                typos.push(c.iter().collect());
                let mut c = chars.clone();
                c.insert(i, 'x');
                typos.push(c.iter().collect());
                if i + 1 < chars.len() {
                    let mut c = chars.clone();
                    c.swap(i, i + 1);
                    typos.push(c.iter().collect::<String>());
                    c.remove(i.saturating_sub(1));
                    typos.push(c.iter().collect());
                }
            }
            for typo in typos {
                let found = correct_by_scanning(&v, &typo);
                match v.correct(&typo) {
                    Some(Correction::Fixed(w)) => assert_eq!(Some(w), found, "{typo}"),
                    // A typo that is itself a real word: the scan finds its
                    // neighbour too.
                    Some(Correction::LeaveOut) => assert!(found.is_some(), "{typo}"),
                    None => assert_eq!(found, None, "{typo}"),
                }
                tried += 1;
            }
        }
        assert!(tried > 1000, "{tried}");
    }

    #[test]
    fn slips_are_neighbouring_keys_or_two_vowels_both_ways() {
        for (a, b) in [
            ('q', 'w'),
            ('q', 'a'),
            ('e', 'd'),
            ('s', 'z'),
            ('n', 'm'),
            ('e', 'i'),
        ] {
            assert!(slip(a, b) && slip(b, a), "{a}{b}");
        }
        for (a, b) in [
            ('q', 's'),
            ('r', 'p'),
            ('x', 'n'),
            ('c', 'n'),
            ('a', 'a'),
            ('é', 'e'),
        ] {
            assert!(!slip(a, b), "{a}{b}");
        }
    }

    #[test]
    fn distance_counts_swaps_as_one() {
        assert_eq!(distance("premuim", "premium", 2), 1);
        assert_eq!(distance("abc", "abc", 2), 0);
        // k for s is no slip (two edits), e for i is (one), and the g is added.
        assert_eq!(distance("kitten", "sitting", 5), 4);
        assert_eq!(distance("kitten", "kitting", 5), 2);
    }
}
