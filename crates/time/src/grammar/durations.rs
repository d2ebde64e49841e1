//! Durations and sets: "three days", "two and a half years", "the past five
//! years", "recent weeks", "for years", "a five-year plan", "two weeks ago"
//! (a date), "every week", "daily", "twice a month", "$5 million a year".

use super::word_in;
use crate::calendar::{period_of, shift, unknown_period, Point};
use crate::lexicon::{words_of, Lex, Set, Unit, W};
use crate::scan::{Cx, Hit, Kind, Num};
use crate::TimexMod;
use chrono::NaiveDate;
use claimtrail_text::TokenKind;
use std::fmt::Write;

/// A counted amount: a number, or a vague one ("several", "a few").
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Qty {
    N(f64),
    Vague,
}

pub(crate) fn at(cx: &Cx, i: usize) -> Option<Hit> {
    let mut best: Option<Hit> = None;
    for h in [
        rule!(range_start(cx, i)),
        rule!(quantified(cx, i)),
        rule!(the_span(cx, i)),
        rule!(recent(cx, i)),
        rule!(bare_plural(cx, i)),
        rule!(hyphenated(cx, i)),
        rule!(set(cx, i)),
    ]
    .into_iter()
    .flatten()
    {
        if best.as_ref().is_none_or(|b| h.end > b.end) {
            best = Some(h);
        }
    }
    best
}

/// A quantity at `i`: the amount, the token after it, and whether it was the
/// article "a"/"an" (which needs a singular unit).
pub(crate) fn quantity(cx: &Cx, i: usize) -> Option<(Qty, usize, bool)> {
    let (mut q, mut j, article) = match (cx.lex(i), cx.num(i)) {
        (_, Num::Int { v, .. }) => (Qty::N(v as f64), i + 1, false),
        (_, Num::Real(v)) => (Qty::N(v), i + 1, false),
        (Lex::Num(n), _) => {
            let mut v = n as f64;
            let mut j = i + 1;
            if let Lex::Num(m) = cx.lex(j) {
                if n >= 20 && n % 10 == 0 && m < 10 {
                    v += m as f64;
                    j += 1;
                } else if m == 100 {
                    v *= 100.0;
                    j += 1;
                }
            }
            (Qty::N(v), j, false)
        }
        (Lex::W(W::A), _) => match cx.lex(i + 1) {
            Lex::W(W::Few) => (Qty::Vague, i + 2, false),
            Lex::W(W::Couple) => (
                Qty::N(2.0),
                if cx.is(i + 2, W::Of) { i + 3 } else { i + 2 },
                false,
            ),
            Lex::W(W::Dozen) => (Qty::N(12.0), i + 2, false),
            Lex::Num(100) => (Qty::N(100.0), i + 2, false),
            _ => (Qty::N(1.0), i + 1, true),
        },
        (Lex::W(W::Half), _) if cx.is(i + 1, W::A) => (Qty::N(0.5), i + 2, true),
        (Lex::W(W::Several | W::Few | W::Many), _) => (Qty::Vague, i + 1, false),
        (Lex::W(W::Some), _) if matches!(cx.lex(i + 1), Lex::Unit(_, true)) => {
            (Qty::Vague, i + 1, false)
        }
        _ if word_in(cx, i, &["dozens", "hundreds", "thousands"]) && cx.is(i + 1, W::Of) => {
            (Qty::Vague, i + 2, false)
        }
        _ => return None,
    };
    // "two and a half"
    if let Qty::N(v) = q {
        if !article && cx.is(j, W::And) && cx.is(j + 1, W::A) && cx.is(j + 2, W::Half) {
            q = Qty::N(v + 0.5);
            j += 3;
        }
    }
    Some((q, j, article))
}

/// A range of durations. "two to three weeks", "two or three years": one
/// expression valued at its lower bound, EQUAL_OR_MORE, as TimeBank marks
/// "within two to three weeks". "between 60 and 90 days": each bound its own
/// expression (as MEANTIME marks it), the first taking the unit of the
/// second; this returns the first.
fn range_start(cx: &Cx, i: usize) -> Option<Hit> {
    let (q @ Qty::N(_), j, false) = quantity(cx, i)? else {
        return None;
    };
    if !word_in(cx, j, &["to", "and", "or", "through", "-", "–"]) {
        return None;
    }
    let (Qty::N(_), k, false) = quantity(cx, j + 1)? else {
        return None;
    };
    let mut u_at = k;
    while u_at < k + 2 && word_in(cx, u_at, words_of(Set::UnitAdjectives)) {
        u_at += 1;
    }
    let Lex::Unit(u, true) = cx.lex(u_at) else {
        return None;
    };
    // The second bound must itself be a duration ("two to three years old"
    // is an age).
    let second = quantified(cx, j + 1)?;
    if !matches!(second.kind, Kind::Duration(_)) || second.end != u_at + 1 {
        return None;
    }
    let value = Kind::Duration(duration_value(q, u));
    let between = i > 0 && cx.eq(i - 1, "between");
    if between || cx.eq(j, "and") {
        return Some(Hit::new(i, j, value));
    }
    Some(Hit::new(i, second.end, value).with_mod(Some(TimexMod::EqualOrMore)))
}

/// A quantity and a unit, with what may follow: "three days", "two weeks
/// ago", "a year earlier", "five years from now", "a year" (a rate).
pub(crate) fn quantified(cx: &Cx, i: usize) -> Option<Hit> {
    let (q, j, article) = quantity(cx, i)?;
    let mut k = j;
    while k < j + 2
        && word_in(cx, k, words_of(Set::UnitAdjectives))
        && !matches!(cx.lex(k), Lex::Unit(..))
    {
        k += 1;
    }
    let Lex::Unit(u, plural) = cx.lex(k) else {
        return None;
    };
    if (article && plural) || (q == Qty::Vague && !plural) {
        return None;
    }
    // "Seven Days", "A Month in the Country": a title, not a duration.
    if cx.in_title(k) && (cx.in_title(i) || cx.cap(i)) {
        return None;
    }
    // "a second time", "a quarter of", "three quarters of the": not durations.
    if article && matches!(u, Unit::Second | Unit::Quarter) {
        return None;
    }
    // "three quarters of the staff" is a fraction; "two consecutive quarters
    // of growth" a duration.
    if u == Unit::Quarter && k == j && cx.is(k + 1, W::Of) {
        return None;
    }
    let mut e = k + 1;
    let mut q = q;
    if let Qty::N(v) = q {
        if cx.is(e, W::And) && cx.is(e + 1, W::A) && cx.is(e + 2, W::Half) {
            q = Qty::N(v + 0.5);
            e += 3;
        }
    }
    // ages: "51 years old"
    if cx.eq(e, "old") {
        return None;
    }
    // A number standing for a count of things is not a duration when it is
    // a price or a score; checked by the quantity stage. Here: a year-like
    // four-digit "2009 years" is left alone.
    if let Num::Int { digits: 4, .. } = cx.num(i) {
        if cx.kind(i) == Some(TokenKind::Number) && j == i + 1 {
            return None;
        }
    }
    // "up from $10 million a year ago" after a quarter's results: that
    // quarter a year before.
    if u == Unit::Year && q == Qty::N(1.0) && matches!(cx.w(e), Some(W::Ago | W::Earlier)) {
        if let Some(p) = cx.part_a_year_before() {
            return Some(Hit::point(i, e + 1, p).in_context());
        }
    }
    match cx.w(e) {
        Some(W::Ago) => return Some(shifted(i, e + 1, q, u, -1, cx.anchor)),
        Some(W::Later | W::Earlier) => {
            let sign = if cx.is(e, W::Later) { 1 } else { -1 };
            // "founded in 1998 and listed a decade later": years count from
            // the year just mentioned, whatever its granularity.
            if let (Some(y), Qty::N(v), Unit::Year | Unit::Decade | Unit::Century) =
                (cx.last_year, q, u)
            {
                if v.fract() == 0.0 && v <= 1000.0 {
                    let n = (v * u.designator().2) as i32 * sign as i32;
                    return Some(Hit::point(i, e + 1, Point::Year(Some(y + n))));
                }
            }
            return Some(shifted(i, e + 1, q, u, sign, cx.reference));
        }
        _ if cx.eq(e, "from") && cx.is(e + 1, W::Now) => {
            return Some(shifted(i, e + 2, q, u, 1, cx.anchor))
        }
        _ => {}
    }
    if article && i > 0 && word_in(cx, i - 1, words_of(Set::SpeedBefore)) {
        return None;
    }
    if article && amount_before(cx, i) {
        return None;
    }
    Some(Hit::new(i, e, Kind::Duration(duration_value(q, u))))
}

/// Whether an amount ends right before token `i`, making "a year" or "per
/// year" after it a rate: "$5 million a year", "15 a year", "four flights a
/// week", "180 officers per year". A rate is a quantity, not a time: TimeBank
/// leaves "four flights a week" and "358,000 a month" untagged.
fn amount_before(cx: &Cx, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let counted_noun = i >= 2
        && cx.kind(i - 1) == Some(TokenKind::Word)
        && cx.text(i - 1).ends_with('s')
        && (cx.kind(i - 2) == Some(TokenKind::Number) || matches!(cx.lex(i - 2), Lex::Num(_)));
    let amount_word = word_in(cx, i - 1, words_of(Set::RateBefore))
        && !matches!(cx.w(i - 1), Some(W::Once | W::Twice | W::Times));
    cx.kind(i - 1) == Some(TokenKind::Number) || counted_noun || amount_word
}

/// "two weeks ago", "three days later": the anchor (or reference) moved by
/// the amount, at the unit's granularity; vague amounts are PAST_REF /
/// FUTURE_REF.
fn shifted(start: usize, end: usize, q: Qty, u: Unit, sign: i64, base: Option<NaiveDate>) -> Hit {
    let vague = Kind::Ref(if sign < 0 { "PAST_REF" } else { "FUTURE_REF" });
    let Qty::N(v) = q else {
        return Hit::new(start, end, vague);
    };
    if v.fract() != 0.0 || v > 10_000.0 {
        return Hit::new(start, end, vague);
    }
    let n = v as i64 * sign;
    let granularity = match u {
        Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
        Unit::Decade | Unit::Century => Unit::Year,
        // "a week ago" is the day a week back, as annotated in news corpora.
        Unit::Fortnight | Unit::Week => Unit::Day,
        Unit::Weekend => Unit::Week,
        u => u,
    };
    let p = match base.and_then(|b| shift(b, u, n)) {
        Some(d) => period_of(d, granularity),
        None => unknown_period(granularity),
    };
    Hit::point(start, end, p)
}

/// The TIMEX3 value of a duration: `P3D`, `PT2H`, `P2.5Y`, `PXY`, `P10Y`.
pub(crate) fn duration_value(q: Qty, u: Unit) -> String {
    let (des, time, mult) = u.designator();
    let mut s = String::from("P");
    if time {
        s.push('T');
    }
    match q {
        Qty::Vague => {
            s.push('X');
            s.push_str(u.vague_designator());
        }
        Qty::N(v) => {
            let n = v * mult;
            if n.fract() == 0.0 {
                let _ = write!(s, "{}", n as i64);
            } else {
                let _ = write!(s, "{}", (n * 100.0).round() / 100.0);
            }
            s.push_str(des);
        }
    }
    s
}

/// "the past five years", "the next six months", "the last few weeks", "the
/// past week", "the coming days": a stretch of time up to or from now.
fn the_span(cx: &Cx, i: usize) -> Option<Hit> {
    if !cx.is(i, W::The) {
        return None;
    }
    let j = i + 1;
    let w = cx.w(j);
    // "the nine months (ended Sept. 30)", "the 12 years since": a counted span.
    if let Some((q @ Qty::N(_), after, false)) = quantity(cx, j) {
        if let Lex::Unit(u, true) = cx.lex(after) {
            return Some(Hit::new(i, after + 1, Kind::Duration(duration_value(q, u))));
        }
    }
    let first = matches!(cx.lex(j), Lex::Ord(1)) || word_in(cx, j, &["final", "initial"]);
    let relative = matches!(
        w,
        Some(W::Past | W::Last | W::Next | W::Coming | W::Previous | W::Following | W::Upcoming)
    );
    if !first && !relative {
        return None;
    }
    let k = j + 1;
    if let Some((q, after, article)) = quantity(cx, k) {
        if !article {
            let mut u_at = after;
            if word_in(cx, u_at, words_of(Set::UnitAdjectives)) {
                u_at += 1;
            }
            if let Lex::Unit(u, _) = cx.lex(u_at) {
                if q == Qty::Vague && !first {
                    if let Some(r) = vague_span(cx, i, w) {
                        return Some(Hit::new(i, u_at + 1, r));
                    }
                }
                return Some(Hit::new(i, u_at + 1, Kind::Duration(duration_value(q, u))));
            }
        }
        return None;
    }
    if first {
        return None;
    }
    match cx.lex(k) {
        Lex::Unit(u, false) => {
            // "the previous/following year" and "the next day" are dates
            // (relative.rs); "the last week of March" is a week, not a span.
            if matches!(w, Some(W::Previous | W::Following))
                || (w == Some(W::Next) && u == Unit::Day)
            {
                return None;
            }
            if cx.is(k + 1, W::Of) || !u.is_calendar() && u != Unit::Hour {
                return None;
            }
            // "in the last decade": the decade before this one, a date
            // (TimeBank); "over the past decade" is how long.
            let past = matches!(w, Some(W::Past | W::Last));
            if u == Unit::Decade && past && vague_span(cx, i, w).is_some() {
                let p = crate::resolve::relative_period(cx.anchor, Unit::Decade, -1);
                return Some(Hit::point(i, k + 1, p));
            }
            Some(Hit::new(
                i,
                k + 1,
                Kind::Duration(duration_value(Qty::N(1.0), u)),
            ))
        }
        Lex::Unit(u, true) => Some(Hit::new(
            i,
            k + 1,
            vague_span(cx, i, w).unwrap_or(Kind::Duration(duration_value(Qty::Vague, u))),
        )),
        _ => None,
    }
}

/// A stretch of unsaid length next to now ("the last few months", "the
/// coming days", "recent weeks"): where something happens, PAST_REF or
/// FUTURE_REF, as TimeBank annotates "in the last few months" and "in coming
/// months"; after "for", "over", "during" it is how long, a duration (None).
/// `w` is the word saying which side of now.
fn vague_span(cx: &Cx, start: usize, w: Option<W>) -> Option<Kind> {
    if start > 0
        && word_in(
            cx,
            start - 1,
            &["for", "over", "during", "throughout", "through"],
        )
    {
        return None;
    }
    match w? {
        W::Past | W::Last | W::Previous => Some(Kind::Ref("PAST_REF")),
        W::Next | W::Coming | W::Upcoming => Some(Kind::Ref("FUTURE_REF")),
        _ => None,
    }
}

/// "recent years", "coming months": a vague stretch up to or from now;
/// "recent" before any other noun is a PAST_REF of its own ("the recent
/// closing of a bakery"), but not "the most recent model".
fn recent(cx: &Cx, i: usize) -> Option<Hit> {
    let w = cx.w(i);
    if !matches!(w, Some(W::Recent | W::Coming | W::Past)) {
        return None;
    }
    if let Lex::Unit(u, true) = cx.lex(i + 1) {
        // "in recent years" is mostly a duration in TimeBank and MEANTIME
        // ("recent days" once a PAST_REF); "in coming months" a FUTURE_REF,
        // "in past years" a PAST_REF.
        let kind = match w {
            Some(W::Coming | W::Past) => vague_span(cx, i, w),
            _ => None,
        };
        let kind = kind.unwrap_or(Kind::Duration(duration_value(Qty::Vague, u)));
        return Some(Hit::new(i, i + 2, kind));
    }
    let graded = i > 0 && word_in(cx, i - 1, &["most", "more", "less", "least"]);
    let noun_after = cx.kind(i + 1) == Some(TokenKind::Word) && !cx.cap(i + 1);
    (w == Some(W::Recent) && !graded && noun_after)
        .then(|| Hit::new(i, i + 1, Kind::Ref("PAST_REF")))
}

/// A plural unit with no number after "for", "in", "over", "within":
/// "for years", "in decades", "within hours"; "years ago" is PAST_REF.
fn bare_plural(cx: &Cx, i: usize) -> Option<Hit> {
    let Lex::Unit(u, true) = cx.lex(i) else {
        return None;
    };
    if cx.is(i + 1, W::Ago) {
        return Some(Hit::new(i, i + 2, Kind::Ref("PAST_REF")));
    }
    let prev_ok = i > 0 && word_in(cx, i - 1, words_of(Set::BarePluralBefore));
    if !prev_ok || cx.is(i + 1, W::Of) && !cx.eq(i - 1, "for") {
        return None;
    }
    // "in years" only as "the first time in years", not "in years past" etc.
    Some(Hit::new(
        i,
        i + 1,
        Kind::Duration(duration_value(Qty::Vague, u)),
    ))
}

/// One hyphenated token: "five-year", "12-hour", "30-day", "year-long",
/// "two-year-long"; not ages ("51-year-old").
fn hyphenated(cx: &Cx, i: usize) -> Option<Hit> {
    let s = cx.text(i);
    if !s.contains('-') || s.len() > 40 {
        return None;
    }
    // "the 30-year Treasury bond", "10-year yields": the name of a security
    // by its maturity, not a time (TimeBank leaves it untagged).
    let next = i + 1 + usize::from(word_in(cx, i + 1, &["U.S.", "US", "government"]));
    if word_in(cx, next, words_of(Set::SecurityNouns)) {
        return None;
    }
    let parts: Vec<&str> = s.split('-').collect();
    let amount = |p: &str| -> Option<Qty> {
        match crate::scan::read_number(p) {
            Num::Int { v, .. } => Some(Qty::N(v as f64)),
            Num::Real(v) => Some(Qty::N(v)),
            _ => match crate::lexicon::lookup(p) {
                Lex::Num(n) => Some(Qty::N(n as f64)),
                Lex::W(W::Half) => Some(Qty::N(0.5)),
                Lex::W(W::Multi) | Lex::W(W::Several) => Some(Qty::Vague),
                _ => None,
            },
        }
    };
    let unit = |p: &str| match crate::lexicon::lookup(p) {
        Lex::Unit(u, plural) => Some((u, plural)),
        _ => None,
    };
    let value = match parts.as_slice() {
        [a, b] => match (amount(a), unit(b)) {
            (Some(q), Some((u, false))) => duration_value(q, u),
            _ => match (unit(a), b.eq_ignore_ascii_case("long")) {
                (Some((u, false)), true) => duration_value(Qty::N(1.0), u),
                (Some((u, true)), true) => duration_value(Qty::Vague, u),
                _ => return None,
            },
        },
        [a, b, c] if c.eq_ignore_ascii_case("long") => match (amount(a), unit(b)) {
            (Some(q), Some((u, _))) => duration_value(q, u),
            _ => return None,
        },
        _ => return None,
    };
    Some(Hit::new(i, i + 1, Kind::Duration(value)))
}

/// Sets: "every week", "each year", "every other month", "every Monday",
/// "daily", "annual", "twice a week", "three times a year", "per year",
/// "on Mondays".
fn set(cx: &Cx, i: usize) -> Option<Hit> {
    match cx.lex(i) {
        Lex::W(W::Every | W::Each) => {
            let mut j = i + 1;
            let mut mult = 1.0;
            if cx.is(j, W::Other) {
                mult = 2.0;
                j += 1;
            }
            if let Some((q, after, false)) = quantity(cx, j) {
                if let Lex::Unit(u, _) = cx.lex(after) {
                    // "every two weeks"; "every few years" is a vague set
                    let q = match q {
                        Qty::N(v) => Qty::N(v * mult),
                        Qty::Vague => Qty::Vague,
                    };
                    return Some(Hit::new(i, after + 1, Kind::Set(duration_value(q, u))));
                }
            }
            match cx.lex(j) {
                Lex::Unit(u, false) if u != Unit::Second || cx.is(i, W::Every) => Some(Hit::new(
                    i,
                    j + 1,
                    Kind::Set(duration_value(Qty::N(mult), u)),
                )),
                Lex::Weekday(wd, false) => {
                    Some(Hit::new(i, j + 1, Kind::Set(Point::Weekday(wd).value())))
                }
                Lex::Pod(pod, false) => Some(Hit::new(
                    i,
                    j + 1,
                    Kind::Set(format!("XXXX-XX-XXT{}", pod.code())),
                )),
                Lex::Month(m, false) if cx.cap(j) => {
                    Some(Hit::new(i, j + 1, Kind::Set(format!("XXXX-{m:02}"))))
                }
                _ => None,
            }
        }
        Lex::Freq(u) => {
            // "the Daily Mail": capitalized inside a sentence is a name.
            if cx.cap(i) && !cx.is_sentence_start(i) {
                return None;
            }
            // "daily flights", "average daily volume", "quarterly dividend",
            // "hourly earnings": TimeBank leaves these adjectives untagged;
            // "annual", "weekly", "monthly" before a noun are tagged in
            // MEANTIME and kept.
            let adjective = cx.kind(i + 1) == Some(TokenKind::Word)
                && !cx.cap(i + 1)
                && cx.lex(i + 1) == Lex::None
                && !word_in(cx, i + 1, words_of(Set::FrequencyNotBefore));
            if adjective
                && word_in(
                    cx,
                    i,
                    &[
                        "daily",
                        "hourly",
                        "quarterly",
                        "nightly",
                        "biweekly",
                        "fortnightly",
                    ],
                )
            {
                return None;
            }
            let v = match u {
                Unit::Quarter => "P3M".to_string(),
                u => duration_value(Qty::N(1.0), u),
            };
            Some(Hit::new(i, i + 1, Kind::Set(v)))
        }
        Lex::W(W::Once | W::Twice) => rate(cx, i, i + 1),
        Lex::W(W::Per) if i > 0 && word_in(cx, i - 1, words_of(Set::SpeedBefore)) => None,
        Lex::W(W::Per) if amount_before(cx, i) => None,
        Lex::W(W::Per) => match cx.lex(i + 1) {
            Lex::Unit(u, false) if u != Unit::Second => Some(Hit::new(
                i,
                i + 2,
                Kind::Set(duration_value(Qty::N(1.0), u)),
            )),
            _ => None,
        },
        Lex::Weekday(wd, true) if cx.cap(i) && i > 0 && word_in(cx, i - 1, &["on", "every"]) => {
            Some(Hit::new(i, i + 1, Kind::Set(Point::Weekday(wd).value())))
        }
        _ => {
            // "three times a year"
            let (_, j, _) = quantity(cx, i)?;
            if cx.is(j, W::Times) {
                rate(cx, i, j + 1)
            } else {
                None
            }
        }
    }
}

/// "... a week", "... per year", "... every two years" after "once", "twice",
/// "N times" starting at `i`; `j` is the token after the frequency.
fn rate(cx: &Cx, i: usize, j: usize) -> Option<Hit> {
    if !matches!(cx.w(j), Some(W::A | W::Per | W::Every | W::Each)) {
        return None;
    }
    if let Some((Qty::N(v), after, false)) = quantity(cx, j + 1) {
        if let Lex::Unit(u, _) = cx.lex(after) {
            return Some(Hit::new(
                i,
                after + 1,
                Kind::Set(duration_value(Qty::N(v), u)),
            ));
        }
    }
    let Lex::Unit(u, false) = cx.lex(j + 1) else {
        return None;
    };
    Some(Hit::new(
        i,
        j + 2,
        Kind::Set(duration_value(Qty::N(1.0), u)),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        assert_eq!(duration_value(Qty::N(3.0), Unit::Day), "P3D");
        assert_eq!(duration_value(Qty::N(2.0), Unit::Hour), "PT2H");
        assert_eq!(duration_value(Qty::N(2.5), Unit::Year), "P2.5Y");
        assert_eq!(duration_value(Qty::N(1.0), Unit::Decade), "P10Y");
        assert_eq!(duration_value(Qty::Vague, Unit::Decade), "PXDE");
        assert_eq!(duration_value(Qty::Vague, Unit::Month), "PXM");
    }
}
