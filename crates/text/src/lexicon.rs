//! Small closed word lists of English news orthography.

/// Abbreviations that end in a period without ending a sentence (lower-cased,
/// without the final period). Titles, months, corporate suffixes, Latin.
const ABBREVIATIONS: &[&str] = &[
    // titles and ranks
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl", "pvt",
    "adm", "brig", "sen", "rep", "gov", "pres", "amb", "hon", "rev", "fr", "st", "sr", "jr",
    "messrs", "supt", "insp", "det", "gen", "lieut", "atty", "sec", "gens",
    // months and days
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon",
    "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    // corporate and places
    "inc", "corp", "co", "ltd", "plc", "bros", "dept", "univ", "assn", "ave", "blvd", "rd", "mt",
    "ft", "ste", "no", "nos", "vol", "vols", "fig", "pp", "approx", "est", "vs", "v", "etc", "al",
    "op",
    // references and biographies: "p. 330", "b. 1928", "d. 1975", "m. 1949; div. 1964"
    "p", "b", "d", "m", "div", "c", "cf", "ca", "ed", "eds",
    // multi-period abbreviations are matched without their inner periods
    "u.s", "u.k", "u.n", "e.u", "d.c", "e.g", "i.e", "a.m", "p.m", "u.s.a", "n.y", "l.a",
];

/// Whether `word` (without its final period) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() || word.len() > 8 {
        return false;
    }
    let lower = word.to_ascii_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

/// Abbreviations that are never sentence-final in news (titles before a name).
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    const TITLES: &[&str] = &[
        "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "maj", "capt", "cmdr", "sgt", "cpl",
        "pvt", "adm", "brig", "sen", "rep", "gov", "amb", "hon", "rev", "fr", "messrs", "supt",
        "insp", "det", "lieut", "atty", "gens", "st", "vs", "v", "no", "nos",
        // a postscript opens what follows: "P.S. I am moving"
        "p.s", "p.p.s",
    ];
    let lower = word.to_ascii_lowercase();
    TITLES.contains(&lower.as_str())
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`' | '″'
    )
}

/// Marks that only ever open a quotation.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '„' | '‚' | '‹' | '`')
}

/// Marks that only ever close a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | '″')
}
