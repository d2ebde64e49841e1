//! Currencies and units around a number: a currency written before it (`$`,
//! `US$`, `USD`), and a unit or currency name after it ("per cent",
//! "square kilometres", "hryvnias", "Canadian dollars").

use crate::lexicon::{
    currency_code, currency_name, currency_symbol, dollar_nationality, dollar_prefix, Dimension,
    UnitDef,
};
use crate::scan::Sent;
use claimtrail_text::TokenKind;
use std::collections::HashMap;
use std::sync::OnceLock;

/// Unit names by their first word: the rest of each name and its unit.
type UnitIndex = HashMap<&'static str, Vec<(Vec<&'static str>, &'static UnitDef)>>;

/// The unit names indexed by first word, built once.
fn unit_names() -> &'static UnitIndex {
    static INDEX: OnceLock<UnitIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: UnitIndex = HashMap::new();
        for unit in crate::lexicon::units() {
            for name in &unit.names {
                let mut words = name.split(' ');
                let first = words.next().unwrap_or("");
                index
                    .entry(first)
                    .or_default()
                    .push((words.collect(), unit));
            }
        }
        index
    })
}

/// A unit named by one lower-case word (`km`, `percent`), if any.
pub(crate) fn single_word_unit(w: &str) -> Option<(&'static str, Dimension)> {
    let names = unit_names().get(w)?;
    names
        .iter()
        .find(|(rest, _)| rest.is_empty())
        .map(|(_, u)| (u.norm, u.dim))
}

/// A unit found after a number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct UnitMatch {
    /// ISO code for a currency, else the normalized unit name.
    pub norm: &'static str,
    /// None for a currency.
    pub dim: Option<Dimension>,
    /// Tokens used.
    pub len: usize,
    /// The value is in hundredths of the currency: the subunit's name
    /// ("cent", "pence", "kopeck").
    pub subunit: Option<&'static str>,
}

/// Currency written before the number at `j`: `$`, `US$`, `NZ $`, `USD`, `Rs`.
/// Returns the code and how many tokens it takes.
pub(crate) fn currency_prefix(sent: &Sent<'_>, j: usize) -> Option<(&'static str, usize)> {
    let t = *sent.text.get(j)?;
    if let Some(code) = currency_symbol(t) {
        return Some((code, 1));
    }
    // "PS4.7bn": letters standing for a sign, split off the number they were glued
    // to; "#13 billion": a sign standing for another
    if sent.kind(j + 1) == Some(TokenKind::Number) && sent.attached(j + 1) {
        let scaled = crate::lexicon::scale_word(sent.low(j + 2)).is_some();
        if let Some(code) = crate::glue::glued_sign(t, sent.text[j + 1], scaled) {
            return Some((code, 1));
        }
    }
    if sent.kind(j) == Some(TokenKind::Word) && sent.text.get(j + 1) == Some(&"$") {
        // "US$", "A$" glued; "NZ $" spaced when the prefix is written in capitals
        let capitals = t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase() || c == '.');
        if sent.attached(j + 1) || capitals {
            if let Some(code) = dollar_prefix(sent.low(j)) {
                return Some((code, 2));
            }
        }
    }
    let upper = t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        || t == "Rs"
        || t == "Rs.";
    if upper && sent.kind(j + 1) == Some(TokenKind::Number) {
        if let Some(code) = currency_code(sent.low(j)) {
            // "USD$ 23 billion": the code and a sign
            let len = if sent.text.get(j + 1) == Some(&"$") {
                2
            } else {
                1
            };
            return Some((code, len));
        }
    }
    if upper && sent.text.get(j + 1) == Some(&"$") && sent.attached(j + 1) {
        if let Some(code) = currency_code(sent.low(j)) {
            return Some((code, 2));
        }
    }
    None
}

/// A unit or currency name at token `k`. `scaled` tells that the number had a
/// scale word ("3 million pounds" is money, "300 pounds" is weight).
pub(crate) fn unit_at(
    sent: &Sent<'_>,
    k: usize,
    currency: bool,
    scaled: bool,
) -> Option<UnitMatch> {
    if k >= sent.len() || sent.blocked[k] {
        return None;
    }
    let money = |norm, len| {
        Some(UnitMatch {
            norm,
            dim: None,
            len,
            subunit: None,
        })
    };
    let w = sent.low(k);
    if w == "pounds" || w == "pound" {
        let sterling = sent.low(k + 1) == "sterling";
        if scaled || sterling || currency {
            return money("GBP", 1 + usize::from(sterling));
        }
        return Some(UnitMatch {
            norm: "lb",
            dim: Some(Dimension::Mass),
            len: 1,
            subunit: None,
        });
    }
    let t = sent.text[k];
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase()) {
        if let Some(code) = currency_code(w) {
            return money(code, 1);
        }
    }
    if let Some(code) = currency_name(w) {
        let ambiguous = matches!(w, "real" | "rand" | "p" | "won");
        if !ambiguous || (w == "rand" && sent.is_capitalized(k)) {
            return Some(match code {
                "cent" => UnitMatch {
                    norm: "USD",
                    dim: None,
                    len: 1,
                    subunit: Some("cent"),
                },
                "pence" if w == "penny" => UnitMatch {
                    norm: "USD",
                    dim: None,
                    len: 1,
                    subunit: Some("cent"),
                },
                "pence" => UnitMatch {
                    norm: "GBP",
                    dim: None,
                    len: 1,
                    subunit: Some("pence"),
                },
                "kopeck" => UnitMatch {
                    norm: "RUB",
                    dim: None,
                    len: 1,
                    subunit: Some("kopeck"),
                },
                code => UnitMatch {
                    norm: code,
                    dim: None,
                    len: 1,
                    subunit: None,
                },
            });
        }
    }
    for len in [3usize, 2] {
        if matches!(sent.low(k + len - 1), "dollar" | "dollars") {
            let nat = (k..k + len - 1)
                .map(|x| sent.low(x))
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(code) = dollar_nationality(&nat) {
                return money(code, len);
            }
        }
    }
    // measurement units, longest name first
    let mut best: Option<(&'static str, Dimension, usize)> = None;
    for (rest, unit) in unit_names().get(w).map(Vec::as_slice).unwrap_or(&[]) {
        let len = 1 + rest.len();
        let ok = rest.iter().enumerate().all(|(x, p)| {
            let at = k + 1 + x;
            at < sent.len() && !sent.blocked[at] && sent.low(at) == *p
        });
        if ok && best.is_none_or(|b| len > b.2) {
            best = Some((unit.norm, unit.dim, len));
        }
    }
    let (norm, dim, len) = best?;
    // A one-letter unit after a spaced number word is rarely a unit ("two h").
    if len == 1
        && w.chars().count() == 1
        && w != "%"
        && !sent.attached(k)
        && sent.kind(k - 1) != Some(TokenKind::Number)
    {
        return None;
    }
    Some(UnitMatch {
        norm,
        dim: Some(dim),
        len,
        subunit: None,
    })
}

/// The normalized unit a unit name stands for, as [`crate::Quantity::unit`]
/// names it, or the subunit as [`crate::Quantity::stated_unit`] does:
/// "dollars", "$", "US$" and "USD" are "USD"; "cent" and "cents" "cent";
/// "%" and "per cent" "percent"; "kilometres" "km". None for a name that is
/// no unit the tagger knows (a counted noun such as "troops").
pub fn normalize_unit(name: &str) -> Option<String> {
    let lower = name.trim().to_lowercase();
    let w = lower.as_str();
    if let Some(code) = currency_symbol(name.trim()) {
        return Some(code.to_string());
    }
    if let Some(prefix) = w.strip_suffix('$') {
        return dollar_prefix(prefix.trim()).map(str::to_string);
    }
    if let Some(code) = currency_code(w) {
        return Some(code.to_string());
    }
    if let Some(code) = currency_name(w) {
        return Some(code.to_string());
    }
    if matches!(w, "pound" | "pounds") {
        return Some("GBP".to_string());
    }
    if let Some(code) = w.strip_suffix(" dollars").or(w.strip_suffix(" dollar")) {
        return dollar_nationality(code).map(str::to_string);
    }
    // a normalized name itself: "km2", "percentage_point", "GHz", "fraction"
    if let Some(u) = crate::lexicon::units()
        .iter()
        .find(|u| u.norm.eq_ignore_ascii_case(w))
    {
        return Some(u.norm.to_string());
    }
    if w == "fraction" {
        return Some("fraction".to_string());
    }
    let mut words = w.split_whitespace();
    let first = words.next()?;
    let rest: Vec<&str> = words.collect();
    unit_names()
        .get(first)?
        .iter()
        .find(|(r, _)| *r == rest)
        .map(|(_, u)| u.norm.to_string())
}

/// A longer unit name that starts with the unit `first` glued to digits and
/// goes on at token `k`: "250km" "/" "h" is km/h. Returns the unit and how
/// many tokens after `first` it takes.
pub(crate) fn unit_continued(
    sent: &Sent<'_>,
    first: &str,
    k: usize,
) -> Option<(&'static str, Dimension, usize)> {
    let mut best: Option<(&'static str, Dimension, usize)> = None;
    for (rest, unit) in unit_names().get(first).map(Vec::as_slice).unwrap_or(&[]) {
        let ok = !rest.is_empty()
            && rest.iter().enumerate().all(|(x, p)| {
                let at = k + x;
                at < sent.len() && !sent.blocked[at] && sent.attached(at) && sent.low(at) == *p
            });
        if ok && best.is_none_or(|b| rest.len() > b.2) {
            best = Some((unit.norm, unit.dim, rest.len()));
        }
    }
    best
}
