//! The document model of claimtrail.
//!
//! A [`Document`] owns the original article text, which is never rewritten, and
//! stand-off annotation layers addressed by byte [`Span`]s into it: sections,
//! paragraphs, sentences and tokens. Every later stage (entities, time
//! expressions, quantities, attribution, claims) points into the same text, so
//! each output can be traced back to the exact sentence it came from.
//!
//! Byte spans are the internal currency because they slice `&str` for free.
//! Public outputs use character (Unicode scalar) offsets; [`Document::char_offset`]
//! converts in O(1) amortised time.
//!
//! ```
//! use claimtrail_text::{Document, Metadata};
//! let doc = Document::new("Gen. Smith said it. He left.\n\nQuote: \"No.\"", Metadata::default());
//! assert_eq!(doc.sentences().len(), 3);
//! assert_eq!(doc.sections()[1].label.as_deref(), Some("Quote"));
//! ```

mod chars;
mod document;
pub mod fingerprint;
mod lexicon;
mod segment;
mod span;
mod token;
pub mod words;

pub use document::{Document, Metadata, Paragraph, Section, Sentence};
pub use segment::MAX_SENTENCE_TOKENS;
pub use span::Span;
pub use token::{Token, TokenKind};

/// The lexical helpers the segmenter uses, exposed because other stages need the
/// same notion of an abbreviation or a quotation mark (one definition for all).
pub mod lex {
    pub use crate::lexicon::{is_abbreviation, is_closing_quote, is_opening_quote, is_quote_char};
}
