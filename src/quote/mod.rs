//! Quotations: pairing quotation marks and telling quotation kinds apart.

use serde::{Deserialize, Serialize};

use crate::attribute::{Cue, Mention, SpeakerMention};
use crate::segment::{Paragraph, Sentence};
use crate::span::{Span, serialize_spanned};

/// What kind of quotation this is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum QuoteKind {
    /// Quoted speech: whole clauses or sentences between marks.
    Direct,
    /// A few quoted words inside reported speech (a mixed quotation).
    Partial,
    /// Reported speech without quotation marks.
    Indirect,
    /// Scare quotes, titles and so-called terms: no speaker.
    Scare,
}

/// One quotation, with its attribution when one was found.
///
/// `span` covers the marks, `content` only the quoted words; both are byte
/// ranges into the document's text. An attributed quotation (one with a
/// `speaker`, and not scare quotes) also becomes a [`Claim`](crate::Claim)
/// whose `claimant` is the speaker's canonical name.
///
/// ```
/// use quotecheck::{Analyzer, Document};
///
/// let text = "“We will win,” Jane Doe said.";
/// let analysis = Analyzer::default().analyze(&Document::new("d", text));
/// for q in &analysis.quotes {
///     assert_eq!(q.content.text(text), q.text);
///     if let (Some(speaker), Some(cue)) = (&q.speaker, &q.cue) {
///         println!("{} ({}): {}", speaker.name, cue.lemma, q.text);
///     }
/// }
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Quote {
    /// The bytes of the quotation, marks included (for indirect speech,
    /// the reported content).
    #[serde(flatten)]
    pub span: Span,
    /// The quoted content, without marks.
    pub text: String,
    /// The bytes of the content without marks.
    pub content: Span,
    /// What kind of quotation this is.
    pub kind: QuoteKind,
    /// False when the closing mark is missing and the quotation was cut
    /// at the end of its paragraph.
    pub closed: bool,
    /// Who said it, if known.
    pub speaker: Option<SpeakerMention>,
    /// The reporting verb or other cue, if any.
    pub cue: Option<Cue>,
    /// The medium that relayed the words (`according to TASS`), if any.
    pub via: Option<Mention>,
    /// Whom the words were addressed to (`told reporters`), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub addressee: Option<Mention>,
    /// How sure the attribution is, from 0 to 1.
    pub confidence: f32,
    /// The name of the attribution pattern that fired, to explain the
    /// decision.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<String>,
}

serialize_spanned!(Quote {
    span, text, content, kind, closed, speaker, cue, via, ?addressee, confidence, ?pattern
});

/// The deepest nesting of quotation marks that is tracked; deeper marks
/// are treated as plain text.
const MAX_NESTING: usize = 4;
/// A quotation of at most this many words, without a cue in its
/// sentence, is a scare quote or title rather than speech.
const SCARE_MAX_WORDS: usize = 4;
/// How many bytes either side of a short quotation are searched for a
/// reporting cue.
const CUE_WINDOW: usize = 200;

fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words that, right before a short quotation, mark it as a term or title.
const TERM_MARKERS: &[&str] = &[
    "so-called",
    "dubbed",
    "called",
    "titled",
    "entitled",
    "named",
    "term",
    "word",
    "phrase",
    "slogan",
    "label",
    "nicknamed",
    "known as",
];

/// The family of a mark: doubles pair with doubles, singles with singles.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
    Corner,
}

/// What a mark can do.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// Straight marks and ’: decided by context.
    Either,
}

/// The first UTF-8 byte of `c`.
const fn lead_byte(c: char) -> u8 {
    let c = c as u32;
    match c {
        0..=0x7F => c as u8,
        0x80..=0x7FF => 0xC0 | (c >> 6) as u8,
        0x800..=0xFFFF => 0xE0 | (c >> 12) as u8,
        _ => 0xF0 | (c >> 18) as u8,
    }
}

/// Every character that [`classify`] knows.
const MARKS: [char; 16] = [
    '"', '“', '„', '”', '\'', '’', '‘', '‚', '«', '‹', '»', '›', '「', '『', '」', '』',
];

/// The bytes that may start a quotation mark: the first bytes of
/// [`MARKS`]. Other bytes are skipped without decoding.
const MARK_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut i = 0;
    while i < MARKS.len() {
        table[lead_byte(MARKS[i]) as usize] = true;
        i += 1;
    }
    table
};

fn classify(c: char) -> Option<(Family, Role)> {
    Some(match c {
        '"' => (Family::Double, Role::Either),
        '“' | '„' => (Family::Double, Role::Open),
        '”' => (Family::Double, Role::Close),
        '\'' | '’' => (Family::Single, Role::Either),
        '‘' | '‚' => (Family::Single, Role::Open),
        '«' | '‹' => (Family::Guillemet, Role::Open),
        '»' | '›' => (Family::Guillemet, Role::Close),
        '「' | '『' => (Family::Corner, Role::Open),
        '」' | '』' => (Family::Corner, Role::Close),
        _ => return None,
    })
}

/// An open mark waiting for its partner.
#[derive(Clone, Copy, Debug)]
struct Open {
    family: Family,
    /// Byte offset of the opening mark.
    at: usize,
    /// Byte length of the opening mark.
    len: usize,
}

/// A quotation piece found in one paragraph, before classification.
#[derive(Clone, Copy, Debug)]
struct Piece {
    span: Span,
    content: Span,
    closed: bool,
}

/// The bytes of [`MARK_START`]: the common ones (straight marks and the
/// lead byte of the curly marks) and the rare ones (guillemets, corner
/// brackets).
const COMMON_MARK_BYTES: [u8; 3] = [b'"', b'\'', 0xE2];
/// See [`COMMON_MARK_BYTES`].
const RARE_MARK_BYTES: [u8; 2] = [0xC2, 0xE3];

// The searched bytes are exactly those of [`MARK_START`].
const _: () = {
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        let searched = byte == COMMON_MARK_BYTES[0]
            || byte == COMMON_MARK_BYTES[1]
            || byte == COMMON_MARK_BYTES[2]
            || byte == RARE_MARK_BYTES[0]
            || byte == RARE_MARK_BYTES[1];
        assert!(MARK_START[b] == searched);
        b += 1;
    }
};

/// Finds the bytes that may start a quotation mark with vectorised
/// searches, one for the common and one for the rare bytes, each
/// remembered until the scan passes it.
struct MarkStarts<'a> {
    bytes: &'a [u8],
    /// The next common byte at or after where it was last searched from,
    /// `usize::MAX` for none; `None` before the first search.
    common: Option<usize>,
    /// The same for the rare bytes.
    rare: Option<usize>,
}

impl<'a> MarkStarts<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Self {
            bytes,
            common: None,
            rare: None,
        }
    }

    /// The first byte at or after `from` that may start a mark.
    fn next_from(&mut self, from: usize) -> Option<usize> {
        let rest = self.bytes.get(from..)?;
        let [a, b, c] = COMMON_MARK_BYTES;
        let common = match self.common {
            Some(at) if at >= from => at,
            _ => memchr::memchr3(a, b, c, rest).map_or(usize::MAX, |k| from + k),
        };
        self.common = Some(common);
        let [d, e] = RARE_MARK_BYTES;
        let rare = match self.rare {
            Some(at) if at >= from => at,
            _ => memchr::memchr2(d, e, rest).map_or(usize::MAX, |k| from + k),
        };
        self.rare = Some(rare);
        let at = common.min(rare);
        (at != usize::MAX).then_some(at)
    }
}

/// Finds the quotations in `text`, paragraph by paragraph, in one linear
/// pass over each paragraph. A paragraph that ends inside a quotation
/// either continues it (the next paragraph reopens with a mark of the same
/// family) or reports it unclosed.
pub(crate) fn find(text: &str, paragraphs: &[Paragraph], sentences: &[Sentence]) -> Vec<Quote> {
    let mut out = Vec::new();
    for para in paragraphs {
        for piece in pieces(text, para.span) {
            out.push(make_quote(text, piece, sentences));
        }
    }
    out
}

fn is_word_char(c: Option<char>) -> bool {
    c.is_some_and(crate::grammar::is_alphanumeric)
}

/// Pairs the marks of one paragraph.
fn pieces(text: &str, para: Span) -> Vec<Piece> {
    let body = para.text(text);
    let mut out = Vec::new();
    let mut stack: Vec<Open> = Vec::new();
    let bytes = body.as_bytes();
    let mut from = 0;
    // Only the bytes that may start a mark are looked at; the characters
    // around a mark are read when one is found.
    let mut marks = MarkStarts::new(bytes);
    while let Some(i) = marks.next_from(from) {
        // a mark's first byte starts a character
        let Some(c) = body.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        from = i + c.len_utf8();
        let Some((mut family, mut role)) = classify(c) else {
            continue;
        };
        let prev = body[..i].chars().next_back();
        let mut next = body[from..].chars().next();
        let at = para.start + i;
        let mut len = c.len_utf8();
        // Two straight single marks ('') stand for a double mark.
        if c == '\'' && next == Some('\'') {
            from += 1;
            len = 2;
            family = Family::Double;
            role = Role::Either;
            next = body[from..].chars().next();
        }
        let role = match (family, role) {
            (Family::Single, Role::Either) => {
                let inside_single = stack.last().is_some_and(|o| o.family == Family::Single);
                if is_word_char(prev) && is_word_char(next) {
                    // don't, O'Neill
                    continue;
                } else if inside_single && !is_word_char(next) {
                    Role::Close
                } else if !is_word_char(prev) && next.is_some_and(char::is_alphabetic) && c == '\''
                {
                    Role::Open
                } else {
                    // students', '90s, 'em
                    continue;
                }
            }
            (Family::Single, Role::Open) if next.is_some_and(|n| n.is_ascii_digit()) => {
                // ‘90s
                continue;
            }
            (_, Role::Either) => {
                let top_same = stack.last().is_some_and(|o| o.family == family);
                let space_before = prev.is_none_or(|p| p.is_whitespace() || "([{—–-".contains(p));
                let space_after =
                    next.is_none_or(|n| n.is_whitespace() || ",.;:!?)]}—–".contains(n));
                if top_same && !space_before {
                    Role::Close
                } else if space_before && !space_after {
                    Role::Open
                } else if top_same {
                    Role::Close
                } else {
                    Role::Open
                }
            }
            // A closing mark used to open a paragraph or a word: ”Mr. …
            (Family::Double, Role::Close)
                if !stack.iter().any(|o| o.family == Family::Double)
                    && prev.is_none_or(char::is_whitespace)
                    && is_word_char(next) =>
            {
                Role::Open
            }
            (_, r) => r,
        };
        match role {
            Role::Open => {
                if stack.len() < MAX_NESTING {
                    stack.push(Open { family, at, len });
                }
            }
            Role::Close => {
                // Close the innermost open mark of this family; marks
                // opened inside it and never closed are dropped.
                if let Some(pos) = stack.iter().rposition(|o| o.family == family) {
                    let open = stack[pos];
                    stack.truncate(pos);
                    // ‘n’ in rock ’n’ roll is a pair of apostrophes.
                    let tiny = family == Family::Single && at - (open.at + open.len) <= 2;
                    if stack.is_empty() && !tiny {
                        out.push(Piece {
                            span: Span::new(open.at, at + len),
                            content: Span::new(open.at + open.len, at),
                            closed: true,
                        });
                    }
                }
            }
            Role::Either => {}
        }
    }
    // Recover at the end of the paragraph: the outermost unclosed
    // non-single mark becomes an unclosed quotation; stray singles were
    // apostrophes.
    if let Some(open) = stack.iter().find(|o| o.family != Family::Single) {
        out.push(Piece {
            span: Span::new(open.at, para.end),
            content: Span::new(open.at + open.len, para.end),
            closed: false,
        });
    }
    out
}

fn make_quote(text: &str, piece: Piece, sentences: &[Sentence]) -> Quote {
    let kind = kind_of(text, piece, sentences);

    Quote::unattributed(text, piece.span, piece.content, kind, piece.closed)
}

impl Quote {
    /// A quotation with no attribution yet: the attribution stage fills
    /// in speaker, cue, via, addressee, confidence and pattern.
    pub(crate) fn unattributed(
        text: &str,
        span: Span,
        content: Span,
        kind: QuoteKind,
        closed: bool,
    ) -> Quote {
        Quote {
            span,
            text: content.text(text).to_owned(),
            content,
            kind,
            closed,
            speaker: None,
            cue: None,
            via: None,
            addressee: None,
            confidence: 0.0,
            pattern: None,
        }
    }
}

/// Small words that stay lowercase in a title.
const TITLE_SMALL_WORDS: &[&str] = &[
    "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "with", "by", "from",
];
/// The most words a quoted title may have.
const TITLE_MAX_WORDS: usize = 6;

/// A short quotation in title case ("Morning Joe", "Fox News Sunday,")
/// names a work or show.
fn is_title(content: &str) -> bool {
    let trimmed = content.trim_end_matches([',', '.']);
    // ASCII marks: their bytes are never part of another character.
    if trimmed
        .bytes()
        .any(|b| matches!(b, b'.' | b'?' | b'!' | b',' | b';' | b':'))
    {
        return false;
    }
    // The words are read only until one fails or there are too many.
    let mut words = 0;
    for (i, w) in trimmed.split_whitespace().enumerate() {
        let title_word = w
            .chars()
            .next()
            .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
            || (i > 0 && TITLE_SMALL_WORDS.contains(&w));
        if i == TITLE_MAX_WORDS || !title_word {
            return false;
        }
        words += 1;
    }
    (2..=TITLE_MAX_WORDS).contains(&words)
}

/// How many bytes around a quotation are read to tell whether its line
/// is a headline.
const HEADLINE_WINDOW: usize = 300;

/// True when the line around `span` is in title case, as headlines are:
/// a title-case quotation there says nothing about being a title.
fn in_headline(text: &str, span: Span) -> bool {
    let from = ceil_boundary(text, span.start.saturating_sub(HEADLINE_WINDOW));
    let to = floor_boundary(text, span.end + HEADLINE_WINDOW).max(span.end);
    let before = Span::new(from, span.start).text(text);
    let after = Span::new(span.end, to).text(text);
    let line_start = before.rfind('\n').map_or(before, |i| &before[i + 1..]);
    let line_end = after.find('\n').map_or(after, |i| &after[..i]);
    let words = line_start
        .split_whitespace()
        .chain(line_end.split_whitespace())
        // At least four letters: counted only as far as the fourth.
        .filter(|w| w.chars().filter(|c| c.is_alphabetic()).nth(3).is_some());
    let (mut caps, mut total) = (0, 0);
    for w in words {
        total += 1;
        if w.chars()
            .find(|c| c.is_alphabetic())
            .is_some_and(char::is_uppercase)
        {
            caps += 1;
        }
    }
    total >= 2 && caps * 5 >= total * 4
}

fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Quoted strings that are not words anyone said: numbers, IDs and dates
/// (no letter at all, and not exclaimed or asked), and a lone handle, hashtag or web address, as
/// left behind by embedded posts.
fn is_not_speech(content: &str) -> bool {
    if !content.chars().any(char::is_alphabetic) {
        // "15%!" is still an exclamation
        return !content.ends_with(['!', '?']);
    }
    let mut tokens = content.split_whitespace();
    let (Some(only), None) = (tokens.next(), tokens.next()) else {
        return false;
    };
    only.starts_with(['@', '#']) || only.contains("://") || only.starts_with("www.")
}

/// Tells speech from partial quotations and scare quotes.
/// Most words in a nickname between a first and a last name.
const NICKNAME_MAX_WORDS: usize = 3;

/// True for a nickname between a first and a last name: Mary "Molly"
/// Price, Dwayne "The Rock" Johnson. Such marks quote no one.
fn is_nickname(text: &str, span: Span, content: &str) -> bool {
    let capitalised = |w: &str| w.chars().next().is_some_and(char::is_uppercase);
    let words = content
        .split_whitespace()
        .take(NICKNAME_MAX_WORDS + 1)
        .count();
    if words == 0
        || words > NICKNAME_MAX_WORDS
        || !content
            .split_whitespace()
            .all(|w| capitalised(w) && w.chars().all(char::is_alphabetic))
    {
        return false;
    }
    let before = &text[..span.start];
    let after = &text[span.end..];
    let first = before
        .strip_suffix(' ')
        .and_then(|b| b.rsplit(' ').next())
        .is_some_and(|w| capitalised(w) && w.chars().all(char::is_alphabetic));
    let last = after
        .strip_prefix(' ')
        .and_then(|a| a.split([' ', ',', '.', ')']).next())
        .is_some_and(|w| capitalised(w) && w.chars().all(|c| c.is_alphabetic() || c == '-'));
    first && last
}

fn kind_of(text: &str, piece: Piece, sentences: &[Sentence]) -> QuoteKind {
    let content = piece.content.text(text).trim();
    // Only whether there are more than a scare quote's words counts.
    let words = content.split_whitespace().take(SCARE_MAX_WORDS + 1).count();
    let ends_like_speech = content.ends_with([',', '.', '?', '!', '—', '…']);
    let before = &text[..piece.span.start];
    let before_trim = before.trim_end();
    let starts_clause = before_trim.is_empty()
        || before_trim.ends_with([':', ',', '.', '?', '!', '\n', '—', '–', '(', '”', '"'])
        || before.ends_with('\n');
    if is_not_speech(content) {
        return QuoteKind::Scare;
    }
    // Reading the line around the quotation costs more than every other
    // test here, so it is read only when a test needs it, at most once.
    let mut headline_seen = None;
    let mut headline = || *headline_seen.get_or_insert_with(|| in_headline(text, piece.span));
    // In a title-case headline every word is capitalised.
    if is_nickname(text, piece.span, content) && !headline() {
        return QuoteKind::Scare;
    }
    if is_title(content) && !headline() {
        return QuoteKind::Scare;
    }
    // Headlines quote in single marks: `Doe Calls Plan 'A Disaster'`.
    let single = text[piece.span.start..].starts_with(['‘', '\'']);
    if words <= SCARE_MAX_WORDS && !ends_like_speech && !(single && headline()) {
        // The last 24 characters before the quotation.
        let from = before_trim
            .char_indices()
            .rev()
            .nth(23)
            .map_or(0, |(at, _)| at);
        let lower = before_trim[from..].to_lowercase();
        if TERM_MARKERS.iter().any(|m| lower.ends_with(m)) {
            return QuoteKind::Scare;
        }
        let idx = sentences.partition_point(|s| s.span.end <= piece.span.start);
        let sentence = sentences
            .get(idx)
            .filter(|s| s.span.start <= piece.span.start);
        let has_cue = sentence.is_some_and(|s| {
            let from = floor_boundary(
                text,
                s.span
                    .start
                    .max(piece.span.start.saturating_sub(CUE_WINDOW)),
            );
            let to = piece.span.end.min(s.span.end);
            let until = floor_boundary(text, s.span.end.min(to + CUE_WINDOW)).max(to);
            let outside = format!(
                "{} {}",
                Span::new(from, piece.span.start).text(text),
                Span::new(to, until).text(text)
            );
            crate::attribute::has_cue(&outside)
        });
        return if has_cue {
            QuoteKind::Partial
        } else {
            QuoteKind::Scare
        };
    }
    if starts_clause || ends_like_speech {
        QuoteKind::Direct
    } else {
        QuoteKind::Partial
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment;

    fn quotes(text: &str) -> Vec<(String, QuoteKind, bool)> {
        let paras = segment::paragraphs(text);
        let sents = segment::sentences(text, &paras);
        find(text, &paras, &sents)
            .into_iter()
            .map(|q| (q.text, q.kind, q.closed))
            .collect()
    }

    #[test]
    fn the_searched_bytes_are_the_mark_start_bytes() {
        let searched: Vec<u8> = COMMON_MARK_BYTES
            .iter()
            .chain(&RARE_MARK_BYTES)
            .copied()
            .collect();
        for b in 0..=255u8 {
            assert_eq!(MARK_START[usize::from(b)], searched.contains(&b), "{b:#x}");
        }
    }

    #[test]
    fn mark_starts_are_found_in_order() {
        let text = "a \"b\" «c» ‘d’ 「e」 'f' x";
        let mut marks = MarkStarts::new(text.as_bytes());
        let mut found = Vec::new();
        let mut from = 0;
        while let Some(i) = marks.next_from(from) {
            found.push(i);
            from = i + 1;
        }
        let want: Vec<usize> = (0..text.len())
            .filter(|&i| MARK_START[usize::from(text.as_bytes()[i])])
            .collect();
        assert_eq!(found, want);
    }

    #[test]
    fn every_mark_starts_with_a_byte_the_scan_stops_at() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            let first = c.encode_utf8(&mut [0; 4]).as_bytes()[0];
            assert_eq!(lead_byte(c), first, "{c:?}");
            if classify(c).is_some() {
                assert!(MARKS.contains(&c), "{c:?}");
                assert!(MARK_START[usize::from(first)], "{c:?}");
            }
        }
    }

    #[test]
    fn ids_dates_and_handles_are_not_speech() {
        let text = "She wrote that the post was \"1234567\" on \"2016-06-29\" by \"@somebody\", tagged \"#tag\". \
                    The crowd chanted \"15%!\" and he said \"we won\".";
        let kinds: Vec<(String, QuoteKind)> =
            quotes(text).into_iter().map(|(t, k, _)| (t, k)).collect();
        for id in ["1234567", "2016-06-29", "@somebody", "#tag"] {
            assert!(
                kinds.iter().any(|(t, k)| t == id && *k == QuoteKind::Scare),
                "{id}: {kinds:?}"
            );
        }
        for said in ["15%!", "we won"] {
            assert!(
                kinds
                    .iter()
                    .any(|(t, k)| t == said && *k != QuoteKind::Scare),
                "{said}: {kinds:?}"
            );
        }
    }

    #[test]
    fn apostrophes_are_not_quotation_marks() {
        let text =
            "Don't ask O'Neill about the '90s, rock 'n' roll or the students' fees, she said.";
        assert!(quotes(text).is_empty(), "{:?}", quotes(text));
    }

    #[test]
    fn curly_and_straight_marks_pair() {
        let q = quotes("“We will win,” Doe said. \"We always do,\" she added.");
        assert_eq!(q.len(), 2);
        assert_eq!(q[0].0, "We will win,");
        assert_eq!(q[1].0, "We always do,");
        assert_eq!(q[0].1, QuoteKind::Direct);
    }

    #[test]
    fn nested_single_quotes_stay_inside() {
        let q = quotes("“He told me ‘never again’ twice,” Doe said.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "He told me ‘never again’ twice,");
    }

    #[test]
    fn unclosed_quote_stops_at_paragraph_end() {
        let q = quotes("“This never ends, Doe said.\n\nA new paragraph with “a quote.”");
        assert_eq!(q.len(), 2);
        assert!(!q[0].2);
        assert_eq!(q[0].0, "This never ends, Doe said.");
        assert!(q[1].2);
    }

    #[test]
    fn a_nickname_between_names_is_no_speech() {
        let q = quotes("“We will win,” said Mary “Molly” Price, a delegate.");
        assert_eq!(q[1].1, QuoteKind::Scare);
        let q = quotes("Dwayne “The Rock” Johnson waved.");
        assert_eq!(q[0].1, QuoteKind::Scare);
        // In a title-case headline every word is capitalised.
        let q = quotes("Doe Says He ‘Won’ By Finishing Third\n\nThe count went on.");
        assert_ne!(q[0].1, QuoteKind::Scare);
    }

    #[test]
    fn titles_are_short_title_case_phrases() {
        // The test as first written: the first words collected, then read.
        let reference = |content: &str| {
            let trimmed = content.trim_end_matches([',', '.']);
            if trimmed
                .bytes()
                .any(|b| matches!(b, b'.' | b'?' | b'!' | b',' | b';' | b':'))
            {
                return false;
            }
            let words: Vec<&str> = trimmed
                .split_whitespace()
                .take(TITLE_MAX_WORDS + 1)
                .collect();
            (2..=TITLE_MAX_WORDS).contains(&words.len())
                && words.iter().enumerate().all(|(i, w)| {
                    w.chars()
                        .next()
                        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
                        || (i > 0 && TITLE_SMALL_WORDS.contains(w))
                })
        };
        for content in [
            "",
            "Morning Joe",
            "Fox News Sunday,",
            "Meet the Press",
            "the Press",
            "Morning",
            "We will win",
            "A B C D E F",
            "A B C D E F G",
            "A B C D E of",
            "Ünïcödé Tëxt 2024",
            "One Two. Three",
            "  Spaced   Out  Words  ",
        ] {
            assert_eq!(is_title(content), reference(content), "{content}");
        }
    }

    #[test]
    fn so_called_terms_are_scare_quotes() {
        let q = quotes("The so-called “reform” passed on Monday.");
        assert_eq!(q[0].1, QuoteKind::Scare);
    }

    #[test]
    fn digits_alone_are_not_speech() {
        let q = quotes("The post, dated “2016-09-01,” was shared by “1448038800” users.");
        assert!(q.iter().all(|q| q.1 == QuoteKind::Scare), "{q:?}");
    }

    #[test]
    fn single_quotes_in_a_headline_are_quotations() {
        let q = quotes("Mayor Calls Harbour Plan ‘Years Overdue’\n\nThe plan was approved.");
        assert_eq!(q[0].1, QuoteKind::Partial);
    }

    #[test]
    fn guillemets_pair() {
        let q = quotes("Il a dit : « Nous gagnerons. »");
        assert_eq!(q.len(), 1);
    }

    #[test]
    fn thousands_of_stray_marks_do_not_hang() {
        let text = "\"a ".repeat(20_000) + "“b ".repeat(20_000).as_str();
        let q = quotes(&text);
        assert!(q.len() <= 20_001);
    }
}
