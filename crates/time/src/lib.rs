//! Time expressions: finds TIMEX3 expressions (DATE, TIME, DURATION, SET) in a
//! [`Document`] and normalizes them against its publication date.
//!
//! Contract: [`TimeTagger::tag`] returns timexes sorted by start, not
//! overlapping, each with a TIMEX3 `value` (`2024-10-08`, `XXXX-10-08` when no
//! year can be known, `2024-W42`, `P3D`, `PRESENT_REF`, ...).
//!
//! How: one left-to-right pass over each sentence's tokens. At every token the
//! grammar (`grammar`) returns the longest expression starting there; its
//! value is resolved against the publication date in the direction of the
//! sentence's tense (`tense`), and relative phrases such as "the next day"
//! against the last date the article mentioned. The rules and word lists are
//! written from the TimeML/TIMEX3 guidelines and English news usage; see
//! `docs/time.md`.

mod calendar;
mod grammar;
mod lexicon;
mod resolve;
mod scan;
mod tense;

use claimtrail_text::{Document, Span};
use scan::{Cx, Hit, Kind, Tok};
use serde::{Deserialize, Serialize};

/// TIMEX3 `type` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    /// A calendar date, week, month, season, year ... ("8 October", "last week").
    Date,
    /// A time of day ("10 a.m. on Monday").
    Time,
    /// A length of time ("three years").
    Duration,
    /// A recurrence ("every week", "daily").
    Set,
}

impl TimexType {
    /// The TIMEX3 `type` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// TIMEX3 `mod` values.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    Before,
    After,
    OnOrBefore,
    OnOrAfter,
    LessThan,
    MoreThan,
    EqualOrLess,
    EqualOrMore,
    Start,
    Mid,
    End,
    Approx,
}

impl TimexMod {
    /// The TIMEX3 `mod` attribute.
    pub fn as_str(self) -> &'static str {
        match self {
            TimexMod::Before => "BEFORE",
            TimexMod::After => "AFTER",
            TimexMod::OnOrBefore => "ON_OR_BEFORE",
            TimexMod::OnOrAfter => "ON_OR_AFTER",
            TimexMod::LessThan => "LESS_THAN",
            TimexMod::MoreThan => "MORE_THAN",
            TimexMod::EqualOrLess => "EQUAL_OR_LESS",
            TimexMod::EqualOrMore => "EQUAL_OR_MORE",
            TimexMod::Start => "START",
            TimexMod::Mid => "MID",
            TimexMod::End => "END",
            TimexMod::Approx => "APPROX",
        }
    }
}

/// One time expression with its TIMEX3 type, value and modifier.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Timex {
    /// The expression as written.
    pub span: Span,
    pub ttype: TimexType,
    /// The normalized TIMEX3 value ("2024-10-08", "P3Y", "PRESENT_REF",
    /// "XXXX-10-08" when the year cannot be known).
    pub value: String,
    pub modifier: Option<TimexMod>,
    /// For expressions that denote an interval up to or from a point ("since the
    /// beginning of the year"): the interval's begin and end values.
    pub interval: Option<(String, String)>,
    /// The grammar rule that found it (`time::grammar::dates::month_first`),
    /// shown by `analyze --explain`; not part of the TIMEX3.
    #[serde(skip)]
    pub rule: &'static str,
}

/// The time-expression stage. Stateless; one instance serves any number of
/// documents.
#[derive(Debug, Default)]
pub struct TimeTagger {}

impl TimeTagger {
    /// A tagger (it holds nothing: the lexicons are built once, on first use).
    pub fn new() -> TimeTagger {
        TimeTagger {}
    }

    /// The document's time expressions, sorted by start and not overlapping.
    pub fn tag(&self, doc: &Document) -> Vec<Timex> {
        let anchor = doc.meta().published;
        let mut out = Vec::new();
        let mut reference = anchor;
        let mut previous_day = None;
        // The last quarter or half mentioned and the sentence it was in.
        let mut part: Option<(calendar::Point, usize)> = None;
        // The year of the last dated expression and its sentence.
        let mut last_year: Option<(i32, usize)> = None;
        let mut toks: Vec<Tok> = Vec::new();
        for (n, sentence) in doc.sentences().iter().enumerate() {
            toks.clear();
            for t in &doc.tokens()[sentence.tokens.clone()] {
                toks.push(Tok::new(doc.slice(t.span), t.span, t.kind));
            }
            let mut cx = Cx {
                toks: &toks,
                anchor,
                reference,
                sentence_day: None,
                previous_day,
                part: part.filter(|&(_, at)| n - at <= 2).map(|(p, _)| p),
                last_month: None,
                last_year: last_year.filter(|&(_, at)| n - at <= 1).map(|(y, _)| y),
                cues: Default::default(),
                depth: Default::default(),
                title_case: Cx::is_title_case(&toks),
                sports: Default::default(),
            };
            let mut i = 0;
            while i < toks.len() {
                if let Some(hits) = grammar::dates::year_range(&cx, i) {
                    for h in hits {
                        out.push(timex(&cx, &h));
                    }
                    i += 1;
                    continue;
                }
                match grammar::match_at(&cx, i) {
                    // Rules only match forward from `i` (checked in tests); the
                    // guard keeps the output disjoint whatever a rule returns.
                    Some(hit) if hit.end > i && hit.start >= i => {
                        if let Kind::Point(p) = &hit.kind {
                            let day = match p {
                                calendar::Point::Clock { day, .. }
                                | calendar::Point::PartOfDay { day, .. } => *day,
                                p => p.as_date(),
                            };
                            if let Some(d) = day {
                                cx.reference = Some(d);
                                cx.sentence_day = Some(d);
                            }
                            if let Some(y) = p.year() {
                                cx.last_year = Some(y);
                                last_year = Some((y, n));
                            }
                            match *p {
                                calendar::Point::Day { y: Some(y), m, .. } => {
                                    cx.last_month = Some((y, m, hit.end, true))
                                }
                                calendar::Point::Month { y: Some(y), m } => {
                                    cx.last_month = Some((y, m, hit.end, false))
                                }
                                _ => {}
                            }
                            if let calendar::Point::Quarter { y: Some(_), .. }
                            | calendar::Point::Half { y: Some(_), .. } = p
                            {
                                // Only a part already over (or told in the past:
                                // fiscal quarters end early) is a period reported on.
                                let over = match (p.last_day(), anchor) {
                                    (Some(end), Some(a)) => {
                                        end < a
                                            || cx.tense(hit.start, hit.end) == tense::Tense::Past
                                    }
                                    _ => true,
                                };
                                if !hit.from_context && over {
                                    cx.part = Some(*p);
                                    part = Some((*p, n));
                                }
                            }
                        }
                        out.push(timex(&cx, &hit));
                        i = hit.end;
                    }
                    other => {
                        debug_assert!(
                            other.is_none_or(|h| h.start >= i),
                            "a rule matched backwards"
                        );
                        i += 1;
                    }
                }
            }
            reference = cx.reference;
            previous_day = cx.sentence_day;
        }
        out
    }
}

fn timex(cx: &Cx, hit: &Hit) -> Timex {
    debug_assert!(!hit.rule.is_empty(), "a hit without a rule name: {hit:?}");
    let span = hit
        .bytes
        .unwrap_or_else(|| Span::new(cx.toks[hit.start].span.start, cx.toks[hit.end - 1].span.end));
    Timex {
        span,
        ttype: hit.ttype(),
        value: hit.value(),
        modifier: hit.modifier,
        interval: interval(cx, hit),
        rule: hit.rule,
    }
}

/// "since X": the interval from the start of X to the anchor. ("since the
/// end of 2023" has no known first day, so no interval.)
fn interval(cx: &Cx, hit: &Hit) -> Option<(String, String)> {
    if hit.start == 0 || !cx.toks[hit.start - 1].s.eq_ignore_ascii_case("since") {
        return None;
    }
    if !matches!(hit.modifier, None | Some(TimexMod::Start)) {
        return None;
    }
    let Kind::Point(p) = &hit.kind else {
        return None;
    };
    let begin = p.first_day()?;
    let end = cx.anchor?;
    (begin <= end).then(|| {
        (
            begin.format("%Y-%m-%d").to_string(),
            end.format("%Y-%m-%d").to_string(),
        )
    })
}
