//! quotecheck reads news articles and tells an editor who said what.
//!
//! The pipeline runs in stages over one immutable text. Each stage adds a
//! layer of spans, and every span is a UTF-8 byte range into the original
//! input:
//!
//! ```text
//! text ─▶ paragraphs ─▶ sentences ─▶ quotations ─▶ attributions ─▶ speakers ─▶ claims
//! ```
//!
//! ```
//! use quotecheck::{Analyzer, Document};
//!
//! let doc = Document::new("example", "“We will win,” Jane Doe said.");
//! let analysis = Analyzer::default().analyze(&doc);
//! assert_eq!(analysis.sentences.len(), 1);
//! ```
#![deny(missing_docs)]

mod analysis;
mod attribute;
mod claim;
mod document;
mod entity;
mod error;
mod grammar;
pub mod jsonl;
mod quote;
mod report;
mod review;
mod segment;
mod span;

pub use analysis::{Analysis, Analyzer, Options};
pub use attribute::{Cue, Mention, Speaker, SpeakerKind, SpeakerMention};
pub use claim::{
    Claim, ClaimKind, ClaimSource, Evidence, MentionValue, Normalized, check_worthiness,
    check_worthiness_threshold, checkworthy_features, claim_id,
};
pub use document::Document;
pub use error::{Error, ErrorKind};
pub use quote::{Quote, QuoteKind};
pub use report::{Format, ReportOptions, claim_reviews, render};
pub use review::{MergeOutcome, REVIEW_FILE_VERSION, Review, ReviewFile, Status};
pub use segment::{Paragraph, ParagraphKind, Sentence, segment};
pub use span::Span;
