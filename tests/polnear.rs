//! Regression guard: `quotecheck eval polnear` on the PolNeAR dev split,
//! when `../shared/corpora/polnear/dev` is present. Fails below the
//! figures reached when the guard was set (each floor is about 0.01 below).

use std::path::Path;
use std::process::Command;

const DEV: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/polnear/dev");

/// (metric, floor)
const FLOORS: &[(&str, f64)] = &[
    ("precision", 0.952),
    ("recall", 0.942),
    ("f1", 0.947),
    ("speaker_accuracy", 0.925),
    ("cue_accuracy", 0.911),
    ("indirect_recall", 0.350),
];

#[test]
fn polnear_dev_stays_above_its_floors() {
    if !Path::new(DEV).join("text").is_dir() {
        eprintln!("skipping: {DEV} is absent");
        return;
    }
    let out = Command::new(env!("CARGO_BIN_EXE_quotecheck"))
        .args(["eval", "polnear", DEV, "--json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let scores: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    eprintln!("{scores}");
    for &(metric, floor) in FLOORS {
        let got = scores[metric].as_f64().unwrap();
        assert!(got >= floor, "{metric} fell to {got:.3} (floor {floor})");
    }
}
