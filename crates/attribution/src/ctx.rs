//! Per-document token view shared by the attribution passes: each token's
//! lexicon entry and the quote it lies in, computed once.

use crate::lexicon::{self, class, WordInfo};
use crate::quotes::QuoteSpan;
use claimtrail_text::{Document, Span, TokenKind};
use std::cell::OnceCell;
use std::ops::Range;

pub(crate) const NO_QUOTE: u32 = u32::MAX;

/// Tokens the frames look for ahead of a cue, up to the end of its sentence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ahead {
    /// Where indirect content ends: a semicolon or a concessive ", though"
    /// outside quotes.
    ContentStop,
    /// The word "as" ("described X as Y").
    As,
    /// A quote mark or "that" (a clause follows), or the end of a cue's
    /// clause: a comma or a conjunction before another cue.
    ClauseMark,
}

/// Stretches up to this many tokens are scanned directly; past it a table of
/// next positions (built once per document) answers, so that a sentence with
/// thousands of cues stays linear.
const DIRECT_SCAN: usize = 64;

pub(crate) struct Ctx<'a> {
    pub doc: &'a Document,
    pub info: Vec<WordInfo>,
    /// The outermost quote each token lies in (marks included), or [`NO_QUOTE`].
    pub quote_of: Vec<u32>,
    pub quotes: Vec<QuoteSpan>,
    /// For each [`Ahead`] and token, the first token at or after it that
    /// matches (or the token count); built on the first long look-ahead.
    ahead: OnceCell<[Vec<u32>; 3]>,
}

impl<'a> Ctx<'a> {
    pub fn new(doc: &'a Document, quotes: Vec<QuoteSpan>) -> Ctx<'a> {
        let mut buf = String::new();
        let info: Vec<WordInfo> = doc
            .tokens()
            .iter()
            .map(|t| match t.kind {
                TokenKind::Word => lexicon::lookup(doc.slice(t.span), &mut buf),
                _ => WordInfo::default(),
            })
            .collect();
        let mut quote_of = vec![NO_QUOTE; doc.tokens().len()];
        for (qi, q) in quotes.iter().enumerate() {
            let r = doc.token_range(q.span);
            for slot in &mut quote_of[r] {
                *slot = qi as u32;
            }
        }
        Ctx {
            doc,
            info,
            quote_of,
            quotes,
            ahead: OnceCell::new(),
        }
    }

    /// Whether token `t` is what `what` looks for.
    fn matches(&self, what: Ahead, t: usize) -> bool {
        match what {
            Ahead::ContentStop => {
                let concessive = self.is_punct(t, ",") && self.is(t + 1, class::CONCESSIVE);
                (self.is_punct(t, ";") || concessive) && !self.in_quote(t)
            }
            Ahead::As => self.is(t, class::AS),
            Ahead::ClauseMark => {
                self.is_quote_mark(t)
                    || self.is(t, class::THAT)
                    || self.is_punct(t, ",")
                    || (self.is(t, class::CONJ)
                        && self.info.get(t + 1).is_some_and(|w| w.cue.is_some()))
            }
        }
    }

    /// The first token of `k..end` that `what` looks for: `(k..end).find(..)`
    /// in constant time over long stretches.
    pub fn ahead(&self, what: Ahead, k: usize, end: usize) -> Option<usize> {
        if end <= k + DIRECT_SCAN {
            return (k..end).find(|&t| self.matches(what, t));
        }
        let tables = self.ahead.get_or_init(|| {
            let n = self.doc.tokens().len();
            [Ahead::ContentStop, Ahead::As, Ahead::ClauseMark].map(|what| {
                let mut next = vec![n as u32; n + 1];
                for t in (0..n).rev() {
                    next[t] = if self.matches(what, t) {
                        t as u32
                    } else {
                        next[t + 1]
                    };
                }
                next
            })
        });
        let at = *tables[what as usize].get(k)? as usize;
        (at < end).then_some(at)
    }

    // Out-of-range indices read as an empty symbol, so that no walk can panic.

    pub fn text(&self, i: usize) -> &str {
        self.doc
            .tokens()
            .get(i)
            .map_or("", |t| self.doc.slice(t.span))
    }

    pub fn is(&self, i: usize, c: u128) -> bool {
        self.info.get(i).is_some_and(|w| w.is(c))
    }

    pub fn kind(&self, i: usize) -> TokenKind {
        self.doc
            .tokens()
            .get(i)
            .map_or(TokenKind::Symbol, |t| t.kind)
    }

    /// Case-insensitive comparison with a lower-case ASCII word.
    pub fn eq(&self, i: usize, w: &str) -> bool {
        let t = self.text(i);
        t.eq_ignore_ascii_case(w)
            || (t.contains('’') && t.replace('’', "'").eq_ignore_ascii_case(w))
    }

    /// A weekday name of the shared word table, singular ("Monday", not "Mondays").
    pub fn is_weekday(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word
            && claimtrail_text::words::weekday(self.text(i)).is_some_and(|d| !d.plural)
    }

    pub fn eq_any(&self, i: usize, ws: &[&str]) -> bool {
        ws.iter().any(|w| self.eq(i, w))
    }

    pub fn is_cap(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Word && self.text(i).starts_with(char::is_uppercase)
    }

    pub fn is_punct(&self, i: usize, p: &str) -> bool {
        self.kind(i) == TokenKind::Punct && self.text(i) == p
    }

    pub fn is_quote_mark(&self, i: usize) -> bool {
        self.kind(i) == TokenKind::Quote
    }

    pub fn in_quote(&self, i: usize) -> bool {
        self.quote_of.get(i).is_some_and(|&q| q != NO_QUOTE)
    }

    /// The quote whose opening mark is token `i`.
    pub fn opens_quote(&self, i: usize) -> Option<usize> {
        let q = self.quote_of.get(i).copied().filter(|&q| q != NO_QUOTE)? as usize;
        (self.quotes[q].open_tok == i).then_some(q)
    }

    /// The quote whose closing mark is token `i`.
    pub fn closes_quote(&self, i: usize) -> Option<usize> {
        let q = self.quote_of.get(i).copied().filter(|&q| q != NO_QUOTE)? as usize;
        (self.quotes[q].close_tok == Some(i)).then_some(q)
    }

    /// A content word: a word that is not a function word, a cue or a common verb.
    pub fn is_nounish(&self, i: usize) -> bool {
        use class::*;
        self.kind(i) == TokenKind::Word
            && !self.is(
                i,
                DET | PREP | SUBJ_PRON | OBJ_PRON | CONJ | SUB | AUX | MODAL | NEG | VERB,
            )
            && (self.info[i].cue.is_none() || self.is_cap(i))
    }

    /// A content word, or a cue word used as a noun after a determiner or a
    /// modifier ("a statement", "some reports", "the press conference").
    pub fn is_noun_like(&self, i: usize) -> bool {
        use crate::lexicon::Form;
        self.is_nounish(i)
            || (i > 0
                && self.kind(i) == TokenKind::Word
                && self.info[i]
                    .cue
                    .is_some_and(|c| matches!(c.form, Form::Base | Form::S | Form::Ing))
                && (self.is(i - 1, class::DET)
                    || self.is_nounish(i - 1)
                    || self.is_possessive(i - 1)))
    }

    /// Possessive clitic ('s, ’s) or a bare apostrophe after a plural.
    pub fn is_possessive(&self, i: usize) -> bool {
        let t = self.text(i);
        matches!(t, "'s" | "’s" | "'S" | "’S")
            || (self.kind(i) == TokenKind::Quote
                && matches!(t, "'" | "’")
                && self.quote_of[i] == NO_QUOTE)
    }

    pub fn span(&self, r: Range<usize>) -> Span {
        let t = self.doc.tokens();
        if r.is_empty() {
            let pos = t
                .get(r.start)
                .map_or(self.doc.text().len(), |x| x.span.start);
            return Span::new(pos, pos);
        }
        Span::new(t[r.start].span.start, t[r.end - 1].span.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;
    use claimtrail_text::Metadata;

    #[test]
    fn long_look_ahead_agrees_with_a_scan() {
        let text = "He said that the war, though long, would end; she described it as \"over\" and said so. "
            .repeat(40);
        let doc = Document::new(text.replace(". ", " "), Metadata::default());
        let pars = quotes::paragraph_tokens(&doc);
        let ctx = Ctx::new(&doc, quotes::find_quotes(&doc, &pars));
        let n = doc.tokens().len();
        assert!(n > 4 * DIRECT_SCAN);
        for what in [Ahead::ContentStop, Ahead::As, Ahead::ClauseMark] {
            for k in (0..n).step_by(7) {
                for end in [k, k + 3, k + DIRECT_SCAN + 5, n] {
                    let end = end.min(n);
                    let scan = (k..end).find(|&t| ctx.matches(what, t));
                    assert_eq!(ctx.ahead(what, k, end), scan, "{what:?} {k}..{end}");
                }
            }
        }
    }
}
