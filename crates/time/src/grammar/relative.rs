//! Expressions relative to the anchor or to the last date mentioned: "today",
//! "yesterday morning", "last night", "this week", "last year", "next
//! Tuesday", "earlier this month", "the next day", "that year", and the
//! vague references PRESENT_REF ("now"), PAST_REF ("recently"), FUTURE_REF
//! ("the future").

use super::dates::part_of;
use super::word_in;
use crate::calendar::{period_of, shift, weekday_from, Point};
use crate::lexicon::{words_of, Lex, Pod, Season, Set, Unit, W};
use crate::resolve::{day_offset, relative_period, weekday, year_for, year_for_season};
use crate::scan::{Cx, Hit, Kind};
use crate::tense::Tense;
use chrono::Datelike;
use claimtrail_text::TokenKind;

pub(crate) fn at(cx: &Cx, i: usize) -> Option<Hit> {
    // "right now": the intensifier is part of the expression.
    if cx.eq(i, "right") && cx.is(i + 1, W::Now) {
        return rule!(now(cx, i + 1)).map(|h| Hit { start: i, ..h });
    }
    match cx.w(i)? {
        W::Overnight => rule!(overnight(cx, i)),
        W::Current => rule!(deictic(cx, i, i)).or_else(|| rule!(current(cx, i))),
        W::This | W::Last | W::Next | W::Coming => rule!(deictic(cx, i, i)),
        W::Soon => rule!(soon(cx, i)),
        W::Very if cx.is(i + 1, W::Soon) => rule!(soon(cx, i + 1)).map(|h| Hit { start: i, ..h }),
        W::That => rule!(that_period(cx, i)),
        W::Earlier | W::Later => rule!(earlier_later(cx, i)),
        W::The => rule!(the_relative(cx, i)),
        W::Now => rule!(now(cx, i)),
        _ => rule!(deictic_word(cx, i)),
    }
}

/// A word that names a day or the present by itself: "today", "yesterday",
/// "tonight", "currently", "recently", "these days", "at present".
fn deictic_word(cx: &Cx, i: usize) -> Option<Hit> {
    match cx.w(i)? {
        W::Today if generic_today(cx, i) => None,
        W::Today => Some(with_pod(cx, i, i + 1, day_offset(cx.anchor, 0))),
        W::Yesterday => Some(with_pod(cx, i, i + 1, day_offset(cx.anchor, -1))),
        // "the people of tomorrow": the future in general, not a day.
        W::Tomorrow if i > 0 && cx.is(i - 1, W::Of) && cx.lex(i + 1) == Lex::None => None,
        W::Tomorrow => Some(with_pod(cx, i, i + 1, day_offset(cx.anchor, 1))),
        W::Tonight => Some(Hit::point(
            i,
            i + 1,
            part_of(day_offset(cx.anchor, 0), Pod::Night),
        )),
        // "very recently": the intensifier is part of the expression.
        W::Very if cx.is(i + 1, W::Recently) => Some(Hit::new(i, i + 2, Kind::Ref("PAST_REF"))),
        W::Currently | W::Nowadays => Some(Hit::new(i, i + 1, Kind::Ref("PRESENT_REF"))),
        W::Recently => Some(Hit::new(i, i + 1, Kind::Ref("PAST_REF"))),
        W::These if cx.lex(i + 1) == Lex::Unit(Unit::Day, true) => {
            Some(Hit::new(i, i + 2, Kind::Ref("PRESENT_REF")))
        }
        W::Present if i > 0 && cx.eq(i - 1, "at") => {
            Some(Hit::new(i, i + 1, Kind::Ref("PRESENT_REF")))
        }
        _ => None,
    }
}

/// "today's world", "today's dollars": the present age, not the day (not a
/// time expression in TimeBank).
fn generic_today(cx: &Cx, i: usize) -> bool {
    word_in(cx, i + 1, &["'s", "’s"]) && word_in(cx, i + 2, words_of(Set::GenericTodayNouns))
}

/// "yesterday morning", "tomorrow night": a day word and a part of the day.
fn with_pod(cx: &Cx, start: usize, e: usize, day: Point) -> Hit {
    match cx.lex(e) {
        Lex::Pod(pod, false) => Hit::point(start, e + 1, part_of(day, pod)),
        _ => Hit::point(start, e, day),
    }
}

/// "overnight" as an adverb (the night before, or the coming one in future
/// sentences); not the adjective of "overnight rate".
fn overnight(cx: &Cx, i: usize) -> Option<Hit> {
    let next_is_noun = cx.kind(i + 1) == Some(TokenKind::Word)
        && !cx.cap(i + 1)
        && !word_in(cx, i + 1, words_of(Set::OvernightAdverbAfter));
    let prev_is_det = i > 0 && matches!(cx.w(i - 1), Some(W::The | W::A | W::Its | W::Their));
    if next_is_noun || prev_is_det {
        return None;
    }
    let back = if cx.tense(i, i + 1) == Tense::Future {
        0
    } else {
        -1
    };
    Some(Hit::point(
        i,
        i + 1,
        part_of(day_offset(cx.anchor, back), Pod::Night),
    ))
}

/// `this|last|next|coming|current` + unit, weekday, month, season or part of
/// the day, anchored on the publication date. `start` is where the hit begins.
fn deictic(cx: &Cx, start: usize, i: usize) -> Option<Hit> {
    let w = cx.w(i)?;
    let mut delta: i64 = match w {
        W::This | W::Current => 0,
        W::Last => -1,
        W::Next | W::Coming => 1,
        _ => return None,
    };
    // "this past weekend", "this coming Tuesday"
    let mut i = i;
    if w == W::This && matches!(cx.w(i + 1), Some(W::Past | W::Coming)) {
        delta = if cx.is(i + 1, W::Past) { -1 } else { 1 };
        i += 1;
    }
    // "this fiscal year", "last financial year": the calendar year stands in.
    let j = if cx.is(i + 1, W::Fiscal) && cx.eq(i + 2, "year") {
        i + 2
    } else {
        i + 1
    };
    let e = j + 1;
    let p = match cx.lex(j) {
        // "compared with a loss of $3 million last year" after a quarter's
        // results: that quarter a year before.
        Lex::Unit(Unit::Year, false) if delta == -1 && compares_before(cx, start) => {
            match cx.part_a_year_before() {
                Some(p) => return Some(Hit::point(start, j + 1, p).in_context()),
                None => relative_period(cx.anchor, Unit::Year, delta),
            }
        }
        Lex::Unit(u, false) if u.is_calendar() && u != Unit::Day && u != Unit::Fortnight => {
            relative_period(cx.anchor, u, delta)
        }
        Lex::Weekday(..) | Lex::Month(..) if !cx.cap(j) => return None,
        // "this coming Sunday, March 8": the date says which Sunday.
        Lex::Weekday(_, false) if super::dates::weekday_full_date(cx, e).is_some() => {
            let h = super::dates::weekday_full_date(cx, e)?;
            return Some(Hit { start, ..h });
        }
        Lex::Weekday(wd, false) => match (cx.anchor, delta) {
            (Some(a), -1) => weekday_from(a, wd, -1, true).map_or(Point::Weekday(wd), Point::day),
            (Some(a), 1) => weekday_from(a, wd, 1, true).map_or(Point::Weekday(wd), Point::day),
            _ => weekday(cx, wd, i, e),
        },
        Lex::Month(m, false) => {
            let y = match (cx.anchor, delta) {
                (Some(a), -1) => Some(if m < a.month() {
                    a.year()
                } else {
                    a.year() - 1
                }),
                (Some(a), 1) => Some(if m > a.month() {
                    a.year()
                } else {
                    a.year() + 1
                }),
                _ => year_for(cx, m, None, i, e),
            };
            Point::Month { y, m }
        }
        Lex::Season(_) | Lex::W(W::Fall) => {
            let s = match cx.lex(j) {
                Lex::Season(s) => s,
                _ => Season::Fall,
            };
            let y = match (cx.anchor, delta) {
                (Some(a), d) if d != 0 => {
                    let cur = Season::of_month(a.month()).index();
                    let base = if a.month() <= 2 {
                        a.year() - 1
                    } else {
                        a.year()
                    };
                    Some(match d {
                        -1 if s.index() < cur => base,
                        -1 => base - 1,
                        _ if s.index() > cur => base,
                        _ => base + 1,
                    })
                }
                _ => year_for_season(cx, s, i, e),
            };
            Point::Season { y, s }
        }
        Lex::Pod(pod, false) => {
            // "this morning", "last night", "this evening"
            let back = match (w, pod) {
                (W::This, _) => 0,
                (W::Last, Pod::Night | Pod::Evening) => -1,
                _ => return None,
            };
            part_of(day_offset(cx.anchor, back), pod)
        }
        _ => return None,
    };
    Some(Hit::point(start, e, p))
}

/// Whether a word of comparison comes before token `i` in the sentence
/// ("compared with", "up from", "higher than").
fn compares_before(cx: &Cx, i: usize) -> bool {
    (0..i).any(|k| word_in(cx, k, &["compared", "from", "than", "versus", "vs", "vs."]))
}

/// "that day", "that week", "that year": the period of the last date mentioned.
fn that_period(cx: &Cx, i: usize) -> Option<Hit> {
    // "that night", "that morning"
    if let Lex::Pod(pod, false) = cx.lex(i + 1) {
        return Some(Hit::point(
            i,
            i + 2,
            part_of(day_offset(cx.reference, 0), pod),
        ));
    }
    let Lex::Unit(u, false) = cx.lex(i + 1) else {
        return None;
    };
    if !matches!(u, Unit::Day | Unit::Week | Unit::Month | Unit::Year) {
        return None;
    }
    // "that day" after a verb of saying is a demonstrative pronoun phrase
    // only when followed by a relative clause; keep it simple and general.
    let p = match cx.reference {
        Some(r) => period_of(r, u),
        None => crate::calendar::unknown_period(u),
    };
    Some(Hit::point(i, i + 2, p))
}

/// "earlier this week", "later today", "later this year": the same period.
fn earlier_later(cx: &Cx, i: usize) -> Option<Hit> {
    let inner = match cx.w(i + 1)? {
        W::This => deictic(cx, i + 1, i + 1)?,
        W::Today | W::Tonight => at(cx, i + 1)?,
        _ => return None,
    };
    Some(Hit { start: i, ..inner })
}

/// "the day before yesterday", "the next day", "the following week", "the
/// previous year", "the same day", "the current quarter", "the past", "the
/// future", "the time being".
fn the_relative(cx: &Cx, i: usize) -> Option<Hit> {
    let j = i + 1;
    if let Some(h) = the_unit(cx, i) {
        return Some(h);
    }
    if let Some(h) = same_a_year_earlier(cx, i) {
        return Some(h);
    }
    match cx.w(j) {
        Some(W::Next | W::Following | W::Previous | W::Same) => {
            let w = cx.w(j)?;
            // "the following morning", "the previous night"
            if let Lex::Pod(pod, false) = cx.lex(j + 1) {
                let delta = match w {
                    W::Next | W::Following => 1,
                    W::Previous => -1,
                    _ => 0,
                };
                return Some(Hit::point(
                    i,
                    j + 2,
                    part_of(day_offset(cx.reference, delta), pod),
                ));
            }
            let Lex::Unit(u, false) = cx.lex(j + 1) else {
                return None;
            };
            if !u.is_calendar() || u == Unit::Fortnight {
                return None;
            }
            // "the next week/year" is a span of time (a duration, see
            // durations.rs); only "the next day" reads as a date.
            if w == W::Next && u != Unit::Day {
                return None;
            }
            let delta = match w {
                W::Next | W::Following => 1,
                W::Previous => -1,
                _ => 0,
            };
            let p = match cx.reference.and_then(|r| shift(r, u, delta)) {
                Some(d) => period_of(d, u),
                None => crate::calendar::unknown_period(u),
            };
            Some(Hit::point(i, j + 2, p))
        }
        Some(W::Current) => deictic(cx, i, j),
        Some(W::Past) if ends_phrase(cx, j + 1) => Some(Hit::new(i, j + 1, Kind::Ref("PAST_REF"))),
        Some(W::Future) if ends_phrase(cx, j + 1) || cx.is(j + 1, W::Of) => {
            Some(Hit::new(i, j + 1, Kind::Ref("FUTURE_REF")))
        }
        Some(W::Near) if cx.is(j + 1, W::Future) => {
            Some(Hit::new(i, j + 2, Kind::Ref("FUTURE_REF")))
        }
        _ if word_in(cx, j, &["distant", "foreseeable", "immediate"])
            && cx.is(j + 1, W::Future) =>
        {
            Some(Hit::new(i, j + 2, Kind::Ref("FUTURE_REF")))
        }
        // "in the near term", "over the long term"
        _ if word_in(cx, j, &["near", "long", "short", "medium"]) && cx.eq(j + 1, "term") => {
            Some(Hit::new(i, j + 2, Kind::Ref("FUTURE_REF")))
        }
        Some(W::Time) if cx.is(j + 1, W::Being) => {
            Some(Hit::new(i, j + 2, Kind::Ref("PRESENT_REF")))
        }
        _ => {
            // "the year before", "the week after": the period next to the
            // last date mentioned, when nothing follows that names an event
            // ("the day before the vote" is a relation, not a date).
            if let Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Year), false) =
                cx.lex(j)
            {
                let delta = match cx.text(j + 1).to_ascii_lowercase().as_str() {
                    "before" | "earlier" | "previous" | "prior" => -1,
                    "after" | "later" => 1,
                    _ => 0,
                };
                let event_after = matches!(cx.w(j + 2), Some(W::Yesterday | W::Tomorrow))
                    || !ends_phrase(cx, j + 2)
                    || cx.is(j + 2, W::The);
                if delta != 0 && !event_after {
                    // A year counts from the year just mentioned, whatever
                    // its granularity ("in 2009, after rising the year before").
                    if let (Unit::Year, Some(y)) = (u, cx.last_year) {
                        return Some(Hit::point(i, j + 2, Point::Year(Some(y + delta as i32))));
                    }
                    let p = match cx.reference.and_then(|r| shift(r, u, delta)) {
                        Some(d) => period_of(d, u),
                        None => crate::calendar::unknown_period(u),
                    };
                    return Some(Hit::point(i, j + 2, p));
                }
            }
            // "the day before yesterday", "the day after tomorrow"
            if !matches!(cx.lex(j), Lex::Unit(Unit::Day, false)) {
                return None;
            }
            let n = match (cx.text(j + 1).to_ascii_lowercase().as_str(), cx.w(j + 2)) {
                ("before", Some(W::Yesterday)) => -2,
                ("after", Some(W::Tomorrow)) => 2,
                _ => return None,
            };
            Some(Hit::point(i, j + 3, day_offset(cx.anchor, n)))
        }
    }
}

/// "the weekend", and "the day" / "the week" where a report refers to the
/// day or week it is about ("for the day", "ended the week").
fn the_unit(cx: &Cx, i: usize) -> Option<Hit> {
    // "in the morning", "during the night": that part of the day talked about
    if let Lex::Pod(pod, false) = cx.lex(i + 1) {
        let prev_ok = i > 0
            && word_in(
                cx,
                i - 1,
                &["in", "during", "overnight", "through", "throughout"],
            );
        if !prev_ok || word_in(cx, i + 2, &["of", "before", "after", "when"]) {
            return None;
        }
        let day = cx.context_day();
        return Some(Hit::point(i, i + 2, part_of(day_offset(day, 0), pod)));
    }
    // "for the full year", "the entire quarter"
    let whole = word_in(cx, i + 1, &["full", "whole", "entire", "fiscal"]);
    let k = if whole { i + 2 } else { i + 1 };
    let Lex::Unit(u, false) = cx.lex(k) else {
        return None;
    };
    let after = k + 1;
    if whole && !matches!(u, Unit::Year | Unit::Quarter) {
        return None;
    }
    if u == Unit::Weekend {
        if cx.is(after, W::Of) {
            return None;
        }
        let p = match cx.anchor {
            Some(a) => {
                let wd = a.weekday().number_from_monday() as i64;
                // past: the last weekend (this week's from Saturday on);
                // future: the coming one.
                let back = cx.tense(i, after) != Tense::Future;
                let d = if back && wd < 6 {
                    shift(a, Unit::Week, -1)
                } else {
                    Some(a)
                };
                d.map_or(crate::calendar::unknown_period(Unit::Weekend), |d| {
                    period_of(d, Unit::Weekend)
                })
            }
            None => crate::calendar::unknown_period(Unit::Weekend),
        };
        return Some(Hit::point(i, after, p));
    }
    if i == 0 {
        return None;
    }
    // "for the year", "in the quarter": the period an earnings report is
    // about (the quarter in context, the year or month of the last date).
    let report_period = matches!(u, Unit::Month | Unit::Quarter | Unit::Year);
    if !report_period && u != Unit::Day && u != Unit::Week {
        return None;
    }
    // "the first nine months of the year": TimeBank tags "the year" apart.
    let prev_in =
        report_period && !cx.cap(k) && word_in(cx, i - 1, &["in", "through", "throughout", "of"]);
    let prev_ok = prev_in || word_in(cx, i - 1, words_of(Set::ReportPeriodBefore));
    let next_free = !word_in(cx, after, words_of(Set::ReportPeriodNotAfter));
    if !prev_ok || !next_free {
        return None;
    }
    if u == Unit::Quarter {
        return Some(Hit::point(i, after, cx.latest_quarter()));
    }
    // "lost $8.6 billion for the entire year" after a quarter of 2005: 2005.
    if let (Unit::Year, Some(Point::Quarter { y: Some(y), .. } | Point::Half { y: Some(y), .. })) =
        (u, cx.part)
    {
        return Some(Hit::point(i, after, Point::Year(Some(y))));
    }
    let p = match cx.reference {
        Some(r) => period_of(r, u),
        None => crate::calendar::unknown_period(u),
    };
    Some(Hit::point(i, after, p))
}

/// "the same period last year", "the same quarter a year earlier", "the same
/// month a year ago": the period of the last date mentioned, a year back.
fn same_a_year_earlier(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.is(i + 1, W::Same) {
        return None;
    }
    let (unit, period) = match cx.lex(i + 2) {
        Lex::Unit(u @ (Unit::Day | Unit::Week | Unit::Month | Unit::Quarter), false) => (u, false),
        _ if word_in(cx, i + 2, &["period", "time"]) => (Unit::Month, true),
        _ => return None,
    };
    // "last year", "of last year", "of the last year", "a year earlier/ago/before"
    let mut k = i + 3;
    if cx.is(k, W::Of) {
        k += 1;
        if cx.is(k, W::The) {
            k += 1;
        }
    }
    let year_at = |j: usize| matches!(cx.lex(j), Lex::Unit(Unit::Year, false));
    let end = if cx.is(k, W::Last) && year_at(k + 1) {
        k + 2
    } else if cx.is(k, W::A)
        && year_at(k + 1)
        && (matches!(cx.w(k + 2), Some(W::Earlier | W::Ago)) || cx.eq(k + 2, "before"))
    {
        k + 3
    } else {
        return None;
    };
    // The period compared with is the one in context: the quarter reported
    // on, else the month just named ("in January, compared with the same
    // month a year ago"), else the month of the last date.
    if unit == Unit::Quarter || period {
        if let Some(p) = cx.part_a_year_before() {
            return Some(Hit::point(i, end, p).in_context());
        }
    }
    if matches!(unit, Unit::Month) {
        if let Some((y, m, _, _)) = cx.last_month {
            return Some(Hit::point(i, end, Point::Month { y: Some(y - 1), m }));
        }
    }
    let p = match cx.reference.and_then(|r| shift(r, Unit::Year, -1)) {
        Some(d) => period_of(d, unit),
        None => crate::calendar::unknown_period(unit),
    };
    Some(Hit::point(i, end, p))
}

/// Whether the phrase ends before token `k` (punctuation, a function word),
/// so that "the past" is the noun and not "the past president".
fn ends_phrase(cx: &Cx, k: usize) -> bool {
    match cx.kind(k) {
        None | Some(TokenKind::Punct | TokenKind::Quote) => true,
        Some(TokenKind::Word) => word_in(cx, k, words_of(Set::PhraseEnders)),
        _ => false,
    }
}

/// "current" before a noun: PRESENT_REF ("the current crisis"), but not a
/// rank among counted things ("its five current models") or "current account".
fn current(cx: &Cx, i: usize) -> Option<Hit> {
    let counted = i > 0
        && (cx.kind(i - 1) == Some(TokenKind::Number) || matches!(cx.lex(i - 1), Lex::Num(_)));
    let noun_after = cx.kind(i + 1) == Some(TokenKind::Word)
        && !cx.cap(i + 1)
        && cx.lex(i + 1) == Lex::None
        && !word_in(cx, i + 1, &["account", "accounts", "affairs", "and", "or"]);
    let graded = i > 0 && word_in(cx, i - 1, &["most", "more"]);
    (noun_after && !counted && !graded && !cx.cap(i))
        .then(|| Hit::new(i, i + 1, Kind::Ref("PRESENT_REF")))
}

/// "soon", "very soon": FUTURE_REF; not "as soon as" or "soon after" (a
/// relation to an event, not a time).
fn soon(cx: &Cx, i: usize) -> Option<Hit> {
    if (i > 0 && cx.eq(i - 1, "as"))
        || cx.eq(i + 1, "as")
        || word_in(cx, i + 1, &["after", "afterwards", "thereafter"])
    {
        return None;
    }
    Some(Hit::new(i, i + 1, Kind::Ref("FUTURE_REF")))
}

/// "now": PRESENT_REF, except in "now that" (a conjunction) and "from now"
/// (part of "two years from now", matched by the duration rules).
fn now(cx: &Cx, i: usize) -> Option<Hit> {
    if cx.is(i + 1, W::That) {
        return None;
    }
    if i > 0 && cx.eq(i - 1, "from") {
        return None;
    }
    Some(Hit::new(i, i + 1, Kind::Ref("PRESENT_REF")))
}
