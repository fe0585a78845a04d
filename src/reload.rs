//! Live reload for `serve --watch`: the engine behind an atomic pointer, rebuilt off
//! the request path when the `--knowledge` directories change.
//!
//! Requests load the current engine once and keep that `Arc` to the end, so a swap
//! never disturbs a call in flight. A reload whose knowledge has problems the served
//! one did not have (a broken edit) is refused: the previous engine keeps serving and
//! the new diagnostics are logged.

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use arc_swap::ArcSwap;
use notify_debouncer_mini::{DebounceEventResult, Debouncer, new_debouncer, notify};
use tokio::sync::broadcast;

use crate::engine::Engine;
use crate::error::IndexError;
use crate::knowledge::LoadOptions;

/// The engine every request reads; swapped whole on reload.
///
/// It may start empty: `serve` answers `initialize` while the knowledge is still being
/// indexed on another thread ([`SharedEngine::pending`]), and a request that needs the
/// engine waits for it ([`SharedEngine::get`]). Loading and indexing are most of the
/// startup cost, and a client's handshake needs neither.
#[derive(Clone)]
pub struct SharedEngine {
    inner: Arc<EngineSlot>,
}

struct EngineSlot {
    current: std::sync::OnceLock<ArcSwap<Engine>>,
    /// Why the first engine could not be built, if it could not.
    failed: std::sync::OnceLock<String>,
    /// Flips to true once, when the first engine is in place or has failed.
    ready: tokio::sync::watch::Sender<bool>,
}

/// The knowledge could not be loaded at all (an index that could not be built).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the knowledge could not be loaded: {0}")]
pub struct LoadFailed(pub String);

/// A shared engine that is ready now.
pub fn shared(engine: Engine) -> SharedEngine {
    let shared = SharedEngine::pending();
    shared.store(Arc::new(engine));
    shared
}

impl SharedEngine {
    /// A shared engine whose first engine comes later, through [`SharedEngine::store`].
    pub fn pending() -> SharedEngine {
        SharedEngine {
            inner: Arc::new(EngineSlot {
                current: std::sync::OnceLock::new(),
                failed: std::sync::OnceLock::new(),
                ready: tokio::sync::watch::channel(false).0,
            }),
        }
    }

    /// Loads the knowledge on a thread of its own and returns at once: a client's
    /// handshake needs no knowledge, and loading and indexing are most of the startup
    /// cost. `load` runs on that thread; a failure is kept and every request that
    /// needs the engine gets it, instead of the process exiting under its clients.
    pub fn load_in_background(
        load: impl FnOnce() -> Result<Engine, IndexError> + Send + 'static,
    ) -> std::io::Result<SharedEngine> {
        let shared = SharedEngine::pending();
        let slot = shared.clone();
        std::thread::Builder::new()
            .name("knowledge-loader".into())
            .spawn(move || match load() {
                Ok(engine) => {
                    for d in engine.diagnostics() {
                        tracing::warn!("{d}");
                    }
                    slot.store(Arc::new(engine));
                    // Parsing and indexing freed much more than the engine keeps.
                    crate::heap::release_free();
                }
                Err(e) => {
                    tracing::error!("loading the knowledge failed: {e}");
                    slot.fail(e.to_string());
                }
            })?;
        Ok(shared)
    }

    fn fail(&self, why: String) {
        let _ = self.inner.failed.set(why);
        self.inner.ready.send_replace(true);
    }

    /// The engine now serving, or `None` while the first one is still being built.
    pub fn current(&self) -> Option<Arc<Engine>> {
        self.inner.current.get().map(|slot| slot.load_full())
    }

    /// The engine now serving, waiting for the first one if need be.
    pub async fn get(&self) -> Result<Arc<Engine>, LoadFailed> {
        if let Some(engine) = self.current() {
            return Ok(engine);
        }
        tracing::debug!("a request waits for the knowledge to load");
        let mut ready = self.inner.ready.subscribe();
        // The sender lives in `self`, so this cannot fail while we hold `self`.
        let _ = ready.wait_for(|ready| *ready).await;
        match (self.current(), self.inner.failed.get()) {
            (Some(engine), _) => Ok(engine),
            (None, Some(why)) => Err(LoadFailed(why.clone())),
            (None, None) => Err(LoadFailed("no engine".into())),
        }
    }

    /// Puts `engine` in place: the first one, or a replacement (a reload).
    pub fn store(&self, engine: Arc<Engine>) {
        let mut engine = Some(engine);
        let slot = self
            .inner
            .current
            .get_or_init(|| ArcSwap::new(engine.take().expect("taken once")));
        if let Some(engine) = engine {
            slot.store(engine);
        }
        self.inner.ready.send_replace(true);
    }
}

/// What a reload did.
#[derive(Debug)]
pub enum ReloadOutcome {
    /// The new engine is serving.
    Swapped {
        docs: usize,
        sections: usize,
        took: Duration,
    },
    /// The knowledge did not change in content; nothing was swapped.
    Unchanged,
    /// The edit broke something; the previous engine keeps serving.
    Kept {
        new_diagnostics: Vec<String>,
    },
    Failed(IndexError),
}

/// Rebuilds the engine from the same options and tells subscribers when it swapped.
pub struct Reloader {
    options: LoadOptions,
    engine: SharedEngine,
    changes: broadcast::Sender<u64>,
    generation: std::sync::atomic::AtomicU64,
}

impl Reloader {
    pub fn new(options: LoadOptions, engine: SharedEngine) -> Reloader {
        Reloader {
            options,
            engine,
            changes: broadcast::channel(16).0,
            generation: 0.into(),
        }
    }

    /// A receiver that gets the new generation number after every swap.
    pub fn subscribe(&self) -> broadcast::Receiver<u64> {
        self.changes.subscribe()
    }

    /// The sender behind [`Reloader::subscribe`], for servers that subscribe per client.
    pub fn sender(&self) -> broadcast::Sender<u64> {
        self.changes.clone()
    }

    pub fn engine(&self) -> &SharedEngine {
        &self.engine
    }

    pub fn reload(&self) -> ReloadOutcome {
        let start = Instant::now();
        let next = match Engine::load(&self.options) {
            Ok(e) => e,
            Err(e) => return ReloadOutcome::Failed(e),
        };
        let Some(current) = self.engine.current() else {
            // The first engine is still being built: this one is as good.
            self.engine.store(Arc::new(next));
            return ReloadOutcome::Unchanged;
        };
        let known: HashSet<String> = current.diagnostics().map(ToString::to_string).collect();
        let new_diagnostics: Vec<String> = next
            .diagnostics()
            .map(ToString::to_string)
            .filter(|d| !known.contains(d))
            .collect();
        if !new_diagnostics.is_empty() {
            return ReloadOutcome::Kept { new_diagnostics };
        }
        if next.version().content_hash == current.version().content_hash {
            return ReloadOutcome::Unchanged;
        }
        let summary = next.summary();
        let (docs, sections) = (summary.docs, summary.sections);
        self.engine.store(Arc::new(next));
        // The old engine goes with the last request still using it; whatever this
        // drop frees goes back to the system at once.
        drop(current);
        crate::heap::release_free();
        let generation = self
            .generation
            .fetch_add(1, std::sync::atomic::Ordering::SeqCst)
            + 1;
        let _ = self.changes.send(generation); // no subscriber is fine
        ReloadOutcome::Swapped {
            docs,
            sections,
            took: start.elapsed(),
        }
    }
}

/// Watches `dirs` and reloads, debounced, on every change. The returned debouncer
/// must be kept alive for as long as watching should go on.
pub fn watch(
    reloader: Arc<Reloader>,
    dirs: &[PathBuf],
    debounce: Duration,
) -> notify::Result<Debouncer<notify::RecommendedWatcher>> {
    let mut debouncer = new_debouncer(debounce, move |events: DebounceEventResult| match events {
        Ok(events) if !events.is_empty() => match reloader.reload() {
            ReloadOutcome::Swapped {
                docs,
                sections,
                took,
            } => {
                tracing::info!(
                    docs,
                    sections,
                    ms = took.as_secs_f64() * 1e3,
                    "knowledge reloaded"
                )
            }
            ReloadOutcome::Unchanged => tracing::debug!("knowledge unchanged"),
            ReloadOutcome::Kept { new_diagnostics } => {
                for d in new_diagnostics {
                    tracing::warn!("{d}");
                }
                tracing::warn!(
                    "reload refused: the edit has problems; still serving the previous knowledge"
                );
            }
            ReloadOutcome::Failed(e) => tracing::error!("reload failed: {e}"),
        },
        Ok(_) => {}
        Err(e) => tracing::warn!("watch error: {e}"),
    })?;
    for dir in dirs {
        debouncer
            .watcher()
            .watch(dir, notify::RecursiveMode::Recursive)?;
    }
    Ok(debouncer)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn has_section(engine: &Engine, title: &str) -> bool {
        engine.corpus().sections.iter().any(|s| s.title() == title)
    }

    fn write(dir: &std::path::Path, body: &str) {
        std::fs::write(dir.join("SKILL.md"), format!("---\nname: team\ndescription: d\nsources: [https://example.com]\n---\n# Team\n{body}\n")).unwrap();
    }

    #[test]
    fn reload_swaps_refuses_broken_edits_and_keeps_old_engines_alive() {
        let dir = tempfile::tempdir().unwrap();
        let skill = dir.path().join("team");
        std::fs::create_dir_all(&skill).unwrap();
        write(&skill, "## Alpha\nalpha text");
        let options = LoadOptions {
            builtin: false,
            dirs: vec![skill.clone()],
            ..Default::default()
        };
        let engine = shared(Engine::load(&options).unwrap());
        let reloader = Reloader::new(options, engine.clone());
        let mut changes = reloader.subscribe();
        let in_flight = engine.current().unwrap();

        write(&skill, "## Beta\nbeta text");
        assert!(matches!(reloader.reload(), ReloadOutcome::Swapped { .. }));
        assert_eq!(changes.try_recv().unwrap(), 1);
        assert!(has_section(&engine.current().unwrap(), "Beta"));
        // A call that started before the swap still sees its engine, whole.
        assert!(has_section(&in_flight, "Alpha"));

        std::fs::write(skill.join("broken.md"), b"# x\n\xff\n").unwrap();
        match reloader.reload() {
            ReloadOutcome::Kept { new_diagnostics } => {
                assert!(new_diagnostics[0].contains("broken.md"))
            }
            other => panic!("{other:?}"),
        }
        assert!(has_section(&engine.current().unwrap(), "Beta"));
        assert!(matches!(reloader.reload(), ReloadOutcome::Kept { .. }));
        std::fs::remove_file(skill.join("broken.md")).unwrap();
        assert!(matches!(reloader.reload(), ReloadOutcome::Unchanged));
    }
}
