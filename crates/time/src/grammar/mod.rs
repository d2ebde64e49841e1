//! The recognizer: at each token, the longest time expression that starts
//! there. Rules are grouped by what they build: calendar dates
//! ([`dates`]), expressions relative to the anchor ([`relative`]), durations
//! and sets ([`durations`]) and clock times ([`clock`]).
//!
//! Extents follow the TIMEX3 guidelines as annotated in TimeBank/TempEval-3:
//! prepositions and subordinators stay outside ("on [8 October]", "since [the
//! beginning of the year]"), determiners and pre-modifiers inside ("[the third
//! quarter]", "[more than two years]", "[early June]").

/// Runs a rule function and names its hit after it
/// (`claimtrail_time::grammar::dates::month_first`): the name `analyze
/// --explain` shows, without the `claimtrail_` prefix.
macro_rules! rule {
    ($f:ident ( $($arg:expr),* $(,)? )) => {
        $f($($arg),*).map(|h| h.by(concat!(module_path!(), "::", stringify!($f))))
    };
}

pub(crate) mod clock;
pub(crate) mod dates;
pub(crate) mod durations;
pub(crate) mod relative;

use crate::calendar::Point;
use crate::lexicon::{Lex, Unit, W};
use crate::resolve::relative_period;
use crate::scan::{Cx, Hit, Kind};
use crate::TimexMod;
use claimtrail_text::TokenKind;

/// The longest expression starting at token `i`, if any.
pub(crate) fn match_at(cx: &Cx, i: usize) -> Option<Hit> {
    if !may_start(cx, i) {
        return None;
    }
    let mut best: Option<Hit> = None;
    consider(&mut best, modified(cx, i));
    consider(&mut best, core(cx, i));
    // "a week or so", "the next year or so": approximate, "or so" inside.
    best.map(|h| {
        if cx.eq(h.end, "or") && cx.eq(h.end + 1, "so") && h.bytes.is_none() {
            let m = h.modifier.or(Some(TimexMod::Approx));
            Hit {
                end: h.end + 2,
                modifier: m,
                ..h
            }
        } else {
            h
        }
    })
}

/// Cheap filter: most tokens cannot start an expression.
fn may_start(cx: &Cx, i: usize) -> bool {
    let t = &cx.toks[i];
    match t.kind {
        TokenKind::Number => true,
        // "at" starts "at least two years" and "at most a week", "right"
        // starts "right now".
        TokenKind::Word => {
            t.lex != Lex::None
                || t.s.contains('-')
                || t.cap
                || t.s.eq_ignore_ascii_case("at")
                || t.s.eq_ignore_ascii_case("right")
        }
        TokenKind::Quote => cx.kind(i + 1) == Some(TokenKind::Number),
        _ => false,
    }
}

fn consider(best: &mut Option<Hit>, cand: Option<Hit>) {
    if let Some(c) = cand {
        if best.as_ref().is_none_or(|b| c.end > b.end) {
            *best = Some(c);
        }
    }
}

/// All rules but the modifier prefix.
pub(crate) fn core(cx: &Cx, i: usize) -> Option<Hit> {
    // Rules nest ("early" + a period, a clock time + a day) through here;
    // bounding the depth keeps "early early early ..." linear.
    let depth = cx.depth.get();
    if depth >= 3 {
        return None;
    }
    cx.depth.set(depth + 1);
    let hit = core_rules(cx, i);
    cx.depth.set(depth);
    hit
}

fn core_rules(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    consider(&mut best, dates::at(cx, i));
    consider(&mut best, relative::at(cx, i));
    consider(&mut best, durations::at(cx, i));
    consider(&mut best, clock::at(cx, i));
    best
}

/// "more than two years", "about three weeks ago", "nearly a decade": a
/// quantity modifier before a duration (or a quantified "ago" date).
fn modified(cx: &Cx, i: usize) -> Option<Hit> {
    let (m, j) = quantity_modifier(cx, i)?;
    let rule = concat!(module_path!(), "::modified");
    if let Some(hit) = durations::quantified(cx, j) {
        return Some(Hit { start: i, ..hit }.with_mod(Some(m)).by(rule));
    }
    // "about 3:30 p.m.": an approximate clock time keeps its modifier.
    if m == TimexMod::Approx {
        let hit = clock::at(cx, j)?;
        return Some(Hit { start: i, ..hit }.with_mod(Some(m)).by(rule));
    }
    None
}

/// A modifier of a quantity, and the token after it.
pub(crate) fn quantity_modifier(cx: &Cx, i: usize) -> Option<(TimexMod, usize)> {
    // "at" is not a keyword of the lexicon, so it is checked before the lookup.
    if cx.eq(i, "at") {
        return match cx.w(i + 1) {
            Some(W::Least) => Some((TimexMod::EqualOrMore, i + 2)),
            Some(W::Most) => Some((TimexMod::EqualOrLess, i + 2)),
            _ => None,
        };
    }
    let w = cx.w(i)?;
    let next = cx.w(i + 1);
    // "just over", "well under": the hedge is part of the modifier.
    if matches!(w, W::Just | W::Well) {
        let (m, j) = quantity_modifier(cx, i + 1)?;
        return Some((m, j));
    }
    Some(match (w, next) {
        (W::More, Some(W::Than)) => (TimexMod::MoreThan, i + 2),
        (W::Less | W::Fewer, Some(W::Than)) => (TimexMod::LessThan, i + 2),
        (W::No, Some(W::More)) if cx.is(i + 2, W::Than) => (TimexMod::EqualOrLess, i + 3),
        (W::No, Some(W::Less | W::Fewer)) if cx.is(i + 2, W::Than) => {
            (TimexMod::EqualOrMore, i + 3)
        }
        (W::Up, Some(W::To)) => (TimexMod::EqualOrLess, i + 2),
        (W::About | W::Around | W::Approximately | W::Roughly, _) => (TimexMod::Approx, i + 1),
        (W::Some, _) if starts_number(cx, i + 1) => (TimexMod::Approx, i + 1),
        (W::Nearly | W::Almost, _) => (TimexMod::LessThan, i + 1),
        (W::Over, _) if starts_number(cx, i + 1) || cx.is(i + 1, W::A) => {
            (TimexMod::MoreThan, i + 1)
        }
        (W::Under, _) if starts_number(cx, i + 1) || cx.is(i + 1, W::A) => {
            (TimexMod::LessThan, i + 1)
        }
        _ => return None,
    })
}

fn starts_number(cx: &Cx, i: usize) -> bool {
    cx.kind(i) == Some(TokenKind::Number) || matches!(cx.lex(i), Lex::Num(_))
}

/// A year written after a month, season or quarter: `, 2024` (when
/// `comma_ok`), `2024`, `of 2024`, `of this year`, `last year`. Returns the year (None when relative
/// and there is no anchor) and the token after it.
pub(crate) fn year_spec(cx: &Cx, j: usize, comma_ok: bool) -> Option<(Option<i32>, usize)> {
    if let Some((y, e)) = cx.year_number(j) {
        return Some((Some(y), e));
    }
    if cx.text(j) == "," {
        // "October 8, 2024"; after a bare month a comma ends the phrase
        // ("in October, 2000 troops ...").
        return match cx.year_number(j + 1) {
            Some((y, e)) if comma_ok => Some((Some(y), e)),
            _ => None,
        };
    }
    let k = if cx.is(j, W::Of) { j + 1 } else { j };
    if k > j {
        if let Some((y, e)) = cx.year_number(k) {
            return Some((Some(y), e));
        }
        if cx.is(k, W::The) && cx.eq(k + 1, "year") {
            // "the end of the year": the current year
            return None;
        }
    }
    let delta = match cx.w(k)? {
        W::This => 0,
        W::Last => -1,
        W::Next => 1,
        _ => return None,
    };
    if !matches!(cx.lex(k + 1), Lex::Unit(Unit::Year, false)) {
        return None;
    }
    match relative_period(cx.anchor, Unit::Year, delta) {
        Point::Year(y) => Some((y, k + 2)),
        _ => None,
    }
}

/// A calendar period (for "the end of ...", "early ..."): a point expression
/// at `j`, or "the year/month/week/..." meaning the anchor's.
pub(crate) fn period(cx: &Cx, j: usize) -> Option<Hit> {
    if cx.is(j, W::The) {
        let k = if matches!(cx.w(j + 1), Some(W::Fiscal | W::Entire | W::Whole)) {
            j + 2
        } else {
            j + 1
        };
        if let Lex::Unit(u, false) = cx.lex(k) {
            if matches!(
                u,
                Unit::Week
                    | Unit::Month
                    | Unit::Year
                    | Unit::Quarter
                    | Unit::Decade
                    | Unit::Century
            ) {
                return Some(Hit::point(j, k + 1, relative_period(cx.anchor, u, 0)));
            }
            // "the start of the day": the day the text is talking about
            if u == Unit::Day {
                return Some(Hit::point(
                    j,
                    k + 1,
                    crate::resolve::day_offset(cx.reference, 0),
                ));
            }
        }
    }
    let hit = core(cx, j)?;
    match &hit.kind {
        Kind::Point(p) if !matches!(p, Point::Clock { .. }) => Some(hit),
        _ => None,
    }
}

/// The lower-case word at `i` is one of `words`.
pub(crate) fn word_in(cx: &Cx, i: usize, words: &[&str]) -> bool {
    let t = cx.text(i);
    words.iter().any(|w| t.eq_ignore_ascii_case(w))
}
