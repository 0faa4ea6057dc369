//! One reviewed snapshot per fixture article in `fixtures/quotes/`: the
//! quotations (not indirect speech, which depends on sentence splitting)
//! with their speaker mention, cue, medium, addressee and pattern. The
//! speaker list is left out: canonical names come from the entity stage.

use insta::{assert_json_snapshot, glob};
use quotecheck::{Analyzer, Document, QuoteKind};
use serde_json::{Value, json};

fn view(text: &str) -> Value {
    let analysis = Analyzer::default().analyze(&Document::new("fixture", text));
    let quotes: Vec<Value> = analysis
        .quotes
        .iter()
        .filter(|q| q.kind != QuoteKind::Indirect)
        .map(|q| {
            assert_eq!(&text[q.span.start..q.span.end], q.span.text(text));
            json!({
                "span": [q.span.start, q.span.end],
                "text": q.text,
                "kind": q.kind,
                "closed": q.closed,
                "speaker": q.speaker.as_ref().map(|s| &s.text),
                "cue": q.cue.as_ref().map(|c| format!("{} ({})", c.text, c.lemma)),
                "via": q.via.as_ref().map(|m| &m.text),
                "addressee": q.addressee.as_ref().map(|m| &m.text),
                "pattern": q.pattern,
            })
        })
        .collect();
    json!({ "quotes": quotes })
}

#[test]
fn quote_fixtures() {
    glob!("../fixtures/quotes", "*.txt", |path| {
        let text = std::fs::read_to_string(path).unwrap();
        assert_json_snapshot!(view(&text));
    });
}

/// Thousands of unbalanced marks, cues and scare quotes: no panic, and
/// every quotation stays inside the text on char boundaries. (Linear time
/// is measured in `benches/pipeline.rs`, not in a timed test.)
#[test]
fn pathological_marks_stay_inside_the_text() {
    let text = "“a ‘b said Doe, \" “x” — ' « ".repeat(8_000);
    let a = Analyzer::default().analyze(&Document::new("p", text.as_str()));
    for q in &a.quotes {
        assert!(q.span.end <= text.len() && text.is_char_boundary(q.span.start));
        assert!(text.is_char_boundary(q.span.end));
    }
}

proptest::proptest! {
    /// Any mix of marks, words, cues and newlines: no panic, and every
    /// span lies on char boundaries inside the text.
    #[test]
    fn spans_stay_inside_the_text(
        parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "“", "”", "\"", "'", "’", "‘", "«", "»", "—", ", ", ": ", ". ", "\n\n",
                "said", "Doe", "she", "according to", "é", "told reporters", "who", "(", ")",
            ]),
            0..60,
        )
    ) {
        let text: String = parts.join(" ");
        let a = Analyzer::default().analyze(&Document::new("p", text.as_str()));
        for q in &a.quotes {
            proptest::prop_assert!(q.span.start <= q.span.end && q.span.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
            if let Some(s) = &q.speaker {
                proptest::prop_assert_eq!(s.span.text(&text), s.text.as_str());
            }
            if let Some(c) = &q.cue {
                proptest::prop_assert_eq!(c.span.text(&text), c.text.as_str());
            }
        }
    }
}
