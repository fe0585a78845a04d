//! The Markdown loader on arbitrary bytes: front matter, headings, fences, labels,
//! HTML and Learn syntax in any mix. It must never panic, every section's lines must
//! lie inside the file, and anchors must be unique within the doc.
#![no_main]

use acr_cmk_mcp::knowledge::Corpus;
use acr_cmk_mcp::troubleshoot::CaseCatalog;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    // Also as a troubleshooting doc, so the case parser sees every input too.
    let with_kind = format!("---\nname: t\ndescription: d\nsources: [https://x.example]\nkind: troubleshooting\n---\n{text}");
    let corpus = Corpus::from_texts([("fuzz", "a.md", text.as_ref()), ("fuzz", "references/t.md", with_kind.as_str())]);
    let _ = CaseCatalog::from_corpus(&corpus);
    for doc in &corpus.docs {
        let lines = doc.text.lines().count().max(1);
        let mut anchors = std::collections::HashSet::new();
        for s in &corpus.sections[doc.sections.clone()] {
            assert!(s.lines.0 >= 1 && s.lines.0 <= s.lines.1 && s.lines.1 <= lines + 1, "{:?} outside 1..={lines}", s.lines);
            assert!(anchors.insert(s.anchor.clone()), "duplicate anchor {}", s.anchor);
        }
    }
});
