//! The knowledge base: skill folders of Markdown, loaded into docs and sections.
//!
//! Loading never fails as a whole. A file that cannot be read or parsed becomes a
//! [`Diagnostic`] naming the file (and line where known) and is skipped; everything
//! else still loads. The default knowledge is compiled into the binary, so an installed
//! binary works from any directory; `--knowledge DIR` adds a user's own skills.

mod embedded;
pub mod front_matter;
pub mod markdown;

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::ops::Range;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use bytes::{Bytes, BytesMut};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use front_matter::FrontMatter;
pub use markdown::{Block, CodeBlock, SectionMarkdown, SectionParts, slug};

/// Files larger than this are skipped with a diagnostic: no skill doc is this big, and
/// indexing one would slow startup for nothing.
pub const MAX_FILE_BYTES: u64 = 4 * 1024 * 1024;

/// Sources up to this size keep every section's [`SectionParts`]. Past it only the
/// troubleshooting and scenario docs do (their catalogs read them at every start), and
/// docs whose spans do not parse alone ([`markdown::Body::spans_stand_alone`]); the
/// rest are parsed again from a section's span when an answer's sentences need them:
/// at 10,000 docs the parts were a quarter of the memory a corpus held.
const KEEP_PARTS_UP_TO_BYTES: usize = 16 * 1024 * 1024;

/// Where to load knowledge from.
#[derive(Debug, Clone)]
pub struct LoadOptions {
    /// Serve the knowledge embedded in the binary.
    pub builtin: bool,
    /// Extra skill folders, or folders of skill folders.
    pub dirs: Vec<PathBuf>,
    /// Follow symlinks that lead out of their `--knowledge` folder. Off by default: a
    /// link such as `references/passwd.md -> /etc/passwd` is skipped with a diagnostic,
    /// so a knowledge folder can only serve what lies inside it.
    pub follow_symlinks: bool,
}

impl Default for LoadOptions {
    fn default() -> Self {
        Self {
            builtin: true,
            dirs: Vec::new(),
            follow_symlinks: false,
        }
    }
}

/// Everything loaded: skills, docs, sections and what went wrong on the way.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Corpus {
    pub skills: Vec<Skill>,
    pub docs: Vec<Doc>,
    /// All sections of all docs, in doc order; [`Doc::sections`] indexes into this.
    /// Left out of a serialized corpus: the index cache stores them in parts that
    /// several threads decode at once.
    #[serde(skip)]
    pub sections: Vec<Section>,
    pub diagnostics: Vec<Diagnostic>,
    /// Synonym groups gathered from every doc's front matter, lowercased.
    pub synonyms: Vec<Vec<String>>,
    /// `covers` phrases from every doc's front matter, lowercased.
    pub covers: Vec<String>,
    /// `not_covered` phrases from every doc's front matter, lowercased.
    pub not_covered: Vec<String>,
    /// `about` phrases from every doc's front matter, lowercased.
    pub about: Vec<String>,
    /// `not_about` phrases from every doc's front matter, lowercased.
    pub not_about: Vec<String>,
    /// `qualifiers` from every doc's front matter, lowercased.
    pub qualifiers: Vec<String>,
    /// What names each of `qualifiers` in a command line, lowercased
    /// ([`FrontMatter::qualifier_in_commands`]).
    #[serde(default)]
    pub qualifier_in_commands: Vec<Vec<String>>,
    /// Which knowledge this is, so a client can tell how fresh an answer is. Left out
    /// of a serialized corpus: its JSON form omits a missing date, which a binary
    /// format cannot express, so the index cache stores it beside.
    #[serde(skip)]
    pub version: KnowledgeVersion,
    /// Each section's citation, built the first time it is cited ([`Corpus::citation`]).
    #[serde(skip)]
    citations: OnceLock<Box<[OnceLock<Citation>]>>,
}

/// Identifies the served knowledge: every tool response carries it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct KnowledgeVersion {
    /// The server's own version.
    pub server_version: String,
    /// SHA-256 (first 16 hex digits) over every served doc's id and text.
    pub content_hash: String,
    /// The newest `updated` or `verified` date in the docs' front matter.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub updated: Option<String>,
    /// How many docs are served.
    pub docs: usize,
}

impl KnowledgeVersion {
    fn of(docs: &[Doc]) -> KnowledgeVersion {
        use sha2::{Digest, Sha256};
        let mut hasher = Sha256::new();
        for doc in docs {
            hasher.update(doc.id().as_bytes());
            hasher.update([0]);
            hasher.update(doc.text.as_bytes());
            hasher.update([0]);
        }
        let digest = hasher.finalize();
        KnowledgeVersion {
            server_version: env!("CARGO_PKG_VERSION").to_string(),
            content_hash: hex(&digest[..8]),
            // ISO dates compare correctly as text.
            updated: docs.iter().filter_map(|d| d.front.updated.clone()).max(),
            docs: docs.len(),
        }
    }
}

/// A skill folder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skill {
    pub name: String,
    /// From `SKILL.md`'s front matter, when there is one.
    pub description: Option<String>,
    /// Where it came from: `builtin` or a directory path.
    pub origin: String,
}

impl Skill {
    /// The origin as shown to clients: `builtin`, or the folder's own name. A full
    /// path would tell a remote client about the server's file system.
    pub fn origin_name(&self) -> String {
        if self.origin.starts_with("builtin") {
            return "builtin".into();
        }
        std::path::Path::new(&self.origin)
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.origin.clone())
    }
}

/// One Markdown file.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Doc {
    /// The skill (folder) it belongs to.
    pub skill: String,
    /// Path inside the skill folder, with `/` separators (`references/rotation.md`).
    pub path: String,
    /// The first level-1 heading, or the front matter name, or the file stem.
    pub title: String,
    pub front: FrontMatter,
    /// Where it was read from, for diagnostics (`builtin:acr-cmk/SKILL.md` or a path).
    pub origin: String,
    /// Its raw text, for serving the whole file; most of its sections' Markdown is a
    /// range of it ([`SectionMarkdown::InText`]). Left out of a serialized corpus: the
    /// index cache has just read every source file to key its entry, so it takes the
    /// text from there ([`Corpus::restore_texts`]) instead of storing it twice.
    #[serde(skip)]
    pub text: String,
    /// Its sections, as a range into [`Corpus::sections`].
    pub sections: Range<usize>,
}

impl Doc {
    /// `acr-cmk/references/rotation.md`: unique across the corpus.
    pub fn id(&self) -> String {
        // Joined in one allocation of the right size: every answer builds a citation's
        // id and URI for each section it cites, and `format!` cost more than the rest
        // of the citation.
        [self.skill.as_str(), "/", &self.path].concat()
    }

    /// Whether `id` is this doc's [`Doc::id`], compared without building it: lookups
    /// by id scan every doc, which at 10,000 docs cost an allocation each.
    pub fn has_id(&self, id: &str) -> bool {
        id.strip_prefix(self.skill.as_str())
            .and_then(|rest| rest.strip_prefix('/'))
            .is_some_and(|path| path == self.path)
    }

    /// The doc's resource URI, `skill://acr-cmk/references/rotation.md`.
    pub fn uri(&self) -> String {
        ["skill://", &self.skill, "/", &self.path].concat()
    }

    pub fn is_troubleshooting(&self) -> bool {
        self.front.is_troubleshooting()
    }

    /// A skill's entry point, `SKILL.md`: the doc that says what the skill as a whole
    /// is about.
    pub fn is_skill_entry(&self) -> bool {
        self.path == "SKILL.md"
    }

    /// A setup scenario: a doc in a skill's `scenarios/` folder (see
    /// `crate::setup::scenario`). It is a template of steps, not prose to answer from.
    pub fn is_scenario(&self) -> bool {
        is_scenario_path(&self.path)
    }
}

/// Whether a doc at `path` in its skill is a setup scenario ([`Doc::is_scenario`]).
fn is_scenario_path(path: &str) -> bool {
    path.starts_with("scenarios/")
}

/// A heading-bounded part of a doc.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Section {
    /// Index of its doc in [`Corpus::docs`].
    pub doc: usize,
    pub level: u8,
    pub heading_path: Vec<String>,
    pub anchor: String,
    /// 1-based, inclusive.
    pub lines: (usize, usize),
    /// Cleaned Markdown body (without the heading line), code fences intact: read it
    /// with [`Corpus::markdown`].
    pub markdown: SectionMarkdown,
    /// Its body's bytes in its doc's text ([`markdown::RawSection::span`]).
    pub span: Range<usize>,
    /// How many top-level list items it holds when they are all its blocks
    /// ([`markdown::RawSection::list_items`]).
    pub list_items: Option<usize>,
    pub code: Vec<CodeBlock>,
    /// Its blocks and loose text, when kept: read them with [`Corpus::parts`].
    pub parts: Option<SectionParts>,
    /// What the index reads of a section whose parts were not kept, made while its
    /// doc was parsed and handed to the index build once ([`Corpus::take_index_prose`]).
    #[serde(skip)]
    pub unindexed_prose: Option<Bytes>,
    /// The upstream page for this section: its own `<!-- source: -->` comment, or the
    /// doc's first `sources` entry.
    pub source_url: Option<String>,
    /// How users ask for what it answers (`<!-- asked: -->`): searched, and left out of
    /// the section's Markdown (a whole doc is served as written).
    pub asked: Vec<String>,
    /// Link targets in the body with their 1-based lines, for `lint`.
    pub links: Vec<(String, usize)>,
}

impl Section {
    pub fn title(&self) -> &str {
        self.heading_path.last().map_or("", String::as_str)
    }
}

/// Each section's prose for the index build, in section order: taken from a corpus
/// once ([`Corpus::take_index_prose`]) so that the build can let each go as soon as
/// it has been read. `None` means "make it from the section's parts".
#[derive(Debug, Clone, Default)]
pub struct IndexProse(pub Vec<Option<Bytes>>);

impl IndexProse {
    /// Each section of `corpus` with its prose, in order; a piece is let go when its
    /// item is dropped.
    pub fn for_sections(self, corpus: &Corpus) -> impl Iterator<Item = SectionProse<'_>> {
        let mut handed = self.0.into_iter();
        (0..corpus.sections.len()).map(move |at| SectionProse {
            corpus,
            at,
            handed: handed.next().flatten(),
        })
    }
}

/// One section's prose for the index ([`IndexProse::for_sections`]).
pub struct SectionProse<'c> {
    corpus: &'c Corpus,
    at: usize,
    handed: Option<Bytes>,
}

impl SectionProse<'_> {
    /// The section's index.
    pub fn at(&self) -> usize {
        self.at
    }

    /// The prose: the piece handed over, or made from the section's parts.
    pub fn text(&self) -> Cow<'_, str> {
        match self.handed.as_deref().map(std::str::from_utf8) {
            Some(Ok(text)) => Cow::Borrowed(text),
            _ => Cow::Owned(self.corpus.parts(self.at).prose()),
        }
    }
}

/// A 1-based, inclusive line range in a knowledge file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct LineRange {
    pub start: usize,
    pub end: usize,
}

/// A shared [`CitedSection`]: a section's citation is built once and shared by every
/// result that cites it, so citing is a reference count, not eight strings. On the
/// wire and in the tools' schemas it is the section it cites.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Citation(Arc<CitedSection>);

impl std::ops::Deref for Citation {
    type Target = CitedSection;

    fn deref(&self) -> &CitedSection {
        &self.0
    }
}

impl JsonSchema for Citation {
    fn schema_name() -> Cow<'static, str> {
        CitedSection::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        CitedSection::schema_id()
    }

    fn inline_schema() -> bool {
        CitedSection::inline_schema()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        CitedSection::json_schema(generator)
    }
}

/// Where a statement comes from: a section of the knowledge, and its upstream page.
/// Serialized, the URI stands for the doc id and anchor it is made of.
#[derive(Debug, PartialEq, Eq, Serialize, JsonSchema)]
#[schemars(rename = "Citation")]
pub struct CitedSection {
    /// `skill://{doc}#{anchor}` URI of the section; read_section returns it whole.
    pub uri: String,
    /// Doc id: skill and path, e.g. `acr-cmk/references/key-rotation.md` (in `uri`).
    #[serde(skip)]
    pub doc: String,
    /// Headings from the doc's title down to the section.
    pub heading_path: Vec<String>,
    /// The section's anchor within the doc (in `uri`).
    #[serde(skip)]
    pub anchor: String,
    pub lines: LineRange,
    /// The official page the section is based on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source_url: Option<String>,
}

/// The citations of one result, each listed once in the order first cited, so the
/// parts of the result refer to them by index instead of repeating them.
#[derive(Debug, Default)]
pub struct CitationList(Vec<Citation>);

impl CitationList {
    /// The index of `citation` in the list, added on first use (same URI, same source).
    /// Listing it shares the citation ([`Citation`] is a reference count), so the list
    /// needs no variant for citations built to be cited.
    pub fn cite(&mut self, citation: &Citation) -> usize {
        match self.0.iter().position(|c| c.uri == citation.uri) {
            Some(i) => i,
            None => {
                self.0.push(citation.clone());
                self.0.len() - 1
            }
        }
    }

    pub fn into_vec(self) -> Vec<Citation> {
        self.0
    }
}

/// Something wrong with one file. Loading goes on without it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// The file (or directory) concerned.
    pub file: String,
    /// 1-based line, when the problem has one.
    pub line: Option<usize>,
    pub message: String,
}

impl std::fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

/// A file to load, wherever it came from.
/// Lowercase hexadecimal of `bytes`, for digests shown to people or used as names.
pub fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Knowledge files as read, before parsing.
pub struct Sources {
    files: Vec<SourceFile>,
    diagnostics: Vec<Diagnostic>,
}

impl Sources {
    /// A digest of everything parsing depends on: each file's skill, path, origin and
    /// bytes, and the problems met reading them. Equal digests give equal corpora.
    pub fn digest(&self) -> String {
        let mut hash = FieldDigest::default();
        for f in &self.files {
            for part in [f.skill.as_bytes(), f.path.as_bytes(), f.origin.as_bytes()] {
                hash.field(part);
            }
            hash.field(&f.bytes);
        }
        for d in &self.diagnostics {
            hash.field(d.to_string().as_bytes());
        }
        hash.finish()
    }

    /// Whether reading met a problem (a file that could not be read, a refused
    /// symlink…).
    pub fn has_diagnostics(&self) -> bool {
        !self.diagnostics.is_empty()
    }

    /// Sources that are only the texts of files, by origin: what
    /// [`Corpus::restore_texts`] needs of a tree that was not read again.
    pub fn from_texts(texts: Vec<(String, String)>) -> Sources {
        Sources {
            files: texts
                .into_iter()
                .map(|(origin, text)| SourceFile {
                    skill: String::new(),
                    path: String::new(),
                    origin,
                    bytes: text.into_bytes(),
                })
                .collect(),
            diagnostics: Vec::new(),
        }
    }
}

/// SHA-256 over fields each prefixed by its length, so that two lists of fields
/// digest alike only when they are equal field by field.
#[derive(Default)]
struct FieldDigest(sha2::Sha256);

impl FieldDigest {
    fn field(&mut self, bytes: &[u8]) {
        use sha2::Digest;
        self.0.update((bytes.len() as u64).to_le_bytes());
        self.0.update(bytes);
    }

    fn finish(self) -> String {
        use sha2::Digest;
        hex(&self.0.finalize())
    }
}

/// A tree of sources known by its files' metadata rather than their bytes (see
/// [`Corpus::stat_sources`]).
pub struct SourceStats {
    /// A digest of each file's skill, path, size, modification and change times, inode,
    /// device and mode, of the built-in files' bytes, and of the problems met walking.
    pub digest: String,
    /// The newest modification time among the files, so a caller can tell a file that
    /// may still change within the clock's resolution.
    pub newest: std::time::SystemTime,
}

struct SourceFile {
    skill: String,
    path: String,
    origin: String,
    bytes: Vec<u8>,
}

impl Corpus {
    /// Loads the builtin knowledge and/or the given directories.
    pub fn load(options: &LoadOptions) -> Corpus {
        Corpus::from_sources(Corpus::read_sources(options))
    }

    /// The files of the builtin knowledge and/or the given directories, read but not
    /// parsed, with the problems met while reading.
    pub fn read_sources(options: &LoadOptions) -> Sources {
        let mut files = Vec::new();
        let mut diagnostics = Vec::new();
        if options.builtin {
            files.extend(embedded::files().map(|(skill, path, bytes)| SourceFile {
                origin: format!("builtin:{skill}/{path}"),
                skill,
                path,
                bytes: bytes.to_vec(),
            }));
        }
        for dir in &options.dirs {
            collect_dir(dir, options.follow_symlinks, &mut files, &mut diagnostics);
        }
        Sources { files, diagnostics }
    }

    /// What the sources of `options` are, from the walk and each file's metadata,
    /// without reading a file: equal stats mean the files were not touched (as `make`
    /// and git judge them). None when a file's metadata cannot be read.
    pub fn stat_sources(options: &LoadOptions) -> Option<SourceStats> {
        let mut hash = FieldDigest::default();
        let mut part = |bytes: &[u8]| hash.field(bytes);
        part(&[u8::from(options.builtin), u8::from(options.follow_symlinks)]);
        if options.builtin {
            for (skill, path, bytes) in embedded::files() {
                part(skill.as_bytes());
                part(path.as_bytes());
                part(bytes);
            }
        }
        let mut newest = std::time::SystemTime::UNIX_EPOCH;
        for dir in &options.dirs {
            let mut diagnostics = Vec::new();
            let pending = walk_dir(dir, options.follow_symlinks, &mut diagnostics);
            for d in &diagnostics {
                part(d.to_string().as_bytes());
            }
            for f in pending {
                let meta = std::fs::metadata(&f.path).ok()?;
                let modified = meta.modified().ok()?;
                newest = newest.max(modified);
                part(f.skill.as_bytes());
                part(f.rel.as_bytes());
                part(f.path.display().to_string().as_bytes());
                part(&meta.len().to_le_bytes());
                // What git's index compares: the change time too, which no tool can
                // set back (`cp -p` and `touch -r` restore only the modification time),
                // and the mode, so a file made readable is read again.
                #[cfg(unix)]
                {
                    use std::os::unix::fs::MetadataExt;
                    for n in [
                        meta.mtime(),
                        meta.mtime_nsec(),
                        meta.ctime(),
                        meta.ctime_nsec(),
                        meta.ino() as i64,
                        meta.dev() as i64,
                        i64::from(meta.mode()),
                    ] {
                        part(&n.to_le_bytes());
                    }
                }
                #[cfg(not(unix))]
                part(format!("{modified:?}").as_bytes());
            }
        }
        Some(SourceStats {
            digest: hash.finish(),
            newest,
        })
    }

    /// Gives the docs of a deserialized corpus their texts (which a serialized corpus
    /// leaves out), moved out of the sources it was parsed from. Fails, leaving the
    /// sources whole, when a doc's file is missing or not UTF-8, or a section's
    /// Markdown is not a range of it, which means the corpus came from other sources
    /// (or another build).
    pub fn restore_texts(&mut self, sources: &mut Sources) -> Result<(), String> {
        let by_origin: HashMap<&str, usize> = sources
            .files
            .iter()
            .enumerate()
            .map(|(i, f)| (f.origin.as_str(), i))
            .collect();
        let files = self
            .docs
            .iter()
            .map(|doc| {
                by_origin
                    .get(doc.origin.as_str())
                    .copied()
                    .ok_or_else(|| format!("{}: no such source", doc.origin))
            })
            .collect::<Result<Vec<usize>, String>>()?;
        // Each file's bytes become its text without a copy, checked once; a file that
        // is not UTF-8 gives every text taken so far back as the bytes it was.
        let mut texts = Vec::with_capacity(files.len());
        let give_back = |texts: Vec<String>, sources: &mut Sources| {
            for (text, &j) in texts.into_iter().zip(&files) {
                sources.files[j].bytes = text.into_bytes();
            }
        };
        for (doc, &i) in self.docs.iter().zip(&files) {
            let text = match String::from_utf8(std::mem::take(&mut sources.files[i].bytes)) {
                Ok(text) => text,
                Err(e) => {
                    let message = format!("{}: {}", doc.origin, e.utf8_error());
                    sources.files[i].bytes = e.into_bytes();
                    give_back(texts, sources);
                    return Err(message);
                }
            };
            let body = text.strip_prefix('\u{feff}').unwrap_or(&text);
            let stray = self.sections[doc.sections.clone()].iter().find(|s| {
                let markdown_out = match &s.markdown {
                    SectionMarkdown::InText(range) => body.get(range.clone()).is_none(),
                    SectionMarkdown::Cleaned(_) => false,
                };
                // Blocks not kept are parsed again from the span.
                markdown_out || body.get(s.span.clone()).is_none()
            });
            if let Some(s) = stray {
                let message = format!(
                    "{}#{}: Markdown range out of the text",
                    doc.origin, s.anchor
                );
                texts.push(text);
                give_back(texts, sources);
                return Err(message);
            }
            texts.push(text);
        }
        for (doc, text) in self.docs.iter_mut().zip(texts) {
            doc.text = without_byte_order_mark(text);
        }
        Ok(())
    }

    /// Parses sources read by [`Corpus::read_sources`].
    pub fn from_sources(sources: Sources) -> Corpus {
        let bytes = sources.files.iter().map(|f| f.bytes.len()).sum::<usize>();
        let keep_parts = bytes <= KEEP_PARTS_UP_TO_BYTES;
        Corpus::from_files(sources.files, sources.diagnostics, keep_parts)
    }

    /// Parses sources with every section's parts kept, or as a large tree keeps them
    /// ([`KEEP_PARTS_UP_TO_BYTES`]): for tests that compare the two.
    #[cfg(test)]
    pub(crate) fn from_sources_keeping_parts(sources: Sources, keep_parts: bool) -> Corpus {
        Corpus::from_files(sources.files, sources.diagnostics, keep_parts)
    }

    /// Loads docs given as `(skill, path inside the skill, text)`; for tests and tools
    /// that hold Markdown in memory.
    pub fn from_texts<'a>(texts: impl IntoIterator<Item = (&'a str, &'a str, &'a str)>) -> Corpus {
        let files = texts
            .into_iter()
            .map(|(skill, path, text)| SourceFile {
                skill: skill.to_string(),
                path: path.to_string(),
                origin: format!("{skill}/{path}"),
                bytes: text.as_bytes().to_vec(),
            })
            .collect();
        Corpus::from_files(files, Vec::new(), true)
    }

    fn from_files(
        files: Vec<SourceFile>,
        mut diagnostics: Vec<Diagnostic>,
        keep_parts: bool,
    ) -> Corpus {
        let mut corpus = Corpus::default();
        let mut seen: HashSet<String> = HashSet::new();
        // A later source overrides an earlier doc with the same id, so a user can
        // replace a builtin doc by shipping one at the same skill path.
        let mut by_id: Vec<(String, SourceFile)> = Vec::new();
        let mut position: HashMap<String, usize> = HashMap::new();
        for file in files {
            let id = format!("{}/{}", file.skill, file.path);
            if let Some(&pos) = position.get(&id) {
                diagnostics.push(Diagnostic {
                    file: file.origin.clone(),
                    line: None,
                    message: format!("replaces {} (same skill and path)", by_id[pos].1.origin),
                });
                by_id[pos].1 = file;
            } else {
                position.insert(id.clone(), by_id.len());
                by_id.push((id, file));
            }
        }
        by_id.sort_by_key(|(_, f)| doc_order(f));
        let files: Vec<SourceFile> = by_id.into_iter().map(|(_, f)| f).collect();
        // Files are independent: parsed on as many threads as the machine has,
        // results in file order.
        let parsed = in_parallel_with(files, ProseBuffer::default, |prose, file| {
            parse_file(file, (!keep_parts).then_some(prose))
        });
        corpus.docs.reserve_exact(parsed.len());
        corpus.sections.reserve_exact(
            parsed
                .iter()
                .filter_map(|p| p.as_ref().ok())
                .map(|p| p.raw.len())
                .sum(),
        );
        for parsed in parsed {
            match parsed {
                Ok(doc) => corpus.add_parsed(doc, &mut diagnostics),
                Err(d) => diagnostics.push(d),
            }
        }
        // Looked up by skill, not searched for: a tree of many one-doc skills would
        // make a search per skill quadratic.
        let skill_mds: HashMap<&str, &Doc> = corpus
            .docs
            .iter()
            .filter(|d| d.path == "SKILL.md")
            .map(|d| (d.skill.as_str(), d))
            .collect();
        // Hash sets, not `contains` on the lists: a hostile front matter of 100,000
        // synonym groups took seconds per reload, growing with the square of its size.
        // Each qualifier's place in `qualifiers`, so that a doc naming one again adds to it.
        let mut qualifiers_seen: HashMap<String, usize> = HashMap::new();
        let mut groups_seen: HashSet<Vec<String>> = HashSet::new();
        for doc in &corpus.docs {
            if seen.insert(doc.skill.clone()) {
                let skill_md = skill_mds.get(doc.skill.as_str());
                let origin = doc
                    .origin
                    .strip_suffix(&doc.path)
                    .unwrap_or(&doc.origin)
                    .trim_end_matches('/')
                    .to_string();
                corpus.skills.push(Skill {
                    name: doc.skill.clone(),
                    description: skill_md.and_then(|d| d.front.description.clone()),
                    origin,
                });
            }
            for phrase in &doc.front.covers {
                corpus.covers.push(phrase.to_lowercase());
            }
            for phrase in &doc.front.not_covered {
                corpus.not_covered.push(phrase.to_lowercase());
            }
            for phrase in &doc.front.about {
                corpus.about.push(phrase.to_lowercase());
            }
            for phrase in &doc.front.not_about {
                corpus.not_about.push(phrase.to_lowercase());
            }
            for (phrase, in_commands) in doc
                .front
                .qualifiers
                .iter()
                .zip(&doc.front.qualifier_in_commands)
            {
                let phrase = phrase.to_lowercase();
                let in_commands = in_commands.iter().map(|n| n.to_lowercase());
                match qualifiers_seen.get(&phrase) {
                    Some(&at) => corpus.qualifier_in_commands[at].extend(in_commands),
                    None => {
                        qualifiers_seen.insert(phrase.clone(), corpus.qualifiers.len());
                        corpus.qualifiers.push(phrase);
                        corpus.qualifier_in_commands.push(in_commands.collect());
                    }
                }
            }
            for group in &doc.front.synonyms {
                let group: Vec<String> = group.iter().map(|t| t.to_lowercase()).collect();
                if groups_seen.insert(group.clone()) {
                    corpus.synonyms.push(group);
                }
            }
        }
        corpus.diagnostics = diagnostics;
        corpus.version = KnowledgeVersion::of(&corpus.docs);
        corpus
    }

    /// Adds a parsed file, its sections numbered after those already in.
    fn add_parsed(&mut self, parsed: ParsedFile, warnings: &mut Vec<Diagnostic>) {
        let ParsedFile {
            file,
            text,
            front,
            title,
            raw,
            warnings: own,
        } = parsed;
        warnings.extend(own);
        let doc_index = self.docs.len();
        let start = self.sections.len();
        let doc_source = front.sources.first().cloned();
        // A section without a `<!-- source -->` of its own cites its parent's, so a
        // subsection of a section about one upstream page points at that page too.
        let mut inherited: Vec<(u8, Option<String>)> = Vec::new();
        for ParsedSection {
            raw: s,
            parts,
            prose,
        } in raw
        {
            inherited.retain(|(level, _)| *level < s.level);
            let source_url = s
                .source_url
                .or_else(|| inherited.iter().rev().find_map(|(_, url)| url.clone()))
                .or_else(|| doc_source.clone());
            inherited.push((s.level, Some(source_url.clone()).flatten()));
            self.sections.push(Section {
                doc: doc_index,
                level: s.level,
                heading_path: s.heading_path,
                anchor: s.anchor,
                lines: s.lines,
                markdown: s.markdown,
                span: s.span,
                list_items: s.list_items,
                code: s.code,
                parts,
                unindexed_prose: prose,
                source_url,
                asked: s.asked,
                links: s.links,
            });
        }
        let end = self.sections.len();
        self.docs.push(Doc {
            skill: file.skill,
            path: file.path,
            title,
            front,
            origin: file.origin,
            text,
            sections: start..end,
        });
    }

    pub fn doc_of(&self, section: &Section) -> &Doc {
        &self.docs[section.doc]
    }

    /// The section's cleaned Markdown.
    pub fn markdown<'a>(&'a self, section: &'a Section) -> &'a str {
        section.markdown.text(&self.doc_of(section).text)
    }

    /// Section `index`'s blocks and loose text: kept, or parsed again from its span
    /// in its doc's text. Only a doc whose spans parse alone into what the whole body
    /// gave them drops its parts ([`markdown::Body::spans_stand_alone`]).
    pub fn parts(&self, index: usize) -> Cow<'_, SectionParts> {
        let section = &self.sections[index];
        match &section.parts {
            Some(parts) => Cow::Borrowed(parts),
            None => {
                let text = &self.doc_of(section).text;
                Cow::Owned(markdown::parts(
                    text.get(section.span.clone()).unwrap_or(""),
                ))
            }
        }
    }

    /// Each section's prose for the index build, taken from the sections that hold it
    /// (see [`Section::unindexed_prose`]).
    pub fn take_index_prose(&mut self) -> IndexProse {
        IndexProse(
            self.sections
                .iter_mut()
                .map(|s| s.unindexed_prose.take())
                .collect(),
        )
    }

    /// The section's resource URI: `skill://acr-cmk/references/rotation.md#anchor`.
    pub fn section_uri(&self, section: &Section) -> String {
        let doc = self.doc_of(section);
        ["skill://", &doc.skill, "/", &doc.path, "#", &section.anchor].concat()
    }

    /// The citation of section `index`.
    pub fn citation(&self, index: usize) -> Citation {
        // Built per section on demand: a table of every section's citation up front
        // would cost a large corpus megabytes it may never cite. A section added after
        // the table was sized (while loading) is cited without it.
        let table = self
            .citations
            .get_or_init(|| self.sections.iter().map(|_| OnceLock::new()).collect());
        match table.get(index) {
            Some(slot) => slot.get_or_init(|| self.build_citation(index)).clone(),
            None => self.build_citation(index),
        }
    }

    fn build_citation(&self, index: usize) -> Citation {
        let s = &self.sections[index];
        Citation(Arc::new(CitedSection {
            doc: self.doc_of(s).id(),
            heading_path: s.heading_path.clone(),
            anchor: s.anchor.clone(),
            uri: self.section_uri(s),
            lines: LineRange {
                start: s.lines.0,
                end: s.lines.1,
            },
            source_url: s.source_url.clone(),
        }))
    }

    /// Finds a section by doc id (`acr-cmk/references/rotation.md`) and anchor.
    pub fn find_section(&self, doc_id: &str, anchor: &str) -> Option<&Section> {
        self.find_section_index(doc_id, anchor)
            .map(|i| &self.sections[i])
    }

    /// The index of a section, by doc id and anchor.
    pub fn find_section_index(&self, doc_id: &str, anchor: &str) -> Option<usize> {
        let doc = self.docs.iter().find(|d| d.has_id(doc_id))?;
        doc.sections
            .clone()
            .find(|&i| self.sections[i].anchor == anchor)
    }

    /// Finds a doc by its `skill://` URI or its id.
    pub fn find_doc(&self, uri_or_id: &str) -> Option<&Doc> {
        let id = uri_or_id.strip_prefix("skill://").unwrap_or(uri_or_id);
        self.docs.iter().find(|d| d.has_id(id))
    }
}

/// A file parsed on its own, before it takes its place in a corpus.
struct ParsedFile {
    file: SourceFile,
    text: String,
    front: FrontMatter,
    title: String,
    raw: Vec<ParsedSection>,
    warnings: Vec<Diagnostic>,
}

/// A section as parsed (its `raw.parts` taken out), its parts kept or, in their
/// place, its prose for the index.
struct ParsedSection {
    raw: markdown::RawSection,
    parts: Option<SectionParts>,
    prose: Option<Bytes>,
}

/// A doc's text from its file's bytes.
fn doc_text(bytes: Vec<u8>) -> Result<String, std::string::FromUtf8Error> {
    String::from_utf8(bytes).map(without_byte_order_mark)
}

/// A byte-order mark would hide the front matter fence. Parsing and restoring a
/// cached corpus strip it alike: sections' Markdown ranges count from after it.
fn without_byte_order_mark(text: String) -> String {
    match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    }
}

/// The prose of sections whose parts are not kept, written into shared buffers of a
/// megabyte rather than a string each. The index build lets each piece go once read,
/// and a buffer is freed whole when its last piece is, so its pages can go back to the
/// system: 55,000 small strings left holes between the sections' other fields, and
/// those stayed resident.
#[derive(Default)]
struct ProseBuffer(BytesMut);

impl ProseBuffer {
    const SIZE: usize = 1 << 20;

    fn write(&mut self, text: &str) -> Bytes {
        if self.0.capacity() - self.0.len() < text.len() {
            self.0 = BytesMut::with_capacity(Self::SIZE.max(text.len()));
        }
        self.0.extend_from_slice(text.as_bytes());
        self.0.split().freeze()
    }
}

/// Parses one file. A file that cannot be used at all is an `Err`; problems that
/// leave it usable are the parsed file's warnings. With a `prose` buffer, a doc's
/// sections drop their parts and their prose goes into the buffer, unless it is a
/// troubleshooting or scenario doc or its spans do not parse alone (see
/// [`KEEP_PARTS_UP_TO_BYTES`]).
fn parse_file(
    mut file: SourceFile,
    prose: Option<&mut ProseBuffer>,
) -> Result<ParsedFile, Diagnostic> {
    let text = doc_text(std::mem::take(&mut file.bytes)).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        Diagnostic {
            file: file.origin.clone(),
            line: Some(1 + valid.iter().filter(|&&b| b == b'\n').count()),
            message: "not valid UTF-8; skipped".into(),
        }
    })?;
    let (front, body, fm_lines) = front_matter::split(&text).map_err(|e| Diagnostic {
        file: file.origin.clone(),
        line: Some(e.line),
        message: format!("{}; skipped", e.message),
    })?;
    let stem = file
        .path
        .rsplit('/')
        .next()
        .unwrap_or(&file.path)
        .trim_end_matches(".md")
        .to_string();
    let fallback_title = front.name.clone().unwrap_or(stem);
    // The body is the text's tail: its sections' Markdown ranges move by what the
    // front matter took.
    let body_start = text.len() - body.len();
    let parsed = markdown::sections(body, fm_lines, &fallback_title);
    let mut raw = parsed.sections;
    for s in &mut raw {
        s.markdown.shift(body_start);
        s.span = s.span.start + body_start..s.span.end + body_start;
    }
    let title = raw
        .iter()
        .find(|s| s.level == 1)
        .map(|s| s.heading_path[0].clone())
        .unwrap_or(fallback_title);
    // The case and scenario catalogs read these parts at every start.
    let catalogued = front.is_troubleshooting() || is_scenario_path(&file.path);
    let mut prose = prose.filter(|_| !catalogued && parsed.spans_stand_alone);
    let raw = raw
        .into_iter()
        .map(|mut raw| {
            let parts = std::mem::take(&mut raw.parts);
            let (parts, prose) = match prose.as_deref_mut() {
                None => (Some(parts), None),
                Some(buffer) => (None, Some(buffer.write(&parts.prose()))),
            };
            ParsedSection { raw, parts, prose }
        })
        .collect::<Vec<_>>();
    let mut warnings = Vec::new();
    // A set, not a scan of the earlier sections: a doc with 100k headings must not
    // cost 100k² comparisons.
    let mut paths: HashSet<&[String]> = HashSet::with_capacity(raw.len());
    for s in raw.iter().map(|p| &p.raw) {
        if !paths.insert(&s.heading_path) {
            warnings.push(Diagnostic {
                    file: file.origin.clone(),
                    line: Some(s.lines.0),
                    message: format!(
                        "duplicate heading {:?}: the same heading path appears earlier, so this one is cited as #{}",
                        s.heading_path.join(" › "),
                        s.anchor
                    ),
                });
        }
    }
    // The parse tells whether a comment swallowed the doc's end; only then is the
    // text read again, for the line where it opened.
    if parsed.comment_left_open {
        warnings.push(Diagnostic {
            file: file.origin.clone(),
            line: markdown::unclosed_comment(&text),
            message: markdown::UNCLOSED_COMMENT.into(),
        });
    }
    Ok(ParsedFile {
        file,
        text,
        front,
        title,
        raw,
        warnings,
    })
}

/// SKILL.md first within a skill, then paths in order, so ids and ties are stable.
fn doc_order(f: &SourceFile) -> (String, bool, String) {
    (f.skill.clone(), f.path != "SKILL.md", f.path.clone())
}

/// Walks one `--knowledge` folder. Only regular files inside it are read: a symlink
/// whose target resolves outside the folder is skipped (unless `follow_symlinks`), and
/// so are FIFOs, devices and sockets, each with a diagnostic naming it and why.
fn collect_dir(
    dir: &Path,
    follow_symlinks: bool,
    files: &mut Vec<SourceFile>,
    diagnostics: &mut Vec<Diagnostic>,
) {
    for read in read_all(walk_dir(dir, follow_symlinks, diagnostics)) {
        match read {
            Ok(file) => files.push(file),
            Err(d) => diagnostics.push(d),
        }
    }
}

/// The Markdown files a `--knowledge` folder admits, in walking order, unread.
fn walk_dir(
    dir: &Path,
    follow_symlinks: bool,
    diagnostics: &mut Vec<Diagnostic>,
) -> Vec<PendingFile> {
    let shown = dir.display().to_string();
    let meta = match std::fs::metadata(dir) {
        Ok(m) => m,
        Err(e) => {
            diagnostics.push(Diagnostic {
                file: shown,
                line: None,
                message: format!("cannot read knowledge directory: {e}"),
            });
            return Vec::new();
        }
    };
    if !meta.is_dir() {
        diagnostics.push(Diagnostic {
            file: shown,
            line: None,
            message:
                "not a directory; --knowledge takes a skill folder or a folder of skill folders"
                    .into(),
        });
        return Vec::new();
    }
    let root = match dir.canonicalize() {
        Ok(root) => root,
        Err(e) => {
            diagnostics.push(Diagnostic {
                file: shown,
                line: None,
                message: format!("cannot resolve knowledge directory: {e}"),
            });
            return Vec::new();
        }
    };
    let base_name = root
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "knowledge".into());
    let mut walker = Walker {
        root: Arc::from(root),
        follow_symlinks,
        visited: HashSet::new(),
        pending: Vec::new(),
        diagnostics,
    };
    walker.walk_knowledge_dir(dir, &base_name);
    walker.pending
}

/// Reads `pending` files, on as many threads as the machine has, results in order.
fn read_all(pending: Vec<PendingFile>) -> Vec<Result<SourceFile, Diagnostic>> {
    let read = |f: PendingFile| match read_limited(&f.path, MAX_FILE_BYTES, f.inside.as_deref()) {
        Ok(bytes) => Ok(SourceFile {
            skill: f.skill,
            path: f.rel,
            origin: f.path.display().to_string(),
            bytes,
        }),
        Err(message) => Err(Diagnostic {
            file: f.path.display().to_string(),
            line: None,
            message,
        }),
    };
    in_parallel(pending, read)
}

/// `work` applied to each of `items`, on up to as many threads as the machine has
/// (items are independent), results in the order of `items`.
fn in_parallel<T: Send, R: Send>(items: Vec<T>, work: impl Fn(T) -> R + Sync) -> Vec<R> {
    in_parallel_with(items, || (), |_, item| work(item))
}

/// [`in_parallel`], each thread with a `state` of its own that `work` is given too.
fn in_parallel_with<T: Send, R: Send, S>(
    items: Vec<T>,
    state: impl Fn() -> S + Sync,
    work: impl Fn(&mut S, T) -> R + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism().map_or(1, |n| n.get().min(8));
    // Below a few dozen items a thread costs more than it saves.
    if workers == 1 || items.len() < 64 {
        let mut state = state();
        return items
            .into_iter()
            .map(|item| work(&mut state, item))
            .collect();
    }
    let per_worker = items.len().div_ceil(workers);
    let mut items = items.into_iter();
    let chunks: Vec<Vec<T>> = (0..workers)
        .map(|_| items.by_ref().take(per_worker).collect())
        .collect();
    let (state, work) = (&state, &work);
    std::thread::scope(|scope| {
        let workers: Vec<_> = chunks
            .into_iter()
            .map(|chunk| {
                scope.spawn(move || {
                    let mut state = state();
                    chunk
                        .into_iter()
                        .map(|item| work(&mut state, item))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|p| std::panic::resume_unwind(p)))
            .collect()
    })
}

/// The state of walking one `--knowledge` folder.
struct Walker<'a> {
    /// The folder, canonical: what symlinks must stay inside (shared with the files the
    /// walk admits, which must still be inside it when they are opened).
    root: Arc<Path>,
    follow_symlinks: bool,
    /// Directories already read, canonical, so symlink loops end.
    visited: HashSet<PathBuf>,
    /// Files admitted so far, in walking order, read once the walk is done (on
    /// several threads: at 10,000 files reading is most of a cached start).
    pending: Vec<PendingFile>,
    diagnostics: &'a mut Vec<Diagnostic>,
}

/// A Markdown file the walk admitted, to be read.
struct PendingFile {
    path: PathBuf,
    /// Its path inside the skill folder, with `/` separators.
    rel: String,
    skill: String,
    /// The folder the file must still be inside when it is opened (None with
    /// `follow_symlinks`): a symlink swapped after the walk admitted it must not
    /// serve a file from elsewhere.
    inside: Option<Arc<Path>>,
}

/// How many folders deep a skill folder is walked. Learn's trees go a few levels down;
/// past this a tree is made to hurt (resolving each folder's path costs its depth).
const MAX_FOLDER_DEPTH: usize = 32;

impl Walker<'_> {
    /// Walks a `--knowledge` folder: one skill, or a folder of skill folders.
    fn walk_knowledge_dir(&mut self, dir: &Path, base_name: &str) {
        let entries = match read_dir_sorted(dir) {
            Ok(e) => e,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        let visible = |p: &&PathBuf| {
            let name = file_name(p);
            !name.starts_with('.') && !name.starts_with('_')
        };
        // A folder with SKILL.md or Markdown of its own is one skill (its subfolders
        // are part of it, like Learn's includes/); otherwise each subfolder is a skill.
        let loose_markdown = entries
            .iter()
            .filter(visible)
            .any(|p| p.is_file() && file_name(p).ends_with(".md"));
        if dir.join("SKILL.md").is_file() || loose_markdown {
            self.walk(dir, dir, base_name, 0);
            return;
        }
        self.visited.insert(self.root.to_path_buf());
        for path in entries.iter().filter(visible) {
            if path.is_dir() && self.admit(path) {
                self.walk(path, path, &file_name(path), 0);
            }
        }
    }

    fn refuse(&mut self, path: &Path, message: String) {
        self.diagnostics.push(Diagnostic {
            file: path.display().to_string(),
            line: None,
            message,
        });
    }

    /// Whether `path` may be entered or read: anything that is not a symlink, and a
    /// symlink whose target resolves inside the knowledge folder (or anywhere, with
    /// `follow_symlinks`).
    fn admit(&mut self, path: &Path) -> bool {
        let is_link = std::fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_symlink());
        if !is_link || self.follow_symlinks {
            return true;
        }
        match path.canonicalize() {
            Ok(target) if target.starts_with(&self.root) => true,
            Ok(target) => {
                self.refuse(
                    path,
                    format!(
                        "symlink to {}, outside the knowledge folder {}; skipped (--follow-symlinks allows it)",
                        target.display(),
                        self.root.display()
                    ),
                );
                false
            }
            Err(e) => {
                self.refuse(path, format!("cannot read: {e} (a broken symlink?)"));
                false
            }
        }
    }

    fn walk(&mut self, root: &Path, dir: &Path, skill: &str, depth: usize) {
        if depth > MAX_FOLDER_DEPTH {
            self.refuse(
                dir,
                format!("more than {MAX_FOLDER_DEPTH} folders deep; skipped"),
            );
            return;
        }
        // Each real directory is read once, so loops end.
        match dir.canonicalize() {
            Ok(c) if self.visited.contains(&c) => {
                self.refuse(
                    dir,
                    "directory already read (symlink loop?); skipped".into(),
                );
                return;
            }
            Err(e) => {
                self.refuse(dir, format!("cannot resolve directory: {e}"));
                return;
            }
            Ok(c) => {
                self.visited.insert(c);
            }
        }
        let entries = match read_dir_sorted(dir) {
            Ok(e) => e,
            Err(d) => {
                self.diagnostics.push(d);
                return;
            }
        };
        for path in entries {
            let name = file_name(&path);
            if name.starts_with('.') || name.starts_with('_') {
                continue;
            }
            if path.is_dir() {
                if self.admit(&path) {
                    self.walk(root, &path, skill, depth + 1);
                }
            } else if name.ends_with(".md") && self.admit(&path) {
                self.queue(&path, root, skill);
            }
        }
    }

    fn queue(&mut self, path: &Path, root: &Path, skill: &str) {
        let rel = path
            .strip_prefix(root)
            .unwrap_or(path)
            .components()
            .map(|c| c.as_os_str().to_string_lossy())
            .collect::<Vec<_>>()
            .join("/");
        self.pending.push(PendingFile {
            path: path.to_path_buf(),
            rel,
            skill: skill.to_string(),
            inside: (!self.follow_symlinks).then(|| self.root.clone()),
        });
    }
}

/// Reads a regular file of at most `limit` bytes. The file is opened without
/// blocking (a FIFO would otherwise wait for a writer), checked to be a regular file
/// through the metadata of the opened handle, and read through `take(limit + 1)`, so
/// neither a device that never ends nor a `/proc` file whose size reads as 0 can be
/// read past the limit. With `inside`, the opened file's own path must lie in that
/// folder ([`opened_path`]). The error is the diagnostic's message.
fn read_limited(path: &Path, limit: u64, inside: Option<&Path>) -> Result<Vec<u8>, String> {
    use std::io::Read;
    let mut options = std::fs::OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file = options
        .open(path)
        .map_err(|e| format!("cannot read: {e}"))?;
    let meta = file.metadata().map_err(|e| format!("cannot read: {e}"))?;
    if !meta.is_file() {
        return Err(format!(
            "not a regular file ({}); skipped",
            file_kind(&meta.file_type())
        ));
    }
    if meta.len() > limit {
        return Err(format!(
            "file is {} bytes, over the {limit} byte limit; skipped",
            meta.len()
        ));
    }
    if let Some(root) = inside {
        let opened = opened_path(&file, path).map_err(|e| format!("cannot resolve: {e}"))?;
        if !opened.starts_with(root) {
            return Err(format!(
                "opens {}, outside the knowledge folder {} (changed after the walk?); skipped",
                opened.display(),
                root.display()
            ));
        }
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(limit + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| format!("cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        // The size on disk was within the limit, but reading went past it: a file
        // that grew, or one (under /proc) whose size does not say how much it holds.
        return Err(format!(
            "file reads as more than the {limit} byte limit; skipped"
        ));
    }
    Ok(bytes)
}

/// Where the file `file`, opened from `path`, really is: on Linux the handle's own
/// path, so no symlink can be swapped between the check and the read; without
/// `/proc` (or elsewhere) the path resolved again.
fn opened_path(file: &std::fs::File, path: &Path) -> std::io::Result<PathBuf> {
    #[cfg(target_os = "linux")]
    {
        use std::os::fd::AsRawFd;
        if let Ok(opened) = std::fs::read_link(format!("/proc/self/fd/{}", file.as_raw_fd())) {
            return Ok(opened);
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = file;
    path.canonicalize()
}

fn file_kind(kind: &std::fs::FileType) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return "a FIFO";
        }
        if kind.is_char_device() {
            return "a character device";
        }
        if kind.is_block_device() {
            return "a block device";
        }
        if kind.is_socket() {
            return "a socket";
        }
    }
    if kind.is_dir() {
        "a directory"
    } else {
        "a special file"
    }
}

fn read_dir_sorted(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| Diagnostic {
            file: dir.display().to_string(),
            line: None,
            message: format!("cannot list directory: {e}"),
        })?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    Ok(entries)
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A section whose parts were not kept gets the same parts back, parsed again
    /// from its doc's text, and the index the same prose.
    #[test]
    fn parts_parsed_again_equal_the_parts_kept() {
        let read = || Corpus::read_sources(&LoadOptions::default());
        let kept = Corpus::from_sources_keeping_parts(read(), true);
        let mut lean = Corpus::from_sources_keeping_parts(read(), false);
        assert_eq!(kept.sections.len(), lean.sections.len());
        let mut parsed_again = 0;
        for (i, section) in lean.sections.iter().enumerate() {
            let doc = lean.doc_of(section);
            if doc.is_troubleshooting() || doc.is_scenario() {
                assert!(section.parts.is_some(), "{}", section.anchor);
            }
            assert_eq!(
                lean.parts(i),
                kept.parts(i),
                "{}#{}",
                doc.path,
                section.anchor
            );
            if section.parts.is_none() {
                parsed_again += 1;
                assert_eq!(
                    section.unindexed_prose.as_deref(),
                    Some(kept.parts(i).prose().as_bytes())
                );
            }
        }
        assert!(parsed_again > 100, "{parsed_again}");
        let prose = lean.take_index_prose();
        assert_eq!(prose.0.iter().flatten().count(), parsed_again);
        assert!(lean.sections.iter().all(|s| s.unindexed_prose.is_none()));
    }

    /// Where a section's span does not parse alone the same (a reference link defined
    /// in another section), the doc keeps its parts.
    #[test]
    fn a_doc_whose_spans_do_not_stand_alone_keeps_its_parts() {
        let text = "---\nname: r\n---\n# R\n\n## Uses\n\nSee [the guide][g] and [^n].\n\n\
                    ## Defines\n\n[g]: https://example.com/guide\n\n[^n]: A note.\n";
        let files = || vec![source("references/r.md", text.as_bytes())];
        let kept = Corpus::from_files(files(), Vec::new(), true);
        let lean = Corpus::from_files(files(), Vec::new(), false);
        assert!(lean.sections.iter().all(|s| s.parts.is_some()));
        for i in 0..lean.sections.len() {
            assert_eq!(lean.parts(i), kept.parts(i));
        }
        let uses = lean
            .sections
            .iter()
            .position(|s| s.anchor == "uses")
            .unwrap();
        let alone = markdown::parts(&lean.docs[0].text[lean.sections[uses].span.clone()]);
        assert_ne!(
            alone,
            *kept.parts(uses),
            "the span alone reads the link otherwise"
        );
    }

    fn source(path: &str, bytes: &[u8]) -> SourceFile {
        SourceFile {
            skill: "s".into(),
            path: path.into(),
            origin: format!("s/{path}"),
            bytes: bytes.to_vec(),
        }
    }

    #[test]
    fn restored_texts_are_the_sources_and_a_failed_restore_leaves_them_whole() {
        let files = [
            source("a.md", "\u{feff}# A\n\nFirst doc.\n".as_bytes()),
            source("b.md", b"# B\n\nSecond doc.\n"),
        ];
        let sources = || Sources {
            files: files.iter().map(|f| source(&f.path, &f.bytes)).collect(),
            diagnostics: Vec::new(),
        };
        let built = Corpus::from_sources(sources());
        let stripped = || {
            let mut c = Corpus::from_sources(sources());
            c.docs.iter_mut().for_each(|d| d.text.clear());
            c
        };

        let mut corpus = stripped();
        corpus.restore_texts(&mut sources()).unwrap();
        let texts = |c: &Corpus| c.docs.iter().map(|d| d.text.clone()).collect::<Vec<_>>();
        assert_eq!(texts(&corpus), texts(&built));
        assert_eq!(
            corpus.docs[0].text, "# A\n\nFirst doc.\n",
            "without its byte-order mark"
        );
        let markdown = |c: &Corpus| {
            c.sections
                .iter()
                .map(|s| c.markdown(s).to_string())
                .collect::<Vec<_>>()
        };
        assert_eq!(markdown(&corpus), markdown(&built));

        // When the second file changed, nothing is taken from either.
        let fails_whole = |second: &[u8], error: &str| {
            let mut changed = sources();
            changed.files[1].bytes = second.to_vec();
            let before: Vec<Vec<u8>> = changed.files.iter().map(|f| f.bytes.clone()).collect();
            let e = stripped().restore_texts(&mut changed).unwrap_err();
            assert!(e.starts_with("s/b.md") && e.contains(error), "{e}");
            let after: Vec<Vec<u8>> = changed.files.iter().map(|f| f.bytes.clone()).collect();
            assert_eq!(after, before);
        };
        fails_whole(b"# B\n\n\xff\n", "invalid utf-8");
        // Still UTF-8 but shorter: a section's Markdown range runs past it.
        fails_whole(b"# B\n", "Markdown range");
    }

    #[test]
    fn section_markdown_is_read_from_the_doc_text_past_its_front_matter() {
        let text = "\u{feff}---\nname: a\n---\n# A\n\nIntro.\n\n## Plain\n\nBody `x`.\n\n## Noted\n<!-- note -->\nKept.\n";
        let corpus = Corpus::from_sources(Sources {
            files: vec![source("a.md", text.as_bytes())],
            diagnostics: Vec::new(),
        });
        let markdown: Vec<&str> = corpus.sections.iter().map(|s| corpus.markdown(s)).collect();
        assert_eq!(markdown, ["Intro.", "Body `x`.", "Kept."]);
        assert!(matches!(
            corpus.sections[1].markdown,
            SectionMarkdown::InText(_)
        ));
        assert!(matches!(
            corpus.sections[2].markdown,
            SectionMarkdown::Cleaned(_)
        ));
    }

    #[test]
    fn builtin_knowledge_loads_cleanly() {
        let corpus = Corpus::load(&LoadOptions::default());
        assert!(corpus.diagnostics.is_empty(), "{:#?}", corpus.diagnostics);
        assert!(corpus.docs.iter().any(|d| d.id() == "acr-cmk/SKILL.md"));
        assert_eq!(corpus.skills[0].name, "acr-cmk");
        assert!(corpus.skills[0].description.is_some());
        assert!(!corpus.synonyms.is_empty());
        for doc in &corpus.docs {
            assert!(doc.front.name.is_some(), "{} has no name", doc.id());
            assert!(
                doc.front.description.is_some(),
                "{} has no description",
                doc.id()
            );
            assert!(!doc.front.sources.is_empty(), "{} has no sources", doc.id());
        }
    }

    #[test]
    fn bad_files_are_skipped_with_diagnostics() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("mine");
        std::fs::create_dir_all(skill.join("references")).unwrap();
        std::fs::write(
            skill.join("SKILL.md"),
            "---\nname: mine\ndescription: d\n---\n# Mine\nok\n",
        )
        .unwrap();
        std::fs::write(
            skill.join("references/bad-utf8.md"),
            b"# A\nline\n\xff\xfe\n",
        )
        .unwrap();
        std::fs::write(
            skill.join("references/bad-yaml.md"),
            "---\nname: [x\n---\n# B\n",
        )
        .unwrap();
        std::fs::write(skill.join("references/good.md"), "# Good\n## Part\ntext\n").unwrap();
        let corpus = Corpus::load(&LoadOptions {
            builtin: false,
            dirs: vec![dir.path().to_path_buf(), dir.path().join("missing")],
            ..Default::default()
        });
        let ids: Vec<_> = corpus.docs.iter().map(Doc::id).collect();
        assert_eq!(ids, ["mine/SKILL.md", "mine/references/good.md"]);
        let diags: Vec<String> = corpus.diagnostics.iter().map(ToString::to_string).collect();
        assert_eq!(diags.len(), 3, "{diags:#?}");
        assert!(
            diags
                .iter()
                .any(|d| d.contains("bad-utf8.md:3: not valid UTF-8")),
            "{diags:#?}"
        );
        assert!(
            diags
                .iter()
                .any(|d| d.contains("bad-yaml.md:3: front matter is not valid YAML")),
            "{diags:#?}"
        );
        assert!(
            diags
                .iter()
                .any(|d| d.contains("missing: cannot read knowledge directory")),
            "{diags:#?}"
        );
    }

    #[test]
    fn a_skill_folder_given_directly_is_one_skill() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("team-notes");
        std::fs::create_dir_all(&skill).unwrap();
        std::fs::write(
            skill.join("SKILL.md"),
            "---\nname: team-notes\ndescription: d\n---\n# T\n",
        )
        .unwrap();
        std::fs::write(skill.join("extra.md"), "# E\n").unwrap();
        let corpus = Corpus::load(&LoadOptions {
            builtin: true,
            dirs: vec![skill],
            ..Default::default()
        });
        assert!(corpus.docs.iter().any(|d| d.id() == "team-notes/extra.md"));
        assert!(corpus.skills.iter().any(|s| s.name == "team-notes"));
        assert!(corpus.skills.iter().any(|s| s.name == "acr-cmk"));
    }

    #[cfg(unix)]
    #[test]
    fn symlink_loops_end() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("s");
        std::fs::create_dir_all(&skill).unwrap();
        std::fs::write(skill.join("a.md"), "# A\n").unwrap();
        std::os::unix::fs::symlink(&skill, skill.join("loop")).unwrap();
        let corpus = Corpus::load(&LoadOptions {
            builtin: false,
            dirs: vec![dir.path().to_path_buf()],
            ..Default::default()
        });
        assert_eq!(corpus.docs.len(), 1);
        assert!(
            corpus
                .diagnostics
                .iter()
                .any(|d| d.message.contains("symlink loop"))
        );
    }

    /// A knowledge folder `kb/mine` with SKILL.md and `references/`, and a folder
    /// outside it holding a secret.
    #[cfg(unix)]
    fn folder_with_outside_secret() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let tmp = tempfile::tempdir().unwrap();
        let kb = tmp.path().join("kb");
        let skill = kb.join("mine");
        std::fs::create_dir_all(skill.join("references")).unwrap();
        std::fs::write(
            skill.join("SKILL.md"),
            "---\nname: mine\ndescription: d\n---\n# Mine\nok\n",
        )
        .unwrap();
        let outside = tmp.path().join("outside");
        std::fs::create_dir_all(&outside).unwrap();
        std::fs::write(outside.join("secret.md"), "# Secret\nTOP-SECRET-VALUE\n").unwrap();
        (tmp, kb, outside)
    }

    #[cfg(unix)]
    fn load_dir(kb: &Path, follow_symlinks: bool) -> Corpus {
        Corpus::load(&LoadOptions {
            builtin: false,
            dirs: vec![kb.to_path_buf()],
            follow_symlinks,
        })
    }

    #[cfg(unix)]
    fn diagnostic_for<'a>(corpus: &'a Corpus, file_suffix: &str) -> Option<&'a Diagnostic> {
        corpus
            .diagnostics
            .iter()
            .find(|d| d.file.ends_with(file_suffix))
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_to_a_file_outside_the_folder_is_refused() {
        let (_tmp, kb, outside) = folder_with_outside_secret();
        let refs = kb.join("mine/references");
        std::os::unix::fs::symlink(outside.join("secret.md"), refs.join("secret.md")).unwrap();
        std::os::unix::fs::symlink("/etc/passwd", refs.join("passwd.md")).unwrap();
        let corpus = load_dir(&kb, false);
        let ids: Vec<_> = corpus.docs.iter().map(Doc::id).collect();
        assert_eq!(ids, ["mine/SKILL.md"]);
        assert!(corpus.docs.iter().all(|d| !d.text.contains("TOP-SECRET")));
        for name in ["references/secret.md", "references/passwd.md"] {
            let d = diagnostic_for(&corpus, name)
                .unwrap_or_else(|| panic!("no diagnostic for {name}: {:#?}", corpus.diagnostics));
            assert!(
                d.message.contains("outside the knowledge folder")
                    && d.message.contains("--follow-symlinks"),
                "{d}"
            );
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_symlink_inside_the_folder_is_followed() {
        let (_tmp, kb, _) = folder_with_outside_secret();
        let skill = kb.join("mine");
        std::fs::create_dir_all(skill.join("shared")).unwrap();
        std::fs::write(skill.join("shared/common.md"), "# Common\nshared text\n").unwrap();
        std::os::unix::fs::symlink(
            skill.join("shared/common.md"),
            skill.join("references/alias.md"),
        )
        .unwrap();
        // A relative link to a folder of the same knowledge tree.
        std::os::unix::fs::symlink("../shared", skill.join("references/linked")).unwrap();
        let corpus = load_dir(&kb, false);
        let ids: Vec<_> = corpus.docs.iter().map(Doc::id).collect();
        assert!(
            ids.contains(&"mine/references/alias.md".to_string()),
            "{ids:?}"
        );
        // The folder is read once, through whichever path comes first.
        assert!(
            ids.contains(&"mine/references/linked/common.md".to_string()),
            "{ids:?}"
        );
        assert!(
            corpus
                .diagnostics
                .iter()
                .all(|d| !d.message.contains("outside")),
            "{:#?}",
            corpus.diagnostics
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_directory_symlink_outside_the_folder_is_not_walked() {
        let (_tmp, kb, outside) = folder_with_outside_secret();
        std::os::unix::fs::symlink(&outside, kb.join("mine/references/elsewhere")).unwrap();
        std::os::unix::fs::symlink("/etc", kb.join("mine/etc")).unwrap();
        // A whole skill folder that is a link out of the knowledge folder.
        std::os::unix::fs::symlink(&outside, kb.join("linked-skill")).unwrap();
        let corpus = load_dir(&kb, false);
        let ids: Vec<_> = corpus.docs.iter().map(Doc::id).collect();
        assert_eq!(ids, ["mine/SKILL.md"]);
        for name in ["references/elsewhere", "mine/etc", "linked-skill"] {
            let d = diagnostic_for(&corpus, name)
                .unwrap_or_else(|| panic!("no diagnostic for {name}: {:#?}", corpus.diagnostics));
            assert!(d.message.contains("outside the knowledge folder"), "{d}");
        }
        // Nothing under /etc was even looked at.
        assert!(
            corpus.diagnostics.iter().all(|d| !d.file.contains("/etc/")),
            "{:#?}",
            corpus.diagnostics
        );
    }

    /// A link swapped between the walk's check and the read (someone writing into the
    /// folder while it loads, or during a `--watch` reload) must not serve the file it
    /// now points to.
    #[cfg(unix)]
    #[test]
    fn a_symlink_swapped_after_the_walk_is_not_read() {
        let (_tmp, kb, outside) = folder_with_outside_secret();
        let skill = kb.join("mine");
        std::fs::write(skill.join("inside.txt"), "# Inside\nharmless\n").unwrap();
        let link = skill.join("references/a.md");
        std::os::unix::fs::symlink("../inside.txt", &link).unwrap();
        let mut diagnostics = Vec::new();
        let pending = walk_dir(&kb, false, &mut diagnostics);
        assert!(pending.iter().any(|f| f.rel == "references/a.md"));
        std::fs::remove_file(&link).unwrap();
        std::os::unix::fs::symlink(outside.join("secret.md"), &link).unwrap();
        let read = read_all(pending);
        let refused = read
            .iter()
            .find_map(|r| r.as_ref().err().filter(|d| d.file.ends_with("a.md")))
            .expect("the swapped link is refused");
        assert!(
            refused.message.contains("outside the knowledge folder"),
            "{refused}"
        );
        assert!(
            read.iter()
                .flatten()
                .all(|f| !String::from_utf8_lossy(&f.bytes).contains("TOP-SECRET-VALUE"))
        );
    }

    #[test]
    fn a_tree_deeper_than_the_limit_is_walked_only_that_far() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("s");
        let mut deep = skill.clone();
        for level in 0..MAX_FOLDER_DEPTH + 8 {
            deep.push(format!("d{level}"));
        }
        std::fs::create_dir_all(&deep).unwrap();
        std::fs::write(skill.join("SKILL.md"), "# S\n").unwrap();
        std::fs::write(skill.join("d0/d1/near.md"), "# Near\n").unwrap();
        std::fs::write(deep.join("far.md"), "# Far\n").unwrap();
        let corpus = Corpus::load(&LoadOptions {
            builtin: false,
            dirs: vec![dir.path().to_path_buf()],
            ..Default::default()
        });
        let ids: Vec<_> = corpus.docs.iter().map(Doc::id).collect();
        assert_eq!(ids, ["s/SKILL.md", "s/d0/d1/near.md"]);
        assert!(
            corpus
                .diagnostics
                .iter()
                .any(|d| d.message.contains("folders deep")),
            "{:#?}",
            corpus.diagnostics
        );
    }

    #[test]
    fn a_citation_is_built_once_and_shared() {
        let mut corpus = Corpus::from_texts([("s", "t.md", "# T\n\nintro\n\n## A\n\nbody\n")]);
        let first = corpus.citation(1);
        assert!(Arc::ptr_eq(&first.0, &corpus.citation(1).0));
        assert_eq!(first, corpus.build_citation(1));
        assert_eq!(first.uri, "skill://s/t.md#a");
        // A section added after the table was sized is cited all the same.
        let extra = corpus.sections[1].clone();
        corpus.sections.push(extra);
        assert_eq!(corpus.citation(2), first);
    }

    #[cfg(unix)]
    #[test]
    fn follow_symlinks_allows_the_outside_file() {
        let (_tmp, kb, outside) = folder_with_outside_secret();
        std::os::unix::fs::symlink(
            outside.join("secret.md"),
            kb.join("mine/references/secret.md"),
        )
        .unwrap();
        let corpus = load_dir(&kb, true);
        let doc = corpus
            .find_doc("mine/references/secret.md")
            .expect("the linked doc is served with --follow-symlinks");
        assert!(doc.text.contains("TOP-SECRET-VALUE"));
        assert!(corpus.diagnostics.is_empty(), "{:#?}", corpus.diagnostics);
    }

    #[cfg(unix)]
    #[test]
    fn a_fifo_is_skipped_without_hanging() {
        let (_tmp, kb, _) = folder_with_outside_secret();
        let fifo = kb.join("mine/references/x.md");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let (tx, rx) = std::sync::mpsc::channel();
        let dir = kb.clone();
        std::thread::spawn(move || {
            let _ = tx.send(load_dir(&dir, true));
        });
        let corpus = rx
            .recv_timeout(std::time::Duration::from_secs(20))
            .expect("loading a folder with a FIFO must not hang");
        assert_eq!(corpus.docs.len(), 1);
        let d = diagnostic_for(&corpus, "references/x.md").expect("a diagnostic for the FIFO");
        assert!(d.message.contains("not a regular file (a FIFO)"), "{d}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_and_endless_files_are_refused() {
        let (_tmp, kb, _) = folder_with_outside_secret();
        let refs = kb.join("mine/references");
        std::os::unix::fs::symlink("/dev/zero", refs.join("zero.md")).unwrap();
        std::os::unix::fs::symlink("/proc/self/environ", refs.join("environ.md")).unwrap();
        // Without --follow-symlinks both lead outside the folder.
        let corpus = load_dir(&kb, false);
        assert_eq!(corpus.docs.len(), 1);
        for name in ["zero.md", "environ.md"] {
            assert!(
                diagnostic_for(&corpus, name)
                    .is_some_and(|d| d.message.contains("outside the knowledge folder")),
                "{name}: {:#?}",
                corpus.diagnostics
            );
        }
        // With it, /dev/zero is still refused: it is a device, not a file.
        let corpus = load_dir(&kb, true);
        let d = diagnostic_for(&corpus, "zero.md").expect("a diagnostic for /dev/zero");
        assert!(
            d.message
                .contains("not a regular file (a character device)"),
            "{d}"
        );
    }

    #[test]
    fn reading_stops_at_the_limit_whatever_the_metadata_says() {
        // /proc files report a size of 0 and can hold more: the limit is enforced on
        // what is read, not on the size the metadata gives.
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.md");
        std::fs::write(&path, vec![b'a'; 2048]).unwrap();
        assert_eq!(read_limited(&path, 4096, None).unwrap().len(), 2048);
        let err = read_limited(&path, 1000, None).unwrap_err();
        assert!(err.contains("over the 1000 byte limit"), "{err}");
        #[cfg(target_os = "linux")]
        {
            let err = read_limited(Path::new("/proc/self/maps"), 16, None).unwrap_err();
            assert!(err.contains("more than the 16 byte limit"), "{err}");
        }
    }

    #[test]
    fn an_html_comment_never_closed_is_named_at_load() {
        // Markdown reads everything after an unclosed comment as part of it: section B
        // vanishes. Loading cannot bring it back, but it says where it went.
        let doc = "# T\n## A\ntext with `<!--` in a code span\n<!-- asked:\n- q\n## B\nhidden\n";
        let corpus = Corpus::from_texts([("s", "t.md", doc)]);
        let named: Vec<_> = corpus
            .diagnostics
            .iter()
            .filter(|d| d.message == markdown::UNCLOSED_COMMENT)
            .collect();
        assert_eq!(named.len(), 1, "{:#?}", corpus.diagnostics);
        assert_eq!(named[0].line, Some(4));
        assert!(
            !corpus
                .sections
                .iter()
                .any(|s| s.heading_path.last().is_some_and(|h| h == "B"))
        );
        let closed = Corpus::from_texts([("s", "t.md", "# T\n<!-- a\nb -->\n## B\nshown\n")]);
        assert!(closed.diagnostics.is_empty(), "{:#?}", closed.diagnostics);
    }

    #[test]
    fn many_headings_load_in_linear_time() {
        // 100k distinct headings: the duplicate check used to compare each heading
        // path with every earlier one (5·10⁹ comparisons: minutes in a debug build).
        let mut doc = String::from("# Big\n");
        for i in 0..100_000 {
            doc.push_str(&format!("## Heading {i}\n"));
        }
        doc.push_str("## Heading 7\nagain\n");
        let started = std::time::Instant::now();
        let corpus = Corpus::from_texts([("s", "big.md", doc.as_str())]);
        let elapsed = started.elapsed();
        assert_eq!(corpus.sections.len(), 100_002);
        let duplicates: Vec<_> = corpus
            .diagnostics
            .iter()
            .filter(|d| d.message.starts_with("duplicate heading"))
            .collect();
        assert_eq!(duplicates.len(), 1, "{duplicates:#?}");
        assert!(duplicates[0].message.contains("Heading 7"));
        assert!(
            elapsed < std::time::Duration::from_secs(20),
            "100k headings took {elapsed:?}"
        );
    }

    #[test]
    fn many_synonym_groups_and_qualifiers_load_in_linear_time() {
        // Each group and qualifier used to be looked for in the list of those kept:
        // 100,000 groups took 6 s to load in a release build, 100,000 qualifiers 12 s,
        // and 50,000 of each 28 s in a debug one.
        let mut doc = String::from("---\nname: s\nsynonyms:\n");
        for i in 0..50_000 {
            doc.push_str(&format!("  - [crumb{i}, loaf {i}]\n"));
        }
        doc.push_str("  - [CRUMB7, Loaf 7]\nqualifiers:\n");
        for i in 0..50_000 {
            doc.push_str(&format!("  - oven {i}\n"));
        }
        // The last named again and again with what names it in commands: added to
        // the one kept, found by name rather than looked for in the list.
        for i in 0..50_000 {
            doc.push_str(&format!("  - [Oven 49999, --oven-{i}]\n"));
        }
        doc.push_str("---\n# Big\n## Dough\ntext\n");
        let started = std::time::Instant::now();
        let corpus = Corpus::from_texts([("s", "SKILL.md", doc.as_str())]);
        let elapsed = started.elapsed();
        // Duplicates, told apart only by case, are still kept once.
        assert_eq!(corpus.synonyms.len(), 50_000);
        assert_eq!(corpus.synonyms[7], ["crumb7", "loaf 7"]);
        assert_eq!(corpus.qualifiers.len(), 50_000);
        assert_eq!(corpus.qualifier_in_commands[7], Vec::<String>::new());
        assert_eq!(corpus.qualifier_in_commands[49_999].len(), 50_000);
        assert_eq!(corpus.qualifier_in_commands[49_999][7], "--oven-7");
        assert!(
            elapsed < std::time::Duration::from_secs(20),
            "50k groups and qualifiers took {elapsed:?}"
        );
    }

    #[test]
    fn section_source_falls_back_to_the_doc() {
        let corpus = Corpus::from_texts([(
            "s",
            "a.md",
            "---\nname: a\nsources: [https://one, https://two]\n---\n# A\n## B\n<!-- source: https://own -->\nx\n## C\ny\n",
        )]);
        let urls: Vec<_> = corpus
            .sections
            .iter()
            .map(|s| s.source_url.clone().unwrap())
            .collect();
        assert_eq!(urls, ["https://one", "https://own", "https://one"]);
        assert_eq!(corpus.section_uri(&corpus.sections[1]), "skill://s/a.md#b");
    }
}
