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

use foldhash::HashSet;

use super::known_phrases::{KnownPhrases, lowercase_joined};

/// Fewer words are a term more often than a name ("Key Vault", "Managed HSM"), and
/// the synonym groups know those.
const MIN_NAME_WORDS: usize = 3;
/// The longest name looked for ("Managed HSM Crypto Service Encryption User" has six).
const MAX_NAME_WORDS: usize = 7;

/// Every name of capitalized words the sections write, with how many sections
/// write it.
#[derive(Debug, Default)]
pub(crate) struct Names {
    names: KnownPhrases,
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
        let names = texts.map(|(text, counts)| {
            let mut names: HashSet<String> = HashSet::default();
            let capitalized = |w: &str| w.starts_with(char::is_uppercase);
            for_each_run(text, capitalized, |run| {
                let stop: Vec<bool> = run.iter().map(|w| is_stop(w)).collect();
                for len in MIN_NAME_WORDS..=run.len().min(MAX_NAME_WORDS) {
                    for (at, window) in run.windows(len).enumerate() {
                        if !stop[at] && !stop[at + len - 1] {
                            names.insert(lowercase_joined(window));
                        }
                    }
                }
            });
            (names, counts)
        });
        Names {
            names: KnownPhrases::count(names),
        }
    }

    /// The names `text` holds, in any case, each the longest the knowledge writes
    /// from where it starts, with the sections writing it; none that no counted
    /// section writes.
    pub(crate) fn named_in(&self, text: &str) -> Vec<(String, u32)> {
        let mut out: Vec<(String, u32)> = Vec::new();
        for_each_run(
            text,
            |_| true,
            |run| {
                let mut i = 0;
                while i + MIN_NAME_WORDS <= run.len() {
                    match self
                        .names
                        .longest_opening(&run[i..], MIN_NAME_WORDS..=MAX_NAME_WORDS)
                    {
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
