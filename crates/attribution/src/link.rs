//! From the tagger's labels to attribution drafts: spans of one role are
//! read off the labels, each content goes to the nearest cue (in its
//! sentences or the one next to them), and each cue takes the nearest source
//! of its sentence. A cue with no content is dropped.

use crate::ctx::Ctx;
use crate::frames::{Draft, Piece};
use crate::lexicon::class::{CONJ, DET, PREP, SUB};
use crate::lexicon::{class, Family};
use crate::model::Role;
use crate::phrases;
use crate::stance::CuePolarity;
use claimtrail_text::TokenKind;
use std::ops::Range;

/// A content further than this many tokens from every cue is dropped.
const MAX_CUE_GAP: usize = 60;

#[derive(Clone, Debug)]
struct Seg {
    role: Role,
    tokens: Range<usize>,
    /// First and last sentence.
    sentences: (usize, usize),
}

fn segments(ctx: &Ctx, labels: &[u8]) -> Vec<Seg> {
    let mut out: Vec<Seg> = Vec::new();
    let mut open: Option<(Role, usize)> = None;
    let close = |out: &mut Vec<Seg>, role: Role, r: Range<usize>| {
        let first = ctx.doc.sentence_at(ctx.doc.tokens()[r.start].span.start);
        let last = ctx.doc.sentence_at(ctx.doc.tokens()[r.end - 1].span.start);
        if let (Some(a), Some(b)) = (first, last) {
            out.push(Seg {
                role,
                tokens: r,
                sentences: (a, b),
            });
        }
    };
    for (i, &l) in labels.iter().enumerate() {
        let role = Role::of(l);
        let begins = l % 2 == 1;
        if let Some((r, start)) = open {
            if begins || role != Some(r) {
                close(&mut out, r, start..i);
                open = None;
            }
        }
        if let (Some(r), None) = (role, open) {
            open = Some((r, i));
        }
    }
    if let Some((r, start)) = open {
        close(&mut out, r, start..labels.len());
    }
    out
}

/// Tokens between two ranges (0 when they touch or overlap).
fn gap(a: &Range<usize>, b: &Range<usize>) -> usize {
    if a.end <= b.start {
        b.start - a.end
    } else {
        a.start.saturating_sub(b.end)
    }
}

/// The drafts the labels describe.
pub(crate) fn drafts(ctx: &Ctx, labels: &[u8]) -> Vec<Draft> {
    let segs = segments(ctx, labels);
    let cues: Vec<&Seg> = segs.iter().filter(|s| s.role == Role::Cue).collect();
    let mut contents: Vec<Vec<Range<usize>>> = vec![Vec::new(); cues.len()];
    let paragraph = |s: usize| ctx.doc.sentences()[s].paragraph;
    for c in segs.iter().filter(|s| s.role == Role::Content) {
        let near = cues
            .iter()
            .enumerate()
            .filter(|(_, q)| {
                q.sentences.0 + 1 >= c.sentences.0
                    && q.sentences.0 <= c.sentences.1 + 1
                    && paragraph(q.sentences.0) == paragraph(c.sentences.0)
            })
            .map(|(k, q)| {
                let same = q.sentences.0 >= c.sentences.0 && q.sentences.0 <= c.sentences.1;
                (!same, gap(&q.tokens, &c.tokens), k)
            })
            .filter(|&(_, g, _)| g <= MAX_CUE_GAP)
            .min();
        if let Some((_, _, k)) = near {
            contents[k].push(c.tokens.clone());
        }
    }
    let mut out = Vec::new();
    for (cue, content) in cues.iter().zip(contents) {
        if content.is_empty() {
            continue;
        }
        let sentence = cue.sentences.0;
        let source = segs
            .iter()
            .filter(|s| s.role == Role::Source && s.sentences.0 == sentence)
            .min_by_key(|s| {
                (
                    gap(&s.tokens, &cue.tokens),
                    s.tokens.start > cue.tokens.start,
                )
            })
            .map(|s| s.tokens.clone())
            .or_else(|| phrase_source(ctx, sentence, &cue.tokens, &content));
        // precision: a cue of function words alone ("about", ":", "of") is
        // the tagger's noise, not an attribution; a source of function words
        // alone ("The" of "The reported attack killed") names no one
        if !worded(ctx, &cue.tokens) {
            continue;
        }
        let source = source
            .filter(|s| worded(ctx, s))
            .or_else(|| phrase_source(ctx, sentence, &cue.tokens, &content));
        out.push(draft(ctx, cue.tokens.clone(), sentence, source, content));
    }
    out
}

/// Whether a span holds a word other than a determiner, preposition,
/// conjunction or subordinator (or a cue word).
fn worded(ctx: &Ctx, r: &Range<usize>) -> bool {
    r.clone().any(|k| {
        ctx.kind(k) == TokenKind::Word && !ctx.is(k, DET | PREP | CONJ | SUB)
            || ctx.info[k].cue.is_some()
    })
}

/// When the tagger marks no source in the cue's sentence, the rules' phrase
/// walks look for one: the subject before the cue ("the ministry said"), or
/// after it when the content comes first ("..., said the ministry").
fn phrase_source(
    ctx: &Ctx,
    sentence: usize,
    cue: &Range<usize>,
    content: &[Range<usize>],
) -> Option<Range<usize>> {
    let s = ctx.doc.sentences()[sentence].tokens.clone();
    let left = phrases::source_left(ctx, s.start, cue.start);
    let right = || {
        let backward = content.iter().all(|c| c.end <= cue.start);
        backward
            .then(|| phrases::np_right(ctx, cue.end, s.end, true))
            .flatten()
    };
    left.filter(|l| content.iter().all(|c| c.end <= l.start || c.start >= l.end))
        .or_else(right)
}

fn draft(
    ctx: &Ctx,
    cue: Range<usize>,
    sentence: usize,
    source: Option<Range<usize>>,
    content: Vec<Range<usize>>,
) -> Draft {
    let family = cue
        .clone()
        .find_map(|k| ctx.info[k].cue.map(|c| c.family))
        .unwrap_or(Family::Assert);
    let mut d = Draft::new(cue.clone(), sentence, family);
    d.origin = "tagger";
    d.forward = content.first().is_some_and(|c| c.start >= cue.end);
    d.clause_start = source
        .as_ref()
        .map_or(cue.start, |s| s.start.min(cue.start));
    let negated = (cue.start.saturating_sub(2)..cue.end).any(|k| ctx.is(k, class::NEG));
    let withheld = (cue.start.saturating_sub(2)..cue.end).any(|k| ctx.is(k, class::WITHHOLD));
    d.polarity = if withheld {
        CuePolarity::Withheld
    } else if negated {
        CuePolarity::Negated
    } else {
        CuePolarity::Positive
    };
    d.source = source;
    d.content = content.into_iter().map(|r| piece(ctx, r)).collect();
    d
}

/// A content range: the quote it is, when it is exactly one, else its tokens
/// (without a leading complementiser "that": the engine's spans leave it
/// out, PARC's keep it, see `to_parc_spans`).
fn piece(ctx: &Ctx, mut r: Range<usize>) -> Piece {
    if r.len() > 1 && ctx.eq(r.start, "that") && !ctx.in_quote(r.start) {
        r.start += 1;
    }
    if let Some(q) = ctx.opens_quote(r.start) {
        if ctx.quotes[q].close_tok.is_some_and(|c| c + 1 == r.end) {
            return Piece::Quote(q);
        }
    }
    Piece::Tokens(r)
}

/// The token ranges a draft covers: cue and content (the source may be shared).
fn covered(ctx: &Ctx, d: &Draft) -> Vec<Range<usize>> {
    let mut out = vec![d.cue.clone()];
    for p in &d.content {
        out.push(match p {
            Piece::Tokens(r) => r.clone(),
            Piece::Quote(q) => {
                let q = &ctx.quotes[*q];
                q.open_tok..q.close_tok.map_or(q.open_tok + 1, |c| c + 1)
            }
            Piece::Para(p) => ctx.doc.token_range(ctx.doc.paragraphs()[*p].span),
        });
    }
    out
}

/// Adds the `learned` drafts whose cue and content touch no token the
/// `rules` drafts cover: the rules stay where they fire.
pub(crate) fn add_untouched(ctx: &Ctx, rules: &mut Vec<Draft>, learned: Vec<Draft>) {
    let mut taken = vec![false; ctx.doc.tokens().len()];
    for d in rules.iter() {
        for r in covered(ctx, d) {
            let end = r.end.min(taken.len());
            taken[r.start.min(end)..end]
                .iter_mut()
                .for_each(|t| *t = true);
        }
    }
    for d in learned {
        let free = covered(ctx, &d)
            .into_iter()
            .all(|r| !taken[r.start.min(taken.len())..r.end.min(taken.len())].contains(&true));
        if free {
            rules.push(d);
        }
    }
    drop_plain_nested(ctx, rules);
}

/// A plain assertion or belief whose cue lies inside a quotation that is
/// another attribution's content ("I think" in a quote) adds nothing to the
/// one around it, and PARC gives each token to one attribution: it goes. A
/// relayed source outside quotes stays ("X reported that Y said ..."), and so
/// does a nested confirmation, denial, prediction, call or withholding, as it
/// changes the stance.
fn drop_plain_nested(ctx: &Ctx, drafts: &mut Vec<Draft>) {
    let n = ctx.doc.tokens().len();
    // the draft whose content covers each token (the first one)
    let mut content_of = vec![usize::MAX; n];
    for (k, d) in drafts.iter().enumerate() {
        for r in covered(ctx, d).into_iter().skip(1) {
            for slot in &mut content_of[r.start.min(n)..r.end.min(n)] {
                if *slot == usize::MAX {
                    *slot = k;
                }
            }
        }
    }
    let mut k = 0;
    drafts.retain(|d| {
        let plain = matches!(d.family, Family::Assert | Family::Belief)
            && d.polarity == CuePolarity::Positive;
        let owner = content_of.get(d.cue.start).copied().unwrap_or(usize::MAX);
        let quoted = ctx.in_quote(d.cue.start);
        let keep = !(plain && quoted && owner != usize::MAX && owner != k);
        k += 1;
        keep
    });
}

/// The `learned` drafts decide where attributions are; where one meets a
/// draft of the `rules` (their contents share a token), the rule's draft,
/// with its precise boundaries, source and cue, takes its place.
pub(crate) fn refine(ctx: &Ctx, rules: Vec<Draft>, learned: Vec<Draft>) -> Vec<Draft> {
    let n = ctx.doc.tokens().len();
    let mut owner = vec![usize::MAX; n];
    for (k, d) in rules.iter().enumerate() {
        for r in covered(ctx, d).into_iter().skip(1) {
            for slot in &mut owner[r.start.min(n)..r.end.min(n)] {
                if *slot == usize::MAX {
                    *slot = k;
                }
            }
        }
    }
    let mut used = vec![false; rules.len()];
    let mut out = Vec::new();
    for d in learned {
        let hits: Vec<usize> = covered(ctx, &d)
            .into_iter()
            .skip(1)
            .flat_map(|r| owner[r.start.min(n)..r.end.min(n)].to_vec())
            .filter(|&k| k != usize::MAX)
            .collect();
        if hits.is_empty() {
            out.push(d);
            continue;
        }
        for k in hits {
            if !used[k] {
                used[k] = true;
                out.push(rules[k].clone());
            }
        }
    }
    // the rules' attributions nested in a taken one that change its stance
    // ("stated that he could not confirm")
    let mut inside = vec![false; n];
    for (d, _) in rules.iter().zip(&used).filter(|(_, &u)| u) {
        for r in covered(ctx, d).into_iter().skip(1) {
            inside[r.start.min(n)..r.end.min(n)].fill(true);
        }
    }
    for (k, d) in rules.into_iter().enumerate() {
        // a nested assertion adds nothing to the one it is nested in; a
        // nested confirmation, denial, prediction, call or withholding does
        let plain = matches!(d.family, Family::Assert | Family::Belief)
            && d.polarity == CuePolarity::Positive;
        if !used[k] && !plain && d.cue.start < n && inside[d.cue.start] {
            out.push(d);
        }
    }
    out
}
