//! Roles bound to people and countries bound to organisations.
//!
//! - a title before the name, in the run or just before it in lower case
//!   ("US Defence Secretary Lloyd Austin", "Russian foreign minister Sergei Lavrov");
//! - an appositive after the name, between commas
//!   ("Kyrylo Budanov, Chief of Defence Intelligence of Ukraine, confirmed");
//! - "X's Y": a country's organisation or office holder
//!   ("South Korea's National Intelligence Service").

use crate::context::Ctx;
use crate::lexicon::classes::{is, Class};
use crate::lexicon::{Lexicon, PhraseKind};
use crate::names::{title_gender, Piece};
use crate::EntityType;
use std::ops::Range;

/// Words that qualify a title without being one ("former", "acting", "defence").
pub fn is_role_modifier(w: &str) -> bool {
    is(w, Class::RoleModifier)
}

/// A determiner opening an appositive (", the head of ...", ", its chief ,"):
/// the shared class.
fn is_determiner(w: &str) -> bool {
    claimtrail_text::words::classes(w).contains(claimtrail_text::words::WordClass::Determiner)
}

/// Binds roles and countries; `pieces` are in text order.
pub fn bind(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    #[allow(clippy::needless_range_loop)] // role_before reads the neighbours
    for k in 0..pieces.len() {
        if pieces[k].etype != Some(EntityType::Person) {
            continue;
        }
        let start = pieces[k]
            .role
            .as_ref()
            .map_or(pieces[k].toks.start, |r| r.start);
        if pieces[k].role.is_none() {
            if let Some(r) = role_before(ctx, lex, start) {
                pieces[k].role = Some(r);
            }
        } else if let Some(r) = pieces[k].role.clone() {
            // widen an in-run title leftwards over lower-case modifiers ("former President X")
            let before = role_before(ctx, lex, r.start).map_or(r.start, |b| b.start);
            pieces[k].role = Some(before..r.end);
        }
        if pieces[k].role.is_none() {
            pieces[k].role = appositive(ctx, lex, pieces[k].toks.end);
        }
        if pieces[k].gender == crate::lexicon::Gender::Unknown {
            if let Some(r) = &pieces[k].role {
                pieces[k].gender = title_gender(ctx.toks[r.end - 1].bare());
            }
        }
    }
    possessor_countries(ctx, pieces);
    role_countries(ctx, lex, pieces);
}

/// The country a role names is the office holder's: "US Defence Secretary",
/// "Chief of Defence Intelligence of Ukraine", "Russian Foreign Minister".
fn role_countries(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let (Some(role), None) = (p.role.clone(), p.country.as_ref()) else {
            continue;
        };
        let words: Vec<&str> = ctx.toks[role].iter().map(|t| t.bare()).collect();
        let mut k = 0;
        while k < words.len() {
            match lex.longest_phrase(&words[k..]) {
                Some((_, ph))
                    if matches!(ph.kind, PhraseKind::Country | PhraseKind::Nationality)
                        && !ph.country.is_empty() =>
                {
                    p.country = Some(ph.country.clone());
                    break;
                }
                Some((n, _)) => k += n,
                None => k += 1,
            }
        }
    }
}

/// A title just before `start` that is not in the name run: walks back over
/// title words, modifiers and capitalised words; the role must end in a title.
fn role_before(ctx: &Ctx, lex: &Lexicon, start: usize) -> Option<Range<usize>> {
    let sent = &ctx.sentences[ctx.toks.get(start)?.sent];
    let prev = start.checked_sub(1).filter(|&p| p >= sent.start)?;
    if !lex.is_title(ctx.toks[prev].bare()) {
        return None;
    }
    let mut j = prev;
    while j > sent.start && start - j < 6 {
        let t = &ctx.toks[j - 1];
        let ok = lex.is_title(t.bare())
            || is_role_modifier(&t.norm)
            || (t.cap && t.kind == claimtrail_text::TokenKind::Word && !lex.is_function(&t.norm));
        if !ok {
            break;
        }
        j -= 1;
    }
    Some(j..start)
}

/// ", Chief of Defence Intelligence of Ukraine," after a name ending at `end`.
fn appositive(ctx: &Ctx, lex: &Lexicon, end: usize) -> Option<Range<usize>> {
    let sent = ctx.sentences[ctx.toks.get(end)?.sent].clone();
    if !ctx.toks[end].is(",") {
        return None;
    }
    let mut k = end + 1;
    while k < sent.end && is_determiner(&ctx.toks[k].norm) {
        k += 1;
    }
    let first = k;
    let mut title_seen = false;
    while k < sent.end && k - first < 12 {
        let t = &ctx.toks[k];
        let bare = t.bare();
        let title = lex.title_at(&[bare]) > 0;
        if title && k - first < 4 {
            title_seen = true;
        }
        let ok = title
            || is_role_modifier(&t.norm)
            || (t.cap && t.kind == claimtrail_text::TokenKind::Word)
            || is(&t.norm, Class::RoleJoiner);
        if !ok {
            break;
        }
        k += 1;
    }
    if !title_seen {
        return None;
    }
    let mut last = k;
    while last > first && is(&ctx.toks[last - 1].norm, Class::RoleJoiner) {
        last -= 1;
    }
    Some(first..last).filter(|r| !r.is_empty())
}

/// "South Korea's National Intelligence Service": the country is the possessor.
fn possessor_countries(ctx: &Ctx, pieces: &mut [Piece]) {
    for k in 1..pieces.len() {
        let (before, after) = pieces.split_at_mut(k);
        let owner = &before[k - 1];
        let owned = &mut after[0];
        if owner.etype != Some(EntityType::Gpe) || owned.country.is_some() {
            continue;
        }
        let apostrophe = owner.toks.end;
        let next = owned
            .role
            .as_ref()
            .map_or(owned.toks.start, |r| r.start.min(owned.toks.start));
        let possessive = ctx
            .toks
            .get(apostrophe)
            .is_some_and(|t| t.is("'s") || t.is("'"))
            && next == apostrophe + 1;
        if possessive
            && matches!(
                owned.etype,
                Some(EntityType::Org) | Some(EntityType::Person)
            )
        {
            owned.country = owner.canonical.clone().or_else(|| {
                Some(
                    ctx.toks[owner.toks.clone()]
                        .iter()
                        .map(|t| t.text)
                        .collect::<Vec<_>>()
                        .join(" "),
                )
            });
        }
    }
}
