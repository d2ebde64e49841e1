//! The single pass over a document's tokens, sentence by sentence.
//!
//! At each token that can start a number the scanner reads: an optional
//! currency sign and sign, the number (digits or words, with its scale), a
//! range tail, a unit or currency name, and post-qualifiers; then it looks back
//! for a qualifier and a change cue and forward for the counted phrase. Each
//! step looks at most a few tokens away, so the pass is linear in the text.

use crate::counted::counted_phrase;
use crate::lexicon::{
    currency_code, currency_name, currency_symbol, dollar_nationality, dollar_prefix, factor_word,
    fraction_char, is_change_cue_after, is_change_cue_before, is_month, is_np_stop,
    is_reference_noun, is_street_word, is_time_marker, scale_abbreviation, scale_word, vague_count,
    Dimension, POST_QUALIFIERS, PRE_QUALIFIERS, UNITS,
};
use crate::number::{read_digits, read_words, single_word_unit, Digits, Suffix};
use crate::scope::scope_of;
use crate::{Qualifier, Quantity};
use claimtrail_text::{Document, Span, Token, TokenKind};
use claimtrail_time::Timex;
use std::borrow::Cow;

/// One sentence's tokens, prepared for the scanner.
pub(crate) struct Sent<'a> {
    pub toks: &'a [Token],
    pub text: Vec<&'a str>,
    pub lower: Vec<Cow<'a, str>>,
    /// Inside a time expression: never part of a quantity.
    pub blocked: Vec<bool>,
    /// The timexes in this sentence: local token range and index in the input.
    pub timexes: Vec<(usize, usize, usize)>,
    /// The document text (for spacing between tokens).
    pub src: &'a str,
}

impl<'a> Sent<'a> {
    pub fn len(&self) -> usize {
        self.toks.len()
    }

    /// The lower-cased token at `i`, or "" past the end.
    pub fn low(&self, i: usize) -> &str {
        self.lower.get(i).map(|c| c.as_ref()).unwrap_or("")
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` follows token `i - 1` with no space between.
    pub fn attached(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].span.start == self.toks[i - 1].span.end
    }

    pub fn is_capitalized(&self, i: usize) -> bool {
        self.text
            .get(i)
            .is_some_and(|t| t.starts_with(|c: char| c.is_uppercase()))
    }

    fn is_word(&self, i: usize) -> bool {
        self.kind(i) == Some(TokenKind::Word)
    }
}

fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(s.to_ascii_lowercase())
    } else {
        Cow::Borrowed(s)
    }
}

pub(crate) fn tag(doc: &Document, timexes: &[Timex]) -> Vec<Quantity> {
    let mut order: Vec<usize> = (0..timexes.len()).collect();
    order.sort_by_key(|&i| (timexes[i].span.start, timexes[i].span.end));
    let mut cursor = 0;
    let mut out = Vec::new();
    let tokens = doc.tokens();
    for s in doc.sentences() {
        let toks = &tokens[s.tokens.clone()];
        if toks.is_empty() {
            continue;
        }
        let text: Vec<&str> = toks.iter().map(|t| doc.slice(t.span)).collect();
        let lower = text.iter().map(|t| lower(t)).collect();
        let mut sent = Sent {
            toks,
            text,
            lower,
            blocked: vec![false; toks.len()],
            timexes: Vec::new(),
            src: doc.text(),
        };
        while cursor < order.len() && timexes[order[cursor]].span.end <= s.span.start {
            cursor += 1;
        }
        let mut k = cursor;
        while k < order.len() && timexes[order[k]].span.start < s.span.end {
            let span = timexes[order[k]].span;
            let a = toks.partition_point(|t| t.span.end <= span.start);
            let b = toks.partition_point(|t| t.span.start < span.end);
            if a < b {
                sent.blocked[a..b].iter_mut().for_each(|x| *x = true);
                sent.timexes.push((a, b, order[k]));
            }
            k += 1;
        }
        scan_sentence(&sent, &mut out);
    }
    out
}

/// A number as read, before qualifiers and context.
#[derive(Clone, Debug, Default)]
struct Num {
    low: f64,
    high: f64,
    range: bool,
    /// Token after the number (and its scale, unit suffix, range tail).
    end: usize,
    unit: Option<&'static str>,
    dim: Option<Dimension>,
    /// The scale applied (1 when none): lets "20 to 25 million" share it.
    scale: f64,
    /// Digits only, no separators, suffix or scale (a year or a code can look so).
    plain: bool,
    digits: bool,
    fraction: bool,
    vague: bool,
    qualifier: Option<Qualifier>,
    change: bool,
    /// "12-member": the counted word is inside the number's token.
    counted_in_token: Option<Span>,
}

enum Read {
    Num(Num),
    /// Not a quantity; skip to this token (a phone number, a score, a date).
    Skip(usize),
    No,
}

fn scan_sentence(sent: &Sent<'_>, out: &mut Vec<Quantity>) {
    let n = sent.len();
    let first_out = out.len();
    let mut i = 0;
    let mut floor = 0;
    while i < n {
        if sent.blocked[i] {
            i += 1;
            continue;
        }
        match candidate(sent, i, floor) {
            Some(Found::Quantity(q, end)) => {
                out.push(q);
                floor = end;
                i = end.max(i + 1);
            }
            Some(Found::Skip(end)) => {
                i = end.max(i + 1);
                floor = i;
            }
            None => i += 1,
        }
    }
    for q in &mut out[first_out..] {
        q.scope = scope_of(sent, q.span);
    }
}

enum Found {
    Quantity(Quantity, usize),
    Skip(usize),
}

/// Currency written before the number at `j`: `$`, `US$`, `USD`, `Rs`.
/// Returns the code and how many tokens it takes.
fn currency_prefix(sent: &Sent<'_>, j: usize) -> Option<(&'static str, usize)> {
    let t = *sent.text.get(j)?;
    if let Some(code) = currency_symbol(t) {
        return Some((code, 1));
    }
    if sent.is_word(j) && sent.text.get(j + 1) == Some(&"$") && sent.attached(j + 1) {
        if let Some(code) = dollar_prefix(sent.low(j)) {
            return Some((code, 2));
        }
    }
    let upper = t.len() >= 2 && t.chars().all(|c| c.is_ascii_uppercase() || c == '.')
        || t == "Rs"
        || t == "Rs.";
    if upper && sent.kind(j + 1) == Some(TokenKind::Number) {
        if let Some(code) = currency_code(sent.low(j)) {
            return Some((code, 1));
        }
    }
    None
}

fn candidate(sent: &Sent<'_>, i: usize, floor: usize) -> Option<Found> {
    let n = sent.len();
    let mut j = i;
    let mut currency = currency_prefix(sent, j).map(|(code, len)| {
        j += len;
        code
    });
    let mut negative = false;
    if matches!(sent.text.get(j).copied(), Some("-" | "−" | "+"))
        && sent.kind(j + 1) == Some(TokenKind::Number)
        && sent.attached(j + 1)
        && (j == 0 || !sent.attached(j))
    {
        negative = sent.text[j] != "+";
        j += 1;
        if currency.is_none() {
            currency = currency_prefix(sent, j).map(|(code, len)| {
                j += len;
                code
            });
        }
    }
    if j >= n || sent.blocked[j] {
        return None;
    }
    let start = i;
    let mut num = match read_number(sent, j, currency.is_some()) {
        Read::Num(num) => num,
        Read::Skip(end) => return Some(Found::Skip(end)),
        Read::No => return None,
    };

    // Range tail: "10,000 to 12,000", "20 – 25", "between 3 and 7 percent".
    let between = start > floor && sent.low(start - 1) == "between";
    let from = start > floor && sent.low(start - 1) == "from";
    if !num.vague && !num.fraction && !num.range {
        match range_tail(sent, &num, between, from) {
            Tail::Joined(joined) => num = joined,
            Tail::Score(end) => return Some(Found::Skip(end)),
            Tail::None => {}
        }
    }
    let mut end = num.end;

    // Unit or currency after the number.
    if num.unit.is_none() {
        if let Some((unit, dim, len)) = unit_at(sent, end, currency.is_some(), num.scale > 1.0) {
            if dim.is_none() && currency.is_some() && Some(unit) != currency {
                // "$249 USD" agrees; "$5 euros" does not: keep the sign's currency
            } else if dim.is_none() {
                currency = Some(unit);
            } else {
                num.unit = Some(unit);
                num.dim = dim;
            }
            end += len;
        }
    } else if let Some((unit, None, len)) = unit_at(sent, end, true, true) {
        // "$249 USD": a code repeating the sign
        if Some(unit) == currency {
            end += len;
        }
    }
    let unit = currency.or(num.unit);
    if currency.is_some() {
        num.dim = None;
    }

    // Post-qualifiers: "or more", "or so", "10,000+".
    let mut qualifier = num.qualifier;
    if sent.text.get(end) == Some(&"+") && sent.attached(end) {
        qualifier = Some(Qualifier::AtLeast);
        end += 1;
    } else if let Some((q, len)) = phrase_at(sent, end, POST_QUALIFIERS) {
        qualifier = Some(q);
        end += len;
    }

    // Look back for a qualifier ("more than") and a change cue ("another").
    let mut qstart = start;
    let mut below_only = false;
    if between {
        qstart = start - 1;
    } else if let Some((q, len)) = phrase_before(sent, start, floor, PRE_QUALIFIERS) {
        qualifier = Some(q);
        qstart = start - len;
        below_only = matches!(sent.low(qstart), "nearly" | "almost");
    }
    let mut change = num.change;
    if qstart > floor {
        let before = sent.low(qstart - 1);
        if is_change_cue_before(before)
            || (before == "by" && qstart >= floor + 2 && is_change_cue_before(sent.low(qstart - 2)))
        {
            change = true;
        }
    }
    let mut counted_from = end;
    if is_change_cue_after(sent.low(end)) && !sent.blocked.get(end).copied().unwrap_or(true) {
        change = true;
        if matches!(sent.low(end), "more" | "fewer" | "less") {
            counted_from = end + 1;
        }
    }

    // Figures that are not quantities: dates, times, codes, names, addresses.
    if currency.is_none()
        && num.dim.is_none_or(|d| d == Dimension::Duration)
        && not_a_quantity(sent, &num, j, qstart, qualifier.is_some())
    {
        return Some(Found::Skip(num.end));
    }
    if sent.blocked[j..end].iter().any(|&b| b) {
        return Some(Found::Skip(j + 1));
    }

    // The counted thing, for counts.
    let mut counted = None;
    if unit.is_none() && !num.fraction {
        if let Some(span) = num.counted_in_token {
            counted = Some(span);
        } else if let Some((a, b)) = counted_phrase(sent, counted_from) {
            counted = Some(Span::new(
                sent.toks[a].span.start,
                sent.toks[b - 1].span.end,
            ));
        }
    }
    if num.plain && is_year_like(sent, j) && qualifier.is_some() && counted.is_none() {
        return Some(Found::Skip(num.end)); // "around 2000": a year
    }
    let one = !num.digits && num.low == 1.0 && sent.low(j) == "one" && num.end == j + 1;
    if one
        && unit.is_none()
        && (counted.is_none() || sent.low(counted_from) == "of" || is_one_idiom(sent, qstart))
    {
        return None; // "one" alone is a pronoun more often than a count
    }

    let sign = if negative { -1.0 } else { 1.0 };
    let (mut low, mut high) = (num.low * sign, num.high * sign);
    if low > high {
        std::mem::swap(&mut low, &mut high);
    }
    let qualifier = qualifier.unwrap_or(if num.vague {
        Qualifier::Approximately
    } else {
        Qualifier::Exact
    });
    let (value, low, high) = if num.vague {
        (low, Some(low), Some(high))
    } else if num.range {
        let (l, h) = match qualifier {
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(low), None),
            Qualifier::LessThan | Qualifier::UpTo => (None, Some(high)),
            _ => (Some(low), Some(high)),
        };
        ((low + high) / 2.0, l, h)
    } else if below_only {
        (low, Some(low * 0.9), Some(low))
    } else {
        let (l, h) = qualifier.bounds(low);
        (low, l, h)
    };
    let span = Span::new(sent.toks[qstart].span.start, sent.toks[end - 1].span.end);
    let counted_text = counted.map(|s| sent.src[s.start..s.end].to_string());
    let q = Quantity {
        span,
        value,
        low,
        high,
        qualifier,
        unit: unit.map(str::to_string),
        counted: counted_text,
        counted_span: counted,
        change,
        scope: None,
        range: num.range,
        vague: num.vague,
    };
    Some(Found::Quantity(q, end))
}

/// "no one", "the one", "this one", "each one": a pronoun, not a count.
fn is_one_idiom(sent: &Sent<'_>, qstart: usize) -> bool {
    qstart > 0
        && matches!(
            sent.low(qstart - 1),
            "no" | "the"
                | "this"
                | "that"
                | "each"
                | "every"
                | "any"
                | "which"
                | "any-"
                | "another"
                | "last"
                | "next"
                | "only"
        )
}

/// Reads the number starting at token `j`.
fn read_number(sent: &Sent<'_>, j: usize, currency: bool) -> Read {
    match sent.kind(j) {
        Some(TokenKind::Number) => read_digit_number(sent, j, currency),
        Some(TokenKind::Word) => read_word_number(sent, j),
        _ => Read::No,
    }
}

fn read_digit_number(sent: &Sent<'_>, j: usize, currency: bool) -> Read {
    let text = sent.text[j];
    let mut num = Num {
        end: j + 1,
        scale: 1.0,
        digits: true,
        ..Num::default()
    };
    let suffix = match read_digits(text) {
        Digits::Number {
            value,
            plain,
            suffix,
        } => {
            num.low = value;
            num.plain = plain;
            // "10 000": digits grouped by spaces
            if plain && text.len() <= 3 {
                while num.end < sent.len() && is_space_group(sent, num.end) {
                    num.low = num.low * 1000.0 + sent.text[num.end].parse::<f64>().unwrap_or(0.0);
                    num.end += 1;
                    num.plain = false;
                }
            }
            num.high = num.low;
            suffix
        }
        Digits::Range { low, high, suffix } => {
            num.low = low;
            num.high = high;
            num.range = true;
            suffix
        }
        // ordinals rank, they do not count: "1st", "22nd"
        Digits::Ordinal(_) => return Read::Skip(j + 1),
        Digits::Compound { value, word } => return read_compound(sent, j, value, word),
        Digits::NotAQuantity => return Read::Skip(j + 1),
    };
    // "2½"
    if let Some(f) = sent
        .text
        .get(num.end)
        .and_then(|t| single_char(t))
        .and_then(fraction_char)
    {
        if sent.attached(num.end) && !num.range {
            num.low += f;
            num.high += f;
            num.end += 1;
            num.plain = false;
        }
    }
    match suffix {
        Suffix::None => {}
        Suffix::Scale(k) => num.scale = k,
        Suffix::M => {
            if currency || plural_noun_follows(sent, num.end) {
                num.scale = 1e6;
            } else {
                num.unit = Some("m");
                num.dim = Some(Dimension::Length);
            }
        }
        Suffix::Unit(u, d) => {
            num.unit = Some(u);
            num.dim = Some(d);
        }
    }
    if suffix != Suffix::None {
        num.plain = false;
    }
    if num.scale == 1.0 && num.unit.is_none() {
        if let Some(k) = scale_at(sent, num.end, currency) {
            num.scale = k;
            num.end += 1;
            num.plain = false;
        }
    }
    num.low *= num.scale;
    num.high *= num.scale;
    Read::Num(num)
}

fn single_char(t: &str) -> Option<char> {
    let mut cs = t.chars();
    let c = cs.next()?;
    cs.next().is_none().then_some(c)
}

/// `3-year-old`, `5,000-strong`, `10-fold`, `40-odd`, `20-plus`, `12-member`.
fn read_compound(sent: &Sent<'_>, j: usize, value: f64, word: &str) -> Read {
    let mut num = Num {
        low: value,
        high: value,
        end: j + 1,
        scale: 1.0,
        digits: true,
        ..Num::default()
    };
    if word.starts_with(|c: char| c.is_uppercase()) {
        return Read::Skip(j + 1); // 3-Series, 4-H: names
    }
    let lower = word.to_ascii_lowercase();
    let head = lower.split('-').next().unwrap_or("");
    match head {
        "odd" => num.qualifier = Some(Qualifier::Approximately),
        "plus" => num.qualifier = Some(Qualifier::AtLeast),
        "strong" => {}
        "fold" => {
            num.unit = Some("times");
            num.dim = Some(Dimension::Factor);
        }
        h => {
            if let Some(k) = scale_word(h).or_else(|| scale_abbreviation(h)) {
                num.low *= k;
                num.high *= k;
                num.scale = k;
            } else if let Some((u, d)) =
                single_word_unit(h).or_else(|| h.strip_suffix('s').and_then(single_word_unit))
            {
                num.unit = Some(u);
                num.dim = Some(d);
            } else if h.chars().all(|c| c.is_alphabetic()) && !h.is_empty() {
                // "a 27-nation bloc": the number counts the word in its token
                let tok = sent.toks[j].span;
                let text = sent.text[j];
                let offset = text.find('-').map(|p| p + 1).unwrap_or(0);
                let end = offset + h.len();
                num.counted_in_token = Some(Span::new(tok.start + offset, tok.start + end));
            } else {
                return Read::Skip(j + 1);
            }
        }
    }
    Read::Num(num)
}

/// Words: vague counts ("dozens"), factors ("doubled"), fractions ("half",
/// "a third") and number words ("ten thousand").
fn read_word_number(sent: &Sent<'_>, j: usize) -> Read {
    let w = sent.low(j);
    let mut num = Num {
        end: j + 1,
        scale: 1.0,
        ..Num::default()
    };
    if let Some(unit) = vague_count(w) {
        let prev = if j > 0 { sent.low(j - 1) } else { "" };
        if matches!(
            prev,
            "the" | "their" | "its" | "his" | "her" | "our" | "my" | "your"
        ) {
            return Read::No; // "in their thousands"
        }
        let mut u = unit;
        let mut end = j + 1;
        // "tens of thousands", "hundreds of millions"
        if sent.low(j + 1) == "of" {
            if let Some(big) = vague_count(sent.low(j + 2)).filter(|&b| b >= 1e3 && b > unit) {
                u = unit * big;
                end = j + 3;
            }
        }
        if (w == "tens" && u == unit) || (w == "scores" && sent.low(end) != "of") {
            return Read::No;
        }
        num.low = 2.0 * u;
        num.high = 10.0 * u;
        num.vague = true;
        num.end = end;
        return Read::Num(num);
    }
    if let Some(k) = factor_word(w) {
        num.low = k;
        num.high = k;
        num.unit = Some("times");
        num.dim = Some(Dimension::Factor);
        num.change = w.ends_with("ed") || w.ends_with("ing");
        return Read::Num(num);
    }
    if w == "half" {
        let prev = if j > 0 { sent.low(j - 1) } else { "" };
        let next = sent.low(j + 1);
        let qualified = j > 0 && phrase_before(sent, j, 0, PRE_QUALIFIERS).is_some();
        if (matches!(next, "of" | "the") || qualified)
            && !matches!(
                prev,
                "first" | "second" | "last" | "latter" | "the" | "a" | "one"
            )
        {
            num.low = 0.5;
            num.high = 0.5;
            num.fraction = true;
            return Read::Num(num);
        }
        if sent.low(j + 1) != "a" {
            return Read::No;
        }
    }
    let window = (j + 10).min(sent.len());
    let mut words: Vec<&str> = Vec::with_capacity(window - j);
    for k in j..window {
        if !sent.is_word(k) || sent.blocked[k] {
            break;
        }
        words.push(sent.low(k));
    }
    let Some(wn) = read_words(&words) else {
        return Read::No;
    };
    num.low = wn.value;
    num.high = wn.value;
    num.fraction = wn.fraction;
    num.end = j + wn.len;
    Read::Num(num)
}

/// Whether token `k` continues a number grouped by spaces ("10 000").
fn is_space_group(sent: &Sent<'_>, k: usize) -> bool {
    let t = sent.text[k];
    if sent.kind(k) != Some(TokenKind::Number)
        || t.len() != 3
        || !t.bytes().all(|b| b.is_ascii_digit())
    {
        return false;
    }
    let gap = &sent.src[sent.toks[k - 1].span.end..sent.toks[k].span.start];
    gap.chars().count() == 1 && gap != "\n"
}

/// A scale word at `k` ("million", "bn", "k"; "m" only after a currency).
fn scale_at(sent: &Sent<'_>, k: usize, currency: bool) -> Option<f64> {
    if !sent.is_word(k) || sent.blocked.get(k).copied().unwrap_or(true) {
        return None;
    }
    let w = sent.low(k);
    if w == "k" && !sent.attached(k) && sent.text[k] == "k" {
        return None; // "5 k" alone is rare and often a typo for a unit
    }
    scale_word(w)
        .or_else(|| scale_abbreviation(w))
        .or_else(|| (currency && w == "m").then_some(1e6))
}

/// "1.5m people": after `m`, a plural noun means millions, not metres.
fn plural_noun_follows(sent: &Sent<'_>, k: usize) -> bool {
    let w = sent.low(k);
    sent.is_word(k)
        && !is_np_stop(w)
        && (matches!(
            w,
            "people" | "children" | "men" | "women" | "voters" | "users" | "viewers"
        ) || (w.ends_with('s')
            && !w.ends_with("ss")
            && w.len() > 3
            && !matches!(w, "tall" | "across" | "deep" | "long" | "high" | "wide")))
}

enum Tail {
    Joined(Num),
    /// "3-1", "2 – 0": a score; skip to here.
    Score(usize),
    None,
}

fn range_tail(sent: &Sent<'_>, first: &Num, between: bool, from: bool) -> Tail {
    let k = first.end;
    let conn = sent.low(k);
    let dash = matches!(conn, "-" | "–" | "—" | "‒");
    let ok = dash || (conn == "to" && !from) || (conn == "and" && between) || conn == "or";
    if !ok || sent.blocked.get(k).copied().unwrap_or(true) {
        return Tail::None;
    }
    let mut j = k + 1;
    if let Some((_, len)) = currency_prefix(sent, j) {
        j += len;
    }
    if j >= sent.len() || sent.blocked[j] {
        return Tail::None;
    }
    let Read::Num(second) = read_number(sent, j, false) else {
        return Tail::None;
    };
    if second.vague || second.fraction || second.range || second.digits != first.digits {
        return Tail::None;
    }
    let mut low = first.low;
    let mut scale = first.scale;
    // "20 to 25 million": the second scale covers the first number too
    if first.scale == 1.0 && second.scale > 1.0 && first.low * second.scale <= second.low {
        low = first.low * second.scale;
        scale = second.scale;
    }
    if first.unit.is_some() && second.unit.is_some() && first.unit != second.unit {
        return Tail::None;
    }
    if second.low <= low {
        if dash && first.plain && second.plain && first.low < 100.0 {
            return Tail::Score(second.end);
        }
        return Tail::None;
    }
    if conn == "or" && (first.digits || second.low > 2.0 * low) {
        return Tail::None; // "two or three" is a range; "5 or 500" is a choice
    }
    Tail::Joined(Num {
        low,
        high: second.high,
        range: true,
        end: second.end,
        unit: second.unit.or(first.unit),
        dim: second.dim.or(first.dim),
        scale,
        plain: false,
        digits: first.digits,
        ..Num::default()
    })
}

/// A unit or currency name at `k`: (normalized name, dimension or None for a
/// currency, tokens used).
fn unit_at(
    sent: &Sent<'_>,
    k: usize,
    currency: bool,
    scaled: bool,
) -> Option<(&'static str, Option<Dimension>, usize)> {
    if k >= sent.len() || sent.blocked[k] {
        return None;
    }
    let w = sent.low(k);
    // currencies
    if w == "pounds" || w == "pound" {
        let sterling = sent.low(k + 1) == "sterling";
        if scaled || sterling || currency {
            return Some(("GBP", None, 1 + usize::from(sterling)));
        }
        return Some(("lb", Some(Dimension::Mass), 1));
    }
    let t = sent.text[k];
    if t.len() == 3 && t.chars().all(|c| c.is_ascii_uppercase()) {
        if let Some(code) = currency_code(w) {
            return Some((code, None, 1));
        }
    }
    if let Some(code) = currency_name(w) {
        if !matches!(w, "real" | "rand" | "p" | "won") || sent.is_capitalized(k) && w == "rand" {
            return Some((code, None, 1));
        }
    }
    for len in [3usize, 2] {
        if matches!(sent.low(k + len - 1), "dollar" | "dollars") {
            let nat = (k..k + len - 1)
                .map(|x| sent.low(x))
                .collect::<Vec<_>>()
                .join(" ");
            if let Some(code) = dollar_nationality(&nat) {
                return Some((code, None, len));
            }
        }
    }
    // measurement units, longest name first
    let mut best: Option<(&'static str, Dimension, usize)> = None;
    for u in UNITS {
        for name in u.names {
            let parts = name.split(' ');
            let mut len = 0;
            let mut ok = true;
            for (x, p) in parts.enumerate() {
                let at = k + x;
                if at >= sent.len() || sent.blocked[at] || sent.low(at) != p {
                    ok = false;
                    break;
                }
                len += 1;
            }
            if ok && best.is_none_or(|b| len > b.2) {
                best = Some((u.norm, u.dim, len));
            }
        }
    }
    let (norm, dim, len) = best?;
    // A short unit letter right after a number word is rarely a unit ("two h").
    if len == 1
        && w.len() == 1
        && w != "%"
        && !sent.attached(k)
        && sent.kind(k - 1) != Some(TokenKind::Number)
    {
        return None;
    }
    Some((norm, Some(dim), len))
}

/// A phrase from `list` starting at token `k`.
fn phrase_at(sent: &Sent<'_>, k: usize, list: &[(&str, Qualifier)]) -> Option<(Qualifier, usize)> {
    let mut best: Option<(Qualifier, usize)> = None;
    for &(phrase, q) in list {
        let mut len = 0;
        let ok = phrase.split(' ').enumerate().all(|(x, p)| {
            len += 1;
            k + x < sent.len() && !sent.blocked[k + x] && sent.low(k + x) == p
        });
        if ok && best.is_none_or(|b| len > b.1) {
            best = Some((q, len));
        }
    }
    best
}

/// A phrase from `list` ending right before token `k`, not reaching below `floor`.
fn phrase_before(
    sent: &Sent<'_>,
    k: usize,
    floor: usize,
    list: &[(&str, Qualifier)],
) -> Option<(Qualifier, usize)> {
    let mut best: Option<(Qualifier, usize)> = None;
    for &(phrase, q) in list {
        let len = phrase.split(' ').count();
        if k < floor + len {
            continue;
        }
        let from = k - len;
        let ok = phrase
            .split(' ')
            .enumerate()
            .all(|(x, p)| !sent.blocked[from + x] && sent.low(from + x) == p);
        if ok && best.is_none_or(|b| len > b.1) {
            best = Some((q, len));
        }
    }
    best
}

/// A plain four-digit number that reads as a year (1000-2100).
fn is_year_like(sent: &Sent<'_>, j: usize) -> bool {
    let t = sent.text[j];
    t.len() == 4 && t.parse::<u32>().is_ok_and(|y| (1000..=2100).contains(&y))
}

/// Figures that name or date rather than count. `j` is the number's first
/// token, `qstart` the quantity's (qualifier included).
fn not_a_quantity(sent: &Sent<'_>, num: &Num, j: usize, qstart: usize, qualified: bool) -> bool {
    if !num.digits {
        return false;
    }
    let end = num.end;
    let next = sent.low(end);
    let prev = if qstart > 0 { sent.low(qstart - 1) } else { "" };
    // clock times and dates
    if is_time_marker(next) || (next == "." && is_time_marker(sent.low(end + 1))) {
        return true;
    }
    if is_month(prev) && !qualified
        || is_month(next)
        || (next == "of" && is_month(sent.low(end + 1)))
    {
        return true;
    }
    if matches!(next, "ago" | "later" | "earlier" | "before")
        && num.dim == Some(Dimension::Duration)
    {
        return true;
    }
    if num.dim.is_some() {
        return false;
    }
    if num.plain && is_year_like(sent, j) && !qualified {
        return true;
    }
    // "24/7", "10/08/2024", "9/11"
    if (sent.text.get(end) == Some(&"/") && sent.attached(end))
        || (j > 0 && sent.text[j - 1] == "/" && sent.attached(j))
    {
        return true;
    }
    if !num.plain || qualified {
        return false;
    }
    // reference numbers and designations: "Flight 17", "No. 10", "#1", "Boeing 737"
    if j > 0 && j == qstart {
        let p = sent.low(j - 1);
        if is_reference_noun(p) {
            return true;
        }
        let counted_follows = sent.is_word(end) && !sent.is_capitalized(end) && !is_np_stop(next);
        if sent.is_capitalized(j - 1)
            && sent.is_word(j - 1)
            && !is_np_stop(p)
            && !is_month(p)
            && !counted_follows
        {
            return true;
        }
    }
    // addresses: "10 Downing Street"
    let mut k = end;
    while k < end + 3 && sent.is_capitalized(k) && sent.is_word(k) {
        if is_street_word(sent.low(k)) && k > end {
            return true;
        }
        k += 1;
    }
    if k > end && is_street_word(sent.low(k)) && sent.is_capitalized(k) {
        return true;
    }
    // phone numbers: digit groups side by side ("+44 20 7946 0958", "(555) 123 4567")
    let digit_tok = |x: usize| {
        sent.kind(x) == Some(TokenKind::Number) && sent.text[x].bytes().all(|b| b.is_ascii_digit())
    };
    if digit_tok(end) || (j > 0 && digit_tok(j - 1)) {
        return true;
    }
    if sent.text.get(end) == Some(&")") && digit_tok(end + 1)
        || (j > 0 && sent.text[j - 1] == "+" && sent.attached(j))
    {
        return true;
    }
    // list markers: "1." or "(2)" opening a line
    if j == 0 && matches!(next, "." | ")") {
        return true;
    }
    false
}
