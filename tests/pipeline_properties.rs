//! Properties of the full analysis over generated text: every span valid
//! and inside the text, quotation text equal to its content span, and
//! sentences covering the input. See `common/invariants.rs`.

mod common;

use common::invariants::check_analysis;
use proptest::prelude::*;
use quotecheck::{Analyzer, Document};

/// Pieces of news text, including everything a quotation or sentence
/// parser has to decide about.
const PIECES: &[&str] = &[
    "the",
    "minister",
    "said",
    "told",
    "reporters",
    "Jane",
    "Doe",
    "Dr.",
    "Mr.",
    "U.S.",
    "3.5",
    "a.m.",
    "percent",
    "according",
    "to",
    "she",
    "he",
    "they",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "„",
    "(",
    ")",
    "[",
    "]",
    ".",
    ",",
    ":",
    ";",
    "!",
    "?",
    "…",
    "—",
    "-",
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\n\n",
    "\r\n",
    "\r",
    "\t",
    "\u{a0}",
    "\u{feff}",
    "é",
    "e\u{301}",
    "😀",
    "👩‍👩‍👧",
    "東京",
    "。",
    "قال",
    "\u{200f}",
    "\0",
];

fn newsish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..200).prop_map(|v| v.concat())
}

fn check(text: &str) -> Result<(), TestCaseError> {
    let analyzer = Analyzer::default();
    let doc = Document::new("prop", text);
    let analysis = analyzer.analyze(&doc);
    check_analysis(text, &analysis);
    prop_assert_eq!(&analyzer.sentences(&doc), &analysis.sentences);
    prop_assert_eq!(&analyzer.quotations(&doc), &analysis.quotes);
    // Deterministic: the same text gives the same analysis.
    prop_assert_eq!(&analyzer.analyze(&doc), &analysis);
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn newsish_text_keeps_the_invariants(text in newsish()) {
        check(&text)?;
    }

    #[test]
    fn any_text_keeps_the_invariants(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn appending_a_paragraph_keeps_the_earlier_sentences(a in newsish(), b in newsish()) {
        // A blank line ends a paragraph, so what comes after it cannot
        // change the sentences before it.
        let analyzer = Analyzer::default();
        let head = a.trim_end();
        let joined = format!("{head}\n\n{b}");
        let before = analyzer.sentences(&Document::new("a", head));
        let after = analyzer.sentences(&Document::new("ab", joined.as_str()));
        prop_assert!(after.len() >= before.len());
        prop_assert_eq!(&after[..before.len()], &before[..]);
    }
}
