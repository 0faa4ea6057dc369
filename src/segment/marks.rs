//! Character classes of the segmenter: terminal punctuation, quotation
//! marks, brackets and list bullets.

/// True for characters that can end a sentence.
#[inline]
pub(crate) fn is_terminal(c: char) -> bool {
    matches!(
        c,
        '.' | '!' | '?' | '…' | '‼' | '⁇' | '⁈' | '⁉' | '。' | '！' | '？'
    )
}

/// True for terminal characters other than the period and the ellipsis.
#[inline]
pub(crate) fn is_strong_terminal(c: char) -> bool {
    is_terminal(c) && !matches!(c, '.' | '…')
}

/// Marks that may close a quotation or a parenthesis right after a
/// terminal. Both straight and curly forms, guillemets in either
/// direction (French « », German » «), low-9 pairs („ “, ‚ ‘) and corner
/// brackets.
#[inline]
pub(crate) fn is_closer(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '”'
            | '’'
            | '“'
            | '‘'
            | '»'
            | '«'
            | '›'
            | '‹'
            | '」'
            | '』'
            | ')'
            | ']'
            | '}'
    )
}

/// Marks that may open a quotation or a parenthesis before a word.
#[inline]
pub(crate) fn is_opener(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '“'
            | '‘'
            | '„'
            | '‚'
            | '«'
            | '»'
            | '‹'
            | '›'
            | '「'
            | '『'
            | '('
            | '['
            | '{'
            | '¿'
            | '¡'
    )
}

/// List bullets. A bullet after whitespace starts a new list item.
#[inline]
pub(crate) fn is_bullet(c: char) -> bool {
    matches!(c, '•' | '◦' | '▪' | '‣' | '⁃' | '●' | '◆' | '■')
}

/// Lead bytes of the multi-byte candidates: … ‼ ⁇ ⁈ ⁉ • ◦ ▪ ‣ ⁃ ● ◆ ■
/// (0xE2), 。 (0xE3), ！ ？ (0xEF). The sentence scan looks for these and
/// for the ASCII terminals.
pub(crate) const MULTIBYTE_LEADS: [u8; 3] = [0xE2, 0xE3, 0xEF];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_multibyte_candidate_has_a_candidate_lead_byte() {
        for c in "…‼⁇⁈⁉。！？•◦▪‣⁃●◆■".chars() {
            let mut buf = [0u8; 4];
            let lead = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(MULTIBYTE_LEADS.contains(&lead), "{c}");
        }
    }
}
