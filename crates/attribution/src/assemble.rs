//! From drafts to the public layer: spans, document order, nesting, speakers,
//! stance, and the list of direct quotes with their speakers.

use crate::ctx::Ctx;
use crate::frames::{Draft, Piece};
use crate::lexicon::class::*;
use crate::speaker::{head_entity, is_person};
use crate::stance::{decide, modality, CuePolarity};
use crate::{Attribution, AttributionLayer, Polarity, Quote, Stance};
use claimtrail_entities::EntityLayer;
use claimtrail_text::{Span, TokenKind};
use std::collections::HashMap;
use std::ops::Range;

/// How far back (in attributions of the same sentence) a parent is looked for.
const MAX_NESTING_SCAN: usize = 16;
/// A quote inside reported content is listed when it has at least this many words
/// (shorter ones are scare quotes and titles).
const MIN_EMBEDDED_WORDS: usize = 3;
/// How far into a direct quote hedges are looked for.
const QUOTE_HEDGE_WINDOW: usize = 120;
/// A quote with no cue at all is listed when it has at least this many words.
const MIN_FLOATING_WORDS: usize = 4;
/// Reported content outside quotes is cut to this many tokens and bytes,
/// keeping the end next to the cue. Real reported clauses are far shorter;
/// without the cut, "A said B said C said ..." run on without a full stop
/// gives every cue the rest of the sentence, and the layer (and the JSON and
/// ledger built from it) grows with the square of the text.
const MAX_CONTENT_TOKENS: usize = 256;
const MAX_CONTENT_BYTES: usize = 8 * 1024;
/// How many words before a source are read for the negative determiner of
/// its coordination ("Neither the regulator nor [the union]").
const NEGATIVE_SOURCE_REACH: usize = 6;

struct Built {
    att: Attribution,
    draft: Draft,
    start: usize,
}

pub(crate) fn assemble(ctx: &Ctx, ents: &EntityLayer, drafts: Vec<Draft>) -> AttributionLayer {
    let mut built: Vec<Built> = drafts.into_iter().filter_map(|d| build(ctx, d)).collect();
    built.sort_by_key(|b| (b.start, b.att.cue.start));
    built.dedup_by(|b, a| b.att.cue == a.att.cue && b.att.content == a.att.content);
    set_parents(&mut built);
    for b in &mut built {
        let (stance, hedged, polarity, why) = stance_of(ctx, &b.draft);
        b.att.stance = stance;
        b.att.hedged = hedged;
        b.att.polarity = polarity;
        b.att.why = why;
    }
    set_speakers(ctx, ents, &mut built);
    propagate_nested_stance(ctx, &mut built);
    let quotes = quotes(ctx, &mut built);
    AttributionLayer {
        quotes,
        attributions: built.into_iter().map(|b| b.att).collect(),
    }
}

fn build(ctx: &Ctx, d: Draft) -> Option<Built> {
    let mut content = Vec::new();
    for piece in &d.content {
        match piece {
            Piece::Tokens(r) => {
                let mut r = cap_content(ctx, r.clone(), d.cue.start);
                // "and the navy saved ...": a leading conjunction is not content
                while !r.is_empty() && ctx.is(r.start, CONJ) && !ctx.is_cap(r.start) {
                    r.start += 1;
                }
                while !r.is_empty()
                    && ctx.kind(r.end - 1) == TokenKind::Punct
                    && matches!(ctx.text(r.end - 1), "," | ";" | ":" | "." | "—" | "–")
                {
                    r.end -= 1;
                }
                if !r.is_empty() {
                    content.push(ctx.span(r));
                }
            }
            Piece::Quote(q) => content.extend(ctx.quotes[*q].fragments.iter().copied()),
            Piece::Para(p) => content.push(ctx.doc.paragraphs()[*p].span),
        }
    }
    if content.is_empty() {
        return None;
    }
    let cue = d.cue_span.unwrap_or_else(|| ctx.span(d.cue.clone()));
    let source = d.source.clone().map(|r| ctx.span(r));
    let start = content
        .iter()
        .map(|s| s.start)
        .chain(source.map(|s| s.start))
        .chain([cue.start])
        .min()
        .unwrap_or(cue.start);
    let att = Attribution {
        source,
        speaker: None,
        cue,
        content,
        stance: Stance::Assert,
        polarity: Polarity::Positive,
        hedged: false,
        quote: None,
        parent: None,
        antecedent: None,
        why: Vec::new(),
    };
    Some(Built {
        att,
        draft: d,
        start,
    })
}

/// Cuts a content range to [`MAX_CONTENT_TOKENS`] and [`MAX_CONTENT_BYTES`]
/// (always keeping one token), from its far end: content after the cue keeps
/// its start, content before the cue ("C, he said") keeps its end.
fn cap_content(ctx: &Ctx, mut r: Range<usize>, cue: usize) -> Range<usize> {
    let tokens = ctx.doc.tokens();
    let fits = |r: &Range<usize>| {
        r.len() <= MAX_CONTENT_TOKENS
            && tokens[r.end - 1].span.end - tokens[r.start].span.start <= MAX_CONTENT_BYTES
    };
    if r.len() <= 1 || fits(&r) {
        return r;
    }
    if r.end <= cue {
        r.start = r.start.max(r.end - MAX_CONTENT_TOKENS.min(r.len()));
        let last = tokens[r.end - 1].span.end;
        let skip = tokens[r.clone()].partition_point(|t| last - t.span.start > MAX_CONTENT_BYTES);
        r.start = (r.start + skip).min(r.end - 1);
    } else {
        r.end = r.end.min(r.start + MAX_CONTENT_TOKENS);
        let first = tokens[r.start].span.start;
        let keep = tokens[r.clone()].partition_point(|t| t.span.end - first <= MAX_CONTENT_BYTES);
        r.end = r.start + keep.max(1);
    }
    r
}

/// The parent of an attribution is the innermost one of the same sentence
/// whose content holds its cue ("stated that [he could not confirm ...]").
fn set_parents(built: &mut [Built]) {
    for i in 0..built.len() {
        let cue = built[i].att.cue;
        // Attributions are sorted by start and a parent starts before the cue it
        // holds: look at the neighbours only.
        let near = i.saturating_sub(MAX_NESTING_SCAN)..(i + 4).min(built.len());
        let parent = near
            .filter(|&j| j != i && built[j].att.content.iter().any(|c| c.contains(cue)))
            .min_by_key(|&j| built[j].att.content.iter().map(|c| c.len()).sum::<usize>());
        built[i].att.parent = parent;
    }
}

/// First token of the content and the end of the stretch its modality is read in.
fn content_window(ctx: &Ctx, d: &Draft) -> Option<(usize, usize)> {
    match d.content.first()? {
        Piece::Tokens(r) => Some((r.start, r.end)),
        Piece::Quote(q) => {
            let q = &ctx.quotes[*q];
            Some((
                q.open_tok + 1,
                q.close_tok.unwrap_or(ctx.doc.tokens().len()),
            ))
        }
        Piece::Para(p) => {
            let r = ctx.doc.token_range(ctx.doc.paragraphs()[*p].span);
            Some((r.start, r.end))
        }
    }
}

/// The stance, hedge flag and content polarity of a draft, and why.
fn stance_of(ctx: &Ctx, d: &Draft) -> (Stance, bool, Polarity, Vec<String>) {
    let m = content_window(ctx, d)
        .map(|(k, e)| modality(ctx, k, e))
        .unwrap_or_default();
    // "reportedly said", "allegedly told": a hedge between source and cue or in the cue.
    let from = d
        .source
        .as_ref()
        .map_or(d.cue.start, |s| s.end.min(d.cue.start));
    let cue_hedge =
        d.cue_hedge || (from..d.cue.end).any(|k| ctx.is(k, HEDGE) && !ctx.is(k, POSSIBLE));
    // A quote is hedged as a whole ("... It's only going to get worse. Japan may be ...").
    let quote_hedge = match d.content.first() {
        Some(Piece::Quote(q)) => {
            let q = &ctx.quotes[*q];
            let end = q
                .close_tok
                .unwrap_or(q.open_tok + QUOTE_HEDGE_WINDOW)
                .min(q.open_tok + QUOTE_HEDGE_WINDOW);
            (q.open_tok..end)
                .any(|t| ctx.is(t, HEDGE | POSSIBLE) && !(ctx.eq(t, "could") && ctx.is(t + 1, NEG)))
        }
        _ => false,
    };
    // "Neither the regulator nor the union had verified", "no official
    // confirmed": a negative source negates its cue
    let negative_source = d.source.as_ref().is_some_and(|s| {
        (s.start.saturating_sub(NEGATIVE_SOURCE_REACH)..=s.start)
            .rev()
            .take_while(|&k| k == s.start || ctx.kind(k) == TokenKind::Word)
            .any(|k| ctx.is(k, NEG_DET))
    });
    let cue_polarity = match d.polarity {
        CuePolarity::Positive if negative_source => CuePolarity::Negated,
        p => p,
    };
    let (stance, hedged) = decide(
        d.family,
        cue_polarity,
        d.directive,
        m,
        cue_hedge || quote_hedge,
    );
    let polarity = if m.negated || m.falsity {
        Polarity::Negative
    } else {
        Polarity::Positive
    };
    let origin = match () {
        _ if d.label => "label",
        _ if d.statement => "statement",
        _ => d.origin,
    };
    let mut why = vec![
        origin.to_string(),
        format!("cue family: {:?}", d.family).to_lowercase(),
    ];
    let reasons = [
        (negative_source, "negative source"),
        (d.polarity == CuePolarity::Negated, "cue negated"),
        (d.polarity == CuePolarity::Withheld, "cue withheld"),
        (d.directive || m.directive, "directive"),
        (m.withheld, "content cannot tell"),
        (m.falsity, "content says false"),
        (m.negated, "content negated"),
        (m.future, "content future"),
        (hedged, "hedged"),
    ];
    why.extend(
        reasons
            .iter()
            .filter(|(on, _)| *on)
            .map(|(_, r)| r.to_string()),
    );
    (stance, hedged, polarity, why)
}

fn set_speakers(ctx: &Ctx, ents: &EntityLayer, built: &mut [Built]) {
    for b in built.iter_mut() {
        b.att.speaker = b
            .draft
            .source
            .clone()
            .and_then(|r| head_entity(ctx, ents, r));
    }
    resolve_pronoun_sources(ctx, ents, built);
    // An unresolved pronoun or missing source inside another attribution is its
    // parent's speaker ("Austin stated that he could not confirm").
    for i in 0..built.len() {
        if built[i].att.speaker.is_some() {
            continue;
        }
        let Some(p) = built[i].att.parent else {
            continue;
        };
        let pronoun = built[i]
            .draft
            .source
            .as_ref()
            .is_none_or(|r| r.len() == 1 && ctx.is(r.start, SUBJ_PRON));
        if pronoun {
            built[i].att.speaker = built[p].att.speaker;
        }
    }
    // A label-introduced quote speaks for the report's subject: the person of
    // the most recent attribution, else the speaker of the lead attribution.
    let mut last_person = None;
    let mut lead = None;
    for b in built.iter_mut() {
        if b.draft.label && b.att.speaker.is_none() {
            b.att.speaker = last_person.or(lead);
        }
        if let Some(s) = b.att.speaker {
            lead = lead.or(Some(s));
            if is_person(ents, s) {
                last_person = Some(s);
            }
        }
    }
}

/// How many earlier attributions a pronoun source looks back over.
const MAX_ANTECEDENT_SCAN: usize = 12;
/// How many words before ", who" the relative pronoun's noun phrase may span.
const MAX_RELATIVE_HEAD: usize = 8;

/// The paragraph of a token.
fn paragraph_of(ctx: &Ctx, tok: usize) -> Option<usize> {
    let at = ctx.doc.tokens().get(tok)?.span.start;
    ctx.doc
        .sentence_at(at)
        .map(|s| ctx.doc.sentences()[s].paragraph)
}

/// Pronoun sources resolved to the nearest compatible earlier source, in
/// the same or the previous paragraph: "he" to the person of the nearest
/// attribution by a person (not the person the article names most), "it"
/// and "they" (when coreference found nothing) to the nearest source that
/// is not a person, keeping its phrase when no entity names it. A relative
/// "who" / "which" stands for the noun phrase before its comma.
fn resolve_pronoun_sources(ctx: &Ctx, ents: &EntityLayer, built: &mut [Built]) {
    for i in 0..built.len() {
        let Some(r) = built[i].draft.source.clone().filter(|r| r.len() == 1) else {
            continue;
        };
        let k = r.start;
        if ctx.is(k, REL) {
            if let Some(np) = relative_head(ctx, k) {
                built[i]
                    .att
                    .why
                    .push("speaker: the noun phrase before who".into());
                built[i].att.speaker = head_entity(ctx, ents, np.clone());
                if built[i].att.speaker.is_none() {
                    built[i].att.antecedent = Some(ctx.span(np));
                }
            }
            continue;
        }
        let person = ctx.is(k, PERSON_PRON);
        if !(person || ctx.is(k, NEUTER_PRON | PLURAL_PRON)) {
            continue;
        }
        if !person && built[i].att.speaker.is_some() {
            continue;
        }
        let par = paragraph_of(ctx, k);
        let earlier = (i.saturating_sub(MAX_ANTECEDENT_SCAN)..i).rev().find(|&j| {
            let b = &built[j];
            let near = matches!((paragraph_of(ctx, b.att.cue.start.min(b.draft.cue.start)), par),
                (Some(x), Some(y)) if x + 1 >= y && x <= y);
            let named = b.att.speaker.is_some()
                || b.att.antecedent.is_some()
                || b.draft
                    .source
                    .as_ref()
                    .is_some_and(|s| !(s.len() == 1 && ctx.is(s.start, SUBJ_PRON)));
            let is_person = b.att.speaker.is_some_and(|e| is_person(ents, e));
            near && named && b.att.cue.start < built[i].att.cue.start && is_person == person
        });
        if let Some(j) = earlier {
            built[i]
                .att
                .why
                .push("speaker: nearest earlier source".into());
            built[i].att.speaker = built[j].att.speaker;
            if built[j].att.speaker.is_none() {
                built[i].att.antecedent = built[j].att.antecedent.or(built[j]
                    .draft
                    .source
                    .clone()
                    .map(|s| ctx.span(s)));
            }
        }
    }
}

/// The noun phrase a relative pronoun at `k` follows: ", who" after up to
/// [`MAX_RELATIVE_HEAD`] words of its sentence ("US officials, who spoke").
fn relative_head(ctx: &Ctx, k: usize) -> Option<Range<usize>> {
    let comma = k.checked_sub(1).filter(|&c| ctx.is_punct(c, ","))?;
    let sentence = ctx.doc.sentence_at(ctx.doc.tokens()[comma].span.start)?;
    let first = ctx.doc.sentences()[sentence].tokens.start;
    let start = (first.max(comma.saturating_sub(MAX_RELATIVE_HEAD))..comma)
        .rev()
        .take_while(|&t| {
            ctx.kind(t) == TokenKind::Word && !ctx.is(t, VERB | SUB) && ctx.info[t].cue.is_none()
                || ctx.is_possessive(t)
        })
        .last()?;
    Some(start..comma)
}

/// "X stated that he could not confirm ...": when content opens with a nested
/// attribution by the same speaker, the outer one takes the inner stance.
fn propagate_nested_stance(ctx: &Ctx, built: &mut [Built]) {
    for i in 0..built.len() {
        let Some(p) = built[i].att.parent else {
            continue;
        };
        let inner = &built[i];
        let opener = inner
            .att
            .source
            .map_or(inner.att.cue.start, |s| s.start.min(inner.att.cue.start));
        // The outer content may open with a quotation mark ("\"We urge ...,\" he said").
        let outer_start = built[p].att.content.first().map(|c| {
            let first = ctx.doc.token_at(c.start);
            match first {
                Some(t) if ctx.is_quote_mark(t) => ctx
                    .doc
                    .tokens()
                    .get(t + 1)
                    .map_or(c.start, |n| n.span.start),
                _ => c.start,
            }
        });
        let same = match (inner.att.speaker, built[p].att.speaker) {
            (Some(a), Some(b)) => a == b,
            _ => inner
                .draft
                .source
                .as_ref()
                .is_none_or(|r| r.len() == 1 && ctx.is(r.start, SUBJ_PRON)),
        };
        if same && outer_start == Some(opener) {
            let (stance, hedged) = (inner.att.stance, inner.att.hedged);
            built[p].att.stance = stance;
            built[p].att.hedged |= hedged;
        }
    }
}

/// Lists the direct quotes: those an attribution reports, those inside
/// reported content, and stand-alone quotes spoken by the last speaker of the
/// same or the previous paragraph.
fn quotes(ctx: &Ctx, built: &mut [Built]) -> Vec<Quote> {
    let doc = ctx.doc;
    let mut owner: HashMap<usize, usize> = HashMap::new();
    for (i, b) in built.iter().enumerate() {
        for piece in &b.draft.content {
            if let Piece::Quote(q) = piece {
                owner.entry(*q).or_insert(i);
            }
        }
    }
    let paragraph_of = |pos: usize| doc.sentence_at(pos).map(|s| doc.sentences()[s].paragraph);
    let mut out = Vec::new();
    let mut index_of = vec![None; ctx.quotes.len()];
    let mut cursor = 0; // attributions before the quote, for the floating rule
    for (qi, q) in ctx.quotes.iter().enumerate() {
        while cursor < built.len() && built[cursor].att.cue.start < q.span.start {
            cursor += 1;
        }
        let before = built.partition_point(|b| b.start <= q.span.start);
        let container = (before.saturating_sub(MAX_NESTING_SCAN)..before)
            .filter(|&j| built[j].att.content.iter().any(|c| c.contains(q.span)))
            .min_by_key(|&j| built[j].att.content.iter().map(Span::len).sum::<usize>());
        let (speaker, cue) = if let Some(&o) = owner.get(&qi) {
            (built[o].att.speaker, Some(built[o].att.cue))
        } else if let Some(c) = container.filter(|_| q.words >= MIN_EMBEDDED_WORDS) {
            (built[c].att.speaker, Some(built[c].att.cue))
        } else if container.is_none()
            && q.words >= MIN_FLOATING_WORDS
            && starts_sentence(ctx, q.open_tok)
        {
            let par = paragraph_of(q.span.start);
            let near = built[..cursor]
                .iter()
                .rev()
                .take(MAX_NESTING_SCAN)
                .find(|b| {
                    let bp = paragraph_of(b.att.cue.start)
                        .or_else(|| b.att.content.first().and_then(|c| paragraph_of(c.start)));
                    matches!((bp, par), (Some(x), Some(y)) if x + 1 >= y)
                });
            (near.and_then(|b| b.att.speaker), None)
        } else {
            continue;
        };
        index_of[qi] = Some(out.len());
        out.push(Quote {
            span: q.span,
            speaker,
            cue,
        });
    }
    for b in built.iter_mut() {
        if let Some(Piece::Quote(q)) = b.draft.content.first() {
            b.att.quote = index_of[*q];
        }
    }
    out
}

fn starts_sentence(ctx: &Ctx, tok: usize) -> bool {
    let doc = ctx.doc;
    doc.sentence_at(doc.tokens()[tok].span.start)
        .is_some_and(|s| doc.sentences()[s].tokens.start == tok)
}
