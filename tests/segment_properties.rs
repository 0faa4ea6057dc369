//! Property tests of the segmenter's invariants: sentence spans are in
//! order, never overlap, lie on char boundaries, are non-empty and
//! trimmed, and together with the whitespace between them cover the input
//! exactly.

use proptest::prelude::*;
use quotecheck::{Analyzer, Document};

/// Pieces that exercise the segmenter's decisions.
const PIECES: &[&str] = &[
    "a", "word", "Mr.", "U.S.", "p.m.", "J.", "Inc.", "The", "He", "I", "said", "1", "1,000",
    "3.5", "$100.00", ".", ". . .", "...", "…", "!", "?", "!?", "\"", "'", "“", "”", "‘", "’", "«",
    "»", "„", "‚", "‹", "›", "「", "」", "(", ")", "[...]", " ", " ", " ", "\n", "\n\n", "\t",
    "\r\n", "\u{a0}", "•", "⁃", "1.", "2.", "a)", "b)", "é", "日本", "eBay", "@", "://", "www.",
    "-", "—", ",", ":", ";", "By", "Jan.", "5", "。", "！",
];

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..60).prop_map(|v| v.concat())
}

fn check(text: &str) {
    let analysis = Analyzer::default().analyze(&Document::new("p", text));
    let mut covered = 0;
    for s in &analysis.sentences {
        let span = s.span;
        assert!(
            span.start >= covered,
            "out of order or overlapping: {span:?}"
        );
        assert!(span.start < span.end, "empty sentence");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let body = &text[span.start..span.end];
        assert_eq!(body, body.trim(), "not trimmed: {body:?}");
        assert_eq!(s.text, body);
        let gap = &text[covered..span.start];
        assert!(gap.trim().is_empty(), "non-whitespace left out: {gap:?}");
        let para = &analysis.paragraphs[s.paragraph];
        assert!(para.span.contains(span), "sentence outside its paragraph");
        covered = span.end;
    }
    assert!(text[covered..].trim().is_empty(), "tail left out");
    let mut prev = 0;
    for p in &analysis.paragraphs {
        assert!(p.span.start >= prev && p.span.start < p.span.end);
        prev = p.span.end;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn spans_cover_the_text_in_order(text in text()) {
        check(&text);
    }

    #[test]
    fn any_string_is_segmented_safely(text in any::<String>()) {
        check(&text);
    }
}

#[test]
fn empty_and_whitespace_only_inputs_have_no_sentences() {
    for text in ["", " ", "\n\n", "\t \u{a0}\n"] {
        let analysis = Analyzer::default().analyze(&Document::new("p", text));
        assert!(analysis.sentences.is_empty());
    }
}
