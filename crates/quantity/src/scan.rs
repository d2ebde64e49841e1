//! The single pass over a document's tokens, sentence by sentence.
//!
//! At each token that can start a number the scanner reads: an optional
//! currency and sign, the number (digits or words, with its scale), a range
//! tail, a unit or currency name and post-qualifiers; then it looks back for a
//! qualifier and a change cue and forward for the counted phrase. Each step
//! looks at most a few tokens away, so the pass is linear in the text.

use crate::context::{change_after, change_before, qualifier_after, qualifier_before, Figure};
use crate::counted::counted_phrase;
use crate::filters::{is_designation_number, is_year_like, not_a_quantity, Shape};
use crate::lexicon::{
    currency_name, factor_word, fraction_char, number_word, pre_qualifiers, scale_abbreviation,
    scale_word, vague_count, Dimension,
};
use crate::notation;
use crate::number::{read_digits, read_words, Digits, Suffix};
use crate::scope::scope_of;
use crate::units::{currency_prefix, single_word_unit, unit_at, UnitMatch};
use crate::{Qualifier, Quantity, Reading};
use claimtrail_text::{Document, Span, Token, TokenKind};

use claimtrail_time::Timex;
use std::borrow::Cow;

/// The name of a step of this reader (`quantity::scan::read_range`).
macro_rules! step {
    ($name:ident) => {
        concat!(module_path!(), "::", stringify!($name))
    };
}

/// One sentence's tokens, prepared for the scanner.
pub(crate) struct Sent<'a> {
    /// The sentence's tokens, with currency codes glued to digits split off
    /// and the number they cut rejoined (see [`crate::glue`]).
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

impl Sent<'_> {
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

    pub fn is_word(&self, i: usize) -> bool {
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
    // a number the tokenizer cut after a glued currency ("PS4" "." "7bn") may
    // also have been cut by the sentence splitter: rejoin over the whole document
    let tokens = crate::glue::retokenize(doc.text(), doc.tokens());
    let mut at = 0;
    // one set of buffers for all sentences: the pass allocates per document, not per sentence
    let mut sent = Sent {
        toks: &[],
        text: Vec::new(),
        lower: Vec::new(),
        blocked: Vec::new(),
        timexes: Vec::new(),
        src: doc.text(),
    };
    let mut first = 0;
    let mut group_start = None;
    for s in doc.sentences() {
        while at < tokens.len() && tokens[at].span.start < s.span.end {
            at += 1;
        }
        let start = *group_start.get_or_insert(s.span.start);
        if at > first && tokens[at - 1].span.end > s.span.end {
            continue; // a rejoined number runs into the next sentence: scan them as one
        }
        group_start = None;
        let span = Span::new(start, s.span.end);
        let toks = &tokens[first..at];
        first = at;
        if toks.is_empty() {
            continue;
        }
        sent.toks = toks;
        sent.text.clear();
        sent.text.extend(toks.iter().map(|t| doc.slice(t.span)));
        sent.lower.clear();
        sent.lower.extend(sent.text.iter().map(|t| lower(t)));
        sent.blocked.clear();
        sent.blocked.resize(toks.len(), false);
        sent.timexes.clear();
        while cursor < order.len() && timexes[order[cursor]].span.end <= span.start {
            cursor += 1;
        }
        let mut k = cursor;
        while k < order.len() && timexes[order[k]].span.start < span.end {
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
    /// A part of a whole ("a third of", "half of", "one in three").
    fraction: bool,
    vague: bool,
    qualifier: Option<Qualifier>,
    change: bool,
    /// "a 27-nation bloc": the counted word is inside the number's token.
    counted_in_token: Option<Span>,
    /// A unit glued to the digits ("10km", "87.5p"): its bytes in the token.
    unit_in_token: Option<Span>,
    /// A currency glued after the digits ("87.5p" is GBP).
    currency: Option<&'static str>,
    /// The glued currency is a hundredth ("p": "pence").
    subunit: Option<&'static str>,
    /// The reader that read it (`quantity::scan::read_vague`).
    rule: &'static str,
}

enum Read {
    Num(Num),
    /// "52-35": two counts in one token.
    Tally(f64, f64),
    /// Not a quantity; skip to this token (a phone number, a score, a date).
    Skip(usize),
    No,
}

/// A quantity found in a sentence, with its token range.
struct Found {
    q: Quantity,
    start: usize,
    end: usize,
}

fn scan_sentence(sent: &Sent<'_>, out: &mut Vec<Quantity>) {
    let n = sent.len();
    let mut found: Vec<Found> = Vec::new();
    let mut i = 0;
    let mut floor = 0;
    while i < n {
        if sent.blocked[i] || !may_start(sent, i) {
            i += 1;
            continue;
        }
        match candidate(sent, i, floor) {
            Outcome::Quantity(f) => {
                let f = *f;
                floor = f.end;
                i = f.end.max(i + 1);
                found.push(f);
            }
            Outcome::Pair(pair) => {
                let (a, b) = *pair;
                floor = b.end;
                i = b.end.max(i + 1);
                found.push(a);
                found.push(b);
            }
            Outcome::Skip(end) => {
                i = end.max(i + 1);
                floor = i;
            }
            Outcome::None => i += 1,
        }
    }
    link_neighbours(sent, &mut found);
    for f in found {
        let mut q = f.q;
        q.scope = scope_of(sent, q.span);
        if q.scope.is_some() {
            q.why.push("claimtrail_quantity::scope::scope_of");
        }
        out.push(q);
    }
}

/// A cheap test that token `i` can open a figure: digits, a currency sign or
/// code, a sign, a number word, a vague count, a multiple, a fraction word.
/// Most tokens fail it, which keeps the pass fast.
fn may_start(sent: &Sent<'_>, i: usize) -> bool {
    match sent.kind(i) {
        Some(TokenKind::Number) => true,
        Some(TokenKind::Word) => {
            let w = sent.low(i);
            let next = sent.low(i + 1);
            let before_number = sent.kind(i + 1) == Some(TokenKind::Number) || next == "$";
            crate::lexicon::opens_number(w)
                || matches!(
                    w,
                    "half" | "twice" | "double" | "triple" | "treble" | "halve" | "score"
                )
                || (matches!(w, "a" | "an")
                    && (number_word(next).is_some()
                        || next == "couple"
                        || crate::lexicon::fraction_denominator(next).is_some()))
                || (before_number && sent.text[i].len() <= 4)
                || (w == "minus" && sent.kind(i + 1) == Some(TokenKind::Number))
                || w.split_once(['-', '‑'])
                    .is_some_and(|(head, _)| number_word(head).is_some())
        }
        Some(TokenKind::Symbol | TokenKind::Punct) => {
            let t = sent.text[i];
            // every sign but "$" is outside ASCII: most punctuation needs no lookup
            let sign = (t == "$" || !t.is_ascii()) && crate::lexicon::currency_symbol(t).is_some();
            let glued = crate::glue::is_glued_sign(t); // "#13 billion"
            sign || glued || matches!(t, "-" | "−" | "+")
        }
        _ => false,
    }
}

/// Figures written side by side share what is written once:
/// - a restatement ("up to 160GB or 40,000 songs", "8 km (5.0 mi)") takes the
///   qualifier and change of the figure it restates;
/// - coordinated figures ("rose 166.5 and 93.3% respectively") share a change
///   cue, and a unit written after the last ("1.83 and 2 GHz").
fn link_neighbours(sent: &Sent<'_>, found: &mut [Found]) {
    for k in 1..found.len() {
        let (a, b) = found.split_at_mut(k);
        let (prev, cur) = (&mut a[k - 1], &mut b[0]);
        let gap: Vec<&str> = (prev.end..cur.start).map(|x| sent.low(x)).collect();
        let restates = matches!(
            gap.as_slice(),
            ["or"] | [",", "or"] | ["("] | ["(", "or"] | [",", "which", "is"]
        );
        let coordinated = matches!(gap.as_slice(), ["and"] | [","] | [",", "and"] | ["or"]);
        two_levels(sent, prev, cur, &gap);
        if restates {
            if cur.q.qualifier == Qualifier::Exact
                && prev.q.qualifier != Qualifier::Exact
                && !cur.q.range
                && !cur.q.vague
            {
                set_qualifier(&mut cur.q, prev.q.qualifier);
            }
            cur.q.change |= prev.q.change;
        }
        if coordinated {
            cur.q.change |= prev.q.change;
            if prev.q.unit.is_none()
                && prev.q.counted.is_none()
                && cur.q.unit.is_some()
                && !prev.q.vague
            {
                prev.q.unit = cur.q.unit.clone();
            }
        }
    }
}

/// "rose from 5% to 7%", "cut by $200 to $399": two figures joined by "to"
/// after "from" or "by" are two levels; each gets the range reading.
fn two_levels(sent: &Sent<'_>, prev: &mut Found, cur: &mut Found, gap: &[&str]) {
    let opened = prev.start > 0 && matches!(sent.low(prev.start - 1), "from" | "by");
    let same_unit = prev.q.unit == cur.q.unit;
    if gap != ["to"] || !opened || !same_unit || prev.q.range || cur.q.range {
        return;
    }
    let (a, b) = (prev.q.value, cur.q.value);
    let reading = Reading::Range {
        low: a.min(b),
        high: a.max(b),
    };
    prev.q.alternative = Some(reading);
    cur.q.alternative = Some(reading);
    // "grew from 180 to 215 staff": the counted thing is written once, for both
    if prev.q.counted.is_none() && prev.q.unit.is_none() {
        prev.q.counted = cur.q.counted.clone();
        prev.q.counted_span = cur.q.counted_span;
    }
}

/// Sets a qualifier and the bounds it gives (ranges and vague counts keep theirs).
fn set_qualifier(q: &mut Quantity, qualifier: Qualifier) {
    q.qualifier = qualifier;
    if !q.range && !q.vague {
        let (low, high) = qualifier.bounds(q.value);
        q.low = low;
        q.high = high;
    }
}

enum Outcome {
    Quantity(Box<Found>),
    Pair(Box<(Found, Found)>),
    Skip(usize),
    None,
}

/// What is written before the number: a currency and a sign.
struct Prefix {
    /// The number's first token.
    j: usize,
    currency: Option<&'static str>,
    negative: bool,
    /// The tokens of the currency as written.
    written: Option<(usize, usize)>,
}

/// Reads a currency ("$", "US$", "USD") and a sign ("-", "−", "+") in
/// either order before the number at token `i`.
fn read_prefix(sent: &Sent<'_>, i: usize) -> Prefix {
    let mut p = Prefix {
        j: i,
        currency: None,
        negative: false,
        written: None,
    };
    let currency_at = |p: &mut Prefix| {
        if let Some((code, len)) = currency_prefix(sent, p.j) {
            p.written = Some((p.j, p.j + len));
            p.currency = Some(code);
            p.j += len;
        }
    };
    currency_at(&mut p);
    let j = p.j;
    // "minus 40", but not "7 minus 3" (arithmetic)
    let after_number = j > 0 && sent.kind(j - 1) == Some(TokenKind::Number);
    if sent.low(j) == "minus" && sent.kind(j + 1) == Some(TokenKind::Number) && !after_number {
        p.negative = true;
        p.j += 1;
        return p;
    }
    // "November 18 -19", "5 -7": a dash after a number joins a range, it signs nothing
    let after_a_number =
        j > 0 && (sent.kind(j - 1) == Some(TokenKind::Number) || sent.blocked[j - 1]);
    if matches!(sent.text.get(j).copied(), Some("-" | "−" | "+"))
        && sent.kind(j + 1) == Some(TokenKind::Number)
        && sent.attached(j + 1)
        && (j == 0 || !sent.attached(j))
        && !(after_a_number && sent.text[j] == "-")
    {
        p.negative = sent.text[j] != "+";
        p.j += 1;
        if p.currency.is_none() {
            currency_at(&mut p);
        }
    }
    p
}

/// A figure being read, step by step (see [`candidate`]).
struct Draft {
    /// The figure's first token (its currency or sign), the number's first
    /// token, and the end of the previous figure.
    i: usize,
    j: usize,
    floor: usize,
    num: Num,
    currency: Option<&'static str>,
    negative: bool,
    /// The unit or currency as written.
    written: Option<Span>,
    subunit: Option<&'static str>,
    unit: Option<&'static str>,
    /// The token after the figure so far.
    end: usize,
    /// "between" or "from" opening a range.
    range_start: Option<usize>,
    qualifier: Option<Qualifier>,
    qstart: usize,
    /// The qualifier is a position ("below 5000", "just over 1.40").
    positional: bool,
    change: bool,
    counted: Option<Span>,
    /// The steps that decided something, for `analyze --explain`.
    why: Vec<&'static str>,
}

/// The figure starting at token `i` (no figure may start before `floor`):
/// the number and what is written before it, a range tail, the unit, the
/// qualifiers, the change cues, the filters, the counted thing.
fn candidate(sent: &Sent<'_>, i: usize, floor: usize) -> Outcome {
    let figure = read_figure(sent, i, floor).and_then(|mut d| {
        read_range(sent, &mut d)?;
        read_unit_of(sent, &mut d)?;
        read_qualifiers(sent, &mut d);
        note_qualifiers(&mut d);
        read_change(sent, &mut d);
        filter(sent, &d)?;
        read_counted(sent, &mut d)?;
        Ok(d)
    });
    match figure {
        Ok(d) => Outcome::Quantity(Box::new(build(sent, d))),
        Err(outcome) => outcome,
    }
}

/// The prefix and the number.
fn read_figure(sent: &Sent<'_>, i: usize, floor: usize) -> Result<Draft, Outcome> {
    let prefix = read_prefix(sent, i);
    let (j, currency, negative) = (prefix.j, prefix.currency, prefix.negative);
    if j >= sent.len() || sent.blocked[j] {
        return Err(Outcome::None);
    }
    let num = match read_number(sent, j, currency.is_some()) {
        Read::Num(num) => num,
        Read::Tally(..) if crate::filters::is_score(sent, j) => return Err(Outcome::Skip(j + 1)),
        Read::Tally(a, b) if currency.is_none() && !negative => return Err(tally(sent, j, a, b)),
        Read::Tally(..) => return Err(Outcome::Skip(j + 1)),
        Read::Skip(end) => return Err(Outcome::Skip(end)),
        Read::No => return Err(Outcome::None),
    };
    // the number opens or closes a time expression the time tagger found
    // ("60 and [90 days]", "[November 16] - 17")
    let time_neighbour = in_time_expression(sent, num.end) || (i == j && ends_time_range(sent, j));
    if currency.is_none() && num.unit.is_none() && time_neighbour {
        return Err(Outcome::Skip(num.end));
    }
    let written = prefix
        .written
        .map(|(a, b)| Span::new(sent.toks[a].span.start, sent.toks[b - 1].span.end));
    let num_rule = num.rule;
    Ok(Draft {
        i,
        j,
        floor,
        end: num.end,
        num,
        currency,
        negative,
        written,
        subunit: None,
        unit: None,
        range_start: None,
        qualifier: None,
        qstart: i,
        positional: false,
        change: false,
        counted: None,
        why: vec![num_rule],
    })
}

/// The word before the figure, within the current figure's reach.
fn word_before(sent: &Sent<'_>, d: &Draft) -> String {
    if d.i > d.floor {
        sent.low(d.i - 1).to_string()
    } else {
        String::new()
    }
}

/// Range tail: "10,000 to 12,000", "20 – 25", "between 3 and 7 percent",
/// "from ten to 32" (but "rose from 5% to 7%" and "cut by $200 to $399" are two figures).
fn read_range(sent: &Sent<'_>, d: &mut Draft) -> Result<(), Outcome> {
    let (start, floor) = (d.i, d.floor);
    let before = word_before(sent, d);
    let between = before == "between";
    let from = before == "from";
    let moved_from = from && start >= floor + 2 && is_movement(sent.low(start - 2));
    let after_by = before == "by" || (start > floor + 1 && sent.low(start - 2) == "by");
    if d.num.vague || d.num.fraction || d.num.range {
        return Ok(());
    }
    // "climbed $1.20 to $84.50": a movement verb, then its size and the level reached
    let moved = is_movement(&before);
    match range_tail(sent, &d.num, between, moved_from || after_by, moved) {
        Tail::Joined(joined) => {
            // "1635 – 1699", "from 1893 to 1925": a period, for the time tagger
            let last = sent.text[joined.end - 1];
            let years = is_year_like(sent.text[d.j]) && (is_year_like(last) || last.len() == 2);
            if years && d.currency.is_none() && joined.unit.is_none() {
                return Err(Outcome::Skip(joined.end));
            }
            d.num = Num {
                rule: d.num.rule,
                ..joined
            };
            d.end = d.num.end;
            d.why.push(step!(read_range));
            if between || from {
                d.range_start = Some(start - 1);
            }
            Ok(())
        }
        Tail::Score(end) => Err(Outcome::Skip(end)),
        Tail::None => Ok(()),
    }
}

/// Unit or currency after the number ("millions of dollars" too); cents
/// and pence in hundredths; multiples; durations left to the time tagger.
fn read_unit_of(sent: &Sent<'_>, d: &mut Draft) -> Result<(), Outcome> {
    let after = read_unit(sent, &mut d.num, &mut d.currency, d.end);
    d.end = after.end;
    d.written = after.written.or(d.num.unit_in_token).or(d.written);
    d.subunit = after.subunit.or(d.num.subunit);
    let num = &mut d.num;
    if d.subunit.is_some() {
        num.low /= 100.0;
        num.high /= 100.0;
    }
    // "three times as much" is a multiple; "over one million times" counts occurrences
    if num.unit == Some("times")
        && sent.low(d.end - 1) == "times"
        && !is_multiple_context(sent, d.end)
    {
        num.unit = None;
        num.dim = None;
        d.end -= 1;
    }
    if d.currency.is_some() {
        num.dim = None;
        num.unit = None;
    }
    if num.dim == Some(Dimension::Duration) {
        return Err(Outcome::Skip(d.end)); // durations and ages belong to the time tagger
    }
    if num.fraction {
        num.unit = Some("fraction");
    }
    d.unit = d.currency.or(num.unit);
    if d.unit.is_some() {
        d.why.push(step!(read_unit_of));
    }
    Ok(())
}

/// Post-qualifiers ("or more", "or so", "10,000+", "400,000 plus"), then a
/// qualifier before ("more than"; "below the 5000 mark" reaches over "the"),
/// and additive words ("another 2,000", "an additional 125").
fn read_qualifiers(sent: &Sent<'_>, d: &mut Draft) {
    d.qualifier = d.num.qualifier;
    if let Some((q, len)) = qualifier_after(sent, d.end) {
        d.qualifier = Some(q);
        d.end += len;
    }
    d.qstart = d.range_start.unwrap_or(d.i);
    if d.range_start.is_none() {
        let mark = matches!(sent.low(d.end), "mark" | "level" | "barrier" | "threshold")
            && word_before(sent, d) == "the";
        let at = if mark { d.i - 1 } else { d.i };
        if let Some((q, len)) = qualifier_before(sent, at, d.floor) {
            d.qualifier = Some(q);
            d.qstart = at - len;
            let first = d.qstart + usize::from(matches!(sent.low(d.qstart), "just" | "well"));
            d.positional = matches!(
                sent.low(first),
                "below" | "above" | "under" | "over" | "past" | "beyond"
            );
        }
    }
    let floor = d.floor;
    if d.qstart > floor
        && matches!(
            sent.low(d.qstart - 1),
            "another" | "additional" | "further" | "extra"
        )
    {
        d.change = true;
        d.qstart -= 1;
        if d.qstart > floor
            && matches!(sent.low(d.qstart - 1), "a" | "an")
            && sent.low(d.qstart) != "another"
        {
            d.qstart -= 1;
        }
    }
}

/// The qualifier or the additive word read before or after the figure.
fn note_qualifiers(d: &mut Draft) {
    if d.qualifier.is_some() || d.change {
        d.why.push(step!(read_qualifiers));
    }
}

/// Change cues before ("rose 5%", "another") and after ("a 5% increase",
/// "2,200 more"); multiples are changes.
fn read_change(sent: &Sent<'_>, d: &mut Draft) {
    let unit = d.unit;
    let relative = matches!(
        unit,
        Some("percent" | "percentage_point" | "basis_point" | "point" | "fraction" | "times")
    );
    let figure = Figure {
        relative,
        has_unit: unit.is_some(),
        of_follows: sent.low(d.end) == "of",
        positional: d.positional,
    };
    d.change |=
        d.num.change || unit == Some("times") || change_before(sent, d.qstart, d.floor, &figure);
    let (after, skip) = change_after(sent, d.end);
    d.change |= after;
    // "2,200 more", "20 extra": the additive word belongs to the figure
    if skip > 0 && matches!(sent.low(d.end), "more" | "extra" | "additional") && unit.is_none() {
        d.end += skip;
    }
    if d.change {
        d.why.push(step!(read_change));
    }
}

/// Figures that are not quantities: dates, times, codes, names, addresses, ages.
fn filter(sent: &Sent<'_>, d: &Draft) -> Result<(), Outcome> {
    let shape = Shape {
        first: d.j,
        end: d.num.end,
        qstart: d.qstart,
        digits: d.num.digits,
        plain: d.num.plain,
        value: d.num.low,
        qualified: d.qualifier.is_some(),
        has_unit: d.unit.is_some(),
    };
    if let Some(skip_to) = not_a_quantity(sent, &shape) {
        return Err(Outcome::Skip(skip_to.max(d.num.end)));
    }
    if sent.blocked[d.qstart.min(d.i)..d.end].iter().any(|&b| b) {
        return Err(Outcome::Skip(d.j + 1));
    }
    Ok(())
}

/// The counted thing: for counts and vague counts, and for percentages and
/// fractions of a named set ("40% of voters"); then the checks that need it.
fn read_counted(sent: &Sent<'_>, d: &mut Draft) -> Result<(), Outcome> {
    let (num, unit, from) = (&d.num, d.unit, d.end);
    let of_phrase = sent.low(from) == "of";
    // "the 5000 mark": a level of an index, nothing counted
    let level_word = matches!(sent.low(from), "mark" | "level" | "barrier" | "threshold");
    if !level_word
        && (unit.is_none() || (matches!(unit, Some("percent" | "fraction")) && of_phrase))
    {
        if let Some(span) = num.counted_in_token {
            d.counted = Some(span);
        } else if let Some((a, b)) = counted_phrase(sent, from) {
            d.counted = Some(Span::new(
                sent.toks[a].span.start,
                sent.toks[b - 1].span.end,
            ));
            // "1,500 troops or more"
            if d.qualifier.is_none() {
                d.qualifier = qualifier_after(sent, b).map(|(q, _)| q);
            }
        }
    }
    let counted = d.counted;
    if counted.is_some() {
        d.why.push(step!(read_counted));
    }
    // "hundreds of years": a vague duration
    if num.vague && counted.is_some_and(|c| is_duration_word(&sent.src[c.start..c.end])) {
        return Err(Outcome::Skip(d.end));
    }
    if num.plain && is_year_like(sent.text[d.j]) && d.qualifier.is_some() && counted.is_none() {
        return Err(Outcome::Skip(num.end)); // "around 2000": a year
    }
    let one = !num.digits && num.low == 1.0 && sent.low(d.j) == "one" && num.end == d.j + 1;
    if one && unit.is_none() && (counted.is_none() || of_phrase || is_one_idiom(sent, d.qstart)) {
        return Err(Outcome::None); // "one of the", "no one": a pronoun, not a count
    }
    Ok(())
}

/// The quantity of a figure read to its end: sign, bounds, qualifier.
fn build(sent: &Sent<'_>, d: Draft) -> Found {
    let num = &d.num;
    let sign = if d.negative { -1.0 } else { 1.0 };
    let (mut low, mut high) = (num.low * sign, num.high * sign);
    if low > high {
        std::mem::swap(&mut low, &mut high);
    }
    let default = if num.vague {
        Qualifier::Approximately
    } else {
        Qualifier::Exact
    };
    let text = |s: Span| sent.src[s.start..s.end].to_string();
    let mut q = Quantity {
        span: Span::new(
            sent.toks[d.qstart].span.start,
            sent.toks[d.end - 1].span.end,
        ),
        value: low,
        low: Some(low),
        high: Some(high),
        qualifier: default,
        unit: d.unit.map(str::to_string),
        counted: d.counted.map(text),
        counted_span: d.counted,
        change: d.change,
        scope: None,
        range: num.range,
        vague: num.vague,
        unit_written: d.written.map(text),
        stated_unit: d.subunit.map(str::to_string),
        alternative: (num.range && !num.vague).then_some(Reading::Levels {
            from: low,
            to: high,
        }),
        why: d.why,
    };
    if num.range || num.vague {
        q.value = (low + high) / 2.0;
        match d.qualifier {
            Some(Qualifier::MoreThan | Qualifier::AtLeast) => q.high = None,
            Some(Qualifier::LessThan | Qualifier::UpTo) => q.low = None,
            _ => {}
        }
        q.qualifier = d.qualifier.unwrap_or(default);
    } else {
        set_qualifier(&mut q, d.qualifier.unwrap_or(default));
    }
    Found {
        q,
        start: d.qstart,
        end: d.end,
    }
}

/// What a unit after the number gave.
struct After {
    end: usize,
    written: Option<Span>,
    subunit: Option<&'static str>,
}

/// Reads a unit or currency name after the number ending at token `end`
/// ("per cent", "cents", "Canadian dollars", "millions of dollars", "$249 USD").
fn read_unit(
    sent: &Sent<'_>,
    num: &mut Num,
    currency: &mut Option<&'static str>,
    mut end: usize,
) -> After {
    let span = |a: usize, b: usize| {
        Some(Span::new(
            sent.toks[a].span.start,
            sent.toks[b - 1].span.end,
        ))
    };
    let mut out = After {
        end,
        written: None,
        subunit: None,
    };
    if currency.is_none() && num.currency.is_some() {
        *currency = num.currency; // "87.5p"
    }
    if num.vague && sent.low(end) == "of" {
        if let Some(code) = currency_name(sent.low(end + 1)).filter(|c| c.len() == 3) {
            *currency = Some(code);
            out.written = span(end + 1, end + 2);
            end += 2;
        }
    }
    if num.unit.is_none() && !num.fraction && num.currency.is_none() {
        if let Some(u) = unit_at(sent, end, currency.is_some(), num.scale > 1.0) {
            match (u.dim, *currency) {
                (None, Some(c)) if c != u.norm && u.subunit.is_none() => {} // "$5 euros": keep the sign
                (None, _) => {
                    *currency = Some(u.norm);
                    out.subunit = u.subunit;
                    out.written = span(end, end + u.len);
                    end += u.len;
                }
                (Some(dim), _) => {
                    num.unit = Some(u.norm);
                    num.dim = Some(dim);
                    out.written = span(end, end + u.len);
                    end += u.len;
                }
            }
        }
    } else if let Some(u) =
        unit_at(sent, end, true, true).filter(|u| u.dim.is_none() && Some(u.norm) == *currency)
    {
        end += u.len; // "$249 USD"
    }
    out.end = end;
    out
}

fn is_duration_word(w: &str) -> bool {
    single_word_unit(&w.to_ascii_lowercase()).is_some_and(|(_, d)| d == Dimension::Duration)
}

/// Whether the number before token `k` belongs to a time expression that
/// starts right after it: a blocked duration word ("Ten [years ago]") or a
/// blocked number after a range connector ("60 and [90 days]").
fn in_time_expression(sent: &Sent<'_>, k: usize) -> bool {
    let blocked = |x: usize| x < sent.len() && sent.blocked[x];
    let timeish = |x: usize| {
        blocked(x)
            && (single_word_unit(sent.low(x)).is_some_and(|(_, d)| d == Dimension::Duration)
                || sent.kind(x) == Some(TokenKind::Number)
                || number_word(sent.low(x)).is_some())
    };
    let conn = matches!(sent.low(k), "and" | "to" | "-" | "–" | "—" | "--" | "or");
    timeish(k) || (conn && timeish(k + 1))
}

/// Whether the number at token `j` ends a date range whose start the time
/// tagger found: "[November 16] - 17", "[May 5] to 7".
fn ends_time_range(sent: &Sent<'_>, j: usize) -> bool {
    let day = sent.text[j].len() <= 2 && sent.text[j].bytes().all(|b| b.is_ascii_digit());
    day && j >= 2 && matches!(sent.low(j - 1), "-" | "–" | "to" | "and") && sent.blocked[j - 2]
}

/// "52-35": a tally gives two counts, each spanning its part of the token.
fn tally(sent: &Sent<'_>, j: usize, first: f64, second: f64) -> Outcome {
    let tok = sent.toks[j].span;
    let Some(h) = sent.text[j].find('-') else {
        return Outcome::Skip(j + 1);
    };
    let count = |span: Span, value: f64| Found {
        q: Quantity {
            span,
            value,
            low: Some(value),
            high: Some(value),
            qualifier: Qualifier::Exact,
            unit: None,
            counted: None,
            counted_span: None,
            change: false,
            scope: None,
            range: false,
            vague: false,
            unit_written: None,
            stated_unit: None,
            alternative: None,
            why: vec![step!(tally)],
        },
        start: j,
        end: j + 1,
    };
    Outcome::Pair(Box::new((
        count(Span::new(tok.start, tok.start + h), first),
        count(Span::new(tok.start + h + 1, tok.end), second),
    )))
}

/// "no one", "the one", "this one", "each one": a pronoun, not a count.
fn is_one_idiom(sent: &Sent<'_>, qstart: usize) -> bool {
    qstart > 0 && crate::lexicon::listed("one_idiom", sent.low(qstart - 1))
}

/// Verbs of movement before "from": "rose from 5% to 7%" gives two levels.
fn is_movement(w: &str) -> bool {
    crate::lexicon::is_change_cue_before(w) || crate::lexicon::listed("movement", w)
}

/// After "N times": a comparison follows ("as", "more", "the size") for a multiple.
fn is_multiple_context(sent: &Sent<'_>, k: usize) -> bool {
    let w = sent.low(k);
    crate::lexicon::listed("multiple_context", w) || (w.len() > 3 && w.ends_with("er"))
}

/// Reads the number starting at token `j`.
fn read_number(sent: &Sent<'_>, j: usize, currency: bool) -> Read {
    match sent.kind(j) {
        Some(TokenKind::Number) => read_by(
            read_digit_number(sent, j, currency),
            step!(read_digit_number),
        ),
        Some(TokenKind::Word) => read_word_number(sent, j),
        _ => Read::No,
    }
}

/// A number read by the reader named `rule`.
fn read_by(read: Read, rule: &'static str) -> Read {
    match read {
        Read::Num(num) => Read::Num(Num { rule, ..num }),
        other => other,
    }
}

/// A number read from a notation ("3.1E-05", ".004") ending before token `end`.
fn notated(value: f64, end: usize) -> Num {
    Num {
        low: value,
        high: value,
        end,
        scale: 1.0,
        digits: true,
        ..Num::default()
    }
}

/// A scale word after the number ("million", "bn") folded into it.
fn scaled(sent: &Sent<'_>, mut num: Num, currency: bool) -> Num {
    if let Some(k) = scale_at(sent, num.end, currency) {
        num.scale = k;
        num.end += 1;
        num.low *= k;
        num.high *= k;
    }
    num
}

fn read_digit_number(sent: &Sent<'_>, j: usize, currency: bool) -> Read {
    if let Some(num) = notation_number(sent, j, currency) {
        return Read::Num(num);
    }
    let (mut num, suffix) = match digit_token(sent, j) {
        Ok(read) => read,
        Err(_) if temperature_in_letters(sent, j) => {
            return Read::Num(temperature(sent, j)); // "temperatures of 35C"
        }
        Err(other) => return *other,
    };
    // "221B Baker Street", "a 10K race": a capital letter glued to digits is a
    // scale only after a currency ("$3B", "US$12K")
    let capital = sent.text[j].ends_with(|c: char| c.is_ascii_uppercase())
        && sent.text[j][..sent.text[j].len() - 1].ends_with(|c: char| c.is_ascii_digit());
    if capital && matches!(suffix, Suffix::Scale(_)) && !currency {
        return Read::Skip(j + 1);
    }
    glued_fraction(sent, j, &mut num, suffix);
    if let Some((power, end)) = notation::times_ten_to(sent, num.end) {
        // "6.02×10²³", "2.5 x 10^6": through the decimal form, so that
        // 6.02×10²³ is the nearest double to 6.02e23
        let times = |v: f64| {
            format!("{v}e{power}")
                .parse()
                .unwrap_or(v * 10f64.powi(power))
        };
        num.low = times(num.low);
        num.high = times(num.high);
        num.end = end;
        num.plain = false;
    }
    apply_suffix(sent, j, &mut num, suffix, currency);
    if num.scale == 1.0 && num.unit.is_none() {
        if let Some(k) = scale_at(sent, num.end, currency) {
            num.scale = k;
            num.end += 1;
            num.plain = false;
        }
    }
    // "1.2 lakh crore", "50 thousand crore": a larger scale multiplies the first
    if let Some(k) = scale_at(sent, num.end, currency).filter(|&k| num.scale > 1.0 && k > num.scale)
    {
        num.scale *= k;
        num.end += 1;
    }
    num.low *= num.scale;
    num.high *= num.scale;
    one_in_n(sent, &mut num);
    Read::Num(num)
}

/// "35C", "104F" with a word of temperature a few tokens before
/// ("temperatures of 35C", "highs of 104F"); alone, "5C" is a model name.
fn temperature_in_letters(sent: &Sent<'_>, j: usize) -> bool {
    let t = sent.text[j];
    let Some(digits) = t.strip_suffix(['C', 'F']) else {
        return false;
    };
    let shaped = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && !digits.starts_with('0');
    shaped
        && (j.saturating_sub(4)..j).any(|k| crate::lexicon::listed("temperature_cue", sent.low(k)))
}

fn temperature(sent: &Sent<'_>, j: usize) -> Num {
    let t = sent.text[j];
    let value = t[..t.len() - 1].parse().unwrap_or(0.0);
    let tok = sent.toks[j].span;
    Num {
        unit: Some(if t.ends_with('C') {
            "celsius"
        } else {
            "fahrenheit"
        }),
        dim: Some(Dimension::Temperature),
        unit_in_token: Some(Span::new(tok.end - 1, tok.end)),
        ..notated(value, j + 1)
    }
}

/// ".004", "3.1E-05", "3.1e" "+" "05": numbers in a notation of their own.
fn notation_number(sent: &Sent<'_>, j: usize, currency: bool) -> Option<Num> {
    let text = sent.text[j];
    if let Some(v) = notation::leading_dot(text) {
        return Some(scaled(sent, notated(v, j + 1), currency));
    }
    if let Some(v) = notation::e_notation(text) {
        return Some(notated(v, j + 1));
    }
    notation::split_e_notation(sent, j).map(|(v, end)| notated(v, end))
}

/// The digit token at `j` (and digit groups spaced after it, "10 000"), with
/// its suffix; or what to do when it is no number.
fn digit_token(sent: &Sent<'_>, j: usize) -> Result<(Num, Suffix), Box<Read>> {
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
            // "10 000": digits grouped by spaces; more groups than a
            // trillion has are a list of numbers ("99 100 101 102 103 ...").
            let groups = (num.end..sent.len())
                .take(MAX_SPACE_GROUPS + 1)
                .take_while(|&k| is_space_group(sent, k))
                .count();
            if plain && text.len() <= 3 && groups <= MAX_SPACE_GROUPS {
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
            if is_designation_like(text) {
                return Err(Box::new(Read::Skip(j + 1))); // 737-800, 777-200LR
            }
            num.low = low;
            num.high = high;
            num.range = true;
            suffix
        }
        Digits::Tally { first, second } => {
            if is_designation_like(text) {
                return Err(Box::new(Read::Skip(j + 1))); // 777-200
            }
            return Err(Box::new(Read::Tally(first, second)));
        }
        // ordinals rank, they do not count: "1st", "22nd"
        Digits::Ordinal(_) => return Err(Box::new(Read::Skip(j + 1))),
        Digits::Compound { value, word } => {
            return Err(Box::new(read_compound(
                sent,
                j,
                value,
                word,
                text.len() - word.len(),
            )))
        }
        Digits::NotAQuantity => return Err(Box::new(Read::Skip(j + 1))),
    };
    Ok((num, suffix))
}

/// A fraction glued to the number: "2½", "3⁄8", "1/64 of an inch".
fn glued_fraction(sent: &Sent<'_>, j: usize, num: &mut Num, suffix: Suffix) {
    let vulgar = sent
        .text
        .get(num.end)
        .and_then(|t| single_char(t))
        .and_then(fraction_char);
    if let Some(f) = vulgar.filter(|_| sent.attached(num.end) && !num.range) {
        num.low += f;
        num.high += f;
        num.end += 1;
        num.plain = false;
    }
    if suffix != Suffix::None || !num.plain || num.end != j + 1 {
        return;
    }
    let Some((v, end)) = notation::slash_fraction(sent, j, num.low) else {
        return;
    };
    num.low = v;
    num.high = v;
    num.end = end;
    num.plain = false;
    num.fraction = sent.low(end) == "of";
    // "1/64 of an inch": a measure, in the unit named after "of"
    let unit = single_word_unit(sent.low(end + 2)).filter(|(_, d)| *d != Dimension::Duration);
    if let (true, "a" | "an", Some((u, d))) = (num.fraction, sent.low(end + 1), unit) {
        num.fraction = false;
        num.unit = Some(u);
        num.dim = Some(d);
        let (a, b) = (sent.toks[end + 2].span.start, sent.toks[end + 2].span.end);
        num.unit_in_token = Some(Span::new(a, b));
        num.end = end + 3;
    }
}

/// What a letter suffix glued to the digits says: a scale ("3bn"), a
/// million or a metre ("70m"), a unit ("10km"), pence ("87.5p").
fn apply_suffix(sent: &Sent<'_>, j: usize, num: &mut Num, suffix: Suffix, currency: bool) {
    match suffix {
        Suffix::None => return,
        Suffix::Scale(k) => num.scale = k,
        Suffix::M => {
            if currency || !metre_context(sent, j, num.end) {
                num.scale = 1e6;
            } else {
                num.unit = Some("m");
                num.dim = Some(Dimension::Length);
            }
        }
        Suffix::Unit(u, d) => {
            num.unit = Some(u);
            num.dim = Some(d);
            // "250km/h": the glued unit goes on after the token
            let text = sent.text[j];
            let letters = &text[text.trim_end_matches(|c: char| c.is_alphabetic()).len()..];
            let first = letters.to_ascii_lowercase();
            if let Some((u, d, len)) = crate::units::unit_continued(sent, &first, num.end) {
                num.unit = Some(u);
                num.dim = Some(d);
                num.end += len;
                let tok = sent.toks[j].span;
                let end = sent.toks[num.end - 1].span.end;
                num.unit_in_token = Some(Span::new(tok.end - letters.len(), end));
                num.plain = false;
                return;
            }
        }
        Suffix::Pence => {
            num.currency = Some("GBP");
            num.subunit = Some("pence");
        }
    }
    num.plain = false;
    if num.unit.is_some() || num.currency.is_some() {
        // the unit's letters at the end of the token: "10km", "20-25km", "87.5p"
        let (text, tok) = (sent.text[j], sent.toks[j].span);
        let letters = text.len() - text.trim_end_matches(|c: char| c.is_alphabetic()).len();
        num.unit_in_token = Some(Span::new(tok.end - letters, tok.end));
    }
}

/// "737-800": a designation number with a variant, not a range.
fn is_designation_like(t: &str) -> bool {
    let Some((a, b)) = t.split_once('-') else {
        return false;
    };
    (a.len() == 3 && b.len() == 3 && b.ends_with("00") && !a.ends_with('0'))
        || is_designation_number(a)
}

/// `m` glued to digits is a metre only beside a word of size or a sport
/// ("2m tall", "a 70m tower", "the 100m final"); otherwise a million ("70m passengers").
fn metre_context(sent: &Sent<'_>, j: usize, end: usize) -> bool {
    let next = sent.low(end);
    let sized = crate::lexicon::listed("metre_context", next);
    sized || (j > 0 && matches!(sent.low(j - 1), "a" | "an"))
}

/// "one in three", "one out of every 200": a fraction.
fn one_in_n(sent: &Sent<'_>, num: &mut Num) {
    if num.range
        || num.vague
        || num.fraction
        || num.unit.is_some()
        || num.low > 10.0
        || num.low <= 0.0
    {
        return;
    }
    let mut k = num.end;
    match (sent.low(k), sent.low(k + 1)) {
        ("in", _) => k += 1,
        ("out", "of") => k += 2,
        _ => return,
    }
    if sent.low(k) == "every" {
        k += 1;
    }
    let Read::Num(den) = read_number(sent, k, false) else {
        return;
    };
    let year = den.plain && is_year_like(sent.text[k]);
    if den.range || den.vague || den.fraction || den.unit.is_some() || year || den.low <= num.low {
        return;
    }
    num.low /= den.low;
    num.high = num.low;
    num.end = den.end;
    num.fraction = true;
    num.plain = false;
}

fn single_char(t: &str) -> Option<char> {
    let mut cs = t.chars();
    let c = cs.next()?;
    cs.next().is_none().then_some(c)
}

/// `3-year-old`, `5,000-strong`, `10-fold`, `40-odd`, `20-plus`, `12-member`,
/// `three-nation`: a number hyphenated to `word`, which starts at byte `offset`
/// of the token.
fn read_compound(sent: &Sent<'_>, j: usize, value: f64, word: &str, offset: usize) -> Read {
    let mut num = Num {
        low: value,
        high: value,
        end: j + 1,
        scale: 1.0,
        digits: true,
        ..Num::default()
    };
    if word.starts_with(|c: char| c.is_uppercase()) || word.contains(|c: char| c.is_ascii_digit()) {
        return Read::Skip(j + 1); // 3-Series, 30-to-60-day
    }
    let lower = word.to_ascii_lowercase();
    let head = lower.split('-').next().unwrap_or("");
    match head {
        "a" | "per" => {} // "£4.7bn-a-year": a rate, nothing counted
        "odd" => num.qualifier = Some(Qualifier::Approximately),
        "plus" => num.qualifier = Some(Qualifier::AtLeast),
        "strong" => {}
        "fold" => {
            num.unit = Some("times");
            num.dim = Some(Dimension::Factor);
        }
        h => {
            // "25-hundred" is 2,500
            let hundred = (h == "hundred").then_some(100.0);
            if let Some(k) = scale_word(h).or_else(|| scale_abbreviation(h)).or(hundred) {
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
                num.counted_in_token =
                    Some(Span::new(tok.start + offset, tok.start + offset + h.len()));
            } else {
                return Read::Skip(j + 1);
            }
        }
    }
    if num.unit.is_none() && num.qualifier.is_some() {
        // "20-plus months": a unit may follow the compound
        if let Some(u) = unit_at(sent, j + 1, false, false).filter(|u| u.dim.is_some()) {
            num.unit = Some(u.norm);
            num.dim = u.dim;
            num.end += u.len;
        }
    }
    Read::Num(num)
}

/// Words: vague counts ("dozens"), multiples ("doubled", "twice as"),
/// fractions ("half of", "a third of") and number words ("ten thousand").
fn read_word_number(sent: &Sent<'_>, j: usize) -> Read {
    type Reader = fn(&Sent<'_>, usize) -> Option<Read>;
    let readers: [(Reader, &'static str); 4] = [
        (read_vague, step!(read_vague)),
        (read_multiple, step!(read_multiple)),
        (read_half, step!(read_half)),
        (read_word_compound, step!(read_word_compound)),
    ];
    for (reader, rule) in readers {
        if let Some(read) = reader(sent, j) {
            return read_by(read, rule);
        }
    }
    read_by(read_number_words(sent, j), step!(read_number_words))
}

/// A number read from words, before its range, unit and context.
fn word_num(j: usize) -> Num {
    Num {
        end: j + 1,
        scale: 1.0,
        ..Num::default()
    }
}

fn word_before_at<'s>(sent: &'s Sent<'_>, j: usize) -> &'s str {
    if j > 0 {
        sent.low(j - 1)
    } else {
        ""
    }
}

/// Vague counts: "dozens", "thousands", "tens of thousands", "hundreds of millions".
fn read_vague(sent: &Sent<'_>, j: usize) -> Option<Read> {
    let (w, next, prev) = (sent.low(j), sent.low(j + 1), word_before_at(sent, j));
    let unit = vague_count(w)?;
    let determiner = matches!(
        prev,
        "the" | "their" | "its" | "his" | "her" | "our" | "my" | "your"
    );
    if determiner && next != "of" {
        return Some(Read::No); // "in their thousands", "by the hundreds"
    }
    let mut u = unit;
    let mut end = j + 1;
    // "tens of thousands", "hundreds of millions"
    if next == "of" {
        if let Some(big) = vague_count(sent.low(j + 2)).filter(|&b| b >= 1e3 && b > unit) {
            u = unit * big;
            end = j + 3;
        }
    }
    if (w == "tens" && u == unit) || (w == "scores" && sent.low(end) != "of") {
        return Some(Read::No);
    }
    let mut num = word_num(j);
    // "tens of thousands" starts at ten thousand; "dozens", "hundreds" at two of them
    num.low = if w == "tens" { u } else { 2.0 * u };
    num.high = 10.0 * u;
    num.vague = true;
    num.end = end;
    Some(Read::Num(num))
}

/// A multiple as a change: "doubled", "twice as fast", "halve".
fn multiple(num: &mut Num, k: f64) {
    num.low = k;
    num.high = k;
    num.unit = Some("times");
    num.dim = Some(Dimension::Factor);
    num.change = true;
}

/// "twice as fast", "double the speed", "halve its dividend", "doubled",
/// and the counting words "a couple of" (about two) and "a score of" (20).
fn read_multiple(sent: &Sent<'_>, j: usize) -> Option<Read> {
    let (w, next, prev) = (sent.low(j), sent.low(j + 1), word_before_at(sent, j));
    let mut num = word_num(j);
    if w == "a" && next == "couple" && sent.low(j + 2) == "of" {
        num.low = 2.0;
        num.high = 2.0;
        num.end = j + 2;
        num.qualifier = Some(Qualifier::Approximately);
        return Some(Read::Num(num));
    }
    let compared = is_compared(next);
    let k = match w {
        _ if factor_word(w).is_some() => factor_word(w)?,
        "twice" | "double" if compared => 2.0,
        "triple" | "treble" if compared => 3.0,
        "halve" => 0.5,
        "score" if prev == "a" && next == "of" => {
            num.low = 20.0;
            num.high = 20.0;
            return Some(Read::Num(num));
        }
        _ => return None,
    };
    multiple(&mut num, k);
    Some(Read::Num(num))
}

/// A word after a multiple or fraction that compares: "twice as", "half the".
fn is_compared(next: &str) -> bool {
    matches!(
        next,
        "as" | "the" | "that" | "its" | "their" | "his" | "her" | "our"
    )
}

/// "half of", "half the country" (a fraction), "half the price" (a multiple),
/// "about half"; not "the second half", "one and a half" (read elsewhere).
fn read_half(sent: &Sent<'_>, j: usize) -> Option<Read> {
    let (w, next, prev) = (sent.low(j), sent.low(j + 1), word_before_at(sent, j));
    if w != "half" || next == "a" {
        return None;
    }
    if matches!(
        prev,
        "first" | "second" | "last" | "latter" | "the" | "a" | "one" | "and"
    ) {
        return Some(Read::No);
    }
    let mut num = word_num(j);
    num.low = 0.5;
    num.high = 0.5;
    if next == "of" {
        num.fraction = true;
        return Some(Read::Num(num));
    }
    if is_compared(next) {
        if next == "the" && !is_value_noun(sent.low(j + 2)) {
            num.fraction = true; // "half the country"
        } else {
            multiple(&mut num, 0.5); // "half the price", "about half that"
        }
        return Some(Read::Num(num));
    }
    if crate::context::phrase_before(sent, j, 0, pre_qualifiers()).is_some() {
        num.fraction = true;
        return Some(Read::Num(num));
    }
    Some(Read::No)
}

/// "three-nation alliance", "two-mile", "twenty-five-year".
fn read_word_compound(sent: &Sent<'_>, j: usize) -> Option<Read> {
    let w = sent.low(j);
    let (value, offset) = word_compound(w)?;
    if value == 1.0 && !w.ends_with("fold") {
        return Some(Read::No); // one-time, one-off, one-sided
    }
    Some(
        match read_compound(sent, j, value, &sent.text[j][offset..], offset) {
            Read::Num(mut n) => {
                n.digits = false;
                Read::Num(n)
            }
            other => other,
        },
    )
}

/// Number words: "ten thousand", "a third of", "three and a half".
fn read_number_words(sent: &Sent<'_>, j: usize) -> Read {
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
    let mut num = word_num(j);
    num.low = wn.value;
    num.high = wn.value;
    num.fraction = wn.fraction;
    num.end = j + wn.len;
    if num.fraction && sent.low(num.end) != "of" && !compared_fraction(sent, num.end) {
        // "a quarter" alone is a period of time; "a third" an ordinal
        let qualified = crate::context::phrase_before(sent, j, 0, pre_qualifiers()).is_some();
        if !qualified {
            return Read::No;
        }
    }
    if !num.fraction {
        one_in_n(sent, &mut num);
    }
    Read::Num(num)
}

/// A number word hyphenated to another word ("three-nation"): its value and
/// the byte offset of the rest. The longest number prefix wins ("twenty-five-year").
fn word_compound(w: &str) -> Option<(f64, usize)> {
    if read_words(&[w]).is_some() {
        return None; // "twenty-five", "two-thirds": a number on its own
    }
    let mut best = None;
    for (p, _) in w.match_indices('-') {
        if let Some(n) = read_words(&[&w[..p]]).filter(|n| !n.fraction && n.len == 1) {
            if w[p + 1..].chars().all(|c| c.is_alphabetic() || c == '-') && p + 1 < w.len() {
                best = Some((n.value, p + 1));
            }
        }
    }
    best
}

/// "one-third the size": a fraction compared to a value.
fn compared_fraction(sent: &Sent<'_>, k: usize) -> bool {
    matches!(sent.low(k), "the" | "that" | "as")
        && (sent.low(k) != "the" || is_value_noun(sent.low(k + 1)))
}

/// Nouns of amounts: "half the price" compares values, "half the country" divides a set.
fn is_value_noun(w: &str) -> bool {
    crate::lexicon::listed("value_noun", w)
}

/// At most this many groups of three digits follow the first in a number
/// grouped by spaces ("999 999 999 999 999").
const MAX_SPACE_GROUPS: usize = 4;

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
    if w == "k" || w == "b" {
        return None; // a lone letter is rarely a scale
    }
    scale_word(w)
        .or_else(|| scale_abbreviation(w))
        .or_else(|| (currency && w == "m").then_some(1e6))
}

enum Tail {
    Joined(Num),
    /// "3-1", "2 – 0": a score; skip to here.
    Score(usize),
    None,
}

/// A unit written after both ends of a range ("between 3% and 4%", "2 per
/// cent to 2.5 per cent"): the unit after the first end, when a connector
/// follows it. Returns the unit and the token after it.
fn repeated_unit(sent: &Sent<'_>, first: &Num) -> Option<(UnitMatch, usize)> {
    if first.unit.is_some() {
        return None;
    }
    let u = unit_at(sent, first.end, false, first.scale > 1.0).filter(|u| u.dim.is_some())?;
    let k = first.end + u.len;
    matches!(sent.low(k), "-" | "–" | "to" | "and").then_some((u, k))
}

/// The second end of a range after the number `first`. `two_levels`: "to"
/// joins two levels ("from 5% to 7%" after a movement); `moved`: a movement
/// verb before the number, so "to" joins a change and a level when the
/// second is far above the first ("climbed $1.20 to $84.50", but "rose 10 to
/// 15 percent" is a range).
fn range_tail(sent: &Sent<'_>, first: &Num, between: bool, two_levels: bool, moved: bool) -> Tail {
    let repeated = repeated_unit(sent, first);
    let k = repeated.map_or(first.end, |(_, k)| k);
    let conn = sent.low(k);
    let dash = matches!(conn, "-" | "–" | "—" | "‒" | "--");
    let ok = dash || (conn == "to" && !two_levels) || (conn == "and" && between) || conn == "or";
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
    let Read::Num(mut second) = read_number(sent, j, false) else {
        return Tail::None;
    };
    if second.vague || second.fraction || second.range {
        return Tail::None;
    }
    if let Some((u, _)) = repeated {
        // the second end repeats the unit: "3% and 4%"
        let again = unit_at(sent, second.end, false, second.scale > 1.0)
            .filter(|v| v.norm == u.norm && second.unit.is_none());
        let Some(again) = again else {
            return Tail::None;
        };
        second.unit = Some(u.norm);
        second.dim = u.dim;
        let (a, b) = (
            sent.toks[second.end].span.start,
            sent.toks[second.end + again.len - 1].span.end,
        );
        second.unit_in_token = Some(Span::new(a, b));
        second.end += again.len;
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
    if conn == "to" && moved && second.low > 4.0 * low {
        return Tail::None;
    }
    if conn == "or" && (first.digits || second.digits || second.low > 2.0 * low) {
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
        qualifier: (conn == "or").then_some(Qualifier::Approximately),
        unit_in_token: second.unit_in_token,
        ..Num::default()
    })
}
