//! Paragraphs and sentences.

use serde::{Deserialize, Serialize};

use crate::span::Span;

/// What a paragraph (a block of text between blank lines) is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
#[non_exhaustive]
pub enum ParagraphKind {
    /// Running text.
    Body,
    /// A line without final punctuation, such as a headline, byline or
    /// dateline.
    Heading,
}

/// A block of text between blank lines.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The bytes of the paragraph, without surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
    /// What the paragraph is.
    pub kind: ParagraphKind,
}

/// One sentence.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    /// The bytes of the sentence, without surrounding whitespace.
    #[serde(flatten)]
    pub span: Span,
    /// The sentence text, exactly as in the input.
    pub text: String,
    /// Index of the paragraph that holds the sentence.
    pub paragraph: usize,
}

/// Splits `text` into paragraphs at blank lines.
pub(crate) fn paragraphs(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let end = pos + line.len();
        if line.trim().is_empty() {
            push_paragraph(text, Span::new(start, pos), &mut out);
            start = end;
        }
        pos = end;
    }
    push_paragraph(text, Span::new(start, text.len()), &mut out);
    out
}

fn push_paragraph(text: &str, span: Span, out: &mut Vec<Paragraph>) {
    let span = span.trim(text);
    if span.is_empty() {
        return;
    }
    let body = span.text(text);
    let kind = if body.ends_with(['.', '!', '?', '"', '”', '’', ':', ';']) {
        ParagraphKind::Body
    } else {
        ParagraphKind::Heading
    };
    out.push(Paragraph { span, kind });
}

/// Splits each paragraph into sentences.
///
/// Placeholder: splits after `.`, `!` or `?` followed by whitespace.
pub(crate) fn sentences(text: &str, paragraphs: &[Paragraph]) -> Vec<Sentence> {
    let mut out = Vec::new();
    for (index, para) in paragraphs.iter().enumerate() {
        let body = para.span.text(text);
        let mut start = 0;
        let bytes = body.as_bytes();
        for i in 0..bytes.len() {
            if matches!(bytes[i], b'.' | b'!' | b'?')
                && bytes.get(i + 1).is_some_and(|b| b.is_ascii_whitespace())
            {
                push_sentence(text, para.span.start, start, i + 1, index, &mut out);
                start = i + 1;
            }
        }
        push_sentence(text, para.span.start, start, body.len(), index, &mut out);
    }
    out
}

fn push_sentence(
    text: &str,
    base: usize,
    start: usize,
    end: usize,
    paragraph: usize,
    out: &mut Vec<Sentence>,
) {
    let span = Span::new(base + start, base + end).trim(text);
    if !span.is_empty() {
        out.push(Sentence {
            span,
            text: span.text(text).to_owned(),
            paragraph,
        });
    }
}
