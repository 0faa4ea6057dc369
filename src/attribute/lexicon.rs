//! The attribution lexicons from `grammar/`, parsed once into lookup
//! tables.

use rustc_hash::FxHashMap;
use std::sync::OnceLock;

use crate::grammar;
use crate::segment::{PackedMap, pack};

/// What a multi-word cue does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum PhraseRole {
    /// The speaker follows the phrase ("according to X").
    SourceAfter,
    /// Acts as a reporting verb.
    Verb,
    /// A verb followed by its addressee ("told reporters").
    Addressee,
}

/// A multi-word cue.
#[derive(Debug)]
pub(crate) struct Phrase {
    /// Lowercase words.
    pub words: Vec<String>,
    /// The lemma to report.
    pub lemma: String,
    /// What it does.
    pub role: PhraseRole,
}

/// What a word can start: a multi-word cue, a reporting verb, or both.
#[derive(Debug, Default)]
struct CueWord {
    /// Indices into `phrases` of those starting with it, longest first.
    phrases: Vec<usize>,
    /// Its lemma when it is a reporting verb.
    lemma: Option<String>,
}

/// A quick "certainly not in the table" test for words looked up
/// ignoring ASCII case: one bit per hash of a word's length and its
/// first, second and last bytes, lower-cased. Most words of a text fail it and
/// skip the hash-map look-up.
#[derive(Debug)]
pub(crate) struct WordFilter {
    bits: Box<[u64; WordFilter::WORDS]>,
}

impl Default for WordFilter {
    fn default() -> Self {
        Self {
            bits: Box::new([0; Self::WORDS]),
        }
    }
}

impl WordFilter {
    /// 64-bit words in the bit set (2^16 bits).
    const WORDS: usize = 1024;

    /// The bit of `word`, computed on its ASCII-lower-cased bytes.
    fn bit(word: &str) -> usize {
        Self::bit_of(word.as_bytes())
    }

    /// The bit of the word `bytes[start..end]`, which must not be empty:
    /// a hash of its length and its first, second and last bytes. Setting
    /// bit 5 of a byte maps an ASCII capital and its lower-case letter to
    /// one value, so a word and its ASCII-lower-cased form get one bit.
    #[inline]
    fn bit_at(bytes: &[u8], start: usize, end: usize) -> usize {
        Self::bit_of(&bytes[start..end])
    }

    /// The bit of the word `w` (see [`WordFilter::bit_at`]); 0 for an
    /// empty word.
    #[inline(always)]
    fn bit_of(w: &[u8]) -> usize {
        let (Some(&first), Some(&last)) = (w.first(), w.last()) else {
            return 0;
        };
        let second = w.get(1).copied().unwrap_or(0);
        let key = u32::from(first | 0x20)
            | u32::from(second | 0x20) << 8
            | u32::from(last | 0x20) << 16
            | (w.len() as u32) << 24;
        // The top 16 bits of a multiplicative hash: 2^16 bits.
        (key.wrapping_mul(0x9E37_79B1) >> 16) as usize
    }

    /// [`WordFilter::may_hold`] for the word `bytes[start..end]`, which
    /// must not be empty.
    #[inline]
    pub(crate) fn may_hold_at(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        self.has(Self::bit_at(bytes, start, end))
    }

    /// Files `key`, a table entry.
    fn insert(&mut self, key: &str) {
        let bit = Self::bit(key);
        self.bits[bit / 64] |= 1 << (bit % 64);
    }

    /// False when no key that `word` matches ignoring ASCII case was
    /// filed.
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        self.has(Self::bit(word))
    }

    /// Whether `bit` is set.
    #[inline]
    fn has(&self, bit: usize) -> bool {
        self.bits[bit / 64] & (1 << (bit % 64)) != 0
    }
}

/// A table of lower-case words, looked up ignoring ASCII case: a word
/// of up to 15 bytes by its packed form (one integer hashed
/// with one multiply, no string hashed or compared), a longer one by its
/// string.
#[derive(Debug)]
pub(crate) struct WordTable<V> {
    short: PackedMap<V>,
    long: FxHashMap<String, V>,
    /// Every key, in the order filed.
    keys: Vec<String>,
}

impl<V> Default for WordTable<V> {
    fn default() -> Self {
        Self {
            short: PackedMap::default(),
            long: FxHashMap::default(),
            keys: Vec::new(),
        }
    }
}

impl<V: Default> WordTable<V> {
    /// The value of `key`, which must be lower case, filed as the
    /// default when new.
    fn entry(&mut self, key: &str) -> &mut V {
        let new = match pack(key.as_bytes(), false) {
            Some(k) => !self.short.contains_key(&k),
            None => !self.long.contains_key(key),
        };
        if new {
            self.keys.push(key.to_owned());
        }
        match pack(key.as_bytes(), false) {
            Some(k) => self.short.entry(k).or_default(),
            None => self.long.entry(key.to_owned()).or_default(),
        }
    }
}

impl<V> WordTable<V> {
    /// The value of `word`, ignoring ASCII case.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&V> {
        match pack(word.as_bytes(), true) {
            Some(k) => self.short.get(&k),
            None => grammar::with_ascii_lower(word, |w| self.long.get(w)),
        }
    }

    /// Every key.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &String> {
        self.keys.iter()
    }
}

/// Small word classes used to find noun-phrase edges: each lower-case
/// word with the bits of the classes it belongs to, so that any class
/// takes one look-up.
#[derive(Debug, Default)]
pub(crate) struct WordClasses {
    classes: WordTable<u16>,
    filter: WordFilter,
}

/// The bit of each word class in [`WordClasses`].
const ABBREV: u16 = 1;
const DETERMINER: u16 = 1 << 1;
const CONNECTIVE: u16 = 1 << 2;
const ADVERB: u16 = 1 << 3;
const STOP: u16 = 1 << 4;
const RELATIVE: u16 = 1 << 5;
const AUXILIARY: u16 = 1 << 6;
const TIME: u16 = 1 << 7;
const PREPOSITION: u16 = 1 << 8;
const OPENER: u16 = 1 << 9;
const ARTICLE: u16 = 1 << 10;
const CHANNEL: u16 = 1 << 11;

/// All attribution lexicons.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Inflected reporting verb → lemma.
    pub verbs: FxHashMap<String, String>,
    /// Multi-word cues, longest first.
    pub phrases: Vec<Phrase>,
    /// Every verb form and first word of a phrase, with both answers,
    /// so that a cue takes one look-up.
    cue_words: WordTable<CueWord>,
    /// The keys of `cue_words`.
    cue_filter: WordFilter,
    /// True when every cue word and every word of a multi-word cue is
    /// made of ASCII lower-case letters only, which
    /// [`Lexicon::may_hold_cue`] relies on.
    cue_words_alphabetic: bool,
    /// Word classes.
    pub words: WordClasses,
}

const REPORTING_VERBS: &str = include_str!("../../grammar/reporting_verbs.txt");
const CUES: &str = include_str!("../../grammar/cues.txt");
const WORDS: &str = include_str!("../../grammar/attribution_words.txt");

/// The lexicon, parsed at first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let mut verbs = FxHashMap::default();
        for entry in grammar::entries(REPORTING_VERBS) {
            let mut f = grammar::fields(entry);
            if let (Some(form), Some(lemma)) = (f.next(), f.next()) {
                verbs.insert(form.to_lowercase(), lemma.to_owned());
            }
        }
        let mut phrases = Vec::new();
        for entry in grammar::entries(CUES) {
            let f: Vec<&str> = grammar::fields(entry).collect();
            if f.len() < 3 {
                continue;
            }
            let role = match f[2] {
                "source-after" => PhraseRole::SourceAfter,
                "addressee" => PhraseRole::Addressee,
                _ => PhraseRole::Verb,
            };
            phrases.push(Phrase {
                words: f[0].split_whitespace().map(str::to_lowercase).collect(),
                lemma: f[1].to_owned(),
                role,
            });
        }
        phrases.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        let mut phrases_by_first: FxHashMap<String, Vec<usize>> = FxHashMap::default();
        for (k, p) in phrases.iter().enumerate() {
            if let Some(first) = p.words.first() {
                phrases_by_first.entry(first.clone()).or_default().push(k);
            }
        }
        let mut words = WordClasses::default();
        for entry in grammar::entries(WORDS) {
            let f: Vec<&str> = grammar::fields(entry).collect();
            if f.len() < 2 {
                continue;
            }
            let class = match f[0] {
                "abbrev" => ABBREV,
                "determiner" => DETERMINER,
                "connective" => CONNECTIVE,
                "adverb" => ADVERB,
                "stop" => STOP,
                "relative" => RELATIVE,
                "auxiliary" => AUXILIARY,
                "time" => TIME,
                "preposition" => PREPOSITION,
                "opener" => OPENER,
                "article" => ARTICLE,
                "channel" => CHANNEL,
                _ => continue,
            };
            let w = f[1].to_lowercase();
            words.filter.insert(&w);
            *words.classes.entry(&w) |= class;
        }
        let mut cue_words: WordTable<CueWord> = WordTable::default();
        for (first, ks) in &phrases_by_first {
            cue_words.entry(first).phrases = ks.clone();
        }
        for (form, lemma) in &verbs {
            cue_words.entry(form).lemma = Some(lemma.clone());
        }
        let mut cue_filter = WordFilter::default();
        for w in cue_words.keys() {
            cue_filter.insert(w);
        }
        let alphabetic = |w: &str| w.bytes().all(|b| b.is_ascii_lowercase());
        let cue_words_alphabetic = cue_words.keys().all(|w| alphabetic(w))
            && phrases
                .iter()
                .all(|p| p.words.iter().all(|w| alphabetic(w)));
        Lexicon {
            verbs,
            phrases,
            cue_words,
            cue_filter,
            cue_words_alphabetic,
            words,
        }
    })
}

impl Lexicon {
    /// False when the word `bytes[start..end]`, which must not be empty,
    /// is certainly no reporting verb nor the first word of a multi-word
    /// cue, ignoring ASCII case; a few bit operations.
    #[inline]
    pub(crate) fn may_start_cue_at(&self, bytes: &[u8], start: usize, end: usize) -> bool {
        self.cue_filter.may_hold_at(bytes, start, end)
    }

    /// False when no token of the window `s`, nor of a second window
    /// from byte `cut` of `s` to its end, can start a cue: when no run of
    /// letters and digits in it is a reporting verb or opens a multi-word
    /// cue whose other words follow. A token that matches a cue word is
    /// all ASCII letters, so it is such a run (or, for the second window,
    /// the end of the run that `cut` falls in); the runs are found without
    /// cutting the window into tokens.
    pub(crate) fn may_hold_cue(&self, s: &str, cut: usize) -> bool {
        if !self.cue_words_alphabetic {
            return true;
        }
        let mut i = 0;
        while let Some(start) = next_run(s, i) {
            let end = run_end(s, start);
            if self.run_starts_cue(s, start, end)
                || (start < cut && cut < end && self.run_starts_cue(s, cut, end))
            {
                return true;
            }
            i = end;
        }
        false
    }

    /// True when the run `s[start..end]` is a reporting verb, or opens a
    /// multi-word cue whose other words are the runs after it.
    #[inline(always)]
    fn run_starts_cue(&self, s: &str, start: usize, end: usize) -> bool {
        self.cue_filter.may_hold_at(s.as_bytes(), start, end)
            && self.run_looks_up_cue(s, start, end)
    }

    /// [`Lexicon::run_starts_cue`] past the filter: the table look-up.
    #[inline(never)]
    fn run_looks_up_cue(&self, s: &str, start: usize, end: usize) -> bool {
        let Some(entry) = self.cue_words.get(&s[start..end]) else {
            return false;
        };
        entry.lemma.is_some()
            || entry.phrases.iter().any(|&p| {
                let mut at = end;
                self.phrases[p].words[1..].iter().all(|pw| {
                    let Some(a) = next_run(s, at) else {
                        return false;
                    };
                    at = run_end(s, a);
                    s[a..at].eq_ignore_ascii_case(pw)
                })
            })
    }

    /// False when `word` certainly starts no cue: it is neither a
    /// reporting verb nor the first word of a multi-word cue, ignoring
    /// ASCII case. [`Lexicon::cue_word`] finds nothing for such a word.
    pub(crate) fn is_cue_word(&self, word: &str) -> bool {
        self.cue_filter.may_hold(word) && self.cue_words.get(word).is_some()
    }

    /// The multi-word cues whose first word is `word` (ignoring ASCII
    /// case), longest first, and the lemma of `word` when it is a
    /// reporting verb as written (see [`verb_lemma`]): one look-up.
    pub(crate) fn cue_word(&self, word: &str) -> (impl Iterator<Item = &Phrase>, Option<&str>) {
        let found = if self.cue_filter.may_hold(word) {
            self.cue_words.get(word)
        } else {
            None
        };
        // Verb forms are lower case: a word with a capital is none.
        let verb = || {
            !word.bytes().any(|b| b.is_ascii_uppercase())
                && !word.chars().next().is_some_and(char::is_uppercase)
        };
        let lemma = found.and_then(|c| c.lemma.as_deref()).filter(|_| verb());
        let phrases = found
            .into_iter()
            .flat_map(|c| c.phrases.iter().map(|&k| &self.phrases[k]));
        (phrases, lemma)
    }
}

/// The word classes of one word, from one look-up
/// ([`WordClasses::of`]), for code that asks several of them.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Classes(u16);

impl Classes {
    pub(crate) fn is_determiner(self) -> bool {
        self.0 & DETERMINER != 0
    }
    pub(crate) fn is_connective(self) -> bool {
        self.0 & CONNECTIVE != 0
    }
    pub(crate) fn is_adverb(self) -> bool {
        self.0 & ADVERB != 0
    }
    pub(crate) fn is_stop(self) -> bool {
        self.0 & STOP != 0
    }
    pub(crate) fn is_relative(self) -> bool {
        self.0 & RELATIVE != 0
    }
}

impl WordClasses {
    /// All the classes of `w`, ignoring ASCII case, in one look-up.
    pub(crate) fn of(&self, w: &str) -> Classes {
        if !self.filter.may_hold(w) {
            return Classes::default();
        }
        Classes(self.classes.get(w).copied().unwrap_or(0))
    }

    /// True when `w` belongs to a class of `class`. Entries are lower
    /// case; a word matches ignoring ASCII case.
    fn has(&self, class: u16, w: &str) -> bool {
        self.filter.may_hold(w) && self.classes.get(w).is_some_and(|&c| c & class != 0)
    }
    pub(crate) fn is_abbrev(&self, w: &str) -> bool {
        self.has(ABBREV, w)
    }
    pub(crate) fn is_determiner(&self, w: &str) -> bool {
        self.has(DETERMINER, w)
    }
    pub(crate) fn is_connective(&self, w: &str) -> bool {
        self.has(CONNECTIVE, w)
    }
    pub(crate) fn is_adverb(&self, w: &str) -> bool {
        self.has(ADVERB, w)
    }
    pub(crate) fn is_stop(&self, w: &str) -> bool {
        self.has(STOP, w)
    }
    pub(crate) fn is_relative(&self, w: &str) -> bool {
        self.has(RELATIVE, w)
    }
    pub(crate) fn is_auxiliary(&self, w: &str) -> bool {
        self.has(AUXILIARY, w)
    }
    pub(crate) fn is_time(&self, w: &str) -> bool {
        self.has(TIME, w)
    }
    pub(crate) fn is_preposition(&self, w: &str) -> bool {
        self.has(PREPOSITION, w)
    }
    pub(crate) fn is_opener(&self, w: &str) -> bool {
        self.has(OPENER, w)
    }
    /// A determiner that only opens a noun phrase ("the", "his").
    pub(crate) fn is_article(&self, w: &str) -> bool {
        self.has(ARTICLE, w)
    }
    /// A preposition that names the channel of reported words ("through
    /// an interpreter", "via Twitter"), never their content.
    pub(crate) fn is_channel(&self, w: &str) -> bool {
        self.has(CHANNEL, w)
    }
}

/// The ASCII letters and digits; no other byte.
const ASCII_ALNUM: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        t[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    t
};

/// True when the character at byte `i` of `s` is a letter or a digit, and
/// its length.
#[inline(always)]
fn alnum_at(s: &str, i: usize) -> (bool, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        (ASCII_ALNUM[usize::from(b)], 1)
    } else {
        let c = s[i..].chars().next().unwrap_or_default();
        (grammar::is_alphanumeric(c), c.len_utf8())
    }
}

/// The start of the first run of letters and digits at or after byte `i`.
#[inline(always)]
fn next_run(s: &str, mut i: usize) -> Option<usize> {
    let bytes = s.as_bytes();
    loop {
        // ASCII bytes outside a run first.
        while i < bytes.len() && bytes[i] < 0x80 && !ASCII_ALNUM[usize::from(bytes[i])] {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let (alnum, len) = alnum_at(s, i);
        if alnum {
            return Some(i);
        }
        i += len;
    }
}

/// The end of the run of letters and digits that goes on at byte `i`.
#[inline(always)]
fn run_end(s: &str, mut i: usize) -> usize {
    let bytes = s.as_bytes();
    loop {
        // ASCII letters and digits first, eight bytes at a time.
        i = crate::grammar::ascii_alnum_end(bytes, i);
        if i >= bytes.len() {
            return i;
        }
        let (alnum, len) = alnum_at(s, i);
        if !alnum {
            return i;
        }
        i += len;
    }
}

/// The lemma of `word` when it is a reporting verb as written. A
/// capitalised word is a name, not a verb ("The State Department").
pub(crate) fn verb_lemma(word: &str) -> Option<&'static str> {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let lex = lexicon();
    if !lex.cue_filter.may_hold(word) {
        return None;
    }
    lex.verbs.get(word).map(String::as_str)
}

/// The first word of `s` at or after byte `i`, as [`has_cue`] reads
/// words: a run of letters, digits, apostrophes and hyphens. ASCII bytes
/// are read without decoding.
fn next_cue_word(s: &str, mut i: usize) -> Option<(usize, usize)> {
    let bytes = s.as_bytes();
    let word_char = |i: usize| {
        let b = bytes[i];
        if b < 0x80 {
            (b.is_ascii_alphanumeric() || matches!(b, b'\'' | b'-'), 1)
        } else {
            let c = s[i..].chars().next().unwrap_or_default();
            (grammar::is_alphanumeric(c) || c == '’', c.len_utf8())
        }
    };
    let start = loop {
        // ASCII bytes outside a word first, one table look-up each.
        while i < bytes.len() && bytes[i] < 0x80 && !CUE_WORD_ASCII[usize::from(bytes[i])] {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let (w, len) = word_char(i);
        if w {
            break i;
        }
        i += len;
    };
    loop {
        // ASCII bytes of the word first.
        while i < bytes.len() && CUE_WORD_ASCII[usize::from(bytes[i])] {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        let (w, len) = word_char(i);
        if !w {
            break;
        }
        i += len;
    }
    Some((start, i))
}

/// The ASCII bytes of a word as [`has_cue`] reads words: letters, digits,
/// apostrophes and hyphens; no other byte.
const CUE_WORD_ASCII: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || c == b'\'' || c == b'-';
        b += 1;
    }
    t
};

/// The words of `s` as [`has_cue`] reads them.
#[cfg(test)]
fn cue_words_of(s: &str) -> Vec<&str> {
    let mut words = Vec::new();
    let mut i = 0;
    while let Some((start, end)) = next_cue_word(s, i) {
        words.push(&s[start..end]);
        i = end;
    }
    words
}

/// True when `s` holds a reporting verb (as [`verb_lemma`] finds one) or
/// a multi-word cue. Each word is looked up once, for both, and only
/// when the cue filter lets it through.
pub(crate) fn has_cue(s: &str) -> bool {
    let lex = lexicon();
    let bytes = s.as_bytes();
    let mut i = 0;
    while let Some((start, end)) = next_cue_word(s, i) {
        i = end;
        if !lex.cue_filter.may_hold_at(bytes, start, end) {
            continue;
        }
        let word = &s[start..end];
        let Some(entry) = lex.cue_words.get(word) else {
            continue;
        };
        // A verb form as written: lower case, as every entry is.
        if entry.lemma.is_some() && !word.bytes().any(|b| b.is_ascii_uppercase()) {
            return true;
        }
        let phrase_follows = |p: &Phrase| {
            let mut at = end;
            p.words[1..].iter().all(|pw| {
                let Some((a, b)) = next_cue_word(s, at) else {
                    return false;
                };
                at = b;
                s[a..b].eq_ignore_ascii_case(pw)
            })
        };
        if entry
            .phrases
            .iter()
            .any(|&k| phrase_follows(&lex.phrases[k]))
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_verb_lexicon_is_large_and_lemmatised() {
        let lex = lexicon();
        assert!(lex.verbs.len() >= 250, "{}", lex.verbs.len());
        assert_eq!(verb_lemma("said"), Some("say"));
        assert_eq!(verb_lemma("tweeted"), Some("tweet"));
        assert_eq!(verb_lemma("State"), None);
    }

    #[test]
    fn one_look_up_answers_phrases_and_verbs() {
        let lex = lexicon();
        for word in [
            "said",
            "Said",
            "saiD",
            "according",
            "According",
            "told",
            "x",
            "",
        ] {
            let (phrases, lemma) = lex.cue_word(word);
            let want: Vec<&str> = lex
                .phrases
                .iter()
                .filter(|p| {
                    p.words
                        .first()
                        .is_some_and(|f| f.eq_ignore_ascii_case(word))
                })
                .map(|p| p.lemma.as_str())
                .collect();
            let got: Vec<&str> = phrases.map(|p| p.lemma.as_str()).collect();
            assert_eq!(got, want, "{word}");
            assert_eq!(lemma, verb_lemma(word), "{word}");
        }
    }

    #[test]
    fn doubled_consonants_are_spelt_right() {
        for (form, lemma) in [
            ("admitted", "admit"),
            ("admitting", "admit"),
            ("shrugged", "shrug"),
            ("concurred", "concur"),
            ("rebutted", "rebut"),
            ("referred", "refer"),
        ] {
            assert_eq!(verb_lemma(form), Some(lemma), "{form}");
        }
        assert_eq!(verb_lemma("admited"), None);
    }

    #[test]
    fn cue_words_split_like_the_char_predicate() {
        for s in [
            "",
            "  ",
            "the so-called plan, O’Neill's—“said” 3.5% étés ÉTÉ\u{a0}x",
            "a--b '' ’’ -x- ünïcödé 中文 words",
        ] {
            let want: Vec<&str> = s
                .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
                .filter(|w| !w.is_empty())
                .collect();
            assert_eq!(cue_words_of(s), want, "{s}");
        }
    }

    #[test]
    fn one_look_up_gives_every_class_of_a_word() {
        let words = &lexicon().words;
        let mut all: Vec<String> = words.classes.keys().cloned().collect();
        all.extend(all.clone().iter().map(|w| w.to_ascii_uppercase()));
        all.extend(["Doe", "said", "", "é", "THE", "tHe"].map(str::to_owned));
        for w in &all {
            let c = words.of(w);
            assert_eq!(c.is_determiner(), words.is_determiner(w), "{w}");
            assert_eq!(c.is_connective(), words.is_connective(w), "{w}");
            assert_eq!(c.is_adverb(), words.is_adverb(w), "{w}");
            assert_eq!(c.is_stop(), words.is_stop(w), "{w}");
            assert_eq!(c.is_relative(), words.is_relative(w), "{w}");
        }
    }

    /// [`has_cue`] as first written: every word cut out, then looked up
    /// as a verb and as a phrase's first word.
    fn has_cue_reference(s: &str) -> bool {
        let words = cue_words_of(s);
        if words.iter().any(|w| verb_lemma(w).is_some()) {
            return true;
        }
        let lex = lexicon();
        words.iter().enumerate().any(|(i, w)| {
            lex.cue_word(w).0.any(|p| {
                words.get(i..i + p.words.len()).is_some_and(|win| {
                    win.iter()
                        .zip(&p.words)
                        .all(|(a, b)| a.eq_ignore_ascii_case(b))
                })
            })
        })
    }

    #[test]
    fn one_pass_finds_the_cues_every_word_finds() {
        let lex = lexicon();
        let mut texts: Vec<String> = [
            "",
            "the so-called plan of the year",
            "Said SAID said-it un-said",
            "“according” TO officials, ’said’",
            "ünïcödé said ÉTÉ told",
        ]
        .map(str::to_owned)
        .to_vec();
        for p in &lex.phrases {
            let phrase = p.words.join(" ");
            texts.push(format!("x {phrase}, y"));
            texts.push(format!("x {}", phrase.to_ascii_uppercase()));
            // Cut short by one word.
            if let Some((head, _)) = phrase.rsplit_once(' ') {
                texts.push(format!("{head}."));
            }
        }
        for form in lex.verbs.keys() {
            texts.push(format!("Doe {form} it"));
            texts.push(form.to_ascii_uppercase().to_string());
            texts.push(format!("re{form}-x"));
        }
        for t in &texts {
            assert_eq!(has_cue(t), has_cue_reference(t), "{t}");
        }
    }

    #[test]
    fn cues_are_found_in_phrases() {
        assert!(has_cue("the plan, according to officials"));
        assert!(has_cue("she warned"));
        assert!(!has_cue("the so-called plan of the year"));
    }
}
