//! The span invariants every analysis must keep, whatever the input.
//! Shared by the property tests, the pathological suite and the fuzz
//! targets (which include this file by path). Each check panics with a
//! message naming the broken rule.

use quotecheck::{Analysis, Sentence, Span};

/// Checks that `span` lies inside `text`, on char boundaries.
pub fn check_span(text: &str, span: Span, what: &str) {
    assert!(
        span.start <= span.end && span.end <= text.len(),
        "{what}: span {span:?} outside text of {} bytes",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: span {span:?} not on char boundaries"
    );
}

/// Checks `span` as [`check_span`] does, and that `written` is its text.
pub fn check_text(text: &str, span: Span, written: &str, what: &str) {
    check_span(text, span, what);
    assert_eq!(
        span.text(text),
        written,
        "{what}: text differs from its span"
    );
}

/// True for chars a segmenter may leave outside every sentence: white
/// space and the byte order mark.
pub fn is_ignorable(c: char) -> bool {
    c.is_whitespace() || c == '\u{FEFF}'
}

/// Sentences: valid spans, text equal to the span, in order, not
/// overlapping, and covering every char of the input except white space
/// and a byte order mark.
pub fn check_sentences(text: &str, sentences: &[Sentence]) {
    let mut covered = 0;
    for (i, s) in sentences.iter().enumerate() {
        check_text(text, s.span, &s.text, "sentence");
        assert!(
            s.span.start >= covered,
            "sentence {i} {:?} overlaps or precedes the one before",
            s.span
        );
        let gap = &text[covered..s.span.start];
        assert!(
            gap.chars().all(is_ignorable),
            "text before sentence {i} is not covered: {gap:?}"
        );
        covered = s.span.end;
    }
    let tail = &text[covered..];
    assert!(
        tail.chars().all(is_ignorable),
        "text after the last sentence is not covered: {:?}",
        tail.chars().take(40).collect::<String>()
    );
}

/// Every invariant of a full analysis of `text`.
pub fn check_analysis(text: &str, a: &Analysis) {
    let mut end = 0;
    for p in &a.paragraphs {
        check_span(text, p.span, "paragraph");
        assert!(
            p.span.start >= end,
            "paragraphs overlap or are out of order"
        );
        end = p.span.end;
    }
    check_sentences(text, &a.sentences);
    for s in &a.sentences {
        let para = a.paragraphs.get(s.paragraph).unwrap_or_else(|| {
            panic!(
                "sentence names paragraph {} of {}",
                s.paragraph,
                a.paragraphs.len()
            )
        });
        assert!(
            para.span.contains(s.span),
            "sentence {:?} outside its paragraph {:?}",
            s.span,
            para.span
        );
    }
    let mut start = 0;
    for q in &a.quotes {
        check_span(text, q.span, "quotation");
        check_span(text, q.content, "quotation content");
        assert!(q.span.start >= start, "quotations out of document order");
        start = q.span.start;
        assert!(
            q.span.contains(q.content),
            "content {:?} outside quotation {:?}",
            q.content,
            q.span
        );
        assert_eq!(
            q.content.text(text),
            q.text,
            "quotation text differs from its content span"
        );
        assert!(
            (0.0..=1.0).contains(&q.confidence),
            "confidence {} out of 0..=1",
            q.confidence
        );
        if let Some(sp) = &q.speaker {
            check_text(text, sp.span, &sp.text, "speaker mention");
        }
        if let Some(cue) = &q.cue {
            check_text(text, cue.span, &cue.text, "cue");
        }
        for m in q.via.iter().chain(&q.addressee) {
            check_text(text, m.span, &m.text, "via/addressee");
        }
    }
    for speaker in &a.speakers {
        for m in &speaker.mentions {
            check_text(text, m.span, &m.text, "speaker's mention");
        }
    }
    for c in &a.claims {
        check_text(text, c.span, &c.text, "claim");
    }
}
