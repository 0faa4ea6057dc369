//! Sentence segmentation of any UTF-8 text keeps the span invariants:
//! in order, inside the text, on char boundaries, not overlapping, and
//! covering every non-whitespace char.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::{Analyzer, Document};

#[allow(dead_code)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|text: &str| {
    let doc = Document::new("fuzz", text);
    let sentences = Analyzer::default().sentences(&doc);
    invariants::check_sentences(text, &sentences);
});
