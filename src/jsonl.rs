//! Reading JSON Lines records: one article per line.
//!
//! A record is a JSON object with a string `"text"` and, optionally, an
//! `"id"` (a string or an integer), `"url"`, `"published"` and `"outlet"`
//! (strings). Unknown fields are ignored.
//!
//! Crawled archives are dirty, and a record should not be lost for a byte
//! it cannot help. Two kinds of damage are repaired, and counted in
//! [`Record::repairs`], instead of failing the record:
//!
//! - a lone UTF-16 surrogate in a `\u` escape (`"\ud800"`, which JSON
//!   allows but Rust strings cannot hold) becomes U+FFFD;
//! - invalid UTF-8 bytes become U+FFFD.
//!
//! Well-formed lines take the fast path: they are parsed once, and the
//! repair scan only runs after a parse fails.
//!
//! ```
//! let record = quotecheck::jsonl::parse_record(br#"{"id":"a1","text":"Hi \ud800."}"#, "x").unwrap();
//! assert_eq!(record.document.text, "Hi \u{FFFD}.");
//! assert_eq!(record.repairs.lone_surrogates, 1);
//! ```

use std::borrow::Cow;
use std::fmt;

use serde::Deserialize;
use serde::de::{Deserializer as _, IgnoredAny, MapAccess, Visitor};

use crate::document::Document;
use crate::error::{Error, ErrorKind};

/// One parsed record and what had to be repaired to read it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Record {
    /// The article.
    pub document: Document,
    /// Damage repaired while reading the line.
    pub repairs: Repairs,
}

/// Counts of the damage repaired in one record.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Repairs {
    /// Lone surrogate `\u` escapes replaced with U+FFFD.
    pub lone_surrogates: usize,
    /// True when invalid UTF-8 bytes were replaced with U+FFFD.
    pub invalid_utf8: bool,
}

impl Repairs {
    /// True when nothing was repaired.
    pub fn is_empty(&self) -> bool {
        self.lone_surrogates == 0 && !self.invalid_utf8
    }
}

/// The shape of a record on the wire.
#[derive(Deserialize)]
struct Wire {
    #[serde(default)]
    id: Option<Id>,
    text: String,
    #[serde(default)]
    url: Option<String>,
    #[serde(default)]
    published: Option<String>,
    #[serde(default)]
    outlet: Option<String>,
}

/// Archives use both string and numeric ids.
#[derive(Deserialize)]
#[serde(untagged)]
enum Id {
    Text(String),
    Integer(i64),
}

/// Reads the fields of a record one by one and keeps the `"id"` as soon as
/// it is read, so a record that breaks later (truncated, a bad field) can
/// still be named in its error.
struct IdSeeker<'a>(&'a mut Option<String>);

impl<'de> Visitor<'de> for IdSeeker<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a JSON object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<Cow<'de, str>>()? {
            if key == "id" {
                *self.0 = Some(id_text(map.next_value::<Id>()?));
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(())
    }
}

/// True when `line` holds nothing but whitespace. Such lines are skipped,
/// not reported.
pub fn is_blank(line: &[u8]) -> bool {
    line.iter().all(u8::is_ascii_whitespace)
}

/// Parses one JSON Lines record. `fallback_id` names the document when the
/// record has no `"id"` (for example `file.jsonl:12`).
///
/// The error is [`ErrorKind::InvalidRecord`], carrying the record's id when
/// it could still be read.
pub fn parse_record(line: &[u8], fallback_id: &str) -> Result<Record, Error> {
    let first = match serde_json::from_slice::<Wire>(line) {
        Ok(wire) => return Ok(record(wire, fallback_id, Repairs::default())),
        Err(err) => err,
    };
    let mut repairs = Repairs::default();
    let text: Cow<'_, str> = match std::str::from_utf8(line) {
        Ok(text) => Cow::Borrowed(text),
        Err(_) => {
            repairs.invalid_utf8 = true;
            String::from_utf8_lossy(line)
        }
    };
    let (text, lone) = repair_lone_surrogates(&text);
    repairs.lone_surrogates = lone;
    if repairs.is_empty() {
        return Err(invalid(line, first));
    }
    match serde_json::from_str::<Wire>(&text) {
        Ok(wire) => Ok(record(wire, fallback_id, repairs)),
        Err(err) => Err(invalid(text.as_bytes(), err)),
    }
}

fn record(wire: Wire, fallback_id: &str, repairs: Repairs) -> Record {
    let id = match wire.id {
        Some(id) => id_text(id),
        None => fallback_id.to_owned(),
    };
    Record {
        document: Document {
            id,
            text: wire.text,
            url: wire.url,
            published: wire.published,
            outlet: wire.outlet,
        },
        repairs,
    }
}

fn id_text(id: Id) -> String {
    match id {
        Id::Text(text) => text,
        Id::Integer(n) => n.to_string(),
    }
}

fn invalid(line: &[u8], err: serde_json::Error) -> Error {
    let mut id = None;
    let mut deserializer = serde_json::Deserializer::from_slice(line);
    let _ = deserializer.deserialize_map(IdSeeker(&mut id));
    Error::new(ErrorKind::InvalidRecord {
        id,
        message: err.to_string(),
    })
}

/// The length of a `\uXXXX` escape.
const ESCAPE_LEN: usize = 6;

/// Replaces every `\u` escape of a lone UTF-16 surrogate with `\ufffd`,
/// keeping well-formed surrogate pairs. One linear pass; a backslash
/// escape is always consumed whole, so `\\ud800` (an escaped backslash
/// followed by `ud800`) is left alone. Returns the text and the number of
/// escapes replaced.
fn repair_lone_surrogates(text: &str) -> (Cow<'_, str>, usize) {
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"\\u").is_none() {
        return (Cow::Borrowed(text), 0);
    }
    let mut out = String::new();
    let mut copied = 0;
    let mut count = 0;
    let mut i = 0;
    while let Some(found) = memchr::memchr(b'\\', &bytes[i..]) {
        let at = i + found;
        if bytes.get(at + 1) != Some(&b'u') {
            // Any other escape: skip the backslash and the escaped byte.
            i = at + 2;
            if i >= bytes.len() {
                break;
            }
            continue;
        }
        let Some(unit) = hex_unit(bytes, at) else {
            i = at + 2;
            continue;
        };
        if (0xD800..0xDC00).contains(&unit) {
            if hex_unit(bytes, at + ESCAPE_LEN).is_some_and(|low| (0xDC00..0xE000).contains(&low)) {
                i = at + 2 * ESCAPE_LEN;
                continue;
            }
        } else if !(0xDC00..0xE000).contains(&unit) {
            i = at + ESCAPE_LEN;
            continue;
        }
        // A lone high or low surrogate. `at` and `at + 6` are ASCII, so
        // both are char boundaries.
        out.push_str(&text[copied..at]);
        out.push_str("\\ufffd");
        copied = at + ESCAPE_LEN;
        count += 1;
        i = copied;
    }
    if count == 0 {
        return (Cow::Borrowed(text), 0);
    }
    out.push_str(&text[copied..]);
    (Cow::Owned(out), count)
}

/// The code unit of a `\uXXXX` escape starting at `at`, if there is one.
fn hex_unit(bytes: &[u8], at: usize) -> Option<u32> {
    let escape = bytes.get(at..at + ESCAPE_LEN)?;
    if escape[0] != b'\\' || escape[1] != b'u' {
        return None;
    }
    escape[2..].iter().try_fold(0u32, |acc, &b| {
        let digit = (b as char).to_digit(16)?;
        Some(acc * 16 + digit)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(line: &str) -> Result<Record, Error> {
        parse_record(line.as_bytes(), "fallback")
    }

    #[test]
    fn reads_all_fields() {
        let r = parse(
            r#"{"id":"a","text":"T.","url":"u","published":"2024-01-02","outlet":"o","x":1}"#,
        )
        .unwrap();
        assert_eq!(r.document.id, "a");
        assert_eq!(r.document.text, "T.");
        assert_eq!(r.document.url.as_deref(), Some("u"));
        assert_eq!(r.document.published.as_deref(), Some("2024-01-02"));
        assert_eq!(r.document.outlet.as_deref(), Some("o"));
        assert!(r.repairs.is_empty());
    }

    #[test]
    fn numeric_and_missing_ids() {
        assert_eq!(parse(r#"{"id":7,"text":""}"#).unwrap().document.id, "7");
        assert_eq!(parse(r#"{"text":""}"#).unwrap().document.id, "fallback");
    }

    #[test]
    fn bad_records_are_typed_errors_that_keep_the_id() {
        for (line, id) in [
            (r#"{"id":"k"}"#, Some("k")),
            (r#"{"id":"k","text":5}"#, Some("k")),
            (r#"{"id":"k","text":"#, Some("k")),
            (r#"{"id":"k","text":"x"} trailing"#, Some("k")),
            (r#"{"text":"#, None),
            ("[1,2]", None),
            ("not json", None),
        ] {
            let err = parse(line).unwrap_err();
            match err.kind() {
                ErrorKind::InvalidRecord { id: got, .. } => {
                    assert_eq!(got.as_deref(), id, "{line}")
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_chars() {
        let r = parse(r#"{"id":"s","text":"a\ud800b\udc00c\ud83d\ude00d\\ud800"}"#).unwrap();
        assert_eq!(r.document.text, "a\u{FFFD}b\u{FFFD}c😀d\\ud800");
        assert_eq!(r.repairs.lone_surrogates, 2);
    }

    #[test]
    fn surrogate_at_the_very_end_and_truncated_escapes() {
        let r = parse(r#"{"text":"\udbff"}"#).unwrap();
        assert_eq!(r.document.text, "\u{FFFD}");
        assert!(parse(r#"{"text":"\ud8"}"#).is_err());
        assert!(parse("{\"text\":\"\\").is_err());
    }

    #[test]
    fn invalid_utf8_is_replaced() {
        let r = parse_record(b"{\"id\":\"b\",\"text\":\"a\xffb\"}", "f").unwrap();
        assert_eq!(r.document.text, "a\u{FFFD}b");
        assert!(r.repairs.invalid_utf8);
    }

    #[test]
    fn blank_lines() {
        assert!(is_blank(b" \r\n"));
        assert!(!is_blank(b" {}"));
    }
}
