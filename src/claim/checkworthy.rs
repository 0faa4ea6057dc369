//! The check-worthiness model: logistic regression over word, bigram and
//! hand-made features of one sentence.
//!
//! The weights live in `grammar/checkworthy.txt`, built into the binary.
//! `examples/train_checkworthy.rs` reproduces them from the CheckThat!
//! training data. The score of a sentence is
//! `sigmoid(bias + Σ weight(feature))` over the distinct features that
//! [`features`] lists; features missing from the file weigh nothing.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::grammar;

/// The built-in model's weights.
const WEIGHTS: &str = include_str!("../../grammar/checkworthy.txt");

/// Sentences longer than this many tokens are scored on their first
/// `MAX_TOKENS` tokens only, so scoring stays linear and bounded.
const MAX_TOKENS: usize = 200;

/// A loaded model.
struct Model {
    bias: f32,
    threshold: f32,
    weights: HashMap<String, f32>,
}

fn model() -> &'static Model {
    static MODEL: OnceLock<Model> = OnceLock::new();
    MODEL.get_or_init(|| parse(WEIGHTS))
}

fn parse(src: &str) -> Model {
    let mut model = Model {
        bias: 0.0,
        threshold: 0.5,
        weights: HashMap::new(),
    };
    for entry in grammar::entries(src) {
        let mut fields = grammar::fields(entry);
        let (Some(name), Some(value)) = (fields.next(), fields.next()) else {
            continue;
        };
        let Ok(value) = value.parse::<f32>() else {
            continue;
        };
        match name {
            "@bias" => model.bias = value,
            "@threshold" => model.threshold = value,
            _ => {
                model.weights.insert(name.to_owned(), value);
            }
        }
    }
    model
}

/// The probability, in [0, 1], that a fact-checker would want to check
/// `sentence`, according to the built-in model.
pub fn check_worthiness(sentence: &str) -> f32 {
    let model = model();
    let mut z = model.bias;
    for feature in features(sentence) {
        z += model.weights.get(&feature).copied().unwrap_or(0.0);
    }
    1.0 / (1.0 + (-z).exp())
}

/// The score above which the built-in model calls a sentence
/// check-worthy (chosen on held-out training data).
pub fn check_worthiness_threshold() -> f32 {
    model().threshold
}

/// The distinct features the check-worthiness model reads from one
/// sentence: lower-cased words (`w:`), word pairs (`b:`) and hand-made
/// features (`h:`) such as numbers, percentages, money, years,
/// comparatives, capitalised names and length. Exposed so that the model
/// can be retrained (`examples/train_checkworthy.rs`).
pub fn checkworthy_features(sentence: &str) -> Vec<String> {
    features(sentence)
}

fn features(sentence: &str) -> Vec<String> {
    let tokens = tokens(sentence);
    let mut out: Vec<String> = Vec::with_capacity(tokens.len() * 2 + 8);
    let mut prev = "<s>";
    for token in &tokens {
        out.push(format!("w:{token}"));
        out.push(format!("b:{prev}_{token}"));
        prev = token;
    }
    out.push(format!("b:{prev}_</s>"));

    let has = |pred: &dyn Fn(&str) -> bool| tokens.iter().any(|t| pred(t));
    if has(&|t| t == "<num>" || t == "<year>") {
        out.push("h:number".into());
    }
    if has(&|t| t == "<year>") {
        out.push("h:year".into());
    }
    if sentence.contains('%') || has(&|t| t == "percent") {
        out.push("h:percent".into());
    }
    if sentence.contains('$')
        || has(&|t| matches!(t, "dollars" | "billion" | "million" | "trillion"))
    {
        out.push("h:money".into());
    }
    if has(&|t| t.len() > 4 && (t.ends_with("er") || t.ends_with("est")))
        || has(&|t| matches!(t, "more" | "less" | "most" | "fewer" | "least"))
    {
        out.push("h:comparative".into());
    }
    if sentence.trim_end().ends_with('?') {
        out.push("h:question".into());
    }
    let capitals = sentence
        .split_whitespace()
        .skip(1)
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count();
    out.push(
        match capitals {
            0 => "h:caps0",
            1 => "h:caps1",
            2..=3 => "h:caps2",
            _ => "h:caps4",
        }
        .into(),
    );
    out.push(
        match tokens.len() {
            0..=5 => "h:len0",
            6..=12 => "h:len6",
            13..=25 => "h:len13",
            _ => "h:len26",
        }
        .into(),
    );
    out.sort_unstable();
    out.dedup();
    out
}

/// Lower-cased word tokens; numbers become `<num>` (or `<year>` for
/// 1900–2099). Only letters, digits and inner apostrophes are kept, so a
/// token never holds a grammar-file separator.
fn tokens(sentence: &str) -> Vec<String> {
    let mut out = Vec::new();
    for raw in sentence.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’')) {
        if out.len() >= MAX_TOKENS {
            break;
        }
        let word = raw.trim_matches(|c| c == '\'' || c == '’');
        if word.is_empty() {
            continue;
        }
        if word.chars().any(|c| c.is_ascii_digit()) {
            let digits = word.chars().all(|c| c.is_ascii_digit());
            let is_year =
                digits && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
            out.push(if is_year { "<year>" } else { "<num>" }.to_owned());
            continue;
        }
        out.push(word.to_lowercase().replace('’', "'"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn features_mark_numbers_and_years() {
        let f = features("Unemployment fell 3 percent in 2019.");
        assert!(f.contains(&"h:number".to_owned()));
        assert!(f.contains(&"h:year".to_owned()));
        assert!(f.contains(&"h:percent".to_owned()));
        assert!(f.contains(&"w:unemployment".to_owned()));
        assert!(f.iter().all(|x| !x.contains('|') && !x.contains('#')));
    }

    #[test]
    fn statistics_score_higher_than_greetings() {
        let fact = check_worthiness(
            "Unemployment rose by 12 percent in 2019, the highest rate in a decade.",
        );
        let chat = check_worthiness("Thank you very much, it is good to be here.");
        assert!(fact > chat, "{fact} <= {chat}");
        assert!((0.0..=1.0).contains(&fact));
    }

    #[test]
    fn scoring_any_input_never_panics() {
        for s in ["", "?", "’’’", "é1ü2", &"9".repeat(10_000)] {
            let p = check_worthiness(s);
            assert!((0.0..=1.0).contains(&p));
        }
    }
}
