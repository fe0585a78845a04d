//! The `az` commands the knowledge's code runs, and the ones a question names.
//!
//! "az acr encryption rotate-key example" is, word by word, three of the commonest
//! words of the corpus ("acr", "encryption", "key") and "rotate": every word alone
//! points at a dozen sections, and the one that runs the command need not win. Named
//! whole, the command is rare: a handful of sections run it. So a question's `az`
//! command is one more concept, found as a phrase in code blocks and in prose, and
//! weighed by how few sections run it. Only paths the knowledge itself runs count,
//! which is also where a named command ends ("az acr create with cmk" names
//! `az acr create`).

use foldhash::HashSet;

use super::known_phrases::KnownPhrases;

use crate::azure::command::runs_az;
use crate::knowledge::Section;

/// Words of a command path a question must name, beyond `az`: a group and its verb
/// (`acr create`). A group alone (`az keyvault`) names no procedure.
const MIN_PATH_WORDS: usize = 2;
/// The longest path looked for (`keyvault key rotation-policy update` has four).
const MAX_PATH_WORDS: usize = 5;

/// Every command path the code blocks run, with how many sections run it.
#[derive(Debug, Default)]
pub(crate) struct AzCommands {
    paths: KnownPhrases,
}

impl AzCommands {
    /// The paths `sections` run, each counted once per section that `counts`.
    pub(crate) fn build<'a>(sections: impl Iterator<Item = (&'a Section, bool)>) -> AzCommands {
        let paths = sections.map(|(section, counts)| {
            let mut paths: HashSet<String> = HashSet::default();
            for line in section.code.iter().flat_map(|c| c.code.lines()) {
                let line = line.trim_start();
                if runs_az(line) {
                    paths.extend(
                        paths_run_by(line)
                            .filter(|p| p.len() >= MIN_PATH_WORDS)
                            .map(|p| p.join(" ")),
                    );
                }
            }
            (paths, counts)
        });
        AzCommands {
            paths: KnownPhrases::count(paths),
        }
    }

    /// The commands `text` names after an `az`, each the longest path the knowledge
    /// runs, with the sections running it; none the knowledge runs in no counted
    /// section.
    pub(crate) fn named_in(&self, text: &str) -> Vec<(String, u32)> {
        let mut out: Vec<(String, u32)> = Vec::new();
        for words in paths_run_by(text) {
            if let Some((path, df, _)) = self
                .paths
                .longest_opening(&words, MIN_PATH_WORDS..=MAX_PATH_WORDS)
                && !out.iter().any(|(p, _)| *p == path)
            {
                out.push((path, df));
            }
        }
        out
    }
}

/// The words after each `az` of `text` that may be a command path: up to the first
/// flag, value or sentence mark. Backticks, quotes and a shell's `$(` around them
/// are not part of them. Every question's sentences pass through here, so the words
/// are walked, not collected.
fn paths_run_by(text: &str) -> impl Iterator<Item = Vec<&str>> {
    let mut words = text.split_whitespace();
    std::iter::from_fn(move || {
        // `KEY_ID=$(az …`: what a substitution runs.
        words.by_ref().find(|w| {
            let w = w.rsplit("$(").next().unwrap_or(w);
            w.trim_start_matches(['`', '"', '\''])
                .eq_ignore_ascii_case("az")
        })?;
        let mut path = Vec::new();
        for word in words.clone() {
            let core = word.trim_end_matches(['`', '"', '\'', ')', ',', '.', ';', ':', '?', '!']);
            if !is_path_word(core) {
                break;
            }
            path.push(core);
            if core.len() != word.len() || path.len() == MAX_PATH_WORDS {
                // Punctuation after it ends the command.
                break;
            }
        }
        Some(path)
    })
}

/// A command group or verb: lowercase letters, digits and hyphens, opening with a
/// letter (`rotate-key`, `set-policy`); a user may type it capitalized.
fn is_path_word(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && word.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_command_ends_at_its_first_flag_value_or_mark() {
        let paths = |t: &'static str| -> Vec<Vec<&'static str>> { paths_run_by(t).collect() };
        assert_eq!(
            paths("KEY_ID=$(az keyvault key show --vault-name \"$V\" --query key.kid -o tsv)"),
            [vec!["keyvault", "key", "show"]]
        );
        assert_eq!(
            paths("is `az acr encryption rotate-key` enough, or az acr update?"),
            [
                vec!["acr", "encryption", "rotate-key"],
                vec!["acr", "update"]
            ]
        );
        assert_eq!(
            paths("Az Acr Create with cmk"),
            [vec!["Acr", "Create", "with", "cmk"]]
        );
    }

    #[test]
    fn a_named_command_is_the_longest_path_the_knowledge_runs() {
        let known = AzCommands {
            paths: KnownPhrases::from_counts([
                ("acr create".to_string(), 9),
                ("acr encryption rotate-key".to_string(), 3),
                ("acr encryption show".to_string(), 0),
            ]),
        };
        assert_eq!(
            known.named_in("Az Acr Create with cmk, then az acr encryption rotate-key example"),
            [
                ("acr create".to_string(), 9),
                ("acr encryption rotate-key".to_string(), 3)
            ]
        );
        // Only where a counted section runs it; a group alone names nothing.
        assert!(
            known
                .named_in("what does az acr encryption show return")
                .is_empty()
        );
        assert!(known.named_in("az acr").is_empty());
        assert!(known.named_in("use the az cli to create acr").is_empty());
    }
}
