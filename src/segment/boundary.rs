//! Sentence boundaries inside one block.
//!
//! A byte scan finds the candidates (terminal punctuation and bullets);
//! small nom parsers then read a bounded window on each side of the
//! candidate and decide. Every window has a named limit, so the whole scan
//! is linear in the size of the block.

use memchr::memmem;
use nom::branch::alt;
use nom::bytes::complete::{tag, take_while, take_while_m_n, take_while1};
use nom::character::complete::{char as ch, satisfy};
use nom::combinator::{opt, recognize};
use nom::multi::{fold_many_m_n, fold_many0};
use nom::sequence::preceded;
use nom::{IResult, Parser};

use super::lexicon::{AbbrevKind, LEXICON};
use super::marks::{
    MULTIBYTE_LEADS, is_bullet, is_closer, is_opener, is_strong_terminal, is_terminal,
};

/// How far back, in bytes, the word before a period may start.
pub(crate) const LEFT_WINDOW: usize = 48;
/// How far ahead, in bytes, the scan looks past a terminal for the next
/// word.
pub(crate) const RIGHT_WINDOW: usize = 64;
/// Most closing quotation marks and brackets that a terminal takes along.
pub(crate) const MAX_CLOSERS: usize = 8;
/// Most opening marks skipped before the next word.
pub(crate) const MAX_OPENERS: usize = 4;
/// A time of day opens its sentence ("At 5 a.m. Mr. Smith …") when at
/// most this many words come before it.
pub(crate) const INTRO_MAX_WORDS: usize = 2;
/// How far back, in bytes, an opening time phrase may start.
pub(crate) const INTRO_WINDOW: usize = 24;
/// Most digits in a numbered list marker ("12.").
pub(crate) const LIST_MAX_DIGITS: usize = 3;

/// Calls `emit(start, end)` for every sentence of `block`, in order, with
/// byte offsets relative to `block`. The pieces are not yet trimmed; they
/// are contiguous and cover the block.
pub(crate) fn split(block: &str, mut emit: impl FnMut(usize, usize)) {
    let bytes = block.as_bytes();
    let mut start = 0;
    let mut list = List::default();
    let mut pos = list.enter(block, start);
    let mut scanner = Scanner::new(block);
    while pos < bytes.len() {
        let candidate = scanner.next(block, pos);
        // A pending list item before the next candidate cuts first.
        if let Some(item) = list.next_item {
            if candidate.is_none_or(|c| item <= c) {
                if item > start {
                    emit(start, item);
                    start = item;
                }
                pos = list.enter(block, start).max(item + 1);
                continue;
            }
        }
        let Some(i) = candidate else { break };
        let Some(c) = block[i..].chars().next() else {
            break;
        };
        if c == '.' && glued_to_lowercase_or_digit(bytes, i) {
            // "4.5", "example.org", "a.m": what `decide` would say.
            pos = i + 1;
        } else if is_terminal(c) {
            match decide(block, i, start) {
                Decision::Continue(resume) => pos = resume,
                Decision::Boundary(end) => {
                    emit(start, end);
                    start = end;
                    pos = list.enter(block, start).max(end);
                }
            }
        } else if is_bullet(c) && i > start && preceded_by_space(block, i) {
            emit(start, i);
            start = i;
            pos = list.enter(block, start).max(i + c.len_utf8());
        } else {
            pos = i + c.len_utf8();
        }
    }
    if start < bytes.len() {
        emit(start, bytes.len());
    }
}

/// True when the period at `i` is directly followed by a digit, or by a
/// lowercase ASCII word without a capital in its next three bytes: a
/// number, a domain or a dotted abbreviation goes on, as [`decide`] (via
/// [`glued`]) rules for such a word.
fn glued_to_lowercase_or_digit(bytes: &[u8], i: usize) -> bool {
    match bytes.get(i + 1) {
        Some(b) if b.is_ascii_digit() => true,
        Some(b) if b.is_ascii_lowercase() => bytes
            .iter()
            .skip(i + 2)
            .take(3)
            .all(|b| b.is_ascii() && !b.is_ascii_uppercase()),
        _ => false,
    }
}

/// Finds candidate bytes with two memchr scans, one for the ASCII
/// terminals and one for the lead bytes of multi-byte candidates, each
/// remembered until the scan passes it.
struct Scanner {
    /// The next ASCII terminal, or [`Scanner::NONE`]; stale when before
    /// the position asked for.
    ascii: usize,
    /// The next multi-byte candidate, the same way.
    multi: usize,
}

impl Scanner {
    /// No further candidate of this kind in the block.
    const NONE: usize = usize::MAX;

    fn new(block: &str) -> Self {
        let mut scanner = Scanner { ascii: 0, multi: 0 };
        scanner.ascii = scanner.find_ascii(block.as_bytes(), 0);
        scanner.multi = next_multibyte(block, 0).unwrap_or(Self::NONE);
        scanner
    }

    fn find_ascii(&self, bytes: &[u8], pos: usize) -> usize {
        memchr::memchr3(b'.', b'!', b'?', &bytes[pos..]).map_or(Self::NONE, |o| pos + o)
    }

    /// The first candidate at or after `pos`.
    fn next(&mut self, block: &str, pos: usize) -> Option<usize> {
        if self.ascii < pos {
            self.ascii = self.find_ascii(block.as_bytes(), pos);
        }
        if self.multi < pos {
            self.multi = next_multibyte(block, pos).unwrap_or(Self::NONE);
        }
        let next = self.ascii.min(self.multi);
        (next != Self::NONE).then_some(next)
    }
}

/// The next multi-byte terminal or bullet at or after `from`. Curly
/// quotation marks and dashes share the lead bytes; they are passed over
/// here rather than in the caller's loop.
fn next_multibyte(block: &str, mut from: usize) -> Option<usize> {
    let bytes = block.as_bytes();
    loop {
        let [a, b, c] = MULTIBYTE_LEADS;
        let hit = from + memchr::memchr3(a, b, c, bytes.get(from..)?)?;
        if char_at(block, hit).is_some_and(|c| is_terminal(c) || is_bullet(c)) {
            return Some(hit);
        }
        from = hit + 1;
    }
}

fn preceded_by_space(block: &str, i: usize) -> bool {
    match i.checked_sub(1).map(|j| block.as_bytes()[j]) {
        None => false,
        Some(b) if b < 0x80 => char::from(b).is_whitespace(),
        Some(_) => block[..i]
            .chars()
            .next_back()
            .is_some_and(char::is_whitespace),
    }
}

/// What the scan does at a candidate.
#[derive(Debug, PartialEq, Eq)]
enum Decision {
    /// No boundary; go on scanning at this offset.
    Continue(usize),
    /// The sentence ends just before this offset.
    Boundary(usize),
}

// ---------------------------------------------------------------------
// Numbered and lettered lists: "1. … 2. …", "a) … b) …", "• 9. … • 10. …"

/// A list marker's value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ItemValue {
    Number(u32),
    Letter(u8),
}

/// A parsed list marker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Marker {
    value: ItemValue,
    /// ".", ")" or ".)".
    style: &'static str,
}

/// The list that the current paragraph runs, if any.
#[derive(Default)]
struct List {
    /// Where the next item begins, if it was found.
    next_item: Option<usize>,
}

impl List {
    /// Called at each sentence start. A list starts with a marker at the
    /// start of the block and goes on while each item is followed by the
    /// next ("1." then "2."); each search starts where the last item
    /// ended, so the whole chain reads the block once. Skips the marker
    /// of a block start or an expected item and returns where the scan
    /// goes on.
    fn enter(&mut self, block: &str, start: usize) -> usize {
        if start != 0 && self.next_item.is_none() {
            // No list runs: nothing is expected here.
            return start;
        }
        let rest = &block[start..];
        let body = rest.trim_start();
        let at = start + rest.len() - body.len();
        let expected = start == 0 || self.next_item == Some(at);
        if !expected {
            if self.next_item.is_some_and(|n| n < at) {
                self.next_item = None;
            }
            return start;
        }
        // A marker opens with a bullet, a digit or a lowercase letter.
        let could_mark = body
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_digit() || c.is_ascii_lowercase() || is_bullet(c));
        if !could_mark {
            self.next_item = None;
            return start;
        }
        match list_marker(body) {
            Ok((after, marker)) => {
                let end = block.len() - after.len();
                self.next_item = find_next_item(block, end, marker);
                end
            }
            Err(_) => {
                self.next_item = None;
                start
            }
        }
    }
}

/// Parses a list marker with its bullet and the spaces after it.
fn list_marker(input: &str) -> IResult<&str, Marker> {
    let (input, _) = opt((satisfy(is_bullet), take_while(|c| c == ' '))).parse(input)?;
    let number = take_while_m_n(1, LIST_MAX_DIGITS, |c: char| c.is_ascii_digit())
        .map(|d: &str| ItemValue::Number(d.parse().unwrap_or(0)));
    let letter = satisfy(|c| c.is_ascii_lowercase()).map(|c| ItemValue::Letter(c as u8));
    let (input, value) = alt((number, letter)).parse(input)?;
    let (input, style) = alt((tag(".)"), tag("."), tag(")"))).parse(input)?;
    let (input, _) = take_while1(|c: char| c == ' ' || c == '\t').parse(input)?;
    let style = match style {
        ".)" => ".)",
        "." => ".",
        _ => ")",
    };
    Ok((input, Marker { value, style }))
}

/// Finds the item after `marker`, searching `block` from `from`. The
/// next marker must follow whitespace or a bullet and be followed by a
/// space.
fn find_next_item(block: &str, from: usize, marker: Marker) -> Option<usize> {
    let mut buf = [0u8; 8];
    let needle: &[u8] = match marker.value {
        ItemValue::Number(n) => {
            let s = format!("{}{}", n + 1, marker.style);
            let len = s.len().min(buf.len());
            buf[..len].copy_from_slice(&s.as_bytes()[..len]);
            &buf[..len]
        }
        ItemValue::Letter(l) => {
            if l >= b'z' {
                return None;
            }
            buf[0] = l + 1;
            buf[1..1 + marker.style.len()].copy_from_slice(marker.style.as_bytes());
            &buf[..1 + marker.style.len()]
        }
    };
    let bytes = block.as_bytes();
    let mut at = from;
    while let Some(off) = memmem::find(&bytes[at..], needle) {
        let hit = at + off;
        at = hit + needle.len();
        let after_ok = matches!(bytes.get(at), Some(b' ' | b'\t'));
        if !after_ok || !block.is_char_boundary(hit) {
            continue;
        }
        let before = block[..hit].trim_end_matches([' ', '\t']);
        match before.chars().next_back() {
            Some(b) if is_bullet(b) => return Some(before.len() - b.len_utf8()),
            Some(_) if before.len() < hit => return Some(hit),
            _ => {}
        }
    }
    None
}

// ---------------------------------------------------------------------
// The decision at a terminal

/// A run of terminal punctuation.
#[derive(Clone, Copy, Debug, Default)]
struct Cluster {
    /// Periods, counting an ellipsis character as three.
    dots: usize,
    /// Contains ! or ? (or a full-width form).
    strong: bool,
    /// Contains a spaced dot (". . .").
    spaced: bool,
    /// Length of the first contiguous run, in bytes.
    first_run: usize,
}

/// Reads a terminal cluster at the start of `input`: a contiguous run of
/// terminals, then any spaced periods (". . ."). Returns its length in
/// bytes, or `None` when `input` does not start with a terminal.
fn cluster(input: &str) -> Option<(usize, Cluster)> {
    let bytes = input.as_bytes();
    let mut cl = Cluster::default();
    let mut len = 0;
    while let Some(c) = char_at(input, len) {
        match c {
            '.' => cl.dots += 1,
            '…' => cl.dots += 3,
            c if is_strong_terminal(c) => cl.strong = true,
            _ => break,
        }
        len += c.len_utf8();
    }
    if len == 0 {
        return None;
    }
    cl.first_run = len;
    // Each spaced run: one space, then one or more periods.
    while bytes.get(len) == Some(&b' ') && bytes.get(len + 1) == Some(&b'.') {
        len += 1;
        while bytes.get(len) == Some(&b'.') {
            cl.dots += 1;
            len += 1;
        }
        cl.spaced = true;
    }
    Some((len, cl))
}

/// The char at byte `i` of `s`, which must be a char boundary; ASCII
/// without decoding.
#[inline]
fn char_at(s: &str, i: usize) -> Option<char> {
    let b = *s.as_bytes().get(i)?;
    if b < 0x80 {
        Some(char::from(b))
    } else {
        s.get(i..)?.chars().next()
    }
}

/// Advances `pos` over at most `max` chars of `s` that satisfy `pred`.
#[inline]
fn skip_while(s: &str, pos: &mut usize, max: usize, pred: impl Fn(char) -> bool) {
    let mut n = 0;
    while n < max {
        match char_at(s, *pos) {
            Some(c) if pred(c) => {
                *pos += c.len_utf8();
                n += 1;
            }
            _ => break,
        }
    }
}

/// True when the char at `pos` of `w` is non-ASCII or one of the ASCII
/// bytes `ascii`: the only chars that a step may take.
#[inline]
fn may_start(w: &[u8], pos: usize, ascii: &[u8]) -> bool {
    w.get(pos).is_some_and(|&b| b >= 0x80 || ascii.contains(&b))
}

/// Advances `pos` over all chars of `s` that satisfy `pred`, testing
/// ASCII bytes with `ascii` (which must agree with `pred` on them)
/// without decoding.
#[inline]
fn skip_all(s: &str, pos: &mut usize, ascii: impl Fn(u8) -> bool, pred: impl Fn(char) -> bool) {
    let bytes = s.as_bytes();
    while let Some(&b) = bytes.get(*pos) {
        if b < 0x80 {
            if !ascii(b) {
                break;
            }
            *pos += 1;
        } else {
            match char_at(s, *pos) {
                Some(c) if pred(c) => *pos += c.len_utf8(),
                _ => break,
            }
        }
    }
}

/// The class of the first word after a terminal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum NextClass {
    /// The block ends.
    End,
    /// Starts with a capital letter, or is a camel-case brand (eBay), or
    /// a letter of a script without case.
    Upper,
    /// Starts with a lowercase letter.
    Lower,
    /// Starts with a digit or a currency sign and a digit.
    Digit,
    /// Anything else, or nothing within the window.
    Other,
}

/// What follows a terminal cluster.
struct Right<'a> {
    /// Offset just after the closing marks.
    end: usize,
    /// True when whitespace separates the cluster (and closers) from the
    /// next word.
    spaced: bool,
    class: NextClass,
    /// The next word, without opening marks.
    word: &'a str,
    /// The text of the window after the word.
    after_word: &'a str,
}

/// The largest char boundary of `s` not after `i`.
fn floor_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The smallest char boundary of `s` not before `i`.
fn ceil_boundary(s: &str, mut i: usize) -> usize {
    if i >= s.len() {
        return s.len();
    }
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// Reads the window after a terminal cluster: closing marks (and a
/// French closing guillemet after a space: « C’est fini. »), spaces,
/// opening marks and the next word.
fn read_right(block: &str, at: usize) -> Right<'_> {
    let limit = floor_boundary(block, at + RIGHT_WINDOW);
    let window = &block[at..limit];
    let at_block_end = limit == block.len();
    let w = window.as_bytes();
    let mut pos = 0;
    // Each step first asks the byte whether its chars can start here: an
    // ASCII letter or space needs no decoding.
    if may_start(w, pos, b"\"')]}") {
        skip_while(window, &mut pos, MAX_CLOSERS, is_closer);
    }
    if may_start(w, pos, b" ") && (w[pos] >= 0x80 || may_start(w, pos + 1, b"")) {
        if let Some(space @ (' ' | '\u{a0}' | '\u{202f}')) = char_at(window, pos) {
            let next = pos + space.len_utf8();
            if let Some(mark @ ('»' | '›')) = char_at(window, next) {
                pos = next + mark.len_utf8();
            }
        }
    }
    let closers = pos;
    skip_all(
        window,
        &mut pos,
        |b| char::from(b).is_whitespace(),
        char::is_whitespace,
    );
    let space = pos - closers;
    if may_start(w, pos, b"\"'([{") {
        skip_while(window, &mut pos, MAX_OPENERS, is_opener);
    }
    let word_start = pos;
    if may_start(w, pos, b"-") {
        skip_while(window, &mut pos, usize::MAX, |c| {
            matches!(c, '-' | '–' | '—' | '―')
        });
    }
    if pos == word_start {
        skip_all(
            window,
            &mut pos,
            |b| b.is_ascii_alphanumeric() || b == b'$',
            |c| c.is_alphanumeric() || c == '$' || c == '€' || c == '£',
        );
    }
    let word = &window[word_start..pos];
    let after_word = &window[pos..];
    let end = at + closers;
    let rest_after_closers = window.len() - closers;
    let spaced = space > 0;
    let class = if rest_after_closers == 0 && at_block_end {
        NextClass::End
    } else if space == rest_after_closers {
        // Only whitespace in the window.
        if at_block_end {
            NextClass::End
        } else {
            NextClass::Other
        }
    } else {
        classify_word(word)
    };
    Right {
        end,
        spaced,
        class,
        word,
        after_word,
    }
}

fn classify_word(word: &str) -> NextClass {
    let mut chars = word.chars();
    match chars.next() {
        None => NextClass::Other,
        Some('$' | '€' | '£') => match chars.next() {
            Some(d) if d.is_ascii_digit() => NextClass::Digit,
            _ => NextClass::Other,
        },
        Some(c) if c.is_numeric() => NextClass::Digit,
        Some(c) if c.is_uppercase() => NextClass::Upper,
        Some(c) if c.is_lowercase() => {
            // eBay, iPhone: a lowercase start with a capital inside.
            if chars.take(3).any(char::is_uppercase) {
                NextClass::Upper
            } else {
                NextClass::Lower
            }
        }
        Some(c) if c.is_alphabetic() => NextClass::Upper,
        // A dash after a terminal goes on with the sentence: "(R-Fla.) —
        // can be found", "PORTVILLE, Ore. - The board".
        Some('-' | '–' | '—' | '―') => NextClass::Lower,
        Some(_) => NextClass::Other,
    }
}

/// The kind of word before a period.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LeftKind {
    Abbreviation(AbbrevKind),
    /// A single capital letter: an initial, or "I", or "Plan B".
    Initial,
    /// Letters separated by periods: U.S, Ph.D, e.g.
    Dotted,
    /// Anything else: a word or a number.
    Plain,
}

/// The word before the terminal at `i`, with opening marks removed, and
/// its start. The word starts at `floor` at the earliest (the start of the
/// sentence). `None` when it is longer than the window.
fn left_word(block: &str, floor: usize, i: usize) -> Option<(usize, &str)> {
    let from = ceil_boundary(block, i.saturating_sub(LEFT_WINDOW).max(floor));
    let start = match after_last_space(block, from, i) {
        Some(after) => after,
        None if from == floor => floor,
        None => return None,
    };
    let word = &block[start..i];
    let trimmed = match word.as_bytes().first() {
        Some(b) if b.is_ascii_alphanumeric() => word,
        _ => word.trim_start_matches(|c| is_opener(c) || is_closer(c)),
    };
    Some((start + word.len() - trimmed.len(), trimmed))
}

/// The offset just after the last whitespace char in `block[from..to]`,
/// scanning back byte by byte and decoding only non-ASCII chars. Both
/// offsets are char boundaries.
fn after_last_space(block: &str, from: usize, to: usize) -> Option<usize> {
    let bytes = block.as_bytes();
    let mut j = to;
    while j > from {
        let b = bytes[j - 1];
        if b < 0x80 {
            if char::from(b).is_whitespace() {
                return Some(j);
            }
            j -= 1;
            continue;
        }
        // The start of the multi-byte char that ends at `j`.
        let mut k = j - 1;
        while k > from && (bytes[k] & 0xC0) == 0x80 {
            k -= 1;
        }
        if char_at(block, k).is_some_and(char::is_whitespace) {
            return Some(j);
        }
        j = k;
    }
    None
}

/// Recognises dotted abbreviations such as "U.S", "Ph.D", "e.g".
fn dotted(input: &str) -> IResult<&str, &str> {
    recognize((
        take_while_m_n(1, 2, char::is_alphabetic),
        fold_many0(
            preceded(ch('.'), take_while_m_n(1, 2, char::is_alphabetic)),
            || 0usize,
            |n, _| n + 1,
        )
        .map(|n| n),
    ))
    .parse(input)
}

fn classify_left(word: &str) -> LeftKind {
    if let Some(kind) = LEXICON.abbreviation(word) {
        return LeftKind::Abbreviation(kind);
    }
    // "then-Sen. Barack Obama", "ex-Gov. Jane Doe"
    if let Some(dash) = word.bytes().rposition(|b| b == b'-') {
        if let Some(kind @ AbbrevKind::Title) = LEXICON.abbreviation(&word[dash + 1..]) {
            return LeftKind::Abbreviation(kind);
        }
    }
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next()) {
        if c.is_uppercase() {
            return LeftKind::Initial;
        }
    }
    if word.contains('.') {
        if let Ok(("", _)) = dotted(word) {
            return LeftKind::Dotted;
        }
    }
    LeftKind::Plain
}

/// True for page and volume codes: capitals and digits only, with a
/// digit or up to four capitals ("A12", "II", "IV").
fn code_like(word: &str) -> bool {
    !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
        && (word.bytes().any(|b| b.is_ascii_digit()) || word.len() <= 4)
        && !LEXICON.is_starter(word)
}

/// True when `right` starts with another initial ("J. R. R. Tolkien").
fn next_is_initial(right: &Right<'_>) -> bool {
    let mut chars = right.word.chars();
    matches!((chars.next(), chars.next()), (Some(c), None) if c.is_uppercase())
        && right.after_word.starts_with('.')
}

/// Shortest capitalised "-ly" word taken for a sentence adverb
/// ("Initially", "Separately"), so that names such as "Kelly" are not.
pub(crate) const MIN_ADVERB_LEN: usize = 6;

/// True when the next word typically opens a sentence: a listed opener or
/// a capitalised adverb in "-ly".
fn starter(right: &Right<'_>) -> bool {
    right.class == NextClass::Upper
        && (LEXICON.is_starter(right.word)
            || right.word.len() >= MIN_ADVERB_LEN
                && right.word.ends_with("ly")
                && right.word.is_ascii())
}

/// Decides at the terminal at byte `i` of `block`; `start` is where the
/// current sentence began.
fn decide(block: &str, i: usize, start: usize) -> Decision {
    let Some((len, cl)) = cluster(&block[i..]) else {
        return Decision::Continue(i + 1);
    };
    let cluster_end = i + len;
    let right = read_right(block, cluster_end);
    let boundary = Decision::Boundary(right.end);
    let go_on = Decision::Continue(cluster_end);

    if right.class == NextClass::End {
        return boundary;
    }
    if !right.spaced {
        return glued(block, start, i, cluster_end, &cl, &right);
    }
    let attached = i > 0 && !preceded_by_space(block, i);
    if right.end > cluster_end
        && right.class == NextClass::Upper
        && attribution(&block[right.end..])
    {
        return go_on;
    }

    if cl.strong {
        return if right.class == NextClass::Lower {
            go_on
        } else {
            boundary
        };
    }
    if cl.dots > 1 {
        return ellipsis(block, i, &cl, attached, &right, boundary, go_on);
    }
    if right.class == NextClass::Lower {
        return go_on;
    }
    // A single period followed by a capital, a digit or something else.
    let left = left_word(block, start, i);
    let kind = match left {
        Some((_, w)) if attached => classify_left(w),
        _ => LeftKind::Plain,
    };
    let split = match kind {
        LeftKind::Plain => true,
        LeftKind::Abbreviation(AbbrevKind::Title) => false,
        // "No. 5", "p. A12", "Vol. II" go on; "He said No. Then…" ends.
        LeftKind::Abbreviation(AbbrevKind::Number | AbbrevKind::Month) => {
            right.class != NextClass::Digit && !code_like(right.word)
        }
        LeftKind::Abbreviation(AbbrevKind::Common) | LeftKind::Dotted => starter(&right),
        LeftKind::Abbreviation(AbbrevKind::Place) => {
            starter(&right)
                || right.class == NextClass::Upper
                    && block[right.end..]
                        .trim_start()
                        .starts_with(char::is_alphabetic)
                    && left.is_some_and(|(s, _)| after_city(block, start, s))
        }
        LeftKind::Abbreviation(AbbrevKind::Time) => match right.class {
            NextClass::Upper => {
                !continues_time(&right) && !opens_sentence(block, start, left.map_or(i, |(s, _)| s))
            }
            NextClass::Other => true,
            _ => false,
        },
        LeftKind::Initial => !next_is_initial(&right) && starter(&right),
    };
    if split { boundary } else { go_on }
}

/// True when the word starting at `word_start` follows "City, " (a
/// capitalised word and a comma), as a state does in a dateline-style
/// place name ("Lodi, N.J.", "Salem, Ore.").
fn after_city(block: &str, start: usize, word_start: usize) -> bool {
    let from = ceil_boundary(block, word_start.saturating_sub(LEFT_WINDOW).max(start));
    let before = block[from..word_start].trim_end();
    let Some(city) = before.strip_suffix(',') else {
        return false;
    };
    let word = city.rsplit(char::is_whitespace).next().unwrap_or("");
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word after a time continues it: a weekday, a month or
/// a time zone, also written with periods ("E.T.").
fn continues_time(right: &Right<'_>) -> bool {
    if LEXICON.calendar(right.word).is_some() {
        return true;
    }
    let dotted_tail = right
        .after_word
        .split(|c: char| !(c.is_ascii_alphabetic() || c == '.'))
        .next()
        .unwrap_or("");
    if !dotted_tail.starts_with('.') {
        return false;
    }
    let joined: String = right
        .word
        .chars()
        .chain(dotted_tail.chars())
        .filter(|&c| c != '.')
        .collect();
    LEXICON.calendar(&joined).is_some()
}

/// True when the sentence from `start` to `word_start` has at most
/// [`INTRO_MAX_WORDS`] words: the time opens the sentence.
fn opens_sentence(block: &str, start: usize, word_start: usize) -> bool {
    if word_start < start || word_start - start > INTRO_WINDOW {
        return false;
    }
    block[start..word_start].split_whitespace().count() <= INTRO_MAX_WORDS
}

/// Most capitalised words in a speaker's name after a quotation.
pub(crate) const ATTRIBUTION_MAX_NAME_WORDS: usize = 3;

/// Recognises a short attribution after a quotation: up to
/// [`ATTRIBUTION_MAX_NAME_WORDS`] capitalised words, a speech verb, then a
/// period, comma or the end (“Why now?” Graham asked.).
fn attribution(rest: &str) -> bool {
    let limit = floor_boundary(rest, RIGHT_WINDOW);
    let window = rest[..limit].trim_start();
    let name_word = (
        satisfy(char::is_uppercase),
        take_while(|c: char| c.is_alphabetic() || c == '.' || c == '-' || c == '\''),
        take_while1(|c: char| c == ' '),
    );
    let parsed: IResult<&str, (usize, &str)> = (
        fold_many_m_n(1, ATTRIBUTION_MAX_NAME_WORDS, name_word, || 0, |n, _| n + 1),
        take_while1(char::is_alphabetic),
    )
        .parse(window);
    match parsed {
        Ok((after, (_, verb))) => {
            if !LEXICON.is_speech_verb(verb) {
                return false;
            }
            let mut rest = after.chars();
            match rest.next() {
                None | Some('.' | ';') => true,
                // “…” He added, “…”: the verb introduces the next quotation.
                Some(',') => !rest.as_str().trim_start().starts_with(is_opener),
                _ => false,
            }
        }
        Err(_) => false,
    }
}

/// Ellipses: "...", "…", ". . .", "....", ". . . .".
fn ellipsis(
    block: &str,
    i: usize,
    cl: &Cluster,
    attached: bool,
    right: &Right<'_>,
    boundary: Decision,
    go_on: Decision,
) -> Decision {
    // "[...]" marks an omission inside a quotation.
    let bracketed = block[..i].ends_with(['[', '(']);
    if bracketed || right.class == NextClass::Lower {
        return go_on;
    }
    if attached && cl.first_run == 1 && cl.spaced && cl.dots >= 4 {
        // "compounds. . . . The": the period ends the sentence, the
        // spaced ellipsis opens the next one.
        return Decision::Boundary(i + 1);
    }
    if cl.dots >= 4 || attached && !cl.spaced {
        return boundary;
    }
    // An ellipsis set apart by spaces ends a sentence only before a
    // sentence opener ("at every level ... We have work to do", but "the
    // term … Islamic terrorism"). A spaced three-dot ellipsis (". . .")
    // marks an omission mid-sentence.
    if !cl.spaced && starter(right) {
        return boundary;
    }
    go_on
}

/// A terminal with no space after it: "$100.00", "U.S.A", "example.com",
/// or two sentences run together ("world.Today").
fn glued(
    block: &str,
    start: usize,
    i: usize,
    cluster_end: usize,
    cl: &Cluster,
    right: &Right<'_>,
) -> Decision {
    let go_on = Decision::Continue(cluster_end);
    if right.end != cluster_end || cl.dots > 1 && !cl.strong || right.class != NextClass::Upper {
        return go_on;
    }
    // The letter before must be lowercase or a digit, after a word of two
    // or more characters.
    let Some((_, left)) = left_word(block, start, i) else {
        return go_on;
    };
    let mut back = left.chars().rev();
    let ok_before = match (back.next(), back.next()) {
        (Some(a), Some(_)) => a.is_lowercase() || a.is_ascii_digit(),
        _ => false,
    };
    // The next word: a capital, then at least one lowercase letter, ending
    // at a space or punctuation (not "Doe@example.com").
    let word = right.word;
    let mut chars = word.chars();
    let ok_after =
        chars.next().is_some_and(char::is_uppercase)
            && word.chars().skip(1).all(char::is_lowercase)
            && word.chars().count() >= 2
            && right.after_word.chars().next().is_none_or(|c| {
                c.is_whitespace() || matches!(c, ',' | ';' | ':' | '.' | '!' | '?')
            });
    if !ok_before
        || !ok_after
        || LEXICON
            .abbreviation(left.rsplit('.').next().unwrap_or(left))
            .is_some()
    {
        return go_on;
    }
    // Not inside a URL, an e-mail address or a file name.
    if left.contains(['@', '/']) || left.contains("www") {
        return go_on;
    }
    Decision::Boundary(cluster_end)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pieces(text: &str) -> Vec<&str> {
        let mut out = Vec::new();
        split(text, |s, e| {
            let t = text[s..e].trim();
            if !t.is_empty() {
                out.push(t);
            }
        });
        out
    }

    #[test]
    fn titles_never_end_a_sentence() {
        assert_eq!(
            pieces("Sen. Ted Cruz and Gov. Jane Doe spoke."),
            vec!["Sen. Ted Cruz and Gov. Jane Doe spoke."]
        );
    }

    #[test]
    fn dotted_abbreviation_ends_before_a_sentence_opener() {
        assert_eq!(
            pieces("I live in the U.S. How about you?"),
            vec!["I live in the U.S.", "How about you?"]
        );
        assert_eq!(
            pieces("The U.S. Senate voted."),
            vec!["The U.S. Senate voted."]
        );
    }

    #[test]
    fn hyphenated_title_stays_with_the_name() {
        assert_eq!(
            pieces("It was then-Sen. Barack Obama who won."),
            vec!["It was then-Sen. Barack Obama who won."]
        );
    }

    #[test]
    fn state_after_a_city_ends_before_a_capitalised_word() {
        assert_eq!(
            pieces(
                "He lives in Lodi, N.J. Roger Ailes lived in Salem, Ore. He left Ore. Gov. Kate Brown alone."
            ),
            vec![
                "He lives in Lodi, N.J.",
                "Roger Ailes lived in Salem, Ore.",
                "He left Ore. Gov. Kate Brown alone."
            ]
        );
    }

    #[test]
    fn initials_stay_inside_names() {
        assert_eq!(
            pieces("J. R. R. Tolkien met Harsh V. Pant."),
            vec!["J. R. R. Tolkien met Harsh V. Pant."]
        );
    }

    #[test]
    fn time_of_day_opening_a_sentence_does_not_end_it() {
        assert_eq!(
            pieces("At 5 a.m. Mr. Smith left. He came back at 6 p.m. Police said so."),
            vec![
                "At 5 a.m. Mr. Smith left.",
                "He came back at 6 p.m.",
                "Police said so."
            ]
        );
        assert_eq!(
            pieces("It starts at 9 a.m. Monday."),
            vec!["It starts at 9 a.m. Monday."]
        );
    }

    #[test]
    fn terminal_inside_a_quotation_with_lowercase_attribution() {
        assert_eq!(
            pieces("“Great!” she said. “We won.” Then he left."),
            vec!["“Great!” she said.", "“We won.”", "Then he left."]
        );
    }

    #[test]
    fn short_attribution_after_a_quotation_stays() {
        assert_eq!(
            pieces("“Why now?” Graham asked. “We won.” Smith said the vote was close."),
            vec![
                "“Why now?” Graham asked.",
                "“We won.”",
                "Smith said the vote was close."
            ]
        );
    }

    #[test]
    fn number_abbreviation_before_a_word_ends_a_sentence() {
        assert_eq!(
            pieces("She ranked No. 5 in the poll. He said No. Then he left."),
            vec![
                "She ranked No. 5 in the poll.",
                "He said No.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn spaced_french_guillemet_closes_the_quotation() {
        assert_eq!(
            pieces("Elle a dit : « C’est fini. » Puis elle est partie."),
            vec!["Elle a dit : « C’est fini. »", "Puis elle est partie."]
        );
    }

    #[test]
    fn dash_after_a_terminal_goes_on() {
        assert_eq!(
            pieces("A complaint against Sen. Jo Rubin (R-Fla.) — can be read here."),
            vec!["A complaint against Sen. Jo Rubin (R-Fla.) — can be read here."]
        );
    }

    #[test]
    fn ellipsis_between_spaces_ends_only_before_an_opener() {
        assert_eq!(
            pieces(
                "He used the term … Islamic extremism. We work at every level ... We have work to do."
            ),
            vec![
                "He used the term … Islamic extremism.",
                "We work at every level ...",
                "We have work to do."
            ]
        );
    }

    #[test]
    fn lists_split_before_each_item() {
        assert_eq!(
            pieces("1) The first item 2) The second item"),
            vec!["1) The first item", "2) The second item"]
        );
        assert_eq!(
            pieces("a. One b. Two c. Three"),
            vec!["a. One", "b. Two", "c. Three"]
        );
    }

    #[test]
    fn glued_sentences_split_but_addresses_do_not() {
        assert_eq!(
            pieces("Hello world.Today is Tuesday."),
            vec!["Hello world.", "Today is Tuesday."]
        );
        assert_eq!(
            pieces("Write to Jane.Doe@example.com today."),
            vec!["Write to Jane.Doe@example.com today."]
        );
    }

    #[test]
    fn huge_runs_stay_linear_and_do_not_panic() {
        let dots = ".".repeat(100_000);
        assert_eq!(pieces(&dots).len(), 1);
        let spaced = ". ".repeat(100_000);
        assert_eq!(pieces(&spaced).len(), 1);
    }

    #[test]
    fn glued_fast_path_agrees_with_decide() {
        let words = [
            "4", "5%", "org", "m.", "eBay", "x", "abcD", "é", "Today", "a€",
        ];
        for before in ["$4", "example", "a", "Hello world", "U.S"] {
            for word in words {
                let block = format!("{before}.{word} next");
                let i = before.len();
                if glued_to_lowercase_or_digit(block.as_bytes(), i) {
                    assert_eq!(decide(&block, i, 0), Decision::Continue(i + 1), "{block}");
                }
            }
        }
    }
}
