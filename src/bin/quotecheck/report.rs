//! `quotecheck report`: the reports in every format.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use anyhow::Context;
use clap::{Args, ValueEnum};
use quotecheck::{Analysis, Analyzer, Document, Format, ReportOptions, ReviewFile};

use crate::input::InputArgs;

/// Arguments of `quotecheck report`.
#[derive(Args, Debug)]
pub struct ReportArgs {
    #[command(flatten)]
    input: InputArgs,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    format: ReportFormat,
    /// The article's URL (for ClaimReview), overriding the review file's.
    #[arg(long)]
    url: Option<String>,
    /// A review file whose statuses and verdicts to show.
    #[arg(long, value_name = "FILE")]
    review: Option<PathBuf>,
    /// The article's publication date (YYYY-MM-DD), to resolve "last
    /// week" and the like.
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// When to use colour in the text report.
    #[arg(long, value_enum, default_value_t = ColourChoice::Auto)]
    color: ColourChoice,
}

/// Output format of `quotecheck report`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ReportFormat {
    /// The terminal report.
    Text,
    /// The report as Markdown.
    Markdown,
    /// The full analysis as JSON.
    Json,
    /// The full analysis as JSON Lines.
    Jsonl,
    /// schema.org ClaimReview JSON-LD for claims with a verdict.
    Claimreview,
}

/// When to colour the text report.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
pub enum ColourChoice {
    /// On a terminal, unless NO_COLOR is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}

/// Whether to colour standard output.
pub fn colour(choice: ColourChoice) -> bool {
    match choice {
        ColourChoice::Always => true,
        ColourChoice::Never => false,
        ColourChoice::Auto => {
            std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
        }
    }
}

/// Writes the text report of one document, coloured on a terminal.
pub fn write_text(out: &mut impl Write, doc: &Document, analysis: &Analysis) -> anyhow::Result<()> {
    let options = ReportOptions::new().colour(colour(ColourChoice::Auto));
    quotecheck::render(Format::Text, out, doc, analysis, &options)?;
    Ok(())
}

/// Runs `quotecheck report`.
pub fn run(args: ReportArgs, analyzer: &Analyzer, out: &mut impl Write) -> anyhow::Result<()> {
    let reviews = match &args.review {
        Some(path) => Some(ReviewFile::load(path).context("reading the review file")?),
        None => None,
    };
    let format = match args.format {
        ReportFormat::Text => Format::Text,
        ReportFormat::Markdown => Format::Markdown,
        ReportFormat::Json => Format::Json,
        ReportFormat::Jsonl => Format::Jsonl,
        ReportFormat::Claimreview => Format::ClaimReview,
    };
    let options = ReportOptions::new()
        .colour(format == Format::Text && colour(args.color))
        .url(args.url.clone())
        .reviews(reviews);
    for (i, mut doc) in args.input.documents()?.into_iter().enumerate() {
        if args.published.is_some() {
            doc.published.clone_from(&args.published);
        }
        let analysis = analyzer.analyze(&doc);
        if i > 0 && matches!(format, Format::Text | Format::Markdown) {
            writeln!(out)?;
        }
        quotecheck::render(format, out, &doc, &analysis, &options)?;
    }
    Ok(())
}
