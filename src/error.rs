//! The library's typed errors.

use std::fmt;

/// An error from the quotecheck library.
#[derive(Debug)]
pub struct Error {
    kind: ErrorKind,
    source_name: Option<String>,
}

/// What went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The input is not valid UTF-8. `offset` is the byte offset of the
    /// first invalid byte.
    InvalidUtf8 {
        /// Byte offset of the first invalid byte.
        offset: usize,
    },
    /// A JSON Lines record could not be read: invalid JSON, no `"text"`,
    /// or a field of the wrong type.
    InvalidRecord {
        /// The record's id, when it could still be read.
        id: Option<String>,
        /// What was wrong, from the JSON parser.
        message: String,
    },
    /// Reading or writing a file failed.
    Io {
        /// What sort of failure.
        kind: std::io::ErrorKind,
        /// The system's message.
        message: String,
    },
    /// A review file is not valid JSON of the expected shape.
    InvalidReviewFile {
        /// Line of the error (1-based).
        line: usize,
        /// Column of the error (1-based).
        column: usize,
        /// What is wrong.
        message: String,
    },
}

impl Error {
    pub(crate) fn new(kind: ErrorKind) -> Self {
        Error {
            kind,
            source_name: None,
        }
    }

    /// Names the file or record the error came from.
    pub fn with_source_name(mut self, name: impl Into<String>) -> Self {
        self.source_name = Some(name.into());
        self
    }

    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(name) = &self.source_name {
            write!(f, "{name}: ")?;
        }
        match &self.kind {
            ErrorKind::InvalidUtf8 { offset } => write!(
                f,
                "not valid UTF-8 at byte offset {offset} (use --lossy to replace invalid bytes)"
            ),
            ErrorKind::InvalidRecord { message, .. } => write!(f, "invalid record: {message}"),
            ErrorKind::Io { message, .. } => write!(f, "{message}"),
            ErrorKind::InvalidReviewFile { message, .. } => {
                write!(f, "not a valid review file: {message}")
            }
        }
    }
}

impl std::error::Error for Error {}
