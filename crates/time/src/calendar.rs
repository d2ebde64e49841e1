//! Calendar arithmetic on the anchor date and the TIMEX3 spelling of points.
//!
//! A [`Point`] is what an anchored expression denotes, at its own granularity
//! (a day, a month, a week, a quarter ...); fields that cannot be known are
//! `None` and print as `X`s, as TIMEX3 asks ("On 8 October" with no year known
//! is `XXXX-10-08`).

use crate::lexicon::{Holiday, Pod, Season, Unit};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use std::fmt::Write;

/// A calendar point at its own granularity. `y: None` = year unknown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Point {
    Day {
        y: Option<i32>,
        m: u32,
        d: u32,
    },
    /// A weekday whose week is unknown (`XXXX-WXX-2`).
    Weekday(u32),
    Month {
        y: Option<i32>,
        m: u32,
    },
    Year(Option<i32>),
    /// `199` = the 1990s.
    Decade(Option<i32>),
    /// `19` = the 20th century (1900-1999).
    Century(Option<i32>),
    Quarter {
        y: Option<i32>,
        q: u32,
    },
    Half {
        y: Option<i32>,
        h: u32,
    },
    Season {
        y: Option<i32>,
        s: Season,
    },
    /// ISO week (`2024-W42`), weekend when `weekend`.
    Week {
        yw: Option<(i32, u32)>,
        weekend: bool,
    },
    FiscalYear(i32),
    /// A time of day on a day (the day may be unknown), minutes precision.
    Clock {
        day: Option<NaiveDate>,
        dayv: Option<DayVal>,
        h: u32,
        min: u32,
        zone: &'static str,
    },
    /// A part of a day (`2024-10-22TNI`).
    PartOfDay {
        day: Option<NaiveDate>,
        dayv: Option<DayVal>,
        pod: Pod,
    },
}

/// A day that is only partly known (e.g. a weekday with no anchor).
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum DayVal {
    Partial { y: Option<i32>, m: u32, d: u32 },
    Weekday(u32),
    Unknown,
}

impl Point {
    pub(crate) fn day(d: NaiveDate) -> Point {
        Point::Day {
            y: Some(d.year()),
            m: d.month(),
            d: d.day(),
        }
    }

    /// The complete date, when the point is one known day.
    pub(crate) fn as_date(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day { y: Some(y), m, d } => NaiveDate::from_ymd_opt(y, m, d),
            _ => None,
        }
    }

    /// Whether this point is a time of day (TIMEX3 type TIME).
    pub(crate) fn is_time(&self) -> bool {
        matches!(self, Point::Clock { .. } | Point::PartOfDay { .. })
    }

    /// The year of a point that lies within one year, when known.
    pub(crate) fn year(&self) -> Option<i32> {
        match *self {
            Point::Day { y, m, .. } if m > 0 => y,
            Point::Month { y, .. }
            | Point::Year(y)
            | Point::Quarter { y, .. }
            | Point::Half { y, .. }
            | Point::Season { y, .. } => y,
            Point::Week { yw, .. } => yw.map(|(y, _)| y),
            Point::Clock { day, .. } | Point::PartOfDay { day, .. } => day.map(|d| d.year()),
            _ => None,
        }
    }

    /// The last day of a quarter or half, when its year is known.
    pub(crate) fn last_day(&self) -> Option<NaiveDate> {
        let (y, next_month) = match *self {
            Point::Quarter { y: Some(y), q } if (1..=4).contains(&q) => (y, 3 * q + 1),
            Point::Half { y: Some(y), h } if (1..=2).contains(&h) => (y, 6 * h + 1),
            _ => return None,
        };
        let next = if next_month > 12 {
            NaiveDate::from_ymd_opt(y + 1, 1, 1)
        } else {
            NaiveDate::from_ymd_opt(y, next_month, 1)
        };
        next?.pred_opt()
    }

    /// The first day of the period, when it is known.
    pub(crate) fn first_day(&self) -> Option<NaiveDate> {
        match *self {
            Point::Day { .. } => self.as_date(),
            Point::Month { y: Some(y), m } => NaiveDate::from_ymd_opt(y, m, 1),
            Point::Year(Some(y)) => NaiveDate::from_ymd_opt(y, 1, 1),
            Point::Quarter { y: Some(y), q } => NaiveDate::from_ymd_opt(y, 3 * q - 2, 1),
            Point::Half { y: Some(y), h } => NaiveDate::from_ymd_opt(y, 6 * h - 5, 1),
            Point::Week {
                yw: Some((y, w)),
                weekend,
            } => {
                NaiveDate::from_isoywd_opt(y, w, if weekend { Weekday::Sat } else { Weekday::Mon })
            }
            Point::Decade(Some(d)) => NaiveDate::from_ymd_opt(d * 10, 1, 1),
            Point::Century(Some(c)) => NaiveDate::from_ymd_opt(c * 100, 1, 1),
            _ => None,
        }
    }

    /// The TIMEX3 value.
    pub(crate) fn value(&self) -> String {
        let mut s = String::with_capacity(12);
        match *self {
            Point::Day { y, m, d } => {
                if m == 0 {
                    s.push_str("XXXX-XX-XX");
                } else {
                    year(&mut s, y);
                    let _ = write!(s, "-{m:02}-{d:02}");
                }
            }
            Point::Weekday(wd) => {
                let _ = write!(s, "XXXX-WXX-{wd}");
            }
            Point::Month { y, m } => {
                year(&mut s, y);
                if m == 0 {
                    s.push_str("-XX");
                } else {
                    let _ = write!(s, "-{m:02}");
                }
            }
            Point::Year(y) => year(&mut s, y),
            Point::Decade(d) => match d {
                Some(d) => {
                    let _ = write!(s, "{d:03}");
                }
                None => s.push_str("XXX"),
            },
            Point::Century(c) => match c {
                Some(c) => {
                    let _ = write!(s, "{c:02}");
                }
                None => s.push_str("XX"),
            },
            Point::Quarter { y, q } => {
                year(&mut s, y);
                if q == 0 {
                    s.push_str("-QX");
                } else {
                    let _ = write!(s, "-Q{q}");
                }
            }
            Point::Half { y, h } => {
                year(&mut s, y);
                let _ = write!(s, "-H{h}");
            }
            Point::Season { y, s: season } => {
                year(&mut s, y);
                let _ = write!(s, "-{}", season.code());
            }
            Point::Week { yw, weekend } => {
                match yw {
                    Some((y, w)) => {
                        let _ = write!(s, "{y:04}-W{w:02}");
                    }
                    None => s.push_str("XXXX-WXX"),
                }
                if weekend {
                    s.push_str("-WE");
                }
            }
            Point::FiscalYear(y) => {
                let _ = write!(s, "FY{y:04}");
            }
            Point::Clock {
                day,
                dayv,
                h,
                min,
                zone,
            } => {
                day_prefix(&mut s, day, dayv);
                let _ = write!(s, "T{h:02}:{min:02}{zone}");
            }
            Point::PartOfDay { day, dayv, pod } => {
                day_prefix(&mut s, day, dayv);
                let _ = write!(s, "T{}", pod.code());
            }
        }
        s
    }
}

fn year(s: &mut String, y: Option<i32>) {
    match y {
        Some(y) if (0..=9999).contains(&y) => {
            let _ = write!(s, "{y:04}");
        }
        _ => s.push_str("XXXX"),
    }
}

fn day_prefix(s: &mut String, day: Option<NaiveDate>, dayv: Option<DayVal>) {
    if let Some(d) = day {
        s.push_str(&Point::day(d).value());
        return;
    }
    match dayv {
        Some(DayVal::Partial { y, m, d }) => s.push_str(&Point::Day { y, m, d }.value()),
        Some(DayVal::Weekday(wd)) => s.push_str(&Point::Weekday(wd).value()),
        _ => s.push_str("XXXX-XX-XX"),
    }
}

/// Shifts a day by `n` units (calendar units only; clamps month ends).
pub(crate) fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    match unit {
        Unit::Day => d.checked_add_signed(Duration::try_days(n)?),
        Unit::Week | Unit::Weekend => d.checked_add_signed(Duration::try_days(7 * n)?),
        Unit::Fortnight => d.checked_add_signed(Duration::try_days(14 * n)?),
        Unit::Month => add_months(d, n),
        Unit::Quarter => add_months(d, 3 * n),
        Unit::Year => add_months(d, 12 * n),
        Unit::Decade => add_months(d, 120 * n),
        Unit::Century => add_months(d, 1200 * n),
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
    }
}

fn add_months(d: NaiveDate, n: i64) -> Option<NaiveDate> {
    let m = u32::try_from(n.unsigned_abs()).ok()?;
    if n >= 0 {
        d.checked_add_months(Months::new(m))
    } else {
        d.checked_sub_months(Months::new(m))
    }
}

/// The period of `unit` containing `d`, as a point (the week of a day, its
/// month, its year ...).
pub(crate) fn period_of(d: NaiveDate, unit: Unit) -> Point {
    match unit {
        Unit::Day | Unit::Second | Unit::Minute | Unit::Hour => Point::day(d),
        Unit::Week | Unit::Fortnight => {
            let w = d.iso_week();
            Point::Week {
                yw: Some((w.year(), w.week())),
                weekend: false,
            }
        }
        Unit::Weekend => {
            let w = d.iso_week();
            Point::Week {
                yw: Some((w.year(), w.week())),
                weekend: true,
            }
        }
        Unit::Month => Point::Month {
            y: Some(d.year()),
            m: d.month(),
        },
        Unit::Quarter => Point::Quarter {
            y: Some(d.year()),
            q: (d.month() - 1) / 3 + 1,
        },
        Unit::Year => Point::Year(Some(d.year())),
        Unit::Decade => Point::Decade(Some(d.year().div_euclid(10))),
        Unit::Century => Point::Century(Some(d.year().div_euclid(100))),
    }
}

/// The period of `unit` that an unanchored document would denote (all X).
pub(crate) fn unknown_period(unit: Unit) -> Point {
    match unit {
        Unit::Day | Unit::Second | Unit::Minute | Unit::Hour => Point::Day {
            y: None,
            m: 0,
            d: 0,
        },
        Unit::Week | Unit::Fortnight => Point::Week {
            yw: None,
            weekend: false,
        },
        Unit::Weekend => Point::Week {
            yw: None,
            weekend: true,
        },
        Unit::Month => Point::Month { y: None, m: 0 },
        Unit::Quarter => Point::Quarter { y: None, q: 0 },
        Unit::Year => Point::Year(None),
        Unit::Decade => Point::Decade(None),
        Unit::Century => Point::Century(None),
    }
}

/// The nearest day with ISO weekday `wd` (1 = Monday) from `anchor`:
/// `dir` < 0 on or before, > 0 on or after, 0 the closest either way.
pub(crate) fn weekday_from(
    anchor: NaiveDate,
    wd: u32,
    dir: i32,
    strict: bool,
) -> Option<NaiveDate> {
    let cur = anchor.weekday().number_from_monday() as i64;
    let wd = wd as i64;
    let back = (cur - wd).rem_euclid(7);
    let fwd = (wd - cur).rem_euclid(7);
    let (back, fwd) = if strict {
        (
            if back == 0 { 7 } else { back },
            if fwd == 0 { 7 } else { fwd },
        )
    } else {
        (back, fwd)
    };
    let delta = match dir.cmp(&0) {
        std::cmp::Ordering::Less => -back,
        std::cmp::Ordering::Greater => fwd,
        std::cmp::Ordering::Equal => {
            if back <= fwd {
                -back
            } else {
                fwd
            }
        }
    };
    anchor.checked_add_signed(Duration::try_days(delta)?)
}

/// The date of a holiday in `year`.
pub(crate) fn holiday_date(h: Holiday, year: i32) -> Option<NaiveDate> {
    let md = |m, d| NaiveDate::from_ymd_opt(year, m, d);
    let nth = |m, wd: Weekday, n| NaiveDate::from_weekday_of_month_opt(year, m, wd, n);
    match h {
        Holiday::Christmas => md(12, 25),
        Holiday::ChristmasEve => md(12, 24),
        Holiday::BoxingDay => md(12, 26),
        Holiday::NewYearsDay => md(1, 1),
        Holiday::NewYearsEve => md(12, 31),
        Holiday::Halloween => md(10, 31),
        Holiday::Valentines => md(2, 14),
        Holiday::IndependenceDay => md(7, 4),
        Holiday::VeteransDay => md(11, 11),
        Holiday::Thanksgiving => nth(11, Weekday::Thu, 4),
        Holiday::LaborDay => nth(9, Weekday::Mon, 1),
        Holiday::MemorialDay => {
            let last = NaiveDate::from_ymd_opt(year, 5, 31)?;
            let back = last.weekday().num_days_from_monday() as i64;
            last.checked_add_signed(Duration::try_days(-back)?)
        }
        Holiday::Easter => easter(year),
        Holiday::GoodFriday => easter(year)?.checked_add_signed(Duration::try_days(-2)?),
    }
}

/// Fixed month and day of a holiday, when it has one (for an unknown year).
pub(crate) fn holiday_month_day(h: Holiday) -> Option<(u32, u32)> {
    match h {
        Holiday::Christmas => Some((12, 25)),
        Holiday::ChristmasEve => Some((12, 24)),
        Holiday::BoxingDay => Some((12, 26)),
        Holiday::NewYearsDay => Some((1, 1)),
        Holiday::NewYearsEve => Some((12, 31)),
        Holiday::Halloween => Some((10, 31)),
        Holiday::Valentines => Some((2, 14)),
        Holiday::IndependenceDay => Some((7, 4)),
        Holiday::VeteransDay => Some((11, 11)),
        _ => None,
    }
}

/// Gregorian Easter Sunday (the anonymous algorithm of the computus).
fn easter(y: i32) -> Option<NaiveDate> {
    let a = y % 19;
    let b = y / 100;
    let c = y % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(y, month as u32, day as u32)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, dd: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, dd).unwrap()
    }

    #[test]
    fn values() {
        assert_eq!(
            Point::Day {
                y: None,
                m: 10,
                d: 8
            }
            .value(),
            "XXXX-10-08"
        );
        assert_eq!(period_of(d(2024, 10, 20), Unit::Week).value(), "2024-W42");
        assert_eq!(period_of(d(2024, 10, 20), Unit::Quarter).value(), "2024-Q4");
        assert_eq!(Point::Decade(Some(199)).value(), "199");
        assert_eq!(unknown_period(Unit::Month).value(), "XXXX-XX");
        assert_eq!(unknown_period(Unit::Quarter).value(), "XXXX-QX");
        let pod = Point::PartOfDay {
            day: Some(d(2024, 10, 22)),
            dayv: None,
            pod: Pod::Night,
        };
        assert_eq!(pod.value(), "2024-10-22TNI");
    }

    #[test]
    fn weekdays() {
        let sun = d(2024, 10, 20);
        assert_eq!(weekday_from(sun, 2, -1, false), Some(d(2024, 10, 15)));
        assert_eq!(weekday_from(sun, 2, 1, false), Some(d(2024, 10, 22)));
        assert_eq!(weekday_from(sun, 7, -1, false), Some(sun));
        assert_eq!(weekday_from(sun, 7, -1, true), Some(d(2024, 10, 13)));
    }

    #[test]
    fn holidays() {
        assert_eq!(holiday_date(Holiday::Easter, 2024), Some(d(2024, 3, 31)));
        assert_eq!(
            holiday_date(Holiday::Thanksgiving, 2024),
            Some(d(2024, 11, 28))
        );
        assert_eq!(
            holiday_date(Holiday::MemorialDay, 2024),
            Some(d(2024, 5, 27))
        );
    }

    #[test]
    fn shifting() {
        assert_eq!(shift(d(2024, 3, 31), Unit::Month, -1), Some(d(2024, 2, 29)));
        assert_eq!(shift(d(2024, 10, 20), Unit::Week, -2), Some(d(2024, 10, 6)));
    }
}
