//! The entity module's language data, read once from `grammar/`.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::grammar::{entries, fields};

/// A person's grammatical gender, as the text reveals it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gender {
    /// He, Mr., spokesman.
    Male,
    /// She, Ms., spokeswoman.
    Female,
}

impl Gender {
    fn parse(field: &str) -> Option<Gender> {
        match field {
            "m" => Some(Gender::Male),
            "f" => Some(Gender::Female),
            _ => None,
        }
    }
}

/// One entry of `grammar/titles.txt`.
#[derive(Clone, Debug)]
pub(crate) struct Title {
    pub gender: Option<Gender>,
    /// A form of address (Mr., Ms.): gives gender, not a description.
    pub honorific: bool,
    /// A plain noun for a person ("woman", "officer"), not an office.
    pub plain: bool,
    /// Written in lower case in the file: a role noun that can stand
    /// alone in running text ("the senator"), unlike "Major" or "General".
    pub lower: bool,
}

/// One entry of `grammar/pronouns.txt`.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Pronoun {
    pub gender: Option<Gender>,
    pub plural: bool,
    /// Subject or object: can stand for a speaker.
    pub personal: bool,
}

/// What a capitalised word that is not a name is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NotName {
    Function,
    Time,
    Place,
    Demonym,
    /// A word that ends a place's name ("Islands", "County").
    PlaceWord,
    /// A verb: a phrase that holds one is a clause, not a description.
    Verb,
}

/// What an entry of `grammar/organisations.txt` is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OrgWord {
    Head,
    Known,
    Cue,
}

/// Multi-word phrases keyed by their normalised words (lower case,
/// trailing dots removed, joined by one space).
#[derive(Debug)]
pub(crate) struct Phrases<V> {
    map: FxHashMap<String, V>,
    /// The first word of every phrase, to reject most words at once.
    first_words: FxHashSet<String>,
    /// Every proper prefix of a phrase, in whole words ("secretary of"
    /// for "secretary of state"): a longer match is possible only after
    /// one of these.
    prefixes: FxHashSet<String>,
    /// The most words any phrase has.
    pub max_words: usize,
    /// This table's bit in [`WordClass::starts`].
    bit: u8,
}

impl<V> Phrases<V> {
    fn new(bit: u8) -> Self {
        Phrases {
            map: FxHashMap::default(),
            first_words: FxHashSet::default(),
            prefixes: FxHashSet::default(),
            max_words: 0,
            bit,
        }
    }

    fn insert(&mut self, phrase: &str, value: V) {
        let key = normalise_phrase(phrase);
        self.note_words(&key);
        self.map.entry(key).or_insert(value);
    }

    /// Inserts, or merges into the entry already there.
    fn upsert(&mut self, phrase: &str, value: V, merge: impl FnOnce(&mut V, V)) {
        let key = normalise_phrase(phrase);
        self.note_words(&key);
        match self.map.get_mut(&key) {
            Some(old) => merge(old, value),
            None => {
                self.map.insert(key, value);
            }
        }
    }

    fn note_words(&mut self, key: &str) {
        let first = key.split(' ').next().unwrap_or("");
        self.first_words.insert(first.to_owned());
        self.max_words = self.max_words.max(key.split(' ').count());
        for (i, _) in key.match_indices(' ') {
            self.prefixes.insert(key[..i].to_owned());
        }
    }

    /// True when some phrase starts with this (normalised) word.
    pub fn starts_with_word(&self, word: &str) -> bool {
        self.first_words.contains(word)
    }

    /// True when the word class says some phrase starts with its word
    /// (the word with any trailing dots removed).
    #[inline]
    pub fn starts_with_class(&self, class: &WordClass) -> bool {
        class.starts & self.bit != 0
    }

    /// True when some phrase is longer than `key` and starts with its
    /// words.
    pub fn extends(&self, key: &str) -> bool {
        self.prefixes.contains(key)
    }

    /// The value of the phrase made of `words` (already normalised).
    pub fn get(&self, key: &str) -> Option<&V> {
        self.map.get(key)
    }
}

/// The bits of [`WordClass::starts`], one for each phrase table.
const TITLES_BIT: u8 = 1;
const NOT_NAMES_BIT: u8 = 2;
const ORGS_BIT: u8 = 4;

/// Everything the lexicon says about one lower-case word: the answers
/// to every single-word look-up the scan makes, computed once for each
/// distinct word of a document.
///
/// Aligned to four bytes, its thirteen bytes take sixteen, which a copy
/// moves in whole words. Unaligned, they were moved as two overlapping
/// eight-byte parts, and reading such a copy back soon after (as every
/// word's look-up does) stalls on the overlap: a load cannot be
/// forwarded from two stores.
#[derive(Clone, Copy, Debug, Default)]
#[repr(align(4))]
pub(crate) struct WordClass {
    /// Its entry in `pronouns.txt`.
    pub pronoun: Option<Pronoun>,
    /// Its entry in `not-names.txt`.
    pub not_name: Option<NotName>,
    /// A group noun ("analysts").
    pub group: bool,
    /// A capitalised organisation head, as written ("Ministry").
    pub org_head: bool,
    /// The same with trailing dots removed ("Dept." → "dept").
    pub org_head_word: bool,
    /// A lower-case organisation head after "the" ("the ministry").
    pub org_lower_head: bool,
    /// A known first name.
    pub first_name: bool,
    /// A connector inside names ("of", "van"): [`super::is_connector`].
    pub connector: bool,
    /// No content in a title-case line: [`super::is_headline_minor`].
    pub headline_minor: bool,
    /// The phrase tables some phrase of which starts with the word,
    /// trailing dots removed.
    pub starts: u8,
    /// Something the scan looks for in a word written in lower case: a
    /// pronoun, a group noun, the first word of a title or a lower-case
    /// organisation head. Without it a lower-case word is passed over.
    pub lower_cue: bool,
}

/// Runs `f` on `word` lower-cased as [`str::to_lowercase`] does,
/// without allocating for ASCII words.
pub(crate) fn with_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    if word.is_ascii() {
        crate::grammar::with_ascii_lower(word, f)
    } else {
        f(&word.to_lowercase())
    }
}

/// Lower case, trailing dots of each word removed, single spaces.
pub(crate) fn normalise_phrase(phrase: &str) -> String {
    if phrase.is_ascii() {
        return normalise_ascii_phrase(phrase);
    }
    let mut out = String::with_capacity(phrase.len());
    for (k, word) in phrase.split_whitespace().enumerate() {
        if k > 0 {
            out.push(' ');
        }
        let word = word.trim_end_matches('.');
        if word.is_ascii() {
            let start = out.len();
            out.push_str(word);
            out[start..].make_ascii_lowercase();
        } else {
            out.push_str(&word.to_lowercase());
        }
    }
    out
}

/// [`normalise_phrase`] of an ASCII phrase, a byte at a time.
fn normalise_ascii_phrase(phrase: &str) -> String {
    // What `split_whitespace` splits ASCII at (`is_ascii_whitespace`
    // leaves out the vertical tab).
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r');
    let bytes = phrase.as_bytes();
    let mut out = String::with_capacity(phrase.len());
    let mut words = 0;
    let mut i = 0;
    while i < bytes.len() {
        if is_space(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !is_space(bytes[i]) {
            i += 1;
        }
        let mut end = i;
        while end > start && bytes[end - 1] == b'.' {
            end -= 1;
        }
        if words > 0 {
            out.push(' ');
        }
        words += 1;
        let at = out.len();
        out.push_str(&phrase[start..end]);
        out[at..].make_ascii_lowercase();
    }
    out
}

/// All the entity module's lexicons.
#[derive(Debug)]
pub(crate) struct Lexicon {
    pub titles: Phrases<Title>,
    pub pronouns: FxHashMap<String, Pronoun>,
    pub not_names: Phrases<NotName>,
    /// Capitalised organisation heads ("Ministry").
    pub org_heads: FxHashSet<String>,
    /// Lower-case organisation heads after "the" ("the ministry").
    pub org_lower_heads: FxHashSet<String>,
    pub orgs: Phrases<OrgWord>,
    pub groups: FxHashSet<String>,
    pub first_names: FxHashMap<String, Gender>,
    /// Prepositions: a mention after one is seldom a subject.
    pub prepositions: FxHashSet<String>,
    /// The classes of every word that has any, from all the tables
    /// above: one look-up answers them all.
    classes: FxHashMap<String, WordClass>,
}

const TITLES: &str = include_str!("../../grammar/titles.txt");
const PRONOUNS: &str = include_str!("../../grammar/pronouns.txt");
const NOT_NAMES: &str = include_str!("../../grammar/not-names.txt");
const ORGANISATIONS: &str = include_str!("../../grammar/organisations.txt");
const GROUPS: &str = include_str!("../../grammar/groups.txt");
const FIRST_NAMES: &str = include_str!("../../grammar/first-names.txt");

/// The lexicon, parsed at first use.
pub(crate) fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(Lexicon::parse)
}

impl Lexicon {
    /// The classes of `key`, a lower-case word.
    pub(crate) fn classify(&self, key: &str) -> WordClass {
        if key.ends_with('.') {
            // Some answers are for the word without its dots.
            return self.classify_slow(key);
        }
        self.classes.get(key).copied().unwrap_or_default()
    }

    /// The classes of `key`, a lower-case word, from each table in turn.
    fn classify_slow(&self, key: &str) -> WordClass {
        let word = key.trim_end_matches('.');
        let mut starts = 0;
        for (phrases_start, bit) in [
            (self.titles.starts_with_word(word), TITLES_BIT),
            (self.not_names.starts_with_word(word), NOT_NAMES_BIT),
            (self.orgs.starts_with_word(word), ORGS_BIT),
        ] {
            if phrases_start {
                starts |= bit;
            }
        }
        let pronoun = self.pronouns.get(key).copied();
        let group = self.groups.contains(key);
        let org_lower_head = self.org_lower_heads.contains(key);
        WordClass {
            pronoun,
            not_name: self.not_names.get(key).copied(),
            group,
            org_head: self.org_heads.contains(key),
            org_head_word: self.org_heads.contains(word),
            org_lower_head,
            first_name: self.first_names.contains_key(key),
            connector: super::is_connector(key),
            headline_minor: super::is_headline_minor(key),
            starts,
            lower_cue: pronoun.is_some() || group || org_lower_head || starts & TITLES_BIT != 0,
        }
    }

    fn parse() -> Lexicon {
        let mut lex = Lexicon {
            titles: Phrases::new(TITLES_BIT),
            pronouns: FxHashMap::default(),
            not_names: Phrases::new(NOT_NAMES_BIT),
            org_heads: FxHashSet::default(),
            org_lower_heads: FxHashSet::default(),
            orgs: Phrases::new(ORGS_BIT),
            groups: FxHashSet::default(),
            first_names: FxHashMap::default(),
            prepositions: FxHashSet::default(),
            classes: FxHashMap::default(),
        };
        for entry in entries(TITLES) {
            let f: Vec<&str> = fields(entry).collect();
            let title = Title {
                gender: f.get(1).and_then(|g| Gender::parse(g)),
                honorific: f.get(2) == Some(&"honorific"),
                plain: f.get(2) == Some(&"person"),
                lower: f[0].starts_with(char::is_lowercase),
            };
            // "Senator" and "senator": one entry, usable in lower case.
            lex.titles.upsert(f[0], title, |old, new| {
                old.lower |= new.lower;
                old.gender = old.gender.or(new.gender);
            });
        }
        for entry in entries(PRONOUNS) {
            let f: Vec<&str> = fields(entry).collect();
            let pronoun = Pronoun {
                gender: f.get(1).and_then(|g| Gender::parse(g)),
                plural: f.get(2) == Some(&"pl"),
                personal: matches!(f.get(3), Some(&"subj") | Some(&"obj")),
            };
            lex.pronouns.insert(f[0].to_lowercase(), pronoun);
        }
        for entry in entries(NOT_NAMES) {
            let f: Vec<&str> = fields(entry).collect();
            let kind = match f.get(1).copied() {
                Some("time") => NotName::Time,
                Some("place") => NotName::Place,
                Some("demonym") => NotName::Demonym,
                Some("place-word") => NotName::PlaceWord,
                Some("verb") => NotName::Verb,
                Some("preposition") => {
                    lex.prepositions.insert(f[0].to_lowercase());
                    NotName::Function
                }
                _ => NotName::Function,
            };
            lex.not_names.insert(f[0], kind);
        }
        for entry in entries(ORGANISATIONS) {
            let f: Vec<&str> = fields(entry).collect();
            let word = f[0];
            match f.get(1).copied() {
                Some("head") if word.starts_with(char::is_lowercase) => {
                    lex.org_lower_heads.insert(normalise_phrase(word));
                }
                Some("head") => {
                    lex.org_heads.insert(normalise_phrase(word));
                }
                Some("cue") => lex.orgs.insert(word, OrgWord::Cue),
                _ => lex.orgs.insert(word, OrgWord::Known),
            }
        }
        // Known organisations and heads are matched in capitalised text.
        let _ = OrgWord::Head;
        for entry in entries(GROUPS) {
            lex.groups.insert(entry.to_lowercase());
        }
        for entry in entries(FIRST_NAMES) {
            let f: Vec<&str> = fields(entry).collect();
            if let Some(g) = f.get(1).and_then(|g| Gender::parse(g)) {
                lex.first_names.insert(f[0].to_lowercase(), g);
            }
        }
        // Every word that any table above answers for: single words of
        // each table, and the first words of phrases.
        let words: FxHashSet<&String> = lex
            .pronouns
            .keys()
            .chain(lex.not_names.map.keys())
            .chain(&lex.groups)
            .chain(&lex.org_heads)
            .chain(&lex.org_lower_heads)
            .chain(lex.first_names.keys())
            .chain(&lex.titles.first_words)
            .chain(&lex.not_names.first_words)
            .chain(&lex.orgs.first_words)
            .collect();
        let mut classes: FxHashMap<String, WordClass> = words
            .into_iter()
            .map(|w| (w.clone(), lex.classify_slow(w)))
            .collect();
        // And the words that only the entity module's own lists know.
        let listed = super::CONNECTORS
            .iter()
            .chain(&super::DETERMINERS)
            .chain(&super::HEADLINE_MINOR);
        for &w in listed {
            classes.insert(w.to_owned(), lex.classify_slow(w));
        }
        lex.classes = classes;
        lex
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_cues_are_the_words_the_scan_tests() {
        let lex = lexicon();
        for word in [
            "he", "his", "they", "analysts", "minister", "ministry", "the", "said", "of", "zzz",
            "dept.",
        ] {
            let c = lex.classify(word);
            let cue = c.pronoun.is_some()
                || c.group
                || c.org_lower_head
                || lex.titles.starts_with_class(&c);
            assert_eq!(c.lower_cue, cue, "{word}");
        }
        assert!(lex.classify("he").lower_cue && lex.classify("analysts").lower_cue);
        assert!(!lex.classify("said").lower_cue && !lex.classify("zzz").lower_cue);
    }

    #[test]
    fn lexicon_reads_every_file() {
        let lex = lexicon();
        assert!(lex.titles.get("secretary of state").is_some());
        assert!(lex.titles.get("mr").is_some_and(|t| t.honorific));
        assert_eq!(
            lex.titles.get("spokeswoman").and_then(|t| t.gender),
            Some(Gender::Female)
        );
        assert!(lex.pronouns["she"].personal);
        assert!(!lex.pronouns["his"].personal);
        assert_eq!(lex.not_names.get("thursday"), Some(&NotName::Time));
        assert_eq!(lex.orgs.get("white house"), Some(&OrgWord::Known));
        assert!(lex.org_heads.contains("ministry"));
        assert!(lex.org_lower_heads.contains("ministry"));
        assert!(lex.groups.contains("analysts"));
        assert_eq!(lex.first_names.get("maria"), Some(&Gender::Female));
    }

    #[test]
    fn ascii_phrases_normalise_as_any_other() {
        for phrase in [
            "Secretary of  State",
            " U.S.  Sen. ",
            "a\x0bb\tc\r\nd",
            "... the",
            "",
            "Dept...",
        ] {
            let mut slow = String::new();
            for (k, word) in phrase.split_whitespace().enumerate() {
                if k > 0 {
                    slow.push(' ');
                }
                slow.push_str(&word.trim_end_matches('.').to_lowercase());
            }
            assert_eq!(normalise_phrase(phrase), slow, "{phrase:?}");
        }
    }

    #[test]
    fn one_look_up_answers_every_table() {
        let lex = lexicon();
        for word in [
            "she",
            "of",
            "van",
            "the",
            "is",
            "thursday",
            "analysts",
            "ministry",
            "maria",
            "secretary",
            "white",
        ] {
            let fast = lex.classify(word);
            let slow = lex.classify_slow(word);
            assert_eq!(format!("{fast:?}"), format!("{slow:?}"), "{word}");
        }
        assert!(lex.classify("analysts").group);
        assert!(lex.classify("ministry").org_head);
        assert!(lex.titles.starts_with_class(&lex.classify("secretary")));
        assert!(!lex.titles.starts_with_class(&lex.classify("banana")));
        assert_eq!(lex.classify("thursday").not_name, Some(NotName::Time));
        for w in super::super::CONNECTORS {
            assert!(
                lex.classify(w).connector && lex.classify(w).headline_minor,
                "{w}"
            );
        }
        for w in super::super::DETERMINERS
            .iter()
            .chain(&super::super::HEADLINE_MINOR)
        {
            assert!(lex.classify(w).headline_minor, "{w}");
        }
        assert!(!lex.classify("of.").connector && !lex.classify("banana").headline_minor);
    }
}
