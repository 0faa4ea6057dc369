//! Reads the language data in `grammar/`.
//!
//! Every grammar file is plain UTF-8 text, built into the binary with
//! `include_str!`. One entry per line; `#` starts a comment; blank lines
//! are ignored; an entry may have several fields separated by `|`, each
//! trimmed. Each pipeline module parses its own files once, at first use,
//! into lookup tables.

/// The entries of a grammar file: trimmed lines with comments and blank
/// lines removed.
pub(crate) fn entries(src: &str) -> impl Iterator<Item = &str> {
    src.lines().filter_map(|line| {
        let line = match line.find('#') {
            Some(i) => &line[..i],
            None => line,
        };
        let line = line.trim();
        (!line.is_empty()).then_some(line)
    })
}

/// The `|`-separated, trimmed fields of one entry.
pub(crate) fn fields(entry: &str) -> impl Iterator<Item = &str> {
    entry.split('|').map(str::trim)
}

/// Runs `f` on `word` with its ASCII letters lower-cased: the key under
/// which the grammar tables file a word that they match ignoring ASCII
/// case. Words of up to `MAX_STACK_WORD` bytes are lowered on the stack.
pub(crate) fn with_ascii_lower<R>(word: &str, f: impl FnOnce(&str) -> R) -> R {
    const MAX_STACK_WORD: usize = 64;
    if !word.bytes().any(|b| b.is_ascii_uppercase()) {
        return f(word);
    }
    if word.len() <= MAX_STACK_WORD {
        let mut buf = [0u8; MAX_STACK_WORD];
        let buf = &mut buf[..word.len()];
        buf.copy_from_slice(word.as_bytes());
        buf.make_ascii_lowercase();
        // lowering ASCII letters leaves every other byte as it was, so
        // the buffer is still UTF-8
        if let Ok(lower) = std::str::from_utf8(buf) {
            return f(lower);
        }
    }
    f(&word.to_ascii_lowercase())
}

/// [`char::is_alphanumeric`], answered at once for ASCII and for the
/// General Punctuation block (U+2000 to U+206F: dashes, curly quotation
/// marks, bullets), which news text is full of, none of which is
/// alphanumeric, and which the general test looks up in tables. The
/// word scanners of attribution, quotations and entities all use it.
#[inline]
pub(crate) fn is_alphanumeric(c: char) -> bool {
    if c.is_ascii() {
        return c.is_ascii_alphanumeric();
    }
    !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphanumeric()
}

/// Punctuation that joins the letters on either side of it into one
/// word: O'Neill, O’Neill, so-called, U.S., AT&T.
pub(crate) const fn is_joiner(c: char) -> bool {
    matches!(c, '\'' | '’' | '-' | '.' | '&')
}

/// How many ASCII letters and digits open `chunk`, eight text bytes
/// read little-endian, all tested at once.
#[inline(always)]
pub(crate) fn ascii_alnum_prefix(chunk: u64) -> usize {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = ONES * 0x80;
    // (no byte below carries into the next: each sum stays under 0x100)
    let low7 = chunk & !HIGH;
    // Capitals folded onto lower-case letters.
    let folded = low7 | (ONES * 0x20);
    let letter = (folded + ONES * (0x80 - u64::from(b'a')))
        & !(folded + ONES * (0x80 - u64::from(b'z') - 1));
    let digit =
        (low7 + ONES * (0x80 - u64::from(b'0'))) & !(low7 + ONES * (0x80 - u64::from(b'9') - 1));
    let alnum = (letter | digit) & !chunk & HIGH;
    (!alnum & HIGH).trailing_zeros() as usize / 8
}

/// The end of the run of ASCII letters and digits that starts at byte
/// `at` of `bytes` (`at` itself when there is none). Eight bytes are
/// tested at a time, so the end of a word costs no mispredicted branch
/// per letter, which on real text, with its unpredictable word lengths,
/// is most of what a byte-at-a-time loop costs.
#[inline]
pub(crate) fn ascii_alnum_end(bytes: &[u8], mut at: usize) -> usize {
    while let Some(eight) = bytes.get(at..at + 8) {
        let mut le = [0u8; 8];
        le.copy_from_slice(eight);
        let run = ascii_alnum_prefix(u64::from_le_bytes(le));
        at += run;
        if run < 8 {
            return at;
        }
    }
    // Fewer than eight bytes are left: the last eight of `bytes`, moved
    // down so that byte `at` comes first, with zeros (no letters) after.
    if let Some(last) = bytes
        .len()
        .checked_sub(8)
        .filter(|&last| at > last && at < bytes.len())
    {
        let mut le = [0u8; 8];
        le.copy_from_slice(&bytes[last..]);
        return at + ascii_alnum_prefix(u64::from_le_bytes(le) >> (8 * (at - last)));
    }
    while bytes.get(at).is_some_and(u8::is_ascii_alphanumeric) {
        at += 1;
    }
    at
}

/// `x` with each of its 8 bytes that is an ASCII capital lowered; bytes
/// with the high bit set (parts of other characters) are left as they
/// are. Eight bytes at once, for the word scanners that read text a word
/// (or a machine word) at a time.
#[inline(always)]
pub(crate) fn ascii_lower8(x: u64) -> u64 {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let low7 = x & !HIGH;
    // The high bit of each byte: set when its low 7 bits are at least
    // b'A', and when they are above b'Z'.
    let from_a = low7 + ONES * (0x80 - u64::from(b'A'));
    let past_z = low7 + ONES * (0x80 - u64::from(b'Z') - 1);
    let upper = from_a & !past_z & !x & HIGH;
    x | (upper >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn alnum_prefixes_agree_with_the_ascii_classes() {
        let prefix = |chunk: [u8; 8]| {
            chunk
                .iter()
                .take_while(|b| b.is_ascii_alphanumeric())
                .count()
        };
        for b in 0..=255u8 {
            for at in 0..8 {
                let mut chunk = *b"Ab9zZ0aQ";
                chunk[at] = b;
                assert_eq!(ascii_alnum_prefix(u64::from_le_bytes(chunk)), prefix(chunk));
            }
        }
    }

    #[test]
    fn alnum_ends_agree_with_a_byte_loop() {
        let text = "Twenty-one words, O'Neill's 1,500 naïve résumés\u{2019}s;\tend9 abcdefghijklmnopqrstuvwxyz0123456789.";
        let bytes = text.as_bytes();
        for at in 0..=bytes.len() {
            let mut end = at;
            while end < bytes.len() && bytes[end].is_ascii_alphanumeric() {
                end += 1;
            }
            assert_eq!(ascii_alnum_end(bytes, at), end, "from {at}");
            // and on every shorter slice, where the tail is read bytewise
            for len in at..bytes.len() {
                assert_eq!(ascii_alnum_end(&bytes[..len], at), end.min(len));
            }
        }
    }

    #[test]
    fn the_fast_letter_test_agrees_with_the_general_one() {
        for c in ('\0'..='\u{3000}').chain(['\u{1F600}', '\u{10FFFF}']) {
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }

    #[test]
    fn no_general_punctuation_is_alphanumeric() {
        for c in '\u{2000}'..='\u{206f}' {
            assert!(!c.is_alphanumeric(), "{c:?}");
            assert!(!is_alphanumeric(c));
        }
        assert!(is_alphanumeric('é') && is_alphanumeric('7') && !is_alphanumeric(' '));
    }

    #[test]
    fn entries_skip_comments_and_blanks() {
        let src = "# header\n\nsaid | say  # past\n  told|tell\n";
        let got: Vec<Vec<&str>> = entries(src).map(|e| fields(e).collect()).collect();
        assert_eq!(got, vec![vec!["said", "say"], vec!["told", "tell"]]);
    }

    #[test]
    fn eight_bytes_lower_as_one_at_a_time() {
        for seed in 0u64..20_000 {
            let x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ (seed << 7);
            let mut bytes = x.to_le_bytes();
            bytes.make_ascii_lowercase();
            assert_eq!(ascii_lower8(x), u64::from_le_bytes(bytes), "{x:#x}");
        }
        for b in 0..=255u8 {
            let x = u64::from_le_bytes([b; 8]);
            assert_eq!(
                ascii_lower8(x),
                u64::from_le_bytes([b.to_ascii_lowercase(); 8])
            );
        }
    }

    #[test]
    fn ascii_lowering_leaves_other_letters() {
        assert_eq!(with_ascii_lower("SaId", str::to_owned), "said");
        assert_eq!(with_ascii_lower("ÉTÉ", str::to_owned), "ÉtÉ");
        let long = "A".repeat(100);
        assert_eq!(with_ascii_lower(&long, str::len), 100);
    }
}
