//! The JSON Lines reader on any bytes: never panics; invalid UTF-8 is only
//! accepted with a repair note; the analysis of an accepted record keeps
//! the span invariants.
#![no_main]

use libfuzzer_sys::fuzz_target;
use quotecheck::{Analyzer, jsonl};

#[allow(dead_code)]
#[path = "../../tests/common/invariants.rs"]
mod invariants;

fuzz_target!(|line: &[u8]| {
    if let Ok(record) = jsonl::parse_record(line, "fuzz") {
        let text = &record.document.text;
        if !record.repairs.invalid_utf8 {
            assert!(
                std::str::from_utf8(line).is_ok(),
                "invalid UTF-8 accepted without a repair note"
            );
        }
        let analysis = Analyzer::default().analyze(&record.document);
        invariants::check_analysis(text, &analysis);
    }
});
