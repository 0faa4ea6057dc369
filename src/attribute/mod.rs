//! Attribution: reporting cues, speaker candidates and the patterns that
//! link a quotation to its speaker.

use serde::{Deserialize, Serialize};

use crate::span::{Span, serialize_spanned};

/// A stretch of text that names something, as written.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Mention {
    /// The bytes of the mention.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written.
    pub text: String,
}

serialize_spanned!(Mention { span, text });

/// The mention of a speaker, with the canonical name it resolves to.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct SpeakerMention {
    /// The bytes of the mention.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written ("Blinken", "she", "the foreign minister").
    pub text: String,
    /// The canonical name within the document ("Antony Blinken").
    pub name: String,
    /// Titles and role ("Secretary of State"), if known.
    pub description: Option<String>,
}

serialize_spanned!(SpeakerMention {
    span,
    text,
    name,
    description
});

/// A reporting cue: a verb such as "said", a phrase such as
/// "according to", or punctuation such as an introducing colon.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Cue {
    /// The bytes of the cue.
    #[serde(flatten)]
    pub span: Span,
    /// The cue as written.
    pub text: String,
    /// The dictionary form ("say" for "said").
    pub lemma: String,
}

serialize_spanned!(Cue { span, text, lemma });

/// What sort of source a speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum SpeakerKind {
    /// A named or described person.
    Person,
    /// An organisation, agency, government or outlet.
    Organisation,
    /// A group of people ("analysts", "officials").
    Group,
}

/// One resolved speaker: a person, organisation or group, with all its
/// mentions in the document.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Speaker {
    /// The canonical name.
    pub name: String,
    /// What sort of source this is.
    pub kind: SpeakerKind,
    /// Titles and role, if known.
    pub description: Option<String>,
    /// Every mention, in document order.
    pub mentions: Vec<Mention>,
}

mod lexicon;
mod patterns;

pub(crate) use lexicon::has_cue;
pub(crate) use patterns::attribute;
