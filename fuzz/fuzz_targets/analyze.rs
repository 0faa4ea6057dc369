//! The full pipeline (quotations, attribution, speakers, claims) on any
//! UTF-8 text keeps every span invariant of the analysis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::{Analyzer, Document};

#[allow(dead_code)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|text: &str| {
    let doc = Document::new("fuzz", text);
    let analysis = Analyzer::default().analyze(&doc);
    invariants::check_analysis(text, &analysis);
    assert_eq!(
        analysis.quotes,
        Analyzer::default().quotations(&doc),
        "quotations() differs from analyze()"
    );
});
