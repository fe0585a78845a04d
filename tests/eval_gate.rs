//! The retrieval quality gate: the dev set in eval/questions.json must not lose more
//! than two points on any headline metric against eval/baseline.json. After an
//! intended change, refresh the baseline with
//! `cargo run -- eval --write-baseline eval/baseline.json` and commit it.

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::eval;
use acr_cmk_mcp::knowledge::LoadOptions;

#[test]
fn retrieval_does_not_regress_against_the_baseline() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let questions = eval::load_questions(include_str!("../eval/questions.json")).unwrap();
    assert!(questions.len() >= 80);
    assert!(questions.iter().filter(|q| q.off_topic()).count() >= 15);
    let report = eval::run(&engine, &questions);
    println!("{}", eval::table(&report));
    let baseline: eval::Metrics =
        serde_json::from_str(include_str!("../eval/baseline.json")).unwrap();
    let regressions = eval::regressions(&report.overall, &baseline, 0.02);
    assert!(
        regressions.is_empty(),
        "retrieval regressed:\n{}",
        regressions.join("\n")
    );
}

#[test]
fn every_labelled_section_exists() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let questions = eval::load_questions(include_str!("../eval/questions.json")).unwrap();
    for q in &questions {
        for id in q.canonical.iter().chain(&q.related) {
            let (doc, anchor) = id.split_once('#').unwrap();
            assert!(
                engine.corpus.find_section(doc, anchor).is_some(),
                "{}: {id} does not exist",
                q.id
            );
        }
    }
}
