//! Direct answers: a short answer *extracted* from the top sections, shaped by what
//! the question asks.
//!
//! Nothing is generated or paraphrased: every sentence and command is one the
//! knowledge holds, and each carries the citation of its section. A table row counts
//! as a sentence, told as its cells after their column headings. Sentences are
//! scored by the question's concepts they or their section's heading contain
//! (weighted as the ranking weighs them), the rank of their section and their
//! position in it; the sentence right after the best one scores more, since it goes
//! on with it. Then:
//! - a yes/no question is answered "Yes." or "No." first, from the sentence that
//!   settles it (one with cannot, only, not supported, required…), and "No." only
//!   when the denial is about something the question names;
//! - a how-to question gets the command that does it: of the chosen sentences'
//!   sections, the one sharing most of the question, or from the best section that
//!   holds one;
//! - a "how long / how often" question prefers a sentence with a number and a unit;
//! - a problem report answered from a troubleshooting case gets the first sentence
//!   of the case's fix unless it is chosen already, and the command after the first
//!   chosen fix step when no sentence brings one;
//! - a post that pastes a case's error text without covering the case in words is
//!   answered by the case itself: its cause, then its fix ([`from_case`]).
//!
//! A sentence that introduces a command ("Assign the role, scoped to the vault:")
//! carries the `az` lines of the block it introduces, one that announces a short list
//! carries the list, and one that opens by pointing back ("Both are data-plane roles")
//! comes after the sentence it points at: none dangles. When no sentence settles the
//! question, there is no answer rather than a related one.

use std::borrow::Cow;

use schemars::JsonSchema;
use serde::Serialize;

use super::query::{NEED_WORDS, UNIVERSAL, without_asides, words_of};
use super::sentence_cache::SentenceTable;
use super::{Analyzed, SearchIndex};
use crate::azure::command::{action_among, lines_of, only_reads, runs_az};
use crate::knowledge::{Block, Citation, CodeBlock, Corpus, SectionParts, markdown};

/// The longest answer and the most sentences chosen for their own scores, so it
/// stays a short answer. A sentence brought for another's sake (a case's fix, or the
/// sentence another points back at) may still join past them.
const MAX_ANSWER_CHARS: usize = 640;
const MAX_SENTENCES: usize = 4;
/// A further sentence joins the answer only when it scores at least this share of
/// the best one.
const FOLLOW_SHARE: f32 = 0.6;
/// A sentence sharing at least this share of its stems with one already chosen (of
/// the two sentences' stems together) says the same thing again, and is left out so
/// that the length budget goes to something new. The knowledge tells some facts in
/// more than one place (a reference, its case, the Managed HSM doc), and an answer
/// drawn from all three repeated "Key Vault offers 2048, 3072 and 4096 bits" three
/// times (0.5 and 0.6 measured too: eval/README.md, forty-eighth stop).
const RESTATED_SHARE: f32 = 0.7;
/// What the sentence right after the best one in its section adds to its score: it
/// goes on with it ("…retained for 24 hours only." then "If you need to keep them
/// longer, copy them out"), and often holds the half of the answer that repeats few
/// of the question's words. Only for a sentence that shares one of them (taking in
/// one that shares none gained fewer answers and lost more), and within the length
/// budget: another sentence may give way, so answers grow no longer (swept from 0.1
/// to 0.3 and unbounded: eval/README.md, forty-ninth stop).
const CONTINUATION_BONUS: f32 = 0.2;
/// A section no longer than this (its sentences' characters) is told whole when every
/// sentence the answer chose for its own score comes from it. Its other sentences
/// share fewer of the question's words, yet they finish what the chosen ones say: "If
/// you need to keep them longer, copy them out while they exist." was the whole answer
/// to whether task logs vanishing after a day is expected, without the sentence before
/// it that says they are kept for 24 hours only. The bound keeps the longest answer as
/// long as before (640 to 1,200 measured; every value gained answers and lost none:
/// eval/README.md, fifty-first stop).
const WHOLE_SECTION_CHARS: usize = 900;
/// The most `az` lines a sentence introducing a code block carries: "Find it and
/// recover it:" introduces both the lookup and the recovery.
const MAX_INTRODUCED_LINES: usize = 5;
/// The most sentences an answer takes in for the ones that point back at them.
const MAX_POINTED_AT: usize = 2;
/// The longest list a sentence announcing it carries ([`announced_list`]).
const MAX_CARRIED_ITEMS: usize = 4;
const MAX_CARRIED_CHARS: usize = 300;
/// An answer must hold at least this share of the question's weight: below it the
/// best sentence is only related, not an answer.
const MIN_MATCH: f32 = 0.15;
/// How many words either side of a denial ("not", "cannot", "unsupported") it is
/// read to be about.
const DENIAL_REACH: usize = 4;

/// Openings that point back at what the sentence before names ("Both are…") or at
/// what it says ("Otherwise…", "Without it…").
const POINTING_BACK: &[&[&str]] = &[
    &["it"],
    &["its"],
    &["they"],
    &["their"],
    &["them"],
    &["this"],
    &["that"],
    &["these"],
    &["those"],
    &["both"],
    &["such"],
    &["the", "same"],
    &["otherwise"],
    &["instead"],
    &["however"],
    &["then"],
    &["either", "way"],
    &["without", "it"],
];

/// Whether `b` says what `a` says: most of the two sentences' stems are in both
/// ([`RESTATED_SHARE`]).
fn restates(a: &Sentence, b: &Sentence) -> bool {
    // Both lists are sorted and deduplicated, as `WeightedTerm::touched_by` reads them.
    let shared = a
        .stems
        .iter()
        .filter(|id| b.stems.binary_search(id).is_ok())
        .count();
    let together = a.stems.len() + b.stems.len() - shared;
    together > 0 && shared as f32 >= RESTATED_SHARE * together as f32
}

/// Whether `a` is a sentence announcing a short list that holds `b`, one of its items:
/// the item is then told already.
fn holds(a: &Sentence, b: &Sentence) -> bool {
    a.carries && a.text.contains(b.text.trim_end_matches(['.', ';']))
}

/// Whether an answer telling one of the two tells the other already: a list's lead
/// holds its item, or the two say the same ([`restates`]).
fn tells_the_same(a: &Sentence, b: &Sentence) -> bool {
    holds(a, b) || holds(b, a) || restates(a, b)
}

/// A (lowercase) text without its conditions: each "if" clause, up to the comma,
/// colon or semicolon that ends it, or to the end. What a sentence supposes ("If
/// the registry has not picked up the version after an hour, check…") is not what
/// it claims.
fn without_conditions(text: Cow<'_, str>) -> Cow<'_, str> {
    let opens_at = |text: &str| {
        text.match_indices("if ").map(|(at, _)| at).find(|&at| {
            !text[..at]
                .chars()
                .next_back()
                .is_some_and(char::is_alphanumeric)
        })
    };
    if opens_at(&text).is_none() {
        return text;
    }
    let mut rest: &str = &text;
    let mut out = String::with_capacity(rest.len());
    while let Some(at) = opens_at(rest) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest.find([',', ':', ';']).map_or(rest.len(), |e| e + 1);
        rest = &rest[end..];
    }
    out.push_str(rest);
    Cow::Owned(out)
}

/// Whether a sentence of these (lowercase) words opens by pointing back.
fn leans_back(words: &[&str]) -> bool {
    POINTING_BACK
        .iter()
        .any(|opening| words.starts_with(opening))
}

/// Words that deny: a sentence holding one answers a yes/no question with "No".
const NEGATIVE: &[&str] = &[
    "cannot",
    "can't",
    "not",
    "no",
    "never",
    "unsupported",
    "isn't",
    "aren't",
    "doesn't",
    "don't",
    "won't",
    "impossible",
    "irreversible",
    "neither",
    "nor",
];
/// What the documentation is called where a sentence says what it leaves unsaid.
const DOCS: &[&str] = &[
    "docs",
    "documentation",
    "documented",
    "article",
    "articles",
    "tutorial",
    "tutorials",
];
/// What the documentation does not do with a subject when it leaves it open.
const UNSAID: &[&str] = &[
    "mention",
    "mentions",
    "say",
    "says",
    "state",
    "states",
    "stated",
    "documented",
    "describe",
    "describes",
    "discuss",
    "discusses",
    "cover",
    "covers",
];
/// Words by which a sentence says what is needed, not only what is possible, beside
/// the words a question asks for a need with ([`NEED_WORDS`], one list for both): the
/// sentence that answers "yes" to whether something is needed holds one (or "has
/// to"). Each settles a yes/no question either way.
const OBLIGING: &[&str] = &["only", "must", "need", "needs", "always"];
/// The other words that settle a yes/no question either way: what is possible.
const SETTLING: &[&str] = &[
    "supported",
    "supports",
    "support",
    "permanent",
    "can",
    "works",
    "yes",
];
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years",
];
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "24",
    "an", "a",
];

/// Whether a sentence of these (lowercase) words says what the documentation leaves
/// unsaid: it names the docs, and a denial ([`NEGATIVE`]) or an "only" stands next to
/// what the docs do with a subject ("The CMK articles do not mention zone
/// redundancy", "the docs do not say whether…", "the documentation only discusses the
/// key store"). Such a denial is of the docs, not of the thing asked about, so it
/// settles no yes/no question: it answered "No." to whether zone redundancy works with
/// CMK, which is not documented either way.
fn leaves_unsaid(words: &[&str]) -> bool {
    // "It says nothing about…" needs no name: only a source says things.
    words
        .windows(2)
        .any(|w| matches!(w, ["say" | "says", "nothing"]))
        || words.iter().any(|w| DOCS.contains(w))
            && (0..words.len())
                .filter(|&i| NEGATIVE.contains(&words[i]) || words[i] == "only")
                .any(|i| {
                    words[i.saturating_sub(2)..(i + 4).min(words.len())]
                        .iter()
                        .any(|w| UNSAID.contains(w))
                })
}

/// "Verify … with support", "open an Azure support request": the help desk, which
/// settles nothing, unlike "the registry does not support it".
fn support_is_a_noun(words: &[&str], at: usize) -> bool {
    const BEFORE: &[&str] = &["a", "an", "the", "azure", "microsoft", "with", "contact"];
    const AFTER: &[&str] = &["request", "requests", "ticket", "case", "team"];
    at.checked_sub(1)
        .is_some_and(|i| BEFORE.contains(&words[i]))
        || words.get(at + 1).is_some_and(|w| AFTER.contains(w))
}

/// One extracted sentence with where it comes from.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct AnswerSentence {
    pub text: String,
    /// The commands it introduces, one per line (the `az` lines of the code block
    /// right after it, at most five), when it ends in a colon right before one: they
    /// are shown right after it, so the sentence never points at nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    /// Index of its section's citation in the answer's `citations`.
    pub cite: usize,
    /// Its section's citation, for Rust callers; not sent (see `cite`).
    #[serde(skip)]
    pub citation: Citation,
}

/// A short answer made of sentences from the knowledge.
#[derive(Debug, Clone, PartialEq, Serialize, JsonSchema)]
pub struct DirectAnswer {
    /// The answer for display: "Yes." or "No." first for a yes/no question, then the
    /// sentences (each with the command it introduces), then the command for a
    /// how-to question unless a sentence brought it. Not sent: it is `verdict`,
    /// `sentences` and `command` joined.
    #[serde(skip)]
    pub text: String,
    /// `yes` or `no`, for a yes/no question.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verdict: Option<String>,
    /// One command line: for a how-to question the one that does it, otherwise the
    /// action among the lines the first sentence that introduces a block brings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub command: Option<String>,
    pub sentences: Vec<AnswerSentence>,
}

/// What sentence scoring needs of a section, whatever the question: its sentences
/// and the stems of each, and its commands. Built when a question first needs it and
/// kept while the cache's budget allows (see [`SearchIndex::sentences`]).
pub(crate) struct SectionSentences {
    /// The term ids of the title's stems (see [`SearchIndex::stem_ids`]).
    heading: Vec<u32>,
    /// Its heading says the documentation leaves its matter open ("Zone redundancy
    /// with CMK is not documented", [`leaves_unsaid`]).
    silent: bool,
    sentences: Vec<Sentence>,
    /// The section's `az` lines, each with the term ids of its stems.
    commands: Vec<Command>,
}

/// One `az` line of a section.
struct Command {
    line: String,
    /// The term ids of its stems, sorted and deduplicated.
    stems: Vec<u32>,
    /// The qualifiers it names (`--hsm-name`): it is for them, not for every reader of
    /// its section.
    for_qualifiers: u32,
    /// A `show` or `list` ([`only_reads`]): it checks, and changes nothing.
    reads: bool,
}

struct Sentence {
    text: String,
    /// The term ids of its stems, sorted and deduplicated.
    stems: Vec<u32>,
    negative: bool,
    /// The term ids of the words within [`DENIAL_REACH`] of each of its denials: what
    /// it denies.
    denied: Vec<u32>,
    /// Its only denial is of "every" or "all" ("Managed HSM is not offered in every
    /// region"): it settles whether something is everywhere, not whether it exists.
    partial: bool,
    /// It says what the documentation leaves unsaid ("The CMK articles do not mention
    /// zone redundancy"): its denial is of the docs, not of the thing asked about.
    silent: bool,
    settles: bool,
    /// It says what is needed ([`OBLIGING`], [`NEED_WORDS`]), so its "yes" can answer
    /// whether something is needed.
    obliges: bool,
    restrictive: bool,
    /// A number with a unit of time.
    duration: bool,
    chars: usize,
    /// The commands a sentence ending in a colon introduces, one per line.
    introduces: Option<String>,
    /// The qualifiers it names that a line it introduces names too: its commands are
    /// for them.
    introduces_for: u32,
    /// It carries the list it announces, whose items are sentences too.
    carries: bool,
    /// It stands under a troubleshooting case's **Fix:** label.
    remedy: bool,
    /// The command right after it, when it ends a fix step.
    fix_command: Option<String>,
    /// It opens by pointing back at what the sentence before it names or says ("Both
    /// are data-plane roles", "Otherwise rotate the key"), or it goes on with a list
    /// item whose first sentence names what the item is about ("The ACR docs do not
    /// mention it" in the item on Key Vault Crypto User): alone, it dangles, or worse,
    /// reads as about whatever the answer named last.
    leans_back: bool,
    /// It is a list item that goes on with the sentence announcing its list ("a Key
    /// Vault vault, based on…" after "…decides whether the calls are allowed:"):
    /// alone, it is half a sentence.
    continues_lead: bool,
    /// It ends in a colon and a list follows it.
    announces: bool,
}

impl Sentence {
    /// Whether it may be told to a question that leaves the qualifiers `unasked`
    /// unnamed. Not when it ends by pointing at a command it does not carry (alone it
    /// would dangle), nor when it brings commands for a key store, tool or place the
    /// question does not name ("When the new key is in a Managed HSM…:"): they are not
    /// how to do what it asks.
    fn can_be_told(&self, unasked: u32) -> bool {
        let dangles = self.text.ends_with(':') && self.introduces.is_none();
        !dangles && self.introduces_for & unasked == 0
    }
}

impl SectionSentences {
    pub(crate) fn build(index: &SearchIndex, corpus: &Corpus, at: usize) -> SectionSentences {
        let section = &corpus.sections[at];
        let commands: Vec<Command> = section
            .code
            .iter()
            .flat_map(|c| lines_of(&c.code))
            .filter(|l| runs_az(l))
            .map(|line| Command {
                // A flag's, a dotted name's and a camelCase name's parts are words of
                // their own.
                stems: index.stem_ids(&super::tokenize::code_words_apart(&line)),
                for_qualifiers: index.qualifiers_of_command(&line),
                reads: only_reads(&line),
                line,
            })
            .collect();
        SectionSentences {
            heading: index.stem_ids(section.title()),
            silent: leaves_unsaid(&words_of(&without_asides(section.title()).to_lowercase())),
            sentences: sentences(&corpus.parts(at), &section.code)
                .into_iter()
                .map(
                    |Told {
                         text,
                         introduces,
                         own,
                         cells,
                         remedy,
                         then_command,
                         continues_lead,
                         announces,
                         goes_on_item,
                     }| {
                        // "only" ending a compound ("read-only", "Premium-only") names
                        // a kind of thing; it neither restricts nor obliges: the fields
                        // table's "read-only: the exact key version in use" answered
                        // "No." to whether that field shows the new version.
                        let lower = text[..own].to_lowercase().replace("-only", "only");
                        let words = words_of(&lower);
                        let has = |list: &[&str]| {
                            words.iter().enumerate().any(|(i, w)| {
                                list.contains(w)
                                    && !(*w == "support" && support_is_a_noun(&words, i))
                            })
                        };
                        let duration = words.windows(2).any(|w| {
                            (w[0].chars().all(|c| c.is_ascii_digit())
                                || NUMBER_WORDS.contains(&w[0]))
                                && TIME_UNITS.contains(&w[1])
                        });
                        // A denial in an aside ("(you never pinned a specific
                        // version)") or in a condition ("If … has not changed after
                        // an hour, check…") is not what the sentence claims.
                        let claimed = without_conditions(without_asides(&lower));
                        let aside_free;
                        let main: &[&str] = match &claimed {
                            Cow::Borrowed(_) => &words,
                            Cow::Owned(text) => {
                                aside_free = words_of(text);
                                &aside_free
                            }
                        };
                        let denials: Vec<usize> = (0..main.len())
                            .filter(|&i| NEGATIVE.contains(&main[i]))
                            .collect();
                        let negative = !denials.is_empty();
                        let obliges = has(OBLIGING)
                            || has(NEED_WORDS)
                            || words
                                .windows(2)
                                .any(|w| matches!(w, ["has" | "have", "to"]));
                        let denied = index.stem_ids(
                            &denials
                                .iter()
                                .flat_map(|&i| {
                                    let end = (i + DENIAL_REACH + 1).min(main.len());
                                    &main[i.saturating_sub(DENIAL_REACH)..end]
                                })
                                .copied()
                                .collect::<Vec<_>>()
                                .join(" "),
                        );
                        let silent = leaves_unsaid(&words);
                        let partial = negative
                            && denials.iter().all(|&i| {
                                main[i + 1..].iter().take(4).any(|w| UNIVERSAL.contains(w))
                            });
                        // What it names that a line it brings names too ("When the
                        // new key is in a Managed HSM…:" before `--hsm-name` lines),
                        // not what it names in passing ("…; for a Managed HSM key read
                        // it with --hsm-name instead:" before a vault's lines).
                        let introduces_for = introduces.as_deref().map_or(0, |lines| {
                            index.qualifiers_of(&text[..own])
                                & introduced(&commands, lines)
                                    .fold(0, |named, c| named | c.for_qualifiers)
                        });
                        Sentence {
                            stems: index.stem_ids(cells.as_deref().unwrap_or(&text)),
                            introduces_for,
                            negative,
                            denied,
                            partial,
                            silent,
                            settles: negative || obliges || has(SETTLING),
                            obliges,
                            restrictive: words.contains(&"only"),
                            duration,
                            chars: text.chars().count(),
                            introduces,
                            carries: own < text.len(),
                            remedy,
                            fix_command: then_command.filter(|_| remedy),
                            leans_back: goes_on_item || leans_back(&words),
                            continues_lead,
                            announces,
                            text,
                        }
                    },
                )
                .collect(),
            commands,
        }
    }

    /// The heap the table holds, counted from its strings' and vectors' capacities
    /// (allocator overhead aside), for the cache's budget.
    pub(crate) fn heap_bytes(&self) -> usize {
        fn ids(v: &Vec<u32>) -> usize {
            v.capacity() * std::mem::size_of::<u32>()
        }
        ids(&self.heading)
            + self.sentences.capacity() * std::mem::size_of::<Sentence>()
            + self
                .sentences
                .iter()
                .map(|s| {
                    s.text.capacity()
                        + ids(&s.stems)
                        + ids(&s.denied)
                        + s.introduces.as_ref().map_or(0, String::capacity)
                        + s.fix_command.as_ref().map_or(0, String::capacity)
                })
                .sum::<usize>()
            + self.commands.capacity() * std::mem::size_of::<Command>()
            + self
                .commands
                .iter()
                .map(|c| c.line.capacity() + ids(&c.stems))
                .sum::<usize>()
    }
}

struct Candidate<'a> {
    section: usize,
    sentence: &'a Sentence,
    score: f32,
    share: f32,
    order: (usize, usize),
}

impl<'a> Candidate<'a> {
    /// A sentence that joins the answer for another's sake, not for its own score:
    /// the fix of a case, or the sentence another points back at.
    fn brought(section: usize, sentence: &'a Sentence, order: (usize, usize)) -> Self {
        Candidate {
            section,
            sentence,
            score: 0.0,
            share: 0.0,
            order,
        }
    }
}

/// Extracts an answer to `question` (analyzed as `analyzed`) from `sections` (best
/// first). None when no sentence answers it.
pub(crate) fn extract(
    corpus: &Corpus,
    index: &SearchIndex,
    analyzed: &Analyzed,
    sections: &[usize],
) -> Option<DirectAnswer> {
    let terms = index.weighted_terms(analyzed);
    let total: f32 = terms.iter().map(|t| t.weight).sum();
    if total == 0.0 {
        return None;
    }
    let intent = analyzed.intent;
    let mut candidates = Vec::new();
    // Held for the whole extraction: the candidates point into them.
    let tables: Vec<_> = sections
        .iter()
        .map(|&section| index.sentences(corpus, section))
        .collect();
    // The qualifiers a section's commands may not be for: those the question does not
    // name, unless the section's headings or its doc's title do (the ranking weighed
    // that already).
    let unasked: Vec<u32> = sections
        .iter()
        .map(|&section| !analyzed.qualifiers & !index.qualified_with_title[section])
        .collect();
    for (rank, (&section, table)) in sections.iter().zip(&tables).enumerate() {
        for (position, sentence) in table.sentences.iter().enumerate() {
            if !sentence.can_be_told(unasked[rank]) {
                continue;
            }
            // A sentence is read under its heading: in a section titled "check-health
            // reports CMK_ERROR", "The registry cannot reach the managed identity"
            // answers what CMK_ERROR means without naming it. The heading's concepts
            // then tie the section's sentences, and what each adds decides. One that
            // adds none of the question ("Read it back:") says nothing on its own.
            if !terms.iter().any(|t| t.touched_by(&sentence.stems)) {
                continue;
            }
            let matched: f32 = terms
                .iter()
                .filter(|t| t.touched_by(&sentence.stems) || t.touched_by(&table.heading))
                .map(|t| t.weight)
                .sum();
            let fits = (intent.polar && sentence.settles)
                || (intent.duration && sentence.duration)
                || (intent.procedure && sentence.introduces.is_some());
            let share = matched / total;
            let score = share
                + 0.5 / (1.0 + rank as f32)
                + 0.1 / (1.0 + position as f32)
                + if fits { 0.3 } else { 0.0 }
                // Very long sentences are rarely the crisp answer.
                - (sentence.chars.saturating_sub(220) as f32 / 1000.0);
            candidates.push(Candidate {
                section,
                sentence,
                score,
                share,
                order: (rank, position),
            });
        }
    }
    let by_score =
        |a: &Candidate, b: &Candidate| b.score.total_cmp(&a.score).then(a.order.cmp(&b.order));
    candidates.sort_by(by_score);
    let best = candidates.first().filter(|b| b.share >= MIN_MATCH)?;
    let best_score = best.score;
    let continuation = (best.order.0, best.order.1 + 1);
    if let Some(next) = candidates.iter_mut().find(|c| c.order == continuation) {
        next.score += CONTINUATION_BONUS;
        // The best one stays first, whatever its follower now scores.
        candidates[1..].sort_by(by_score);
    }
    // Declared before `chosen`, which may point into it.
    let whole: Vec<Candidate>;
    let mut chosen: Vec<&Candidate> = Vec::new();
    let mut length = 0;
    for c in &candidates {
        if chosen.len() == MAX_SENTENCES || c.score < best_score * FOLLOW_SHARE {
            break;
        }
        if !chosen.is_empty() && length + c.sentence.chars > MAX_ANSWER_CHARS {
            continue;
        }
        // Nothing is told twice: a list item is also part of the sentence that
        // announces its list, and some facts stand in more than one section.
        if chosen
            .iter()
            .any(|o| tells_the_same(o.sentence, c.sentence))
        {
            continue;
        }
        length += c.sentence.chars + 1;
        chosen.push(c);
    }
    // The best sentence is chosen first, and stays first: the verdict is its own. Told
    // whole, its section leads with it, or with the list's lead that carries it.
    let (rank, best_position) = chosen[0].order;
    let best_sentence = chosen[0].sentence;
    if chosen.iter().all(|c| c.order.0 == rank)
        && let Some(told) = whole_section(&tables[rank], unasked[rank])
        && let Some(at) = told
            .iter()
            .position(|&(p, s)| p == best_position || holds(s, best_sentence))
    {
        whole = told
            .into_iter()
            .map(|(position, sentence)| {
                Candidate::brought(sections[rank], sentence, (rank, position))
            })
            .collect();
        chosen = whole.iter().collect();
        let best = chosen.remove(at);
        chosen.insert(0, best);
    }
    // A sentence that points back is told after the one it points at ("Both are
    // data-plane roles" needs the two roles named before it), even past the length
    // budget: an answer that cannot be read alone settles nothing.
    let mut pointed_at: Vec<Candidate> = Vec::new();
    for c in &chosen {
        let (rank, mut position) = c.order;
        let mut sentence = c.sentence;
        while sentence.leans_back && position > 0 && pointed_at.len() < MAX_POINTED_AT {
            position -= 1;
            let taken = |o: &Candidate| o.order == (rank, position);
            if chosen.iter().any(|o| taken(o)) || pointed_at.iter().any(taken) {
                break;
            }
            sentence = &tables[rank].sentences[position];
            pointed_at.push(Candidate::brought(c.section, sentence, (rank, position)));
        }
    }
    // An item that goes on with its list's lead is told after the lead, or, when the
    // lead carries its short list, by the lead in its place; like a sentence pointed
    // at, the lead may join past the limits.
    let mut carried_by: Vec<(usize, (usize, usize))> = Vec::new();
    for (k, c) in chosen.iter().enumerate() {
        let (rank, position) = c.order;
        if !c.sentence.continues_lead {
            continue;
        }
        let sentences = &tables[rank].sentences;
        // Back over the list's items only: a lead too short to be a sentence
        // ("Steps:") is not in the table, and the lead before it is another list's.
        let mut p = position;
        while p > 0 && sentences[p].continues_lead {
            p -= 1;
        }
        if !sentences[p].announces {
            continue;
        }
        if sentences[p].carries {
            carried_by.push((k, (rank, p)));
        }
        let taken = |o: &Candidate| o.order == (rank, p);
        if !chosen.iter().any(|o| taken(o)) && !pointed_at.iter().any(taken) {
            pointed_at.push(Candidate::brought(c.section, &sentences[p], (rank, p)));
        }
    }
    chosen.extend(&pointed_at);
    for (k, lead) in carried_by {
        if let Some(at) = chosen.iter().position(|o| o.order == lead) {
            chosen[k] = chosen[at];
        }
    }
    // A lead that took its item's place, and was also brought or chosen, is told once.
    let mut orders = Vec::with_capacity(chosen.len());
    chosen.retain(|c| {
        let first = !orders.contains(&c.order);
        orders.push(c.order);
        first
    });
    // The verdict is the settling sentence's own: it must name, itself, what the
    // question asks about most, not only sit under a heading that does ("Soft delete
    // alone keeps deleted keys… can still destroy them" does not settle whether purge
    // protection is mandatory). What it asks about most is its most informative
    // concept that the sentence's section holds: a rare word of the question that the
    // section never uses ("really", "mandatory") cannot be the thing settled there.
    let names_focus = |c: &Candidate| {
        let home = &tables[c.order.0];
        terms
            .iter()
            .filter(|t| {
                t.held_by(&home.heading) || home.sentences.iter().any(|s| t.held_by(&s.stems))
            })
            .max_by(|a, b| a.weight.total_cmp(&b.weight))
            .is_some_and(|focus| focus.held_by(&c.sentence.stems))
    };
    let verdict = (intent.polar
        && !intent.procedure
        // Under a heading saying the docs leave the matter open, a sentence about the
        // general case ("In general a registry can change SKU…") does not settle it.
        && !tables[chosen[0].order.0].silent
        && chosen[0].sentence.settles
        && denies_what_is_asked(chosen[0].sentence, &terms)
        && !chosen[0].sentence.silent
        && (!chosen[0].sentence.partial || intent.universal)
        && names_focus(chosen[0]))
    .then(|| {
        let asking: &[u32] = if intent.necessity {
            &index.need_word_ids
        } else {
            &[]
        };
        verdict(chosen[0].sentence, &terms, asking)
    })
    // "Managed HSM is a supported key store" says yes to whether one can be used, not
    // to whether one is needed.
    .filter(|v| *v == "no" || !intent.necessity || chosen[0].sentence.obliges)
    .map(str::to_string);
    // A problem report is answered by what to do first: when the leading sentence
    // comes from a troubleshooting case, the fix's first sentence joins the answer
    // unless it is chosen already, even past the length budget (taking the place of
    // another sentence lost an answer's fact on the dev set). A later step that scored
    // ("Run the health check again") does not stand in for it ("attach it again").
    let fix;
    if intent.problem {
        let lead = chosen[0];
        let (rank, _) = lead.order;
        if let Some((position, sentence)) = tables[rank]
            .sentences
            .iter()
            .enumerate()
            .find(|(_, s)| s.remedy)
            && !chosen.iter().any(|c| c.order == (rank, position))
        {
            fix = Candidate::brought(lead.section, sentence, (rank, position));
            chosen.push(&fix);
        }
    }
    // Read in the order the knowledge tells it.
    chosen.sort_by_key(|c| c.order);
    // The answer's command is one line. Of the lines the first sentence that
    // introduces a block brings, it is the action ([`action_among`]), not a lookup that
    // fills a variable for it, and never a line for a qualifier left unasked.
    let mut command = chosen.iter().find_map(|c| {
        let (lines, unasked) = (c.sentence.introduces.as_deref()?, unasked[c.order.0]);
        let asked = introduced(&tables[c.order.0].commands, lines)
            .filter(|command| command.for_qualifiers & unasked == 0)
            .map(|command| command.line.as_str());
        action_among(asked).map(str::to_string)
    });
    // A how-to question is answered by the command that does it. When the chosen
    // sentences bring commands (each shown after its sentence), the answer's command
    // is the brought line sharing most of the question's concepts, or a line of their
    // sections sharing more still: "Check the current settings:" brings the check,
    // not the `az keyvault update` that "how do I turn on purge protection" asks for.
    // When they bring none, it is the best-ranked section's best command.
    if intent.procedure {
        let found = if command.is_some() {
            let mut ranks: Vec<usize> = chosen.iter().map(|c| c.order.0).collect();
            ranks.sort_unstable();
            ranks.dedup();
            // An introduced line is one of its section's commands, stems and all.
            let brought = first_of_best(
                chosen
                    .iter()
                    .filter_map(|c| {
                        let lines = c.sentence.introduces.as_deref()?;
                        let unasked = unasked[c.order.0];
                        Some(
                            introduced(&tables[c.order.0].commands, lines)
                                .filter(move |command| command.for_qualifiers & unasked == 0),
                        )
                    })
                    .flatten()
                    .map(|command| (shared_weight(&terms, &command.stems), command)),
            );
            // A change beats a check that shares as much of the question within a
            // section ([`heavier`]); across sections the better-ranked one does, so a
            // check the question asks for is not passed over for a lower section's
            // change ("how do I tell if our kv runs rbac": not `az keyvault create`).
            first_by(
                ranks
                    .iter()
                    .filter_map(|&r| best_command_in(&terms, &tables[r], unasked[r])),
                |a, b| a.0 > b.0,
            )
            .filter(|best| brought.is_none_or(|b| heavier(best, &b)))
            .or(brought)
        } else {
            best_command(&terms, &tables, &unasked)
        };
        if let Some((_, found)) = found {
            command = Some(found.line.clone());
        }
    }
    // A problem report's fix steps rarely end in a colon ("Assign the user-assigned
    // encryption identity to the registry again." then its block), so none brings its
    // command; the answer's command is then the first chosen step's, as a case's own
    // answer has it ([`from_case`]).
    if command.is_none() && intent.problem {
        command = chosen.iter().find_map(|c| c.sentence.fix_command.clone());
    }
    let sentences: Vec<AnswerSentence> = chosen
        .iter()
        .map(|c| AnswerSentence {
            text: c.sentence.text.clone(),
            command: c.sentence.introduces.clone(),
            cite: 0,
            citation: corpus.citation(c.section),
        })
        .collect();
    Some(DirectAnswer::new(verdict, sentences, command))
}

impl DirectAnswer {
    /// The answer with its display text: the verdict, the sentences, then the command
    /// unless a sentence already holds it.
    fn new(
        verdict: Option<String>,
        sentences: Vec<AnswerSentence>,
        command: Option<String>,
    ) -> DirectAnswer {
        let mut text = String::new();
        // Unless the knowledge's own sentence already opens with it ("No, CMK cannot…").
        if let Some(v) = &verdict {
            let said = sentences.first().is_some_and(|s| {
                s.text
                    .split(|c: char| !c.is_alphabetic())
                    .next()
                    .is_some_and(|w| w.eq_ignore_ascii_case(v))
            });
            if !said {
                text.push_str(if v == "yes" { "Yes. " } else { "No. " });
            }
        }
        for (i, s) in sentences.iter().enumerate() {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(&s.text);
            if let Some(cmd) = &s.command {
                for line in cmd.lines() {
                    text.push_str(&format!(" `{line}`"));
                }
            }
        }
        if let Some(cmd) = &command
            && !text.contains(cmd.as_str())
        {
            text.push_str(&format!(" Command: `{cmd}`"));
        }
        DirectAnswer {
            text,
            verdict,
            command,
            sentences,
        }
    }
}

/// The answer to a problem report that pastes the error text of the case `section`
/// tells: the case's cause, then its fix in the knowledge's order as far as the
/// budget allows, with the fix's first command. The error named the case, so what
/// the report's other words share with each sentence does not choose them.
pub(crate) fn from_case(
    corpus: &Corpus,
    index: &SearchIndex,
    section: usize,
) -> Option<DirectAnswer> {
    let table = index.sentences(corpus, section);
    // Symptoms, errors and diagnosis are not told: the first sentence is the cause's.
    let cause = table.sentences.iter().find(|s| !s.remedy)?;
    let mut chosen = vec![cause];
    let mut length = cause.chars;
    for s in table.sentences.iter().filter(|s| s.remedy) {
        if chosen.len() > 1 && length + 1 + s.chars > MAX_ANSWER_CHARS {
            break;
        }
        length += 1 + s.chars;
        chosen.push(s);
    }
    let command = chosen.iter().find_map(|s| {
        s.fix_command
            .clone()
            .or_else(|| s.introduces.as_deref().map(action_of))
    });
    let citation = corpus.citation(section);
    let sentences: Vec<AnswerSentence> = chosen
        .iter()
        .map(|s| AnswerSentence {
            text: s.text.clone(),
            command: s.introduces.clone(),
            cite: 0,
            citation: citation.clone(),
        })
        .collect();
    Some(DirectAnswer::new(None, sentences, command))
}

/// The sentences of a section that an answer tells whole ([`WHOLE_SECTION_CHARS`]),
/// with their positions, or None when it is longer: those an answer may tell
/// ([`Sentence::can_be_told`]) and no sentence before them tells already.
fn whole_section(table: &SectionSentences, unasked: u32) -> Option<Vec<(usize, &Sentence)>> {
    let mut told: Vec<(usize, &Sentence)> = Vec::new();
    let mut chars = 0;
    for (position, sentence) in table.sentences.iter().enumerate() {
        if !sentence.can_be_told(unasked) {
            continue;
        }
        if told.iter().any(|(_, o)| tells_the_same(o, sentence)) {
            continue;
        }
        chars += sentence.chars + 1;
        if chars > WHOLE_SECTION_CHARS {
            return None;
        }
        told.push((position, sentence));
    }
    Some(told)
}

/// Whether a sentence that denies something denies what the question names, so
/// that its denial can answer it: "the CLI does no check of the host name" does
/// not say no to "can I use a Managed HSM key?", though the sentence settles it
/// otherwise. A sentence without a denial passes. Without a verdict, the answer's
/// sentences speak for themselves; a wrong "No." would speak over them.
fn denies_what_is_asked(sentence: &Sentence, terms: &[super::WeightedTerm]) -> bool {
    !sentence.negative || terms.iter().any(|t| t.touched_by(&sentence.denied))
}

/// "no" when the settling sentence denies, or restricts to something the question
/// did not ask about ("Only RSA keys are supported" to "Are EC keys supported?");
/// "yes" otherwise. `asking` are the term ids of the words that ask whether
/// something is needed: "needed" in "is the premium tier needed?" (and its pairs,
/// "needed … acr") is how it asks, not a thing "exists only in the Premium tier"
/// leaves out.
fn verdict(sentence: &Sentence, terms: &[super::WeightedTerm], asking: &[u32]) -> &'static str {
    if sentence.negative {
        return "no";
    }
    if sentence.restrictive {
        let missing = terms
            .iter()
            .filter(|t| t.weight > 0.0 && !t.ids.iter().any(|id| asking.contains(id)))
            .any(|t| !t.held_by(&sentence.stems));
        if missing {
            return "no";
        }
    }
    "yes"
}

/// The section's commands among the lines a sentence introduces (each is one of
/// them, stems, qualifiers and all).
fn introduced<'a>(
    commands: &'a [Command],
    lines: &'a str,
) -> impl Iterator<Item = &'a Command> + Clone {
    lines
        .lines()
        .filter_map(|line| commands.iter().find(|c| c.line == line))
}

/// A section's command line with the term ids of its stems, and the weight of the
/// question's concepts it shares.
type WeighedCommand<'a> = (f32, &'a Command);

/// The command of the best-ranked section that has one (`tables`, best first), the
/// one sharing most of the question's concepts; `unasked` as in [`best_command_in`],
/// per section.
fn best_command<'a>(
    terms: &[super::WeightedTerm],
    tables: &'a [SentenceTable],
    unasked: &[u32],
) -> Option<WeighedCommand<'a>> {
    tables
        .iter()
        .zip(unasked)
        .find_map(|(table, &unasked)| best_command_in(terms, table, unasked))
}

/// The command of `table` sharing most of the question's concepts, if any shares
/// some, and none of it for the `unasked` qualifiers.
fn best_command_in<'a>(
    terms: &[super::WeightedTerm],
    table: &'a SentenceTable,
    unasked: u32,
) -> Option<WeighedCommand<'a>> {
    first_of_best(
        table
            .commands
            .iter()
            .filter(|command| command.for_qualifiers & unasked == 0)
            .map(|command| (shared_weight(terms, &command.stems), command))
            .filter(|(weight, _)| *weight > 0.0),
    )
}

/// The action among the lines a sentence introduces ([`action_among`]): not a lookup
/// that fills a variable for it (`KEY_VAULT_ID=$(az keyvault show …)`).
fn action_of(lines: &str) -> String {
    action_among(lines.lines()).unwrap_or_default().to_string()
}

/// The heaviest command ([`heavier`]), the first of equals: a procedure's action
/// comes before its check.
fn first_of_best<'a>(
    commands: impl Iterator<Item = WeighedCommand<'a>>,
) -> Option<WeighedCommand<'a>> {
    first_by(commands, heavier)
}

/// The command that no later one `beats`: the first of those none beats.
fn first_by<'a>(
    commands: impl Iterator<Item = WeighedCommand<'a>>,
    beats: impl Fn(&WeighedCommand<'a>, &WeighedCommand<'a>) -> bool,
) -> Option<WeighedCommand<'a>> {
    commands.fold(None, |best, c| match best {
        Some(b) if !beats(&c, &b) => Some(b),
        _ => Some(c),
    })
}

/// Whether `a` shares more of the question than `b`, or as much and changes what `b`
/// only reads: "how to set purge protection on an existing vault" names the
/// setting's words in the check (`--query properties.enablePurgeProtection`) as
/// much as in the `az keyvault update` that sets it.
fn heavier(a: &WeighedCommand<'_>, b: &WeighedCommand<'_>) -> bool {
    a.0 > b.0 || (a.0 == b.0 && b.1.reads && !a.1.reads)
}

/// The weight of the question's concepts that `stems` (sorted term ids) touch.
fn shared_weight(terms: &[super::WeightedTerm], stems: &[u32]) -> f32 {
    terms
        .iter()
        .filter(|t| t.touched_by(stems))
        .map(|t| t.weight)
        .sum()
}

/// The sentences of a section's paragraphs and list items, each with the command it
/// introduces when it ends in a colon right before a code block, then its table rows
/// (see [`Told::row`]). Code is left out, and so are the parts of a troubleshooting
/// case that are not statements of fact: its symptoms (a user's words), error
/// fragments and diagnostic commands.
fn sentences(parts: &SectionParts, code: &[CodeBlock]) -> Vec<Told> {
    let blocks = &parts.blocks;
    let mut out: Vec<Told> = Vec::new();
    let mut skipping = false;
    let mut remedy = false;
    // Whether what stands before each block (and after the last) is skipped: loose
    // text is placed by the number of blocks before it.
    let mut skipped_before = Vec::with_capacity(blocks.len() + 1);
    // Whether the list being told was announced by a sentence ending in a colon.
    let mut announced = false;
    for (i, block) in blocks.iter().enumerate() {
        skipped_before.push(skipping);
        if let Block::Paragraph { label: Some(l), .. } = block {
            let label = l.to_lowercase();
            remedy = matches!(label.as_str(), "fix" | "fixes");
            skipping = matches!(
                label.as_str(),
                "symptoms" | "symptom" | "errors" | "error" | "diagnose" | "diagnosis"
            );
        }
        if skipping {
            continue;
        }
        let (text, item) = match block {
            Block::Paragraph { text, .. } => (text.clone(), false),
            Block::ListItem { text, .. } => (text.clone(), true),
            Block::Code(_) => {
                announced = false;
                continue;
            }
        };
        let continues_lead =
            item && announced && text.chars().next().is_some_and(char::is_lowercase);
        if !item {
            announced = text.trim_end().ends_with(':')
                && matches!(blocks.get(i + 1), Some(Block::ListItem { .. }));
        }
        let next_lines = match blocks.get(i + 1) {
            Some(Block::Code(at)) => code.get(*at).map_or_else(Vec::new, |c| lines_of(&c.code)),
            _ => Vec::new(),
        };
        // A sentence introduces the whole block, not its first line: "Find it and
        // recover it:" is the lookup and the recovery, and "re-create the assignment:"
        // the lookup of the vault's ID and the assignment that uses it.
        let next_commands = {
            let lines: Vec<&str> = next_lines
                .iter()
                .map(String::as_str)
                .filter(|l| runs_az(l))
                .take(MAX_INTRODUCED_LINES)
                .collect();
            (!lines.is_empty()).then(|| lines.join("\n"))
        };
        // What a fix step does is its `az` command, not the lookup that fills a
        // variable for it (`IDENTITY_ID=$(az identity show …)`).
        let next_action = action_among(next_lines.iter().map(String::as_str)).map(str::to_string);
        let mut pieces = split_sentences(&text);
        let last = pieces.len().saturating_sub(1);
        // An item's later sentences lean on its first only when that one is told: else
        // the sentence before them in the table is another block's.
        let named_first = item && pieces.first().is_some_and(|p| is_a_sentence(p));
        // A paragraph that ends by announcing a short list says it with the list: the
        // list is the answer it leads to ("…is called the key encryption key (KEK):"
        // and the two places it is set).
        let mut carried = None;
        if matches!(block, Block::Paragraph { .. })
            && let Some(lead) = pieces.last_mut().filter(|s| s.ends_with(':'))
            && let Some(list) = announced_list(&blocks[i + 1..])
        {
            carried = Some(lead.len());
            *lead = format!("{lead} {list}");
        }
        for (j, text) in pieces.into_iter().enumerate() {
            let introduces = (j == last && text.ends_with(':'))
                .then(|| next_commands.clone())
                .flatten();
            let then_command = (j == last).then(|| next_action.clone()).flatten();
            let own = carried.filter(|_| j == last).unwrap_or(text.len());
            out.push(Told {
                continues_lead: continues_lead && j == 0,
                announces: !item && j == last && announced,
                goes_on_item: named_first && j > 0,
                text,
                introduces,
                own,
                cells: None,
                remedy,
                then_command,
            });
        }
    }
    skipped_before.push(skipping);
    // After the prose, so each sentence keeps its place (and the credit a sentence
    // near the top of its section gets) whether or not the section has a table.
    out.extend(
        parts
            .loose
            .iter()
            .filter(|(before, _)| !skipped_before[(*before).min(blocks.len())])
            .flat_map(|(_, text)| markdown::table_rows(text))
            .map(Told::row),
    );
    out.into_iter().filter(|t| is_a_sentence(&t.text)).collect()
}

/// Whether a piece of a block's text is long enough, and made of words, to be told as
/// a sentence of its own ("Steps:" or a bare value is not).
fn is_a_sentence(text: &str) -> bool {
    text.chars().count() >= 12 && text.chars().any(char::is_alphabetic)
}

/// A sentence as the section tells it, before it is read for scoring.
struct Told {
    text: String,
    /// The commands it introduces, one per line, when it ends in a colon right
    /// before a code block that holds some.
    introduces: Option<String>,
    /// How much of `text` is its own words: all of it, or the lead before the list it
    /// carries. Whether it denies, restricts or settles is read there alone: "no" in
    /// an item ("Managed HSM has no access policies") is not the lead's verdict.
    own: usize,
    /// A table row's cells without their headings: what its words are matched from.
    cells: Option<String>,
    remedy: bool,
    /// The `az` command of the code block right after the block it ends.
    then_command: Option<String>,
    /// See [`Sentence::continues_lead`].
    continues_lead: bool,
    /// See [`Sentence::announces`].
    announces: bool,
    /// It is a list item's sentence after the item's first, which names what the item
    /// is about: "The ACR docs do not mention it" after "Key Vault Crypto User: general
    /// cryptographic operations…".
    goes_on_item: bool,
}

impl Told {
    /// A table row ([`markdown::table_rows`]) as one statement, every cell after its
    /// column's heading: "Provider version: 3.102.0; Change: encryption.enabled
    /// deprecated". A row is often the whole answer ("since which version", "which
    /// role"), and a cell means little without its row and column. The words are the
    /// knowledge's own; only the separators are added. It is matched by its cells
    /// alone: the headings repeat in every row, so they would match a question as
    /// much in each.
    fn row(row: Vec<(&str, &str)>) -> Told {
        let told = row
            .iter()
            .map(|&(heading, cell)| {
                if heading.is_empty() {
                    cell.to_string()
                } else {
                    format!("{heading}: {cell}")
                }
            })
            .collect::<Vec<_>>()
            .join("; ");
        let end = if told.ends_with(['.', '!', '?']) {
            ""
        } else {
            "."
        };
        let text = format!("{told}{end}");
        Told {
            own: text.len(),
            text,
            introduces: None,
            cells: Some(
                row.iter()
                    .map(|(_, cell)| *cell)
                    .collect::<Vec<_>>()
                    .join(" "),
            ),
            remedy: false,
            then_command: None,
            continues_lead: false,
            announces: false,
            goes_on_item: false,
        }
    }
}

/// The list items at the start of `blocks` as one run ("a; b; c."), when there are
/// a few short ones: a long list is no short answer, so the lead before it dangles.
fn announced_list(blocks: &[Block]) -> Option<String> {
    let items: Vec<&str> = blocks
        .iter()
        .map_while(|b| match b {
            Block::ListItem { text, .. } => Some(text.trim_end_matches(['.', ';'])),
            _ => None,
        })
        .collect();
    let chars: usize = items.iter().map(|t| t.chars().count() + 2).sum();
    // Items that announce commands of their own are the steps of a procedure, told
    // with their commands.
    let steps = items.iter().any(|t| t.ends_with(':'));
    (!items.is_empty() && !steps && items.len() <= MAX_CARRIED_ITEMS && chars <= MAX_CARRIED_CHARS)
        .then(|| format!("{}.", items.join("; ")))
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
    fn a_denial_of_what_the_docs_say_is_not_a_denial_of_the_subject() {
        let unsaid = |s: &str| leaves_unsaid(&s.split(' ').collect::<Vec<_>>());
        assert!(unsaid(
            "the cmk articles do not mention zone redundancy neither as supported nor as a limitation"
        ));
        assert!(unsaid(
            "the docs do not say whether a cmk-encrypted registry can move down"
        ));
        assert!(unsaid("it is not documented in the acr articles"));
        assert!(unsaid(
            "it says nothing about a cmk registry that itself uses private endpoints"
        ));
        assert!(unsaid(
            "the acr cmk documentation only discusses the key store being behind a firewall"
        ));
        // The docs' own rule, or a denial far from what they say, still settles.
        assert!(!unsaid(
            "purge protection is recommended not required by the current acr docs"
        ));
        assert!(!unsaid("cmk cannot be disabled once it is enabled"));
        assert!(!unsaid(
            "the current articles only recommend purge protection"
        ));
        assert!(!unsaid(
            "the docs say the registry cannot switch back to microsoft-managed keys"
        ));
    }

    /// "With a versionless key ID (you never pinned a specific version), the registry
    /// … starts using a freshly created key version" tells what happens: its denial is an
    /// aside, and a yes/no question it answers gets no "No." from it.
    #[test]
    fn a_denial_in_an_aside_is_not_the_claim() {
        assert_eq!(
            without_asides(
                "with a versionless key id (you never pinned a specific version), the registry checks"
            ),
            "with a versionless key id , the registry checks"
        );
        assert_eq!(without_asides("no aside here"), "no aside here");
        let found = each_knowledge_sentence("With a versionless key ID (you never pinned", |s| {
            assert!(!s.negative, "{}", s.text);
        });
        assert!(found > 0, "the sentence is in the knowledge");
    }

    #[test]
    fn a_denial_in_a_condition_is_not_the_claim() {
        let cut = |t: &'static str| without_conditions(Cow::Borrowed(t)).into_owned();
        assert_eq!(
            cut("if the version has not changed after an hour, check keyrotationenabled"),
            " check keyrotationenabled"
        );
        assert_eq!(
            cut("rotate again if the registry does not pick it up"),
            "rotate again "
        );
        // "if" inside a word ("verify", "modified") opens nothing.
        assert_eq!(cut("verify the modified key"), "verify the modified key");
        let found = each_knowledge_sentence("If the vault has a newer version but", |s| {
            // What it claims is what to check, and what the check needs.
            assert!(!s.negative && s.settles, "{}", s.text);
        });
        assert!(found > 0, "the sentence is in the knowledge");
    }

    #[test]
    fn a_section_whose_heading_says_the_docs_are_silent_gives_no_verdict() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let silent: Vec<&str> = (0..corpus.sections.len())
            .filter(|&at| SectionSentences::build(&index, &corpus, at).silent)
            .map(|at| corpus.sections[at].title())
            .collect();
        assert!(
            silent.contains(&"Changing the SKU of a CMK registry is not documented"),
            "{silent:?}"
        );
        // An aside saying where a fact comes from is not the heading's claim.
        assert!(
            !silent
                .iter()
                .any(|t| t.contains("(a Key Vault option not in the ACR docs)")),
            "{silent:?}"
        );
        let answer = crate::search::answer::answer(
            &corpus,
            &index,
            "can our cmk registry move down from premium to standard now that geo-replication is gone?",
            3,
            2_500,
            &Vec::new,
        );
        // Answered, from that section, without a "Yes." from its first sentence.
        let answer = answer.answer.expect("a confident answer");
        assert!(
            answer.sentences[0]
                .text
                .starts_with("In general a registry can change SKU")
        );
        assert_eq!(answer.verdict, None);
    }

    #[test]
    fn only_ending_a_compound_neither_restricts_nor_obliges() {
        let found = each_knowledge_sentence("read-only: the exact key version in use", |s| {
            assert!(!s.restrictive && !s.obliges && !s.settles, "{}", s.text);
        });
        assert!(found > 0, "the row is in the knowledge");
    }

    /// Runs `check` on each sentence of the built-in knowledge that holds `text`, and
    /// says how many there were: a rule about how a sentence reads is tested on the
    /// sentence it was made for, as the knowledge has it.
    fn each_knowledge_sentence(text: &str, check: impl Fn(&Sentence)) -> usize {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let mut found = 0;
        for at in 0..corpus.sections.len() {
            for s in &SectionSentences::build(&index, &corpus, at).sentences {
                if s.text.contains(text) {
                    check(s);
                    found += 1;
                }
            }
        }
        found
    }

    #[test]
    fn the_support_desk_settles_nothing() {
        let words = |s: &'static str| s.split(' ').collect::<Vec<_>>();
        let w = words("verify in a test subscription or with support");
        assert!(support_is_a_noun(&w, 7));
        let w = words("open an azure support request");
        assert!(support_is_a_noun(&w, 3));
        let w = words("registries do not support the referrers api");
        assert!(!support_is_a_noun(&w, 3));
        let w = words("both key stores support imported keys");
        assert!(!support_is_a_noun(&w, 3));
    }

    #[test]
    fn an_answer_does_not_say_the_same_thing_twice() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        // Every sentence of the knowledge, with its table.
        let tables: Vec<_> = (0..corpus.sections.len())
            .filter(|&at| !corpus.doc_of(&corpus.sections[at]).is_scenario())
            .map(|at| index.sentences(&corpus, at))
            .collect();
        let find = |opening: &str| {
            tables
                .iter()
                .flat_map(|t| t.sentences.iter())
                .find(|s| s.text.starts_with(opening))
                .unwrap_or_else(|| panic!("no sentence opens with {opening:?}"))
        };
        // The key sizes, told in two places in nearly the same words.
        let named = find("The ACR docs name no size;");
        let prescribed = find("The ACR docs do not prescribe a key size;");
        let on_offer = find("The sizes on offer come from Key Vault");
        assert!(restates(named, prescribed) && restates(prescribed, named));
        // The same sizes in other words are something more to say.
        assert!(!restates(named, on_offer));
        let answer = super::super::answer::answer(
            &corpus,
            &index,
            "what rsa key size should the kek be, 2048, 3072 or 4096 bits?",
            3,
            2_500,
            &Vec::new,
        )
        .answer
        .expect("an answer");
        let told = |s: &Sentence| answer.sentences.iter().any(|a| a.text == s.text);
        assert!(told(named) != told(prescribed), "{:?}", answer.sentences);
    }

    /// "To keep them, export them" shares one word of the question, too few to join
    /// the answer on its own score; it joins as what the best sentence goes on with.
    #[test]
    fn an_answer_goes_on_with_the_sentence_after_its_best() {
        let corpus = Corpus::from_texts([(
            "w",
            "references/logs.md",
            "# Retention\n\n## Retention rules\n\n\
             On the gold plan, widget logs are kept for one day only. \
             To keep them, export them before it ends.\n",
        )]);
        let index = SearchIndex::build(&corpus).unwrap();
        let section = (0..corpus.sections.len())
            .find(|&at| corpus.sections[at].title() == "Retention rules")
            .unwrap();
        let question =
            index.analyze("gold plan widget logs are kept one day, how do we keep them?");
        let answer = extract(&corpus, &index, &question, &[section]).expect("an answer");
        let texts: Vec<&str> = answer.sentences.iter().map(|s| s.text.as_str()).collect();
        assert!(texts[0].starts_with("On the gold plan"), "{texts:?}");
        assert!(
            texts.iter().any(|t| t.starts_with("To keep them, export")),
            "{texts:?}"
        );
    }

    /// Sentence tables keep term ids and drop a stem without one, which is exact only
    /// if every stem they meet is one the term statistics counted.
    #[test]
    fn every_stem_of_a_sentence_table_has_a_term_id() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let mut en = index.en.clone();
        let mut checked = 0;
        for (at, section) in corpus.sections.iter().enumerate() {
            if corpus.doc_of(section).is_scenario() {
                continue;
            }
            let commands = section.code.iter().flat_map(|c| lines_of(&c.code));
            let texts = sentences(&corpus.parts(at), &section.code)
                .into_iter()
                .map(|t| t.text)
                .chain([section.title().to_string()])
                .chain(commands.map(|l| l.replace(['-', '.'], " ")));
            for text in texts {
                for stem in super::super::tokenize::tokens(&mut en, &text) {
                    assert!(
                        index.stats.term_ids.contains_key(&stem),
                        "{stem:?} of {text:?}"
                    );
                    checked += 1;
                }
            }
        }
        assert!(checked > 10_000, "{checked}");
    }

    #[test]
    fn a_table_row_is_told_with_its_column_headings() {
        let parts = crate::knowledge::markdown::parts(
            "Intro sentence about versions.\n\n\
             | Provider version | Change |\n|---|---|\n\
             | 3.102.0 | `encryption.enabled` deprecated |\n| 4.0 | |\n\n\
             | Key | Supported |\n|---|---|\n| EC | no. |\n",
        );
        let told: Vec<_> = sentences(&parts, &[])
            .into_iter()
            .map(|t| (t.text, t.cells))
            .collect();
        assert_eq!(
            told,
            [
                ("Intro sentence about versions.".to_string(), None),
                (
                    "Provider version: 3.102.0; Change: encryption.enabled deprecated.".into(),
                    Some("3.102.0 encryption.enabled deprecated".into())
                ),
                ("Provider version: 4.0.".into(), Some("4.0".into())),
                ("Key: EC; Supported: no.".into(), Some("EC no.".into())),
            ]
        );
    }

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

    #[test]
    fn a_sentence_opening_with_a_word_for_what_came_before_leans_back() {
        let leans = |text: &str| leans_back(&words_of(&text.to_lowercase()));
        assert!(leans("Both are data-plane roles."));
        assert!(leans("This skips the Graph lookup."));
        assert!(leans("Otherwise rotate the key onto another identity."));
        assert!(leans("Without it the registry cannot reach the key."));
        assert!(leans(
            "Either way the registry refers to the key by its URI."
        ));
        assert!(!leans("Without the key the registry stops."));
        assert!(
            !leans("Items are listed in order."),
            "a word that only starts with one"
        );
        assert!(!leans("The registry keeps working."));
    }

    #[test]
    fn a_sentence_ending_in_a_colon_carries_the_commands_of_its_block() {
        let blocks = vec![
            Block::Paragraph {
                label: None,
                text: "Assign the role, scoped to the vault:".into(),
            },
            Block::Code(0),
            Block::Paragraph {
                label: None,
                text: "This list has nothing after it:".into(),
            },
            Block::Paragraph {
                label: None,
                text: "Find it and recover it:".into(),
            },
            Block::Code(1),
        ];
        let code = [
            CodeBlock {
                lang: "bash".into(),
                code: "# note\naz role assignment create --role x \\\n  --scope \"$S\"\n".into(),
            },
            CodeBlock {
                lang: "bash".into(),
                code: "az keyvault key list-deleted --vault-name v\nNAME=k\naz keyvault key recover --vault-name v --name \"$NAME\"\n".into(),
            },
        ];
        let s = sentences(
            &SectionParts {
                blocks,
                loose: Vec::new(),
            },
            &code,
        );
        assert_eq!(
            s[0].introduces.as_deref(),
            Some("az role assignment create --role x --scope \"$S\"")
        );
        assert_eq!(s[1].introduces, None);
        // The whole block's `az` lines, one per line: the lookup and the recovery.
        assert_eq!(
            s[2].introduces.as_deref(),
            Some(
                "az keyvault key list-deleted --vault-name v\n\
                 az keyvault key recover --vault-name v --name \"$NAME\""
            )
        );
    }

    #[test]
    fn an_items_later_sentences_go_on_with_its_first_when_that_one_is_told() {
        let item = |text: &str| Block::ListItem {
            text: text.into(),
            code_spans: Vec::new(),
            ordered: false,
        };
        let s = sentences(
            &SectionParts {
                blocks: vec![
                    item(
                        "Key Vault Crypto User: general operations. The ACR docs do not mention it. Do not add it.",
                    ),
                    // Too short to be told: the next sentence has nothing of its item to lean on.
                    item("Steps. Then the registry picks up the new key version."),
                ],
                loose: Vec::new(),
            },
            &[],
        );
        let goes_on: Vec<(&str, bool)> = s
            .iter()
            .map(|t| (t.text.as_str(), t.goes_on_item))
            .collect();
        assert_eq!(
            goes_on,
            [
                ("Key Vault Crypto User: general operations.", false),
                ("The ACR docs do not mention it.", true),
                ("Do not add it.", true),
                ("Then the registry picks up the new key version.", false),
            ]
        );
    }

    #[test]
    fn a_paragraph_announcing_a_short_list_carries_it() {
        let item = |text: &str| Block::ListItem {
            text: text.into(),
            code_spans: Vec::new(),
            ordered: false,
        };
        let lead = |text: &str| Block::Paragraph {
            label: None,
            text: text.into(),
        };
        let blocks = vec![
            lead("It is set in two places:"),
            item("az acr create --key-encryption-key."),
            item("keyVaultProperties.keyIdentifier in ARM, no other place."),
            lead("Every step of a long procedure:"),
        ];
        let steps = vec![
            lead("It takes two steps:"),
            item("Turn the identity on:"),
            item("Grant it the role."),
        ];
        let long: Vec<Block> = (0..5).map(|i| item(&format!("step {i} of many"))).collect();
        let s = sentences(
            &SectionParts {
                blocks: [blocks, long, steps].concat(),
                loose: Vec::new(),
            },
            &[],
        );
        let texts: Vec<&str> = s.iter().map(|t| t.text.as_str()).collect();
        assert_eq!(
            texts[0],
            "It is set in two places: az acr create --key-encryption-key; keyVaultProperties.keyIdentifier in ARM, no other place."
        );
        // Whether it denies or settles is read in the lead's own words, not in an
        // item's "no".
        assert_eq!(&s[0].text[..s[0].own], "It is set in two places:");
        // The items stay sentences of their own; a lead before a long list dangles,
        // and is left for extraction to skip.
        assert_eq!(texts[1], "az acr create --key-encryption-key.");
        assert_eq!(texts[3], "Every step of a long procedure:");
        assert_eq!(
            texts[9], "It takes two steps:",
            "steps with commands of their own"
        );
    }
}
