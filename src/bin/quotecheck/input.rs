//! Reading articles from files, standard input or the embedded seed.

use std::io::Read;
use std::path::PathBuf;

use anyhow::Context;
use clap::Args;
use quotecheck::Document;

/// The seed article, built into the binary as the default input.
const SEED: &str = include_str!("../../../seeds/blinken-lavrov-g20.txt");

/// The embedded seed article.
pub fn seed() -> Document {
    Document::new("seeds/blinken-lavrov-g20.txt", SEED)
}

/// Where articles come from.
#[derive(Args, Debug)]
pub struct InputArgs {
    /// Article files to read; `-` reads standard input. With none, the
    /// embedded seed article is used.
    #[arg(value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// Replace invalid UTF-8 with U+FFFD instead of failing.
    #[arg(long)]
    pub lossy: bool,
}

impl InputArgs {
    /// Reads every named document, or the seed when none is named.
    pub fn documents(&self) -> anyhow::Result<Vec<Document>> {
        if self.files.is_empty() {
            return Ok(vec![seed()]);
        }
        self.files.iter().map(|path| self.read(path)).collect()
    }

    fn read(&self, path: &PathBuf) -> anyhow::Result<Document> {
        let (name, bytes) = if path.as_os_str() == "-" {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .context("reading standard input")?;
            ("<stdin>".to_owned(), buf)
        } else {
            let bytes =
                std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
            (path.display().to_string(), bytes)
        };
        if self.lossy {
            Ok(Document::from_utf8_lossy(name, &bytes))
        } else {
            Ok(Document::from_utf8(name, bytes)?)
        }
    }
}
