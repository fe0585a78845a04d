//! The questions the README shows are answered by the right section *first*, with a
//! direct answer of the shape the question asks for. The README is read here, so a
//! new example cannot be added without saying which section must answer it.

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::AnswerRequest;

/// What a README question must get.
struct Expected {
    question: &'static str,
    /// Sections any of which may come first (`doc#anchor`).
    first: &'static [&'static str],
    /// What the direct answer must hold.
    answer: Shape,
}

enum Shape {
    /// A yes/no question: this verdict, and a phrase of the settling sentence.
    Verdict(&'static str, &'static str),
    /// A how-to question: a command starting like this.
    Command(&'static str),
}

const EXPECTED: &[Expected] = &[
    Expected {
        question: "How do I rotate the customer-managed key?",
        first: &[
            "acr-cmk/references/key-rotation.md#rotating-the-customer-managed-key",
            "acr-cmk/references/key-rotation.md#manual-rotation-with-az-acr-encryption-rotate-key",
            "acr-cmk/references/key-rotation.md#switch-from-manual-to-automatic-rotation",
            "acr-cmk/references/key-rotation.md#automatic-rotation-with-a-versionless-key-id",
            "acr-cmk/references/key-rotation.md#move-to-a-new-version-of-the-same-key",
            "acr-cmk/references/key-rotation.md#rotate-immediately-with-az-keyvault-key-rotate",
        ],
        answer: Shape::Command("az "),
    },
    Expected {
        question: "Can I disable CMK later?",
        first: &["acr-cmk/references/overview.md#cmk-cannot-be-disabled-after-it-is-enabled"],
        answer: Shape::Verdict("no", "cannot be disabled"),
    },
];

/// Every `ask "…"` of the README.
fn readme_questions() -> Vec<String> {
    let readme = include_str!("../README.md");
    readme
        .lines()
        .filter_map(|l| {
            let rest = &l[l.find(" ask \"")? + 6..];
            Some(rest[..rest.find('"')?].to_string())
        })
        .collect()
}

#[test]
fn every_readme_question_has_an_expectation() {
    let questions = readme_questions();
    assert!(!questions.is_empty(), "the README shows no ask example");
    for q in &questions {
        assert!(
            EXPECTED.iter().any(|e| e.question == q),
            "README asks {q:?}: say in EXPECTED which section must answer it"
        );
    }
}

#[test]
fn readme_questions_get_the_right_section_first_and_a_direct_answer() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    for e in EXPECTED {
        let a = engine.answer(&AnswerRequest::new(e.question)).unwrap();
        assert!(a.confident, "{}", e.question);
        let first = &a.snippets[0];
        let id = format!("{}#{}", first.doc, first.anchor);
        assert!(
            e.first.contains(&id.as_str()),
            "{}: first snippet is {id}",
            e.question
        );
        let answer = a
            .answer
            .as_ref()
            .unwrap_or_else(|| panic!("{}: no direct answer", e.question));
        match e.answer {
            Shape::Verdict(verdict, phrase) => {
                assert_eq!(answer.verdict.as_deref(), Some(verdict), "{}", e.question);
                assert!(
                    answer.text.to_lowercase().starts_with(verdict),
                    "{}: {}",
                    e.question,
                    answer.text
                );
                assert!(
                    answer.text.contains(phrase),
                    "{}: {}",
                    e.question,
                    answer.text
                );
            }
            Shape::Command(start) => {
                let command = answer.command.as_deref().unwrap_or_default();
                assert!(command.starts_with(start), "{}: {command:?}", e.question);
            }
        }
    }
}

/// Other phrasings of the README's rotation question, from the issue that found it
/// answered by the overview.
#[test]
fn phrasings_of_the_rotation_question_stay_in_the_rotation_doc() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    for q in [
        "how to rotate customer managed key in ACR",
        "How do I rotate a customer-managed key for my registry?",
        "How do I rotate the CMK?",
        "How do I rotate the key?",
    ] {
        let a = engine.answer(&AnswerRequest::new(q)).unwrap();
        let first = &a.snippets[0];
        assert!(
            first.doc.ends_with("key-rotation.md"),
            "{q}: first snippet is {}#{}",
            first.doc,
            first.anchor
        );
    }
}
