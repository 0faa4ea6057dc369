//! Byte spans into the original text. This is the one place that knows
//! about byte offsets and char boundaries.

use serde::{Deserialize, Serialize};

/// A half-open range `start..end` of UTF-8 byte offsets into a document's
/// original text. Both ends always lie on char boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    /// Offset of the first byte.
    pub start: usize,
    /// Offset one past the last byte.
    pub end: usize,
}

impl Span {
    /// Makes a span. `start` must not be greater than `end`.
    pub const fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end);
        Span { start, end }
    }

    /// The number of bytes covered.
    pub const fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span covers no bytes.
    pub const fn is_empty(&self) -> bool {
        self.start == self.end
    }

    /// The covered text. Returns `""` if the span does not fit `text` or
    /// does not lie on char boundaries, so a stale span never panics.
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }

    /// True when `other` lies entirely inside this span.
    pub const fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// The number of bytes the two spans share.
    pub fn overlap(&self, other: Span) -> usize {
        self.end
            .min(other.end)
            .saturating_sub(self.start.max(other.start))
    }

    /// This span with leading and trailing whitespace of `text` removed.
    pub(crate) fn trim(self, text: &str) -> Span {
        let inner = self.text(text);
        let lead = inner.len() - inner.trim_start().len();
        let trail = inner.len() - inner.trim_end().len();
        if lead == inner.len() {
            return Span::new(self.start, self.start);
        }
        Span::new(self.start + lead, self.end - trail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trim_removes_outer_whitespace_only() {
        let text = "  a b \n";
        let span = Span::new(0, text.len()).trim(text);
        assert_eq!(span.text(text), "a b");
    }

    #[test]
    fn text_of_a_stale_span_is_empty() {
        let text = "é";
        assert_eq!(Span::new(0, 1).text(text), "");
        assert_eq!(Span::new(0, 9).text(text), "");
    }

    #[test]
    fn overlap_counts_shared_bytes() {
        assert_eq!(Span::new(0, 10).overlap(Span::new(5, 20)), 5);
        assert_eq!(Span::new(0, 5).overlap(Span::new(5, 20)), 0);
    }
}
