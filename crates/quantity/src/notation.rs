//! Number notations beyond digits and separators: exponents ("3.1E-05",
//! "6.02×10²³", "2.5 x 10^6", "1.2×10⁻⁴"), leading-dot decimals (".004"),
//! and fractions written with a slash ("3⁄8", "1/64 of an inch").

use crate::scan::Sent;
use claimtrail_text::TokenKind;

/// "3.1E-05", "2e6": scientific notation in one token.
pub(crate) fn e_notation(t: &str) -> Option<f64> {
    let at = t.find(['e', 'E'])?;
    let (mantissa, exp) = (&t[..at], &t[at + 1..]);
    let digits = exp.strip_prefix(['-', '+']).unwrap_or(exp);
    let mantissa_ok = mantissa.starts_with(|c: char| c.is_ascii_digit())
        && mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && mantissa.matches('.').count() <= 1;
    let exp_ok =
        !digits.is_empty() && digits.len() <= 3 && digits.bytes().all(|b| b.is_ascii_digit());
    // "7E7" is a model name: a decimal mantissa or a signed exponent is notation
    let notation = mantissa.contains('.') || digits.len() < exp.len();
    if !(mantissa_ok && exp_ok && notation) {
        return None;
    }
    t.parse::<f64>().ok().filter(|v| v.is_finite())
}

/// "3.1e" "+" "05": the exponent sign the tokenizer split off. Returns the
/// value and the token after the exponent.
pub(crate) fn split_e_notation(sent: &Sent<'_>, j: usize) -> Option<(f64, usize)> {
    let t = sent.text[j];
    if !t.ends_with(['e', 'E']) || !matches!(sent.text.get(j + 1).copied(), Some("+")) {
        return None;
    }
    let exp = sent.text.get(j + 2)?;
    if !(sent.attached(j + 1) && sent.attached(j + 2)) {
        return None;
    }
    e_notation(&format!("{t}{exp}")).map(|v| (v, j + 3))
}

fn superscript(c: char) -> Option<u32> {
    "⁰¹²³⁴⁵⁶⁷⁸⁹".chars().position(|s| s == c).map(|p| p as u32)
}

/// After a number ending at token `k`: "×10²³", "x 10^6", "× 10⁻⁴", "*10^-3".
/// Returns the power of ten and the token after the exponent.
pub(crate) fn times_ten_to(sent: &Sent<'_>, k: usize) -> Option<(i32, usize)> {
    if !matches!(sent.text.get(k).copied(), Some("×" | "x" | "X" | "*"))
        || sent.text.get(k + 1) != Some(&"10")
    {
        return None;
    }
    let mut x = k + 2;
    let mut negative = false;
    let mut digits = String::new();
    if matches!(sent.text.get(x).copied(), Some("^")) && sent.attached(x) {
        x += 1;
        if matches!(sent.text.get(x).copied(), Some("-" | "−")) && sent.attached(x) {
            negative = true;
            x += 1;
        }
        let t = *sent.text.get(x)?;
        if !sent.attached(x)
            || sent.kind(x) != Some(TokenKind::Number)
            || !t.bytes().all(|b| b.is_ascii_digit())
        {
            return None;
        }
        digits.push_str(t);
        x += 1;
    } else {
        // superscripts, one token a character: "10" "⁻" "⁴"
        while x < sent.len() && sent.attached(x) {
            let t = sent.text[x];
            if t == "⁻" && digits.is_empty() && !negative {
                negative = true;
            } else if t.chars().all(|c| superscript(c).is_some()) {
                digits.extend(
                    t.chars()
                        .filter_map(superscript)
                        .filter_map(|d| char::from_digit(d, 10)),
                );
            } else {
                break;
            }
            x += 1;
        }
    }
    let power: i32 = digits.parse().ok().filter(|p: &i32| *p <= 300)?;
    Some((if negative { -power } else { power }, x))
}

/// ".004", ".25": a decimal written without its leading zero, one token
/// (rejoined before the scan, see [`crate::glue`]).
pub(crate) fn leading_dot(t: &str) -> Option<f64> {
    let digits = t.strip_prefix('.')?;
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    format!("0{t}").parse().ok()
}

/// "3⁄8", "1/64 of an inch", "3/4 inch": a fraction after the numerator at
/// token `j`. The fraction slash always makes one; a plain slash only before
/// "of" or a unit of measure, with a numerator below the denominator (not
/// "24/7", "9/11", "10/08/2024").
pub(crate) fn slash_fraction(sent: &Sent<'_>, j: usize, numerator: f64) -> Option<(f64, usize)> {
    let slash = *sent.text.get(j + 1)?;
    if !matches!(slash, "⁄" | "/") || !sent.attached(j + 1) || !sent.attached(j + 2) {
        return None;
    }
    let den_text = *sent.text.get(j + 2)?;
    if sent.kind(j + 2) != Some(TokenKind::Number) || !den_text.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let den: f64 = den_text.parse().ok()?;
    if den <= numerator || numerator <= 0.0 || den > 1000.0 || numerator.fract() != 0.0 {
        return None;
    }
    if slash == "/" {
        let after = sent.low(j + 3);
        let unit = crate::units::single_word_unit(after).is_some_and(|(_, d)| {
            !matches!(
                d,
                crate::lexicon::Dimension::Duration | crate::lexicon::Dimension::Percent
            )
        });
        if sent.text.get(j + 3) == Some(&"/") || !(after == "of" || unit) {
            return None;
        }
    }
    Some((numerator / den, j + 3))
}
