//! The Markdown report.

use std::io::{self, Write};

use super::{by_speaker, headline, one_line, ranked, shown_words, speaker};
use crate::analysis::Analysis;
use crate::document::Document;

/// Escapes text for a Markdown table cell or inline text.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in one_line(s).chars() {
        if matches!(
            c,
            '|' | '*' | '_' | '`' | '[' | ']' | '<' | '>' | '\\' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

pub(super) fn write(out: &mut dyn Write, doc: &Document, analysis: &Analysis) -> io::Result<()> {
    writeln!(out, "# quotecheck report: {}", escape(&doc.id))?;
    writeln!(out)?;
    if let Some(h) = headline(doc, analysis) {
        writeln!(out, "**{}**", escape(h))?;
        writeln!(out)?;
    }
    if let Some(p) = &doc.published {
        writeln!(out, "- Published: {}", escape(p))?;
    }
    if let Some(u) = &doc.url {
        writeln!(out, "- URL: <{u}>")?;
    }
    writeln!(
        out,
        "- {} paragraphs, {} sentences, {} quotations, {} speakers, {} claims",
        analysis.paragraphs.len(),
        analysis.sentences.len(),
        analysis.quotes.len(),
        analysis.speakers.len(),
        analysis.claims.len()
    )?;
    writeln!(out)?;
    writeln!(out, "## Speakers and their quotations")?;
    writeln!(out)?;
    let groups = by_speaker(analysis);
    if groups.is_empty() {
        writeln!(out, "No quotations found.")?;
    }
    for (name, quotes) in groups {
        let title = match name {
            Some(n) => match speaker(analysis, n).and_then(|s| s.description.as_deref()) {
                Some(d) => format!("**{}** ({})", escape(n), escape(d)),
                None => format!("**{}**", escape(n)),
            },
            None => "*No speaker found*".to_owned(),
        };
        writeln!(out, "- {title}")?;
        for q in quotes {
            let cue = q.cue.as_ref().map_or("—", |c| c.text.as_str());
            writeln!(
                out,
                "  - *{}*: {}",
                escape(cue),
                shown_words(q, &escape(&q.text))
            )?;
        }
    }
    writeln!(out)?;
    writeln!(out, "## Claims, most check-worthy first")?;
    writeln!(out)?;
    if analysis.claims.is_empty() {
        writeln!(out, "No checkable claims found.")?;
        return Ok(());
    }
    writeln!(out, "| # | Score | Type | Status | Claimant | Claim | ID |")?;
    writeln!(out, "|---:|---:|---|---|---|---|---|")?;
    for (rank, c) in ranked(analysis).into_iter().enumerate() {
        writeln!(
            out,
            "| {} | {:.2} | {} | {} | {} | {} | `{}` |",
            rank + 1,
            c.score,
            c.kind.as_str(),
            c.status.as_str(),
            escape(c.claimant.as_deref().unwrap_or("reporter")),
            escape(&c.text),
            c.id
        )?;
    }
    Ok(())
}
