//! Attributions that come from the article's layout rather than a verb:
//! headline attribution ("Zelenskyy: North Korea has joined the war",
//! "North Korea has joined the war – Zelenskyy") and quotes introduced by a
//! house-style label ("Quote: \"...\""), statements introduced by "X said:"
//! at the end of a paragraph, and quotes that continue an attribution in the
//! next sentence without a cue of their own ("\"A,\" said X. \"B.\"").

use crate::ctx::Ctx;
use crate::frames::{backward, content_end, forward, Draft, Piece};
use crate::lexicon::{is_quote_label, Family};
use claimtrail_text::{Span, TokenKind};
use std::collections::HashMap;
use std::ops::Range;

/// How many paragraphs a label-introduced statement may run over.
const MAX_STATEMENT: usize = 12;

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
        let mut d = Draft::new(cue, si, Family::Assert);
        d.clause_start = source.start;
        d.source = Some(source);
        d.content.push(content);
        drafts.push(d);
    }
}

/// Paragraphs of a "Quote:" section that open with a quote nobody claimed get
/// the label as their cue; with no quotation marks, the first paragraph is the quote.
pub(crate) fn labels(ctx: &Ctx, pars: &[Range<usize>], drafts: &mut Vec<Draft>) {
    let doc = ctx.doc;
    // Which quotes and paragraphs the verb cues already cover (computed once).
    let claimed = claimed_quotes(ctx, pars, drafts);
    let mut cued = vec![false; pars.len()];
    for d in drafts.iter() {
        cued[doc.sentences()[d.sentence].paragraph] = true;
    }
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
            let content = if let Some(q) = ctx.opens_quote(t0) {
                if claimed[q] {
                    continue;
                }
                Piece::Quote(q)
            } else if ctx.in_quote(t0) || p != section.paragraphs.start || cued[p] {
                continue;
            } else {
                Piece::Tokens(t0..content_end(ctx, t0, r.end))
            };
            let sentence = doc.sentence_at(doc.tokens()[t0].span.start).unwrap_or(0);
            let mut d = Draft::new(t0..t0, sentence, Family::Assert);
            d.cue_span = Some(cue_span);
            d.content.push(content);
            d.label = true;
            drafts.push(d);
        }
    }
}

/// Fills "X said:" statements: the quote that opens the next paragraph, or the
/// next paragraphs verbatim until the narration resumes (a paragraph with an
/// attribution to a written, not first-person, source) or the section ends.
pub(crate) fn statements(ctx: &Ctx, pars: &[Range<usize>], drafts: &mut [Draft]) {
    let doc = ctx.doc;
    let paragraph_of = |d: &Draft| doc.sentences()[d.sentence].paragraph;
    let mut narration = vec![false; pars.len()];
    for d in drafts.iter() {
        let first_person = d
            .source
            .as_ref()
            .is_some_and(|r| r.len() == 1 && ctx.eq_any(r.start, &["i", "we", "us", "our"]));
        if d.source.is_some() && !first_person && !ctx.in_quote(d.cue.start) {
            narration[paragraph_of(d)] = true;
        }
    }
    for d in drafts
        .iter_mut()
        .filter(|d| d.statement && d.content.is_empty())
    {
        let p = paragraph_of(d);
        let section = doc.paragraphs()[p].section;
        for q in p + 1..pars.len().min(p + 1 + MAX_STATEMENT) {
            if doc.paragraphs()[q].section != section || pars[q].is_empty() {
                break;
            }
            // A quote opening the next paragraph is the statement, whatever follows it.
            if let Some(quote) = ctx.opens_quote(pars[q].start).filter(|_| q == p + 1) {
                d.content.push(Piece::Quote(quote));
                break;
            }
            if narration[q] {
                break;
            }
            d.content.push(Piece::Para(q));
        }
    }
}

/// A quote that opens a sentence with no cue outside quotes, right after a
/// sentence that ends a direct-quote attribution, continues that attribution.
pub(crate) fn continuations(ctx: &Ctx, pars: &[Range<usize>], drafts: &mut [Draft]) {
    let doc = ctx.doc;
    let sentence_of_tok = |t: usize| doc.sentence_at(doc.tokens()[t].span.start);
    let mut claimed = claimed_quotes(ctx, pars, drafts);
    let mut cued = vec![false; doc.sentences().len()];
    let mut last_of: HashMap<usize, usize> = HashMap::new();
    for (i, d) in drafts.iter().enumerate() {
        if !ctx.in_quote(d.cue.start) || d.cue.is_empty() {
            cued[d.sentence] = true;
        }
        let mut last = d.sentence;
        for piece in &d.content {
            if let Piece::Quote(q) = piece {
                let q = &ctx.quotes[*q];
                last = last.max(q.close_tok.and_then(sentence_of_tok).unwrap_or(d.sentence));
            }
        }
        if d.content.iter().any(|p| matches!(p, Piece::Quote(_))) {
            last_of.insert(last, i);
        }
    }
    for (qi, q) in ctx.quotes.iter().enumerate() {
        let Some(si) = sentence_of_tok(q.open_tok) else {
            continue;
        };
        if claimed[qi] || cued[si] || si == 0 || doc.sentences()[si].tokens.start != q.open_tok {
            continue;
        }
        let Some(&owner) = last_of.get(&(si - 1)) else {
            continue;
        };
        drafts[owner].content.push(Piece::Quote(qi));
        claimed[qi] = true;
        let last = q.close_tok.and_then(sentence_of_tok).unwrap_or(si);
        last_of.insert(last, owner);
    }
}

/// Quotes that some draft already reports: as its content, or inside its
/// content. Coverage is summed over a difference array, so the cost is linear
/// in tokens plus drafts however long the contents are.
fn claimed_quotes(ctx: &Ctx, pars: &[Range<usize>], drafts: &[Draft]) -> Vec<bool> {
    let mut claimed = vec![false; ctx.quotes.len()];
    let mut delta = vec![0i32; ctx.doc.tokens().len() + 1];
    for d in drafts {
        for piece in &d.content {
            let r = match piece {
                Piece::Quote(q) => {
                    claimed[*q] = true;
                    continue;
                }
                Piece::Tokens(r) => r.clone(),
                Piece::Para(p) => pars[*p].clone(),
            };
            if r.start < r.end && r.end < delta.len() {
                delta[r.start] += 1;
                delta[r.end] -= 1;
            }
        }
    }
    let mut depth = 0;
    let mut covered = Vec::with_capacity(delta.len());
    for x in &delta {
        depth += x;
        covered.push(depth > 0);
    }
    for (qi, q) in ctx.quotes.iter().enumerate() {
        claimed[qi] |= covered[q.open_tok];
    }
    claimed
}
