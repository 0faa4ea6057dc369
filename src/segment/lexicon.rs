//! The segmenter's language data, read once from `grammar/`.

use std::collections::HashMap as StdHashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::grammar::{entries, fields};

const ABBREVIATIONS: &str = include_str!("../../grammar/abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("../../grammar/sentence_starters.txt");
const CALENDAR: &str = include_str!("../../grammar/calendar.txt");
const HEADINGS: &str = include_str!("../../grammar/headings.txt");
/// The attribution stage's reporting verbs: one list serves both, so a
/// newsroom adds a verb in one place.
const SPEECH_VERBS: &str = include_str!("../../grammar/reporting_verbs.txt");

/// FNV-1a: the tables are looked up at every period, with short keys,
/// where std's default SipHash costs more than the lookup itself. Only
/// used for in-memory tables, never for saved ids.
#[derive(Default)]
pub(crate) struct Fnv(u64);

impl Hasher for Fnv {
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type HashMap<K, V> = StdHashMap<K, V, BuildHasherDefault<Fnv>>;

/// How an abbreviation behaves before the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum AbbrevKind {
    /// Mr., Sen.: never ends a sentence when text follows.
    Title,
    /// No., p.: comes before a number.
    Number,
    /// Jan., Sept.: comes before a day number.
    Month,
    /// Co., Inc., Jr.: ends a sentence only before a sentence opener.
    Common,
    /// a.m., p.m.
    Time,
    /// Calif., Ore.: like `Common`, but after "City, St." any capitalised
    /// word starts a sentence.
    Place,
}

/// What a calendar word is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum CalendarKind {
    Weekday,
    Month,
    Zone,
}

/// All lookup tables of the segmenter.
pub(crate) struct Lexicon {
    /// Exact-case abbreviations.
    exact: HashMap<&'static str, AbbrevKind>,
    /// Abbreviations that match in any case, keyed in lowercase.
    folded: HashMap<String, AbbrevKind>,
    starters: HashMap<&'static str, ()>,
    calendar: HashMap<&'static str, CalendarKind>,
    bylines: HashMap<&'static str, ()>,
    function_words: HashMap<&'static str, ()>,
    speech_verbs: HashMap<&'static str, ()>,
}

/// The lexicon, parsed at first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Self {
        let mut exact = HashMap::default();
        let mut folded = HashMap::default();
        for entry in entries(ABBREVIATIONS) {
            let mut f = fields(entry);
            let word = f.next().unwrap_or_default();
            let kind = match f.next().unwrap_or_default() {
                "title" => AbbrevKind::Title,
                "number" => AbbrevKind::Number,
                "month" => AbbrevKind::Month,
                "time" => AbbrevKind::Time,
                "place" => AbbrevKind::Place,
                _ => AbbrevKind::Common,
            };
            if f.next() == Some("exact") {
                exact.insert(word, kind);
            } else {
                folded.insert(word.to_lowercase(), kind);
            }
        }
        let mut calendar = HashMap::default();
        for entry in entries(CALENDAR) {
            let mut f = fields(entry);
            let word = f.next().unwrap_or_default();
            let kind = match f.next().unwrap_or_default() {
                "weekday" => CalendarKind::Weekday,
                "month" => CalendarKind::Month,
                _ => CalendarKind::Zone,
            };
            calendar.insert(word, kind);
        }
        let mut bylines = HashMap::default();
        let mut function_words = HashMap::default();
        for entry in entries(HEADINGS) {
            let mut f = fields(entry);
            let word = f.next().unwrap_or_default();
            match f.next().unwrap_or_default() {
                "byline" => bylines.insert(word, ()),
                _ => function_words.insert(word, ()),
            };
        }
        Lexicon {
            exact,
            folded,
            starters: entries(SENTENCE_STARTERS).map(|w| (w, ())).collect(),
            calendar,
            bylines,
            function_words,
            speech_verbs: entries(SPEECH_VERBS)
                .filter_map(|e| fields(e).next())
                .map(|w| (w, ()))
                .collect(),
        }
    }

    /// The kind of abbreviation `word` (without its final period) is.
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if let Some(kind) = self.exact.get(word) {
            return Some(*kind);
        }
        if word.len() > MAX_ABBREVIATION_LEN {
            return None;
        }
        if word.is_ascii() {
            // Lowercase on the stack: this runs at every period.
            let mut buf = [0u8; MAX_ABBREVIATION_LEN];
            let lower = &mut buf[..word.len()];
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            let lower = std::str::from_utf8(lower).unwrap_or_default();
            return self.folded.get(lower).copied();
        }
        self.folded.get(&word.to_lowercase()).copied()
    }

    /// True when `word` typically opens a sentence.
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.contains_key(word)
    }

    /// The calendar kind of `word`, if it is one.
    pub(crate) fn calendar(&self, word: &str) -> Option<CalendarKind> {
        self.calendar.get(word).copied()
    }

    /// True when a line starting with `word` may be a byline.
    pub(crate) fn is_byline_word(&self, word: &str) -> bool {
        self.bylines.contains_key(word)
    }

    /// True when `word` is a speech verb ("said", "asked").
    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs.contains_key(word)
    }

    /// True when `word` is a lowercase function word.
    pub(crate) fn is_function_word(&self, word: &str) -> bool {
        self.function_words.contains_key(word)
    }
}

/// Longest abbreviation looked up case-insensitively, in bytes.
const MAX_ABBREVIATION_LEN: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_entries_keep_their_case() {
        assert_eq!(LEXICON.abbreviation("No"), Some(AbbrevKind::Number));
        assert_eq!(LEXICON.abbreviation("no"), None);
        assert_eq!(LEXICON.abbreviation("Co"), Some(AbbrevKind::Common));
        assert_eq!(LEXICON.abbreviation("co"), Some(AbbrevKind::Common));
        assert_eq!(LEXICON.abbreviation("P.M"), Some(AbbrevKind::Time));
        assert_eq!(LEXICON.abbreviation("Mr"), Some(AbbrevKind::Title));
        assert_eq!(LEXICON.abbreviation("world"), None);
    }

    #[test]
    fn starters_and_calendar_load() {
        assert!(LEXICON.is_starter("The"));
        assert!(!LEXICON.is_starter("Government"));
        assert_eq!(LEXICON.calendar("Friday"), Some(CalendarKind::Weekday));
        assert!(LEXICON.is_byline_word("By"));
        assert!(LEXICON.is_function_word("the"));
    }
}
