//! `lint --upstream DOCS`: checks the knowledge's citations against a local checkout
//! of the official docs repository, so a team notices when the pages it cites move
//! or change.
//!
//! A Learn URL `https://learn.microsoft.com/azure/<path>[#anchor]` maps to
//! `DOCS/articles/<path>.md`. Only URLs under a folder the checkout has are checked
//! (`articles/container-registry/` in MicrosoftDocs/azure-management-docs), so pages
//! that live in another repository are not reported missing. Findings:
//! - the article does not exist;
//! - the `#anchor` matches no heading of the article (Learn's rule: the heading
//!   lowercased, spaces to hyphens, punctuation dropped), nor an explicit anchor;
//! - the article's `ms.date` is newer than the citing doc's `updated`: upstream
//!   changed since the doc was checked against it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use super::Finding;
use crate::knowledge::{Corpus, Doc};

/// One upstream article, read once however often it is cited.
struct Article {
    anchors: BTreeSet<String>,
    /// `ms.date` as `YYYY-MM-DD`.
    date: Option<String>,
}

/// Checks every Learn URL the corpus cites against the checkout at `docs`.
pub fn check(corpus: &Corpus, docs: &Path) -> Result<Vec<Finding>, String> {
    let articles_dir = docs.join("articles");
    if !articles_dir.is_dir() {
        return Err(format!(
            "{}: no articles/ folder; --upstream takes a checkout of a Microsoft docs repository (such as MicrosoftDocs/azure-management-docs)",
            docs.display()
        ));
    }
    let mut cache: BTreeMap<PathBuf, Option<Article>> = BTreeMap::new();
    let mut findings = Vec::new();
    let mut seen = BTreeSet::new();
    // A page changed upstream is reported once per citing doc, not once per anchor.
    let mut stale = BTreeSet::new();
    for doc in &corpus.docs {
        for (url, line) in cited(corpus, doc) {
            if !seen.insert((doc.origin.clone(), url.clone())) {
                continue;
            }
            let Some((path, anchor)) = article_path(&url) else {
                continue;
            };
            // Only folders the checkout covers: a page of another repository is not
            // missing, just elsewhere.
            let top = path.split('/').next().unwrap_or_default();
            if !articles_dir.join(top).is_dir() {
                continue;
            }
            let file = articles_dir.join(format!("{path}.md"));
            let article = cache.entry(file.clone()).or_insert_with(|| read(&file));
            let mut find = |message: String| {
                findings.push(Finding {
                    file: doc.origin.clone(),
                    line: Some(line),
                    rule: "upstream",
                    message,
                })
            };
            let Some(article) = article else {
                find(format!(
                    "{url}: the cited article does not exist upstream (no articles/{path}.md)"
                ));
                continue;
            };
            if let Some(anchor) = &anchor
                && !article.anchors.contains(anchor)
            {
                find(format!(
                    "{url}: no heading of articles/{path}.md has the anchor #{anchor}"
                ));
            }
            if let (Some(theirs), Some(ours)) = (&article.date, &doc.front.updated)
                && theirs.as_str() > ours.as_str()
                && stale.insert((doc.origin.clone(), path.clone()))
            {
                find(format!(
                    "{url}: upstream changed since we wrote this (its ms.date {theirs} is newer than this doc's updated {ours})"
                ));
            }
        }
    }
    Ok(findings)
}

/// Every URL a doc cites, with the line that cites it: its `sources`, its sections'
/// `<!-- source -->` comments, and its links.
fn cited(corpus: &Corpus, doc: &Doc) -> Vec<(String, usize)> {
    let mut out: Vec<(String, usize)> = doc.front.sources.iter().map(|u| (u.clone(), 1)).collect();
    for section in &corpus.sections[doc.sections.clone()] {
        if let Some(url) = &section.source_url {
            out.push((url.clone(), section.lines.0));
        }
        out.extend(section.links.iter().cloned());
    }
    out
}

/// `https://learn.microsoft.com/[en-us/]azure/<path>[#anchor]` → (`<path>`, anchor).
fn article_path(url: &str) -> Option<(String, Option<String>)> {
    let rest = url
        .strip_prefix("https://learn.microsoft.com/")?
        .trim_start_matches("en-us/");
    let rest = rest.strip_prefix("azure/")?;
    let (path, anchor) = match rest.split_once('#') {
        Some((p, a)) => (p, Some(a.to_string())),
        None => (rest, None),
    };
    let path = path.split('?').next()?.trim_end_matches('/');
    (!path.is_empty()).then(|| (path.to_string(), anchor.filter(|a| !a.is_empty())))
}

fn read(file: &Path) -> Option<Article> {
    let text = std::fs::read_to_string(file).ok()?;
    let parsed = Corpus::from_texts([("upstream", "article.md", text.as_str())]);
    let mut anchors: BTreeSet<String> = parsed.sections.iter().map(|s| s.anchor.clone()).collect();
    // Explicit anchors: <a name="x"></a> or <a id="x"></a>.
    for marker in ["<a name=\"", "<a id=\""] {
        for (at, _) in text.match_indices(marker) {
            let rest = &text[at + marker.len()..];
            if let Some(end) = rest.find('"') {
                anchors.insert(rest[..end].to_string());
            }
        }
    }
    Some(Article {
        anchors,
        date: ms_date(&text),
    })
}

/// `ms.date: 10/09/2026` in the front matter, as `2026-10-09`.
fn ms_date(text: &str) -> Option<String> {
    let line = text
        .lines()
        .take_while(|l| !l.starts_with("# "))
        .find(|l| l.trim_start().starts_with("ms.date:"))?;
    let value = line.split_once(':')?.1.trim().trim_matches(['"', '\'']);
    let mut parts = value.split('/');
    let (m, d, y) = (parts.next()?, parts.next()?, parts.next()?);
    let (m, d, y): (u32, u32, u32) = (m.parse().ok()?, d.parse().ok()?, y.parse().ok()?);
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_map_to_article_paths() {
        assert_eq!(
            article_path("https://learn.microsoft.com/azure/container-registry/tutorial-x#a-b"),
            Some(("container-registry/tutorial-x".into(), Some("a-b".into())))
        );
        assert_eq!(
            article_path("https://learn.microsoft.com/en-us/azure/key-vault/general/x"),
            Some(("key-vault/general/x".into(), None))
        );
        assert_eq!(
            article_path("https://learn.microsoft.com/cli/azure/acr"),
            None
        );
        assert_eq!(
            ms_date("---\nms.date: 10/9/2026\n---\n"),
            Some("2026-10-09".into())
        );
    }
}
