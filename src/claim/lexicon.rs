//! The claim cue lexicon, `grammar/claim_cues.txt`: words and phrases that
//! signal a claim type, hedged opinion or personal experience.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use super::ClaimKind;
use super::normalize::{Shapes, Word};
use crate::grammar;
use crate::span::Span;

/// The cue lexicon, built into the binary.
const CLAIM_CUES: &str = include_str!("../../grammar/claim_cues.txt");

/// The longest phrase, in words, that the lexicon may hold; longer
/// entries are ignored.
const MAX_PHRASE_WORDS: usize = 6;

/// What a cue signals.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    /// A claim type.
    Claim(ClaimKind),
    /// Opinion ("I think", "should").
    Hedge,
    /// First-person experience ("I remember").
    Experience,
}

/// One cue found in a sentence.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Signal {
    /// The bytes of the cue.
    pub span: Span,
    /// What it signals.
    pub kind: Kind,
    /// Whether it makes a sentence checkable on its own.
    pub strong: bool,
}

struct Entry {
    words: Vec<String>,
    kind: Kind,
    strong: bool,
}

/// The cue lexicon.
struct Lexicon {
    /// Entries keyed by their first word, longest first.
    map: FxHashMap<String, Vec<Entry>>,
    /// The shapes of the first words. Most words of a sentence start no
    /// cue and are passed over by this test alone.
    starts: Shapes,
}

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut map: FxHashMap<String, Vec<Entry>> = FxHashMap::default();
        for entry in grammar::entries(CLAIM_CUES) {
            let mut fields = grammar::fields(entry);
            let (Some(kind), Some(phrase)) = (fields.next(), fields.next()) else {
                continue;
            };
            let weak = fields.next() == Some("weak");
            let kind = match kind {
                "quantity" => Kind::Claim(ClaimKind::Quantity),
                "prediction" => Kind::Claim(ClaimKind::Prediction),
                "causation" => Kind::Claim(ClaimKind::Causation),
                "law" => Kind::Claim(ClaimKind::Law),
                "support" => Kind::Claim(ClaimKind::Support),
                "opinion_poll" => Kind::Claim(ClaimKind::OpinionPoll),
                "attribution" => Kind::Claim(ClaimKind::Attribution),
                "event" => Kind::Claim(ClaimKind::Event),
                "hedge" => Kind::Hedge,
                "experience" => Kind::Experience,
                _ => continue,
            };
            let words: Vec<String> = phrase
                .split_whitespace()
                .map(|w| w.to_lowercase().replace('’', "'"))
                .collect();
            if words.is_empty() || words.len() > MAX_PHRASE_WORDS {
                continue;
            }
            let strong = !weak && matches!(kind, Kind::Claim(k) if k.is_strong());
            map.entry(words[0].clone()).or_default().push(Entry {
                words,
                kind,
                strong,
            });
        }
        let mut starts = Shapes::of(&[]);
        for (first, entries) in map.iter_mut() {
            entries.sort_by_key(|e| std::cmp::Reverse(e.words.len()));
            starts.insert(first);
        }
        Lexicon { map, starts }
    })
}

/// Appends the cues in `words` to `out`, longest match first at each
/// word, without overlaps.
pub(crate) fn cues_into(words: &[Word], out: &mut Vec<Signal>) {
    let lexicon = lexicon();
    let mut i = 0;
    while i < words.len() {
        let matched = lexicon
            .starts
            .has_shape(words[i].shape)
            .then(|| lexicon.map.get(&*words[i].lower))
            .flatten()
            .and_then(|entries| {
                // the first word is the key, found equal
                entries.iter().find(|e| {
                    e.words.len() <= words.len() - i
                        && e.words[1..]
                            .iter()
                            .zip(&words[i + 1..])
                            .all(|(a, b)| *a == b.lower)
                })
            });
        match matched {
            Some(e) => {
                let n = e.words.len();
                out.push(Signal {
                    span: Span::new(words[i].span.start, words[i + n - 1].span.end),
                    kind: e.kind,
                    strong: e.strong,
                });
                i += n;
            }
            None => i += 1,
        }
    }
}

/// Capitalised words that do not start a name: sentence-initial function
/// words, pronouns, months and weekdays.
pub(crate) fn is_common_capital(lower: &str) -> bool {
    let lower = lower.strip_suffix("'s").unwrap_or(lower);
    // looked up for every capitalised word, so kept in one hash set, with
    // the shapes of its words to pass over most others at once
    static SET: OnceLock<(FxHashSet<&'static str>, Shapes)> = OnceLock::new();
    let (set, shapes) = SET.get_or_init(|| {
        let set: FxHashSet<&'static str> = COMMON
            .iter()
            .copied()
            .chain(super::normalize::calendar_names())
            .collect();
        let mut shapes = Shapes::of(&[]);
        for w in &set {
            shapes.insert(w);
        }
        (set, shapes)
    });
    shapes.may_hold(lower) && set.contains(lower)
}

/// The words of [`is_common_capital`] besides months and weekdays.
const COMMON: &[&str] = &[
    "a",
    "an",
    "the",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "i",
    "we",
    "you",
    "he",
    "she",
    "they",
    "there",
    "but",
    "and",
    "or",
    "so",
    "if",
    "when",
    "while",
    "with",
    "without",
    "since",
    "until",
    "despite",
    "after",
    "before",
    "in",
    "on",
    "at",
    "as",
    "for",
    "of",
    "to",
    "from",
    "by",
    "no",
    "not",
    "our",
    "my",
    "his",
    "her",
    "their",
    "what",
    "who",
    "why",
    "how",
    "where",
    "were",
    "was",
    "is",
    "are",
    "mr",
    "mrs",
    "ms",
    "dr",
    "discussions",
    "western",
];
