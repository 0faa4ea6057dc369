//! Claim extraction over hand-built quotations.

use super::*;
use crate::attribute::{Cue, SpeakerMention};
use crate::segment;

fn quote(text: &str, content: &str, speaker: &str) -> Quote {
    let start = text.find(content).unwrap();
    let content_span = Span::new(start, start + content.len());
    Quote {
        span: content_span,
        text: content.to_owned(),
        content: content_span,
        kind: QuoteKind::Indirect,
        closed: true,
        speaker: Some(SpeakerMention {
            span: Span::new(0, 0),
            text: speaker.to_owned(),
            name: speaker.to_owned(),
            description: None,
        }),
        cue: Some(Cue {
            span: Span::new(0, 0),
            text: "said".to_owned(),
            lemma: "say".to_owned(),
        }),
        via: None,
        addressee: None,
        confidence: 1.0,
        pattern: None,
    }
}

fn run(text: &str, quotes: &[Quote], published: Option<&str>) -> Vec<Claim> {
    let paragraphs = segment::paragraphs(text);
    let sentences = segment::sentences(text, &paragraphs);
    extract(&Input {
        text,
        paragraphs: &paragraphs,
        sentences: &sentences,
        quotes,
        speakers: &[],
        published,
    })
}

#[test]
fn every_attributed_quotation_is_a_claim_of_its_speaker() {
    let text = "Jane Roe said the plan was a good idea.";
    let q = quote(text, "the plan was a good idea", "Jane Roe");
    let claims = run(text, &[q], None);
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0].claimant.as_deref(), Some("Jane Roe"));
    assert_eq!(claims[0].source, ClaimSource::Quotation);
    assert_eq!(claims[0].kind, ClaimKind::Attribution);
    assert_eq!(claims[0].cue.as_ref().unwrap().lemma, "say");
}

#[test]
fn numbers_inside_a_quotation_type_the_quotation_claim() {
    let text = "Jane Roe said the port handles 40 percent of the trade.";
    let q = quote(text, "the port handles 40 percent of the trade", "Jane Roe");
    let claims = run(text, &[q], None);
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0].kind, ClaimKind::Quantity);
    assert!(claims[0].kinds.contains(&ClaimKind::Attribution));
}

#[test]
fn membership_counts_are_quantity_claims_with_numbers() {
    let text = "The club, which comprises the 19 largest clubs and a league, met.";
    let claims = run(text, &[], None);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0].kind, ClaimKind::Quantity);
    assert!(claims[0].mentions.iter().any(|m| m.value
        == MentionValue::Number {
            value: 19.0,
            unit: None
        }));
    assert!(claims[0].evidence.iter().any(|e| e.text == "19"));
}

#[test]
fn dated_events_are_typed_and_resolved() {
    let text =
        "Troops crossed the border in February 2022. Ministers met last week in the capital.";
    let claims = run(text, &[], Some("2023-03-02"));
    assert_eq!(claims.len(), 2, "{claims:#?}");
    assert!(claims.iter().all(|c| c.kind == ClaimKind::Event));
    let dates: Vec<&MentionValue> = claims
        .iter()
        .flat_map(|c| &c.mentions)
        .map(|m| &m.value)
        .filter(|v| matches!(v, MentionValue::Date { .. }))
        .collect();
    assert_eq!(
        dates,
        vec![
            &MentionValue::Date {
                value: Some("2022-02".into())
            },
            &MentionValue::Date {
                value: Some("2023-W08".into())
            }
        ]
    );
}

#[test]
fn questions_opinion_and_experience_are_not_claims() {
    let text = "Is this the end of the talks? It seems we are in for a long haul. \
                I remember my mother cooking. What a wonderful day it was.";
    let claims = run(text, &[], None);
    assert!(claims.is_empty(), "{claims:#?}");
}

#[test]
fn the_frame_of_a_quotation_is_not_a_second_claim() {
    let text = "“We will not pay,” the minister said on Thursday.";
    let mut q = quote(text, "We will not pay,", "Ann Lee");
    q.kind = QuoteKind::Direct;
    let claims = run(text, &[q], Some("2023-03-02"));
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0].source, ClaimSource::Quotation);
}

#[test]
fn scores_are_probabilities_and_evidence_raises_them() {
    let text = "Exports rose 12 percent in 2021, the biggest rise in a decade. Officials met.";
    let claims = run(text, &[], None);
    assert!(!claims.is_empty());
    for c in &claims {
        assert!((0.0..=1.0).contains(&c.score));
        assert!(c.score >= check_worthiness(&c.sentence_text) - 1e-6);
    }
}

#[test]
fn ids_survive_reflow_and_reordering_and_change_with_numbers() {
    let a = "The fund holds 19 billion dollars.\n\nExports rose 12 percent in 2021.";
    let b = "Exports rose 12\n   percent in 2021.\n\nThe fund holds 19   billion dollars.";
    let c = "The fund holds 20 billion dollars.\n\nExports rose 12 percent in 2021.";
    let ids = |t: &str| {
        let mut v: Vec<String> = run(t, &[], None).into_iter().map(|c| c.id).collect();
        v.sort();
        v
    };
    assert_eq!(ids(a).len(), 2);
    assert_eq!(ids(a), ids(b));
    let (ia, ic) = (ids(a), ids(c));
    assert_eq!(ia.iter().filter(|id| ic.contains(id)).count(), 1);
}

#[test]
fn extraction_never_panics_on_odd_input() {
    for t in [
        "",
        "?",
        "“",
        "19",
        "é. 2022. “x” last week",
        &"1 ".repeat(5000),
    ] {
        let _ = run(t, &[], Some("2023-01-01"));
        let _ = run(t, &[], Some("garbage"));
    }
}

/// Linear time is measured in `benches/pipeline.rs`; here, a long run of
/// claim sentences yields one claim each and nothing is lost.
#[test]
fn a_long_run_of_claims_yields_one_claim_each() {
    let unit = "The fund rose 12 percent in March 2021, officials said. Is it? ";
    let text = unit.repeat(4000);
    let claims = run(&text, &[], Some("2023-01-01"));
    assert_eq!(claims.len(), 4000);
}

#[test]
fn a_quotation_over_two_sentences_is_one_claim_typed_by_both() {
    let text = "“We met the target. Exports rose 12 percent in 2021,” said Ann Lee.";
    let content = "We met the target. Exports rose 12 percent in 2021,";
    let mut q = quote(text, content, "Ann Lee");
    q.kind = QuoteKind::Direct;
    let claims = run(text, &[q], None);
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0].kind, ClaimKind::Quantity);
    assert!(claims[0].evidence.iter().any(|e| e.text == "12 percent"));
}

mod properties {
    use super::*;
    use proptest::prelude::*;

    fn article() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            "The ",
            "fund ",
            "rose ",
            "12 ",
            "percent ",
            "in ",
            "February ",
            "2022",
            "last ",
            "week",
            ". ",
            "? ",
            "“",
            "”",
            "’s ",
            "$5 ",
            "billion ",
            "said ",
            "Ann Lee ",
            "\n\n",
            "é",
            "1,0",
            "will ",
            "because ",
            "poll ",
            "I think ",
            "Thursday",
        ]);
        prop::collection::vec(pieces, 0..60).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn spans_lie_in_the_text_and_inside_their_claim(text in article()) {
            for c in run(&text, &[], Some("2023-03-02")) {
                prop_assert_eq!(c.span.text(&text), c.text.as_str());
                prop_assert!((0.0..=1.0).contains(&c.score));
                for e in &c.evidence {
                    prop_assert!(c.span.contains(e.span), "{:?}", e);
                    prop_assert_eq!(e.span.text(&text), e.text.as_str());
                }
                for m in &c.mentions {
                    prop_assert_eq!(m.span.text(&text), m.text.as_str());
                }
            }
        }
    }
}

#[test]
fn an_opinion_quotation_is_only_an_attribution_claim() {
    let text = "“It seems we should vote for a better plan,” said Ann Lee.";
    let mut q = quote(
        text,
        "It seems we should vote for a better plan,",
        "Ann Lee",
    );
    q.kind = QuoteKind::Direct;
    let claims = run(text, &[q], None);
    assert_eq!(claims.len(), 1, "{claims:#?}");
    assert_eq!(claims[0].kinds, vec![ClaimKind::Attribution]);
    assert!(claims[0].evidence.is_empty());
}

#[test]
fn calendar_words_come_from_the_grammar_file() {
    // abbreviations and full names number the same month
    for (written, month) in [
        ("Sept. 4, 2023", "09"),
        ("Feb 2022", "02"),
        ("May 2021", "05"),
    ] {
        let doc = crate::Document::new("d", format!("Prices rose 5 percent in {written}."));
        let analysis = crate::Analyzer::default().analyze(&doc);
        let dates: Vec<String> = analysis
            .claims
            .iter()
            .flat_map(|c| &c.mentions)
            .filter_map(|m| match &m.value {
                MentionValue::Date { value: Some(v) } => Some(v.clone()),
                _ => None,
            })
            .collect();
        assert!(
            dates.iter().any(|d| d.get(5..7) == Some(month)),
            "{written}: {dates:?}"
        );
    }
    assert!(super::normalize::is_calendar_name("thursday"));
    assert!(!super::normalize::is_calendar_name("thurs"));
}

/// A bare claim from `start` to `end`, for ordering tests.
fn bare_claim(start: usize, end: usize, source: ClaimSource) -> Claim {
    Claim {
        id: format!("{start}-{end}"),
        span: Span::new(start, end),
        text: String::new(),
        source,
        kind: ClaimKind::Attribution,
        kinds: Vec::new(),
        claimant: None,
        cue: None,
        quote: None,
        sentence: 0,
        sentence_text: String::new(),
        evidence: Vec::new(),
        mentions: Vec::new(),
        score: 0.0,
        status: Status::default(),
    }
}

#[test]
fn merged_claims_are_in_the_order_of_a_stable_sort() {
    use ClaimSource::{Quotation, Reporter};
    type Spans = &'static [(usize, usize)];
    let cases: [(Spans, Spans); 3] = [
        // both in order, with ties of start within and across the lists
        (
            &[(0, 5), (3, 4), (3, 9), (8, 9)],
            &[(0, 9), (3, 3), (10, 12)],
        ),
        // the quotations out of order
        (&[(8, 9), (0, 5), (3, 4)], &[(3, 3), (0, 1)]),
        (&[], &[(1, 2), (1, 3)]),
    ];
    for (quoted, reporter) in cases {
        let quoted: Vec<Claim> = quoted
            .iter()
            .map(|&(s, e)| bare_claim(s, e, Quotation))
            .collect();
        let reporter: Vec<Claim> = reporter
            .iter()
            .map(|&(s, e)| bare_claim(s, e, Reporter))
            .collect();
        let mut want: Vec<Claim> = quoted.iter().chain(&reporter).cloned().collect();
        want.sort_by_key(|c| (c.span.start, c.source == Reporter));
        assert_eq!(merge_claims(quoted, reporter), want);
    }
}
