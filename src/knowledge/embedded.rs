//! The default knowledge, compiled into the binary from `knowledge/`.

use include_dir::{Dir, include_dir};

static KNOWLEDGE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/knowledge");

/// Every embedded Markdown file as `(skill, path inside the skill, bytes)`.
pub(super) fn files() -> impl Iterator<Item = (String, String, &'static [u8])> {
    let mut out = Vec::new();
    collect(&KNOWLEDGE, &mut out);
    out.into_iter()
}

fn collect(dir: &'static Dir<'static>, out: &mut Vec<(String, String, &'static [u8])>) {
    for file in dir.files() {
        let path = file.path().to_string_lossy().replace('\\', "/");
        let Some((skill, rest)) = path.split_once('/') else {
            continue; // loose files at the top are not part of a skill
        };
        let name = rest.rsplit('/').next().unwrap_or(rest);
        if rest.ends_with(".md") && !name.starts_with('.') && !name.starts_with('_') {
            out.push((skill.to_string(), rest.to_string(), file.contents()));
        }
    }
    for sub in dir.dirs() {
        collect(sub, out);
    }
}
