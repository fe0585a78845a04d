//! Tokenizers shared by indexing and querying.
//!
//! Two analyzers: `en` for prose (lowercase, stop words out, English stemming, so
//! *rotate*, *rotating* and *rotation* meet) and `code` for commands and flags, which
//! keeps `--key-encryption-key`, `rotate-key` and `unwrapKey` searchable both whole and
//! in their parts.

use foldhash::HashMap;
use std::cell::RefCell;

use tantivy::tokenizer::{
    LowerCaser, RemoveLongFilter, SimpleTokenizer, TextAnalyzer, Token, TokenFilter, TokenStream,
    Tokenizer,
};

pub const EN: &str = "en_acr";
pub const CODE: &str = "code_acr";

/// Lucene's English stop words plus the words questions are made of, which say
/// nothing about which section answers them.
pub const STOP_WORDS: &[&str] = &[
    "a",
    "an",
    "and",
    "are",
    "as",
    "at",
    "be",
    "but",
    "by",
    "for",
    "if",
    "in",
    "into",
    "is",
    "it",
    "no",
    "of",
    "on",
    "or",
    "such",
    "that",
    "the",
    "their",
    "then",
    "there",
    "these",
    "they",
    "this",
    "to",
    "was",
    "will",
    "with",
    "how",
    "do",
    "does",
    "did",
    "i",
    "me",
    "my",
    "we",
    "our",
    "you",
    "your",
    "what",
    "which",
    "who",
    "whom",
    "when",
    "where",
    "why",
    "can",
    "could",
    "should",
    "would",
    "shall",
    "may",
    "might",
    "must",
    "am",
    "been",
    "being",
    "have",
    "has",
    "had",
    "having",
    "get",
    "got",
    "s",
    "t",
    "from",
    "about",
    "so",
    "some",
    "any",
    "all",
    "there",
    "here",
    "its",
    "it's",
    "please",
    "tell",
    "explain",
    "want",
    "need",
    "way",
    // Filler that questions add and no section is about.
    "vs",
    "versus",
    "find",
    // "How long", "how fast": the intent says a duration is asked for; the word
    // itself is in no section.
    "long",
    "fast",
    "faster",
    "quickly",
    "frequently",
    "take",
    "takes",
    "took",
    "pick",
    "picks",
    "up",
    "happen",
    "happens",
    "happened",
    "exactly",
    "still",
    "also",
    "really",
    "actually",
    "just",
    "ok",
    "okay",
    "much",
    "many",
    "anything",
    "something",
    "thing",
    "things",
    "possible",
    "able",
    "go",
    "goes",
    "going",
    "know",
    "mean",
    "means",
    "correct",
    "right",
    "best",
    "ways",
    "kind",
    "sort",
    "like",
    "later",
    "now",
    "currently",
    // What contractions leave behind once the apostrophe splits them: I'm, we're,
    // I've, we'll, I'd.
    "m",
    "re",
    "ve",
    "ll",
    "d",
    "else",
    // The greetings, thanks and chat shorthand a post wraps its question in: no
    // section uses them, and as words the corpus never saw they made a question look
    // like it was about something else ("which key version is acr using rn").
    "hi",
    "hello",
    "hey",
    "thanks",
    "thank",
    "thx",
    "cheers",
    "regards",
    "appreciate",
    "appreciated",
    "advance",
    "morning",
    "afternoon",
    "luck",
    "hoping",
    "sorry",
    "folks",
    "guys",
    "great",
    "pls",
    "plz",
    "rn",
    "till",
    "wat",
    "whats",
    "lol",
    "lmao",
    "haha",
    "tbh",
    "ngl",
    "idk",
    "dunno",
    "smh",
    "ugh",
    "btw",
    "fyi",
    "imo",
    "imho",
    "afaik",
    "iirc",
    "fwiw",
    "tldr",
    "omg",
    "yeah",
    "yep",
    "nope",
    "hmm",
    "um",
    "uh",
    "gonna",
    "wanna",
    "gotta",
    "kinda",
];

pub fn en_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(48))
        .filter(LowerCaser)
        .filter(StopAndStem)
        .build()
}

/// Most stemmed text is a few thousand distinct words seen over and over (the index,
/// then each section's terms, then every answer's sentences), and the Snowball
/// stemmer was the largest single cost of building the index. Each thread keeps the
/// stems it has computed, up to a bound.
const STEM_CACHE_LIMIT: usize = 200_000;

thread_local! {
    static STEMMER: frostem::Stemmer = frostem::Stemmer::new(frostem::Algorithm::English);
    /// Each word seen, with its stem, or `None` for a stop word.
    static STEMS: RefCell<HashMap<String, Option<String>>> = RefCell::new(HashMap::default());
}

/// Drops the stop words ([`STOP_WORDS`]) and stems the rest (English Snowball), both
/// answered by one lookup in a per-thread memo: a separate stop-word filter was a
/// second hash lookup for every token, a tenth of building a large index. Positions
/// are the tokenizer's, so a dropped word leaves its gap as before.
#[derive(Clone, Copy, Default)]
pub struct StopAndStem;

impl TokenFilter for StopAndStem {
    type Tokenizer<T: Tokenizer> = StopAndStemFilter<T>;

    fn transform<T: Tokenizer>(self, tokenizer: T) -> StopAndStemFilter<T> {
        StopAndStemFilter { inner: tokenizer }
    }
}

#[derive(Clone)]
pub struct StopAndStemFilter<T> {
    inner: T,
}

impl<T: Tokenizer> Tokenizer for StopAndStemFilter<T> {
    type TokenStream<'a> = StopAndStemStream<T::TokenStream<'a>>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> Self::TokenStream<'a> {
        StopAndStemStream {
            tail: self.inner.token_stream(text),
        }
    }
}

pub struct StopAndStemStream<T> {
    tail: T,
}

impl<T: TokenStream> TokenStream for StopAndStemStream<T> {
    fn advance(&mut self) -> bool {
        while self.tail.advance() {
            let token = self.tail.token_mut();
            let kept = STEMS.with(|cache| {
                let mut cache = cache.borrow_mut();
                if let Some(known) = cache.get(&token.text) {
                    return match known {
                        Some(stem) => {
                            token.text.clone_from(stem);
                            true
                        }
                        None => false,
                    };
                }
                let stem = (!STOP_WORDS.contains(&token.text.as_str()))
                    .then(|| STEMMER.with(|stemmer| stemmer.stem(&token.text).into_owned()));
                let kept = stem.is_some();
                if cache.len() < STEM_CACHE_LIMIT {
                    cache.insert(std::mem::take(&mut token.text), stem.clone());
                }
                if let Some(stem) = stem {
                    token.text = stem;
                }
                kept
            });
            if kept {
                return true;
            }
        }
        false
    }

    fn token(&self) -> &Token {
        self.tail.token()
    }

    fn token_mut(&mut self) -> &mut Token {
        self.tail.token_mut()
    }
}

pub fn code_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(CodeTokenizer)
        .filter(RemoveLongFilter::limit(64))
        .build()
}

/// The phrase the code analyzer indexes for `words` in order, each whole word at its
/// position: a word with parts (`rotate-key`) is followed by them, so the next word
/// stands that much further on.
pub fn code_phrase(words: &[String]) -> Vec<(String, u32)> {
    let mut at = 0;
    words
        .iter()
        .map(|w| {
            let here = at;
            let parts = split_parts(w).len();
            at += 1 + if parts > 1 { parts as u32 } else { 0 };
            (w.clone(), here)
        })
        .collect()
}

/// All tokens an analyzer makes of `text`, in order.
/// Calls `f` with each token of `text`, allocating nothing per token.
pub fn for_each_token(analyzer: &mut TextAnalyzer, text: &str, mut f: impl FnMut(&str)) {
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        f(&t.text);
    }
}

/// Tokens of `text` with their positions relative to the first token, so a phrase
/// with a stop word inside matches the index, where the stop word left a gap too.
pub fn tokens_with_positions(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, u32)> {
    let mut out = tokens_at_word_positions(analyzer, text);
    let base = out.first().map_or(0, |t| t.1);
    for t in &mut out {
        t.1 -= base;
    }
    out
}

/// The stems of `text` with the index of the word each comes from (stop words
/// dropped but counted), so that stems line up with the words of `text`.
pub fn tokens_at_word_positions(analyzer: &mut TextAnalyzer, text: &str) -> Vec<(String, u32)> {
    let mut out: Vec<(String, u32)> = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while stream.advance() {
        let t = stream.token();
        out.push((t.text.clone(), t.position as u32));
    }
    out
}

pub fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut stream = analyzer.token_stream(text);
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Splits on anything that is not a letter, digit, `-`, `_` or `.`, and emits each
/// chunk whole (lowercased, leading dashes dropped) followed by its parts split at
/// `-`, `_`, `.` and camelCase humps.
#[derive(Clone, Default)]
pub struct CodeTokenizer;

pub struct VecTokenStream {
    tokens: Vec<Token>,
    index: usize,
}

impl TokenStream for VecTokenStream {
    fn advance(&mut self) -> bool {
        self.index += 1;
        self.index <= self.tokens.len()
    }
    fn token(&self) -> &Token {
        &self.tokens[self.index - 1]
    }
    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.index - 1]
    }
}

impl Tokenizer for CodeTokenizer {
    type TokenStream<'a> = VecTokenStream;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> VecTokenStream {
        let mut tokens = Vec::new();
        let mut push = |from: usize, to: usize, text: String| {
            let position = tokens.len();
            tokens.push(Token {
                offset_from: from,
                offset_to: to,
                position,
                text,
                position_length: 1,
            });
        };
        let is_part = |c: char| c.is_alphanumeric() || matches!(c, '-' | '_' | '.');
        let mut start = None;
        for (i, c) in text
            .char_indices()
            .chain(std::iter::once((text.len(), ' ')))
        {
            match (start, is_part(c) && i < text.len()) {
                (None, true) => start = Some(i),
                (Some(s), false) => {
                    let chunk = &text[s..i];
                    let lead = chunk.len() - chunk.trim_start_matches(['-', '_', '.']).len();
                    let core = chunk.trim_matches(['-', '_', '.']);
                    if !core.is_empty() {
                        let from = s + lead;
                        push(from, from + core.len(), core.to_lowercase());
                        let parts = split_parts(core);
                        if parts.len() > 1 {
                            for (off, part) in parts {
                                push(from + off, from + off + part.len(), part.to_lowercase());
                            }
                        }
                    }
                    start = None;
                }
                _ => {}
            }
        }
        VecTokenStream { tokens, index: 0 }
    }
}

/// `text` with each code word's parts apart, as prose words are
/// (`properties.enableRbacAuthorization` → `properties enable Rbac Authorization`), so
/// that a command's words meet a question's ([`split_parts`]).
pub fn code_words_apart(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for (k, (_, part)) in split_parts(word).into_iter().enumerate() {
            if k > 0 {
                out.push(' ');
            }
            out.push_str(part);
        }
    }
    out
}

/// `rotate-key` → `rotate`, `key`; `unwrapKey` → `unwrap`, `Key`; with byte offsets.
fn split_parts(word: &str) -> Vec<(usize, &str)> {
    let mut parts = Vec::new();
    let mut start = 0;
    let mut prev: Option<char> = None;
    for (i, c) in word.char_indices() {
        let boundary_sep = matches!(c, '-' | '_' | '.');
        let hump = c.is_uppercase() && prev.is_some_and(|p| p.is_lowercase() || p.is_ascii_digit());
        if boundary_sep || hump {
            if i > start {
                parts.push((start, &word[start..i]));
            }
            start = if boundary_sep { i + c.len_utf8() } else { i };
        }
        prev = Some(c);
    }
    if start < word.len() {
        parts.push((start, &word[start..]));
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn code(text: &str) -> Vec<String> {
        tokens(&mut code_analyzer(), text)
    }

    #[test]
    fn flags_are_kept_whole_and_in_parts() {
        assert_eq!(
            code("az acr create --key-encryption-key \"$KEY_ID\""),
            [
                "az",
                "acr",
                "create",
                "key-encryption-key",
                "key",
                "encryption",
                "key",
                "key_id",
                "key",
                "id"
            ]
        );
    }

    /// A command path is looked for in code blocks as one phrase: each whole word
    /// must stand where the code analyzer put it, past the parts of the words
    /// before it.
    #[test]
    fn a_command_path_stands_where_the_code_analyzer_puts_it() {
        let text = "keyvault key rotation-policy update";
        let words: Vec<String> = text.split(' ').map(str::to_string).collect();
        let phrase = code_phrase(&words);
        let indexed = tokens_at_word_positions(&mut code_analyzer(), text);
        for token in &phrase {
            assert!(indexed.contains(token), "{token:?} not in {indexed:?}");
        }
        let at: Vec<u32> = phrase.iter().map(|(_, at)| *at).collect();
        assert_eq!(at, [0, 1, 2, 5]);
    }

    #[test]
    fn camel_case_splits() {
        assert_eq!(code("unwrapKey"), ["unwrapkey", "unwrap", "key"]);
        assert_eq!(code("rotate-key"), ["rotate-key", "rotate", "key"]);
        assert_eq!(code("'[system]'"), ["system"]);
        assert_eq!(
            code_words_apart("az keyvault show --query properties.enableRbacAuthorization"),
            "az keyvault show query properties enable Rbac Authorization"
        );
    }

    #[test]
    fn prose_is_stemmed_without_stop_words() {
        let t = tokens(
            &mut en_analyzer(),
            "How do I rotate the keys when rotating?",
        );
        assert_eq!(t, ["rotat", "key", "rotat"]);
    }
}
