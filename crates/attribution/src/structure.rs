//! Attributions that come from the article's layout rather than a verb:
//! headline attribution ("Zelenskyy: North Korea has joined the war",
//! "North Korea has joined the war – Zelenskyy") and quotes introduced by a
//! house-style label ("Quote: \"...\"").

use crate::ctx::Ctx;
use crate::frames::{backward, content_end, forward, Draft, Piece};
use crate::lexicon::{is_quote_label, Family};
use claimtrail_text::{Span, TokenKind};
use std::ops::Range;

/// The sentences of the headline, if the document has one.
pub(crate) fn headline_sentences(ctx: &Ctx) -> Range<usize> {
    let Some(h) = ctx.doc.headline() else {
        return 0..0;
    };
    let sents = ctx.doc.sentences();
    let a = sents.partition_point(|s| s.span.end <= h.start);
    let b = sents.partition_point(|s| s.span.start < h.end);
    a..b.max(a)
}

/// A headline written in Title Case ("Zelenskyy Says North Korea Joined War"),
/// where a capitalised cue is still a cue.
pub(crate) fn is_title_case(ctx: &Ctx, si: usize) -> bool {
    let r = ctx.doc.sentences()[si].tokens.clone();
    let long: Vec<usize> = r
        .filter(|&k| ctx.kind(k) == TokenKind::Word && ctx.text(k).chars().count() > 3)
        .collect();
    long.len() >= 3 && long.iter().filter(|&&k| ctx.is_cap(k)).count() * 5 >= long.len() * 4
}

/// "Name: content" and "content – Name" in a headline with no other attribution.
pub(crate) fn headline(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    for si in headline_sentences(ctx) {
        if drafts.iter().any(|d| d.sentence == si) {
            continue;
        }
        let s = &ctx.doc.sentences()[si];
        let a = s.tokens.start;
        let end = content_end(ctx, a, s.tokens.end);
        let name_like = |r: Range<usize>| {
            !r.is_empty()
                && r.len() <= 5
                && r.clone().all(|k| {
                    ctx.is_cap(k)
                        || ctx.is_possessive(k)
                        || (ctx.kind(k) == TokenKind::Punct && matches!(ctx.text(k), "-" | "."))
                })
        };
        let colon = (a + 1..end.min(a + 6)).find(|&k| ctx.is_punct(k, ":"));
        let dash = (a + 1..end)
            .rev()
            .take(6)
            .find(|&k| ctx.kind(k) == TokenKind::Punct && matches!(ctx.text(k), "–" | "—" | "-"));
        let (source, cue, content) = if let Some(c) = colon.filter(|&c| name_like(a..c)) {
            (a..c, c..c + 1, forward(ctx, c + 1, end))
        } else if let Some(c) = dash.filter(|&c| name_like(c + 1..end)) {
            (c + 1..end, c..c + 1, backward(ctx, a, c))
        } else {
            continue;
        };
        let Some(content) = content else { continue };
        drafts.push(Draft {
            clause_start: source.start,
            source: Some(source),
            cue,
            cue_span: None,
            content: vec![content],
            family: Family::Assert,
            negated: false,
            cue_hedge: false,
            directive: false,
            forward: true,
            sentence: si,
            label: false,
        });
    }
}

/// Paragraphs of a "Quote:" section that open with a quote nobody claimed get
/// the label as their cue; with no quotation marks, the first paragraph is the quote.
pub(crate) fn labels(ctx: &Ctx, pars: &[Range<usize>], drafts: &mut Vec<Draft>) {
    let doc = ctx.doc;
    for section in doc.sections() {
        let (Some(label), Some(label_span)) = (section.label.as_deref(), section.label_span) else {
            continue;
        };
        if !is_quote_label(label) {
            continue;
        }
        let colon = doc.text()[label_span.end..].starts_with(':') as usize;
        let cue_span = Span::new(label_span.start, label_span.end + colon);
        for p in section.paragraphs.clone() {
            let r = pars[p].clone();
            if r.is_empty() {
                continue;
            }
            let t0 = r.start;
            let claimed = |t: usize| {
                drafts.iter().any(|d| {
                    d.content.iter().any(|piece| match piece {
                        Piece::Quote(q) => ctx.quotes[*q].open_tok == t,
                        Piece::Tokens(tr) => tr.contains(&t),
                    })
                })
            };
            let content = if let Some(q) = ctx.opens_quote(t0) {
                if claimed(t0) {
                    continue;
                }
                Piece::Quote(q)
            } else if ctx.in_quote(t0)
                || p != section.paragraphs.start
                || drafts.iter().any(|d| r.contains(&d.cue.start))
            {
                continue;
            } else {
                Piece::Tokens(t0..content_end(ctx, t0, r.end))
            };
            drafts.push(Draft {
                source: None,
                cue: t0..t0,
                cue_span: Some(cue_span),
                content: vec![content],
                family: Family::Assert,
                negated: false,
                cue_hedge: false,
                directive: false,
                clause_start: t0,
                forward: true,
                sentence: doc.sentence_at(doc.tokens()[t0].span.start).unwrap_or(0),
                label: true,
            });
        }
    }
}
