//! The token view the grammar works on, and the match it produces.
//!
//! Each sentence's tokens are classified once ([`Tok`]: text, kind, lexicon
//! class, capitalisation); the grammar rules then look at classes and a few
//! literal words, never at the raw text with regular expressions, so tagging
//! is one pass over the tokens.

use crate::calendar::Point;
use crate::lexicon::{lookup, Lex, W};
use crate::tense::{self, Tense};
use crate::{TimexMod, TimexType};
use chrono::NaiveDate;
use claimtrail_text::{Span, TokenKind};

/// One token of the sentence being tagged.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Tok<'a> {
    pub s: &'a str,
    pub span: Span,
    pub kind: TokenKind,
    pub lex: Lex,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

impl<'a> Tok<'a> {
    pub(crate) fn new(s: &'a str, span: Span, kind: TokenKind) -> Tok<'a> {
        let lex = if kind == TokenKind::Word {
            lookup(s)
        } else {
            Lex::None
        };
        let cap = s.chars().next().is_some_and(char::is_uppercase);
        Tok {
            s,
            span,
            kind,
            lex,
            cap,
        }
    }
}

/// What a match denotes.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Kind {
    Point(Point),
    Duration(String),
    Set(String),
    /// PRESENT_REF, PAST_REF, FUTURE_REF (type DATE).
    Ref(&'static str),
}

/// A match: tokens `[start, end)` of the sentence.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Hit {
    pub start: usize,
    pub end: usize,
    pub kind: Kind,
    pub modifier: Option<TimexMod>,
    /// A byte span inside one token, when the expression is part of a token
    /// ("2009" and "2010" of "2009-2010").
    pub bytes: Option<Span>,
    /// The value comes from the part of the year in context ("a year ago"
    /// in an earnings report); such a hit does not become the context itself.
    pub from_context: bool,
    /// The rule that made the hit (`time::grammar::dates::month_first`), for
    /// `analyze --explain`: the outermost named rule.
    pub rule: &'static str,
}

impl Hit {
    pub(crate) fn new(start: usize, end: usize, kind: Kind) -> Hit {
        Hit {
            start,
            end,
            kind,
            modifier: None,
            bytes: None,
            from_context: false,
            rule: "",
        }
    }

    /// This hit, made by `rule`.
    pub(crate) fn by(mut self, rule: &'static str) -> Hit {
        self.rule = rule;
        self
    }

    /// This hit with its value from the article's context.
    pub(crate) fn in_context(mut self) -> Hit {
        self.from_context = true;
        self
    }

    pub(crate) fn point(start: usize, end: usize, p: Point) -> Hit {
        Hit::new(start, end, Kind::Point(p))
    }

    pub(crate) fn with_mod(mut self, m: Option<TimexMod>) -> Hit {
        if m.is_some() {
            self.modifier = m;
        }
        self
    }

    pub(crate) fn ttype(&self) -> TimexType {
        match &self.kind {
            Kind::Point(p) if p.is_time() => TimexType::Time,
            Kind::Point(_) | Kind::Ref(_) => TimexType::Date,
            Kind::Duration(_) => TimexType::Duration,
            Kind::Set(_) => TimexType::Set,
        }
    }

    pub(crate) fn value(&self) -> String {
        match &self.kind {
            Kind::Point(p) => p.value(),
            Kind::Duration(v) | Kind::Set(v) => v.clone(),
            Kind::Ref(r) => r.to_string(),
        }
    }
}

/// A number token, read.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) enum Num {
    /// Plain digits (`8`, `08`, `2024`) with their count.
    Int {
        v: u32,
        digits: usize,
    },
    /// Any other plain quantity (`1,500`, `1.5`).
    Real(f64),
    /// `8th`, `1st`.
    Ord(u32),
    /// `1990s`, `80s`: the number before the `s` and its digit count.
    Decade {
        v: u32,
        digits: usize,
    },
    /// `6:40`, `18:00`, `6:40pm`: hours, minutes, and pm (Some(true)) / am.
    Clock {
        h: u32,
        m: u32,
        pm: Option<bool>,
    },
    /// `10am`, `5pm`.
    HourAmPm {
        h: u32,
        pm: bool,
    },
    /// `2024-10-08`, `20.10.2024`.
    Date {
        y: i32,
        m: u32,
        d: u32,
    },
    Other,
}

pub(crate) fn read_number(s: &str) -> Num {
    let b = s.as_bytes();
    let lead = b.iter().take_while(|c| c.is_ascii_digit()).count();
    if lead == 0 {
        return Num::Other;
    }
    let rest = &s[lead..];
    let head: u32 = match s[..lead].parse() {
        Ok(v) => v,
        Err(_) => return Num::Other,
    };
    if rest.is_empty() {
        return Num::Int {
            v: head,
            digits: lead,
        };
    }
    let lower = rest.to_ascii_lowercase();
    match lower.as_str() {
        "st" | "nd" | "rd" | "th" => return Num::Ord(head),
        "s" => {
            return Num::Decade {
                v: head,
                digits: lead,
            }
        }
        "am" => return Num::HourAmPm { h: head, pm: false },
        "pm" => return Num::HourAmPm { h: head, pm: true },
        _ => {}
    }
    if let Some(r) = rest.strip_prefix(':') {
        let md = r.bytes().take_while(u8::is_ascii_digit).count();
        if md == 2 {
            let m: u32 = r[..2].parse().unwrap_or(99);
            let pm = match r[2..].to_ascii_lowercase().as_str() {
                "" => None,
                "am" => Some(false),
                "pm" => Some(true),
                _ => return Num::Other,
            };
            return Num::Clock { h: head, m, pm };
        }
        return Num::Other;
    }
    if let Some(r) = rest.strip_prefix('-') {
        // ISO date 2024-10-08
        let parts: Vec<&str> = r.split('-').collect();
        if lead == 4
            && parts.len() == 2
            && parts
                .iter()
                .all(|p| p.len() == 2 && p.bytes().all(|c| c.is_ascii_digit()))
        {
            let m = parts[0].parse().unwrap_or(0);
            let d = parts[1].parse().unwrap_or(0);
            if NaiveDate::from_ymd_opt(head as i32, m, d).is_some() {
                return Num::Date {
                    y: head as i32,
                    m,
                    d,
                };
            }
        }
        return Num::Other;
    }
    if rest.starts_with('.') {
        let parts: Vec<&str> = s.split('.').collect();
        if parts.len() == 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        {
            // day.month.year, the European order
            let d = parts[0].parse().unwrap_or(0);
            let m = parts[1].parse().unwrap_or(0);
            let y: i32 = parts[2].parse().unwrap_or(0);
            if parts[2].len() == 4 && NaiveDate::from_ymd_opt(y, m, d).is_some() {
                return Num::Date { y, m, d };
            }
            return Num::Other;
        }
        if parts.len() == 2 {
            // 10.30pm
            let lower = parts[1].to_ascii_lowercase();
            if let Some(mm) = lower
                .strip_suffix("pm")
                .or_else(|| lower.strip_suffix("am"))
            {
                if mm.len() == 2 && mm.bytes().all(|c| c.is_ascii_digit()) {
                    return Num::Clock {
                        h: head,
                        m: mm.parse().unwrap_or(99),
                        pm: Some(lower.ends_with("pm")),
                    };
                }
            }
            if let Ok(v) = s.parse::<f64>() {
                return Num::Real(v);
            }
        }
        return Num::Other;
    }
    if rest.starts_with(',') {
        let clean: String = s.chars().filter(|&c| c != ',').collect();
        if let Ok(v) = clean.parse::<f64>() {
            return Num::Real(v);
        }
    }
    Num::Other
}

/// The sentence being tagged, with the anchors the rules resolve against.
pub(crate) struct Cx<'a> {
    pub toks: &'a [Tok<'a>],
    pub anchor: Option<NaiveDate>,
    /// The last complete date mentioned before this point of the document
    /// (for "the next day", "two days later"), else the anchor.
    pub reference: Option<NaiveDate>,
    /// The day last mentioned in this sentence (for a clock time).
    pub sentence_day: Option<NaiveDate>,
    /// The day last mentioned in the previous sentence.
    pub previous_day: Option<NaiveDate>,
    /// The quarter or half of a year an earnings report is about: the last
    /// one mentioned in this sentence or the two before ("third-quarter
    /// profit rose ... from $10 million a year ago": the third quarter of the
    /// year before).
    pub part: Option<Point>,
    /// The last month or day of this sentence with a known year, the token
    /// after it and whether it was a day, for the second end of a range
    /// ("from December to March", "from May 3 to June 5").
    pub last_month: Option<(i32, u32, usize, bool)>,
    /// The year of the last date mentioned in this sentence or the one
    /// before, at any granularity ("founded in 1998 and listed a decade
    /// later").
    pub last_year: Option<i32>,
    /// The tense cues of the sentence, found when first needed (most
    /// sentences have no expression that needs them).
    pub cues: std::cell::OnceCell<Vec<(usize, Tense)>>,
    /// How deeply rules are nested at the moment (see `grammar::core`).
    pub depth: std::cell::Cell<u32>,
    /// Most words of the sentence are capitalized (a title-case headline).
    pub title_case: bool,
    /// Whether the sentence reports a match, found when first needed.
    pub sports: std::cell::OnceCell<bool>,
}

impl<'a> Cx<'a> {
    /// The day a clock time or a part of the day without a date of its own
    /// falls on: the day named in this sentence or the one before, else the
    /// anchor (a date from further back is rarely what a bare time means).
    pub(crate) fn context_day(&self) -> Option<NaiveDate> {
        self.sentence_day.or(self.previous_day).or(self.anchor)
    }

    /// "the latest quarter": the quarter in context, else the last one
    /// completed before the anchor.
    pub(crate) fn latest_quarter(&self) -> Point {
        match self.part {
            Some(p @ Point::Quarter { .. }) => p,
            _ => crate::resolve::relative_period(self.anchor, crate::lexicon::Unit::Quarter, -1),
        }
    }

    /// The part of a year in context moved back a year ("a year ago" in an
    /// earnings report), if there is one.
    pub(crate) fn part_a_year_before(&self) -> Option<Point> {
        match self.part? {
            Point::Quarter { y: Some(y), q } => Some(Point::Quarter { y: Some(y - 1), q }),
            Point::Half { y: Some(y), h } => Some(Point::Half { y: Some(y - 1), h }),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.toks.len()
    }

    pub(crate) fn lex(&self, i: usize) -> Lex {
        self.toks.get(i).map_or(Lex::None, |t| t.lex)
    }

    pub(crate) fn w(&self, i: usize) -> Option<W> {
        match self.lex(i) {
            Lex::W(w) => Some(w),
            _ => None,
        }
    }

    pub(crate) fn is(&self, i: usize, w: W) -> bool {
        self.w(i) == Some(w)
    }

    pub(crate) fn text(&self, i: usize) -> &'a str {
        self.toks.get(i).map_or("", |t| t.s)
    }

    /// Case-insensitive comparison of token `i` with `s`.
    pub(crate) fn eq(&self, i: usize, s: &str) -> bool {
        self.text(i).eq_ignore_ascii_case(s)
    }

    pub(crate) fn kind(&self, i: usize) -> Option<TokenKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    pub(crate) fn cap(&self, i: usize) -> bool {
        self.toks.get(i).is_some_and(|t| t.cap)
    }

    pub(crate) fn num(&self, i: usize) -> Num {
        match self.toks.get(i) {
            Some(t) if t.kind == TokenKind::Number => read_number(t.s),
            _ => Num::Other,
        }
    }

    /// Whether tokens `i` and `i + 1` touch (no space between them).
    pub(crate) fn touches(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.span.end == b.span.start,
            _ => false,
        }
    }

    /// The tense for tokens `[from, to)`. After "since" the expression is
    /// in the past whatever the verb says.
    pub(crate) fn tense(&self, from: usize, to: usize) -> Tense {
        if self.since_before(from) {
            return Tense::Past;
        }
        let cues = self.cues.get_or_init(|| tense::sentence_cues(self.toks));
        tense::for_span(self.toks, cues, from, to)
    }

    /// Whether the expression at `from` follows "since".
    pub(crate) fn since_before(&self, from: usize) -> bool {
        from > 0 && self.eq(from - 1, "since")
    }

    /// A day-of-month number at `i`: `8`, `08`, `8th`.
    pub(crate) fn day_number(&self, i: usize) -> Option<u32> {
        match self.num(i) {
            Num::Int { v, digits } if digits <= 2 && (1..=31).contains(&v) => Some(v),
            Num::Ord(v) if (1..=31).contains(&v) => Some(v),
            // "March eighth"
            _ => match self.lex(i) {
                Lex::Ord(v) if (1..=31).contains(&v) => Some(v),
                _ => None,
            },
        }
    }

    /// A four-digit year at `i` (no context check), or `'82` over two tokens.
    /// Returns the year and the end token.
    pub(crate) fn year_number(&self, i: usize) -> Option<(i32, usize)> {
        match self.num(i) {
            Num::Int { v, digits: 4 } if (1000..=2999).contains(&v) => Some((v as i32, i + 1)),
            _ if matches!(self.text(i), "'" | "’") && self.touches(i) => match self.num(i + 1) {
                Num::Int { v, digits: 2 } => Some((self.two_digit_year(v), i + 2)),
                _ => None,
            },
            _ => None,
        }
    }

    /// `'82` read as 1982 or 2012, whichever is not in the future of the anchor.
    pub(crate) fn two_digit_year(&self, v: u32) -> i32 {
        let now = self.anchor.map_or(2030, |a| chrono::Datelike::year(&a));
        let century = now.div_euclid(100) * 100;
        let y = century + v as i32;
        if y > now + 10 {
            y - 100
        } else {
            y
        }
    }

    /// A capitalized word inside a sentence written in normal case: part of
    /// a title or a name ("A Month in the Country", "Chimes at Midnight").
    pub(crate) fn in_title(&self, i: usize) -> bool {
        !self.title_case && self.cap(i) && !self.is_sentence_start(i)
    }

    /// Whether `toks` is written in title case: every word of four letters
    /// or more is capitalized, but for a few function words.
    pub(crate) fn is_title_case(toks: &[Tok]) -> bool {
        let mut long = 0;
        for t in toks
            .iter()
            .filter(|t| t.kind == TokenKind::Word && t.s.len() > 3)
        {
            let function = matches!(
                t.s,
                "with"
                    | "from"
                    | "into"
                    | "over"
                    | "after"
                    | "amid"
                    | "than"
                    | "that"
                    | "about"
                    | "before"
            );
            if !t.cap && !function {
                return false;
            }
            long += 1;
        }
        long >= 3
    }

    pub(crate) fn is_sentence_start(&self, i: usize) -> bool {
        i == 0 || (i == 1 && self.kind(0) == Some(TokenKind::Quote))
    }
}
