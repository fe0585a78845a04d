//! The ways users ask for each section (`<!-- asked: -->`), line by line, for a
//! question whose words are all common.
//!
//! "How do I create the registry with a customer-managed key?" names "create",
//! "registry" and "customer-managed key", each in most sections: by their IDF no
//! section stands out, and the one that says "create" most often ("Create a new
//! version with az keyvault key create") led. One asked line that holds all three
//! ("create a premium acr with cmk in one cli call") tells where the question is
//! asked. The sections with such a line count as one more pseudo-concept, weighed
//! like the question's intent by the IDF of the sections that have it
//! ([`SearchIndex::asked_whole`]). A question with a rarer word is left to its words:
//! measured on the seen sets, the rule only paid where every word is common. So is a
//! yes/no question: the sections stating a rule rank it already, and the one its
//! asked line sent first ("Can I enable CMK on an existing registry?") settled it
//! without "No.".
//!
//! The lines are found through an inverted list of their stems, so a large corpus
//! reads only the lines that hold the question's words.

use foldhash::HashMap;

use super::query::{Analyzed, idf};
use super::{Kind, SearchIndex, TermStats, tokenize};
use crate::knowledge::Corpus;

/// A concept counts as common at this information or below ("create" 0.01, the
/// rotation group 0.46, "version" 0.71, "versionless" 1.32; "picker" 2.82 is above).
const COMMON_INFORMATION: f32 = 1.5;

/// The fewest and most concepts of a question matched whole: one concept is
/// ranked by its IDF already, and a post of many words is never asked in one line.
const CONCEPTS: std::ops::RangeInclusive<usize> = 2..=6;

/// What an asked line holding the whole question adds, as a share of the IDF of
/// the sections that have one (chosen on the seen sets: at .5 and 1 more of them
/// lost a question).
pub(crate) const WEIGHT: f32 = 0.25;

/// Every section's asked lines as sorted term ids, found by their stems.
#[derive(Default)]
pub(crate) struct AskedLines {
    /// The section of each line.
    section_of_line: Vec<u32>,
    /// The lines each term stands in, in order.
    lines_of_term: HashMap<u32, Vec<u32>>,
}

impl AskedLines {
    pub(crate) fn build(
        corpus: &Corpus,
        en: &mut tantivy::tokenizer::TextAnalyzer,
        stats: &TermStats,
    ) -> AskedLines {
        let mut lines = AskedLines::default();
        for (section, s) in corpus.sections.iter().enumerate() {
            for asked in &s.asked {
                let line = lines.section_of_line.len() as u32;
                lines.section_of_line.push(section as u32);
                let mut ids: Vec<u32> = tokenize::tokens(en, asked)
                    .iter()
                    .filter_map(|stem| stats.term_ids.get(stem.as_str()).copied())
                    .collect();
                ids.sort_unstable();
                ids.dedup();
                for id in ids {
                    lines.lines_of_term.entry(id).or_default().push(line);
                }
            }
        }
        lines
    }

    /// The lines one of whose stems is `id`, in order.
    fn lines_of(&self, id: u32) -> &[u32] {
        self.lines_of_term.get(&id).map_or(&[], Vec::as_slice)
    }

    /// Whether line `line` holds every stem of `ids`.
    fn holds(&self, line: u32, ids: &[u32]) -> bool {
        ids.iter()
            .all(|&id| self.lines_of(id).binary_search(&line).is_ok())
    }

    /// The sections with a line holding every concept of `concepts`, each given as
    /// its phrases' term ids (any one phrase of a concept will do), sorted. The
    /// lines of the concept found in fewest are read, and each kept only if it holds
    /// the others: a common concept's long lists are looked into, never copied.
    fn sections_holding(&self, concepts: &[Vec<Vec<u32>>]) -> Vec<u32> {
        // At most as many lines as its phrases' shortest lists hold.
        let reach = |phrases: &Vec<Vec<u32>>| -> usize {
            phrases
                .iter()
                .map(|ids| {
                    ids.iter()
                        .map(|&id| self.lines_of(id).len())
                        .min()
                        .unwrap_or(0)
                })
                .sum()
        };
        let Some(narrowest) = (0..concepts.len()).min_by_key(|&i| reach(&concepts[i])) else {
            return Vec::new();
        };
        let mut lines: Vec<u32> = concepts[narrowest]
            .iter()
            .filter_map(|ids| {
                let shortest = ids.iter().min_by_key(|&&id| self.lines_of(id).len())?;
                Some(
                    self.lines_of(*shortest)
                        .iter()
                        .copied()
                        .filter(move |&line| self.holds(line, ids)),
                )
            })
            .flatten()
            .collect();
        lines.sort_unstable();
        lines.dedup();
        lines.retain(|&line| {
            concepts.iter().enumerate().all(|(i, phrases)| {
                i == narrowest || phrases.iter().any(|ids| self.holds(line, ids))
            })
        });
        let mut sections: Vec<u32> = lines
            .into_iter()
            .map(|l| self.section_of_line[l as usize])
            .collect();
        sections.dedup();
        sections
    }
}

impl SearchIndex {
    /// The sections one of whose asked lines holds every concept the question asks,
    /// for a question whose concepts are all common ([`COMMON_INFORMATION`]) and that
    /// is not a yes/no question; sorted.
    pub(crate) fn asked_whole(&self, analyzed: &Analyzed) -> Vec<u32> {
        if !self.tuning.asked_whole || analyzed.intent.polar {
            return Vec::new();
        }
        let n = self.answerable as f32;
        let asked: Vec<_> = analyzed
            .concepts
            .iter()
            .filter(|c| c.counts_for_coverage())
            .filter(|c| !(analyzed.intent.procedure && names_the_tool(c)))
            .collect();
        if !CONCEPTS.contains(&asked.len())
            || asked
                .iter()
                .any(|c| idf(n, c.estimated_df as f32) > COMMON_INFORMATION)
        {
            return Vec::new();
        }
        let concepts: Vec<Vec<Vec<u32>>> = asked
            .iter()
            .map(|c| {
                c.phrases
                    .iter()
                    .filter_map(|phrase| {
                        phrase
                            .iter()
                            .map(|(stem, _)| self.stats.term_ids.get(stem.as_str()).copied())
                            .collect::<Option<Vec<u32>>>()
                    })
                    .collect()
            })
            .collect();
        let mut sections = self.asked_lines.sections_holding(&concepts);
        // Scenario docs are step templates, not answers ([`Kind::Scenario`]).
        sections.retain(|&d| self.kinds[d as usize] != Kind::Scenario);
        sections
    }
}

/// Whether `concept` is "az" in a question asking for a command ("which az command
/// creates a registry with cmk"): it says how the answer is wanted, as "command"
/// does ([`Analyzed::form`](super::query::Analyzed::form)), and the asked lines say
/// what is done ("create acr with cmk"), not with what tool.
fn names_the_tool(concept: &super::query::Concept) -> bool {
    concept
        .phrases
        .iter()
        .all(|phrase| matches!(phrase.as_slice(), [(stem, _)] if stem == "az"))
}

#[cfg(test)]
mod tests {
    use crate::knowledge::Corpus;
    use crate::search::SearchIndex;

    fn index(text: &str) -> SearchIndex {
        SearchIndex::build(&Corpus::from_texts([("acr-cmk", "references/a.md", text)])).unwrap()
    }

    /// A line holds the question when it holds one phrase of each concept, in any
    /// order; one concept missing, or a second line holding the rest, is not enough.
    #[test]
    fn a_line_holds_every_concept_or_the_section_is_not_found() {
        let doc = "# Registry\n\n\
            ## Create the registry with the key\n<!-- asked:\n- with a key, create a registry\n-->\n\nText about the registry and the key.\n\n\
            ## Create a key version\n<!-- asked:\n- create a new version\n- the registry with a key\n-->\n\nText about a key, the registry and its versions.\n\n\
            ## Other\n\nThe registry, the key and more text to create.\n";
        let index = index(doc);
        let analyzed = index.analyze("how do i create the registry with a key");
        let found = index.asked_whole(&analyzed);
        assert_eq!(found.len(), 1, "{found:?}");
        let corpus = Corpus::from_texts([("acr-cmk", "references/a.md", doc)]);
        assert_eq!(
            corpus.sections[found[0] as usize].title(),
            "Create the registry with the key"
        );
    }
}
