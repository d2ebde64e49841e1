//! The closed word lists of English time expressions: units, seasons, parts
//! of the day, holidays, time zones and the function words the grammar keys
//! on, with the month names, weekday names and number words of the text
//! crate's shared word table (`claimtrail_text::words`, data in
//! `crates/text/lang/en/`). Each word maps to one [`Lex`] class; lookup is a
//! single hash probe on the lower-cased token.

use claimtrail_text::words::{self, NumberWord};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Calendar units of durations and anchored periods.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

impl Unit {
    /// The TIMEX3 duration designator, whether it takes `T`, and how many of
    /// it one unit is (a decade is written `P10Y`, a fortnight `P2W`).
    pub(crate) fn designator(self) -> (&'static str, bool, f64) {
        match self {
            Unit::Second => ("S", true, 1.0),
            Unit::Minute => ("M", true, 1.0),
            Unit::Hour => ("H", true, 1.0),
            Unit::Day => ("D", false, 1.0),
            Unit::Week => ("W", false, 1.0),
            Unit::Weekend => ("WE", false, 1.0),
            Unit::Fortnight => ("W", false, 2.0),
            Unit::Month => ("M", false, 1.0),
            // A quarter is three months: ISO 8601 has no quarter designator (TimeBank: "the next three quarters", P9M).
            Unit::Quarter => ("M", false, 3.0),
            Unit::Year => ("Y", false, 1.0),
            Unit::Decade => ("Y", false, 10.0),
            Unit::Century => ("Y", false, 100.0),
        }
    }

    /// The designator of a vague amount of the unit ("decades": `PXDE`).
    pub(crate) fn vague_designator(self) -> &'static str {
        match self {
            Unit::Decade => "DE",
            Unit::Century => "CE",
            Unit::Fortnight => "W",
            u => u.designator().0,
        }
    }

    /// Units of a day or more (the ones a calendar date can be shifted by).
    pub(crate) fn is_calendar(self) -> bool {
        !matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The season a month falls in (meteorological, northern hemisphere).
    pub(crate) fn of_month(month: u32) -> Season {
        match month {
            3..=5 => Season::Spring,
            6..=8 => Season::Summer,
            9..=11 => Season::Fall,
            _ => Season::Winter,
        }
    }

    pub(crate) fn index(self) -> u32 {
        match self {
            Season::Spring => 0,
            Season::Summer => 1,
            Season::Fall => 2,
            Season::Winter => 3,
        }
    }
}

/// Parts of the day, TIMEX3 codes MO, AF, EV, NI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Pod {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Pod {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Pod::Morning => "MO",
            Pod::Afternoon => "AF",
            Pod::Evening => "EV",
            Pod::Night => "NI",
        }
    }
}

/// Fixed-date and computed holidays common in English news.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Holiday {
    Christmas,
    ChristmasEve,
    BoxingDay,
    NewYearsDay,
    NewYearsEve,
    Halloween,
    Valentines,
    IndependenceDay,
    VeteransDay,
    Thanksgiving,
    Easter,
    GoodFriday,
    LaborDay,
    MemorialDay,
}

/// Keywords: the function and content words the grammar keys on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum W {
    The,
    A,
    This,
    That,
    These,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Upcoming,
    Recent,
    Ago,
    Earlier,
    Later,
    Early,
    Late,
    Mid,
    Beginning,
    Start,
    End,
    Middle,
    Of,
    And,
    Half,
    Fiscal,
    Every,
    Each,
    Per,
    Once,
    Twice,
    Times,
    Today,
    Tomorrow,
    Yesterday,
    Tonight,
    Overnight,
    Now,
    Currently,
    Recently,
    Nowadays,
    Future,
    Several,
    Few,
    Couple,
    Dozen,
    Many,
    More,
    Less,
    Fewer,
    Than,
    About,
    Around,
    Approximately,
    Roughly,
    Some,
    Nearly,
    Almost,
    Over,
    Under,
    Least,
    Most,
    Up,
    To,
    Just,
    Well,
    No,
    Noon,
    Midnight,
    Midday,
    Am,
    Pm,
    OClock,
    Local,
    Time,
    Same,
    Straight,
    Consecutive,
    Entire,
    Whole,
    Full,
    Near,
    Being,
    Turn,
    Other,
    Another,
    Its,
    Their,
    Fall,
    Current,
    Present,
    Multi,
    Soon,
    Very,
}

/// The class of one lower-cased word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Lex {
    None,
    /// Month number, and whether the form is an abbreviation (`Oct.`, `Sept`).
    Month(u32, bool),
    /// ISO weekday number (Monday = 1), and whether plural (`Mondays`).
    Weekday(u32, bool),
    Season(Season),
    /// Part of the day, and whether plural (`nights`).
    Pod(Pod, bool),
    /// A unit, and whether plural.
    Unit(Unit, bool),
    /// A cardinal number word.
    Num(u32),
    /// An ordinal number word (`third`).
    Ord(u32),
    /// A frequency adverb or adjective (`daily`, `annual`).
    Freq(Unit),
    Holiday(Holiday),
    /// A time zone abbreviation, with its TIMEX3 suffix (`Z` for UTC/GMT).
    Zone(&'static str),
    W(W),
}

const UNITS: &[(&str, Unit)] = &[
    ("second", Unit::Second),
    ("minute", Unit::Minute),
    ("hour", Unit::Hour),
    ("day", Unit::Day),
    ("week", Unit::Week),
    ("weekend", Unit::Weekend),
    ("fortnight", Unit::Fortnight),
    ("month", Unit::Month),
    ("quarter", Unit::Quarter),
    ("year", Unit::Year),
    ("decade", Unit::Decade),
];
const KEYWORDS: &[(&str, W)] = &[
    ("the", W::The),
    ("a", W::A),
    ("an", W::A),
    ("this", W::This),
    ("that", W::That),
    ("these", W::These),
    ("last", W::Last),
    ("next", W::Next),
    ("past", W::Past),
    ("coming", W::Coming),
    ("previous", W::Previous),
    ("preceding", W::Previous),
    ("prior", W::Previous),
    ("following", W::Following),
    ("upcoming", W::Upcoming),
    ("recent", W::Recent),
    ("ago", W::Ago),
    ("earlier", W::Earlier),
    ("later", W::Later),
    ("early", W::Early),
    ("late", W::Late),
    ("mid", W::Mid),
    ("beginning", W::Beginning),
    ("start", W::Start),
    ("end", W::End),
    ("middle", W::Middle),
    ("of", W::Of),
    ("and", W::And),
    ("half", W::Half),
    ("fiscal", W::Fiscal),
    ("financial", W::Fiscal),
    ("every", W::Every),
    ("each", W::Each),
    ("per", W::Per),
    ("once", W::Once),
    ("twice", W::Twice),
    ("times", W::Times),
    ("today", W::Today),
    ("tomorrow", W::Tomorrow),
    ("yesterday", W::Yesterday),
    ("tonight", W::Tonight),
    ("overnight", W::Overnight),
    ("now", W::Now),
    ("currently", W::Currently),
    ("presently", W::Currently),
    ("recently", W::Recently),
    ("lately", W::Recently),
    ("nowadays", W::Nowadays),
    ("future", W::Future),
    ("several", W::Several),
    ("few", W::Few),
    ("couple", W::Couple),
    ("dozen", W::Dozen),
    ("many", W::Many),
    ("more", W::More),
    ("less", W::Less),
    ("fewer", W::Fewer),
    ("than", W::Than),
    ("about", W::About),
    ("around", W::Around),
    ("approximately", W::Approximately),
    ("roughly", W::Roughly),
    ("some", W::Some),
    ("nearly", W::Nearly),
    ("almost", W::Almost),
    ("over", W::Over),
    ("under", W::Under),
    ("least", W::Least),
    ("most", W::Most),
    ("up", W::Up),
    ("to", W::To),
    ("just", W::Just),
    ("well", W::Well),
    ("no", W::No),
    ("noon", W::Noon),
    ("midnight", W::Midnight),
    ("midday", W::Midday),
    ("am", W::Am),
    ("a.m.", W::Am),
    ("a.m", W::Am),
    ("pm", W::Pm),
    ("p.m.", W::Pm),
    ("p.m", W::Pm),
    ("o'clock", W::OClock),
    ("o’clock", W::OClock),
    ("local", W::Local),
    ("time", W::Time),
    ("same", W::Same),
    ("straight", W::Straight),
    ("consecutive", W::Consecutive),
    ("successive", W::Consecutive),
    ("entire", W::Entire),
    ("whole", W::Whole),
    ("full", W::Full),
    ("near", W::Near),
    ("being", W::Being),
    ("turn", W::Turn),
    ("other", W::Other),
    ("another", W::Another),
    ("its", W::Its),
    ("their", W::Their),
    ("current", W::Current),
    ("present", W::Present),
    ("multi", W::Multi),
    ("soon", W::Soon),
    ("very", W::Very),
];

const ZONES: &[(&str, &str)] = &[
    ("utc", "Z"),
    ("gmt", "Z"),
    ("z", "Z"),
    ("est", "-05"),
    ("edt", "-04"),
    ("cst", "-06"),
    ("cdt", "-05"),
    ("mst", "-07"),
    ("mdt", "-06"),
    ("pst", "-08"),
    ("pdt", "-07"),
    ("bst", "+01"),
    ("cet", "+01"),
    ("cest", "+02"),
    ("eet", "+02"),
    ("eest", "+03"),
    ("msk", "+03"),
    ("jst", "+09"),
    ("kst", "+09"),
    ("aest", "+10"),
    ("et", ""),
    ("pt", ""),
];

/// A multiply-rotate hash (as in rustc's FxHasher): the keys are short
/// lower-case words from our own list, so no flooding resistance is needed,
/// and lookup runs once per token.
#[derive(Default)]
struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ b as u64).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type Table = HashMap<Box<[u8]>, Lex, BuildHasherDefault<WordHasher>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        build()
            .into_iter()
            .map(|(k, v)| (k.into_bytes().into_boxed_slice(), v))
            .collect()
    })
}

fn build() -> HashMap<String, Lex> {
    let mut t: HashMap<String, Lex> = HashMap::new();
    for (w, k) in KEYWORDS {
        t.insert(w.to_string(), Lex::W(*k));
    }
    // Number words, months and weekdays are the text crate's shared classes
    // (crates/text/lang/en/); numbers go in before the units, which take
    // "second" over the ordinal.
    for (form, info) in words::entries() {
        match info.number {
            Some(NumberWord::Cardinal(n)) => t.insert(form.to_string(), Lex::Num(n)),
            Some(NumberWord::Ordinal(n)) => t.insert(form.to_string(), Lex::Ord(n)),
            None => None,
        };
    }
    // "second" is a unit more often than an ordinal in time expressions; the
    // grammar treats Unit(Second) as an ordinal where one is expected.
    for (name, unit) in UNITS {
        t.insert(name.to_string(), Lex::Unit(*unit, false));
        t.insert(format!("{name}s"), Lex::Unit(*unit, true));
    }
    t.insert("century".into(), Lex::Unit(Unit::Century, false));
    t.insert("centuries".into(), Lex::Unit(Unit::Century, true));
    t.insert("yr".into(), Lex::Unit(Unit::Year, false));
    t.insert("yrs".into(), Lex::Unit(Unit::Year, true));
    t.insert("hr".into(), Lex::Unit(Unit::Hour, false));
    t.insert("hrs".into(), Lex::Unit(Unit::Hour, true));
    t.insert("min".into(), Lex::Unit(Unit::Minute, false));
    t.insert("mins".into(), Lex::Unit(Unit::Minute, true));
    t.insert("secs".into(), Lex::Unit(Unit::Second, true));
    for (form, info) in words::entries() {
        if let Some(m) = info.month {
            t.insert(form.to_string(), Lex::Month(m.number, m.abbreviated));
        }
        if let Some(d) = info.weekday {
            t.insert(form.to_string(), Lex::Weekday(d.number, d.plural));
        }
    }
    for (name, s) in [
        ("spring", Season::Spring),
        ("summer", Season::Summer),
        ("autumn", Season::Fall),
        ("winter", Season::Winter),
    ] {
        t.insert(name.to_string(), Lex::Season(s));
    }
    // "fall" is mostly a verb; the grammar decides when it is the season.
    t.insert("fall".into(), Lex::W(W::Fall));
    for (name, p) in [
        ("morning", Pod::Morning),
        ("afternoon", Pod::Afternoon),
        ("evening", Pod::Evening),
        ("night", Pod::Night),
    ] {
        t.insert(name.to_string(), Lex::Pod(p, false));
        t.insert(format!("{name}s"), Lex::Pod(p, true));
    }
    for (name, u) in [
        ("hourly", Unit::Hour),
        ("daily", Unit::Day),
        ("nightly", Unit::Day),
        ("weekly", Unit::Week),
        ("biweekly", Unit::Fortnight),
        ("fortnightly", Unit::Fortnight),
        ("monthly", Unit::Month),
        ("quarterly", Unit::Quarter),
        ("annual", Unit::Year),
        ("annually", Unit::Year),
        ("yearly", Unit::Year),
    ] {
        t.insert(name.to_string(), Lex::Freq(u));
    }
    for (name, h) in [
        ("christmas", Holiday::Christmas),
        ("xmas", Holiday::Christmas),
        ("halloween", Holiday::Halloween),
        ("thanksgiving", Holiday::Thanksgiving),
        ("easter", Holiday::Easter),
    ] {
        t.insert(name.to_string(), Lex::Holiday(h));
    }
    for (name, z) in ZONES {
        t.insert(name.to_string(), Lex::Zone(z));
    }
    t
}

/// The class of `word` (any case). Words longer than any entry are `None`.
pub(crate) fn lookup(word: &str) -> Lex {
    if word.len() > 24 || word.is_empty() {
        return Lex::None;
    }
    let mut buf = [0u8; 24];
    let bytes = word.as_bytes();
    let mut ascii = true;
    for (i, &b) in bytes.iter().enumerate() {
        ascii &= b.is_ascii();
        buf[i] = b.to_ascii_lowercase();
    }
    if !ascii {
        // Only the curly apostrophe of "o’clock" matters among non-ASCII words.
        let lower = word.to_lowercase();
        return table().get(lower.as_bytes()).copied().unwrap_or(Lex::None);
    }
    table()
        .get(&buf[..bytes.len()])
        .copied()
        .unwrap_or(Lex::None)
}

/// Multi-word holiday names, as tokens (the tokenizer splits off `'s`;
/// `’s` matches `'s`). (Holiday, words.)
pub(crate) const HOLIDAY_PHRASES: &[(Holiday, &[&str])] = &[
    (Holiday::ChristmasEve, &["christmas", "eve"]),
    (Holiday::Christmas, &["christmas", "day"]),
    (Holiday::BoxingDay, &["boxing", "day"]),
    (Holiday::NewYearsEve, &["new", "year", "'s", "eve"]),
    (Holiday::NewYearsDay, &["new", "year", "'s", "day"]),
    (Holiday::Valentines, &["valentine", "'s", "day"]),
    (Holiday::IndependenceDay, &["independence", "day"]),
    (Holiday::VeteransDay, &["veterans", "day"]),
    (Holiday::GoodFriday, &["good", "friday"]),
    (Holiday::LaborDay, &["labor", "day"]),
    (Holiday::MemorialDay, &["memorial", "day"]),
    (Holiday::Thanksgiving, &["thanksgiving", "day"]),
    (Holiday::Easter, &["easter", "sunday"]),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classes() {
        assert_eq!(lookup("October"), Lex::Month(10, false));
        assert_eq!(lookup("Sept."), Lex::Month(9, true));
        assert_eq!(lookup("TUESDAY"), Lex::Weekday(2, false));
        assert_eq!(lookup("Mondays"), Lex::Weekday(1, true));
        assert_eq!(lookup("twenty-five"), Lex::Num(25));
        assert_eq!(lookup("thirty-first"), Lex::Ord(31));
        assert_eq!(lookup("years"), Lex::Unit(Unit::Year, true));
        assert_eq!(lookup("o’clock"), Lex::W(W::OClock));
        assert_eq!(lookup("troops"), Lex::None);
        assert_eq!(lookup(""), Lex::None);
    }
}
