//! Entities: mentions of people, organisations and groups; canonical
//! names; pronouns and role nouns resolved to the people they stand for.
//!
//! The attribution stage asks this module two things: which mentions lie
//! near a cue ([`Entities::mentions`]), and whom a chosen mention refers
//! to ([`Entities::resolve`]).

use crate::attribute::{Speaker, SpeakerKind};
use crate::segment::Sentence;
use crate::span::Span;

/// What a mention is, grammatically.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[allow(dead_code)]
pub(crate) enum MentionKind {
    /// A proper name, possibly with titles ("Secretary of State Antony Blinken").
    Name,
    /// A personal pronoun ("he", "she", "they").
    Pronoun,
    /// A role noun phrase ("the foreign minister", "a spokeswoman").
    Role,
}

/// One mention of a possible speaker.
#[derive(Clone, Debug, PartialEq)]
#[allow(dead_code)]
pub(crate) struct EntityMention {
    /// The bytes of the mention.
    pub span: Span,
    /// What the mention is.
    pub kind: MentionKind,
    /// Index into the entity table once resolved.
    pub entity: Option<usize>,
}

/// A resolved mention.
#[derive(Clone, Debug, PartialEq)]
#[allow(dead_code)]
pub(crate) struct Resolved {
    /// Index of the entity.
    pub entity: usize,
    /// The canonical name ("Antony Blinken").
    pub name: String,
    /// Titles and role, if known.
    pub description: Option<String>,
    /// Person, organisation or group.
    pub kind: SpeakerKind,
}

/// The entities of one document. Placeholder: knows nothing yet.
#[derive(Debug, Default)]
#[allow(dead_code)]
pub(crate) struct Entities {
    mentions: Vec<EntityMention>,
}

#[allow(dead_code)]
impl Entities {
    /// Finds every mention in `text`. `quotations` are the byte spans of
    /// quoted material: a person mentioned only inside quotations is never
    /// a pronoun's antecedent.
    pub(crate) fn build(_text: &str, _sentences: &[Sentence], _quotations: &[Span]) -> Self {
        Entities::default()
    }

    /// All mentions, in document order.
    pub(crate) fn mentions(&self) -> &[EntityMention] {
        &self.mentions
    }

    /// Resolves the mention with exactly this span, or any span the
    /// attribution stage picked (a pronoun, a name, a role noun phrase).
    pub(crate) fn resolve(&self, _text: &str, _mention: Span) -> Option<Resolved> {
        None
    }

    /// One speaker entry for each entity in `used`, with all its mentions.
    pub(crate) fn speakers(&self, _text: &str, _used: &[usize]) -> Vec<Speaker> {
        Vec::new()
    }
}
