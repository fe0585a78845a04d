//! The names of several capitalized words the knowledge writes, and the ones a
//! question names.
//!
//! "Key Vault Crypto User" is, word by word, four words the corpus is full of: every
//! section about the registry's role holds "key", "vault", "crypto" and "user", for
//! "Key Vault Crypto Service Encryption User" has them all. Named whole, the role is
//! rare: a handful of sections name it. So a name of three or more capitalized words
//! that the knowledge writes (a role, a service, a product) is one more concept
//! when a question names it, in any case, found as a phrase and weighed by how few
//! sections name it.

use foldhash::{HashMap, HashSet};

/// Fewer words are a term more often than a name ("Key Vault", "Managed HSM"), and
/// the synonym groups know those.
const MIN_NAME_WORDS: usize = 3;
/// The longest name looked for ("Managed HSM Crypto Service Encryption User" has six).
const MAX_NAME_WORDS: usize = 7;

/// Every name of capitalized words the sections write, with how many sections
/// write it.
#[derive(Debug, Default)]
pub(crate) struct Names {
    sections_naming: HashMap<String, u32>,
    /// The words names open with, lowercase: most words of a question open none,
    /// and are passed over without a lookup per length.
    first_words: HashSet<String>,
}

impl Names {
    /// The names `texts` write, each counted once per text that `counts`. Every
    /// stretch of three to seven words of a longer run is a name too: a sentence's
    /// first word runs into the name it opens with ("Give Key Vault Crypto
    /// Officer…").
    ///
    /// A stretch that opens or ends with a stop word (`is_stop`) is no name: "The
    /// Managed HSM" is "Managed HSM" at a sentence's start.
    pub(crate) fn build<'a>(
        texts: impl Iterator<Item = (&'a str, bool)>,
        mut is_stop: impl FnMut(&str) -> bool,
    ) -> Names {
        let mut sections_naming: HashMap<String, u32> = HashMap::default();
        for (text, counts) in texts {
            let mut names: HashSet<String> = HashSet::default();
            let capitalized = |w: &str| w.starts_with(char::is_uppercase);
            for_each_run(text, capitalized, |run| {
                for len in MIN_NAME_WORDS..=run.len().min(MAX_NAME_WORDS) {
                    for window in run.windows(len) {
                        let ends = [window[0], window[len - 1]];
                        if !ends.iter().any(|w| is_stop(w)) {
                            names.insert(lowercase_joined(window));
                        }
                    }
                }
            });
            for name in names {
                *sections_naming.entry(name).or_default() += u32::from(counts);
            }
        }
        sections_naming.retain(|_, df| *df > 0);
        let first_words = sections_naming
            .keys()
            .filter_map(|name| name.split(' ').next())
            .map(str::to_string)
            .collect();
        Names {
            sections_naming,
            first_words,
        }
    }

    /// The names `text` holds, in any case, each the longest the knowledge writes
    /// from where it starts, with the sections writing it; none that no counted
    /// section writes (those were left out when the table was built).
    pub(crate) fn named_in(&self, text: &str) -> Vec<(String, u32)> {
        let mut out: Vec<(String, u32)> = Vec::new();
        let mut first = String::new();
        for_each_run(
            text,
            |_| true,
            |run| {
                let mut i = 0;
                while i + MIN_NAME_WORDS <= run.len() {
                    first.clear();
                    push_lowercase(&mut first, run[i]);
                    let opens = self.first_words.contains(first.as_str());
                    let longest = (MIN_NAME_WORDS..=(run.len() - i).min(MAX_NAME_WORDS))
                        .rev()
                        .filter(|_| opens)
                        .find_map(|len| {
                            let name = lowercase_joined(&run[i..i + len]);
                            let df = *self.sections_naming.get(&name)?;
                            Some((name, df, len))
                        });
                    match longest {
                        Some((name, df, len)) => {
                            if !out.iter().any(|(n, _)| *n == name) {
                                out.push((name, df));
                            }
                            i += len;
                        }
                        None => i += 1,
                    }
                }
            },
        );
        out
    }
}

/// `words` lowercased and joined by single spaces: how the table keys a name.
fn lowercase_joined(words: &[&str]) -> String {
    let mut out = String::with_capacity(words.iter().map(|w| w.len() + 1).sum());
    for (i, word) in words.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        push_lowercase(&mut out, word);
    }
    out
}

/// `word` lowercased onto `out`; in place for ASCII, which nearly every word is.
fn push_lowercase(out: &mut String, word: &str) {
    if word.is_ascii() {
        let from = out.len();
        out.push_str(word);
        out[from..].make_ascii_lowercase();
    } else {
        out.extend(word.chars().flat_map(char::to_lowercase));
    }
}

/// Calls `f` with each run of `text`'s words that `keeps` and that no punctuation (a
/// comma, a full stop, a bracket, a quote…) parts, each word without the marks around
/// it, when the run is long enough to be a name. One buffer serves every run: the
/// whole of the knowledge passes through here when the index is opened, and every
/// sentence of a question when it is asked.
fn for_each_run<'t>(text: &'t str, keeps: impl Fn(&str) -> bool, mut f: impl FnMut(&[&'t str])) {
    let mut run: Vec<&'t str> = Vec::new();
    let mut flush = |run: &mut Vec<&'t str>| {
        if run.len() >= MIN_NAME_WORDS {
            f(run);
        }
        run.clear();
    };
    for raw in text.split_whitespace() {
        let word = raw.trim_matches(|c: char| !c.is_alphanumeric());
        let opens = raw.starts_with(|c: char| !c.is_alphanumeric());
        let closes = raw.ends_with(|c: char| !c.is_alphanumeric());
        let kept = !word.is_empty()
            && word.chars().all(|c| c.is_alphanumeric() || c == '-')
            && keeps(word);
        if opens || !kept {
            flush(&mut run);
        }
        if kept {
            run.push(word);
        }
        if closes {
            flush(&mut run);
        }
    }
    flush(&mut run);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_the_longest_run_of_capitalized_words_the_knowledge_writes() {
        let names = Names::build(
            [
                (
                    "Give the identity **Key Vault Crypto Service Encryption User**, not Key Vault Crypto User.",
                    true,
                ),
                ("Grant Key Vault Crypto Officer to yourself.", true),
                ("The Azure Container Registry docs.", false),
                ("The Managed HSM Crypto User can create keys.", true),
            ]
            .into_iter(),
            |w| w.eq_ignore_ascii_case("the"),
        );
        assert_eq!(
            names.named_in(
                "why key vault crypto user on top of Key Vault Crypto Service Encryption User?"
            ),
            [
                ("key vault crypto user".to_string(), 1),
                ("key vault crypto service encryption user".to_string(), 1)
            ]
        );
        // A sentence's first word ran into the name; the name alone is found.
        assert_eq!(
            names.named_in("do i need Key Vault Crypto Officer"),
            [("key vault crypto officer".to_string(), 1)]
        );
        // Punctuation parts words; a text that does not count names nothing.
        assert!(names.named_in("key vault, crypto user").is_empty());
        assert!(names.named_in("azure container registry docs").is_empty());
        // A stop word at either end is not part of a name.
        assert_eq!(
            names.named_in("the managed hsm crypto user"),
            [("managed hsm crypto user".to_string(), 1)]
        );
        assert!(names.named_in("the managed hsm").is_empty());
    }
}
