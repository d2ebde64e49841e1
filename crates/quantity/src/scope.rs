//! The time scope of a figure: the time expression of the same clause
//! ("more than 6,130 Shaheds since the beginning of the year").
//!
//! The nearest timex after the figure wins, then the nearest before it; either
//! must lie in the same sentence with no clause punctuation (`, ; : —`, a
//! bracket or a quote) between, and within a few tokens. A sentence-initial
//! "On 17 October, ..." is therefore the date of the statement, not a scope.

use crate::scan::Sent;
use claimtrail_text::{Span, TokenKind};

/// How far (in tokens) a scope may lie from the figure.
const REACH_AFTER: usize = 12;
const REACH_BEFORE: usize = 8;

/// The index (into the tagger's input) of the timex scoping `span`, if any.
pub(crate) fn scope_of(sent: &Sent<'_>, span: Span) -> Option<usize> {
    if sent.timexes.is_empty() {
        return None;
    }
    let a = sent.toks.partition_point(|t| t.span.end <= span.start);
    let b = sent.toks.partition_point(|t| t.span.start < span.end);
    let after = sent
        .timexes
        .iter()
        .filter(|&&(s, _, _)| s >= b && s - b <= REACH_AFTER && open_between(sent, b, s))
        .min_by_key(|&&(s, _, _)| s);
    let before = sent
        .timexes
        .iter()
        .filter(|&&(_, e, _)| e <= a && a - e <= REACH_BEFORE && open_between(sent, e, a))
        .max_by_key(|&&(_, e, _)| e);
    after.or(before).map(|&(_, _, index)| index)
}

/// No clause boundary among tokens `from..to`.
fn open_between(sent: &Sent<'_>, from: usize, to: usize) -> bool {
    (from..to).all(|k| match sent.kind(k) {
        Some(TokenKind::Punct) => !matches!(
            sent.text[k],
            "," | ";" | ":" | "—" | "–" | "(" | ")" | "." | "!" | "?"
        ),
        Some(TokenKind::Quote) => false,
        _ => true,
    })
}
