//! `--index-cache DIR`: an entry is stored on the first load and read on the next; a
//! changed source file means another entry; a damaged entry is rebuilt; a cache that
//! cannot be written is bypassed, never fatal. An engine read from the cache answers
//! exactly as one built from the sources.

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::index_cache::{self, CacheOutcome};
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::AnswerRequest;
use acr_cmk_mcp::troubleshoot::TroubleshootRequest;

const QUESTIONS: [&str; 4] = [
    "How do I rotate the customer-managed key?",
    "cmk sku?",
    "Can I disable encryption with a customer-managed key later?",
    "What is the team's deploy freeze?",
];

fn options(extra: &std::path::Path) -> LoadOptions {
    LoadOptions {
        builtin: true,
        dirs: vec![extra.to_path_buf()],
        ..Default::default()
    }
}

fn write_skill(dir: &std::path::Path, body: &str) {
    std::fs::create_dir_all(dir).unwrap();
    std::fs::write(
        dir.join("SKILL.md"),
        format!("---\nname: team\ndescription: Team notes\nsources: [https://example.com]\n---\n# Team notes\n\n## Deploy freeze\n\n{body}\n"),
    )
    .unwrap();
}

/// Everything a client sees of the engine, as JSON, for comparing two engines.
fn fingerprint(engine: &Engine) -> String {
    let mut out = Vec::new();
    for q in QUESTIONS {
        out.push(
            serde_json::to_value(
                engine
                    .answer(&AnswerRequest {
                        max_results: Some(5),
                        max_chars: None,
                        ..AnswerRequest::new(q)
                    })
                    .unwrap(),
            )
            .unwrap(),
        );
    }
    let symptom = TroubleshootRequest {
        symptom: "ERROR: The identity associated with the registry is inactive.".into(),
        ..TroubleshootRequest::default()
    };
    out.push(serde_json::to_value(engine.troubleshoot(&symptom).unwrap()).unwrap());
    // A cached entry leaves the docs' texts out and takes them from the sources again.
    out.push(serde_json::json!(
        engine
            .corpus()
            .docs
            .iter()
            .map(|d| (d.id(), &d.text))
            .collect::<Vec<_>>()
    ));
    out.push(serde_json::json!(engine.version()));
    out.push(serde_json::json!(
        engine
            .diagnostics()
            .map(ToString::to_string)
            .collect::<Vec<_>>()
    ));
    serde_json::to_string(&out).unwrap()
}

#[test]
fn stores_then_hits_and_answers_exactly_as_a_fresh_build() {
    let tmp = tempfile::tempdir().unwrap();
    let skill = tmp.path().join("team");
    write_skill(&skill, "No deploys on Fridays, says the team.");
    let cache = tmp.path().join("cache");
    let fresh = Engine::load(&options(&skill)).unwrap();

    let (stored, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    let CacheOutcome::Stored(entry) = outcome else {
        panic!("{outcome:?}")
    };
    let (hit, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert!(read_from(&outcome, &entry), "{outcome:?}");

    let expected = fingerprint(&fresh);
    assert_eq!(fingerprint(&stored), expected);
    assert_eq!(fingerprint(&hit), expected);
    assert_eq!(*hit.version(), *fresh.version());
    assert!(fingerprint(&hit).contains("Fridays"));

    // A changed source means another entry, with the new text, though the entry used
    // last (the one the load decodes while it reads the sources) is the old one.
    write_skill(&skill, "No deploys on Mondays, says the team.");
    let (changed, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    let CacheOutcome::Stored(other) = outcome else {
        panic!("{outcome:?}")
    };
    assert_ne!(other, entry);
    assert!(fingerprint(&changed).contains("Mondays"));
    assert!(!fingerprint(&changed).contains("Fridays"));
}

/// Whether `outcome` read the engine from `entry`. A load finds it either by the
/// files' bytes (`Hit`) or, once the files are older than the cache's racy window
/// (two seconds) at a load that stores their metadata, by that metadata (`Known`):
/// which one depends on how fast the test runs, not on what it checks.
fn read_from(outcome: &CacheOutcome, entry: &std::path::Path) -> bool {
    matches!(outcome, CacheOutcome::Hit(e) | CacheOutcome::Known(e) if e == entry)
}

/// A skill folder and a cache holding its entry, just stored: the temporary folder
/// (kept alive by the caller), the skill, the cache, the engine and the entry.
fn stored_entry() -> (
    tempfile::TempDir,
    std::path::PathBuf,
    std::path::PathBuf,
    Engine,
    std::path::PathBuf,
) {
    let tmp = tempfile::tempdir().unwrap();
    let skill = tmp.path().join("team");
    write_skill(&skill, "No deploys on Fridays.");
    let cache = tmp.path().join("cache");
    let (fresh, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    let CacheOutcome::Stored(entry) = outcome else {
        panic!("{outcome:?}")
    };
    (tmp, skill, cache, fresh, entry)
}

#[test]
fn a_damaged_entry_is_rebuilt() {
    let (_tmp, skill, cache, fresh, entry) = stored_entry();
    let corpus = entry.join("engine.bin");
    let len = std::fs::metadata(&corpus).unwrap().len();
    std::fs::OpenOptions::new()
        .write(true)
        .open(&corpus)
        .unwrap()
        .set_len(len / 2)
        .unwrap();
    let (rebuilt, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert_eq!(outcome, CacheOutcome::Stored(entry.clone()));
    assert_eq!(fingerprint(&rebuilt), fingerprint(&fresh));
    let (_, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert!(read_from(&outcome, &entry), "{outcome:?}");
}

#[test]
fn a_cache_that_cannot_be_written_is_bypassed() {
    let tmp = tempfile::tempdir().unwrap();
    let skill = tmp.path().join("team");
    write_skill(&skill, "No deploys on Fridays.");
    // A file where the cache folder should be.
    let cache = tmp.path().join("not-a-dir");
    std::fs::write(&cache, "x").unwrap();
    let (engine, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert!(matches!(outcome, CacheOutcome::Bypassed(_)), "{outcome:?}");
    assert_eq!(
        fingerprint(&engine),
        fingerprint(&Engine::load(&options(&skill)).unwrap())
    );
}

#[test]
fn a_latest_file_that_names_no_entry_is_ignored() {
    let (_tmp, skill, cache, fresh, entry) = stored_entry();
    for latest in [
        "../../etc",
        "not a key",
        "0123456789abcdef0123456789abcdef",
        "",
    ] {
        std::fs::write(cache.join("latest"), latest).unwrap();
        let (engine, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
        assert!(read_from(&outcome, &entry), "{latest:?}: {outcome:?}");
        assert_eq!(fingerprint(&engine), fingerprint(&fresh));
    }
}

/// Sets every file under `dir` to have been modified at `when`.
fn set_mtime(dir: &std::path::Path, when: std::time::SystemTime) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let file = std::fs::File::options().write(true).open(&path).unwrap();
        file.set_modified(when).unwrap();
    }
}

fn stat_aliases(cache: &std::path::Path) -> usize {
    std::fs::read_dir(cache)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .file_name()
                .to_string_lossy()
                .starts_with("stat-")
        })
        .count()
}

#[test]
fn an_untouched_tree_is_known_by_its_files_metadata_and_not_read() {
    let long_ago = std::time::UNIX_EPOCH + std::time::Duration::from_secs(1_700_000_000);
    let tmp = tempfile::tempdir().unwrap();
    let skill = tmp.path().join("team");
    write_skill(&skill, "No deploys on Fridays, says the team.");
    let cache = tmp.path().join("cache");
    // A file changed within the clock's resolution of the read (here: stamped in the
    // future) may still change unseen: its metadata names no entry.
    set_mtime(
        &skill,
        std::time::SystemTime::now() + std::time::Duration::from_secs(3600),
    );
    let (_, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    let CacheOutcome::Stored(entry) = outcome else {
        panic!("{outcome:?}")
    };
    assert_eq!(stat_aliases(&cache), 0);
    let (_, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert_eq!(outcome, CacheOutcome::Hit(entry.clone()));
    assert_eq!(stat_aliases(&cache), 0);

    set_mtime(&skill, long_ago);
    let fresh = Engine::load(&options(&skill)).unwrap();
    let (_, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert_eq!(outcome, CacheOutcome::Hit(entry.clone()));
    assert_eq!(stat_aliases(&cache), 1);
    let (known, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert_eq!(outcome, CacheOutcome::Known(entry.clone()));
    assert_eq!(fingerprint(&known), fingerprint(&fresh));
    assert_eq!(*known.version(), *fresh.version());

    // A file rewritten with the same size and its old modification time back is read
    // again: its change time moved, and no tool sets that back.
    write_skill(&skill, "No deploys on Mondays, says the team.");
    set_mtime(&skill, long_ago);
    let (changed, outcome) = index_cache::load(&options(&skill), &cache).unwrap();
    assert!(matches!(outcome, CacheOutcome::Stored(_)), "{outcome:?}");
    assert!(fingerprint(&changed).contains("Mondays"));
    assert!(!fingerprint(&changed).contains("Fridays"));
}
