//! `quotecheck eval polnear DIR`: scores quotations, speakers and cues
//! against a folder laid out like PolNeAR (`text/*.txt` and
//! `attributions/*.ann`, brat standoff with character offsets).
//!
//! Matching rules:
//! - a gold attribution is *direct* when one of its Content spans holds a
//!   quotation mark; otherwise it is *indirect*;
//! - a predicted direct or partial quotation matches a gold direct
//!   attribution when it overlaps one of its Content spans by at least
//!   half of the shorter of the two;
//! - precision counts matched predictions, recall counts matched gold
//!   attributions (both sides independently, so a split gold quotation
//!   found as two halves counts once for recall and twice for precision);
//! - speaker accuracy: over matched predictions whose gold has a Source,
//!   the predicted speaker mention overlaps that Source;
//! - cue accuracy: over matched predictions whose gold has a Cue, the
//!   predicted cue overlaps that Cue;
//! - indirect recall: gold indirect attributions matched (same overlap
//!   rule) by a predicted indirect quotation.

use std::collections::BTreeMap;
use std::fmt;
use std::io::Write;
use std::path::Path;

use anyhow::Context;
use quotecheck::{Analyzer, Document, Quote, QuoteKind, Span};
use serde::Serialize;

/// One gold attribution relation, in byte offsets.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Gold {
    /// The content pieces (split quotations have several).
    pub contents: Vec<Span>,
    /// The source, if annotated.
    pub source: Option<Span>,
    /// The cue, if annotated.
    pub cue: Option<Span>,
    /// True when a content piece holds a quotation mark.
    pub direct: bool,
}

/// Marks that make a gold content a direct (or mixed) quotation.
const QUOTE_MARKS: &[char] = &['"', '“', '”', '«', '»', '„', '‹', '›', '‘'];

/// True when `s` holds a double quotation mark or an opening single one,
/// or starts or ends with a straight or closing single mark.
fn has_quote_mark(s: &str) -> bool {
    let t = s.trim_matches(|c: char| c.is_whitespace() || ",.;:".contains(c));
    s.contains(QUOTE_MARKS) || t.starts_with(['\'', '’']) || t.ends_with(['\'', '’'])
}

/// Byte offset of each character offset (plus one past the end).
fn char_to_byte_table(text: &str) -> Vec<usize> {
    let mut table: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
    table.push(text.len());
    table
}

/// Parses one brat `.ann` file into gold attributions.
pub(crate) fn parse_ann(text: &str, ann: &str) -> Vec<Gold> {
    let table = char_to_byte_table(text);
    let to_byte = |c: usize| table.get(c).copied();
    let mut spans: BTreeMap<&str, Span> = BTreeMap::new();
    let mut relations = Vec::new();
    for line in ann.lines() {
        let mut cols = line.split('\t');
        let (Some(id), Some(body)) = (cols.next(), cols.next()) else {
            continue;
        };
        if id.starts_with('T') {
            // "Role start end" or "Role start end;start end" (fragments).
            let mut parts = body.splitn(2, ' ');
            let _role = parts.next();
            let Some(ranges) = parts.next() else { continue };
            let mut lo = usize::MAX;
            let mut hi = 0;
            for range in ranges.split(';') {
                let mut nums = range.split_whitespace().filter_map(|n| n.parse().ok());
                if let (Some(s), Some(e)) = (nums.next(), nums.next()) {
                    lo = lo.min(s);
                    hi = hi.max(e);
                }
            }
            if let (Some(s), Some(e)) = (to_byte(lo), to_byte(hi))
                && s <= e
            {
                spans.insert(id, Span::new(s, e));
            }
        } else if id.starts_with('E') {
            relations.push(body);
        }
    }
    let mut out = Vec::new();
    for body in relations {
        let mut gold = Gold::default();
        for arg in body.split_whitespace() {
            let Some((role, id)) = arg.split_once(':') else {
                continue;
            };
            let Some(&span) = spans.get(id) else { continue };
            if role.starts_with("Content") {
                gold.contents.push(span);
            } else if role.starts_with("Source") {
                gold.source = Some(span);
            } else if role.starts_with("Cue") {
                gold.cue = Some(span);
            }
        }
        if gold.contents.is_empty() {
            continue;
        }
        gold.direct = gold.contents.iter().any(|c| has_quote_mark(c.text(text)));
        out.push(gold);
    }
    out
}

/// True when the spans overlap by at least half of the shorter.
pub(crate) fn matches(a: Span, b: Span) -> bool {
    let shorter = a.len().min(b.len());
    shorter > 0 && a.overlap(b) * 2 >= shorter
}

fn overlaps(a: Span, b: Span) -> bool {
    a.overlap(b) > 0
}

/// Counts over one or more documents.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub(crate) struct Counts {
    /// Predicted direct/partial quotations.
    pub predicted: usize,
    /// Predicted direct/partial quotations that match a gold one.
    pub predicted_matched: usize,
    /// Gold direct attributions.
    pub gold: usize,
    /// Gold direct attributions matched by a prediction.
    pub gold_matched: usize,
    /// Matched predictions whose gold has a source.
    pub speaker_total: usize,
    /// ... of which the predicted speaker overlaps the gold source.
    pub speaker_correct: usize,
    /// Matched predictions whose gold has a cue.
    pub cue_total: usize,
    /// ... of which the predicted cue overlaps the gold cue.
    pub cue_correct: usize,
    /// Gold indirect attributions.
    pub indirect_gold: usize,
    /// ... matched by a predicted indirect quotation.
    pub indirect_matched: usize,
}

impl Counts {
    fn add(&mut self, o: &Counts) {
        self.predicted += o.predicted;
        self.predicted_matched += o.predicted_matched;
        self.gold += o.gold;
        self.gold_matched += o.gold_matched;
        self.speaker_total += o.speaker_total;
        self.speaker_correct += o.speaker_correct;
        self.cue_total += o.cue_total;
        self.cue_correct += o.cue_correct;
        self.indirect_gold += o.indirect_gold;
        self.indirect_matched += o.indirect_matched;
    }
}

fn ratio(n: usize, d: usize) -> f64 {
    if d == 0 { 0.0 } else { n as f64 / d as f64 }
}

/// The headline figures.
#[derive(Clone, Copy, Debug, Serialize)]
pub(crate) struct Scores {
    /// Direct quotation precision.
    pub precision: f64,
    /// Direct quotation recall.
    pub recall: f64,
    /// Direct quotation F1.
    pub f1: f64,
    /// Speaker accuracy over matched quotations.
    pub speaker_accuracy: f64,
    /// Cue accuracy over matched quotations.
    pub cue_accuracy: f64,
    /// Recall of indirect attributions.
    pub indirect_recall: f64,
    /// The raw counts.
    pub counts: Counts,
}

impl From<Counts> for Scores {
    fn from(c: Counts) -> Self {
        let precision = ratio(c.predicted_matched, c.predicted);
        let recall = ratio(c.gold_matched, c.gold);
        let f1 = if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        Scores {
            precision,
            recall,
            f1,
            speaker_accuracy: ratio(c.speaker_correct, c.speaker_total),
            cue_accuracy: ratio(c.cue_correct, c.cue_total),
            indirect_recall: ratio(c.indirect_matched, c.indirect_gold),
            counts: c,
        }
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let c = &self.counts;
        writeln!(
            f,
            "direct quotations: precision {:.3} ({}/{})  recall {:.3} ({}/{})  F1 {:.3}",
            self.precision,
            c.predicted_matched,
            c.predicted,
            self.recall,
            c.gold_matched,
            c.gold,
            self.f1
        )?;
        writeln!(
            f,
            "speaker accuracy: {:.3} ({}/{})",
            self.speaker_accuracy, c.speaker_correct, c.speaker_total
        )?;
        writeln!(
            f,
            "cue accuracy: {:.3} ({}/{})",
            self.cue_accuracy, c.cue_correct, c.cue_total
        )?;
        write!(
            f,
            "indirect recall: {:.3} ({}/{})",
            self.indirect_recall, c.indirect_matched, c.indirect_gold
        )
    }
}

/// One scoring error, for `--errors`.
#[derive(Debug)]
pub(crate) enum Miss {
    /// A prediction that matches no gold quotation.
    FalsePositive(Span),
    /// A gold quotation nothing matched.
    FalseNegative(Span),
    /// Wrong speaker: predicted mention, gold source.
    Speaker(Span, Option<Span>, Span),
    /// Wrong cue: predicted cue, gold cue.
    Cue(Span, Option<Span>, Span),
}

fn is_quoted(kind: QuoteKind) -> bool {
    matches!(kind, QuoteKind::Direct | QuoteKind::Partial)
}

/// Scores one document's predictions against its gold attributions.
pub(crate) fn score(gold: &[Gold], quotes: &[Quote], misses: &mut Vec<Miss>) -> Counts {
    let mut c = Counts::default();
    let direct: Vec<&Gold> = gold.iter().filter(|g| g.direct).collect();
    c.gold = direct.len();
    let gold_hit = |g: &Gold, span: Span| g.contents.iter().any(|&s| matches(s, span));
    for q in quotes.iter().filter(|q| is_quoted(q.kind)) {
        c.predicted += 1;
        let hits: Vec<&&Gold> = direct.iter().filter(|g| gold_hit(g, q.span)).collect();
        if hits.is_empty() {
            misses.push(Miss::FalsePositive(q.span));
            continue;
        }
        c.predicted_matched += 1;
        let speaker = q.speaker.as_ref().map(|s| s.span);
        if let Some(src) = hits.iter().find_map(|g| g.source) {
            c.speaker_total += 1;
            let ok = speaker
                .is_some_and(|s| hits.iter().filter_map(|g| g.source).any(|g| overlaps(g, s)));
            if ok {
                c.speaker_correct += 1;
            } else {
                misses.push(Miss::Speaker(q.span, speaker, src));
            }
        }
        let cue = q.cue.as_ref().map(|s| s.span);
        if let Some(gcue) = hits.iter().find_map(|g| g.cue) {
            c.cue_total += 1;
            let ok = cue.is_some_and(|s| hits.iter().filter_map(|g| g.cue).any(|g| overlaps(g, s)));
            if ok {
                c.cue_correct += 1;
            } else {
                misses.push(Miss::Cue(q.span, cue, gcue));
            }
        }
    }
    for g in &direct {
        if quotes
            .iter()
            .any(|q| is_quoted(q.kind) && gold_hit(g, q.span))
        {
            c.gold_matched += 1;
        } else {
            misses.push(Miss::FalseNegative(g.contents[0]));
        }
    }
    for g in gold.iter().filter(|g| !g.direct) {
        c.indirect_gold += 1;
        if quotes
            .iter()
            .any(|q| q.kind == QuoteKind::Indirect && gold_hit(g, q.span))
        {
            c.indirect_matched += 1;
        }
    }
    c
}

/// The quotation with up to 100 bytes either side, on one line.
fn context(text: &str, span: Span) -> String {
    let mut start = span.start.saturating_sub(100);
    while !text.is_char_boundary(start) {
        start += 1;
    }
    let mut end = (span.end + 100).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    Span::new(start, end.max(start))
        .text(text)
        .replace('\n', " ¶ ")
}

fn snippet(text: &str, span: Option<Span>) -> String {
    let Some(span) = span else {
        return "-".to_owned();
    };
    let s: String = span.text(text).chars().take(70).collect();
    s.replace('\n', " ")
}

/// Runs the PolNeAR evaluation over `dir` and prints the scores.
pub(crate) fn polnear(
    dir: &Path,
    show_errors: bool,
    json: bool,
    out: &mut dyn Write,
) -> anyhow::Result<()> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut names: Vec<String> = std::fs::read_dir(&text_dir)
        .with_context(|| format!("reading {}", text_dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let mut anns: Vec<String> = std::fs::read_dir(&ann_dir)
        .with_context(|| format!("reading {}", ann_dir.display()))?
        .filter_map(|e| e.ok())
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| n.ends_with(".ann"))
        .collect();
    anns.sort();
    let analyzer = Analyzer::default();
    let mut total = Counts::default();
    let mut articles = 0;
    for name in &names {
        let stem = name.trim_end_matches(".txt");
        let prefix = format!("{stem}_");
        let Some(ann_name) = anns.iter().find(|a| a.starts_with(&prefix)) else {
            continue;
        };
        let text = std::fs::read_to_string(text_dir.join(name))
            .with_context(|| format!("reading {name}"))?;
        let ann = std::fs::read_to_string(ann_dir.join(ann_name))
            .with_context(|| format!("reading {ann_name}"))?;
        let gold = parse_ann(&text, &ann);
        let doc = Document::new(stem, text.as_str());
        let analysis = analyzer.analyze(&doc);
        let mut misses = Vec::new();
        let counts = score(&gold, &analysis.quotes, &mut misses);
        total.add(&counts);
        articles += 1;
        if show_errors && !misses.is_empty() {
            writeln!(out, "== {stem}")?;
            for m in &misses {
                let t = &text;
                match *m {
                    Miss::FalsePositive(q) => writeln!(out, "  FP  {}", snippet(t, Some(q)))?,
                    Miss::FalseNegative(g) => writeln!(out, "  FN  {}", snippet(t, Some(g)))?,
                    Miss::Speaker(q, p, g) => writeln!(
                        out,
                        "  SPK {} | got [{}] want [{}]",
                        context(t, q),
                        snippet(t, p),
                        snippet(t, Some(g))
                    )?,
                    Miss::Cue(q, p, g) => writeln!(
                        out,
                        "  CUE {} | got [{}] want [{}]",
                        snippet(t, Some(q)),
                        snippet(t, p),
                        snippet(t, Some(g))
                    )?,
                }
            }
        }
    }
    let scores = Scores::from(total);
    if json {
        writeln!(out, "{}", serde_json::to_string(&scores)?)?;
    } else {
        writeln!(out, "articles: {articles}")?;
        writeln!(out, "{scores}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brat_character_offsets_become_byte_offsets() {
        let text = "“Né,” she said.";
        let ann = "T1\tContent 0 5\t“Né,”\nT2\tSource 6 9\tshe\nT3\tCue 10 14\tsaid\n\
                   E1\tAttribution:T3 Content:T1 Source:T2 Cue:T3\n";
        let gold = parse_ann(text, ann);
        assert_eq!(gold.len(), 1);
        assert_eq!(gold[0].contents[0].text(text), "“Né,”");
        assert_eq!(gold[0].source.unwrap().text(text), "she");
        assert_eq!(gold[0].cue.unwrap().text(text), "said");
        assert!(gold[0].direct);
    }

    #[test]
    fn overlap_of_half_the_shorter_matches() {
        assert!(matches(Span::new(0, 10), Span::new(5, 30)));
        assert!(!matches(Span::new(0, 10), Span::new(6, 30)));
        assert!(!matches(Span::new(0, 0), Span::new(0, 30)));
    }

    #[test]
    fn scores_count_both_sides() {
        let c = Counts {
            predicted: 4,
            predicted_matched: 3,
            gold: 6,
            gold_matched: 3,
            ..Counts::default()
        };
        let s = Scores::from(c);
        assert!((s.precision - 0.75).abs() < 1e-9);
        assert!((s.recall - 0.5).abs() < 1e-9);
        assert!((s.f1 - 0.6).abs() < 1e-9);
    }
}
