//! A compact JSON writer for batch output: the same bytes as
//! `serde_json::to_writer`, written faster.
//!
//! Batch output is mostly strings (sentence, quotation and claim texts),
//! and `serde_json` looks up every byte of a string in an escape table.
//! This writer first checks a whole string, sixteen bytes at a time, for
//! the only bytes JSON must escape (`"`, `\` and controls below U+0020),
//! and copies a clean string (nearly all of them) in one go. Escapes are
//! written as `serde_json` writes them (`\n`, `\t`, …, else `\u00xx` in
//! lower-case hex). Integers are plain decimal; floats are formatted by
//! `serde_json` itself, so they print the same digits.

use std::fmt::{self, Display};

use serde::ser::{self, Serialize};

/// Why a value could not be written as JSON: a custom error from a
/// `Serialize` impl, or a map key that is not a string or a number.
#[derive(Debug)]
pub struct Error(String);

impl Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Appends `value` as compact JSON to `out`. On error, `out` may hold part
/// of the value.
pub fn write(out: &mut Vec<u8>, value: &(impl Serialize + ?Sized)) -> Result<(), Error> {
    value.serialize(&mut Writer { out })
}

/// How each byte is escaped: 0 copies it, `u` writes `\u00xx`, any
/// other byte `c` writes `\c`.
const ESCAPE: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 0x20 {
        table[b] = b'u';
        b += 1;
    }
    table[0x08] = b'b';
    table[0x09] = b't';
    table[0x0A] = b'n';
    table[0x0C] = b'f';
    table[0x0D] = b'r';
    table[b'"' as usize] = b'"';
    table[b'\\' as usize] = b'\\';
    table
};

/// Bytes per block of the fast scan; a block is checked without a
/// branch per byte, which the compiler turns into vector instructions.
const BLOCK: usize = 16;

/// Whether the byte must be escaped in a JSON string.
#[inline]
fn must_escape(b: u8) -> bool {
    b < 0x20 || b == b'"' || b == b'\\'
}

/// Whether any of the eight bytes in `x` must be escaped. Exact: the
/// classic "has a byte less than n" and "has a zero byte" word tests may
/// mark the wrong byte, but never a word without one.
#[inline]
fn word_has_escape(x: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * u64::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let s = x ^ (ONES * u64::from(b'\\'));
    let backslash = s.wrapping_sub(ONES) & !s;
    (control | quote | backslash) & HIGH != 0
}

/// Whether any of the four bytes in `x` must be escaped: the test of
/// [`word_has_escape`] on half a word.
#[inline]
fn half_word_has_escape(x: u32) -> bool {
    const ONES: u32 = 0x0101_0101;
    const HIGH: u32 = 0x8080_8080;
    let control = x.wrapping_sub(ONES * 0x20) & !x;
    let q = x ^ (ONES * u32::from(b'"'));
    let quote = q.wrapping_sub(ONES) & !q;
    let s = x ^ (ONES * u32::from(b'\\'));
    let backslash = s.wrapping_sub(ONES) & !s;
    (control | quote | backslash) & HIGH != 0
}

/// The first four bytes of `bytes` as a half word.
#[inline]
fn half_word(bytes: &[u8]) -> u32 {
    let mut w = [0u8; 4];
    w.copy_from_slice(&bytes[..4]);
    u32::from_le_bytes(w)
}

/// The first eight bytes of `bytes` as a word.
#[inline]
fn word(bytes: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(w)
}

/// Whether any byte of `bytes` must be escaped. Inlined into its two
/// callers: it runs for every string and key, most of them short.
#[inline(always)]
fn has_escape(bytes: &[u8]) -> bool {
    let len = bytes.len();
    if len < 4 {
        return bytes.iter().any(|&b| must_escape(b));
    }
    if len < 8 {
        // most keys: two half words that may overlap
        return half_word_has_escape(half_word(bytes))
            || half_word_has_escape(half_word(&bytes[len - 4..]));
    }
    let mut blocks = bytes.chunks_exact(BLOCK);
    for block in &mut blocks {
        if block.iter().fold(false, |any, &b| any | must_escape(b)) {
            return true;
        }
    }
    // The last 1 to 15 bytes, in two words that may overlap each other
    // and bytes already checked.
    let rest = blocks.remainder();
    if rest.is_empty() {
        return false;
    }
    let tail = &bytes[len - 8..];
    let head = if rest.len() > 8 { rest } else { tail };
    word_has_escape(word(head)) || word_has_escape(word(tail))
}

/// The longest string written by [`write_short`].
const SHORT: usize = 16;

/// Appends `"bytes"`, then a colon when `colon`, for at most [`SHORT`]
/// bytes that need no escape. The output is set in a fixed-size block
/// with fixed-size copies (two words that may overlap), appended whole
/// and then cut to length: a copy of the exact length would be a call
/// to `memcpy`, which costs more than the rest for a short key.
#[inline]
fn write_short(out: &mut Vec<u8>, bytes: &[u8], colon: bool) {
    let len = bytes.len();
    debug_assert!(len <= SHORT);
    let mut block = [0u8; SHORT + 3];
    block[0] = b'"';
    if len >= 8 {
        block[1..9].copy_from_slice(&bytes[..8]);
        block[len - 7..=len].copy_from_slice(&bytes[len - 8..]);
    } else if len >= 4 {
        block[1..5].copy_from_slice(&bytes[..4]);
        block[len - 3..=len].copy_from_slice(&bytes[len - 4..]);
    } else {
        for (i, &b) in bytes.iter().enumerate() {
            block[1 + i] = b;
        }
    }
    block[len + 1] = b'"';
    block[len + 2] = b':';
    let start = out.len();
    out.extend_from_slice(&block);
    out.truncate(start + len + 2 + usize::from(colon));
}

/// Appends `s` as a JSON string, quotes included.
fn write_str(out: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    let escape = has_escape(bytes);
    if bytes.len() <= SHORT && !escape {
        write_short(out, bytes, false);
        return;
    }
    out.reserve(bytes.len() + 2);
    out.push(b'"');
    if escape {
        write_escaped(out, bytes);
    } else {
        out.extend_from_slice(bytes);
    }
    out.push(b'"');
}

/// Appends a map or struct key and its colon, `"key":`.
#[inline]
fn write_key(out: &mut Vec<u8>, key: &str) {
    let bytes = key.as_bytes();
    if has_escape(bytes) {
        write_str(out, key);
        out.push(b':');
    } else if bytes.len() <= SHORT {
        write_short(out, bytes, true);
    } else {
        out.reserve(bytes.len() + 3);
        out.push(b'"');
        out.extend_from_slice(bytes);
        out.extend_from_slice(b"\":");
    }
}

/// Appends the bytes of a string that holds escapes, escaped.
fn write_escaped(out: &mut Vec<u8>, bytes: &[u8]) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut run = 0;
    for (i, &b) in bytes.iter().enumerate() {
        let escape = ESCAPE[usize::from(b)];
        if escape == 0 {
            continue;
        }
        out.extend_from_slice(&bytes[run..i]);
        run = i + 1;
        if escape == b'u' {
            let hex = [HEX[usize::from(b >> 4)], HEX[usize::from(b & 0xF)]];
            out.extend_from_slice(b"\\u00");
            out.extend_from_slice(&hex);
        } else {
            out.extend_from_slice(&[b'\\', escape]);
        }
    }
    out.extend_from_slice(&bytes[run..]);
}

/// The numbers `00` to `99`, two digits each, back to back.
const DIGIT_PAIRS: &[u8; 200] = b"\
0001020304050607080910111213141516171819\
2021222324252627282930313233343536373839\
4041424344454647484950515253545556575859\
6061626364656667686970717273747576777879\
8081828384858687888990919293949596979899";

/// The number of decimal digits of `n`, which is below 10^8.
#[inline]
fn small_digit_count(n: u32) -> usize {
    match n {
        0..=9 => 1,
        10..=99 => 2,
        100..=999 => 3,
        1_000..=9_999 => 4,
        10_000..=99_999 => 5,
        100_000..=999_999 => 6,
        1_000_000..=9_999_999 => 7,
        _ => 8,
    }
}

/// Appends the decimal digits of `n`, which is below 10^8 (every byte
/// offset and index of a document under 100 MB). The digits are set
/// in an eight-byte block that is appended whole and then cut to length:
/// a fixed-size copy, where a copy of the exact length would be a call.
#[inline]
fn write_small(out: &mut Vec<u8>, n: u32) {
    let len = small_digit_count(n);
    let mut block = [0u8; 8];
    let mut at = len;
    let mut n = n as usize;
    while n >= 100 {
        let pair = n % 100 * 2;
        n /= 100;
        at -= 2;
        block[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
    }
    if n >= 10 {
        block[..2].copy_from_slice(&DIGIT_PAIRS[n * 2..n * 2 + 2]);
    } else {
        block[0] = b'0' + n as u8;
    }
    let start = out.len();
    out.extend_from_slice(&block);
    out.truncate(start + len);
}

/// Appends the decimal digits of `n`, with a `-` when `negative`.
fn write_integer(out: &mut Vec<u8>, negative: bool, n: u128) {
    if !negative && n < 100_000_000 {
        write_small(out, n as u32);
        return;
    }
    let mut digits = [0u8; 40];
    let mut at = digits.len();
    match u64::try_from(n) {
        // the common case, without 128-bit division, two digits at a time
        Ok(mut n) => {
            while n >= 100 {
                let pair = (n % 100) as usize * 2;
                n /= 100;
                at -= 2;
                digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
            }
            if n >= 10 {
                let pair = n as usize * 2;
                at -= 2;
                digits[at..at + 2].copy_from_slice(&DIGIT_PAIRS[pair..pair + 2]);
            } else {
                at -= 1;
                digits[at] = b'0' + n as u8;
            }
        }
        Err(_) => {
            let mut n = n;
            while n > 0 {
                at -= 1;
                digits[at] = b'0' + (n % 10) as u8;
                n /= 10;
            }
        }
    }
    if negative {
        at -= 1;
        digits[at] = b'-';
    }
    out.extend_from_slice(&digits[at..]);
}

/// An integer of any width, widened for [`write_integer`].
trait Integer: Copy {
    /// Whether it is negative, and its magnitude.
    fn parts(self) -> (bool, u128);
}

macro_rules! unsigned {
    ($($t:ty),*) => {$(
        impl Integer for $t {
            fn parts(self) -> (bool, u128) {
                (false, self as u128)
            }
        }
    )*};
}

macro_rules! signed {
    ($($t:ty),*) => {$(
        impl Integer for $t {
            fn parts(self) -> (bool, u128) {
                (self < 0, self.unsigned_abs() as u128)
            }
        }
    )*};
}

unsigned!(u8, u16, u32, u64, u128);
signed!(i8, i16, i32, i64, i128);

/// The serializer: appends to a byte buffer.
struct Writer<'a> {
    out: &'a mut Vec<u8>,
}

impl Writer<'_> {
    /// Writes a number the way `serde_json` does.
    fn number(&mut self, n: &impl Serialize) -> Result<(), Error> {
        serde_json::to_writer(&mut *self.out, n).map_err(|e| Error(e.to_string()))
    }

    fn integer(&mut self, n: impl Integer) {
        let (negative, n) = n.parts();
        write_integer(self.out, negative, n);
    }
}

/// A sequence, map or struct being written.
struct Compound<'w, 'a> {
    writer: &'w mut Writer<'a>,
    first: bool,
    /// What closes it: `]`, `}`, or `}}` for a variant wrapped in an
    /// object.
    close: &'static [u8],
}

impl Compound<'_, '_> {
    fn comma(&mut self) {
        if !self.first {
            self.writer.out.push(b',');
        }
        self.first = false;
    }

    fn end(self) -> Result<(), Error> {
        self.writer.out.extend_from_slice(self.close);
        Ok(())
    }
}

impl<'w, 'a> ser::Serializer for &'w mut Writer<'a> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'w, 'a>;
    type SerializeTuple = Compound<'w, 'a>;
    type SerializeTupleStruct = Compound<'w, 'a>;
    type SerializeTupleVariant = Compound<'w, 'a>;
    type SerializeMap = Compound<'w, 'a>;
    type SerializeStruct = Compound<'w, 'a>;
    type SerializeStructVariant = Compound<'w, 'a>;

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        self.out
            .extend_from_slice(if v { b"true" } else { b"false" });
        Ok(())
    }

    fn serialize_i8(self, v: i8) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_i16(self, v: i16) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_i32(self, v: i32) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_i64(self, v: i64) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_i128(self, v: i128) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_u8(self, v: u8) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_u16(self, v: u16) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_u32(self, v: u32) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_u64(self, v: u64) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_u128(self, v: u128) -> Result<(), Error> {
        self.integer(v);
        Ok(())
    }

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.number(&v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.number(&v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_str(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_str(self.out, v);
        Ok(())
    }

    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        use ser::SerializeSeq as _;
        let mut seq = self.serialize_seq(Some(v.len()))?;
        for b in v {
            seq.serialize_element(b)?;
        }
        seq.end()
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.out.extend_from_slice(b"null");
        Ok(())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.serialize_unit()
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.push(b':');
        value.serialize(&mut *self)?;
        self.out.push(b'}');
        Ok(())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'[');
        Ok(Compound {
            writer: self,
            first: true,
            close: b"]",
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":[");
        Ok(Compound {
            writer: self,
            first: true,
            close: b"]}",
        })
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        Ok(Compound {
            writer: self,
            first: true,
            close: b"}",
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'w, 'a>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        _len: usize,
    ) -> Result<Compound<'w, 'a>, Error> {
        self.out.push(b'{');
        write_str(self.out, variant);
        self.out.extend_from_slice(b":{");
        Ok(Compound {
            writer: self,
            first: true,
            close: b"}}",
        })
    }
}

impl ser::SerializeSeq for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.comma();
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// The tuple forms write like a sequence.
macro_rules! like_seq {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_, '_> {
            type Ok = ();
            type Error = Error;

            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
                ser::SerializeSeq::serialize_element(self, value)
            }

            fn end(self) -> Result<(), Error> {
                Compound::end(self)
            }
        }
    )*};
}

like_seq!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl ser::SerializeMap for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.comma();
        key.serialize(KeyWriter {
            writer: &mut *self.writer,
        })
    }

    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStruct for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.comma();
        write_key(self.writer.out, key);
        value.serialize(&mut *self.writer)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

impl ser::SerializeStructVariant for Compound<'_, '_> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::end(self)
    }
}

/// Writes a map key and its colon: a string as itself; a number, `bool`
/// or `char` as a string, as `serde_json` does; anything else is an
/// error.
struct KeyWriter<'w, 'a> {
    writer: &'w mut Writer<'a>,
}

/// Integer keys are written as quoted numbers, as `serde_json` does.
macro_rules! quoted_integers {
    ($($name:ident: $t:ty),*) => {$(
        fn $name(self, v: $t) -> Result<(), Error> {
            self.quoted(v)
        }
    )*};
}

impl KeyWriter<'_, '_> {
    fn quoted(self, v: impl Integer) -> Result<(), Error> {
        self.writer.out.push(b'"');
        self.writer.integer(v);
        self.writer.out.extend_from_slice(b"\":");
        Ok(())
    }

    /// A key that `serde_json` would write differently or not at all:
    /// written by `serde_json` itself.
    fn fallback(self, key: &impl Serialize) -> Result<(), Error> {
        let mut map = std::collections::BTreeMap::new();
        map.insert(Key(key), ());
        let json = serde_json::to_vec(&map).map_err(|e| Error(e.to_string()))?;
        // `{KEY:null}`: keep the key
        let key = json
            .get(1..json.len().saturating_sub(b":null}".len()))
            .ok_or_else(|| Error("key must be a string".to_owned()))?;
        self.writer.out.extend_from_slice(key);
        self.writer.out.push(b':');
        Ok(())
    }
}

/// A key for [`KeyWriter::fallback`]: only ever one in its map, so every
/// two compare equal.
struct Key<'k, T>(&'k T);

impl<T> PartialEq for Key<'_, T> {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl<T> Eq for Key<'_, T> {}

impl<T> PartialOrd for Key<'_, T> {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl<T> Ord for Key<'_, T> {
    fn cmp(&self, _: &Self) -> std::cmp::Ordering {
        std::cmp::Ordering::Equal
    }
}

impl<T: Serialize> Serialize for Key<'_, T> {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// The error for a key that cannot be one.
fn key_error() -> Error {
    Error("key must be a string".to_owned())
}

impl ser::Serializer for KeyWriter<'_, '_> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = ser::Impossible<(), Error>;
    type SerializeTuple = ser::Impossible<(), Error>;
    type SerializeTupleStruct = ser::Impossible<(), Error>;
    type SerializeTupleVariant = ser::Impossible<(), Error>;
    type SerializeMap = ser::Impossible<(), Error>;
    type SerializeStruct = ser::Impossible<(), Error>;
    type SerializeStructVariant = ser::Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        write_key(self.writer.out, v);
        Ok(())
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        write_key(self.writer.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }

    fn serialize_bool(self, v: bool) -> Result<(), Error> {
        write_key(self.writer.out, if v { "true" } else { "false" });
        Ok(())
    }

    quoted_integers!(
        serialize_i8: i8,
        serialize_i16: i16,
        serialize_i32: i32,
        serialize_i64: i64,
        serialize_i128: i128,
        serialize_u8: u8,
        serialize_u16: u16,
        serialize_u32: u32,
        serialize_u64: u64,
        serialize_u128: u128
    );

    fn serialize_f32(self, v: f32) -> Result<(), Error> {
        self.fallback(&v)
    }

    fn serialize_f64(self, v: f64) -> Result<(), Error> {
        self.fallback(&v)
    }

    fn serialize_bytes(self, _v: &[u8]) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_none(self) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_some<T: Serialize + ?Sized>(self, _value: &T) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_unit(self) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.serialize_str(variant)
    }

    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _value: &T,
    ) -> Result<(), Error> {
        Err(key_error())
    }

    fn serialize_seq(self, _len: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(key_error())
    }

    fn serialize_tuple(self, _len: usize) -> Result<Self::SerializeTuple, Error> {
        Err(key_error())
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(key_error())
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(key_error())
    }

    fn serialize_map(self, _len: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(key_error())
    }

    fn serialize_struct(
        self,
        _name: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStruct, Error> {
        Err(key_error())
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        _variant: &'static str,
        _len: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(key_error())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use proptest::prelude::*;
    use quotecheck::{Analyzer, Document};
    use serde::Serialize;

    use super::write;

    fn same_as_serde_json(value: &impl Serialize) {
        let want = serde_json::to_vec(value).expect("serde_json writes it");
        let mut got = Vec::new();
        write(&mut got, value).expect("the writer writes it");
        assert_eq!(
            String::from_utf8_lossy(&got),
            String::from_utf8_lossy(&want)
        );
    }

    #[derive(Serialize)]
    enum Shape {
        Unit,
        New(u8),
        Tuple(i32, f32),
        Struct { a: Option<bool>, b: Vec<char> },
    }

    #[derive(Serialize)]
    #[serde(tag = "kind")]
    enum Tagged {
        One { x: f64 },
    }

    #[derive(Serialize)]
    struct Flat {
        id: &'static str,
        #[serde(flatten)]
        tagged: Tagged,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        unit: (),
        bytes: &'static [u8],
    }

    #[test]
    fn every_shape_is_written_as_serde_json_writes_it() {
        same_as_serde_json(&vec![
            Shape::Unit,
            Shape::New(7),
            Shape::Tuple(-3, 0.1),
            Shape::Struct {
                a: Some(true),
                b: vec!['"', '\u{1}', 'é'],
            },
            Shape::Struct { a: None, b: vec![] },
        ]);
        same_as_serde_json(&Flat {
            id: "a\"b\\c\n\r\t\u{8}\u{c}\u{1f}\u{7f}",
            tagged: Tagged::One { x: 5e9 },
            skipped: None,
            unit: (),
            bytes: b"\x00\xff",
        });
        for x in [0.0, -0.0, 1e-7, 1e21, 0.39900744, f64::NAN, f64::INFINITY] {
            same_as_serde_json(&x);
            same_as_serde_json(&(x as f32));
        }
        let mut keys = BTreeMap::new();
        keys.insert(-5i64, "minus five");
        keys.insert(u32::MAX as i64, "big");
        same_as_serde_json(&keys);
        let mut keys = BTreeMap::new();
        keys.insert(true, 1);
        keys.insert(false, 2);
        same_as_serde_json(&keys);
        let mut keys = BTreeMap::new();
        keys.insert('"', 1);
        keys.insert('k', 2);
        same_as_serde_json(&keys);
        let mut keys = BTreeMap::new();
        keys.insert("a key longer than the thirty bytes of the stack", 1);
        keys.insert("tab\tkey", 2);
        keys.insert("", 3);
        same_as_serde_json(&keys);
        for n in [
            0u64,
            9,
            10,
            99,
            100,
            101,
            999,
            1000,
            65_535,
            1_234_567,
            9_999_999,
            10_000_000,
            99_999_999,
            100_000_000,
            u64::MAX,
        ] {
            same_as_serde_json(&n);
            same_as_serde_json(&(n as i64).wrapping_neg());
        }
        same_as_serde_json(&u128::MAX);
        same_as_serde_json(&i128::MIN);
    }

    #[test]
    fn analyses_of_the_fixtures_are_written_as_serde_json_writes_them() {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/fixtures");
        let mut seen = 0;
        for folder in std::fs::read_dir(dir).expect("the fixtures folder") {
            let folder = folder.expect("a folder entry").path();
            for file in std::fs::read_dir(&folder).expect("a fixture folder") {
                let path = file.expect("a file entry").path();
                let text = std::fs::read_to_string(&path).expect("a fixture");
                let mut doc = Document::new(path.display().to_string(), text);
                doc.published = Some("2024-05-06".into());
                same_as_serde_json(&Analyzer::default().analyze(&doc));
                seen += 1;
            }
        }
        assert!(seen > 0);
    }

    proptest! {
        #[test]
        fn any_string_is_escaped_as_serde_json_escapes_it(s in "(?s:.{0,40})", t in "[\\x00-\\x7f\"\\\\]{0,40}") {
            same_as_serde_json(&s);
            same_as_serde_json(&t);
            same_as_serde_json(&format!("{s}{t}{s}"));
        }

        #[test]
        fn any_key_is_written_as_serde_json_writes_it(k in "(?s:.{0,20})", l in "[a-z_\"\\\n]{0,20}") {
            let map: BTreeMap<&str, u8> = [(k.as_str(), 1), (l.as_str(), 2)].into_iter().collect();
            same_as_serde_json(&map);
        }

        #[test]
        fn any_integer_is_written_as_serde_json_writes_it(n: u64, m: i64, small in 0u32..200_000_000) {
            same_as_serde_json(&n);
            same_as_serde_json(&m);
            same_as_serde_json(&small);
        }
    }
}
