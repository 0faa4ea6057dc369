//! The seed article, fully attributed: every quotation in
//! `seeds/blinken-lavrov-g20.txt` with its speaker mention and cue.
//!
//! `canonical_speakers` checks the canonical names that the entity stage
//! resolves ("she" → "Maria Zakharova").

use quotecheck::{Analysis, Analyzer, Document, Quote, QuoteKind};

const SEED: &str = include_str!("../seeds/blinken-lavrov-g20.txt");

fn analysis() -> Analysis {
    Analyzer::default().analyze(&Document::new("seed", SEED))
}

fn quote<'a>(a: &'a Analysis, opening: &str) -> &'a Quote {
    a.quotes
        .iter()
        .find(|q| q.kind != QuoteKind::Indirect && q.text.starts_with(opening))
        .unwrap_or_else(|| panic!("no quotation starting {opening:?}"))
}

/// One expected attribution: (quotation opening, speaker mention, cue,
/// via, addressee).
type Expected = (
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Option<&'static str>,
);

const EXPECTED: &[Expected] = &[
    (
        "I told the foreign minister",
        "Blinken",
        "told reporters",
        None,
        Some("reporters"),
    ),
    ("spoke to him, standing", "she", "said", None, None),
    ("No talks or real meeting", "she", "said", None, None),
    (
        "I want to apologise",
        "Lavrov",
        "said",
        Some("Russian news agency TASS"),
        None,
    ),
    (
        "They have not said anything",
        "Harsh V. Pant",
        "said",
        None,
        None,
    ),
    (
        "complete and unconditional",
        "the statement",
        "demanding",
        None,
        None,
    ),
    (
        "failed",
        "Indian Prime Minister Narendra Modi",
        "said",
        None,
        None,
    ),
    ("Were China to engage", "Blinken", "said", None, None),
    (
        "not a time for war",
        "Modi",
        "told",
        None,
        Some("Russian President Vladimir Putin"),
    ),
];

#[test]
fn every_quotation_has_its_speaker_mention_and_cue() {
    let a = analysis();
    let quoted = a
        .quotes
        .iter()
        .filter(|q| matches!(q.kind, QuoteKind::Direct | QuoteKind::Partial))
        .count();
    assert_eq!(quoted, EXPECTED.len());
    for &(opening, speaker, cue, via, addressee) in EXPECTED {
        let q = quote(&a, opening);
        let s = q.speaker.as_ref().expect("speaker");
        assert_eq!(s.text, speaker, "speaker of {opening:?}");
        assert_eq!(s.span.text(SEED), speaker, "speaker span of {opening:?}");
        let c = q.cue.as_ref().expect("cue");
        assert_eq!(c.text, cue, "cue of {opening:?}");
        assert_eq!(c.span.text(SEED), cue);
        assert_eq!(
            q.via.as_ref().map(|m| m.text.as_str()),
            via,
            "via of {opening:?}"
        );
        assert_eq!(
            q.addressee.as_ref().map(|m| m.text.as_str()),
            addressee,
            "addressee of {opening:?}"
        );
        assert!(q.confidence > 0.0 && q.confidence <= 1.0);
    }
}

#[test]
fn pronoun_quotations_follow_the_spokeswoman() {
    let a = analysis();
    let first = quote(&a, "spoke to him");
    let second = quote(&a, "No talks");
    assert_eq!(second.pattern.as_deref(), Some("inherited"));
    assert_eq!(
        first.speaker.as_ref().unwrap().span,
        second.speaker.as_ref().unwrap().span
    );
}

#[test]
fn canonical_speakers() {
    let a = analysis();
    let name = |opening: &str| quote(&a, opening).speaker.as_ref().unwrap().name.clone();
    assert_eq!(name("I told the foreign minister"), "Antony Blinken");
    assert_eq!(name("spoke to him, standing"), "Maria Zakharova");
    assert_eq!(name("No talks or real meeting"), "Maria Zakharova");
    assert_eq!(name("I want to apologise"), "Sergei Lavrov");
    assert_eq!(name("They have not said anything"), "Harsh V. Pant");
    assert_eq!(name("not a time for war"), "Narendra Modi");
}
