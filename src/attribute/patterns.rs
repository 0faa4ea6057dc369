//! The attribution patterns: for each quotation, look right after it
//! (`"…," Name said`, `"…," said Name`, `"…" — Name`), then right before
//! it (`Name said: "…"`, `Name said that … "partial"`, `according to
//! Name, "…"`), then inherit the speaker of the quotation just before.
//! Every window is bounded by a named limit, so the work per quotation
//! is constant.

use super::lexicon::{PhraseRole, lexicon, verb_lemma};
use super::{Cue, Mention, Speaker, SpeakerKind, SpeakerMention};
use crate::entity::Entities;
use crate::grammar;
use crate::quote::{Quote, QuoteKind};
use crate::segment::{Paragraph, ParagraphKind, Sentence};
use crate::span::Span;

/// How many bytes after a quotation may hold its attribution.
const AFTER_WINDOW: usize = 200;
/// How many bytes before a quotation may hold its attribution.
const BEFORE_WINDOW: usize = 300;
/// How many tokens may separate the start of the attribution from its
/// verb (`"…," Name, a professor at X, said`).
const MAX_SUBJECT_TOKENS: usize = 32;
/// How many words a headline speaker before a colon may have.
const HEADLINE_NAME_WORDS: usize = 4;
/// How many tokens a parenthetical aside before a verb may have.
const MAX_PAREN_TOKENS: usize = 10;
/// How many comma-separated asides may sit between a speaker and its verb.
const MAX_APPOSITIVE_HOPS: usize = 4;
/// How many words a speaker mention may have.
const MAX_SPEAKER_WORDS: usize = 10;
/// How many tokens may follow a closing `, Name said` in its sentence
/// ("Doe said on Friday").
const TAIL_TOKENS: usize = 3;
/// How many words of a verb group may stand between a subject and its
/// cue ("Doe would not (say)", "Doe declined to (say)").
const VERB_GROUP_WORDS: usize = 3;
/// How long a paragraph that signs the quotation before it may be
/// (`— Jane Doe, a teacher in Dover`).
const SIGNATURE_BYTES: usize = 120;
/// Dashes that open a signature line.
const DASHES: [char; 4] = ['—', '–', '―', '-'];
/// How many paragraphs back a speaker may be inherited from.
const MAX_INHERIT_PARAGRAPHS: usize = 1;

/// One token of a local window.
#[derive(Clone, Copy, Debug)]
struct Tok {
    span: Span,
    /// True for words, false for punctuation.
    word: bool,
    /// False when the token certainly starts no cue (see
    /// [`Lexicon::may_start_cue_at`](super::lexicon::Lexicon::may_start_cue_at)).
    cue: bool,
}

impl Tok {
    fn text<'a>(&self, text: &'a str) -> &'a str {
        self.span.text(text)
    }
}

fn is_dash(s: &str) -> bool {
    matches!(s, "—" | "–" | "―" | "--" | "-")
}

/// Byte classes of ASCII characters, for [`tokens`].
const WS: u8 = 1;
/// An ASCII letter or digit.
const ALNUM: u8 = 2;
/// Punctuation that may join two words (O'Neill, so-called, U.S., AT&T).
const INNER: u8 = 4;

/// The class bits of every ASCII byte: whitespace as [`char::is_whitespace`]
/// sees it, letters and digits as [`char::is_alphanumeric`] sees them.
/// Bytes of other characters have none: their characters are decoded.
const BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        t[b] = if matches!(c, b' ' | b'\t'..=b'\r') {
            WS
        } else if c.is_ascii_alphanumeric() {
            ALNUM
        } else if grammar::is_joiner(c as char) {
            INNER
        } else {
            0
        };
        b += 1;
    }
    t
};

/// The class bits of the character starting at byte `i` of `s`, and its
/// length in bytes; ASCII takes one table look-up.
#[inline(always)]
fn class_at(s: &str, i: usize) -> (u8, usize) {
    let b = s.as_bytes()[i];
    if b < 0x80 {
        return (BYTE_CLASS[usize::from(b)], 1);
    }
    let c = s[i..].chars().next().unwrap_or_default();
    let class = if c.is_whitespace() {
        WS
    } else if grammar::is_alphanumeric(c) {
        ALNUM
    } else if grammar::is_joiner(c) {
        INNER
    } else {
        0
    };
    (class, c.len_utf8())
}

/// The token that starts at or after byte `i` of `body`, skipping
/// whitespace: its start, its end and whether it is a word. What it
/// holds depends only on `body[i..]`, so a scan that reaches the start of
/// a token of a longer scan goes on in step with it.
#[inline(always)]
fn next_token(body: &str, mut i: usize) -> Option<(usize, usize, bool)> {
    let bytes = body.as_bytes();
    let n = bytes.len();
    let (class, len) = loop {
        if i >= n {
            return None;
        }
        if BYTE_CLASS[usize::from(bytes[i])] & WS != 0 {
            i += 1;
            continue;
        }
        let (class, len) = class_at(body, i);
        if class & WS == 0 {
            break (class, len);
        }
        i += len;
    };
    let mut end = i + len;
    if class & ALNUM == 0 {
        if bytes[i] == b'-' && bytes.get(end) == Some(&b'-') {
            end += 1;
        }
        return Some((i, end, false));
    }
    loop {
        // Runs of ASCII letters and digits first, eight bytes at a time.
        end = grammar::ascii_alnum_end(bytes, end);
        if end >= n {
            break;
        }
        let (d, dl) = class_at(body, end);
        if d & ALNUM != 0 {
            end += dl;
        } else if d & INNER != 0 {
            // Inner punctuation: O'Neill, so-called, U.S.
            let after = end + dl;
            if after < n && class_at(body, after).0 & ALNUM != 0 {
                end = after;
            } else {
                if bytes[end] == b'.' {
                    // A final period belongs to initials and
                    // abbreviations ("V.", "Sen.", "U.S.").
                    let w = &body[i..end];
                    let initial = w.chars().count() == 1 && w.starts_with(char::is_uppercase);
                    if initial || w.contains('.') || lexicon().words.is_abbrev(w) {
                        end += 1;
                    }
                }
                break;
            }
        } else {
            break;
        }
    }
    Some((i, end, true))
}

/// Appends the tokens of `window` from byte `from` of the text on, until
/// the end of the window or, when `stop_at` is given, until a token would
/// start at one of its starts (which must be sorted).
fn scan_into(text: &str, window: Span, from: usize, out: &mut Vec<Tok>, stop_at: &[Tok]) -> usize {
    let lex = lexicon();
    let body = window.text(text);
    let mut i = from - window.start;
    let mut k = 0;
    while let Some((start, end, word)) = next_token(body, i) {
        let at = window.start + start;
        if !stop_at.is_empty() {
            while k < stop_at.len() && stop_at[k].span.start < at {
                k += 1;
            }
            if stop_at.get(k).is_some_and(|t| t.span.start == at) {
                return at;
            }
        }
        out.push(Tok {
            span: Span::new(at, window.start + end),
            word,
            cue: word && lex.may_start_cue_at(body.as_bytes(), start, end),
        });
        i = end;
    }
    window.end
}

/// Splits `window` into words and punctuation. Linear in the window.
fn tokens(text: &str, window: Span) -> Vec<Tok> {
    let mut out = Vec::with_capacity(window.len() / 4);
    scan_into(text, window, window.start, &mut out, &[]);
    out
}

/// [`tokens`] into `out`, which is cleared first: a buffer kept across
/// windows is allocated once.
fn tokens_into(text: &str, window: Span, out: &mut Vec<Tok>) {
    out.clear();
    scan_into(text, window, window.start, out, &[]);
}

/// The tokens of `window`, as [`tokens`] gives them, taken from `all`,
/// the tokens of a window that holds it: only the ends of the window are
/// scanned again (a word cut in two, a period whose next character is
/// cut off).
fn sub_tokens(text: &str, all: &[Tok], window: Span) -> Vec<Tok> {
    let mut out = Vec::new();
    // The scan from the window's start falls in step with `all` at the
    // first token of `all` that it meets at its start.
    let first = all.partition_point(|t| t.span.start < window.start);
    let synced = scan_into(text, window, window.start, &mut out, &all[first..]);
    if synced >= window.end {
        return out;
    }
    // From there every token of `all` that ends inside the window is the
    // window's own: none of them looked past its end to be what it is.
    let k = first + all[first..].partition_point(|t| t.span.start < synced);
    let whole = all[k..].partition_point(|t| t.span.end <= window.end);
    out.extend_from_slice(&all[k..k + whole]);
    let from = out.last().map_or(synced, |t| t.span.end.max(synced));
    scan_into(text, window, from, &mut out, &[]);
    out
}

/// The tokens of `window`, as [`tokens`] gives them, up to the first
/// sentence end or semicolon: the scan stops there, so the rest of the
/// window is never read.
#[cfg(test)]
fn tokens_to_sentence_end(text: &str, window: Span) -> Vec<Tok> {
    let mut out = Vec::with_capacity(16);
    tokens_to_sentence_end_into(text, window, &mut out);
    out
}

/// [`tokens_to_sentence_end`] into `out`, which is cleared first.
fn tokens_to_sentence_end_into(text: &str, window: Span, out: &mut Vec<Tok>) {
    out.clear();
    let lex = lexicon();
    let body = window.text(text);
    let mut i = 0;
    // True while the last token is a sentence end that only a glued
    // closing bracket or comma after it ("(D-Wis.)") keeps from ending
    // the sentence.
    let mut pending_end = false;
    while let Some((start, end, word)) = next_token(body, i) {
        let t = Tok {
            span: Span::new(window.start + start, window.start + end),
            word,
            cue: word && lex.may_start_cue_at(body.as_bytes(), start, end),
        };
        // The token's bytes: the marks compared are ASCII.
        let t_bytes = &body.as_bytes()[start..end];
        if pending_end {
            let glued = out.last().is_some_and(|p: &Tok| p.span.end == t.span.start)
                && matches!(t_bytes, b")" | b",");
            if !glued {
                out.pop();
                return;
            }
        }
        pending_end = !word && matches!(t_bytes, b"." | b"?" | b"!" | b";");
        out.push(t);
        i = end;
    }
    if pending_end {
        out.pop();
    }
}

/// A cue found in a token list.
#[derive(Clone, Debug)]
struct FoundCue {
    /// Index of its first token.
    first: usize,
    /// Index one past its last token.
    end: usize,
    lemma: &'static str,
    role: PhraseRole,
}

/// True when the word at `i` follows an article or a possessive
/// determiner ("her remarks", "the report"): a noun, which PolNeAR counts
/// as a cue but which yields to a verb in the same clause.
fn is_nominal_cue(text: &str, toks: &[Tok], i: usize) -> bool {
    i.checked_sub(1).is_some_and(|k| {
        let p = toks[k].text(text);
        [
            "the", "a", "an", "his", "her", "their", "its", "our", "my", "your",
        ]
        .iter()
        .any(|d| p.eq_ignore_ascii_case(d))
    })
}

/// The cue starting at token `i`, if any.
#[inline]
fn cue_at(text: &str, toks: &[Tok], i: usize) -> Option<FoundCue> {
    // Punctuation and most words start no cue: the token says so.
    if !toks.get(i)?.cue {
        return None;
    }
    word_cue_at(text, toks, i)
}

/// [`cue_at`] for a word that may start a cue.
fn word_cue_at(text: &str, toks: &[Tok], i: usize) -> Option<FoundCue> {
    let lex = lexicon();
    let first = toks[i].text(text);
    let (phrases, lemma) = lex.cue_word(first);
    for p in phrases {
        let n = p.words.len();
        // The first word is the one looked up: it matches every phrase
        // found, so only the words after it are compared.
        if i + n <= toks.len()
            && toks[i].word
            && toks[i + 1..i + n]
                .iter()
                .zip(&p.words[1..])
                .all(|(t, w)| t.word && t.text(text).eq_ignore_ascii_case(w))
        {
            return Some(FoundCue {
                first: i,
                end: i + n,
                lemma: &p.lemma,
                role: p.role,
            });
        }
    }
    let word = first;
    let lemma = lemma?;
    // "the alleged", "an estimated": adjectives after an article.
    if word.ends_with("ed") && is_nominal_cue(text, toks, i) {
        return None;
    }
    // "reports", "claims": verbs only right after a name or pronoun.
    let nouny = word.ends_with('s') && !lexicon().verbs.contains_key(lemma);
    if nouny {
        let prev = i.checked_sub(1).map(|k| toks[k].text(text));
        // "Jane Doe, an aide to Roe, calls …": after an aside that ends
        // with a name, too.
        let name_before = |k: usize| toks[k].word && is_capitalised(toks[k].text(text));
        // "Doe, a consultant, notes": the aside's own comma follows a name.
        let aside_after_name = |k: usize| {
            let from = k.saturating_sub(MAX_SPEAKER_WORDS);
            (from..k)
                .rev()
                .find(|&j| !toks[j].word)
                .is_some_and(|j| toks[j].text(text) == "," && j > 0 && name_before(j - 1))
        };
        let after_aside = prev == Some(",")
            && i.checked_sub(2)
                .is_some_and(|k| name_before(k) || aside_after_name(k));
        // "of Republican claims", "the Democratic claims": a capitalised
        // word after a preposition or an article modifies the noun.
        let modifier = i.checked_sub(2).is_some_and(|k| {
            let w = toks[k].text(text);
            lex.words.is_preposition(w) || w == "of" || lex.words.is_determiner(w)
        });
        if !after_aside && (modifier || !prev.is_some_and(|p| is_capitalised(p) || is_pronoun(p))) {
            return None;
        }
    }
    let role = if lemma == "tell" {
        PhraseRole::Addressee
    } else {
        PhraseRole::Verb
    };
    Some(FoundCue {
        first: i,
        end: i + 1,
        lemma,
        role,
    })
}

fn span_of(toks: &[Tok]) -> Option<Span> {
    Some(Span::new(toks.first()?.span.start, toks.last()?.span.end))
}

fn is_capitalised(s: &str) -> bool {
    s.chars().next().is_some_and(char::is_uppercase)
}

/// A noun phrase that follows a verb or a dash: words up to punctuation
/// or a stop word.
fn np_after(text: &str, toks: &[Tok]) -> Option<Span> {
    let lex = lexicon();
    let mut end = 0;
    for (k, t) in toks.iter().enumerate() {
        let w = t.text(text);
        // "Hollis & Brandt": the ampersand joins two names.
        if w == "&"
            && k > 0
            && is_capitalised(toks[k - 1].text(text))
            && toks
                .get(k + 1)
                .is_some_and(|n| n.word && is_capitalised(n.text(text)))
        {
            continue;
        }
        if !t.word || k >= MAX_SPEAKER_WORDS || (k > 0 && lex.words.is_stop(w)) {
            break;
        }
        // A preposition or complementizer opens no noun phrase ("said
        // that …", "claiming in …").
        if k == 0 && lex.words.is_stop(w) && (!lex.words.is_determiner(w) || w == "that") {
            return None;
        }
        // A lowercase verb after the phrase ends it ("said Doe, adding").
        if k > 0 && verb_lemma(w).is_some() {
            break;
        }
        end = k + 1;
    }
    span_of(&toks[..end])
}

/// Strips connectives from the front and adverbs from the back of a
/// subject.
fn trim_subject<'t>(text: &str, mut toks: &'t [Tok]) -> &'t [Tok] {
    let lex = lexicon();
    while let Some(first) = toks.first() {
        let w = first.text(text);
        if !first.word || lex.words.is_connective(w) {
            toks = &toks[1..];
        } else {
            break;
        }
    }
    while let Some(last) = toks.last() {
        let w = last.text(text);
        // "Doe recently (said)", but not "the family (said)" or "Kelly".
        let ly_adverb = w.ends_with("ly")
            && !(toks.len() >= 2 && lex.words.is_determiner(toks[toks.len() - 2].text(text)));
        if !last.word || ((lex.words.is_adverb(w) || ly_adverb) && !is_capitalised(w)) {
            toks = &toks[..toks.len() - 1];
        } else {
            break;
        }
    }
    if toks.len() > MAX_SPEAKER_WORDS {
        toks = &toks[toks.len() - MAX_SPEAKER_WORDS..];
    }
    toks
}

/// The noun phrase at the end of a clause: walking back from its end,
/// stop at a preposition, relative word or lowercase verb, and after a
/// determiner ("they turned to the city police" → "the city police").
fn np_tail<'t>(text: &str, toks: &'t [Tok]) -> &'t [Tok] {
    let lex = lexicon();
    let mut toks = toks;
    // "… the police, which said": the relative word stands for the
    // phrase before it.
    while toks.len() > 1 && lex.words.is_relative(toks[toks.len() - 1].text(text)) {
        toks = &toks[..toks.len() - 1];
    }
    let mut start = toks.len();
    while start > 0 {
        let t = toks[start - 1];
        let w = t.text(text);
        // A plural possessive goes on: "the residents' group".
        if is_plural_possessive(text, toks, start - 1) {
            start -= 1;
            continue;
        }
        // "Hollis & Brandt", "Procter & Gamble": one name.
        if w == "&"
            && start >= 2
            && start < toks.len()
            && toks[start - 2].word
            && is_capitalised(toks[start - 2].text(text))
            && is_capitalised(toks[start].text(text))
        {
            start -= 1;
            continue;
        }
        if !t.word || toks.len() - start >= MAX_SPEAKER_WORDS {
            break;
        }
        let lower = !is_capitalised(w);
        if is_pronoun(w) {
            // A pronoun is a whole noun phrase: "they could not resist".
            return &toks[start - 1..start];
        }
        let class = lex.words.of(w);
        if lower
            && !class.is_determiner()
            && w != "of"
            && (class.is_stop() || class.is_relative() || verb_lemma(w).is_some())
        {
            break;
        }
        // "After the debate Clinton": a capitalised subordinator or
        // preposition opens an adverbial, not the subject.
        if !lower && class.is_stop() && !class.is_determiner() {
            break;
        }
        start -= 1;
        if lower && class.is_determiner() {
            break;
        }
    }
    if start == toks.len() {
        return toks;
    }
    // "a spokesman for Whitlow", "a lawyer for the family": the phrase
    // is headed by the role before the preposition.
    for _ in 0..MAX_OF_PHRASES {
        match role_before_preposition(text, toks, start) {
            Some(first) => start = first,
            None => break,
        }
    }
    &toks[start..]
}

/// How many "role for/of …" links a speaker phrase may chain
/// ("the head of the office of the mayor").
const MAX_OF_PHRASES: usize = 2;
/// How many words may stand between a role's determiner and its
/// preposition ("a senior campaign aide to").
const ROLE_WORDS: usize = 3;

/// When `toks[start]` follows a preposition of a role phrase ("a
/// spokesman for" Whitlow), the index of that phrase's determiner.
fn role_before_preposition(text: &str, toks: &[Tok], start: usize) -> Option<usize> {
    let lex = lexicon();
    let prep = toks.get(start.checked_sub(1)?)?;
    if !matches!(
        prep.text(text),
        "for" | "of" | "to" | "at" | "with" | "from"
    ) {
        return None;
    }
    let mut k = start - 1;
    for _ in 0..ROLE_WORDS {
        let t = toks.get(k.checked_sub(1)?)?;
        let w = t.text(text);
        if t.word && lex.words.is_determiner(w) {
            // at least one word (the role) between determiner and preposition
            return (k < start - 1).then_some(k - 1);
        }
        if !t.word
            || is_capitalised(w)
            || lex.words.is_stop(w)
            || is_verb_like(w, true)
            || is_pronoun(w)
        {
            return None;
        }
        k -= 1;
    }
    None
}

/// True when token `k` is an apostrophe glued to a word in -s before it
/// and a word after it ("Sanders' campaign", "the residents’ group").
fn is_plural_possessive(text: &str, toks: &[Tok], k: usize) -> bool {
    let t = toks[k];
    k > 0
        && !t.word
        && matches!(t.text(text), "'" | "’")
        && toks[k - 1].word
        && toks[k - 1].span.end == t.span.start
        && toks[k - 1].text(text).ends_with(['s', 'S'])
        && toks.get(k + 1).is_some_and(|n| n.word)
}

/// True for a relative pronoun that can stand as a speaker ("Doe, who
/// added that …"): PolNeAR marks it, not its antecedent, as the source.
fn is_relative_pronoun(w: &str) -> bool {
    matches!(w, "who" | "which" | "whom")
}

fn is_pronoun(w: &str) -> bool {
    // No letter outside ASCII lower-cases into these words.
    ["he", "she", "they", "i", "we", "it", "you"]
        .iter()
        .any(|p| w.eq_ignore_ascii_case(p))
}

/// The subject of the verb at `verb`: the clause before it, skipping
/// asides between commas (`Doe, who …, said`, `Doe, a professor, said`).
fn subject_before(text: &str, toks: &[Tok], verb: usize) -> Option<Span> {
    let lex = lexicon();
    // "under what Mr. Hedge called": the name after "what" is the subject.
    let run = toks[..verb]
        .iter()
        .rev()
        .take_while(|t| {
            (!t.word && t.text(text) == ".") || (t.word && is_capitalised(t.text(text)))
        })
        .count()
        .min(MAX_SPEAKER_WORDS);
    let pronoun = verb > 0 && run == 0 && is_pronoun(toks[verb - 1].text(text));
    let len = if pronoun { 1 } else { run };
    if len > 0 && verb > len && toks[verb - len - 1].text(text) == "what" && toks[verb - len].word {
        return span_of(&toks[verb - len..verb]);
    }
    let mut end = verb;
    let mut hops = 0;
    let mut after_relative = false;
    // True while only time adverbials separate the segment from the verb
    // ("which Doe on Friday declared").
    let mut direct = true;
    loop {
        // A parenthesis right before the verb is an aside: "Doe (D-Mo.)".
        if end > 0 && toks[end - 1].text(text) == ")" && hops < MAX_APPOSITIVE_HOPS {
            let from = end.saturating_sub(MAX_PAREN_TOKENS);
            if let Some(open) = (from..end - 1).rev().find(|&k| toks[k].text(text) == "(") {
                hops += 1;
                direct = false;
                end = open;
                continue;
            }
        }
        let start = segment_start(text, toks, end);
        let segment = trim_subject(text, &toks[start..end]);
        // "Doe on Thursday said", "Roe (D-Calif.) last week said": a time
        // adverbial before the verb is not its subject; look before it.
        if hops < MAX_APPOSITIVE_HOPS
            && let Some(at) = adverbial_start(text, &toks[start..end])
        {
            hops += 1;
            end = start + at;
            continue;
        }
        let first = segment.first().map(|t| t.text(text));
        // "…, where she also promised", "as Doe claimed": a subordinate
        // clause right before the verb has its own subject.
        if direct
            && segment.len() > 1
            && first.is_some_and(|w| {
                let class = lex.words.of(w);
                !is_relative_pronoun(w)
                    && !class.is_determiner()
                    && !is_capitalised(w)
                    && (class.is_relative() || class.is_stop())
            })
        {
            let rest = &segment[1..];
            let w = rest[0].text(text);
            if (rest.len() == 1 && is_pronoun(w))
                || rest.iter().all(|t| t.word && is_capitalised(t.text(text)))
            {
                return span_of(rest);
            }
        }
        // "Doe, who added that …" and "Roe, whom he called …": the verb's
        // own subject is the relative pronoun or the name after it.
        if direct && first.is_some_and(is_relative_pronoun) {
            if segment.len() == 1 {
                return Some(segment[0].span);
            }
            let rest = &segment[1..];
            let w = rest[0].text(text);
            if (rest.len() == 1 && is_pronoun(w))
                || rest.iter().all(|t| t.word && is_capitalised(t.text(text)))
            {
                return span_of(rest);
            }
        }
        // An aside: hop back over it when a name-like segment comes before.
        // "Ryan, R-Wis., said": a party and state label is an aside too.
        let party = segment.len() == 1
            && first.is_some_and(|w| {
                let b = w.as_bytes();
                b.len() >= 3 && b[0].is_ascii_uppercase() && b[1] == b'-'
            });
        // ", for example,", ", hoping to surge in Iowa,": a linking
        // adverbial or a participle clause is an aside too.
        // ", for one,", ", in turn,": a linking phrase between commas.
        let linking = start > 0
            && toks[start - 1].text(text) == ","
            && segment.iter().all(|t| {
                let w = t.text(text);
                lex.words.is_preposition(w) || lex.words.is_determiner(w) || is_time_word(w)
            });
        let adverbial = !segment.is_empty()
            && (linking
                || (end < verb
                    && (first.is_some_and(|w| w.ends_with("ing") && !is_capitalised(w))
                        || participle_at(text, &toks[start..end], 0, true)
                        || segment.iter().all(|t| {
                            let w = t.text(text);
                            is_time_word(w) || (lex.words.is_stop(w) && !is_relative_pronoun(w))
                        }))));
        // ", with the White House itself,", ", in a letter to the council,":
        // a phrase that opens with a preposition is no subject.
        let prepositional = first
            .is_some_and(|w| !is_capitalised(w) && lex.words.is_preposition(w))
            && !segment.iter().any(|t| {
                let w = t.text(text);
                is_relative_pronoun(w) || w == "whose" || is_pronoun(w)
            });
        // ", founded in 1990,", "who chairs X and, in May, served on Y,":
        // a segment that opens with a verb continues an aside.
        let verb_first =
            end < verb && first.is_some_and(|w| !is_capitalised(w) && is_verb_like(w, false));
        let aside = segment.is_empty()
            || party
            || prepositional
            || verb_first
            || first.is_some_and(|w| lex.words.is_relative(w) && !is_pronoun(w));
        if (aside || adverbial) && start > 0 && hops < MAX_APPOSITIVE_HOPS {
            let prev_end = start - 1;
            // "Later, a spokesman said" and "Asked about it, a spokesman
            // said": an adverb or "it" is not what an aside describes.
            let prev_name_like = prev_end > 0 && {
                let t = toks[prev_end - 1];
                let w = t.text(text);
                // "That, the board said", "Later, a spokesman said", "Asked
                // about it, a spokesman said": no name an aside describes.
                let class = lex.words.of(w);
                let not_a_name = w.eq_ignore_ascii_case("it")
                    || class.is_determiner()
                    || class.is_stop()
                    || class.is_connective()
                    || class.is_adverb()
                    || is_time_word(w);
                (t.word && (is_capitalised(w) || is_pronoun(w)) && !not_a_name) || w == ")"
            };
            let relative_clause =
                first.is_some_and(|w| matches!(w, "who" | "which" | "whose" | "whom"));
            // "At a meeting in Dover, the chief said": a noun phrase after
            // an opening prepositional phrase is the subject, not an
            // aside describing the name that ends the phrase.
            let after_opening_phrase =
                direct && first.is_some_and(|w| lex.words.is_determiner(w)) && {
                    let from = segment_start(text, toks, prev_end);
                    from == 0
                        && toks[..prev_end]
                            .first()
                            .is_some_and(|t| t.word && lex.words.is_preposition(t.text(text)))
                };
            if after_opening_phrase {
                return span_of(np_tail(text, verb_group_stripped(text, segment)));
            }
            if prev_name_like
                || relative_clause
                || segment.is_empty()
                || adverbial
                || prepositional
                || verb_first
            {
                hops += 1;
                direct = false;
                after_relative |= relative_clause;
                end = prev_end;
                continue;
            }
        }
        if segment.is_empty() {
            return None;
        }
        // "Haines, who trails his challenger, Ann Lee, by a vote, said"
        // and "Doe, a professor at the University of California, Irvine,
        // said": the name continues the aside before it.
        if end < verb && start > 1 && hops < MAX_APPOSITIVE_HOPS {
            let prev_start = segment_start(text, toks, start - 1);
            let prev = trim_subject(text, &toks[prev_start..start - 1]);
            let opens = prev.first().map(|t| t.text(text));
            let in_relative = opens.is_some_and(|w| matches!(w, "who" | "which"));
            let in_appositive =
                segment.len() == 1 && opens.is_some_and(|w| lex.words.is_determiner(w));
            let name = segment
                .iter()
                .all(|t| t.word && is_capitalised(t.text(text)));
            if name && (in_relative || in_appositive) && prev_start > 0 {
                hops += 1;
                after_relative |= in_relative;
                end = prev_start - 1;
                continue;
            }
        }
        // "The talks frustrated India, which said …": the relative word
        // stands for the name right before it, not the whole clause.
        if after_relative && segment.last().is_some_and(|t| is_capitalised(t.text(text))) {
            let run = segment
                .iter()
                .rev()
                .take_while(|t| t.word && is_capitalised(t.text(text)))
                .count()
                .min(MAX_SPEAKER_WORDS);
            return span_of(&segment[segment.len() - run..]);
        }
        // "An official speaking to the Gazette said": a participle
        // phrase after the subject is no part of it.
        // "Trump and Ryan issued a statement …": a verb inside the
        // segment ends its subject too.
        // A past form only when a common noun, not a name, ends the
        // segment ("Doe tweeted after Roe argued"); never when a
        // pronoun does ("Doe was talking when he told").
        let last = segment.last().map_or("", |t| t.text(text));
        // "a spymaster who wrote": PolNeAR marks the relative pronoun.
        if direct && segment.len() > 1 && is_relative_pronoun(last) && last != "whom" {
            return segment.last().map(|t| t.span);
        }
        let open = end == verb && hops == 0 && !is_pronoun(last) && !lex.words.is_relative(last);
        let past = !is_capitalised(last);
        let cut = (1..segment.len()).find(|&p| open && participle_at(text, segment, p, past));
        let segment = match cut {
            Some(p)
                if segment[p - 1].word && {
                    let w = segment[p - 1].text(text);
                    !is_pronoun(w) && !lex.words.is_stop(w) && !lex.words.is_connective(w)
                } =>
            {
                &segment[..p]
            }
            _ => segment,
        };
        return span_of(np_tail(text, verb_group_stripped(text, segment)));
    }
}

/// True when the verb form at token `k` follows an article or a
/// possessive, so it is a noun or an adjective ("a screaming crowd",
/// "the remarks", "Doe's remarks").
fn noun_use(text: &str, toks: &[Tok], k: usize) -> bool {
    k.checked_sub(1).is_some_and(|p| {
        let w = toks[p].text(text);
        let lex = lexicon();
        // "Doe's remarks", not "he's said".
        let possessive = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .is_some_and(|stem| {
                !(is_pronoun(stem)
                    || lex.words.is_relative(stem)
                    || lex.words.is_stop(stem)
                    || lex.words.is_connective(stem)
                    || lex.words.is_determiner(stem))
            });
        toks[p].word && (lex.words.is_article(w) || possessive)
    })
}

/// Past participles that do not end in -ed.
const IRREGULAR_PARTICIPLES: &[&str] = &[
    "sent", "known", "made", "born", "held", "led", "built", "written", "given", "taken", "seen",
];

/// True when token `p` of `toks` opens a participle phrase: a lowercase
/// word in -ing or, with `past`, a past participle, followed by a
/// preposition or determiner ("speaking to the …", "sent to …").
fn participle_at(text: &str, toks: &[Tok], p: usize, past: bool) -> bool {
    let lex = lexicon();
    let Some(t) = toks.get(p) else {
        return false;
    };
    let w = t.text(text);
    let shape = (w.len() > 4 && w.ends_with("ing"))
        || (past && ((w.len() > 4 && w.ends_with("ed")) || IRREGULAR_PARTICIPLES.contains(&w)));
    if !t.word || is_capitalised(w) || !shape {
        return false;
    }
    toks.get(p + 1).is_some_and(|n| {
        let n = n.text(text);
        lex.words.is_stop(n) || lex.words.is_preposition(n) || lex.words.is_determiner(n)
    })
}

/// `segment` without a verb group that ends it and leads to the cue:
/// "Doe declined to (say)", "the mayor would not (say)". At most
/// [`VERB_GROUP_WORDS`] words go, and some words always stay.
fn verb_group_stripped<'t>(text: &str, segment: &'t [Tok]) -> &'t [Tok] {
    let lex = lexicon();
    let opens_group = |t: &Tok| {
        let w = t.text(text);
        matches!(w, "to" | "not" | "never") || lex.words.is_auxiliary(w)
    };
    if !segment.last().is_some_and(opens_group) {
        return segment;
    }
    let mut end = segment.len();
    let mut verb = false;
    while end > 1 && segment.len() - end < VERB_GROUP_WORDS {
        let t = &segment[end - 1];
        let w = t.text(text);
        // An auxiliary is verb-like too.
        let verb_like = is_verb_like(w, false);
        if !t.word || is_capitalised(w) || !(opens_group(t) || verb_like) {
            break;
        }
        verb |= verb_like;
        end -= 1;
    }
    if !verb {
        return purpose_clause_stripped(text, segment);
    }
    &segment[..end]
}

/// `Doe took to Twitter overnight to (accuse)`: a clause that ends in an
/// infinitive's "to" after an object is no subject; a capitalised name
/// that opens it, followed by a lowercase verb, is.
fn purpose_clause_stripped<'t>(text: &str, segment: &'t [Tok]) -> &'t [Tok] {
    let lex = lexicon();
    if segment.last().is_none_or(|t| t.text(text) != "to") {
        return segment;
    }
    let run = segment
        .iter()
        .take_while(|t| !t.word || is_capitalised(t.text(text)))
        .count();
    let next = segment.get(run).map_or("", |t| t.text(text));
    let verb = run > 0
        && run + 1 < segment.len()
        && segment[run].word
        && !is_capitalised(next)
        && !lex.words.is_stop(next)
        && !lex.words.is_preposition(next)
        && !lex.words.is_determiner(next)
        && !lex.words.is_adverb(next)
        && next != "of";
    if verb { &segment[..run] } else { segment }
}

/// Where the segment that ends at token `end` starts: after the last
/// comma, colon, parenthesis, quotation mark, dash or "that" before it.
fn segment_start(text: &str, toks: &[Tok], end: usize) -> usize {
    let mut start = end;
    while start > 0 {
        let t = toks[start - 1];
        let w = t.text(text);
        let boundary = (!t.word
            && (matches!(w, "," | ";" | ":" | "(" | ")" | "\"" | "“" | "”") || is_dash(w)))
            || (t.word && w == "that");
        if boundary {
            break;
        }
        start -= 1;
    }
    start
}

/// True for a word of a time adverbial: "Thursday", "week", "2015".
fn is_time_word(w: &str) -> bool {
    lexicon().words.is_time(w)
        || crate::segment::is_calendar_word(w)
        || (!w.is_empty() && w.chars().all(|c| c.is_ascii_digit()))
}

/// Where a time adverbial closing `toks` starts ("on Thursday", "last
/// week", "this month"), when words remain before it or it is all there
/// is. `None` when `toks` does not end in one.
fn adverbial_start(text: &str, toks: &[Tok]) -> Option<usize> {
    let lex = lexicon();
    let mut at = toks.len();
    // A capitalised time word other than a calendar name is a name's
    // ("The Times", "Financial Times").
    let time =
        |w: &str| is_time_word(w) && (!is_capitalised(w) || crate::segment::is_calendar_word(w));
    while at > 0 && toks[at - 1].word && time(toks[at - 1].text(text)) {
        at -= 1;
    }
    if at == toks.len() {
        return None;
    }
    let run = at;
    // The words that open it: "on", "last", "this", "early".
    while at > 0 && toks[at - 1].word && {
        let w = toks[at - 1].text(text);
        (lex.words.is_stop(w) && !is_relative_pronoun(w)) || lex.words.is_time(w)
    } {
        at -= 1;
    }
    // A lone calendar word may be a name ("Jun", "May").
    let lone = at == run
        && toks[run..]
            .iter()
            .all(|t| crate::segment::is_calendar_word(t.text(text)));
    (!lone).then_some(at)
}

/// The noun phrase that opens a clause: the subject of a participle
/// ("Trump tweeted on Friday, saying …" → "Trump").
fn subject_first(text: &str, toks: &[Tok]) -> Option<Span> {
    let lex = lexicon();
    let mut toks = toks;
    // A dateline: "DOVER — The mayor …".
    let caps = toks
        .iter()
        .take_while(|t| {
            let w = t.text(text);
            t.word && w.len() > 1 && w.chars().all(|c| !c.is_lowercase())
        })
        .count();
    if caps > 0 && toks.get(caps).is_some_and(|t| is_dash(t.text(text))) {
        toks = &toks[caps + 1..];
    }
    while let Some(f) = toks.first() {
        if !f.word || lex.words.is_connective(f.text(text)) {
            toks = &toks[1..];
        } else {
            break;
        }
    }
    // "In Ohio on Friday, Doe said": an opening adverbial phrase or
    // participle clause ends at its comma; the subject follows it.
    // Several may follow each other ("At a rally in Ohio, on Friday,").
    for hop in 0..MAX_APPOSITIVE_HOPS {
        let opener = toks.first()?.text(text);
        // "Speaking in Ohio,", "Asked about it,": a participle opener.
        let lower = opener.to_lowercase();
        let participle = is_capitalised(opener)
            && (opener.ends_with("ing")
                || opener.ends_with("ed")
                || IRREGULAR_PARTICIPLES.contains(&lower.as_str()));
        let comma = toks
            .iter()
            .take(MAX_SUBJECT_TOKENS)
            .position(|t| !t.word && t.text(text) == ",");
        // "Hours later,", "Two years earlier,": a time phrase.
        let time_phrase = comma.is_some_and(|c| {
            (1..=TIME_PHRASE_WORDS).contains(&c)
                && toks[..c].iter().any(|t| is_time_word(t.text(text)))
                && toks[..c].iter().all(|t| {
                    let w = t.text(text);
                    t.word
                        && (is_time_word(w) || lex.words.is_stop(w) || lex.words.is_determiner(w))
                })
        });
        let adverbial = (lex.words.is_stop(opener) && !lex.words.is_determiner(opener))
            || lex.words.is_preposition(opener)
            || participle
            || time_phrase;
        // After the first, only a phrase that opens with a preposition.
        if !adverbial || (hop > 0 && is_capitalised(opener) && !time_phrase) {
            break;
        }
        let Some(comma) = comma else {
            // "On Monday they published", "Last week the group said": a
            // time phrase without its comma, before a subject.
            let run = toks
                .iter()
                .take(TIME_PHRASE_WORDS)
                .take_while(|t| {
                    let w = t.text(text);
                    t.word && (is_time_word(w) || lex.words.is_stop(w))
                })
                .count();
            let timed = toks[..run].iter().any(|t| is_time_word(t.text(text)));
            if timed && toks.get(run).is_some_and(|t| t.word) {
                toks = &toks[run..];
            }
            break;
        };
        toks = &toks[comma + 1..];
    }
    let w = toks.first()?.text(text);
    // A preposition opens no subject, nor does a conjunction before a
    // participle ("After saying …", "While insisting …").
    let before_participle = toks.get(1).is_some_and(|t| {
        let n = t.text(text);
        t.word && n.ends_with("ing") && !is_capitalised(n)
    });
    if lex.words.is_preposition(w)
        || ((before_participle || toks.len() == 1)
            && lex.words.is_stop(w)
            && !lex.words.is_determiner(w))
    {
        return None;
    }
    // "When he returned he began …": a conjunction opening a clause
    // without its comma; its own subject comes next.
    if lex.words.is_opener(w) && toks.get(1).is_some_and(|t| t.word) {
        let next = toks[1].text(text);
        if is_pronoun(next) || is_capitalised(next) {
            return subject_first(text, &toks[1..]);
        }
    }
    // "The ad uses …": an article before a lowercase noun opens a
    // descriptive phrase, not a name.
    let described = lex.words.is_determiner(w)
        && toks
            .get(1)
            .is_some_and(|t| t.word && !is_capitalised(t.text(text)));
    let len = if is_pronoun(w) {
        1
    } else if is_capitalised(w) && !described {
        // A capitalised run, through a role in lower case ("Russian
        // diplomatic spokeswoman Maria Zakharova"), cut after its last
        // capitalised word or role word.
        let mut kept = 0;
        for (i, t) in toks.iter().enumerate().take(MAX_SPEAKER_WORDS) {
            let w = t.text(text);
            let is_role = |t: &Tok| t.word && crate::entity::is_role_word(t.text(text));
            if !t.word {
                // A possessive goes on: "Doctors’ union spokesperson …".
                if matches!(w, "’" | "'") && i > 0 {
                    continue;
                }
                break;
            } else if is_capitalised(w) || is_role(t) {
                kept = i + 1;
            } else {
                // "Republican presidential front-runner Donald Trump": a
                // modifier before more of the name.
                let modifier = !is_verb_like(w, false)
                    && !lex.words.is_stop(w)
                    && !lex.words.is_determiner(w)
                    && toks[i + 1..]
                        .iter()
                        .take(2)
                        .any(|t| t.word && is_capitalised(t.text(text)));
                if w != "of" && !toks[i..].iter().take(2).any(is_role) && !modifier {
                    break;
                }
            }
        }
        kept
    } else if lex.words.is_determiner(w) {
        // "the group released a report": the phrase ends at its verb.
        1 + toks[1..]
            .iter()
            .enumerate()
            .take_while(|&(k, t)| {
                let w = t.text(text);
                // A word right after a preposition is its object, no verb
                // ("a group of rabbis").
                let object =
                    lex.words.is_preposition(toks[k].text(text)) || toks[k].text(text) == "of";
                t.word
                    && verb_lemma(w).is_none()
                    && !lex.words.is_determiner(w)
                    && !lex.words.is_adverb(w)
                    && !(k > 0 && !object && is_verb_like(w, false))
            })
            .count()
            .min(3)
    } else {
        return None;
    };
    span_of(&toks[..len.min(toks.len()).min(MAX_SPEAKER_WORDS)])
}

/// What an attribution pattern found.
#[derive(Clone, Debug, Default)]
struct Found {
    speaker: Option<Span>,
    cue: Option<(Span, String)>,
    via: Option<Span>,
    addressee: Option<Span>,
    pattern: &'static str,
    confidence: f32,
}

/// `according to X` anywhere in `toks` from `from`: the span of X.
fn according_to(text: &str, toks: &[Tok], from: usize) -> Option<Span> {
    (from..toks.len()).find_map(|i| {
        let c = cue_at(text, toks, i)?;
        (c.role == PhraseRole::SourceAfter).then(|| np_after(text, &toks[c.end..]))?
    })
}

fn cue_span(toks: &[Tok], c: &FoundCue) -> Span {
    Span::new(toks[c.first].span.start, toks[c.end - 1].span.end)
}

/// The addressee after a `tell` verb: up to "that" or punctuation.
fn addressee_after(text: &str, toks: &[Tok], c: &FoundCue) -> Option<Span> {
    if c.role != PhraseRole::Addressee {
        return None;
    }
    // "told reporters" as a phrase: the last word is the addressee.
    if c.end - c.first > 1 {
        return Some(toks[c.end - 1].span);
    }
    np_after(text, &toks[c.end..])
}

/// Patterns after the quotation.
///
/// `toks` is scratch space for the window's tokens.
fn after(text: &str, quote: &Quote, window: Span, toks: &mut Vec<Tok>) -> Option<Found> {
    tokens_to_sentence_end_into(text, window, toks);
    let toks = &toks[..];
    let first = *toks.first()?;
    let first_text = first.text(text);
    let content = quote.content.text(text).trim_end();
    if !first.word && is_dash(first_text) {
        if !toks
            .get(1)
            .is_some_and(|t| t.word && is_capitalised(t.text(text)))
        {
            return None;
        }
        let speaker = np_after(text, &toks[1..])?;
        return Some(Found {
            speaker: Some(speaker),
            cue: Some((first.span, "—".to_owned())),
            pattern: "dash-name",
            confidence: 0.75,
            ..Found::default()
        });
    }
    // A quotation closed by a full stop ends its sentence, unless the
    // next word is lowercase ("… ." he said).
    if content.ends_with('.') && (!first.word || is_capitalised(first_text)) {
        // …unless the next sentence is nothing but the attribution:
        // `"… missing." Trump said.`
        if !first.word || !is_short_attribution(text, toks) {
            return None;
        }
    }
    let start = usize::from(!first.word && first_text == ",");
    // A quotation embedded in its clause ("was "a mistake" to use …")
    // takes a cue after it only when the cue follows at once.
    let embedded = content.ends_with(char::is_alphanumeric) && first.word;
    let reach = if embedded { 3 } else { MAX_SUBJECT_TOKENS };
    let limit = toks.len().min(start + MAX_SUBJECT_TOKENS);
    let mut k = start;
    while k < limit {
        if let Some(c) = cue_at(text, toks, k) {
            // Far from an embedded quotation, only a closing `, Name
            // said.` attributes it.
            if k >= start + reach {
                let inverted = toks[c.first - 1].text(text) == ",";
                // "… income, he said, rather than …": an attribution set off
                // by commas.
                let parenthetical = toks.get(c.end).is_some_and(|t| t.text(text) == ",")
                    && toks[start..c.first]
                        .iter()
                        .rposition(|t| t.text(text) == ",")
                        .is_some_and(|p| {
                            let subject = &toks[start + p + 1..c.first];
                            (1..=HEADLINE_NAME_WORDS).contains(&subject.len())
                                && subject.iter().all(|t| {
                                    let w = t.text(text);
                                    t.word && (is_capitalised(w) || is_pronoun(w))
                                })
                        });
                let closing = (inverted || parenthetical || toks.len() - c.end <= TAIL_TOKENS)
                    && toks[start..c.first]
                        .iter()
                        .any(|t| !t.word && t.text(text) == ",");
                if !closing {
                    k += 1;
                    continue;
                }
            }
            if c.role == PhraseRole::SourceAfter {
                let speaker = np_after(text, &toks[c.end..])?;
                return Some(Found {
                    speaker: Some(speaker),
                    cue: Some((cue_span(toks, &c), c.lemma.to_owned())),
                    pattern: "quote-according-to",
                    confidence: 0.8,
                    ..Found::default()
                });
            }
            let lead = trim_subject(text, &toks[start..c.first]);
            // `"…," saying the city …` and `"…" but described …`: a
            // participle or a coordinated verb continues the clause
            // around the quotation; it does not attribute it.
            let word = toks[c.first].text(text);
            let joined =
                c.first > start && matches!(toks[c.first - 1].text(text), "and" | "but" | "or");
            if lead.is_empty() && (joined || (c.end - c.first == 1 && word.ends_with("ing"))) {
                return None;
            }
            // `"…," to describe …`: a purpose clause, no attribution.
            if lead.len() == 1 && lead[0].text(text) == "to" {
                return None;
            }
            // `("…"), but the board said …`: a new clause after a
            // conjunction has its own content.
            let opens_clause = toks[start..c.first]
                .iter()
                .find(|t| t.word)
                .is_some_and(|t| lexicon().words.is_opener(t.text(text)));
            // …unless a closing `, he said.` or `, said Doe` ends it: the
            // quotation's content ran on (`"…" because …, he said.`).
            let inverted = c.first > start && toks[c.first - 1].text(text) == ",";
            let closing = toks[start..c.first]
                .iter()
                .any(|t| !t.word && t.text(text) == ",")
                && (toks.len() - c.end <= TAIL_TOKENS
                    || (inverted
                        && toks
                            .get(c.end)
                            .is_some_and(|t| t.word && is_capitalised(t.text(text)))));
            let subordinate = toks[start..c.first]
                .iter()
                .find(|t| t.word)
                .is_some_and(|t| !matches!(t.text(text), "but" | "and" | "while" | "whereas"));
            if opens_clause && !(subordinate && closing) {
                return None;
            }
            // `"…" about the plan, said Jane Doe`: the content runs on
            // after the mark and an inverted `, said Name` closes it.
            let runs_on = lead.first().is_some_and(|t| {
                let w = t.text(text);
                t.word && !is_capitalised(w) && !is_pronoun(w) && !is_relative_pronoun(w)
            });
            let inverted_name = (runs_on
                && c.role == PhraseRole::Verb
                && c.first > start
                && toks[c.first - 1].text(text) == ",")
                .then(|| np_after(text, &toks[c.end..]))
                .flatten()
                .filter(|np| {
                    let head = tokens(text, *np);
                    head.first().is_some_and(|h| {
                        let w = h.text(text);
                        (is_capitalised(w) || lexicon().words.is_determiner(w))
                            && !head.iter().any(|t| is_time_word(t.text(text)))
                    })
                });
            let (speaker, pattern) = if lead.is_empty() {
                (np_after(text, &toks[c.end..]), "quote-said-name")
            } else if let Some(np) = inverted_name {
                (Some(np), "quote-runs-on-said-name")
            } else {
                // `"…," Name, a professor at X, said` and `"…" for
                // a reason, she said`: the subject before the verb,
                // skipping asides.
                let aside = toks[start..c.first]
                    .iter()
                    .any(|t| !t.word && t.text(text) == ",");
                (
                    subject_before(text, &toks[start..], c.first - start),
                    if aside {
                        "quote-name-aside-said"
                    } else {
                        "quote-name-said"
                    },
                )
            };
            let speaker = speaker?;
            let via = according_to(text, toks, c.end);
            return Some(Found {
                speaker: Some(speaker),
                addressee: addressee_after(text, toks, &c),
                cue: Some((cue_span(toks, &c), c.lemma.to_owned())),
                via,
                pattern,
                confidence: 0.9,
            });
        }
        k += 1;
    }
    None
}

/// A title-case headline `Jane Doe Calls the Plan 'a Disaster'`: the
/// capitalised words before a reporting verb (or a verb in -s) are the
/// speaker, that verb the cue.
fn headline_verb(text: &str, toks: &[Tok], words_after: bool) -> Option<Found> {
    let limit = toks.len().min(HEADLINE_NAME_WORDS + 1);
    let reporting = |k: usize| verb_lemma(&toks[k].text(text).to_lowercase()).is_some();
    let in_s = |k: usize| {
        let w = toks[k].text(text);
        // Not a possessive ("Trump’s") nor a determiner ("This").
        w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("’s")
            && !w.ends_with("'s")
            && !lexicon().words.is_determiner(w)
    };
    // A word in -s right before a verb ends a name ("Bernie Sanders Pins").
    let k = (1..limit).find(|&k| {
        is_capitalised(toks[k].text(text))
            && (reporting(k)
                || (in_s(k) && !(k + 1 < toks.len() && (reporting(k + 1) || in_s(k + 1)))))
    })?;
    // A plural group noun is the subject, and the verb follows it
    // ("Black Lawmakers Rip …", "Parents Rally …").
    let k = if !reporting(k)
        && crate::entity::is_group_word(toks[k].text(text))
        && toks
            .get(k + 1)
            .is_some_and(|t| t.word && is_capitalised(t.text(text)))
    {
        k + 1
    } else {
        k
    };
    // A reporting verb may end the line before the quotation; a word in
    // -s needs words after it ("The Harbour Times 'Still Open'" has none),
    // before or after the quotation ("Doe Sees 'Insult' if Voters Stay
    // Home").
    let trailing = reporting(k) || k + 1 < toks.len() || words_after;
    // Title case throughout, with words after the verb: a headline.
    let title = |t: &Tok| {
        let w = t.text(text);
        !t.word || is_capitalised(w) || w.len() <= 3 || w.starts_with(char::is_numeric)
    };
    if !toks[..k]
        .iter()
        .all(|t| t.word && is_capitalised(t.text(text)))
        || !trailing
        || !toks.iter().all(title)
    {
        return None;
    }
    let lemma = verb_lemma(&toks[k].text(text).to_lowercase())
        .map_or_else(|| toks[k].text(text).to_lowercase(), str::to_owned);
    Some(Found {
        speaker: span_of(&toks[..k]),
        cue: Some((toks[k].span, lemma)),
        pattern: "headline-verb",
        confidence: 0.5,
        ..Found::default()
    })
}

/// How many tokens a sentence made only of an attribution may have
/// (`Jane Doe said Friday.`).
/// How much of a sentence's end [`headline_tail`] reads: more than a
/// name, its verb and an addressee take.
const TAIL_ATTRIBUTION_BYTES: usize = 400;

/// A sentence or headline that ends in its attribution, after a comma:
/// "Plan Is ‘Dead,’ Will Be Rewritten, Mayor Jane Doe Says." The
/// quotations inside it are the named speaker's. `line` is the sentence.
fn headline_tail(text: &str, line: Span) -> Option<Found> {
    // The attribution is a few words at the end: read only those.
    let from = ceil_boundary(text, line.end.saturating_sub(TAIL_ATTRIBUTION_BYTES)).max(line.start);
    let window = Span::new(from.min(line.end), line.end);
    // A comma is always a token of its own, and the tokens after it are
    // those of the rest of the window: only that rest is cut into tokens.
    let comma = window.start + window.text(text).rfind(',')?;
    let toks = tokens(text, Span::new(comma + 1, line.end));
    let mut tail = &toks[..];
    // A closing mark after the comma: `…, this is it,” Lee said.`
    while tail.first().is_some_and(|t| !t.word) {
        tail = &tail[1..];
    }
    // The name, then its verb, then perhaps an addressee ("…, Howard
    // Dean Tells Convention").
    let (k, lemma) = (1..tail.len().min(HEADLINE_NAME_WORDS + 3)).find_map(|k| {
        let lemma = verb_lemma(&tail[k].text(text).to_lowercase());
        lemma.filter(|_| tail[k].word).map(|l| (k, l))
    })?;
    let verb = tail[k];
    let name = &tail[..k];
    let rest_ok = tail[k + 1..].iter().all(|t| {
        let w = t.text(text);
        !t.word || is_capitalised(w) || lexicon().words.is_stop(w) || w.len() <= 3
    });
    let named = rest_ok
        && tail[k + 1..].iter().filter(|t| t.word).count() <= HEADLINE_NAME_WORDS
        && name.iter().all(|t| !t.word || is_capitalised(t.text(text)))
        && name.first().is_some_and(|t| t.word);
    named.then(|| Found {
        speaker: span_of(name),
        cue: Some((verb.span, lemma.to_owned())),
        pattern: "headline-tail",
        confidence: 0.5,
        ..Found::default()
    })
}

const SHORT_ATTRIBUTION_TOKENS: usize = 5;

/// True when `toks` (cut at the sentence end) is a whole short sentence
/// made of a capitalised name or pronoun and a reporting verb, in either
/// order, with at most one word after the verb.
fn is_short_attribution(text: &str, toks: &[Tok]) -> bool {
    let Some(last) = toks.last() else {
        return false;
    };
    let ends = text
        .get(last.span.end..)
        .is_some_and(|rest| rest.trim_start().starts_with(['.', '!']));
    if toks.len() > SHORT_ATTRIBUTION_TOKENS || !ends || !toks.iter().all(|t| t.word) {
        return false;
    }
    (1..toks.len()).any(|k| {
        cue_at(text, toks, k).is_some_and(|c| {
            c.role != PhraseRole::SourceAfter
                && toks.len() - c.end <= 1
                && toks[..k].iter().all(|t| {
                    let w = t.text(text);
                    is_capitalised(w) || is_pronoun(w)
                })
        })
    })
}

/// Reported speech without marks: `Doe said (that) …`, `Doe told
/// reporters that …`, `According to Doe, …` and `…, Doe said.` Returns
/// the content and the attribution.
///
/// `toks` is scratch space for the sentence's tokens.
fn indirect(text: &str, sentence: Span, toks: &mut Vec<Tok>) -> Option<(Span, Found)> {
    // A "sentence" longer than any real one (a run of dots, a table) is
    // not read for reported speech, so memory stays small.
    if sentence.len() > MAX_INDIRECT_SENTENCE_BYTES {
        return None;
    }
    // Every pattern below needs a cue in the sentence or at its end; most
    // sentences have none, which shows without cutting them into tokens.
    let closing_start = closing_window(text, sentence).start;
    if !lexicon().may_hold_cue(sentence.text(text), closing_start - sentence.start) {
        return None;
    }
    tokens_into(text, sentence, toks);
    let toks = &toks[..];
    let end_tok = toks.iter().rposition(|t| t.word)?;
    let content_end = toks[end_tok].span.end;
    // According to Doe, …
    if let Some(c) = cue_at(text, toks, 0)
        && c.role == PhraseRole::SourceAfter
    {
        let mut speaker = np_after(text, &toks[c.end..])?;
        let mut comma = toks[c.end..].iter().position(|t| t.text(text) == ",")? + c.end;
        // "According to a spokeswoman for the agency, Lena Cho, …": the
        // name in apposition belongs to the source.
        let run = toks[comma + 1..]
            .iter()
            .take_while(|t| t.word && is_capitalised(t.text(text)))
            .count();
        if (1..=HEADLINE_NAME_WORDS).contains(&run)
            && toks
                .get(comma + 1 + run)
                .is_some_and(|t| t.text(text) == ",")
            && toks
                .get(comma + 2 + run)
                .is_some_and(|t| !is_capitalised(t.text(text)))
        {
            speaker = Span::new(speaker.start, toks[comma + run].span.end);
            comma += run + 1;
        }
        let content_start = toks.get(comma + 1)?.span.start;
        if content_start >= content_end {
            return None;
        }
        let content = Span::new(content_start, content_end);
        return Some((
            content,
            Found {
                speaker: Some(speaker),
                cue: Some((cue_span(toks, &c), c.lemma.to_owned())),
                pattern: "indirect-according-to",
                confidence: 0.6,
                ..Found::default()
            },
        ));
    }
    // …, Doe said.
    // A sentence no longer than the closing window is that window: its
    // tokens serve as they are.
    let window = closing_window(text, sentence);
    let cut;
    let closing = if window == sentence {
        toks
    } else {
        cut = sub_tokens(text, toks, window);
        &cut[..]
    };
    // When the closing pattern names no speaker, the patterns below
    // still get their turn.
    if let Some(f) = closing_attribution_in(text, closing)
        && let Some(speaker) = f.speaker
        && let Some(comma) = toks
            .iter()
            .rposition(|t| t.span.end <= speaker.start && t.text(text) == ",")
    {
        // "A city spokesman, Ken Moore, spoke first": a short noun phrase
        // in apposition is no reported clause.
        let words = &lexicon().words;
        let noun_phrase = comma <= APPOSITIVE_MAX_WORDS
            && words.is_determiner(toks[0].text(text))
            && !toks[1..comma]
                .iter()
                .any(|t| is_verb_like(t.text(text), false));
        if comma >= 3 && !noun_phrase {
            let content = Span::new(toks[0].span.start, toks[comma - 1].span.end);
            return Some((
                content,
                Found {
                    pattern: "indirect-closing-said",
                    ..f
                },
            ));
        }
    }
    // Doe said (that) …; a cue inside an aside ("Doe, who spoke on
    // condition of anonymity, said …") gives way to the next one.
    let limit = toks.len().min(MAX_SUBJECT_TOKENS);
    let mut prev_end: Option<usize> = None;
    for c in (1..limit)
        .filter_map(|i| cue_at(text, toks, i))
        .take(MAX_INDIRECT_CUES)
    {
        // A later cue only after the aside that held the earlier one
        // closed with a comma.
        if let Some(end) = prev_end {
            if c.first < end {
                continue;
            }
            if !toks[end..c.first].iter().any(|t| t.text(text) == ",") {
                return None;
            }
        }
        if let Some(found) = indirect_with_cue(text, toks, &c, end_tok, content_end) {
            return Some(found);
        }
        prev_end = Some(c.end);
    }
    None
}

/// How many words a noun phrase in apposition before a name may have
/// ("A White House spokesman, Ken Moore, …").
const APPOSITIVE_MAX_WORDS: usize = 5;
/// How many words an opening time phrase may have ("Two years earlier,").
const TIME_PHRASE_WORDS: usize = 4;
/// The longest sentence [`indirect`] reads for reported speech.
const MAX_INDIRECT_SENTENCE_BYTES: usize = 4096;
/// How many cues of one sentence [`indirect`] tries.
const MAX_INDIRECT_CUES: usize = 3;
/// How many tokens a channel phrase after a cue may span before its
/// "that" ("through a spokesman for the campaign that …").
const CHANNEL_PHRASE_TOKENS: usize = 8;

/// `Doe said (that) …` with the cue `c`: the content after the cue and
/// its subject, when both are there.
fn indirect_with_cue(
    text: &str,
    toks: &[Tok],
    c: &FoundCue,
    end_tok: usize,
    content_end: usize,
) -> Option<(Span, Found)> {
    // "The reason for this is …": a noun after an article is no cue for
    // a clause of its own ("His remarks showed …" is: "His" is the source).
    let after_article = c.first.checked_sub(1).is_some_and(|k| {
        matches!(
            toks[k].text(text).to_ascii_lowercase().as_str(),
            "the" | "a" | "an"
        )
    });
    if c.role == PhraseRole::SourceAfter || c.first == 0 || after_article {
        return None;
    }
    let subject = speaker_of_cue(text, toks, c)?;
    // Only the subject's first token, and whether another follows, are
    // read: its first two tokens, as [`tokens`] would cut them.
    let body = subject.text(text);
    let (head_start, head_end, _) = next_token(body, 0)?;
    let head = &body[head_start..head_end];
    let one_word = next_token(body, head_end).is_none();
    let words = &lexicon().words;
    if !(is_capitalised(head)
        || is_pronoun(head)
        || is_relative_pronoun(head)
        || words.is_determiner(head))
    {
        return None;
    }
    // A subject that is only a determiner ("The", "His") or a function
    // word ("Although") names nobody.
    if one_word
        && !is_pronoun(head)
        && !is_relative_pronoun(head)
        && !matches!(
            head.to_ascii_lowercase().as_str(),
            "his" | "her" | "their" | "its"
        )
        && (words.is_determiner(head)
            || words.is_stop(head)
            || words.is_connective(head)
            || words.is_opener(head))
    {
        return None;
    }
    let mut k = c.end;
    let addressee = addressee_after(text, toks, c);
    if let Some(a) = addressee {
        while k < toks.len() && toks[k].span.start < a.end {
            k += 1;
        }
    }
    let mut that = false;
    while k < toks.len() && (!toks[k].word || toks[k].text(text) == "that") {
        that |= toks[k].text(text) == "that";
        k += 1;
    }
    // Without "that", the reported clause must open with its own subject
    // ("said it wanted …"), not an adverb or preposition ("spoke briefly").
    let mut opener = toks.get(k).map_or("", |t| t.text(text));
    // "explained through a spokesman that …", "announced via Twitter
    // that …": the channel is no content; a "that" after it opens the
    // clause. Without one the phrase only names the channel ("…, the
    // minister told reporters through an interpreter"), and the content,
    // if any, is elsewhere.
    if !that && words.is_channel(opener) {
        let that_at = toks[k..]
            .iter()
            .take(CHANNEL_PHRASE_TOKENS)
            .position(|t| t.text(text) == "that")?;
        k += that_at + 1;
        that = true;
        opener = toks.get(k).map_or("", |t| t.text(text));
    }
    let clause = !(opener.ends_with("ly") || words.is_stop(opener) || words.is_adverb(opener));
    if !that && !clause {
        return None;
    }
    if end_tok < k + 2 {
        return None;
    }
    // "…, according to his spokeswoman": the medium, not the content.
    let mut content_end = content_end;
    let mut via = None;
    if let Some(comma) = (k + 2..=end_tok).find(|&j| {
        toks[j].text(text) == ","
            && cue_at(text, toks, j + 1).is_some_and(|a| a.role == PhraseRole::SourceAfter)
    }) {
        via = according_to(text, toks, comma + 1);
        content_end = toks[comma - 1].span.end;
    }
    // "Doe, who said she would run, declined to comment": the reported
    // clause of a relative clause set off by commas ends at the comma
    // before the main clause's verb.
    let in_relative_clause = is_relative_pronoun(head)
        && toks[..c.first]
            .iter()
            .rposition(|t| t.span == subject)
            .is_some_and(|r| r > 0 && toks[r - 1].text(text) == ",");
    if in_relative_clause
        && let Some(j) = (k + 1..end_tok).find(|&j| {
            toks[j].text(text) == ","
                && toks[j + 1].word
                && toks[j + 1].span.end <= content_end
                && is_verb_like(toks[j + 1].text(text), false)
        })
    {
        content_end = content_end.min(toks[j - 1].span.end);
    }
    let content = Span::new(toks[k].span.start, content_end);
    Some((
        content,
        Found {
            speaker: Some(subject),
            addressee,
            cue: Some((cue_span(toks, c), c.lemma.to_owned())),
            via,
            pattern: "indirect-name-said",
            confidence: 0.6,
        },
    ))
}

/// "Doe, who said the plan was vetted, said he knew nothing of it": when
/// `first` was reported in a relative clause that ends at a comma before
/// a reporting verb, that verb's own reported clause, spoken by the same
/// relative pronoun's antecedent. `toks` are the sentence's tokens.
fn main_clause_after_relative(
    text: &str,
    toks: &[Tok],
    content: Span,
    first: &Found,
) -> Option<(Span, Found)> {
    let speaker = first.speaker?;
    if first.pattern != "indirect-name-said" || !is_relative_pronoun(speaker.text(text)) {
        return None;
    }
    let comma = toks
        .iter()
        .position(|t| t.span.start >= content.end && !t.word)
        .filter(|&j| toks[j].text(text) == ",")?;
    let c = cue_at(text, toks, comma + 1)?;
    if c.first != comma + 1 || c.role == PhraseRole::SourceAfter {
        return None;
    }
    let end_tok = toks.iter().rposition(|t| t.word)?;
    let content_end = toks[end_tok].span.end;
    let (content, found) = indirect_with_cue(text, toks, &c, end_tok, content_end)?;
    Some((
        content,
        Found {
            speaker: Some(speaker),
            ..found
        },
    ))
}

/// The speaker of the cue `c`: the clause's opening subject for a
/// participle (`Doe spoke on Friday, saying …`) or a coordinated verb
/// (`Doe spoke in Ohio and said …`), else the subject right before it.
fn speaker_of_cue(text: &str, toks: &[Tok], c: &FoundCue) -> Option<Span> {
    // "…, going on to say that …": the participle that governs the
    // infinitive stands for the cue.
    let head = governing_participle(text, toks, c.first).unwrap_or(c.first);
    let cue_word = toks[head].text(text);
    let words = &lexicon().words;
    // Adverbs right before the cue ("Doe recently promising", "is
    // already claiming").
    let mut bare = head;
    while bare > 0 && head - bare < TAIL_TOKENS && {
        let w = toks[bare - 1].text(text);
        toks[bare - 1].word
            && !is_capitalised(w)
            && !words.is_auxiliary(w)
            && (words.is_adverb(w) || w.ends_with("ly"))
    } {
        bare -= 1;
    }
    // `Doe spoke on Friday, saying …`: the participle's subject opens
    // the clause, unless it is a progressive (`Doe is (already) saying`)
    // or follows its noun (`the statement demanding …`).
    let after_aux = bare.checked_sub(1).is_some_and(|k| {
        matches!(
            toks[k].text(text),
            "is" | "was" | "were" | "are" | "been" | "be"
        )
    });
    let after_noun = head
        .checked_sub(2)
        .is_some_and(|k| words.is_determiner(toks[k].text(text)) && toks[k + 1].word);
    let participle = cue_word.ends_with("ing") && !after_aux && !after_noun;
    if participle && let Some(speaker) = participle_subject(text, toks, bare) {
        return Some(speaker);
    }
    // `Doe spoke in Ohio and called it "rotten"`: a coordinated verb
    // shares the clause's subject.
    // Auxiliaries and adverbs may sit between ("and has boasted").
    let mut k = c.first;
    while k > 0 && c.first - k < TAIL_TOKENS && {
        let w = toks[k - 1].text(text);
        toks[k - 1].word && !is_capitalised(w) && (words.is_adverb(w) || words.is_auxiliary(w))
    } {
        k -= 1;
    }
    let coordinated = k
        .checked_sub(1)
        .is_some_and(|k| matches!(toks[k].text(text), "and" | "but" | "then"));
    if participle || coordinated {
        subject_first(text, &toks[..head])
    } else {
        subject_before(text, toks, c.first)
    }
}

/// How far after a quotation the headline patterns read the rest of its
/// line: as long as the longest headline.
const HEADLINE_REST_BYTES: usize = 200;

/// How many tokens may separate a reporting verb from the comma before a
/// participle that continues it (`Doe said on Friday, adding …`).
const PARTICIPLE_GAP: usize = 4;

/// The subject of a participle that starts at token `at` (after any
/// adverbs), when its own noun phrase says it: a name right before it
/// (`with Senator Jane Roe telling reporters …`, `the Federation of
/// Nurses calling her …`), or the speaker of a reporting verb right
/// before its comma (`Doe said, adding …`, `said Doe, adding …`).
fn participle_subject(text: &str, toks: &[Tok], at: usize) -> Option<Span> {
    let prev = *toks.get(at.checked_sub(1)?)?;
    let w = prev.text(text);
    let words = &lexicon().words;
    if prev.word
        && is_capitalised(w)
        && !words.is_stop(w)
        && !words.is_preposition(w)
        && !is_time_word(w)
    {
        // The sentence's first word may be no name ("Sources saying …"
        // has no verb); only names inside the clause.
        if at < 2 {
            return None;
        }
        // Only in `with NAME -ing`, where the name is no verb's object,
        // and `footage of NAME asking`, where it is the noun's.
        let mut np = np_tail(text, &toks[..at]);
        let names = np
            .iter()
            .rev()
            .take_while(|t| !t.word || is_capitalised(t.text(text)))
            .count();
        // "footage of Mary Dole", not "the Federation of Trawlermen".
        let common_noun = np
            .len()
            .checked_sub(names + 2)
            .is_some_and(|k| !is_capitalised(np[k].text(text)));
        if common_noun && np[np.len() - names - 1].text(text) == "of" {
            np = &np[np.len() - names..];
        }
        let with = (at - np.len()).checked_sub(1).is_some_and(|k| {
            let w = toks[k].text(text);
            w.eq_ignore_ascii_case("with") || w == "of"
        });
        return span_of(np).filter(|_| with && np.first().is_some_and(|t| t.word));
    }
    if prev.word || w != "," || at < 2 {
        return None;
    }
    let from = (at - 1).saturating_sub(PARTICIPLE_GAP + 1);
    let (cue_at_k, c) = (from..at - 1)
        .rev()
        .find_map(|k| cue_at(text, toks, k).map(|c| (k, c)))?;
    // A finite verb, not a noun or a participle ("her earlier remark,").
    let verb = toks[cue_at_k].text(text);
    if c.role == PhraseRole::SourceAfter
        || verb.ends_with("ing")
        || verb == c.lemma
        || noun_use(text, toks, cue_at_k)
    {
        return None;
    }
    // `…," said Doe, adding`: the name follows its verb.
    let inverted = cue_at_k > 0
        && !toks[cue_at_k - 1].word
        && toks
            .get(c.end)
            .is_some_and(|t| t.word && is_capitalised(t.text(text)));
    if inverted {
        return np_after(text, &toks[c.end..at - 1]);
    }
    // The words between the verb and the comma are a time or place
    // adverbial, not a reported clause.
    let plain = toks[c.end..at - 1].iter().all(|t| {
        let b = t.text(text);
        t.word && (is_time_word(b) || words.is_stop(b) || words.is_preposition(b))
    });
    if !plain || cue_at_k == 0 {
        return None;
    }
    subject_before(text, toks, cue_at_k)
}

/// A pronoun mention without a contracted verb: "he’d" → "he".
fn contraction_stripped(text: &str, span: Span) -> Span {
    let w = span.text(text);
    let Some(cut) = w.find(['’', '\'']) else {
        return span;
    };
    let (head, tail) = w.split_at(cut);
    let tail = tail.trim_start_matches(['’', '\'']);
    if is_pronoun(head) && matches!(tail, "d" | "ll" | "s" | "ve" | "re" | "m") {
        Span::new(span.start, span.start + cut)
    } else {
        span
    }
}

/// The last reporting verb in `window` (the clause before a quotation),
/// when no pattern found its subject: "Calls rivals names like "…"".
fn lone_verb(text: &str, window: Span) -> Option<(Span, String)> {
    lone_verb_in(text, &tokens(text, window))
}

/// [`lone_verb`] on the tokens of its window.
fn lone_verb_in(text: &str, toks: &[Tok]) -> Option<(Span, String)> {
    // A verb in -s that opens a clause without a subject: "Calls rivals
    // …" opening the sentence, ", and calls people …" after a link.
    let opens_clause = |i: usize| {
        let t = toks[i];
        let linked = i
            .checked_sub(1)
            .is_none_or(|k| matches!(toks[k].text(text), "and" | "but" | "then" | ","));
        let next_lower = toks
            .get(i + 1)
            .is_some_and(|n| n.word && !is_capitalised(n.text(text)));
        if !(t.word && linked && next_lower) {
            return None;
        }
        let lower = t.text(text).to_lowercase();
        lower
            .ends_with('s')
            .then(|| verb_lemma(&lower))
            .flatten()
            .map(|lemma| (t.span, lemma.to_owned()))
    };
    (0..toks.len())
        .rev()
        .filter(|&i| is_clause_verb(text, toks, i))
        .find_map(|i| {
            cue_at(text, toks, i)
                .filter(|c| c.role != PhraseRole::SourceAfter)
                .map(|c| (cue_span(toks, &c), c.lemma.to_owned()))
                .or_else(|| opens_clause(i))
        })
}

/// `After saying her knee was "too sore," she was …`: a quotation inside
/// a participle clause that opens the sentence belongs to the main
/// clause's subject, right after the quotation. `before` runs from the
/// sentence start to the quotation, `after` from its end.
fn opener_participle(text: &str, before: Span, toks: &[Tok], after: Span) -> Option<Found> {
    let lex = lexicon();
    let (first, verb) = (toks.first()?, toks.get(1)?);
    let f = first.text(text);
    let opens = first.word
        && first.span.start == before.start
        && is_capitalised(f)
        && (lex.words.is_preposition(f) || lex.words.is_stop(f))
        && !lex.words.is_determiner(f);
    if !opens || !verb.text(text).ends_with("ing") || toks.iter().any(|t| t.text(text) == ",") {
        return None;
    }
    let cue = cue_at(text, toks, 1)?;
    let rest = tokens(text, after);
    let rest = match rest.first() {
        Some(t) if t.text(text) == "," => &rest[1..],
        _ => &rest[..],
    };
    let speaker = subject_first(text, rest)?;
    // The subject's own verb follows it.
    let next = rest.iter().find(|t| t.span.start >= speaker.end)?;
    if !next.word || is_capitalised(next.text(text)) {
        return None;
    }
    Some(Found {
        speaker: Some(speaker),
        cue: Some((cue_span(toks, &cue), cue.lemma.to_owned())),
        pattern: "opener-participle",
        confidence: 0.6,
        ..Found::default()
    })
}

/// The subject that opens the sentence holding the personal pronoun at
/// `pronoun`, when it stands before the pronoun: "Doe" in "Doe said she
/// wanted …". The caller checks that both name the same entity. With a
/// relative clause ("Roe condemned what he called …"), the subject's own
/// verb comes too: it is the reporting act.
fn subject_for_pronoun(
    text: &str,
    sentences: &[Sentence],
    pronoun: Span,
) -> Option<(Span, Option<Span>)> {
    let w = pronoun.text(text);
    if !matches!(w, "he" | "she" | "it" | "they") {
        return None;
    }
    let k = index_at(
        |k| sentences.get(k).map(|s| s.span),
        sentences.len(),
        pronoun.start,
    )?;
    let start = sentences.get(k)?.span.start;
    let window = Span::new(start, pronoun.start);
    // The token right before the pronoun decides most cases below: it is
    // cut from the window's last words alone, after an ASCII space, where
    // a scan of the whole window cuts it the same way; the whole window
    // is cut only when that token may open the clause.
    let body = window.text(text).as_bytes();
    let is_space = |b: &u8| matches!(b, b' ' | b'\t'..=b'\r');
    let end = body.iter().rposition(|b| !is_space(b))? + 1;
    let from = body[..end].iter().rposition(is_space).map_or(0, |i| i + 1);
    let tail = tokens(text, Span::new(start + from, pronoun.start));
    // (The words after that space may be all other spaces: then the
    // whole window is read.)
    if let Some(last_tok) = tail.last() {
        let last_word = last_tok.text(text);
        if !(matches!(last_word, "that" | "what" | "whom" | "which")
            || (last_tok.cue && lexicon().is_cue_word(last_word)))
        {
            return None;
        }
    }
    subject_for_pronoun_in(text, &tokens(text, window), pronoun)
}

/// [`subject_for_pronoun`] on `toks`, the tokens from the start of the
/// pronoun's sentence to the pronoun.
fn subject_for_pronoun_in(text: &str, toks: &[Tok], pronoun: Span) -> Option<(Span, Option<Span>)> {
    // Only where the pronoun opens a relative clause ("what he called")
    // or a reported clause ("Doe said (that) she …"); after "and" or
    // "but" it may open a new main clause about someone else.
    let last = toks.len().checked_sub(1)?;
    let mut before = last;
    if toks[before].text(text) == "that" {
        before = before.checked_sub(1)?;
    }
    let relative = matches!(toks[last].text(text), "what" | "whom" | "which");
    let clause = relative || cue_at(text, toks, before).is_some_and(|c| c.end == before + 1);
    if !clause {
        return None;
    }
    let subject = subject_first(text, toks)?;
    if subject.end >= pronoun.start || is_pronoun(subject.text(text)) {
        return None;
    }
    let lex = lexicon();
    // Only "what": "whom" and "which" describe an object of their own
    // ("the marchers, whom he described as …").
    let free_relative = toks[last].text(text) == "what";
    let verb = free_relative
        .then(|| {
            toks.iter()
                .skip_while(|t| t.span.start < subject.end)
                .find(|t| {
                    let w = t.text(text);
                    !(t.word && (lex.words.is_auxiliary(w) || lex.words.is_adverb(w)))
                })
                .filter(|t| t.word && is_verb_like(t.text(text), false))
                .map(|t| t.span)
        })
        .flatten();
    Some((subject, verb))
}

/// The end of `sentence` that [`closing_attribution`] reads.
fn closing_window(text: &str, sentence: Span) -> Span {
    let start = sentence
        .start
        .max(sentence.end.saturating_sub(AFTER_WINDOW));
    Span::new(ceil_boundary(text, start), sentence.end)
}

/// `…, Doe said.` closing the sentence `sentence`.
fn closing_attribution(text: &str, sentence: Span) -> Option<Found> {
    closing_attribution_in(text, &tokens(text, closing_window(text, sentence)))
}

/// [`closing_attribution`] on `toks`, the tokens of its
/// [`closing_window`].
fn closing_attribution_in(text: &str, toks: &[Tok]) -> Option<Found> {
    let mut toks = toks;
    while let Some((last, rest)) = toks.split_last()
        && !last.word
    {
        toks = rest;
    }
    // "…, Doe told reporters through an interpreter.": a closing channel
    // phrase stands after the cue and its tail; the cue is sought before it.
    let words = &lexicon().words;
    if let Some(at) = (toks.len().saturating_sub(CHANNEL_PHRASE_TOKENS)..toks.len())
        .rev()
        .find(|&i| toks[i].word && words.is_channel(toks[i].text(text)))
    {
        toks = &toks[..at];
    }
    let n = toks.len();
    let c = (n.saturating_sub(TAIL_TOKENS + 1)..n)
        .rev()
        .find_map(|i| cue_at(text, toks, i))?;
    if c.role == PhraseRole::SourceAfter {
        return None;
    }
    let comma = toks[..c.first]
        .iter()
        .rposition(|t| !t.word && t.text(text) == ",")?;
    if c.first - comma > 6 {
        return None;
    }
    // "…, praised the move but said more work remained": a clause with
    // its own verb, not a closing `, Doe said.`
    let clause_between = toks[comma + 1..c.first].iter().any(|t| {
        let w = t.text(text);
        matches!(w, "and" | "but" | "or") || verb_lemma(w).is_some()
    });
    let clause_after = toks[c.end..].iter().any(|t| {
        let w = t.text(text);
        verb_lemma(w).is_some() || (w.ends_with("ed") && w.len() > 4 && !is_capitalised(w))
    });
    if clause_between || clause_after {
        return None;
    }
    let speaker = subject_before(text, toks, c.first)?;
    // "…, who said she would appeal.": a relative clause with its own
    // reported words, not a closing `, Doe said.`
    if is_relative_pronoun(speaker.text(text)) && toks[c.end..].iter().any(|t| t.word) {
        return None;
    }
    Some(Found {
        speaker: Some(speaker),
        cue: Some((cue_span(toks, &c), c.lemma.to_owned())),
        pattern: "previous-sentence",
        confidence: 0.6,
        ..Found::default()
    })
}

/// `"PENCE: …"`: a transcript line whose content opens with a speaker
/// label in capitals.
fn transcript_label(text: &str, quote: &Quote) -> Option<Found> {
    let content = quote.content.text(text);
    let colon = content.find(':')?;
    let label = &content[..colon];
    let words = label.split_whitespace().count();
    let caps = label.chars().any(char::is_alphabetic)
        && label
            .chars()
            .all(|c| c.is_uppercase() || c.is_whitespace() || c == '.' || c == '-' || c == '\'');
    if !(1..=3).contains(&words) || !caps || label.starts_with(char::is_whitespace) {
        return None;
    }
    let start = quote.content.start;
    Some(Found {
        speaker: Some(Span::new(start, start + label.len())),
        cue: Some((Span::new(start + colon, start + colon + 1), ":".to_owned())),
        pattern: "transcript-label",
        confidence: 0.8,
        ..Found::default()
    })
}

/// Patterns before the quotation.
fn before(text: &str, window: Span) -> Option<Found> {
    before_in(text, &tokens(text, window))
}

/// [`before`] on the tokens of its window.
fn before_in(text: &str, toks: &[Tok]) -> Option<Found> {
    let last = toks.last()?;
    let colon = !last.word && last.text(text) == ":";
    // The last cue in the window, unless it sits in the reported clause
    // of an earlier cue: `Doe said (that) she thinks …` reports Doe.
    // A verb wins over a noun after it: `he called her remarks "…"`.
    let mut cue = (0..toks.len())
        .rev()
        // No cue starts at a token without the bit: skip the verb test.
        .filter(|&i| toks[i].cue && is_clause_verb(text, toks, i))
        .find_map(|i| cue_at(text, toks, i))
        .or_else(|| (0..toks.len()).rev().find_map(|i| cue_at(text, toks, i)));
    if let Some(c) = &cue
        && c.role != PhraseRole::SourceAfter
        && let Some(outer) = outer_cue(text, toks, c)
    {
        cue = Some(outer);
    }
    if let Some(c) = cue {
        if c.role == PhraseRole::SourceAfter {
            let speaker = np_after(text, &toks[c.end..])?;
            return Some(Found {
                speaker: Some(speaker),
                cue: Some((cue_span(toks, &c), c.lemma.to_owned())),
                pattern: "according-to-quote",
                confidence: 0.8,
                ..Found::default()
            });
        }
        // `Because of the schedule, explained Doe, "…"`: an inverted
        // verb and name right before the quotation.
        let inverted =
            (c.role == PhraseRole::Verb && c.first > 0 && toks[c.first - 1].text(text) == ",")
                .then(|| np_after(text, &toks[c.end..]))
                .flatten()
                .filter(|np| {
                    let mut rest = toks.iter().skip_while(|t| t.span.start < np.end);
                    let comma = rest
                        .next()
                        .is_some_and(|t| matches!(t.text(text), "," | ":"));
                    is_capitalised(np.text(text)) && comma && rest.all(|t| !t.word)
                });
        let speaker = match inverted {
            Some(np) => np,
            None => speaker_of_cue(text, toks, &c)?,
        };
        // Only punctuation, "that" or an addressee between cue and mark:
        // the quotation is introduced; anything else is a mixed quotation.
        let tail = &toks[c.end..];
        let introduced = tail.len() <= 4
            && tail
                .iter()
                .all(|t| !t.word || t.text(text) == "that" || c.role == PhraseRole::Addressee);
        return Some(Found {
            speaker: Some(speaker),
            addressee: addressee_after(text, toks, &c),
            cue: Some((cue_span(toks, &c), c.lemma.to_owned())),
            pattern: if colon {
                "name-said-colon"
            } else if introduced {
                "name-said-quote"
            } else {
                "name-said-that-partial"
            },
            confidence: if introduced || colon { 0.85 } else { 0.7 },
            ..Found::default()
        });
    }
    // A headline `Doe: Plan Is ‘Dead on Arrival’`: a short capitalised
    // name and a colon open the sentence.
    if let Some(pos) = toks.iter().position(|t| !t.word && t.text(text) == ":")
        && (1..=HEADLINE_NAME_WORDS).contains(&pos)
        && pos + 1 < toks.len()
        && toks[..pos]
            .iter()
            .all(|t| t.word && is_capitalised(t.text(text)))
    {
        return Some(Found {
            speaker: span_of(&toks[..pos]),
            cue: Some((toks[pos].span, ":".to_owned())),
            pattern: "headline-name-colon",
            confidence: 0.5,
            ..Found::default()
        });
    }
    if colon {
        // `Name was blunt: "…"`: the subject at the clause start.
        let body = &toks[..toks.len() - 1];
        let start = body
            .iter()
            .rposition(|t| !t.word && matches!(t.text(text), "," | ";" | "—" | "–"))
            .map_or(0, |p| p + 1);
        let clause = trim_subject(text, &body[start..]);
        let first = clause.first()?;
        let w = first.text(text);
        let lex = lexicon();
        let np_len = if lex.words.is_determiner(w) {
            clause
                .iter()
                .take_while(|t| t.word && !matches!(t.text(text), "was" | "is" | "were" | "are"))
                .count()
                .min(4)
        } else if is_capitalised(w) || is_pronoun(w) {
            clause
                .iter()
                .take_while(|t| {
                    let w = t.text(text);
                    t.word && (is_capitalised(w) || matches!(w, "of" | "de" | "van" | "von"))
                })
                .count()
                .max(1)
        } else if start > 0
            && !is_capitalised(w)
            && !lex.words.is_stop(w)
            && !lex.words.is_preposition(w)
            && !lex.words.is_connective(w)
        {
            // `Doe, a senator from Ohio, gave it a try on Tuesday: "…"`,
            // `The chief of staff, Dan Feld, was blunt: "…"`: the clause
            // after the last comma is the verb phrase; its subject stands
            // before the asides. Surer when the clause opens with a verb.
            let verb = body.iter().position(|t| t.span == first.span)?;
            let speaker = subject_before(text, body, verb)?;
            return Some(Found {
                speaker: Some(speaker),
                cue: Some((last.span, ":".to_owned())),
                pattern: "name-colon",
                confidence: if is_verb_like(w, false) { 0.7 } else { 0.6 },
                ..Found::default()
            });
        } else {
            return None;
        };
        return Some(Found {
            speaker: span_of(&clause[..np_len.min(clause.len())]),
            cue: Some((last.span, ":".to_owned())),
            pattern: "name-colon",
            confidence: 0.7,
            ..Found::default()
        });
    }
    None
}

/// True when a cue at `i` may be its clause's reporting verb: not a noun
/// ("the remarks", "her claims") and not an infinitive after an adjective
/// ("too early to tell"). Where both kinds stand in a window, the verb
/// wins.
fn is_clause_verb(text: &str, toks: &[Tok], i: usize) -> bool {
    !noun_use(text, toks, i)
        && !is_nominal_cue(text, toks, i)
        && !infinitive_of_non_verb(text, toks, i)
}

/// True when the word at `i` is an infinitive after an adjective that a
/// copula or "too" introduces: "it was too early to tell whether", "it is
/// hard to say". It reports nothing itself; the clause's own reporting
/// verb comes earlier. "declined to say", "went on to say" and the
/// purpose clause "took the stage to announce" keep their cue.
fn infinitive_of_non_verb(text: &str, toks: &[Tok], i: usize) -> bool {
    let lex = lexicon();
    let Some(to) = i.checked_sub(1) else {
        return false;
    };
    if !toks[to].text(text).eq_ignore_ascii_case("to") || to < 2 {
        return false;
    }
    let head = toks[to - 1].text(text);
    let before = toks[to - 2].text(text);
    toks[to - 1].word
        && !is_capitalised(head)
        && !is_verb_like(head, false)
        && !head.ends_with("ing")
        && (matches!(before, "too" | "so") || lex.words.is_auxiliary(before))
}

/// The participle that governs the infinitive cue at `i` ("saying",
/// "going on to say"): its token index.
fn governing_participle(text: &str, toks: &[Tok], i: usize) -> Option<usize> {
    let to = i.checked_sub(1)?;
    if !toks[to].text(text).eq_ignore_ascii_case("to") {
        return None;
    }
    let mut head = to.checked_sub(1)?;
    if toks[head].text(text) == "on" {
        head = head.checked_sub(1)?;
    }
    let w = toks[head].text(text);
    (toks[head].word && !is_capitalised(w) && w.ends_with("ing")).then_some(head)
}

/// True when `w` reads as the finite verb after a subject: an auxiliary,
/// a reporting verb, a past form or (not right after a determiner) a
/// present form in -s.
fn is_verb_like(w: &str, after_determiner: bool) -> bool {
    let lex = lexicon();
    if is_capitalised(w)
        || !w.chars().next().is_some_and(char::is_alphabetic)
        || lex.words.is_determiner(w)
        || (lex.words.is_stop(w) && !lex.words.is_auxiliary(w))
    {
        return false;
    }
    let present = w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("'s") && w.len() > 3;
    lex.words.is_auxiliary(w)
        || verb_lemma(w).is_some()
        || (w.ends_with("ed") && w.len() > 4)
        || (present && !after_determiner)
}

/// A quotation inside a clause that no reporting pattern claims
/// (`The ad targets a "rigged economy"`, `Doe credited the win to "…"`):
/// the clause's subject is its source and the verb after that subject
/// its cue. `window` is the clause before the quotation.
fn clause_subject(text: &str, window: Span) -> Option<Found> {
    clause_subject_in(text, tokens(text, window))
}

/// [`clause_subject`] on the tokens of its window.
fn clause_subject_in(text: &str, mut toks: Vec<Tok>) -> Option<Found> {
    // The clause after the last semicolon or colon.
    if let Some(p) = toks
        .iter()
        .rposition(|t| !t.word && matches!(t.text(text), ";" | ":"))
    {
        toks.drain(..=p);
    }
    let lex = lexicon();
    // Connectives and an opening adverb or adverbial phrase: "Later,",
    // "Immediately after the attacks,".
    while let Some(f) = toks.first() {
        let w = f.text(text);
        if !f.word || lex.words.is_connective(w) {
            toks.remove(0);
        } else {
            break;
        }
    }
    // Opening adverbials end at a comma: "Thirteen years earlier,",
    // "On Monday night,", "Immediately after the attacks,".
    for _ in 0..MAX_APPOSITIVE_HOPS {
        let Some(comma) = toks
            .iter()
            .take(MAX_SUBJECT_TOKENS)
            .position(|t| !t.word && t.text(text) == ",")
        else {
            break;
        };
        let (Some(first), Some(last)) = (toks.first(), toks[..comma].last()) else {
            break;
        };
        let (f, l) = (first.text(text), last.text(text));
        let opener = (lex.words.is_stop(f) && !lex.words.is_determiner(f))
            || lex.words.is_relative(f) && !lex.words.is_determiner(f)
            || (is_capitalised(f) && f.ends_with("ing"))
            || f.ends_with("ly")
            || lex.words.is_time(l)
            || (l.ends_with("ly") && !is_capitalised(l));
        if !opener {
            break;
        }
        toks.drain(..=comma);
    }
    let head = toks.first()?.text(text);
    // "It was not just …": an expletive pronoun is no source.
    if head.eq_ignore_ascii_case("it")
        && toks
            .get(1)
            .is_some_and(|t| lex.words.is_auxiliary(t.text(text)))
    {
        return None;
    }
    let subject = if lex.words.is_determiner(head) && !is_capitalised_run_start(text, &toks) {
        // "The Rove ad hits …": the phrase runs to the first verb-like
        // word after the word following the determiner.
        let verb = (2..toks.len().min(MAX_SPEAKER_WORDS)).find(|&k| {
            let w = toks[k].text(text);
            toks[k].word && (lex.words.is_stop(w) || is_verb_like(w, false))
        })?;
        // "A mark at the end of …": a preposition before any verb.
        if lex.words.is_stop(toks[verb].text(text))
            && !lex.words.is_auxiliary(toks[verb].text(text))
        {
            return None;
        }
        if toks[1..verb].iter().any(|t| !t.word) {
            return None;
        }
        span_of(&toks[..verb])?
    } else {
        subject_first(text, &toks)?
    };
    let mut k = toks.iter().position(|t| t.span.start >= subject.end)?;
    while k < toks.len() && {
        let w = toks[k].text(text);
        toks[k].word && !lex.words.is_auxiliary(w) && (lex.words.is_adverb(w) || w.ends_with("ly"))
    } {
        k += 1;
    }
    let verb = toks.get(k)?;
    let w = verb.text(text);
    if !verb.word || !is_verb_like(w, false) {
        return None;
    }
    let lemma = verb_lemma(w).map_or_else(|| w.to_lowercase(), str::to_owned);
    Some(Found {
        speaker: Some(subject),
        cue: Some((verb.span, lemma)),
        pattern: "clause-subject",
        confidence: 0.5,
        ..Found::default()
    })
}

/// The subject and verb of `sentence` when that verb is a reporting verb
/// ("Roe agreed.", "He then asked the crowd.").
fn reporting_subject(text: &str, sentence: Span) -> Option<Found> {
    let f = clause_subject(text, sentence)?;
    let reporting = f
        .cue
        .as_ref()
        .is_some_and(|(c, _)| verb_lemma(c.text(text)).is_some());
    reporting.then_some(f)
}

/// True when the determiner at the front of `toks` opens a capitalised
/// name ("The Washington Post"), which `subject_first` reads better.
fn is_capitalised_run_start(text: &str, toks: &[Tok]) -> bool {
    toks.get(1)
        .is_some_and(|t| t.word && is_capitalised(t.text(text)))
}

/// How many tokens may separate a reporting verb from the subject of the
/// clause it reports (`said on Monday that she …`).
const OUTER_CUE_GAP: usize = 4;

/// The reporting verb whose reported clause holds the cue `inner`:
/// `Doe said (that) she thinks …`, where a pronoun or name subject of
/// `inner` follows the outer verb closely, with only "that", adverbs or
/// a time adverbial between.
fn outer_cue(text: &str, toks: &[Tok], inner: &FoundCue) -> Option<FoundCue> {
    let lex = lexicon();
    // Auxiliaries and adverbs may sit between: "she was not advocating".
    let mut subject = inner.first.checked_sub(1)?;
    // "she wanted to speak": the verb that governs the infinitive.
    if toks[subject].text(text) == "to"
        && subject >= 2
        && toks[subject - 1].word
        && is_verb_like(toks[subject - 1].text(text), false)
    {
        subject -= 2;
    }
    let top = subject;
    while subject > 0 && top - subject < TAIL_TOKENS && {
        let w = toks[subject].text(text);
        toks[subject].word
            && !is_capitalised(w)
            && (lex.words.is_auxiliary(w) || lex.words.is_adverb(w) || w.ends_with("ly"))
    } {
        subject -= 1;
    }
    let w = toks[subject].text(text);
    if !(is_pronoun(w) && w != "it") {
        return None;
    }
    let from = subject.saturating_sub(OUTER_CUE_GAP + 1);
    (from..subject).rev().find_map(|k| {
        let c = cue_at(text, toks, k)?;
        let between = &toks[c.end..subject];
        let plain = between.iter().all(|t| {
            let b = t.text(text);
            t.word
                && (b == "that"
                    || lex.words.is_adverb(b)
                    || b.ends_with("ly")
                    || is_time_word(b)
                    || (lex.words.is_stop(b) && !is_relative_pronoun(b)))
        });
        (c.role == PhraseRole::Verb && plain).then_some(c)
    })
}

/// How many bytes after the previous quotation a continuing cue may end.
const CONTINUATION_BYTES: usize = 80;

/// The cue between two quotations of one clause that continues the
/// first one's attribution: `"…" and called on leaders "…"`, `"…,"
/// adding that "…"`. Only a coordinated verb or a participle with no
/// subject of its own before it.
fn continuation_cue(text: &str, window: Span) -> Option<(Span, String)> {
    // The cue sits within a few words of the window's start.
    let end = floor_boundary(text, window.end.min(window.start + CONTINUATION_BYTES));
    let toks = tokens(text, Span::new(window.start, end.max(window.start)));
    let lex = lexicon();
    // The first word: the window must not open a new clause with a name
    // or pronoun of its own.
    let opener = toks.iter().position(|t| t.word)?;
    let c = (opener..toks.len().min(opener + TAIL_TOKENS + 1))
        .find_map(|k| cue_at(text, &toks, k).filter(|c| c.role == PhraseRole::Verb))?;
    let before = &toks[opener..c.first];
    let linked = before.iter().all(|t| {
        let w = t.text(text);
        t.word && (matches!(w, "and" | "but" | "then") || lex.words.is_adverb(w))
    });
    let word = toks[c.first].text(text);
    (linked && (!before.is_empty() || word.ends_with("ing")) && !noun_use(text, &toks, c.first))
        .then(|| (cue_span(&toks, &c), c.lemma.to_owned()))
}

/// The sentence before the one that holds `pos`.
fn sentence_before(sentences: &[Sentence], pos: usize) -> Option<&Sentence> {
    let k = index_at(|k| sentences.get(k).map(|s| s.span), sentences.len(), pos)?;
    sentences.get(k.checked_sub(1)?)
}

/// The index of the item of `spans` that holds `at`.
fn index_at(spans: impl Fn(usize) -> Option<Span>, len: usize, at: usize) -> Option<usize> {
    let (mut lo, mut hi) = (0, len);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let s = spans(mid)?;
        if s.end <= at {
            lo = mid + 1;
        } else {
            hi = mid;
        }
    }
    spans(lo).filter(|s| s.start <= at).map(|_| lo)
}

/// Links quotations to speakers and cues, resolves speakers, and lists
/// them.
pub(crate) fn attribute(
    text: &str,
    paragraphs: &[Paragraph],
    sentences: &[Sentence],
    mut quotes: Vec<Quote>,
) -> (Vec<Quote>, Vec<Speaker>) {
    let para_of = |at: usize| index_at(|i| paragraphs.get(i).map(|p| p.span), paragraphs.len(), at);
    let quote_spans: Vec<Span> = quotes.iter().map(|q| q.span).collect();
    // For each quotation, the index of the last non-scare one before it.
    let mut prev_speech: Vec<Option<usize>> = Vec::with_capacity(quotes.len());
    let mut last = None;
    for (k, q) in quotes.iter().enumerate() {
        prev_speech.push(last);
        if q.kind != QuoteKind::Scare {
            last = Some(k);
        }
    }
    // For each quotation, the start of the next non-scare one: scare
    // quotes (a nickname in "Mary "Molly" Price said") do not end the
    // words after a quotation.
    let mut next_speech: Vec<Option<usize>> = vec![None; quotes.len()];
    let mut next = None;
    for (k, q) in quotes.iter().enumerate().rev() {
        next_speech[k] = next;
        if q.kind != QuoteKind::Scare {
            next = Some(q.span.start);
        }
    }
    let mut found: Vec<Option<Found>> = Vec::with_capacity(quotes.len());
    // For each quotation, a cue of its own without a subject (`"…" and
    // called on leaders "…"`), kept when it inherits a speaker.
    let mut own_cue: Vec<Option<(Span, String)>> = Vec::with_capacity(quotes.len());
    // For each quotation, the words before it in its sentence: read again
    // at the end for those that nothing attributes.
    let mut before_windows: Vec<Span> = Vec::with_capacity(quotes.len());
    // Token buffers kept across quotations and sentences: the words
    // before a quotation, and those of one other window at a time.
    let mut before_toks: Vec<Tok> = Vec::new();
    let mut scratch: Vec<Tok> = Vec::new();
    for (i, q) in quotes.iter().enumerate() {
        if q.kind == QuoteKind::Scare {
            found.push(None);
            own_cue.push(None);
            before_windows.push(Span::new(q.span.start, q.span.start));
            continue;
        }
        let para = para_of(q.span.start).and_then(|p| paragraphs.get(p));
        let (pstart, pend) = para.map_or((0, text.len()), |p| (p.span.start, p.span.end));
        let next_start = next_speech[i].unwrap_or(pend).min(pend);
        let after_end = floor_boundary(text, next_start.min(q.span.end + AFTER_WINDOW));
        let after_window = Span::new(q.span.end, after_end.max(q.span.end));
        let sentence = index_at(
            |k| sentences.get(k).map(|s| s.span),
            sentences.len(),
            q.span.start,
        )
        .and_then(|k| sentences.get(k));
        let prev_end = prev_speech[i].map_or(0, |k| quote_spans[k].end);
        let mut before_start = pstart
            .max(prev_end)
            .max(q.span.start.saturating_sub(BEFORE_WINDOW));
        if let Some(s) = sentence {
            before_start = before_start.max(s.span.start);
        }
        let before_start = ceil_boundary(text, before_start).min(q.span.start);
        let before_window = Span::new(before_start, q.span.start);
        // The words before the quotation, read by several patterns.
        tokens_into(text, before_window, &mut before_toks);
        let before_toks = &before_toks[..];
        let mut b = before_in(text, before_toks)
            .or_else(|| opener_participle(text, before_window, before_toks, after_window));
        own_cue.push(
            if b.is_none() && before_window.start >= prev_end && prev_end > 0 {
                // "… and, when questioned, asserting, "…"": a verb with no
                // subject of its own further on.
                continuation_cue(text, before_window).or_else(|| lone_verb_in(text, before_toks))
            } else {
                None
            },
        );
        if b.is_none() && before_window.text(text).trim().is_empty() && q.span.start == pstart {
            // `Doe continued:` ending the previous paragraph.
            let p = para_of(q.span.start).unwrap_or(0);
            if let Some(prev) = p.checked_sub(1).and_then(|k| paragraphs.get(k))
                && prev.span.text(text).ends_with(':')
            {
                let start = prev
                    .span
                    .start
                    .max(prev.span.end.saturating_sub(BEFORE_WINDOW));
                let start = index_at(
                    |k| sentences.get(k).map(|s| s.span),
                    sentences.len(),
                    prev.span.end - 1,
                )
                .and_then(|k| sentences.get(k))
                .map_or(start, |s| s.span.start.max(start));
                b = before(text, Span::new(ceil_boundary(text, start), prev.span.end));
            }
        }
        // A verb introducing the quotation wins; a partial quotation
        // belongs to the clause around it; otherwise look after first.
        let introduced = b.as_ref().is_some_and(|f| {
            matches!(f.pattern, "name-said-colon" | "name-said-quote")
                || (q.kind == QuoteKind::Partial && f.pattern != "name-colon")
        });
        // A quotation ending its paragraph, signed in the next one:
        // `"…"` ¶ `— Jane Doe, Dover.`
        let a = after(text, q, after_window, &mut scratch).or_else(|| {
            let p = para_of(q.span.start)?;
            let next = paragraphs.get(p + 1)?;
            let signed = after_window.text(text).trim().is_empty()
                && after_window.end >= pend
                && next.span.len() <= SIGNATURE_BYTES
                && next.span.text(text).starts_with(DASHES)
                // `– A section heading –.` is no signature.
                && !next.span.text(text).trim_end_matches(['.', ' ']).ends_with(DASHES)
                && quote_spans.get(i + 1).is_none_or(|s| s.start >= next.span.end);
            signed
                .then(|| after(text, q, next.span, &mut scratch))
                .flatten()
        });
        // A quotation ending in a comma, `?` or `!` is followed by its own
        // attribution (`: "…," the union wrote.`), which beats the clause
        // that introduced it.
        let tagged = q.text.trim_end().ends_with([',', '?', '!'])
            && a.as_ref().is_some_and(|f| f.pattern.starts_with("quote-"));
        let f = if let Some(t) = transcript_label(text, q) {
            Some(t)
        } else if introduced && !tagged {
            b
        } else {
            a.or(b)
        };
        // A quotation inside a clause that no pattern claims belongs to
        // that clause's subject, before any inheritance.
        let own_sentence = q.closed && sentence.is_none_or(|s| before_window.start <= s.span.start);
        let heading = para.is_some_and(|p| p.kind == ParagraphKind::Heading);
        // The rest of a headline after the quotation, read only by the
        // headline patterns and only as far as a headline runs, so a long
        // paragraph of quotations is not read again for each one.
        let rest = || {
            let end = floor_boundary(text, pend.min(q.span.end + HEADLINE_REST_BYTES));
            Span::new(q.span.end, end.max(q.span.end)).text(text)
        };
        let words_after = || rest().contains(char::is_alphabetic);
        // Title case after the quotation too: a headline even when it
        // ends with a period, as many do.
        let title_after = || {
            words_after()
                && rest()
                    .split_whitespace()
                    .filter(|w| w.chars().filter(|c| c.is_alphabetic()).nth(3).is_some())
                    .all(|w| {
                        w.chars()
                            .find(|c| c.is_alphabetic())
                            .is_some_and(char::is_uppercase)
                    })
        };
        let f = f.or_else(|| {
            if !own_sentence {
                None
            } else if heading {
                headline_verb(text, before_toks, words_after())
                    .or_else(|| sentence.and_then(|s| headline_tail(text, s.span)))
            } else {
                clause_subject_in(text, before_toks.to_vec())
                    .or_else(|| headline_verb(text, before_toks, title_after()))
                    .or_else(|| sentence.and_then(|s| headline_tail(text, s.span)))
            }
        });
        before_windows.push(before_window);
        found.push(f);
    }
    // A quotation opening its sentence right after a sentence without
    // quotations whose verb reports speech (`He then asked the crowd.
    // "Who will pay?"`, `Roe agreed. "…"`) belongs to that sentence's
    // subject, the nearest source, before the previous quotation's.
    for i in 0..quotes.len() {
        if quotes[i].kind == QuoteKind::Scare || found[i].is_some() || !quotes[i].closed {
            continue;
        }
        let Some(prev) = sentence_before(sentences, quotes[i].span.start) else {
            continue;
        };
        let gap = Span::new(prev.span.end, quotes[i].span.start);
        let same_or_next = matches!(
            (para_of(quotes[i].span.start), para_of(prev.span.start)),
            (Some(h), Some(t)) if h.saturating_sub(t) <= MAX_INHERIT_PARAGRAPHS
        );
        if !gap.text(text).trim().is_empty()
            || !same_or_next
            || prev.span.len() > BEFORE_WINDOW
            || quote_spans
                .iter()
                .any(|s| s.start < prev.span.end && s.end > prev.span.start)
        {
            continue;
        }
        found[i] = reporting_subject(text, prev.span).map(|f| Found {
            pattern: "previous-sentence-subject",
            confidence: 0.5,
            ..f
        });
    }
    // Inheritance: a quotation without attribution takes the speaker of
    // the quotation before it in the same or the previous paragraph; an
    // unclosed quotation continued in the next paragraph shares its
    // speaker with the continuation.
    for i in 0..quotes.len() {
        // A stray mark left unclosed and not continued in the next
        // paragraph is no one's speech.
        let stray = !quotes[i].closed
            && !quotes.get(i + 1).is_some_and(|n| {
                para_of(n.span.start) == para_of(quotes[i].span.start).map(|p| p + 1)
                    && paragraphs
                        .get(para_of(n.span.start).unwrap_or(0))
                        .is_some_and(|p| p.span.start == n.span.start)
            });
        if quotes[i].kind == QuoteKind::Scare || found[i].is_some() || stray {
            continue;
        }
        let here = para_of(quotes[i].span.start);
        let prev = prev_speech[i].filter(|&k| {
                let there = para_of(quotes[k].span.start);
                matches!((here, there), (Some(h), Some(t)) if h.saturating_sub(t) <= MAX_INHERIT_PARAGRAPHS)
            });
        if let Some(k) = prev
            && let Some(f) = found[k].clone()
        {
            let cue = own_cue.get(i).cloned().flatten().or(f.cue);
            found[i] = Some(Found {
                pattern: "inherited",
                confidence: 0.6,
                cue,
                ..f
            });
        }
    }
    // A quotation opening a sentence after `…, Doe said.` continues that
    // speaker's words.
    for i in 0..quotes.len() {
        if quotes[i].kind == QuoteKind::Scare || found[i].is_some() {
            continue;
        }
        let Some(prev) = sentence_before(sentences, quotes[i].span.start) else {
            continue;
        };
        let gap = Span::new(prev.span.end, quotes[i].span.start);
        if !gap.text(text).trim().is_empty()
            || prev.span.len() > 2 * BEFORE_WINDOW
            || quote_spans.iter().any(|s| s.end == prev.span.end)
        {
            continue;
        }
        found[i] = closing_attribution(text, prev.span);
    }
    for i in (0..quotes.len().saturating_sub(1)).rev() {
        if found[i].is_none() && !quotes[i].closed && quotes[i + 1].kind != QuoteKind::Scare {
            // An unclosed quotation after another one in its paragraph
            // continues that speaker's words (a mark went astray).
            let same_para = prev_speech[i]
                .filter(|&k| para_of(quotes[k].span.start) == para_of(quotes[i].span.start));
            if let Some(f) = same_para.and_then(|k| found[k].clone()) {
                found[i] = Some(Found {
                    pattern: "inherited",
                    confidence: 0.5,
                    ..f
                });
            } else if let Some(f) = found[i + 1].clone() {
                found[i] = Some(Found {
                    pattern: "continued",
                    confidence: 0.6,
                    ..f
                });
            }
        }
    }
    // A quotation still without a source keeps the reporting verb of its
    // own clause, for the editor to see, with no speaker; one joined to
    // such a quotation by "and" or a comma shares it ("calls them "…"
    // and "…"").
    for i in 0..quotes.len() {
        if found[i].is_some() || quotes[i].kind == QuoteKind::Scare {
            continue;
        }
        let joined = prev_speech[i].filter(|&k| {
            Span::new(quote_spans[k].end, quotes[i].span.start)
                .text(text)
                .split_whitespace()
                .all(|w| matches!(w, "and" | "or" | "," | "—"))
        });
        // A reporting verb before it in its sentence that has no subject
        // ("Calls rivals "losers."").
        let cue = lone_verb(text, before_windows[i]).or_else(|| {
            let k = joined?;
            let f = found[k].as_ref()?;
            (f.pattern == "cue-only").then(|| f.cue.clone()).flatten()
        });
        if let Some(c) = cue {
            found[i] = Some(Found {
                cue: Some(c),
                pattern: "cue-only",
                confidence: 0.3,
                ..Found::default()
            });
        }
    }
    // Indirect speech in sentences without quotation marks.
    let marked = quotes.len();
    let mut qi = 0;
    for sent in sentences {
        while qi < quote_spans.len() && quote_spans[qi].end <= sent.span.start {
            qi += 1;
        }
        if quote_spans.get(qi).is_some_and(|q| q.start < sent.span.end) {
            continue;
        }
        if let Some((content, f)) = indirect(text, sent.span, &mut scratch) {
            // "Doe, who said …, said …": the main clause reports too.
            let second = main_clause_after_relative(text, &scratch, content, &f);
            for (content, f) in std::iter::once((content, f)).chain(second) {
                quotes.push(Quote::unattributed(
                    text,
                    content,
                    content,
                    QuoteKind::Indirect,
                    true,
                ));
                found.push(Some(f));
            }
        }
    }
    let (mut quotes, found) = in_text_order(quotes, found, marked);
    let entities = Entities::build(text, sentences, &quote_spans);
    let mut used = Vec::new();
    let mut fallback: Vec<Speaker> = Vec::new();
    for (q, f) in quotes.iter_mut().zip(found) {
        let Some(f) = f else { continue };
        q.pattern = Some(f.pattern.to_owned());
        q.confidence = f.confidence;
        q.cue = f.cue.map(|(span, lemma)| Cue {
            span,
            text: span.text(text).to_owned(),
            lemma,
        });
        q.via = f.via.map(|span| mention(text, span));
        q.addressee = f.addressee.map(|span| mention(text, span));
        let mut main_verb = None;
        q.speaker = f.speaker.map(|span| {
            // "he’d asked": the pronoun without its contracted verb.
            let span = contraction_stripped(text, span);
            let written = span.text(text).to_owned();
            let named = if is_relative_pronoun(&written) {
                antecedent(text, span).unwrap_or(span)
            } else {
                span
            };
            match entities.resolve(text, named) {
                Some(r) => {
                    if !used.contains(&r.entity) {
                        used.push(r.entity);
                    }
                    // "Doe said she wanted …", "Roe condemned what he
                    // called …": a pronoun that stands for its sentence's
                    // subject is reported as that subject's mention.
                    let (span, verb) = subject_for_pronoun(text, sentences, span)
                        .filter(|&(s, _)| {
                            entities
                                .resolve(text, s)
                                .is_some_and(|o| o.entity == r.entity)
                        })
                        .unwrap_or((span, None));
                    main_verb = verb;
                    SpeakerMention {
                        span,
                        text: span.text(text).to_owned(),
                        name: r.name,
                        description: r.description,
                    }
                }
                None => {
                    let name = fallback_name(named.text(text));
                    add_fallback(&mut fallback, &name, mention(text, span));
                    SpeakerMention {
                        span,
                        text: written,
                        name,
                        description: None,
                    }
                }
            }
        });
        if let Some(span) = main_verb {
            let word = span.text(text);
            q.cue = Some(Cue {
                span,
                text: word.to_owned(),
                lemma: verb_lemma(word).map_or_else(|| word.to_lowercase(), str::to_owned),
            });
        }
    }
    let mut speakers = entities.speakers(text, &used);
    if speakers.is_empty() {
        speakers = fallback;
    }
    (quotes, speakers)
}

/// `quotes` and what was found for each, stably ordered by where each
/// quotation starts. When `quotes[..split]` and `quotes[split..]` are each
/// in order already (the marked and the indirect quotations), the two runs
/// are merged, each item moved once.
fn in_text_order(
    mut quotes: Vec<Quote>,
    mut found: Vec<Option<Found>>,
    split: usize,
) -> (Vec<Quote>, Vec<Option<Found>>) {
    let start = |q: &Quote| q.span.start;
    if !quotes[..split].is_sorted_by_key(start) || !quotes[split..].is_sorted_by_key(start) {
        let mut order: Vec<usize> = (0..quotes.len()).collect();
        order.sort_by_key(|&i| quotes[i].span.start);
        let mut slots: Vec<Option<(Quote, Option<Found>)>> =
            quotes.into_iter().zip(found).map(Some).collect();
        return order.iter().filter_map(|&i| slots[i].take()).unzip();
    }
    if quotes.is_sorted_by_key(start) {
        return (quotes, found);
    }
    let later_quotes = quotes.split_off(split);
    let later_found = found.split_off(split);
    let mut out_quotes = Vec::with_capacity(quotes.len() + later_quotes.len());
    let mut out_found = Vec::with_capacity(out_quotes.capacity());
    let mut a = quotes.into_iter().zip(found).peekable();
    let mut b = later_quotes.into_iter().zip(later_found).peekable();
    loop {
        // On a tie the earlier run goes first, as a stable sort keeps it.
        let next = match (a.peek(), b.peek()) {
            (Some(x), Some(y)) if x.0.span.start <= y.0.span.start => a.next(),
            (Some(_), None) => a.next(),
            _ => b.next(),
        };
        let Some((q, f)) = next else { break };
        out_quotes.push(q);
        out_found.push(f);
    }
    (out_quotes, out_found)
}

/// How many bytes before a relative pronoun its antecedent may start.
const ANTECEDENT_WINDOW: usize = 120;

/// The noun phrase a relative pronoun stands for: the one right before
/// it and its comma ("Jane Doe, who …" → "Jane Doe").
fn antecedent(text: &str, relative: Span) -> Option<Span> {
    let start = ceil_boundary(text, relative.start.saturating_sub(ANTECEDENT_WINDOW));
    let mut toks = tokens(text, Span::new(start.min(relative.start), relative.start));
    while toks.last().is_some_and(|t| !t.word) {
        toks.pop();
    }
    let mut np = np_tail(text, &toks);
    // "The talks frustrated India, which said …": a past-tense verb between
    // a lower-case noun and the name ends the clause before the name. After
    // an adverb or a determiner the same form is a modifier ("the newly
    // elected Mayor Doe", "the so-called Islamic State").
    let words = &lexicon().words;
    if let Some(k) = (1..np.len().saturating_sub(1)).rev().find(|&k| {
        let (before, verb, after) = (np[k - 1].text(text), np[k].text(text), np[k + 1].text(text));
        verb.ends_with("ed")
            && !is_capitalised(verb)
            && is_capitalised(after)
            && np[k - 1].word
            && !is_capitalised(before)
            && !before.ends_with("ly")
            && !words.is_determiner(before)
            && !words.is_adverb(before)
    }) {
        np = &np[k + 1..];
    }
    span_of(np)
}

fn mention(text: &str, span: Span) -> Mention {
    Mention {
        span,
        text: span.text(text).to_owned(),
    }
}

/// The mention with a leading determiner removed: used as the name when
/// the entity stage cannot resolve the mention.
fn fallback_name(written: &str) -> String {
    let lex = lexicon();
    let mut words = written.split_whitespace();
    let first = words.next().unwrap_or("");
    if lex.words.is_determiner(first) && !first.chars().next().is_some_and(char::is_uppercase) {
        words.collect::<Vec<_>>().join(" ")
    } else {
        written.to_owned()
    }
}

fn add_fallback(speakers: &mut Vec<Speaker>, name: &str, m: Mention) {
    if let Some(s) = speakers.iter_mut().find(|s| s.name == name) {
        s.mentions.push(m);
        return;
    }
    speakers.push(Speaker {
        name: name.to_owned(),
        kind: SpeakerKind::Person,
        description: None,
        mentions: vec![m],
    });
}

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::{Span, sub_tokens, tokens};
    use crate::quote;
    use crate::segment;

    /// The quotations of `text`, found and attributed.
    fn attributed(text: &str) -> Vec<quote::Quote> {
        let paras = segment::paragraphs(text);
        let sents = segment::sentences(text, &paras);
        let quotes = quote::find(text, &paras, &sents);
        let (quotes, _) = super::attribute(text, &paras, &sents, quotes);
        quotes
    }

    fn who(text: &str) -> Vec<(String, String, String)> {
        attributed(text)
            .into_iter()
            .map(|q| {
                (
                    q.speaker.map(|s| s.text).unwrap_or_default(),
                    q.cue.map(|c| c.text).unwrap_or_default(),
                    q.pattern.unwrap_or_default(),
                )
            })
            .collect()
    }

    /// Asserts the speaker mention of the first quotation in `text`.
    #[track_caller]
    fn assert_first_speaker(text: &str, want: &str) {
        let w = who(text);
        assert_eq!(w.first().map(|q| q.0.as_str()), Some(want), "{text}");
    }

    #[test]
    fn name_after_quote() {
        let w = who("“We will win,” Jane Doe said.");
        assert_eq!(w[0].0, "Jane Doe");
        assert_eq!(w[0].1, "said");
    }

    #[test]
    fn verb_then_name_with_apposition() {
        assert_first_speaker(
            "“It is over,” said Harsh V. Pant, a professor with a college.",
            "Harsh V. Pant",
        );
    }

    #[test]
    fn aside_between_name_and_verb() {
        let w = who("“It is over,” Jane Doe, a professor at a college, told reporters.");
        assert_eq!(w[0].0, "Jane Doe");
        assert_eq!(w[0].1, "told reporters");
    }

    #[test]
    fn colon_introductions() {
        let w = who("The mayor said: “We are ready.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("The mayor", "said"));
        let w = who("Jane Doe was blunt: “We are not ready.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Jane Doe", ":"));
    }

    #[test]
    fn relative_clause_aside() {
        assert_first_speaker(
            "Jane Doe, who ran the agency for years, said “it was a mess.”",
            "Jane Doe",
        );
    }

    #[test]
    fn split_quote_has_one_speaker() {
        let w = who("“We tried,” Doe said, “but we failed.”");
        assert_eq!(w[0].0, "Doe");
        assert_eq!(w[1].0, "Doe");
    }

    #[test]
    fn inherited_from_previous_quote() {
        let w = who("“First,” she said. “Second.”");
        assert_eq!(w[1].0, "she");
        assert_eq!(w[1].2, "inherited");
    }

    #[test]
    fn via_is_not_the_speaker() {
        let quotes = attributed("“Enough,” Doe said, according to the Agency.");
        assert_eq!(quotes[0].speaker.as_ref().unwrap().text, "Doe");
        assert_eq!(quotes[0].via.as_ref().unwrap().text, "the Agency");
    }

    #[test]
    fn party_labels_and_parentheses_are_asides() {
        assert_first_speaker(
            "“We won,” House Speaker Paul Ryan, R-Wis., said.",
            "House Speaker Paul Ryan",
        );
        assert_first_speaker(
            "“We won,” Claire McCaskill (D-Mo.) said.",
            "Claire McCaskill",
        );
    }

    #[test]
    fn indirect_participle_takes_the_clause_subject_with_its_role() {
        let w = who(
            "City press officer Ana Ruiz played down the dispute, telling                      a local radio station that the mayor had called first.",
        );
        assert_eq!(w[0].0, "City press officer Ana Ruiz");
        assert_eq!(w[0].1, "telling");
    }

    /// Found by the `analyze` fuzz target: an empty clause after
    /// "according to X," gave reported content with start after end.
    #[test]
    fn according_to_with_no_clause_after_it_gives_no_content() {
        let text = " according to  l\u{1},?";
        let paras = segment::paragraphs(text);
        let sents = segment::sentences(text, &paras);
        let (quotes, _) = super::attribute(text, &paras, &sents, Vec::new());
        for q in &quotes {
            assert!(q.span.start <= q.span.end, "{q:?}");
        }
    }

    fn named(text: &str) -> Vec<(String, String)> {
        attributed(text)
            .into_iter()
            .filter_map(|q| q.speaker.map(|s| (s.text, s.name)))
            .collect()
    }

    /// The (cue, content) of each quotation of `text`.
    fn contents(text: &str) -> Vec<(String, String)> {
        attributed(text)
            .into_iter()
            .map(|q| (q.cue.map(|c| c.lemma).unwrap_or_default(), q.text))
            .collect()
    }

    #[test]
    fn a_channel_phrase_is_not_the_content() {
        // closing: the content is the clause before the speaker
        for text in [
            "Fares will rise in March, the minister told reporters through an interpreter.",
            "Fares will rise in March, the minister told reporters via a video link.",
        ] {
            let c = contents(text);
            assert_eq!(c.len(), 1, "{text}: {c:?}");
            assert_eq!(c[0].1, "Fares will rise in March", "{text}");
        }
        // after the cue: the clause opens after the channel's "that"
        let c = contents("The firm announced via its website that it would cut 200 jobs.");
        assert_eq!(c[0].1, "it would cut 200 jobs", "{c:?}");
        // a channel with no clause after it reports nothing
        let c = contents("The envoy spoke through an interpreter for most of the hour.");
        assert!(c.is_empty(), "{c:?}");
    }

    #[test]
    fn a_closing_relative_clause_reports_what_follows_its_verb() {
        let c = contents("The ruling surprised Jane Doe, who said she would appeal.");
        assert_eq!(c, [("say".to_owned(), "she would appeal".to_owned())]);
        // a closing attribution without words after the verb stays one
        let c = contents("The vote was rigged from the start, the candidate said.");
        assert_eq!(
            c,
            [(
                "say".to_owned(),
                "The vote was rigged from the start".to_owned()
            )]
        );
    }

    #[test]
    fn a_relative_clause_reports_up_to_its_closing_comma() {
        let c = contents("Mayor Ann Lee, who said she would cut fares, declined to comment.");
        assert_eq!(c, [("say".to_owned(), "she would cut fares".to_owned())]);
        // a main-clause verb that is also a cue ("posted") leaves it alone
        let c = contents("The Harbour Group, which said it had paid the fine, posted a video.");
        assert_eq!(c, [("say".to_owned(), "it had paid the fine".to_owned())]);
        // the main clause's own reporting verb reports too, for the same speaker
        let text = "The aide, who said the plan was vetted by counsel, said he knew nothing of it.";
        let c = contents(text);
        let want = [
            (
                "say".to_owned(),
                "the plan was vetted by counsel".to_owned(),
            ),
            ("say".to_owned(), "he knew nothing of it".to_owned()),
        ];
        assert_eq!(c, want);
        let w = named(text);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().all(|(_, name)| name == "The aide"), "{w:?}");
    }

    #[test]
    fn a_relative_pronoun_speaks_for_the_name_before_it() {
        let w = named("The delay annoyed Norway, which said it wanted the vote held in May.");
        assert_eq!(w[0], ("which".to_owned(), "Norway".to_owned()));
        let w = named("“We lost,” said Jane Doe, who added that the count was “a farce.”");
        assert_eq!(w[1], ("who".to_owned(), "Jane Doe".to_owned()));
        let w = named("Voters backed Roe, whom Doe called “a fraud.”");
        assert_eq!(w[0].0, "Doe");
    }

    #[test]
    fn a_relative_pronoun_after_a_clause_speaks_for_its_object() {
        // the verb before the name ends the clause: the object speaks
        let w = named("The tariffs angered Peru, which said it would respond in kind.");
        assert_eq!(w[0], ("which".to_owned(), "Peru".to_owned()));
        // a participle after an adverb or a determiner is a modifier
        let w =
            named("The newly elected Mayor Ann Lee, who said she would cut fares, took office.");
        assert_eq!(w[0].1, "Ann Lee", "{w:?}");
        for (text, want) in [
            (
                "He praised the so-called Harbour Group, which",
                "the so-called Harbour Group",
            ),
            (
                "Voters met the recently appointed Judge Roe, who",
                "the recently appointed Judge Roe",
            ),
            ("The ruling surprised Judge Roe, who", "Judge Roe"),
        ] {
            let relative = Span::new(text.rfind(' ').unwrap() + 1, text.len());
            let got = super::antecedent(text, relative).map(|s| s.text(text));
            assert_eq!(got, Some(want), "{text}");
        }
    }

    #[test]
    fn a_name_in_apposition_heads_a_source_with_a_modifier() {
        let w = named(
            "According to a spokeswoman for the Water Agency, Lena Cho, the agency will keep paying.",
        );
        assert_eq!(w[0].1, "Lena Cho");
        assert!(w[0].0.ends_with("Lena Cho"), "{w:?}");
        let text = "According to the agency, Congress will keep paying for the pilots.";
        let paras = segment::paragraphs(text);
        let sents = segment::sentences(text, &paras);
        let (quotes, _) = super::attribute(text, &paras, &sents, Vec::new());
        assert_eq!(quotes[0].text, "Congress will keep paying for the pilots");
    }

    #[test]
    fn verb_groups_and_prepositional_asides_stay_out_of_the_subject() {
        let w = named("Mr. Hale declined to say whether the vote would take place.");
        assert_eq!(w[0], ("Mr. Hale".to_owned(), "Hale".to_owned()));
        let w = named("The mayor, in a letter to the council, said the city would pay.");
        assert_eq!(w[0].0, "The mayor");
    }

    #[test]
    fn role_phrases_firms_and_ly_nouns_stay_whole() {
        assert_first_speaker(
            "A lawyer for the family said “it was a tragedy.”",
            "A lawyer for the family",
        );
        assert_first_speaker(
            "Asked about it, a spokesman for Whitlow said: “Nothing is ruled out.”",
            "a spokesman for Whitlow",
        );
        assert_first_speaker("“We are sorry,” said Hollis & Brandt.", "Hollis & Brandt");
        assert_first_speaker(
            "The contractor, Hollis & Brandt, said the surge was “exceptional.”",
            "Hollis & Brandt",
        );
        assert_first_speaker("“It was close,” Ann Kelly said.", "Ann Kelly");
    }

    #[test]
    fn a_name_inside_an_aside_is_not_the_subject() {
        assert_first_speaker(
            "Mr. Vance, who trails his rival, Ann Lee, by one vote, said the court had “erred.”",
            "Mr. Vance",
        );
        assert_first_speaker(
            "Ruth Ames, a professor at the University of California, Irvine, said it was “rare.”",
            "Ruth Ames",
        );
    }

    #[test]
    fn a_new_clause_or_a_noun_does_not_take_the_quotation() {
        assert_first_speaker(
            "Ann Walsh said a deal was “very close,” even as aides to both parties said it was not.",
            "Ann Walsh",
        );
        let w = who("Later he called her remarks “beneath the Senate.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("he", "called"));
    }

    #[test]
    fn indirect_speech_skips_a_cue_inside_an_aside() {
        let w = named(
            "A senior aide, who spoke on condition of anonymity, said the main obstacle was money.",
        );
        assert_eq!(w[0].0, "A senior aide");
        // A subject that is only a function word names nobody.
        let w = named("After saying he was tired, the man sat down in the middle of the room.");
        assert!(w.is_empty(), "{w:?}");
        let w = named("The Times said the mayor had written to the council twice.");
        assert_eq!(w[0].0, "The Times");
    }

    #[test]
    fn a_clause_with_its_own_verb_is_no_closing_attribution() {
        let w =
            named("The culture minister, Lai Okoro, praised the move but said more work remained.");
        assert!(w.iter().all(|(_, name)| name == "Lai Okoro"), "{w:?}");
        let w = named("The program will be expanded next year, federal officials said.");
        assert_eq!(w[0].0, "federal officials");
        let w = named("A city spokesman, Ken Moore, spoke first.");
        assert!(w.is_empty(), "{w:?}");
    }

    #[test]
    fn according_to_after_indirect_speech_is_the_medium() {
        let text = "Gov. Ann Bell has said she will sign it, according to her spokeswoman.";
        let paras = segment::paragraphs(text);
        let sents = segment::sentences(text, &paras);
        let (quotes, _) = super::attribute(text, &paras, &sents, Vec::new());
        assert_eq!(quotes[0].text, "she will sign it");
        assert_eq!(quotes[0].via.as_ref().unwrap().text, "her spokeswoman");
    }

    #[test]
    fn an_opening_time_phrase_is_not_the_participle_subject() {
        assert_first_speaker(
            "Hours later, Doe returned the favour, telling reporters, “We are old friends.”",
            "Doe",
        );
        assert_first_speaker(
            "Two years earlier, Roe had changed course, saying “the plan was dead.”",
            "Roe",
        );
    }

    #[test]
    fn an_attribution_set_off_by_commas_reaches_back_over_the_clause() {
        assert_first_speaker(
            "The gap comes from efforts to “measure fairly” what people earn, he said, rather than from tax breaks.",
            "he",
        );
    }

    #[test]
    fn a_plural_possessive_stays_in_the_speaker() {
        assert_first_speaker(
            "The residents' group said the plan was “a gift to the operator.”",
            "The residents' group",
        );
    }

    #[test]
    fn coordinated_verb_shares_the_subject() {
        assert_first_speaker(
            "Doe spoke in Ohio and called the system “rotten to the core.”",
            "Doe",
        );
    }

    #[test]
    fn an_opening_adverbial_is_not_the_subject() {
        assert_first_speaker(
            "At a rally in Ohio, Doe attacked the plan, calling it “a disaster.”",
            "Doe",
        );
        assert_first_speaker(
            "Speaking on Friday in Iowa, Roe praised the mayor, calling her “tireless.”",
            "Roe",
        );
    }

    #[test]
    fn a_participle_after_the_quote_keeps_the_clause_subject() {
        assert_first_speaker(
            "Doe insisted that he had “won the state,” claiming that turnout rose.",
            "Doe",
        );
    }

    #[test]
    fn a_quotation_in_a_clause_belongs_to_its_subject() {
        let w = who("The ad hits Doe for “taking money from every bank in the state.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("The ad", "hits"));
        let w = who("Two years later, Doe has credited the win to “sheer luck.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Doe", "has"));
        assert_first_speaker("It was not just the “noise” that bothered them.", "");
    }

    #[test]
    fn a_participle_or_joined_verb_after_a_quote_does_not_attribute_it() {
        assert_first_speaker(
            "Doe defended “Ohio values,” saying the city was “the soul of America.”",
            "Doe",
        );
        assert_first_speaker(
            "Roe praised Doe as “a leader” but described his plan as “a mess.”",
            "Roe",
        );
    }

    #[test]
    fn a_time_adverbial_or_aside_before_the_verb_is_not_the_speaker() {
        assert_first_speaker(
            "Gov. Jane Doe on Thursday said the plan was “dead on arrival.”",
            "Gov. Jane Doe",
        );
        assert_first_speaker(
            "Rep. Ann Roe (D-Ore.) last week said the bill was “a disgrace.”",
            "Rep. Ann Roe",
        );
        assert_first_speaker(
            "Tom Park, hoping to win Ohio, called the plan “a disgrace.”",
            "Tom Park",
        );
        assert_first_speaker(
            "Doe has praised the plan and has called it “a model for the state.”",
            "Doe",
        );
        assert_first_speaker("“We tried,” Jun wrote.", "Jun");
    }

    #[test]
    fn a_reporting_sentence_before_a_quotation_gives_its_speaker() {
        let w = who(
            "“We will build it,” Doe said.\n\nRoe then asked the crowd a question.\n\n“Who will pay for it?”",
        );
        let last = w.last().unwrap();
        assert_eq!(
            (last.0.as_str(), last.2.as_str()),
            ("Roe", "previous-sentence-subject")
        );
        let w = who("“We will build it,” Doe said. The crowd grew louder. “Who will pay for it?”");
        assert_eq!(w.last().unwrap().0, "Doe");
    }

    #[test]
    fn a_title_case_headline_names_its_speaker() {
        let w = who("Mayor Jane Doe Calls Harbour Plan ‘A Disaster.’\n\nThe plan was approved.");
        assert_eq!(
            (w[0].0.as_str(), w[0].1.as_str()),
            ("Mayor Jane Doe", "Calls")
        );
        assert_first_speaker("The Harbour Times ‘Still Open’\n\nThe paper was sold.", "");
        let w = who("Mayor Doe Sees ‘Real Risk’ if Voters Stay Home\n\nThe vote is on Monday.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Mayor Doe", "Sees"));
        // Many headlines end with a period.
        let w = who("Mayor Doe Sees ‘Real Risk’ if Voters Stay Home.\n\nThe vote is on Monday.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Mayor Doe", "Sees"));
        let w = who("Doe’s ‘Big Plan’ Will Not Work\n\nThe vote is on Monday.");
        assert_eq!(w[0].1, "");
        let w = who("Angry Residents Slam Harbour Plan as ‘A Disaster’\n\nThe plan was approved.");
        assert_eq!(
            (w[0].0.as_str(), w[0].1.as_str()),
            ("Angry Residents", "Slam")
        );
    }

    #[test]
    fn a_sentence_of_only_an_attribution_closes_the_quotation() {
        let w = who("“We will find the missing files.” Doe said.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Doe", "said"));
        let w = who("“We will find the missing files.” Doe said the plan would work.");
        assert_ne!(w[0].2, "quote-name-said");
    }

    #[test]
    fn a_cue_inside_a_reported_clause_yields_to_the_outer_verb() {
        let w = who("Jane Doe said on Monday that she thinks the plan is “dead on arrival.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Jane Doe", "said"));
        let w = who("Jane Doe said the mayor thinks the plan is “dead on arrival.”");
        assert_eq!(w[0].1, "thinks");
        let w = who("Jane Doe said she wanted to speak “directly to the voters.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Jane Doe", "said"));
    }

    #[test]
    fn content_running_on_after_the_mark_ends_at_an_inverted_attribution() {
        let w = who(
            "“He is saying the right things” about pay and pensions, said Jane Doe, a teacher.",
        );
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Jane Doe", "said"));
        assert_first_speaker(
            "“We are friends,” Jim Roe, 57, told a voter passing by.",
            "Jim Roe",
        );
        let w = who("“It is over,” a study by the institute concluded this year.");
        assert_ne!(w[0].0, "this year");
    }

    #[test]
    fn dash_attribution() {
        assert_first_speaker("“Never again.” — Jane Doe, mayor", "Jane Doe");
    }

    #[test]
    fn an_infinitive_after_an_adjective_yields_to_the_clause_verb() {
        let w = who(
            "The chief also said it was too soon to tell whether the fire was arson, \
             and there was “no sign” of a crime.",
        );
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("The chief", "said"));
    }

    #[test]
    fn a_participle_governing_an_infinitive_takes_the_clause_subject() {
        let w = who(
            "“It is unfair,” Walsh said, going on to say that the town has spent \
             “years fighting this battle.”",
        );
        assert_eq!((w[1].0.as_str(), w[1].1.as_str()), ("Walsh", "say"));
    }

    #[test]
    fn a_purpose_clause_is_no_part_of_the_subject() {
        assert_first_speaker(
            "Lee took to the radio on Friday to accuse the board of being “duped.”",
            "Lee",
        );
    }

    #[test]
    fn a_noun_phrase_after_an_opening_prepositional_phrase_is_the_subject() {
        assert_first_speaker(
            "At a meeting in Dover, the chief said there was “no sign” of a crime.",
            "the chief",
        );
        assert_first_speaker(
            "Jane Doe, a lawyer for the town, said it was “a fair deal.”",
            "Jane Doe",
        );
    }

    #[test]
    fn a_quotation_in_an_opening_participle_clause_belongs_to_the_main_subject() {
        assert_first_speaker(
            "In calling the plan “a disgrace,” the bishop again showed his knack for politics.",
            "the bishop",
        );
        let w = who("After saying her knee was “too sore to walk on,” she went home.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("she", "saying"));
    }

    #[test]
    fn an_opening_time_phrase_without_its_comma_is_no_subject() {
        assert_first_speaker(
            "On Monday they closed the review by announcing that the claim was “accurate.”",
            "they",
        );
        assert_first_speaker(
            "Last week the group ended its study by saying the law was “a failure.”",
            "the group",
        );
    }

    #[test]
    fn an_article_before_a_lowercase_noun_opens_a_description() {
        assert_first_speaker(
            "The ad shows a crowd asking, “Why are we not ahead?”",
            "a crowd",
        );
        assert_first_speaker(
            "The ad uses footage of Mary Dole asking, “Why are we not ahead?”",
            "Mary Dole",
        );
    }

    #[test]
    fn a_pronoun_for_the_sentence_subject_reports_the_subject_mention() {
        let w = who("Mayor Jane Roe condemned what she called “a breach of trust.”");
        assert_eq!(
            (w[0].0.as_str(), w[0].1.as_str()),
            ("Mayor Jane Roe", "condemned")
        );
        // "whom" describes an object of its own: its verb stays the cue.
        let w = who("Jane Roe praised the marchers, whom she described as “calm.”");
        assert_eq!(
            (w[0].0.as_str(), w[0].1.as_str()),
            ("Jane Roe", "described")
        );
        assert_first_speaker("Tom Hale said he wanted the town “to move on.”", "Tom Hale");
        // After "and" the pronoun may open a clause about someone else.
        let w = who("Tom Hale met the board, and he called the plan “a farce.”");
        assert_eq!(w[0].0, "he");
    }

    #[test]
    fn a_nickname_does_not_cut_off_the_attribution_after_a_quotation() {
        let w = who("“We will win!” the mayor's niece, state Del. Mary “Molly” Price, shouted.");
        assert!(w[0].0.ends_with("Price"), "{w:?}");
        assert_eq!(w[0].1, "shouted");
    }

    #[test]
    fn a_capitalised_modifier_makes_a_verb_in_s_a_noun() {
        let w = who("The panel rated 30% of Republican claims as “false” last year.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("The panel", "rated"));
    }

    #[test]
    fn a_reporting_verb_without_a_subject_is_kept_as_the_cue() {
        let w = who("Mocks his rivals and calls them “losers” and “sad.”");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("", "calls"));
        assert_eq!((w[1].0.as_str(), w[1].1.as_str()), ("", "calls"));
        let w = who("Also warned that the plan was “a farce.”");
        assert_eq!(
            (w[0].0.as_str(), w[0].1.as_str(), w[0].2.as_str()),
            ("", "warned", "cue-only")
        );
    }

    #[test]
    fn a_colon_ending_the_previous_paragraph_introduces_only_its_first_quotation() {
        let w = who(
            "The scene was recorded in detail:\n\n“Here he comes,” she said, clapping. \
             “The mayor is here.”",
        );
        assert_eq!((w[1].0.as_str(), w[1].1.as_str()), ("she", "said"));
    }

    #[test]
    fn a_sentence_ending_in_its_attribution_attributes_its_quotations() {
        let w = who("The ‘Harbour Plan’ Could Save the Port, Mayor Jane Doe Says.\n\nIt passed.");
        assert_eq!(
            (w[0].0.as_str(), w[0].1.as_str()),
            ("Mayor Jane Doe", "Says")
        );
        let w = who("The “opt out” movement is about parents and their rights, Ann Lee said.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Ann Lee", "said"));
    }

    #[test]
    fn a_continuing_quotation_keeps_a_subjectless_verb_further_on() {
        let w = who(
            "Mr. Hale said it was praise -- “That makes me smart” -- and, when asked \
             after the debate, insisting, “Of course I pay my taxes.”",
        );
        assert_eq!(
            (w[1].0.as_str(), w[1].1.as_str()),
            ("Mr. Hale", "insisting")
        );
    }

    #[test]
    fn openers_datelines_contractions_and_purpose_clauses() {
        assert_first_speaker(
            "In 2009, under what Mr. Hale called “the old model,” the club grew.",
            "Mr. Hale",
        );
        assert_first_speaker(
            "DOVER — The mayor’s chief aide rallied staff, saying: “We have to be ready.”",
            "The mayor’s chief aide",
        );
        assert_first_speaker(
            "When he returned he began by saying, “I do not think so.”",
            "he",
        );
        assert_first_speaker(
            "Mr. Walsh said he’d asked his “people” to help.",
            "Mr. Walsh",
        );
        assert_first_speaker("They said he’d asked his “people” to help.", "he");
        let w = who("Roe coined a phrase, “tax dodgers,” to describe those who left.");
        assert_ne!(w[0].0, "to");
    }

    #[test]
    fn headline_tails_with_an_addressee_and_names_with_modifiers() {
        let w =
            who("Taxes Are ‘A Scandal,’ Jane Doe Tells Party Congress\n\nThe vote is on Monday.");
        assert_eq!((w[0].0.as_str(), w[0].1.as_str()), ("Jane Doe", "Tells"));
        assert_first_speaker(
            "Republican presidential hopeful Jane Doe praised her aide as a “very decent man” on Monday.",
            "Republican presidential hopeful Jane Doe",
        );
        // A verb after a name ends it, even before another name.
        assert_first_speaker(
            "Jane Doe praised Tom Hale as a “very decent man” on Monday.",
            "Jane Doe",
        );
    }

    /// Every char boundary of `text`.
    fn boundaries(text: &str) -> Vec<usize> {
        (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect()
    }

    #[test]
    fn a_window_with_a_cue_token_may_hold_a_cue() {
        let lex = super::lexicon();
        for text in [
            "Doe said it.",
            "In the words of Doe, it is over.",
            "It is over, according to Doe.",
            "He unsaid it, resaid-it and SAID: no.",
            "Prices rose in the spring, the report found.",
            "The cat sat on the mat.",
            "Ünïcödé tëxt, añd “quotes” told",
        ] {
            let has_cue = |window: Span| {
                let toks = tokens(text, window);
                (0..toks.len()).any(|i| super::cue_at(text, &toks, i).is_some())
            };
            for cut in boundaries(text) {
                let truth =
                    has_cue(Span::new(0, text.len())) || has_cue(Span::new(cut, text.len()));
                if truth {
                    assert!(lex.may_hold_cue(text, cut), "{text} {cut}");
                }
            }
        }
        assert!(!lex.may_hold_cue("The cat sat on the mat.", 0));
    }

    #[test]
    fn the_pronoun_subject_test_reads_the_whole_sentence_only_when_needed() {
        let mut subjects = 0;
        for text in [
            "Doe said he would go. Roe, whom he called a friend, agreed.",
            "Doe criticised what he called a sham and said that she left.",
            "Doe said\u{a0} he left, and then he said that he would stay.",
            "Doe said \u{a0}\u{a0} she left; Roe (D-Mo.) told them it was over.",
            "He he he. “Quote” said they, which they did.",
        ] {
            let paragraphs = crate::segment::paragraphs(text);
            let sentences = crate::segment::sentences(text, &paragraphs);
            for (at, w) in text.char_indices() {
                for len in [2, 3, 4] {
                    let Some(word) = text.get(at..at + len) else {
                        continue;
                    };
                    if !matches!(word, "he" | "she" | "it" | "they") || w.is_uppercase() {
                        continue;
                    }
                    let pronoun = Span::new(at, at + len);
                    let Some(k) = sentences
                        .iter()
                        .position(|s| s.span.start <= at && at < s.span.end)
                    else {
                        continue;
                    };
                    let window = Span::new(sentences[k].span.start, at);
                    let whole = super::subject_for_pronoun_in(text, &tokens(text, window), pronoun);
                    subjects += usize::from(whole.is_some());
                    assert_eq!(
                        super::subject_for_pronoun(text, &sentences, pronoun),
                        whole,
                        "{text} {at}"
                    );
                }
            }
        }
        assert!(subjects >= 3, "{subjects}");
    }

    #[test]
    fn quotations_merge_into_the_order_a_stable_sort_gives() {
        let text = "abcdefghij";
        let quote = |at: usize, len: usize| {
            let span = Span::new(at, at + len);
            quote::Quote::unattributed(text, span, span, quote::QuoteKind::Direct, true)
        };
        for (starts, split) in [
            (vec![0, 3, 6, 1, 4, 8], 3),
            (vec![0, 3, 3, 3, 9], 2),
            (vec![5, 2, 7, 1], 2),
            (vec![1, 2, 3], 3),
            (vec![4, 5, 1, 2], 0),
            (vec![], 0),
        ] {
            // The length tells apart quotations that start together.
            let quotes: Vec<_> = starts
                .iter()
                .enumerate()
                .map(|(k, &s)| quote(s, k % 2))
                .collect();
            let found: Vec<_> = (0..quotes.len())
                .map(|k| {
                    Some(super::Found {
                        confidence: k as f32,
                        ..super::Found::default()
                    })
                })
                .collect();
            let mut want: Vec<_> = quotes.iter().cloned().zip(found.iter().cloned()).collect();
            want.sort_by_key(|(q, _)| q.span.start);
            let (q, f) = super::in_text_order(quotes, found, split);
            let got: Vec<_> = q.into_iter().zip(f).collect();
            let key = |v: &[(quote::Quote, Option<super::Found>)]| {
                v.iter()
                    .map(|(q, f)| (q.span, f.as_ref().map(|f| f.confidence)))
                    .collect::<Vec<_>>()
            };
            assert_eq!(key(&got), key(&want), "{starts:?} {split}");
        }
    }

    #[test]
    fn the_tokens_after_the_last_comma_are_a_scan_of_the_rest() {
        let text = "Plan Is ‘Dead,’ Will Be Rewritten,Mayor A.B. Doe-Roe, Jr., Says,, 1,000 ok";
        let b = boundaries(text);
        for &ws in &b {
            let window = Span::new(ws, text.len());
            let all = tokens(text, window);
            let Some(comma) = all.iter().rposition(|t| t.text(text) == ",") else {
                assert!(!window.text(text).contains(','));
                continue;
            };
            let at = ws + window.text(text).rfind(',').unwrap();
            assert_eq!(all[comma].span, Span::new(at, at + 1));
            let rest: Vec<Span> = tokens(text, Span::new(at + 1, text.len()))
                .iter()
                .map(|t| t.span)
                .collect();
            let tail: Vec<Span> = all[comma + 1..].iter().map(|t| t.span).collect();
            assert_eq!(rest, tail, "{ws}");
        }
    }

    #[test]
    fn a_scan_to_the_sentence_end_matches_a_full_scan_cut_there() {
        let text = "Doe (D-Wis.) said. Roe, of N.J., agreed; “no?” he asked! (Yes.), \
                    she said.) — fine . ; end";
        // A full scan cut before the first sentence end or semicolon that
        // no glued closing bracket or comma follows.
        let clipped = |window: Span| {
            let mut toks = tokens(text, window);
            let ends = |k: usize| {
                let t = toks[k];
                !t.word
                    && matches!(t.text(text), "." | "?" | "!" | ";")
                    && !toks.get(k + 1).is_some_and(|n| {
                        n.span.start == t.span.end && matches!(n.text(text), ")" | ",")
                    })
            };
            if let Some(pos) = (0..toks.len()).find(|&k| ends(k)) {
                toks.truncate(pos);
            }
            toks.iter()
                .map(|t| (t.span, t.word, t.cue))
                .collect::<Vec<_>>()
        };
        let b = boundaries(text);
        for &ws in &b {
            for &we in b.iter().filter(|&&e| e >= ws) {
                let window = Span::new(ws, we);
                let got: Vec<_> = super::tokens_to_sentence_end(text, window)
                    .iter()
                    .map(|t| (t.span, t.word, t.cue))
                    .collect();
                assert_eq!(got, clipped(window), "{window:?}");
            }
        }
    }

    #[test]
    fn sub_tokens_match_a_fresh_scan_of_every_window() {
        let text = "Sen. Jane O’Neill-Doe, of the U.S. Dept. said -- “it’s AT&T’s — so-called \
                    3.5% plan,” V. Pant - said.  Ms. Roe:\u{a0}é Ü.x. ab. \"no\"—ok --- -";
        let b = boundaries(text);
        for &cs in b.iter().step_by(3) {
            let ends = b.iter().filter(|&&e| e >= cs).step_by(7);
            // The text's end too: windows cut off by the end of the text.
            for &ce in ends.chain([&text.len()]) {
                let cover = Span::new(cs, ce);
                let all = tokens(text, cover);
                for &ws in b.iter().filter(|&&s| s >= cs && s <= ce).step_by(3) {
                    for &we in b.iter().filter(|&&e| e >= ws && e <= ce) {
                        let window = Span::new(ws, we);
                        let want: Vec<(Span, bool)> = tokens(text, window)
                            .iter()
                            .map(|t| (t.span, t.word))
                            .collect();
                        let got: Vec<(Span, bool)> = sub_tokens(text, &all, window)
                            .iter()
                            .map(|t| (t.span, t.word))
                            .collect();
                        assert_eq!(got, want, "{cover:?} {window:?}");
                    }
                }
            }
        }
    }
}
