//! Throughput, scaling and memory of the pipeline on a generated news-like
//! corpus. A plain bench binary (`harness = false`), run with
//!
//! ```sh
//! cargo bench --bench pipeline                 # 50 MB corpus, all sections
//! cargo bench --bench pipeline -- --mb 10      # a smaller corpus
//! cargo bench --bench pipeline -- --write-corpus corpus.jsonl --mb 1000
//! cargo bench --bench pipeline -- --corpus archive.jsonl   # your own articles
//! ```
//!
//! Sections: one-core MB/s for segmentation, quotations with attribution
//! and the full pipeline, with UAX #29 sentence bounds as a baseline in the
//! same run; MB/s per document size from 1 KB to 10 MB (linear time shows
//! as a flat MB/s, the same text cut into documents of each size); MB/s
//! on pathological inputs at 1 MB and 8 MB (a ratio near 1 is linear
//! time, 8 would be quadratic); the batch path (`quotecheck analyze
//! --jsonl`) with 1 and 2 threads; and peak memory (VmHWM).
//!
//! Every library measurement makes one untimed warm-up pass and then
//! reports the fastest of three timed passes, and the batch section the
//! fastest of three runs: on a shared machine, noise only slows a pass
//! down.
//!
//! The corpus is made by a seeded generator from sentence patterns written
//! for this bench, so every run sees the same text. `--corpus FILE` reads
//! the articles from a JSON Lines file instead (records as `quotecheck
//! analyze --jsonl` reads them), to measure on a newsroom's own archive;
//! `--mb` then caps how much of the file is read.

use std::fmt::Write as _;
use std::hint::black_box;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use quotecheck::{Analyzer, Document};

/// The allocator the `quotecheck` binary ships with, so that the library
/// sections measure what the command line does.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
use unicode_segmentation::UnicodeSegmentation;

/// Default corpus size.
const DEFAULT_MB: usize = 50;
/// Document sizes for the scaling section.
const SCALING_SIZES: [usize; 5] = [1_000, 10_000, 100_000, 1_000_000, 10_000_000];
/// Inputs that break naive parsers, as a unit repeated to each size.
const PATHOLOGICAL: &[(&str, &str)] = &[
    ("unbalanced opening marks", "“word "),
    ("unbalanced straight quotes", "\"word "),
    ("title-case quotations", "\"Word Word,\" Word Word "),
    ("nested quotations", "“‘«"),
    ("nested parentheses", "(("),
    ("periods only", "."),
    ("abbreviations", "Mr. Dr. U.S. a.m. St. "),
    ("no punctuation", "word "),
    ("newlines", "\n"),
    ("CR only", "x.\r"),
    ("emoji", "👩‍👩‍👧‍👦🇳🇬. "),
    ("combining marks", "e\u{301}\u{316}"),
];

/// Runs of each batch measurement; the best one counts.
const BATCH_RUNS: usize = 3;
/// Timed passes of each library measurement, after one untimed warm-up
/// pass; the fastest counts, as in the batch section.
const PASSES: usize = 3;
/// A timed pass repeats its work until it has run this long.
const MIN_SECTION_TIME: Duration = Duration::from_millis(500);

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let mb = value_of(&args, "--mb")
        .map(|v| v.parse().expect("--mb takes a number"))
        .unwrap_or(DEFAULT_MB);
    if let Some(path) = value_of(&args, "--write-corpus") {
        let written = write_corpus(Path::new(&path), mb * 1_000_000).expect("writing the corpus");
        eprintln!(
            "wrote {:.1} MB of JSON Lines to {path}",
            written as f64 / 1e6
        );
        return;
    }

    let started = Instant::now();
    let (docs, source) = match value_of(&args, "--corpus") {
        Some(path) => match read_corpus(Path::new(&path), mb * 1_000_000) {
            Ok(docs) => (docs, format!("read from {path}")),
            Err(err) => {
                eprintln!("cannot read the corpus {path}: {err}");
                std::process::exit(2);
            }
        },
        None => (corpus(mb * 1_000_000), "generated".to_owned()),
    };
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    if bytes == 0 {
        eprintln!("the corpus holds no text");
        std::process::exit(2);
    }
    println!(
        "corpus: {} articles, {:.1} MB ({source} in {:.1} s)",
        docs.len(),
        bytes as f64 / 1e6,
        started.elapsed().as_secs_f64()
    );
    let analyzer = Analyzer::default();

    println!("\n== throughput, one core ==");
    let uax = throughput("UAX #29 sentence bounds (baseline)", bytes, || {
        docs.iter()
            .map(|d| d.text.split_sentence_bound_indices().count())
            .sum::<usize>()
    });
    let seg = throughput("segmentation (Analyzer::sentences)", bytes, || {
        docs.iter()
            .map(|d| analyzer.sentences(d).len())
            .sum::<usize>()
    });
    let quotes = throughput("quotations + attribution", bytes, || {
        docs.iter()
            .map(|d| analyzer.quotations(d).len())
            .sum::<usize>()
    });
    let full = throughput("full pipeline (Analyzer::analyze)", bytes, || {
        docs.iter()
            .map(|d| analyzer.analyze(d).claims.len())
            .sum::<usize>()
    });
    println!(
        "ratios to UAX #29: segmentation {:.2}x, quotations {:.2}x, full {:.2}x",
        seg / uax,
        quotes / uax,
        full / uax
    );

    println!("\n== scaling with document size (full pipeline) ==");
    let long = docs.iter().fold(String::new(), |mut s, d| {
        if s.len() < SCALING_SIZES[SCALING_SIZES.len() - 1] {
            s.push_str(&d.text);
            s.push_str("\n\n");
        }
        s
    });
    // The same 10 MB of text, cut into documents of each size, so only
    // the document size changes between rows.
    let mut rates = Vec::new();
    for size in SCALING_SIZES {
        let docs = cut(&long, size);
        let (rate, _) = best_rate(long.len(), MIN_SECTION_TIME, || {
            for doc in &docs {
                black_box(analyzer.analyze(black_box(doc)));
            }
            docs.len()
        });
        rates.push(rate);
        println!(
            "{:>10} bytes x {:>6} documents: {:>8.1} MB/s  {:>8.2} ms per MB",
            size,
            docs.len(),
            rate,
            1e3 / rate
        );
    }
    let (lo, hi) = rates
        .iter()
        .fold((f64::MAX, 0f64), |(lo, hi), &r| (lo.min(r), hi.max(r)));
    println!(
        "MB/s spread across sizes: {:.2}x over a 10,000x range of sizes (1.00x = perfectly linear time)",
        hi / lo
    );

    println!("\n== pathological inputs: MB/s at 1 MB and 8 MB (full pipeline) ==");
    for (name, unit) in PATHOLOGICAL {
        let rates: Vec<f64> = [1_000_000, 8_000_000]
            .iter()
            .map(|&size| {
                let doc = Document::new(*name, unit.repeat(size / unit.len() + 1));
                best_rate(doc.text.len(), MIN_SECTION_TIME / 4, || {
                    black_box(analyzer.analyze(black_box(&doc))).quotes.len()
                })
                .0
            })
            .collect();
        println!(
            "{name:<28} {:>8.1} MB/s  {:>8.1} MB/s  ratio {:.2} (1 = linear, 8 = quadratic)",
            rates[0],
            rates[1],
            rates[0] / rates[1]
        );
    }

    println!("\n== batch path: quotecheck analyze --jsonl ==");
    batch_section(&docs);

    println!("\n== memory ==");
    match peak_memory_kb() {
        Some(kb) => println!(
            "peak resident memory of this bench (VmHWM): {:.1} MB (holds the whole corpus)",
            kb as f64 / 1e3
        ),
        None => println!("peak memory: /proc/self/status not readable here"),
    }
}

fn value_of(args: &[String], name: &str) -> Option<String> {
    let at = args.iter().position(|a| a == name)?;
    args.get(at + 1).cloned()
}

/// Measures `work` over `bytes` of text with [`best_rate`] and prints
/// its MB/s.
fn throughput(name: &str, bytes: usize, work: impl FnMut() -> usize) -> f64 {
    let start = Instant::now();
    let (rate, found) = best_rate(bytes, MIN_SECTION_TIME, work);
    let secs = start.elapsed().as_secs_f64();
    println!(
        "{name:<40} {rate:>9.1} MB/s  ({found} items, best of {PASSES} passes, {secs:.1} s in all)"
    );
    rate
}

/// The MB/s of `work`, which reads `bytes` of text, in the fastest of
/// [`PASSES`] timed passes after one untimed warm-up pass; the last
/// pass's result comes with it. A pass repeats `work` until `min_time`
/// has passed. The warm-up pays one-time costs (the lexicons and model
/// loading, the allocator taking memory from the system); noise on a
/// shared machine only ever slows a pass down, so the fastest pass is
/// the steadiest estimate of the code's own speed.
fn best_rate(bytes: usize, min_time: Duration, mut work: impl FnMut() -> usize) -> (f64, usize) {
    let mut found = black_box(work());
    let mut best = 0f64;
    for _ in 0..PASSES {
        let start = Instant::now();
        let mut runs = 0;
        while runs == 0 || start.elapsed() < min_time {
            found = black_box(work());
            runs += 1;
        }
        best = best.max((bytes * runs) as f64 / 1e6 / start.elapsed().as_secs_f64());
    }
    (best, found)
}

/// `text` cut into documents of about `size` bytes, on char boundaries.
fn cut(text: &str, size: usize) -> Vec<Document> {
    let mut docs = Vec::new();
    let mut start = 0;
    while start < text.len() {
        let mut end = (start + size).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        docs.push(Document::new(
            format!("cut-{}", docs.len()),
            &text[start..end],
        ));
        start = end;
    }
    docs
}

fn batch_section(docs: &[Document]) {
    let binary = env!("CARGO_BIN_EXE_quotecheck");
    let path = std::env::temp_dir().join(format!("quotecheck-bench-{}.jsonl", std::process::id()));
    let mut file = std::io::BufWriter::new(std::fs::File::create(&path).expect("temp file"));
    let mut written = 0;
    for doc in docs {
        let line = serde_json::to_string(doc).expect("documents serialise");
        writeln!(file, "{line}").expect("writing the temp file");
        written += line.len() + 1;
    }
    drop(file);
    let mut single = None;
    for threads in [1, 2] {
        let best = (0..BATCH_RUNS)
            .map(|_| run_batch(binary, &path, threads))
            .reduce(|a, b| match (a, b) {
                (Ok(a), Ok(b)) => Ok(a.min(b)),
                (Err(e), _) | (_, Err(e)) => Err(e),
            })
            .expect("at least one run");
        match best {
            Ok(secs) => {
                let rate = written as f64 / 1e6 / secs;
                let speedup = single.map_or(1.0, |one: f64| rate / one);
                single.get_or_insert(rate);
                println!(
                    "{threads} thread(s): {rate:>8.1} MB/s of JSON Lines ({:.1} MB in {secs:.2} s, best of {BATCH_RUNS}), speed-up {speedup:.2}x",
                    written as f64 / 1e6
                );
            }
            Err(err) => println!("{threads} thread(s): could not run {binary}: {err}"),
        }
    }
    std::fs::remove_file(&path).ok();
}

fn run_batch(binary: &str, path: &PathBuf, threads: usize) -> std::io::Result<f64> {
    let start = Instant::now();
    let status = Command::new(binary)
        .args(["analyze", "--jsonl", "--threads", &threads.to_string()])
        .arg(path)
        .stdout(Stdio::null())
        .status()?;
    if !status.success() {
        return Err(std::io::Error::other(format!("exit status {status}")));
    }
    Ok(start.elapsed().as_secs_f64())
}

fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Writes about `bytes` of corpus as JSON Lines; returns the bytes written.
fn write_corpus(path: &Path, bytes: usize) -> std::io::Result<usize> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    let mut generator = Generator::new(0x5eed);
    let mut written = 0;
    let mut n = 0;
    while written < bytes {
        let doc = generator.article(n);
        let line = serde_json::to_string(&doc).map_err(std::io::Error::other)?;
        writeln!(out, "{line}")?;
        written += line.len() + 1;
        n += 1;
    }
    out.flush()?;
    Ok(written)
}

/// The articles of a JSON Lines file, up to about `bytes` of text.
/// Blank lines are skipped; a record that cannot be read is an error
/// naming its line, since a bench over part of a file would mislead.
fn read_corpus(path: &Path, bytes: usize) -> std::io::Result<Vec<Document>> {
    use std::io::BufRead as _;
    let reader = std::io::BufReader::new(std::fs::File::open(path)?);
    let mut docs = Vec::new();
    let mut total = 0;
    for (n, line) in reader.split(b'\n').enumerate() {
        let line = line?;
        if total >= bytes {
            break;
        }
        if quotecheck::jsonl::is_blank(&line) {
            continue;
        }
        let fallback = format!("line {}", n + 1);
        let record = quotecheck::jsonl::parse_record(&line, &fallback)
            .map_err(|err| std::io::Error::other(format!("line {}: {err}", n + 1)))?;
        total += record.document.text.len();
        docs.push(record.document);
    }
    Ok(docs)
}

/// About `bytes` of articles.
fn corpus(bytes: usize) -> Vec<Document> {
    let mut generator = Generator::new(0x5eed);
    let mut docs = Vec::new();
    let mut total = 0;
    while total < bytes {
        let doc = generator.article(docs.len());
        total += doc.text.len();
        docs.push(doc);
    }
    docs
}

/// A seeded generator of news-like articles: headline, byline, dateline,
/// narrative sentences, direct quotations in several attribution patterns,
/// partial and nested quotations, abbreviations, numbers and some non-ASCII
/// names.
struct Generator {
    state: u64,
}

const FIRST: &[&str] = &[
    "Maria", "John", "Aiko", "Olu", "Priya", "Tomás", "Ingrid", "Wei", "Fatima", "Dmitri", "Grace",
    "Kwame", "Sofia", "Rahul", "Hélène", "Mateo", "Yusuf", "Ana", "Lars", "Chloé",
];
const LAST: &[&str] = &[
    "Okafor",
    "Lindqvist",
    "Tanaka",
    "Moreau",
    "Castillo",
    "Nguyen",
    "Brennan",
    "Haddad",
    "Kowalski",
    "Ibrahim",
    "Schäfer",
    "Duarte",
    "Whitfield",
    "Sato",
    "Mbeki",
    "Ferrante",
];
const TITLES: &[&str] = &[
    "Finance Minister",
    "Mayor",
    "Sen.",
    "Dr.",
    "Gov.",
    "Chief Executive",
    "Prof.",
    "Deputy Director",
    "Rep.",
    "Commissioner",
];
const ROLES: &[&str] = &[
    "a spokesperson for the ministry",
    "the union's chief negotiator",
    "an economist at the central bank",
    "a senior official who asked not to be named",
    "the head of the regional health authority",
    "a lawyer for the families",
    "the company's chief financial officer",
];
const ORGS: &[&str] = &[
    "the Ministry of Transport",
    "the city council",
    "the U.N. refugee agency",
    "Northgate Energy Ltd.",
    "the European Commission",
    "the teachers' union",
    "the Federal Reserve",
    "St. Mary's Hospital",
    "the National Weather Service",
];
const VERBS: &[&str] = &[
    "said",
    "told reporters",
    "added",
    "warned",
    "argued",
    "insisted",
    "noted",
    "wrote in a statement",
    "said on Tuesday",
    "told the committee",
    "explained",
];
const TOPICS: &[&str] = &[
    "the budget",
    "the new rail line",
    "fuel prices",
    "the flood defences",
    "the strike",
    "the vaccine rollout",
    "the trade agreement",
    "housing costs",
    "the harbour project",
    "the school closures",
    "the merger",
    "water rationing",
];
const PLACES: &[&str] = &[
    "LAGOS",
    "OSLO",
    "SÃO PAULO",
    "OSAKA",
    "NAIROBI",
    "MARSEILLE",
    "DENVER",
    "HANOI",
    "KRAKÓW",
    "BEIRUT",
];
const QUOTES: &[&str] = &[
    "We are not going to back down on this",
    "The numbers simply do not add up",
    "Nobody expected the costs to rise this fast",
    "This is the most important decision we will make this decade",
    "We have been warning about this for years, and nobody listened",
    "I think people deserve a straight answer",
    "It is too early to say whether the plan will work",
    "Our members are tired, but they are not giving up",
    "The evidence points in one direction only",
    "We will publish the full report by the end of the month",
    "There is no money left in the fund",
    "Frankly, it was a mistake",
    "Families cannot wait another winter",
    "The law is clear, and we will follow it",
];
const NARRATIVE: &[&str] = &[
    "The proposal would cost about {n} million dollars over five years.",
    "Prices rose {p} percent in the year to March, the fastest pace since 2008.",
    "The vote is expected on Thursday, after a debate that ran past midnight.",
    "Officials from {org} met on Monday to discuss {topic}.",
    "Critics say the plan ignores the needs of rural areas.",
    "About {n},000 people took part in the protest, according to police estimates.",
    "The report, published at 9 a.m. local time, runs to {n} pages.",
    "Shares in the company fell {p} percent in early trading.",
    "Earlier this year, the government promised to review {topic}.",
    "It was not immediately clear how many homes were affected.",
    "The U.S. embassy said it was monitoring the situation.",
    "Negotiations resumed at 2:30 p.m. after a short break.",
    "Temperatures reached {n} degrees in parts of the region (the highest on record).",
    "Is this the end of the dispute? Few people here think so!",
];

impl Generator {
    fn new(seed: u64) -> Self {
        Generator { state: seed }
    }

    /// splitmix64.
    fn next(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    fn name(&mut self) -> String {
        format!("{} {}", self.pick(FIRST), self.pick(LAST))
    }

    fn narrative(&mut self) -> String {
        let template = self.pick(NARRATIVE);
        let n = 2 + self.below(480);
        let p = format!("{}.{}", self.below(12), self.below(10));
        let org = self.pick(ORGS);
        let topic = self.pick(TOPICS);
        template
            .replace("{n}", &n.to_string())
            .replace("{p}", &p)
            .replace("{org}", org)
            .replace("{topic}", topic)
    }

    fn quotation(&mut self) -> String {
        let quote = self.pick(QUOTES);
        let verb = self.pick(VERBS);
        let name = self.name();
        let last = name.rsplit(' ').next().unwrap_or("").to_owned();
        match self.below(8) {
            0 => format!(
                "“{quote},” {verb_first} {name}, {}.",
                self.pick(ROLES),
                verb_first = first_word(verb)
            ),
            1 => format!("“{quote},” {} {name} {verb}.", self.pick(TITLES)),
            2 => format!("{name}, {}, {verb}: “{quote}.”", self.pick(ROLES)),
            3 => format!("“{quote},” {last} {verb}. “{}.”", self.pick(QUOTES)),
            4 => {
                let topic = self.pick(TOPICS);
                format!(
                    "{name} {verb} that {topic} was “{}” and needed review.",
                    lower_first(self.pick(QUOTES))
                )
            }
            5 => format!("\"{quote},\" said {name} of {}.", self.pick(ORGS)),
            6 => format!(
                "“When I asked him, he said ‘{}’ and left,” {} {verb}.",
                lower_first(self.pick(QUOTES)),
                self.name()
            ),
            _ => format!(
                "According to {}, {}.",
                self.pick(ORGS),
                lower_first(self.pick(QUOTES))
            ),
        }
    }

    /// One article of roughly 2 to 8 KB.
    fn article(&mut self, n: usize) -> Document {
        let mut text = String::new();
        let topic = self.pick(TOPICS);
        let _ = write!(
            text,
            "Officials clash over {topic}\n\nBy {}\n\n",
            self.name()
        );
        let _ = write!(text, "{} (Newswire) — ", self.pick(PLACES));
        let paragraphs = 6 + self.below(20);
        for p in 0..paragraphs {
            if p > 0 {
                text.push_str("\n\n");
            }
            let sentences = 1 + self.below(4);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                if self.below(5) < 2 {
                    text.push_str(&self.quotation());
                } else {
                    text.push_str(&self.narrative());
                }
            }
        }
        text.push('\n');
        let mut doc = Document::new(format!("bench-{n:08}"), text);
        doc.outlet = Some("Newswire".to_owned());
        doc.published = Some(format!("2024-{:02}-{:02}", 1 + n % 12, 1 + n % 28));
        doc
    }
}

fn first_word(s: &str) -> &str {
    s.split(' ').next().unwrap_or(s)
}

fn lower_first(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}
