//! Claims for review: extraction, typing, scoring and stable IDs.
//!
//! Two things become claims:
//! - every attributed quotation (direct, partial or indirect, with a
//!   speaker): did this person say it, and is it accurate?
//! - every sentence that makes a checkable assertion in the reporter's own
//!   voice, found by the cue lexicon `grammar/claim_cues.txt`, numbers and
//!   dates. Assertions inside an attributed quotation are typed onto that
//!   quotation's claim instead.
//!
//! Questions, hedged opinion without a number, date or strong cue, and
//! first-person experience are not emitted.

mod checkworthy;
mod id;
mod lexicon;
mod normalize;

use std::cell::{Cell, OnceCell};
use std::ops::Range;

use serde::{Deserialize, Serialize};

use crate::attribute::{Cue, Speaker};
use crate::quote::{Quote, QuoteKind};
use crate::review::Status;
use crate::segment::{Paragraph, ParagraphKind, Sentence};
use crate::span::{Span, serialize_spanned};

pub use checkworthy::{check_worthiness, check_worthiness_threshold, checkworthy_features};
pub use id::claim_id;
pub use normalize::{MentionValue, Normalized};

use lexicon::Signal;
pub(crate) use normalize::Date;

/// A sentence whose text outside attributed quotations has fewer words
/// than this is only the frame of those quotations ("Blinken said
/// Thursday."), and is not a claim of its own.
const MIN_FRAME_WORDS: usize = 6;

/// The type of a claim, modelled on Full Fact's taxonomy of checkable
/// claims.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimKind {
    /// Public opinion and polls.
    OpinionPoll,
    /// Numbers, percentages, money, rankings, comparisons and changes.
    Quantity,
    /// Correlation or causation.
    Causation,
    /// Laws, rules and how institutions work.
    Law,
    /// Predictions about the future.
    Prediction,
    /// Something that happened at a stated time.
    Event,
    /// Voting, support, opposition and promises.
    Support,
    /// Someone said or claimed something.
    Attribution,
}

impl ClaimKind {
    /// Every kind, by priority: in the order of their declaration, which
    /// is also their order as `u8`.
    const ALL: [ClaimKind; 8] = [
        ClaimKind::OpinionPoll,
        ClaimKind::Quantity,
        ClaimKind::Causation,
        ClaimKind::Law,
        ClaimKind::Prediction,
        ClaimKind::Event,
        ClaimKind::Support,
        ClaimKind::Attribution,
    ];

    /// The name used in JSON and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            ClaimKind::OpinionPoll => "opinion_poll",
            ClaimKind::Quantity => "quantity",
            ClaimKind::Causation => "causation",
            ClaimKind::Law => "law",
            ClaimKind::Prediction => "prediction",
            ClaimKind::Event => "event",
            ClaimKind::Support => "support",
            ClaimKind::Attribution => "attribution",
        }
    }

    /// Cues of these kinds make a sentence checkable even when hedged.
    fn is_strong(self) -> bool {
        matches!(
            self,
            ClaimKind::OpinionPoll | ClaimKind::Quantity | ClaimKind::Causation | ClaimKind::Law
        )
    }
}

// `ClaimKind::ALL` holds each kind at its own number
const _: () = {
    let mut i = 0;
    while i < ClaimKind::ALL.len() {
        assert!(ClaimKind::ALL[i] as usize == i);
        i += 1;
    }
};

/// Where a claim comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum ClaimSource {
    /// An attributed quotation; the claimant is its speaker.
    Quotation,
    /// A sentence in the reporter's own voice.
    Reporter,
}

/// A word, phrase, number or date that made the text a claim.
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
pub struct Evidence {
    /// The bytes of the evidence.
    #[serde(flatten)]
    pub span: Span,
    /// The evidence as written.
    pub text: String,
    /// The claim type it signals.
    pub kind: ClaimKind,
}

serialize_spanned!(Evidence { span, text, kind });

/// A statement a fact-checker should review.
///
/// A quotation whose words are only opinion or a question is still a
/// claim, of kind [`ClaimKind::Attribution`] alone: what can be checked is
/// that its speaker said it. Its words are typed only when they make a
/// checkable assertion.
///
/// ```
/// use quotecheck::{Analyzer, ClaimKind, Document};
///
/// let doc = Document::new("d", "The bloc comprises 19 of the largest economies.");
/// let analysis = Analyzer::default().analyze(&doc);
/// let claim = &analysis.claims[0];
/// assert_eq!(claim.kind, ClaimKind::Quantity);
/// assert!(claim.id.starts_with("qc-"));
/// assert!((0.0..=1.0).contains(&claim.score));
/// ```
#[derive(Clone, Debug, PartialEq, Deserialize)]
pub struct Claim {
    /// The stable ID (see [`claim_id`]): unchanged by reflowed lines,
    /// added whitespace and reordered paragraphs.
    pub id: String,
    /// The bytes of the claim: the quotation, or the sentence.
    #[serde(flatten)]
    pub span: Span,
    /// The claim as written (for a quotation, its content without marks).
    pub text: String,
    /// Whether the claim is a quotation or the reporter's own.
    pub source: ClaimSource,
    /// The main type.
    pub kind: ClaimKind,
    /// Every type signalled, main type first.
    pub kinds: Vec<ClaimKind>,
    /// Who makes the claim: the speaker's canonical name, or `None` for
    /// the reporter's voice.
    pub claimant: Option<String>,
    /// The reporting cue of a quotation.
    pub cue: Option<Cue>,
    /// Index of the quotation in [`Analysis::quotes`](crate::Analysis::quotes).
    pub quote: Option<usize>,
    /// Index of the sentence that holds the claim.
    pub sentence: usize,
    /// The text of that sentence.
    pub sentence_text: String,
    /// Triggering words, numbers and dates.
    pub evidence: Vec<Evidence>,
    /// Numbers, dates and names, normalised.
    pub mentions: Vec<Normalized>,
    /// Check-worthiness in [0, 1]: the built-in model's probability
    /// ([`check_worthiness`]) for the sentence, or for a quotation's own
    /// words, raised by evidence:
    /// `score = 1 - (1 - p) · 0.85^s`, where `s` counts distinct strong
    /// evidence (numbers, dates, quantity, causation, law and poll cues).
    pub score: f32,
    /// Review status, from a review file when one was applied.
    #[serde(default)]
    pub status: Status,
}

serialize_spanned!(Claim {
    id,
    span,
    text,
    source,
    kind,
    kinds,
    claimant,
    cue,
    quote,
    sentence,
    sentence_text,
    evidence,
    mentions,
    score,
    status
});

/// What extraction needs from the rest of the pipeline.
pub(crate) struct Input<'a> {
    pub text: &'a str,
    pub paragraphs: &'a [Paragraph],
    pub sentences: &'a [Sentence],
    pub quotes: &'a [Quote],
    pub speakers: &'a [Speaker],
    pub published: Option<&'a str>,
}

/// A quotation that carries a claim: attributed, and not scare quotes.
fn is_attributed(q: &Quote) -> bool {
    q.speaker.is_some() && q.kind != QuoteKind::Scare
}

/// What pass 1 of [`extract`] learns about one sentence.
struct SentenceFacts {
    /// Where the words of the sentence are in the document's words.
    words: Range<usize>,
    /// Where the signals of the sentence, by position, are in the
    /// document's signals.
    signals: Range<usize>,
    /// The numbers, then the dates, until [`SentenceFacts::mentions`]
    /// takes them.
    numbers_and_dates: Cell<Vec<Normalized>>,
    /// The numbers, dates and names, by position, once asked for.
    mentions: OnceCell<Vec<Normalized>>,
}

impl SentenceFacts {
    /// The numbers, dates and names of the sentence at `span`, whose
    /// words are `words`, by position. Names, needed only for claims, are
    /// found at the first call; `named` are the speakers' mentions of the
    /// document.
    fn mentions(
        &self,
        text: &str,
        words: &[normalize::Word],
        span: Span,
        named: &[(Span, &str, &str)],
    ) -> &[Normalized] {
        self.mentions
            .get_or_init(|| self.find_mentions(text, words, span, named))
    }

    /// What [`SentenceFacts::mentions`] gives, taken out, for the last
    /// use of the sentence's mentions: they are moved, not copied.
    fn take_mentions(
        &mut self,
        text: &str,
        words: &[normalize::Word],
        span: Span,
        named: &[(Span, &str, &str)],
    ) -> Vec<Normalized> {
        self.mentions
            .take()
            .unwrap_or_else(|| self.find_mentions(text, words, span, named))
    }

    /// Finds the names and joins them to the numbers and dates: see
    /// [`SentenceFacts::mentions`].
    fn find_mentions(
        &self,
        text: &str,
        words: &[normalize::Word],
        span: Span,
        named: &[(Span, &str, &str)],
    ) -> Vec<Normalized> {
        let mut mentions = self.numbers_and_dates.take();
        let first = named.partition_point(|(m, _, _)| m.start < span.start);
        let last = named.partition_point(|(m, _, _)| m.start < span.end);
        let found = entities(text, words, span, &named[first..last]);
        if mentions.is_empty() {
            mentions = found;
        } else {
            // names that overlap no number or date
            let numbers_and_dates = mentions.len();
            mentions.reserve(found.len());
            for e in found {
                if mentions[..numbers_and_dates]
                    .iter()
                    .all(|m| m.span.overlap(e.span) == 0)
                {
                    mentions.push(e);
                }
            }
        }
        mentions.sort_by_key(|m| m.span);
        mentions
    }
}

/// Extracts, types, scores and identifies the claims of one document, in
/// document order.
// called once per document; kept out of line so that profiles show it
#[inline(never)]
pub(crate) fn extract(input: &Input<'_>) -> Vec<Claim> {
    let text = input.text;
    let published = input.published.and_then(Date::parse);
    let mut attributed: Vec<(usize, &Quote)> = input
        .quotes
        .iter()
        .enumerate()
        .filter(|(_, q)| is_attributed(q))
        .collect();
    attributed.sort_by_key(|(_, q)| q.span.start);
    // every speaker mention, by position, with its canonical name
    let mut named: Vec<(Span, &str, &str)> = input
        .speakers
        .iter()
        .flat_map(|s| {
            s.mentions
                .iter()
                .map(move |m| (m.span, m.text.as_str(), s.name.as_str()))
        })
        .collect();
    named.sort_by_key(|(span, _, _)| *span);
    // Every sentence with its ASCII letters lower-cased, one after the
    // other, for the words to borrow.
    let mut lowered = String::with_capacity(input.sentences.iter().map(|s| s.text.len()).sum());
    for sentence in input.sentences {
        lowered.push_str(&sentence.text);
    }
    lowered.make_ascii_lowercase();
    // Pass 1: the words, signals, numbers and dates of every sentence.
    // The words and signals of all sentences are kept in one buffer each,
    // the words with the room that each sentence may need.
    let mut facts: Vec<SentenceFacts> = Vec::with_capacity(input.sentences.len());
    let mut all_words: Vec<normalize::Word> = Vec::with_capacity(
        input
            .sentences
            .iter()
            .map(|s| normalize::word_room(&s.text))
            .sum(),
    );
    let mut signals: Vec<Signal> = Vec::new();
    // the words of dates, which are not numbers: reused from one sentence
    // to the next, and empty for a sentence without dates
    let mut taken: Vec<bool> = Vec::new();
    let mut lowered_at = 0;
    for sentence in input.sentences {
        let lower = &lowered[lowered_at..lowered_at + sentence.text.len()];
        lowered_at += sentence.text.len();
        let words_at = all_words.len();
        normalize::words_into(&sentence.text, lower, sentence.span.start, &mut all_words);
        let words = &all_words[words_at..];
        // most sentences hold no date, many no number
        let (may_date, may_number) = normalize::may_hold_dates_or_numbers(words);
        let dates = if may_date {
            normalize::dates(text, words, published)
        } else {
            Vec::new()
        };
        taken.clear();
        if !dates.is_empty() {
            taken.resize(words.len(), false);
        }
        for (_, range) in &dates {
            for t in taken.iter_mut().take(range.end).skip(range.start) {
                *t = true;
            }
        }
        let numbers = if may_number {
            normalize::numbers(text, words, &taken)
        } else {
            Vec::new()
        };
        let signals_at = signals.len();
        lexicon::cues_into(words, &mut signals);
        // a cue inside a number ("million" of "5 million") adds nothing
        if !numbers.is_empty() {
            let mut kept = signals_at;
            for i in signals_at..signals.len() {
                let s = signals[i];
                if numbers.iter().all(|n| n.span.overlap(s.span) == 0) {
                    signals[kept] = s;
                    kept += 1;
                }
            }
            signals.truncate(kept);
        }
        signals.extend(dates.iter().map(|(d, _)| Signal {
            span: d.span,
            kind: lexicon::Kind::Claim(if is_future(&d.value, published) {
                ClaimKind::Prediction
            } else {
                ClaimKind::Event
            }),
            strong: true,
        }));
        signals.extend(numbers.iter().map(|n| Signal {
            span: n.span,
            kind: lexicon::Kind::Claim(ClaimKind::Quantity),
            strong: true,
        }));
        signals[signals_at..].sort_by_key(|s| s.span);
        let mut numbers_and_dates: Vec<Normalized> = numbers;
        numbers_and_dates.extend(dates.into_iter().map(|(d, _)| d));
        facts.push(SentenceFacts {
            words: words_at..all_words.len(),
            signals: signals_at..signals.len(),
            numbers_and_dates: Cell::new(numbers_and_dates),
            mentions: OnceCell::new(),
        });
    }

    let mut quoted = Vec::with_capacity(attributed.len());
    // the signals of one claim, reused from one claim to the next
    let mut inside: Vec<&Signal> = Vec::new();
    // Pass 2: one claim per attributed quotation, typed by the signals
    // inside it, in every sentence it spans.
    for &(qi, quote) in &attributed {
        let first = input
            .sentences
            .partition_point(|s| s.span.end <= quote.span.start);
        let last = input
            .sentences
            .partition_point(|s| s.span.start < quote.span.end)
            .max(first + 1)
            .min(input.sentences.len());
        if first >= input.sentences.len() {
            continue;
        }
        inside.clear();
        let mut mentions: Vec<Normalized> = Vec::new();
        for (f, sentence) in facts[first..last].iter().zip(&input.sentences[first..last]) {
            inside.extend(
                signals[f.signals.clone()]
                    .iter()
                    .filter(|s| quote.content.contains(s.span)),
            );
            mentions.extend(
                f.mentions(text, &all_words[f.words.clone()], sentence.span, &named)
                    .iter()
                    .filter(|m| quote.content.contains(m.span))
                    .cloned(),
            );
        }
        let p = check_worthiness(&quote.text);
        let question = quote
            .text
            .trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | '.'))
            .ends_with('?');
        if question || !checkable(&inside, || p) {
            // opinion or a question: only the attribution can be checked
            inside.clear();
        }
        let speaker = quote.speaker.as_ref().map(|s| s.name.clone());
        quoted.push(build(
            text,
            quote.content,
            &quote.text,
            ClaimSource::Quotation,
            speaker,
            quote.cue.clone(),
            Some(qi),
            first,
            &input.sentences[first],
            &inside,
            mentions,
            p,
        ));
    }

    // Pass 3: the reporter's own checkable sentences, outside quotations.
    let mut claims = Vec::new();
    // each sentence is seen once here, after every use in pass 2
    for (si, (sentence, f)) in input.sentences.iter().zip(&mut facts).enumerate() {
        let heading = input
            .paragraphs
            .get(sentence.paragraph)
            .is_some_and(|p| p.kind == ParagraphKind::Heading);
        let question = sentence
            .text
            .trim_end_matches(|c: char| {
                c.is_whitespace() || matches!(c, '"' | '”' | '’' | '\'' | ')')
            })
            .ends_with('?');
        if heading || question {
            continue;
        }
        // attributed quotations that overlap the sentence
        let last = attributed.partition_point(|(_, q)| q.span.start < sentence.span.end);
        let mut first = attributed.partition_point(|(_, q)| q.span.start < sentence.span.start);
        while first > 0 && attributed[first - 1].1.span.end > sentence.span.start {
            first -= 1;
        }
        let here = &attributed[first..last];
        let outside = |span: Span| here.iter().all(|(_, q)| q.content.overlap(span) == 0);
        // the words outside quotations, counted only when there are some
        // and only as far as the minimum
        let frame_words = || {
            all_words[f.words.clone()]
                .iter()
                .filter(|w| outside(w.span))
                .take(MIN_FRAME_WORDS)
                .count()
        };
        if !here.is_empty() && frame_words() < MIN_FRAME_WORDS {
            continue;
        }
        let own = &mut inside;
        own.clear();
        own.extend(
            signals[f.signals.clone()]
                .iter()
                .filter(|s| outside(s.span))
                // the frame of a quotation is that quotation's attribution
                .filter(|s| {
                    here.is_empty() || s.kind != lexicon::Kind::Claim(ClaimKind::Attribution)
                }),
        );
        // the model runs only for sentences that may become claims
        let mut p = None;
        let mut score = || *p.get_or_insert_with(|| check_worthiness(&sentence.text));
        if !checkable(own, &mut score) {
            continue;
        }
        let p = score();
        let words = &all_words[f.words.clone()];
        let mut mentions = f.take_mentions(text, words, sentence.span, &named);
        if !here.is_empty() {
            mentions.retain(|m| outside(m.span));
        }
        claims.push(build(
            text,
            sentence.span,
            &sentence.text,
            ClaimSource::Reporter,
            None,
            None,
            None,
            si,
            sentence,
            own,
            mentions,
            p,
        ));
    }
    let mut claims = merge_claims(quoted, claims);
    id::assign(&mut claims);
    claims
}

/// The claims of quotations and the reporter's claims, sorted by start,
/// a quotation's claim before a reporter's at the same start, keeping the
/// order of ties: the order of a stable sort of the quotations' claims
/// followed by the reporter's. When each list is already in that order,
/// as nearly always, they are merged, moving each claim once.
fn merge_claims(quoted: Vec<Claim>, reporter: Vec<Claim>) -> Vec<Claim> {
    let key = |c: &Claim| (c.span.start, c.source == ClaimSource::Reporter);
    if !quoted.is_sorted_by_key(key) || !reporter.is_sorted_by_key(key) {
        let mut claims = quoted;
        claims.extend(reporter);
        claims.sort_by_key(key);
        return claims;
    }
    let mut claims = Vec::with_capacity(quoted.len() + reporter.len());
    let mut quoted = quoted.into_iter().peekable();
    let mut reporter = reporter.into_iter().peekable();
    loop {
        // ties go to the quotations' claims, which come first
        let next = match (quoted.peek(), reporter.peek()) {
            (Some(q), Some(r)) if key(r) < key(q) => reporter.next(),
            (Some(_), _) => quoted.next(),
            (None, _) => reporter.next(),
        };
        match next {
            Some(claim) => claims.push(claim),
            None => return claims,
        }
    }
}

/// Whether a resolved date lies after the publication date (by year, or
/// by year and month when both have one).
fn is_future(value: &MentionValue, published: Option<Date>) -> bool {
    let (MentionValue::Date { value: Some(v) }, Some(p)) = (value, published) else {
        return false;
    };
    let Some(year) = v.get(0..4).and_then(|y| y.parse::<i32>().ok()) else {
        return false;
    };
    let month = v.get(5..7).and_then(|m| m.parse::<u32>().ok());
    match month {
        Some(m) => (year, m) > (p.year, p.month),
        None => year > p.year,
    }
}

/// Whether a text with these signals is a checkable claim; `p` gives its
/// check-worthiness, asked for only when the signals leave it open.
fn checkable(signals: &[&Signal], p: impl FnOnce() -> f32) -> bool {
    use lexicon::Kind;
    let has = |k: Kind| signals.iter().any(|s| s.kind == k);
    let strong = signals.iter().any(|s| s.strong);
    let any = signals.iter().any(|s| matches!(s.kind, Kind::Claim(_)));
    if has(Kind::Experience) && !strong {
        return false;
    }
    if has(Kind::Hedge) && !strong {
        return false;
    }
    strong || (any && p() >= check_worthiness_threshold())
}

#[allow(clippy::too_many_arguments)]
fn build(
    text: &str,
    span: Span,
    claim_text: &str,
    source: ClaimSource,
    claimant: Option<String>,
    cue: Option<Cue>,
    quote: Option<usize>,
    si: usize,
    sentence: &Sentence,
    signals: &[&Signal],
    mentions: Vec<Normalized>,
    p: f32,
) -> Claim {
    let mut evidence: Vec<Evidence> = Vec::with_capacity(
        signals
            .iter()
            .filter(|s| matches!(s.kind, lexicon::Kind::Claim(_)))
            .count(),
    );
    // the kinds signalled, bit `k as u8` for kind `k`
    let mut signalled = 0u8;
    for s in signals {
        if let lexicon::Kind::Claim(kind) = s.kind {
            signalled |= 1 << kind as u8;
            evidence.push(Evidence {
                span: s.span,
                text: s.span.text(text).to_owned(),
                kind,
            });
        }
    }
    if source == ClaimSource::Quotation {
        signalled |= 1 << ClaimKind::Attribution as u8;
    }
    // the main type: the first by priority among strong evidence, else
    // among all evidence
    let kind = signals
        .iter()
        .filter(|s| s.strong)
        .filter_map(|s| match s.kind {
            lexicon::Kind::Claim(k) => Some(k),
            _ => None,
        })
        .min()
        .or_else(|| {
            ClaimKind::ALL
                .get(signalled.trailing_zeros() as usize)
                .copied()
        })
        .unwrap_or(ClaimKind::Attribution);
    // the main type first, then the others by priority
    let others = signalled & !(1 << kind as u8);
    let mut kinds = Vec::with_capacity(1 + others.count_ones() as usize);
    kinds.push(kind);
    kinds.extend(
        ClaimKind::ALL
            .iter()
            .filter(|k| others & (1 << **k as u8) != 0),
    );
    // distinct strong evidence, by its words: each counted at its first
    // signal (a claim has a few signals, so they are compared pairwise)
    let is_strong =
        |s: &&Signal| s.strong || matches!(s.kind, lexicon::Kind::Claim(k) if k.is_strong());
    let strong = signals
        .iter()
        .enumerate()
        .filter(|(_, s)| is_strong(s))
        .filter(|&(i, s)| {
            let words = s.span.text(text);
            !signals[..i]
                .iter()
                .any(|t| is_strong(t) && t.span.text(text) == words)
        })
        .count();
    let score = 1.0 - (1.0 - p) * 0.85f32.powi(strong.min(20) as i32);
    Claim {
        id: String::new(),
        span,
        text: claim_text.to_owned(),
        source,
        kind,
        kinds,
        claimant,
        cue,
        quote,
        sentence: si,
        sentence_text: sentence.text.clone(),
        evidence,
        mentions,
        score: score.clamp(0.0, 1.0),
        status: Status::default(),
    }
}

/// Names in the sentence: speakers' mentions (resolved to canonical
/// names) and runs of capitalised words.
fn entities(
    text: &str,
    words: &[normalize::Word],
    sentence: Span,
    named: &[(Span, &str, &str)],
) -> Vec<Normalized> {
    let mut out: Vec<Normalized> = Vec::new();
    for &(span, written, name) in named {
        if sentence.contains(span) {
            out.push(Normalized {
                span,
                text: written.to_owned(),
                value: MentionValue::Entity {
                    value: name.to_owned(),
                },
            });
        }
    }
    let mut i = 0;
    while i < words.len() {
        if !words[i].capital || lexicon::is_common_capital(&words[i].lower, words[i].shape) {
            i += 1;
            continue;
        }
        let mut j = i + 1;
        while j < words.len() {
            let gap = words[j - 1].span.end..words[j].span.start;
            let joined = text
                .get(gap)
                .is_some_and(|g| g.chars().all(|c| c == ' ' || c == '-' || c == '.'));
            if joined
                && words[j].capital
                && !lexicon::is_common_capital(&words[j].lower, words[j].shape)
            {
                j += 1;
            } else if joined
                && matches!(&*words[j].lower, "of" | "for")
                && words.get(j + 1).is_some_and(|w| w.capital)
            {
                j += 2;
            } else {
                break;
            }
        }
        let sentence_start = words[i].span.start == sentence.start;
        if !(sentence_start && j == i + 1) {
            let span = Span::new(words[i].span.start, words[j - 1].span.end);
            if !out.iter().any(|m| m.span.overlap(span) > 0) {
                let written = span.text(text);
                let name = written
                    .strip_suffix("’s")
                    .or_else(|| written.strip_suffix("'s"))
                    .unwrap_or(written)
                    .to_owned();
                out.push(Normalized {
                    span,
                    text: written.to_owned(),
                    value: MentionValue::Entity { value: name },
                });
            }
        }
        i = j;
    }
    out
}

#[cfg(test)]
mod tests;
