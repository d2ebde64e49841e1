//! Currency codes glued to numbers: "USD12,480,000", "PS4.7bn".
//!
//! The text tokenizer keeps letters and digits in one word ("USD12", "PS4"),
//! then stops at the separator, so the rest of the number ("480,000", "7bn")
//! became a number of its own and the figure was cut. Before the scan, such a
//! word is split into its currency and the number it starts, and the number is
//! rejoined with the separators and digit tokens glued after it. The letters
//! that may be split off are the ISO codes written in capitals and the forms in
//! `lexicon/glued_currency.tsv`.

use crate::lexicon::{currency_code, scale_abbreviation, scale_word};
use crate::number::{read_digits, Digits};
use claimtrail_text::{Span, Token, TokenKind};
use std::borrow::Cow;
use std::collections::HashMap;
use std::sync::OnceLock;

/// When a glued form may be split off.
#[derive(Clone, Copy, Debug, PartialEq)]
enum When {
    Any,
    /// Only before a number with a decimal, a group or a scale suffix.
    Shaped,
}

/// The glued forms of the data file, by their written form.
fn glued_forms() -> &'static HashMap<&'static str, (&'static str, When)> {
    static FORMS: OnceLock<HashMap<&'static str, (&'static str, When)>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut map = HashMap::new();
        for line in crate::data::lines(include_str!("../lexicon/glued_currency.tsv")) {
            let mut f = line.split('\t');
            let (Some(form), Some(code), Some(when)) = (f.next(), f.next(), f.next()) else {
                continue;
            };
            let when = if when.trim() == "any" {
                When::Any
            } else {
                When::Shaped
            };
            map.insert(form, (code, when));
        }
        map
    })
}

/// Whether `t` is one of the signs (not letters) of `glued_currency.tsv`
/// ("#"): a short list, scanned without hashing at every punctuation token.
pub(crate) fn is_glued_sign(t: &str) -> bool {
    static SIGNS: OnceLock<Vec<&'static str>> = OnceLock::new();
    SIGNS
        .get_or_init(|| {
            let signs = glued_forms().keys().copied();
            signs
                .filter(|f| !f.chars().any(char::is_alphanumeric))
                .collect()
        })
        .contains(&t)
}

/// The currency that the sign or letters `t`, glued before the number token
/// `number`, stand for ("PS" before "4.7bn", "#" before "13" "billion"):
/// forms listed `shaped` only before an amount with a decimal, a group, a
/// scale suffix or a scale word (`scaled`).
pub(crate) fn glued_sign(t: &str, number: &str, scaled: bool) -> Option<&'static str> {
    let &(code, when) = glued_forms().get(t)?;
    reads_as_amount(number, when, scaled).then_some(code)
}

/// The letters before the first digit of a word, if they name a currency
/// that may be glued to a number, and when.
fn glued_code(word: &str) -> Option<(usize, When)> {
    let cut = word.find(|c: char| c.is_ascii_digit())?;
    let letters = &word[..cut];
    if cut == 0 || !letters.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    if let Some(&(_, when)) = glued_forms().get(letters) {
        return Some((cut, when));
    }
    let capitals = letters.len() == 3 && letters.bytes().all(|b| b.is_ascii_uppercase());
    (capitals && currency_code(&letters.to_ascii_lowercase()).is_some()).then_some((cut, When::Any))
}

/// Whether `number` reads as an amount: a number or range, and for
/// [`When::Shaped`] one with a separator or a letter suffix, or a scale
/// word after it (`scaled`: "PS1 million").
fn reads_as_amount(number: &str, when: When, scaled: bool) -> bool {
    let plain = match read_digits(number) {
        Digits::Number { plain, .. } => plain,
        Digits::Range { .. } | Digits::Compound { .. } => false,
        _ => return false,
    };
    when == When::Any || !plain || scaled
}

/// The tokens of a text with each currency glued to a number split off and
/// the number rejoined with what the tokenizer cut from it. Borrows `toks`
/// when there is nothing to split (most documents).
pub(crate) fn retokenize<'a>(src: &str, toks: &'a [Token]) -> Cow<'a, [Token]> {
    let mut out: Option<Vec<Token>> = None;
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        if let Some((at, end, next)) = glued_amount(src, toks, i) {
            let out = out.get_or_insert_with(|| toks[..i].to_vec());
            out.push(Token {
                span: Span::new(t.span.start, at),
                kind: TokenKind::Word,
            });
            out.push(Token {
                span: Span::new(at, end),
                kind: TokenKind::Number,
            });
            i = next;
            continue;
        }
        if let Some(end) = leading_dot(src, toks, i) {
            // " .004": a decimal without its zero, which the splitter may have cut
            let out = out.get_or_insert_with(|| toks[..i].to_vec());
            out.push(Token {
                span: Span::new(t.span.start, end),
                kind: TokenKind::Number,
            });
            i += 2;
            continue;
        }
        if let Some(back) = cut_tail(src, toks, i) {
            // "A0" "." "0ft", "AB12" "," "5": one code the tokenizer cut, not a number
            let out = out.get_or_insert_with(|| toks[..i].to_vec());
            out.truncate(out.len().saturating_sub(back));
            out.push(Token {
                span: Span::new(toks[i - back].span.start, t.span.end),
                kind: toks[i - back].kind,
            });
            i += 1;
            continue;
        }
        if let Some(out) = out.as_mut() {
            out.push(t);
        }
        i += 1;
    }
    out.map_or(Cow::Borrowed(toks), Cow::Owned)
}

/// A "." token not glued to the token before it (or glued to a sign or an
/// opening bracket), with digits glued after it: the end of the decimal.
fn leading_dot(src: &str, toks: &[Token], i: usize) -> Option<usize> {
    let (t, next) = (toks[i], *toks.get(i + 1)?);
    let text = |t: Token| &src[t.span.start..t.span.end];
    if next.kind != TokenKind::Number || next.span.start != t.span.end || text(t) != "." {
        return None;
    }
    let open = i == 0
        || toks[i - 1].span.end < t.span.start
        || matches!(text(toks[i - 1]), "-" | "−" | "+" | "(" | "$" | "£" | "€");
    (open && text(next).bytes().all(|b| b.is_ascii_digit())).then_some(next.span.end)
}

/// Whether number token `i` is glued after a `,` or `.` glued after a word
/// ending in a digit ("AB12" "," "5", or "A0.0." "0ft"): a figure read from
/// it would be a strict part of a longer numeric token. Returns how many
/// tokens before it belong to the same token.
fn cut_tail(src: &str, toks: &[Token], i: usize) -> Option<usize> {
    if i == 0 || toks[i].kind != TokenKind::Number {
        return None;
    }
    let text = |t: Token| &src[t.span.start..t.span.end];
    let glued = |a: Token, b: Token| a.span.end == b.span.start;
    let prev = toks[i - 1];
    let coded =
        |t: Token| t.kind == TokenKind::Word && text(t).contains(|c: char| c.is_ascii_digit());
    if glued(prev, toks[i]) && coded(prev) && text(prev).ends_with(['.', ',']) {
        return Some(1);
    }
    let a = *toks.get(i.checked_sub(2)?)?;
    let cut = glued(a, prev)
        && glued(prev, toks[i])
        && matches!(text(prev), "," | ".")
        && coded(a)
        && text(a).ends_with(|c: char| c.is_ascii_digit());
    cut.then_some(2)
}

/// At a word token `i` that starts with a glued currency: the byte where its
/// number starts, the byte where the number ends, and the next token index.
fn glued_amount(src: &str, toks: &[Token], i: usize) -> Option<(usize, usize, usize)> {
    let t = toks[i];
    // every glued form starts with a capital: most words are dismissed here
    if t.kind != TokenKind::Word || !src.as_bytes()[t.span.start].is_ascii_uppercase() {
        return None;
    }
    let (cut, when) = glued_code(&src[t.span.start..t.span.end])?;
    let (end, next) = rejoin(src, toks, i);
    let at = t.span.start + cut;
    let scaled = toks.get(next).is_some_and(|n| {
        let w = src[n.span.start..n.span.end].to_ascii_lowercase();
        n.span.start > end && (scale_word(&w).is_some() || scale_abbreviation(&w).is_some())
    });
    reads_as_amount(&src[at..end], when, scaled).then_some((at, end, next))
}

/// The end of the number starting inside token `i`: the token, then each
/// `,` or `.` glued between it and a glued number token ("PS4" "." "7bn").
/// Returns the byte end and the index of the first token after it.
fn rejoin(src: &str, toks: &[Token], i: usize) -> (usize, usize) {
    let mut end = toks[i].span.end;
    let mut k = i + 1;
    while k + 1 < toks.len() {
        let (sep, num) = (toks[k], toks[k + 1]);
        let glued = sep.span.start == end && num.span.start == sep.span.end;
        let is_sep = matches!(&src[sep.span.start..sep.span.end], "," | ".");
        if !(glued && is_sep && num.kind == TokenKind::Number) {
            break;
        }
        end = num.span.end;
        k += 2;
    }
    (end, k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use claimtrail_text::{Document, Metadata};

    fn split(s: &str) -> Vec<String> {
        let doc = Document::new(s, Metadata::default());
        let out = retokenize(doc.text(), doc.tokens());
        out.iter().map(|t| doc.slice(t.span).to_string()).collect()
    }

    #[test]
    fn splits_codes_and_rejoins_numbers() {
        assert_eq!(
            split("paid USD12,480,000 in"),
            ["paid", "USD", "12,480,000", "in"]
        );
        assert_eq!(split("lost PS4.7bn ."), ["lost", "PS", "4.7bn", "."]);
        assert_eq!(split("owes EUR3"), ["owes", "EUR", "3"]);
    }

    #[test]
    fn leaves_names_alone() {
        assert_eq!(split("a PS4 console"), ["a", "PS4", "console"]);
        assert_eq!(split("the MP3 file"), ["the", "MP3", "file"]);
        assert_eq!(split("Usd12 and usd12"), ["Usd12", "and", "usd12"]);
        assert_eq!(split("code AB12,5 ."), ["code", "AB12,5", "."]);
        assert_eq!(split("set at .004 per"), ["set", "at", ".004", "per"]);
        assert_eq!(split("ends. 5 more"), ["ends", ".", "5", "more"]);
    }
}
