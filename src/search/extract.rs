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

use super::SearchIndex;
use crate::knowledge::{Block, Citation, Corpus};

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

struct Candidate {
    section: usize,
    text: String,
    score: f32,
    order: (usize, usize),
}

/// Extracts an answer to `question` from `sections` (best first). None when no
/// sentence contains any of the question's terms.
pub fn extract(
    corpus: &Corpus,
    index: &SearchIndex,
    question: &str,
    sections: &[usize],
) -> Option<DirectAnswer> {
    let terms = index.weighted_terms(question);
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
        // A section whose heading holds the question's terms is about the question;
        // its sentences get part of that credit.
        let heading = index.stems(corpus.sections[section].title());
        let heading_share: f32 = terms
            .iter()
            .filter(|t| t.stems.iter().any(|s| heading.contains(s)))
            .map(|t| t.weight)
            .sum::<f32>()
            / total;
        for (position, sentence) in sentences(&corpus.sections[section].blocks)
            .into_iter()
            .enumerate()
        {
            let stems = index.stems(&sentence);
            let matched: f32 = terms
                .iter()
                .filter(|t| t.stems.iter().any(|s| stems.contains(s)))
                .map(|t| t.weight)
                .sum();
            if matched == 0.0 {
                continue;
            }
            let lower = sentence.to_lowercase();
            let words: Vec<&str> = lower
                .split(|c: char| !c.is_alphanumeric() && c != '\'')
                .collect();
            let settles = (yes_no && words.iter().any(|w| POLARITY.contains(w)))
                || (wants_duration && words.iter().any(|w| TIME_UNITS.contains(w)));
            let score = matched / total
                + 0.8 * heading_share
                + 0.5 / (1.0 + rank as f32)
                + 0.1 / (1.0 + position as f32)
                + if settles { 0.3 } else { 0.0 }
                // Very long sentences are rarely the crisp answer.
                - (sentence.chars().count().saturating_sub(220) as f32 / 1000.0);
            candidates.push(Candidate {
                section,
                text: sentence,
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
        let len = c.text.chars().count();
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
            text: c.text.clone(),
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
        let abbreviation = i >= 3
            && matches!(
                chars[i - 3..i].iter().collect::<String>().as_str(),
                "e.g" | "i.e" | "etc" | " vs"
            );
        if end_mark && next_starts && !abbreviation {
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
