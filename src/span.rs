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

/// Implements `Serialize` for a struct that holds a `span: Span`,
/// writing the span as `start` and `end` fields in its place among the
/// others: the same JSON as `#[serde(flatten)]` on the span, written as
/// a plain struct. Flattening goes through serde's map machinery, entry
/// by entry, which costs more per field (4.5M of 523M instructions per
/// MB of input in batch mode, when this replaced it); and formats that
/// need a map's length up front cannot write it at all.
///
/// Fields are listed in output order: `span` marks the span's place, and
/// `?field` an `Option` left out when it is `None`.
macro_rules! serialize_spanned {
    ($ty:ident { $($fields:tt)* }) => {
        impl serde::Serialize for $ty {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                use serde::ser::SerializeStruct;
                let len = $crate::span::serialize_spanned!(@len self $($fields)*);
                let mut state = serializer.serialize_struct(stringify!($ty), len)?;
                $crate::span::serialize_spanned!(@fields self state $($fields)*);
                state.end()
            }
        }
    };
    (@len $self:ident) => { 0 };
    (@len $self:ident span $(, $($rest:tt)*)?) => {
        2 + $crate::span::serialize_spanned!(@len $self $($($rest)*)?)
    };
    (@len $self:ident ? $field:ident $(, $($rest:tt)*)?) => {
        usize::from($self.$field.is_some())
            + $crate::span::serialize_spanned!(@len $self $($($rest)*)?)
    };
    (@len $self:ident $field:ident $(, $($rest:tt)*)?) => {
        1 + $crate::span::serialize_spanned!(@len $self $($($rest)*)?)
    };
    (@fields $self:ident $state:ident) => {};
    (@fields $self:ident $state:ident span $(, $($rest:tt)*)?) => {
        $state.serialize_field("start", &$self.span.start)?;
        $state.serialize_field("end", &$self.span.end)?;
        $crate::span::serialize_spanned!(@fields $self $state $($($rest)*)?);
    };
    (@fields $self:ident $state:ident ? $field:ident $(, $($rest:tt)*)?) => {
        match &$self.$field {
            Some(value) => $state.serialize_field(stringify!($field), value)?,
            None => $state.skip_field(stringify!($field))?,
        }
        $crate::span::serialize_spanned!(@fields $self $state $($($rest)*)?);
    };
    (@fields $self:ident $state:ident $field:ident $(, $($rest:tt)*)?) => {
        $state.serialize_field(stringify!($field), &$self.$field)?;
        $crate::span::serialize_spanned!(@fields $self $state $($($rest)*)?);
    };
}
pub(crate) use serialize_spanned;

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

    /// A struct written by `serialize_spanned!`, and its twin derived
    /// with `#[serde(flatten)]`: both must give the same JSON.
    #[derive(Debug, Clone)]
    struct Plain {
        id: u32,
        span: Span,
        text: String,
        note: Option<String>,
        tail: bool,
    }

    serialize_spanned!(Plain { id, span, text, ?note, tail });

    #[derive(Serialize)]
    struct Flat {
        id: u32,
        #[serde(flatten)]
        span: Span,
        text: String,
        #[serde(skip_serializing_if = "Option::is_none")]
        note: Option<String>,
        tail: bool,
    }

    #[test]
    fn serialize_spanned_writes_what_flatten_writes() {
        for note in [None, Some("a \"note\"".to_string())] {
            let plain = Plain {
                id: 7,
                span: Span::new(3, 9),
                text: "quoted\n".into(),
                note,
                tail: true,
            };
            let flat = Flat {
                id: plain.id,
                span: plain.span,
                text: plain.text.clone(),
                note: plain.note.clone(),
                tail: plain.tail,
            };
            assert_eq!(
                serde_json::to_string(&plain).unwrap(),
                serde_json::to_string(&flat).unwrap()
            );
        }
    }

    #[test]
    fn overlap_counts_shared_bytes() {
        assert_eq!(Span::new(0, 10).overlap(Span::new(5, 20)), 5);
        assert_eq!(Span::new(0, 5).overlap(Span::new(5, 20)), 0);
    }
}
