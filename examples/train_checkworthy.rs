//! Trains the built-in check-worthiness model and writes
//! `grammar/checkworthy.txt`.
//!
//! ```sh
//! cargo run --example train_checkworthy -- [CORPUS_DIR] [OUT_FILE]
//! ```
//!
//! `CORPUS_DIR` defaults to `../shared/corpora/checkworthy` (CheckThat!
//! 2024 English: `train.tsv`, `dev.tsv`). The model is L2-regularised
//! logistic regression trained with AdaGrad over the features of
//! `quotecheck::checkworthy_features`. The decision threshold is chosen on
//! a held-out tenth of the training data; the final weights are then
//! trained on all of it. Training is deterministic. The dev set is only
//! used to print the F1 of the Yes class at the end.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// Features seen fewer times than this in training are dropped.
const MIN_COUNT: u32 = 3;
/// Passes over the training data (few: early stopping regularises; chosen
/// with LEARNING_RATE by F1 on the held-out tenth of train, not on dev).
const EPOCHS: usize = 5;
/// AdaGrad's base learning rate.
const LEARNING_RATE: f64 = 0.035;
/// L2 penalty per update.
const L2: f64 = 1e-5;
/// Weights smaller than this are not written out.
const MIN_WEIGHT: f64 = 0.05;

struct Example {
    features: Vec<usize>,
    label: bool,
}

/// Reads a CheckThat! TSV file, repairing its two known defects: Windows
/// line endings, and two records joined on one line (`…<TAB>No29286<TAB>…`).
fn read_tsv(path: &Path) -> Vec<(String, bool)> {
    let src =
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {}: {e}", path.display()));
    let mut out = Vec::new();
    for line in src.lines().skip(1) {
        let line = line.trim_end_matches('\r');
        let fields: Vec<&str> = line.split('\t').collect();
        let mut records = Vec::new();
        if fields.len() == 3 {
            records.push((fields[1], fields[2]));
        } else if fields.len() == 5 {
            // label and next id ran together: "No29286"
            let label = fields[2].trim_end_matches(|c: char| c.is_ascii_digit());
            records.push((fields[1], label));
            records.push((fields[3], fields[4]));
        }
        for (text, label) in records {
            out.push((unquote(text), label.trim() == "Yes"));
        }
    }
    out
}

fn unquote(text: &str) -> String {
    let t = text.trim();
    if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') {
        t[1..t.len() - 1].replace("\"\"", "\"")
    } else {
        t.to_owned()
    }
}

fn sigmoid(z: f64) -> f64 {
    1.0 / (1.0 + (-z).exp())
}

struct Lr {
    bias: f64,
    weights: Vec<f64>,
}

fn train(data: &[Example], dims: usize) -> Lr {
    let mut w = vec![0.0; dims];
    let mut g2 = vec![1e-8; dims];
    let (mut bias, mut bias_g2) = (0.0f64, 1e-8f64);
    let mut order: Vec<usize> = (0..data.len()).collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for _ in 0..EPOCHS {
        // Fisher–Yates with a fixed LCG: deterministic.
        for i in (1..order.len()).rev() {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            order.swap(i, (seed >> 33) as usize % (i + 1));
        }
        for &i in &order {
            let ex = &data[i];
            let z = bias + ex.features.iter().map(|&f| w[f]).sum::<f64>();
            let err = sigmoid(z) - if ex.label { 1.0 } else { 0.0 };
            bias_g2 += err * err;
            bias -= LEARNING_RATE * err / bias_g2.sqrt();
            for &f in &ex.features {
                let g = err + L2 * w[f];
                g2[f] += g * g;
                w[f] -= LEARNING_RATE * g / g2[f].sqrt();
            }
        }
    }
    Lr { bias, weights: w }
}

fn predict(model: &Lr, ex: &Example) -> f64 {
    sigmoid(model.bias + ex.features.iter().map(|&f| model.weights[f]).sum::<f64>())
}

fn f1(scores: &[(f64, bool)], threshold: f64) -> f64 {
    let (mut tp, mut fp, mut fn_) = (0.0, 0.0, 0.0);
    for &(s, y) in scores {
        match (s >= threshold, y) {
            (true, true) => tp += 1.0,
            (true, false) => fp += 1.0,
            (false, true) => fn_ += 1.0,
            _ => {}
        }
    }
    if tp == 0.0 {
        0.0
    } else {
        2.0 * tp / (2.0 * tp + fp + fn_)
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let dir = args.first().map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../shared/corpora/checkworthy"
        ))
    });
    let out_path = args.get(1).map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/grammar/checkworthy.txt"
        ))
    });
    let train_rows = read_tsv(&dir.join("train.tsv"));
    let dev_rows = read_tsv(&dir.join("dev.tsv"));
    eprintln!(
        "train {} rows, dev {} rows",
        train_rows.len(),
        dev_rows.len()
    );

    let train_feats: Vec<Vec<String>> = train_rows
        .iter()
        .map(|(t, _)| quotecheck::checkworthy_features(t))
        .collect();
    let mut counts: HashMap<&str, u32> = HashMap::new();
    for fs in &train_feats {
        for f in fs {
            *counts.entry(f.as_str()).or_default() += 1;
        }
    }
    let mut names: Vec<&str> = counts
        .iter()
        .filter(|&(_, &c)| c >= MIN_COUNT)
        .map(|(&n, _)| n)
        .collect();
    names.sort_unstable();
    let index: HashMap<&str, usize> = names.iter().enumerate().map(|(i, &n)| (n, i)).collect();
    let encode = |fs: &[String]| -> Vec<usize> {
        fs.iter()
            .filter_map(|f| index.get(f.as_str()).copied())
            .collect()
    };
    let data: Vec<Example> = train_feats
        .iter()
        .zip(&train_rows)
        .map(|(fs, (_, y))| Example {
            features: encode(fs),
            label: *y,
        })
        .collect();

    // Choose the threshold on every tenth example, trained on the rest.
    let held: Vec<&Example> = data.iter().step_by(10).collect();
    let rest: Vec<Example> = data
        .iter()
        .enumerate()
        .filter(|(i, _)| i % 10 != 0)
        .map(|(_, e)| Example {
            features: e.features.clone(),
            label: e.label,
        })
        .collect();
    let model = train(&rest, names.len());
    let held_scores: Vec<(f64, bool)> =
        held.iter().map(|e| (predict(&model, e), e.label)).collect();
    let threshold = (5..=80)
        .map(|t| t as f64 / 100.0)
        .max_by(|a, b| f1(&held_scores, *a).total_cmp(&f1(&held_scores, *b)))
        .unwrap_or(0.5);
    eprintln!(
        "threshold {threshold:.2}: held-out F1 {:.4}",
        f1(&held_scores, threshold)
    );

    let model = train(&data, names.len());
    let dev_scores: Vec<(f64, bool)> = dev_rows
        .iter()
        .map(|(t, y)| {
            let ex = Example {
                features: encode(&quotecheck::checkworthy_features(t)),
                label: *y,
            };
            (predict(&model, &ex), *y)
        })
        .collect();
    println!("dev F1(Yes) = {:.4}", f1(&dev_scores, threshold));

    let mut out = String::new();
    out.push_str(
        "# Check-worthiness model: logistic regression weights, one feature per line.\n\
         # Generated by `cargo run --example train_checkworthy` from the CheckThat! 2024\n\
         # English training data. Do not edit by hand; retrain instead.\n\
         # feature | weight   (w: word, b: word pair, h: hand-made feature)\n",
    );
    let _ = writeln!(out, "@bias | {:.4}", model.bias);
    let _ = writeln!(out, "@threshold | {threshold:.2}");
    let mut kept = 0;
    for (i, name) in names.iter().enumerate() {
        let w = model.weights[i];
        if w.abs() >= MIN_WEIGHT {
            let _ = writeln!(out, "{name} | {w:.3}");
            kept += 1;
        }
    }
    std::fs::write(&out_path, out).expect("writing the model");
    eprintln!("wrote {kept} weights to {}", out_path.display());
}
