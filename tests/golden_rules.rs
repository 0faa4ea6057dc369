//! The English "Golden Rules" of sentence segmentation, read from
//! `../shared/corpora/golden_rules_en.json` when it is present.
//!
//! Scoring: each sentence trimmed, empty ones dropped, exact list
//! equality. Two rules (#40, #41) expect newlines replaced by spaces,
//! which a segmenter that returns spans of the original text cannot do.

use quotecheck::{Analyzer, Document};
use serde::Deserialize;

const PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../shared/corpora/golden_rules_en.json"
);

/// At least this many of the 52 rules must pass.
const MIN_PASS: usize = 50;

#[derive(Deserialize)]
struct Rule {
    id: u32,
    input: String,
    expected: Vec<String>,
    in_pysbd_golden_set: bool,
}

fn segment(text: &str) -> Vec<String> {
    let analysis = Analyzer::default().analyze(&Document::new("rule", text));
    analysis
        .sentences
        .iter()
        .map(|s| s.text.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

#[test]
fn golden_rules() {
    let Ok(json) = std::fs::read_to_string(PATH) else {
        eprintln!("skipping golden rules: {PATH} not found");
        return;
    };
    let rules: Vec<Rule> = serde_json::from_str(&json).expect("golden rules parse");
    let mut passed = 0;
    let mut pysbd_total = 0;
    let mut pysbd_passed = 0;
    let mut failed = Vec::new();
    for rule in &rules {
        let expected: Vec<String> = rule
            .expected
            .iter()
            .map(|s| s.trim().to_owned())
            .filter(|s| !s.is_empty())
            .collect();
        let got = segment(&rule.input);
        let ok = got == expected;
        if rule.in_pysbd_golden_set {
            pysbd_total += 1;
            pysbd_passed += usize::from(ok);
        }
        if ok {
            passed += 1;
        } else {
            eprintln!(
                "rule #{} failed:\n  expected {expected:?}\n  got      {got:?}",
                rule.id
            );
            failed.push(rule.id);
        }
    }
    println!(
        "golden rules: {passed}/{} pass; pySBD set: {pysbd_passed}/{pysbd_total}; failing: {failed:?}",
        rules.len()
    );
    assert!(
        passed >= MIN_PASS,
        "only {passed} rules pass, failing: {failed:?}"
    );
    assert_eq!(pysbd_passed, pysbd_total, "pySBD rules failing: {failed:?}");
}
