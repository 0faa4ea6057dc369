//! Reports: one module per output format.
//!
//! - [`Format::Text`]: a terminal report with the article summary, the
//!   speakers and their quotations, and the claims ranked by
//!   check-worthiness with their review status.
//! - [`Format::Markdown`]: the same report for a CMS or a ticket.
//! - [`Format::Json`] and [`Format::Jsonl`]: the full analysis.
//! - [`Format::ClaimReview`]: schema.org ClaimReview JSON-LD for the claims
//!   that have a verdict.

mod claimreview;
mod jsonl;
mod markdown;
mod text;

use std::io::{self, Write};

use crate::analysis::Analysis;
use crate::attribute::Speaker;
use crate::claim::Claim;
use crate::document::Document;
use crate::quote::Quote;
use crate::review::ReviewFile;

pub use claimreview::claim_reviews;

/// An output format.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum Format {
    /// The readable terminal report.
    Text,
    /// The report as Markdown.
    Markdown,
    /// The full analysis as one pretty JSON object.
    Json,
    /// The full analysis as JSON Lines: one `{"type": …, "data": …}`
    /// message per line.
    Jsonl,
    /// schema.org ClaimReview JSON-LD (an array) for reviewed claims.
    ClaimReview,
}

/// Settings for [`render`].
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct ReportOptions {
    /// Use ANSI colour in the text report. The caller decides: the CLI
    /// turns it on only on a terminal and when `NO_COLOR` is unset.
    pub colour: bool,
    /// The article's URL for ClaimReview, overriding the document's.
    pub url: Option<String>,
    /// Reviews: statuses for the reports, verdicts for ClaimReview.
    pub reviews: Option<ReviewFile>,
}

impl ReportOptions {
    /// Default options: no colour, no URL, no reviews.
    pub fn new() -> Self {
        ReportOptions::default()
    }

    /// Sets [`ReportOptions::colour`].
    pub fn colour(mut self, on: bool) -> Self {
        self.colour = on;
        self
    }

    /// Sets [`ReportOptions::url`].
    pub fn url(mut self, url: Option<String>) -> Self {
        self.url = url;
        self
    }

    /// Sets [`ReportOptions::reviews`].
    pub fn reviews(mut self, reviews: Option<ReviewFile>) -> Self {
        self.reviews = reviews;
        self
    }
}

/// Writes the report of one analysed document in `format`. Review
/// statuses from `options.reviews` are applied to a copy of the analysis.
///
/// ```
/// use quotecheck::{Analyzer, Document, Format, ReportOptions, render};
///
/// let doc = Document::new("d", "The bloc has 19 members.");
/// let analysis = Analyzer::default().analyze(&doc);
/// let mut out = Vec::new();
/// render(Format::Markdown, &mut out, &doc, &analysis, &ReportOptions::new()).unwrap();
/// assert!(String::from_utf8(out).unwrap().contains("19 members"));
/// ```
pub fn render(
    format: Format,
    out: &mut dyn Write,
    doc: &Document,
    analysis: &Analysis,
    options: &ReportOptions,
) -> io::Result<()> {
    let mut analysis = analysis.clone();
    if let Some(reviews) = &options.reviews {
        analysis.apply_reviews(reviews);
    }
    match format {
        Format::Text => text::write(out, doc, &analysis, options.colour),
        Format::Markdown => markdown::write(out, doc, &analysis),
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, &analysis)?;
            writeln!(out)
        }
        Format::Jsonl => jsonl::write(out, &analysis),
        Format::ClaimReview => {
            let reviews = claim_reviews(doc, &analysis, options);
            serde_json::to_writer_pretty(&mut *out, &reviews)?;
            writeln!(out)
        }
    }
}

/// Quotations grouped by speaker, in order of each speaker's first
/// quotation; unattributed quotations (not scare quotes) last, under `None`.
pub(crate) fn by_speaker(analysis: &Analysis) -> Vec<(Option<&str>, Vec<&Quote>)> {
    let mut groups: Vec<(Option<&str>, Vec<&Quote>)> = Vec::new();
    for q in &analysis.quotes {
        if q.kind == crate::quote::QuoteKind::Scare {
            continue;
        }
        let name = q.speaker.as_ref().map(|s| s.name.as_str());
        match groups.iter_mut().find(|(n, _)| *n == name) {
            Some((_, list)) => list.push(q),
            None => groups.push((name, vec![q])),
        }
    }
    groups.sort_by_key(|(n, _)| n.is_none());
    groups
}

/// How a quotation's words are shown in the readable reports: between
/// quotation marks when they are the speaker's own words, and without
/// marks, labelled as a paraphrase, when they are reported speech. A
/// fact-checker must never take a reporter's paraphrase for a verbatim
/// quotation.
pub(crate) fn shown_words(q: &Quote, text: &str) -> String {
    match q.kind {
        crate::quote::QuoteKind::Indirect => format!("{text} (paraphrase)"),
        _ => format!("“{text}”"),
    }
}

/// The speaker entry with this canonical name.
pub(crate) fn speaker<'a>(analysis: &'a Analysis, name: &str) -> Option<&'a Speaker> {
    analysis.speakers.iter().find(|s| s.name == name)
}

/// Claims, most check-worthy first; ties in document order.
pub(crate) fn ranked(analysis: &Analysis) -> Vec<&Claim> {
    let mut claims: Vec<&Claim> = analysis.claims.iter().collect();
    claims.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.span.cmp(&b.span)));
    claims
}

/// Text with every run of whitespace made one space.
pub(crate) fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The headline: the first heading paragraph, if any.
pub(crate) fn headline<'a>(doc: &'a Document, analysis: &Analysis) -> Option<&'a str> {
    analysis
        .paragraphs
        .iter()
        .find(|p| p.kind == crate::segment::ParagraphKind::Heading)
        .map(|p| p.span.text(&doc.text))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quote::QuoteKind;
    use crate::{Analyzer, Document};

    /// The readable reports show a paraphrase without quotation marks, so
    /// that it cannot pass for the speaker's own words; a direct quotation
    /// keeps its marks.
    #[test]
    fn readable_reports_mark_paraphrase_apart_from_quotation() {
        let doc = Document::new(
            "d",
            "The harbour master said the ferry would run again in May. \
             “We have checked every hull,” said Ines Moreau, the harbour master.\n",
        );
        let analysis = Analyzer::default().analyze(&doc);
        let of_kind = |kind| {
            analysis
                .quotes
                .iter()
                .find(|q| q.kind == kind)
                .unwrap_or_else(|| panic!("no {kind:?} quotation in {:#?}", analysis.quotes))
        };
        let paraphrase = of_kind(QuoteKind::Indirect).text.clone();
        let direct = of_kind(QuoteKind::Direct).text.clone();
        for format in [Format::Text, Format::Markdown] {
            let mut out = Vec::new();
            render(format, &mut out, &doc, &analysis, &ReportOptions::new()).unwrap();
            let report = String::from_utf8(out).unwrap();
            assert!(
                report.contains(&format!("{paraphrase} (paraphrase)")),
                "{format:?}: paraphrase not labelled\n{report}"
            );
            assert!(
                !report.contains(&format!("“{paraphrase}")),
                "{format:?}: paraphrase shown in quotation marks\n{report}"
            );
            assert!(
                report.contains(&format!("“{direct}”")),
                "{format:?}: direct quotation lost its marks\n{report}"
            );
        }
    }
}
