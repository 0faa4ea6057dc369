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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn entries_skip_comments_and_blanks() {
        let src = "# header\n\nsaid | say  # past\n  told|tell\n";
        let got: Vec<Vec<&str>> = entries(src).map(|e| fields(e).collect()).collect();
        assert_eq!(got, vec![vec!["said", "say"], vec!["told", "tell"]]);
    }
}
