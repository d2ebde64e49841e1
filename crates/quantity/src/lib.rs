//! Figures: every number an article states, with its qualifier turned into
//! bounds, its unit and the thing it counts.
//!
//! Contract: [`QuantityTagger::tag`] returns quantities sorted by start, not
//! overlapping any time expression it was given.

use claimtrail_text::{Document, Span};
use claimtrail_time::Timex;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    Exact,
    Approximately,
    MoreThan,
    AtLeast,
    LessThan,
    UpTo,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quantity {
    pub span: Span,
    /// The best single value (the midpoint of a range).
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    /// Normalized unit: "percent", "USD", "km", ...; None for plain counts.
    pub unit: Option<String>,
    /// What is counted ("North Korean infantry troops"), for counts.
    pub counted: Option<String>,
    pub counted_span: Option<Span>,
    /// A change ("rose by 20%", "another 2,000"), not a level.
    pub change: bool,
    /// The time expression scoping the figure ("since the beginning of the
    /// year"): an index into the timexes passed to `tag`.
    pub scope: Option<usize>,
}

#[derive(Debug, Default)]
pub struct QuantityTagger {}

impl QuantityTagger {
    pub fn new() -> QuantityTagger {
        QuantityTagger {}
    }

    pub fn tag(&self, _doc: &Document, _timexes: &[Timex]) -> Vec<Quantity> {
        Vec::new()
    }
}
