//! Reading articles from files, standard input or the embedded seed.

use std::io::{self, Read};
use std::path::{Path, PathBuf};

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
    /// Reads every named document, or the seed when none is named. A
    /// folder stands for the `.txt` articles in it and its subfolders, in
    /// sorted order.
    pub fn documents(&self) -> anyhow::Result<Vec<Document>> {
        if self.files.is_empty() {
            return Ok(vec![seed()]);
        }
        let mut docs = Vec::new();
        for path in &self.files {
            if path.as_os_str() != "-" && path.is_dir() {
                let files = walk(path, &["txt"])
                    .with_context(|| format!("reading folder {}", path.display()))?;
                if files.is_empty() {
                    anyhow::bail!("folder {} holds no .txt articles", path.display());
                }
                for file in files {
                    docs.push(self.read(&file)?);
                }
            } else {
                docs.push(self.read(path)?);
            }
        }
        Ok(docs)
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

/// The files under `dir` whose extension is one of `extensions` (any
/// case): a folder's files in sorted order, then its subfolders, each in
/// sorted order. Iterative, so deep folder trees cannot overflow the stack.
pub fn walk(dir: &Path, extensions: &[&str]) -> io::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut pending = vec![dir.to_path_buf()];
    while let Some(dir) = pending.pop() {
        let mut entries = std::fs::read_dir(&dir)?
            .map(|e| e.map(|e| e.path()))
            .collect::<io::Result<Vec<_>>>()?;
        entries.sort();
        let mut subdirs = Vec::new();
        for path in entries {
            if path.is_dir() {
                subdirs.push(path);
            } else if has_extension(&path, extensions) {
                out.push(path);
            }
        }
        pending.extend(subdirs.into_iter().rev());
    }
    Ok(out)
}

/// Whether `path` ends in one of `extensions`, ignoring case.
pub fn has_extension(path: &Path, extensions: &[&str]) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| extensions.iter().any(|x| e.eq_ignore_ascii_case(x)))
}
