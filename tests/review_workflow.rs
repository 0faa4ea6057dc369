//! The review workflow across edits, ClaimReview's required fields, and
//! stable claim IDs.

use std::collections::BTreeSet;

use quotecheck::{
    Analyzer, Document, Format, ReportOptions, ReviewFile, Status, claim_reviews, render,
};

const ARTICLE: &str = include_str!("../fixtures/claims/harbour-council-budget.txt");

fn analyse(text: &str) -> quotecheck::Analysis {
    let mut doc = Document::new("harbour", text);
    doc.published = Some("2024-05-16".to_owned());
    Analyzer::default().analyze(&doc)
}

fn ids(text: &str) -> BTreeSet<String> {
    analyse(text).claims.into_iter().map(|c| c.id).collect()
}

/// The article with its paragraphs in reverse order, lines rewrapped at
/// about 40 columns, and extra spaces.
fn reflowed_and_reordered(text: &str) -> String {
    let mut paragraphs: Vec<String> = text
        .split("\n\n")
        .map(|p| {
            let mut out = String::new();
            let mut col = 0;
            for word in p.split_whitespace() {
                if col > 40 {
                    out.push('\n');
                    col = 0;
                } else if col > 0 {
                    out.push_str("  ");
                }
                out.push_str(word);
                col += word.len() + 1;
            }
            out
        })
        .collect();
    paragraphs.reverse();
    paragraphs.join("\n\n\n")
}

#[test]
fn ids_survive_reflow_whitespace_and_reordering() {
    let before = ids(ARTICLE);
    assert!(before.len() >= 5, "{before:?}");
    assert_eq!(before, ids(&reflowed_and_reordered(ARTICLE)));
}

#[test]
fn an_id_changes_when_a_number_in_its_claim_changes() {
    let before = ids(ARTICLE);
    let edited = ARTICLE.replace("12 percent", "14 percent");
    let after = ids(&edited);
    assert_eq!(before.difference(&after).count(), 1);
    assert_eq!(after.difference(&before).count(), 1);
}

#[test]
fn verdicts_carry_over_an_edited_article() {
    let first = analyse(ARTICLE);
    let mut reviews = ReviewFile::default();
    let outcome = reviews.merge(&first);
    assert_eq!(outcome.new.len(), first.claims.len());
    for (i, review) in reviews.reviews.values_mut().enumerate() {
        review.status = Status::Verified;
        review.verdict = Some(format!("verdict {i}"));
    }
    let before = reviews.clone();

    // Reflow, reorder, change one number, drop one sentence, add one.
    let edited = reflowed_and_reordered(
        &ARTICLE
            .replace("12 percent", "14 percent")
            .replace("The council expects the work to finish by 2026.", ""),
    ) + "\n\nThe harbour master said 30 boats were moved in April 2024.";
    let second = analyse(&edited);
    let outcome = reviews.merge(&second);

    assert_eq!(outcome.orphaned.len(), 2, "{outcome:#?}");
    assert_eq!(outcome.new.len(), 2, "{outcome:#?}");
    assert_eq!(outcome.kept.len(), first.claims.len() - 2);
    for id in &outcome.kept {
        assert_eq!(
            reviews.reviews[id], before.reviews[id],
            "{id} lost its review"
        );
    }
    for id in &outcome.orphaned {
        assert!(reviews.reviews[id].orphaned);
        assert_eq!(reviews.reviews[id].status, Status::Verified);
    }
    for id in &outcome.new {
        assert_eq!(reviews.reviews[id].status, Status::Unreviewed);
    }

    // The statuses show up on the analysis.
    let mut second = second;
    second.apply_reviews(&reviews);
    let kept: Vec<_> = second
        .claims
        .iter()
        .filter(|c| outcome.kept.contains(&c.id))
        .collect();
    assert!(kept.iter().all(|c| c.status == Status::Verified));
}

#[test]
fn claimreview_has_the_required_fields() {
    let mut doc = Document::new("harbour", ARTICLE);
    doc.published = Some("2024-05-16".to_owned());
    let analysis = Analyzer::default().analyze(&doc);
    let mut reviews = ReviewFile::default();
    reviews.merge(&analysis);
    let first = analysis.claims[0].id.clone();
    let second = analysis.claims[1].id.clone();
    {
        let r = reviews.reviews.get_mut(&first).unwrap();
        r.status = Status::False;
        r.verdict = Some("False: the budget was 46 million pounds.".to_owned());
    }
    reviews.reviews.get_mut(&second).unwrap().status = Status::InProgress;
    let options = ReportOptions::new()
        .url(Some("https://news.example/harbour".to_owned()))
        .reviews(Some(reviews));
    let items = claim_reviews(&doc, &analysis, &options);
    assert_eq!(items.len(), 1, "only claims with a verdict are published");
    let item = &items[0];
    assert_eq!(item["@context"], "https://schema.org");
    assert_eq!(item["@type"], "ClaimReview");
    assert_eq!(item["url"], "https://news.example/harbour");
    assert_eq!(item["datePublished"], "2024-05-16");
    assert!(!item["claimReviewed"].as_str().unwrap().is_empty());
    let claim = &item["itemReviewed"];
    assert_eq!(claim["@type"], "Claim");
    assert!(claim["author"]["name"].is_string());
    assert!(claim["author"]["@type"].is_string());
    assert_eq!(claim["appearance"]["url"], "https://news.example/harbour");
    let rating = &item["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert_eq!(
        rating["alternateName"],
        "False: the budget was 46 million pounds."
    );
    assert_eq!(rating["ratingValue"], 1);

    let mut out = Vec::new();
    render(Format::ClaimReview, &mut out, &doc, &analysis, &options).unwrap();
    let parsed: serde_json::Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(parsed.as_array().unwrap().len(), 1);
}

#[test]
fn concurrent_saves_never_leave_a_broken_file() {
    let dir = std::env::temp_dir().join(format!("qc-concurrent-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("reviews.json");
    let analysis = analyse(ARTICLE);
    let handles: Vec<_> = (0..4)
        .map(|t| {
            let path = path.clone();
            let analysis = analysis.clone();
            std::thread::spawn(move || {
                for i in 0..20 {
                    let mut file = ReviewFile::load_or_default(&path).unwrap();
                    file.merge(&analysis);
                    if let Some(r) = file.reviews.values_mut().next() {
                        r.notes.push(format!("thread {t} pass {i}"));
                    }
                    file.save(&path).unwrap();
                }
            })
        })
        .collect();
    for h in handles {
        h.join().unwrap();
    }
    let file = ReviewFile::load(&path).unwrap();
    assert_eq!(file.reviews.len(), analysis.claims.len());
    std::fs::remove_dir_all(&dir).ok();
}
