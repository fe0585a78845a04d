//! Full-text search over sections: the tantivy index, query building and the
//! relevance floor.
//!
//! The index is built in RAM at startup from a [`Corpus`] and never changes after.
//! Queries are built term by term rather than parsed, so any text a user types is a
//! valid query. Besides tantivy's BM25 score, every hit carries a *coverage*: the
//! IDF-weighted share of the question's terms that the section contains (directly,
//! through a synonym, or through a typo correction). Coverage is what decides whether
//! an answer is confident: BM25 alone always finds *something*, even for "how do I
//! bake bread?".
//!
//! Each ranking technique can be switched off through [`Tuning`], so the evaluation
//! (`acr-cmk-mcp eval --ablate`) can show what each one is worth.

pub mod answer;
pub mod extract;
pub mod tokenize;
mod typos;

use std::collections::{HashMap, HashSet};

use tantivy::directory::RamDirectory;
use tantivy::query::{
    BooleanQuery, BoostQuery, ConstScoreQuery, DisjunctionMaxQuery, Occur, PhraseQuery, Query,
    TermQuery,
};
use tantivy::schema::{Field, IndexRecordOption, Schema, TextFieldIndexing, TextOptions};
use tantivy::tokenizer::{TextAnalyzer, TokenizerManager};
use tantivy::{Index, IndexReader, ReloadPolicy, Term, doc};

use crate::error::IndexError;
use crate::knowledge::Corpus;

/// Field weights. The section's own heading says most about what it answers; the
/// doc's title and description least.
const BOOST_TITLE: f32 = 1.5;
const BOOST_HEADINGS: f32 = 0.5;
const BOOST_BODY: f32 = 2.0;
const BOOST_CODE: f32 = 1.0;
const BOOST_DOC: f32 = 0.5;
/// Two question words that stand next to each other in a section count extra, as a
/// share of the field's boost.
const PHRASE_BOOST: f32 = 0.5;
/// A doc's title section (its level-1 heading and intro) summarises the whole doc, so
/// it matches many questions a little; it is ranked below a section of equal score
/// that is about the question.
const INTRO_FACTOR: f32 = 0.75;
/// A section that holds a synonym of a phrase of the question gets this flat bonus
/// per field (times the field's boost). Flat, because a rare synonym would otherwise
/// outweigh the question's own words through its high IDF.
const SYNONYM_BONUS: f32 = 1.5;
/// A corrected typo counts this much of a real match in coverage: enough to keep a
/// misspelt question confident, too little to make an off-topic word look covered.
const CORRECTION_CREDIT: f32 = 0.5;

/// Which ranking techniques are on. All are on by default; the evaluation switches
/// them off one at a time to measure each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tuning {
    /// Expand the question with the knowledge's synonym groups.
    pub synonyms: bool,
    /// Search fenced code with the code-aware tokenizer.
    pub code_tokens: bool,
    /// Boost sections where two question words stand together.
    pub phrase_boost: bool,
    /// Correct unknown words of five letters or more to the nearest known word.
    pub typo_correction: bool,
    /// Rank doc intros below sections of equal score.
    pub intro_demotion: bool,
    /// Decide confidence by coverage; off means every answer with a hit is confident.
    pub relevance_floor: bool,
    /// Merge a hit with an adjacent hit of the same doc into one excerpt.
    pub merge_adjacent: bool,
}

impl Default for Tuning {
    fn default() -> Self {
        Tuning {
            synonyms: true,
            code_tokens: true,
            phrase_boost: true,
            typo_correction: true,
            intro_demotion: true,
            relevance_floor: true,
            merge_adjacent: true,
        }
    }
}

impl Tuning {
    /// Each technique's name with the tuning that has only it switched off.
    pub fn ablations() -> Vec<(&'static str, Tuning)> {
        let all = Tuning::default();
        vec![
            (
                "synonyms",
                Tuning {
                    synonyms: false,
                    ..all
                },
            ),
            (
                "code_tokens",
                Tuning {
                    code_tokens: false,
                    ..all
                },
            ),
            (
                "phrase_boost",
                Tuning {
                    phrase_boost: false,
                    ..all
                },
            ),
            (
                "typo_correction",
                Tuning {
                    typo_correction: false,
                    ..all
                },
            ),
            (
                "intro_demotion",
                Tuning {
                    intro_demotion: false,
                    ..all
                },
            ),
            (
                "relevance_floor",
                Tuning {
                    relevance_floor: false,
                    ..all
                },
            ),
            (
                "merge_adjacent",
                Tuning {
                    merge_adjacent: false,
                    ..all
                },
            ),
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
    /// The section's doc kind, a raw unscored token: lets a search keep to
    /// troubleshooting or reference sections inside tantivy (see [`Scope`]).
    kind: Field,
}

/// Which sections a search may return, by the kind of their doc.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    All,
    /// Sections of `kind: troubleshooting` docs.
    Troubleshooting,
    /// Sections of every other doc.
    Reference,
}

/// Corpora up to this many sections are ranked whole on every search, so a filter
/// never starves a result and one search can serve several scopes.
pub const WHOLE_RANKING_MAX: usize = 2_000;

const KIND_TROUBLESHOOTING: &str = "troubleshooting";
const KIND_REFERENCE: &str = "reference";
const KIND_SCENARIO: &str = "scenario";

/// One search result: a section and how well it matches.
#[derive(Debug, Clone, PartialEq)]
pub struct Hit {
    /// Index into [`Corpus::sections`].
    pub section: usize,
    /// tantivy's BM25 score over all fields, with the intro factor applied.
    pub score: f32,
    /// IDF-weighted share of the question's terms found in the section, 0 to 1.
    pub coverage: f32,
}

/// A question term for sentence scoring: the term's stem first, then the stems that
/// may stand in for it, and its IDF.
#[derive(Debug, Clone)]
pub(crate) struct WeightedTerm {
    pub stems: Vec<String>,
    pub weight: f32,
}

/// A search index over one corpus.
pub struct SearchIndex {
    reader: IndexReader,
    fields: Fields,
    en: TextAnalyzer,
    code: TextAnalyzer,
    /// What coverage, IDF and typo correction know of the corpus's terms.
    stats: TermStats,
    /// Heading level of each section (0 for text before any heading).
    levels: Vec<u8>,
    /// Synonym groups, each phrase normalized and padded with spaces (for finding it
    /// in a padded question) with its stems: computed once here, not per question.
    synonyms: Vec<Vec<SynonymPhrase>>,
    /// Each section's sentences with their stems, built the first time a question
    /// needs them (see [`extract`]): a large corpus does not pay for them at startup.
    sentences: Vec<std::sync::OnceLock<extract::SectionSentences>>,
    /// Normalized `covers` and `not_covered` phrases of the knowledge.
    covers: Vec<String>,
    not_covered: Vec<String>,
    pub tuning: Tuning,
}

struct SynonymPhrase {
    padded: String,
    stems: Vec<String>,
}

/// The question after analysis.
pub(crate) struct Analyzed {
    /// Stemmed terms of the question, typos corrected.
    terms: Vec<String>,
    /// Terms that are corrections of typos, not words the user typed.
    corrected: HashSet<String>,
    code_terms: Vec<String>,
    /// For each of the question's terms, the stems that may stand in for it.
    alternatives: HashMap<String, HashSet<String>>,
    /// For each synonym group the question touches, the group's other phrases, each
    /// as its stems.
    synonym_groups: Vec<Vec<Vec<String>>>,
    /// Adjacent pairs of the question's terms.
    bigrams: Vec<(String, String)>,
}

impl SearchIndex {
    /// Builds the index of `corpus` in memory.
    pub fn build(corpus: &Corpus) -> Result<SearchIndex, IndexError> {
        SearchIndex::build_in(corpus, RamDirectory::create())
    }

    /// Builds the index of `corpus` in `directory` (memory, or a cache folder).
    pub fn build_in(
        corpus: &Corpus,
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
        // of the work.
        let (stats, written) = std::thread::scope(|scope| {
            let stats = scope.spawn(|| TermStats::build(corpus));
            let written = write_sections(&mut writer, fields, corpus);
            (stats.join(), written)
        });
        written?;
        let stats = stats.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
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
        if stats.section_terms.len() != corpus.sections.len() {
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
        let synonyms = corpus
            .synonyms
            .iter()
            .map(|group| {
                group
                    .iter()
                    .map(|p| normalize(p))
                    .filter(|p| !p.is_empty())
                    .map(|p| SynonymPhrase {
                        stems: tokenize::tokens(&mut en, &p),
                        padded: format!(" {p} "),
                    })
                    .collect()
            })
            .collect();
        Ok(SearchIndex {
            reader,
            fields,
            en,
            code,
            stats,
            levels: corpus.sections.iter().map(|s| s.level).collect(),
            synonyms,
            sentences: corpus
                .sections
                .iter()
                .map(|_| std::sync::OnceLock::new())
                .collect(),
            covers: corpus
                .covers
                .iter()
                .map(|p| normalize(p))
                .filter(|p| !p.is_empty())
                .collect(),
            not_covered: corpus
                .not_covered
                .iter()
                .map(|p| normalize(p))
                .filter(|p| !p.is_empty())
                .collect(),
            tuning: Tuning::default(),
        })
    }

    /// Whether the question is about a subject the knowledge says it does not cover
    /// (and names none it does).
    pub fn out_of_scope(&self, question: &str) -> bool {
        if !self.tuning.relevance_floor {
            return false;
        }
        let q = format!(" {} ", normalize(question));
        let has = |p: &String| q.contains(&format!(" {p} "));
        self.not_covered.iter().any(has) && !self.covers.iter().any(has)
    }

    /// The best `limit` sections for `query`, best first; ties go to the earlier
    /// section so results are reproducible. `keep` filters sections before the limit.
    pub fn search(&self, query: &str, limit: usize, keep: &dyn Fn(usize) -> bool) -> Vec<Hit> {
        self.search_analyzed(&self.analyze(query), limit, Scope::All, keep)
    }

    /// [`SearchIndex::search`] for a question already analyzed (so a caller that
    /// searches twice, or also scores sentences, analyzes it once), within `scope`.
    /// The scope is applied inside the index, before the limit: unlike `keep`, it
    /// cannot let a large corpus crowd the wanted kind out.
    pub(crate) fn search_analyzed(
        &self,
        analyzed: &Analyzed,
        limit: usize,
        scope: Scope,
        keep: &dyn Fn(usize) -> bool,
    ) -> Vec<Hit> {
        if analyzed.terms.is_empty() && analyzed.code_terms.is_empty() {
            return Vec::new();
        }
        let scored = self.build_query(analyzed);
        let kind = |k: &str| -> Box<dyn Query> {
            Box::new(ConstScoreQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(self.fields.kind, k),
                    IndexRecordOption::Basic,
                )),
                0.0,
            ))
        };
        let q: Box<dyn Query> = match scope {
            // Scenario docs are step templates for setup, not prose to answer from.
            Scope::All => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(scored)),
                (Occur::MustNot, kind(KIND_SCENARIO)),
            ])),
            Scope::Troubleshooting => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(scored)),
                (Occur::Must, kind(KIND_TROUBLESHOOTING)),
            ])),
            Scope::Reference => Box::new(BooleanQuery::new(vec![
                (Occur::Must, Box::new(scored)),
                (Occur::Must, kind(KIND_REFERENCE)),
            ])),
        };
        let searcher = self.reader.searcher();
        // Small corpora are ranked whole, so a filter never starves the result; large
        // ones fetch a generous multiple of what is asked for.
        let total = self.stats.section_terms.len().max(1);
        let fetch = if total <= WHOLE_RANKING_MAX {
            total
        } else {
            (limit * 20).min(total)
        };
        let top = match searcher.search(
            &*q,
            &tantivy::collector::TopDocs::with_limit(fetch).order_by_score(),
        ) {
            Ok(top) => top,
            Err(e) => {
                tracing::error!("search failed: {e}");
                return Vec::new();
            }
        };
        let mut hits: Vec<Hit> = top
            .into_iter()
            .filter_map(|(score, addr)| {
                // Single segment, documents added in section order (see build).
                let section = addr.doc_id as usize;
                if addr.segment_ord != 0 || section >= self.levels.len() || !keep(section) {
                    return None;
                }
                let intro = self.tuning.intro_demotion && self.levels[section] <= 1;
                Some(Hit {
                    section,
                    score: if intro { score * INTRO_FACTOR } else { score },
                    coverage: 0.0,
                })
            })
            .collect();
        hits.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.section.cmp(&b.section)));
        hits.truncate(limit);
        // Coverage only for what is returned.
        for h in &mut hits {
            h.coverage = if self.tuning.relevance_floor {
                self.coverage(analyzed, h.section)
            } else {
                1.0
            };
        }
        hits
    }

    pub(crate) fn analyze(&self, query: &str) -> Analyzed {
        let mut en = self.en.clone();
        let mut code = self.code.clone();
        let mut terms = Vec::new();
        let mut corrected = HashSet::new();
        // Word by word, so an unknown word can be replaced by its correction.
        for word in query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
        {
            for stem in tokenize::tokens(&mut en, word) {
                if self.tuning.typo_correction
                    && !self.stats.term_ids.contains_key(&stem)
                    && let Some(fix) = self.stats.vocabulary.correct(&word.to_lowercase())
                {
                    for s in tokenize::tokens(&mut en, fix) {
                        if self.stats.term_ids.contains_key(&s) {
                            corrected.insert(s.clone());
                            terms.push(s);
                        }
                    }
                    continue;
                }
                terms.push(stem);
            }
        }
        let bigrams = terms
            .windows(2)
            .map(|w| (w[0].clone(), w[1].clone()))
            .filter(|(a, b)| a != b)
            .collect();
        let terms = dedup(terms);
        // Only words that look like code (flags, hyphenated commands, camelCase error
        // codes, dotted paths) go to the code field: plain words like "registry" occur
        // in nearly every code block and would drown the signal.
        let code_terms = if self.tuning.code_tokens {
            let code_like: Vec<&str> = query
                .split_whitespace()
                .filter(|w| looks_like_code(w))
                .collect();
            dedup(
                tokenize::tokens(&mut code, &code_like.join(" "))
                    .into_iter()
                    .filter(|t| !tokenize::STOP_WORDS.contains(&t.as_str()))
                    .collect(),
            )
        } else {
            Vec::new()
        };
        // Synonyms: a phrase of a group found in the question brings in the group's
        // other phrases, and each of its words may be stood in for by their stems.
        let normalized = format!(" {} ", normalize(query));
        let mut alternatives: HashMap<String, HashSet<String>> = HashMap::new();
        let mut synonym_groups: Vec<Vec<Vec<String>>> = Vec::new();
        for group in self.synonyms.iter().filter(|_| self.tuning.synonyms) {
            let Some(found) = group.iter().find(|p| normalized.contains(&p.padded)) else {
                continue;
            };
            let mut group_stems = HashSet::new();
            let mut phrases: Vec<Vec<String>> = Vec::new();
            for phrase in group.iter().filter(|p| p.padded != found.padded) {
                if !phrase.stems.is_empty() && !phrases.contains(&phrase.stems) {
                    phrases.push(phrase.stems.clone());
                }
                group_stems.extend(phrase.stems.iter().cloned());
            }
            synonym_groups.push(phrases);
            for s in found.stems.iter().cloned() {
                alternatives
                    .entry(s)
                    .or_default()
                    .extend(group_stems.iter().cloned());
            }
        }
        Analyzed {
            terms,
            corrected,
            code_terms,
            alternatives,
            synonym_groups,
            bigrams,
        }
    }

    fn build_query(&self, a: &Analyzed) -> BooleanQuery {
        let f = self.fields;
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        let mut add = |field: Field, term: &str, boost: f32| {
            let q = TermQuery::new(
                Term::from_field_text(field, term),
                IndexRecordOption::WithFreqs,
            );
            clauses.push((Occur::Should, Box::new(BoostQuery::new(Box::new(q), boost))));
        };
        for t in &a.terms {
            add(f.title, t, BOOST_TITLE);
            add(f.headings, t, BOOST_HEADINGS);
            add(f.body, t, BOOST_BODY);
            add(f.doc, t, BOOST_DOC);
        }
        for t in &a.code_terms {
            add(f.code, t, BOOST_CODE);
        }
        if self.tuning.phrase_boost {
            for (x, y) in &a.bigrams {
                for (field, boost) in [
                    (f.title, BOOST_TITLE),
                    (f.headings, BOOST_HEADINGS),
                    (f.body, BOOST_BODY),
                ] {
                    let q = PhraseQuery::new(vec![
                        Term::from_field_text(field, x),
                        Term::from_field_text(field, y),
                    ]);
                    clauses.push((
                        Occur::Should,
                        Box::new(BoostQuery::new(Box::new(q), PHRASE_BOOST * boost)),
                    ));
                }
            }
        }
        // One bonus per synonym group, the best any of its phrases earns: a group with
        // many phrases must not count more than one with few.
        for group in &a.synonym_groups {
            let mut options: Vec<Box<dyn Query>> = Vec::new();
            for phrase in group {
                for (field, boost) in [
                    (f.title, BOOST_TITLE),
                    (f.headings, BOOST_HEADINGS),
                    (f.body, BOOST_BODY),
                ] {
                    let all: Vec<(Occur, Box<dyn Query>)> = phrase
                        .iter()
                        .map(|t| {
                            let q: Box<dyn Query> = Box::new(TermQuery::new(
                                Term::from_field_text(field, t),
                                IndexRecordOption::Basic,
                            ));
                            (Occur::Must, q)
                        })
                        .collect();
                    options.push(Box::new(ConstScoreQuery::new(
                        Box::new(BooleanQuery::new(all)),
                        SYNONYM_BONUS * boost,
                    )));
                }
            }
            clauses.push((Occur::Should, Box::new(DisjunctionMaxQuery::new(options))));
        }
        BooleanQuery::new(clauses)
    }

    fn idf(&self, term: &str) -> f32 {
        let n = self.stats.section_terms.len() as f32;
        let df = self
            .stats
            .term_ids
            .get(term)
            .map_or(0.0, |&id| self.stats.doc_freq[id as usize] as f32);
        (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
    }

    /// The question's terms with their weights and stand-ins, for sentence scoring.
    pub(crate) fn weighted_terms(&self, a: &Analyzed) -> Vec<WeightedTerm> {
        a.terms
            .iter()
            .map(|t| {
                let mut stems = vec![t.clone()];
                if let Some(alt) = a.alternatives.get(t) {
                    let mut alt: Vec<String> = alt.iter().cloned().collect();
                    alt.sort();
                    stems.extend(alt);
                }
                WeightedTerm {
                    stems,
                    weight: self.idf(t),
                }
            })
            .collect()
    }

    /// Stems of `text` with the prose analyzer.
    pub(crate) fn stems(&self, text: &str) -> Vec<String> {
        tokenize::tokens(&mut self.en.clone(), text)
    }

    /// The sentences of `section` with their stems, built on first use.
    pub(crate) fn sentences(&self, corpus: &Corpus, section: usize) -> &extract::SectionSentences {
        self.sentences[section]
            .get_or_init(|| extract::SectionSentences::build(self, &corpus.sections[section]))
    }

    fn coverage(&self, a: &Analyzed, section: usize) -> f32 {
        let terms = &self.stats.section_terms[section];
        let has = |t: &str| {
            self.stats
                .term_ids
                .get(t)
                .is_some_and(|id| terms.binary_search(id).is_ok())
        };
        let (mut total, mut covered) = (0.0, 0.0);
        for t in &a.terms {
            let w = self.idf(t);
            total += w;
            let alt = a.alternatives.get(t);
            if has(t) || alt.is_some_and(|alt| alt.iter().any(|s| has(s))) {
                covered += if a.corrected.contains(t) {
                    w * CORRECTION_CREDIT
                } else {
                    w
                };
            }
        }
        if total == 0.0 { 0.0 } else { covered / total }
    }
}

/// What coverage, IDF and typo correction need to know of the corpus's terms. Plain
/// data, so an index cache can keep it beside the tantivy segment.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct TermStats {
    /// Ids of the stemmed terms of each section (all fields), sorted: a few bytes per
    /// term, where a set of strings per section cost hundreds of megabytes at 10,000
    /// docs.
    section_terms: Vec<Box<[u32]>>,
    /// Id of each stemmed term of the corpus.
    term_ids: HashMap<String, u32>,
    /// In how many sections each term (by id) occurs.
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
        kind: schema.add_text_field("kind", tantivy::schema::STRING),
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
    fn build(corpus: &Corpus) -> TermStats {
        let mut en = tokenize::en_analyzer();
        let mut section_terms = Vec::with_capacity(corpus.sections.len());
        let mut term_ids: HashMap<String, u32> = HashMap::new();
        let mut doc_freq: Vec<u32> = Vec::new();
        let mut ids: Vec<u32> = Vec::new();
        let mut vocabulary = typos::Vocabulary::default();
        for s in &corpus.sections {
            let headings = s.heading_path.join(" / ");
            ids.clear();
            let code = s.code.iter().map(|c| c.code.as_str());
            for text in [headings.as_str(), &s.prose].into_iter().chain(code) {
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
            section_terms.push(ids.as_slice().into());
            vocabulary.add_text(&headings);
            vocabulary.add_text(&s.prose);
        }
        TermStats {
            section_terms,
            term_ids,
            doc_freq,
            vocabulary,
        }
    }
}

/// Adds every section to the index, in order, so doc ids are section indexes.
fn write_sections(
    writer: &mut tantivy::SingleSegmentIndexWriter,
    fields: Fields,
    corpus: &Corpus,
) -> Result<(), IndexError> {
    for s in &corpus.sections {
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
        writer.add_document(doc!(
            fields.title => s.title().to_string(),
            fields.headings => s.heading_path.join(" / "),
            fields.body => s.prose.clone(),
            fields.code => code_text,
            fields.doc => doc_text,
            fields.kind => if d.is_troubleshooting() {
                KIND_TROUBLESHOOTING
            } else if d.is_scenario() {
                KIND_SCENARIO
            } else {
                KIND_REFERENCE
            },
        ))?;
    }
    Ok(())
}

/// The indexing memory budget. One segment never flushes, so the budget only sizes
/// the writer's initial term table (a third of it, zeroed up front): a fixed 15 MB
/// cost the embedded knowledge a third of its peak memory for a table it never
/// fills, while a large corpus gains from starting big.
fn writer_budget(corpus: &Corpus) -> usize {
    let text: usize = corpus.sections.iter().map(|s| s.markdown.len()).sum();
    (text * 3).clamp(1_000_000, 50_000_000)
}

/// `--key-encryption-key`, `rotate-key`, `unwrapKey`, `keyVaultProperties.identity`,
/// `CMK_ERROR`: a word with inner punctuation or a case change.
fn looks_like_code(word: &str) -> bool {
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

fn dedup(v: Vec<String>) -> Vec<String> {
    let mut seen = HashSet::new();
    v.into_iter().filter(|t| seen.insert(t.clone())).collect()
}

/// Lowercase words separated by single spaces; hyphens count as spaces so that
/// "customer-managed key" and "customer managed key" meet.
fn normalize(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}
