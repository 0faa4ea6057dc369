//! The claim cue lexicon, `grammar/claim_cues.txt`: words and phrases that
//! signal a claim type, hedged opinion or personal experience.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use super::ClaimKind;
use super::normalize::{DIGIT_START, Shapes, Word};
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

/// The words of [`is_common_capital`], by shape: looked up for every
/// capitalised word of a claim's sentence, so kept where one load finds
/// the few words (nearly always none or one) of a word's shape.
struct CommonCapitals {
    /// By shape bit (see [`Shapes`]): 0 for no word of the shape, else 1
    /// and the index of its words in `words`.
    slots: Vec<u8>,
    /// The words of each shape that has some.
    words: Vec<Vec<&'static str>>,
}

fn common_capitals() -> &'static CommonCapitals {
    static COMMON_CAPITALS: OnceLock<CommonCapitals> = OnceLock::new();
    COMMON_CAPITALS.get_or_init(|| {
        let mut common = CommonCapitals {
            slots: vec![0; usize::from(DIGIT_START)],
            words: Vec::new(),
        };
        let all = COMMON
            .iter()
            .copied()
            .chain(super::normalize::calendar_names());
        for word in all {
            let Some(bit) = Shapes::bit(word.as_bytes()) else {
                continue;
            };
            if common.slots[bit] == 0 {
                common.words.push(Vec::new());
                common.slots[bit] = u8::try_from(common.words.len()).expect("few shapes");
            }
            let words = &mut common.words[usize::from(common.slots[bit]) - 1];
            if !words.contains(&word) {
                words.push(word);
            }
        }
        common
    })
}

/// Capitalised words that do not start a name: sentence-initial function
/// words, pronouns, months and weekdays. `lower` is the word in lower
/// case and `shape` its shape (see [`Word::shape`]).
///
/// [`Word::shape`]: super::normalize::Word::shape
pub(crate) fn is_common_capital(lower: &str, shape: u16) -> bool {
    let (lower, bit) = match lower.strip_suffix("'s") {
        Some(stem) => match Shapes::bit(stem.as_bytes()) {
            Some(bit) => (stem, bit),
            None => return false,
        },
        None => (lower, usize::from(shape & (DIGIT_START - 1))),
    };
    let common = common_capitals();
    match common.slots[bit] {
        0 => false,
        slot => common.words[usize::from(slot) - 1].contains(&lower),
    }
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::claim::normalize::shape_of;

    /// The set that [`is_common_capital`] looks words up in.
    fn plain_is_common(lower: &str) -> bool {
        let lower = lower.strip_suffix("'s").unwrap_or(lower);
        COMMON
            .iter()
            .copied()
            .chain(super::super::normalize::calendar_names())
            .any(|w| w == lower)
    }

    #[test]
    fn common_capitals_are_found_by_shape() {
        let words = COMMON
            .iter()
            .copied()
            .chain(super::super::normalize::calendar_names())
            .flat_map(|w| {
                [
                    w.to_owned(),
                    format!("{w}'s"),
                    format!("{w}x"),
                    format!("x{w}"),
                ]
            });
        let others = [
            "'s", "s", "a's", "blinken", "trump's", "may", "mays", "tue", "ii",
        ];
        for w in words.chain(others.iter().map(|w| w.to_string())) {
            assert_eq!(
                is_common_capital(&w, shape_of(&w)),
                plain_is_common(&w),
                "{w:?}"
            );
        }
    }
}
