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
