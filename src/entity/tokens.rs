//! Words with their byte spans, found in one linear scan.

use rustc_hash::FxHashMap;
use smol_str::SmolStr;

use super::lexicon::{Lexicon, WordClass};
use crate::grammar;
use crate::span::Span;

/// The most bytes a word may span; longer runs are cut, so no scan
/// revisits them.
const WORD_MAX_BYTES: usize = 64;

/// One word of the text.
#[derive(Clone, Debug)]
pub(crate) struct Token {
    /// The word, without a possessive `'s` or a trailing dot.
    pub span: Span,
    /// The end of the word as written, possessive included.
    pub full_end: usize,
    /// Lower case form of the word, without possessive.
    pub key: SmolStr,
    /// The number of `key` among the document's distinct words.
    pub word: u32,
    /// What the lexicon says about `key`.
    pub class: WordClass,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Ends with `'s`, `’s` or `s'`.
    pub poss: bool,
    /// Immediately followed by a dot.
    pub dot: bool,
    /// Only spaces (and an abbreviation's dot) separate this word from
    /// the previous one: they can belong to one phrase.
    pub joined: bool,
    /// First word of a sentence, or first after an opening quotation mark
    /// or colon: a capital here says nothing.
    pub initial: bool,
    /// First word of a sentence or of a line.
    pub sentence_start: bool,
}

fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// The char at byte `i` of `text`, which must be a char boundary.
#[inline]
fn char_at(text: &str, i: usize) -> Option<char> {
    match *text.as_bytes().get(i)? {
        b if b.is_ascii() => Some(char::from(b)),
        _ => text.get(i..)?.chars().next(),
    }
}

/// The words of one document, with the lexicon classes of each distinct
/// word looked up once.
#[derive(Debug, Default)]
pub(crate) struct Words {
    /// The words in order.
    pub tokens: Vec<Token>,
    /// How many distinct lower-case words there are ([`Token::word`]
    /// is below this).
    pub distinct: usize,
}

/// Splits `text` into words. `sentence_starts` are the byte offsets where
/// sentences begin, in order.
pub(crate) fn tokenize(text: &str, sentence_starts: &[usize], lex: &Lexicon) -> Words {
    // about one word in six bytes of news text
    let mut out: Vec<Token> = Vec::with_capacity(text.len() / 6);
    // Each distinct lower-case word: its number and classes.
    // (about one distinct word in twenty bytes)
    let mut seen: FxHashMap<SmolStr, (u32, WordClass)> =
        FxHashMap::with_capacity_and_hasher(text.len() / 20, Default::default());
    let mut pos = 0;
    let mut prev_end = 0;
    let mut next_sentence = 0;
    while let Some(c) = char_at(text, pos) {
        let start = pos;
        pos += c.len_utf8();
        if !c.is_alphanumeric() {
            continue;
        }
        let mut end = pos;
        while let Some(d) = char_at(text, pos) {
            let next = pos + d.len_utf8();
            if d.is_alphanumeric() {
                end = next;
                pos = next;
            } else if is_joiner(d) && char_at(text, next).is_some_and(char::is_alphanumeric) {
                pos = next;
            } else {
                break;
            }
            if end - start >= WORD_MAX_BYTES {
                break;
            }
        }
        let word = &text[start..end];
        let mut span_end = end;
        let mut poss = false;
        if word.ends_with(['s', 'S']) {
            for suffix in ["'s", "’s", "'S", "’S"] {
                if word.len() > suffix.len() + 1 && word.ends_with(suffix) {
                    span_end = end - suffix.len();
                    poss = true;
                }
            }
        }
        let after = &text[end..];
        if !poss
            && word.ends_with('s')
            && (after.starts_with('\'') || after.starts_with('’'))
            && !after
                .trim_start_matches(['\'', '’'])
                .starts_with(char::is_alphanumeric)
        {
            poss = true;
        }
        let dot = after.starts_with('.');
        let between = &text[prev_end..start];
        let prev = out.last();
        // The usual gap, one space: joined to any word before it.
        let space = between == " ";
        let joined = prev.is_some_and(|p| {
            if space {
                return true;
            }
            let gap = if p.dot && abbreviation_like(&text[p.span.start..p.span.end]) {
                between.strip_prefix('.').unwrap_or(between)
            } else {
                between
            };
            !gap.is_empty() && gap.chars().all(|c| matches!(c, ' ' | '\t' | '\u{a0}')) && !p.poss
                || p.poss && gap.chars().all(|c| c == ' ')
                // "Hollis & Brandt": an ampersand joins two names.
                || gap == " & " && p.cap && text[start..].starts_with(char::is_uppercase)
        });
        let mut initial = false;
        while next_sentence < sentence_starts.len() && sentence_starts[next_sentence] <= start {
            next_sentence += 1;
            initial = true;
        }
        let sentence_start = initial || prev.is_none() || !space && between.contains('\n');
        if !initial {
            initial = prev.is_none()
                || !space
                    && between
                        .contains(['“', '"', '‘', '«', '„', ':', '(', '—', '–', '\n', '?', '!']);
        }
        let text_word = &text[start..span_end];
        let found = if text_word.is_ascii() {
            grammar::with_ascii_lower(text_word, |w| seen.get_key_value(w))
        } else {
            seen.get_key_value(text_word.to_lowercase().as_str())
        };
        let (key, (word, class)) = match found {
            Some((key, &entry)) => (key.clone(), entry),
            None => {
                let key = grammar::lower_key(text_word);
                let entry = (seen.len() as u32, lex.classify(&key));
                seen.insert(key.clone(), entry);
                (key, entry)
            }
        };
        out.push(Token {
            span: Span::new(start, span_end),
            full_end: end,
            key,
            word,
            class,
            cap: text_word.starts_with(char::is_uppercase),
            poss,
            dot,
            joined,
            initial,
            sentence_start,
        });
        prev_end = end;
    }
    Words {
        tokens: out,
        distinct: seen.len(),
    }
}

/// Words whose dot does not end a sentence: initials, short
/// capitalised abbreviations (Mr, Sen, Gov, Jr) and dotted acronyms (U.S).
fn abbreviation_like(word: &str) -> bool {
    let n = word.chars().count();
    word.starts_with(char::is_uppercase) && (n <= 3 || word.contains('.'))
        || matches!(word, "Sept" | "Prof" | "Capt" | "Gens" | "Sens" | "Reps")
}

#[cfg(test)]
mod tests {
    use super::super::lexicon::lexicon;
    use super::*;

    #[test]
    fn words_keep_possessives_and_initials() {
        let text = "Harsh V. Pant met O'Neill's aide. Blinken’s team";
        let toks = tokenize(text, &[0, 34], lexicon()).tokens;
        let words: Vec<&str> = toks.iter().map(|t| t.span.text(text)).collect();
        assert_eq!(
            words,
            [
                "Harsh", "V", "Pant", "met", "O'Neill", "aide", "Blinken", "team"
            ]
        );
        assert!(toks[2].joined, "the initial's dot joins");
        assert!(toks[4].poss && toks[6].poss);
        assert!(toks[6].initial && !toks[2].initial);
    }

    #[test]
    fn long_runs_never_panic() {
        let text = "é".repeat(200) + "-'.x";
        let toks = tokenize(&text, &[0], lexicon()).tokens;
        assert!(!toks.is_empty());
        for t in toks {
            assert!(text.get(t.span.start..t.span.end).is_some());
        }
    }
}
