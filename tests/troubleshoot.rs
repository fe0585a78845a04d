//! The troubleshooting matcher against its dev set (tests/data/troubleshoot_dev.json):
//! exact errors, paraphrases, noisy logs, typos and off-topic errors.

use std::collections::BTreeMap;

use acr_cmk_mcp::Engine;
use acr_cmk_mcp::knowledge::LoadOptions;
use acr_cmk_mcp::troubleshoot::TroubleshootRequest;
use serde::Deserialize;

#[derive(Deserialize)]
struct Item {
    id: String,
    category: String,
    symptom: String,
    expected: Option<String>,
}

fn request(symptom: &str) -> TroubleshootRequest {
    TroubleshootRequest {
        symptom: symptom.to_string(),
        ..TroubleshootRequest::default()
    }
}

#[derive(Default)]
struct Tally {
    n: usize,
    top1: usize,
    top3: usize,
    confident_right: usize,
}

#[test]
fn dev_set_accuracy() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let items: Vec<Item> =
        serde_json::from_str(include_str!("data/troubleshoot_dev.json")).unwrap();
    assert!(items.len() >= 30);
    let mut by_category: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut off, mut off_declined) = (0, 0);
    let mut failures = Vec::new();
    for item in &items {
        let d = engine.troubleshoot(&request(&item.symptom)).unwrap();
        let ids: Vec<&str> = d.matches.iter().map(|m| m.id.as_str()).collect();
        match &item.expected {
            None => {
                off += 1;
                if d.confident {
                    failures.push(format!(
                        "{} off-topic matched with confidence: {:?}",
                        item.id,
                        ids.first()
                    ));
                } else {
                    off_declined += 1;
                }
            }
            Some(expected) => {
                let t = by_category.entry(item.category.clone()).or_default();
                t.n += 1;
                let first = ids.first() == Some(&expected.as_str());
                t.top1 += first as usize;
                t.top3 += ids.iter().take(3).any(|i| i == expected) as usize;
                t.confident_right += (first && d.confident) as usize;
                if !first {
                    failures.push(format!(
                        "{} [{}] want {expected}, got {ids:?} (confident {})",
                        item.id, item.category, d.confident
                    ));
                }
            }
        }
    }
    let total = by_category.values().fold(Tally::default(), |a, t| Tally {
        n: a.n + t.n,
        top1: a.top1 + t.top1,
        top3: a.top3 + t.top3,
        confident_right: a.confident_right + t.confident_right,
    });
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("category        n   top-1   top-3   confident&right");
    for (c, t) in &by_category {
        println!(
            "{c:<14} {:>3} {:>6.1}% {:>6.1}% {:>6.1}%",
            t.n,
            pct(t.top1, t.n),
            pct(t.top3, t.n),
            pct(t.confident_right, t.n)
        );
    }
    println!(
        "{:<14} {:>3} {:>6.1}% {:>6.1}% {:>6.1}%",
        "all on-topic",
        total.n,
        pct(total.top1, total.n),
        pct(total.top3, total.n),
        pct(total.confident_right, total.n)
    );
    println!(
        "off-topic declined: {off_declined}/{off} ({:.1}%)",
        pct(off_declined, off)
    );
    for f in &failures {
        println!("  miss: {f}");
    }
    assert!(pct(total.top1, total.n) >= 85.0, "top-1 below 85%");
    assert!(pct(total.top3, total.n) >= 95.0, "top-3 below 95%");
    assert_eq!(
        off_declined, off,
        "an off-topic error was matched with confidence"
    );
}

#[test]
fn a_users_own_case_becomes_matchable() {
    let dir = tempfile::tempdir().unwrap();
    let skill = dir.path().join("team-runbook");
    std::fs::create_dir_all(&skill).unwrap();
    std::fs::write(
        skill.join("troubleshooting.md"),
        "---\nname: troubleshooting\ndescription: Our own cases.\nsources: [https://example.com/runbook]\nkind: troubleshooting\n---\n# Team cases\n\n## Pipeline cannot read the signing key\n\n**Symptoms:**\n- The nightly pipeline fails to sign images.\n\n**Errors:**\n- `SIGNER_KEY_UNREACHABLE_42`\n\n**Cause:** The pipeline identity lost access to the signing vault.\n\n**Diagnose:**\n```bash\naz keyvault show --name \"$KEY_VAULT_NAME\" --query properties.networkAcls\n```\n\n**Fix:**\n1. Re-grant the pipeline identity.\n",
    )
    .unwrap();
    let engine = Engine::load(&LoadOptions {
        builtin: true,
        dirs: vec![dir.path().to_path_buf()],
        ..Default::default()
    })
    .unwrap();
    let mut req = request("build 1234 failed: error SIGNER_KEY_UNREACHABLE_42 while signing");
    req.key_vault_name = Some("kv-team-01".into());
    let d = engine.troubleshoot(&req).unwrap();
    assert!(d.confident);
    assert_eq!(d.matches[0].id, "pipeline-cannot-read-the-signing-key");
    assert_eq!(
        d.matches[0].diagnose,
        ["az keyvault show --name kv-team-01 --query properties.networkAcls"]
    );
    assert_eq!(
        d.matches[0].citations[0].doc,
        "team-runbook/troubleshooting.md"
    );
    // Described in words, it is found too.
    let d = engine
        .troubleshoot(&request("nightly pipeline can't sign images anymore"))
        .unwrap();
    assert_eq!(d.matches[0].id, "pipeline-cannot-read-the-signing-key");
}

#[test]
fn bad_input_is_refused_with_the_field_named() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let e = engine
        .troubleshoot(&request(&"x".repeat(20_001)))
        .unwrap_err();
    assert_eq!(e.field, "symptom");
    let mut req = request("403");
    req.key_vault_name = Some("kv;rm -rf /".into());
    assert_eq!(
        engine.troubleshoot(&req).unwrap_err().field,
        "key_vault_name"
    );
    assert!(engine.troubleshoot(&request(&"y".repeat(20_000))).is_ok());
}

#[test]
fn unmatched_text_gets_the_checklist() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let d = engine
        .troubleshoot(&request(
            "Back-off restarting failed container app in pod web-7d9c (CrashLoopBackOff)",
        ))
        .unwrap();
    assert!(!d.confident);
    assert!(
        d.checklist
            .iter()
            .any(|c| c.contains("az acr encryption show")),
        "{:?}",
        d.checklist
    );
    assert!(d.checklist.iter().any(|c| c.contains("check-health")));
}

/// Defect: fix commands that revoke or delete carried no destructive flag, unlike
/// setup steps.
#[test]
fn fixes_that_delete_or_remove_are_marked_destructive() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let mut seen = 0;
    for case in &engine.cases().cases {
        for part in &case.fix {
            if let acr_cmk_mcp::troubleshoot::FixPart::Command(line) = part {
                let text = line.render();
                let deletes = [" delete ", " delete-policy ", " remove ", " purge "]
                    .iter()
                    .any(|w| format!("{text} ").contains(w));
                assert_eq!(line.is_destructive(), deletes, "{text}");
                seen += usize::from(deletes);
            }
        }
    }
    assert!(seen > 0, "no deleting fix command in the knowledge");
    let d = engine
        .troubleshoot(&request("removing the user-assigned identity from the registry fails: does not have access to identity"))
        .unwrap();
    for f in d.matches.iter().flat_map(|m| m.fix.iter()) {
        let deletes = f.kind == acr_cmk_mcp::troubleshoot::FixKind::Command
            && (f.text.contains(" delete") || f.text.contains(" remove "));
        assert_eq!(f.destructive, deletes, "{}", f.text);
    }
}

/// The Managed HSM failures of the October 2026 troubleshooting article, as a user
/// would describe them: each finds its own case first, over the Key Vault cases.
#[test]
fn managed_hsm_failures_find_their_cases() {
    let engine = Engine::load(&LoadOptions::default()).unwrap();
    let cases = [
        (
            "az keyvault key create --hsm-name fails because the Managed HSM has not been activated yet, security domain never downloaded",
            "managed-hsm-is-not-activated",
        ),
        (
            "registry creation fails with my Managed HSM key, the key was created as RSA without wrapKey and unwrapKey operations",
            "managed-hsm-key-has-the-wrong-type-or-operations",
        ),
        (
            "registry identity cannot use the Managed HSM key; I assigned Managed HSM Crypto Service Encryption User at the wrong scope, not /keys/<key-name>",
            "managed-hsm-role-missing-or-assigned-at-the-wrong-scope",
        ),
        (
            "az acr create rejects the --key-encryption-key I copied from the managed HSM, it is a secret URI not a key URI",
            "managed-hsm-uri-is-not-a-key-uri",
        ),
        (
            "I just ran az keyvault role assignment create on the Managed HSM and the registry still cannot access the key a minute later",
            "managed-hsm-role-assignment-not-yet-in-effect",
        ),
        (
            "in the portal the key picker shows no keys from my Managed HSM after I enabled its firewall",
            "portal-key-picker-cannot-list-keys-behind-the-managed-hsm-firewall",
        ),
    ];
    for (symptom, want) in cases {
        let diagnosis = engine.troubleshoot(&request(symptom)).unwrap();
        let first = diagnosis.matches.first().map(|m| m.id.as_str());
        assert_eq!(first, Some(want), "{symptom}");
        assert!(
            diagnosis.matches[0]
                .diagnose
                .iter()
                .any(|c| c.contains("--hsm-name") || c.contains("az acr")),
            "{want}: no diagnose command"
        );
    }
}
