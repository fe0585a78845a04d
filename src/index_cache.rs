//! The optional on-disk cache of a built engine (`--index-cache DIR`): the parsed
//! knowledge, the tantivy segment and the term statistics, so a large knowledge tree
//! starts without parsing or indexing.
//!
//! An entry is keyed by a digest of every source file (skill, path, origin, bytes),
//! the problems met reading them, this program's version and the cache format: any
//! change to the knowledge, or a new build, means another key, never a stale hit.
//! The files are still read and hashed on every start; only parsing and indexing are
//! saved, and the docs' texts are taken from those reads rather than stored again.
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
use crate::knowledge::{Corpus, KnowledgeVersion, LoadOptions, Section, hex};
use crate::search::{SearchIndex, TermStats};

/// Bumped whenever what an entry holds changes shape.
const FORMAT: &str = "acr-cmk-index-cache-8";
const COMPLETE: &str = "complete";
/// The parsed corpus, its version and the term statistics, in postcard (see
/// [`EngineHead`]).
const ENGINE: &str = "engine.bin";
const INDEX: &str = "index";
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

/// How the engine came to be.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CacheOutcome {
    /// Read from the entry at this path.
    Hit(PathBuf),
    /// Built, and written to the entry at this path.
    Stored(PathBuf),
    /// Built, but no entry could be read or written; why.
    Bypassed(String),
}

/// Loads the knowledge of `options` through the cache in `dir`.
pub fn load(options: &LoadOptions, dir: &Path) -> Result<(Engine, CacheOutcome), IndexError> {
    let start = Instant::now();
    // The entry used last is most likely the one the sources will ask for: it is
    // decoded on another thread while the sources are read and hashed, and used only
    // if the digest then names it. The digest alone decides what is a hit.
    let guess = latest(dir).filter(|k| dir.join(k).join(COMPLETE).is_file());
    let (mut sources, key, read, hashed, guessed) = std::thread::scope(|scope| {
        let guessed = guess.as_ref().map(|k| {
            let entry = dir.join(k);
            scope.spawn(move || decode_entry(&entry))
        });
        let sources = Corpus::read_sources(options);
        let read = start.elapsed();
        let key = {
            use sha2::{Digest, Sha256};
            let mut hash = Sha256::new();
            hash.update(FORMAT);
            hash.update(env!("CARGO_PKG_VERSION"));
            hash.update(sources.digest());
            hex(&hash.finalize()[..16])
        };
        let hashed = start.elapsed();
        let guessed = guessed.map(|worker| {
            worker
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        });
        (sources, key, read, hashed, guessed)
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
    let corpus = Corpus::from_sources(sources);
    let load_time = start.elapsed();
    let indexing = Instant::now();
    let ram = RamDirectory::create();
    let index = SearchIndex::build_in(&corpus, ram.clone())?;
    let index_time = indexing.elapsed();
    let outcome = match write_entry(dir, &key, &corpus, &index, &ram) {
        Ok(()) => {
            tracing::info!("index cache stored: {}", entry.display());
            set_latest(dir, &key);
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
    let key = std::fs::read_to_string(dir.join(LATEST)).ok()?;
    let key = key.trim();
    (key.len() == 32 && key.bytes().all(|b| b.is_ascii_hexdigit())).then(|| key.to_string())
}

/// Records `key` as the entry used last. Best effort: it only guides a guess.
fn set_latest(dir: &Path, key: &str) {
    let tmp = dir.join(format!(".{LATEST}.{}.tmp", std::process::id()));
    if std::fs::write(&tmp, key).is_err() || std::fs::rename(&tmp, dir.join(LATEST)).is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
}

/// Decodes the entry at `entry`: the corpus without its docs' texts (see
/// [`Corpus::restore_texts`]) and its index.
fn decode_entry(entry: &Path) -> Result<(Corpus, SearchIndex), String> {
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
