//! The `quotecheck` command line: reads arguments, calls the library and
//! prints. Exit codes: 0 success, 1 some input failed, 2 usage error.

mod batch;
mod eval;
mod input;
mod json;
mod output;
mod report;
mod review;

use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use quotecheck::Analyzer;

use input::InputArgs;

/// The pipeline makes many small, short-lived allocations; mimalloc
/// serves them faster than the system allocator, and keeps per-thread
/// heaps for batch mode.
#[cfg(feature = "mimalloc")]
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Finds who said what in news articles.
#[derive(Parser)]
#[command(name = "quotecheck", version, about)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Split articles into sentences.
    Sentences {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Analyse articles: sentences, quotations, speakers and claims.
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Batch mode: read JSON Lines records (`-` or no FILE: standard
        /// input), `.txt` articles and folders of them; write one JSON line
        /// per record, in input order. See the README.
        #[arg(long, conflicts_with = "format")]
        jsonl: bool,
        /// Threads that analyse in batch mode (default: one per core).
        #[arg(long, requires = "jsonl", value_name = "N")]
        threads: Option<usize>,
    },
    /// Report on articles: text, markdown, json, jsonl or claimreview.
    Report(report::ReportArgs),
    /// Keep a review file of the article's claims and record verdicts.
    Review(review::ReviewArgs),
    /// Score quotations, speakers and cues against an annotated corpus.
    Eval {
        #[command(subcommand)]
        corpus: EvalCorpus,
    },
}

/// Corpora that `eval` can read.
#[derive(Subcommand)]
enum EvalCorpus {
    /// A folder laid out like PolNeAR: text/*.txt and attributions/*.ann.
    Polnear {
        /// The folder (for example ../shared/corpora/polnear/dev).
        dir: std::path::PathBuf,
        /// Print each article's errors.
        #[arg(long)]
        errors: bool,
        /// Print the scores as one JSON object.
        #[arg(long)]
        json: bool,
    },
}

/// Output format of `sentences` and `analyze`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Format {
    /// A readable report.
    Text,
    /// One JSON object per document.
    Json,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("quotecheck: {err:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let analyzer = Analyzer::default();
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match cli.command {
        None => {
            let doc = input::seed();
            report::write_text(&mut out, &doc, &analyzer.analyze(&doc))?;
        }
        Some(Command::Sentences { input, format }) => {
            for doc in input.documents()? {
                let analysis = analyzer.analyze(&doc);
                match format {
                    Format::Text => output::write_sentences(&mut out, &analysis)?,
                    Format::Json => {
                        output::write_json(&mut out, &output::SentencesOnly::of(&analysis))?
                    }
                }
            }
        }
        Some(Command::Analyze {
            input,
            jsonl: true,
            threads,
            ..
        }) => {
            let threads = threads
                .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
            let failed = batch::run(&analyzer, &input.files, input.lossy, threads, &mut out)?;
            out.flush()?;
            if failed > 0 {
                return Ok(ExitCode::FAILURE);
            }
        }
        Some(Command::Analyze { input, format, .. }) => {
            for doc in input.documents()? {
                let analysis = analyzer.analyze(&doc);
                match format {
                    Format::Text => report::write_text(&mut out, &doc, &analysis)?,
                    Format::Json => output::write_json(&mut out, &analysis)?,
                }
            }
        }
        Some(Command::Report(args)) => report::run(args, &analyzer, &mut out)?,
        Some(Command::Review(args)) => review::run(args, &analyzer, &mut out)?,
        Some(Command::Eval {
            corpus: EvalCorpus::Polnear { dir, errors, json },
        }) => eval::polnear(&dir, errors, json, &mut out)?,
    }
    out.flush()?;
    Ok(ExitCode::SUCCESS)
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|e| e.kind() == io::ErrorKind::BrokenPipe)
    })
}
