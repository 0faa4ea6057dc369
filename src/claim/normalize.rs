//! Words with spans, and the numbers, dates and names they mention,
//! normalised: "19" → 19, "February 2022" → `2022-02`, "last week" → the
//! ISO week before the publication date.

use serde::ser::SerializeStruct;
use serde::{Deserialize, Serialize, Serializer};

use std::borrow::Cow;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::grammar;
use crate::span::Span;

/// Sentences longer than this many words are read on their first
/// `MAX_WORDS` words only, so every scan stays bounded.
pub(crate) const MAX_WORDS: usize = 400;

/// One word of a sentence: letters, digits and inner apostrophes, or a
/// number with inner `,` or `.` (`1,000`, `3.5`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Word<'a> {
    /// Bytes of the word in the document.
    pub span: Span,
    /// Lower-cased, with `’` read as `'`: borrowed from the lower-cased
    /// sentence unless the word has characters besides ASCII.
    pub lower: Cow<'a, str>,
    /// Starts with an upper-case letter.
    pub capital: bool,
    /// The shape of `lower`: see [`shape_of`].
    pub shape: u16,
}

/// In [`Word::shape`]: the word starts with an ASCII digit.
pub(crate) const DIGIT_START: u16 = 1 << 14;

/// The shape of a word's lower-case form: [`Shapes`]' bit for it, with
/// [`DIGIT_START`] set when it starts with an ASCII digit. Read once per
/// word, so that the look-ups of cues, dates and numbers test it alone.
#[inline]
pub(crate) fn shape_of(lower: &str) -> u16 {
    shape_of_bytes(lower.as_bytes())
}

/// [`shape_of`] the word of these bytes.
#[inline]
fn shape_of_bytes(bytes: &[u8]) -> u16 {
    // a bit is below 2^14
    let bit = Shapes::bit(bytes).unwrap_or(0) as u16;
    if bytes.first().is_some_and(u8::is_ascii_digit) {
        bit | DIGIT_START
    } else {
        bit
    }
}

/// What an ASCII byte is, for [`words`]: bits of [`CLASS`].
const ALNUM: u8 = 1;
const DIGIT: u8 = 2;
const UPPER: u8 = 4;
/// `'`, which joins letters.
const APOSTROPHE: u8 = 8;
/// `,` and `.`, which join digits.
const DIGIT_JOINER: u8 = 16;
/// Not ASCII: the character must be decoded.
const OTHER: u8 = 32;

/// The class of every byte, so that [`words`] reads ASCII text with one
/// table load per byte.
const CLASS: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = if !c.is_ascii() {
            OTHER
        } else if c.is_ascii_digit() {
            ALNUM | DIGIT
        } else if c.is_ascii_uppercase() {
            ALNUM | UPPER
        } else if c.is_ascii_lowercase() {
            ALNUM
        } else if c == b'\'' {
            APOSTROPHE
        } else if c == b',' || c == b'.' {
            DIGIT_JOINER
        } else {
            0
        };
        b += 1;
    }
    table
};

/// Whether `c` is alphanumeric. The General Punctuation characters
/// (U+2000–U+206F: dashes, curly quotes, special spaces), common in news
/// and none of them a letter or a digit, are answered without the
/// Unicode tables.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    !('\u{2000}'..='\u{206F}').contains(&c) && c.is_alphanumeric()
}

/// A set of word shapes: a word's first and last bytes (their low five
/// bits) and its length (up to 15). A word whose shape is not in the set
/// is none of the words put in, so most words are passed over by this
/// test alone.
pub(crate) struct Shapes([u64; 256]);

impl Shapes {
    /// The shapes of `words`.
    pub(crate) const fn of(words: &[&str]) -> Shapes {
        let mut shapes = Shapes([0; 256]);
        let mut i = 0;
        while i < words.len() {
            shapes.insert(words[i]);
            i += 1;
        }
        shapes
    }

    /// The bit of a word's shape, `None` for the empty word.
    #[inline]
    pub(crate) const fn bit(word: &[u8]) -> Option<usize> {
        let (Some(&first), Some(&last)) = (word.first(), word.last()) else {
            return None;
        };
        let len = if word.len() < 15 { word.len() } else { 15 };
        Some(((first & 31) as usize) << 9 | ((last & 31) as usize) << 4 | len)
    }

    /// Adds the shape of `word`.
    pub(crate) const fn insert(&mut self, word: &str) {
        if let Some(bit) = Shapes::bit(word.as_bytes()) {
            self.0[bit / 64] |= 1 << (bit % 64);
        }
    }

    /// Whether `word` has one of the shapes.
    #[inline]
    pub(crate) fn may_hold(&self, word: &str) -> bool {
        Shapes::bit(word.as_bytes()).is_some_and(|bit| self.has(bit))
    }

    /// Whether the shape of bit `bit` (see [`Shapes::bit`]) is held.
    #[inline]
    fn has(&self, bit: usize) -> bool {
        self.0[bit / 64] & (1 << (bit % 64)) != 0
    }

    /// Whether the shape of a word (its [`Word::shape`]) is held.
    #[inline]
    pub(crate) fn has_shape(&self, shape: u16) -> bool {
        self.has(usize::from(shape & (DIGIT_START - 1)))
    }
}

/// Whether any of `words` may start a date, and whether any may be a
/// number: when not, [`dates`] or [`numbers`] would find none there.
pub(crate) fn may_hold_dates_or_numbers(words: &[Word]) -> (bool, bool) {
    /// In [`starts`]: a word of the shape may start a date.
    const DATE: u8 = 1;
    /// In [`starts`]: a word of the shape may be a number word.
    const NUMBER: u8 = 2;
    /// What a word of each shape may start, by [`Shapes::bit`]: one
    /// load per word tests both.
    fn starts() -> &'static [u8] {
        static STARTS: OnceLock<Vec<u8>> = OnceLock::new();
        STARTS.get_or_init(|| {
            let cal = calendar();
            (0..usize::from(DIGIT_START))
                .map(|bit| {
                    let date = if cal.date_starts.has(bit) { DATE } else { 0 };
                    let number = if NUMBER_SHAPES.has(bit) { NUMBER } else { 0 };
                    date | number
                })
                .collect()
        })
    }
    let starts = starts();
    let mut found = 0;
    for w in words {
        // a numeral starts with a digit
        let numeral = if w.shape & DIGIT_START != 0 {
            NUMBER
        } else {
            0
        };
        found |= starts[usize::from(w.shape & (DIGIT_START - 1))] | numeral;
        if found == DATE | NUMBER {
            break;
        }
    }
    (found & DATE != 0, found & NUMBER != 0)
}

/// The room to make for the words of `sentence`: enough for most.
pub(crate) fn word_room(sentence: &str) -> usize {
    (sentence.len() / 5).min(MAX_WORDS)
}

/// Splits `sentence` (which starts at byte `base` of the document) into
/// words. `lower` is `sentence` with its ASCII letters lower-cased, from
/// which the words' lower-case forms are borrowed.
#[cfg(test)]
pub(crate) fn words<'a>(sentence: &str, lower: &'a str, base: usize) -> Vec<Word<'a>> {
    let mut out = Vec::with_capacity(word_room(sentence));
    words_into(sentence, lower, base, &mut out);
    out
}

/// Appends the words of `sentence` (which starts at byte `base` of the
/// document) to `out`, at most [`MAX_WORDS`] of them. `lower` is
/// `sentence` with its ASCII letters lower-cased, from which the words'
/// lower-case forms are borrowed.
pub(crate) fn words_into<'a>(sentence: &str, lower: &'a str, base: usize, out: &mut Vec<Word<'a>>) {
    debug_assert_eq!(sentence.len(), lower.len());
    let bytes = sentence.as_bytes();
    // the words that may still be taken
    let mut left = MAX_WORDS;
    let class_at = |at: usize| bytes.get(at).map_or(0, |&b| CLASS[usize::from(b)]);
    let mut at = 0;
    while at < bytes.len() {
        // ASCII bytes are read by table; only other characters are decoded
        let class = CLASS[usize::from(bytes[at])];
        let (c_len, capital) = if class & OTHER == 0 {
            if class & ALNUM == 0 {
                at += 1;
                continue;
            }
            (1, class & UPPER != 0)
        } else {
            let c = char_at(sentence, at);
            if !is_alphanumeric(c) {
                at += c.len_utf8();
                continue;
            }
            (c.len_utf8(), c.is_uppercase())
        };
        if left == 0 {
            break;
        }
        left -= 1;
        let start = at;
        let mut ascii = class & OTHER == 0;
        // every character besides ASCII is a `’`
        let mut curly_only = ascii;
        let mut end = start + c_len;
        loop {
            // runs of ASCII letters and digits eight bytes at a time
            end = grammar::ascii_alnum_end(bytes, end);
            let Some(&b) = bytes.get(end) else { break };
            let class = CLASS[usize::from(b)];
            if class & APOSTROPHE != 0 {
                if class_at(end + 1) & (ALNUM | DIGIT) == ALNUM {
                    end += 1;
                    continue;
                }
                break;
            }
            if class & DIGIT_JOINER != 0 {
                if CLASS[usize::from(bytes[end - 1])] & DIGIT != 0 && class_at(end + 1) & DIGIT != 0
                {
                    end += 1;
                    continue;
                }
                break;
            }
            if class & OTHER == 0 {
                break;
            }
            let d = char_at(sentence, end);
            let after = end + d.len_utf8();
            let curly = d == '’';
            let keep = if curly {
                class_at(after) & (ALNUM | DIGIT) == ALNUM
            } else {
                is_alphanumeric(d)
            };
            if !keep {
                break;
            }
            ascii = false;
            curly_only &= curly;
            end = after;
        }
        let lowered = &lower[start..end];
        let (lower, shape): (Cow<str>, u16) = if ascii {
            // the shape does not tell upper from lower case
            (Cow::Borrowed(lowered), shape_of_bytes(&bytes[start..end]))
        } else {
            let lower = word_lower(&sentence[start..end], lowered, curly_only);
            let shape = shape_of(&lower);
            (Cow::Owned(lower), shape)
        };
        out.push(Word {
            span: Span::new(base + start, base + end),
            shape,
            lower,
            capital,
        });
        at = end;
    }
}

/// The lower-case form of `word`, which has characters besides ASCII,
/// with `’` read as `'`; `lowered` is `word` with its ASCII letters
/// lower-cased, and `curly_only` tells that its only such character
/// is `’`.
fn word_lower(word: &str, lowered: &str, curly_only: bool) -> String {
    if curly_only {
        straighten_curly(lowered)
    } else {
        let text = word.to_lowercase();
        if text.contains('’') {
            text.replace('’', "'")
        } else {
            text
        }
    }
}

/// `s`, whose characters besides ASCII are all `’`, with each `’` read
/// as `'`: the same as `s.replace('’', "'")`, in one pass over its bytes
/// into a string allocated once.
fn straighten_curly(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut bytes = s.bytes();
    while let Some(b) = bytes.next() {
        if b.is_ascii() {
            out.push(char::from(b));
        } else {
            // the first byte of `’`: its other two follow
            out.push('\'');
            bytes.nth(1);
        }
    }
    out
}

/// The character that starts at byte `at` of `s`, which must be a char
/// boundary inside `s`.
#[inline]
fn char_at(s: &str, at: usize) -> char {
    match s.as_bytes()[at] {
        b if b.is_ascii() => char::from(b),
        _ => s[at..]
            .chars()
            .next()
            .unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// A normalised value found in a claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
#[non_exhaustive]
pub enum MentionValue {
    /// A number: `19`, `3.5`, `1,000`, `two`, `$5 billion`.
    Number {
        /// The number (`5e9` for "5 billion").
        value: f64,
        /// `percent` or a currency code, when written.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit: Option<String>,
    },
    /// A date or period, as ISO 8601: `2022`, `2022-02`, `2023-03-02`,
    /// or an ISO week `2023-W08`. `None` when the text is relative
    /// ("last week") and the publication date is unknown.
    Date {
        /// The resolved date, if it could be resolved.
        value: Option<String>,
    },
    /// A named person, organisation or place.
    Entity {
        /// The canonical name when the speaker stage resolved it, or the
        /// name as written.
        value: String,
    },
}

/// A number, date or name mentioned in a claim, with its normalised value.
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Normalized {
    /// The bytes of the mention.
    #[serde(flatten)]
    pub span: Span,
    /// The mention as written.
    pub text: String,
    /// What it means.
    #[serde(flatten)]
    pub value: MentionValue,
}

/// The JSON of `#[serde(flatten)]` on both the span and the value,
/// written as a plain struct (see `serialize_spanned` in `span.rs`):
/// `start`, `end`, `text`, the value's `kind` tag, then its fields.
impl Serialize for Normalized {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let (kind, unit) = match &self.value {
            MentionValue::Number { unit, .. } => ("number", unit.as_ref()),
            MentionValue::Date { .. } => ("date", None),
            MentionValue::Entity { .. } => ("entity", None),
        };
        let len = 5 + usize::from(unit.is_some());
        let mut state = serializer.serialize_struct("Normalized", len)?;
        state.serialize_field("start", &self.span.start)?;
        state.serialize_field("end", &self.span.end)?;
        state.serialize_field("text", &self.text)?;
        state.serialize_field("kind", kind)?;
        match &self.value {
            MentionValue::Number { value, .. } => state.serialize_field("value", value)?,
            MentionValue::Date { value } => state.serialize_field("value", value)?,
            MentionValue::Entity { value } => state.serialize_field("value", value)?,
        }
        if let Some(unit) = unit {
            state.serialize_field("unit", unit)?;
        }
        state.end()
    }
}

/// A calendar date.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

impl Date {
    /// Reads the `YYYY-MM-DD` start of an ISO 8601 date or date-time.
    pub(crate) fn parse(s: &str) -> Option<Date> {
        let s = s.trim();
        let year = s.get(0..4)?.parse().ok()?;
        let month = s.get(5..7)?.parse().ok()?;
        let day = s.get(8..10)?.parse().ok()?;
        (s.as_bytes().get(4) == Some(&b'-') && (1..=12).contains(&month) && (1..=31).contains(&day))
            .then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (proleptic Gregorian).
    fn days(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    pub(crate) fn from_days(z: i64) -> Date {
        let z = z + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    fn add_days(self, n: i64) -> Date {
        Date::from_days(self.days() + n)
    }

    /// 0 = Monday … 6 = Sunday.
    fn weekday(self) -> i64 {
        (self.days() + 3).rem_euclid(7)
    }

    pub(crate) fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// The ISO week, `YYYY-Www`.
    fn iso_week(self) -> String {
        let thursday = self.add_days(3 - self.weekday());
        let jan1 = Date {
            year: thursday.year,
            month: 1,
            day: 1,
        };
        let week = (thursday.days() - jan1.days()) / 7 + 1;
        format!("{:04}-W{:02}", thursday.year, week)
    }
}

/// Month and weekday names, from the grammar file the segmenter also reads.
const CALENDAR: &str = include_str!("../../grammar/calendar.txt");

/// Month and weekday words, lower case.
struct Calendar {
    /// Full month names, January first.
    months: Vec<String>,
    /// Every month word, full or abbreviated, with its number (1–12).
    month_words: FxHashMap<String, u32>,
    /// Full weekday names, Monday first.
    weekdays: Vec<String>,
    /// Full month and weekday names, for [`is_calendar_name`].
    names: FxHashSet<String>,
    /// Bit `n` is set when a weekday name is `n` bytes long (names of 64
    /// bytes or more set bit 63), so most words are told apart from every
    /// name by their length alone.
    weekday_lengths: u64,
    /// The shapes of the words that start a date: month and weekday
    /// words, relative day and period words, and years. Most words are
    /// passed over by this test alone.
    date_starts: Shapes,
}

/// The words besides months and weekdays that start a date.
const RELATIVE: [&str; 6] = ["yesterday", "today", "tomorrow", "last", "this", "next"];

impl Calendar {
    /// Whether the lower-case word `w` may start a date.
    #[cfg(test)]
    fn may_start_date(&self, w: &str) -> bool {
        self.date_starts.may_hold(w)
    }
}

/// The bit of [`Calendar::weekday_lengths`] for a word of `len` bytes.
fn length_bit(len: usize) -> u64 {
    1 << len.min(63)
}

fn calendar() -> &'static Calendar {
    static CAL: OnceLock<Calendar> = OnceLock::new();
    CAL.get_or_init(|| {
        let mut cal = Calendar {
            months: Vec::new(),
            month_words: FxHashMap::default(),
            weekdays: Vec::new(),
            weekday_lengths: 0,
            names: FxHashSet::default(),
            date_starts: Shapes::of(&[]),
        };
        // A word that begins an earlier name of its kind abbreviates it
        // ("Sept"); any other is a full name, numbered in file order.
        for entry in grammar::entries(CALENDAR) {
            let mut fields = grammar::fields(entry);
            let (Some(word), Some(kind)) = (fields.next(), fields.next()) else {
                continue;
            };
            let word = word.to_lowercase();
            let names = match kind {
                "month" => &mut cal.months,
                "weekday" => &mut cal.weekdays,
                _ => continue,
            };
            let number = match names.iter().position(|n| n.starts_with(&word)) {
                Some(k) => k + 1,
                None => {
                    names.push(word.clone());
                    names.len()
                }
            };
            if kind == "month" {
                cal.month_words.insert(word, number as u32);
            }
        }
        cal.names = cal.months.iter().chain(&cal.weekdays).cloned().collect();
        cal.weekday_lengths = cal
            .weekdays
            .iter()
            .fold(0, |bits, name| bits | length_bit(name.len()));
        let starts = cal
            .month_words
            .keys()
            .chain(&cal.weekdays)
            .map(String::as_str)
            .chain(RELATIVE);
        for word in starts {
            cal.date_starts.insert(word);
        }
        // years: four digits
        for first in b'0'..=b'9' {
            for last in b'0'..=b'9' {
                let year = [first, b'0', b'0', last];
                cal.date_starts
                    .insert(std::str::from_utf8(&year).expect("digits"));
            }
        }
        cal
    })
}

/// Whether `lower` is the full name of a month or a weekday.
#[cfg(test)]
pub(crate) fn is_calendar_name(lower: &str) -> bool {
    let cal = calendar();
    cal.names.contains(lower)
}

/// The full names of the months and weekdays, lower case.
pub(crate) fn calendar_names() -> impl Iterator<Item = &'static str> {
    calendar().names.iter().map(String::as_str)
}

fn month(word: &str) -> Option<u32> {
    calendar()
        .month_words
        .get(word.trim_end_matches('.'))
        .copied()
}

/// A weekday written in full (abbreviations such as "Sat" are too often
/// other words), 0 for Monday.
fn weekday(word: &str) -> Option<i64> {
    let cal = calendar();
    if cal.weekday_lengths & length_bit(word.len()) == 0 {
        return None;
    }
    cal.weekdays
        .iter()
        .position(|d| d == word)
        .map(|i| i as i64)
}

fn year(word: &str) -> Option<i32> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse().ok())
        .flatten()
        .filter(|y| (1900..=2099).contains(y))
}

fn day(word: &str) -> Option<u32> {
    let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let n: u32 = digits.parse().ok()?;
    (digits.len() <= 2 && (1..=31).contains(&n)).then_some(n)
}

/// The latest `month` at or before the publication month.
fn latest_month(published: Date, month: u32) -> String {
    let year = if month <= published.month {
        published.year
    } else {
        published.year - 1
    };
    format!("{year:04}-{month:02}")
}

/// Finds dates in `words`. Returns each date and the indices of the
/// words it covers.
pub(crate) fn dates(
    text: &str,
    words: &[Word],
    published: Option<Date>,
) -> Vec<(Normalized, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let cal = calendar();
    let mut i = 0;
    while i < words.len() {
        let w = &*words[i].lower;
        // a word ends with a letter or digit, never with the `.` that
        // `month` trims
        debug_assert!(!w.ends_with('.'));
        if !cal.date_starts.has_shape(words[i].shape) {
            i += 1;
            continue;
        }
        // the next two words are read only where a date may go on
        let next = || words.get(i + 1).map(|w| &*w.lower);
        let after = || words.get(i + 2).map(|w| &*w.lower);
        let mut found: Option<(usize, Option<String>)> = None;
        if let Some(m) = words[i].capital.then(|| month(w)).flatten() {
            let next = next();
            let after = after();
            if let Some(y) = next.and_then(year) {
                found = Some((2, Some(format!("{y:04}-{m:02}"))));
            } else if let Some(d) = next.and_then(day) {
                if let Some(y) = after.and_then(year) {
                    found = Some((3, Some(format!("{y:04}-{m:02}-{d:02}"))));
                } else {
                    found = Some((
                        2,
                        published.map(|p| format!("{}-{d:02}", latest_month(p, m))),
                    ));
                }
            } else if w != "may" && w != "march" || i > 0 && words[i - 1].lower == "in" {
                found = Some((1, published.map(|p| latest_month(p, m))));
            }
        } else if let Some(y) = year(w) {
            found = Some((1, Some(format!("{y:04}"))));
        } else if let Some(d) = weekday(w) {
            found = Some((
                1,
                published.map(|p| p.add_days(-(p.weekday() - d).rem_euclid(7)).iso()),
            ));
        } else if matches!(w, "yesterday" | "today" | "tomorrow") {
            let shift = match w {
                "yesterday" => -1,
                "today" => 0,
                _ => 1,
            };
            found = Some((1, published.map(|p| p.add_days(shift).iso())));
        } else if matches!(w, "last" | "this" | "next") {
            let shift: i64 = match w {
                "last" => -1,
                "this" => 0,
                _ => 1,
            };
            match next() {
                Some("week") => {
                    found = Some((2, published.map(|p| p.add_days(7 * shift).iso_week())));
                }
                Some("month") => {
                    found = Some((
                        2,
                        published.map(|p| {
                            let total = p.year * 12 + p.month as i32 - 1 + shift as i32;
                            format!(
                                "{:04}-{:02}",
                                total.div_euclid(12),
                                total.rem_euclid(12) + 1
                            )
                        }),
                    ));
                }
                Some("year") => {
                    found = Some((
                        2,
                        published.map(|p| format!("{:04}", p.year + shift as i32)),
                    ));
                }
                Some(n) if shift == -1 && month(n).is_some() && words[i + 1].capital => {
                    let m = month(n).unwrap_or(1);
                    found = Some((
                        2,
                        published.map(|p| {
                            let y = if m < p.month { p.year } else { p.year - 1 };
                            format!("{y:04}-{m:02}")
                        }),
                    ));
                }
                _ => {}
            }
        }
        match found {
            Some((len, value)) => {
                let span = Span::new(words[i].span.start, words[i + len - 1].span.end);
                out.push((
                    Normalized {
                        span,
                        text: span.text(text).to_owned(),
                        value: MentionValue::Date { value },
                    },
                    i..i + len,
                ));
                i += len;
            }
            None => i += 1,
        }
    }
    out
}

/// The numbers written as words, from two to a hundred.
const NUMBER_WORDS: [(&str, f64); 27] = [
    ("two", 2.0),
    ("three", 3.0),
    ("four", 4.0),
    ("five", 5.0),
    ("six", 6.0),
    ("seven", 7.0),
    ("eight", 8.0),
    ("nine", 9.0),
    ("ten", 10.0),
    ("eleven", 11.0),
    ("twelve", 12.0),
    ("thirteen", 13.0),
    ("fourteen", 14.0),
    ("fifteen", 15.0),
    ("sixteen", 16.0),
    ("seventeen", 17.0),
    ("eighteen", 18.0),
    ("nineteen", 19.0),
    ("twenty", 20.0),
    ("thirty", 30.0),
    ("forty", 40.0),
    ("fifty", 50.0),
    ("sixty", 60.0),
    ("seventy", 70.0),
    ("eighty", 80.0),
    ("ninety", 90.0),
    ("hundred", 100.0),
];

/// The shapes of [`NUMBER_WORDS`].
static NUMBER_SHAPES: Shapes = {
    let mut shapes = Shapes::of(&[]);
    let mut i = 0;
    while i < NUMBER_WORDS.len() {
        shapes.insert(NUMBER_WORDS[i].0);
        i += 1;
    }
    shapes
};

/// The value of a number written as a word.
fn number_word(word: &str) -> Option<f64> {
    if !NUMBER_SHAPES.may_hold(word) {
        return None;
    }
    NUMBER_WORDS
        .iter()
        .find(|(w, _)| *w == word)
        .map(|&(_, value)| value)
}

fn multiplier(word: &str) -> Option<f64> {
    match word {
        "thousand" => Some(1e3),
        "million" => Some(1e6),
        "billion" => Some(1e9),
        "trillion" => Some(1e12),
        _ => None,
    }
}

/// Finds numbers in `words`, skipping the words in `taken` (dates).
pub(crate) fn numbers(text: &str, words: &[Word], taken: &[bool]) -> Vec<Normalized> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if taken.get(i).copied().unwrap_or(false) {
            i += 1;
            continue;
        }
        let w = &words[i];
        if w.shape & DIGIT_START == 0 {
            // Not a numeral: only a number word can be a number (a word
            // that ends like a time of day, "am", is not one either).
            if !NUMBER_SHAPES.has_shape(w.shape) || number_word(&w.lower).is_none() {
                i += 1;
                continue;
            }
        }
        let digits = w.lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
        let suffix = &w.lower[digits.len()..];
        if matches!(suffix, "am" | "pm" | "h" | "hrs") {
            // a time of day, not a quantity
            i += 1;
            continue;
        }
        let value = if !digits.starts_with(|c: char| c.is_ascii_digit()) {
            number_word(&w.lower)
        } else if digits.contains(',') {
            digits.replace(',', "").parse::<f64>().ok()
        } else {
            digits.parse::<f64>().ok()
        };
        let Some(mut value) = value else {
            i += 1;
            continue;
        };
        let mut end = i;
        if let Some(m) = words.get(i + 1).and_then(|n| multiplier(&n.lower)) {
            value *= m;
            end = i + 1;
        }
        let mut span = Span::new(w.span.start, words[end].span.end);
        let mut unit = None;
        let before = text.get(..w.span.start).and_then(|s| s.chars().next_back());
        if matches!(before, Some('$' | '£' | '€')) {
            span.start -= before.map_or(0, char::len_utf8);
            unit = Some(
                match before {
                    Some('$') => "USD",
                    Some('£') => "GBP",
                    _ => "EUR",
                }
                .to_owned(),
            );
        }
        if text.get(span.end..).is_some_and(|s| s.starts_with('%')) {
            span.end += 1;
            unit = Some("percent".to_owned());
        } else if let Some(next) = words.get(end + 1) {
            if next.lower == "percent" {
                span.end = next.span.end;
                unit = Some("percent".to_owned());
                end += 1;
            } else if next.lower == "per" && words.get(end + 2).is_some_and(|n| n.lower == "cent") {
                span.end = words[end + 2].span.end;
                unit = Some("percent".to_owned());
                end += 2;
            }
        }
        out.push(Normalized {
            span,
            text: span.text(text).to_owned(),
            value: MentionValue::Number { value, unit },
        });
        i = end + 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date_values(s: &str, published: Option<&str>) -> Vec<Option<String>> {
        let lower = s.to_ascii_lowercase();
        let words = words(s, &lower, 0);
        dates(s, &words, published.and_then(Date::parse))
            .into_iter()
            .map(|(n, _)| match n.value {
                MentionValue::Date { value } => value,
                _ => None,
            })
            .collect()
    }

    #[test]
    fn month_and_year_become_year_month() {
        assert_eq!(
            date_values("Moscow invaded Ukraine in February 2022.", None),
            vec![Some("2022-02".to_owned())]
        );
    }

    #[test]
    fn relative_dates_resolve_against_publication() {
        // 2023-03-02 is a Thursday.
        let p = Some("2023-03-02");
        assert_eq!(
            date_values("They met last week.", p),
            vec![Some("2023-W08".to_owned())]
        );
        assert_eq!(
            date_values("It blew up last year.", p),
            vec![Some("2022".to_owned())]
        );
        assert_eq!(
            date_values("He spoke on Thursday.", p),
            vec![Some("2023-03-02".to_owned())]
        );
        assert_eq!(
            date_values("He spoke on Monday.", p),
            vec![Some("2023-02-27".to_owned())]
        );
        assert_eq!(
            date_values("in Bali last July", p),
            vec![Some("2022-07".to_owned())]
        );
        assert_eq!(
            date_values("the September blasts", p),
            vec![Some("2022-09".to_owned())]
        );
        assert_eq!(date_values("They met last week.", None), vec![None]);
    }

    #[test]
    fn numbers_are_normalised() {
        let s = "The bloc has 19 members, 3.5% growth, $5 billion and two envoys.";
        let lower = s.to_ascii_lowercase();
        let w = words(s, &lower, 0);
        let got: Vec<(String, f64, Option<String>)> = numbers(s, &w, &[])
            .into_iter()
            .filter_map(|n| match n.value {
                MentionValue::Number { value, unit } => Some((n.text, value, unit)),
                _ => None,
            })
            .collect();
        assert_eq!(
            got,
            vec![
                ("19".to_owned(), 19.0, None),
                ("3.5%".to_owned(), 3.5, Some("percent".to_owned())),
                ("$5 billion".to_owned(), 5e9, Some("USD".to_owned())),
                ("two".to_owned(), 2.0, None),
            ]
        );
    }

    /// The character-at-a-time splitter that the table-driven [`words`]
    /// replaced; both must agree.
    fn plain_words(sentence: &str, base: usize) -> Vec<Word<'static>> {
        let mut out = Vec::with_capacity(sentence.len() / 5);
        let bytes = sentence.as_bytes();
        let next_is = |at: usize, ok: fn(&u8) -> bool| bytes.get(at).is_some_and(ok);
        let mut at = 0;
        while at < bytes.len() {
            if out.len() >= MAX_WORDS {
                break;
            }
            // ASCII bytes are read directly; only other characters are decoded
            let c = char_at(sentence, at);
            if !c.is_alphanumeric() {
                at += c.len_utf8();
                continue;
            }
            let start = at;
            let mut ascii = c.is_ascii();
            let mut end = start + c.len_utf8();
            while end < bytes.len() {
                let d = char_at(sentence, end);
                let after = end + d.len_utf8();
                let keep = d.is_alphanumeric()
                    || ((d == '\'' || d == '’') && next_is(after, u8::is_ascii_alphabetic))
                    || ((d == ',' || d == '.')
                        && bytes[end - 1].is_ascii_digit()
                        && next_is(after, u8::is_ascii_digit));
                if !keep {
                    break;
                }
                ascii &= d.is_ascii();
                end = after;
            }
            let text = &sentence[start..end];
            let lower = if ascii {
                text.to_ascii_lowercase()
            } else {
                text.to_lowercase().replace('’', "'")
            };
            out.push(Word {
                span: Span::new(base + start, base + end),
                shape: shape_of(&lower),
                lower: Cow::Owned(lower),
                capital: c.is_uppercase(),
            });
            at = end;
        }
        out
    }

    proptest::proptest! {
        #[test]
        fn words_agree_with_the_plain_splitter(s in "(?s:[a-zA-Z0-9 '’,.\\-éÉΣİ\u{301}\u{2019}\u{201c}\u{2014}\u{2160}$%]{0,60})") {
            let lower = s.to_ascii_lowercase();
            proptest::prop_assert_eq!(words(&s, &lower, 7), plain_words(&s, 7));
        }
    }

    #[test]
    fn words_stop_at_the_limit_as_the_plain_splitter_does() {
        let long = "It’s 1,000.5 O'Neill ".repeat(MAX_WORDS);
        let lower = long.to_ascii_lowercase();
        assert_eq!(words(&long, &lower, 0), plain_words(&long, 0));
        assert_eq!(words(&long, &lower, 0).len(), MAX_WORDS);
    }

    #[test]
    fn every_number_word_is_read() {
        for (w, value) in NUMBER_WORDS {
            assert_eq!(number_word(w), Some(value), "{w}");
        }
        assert_eq!(number_word(""), None);
        assert_eq!(number_word("one"), None);
        assert_eq!(number_word("tens"), None);
    }

    #[test]
    fn shapes_hold_their_words() {
        let shapes = Shapes::of(&["may", "said", "a", "extraordinarily"]);
        for w in ["may", "said", "a", "extraordinarily", "eventually-many"] {
            assert!(shapes.may_hold(w), "{w}");
        }
        for w in ["", "mays", "sad", "b", "maybe"] {
            assert!(!shapes.may_hold(w), "{w}");
        }
    }

    #[test]
    fn every_date_word_passes_the_quick_test() {
        let cal = calendar();
        let words = cal
            .month_words
            .keys()
            .chain(&cal.weekdays)
            .map(String::as_str);
        for w in words.chain(RELATIVE).chain(["2019", "1999"]) {
            assert!(cal.may_start_date(w), "{w}");
        }
        assert!(!cal.may_start_date("blinken"));
        assert!(!cal.may_start_date(""));
    }

    #[test]
    fn general_punctuation_holds_no_letter_or_digit() {
        for c in '\u{2000}'..='\u{206F}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_alphanumeric(c), "{c:?}");
        }
        assert!(is_alphanumeric('é') && is_alphanumeric('Ⅰ') && is_alphanumeric('7'));
    }

    #[test]
    fn words_keep_spans_on_any_input() {
        for s in ["", "’’", "a’", "1,", "é,1.2.", "x\u{301}y"] {
            let lower = s.to_ascii_lowercase();
            for w in words(s, &lower, 0) {
                assert!(s.get(w.span.start..w.span.end).is_some());
            }
        }
    }

    #[test]
    fn straighten_curly_is_replace() {
        for s in ["", "don’t", "’’a’", "it’s’", "plain"] {
            assert_eq!(super::straighten_curly(s), s.replace('’', "'"), "{s:?}");
        }
    }
}
