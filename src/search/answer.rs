//! Answering a question: search, the relevance floor, and cited snippets.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use super::SearchIndex;
use super::extract::{self, AnswerSentence, DirectAnswer};
use super::query::{self, Analyzed};
use crate::error::InputError;
use crate::knowledge::{Citation, CitationList, Corpus, KnowledgeVersion, LineRange};

/// Below this coverage (IDF-weighted share of the question's concepts held by a
/// section), in each of the sections an answer is drawn from, the knowledge is taken
/// not to cover the question.
pub const MIN_CONFIDENT_COVERAGE: f32 = 0.45;
/// The same floor for a question none of whose words counts as unknown (the
/// analysis counts no `unknown_words`): nothing in it points to another subject, so
/// it asks less of a section's coverage. (An unknown word is what most off-topic
/// questions hold; those whose words are all known are near misses, which this floor
/// admits rarely: 4 more of 436 on the seen sets.)
pub const MIN_CONFIDENT_COVERAGE_ALL_KNOWN: f32 = 0.40;
/// How many of the best results (groups of adjacent sections) a direct answer is
/// drawn from, and one of which must cover the question for a confident answer.
pub(crate) const ANSWER_SECTIONS: usize = 3;
/// Above this share of its information in words the corpus has never seen, the
/// question is taken to be about something else.
pub const MAX_UNKNOWN_SHARE: f32 = 0.5;
pub const MAX_QUESTION_CHARS: usize = 2_000;
pub const DEFAULT_MAX_RESULTS: usize = 3;
pub const MAX_RESULTS: usize = 10;
/// Per-snippet text budget: whole sections for coding assistants, yet every response
/// stays far below the 25k-token tool-output cap of common clients (ten snippets of
/// this size are about 6k tokens).
pub const SNIPPET_MAX_CHARS: usize = 2_400;
/// Bounds and default of the caller's total text budget (`max_chars`).
pub const MIN_MAX_CHARS: usize = 200;
pub const MAX_MAX_CHARS: usize = 20_000;
/// The default keeps an answer with its citations near 6,000 bytes of JSON-RPC (#16).
pub const DEFAULT_MAX_CHARS: usize = 2_500;

/// A cited piece of knowledge. Serialized, it names its section by `cite`, an index
/// into the result's `citations`; the section's doc, headings, anchor, URI and
/// upstream page are fields here for Rust callers and are not sent.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Snippet {
    /// Index of the section's citation in the result's `citations`.
    pub cite: usize,
    /// The section, by its index in [`Corpus::sections`] (the best-ranked one of a
    /// merged snippet).
    #[serde(skip)]
    pub section: usize,
    /// The section's Markdown, code blocks whole; trimmed at a block boundary when long.
    pub text: String,
    /// The doc id: skill and path, e.g. `acr-cmk/references/key-rotation.md`.
    #[serde(skip)]
    pub doc: String,
    /// Headings from the doc's title down to this section.
    #[serde(skip)]
    pub heading_path: Vec<String>,
    /// The section's anchor within the doc.
    #[serde(skip)]
    pub anchor: String,
    /// `skill://` URI of the section.
    #[serde(skip)]
    pub uri: String,
    /// The lines the snippet spans: its citation's, or more when sections merged.
    #[serde(skip)]
    pub lines: LineRange,
    /// The lines a merged snippet spans (a single section's are its citation's).
    #[serde(rename = "lines", skip_serializing_if = "Option::is_none")]
    pub merged_lines: Option<LineRange>,
    /// The official upstream page this section is based on.
    #[serde(skip)]
    pub source_url: Option<String>,
    /// Relevance score (BM25F over concepts); higher is better, only comparable within
    /// one answer. Rounded to three decimals.
    #[serde(serialize_with = "crate::round::serialize")]
    #[schemars(with = "f64")]
    pub score: f32,
    /// Anchors of adjacent sections of the same doc merged into this snippet.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub merged_anchors: Vec<String>,
}

/// The answer to a question: cited snippets, and whether they really answer it.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct Answer {
    pub question: String,
    /// False when the knowledge base does not cover the question; the snippets are
    /// then only the nearest sections, not an answer.
    pub confident: bool,
    /// A short answer of sentences taken word for word from the top sections, each
    /// cited; absent when not confident.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub answer: Option<DirectAnswer>,
    pub snippets: Vec<Snippet>,
    /// Every section the answer and the snippets cite, once; they refer to it by
    /// index (`cite`).
    pub citations: Vec<Citation>,
    /// Which knowledge answered.
    pub knowledge: KnowledgeVersion,
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

pub fn validate_max_chars(max_chars: Option<i64>) -> Result<usize, InputError> {
    match max_chars {
        None => Ok(DEFAULT_MAX_CHARS),
        Some(n) if (MIN_MAX_CHARS as i64..=MAX_MAX_CHARS as i64).contains(&n) => Ok(n as usize),
        Some(n) => Err(InputError::new(
            "max_chars",
            format!(
                "{n} is out of range; it must be an integer from {MIN_MAX_CHARS} to {MAX_MAX_CHARS}"
            ),
        )),
    }
}

/// Answers `question` with up to `max_results` cited snippets whose text together
/// stays within about `max_chars`. `pasted_cases()` lists the sections of the
/// troubleshooting cases whose error text the question pastes (see [`judge`]); it is
/// called at most once, and only when the verdict needs it.
pub fn answer(
    corpus: &Corpus,
    index: &SearchIndex,
    question: &str,
    max_results: usize,
    max_chars: usize,
    pasted_cases: &dyn Fn() -> Vec<usize>,
) -> Answer {
    // Fetch extra hits: merging adjacent sections frees places for the next ones.
    let analyzed = index.analyze(question);
    let hits = index.search_analyzed(
        &analyzed,
        (max_results * 2).max(ANSWER_SECTIONS),
        super::Scope::All,
    );
    let judgement = judge(index, question, &analyzed, &hits, pasted_cases);
    let confident = judgement.confident();
    // Groups of hits: a hit right before or after an earlier, better hit of the same
    // doc joins its group, so one excerpt covers both.
    let mut groups: Vec<(Vec<usize>, f32)> = Vec::new();
    for h in &hits {
        let doc = corpus.sections[h.section].doc;
        let joins = if index.tuning.merge_adjacent {
            groups.iter().position(|(sections, _)| {
                sections
                    .iter()
                    .any(|&s| s.abs_diff(h.section) == 1 && corpus.sections[s].doc == doc)
            })
        } else {
            None
        };
        match joins {
            Some(g) => groups[g].0.push(h.section),
            None if groups.len() < max_results => groups.push((vec![h.section], h.score)),
            None => {}
        }
    }
    let answer = if let Some(case) = judgement.pasted_case {
        extract::from_case(corpus, index, case)
    } else if confident {
        let sections: Vec<usize> = groups
            .iter()
            .take(ANSWER_SECTIONS)
            .flat_map(|(s, _)| s.iter().copied())
            .collect();
        let reading = match (&judgement.core, &judgement.story) {
            (Some((_, core)), _) => core,
            (None, Some(story)) => story,
            (None, None) => &analyzed,
        };
        extract::extract(corpus, index, reading, &sections)
    } else {
        None
    };
    let mut snippets: Vec<Snippet> = groups
        .into_iter()
        .map(|(mut sections, score)| {
            let best = sections[0];
            sections.sort_unstable();
            merged_snippet(corpus, best, &sections, score)
        })
        .collect();
    let lengths: Vec<usize> = snippets.iter().map(|s| s.text.chars().count()).collect();
    let shares = shares(&lengths, max_chars);
    for ((s, share), chars) in snippets.iter_mut().zip(shares).zip(lengths) {
        let limit = share.clamp(MIN_MAX_CHARS, SNIPPET_MAX_CHARS * 2);
        if chars > limit {
            s.text = trim_markdown(&s.text, limit);
        }
    }
    let mut answer = answer;
    let citations = cite_all(
        corpus,
        &mut snippets,
        answer
            .as_mut()
            .map_or(&mut [][..], |a| &mut a.sentences[..]),
    );
    Answer {
        question: question.to_string(),
        confident,
        answer,
        snippets,
        citations,
        knowledge: corpus.version.clone(),
    }
}

/// Whether the knowledge answers a question, and from what: the verdict [`answer`]
/// acts on, kept whole so that [`super::explain`] reports the same one.
pub(crate) struct Judgement {
    /// About a subject the knowledge says it leaves out ([`SearchIndex::out_of_scope`]).
    pub out_of_scope: bool,
    /// Share of the question's information in words the corpus has never seen.
    pub unknown_share: f32,
    /// The sentences that ask, taken alone, are about words the corpus has never
    /// seen, however much of the knowledge the story around them names.
    pub asks_unknown: bool,
    /// One of the sections an answer is drawn from covers the whole question, as
    /// [`covers_an_answer_section`] counts it.
    pub whole_covered: bool,
    /// The asking sentence answered on its own when the whole is not covered, with
    /// its analysis.
    pub core: Option<(String, Analyzed)>,
    /// The troubleshooting case whose error text the question pastes, when its words
    /// do not settle the question otherwise: the answer is then the case's cause and
    /// fix.
    pub pasted_case: Option<usize>,
    /// The question read with its story weighed as asked ([`story_reading`]), when
    /// that reading covers the section the question ranks first and nothing else
    /// settles it: the answer is drawn from it, without a yes or no.
    pub story: Option<Analyzed>,
    relevance_floor: bool,
}

impl Judgement {
    pub fn in_scope(&self) -> bool {
        !self.out_of_scope
            && (!self.relevance_floor
                || (self.unknown_share <= MAX_UNKNOWN_SHARE && !self.asks_unknown))
    }

    pub fn confident(&self) -> bool {
        self.in_scope()
            && (self.whole_covered
                || self.core.is_some()
                || self.pasted_case.is_some()
                || self.story.is_some())
    }
}

/// Judges `hits`, the ranking of `question` (analyzed as `analyzed`).
///
/// Confident when one of the sections an answer is drawn from covers the question
/// (not only the top one, which may win on a repeated concept), and the question is
/// not mostly about things the knowledge has never heard of. A section further down
/// covering it says little: an off-topic question shares words with some section,
/// and how many results a caller asks for must not change the verdict.
pub(crate) fn judge(
    index: &SearchIndex,
    question: &str,
    analyzed: &Analyzed,
    hits: &[super::Hit],
    pasted_cases: &dyn Fn() -> Vec<usize>,
) -> Judgement {
    // The question's sentences, read once for the rules below that look at its
    // asking sentences alone.
    let segments = query::segments(question);
    let floor = confidence_floor(analyzed);
    let mut judgement = Judgement {
        out_of_scope: index.out_of_scope(question),
        unknown_share: analyzed.unknown_share(),
        asks_unknown: false,
        whole_covered: covers_an_answer_section(hits, floor, segments.len()),
        core: None,
        pasted_case: None,
        story: None,
        relevance_floor: index.tuning.relevance_floor,
    };
    // Analysing the asking sentences again is needed only where the verdict is still
    // open.
    judgement.asks_unknown = judgement.in_scope() && asks_unknown(index, &segments);
    // A question of several sentences that no section covers whole may still ask
    // one thing the knowledge answers: a sentence that asks, covered on its own by
    // the section the whole question ranks first. It is then answered from that
    // sentence. (As a ranking of its own, fused with the whole question's, the
    // asking sentence lost on the blind sets: the story tells which case it is.)
    // Not when the story names a subject the knowledge does not cover: then "does it
    // need purge protection?" may well ask about that subject.
    if judgement.in_scope()
        && !judgement.whole_covered
        && index.tuning.core_ask
        && !index.names_left_out(question)
    {
        judgement.core = hits
            .first()
            .and_then(|first| core_ask(index, &segments, first.section));
    }
    // A post that pastes a case's own error text ("Cannot delete policies to a vault
    // with '--enable-rbac-authorization' specified") and is ranked to that case has
    // been placed by two signals that agree, though the words around the error
    // ("Anyone seen this?") cover little of the case. And when nothing else makes the
    // answer confident, the error text of one case alone names it, wherever the
    // ranking puts it: a bare paste ranks the reference sections that quote the same
    // error ("rotate-key fails with … on a registry created without CMK") alongside
    // the case. A question pasting errors of several cases names none of them.
    if judgement.in_scope() && judgement.core.is_none() && index.tuning.pasted_error {
        let pasted = pasted_cases();
        judgement.pasted_case = hits
            .first()
            .filter(|h| h.coverage < MIN_CONFIDENT_COVERAGE && pasted.contains(&h.section))
            .map(|h| h.section)
            .or_else(|| match pasted[..] {
                [case] if !judgement.whole_covered => Some(case),
                _ => None,
            });
    }
    // A post whose asking sentences say too little to cover any section ("Is there
    // any way to flip that flag from the template itself?") is often told well by
    // its story. Read with the story (pasted text included) weighed as asked, it may
    // rank the same first section and cover it: two readings then agree on what the
    // post is about.
    if judgement.in_scope()
        && !judgement.confident()
        && index.tuning.story
        && segments.len() >= 2
        && let Some(first) = hits.first()
    {
        judgement.story = story_reading(index, analyzed, first.section);
    }
    judgement
}

/// Whether one of the answer's sections is covered at `floor` by what the question
/// asks, for a question of `sentences` sentences. Not for a post when the section it
/// ranks first holds none of what its asking sentences ask (coverage 0): a lower
/// section they cover then holds only the ask's own generic words ("Are we holding it
/// wrong?" covers the case of a key with the *wrong* type, after a story about a
/// registry pinned to an old key version), and answered a post about something else,
/// with a "No." to boot. Such a post is read from its story instead
/// ([`story_reading`]), or not answered.
fn covers_an_answer_section(hits: &[super::Hit], floor: f32, sentences: usize) -> bool {
    let ask_misses_the_first =
        sentences >= 2 && hits.first().is_some_and(|first| first.coverage == 0.0);
    !ask_misses_the_first
        && hits
            .iter()
            .take(ANSWER_SECTIONS)
            .any(|h| h.coverage >= floor)
}

/// `analyzed` with every concept weighed as asked, the story's and the pasted
/// text's as well as the asking sentences', when so read it ranks `section` first
/// and covers it ([`ranks_first_and_covers`], as an asking sentence alone must in
/// [`core_ask`]). Its intent is then no longer polar: the story, not the ask, chose
/// the section, so a sentence of it cannot settle a yes-or-no question ("Is there
/// any way to…?" would get a "No." from a rule the story merely touches).
fn story_reading(index: &SearchIndex, analyzed: &Analyzed, section: usize) -> Option<Analyzed> {
    let mut story = analyzed.clone();
    for concept in &mut story.concepts {
        concept.weight = 1.0;
    }
    ranks_first_and_covers(index, &story, section).then(|| {
        story.intent.polar = false;
        story
    })
}

/// Whether `analyzed`, a reading of part or all of a question searched on its own,
/// ranks `section` first and covers it: the second reading that [`core_ask`] and
/// [`story_reading`] ask to agree with the whole question's ranking. At the fixed
/// floor, whatever the reading's words: the lower floor for all-known words
/// ([`confidence_floor`]) made one more off-topic question confident and gained no
/// answer for an asking sentence (eval/README.md, thirty-seventh stop), and drew
/// more answers from wrong sections for no more right ones for the story (fifty-eighth).
fn ranks_first_and_covers(index: &SearchIndex, analyzed: &Analyzed, section: usize) -> bool {
    index
        .search_analyzed(analyzed, 1, super::Scope::All)
        .first()
        .is_some_and(|best| best.section == section && best.coverage >= MIN_CONFIDENT_COVERAGE)
}

/// The coverage one of the answer's sections needs for a confident answer to
/// `analyzed`.
pub(crate) fn confidence_floor(analyzed: &Analyzed) -> f32 {
    if analyzed.unknown_words == 0 {
        MIN_CONFIDENT_COVERAGE_ALL_KNOWN
    } else {
        MIN_CONFIDENT_COVERAGE
    }
}

/// Whether the sentences that ask in a question of several, analysed alone, hold
/// more information in words the corpus has never seen than in words it knows, and
/// at least two such words: "Our registry uses a key from kv-apps-cmk through a
/// user-assigned identity. Which metadata fields does the Dapr component need for
/// that identity?" asks about Dapr, though its story covers a section well. One
/// unknown word is too little to tell: a colloquial "is it harmless?" or a
/// registry's own name is one, unless it is written as a name the story names too
/// ([`SearchIndex::asks_about_unknown_name`]).
pub(crate) fn asks_unknown(index: &SearchIndex, segments: &[(query::Role, String)]) -> bool {
    if segments.len() < 2 {
        // A question of one sentence is judged whole, by `unknown_share`.
        return false;
    }
    let asked: Vec<&str> = segments
        .iter()
        .filter(|(role, _)| *role == query::Role::Ask)
        .map(|(_, text)| text.as_str())
        .collect();
    if asked.is_empty() {
        return false;
    }
    let asks = index.analyze(&asked.join("\n\n"));
    asks.unknown_words >= 2 && asks.unknown_share() > MAX_UNKNOWN_SHARE
        || index.asks_about_unknown_name(segments)
}

/// The sentence of a question of several that asks something `section` covers on
/// its own, being its best hit too (the most informative such sentence), with its
/// analysis.
fn core_ask(
    index: &SearchIndex,
    segments: &[(query::Role, String)],
    section: usize,
) -> Option<(String, Analyzed)> {
    if segments.len() < 2 {
        return None;
    }
    segments
        .iter()
        .filter(|(role, _)| *role == query::Role::Ask)
        .map(|(_, text)| (text.clone(), index.analyze(text)))
        .filter(|(_, a)| !a.is_empty() && a.unknown_share() <= MAX_UNKNOWN_SHARE)
        .filter(|(_, a)| ranks_first_and_covers(index, a, section))
        .max_by(|(_, a), (_, b)| a.known_weight.total_cmp(&b.known_weight))
}

/// Lists the citations of `snippets` and `sentences` once each, snippets first, and
/// sets each one's `cite` to its index.
pub fn cite_all(
    corpus: &Corpus,
    snippets: &mut [Snippet],
    sentences: &mut [AnswerSentence],
) -> Vec<Citation> {
    let mut list = CitationList::default();
    for s in snippets.iter_mut() {
        s.cite = list.cite(&corpus.citation(s.section));
    }
    for s in sentences.iter_mut() {
        s.cite = list.cite(&s.citation);
    }
    list.into_vec()
}

/// Each snippet's share of `budget` characters: an even split, where what a short
/// snippet leaves unused goes to the longer ones, so a budget is not wasted on
/// sections shorter than their share.
fn shares(lengths: &[usize], budget: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..lengths.len()).collect();
    order.sort_by_key(|&i| lengths[i]);
    let mut out = vec![0; lengths.len()];
    let mut left = budget;
    for (k, &i) in order.iter().enumerate() {
        let even = left / (lengths.len() - k);
        out[i] = lengths[i].min(even);
        left -= out[i];
    }
    out
}

/// One snippet over consecutive sections of a doc, cited by the best-ranked of them;
/// its line range spans them all. The best leads and the others follow in document
/// order: a snippet is trimmed from its end, and a section before the best one must
/// not push the text it is cited for out of the excerpt.
fn merged_snippet(corpus: &Corpus, best: usize, sections: &[usize], score: f32) -> Snippet {
    let mut snippet = snippet(corpus, best, score);
    if sections.len() > 1 {
        let mut text = String::new();
        let best_first =
            std::iter::once(best).chain(sections.iter().copied().filter(|&i| i != best));
        for i in best_first {
            let s = &corpus.sections[i];
            if i != best || !text.is_empty() {
                let hashes = "#".repeat(usize::from(s.level.clamp(1, 6)));
                text.push_str(&format!("{hashes} {}\n\n", s.title()));
            }
            text.push_str(corpus.markdown(s));
            text.push_str("\n\n");
            if i != best {
                snippet.merged_anchors.push(s.anchor.clone());
            }
        }
        snippet.lines.start = corpus.sections[sections[0]].lines.0;
        snippet.lines.end = corpus.sections[*sections.last().expect("not empty")]
            .lines
            .1;
        snippet.merged_lines = Some(snippet.lines);
        snippet.text = text.trim_end().to_string();
    }
    snippet
}

/// A citation-carrying snippet of one section.
pub fn snippet(corpus: &Corpus, section: usize, score: f32) -> Snippet {
    let s = &corpus.sections[section];
    Snippet {
        cite: 0,
        section,
        text: trim_markdown(corpus.markdown(s), SNIPPET_MAX_CHARS),
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
        merged_anchors: Vec::new(),
        merged_lines: None,
    }
}

/// Cuts Markdown to about `max_chars`, only between blocks, so no code fence is ever
/// left open. A first block that alone is too long is cut at a line and its fence
/// closed.
pub fn trim_markdown(markdown: &str, max_chars: usize) -> String {
    // A string has at least as many bytes as characters and at most four times as
    // many: most sections are settled without being counted.
    if markdown.len() <= max_chars
        || (markdown.len() <= max_chars.saturating_mul(4) && markdown.chars().count() <= max_chars)
    {
        return markdown.to_string();
    }
    let mut out = String::new();
    // Counted as it grows: counting `out` again for every block was quadratic.
    let mut out_chars = 0;
    for block in split_blocks(markdown) {
        let block_chars = block.chars().count();
        if out_chars + block_chars + 2 > max_chars {
            if out.is_empty() {
                out = cut_block(&block, max_chars);
            }
            out.push_str("\n\n…");
            return out;
        }
        if !out.is_empty() {
            out.push_str("\n\n");
            out_chars += 2;
        }
        out.push_str(&block);
        out_chars += block_chars;
    }
    out
}

/// Blocks separated by blank lines, with a fenced code block always one block. Each
/// is its lines joined by `\n`: a slice of the text itself unless a line ends in
/// `\r\n`, which the joined block leaves out. Read lazily, since a trimmed snippet
/// needs only its first blocks.
struct Blocks<'a> {
    markdown: &'a str,
    /// Where the next line starts.
    at: usize,
    /// The closing marker of the fence being read.
    fence: Option<String>,
}

fn split_blocks(markdown: &str) -> Blocks<'_> {
    Blocks {
        markdown,
        at: 0,
        fence: None,
    }
}

impl<'a> Blocks<'a> {
    /// The block over these bytes, lines joined by `\n`, trailing space trimmed;
    /// none when it is only white space.
    fn block(&self, (start, end): (usize, usize)) -> Option<Cow<'a, str>> {
        let text = &self.markdown[start..end];
        let block = if text.contains('\r') {
            Cow::Owned(
                text.lines()
                    .collect::<Vec<_>>()
                    .join("\n")
                    .trim_end()
                    .to_string(),
            )
        } else {
            Cow::Borrowed(text.trim_end())
        };
        (!block.trim().is_empty()).then_some(block)
    }
}

impl<'a> Iterator for Blocks<'a> {
    type Item = Cow<'a, str>;

    fn next(&mut self) -> Option<Cow<'a, str>> {
        // The byte range of the block being read: from its first line's start to its
        // last line's end.
        let mut current: Option<(usize, usize)> = None;
        while self.at < self.markdown.len() {
            let start = self.at;
            let raw = match memchr::memchr(b'\n', &self.markdown.as_bytes()[start..]) {
                Some(i) => &self.markdown[start..=start + i],
                None => &self.markdown[start..],
            };
            self.at += raw.len();
            let line = raw.strip_suffix('\n').unwrap_or(raw);
            let line = line.strip_suffix('\r').unwrap_or(line);
            let end = start + line.len();
            let trimmed = line.trim_start();
            let mut extend = || match &mut current {
                Some((_, e)) => *e = end,
                None => current = Some((start, end)),
            };
            match &self.fence {
                Some(f) => {
                    extend();
                    if trimmed.starts_with(f.as_str())
                        && trimmed
                            .trim_start_matches(f.chars().next().unwrap_or('`'))
                            .trim()
                            .is_empty()
                    {
                        self.fence = None;
                    }
                }
                None => {
                    if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
                        let ch = trimmed.chars().next().unwrap_or('`');
                        self.fence = Some(trimmed.chars().take_while(|&c| c == ch).collect());
                        extend();
                    } else if line.trim().is_empty() {
                        if let Some(block) = current.take().and_then(|range| self.block(range)) {
                            return Some(block);
                        }
                    } else {
                        extend();
                    }
                }
            }
        }
        current.and_then(|range| self.block(range))
    }
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

    /// A post whose ask ("Is that our mistake?") covers nothing is answered when its
    /// story, read as asked, covers the section it ranks first; that reading settles
    /// no yes or no. Another section, or too little of the story, is no answer.
    #[test]
    fn a_post_is_answered_from_its_story_only_where_the_story_covers_its_first_section() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let question = "I ran az keyvault set-policy for the registry identity with \
            --key-permissions get wrap unwrap from PowerShell and the CLI refused the list. \
            Is that our mistake?";
        let analyzed = index.analyze(question);
        assert!(analyzed.intent.polar);
        let hits = index.search_analyzed(&analyzed, ANSWER_SECTIONS, super::super::Scope::All);
        let first = hits[0].section;
        assert_eq!(
            corpus.sections[first].anchor,
            "invalid-key-permission-names-wrap-and-unwrap"
        );
        let story = story_reading(&index, &analyzed, first).expect("the story covers it");
        assert!(!story.intent.polar);
        assert!(story_reading(&index, &analyzed, hits[1].section).is_none());
        // Its asking sentence alone settles nothing: the story is what answers.
        let judgement = judge(&index, question, &analyzed, &hits, &Vec::new);
        assert!(!judgement.whole_covered && judgement.core.is_none());
        assert!(judgement.story.is_some() && judgement.confident());
        let short = index.analyze("The CLI refused the list. Is that our mistake?");
        let hits = index.search_analyzed(&short, 1, super::super::Scope::All);
        assert!(hits.is_empty() || story_reading(&index, &short, hits[0].section).is_none());
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
        // Characters, not bytes, are what is allowed: 40 four-byte characters fit in
        // 40, a 41st does not.
        let wide = "\u{1F510}".repeat(40);
        assert_eq!(trim_markdown(&wide, 40), wide);
        assert_ne!(
            trim_markdown(&format!("{wide}\u{1F510}"), 40),
            format!("{wide}\u{1F510}")
        );
        // Blocks are slices of the text; lines ending in \r\n are joined by \n as
        // before.
        let lf = format!("# Title\n\nFirst  \n\n   \n{}\n\nlast line", &md[7..600]);
        let crlf = lf.replace('\n', "\r\n");
        for max in [40, 120, 300, 599] {
            assert_eq!(trim_markdown(&crlf, max), trim_markdown(&lf, max), "{max}");
        }
        assert_eq!(
            split_blocks("a\nb  \n \n\n```\nx\n\ny\n```\nafter\n").collect::<Vec<_>>(),
            ["a\nb", "```\nx\n\ny\n```\nafter"]
        );
        assert_eq!(
            split_blocks("one\r\ntwo\r\n\r\n  \nthree").collect::<Vec<_>>(),
            ["one\ntwo", "three"]
        );
    }

    #[test]
    fn a_question_of_known_words_needs_less_coverage_than_one_with_an_unknown_word() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let known = "what is lastKeyRotationTimestamp actually telling me";
        // The same question from someone who names themselves in a word the
        // knowledge never uses.
        let unknown = "what is lastKeyRotationTimestamp actually telling me, a newbie";
        let best = |q: &str| {
            let analyzed = index.analyze(q);
            let hits = index.search_analyzed(&analyzed, ANSWER_SECTIONS, crate::search::Scope::All);
            let best = hits.iter().map(|h| h.coverage).fold(0.0, f32::max);
            (analyzed.unknown_words, best)
        };
        let (none, covered) = best(known);
        assert_eq!(none, 0);
        // Between the two floors, so only the floor decides.
        assert!((MIN_CONFIDENT_COVERAGE_ALL_KNOWN..MIN_CONFIDENT_COVERAGE).contains(&covered));
        let (some, covered_too) = best(unknown);
        assert_eq!((some, covered_too), (1, covered));
        let confident = |q: &str| answer(&corpus, &index, q, 3, 2_500, &Vec::new).confident;
        assert!(confident(known));
        assert!(!confident(unknown));
    }
}
