//! Knowledge nobody here wrote: Microsoft Learn-style articles (tests/fixtures/learn-style,
//! written by us in that style) with `:::image`, callouts, includes, zone pivots, raw
//! HTML, tables and headings with code and links. Loading must not fail, the syntax
//! must not leak into snippets, and answers must stay sensible.

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::AnswerRequest;
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    question: String,
    expected_file: Option<String>,
    expected_heading: Option<String>,
    must_contain: Option<String>,
}

fn fixture() -> std::path::PathBuf {
    std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/learn-style")
}

fn engine() -> Engine {
    Engine::load(&LoadOptions {
        builtin: false,
        dirs: vec![fixture()],
        ..Default::default()
    })
    .unwrap()
}

#[test]
fn learn_style_articles_load_without_diagnostics() {
    let engine = engine();
    let diagnostics: Vec<String> = engine.diagnostics().map(ToString::to_string).collect();
    assert!(diagnostics.is_empty(), "{diagnostics:#?}");
    assert!(engine.corpus().docs.len() >= 4);
    assert!(engine.corpus().sections.len() >= 15);
}

#[test]
fn no_markup_noise_in_any_snippet() {
    let engine = engine();
    let noise: Vec<String> = std::fs::read_to_string(fixture().join("NOISE.txt"))
        .unwrap()
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect();
    for section in &engine.corpus().sections {
        // Code blocks are shown verbatim; only the prose around them is cleaned.
        let mut prose = String::new();
        let mut in_fence = false;
        for line in engine.corpus().markdown(section).lines() {
            let t = line.trim_start();
            if t.starts_with("```") || t.starts_with("~~~") {
                in_fence = !in_fence;
                continue;
            }
            if !in_fence {
                prose.push_str(line);
                prose.push('\n');
            }
        }
        for n in &noise {
            assert!(
                !prose.contains(n.as_str()),
                "{} shows {n:?}:\n{prose}",
                engine.corpus().section_uri(section)
            );
        }
        for h in &section.heading_path {
            assert!(
                !h.contains('`') && !h.contains("](") && !h.contains("{#"),
                "heading {h:?}"
            );
        }
    }
}

#[test]
fn answers_stay_sensible() {
    let engine = engine();
    let cases: Vec<Case> =
        serde_json::from_str(&std::fs::read_to_string(fixture().join("questions.json")).unwrap())
            .unwrap();
    let mut misses = Vec::new();
    for c in &cases {
        let a = engine
            .answer(&AnswerRequest {
                max_results: Some(3),
                // Whole sections: the phrases checked may sit past the default budget.
                max_chars: Some(8_000),
                ..AnswerRequest::new(&c.question)
            })
            .unwrap();
        match (&c.expected_file, &c.expected_heading) {
            (Some(file), Some(heading)) => {
                let hit = a.snippets.iter().find(|s| {
                    s.doc.ends_with(&format!("/{file}")) && s.heading_path.last() == Some(heading)
                });
                match hit {
                    Some(s) if a.confident => {
                        if let Some(phrase) = &c.must_contain {
                            let text = s.text.to_lowercase();
                            assert!(
                                text.contains(phrase),
                                "{}: snippet lacks {phrase:?}:\n{}",
                                c.question,
                                s.text
                            );
                        }
                    }
                    _ => misses.push(format!(
                        "{}: want {file} › {heading}, got {:?} (confident {})",
                        c.question,
                        a.snippets
                            .iter()
                            .map(|s| format!("{} › {}", s.doc, s.heading_path.last().unwrap()))
                            .collect::<Vec<_>>(),
                        a.confident
                    )),
                }
            }
            _ => assert!(
                !a.confident,
                "{} should not be answered with confidence",
                c.question
            ),
        }
    }
    assert!(
        misses.len() <= 1,
        "{} misses:\n{}",
        misses.len(),
        misses.join("\n")
    );
}
