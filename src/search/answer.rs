//! Answering a question: search, the relevance floor, and cited snippets.

use schemars::JsonSchema;
use serde::Serialize;

use super::SearchIndex;
use crate::error::InputError;
use crate::knowledge::{Corpus, LineRange};

/// Below this coverage (IDF-weighted share of the question's terms found in the best
/// section) the knowledge is taken not to cover the question.
pub const MIN_CONFIDENT_COVERAGE: f32 = 0.5;
pub const MAX_QUESTION_CHARS: usize = 2_000;
pub const DEFAULT_MAX_RESULTS: usize = 3;
pub const MAX_RESULTS: usize = 10;
/// Per-snippet text budget: whole sections for coding assistants, yet every response
/// stays far below the 25k-token tool-output cap of common clients.
pub const SNIPPET_MAX_CHARS: usize = 2_400;

/// A cited piece of knowledge.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Snippet {
    /// The section's Markdown, code blocks whole; trimmed at a block boundary when long.
    pub text: String,
    /// The doc id: skill and path, e.g. `acr-cmk/references/key-rotation.md`.
    pub doc: String,
    /// Headings from the doc's title down to this section.
    pub heading_path: Vec<String>,
    /// The section's anchor within the doc.
    pub anchor: String,
    /// `skill://` URI of the section.
    pub uri: String,
    pub lines: LineRange,
    /// The official upstream page this section is based on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
    /// Relevance score (BM25); higher is better, only comparable within one answer.
    pub score: f32,
}

/// The answer to a question: cited snippets, and whether they really answer it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Answer {
    pub question: String,
    /// False when the knowledge base does not cover the question; the snippets are
    /// then only the nearest sections, not an answer.
    pub confident: bool,
    pub snippets: Vec<Snippet>,
}

/// Checks a question against the input rules and returns it trimmed.
pub fn validate_question(question: &str) -> Result<&str, InputError> {
    let q = question.trim();
    if q.is_empty() {
        return Err(InputError::new(
            "question",
            "must not be empty or only whitespace",
        ));
    }
    let chars = q.chars().count();
    if chars > MAX_QUESTION_CHARS {
        return Err(InputError::new(
            "question",
            format!("is {chars} characters long; the limit is {MAX_QUESTION_CHARS} after trimming"),
        ));
    }
    if q.chars()
        .any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t'))
    {
        return Err(InputError::new(
            "question",
            "must not contain control characters such as NUL",
        ));
    }
    Ok(q)
}

pub fn validate_max_results(max_results: Option<i64>) -> Result<usize, InputError> {
    match max_results {
        None => Ok(DEFAULT_MAX_RESULTS),
        Some(n) if (1..=MAX_RESULTS as i64).contains(&n) => Ok(n as usize),
        Some(n) => Err(InputError::new(
            "max_results",
            format!("{n} is out of range; it must be an integer from 1 to {MAX_RESULTS}"),
        )),
    }
}

/// Answers `question` with up to `max_results` cited snippets.
pub fn answer(corpus: &Corpus, index: &SearchIndex, question: &str, max_results: usize) -> Answer {
    let hits = index.search(question, max_results, &|_| true);
    // Confident when some returned section covers the question; it need not be the
    // top one, which may win on a repeated word.
    let confident = hits.iter().any(|h| h.coverage >= MIN_CONFIDENT_COVERAGE);
    Answer {
        question: question.to_string(),
        confident,
        snippets: hits
            .iter()
            .map(|h| snippet(corpus, h.section, h.score))
            .collect(),
    }
}

/// A citation-carrying snippet of one section.
pub fn snippet(corpus: &Corpus, section: usize, score: f32) -> Snippet {
    let s = &corpus.sections[section];
    Snippet {
        text: trim_markdown(&s.markdown, SNIPPET_MAX_CHARS),
        doc: corpus.doc_of(s).id(),
        heading_path: s.heading_path.clone(),
        anchor: s.anchor.clone(),
        uri: corpus.section_uri(s),
        lines: LineRange {
            start: s.lines.0,
            end: s.lines.1,
        },
        source_url: s.source_url.clone(),
        score: (score * 1000.0).round() / 1000.0,
    }
}

/// Cuts Markdown to about `max_chars`, only between blocks, so no code fence is ever
/// left open. A first block that alone is too long is cut at a line and its fence
/// closed.
pub fn trim_markdown(markdown: &str, max_chars: usize) -> String {
    if markdown.chars().count() <= max_chars {
        return markdown.to_string();
    }
    let blocks = split_blocks(markdown);
    let mut out = String::new();
    for block in &blocks {
        let needed = out.chars().count() + block.chars().count() + 2;
        if needed > max_chars {
            if out.is_empty() {
                out = cut_block(block, max_chars);
            }
            out.push_str("\n\n…");
            return out;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
        }
        out.push_str(block);
    }
    out
}

/// Blocks separated by blank lines, with a fenced code block always one block.
fn split_blocks(markdown: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    let mut current = String::new();
    let mut fence: Option<String> = None;
    for line in markdown.lines() {
        let trimmed = line.trim_start();
        match &fence {
            Some(f) => {
                current.push_str(line);
                current.push('\n');
                if trimmed.starts_with(f.as_str())
                    && trimmed
                        .trim_start_matches(f.chars().next().unwrap_or('`'))
                        .trim()
                        .is_empty()
                {
                    fence = None;
                }
            }
            None => {
                if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                    let ch = trimmed.chars().next().unwrap_or('`');
                    fence = Some(trimmed.chars().take_while(|&c| c == ch).collect());
                    current.push_str(line);
                    current.push('\n');
                } else if line.trim().is_empty() {
                    if !current.trim().is_empty() {
                        blocks.push(current.trim_end().to_string());
                    }
                    current.clear();
                } else {
                    current.push_str(line);
                    current.push('\n');
                }
            }
        }
    }
    if !current.trim().is_empty() {
        blocks.push(current.trim_end().to_string());
    }
    blocks
}

fn cut_block(block: &str, max_chars: usize) -> String {
    let fence: Option<String> = block
        .lines()
        .next()
        .map(str::trim_start)
        .filter(|l| l.starts_with("```") || l.starts_with("~~~"))
        .map(|l| {
            let ch = l.chars().next().unwrap_or('`');
            l.chars().take_while(|&c| c == ch).collect()
        });
    let mut out = String::new();
    for line in block.lines() {
        if out.chars().count() + line.chars().count() + 1 > max_chars.saturating_sub(8) {
            break;
        }
        out.push_str(line);
        out.push('\n');
    }
    if out.is_empty() {
        out = block.chars().take(max_chars).collect();
    }
    if let Some(f) = fence {
        out.push_str(&f);
    }
    out.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_rules() {
        assert_eq!(validate_question("  hi ").unwrap(), "hi");
        assert_eq!(validate_question(" \n ").unwrap_err().field, "question");
        assert!(
            validate_question(&"x".repeat(2001))
                .unwrap_err()
                .problem
                .contains("2000")
        );
        assert!(
            validate_question("a\0b")
                .unwrap_err()
                .problem
                .contains("control")
        );
        assert_eq!(validate_max_results(None).unwrap(), 3);
        assert!(validate_max_results(Some(0)).is_err());
        assert!(validate_max_results(Some(11)).is_err());
    }

    #[test]
    fn trimming_never_breaks_a_fence() {
        let md = format!(
            "intro\n\n```bash\n{}```\n\nafter",
            "az acr show --name x\n".repeat(200)
        );
        let t = trim_markdown(&md, 500);
        assert!(t.chars().count() <= 520, "{}", t.len());
        assert_eq!(t.matches("```").count() % 2, 0, "{t}");
        let t = trim_markdown(&md[7..], 300);
        assert!(
            t.starts_with("```bash") && t.trim_end_matches('…').trim_end().ends_with("```"),
            "{t}"
        );
        assert_eq!(trim_markdown("short", 10), "short");
    }
}
