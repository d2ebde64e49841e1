//! Clock times: "6:40 p.m.", "18:00 UTC", "0800 GMT", "10am", "noon",
//! "10 o'clock", "16:00 UTC today", "6:40 p.m. (GMT +8)". The day is the one
//! written after the time, else the last day named in the sentence, else the
//! anchor.

use super::{core, word_in};
use crate::calendar::Point;
use crate::lexicon::{words_of, Lex, Set, W};
use crate::scan::{Cx, Hit, Kind, Num};
use chrono::NaiveDate;
use claimtrail_text::TokenKind;

pub(crate) fn at(cx: &Cx, i: usize) -> Option<Hit> {
    rule!(time_of_day(cx, i))
}

/// "10 a.m.", "14:30 GMT", "6 p.m. on Tuesday": a clock time, with the day
/// it falls on when the text gives one.
fn time_of_day(cx: &Cx, i: usize) -> Option<Hit> {
    let (h, min, mut j, mut explicit) = clock_core(cx, i)?;
    let mut zone: &'static str = "";
    if let Lex::Zone(z) = cx.lex(j) {
        if cx.text(j).bytes().all(|b| b.is_ascii_uppercase()) {
            zone = z;
            j += 1;
            explicit = true;
        }
    } else if cx.is(j, W::Local) && cx.is(j + 1, W::Time) {
        j += 2;
        explicit = true;
    }
    // "(GMT +8)", "(local time)"
    if cx.text(j) == "(" && (matches!(cx.lex(j + 1), Lex::Zone(_)) || cx.is(j + 1, W::Local)) {
        if let Some(close) = (j + 2..(j + 7).min(cx.len())).find(|&k| cx.text(k) == ")") {
            j = close + 1;
            explicit = true;
        }
    }
    let day_hit = following_day(cx, j);
    if !explicit && day_hit.is_none() && !(i > 0 && word_in(cx, i - 1, words_of(Set::ClockBefore)))
    {
        return None;
    }
    let (day, end) = match day_hit {
        Some((d, e)) => (Some(d), e),
        // "at 6 a.m. on Tuesday": the day after "on" dates the time but
        // stays a separate expression.
        None if cx.eq(j, "on") => (
            following_day(cx, j + 1)
                .map(|(d, _)| d)
                .or(cx.context_day()),
            j,
        ),
        None => (cx.context_day(), j),
    };
    Some(Hit::point(
        i,
        end,
        Point::Clock {
            day,
            dayv: None,
            h,
            min,
            zone,
        },
    ))
}

/// The time itself: hours, minutes, the token after it, and whether it is
/// unmistakably a time (an am/pm mark, o'clock, a 24-hour form with minutes).
fn clock_core(cx: &Cx, i: usize) -> Option<(u32, u32, usize, bool)> {
    let ampm = |k: usize| match cx.w(k) {
        Some(W::Am) => Some(false),
        Some(W::Pm) => Some(true),
        _ => None,
    };
    let to24 = |h: u32, pm: bool| -> Option<u32> {
        if !(1..=12).contains(&h) {
            return None;
        }
        Some(match (h, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        })
    };
    match cx.num(i) {
        Num::Clock { h, m, pm } if m < 60 => match pm.or_else(|| ampm(i + 1)) {
            Some(p) => Some((
                to24(h, p)?,
                m,
                if pm.is_some() { i + 1 } else { i + 2 },
                true,
            )),
            None if h <= 24 => Some((h, m, i + 1, false)),
            None => None,
        },
        Num::HourAmPm { h, pm } => Some((to24(h, pm)?, 0, i + 1, true)),
        Num::Int { v: 12, digits: 2 } if matches!(cx.w(i + 1), Some(W::Noon | W::Midnight)) => {
            Some(if cx.is(i + 1, W::Noon) {
                (12, 0, i + 2, true)
            } else {
                (24, 0, i + 2, true)
            })
        }
        Num::Int { v, digits: 1..=2 } => {
            if let Some(p) = ampm(i + 1) {
                return Some((to24(v, p)?, 0, i + 2, true));
            }
            if cx.is(i + 1, W::OClock) && (1..=12).contains(&v) {
                return Some((v, 0, i + 2, true));
            }
            None
        }
        Num::Int { v, digits: 4 } if v % 100 < 60 && v <= 2400 => {
            let zoned = matches!(cx.lex(i + 1), Lex::Zone(_))
                && cx.text(i + 1).bytes().all(|b| b.is_ascii_uppercase());
            let hours = word_in(cx, i + 1, &["hours", "hrs"]);
            if zoned {
                Some((v / 100, v % 100, i + 1, true))
            } else if hours {
                Some((v / 100, v % 100, i + 2, true))
            } else {
                None
            }
        }
        _ => match cx.w(i) {
            Some(W::Noon | W::Midday) => Some((12, 0, i + 1, true)),
            Some(W::Midnight) if !super::dates::name_follows(cx, i + 1) && !cx.in_title(i) => {
                Some((24, 0, i + 1, true))
            }
            _ => None,
        },
    }
}

/// A day written right after a time ("16:00 UTC today", "12:00 UTC Monday",
/// "10 a.m. Oct. 8"): the date and the token after it.
fn following_day(cx: &Cx, j: usize) -> Option<(NaiveDate, usize)> {
    let starts_day = matches!(
        cx.lex(j),
        Lex::W(W::Today | W::Yesterday | W::Tomorrow) | Lex::Weekday(_, false) | Lex::Month(..)
    ) || cx.kind(j) == Some(TokenKind::Number);
    if !starts_day {
        return None;
    }
    let hit = core(cx, j)?;
    match hit.kind {
        Kind::Point(p) => p.as_date().map(|d| (d, hit.end)),
        _ => None,
    }
}
