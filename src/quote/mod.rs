//! Quotations: pairing quotation marks and telling quotation kinds apart.

use serde::{Deserialize, Serialize};

use crate::attribute::{Cue, Mention, SpeakerMention};
use crate::segment::{Paragraph, Sentence};
use crate::span::Span;

/// What kind of quotation this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Quoted speech: whole clauses or sentences between marks.
    Direct,
    /// A few quoted words inside reported speech (a mixed quotation).
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
    /// Scare quotes, titles and so-called terms: no speaker.
    Scare,
}

/// One quotation, with its attribution when one was found.
///
/// `span` covers the marks, `content` only the quoted words; both are byte
/// ranges into the document's text. An attributed quotation (one with a
/// `speaker`, and not scare quotes) also becomes a [`Claim`](crate::Claim)
/// whose `claimant` is the speaker's canonical name.
///
/// ```
/// use quotecheck::{Analyzer, Document};
///
/// let text = "“We will win,” Jane Doe said.";
/// let analysis = Analyzer::default().analyze(&Document::new("d", text));
/// for q in &analysis.quotes {
///     assert_eq!(q.content.text(text), q.text);
///     if let (Some(speaker), Some(cue)) = (&q.speaker, &q.cue) {
///         println!("{} ({}): {}", speaker.name, cue.lemma, q.text);
///     }
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The bytes of the quotation, marks included (for indirect speech,
    /// the reported content).
    #[serde(flatten)]
    pub span: Span,
    /// The quoted content, without marks.
    pub text: String,
    /// The bytes of the content without marks.
    pub content: Span,
    /// What kind of quotation this is.
    pub kind: QuoteKind,
    /// False when the closing mark is missing and the quotation was cut
    /// at the end of its paragraph.
    pub closed: bool,
    /// Who said it, if known.
    pub speaker: Option<SpeakerMention>,
    /// The reporting verb or other cue, if any.
    pub cue: Option<Cue>,
    /// The medium that relayed the words (`according to TASS`), if any.
    pub via: Option<Mention>,
    /// Whom the words were addressed to (`told reporters`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Mention>,
    /// How sure the attribution is, from 0 to 1.
    pub confidence: f32,
    /// The name of the attribution pattern that fired, to explain the
    /// decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
}

/// Finds the quotations in `text`. Placeholder: finds nothing yet.
pub(crate) fn find(_text: &str, _paragraphs: &[Paragraph], _sentences: &[Sentence]) -> Vec<Quote> {
    Vec::new()
}
