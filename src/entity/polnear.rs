//! Self-check on PolNeAR (when `../shared` is present): how often a gold
//! Source span resolves to a plausible speaker. Prints its figures and a
//! sample of pronoun resolutions for judging by eye.

use super::tests_support::{build, quotes_in};
use crate::span::Span;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpora/polnear");
/// How many pronoun cases the sample prints.
const SAMPLE: usize = 30;

/// Byte offset of each char offset, plus one past the end.
fn char_to_byte(text: &str) -> Vec<usize> {
    let mut v: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
    v.push(text.len());
    v
}

/// Up to 300 characters of `text` before byte `at`, on one line.
fn context(text: &str, at: usize) -> String {
    let from = text[..at]
        .char_indices()
        .rev()
        .nth(300)
        .map_or(0, |(i, _)| i);
    text[from..at].replace('\n', " / ")
}

/// The gold Source spans (byte spans) of one annotation file.
fn sources(ann: &str, bytes: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    for line in ann.lines() {
        let mut parts = line.split('\t');
        let (Some(id), Some(head)) = (parts.next(), parts.next()) else {
            continue;
        };
        if !id.starts_with('T') {
            continue;
        }
        let mut h = head.split(' ');
        if h.next() != Some("Source") {
            continue;
        }
        let (Some(a), Some(b)) = (h.next(), h.next()) else {
            continue;
        };
        // Discontinuous spans ("a b;c d") keep their first part.
        let b = b.split(';').next().unwrap_or(b);
        let (Ok(a), Ok(b)) = (a.parse::<usize>(), b.parse::<usize>()) else {
            continue;
        };
        if let (Some(&a), Some(&b)) = (bytes.get(a), bytes.get(b)) {
            out.push(Span::new(a, b));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[test]
fn polnear_sources_resolve_to_plausible_speakers() {
    let dir = std::path::Path::new(CORPUS);
    if !dir.exists() {
        eprintln!("skip: {CORPUS} is absent");
        return;
    }
    let split = std::env::var("QC_SPLIT").unwrap_or_else(|_| "dev".into());
    let mut files: Vec<_> = std::fs::read_dir(dir.join(&split).join("attributions"))
        .expect("attributions folder")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .collect();
    files.sort();
    let (mut names, mut names_ok, mut prons, mut prons_resolved, mut prons_near) = (0, 0, 0, 0, 0);
    let mut samples = Vec::new();
    let (mut build_time, mut total_bytes) = (std::time::Duration::ZERO, 0usize);
    let mut last_article = String::new();
    for ann_path in files {
        let stem = ann_path.file_stem().unwrap().to_string_lossy().to_string();
        let article = stem
            .rsplit_once('_')
            .map_or(stem.clone(), |(a, _)| a.to_owned());
        if article == last_article {
            continue; // one annotator per article
        }
        last_article.clone_from(&article);
        let Ok(text) =
            std::fs::read_to_string(dir.join(&split).join("text").join(format!("{article}.txt")))
        else {
            continue;
        };
        let ann = std::fs::read_to_string(&ann_path).unwrap_or_default();
        let bytes = char_to_byte(&text);
        let started = std::time::Instant::now();
        let ents = build(&text, &quotes_in(&text));
        build_time += started.elapsed();
        total_bytes += text.len();
        let paragraphs = crate::segment::paragraphs(&text);
        let sentences = crate::segment::sentences(&text, &paragraphs);
        for src in sources(&ann, &bytes) {
            let s = src.text(&text);
            let lower = s.to_lowercase();
            let resolved = ents.resolve(&text, src);
            if matches!(lower.as_str(), "he" | "she")
                || (std::env::var("QC_THEY").is_ok() && lower == "they")
            {
                prons += 1;
                let Some(r) = resolved else {
                    if std::env::var("QC_FAILS").is_ok() {
                        println!("pronoun unresolved: …{}[[{s}]]", context(&text, src.start));
                    }
                    continue;
                };
                prons_resolved += 1;
                // Plausible: the name's last word appears in the three
                // sentences before the pronoun, or in its own.
                let si = sentences
                    .partition_point(|x| x.span.start <= src.start)
                    .saturating_sub(1);
                let from = sentences[si.saturating_sub(3)].span.start;
                let window = &text[from..src.start];
                let last = r.name.split_whitespace().last().unwrap_or("");
                if !last.is_empty() && window.contains(last) {
                    prons_near += 1;
                } else if std::env::var("QC_FAILS").is_ok() {
                    println!(
                        "pronoun far: → {} | …{}[[{s}]]",
                        r.name,
                        context(&text, src.start)
                    );
                    println!(
                        "pronoun far: → {} | …{}[[{}]]",
                        r.name,
                        text[from..src.start].replace('\n', " / "),
                        s
                    );
                }
                samples.push((article.clone(), src, r.name, r.description, from));
            } else if s.split_whitespace().count() <= 4
                && s.starts_with(char::is_uppercase)
                && ![
                    "the", "a", "an", "his", "her", "they", "their", "its", "one",
                ]
                .contains(&lower.split_whitespace().next().unwrap_or(""))
                && !s.contains(['“', '"'])
            {
                // A short capitalised source: a name. Plausible when the
                // resolved name keeps the source's last word.
                names += 1;
                let head = s.split([',', '(']).next().unwrap_or(s);
                let last = head
                    .trim_end()
                    .trim_end_matches(['\'', '’', 's'])
                    .split_whitespace()
                    .last()
                    .unwrap_or("");
                if resolved
                    .as_ref()
                    .is_some_and(|r| r.name.to_lowercase().contains(&last.to_lowercase()))
                {
                    names_ok += 1;
                } else if std::env::var("QC_FAILS").is_ok() {
                    println!(
                        "name miss: {s:?} → {:?}",
                        resolved.map(|r| (r.name, r.kind))
                    );
                }
            }
        }
    }
    let pct = |a: usize, b: usize| 100.0 * a as f64 / b.max(1) as f64;
    println!("split {split}");
    println!(
        "segment+entities build: {:.2} MB in {:.2} s ({:.1} MB/s, this build profile)",
        total_bytes as f64 / 1e6,
        build_time.as_secs_f64(),
        total_bytes as f64 / 1e6 / build_time.as_secs_f64().max(1e-9)
    );
    println!(
        "name sources: {names}, resolved keeping the name: {names_ok} ({:.1}%)",
        pct(names_ok, names)
    );
    println!(
        "he/she sources: {prons}, resolved: {prons_resolved} ({:.1}%), to a name in the 3 sentences before: {prons_near} ({:.1}%)",
        pct(prons_resolved, prons),
        pct(prons_near, prons)
    );
    // A fixed-seed sample for judging by eye (printed, never stored).
    if std::env::var("QC_SAMPLE").is_ok() && !samples.is_empty() {
        let mut seed: u64 = std::env::var("QC_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(0x9e37_79b9_7f4a_7c15);
        for n in 0..SAMPLE.min(samples.len()) {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            let (article, src, name, desc, _) = &samples[(seed >> 33) as usize % samples.len()];
            let text = std::fs::read_to_string(
                dir.join(&split).join("text").join(format!("{article}.txt")),
            )
            .unwrap();
            let from = text[..src.start]
                .char_indices()
                .rev()
                .nth(400)
                .map_or(0, |(i, _)| i);
            let to = text[src.end..]
                .char_indices()
                .nth(60)
                .map_or(text.len(), |(i, _)| src.end + i);
            println!(
                "\n#{n} → {name} ({})\n…{}[[{}]]{}…",
                desc.as_deref().unwrap_or("-"),
                text[from..src.start].replace('\n', " / "),
                src.text(&text),
                text[src.end..to].replace('\n', " / ")
            );
        }
    }
    assert!(
        names == 0 || names_ok * 10 >= names * 5,
        "name resolution collapsed"
    );
}
