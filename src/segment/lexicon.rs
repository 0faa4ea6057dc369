//! The segmenter's language data, read once from `grammar/`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::LazyLock;

use crate::grammar::{ascii_lower8, entries, fields};

const ABBREVIATIONS: &str = include_str!("../../grammar/abbreviations.txt");
const SENTENCE_STARTERS: &str = include_str!("../../grammar/sentence_starters.txt");
const CALENDAR: &str = include_str!("../../grammar/calendar.txt");
const HEADINGS: &str = include_str!("../../grammar/headings.txt");
/// The attribution stage's reporting verbs: one list serves both, so a
/// newsroom adds a verb in one place.
const SPEECH_VERBS: &str = include_str!("../../grammar/reporting_verbs.txt");

/// A word packed into one integer: its bytes, little-endian, and its
/// length in the top byte. Words of up to [`PACKED_MAX`] bytes pack
/// without loss, so comparing keys compares words.
pub(crate) type Packed = u128;

/// Longest word, in bytes, that [`pack`] takes.
pub(crate) const PACKED_MAX: usize = 15;

/// Packs `word`, after lowercasing ASCII letters when `fold` is set.
#[inline]
pub(crate) fn pack(word: &[u8], fold: bool) -> Option<Packed> {
    if word.len() > PACKED_MAX {
        return None;
    }
    let len = word.len();
    // Two 64-bit halves, each read with at most two overlapping loads:
    // shifts of a u128 cost more, and a byte loop more still.
    let (mut lo, mut hi) = if len >= 8 {
        let tail = load_le(&word[8..]);
        (u64_at(word, 0), tail)
    } else {
        (load_le(word), 0)
    };
    if fold {
        lo = ascii_lower8(lo);
        hi = ascii_lower8(hi);
    }
    hi |= (len as u64) << 56;
    Some((u128::from(hi) << 64) | u128::from(lo))
}

/// The 8 bytes of `w` from `at`, little-endian.
#[inline(always)]
fn u64_at(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 8];
    b.copy_from_slice(&w[at..at + 8]);
    u64::from_le_bytes(b)
}

/// The 4 bytes of `w` from `at`, little-endian.
#[inline(always)]
fn u32_at(w: &[u8], at: usize) -> u64 {
    let mut b = [0u8; 4];
    b.copy_from_slice(&w[at..at + 4]);
    u64::from(u32::from_le_bytes(b))
}

/// The up to 8 bytes of `w`, little-endian, zero above them: two
/// overlapping loads give every byte, once or twice at one place.
#[inline(always)]
fn load_le(w: &[u8]) -> u64 {
    let n = w.len();
    match n {
        0 => 0,
        1..=3 => {
            u64::from(w[0])
                | u64::from(w[n / 2]) << (8 * (n / 2))
                | u64::from(w[n - 1]) << (8 * (n - 1))
        }
        4..=7 => u32_at(w, 0) | u32_at(w, n - 4) << (8 * (n - 4)),
        _ => u64_at(w, 0),
    }
}

/// A packed word with its ASCII capitals lowercased.
#[inline]
fn fold(key: Packed) -> Packed {
    let mut bytes = key.to_le_bytes();
    // The length byte is below 16 and stays as it is.
    bytes.make_ascii_lowercase();
    u128::from_le_bytes(bytes)
}

/// The abbreviations of one lowercased ASCII word.
#[derive(Clone, Debug, Default)]
struct AbbrevSlot {
    /// The kind of the case-insensitive entry, if any.
    folded: Option<AbbrevKind>,
    /// Entries that match only in their own case, with their packed form.
    exact: Vec<(Packed, AbbrevKind)>,
}

/// Hashes a packed word with one multiply: the tables are looked up at
/// every period and for many words of a heading, where a byte-wise hash
/// over a string costs more than the lookup itself. Only used for
/// in-memory tables, never for saved ids.
#[derive(Default)]
pub(crate) struct PackedHasher(u64);

impl Hasher for PackedHasher {
    fn write(&mut self, bytes: &[u8]) {
        // Not reached for `Packed` keys; a plain FNV-1a for completeness.
        for &b in bytes {
            self.0 = (self.0 ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn write_u128(&mut self, n: u128) {
        let folded = (n as u64) ^ ((n >> 64) as u64).rotate_left(29);
        let h = folded.wrapping_mul(0x9e37_79b9_7f4a_7c15);
        self.0 = h ^ (h >> 32);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

pub(crate) type PackedMap<V> = HashMap<Packed, V, BuildHasherDefault<PackedHasher>>;

/// A table of words: packed keys for short words, strings for the rest.
pub(crate) struct WordMap<V> {
    /// The longest word in the table, in bytes: longer words are not
    /// looked up at all.
    max_len: usize,
    short: PackedMap<V>,
    long: HashMap<String, V>,
}

impl<V> Default for WordMap<V> {
    fn default() -> Self {
        WordMap {
            max_len: 0,
            short: PackedMap::default(),
            long: HashMap::new(),
        }
    }
}

impl<V: Copy> WordMap<V> {
    fn insert(&mut self, word: &str, value: V) {
        self.max_len = self.max_len.max(word.len());
        match pack(word.as_bytes(), false) {
            Some(key) => {
                self.short.insert(key, value);
            }
            None => {
                self.long.insert(word.to_owned(), value);
            }
        }
    }

    #[inline]
    fn get(&self, word: &str) -> Option<V> {
        if word.len() > self.max_len {
            return None;
        }
        match pack(word.as_bytes(), false) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }

    /// Looks up `word` with its ASCII letters lowercased.
    #[inline]
    fn get_ascii_folded(&self, word: &str) -> Option<V> {
        if word.len() > self.max_len {
            return None;
        }
        match pack(word.as_bytes(), true) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(&word.to_ascii_lowercase()).copied(),
        }
    }
}

impl<'a, V: Copy> FromIterator<(&'a str, V)> for WordMap<V> {
    fn from_iter<I: IntoIterator<Item = (&'a str, V)>>(iter: I) -> Self {
        let mut map = WordMap::default();
        for (word, value) in iter {
            map.insert(word, value);
        }
        map
    }
}

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
    exact: WordMap<AbbrevKind>,
    /// Both kinds of abbreviation for short ASCII words, keyed by the
    /// lowercased word, so that one probe answers.
    ascii: PackedMap<AbbrevSlot>,
    /// The longest entry of `exact` or `folded`, in bytes.
    ascii_max_len: usize,
    /// Abbreviations that match in any case, keyed in lowercase.
    folded: WordMap<AbbrevKind>,
    starters: WordMap<()>,
    calendar: WordMap<CalendarKind>,
    bylines: WordMap<()>,
    function_words: WordMap<()>,
    speech_verbs: WordMap<()>,
}

/// The lexicon, parsed at first use.
pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(Lexicon::load);

impl Lexicon {
    fn load() -> Self {
        let mut exact = WordMap::default();
        let mut ascii = PackedMap::<AbbrevSlot>::default();
        let mut folded = WordMap::default();
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
                if let (true, Some(key)) = (word.is_ascii(), pack(word.as_bytes(), false)) {
                    let slot: &mut AbbrevSlot = ascii.entry(fold(key)).or_default();
                    slot.exact.retain(|(k, _)| *k != key);
                    slot.exact.push((key, kind));
                }
            } else {
                let lower = word.to_lowercase();
                folded.insert(&lower, kind);
                if let (true, Some(key)) = (lower.is_ascii(), pack(lower.as_bytes(), false)) {
                    ascii.entry(key).or_default().folded = Some(kind);
                }
            }
        }
        let mut calendar = WordMap::default();
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
        let mut bylines = WordMap::default();
        let mut function_words = WordMap::default();
        for entry in entries(HEADINGS) {
            let mut f = fields(entry);
            let word = f.next().unwrap_or_default();
            match f.next().unwrap_or_default() {
                "byline" => bylines.insert(word, ()),
                _ => function_words.insert(word, ()),
            }
        }
        // An ASCII word keeps its length when lowercased: no entry of
        // either table matches a longer one.
        let ascii_max_len = exact.max_len.max(folded.max_len);
        Lexicon {
            exact,
            ascii,
            ascii_max_len,
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
    #[inline]
    pub(crate) fn abbreviation(&self, word: &str) -> Option<AbbrevKind> {
        if word.is_ascii() {
            if word.len() > self.ascii_max_len {
                return None;
            }
            if let Some(key) = pack(word.as_bytes(), false) {
                let slot = self.ascii.get(&fold(key))?;
                return match slot.exact.iter().find(|(k, _)| *k == key) {
                    Some((_, kind)) => Some(*kind),
                    None => slot.folded,
                };
            }
        }
        if let Some(kind) = self.exact.get(word) {
            return Some(kind);
        }
        if word.len() > MAX_ABBREVIATION_LEN {
            return None;
        }
        if word.is_ascii() {
            return self.folded.get_ascii_folded(word);
        }
        self.folded.get(&word.to_lowercase())
    }

    /// True when `word` typically opens a sentence.
    #[inline]
    pub(crate) fn is_starter(&self, word: &str) -> bool {
        self.starters.get(word).is_some()
    }

    /// The calendar kind of `word`, if it is one.
    #[inline]
    pub(crate) fn calendar(&self, word: &str) -> Option<CalendarKind> {
        self.calendar.get(word)
    }

    /// True when a line starting with `word` may be a byline.
    #[inline]
    pub(crate) fn is_byline_word(&self, word: &str) -> bool {
        self.bylines.get(word).is_some()
    }

    /// True when `word` is a speech verb ("said", "asked").
    #[inline]
    pub(crate) fn is_speech_verb(&self, word: &str) -> bool {
        self.speech_verbs.get(word).is_some()
    }

    /// True when `word` is a lowercase function word.
    #[inline]
    pub(crate) fn is_function_word(&self, word: &str) -> bool {
        self.function_words.get(word).is_some()
    }
}

/// Longest abbreviation looked up case-insensitively, in bytes.
const MAX_ABBREVIATION_LEN: usize = 16;

#[cfg(test)]
mod tests {
    use super::*;

    /// [`pack`] byte by byte.
    fn pack_reference(word: &[u8], fold: bool) -> Option<Packed> {
        if word.len() > PACKED_MAX {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (k, &b) in word.iter().enumerate() {
            bytes[k] = if fold { b.to_ascii_lowercase() } else { b };
        }
        bytes[15] = word.len() as u8;
        Some(u128::from_le_bytes(bytes))
    }

    #[test]
    fn words_pack_as_their_bytes_and_length() {
        // Every byte value at every place, with neighbours that change.
        let mut words: Vec<Vec<u8>> = Vec::new();
        for len in 0..=PACKED_MAX + 1 {
            for b in 0..=255u8 {
                for at in 0..len {
                    let mut w: Vec<u8> = (0..len).map(|k| b"aZ@[`{\x80\xff"[k % 8]).collect();
                    w[at] = b;
                    words.push(w);
                }
            }
            words.push(vec![b'Q'; len]);
        }
        for w in &words {
            for fold in [false, true] {
                assert_eq!(pack(w, fold), pack_reference(w, fold), "{w:?} {fold}");
            }
        }
    }

    #[test]
    fn one_probe_lookup_agrees_with_both_tables() {
        let lex = &*LEXICON;
        for entry in entries(ABBREVIATIONS) {
            let word = fields(entry).next().unwrap_or_default();
            let variants = [
                word.to_owned(),
                word.to_lowercase(),
                word.to_uppercase(),
                format!("{word}x"),
            ];
            for w in variants {
                let plain = lex.exact.get(&w).or_else(|| {
                    (w.len() <= MAX_ABBREVIATION_LEN)
                        .then(|| lex.folded.get(&w.to_lowercase()))
                        .flatten()
                });
                assert_eq!(lex.abbreviation(&w), plain, "{w}");
            }
        }
    }

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
    fn every_calendar_word_starts_with_a_capital() {
        // `is_calendar_word` looks up only words that do.
        for entry in entries(CALENDAR) {
            let word = fields(entry).next().unwrap_or_default();
            assert!(word.starts_with(|c: char| c.is_ascii_uppercase()), "{word}");
        }
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
