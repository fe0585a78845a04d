//! Full-text search over sections: the tantivy index, the question's concepts
//! ([`query`]), BM25F scoring over the index's postings ([`score`]), and the
//! relevance floor.
//!
//! The index is built in RAM at startup from a [`Corpus`] and never changes after.
//! Every hit also carries a *coverage*: the IDF-weighted share of the question's
//! concepts that the section holds itself. Coverage decides whether an answer is
//! confident: scoring alone always finds *something*, even for "how do I bake bread?".
//!
//! Each technique can be switched off through [`Tuning`], so the evaluation
//! (`acr-cmk-mcp eval --ablate`) can show what each one is worth.

pub mod answer;
mod asked;
mod az_commands;
mod decoded;
mod english_words;
pub mod explain;
pub mod extract;
mod known_phrases;
mod names;
mod query;
mod score;
mod sentence_cache;
pub mod tokenize;
mod typos;

use foldhash::{HashMap, HashSet};
use std::sync::Arc;

use tantivy::directory::{CompositeFile, RamDirectory};
use tantivy::index::SegmentComponent;
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy::{Index, IndexReader, ReloadPolicy, doc};

use decoded::{DECODE_UP_TO_TOKENS, DecodedPostings};
pub(crate) use query::Analyzed;
use query::SynonymPhrase;
use score::{CASE, ConceptBounds, FieldWeight, GroupSums, PROCEDURE, PRUNE_FROM_SECTIONS, RULE};
use sentence_cache::{SENTENCE_CACHE_BYTES, SentenceCache, SentenceTable};

use crate::azure::command::runs_az;
use crate::error::IndexError;
use crate::knowledge::{Corpus, IndexProse, Section};

/// Field weights and length normalization (BM25F). A section's own heading says most
/// about what it answers; the doc's title and description, shared by all its
/// sections, least.
const FIELDS: [(&str, f32, f32); 6] = [
    // (field, weight, b)
    ("title", 3.0, 0.3),
    ("headings", 0.5, 0.5),
    ("body", 1.0, 0.75),
    ("code", 1.0, 0.75),
    ("doc", 0.5, 0.5),
    // How users ask for what the section answers (`<!-- asked: -->`): words of the
    // section's own, weighed as its body is.
    ("asked", 1.0, 0.75),
];

// Scoring reads a zero factor as "not answered from" (see `FieldWeight`).
const _: () = {
    let mut i = 0;
    while i < FIELDS.len() {
        assert!(FIELDS[i].1 > 0.0, "every field weight is positive");
        i += 1;
    }
};

/// The bits of [`SearchIndex`]'s `scope` groups, one per front-matter list.
const COVERS: u32 = 1 << 0;
const NOT_COVERED: u32 = 1 << 1;
const ABOUT: u32 = 1 << 2;
const NOT_ABOUT: u32 = 1 << 3;
/// The scope's two levels, each (left out, kept): other products against the
/// covered ones, then the covered products' other parts against what the knowledge
/// treats.
const SCOPE_LEVELS: [(u32, u32); 2] = [(NOT_COVERED, COVERS), (NOT_ABOUT, ABOUT)];

/// Words that make the phrase after them a yardstick rather than the subject
/// ([`is_comparison`]).
const COMPARISON_WORDS: [&str; 6] = ["like", "unlike", "way", "same", "similar", "similarly"];

/// From this many sections on, the index and its term statistics are built on two
/// threads. Below it the statistics take a few milliseconds at most (the built-in
/// knowledge has about 300 sections), less than a thread's resident heap is worth.
const PARALLEL_BUILD_SECTIONS: usize = 2_000;

/// Which ranking techniques are on. All are on by default; the evaluation switches
/// them off one at a time to measure each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// Count a synonym group's phrases as one concept.
    pub synonyms: bool,
    /// Search code tokens whole in code blocks.
    pub code_tokens: bool,
    /// Correct unknown words of five letters or more to the nearest known word.
    pub typo_correction: bool,
    /// Rank doc intros below sections of equal score.
    pub intro_demotion: bool,
    /// Rank sections below equal ones when their headings name a qualifier the
    /// question does not, or miss one it asks about that most sections mention.
    pub qualifier_focus: bool,
    /// Prefer procedures for how-to questions and cases for problem reports.
    pub intent: bool,
    /// Score neighbouring question words found near each other.
    pub pairs: bool,
    /// Decide confidence by coverage; off means every answer with a hit is confident.
    pub relevance_floor: bool,
    /// Merge a hit with an adjacent hit of the same doc into one excerpt.
    pub merge_adjacent: bool,
    /// Also search a question of several sentences by the one that asks, and fuse.
    pub core_ask: bool,
    /// Search the ways users ask for each section (`<!-- asked: -->`). Off, the
    /// field is not searched; the term statistics still know its words.
    pub asked: bool,
    /// Answer a question about the subject as a whole from the skill's introduction.
    pub whole_subject: bool,
    /// Answer with confidence, from the case, a question that pastes the error text
    /// of the case it ranks first, or of one case when nothing else settles it.
    pub pasted_error: bool,
    /// Answer a post of several sentences that nothing else makes confident when its
    /// story, read as asked, covers the section it ranks first.
    pub story: bool,
    /// Prefer the sections one of whose asked lines holds a question of common words
    /// whole ([`asked`]).
    pub asked_whole: bool,
    /// Find an `az` command a question names as one phrase ([`az_commands`]).
    pub commands: bool,
    /// Find a name of capitalized words the knowledge writes ("Key Vault Crypto
    /// User") as one phrase ([`names`]).
    pub names: bool,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            synonyms: true,
            code_tokens: true,
            typo_correction: true,
            intro_demotion: true,
            qualifier_focus: true,
            intent: true,
            pairs: true,
            relevance_floor: true,
            merge_adjacent: true,
            core_ask: true,
            asked: true,
            whole_subject: true,
            pasted_error: true,
            story: true,
            asked_whole: true,
            commands: true,
            names: true,
        }
    }
}

impl Tuning {
    /// Each technique's name with the tuning that has only it switched off.
    pub fn ablations() -> Vec<(&'static str, Tuning)> {
        let all = Tuning::default();
        let off = |f: fn(&mut Tuning)| {
            let mut t = all;
            f(&mut t);
            t
        };
        vec![
            ("synonyms", off(|t| t.synonyms = false)),
            ("code_tokens", off(|t| t.code_tokens = false)),
            ("typo_correction", off(|t| t.typo_correction = false)),
            ("intro_demotion", off(|t| t.intro_demotion = false)),
            ("qualifier_focus", off(|t| t.qualifier_focus = false)),
            ("intent", off(|t| t.intent = false)),
            ("pairs", off(|t| t.pairs = false)),
            ("relevance_floor", off(|t| t.relevance_floor = false)),
            ("merge_adjacent", off(|t| t.merge_adjacent = false)),
            ("core_ask", off(|t| t.core_ask = false)),
            ("asked", off(|t| t.asked = false)),
            ("whole_subject", off(|t| t.whole_subject = false)),
            ("pasted_error", off(|t| t.pasted_error = false)),
            ("story", off(|t| t.story = false)),
            ("asked_whole", off(|t| t.asked_whole = false)),
            ("commands", off(|t| t.commands = false)),
            ("names", off(|t| t.names = false)),
        ]
    }
}

#[derive(Clone, Copy)]
struct Fields {
    title: Field,
    headings: Field,
    body: Field,
    code: Field,
    doc: Field,
    asked: Field,
}

impl Fields {
    fn by_name(&self, name: &str) -> Field {
        match name {
            "title" => self.title,
            "headings" => self.headings,
            "body" => self.body,
            "code" => self.code,
            "asked" => self.asked,
            _ => self.doc,
        }
    }
}

/// Which sections a search may return, by the kind of their doc. Scenario docs are
/// step templates for setup, not prose to answer from: no scope holds them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Reference sections and troubleshooting cases.
    All,
    /// Sections of `kind: troubleshooting` docs.
    Troubleshooting,
    /// Sections of every other doc.
    Reference,
}

/// A section's kind, from its doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Kind {
    Reference,
    Troubleshooting,
    Scenario,
}

impl Scope {
    fn admits(self, kind: Kind) -> bool {
        matches!(
            (self, kind),
            (Scope::All, Kind::Reference | Kind::Troubleshooting)
                | (Scope::Troubleshooting, Kind::Troubleshooting)
                | (Scope::Reference, Kind::Reference)
        )
    }
}

/// One search result: a section and how well it matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`Corpus::sections`].
    pub section: usize,
    /// The BM25F score, with the intro factor applied.
    pub score: f32,
    /// IDF-weighted share of the question's concepts the section holds, 0 to 1.
    pub coverage: f32,
}

/// A question concept for sentence scoring: the phrases that find it, each as the
/// term ids of its stems (see [`SearchIndex::stem_ids`]), and its weight.
#[derive(Debug, Clone)]
pub(crate) struct WeightedTerm {
    /// Every stem of every phrase, sorted.
    pub ids: Vec<u32>,
    pub phrases: Vec<Vec<u32>>,
    pub weight: f32,
}

impl WeightedTerm {
    /// Whether a text with these term ids (sorted) holds any stem of the concept:
    /// what scores a sentence. (Asking for whole phrases there lost more answers
    /// than it won, +29 −52 on the seen sets: a sentence under a heading that names
    /// the concept often says only part of it.)
    pub fn touched_by(&self, sorted: &[u32]) -> bool {
        self.ids.iter().any(|id| sorted.binary_search(id).is_ok())
    }

    /// Whether a text with these term ids (sorted) holds the concept: all the stems
    /// of one of its phrases. What a verdict is read from: a sentence that says
    /// "network settings" does not name "network rules", a firewall's other name.
    pub fn held_by(&self, sorted: &[u32]) -> bool {
        self.phrases
            .iter()
            .any(|p| p.iter().all(|id| sorted.binary_search(id).is_ok()))
    }
}

/// A search index over one corpus.
pub struct SearchIndex {
    en: TextAnalyzer,
    code: TextAnalyzer,
    /// What IDF estimates and typo correction know of the corpus's terms.
    stats: TermStats,
    /// Sections that are about the whole of something rather than one point of it: a
    /// doc's title section or the text before its first heading, and a table of
    /// contents. They rank below sections of the same score (`intro_demotion`).
    off_focus: Vec<bool>,
    /// The sections' asked lines, for a question of common words ([`asked`]).
    asked_lines: asked::AskedLines,
    /// Which of the readings of words askers use in another sense this knowledge can
    /// read ([`SearchIndex::known_readings`]).
    known_readings: Box<[bool]>,
    /// Sections that introduce a skill as a whole: the title section of its
    /// `SKILL.md`, or the text before that doc's first heading.
    skill_intro: Vec<bool>,
    kinds: Vec<Kind>,
    /// [`PROCEDURE`] and [`CASE`] marks of each section.
    flags: Vec<u8>,
    /// How many answerable sections carry each flag, indexed by the flag's value: the
    /// df of the intent pseudo-concepts.
    flag_counts: [usize; 8],
    /// Sections a question can be answered from (all but scenarios): the N of IDF.
    answerable: usize,
    prose_fields: Vec<FieldWeight>,
    /// The prose field of the `<!-- asked: -->` phrasings, for `Tuning::asked`.
    asked_field: Field,
    code_field: Option<FieldWeight>,
    /// The `az` command paths the knowledge runs ([`az_commands`]).
    az_commands: az_commands::AzCommands,
    /// The names of capitalized words the knowledge writes ([`names`]).
    names: names::Names,
    /// Synonym groups, each phrase prepared once.
    synonyms: Vec<Vec<SynonymPhrase>>,
    /// Each synonym group's concept, prepared once ([`query::group_concepts`]).
    group_concepts: Vec<query::Concept>,
    /// The stems each synonym group is found by as one side of a pair
    /// ([`query::group_pair_stems`]).
    group_pair_stems: Vec<Vec<(String, u32)>>,
    /// Each synonym phrase's (group, phrase) indexes by its first word, so that a
    /// question's words are matched against the phrases they can open only.
    synonym_starts: HashMap<String, Vec<(usize, usize)>>,
    /// The group of each synonym phrase, by its words joined with spaces.
    synonym_group_by_phrase: HashMap<String, usize>,
    /// Each section's sentences with their stems, built the first time a question
    /// needs them (see [`extract`]): a large corpus does not pay for them at startup,
    /// nor keep more of them than a budget.
    sentences: SentenceCache,
    /// The knowledge's scope at two levels, one group each ([`SCOPE_LEVELS`]): the
    /// subjects it covers and the neighbouring ones it does not (`covers`,
    /// `not_covered`), then what it treats within them and the parts it does not
    /// (`about`, `not_about`).
    scope: PhraseGroups,
    /// Each qualifier of the knowledge as the phrases that name it (its synonym
    /// group), and the qualifiers each section is narrowed to, as bits: those its own
    /// headings name, and its doc title's when the title names just one.
    qualifiers: PhraseGroups,
    /// What else names each qualifier in a command line (`--hsm-name`), by the same bits.
    qualifiers_in_commands: PhraseGroups,
    qualified: Vec<u32>,
    /// The qualifiers each section's headings name with its doc's title: all that
    /// the section is about.
    qualified_with_title: Vec<u32>,
    /// The qualifiers named in so many sections that they carry no information
    /// ([`query::IDF_FLOOR`]), as bits: only headings tell which sections are about
    /// them.
    diffuse_qualifiers: u32,
    /// The stems of [`query::AVAILABILITY_WORDS`].
    availability_stems: HashSet<String>,
    /// The term ids of [`query::NEED_WORDS`]' stems, sorted: how a question of need
    /// asks, which its verdict does not count as a concept a restriction leaves out.
    pub(crate) need_word_ids: Vec<u32>,
    /// The units of time ([`query::DURATION_UNITS`]) as one concept: the intent
    /// pseudo-concept of a "how long" question, found through the postings like any
    /// other, so no section is read for it when the index is built.
    duration_units: query::Concept,
    /// The skills' titles ("Azure Container Registry encryption with a customer-managed
    /// key"): what the knowledge is about as a whole.
    skill_titles: SkillTitles,
    /// Whether a question's common words are scored only for the sections that can
    /// still reach the best few (a large corpus: [`PRUNE_FROM_SECTIONS`]).
    prune: bool,
    /// What scoring each concept in full has shown, for pruning it later.
    concept_bounds: ConceptBounds,
    /// What each synonym group's phrases add to the sections they stand in, per group
    /// and by whether the `asked` field is scored ([`score::GroupSums`]).
    group_sums: Vec<GroupSums>,
    pub tuning: Tuning,
}

impl SearchIndex {
    /// Builds the index of `corpus` in memory, making each section's prose from its
    /// parts (parsed again where not kept) rather than taking what the corpus holds.
    pub fn build(corpus: &Corpus) -> Result<SearchIndex, IndexError> {
        SearchIndex::build_with(corpus, IndexProse::default())
    }

    /// Builds the index of `corpus` in memory, with the prose it handed over.
    pub fn build_with(corpus: &Corpus, prose: IndexProse) -> Result<SearchIndex, IndexError> {
        SearchIndex::build_in(corpus, prose, RamDirectory::create())
    }

    /// Builds the index of `corpus` in `directory` (memory, or a cache folder), with
    /// the prose the corpus handed over ([`Corpus::take_index_prose`]). Each piece is
    /// let go once the index and the term statistics have both read it.
    pub fn build_in(
        corpus: &Corpus,
        prose: IndexProse,
        directory: impl tantivy::Directory,
    ) -> Result<SearchIndex, IndexError> {
        let (schema, fields) = schema();
        // One segment written on this thread: no indexing threads, no merges, and doc
        // ids equal to section indexes, so a hit needs no stored-field lookup.
        let mut writer = Index::builder()
            .schema(schema)
            .tokenizers(tokenizers())
            .single_segment_index_writer(directory, writer_budget(corpus))?;
        // The index and the term statistics (coverage, IDF, typo vocabulary) are built
        // from the same sections on two threads: on a large corpus each is about half
        // of the work. A small one is built on this thread: a second thread gets a
        // heap arena of its own, a megabyte of resident memory kept for the process's
        // life to save a millisecond.
        let stats = if corpus.sections.len() < PARALLEL_BUILD_SECTIONS {
            write_sections(&mut writer, fields, corpus, prose.clone())?;
            TermStats::build(corpus, prose)
        } else {
            let (stats, written) = std::thread::scope(|scope| {
                let for_stats = prose.clone();
                let stats = scope.spawn(|| TermStats::build(corpus, for_stats));
                let written = write_sections(&mut writer, fields, corpus, prose);
                (stats.join(), written)
            });
            written?;
            stats.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let index = writer.finalize()?;
        SearchIndex::from_parts(corpus, index, stats)
    }

    /// Opens an index that [`SearchIndex::build_in`] wrote for `corpus`, with the term
    /// statistics it had ([`SearchIndex::term_stats`]).
    pub fn open(
        corpus: &Corpus,
        mut index: Index,
        stats: TermStats,
    ) -> Result<SearchIndex, IndexError> {
        let (expected, _) = schema();
        if index.schema() != expected {
            return Err(IndexError(tantivy::TantivyError::SchemaError(
                "the cached index has another schema".into(),
            )));
        }
        if stats.sections != corpus.sections.len() {
            return Err(IndexError(tantivy::TantivyError::InvalidArgument(
                "the cached term statistics are for another corpus".into(),
            )));
        }
        // Tokenizers are code, not data: an opened index has none until given them.
        index.set_tokenizers(tokenizers());
        SearchIndex::from_parts(corpus, index, stats)
    }

    /// The term statistics, for [`SearchIndex::open`] to be given again.
    pub fn term_stats(&self) -> &TermStats {
        &self.stats
    }

    fn from_parts(
        corpus: &Corpus,
        index: Index,
        stats: TermStats,
    ) -> Result<SearchIndex, IndexError> {
        let (_, fields) = schema();
        let mut en = tokenize::en_analyzer();
        let code = tokenize::code_analyzer();
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        let synonyms: Vec<Vec<SynonymPhrase>> = corpus
            .synonyms
            .iter()
            .map(|group| {
                group
                    .iter()
                    .filter_map(|p| SynonymPhrase::new(p, &mut en))
                    .collect()
            })
            .collect();
        let kinds: Vec<Kind> = corpus
            .sections
            .iter()
            .map(|s| {
                let d = corpus.doc_of(s);
                if d.is_scenario() {
                    Kind::Scenario
                } else if d.is_troubleshooting() {
                    Kind::Troubleshooting
                } else {
                    Kind::Reference
                }
            })
            .collect();
        let flags: Vec<u8> = corpus
            .sections
            .iter()
            .zip(&kinds)
            .map(|(s, k)| match k {
                Kind::Troubleshooting if s.level == 2 => CASE,
                Kind::Reference => {
                    (if holds_az_commands(s) { PROCEDURE } else { 0 })
                        | (if states_a_rule(s.title()) { RULE } else { 0 })
                }
                _ => 0,
            })
            .collect();
        let answerable = kinds.iter().filter(|k| **k != Kind::Scenario).count();
        // A corpus's postings are decoded whole or not at all: the bound is on them all.
        let tokens: u64 = (reader.searcher().segment_readers().iter())
            .flat_map(|seg| {
                FIELDS
                    .iter()
                    .map(|(name, ..)| seg.inverted_index(fields.by_name(name)))
            })
            .map(|inverted| inverted.map_or(0, |inv| inv.total_num_tokens()))
            .sum();
        let decode = tokens <= DECODE_UP_TO_TOKENS;
        // The segment's positions file, opened once for all fields.
        let positions = (reader.searcher().segment_readers().first())
            .and_then(|seg| seg.open_read(SegmentComponent::Positions).ok())
            .and_then(|file| CompositeFile::open(&file).ok());
        let weight = |name: &str| {
            let (_, w, b) = FIELDS
                .iter()
                .find(|(n, _, _)| *n == name)
                .copied()
                .expect("a field of FIELDS");
            let field = fields.by_name(name);
            field_weight(
                &reader,
                positions.as_ref(),
                field,
                (w, b),
                name != "doc",
                &kinds,
                decode,
            )
        };
        // Each qualifier (as many as there are bits) with its synonym group, if any.
        let qualifier_groups: Vec<(&String, Option<usize>)> = corpus
            .qualifiers
            .iter()
            .take(u32::BITS as usize)
            .map(|q| (q, corpus.synonyms.iter().position(|g| g.contains(q))))
            .collect();
        let qualifiers = PhraseGroups::new(qualifier_groups.iter().map(|&(q, group)| {
            group.map_or_else(|| vec![q.clone()], |g| corpus.synonyms[g].clone())
        }));
        let qualifiers_in_commands = PhraseGroups::new((0..qualifier_groups.len()).map(|i| {
            corpus
                .qualifier_in_commands
                .get(i)
                .cloned()
                .unwrap_or_default()
        }));
        // Every section of a doc shares its title: matched once a doc.
        let mut title_masks: Vec<Option<u32>> = vec![None; corpus.docs.len()];
        let mut qualified = Vec::with_capacity(corpus.sections.len());
        let mut qualified_with_title = Vec::with_capacity(corpus.sections.len());
        for s in &corpus.sections {
            let (own, title) = match &s.heading_path[..] {
                [title, own @ ..] if !own.is_empty() => (
                    qualifiers.mask(own.iter().map(String::as_str)),
                    *title_masks[s.doc]
                        .get_or_insert_with(|| qualifiers.mask(std::iter::once(title.as_str()))),
                ),
                all => (qualifiers.mask(all.iter().map(String::as_str)), 0),
            };
            // A section is narrowed by what its own headings name, and by its doc's
            // title when that names one qualifier: every section of a doc on Managed
            // HSM is about Managed HSM, headings or not. A title naming several
            // ("… in Terraform, Bicep and ARM templates") narrows none of them to one.
            let narrowing_title = if title.count_ones() == 1 { title } else { 0 };
            qualified.push(own | narrowing_title);
            qualified_with_title.push(own | title);
        }
        let flag_counts = std::array::from_fn(|flag| {
            flags
                .iter()
                .zip(&kinds)
                .filter(|(f, k)| usize::from(**f) & flag != 0 && **k != Kind::Scenario)
                .count()
        });
        let mut prose_fields = ["title", "headings", "body", "doc", "asked"]
            .map(weight)
            .to_vec();
        for f in &mut prose_fields {
            f.precompute_phrases(synonyms.iter().flatten().map(|p| &p.stems));
        }
        let mut synonym_starts: HashMap<String, Vec<(usize, usize)>> = HashMap::default();
        let mut synonym_group_by_phrase: HashMap<String, usize> = HashMap::default();
        for (g, group) in synonyms.iter().enumerate() {
            for (p, phrase) in group.iter().enumerate() {
                if let Some(first) = phrase.words.first() {
                    synonym_starts
                        .entry(first.clone())
                        .or_default()
                        .push((g, p));
                }
                synonym_group_by_phrase
                    .entry(phrase.words.join(" "))
                    .or_insert(g);
            }
        }
        let availability_stems = query::AVAILABILITY_WORDS
            .iter()
            .flat_map(|w| tokenize::tokens(&mut en, w))
            .collect();
        let need_word_ids = sorted_ids(
            query::NEED_WORDS
                .iter()
                .flat_map(|w| tokenize::tokens(&mut en, w))
                .filter_map(|stem| stats.term_ids.get(stem.as_str()).copied())
                .collect(),
        );
        let duration_units = query::Concept::any_of(
            query::DURATION_UNITS
                .iter()
                .flat_map(|w| tokenize::tokens(&mut en, w)),
        );
        let skill_titles = SkillTitles::new(
            corpus
                .docs
                .iter()
                .filter(|d| d.is_skill_entry())
                .map(|d| tokenize::tokens(&mut en, &d.title)),
            &stats,
        );
        let group_concepts = query::group_concepts(&synonyms, &stats);
        let group_count = group_concepts.len();
        let group_pair_stems = query::group_pair_stems(&group_concepts, &stats);
        let diffuse_qualifiers = qualifier_groups
            .iter()
            .enumerate()
            .filter(|(_, (q, group))| {
                let df = match group {
                    Some(g) => group_concepts[*g].estimated_df,
                    None => SynonymPhrase::new(q, &mut en)
                        .map_or(0, |p| query::phrase_df_estimate(&stats, &p.stems)),
                };
                query::idf(answerable as f32, df as f32) <= query::IDF_FLOOR
            })
            .fold(0, |mask, (i, _)| mask | 1 << i);
        let asked_lines = asked::AskedLines::build(corpus, &mut en, &stats);
        let known_readings = SearchIndex::known_readings(&mut en, &stats, &synonym_group_by_phrase);
        Ok(SearchIndex {
            asked_lines,
            known_readings,
            qualifiers,
            qualifiers_in_commands,
            qualified,
            qualified_with_title,
            diffuse_qualifiers,
            prose_fields,
            asked_field: fields.asked,
            synonym_starts,
            synonym_group_by_phrase,
            code_field: Some(weight("code")),
            az_commands: az_commands::AzCommands::build(
                corpus
                    .sections
                    .iter()
                    .zip(&kinds)
                    .map(|(s, k)| (s, *k != Kind::Scenario)),
            ),
            names: names::Names::build(
                corpus
                    .sections
                    .iter()
                    .zip(&kinds)
                    .map(|(s, k)| (corpus.markdown(s), *k != Kind::Scenario)),
                |word| tokenize::tokens(&mut en, word).is_empty(),
            ),
            en,
            code,
            stats,
            off_focus: corpus
                .sections
                .iter()
                .map(|s| s.level <= 1 || is_table_of_contents(s))
                .collect(),
            skill_intro: corpus
                .sections
                .iter()
                .map(|s| s.level <= 1 && corpus.doc_of(s).is_skill_entry())
                .collect(),
            availability_stems,
            need_word_ids,
            duration_units,
            skill_titles,
            kinds,
            flag_counts,
            flags,
            answerable,
            group_concepts,
            group_pair_stems,
            synonyms,
            sentences: SentenceCache::new(corpus.sections.len(), SENTENCE_CACHE_BYTES),
            // Group i is bit i: COVERS, NOT_COVERED, ABOUT, NOT_ABOUT.
            scope: PhraseGroups::new(
                [
                    &corpus.covers,
                    &corpus.not_covered,
                    &corpus.about,
                    &corpus.not_about,
                ]
                .into_iter()
                .cloned(),
            ),
            prune: answerable >= PRUNE_FROM_SECTIONS,
            concept_bounds: ConceptBounds::default(),
            group_sums: (0..group_count).map(|_| GroupSums::default()).collect(),
            tuning: Tuning::default(),
        })
    }

    /// The qualifiers `text` names, as bits.
    pub(crate) fn qualifiers_of(&self, text: &str) -> u32 {
        self.qualifiers.mask(std::iter::once(text))
    }

    /// The qualifiers a command line names, by name or by what names them in commands.
    pub(crate) fn qualifiers_of_command(&self, line: &str) -> u32 {
        self.qualifiers_of(line) | self.qualifiers_in_commands.mask(std::iter::once(line))
    }

    /// Whether `text` names something the knowledge says it leaves out: a subject
    /// it does not cover, or a part of a covered one it does not treat.
    pub(crate) fn names_left_out(&self, text: &str) -> bool {
        self.scope.mask(std::iter::once(text)) & (NOT_COVERED | NOT_ABOUT) != 0
    }

    /// Whether the question is about a subject the knowledge says it does not cover
    /// (and names none it does), or about a part of a covered subject it does not
    /// treat (and names nothing it does: "set up a webhook on our ACR" is about ACR,
    /// not about its keys). A post whose every asking sentence is about such a
    /// subject is too, whatever its story says: "we use the vault of our registry's
    /// CMK; does Azure SQL TDE need purge protection too?" asks about SQL.
    pub fn out_of_scope(&self, question: &str) -> bool {
        if !self.tuning.relevance_floor {
            return false;
        }
        // At one level: what it leaves out named, and nothing it keeps.
        let off =
            |named: u32, (left_out, kept): (u32, u32)| named & left_out != 0 && named & kept == 0;
        // A service that pushes or pulls images is the registry's client only where the
        // question is about the registry's key: "can App Service pull from ACR with a
        // managed identity?" is about App Service's access, not about CMK.
        let (all, not_clients) = self
            .scope
            .masks_except(std::iter::once(question), is_a_registry_client);
        let about_the_key = all & ABOUT != 0;
        let named = if about_the_key { not_clients } else { all };
        let client = |bit: u32, before: &[&str], after: &[&str]| {
            about_the_key && is_a_registry_client(bit, before, after)
        };
        if SCOPE_LEVELS.into_iter().any(|level| off(named, level)) {
            return true;
        }
        // Both named at a level: it depends on what is asked.
        let both: Vec<(u32, u32)> = SCOPE_LEVELS
            .into_iter()
            .filter(|&(left_out, kept)| named & left_out != 0 && named & kept != 0)
            .collect();
        if both.is_empty() {
            return false;
        }
        let segments = query::segments(question);
        let mut asked: Vec<&str> = segments
            .iter()
            .filter(|(role, _)| *role == query::Role::Ask)
            .map(|(_, text)| text.as_str())
            .collect();
        // A request in words that ask nothing ("turn on BitLocker for…") is asked
        // by all of it.
        if asked.is_empty() {
            asked = segments.iter().map(|(_, text)| text.as_str()).collect();
        }
        // An asking sentence is about what it leaves out when the first of the two it
        // names is the left-out one: "turn on BitLocker for the agents that push to
        // our CMK registry" asks about BitLocker, the registry only says which
        // agents. A kept subject named as the yardstick ("the way ACR does", "like
        // for the registry") is not what it asks about. A sentence that names
        // neither ("Does the workspace work the same way?") asks about what the
        // others do; it cannot keep the post in scope on its own. When every asking
        // sentence names neither, the story decides (below).
        let asks_about = |text: &str, (left_out, kept): (u32, u32)| {
            self.scope
                .first_named_except(text, left_out | kept, |bit, before, after| {
                    bit & kept != 0 && is_comparison(before) || client(bit, before, after)
                })
        };
        !asked.is_empty()
            && both.into_iter().any(|level| {
                let (left_out, kept) = level;
                let mut about: Vec<Option<u32>> =
                    asked.iter().map(|t| asks_about(t, level)).collect();
                // Asking sentences that all name neither ("Does it need purge
                // protection too?") ask about what the story names nearest before
                // them, or else nearest after: not its first subject, which is often
                // only where the images come from ("we push from GitHub Actions").
                if about.iter().all(Option::is_none) {
                    let ask = segments
                        .iter()
                        .position(|(role, _)| *role == query::Role::Ask)
                        .unwrap_or(segments.len());
                    about = vec![
                        (0..ask)
                            .rev()
                            .chain(ask..segments.len())
                            .find_map(|i| asks_about(&segments[i].1, level)),
                    ];
                }
                about.iter().flatten().any(|bit| bit & left_out != 0)
                    && !about.iter().flatten().any(|bit| bit & kept != 0)
            })
    }

    /// The best `limit` sections for `query`, best first; ties go to the earlier
    /// section so results are reproducible.
    pub fn search(&self, query: &str, limit: usize, scope: Scope) -> Vec<Hit> {
        self.search_analyzed(&self.analyze(query), limit, scope)
    }

    /// [`SearchIndex::search`] for a question already analyzed (so a caller that
    /// searches twice, or also scores sentences, analyzes it once), within `scope`.
    pub(crate) fn search_analyzed(
        &self,
        analyzed: &Analyzed,
        limit: usize,
        scope: Scope,
    ) -> Vec<Hit> {
        if analyzed.is_empty() {
            return Vec::new();
        }
        let mut hits = self.score(analyzed, scope, limit);
        if !self.tuning.relevance_floor {
            for h in &mut hits {
                h.coverage = 1.0;
            }
        }
        hits
    }

    /// For a diagnosis, in one scoring pass: every troubleshooting section that
    /// matches, in no particular order, and the best `references` reference sections
    /// that cover the question at `min_coverage` or more, best first.
    pub(crate) fn search_cases_and_references(
        &self,
        analyzed: &Analyzed,
        references: usize,
        min_coverage: f32,
    ) -> (Vec<Hit>, Vec<Hit>) {
        if analyzed.is_empty() {
            return (Vec::new(), Vec::new());
        }
        let floor = self.tuning.relevance_floor;
        let keep = |h: &Hit| match self.kinds[h.section] {
            Kind::Troubleshooting => true,
            Kind::Reference => !floor || h.coverage >= min_coverage,
            Kind::Scenario => false,
        };
        // Without the floor every reference counts, whatever its coverage.
        let wanted = score::Wanted::CasesAndReferences {
            references,
            min_coverage: if floor { min_coverage } else { 0.0 },
        };
        let mut hits = self.score_where(analyzed, Scope::All, wanted, false, &keep);
        if !floor {
            for h in &mut hits {
                h.coverage = 1.0;
            }
        }
        let (mut reference, cases): (Vec<Hit>, Vec<Hit>) = hits
            .into_iter()
            .partition(|h| self.kinds[h.section] == Kind::Reference);
        reference.sort_by(score::by_rank);
        reference.truncate(references);
        (cases, reference)
    }

    /// The question's concepts with their weights and stems, for sentence scoring.
    pub(crate) fn weighted_terms(&self, a: &Analyzed) -> Vec<WeightedTerm> {
        let n = self.answerable as f32;
        // An answer answers what is asked: context only where nothing else is.
        let asked = a
            .concepts
            .iter()
            .any(|c| c.weight >= 1.0 && query::idf(n, c.estimated_df as f32) > query::IDF_FLOOR);
        a.concepts
            .iter()
            .filter(|c| !asked || c.weight >= 1.0)
            .chain(&a.form)
            .map(|c| WeightedTerm {
                // Sorted and deduplicated as ids: no strings copied to do it first.
                ids: self.ids_of(c.phrases.iter().flatten().map(|(stem, _)| stem.as_str())),
                // A phrase with a stem no sentence holds can be in none.
                phrases: c
                    .phrases
                    .iter()
                    .filter_map(|p| self.stats.phrase_ids(p).map(sorted_ids))
                    .filter(|p| !p.is_empty())
                    .collect(),
                weight: query::idf(n, c.estimated_df as f32),
            })
            .collect()
    }

    /// The term ids of the stems of `text` (prose analyzer), sorted, without repeats.
    /// Sentence scoring compares ids, not strings: it was most of an extraction's
    /// time. A stem the term statistics do not know has no id and is left out; no
    /// sentence can hold it, since the statistics read the prose of every section
    /// answers are drawn from.
    pub(crate) fn stem_ids(&self, text: &str) -> Vec<u32> {
        let mut stems = Vec::new();
        tokenize::for_each_token(&mut self.en.clone(), text, |stem| {
            stems.extend(self.stats.term_ids.get(stem));
        });
        let mut ids = sorted_ids(stems);
        // Kept in a sentence table for the process's life: no room for repeats.
        ids.shrink_to_fit();
        ids
    }

    /// The term ids of `stems`, sorted, without repeats (see [`SearchIndex::stem_ids`]).
    fn ids_of<'a>(&self, stems: impl Iterator<Item = &'a str>) -> Vec<u32> {
        sorted_ids(
            stems
                .filter_map(|stem| self.stats.term_ids.get(stem).copied())
                .collect(),
        )
    }

    /// The sentences of `section` with their stems, built on first use.
    pub(crate) fn sentences(&self, corpus: &Corpus, section: usize) -> SentenceTable<'_> {
        self.sentences.get(section, || {
            extract::SectionSentences::build(self, corpus, section)
        })
    }
}

/// `ids` sorted, without repeats: sentence scoring finds a term by binary search.
fn sorted_ids(mut ids: Vec<u32>) -> Vec<u32> {
    ids.sort_unstable();
    ids.dedup();
    ids
}

/// The skills' titles as term ids, each found by its stems' places: whether a phrase
/// stands in some title is a lookup, not a scan of every title (a tree of 10,000
/// one-doc skills has 10,000 of them, and every question asks).
struct SkillTitles {
    titles: Vec<Vec<u32>>,
    /// Each stem's (title, position) places.
    places: HashMap<u32, Vec<(u32, u32)>>,
}

impl SkillTitles {
    fn new(titles: impl Iterator<Item = Vec<String>>, stats: &TermStats) -> SkillTitles {
        let titles: Vec<Vec<u32>> = titles
            .map(|stems| {
                // Titles are indexed (a doc's title heads each section's path), so
                // the statistics know every stem; one they do not is left out.
                stems
                    .iter()
                    .filter_map(|s| stats.term_ids.get(s.as_str()).copied())
                    .collect()
            })
            .collect();
        let mut places: HashMap<u32, Vec<(u32, u32)>> = HashMap::default();
        for (t, title) in titles.iter().enumerate() {
            for (at, &id) in title.iter().enumerate() {
                places.entry(id).or_default().push((t as u32, at as u32));
            }
        }
        SkillTitles { titles, places }
    }

    /// Whether some title holds `phrase`'s stems one after another.
    fn hold(&self, phrase: &query::Phrase, stats: &TermStats) -> bool {
        let Some(ids) = stats.phrase_ids(phrase) else {
            return false;
        };
        let Some(first) = ids.first() else {
            return false;
        };
        self.places.get(first).is_some_and(|places| {
            places.iter().any(|&(t, at)| {
                self.titles[t as usize]
                    .get(at as usize..at as usize + ids.len())
                    .is_some_and(|run| run == ids.as_slice())
            })
        })
    }
}

/// Whether a section is a table of contents: a list of at least three items, each
/// linking to a doc of the knowledge, and nothing else. It names every subject in a
/// few words, so it matches any question and answers none.
fn is_table_of_contents(section: &Section) -> bool {
    let Some(items) = section.list_items else {
        return false;
    };
    let doc_links = section
        .links
        .iter()
        .filter(|(target, _)| {
            let path = target.split('#').next().unwrap_or("");
            path.ends_with(".md") && !path.contains("://")
        })
        .count();
    items >= 3 && doc_links >= items
}

/// Whether a section holds an `az` command: a procedure to follow.
fn holds_az_commands(section: &Section) -> bool {
    section.code.iter().any(|c| {
        matches!(c.lang.as_str(), "bash" | "sh" | "shell" | "azurecli" | "")
            && c.code.lines().any(|l| runs_az(l.trim_start()))
    })
}

/// Whether a heading states a rule ("CMK cannot be disabled", "RSA-HSM keys need a
/// Premium key vault"): the kind of section that settles a yes/no question.
fn states_a_rule(title: &str) -> bool {
    const RULE_WORDS: &[&str] = &[
        "cannot",
        "can't",
        "not",
        "no",
        "only",
        "must",
        "required",
        "requires",
        "require",
        "need",
        "needs",
        "supported",
        "unsupported",
        "never",
        "always",
        "irreversible",
        "permanent",
    ];
    // A parenthetical is an aside about the section ("(not in the ACR docs)"), not
    // the rule it states.
    query::without_asides(title)
        .to_lowercase()
        .split(|c: char| !(c.is_alphanumeric() || c == '\''))
        .any(|w| RULE_WORDS.contains(&w))
}

/// A field's postings and per-section BM25F factors, from the index's one segment, with
/// the field's weight and length normalization `b` (see `FIELDS`).
fn field_weight(
    reader: &IndexReader,
    positions: Option<&CompositeFile>,
    field: Field,
    (weight, b): (f32, f32),
    own: bool,
    kinds: &[Kind],
    decode: bool,
) -> FieldWeight {
    let searcher = reader.searcher();
    let segment = searcher.segment_readers().first();
    let lengths: Vec<f32> = segment
        .and_then(|seg| seg.get_fieldnorms_reader(field).ok())
        .map(|norms| {
            (0..segment.map_or(0, |seg| seg.max_doc()))
                .map(|d| norms.fieldnorm(d) as f32)
                .collect()
        })
        .unwrap_or_default();
    let average = (lengths.iter().sum::<f32>() / lengths.len().max(1) as f32).max(1.0);
    let inverted = segment.and_then(|seg| seg.inverted_index(field).ok());
    let decoded = inverted
        .as_ref()
        .filter(|_| decode)
        .and_then(|inv| DecodedPostings::decode(inv))
        .map(Arc::new);
    // A corpus too large to decode reads a pair's positions itself (see
    // `score::BlockCursor`). The slice is only a handle, kept for a decoded field too,
    // so that a test can drop the decoded postings and read the blocks instead.
    let positions = positions.and_then(|composite| composite.open_read(field));
    FieldWeight {
        field,
        own,
        inverted,
        decoded,
        positions,
        // Scenario steps are not answered from: they neither score nor count in IDF.
        per_occurrence: lengths
            .iter()
            .zip(kinds)
            .map(|(len, kind)| match kind {
                Kind::Scenario => 0.0,
                _ => weight / (1.0 - b + b * len / average).max(0.1),
            })
            .collect(),
        phrase_matches: HashMap::default(),
    }
}

/// What coverage, IDF and typo correction need to know of the corpus's terms. Plain
/// data, so an index cache can keep it beside the tantivy segment.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct TermStats {
    /// How many sections the statistics were built from (a check on a cached copy).
    sections: usize,
    /// Id of each stemmed term of the corpus.
    term_ids: HashMap<String, u32>,
    /// In how many answerable sections each term (by id) occurs, over every field.
    doc_freq: Vec<u32>,
    /// Words of the corpus as written, for correcting typos.
    vocabulary: typos::Vocabulary,
}

/// The index's fields, the same for every index this program writes or opens.
fn schema() -> (Schema, Fields) {
    let mut schema = Schema::builder();
    let text = |tokenizer: &str| {
        TextOptions::default().set_indexing_options(
            TextFieldIndexing::default()
                .set_tokenizer(tokenizer)
                .set_index_option(IndexRecordOption::WithFreqsAndPositions),
        )
    };
    let fields = Fields {
        title: schema.add_text_field("title", text(tokenize::EN)),
        headings: schema.add_text_field("headings", text(tokenize::EN)),
        body: schema.add_text_field("body", text(tokenize::EN)),
        code: schema.add_text_field("code", text(tokenize::CODE)),
        doc: schema.add_text_field("doc", text(tokenize::EN)),
        asked: schema.add_text_field("asked", text(tokenize::EN)),
    };
    (schema.build(), fields)
}

fn tokenizers() -> TokenizerManager {
    let tokenizers = TokenizerManager::default();
    tokenizers.register(tokenize::EN, tokenize::en_analyzer());
    tokenizers.register(tokenize::CODE, tokenize::code_analyzer());
    tokenizers
}

impl TermStats {
    /// The term ids of `phrase`'s stems in order, or `None` when one is unknown: then
    /// no text the statistics read holds the phrase.
    fn phrase_ids(&self, phrase: &query::Phrase) -> Option<Vec<u32>> {
        phrase
            .iter()
            .map(|(stem, _)| self.term_ids.get(stem.as_str()).copied())
            .collect()
    }

    /// In how many sections `stem` occurs, if in any.
    fn doc_freq_of(&self, stem: &str) -> Option<u32> {
        self.term_ids
            .get(stem)
            .map(|&id| self.doc_freq[id as usize])
            .filter(|&df| df > 0)
    }

    fn build(corpus: &Corpus, prose: IndexProse) -> TermStats {
        let mut en = tokenize::en_analyzer();
        let mut term_ids: HashMap<String, u32> = HashMap::default();
        let mut doc_freq: Vec<u32> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut vocabulary = typos::VocabularyBuilder::default();
        for (s, prose) in corpus.sections.iter().zip(prose.for_sections(corpus)) {
            // Scenario steps are not answered from, so they do not count.
            if corpus.doc_of(s).is_scenario() {
                continue;
            }
            let headings = s.heading_path.join(" / ");
            ids.clear();
            let code = s.code.iter().map(|c| c.code.as_str());
            let prose = prose.text();
            let asked = s.asked.iter().map(String::as_str);
            for text in [headings.as_str(), &prose]
                .into_iter()
                .chain(code)
                .chain(asked)
            {
                tokenize::for_each_token(&mut en, text, |t| {
                    let id = match term_ids.get(t) {
                        Some(&id) => id,
                        None => {
                            let id = doc_freq.len() as u32;
                            term_ids.insert(t.to_string(), id);
                            doc_freq.push(0);
                            id
                        }
                    };
                    ids.push(id);
                });
            }
            ids.sort_unstable();
            ids.dedup();
            for &id in &ids {
                doc_freq[id as usize] += 1;
            }
            vocabulary.add_text(&headings);
            vocabulary.add_text(&prose);
            for asked in &s.asked {
                vocabulary.add_text(asked);
            }
        }
        TermStats {
            sections: corpus.sections.len(),
            term_ids,
            doc_freq,
            vocabulary: vocabulary.finish(),
        }
    }
}

/// Adds every section to the index, in order, so doc ids are section indexes.
fn write_sections(
    writer: &mut tantivy::SingleSegmentIndexWriter,
    fields: Fields,
    corpus: &Corpus,
    prose: IndexProse,
) -> Result<(), IndexError> {
    for (s, prose) in corpus.sections.iter().zip(prose.for_sections(corpus)) {
        // A prose buffer is freed inside the heap once the index and the term
        // statistics have both passed it, and glibc keeps it resident unless asked:
        // asked every few thousand sections, the freed buffers go back to the system
        // while tantivy's grow (at 10,000 docs the peak is 50 MB lower). A corpus
        // small enough to be built on one thread frees nothing here.
        if prose.at() % 4096 == 4095 {
            crate::heap::release_free();
        }
        let d = corpus.doc_of(s);
        let code_text = s
            .code
            .iter()
            .map(|c| c.code.as_str())
            .collect::<Vec<_>>()
            .join("\n");
        let doc_text = format!(
            "{} {}",
            d.title,
            d.front.description.as_deref().unwrap_or("")
        );
        let mut document = doc!(
            fields.title => s.title().to_string(),
            fields.headings => s.heading_path.join(" / "),
            fields.body => prose.text().into_owned(),
            fields.code => code_text,
            fields.doc => doc_text,
        );
        // One value each: tantivy leaves a position between values, so no phrase of
        // neighbouring words runs from one way of asking into the next.
        for asked in &s.asked {
            document.add_text(fields.asked, asked);
        }
        writer.add_document(document)?;
    }
    Ok(())
}

/// The indexing memory budget. One segment never flushes, so the budget only sizes
/// the writer's initial term table (a third of it, zeroed up front): a fixed 15 MB
/// cost the embedded knowledge a third of its peak memory for a table it never
/// fills, while a large corpus gains from starting big.
fn writer_budget(corpus: &Corpus) -> usize {
    let text: usize = corpus
        .sections
        .iter()
        .map(|s| corpus.markdown(s).len())
        .sum();
    (text * 3).clamp(1_000_000, 50_000_000)
}

/// Up to 32 groups of phrases, each phrase found in a text as whole words, in any
/// case, whatever punctuation lies between them (the qualifiers, each named by its
/// synonym group; the covered subjects; the not-covered ones). Matched word by word,
/// not by substring search over the text: at 10,000 docs every section's headings
/// are matched when the index opens.
struct PhraseGroups {
    /// Each phrase's words after its first, with its group's bit, by first word.
    by_first_word: HashMap<String, Vec<(Vec<String>, u32)>>,
}

impl PhraseGroups {
    /// Group `i` is named by any of the phrases `groups` yields `i`th.
    fn new(groups: impl Iterator<Item = Vec<String>>) -> PhraseGroups {
        let mut by_first_word: HashMap<String, Vec<(Vec<String>, u32)>> = HashMap::default();
        for (i, phrases) in groups.enumerate() {
            for phrase in phrases {
                let mut words = words_of(&phrase.to_lowercase())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
                    .into_iter();
                if let Some(first) = words.next() {
                    by_first_word
                        .entry(first)
                        .or_default()
                        .push((words.collect(), 1 << i));
                }
            }
        }
        PhraseGroups { by_first_word }
    }

    /// Bit `i` is set when `texts`, read one after another, name group `i`.
    fn mask<'a>(&self, texts: impl Iterator<Item = &'a str>) -> u32 {
        self.masks_except(texts, |_, _, _| false).0
    }

    /// [`PhraseGroups::mask`], and the same passing over the phrases `skip` rejects
    /// (given the phrase's bit and the words before and after it), in one reading.
    fn masks_except<'a>(
        &self,
        texts: impl Iterator<Item = &'a str>,
        skip: impl Fn(u32, &[&str], &[&str]) -> bool,
    ) -> (u32, u32) {
        let (mut all, mut kept) = (0, 0);
        self.each_named(texts, |bit, before, after| {
            all |= bit;
            if !skip(bit, before, after) {
                kept |= bit;
            }
        });
        (all, kept)
    }

    /// The bit of the first group among `among` that `text` names, passing over the
    /// phrases `skip` rejects (given the phrase's bit and the words before and after
    /// it).
    fn first_named_except(
        &self,
        text: &str,
        among: u32,
        skip: impl Fn(u32, &[&str], &[&str]) -> bool,
    ) -> Option<u32> {
        let mut first = None;
        self.each_named(std::iter::once(text), |bit, before, after| {
            if first.is_none() && bit & among != 0 && !skip(bit, before, after) {
                first = Some(bit);
            }
        });
        first
    }

    /// Calls `named` with the bit of each phrase `texts` name, in the order the
    /// words come, the words before it and the words after it.
    fn each_named<'a>(
        &self,
        texts: impl Iterator<Item = &'a str>,
        mut named: impl FnMut(u32, &[&str], &[&str]),
    ) {
        if self.by_first_word.is_empty() {
            return;
        }
        let lower: Vec<String> = texts.map(str::to_lowercase).collect();
        let words: Vec<&str> = lower.iter().flat_map(|t| words_of(t)).collect();
        for (at, word) in words.iter().enumerate() {
            for (rest, bit) in self.by_first_word.get(*word).into_iter().flatten() {
                let following = &words[at + 1..];
                if following.len() >= rest.len() && rest.iter().zip(following).all(|(a, b)| a == b)
                {
                    named(*bit, &words[..at], &following[rest.len()..]);
                }
            }
        }
    }
}

/// Whether a phrase after `before` is named as a yardstick: "the way the
/// registry's key does", "like for the registry", "the same role as for our CMK
/// registry". Looks at the three words before it.
fn is_comparison(before: &[&str]) -> bool {
    let near = &before[before.len().saturating_sub(3)..];
    near.iter().any(|w| COMPARISON_WORDS.contains(w))
        || near
            .windows(2)
            .any(|pair| pair[0] == "as" && ["for", "with", "on", "in"].contains(&pair[1]))
}

/// Whether a subject the knowledge does not cover is named as where images come
/// from or go, a few words from a push, a pull or an import ("we push from GitHub
/// Actions", "our App Service can't pull from crshop", "images we import from
/// Docker Hub"): the registry's client, which says whose pulls fail, not what the
/// question is about. How to encrypt that service with a key of its own is still
/// its own subject.
fn is_a_registry_client(bit: u32, before: &[&str], after: &[&str]) -> bool {
    // Counted in words as split here, where "can't" is two: "App Service can't even
    // pull" reaches its pull at the fourth.
    const NEAR: usize = 4;
    let moves = |w: &&str| IMAGE_MOVES.contains(w);
    bit == NOT_COVERED
        && (before[before.len().saturating_sub(NEAR)..]
            .iter()
            .any(moves)
            || after.iter().take(NEAR).any(moves))
}

/// Words that move images to or from a registry ([`is_a_registry_client`]).
const IMAGE_MOVES: [&str; 12] = [
    "push",
    "pushes",
    "pushed",
    "pushing",
    "pull",
    "pulls",
    "pulled",
    "pulling",
    "import",
    "imports",
    "imported",
    "importing",
];

/// The words of lowercased `text` as [`query::normalize`] sees them.
fn words_of(text: &str) -> impl DoubleEndedIterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

#[cfg(test)]
mod tests {
    use super::{PhraseGroups, Scope, SearchIndex, is_table_of_contents, states_a_rule};
    use crate::knowledge::Corpus;

    #[test]
    fn qualifiers_are_found_as_whole_words_across_headings() {
        let q = PhraseGroups::new(
            [
                vec!["managed hsm".to_string(), "mhsm".to_string()],
                vec!["Terraform".to_string()],
            ]
            .into_iter(),
        );
        assert_eq!(q.mask(["Rotate a Managed-HSM key"].into_iter()), 0b01);
        assert_eq!(
            q.mask(["Keys in a managed", "HSM: rotation"].into_iter()),
            0b01
        );
        assert_eq!(q.mask(["terraform and mhsm"].into_iter()), 0b11);
        assert_eq!(q.mask(["terraformed managed hsms"].into_iter()), 0);
    }

    #[test]
    fn a_list_of_links_to_docs_is_a_table_of_contents() {
        let corpus = Corpus::from_texts([(
            "s",
            "SKILL.md",
            "# S\n\n## Reference docs\n\n- [Rotation](references/rotation.md): versionless keys.\n\
             - [Access](references/access.md#roles): the role.\n- [Setup](references/setup.md): steps.\n\n\
             ## Rotate the key\n\n- Create a new version.\n- See [setup](references/setup.md).\n\
             - Run `az acr encryption rotate-key`.\n",
        )]);
        let toc = |title: &str| {
            is_table_of_contents(corpus.sections.iter().find(|s| s.title() == title).unwrap())
        };
        assert!(toc("Reference docs"));
        assert!(!toc("Rotate the key"));
    }

    #[test]
    fn a_title_states_a_rule_outside_its_asides() {
        assert!(states_a_rule("CMK cannot be disabled after it is enabled"));
        assert!(states_a_rule("RSA-HSM keys need a Premium key vault"));
        assert!(!states_a_rule(
            "Disabling the key instead (a Key Vault option, not in the ACR docs)"
        ));
        assert!(!states_a_rule("Rotate the key in the Azure portal"));
    }

    #[test]
    fn a_question_about_the_subject_itself_goes_to_the_skill_introduction() {
        let corpus = Corpus::from_texts([
            (
                "w",
                "SKILL.md",
                "# Widget frobnication\n\nThe service supports frobnicating widgets on the \
                 Gold plan.\n\n## Widget frobnication needs the Gold plan\n\nFrobnicating a \
                 widget needs the Gold plan.\n",
            ),
            (
                "w",
                "references/sizes.md",
                "# Widget sizes\n\n## Supported widget sizes\n\nSmall and large widgets are \
                 supported for frobnication.\n\n## Frobnication speed\n\nA widget is \
                 frobnicated in a second.\n",
            ),
        ]);
        let mut index = SearchIndex::build(&corpus).unwrap();
        let first = |index: &SearchIndex, q: &str| {
            let hits = index.search(q, 3, Scope::All);
            corpus.sections[hits[0].section].title().to_string()
        };
        // Every word it asks is the skill's title, or whether that is to be had.
        for q in [
            "Is widget frobnication supported?",
            "what is widget frobnication",
        ] {
            assert_eq!(first(&index, q), "Widget frobnication", "{q}");
        }
        // A word the title does not hold makes it a question about a part.
        assert_eq!(
            first(&index, "Which widget sizes are supported?"),
            "Supported widget sizes"
        );
        // "Supported" alone decides without the rule.
        index.tuning.whole_subject = false;
        assert_eq!(
            first(&index, "Is widget frobnication supported?"),
            "Supported widget sizes"
        );
    }

    #[test]
    fn a_request_that_names_a_left_out_subject_first_is_about_it() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        for q in [
            // Left out named first; the registry only says which agents.
            "turn on bitlocker for the windows build agents that push images to our cmk registry",
            "docker login to our encrypted acr keeps asking for a password, which credentials do i use",
            // Nothing covered named at all.
            "Does Azure Storage support customer managed keys?",
            // One asking sentence about the left-out subject, the other naming
            // neither: the second asks about the first one's subject.
            "Our Elastic SAN holds build caches next to our CMK registry. Can an \
             Elastic SAN volume group get a customer-managed key after it exists? \
             Does it pick up new key versions by itself?",
            // The registry named first, but as the yardstick.
            "Like for our registry, does the Kafka cluster on HDInsight need purge \
             protection on its vault?",
            // No asking sentence names either: the story's sentence nearest before
            // the ask is about the left-out subject.
            "Our CMK registry's key lives in kv-platform. We now want a customer-managed \
             key on our PostgreSQL flexible server from that same vault. Does it need \
             purge protection too?",
        ] {
            assert!(index.out_of_scope(q), "{q}");
        }
        for q in [
            // The registry first: a question about it that mentions the other.
            "can our cmk registry use the same key vault as our cosmos db account",
            "How do I rotate the customer-managed key?",
            // A sentence that names neither cannot put the post out of scope alone.
            "We also run an Elastic SAN. How do I rotate the key of our CMK registry? \
             Does it pick up new key versions by itself?",
            // No asking sentence names either, and the story's first subject is only
            // where the images come from: the sentence nearest the ask decides.
            "We push images from GitHub Actions to our CMK registry. Someone deleted \
             the vault that holds the registry's key yesterday. How do we bring it back?",
        ] {
            assert!(!index.out_of_scope(q), "{q}");
        }
    }

    #[test]
    fn asking_sentences_about_unknown_words_are_not_answered_for_their_story() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let confident =
            |q: &str| super::answer::answer(&corpus, &index, q, 3, 2_500, &Vec::new).confident;
        // The story names the registry's key, vault, identity and role, enough to
        // keep the whole question's unknown share under the floor; what is asked is
        // about another product's plugin.
        let grafana = "Our images come from a Premium registry encrypted with a \
                       customer-managed key, its user-assigned identity holding the service \
                       encryption role on kv-platform. The monitoring team now runs Grafana \
                       on a VM and wants its datasource passwords kept in kv-platform as \
                       well, read through the VM's managed identity. Which Grafana \
                       provisioning plugin reads Key Vault secrets, and can it share the \
                       registry's role?";
        let analyzed = index.analyze(grafana);
        assert!(analyzed.unknown_share() <= super::answer::MAX_UNKNOWN_SHARE);
        assert!(super::answer::asks_unknown(
            &index,
            &super::query::segments(grafana)
        ));
        assert!(!confident(grafana));
        for q in [
            // One word the knowledge never uses is too little to tell.
            "We moved the registry to a user-assigned identity last week. Is that \
             harmless for the key rotation we scheduled?",
            // One sentence: judged whole, by its unknown share.
            "How do I rotate the customer-managed key?",
            // Nothing asks in words: the story is what is asked, and the whole
            // question is judged.
            "Our registry's key vault was deleted yesterday by a cleanup job. Pulls \
             from the registry fail since then.",
        ] {
            assert!(
                !super::answer::asks_unknown(&index, &super::query::segments(q)),
                "{q}"
            );
        }
        assert!(confident(
            "We moved the registry to a user-assigned identity last week. Is that \
             harmless for the key rotation we scheduled?"
        ));
    }

    #[test]
    fn a_product_the_story_and_the_ask_both_name_is_what_is_asked_about() {
        let corpus = Corpus::load(&crate::knowledge::LoadOptions::default());
        let index = SearchIndex::build(&corpus).unwrap();
        let confident =
            |q: &str| super::answer::answer(&corpus, &index, q, 3, 2_500, &Vec::new).confident;
        let names = |q: &str| index.asks_about_unknown_name(&super::query::segments(q));
        // One unknown word in the asking sentence, but written as a name, and the
        // story is about it: the registry and its key are only the setting.
        let buildkite = "Our release pipeline runs on Buildkite agents that push to our \
                         registry, which is encrypted with a customer-managed key from Key \
                         Vault. The agents sign their artifacts with a key kept in a file on \
                         each host. How do we move the Buildkite signing key into the key \
                         vault and rotate it?";
        assert!(names(buildkite));
        assert!(!confident(buildkite));
        // Named only where it asks, it may be a passing aside; a month dates the
        // story; an acronym in capitals as often names a term as a product; the
        // first word of a sentence is capitalized anyway.
        let august = "The registry identity was detached from the registry in August. \
                      Since then every pull from the registry fails with 403. Could the \
                      detach in August be the cause, and how do we restore access?";
        for q in [
            "Our registry is encrypted with a customer-managed key from Key Vault. Can \
             Buildkite rotate the key for us?",
            august,
            "Our IAM team hands out role assignments on the vault. Can the IAM team give \
             the registry identity its key role?",
            "Buildkite pushes to our registry. Buildkite fails since the key was rotated: \
             why?",
        ] {
            assert!(!names(q), "{q}");
        }
        assert!(confident(august));
    }
}
