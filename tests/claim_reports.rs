//! Snapshots of every report format over the claim fixtures
//! (`fixtures/claims/*.txt`, articles written for these tests).
//!
//! Every fixture is read as published on 2024-05-16 at an example URL, so
//! relative dates resolve. For the ClaimReview snapshot, quantity claims
//! are marked verified and the others false, with a fixed review date.

use quotecheck::{
    Analyzer, ClaimKind, Document, Format, ReportOptions, ReviewFile, Status, render,
};

fn document(path: &std::path::Path) -> Document {
    let text = std::fs::read_to_string(path).unwrap();
    let name = path.file_name().unwrap().to_string_lossy().into_owned();
    let mut doc = Document::new(format!("fixtures/claims/{name}"), text);
    doc.published = Some("2024-05-16".to_owned());
    doc.url = Some(format!("https://news.example/{name}"));
    doc
}

fn rendered(format: Format, doc: &Document, options: &ReportOptions) -> String {
    let analysis = Analyzer::default().analyze(doc);
    let mut out = Vec::new();
    render(format, &mut out, doc, &analysis, options).unwrap();
    String::from_utf8(out).unwrap()
}

fn reviewed(doc: &Document) -> ReviewFile {
    let analysis = Analyzer::default().analyze(doc);
    let mut reviews = ReviewFile::default();
    reviews.merge(&analysis);
    for claim in &analysis.claims {
        let review = reviews.reviews.get_mut(&claim.id).unwrap();
        review.reviewed = Some("2024-05-17".to_owned());
        review.reviewer = Some("Test Desk".to_owned());
        if claim.kind == ClaimKind::Quantity {
            review.status = Status::Verified;
            review.verdict = Some("Matches the published figures.".to_owned());
        } else {
            review.status = Status::False;
        }
    }
    reviews
}

#[test]
fn every_format_over_the_fixtures() {
    insta::glob!("../fixtures/claims", "*.txt", |path| {
        let doc = document(path);
        let plain = ReportOptions::new();
        insta::assert_snapshot!("text", rendered(Format::Text, &doc, &plain));
        insta::assert_snapshot!("markdown", rendered(Format::Markdown, &doc, &plain));
        insta::assert_snapshot!("json", rendered(Format::Json, &doc, &plain));
        insta::assert_snapshot!("jsonl", rendered(Format::Jsonl, &doc, &plain));
        let with_reviews = ReportOptions::new().reviews(Some(reviewed(&doc)));
        insta::assert_snapshot!(
            "claimreview",
            rendered(Format::ClaimReview, &doc, &with_reviews)
        );
    });
}

#[test]
fn text_report_has_no_colour_unless_asked() {
    let doc = Document::new("d", "The bloc has 19 members.");
    let plain = rendered(Format::Text, &doc, &ReportOptions::new());
    assert!(!plain.contains('\x1b'));
    let coloured = rendered(Format::Text, &doc, &ReportOptions::new().colour(true));
    assert!(coloured.contains("\x1b["));
}
