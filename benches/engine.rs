//! In-process benchmarks: loading and indexing the embedded knowledge, and the cost of
//! each tool's core call. `cargo bench --bench engine`; figures go to BENCHMARKS.md.

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::{Corpus, LoadOptions};
use acr_cmk_mcp::request::AnswerRequest;
use acr_cmk_mcp::search::SearchIndex;
use acr_cmk_mcp::setup::SetupRequest;
use acr_cmk_mcp::troubleshoot::TroubleshootRequest;
use criterion::{Criterion, criterion_group, criterion_main};

fn startup(c: &mut Criterion) {
    c.bench_function("load embedded knowledge", |b| {
        b.iter(|| Corpus::load(&LoadOptions::default()))
    });
    let corpus = Corpus::load(&LoadOptions::default());
    c.bench_function("build index", |b| {
        b.iter(|| SearchIndex::build(&corpus).unwrap())
    });
    c.bench_function("load + index (Engine::load)", |b| {
        b.iter(|| Engine::load(&LoadOptions::default()).unwrap())
    });
}

fn tools(c: &mut Criterion) {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    c.bench_function("answer_cmk_question", |b| {
        b.iter(|| {
            engine
                .answer(&AnswerRequest::new(
                    "How do I rotate the customer-managed key?",
                ))
                .unwrap()
        })
    });
    let request: SetupRequest = serde_json::from_value(serde_json::json!({
        "scenario": "create_registry", "registry_name": "contosoacr01", "resource_group": "rg-acr",
        "location": "westeurope", "identity_name": "id-acr-cmk", "key_vault_name": "kv-acr-cmk-01", "key_name": "acr-cmk"
    }))
    .unwrap();
    c.bench_function("get_setup_commands", |b| {
        b.iter(|| engine.setup(&request).unwrap())
    });
    let symptom = TroubleshootRequest {
        symptom: "ERROR: The identity associated with the registry is inactive. Reassign the identity manually.".into(),
        ..TroubleshootRequest::default()
    };
    c.bench_function("troubleshoot", |b| {
        b.iter(|| engine.troubleshoot(&symptom).unwrap())
    });
}

criterion_group!(benches, startup, tools);
criterion_main!(benches);
