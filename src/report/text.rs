//! The terminal report.

use std::io::{self, Write};

use super::{by_speaker, headline, one_line, ranked, shown_words, speaker};
use crate::analysis::Analysis;
use crate::document::Document;
use crate::review::Status;

struct Style {
    on: bool,
}

impl Style {
    fn paint(&self, code: &str, s: &str) -> String {
        if self.on {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    fn bold(&self, s: &str) -> String {
        self.paint("1", s)
    }
    fn dim(&self, s: &str) -> String {
        self.paint("2", s)
    }
    fn status(&self, status: Status) -> String {
        let code = match status {
            Status::Verified | Status::MostlyTrue => "32",
            Status::False | Status::Misleading => "31",
            Status::InProgress => "33",
            _ => "2",
        };
        self.paint(code, &format!("{:<12}", status.as_str()))
    }
}

pub(super) fn write(
    out: &mut dyn Write,
    doc: &Document,
    analysis: &Analysis,
    colour: bool,
) -> io::Result<()> {
    let st = Style { on: colour };
    writeln!(
        out,
        "{}",
        st.bold(&format!("quotecheck report: {}", doc.id))
    )?;
    if let Some(h) = headline(doc, analysis) {
        writeln!(out, "{}", one_line(h))?;
    }
    let mut meta = Vec::new();
    if let Some(p) = &doc.published {
        meta.push(format!("published {p}"));
    }
    if let Some(o) = &doc.outlet {
        meta.push(o.clone());
    }
    if let Some(u) = &doc.url {
        meta.push(u.clone());
    }
    if !meta.is_empty() {
        writeln!(out, "{}", st.dim(&meta.join(" · ")))?;
    }
    let reviewed = analysis
        .claims
        .iter()
        .filter(|c| c.status != Status::Unreviewed)
        .count();
    writeln!(
        out,
        "{} paragraphs, {} sentences, {} quotations, {} speakers, {} claims ({} reviewed)",
        analysis.paragraphs.len(),
        analysis.sentences.len(),
        analysis.quotes.len(),
        analysis.speakers.len(),
        analysis.claims.len(),
        reviewed
    )?;

    writeln!(out)?;
    writeln!(out, "{}", st.bold("Speakers and their quotations"))?;
    let groups = by_speaker(analysis);
    if groups.is_empty() {
        writeln!(out, "  (no quotations found)")?;
    }
    for (name, quotes) in groups {
        let title = match name {
            Some(n) => match speaker(analysis, n).and_then(|s| s.description.as_deref()) {
                Some(d) => format!("{n} ({d})"),
                None => n.to_owned(),
            },
            None => "(no speaker found)".to_owned(),
        };
        writeln!(out, "  {}", st.bold(&title))?;
        for q in quotes {
            let cue = q.cue.as_ref().map_or("-", |c| c.text.as_str());
            writeln!(
                out,
                "    {:<10} {}  {}",
                cue,
                shown_words(q, &one_line(&q.text)),
                st.dim(&format!("[{}..{}]", q.span.start, q.span.end))
            )?;
        }
    }

    writeln!(out)?;
    writeln!(out, "{}", st.bold("Claims, most check-worthy first"))?;
    if analysis.claims.is_empty() {
        writeln!(out, "  (no checkable claims found)")?;
    }
    for (rank, claim) in ranked(analysis).into_iter().enumerate() {
        writeln!(
            out,
            "{:>4}. {:.2}  {:<12} {} {}",
            rank + 1,
            claim.score,
            claim.kind.as_str(),
            st.status(claim.status),
            st.dim(&claim.id)
        )?;
        let who = claim.claimant.as_deref().unwrap_or("reporter");
        match &claim.cue {
            Some(cue) => writeln!(out, "      {} {}: {}", who, cue.text, one_line(&claim.text))?,
            None => writeln!(out, "      {}: {}", who, one_line(&claim.text))?,
        }
        if !claim.evidence.is_empty() {
            let ev: Vec<String> = claim
                .evidence
                .iter()
                .map(|e| format!("{} ({})", one_line(&e.text), e.kind.as_str()))
                .collect();
            writeln!(
                out,
                "      {}",
                st.dim(&format!("evidence: {}", ev.join(", ")))
            )?;
        }
    }
    Ok(())
}
