//! Figures: every number an article states, with its qualifier turned into
//! bounds, its unit and the thing it counts.
//!
//! Contract: [`QuantityTagger::tag`] returns quantities sorted by start, not
//! overlapping each other nor any time expression it was given (dates, times
//! and durations belong to the time tagger).
//!
//! One left-to-right pass over the tokens of each sentence: at a token that can
//! start a number (digits, a number word, a currency sign, a vague count such as
//! "dozens"), the tagger reads the number, a range tail ("to 12,000", "-25"),
//! a scale ("million", "bn"), a unit or currency, post-qualifiers ("or more"),
//! then looks back a few tokens for a qualifier ("more than") or a change cue
//! ("another", "rose by"), and forward for the counted noun phrase. Closed word
//! lists (`lexicon`) stand in for a part-of-speech tagger. The conventions
//! (qualifier -> bounds, vague counts, units, what is not a quantity) are
//! documented in `docs/quantities.md`.
//!
//! ```
//! use claimtrail_text::{Document, Metadata};
//! use claimtrail_quantity::{QuantityTagger, Qualifier};
//! let doc = Document::new("Russia sent about 11,000 infantry troops.", Metadata::default());
//! let q = &QuantityTagger::new().tag(&doc, &[])[0];
//! assert_eq!((q.value, q.qualifier), (11000.0, Qualifier::Approximately));
//! assert_eq!(q.counted.as_deref(), Some("infantry troops"));
//! ```

mod context;
mod counted;
mod data;
mod designations;
mod filters;
mod glue;
mod lexicon;
mod notation;
mod number;
mod scan;
mod scope;
mod units;

pub use units::normalize_unit;

use claimtrail_text::{Document, Span};
use claimtrail_time::Timex;
use serde::{Deserialize, Serialize};

/// How a figure is qualified; see [`Qualifier::bounds`] for the bounds each gives.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// No qualifier: "1,500 troops".
    Exact,
    /// "about", "around", "nearly", "some", "or so".
    Approximately,
    /// "more than", "over", "upwards of".
    MoreThan,
    /// "at least", "no fewer than", "or more".
    AtLeast,
    /// "fewer than", "under", "below".
    LessThan,
    /// "up to", "as many as", "at most", "or fewer".
    UpTo,
}

impl Qualifier {
    pub const ALL: [Qualifier; 6] = [
        Qualifier::Exact,
        Qualifier::Approximately,
        Qualifier::MoreThan,
        Qualifier::AtLeast,
        Qualifier::LessThan,
        Qualifier::UpTo,
    ];

    /// The name in the JSON schema (its serde name): `exact`, `more_than`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approximately => "approximately",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtLeast => "at_least",
            Qualifier::LessThan => "less_than",
            Qualifier::UpTo => "up_to",
        }
    }

    /// The bounds a qualified single value gives (docs/quantities.md):
    /// exact `[v, v]`; more than / at least `[v, -]`; less than / up to
    /// `[-, v]`; approximately none (no hard bound is stated).
    pub fn bounds(self, v: f64) -> (Option<f64>, Option<f64>) {
        match self {
            Qualifier::Exact => (Some(v), Some(v)),
            Qualifier::Approximately => (None, None),
            Qualifier::MoreThan | Qualifier::AtLeast => (Some(v), None),
            Qualifier::LessThan | Qualifier::UpTo => (None, Some(v)),
        }
    }
}

/// One figure of a document, normalized.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    /// The figure as written, with its qualifier, currency and unit
    /// ("more than 6,130", "$3bn", "40 per cent"); not the counted phrase.
    pub span: Span,
    /// The best single value (the midpoint of a range or vague count). Values
    /// are as stated, scale words folded in ("1.5 million" = 1500000); units
    /// are named, not converted, except cents and pence (hundredths of their
    /// currency; the number as written is [`Quantity::stated_value`]). Percentages stay in percent, fractions are decimals.
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// Normalized unit: an ISO currency code ("USD"), "percent", "km",
    /// "times" (a multiple), "fraction" (a part of a set) ...; None for counts.
    pub unit: Option<String>,
    /// What is counted ("North Korean infantry troops"), for counts.
    pub counted: Option<String>,
    pub counted_span: Option<Span>,
    /// A change ("rose by 20%", "another 2,000", "doubled"), not a level.
    pub change: bool,
    /// The time expression scoping the figure ("since the beginning of the
    /// year"): an index into the timexes passed to `tag`.
    pub scope: Option<usize>,
    /// A range as written ("between 10,000 and 12,000", "20-25"): `low` and
    /// `high` are its ends, `value` their midpoint.
    #[serde(default)]
    pub range: bool,
    /// A vague count ("dozens", "tens of thousands"): bounds by convention.
    #[serde(default)]
    pub vague: bool,
    /// The unit or currency as written ("cents", "p", "US$", "per cent",
    /// "km"); None when the figure writes none.
    #[serde(default)]
    pub unit_written: Option<String>,
    /// The unit the written number is stated in when it is a hundredth of
    /// `unit`: "cent", "pence" or "kopeck" ("23 cents": value 0.23, unit
    /// "USD", stated unit "cent", [`Quantity::stated_value`] 23). None otherwise.
    #[serde(default)]
    pub stated_unit: Option<String>,
    /// Two numbers joined by "to", "and" or a dash read the other way: a
    /// range ("from 180 to 215") could be two levels with a change between
    /// them, and two levels ("rose from 5% to 7%") one range. The tagger's
    /// reading is the figure itself; this is the other one.
    #[serde(default)]
    pub alternative: Option<Reading>,
    /// The steps of the reader that decided the figure, in order
    /// (`quantity::scan::read_digit_number`, `quantity::scan::read_range`,
    /// ...), shown by `analyze --explain`.
    #[serde(skip)]
    pub why: Vec<&'static str>,
}

/// The other reading of two numbers joined by "to", "and" or a dash.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Reading {
    /// The figure is a range; as two levels, it moves from `from` to `to`.
    Levels { from: f64, to: f64 },
    /// The figure is one of two levels ("from 5% to 7%"); as one range it
    /// spans `low` to `high`.
    Range { low: f64, high: f64 },
}

impl Quantity {
    /// How many stated units make one `unit`: 100 for cents, pence and kopecks, else 1.
    pub fn stated_factor(&self) -> f64 {
        if self.stated_unit.is_some() {
            100.0
        } else {
            1.0
        }
    }

    /// The number as written in its stated unit: 23 for "23 cents", 87.5 for
    /// "87.5p"; the value itself for every other figure.
    pub fn stated_value(&self) -> f64 {
        self.value * self.stated_factor()
    }
}

/// Finds quantities in a document. Stateless; build once, use for any number of
/// documents.
#[derive(Debug, Default)]
pub struct QuantityTagger {}

impl QuantityTagger {
    /// A tagger (it holds nothing: the word lists are constants).
    pub fn new() -> QuantityTagger {
        QuantityTagger {}
    }

    /// The quantities of `doc`, sorted by start, never overlapping one another
    /// or any of `timexes` (which need not be sorted).
    ///
    /// Every value and bound is finite: a figure too large for an `f64`
    /// ("1e400" spelled out, a scale applied to one) is no quantity, so the
    /// JSON written for it reads back (JSON has no infinity).
    pub fn tag(&self, doc: &Document, timexes: &[Timex]) -> Vec<Quantity> {
        let mut out = scan::tag(doc, timexes);
        out.retain(|q| {
            q.value.is_finite()
                && q.low.is_none_or(f64::is_finite)
                && q.high.is_none_or(f64::is_finite)
        });
        out
    }
}
