//! Figure series: the values a proposition's claims give for one measure, by
//! date and by source, and a low/best/high summary in the manner of the UCDP
//! (Uppsala Conflict Data Program) estimates.
//!
//! A proposition's figures are split into measures: the same counted thing
//! (`@personnel`, `@death`) in the same unit (units of one measure in two
//! systems converted to one base, `data/units.tsv`: mph and km/h are one
//! wind speed), then into groups of values within a factor
//! of `links::SAME_MEASURE` of each other (1,500
//! special forces "already sent" is not a reading of the 11,000 "in
//! training"). Each series lists its values in date order.
//!
//! The summary follows [`RULE`]: only supporting claims count; each
//! independent source (a speaker, or the origin report when the speaker is
//! unknown) contributes its latest value; low and high are the least and the
//! greatest of those (stated bounds included: "more than 6,130" gives a low of
//! 6,130), best the median, the lower one when there are two middles, as UCDP
//! prefers the more conservative figure when sources disagree.

use crate::links::same_measure;
use crate::DocumentRef;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};
use std::sync::OnceLock;

/// The base unit a figure's unit converts to, and the factor
/// (`data/units.tsv`): ("km/h", 1.609344) for "mph". None for a unit that
/// keeps its own series.
pub(crate) fn base_unit(unit: &str) -> Option<(&'static str, f64)> {
    static UNITS: OnceLock<HashMap<&'static str, (&'static str, f64)>> = OnceLock::new();
    UNITS
        .get_or_init(|| {
            include_str!("../data/units.tsv")
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
                .filter_map(|l| {
                    let mut f = l.split('\t');
                    let (unit, base, factor) = (f.next()?, f.next()?, f.next()?);
                    Some((unit, (base, factor.trim().parse().ok()?)))
                })
                .collect()
        })
        .get(unit)
        .copied()
}

/// A figure's unit as a series counts it (its base unit when it converts)
/// and the factor its values are multiplied by.
pub(crate) fn series_unit(unit: &str) -> (String, f64) {
    match base_unit(unit) {
        Some((base, factor)) => (base.to_string(), factor),
        None => (unit.to_string(), 1.0),
    }
}

/// The rule behind [`FigureSummary`], stated with every summary.
pub const RULE: &str = "each independent source's latest figure (supporting claims only); \
low = least, high = greatest (stated bounds included), best = median (the lower middle when even)";

/// One value of a series.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigurePoint {
    pub claim_id: String,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    /// The figure as written.
    pub text: String,
    pub stated: Option<String>,
    pub speaker: Option<String>,
    /// The independent source the value counts for.
    pub source: String,
    /// The claim's role in its proposition (`supports`, `disputes`, ...).
    pub role: String,
    pub document: DocumentRef,
}

/// Low, best and high estimates of one measure.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureSummary {
    pub low: f64,
    pub best: f64,
    pub high: f64,
    /// Independent sources counted.
    pub sources: usize,
    pub rule: &'static str,
}

/// The values of one measure of one proposition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct FigureSeries {
    pub proposition: i64,
    pub gist: String,
    /// What is counted (a concept such as `personnel`, a stem, or a unit).
    pub measure: String,
    /// In date order (undated last).
    pub points: Vec<FigurePoint>,
    pub summary: Option<FigureSummary>,
}

/// Groups a proposition's figure points (with their measure) into series.
pub(crate) fn series(
    proposition: i64,
    gist: &str,
    points: Vec<(String, FigurePoint)>,
) -> Vec<FigureSeries> {
    let mut by_measure: BTreeMap<String, Vec<FigurePoint>> = BTreeMap::new();
    for (m, p) in points {
        by_measure.entry(m).or_default().push(p);
    }
    let mut out = Vec::new();
    for (measure, mut points) in by_measure {
        points.sort_by(|a, b| a.value.abs().total_cmp(&b.value.abs()));
        let mut groups: Vec<Vec<FigurePoint>> = Vec::new();
        for p in points {
            match groups.last_mut() {
                Some(g) if g.last().is_some_and(|q| same_measure(q.value, p.value)) => g.push(p),
                _ => groups.push(vec![p]),
            }
        }
        for mut g in groups {
            g.sort_by(|a, b| {
                (a.stated.is_none(), &a.stated, &a.claim_id).cmp(&(
                    b.stated.is_none(),
                    &b.stated,
                    &b.claim_id,
                ))
            });
            out.push(FigureSeries {
                proposition,
                gist: gist.to_string(),
                measure: measure.trim_start_matches('@').to_string(),
                summary: summary(&g),
                points: g,
            });
        }
    }
    // The series with the most values first.
    out.sort_by_key(|s| std::cmp::Reverse(s.points.len()));
    out
}

/// The UCDP-style summary of a series (see [`RULE`]); None without support.
pub(crate) fn summary(points: &[FigurePoint]) -> Option<FigureSummary> {
    let mut latest: BTreeMap<&str, &FigurePoint> = BTreeMap::new();
    for p in points.iter().filter(|p| p.role == "supports") {
        let newer = latest
            .get(p.source.as_str())
            .is_none_or(|q| (p.stated.is_some(), &p.stated) >= (q.stated.is_some(), &q.stated));
        if newer {
            latest.insert(&p.source, p);
        }
    }
    if latest.is_empty() {
        return None;
    }
    let mut values: Vec<f64> = latest.values().map(|p| p.value).collect();
    values.sort_by(f64::total_cmp);
    let low = latest
        .values()
        .map(|p| p.low.unwrap_or(p.value))
        .fold(f64::INFINITY, f64::min);
    let high = latest
        .values()
        .map(|p| p.high.unwrap_or(p.value))
        .fold(f64::NEG_INFINITY, f64::max);
    Some(FigureSummary {
        low,
        best: values[(values.len() - 1) / 2],
        high,
        sources: latest.len(),
        rule: RULE,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_unit_line_reads() {
        let lines = include_str!("../data/units.tsv")
            .lines()
            .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
            .count();
        let read = include_str!("../data/units.tsv")
            .lines()
            .filter_map(|l| l.split('\t').next())
            .filter(|u| base_unit(u).is_some())
            .count();
        assert_eq!(lines, read);
        assert_eq!(base_unit("mph"), Some(("km/h", 1.609344)));
        assert_eq!(series_unit("usd"), ("usd".to_string(), 1.0));
    }

    fn p(id: &str, value: f64, stated: &str, source: &str) -> (String, FigurePoint) {
        (
            "@personnel".into(),
            FigurePoint {
                claim_id: id.into(),
                value,
                low: None,
                high: None,
                qualifier: "approximately".into(),
                text: value.to_string(),
                stated: Some(stated.into()),
                speaker: Some(source.into()),
                source: source.into(),
                role: "supports".into(),
                document: DocumentRef {
                    id: "d".into(),
                    title: None,
                    published: None,
                    url: None,
                    outlet: None,
                    path: None,
                },
            },
        )
    }

    #[test]
    fn series_by_date_split_by_magnitude() {
        let s = series(
            1,
            "g",
            vec![
                p("b", 11_000.0, "2024-10-18", "budanov"),
                p("n", 1_500.0, "2024-10-20", "nis"),
                p("z", 10_000.0, "2024-10-17", "zelenskyy"),
            ],
        );
        assert_eq!(s.len(), 2);
        let values: Vec<f64> = s[0].points.iter().map(|p| p.value).collect();
        assert_eq!(values, [10_000.0, 11_000.0], "date order");
        let sum = s[0].summary.as_ref().unwrap();
        assert_eq!(
            (sum.low, sum.best, sum.high, sum.sources),
            (10_000.0, 10_000.0, 11_000.0, 2)
        );
        assert_eq!(s[1].points[0].value, 1_500.0);
    }

    #[test]
    fn a_source_counts_once_with_its_latest_value() {
        let s = series(
            1,
            "g",
            vec![
                p("a1", 100.0, "2024-01-01", "a"),
                p("a2", 140.0, "2024-01-05", "a"),
                p("b1", 120.0, "2024-01-03", "b"),
                p("c1", 160.0, "2024-01-04", "c"),
            ],
        );
        let sum = s[0].summary.as_ref().unwrap();
        assert_eq!(
            (sum.low, sum.best, sum.high, sum.sources),
            (120.0, 140.0, 160.0, 3)
        );
    }
}
