//! Segmentation throughput, side by side with unicode-segmentation's
//! UAX #29 sentence bounds, on a generated news-like text; then the
//! pathological inputs at two sizes, to show that time grows linearly.
//!
//! Run with `cargo bench --bench segment`; add `-- news` for the news
//! text only, or `-- profile` for one pass of quotecheck alone over
//! [`PROFILE_BYTES`] of it (for `perf` or `valgrind --tool=callgrind`,
//! whose instruction counts compare before and after a change); set
//! `QC_PROFILE_FILE` to profile a text file instead.

use std::hint::black_box;
use std::time::{Duration, Instant};

use unicode_segmentation::UnicodeSegmentation;

/// Size of the generated news text.
const NEWS_BYTES: usize = 32 << 20;
/// Size of the news text in `profile` mode.
const PROFILE_BYTES: usize = 4 << 20;
/// Repetitions of each measurement; the best one counts.
const ROUNDS: usize = 3;

const HEADLINES: &[&str] = &[
    "Council Approves Budget After Late-Night Session",
    "Storm Cuts Power to Thousands Along the Coast",
    "Rail Strike Talks Resume as Deadline Nears",
];
const BYLINES: &[&str] = &["By Maria Ortega", "By J. R. Whitfield and Ann Lee"];
const SENTENCES: &[&str] = &[
    "The city council voted 7-2 on Tuesday to approve a $4.5 billion budget.",
    "“We made hard choices, but they were the right ones,” Mayor Dana Ruiz said.",
    "Sen. Paul Okafor, D-Ill., called the plan “a step backward.”",
    "Shares of Acme Corp. fell 3.5% to $100.25 in early trading.",
    "The U.S. Department of Energy said it would review the request.",
    "Officials expect the work to finish by 5 p.m. Friday, according to a statement.",
    "“Is this really the best we can do?” asked Rep. Linda Cho.",
    "Dr. Helen Park, who studies the region, said the data were incomplete.",
    "More details are available at https://example.org/budget/2024.html for readers.",
    "The agency did not respond to a request for comment.",
    "He said the talks were “constructive” but that “much work remains.”",
    "About 1,200 workers walked off the job on Jan. 5, the union said.",
    "“We will not stop,” she said. “Not now, not ever.”",
    "The report (published in March) found no evidence of fraud.",
    "Gov. Maria Torres said the state would appeal... The ruling stands for now.",
    "Prices rose 0.4 percent in October, the Labor Department reported.",
    "Critics, including the mayor’s own party, said the vote was rushed.",
    "The company, based in Denver, employs roughly 3,000 people in the U.S. and Canada.",
];

/// A deterministic pseudo-random sequence (xorshift).
struct Rng(u64);

impl Rng {
    fn next(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }
}

fn news_text(bytes: usize) -> String {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut text = String::with_capacity(bytes + 4096);
    while text.len() < bytes {
        text.push_str(HEADLINES[rng.next(HEADLINES.len())]);
        text.push('\n');
        text.push_str(BYLINES[rng.next(BYLINES.len())]);
        text.push_str("\n\n");
        for _ in 0..4 + rng.next(6) {
            for s in 0..1 + rng.next(4) {
                if s > 0 {
                    text.push(' ');
                }
                text.push_str(SENTENCES[rng.next(SENTENCES.len())]);
            }
            text.push_str("\n\n");
        }
    }
    text
}

fn best(mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut count = 0;
    for _ in 0..ROUNDS {
        let start = Instant::now();
        count = black_box(f());
        best = best.min(start.elapsed());
    }
    (best, count)
}

fn mb_per_s(bytes: usize, time: Duration) -> f64 {
    bytes as f64 / (1 << 20) as f64 / time.as_secs_f64()
}

fn quotecheck_count(text: &str) -> usize {
    quotecheck::segment(text).1.len()
}

fn main() {
    if std::env::args().any(|a| a == "profile") {
        // `QC_PROFILE_FILE` profiles a text file instead.
        let text = match std::env::var("QC_PROFILE_FILE") {
            Ok(path) => std::fs::read_to_string(path).expect("reading QC_PROFILE_FILE"),
            Err(_) => news_text(PROFILE_BYTES),
        };
        // `QC_PROFILE_ROUNDS` repeats the pass, for sampling profilers.
        let rounds = std::env::var("QC_PROFILE_ROUNDS")
            .ok()
            .and_then(|r| r.parse().ok())
            .unwrap_or(1);
        let mut n = 0;
        for _ in 0..rounds {
            n = black_box(quotecheck_count(black_box(&text)));
        }
        println!(
            "{:.1} MB, {n} sentences",
            text.len() as f64 / (1 << 20) as f64
        );
        return;
    }
    let text = news_text(NEWS_BYTES);
    let mb = text.len() as f64 / (1 << 20) as f64;
    println!("news-like text: {mb:.1} MB");
    let (ours, n_ours) = best(|| quotecheck_count(&text));
    let (uax, n_uax) = best(|| text.split_sentence_bound_indices().count());
    let (ours_speed, uax_speed) = (mb_per_s(text.len(), ours), mb_per_s(text.len(), uax));
    println!("quotecheck::segment        {ours_speed:8.1} MB/s  ({n_ours} sentences)");
    println!("UAX #29 sentence bounds    {uax_speed:8.1} MB/s  ({n_uax} segments)");
    println!("ratio quotecheck / UAX #29 {:8.2}x", ours_speed / uax_speed);
    if std::env::args().any(|a| a == "news") {
        return;
    }

    println!("\npathological inputs (time should double with size):");
    let cases: &[(&str, &str)] = &[
        ("no spaces or punctuation", "x"),
        ("periods", "."),
        ("spaced periods", ". "),
        ("straight quotation marks", "\""),
        ("curly quotation marks", "“”"),
        ("period and closing quote", ".” "),
        ("initials", "A. "),
        ("list markers", "1. 2. 3. "),
        ("short lines", "a\n"),
    ];
    for (name, unit) in cases {
        let mut line = format!("  {name:<26}");
        for size in [1usize << 20, 4 << 20, 10 << 20] {
            let input = unit.repeat(size / unit.len());
            let (time, _) = best(|| quotecheck_count(&input));
            line.push_str(&format!(
                "  {:>3} MB {:>8.2} ms",
                size >> 20,
                time.as_secs_f64() * 1e3
            ));
        }
        println!("{line}");
    }
}
