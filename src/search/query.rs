//! From a question to the concepts the ranking scores.
//!
//! A *concept* is one thing the question asks about, however the knowledge may word
//! it: a word (by its stem), a synonym group (all its phrases; "cmk" and
//! "customer-managed key" are one concept, found and counted once), or a code token
//! such as `key_vault_key_id` (whole in code blocks, as the phrase of its parts in
//! prose). Each concept is later weighted by how rare it is in the corpus, so a
//! concept that most sections mention decides nothing.
//!
//! Long questions (pasted configuration, logs, chatter) keep their most informative
//! concepts only: the [`MAX_CONCEPTS`] rarest that the corpus knows at all. Words the
//! corpus has never seen cannot find anything; they count only against confidence
//! (see [`Analyzed::unknown_share`]). The intent of the question (how-to, yes/no,
//! duration, a problem report) comes from how it opens and what it holds.

use foldhash::HashSet;
use std::borrow::Cow;
use std::sync::Arc;

use super::SearchIndex;
use super::tokenize;
use super::typos::Correction;

/// The most concepts a question is scored with: a long question keeps its rarest.
pub const MAX_CONCEPTS: usize = 64;
/// Combinations of stems a pair may be found by (each last stem of one side's synonym
/// group with each of the other's): two large groups would read dozens of lists.
const MAX_PAIR_PHRASES: usize = 16;
/// Words of a question that are analysed at all; a pasted log beyond this adds
/// nothing but time.
pub const MAX_WORDS: usize = 600;
/// Words a single whitespace-separated token may hold before it is taken for a
/// pasted blob (base64, a joined list) and skipped: a resource ID holds about 20.
const MAX_WORDS_PER_TOKEN: usize = 48;
/// Typo corrections tried per question: each scans the vocabulary.
const MAX_CORRECTIONS: usize = 6;

/// A phrase to find in prose: stems with their positions relative to the first.
pub(crate) type Phrase = Vec<(String, u32)>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Word,
    Synonyms,
    Code,
    /// A word the corpus does not know, replaced by the nearest one it does.
    Correction,
    /// Two neighbouring words of the question, found near each other in a section
    /// ("rotation policy", "azure policy"): rarer than either word, so weightier
    /// where it occurs.
    Pair,
    /// An `az` command named whole (`az acr encryption rotate-key`), found as one
    /// phrase: its `code` holds the path's words in order ([`super::az_commands`]).
    Command,
    /// A name of three or more capitalized words the knowledge writes ("Key Vault
    /// Crypto User"), found as one phrase like a command ([`super::names`]).
    Name,
}

/// One side of a pair of neighbouring concepts.
#[derive(Debug, Clone, PartialEq)]
enum PairSide {
    Word(String),
    /// A synonym group, named by one of its phrases.
    Group(usize),
}

#[derive(Debug, Clone)]
pub(crate) struct Concept {
    /// Shared: a synonym group's phrases are the group's own, not a copy per question.
    pub phrases: Arc<[Phrase]>,
    /// For a [`Origin::Pair`]: how many positions the second word may follow the
    /// first by (a stop word or two may stand between them).
    pub window: u32,
    /// Whole tokens to find in code blocks (lowercase, as the code analyzer keeps them).
    pub code: Vec<String>,
    pub origin: Origin,
    /// Sections holding it, as estimated from the term statistics before scoring.
    pub estimated_df: u32,
    /// How much the question's wording puts on it: 1 where the question asks, less
    /// where it only gives context (see [`Role`]).
    pub weight: f32,
    /// The synonym group it is, found by all the group's phrases ([`group_concepts`]):
    /// scoring keeps what the group's phrases add to each section.
    pub group: Option<usize>,
}

impl Concept {
    /// A concept found by any one of `stems`, each a word of its own.
    pub fn any_of(stems: impl IntoIterator<Item = String>) -> Concept {
        let mut phrases: Vec<Phrase> = Vec::new();
        for stem in stems {
            if !phrases.iter().any(|p| p[0].0 == stem) {
                phrases.push(vec![(stem, 0)]);
            }
        }
        Concept {
            phrases: phrases.into(),
            window: 0,
            code: Vec::new(),
            origin: Origin::Word,
            estimated_df: 0,
            weight: 1.0,
            group: None,
        }
    }

    /// Whether a section's coverage counts it. Coverage is of what the question asks:
    /// a pair is evidence of how the words stand, and context only says what the
    /// question is about.
    pub fn counts_for_coverage(&self) -> bool {
        self.origin != Origin::Pair && self.weight >= 1.0
    }

    /// Every stem the concept can be found by, sorted.
    pub fn stems(&self) -> Vec<String> {
        let mut out: Vec<String> = self.each_stem().map(str::to_string).collect();
        out.sort();
        out.dedup();
        out
    }

    /// Every stem of every phrase, borrowed, in phrase order (repeats included).
    pub fn each_stem(&self) -> impl Iterator<Item = &str> {
        self.phrases.iter().flatten().map(|(stem, _)| stem.as_str())
    }
}

/// What the question asks for, beyond its words.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Intent {
    /// "How do I…", "command to…": the answer is a procedure.
    pub procedure: bool,
    /// Opens with its verb ("Can I…", "Does…", "Is … supported"): sections that
    /// state a rule are preferred.
    pub yes_no: bool,
    /// Settled by yes or no, however it is put: also "mhsm not active yet, can i
    /// create the key" and "geo-replication with cmk, supported?" ([`polar`]). The
    /// answer then leads with its verdict. Ranking keeps to the opening verb: the
    /// broader reading moved right sections down on four blind sets.
    pub polar: bool,
    /// It asks about every or all of something ("mhsm in every region?"), which a
    /// partial denial settles ("not offered in every region").
    pub universal: bool,
    /// "How long…", "How often…", or a count of a unit of time anywhere in the
    /// sentence ("…how many days until it is gone?"): the answer is a duration.
    pub duration: bool,
    /// An error or a failure is described: a troubleshooting case may fit.
    pub problem: bool,
    /// It asks whether something is needed ("do I need an HSM key?", "is purge
    /// protection mandatory?"): that something is supported does not make it needed.
    pub necessity: bool,
}

/// The question after analysis.
#[derive(Debug, Clone, Default)]
pub(crate) struct Analyzed {
    /// The concepts scored, most informative first.
    pub concepts: Vec<Concept>,
    /// The words of a procedure question that say in what form the answer is
    /// wanted ([`FORM_WORDS`]): not scored, but an answer's sentence is picked by
    /// them as by the concepts.
    pub form: Vec<Concept>,
    /// Informativeness (IDF) of every concept the corpus knows, scored or not.
    pub known_weight: f32,
    /// Weight of the question's words the corpus does not know at all.
    pub unknown_weight: f32,
    /// How many of them: asking words and identifiers the corpus has never seen.
    pub unknown_words: usize,
    pub intent: Intent,
    /// How many of the question's words were analysed (at most [`MAX_WORDS`]).
    #[allow(dead_code, reason = "the word budget's tests read it")]
    pub words: usize,
    /// The knowledge's qualifiers the question names, as bits.
    pub qualifiers: u32,
    /// Those among them named by the sentences that ask (by the whole question when
    /// none does): the story's "we deploy with Terraform" is not what it asks about.
    pub asked_qualifiers: u32,
    /// The question asks about the knowledge's subject as a whole ("Does ACR support
    /// CMK?", "what is acr byok"): see [`SearchIndex::asks_about_the_whole`].
    pub about_the_whole: bool,
    /// Asking words the corpus lacks that are real words next to a corpus word
    /// ("serve" by "server"), not slips for it: neither corrected nor unknown.
    pub left_out: Vec<String>,
}

impl Analyzed {
    pub fn is_empty(&self) -> bool {
        self.concepts.is_empty()
    }

    /// Share of the question's information the corpus has never seen: high for a
    /// question about something else entirely ("sourdough", "cookies").
    pub fn unknown_share(&self) -> f32 {
        let total = self.known_weight + self.unknown_weight;
        if total == 0.0 {
            0.0
        } else {
            self.unknown_weight / total
        }
    }
}

/// Question openings that ask for a procedure.
const PROCEDURE_OPENINGS: &[&str] = &[
    "how do i",
    "how do we",
    "how do you",
    "how can i",
    "how can we",
    "how should i",
    "how to",
    "how would i",
    "steps to",
    "what are the steps",
    // "what command" and "which command" are read by asks_which_command, wherever
    // they stand; "what is the command" has a clause word between.
    "what is the command",
    // The same with the tool named, or abbreviated as people type it. Naming the
    // tool is enough: "which az query shows purge protection" asks for a command as
    // much as "which az command" does (the space ends the word: "which azurerm
    // version" names a provider, not the tool).
    "what az ",
    "which az ",
    "what cli ",
    "which cli ",
    "az command",
    "az cmd",
    "command to",
    "commands to",
    "cli to",
    "script to",
    "walk me through",
    "show me how",
    "give me the",
    // What a request asks for once its verb is set aside ("Show the az commands
    // that…"; see [`REQUEST_VERBS`]).
    "the az command",
    "the az commands",
    "the cli command",
    "the cli commands",
    "the command to",
    "the commands to",
    "the steps",
];
/// Verbs that, opening a sentence, tell the reader to do something the knowledge
/// does with commands ("create an access-policy kv for acr cmk", "turn on purge
/// protection for the vault"): an imperative asks for the procedure, as "how do I"
/// does. Not the reading verbs ("check", "find"): "check why the create fails" asks
/// for a cause.
const ACTION_VERBS: &[&str] = &[
    "create",
    "enable",
    "disable",
    "turn",
    "rotate",
    "grant",
    "assign",
    "revoke",
    "restore",
    "recover",
    "switch",
    "move",
    "migrate",
    "set",
    "configure",
    "add",
    "remove",
    "delete",
    "update",
    "attach",
    "detach",
    "import",
    "deploy",
    "allow",
    "change",
    "provision",
    "activate",
    "encrypt",
    "re-enable",
    "reassign",
    "regrant",
    "retire",
    "replace",
];
/// Words after an action verb that make the sentence a question about it ("set
/// whether…", "change what…"), not an order to do it.
const ASKING_AFTER_A_VERB: &[&str] = &["why", "what", "whether", "if", "when", "which", "how"];
const YES_NO_OPENERS: &[&str] = &[
    "can", "is", "are", "does", "do", "will", "should", "must", "could", "may", "was", "has",
    "have", "did", "would",
];
/// What the answer to a "how long" question is counted in. Not "second": a second
/// key vault is no span of time.
pub(crate) const DURATION_UNITS: &[&str] = &[
    "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
    "year", "years",
];
const DURATION_OPENINGS: &[&str] = &[
    "how long",
    "how soon",
    "how fast",
    "how quickly",
    "how often",
    "when will",
    "how much time",
    "how frequently",
];
/// Words that ask whether something exists or can be had at all ("Does ACR
/// *support* CMK?", "can acr *use* cmk", "is BYOK *available*"): with nothing else
/// informative beside them, the thing asked about is the subject itself.
pub(crate) const AVAILABILITY_WORDS: &[&str] = &[
    "support",
    "supported",
    "supports",
    "available",
    "availability",
    "possible",
    "allowed",
    "allow",
    "allows",
    "use",
    "usable",
    "work",
    "works",
    "offer",
    "offers",
    "provide",
    "provides",
    "exist",
    "exists",
];
/// Words that report a failure.
const PROBLEM_WORDS: &[&str] = &[
    "error",
    "errors",
    "fails",
    "failed",
    "failing",
    "failure",
    "exception",
    "forbidden",
    "denied",
    "unauthorized",
    "403",
    "401",
    "broken",
    "stuck",
    "unable",
    "cannot",
    "can't",
    "doesn't",
    "won't",
    "refused",
    "traceback",
];

impl Intent {
    /// [`Intent::of_segments`] of a question on its own, for tests.
    #[cfg(test)]
    fn of(question: &str) -> Intent {
        Intent::of_segments(question, &segments(question))
    }

    /// The intent of the first sentence that asks (or of the whole text), and a
    /// problem reported anywhere; `segments` are the question's own, which the
    /// analysis has already split.
    fn of_segments(question: &str, segments: &[(Role, String)]) -> Intent {
        let asked = segments
            .iter()
            .find(|(role, _)| *role == Role::Ask)
            .map(|(_, text)| text.as_str());
        let mut intent = Intent::of_sentence(asked.unwrap_or(question));
        intent.problem |= reports_problem(&words_of(&question.to_lowercase()));
        intent
    }

    fn of_sentence(question: &str) -> Intent {
        let question = without_fillers(question);
        let question = request(question).unwrap_or(question);
        let lower = question.to_lowercase();
        let words = words_of(&lower);
        let opening = words.iter().take(6).copied().collect::<Vec<_>>().join(" ");
        let starts = |list: &[&str]| list.iter().any(|p| opening.starts_with(p));
        let duration = starts(DURATION_OPENINGS) || counts_time(&words);
        // The sentence's own first word: "rotate-key w/o --identity, does it…" names
        // a command, and a sentence ending in a question mark asks, not orders.
        let asked = question.trim_end().ends_with('?');
        let imperative = !asked
            && lower.split_whitespace().next().is_some_and(|first| {
                ACTION_VERBS.contains(&first.trim_end_matches([',', ':', ';', '.']))
            })
            && !words
                .get(1)
                .is_some_and(|w| ASKING_AFTER_A_VERB.contains(w));
        let procedure = !duration
            && (starts(PROCEDURE_OPENINGS)
                || imperative
                || words
                    .windows(2)
                    .any(|w| matches!(w, ["command" | "cmd", "to"]))
                || asks_which_command(&words));
        // "Does not have access to identity." (pasted error text) opens like a yes/no
        // question but states something, unless it ends with a question mark.
        let yes_no = words.first().is_some_and(|w| YES_NO_OPENERS.contains(w))
            && (asked || words.get(1) != Some(&"not"));
        Intent {
            procedure,
            yes_no,
            polar: !procedure && !duration && polar(&lower, &words, asked, yes_no),
            universal: words.iter().any(|w| UNIVERSAL.contains(w)),
            duration,
            problem: reports_problem(&words),
            necessity: asks_necessity(&words),
        }
    }
}

/// Words that ask whether something is needed, beside "need" itself (a stop word,
/// read by [`asks_necessity`] with what follows it). Not "must": in a question it
/// stands mostly in a relative clause ("are there properties the imported key must
/// have?"), which asks what, not whether.
pub(crate) const NEED_WORDS: &[&str] = &[
    "required",
    "require",
    "requires",
    "mandatory",
    "necessary",
    "needed",
    "compulsory",
];

/// Whether the sentence asks whether something is needed: "required", "mandatory"…,
/// or "need" with what is needed after it ("do i need an hsm key"), not "need to"
/// with what the asker means to do, nor "need time" (or minutes…), which asks
/// whether to wait.
fn asks_necessity(words: &[&str]) -> bool {
    words.iter().enumerate().any(|(at, w)| {
        NEED_WORDS.contains(w)
            || matches!(*w, "need" | "needs")
                && words
                    .get(at + 1)
                    .is_some_and(|n| !matches!(*n, "to" | "time") && !DURATION_UNITS.contains(n))
    })
}

/// Stems of the words that ask for an answer in the form of a command.
const FORM_WORDS: &[&str] = &["command", "cmd"];

/// Whether the sentence asks which command does something, wherever it asks it:
/// "bring back a soft-deleted managed hsm: which role and az command do i need?". The
/// command must be what "which" or "what" asks for, within four words and with no
/// clause opening between them: "what happens if the command fails" asks what follows.
fn asks_which_command(words: &[&str]) -> bool {
    // A yes/no opener starts a clause as much as these do ("what does the command do").
    const OPENS_A_CLAUSE: &[&str] = &[
        "happens", "happened", "if", "when", "after", "before", "were",
    ];
    let opens_a_clause = |w: &&str| YES_NO_OPENERS.contains(w) || OPENS_A_CLAUSE.contains(w);
    words.iter().enumerate().any(|(at, w)| {
        matches!(*w, "which" | "what")
            && words[at + 1..]
                .iter()
                .take(4)
                .take_while(|w| !opens_a_clause(w))
                .any(|w| matches!(*w, "command" | "commands" | "cmd"))
    })
}

/// Whether the sentence asks for a count of a unit of time ("deleted it by
/// accident: how many days until it is gone?", "tell me how many minutes can
/// pass"): a "how long" asked wherever the count stands, not only at the opening.
fn counts_time(words: &[&str]) -> bool {
    words
        .windows(3)
        .any(|w| w[0] == "how" && matches!(w[1], "many" | "much") && DURATION_UNITS.contains(&w[2]))
}

/// The words of lowercased text, apostrophes kept ("can't").
pub(crate) fn words_of(lower: &str) -> Vec<&str> {
    lower
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .filter(|w| !w.is_empty())
        .collect()
}

/// A text without its parenthesized asides: "(not in the ACR docs)" in a heading, "(you
/// never pinned a specific version)" in a sentence, say something about the text, not
/// what it states. An unmatched closing parenthesis is kept as text.
pub(crate) fn without_asides(text: &str) -> Cow<'_, str> {
    if !text.contains('(') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut depth = 0usize;
    for c in text.chars() {
        match c {
            '(' => depth += 1,
            ')' if depth > 0 => depth -= 1,
            _ if depth == 0 => out.push(c),
            _ => {}
        }
    }
    Cow::Owned(out)
}

fn reports_problem(words: &[&str]) -> bool {
    words.iter().any(|w| PROBLEM_WORDS.contains(w))
}

/// Whether a sentence (lowercased, and as its words) asks a yes/no question, given
/// whether it opens with its verb ([`Intent::yes_no`]).
///
/// Questions are of two kinds: a polar one is settled by yes or no, the other
/// asks what, which, how, why, when, where or who. People rarely open the polar
/// kind with its verb: "mhsm not activated yet, can i create the key" asks after
/// a comma, and "geo replication with cmk, supported?" leaves the verb out.
fn polar(lower: &str, words: &[&str], asked: bool, opens_with_its_verb: bool) -> bool {
    // "Client ID or principal ID?", "before or after?": a choice, not yes or no
    // (but "supported or not?" is one, and so is "is it required, or can I skip
    // it?", two polar questions).
    if words
        .windows(2)
        .any(|w| w[0] == "or" && w[1] != "not" && !YES_NO_OPENERS.contains(&w[1]))
    {
        return false;
    }
    if opens_with_its_verb {
        return true;
    }
    // A clause after a lead-in that opens with the verb; without a question mark,
    // not a denial or a passive or perfect ("…, was deleted", "…, have assigned the
    // role"), which state something.
    let opens_with_verb = |clause: &[&str]| {
        clause.first().is_some_and(|w| YES_NO_OPENERS.contains(w))
            && clause.get(1).is_some_and(|next| {
                asked || (*next != "not" && !next.ends_with("ed") && !next.ends_with("en"))
            })
    };
    let clauses = lower.split([',', ';', ':', '(', '\u{2013}', '\u{2014}']);
    let asks_after_a_lead_in = clauses
        .skip(1)
        .any(|clause| opens_with_verb(&words_of(clause)));
    // The elliptical kind: a question mark, no question word ("what's" is one), and
    // a verdict word to settle at the end ("…with cmk, supported?", "rsa 3072 ok?").
    // A bare noun phrase ("cmk sku?", "rotation frequency?") asks which or what, and
    // so does one of extremes: "shortest interval allowed?" asks for a value.
    let elliptical = asked
        && !words.iter().any(|w| {
            QUESTION_WORDS.contains(&w.split('\'').next().unwrap_or(w)) || EXTREMES.contains(w)
        })
        && words
            .iter()
            .rev()
            .take(2)
            .any(|w| ELLIPTICAL_PREDICATES.contains(w));
    asks_after_a_lead_in || elliptical
}

/// Words a question can ask about every or all of something with, and a denial can
/// bear on instead of the thing itself: "not offered in *every* region".
pub(crate) const UNIVERSAL: &[&str] = &["every", "everywhere", "all", "always"];

/// Words that ask for a value wherever they stand in an elliptical question: "rotation
/// policy: shortest interval allowed?" wants the interval, not a yes or no.
const EXTREMES: &[&str] = &[
    "shortest", "longest", "minimum", "maximum", "min", "max", "smallest", "largest", "lowest",
    "highest", "fewest",
];

/// What an elliptical yes/no question ends on: "geo-replication with cmk,
/// supported?", "digits allowed?", "rsa 2048 still ok?".
const ELLIPTICAL_PREDICATES: &[&str] = &[
    "supported",
    "allowed",
    "possible",
    "available",
    "documented",
    "required",
    "mandatory",
    "needed",
    "necessary",
    "ok",
    "okay",
    "fine",
    "enough",
    "compatible",
    "recommended",
    "safe",
    "works",
];

impl SearchIndex {
    /// Analyzes `question` into the concepts to score.
    pub(crate) fn analyze(&self, question: &str) -> Analyzed {
        let mut en = self.en.clone();
        let mut code = self.code.clone();
        let mut concepts: Vec<Concept> = Vec::new();
        let mut seen_code: HashSet<String> = HashSet::default();
        let mut corrected: HashSet<String> = HashSet::default();
        let mut corrections = 0;
        let mut left_out: Vec<String> = Vec::new();

        let read = self.read_words(&mut en, question);
        let question: &str = &read;
        let segments = segments(question);
        let intent = Intent::of_segments(question, &segments);
        // Context counts fully when nothing is asked in words of the knowledge's own
        // (a bare "disable cmk", or "What do we need to change?" after the story).
        let asks = segments.iter().any(|(role, text)| {
            *role == Role::Ask
                && tokenize::tokens(&mut en, text)
                    .iter()
                    .any(|s| self.stats.doc_freq_of(s).is_some())
        });
        let asked_qualifiers = self.qualifiers.mask(
            segments
                .iter()
                .filter(|(role, _)| !asks || *role == Role::Ask)
                .map(|(_, text)| text.as_str()),
        );
        // `az` commands named whole in the asker's words, each where it is named
        // most tellingly. Not in pasted scripts and traces: what was run there is the
        // story, and the question is about what went wrong with it.
        if self.tuning.commands {
            for (role, text) in &segments {
                if *role == Role::Pasted {
                    continue;
                }
                let weight = if asks { *role } else { role.without_ask() }.weight();
                for (path, df) in self.az_commands.named_in(text) {
                    if !found_again(&mut concepts, Origin::Command, &path, weight) {
                        let phrase = tokenize::tokens_with_positions(&mut en, &path);
                        concepts.push(found_whole(Origin::Command, &path, phrase, df, weight));
                    }
                }
            }
        }
        // Names of capitalized words the knowledge writes, named in any case, in
        // pasted text too: a role name in pasted configuration is what the asker set
        // (`hsmRole: Managed HSM Crypto Service Encryption User`), where a pasted
        // script's commands are only the story of what was run.
        if self.tuning.names {
            for (role, text) in &segments {
                let weight = if asks { *role } else { role.without_ask() }.weight();
                for (name, df) in self.names.named_in(text) {
                    if found_again(&mut concepts, Origin::Name, &name, weight) {
                        continue;
                    }
                    // A name of fewer than three words once stop words inside it are
                    // left out names no more than its words, and one a synonym group
                    // reads ("Azure Key Vault") is already a concept.
                    let phrase = tokenize::tokens_with_positions(&mut en, &name);
                    if phrase.len() >= 3 && self.synonym_group_of(&normalize(&name)).is_none() {
                        concepts.push(found_whole(Origin::Name, &name, phrase, df, weight));
                    }
                }
            }
        }
        // Runs of ordinary words between code tokens, for synonym matching.
        let mut runs: Vec<(Vec<String>, Role)> = Vec::new();
        let mut word_count = 0;
        for (role, text) in segments {
            let role = if asks { role } else { role.without_ask() };
            runs.push((Vec::new(), role));
            // Pasted JSON runs its keys and values together
            // (`{"code":"BlockedForEncryptionEnabledRegistry","message":…`): its quotes,
            // braces and commas separate words as white space does, so each value is a
            // word of its own and not one code phrase no section holds.
            for raw in text
                .split(|c: char| c.is_whitespace() || matches!(c, '"' | '{' | '}' | ','))
                .filter(|w| !w.is_empty())
            {
                // The budget counts words as they are analysed, so that 20,000
                // characters joined by `-` or `/` cost what 600 words do.
                let normalized_raw = normalize(raw);
                let words = normalized_raw.split(' ').filter(|w| !w.is_empty()).count();
                if words > MAX_WORDS_PER_TOKEN {
                    continue;
                }
                if word_count + words.max(1) > MAX_WORDS {
                    break;
                }
                word_count += words.max(1);
                // Tokenized as code only when it may be code: most words are not, and
                // need no lowercase copy of their own.
                let may_be_code = looks_like_code(raw);
                let token = if may_be_code {
                    raw.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '_')
                        .to_lowercase()
                } else {
                    String::new()
                };
                let whole = may_be_code
                    .then(|| tokenize::tokens(&mut code, &token).into_iter().next())
                    .flatten();
                // A hyphenated word is code only where the knowledge's code has it
                // (`rotate-key`) and it does not open a phrase of a synonym group
                // ("customer-managed key").
                let is_code = may_be_code
                    && (raw.trim_start().starts_with("--")
                        || !token.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                        || whole.as_ref().is_some_and(|w| self.in_code(w))
                            && !self.opens_synonym_phrase(&normalize(&token)));
                if self.tuning.code_tokens && is_code {
                    runs.push((Vec::new(), role));
                    let normalized = normalize(&token);
                    if let Some(group) = self.synonym_group_of(&normalized) {
                        let c = self.group_concept(group, role.weight());
                        push_concept(&mut concepts, c, Some(&token));
                        continue;
                    }
                    if !seen_code.insert(token.clone()) {
                        if let Some(c) = concepts.iter_mut().find(|c| {
                            c.origin == Origin::Code
                                && c.code.first().is_some_and(|w| Some(w) == whole.as_ref())
                        }) {
                            c.weight = c.weight.max(role.weight());
                        }
                        continue;
                    }
                    let phrase = tokenize::tokens_with_positions(&mut en, &token);
                    concepts.push(Concept {
                        estimated_df: self.phrase_df_estimate(&phrase),
                        phrases: if phrase.is_empty() {
                            Arc::from([])
                        } else {
                            Arc::from([phrase])
                        },
                        window: 0,
                        code: whole.into_iter().collect(),
                        origin: Origin::Code,
                        weight: role.weight(),
                        group: None,
                    });
                    continue;
                }
                let run = &mut runs.last_mut().expect("a run per segment").0;
                let named = is_resource_name(raw);
                for word in normalized_raw.split(' ').filter(|w| !w.is_empty()) {
                    // A misspelt word is corrected first, so that it can still complete
                    // a synonym phrase ("contianer registry").
                    // Only the words that ask are worth correcting: a misspelt aside
                    // is better left unknown than turned into a wrong concept.
                    let fix = (self.tuning.typo_correction
                        && role == Role::Ask
                        && !named
                        && corrections < MAX_CORRECTIONS
                        && self.is_unknown(&mut en, word))
                    .then(|| {
                        corrections += 1;
                        self.stats.vocabulary.correct(word)
                    })
                    .flatten();
                    match fix {
                        Some(Correction::Fixed(fixed)) => {
                            corrected.insert(fixed.to_string());
                            run.push(fixed.to_string());
                        }
                        Some(Correction::LeaveOut) => {
                            if !left_out.iter().any(|w| w == word) {
                                left_out.push(word.to_string());
                            }
                        }
                        None => run.push(word.to_string()),
                    }
                }
            }
        }

        let mut unknown_words: HashSet<String> = HashSet::default();
        let mut words: Vec<(String, f32, bool, String)> = Vec::new();
        // Synonym groups the question names: the phrases it names them by, and the
        // weight of the most telling place it does.
        let mut named: Vec<(usize, Vec<usize>, f32)> = Vec::new();
        // Neighbouring words and named synonym groups of each run, for pairs.
        let mut neighbours: Vec<(PairSide, PairSide, u32, f32)> = Vec::new();
        for (run, role) in &runs {
            let weight = role.weight();
            // Where each synonym phrase stands in the run, and its group.
            let mut spans: Vec<(usize, usize, usize)> = Vec::new();
            let stems = tokenize::tokens_at_word_positions(&mut en, &run.join(" "));
            let mut i = 0;
            while i < run.len() {
                if self.tuning.synonyms
                    && let Some((group, phrase, len)) = self.synonym_at(run, i)
                {
                    match named.iter_mut().find(|(g, _, _)| *g == group) {
                        Some((_, phrases, w)) => {
                            phrases.push(phrase);
                            *w = w.max(weight);
                        }
                        None => named.push((group, vec![phrase], weight)),
                    }
                    spans.push((i, i + len, group));
                    i += len;
                    continue;
                }
                let word = &run[i];
                // A run's words are single tokens, each at its own index, so the run's
                // analysis already holds the word's stem (none for a stop word).
                if let Ok(k) = stems.binary_search_by_key(&(i as u32), |&(_, p)| p) {
                    let stem = stems[k].0.clone();
                    words.push((stem, weight, corrected.contains(word), word.clone()));
                }
                i += 1;
            }
            // The run's words and synonym phrases in order, each with the positions
            // of its first and last stem (positions of a space-joined run are word
            // indexes). A phrase is one concept, so it pairs as its group, never by a
            // word of its own: "deleted key vault" pairs "deleted" with the key-vault
            // group, not with "key".
            let mut units: Vec<(PairSide, Option<usize>, u32, u32)> = Vec::new();
            for (stem, position) in &stems {
                let span = spans
                    .iter()
                    .position(|&(s, e, _)| (s..e).contains(&(*position as usize)));
                match (span, units.last_mut()) {
                    (Some(k), Some(last)) if last.1 == Some(k) => last.3 = *position,
                    (Some(k), _) => {
                        units.push((PairSide::Group(spans[k].2), Some(k), *position, *position))
                    }
                    (None, _) => {
                        units.push((PairSide::Word(stem.clone()), None, *position, *position))
                    }
                }
            }
            for w in units.windows(2) {
                let ((a, _, _, a_last), (b, _, b_first, _)) = (&w[0], &w[1]);
                if a != b && b_first - a_last <= 3 {
                    neighbours.push((a.clone(), b.clone(), b_first - a_last, weight));
                }
            }
        }
        // Words, once each at their weightiest.
        for (stem, weight, was_corrected, word) in words {
            if let Some(c) = concepts.iter_mut().find(|c| {
                c.origin != Origin::Code
                    && c.phrases.len() == 1
                    && c.phrases[0] == [(stem.clone(), 0)]
            }) {
                c.weight = c.weight.max(weight);
                continue;
            }
            match self.stats.doc_freq_of(&stem) {
                Some(df) => concepts.push(Concept {
                    // The word as code blocks spell it (`update` in `az keyvault
                    // update`), where nothing is stemmed.
                    code: if self.tuning.code_tokens {
                        vec![word]
                    } else {
                        Vec::new()
                    },
                    phrases: Arc::from([vec![(stem, 0)]]),
                    window: 0,
                    origin: if was_corrected {
                        Origin::Correction
                    } else {
                        Origin::Word
                    },
                    estimated_df: df,
                    weight,
                    group: None,
                }),
                None => {
                    // Where nothing asks, the story counts as asking (weight 1), but
                    // pasted config, logs and traces never do: they are full of the
                    // user's own names. (A post of pasted text alone covers nothing,
                    // so it is never confident anyway.)
                    // A word of one or two letters is an abbreviation or what is left
                    // of one ("w/o"), too short to name what a question is about.
                    if weight >= Role::Ask.weight() && stem.chars().count() > 2 {
                        unknown_words.insert(stem);
                    }
                }
            }
        }
        for (group, phrases, weight) in named {
            let stems: Vec<&Phrase> = phrases
                .iter()
                .map(|&p| &self.synonyms[group][p].stems)
                .collect();
            let distinct = stems.iter().any(|s| *s != stems[0]);
            if distinct {
                // The question names two members of the group ("BYOK vs CMK"): it is
                // about the words themselves, each a concept of its own.
                let mut done: Vec<&Phrase> = Vec::new();
                for p in stems {
                    if p.is_empty() || done.contains(&p) {
                        continue;
                    }
                    done.push(p);
                    concepts.push(Concept {
                        estimated_df: self.phrase_df_estimate(p),
                        phrases: Arc::from([p.clone()]),
                        window: 0,
                        code: Vec::new(),
                        origin: Origin::Synonyms,
                        weight,
                        group: None,
                    });
                }
            } else {
                let c = self.group_concept(group, weight);
                push_concept(&mut concepts, c, None);
            }
        }
        // A concept nothing in the corpus holds finds nothing: it only counts against
        // confidence, like an unknown word.
        let n = self.answerable as f32;
        let mut unknown_weight = unknown_words.len() as f32 * idf(n, 0.0);
        let mut unknown_count = unknown_words.len();
        concepts.retain(|c| {
            let known = c.estimated_df > 0;
            // An identifier the knowledge has never seen is unknown where the question
            // asks about it; pasted among context it is just someone's resource name.
            if !known && (c.origin != Origin::Code || c.weight >= 1.0) {
                unknown_weight += idf(n, 0.0) * c.weight;
                unknown_count += 1;
            }
            known
        });
        let known_weight = concepts
            .iter()
            .map(|c| c.weight * idf(n, c.estimated_df as f32))
            .sum();
        // Bounded work for a pasted essay: the most informative concepts, in question
        // order among equals so the result does not depend on hash order.
        let mut order: Vec<usize> = (0..concepts.len()).collect();
        order.sort_by(|&a, &b| {
            let wa = concepts[a].weight * idf(n, concepts[a].estimated_df as f32);
            let wb = concepts[b].weight * idf(n, concepts[b].estimated_df as f32);
            wb.total_cmp(&wa).then(a.cmp(&b))
        });
        let mut kept = vec![false; concepts.len()];
        for &i in order.iter().take(MAX_CONCEPTS) {
            kept[i] = true;
        }
        let mut kept = kept.into_iter();
        concepts.retain(|_| kept.next().unwrap_or(false));
        // Pairs of neighbouring words the scored concepts are found by, rarest first.
        // Borrowed from the concepts, not copied: a question has some thirty stems, and
        // this set and the next were most of the analysis's allocations.
        let scored: HashSet<&str> = concepts.iter().flat_map(Concept::each_stem).collect();
        // A word that is one wording of a synonym group ("CMK" for "customer-managed
        // key") cannot pair: the pair's document frequency would count that wording
        // alone, so it would look rare where the concept is common.
        let paraphrased: HashSet<&str> = concepts
            .iter()
            .filter(|c| c.origin == Origin::Synonyms)
            .flat_map(|c| {
                c.phrases.iter().filter_map(|p| match p.as_slice() {
                    [(stem, _)] if !c.phrases.iter().all(|q| q.iter().any(|(s, _)| s == stem)) => {
                        Some(stem.as_str())
                    }
                    _ => None,
                })
            })
            .collect();
        // The stems a side of a pair is found by, each with the positions before and
        // after it that its phrase takes: a word's own stem; a group's, prepared with
        // the index ([`group_pair_stems`]).
        let side_stems = |side: &PairSide, asks: bool| -> Option<Vec<(String, u32, u32)>> {
            match side {
                PairSide::Word(stem) => (scored.contains(stem.as_str())
                    && !paraphrased.contains(stem.as_str())
                    && self.stats.doc_freq_of(stem).is_some_and(|df| df > 0))
                .then(|| vec![(stem.clone(), 0, 0)]),
                PairSide::Group(group) => {
                    // A group the question names twice over ("BYOK vs CMK") is two
                    // concepts, neither of them the group; a group the 64 kept
                    // concepts left out is not scored.
                    let phrases = &self.group_concepts[*group].phrases;
                    let scored = concepts
                        .iter()
                        .any(|c| c.origin == Origin::Synonyms && Arc::ptr_eq(&c.phrases, phrases));
                    // Only where the question asks: a group's wordings multiply the
                    // positions a pair reads, and a pair in the story weighs a third.
                    (scored && asks).then(|| {
                        self.group_pair_stems[*group]
                            .iter()
                            .map(|(stem, before)| (stem.clone(), *before, 0))
                            .collect()
                    })
                }
            }
        };
        let mut pairs: Vec<Concept> = Vec::new();
        for (a, b, gap, weight) in neighbours {
            if !self.tuning.pairs {
                break;
            }
            let asks = weight >= Role::Ask.weight();
            let (Some(firsts), Some(seconds)) = (side_stems(&a, asks), side_stems(&b, asks)) else {
                continue;
            };
            // How far after the first stem the second may stand: the rest of the first
            // phrase, the gap and the start of the second, and a stop word or two.
            let mut window = 0;
            let mut phrases: Vec<Phrase> = Vec::new();
            for (x, _, x_after) in &firsts {
                for (y, y_before, _) in &seconds {
                    if x != y {
                        let distance = x_after + gap + y_before;
                        window = window.max(distance + 2);
                        phrases.push(vec![(x.clone(), 0), (y.clone(), distance)]);
                    }
                }
            }
            if phrases.is_empty() || phrases.len() > MAX_PAIR_PHRASES {
                continue;
            }
            let estimated_df = phrases
                .iter()
                .map(|p| self.phrase_df_estimate(p))
                .max()
                .unwrap_or(0);
            // Two words that each carry no information (both in half the sections or
            // more) do not pair: reading their positions is most of a query's time in a
            // large corpus, and it changed no eval set by more than a question.
            if idf(n, estimated_df as f32) <= IDF_FLOOR {
                continue;
            }
            if let Some(p) = pairs.iter_mut().find(|p| p.phrases[..] == phrases[..]) {
                p.weight = p.weight.max(weight);
                continue;
            }
            pairs.push(Concept {
                estimated_df,
                phrases: Arc::from(phrases),
                window,
                code: Vec::new(),
                origin: Origin::Pair,
                weight,
                group: None,
            });
        }
        pairs.sort_by_key(|p| p.estimated_df);
        pairs.truncate(MAX_CONCEPTS);
        concepts.extend(pairs);
        // "Which command…", "command to…": the form of the answer asked for, as
        // "how" is. Ranked, "command" sent such questions to the sections that
        // talk about a command ("The documented check command"), not to the ones
        // whose command does what is asked; it still picks the sentence that
        // introduces the command.
        let form: Vec<Concept> = if intent.procedure {
            concepts
                .extract_if(.., |c| c.each_stem().any(|s| FORM_WORDS.contains(&s)))
                .filter(|c| c.origin != Origin::Pair)
                .collect()
        } else {
            Vec::new()
        };
        let qualifiers = self.qualifiers_of(question);
        let about_the_whole = self.tuning.whole_subject
            && unknown_weight == 0.0
            && self.asks_about_the_whole(&concepts, intent, qualifiers);
        if about_the_whole && intent.yes_no {
            // "Supported", "available": the question's frame, which the introduction's
            // verdict settles, not a part of the knowledge to look for.
            let frame: Vec<String> = concepts
                .iter()
                .filter(|c| self.asks_if_available(c))
                .flat_map(Concept::stems)
                .collect();
            concepts.retain(|c| !c.stems().iter().any(|s| frame.contains(s)));
        }
        Analyzed {
            concepts,
            form,
            known_weight,
            unknown_weight,
            unknown_words: unknown_count,
            intent,
            words: word_count,
            qualifiers,
            asked_qualifiers,
            about_the_whole,
            left_out,
        }
    }

    /// Whether a question with these concepts asks about the knowledge's subject as a
    /// whole: what it asks names only the subject (words of a skill's title) and no
    /// narrower qualifier; a yes/no question may also ask whether the subject is to be
    /// had at all ([`AVAILABILITY_WORDS`]: "Does ACR *support* CMK?"). Ranked by
    /// information alone, such a question goes to whichever section happens to hold
    /// its one rarer word ("Which key types are *supported*"); its answer is the
    /// skill's own introduction. A how-to question or a problem report wants a
    /// procedure or a case, even about the whole.
    fn asks_about_the_whole(&self, concepts: &[Concept], intent: Intent, qualifiers: u32) -> bool {
        if intent.procedure || intent.problem || qualifiers != 0 {
            return false;
        }
        let asked = || concepts.iter().filter(|c| c.counts_for_coverage());
        let names_the_subject = |c: &Concept| {
            c.phrases
                .iter()
                .any(|p| self.skill_titles.hold(p, &self.stats))
        };
        asked().all(|c| names_the_subject(c) || intent.yes_no && self.asks_if_available(c))
            && asked().any(names_the_subject)
    }

    /// Whether a concept is one of the [`AVAILABILITY_WORDS`].
    fn asks_if_available(&self, c: &Concept) -> bool {
        c.origin == Origin::Word
            && matches!(&c.phrases[..], [p] if matches!(p.as_slice(),
                [(stem, _)] if self.availability_stems.contains(stem)))
    }

    /// Whether the knowledge's code blocks hold `token` (as the code analyzer keeps it).
    fn in_code(&self, token: &str) -> bool {
        self.code_field.as_ref().is_some_and(|f| f.holds(token))
    }

    /// Whether a sentence that asks names a product or service the corpus has never
    /// heard of, one the story around it names too: "How do we rotate TeamCity's
    /// encryption key?" after a story about a TeamCity server asks about TeamCity,
    /// however much of the story is about registries and keys. Such a name is
    /// capitalized past the sentence's first word ([`proper_names`]); the story
    /// naming it as well tells the subject from a passing aside.
    pub(crate) fn asks_about_unknown_name(&self, segments: &[(Role, String)]) -> bool {
        // The analyzer is copied only for a name the story holds: most questions
        // have none.
        let mut en = None;
        let story_names = |name: &str| {
            segments.iter().any(|(role, text)| {
                *role != Role::Ask
                    && text
                        .split(|c: char| !c.is_alphanumeric())
                        .any(|w| w.eq_ignore_ascii_case(name))
            })
        };
        segments
            .iter()
            .filter(|(role, _)| *role == Role::Ask)
            .flat_map(|(_, text)| proper_names(text))
            .any(|name| {
                story_names(name)
                    && self.is_unknown(en.get_or_insert_with(|| self.en.clone()), name)
            })
    }

    /// Which of [`READINGS`] a knowledge can read: those whose meaning is one of its
    /// synonym phrases, or words it uses ("check"). Found when the index is built.
    pub(crate) fn known_readings(
        en: &mut tantivy::tokenizer::TextAnalyzer,
        stats: &super::TermStats,
        synonym_group_by_phrase: &foldhash::HashMap<String, usize>,
    ) -> Box<[bool]> {
        READINGS
            .iter()
            .map(|reading| {
                synonym_group_by_phrase.contains_key(reading.meant)
                    || tokenize::tokens(en, reading.meant)
                        .iter()
                        .all(|stem| stats.doc_freq_of(stem).is_some())
            })
            .collect()
    }

    /// `question` as [`SearchIndex::analyze`] reads it ([`SearchIndex::read_words`]).
    pub(crate) fn read_question<'q>(&self, question: &'q str) -> Cow<'q, str> {
        self.read_words(&mut self.en.clone(), question)
    }

    /// `question` with the words the knowledge uses in another sense spelt as what
    /// the asker means by them ([`READINGS`]). A resource name whose prefix is such
    /// a word names that type of resource: `hsm-hemlock` is a Managed HSM, not the
    /// RSA-HSM key type, and `id-walnut-acr` a user-assigned identity, not a key ID. A
    /// name is the prefix, a hyphen and a rest holding a word the knowledge never
    /// uses, so `hsm-backed` and `id-acr-cmk` stay as they are. `hsm` standing alone
    /// ("an activated HSM") is read too, unless a synonym phrase of more than one
    /// word claims it ("managed HSM", "HSM protected key"); joined to another word
    /// (`RSA-HSM`, `HSM-protected`) it is never read. A reading whose meaning is no
    /// synonym group needs the knowledge to use its words ("check").
    fn read_words<'q>(
        &self,
        en: &mut tantivy::tokenizer::TextAnalyzer,
        question: &'q str,
    ) -> Cow<'q, str> {
        let bytes = question.as_bytes();
        let joins = |b: u8| b.is_ascii_alphanumeric() || b == b'-' || b == b'_';
        let mut read: Vec<(usize, usize, &str)> = Vec::new();
        let mut one_sentence = None;
        // Lowercased once (ASCII only, so every offset stays the question's) and
        // searched with `str::find` for each reading: a byte-window comparison per
        // reading was 1.3% of an answer's instructions with eleven readings.
        let lower = question.to_ascii_lowercase();
        for (reading, _) in READINGS
            .iter()
            .zip(&self.known_readings)
            .filter(|(_, known)| **known)
        {
            let mut from = 0;
            while let Some(at) = lower[from..].find(reading.word).map(|i| i + from) {
                let end = at + reading.word.len();
                from = end;
                if at > 0 && joins(bytes[at - 1]) {
                    continue;
                }
                if reading.asked_how
                    && !super::words_of(&question[..at])
                        .rev()
                        .take(3)
                        .any(|w| w.eq_ignore_ascii_case("how"))
                {
                    continue;
                }
                if !reading.followed_by.is_empty()
                    && !super::words_of(&question[end..])
                        .take(reading.followed_within)
                        .any(|w| {
                            reading
                                .followed_by
                                .iter()
                                .any(|f| w.eq_ignore_ascii_case(f))
                        })
                {
                    continue;
                }
                if reading.one_sentence
                    && !*one_sentence.get_or_insert_with(|| segments(question).len() == 1)
                {
                    continue;
                }
                let read_here = match bytes.get(end) {
                    Some(b'-') if reading.names => {
                        let rest = &question[end + 1..];
                        let rest = &rest[..rest
                            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '-'))
                            .unwrap_or(rest.len())];
                        rest.split('-')
                            .any(|w| !w.is_empty() && self.is_unknown(en, w))
                    }
                    Some(&b) if joins(b) => false,
                    _ => reading.alone && !self.in_a_phrase(question, at, end),
                };
                if read_here {
                    read.push((at, end, reading.meant));
                }
            }
        }
        if read.is_empty() {
            return Cow::Borrowed(question);
        }
        read.sort_unstable();
        let mut text = String::with_capacity(question.len() + read.len());
        let mut copied = 0;
        for (at, end, word) in read {
            text.push_str(&question[copied..at]);
            text.push_str(word);
            copied = end;
        }
        text.push_str(&question[copied..]);
        Cow::Owned(text)
    }

    /// Whether a synonym phrase of more than one word holds the word at
    /// `question[at..end]`, read with the words around it.
    fn in_a_phrase(&self, question: &str, at: usize, end: usize) -> bool {
        // The longest phrases run to five words ("azure key vault managed hsm").
        const AROUND: usize = 4;
        let before: Vec<&str> = super::words_of(&question[..at])
            .rev()
            .take(AROUND)
            .collect();
        let after = super::words_of(&question[end..]).take(AROUND);
        let run: Vec<String> = before
            .iter()
            .rev()
            .copied()
            .chain(std::iter::once(&question[at..end]))
            .chain(after)
            .map(str::to_ascii_lowercase)
            .collect();
        let word = before.len();
        (0..=word).any(|start| {
            self.synonym_at(&run, start)
                .is_some_and(|(_, _, len)| len > 1 && start + len > word)
        })
    }

    /// Whether `word` means nothing to the corpus: no stem of it is indexed (a stop
    /// word, which has no stem, is not unknown).
    fn is_unknown(&self, en: &mut tantivy::tokenizer::TextAnalyzer, word: &str) -> bool {
        let stems = tokenize::tokens(en, word);
        !stems.is_empty() && stems.iter().all(|s| self.stats.doc_freq_of(s).is_none())
    }

    /// The synonym group and phrase that start at `run[i]`, the longest first, with
    /// the number of words it spans.
    fn synonym_at(&self, run: &[String], i: usize) -> Option<(usize, usize, usize)> {
        let mut best: Option<(usize, usize, usize)> = None;
        for &(g, p) in self.synonym_starts.get(run.get(i)?)? {
            let len = self.synonyms[g][p].words.len();
            if run.len() >= i + len
                && run[i..i + len] == self.synonyms[g][p].words[..]
                && best.is_none_or(|(_, _, l)| len > l)
            {
                best = Some((g, p, len));
            }
        }
        best
    }

    /// Whether the words of `normalized` begin some synonym phrase longer than them.
    fn opens_synonym_phrase(&self, normalized: &str) -> bool {
        let words: Vec<&str> = normalized.split(' ').collect();
        self.synonym_starts
            .get(words[0])
            .into_iter()
            .flatten()
            .map(|&(g, p)| &self.synonyms[g][p])
            .any(|p| p.words.len() > words.len() && p.words.iter().zip(&words).all(|(a, b)| a == b))
    }

    fn synonym_group_of(&self, normalized: &str) -> Option<usize> {
        self.synonym_group_by_phrase.get(normalized).copied()
    }

    /// The concept of synonym group `group` ([`group_concepts`]) at `weight`.
    fn group_concept(&self, group: usize, weight: f32) -> Concept {
        Concept {
            weight,
            ..self.group_concepts[group].clone()
        }
    }

    fn phrase_df_estimate(&self, phrase: &Phrase) -> u32 {
        phrase_df_estimate(&self.stats, phrase)
    }
}

/// At most the rarest stem's document frequency: a phrase is never commoner than its
/// rarest word.
pub(crate) fn phrase_df_estimate(stats: &super::TermStats, phrase: &Phrase) -> u32 {
    phrase
        .iter()
        .map(|(s, _)| stats.doc_freq_of(s).unwrap_or(0))
        .min()
        .unwrap_or(0)
}

/// The stems each synonym group is found by as one side of a pair, prepared once when
/// the index is built: the last stem of each of its phrases, the one next to the word
/// that follows ("deleted key vault" pairs "deleted" with "vault"), with how far into
/// the longest phrase ending in it that stem stands. A stem no section holds (a wording
/// only users type) is left out: it finds nothing, and looking for it would cost a
/// lookup per field.
pub(crate) fn group_pair_stems(
    groups: &[Concept],
    stats: &super::TermStats,
) -> Vec<Vec<(String, u32)>> {
    groups
        .iter()
        .map(|group| {
            let mut stems: Vec<(String, u32)> = Vec::new();
            for (stem, end) in group.phrases.iter().filter_map(|p| p.last()) {
                if stats.doc_freq_of(stem).is_none_or(|df| df == 0) {
                    continue;
                }
                match stems.iter_mut().find(|(s, _)| s == stem) {
                    Some((_, before)) => *before = (*before).max(*end),
                    None => stems.push((stem.clone(), *end)),
                }
            }
            stems
        })
        .collect()
}

/// Each synonym group as the concept a question naming it gets (weight 1), prepared
/// once when the index is built: its distinct stem phrases ("rotate" and "rotation"
/// are one stem: one phrase), shared by every question's copy, and their estimated
/// document frequency.
pub(crate) fn group_concepts(
    synonyms: &[Vec<SynonymPhrase>],
    stats: &super::TermStats,
) -> Vec<Concept> {
    synonyms
        .iter()
        .enumerate()
        .map(|(g, group)| {
            let mut phrases: Vec<Phrase> = Vec::new();
            for p in group {
                if !p.stems.is_empty() && !phrases.contains(&p.stems) {
                    phrases.push(p.stems.clone());
                }
            }
            // The union holds at least as many sections as its commonest phrase;
            // scoring counts it exactly.
            let estimated_df = phrases
                .iter()
                .map(|p| phrase_df_estimate(stats, p))
                .max()
                .unwrap_or(0);
            Concept {
                phrases: phrases.into(),
                window: 0,
                code: Vec::new(),
                origin: Origin::Synonyms,
                estimated_df,
                weight: 1.0,
                group: Some(g),
            }
        })
        .collect()
}

/// Whether `concepts` already holds the `origin` concept found by `words` whole (a
/// command's path, a name), weighed now by the more telling of the places it is named.
fn found_again(concepts: &mut [Concept], origin: Origin, words: &str, weight: f32) -> bool {
    let again = concepts
        .iter_mut()
        .find(|c| c.origin == origin && c.code.iter().map(String::as_str).eq(words.split(' ')));
    match again {
        Some(c) => {
            c.weight = c.weight.max(weight);
            true
        }
        None => false,
    }
}

/// The concept of `words` found whole: `phrase`, their stems, in prose, and the words
/// in order in code; `df` is how many sections hold them.
fn found_whole(origin: Origin, words: &str, phrase: Phrase, df: u32, weight: f32) -> Concept {
    Concept {
        phrases: if phrase.is_empty() {
            Arc::from([])
        } else {
            Arc::from([phrase])
        },
        window: 0,
        code: words.split(' ').map(str::to_string).collect(),
        origin,
        estimated_df: df,
        weight,
        group: None,
    }
}

/// Adds a synonym concept, once per group; a code token that is one of the group's
/// phrases is also looked for whole in code blocks.
fn push_concept(concepts: &mut Vec<Concept>, mut concept: Concept, code: Option<&str>) {
    if let Some(existing) = concepts
        .iter_mut()
        .find(|c| c.origin == Origin::Synonyms && c.phrases == concept.phrases)
    {
        existing.weight = existing.weight.max(concept.weight);
        if let Some(token) = code
            && !existing.code.iter().any(|c| c == token)
        {
            existing.code.push(token.to_string());
        }
        return;
    }
    if let Some(token) = code {
        concept.code.push(token.to_string());
    }
    concepts.push(concept);
}

/// The words of a sentence written as names: capitalized, past the first word, with
/// a small letter after the first ("TeamCity", "Keycloak", "Marcus"). Acronyms in
/// capitals are left out, as they as often name a term ("IAM", an HTTP `PATCH`) as a
/// product; so are words with digits (values such as `P120D`) and the names of days
/// and months, which date a story rather than name its subject.
fn proper_names(sentence: &str) -> impl Iterator<Item = &str> {
    sentence
        .split_whitespace()
        .skip(1)
        .map(|word| {
            let word =
                word.trim_matches(|c: char| !c.is_alphanumeric() && c != '\'' && c != '\u{2019}');
            let word = word
                .strip_suffix("'s")
                .or_else(|| word.strip_suffix("\u{2019}s"))
                .unwrap_or(word);
            word.trim_matches(|c: char| !c.is_alphanumeric())
        })
        .filter(|word| {
            word.chars().count() > 2
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().skip(1).any(char::is_lowercase)
                && word.chars().all(char::is_alphabetic)
                && !CALENDAR_NAMES
                    .iter()
                    .any(|name| name.eq_ignore_ascii_case(word))
        })
}

/// Days and months, capitalized like names.
const CALENDAR_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// What a part of the question does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Role {
    /// A sentence that asks ("How do I…?", "Can we…", "I need to…").
    Ask,
    /// A sentence that tells the story around the question.
    Context,
    /// Pasted configuration, output or logs: context too, never corrected.
    Pasted,
}

impl Role {
    /// How much a concept found here counts. Context tells what the question is
    /// about, but less surely than the words that ask it.
    pub fn weight(self) -> f32 {
        match self {
            Role::Ask => 1.0,
            Role::Context => CONTEXT_WEIGHT,
            // Identifiers in pasted text tell what the question is about, like
            // context does.
            Role::Pasted => CONTEXT_WEIGHT,
        }
    }

    fn without_ask(self) -> Role {
        match self {
            Role::Context => Role::Ask,
            other => other,
        }
    }
}

/// Sentences that only tell the story count a third as much as those that ask
/// (chosen on the dev sets, short and long; see eval/README.md).
const CONTEXT_WEIGHT: f32 = 1.0 / 3.0;

/// Verbs an assistant or a person opens a request with ("Explain how to move…",
/// "Describe what has to happen after…"): the sentence asks, and what kind of answer
/// it wants is told by what follows the verb. The verb stays among its words: "list"
/// and "show" are also `az` verbs.
const REQUEST_VERBS: &[&str] = &[
    "explain",
    "describe",
    "show",
    "list",
    "give",
    "tell",
    "write",
    "provide",
    "outline",
    "summarize",
    "summarise",
    "generate",
];
/// What may open a request politely, before "you" and its verb ([`request`]).
const POLITE_MODALS: &[&str] = &["can", "could", "would", "will"];

/// The rest of a sentence that opens with a request verb ([`REQUEST_VERBS`]), with a
/// "me" or "us" after it set aside too. The verb must be the sentence's very first
/// word, so a Markdown heading or a bold label (an issue template's "## Describe the
/// bug") is not a request. A polite opening before the verb ("Could you tell us
/// what…", "Can you please explain how…") is part of the request: it asks what
/// follows, not whether the reader is able to.
fn request(sentence: &str) -> Option<&str> {
    request_and_verb(sentence).map(|(_, rest)| rest)
}

/// Request verbs that only ask for an answer to be put in words ("Write the command
/// that…", "Outline the steps…"): unlike "show", "list", "give" or "generate", none
/// names anything the knowledge does, so a request's sentence is read without them,
/// as "explain" and "tell", stop words, already are. Not "describe": what the docs
/// describe, or do not, is something the knowledge says ("the ACR docs do not
/// describe…"), and a request to describe it is often after exactly that.
const WORDING_VERBS: &[&str] = &["write", "provide", "outline", "summarize", "summarise"];

/// [`request`], with the request's verb.
fn request_and_verb(sentence: &str) -> Option<(String, &str)> {
    let trimmed = sentence.trim_start();
    let first_word = |text| {
        let (word, rest) = split_first_word(text);
        (word.to_lowercase(), rest)
    };
    let (mut verb, mut rest) = first_word(trimmed);
    if POLITE_MODALS.contains(&verb.as_str()) {
        let (you, after) = first_word(rest.trim_start());
        if you != "you" {
            return None;
        }
        (verb, rest) = first_word(after.trim_start());
        if verb == "please" {
            (verb, rest) = first_word(rest.trim_start());
        }
    }
    if !REQUEST_VERBS.contains(&verb.as_str()) {
        return None;
    }
    let rest = rest.trim_start();
    let rest = match first_word(rest) {
        (who, after) if who == "me" || who == "us" => after.trim_start(),
        _ => rest,
    };
    (!rest.is_empty()).then_some((verb, rest))
}

/// Openings of a sentence that asks.
const ASK_OPENINGS: &[&str] = &[
    "how",
    "what",
    "which",
    "why",
    "where",
    "when",
    "who",
    "whom",
    "whose",
    "can",
    "could",
    "is",
    "are",
    "does",
    "do",
    "did",
    "should",
    "will",
    "would",
    "may",
    "must",
    "has",
    "have",
    "any way",
    "anyone",
    "is it possible",
    "i need",
    "we need",
    "i want",
    "we want",
    "i'd like",
    "we'd like",
    "need to",
    "trying to",
    "i am trying",
    "i'm trying",
    "we are trying",
    "we're trying",
    "looking for",
    "is there",
    "are there",
];

/// Whether a trimmed line opens or closes a fenced block: both passes over a
/// question read fences alike.
fn is_fence(trimmed: &str) -> bool {
    trimmed.starts_with("```") || trimmed.starts_with("~~~")
}

/// A Markdown heading of a few words that asks nothing ("### Description", "### New or
/// Affected Resource(s)"): an issue template's label, not the asker's words.
fn template_heading(line: &str) -> bool {
    let text = line.trim_start_matches('#');
    text.len() < line.len()
        && line.len() - text.len() <= 6
        && text.starts_with(' ')
        && !text.trim_end().ends_with('?')
        && text.split_whitespace().count() <= 6
}

/// The question cut into sentences and pasted blocks, each with its role.
pub(crate) fn segments(question: &str) -> Vec<(Role, String)> {
    let mut out = Vec::new();
    let mut in_fence = false;
    let mut prose = String::new();
    // Headings are a template's labels only in a post laid out by one: a single
    // heading may well name the subject ("## Key rotation fails"). Lines in a fence
    // are not counted: a pasted script's `# comments` lay out nothing.
    let mut fenced = false;
    let templated = question
        .lines()
        .map(|l| without_list_marker(l).trim())
        .filter(|l| {
            fenced ^= is_fence(l);
            !fenced && template_heading(l)
        })
        .nth(1)
        .is_some();
    let flush = |prose: &mut String, out: &mut Vec<(Role, String)>| {
        for sentence in sentences(prose) {
            let opening = without_fillers(&sentence);
            let lower = opening
                .trim_start_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase();
            let requested = request_and_verb(opening);
            let asks = requested.is_some()
                || sentence.trim_end().ends_with('?')
                || opens_with_any(&lower, ASK_OPENINGS);
            let without_verb = requested
                .filter(|(verb, _)| WORDING_VERBS.contains(&verb.as_str()))
                .map(|(_, rest)| rest.to_string());
            let sentence = without_verb.unwrap_or(sentence);
            out.push((if asks { Role::Ask } else { Role::Context }, sentence));
        }
        prose.clear();
    };
    for line in question.lines() {
        let line = without_list_marker(line);
        let trimmed = line.trim();
        if is_fence(trimmed) {
            flush(&mut prose, &mut out);
            in_fence = !in_fence;
            continue;
        }
        if in_fence || looks_pasted(line) || (templated && template_heading(trimmed)) {
            flush(&mut prose, &mut out);
            out.push((Role::Pasted, line.to_string()));
        } else {
            prose.push_str(line);
            prose.push('\n');
        }
    }
    flush(&mut prose, &mut out);
    // In a post of several sentences, a lead-in before a colon ("Before I open a
    // ticket: can artifact streaming…?") frames the question; it does not ask. A
    // role handed to the reader ("act as a key vault specialist: can…?") frames
    // even a question of one sentence.
    let several = out.len() > 1;
    let mut i = 0;
    while i < out.len() {
        if out[i].0 == Role::Ask
            && let Some(at) = lead_in(&out[i].1, several)
        {
            let asked = out[i].1[at + 1..].trim().to_string();
            out[i].1.truncate(at);
            out[i].0 = Role::Context;
            i += 1;
            out.insert(i, (Role::Ask, asked));
        }
        i += 1;
    }
    out
}

/// Where a sentence's lead-in ends at a colon, with a question after it: a role
/// handed to the reader ([`hands_a_role`]), or, in a post of `several` sentences, the
/// asker talking about themselves ("Before I escalate:", "I need a side-by-side for
/// the registry part:"), not a subject named first ("UAMI vs system-assigned MI for
/// ACR CMK:") nor a question of its own ("What should --key-encryption-key contain:").
fn lead_in(sentence: &str, several: bool) -> Option<usize> {
    let at = sentence.find(": ")?;
    let (before, after) = (&sentence[..at], &sentence[at + 1..]);
    let asks_after = after.split_whitespace().count() >= 3 && after.trim_end().ends_with('?');
    if asks_after && hands_a_role(before) {
        return Some(at);
    }
    if !several {
        return None;
    }
    let says = |list: &[&str]| {
        before
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .any(|w| list.iter().any(|l| l.eq_ignore_ascii_case(w)))
    };
    let about_the_asker = says(FIRST_PERSON);
    let asks = says(QUESTION_WORDS);
    (about_the_asker && !asks && !before.contains('?') && asks_after).then_some(at)
}

/// Openings by which a sentence hands the reader a role ("You're an Azure expert",
/// "Act as our incident commander", "Pretend you are…"): an instruction to whoever
/// answers, which says nothing of what is asked.
const ROLE_OPENINGS: &[&str] = &[
    "act as",
    "acting as",
    "pretend",
    "imagine you",
    "assume you",
    "you are a",
    "you are an",
    "you are the",
    "you are our",
    "you're a",
    "you're an",
    "you're the",
    "you're our",
];

/// Whether `text` opens by handing the reader a role ([`ROLE_OPENINGS`]).
fn hands_a_role(text: &str) -> bool {
    opens_with_any(&without_fillers(text).to_lowercase(), ROLE_OPENINGS)
}

/// Whether lowercased `text` opens with one of `openings` as whole words ("how"
/// opens "how do i", not "however").
fn opens_with_any(lower: &str, openings: &[&str]) -> bool {
    openings.iter().any(|o| {
        lower.starts_with(o) && lower[o.len()..].starts_with(|c: char| !c.is_alphanumeric())
    })
}

/// Words by which a lead-in is about the asker.
const FIRST_PERSON: &[&str] = &[
    "i", "i'm", "i've", "i'd", "me", "my", "we", "we're", "we've", "we'd", "us", "our",
];
/// Words by which a lead-in asks a question of its own.
const QUESTION_WORDS: &[&str] = &["what", "which", "how", "why", "when", "where", "who"];

/// Words a chat message opens with before it gets to its point ("lol how do i…",
/// "ok, can we…"): an opening read past them shows whether the sentence asks.
const FILLERS: &[&str] = &[
    "lol", "ok", "okay", "hey", "hi", "hello", "btw", "anyway", "ugh", "hmm", "um", "uh", "tbh",
    "ngl", "fwiw", "oh", "ah", "yeah", "haha",
];

/// `sentence` from its first word that is not a filler ([`FILLERS`]), with the
/// punctuation after each filler skipped too ("Hey, ok - can…"). What opens
/// with no filler is kept as it is: a heading's "## Describe the bug" is no request.
fn without_fillers(sentence: &str) -> &str {
    let mut rest = sentence.trim_start();
    loop {
        let (word, tail) = split_first_word(rest);
        let after = tail.trim_start_matches(|c: char| !c.is_alphanumeric());
        if after.is_empty() || !FILLERS.iter().any(|f| f.eq_ignore_ascii_case(word)) {
            return rest;
        }
        rest = after;
    }
}

/// `text`'s leading run of letters and digits, and what follows it.
fn split_first_word(text: &str) -> (&str, &str) {
    text.split_at(
        text.find(|c: char| !c.is_alphanumeric())
            .unwrap_or(text.len()),
    )
}

/// A line without its numbered-list marker ("3. Assign…"), whose number is
/// layout, not a word of the question.
fn without_list_marker(line: &str) -> &str {
    let t = line.trim_start();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    match t[digits..].strip_prefix(['.', ')']) {
        Some(rest) if (1..=3).contains(&digits) && rest.starts_with(' ') => rest.trim_start(),
        _ => line,
    }
}

/// A line of configuration, JSON, YAML or a log rather than of prose.
fn looks_pasted(line: &str) -> bool {
    let t = line.trim();
    if t.is_empty() {
        return false;
    }
    let indented = line.starts_with("    ") || line.starts_with('\t');
    let structured = t.starts_with(['{', '}', '[', ']', '"', '<'])
        || t.ends_with(['{', '[', ','])
        || t.contains(" = ")
        // `key: value` of YAML or JSON, not "Error: the message" or "Note: …".
        || t.split_once(':').is_some_and(|(k, v)| {
            let v = v.trim();
            !k.is_empty()
                && k.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.' | '"'))
                && k.chars().any(|c| c.is_lowercase())
                && !v.is_empty()
                && v.split_whitespace().count() <= 3
                && !v.starts_with("//")
        });
    // A timestamp first: a log line.
    let logged =
        t.len() > 10 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) && t.as_bytes()[4] == b'-';
    (indented && !t.starts_with(['-', '*'])) || structured || logged
}

/// Sentences of prose: split after `.`, `?` or `!` and at blank lines.
fn sentences(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let ends =
            matches!(c, '?' | '!' | '.') && chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        let paragraph = c == '\n' && chars.get(i + 1) == Some(&'\n');
        if ends || paragraph || (c == '\n' && current.trim_start().starts_with(['-', '*'])) {
            if !current.trim().is_empty() {
                out.push(current.trim().to_string());
            }
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

/// Robertson–Spärck Jones IDF, the information a concept carries, floored near zero:
/// a concept in half the sections or more says nothing about whether the knowledge
/// covers a question. Not quite zero, so that a corpus too small to tell concepts
/// apart by rarity (a user's one-page skill) still judges coverage by which concepts
/// a section holds. It weighs coverage and confidence; ranking uses [`rank_idf`].
pub(crate) fn idf(n: f32, df: f32) -> f32 {
    ((n - df + 0.5) / (df + 0.5)).ln().max(IDF_FLOOR)
}

/// BM25's IDF, `ln(1 + (N − df + ½) / (df + ½))`: never below zero, so a common
/// concept the question names still counts for the sections that hold it ("deleted
/// key *vault*" against "deleted key"), only far less than a rare one ("rotate"
/// against "customer-managed key": 1.2 against 0.4 here).
pub(crate) fn rank_idf(n: f32, df: f32) -> f32 {
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

pub(crate) const IDF_FLOOR: f32 = 0.01;

/// The leading abbreviations of Azure resource names by the Cloud Adoption
/// Framework's convention (`kv-shale`, `rg-shared`, `id-flint-old`).
const RESOURCE_PREFIXES: &[&str] = &[
    "kv", "cr", "rg", "id", "mi", "uami", "mhsm", "hsm", "st", "aks", "vnet", "snet", "pe", "nsg",
    "law", "appi", "sub",
];

/// A word the knowledge uses in one sense and askers in another
/// ([`SearchIndex::read_words`]).
struct Reading {
    word: &'static str,
    /// The knowledge's word for what the asker means.
    meant: &'static str,
    /// Read where it prefixes a resource name (`hsm-hemlock`).
    names: bool,
    /// Read where it stands alone ("our HSM").
    alone: bool,
    /// Read only where "how" asks for it, within three words before it.
    asked_how: bool,
    /// Read only where one of these words follows within `followed_within` words
    /// (none: read wherever it stands).
    followed_by: &'static [&'static str],
    /// How many words after it `followed_by` looks at.
    followed_within: usize,
    /// Read only in a question of one sentence.
    one_sentence: bool,
}

/// What one is given where the knowledge says "grant".
const GRANTED: &[&str] = &[
    "access",
    "permission",
    "permissions",
    "role",
    "roles",
    "rights",
];

/// The customer-managed key as an asker names it, word by word.
const CMK_NAMED: &[&str] = &["cmk", "customer", "byok"];

/// The knowledge's `hsm` is the RSA-HSM key type, but a resource named `hsm-…` is a
/// Managed HSM, and so is a bare "HSM" (the knowledge's own text says "the HSM" for
/// one); its `id` is a key ID, but a resource named `id-…` is a user-assigned
/// identity, the Cloud Adoption Framework's abbreviation. "Tell", "find" and "know" are
/// stop words, yet "how can I tell if my registry uses a CMK?" asks how to check it: read
/// so where "how" asks, not in a story's "I can't tell if that is the key it uses".
/// "See" and "view" are how askers say "check" ("how do i see which key my
/// registry is encrypted with"); in the knowledge "see" points to another section.
/// What the knowledge grants, askers give: "how do i give the registry identity
/// access to the key" found the sections that give access back after a revocation.
/// Only in a question of one sentence: in a long one the story names the grant
/// (the role, the policy, the failing command) and the verb's sense tipped cases
/// that were right to their reference twins (blind2 b009, blind57 m059).
const READINGS: &[Reading] = &[
    Reading {
        word: "hsm",
        meant: "mhsm",
        names: true,
        ..ALONE
    },
    Reading {
        word: "id",
        meant: "uami",
        names: true,
        alone: false,
        ..ALONE
    },
    Reading {
        word: "tell if",
        meant: "check if",
        ..HOW
    },
    Reading {
        word: "tell whether",
        meant: "check whether",
        ..HOW
    },
    Reading {
        word: "know if",
        meant: "check if",
        ..HOW
    },
    Reading {
        word: "know whether",
        meant: "check whether",
        ..HOW
    },
    Reading {
        word: "find out if",
        meant: "check if",
        ..HOW
    },
    Reading {
        word: "find out whether",
        meant: "check whether",
        ..HOW
    },
    Reading {
        word: "see",
        meant: "check",
        ..HOW
    },
    Reading {
        word: "view",
        meant: "check",
        ..HOW
    },
    Reading {
        word: "give",
        meant: "grant",
        ..GRANT
    },
    Reading {
        word: "gives",
        meant: "grants",
        ..GRANT
    },
    Reading {
        word: "giving",
        meant: "granting",
        ..GRANT
    },
    Reading {
        word: "change",
        meant: "rotate",
        ..CHANGE
    },
    Reading {
        word: "changing",
        meant: "rotating",
        ..CHANGE
    },
    Reading {
        word: "update",
        meant: "rotate",
        ..CHANGE
    },
    Reading {
        word: "updating",
        meant: "rotating",
        ..CHANGE
    },
    Reading {
        word: "replace",
        meant: "rotate",
        ..CHANGE
    },
    Reading {
        word: "swap",
        meant: "rotate",
        ..CHANGE
    },
];

/// A row of [`READINGS`] read wherever its word stands alone; each row sets its own
/// `word` and `meant` and what else sets it apart.
const ALONE: Reading = Reading {
    word: "",
    meant: "",
    names: false,
    alone: true,
    asked_how: false,
    followed_by: &[],
    followed_within: 0,
    one_sentence: false,
};
/// A row of [`READINGS`] read where "how" asks for it.
const HOW: Reading = Reading {
    asked_how: true,
    ..ALONE
};
/// A row of [`READINGS`] read where what is granted follows, in a question of one
/// sentence.
const GRANT: Reading = Reading {
    followed_by: GRANTED,
    // "give crargon's identity an access" holds five words between.
    followed_within: 5,
    one_sentence: true,
    ..ALONE
};

/// A row of [`READINGS`] read where "how" asks to change the customer-managed key,
/// in a question of one sentence.
const CHANGE: Reading = Reading {
    asked_how: true,
    followed_by: CMK_NAMED,
    // The key is what is changed ("change the CMK", "update our customer-managed
    // key"), not a thing of it ("change the SKU of a CMK registry").
    followed_within: 2,
    one_sentence: true,
    ..ALONE
};

/// A hyphenated name of an Azure resource: its parts are the asker's own names, not
/// misspelt words ("kv-shale" is no "shape").
fn is_resource_name(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    w.split_once('-').is_some_and(|(prefix, rest)| {
        !rest.is_empty()
            && RESOURCE_PREFIXES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(prefix))
    })
}

/// `--key-encryption-key`, `rotate-key`, `unwrapKey`, `keyVaultProperties.identity`,
/// `key_vault_key_id`, `CMK_ERROR`: a word with inner punctuation or a case change.
pub(crate) fn looks_like_code(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric() && c != '-');
    let inner = w.trim_matches('-');
    w.starts_with("--")
        || inner.contains(['-', '_', '.'])
        || inner.chars().skip(1).any(|c| c.is_uppercase())
            && inner.chars().any(|c| c.is_lowercase())
        || inner.len() > 1
            && inner.chars().all(|c| c.is_uppercase() || c == '_')
            && inner.contains('_')
}

/// Lowercase words separated by single spaces; hyphens and other punctuation count
/// as spaces so that "customer-managed key" and "customer managed key" meet.
pub(crate) fn normalize(text: &str) -> String {
    // One pass and one allocation for ASCII, which nearly every word of a question
    // is: each word is normalized on its own as it is analyzed, and the general path
    // allocates three times (the lowercase copy, the list of words, the joined text).
    if text.is_ascii() {
        let mut out = String::with_capacity(text.len());
        let mut gap = false;
        for c in text.chars() {
            if c.is_ascii_alphanumeric() {
                if gap && !out.is_empty() {
                    out.push(' ');
                }
                gap = false;
                out.push(c.to_ascii_lowercase());
            } else {
                gap = true;
            }
        }
        return out;
    }
    normalize_any(text)
}

/// [`normalize`] for any text: Unicode's lowercase of the whole, which may depend on
/// a letter's neighbours (a Greek final sigma).
fn normalize_any(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A synonym phrase, prepared once: its normalized words (to find it in a question)
/// and its stems with positions (to find it in the index).
#[derive(Debug, Clone)]
pub(crate) struct SynonymPhrase {
    pub words: Vec<String>,
    /// Empty for a phrase that opens or ends with a stop word ("turn on", "switch
    /// on"): the index holds no stop words, so it would be searched as its other
    /// words alone, and every "switch to another identity" would count as enabling.
    /// It still names its group in a question.
    pub stems: Phrase,
}

impl SynonymPhrase {
    pub fn new(phrase: &str, en: &mut tantivy::tokenizer::TextAnalyzer) -> Option<SynonymPhrase> {
        let normalized = normalize(phrase);
        if normalized.is_empty() {
            return None;
        }
        let words: Vec<String> = normalized.split(' ').map(str::to_string).collect();
        let is_stop =
            |w: Option<&String>| w.is_some_and(|w| tokenize::STOP_WORDS.contains(&w.as_str()));
        let unanchored = words.len() > 1 && (is_stop(words.first()) || is_stop(words.last()));
        Some(SynonymPhrase {
            stems: if unanchored {
                Vec::new()
            } else {
                tokenize::tokens_with_positions(en, &normalized)
            },
            words,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_synonym_phrase_is_searched_only_when_its_ends_are_not_stop_words() {
        let mut en = tokenize::en_analyzer();
        let mut stems = |p: &str| SynonymPhrase::new(p, &mut en).unwrap().stems;
        assert!(stems("turn on").is_empty());
        assert!(stems("switch on").is_empty());
        // A stop word inside keeps its place, so the phrase is still bounded.
        assert_eq!(stems("bring your own key").len(), 3);
        assert_eq!(stems("turn off").len(), 2);
        assert_eq!(stems("enable").len(), 1);
    }

    #[test]
    fn intent_comes_from_the_opening() {
        let i = Intent::of("How do I rotate the customer-managed key?");
        assert!(i.procedure && !i.yes_no && !i.duration);
        // Naming the tool asks for a command, whatever noun follows it.
        let i = Intent::of("which az query shows if purge protection is on for our kv");
        assert!(i.procedure && !i.polar);
        let i = Intent::of("Can I disable CMK later?");
        assert!(i.yes_no && i.polar && !i.procedure);
        let i = Intent::of("how long until a new key version is used");
        assert!(i.duration && !i.procedure && !i.polar);
        let i = Intent::of("az acr create fails with 403 Forbidden");
        assert!(i.problem);
    }

    /// A count of a unit of time asks "how long" wherever it stands; a count of
    /// something else does not.
    #[test]
    fn a_count_of_time_asks_for_a_duration() {
        for q in [
            "tell me how many minutes can pass before the registry uses the new version",
            "the key was deleted, so how many days until it is gone for good?",
            "soft delete on the vault keeps it for how many days",
        ] {
            let i = Intent::of(q);
            assert!(i.duration && !i.procedure && !i.polar, "{q}");
        }
        assert!(!Intent::of("how many versions can a managed hsm key have?").duration);
    }

    #[test]
    fn a_command_asked_for_with_the_tool_named_or_abbreviated_is_a_procedure() {
        for q in [
            "which az command lists the registry's encryption settings",
            "az cmd to make an rsa key for the registry",
            "mhsm went away, cmd to undelete it",
            // Asked after a lead-in, with another thing asked beside it.
            "bring back a soft-deleted managed hsm: which role and az command do i need?",
            "what exact commands restore the registry's access",
            // At the opening, as the openings list once read them.
            "Which command shows the key version the registry uses?",
            "what command rotates the key",
        ] {
            assert!(Intent::of(q).procedure, "{q}");
        }
        // "command" far from the question word, or past a clause it opens, names
        // something else.
        assert!(!Intent::of("which role does the identity need before the command runs").procedure);
        assert!(!Intent::of("what happens if the command fails halfway?").procedure);
        assert!(!Intent::of("what may the command change in the vault?").procedure);
        // A question about a version that names a tool is not a how-to.
        assert!(!Intent::of("which azurerm version renamed the vault argument").procedure);
    }

    #[test]
    fn an_imperative_asks_for_the_procedure() {
        for q in [
            "create an access-policy kv for acr cmk with a current az cli",
            "turn on purge protection for an existing kv that backs our acr cmk",
            "Grant the registry's identity access to the key.",
        ] {
            assert!(Intent::of(q).procedure, "{q}");
        }
        for q in [
            // A command's name, not an order.
            "rotate-key w/o --identity, does it keep whatever mi is set now?",
            // An order would not end in a question mark.
            "switch to the system identity later?",
            // A verb followed by why, what or whether asks about the action.
            "change why the key stays on the old version",
            // A noun that names a setting opens a question about it.
            "purge protection on: does acr stay up if someone deletes the kv key?",
        ] {
            assert!(!Intent::of(q).procedure, "{q}");
        }
    }

    #[test]
    fn ascii_is_normalized_as_the_general_path_does() {
        for t in [
            "Key-Vault",
            "  --key-encryption-key ",
            "identity's/clientId",
            "\"KeyIdentifier\":",
            "A1_b2..C3",
            "---",
            "",
        ] {
            assert_eq!(normalize(t), normalize_any(t), "{t:?}");
        }
        assert_eq!(normalize("Schlüssel-Tresor"), "schlüssel tresor");
    }

    #[test]
    fn an_issue_templates_headings_are_labels_but_a_lone_heading_is_prose() {
        let post = "### Description\n\nThe registry module cannot take a versionless key ID.\n\n\
                    ### New or Affected Resource(s)\n\nazurerm_container_registry\n\n\
                    ### Is automatic rotation supported?";
        let roles = segments(post);
        let of = |text: &str| {
            roles
                .iter()
                .find(|(_, t)| t.contains(text))
                .map(|(r, _)| *r)
        };
        assert_eq!(of("### Description"), Some(Role::Pasted));
        assert_eq!(of("### New or Affected"), Some(Role::Pasted));
        assert_eq!(of("versionless key ID"), Some(Role::Context));
        // A heading that asks is read as asking, template or not.
        assert_eq!(of("automatic rotation supported"), Some(Role::Ask));
        // One heading alone may name the subject: it stays the asker's words, even
        // beside a pasted script's comments.
        let lone = segments("## Key rotation fails on the registry\n\nrotate-key says Forbidden.");
        assert!(lone.iter().all(|(r, _)| *r != Role::Pasted), "{lone:?}");
        let scripted = segments(
            "## Key rotation fails\n\n```bash\n# the key\naz keyvault key rotate\n# the registry\n```",
        );
        assert_eq!(
            scripted[0],
            (Role::Context, "## Key rotation fails".to_string())
        );
        // Seven words or more, or a heading level past six, is not a label.
        assert!(!template_heading(
            "### Steps that reproduce the failure on our registry"
        ));
        assert!(!template_heading("####### Description"));
        assert!(template_heading("## Expected behaviour"));
    }

    #[test]
    fn a_request_asks_and_its_verb_is_set_aside_for_the_intent() {
        let i = Intent::of("Explain how to move an ACR registry to its system identity.");
        assert!(i.procedure);
        let i = Intent::of("Show me the az commands that let a build agent create key versions");
        assert!(i.procedure);
        assert!(!Intent::of("Describe what has to happen after the key is recovered.").procedure);
        let roles = |q: &str| segments(q).into_iter().map(|(r, _)| r).collect::<Vec<_>>();
        assert_eq!(
            roles("We use Terraform. Describe what has to happen after the key is recovered."),
            [Role::Context, Role::Ask]
        );
        // An issue template's heading asks nothing; "show" and "list" stay words.
        assert_eq!(roles("## Describe the bug"), [Role::Context]);
        assert_eq!(
            request("list deleted keys in the hsm"),
            Some("deleted keys in the hsm")
        );
        assert_eq!(request("listing keys"), None);
        // Nothing asked after the verb: not a request.
        assert_eq!(request("Tell us"), None);
        // A polite opening asks what follows the verb, not whether the reader can.
        assert_eq!(
            request("Could you tell us what is still missing on the HSM?"),
            Some("what is still missing on the HSM?")
        );
        assert_eq!(
            request("can you please explain how rotation works"),
            Some("how rotation works")
        );
        let i = Intent::of("Could you tell us what is still missing before keys can be created?");
        assert!(!i.polar && !i.yes_no);
        // A modal with another verb still asks yes or no.
        assert_eq!(request("Can you rotate the key of a CMK registry?"), None);
        assert!(Intent::of("Could you confirm that the key is versionless?").polar);
    }

    #[test]
    fn a_need_for_something_is_asked_but_a_need_to_do_something_is_not() {
        let necessity = |q: &str| Intent::of(q).necessity;
        assert!(necessity("do i need an hsm key for acr cmk?"));
        assert!(necessity("is purge protection mandatory on the vault?"));
        assert!(necessity("does the registry require premium"));
        assert!(!necessity("i need to rotate the key, is that supported?"));
        assert!(!necessity(
            "hsm role granted, acr create still fails, does it need time to propogate?"
        ));
        assert!(!necessity(
            "are there properties the imported key must have?"
        ));
    }

    #[test]
    fn a_yes_no_question_is_read_however_it_is_put() {
        let polar = |q: &str| Intent::of(q).polar;
        // After a lead-in, elliptical, or two of them joined by "or".
        assert!(polar("mhsm not activated yet, can i create the acr key"));
        assert!(polar(
            "geo-replicated acr with customer managed key, supported?"
        ));
        assert!(polar("digits allowed?"));
        assert!(polar(
            "is purge protection mandatory, or will creation work without it?"
        ));
        assert!(polar("is rsa 2048 still supported or not?"));
        // A choice, a question word, a bare noun phrase, a statement.
        assert!(!polar(
            "role assignment for the uami: principal id or client id?"
        ));
        assert!(!polar(
            "What's the migration path to get its images under one?"
        ));
        assert!(!polar("cmk sku?"));
        assert!(!polar(
            "mhsm rotation policy on the acr key: shortest interval allowed?"
        ));
        assert!(!polar("kv auto renew policy - max lifetime supported?"));
        assert!(polar("is the minimum of 2048 bits enough?"));
        assert!(!polar(
            "we created the vault, have assigned the role and waited"
        ));
        assert!(!polar("Does not have access to identity."));
        assert!(!polar("How do I rotate the key?"));
    }

    /// A pasted blob of joined tokens cost 770 ms per troubleshoot call when only
    /// whitespace-separated words counted against the budget.
    #[test]
    fn joined_tokens_count_against_the_word_budget() {
        let corpus = crate::knowledge::Corpus::from_texts([(
            "acr-cmk",
            "references/a.md",
            "# A\n\n## Rotate the key\n\nRotate the customer-managed key of the registry.\n",
        )]);
        let index = SearchIndex::build(&corpus).unwrap();
        let mut state = 7u32;
        let mut word = || {
            (0..8)
                .map(|_| {
                    state = state.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                    char::from(b'a' + (state >> 16) as u8 % 26)
                })
                .collect::<String>()
        };
        for joiner in ["-", "/"] {
            // One 20,000-character token, and the same cut into tokens of 40 words.
            let blob: Vec<String> = (0..2_200).map(|_| word()).collect();
            let one = format!("rotate key {}", blob.join(joiner));
            let a = index.analyze(&one);
            assert!(a.words <= MAX_WORDS, "{}", a.words);
            assert!(
                a.concepts
                    .iter()
                    .any(|c| c.stems().contains(&"rotat".to_string()))
            );
            let chunks: Vec<String> = blob.chunks(40).map(|c| c.join(joiner)).collect();
            let many = format!("rotate key {}", chunks.join(" "));
            let a = index.analyze(&many);
            assert!(a.words <= MAX_WORDS, "{}", a.words);
            assert!(a.concepts.len() <= 2 * MAX_CONCEPTS);
        }
    }

    /// `hsm-hemlock` names a Managed HSM and `id-walnut-acr` a user-assigned identity,
    /// though the knowledge's `hsm` is the RSA-HSM key type and its `id` a key ID.
    #[test]
    fn words_the_knowledge_uses_in_another_sense_are_read_as_meant() {
        let corpus = crate::knowledge::Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let mut en = index.en.clone();
        for (asked, read) in [
            (
                "grant id-walnut-acr on HSM-hemlock, (hsm-fir)",
                "grant uami-walnut-acr on mhsm-hemlock, (mhsm-fir)",
            ),
            (
                "is our HSM activated? (an hsm)",
                "is our mhsm activated? (an mhsm)",
            ),
            // "Tell", "find" and "know", stop words, ask to check where "how" asks.
            (
                "How can I tell if my registry uses a CMK?",
                "How can I check if my registry uses a CMK?",
            ),
            (
                "how do we find out whether it rotates",
                "how do we check whether it rotates",
            ),
            (
                "how do i know if my registry uses cmk, how would we know whether it rotates",
                "how do i check if my registry uses cmk, how would we check whether it rotates",
            ),
            (
                "how can I see which key it uses, how to view it",
                "how can I check which key it uses, how to check it",
            ),
            // One is given what the knowledge grants, in a question of one sentence.
            (
                "how do i give the registry identity access to the key",
                "how do i grant the registry identity access to the key",
            ),
            (
                "which command gives id-walnut-acr its role",
                "which command grants uami-walnut-acr its role",
            ),
            // Changing the customer-managed key itself is rotating it.
            (
                "how do i change the cmk, how to update our customer-managed key",
                "how do i rotate the cmk, how to rotate our customer-managed key",
            ),
        ] {
            assert_eq!(index.read_words(&mut en, asked), read);
        }
        for kept in [
            "an hsm-backed key",
            "id-acr-cmk",
            "--hsm-name",
            "rsa-hsm-walnut",
            "client-id-walnut",
            "mhsm-hemlock",
            "an id and an ID",
            "kv-walnut",
            "an RSA-HSM key",
            "a key in Azure Key Vault Managed HSM",
            "an HSM-protected key",
            "an HSM protected key",
            "after hsm activation",
            "I can't tell if that is the key it uses",
            "tell me whether it rotates",
            "give me the steps to create the registry",
            "I need to give the identity access. Which role is it?",
            "given the vault's access model",
            "I can see the key in the portal view",
            "how do i change the sku of a cmk registry",
            "I need to change the CMK. How?",
            "we update the cmk every year",
        ] {
            assert!(
                matches!(index.read_words(&mut en, kept), Cow::Borrowed(_)),
                "{kept}"
            );
        }
        // A knowledge without the type's word keeps the name as written.
        let small = crate::knowledge::Corpus::from_texts([(
            "acr-cmk",
            "references/a.md",
            "# A\n\n## Keys\n\nAn HSM key of the registry.\n",
        )]);
        let small = SearchIndex::build(&small).unwrap();
        let mut en = small.en.clone();
        assert_eq!(
            small.read_words(&mut en, "hsm-hemlock and an HSM"),
            "hsm-hemlock and an HSM"
        );
    }

    /// "recover a deleted key vault" once paired "deleted" with the "key" of "key
    /// vault", a pair that favours sections about deleted keys. A synonym phrase pairs
    /// as its group: by the last stem of each of the group's phrases.
    #[test]
    fn a_synonym_phrase_pairs_as_its_group() {
        let corpus = crate::knowledge::Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let pairs = |q: &str| -> Vec<Vec<Vec<String>>> {
            index
                .analyze(q)
                .concepts
                .iter()
                .filter(|c| c.origin == Origin::Pair)
                .map(|c| {
                    c.phrases
                        .iter()
                        .map(|p| p.iter().map(|(s, _)| s.clone()).collect())
                        .collect()
                })
                .collect()
        };
        let words = |p: &[&str]| -> Vec<String> { p.iter().map(|s| s.to_string()).collect() };
        let deleted_vault = pairs("recover a deleted key vault");
        // "deleted" (a group with "removed") before the key-vault group: every wording
        // of one after every wording of the other, never "deleted key".
        let pair = deleted_vault
            .iter()
            .find(|p| p.contains(&words(&["delet", "vault"])))
            .expect("deleted, then the key-vault group");
        assert!(pair.contains(&words(&["remov", "akv"])));
        assert!(
            deleted_vault
                .iter()
                .flatten()
                .all(|p| p != &words(&["delet", "key"]))
        );
        // A word before a group: "recover" with each wording of "deleted".
        assert!(deleted_vault.contains(&vec![
            words(&["recov", "delet"]),
            words(&["recov", "remov"])
        ]));
        // Two plain words still pair.
        assert!(
            pairs("why are acr task run logs gone after a day")
                .iter()
                .flatten()
                .any(|p| p.contains(&"log".to_string()))
        );
    }

    #[test]
    fn a_lead_in_about_the_asker_is_context_and_a_subject_named_first_is_not() {
        let story = "We push large images. ";
        let roles = |question: &str| segments(&format!("{story}{question}"));
        assert_eq!(
            roles("Before I open a ticket: can artifact streaming be used with CMK?")[1..],
            [
                (Role::Context, "Before I open a ticket".to_string()),
                (
                    Role::Ask,
                    "can artifact streaming be used with CMK?".to_string()
                ),
            ]
        );
        for whole in [
            "UAMI vs system-assigned MI for ACR CMK: which one do I need?",
            "What should --key-encryption-key contain: the name or the URI?",
            "Before I open a ticket: any ideas",
        ] {
            let asked = roles(whole);
            assert_eq!(asked.len(), 2, "{whole}");
            assert_eq!(asked[1].1, whole);
        }
        // A question of one sentence keeps its words whatever they say.
        let alone = "Before I open a ticket: can artifact streaming be used with CMK?";
        assert_eq!(segments(alone), [(Role::Ask, alone.to_string())]);
    }

    #[test]
    fn a_request_to_put_an_answer_in_words_is_read_without_its_verb() {
        assert_eq!(
            segments("Write the az command that rotates the key of crshop."),
            [(
                Role::Ask,
                "the az command that rotates the key of crshop.".to_string()
            )]
        );
        assert_eq!(
            segments("Could you please outline the steps for a Managed HSM key?"),
            [(Role::Ask, "the steps for a Managed HSM key?".to_string())]
        );
        // Verbs that name what the knowledge does, or says, stay.
        for whole in [
            "Show me the encryption status of crshop.",
            "List the registries that use a customer-managed key.",
            "Generate a new key version for crshop.",
            "Describe what the ACR docs say about expired keys.",
        ] {
            assert_eq!(segments(whole), [(Role::Ask, whole.to_string())], "{whole}");
        }
    }

    #[test]
    fn a_role_handed_to_the_reader_frames_even_a_question_of_one_sentence() {
        assert_eq!(
            segments("act as a key vault specialist: can acr use an imported byok key?"),
            [
                (Role::Context, "act as a key vault specialist".to_string()),
                (Role::Ask, "can acr use an imported byok key?".to_string()),
            ]
        );
        assert_eq!(
            segments("you're an azure expert: how do we revoke the hsm key access?")[1],
            (
                Role::Ask,
                "how do we revoke the hsm key access?".to_string()
            )
        );
        // Only a role: "you are" telling the asker's own view is a question of its own.
        for whole in [
            "You are right that rotation is automatic: but how often?",
            "act as a key vault specialist: any ideas",
        ] {
            assert_eq!(segments(whole).len(), 1, "{whole}");
        }
    }

    #[test]
    fn chat_fillers_before_a_question_leave_it_a_question() {
        let role = |q: &str| segments(q)[0].0;
        assert_eq!(
            role("lol how do i tell if our kv runs rbac or access policies"),
            Role::Ask
        );
        assert_eq!(
            role("ok, hmm - which identity goes in --identity"),
            Role::Ask
        );
        // A conjunction is no filler: "But when I open…" tells what happened.
        assert_eq!(
            role("But when I open the portal the key list stays empty."),
            Role::Context
        );
        // A heading opens with no filler, and its request verb asks nothing.
        assert_eq!(role("## Describe the bug"), Role::Context);
        assert_eq!(without_fillers("ok"), "ok");
        let slang = SearchIndex::build(&crate::knowledge::Corpus::load(
            &crate::knowledge::LoadOptions::default(),
        ))
        .unwrap()
        .analyze("lol tbh how do i rotate the key");
        assert_eq!(slang.unknown_words, 0);
    }

    #[test]
    fn a_command_asked_for_is_the_form_not_a_concept() {
        let index = SearchIndex::build(&crate::knowledge::Corpus::load(
            &crate::knowledge::LoadOptions::default(),
        ))
        .unwrap();
        let scored = |a: &Analyzed| {
            a.concepts
                .iter()
                .any(|c| c.each_stem().any(|s| s == "command"))
        };
        let asked = index.analyze("which command grants the identity access to the key");
        assert!(!scored(&asked));
        assert_eq!(asked.form.len(), 1);
        // Not asked for: what happens to a command is the subject.
        let told = index.analyze("what happens if the command fails");
        assert!(scored(&told) && told.form.is_empty());
    }

    #[test]
    fn a_resource_names_parts_are_not_corrected() {
        assert!(is_resource_name("kv-shale"));
        assert!(is_resource_name("`rg-shared`,"));
        assert!(!is_resource_name("geo-replciated"));
        assert!(!is_resource_name("kv"));
        let index = SearchIndex::build(&crate::knowledge::Corpus::load(
            &crate::knowledge::LoadOptions::default(),
        ))
        .unwrap();
        let corrected = |q: &str| {
            index
                .analyze(q)
                .concepts
                .iter()
                .filter(|c| c.origin == Origin::Correction)
                .count()
        };
        assert_eq!(
            corrected("how do I restrict kv-shale to trusted services"),
            0
        );
        assert_eq!(corrected("is geo-replciated storage fine with cmk"), 1);
    }

    #[test]
    fn list_numbers_are_layout() {
        assert_eq!(without_list_marker("3. Assign a policy"), "Assign a policy");
        assert_eq!(without_list_marker("  12) Create a KV"), "Create a KV");
        assert_eq!(without_list_marker("24 hours later"), "24 hours later");
        assert_eq!(
            without_list_marker("2.62 is the version"),
            "2.62 is the version"
        );
    }

    #[test]
    fn code_like_words() {
        for w in [
            "--key-encryption-key",
            "key_vault_key_id",
            "unwrapKey",
            "CMK_ERROR",
            "keyVaultProperties.identity",
        ] {
            assert!(looks_like_code(w), "{w}");
        }
        for w in ["rotate", "CMK", "Premium", "key"] {
            assert!(!looks_like_code(w), "{w}");
        }
    }
}
