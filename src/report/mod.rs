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
