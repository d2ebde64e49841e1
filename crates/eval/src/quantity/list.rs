//! The sentence-list gold format: a JSON array of sentences, each
//! `{"text": "...", "quantities": [{"value": "23" | "1.5-2.0", "unit": "cent",
//! "change": "=" | "~" | "<" | ">" | "up" | "down"}]}`, with no offsets.
//!
//! - `value` is the number as written, with its unit beside it ("23" for "23
//!   cents", which the tagger holds as 0.23 USD stated as 23 cents); a range is
//!   "low-high". A single gold value matches a figure whose value or stated
//!   value agrees within 1e-6 relative; a gold range matches a figure whose low
//!   and high are its ends.
//! - Gold and predicted figures of a sentence are paired one to one, in gold
//!   order, each gold figure taking the first unpaired figure of equal value
//!   (one with the same unit first).
//! - `value+unit`: the gold unit, normalized by the tagger's own unit names
//!   ([`claimtrail_quantity::normalize_unit`]), equals the figure's stated unit
//!   (or unit); a gold unit the tagger does not know as a unit (a counted noun
//!   such as "troops", or none) asks for a figure without a unit.
//! - `value+change`: "up" and "down" ask for a change; "=", "~", "<" and ">"
//!   for the qualifier class exact, approximately, at most (less than, up to)
//!   and at least (more than, at least).
//! - Every row is reported twice: with the quantity layer alone, and with the
//!   durations of the time layer ("three years": 3 year) counted as figures,
//!   as public quantity sets count them.

use crate::Report;
use anyhow::{bail, Context};
use claimtrail_quantity::{normalize_unit, Qualifier, Quantity, QuantityTagger};
use claimtrail_text::{Document, Metadata};
use claimtrail_time::{TimeTagger, Timex, TimexType};
use serde::Deserialize;
use std::path::Path;

#[derive(Debug, Deserialize)]
struct Sentence {
    text: String,
    #[serde(default)]
    quantities: Vec<GoldFigure>,
}

#[derive(Debug, Deserialize)]
struct GoldFigure {
    value: serde_json::Value,
    #[serde(default)]
    unit: Option<String>,
    #[serde(default)]
    change: Option<String>,
}

/// Whether a gold file is in this format: its first non-space character is `[`.
pub(crate) fn is_sentence_list(path: &Path) -> bool {
    std::fs::read(path).is_ok_and(|b| b.iter().find(|c| !c.is_ascii_whitespace()) == Some(&b'['))
}

/// "23", "-2.1", "12,000", "1.5-2.0", "-5--2": the low and high ends.
fn parse_value(v: &serde_json::Value) -> Option<(f64, f64)> {
    if let Some(x) = v.as_f64() {
        return Some((x, x));
    }
    let s = v.as_str()?.trim().replace([',', ' '], "").replace('−', "-");
    if let Ok(x) = s.parse::<f64>() {
        return Some((x, x));
    }
    // the range dash: a '-' after a digit
    let b = s.as_bytes();
    let at = (1..b.len()).find(|&k| b[k] == b'-' && b[k - 1].is_ascii_digit())?;
    let (low, high) = (s[..at].parse().ok()?, s[at + 1..].parse().ok()?);
    Some((low, high))
}

/// A figure the engine gave: a quantity, or a duration of the time layer.
struct Figure {
    value: f64,
    low: Option<f64>,
    high: Option<f64>,
    /// Stated units per unit (100 for cents).
    factor: f64,
    unit: Option<String>,
    qualifier: Qualifier,
    change: bool,
}

impl Figure {
    fn of(q: &Quantity) -> Figure {
        Figure {
            value: q.value,
            low: q.low,
            high: q.high,
            factor: q.stated_factor(),
            unit: q.stated_unit.clone().or_else(|| q.unit.clone()),
            qualifier: q.qualifier,
            change: q.change,
        }
    }

    /// "P3Y" is 3 year; durations without a number ("PXY") are none.
    fn of_duration(t: &Timex) -> Option<Figure> {
        if t.ttype != TimexType::Duration {
            return None;
        }
        let iso = t.value.strip_prefix('P')?;
        let (time, iso) = iso.strip_prefix('T').map_or((false, iso), |r| (true, r));
        let split = iso.find(|c: char| !(c.is_ascii_digit() || c == '.'))?;
        let value: f64 = iso[..split].parse().ok()?;
        let unit = match (&iso[split..], time) {
            ("Y", _) => "year",
            ("M", false) => "month",
            ("W", _) => "week",
            ("D", _) => "day",
            ("H", _) => "hour",
            ("M", true) => "minute",
            ("S", _) => "second",
            ("DE", _) => "decade",
            ("CE", _) => "century",
            _ => return None,
        };
        Some(Figure {
            value,
            low: Some(value),
            high: Some(value),
            factor: 1.0,
            unit: Some(unit.to_string()),
            qualifier: Qualifier::Exact,
            change: false,
        })
    }

    fn value_matches(&self, (low, high): (f64, f64)) -> bool {
        let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9);
        let in_units = |x: Option<f64>, k: f64| x.map(|x| x * k);
        [1.0, self.factor].iter().any(|&k| {
            if low < high {
                in_units(self.low, k).is_some_and(|l| close(l, low))
                    && in_units(self.high, k).is_some_and(|h| close(h, high))
            } else {
                close(self.value * k, low)
            }
        })
    }

    fn unit_matches(&self, gold: Option<&str>) -> bool {
        let gold = gold
            .filter(|u| !u.trim().is_empty())
            .and_then(normalize_unit);
        match gold {
            Some(u) => self.unit.as_deref() == Some(u.as_str()),
            None => self.unit.is_none(),
        }
    }

    fn change_matches(&self, gold: Option<&str>) -> bool {
        use Qualifier::*;
        match gold.map(str::trim).unwrap_or("=") {
            "up" | "down" => self.change,
            "~" => self.qualifier == Approximately,
            "<" => matches!(self.qualifier, LessThan | UpTo),
            ">" => matches!(self.qualifier, MoreThan | AtLeast),
            _ => self.qualifier == Exact,
        }
    }
}

const CRITERIA: [&str; 3] = ["value", "value+unit", "value+change"];

#[derive(Default)]
struct Tally {
    tp: [usize; CRITERIA.len()],
    gold: usize,
    pred: usize,
}

/// Pairs the gold figures of a sentence with the engine's and counts; with
/// `CLAIMTRAIL_EVAL_VERBOSE=1` (and `text`), prints every miss and false figure.
fn score(gold: &[((f64, f64), &GoldFigure)], pred: &[Figure], t: &mut Tally, text: Option<&str>) {
    let mut used = vec![false; pred.len()];
    t.gold += gold.len();
    t.pred += pred.len();
    for &(value, g) in gold {
        let free = |p: &usize| !used[*p] && pred[*p].value_matches(value);
        let unit = g.unit.as_deref();
        let best = (0..pred.len())
            .filter(free)
            .find(|&p| pred[p].unit_matches(unit))
            .or_else(|| (0..pred.len()).find(free));
        let Some(p) = best else {
            if let Some(text) = text.filter(|_| super::verbose()) {
                eprintln!("MISS {:?} {:?} in: {text}", g.value, g.unit);
            }
            continue;
        };
        used[p] = true;
        if let Some(text) = text.filter(|_| super::verbose()) {
            if !pred[p].unit_matches(unit) || !pred[p].change_matches(g.change.as_deref()) {
                let (u, q, c) = (&pred[p].unit, pred[p].qualifier, pred[p].change);
                eprintln!(
                    "DIFF {:?} {:?} {:?}: got {u:?} {q:?} change={c} in: {text}",
                    g.value, g.unit, g.change
                );
            }
        }
        t.tp[0] += 1;
        t.tp[1] += usize::from(pred[p].unit_matches(unit));
        t.tp[2] += usize::from(pred[p].change_matches(g.change.as_deref()));
    }
    if let Some(text) = text.filter(|_| super::verbose()) {
        for (p, f) in pred.iter().enumerate().filter(|(p, _)| !used[*p]) {
            eprintln!(
                "FALSE #{p} {} [{:?},{:?}] {:?} in: {text}",
                f.value, f.low, f.high, f.unit
            );
        }
    }
}

pub(crate) fn score_sentence_list(path: &Path) -> anyhow::Result<Report> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let sentences: Vec<Sentence> = serde_json::from_str(&text)
        .with_context(|| format!("{}: not a JSON list of sentences", path.display()))?;
    let (times, tagger) = (TimeTagger::new(), QuantityTagger::new());
    let (mut alone, mut with_durations) = (Tally::default(), Tally::default());
    let mut n_gold = 0;
    for (n, s) in sentences.iter().enumerate() {
        let mut gold = Vec::new();
        for g in &s.quantities {
            let Some(v) = parse_value(&g.value) else {
                bail!(
                    "{}: sentence {}: value {} is not a number or range",
                    path.display(),
                    n + 1,
                    g.value
                );
            };
            gold.push((v, g));
        }
        n_gold += gold.len();
        let doc = Document::new(&s.text, Metadata::default());
        let timexes = times.tag(&doc);
        let mut pred: Vec<Figure> = tagger.tag(&doc, &timexes).iter().map(Figure::of).collect();
        score(&gold, &pred, &mut alone, None);
        pred.extend(timexes.iter().filter_map(Figure::of_duration));
        score(&gold, &pred, &mut with_durations, Some(&s.text));
    }
    let mut report = Report::new(
        "quantity",
        format!(
            "{} ({} sentences, {} quantities)",
            path.display(),
            sentences.len(),
            n_gold
        ),
    );
    for (suffix, t) in [("", &alone), (", with durations", &with_durations)] {
        for (i, name) in CRITERIA.iter().enumerate() {
            report.prf(
                format!("{name}{suffix}"),
                t.tp[i],
                t.pred - t.tp[i],
                t.gold - t.tp[i],
            );
        }
    }
    report.notes.push(
        "sentence list: pairs by value within a sentence; 'with durations': durations of the time layer count as figures"
            .into(),
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_and_ranges_parse() {
        let v = |s: &str| parse_value(&serde_json::Value::String(s.into()));
        assert_eq!(v("23"), Some((23.0, 23.0)));
        assert_eq!(v("1.5-2.0"), Some((1.5, 2.0)));
        assert_eq!(v("-2.1"), Some((-2.1, -2.1)));
        assert_eq!(v("-5--2"), Some((-5.0, -2.0)));
        assert_eq!(v("12,000"), Some((12000.0, 12000.0)));
        assert_eq!(v("many"), None);
        assert_eq!(parse_value(&serde_json::json!(4.5)), Some((4.5, 4.5)));
    }

    #[test]
    fn scores_a_small_list() {
        let dir = std::env::temp_dir().join(format!("ct-qlist-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("s.json");
        std::fs::write(
            &path,
            r#"[
              {"text": "The shares fell 23 cents after about 1,500 jobs went.",
               "quantities": [{"value": "23", "unit": "cent", "change": "down"},
                              {"value": "1500", "unit": "jobs", "change": "~"}]},
              {"text": "Talks lasted three years.", "quantities": [{"value": "3", "unit": "year"}]},
              {"text": "Between 3% and 4% voted.", "quantities": [{"value": "3-4", "unit": "%"}]}
            ]"#,
        )
        .unwrap();
        assert!(is_sentence_list(&path));
        let report = score_sentence_list(&path).unwrap();
        let get = |label: &str, k: &str| {
            let row = report.rows.iter().find(|r| r.label == label).unwrap();
            row.values.iter().find(|(n, _)| n == k).unwrap().1
        };
        assert_eq!((get("value", "tp"), get("value", "fn")), (3.0, 1.0));
        assert_eq!(get("value+unit", "tp"), 3.0);
        assert_eq!(get("value+change", "tp"), 3.0);
        assert_eq!(get("value, with durations", "tp"), 4.0);
        std::fs::write(
            &path,
            r#"[{"text": "x", "quantities": [{"value": "lots"}]}]"#,
        )
        .unwrap();
        let err = format!("{:#}", score_sentence_list(&path).unwrap_err());
        assert!(err.contains("not a number"), "{err}");
        std::fs::remove_dir_all(&dir).ok();
    }
}
