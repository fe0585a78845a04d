//! The binary's command line, run for real.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_acr-cmk-mcp"))
}

fn run(args: &[&str]) -> Output {
    bin().args(args).output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn ask_prints_cited_snippets() {
    let o = run(&["ask", "How do I rotate the customer-managed key?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("Source: skill://acr-cmk/references/"), "{out}");
    assert!(
        out.contains("upstream: https://learn.microsoft.com/"),
        "{out}"
    );
    assert!(out.to_lowercase().contains("rotate"));
}

#[test]
fn ask_json_is_the_structured_answer() {
    let o = run(&[
        "ask",
        "How do I bake bread?",
        "--json",
        "--max-results",
        "2",
    ]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["confident"], false);
    assert!(v["snippets"].as_array().unwrap().len() <= 2);
}

#[test]
fn ask_explain_shows_how_the_question_was_read_and_judged() {
    let o = run(&[
        "ask",
        "--explain",
        "We rotate keys every quarter.\n\nHow do I rotate the customer-managed key?",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(
        out.contains("  context We rotate keys every quarter."),
        "{out}"
    );
    assert!(
        out.contains("  ask     How do I rotate the customer-managed key?"),
        "{out}"
    );
    assert!(out.contains("Intent: procedure"), "{out}");
    // The asked concept counts for coverage; the corpus-wide one carries nothing.
    let rotate = out
        .lines()
        .find(|l| l.ends_with("rotat | key rotat | rotat key"));
    assert!(
        rotate.is_some_and(|l| l.trim_start().starts_with("* synonyms")),
        "{out}"
    );
    let first_hit = out.lines().skip_while(|l| !l.starts_with("Hits")).nth(1);
    assert!(
        first_hit.is_some_and(|l| l.contains("acr-cmk/references/key-rotation.md#")),
        "{out}"
    );
    assert!(out.trim_end().ends_with("Confident: yes"), "{out}");

    let o = run(&["ask", "--explain", "--json", "How do I bake bread?"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let e: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(e["confident"], false, "{e}");
    assert!(e["unknown_share"].as_f64().unwrap() > 0.5, "{e}");
    assert_eq!(e["segments"][0]["role"], "ask", "{e}");
}

#[test]
fn usage_and_input_errors_exit_2_with_a_clear_message() {
    let o = run(&["ask"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("<QUESTION>"), "{}", stderr(&o));
    let o = run(&["frobnicate"]);
    assert_eq!(o.status.code(), Some(2));
    let o = run(&["ask", "x", "--max-results", "99"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("max_results"), "{}", stderr(&o));
    let o = run(&["setup", "create_registry", "--registry-name", "Bad_Name"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("--registry-name") && stderr(&o).contains("lowercase"),
        "{}",
        stderr(&o)
    );
    let o = run(&["setup", "make_coffee"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("scenario") && stderr(&o).contains("create_registry"),
        "{}",
        stderr(&o)
    );
    assert!(stdout(&o).is_empty());
}

#[test]
fn setup_script_is_only_bash() {
    let o = run(&[
        "setup",
        "show_status",
        "--registry-name",
        "contosoacr01",
        "--resource-group",
        "rg-acr",
        "--script",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let script = stdout(&o);
    assert!(script.starts_with("#!/usr/bin/env bash\n"));
    assert!(script.contains("az acr check-health --name \"$REGISTRY_NAME\" --ignore-errors --yes"));
    let check = Command::new("bash")
        .arg("-n")
        .arg("-c")
        .arg(&script)
        .status()
        .unwrap();
    assert!(check.success());
    let o = run(&[
        "setup",
        "revoke_access",
        "--identity-name",
        "[system]",
        "--json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        v["steps"]
            .as_array()
            .unwrap()
            .iter()
            .any(|s| s["destructive"] == true)
    );
}

#[test]
fn troubleshoot_reads_a_log_from_stdin() {
    let mut child = bin()
        .args([
            "troubleshoot",
            "-",
            "--json",
            "--registry-name",
            "contosoacr01",
        ])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"2026-11-29T10:00:01Z INFO starting\n2026-11-29T10:00:02Z ERROR az acr check-health: CMK_ERROR The identity used for registry 'contosoacr01' encryption doesn't exist.\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["confident"], true);
    assert_eq!(v["matches"][0]["id"], "check-health-reports-cmk_error");
    let diagnose = v["matches"][0]["diagnose"].to_string();
    assert!(diagnose.contains("--name contosoacr01"), "{diagnose}");
}

#[test]
fn doctor_reports_what_is_loaded() {
    let o = run(&["doctor"]);
    assert!(o.status.success());
    let out = stdout(&o);
    assert!(out.contains("skill acr-cmk (builtin)"), "{out}");
    assert!(out.contains("troubleshooting cases: 2"), "{out}");
    assert!(out.contains("setup scenarios: create_registry"), "{out}");
    assert!(out.contains("diagnostics: 0"), "{out}");
    assert!(out.contains("index build:"));
}

#[test]
fn own_knowledge_can_replace_the_builtin() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("bakery");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: bakery\ndescription: Bread.\nsources: [https://example.com/bread]\n---\n# Bakery\n## How to bake bread\nKnead the dough, let it rise, bake at 230 degrees.\n",
    )
    .unwrap();
    std::fs::write(skill.join("broken.md"), b"# Broken\n\xff\n").unwrap();
    let d = dir.path().to_str().unwrap();
    let o = run(&[
        "--knowledge",
        d,
        "--no-builtin",
        "ask",
        "How do I bake bread?",
        "--json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["confident"], true);
    assert_eq!(
        v["citations"][v["snippets"][0]["cite"].as_u64().unwrap() as usize]["uri"],
        "skill://bakery/SKILL.md#how-to-bake-bread"
    );
    assert!(
        stderr(&o).contains("broken.md:2: not valid UTF-8"),
        "{}",
        stderr(&o)
    );
    let o = run(&["--knowledge", d, "doctor"]);
    assert!(stdout(&o).contains("skill bakery"));
    assert!(stdout(&o).contains("skill acr-cmk"));
}

#[test]
fn lint_passes_our_knowledge_and_flags_a_broken_doc() {
    let knowledge = concat!(env!("CARGO_MANIFEST_DIR"), "/knowledge");
    let o = run(&["lint", knowledge]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("no findings"));
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("mine");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: Mine\ndescription: d\n---\n# Mine\nSee [x](gone.md).\n```bash\naz acr show\n",
    )
    .unwrap();
    let o = run(&["lint", dir.path().to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    for expected in [
        "[front-matter] `name` \"Mine\"",
        "missing `sources`",
        "[link]",
        "[fence]",
    ] {
        assert!(out.contains(expected), "{expected}: {out}");
    }
}

#[test]
fn faults_in_knowledge_folders_are_named_and_strict_makes_them_fatal() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("faulty");
    std::fs::create_dir_all(skill.join("references")).unwrap();
    std::fs::write(skill.join("SKILL.md"), "---\nname: faulty\ndescription: d\nsources: [https://example.com]\n---\n# Faulty\n## Good part\nstill served\n## Same\na\n## Same\nb\n").unwrap();
    std::fs::write(skill.join("references/utf8.md"), b"# U\n\xc3\x28\n").unwrap();
    std::fs::write(
        skill.join("references/comment.md"),
        "# C\n## Seen\n<!-- asked:\n- q\n## Hidden\ngone\n",
    )
    .unwrap();
    std::fs::write(
        skill.join("references/yaml.md"),
        "---\nname: : :\n  - [\n---\n# Y\n",
    )
    .unwrap();
    std::fs::write(
        skill.join("references/huge.md"),
        vec![b'a'; 10 * 1024 * 1024],
    )
    .unwrap();
    std::os::unix::fs::symlink(
        skill.join("references/does-not-exist.md"),
        skill.join("references/dangling.md"),
    )
    .unwrap();
    std::os::unix::fs::symlink(&skill, skill.join("references/loop")).unwrap();
    let d = dir.path().to_str().unwrap();
    let o = run(&["--knowledge", d, "--no-builtin", "doctor"]);
    assert!(o.status.success());
    let out = stdout(&o);
    for expected in [
        "utf8.md:2: not valid UTF-8",
        "yaml.md:",
        "front matter is not valid YAML",
        "huge.md: file is 10485760 bytes, over the",
        "dangling.md: cannot read",
        "symlink loop",
        "SKILL.md:11: duplicate heading",
        "comment.md:3: HTML comment is never closed",
    ] {
        assert!(out.contains(expected), "{expected}:\n{out}");
    }
    let o = run(&[
        "--knowledge",
        d,
        "--no-builtin",
        "ask",
        "good part",
        "--json",
    ]);
    assert!(o.status.success(), "the valid part is still served");
    assert!(stdout(&o).contains("still served"));
    let o = run(&[
        "--knowledge",
        d,
        "--no-builtin",
        "--strict",
        "ask",
        "good part",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--strict"), "{}", stderr(&o));
    let o = run(&["--knowledge", "/no/such/dir", "--strict", "doctor"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("/no/such/dir: cannot read knowledge directory"));
}

#[test]
fn index_cache_stores_an_entry_then_serves_from_it() {
    let tmp = tempfile::tempdir().unwrap();
    let cache = tmp.path().join("cache");
    let dir = cache.to_str().unwrap();
    let first = bin()
        .args(["--index-cache", dir, "ask", "cmk sku?"])
        .env("RUST_LOG", "info")
        .output()
        .unwrap();
    assert!(first.status.success(), "{}", stderr(&first));
    assert!(
        stderr(&first).contains("index cache stored"),
        "{}",
        stderr(&first)
    );
    let second = bin()
        .args(["--index-cache", dir, "ask", "cmk sku?"])
        .env("RUST_LOG", "info")
        .output()
        .unwrap();
    assert!(second.status.success(), "{}", stderr(&second));
    assert!(
        stderr(&second).contains("index cache hit"),
        "{}",
        stderr(&second)
    );
    assert_eq!(stdout(&first), stdout(&second));
    assert!(stdout(&second).contains("Premium"), "{}", stdout(&second));
}

/// `lint --upstream` against a synthetic docs checkout: a missing anchor, a missing
/// article and a page changed since the citing doc was checked are found; anchors
/// that exist (by Learn's heading rule, or explicit), and pages the checkout does not
/// hold, are not.
#[test]
fn lint_upstream_finds_stale_citations() {
    let fixtures = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/upstream");
    let skill = fixtures.join("skill");
    let docs = fixtures.join("docs");
    let o = run(&[
        "lint",
        skill.to_str().unwrap(),
        "--upstream",
        docs.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    let out = stdout(&o);
    let upstream: Vec<&str> = out.lines().filter(|l| l.contains("[upstream]")).collect();
    assert_eq!(upstream.len(), 3, "{out}");
    assert!(
        out.contains("stale.md:21: [upstream]") && out.contains("#rotate-a-gadget-key"),
        "{out}"
    );
    assert!(
        out.contains("no articles/container-registry/widget-keys-old.md"),
        "{out}"
    );
    assert!(
        out.contains("ms.date 2026-10-09 is newer than this doc's updated 2026-09-01"),
        "{out}"
    );
    assert!(
        !out.contains("key-vault") && !out.contains("cli/azure"),
        "{out}"
    );
    let o = run(&[
        "lint",
        skill.to_str().unwrap(),
        "--upstream",
        skill.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("no articles/ folder"));
}

/// Runs the binary with a deadline: a knowledge folder must never hang it.
#[cfg(unix)]
fn run_within(args: &[&str], seconds: u64) -> Output {
    let child = bin()
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(child.wait_with_output());
    });
    match rx.recv_timeout(std::time::Duration::from_secs(seconds)) {
        Ok(output) => output.unwrap(),
        Err(_) => {
            let _ = Command::new("kill")
                .args(["-KILL", &pid.to_string()])
                .status();
            panic!("{args:?} did not finish within {seconds} s");
        }
    }
}

#[cfg(target_os = "linux")]
#[test]
fn knowledge_symlinks_out_of_the_folder_and_special_files_are_not_served() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("kb/mine");
    std::fs::create_dir_all(skill.join("references")).unwrap();
    std::fs::write(
        skill.join("SKILL.md"),
        "---\nname: mine\ndescription: d\n---\n# Mine\nok\n",
    )
    .unwrap();
    let refs = skill.join("references");
    std::os::unix::fs::symlink("/etc/passwd", refs.join("passwd.md")).unwrap();
    std::os::unix::fs::symlink("/proc/self/environ", refs.join("environ.md")).unwrap();
    std::os::unix::fs::symlink("/dev/zero", refs.join("zero.md")).unwrap();
    std::os::unix::fs::symlink("/etc", skill.join("etc")).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(refs.join("x.md"))
            .status()
            .unwrap()
            .success()
    );
    let kb = dir.path().join("kb");
    let kb = kb.to_str().unwrap();
    let o = run_within(&["--knowledge", kb, "--no-builtin", "doctor"], 30);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("docs: 1,"), "{out}");
    for expected in [
        "passwd.md: symlink to /etc/passwd, outside the knowledge folder",
        "environ.md: symlink to /proc/",
        "zero.md: symlink to /dev/zero, outside the knowledge folder",
        "mine/etc: symlink to /etc, outside the knowledge folder",
        "x.md: not a regular file (a FIFO)",
    ] {
        assert!(out.contains(expected), "{expected}:\n{out}");
    }
    // Nothing of /etc/passwd is served.
    let o = run_within(
        &[
            "--knowledge",
            kb,
            "--no-builtin",
            "ask",
            "root:x:0:0 nologin",
            "--json",
        ],
        30,
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let answer: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !answer["snippets"].to_string().contains("root:x:0"),
        "{answer}"
    );

    // --follow-symlinks serves the linked file, and still refuses the device and FIFO
    // (the link to /etc goes: followed, it would walk all of /etc).
    std::fs::remove_file(skill.join("etc")).unwrap();
    let o = run_within(
        &[
            "--knowledge",
            kb,
            "--no-builtin",
            "--follow-symlinks",
            "doctor",
        ],
        30,
    );
    let out = stdout(&o);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(!out.contains("passwd.md: symlink"), "{out}");
    assert!(
        out.contains("zero.md: not a regular file (a character device)"),
        "{out}"
    );
    assert!(out.contains("x.md: not a regular file (a FIFO)"), "{out}");
}

/// The command line's usage rules (#16 item 3): each mistake exits 2 naming what to
/// fix, and `--help` describes every argument.
#[test]
fn usage_rules_of_serve_setup_ask_and_eval() {
    // A public address without a token is a usage error, refused before serving.
    let o = run_within(&["serve", "--http", "0.0.0.0:18997"], 20);
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("token"), "{}", stderr(&o));

    // A parameter the scenario does not take is refused, naming the flag.
    let o = run(&[
        "setup",
        "show_status",
        "--registry-name",
        "contosoacr01",
        "--resource-group",
        "rg",
        "--delete-key",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--delete-key"), "{}", stderr(&o));
    assert!(stdout(&o).is_empty());

    // setup --help: every flag described, and what each scenario needs.
    let help = stdout(&run(&["setup", "--help"]));
    for line in help.lines().filter(|l| l.trim_start().starts_with("--")) {
        let described = line.split_whitespace().count() > 1
            || help
                .lines()
                .skip_while(|l| *l != line)
                .nth(1)
                .is_some_and(|next| !next.trim().is_empty() && !next.trim_start().starts_with('-'));
        assert!(described, "no description for {line:?} in:\n{help}");
    }
    assert!(help.contains("show_status"), "{help}");
    assert!(
        help.contains("needs: --registry-name --resource-group"),
        "{help}"
    );
    assert!(help.contains("optional: "), "{help}");

    // ask --help describes the question.
    let help = stdout(&run(&["ask", "--help"]));
    assert!(
        help.lines()
            .any(|l| l.contains("<QUESTION>") && l.split_whitespace().count() > 2),
        "{help}"
    );

    // eval from another directory finds the dev set in the source tree; a set that
    // is nowhere names --questions.
    let elsewhere = tempfile::tempdir().unwrap();
    let o = bin()
        .current_dir(elsewhere.path())
        .arg("eval")
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("questions from"), "{}", stdout(&o));
    let o = bin()
        .current_dir(elsewhere.path())
        .args(["eval", "--questions", "no-such-set.json"])
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("--questions"), "{}", stderr(&o));
}
