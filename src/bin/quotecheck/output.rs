//! Printing analyses.

use std::io::Write;

use quotecheck::{Analysis, Document, Sentence};
use serde::Serialize;

/// The JSON of `quotecheck sentences --format json`.
#[derive(Serialize)]
pub struct SentencesOnly<'a> {
    id: &'a str,
    sentences: &'a [Sentence],
}

impl<'a> SentencesOnly<'a> {
    pub fn of(analysis: &'a Analysis) -> Self {
        SentencesOnly {
            id: &analysis.id,
            sentences: &analysis.sentences,
        }
    }
}

/// Writes one value as pretty JSON followed by a newline.
pub fn write_json(out: &mut impl Write, value: &impl Serialize) -> anyhow::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)?;
    Ok(())
}

/// Writes one sentence per line.
pub fn write_sentences(out: &mut impl Write, analysis: &Analysis) -> anyhow::Result<()> {
    for s in &analysis.sentences {
        writeln!(out, "{}", s.text.replace('\n', " "))?;
    }
    Ok(())
}

/// Writes the readable report.
pub fn write_report(
    out: &mut impl Write,
    doc: &Document,
    analysis: &Analysis,
) -> anyhow::Result<()> {
    writeln!(out, "quotecheck report: {}", doc.id)?;
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} quotations, {} speakers, {} claims",
        analysis.paragraphs.len(),
        analysis.sentences.len(),
        analysis.quotes.len(),
        analysis.speakers.len(),
        analysis.claims.len()
    )?;
    writeln!(out)?;
    writeln!(out, "Sentences")?;
    for (i, s) in analysis.sentences.iter().enumerate() {
        writeln!(out, "{:>4}  {}", i + 1, s.text.replace('\n', " "))?;
    }
    Ok(())
}
