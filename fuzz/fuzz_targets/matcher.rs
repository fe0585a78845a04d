//! The troubleshoot matcher (and question answering) on arbitrary text: never a panic,
//! confidences within 0..=1, and every filled command still a plain az line.
#![no_main]

use std::sync::OnceLock;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::azure::Line;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::request::AnswerRequest;
use acr_cmk_mcp::troubleshoot::TroubleshootRequest;
use libfuzzer_sys::fuzz_target;

fn engine() -> &'static Engine {
    static ENGINE: OnceLock<Engine> = OnceLock::new();
    ENGINE.get_or_init(|| Engine::load(&LoadOptions::default()).expect("engine"))
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data).into_owned();
    let request = TroubleshootRequest { symptom: text.clone(), ..TroubleshootRequest::default() };
    if let Ok(d) = engine().troubleshoot(&request) {
        for m in &d.matches {
            assert!((0.0..=1.0).contains(&m.confidence));
            for c in &m.diagnose {
                assert!(Line::parse(c).is_ok(), "{c}");
            }
        }
    }
    let _ = engine().answer(&AnswerRequest { max_results: Some(10), max_chars: Some(2000), ..AnswerRequest::new(&text) });
});
