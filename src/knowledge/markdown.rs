//! Splitting one Markdown body into heading-bounded sections with pulldown-cmark.
//!
//! Each section keeps its cleaned Markdown source (what a snippet shows, code fences
//! intact; a range of the text when cleaning changes nothing), its code blocks, and its
//! [`SectionParts`]: a list of [`Block`]s (what extraction and the troubleshooting
//! parser read) and the loose table text. The plain prose the index reads is made from
//! the parts ([`prose`]). A section's span parses alone into the same parts
//! ([`parts`]) unless its body says otherwise ([`Body::spans_stand_alone`]).

use std::ops::Range;

use pulldown_cmark::{CodeBlockKind, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use serde::{Deserialize, Serialize};

/// Headings up to this level start a new section; deeper ones stay inside their parent.
const MAX_SPLIT_LEVEL: u8 = 4;

const OPTIONS: Options = Options::ENABLE_TABLES
    .union(Options::ENABLE_STRIKETHROUGH)
    .union(Options::ENABLE_HEADING_ATTRIBUTES)
    .union(Options::ENABLE_TASKLISTS)
    .union(Options::ENABLE_FOOTNOTES);

/// A fenced or indented code block, kept whole.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct CodeBlock {
    /// The fence's language tag (`bash`), empty when there is none.
    pub lang: String,
    pub code: String,
}

/// A structural piece of a section, in document order.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Block {
    /// A paragraph. `label` is a bold lead-in ending in a colon (`**Cause:** ...`),
    /// without the colon; `text` is what follows it.
    Paragraph { label: Option<String>, text: String },
    /// A top-level list item, with the inline code spans it contains.
    ListItem {
        text: String,
        code_spans: Vec<String>,
        ordered: bool,
    },
    /// A code block, as its index in the section's `code`: held once, not twice.
    Code(usize),
}

/// A section's cleaned Markdown. Cleaning changes nothing in most sections, so their
/// Markdown is a range of the doc's text rather than a copy of it: at 10,000 docs the
/// copies were a sixth of the memory a corpus holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum SectionMarkdown {
    /// A byte range of the text the section was parsed from.
    InText(Range<usize>),
    /// Cleaning changed it (HTML comments, directives, callouts, blank-line runs).
    Cleaned(String),
}

impl SectionMarkdown {
    /// The Markdown, given the text the section was parsed from (its doc's text once
    /// in a corpus).
    pub fn text<'a>(&'a self, source: &'a str) -> &'a str {
        match self {
            // A range the parser took from this very text, so always in bounds; an
            // empty string rather than a panic if a caller passes another text.
            SectionMarkdown::InText(range) => source.get(range.clone()).unwrap_or_default(),
            SectionMarkdown::Cleaned(text) => text,
        }
    }

    /// Moves a range to count in a larger text, where the one it was parsed from
    /// starts `offset` bytes in.
    pub fn shift(&mut self, offset: usize) {
        if let SectionMarkdown::InText(range) = self {
            *range = range.start + offset..range.end + offset;
        }
    }
}

/// A section's blocks and the loose text between them: what extraction and the
/// troubleshooting and setup parsers read, and what its [`prose`] is made from.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SectionParts {
    pub blocks: Vec<Block>,
    /// Text outside paragraphs and list items (table cells), each with the number of
    /// blocks before it.
    pub loose: Vec<(usize, String)>,
}

impl SectionParts {
    /// Paragraph and list text, labels and table cells, a piece a line: what the
    /// index reads.
    pub fn prose(&self) -> String {
        prose(&self.blocks, &self.loose)
    }
}

/// A body split into sections.
#[derive(Debug)]
pub struct Body {
    pub sections: Vec<RawSection>,
    /// Whether each section's span parses alone into the parts the whole body gave it
    /// ([`parts`]): the body defines no link reference and holds no `[^` (a footnote
    /// may be defined anywhere), and no heading splits a list, quote or footnote.
    pub spans_stand_alone: bool,
    /// An HTML comment is still open where the body ends: it never closed, and
    /// everything after its opening, headings included, was read as part of it.
    pub comment_left_open: bool,
}

/// One heading-bounded section, as parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawSection {
    /// Heading level 1-4, or 0 for text before the first heading.
    pub level: u8,
    /// Headings from the top of the doc down to this one.
    pub heading_path: Vec<String>,
    /// GitHub-style anchor, unique within the doc.
    pub anchor: String,
    /// 1-based, inclusive line range in the file.
    pub lines: (usize, usize),
    /// Cleaned Markdown of the body, without the heading line; a range of `body`
    /// when cleaning changed nothing.
    pub markdown: SectionMarkdown,
    /// The body's bytes the section's parts were parsed from: from the end of its
    /// heading (the body's start for text before the first heading) to where the next
    /// heading starts.
    pub span: Range<usize>,
    /// How many top-level list items it holds when they are all its blocks (a section
    /// that is only a list): its shape, known without its parts.
    pub list_items: Option<usize>,
    pub code: Vec<CodeBlock>,
    pub parts: SectionParts,
    /// Upstream page named by a `<!-- source: URL -->` comment in the body.
    pub source_url: Option<String>,
    /// How users ask for what the section answers, from `<!-- asked: -->` comments:
    /// searched, and left out of the section's Markdown like every comment.
    pub asked: Vec<String>,
    /// Link targets in the body, with their 1-based file lines.
    pub links: Vec<(String, usize)>,
}

/// Parses `body` (the file after its front matter) into sections. `line_offset` is the
/// number of file lines before `body`; `title` names the section of text that comes
/// before the first heading, if any.
pub fn sections(body: &str, line_offset: usize, title: &str) -> Body {
    let line_starts = line_starts(body);
    let line_of = |byte: usize| line_offset + line_starts.partition_point(|&s| s <= byte);

    let mut out: Vec<RawSection> = Vec::new();
    let mut stack: Vec<(u8, String)> = Vec::new();
    let mut anchors = AnchorSet::default();
    let mut builder = SectionBuilder::default();
    // Byte offset where the current section's body starts, and its heading's start.
    let mut current: Option<Pending> = Some(Pending {
        level: 0,
        heading_path: vec![title.to_string()],
        anchor: None,
        heading_start: 0,
        body_start: 0,
    });
    let mut heading: Option<HeadingCapture> = None;
    // Lists, quotes and footnotes open around the current event.
    let mut containers = 0usize;
    let mut spans_stand_alone = !body.contains("[^");

    let events = Parser::new_ext(body, OPTIONS).into_offset_iter();
    // Definitions are gathered before the first event: a `[label]` anywhere may use one.
    spans_stand_alone &= events.reference_definitions().iter().next().is_none();
    for (event, range) in events {
        match &event {
            Event::Start(Tag::List(_) | Tag::BlockQuote(_) | Tag::FootnoteDefinition(_)) => {
                containers += 1
            }
            Event::End(TagEnd::List(_) | TagEnd::BlockQuote(_) | TagEnd::FootnoteDefinition) => {
                containers = containers.saturating_sub(1)
            }
            _ => {}
        }
        if let Some(h) = heading.as_mut() {
            match event {
                Event::End(TagEnd::Heading(_)) => {
                    let h = heading.take().expect("heading capture is set");
                    // Close the previous section at this heading.
                    if let Some(p) = current.take() {
                        push_section(
                            &mut out,
                            p,
                            h.start,
                            body,
                            &line_of,
                            &mut builder,
                            &mut anchors,
                        );
                    }
                    let text = h.text.split_whitespace().collect::<Vec<_>>().join(" ");
                    while stack.last().is_some_and(|(l, _)| *l >= h.level) {
                        stack.pop();
                    }
                    stack.push((h.level, text));
                    current = Some(Pending {
                        level: h.level,
                        heading_path: stack.iter().map(|(_, t)| t.clone()).collect(),
                        anchor: h.id,
                        heading_start: h.start,
                        body_start: range.end,
                    });
                }
                Event::Text(t) | Event::Code(t) => h.text.push_str(&t),
                Event::SoftBreak | Event::HardBreak => h.text.push(' '),
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(Tag::Heading { level, id, .. })
                if heading_level(level) <= MAX_SPLIT_LEVEL =>
            {
                // A heading inside a list or quote splits it: the section's span alone
                // would parse as something else.
                spans_stand_alone &= containers == 0;
                builder.flush_paragraph();
                heading = Some(HeadingCapture {
                    level: heading_level(level),
                    id: id.map(|s| s.to_string()),
                    text: String::new(),
                    start: range.start,
                });
            }
            Event::Start(Tag::Link { dest_url, .. }) => {
                builder.links.push((dest_url.to_string(), range.start))
            }
            other => builder.event(other),
        }
    }
    // What waits for a comment's close is kept per section; a comment block never
    // closed runs to the end of the body, so it is the last section's.
    let comment_left_open = !builder.html.is_empty();
    if let Some(p) = current.take() {
        push_section(
            &mut out,
            p,
            body.len(),
            body,
            &line_of,
            &mut builder,
            &mut anchors,
        );
    }
    Body {
        sections: out,
        spans_stand_alone,
        comment_left_open,
    }
}

/// The parts of a section's span ([`RawSection::span`]) parsed alone: equal to what
/// [`sections`] built for it when the body's spans stand alone.
pub fn parts(span: &str) -> SectionParts {
    let mut builder = SectionBuilder::default();
    for event in Parser::new_ext(span, OPTIONS) {
        builder.event(event);
    }
    builder.flush_paragraph();
    SectionParts {
        blocks: builder.blocks,
        loose: builder.loose,
    }
}

struct Pending {
    level: u8,
    heading_path: Vec<String>,
    anchor: Option<String>,
    heading_start: usize,
    body_start: usize,
}

struct HeadingCapture {
    level: u8,
    id: Option<String>,
    text: String,
    start: usize,
}

fn heading_level(level: HeadingLevel) -> u8 {
    level as u8
}

fn push_section(
    out: &mut Vec<RawSection>,
    p: Pending,
    end: usize,
    body: &str,
    line_of: &dyn Fn(usize) -> usize,
    builder: &mut SectionBuilder,
    anchors: &mut AnchorSet,
) {
    builder.flush_paragraph();
    let mut built = std::mem::take(builder);
    built.code.shrink_to_fit();
    let start = p.body_start.min(end);
    let raw = &body[start..end];
    let trimmed = raw.trim_matches('\n');
    let from = start + (raw.len() - raw.trim_start_matches('\n').len());
    let in_text = || SectionMarkdown::InText(from..from + trimmed.len());
    let markdown = if might_need_cleaning(raw) {
        let cleaned = clean_markdown(raw);
        if cleaned == trimmed {
            in_text()
        } else {
            SectionMarkdown::Cleaned(cleaned)
        }
    } else {
        in_text()
    };
    // Text before the first heading only counts when it holds something.
    if p.level == 0 && markdown.text(body).trim().is_empty() && built.blocks.is_empty() {
        return;
    }
    let first = line_of(p.heading_start);
    let trimmed_end = body[..end].trim_end();
    let last = line_of(trimmed_end.len().saturating_sub(1).max(p.heading_start)).max(first);
    let base = p
        .anchor
        .clone()
        .unwrap_or_else(|| slug(p.heading_path.last().map_or("", String::as_str)));
    out.push(RawSection {
        level: p.level,
        anchor: anchors.unique(&base),
        heading_path: p.heading_path,
        lines: (first, last),
        markdown,
        span: start..end,
        list_items: built
            .blocks
            .iter()
            .all(|b| matches!(b, Block::ListItem { .. }))
            .then_some(built.blocks.len()),
        code: built.code,
        parts: SectionParts {
            blocks: built.blocks,
            loose: built.loose,
        },
        source_url: built.source_url,
        asked: built.asked,
        links: built
            .links
            .into_iter()
            .map(|(target, at)| (target, line_of(at)))
            .collect(),
    });
}

/// The rows of the tables in a section's loose text ([`SectionParts::loose`]), read
/// back from the layout [`SectionBuilder`] writes: a blank line before each table, a
/// line a row, each cell followed by ` | `, the heading row first. Each row is its
/// non-empty cells, each with its column's heading; a row with no cell is left out.
pub fn table_rows(loose: &str) -> Vec<Vec<(&str, &str)>> {
    let mut rows = Vec::new();
    let mut headings: Option<Vec<&str>> = None;
    for line in loose.lines() {
        let Some(cells) = line
            .trim_end()
            .strip_suffix('|')
            .map(|row| row.split(" | ").map(str::trim).collect::<Vec<_>>())
        else {
            // Not a row: what comes next starts a table of its own.
            headings = None;
            continue;
        };
        match &headings {
            Some(h) if h.len() == cells.len() => {
                let row: Vec<(&str, &str)> = h
                    .iter()
                    .copied()
                    .zip(cells)
                    .filter(|(_, cell)| !cell.is_empty())
                    .collect();
                if !row.is_empty() {
                    rows.push(row);
                }
            }
            // A row of another width heads a table right after.
            _ => headings = Some(cells),
        }
    }
    rows
}

/// A section's paragraph and list text (labels included) and its loose text, in
/// order, one piece a line: what the index reads.
pub fn prose(blocks: &[Block], loose: &[(usize, String)]) -> String {
    fn line(out: &mut String, text: &str) {
        if !text.is_empty() {
            out.push_str(text);
            out.push('\n');
        }
    }
    let mut out = String::new();
    let mut loose = loose.iter().peekable();
    for (i, block) in blocks.iter().enumerate() {
        while let Some((_, text)) = loose.next_if(|(before, _)| *before == i) {
            out.push_str(text);
        }
        match block {
            Block::Paragraph { label, text } => {
                line(&mut out, label.as_deref().unwrap_or(""));
                line(&mut out, text);
            }
            Block::ListItem { text, .. } => line(&mut out, text),
            Block::Code(_) => {}
        }
    }
    for (_, text) in loose {
        out.push_str(text);
    }
    out.trim().to_string()
}

/// Accumulates a section's blocks, loose text and code from pulldown-cmark events.
#[derive(Default)]
struct SectionBuilder {
    blocks: Vec<Block>,
    loose: Vec<(usize, String)>,
    code: Vec<CodeBlock>,
    source_url: Option<String>,
    asked: Vec<String>,
    /// Link targets with the byte offset where each starts.
    links: Vec<(String, usize)>,
    /// Nesting depth of lists; only depth-1 items become blocks.
    list_depth: usize,
    ordered: Vec<bool>,
    item: Option<(String, Vec<String>, bool)>,
    paragraph: Option<ParagraphCapture>,
    code_block: Option<CodeBlock>,
    html: String,
}

#[derive(Default)]
struct ParagraphCapture {
    text: String,
    label: Option<String>,
    /// Inside a leading `**bold**` run.
    in_leading_strong: bool,
    saw_content: bool,
}

impl SectionBuilder {
    fn event(&mut self, event: Event<'_>) {
        match event {
            Event::Start(Tag::CodeBlock(kind)) => {
                let lang = match kind {
                    CodeBlockKind::Fenced(info) => {
                        info.split_whitespace().next().unwrap_or("").to_string()
                    }
                    CodeBlockKind::Indented => String::new(),
                };
                self.code_block = Some(CodeBlock {
                    lang,
                    code: String::new(),
                });
            }
            Event::End(TagEnd::CodeBlock) => {
                if let Some(mut block) = self.code_block.take() {
                    // Kept for the process's life: not with the slack its growth left.
                    block.code.shrink_to_fit();
                    self.blocks.push(Block::Code(self.code.len()));
                    self.code.push(block);
                }
            }
            Event::Text(t) if self.code_block.is_some() => {
                self.code_block.as_mut().expect("checked").code.push_str(&t);
            }
            Event::Start(Tag::List(start)) => {
                self.flush_paragraph();
                self.list_depth += 1;
                self.ordered.push(start.is_some());
            }
            Event::End(TagEnd::List(_)) => {
                self.list_depth = self.list_depth.saturating_sub(1);
                self.ordered.pop();
            }
            Event::Start(Tag::Item) if self.list_depth == 1 => {
                self.item = Some((
                    String::new(),
                    Vec::new(),
                    *self.ordered.last().unwrap_or(&false),
                ));
            }
            Event::End(TagEnd::Item) if self.list_depth == 1 => {
                if let Some((text, code_spans, ordered)) = self.item.take() {
                    let text = collapse(&text);
                    self.blocks.push(Block::ListItem {
                        text,
                        code_spans,
                        ordered,
                    });
                }
            }
            // A nested item is part of its top-level item's text, set apart by a space.
            Event::Start(Tag::Item) | Event::End(TagEnd::Item) => self.text(" "),
            Event::Start(Tag::Paragraph) if self.item.is_none() => {
                self.paragraph = Some(ParagraphCapture::default());
            }
            Event::End(TagEnd::Paragraph) if self.item.is_none() => self.flush_paragraph(),
            Event::Start(Tag::Strong) => {
                if let Some(p) = self.paragraph.as_mut().filter(|p| !p.saw_content) {
                    p.in_leading_strong = true;
                    p.label = Some(String::new());
                }
            }
            Event::End(TagEnd::Strong) => {
                if let Some(p) = self.paragraph.as_mut().filter(|p| p.in_leading_strong) {
                    p.in_leading_strong = false;
                    p.saw_content = true;
                }
            }
            Event::Start(Tag::Heading { .. }) | Event::End(TagEnd::Heading(_)) => {
                // Headings deeper than the split level read as paragraph breaks.
                self.flush_paragraph();
            }
            // A blank line before each table, so two tables in a row stay two.
            Event::Start(Tag::Table(_)) => self.text("\n"),
            Event::End(TagEnd::TableCell) => self.text(" | "),
            Event::End(TagEnd::TableRow) | Event::End(TagEnd::TableHead) => self.text("\n"),
            Event::Code(t) => {
                if let Some((_, spans, _)) = self.item.as_mut() {
                    spans.push(t.to_string());
                }
                self.text(&t);
            }
            Event::Text(t) => self.text(&t),
            Event::SoftBreak | Event::HardBreak => self.text(" "),
            Event::Html(h) | Event::InlineHtml(h) => {
                // A comment over several lines comes a line at a time: what is still open
                // waits for the rest. Only the new text can close it, so a line that does
                // not is added without scanning or copying what waits (which made a
                // comment never closed quadratic in its length).
                let waited = self.html.len();
                self.html.push_str(&h);
                if waited > 0
                    && !self.html.as_bytes()[waited.saturating_sub(2)..]
                        .windows(3)
                        .any(|w| w == b"-->")
                {
                    return;
                }
                let mut rest = self.html.as_str();
                while let Some((inner, after)) = next_comment(rest) {
                    match comment(inner) {
                        Some(Comment::Source(url)) => {
                            self.source_url.get_or_insert(url);
                        }
                        Some(Comment::Asked(phrasings)) => self.asked.extend(phrasings),
                        None => {}
                    }
                    rest = after;
                }
                self.html = rest
                    .rfind("<!--")
                    .map_or_else(String::new, |open| rest[open..].to_string());
            }
            _ => {}
        }
    }

    fn text(&mut self, t: &str) {
        if let Some((text, _, _)) = self.item.as_mut() {
            text.push_str(t);
        } else if let Some(p) = self.paragraph.as_mut() {
            if p.in_leading_strong {
                p.label.get_or_insert_with(String::new).push_str(t);
            } else {
                p.saw_content = true;
                p.text.push_str(t);
            }
        } else {
            // Table cells and other loose text.
            let at = self.blocks.len();
            match self.loose.last_mut() {
                Some((before, text)) if *before == at => text.push_str(t),
                _ => self.loose.push((at, t.to_string())),
            }
        }
    }

    fn flush_paragraph(&mut self) {
        let Some(p) = self.paragraph.take() else {
            return;
        };
        let mut text = p.text;
        let mut label = p.label.map(|l| collapse(&l));
        // A label counts only when it ends with a colon, inside or right after the bold.
        if let Some(l) = label.take() {
            if let Some(stripped) = l.strip_suffix(':') {
                label = Some(stripped.trim().to_string());
            } else if let Some(rest) = text.trim_start().strip_prefix(':') {
                text = rest.to_string();
                label = Some(l);
            } else {
                text = format!("{l}{text}");
            }
        }
        let text = collapse(&text);
        if !text.is_empty() || label.is_some() {
            self.blocks.push(Block::Paragraph { label, text });
        }
    }
}

fn collapse(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What a section's HTML comment tells the server.
enum Comment {
    /// `<!-- source: https://… -->`: the section's upstream page.
    Source(String),
    /// `<!-- asked: … -->`: ways users ask for what the section answers, one a line
    /// or separated by `;`.
    Asked(Vec<String>),
}

/// The inside of the first complete comment in `html` and the text after it. An opener
/// that another opener follows before any close (`<a title="<!--">`) is not a comment's.
fn next_comment(html: &str) -> Option<(&str, &str)> {
    let end = html.find("-->")?;
    let start = html[..end].rfind("<!--")?;
    Some((&html[start + 4..end], &html[end + 3..]))
}

fn comment(inner: &str) -> Option<Comment> {
    let inner = inner.trim();
    if let Some(url) = inner.strip_prefix("source:") {
        let url = url.trim();
        return url
            .starts_with("https://")
            .then(|| Comment::Source(url.to_string()));
    }
    let asked = inner.strip_prefix("asked:")?;
    Some(Comment::Asked(
        asked
            .split(['\n', ';'])
            .map(|p| collapse(p.trim().trim_start_matches("- ")))
            .filter(|p| !p.is_empty())
            .collect(),
    ))
}

fn line_starts(text: &str) -> Vec<usize> {
    std::iter::once(0)
        .chain(text.match_indices('\n').map(|(i, _)| i + 1))
        .collect()
}

/// Calls `outside(index, line)` for each line of `text` outside fenced code (fence
/// lines included in neither), and returns the 1-based line of a fence never closed.
pub(crate) fn outside_fences(text: &str, mut outside: impl FnMut(usize, &str)) -> Option<usize> {
    let mut open: Option<(char, usize, usize)> = None;
    for (i, line) in text.lines().enumerate() {
        let t = line.trim_start();
        let fence = t
            .chars()
            .next()
            .filter(|c| matches!(c, '`' | '~'))
            .map(|ch| (ch, t.chars().take_while(|&c| c == ch).count()))
            .filter(|&(_, run)| run >= 3);
        match (open, fence) {
            (None, Some((ch, run))) => open = Some((ch, run, i + 1)),
            (None, None) => outside(i, line),
            (Some((c, n, _)), Some((ch, run)))
                if c == ch && run >= n && t[run * ch.len_utf8()..].trim().is_empty() =>
            {
                open = None
            }
            (Some(_), _) => {}
        }
    }
    open.map(|(_, _, line)| line)
}

/// What a doc's diagnostic says when an HTML comment in it is never closed.
pub const UNCLOSED_COMMENT: &str =
    "HTML comment is never closed: the rest of the doc is hidden in it";

/// The 1-based line of an HTML comment in `text` that is never closed, outside fenced
/// code and code spans (which show comment syntax without opening one): a scan of
/// every line, for `lint` and for a doc whose parse ended inside a comment
/// ([`Body::comment_left_open`]). Markdown reads the rest of the doc, headings
/// included, as part of such a comment, so those sections vanish without a word;
/// comments carry a section's `source` and `asked` lines, some of them over several
/// lines.
pub(crate) fn unclosed_comment(text: &str) -> Option<usize> {
    let mut open: Option<usize> = None;
    outside_fences(text, |i, line| {
        // Most lines hold neither mark.
        if !line.contains(if open.is_none() { "<!--" } else { "-->" }) {
            return;
        }
        // A mark never spans a code span's edge, so each stretch between two
        // backticks is read on its own.
        for mut rest in line.split('`').step_by(2) {
            loop {
                let (mark, next) = if open.is_none() {
                    ("<!--", Some(i + 1))
                } else {
                    ("-->", None)
                };
                match rest.find(mark) {
                    Some(at) => {
                        open = next;
                        rest = &rest[at + mark.len()..];
                    }
                    None => break,
                }
            }
        }
    });
    open
}

/// GitHub's heading anchor: lowercase, punctuation dropped, spaces to hyphens.
pub fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
            _ => None,
        })
        .collect()
}

#[derive(Default)]
struct AnchorSet(std::collections::HashMap<String, usize>);

impl AnchorSet {
    /// GitHub's rule for repeated headings: the second gets `-1`, the third `-2`.
    fn unique(&mut self, base: &str) -> String {
        let base = if base.is_empty() { "section" } else { base };
        let mut n = *self.0.get(base).unwrap_or(&0);
        let mut candidate = if n == 0 {
            base.to_string()
        } else {
            format!("{base}-{n}")
        };
        while n > 0 && self.0.contains_key(&candidate) {
            n += 1;
            candidate = format!("{base}-{n}");
        }
        self.0.insert(base.to_string(), n + 1);
        self.0.entry(candidate.clone()).or_insert(1);
        candidate
    }
}

/// Whether [`clean_markdown`] could change `raw` beyond trimming its newlines: it
/// holds HTML (`<`), a directive (`:::`), an include, div or callout (`[!`), a
/// carriage return, or two blank lines in a row. Most sections hold none, and are
/// then not cleaned at all: cleaning was a tenth of loading and indexing a large corpus.
fn might_need_cleaning(raw: &str) -> bool {
    let mut blank_before = false;
    raw.contains(['<', '\r'])
        || raw.contains(":::")
        || raw.contains("[!")
        || raw.lines().any(|line| {
            let blank = line.trim().is_empty();
            let run = blank && blank_before;
            blank_before = blank;
            run
        })
}

/// Turns a section's raw Markdown into what a reader should see: HTML comments and
/// Learn-style directives (`:::image`, `[!INCLUDE]`) dropped, `> [!NOTE]` callouts
/// given a readable label, and code fences left exactly as written.
pub fn clean_markdown(raw: &str) -> String {
    let without_comments = strip_html_comments(raw);
    let mut out = String::with_capacity(without_comments.len());
    let mut fence: Option<(char, usize)> = None;
    for line in without_comments.lines() {
        let trimmed = line.trim_start();
        if let Some((ch, len)) = fence {
            out.push_str(line);
            out.push('\n');
            let run = trimmed.chars().take_while(|&c| c == ch).count();
            if run >= len && trimmed[run * ch.len_utf8()..].trim().is_empty() {
                fence = None;
            }
            continue;
        }
        if let Some(ch) = ['`', '~']
            .into_iter()
            .find(|&c| trimmed.starts_with(&format!("{c}{c}{c}")))
        {
            fence = Some((ch, trimmed.chars().take_while(|&c| c == ch).count()));
            out.push_str(line);
            out.push('\n');
            continue;
        }
        if trimmed.starts_with(":::")
            || is_include(trimmed)
            || is_bare_html(trimmed)
            || is_div_directive(trimmed)
        {
            continue;
        }
        let line = strip_inline_html(&relabel_callout(line));
        if line.trim().is_empty() && !trimmed.is_empty() {
            continue; // the line held nothing but markup
        }
        out.push_str(&line);
        out.push('\n');
    }
    // Collapse runs of blank lines left behind by removals.
    let mut collapsed = String::with_capacity(out.len());
    let mut blank = 0;
    for line in out.lines() {
        if line.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        collapsed.push_str(line);
        collapsed.push('\n');
    }
    collapsed.trim_matches('\n').to_string()
}

fn strip_html_comments(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        match rest[start..].find("-->") {
            Some(end) => rest = &rest[start + end + 3..],
            None => {
                rest = "";
                break;
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_include(line: &str) -> bool {
    let l = line.trim_start_matches(['>', ' ']);
    l.starts_with("[!INCLUDE") || l.starts_with("[!include")
}

/// A line made only of HTML tags (`<br>`, `<div class="x">`, `</div>`).
fn is_bare_html(line: &str) -> bool {
    let l = line.trim();
    if !(l.starts_with('<') && l.ends_with('>')) || l.starts_with("<http") {
        return false;
    }
    let mut depth = 0i32;
    for c in l.chars() {
        match c {
            '<' => depth += 1,
            '>' => depth -= 1,
            _ if depth == 0 && !c.is_whitespace() => return false,
            _ => {}
        }
    }
    true
}

/// Learn's `> [!div class="nextstepaction"]` wrapper around a link.
fn is_div_directive(line: &str) -> bool {
    line.trim_start_matches(['>', ' '])
        .to_ascii_lowercase()
        .starts_with("[!div")
}

/// HTML elements that only lay text out; their tags are dropped (`<br>` becomes a
/// space) and their text kept. Inline code is left alone, so `<registry-name>`
/// placeholders in backticks survive.
const LAYOUT_TAGS: &[&str] = &[
    "a", "b", "br", "center", "details", "div", "em", "font", "i", "img", "kbd", "li", "ol", "p",
    "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "th",
    "thead", "tr", "u", "ul", "hr",
];

fn strip_inline_html(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for (i, segment) in line.split('`').enumerate() {
        if i > 0 {
            out.push('`');
        }
        if i % 2 == 1 {
            out.push_str(segment);
            continue;
        }
        let mut rest = segment;
        while let Some(start) = rest.find('<') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let name: String = after
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            match after.find('>') {
                Some(end) if LAYOUT_TAGS.contains(&name.as_str()) => {
                    if name == "br" {
                        out.push(' ');
                    }
                    rest = &after[end + 1..];
                }
                _ => {
                    out.push('<');
                    rest = after;
                }
            }
        }
        out.push_str(rest);
    }
    out
}

fn relabel_callout(line: &str) -> String {
    for (tag, label) in [
        ("[!NOTE]", "**Note:**"),
        ("[!TIP]", "**Tip:**"),
        ("[!IMPORTANT]", "**Important:**"),
        ("[!WARNING]", "**Warning:**"),
        ("[!CAUTION]", "**Caution:**"),
    ] {
        if let Some(pos) = line.to_ascii_uppercase().find(tag) {
            return format!("{}{}{}", &line[..pos], label, &line[pos + tag.len()..]);
        }
    }
    line.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(body: &str) -> Vec<RawSection> {
        sections(body, 0, "Doc").sections
    }

    /// A span parsed alone gives the parts the whole body gave its section, for the
    /// Markdown a skill doc holds; and a body where it might not says so.
    #[test]
    fn spans_stand_alone_unless_a_heading_splits_a_container_or_a_definition_links_them() {
        let plain = "Intro with **bold** and `code`.\n\n# Title\n\n**Cause:** the key.\n\n\
                     - one `az acr show`\n  - nested\n- two\n\n| a | b |\n|---|---|\n| c | d |\n\n\
                     ```bash\naz acr encryption show -n r\n```\n\n<!-- asked: how? -->\n\n\
                     Setext\n------\n\n1. first\n2. second\n\n##### Deep heading\n\n    indented code\n\n\
                     > [!NOTE]\n> A quote.\n\n## Last\n\nText with a [link](https://example.com) and\n\
                     a <!-- comment --> and a line\nbreak.";
        let body = sections(plain, 0, "Doc");
        assert!(body.spans_stand_alone);
        assert!(body.sections.len() >= 4);
        for s in &body.sections {
            assert_eq!(
                parts(&plain[s.span.clone()]),
                s.parts,
                "{:?}",
                s.heading_path
            );
        }
        for tied in [
            "- item\n\n  ## Inside the item\n\n  text\n",
            "> quote\n>\n> ## Inside the quote\n",
            "## A\n\nSee [the guide][g].\n\n## B\n\n[g]: https://example.com\n",
            "## A\n\nA note[^n].\n\n## B\n\n[^n]: The note.\n",
        ] {
            assert!(!sections(tied, 0, "Doc").spans_stand_alone, "{tied}");
        }
    }

    #[test]
    fn splits_on_headings_with_paths_anchors_and_lines() {
        let body =
            "# Top\nintro\n\n## Rotate a key\nbody\n\n### Versionless `kid`\nmore\n## Next\nx\n";
        let s = parse(body);
        let paths: Vec<_> = s.iter().map(|s| s.heading_path.join(" > ")).collect();
        assert_eq!(
            paths,
            [
                "Top",
                "Top > Rotate a key",
                "Top > Rotate a key > Versionless kid",
                "Top > Next"
            ]
        );
        assert_eq!(s[1].anchor, "rotate-a-key");
        assert_eq!(s[2].anchor, "versionless-kid");
        assert_eq!(s[0].lines, (1, 2));
        assert_eq!(s[1].lines, (4, 5));
        assert_eq!(s[2].lines, (7, 8));
        assert_eq!(s[3].lines, (9, 10));
        assert_eq!(s[1].markdown.text(body), "body");
    }

    #[test]
    fn line_offset_maps_to_file_lines() {
        let s = sections("## A\ntext\n", 5, "Doc").sections;
        assert_eq!(s[0].lines, (6, 7));
    }

    #[test]
    fn duplicate_headings_get_numbered_anchors() {
        let s = parse("## Fix\na\n## Fix\nb\n## Fix\nc\n");
        let anchors: Vec<_> = s.iter().map(|s| s.anchor.as_str()).collect();
        assert_eq!(anchors, ["fix", "fix-1", "fix-2"]);
    }

    #[test]
    fn code_blocks_stay_whole_including_headings_inside_them() {
        let body = "## A\n````bash\naz acr show --name \"$R\"\n## not a heading\n```\nstill code\n````\n~~~python\nprint(1)\n~~~\n";
        let s = parse(body);
        assert_eq!(s.len(), 1, "{s:#?}");
        assert_eq!(s[0].code.len(), 2);
        assert_eq!(s[0].code[0].lang, "bash");
        assert!(
            s[0].code[0]
                .code
                .contains("## not a heading\n```\nstill code")
        );
        assert_eq!(s[0].code[1].lang, "python");
        let md = s[0].markdown.text(body);
        assert!(md.contains("````bash") && md.ends_with("~~~"));
        // Nothing to clean: the section's Markdown is a range of the text, not a copy.
        assert!(matches!(s[0].markdown, SectionMarkdown::InText(_)));
    }

    #[test]
    fn nested_fence_in_list_is_kept() {
        let s = parse("## A\n1. step\n   ```bash\n   az group list\n   ```\n");
        assert_eq!(s[0].code.len(), 1);
        assert_eq!(s[0].code[0].code.trim(), "az group list");
    }

    #[test]
    fn nested_items_do_not_run_together() {
        let s = parse("## A\n- outer:\n  - first;\n  - second\n");
        assert!(
            matches!(&s[0].parts.blocks[0], Block::ListItem { text, .. } if text == "outer: first; second"),
            "{:?}",
            s[0].parts.blocks
        );
    }

    #[test]
    fn prose_is_labels_text_items_and_table_cells_in_order() {
        let body = "## A\n| Store | Role |\n|---|---|\n| Vault | Crypto User |\n\n**Cause:** gone.\n\n- one\n- two\n\n```bash\naz x\n```\n\n| Last | Table |\n|---|---|\n";
        let s = parse(body);
        assert_eq!(
            prose(&s[0].parts.blocks, &s[0].parts.loose),
            // Each table after a blank line, which the text of the first one trims.
            "Store | Role | \nVault | Crypto User | \nCause\ngone.\none\ntwo\n\nLast | Table |"
        );
    }

    #[test]
    fn asked_comments_give_phrasings_and_stay_out_of_the_text() {
        let body = "## Recover a deleted key\n<!-- source: https://example.org/a -->\n<!-- asked:\n- get the cmk back after someone deleted it\n  undelete the registry key\n-->\n\nRun the recover command.\n<!-- asked: deleted key by mistake; restore it -->\n\n## Next\n\nMore.\n";
        let s = parse(body);
        assert_eq!(
            s[0].asked,
            [
                "get the cmk back after someone deleted it",
                "undelete the registry key",
                "deleted key by mistake",
                "restore it"
            ]
        );
        // The source comment before it still counts.
        assert_eq!(s[0].source_url.as_deref(), Some("https://example.org/a"));
        assert_eq!(s[0].markdown.text(body), "Run the recover command.");
        assert_eq!(
            prose(&s[0].parts.blocks, &s[0].parts.loose),
            "Run the recover command."
        );
        assert!(s[1].asked.is_empty());
        // An opener that is no comment's does not swallow the comments after it, and two
        // on one line both count.
        let body = "## A\n<div title=\"<!--\">\n\n<!-- asked: one --><!-- source: https://example.org/b -->\n\nText.\n";
        let s = parse(body);
        assert_eq!(s[0].asked, ["one"]);
        assert_eq!(s[0].source_url.as_deref(), Some("https://example.org/b"));
    }

    #[test]
    fn labels_lists_and_source_comments() {
        let body = "## Case\n<!-- source: https://example.org/a#b -->\n\n**Symptoms:**\n- pulls fail\n- `does not have access to identity` shows up\n\n**Cause:** the identity was removed.\n\n**Fix**: re-add it\n";
        let s = parse(body);
        assert_eq!(s[0].source_url.as_deref(), Some("https://example.org/a#b"));
        let b = &s[0].parts.blocks;
        assert_eq!(
            b[0],
            Block::Paragraph {
                label: Some("Symptoms".into()),
                text: String::new()
            }
        );
        assert!(
            matches!(&b[2], Block::ListItem { code_spans, .. } if code_spans == &["does not have access to identity"])
        );
        assert_eq!(
            b[3],
            Block::Paragraph {
                label: Some("Cause".into()),
                text: "the identity was removed.".into()
            }
        );
        assert_eq!(
            b[4],
            Block::Paragraph {
                label: Some("Fix".into()),
                text: "re-add it".into()
            }
        );
        assert!(!s[0].markdown.text(body).contains("<!--"));
        assert!(matches!(s[0].markdown, SectionMarkdown::Cleaned(_)));
    }

    #[test]
    fn bold_without_colon_is_not_a_label() {
        let s = parse("## A\n**Important** stuff here\n");
        assert_eq!(
            s[0].parts.blocks[0],
            Block::Paragraph {
                label: None,
                text: "Important stuff here".into()
            }
        );
    }

    #[test]
    fn text_that_might_need_no_cleaning_needs_none() {
        let crafted = [
            "a\n\n b\n",
            "x  \n\n",
            "\n\ntext\n\n",
            "```\ncode\n\n```\n",
            "> quote\n>\n> more",
            "trailing spaces  \nnext\n   \nlast",
            "- item\n  - nested\n\n| a | b |\n|---|---|\n",
        ];
        let embedded: Vec<String> = crate::knowledge::embedded::files()
            .flat_map(|(_, _, bytes)| {
                let text = String::from_utf8_lossy(bytes).into_owned();
                text.split("\n#").map(str::to_string).collect::<Vec<_>>()
            })
            .collect();
        let mut unchecked = 0;
        for raw in crafted.iter().map(|s| s.to_string()).chain(embedded) {
            if might_need_cleaning(&raw) {
                continue;
            }
            unchecked += 1;
            assert_eq!(clean_markdown(&raw), raw.trim_matches('\n'), "{raw:?}");
        }
        assert!(unchecked > 100, "{unchecked}");
        for raw in [
            "a<!-- c -->b",
            "x\r\ny",
            ":::image:::",
            "> [!NOTE]\n> n",
            "a\n\n\nb",
        ] {
            assert!(might_need_cleaning(raw), "{raw:?}");
        }
    }

    #[test]
    fn learn_syntax_is_cleaned() {
        let body = "## A\n:::image type=\"content\" source=\"x.png\" alt-text=\"y\":::\n> [!NOTE]\n> Keep the key.\n\n[!INCLUDE [x](includes/x.md)]\n<div class=\"x\">\n\nText.\n</div>\n";
        let s = parse(body);
        let md = s[0].markdown.text(body);
        assert!(
            !md.contains(":::") && !md.contains("INCLUDE") && !md.contains("<div"),
            "{md}"
        );
        assert!(md.contains("> **Note:**") && md.contains("Text."), "{md}");
    }

    #[test]
    fn inline_layout_html_is_dropped_but_code_kept() {
        let md = clean_markdown(
            "a<br>b | <details><summary>More</summary> text\nuse `<registry-name>` and a <placeholder>\n> [!div class=\"nextstepaction\"]\n> [Next](x.md)\n",
        );
        assert_eq!(
            md,
            "a b | More text\nuse `<registry-name>` and a <placeholder>\n> [Next](x.md)"
        );
    }

    #[test]
    fn preamble_without_heading_becomes_a_section() {
        let s = parse("Just text.\n");
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].heading_path, ["Doc"]);
        assert_eq!(s[0].level, 0);
        assert!(parse("\n\n# T\n").iter().all(|s| s.level == 1));
    }

    #[test]
    fn heading_attribute_ids_and_inline_markup() {
        let s = parse("## Use [the CLI](https://x) with `--identity` {#cli}\nx\n");
        assert_eq!(s[0].anchor, "cli");
        assert_eq!(s[0].heading_path, ["Use the CLI with --identity"]);
        assert_eq!(
            slug("Use the CLI with --identity"),
            "use-the-cli-with---identity"
        );
    }
}
