//! Calendar dates: "8 October 2024", "Oct. 8", "October 2024", "May",
//! "Tuesday, Oct. 8", "2024-10-08", "10/8/2024", years, decades, centuries,
//! quarters and halves, seasons, holidays, fiscal years, and bounded periods
//! ("the end of the year", "early June", "mid-2011").

use super::{period, word_in, year_spec};
use crate::calendar::{holiday_date, holiday_month_day, Point};
use crate::lexicon::{holiday_phrases, words_of, Lex, Season, Set, Unit, W};
use crate::resolve::{relative_period, weekday, year_for, year_for_part, year_for_season};
use crate::scan::{Cx, Hit, Kind, Num};
use crate::TimexMod;
use chrono::{Datelike, NaiveDate};
use claimtrail_text::TokenKind;

pub(crate) fn at(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    let mut take = |h: Option<Hit>| {
        if let Some(h) = h {
            if best.as_ref().is_none_or(|b| h.end > b.end) {
                best = Some(h);
            }
        }
    };
    match cx.lex(i) {
        Lex::Month(..) => take(rule!(month_first(cx, i))),
        Lex::Weekday(_, false) => take(rule!(weekday_date(cx, i))),
        Lex::Season(_) | Lex::W(W::Fall) => take(rule!(season(cx, i, i))),
        Lex::Holiday(_) => take(rule!(holiday(cx, i))),
        Lex::W(W::The) => {
            take(rule!(day_first(cx, i)));
            take(rule!(decade(cx, i)));
            take(rule!(century(cx, i)));
            take(rule!(quarter(cx, i)));
            take(rule!(season(cx, i, i)));
            take(rule!(bounds(cx, i)));
            take(rule!(the_year(cx, i)));
            take(rule!(week_of_month(cx, i)));
            take(rule!(year_ago_part(cx, i)));
        }
        Lex::W(W::Fiscal) => {
            take(rule!(fiscal_year(cx, i)));
            take(rule!(quarter(cx, i)));
            // "fiscal third-quarter"
            take(rule!(word_token(cx, i + 1)).map(|h| Hit { start: i, ..h }));
        }
        Lex::W(W::Early | W::Late | W::Mid) => {
            take(rule!(bounds(cx, i)));
            take(rule!(decade(cx, i)));
        }
        Lex::Ord(_) | Lex::Unit(Unit::Second, false) | Lex::W(W::Last) => {
            take(rule!(quarter(cx, i)))
        }
        _ => {}
    }
    match cx.kind(i) {
        Some(TokenKind::Number) => {
            take(rule!(day_first(cx, i)));
            take(rule!(numeric(cx, i)));
            take(rule!(year(cx, i)));
            take(rule!(decade(cx, i)));
            take(rule!(quarter(cx, i)));
            take(rule!(possessive_part(cx, i)));
        }
        Some(TokenKind::Quote) => {
            take(rule!(year(cx, i)));
            take(rule!(decade(cx, i)));
        }
        Some(TokenKind::Word) if cx.lex(i) == Lex::None => {
            take(rule!(holiday(cx, i)));
            take(rule!(word_token(cx, i)));
        }
        _ => {}
    }
    best
}

/// "October 8, 2024", "Oct. 8", "October 8th", "October 2024", "October".
fn month_first(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Month(m, abbr) = cx.lex(i) else {
        return None;
    };
    if !cx.cap(i) {
        return None;
    }
    let j = i + 1;
    if let Some(d) = cx.day_number(j) {
        // "May 5" but not "March 8 miles": a unit after the number means a quantity.
        if !matches!(cx.lex(j + 1), Lex::Unit(..)) {
            return day_hit(cx, i, j + 1, m, d);
        }
    }
    if let Some((y, e)) = year_spec(cx, j, false) {
        return Some(Hit::point(i, e, Point::Month { y, m }));
    }
    if abbr || !bare_month_ok(cx, i, m) {
        return None;
    }
    Some(Hit::point(
        i,
        j,
        Point::Month {
            y: year_for(cx, m, None, i, j),
            m,
        },
    ))
}

/// Month `m`, day `d` ending at token `e` (exclusive): reads an optional year.
fn day_hit(cx: &Cx, start: usize, e: usize, m: u32, d: u32) -> Option<Hit> {
    let (y, end) = match year_spec(cx, e, true) {
        Some((y, end)) => (y, end),
        None => (year_for(cx, m, Some(d), start, e), e),
    };
    // The day must exist (in a leap year when the year is unknown).
    NaiveDate::from_ymd_opt(y.unwrap_or(2000), m, d)?;
    Some(Hit::point(start, end, Point::Day { y, m, d }))
}

/// A bare month name is a date unless it is a name or a verb: "May" and
/// "March" need a temporal preposition before them; any month followed by a
/// capitalized word is taken for a name ("June Carter").
fn bare_month_ok(cx: &Cx, i: usize, m: u32) -> bool {
    let prev_temporal = i > 0 && word_in(cx, i - 1, words_of(Set::TemporalPrepositions));
    if (m == 5 || m == 3) && !prev_temporal {
        return false;
    }
    !name_follows(cx, i + 1)
}

/// Whether token `k` continues a proper name ("June Carter", "Sunday
/// Times", "Summer Olympics"): a capitalized word that is neither a time word
/// nor one of the function words of title-case headlines.
pub(crate) fn name_follows(cx: &Cx, k: usize) -> bool {
    if !cx.cap(k) || cx.kind(k) != Some(TokenKind::Word) {
        return false;
    }
    let time_word = matches!(
        cx.lex(k),
        Lex::Month(..)
            | Lex::Weekday(..)
            | Lex::Pod(..)
            | Lex::Unit(..)
            | Lex::Zone(_)
            | Lex::Season(_)
    );
    !time_word && !word_in(cx, k, words_of(Set::HeadlineFunctionWords))
}

/// "8 October 2024", "8th of October", "the 8th of October".
fn day_first(cx: &Cx, i: usize) -> Option<Hit> {
    let j = if cx.is(i, W::The) { i + 1 } else { i };
    let d = cx.day_number(j)?;
    let mut k = j + 1;
    if cx.is(k, W::Of) {
        k += 1;
    }
    let Lex::Month(m, _) = cx.lex(k) else {
        return None;
    };
    if !cx.cap(k) {
        return None;
    }
    day_hit(cx, i, k + 1, m, d)
}

/// Numeric dates: ISO `2024-10-08`, `20.10.2024`, and slashed `10/8/2024`
/// (month first, unless the first number cannot be a month).
fn numeric(cx: &Cx, i: usize) -> Option<Hit> {
    if let Num::Date { y, m, d } = cx.num(i) {
        return Some(Hit::point(i, i + 1, Point::Day { y: Some(y), m, d }));
    }
    let Num::Int {
        v: a,
        digits: 1..=2,
    } = cx.num(i)
    else {
        return None;
    };
    if cx.text(i + 1) != "/" || cx.text(i + 3) != "/" || !(i..i + 4).all(|k| cx.touches(k)) {
        return None;
    }
    let Num::Int {
        v: b,
        digits: 1..=2,
    } = cx.num(i + 2)
    else {
        return None;
    };
    let y = match cx.num(i + 4) {
        Num::Int { v, digits: 4 } => v as i32,
        Num::Int { v, digits: 2 } => cx.two_digit_year(v),
        _ => return None,
    };
    let (m, d) = if a > 12 { (b, a) } else { (a, b) };
    NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Hit::point(i, i + 5, Point::Day { y: Some(y), m, d }))
}

/// "Tuesday", "Tuesday, Oct. 8", "Tuesday 8 October 2024", "Tuesday night".
fn weekday_date(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Weekday(wd, false) = cx.lex(i) else {
        return None;
    };
    if !cx.cap(i) {
        return None;
    }
    // "Black Monday", "Super Tuesday": named days, not this week's.
    if i > 0 && cx.cap(i - 1) && word_in(cx, i - 1, words_of(Set::NamedDayPrefixes)) {
        return None;
    }
    // "Sunday Times", "Tuesday Weld": a capitalized word after makes a name.
    if name_follows(cx, i + 1) {
        return None;
    }
    let j = if cx.text(i + 1) == "," { i + 2 } else { i + 1 };
    let full = month_first(cx, j).or_else(|| day_first(cx, j));
    if let Some(h) = full {
        if matches!(h.kind, Kind::Point(Point::Day { .. })) {
            return Some(Hit { start: i, ..h });
        }
    }
    // "Tuesday nights", "Sunday mornings": every one of them, a SET; a
    // weekday coordinated with one takes its part of the day ("on Monday and
    // Tuesday nights").
    if let Lex::Pod(pod, true) = cx.lex(i + 1) {
        let v = format!("XXXX-WXX-{wd}T{}", pod.code());
        return Some(Hit::new(i, i + 2, Kind::Set(v)));
    }
    if cx.eq(i + 1, "and") || cx.text(i + 1) == "," {
        if let (Lex::Weekday(_, false), Lex::Pod(pod, true)) = (cx.lex(i + 2), cx.lex(i + 3)) {
            let v = format!("XXXX-WXX-{wd}T{}", pod.code());
            return Some(Hit::new(i, i + 1, Kind::Set(v)));
        }
    }
    let day = weekday(cx, wd, i, i + 1);
    if let Lex::Pod(pod, false) = cx.lex(i + 1) {
        return Some(Hit::point(i, i + 2, part_of(day, pod)));
    }
    Some(Hit::point(i, i + 1, day))
}

/// A full date written right after a weekday ("Sunday, March 8"): the hit
/// from `j` (the comma or the date itself).
pub(crate) fn weekday_full_date(cx: &Cx, j: usize) -> Option<Hit> {
    let k = if cx.text(j) == "," { j + 1 } else { j };
    let h = month_first(cx, k).or_else(|| day_first(cx, k))?;
    matches!(h.kind, Kind::Point(Point::Day { .. })).then_some(h)
}

/// A day point with a part of the day: `2024-10-22TNI`.
pub(crate) fn part_of(day: Point, pod: crate::lexicon::Pod) -> Point {
    use crate::calendar::DayVal;
    let (date, dayv) = match day {
        Point::Day { y: Some(_), .. } => (day.as_date(), None),
        Point::Day { y, m, d } if m > 0 => (None, Some(DayVal::Partial { y, m, d })),
        Point::Weekday(wd) => (None, Some(DayVal::Weekday(wd))),
        _ => (None, Some(DayVal::Unknown)),
    };
    Point::PartOfDay {
        day: date,
        dayv,
        pod,
    }
}

/// A bare year: "2024", "'82", "the year 2000". Four-digit numbers are years
/// only in a context that does not make them a quantity or a model number.
fn year(cx: &Cx, i: usize) -> Option<Hit> {
    let (y, e) = cx.year_number(i)?;
    if cx.kind(i) == Some(TokenKind::Quote) {
        // '82: only after a temporal word ("in '82", "the '82 season")
        let ok = i > 0
            && (word_in(cx, i - 1, words_of(Set::TemporalPrepositions)) || cx.is(i - 1, W::The));
        return ok.then(|| Hit::point(i, e, Point::Year(Some(y))));
    }
    bare_year_ok(cx, i, y).then(|| Hit::point(i, e, Point::Year(Some(y))))
}

/// "the year 2000", and a year before a period of it: "the 1988 period",
/// "the 1988 second quarter", "the 2009 first half".
fn the_year(cx: &Cx, i: usize) -> Option<Hit> {
    if cx.eq(i + 1, "year") {
        let (y, e) = cx.year_number(i + 2)?;
        return Some(Hit::point(i, e, Point::Year(Some(y))));
    }
    let (y, e) = cx.year_number(i + 1)?;
    if cx.eq(e, "period") {
        return Some(Hit::point(i, e + 1, Point::Year(Some(y))));
    }
    let n = part_ordinal(cx, e)?;
    let p = match cx.lex(e + 1) {
        Lex::Unit(Unit::Quarter, false) => Point::Quarter { y: Some(y), q: n },
        Lex::W(W::Half) if n <= 2 => Point::Half { y: Some(y), h: n },
        _ => return None,
    };
    Some(Hit::point(i, e + 2, p))
}

fn bare_year_ok(cx: &Cx, i: usize, y: i32) -> bool {
    let prev = i.checked_sub(1);
    let prev_temporal = prev.is_some_and(|p| word_in(cx, p, words_of(Set::YearContextBefore)));
    // Years before 1900 need a preposition that introduces a time ("in 1066").
    let strong = prev.is_some_and(|p| word_in(cx, p, words_of(Set::OldYearBefore)));
    let range = if strong { 1000..=2999 } else { 1900..=2099 };
    if !range.contains(&y) {
        return false;
    }
    if let Some(p) = prev {
        let pt = cx.text(p);
        if matches!(cx.kind(p), Some(TokenKind::Symbol | TokenKind::Number)) && pt != "(" {
            return false;
        }
        // "about 2000", "than 1500" read as counts; "to 2010" is a year only
        // after a year ("from 2009 to 2010"), decided by the context word list.
        if word_in(cx, p, words_of(Set::QuantityBefore)) && !word_in(cx, p, &["of", "to", "at"]) {
            return false;
        }
    }
    let next = i + 1;
    // "the Russell 2000 Index": a year does not sit inside a name.
    let inside_name = i > 0
        && cx.cap(i - 1)
        && cx.lex(i - 1) == Lex::None
        && !cx.is_sentence_start(i - 1)
        && name_follows(cx, next);
    if inside_name || word_in(cx, next, words_of(Set::CountedAfter)) || cx.text(next) == "+" {
        return false;
    }
    // "2000 troops": a plural noun after a number not introduced as a year.
    let t = cx.text(next);
    let plural_noun = cx.kind(next) == Some(TokenKind::Word)
        && !cx.cap(next)
        && t.len() > 3
        && t.ends_with('s')
        && !t.ends_with("ss")
        && cx.lex(next) == Lex::None;
    if plural_noun && !prev_temporal {
        return false;
    }
    // A range or list of numbers ("2000-3000", "2000 or 3000 people") is
    // left to the quantity stage unless written as years.
    if cx.text(next) == ":" && cx.kind(next + 1) == Some(TokenKind::Number) {
        return false;
    }
    true
}

/// "the 1990s", "1990s", "the '90s", "the 80s", "the early 2000s".
fn decade(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    let the = cx.is(j, W::The);
    if the {
        j += 1;
    }
    let modifier = match cx.w(j) {
        Some(W::Early) => Some(TimexMod::Start),
        Some(W::Late) => Some(TimexMod::End),
        Some(W::Mid) => Some(TimexMod::Mid),
        _ => None,
    };
    if modifier.is_some() {
        j += 1;
    }
    // "the nineties", "the early eighties" (in the last century)
    if the {
        if let Some(d) = words_of(Set::Decades).iter().position(|w| cx.eq(j, w)) {
            let p = Point::Decade(Some(190 + 2 + d as i32));
            return Some(Hit::point(i, j + 1, p).with_mod(modifier));
        }
    }
    let quoted = matches!(cx.text(j), "'" | "’") && cx.touches(j);
    let k = if quoted { j + 1 } else { j };
    let Num::Decade { v, digits } = cx.num(k) else {
        return None;
    };
    let point = match digits {
        4 if v % 100 == 0 && the => Point::Century(Some((v / 100) as i32)),
        4 if v % 10 == 0 => Point::Decade(Some((v / 10) as i32)),
        2 if v % 10 == 0 && (the || quoted || after_decade(cx, i)) => {
            Point::Decade(Some(cx.two_digit_year(v).div_euclid(10)))
        }
        _ => return None,
    };
    Some(Hit::point(i, k + 1, point).with_mod(modifier))
}

/// "the 70s and 80s": a decade coordinated with a decade before it.
fn after_decade(cx: &Cx, i: usize) -> bool {
    i >= 2
        && word_in(cx, i - 1, &["and", "or", "to", "through"])
        && matches!(cx.num(i - 2), Num::Decade { .. })
}

/// "the 20th century", "the twenty-first century".
fn century(cx: &Cx, i: usize) -> Option<Hit> {
    let n = match (cx.lex(i + 1), cx.num(i + 1)) {
        (Lex::Ord(n), _) | (_, Num::Ord(n)) => n,
        _ => return None,
    };
    if !matches!(cx.lex(i + 2), Lex::Unit(Unit::Century, false)) || !(1..=30).contains(&n) {
        return None;
    }
    Some(Hit::point(i, i + 3, Point::Century(Some(n as i32 - 1))))
}

/// The ordinal of a quarter or half at `j`: "third", "3rd", "final", "last".
fn part_ordinal(cx: &Cx, j: usize) -> Option<u32> {
    match (cx.lex(j), cx.num(j)) {
        (Lex::Ord(n), _) | (_, Num::Ord(n)) if (1..=4).contains(&n) => Some(n),
        (Lex::Unit(Unit::Second, false), _) => Some(2),
        _ if cx.eq(j, "final") => Some(4),
        _ => None,
    }
}

/// "the third quarter (of 2009)", "the fiscal first quarter", "the first half
/// of 2009", "the last quarter", "Q3 2009".
fn quarter(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    if cx.is(j, W::The) {
        j += 1;
    }
    if cx.is(j, W::Fiscal) {
        j += 1;
    }
    let (index, per, e) = if let Some(n) = part_ordinal(cx, j) {
        match cx.lex(j + 1) {
            Lex::Unit(Unit::Quarter, false) => (n, 4, j + 2),
            Lex::W(W::Half) if n <= 2 => (n, 2, j + 2),
            _ => return None,
        }
    } else if cx.is(i, W::The) && latest_part(cx, j).is_some() {
        // "the last quarter of 2009" is its fourth; "the last quarter", "the
        // latest quarter" alone are the last one reported: the quarter in
        // the article's context, else the one before the anchor's.
        let k = latest_part(cx, j)?;
        if year_spec(cx, k + 1, false).is_some() && cx.is(j, W::Last) {
            (4, 4, k + 1)
        } else {
            return Some(Hit::point(i, k + 1, cx.latest_quarter()));
        }
    } else {
        return None;
    };
    // "the first half of the match" is not a date; "of" must bring a year.
    // A half with no year in a sports report is the match's.
    let (y, end) = match year_spec(cx, e, false) {
        Some(spec) => spec,
        None if per == 2 && !cx.is(e, W::Of) && sports_sentence(cx) => return None,
        None if cx.is(e, W::Of) && !(cx.is(e + 1, W::The) && cx.eq(e + 2, "year")) => return None,
        None if cx.is(e, W::Of) => (year_for_part(cx, index, per, i, e), e + 3),
        None => (year_for_part(cx, index, per, i, e), e),
    };
    let p = if per == 4 {
        Point::Quarter { y, q: index }
    } else {
        Point::Half { y, h: index }
    };
    Some(Hit::point(i, end, p))
}

/// "last quarter", "latest quarter", "most recent quarter" at `j`: the token
/// of "quarter".
fn latest_part(cx: &Cx, j: usize) -> Option<usize> {
    let k = if cx.eq(j, "most") && cx.is(j + 1, W::Recent) {
        j + 1
    } else {
        j
    };
    let latest = cx.is(k, W::Last) || cx.eq(k, "latest") || cx.is(k, W::Recent);
    // "the latest period" is the quarter reported on, when there is one.
    let period = cx.part.is_some() && !cx.is(k, W::Last) && cx.eq(k + 1, "period");
    (latest && (period || matches!(cx.lex(k + 1), Lex::Unit(Unit::Quarter, false))))
        .then_some(k + 1)
}

/// "1998's first quarter", "2009's second half": the part of that year.
fn possessive_part(cx: &Cx, i: usize) -> Option<Hit> {
    let (y, e) = cx.year_number(i)?;
    if !word_in(cx, e, &["'s", "’s"]) || cx.is(e + 1, W::The) {
        return None;
    }
    let hit = quarter(cx, e + 1)?;
    let p = match hit.kind {
        Kind::Point(Point::Quarter { q, .. }) => Point::Quarter { y: Some(y), q },
        Kind::Point(Point::Half { h, .. }) => Point::Half { y: Some(y), h },
        _ => return None,
    };
    Some(Hit::point(i, hit.end, p))
}

/// Whether the sentence reports a match ("scored in the second half").
fn sports_sentence(cx: &Cx) -> bool {
    *cx.sports
        .get_or_init(|| (0..cx.len()).any(|k| word_in(cx, k, words_of(Set::SportsWords))))
}

/// Seasons: "spring", "the summer of 2009", "summer 2009", "in the fall".
/// `start` is where the hit begins (the determiner or the season word).
fn season(cx: &Cx, start: usize, i: usize) -> Option<Hit> {
    let the = cx.is(i, W::The);
    let j = if the { i + 1 } else { i };
    let s = match cx.lex(j) {
        Lex::Season(s) => s,
        Lex::W(W::Fall) => Season::Fall,
        _ => return None,
    };
    // "Summer Olympics", "Spring Festival": a name.
    if name_follows(cx, j + 1) {
        return None;
    }
    if let Some((y, e)) = year_spec(cx, j + 1, false) {
        return Some(Hit::point(start, e, Point::Season { y, s }));
    }
    let before = start.checked_sub(1);
    // "in spring", "their autumn meetings"
    let prev_ok = before.is_some_and(|p| {
        word_in(cx, p, words_of(Set::TemporalPrepositions))
            || (!cx.is(j, W::Fall) && matches!(cx.w(p), Some(W::Its | W::Their))
                || word_in(cx, p, &["'s", "’s"]))
    });
    let is_fall = cx.is(j, W::Fall);
    // "the fall of Rome" is not a season; "in the fall" is.
    if is_fall && (cx.is(j + 1, W::Of) || !the || !prev_ok) {
        return None;
    }
    if !the && !prev_ok {
        return None;
    }
    if the && cx.is(j + 1, W::Of) {
        return None;
    }
    // "winter wheat", "summer school": a season naming a kind of thing
    // (but "their autumn meetings" are this year's)
    let possessive = before.is_some_and(|p| {
        matches!(cx.w(p), Some(W::Its | W::Their)) || word_in(cx, p, &["'s", "’s"])
    });
    if !the
        && !possessive
        && cx.kind(j + 1) == Some(TokenKind::Word)
        && !cx.cap(j + 1)
        && cx.lex(j + 1) == Lex::None
    {
        return None;
    }
    let y = year_for_season(cx, s, start, j + 1);
    Some(Hit::point(start, j + 1, Point::Season { y, s }))
}

/// Holidays: "Christmas", "Christmas Eve", "New Year's Day", "Thanksgiving".
fn holiday(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.cap(i) {
        return None;
    }
    let mut found = None;
    for (h, words) in holiday_phrases() {
        let matches = words.iter().enumerate().all(|(k, w)| {
            let t = cx.text(i + k);
            t.eq_ignore_ascii_case(w) || (*w == "'s" && t == "’s")
        });
        if matches && found.is_none_or(|(_, n)| words.len() > n) {
            found = Some((h, words.len()));
        }
    }
    let (h, n) = match (found, cx.lex(i)) {
        (Some(f), _) => f,
        (None, Lex::Holiday(h)) => (h, 1),
        _ => return None,
    };
    let e = i + n;
    if let Some((y, end)) = year_spec(cx, e, false) {
        let p = match y.and_then(|y| holiday_date(h, y)) {
            Some(d) => Point::day(d),
            None => holiday_month_day(h).map_or(Point::Year(y), |(m, d)| Point::Day { y, m, d }),
        };
        return Some(Hit::point(i, end, p));
    }
    let p = match cx.anchor {
        Some(a) => {
            // the occurrence in the year the tense points to
            let this = holiday_date(h, a.year())?;
            let y = year_for(cx, this.month(), Some(this.day()), i, e)?;
            Point::day(holiday_date(h, y)?)
        }
        None => match holiday_month_day(h) {
            Some((m, d)) => Point::Day { y: None, m, d },
            None => return None,
        },
    };
    Some(Hit::point(i, e, p))
}

/// "the year-ago quarter", "the year-earlier period": the quarter in context
/// (else the last one before the anchor) a year before.
fn year_ago_part(cx: &Cx, i: usize) -> Option<Hit> {
    if !word_in(cx, i + 1, &["year-ago", "year-earlier"]) {
        return None;
    }
    if !matches!(cx.lex(i + 2), Lex::Unit(Unit::Quarter, false)) && !cx.eq(i + 2, "period") {
        return None;
    }
    let p = cx
        .part_a_year_before()
        .unwrap_or_else(|| match cx.latest_quarter() {
            Point::Quarter { y, q } => Point::Quarter {
                y: y.map(|y| y - 1),
                q,
            },
            p => p,
        });
    Some(Hit::point(i, i + 3, p).in_context())
}

/// "the last week of March", "the first week of June 2009": the ISO week.
fn week_of_month(cx: &Cx, i: usize) -> Option<Hit> {
    let n = match cx.lex(i + 1) {
        Lex::Ord(n) if (1..=4).contains(&n) => n,
        Lex::Unit(Unit::Second, false) => 2,
        Lex::W(W::Last) => 5,
        _ if cx.eq(i + 1, "final") => 5,
        _ => return None,
    };
    if !matches!(cx.lex(i + 2), Lex::Unit(Unit::Week, false)) || !cx.is(i + 3, W::Of) {
        return None;
    }
    let Lex::Month(m, _) = cx.lex(i + 4) else {
        return None;
    };
    if !cx.cap(i + 4) {
        return None;
    }
    let (y, end) = match year_spec(cx, i + 5, false) {
        Some(spec) => spec,
        None => (year_for(cx, m, None, i, i + 5), i + 5),
    };
    // The week holding the month's Nth Thursday-ish day: day 4, 11, 18, 25,
    // or three days before the month's end for the last week.
    let day = y.and_then(|y| {
        if n == 5 {
            let next = if m == 12 {
                NaiveDate::from_ymd_opt(y + 1, 1, 1)
            } else {
                NaiveDate::from_ymd_opt(y, m + 1, 1)
            };
            next?.checked_sub_signed(chrono::Duration::try_days(4)?)
        } else {
            NaiveDate::from_ymd_opt(y, m, 7 * n - 3)
        }
    });
    let yw = day.map(|d| (d.iso_week().year(), d.iso_week().week()));
    Some(Hit::point(i, end, Point::Week { yw, weekend: false }))
}

/// "fiscal 2009", "fiscal year 2009", "FY2009", "FY 2009".
fn fiscal_year(cx: &Cx, i: usize) -> Option<Hit> {
    let j = if cx.eq(i + 1, "year") { i + 2 } else { i + 1 };
    let (y, e) = cx.year_number(j)?;
    Some(Hit::point(i, e, Point::FiscalYear(y)))
}

/// Bounded periods: "the end of the year", "the beginning of 2024", "early
/// June", "late last year", "mid October", "earlier this week".
fn bounds(cx: &Cx, i: usize) -> Option<Hit> {
    let mut j = i;
    let modifier;
    if cx.is(j, W::The) {
        j += 1;
        if cx.eq(j, "very") {
            j += 1;
        }
        modifier = match cx.w(j)? {
            W::Beginning | W::Start => TimexMod::Start,
            W::End => TimexMod::End,
            W::Middle => TimexMod::Mid,
            W::Turn => TimexMod::Start,
            _ => return None,
        };
        if !cx.is(j + 1, W::Of) {
            return None;
        }
        j += 2;
    } else {
        modifier = match cx.w(j)? {
            W::Early => TimexMod::Start,
            W::Late => TimexMod::End,
            W::Mid => TimexMod::Mid,
            _ => return None,
        };
        j += 1;
        if cx.text(j) == "-" && cx.touches(j - 1) {
            j += 1;
        }
    }
    let inner = period(cx, j)?;
    // "late Monday night" keeps the time; other bounds mark the period.
    if inner.modifier.is_some() {
        return None;
    }
    Some(Hit {
        start: i,
        modifier: Some(modifier),
        ..inner
    })
}

/// Single word tokens with inner structure: "Q3", "FY2009", "mid-2011",
/// "mid-October", "third-quarter", "first-half", "year-end", "year-earlier".
fn word_token(cx: &Cx, i: usize) -> Option<Hit> {
    let s = cx.text(i);
    let b = s.as_bytes();
    // Q3, Q3 2009, 2009 Q3 is left alone (rare).
    if b.len() == 2 && (b[0] == b'Q' || b[0] == b'q') && (b'1'..=b'4').contains(&b[1]) {
        let q = (b[1] - b'0') as u32;
        let (y, e) = match cx.year_number(i + 1) {
            Some((y, e)) => (Some(y), e),
            None => (year_for_part(cx, q, 4, i, i + 1), i + 1),
        };
        return Some(Hit::point(i, e, Point::Quarter { y, q }));
    }
    if b.len() == 6 && b[..2].eq_ignore_ascii_case(b"fy") && b[2..].iter().all(u8::is_ascii_digit) {
        let y: i32 = s.get(2..)?.parse().ok()?;
        return Some(Hit::point(i, i + 1, Point::FiscalYear(y)));
    }
    if s.eq_ignore_ascii_case("fy") {
        let (y, e) = cx.year_number(i + 1)?;
        return Some(Hit::point(i, e, Point::FiscalYear(y)));
    }
    let (head, tail) = s.split_once('-')?;
    let head_lex = crate::lexicon::lookup(head);
    let tail_lex = crate::lexicon::lookup(tail);
    if head.eq_ignore_ascii_case("mid") {
        // "mid-afternoon yesterday", "mid-morning Tuesday": the part of the
        // day named after it, else of the day in context.
        if let Lex::Pod(pod, false) = tail_lex {
            let after = crate::grammar::core(cx, i + 1).filter(|h| {
                matches!(
                    cx.lex(i + 1),
                    Lex::W(W::Yesterday | W::Today | W::Tomorrow) | Lex::Weekday(_, false)
                ) && matches!(h.kind, Kind::Point(Point::Day { .. }))
            });
            let (day, end) = match &after {
                Some(Hit {
                    kind: Kind::Point(p),
                    end,
                    ..
                }) => (*p, *end),
                _ => (crate::resolve::day_offset(cx.context_day(), 0), i + 1),
            };
            return Some(Hit::point(i, end, part_of(day, pod)).with_mod(Some(TimexMod::Mid)));
        }
        let p = if let Lex::Month(m, false) = tail_lex {
            let (y, e) = match year_spec(cx, i + 1, false) {
                Some(spec) => spec,
                None => (year_for(cx, m, None, i, i + 1), i + 1),
            };
            return Some(Hit::point(i, e, Point::Month { y, m }).with_mod(Some(TimexMod::Mid)));
        } else if let Ok(y) = tail.parse::<i32>() {
            if tail.len() != 4 {
                return None;
            }
            Point::Year(Some(y))
        } else if let crate::scan::Num::Decade { v, digits: 4 } = crate::scan::read_number(tail) {
            Point::Decade(Some(v as i32 / 10))
        } else {
            match tail_lex {
                Lex::Unit(u @ (Unit::Week | Unit::Month | Unit::Year), false) => {
                    relative_period(cx.anchor, u, 0)
                }
                _ => return None,
            }
        };
        return Some(Hit::point(i, i + 1, p).with_mod(Some(TimexMod::Mid)));
    }
    let ord = match head_lex {
        Lex::Ord(n) => Some(n),
        Lex::Unit(Unit::Second, false) => Some(2),
        _ => None,
    };
    if let Some(n) = ord {
        let p = match tail_lex {
            Lex::Unit(Unit::Quarter, false) if (1..=4).contains(&n) => Point::Quarter {
                y: year_for_part(cx, n, 4, i, i + 1),
                q: n,
            },
            Lex::W(W::Half) if (1..=2).contains(&n) => Point::Half {
                y: year_for_part(cx, n, 2, i, i + 1),
                h: n,
            },
            _ => return None,
        };
        return Some(Hit::point(i, i + 1, p));
    }
    if head.eq_ignore_ascii_case("year") {
        let (delta, m) = match tail.to_ascii_lowercase().as_str() {
            "end" => (0, Some(TimexMod::End)),
            "earlier" | "ago" => (-1, None),
            _ => return None,
        };
        return Some(
            Hit::point(i, i + 1, relative_period(cx.anchor, Unit::Year, delta)).with_mod(m),
        );
    }
    None
}

/// Two years written as one token, "2009-2010", "1996-97": both, as byte spans.
pub(crate) fn year_range(cx: &Cx, i: usize) -> Option<[Hit; 2]> {
    let t = cx.toks.get(i)?;
    if t.kind != TokenKind::Number {
        return None;
    }
    let (a, b) = t.s.split_once('-')?;
    if a.len() != 4
        || !(b.len() == 4 || b.len() == 2)
        || !a.bytes().chain(b.bytes()).all(|c| c.is_ascii_digit())
    {
        return None;
    }
    let (ya, mut yb): (i32, i32) = (a.parse().ok()?, b.parse().ok()?);
    // "1996-97": the second year written with its last two digits.
    if b.len() == 2 {
        yb += ya - ya.rem_euclid(100);
        if yb <= ya {
            yb += 100;
        }
    }
    if !(1900..=2099).contains(&ya) || yb <= ya || yb - ya > 50 {
        return None;
    }
    let s = t.span.start;
    let rule = concat!(module_path!(), "::year_range");
    let mut first = Hit::point(i, i + 1, Point::Year(Some(ya))).by(rule);
    first.bytes = Some(claimtrail_text::Span::new(s, s + 4));
    let mut second = Hit::point(i, i + 1, Point::Year(Some(yb))).by(rule);
    second.bytes = Some(claimtrail_text::Span::new(s + 5, s + 5 + b.len()));
    Some([first, second])
}
