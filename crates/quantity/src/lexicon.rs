//! Closed word lists of English news usage: number words, scales, qualifiers,
//! change cues, currencies and units, and the function words that end a counted
//! noun phrase.
//!
//! Every list is general English; nothing here names a particular story. Words
//! are compared lower-cased (ASCII), so every entry is written in lower case.

use crate::Qualifier;

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

#[rustfmt::skip]
pub(crate) fn number_word(w: &str) -> Option<NumberWord> {
    use NumberWord::*;
    Some(match w {
        "zero" | "nil" => Unit(0.0),
        "one" => Unit(1.0),
        "two" => Unit(2.0),
        "three" => Unit(3.0),
        "four" => Unit(4.0),
        "five" => Unit(5.0),
        "six" => Unit(6.0),
        "seven" => Unit(7.0),
        "eight" => Unit(8.0),
        "nine" => Unit(9.0),
        "ten" => Unit(10.0),
        "eleven" => Unit(11.0),
        "twelve" => Unit(12.0),
        "thirteen" => Unit(13.0),
        "fourteen" => Unit(14.0),
        "fifteen" => Unit(15.0),
        "sixteen" => Unit(16.0),
        "seventeen" => Unit(17.0),
        "eighteen" => Unit(18.0),
        "nineteen" => Unit(19.0),
        "twenty" => Tens(20.0),
        "thirty" => Tens(30.0),
        "forty" | "fourty" => Tens(40.0),
        "fifty" => Tens(50.0),
        "sixty" => Tens(60.0),
        "seventy" => Tens(70.0),
        "eighty" => Tens(80.0),
        "ninety" => Tens(90.0),
        "hundred" => Hundred,
        "dozen" => Dozen,
        _ => return scale_word(w).map(Scale),
    })
}

/// Scale words written out in full (and the South Asian lakh and crore).
#[rustfmt::skip]
pub(crate) fn scale_word(w: &str) -> Option<f64> {
    Some(match w {
        "thousand" => 1e3,
        "lakh" | "lakhs" => 1e5,
        "million" => 1e6,
        "crore" | "crores" => 1e7,
        "billion" => 1e9,
        "trillion" => 1e12,
        _ => return None,
    })
}

/// Abbreviated scales, as separate words or glued to digits (`3bn`, `12k`).
/// `m` is left out: it is also the metre (see [`crate::number`]).
#[rustfmt::skip]
pub(crate) fn scale_abbreviation(w: &str) -> Option<f64> {
    Some(match w {
        "k" | "thou" => 1e3,
        "mn" | "mln" | "mil" | "mio" => 1e6,
        "bn" | "bln" | "b" => 1e9,
        "tn" | "trn" | "tln" => 1e12,
        _ => return None,
    })
}

/// The denominator a fraction word names: `half` 2, `third(s)` 3, `quarter(s)` 4 ...
#[rustfmt::skip]
pub(crate) fn fraction_denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" => 4.0,
        "fifth" | "fifths" => 5.0,
        "sixth" | "sixths" => 6.0,
        "seventh" | "sevenths" => 7.0,
        "eighth" | "eighths" => 8.0,
        "ninth" | "ninths" => 9.0,
        "tenth" | "tenths" => 10.0,
        "hundredth" | "hundredths" => 100.0,
        _ => return None,
    })
}

/// Unicode vulgar fractions.
#[rustfmt::skip]
pub(crate) fn fraction_char(c: char) -> Option<f64> {
    Some(match c {
        '½' => 0.5,
        '⅓' => 1.0 / 3.0,
        '⅔' => 2.0 / 3.0,
        '¼' => 0.25,
        '¾' => 0.75,
        '⅕' => 0.2,
        '⅛' => 0.125,
        _ => return None,
    })
}

/// Plural scale words used alone as vague counts ("dozens of", "hundreds of
/// thousands"): the unit they multiply. See docs/quantities.md for the bounds.
#[rustfmt::skip]
pub(crate) fn vague_count(w: &str) -> Option<f64> {
    Some(match w {
        "tens" => 10.0,
        "dozens" => 12.0,
        "scores" => 20.0,
        "hundreds" => 100.0,
        "thousands" => 1e3,
        "millions" => 1e6,
        "billions" => 1e9,
        "trillions" => 1e12,
        _ => return None,
    })
}

/// Factor verbs: a change given as a multiple ("doubled", "halved").
#[rustfmt::skip]
pub(crate) fn factor_word(w: &str) -> Option<f64> {
    Some(match w {
        "doubled" | "doubling" => 2.0,
        "tripled" | "trebled" | "tripling" | "trebling" => 3.0,
        "quadrupled" | "quadrupling" => 4.0,
        "halved" | "halving" => 0.5,
        "twofold" => 2.0,
        "threefold" => 3.0,
        "fourfold" => 4.0,
        "fivefold" => 5.0,
        "tenfold" => 10.0,
        _ => return None,
    })
}

/// Qualifier phrases written before a number, longest first within a
/// qualifier. The bounds each qualifier gives are documented in docs/quantities.md.
pub(crate) const PRE_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("more or less", Qualifier::Approximately),
    ("somewhere around", Qualifier::Approximately),
    ("in the region of", Qualifier::Approximately),
    ("on the order of", Qualifier::Approximately),
    ("in the order of", Qualifier::Approximately),
    ("an estimated", Qualifier::Approximately),
    ("an approximate", Qualifier::Approximately),
    ("approximately", Qualifier::Approximately),
    ("estimated", Qualifier::Approximately),
    ("roughly", Qualifier::Approximately),
    ("close to", Qualifier::Approximately),
    ("closer to", Qualifier::Approximately),
    ("just about", Qualifier::Approximately),
    ("around", Qualifier::Approximately),
    ("about", Qualifier::Approximately),
    ("nearly", Qualifier::Approximately),
    ("almost", Qualifier::Approximately),
    ("approx.", Qualifier::Approximately),
    ("approx", Qualifier::Approximately),
    ("circa", Qualifier::Approximately),
    ("some", Qualifier::Approximately),
    ("in excess of", Qualifier::MoreThan),
    ("more than", Qualifier::MoreThan),
    ("greater than", Qualifier::MoreThan),
    ("higher than", Qualifier::MoreThan),
    ("larger than", Qualifier::MoreThan),
    ("upwards of", Qualifier::MoreThan),
    ("upward of", Qualifier::MoreThan),
    ("just over", Qualifier::MoreThan),
    ("well over", Qualifier::MoreThan),
    ("just above", Qualifier::MoreThan),
    ("well above", Qualifier::MoreThan),
    ("north of", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("no fewer than", Qualifier::AtLeast),
    ("not fewer than", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("not less than", Qualifier::AtLeast),
    ("a minimum of", Qualifier::AtLeast),
    ("at least", Qualifier::AtLeast),
    ("fewer than", Qualifier::LessThan),
    ("less than", Qualifier::LessThan),
    ("lower than", Qualifier::LessThan),
    ("just under", Qualifier::LessThan),
    ("well under", Qualifier::LessThan),
    ("just below", Qualifier::LessThan),
    ("well below", Qualifier::LessThan),
    ("short of", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
    ("below", Qualifier::LessThan),
    ("no more than", Qualifier::UpTo),
    ("not more than", Qualifier::UpTo),
    ("a maximum of", Qualifier::UpTo),
    ("as many as", Qualifier::UpTo),
    ("as much as", Qualifier::UpTo),
    ("as high as", Qualifier::UpTo),
    ("at most", Qualifier::UpTo),
    ("up to", Qualifier::UpTo),
];

/// Qualifier phrases written after a number ("10,000 or more").
pub(crate) const POST_QUALIFIERS: &[(&str, Qualifier)] = &[
    ("or more", Qualifier::AtLeast),
    ("or above", Qualifier::AtLeast),
    ("or higher", Qualifier::AtLeast),
    ("or so", Qualifier::Approximately),
    ("odd", Qualifier::Approximately),
    ("or fewer", Qualifier::UpTo),
    ("or less", Qualifier::UpTo),
    ("or below", Qualifier::UpTo),
];

/// Words right before a number that make it a change, not a level:
/// "another 2,000", "rose 5%", "rose by 5%" (but not "rose to 5%").
#[rustfmt::skip]
pub(crate) fn is_change_cue_before(w: &str) -> bool {
    matches!(
        w,
        "another" | "additional" | "further" | "extra" | "up" | "down" | "rose" | "rise" | "rises" | "rising"
            | "risen" | "fell" | "fall" | "falls" | "falling" | "fallen" | "gained" | "gain" | "gains"
            | "gaining" | "jumped" | "jump" | "jumps" | "climbed" | "climb" | "climbs" | "surged" | "surges"
            | "soared" | "soars" | "plunged" | "plunges" | "plummeted" | "tumbled" | "tumbles" | "slid"
            | "slides" | "slipped" | "slips" | "dropped" | "drops" | "declined" | "declines" | "decreased"
            | "increased" | "grew" | "grows" | "shrank" | "shrunk" | "added" | "adds" | "shed" | "sheds"
            | "lost" | "loses" | "sank" | "sinks" | "eased" | "advanced" | "retreated" | "rallied" | "dipped"
            | "dips" | "spiked" | "widened" | "narrowed" | "cut" | "cuts" | "raised" | "lowered" | "reduced"
            | "boosted" | "slashed" | "trimmed"
    )
}

/// Nouns and comparatives right after a figure that make it a change:
/// "a 5% increase", "20% more", "10 more".
#[rustfmt::skip]
pub(crate) fn is_change_cue_after(w: &str) -> bool {
    matches!(
        w,
        "increase" | "increases" | "rise" | "rises" | "jump" | "gain" | "gains" | "growth" | "surge" | "hike"
            | "drop" | "drops" | "fall" | "falls" | "decline" | "declines" | "decrease" | "decreases" | "cut"
            | "cuts" | "reduction" | "plunge" | "slump" | "loss" | "more" | "fewer" | "less" | "higher"
            | "lower" | "up" | "down"
    )
}

/// Month names and their abbreviations: a number beside one is a date.
#[rustfmt::skip]
pub(crate) fn is_month(w: &str) -> bool {
    matches!(
        w,
        "january" | "february" | "march" | "april" | "may" | "june" | "july" | "august" | "september"
            | "october" | "november" | "december" | "jan" | "jan." | "feb" | "feb." | "mar." | "apr" | "apr."
            | "jun." | "jul." | "aug" | "aug." | "sep" | "sep." | "sept" | "sept." | "oct" | "oct." | "nov"
            | "nov." | "dec" | "dec."
    )
}

/// Words after a number that make it a clock time.
#[rustfmt::skip]
pub(crate) fn is_time_marker(w: &str) -> bool {
    matches!(
        w,
        "am" | "pm" | "a.m." | "p.m." | "a.m" | "p.m" | "o'clock" | "o’clock" | "gmt" | "utc" | "bst" | "cet"
            | "cest" | "est" | "edt" | "pst" | "pdt" | "cst" | "cdt" | "hrs" | "msk" | "eet" | "eest" | "ist"
            | "jst"
    )
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
#[rustfmt::skip]
pub(crate) fn currency_symbol(s: &str) -> Option<Code> {
    Some(match s {
        "$" => "USD",
        "€" => "EUR",
        "£" => "GBP",
        "¥" => "JPY",
        "₴" => "UAH",
        "₽" => "RUB",
        "₹" => "INR",
        "₩" => "KRW",
        "₪" => "ILS",
        "₺" => "TRY",
        "₦" => "NGN",
        "₱" => "PHP",
        "₫" => "VND",
        "₿" => "BTC",
        "元" => "CNY",
        _ => return None,
    })
}

/// A word glued before `$` that names the dollar: `US$`, `A$`, `HK$` ...
#[rustfmt::skip]
pub(crate) fn dollar_prefix(w: &str) -> Option<Code> {
    Some(match w {
        "us" | "u.s." | "usd" => "USD",
        "a" | "au" | "aus" => "AUD",
        "c" | "ca" | "can" | "cdn" => "CAD",
        "hk" => "HKD",
        "nz" => "NZD",
        "s" | "sg" => "SGD",
        "nt" => "TWD",
        "r" => "BRL",
        "mx" => "MXN",
        _ => return None,
    })
}

/// ISO codes (and a few common abbreviations) written as words: `USD`, `Rs`.
#[rustfmt::skip]
pub(crate) fn currency_code(w: &str) -> Option<Code> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "uah" => "UAH",
        "rub" | "rur" => "RUB",
        "jpy" => "JPY",
        "cny" | "rmb" => "CNY",
        "chf" => "CHF",
        "inr" | "rs" | "rs." => "INR",
        "aud" => "AUD",
        "cad" => "CAD",
        "hkd" => "HKD",
        "nzd" => "NZD",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "pln" => "PLN",
        "krw" => "KRW",
        "try" => "TRY",
        "zar" => "ZAR",
        "brl" => "BRL",
        "mxn" => "MXN",
        "sgd" => "SGD",
        "ils" | "nis" => "ILS",
        "sar" => "SAR",
        "aed" => "AED",
        "irr" => "IRR",
        "kzt" => "KZT",
        "byn" => "BYN",
        "czk" => "CZK",
        "huf" => "HUF",
        "ron" => "RON",
        "egp" => "EGP",
        "ngn" => "NGN",
        "pkr" => "PKR",
        "idr" => "IDR",
        "twd" => "TWD",
        "thb" => "THB",
        "myr" => "MYR",
        "php" => "PHP",
        "vnd" => "VND",
        "btc" => "BTC",
        _ => return None,
    })
}

/// Currency names written after the figure: "dollars", "hryvnias", "roubles".
/// "pounds" is handled by the caller (sterling or weight).
#[rustfmt::skip]
pub(crate) fn currency_name(w: &str) -> Option<Code> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "sterling" => "GBP",
        "hryvnia" | "hryvnias" | "hryvnas" | "hryvnia's" | "hrivnas" | "hryvnya" | "hryvnyas" => {
            "UAH"
        }
        "rouble" | "roubles" | "ruble" | "rubles" => "RUB",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => "INR",
        "franc" | "francs" => "CHF",
        "shekel" | "shekels" => "ILS",
        "lira" | "liras" | "lire" => "TRY",
        "rand" => "ZAR",
        "real" | "reais" => "BRL",
        "zloty" | "zlotys" | "zlotych" => "PLN",
        "krona" | "kronor" => "SEK",
        "krone" | "kroner" => "NOK",
        "riyal" | "riyals" => "SAR",
        "dirham" | "dirhams" => "AED",
        "rial" | "rials" => "IRR",
        "tenge" => "KZT",
        "naira" => "NGN",
        "baht" => "THB",
        "ringgit" => "MYR",
        "rupiah" => "IDR",
        "dinar" | "dinars" => "DINAR",
        "peso" | "pesos" => "PESO",
        "bitcoin" | "bitcoins" => "BTC",
        "cent" | "cents" => "cent",
        "pence" | "penny" | "p" => "pence",
        "kopecks" | "kopeks" | "kopiykas" => "kopeck",
        _ => return None,
    })
}

/// Nationality adjectives before "dollars": "Canadian dollars" is CAD.
#[rustfmt::skip]
pub(crate) fn dollar_nationality(w: &str) -> Option<Code> {
    Some(match w {
        "us" | "u.s." | "american" => "USD",
        "australian" => "AUD",
        "canadian" => "CAD",
        "new zealand" | "zealand" => "NZD",
        "hong kong" | "kong" => "HKD",
        "singapore" => "SGD",
        "taiwan" | "taiwanese" => "TWD",
        _ => return None,
    })
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

/// A measurement unit: its names (lower-case token sequences, space-separated)
/// and its normalized name.
pub(crate) struct UnitDef {
    pub names: &'static [&'static str],
    pub norm: &'static str,
    pub dim: Dimension,
}

macro_rules! unit {
    ($norm:expr, $dim:ident, [$($name:expr),+ $(,)?]) => {
        UnitDef { names: &[$($name),+], norm: $norm, dim: Dimension::$dim }
    };
}

/// The units a figure may carry. Multi-word names are matched token by token
/// ("per cent", "square kilometres", "km / h"). Ambiguous short forms that are
/// also common words ("in", "a", "m" alone) are left out.
#[rustfmt::skip]
pub(crate) const UNITS: &[UnitDef] = &[
    unit!("percentage_point", Percent, ["percentage points", "percentage point", "percent points", "per cent points", "pct points", "pts", "ppt", "pp"]),
    unit!("percent", Percent, ["percent", "per cent", "per-cent", "pct", "pc", "%"]),
    unit!("basis_point", Percent, ["basis points", "basis point", "bps", "bp"]),
    unit!("km2", Area, ["square kilometres", "square kilometers", "square kilometre", "square kilometer", "sq km", "sq. km", "km2", "km²", "sq kilometres"]),
    unit!("mi2", Area, ["square miles", "square mile", "sq miles", "sq mi"]),
    unit!("m2", Area, ["square metres", "square meters", "square metre", "square meter", "sq m", "m2", "m²", "sqm"]),
    unit!("ft2", Area, ["square feet", "square foot", "sq ft", "sq. ft", "sq. ft."]),
    unit!("ha", Area, ["hectares", "hectare", "ha"]),
    unit!("acre", Area, ["acres", "acre"]),
    unit!("km/h", Speed, ["kilometres per hour", "kilometers per hour", "kilometres an hour", "kilometers an hour", "km / h", "km/h", "kmh", "kph"]),
    unit!("mph", Speed, ["miles per hour", "miles an hour", "mph"]),
    unit!("knot", Speed, ["knots", "knot"]),
    unit!("m/s", Speed, ["metres per second", "meters per second", "m / s"]),
    unit!("km", Length, ["kilometres", "kilometers", "kilometre", "kilometer", "km", "kms"]),
    unit!("nmi", Length, ["nautical miles", "nautical mile"]),
    unit!("mpg", Speed, ["miles per gallon", "mile per gallon", "mpg"]),
    unit!("mi", Length, ["miles", "mile", "mi"]),
    unit!("m", Length, ["metres", "meters", "metre", "meter", "m"]),
    unit!("cm", Length, ["centimetres", "centimeters", "centimetre", "centimeter", "cm"]),
    unit!("mm", Length, ["millimetres", "millimeters", "millimetre", "millimeter", "mm"]),
    unit!("ft", Length, ["feet", "foot", "ft", "ft."]),
    unit!("in", Length, ["inches", "inch", "″"]),
    unit!("yd", Length, ["yards", "yard", "yds"]),
    unit!("light_year", Length, ["light years", "light-years", "light year"]),
    unit!("ton", Mass, ["tonnes", "tonne", "metric tons", "metric tonnes", "tons", "ton", "mt"]),
    unit!("kg", Mass, ["kilograms", "kilogrammes", "kilogram", "kilos", "kilo", "kg", "kgs"]),
    unit!("g", Mass, ["grams", "grammes", "gram", "g"]),
    unit!("mg", Mass, ["milligrams", "milligram", "mg"]),
    unit!("lb", Mass, ["lbs", "lb"]),
    unit!("oz", Mass, ["ounces", "ounce", "oz"]),
    unit!("ct", Mass, ["carats", "carat"]),
    unit!("bbl", Volume, ["barrels", "barrel", "bbl", "bpd"]),
    unit!("l", Volume, ["litres", "liters", "litre", "liter"]),
    unit!("ml", Volume, ["millilitres", "milliliters", "ml"]),
    unit!("gal", Volume, ["gallons", "gallon"]),
    unit!("m3/s", Volume, ["m3 / s", "m³ / s", "cubic metres per second", "cubic meters per second"]),
    unit!("ft3/s", Volume, ["cu ft / s", "cubic feet per second", "cfs"]),
    unit!("acre_ft", Volume, ["acre · ft", "acre-feet", "acre feet", "acre-ft"]),
    unit!("m3", Volume, ["cubic metres", "cubic meters", "cubic metre", "cubic meter", "m3", "m³", "bcm"]),
    unit!("cu_ft", Volume, ["cubic feet"]),
    unit!("year", Duration, ["years", "year", "yrs"]),
    unit!("month", Duration, ["months", "month"]),
    unit!("week", Duration, ["weeks", "week"]),
    unit!("day", Duration, ["days", "day"]),
    unit!("hour", Duration, ["hours", "hour", "hrs", "hr", "h"]),
    unit!("minute", Duration, ["minutes", "minute", "mins", "min"]),
    unit!("second", Duration, ["seconds", "secs", "sec"]),
    unit!("decade", Duration, ["decades", "decade"]),
    unit!("century", Duration, ["centuries", "century"]),
    unit!("millennium", Duration, ["millennia", "millennium"]),
    unit!("celsius", Temperature, ["degrees celsius", "degrees centigrade", "°c", "° c", "ºc", "º c", "c°"]),
    unit!("fahrenheit", Temperature, ["degrees fahrenheit", "°f", "° f", "ºf", "º f"]),
    unit!("degree", Temperature, ["degrees", "degree", "°", "º"]),
    unit!("kWh", Energy, ["kilowatt hours", "kilowatt-hours", "kilowatt hour", "kwh"]),
    unit!("MWh", Energy, ["megawatt hours", "megawatt-hours", "mwh"]),
    unit!("GWh", Energy, ["gigawatt hours", "gigawatt-hours", "gwh"]),
    unit!("TWh", Energy, ["terawatt hours", "terawatt-hours", "twh"]),
    unit!("kW", Energy, ["kilowatts", "kilowatt", "kw"]),
    unit!("MW", Energy, ["megawatts", "megawatt", "mw"]),
    unit!("GW", Energy, ["gigawatts", "gigawatt", "gw"]),
    unit!("W", Energy, ["watts", "watt"]),
    unit!("hp", Energy, ["horsepower", "hp", "bhp"]),
    unit!("kt", Energy, ["kilotons", "kilotonnes", "kiloton"]),
    unit!("Mt", Energy, ["megatons", "megatonnes", "megaton"]),
    unit!("V", Energy, ["volts", "volt", "kv", "kilovolts"]),
    unit!("cal", Energy, ["calories", "calorie", "kcal"]),
    unit!("TB", Data, ["terabytes", "terabyte", "tb"]),
    unit!("GB", Data, ["gigabytes", "gigabyte", "gb"]),
    unit!("MB", Data, ["megabytes", "megabyte", "mb"]),
    unit!("KB", Data, ["kilobytes", "kilobyte", "kb"]),
    unit!("Mbps", Data, ["megabits per second", "mbps", "mbit/s"]),
    unit!("Gbps", Data, ["gigabits per second", "gbps"]),
    unit!("GHz", Frequency, ["gigahertz", "ghz"]),
    unit!("MHz", Frequency, ["megahertz", "mhz"]),
    unit!("kHz", Frequency, ["kilohertz", "khz"]),
    unit!("Hz", Frequency, ["hertz", "hz"]),
    unit!("point", Index, ["points", "point", "pts."]),
    unit!("times", Factor, ["times", "fold", "x"]),
    unit!("magnitude", Other, ["magnitude"]),
    unit!("ppi", Other, ["pixels per inch", "ppi"]),
    unit!("ppm", Other, ["parts per million", "ppm"]),
    unit!("mmHg", Other, ["mmhg"]),
    unit!("dB", Other, ["decibels", "db"]),
    unit!("mSv", Other, ["millisieverts", "msv"]),
    unit!("Bq", Other, ["becquerels", "bq"]),
];

/// Words that end a counted noun phrase: prepositions, conjunctions,
/// determiners, pronouns, auxiliaries and the commonest verbs and adverbs.
/// (No POS tagger is used; this closed list stands in for one.)
#[rustfmt::skip]
pub(crate) fn is_np_stop(w: &str) -> bool {
    matches!(
        w,
        // prepositions
        "of" | "in" | "on" | "at" | "to" | "for" | "from" | "by" | "with" | "into" | "onto" | "over" | "under"
            | "since" | "during" | "across" | "against" | "between" | "among" | "amongst" | "through" | "per"
            | "via" | "after" | "before" | "than" | "as" | "like" | "near" | "toward" | "towards" | "within"
            | "without" | "around" | "about" | "including" | "amid" | "amidst" | "despite" | "until" | "till"
            | "upon" | "behind" | "beyond" | "along" | "alongside" | "inside" | "outside" | "throughout"
            | "off" | "out" | "up" | "down" | "near-by" | "ahead" | "back" | "away" | "aboard" | "below"
            | "above" | "beneath" | "except" | "plus" | "minus" | "versus" | "vs" | "vs." | "following"
            | "according" | "compared" | "worth" | "each" | "apiece" | "respectively"
            // conjunctions and relatives
            | "and" | "or" | "but" | "nor" | "yet" | "so" | "that" | "which" | "who" | "whom" | "whose"
                | "where" | "when" | "while" | "whereas" | "if" | "because" | "although" | "though" | "unless"
                | "whether" | "what" | "how" | "why" | "then" | "than-expected"
            // determiners and pronouns
            | "the" | "a" | "an" | "this" | "these" | "those" | "their" | "its" | "his" | "her" | "our" | "my"
                | "your" | "it" | "they" | "them" | "we" | "us" | "he" | "him" | "she" | "i" | "you" | "me"
                | "there" | "here" | "all" | "both" | "some" | "any" | "no" | "not" | "such" | "own" | "'s"
                | "’s" | "itself" | "themselves"
            // auxiliaries and modals
            | "is" | "are" | "was" | "were" | "be" | "been" | "being" | "am" | "have" | "has" | "had"
                | "having" | "do" | "does" | "did" | "will" | "would" | "can" | "could" | "may" | "might"
                | "must" | "shall" | "should" | "ought" | "'re" | "'ve" | "'ll" | "'d" | "n't" | "’re" | "’ve"
                | "’ll" | "’d" | "n’t"
            // common verbs (present and irregular past) and adverbs
            | "said" | "say" | "says" | "told" | "tell" | "tells" | "took" | "take" | "takes" | "made"
                | "make" | "makes" | "came" | "come" | "comes" | "went" | "go" | "goes" | "got" | "get"
                | "gets" | "gave" | "give" | "gives" | "left" | "leave" | "leaves" | "lost" | "lose" | "fell"
                | "fall" | "rose" | "rise" | "won" | "win" | "wins" | "saw" | "see" | "sees" | "found"
                | "find" | "finds" | "became" | "become" | "becomes" | "began" | "begin" | "begins"
                | "brought" | "bring" | "held" | "hold" | "holds" | "kept" | "keep" | "met" | "meet" | "paid"
                | "pay" | "ran" | "run" | "runs" | "sent" | "send" | "sends" | "set" | "spent" | "spend"
                | "stood" | "stand" | "thought" | "think" | "wrote" | "write" | "built" | "build" | "bought"
                | "buy" | "caught" | "fought" | "fight" | "flew" | "fly" | "grew" | "grow" | "hit" | "knew"
                | "know" | "led" | "lead" | "put" | "shot" | "sold" | "sell" | "sought" | "seek" | "struck"
                | "strike" | "threw" | "die" | "dies" | "live" | "lives" | "remain" | "remains" | "work"
                | "want" | "wants" | "need" | "needs" | "face" | "faces" | "mean" | "means" | "include"
                | "includes" | "involve" | "involves" | "seem" | "seems" | "appear" | "appears" | "stay"
                | "stays" | "arrive" | "arrives" | "return" | "returns" | "continue" | "continues" | "expect"
                | "expects" | "hope" | "believe" | "believes" | "fled" | "slain" | "flee" | "feel" | "felt"
                | "show" | "shows" | "shown" | "taken" | "given" | "seen" | "known" | "done" | "gone" | "born"
                | "left-wing" | "also" | "only" | "just" | "still" | "already" | "now" | "then-" | "even"
                | "ever" | "never" | "again" | "too" | "very" | "more" | "most" | "less" | "least" | "much"
                | "many" | "yesterday" | "today" | "tonight" | "tomorrow" | "ago" | "later"
                | "earlier" | "last" | "next" | "this-year" | "overall" | "altogether" | "total" | "alone"
                | "apart" | "together" | "instead" | "else" | "daily" | "weekly" | "monthly" | "annually"
                | "yearly" | "nationwide" | "worldwide" | "abroad" | "home" | "overseas" | "elsewhere"
                | "whom-"
    )
}

/// Words that often follow a number but are not a counted thing (they
/// describe it or start a comparison): the counted phrase stays empty.
#[rustfmt::skip]
pub(crate) fn is_not_counted(w: &str) -> bool {
    matches!(
        w,
        "percent" | "times" | "each" | "apiece" | "respectively" | "others" | "other" | "more" | "another"
            | "short"
    )
}

/// Numbers that, with `p` glued after them, are display resolutions
/// ("720p", "1080p"), not pence: `lexicon/display_resolutions.txt`.
pub(crate) fn is_display_resolution(digits: &str) -> bool {
    static LIST: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();
    LIST.get_or_init(|| {
        crate::data::lines(include_str!("../lexicon/display_resolutions.txt"))
            .map(str::trim)
            .collect()
    })
    .contains(&digits)
}
