//! Stable claim IDs.
//!
//! An ID is `qc-` followed by 16 lower-case hex digits: the 64-bit XXH3
//! hash (seed 0) of the UTF-8 bytes
//!
//! ```text
//! "quotecheck-claim-v1" NUL normalised(claimant) NUL normalised(text)
//! ```
//!
//! where `normalised` lower-cases, reads curly quotes and apostrophes as
//! straight ones and dashes as `-`, drops quotation marks, and collapses
//! every run of whitespace to one space, trimmed. The claimant is empty
//! for the reporter's voice. So an ID survives rewrapped lines, added
//! whitespace and reordered paragraphs, and changes when any word or
//! number of the claim changes. When two claims of one document would share an
//! ID (the same words, by the same claimant, twice), the later ones get
//! `-2`, `-3`, … in document order.

use rustc_hash::FxHashMap;

use xxhash_rust::xxh3::xxh3_64;

use super::Claim;
use crate::grammar::ascii_lower8;

/// Prefix of the hashed bytes; bump the version when normalisation
/// changes.
const DOMAIN: &str = "quotecheck-claim-v1";

/// In [`ASCII_NORMAL`]: the byte is dropped (a double quote).
const DROP: u8 = 0xFF;
/// In [`ASCII_NORMAL`]: the byte is whitespace.
const SPACE: u8 = 0xFE;

/// What normalisation makes of each ASCII byte: [`DROP`], [`SPACE`]
/// (`char::is_whitespace`), or the byte in lower case.
const ASCII_NORMAL: [u8; 128] = {
    let mut table = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c == b'"' {
            DROP
        } else if matches!(c, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r') {
            SPACE
        } else {
            c.to_ascii_lowercase()
        };
        b += 1;
    }
    table
};

/// What normalisation makes of every byte that it keeps as one byte: the
/// ASCII byte lower-cased. Any other byte, ASCII or not, maps to a value
/// of 0x80 or more.
const KEPT: [u8; 256] = {
    let mut table = [0xFF; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = ASCII_NORMAL[b];
        b += 1;
    }
    table
};

/// The eight bytes of `chunk` normalised, when normalisation keeps each
/// of them as one byte: every byte is printable ASCII other than the
/// double quote, or a space alone between two such bytes. The byte
/// before the chunk must be such a byte (not a space); `kept_next` tells
/// whether the byte after it is one. Else `None`. All eight are tested
/// and lower-cased at once, as the lanes of one `u64`.
#[inline]
fn plain_lower(chunk: &[u8], kept_next: bool) -> Option<[u8; 8]> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES * 0x80;
    /// The high bit of the last byte.
    const LAST: u64 = 0x80 << 56;
    let x = u64::from_le_bytes(chunk.try_into().ok()?);
    if x & HIGH != 0 {
        return None;
    }
    // Every byte is below 0x80, so adding at most 0x7F to each carries
    // into no other byte, and the high bit of each sum tests that byte.
    // at least a space: no other whitespace or control character
    let printable = (x + ONES * (0x80 - 0x20)) & HIGH == HIGH;
    // no byte equal to `"`
    let no_quote = ((x ^ (ONES * u64::from(b'"'))) + ONES * 0x7F) & HIGH == HIGH;
    // the high bit of every space
    let spaces = !((x ^ (ONES * 0x20)) + ONES * 0x7F) & HIGH;
    let lone = spaces & (spaces << 8) == 0 && (kept_next || spaces & LAST == 0);
    if !(printable && no_quote && lone) {
        return None;
    }
    Some(ascii_lower8(x).to_le_bytes())
}

/// Appends the UTF-8 bytes of the normalised `s` to `out`. Only hashed,
/// so it is built as bytes.
///
/// The output is written by index into room made beforehand: as long as
/// `out` holds at least as many bytes past the written ones as are left
/// to read, every ASCII byte fits, since it is written at most once and a
/// pending space stands for at least one whitespace byte read. Only a
/// character whose lower case is longer than itself makes more room.
fn normalise_into(s: &str, out: &mut Vec<u8>) {
    let empty = out.len();
    let bytes = s.as_bytes();
    out.resize(empty + bytes.len(), 0);
    let mut w = empty;
    let mut space = false;
    let mut at = 0;
    while at < bytes.len() {
        // A run of ASCII bytes that are kept, nearly all of the text, is
        // copied lower-cased by table in one loop: the same steps as
        // below, for the one-byte characters.
        if KEPT[usize::from(bytes[at])] < 0x80 {
            if space && w > empty {
                out[w] = b' ';
                w += 1;
            }
            space = false;
            let dst = out.as_mut_slice();
            // A run of kept bytes, and single spaces between them, is
            // copied eight bytes at a time where it can be, else up to
            // eight bytes one by one, until it ends.
            let kept = |at: usize| bytes.get(at).is_some_and(|&b| KEPT[usize::from(b)] < 0x80);
            loop {
                if let Some(chunk) = bytes.get(at..at + 8) {
                    if let Some(lower) = plain_lower(chunk, kept(at + 8)) {
                        dst[w..w + 8].copy_from_slice(&lower);
                        w += 8;
                        at += 8;
                        continue;
                    }
                }
                let stop = (at + 8).min(bytes.len());
                while at < stop {
                    let b = bytes[at];
                    let lower = KEPT[usize::from(b)];
                    if lower < 0x80 {
                        dst[w] = lower;
                    } else if b == b' ' && kept(at + 1) {
                        // the byte before is kept too
                        dst[w] = b' ';
                    } else {
                        break;
                    }
                    w += 1;
                    at += 1;
                }
                if at < stop || at == bytes.len() {
                    break;
                }
            }
            continue;
        }
        let b = bytes[at];
        if b.is_ascii() {
            // a double quote, dropped, or whitespace
            at += 1;
            if ASCII_NORMAL[usize::from(b)] == SPACE {
                space = true;
            }
            continue;
        }
        let Some(c) = s.get(at..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        at += c.len_utf8();
        let c = match c {
            '’' | '‘' | '\'' => '\'',
            '“' | '”' | '"' | '«' | '»' => continue,
            '–' | '—' | '‒' | '−' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = true;
            continue;
        }
        if space && w > empty {
            out[w] = b' ';
            w += 1;
        }
        space = false;
        for lower in c.to_lowercase() {
            let mut buf = [0; 4];
            let lower = lower.encode_utf8(&mut buf).as_bytes();
            // keep room for the rest of the input after this character
            let need = w + lower.len() + (bytes.len() - at);
            if need > out.len() {
                out.resize(need, 0);
            }
            out[w..w + lower.len()].copy_from_slice(lower);
            w += lower.len();
        }
    }
    out.truncate(w);
}

/// The hash of a claim with this text and claimant, written into the
/// reused buffer `bytes`.
fn claim_hash(text: &str, claimant: Option<&str>, bytes: &mut Vec<u8>) -> u64 {
    start_claim(claimant, bytes);
    normalise_into(text, bytes);
    xxh3_64(bytes)
}

/// Writes into `bytes` the hashed bytes that come before a claim's text:
/// the domain and the claimant.
fn start_claim(claimant: Option<&str>, bytes: &mut Vec<u8>) {
    bytes.clear();
    bytes.extend_from_slice(DOMAIN.as_bytes());
    bytes.push(0);
    normalise_into(claimant.unwrap_or(""), bytes);
    bytes.push(0);
}

/// `qc-` and the hash in 16 lower-case hex digits.
fn format_id(hash: u64, out: &mut String) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    out.push_str("qc-");
    for shift in (0..16).rev() {
        out.push(char::from(HEX[((hash >> (4 * shift)) & 0xF) as usize]));
    }
}

/// The stable ID of a claim with this text and claimant (`None` for the
/// reporter's voice). See the module documentation for the formula.
///
/// ```
/// use quotecheck::claim_id;
///
/// let a = claim_id("The bloc has 19\n  members.", Some("Jane Doe"));
/// assert_eq!(a, claim_id("The bloc has 19 members.", Some("Jane Doe")));
/// assert_ne!(a, claim_id("The bloc has 20 members.", Some("Jane Doe")));
/// assert!(a.starts_with("qc-") && a.len() == 19);
/// ```
pub fn claim_id(text: &str, claimant: Option<&str>) -> String {
    let mut bytes = Vec::with_capacity(DOMAIN.len() + 2 + text.len() + 32);
    let mut id = String::with_capacity(ID_LEN);
    format_id(claim_hash(text, claimant, &mut bytes), &mut id);
    id
}

/// The length of an ID without a repeat number: `qc-` and 16 digits.
const ID_LEN: usize = 19;

/// Gives every claim its ID, numbering repeats in document order.
pub(crate) fn assign(claims: &mut [Claim]) {
    // repeats are found by hash: two claims share an ID exactly when
    // they share a hash
    let mut seen: FxHashMap<u64, usize> =
        FxHashMap::with_capacity_and_hasher(claims.len(), Default::default());
    // room for the longest claim, so that hashing never grows it
    let longest = claims
        .iter()
        .map(|c| c.text.len() + c.claimant.as_ref().map_or(0, String::len))
        .max()
        .unwrap_or(0);
    let mut bytes = Vec::with_capacity(DOMAIN.len() + 2 + longest);
    // the claimant whose bytes start `bytes`, and where they end: claims
    // of the same claimant in a row write them once
    let mut started: Option<Option<&str>> = None;
    let mut prefix = 0;
    for claim in claims {
        let claimant = claim.claimant.as_deref();
        if started != Some(claimant) {
            start_claim(claimant, &mut bytes);
            prefix = bytes.len();
            started = Some(claimant);
        }
        bytes.truncate(prefix);
        normalise_into(&claim.text, &mut bytes);
        let hash = xxh3_64(&bytes);
        let n = seen.entry(hash).or_insert(0);
        *n += 1;
        // a repeat number is rare, and short
        let mut id = String::with_capacity(if *n > 1 { ID_LEN + 4 } else { ID_LEN });
        format_id(hash, &mut id);
        if *n > 1 {
            use std::fmt::Write as _;
            write!(id, "-{n}").expect("writing to a String never fails");
        }
        claim.id = id;
    }
}

#[cfg(test)]
mod tests {
    use super::normalise_into;

    /// The character-at-a-time normalisation that the ASCII fast path of
    /// [`normalise_into`] must agree with.
    fn plain(s: &str) -> String {
        let mut out = String::new();
        let mut space = false;
        for c in s.chars() {
            let c = match c {
                '’' | '‘' | '\'' => '\'',
                '“' | '”' | '"' | '«' | '»' => continue,
                '–' | '—' | '‒' | '−' => '-',
                c => c,
            };
            if c.is_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.extend(c.to_lowercase());
        }
        out
    }

    #[test]
    fn eight_bytes_lower_case_as_one_by_one() {
        // DEL is kept as it is, like the graphic characters
        let kept = |c: &u8| (0x21..=0x7F).contains(c) && *c != b'"';
        for b in 0..=255u8 {
            for (at, base) in (0..8).flat_map(|at| [(at, *b"abXYz09."), (at, *b"a Z y 0.")]) {
                let mut chunk = base;
                chunk[at] = b;
                for kept_next in [false, true] {
                    // a space is kept alone between kept bytes (the one
                    // before the chunk is kept)
                    let plain = chunk.iter().all(|c| kept(c) || *c == b' ')
                        && !chunk.windows(2).any(|p| p == b"  ")
                        && (kept_next || chunk[7] != b' ');
                    let want = plain.then(|| chunk.map(|c| c.to_ascii_lowercase()));
                    assert_eq!(super::plain_lower(&chunk, kept_next), want, "{chunk:?}");
                }
            }
        }
    }

    proptest::proptest! {
        #[test]
        fn fast_normalisation_agrees_with_the_plain_one(s in "(?s:[a-zA-Z0-9 '\"’‘“”«»–—\t\n\r\u{b}\u{c}\u{1c}\u{85}\u{a0}\u{2003}ÉİΣ]{0,60})") {
            let mut fast = b"prefix".to_vec();
            normalise_into(&s, &mut fast);
            let want = plain(&s);
            proptest::prop_assert_eq!(&fast["prefix".len()..], want.as_bytes());
        }

        #[test]
        fn fast_normalisation_agrees_on_mostly_plain_text(s in "(?s:[a-zA-Z .,]{0,12}[ a-z\"\t’É]?){0,6}") {
            let mut fast = Vec::new();
            normalise_into(&s, &mut fast);
            proptest::prop_assert_eq!(fast, plain(&s).into_bytes());
        }
    }
}
