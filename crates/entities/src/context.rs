//! The token view the entity stages share: each token's text, normalised form,
//! shape facts and sentence, computed once per document.

use crate::lexicon::norm;
use claimtrail_text::{Document, Span, TokenKind};
use std::ops::Range;

#[derive(Clone, Debug)]
pub struct Tok<'a> {
    pub text: &'a str,
    pub norm: String,
    pub span: Span,
    pub kind: TokenKind,
    /// Starts with an upper-case letter.
    pub cap: bool,
    /// Index of its sentence in [`Ctx::sentences`].
    pub sent: usize,
}

impl Tok<'_> {
    /// Upper case throughout, with at least two letters ("NIS", "U.S.").
    pub fn all_caps(&self) -> bool {
        let mut letters = 0;
        for c in self.text.chars() {
            if c.is_lowercase() {
                return false;
            }
            letters += usize::from(c.is_alphabetic());
        }
        letters >= 2
    }

    /// The text without a final abbreviation period ("Gen." -> "gen").
    pub fn bare(&self) -> &str {
        self.norm
            .strip_suffix('.')
            .filter(|s| !s.is_empty())
            .unwrap_or(&self.norm)
    }

    pub fn is(&self, word: &str) -> bool {
        self.norm == word
    }
}

/// A document's tokens and sentences, as the entity stages read them.
pub struct Ctx<'a> {
    pub toks: Vec<Tok<'a>>,
    pub sentences: Vec<Range<usize>>,
    /// Normalised forms that occur in lower case somewhere in the document:
    /// a capitalised sentence opener with such a form is an ordinary word.
    pub lower_forms: crate::fxhash::FastSet<String>,
    /// Tokens the POS tagger calls proper nouns (empty without a tagger).
    pub propn: Vec<bool>,
    /// Tokens the POS tagger calls nouns, proper nouns or foreign words: what
    /// an unknown name can be (empty without a tagger).
    pub noun_like: Vec<bool>,
    /// Tokens the POS tagger's training never saw as a common word (empty
    /// without a tagger): candidates for unknown names.
    pub uncommon: Vec<bool>,
    /// Normalised forms written capitalised where case is free (not opening a
    /// sentence or clause): a sentence opener with such a form is a name
    /// ("Zelenskyy called for ..." after "President Volodymyr Zelenskyy").
    pub capitalised_inside: crate::fxhash::FastSet<String>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document) -> Ctx<'a> {
        let mut toks = Vec::with_capacity(doc.tokens().len());
        let mut sentences = Vec::with_capacity(doc.sentences().len());
        for (si, s) in doc.sentences().iter().enumerate() {
            let start = toks.len();
            for t in &doc.tokens()[s.tokens.clone()] {
                toks.push(tok(doc.slice(t.span), t.span, t.kind, si));
            }
            sentences.push(start..toks.len());
        }
        Ctx::finish(toks, sentences)
    }

    /// A context over pre-tokenised sentences (CoNLL input). Spans are offsets
    /// into the sentences joined by single spaces, as [`Ctx::joined`] returns.
    pub fn from_tokens(sentences_in: &[Vec<&'a str>]) -> Ctx<'a> {
        let mut toks = Vec::new();
        let mut sentences = Vec::new();
        let mut pos = 0;
        for (si, words) in sentences_in.iter().enumerate() {
            let start = toks.len();
            for w in words {
                let kind = token_kind(w);
                toks.push(tok(w, Span::new(pos, pos + w.len()), kind, si));
                pos += w.len() + 1;
            }
            sentences.push(start..toks.len());
        }
        Ctx::finish(toks, sentences)
    }

    fn finish(toks: Vec<Tok<'a>>, sentences: Vec<Range<usize>>) -> Ctx<'a> {
        let lower_forms = toks
            .iter()
            .filter(|t| t.text.chars().next().is_some_and(char::is_lowercase))
            .map(|t| t.norm.clone())
            .collect();
        let mut ctx = Ctx {
            toks,
            sentences,
            lower_forms,
            propn: Vec::new(),
            noun_like: Vec::new(),
            uncommon: Vec::new(),
            capitalised_inside: Default::default(),
        };
        ctx.capitalised_inside = (0..ctx.toks.len())
            .filter(|&i| ctx.toks[i].cap && !ctx.toks[i].all_caps() && !ctx.opens_clause(i))
            .map(|i| ctx.toks[i].norm.clone())
            .collect();
        ctx
    }

    /// Records the part-of-speech tags (one per token) the rules consult.
    pub fn set_tags(&mut self, tags: &[&str]) {
        if tags.len() == self.toks.len() && tags.iter().any(|t| *t != "X") {
            self.propn = tags.iter().map(|t| *t == "PROPN").collect();
            self.noun_like = tags
                .iter()
                .map(|t| matches!(*t, "PROPN" | "NOUN" | "X"))
                .collect();
        }
    }

    /// Records which tokens are not common words, by `is_common(norm)`; the
    /// plural of a common noun ("dealers", "traders") is a common word too.
    pub fn set_common(&mut self, is_common: impl Fn(&str) -> bool) {
        let common = |w: &str| {
            is_common(w)
                || w.strip_suffix('s')
                    .is_some_and(|stem| stem.len() >= 3 && !stem.ends_with('s') && is_common(stem))
        };
        self.uncommon = self.toks.iter().map(|t| !common(&t.norm)).collect();
    }

    /// Whether token `i` opens its sentence, a quotation or a clause after a colon
    /// or dash: where any word is capitalised.
    pub fn opens_clause(&self, i: usize) -> bool {
        let s = &self.sentences[self.toks[i].sent];
        let mut j = i;
        while j > s.start {
            let prev = &self.toks[j - 1];
            match prev.kind {
                TokenKind::Quote => j -= 1,
                TokenKind::Punct
                    if matches!(
                        prev.text,
                        "(" | "[" | "-" | "–" | "—" | ":" | "•" | "..." | "." | "?" | "!"
                    ) =>
                {
                    return true
                }
                _ => return false,
            }
        }
        true
    }
}

fn tok<'a>(text: &'a str, span: Span, kind: TokenKind, sent: usize) -> Tok<'a> {
    let cap = text.chars().next().is_some_and(char::is_uppercase);
    Tok {
        text,
        norm: norm(text),
        span,
        kind,
        cap,
        sent,
    }
}

/// The kind the tokenizer would give a pre-split token, from its first character.
pub fn token_kind(w: &str) -> TokenKind {
    let c = w.chars().next().unwrap_or(' ');
    if c.is_alphabetic() {
        TokenKind::Word
    } else if c.is_ascii_digit() {
        TokenKind::Number
    } else if claimtrail_text::lex::is_quote_char(c) && w.chars().count() == 1 {
        TokenKind::Quote
    } else if w.starts_with('\'') && w.len() > 1 {
        TokenKind::Word
    } else if c.is_ascii_punctuation() && !matches!(c, '$' | '%' | '&' | '#' | '@' | '+') {
        TokenKind::Punct
    } else {
        TokenKind::Symbol
    }
}
