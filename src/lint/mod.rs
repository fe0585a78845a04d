//! `acr-cmk-mcp lint`: checks skill docs the way their authors' CI should.
//!
//! Findings cover what makes knowledge load badly or cite wrongly: front matter
//! against the Agent Skills rules, required fields and https sources, duplicate and
//! empty sections, links between docs and to anchors, troubleshooting case structure,
//! unbalanced code fences, setup scenarios, (with an Azure CLI) `az` lines that do
//! not parse, and (with a docs checkout, see [`upstream`]) citations that went stale.

pub mod upstream;

use std::collections::{HashMap, HashSet};
use std::path::Path;

use crate::azcheck;
use crate::azure::{Line, command};
use crate::knowledge::markdown::{self, outside_fences, slug};
use crate::knowledge::{Corpus, Doc};
use crate::setup::ScenarioCatalog;
use crate::troubleshoot::CaseCatalog;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub file: String,
    pub line: Option<usize>,
    /// A short rule name (`front-matter`, `link`, `fence`…).
    pub rule: &'static str,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.line {
            Some(l) => write!(f, "{}:{}: [{}] {}", self.file, l, self.rule, self.message),
            None => write!(f, "{}: [{}] {}", self.file, self.rule, self.message),
        }
    }
}

/// What `lint` was given besides the knowledge.
#[derive(Debug, Clone, Copy, Default)]
pub struct Checks<'a> {
    /// An Azure CLI to check `az` lines with.
    pub az: Option<&'a Path>,
    /// A checkout of the official docs repository to check citations against.
    pub upstream: Option<&'a Path>,
}

/// Why linting could not run.
#[derive(Debug, thiserror::Error)]
pub enum LintError {
    #[error("running the Azure CLI: {0}")]
    Az(#[from] std::io::Error),
    #[error("--upstream {0}")]
    Upstream(String),
}

/// Lints a loaded corpus.
pub fn lint(
    corpus: &Corpus,
    cases: &CaseCatalog,
    scenarios: &ScenarioCatalog,
    checks: Checks,
) -> Result<Vec<Finding>, LintError> {
    let mut findings: Vec<Finding> = Vec::new();
    for d in corpus
        .diagnostics
        .iter()
        .chain(&cases.diagnostics)
        .chain(&scenarios.diagnostics)
    {
        let rule = if d.message.contains("troubleshooting case") || d.message.starts_with("case ") {
            "case"
        } else if d.message.starts_with("scenario") {
            "scenario"
        } else if d.message.starts_with("duplicate heading") {
            "duplicate-section"
        } else if d.message == markdown::UNCLOSED_COMMENT {
            "comment"
        } else {
            "load"
        };
        findings.push(Finding {
            file: d.file.clone(),
            line: d.line,
            rule,
            message: d.message.clone(),
        });
    }
    for scenario in &scenarios.scenarios {
        for step in &scenario.steps {
            for v in step
                .variants
                .iter()
                .filter(|v| v.line.is_destructive() && !v.destructive)
            {
                let s = &corpus.sections[v.section];
                findings.push(Finding {
                    file: corpus.doc_of(s).origin.clone(),
                    line: Some(s.lines.0),
                    rule: "scenario",
                    message: format!(
                        "step {:?} deletes or removes something but is not marked **Destructive:**",
                        step.title
                    ),
                });
            }
        }
    }
    let mut targets = LinkTargets::new(corpus);
    for doc in &corpus.docs {
        front_matter(doc, &mut findings);
        sections(corpus, doc, &mut findings);
        links(corpus, doc, &mut targets, &mut findings);
        fences(doc, &mut findings);
        comments(corpus, doc, &mut findings);
    }
    if let Some(docs) = checks.upstream {
        findings.extend(upstream::check(corpus, docs).map_err(LintError::Upstream)?);
    }
    if let Some(az) = checks.az {
        let mut commands = Vec::new();
        for s in &corpus.sections {
            let doc = corpus.doc_of(s);
            for block in s
                .code
                .iter()
                .filter(|b| matches!(b.lang.as_str(), "bash" | "sh" | "shell" | "azurecli" | ""))
            {
                for text in command::lines_of(&block.code) {
                    let argv = Line::parse(&text)
                        .ok()
                        .and_then(|l| azcheck::sample_argv(&l));
                    if let Some(argv) = argv {
                        commands.push((argv, format!("{}:{}", doc.origin, s.lines.0)));
                    }
                }
            }
        }
        commands.sort();
        commands.dedup_by(|a, b| a.0 == b.0);
        for f in azcheck::check(az, &commands, 3)? {
            let (file, line) = f
                .origin
                .rsplit_once(':')
                .map_or((f.origin.clone(), None), |(f, l)| {
                    (f.to_string(), l.parse().ok())
                });
            findings.push(Finding {
                file,
                line,
                rule: "az",
                message: format!("{} does not parse: {}", f.command, f.message),
            });
        }
    }
    findings.sort_by(|a, b| (&a.file, a.line).cmp(&(&b.file, b.line)));
    Ok(findings)
}

fn front_matter(doc: &Doc, out: &mut Vec<Finding>) {
    let mut find = |line: Option<usize>, message: String| {
        out.push(Finding {
            file: doc.origin.clone(),
            line,
            rule: "front-matter",
            message,
        });
    };
    let fm = &doc.front;
    let is_skill = doc.path == "SKILL.md";
    match &fm.name {
        None => find(Some(1), "missing `name`".into()),
        Some(name) => {
            // A scenario's name is its tool-facing snake_case identifier; other docs
            // follow the Agent Skills name rule.
            let valid = doc.is_scenario()
                || (1..=64).contains(&name.len())
                    && name
                        .bytes()
                        .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
                    && !name.starts_with('-')
                    && !name.ends_with('-')
                    && !name.contains("--");
            if !valid {
                find(
                    Some(1),
                    format!(
                        "`name` {name:?} must be 1-64 characters of a-z, 0-9 and single hyphens, not starting or ending with one"
                    ),
                );
            }
            if is_skill && name != &doc.skill {
                find(
                    Some(1),
                    format!(
                        "`name` {name:?} must equal the skill folder name {:?}",
                        doc.skill
                    ),
                );
            }
            let stem = doc
                .path
                .rsplit('/')
                .next()
                .unwrap_or(&doc.path)
                .trim_end_matches(".md");
            if !is_skill && name != stem {
                find(
                    Some(1),
                    format!("`name` {name:?} should equal the file name {stem:?}"),
                );
            }
        }
    }
    match &fm.description {
        None => find(Some(1), "missing `description`".into()),
        Some(d) if d.chars().count() > 1024 => find(
            Some(1),
            format!(
                "`description` is {} characters; the limit is 1024",
                d.chars().count()
            ),
        ),
        Some(_) => {}
    }
    if fm.sources.is_empty() {
        find(
            Some(1),
            "missing `sources`: list the upstream https URLs the doc is based on".into(),
        );
    }
    for url in &fm.sources {
        let host = url
            .strip_prefix("https://")
            .and_then(|r| r.split('/').next())
            .unwrap_or("");
        if host.is_empty() || !host.contains('.') {
            find(Some(1), format!("source {url:?} is not an https URL"));
        }
    }
}

fn sections(corpus: &Corpus, doc: &Doc, out: &mut Vec<Finding>) {
    let all = &corpus.sections[doc.sections.clone()];
    for (i, s) in all.iter().enumerate() {
        let has_children = all.get(i + 1).is_some_and(|n| n.level > s.level);
        if s.level > 0 && corpus.markdown(s).trim().is_empty() && !has_children {
            out.push(Finding {
                file: doc.origin.clone(),
                line: Some(s.lines.0),
                rule: "empty-section",
                message: format!("section {:?} has no text", s.title()),
            });
        }
        // A section's own source; the doc's sources are checked with the front matter.
        if let Some(url) = &s.source_url
            && doc.front.sources.first() != Some(url)
            && !url.starts_with("https://")
        {
            out.push(Finding {
                file: doc.origin.clone(),
                line: Some(s.lines.0),
                rule: "front-matter",
                message: format!("source {url:?} is not an https URL"),
            });
        }
    }
}

/// What a relative link can point at: docs by id, and each doc's anchors (and its
/// headings' slugs), gathered once per doc that links point into. Searched per link
/// instead, a doc of 20,000 sections linking to its own headings took 46 s to lint.
struct LinkTargets<'c> {
    corpus: &'c Corpus,
    docs: HashMap<String, usize>,
    anchors: HashMap<usize, HashSet<String>>,
}

impl<'c> LinkTargets<'c> {
    fn new(corpus: &'c Corpus) -> Self {
        LinkTargets {
            corpus,
            docs: corpus
                .docs
                .iter()
                .enumerate()
                .map(|(i, d)| (d.id(), i))
                .collect(),
            anchors: HashMap::new(),
        }
    }

    fn doc(&self, id: &str) -> Option<usize> {
        self.docs.get(id).copied()
    }

    fn has_anchor(&mut self, doc: usize, anchor: &str) -> bool {
        let corpus = self.corpus;
        self.anchors
            .entry(doc)
            .or_insert_with(|| {
                corpus.sections[corpus.docs[doc].sections.clone()]
                    .iter()
                    .flat_map(|s| [s.anchor.clone(), slug(s.title())])
                    .collect()
            })
            .contains(anchor)
    }
}

fn links(corpus: &Corpus, doc: &Doc, targets: &mut LinkTargets, out: &mut Vec<Finding>) {
    let this = targets.doc(&doc.id());
    for s in &corpus.sections[doc.sections.clone()] {
        for (target, line) in &s.links {
            if target.contains("://") || target.starts_with("mailto:") || target.is_empty() {
                continue;
            }
            let (path, anchor) = match target.split_once('#') {
                Some((p, a)) => (p, Some(a)),
                None => (target.as_str(), None),
            };
            let target_doc = if path.is_empty() {
                this
            } else {
                let resolved = resolve(&doc.path, path);
                let id = format!("{}/{}", doc.skill, resolved);
                let found = targets.doc(&id);
                if found.is_none() {
                    out.push(Finding {
                        file: doc.origin.clone(),
                        line: Some(*line),
                        rule: "link",
                        message: format!(
                            "link {target:?} points to a doc that does not exist ({id})"
                        ),
                    });
                }
                found
            };
            if let (Some(d), Some(anchor)) = (target_doc, anchor)
                && !targets.has_anchor(d, anchor)
            {
                out.push(Finding {
                    file: doc.origin.clone(),
                    line: Some(*line),
                    rule: "link",
                    message: format!(
                        "link {target:?}: no section with anchor #{anchor} in {}",
                        corpus.docs[d].path
                    ),
                });
            }
        }
    }
}

/// `references/a.md` + `../SKILL.md` → `SKILL.md`.
fn resolve(from: &str, relative: &str) -> String {
    let mut parts: Vec<&str> = from.split('/').collect();
    parts.pop();
    for p in relative.split('/') {
        match p {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            p => parts.push(p),
        }
    }
    parts.join("/")
}

/// An HTML comment opened and never closed that the load did not name already (one
/// inside a paragraph hides nothing, but its `source` or `asked` line is lost as text).
fn comments(corpus: &Corpus, doc: &Doc, out: &mut Vec<Finding>) {
    let named = corpus
        .diagnostics
        .iter()
        .any(|d| d.file == doc.origin && d.message == markdown::UNCLOSED_COMMENT);
    if let Some(line) = markdown::unclosed_comment(&doc.text).filter(|_| !named) {
        out.push(Finding {
            file: doc.origin.clone(),
            line: Some(line),
            rule: "comment",
            message: markdown::UNCLOSED_COMMENT.into(),
        });
    }
}

fn fences(doc: &Doc, out: &mut Vec<Finding>) {
    if let Some(line) = outside_fences(&doc.text, |_, _| {}) {
        out.push(Finding {
            file: doc.origin.clone(),
            line: Some(line),
            rule: "fence",
            message: "code fence is never closed".into(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_are_checked_in_linear_time() {
        // 10,000 sections each linking to the next: every link used to search every
        // section of its target, slugging each heading anew (46 s for 20,000 in a
        // release build).
        let mut doc =
            String::from("---\nname: s\ndescription: d\nsources: [https://e.org]\n---\n# S\n");
        for i in 0..10_000 {
            doc.push_str(&format!("## Crumb {i}\nsee [next](#crumb-{})\n", i + 1));
        }
        let corpus = Corpus::from_texts([("s", "SKILL.md", doc.as_str())]);
        let started = std::time::Instant::now();
        let findings = lint(
            &corpus,
            &CaseCatalog::from_corpus(&corpus),
            &ScenarioCatalog::from_corpus(&corpus),
            Checks::default(),
        )
        .unwrap();
        let elapsed = started.elapsed();
        let text: Vec<String> = findings.iter().map(ToString::to_string).collect();
        // Only the last link points past the end.
        assert_eq!(
            text.iter().filter(|t| t.contains("[link]")).count(),
            1,
            "{text:#?}"
        );
        assert!(text.iter().any(|t| t.contains("#crumb-10000")), "{text:#?}");
        assert!(
            elapsed < std::time::Duration::from_secs(20),
            "10,000 links took {elapsed:?}"
        );
    }

    #[test]
    fn finds_each_kind_of_problem() {
        let corpus = Corpus::from_texts([
            (
                "my-skill",
                "SKILL.md",
                "---\nname: other\ndescription: d\nsources: [http://insecure.example]\n---\n# S\nSee [missing](references/nope.md) and [bad anchor](references/a.md#nowhere) and [ok](references/a.md#part).\n",
            ),
            (
                "my-skill",
                "references/a.md",
                "---\nname: a\ndescription: d\nsources: [https://example.org/a]\n---\n# A\n## Part\ntext\n## Part\nmore\n## Empty\n## Last\n```bash\naz acr show\n",
            ),
            ("my-skill", "references/b.md", "# B\nno front matter\n"),
            (
                "my-skill",
                "references/c.md",
                "---\nname: c\ndescription: d\nsources: [https://example.org/c]\n---\n# C\nShown as `<!--` in a span.\n<!-- source: https://example.org/c#x -->\n<!-- asked:\n- one\n## Hidden\ntext\n",
            ),
            (
                "my-skill",
                "references/d.md",
                "# D\nA paragraph <!-- source: https://example.org/d\nread as its text.\n",
            ),
        ]);
        let cases = CaseCatalog::from_corpus(&corpus);
        let findings = lint(
            &corpus,
            &cases,
            &ScenarioCatalog::from_corpus(&corpus),
            Checks::default(),
        )
        .unwrap();
        let text: Vec<String> = findings.iter().map(ToString::to_string).collect();
        let has = |s: &str| text.iter().any(|t| t.contains(s));
        assert!(has("must equal the skill folder name"), "{text:#?}");
        assert!(has("is not an https URL"), "{text:#?}");
        assert!(
            has("does not exist (my-skill/references/nope.md)"),
            "{text:#?}"
        );
        assert!(has("no section with anchor #nowhere"), "{text:#?}");
        assert!(
            !text
                .iter()
                .any(|t| t.contains("[link]") && t.contains("#part")),
            "{text:#?}"
        );
        assert!(has("[duplicate-section]"), "{text:#?}");
        assert!(has("[empty-section] section \"Empty\""), "{text:#?}");
        assert!(has("[fence] code fence is never closed"), "{text:#?}");
        assert!(
            has("c.md:9: [comment] HTML comment is never closed"),
            "{text:#?}"
        );
        // Named once though both the load and lint's own scan see it; the one inside a
        // paragraph hides nothing, so only lint names it.
        assert!(
            has("d.md:2: [comment] HTML comment is never closed"),
            "{text:#?}"
        );
        assert_eq!(text.iter().filter(|t| t.contains("[comment]")).count(), 2);
        assert!(
            has("references/b.md: [front-matter] missing `name`")
                || has("b.md:1: [front-matter] missing `name`"),
            "{text:#?}"
        );
    }

    #[test]
    fn resolves_relative_paths() {
        assert_eq!(resolve("references/a.md", "../SKILL.md"), "SKILL.md");
        assert_eq!(resolve("SKILL.md", "references/a.md"), "references/a.md");
        assert_eq!(resolve("references/a.md", "b.md"), "references/b.md");
    }
}
