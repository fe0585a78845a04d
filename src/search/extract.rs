//! Direct answers: one to three sentences *extracted* from the top sections.
//!
//! Nothing is generated or paraphrased: every sentence is one the knowledge holds
//! (as a reader sees it, without Markdown markers), and each carries the citation of
//! its section. Sentences are scored by the question's terms they contain (weighted
//! by IDF, synonyms counting too), the rank of their section, and their position in
//! it. For a yes/no question, a sentence that settles it (cannot, only, not supported,
//! required…) is preferred.

use schemars::JsonSchema;
use serde::Serialize;

use super::{Analyzed, SearchIndex};
use crate::knowledge::{Block, Citation, Corpus, Section};

/// The longest extracted answer, so it stays a short answer.
const MAX_ANSWER_CHARS: usize = 480;
const MAX_SENTENCES: usize = 3;
/// A further sentence joins the answer only when it scores at least this share of
/// the best one.
const FOLLOW_SHARE: f32 = 0.75;

/// Words that settle a yes/no question either way.
const POLARITY: &[&str] = &[
    "cannot",
    "can't",
    "not",
    "no",
    "never",
    "only",
    "must",
    "required",
    "requires",
    "need",
    "needs",
    "supported",
    "unsupported",
    "isn't",
    "doesn't",
    "don't",
    "yes",
    "always",
    "permanent",
    "irreversible",
];
/// Question openings that ask for a duration or a moment.
const DURATION_QUESTIONS: &[&str] = &[
    "how long",
    "how soon",
    "how fast",
    "how quickly",
    "how often",
    "when will",
    "how much time",
];
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years",
];
const YES_NO_OPENERS: &[&str] = &[
    "can", "is", "are", "does", "do", "will", "should", "must", "could", "may", "was", "has",
    "have", "did",
];

/// One extracted sentence with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnswerSentence {
    pub text: String,
    pub citation: Citation,
}

/// A short answer made of sentences from the knowledge.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DirectAnswer {
    /// The sentences joined, for display.
    pub text: String,
    pub sentences: Vec<AnswerSentence>,
}

/// What sentence scoring needs of a section, whatever the question: its sentences and
/// the stems of each. Built once per section (see [`SearchIndex::sentences`]).
pub(crate) struct SectionSentences {
    heading: Vec<String>,
    sentences: Vec<Sentence>,
}

struct Sentence {
    text: String,
    /// Sorted and deduplicated.
    stems: Vec<String>,
    polarity: bool,
    time_unit: bool,
    chars: usize,
}

impl SectionSentences {
    pub(crate) fn build(index: &SearchIndex, section: &Section) -> SectionSentences {
        let sorted = |mut v: Vec<String>| {
            v.sort_unstable();
            v.dedup();
            v
        };
        SectionSentences {
            heading: sorted(index.stems(section.title())),
            sentences: sentences(&section.blocks)
                .into_iter()
                .map(|text| {
                    let lower = text.to_lowercase();
                    let words = || lower.split(|c: char| !c.is_alphanumeric() && c != '\'');
                    Sentence {
                        stems: sorted(index.stems(&text)),
                        polarity: words().any(|w| POLARITY.contains(&w)),
                        time_unit: words().any(|w| TIME_UNITS.contains(&w)),
                        chars: text.chars().count(),
                        text,
                    }
                })
                .collect(),
        }
    }
}

fn has_any(sorted: &[String], stems: &[String]) -> bool {
    stems.iter().any(|s| sorted.binary_search(s).is_ok())
}

struct Candidate<'a> {
    section: usize,
    text: &'a str,
    chars: usize,
    score: f32,
    order: (usize, usize),
}

/// Extracts an answer to `question` (analyzed as `analyzed`) from `sections` (best
/// first). None when no sentence contains any of the question's terms.
pub(crate) fn extract(
    corpus: &Corpus,
    index: &SearchIndex,
    analyzed: &Analyzed,
    question: &str,
    sections: &[usize],
) -> Option<DirectAnswer> {
    let terms = index.weighted_terms(analyzed);
    let total: f32 = terms.iter().map(|t| t.weight).sum();
    if total == 0.0 {
        return None;
    }
    let first_word = question
        .split_whitespace()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let yes_no = YES_NO_OPENERS.contains(&first_word.as_str());
    let lowered = question.to_lowercase();
    let wants_duration = DURATION_QUESTIONS.iter().any(|d| lowered.contains(d));
    let mut candidates = Vec::new();
    for (rank, &section) in sections.iter().enumerate() {
        let table = index.sentences(corpus, section);
        // A section whose heading holds the question's terms is about the question;
        // its sentences get part of that credit.
        let heading_share: f32 = terms
            .iter()
            .filter(|t| has_any(&table.heading, &t.stems))
            .map(|t| t.weight)
            .sum::<f32>()
            / total;
        for (position, sentence) in table.sentences.iter().enumerate() {
            let matched: f32 = terms
                .iter()
                .filter(|t| has_any(&sentence.stems, &t.stems))
                .map(|t| t.weight)
                .sum();
            if matched == 0.0 {
                continue;
            }
            let settles = (yes_no && sentence.polarity) || (wants_duration && sentence.time_unit);
            let score = matched / total
                + 0.8 * heading_share
                + 0.5 / (1.0 + rank as f32)
                + 0.1 / (1.0 + position as f32)
                + if settles { 0.3 } else { 0.0 }
                // Very long sentences are rarely the crisp answer.
                - (sentence.chars.saturating_sub(220) as f32 / 1000.0);
            candidates.push(Candidate {
                section,
                text: &sentence.text,
                chars: sentence.chars,
                score,
                order: (rank, position),
            });
        }
    }
    candidates.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order)));
    let best = candidates.first()?.score;
    let mut chosen: Vec<&Candidate> = Vec::new();
    let mut length = 0;
    for c in &candidates {
        if chosen.len() == MAX_SENTENCES || c.score < best * FOLLOW_SHARE {
            break;
        }
        let len = c.chars;
        if !chosen.is_empty() && length + len > MAX_ANSWER_CHARS {
            continue;
        }
        if chosen.iter().any(|o| o.text == c.text) {
            continue;
        }
        length += len + 1;
        chosen.push(c);
    }
    // Read in the order the knowledge tells it.
    chosen.sort_by_key(|c| c.order);
    let sentences: Vec<AnswerSentence> = chosen
        .iter()
        .map(|c| AnswerSentence {
            text: c.text.to_string(),
            citation: corpus.citation(c.section),
        })
        .collect();
    Some(DirectAnswer {
        text: sentences
            .iter()
            .map(|s| s.text.as_str())
            .collect::<Vec<_>>()
            .join(" "),
        sentences,
    })
}

/// The sentences of a section's paragraphs and list items. Code is left out, and so
/// are the parts of a troubleshooting case that are not statements of fact: its
/// symptoms (a user's words), error fragments and diagnostic commands.
fn sentences(blocks: &[Block]) -> Vec<String> {
    let mut out = Vec::new();
    let mut skipping = false;
    for block in blocks {
        if let Block::Paragraph { label: Some(l), .. } = block {
            skipping = matches!(
                l.to_lowercase().as_str(),
                "symptoms" | "symptom" | "errors" | "error" | "diagnose" | "diagnosis"
            );
        }
        if skipping {
            continue;
        }
        let text = match block {
            Block::Paragraph { text, .. } | Block::ListItem { text, .. } => text.clone(),
            Block::Code(_) => continue,
        };
        out.extend(split_sentences(&text));
    }
    out.into_iter()
        .filter(|s| s.chars().count() >= 12 && s.chars().any(char::is_alphabetic))
        .collect()
}

/// Splits after `.`, `?` or `!` followed by a space and an uppercase letter, a digit
/// or a quote, so "e.g. the" and "2.62 and" stay whole.
fn split_sentences(text: &str) -> Vec<String> {
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut start = 0;
    for i in 0..chars.len() {
        let end_mark = matches!(chars[i], '.' | '?' | '!');
        let next_starts = chars.get(i + 1) == Some(&' ')
            && chars
                .get(i + 2)
                .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || *c == '`' || *c == '"');
        let abbreviation = || {
            i >= 3
                && matches!(
                    chars[i - 3..i],
                    ['e', '.', 'g'] | ['i', '.', 'e'] | ['e', 't', 'c'] | [' ', 'v', 's']
                )
        };
        if end_mark && next_starts && !abbreviation() {
            out.push(
                chars[start..=i]
                    .iter()
                    .collect::<String>()
                    .trim()
                    .to_string(),
            );
            start = i + 2;
        }
    }
    if start < chars.len() {
        out.push(chars[start..].iter().collect::<String>().trim().to_string());
    }
    out.into_iter().filter(|s| !s.is_empty()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_split_at_real_ends_only() {
        assert_eq!(
            split_sentences(
                "CMK needs Premium. It cannot be disabled, e.g. later. CLI 2.62 and later. Done!"
            ),
            [
                "CMK needs Premium.",
                "It cannot be disabled, e.g. later.",
                "CLI 2.62 and later.",
                "Done!"
            ]
        );
    }
}
