//! Knowledge as MCP resources: every doc at `skill://<skill>/<path>`, every section
//! through the template `skill://{skill}/{+path}{#anchor}`, and the skills catalog at
//! `skill://catalog.json` (a skill's name has no dot, so it cannot collide).
//!
//! URIs are looked up, never turned into file paths: only docs that were loaded can
//! be read, so `..`, `file://` and anything else unknown is simply not found.

use rmcp::model::{Resource, ResourceTemplate};
use serde::Serialize;

use crate::engine::Engine;
use crate::knowledge::{Doc, Section};

pub const CATALOG_URI: &str = "skill://catalog.json";
pub const SECTION_TEMPLATE: &str = "skill://{skill}/{+path}{#anchor}";
/// Items per page of `resources/list`.
pub const PAGE_SIZE: usize = 50;

/// What a `skill://` URI names.
pub enum Target<'a> {
    Catalog,
    Doc(&'a Doc),
    Section(&'a Doc, &'a Section),
}

/// Resolves a URI against the loaded knowledge; None when it names nothing served.
pub fn resolve<'a>(engine: &'a Engine, uri: &str) -> Option<Target<'a>> {
    if uri == CATALOG_URI {
        return Some(Target::Catalog);
    }
    let rest = uri.strip_prefix("skill://")?;
    let (id, anchor) = match rest.split_once('#') {
        Some((id, anchor)) => (id, Some(anchor)),
        None => (rest, None),
    };
    let doc = engine.corpus.docs.iter().find(|d| d.id() == id)?;
    match anchor {
        None => Some(Target::Doc(doc)),
        Some(a) => engine.corpus.sections[doc.sections.clone()]
            .iter()
            .find(|s| s.anchor == a)
            .map(|s| Target::Section(doc, s)),
    }
}

/// Every resource, in a stable order: the catalog, then each doc.
pub fn all(engine: &Engine) -> Vec<Resource> {
    let mut out = vec![
        Resource::new(CATALOG_URI, "skills-catalog")
            .with_title("Skills catalog")
            .with_description(
                "Every skill served, with its name, description and SKILL.md URI (JSON).",
            )
            .with_mime_type("application/json"),
    ];
    for doc in &engine.corpus.docs {
        out.push(
            Resource::new(doc.uri(), doc.id())
                .with_title(doc.title.clone())
                .with_description(
                    doc.front
                        .description
                        .clone()
                        .unwrap_or_else(|| doc.title.clone()),
                )
                .with_mime_type("text/markdown")
                .with_size(doc.text.len() as u64),
        );
    }
    out
}

pub fn templates() -> Vec<ResourceTemplate> {
    vec![
        ResourceTemplate::new(SECTION_TEMPLATE, "knowledge-section")
            .with_title("Knowledge section")
            .with_description("One heading-bounded section of a knowledge doc: skill name, path inside the skill, and the section's anchor (as cited by the tools).")
            .with_mime_type("text/markdown"),
    ]
}

/// One page of `items` from an opaque cursor (the offset, as text). An invalid cursor
/// is an error the caller turns into -32602.
pub fn page<T: Clone>(
    items: &[T],
    cursor: Option<&str>,
) -> Result<(Vec<T>, Option<String>), String> {
    let start = match cursor {
        None => 0,
        Some(c) => c
            .parse::<usize>()
            .ok()
            .filter(|&n| n <= items.len())
            .ok_or_else(|| format!("invalid cursor {c:?}"))?,
    };
    let end = (start + PAGE_SIZE).min(items.len());
    let next = (end < items.len()).then(|| end.to_string());
    Ok((items[start..end].to_vec(), next))
}

#[derive(Serialize)]
pub struct CatalogEntry {
    pub name: String,
    pub description: Option<String>,
    pub uri: String,
    /// `builtin:<skill>`, or `dir:<folder name>` for a `--knowledge` folder: never the
    /// folder's path, which would tell a client about the server's file system.
    pub origin: String,
    pub docs: usize,
}

/// A skill's origin as clients see it: the folder's name, not its path.
pub fn shown_origin(origin: &str) -> String {
    if origin.starts_with("builtin:") {
        return origin.to_string();
    }
    let name = std::path::Path::new(origin)
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "knowledge".into());
    format!("dir:{name}")
}

/// The skills catalog: Agent Skills' first level of progressive disclosure.
pub fn catalog(engine: &Engine) -> Vec<CatalogEntry> {
    engine
        .corpus
        .skills
        .iter()
        .map(|s| {
            let has_skill_md = engine
                .corpus
                .docs
                .iter()
                .any(|d| d.skill == s.name && d.path == "SKILL.md");
            let first = engine.corpus.docs.iter().find(|d| d.skill == s.name);
            CatalogEntry {
                name: s.name.clone(),
                description: s.description.clone(),
                uri: if has_skill_md {
                    format!("skill://{}/SKILL.md", s.name)
                } else {
                    first.map(Doc::uri).unwrap_or_default()
                },
                origin: shown_origin(&s.origin),
                docs: engine
                    .corpus
                    .docs
                    .iter()
                    .filter(|d| d.skill == s.name)
                    .count(),
            }
        })
        .collect()
}

/// A section as Markdown with its heading, for reading on its own.
pub fn section_markdown(section: &Section) -> String {
    let hashes = "#".repeat(usize::from(section.level.clamp(1, 6)));
    format!("{hashes} {}\n\n{}\n", section.title(), section.markdown)
}

/// Completions for the section template's variables, given the ones already chosen.
pub fn complete(
    engine: &Engine,
    argument: &str,
    value: &str,
    skill: Option<&str>,
    path: Option<&str>,
) -> Vec<String> {
    let mut values: Vec<String> = match argument {
        "skill" => engine
            .corpus
            .skills
            .iter()
            .map(|s| s.name.clone())
            .collect(),
        "path" => engine
            .corpus
            .docs
            .iter()
            .filter(|d| skill.is_none_or(|s| d.skill == s))
            .map(|d| d.path.clone())
            .collect(),
        "anchor" => engine
            .corpus
            .docs
            .iter()
            .filter(|d| skill.is_none_or(|s| d.skill == s) && path.is_none_or(|p| d.path == p))
            .flat_map(|d| {
                engine.corpus.sections[d.sections.clone()]
                    .iter()
                    .map(|s| s.anchor.clone())
            })
            .collect(),
        _ => Vec::new(),
    };
    values.sort();
    values.dedup();
    matching(values, value)
}

/// The options that start with `value`; if none does, those that contain it.
pub fn matching(mut options: Vec<String>, value: &str) -> Vec<String> {
    options.sort();
    options.dedup();
    let needle = value.to_lowercase();
    let starts: Vec<String> = options
        .iter()
        .filter(|o| o.to_lowercase().starts_with(&needle))
        .cloned()
        .collect();
    if !starts.is_empty() {
        return starts;
    }
    options
        .into_iter()
        .filter(|o| o.to_lowercase().contains(&needle))
        .collect()
}
