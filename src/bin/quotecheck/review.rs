//! `quotecheck review`: keeps the review file up to date with the article
//! and records reviewers' decisions.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Context, bail};
use clap::Args;
use quotecheck::{Analyzer, ReviewFile, Status};

use crate::input::InputArgs;

/// Arguments of `quotecheck review`.
#[derive(Args, Debug)]
pub struct ReviewArgs {
    #[command(flatten)]
    input: InputArgs,
    /// The review file (JSON), created when missing.
    #[arg(
        long,
        short = 'f',
        value_name = "FILE",
        default_value = "quotecheck-reviews.json"
    )]
    file: PathBuf,
    /// The article's publication date (YYYY-MM-DD).
    #[arg(long, value_name = "DATE")]
    published: Option<String>,
    /// The article's URL, stored in the review file for ClaimReview.
    #[arg(long)]
    url: Option<String>,
    /// Record a decision on the claim with this ID.
    #[arg(long, value_name = "ID")]
    set: Option<String>,
    /// New status: unreviewed, in-progress, verified, mostly-true,
    /// misleading, false, unverifiable, dismissed.
    #[arg(long, requires = "set")]
    status: Option<String>,
    /// The verdict, in words.
    #[arg(long, requires = "set")]
    verdict: Option<String>,
    /// Who reviewed the claim.
    #[arg(long, requires = "set")]
    reviewer: Option<String>,
    /// The date of the verdict (YYYY-MM-DD).
    #[arg(long, requires = "set")]
    reviewed: Option<String>,
    /// A note to add (repeatable).
    #[arg(long, requires = "set")]
    note: Vec<String>,
    /// A source to add (repeatable).
    #[arg(long, requires = "set")]
    source: Vec<String>,
}

/// Runs `quotecheck review`.
pub fn run(args: ReviewArgs, analyzer: &Analyzer, out: &mut impl Write) -> anyhow::Result<()> {
    let docs = args.input.documents()?;
    if docs.len() != 1 {
        bail!("review works on one article at a time; name one file");
    }
    let mut doc = docs.into_iter().next().context("no article")?;
    if args.published.is_some() {
        doc.published.clone_from(&args.published);
    }
    let mut reviews = ReviewFile::load_or_default(&args.file)?;
    let analysis = analyzer.analyze(&doc);
    let outcome = reviews.merge(&analysis);
    if args.url.is_some() {
        reviews.url.clone_from(&args.url);
    }
    writeln!(
        out,
        "{}: {} kept, {} new, {} orphaned",
        args.file.display(),
        outcome.kept.len(),
        outcome.new.len(),
        outcome.orphaned.len()
    )?;
    for id in &outcome.new {
        let claim = analysis.claims.iter().find(|c| &c.id == id);
        let text = claim.map_or(String::new(), |c| {
            c.text.split_whitespace().collect::<Vec<_>>().join(" ")
        });
        writeln!(out, "  new       {id}  {text}")?;
    }
    for id in &outcome.orphaned {
        let review = &reviews.reviews[id];
        writeln!(
            out,
            "  orphaned  {id}  [{}] {}",
            review.status.as_str(),
            review.claim
        )?;
    }
    if let Some(id) = &args.set {
        let Some(review) = reviews.reviews.get_mut(id) else {
            bail!("no claim with ID {id} in {}", args.file.display());
        };
        if let Some(s) = &args.status {
            review.status = Status::parse(s).with_context(|| format!("unknown status {s:?}"))?;
        }
        if args.verdict.is_some() {
            review.verdict.clone_from(&args.verdict);
        }
        if args.reviewer.is_some() {
            review.reviewer.clone_from(&args.reviewer);
        }
        if args.reviewed.is_some() {
            review.reviewed.clone_from(&args.reviewed);
        }
        review.notes.extend(args.note.iter().cloned());
        review.sources.extend(args.source.iter().cloned());
        writeln!(out, "  set       {id}  {}", review.status.as_str())?;
    }
    reviews.save(&args.file)?;
    Ok(())
}
