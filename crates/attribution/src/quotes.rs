//! Direct quotations: pairing quotation marks across a document.
//!
//! Marks of every news style are paired: straight and curly double and single
//! quotes, « » and ‹ ›. A straight mark opens or closes by which side of it
//! touches a word (flanking), falling back to whether a quote is open. Quotes
//! inside quotes are tracked so that the inner closing mark does not end the
//! outer quote; only outermost quotes are returned. A paragraph that ends
//! inside a quote continues in the next paragraph of the same section (the
//! news convention for long quotes; the next paragraph may repeat the opening
//! mark), up to [`MAX_CONTINUATION`] paragraphs; a quote that never closes ends
//! with its first paragraph.
//!
//! One left-to-right pass over the quotation-mark tokens; a failed
//! continuation rescans at most [`MAX_CONTINUATION`] paragraphs.

use claimtrail_text::{Document, Span, TokenKind};
use std::ops::Range;

/// How many paragraphs a quote may continue into.
const MAX_CONTINUATION: usize = 8;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Double,
    Single,
    Guillemet,
    SingleGuillemet,
}

/// The open quotes, innermost last, indexed by kind so that each mark is
/// applied in constant time (a run of 100,000 opening marks must not make
/// every mark scan all the open ones).
#[derive(Clone, Debug, Default)]
struct Stack {
    opens: Vec<Open>,
    /// For each kind, the positions in `opens` of the quotes of that kind.
    by_kind: [Vec<usize>; 4],
    /// How many open quotes were opened by „.
    low: usize,
}

impl Stack {
    fn with(open: Open) -> Stack {
        let mut s = Stack::default();
        s.push(open);
        s
    }

    fn first(&self) -> Option<&Open> {
        self.opens.first()
    }

    fn push(&mut self, open: Open) {
        self.by_kind[open.kind as usize].push(self.opens.len());
        self.low += usize::from(open.low);
        self.opens.push(open);
    }

    /// The position of the innermost open quote of `kind`.
    fn last_of(&self, kind: Kind) -> Option<usize> {
        self.by_kind[kind as usize].last().copied()
    }

    /// Closes the quote at `pos` and every quote inside it.
    fn truncate(&mut self, pos: usize) {
        while self.opens.len() > pos {
            let Some(o) = self.opens.pop() else { break };
            self.by_kind[o.kind as usize].pop();
            self.low -= usize::from(o.low);
        }
    }
}

#[derive(Clone, Copy, Debug)]
struct Open {
    kind: Kind,
    tok: usize,
    /// Opened by „ (German style closes with “).
    low: bool,
}

/// One outermost quotation.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct QuoteSpan {
    /// From the opening mark to the closing mark, both included.
    pub span: Span,
    /// The opening mark's token.
    pub open_tok: usize,
    /// The closing mark's token; None when the quote never closed.
    pub close_tok: Option<usize>,
    /// The span cut at paragraph boundaries: one fragment per paragraph.
    pub fragments: Vec<Span>,
    /// Words and numbers inside.
    pub words: usize,
}

/// The token ranges of each paragraph, from the sentence layer.
pub(crate) fn paragraph_tokens(doc: &Document) -> Vec<Range<usize>> {
    let mut out: Vec<Range<usize>> = vec![0..0; doc.paragraphs().len()];
    for s in doc.sentences() {
        let r = &mut out[s.paragraph];
        if r.start == r.end {
            *r = s.tokens.clone();
        } else {
            r.end = s.tokens.end;
        }
    }
    out
}

/// All outermost quotes of the document, sorted by start.
pub(crate) fn find_quotes(doc: &Document, pars: &[Range<usize>]) -> Vec<QuoteSpan> {
    let mut out = Vec::new();
    let mut p = 0;
    let mut from = pars.first().map_or(0, |r| r.start);
    while p < pars.len() {
        let mut stack = Stack::default();
        let mut t = from.max(pars[p].start);
        while t < pars[p].end {
            step(doc, t, &mut stack, |open, close| {
                out.push(make(doc, pars, open, Some(close), p, p))
            });
            t += 1;
        }
        let mut next = p + 1;
        let mut resume = pars.get(next).map_or(0, |r| r.start);
        if let Some(outer) = stack.first().copied() {
            if let Some((q, close)) = continuation(doc, pars, p, outer) {
                out.push(make(doc, pars, outer, Some(close), p, q));
                next = q;
                resume = close + 1;
            } else if outer.kind != Kind::Single
                || doc.text()[doc.tokens()[outer.tok].span.start..].starts_with('‘')
            {
                // A quote whose closing mark is missing: it ends with its paragraph.
                // (A lone straight single mark is far more often an apostrophe.)
                out.push(make(doc, pars, outer, None, p, p));
            }
        }
        p = next;
        from = resume;
    }
    out.sort_by_key(|q| q.span.start);
    out
}

/// Follows an open quote into the next paragraphs; returns the paragraph and
/// token where it closes.
fn continuation(
    doc: &Document,
    pars: &[Range<usize>],
    p: usize,
    outer: Open,
) -> Option<(usize, usize)> {
    let section = doc.paragraphs()[p].section;
    if outer.kind == Kind::Single
        && !doc.text()[doc.tokens()[outer.tok].span.start..].starts_with('‘')
    {
        return None;
    }
    for (q, range) in pars.iter().enumerate().skip(p + 1).take(MAX_CONTINUATION) {
        if doc.paragraphs()[q].section != section {
            return None;
        }
        let mut stack = Stack::with(outer);
        let mut t = range.start;
        // The convention repeats the opening mark at the start of each paragraph.
        if t < pars[q].end
            && doc.tokens()[t].kind == TokenKind::Quote
            && kind_of(first_char(doc, t)) == Some(outer.kind)
        {
            t += 1;
        }
        let mut closed = None;
        while t < range.end && closed.is_none() {
            step(doc, t, &mut stack, |_, close| closed = Some(close));
            t += 1;
        }
        if closed.is_some() {
            return closed.map(|c| (q, c));
        }
        if stack.first().is_none_or(|o| o.tok != outer.tok) {
            return None;
        }
    }
    None
}

/// Applies token `t` to the stack; calls `done(open, close)` when an
/// outermost quote closes.
fn step(doc: &Document, t: usize, stack: &mut Stack, mut done: impl FnMut(Open, usize)) {
    let tok = doc.tokens()[t];
    if tok.kind != TokenKind::Quote {
        return;
    }
    let c = first_char(doc, t);
    let Some(kind) = kind_of(c) else { return };
    let text = doc.text();
    let prev = text[..tok.span.start].chars().next_back();
    let next = text[tok.span.end..].chars().next();
    let left_flank = prev.is_none_or(|p| {
        p.is_whitespace() || "([{—–-/:".contains(p) || claimtrail_text::lex::is_quote_char(p)
    }) && next.is_some_and(|n| !n.is_whitespace());
    let right_flank = prev.is_some_and(|p| !p.is_whitespace())
        && next.is_none_or(|n| n.is_whitespace() || n.is_ascii_punctuation() || "—–…".contains(n));
    let open_of_kind = stack.last_of(kind);
    let opens = match c {
        '“' => stack.low == 0,
        '‘' | '«' | '‹' | '„' | '‚' | '`' => true,
        '”' => open_of_kind.is_none() && left_flank && !right_flank,
        '’' | '»' | '›' | '″' => false,
        '"' => !right_flank && (left_flank || open_of_kind.is_none()),
        '\'' => left_flank && !right_flank && next.is_some_and(char::is_alphanumeric),
        _ => return,
    };
    if opens {
        stack.push(Open {
            kind,
            tok: t,
            low: c == '„',
        });
        return;
    }
    // A closing mark with nothing of its kind open: an apostrophe or stray mark.
    let Some(pos) = open_of_kind else { return };
    if c == '\'' && !right_flank {
        return;
    }
    let open = stack.opens[pos];
    stack.truncate(pos);
    if pos == 0 {
        done(open, t);
    }
}

fn kind_of(c: char) -> Option<Kind> {
    match c {
        '"' | '“' | '”' | '„' | '″' => Some(Kind::Double),
        '\'' | '‘' | '’' | '‚' | '`' => Some(Kind::Single),
        '«' | '»' => Some(Kind::Guillemet),
        '‹' | '›' => Some(Kind::SingleGuillemet),
        _ => None,
    }
}

fn first_char(doc: &Document, t: usize) -> char {
    doc.token_text(t).chars().next().unwrap_or('\0')
}

fn make(
    doc: &Document,
    pars: &[Range<usize>],
    open: Open,
    close: Option<usize>,
    p: usize,
    q: usize,
) -> QuoteSpan {
    let tokens = doc.tokens();
    let start = tokens[open.tok].span.start;
    let last_tok = close.unwrap_or_else(|| pars[p].end.saturating_sub(1).max(open.tok));
    let end = tokens[last_tok].span.end;
    let fragments = (p..=q)
        .filter_map(|k| {
            let ps = doc.paragraphs()[k].span;
            let s = Span::new(start.max(ps.start), end.min(ps.end));
            (!s.is_empty()).then_some(s)
        })
        .collect();
    let words = tokens[open.tok..=last_tok]
        .iter()
        .filter(|t| matches!(t.kind, TokenKind::Word | TokenKind::Number))
        .count();
    QuoteSpan {
        span: Span::new(start, end),
        open_tok: open.tok,
        close_tok: close,
        fragments,
        words,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_text::Metadata;

    fn quotes(text: &str) -> Vec<String> {
        let doc = Document::new(text, Metadata::default());
        let pars = paragraph_tokens(&doc);
        find_quotes(&doc, &pars)
            .iter()
            .map(|q| {
                q.fragments
                    .iter()
                    .map(|f| doc.slice(*f))
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn straight_and_curly_marks() {
        assert_eq!(
            quotes("\"We won,\" he said. He added: “It is over.”"),
            ["\"We won,\"", "“It is over.”"]
        );
        assert_eq!(quotes("She said «non» twice."), ["«non»"]);
        assert_eq!(quotes("‘We will fight,’ she said."), ["‘We will fight,’"]);
    }

    #[test]
    fn quotes_inside_quotes_and_apostrophes() {
        assert_eq!(
            quotes("“He told me ‘never’ again,” she said."),
            ["“He told me ‘never’ again,”"]
        );
        assert_eq!(
            quotes("\"The soldiers' families wait,\" he said."),
            ["\"The soldiers' families wait,\""]
        );
        assert_eq!(
            quotes("It was the '90s. Nothing else."),
            Vec::<String>::new()
        );
    }

    #[test]
    fn multi_paragraph_quotes() {
        let t = "Quote: \"First part.\n\nSecond part.\"\n\nThen prose.";
        assert_eq!(quotes(t), ["\"First part.|Second part.\""]);
        let t = "He said: “First part.\n\n“Second part.\n\n“Third part.”\n\nNo quote here.";
        assert_eq!(quotes(t), ["“First part.|“Second part.|“Third part.”"]);
    }

    #[test]
    fn unclosed_quote_ends_with_its_paragraph() {
        let t = "He said: \"We never close\n\nA normal paragraph.\n\nAnother \"short\" one.";
        assert_eq!(quotes(t), ["\"We never close", "\"short\""]);
    }
}
