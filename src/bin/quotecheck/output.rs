//! Printing analyses.

use std::io::Write;

use quotecheck::{Analysis, Sentence};
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
