//! Resolving underspecified expressions against the anchor (publication date)
//! in the direction of the sentence's tense.
//!
//! "8 October" in a past-tense sentence of a report dated 2024-10-20 is
//! 2024-10-08; "by 1 November" in a future-tense one is 2024-11-01; "8 December"
//! in a past-tense sentence of that report is 2023-12-08. Without a tense cue
//! the reading closest to the anchor wins.

use crate::calendar::{period_of, shift, unknown_period, weekday_from, Point};
use crate::lexicon::{Season, Unit};
use crate::scan::Cx;
use crate::tense::Tense;
use chrono::{Datelike, NaiveDate};

/// The year of a month (and day) with no year written, for tokens `[from, to)`.
pub(crate) fn year_for(cx: &Cx, m: u32, d: Option<u32>, from: usize, to: usize) -> Option<i32> {
    let a = cx.anchor?;
    // The second end of a range follows the first: "from March to May",
    // "between December and February".
    if let Some((y0, m0, end, day)) = cx.last_month {
        let range = from == end + 1
            && day == d.is_some()
            && ["to", "through", "until", "till", "-", "–", "and"]
                .iter()
                .any(|w| cx.eq(from - 1, w));
        if range {
            return Some(if m >= m0 { y0 } else { y0 + 1 });
        }
    }
    let y = a.year();
    // Days from the anchor to the same-year reading (mid-month for a month).
    let same = NaiveDate::from_ymd_opt(y, m, d.unwrap_or(15))
        .or_else(|| NaiveDate::from_ymd_opt(y, m, 28))?;
    let diff = (same - a).num_days();
    // A date a few weeks off the anchor in the "wrong" direction is more
    // often a misread tense than a date a year away: news style drops the
    // year mostly for dates of the current year.
    let slack = if cx.since_before(from) {
        0
    } else if d.is_some() {
        31
    } else {
        45
    };
    Some(match cx.tense(from, to) {
        Tense::Past if diff > slack => y - 1,
        Tense::Future if diff < -slack => y + 1,
        Tense::Past | Tense::Future => y,
        Tense::Present | Tense::Unknown => {
            if diff > 183 {
                y - 1
            } else if diff < -183 {
                y + 1
            } else {
                y
            }
        }
    })
}

/// The year of a quarter (1-4) or half (1-2, as `per` = 2) with no year written.
/// The part just ended stays in the anchor's year even in the future tense:
/// its results are still to come ("expects a loss for the third quarter",
/// written in October).
pub(crate) fn year_for_part(cx: &Cx, index: u32, per: u32, from: usize, to: usize) -> Option<i32> {
    let a = cx.anchor?;
    let y = a.year();
    let current = (a.month() - 1) / (12 / per) + 1;
    Some(match cx.tense(from, to) {
        Tense::Past if index > current => y - 1,
        Tense::Future if index + 1 < current => y + 1,
        _ => y,
    })
}

/// The year of a season with no year written.
pub(crate) fn year_for_season(cx: &Cx, s: Season, from: usize, to: usize) -> Option<i32> {
    let a = cx.anchor?;
    let y = a.year();
    let current = Season::of_month(a.month()).index();
    // Winter is filed under the year it starts in; January and February
    // belong to the previous year's winter.
    let cur_year = if a.month() <= 2 { y - 1 } else { y };
    Some(match cx.tense(from, to) {
        Tense::Past if s.index() > current => cur_year - 1,
        Tense::Future if s.index() < current => cur_year + 1,
        _ => cur_year,
    })
}

/// A weekday resolved with the tense: past (and unknown) narration looks back
/// to the latest such day on or before the anchor, future forward.
pub(crate) fn weekday(cx: &Cx, wd: u32, from: usize, to: usize) -> Point {
    let Some(a) = cx.anchor else {
        return Point::Weekday(wd);
    };
    let dir = match cx.tense(from, to) {
        Tense::Future => 1,
        _ => -1,
    };
    weekday_from(a, wd, dir, false).map_or(Point::Weekday(wd), Point::day)
}

/// `this/last/next` (`delta` 0, -1, +1) period of `unit` from the anchor.
pub(crate) fn relative_period(anchor: Option<NaiveDate>, unit: Unit, delta: i64) -> Point {
    match anchor.and_then(|a| shift(a, unit, delta)) {
        Some(d) => period_of(d, unit),
        None => unknown_period(unit),
    }
}

/// A day `n` days from `base`, or an unknown day.
pub(crate) fn day_offset(base: Option<NaiveDate>, n: i64) -> Point {
    match base.and_then(|b| shift(b, Unit::Day, n)) {
        Some(d) => Point::day(d),
        None => Point::Day {
            y: None,
            m: 0,
            d: 0,
        },
    }
}
