//! The calls an editorial tool makes: analyse a draft, list its quotations
//! with their spans, list its claims with their IDs, and keep a review
//! file in step with the edits.
//!
//! ```sh
//! cargo run --example editorial -- [DRAFT.txt] [REVIEWS.json]
//! ```
//!
//! Without arguments it uses a short built-in draft and a review file in
//! the system's temporary folder.

use std::path::PathBuf;

use quotecheck::{Analyzer, Document, Format, ReportOptions, ReviewFile, Status, render};

const DRAFT: &str = "Council Backs Sea Wall\n\n\
The council approved a 48 million pound budget on Tuesday.\n\n\
“We promised to fix the wall in 2021,” council leader Mara Okafor said.\n\n\
Is it enough? It seems a good start.\n";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let text = match args.first() {
        Some(path) => std::fs::read_to_string(path)?,
        None => DRAFT.to_owned(),
    };
    let review_path = args
        .get(1)
        .map(PathBuf::from)
        .unwrap_or_else(|| std::env::temp_dir().join("quotecheck-editorial-reviews.json"));

    // 1. Analyse the draft. A publication date resolves "last week".
    let mut doc = Document::new("draft", text);
    doc.published = Some("2024-05-16".to_owned());
    let analyzer = Analyzer::default();
    let analysis = analyzer.analyze(&doc);

    // 2. Quotations with their byte spans, to highlight in the editor.
    println!("Quotations:");
    for q in &analysis.quotes {
        let who = q.speaker.as_ref().map_or("?", |s| s.name.as_str());
        println!("  {}..{}  {who}: “{}”", q.span.start, q.span.end, q.text);
    }

    // 3. Claims with their stable IDs, types and scores.
    println!("Claims:");
    for c in &analysis.claims {
        println!(
            "  {}  {:.2}  {:<11} {}..{}  {}",
            c.id,
            c.score,
            c.kind.as_str(),
            c.span.start,
            c.span.end,
            c.text.split_whitespace().collect::<Vec<_>>().join(" ")
        );
    }

    // 4. Merge into the review file: verdicts stay with unchanged claims.
    let mut reviews = ReviewFile::load_or_default(&review_path)?;
    let outcome = reviews.merge(&analysis);
    println!(
        "Review file {}: {} kept, {} new, {} orphaned",
        review_path.display(),
        outcome.kept.len(),
        outcome.new.len(),
        outcome.orphaned.len()
    );
    // A reviewer starts on the most check-worthy claim.
    if let Some(top) = analysis
        .claims
        .iter()
        .max_by(|a, b| a.score.total_cmp(&b.score))
    {
        if let Some(review) = reviews.reviews.get_mut(&top.id) {
            if review.status == Status::Unreviewed {
                review.status = Status::InProgress;
                review.reviewer = Some("desk".to_owned());
            }
        }
    }
    reviews.save(&review_path)?;

    // 5. The Markdown report with review statuses, for the ticket.
    let options = ReportOptions::new().reviews(Some(reviews));
    render(
        Format::Markdown,
        &mut std::io::stdout(),
        &doc,
        &analysis,
        &options,
    )?;
    Ok(())
}
