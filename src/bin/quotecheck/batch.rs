//! Batch mode, `quotecheck analyze --jsonl`: many articles in, one JSON line
//! out per article, in input order, in parallel, in bounded memory.
//!
//! Inputs, by kind:
//! - `-` (and no path at all) is JSON Lines on standard input;
//! - a `.txt` file is one article, whose id is its path;
//! - a folder is walked, in sorted order, for `.txt` articles and
//!   `.jsonl`/`.ndjson` record files; other files are skipped;
//! - any other file is JSON Lines.
//!
//! Every message is one line of JSON, typed like ripgrep's `--json`:
//!
//! ```text
//! {"type":"analysis","source":"a.jsonl","line":3,"data":{…Analysis…}}
//! {"type":"analysis","source":"a.jsonl","line":4,"notes":["…"],"data":{…}}
//! {"type":"error","source":"a.jsonl","line":5,"id":"x","message":"…"}
//! ```
//!
//! `line` is the 1-based line in `source` (absent for `.txt` articles).
//! Blank lines are skipped. A record that cannot be read gives an error
//! message and the run goes on; the exit code is then 1.
//!
//! Threads: one reads, `threads` analyse, the caller's thread writes.
//! Records travel in chunks of up to [`CHUNK_RECORDS`] records or
//! [`CHUNK_BYTES`], so the cost of handing work between threads stays
//! small next to the work; a chunk is also sent whenever the next read
//! could block, so a caller that feeds one record and waits for its answer
//! gets it. At most [`CHUNKS_IN_FLIGHT_PER_THREAD`] × threads chunks are
//! between reading and writing at any time (a token is taken per chunk
//! read and given back when its results are written), so memory is bounded
//! by a few chunks, whatever the size of the corpus, even when one record
//! is slow.

use std::collections::BTreeMap;
use std::fs::File;
use std::io::{self, BufRead, BufReader, IsTerminal, Read, Write};
use std::panic::{self, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, Receiver, SyncSender, TryRecvError};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use crate::input::{self, has_extension};
use crate::json;
use anyhow::Context;
use quotecheck::jsonl::{self, Repairs};
use quotecheck::{Analysis, Analyzer, Document, ErrorKind};
use serde::Serialize;

/// How many chunks each analysing thread may have in flight (read but
/// not yet written). Bounds memory and the reorder buffer.
pub const CHUNKS_IN_FLIGHT_PER_THREAD: usize = 4;

/// The most records in one chunk.
pub const CHUNK_RECORDS: usize = 16;

/// A chunk is sent once its records reach this many bytes.
pub const CHUNK_BYTES: usize = 256 << 10;

/// The longest JSON Lines record read, in bytes (64 MiB). A longer line
/// gives an error message and is skipped without being held in memory.
pub const MAX_RECORD_BYTES: usize = 64 << 20;

/// Capacity of the buffered reader for JSON Lines input.
const READ_BUFFER_BYTES: usize = 1 << 20;

/// How often the progress line is redrawn.
const PROGRESS_EVERY: Duration = Duration::from_millis(250);

/// Where one input comes from.
#[derive(Debug)]
enum Source {
    /// JSON Lines on standard input.
    Stdin,
    /// A JSON Lines file.
    Jsonl(PathBuf),
    /// One plain-text article.
    Text(PathBuf),
}

/// One unit of work: a chunk of records.
struct Job {
    seq: u64,
    items: Vec<Item>,
}

/// One record and where it came from.
struct Item {
    source: Arc<str>,
    line: Option<u64>,
    payload: Payload,
}

impl Item {
    /// The bytes of input it holds.
    fn len(&self) -> usize {
        match &self.payload {
            Payload::Record(bytes) | Payload::Text(bytes) => bytes.len(),
            Payload::ReadError(_) => 0,
        }
    }
}

enum Payload {
    /// One JSON Lines record, without its line end.
    Record(Vec<u8>),
    /// The bytes of a plain-text article.
    Text(Vec<u8>),
    /// The input could not be read.
    ReadError(String),
}

/// The messages of one chunk.
struct Done {
    seq: u64,
    json: Vec<u8>,
    records: u64,
    failed: u64,
    bytes: usize,
}

/// What became of one record, whose message was written to the chunk's
/// output.
struct Message {
    failed: bool,
    bytes: usize,
}

#[derive(Serialize)]
struct AnalysisMessage<'a> {
    r#type: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    notes: Vec<String>,
    data: &'a Analysis,
}

#[derive(Serialize)]
struct ErrorMessage<'a> {
    r#type: &'static str,
    source: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    line: Option<u64>,
    id: Option<&'a str>,
    message: &'a str,
}

/// Runs batch mode over `paths` (standard input when empty) and writes to
/// `out`. Returns the number of failed records.
pub fn run(
    analyzer: &Analyzer,
    paths: &[PathBuf],
    lossy: bool,
    threads: usize,
    out: &mut impl Write,
) -> anyhow::Result<u64> {
    let sources = sources(paths)?;
    let threads = threads.max(1);
    let window = CHUNKS_IN_FLIGHT_PER_THREAD * threads;

    let (token_tx, token_rx) = mpsc::sync_channel::<()>(window);
    for _ in 0..window {
        token_tx.send(()).expect("the receiver is alive");
    }
    let (job_tx, job_rx) = mpsc::sync_channel::<Job>(threads);
    let job_rx = Arc::new(Mutex::new(job_rx));
    let (done_tx, done_rx) = mpsc::channel::<Done>();

    thread::scope(|scope| {
        scope.spawn(move || read_all(&sources, &token_rx, &job_tx));
        for _ in 0..threads {
            let job_rx = Arc::clone(&job_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || analyse_all(analyzer, lossy, &job_rx, &done_tx));
        }
        // Only the workers hold the job receiver and the result sender, so
        // each side sees the other hang up.
        drop(job_rx);
        drop(done_tx);
        // On a write error this returns early and drops the token sender
        // and the result receiver, which stops the reader and the workers.
        write_all(done_rx, token_tx, out)
    })
}

/// Expands the command line into sources.
fn sources(paths: &[PathBuf]) -> anyhow::Result<Vec<Source>> {
    if paths.is_empty() {
        return Ok(vec![Source::Stdin]);
    }
    let mut out = Vec::new();
    for path in paths {
        if path.as_os_str() == "-" {
            out.push(Source::Stdin);
        } else if path.is_dir() {
            walk(path, &mut out).with_context(|| format!("reading folder {}", path.display()))?;
        } else if has_extension(path, &["txt"]) {
            out.push(Source::Text(path.clone()));
        } else {
            out.push(Source::Jsonl(path.clone()));
        }
    }
    Ok(out)
}

/// Collects the articles and record files under `dir`, in sorted order.
fn walk(dir: &Path, out: &mut Vec<Source>) -> io::Result<()> {
    for path in input::walk(dir, &["txt", "jsonl", "ndjson"])? {
        if has_extension(&path, &["txt"]) {
            out.push(Source::Text(path));
        } else {
            out.push(Source::Jsonl(path));
        }
    }
    Ok(())
}

/// Gathers records into chunks and sends them, taking one token per chunk.
struct Chunker<'a> {
    tokens: &'a Receiver<()>,
    jobs: &'a SyncSender<Job>,
    seq: u64,
    items: Vec<Item>,
    bytes: usize,
}

impl Chunker<'_> {
    /// Adds a record; sends the chunk when it is full. Returns false when
    /// the run is stopping.
    fn push(&mut self, source: &Arc<str>, line: Option<u64>, payload: Payload) -> bool {
        self.bytes += match &payload {
            Payload::Record(bytes) | Payload::Text(bytes) => bytes.len(),
            Payload::ReadError(_) => 0,
        };
        self.items.push(Item {
            source: Arc::clone(source),
            line,
            payload,
        });
        if self.items.len() >= CHUNK_RECORDS || self.bytes >= CHUNK_BYTES {
            return self.send();
        }
        true
    }

    /// Sends the records gathered so far, if any.
    fn send(&mut self) -> bool {
        if self.items.is_empty() {
            return true;
        }
        if self.tokens.recv().is_err() {
            return false;
        }
        let job = Job {
            seq: self.seq,
            items: std::mem::take(&mut self.items),
        };
        self.seq += 1;
        self.bytes = 0;
        self.jobs.send(job).is_ok()
    }
}

/// The reader thread: turns sources into chunks of records.
fn read_all(sources: &[Source], tokens: &Receiver<()>, jobs: &SyncSender<Job>) {
    let mut chunker = Chunker {
        tokens,
        jobs,
        seq: 0,
        items: Vec::new(),
        bytes: 0,
    };
    for source in sources {
        let going_on = match source {
            Source::Stdin => read_lines(&Arc::from("<stdin>"), io::stdin().lock(), &mut chunker),
            Source::Jsonl(path) => {
                let name: Arc<str> = Arc::from(path.display().to_string());
                match File::open(path) {
                    Ok(file) => read_lines(&name, file, &mut chunker),
                    Err(err) => chunker.push(&name, None, Payload::ReadError(err.to_string())),
                }
            }
            Source::Text(path) => {
                let name: Arc<str> = Arc::from(path.display().to_string());
                match std::fs::read(path) {
                    Ok(bytes) => chunker.push(&name, None, Payload::Text(bytes)),
                    Err(err) => chunker.push(&name, None, Payload::ReadError(err.to_string())),
                }
            }
        };
        if !going_on {
            return;
        }
    }
    chunker.send();
}

/// Reads JSON Lines records. Returns false when the run is stopping.
fn read_lines(name: &Arc<str>, input: impl Read, chunker: &mut Chunker<'_>) -> bool {
    let mut reader = BufReader::with_capacity(READ_BUFFER_BYTES, input);
    let mut number = 0;
    loop {
        // Nothing buffered: the next read may block (a pipe, a terminal),
        // so hand over what was read so far first.
        if reader.buffer().is_empty() && !chunker.send() {
            return false;
        }
        let mut line = Vec::new();
        let limit = MAX_RECORD_BYTES as u64 + 1;
        match (&mut reader).take(limit).read_until(b'\n', &mut line) {
            Ok(0) => return true,
            Ok(_) => {}
            Err(err) => {
                return chunker.push(name, Some(number + 1), Payload::ReadError(err.to_string()));
            }
        }
        number += 1;
        if line.len() > MAX_RECORD_BYTES && line.last() != Some(&b'\n') {
            // Too long to hold: report it and skip to the next line
            // without buffering the rest.
            let skipped = reader.skip_until(b'\n');
            let message = match skipped {
                Ok(_) => format!("record longer than {MAX_RECORD_BYTES} bytes, skipped"),
                Err(err) => err.to_string(),
            };
            if !chunker.push(name, Some(number), Payload::ReadError(message)) {
                return false;
            }
            continue;
        }
        if number == 1 && line.starts_with(b"\xEF\xBB\xBF") {
            line.drain(..3);
        }
        while line.last().is_some_and(|&b| b == b'\n' || b == b'\r') {
            line.pop();
        }
        if jsonl::is_blank(&line) {
            continue;
        }
        if !chunker.push(name, Some(number), Payload::Record(line)) {
            return false;
        }
    }
}

/// A worker thread: analyses jobs until the reader is done.
fn analyse_all(
    analyzer: &Analyzer,
    lossy: bool,
    jobs: &Mutex<Receiver<Job>>,
    done: &mpsc::Sender<Done>,
) {
    loop {
        let job = match jobs.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        let input: usize = job.items.iter().map(Item::len).sum();
        let mut finished = Done {
            seq: job.seq,
            json: Vec::with_capacity(OUTPUT_PER_INPUT_BYTE * input),
            records: 0,
            failed: 0,
            bytes: 0,
        };
        for item in job.items {
            let message = analyse(analyzer, lossy, item, &mut finished.json);
            finished.records += 1;
            finished.failed += u64::from(message.failed);
            finished.bytes += message.bytes;
        }
        if done.send(finished).is_err() {
            return;
        }
    }
}

fn analyse(analyzer: &Analyzer, lossy: bool, job: Item, out: &mut Vec<u8>) -> Message {
    let source = &*job.source;
    let line = job.line;
    let (document, notes, bytes) = match job.payload {
        Payload::Record(bytes) => {
            let len = bytes.len();
            let fallback = match line {
                Some(n) => format!("{source}:{n}"),
                None => source.to_owned(),
            };
            match jsonl::parse_record(&bytes, &fallback) {
                Ok(record) => (record.document, notes(record.repairs), len),
                Err(err) => {
                    let id = match err.kind() {
                        ErrorKind::InvalidRecord { id, .. } => id.clone(),
                        _ => None,
                    };
                    return failure(source, line, id.as_deref(), &err.to_string(), len, out);
                }
            }
        }
        Payload::Text(bytes) => {
            let len = bytes.len();
            if lossy {
                (Document::from_utf8_lossy(source, &bytes), Vec::new(), len)
            } else {
                match Document::from_utf8(source, bytes) {
                    Ok(doc) => (doc, Vec::new(), len),
                    Err(err) => {
                        return failure(source, line, Some(source), &err.to_string(), len, out);
                    }
                }
            }
        }
        Payload::ReadError(message) => return failure(source, line, None, &message, 0, out),
    };
    // A bug in a stage must not lose the record or stop the run.
    let analysis = match panic::catch_unwind(AssertUnwindSafe(|| analyzer.analyze(&document))) {
        Ok(analysis) => analysis,
        Err(_) => {
            let message = "internal error: the analysis panicked (please report this record)";
            return failure(source, line, Some(&document.id), message, bytes, out);
        }
    };
    let message = AnalysisMessage {
        r#type: "analysis",
        source,
        line,
        notes,
        data: &analysis,
    };
    write_line(out, &message);
    Message {
        failed: false,
        bytes,
    }
}

fn notes(repairs: Repairs) -> Vec<String> {
    let mut notes = Vec::new();
    if repairs.lone_surrogates > 0 {
        notes.push(format!(
            "replaced {} lone surrogate escape(s) with U+FFFD",
            repairs.lone_surrogates
        ));
    }
    if repairs.invalid_utf8 {
        notes.push("replaced invalid UTF-8 with U+FFFD".to_owned());
    }
    notes
}

fn failure(
    source: &str,
    line: Option<u64>,
    id: Option<&str>,
    message: &str,
    bytes: usize,
    out: &mut Vec<u8>,
) -> Message {
    let message = ErrorMessage {
        r#type: "error",
        source,
        line,
        id,
        message,
    };
    write_line(out, &message);
    Message {
        failed: true,
        bytes,
    }
}

/// Bytes of JSON an analysis takes per byte of news text, about: a
/// chunk's output buffer starts this big, so it seldom has to grow and be
/// copied.
const OUTPUT_PER_INPUT_BYTE: usize = 16;

/// Appends `value` to `out` as one line of JSON, with the bytes
/// `serde_json::to_writer` would write (see [`json`]).
fn write_line(out: &mut Vec<u8>, value: &impl Serialize) {
    json::write(out, value).expect("messages always serialise");
    out.push(b'\n');
}

/// The writing side: puts results back in input order, gives a token back
/// per written record, and draws the progress line.
fn write_all(
    done: Receiver<Done>,
    tokens: SyncSender<()>,
    out: &mut impl Write,
) -> anyhow::Result<u64> {
    let mut pending = BTreeMap::new();
    let mut next = 0;
    let mut progress = Progress::new();
    loop {
        // Flush only before waiting, so output streams without a write
        // call per record when results come fast.
        let result = match done.try_recv() {
            Ok(result) => result,
            Err(TryRecvError::Empty) => {
                out.flush()?;
                match done.recv() {
                    Ok(result) => result,
                    Err(_) => break,
                }
            }
            Err(TryRecvError::Disconnected) => break,
        };
        pending.insert(result.seq, result);
        while let Some(result) = pending.remove(&next) {
            out.write_all(&result.json)?;
            progress.record(result.records, result.failed, result.bytes);
            next += 1;
            // The reader may have finished; a closed channel is fine.
            let _ = tokens.send(());
        }
    }
    out.flush()?;
    progress.finish();
    Ok(progress.failed)
}

/// Records/s and MB/s on stderr, only when stderr is a terminal.
struct Progress {
    enabled: bool,
    start: Instant,
    last_drawn: Instant,
    records: u64,
    failed: u64,
    bytes: u64,
}

impl Progress {
    fn new() -> Self {
        let now = Instant::now();
        Progress {
            enabled: io::stderr().is_terminal(),
            start: now,
            last_drawn: now,
            records: 0,
            failed: 0,
            bytes: 0,
        }
    }

    fn record(&mut self, records: u64, failed: u64, bytes: usize) {
        self.records += records;
        self.failed += failed;
        self.bytes += bytes as u64;
        if self.enabled && self.last_drawn.elapsed() >= PROGRESS_EVERY {
            self.last_drawn = Instant::now();
            self.draw();
        }
    }

    fn draw(&self) {
        let secs = self.start.elapsed().as_secs_f64().max(1e-9);
        eprint!(
            "\r{} records, {} failed, {:.0} records/s, {:.1} MB/s   ",
            self.records,
            self.failed,
            self.records as f64 / secs,
            self.bytes as f64 / 1e6 / secs
        );
    }

    fn finish(&self) {
        if self.enabled {
            self.draw();
            eprintln!();
        }
    }
}
