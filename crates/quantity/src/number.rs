//! Reading numbers: digit tokens (`6,130`, `1.5`, `12k`, `3bn`, `20-25`,
//! `3-year-old`) and runs of number words ("ten thousand", "a dozen",
//! "three and a half", "two-thirds").
//!
//! The readers only read; deciding whether a number is a quantity at all
//! (a date, a phone number, a model name?) is the tagger's job.

use crate::lexicon::{
    fraction_denominator, number_word, scale_abbreviation, Dimension, NumberWord,
};
use crate::units::single_word_unit;

/// A suffix glued to digits.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Suffix {
    None,
    /// `k`, `bn`, `mn`, `tn`: a scale.
    Scale(f64),
    /// `m`: a million after a currency, else a metre; the tagger decides.
    M,
    /// `km`, `kg`, `pc` (percent) ...: a unit, by its normalized name.
    Unit(&'static str, Dimension),
    /// `p`: pence ("87.5p"), but not after a display resolution ("720p").
    Pence,
}

/// What a token that starts with a digit says.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Digits<'a> {
    Number {
        value: f64,
        plain: bool,
        suffix: Suffix,
    },
    /// `20-25`, `1,000-2,000`, `12-15k`.
    Range { low: f64, high: f64, suffix: Suffix },
    /// `52-35`: a vote tally or score, two counts (the second not above the first).
    Tally { first: f64, second: f64 },
    /// `1st`, `22nd`.
    Ordinal(f64),
    /// A number hyphenated to words: `3-year-old`, `5,000-strong`, `10-fold`.
    Compound { value: f64, word: &'a str },
    /// Clock times, ISO dates, phone numbers, decades (`1990s`), model codes.
    NotAQuantity,
}

/// Reads one digit-initial token.
pub(crate) fn read_digits(s: &str) -> Digits<'_> {
    let Some(hyphen) = s.find('-') else {
        return single(s);
    };
    let (first, rest) = (&s[..hyphen], &s[hyphen + 1..]);
    if rest.starts_with(|c: char| c.is_ascii_digit()) {
        if rest.contains('-') {
            return Digits::NotAQuantity; // 2024-10-08, 555-123-4567
        }
        let (
            Digits::Number {
                value: a,
                plain: pa,
                suffix: sa,
            },
            Digits::Number {
                value: b,
                plain: pb,
                suffix: sb,
            },
        ) = (single(first), single(rest))
        else {
            return Digits::NotAQuantity;
        };
        if pa && pb && first.len() >= 3 && rest.len() >= 4 {
            return Digits::NotAQuantity; // 555-1234
        }
        if pa
            && first.len() == 4
            && (1000.0..=2100.0).contains(&a)
            && (rest.len() == 2 || (rest.len() == 4 && b > a))
        {
            return Digits::NotAQuantity; // 2010-11, 2014-2016: years, for the time tagger
        }
        let suffix = match (sa, sb) {
            (Suffix::None, s) => s,
            (s, Suffix::None) => s,
            (s, t) if s == t => s,
            _ => return Digits::NotAQuantity,
        };
        // the suffix (a scale or unit) covers both ends: "20-25k" is 20k to 25k
        if b > a {
            return Digits::Range {
                low: a,
                high: b,
                suffix,
            };
        }
        // "52-35": a tally or score, two counts side by side
        if pa && pb && suffix == Suffix::None {
            return Digits::Tally {
                first: a,
                second: b,
            };
        }
        return Digits::NotAQuantity;
    }
    match single(first) {
        Digits::Number {
            value,
            suffix: Suffix::None,
            ..
        } if !rest.is_empty() => Digits::Compound { value, word: rest },
        // "4.7bn-a-year", "5bn-strong": the scale is part of the number
        Digits::Number {
            value,
            suffix: Suffix::Scale(k),
            ..
        } if rest.starts_with(|c: char| c.is_ascii_alphabetic()) => Digits::Compound {
            value: value * k,
            word: rest,
        },
        _ => Digits::NotAQuantity,
    }
}

/// Reads a token without a hyphen: digits, separators and a letter suffix.
fn single(s: &str) -> Digits<'_> {
    let split = s.find(|c: char| c.is_alphabetic()).unwrap_or(s.len());
    let (core, suffix) = (&s[..split], &s[split..]);
    let Some((value, plain)) = parse_core(core) else {
        return Digits::NotAQuantity;
    };
    if suffix.is_empty() {
        return Digits::Number {
            value,
            plain,
            suffix: Suffix::None,
        };
    }
    if !suffix.chars().all(|c| c.is_ascii_alphabetic()) {
        return Digits::NotAQuantity; // 4x4, 2S19
    }
    // "40.3C", "98.6F": a decimal before C or F is a temperature
    if core.contains('.') && matches!(suffix, "C" | "F") {
        let norm = if suffix == "C" {
            "celsius"
        } else {
            "fahrenheit"
        };
        return Digits::Number {
            value,
            plain: false,
            suffix: Suffix::Unit(norm, Dimension::Temperature),
        };
    }
    // Upper-case single letters are designations: 5G, 3D, 4WD.
    if matches!(
        suffix,
        "G" | "D" | "C" | "A" | "E" | "S" | "X" | "WD" | "GS"
    ) {
        return Digits::NotAQuantity;
    }
    let lower = suffix.to_ascii_lowercase();
    let suffix = match lower.as_str() {
        "st" | "nd" | "rd" | "th" => return Digits::Ordinal(value),
        "p" if !crate::lexicon::is_display_resolution(core) => Suffix::Pence,
        "s" | "am" | "pm" | "a" | "p" => return Digits::NotAQuantity,
        "m" => Suffix::M,
        l => {
            if let Some(k) = scale_abbreviation(l) {
                Suffix::Scale(k)
            } else if let Some((norm, dim)) = single_word_unit(l) {
                Suffix::Unit(norm, dim)
            } else {
                return Digits::NotAQuantity;
            }
        }
    };
    Digits::Number {
        value,
        plain: false,
        suffix,
    }
}

/// Parses digits with `,` and `.` separators. Returns the value and whether
/// the text was digits only. English grouping (`1,234.5`), continental grouping
/// (`1.234,5`, `1.234.567`), Indian grouping (`1,23,456`) and a lone decimal
/// comma (`1,5`) are read; other shapes (`1.2.3`, `1,2,3`) are not numbers.
pub(crate) fn parse_core(core: &str) -> Option<(f64, bool)> {
    if core.is_empty() || !core.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    if !core
        .bytes()
        .all(|b| b.is_ascii_digit() || b == b',' || b == b'.')
    {
        return None;
    }
    let plain = core.bytes().all(|b| b.is_ascii_digit());
    // Leading zeros mark codes and phone numbers, not quantities.
    if core.len() > 1 && core.starts_with('0') && core.as_bytes()[1].is_ascii_digit() {
        return None;
    }
    if plain {
        // 400 digits read as infinity: no quantity
        return core
            .parse()
            .ok()
            .filter(|v: &f64| v.is_finite())
            .map(|v| (v, true));
    }
    let commas = core.matches(',').count();
    let dots = core.matches('.').count();
    let comma_after_dot = core.find('.').is_some_and(|d| core[d..].contains(','));
    let digits: String = if dots <= 1
        && !comma_after_dot
        && (commas == 0 || grouped(core.split('.').next()?, ','))
    {
        // English: commas group thousands, a dot starts the decimals
        core.replace(',', "")
    } else if commas <= 1 && dots >= 1 && grouped(core.split(',').next()?, '.') {
        // continental: dots group thousands, a comma starts the decimals
        core.replace('.', "").replace(',', ".")
    } else if commas == 1 && dots == 0 {
        let decimals = core.split(',').nth(1)?;
        if decimals.len() > 2 {
            return None;
        }
        core.replace(',', ".")
    } else {
        return None;
    };
    digits
        .parse()
        .ok()
        .filter(|v: &f64| v.is_finite())
        .map(|v| (v, false))
}

/// Whether `int` is digit groups separated by `sep` in a valid grouping:
/// 1-3 digits, then groups of 3 (or Indian groups of 2 ending with 3).
fn grouped(int: &str, sep: char) -> bool {
    let groups: Vec<&str> = int.split(sep).collect();
    if groups.len() == 1 {
        return true;
    }
    let first_ok = (1..=3).contains(&groups[0].len());
    let last_ok = groups.last().is_some_and(|g| g.len() == 3);
    let western = groups[1..].iter().all(|g| g.len() == 3);
    let indian = sep == ','
        && groups[1..groups.len() - 1].iter().all(|g| g.len() == 2)
        && groups[0].len() <= 2;
    first_ok && last_ok && (western || indian)
}

/// A run of number words read from lower-cased tokens.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct WordNumber {
    pub value: f64,
    /// Tokens used, from the first.
    pub len: usize,
    /// A fraction ("a third", "two-thirds", "half"), not a count.
    pub fraction: bool,
}

/// Reads number words at the start of `words` (lower-cased tokens):
/// "twenty-five thousand", "one hundred and five", "a dozen", "a million",
/// "three and a half", "two and a half million", "half a million",
/// "two-thirds", "a third". Returns None when no number starts here.
pub(crate) fn read_words(words: &[&str]) -> Option<WordNumber> {
    if let Some(f) = fraction_words(words) {
        return Some(f);
    }
    let start = match leading_article(words) {
        Ok(i) => i,
        Err(done) => return done,
    };
    add_number_words(words, start)
}

/// Adds up number words from token `i` ("twenty five thousand", "one hundred
/// and five", "three and a half"); `i` is 1 after an article ("a hundred").
fn add_number_words(words: &[&str], mut i: usize) -> Option<WordNumber> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut have = false;
    let mut last: Option<NumberWord> = None;
    let mut last_scale = f64::INFINITY;
    let mut end = 0;
    let mut fraction_used = false;
    if i == 1 {
        // "a hundred", "a million": the article is the one
        current = 1.0;
        have = true;
        last = Some(NumberWord::Unit(1.0));
        end = 1;
    }
    while i < words.len() {
        let w = words[i];
        let word = parse_number_word(w);
        match word {
            Some(NumberWord::Unit(v)) | Some(NumberWord::Tens(v)) => {
                let is_tens = matches!(word, Some(NumberWord::Tens(_)));
                // "twenty five" joins; "five six" does not
                let joins = match last {
                    None => true,
                    Some(NumberWord::Tens(_)) => !is_tens && v < 10.0,
                    Some(NumberWord::Hundred) | Some(NumberWord::Scale(_)) => true,
                    _ => false,
                };
                if !joins {
                    break;
                }
                current += v;
            }
            Some(NumberWord::Hundred) => {
                if matches!(last, Some(NumberWord::Hundred)) {
                    break;
                }
                current = if have { current.max(1.0) } else { 1.0 } * 100.0;
            }
            Some(NumberWord::Dozen) => {
                if !matches!(
                    last,
                    None | Some(NumberWord::Unit(_)) | Some(NumberWord::Tens(_))
                ) {
                    break;
                }
                current = if have { current.max(1.0) } else { 1.0 } * 12.0;
            }
            Some(NumberWord::Scale(k)) => {
                if k >= last_scale || last.is_none() && !have {
                    break;
                }
                total += current.max(1.0) * k;
                current = 0.0;
                last_scale = k;
            }
            None => {
                // "and": "one hundred and five", "three and a half"
                if w == "and" && have && i + 1 < words.len() {
                    if words.get(i + 1) == Some(&"a")
                        && words.get(i + 2) == Some(&"half")
                        && !fraction_used
                    {
                        current += 0.5;
                        fraction_used = true;
                        i += 3;
                        end = i;
                        last = Some(NumberWord::Unit(0.5));
                        continue;
                    }
                    if matches!(last, Some(NumberWord::Hundred) | Some(NumberWord::Scale(_)))
                        && parse_number_word(words[i + 1])
                            .is_some_and(|n| matches!(n, NumberWord::Unit(_) | NumberWord::Tens(_)))
                    {
                        i += 1;
                        continue;
                    }
                }
                break;
            }
        }
        have = true;
        last = word;
        i += 1;
        end = i;
    }
    if !have || end == 0 {
        return None;
    }
    Some(WordNumber {
        value: total + current,
        len: end,
        fraction: false,
    })
}

/// Fractions and halves in words: "two-thirds", "two thirds of", "half a
/// million", "half a dozen".
fn fraction_words(words: &[&str]) -> Option<WordNumber> {
    let first = *words.first()?;
    // fractions written as one hyphenated word: two-thirds, one-half, three-quarters
    if let Some((num, den)) = first.split_once('-') {
        if let (Some(NumberWord::Unit(n)), Some(d)) = (number_word(num), fraction_denominator(den))
        {
            if n >= 1.0 && n < d {
                return Some(WordNumber {
                    value: n / d,
                    len: 1,
                    fraction: true,
                });
            }
        }
    }
    // "two thirds of", "three quarters of": a count word and a plural fraction
    // word before "of" (without "of", "three quarters" may be a time span)
    if let (Some(NumberWord::Unit(n)), Some(den_word), Some(&"of")) =
        (number_word(first), words.get(1), words.get(2))
    {
        if let Some(d) = fraction_denominator(den_word).filter(|_| den_word.ends_with('s')) {
            if n >= 1.0 && n < d {
                return Some(WordNumber {
                    value: n / d,
                    len: 2,
                    fraction: true,
                });
            }
        }
    }
    // "half a million", "half a dozen"
    if first == "half" && words.get(1) == Some(&"a") {
        if let Some(NumberWord::Scale(k)) = words.get(2).and_then(|w| number_word(w)) {
            return Some(WordNumber {
                value: 0.5 * k,
                len: 3,
                fraction: false,
            });
        }
        if words.get(2) == Some(&"dozen") {
            return Some(WordNumber {
                value: 6.0,
                len: 3,
                fraction: false,
            });
        }
    }
    None
}

/// An article or "one" before the number words: "a third", "one half" (a
/// fraction, returned as `Err`), "a hundred" (the article is the one: `Ok(1)`),
/// "a man" (no number: `Err(None)`); `Ok(0)` when no article starts.
fn leading_article(words: &[&str]) -> Result<usize, Option<WordNumber>> {
    let Some(&first) = words.first() else {
        return Err(None);
    };
    // "a"/"an"/"one" + fraction word: "a third", "a quarter", "one half"
    if matches!(first, "a" | "an" | "one") {
        let Some(&next) = words.get(1) else {
            return Err(None);
        };
        if let Some(d) = fraction_denominator(next).filter(|_| !next.ends_with('s')) {
            // "a half" but not "a halves"; whether "a third" is a fraction or
            // an ordinal ("a third time") is for the caller to tell from context
            return Err(Some(WordNumber {
                value: 1.0 / d,
                len: 2,
                fraction: true,
            }));
        }
        if first != "one" {
            match number_word(next) {
                Some(NumberWord::Hundred | NumberWord::Scale(_) | NumberWord::Dozen) => {
                    return Ok(1)
                } // "a hundred"
                _ => return Err(None),
            }
        }
    }
    Ok(0)
}

/// A number word, including hyphenated tens ("twenty-five" is a Tens+Unit
/// written as one token: returned as its value in a Unit).
fn parse_number_word(w: &str) -> Option<NumberWord> {
    if let Some(n) = number_word(w) {
        return Some(n);
    }
    let (tens, unit) = w.split_once(['-', '‑'])?;
    match (number_word(tens), number_word(unit)) {
        (Some(NumberWord::Tens(t)), Some(NumberWord::Unit(u))) if u > 0.0 && u < 10.0 => {
            Some(NumberWord::Tens(t + u))
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn num(s: &str) -> Option<f64> {
        match read_digits(s) {
            Digits::Number { value, .. } => Some(value),
            _ => None,
        }
    }

    #[test]
    fn digit_separators() {
        assert_eq!(num("6,130"), Some(6130.0));
        assert_eq!(num("1,234,567.89"), Some(1234567.89));
        assert_eq!(num("1.5"), Some(1.5));
        assert_eq!(num("1.234.567"), Some(1234567.0));
        assert_eq!(num("1.234,5"), Some(1234.5));
        assert_eq!(num("1,23,456"), Some(123456.0));
        assert_eq!(num("2,5"), Some(2.5));
        assert_eq!(num("1.2.3"), None);
        assert_eq!(num("007"), None);
        assert_eq!(num("0.5"), Some(0.5));
    }

    #[test]
    fn suffixes() {
        assert_eq!(
            read_digits("12k"),
            Digits::Number {
                value: 12.0,
                plain: false,
                suffix: Suffix::Scale(1e3)
            }
        );
        assert_eq!(
            read_digits("3bn"),
            Digits::Number {
                value: 3.0,
                plain: false,
                suffix: Suffix::Scale(1e9)
            }
        );
        assert_eq!(
            read_digits("1.5m"),
            Digits::Number {
                value: 1.5,
                plain: false,
                suffix: Suffix::M
            }
        );
        assert_eq!(
            read_digits("10km"),
            Digits::Number {
                value: 10.0,
                plain: false,
                suffix: Suffix::Unit("km", Dimension::Length)
            }
        );
        assert_eq!(read_digits("1st"), Digits::Ordinal(1.0));
        assert_eq!(read_digits("22nd"), Digits::Ordinal(22.0));
        assert_eq!(
            read_digits("87.5p"),
            Digits::Number {
                value: 87.5,
                plain: false,
                suffix: Suffix::Pence
            }
        );
        for not in [
            "5pm", "1990s", "737s", "5G", "3D", "4x4", "2S19", "10:30", "720p",
        ] {
            assert_eq!(read_digits(not), Digits::NotAQuantity, "{not}");
        }
    }

    #[test]
    fn hyphens() {
        assert_eq!(
            read_digits("20-25"),
            Digits::Range {
                low: 20.0,
                high: 25.0,
                suffix: Suffix::None
            }
        );
        assert_eq!(
            read_digits("1,000-2,000"),
            Digits::Range {
                low: 1000.0,
                high: 2000.0,
                suffix: Suffix::None
            }
        );
        assert_eq!(
            read_digits("3-year-old"),
            Digits::Compound {
                value: 3.0,
                word: "year-old"
            }
        );
        assert_eq!(
            read_digits("5,000-strong"),
            Digits::Compound {
                value: 5000.0,
                word: "strong"
            }
        );
        assert_eq!(
            read_digits("52-35"),
            Digits::Tally {
                first: 52.0,
                second: 35.0
            }
        );
        assert_eq!(
            read_digits("3-3"),
            Digits::Tally {
                first: 3.0,
                second: 3.0
            }
        );
        for not in ["2010-11", "2014-2016", "2024-10-08", "555-1234"] {
            assert_eq!(read_digits(not), Digits::NotAQuantity, "{not}");
        }
    }

    fn words(s: &str) -> Option<(f64, usize)> {
        let w: Vec<&str> = s.split(' ').collect();
        read_words(&w).map(|n| (n.value, n.len))
    }

    #[test]
    fn number_words() {
        assert_eq!(words("ten thousand soldiers"), Some((10000.0, 2)));
        assert_eq!(words("twenty-five"), Some((25.0, 1)));
        assert_eq!(words("twenty five people"), Some((25.0, 2)));
        assert_eq!(words("one hundred and five"), Some((105.0, 4)));
        assert_eq!(words("a dozen eggs"), Some((12.0, 2)));
        assert_eq!(words("two dozen"), Some((24.0, 2)));
        assert_eq!(words("a million"), Some((1e6, 2)));
        assert_eq!(words("three and a half years"), Some((3.5, 4)));
        assert_eq!(words("two and a half million"), Some((2.5e6, 5)));
        assert_eq!(words("half a million"), Some((5e5, 3)));
        assert_eq!(words("two hundred thousand"), Some((200000.0, 3)));
        assert_eq!(
            words("one million two hundred thousand"),
            Some((1_200_000.0, 5))
        );
        assert_eq!(words("five six"), Some((5.0, 1)));
        assert_eq!(words("a third of"), Some((1.0 / 3.0, 2)));
        assert_eq!(words("two-thirds of"), Some((2.0 / 3.0, 1)));
        assert_eq!(words("two thirds of"), Some((2.0 / 3.0, 2)));
        assert_eq!(words("three quarters of a point"), Some((0.75, 2)));
        assert_eq!(words("three quarters"), Some((3.0, 1)));
        // the reader sees a fraction; the tagger keeps it only before "of"
        assert_eq!(words("a third time"), Some((1.0 / 3.0, 2)));
        assert_eq!(words("a man"), None);
        assert_eq!(words("thousand"), None);
        assert_eq!(words("and"), None);
    }
}
