//! The review file: a JSON file that people edit, keyed by claim ID, that
//! tracks each claim through review to a verdict.
//!
//! ```json
//! {
//!   "version": 1,
//!   "document": "drafts/g20.txt",
//!   "reviews": {
//!     "qc-0123456789abcdef": {
//!       "claim": "The bloc comprises 19 countries.",
//!       "claimant": null,
//!       "status": "verified",
//!       "verdict": "Correct: 19 countries and the EU.",
//!       "reviewer": "A. Editor",
//!       "reviewed": "2023-03-03",
//!       "notes": ["Checked the bloc's own site."],
//!       "sources": ["https://example.org/members"]
//!     }
//!   }
//! }
//! ```
//!
//! Re-running on an edited article ([`ReviewFile::merge`]) keeps every
//! review, adds unchanged-claim reviews as they were, adds new claims as
//! `unreviewed`, and flags reviews whose claim is gone as `orphaned`
//! (never deleting a person's work). [`ReviewFile::save`] writes a
//! temporary file beside the target and renames it into place, so two runs
//! at once never leave a half-written file.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::claim::Claim;
use crate::error::{Error, ErrorKind};

/// The review file format version this library writes.
pub const REVIEW_FILE_VERSION: u32 = 1;

/// Where a claim is in review.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Status {
    /// Nobody has looked at it yet.
    #[default]
    Unreviewed,
    /// Someone is checking it.
    InProgress,
    /// Checked and accurate.
    Verified,
    /// Checked and mostly accurate, with a caveat.
    MostlyTrue,
    /// Checked and misleading: true words, false impression.
    Misleading,
    /// Checked and false.
    False,
    /// Cannot be checked with available evidence.
    Unverifiable,
    /// Not worth checking, or not a claim after all.
    Dismissed,
}

impl Status {
    /// The name used in the review file and reports (`in-progress`).
    pub fn as_str(self) -> &'static str {
        match self {
            Status::Unreviewed => "unreviewed",
            Status::InProgress => "in-progress",
            Status::Verified => "verified",
            Status::MostlyTrue => "mostly-true",
            Status::Misleading => "misleading",
            Status::False => "false",
            Status::Unverifiable => "unverifiable",
            Status::Dismissed => "dismissed",
        }
    }

    /// True once a reviewer reached a published verdict.
    pub fn is_verdict(self) -> bool {
        matches!(
            self,
            Status::Verified
                | Status::MostlyTrue
                | Status::Misleading
                | Status::False
                | Status::Unverifiable
        )
    }

    /// Parses the name used in the review file.
    pub fn parse(s: &str) -> Option<Status> {
        serde_json::from_value(serde_json::Value::String(s.to_owned())).ok()
    }
}

/// The review of one claim.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Review {
    /// The claim's text when the review was made, for people reading the
    /// file and for reports on orphaned reviews.
    pub claim: String,
    /// Who made the claim (`None`: the reporter).
    pub claimant: Option<String>,
    /// Where the claim is in review.
    pub status: Status,
    /// The verdict, in words ("False: the bloc has 19 members, not 20").
    pub verdict: Option<String>,
    /// Who reviewed it.
    pub reviewer: Option<String>,
    /// When the verdict was reached (ISO 8601 date).
    pub reviewed: Option<String>,
    /// Free-form notes.
    pub notes: Vec<String>,
    /// Sources consulted (URLs or references).
    pub sources: Vec<String>,
    /// True when the claim is no longer in the article.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub orphaned: bool,
}

/// A review file: one [`Review`] per claim ID.
///
/// ```
/// use quotecheck::{Analyzer, Document, ReviewFile, Status};
///
/// let draft = Document::new("d", "The bloc has 19 members.\n\nIt met in 2022.");
/// let analysis = Analyzer::default().analyze(&draft);
/// let mut reviews = ReviewFile::default();
/// let merged = reviews.merge(&analysis);
/// assert_eq!(merged.new.len(), analysis.claims.len());
///
/// let id = &analysis.claims[0].id;
/// reviews.reviews.get_mut(id).unwrap().status = Status::Verified;
///
/// let edited = Document::new("d", "It met in 2022.\n\nThe bloc has 19 members.");
/// let merged = reviews.merge(&Analyzer::default().analyze(&edited));
/// assert!(merged.new.is_empty() && merged.orphaned.is_empty());
/// assert_eq!(reviews.reviews[id].status, Status::Verified);
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ReviewFile {
    /// The format version ([`REVIEW_FILE_VERSION`]).
    pub version: u32,
    /// The document the claims come from.
    pub document: Option<String>,
    /// Where the article is published, used by ClaimReview output.
    pub url: Option<String>,
    /// Reviews keyed by claim ID.
    pub reviews: BTreeMap<String, Review>,
}

impl Default for ReviewFile {
    fn default() -> Self {
        ReviewFile {
            version: REVIEW_FILE_VERSION,
            document: None,
            url: None,
            reviews: BTreeMap::new(),
        }
    }
}

/// What [`ReviewFile::merge`] did.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct MergeOutcome {
    /// IDs of claims that already had a review, which was kept.
    pub kept: Vec<String>,
    /// IDs of claims seen for the first time, added as unreviewed.
    pub new: Vec<String>,
    /// IDs of reviews whose claim is no longer in the article.
    pub orphaned: Vec<String>,
}

impl ReviewFile {
    /// Reads a review file.
    pub fn load(path: &Path) -> Result<ReviewFile, Error> {
        let bytes = std::fs::read(path).map_err(|e| io_error(path, &e))?;
        Self::from_json(&bytes).map_err(|e| e.with_source_name(path.display().to_string()))
    }

    /// Reads a review file, or starts an empty one when `path` does not
    /// exist.
    pub fn load_or_default(path: &Path) -> Result<ReviewFile, Error> {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(ReviewFile::default()),
            _ => Self::load(path),
        }
    }

    /// Parses a review file from JSON.
    pub fn from_json(bytes: &[u8]) -> Result<ReviewFile, Error> {
        serde_json::from_slice(bytes).map_err(|e| {
            Error::new(ErrorKind::InvalidReviewFile {
                line: e.line(),
                column: e.column(),
                message: e.to_string(),
            })
        })
    }

    /// Writes the file atomically: to a temporary file in the same folder,
    /// flushed to disk, then renamed over `path`.
    pub fn save(&self, path: &Path) -> Result<(), Error> {
        let mut json = serde_json::to_vec_pretty(self).unwrap_or_default();
        json.push(b'\n');
        let dir = match path.parent() {
            Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
            _ => std::path::PathBuf::from("."),
        };
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "reviews.json".to_owned());
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.subsec_nanos())
            .unwrap_or(0);
        let tmp = dir.join(format!(".{name}.{}.{nanos}.tmp", std::process::id()));
        let result = (|| {
            let mut file = std::fs::File::create(&tmp)?;
            file.write_all(&json)?;
            file.sync_all()?;
            std::fs::rename(&tmp, path)
        })();
        result.map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io_error(path, &e)
        })
    }

    /// Brings the file up to date with an analysis of the (possibly
    /// edited) article: keeps the reviews of claims still present, adds
    /// new claims as unreviewed, and flags reviews of claims that are gone
    /// as orphaned. A claim that comes back loses its orphaned flag.
    pub fn merge(&mut self, analysis: &Analysis) -> MergeOutcome {
        let mut outcome = MergeOutcome::default();
        if self.document.is_none() {
            self.document = Some(analysis.id.clone());
        }
        let mut present = std::collections::HashSet::new();
        for claim in &analysis.claims {
            present.insert(claim.id.as_str());
            match self.reviews.get_mut(&claim.id) {
                Some(review) => {
                    review.orphaned = false;
                    outcome.kept.push(claim.id.clone());
                }
                None => {
                    self.reviews
                        .insert(claim.id.clone(), Review::for_claim(claim));
                    outcome.new.push(claim.id.clone());
                }
            }
        }
        for (id, review) in &mut self.reviews {
            if !present.contains(id.as_str()) {
                review.orphaned = true;
                outcome.orphaned.push(id.clone());
            }
        }
        outcome
    }

    /// The review of one claim, if any.
    pub fn get(&self, id: &str) -> Option<&Review> {
        self.reviews.get(id)
    }
}

impl Review {
    /// A fresh, unreviewed entry for `claim`.
    pub fn for_claim(claim: &Claim) -> Review {
        Review {
            claim: claim.text.split_whitespace().collect::<Vec<_>>().join(" "),
            claimant: claim.claimant.clone(),
            ..Review::default()
        }
    }
}

impl Analysis {
    /// Copies each claim's review status from `reviews` into
    /// [`Claim::status`](crate::Claim::status).
    pub fn apply_reviews(&mut self, reviews: &ReviewFile) {
        for claim in &mut self.claims {
            claim.status = reviews
                .get(&claim.id)
                .map_or(Status::Unreviewed, |r| r.status);
        }
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    Error::new(ErrorKind::Io {
        kind: e.kind(),
        message: e.to_string(),
    })
    .with_source_name(path.display().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_names_round_trip() {
        for s in [
            Status::Unreviewed,
            Status::InProgress,
            Status::MostlyTrue,
            Status::False,
        ] {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("nonsense"), None);
    }

    #[test]
    fn save_is_atomic_and_round_trips() {
        let dir = std::env::temp_dir().join(format!("qc-review-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("r.json");
        let mut file = ReviewFile::default();
        file.reviews.insert(
            "qc-1".into(),
            Review {
                status: Status::False,
                verdict: Some("No.".into()),
                ..Review::default()
            },
        );
        file.save(&path).unwrap();
        file.save(&path).unwrap();
        assert_eq!(ReviewFile::load(&path).unwrap(), file);
        let leftovers = std::fs::read_dir(&dir).unwrap().count();
        assert_eq!(leftovers, 1, "temporary files left behind");
        std::fs::remove_dir_all(&dir).ok();
    }

    #[test]
    fn a_broken_file_is_a_typed_error() {
        let err = ReviewFile::from_json(b"{\"reviews\": [").unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::InvalidReviewFile { .. }));
    }
}
