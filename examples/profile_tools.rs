//! Runs one tool's core call in a loop, for `perf record`: where the time of a call goes.
//! `cargo build --release --example profile_tools && perf record -g target/release/examples/profile_tools answer 20000 [KNOWLEDGE_DIR [QUESTIONS_FILE]]`

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::AnswerRequest;
use acr_cmk_mcp::setup::SetupRequest;
use acr_cmk_mcp::troubleshoot::TroubleshootRequest;

fn main() {
    let mut args = std::env::args().skip(1);
    let tool = args.next().unwrap_or_else(|| "answer".into());
    let n: usize = args.next().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let mut options = LoadOptions::default();
    if let Some(dir) = args.next() {
        options.dirs.push(dir.into());
        options.builtin = false;
    }
    let engine = Engine::load(&options).expect("engine");
    // A fourth argument names a file of questions, one per line (for a synthetic
    // corpus, `bench/gen_corpus.py`'s own); troubleshoot then takes them as symptoms.
    let custom: Option<Vec<String>> = args.next().map(|file| {
        std::fs::read_to_string(file)
            .expect("questions file")
            .lines()
            .map(str::to_string)
            .collect()
    });
    let builtin = [
        "How do I rotate the customer-managed key?",
        "cmk sku?",
        "What happens if the key vault firewall blocks the registry?",
        "Can I disable encryption with a customer-managed key later?",
    ]
    .map(str::to_string)
    .to_vec();
    let symptoms: Vec<TroubleshootRequest> = match &custom {
        Some(lines) => lines
            .iter()
            .map(|line| TroubleshootRequest {
                symptom: line.clone(),
                ..TroubleshootRequest::default()
            })
            .collect(),
        None => vec![TroubleshootRequest {
            symptom: "ERROR: The identity associated with the registry is inactive. Reassign the identity manually.".into(),
            ..TroubleshootRequest::default()
        }],
    };
    let questions = custom.unwrap_or(builtin);
    let request: SetupRequest = serde_json::from_value(serde_json::json!({
        "scenario": "create_registry", "registry_name": "contosoacr01", "resource_group": "rg-acr",
        "location": "westeurope", "identity_name": "id-acr-cmk", "key_vault_name": "kv-acr-cmk-01", "key_name": "acr-cmk"
    }))
    .expect("request");
    let start = std::time::Instant::now();
    for i in 0..n {
        match tool.as_str() {
            "answer" => {
                std::hint::black_box(
                    engine
                        .answer(&AnswerRequest::new(questions[i % questions.len()].as_str()))
                        .ok(),
                );
            }
            "setup" => {
                std::hint::black_box(engine.setup(&request).ok());
            }
            "troubleshoot" => {
                std::hint::black_box(engine.troubleshoot(&symptoms[i % symptoms.len()]).ok());
            }
            other => panic!("unknown tool {other}"),
        }
    }
    eprintln!("{tool}: {:?} per call", start.elapsed() / n as u32);
}
