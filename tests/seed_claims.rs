//! Claims on the seed article: the acceptance checks that do not depend on
//! which quotation finder runs.

use quotecheck::{Analyzer, ClaimKind, Document, MentionValue, QuoteKind};

const SEED: &str = include_str!("../seeds/blinken-lavrov-g20.txt");

fn analysis() -> quotecheck::Analysis {
    let mut doc = Document::new("seed", SEED);
    doc.published = Some("2023-03-02".to_owned());
    Analyzer::default().analyze(&doc)
}

fn claim_with<'a>(a: &'a quotecheck::Analysis, words: &str) -> &'a quotecheck::Claim {
    a.claims
        .iter()
        .find(|c| c.sentence_text.contains(words))
        .unwrap_or_else(|| panic!("no claim in a sentence with {words:?}"))
}

#[test]
fn every_attributed_quotation_is_a_claim_of_its_speaker() {
    let a = analysis();
    for (i, q) in a.quotes.iter().enumerate() {
        let Some(speaker) = &q.speaker else { continue };
        if q.kind == QuoteKind::Scare {
            continue;
        }
        assert!(
            a.claims
                .iter()
                .any(|c| c.quote == Some(i) && c.claimant.as_deref() == Some(&speaker.name)),
            "quotation {i} ({}) has no claim",
            q.text
        );
    }
}

#[test]
fn the_membership_count_is_a_quantity_claim() {
    let a = analysis();
    let c = claim_with(&a, "19 largest economies");
    assert!(c.kinds.contains(&ClaimKind::Quantity), "{c:#?}");
    assert!(c.mentions.iter().any(|m| m.value
        == MentionValue::Number {
            value: 19.0,
            unit: None
        }));
}

#[test]
fn the_invasion_date_is_an_event_claim() {
    let a = analysis();
    let c = claim_with(&a, "February 2022");
    assert!(c.kinds.contains(&ClaimKind::Event), "{c:#?}");
    assert!(c.mentions.iter().any(|m| m.value
        == MentionValue::Date {
            value: Some("2022-02".into())
        }));
}

#[test]
fn the_finance_ministers_meeting_last_week_is_resolved() {
    let a = analysis();
    let c = claim_with(&a, "Bengaluru last week");
    assert_eq!(c.kind, ClaimKind::Event, "{c:#?}");
    assert!(c.mentions.iter().any(|m| m.text == "last week"
        && m.value
            == MentionValue::Date {
                value: Some("2023-W08".into())
            }));
}

#[test]
fn opinion_and_questions_are_not_reporter_claims() {
    let a = analysis();
    for c in &a.claims {
        if c.quote.is_some() {
            continue;
        }
        assert!(
            !c.text.trim_end_matches(['”', '"']).ends_with('?'),
            "{}",
            c.text
        );
        assert!(!c.text.starts_with("It seems"), "{}", c.text);
    }
}
