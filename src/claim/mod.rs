//! Claims for review: extraction, typing, scoring and stable IDs.

use serde::{Deserialize, Serialize};

use crate::attribute::Speaker;
use crate::quote::Quote;
use crate::segment::Sentence;
use crate::span::Span;

/// A statement a fact-checker should review.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// A stable ID.
    pub id: String,
    /// The bytes of the claim.
    #[serde(flatten)]
    pub span: Span,
    /// The claim as written.
    pub text: String,
}

/// Extracts claims. Placeholder: finds none yet.
pub(crate) fn extract(
    _text: &str,
    _sentences: &[Sentence],
    _quotes: &[Quote],
    _speakers: &[Speaker],
) -> Vec<Claim> {
    Vec::new()
}
