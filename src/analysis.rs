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
///
/// An analyzer reads a [`Document`] and returns an [`Analysis`]: its
/// paragraphs, sentences, quotations with their speakers and cues, the
/// resolved speakers, and the claims for review. It never fails and never
/// panics: any text, however odd, gives an analysis, and every span in it
/// is a byte range on char boundaries of `doc.text`.
///
/// ```
/// use quotecheck::{Analyzer, Document, Options};
///
/// let analyzer = Analyzer::new(Options::default());
/// let mut doc = Document::new("draft-17", "Ministers met last week. The bloc has 19 members.");
/// doc.published = Some("2023-03-02".into()); // resolves "last week"
/// let analysis = analyzer.analyze(&doc);
/// assert_eq!(analysis.id, "draft-17");
/// for sentence in &analysis.sentences {
///     assert_eq!(sentence.span.text(&doc.text), sentence.text);
/// }
/// ```
#[derive(Clone, Debug, Default)]
pub struct Analyzer {
    #[allow(dead_code)]
    options: Options,
}

/// Everything quotecheck found in one document.
///
/// It serialises to the JSON of `quotecheck analyze --format json`, whose
/// JSON Schema ships as `schema/analysis.schema.json`. Review statuses are
/// copied onto the claims with [`Analysis::apply_reviews`].
///
/// ```
/// use quotecheck::{Analyzer, Document};
///
/// let text = "Unemployment fell to 4 percent in 2019, the agency said.";
/// let doc = Document::new("d", text);
/// let analysis = Analyzer::default().analyze(&doc);
/// for quote in &analysis.quotes {
///     let who = quote.speaker.as_ref().map(|s| s.name.as_str());
///     println!("{who:?}: {}", quote.span.text(text));
/// }
/// let claim = &analysis.claims[0];
/// assert_eq!(claim.span.text(text), claim.text);
/// let json = serde_json::to_string(&analysis).unwrap();
/// assert!(json.contains(&claim.id));
/// ```
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

    /// Splits one document into sentences only: the first stage of
    /// [`Analyzer::analyze`], for callers (and benchmarks) that need no
    /// more.
    pub fn sentences(&self, doc: &Document) -> Vec<Sentence> {
        let text = doc.text.as_str();
        segment::sentences(text, &segment::paragraphs(text))
    }

    /// Finds the quotations of one document and attributes them: the
    /// stages of [`Analyzer::analyze`] up to attribution, without claims.
    pub fn quotations(&self, doc: &Document) -> Vec<Quote> {
        let text = doc.text.as_str();
        let paragraphs = segment::paragraphs(text);
        let sentences = segment::sentences(text, &paragraphs);
        let quotes = quote::find(text, &paragraphs, &sentences);
        attribute::attribute(text, &paragraphs, &sentences, quotes).0
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
