//! Blocks: paragraphs between blank lines, and the heading, byline,
//! dateline and list-item lines that stand on their own inside them.

use memchr::memchr;
use unicode_segmentation::UnicodeSegmentation;

use super::lexicon::{CalendarKind, LEXICON};
use super::marks::{is_bullet, is_closer, is_opener, is_terminal};
use super::{Paragraph, ParagraphKind};
use crate::span::Span;

/// A line shorter than this, in bytes, is never taken for wrapped text.
pub(crate) const WRAP_MIN_LINE: usize = 30;
/// Longest line, in bytes, that may be a heading, byline or dateline.
pub(crate) const HEADING_MAX_BYTES: usize = 200;
/// Most words in a heading-like line.
pub(crate) const HEADING_MAX_WORDS: usize = 24;
/// Most words in a short label line ("Contact", "Related stories").
pub(crate) const LABEL_MAX_WORDS: usize = 4;
/// Share of capitalised content words (in percent) that makes a line
/// title case.
pub(crate) const TITLE_CASE_PERCENT: usize = 75;

/// Splits `text` into blocks.
pub(crate) fn blocks(text: &str) -> Vec<Paragraph> {
    let mut out = Vec::new();
    let mut group: Vec<Span> = Vec::new();
    let bytes = text.as_bytes();
    let mut pos = 0;
    while pos < bytes.len() {
        let end = memchr(b'\n', &bytes[pos..]).map_or(bytes.len(), |o| pos + o);
        let line = Span::new(pos, end);
        if line.text(text).trim_start().is_empty() {
            flush(text, &mut group, &mut out);
        } else {
            group.push(line);
        }
        pos = end + 1;
    }
    flush(text, &mut group, &mut out);
    out
}

/// Turns the lines of one blank-line paragraph into blocks.
fn flush(text: &str, group: &mut Vec<Span>, out: &mut Vec<Paragraph>) {
    if group.is_empty() {
        return;
    }
    let mut start = group[0].start;
    if group.len() > 1 {
        split_lines(text, group, &mut start, out);
    }
    let last = group[group.len() - 1];
    push_block(text, Span::new(start, last.end), out);
    group.clear();
}

/// Cuts a paragraph of several lines before items and after lines that
/// stand alone, pushing every block but the last; `start` is left where
/// the last block begins.
fn split_lines(text: &str, group: &[Span], start: &mut usize, out: &mut Vec<Paragraph>) {
    let max_len = group
        .iter()
        .map(|l| l.text(text).trim_end().len())
        .max()
        .unwrap_or(0);
    let all_short = group.iter().all(|l| {
        l.text(text)
            .split_whitespace()
            .nth(LABEL_MAX_WORDS)
            .is_none()
    });
    for pair in group.windows(2) {
        let (line, next) = (pair[0].text(text), pair[1].text(text));
        if starts_item(next) || stands_alone(line, next, max_len, all_short) {
            push_block(text, Span::new(*start, pair[0].end), out);
            *start = pair[1].start;
        }
    }
}

fn push_block(text: &str, span: Span, out: &mut Vec<Paragraph>) {
    let span = super::trim(text, span.start, span.end);
    if span.is_empty() {
        return;
    }
    let kind = kind_of(span.text(text));
    out.push(Paragraph { span, kind });
}

/// The first word of `s` after opening marks.
fn first_word(s: &str) -> &str {
    let s = s.trim_start().trim_start_matches(is_opener);
    let end = s.find(char::is_whitespace).unwrap_or(s.len());
    &s[..end]
}

/// True when a line opens a list item: a bullet, a dash or star and a
/// space, or a marker such as "1.", "2)", "(3)".
fn starts_item(line: &str) -> bool {
    let s = line.trim_start();
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if is_bullet(c) => true,
        Some('-' | '*' | '–' | '—' | '―') => {
            chars.next().is_some_and(|c| c == ' ' || c.is_uppercase())
        }
        Some(c) if c.is_ascii_digit() || c == '(' => {
            let marker = first_word(line);
            let digits = marker.trim_matches(|c: char| matches!(c, '(' | ')' | '.'));
            // A list marker is short and has text after it: a wrapped
            // year ("by\n2026.") is not an item.
            marker.len() <= 6
                && marker.len() < s.trim_end().len()
                && (1..=3).contains(&digits.len())
                && digits.bytes().all(|b| b.is_ascii_digit())
                && marker.ends_with(['.', ')'])
                && marker.len() > digits.len()
        }
        _ => false,
    }
}

/// True when the line, stripped of closing marks, ends with final
/// punctuation.
fn ends_final(line: &str) -> bool {
    let t = line.trim_end().trim_end_matches(is_closer);
    t.ends_with(is_terminal)
}

/// True when `line`, inside a paragraph and followed by `next`, is a
/// heading, byline, dateline or label of its own rather than wrapped text.
/// `all_short` tells that every line of the paragraph is a short label.
fn stands_alone(line: &str, next: &str, max_len: usize, all_short: bool) -> bool {
    let t = line.trim();
    let next_word = first_word(next);
    // The next line's first word would not have fitted on this line.
    let overflows = t.len() + 1 + next_word.len() > max_len;
    if ends_final(t) {
        // A sentence that ends where the next line's first word would
        // still have fitted: the line ends its paragraph (text with one
        // newline between paragraphs), not a wrap.
        return t.len() >= WRAP_MIN_LINE && !overflows;
    }
    if t.ends_with([',', ':', '-', '–', '—', '(', '&', '/']) {
        return false;
    }
    let last_word = t
        .rsplit(|c: char| !c.is_alphanumeric())
        .find(|w| !w.is_empty())
        .unwrap_or("");
    if LEXICON.is_function_word(last_word) {
        return false;
    }
    if next_word.len() < next.len() && LEXICON.is_byline_word(next_word) {
        // A headline over a byline.
        let next_words: Vec<&str> = next.unicode_words().take(2).collect();
        if is_byline(&next_words) {
            return true;
        }
    }
    let next_upper = next_word
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric() || is_bullet(c));
    let could_wrap = t.len() >= WRAP_MIN_LINE && overflows;
    if t.len() > HEADING_MAX_BYTES || t.ends_with(';') {
        // A line longer than any wrap width, or a headline over its deck
        // ("Talks stall;"), before a capitalised line: a paragraph of its
        // own.
        return next_upper;
    }
    let words: Vec<&str> = t.unicode_words().take(HEADING_MAX_WORDS + 1).collect();
    if words.len() > HEADING_MAX_WORDS {
        return !could_wrap && next_upper;
    }
    if is_byline(&words) {
        return true;
    }
    if could_wrap {
        return false;
    }
    if title_case(&words) {
        return true;
    }
    // A short label line ("Related stories", "features") stands alone,
    // unless it opens a sentence in capitals and the next line goes on in
    // lower case: then it is hard-wrapped text.
    let capitalised = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let wraps_on = capitalised && next_word.chars().next().is_some_and(char::is_lowercase);
    if words.len() <= LABEL_MAX_WORDS
        && !wraps_on
        && !words.iter().any(|w| LEXICON.is_function_word(w))
        && (capitalised || next_upper || all_short)
    {
        return true;
    }
    next_upper
}

fn is_byline(words: &[&str]) -> bool {
    match words {
        [first, second, ..] => {
            LEXICON.is_byline_word(first) && second.chars().next().is_some_and(char::is_uppercase)
                || LEXICON.is_byline_word(first)
                    && LEXICON.is_byline_word(&capitalise_first(second))
        }
        _ => false,
    }
}

fn capitalise_first(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// True when most content words are capitalised and there are at least
/// two of them.
fn title_case(words: &[&str]) -> bool {
    let content: Vec<&&str> = words
        .iter()
        .filter(|w| !LEXICON.is_function_word(w))
        .collect();
    let capitalised = content
        .iter()
        .filter(|w| {
            w.chars()
                .next()
                .is_some_and(|c| c.is_uppercase() || c.is_numeric())
        })
        .count();
    capitalised >= 2 && capitalised * 100 >= content.len() * TITLE_CASE_PERCENT
}

/// The first word of `s` when `s` opens with ASCII letters and a space:
/// then it is the first of `s.unicode_words()`, found without the full
/// word-boundary rules.
fn leading_ascii_word(s: &str) -> Option<&str> {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    (letters > 0 && s.as_bytes().get(letters) == Some(&b' ')).then(|| &s[..letters])
}

/// The kind of a block.
fn kind_of(block: &str) -> ParagraphKind {
    if starts_item(block) {
        return ParagraphKind::ListItem;
    }
    if ends_final(block) || block.trim_end().ends_with([':', ';']) {
        return ParagraphKind::Body;
    }
    if block.len() > HEADING_MAX_BYTES {
        return ParagraphKind::Body;
    }
    // Without a digit there is no date: the first two words tell a
    // byline from a heading.
    let has_digit = block.bytes().any(|b| b.is_ascii_digit());
    if !has_digit && leading_ascii_word(block).is_some_and(|w| !LEXICON.is_byline_word(w)) {
        return ParagraphKind::Heading;
    }
    let take = if has_digit { HEADING_MAX_WORDS + 1 } else { 2 };
    let words: Vec<&str> = block.unicode_words().take(take).collect();
    if is_byline(&words) {
        return ParagraphKind::Byline;
    }
    if !has_digit {
        return ParagraphKind::Heading;
    }
    let dated = words.iter().any(|w| {
        matches!(
            LEXICON.calendar(w),
            Some(CalendarKind::Month | CalendarKind::Weekday)
        )
    }) && words.iter().any(|w| w.chars().all(|c| c.is_ascii_digit()));
    if dated && words.len() <= LABEL_MAX_WORDS * 3 {
        return ParagraphKind::Dateline;
    }
    ParagraphKind::Heading
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(&str, ParagraphKind)> {
        blocks(text)
            .into_iter()
            .map(|p| (p.span.text(text), p.kind))
            .collect()
    }

    #[test]
    fn headline_byline_and_dateline_stand_alone() {
        let text =
            "Mayor Wins Second Term\nBy Jane Doe\nMarch 3, 2024\nThe mayor won. She said so.\n";
        assert_eq!(
            kinds(text),
            vec![
                ("Mayor Wins Second Term", ParagraphKind::Heading),
                ("By Jane Doe", ParagraphKind::Byline),
                ("March 3, 2024", ParagraphKind::Dateline),
                ("The mayor won. She said so.", ParagraphKind::Body),
            ]
        );
    }

    #[test]
    fn long_headline_over_a_byline_stands_alone() {
        let text =
            "Harbor Board Backs New Ferry Terminal Plan\nBy Elena R. Marsh\nThe board voted.";
        assert_eq!(kinds(text).len(), 3);
    }

    #[test]
    fn headline_over_its_deck_stands_alone() {
        let text = "Talks stall over port fees;\nBoth sides blame the other.";
        assert_eq!(kinds(text).len(), 2);
    }

    #[test]
    fn unwrapped_paragraph_lines_without_final_stop_stand_alone() {
        let long = "word ".repeat(50);
        let text = format!("{long}— Jane Doe\n“Next quotation.” — John Roe");
        assert_eq!(kinds(&text).len(), 2);
    }

    #[test]
    fn dash_name_lines_are_list_items() {
        let text = "Reading list [Daily]\n-Jane Doe explains the vote.\n-John Roe disagrees.";
        let got = kinds(text);
        assert_eq!(got.len(), 3);
        assert_eq!(got[2].1, ParagraphKind::ListItem);
    }

    #[test]
    fn a_lone_lowercase_word_inside_prose_is_wrapping() {
        let text = "Editor's note: the mayor regularly\nignores\nthe council and its votes.";
        assert_eq!(kinds(text).len(), 1);
        assert_eq!(kinds("features\ncontact manager\nevents").len(), 3);
    }

    #[test]
    fn one_newline_between_long_paragraphs_splits_them() {
        let text = "“We will not wait,” the mayor said on Friday at a meeting.\n\
                    “The budget is late, and the library has waited for two years already,” \
                    she added.";
        assert_eq!(kinds(text).len(), 2);
        // A wrapped sentence whose line is full stays with the next line.
        let text = "The council voted on Tuesday to close it.\nThe library had\nbeen shut.";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn wrapped_lines_stay_together() {
        let text = "The council voted on Tuesday to close the\nlibrary after a long debate over costs and\nstaff.";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn a_short_line_wrapped_before_lower_case_stays_with_it() {
        let text = "Exports rose 12\n   percent in 2021.";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn a_year_wrapped_onto_its_own_line_is_not_a_list_item() {
        let text = "The work will finish by\n2026. The vote is next.";
        assert_eq!(kinds(text).len(), 1);
    }

    #[test]
    fn list_lines_are_items() {
        let text = "Three things:\n- one\n- two\n• three";
        let got = kinds(text);
        assert_eq!(got.len(), 4);
        assert_eq!(got[1], ("- one", ParagraphKind::ListItem));
    }
}
