//! The library's entry point: [`Analyzer`] runs the stages and returns an
//! [`Analysis`].

use serde::{Deserialize, Serialize};

use crate::attribute::{self, Speaker};
use crate::claim::{self, Claim};
use crate::document::Document;
use crate::quote::{self, Quote};
use crate::segment::{self, Paragraph, Sentence};

/// Settings for an [`Analyzer`].
#[derive(Clone, Debug, Default)]
#[non_exhaustive]
pub struct Options {}

/// Runs the pipeline. Cheap to make and to share between threads.
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    #[allow(dead_code)]
    options: Options,
}

/// Everything quotecheck found in one document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    /// The document's id.
    pub id: String,
    /// Blocks of text between blank lines.
    pub paragraphs: Vec<Paragraph>,
    /// Sentences, in document order.
    pub sentences: Vec<Sentence>,
    /// Quotations and reported speech, in document order.
    pub quotes: Vec<Quote>,
    /// Resolved speakers, with all their mentions.
    pub speakers: Vec<Speaker>,
    /// Claims for review.
    pub claims: Vec<Claim>,
}

impl Analyzer {
    /// Makes an analyzer with the given options.
    pub fn new(options: Options) -> Self {
        Analyzer { options }
    }

    /// Analyses one document.
    pub fn analyze(&self, doc: &Document) -> Analysis {
        let text = doc.text.as_str();
        let paragraphs = segment::paragraphs(text);
        let sentences = segment::sentences(text, &paragraphs);
        let quotes = quote::find(text, &paragraphs, &sentences);
        let (quotes, speakers) = attribute::attribute(text, &paragraphs, &sentences, quotes);
        let claims = claim::extract(&claim::Input {
            text,
            paragraphs: &paragraphs,
            sentences: &sentences,
            quotes: &quotes,
            speakers: &speakers,
            published: doc.published.as_deref(),
        });
        Analysis {
            id: doc.id.clone(),
            paragraphs,
            sentences,
            quotes,
            speakers,
            claims,
        }
    }
}
