//! Paragraphs and sentences.
//!
//! [`paragraphs`] cuts the text into blocks: paragraphs between blank
//! lines, and lines inside them that stand alone (headlines, bylines,
//! datelines, list items). [`sentences`] then splits each block. Both
//! speak in byte spans of the original text; every non-whitespace byte
//! belongs to exactly one sentence.

mod blocks;
mod boundary;
mod lexicon;
mod marks;

use serde::{Deserialize, Serialize};

use crate::span::{Span, serialize_spanned};

pub(crate) use lexicon::{PackedMap, pack};

/// True for a weekday, a month or a time zone ("Monday", "May", "ET").
pub(crate) fn is_calendar_word(word: &str) -> bool {
    // Every calendar word starts with a capital (a test checks the list),
    // so a word without one is not looked up.
    word.as_bytes().first().is_some_and(u8::is_ascii_uppercase)
        && lexicon::LEXICON.calendar(word).is_some()
}

/// What a block of text is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Running text.
    Body,
    /// A headline or another line without final punctuation.
    Heading,
    /// A byline: "By Jane Doe".
    Byline,
    /// A line that gives a date, without final punctuation.
    Dateline,
    /// A line that opens with a bullet or a list marker.
    ListItem,
}

/// A block of text: a paragraph between blank lines, or a line that
/// stands alone (headline, byline, dateline, list item).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Paragraph {
    /// The bytes of the paragraph, without surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
    /// What the paragraph is.
    pub kind: ParagraphKind,
}

serialize_spanned!(Paragraph { span, kind });

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Sentence {
    /// The bytes of the sentence, without surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
    /// The sentence text, exactly as in the input.
    pub text: String,
    /// Index of the paragraph that holds the sentence.
    pub paragraph: usize,
}

serialize_spanned!(Sentence {
    span,
    text,
    paragraph
});

/// Splits `text` into paragraphs and sentences, without the later stages
/// of the pipeline.
///
/// ```
/// let (paragraphs, sentences) = quotecheck::segment("Mr. Smith left. He came back.");
/// assert_eq!(paragraphs.len(), 1);
/// assert_eq!(sentences[1].text, "He came back.");
/// ```
pub fn segment(text: &str) -> (Vec<Paragraph>, Vec<Sentence>) {
    let paragraphs = paragraphs(text);
    let sentences = sentences(text, &paragraphs);
    (paragraphs, sentences)
}

/// Splits `text` into paragraphs: at blank lines, and around lines that
/// stand alone.
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    blocks::blocks(text)
}

/// A short news sentence, in bytes: sizes the sentence vector before
/// the split.
const EXPECTED_SENTENCE_BYTES: usize = 64;

/// Splits each paragraph into sentences.
pub(crate) fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    // Room for the sentences of ordinary prose up front, so that the
    // vector is rarely copied as it grows.
    let mut out = Vec::with_capacity(paragraphs.len() + text.len() / EXPECTED_SENTENCE_BYTES);
    for (index, para) in paragraphs.iter().enumerate() {
        let body = para.span.text(text);
        let base = para.span.start;
        boundary::split(body, |start, end| {
            let span = trim(text, base + start, base + end);
            if !span.is_empty() {
                out.push(Sentence {
                    span,
                    text: span.text(text).to_owned(),
                    paragraph: index,
                });
            }
        });
    }
    out
}

/// `Span::new(start, end).trim(text)`, with ASCII ends checked byte by
/// byte: only a non-ASCII end needs the general trim.
fn trim(text: &str, start: usize, end: usize) -> Span {
    let bytes = text.as_bytes();
    let is_space = |b: u8| char::from(b).is_whitespace();
    let mut from = start;
    while from < end && bytes[from] < 0x80 && is_space(bytes[from]) {
        from += 1;
    }
    if from == end {
        return Span::new(start, start);
    }
    let mut to = end;
    while to > from && bytes[to - 1] < 0x80 && is_space(bytes[to - 1]) {
        to -= 1;
    }
    // A non-ASCII char at either end may be a space (U+00A0, U+3000).
    let spaced_end = (bytes[from] >= 0x80
        && text[from..to]
            .chars()
            .next()
            .is_some_and(char::is_whitespace))
        || (bytes[to - 1] >= 0x80
            && text[from..to]
                .chars()
                .next_back()
                .is_some_and(char::is_whitespace));
    if spaced_end {
        return Span::new(start, end).trim(text);
    }
    Span::new(from, to)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_trim_agrees_with_span_trim() {
        let text = " a \u{a0}b\u{a0} “c” \u{3000}\t\n é ";
        let bounds: Vec<usize> = (0..=text.len())
            .filter(|&i| text.is_char_boundary(i))
            .collect();
        for (k, &start) in bounds.iter().enumerate() {
            for &end in &bounds[k..] {
                assert_eq!(
                    trim(text, start, end),
                    Span::new(start, end).trim(text),
                    "{start}..{end}"
                );
            }
        }
    }

    fn split(text: &str) -> Vec<&str> {
        let paras = paragraphs(text);
        sentences(text, &paras)
            .into_iter()
            .map(|s| s.span.text(text))
            .collect()
    }

    #[test]
    fn blank_line_always_ends_a_sentence() {
        assert_eq!(
            split("No final stop here\n\nNext one."),
            vec!["No final stop here", "Next one."]
        );
    }

    #[test]
    fn quotation_ending_inside_the_marks_ends_after_them() {
        assert_eq!(
            split("Lavrov “spoke,” she said. “No meeting took place.” It ended."),
            vec![
                "Lavrov “spoke,” she said.",
                "“No meeting took place.”",
                "It ended."
            ]
        );
    }
}
