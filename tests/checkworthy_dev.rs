//! The built-in check-worthiness model on the CheckThat! 2024 English dev
//! set: F1 of the Yes class. Skips when ../shared is absent.
//!
//! Run: `cargo test --test checkworthy_dev -- --nocapture`

use std::path::Path;

/// The F1 reached when the model was trained, minus 0.01.
const MIN_DEV_F1: f64 = 0.866;

#[test]
fn dev_f1_of_the_yes_class() {
    let path = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../shared/corpora/checkworthy/dev.tsv"
    ));
    let Ok(src) = std::fs::read_to_string(path) else {
        eprintln!("skipping: {} not found", path.display());
        return;
    };
    let threshold = quotecheck::check_worthiness_threshold();
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for line in src.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        let fields: Vec<&str> = line.split('\t').collect();
        if fields.len() != 3 {
            continue;
        }
        let text = fields[1].trim();
        let text = if text.len() >= 2 && text.starts_with('"') && text.ends_with('"') {
            text[1..text.len() - 1].replace("\"\"", "\"")
        } else {
            text.to_owned()
        };
        let yes = fields[2].trim() == "Yes";
        let predicted = quotecheck::check_worthiness(&text) >= threshold;
        match (predicted, yes) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    let f1 = 2.0 * tp / (2.0 * tp + fp + fn_);
    eprintln!("check-worthiness dev F1(Yes) = {f1:.4} (tp {tp}, fp {fp}, fn {fn_})");
    assert!(f1 >= MIN_DEV_F1, "dev F1 {f1:.4} fell below {MIN_DEV_F1}");
}
