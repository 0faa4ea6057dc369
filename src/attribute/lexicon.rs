//! The attribution lexicons from `grammar/`, parsed once into lookup
//! tables.

use rustc_hash::{FxHashMap, FxHashSet};
use std::sync::OnceLock;

use crate::grammar;

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

/// Small word classes used to find noun-phrase edges.
#[derive(Debug, Default)]
pub(crate) struct WordClasses {
    pub abbrev: FxHashSet<String>,
    pub determiner: FxHashSet<String>,
    pub connective: FxHashSet<String>,
    pub adverb: FxHashSet<String>,
    pub stop: FxHashSet<String>,
    pub relative: FxHashSet<String>,
    pub auxiliary: FxHashSet<String>,
    pub time: FxHashSet<String>,
    pub preposition: FxHashSet<String>,
    pub opener: FxHashSet<String>,
    pub article: FxHashSet<String>,
}

/// All attribution lexicons.
#[derive(Debug)]
pub(crate) struct Lexicon {
    /// Inflected reporting verb → lemma.
    pub verbs: FxHashMap<String, String>,
    /// Multi-word cues, longest first.
    pub phrases: Vec<Phrase>,
    /// Every verb form and first word of a phrase, with both answers,
    /// so that a cue takes one look-up.
    cue_words: FxHashMap<String, CueWord>,
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
            let w = f[1].to_lowercase();
            match f[0] {
                "abbrev" => {
                    words.abbrev.insert(w);
                }
                "determiner" => {
                    words.determiner.insert(w);
                }
                "connective" => {
                    words.connective.insert(w);
                }
                "adverb" => {
                    words.adverb.insert(w);
                }
                "stop" => {
                    words.stop.insert(w);
                }
                "relative" => {
                    words.relative.insert(w);
                }
                "auxiliary" => {
                    words.auxiliary.insert(w);
                }
                "time" => {
                    words.time.insert(w);
                }
                "preposition" => {
                    words.preposition.insert(w);
                }
                "opener" => {
                    words.opener.insert(w);
                }
                "article" => {
                    words.article.insert(w);
                }
                _ => {}
            }
        }
        let mut cue_words: FxHashMap<String, CueWord> = FxHashMap::default();
        for (first, ks) in &phrases_by_first {
            cue_words.entry(first.clone()).or_default().phrases = ks.clone();
        }
        for (form, lemma) in &verbs {
            cue_words.entry(form.clone()).or_default().lemma = Some(lemma.clone());
        }
        Lexicon {
            verbs,
            phrases,
            cue_words,
            words,
        }
    })
}

impl Lexicon {
    /// The multi-word cues whose first word is `word` (ignoring ASCII
    /// case), longest first, and the lemma of `word` when it is a
    /// reporting verb as written (see [`verb_lemma`]): one look-up.
    pub(crate) fn cue_word(&self, word: &str) -> (impl Iterator<Item = &Phrase>, Option<&str>) {
        let mut lowered = false;
        let found = grammar::with_ascii_lower(word, |w| {
            lowered = w.len() == word.len() && w != word;
            self.cue_words.get(w)
        });
        // Verb forms are lower case: a word with a capital is none.
        let verb = !lowered && !word.chars().next().is_some_and(char::is_uppercase);
        let lemma = found.filter(|_| verb).and_then(|c| c.lemma.as_deref());
        let phrases = found
            .into_iter()
            .flat_map(|c| c.phrases.iter().map(|&k| &self.phrases[k]));
        (phrases, lemma)
    }
}

impl WordClasses {
    /// Entries are lower case; a word matches ignoring ASCII case.
    fn has(set: &FxHashSet<String>, w: &str) -> bool {
        grammar::with_ascii_lower(w, |w| set.contains(w))
    }
    pub(crate) fn is_abbrev(&self, w: &str) -> bool {
        Self::has(&self.abbrev, w)
    }
    pub(crate) fn is_determiner(&self, w: &str) -> bool {
        Self::has(&self.determiner, w)
    }
    pub(crate) fn is_connective(&self, w: &str) -> bool {
        Self::has(&self.connective, w)
    }
    pub(crate) fn is_adverb(&self, w: &str) -> bool {
        Self::has(&self.adverb, w)
    }
    pub(crate) fn is_stop(&self, w: &str) -> bool {
        Self::has(&self.stop, w)
    }
    pub(crate) fn is_relative(&self, w: &str) -> bool {
        Self::has(&self.relative, w)
    }
    pub(crate) fn is_auxiliary(&self, w: &str) -> bool {
        Self::has(&self.auxiliary, w)
    }
    pub(crate) fn is_time(&self, w: &str) -> bool {
        Self::has(&self.time, w)
    }
    pub(crate) fn is_preposition(&self, w: &str) -> bool {
        Self::has(&self.preposition, w)
    }
    pub(crate) fn is_opener(&self, w: &str) -> bool {
        Self::has(&self.opener, w)
    }
    /// A determiner that only opens a noun phrase ("the", "his").
    pub(crate) fn is_article(&self, w: &str) -> bool {
        Self::has(&self.article, w)
    }
}

/// The lemma of `word` when it is a reporting verb as written. A
/// capitalised word is a name, not a verb ("The State Department").
pub(crate) fn verb_lemma(word: &str) -> Option<&'static str> {
    if word.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    lexicon().verbs.get(word).map(String::as_str)
}

/// True when `s` holds a reporting verb or a multi-word cue.
pub(crate) fn has_cue(s: &str) -> bool {
    let words: Vec<&str> = s
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '\'' | '’' | '-')))
        .filter(|w| !w.is_empty())
        .collect();
    if words.iter().any(|w| verb_lemma(w).is_some()) {
        return true;
    }
    lexicon().phrases.iter().any(|p| {
        words.windows(p.words.len()).any(|win| {
            win.iter()
                .zip(&p.words)
                .all(|(a, b)| a.eq_ignore_ascii_case(b))
        })
    })
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
    fn cues_are_found_in_phrases() {
        assert!(has_cue("the plan, according to officials"));
        assert!(has_cue("she warned"));
        assert!(!has_cue("the so-called plan of the year"));
    }
}
