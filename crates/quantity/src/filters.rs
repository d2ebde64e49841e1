//! Numbers that are not quantities: dates and clock times (left to the time
//! tagger even when it is not run), ages, footnote and list markers,
//! coordinates, reference numbers ("Flight 17", "Article 5", "number one"),
//! model designations and versions ("Boeing 737", "Trent 900", "iOS 5.1"),
//! names ("FTSE 100", "the Big Three"), addresses and phone numbers.

use crate::designations::{is, Kind};
use crate::lexicon::{is_month, is_np_stop, is_reference_noun, is_street_word, is_time_marker};
use crate::scan::Sent;
use claimtrail_text::TokenKind;

/// What the filters need to know about a number.
pub(crate) struct Shape {
    /// The number's first token and the token after it (and its scale).
    pub first: usize,
    pub end: usize,
    /// The figure's first token, qualifier included.
    pub qstart: usize,
    pub digits: bool,
    /// Digits only: no separators, suffix or scale.
    pub plain: bool,
    pub value: f64,
    pub qualified: bool,
    pub has_unit: bool,
}

/// Aircraft families named by bare numbers in news ("the 737", "Boeing's 787").
pub(crate) fn is_designation_number(t: &str) -> bool {
    crate::lexicon::listed("designation_number", t)
}

/// A plain four-digit number that reads as a year (1000-2100).
pub(crate) fn is_year_like(t: &str) -> bool {
    t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// "3.0", "10.4", "1.1.2": how versions are written.
fn is_version_shaped(t: &str) -> bool {
    let parts: Vec<&str> = t.split('.').collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1].len() == 1
}

/// A word written with a capital somewhere (`Boeing`, `iPhone`, `IE`).
fn has_capital(t: &str) -> bool {
    t.chars().any(|c| c.is_uppercase())
}

/// Whether the number is not a quantity. Returns the token to skip to.
pub(crate) fn not_a_quantity(sent: &Sent<'_>, s: &Shape) -> Option<usize> {
    let skip = date_or_time(sent, s)
        .or_else(|| age(sent, s))
        .or_else(|| position_or_marker(sent, s));
    if skip.is_some() || s.has_unit || s.qualified {
        return skip;
    }
    name_or_reference(sent, s).or_else(|| {
        if s.digits && s.plain {
            address_or_phone(sent, s)
        } else {
            None
        }
    })
}

/// Ordinals written apart, clock times, dates and eras.
fn date_or_time(sent: &Sent<'_>, s: &Shape) -> Option<usize> {
    let (j, end) = (s.first, s.end);
    let next = sent.low(end);
    let text = sent.text[j];
    // "15,599 th": an ordinal written apart
    if s.digits && matches!(next, "th" | "st" | "nd" | "rd") {
        return Some(end + 1);
    }
    // clock times, dates, eras
    if s.digits && !s.has_unit {
        if is_time_marker(next) || (next == "." && is_time_marker(sent.low(end + 1))) {
            return Some(end);
        }
        if matches!(
            next,
            "b.c." | "bc" | "bce" | "a.d." | "ad" | "ce" | "b.c" | "a.d"
        ) {
            return Some(end + 1);
        }
        let month_before = j > 0 && is_month(sent.low(j - 1)) && !s.qualified;
        if month_before || is_month(next) || (next == "of" && is_month(sent.low(end + 1))) {
            return Some(skip_date_tail(sent, end));
        }
        if s.plain && is_year_like(text) && !s.qualified && !counts_before_noun(sent, j, end) {
            return Some(skip_date_tail(sent, end));
        }
        // "24/7", "10/08/2024", "9/11"
        if (sent.text.get(end) == Some(&"/") && sent.attached(end))
            || (j > 0 && sent.text[j - 1] == "/" && sent.attached(j))
        {
            return Some(end);
        }
    }
    None
}

/// Ages: "aged 56", "at age seventeen", "as young as 10", "Barra, 51,".
fn age(sent: &Sent<'_>, s: &Shape) -> Option<usize> {
    let end = s.end;
    let prev = if s.qstart > 0 {
        sent.low(s.qstart - 1)
    } else {
        ""
    };
    // ages: "aged 56", "at age seventeen", "as young as 10", "Barra, 51,"
    if !s.has_unit {
        if matches!(prev, "aged" | "age" | "ages")
            || (s.qstart >= 2 && matches!(sent.low(s.qstart - 2), "young" | "old") && prev == "as")
        {
            return Some(end);
        }
        let appositive = s.qstart >= 2
            && prev == ","
            && sent.is_capitalized(s.qstart - 2)
            && sent.kind(s.qstart - 2) == Some(TokenKind::Word)
            && matches!(
                sent.text.get(end).copied(),
                Some("," | "." | ")" | ";") | None
            )
            && s.value.fract() == 0.0
            && (1.0..=120.0).contains(&s.value);
        if appositive && !s.qualified {
            return Some(end);
        }
    }
    None
}

/// Coordinates, footnote and list markers, decimal degrees.
fn position_or_marker(sent: &Sent<'_>, s: &Shape) -> Option<usize> {
    let (j, end) = (s.first, s.end);
    let next = sent.low(end);
    let text = sent.text[j];
    if s.digits {
        // coordinates: 33°47′N, 44.500°E
        let t = sent.text.get(end).copied().unwrap_or("");
        if matches!(t, "°" | "º") && sent.attached(end) {
            let after = sent.text.get(end + 1).copied().unwrap_or("");
            if sent.attached(end + 1)
                && (after.starts_with(|c: char| c.is_ascii_digit())
                    || matches!(after, "N" | "S" | "E" | "W"))
            {
                return Some(end + 1);
            }
        }
        // minutes and seconds of arc: 33°30′21″N
        let after_arc = j > 0 && matches!(sent.text[j - 1], "°" | "º" | "′") && sent.attached(j);
        if matches!(t, "′" | "'" | "’" | "″" | "\"") && sent.attached(end) && after_arc {
            return Some(end + 1);
        }
        // footnote and list markers: "[2]", "(3)"
        let bracketed = j > 0 && matches!((sent.text[j - 1], t), ("[", "]") | ("(", ")"));
        if bracketed && s.plain && s.value < 100.0 && !s.qualified {
            return Some(end + 1);
        }
        if j == 0 && s.plain && matches!(next, "." | ")") {
            return Some(end + 1);
        }
    }
    // decimal degrees: "33.505716; 36.269635"
    let decimals = text
        .split_once('.')
        .map_or(0, |(_, d)| d.bytes().take_while(u8::is_ascii_digit).count());
    let e_notation = text.contains(['e', 'E']);
    if s.digits && !s.has_unit && decimals >= 4 && s.value.abs() <= 180.0 && !e_notation {
        return Some(end);
    }
    None
}

/// Reference numbers, designations and names (unqualified, without a unit).
fn name_or_reference(sent: &Sent<'_>, s: &Shape) -> Option<usize> {
    let (j, end) = (s.first, s.end);
    let next = sent.low(end);
    let text = sent.text[j];
    // reference numbers and designations: "Flight 17", "No. 10", "#1", "number one", "the top five"
    if j > 0 && j == s.qstart && is_reference_noun(sent.low(j - 1), sent.is_capitalized(j - 1)) {
        return Some(end);
    }
    if s.digits && s.plain && j == s.qstart && in_designation_list(sent, j) {
        return Some(end); // "police posts 542 and 543", "sections 4, 5 and 6"
    }
    if s.digits && is(Kind::After, next) {
        return Some(end); // ".22 calibre"
    }
    // "Standard & Poor's 500"
    if j >= 2 && sent.low(j - 2) == "poor" && matches!(sent.low(j - 1), "'s" | "’s") {
        return Some(end);
    }
    if s.digits && (s.plain || is_version_shaped(text)) {
        if is_designation_number(text) {
            return Some(end);
        }
        // a name before the number: "Boeing 737", "Trent 900", "Safari 4.0", "FTSE 100"
        if j > 0 && j == s.qstart {
            let p = sent.text[j - 1];
            let name_like = sent.kind(j - 1) == Some(TokenKind::Word) && has_capital(p);
            let function_word = is_np_stop(sent.low(j - 1)) || is_month(sent.low(j - 1));
            // mid-sentence any name; sentence-initial only an acronym ("CTF 50 will lead")
            let acronym = p.len() >= 2 && p.chars().all(|c| c.is_ascii_uppercase());
            if name_like && !function_word && (j - 1 > 0 || acronym) {
                return Some(end);
            }
        }
        // a name ending after the number: "Movimento 5 Stelle", "the 900 Series,"
        // (not "16 Coalition aircraft", "300 ANG Airmen", "15 Americans")
        if s.plain
            && sent.kind(end) == Some(TokenKind::Word)
            && sent.is_capitalized(end)
            && !sent.low(end).ends_with('s')
        {
            let continues = matches!(
                sent.kind(end + 1),
                Some(TokenKind::Word | TokenKind::Number)
            );
            let phrase_ends = !continues || is_np_stop(sent.low(end + 1));
            if phrase_ends {
                return Some(end);
            }
        }
        // "the 787 is", "Boeing's 777,": a bare large number standing for a thing
        if s.plain && s.value >= 100.0 && j > 0 && matches!(sent.low(j - 1), "the" | "'s" | "’s")
        {
            let noun_follows = sent.kind(end) == Some(TokenKind::Word)
                && !is_np_stop(next)
                && !sent.is_capitalized(end);
            if !noun_follows {
                return Some(end);
            }
        }
    }
    // numbers written as capitalised words inside a name: "the Big Three", "Ford Five Hundred"
    if !s.digits && j > 0 && sent.is_capitalized(j) {
        let p = sent.text[j - 1];
        let opener = matches!(sent.kind(j - 1), Some(TokenKind::Quote | TokenKind::Punct))
            && !matches!(p, "," | ";");
        if !opener {
            return Some(end);
        }
    }
    None
}

/// Addresses and phone numbers (plain digits).
fn address_or_phone(sent: &Sent<'_>, s: &Shape) -> Option<usize> {
    let (j, end) = (s.first, s.end);
    // addresses: "10 Downing Street"
    let mut k = end;
    while k < end + 3 && sent.is_capitalized(k) && sent.kind(k) == Some(TokenKind::Word) {
        if is_street_word(sent.low(k)) && k > end {
            return Some(k + 1);
        }
        k += 1;
    }
    // phone numbers: digit groups side by side ("+44 20 7946 0958", "(555) 123 4567")
    let digit_tok = |x: usize| {
        sent.kind(x) == Some(TokenKind::Number) && sent.text[x].bytes().all(|b| b.is_ascii_digit())
    };
    if digit_tok(end) || (j > 0 && digit_tok(j - 1)) {
        return Some(end);
    }
    if (sent.text.get(end) == Some(&")") && digit_tok(end + 1))
        || (j > 0 && sent.text[j - 1] == "+" && sent.attached(j))
    {
        return Some(end);
    }
    None
}

/// A plain number after a plural reference noun ("posts 542"), or after
/// another in a list that follows one ("posts 542 and 543").
fn in_designation_list(sent: &Sent<'_>, j: usize) -> bool {
    let mut k = j;
    // walk back over "N and", "N ,", "N or"
    while k >= 2
        && matches!(sent.low(k - 1), "and" | "or" | "," | "&")
        && sent.kind(k - 2) == Some(TokenKind::Number)
    {
        k -= 2;
    }
    let before = |x: usize| x > 0 && is(Kind::Plural, sent.low(x - 1));
    let listed = k < j && k > 0 && is_reference_noun(sent.low(k - 1), sent.is_capitalized(k - 1));
    before(k) || listed
}

/// Whether the tally at token `j` ("102-99") is a game's score: a word of a
/// result within a few tokens, and no word of a vote.
pub(crate) fn is_score(sent: &Sent<'_>, j: usize) -> bool {
    let window = j.saturating_sub(6)..(j + 3).min(sent.len());
    let near = |kind: Kind| window.clone().any(|x| x != j && is(kind, sent.low(x)));
    near(Kind::Score) && !near(Kind::Vote)
}

/// "1709 schoolchildren": a four-digit count before a plural noun, where a
/// year would follow a preposition or an article ("in 2019", "the 2008 crisis").
fn counts_before_noun(sent: &Sent<'_>, j: usize, end: usize) -> bool {
    let next = sent.low(end);
    let plural = sent.kind(end) == Some(TokenKind::Word)
        && !sent.is_capitalized(end)
        && (next == "people" || (next.len() > 3 && next.ends_with('s') && !next.ends_with("ss")));
    let prev = if j > 0 { sent.low(j - 1) } else { "" };
    let year_context = matches!(
        prev,
        "in" | "since"
            | "by"
            | "from"
            | "until"
            | "during"
            | "before"
            | "after"
            | "between"
            | "and"
            | "to"
            | "the"
            | "'s"
            | "’s"
            | "for"
            | "at"
            | "on"
            | "through"
            | "circa"
            | "early"
            | "late"
            | "mid"
            | "fiscal"
            | "year"
    );
    plural && !year_context
}

/// After a date's number, a range tail of the same date ("16 - 17", "18-19").
fn skip_date_tail(sent: &Sent<'_>, end: usize) -> usize {
    let conn = sent.low(end);
    if matches!(conn, "-" | "–" | "to" | "and") && sent.kind(end + 1) == Some(TokenKind::Number) {
        return end + 2;
    }
    if sent.kind(end) == Some(TokenKind::Punct) && sent.text[end] == "-" {
        return end + 1;
    }
    end
}
