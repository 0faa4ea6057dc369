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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let src = "# header\n\nsaid | say  # past\n  told|tell\n";
        let got: Vec<Vec<&str>> = entries(src).map(|e| fields(e).collect()).collect();
        assert_eq!(got, vec![vec!["said", "say"], vec!["told", "tell"]]);
    }

    #[test]
    fn ascii_lowering_leaves_other_letters() {
        assert_eq!(with_ascii_lower("SaId", str::to_owned), "said");
        assert_eq!(with_ascii_lower("ÉTÉ", str::to_owned), "ÉtÉ");
        let long = "A".repeat(100);
        assert_eq!(with_ascii_lower(&long, str::len), 100);
    }
}
