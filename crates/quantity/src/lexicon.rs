//! Closed word lists of English news usage: number words, scales, qualifiers,
//! change cues, currencies and units, and the function words that end a counted
//! noun phrase.
//!
//! Every list is a commented data file under `lexicon/` (its header gives the
//! format), embedded with `include_str!` and parsed once. Every list is general
//! English; nothing here names a particular story. Words are compared
//! lower-cased (ASCII), so every entry is written in lower case.

use crate::data::Table;
use crate::Qualifier;
use std::sync::OnceLock;

/// A cardinal number word and how it combines with its neighbours.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum NumberWord {
    /// zero .. nineteen
    Unit(f64),
    /// twenty .. ninety
    Tens(f64),
    Hundred,
    /// thousand, million, billion, trillion (and lakh, crore)
    Scale(f64),
    Dozen,
}

fn numbers() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::parse(include_str!("../lexicon/numbers.tsv")))
}

fn currencies() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::parse(include_str!("../lexicon/currencies.tsv")))
}

fn words() -> &'static Table {
    static T: OnceLock<Table> = OnceLock::new();
    T.get_or_init(|| Table::parse(include_str!("../lexicon/words.tsv")))
}

/// The number a `kind` entry of `numbers.tsv` gives `w`.
fn number(kind: &str, w: &str) -> Option<f64> {
    numbers().get(kind, w)?.parse().ok()
}

pub(crate) fn number_word(w: &str) -> Option<NumberWord> {
    let entries = numbers().entries(w);
    for &(kind, value) in entries {
        let v = || value.parse::<f64>().unwrap_or(0.0);
        match kind {
            "unit" => return Some(NumberWord::Unit(v())),
            "tens" => return Some(NumberWord::Tens(v())),
            "hundred" => return Some(NumberWord::Hundred),
            "dozen" => return Some(NumberWord::Dozen),
            "scale" => return Some(NumberWord::Scale(v())),
            _ => {}
        }
    }
    None
}

/// Whether `w` is a number word, a vague count or a multiple: one lookup,
/// for the scanner's test of every word.
pub(crate) fn opens_number(w: &str) -> bool {
    numbers().entries(w).iter().any(|(kind, _)| {
        matches!(
            *kind,
            "unit" | "tens" | "hundred" | "dozen" | "scale" | "vague" | "factor"
        )
    })
}

/// Scale words written out in full (and the South Asian lakh and crore).
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    number("scale", w)
}

/// Abbreviated scales, as separate words or glued to digits (`3bn`, `12k`).
/// `m` is left out: it is also the metre (see [`crate::number`]).
pub(crate) fn scale_abbreviation(w: &str) -> Option<f64> {
    number("abbrev", w)
}

/// The denominator a fraction word names: `half` 2, `third(s)` 3, `quarter(s)` 4 ...
pub(crate) fn fraction_denominator(w: &str) -> Option<f64> {
    number("fraction", w)
}

/// Unicode vulgar fractions.
pub(crate) fn fraction_char(c: char) -> Option<f64> {
    let mut buf = [0u8; 4];
    number("char", c.encode_utf8(&mut buf))
}

/// Plural scale words used alone as vague counts ("dozens of", "hundreds of
/// thousands"): the unit they multiply. See docs/quantities.md for the bounds.
pub(crate) fn vague_count(w: &str) -> Option<f64> {
    number("vague", w)
}

/// Factor verbs: a change given as a multiple ("doubled", "halved").
pub(crate) fn factor_word(w: &str) -> Option<f64> {
    number("factor", w)
}

/// A qualifier as `qualifiers.tsv` names it.
fn qualifier_named(name: &str) -> Option<Qualifier> {
    Some(match name {
        "exact" => Qualifier::Exact,
        "approximately" => Qualifier::Approximately,
        "more_than" => Qualifier::MoreThan,
        "at_least" => Qualifier::AtLeast,
        "less_than" => Qualifier::LessThan,
        "up_to" => Qualifier::UpTo,
        _ => return None,
    })
}

type Phrases = Vec<(&'static str, Qualifier)>;

/// The qualifier phrases of `qualifiers.tsv`: (before the number, after it).
fn qualifiers() -> &'static (Phrases, Phrases) {
    static Q: OnceLock<(Phrases, Phrases)> = OnceLock::new();
    Q.get_or_init(|| {
        let (mut pre, mut post) = (Vec::new(), Vec::new());
        for line in crate::data::lines(include_str!("../lexicon/qualifiers.tsv")) {
            let mut f = line.split('\t');
            let (Some(position), Some(phrase), Some(q)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(q) = qualifier_named(q.trim()) else {
                continue;
            };
            match position {
                "pre" => pre.push((phrase, q)),
                "post" => post.push((phrase, q)),
                _ => {}
            }
        }
        (pre, post)
    })
}

/// Qualifier phrases written before a number, longest first within a
/// qualifier. The bounds each qualifier gives are documented in docs/quantities.md.
pub(crate) fn pre_qualifiers() -> &'static [(&'static str, Qualifier)] {
    &qualifiers().0
}

/// Qualifier phrases written after a number ("10,000 or more").
pub(crate) fn post_qualifiers() -> &'static [(&'static str, Qualifier)] {
    &qualifiers().1
}

/// Words right before a number that make it a change, not a level:
/// "another 2,000", "rose 5%", "rose by 5%" (but not "rose to 5%").
pub(crate) fn is_change_cue_before(w: &str) -> bool {
    words().has("change_before", w)
}

/// Nouns and comparatives right after a figure that make it a change:
/// "a 5% increase", "20% more", "10 more".
pub(crate) fn is_change_cue_after(w: &str) -> bool {
    words().has("change_after", w)
}

/// Month names and their abbreviations: a number beside one is a date.
pub(crate) fn is_month(w: &str) -> bool {
    words().has("month", w)
}

/// Words after a number that make it a clock time.
pub(crate) fn is_time_marker(w: &str) -> bool {
    words().has("time_marker", w)
}

/// Nouns that put a reference number after them ("Flight 17", "Article 5",
/// "Room 101", "No. 10", "the top five"): the number names, it does not count.
/// `capitalized` tells whether the noun was written with a capital; nouns that
/// are also common verbs or count nouns ("seat 300 people", "form") only name
/// when capitalized ("Line 5", "Form 10").
pub(crate) fn is_reference_noun(w: &str, capitalized: bool) -> bool {
    use crate::designations::{is, Kind};
    is(Kind::Reference, w) || (capitalized && is(Kind::ReferenceCap, w))
}

/// Street words: a number before a capitalised name ending in one of these is
/// an address ("10 Downing Street").
pub(crate) fn is_street_word(w: &str) -> bool {
    crate::designations::is(crate::designations::Kind::Street, w)
}

/// A currency: its normalized ISO 4217 code.
pub(crate) type Code = &'static str;

/// Currency signs written before (or after) the figure.
pub(crate) fn currency_symbol(s: &str) -> Option<Code> {
    currencies().get("symbol", s)
}

/// A word glued before `$` that names the dollar: `US$`, `A$`, `HK$` ...
pub(crate) fn dollar_prefix(w: &str) -> Option<Code> {
    currencies().get("prefix", w)
}

/// ISO codes (and a few common abbreviations) written as words: `USD`, `Rs`.
pub(crate) fn currency_code(w: &str) -> Option<Code> {
    currencies().get("code", w)
}

/// Currency names written after the figure: "dollars", "hryvnias", "roubles".
/// "pounds" is handled by the caller (sterling or weight).
pub(crate) fn currency_name(w: &str) -> Option<Code> {
    currencies().get("name", w)
}

/// Nationality adjectives before "dollars": "Canadian dollars" is CAD.
pub(crate) fn dollar_nationality(w: &str) -> Option<Code> {
    currencies().get("nationality", w)
}

/// What kind of measure a unit is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dimension {
    Percent,
    Length,
    Mass,
    Area,
    Volume,
    Duration,
    Speed,
    Temperature,
    Energy,
    Data,
    Frequency,
    Index,
    Factor,
    Other,
}

impl Dimension {
    fn named(name: &str) -> Option<Dimension> {
        use Dimension::*;
        Some(match name {
            "Percent" => Percent,
            "Length" => Length,
            "Mass" => Mass,
            "Area" => Area,
            "Volume" => Volume,
            "Duration" => Duration,
            "Speed" => Speed,
            "Temperature" => Temperature,
            "Energy" => Energy,
            "Data" => Data,
            "Frequency" => Frequency,
            "Index" => Index,
            "Factor" => Factor,
            "Other" => Other,
            _ => return None,
        })
    }
}

/// A measurement unit: its names (lower-case token sequences, space-separated)
/// and its normalized name.
pub(crate) struct UnitDef {
    pub names: Vec<&'static str>,
    pub norm: &'static str,
    pub dim: Dimension,
}

/// The units a figure may carry (`lexicon/units.tsv`). Multi-word names are
/// matched token by token ("per cent", "square kilometres", "km / h").
pub(crate) fn units() -> &'static [UnitDef] {
    static UNITS: OnceLock<Vec<UnitDef>> = OnceLock::new();
    UNITS.get_or_init(|| {
        let mut out = Vec::new();
        for line in crate::data::lines(include_str!("../lexicon/units.tsv")) {
            let mut f = line.split('\t');
            let (Some(norm), Some(dim), Some(names)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let Some(dim) = Dimension::named(dim.trim()) else {
                continue;
            };
            let names = names.split(" | ").map(str::trim).collect();
            out.push(UnitDef { names, norm, dim });
        }
        out
    })
}

/// Whether `w` is listed as `kind` in `lexicon/words.tsv` (the kinds are
/// documented in its header).
pub(crate) fn listed(kind: &str, w: &str) -> bool {
    words().has(kind, w)
}

/// Function words and common verbs: a counted noun phrase ends before one.
pub(crate) fn is_np_stop(w: &str) -> bool {
    words().has("np_stop", w)
}

/// Words that often follow a number but are not a counted thing (they
/// describe it or start a comparison): the counted phrase stays empty.
pub(crate) fn is_not_counted(w: &str) -> bool {
    words().has("not_counted", w)
}

/// Numbers that, with `p` glued after them, are display resolutions
/// ("720p", "1080p"), not pence: `lexicon/display_resolutions.txt`.
pub(crate) fn is_display_resolution(digits: &str) -> bool {
    static LIST: OnceLock<Vec<&'static str>> = OnceLock::new();
    LIST.get_or_init(|| {
        crate::data::lines(include_str!("../lexicon/display_resolutions.txt"))
            .map(str::trim)
            .collect()
    })
    .contains(&digits)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_loads() {
        assert_eq!(number_word("twenty"), Some(NumberWord::Tens(20.0)));
        assert_eq!(number_word("million"), Some(NumberWord::Scale(1e6)));
        assert_eq!(number_word("dozen"), Some(NumberWord::Dozen));
        assert_eq!(scale_abbreviation("bn"), Some(1e9));
        assert_eq!(fraction_char('½'), Some(0.5));
        assert_eq!(vague_count("dozens"), Some(12.0));
        assert_eq!(factor_word("halved"), Some(0.5));
        assert_eq!(currency_symbol("€"), Some("EUR"));
        assert_eq!(currency_name("hryvnias"), Some("UAH"));
        assert_eq!(dollar_nationality("new zealand"), Some("NZD"));
        assert!(pre_qualifiers().contains(&("more than", Qualifier::MoreThan)));
        assert!(post_qualifiers().contains(&("or more", Qualifier::AtLeast)));
        assert!(is_month("sept.") && is_np_stop("the") && is_change_cue_before("rose"));
        assert!(units()
            .iter()
            .any(|u| u.norm == "km2" && u.names.contains(&"sq km")));
        assert!(units().len() > 80);
    }
}
