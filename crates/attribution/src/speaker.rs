//! Speakers: the entity a source phrase names, through the entity layer's
//! mentions (pronouns and titles are resolved by its coreference).

use crate::ctx::Ctx;
use claimtrail_entities::{EntityLayer, EntityType};
use claimtrail_text::Span;
use std::ops::Range;

/// The entity of a source phrase: the head of its first comma segment
/// ("Kyrylo Budanov" in "Kyrylo Budanov, Chief of ..."), skipping possessors
/// ("South Korea" in "South Korea's Ministry of Defence") unless nothing else
/// is named ("Zelenskyy's office" falls back to Zelenskyy).
pub(crate) fn head_entity(ctx: &Ctx, ents: &EntityLayer, source: Range<usize>) -> Option<usize> {
    if source.is_empty() {
        return None;
    }
    let head_end = source
        .clone()
        .find(|&k| ctx.is_punct(k, ","))
        .unwrap_or(source.end);
    let head = ctx.span(source.start..head_end.max(source.start + 1));
    let i = ents.mentions.partition_point(|m| m.span.end <= head.start);
    let mut possessor = None;
    for m in ents.mentions[i..]
        .iter()
        .take_while(|m| m.span.start < head.end)
    {
        if !(head.contains(m.span) || m.span.contains(head)) {
            continue;
        }
        if followed_by_possessive(ctx, m.span) && m.span.end < head.end {
            possessor = Some(m.entity);
            continue;
        }
        return Some(m.entity);
    }
    possessor.or_else(|| ents.entity_in(ctx.span(source)))
}

fn followed_by_possessive(ctx: &Ctx, span: Span) -> bool {
    let Some(t) = ctx.doc.token_at(span.end) else {
        return false;
    };
    ctx.doc.tokens()[t].span.start == span.end && ctx.is_possessive(t)
}

pub(crate) fn is_person(ents: &EntityLayer, e: usize) -> bool {
    ents.entities
        .get(e)
        .is_some_and(|x| x.etype == EntityType::Person)
}
