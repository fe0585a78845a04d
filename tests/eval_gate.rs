//! The retrieval quality gate: the dev set in eval/questions.json and the held-out set
//! in eval/heldout.json must not lose more than two points on any headline metric
//! against eval/baseline.json and eval/heldout-baseline.json. After an intended
//! change, refresh a baseline with
//! `cargo run -- eval [--questions eval/heldout.json] --write-baseline FILE` and commit it.

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::eval;
use acr_cmk_mcp::knowledge::LoadOptions;

/// The dev set (tuned against) and the held-out set (written after the tuning and
/// never tuned against), each with its baseline.
const SETS: [(&str, &str, &str); 2] = [
    (
        "dev",
        include_str!("../eval/questions.json"),
        include_str!("../eval/baseline.json"),
    ),
    (
        "held-out",
        include_str!("../eval/heldout.json"),
        include_str!("../eval/heldout-baseline.json"),
    ),
];

#[test]
fn retrieval_does_not_regress_against_the_baseline() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    for (name, questions, baseline) in SETS {
        let questions = eval::load_questions(questions).unwrap();
        assert!(questions.len() >= 40, "{name}");
        assert!(
            questions.iter().filter(|q| q.off_topic()).count() >= 8,
            "{name}"
        );
        let report = eval::run(&engine, &questions);
        println!("{name} set:\n{}", eval::table(&report));
        let baseline: eval::Metrics = serde_json::from_str(baseline).unwrap();
        let regressions = eval::regressions(&report.overall, &baseline, 0.02);
        assert!(
            regressions.is_empty(),
            "retrieval regressed on the {name} set:\n{}",
            regressions.join("\n")
        );
    }
}

#[test]
fn the_dev_set_is_big_enough() {
    let questions = eval::load_questions(include_str!("../eval/questions.json")).unwrap();
    assert!(questions.len() >= 80);
    assert!(questions.iter().filter(|q| q.off_topic()).count() >= 15);
}

#[test]
fn every_labelled_section_exists() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    for q in SETS
        .iter()
        .flat_map(|(_, questions, _)| eval::load_questions(questions).unwrap())
    {
        for id in q.canonical.iter().chain(&q.related) {
            let (doc, anchor) = id.split_once('#').unwrap();
            assert!(
                engine.corpus().find_section(doc, anchor).is_some(),
                "{}: {id} does not exist",
                q.id
            );
        }
    }
}
