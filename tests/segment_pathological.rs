//! Pathological inputs finish without panic or stack overflow. Times are
//! measured in the bench (`cargo bench --bench segment`), not asserted
//! here.

use quotecheck::{Analyzer, Document};

fn sentences(text: &str) -> usize {
    Analyzer::default()
        .analyze(&Document::new("pathological", text))
        .sentences
        .len()
}

#[test]
fn ten_megabytes_without_spaces_or_punctuation() {
    let text = "x".repeat(10 << 20);
    assert_eq!(sentences(&text), 1);
}

#[test]
fn one_megabyte_of_periods() {
    let text = ".".repeat(1 << 20);
    assert_eq!(sentences(&text), 1);
}

#[test]
fn one_megabyte_of_spaced_periods() {
    let text = ". ".repeat(1 << 19);
    assert_eq!(sentences(&text), 1);
}

#[test]
fn one_megabyte_of_quotation_marks() {
    for mark in ["\"", "“", "”", "'", "«", "「"] {
        let text = mark.repeat((1 << 20) / mark.len());
        assert_eq!(sentences(&text), 1, "{mark}");
    }
}

#[test]
fn one_megabyte_of_terminals_and_quotes_interleaved() {
    let text = ".” ".repeat((1 << 20) / 5);
    assert!(sentences(&text) >= 1);
    let text = "A. ".repeat((1 << 20) / 3);
    assert!(sentences(&text) >= 1);
}

#[test]
fn one_megabyte_of_list_markers_and_bullets() {
    let text = "1. 2. 3. ".repeat((1 << 20) / 9);
    assert!(sentences(&text) >= 1);
    let text = "• ".repeat((1 << 20) / 4);
    assert!(sentences(&text) >= 1);
}

#[test]
fn one_megabyte_of_newlines_and_short_lines() {
    let text = "a\n".repeat(1 << 19);
    assert!(sentences(&text) >= 1);
    let text = "\n".repeat(1 << 20);
    assert_eq!(sentences(&text), 0);
}
