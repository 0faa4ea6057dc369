//! JSON Lines: one typed message per line, `{"type": …, "data": …}`.
//!
//! Messages, in order: `begin` (`{"id"}`), then every `paragraph`,
//! `sentence`, `quote`, `speaker` and `claim`, then `end` (`{"id"}` and
//! counts).

use std::io::{self, Write};

use serde::Serialize;
use serde_json::json;

use crate::analysis::Analysis;

fn line(out: &mut dyn Write, kind: &str, data: &impl Serialize) -> io::Result<()> {
    serde_json::to_writer(&mut *out, &json!({ "type": kind, "data": data }))?;
    writeln!(out)
}

pub(super) fn write(out: &mut dyn Write, analysis: &Analysis) -> io::Result<()> {
    line(out, "begin", &json!({ "id": analysis.id }))?;
    for p in &analysis.paragraphs {
        line(out, "paragraph", p)?;
    }
    for s in &analysis.sentences {
        line(out, "sentence", s)?;
    }
    for q in &analysis.quotes {
        line(out, "quote", q)?;
    }
    for s in &analysis.speakers {
        line(out, "speaker", s)?;
    }
    for c in &analysis.claims {
        line(out, "claim", c)?;
    }
    line(
        out,
        "end",
        &json!({
            "id": analysis.id,
            "paragraphs": analysis.paragraphs.len(),
            "sentences": analysis.sentences.len(),
            "quotes": analysis.quotes.len(),
            "speakers": analysis.speakers.len(),
            "claims": analysis.claims.len(),
        }),
    )
}
