//! The input document.

use serde::{Deserialize, Serialize};

use crate::error::{Error, ErrorKind};

/// One news article: an id and its text, with optional metadata.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// A caller-chosen identifier, such as a file name or archive id.
    pub id: String,
    /// The article text. All spans are byte offsets into it.
    pub text: String,
    /// Where the article was published, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    /// Publication date (ISO 8601, `YYYY-MM-DD` or longer), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub published: Option<String>,
    /// The publisher, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub outlet: Option<String>,
}

impl Document {
    /// Makes a document from an id and its text.
    pub fn new(id: impl Into<String>, text: impl Into<String>) -> Self {
        Document {
            id: id.into(),
            text: text.into(),
            ..Document::default()
        }
    }

    /// Makes a document from raw bytes, which must be UTF-8. The error
    /// names the byte offset of the first invalid byte.
    pub fn from_utf8(id: impl Into<String>, bytes: Vec<u8>) -> Result<Self, Error> {
        let id = id.into();
        match String::from_utf8(bytes) {
            Ok(text) => Ok(Document::new(id, text)),
            Err(e) => Err(Error::new(ErrorKind::InvalidUtf8 {
                offset: e.utf8_error().valid_up_to(),
            })
            .with_source_name(id)),
        }
    }

    /// Makes a document from raw bytes, replacing invalid UTF-8 with U+FFFD.
    pub fn from_utf8_lossy(id: impl Into<String>, bytes: &[u8]) -> Self {
        Document::new(id, String::from_utf8_lossy(bytes).into_owned())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invalid_utf8_names_offset_and_source() {
        let err = Document::from_utf8("a.txt", b"ab\xffc".to_vec()).unwrap_err();
        assert_eq!(err.kind(), &ErrorKind::InvalidUtf8 { offset: 2 });
        assert!(err.to_string().starts_with("a.txt: "));
        assert!(err.to_string().contains("offset 2"));
    }
}
