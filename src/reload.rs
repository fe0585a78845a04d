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
pub type SharedEngine = Arc<ArcSwap<Engine>>;

pub fn shared(engine: Engine) -> SharedEngine {
    Arc::new(ArcSwap::from_pointee(engine))
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
        let current = self.engine.load();
        let known: HashSet<String> = current.diagnostics().map(ToString::to_string).collect();
        let new_diagnostics: Vec<String> = next
            .diagnostics()
            .map(ToString::to_string)
            .filter(|d| !known.contains(d))
            .collect();
        if !new_diagnostics.is_empty() {
            return ReloadOutcome::Kept { new_diagnostics };
        }
        if next.corpus.version.content_hash == current.corpus.version.content_hash {
            return ReloadOutcome::Unchanged;
        }
        let (docs, sections) = (next.corpus.docs.len(), next.corpus.sections.len());
        self.engine.store(Arc::new(next));
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
        };
        let engine = shared(Engine::load(&options).unwrap());
        let reloader = Reloader::new(options, engine.clone());
        let mut changes = reloader.subscribe();
        let in_flight = engine.load_full();

        write(&skill, "## Beta\nbeta text");
        assert!(matches!(reloader.reload(), ReloadOutcome::Swapped { .. }));
        assert_eq!(changes.try_recv().unwrap(), 1);
        assert!(
            engine
                .load()
                .corpus
                .sections
                .iter()
                .any(|s| s.title() == "Beta")
        );
        // A call that started before the swap still sees its engine, whole.
        assert!(
            in_flight
                .corpus
                .sections
                .iter()
                .any(|s| s.title() == "Alpha")
        );

        std::fs::write(skill.join("broken.md"), b"# x\n\xff\n").unwrap();
        match reloader.reload() {
            ReloadOutcome::Kept { new_diagnostics } => {
                assert!(new_diagnostics[0].contains("broken.md"))
            }
            other => panic!("{other:?}"),
        }
        assert!(
            engine
                .load()
                .corpus
                .sections
                .iter()
                .any(|s| s.title() == "Beta")
        );
        assert!(matches!(reloader.reload(), ReloadOutcome::Kept { .. }));
        std::fs::remove_file(skill.join("broken.md")).unwrap();
        assert!(matches!(reloader.reload(), ReloadOutcome::Unchanged));
    }
}
