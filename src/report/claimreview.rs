//! schema.org ClaimReview JSON-LD.

use serde_json::{Value, json};

use super::{ReportOptions, speaker};
use crate::analysis::Analysis;
use crate::attribute::SpeakerKind;
use crate::document::Document;
use crate::review::Status;

/// The 1–5 rating of a verdict (5 true, 1 false); `None` when the
/// verdict has no place on the scale.
fn rating(status: Status) -> Option<u8> {
    match status {
        Status::Verified => Some(5),
        Status::MostlyTrue => Some(4),
        Status::Misleading => Some(2),
        Status::False => Some(1),
        _ => None,
    }
}

/// Today's date, `YYYY-MM-DD` (UTC).
fn today() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    crate::claim::Date::from_days((secs / 86_400) as i64).iso()
}

/// One schema.org `ClaimReview` object for each claim whose review has a
/// verdict (verified, mostly true, misleading, false or unverifiable).
///
/// Each has `claimReviewed`, `datePublished` (the review date, else the
/// article's, else today), `url` (from `options.url`, else the review
/// file's, else the document's), `itemReviewed` (a `Claim` whose `author`
/// is the claimant, or the outlet for the reporter's own claims, with an
/// `appearance` pointing at the article) and `reviewRating` (with
/// `alternateName`: the verdict text, or the status).
pub fn claim_reviews(doc: &Document, analysis: &Analysis, options: &ReportOptions) -> Vec<Value> {
    let Some(reviews) = &options.reviews else {
        return Vec::new();
    };
    let url = options
        .url
        .clone()
        .or_else(|| reviews.url.clone())
        .or_else(|| doc.url.clone());
    let mut out = Vec::new();
    for claim in &analysis.claims {
        let Some(review) = reviews.get(&claim.id) else {
            continue;
        };
        if !review.status.is_verdict() {
            continue;
        }
        let author = match &claim.claimant {
            Some(name) => {
                let kind = match speaker(analysis, name).map(|s| s.kind) {
                    Some(SpeakerKind::Person) | None => "Person",
                    Some(_) => "Organization",
                };
                json!({ "@type": kind, "name": name })
            }
            None => json!({
                "@type": "Organization",
                "name": doc.outlet.clone().unwrap_or_else(|| doc.id.clone()),
            }),
        };
        let mut appearance = json!({ "@type": "CreativeWork" });
        if let Some(u) = &url {
            appearance["url"] = json!(u);
        }
        if let Some(p) = &doc.published {
            appearance["datePublished"] = json!(p);
        }
        let mut rating_json = json!({
            "@type": "Rating",
            "alternateName": review
                .verdict
                .clone()
                .filter(|v| !v.trim().is_empty())
                .unwrap_or_else(|| review.status.as_str().to_owned()),
        });
        if let Some(r) = rating(review.status) {
            rating_json["ratingValue"] = json!(r);
            rating_json["bestRating"] = json!(5);
            rating_json["worstRating"] = json!(1);
        }
        let mut item = json!({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": claim.id,
            "claimReviewed": super::one_line(&claim.text),
            "datePublished": review
                .reviewed
                .clone()
                .or_else(|| doc.published.clone())
                .unwrap_or_else(today),
            "itemReviewed": {
                "@type": "Claim",
                "author": author,
                "appearance": appearance,
            },
            "reviewRating": rating_json,
        });
        if let Some(u) = &url {
            item["url"] = json!(u);
        }
        if let Some(r) = &review.reviewer {
            item["author"] = json!({ "@type": "Person", "name": r });
        }
        if let Some(p) = &doc.published {
            item["itemReviewed"]["datePublished"] = json!(p);
        }
        out.push(item);
    }
    out
}
