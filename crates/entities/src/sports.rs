//! Teams named after places. In a sports report "Leeds beat Chelsea" and the
//! results line "Arsenal 2 Derby 2" name clubs, not cities: wire services tag
//! them as organisations (national sides keep their country's place type).
//!
//! A document is a sports report when it has results lines (name, score, name,
//! score) or several sports words. There, a city name that is not where
//! something happens ("in Leeds", a dateline) is read as its club.

use crate::context::Ctx;
use crate::lexicon::{norm, Lexicon, PhraseKind};
use crate::names::Piece;
use crate::EntityType;

const SPORTS_WORDS: &[&str] = &[
    "soccer",
    "football",
    "cricket",
    "rugby",
    "tennis",
    "baseball",
    "basketball",
    "hockey",
    "golf",
    "league",
    "striker",
    "midfielder",
    "goalkeeper",
    "innings",
    "wickets",
    "batsman",
    "bowler",
    "semifinal",
    "semi-final",
    "quarterfinal",
    "quarter-final",
    "halftime",
    "half-time",
    "inning",
    "pitcher",
    "playoff",
    "playoffs",
    "standings",
    "goals",
    "premier",
    "division",
    "tournament",
];

/// "2", "2-1", "10": goals and points, not years.
fn is_score(t: &str) -> bool {
    t.split('-').count() <= 2
        && t.split('-')
            .all(|g| (1..=2).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()))
}

/// A short line with two scores ("Arsenal 2 Derby 2").
fn is_results_line(ctx: &Ctx, tok: usize) -> bool {
    let s = &ctx.sentences[ctx.toks[tok].sent];
    s.len() <= 10 && s.clone().filter(|&i| is_score(ctx.toks[i].text)).count() >= 2
}

/// A results line that opens with a side's name: a match result ("Arsenal 2
/// Derby 2") or a table row ("Newcastle 6 5 0 1 12 5 15"), not a leaderboard
/// row of players ("135 Greg Norman 68 67").
fn is_sides_line(ctx: &Ctx, tok: usize) -> bool {
    let s = &ctx.sentences[ctx.toks[tok].sent];
    is_results_line(ctx, tok) && ctx.toks[s.start].cap
}

/// Whether the document reads as a sports report.
fn is_sports(ctx: &Ctx) -> bool {
    let words: std::collections::HashSet<&str> = ctx
        .toks
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| SPORTS_WORDS.contains(w))
        .collect();
    // "Arsenal 2 Derby 2": short lines with two scores
    let results_lines = ctx
        .sentences
        .iter()
        .filter(|s| !s.is_empty() && is_results_line(ctx, s.start))
        .count();
    words.len() >= 3 || results_lines >= 2
}

/// The sides of a results line: each run of capitalised words right before a
/// score ("Sheffield Wednesday 0", "Hapoel Tel Aviv 2"), as token ranges.
fn sides(ctx: &Ctx, sent: &std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for i in sent.clone() {
        let t = &ctx.toks[i];
        let name_word = t.kind == claimtrail_text::TokenKind::Word
            && (t.cap || (start.is_some() && matches!(t.norm.as_str(), "de" | "of" | "&")));
        if name_word {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                if is_score(t.text) && ctx.toks[i - 1].cap {
                    out.push(s..i);
                }
            }
        }
    }
    out
}

/// A cricket scorecard line: "A. Stewart c Moin Khan b Mushtaq Ahmed 44",
/// "G. Thorpe not out 54", "M. Atherton lbw b Wasim Akram 31".
fn is_scorecard_line(ctx: &Ctx, sent: &std::ops::Range<usize>) -> bool {
    sent.clone().any(|i| {
        let t = ctx.toks[i].text;
        let between_names =
            i > sent.start && i + 1 < sent.end && ctx.toks[i - 1].cap && ctx.toks[i + 1].cap;
        (matches!(t, "b" | "c" | "st") && between_names)
            || t == "lbw"
            || (t == "out" && i > sent.start && matches!(ctx.toks[i - 1].text, "not" | "run"))
    })
}

/// In scorecard lines the names are players: people, whatever else they
/// might be ("Mushtaq Ahmed", "Moin Khan"); countries stay places.
fn players(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let sent = &ctx.sentences[ctx.toks[p.toks.start].sent];
        if p.strong || p.etype == Some(EntityType::Person) || !is_scorecard_line(ctx, sent) {
            continue;
        }
        let words: Vec<&str> = ctx.toks[p.toks.clone()].iter().map(|t| t.bare()).collect();
        let country = lex
            .phrase(&words)
            .is_some_and(|ph| ph.kind == PhraseKind::Country);
        if !country {
            p.etype = Some(EntityType::Person);
            p.canonical = None;
        }
    }
}

/// Retypes city names as clubs in sports reports, and adds the sides of
/// results lines that nothing else named.
pub fn clubs(ctx: &Ctx, lex: &Lexicon, pieces: &mut Vec<Piece>) {
    // a scorecard line says enough by itself
    players(ctx, lex, pieces);
    if !is_sports(ctx) {
        return;
    }
    let mut added = false;
    for sent in &ctx.sentences {
        if sent.is_empty() || !is_sides_line(ctx, sent.start) {
            continue;
        }
        for r in sides(ctx, sent) {
            let overlaps = |p: &Piece| p.toks.start < r.end && r.start < p.toks.end;
            // a piece inside the side ("Sheffield" of "Sheffield Wednesday") gives way to it
            if pieces
                .iter()
                .any(|p| overlaps(p) && (p.toks.start < r.start || p.toks.end > r.end))
            {
                continue;
            }
            if pieces.iter().any(|p| p.toks == r) {
                continue;
            }
            pieces.retain(|p| !overlaps(p));
            let words: Vec<&str> = ctx.toks[r.clone()].iter().map(|t| t.bare()).collect();
            let piece = match lex.phrase(&words) {
                Some(ph) if ph.kind == PhraseKind::Country => {
                    let mut p = Piece::from_span(r, EntityType::Gpe);
                    p.canonical = Some(ph.canonical.clone());
                    p.strong = true;
                    p
                }
                _ => Piece::from_span(r, EntityType::Org),
            };
            pieces.push(piece);
            added = true;
        }
    }
    if added {
        pieces.sort_by_key(|p| p.toks.start);
    }
    for p in pieces.iter_mut() {
        // In a results line a name followed by its score is a side: a club,
        // whatever the tagger thought ("Feyenoord 2 Ajax 1"); countries stay places.
        if is_sides_line(ctx, p.toks.start)
            && ctx.toks.get(p.toks.end).is_some_and(|t| is_score(t.text))
        {
            let country = p.etype == Some(EntityType::Gpe)
                && p.canonical.as_ref().is_some_and(|c| {
                    lex.phrase(&[&norm(c)])
                        .is_some_and(|ph| ph.kind == PhraseKind::Country)
                });
            if !country {
                p.etype = Some(EntityType::Org);
                p.canonical = None;
                p.strong = true;
                continue;
            }
        }
        if p.etype != Some(EntityType::Gpe) {
            continue;
        }
        let words: Vec<String> = ctx.toks[p.toks.clone()]
            .iter()
            .map(|t| norm(t.text))
            .collect();
        let refs: Vec<&str> = words.iter().map(String::as_str).collect();
        if lex
            .phrase(&refs)
            .is_some_and(|ph| ph.kind == PhraseKind::Country)
        {
            continue; // national sides keep their place type
        }
        let sent = &ctx.sentences[ctx.toks[p.toks.start].sent];
        let prev = (p.toks.start > sent.start).then(|| ctx.toks[p.toks.start - 1].norm.as_str());
        let locative = prev
            .is_some_and(|w| matches!(w, "in" | "at" | "from" | "near" | "to" | "outside" | "of"));
        // "LONDON 1996-08-30", "LONDON, Aug 30": a dateline; "Leeds 0" is a results line
        let dateline = p.toks.start == sent.start
            && ctx.toks.get(p.toks.end).is_some_and(|t| {
                (t.kind == claimtrail_text::TokenKind::Number && !is_score(t.text)) || t.text == ","
            });
        if !locative && !dateline {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
        }
        // either way the reading is settled: a later vote must not merge the
        // club and the town
        p.strong = true;
    }
}
