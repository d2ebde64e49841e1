//! Speakers: the entity a source phrase names, through the entity layer's
//! mentions (pronouns and titles are resolved by its coreference).

use crate::ctx::Ctx;
use crate::lexicon::class::{ADV, DET, POSS_PRON, TIME};
use claimtrail_entities::{EntityLayer, EntityType};
use claimtrail_text::Span;
use std::ops::Range;

/// The entity of a source phrase: the head of its first comma segment
/// ("Kyrylo Budanov" in "Kyrylo Budanov, Chief of ..."). Within it a person
/// outranks the titles and places before the name ("Kremlin spokesman Dmitry
/// Peskov", "Ukrainian Prime Minister Denys Shmyhal"); otherwise the last name
/// before a post-modifier ("Defence Ministry" in "Russian Defence Ministry",
/// "the ministry of ..."). Possessors ("South Korea" in "South Korea's Ministry
/// of Defence") count only when nothing else is named ("Zelenskyy's office").
pub(crate) fn head_entity(ctx: &Ctx, ents: &EntityLayer, source: Range<usize>) -> Option<usize> {
    if source.is_empty() {
        return None;
    }
    let head_end = source
        .clone()
        .find(|&k| ctx.is_punct(k, ","))
        .unwrap_or(source.end);
    let head = ctx.span(source.start..head_end.max(source.start + 1));
    // where a post-modifier starts: "of", "for", "from", "at", "who", "in"
    // outside any name
    let modifier = (source.start..head_end)
        .find(|&k| ctx.eq_any(k, &["of", "for", "from", "at", "who", "in", "with"]))
        .map(|k| ctx.span(k..k + 1).start);
    let i = ents.mentions.partition_point(|m| m.span.end <= head.start);
    let mut possessor = None;
    let mut person = None;
    let mut before_modifier = None;
    let mut any = None;
    for m in ents.mentions[i..]
        .iter()
        .take_while(|m| m.span.start < head.end)
    {
        if !(head.contains(m.span) || m.span.contains(head)) {
            continue;
        }
        let possessive_pronoun = ctx
            .doc
            .token_at(m.span.start)
            .is_some_and(|k| ctx.is(k, POSS_PRON));
        if (followed_by_possessive(ctx, m.span) || possessive_pronoun) && m.span.end < head.end {
            possessor.get_or_insert(m.entity);
            continue;
        }
        if is_person(ents, m.entity) {
            person = Some(m.entity);
        }
        let inside_modifier = modifier.is_some_and(|s| m.span.start > s && m.span.end <= head.end);
        if !inside_modifier {
            before_modifier = Some(m.entity);
        }
        any.get_or_insert(m.entity);
    }
    // "A senior Hezbollah official, Mahmoud Qmati, said": a name in apposition
    // to a head that names no person
    let appositive = || {
        let first = head_end + 1;
        if person.is_some() || first >= source.end {
            return None;
        }
        let at = ctx.span(first..first + 1).start;
        let m = ents.mentions.iter().find(|m| m.span.start == at)?;
        let after = ctx.doc.token_at(m.span.end.saturating_sub(1))? + 1;
        let closes = after >= source.end || ctx.is_punct(after, ",");
        (is_person(ents, m.entity) && closes).then_some(m.entity)
    };
    let found = person.or_else(appositive);
    // a name before the noun that is a state or group ("U.S.", "Russian"),
    // or a possessor alone; an organisation's name stays ("Yonhap news agency")
    let state_like = |e: usize| {
        ents.entities.get(e).is_some_and(|x| {
            matches!(
                x.etype,
                EntityType::Gpe | EntityType::Norp | EntityType::Loc
            )
        })
    };
    let around = before_modifier
        .or(any)
        .map_or(possessor.is_some(), state_like);
    if found.is_none() && around && names_a_body_of(ctx, ents, source.start, head_end, modifier) {
        // "U.S. officials", "Britain's foreign intelligence service", "the
        // head of MI6": the speaker is the body or person the common noun
        // names, not the state or group around it; no entity names it, so
        // the speaker stays unknown and the source as written names it
        return None;
    }
    found
        .or(before_modifier)
        .or(any)
        .or(possessor)
        .or_else(|| ents.entity_in(ctx.span(source)))
}

/// Whether the head noun of a source phrase (its last content word before a
/// post-modifier or comma) lies outside every entity mention while a name
/// or noun possessor stands before it: "U.S. officials", "Russia's foreign
/// ministry". A possessive pronoun's noun ("his spokesman") is left to the
/// possessor, whom coreference names.
fn names_a_body_of(
    ctx: &Ctx,
    ents: &EntityLayer,
    start: usize,
    head_end: usize,
    modifier: Option<usize>,
) -> bool {
    let end = modifier
        .and_then(|m| ctx.doc.token_at(m))
        .map_or(head_end, |m| m.min(head_end));
    let Some(noun) = (start..end)
        .rev()
        .find(|&k| ctx.is_nounish(k) && !ctx.is(k, TIME | ADV))
    else {
        return false;
    };
    if ctx.is_cap(noun) && !ctx.is(noun, DET) && noun > start && ctx.is_cap(noun - 1) {
        // a capitalised run is a name the recogniser missed ("Maritime Authority")
        return false;
    }
    let span = ctx.span(noun..noun + 1);
    let covered = ents
        .mentions
        .iter()
        .skip(ents.mentions.partition_point(|m| m.span.end <= span.start))
        .take_while(|m| m.span.start < span.end)
        .any(|m| m.span.contains(span));
    let pronoun_possessor = (start..noun).any(|k| ctx.is(k, POSS_PRON));
    !covered && !pronoun_possessor && noun > start
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
