use crate::chars::CharIndex;
use crate::segment;
use crate::span::Span;
use crate::token::Token;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// What is known about an article besides its text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    pub title: Option<String>,
    /// Publication date: the anchor for relative time expressions.
    pub published: Option<NaiveDate>,
    pub url: Option<String>,
    /// The outlet or site name ("Ukrainska Pravda"), when known.
    pub outlet: Option<String>,
    /// The file the article was read from, when it came from a file.
    pub path: Option<String>,
}

/// A run of paragraphs under one house-style label ("Background:"), or the
/// unlabelled lead before the first label.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Section {
    pub label: Option<String>,
    /// Where the label is written (without its colon).
    pub label_span: Option<Span>,
    pub paragraphs: Range<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The paragraph's body: after its section label, if it has one.
    pub span: Span,
    pub section: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    pub tokens: Range<usize>,
    pub paragraph: usize,
}

/// An article: its original text and the structural layers over it.
#[derive(Clone, Debug)]
pub struct Document {
    text: String,
    meta: Metadata,
    sections: Vec<Section>,
    paragraphs: Vec<Paragraph>,
    sentences: Vec<Sentence>,
    tokens: Vec<Token>,
    headline: Option<Span>,
    chars: CharIndex,
}

impl Document {
    /// Segments `text` into sections, paragraphs, sentences and tokens.
    pub fn new(text: impl Into<String>, meta: Metadata) -> Document {
        let text = text.into();
        let mut sections: Vec<Section> = Vec::new();
        let mut paragraphs = Vec::new();
        let mut sentences = Vec::new();
        let mut tokens = Vec::new();
        let mut ranges = Vec::new();
        for par in segment::paragraphs(&text) {
            let mut body = par;
            if let Some((label, body_start)) = segment::section_label(&text, par) {
                if let Some(last) = sections.last_mut() {
                    last.paragraphs.end = paragraphs.len();
                }
                sections.push(Section {
                    label: Some(text[label.start..label.end].to_string()),
                    label_span: Some(label),
                    paragraphs: paragraphs.len()..paragraphs.len(),
                });
                body = Span::new(body_start, par.end);
                if body.is_empty() {
                    continue; // a label on a line of its own
                }
            } else if sections.is_empty() {
                sections.push(Section {
                    label: None,
                    label_span: None,
                    paragraphs: 0..0,
                });
            }
            let index = paragraphs.len();
            paragraphs.push(Paragraph {
                span: body,
                section: sections.len() - 1,
            });
            ranges.clear();
            segment::sentences(&text, body, &mut tokens, &mut ranges);
            for &(a, b) in &ranges {
                let span = Span::new(tokens[a].span.start, tokens[b - 1].span.end);
                sentences.push(Sentence {
                    span,
                    tokens: a..b,
                    paragraph: index,
                });
            }
        }
        if let Some(last) = sections.last_mut() {
            last.paragraphs.end = paragraphs.len();
        }
        let headline = headline(&text, &paragraphs, &meta);
        let chars = CharIndex::new(&text);
        Document {
            text,
            meta,
            sections,
            paragraphs,
            sentences,
            tokens,
            headline,
            chars,
        }
    }

    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn meta(&self) -> &Metadata {
        &self.meta
    }

    pub fn meta_mut(&mut self) -> &mut Metadata {
        &mut self.meta
    }

    /// The text of a span. Out-of-range or non-boundary spans give "".
    pub fn slice(&self, span: Span) -> &str {
        self.text.get(span.start..span.end).unwrap_or("")
    }

    pub fn sections(&self) -> &[Section] {
        &self.sections
    }

    pub fn paragraphs(&self) -> &[Paragraph] {
        &self.paragraphs
    }

    pub fn sentences(&self) -> &[Sentence] {
        &self.sentences
    }

    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The first paragraph when it is the article's headline: it equals the
    /// metadata title, or it is a single line without a final stop followed by
    /// more text.
    pub fn headline(&self) -> Option<Span> {
        self.headline
    }

    /// The section a paragraph belongs to.
    pub fn section_of_paragraph(&self, paragraph: usize) -> &Section {
        &self.sections[self.paragraphs[paragraph].section]
    }

    /// The index of the sentence containing byte `pos`, if any.
    pub fn sentence_at(&self, pos: usize) -> Option<usize> {
        let i = self.sentences.partition_point(|s| s.span.end <= pos);
        (i < self.sentences.len() && self.sentences[i].span.start <= pos).then_some(i)
    }

    /// The index of the token containing byte `pos`, if any.
    pub fn token_at(&self, pos: usize) -> Option<usize> {
        let i = self.tokens.partition_point(|t| t.span.end <= pos);
        (i < self.tokens.len() && self.tokens[i].span.start <= pos).then_some(i)
    }

    /// The tokens that lie inside `span`, as an index range.
    pub fn token_range(&self, span: Span) -> Range<usize> {
        let a = self.tokens.partition_point(|t| t.span.start < span.start);
        let b = self.tokens.partition_point(|t| t.span.end <= span.end);
        a..b.max(a)
    }

    pub fn token_text(&self, index: usize) -> &str {
        self.slice(self.tokens[index].span)
    }

    /// The normal form of a token ([`crate::words::normal`]: lower case,
    /// curly apostrophes straightened).
    pub fn token_norm(&self, index: usize) -> String {
        crate::words::normal(self.token_text(index))
    }

    /// The shared word classes of a token ([`Token::classes`]).
    pub fn token_classes(&self, index: usize) -> crate::words::WordClasses {
        self.tokens[index].classes(&self.text)
    }

    /// The text of the "Source:" section, when the outlet names where the report
    /// comes from ("President's evening address").
    pub fn source_line(&self) -> Option<&str> {
        let section = self.sections.iter().find(|s| {
            s.label.as_deref().is_some_and(|l| {
                l.eq_ignore_ascii_case("source") || l.eq_ignore_ascii_case("sources")
            })
        })?;
        let par = self.paragraphs.get(section.paragraphs.start)?;
        let s = self.slice(par.span).trim();
        (!s.is_empty() && s.len() < 300).then_some(s)
    }

    /// Character (Unicode scalar) offset of byte offset `pos`.
    pub fn char_offset(&self, pos: usize) -> usize {
        self.chars.char_offset(&self.text, pos.min(self.text.len()))
    }

    /// Byte offset of character offset `ch`, if it is inside the text.
    pub fn byte_offset(&self, ch: usize) -> Option<usize> {
        self.chars.byte_offset(&self.text, ch)
    }
}

fn headline(text: &str, paragraphs: &[Paragraph], meta: &Metadata) -> Option<Span> {
    let first = paragraphs.first()?.span;
    let s = &text[first.start..first.end];
    if let Some(title) = &meta.title {
        if s.trim() == title.trim() {
            return Some(first);
        }
    }
    let looks_like_headline = paragraphs.len() > 1
        && !s.contains('\n')
        && s.len() <= 200
        && !s.ends_with(['.', '!', '?', ':', '"', '”']);
    looks_like_headline.then_some(first)
}

#[cfg(test)]
mod tests {
    use super::*;

    const SEED_LIKE: &str = "President Jane Doe has called on partners.\n\nSource: Evening address\n\nDetails: Doe said \"it is time\". He agreed.\n\nBackground:\n\nOn 8 October, the ministry stated it.";

    #[test]
    fn sections_follow_labels() {
        let doc = Document::new(SEED_LIKE, Metadata::default());
        let labels: Vec<_> = doc.sections().iter().map(|s| s.label.as_deref()).collect();
        assert_eq!(
            labels,
            [None, Some("Source"), Some("Details"), Some("Background")]
        );
        assert_eq!(doc.source_line(), Some("Evening address"));
        assert_eq!(doc.paragraphs().len(), 4);
        let bg = &doc.sections()[3];
        assert_eq!(
            doc.slice(doc.paragraphs()[bg.paragraphs.start].span),
            "On 8 October, the ministry stated it."
        );
        assert_eq!(doc.headline(), None);
    }

    #[test]
    fn sentence_and_token_lookup() {
        let doc = Document::new(SEED_LIKE, Metadata::default());
        let pos = SEED_LIKE.find("He agreed").unwrap();
        let s = doc.sentence_at(pos).unwrap();
        assert_eq!(doc.slice(doc.sentences()[s].span), "He agreed.");
        assert_eq!(doc.token_text(doc.token_at(pos).unwrap()), "He");
        assert_eq!(doc.sentence_at(SEED_LIKE.find("Source").unwrap()), None);
    }

    #[test]
    fn headline_detected() {
        let doc = Document::new(
            "Airbus wins order\n\nAirbus has won an order.",
            Metadata::default(),
        );
        assert_eq!(
            doc.headline().map(|s| doc.slice(s)),
            Some("Airbus wins order")
        );
    }
}
