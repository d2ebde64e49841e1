//! The closed word lists of English time expressions. The month names,
//! weekday names and number words are the text crate's shared word table
//! (`claimtrail_text::words`, data in `crates/text/lang/en/`); the units,
//! seasons, parts of the day, holidays, time zones and the function words the
//! grammar keys on are the time crate's own data file,
//! `crates/time/lang/en/keywords.tsv` (its header says the format). Each word
//! maps to one [`Lex`] class; lookup is a single hash probe on the lower-cased
//! token.

use claimtrail_text::words::{self, NumberWord};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// Defines a keyword enum whose variants the data file names in lower case,
/// with `from_name` to read them (`"boxingday"` -> `Holiday::BoxingDay`).
macro_rules! named {
    ($(#[$meta:meta])* $name:ident { $($variant:ident),* $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub(crate) enum $name {
            $($variant),*
        }

        impl $name {
            fn from_name(name: &str) -> Option<$name> {
                [$($name::$variant),*]
                    .into_iter()
                    .zip([$(stringify!($variant)),*])
                    .find(|(_, n)| n.eq_ignore_ascii_case(name))
                    .map(|(v, _)| v)
            }
        }
    };
}

named! {
    /// Calendar units of durations and anchored periods.
    Unit {
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

named! {
    Season {
        Spring,
        Summer,
        Fall,
        Winter,
    }
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

named! {
    /// Parts of the day, TIMEX3 codes MO, AF, EV, NI.
    Pod {
        Morning,
        Afternoon,
        Evening,
        Night,
    }
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

named! {
    /// Fixed-date and computed holidays common in English news.
    Holiday {
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
}

named! {
    /// Keywords: the function and content words the grammar keys on.
    W {
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

named! {
    /// The sets of context words of the grammar (`lang/en/contexts.tsv`; the
    /// file names them in lower case with hyphens: `counted-after`).
    Set {
        HeadlineFunctionWords,
        NamedDayPrefixes,
        CountedAfter,
        QuantityBefore,
        YearContextBefore,
        Decades,
        UnitAdjectives,
        RateBefore,
        SpeedBefore,
        TemporalPrepositions,
        BarePluralBefore,
        ClockBefore,
        FrequencyNotBefore,
        GenericTodayNouns,
        OldYearBefore,
        OvernightAdverbAfter,
        PhraseEnders,
        ReportPeriodBefore,
        ReportPeriodNotAfter,
        SecurityNouns,
        SportsWords,
    }
}

/// The context words of the grammar, one `set<TAB>word` a line.
const CONTEXTS_TSV: &str = include_str!("../lang/en/contexts.tsv");

/// Reads a context-word file (`#` comments and blank lines skipped): the
/// words of each set in file order; a line that does not parse is an error
/// naming it.
fn parse_contexts(text: &'static str) -> Result<HashMap<Set, Vec<&'static str>>, String> {
    let mut out: HashMap<Set, Vec<&'static str>> = HashMap::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let bad = || format!("time context words line {}: {line:?}", n + 1);
        let (set, word) = line.split_once('\t').ok_or_else(bad)?;
        let set = Set::from_name(&set.replace('-', "")).ok_or_else(bad)?;
        let word = word.trim();
        if word.is_empty() || word.contains('\t') {
            return Err(bad());
        }
        out.entry(set).or_default().push(word);
    }
    Ok(out)
}

/// The words of one context set, in file order (read once; the file is
/// embedded and checked by the tests).
pub(crate) fn words_of(set: Set) -> &'static [&'static str] {
    static SETS: OnceLock<HashMap<Set, Vec<&'static str>>> = OnceLock::new();
    SETS.get_or_init(|| parse_contexts(CONTEXTS_TSV).unwrap_or_default())
        .get(&set)
        .map_or(&[], Vec::as_slice)
}

/// The time crate's keyword file.
const KEYWORDS_TSV: &str = include_str!("../lang/en/keywords.tsv");

/// One row of the keyword file: a single word's class, or a holiday phrase.
enum Row {
    Word(&'static str, Lex),
    Phrase(Holiday, Vec<&'static str>),
}

/// The class a row names (`unit second plural`, `zone -05`, `word ago`).
fn row_class(class: &str, name: &'static str, plural: bool) -> Option<Lex> {
    Some(match class {
        "word" => Lex::W(W::from_name(name)?),
        "unit" => Lex::Unit(Unit::from_name(name)?, plural),
        "season" => Lex::Season(Season::from_name(name)?),
        "pod" => Lex::Pod(Pod::from_name(name)?, plural),
        "freq" => Lex::Freq(Unit::from_name(name)?),
        "holiday" => Lex::Holiday(Holiday::from_name(name)?),
        "zone" => Lex::Zone(if name == "none" { "" } else { name }),
        _ => return None,
    })
}

/// The rows of a keyword file (`#` comments and blank lines skipped); a row
/// that does not parse is an error naming the line.
fn parse_keywords(text: &'static str) -> Result<Vec<Row>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        let bad = || format!("time keywords line {}: {line:?}", n + 1);
        let (form, class, name) = match f[..] {
            [form, class, name] | [form, class, name, _] => (form, class, name),
            _ => return Err(bad()),
        };
        let plural = match f.get(3) {
            None => false,
            Some(&"plural") => true,
            Some(_) => return Err(bad()),
        };
        let lex = row_class(class, name, plural).ok_or_else(bad)?;
        let words: Vec<&'static str> = form.split(' ').collect();
        out.push(match (words.len(), lex) {
            (1, lex) => Row::Word(form, lex),
            (_, Lex::Holiday(h)) => Row::Phrase(h, words),
            _ => return Err(bad()),
        });
    }
    Ok(out)
}

/// The keyword rows, read once (the file is embedded and checked by the
/// tests; a broken row would leave the table without keywords, not panic).
fn keyword_rows() -> &'static [Row] {
    static ROWS: OnceLock<Vec<Row>> = OnceLock::new();
    ROWS.get_or_init(|| parse_keywords(KEYWORDS_TSV).unwrap_or_default())
}

fn build() -> HashMap<String, Lex> {
    let mut t: HashMap<String, Lex> = HashMap::new();
    // The shared classes first; the keyword file's rows then override them
    // ("second" is a unit more often than an ordinal in time expressions; the
    // grammar treats Unit(Second) as an ordinal where one is expected).
    for (form, info) in words::entries() {
        let lex = match (info.number, info.month, info.weekday) {
            (Some(NumberWord::Cardinal(n)), _, _) => Lex::Num(n),
            (Some(NumberWord::Ordinal(n)), _, _) => Lex::Ord(n),
            (_, Some(m), _) => Lex::Month(m.number, m.abbreviated),
            (_, _, Some(d)) => Lex::Weekday(d.number, d.plural),
            _ => continue,
        };
        t.insert(form.to_string(), lex);
    }
    for row in keyword_rows() {
        if let Row::Word(form, lex) = row {
            t.insert(form.to_string(), *lex);
        }
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
/// `’s` matches `'s`), from the keyword file. (Holiday, words.)
pub(crate) fn holiday_phrases() -> impl Iterator<Item = (Holiday, &'static [&'static str])> {
    keyword_rows().iter().filter_map(|r| match r {
        Row::Phrase(h, words) => Some((*h, words.as_slice())),
        Row::Word(..) => None,
    })
}

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
        assert_eq!(lookup("EST"), Lex::Zone("-05"));
        assert_eq!(lookup("et"), Lex::Zone(""));
        assert_eq!(lookup("second"), Lex::Unit(Unit::Second, false));
        assert_eq!(lookup("quarterly"), Lex::Freq(Unit::Quarter));
    }

    #[test]
    fn every_keyword_row_parses_and_is_looked_up() {
        let rows = parse_keywords(KEYWORDS_TSV).expect("keywords.tsv parses");
        assert!(rows.len() > 150, "{} rows", rows.len());
        for row in &rows {
            match row {
                Row::Word(form, lex) => assert_eq!(lookup(form), *lex, "{form}"),
                Row::Phrase(h, words) => {
                    assert!(holiday_phrases().any(|(g, w)| g == *h && w == words.as_slice()))
                }
            }
        }
        let phrase = holiday_phrases().find(|(h, _)| *h == Holiday::NewYearsEve);
        assert_eq!(
            phrase.map(|(_, w)| w),
            Some(&["new", "year", "'s", "eve"][..])
        );
    }

    #[test]
    fn every_context_set_parses_and_is_filled() {
        let sets = parse_contexts(CONTEXTS_TSV).expect("contexts.tsv parses");
        for set in [
            Set::HeadlineFunctionWords,
            Set::NamedDayPrefixes,
            Set::CountedAfter,
            Set::QuantityBefore,
            Set::YearContextBefore,
            Set::Decades,
            Set::UnitAdjectives,
            Set::RateBefore,
            Set::SpeedBefore,
            Set::TemporalPrepositions,
            Set::BarePluralBefore,
            Set::ClockBefore,
            Set::FrequencyNotBefore,
            Set::GenericTodayNouns,
            Set::OldYearBefore,
            Set::OvernightAdverbAfter,
            Set::PhraseEnders,
            Set::ReportPeriodBefore,
            Set::ReportPeriodNotAfter,
            Set::SecurityNouns,
            Set::SportsWords,
        ] {
            assert!(!words_of(set).is_empty(), "{set:?}");
            assert_eq!(sets.get(&set).map(Vec::as_slice), Some(words_of(set)));
        }
        assert_eq!(words_of(Set::Decades).first(), Some(&"twenties"));
        for bad in ["no-such-set\tword", "decades", "decades\t"] {
            let text: &'static str = Box::leak(format!("# c\n{bad}\n").into_boxed_str());
            let err = parse_contexts(text).expect_err(bad);
            assert!(err.contains("line 2"), "{err}");
        }
    }

    #[test]
    fn a_bad_keyword_row_names_its_line() {
        for bad in [
            "ago\tword\tnosuchword",
            "ago\tword",
            "x y\tunit\tday",
            "days\tunit\tday\tmany",
        ] {
            let text: &'static str = Box::leak(format!("# c\n{bad}\n").into_boxed_str());
            let err = parse_keywords(text).err().expect(bad);
            assert!(err.contains("line 2"), "{err}");
        }
    }
}
