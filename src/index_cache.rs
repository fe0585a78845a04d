//! The optional on-disk cache of a built engine (`--index-cache DIR`): the parsed
//! knowledge, the tantivy segment and the term statistics, so a large knowledge tree
//! starts without parsing or indexing.
//!
//! An entry is keyed by a digest of every source file (skill, path, origin, bytes),
//! the problems met reading them, this program's version and the cache format: any
//! change to the knowledge, or a new build, means another key, never a stale hit.
//!
//! Reading and hashing 10,000 files is most of a cached start, so a tree is first
//! known by its files' metadata: a `stat-…` file in the cache folder names the entry
//! for a digest of each file's path, size, modification and change times, inode,
//! device and mode ([`Corpus::stat_sources`], what git's index compares), and the
//! entry keeps the docs' texts. When nothing was touched, the files are not read at
//! all. That alias is written only after a read that met no problem, when the
//! metadata taken again after the read equals what was taken before it, and when
//! every file is older than the read by [`RACY`]: a file changed within the clock's
//! resolution of being read cannot hide behind an unchanged time (git's "racy clean"
//! rule).
//! The entry is postcard (a binary serde format), not JSON: no escapes to scan and
//! no field names, a third smaller. The entry used last (named in `latest`) is
//! decoded while the files are read and hashed, and kept only if the digest names
//! it, so an unchanged tree does not wait for the two one after the other. An entry
//! is written to a temporary folder and renamed into place whole, so no reader sees
//! half of one, and an entry that cannot be read is rebuilt. Entries of other keys
//! are left alone (deleting them is the user's call).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::time::Instant;

use tantivy::Index;
use tantivy::directory::{MmapDirectory, RamDirectory};

use crate::engine::Engine;
use crate::error::IndexError;
use crate::knowledge::{Corpus, KnowledgeVersion, LoadOptions, Section, SourceStats, Sources, hex};
use crate::search::{SearchIndex, TermStats};

/// Bumped whenever what an entry holds changes shape or meaning. 16: a doc's
/// diagnostics name an HTML comment never closed, so an entry written before would
/// restore a corpus without it (15: the corpus holds what names each qualifier in a
/// command line; 14: the typo vocabulary is a list sorted by first letter and length,
/// where it was a map; 13: the index's document store is written without compression).
const FORMAT: &str = "acr-cmk-index-cache-16";
const COMPLETE: &str = "complete";
/// The parsed corpus, its version and the term statistics, in postcard (see
/// [`EngineHead`]).
const ENGINE: &str = "engine.bin";
/// The docs' texts, by origin, for a start that reads no file.
const TEXTS: &str = "texts.bin";
const INDEX: &str = "index";
/// How much older than the read that keyed an entry every file must be for its
/// metadata alone to name that entry later.
const RACY: std::time::Duration = std::time::Duration::from_secs(2);
/// A file in the cache folder naming the entry used last.
const LATEST: &str = "latest";

/// What [`ENGINE`] holds, in order: the corpus without its sections, its version,
/// the term statistics, then the sections in [`SECTION_PARTS`] parts, each part's
/// byte length first so that the parts can be decoded on several threads.
type EngineHead = (Corpus, VersionParts, TermStats);

/// Into how many parts the sections are split. Decoding them is most of a cache
/// hit: it allocates every string of every section, which spreads across threads.
const SECTION_PARTS: usize = 4;

/// A [`KnowledgeVersion`] as a tuple: its own serialized form skips a missing date,
/// which postcard, with no field names, cannot read back.
#[derive(serde::Serialize, serde::Deserialize)]
struct VersionParts(String, String, Option<String>, usize);

impl From<&KnowledgeVersion> for VersionParts {
    fn from(v: &KnowledgeVersion) -> VersionParts {
        VersionParts(
            v.server_version.clone(),
            v.content_hash.clone(),
            v.updated.clone(),
            v.docs,
        )
    }
}

impl From<VersionParts> for KnowledgeVersion {
    fn from(VersionParts(server_version, content_hash, updated, docs): VersionParts) -> Self {
        KnowledgeVersion {
            server_version,
            content_hash,
            updated,
            docs,
        }
    }
}

/// A decoded entry: its corpus (without the docs' texts) and its index.
type Decoded = Result<(Corpus, SearchIndex), String>;

/// What looking at the tree found: an entry its files' metadata names, decoded with
/// the docs' texts, or the files read.
enum Looked {
    Known {
        key: String,
        parts: (Corpus, SearchIndex),
    },
    Read(ReadTree),
}

/// The files read and hashed, with the entry used last, decoded meanwhile.
struct ReadTree {
    sources: Sources,
    key: String,
    read: std::time::Duration,
    hashed: std::time::Duration,
    guessed: Option<Decoded>,
    stats: Option<SourceStats>,
}

/// How the engine came to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Read from the entry at this path.
    Hit(PathBuf),
    /// Read from the entry at this path, which the files' metadata named: no file was
    /// read.
    Known(PathBuf),
    /// Built, and written to the entry at this path.
    Stored(PathBuf),
    /// Built, but no entry could be read or written; why.
    Bypassed(String),
}

/// Loads the knowledge of `options` through the cache in `dir`.
pub fn load(options: &LoadOptions, dir: &Path) -> Result<(Engine, CacheOutcome), IndexError> {
    let start = Instant::now();
    // Files must be older than this by `RACY` for their metadata to name an entry.
    let read_at = std::time::SystemTime::now();
    // The entry used last is most likely the one wanted: it is decoded on another
    // thread while the tree is looked at, first by its files' metadata and, when that
    // names no entry, by their bytes. The metadata's alias or the bytes' digest alone
    // decides what is a hit; the guess only saves waiting.
    let guess = latest(dir);
    let looked = std::thread::scope(|scope| {
        let mut worker = guess.as_ref().map(|k| {
            let entry = dir.join(k);
            scope.spawn(move || decode_entry(&entry))
        });
        let join = |w: std::thread::ScopedJoinHandle<'_, Decoded>| {
            w.join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        };
        let stats = Corpus::stat_sources(options);
        let alias = stats.as_ref().map(|s| dir.join(stat_alias(&s.digest)));
        if let Some(key) = alias.as_deref().and_then(read_key) {
            let entry = dir.join(&key);
            // The texts are read on this thread while the other decodes the entry.
            let texts = read_texts(&entry);
            let decoded = match worker.take() {
                Some(w) if guess.as_deref() == Some(key.as_str()) => join(w),
                other => {
                    let decoded = decode_entry(&entry);
                    if let Some(w) = other {
                        let _ = join(w);
                    }
                    decoded
                }
            };
            let restored = decoded.and_then(|(mut corpus, index)| {
                corpus.restore_texts(&mut texts?)?;
                Ok((corpus, index))
            });
            match restored {
                Ok(parts) => return Looked::Known { key, parts },
                // The files' bytes will say which entry they need.
                Err(e) => {
                    tracing::info!("index cache: {entry:?} failed ({e}); reading the files");
                    if let Some(alias) = &alias {
                        let _ = std::fs::remove_file(alias);
                    }
                }
            }
        }
        let sources = Corpus::read_sources(options);
        let read = start.elapsed();
        let key = entry_key(&sources.digest());
        let hashed = start.elapsed();
        Looked::Read(ReadTree {
            sources,
            key,
            read,
            hashed,
            guessed: worker.map(join),
            stats,
        })
    });
    let ReadTree {
        mut sources,
        key,
        read,
        hashed,
        guessed,
        stats,
    } = match looked {
        Looked::Known { key, parts } => {
            let entry = dir.join(&key);
            let (corpus, index) = parts;
            let engine = Engine::from_index(corpus, index, start.elapsed(), Default::default());
            tracing::info!(
                "index cache hit: {} (known by the files' metadata, no file read; ready in {:.0?})",
                entry.display(),
                start.elapsed()
            );
            set_latest(dir, &key);
            return Ok((engine, CacheOutcome::Known(entry)));
        }
        Looked::Read(tree) => tree,
    };
    // The metadata may name this entry only if the read met no problem (a file that
    // could not be read may become readable with only its change time moving) and
    // the tree did not change while it was read.
    let trusted = stats
        .filter(|_| !sources.has_diagnostics())
        .map(|stats| Trusted {
            options,
            stats,
            read_at,
        });
    let entry = dir.join(&key);
    let decoded = match guessed {
        Some(decoded) if guess.as_deref() == Some(key.as_str()) => Some(decoded),
        _ if entry.join(COMPLETE).is_file() => Some(decode_entry(&entry)),
        _ => None,
    };
    let mut problem = None;
    if let Some(decoded) = decoded {
        // Last: taking the texts is the one step that takes from the sources.
        let restored = decoded.and_then(|(mut corpus, index)| {
            corpus.restore_texts(&mut sources)?;
            Ok((corpus, index))
        });
        match restored {
            Ok((corpus, index)) => {
                let engine = Engine::from_index(corpus, index, start.elapsed(), Default::default());
                tracing::info!(
                    "index cache hit: {} (sources read in {:.0?}, hashed in {:.0?}, entry ready {:.0?} later)",
                    entry.display(),
                    read,
                    hashed - read,
                    start.elapsed() - hashed
                );
                set_latest(dir, &key);
                remember_stats(dir, trusted.as_ref(), &key);
                return Ok((engine, CacheOutcome::Hit(entry)));
            }
            Err(e) => {
                tracing::warn!(
                    "index cache entry {} is unusable ({e}); rebuilding it",
                    entry.display()
                );
                let _ = std::fs::remove_dir_all(&entry);
                problem = Some(e);
            }
        }
    }
    let mut corpus = Corpus::from_sources(sources);
    let load_time = start.elapsed();
    let indexing = Instant::now();
    let ram = RamDirectory::create();
    let prose = corpus.take_index_prose();
    let index = SearchIndex::build_in(&corpus, prose, ram.clone())?;
    let index_time = indexing.elapsed();
    let outcome = match write_entry(dir, &key, &corpus, &index, &ram) {
        Ok(()) => {
            tracing::info!("index cache stored: {}", entry.display());
            set_latest(dir, &key);
            remember_stats(dir, trusted.as_ref(), &key);
            CacheOutcome::Stored(entry)
        }
        Err(e) => {
            tracing::warn!("could not write the index cache in {}: {e}", dir.display());
            CacheOutcome::Bypassed(problem.map_or(e.clone(), |p| format!("{p}; then {e}")))
        }
    };
    Ok((
        Engine::from_index(corpus, index, load_time, index_time),
        outcome,
    ))
}

/// The key [`set_latest`] recorded, if it looks like a key (it names a folder).
fn latest(dir: &Path) -> Option<String> {
    read_key(&dir.join(LATEST))
}

/// The entry key a small file names, if it looks like one and that entry is complete.
fn read_key(file: &Path) -> Option<String> {
    let key = std::fs::read_to_string(file).ok()?;
    let key = key.trim();
    let complete = || {
        file.parent()
            .is_some_and(|d| d.join(key).join(COMPLETE).is_file())
    };
    (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit()) && complete())
        .then(|| key.to_string())
}

/// Records `key` as the entry used last. Best effort: it only guides a guess.
fn set_latest(dir: &Path, key: &str) {
    write_small(dir, LATEST, key);
}

/// The name of an entry for a digest of its sources: this build and cache format
/// come into it, so another build never reads an entry it did not write, and so do
/// the stop words, which decide what the index holds (a development build keeps its
/// version while they change).
fn entry_key(digest: &str) -> String {
    use sha2::{Digest, Sha256};
    let mut hash = Sha256::new();
    hash.update(FORMAT);
    hash.update(env!("CARGO_PKG_VERSION"));
    for word in crate::search::tokenize::STOP_WORDS {
        hash.update(word);
        hash.update([0]);
    }
    hash.update(digest);
    hex(&hash.finalize()[..16])
}

/// The alias file naming the entry for a tree's metadata digest.
fn stat_alias(digest: &str) -> String {
    format!("stat-{}", entry_key(digest))
}

/// What lets the files' metadata name an entry after a read: the stats taken before
/// it, and when the read began.
struct Trusted<'a> {
    options: &'a LoadOptions,
    stats: SourceStats,
    read_at: std::time::SystemTime,
}

/// Lets the files' metadata name entry `key` from now on, unless a file is too new
/// for its time to be trusted ([`RACY`]) or the tree changed while it was read (the
/// metadata taken again must equal what was taken before). Best effort, like
/// [`set_latest`].
fn remember_stats(dir: &Path, trusted: Option<&Trusted<'_>>, key: &str) {
    let Some(Trusted {
        options,
        stats,
        read_at,
    }) = trusted
    else {
        return;
    };
    let settled = stats
        .newest
        .checked_add(RACY)
        .is_some_and(|t| t <= *read_at);
    if settled
        && dir.join(key).join(TEXTS).is_file()
        && Corpus::stat_sources(options).is_some_and(|now| now.digest == stats.digest)
    {
        write_small(dir, &stat_alias(&stats.digest), key);
    }
}

/// Writes `text` to `dir/name` whole: a temporary file renamed into place.
fn write_small(dir: &Path, name: &str, text: &str) {
    let tmp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, text).is_err() || std::fs::rename(&tmp, dir.join(name)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// The docs' texts an entry keeps, as sources to restore a corpus from.
fn read_texts(entry: &Path) -> Result<Sources, String> {
    use std::io::Read;
    let fail = |e: &dyn std::fmt::Display| format!("{TEXTS}: {e}");
    let file = File::open(entry.join(TEXTS)).map_err(|e| fail(&e))?;
    let size = file.metadata().map_err(|e| fail(&e))?.len();
    // Read straight into each string's own buffer: a mapping, or one buffer for the
    // whole file, would hold every text twice at the hit's peak (60 MB at 10k docs).
    let mut input = std::io::BufReader::new(file);
    let number = |input: &mut std::io::BufReader<File>| -> Result<u64, String> {
        let mut bytes = [0u8; 8];
        input.read_exact(&mut bytes).map_err(|e| fail(&e))?;
        Ok(u64::from_le_bytes(bytes))
    };
    let text = |input: &mut std::io::BufReader<File>, len: u64| -> Result<String, String> {
        if len > size {
            return Err(fail(&"a text runs past the end"));
        }
        let mut bytes = vec![0u8; len as usize];
        input.read_exact(&mut bytes).map_err(|e| fail(&e))?;
        String::from_utf8(bytes).map_err(|e| fail(&e))
    };
    let count = number(&mut input)?;
    let mut texts = Vec::with_capacity(count.min(size / 16) as usize);
    for _ in 0..count {
        let len = number(&mut input)?;
        let origin = text(&mut input, len)?;
        let len = number(&mut input)?;
        texts.push((origin, text(&mut input, len)?));
    }
    Ok(Sources::from_texts(texts))
}

/// Writes the docs' texts for [`read_texts`]: their count, then each origin and text
/// with its length before it (little-endian u64s).
fn write_texts(path: &Path, corpus: &Corpus) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("{TEXTS}: {e}");
    let mut out = BufWriter::new(File::create(path).map_err(|e| fail(&e))?);
    out.write_all(&(corpus.docs.len() as u64).to_le_bytes())
        .map_err(|e| fail(&e))?;
    for doc in &corpus.docs {
        for part in [doc.origin.as_bytes(), doc.text.as_bytes()] {
            out.write_all(&(part.len() as u64).to_le_bytes())
                .map_err(|e| fail(&e))?;
            out.write_all(part).map_err(|e| fail(&e))?;
        }
    }
    out.flush().map_err(|e| fail(&e))
}

/// Decodes the entry at `entry`: the corpus without its docs' texts (see
/// [`Corpus::restore_texts`]) and its index.
fn decode_entry(entry: &Path) -> Decoded {
    // postcard from a mapped slice: no text to scan for escapes and no field names,
    // and a mapping, unlike reading the file into memory, adds no private memory for
    // the hundreds of megabytes of an entry (10k docs: JSON took 0.65 s to the first
    // answer).
    let file = File::open(entry.join(ENGINE)).map_err(|e| format!("{ENGINE}: {e}"))?;
    // SAFETY: entries are never changed in place: they are written in a temporary
    // folder and renamed, and replaced only by removal, which leaves a mapping
    // valid. Only a process truncating the file under us could break the mapping.
    let bytes = unsafe { memmap2::Mmap::map(&file) }.map_err(|e| format!("{ENGINE}: {e}"))?;
    let fail = |e: &dyn std::fmt::Display| format!("{ENGINE}: {e}");
    let ((mut corpus, version, stats), mut rest) =
        postcard::take_from_bytes::<EngineHead>(&bytes).map_err(|e| fail(&e))?;
    let mut parts: Vec<&[u8]> = Vec::with_capacity(SECTION_PARTS);
    for _ in 0..SECTION_PARTS {
        let (len, after) = postcard::take_from_bytes::<u64>(rest).map_err(|e| fail(&e))?;
        let len = usize::try_from(len).map_err(|e| fail(&e))?;
        if len > after.len() {
            return Err(fail(&"a section part runs past the end"));
        }
        let (part, after) = after.split_at(len);
        parts.push(part);
        rest = after;
    }
    if !rest.is_empty() {
        return Err(format!("{ENGINE}: {} bytes after the end", rest.len()));
    }
    let decoded: Vec<Result<Vec<Section>, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = parts
            .into_iter()
            .map(|part| scope.spawn(move || postcard::from_bytes::<Vec<Section>>(part)))
            .collect();
        workers
            .into_iter()
            .map(|w| match w.join() {
                Ok(part) => part.map_err(|e| fail(&e)),
                Err(panic) => std::panic::resume_unwind(panic),
            })
            .collect()
    });
    for part in decoded {
        corpus.sections.extend(part?);
    }
    corpus.version = version.into();
    let index = Index::open_in_dir(entry.join(INDEX)).map_err(|e| format!("{INDEX}: {e}"))?;
    let index = SearchIndex::open(&corpus, index, stats).map_err(|e| e.to_string())?;
    Ok((corpus, index))
}

fn write_entry(
    dir: &Path,
    key: &str,
    corpus: &Corpus,
    index: &SearchIndex,
    ram: &RamDirectory,
) -> Result<(), String> {
    let tmp = dir.join(format!(".{key}.{}.tmp", std::process::id()));
    let result = (|| -> Result<(), String> {
        let index_dir = tmp.join(INDEX);
        std::fs::create_dir_all(&index_dir).map_err(|e| format!("{}: {e}", index_dir.display()))?;
        let mmap = MmapDirectory::open(&index_dir).map_err(|e| e.to_string())?;
        ram.persist(&mmap).map_err(|e| e.to_string())?;
        let version = VersionParts::from(&corpus.version);
        write_engine(&tmp.join(ENGINE), corpus, &version, index.term_stats())?;
        write_texts(&tmp.join(TEXTS), corpus)?;
        File::create(tmp.join(COMPLETE)).map_err(|e| e.to_string())?;
        match std::fs::rename(&tmp, dir.join(key)) {
            Ok(()) => Ok(()),
            // Another process stored the same entry first: theirs is as good.
            Err(_) if dir.join(key).join(COMPLETE).is_file() => {
                let _ = std::fs::remove_dir_all(&tmp);
                Ok(())
            }
            Err(e) => Err(format!("{}: {e}", dir.join(key).display())),
        }
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn write_engine(
    path: &Path,
    corpus: &Corpus,
    version: &VersionParts,
    stats: &TermStats,
) -> Result<(), String> {
    let fail = |e: &dyn std::fmt::Display| format!("{}: {e}", path.display());
    let mut out = BufWriter::new(File::create(path).map_err(|e| fail(&e))?);
    out = postcard::to_io(&(corpus, version, stats), out).map_err(|e| fail(&e))?;
    let per_part = corpus.sections.len().div_ceil(SECTION_PARTS).max(1);
    let mut chunks = corpus.sections.chunks(per_part);
    for _ in 0..SECTION_PARTS {
        let part = postcard::to_stdvec(chunks.next().unwrap_or(&[])).map_err(|e| fail(&e))?;
        out = postcard::to_io(&(part.len() as u64), out).map_err(|e| fail(&e))?;
        out.write_all(&part).map_err(|e| fail(&e))?;
    }
    out.flush().map_err(|e| fail(&e))
}
