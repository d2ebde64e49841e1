//! The quantity scorer behind `claimtrail eval quantity`.
//!
//! Two kinds of gold:
//!
//! - **quantity JSON Lines** (`data/quantity-gold/quantities.jsonl`, format in
//!   its README): one sentence per line with its quantities (character span,
//!   value, low/high, qualifier, unit, counted, change). Each sentence is
//!   analysed alone, as the pipeline does (time expressions from
//!   `claimtrail-time`, then quantities). Predicted and gold quantities are
//!   paired one to one by span overlap within the sentence (largest overlap
//!   first); then a pair counts for
//!   - `value`: the values agree (relative 1e-6); for a gold range or vague
//!     count (low < high) the bounds must agree instead,
//!   - `value+unit`, `value+qualifier`, `value+change`: and that field agrees,
//!   - `value+counted`: and the counted phrase agrees (case-insensitive),
//!   - `span`: the spans overlap at all; `span exact`: they are equal.
//!
//!   Precision divides by all predictions (so figures found in sentences
//!   without gold quantities are false positives), recall by all gold quantities.
//! - **MEANTIME VALUE** markables (`data/meantime-en`): types QUANTITY, MONEY
//!   and PERCENT, annotated in sentences 0-5 of each document, with a span but
//!   no normalized value. They are scored on spans: overlap, overlap with the
//!   same type (a prediction is MONEY when its unit is a currency, PERCENT when
//!   it is percent or percentage points, QUANTITY otherwise), and exact span.
//!   Predictions count only inside the annotated window.
//!
//! - **a JSON list of sentences** with values as written and no offsets
//!   (`[{"text": ..., "quantities": [{"value": "23", "unit": "cent",
//!   "change": "down"}]}]`), the format of the usual public quantity sets:
//!   see [`list`]; rows with and without the time layer's durations.
//!
//! With no path, both run (the JSON Lines set when it is present). A path may
//! be a `.jsonl` file, a folder holding `quantities.jsonl`, or a MEANTIME folder.
//! Set `CLAIMTRAIL_EVAL_VERBOSE=1` to print every error to stderr.

mod list;

use crate::meantime;
use crate::Report;
use anyhow::Context;
use claimtrail_quantity::{Qualifier, Quantity, QuantityTagger};
use claimtrail_text::{Document, Metadata};
use claimtrail_time::TimeTagger;
use serde::Deserialize;
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    match gold {
        Some(p) if p.is_file() && list::is_sentence_list(p) => list::score_sentence_list(p),
        Some(p) if p.is_file() => score_jsonl(p),
        Some(p) if p.join("quantities.jsonl").is_file() => score_jsonl(&p.join("quantities.jsonl")),
        Some(p) => score_meantime(p),
        None => {
            let jsonl = default_jsonl();
            let mut report = if jsonl.is_file() {
                score_jsonl(&jsonl)?
            } else {
                Report::new("quantity", "(no data/quantity-gold)")
            };
            let mt = score_meantime(&crate::meantime_dir())?;
            report.dataset = format!("{}; {}", report.dataset, mt.dataset);
            report.rows.extend(mt.rows);
            report.notes.extend(mt.notes);
            Ok(report)
        }
    }
}

fn default_jsonl() -> PathBuf {
    crate::data_dir().join("quantity-gold/quantities.jsonl")
}

fn verbose() -> bool {
    std::env::var_os("CLAIMTRAIL_EVAL_VERBOSE").is_some_and(|v| v != "0")
}

/// One gold sentence of the JSON Lines format.
#[derive(Debug, Deserialize)]
pub struct GoldSentence {
    pub id: String,
    #[serde(default)]
    pub source: String,
    pub text: String,
    pub quantities: Vec<GoldQuantity>,
}

/// One gold quantity; offsets are characters into the sentence text.
#[derive(Debug, Deserialize)]
pub struct GoldQuantity {
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: Qualifier,
    pub unit: Option<String>,
    pub counted: Option<String>,
    #[serde(default)]
    pub change: bool,
}

/// Reads a quantity JSON Lines file.
pub fn read_jsonl(path: &Path) -> anyhow::Result<Vec<GoldSentence>> {
    let text = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let s: GoldSentence = serde_json::from_str(line)
            .with_context(|| format!("{}: line {}", path.display(), n + 1))?;
        out.push(s);
    }
    Ok(out)
}

/// A predicted quantity with character offsets.
struct Predicted {
    start: usize,
    end: usize,
    q: Quantity,
    text: String,
}

/// Runs the pipeline's time and quantity taggers over one text (the
/// quantity tagger alone when `times` is None).
fn predict(
    text: &str,
    meta: Metadata,
    times: Option<&TimeTagger>,
    tagger: &QuantityTagger,
) -> Vec<Predicted> {
    let doc = Document::new(text, meta);
    let timexes = times.map(|t| t.tag(&doc)).unwrap_or_default();
    tagger
        .tag(&doc, &timexes)
        .into_iter()
        .map(|q| Predicted {
            start: doc.char_offset(q.span.start),
            end: doc.char_offset(q.span.end),
            text: doc.slice(q.span).to_string(),
            q,
        })
        .collect()
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// Pairs gold and predicted spans one to one, largest overlap first.
/// Returns, for each gold item, the index of its predicted partner.
fn pair(gold: &[(usize, usize)], pred: &[(usize, usize)]) -> Vec<Option<usize>> {
    let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
    for (g, &gs) in gold.iter().enumerate() {
        for (p, &ps) in pred.iter().enumerate() {
            let o = overlap(gs, ps);
            if o > 0 {
                candidates.push((o, g, p));
            }
        }
    }
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; gold.len()];
    let mut used = vec![false; pred.len()];
    for (_, g, p) in candidates {
        if out[g].is_none() && !used[p] {
            out[g] = Some(p);
            used[p] = true;
        }
    }
    out
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * a.abs().max(b.abs()).max(1e-9)
}

fn close_opt(a: Option<f64>, b: Option<f64>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => close(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// The value criterion: values agree; for a gold range or vague count, bounds agree.
fn value_matches(g: &GoldQuantity, p: &Quantity) -> bool {
    let ranged = matches!((g.low, g.high), (Some(l), Some(h)) if l < h);
    if ranged {
        close_opt(g.low, p.low) && close_opt(g.high, p.high)
    } else {
        close(g.value, p.value)
    }
}

const CRITERIA: [&str; 7] = [
    "value",
    "value+unit",
    "value+qualifier",
    "value+change",
    "value+counted",
    "span",
    "span exact",
];

#[derive(Default)]
struct Tally {
    tp: [usize; CRITERIA.len()],
    gold: usize,
    pred: usize,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        for i in 0..CRITERIA.len() {
            self.tp[i] += other.tp[i];
        }
        self.gold += other.gold;
        self.pred += other.pred;
    }
}

fn score_jsonl(path: &Path) -> anyhow::Result<Report> {
    let sentences = read_jsonl(path)?;
    let times = TimeTagger::new();
    let tagger = QuantityTagger::new();
    let mut by_source: BTreeMap<String, Tally> = BTreeMap::new();
    let mut alone_tally = Tally::default();
    let mut n_gold = 0;
    for s in &sentences {
        let pred = predict(&s.text, Metadata::default(), Some(&times), &tagger);
        // the same without time expressions: how much the figures lean on the time tagger
        let alone = predict(&s.text, Metadata::default(), None, &tagger);
        let alone_spans: Vec<_> = alone.iter().map(|p| (p.start, p.end)).collect();
        let gold_spans: Vec<_> = s.quantities.iter().map(|g| (g.start, g.end)).collect();
        let alone_pairs = pair(&gold_spans, &alone_spans);
        alone_tally.pred += alone.len();
        alone_tally.gold += s.quantities.len();
        for (g, p) in s.quantities.iter().zip(&alone_pairs) {
            alone_tally.tp[0] += usize::from(p.is_some_and(|i| value_matches(g, &alone[i].q)));
        }
        let pspans: Vec<_> = pred.iter().map(|p| (p.start, p.end)).collect();
        let pairs = pair(&gold_spans, &pspans);
        let t = by_source.entry(s.source.clone()).or_default();
        t.gold += s.quantities.len();
        t.pred += pred.len();
        n_gold += s.quantities.len();
        for (g, p) in s.quantities.iter().zip(&pairs) {
            let Some(p) = p.map(|i| &pred[i]) else {
                if verbose() {
                    eprintln!(
                        "MISS {} {:?} ({})",
                        s.id,
                        &s.text
                            .chars()
                            .skip(g.start)
                            .take(g.end - g.start)
                            .collect::<String>(),
                        g.value
                    );
                }
                continue;
            };
            let q = &p.q;
            let v = value_matches(g, q);
            let counted = match (&g.counted, &q.counted) {
                (Some(a), Some(b)) => a.eq_ignore_ascii_case(b),
                (None, None) => true,
                _ => false,
            };
            let checks = [
                v,
                v && g.unit == q.unit,
                v && g.qualifier == q.qualifier,
                v && g.change == q.change,
                v && counted,
                true,
                (g.start, g.end) == (p.start, p.end),
            ];
            for (i, ok) in checks.iter().enumerate() {
                t.tp[i] += usize::from(*ok);
            }
            if verbose() && !(checks[1] && checks[2] && checks[3] && checks[4]) {
                eprintln!(
                    "DIFF {} {:?}: gold {} [{:?},{:?}] {:?} {:?} change={} counted={:?} | got {:?} {} [{:?},{:?}] {:?} {:?} change={} counted={:?}",
                    s.id,
                    s.text.chars().skip(g.start).take(g.end - g.start).collect::<String>(),
                    g.value, g.low, g.high, g.qualifier, g.unit, g.change, g.counted,
                    p.text, q.value, q.low, q.high, q.qualifier, q.unit, q.change, q.counted
                );
            }
        }
        if verbose() {
            for (i, p) in pred.iter().enumerate() {
                if !pairs.contains(&Some(i)) {
                    eprintln!("FALSE {} {:?} ({}) in: {}", s.id, p.text, p.q.value, s.text);
                }
            }
        }
    }
    let mut all = Tally::default();
    for t in by_source.values() {
        all.add(t);
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
    for (i, name) in CRITERIA.iter().enumerate() {
        report.prf(*name, all.tp[i], all.pred - all.tp[i], all.gold - all.tp[i]);
    }
    for (source, t) in &by_source {
        report.prf(
            format!("value [{source}]"),
            t.tp[0],
            t.pred - t.tp[0],
            t.gold - t.tp[0],
        );
    }
    let t = &alone_tally;
    report.prf(
        "value, no timexes",
        t.tp[0],
        t.pred - t.tp[0],
        t.gold - t.tp[0],
    );
    report.notes.push(
        "pipeline: claimtrail-time timexes, then claimtrail-quantity; pairs by span overlap; \
         'no timexes': the quantity tagger alone"
            .into(),
    );
    Ok(report)
}

/// The MEANTIME VALUE type a prediction corresponds to.
fn meantime_type(q: &Quantity) -> &'static str {
    match q.unit.as_deref() {
        Some("percent" | "percentage_point") => "PERCENT",
        Some(u) if is_currency(u) => "MONEY",
        _ => "QUANTITY",
    }
}

fn is_currency(unit: &str) -> bool {
    (unit.len() == 3 && unit.bytes().all(|b| b.is_ascii_uppercase()))
        || matches!(unit, "cent" | "pence" | "kopeck" | "DINAR" | "PESO")
}

fn score_meantime(dir: &Path) -> anyhow::Result<Report> {
    let corpus = meantime::read_corpus(dir)?;
    let times = TimeTagger::new();
    let tagger = QuantityTagger::new();
    let types = ["QUANTITY", "MONEY", "PERCENT"];
    let (mut gold_n, mut pred_n, mut overlap_tp, mut exact_tp) = (0, 0, 0, 0);
    let mut typed: BTreeMap<&str, (usize, usize, usize)> =
        types.iter().map(|&t| (t, (0, 0, 0))).collect();
    let mut outside = 0;
    for doc in &corpus.documents {
        let published = doc
            .creation_time()
            .and_then(|v| chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok());
        let meta = Metadata {
            published,
            ..Metadata::default()
        };
        let window_end = doc
            .sentences
            .iter()
            .find(|s| s.number >= meantime::TIME_VALUE_WINDOW.end)
            .map(|s| doc.tokens[s.tokens.start].chars.0)
            .unwrap_or(usize::MAX);
        let pred: Vec<Predicted> = predict(&doc.text, meta, Some(&times), &tagger)
            .into_iter()
            .filter(|p| p.end <= window_end)
            .collect();
        let mut gold = Vec::new();
        for m in doc.markables_tagged("VALUE") {
            match (doc.sentence_of(m), doc.char_span_of(m)) {
                (Some(s), Some(span)) if meantime::TIME_VALUE_WINDOW.contains(&s) => {
                    gold.push((span, m.attr("type").unwrap_or("QUANTITY").to_string()))
                }
                _ => outside += 1,
            }
        }
        let gspans: Vec<_> = gold.iter().map(|g| g.0).collect();
        let pspans: Vec<_> = pred.iter().map(|p| (p.start, p.end)).collect();
        let pairs = pair(&gspans, &pspans);
        gold_n += gold.len();
        pred_n += pred.len();
        for p in &pred {
            if let Some(t) = typed.get_mut(meantime_type(&p.q)) {
                t.1 += 1;
            }
        }
        for ((span, gtype), p) in gold.iter().zip(&pairs) {
            if let Some(t) = typed.get_mut(gtype.as_str()) {
                t.2 += 1;
            }
            let Some(p) = p.map(|i| &pred[i]) else {
                if verbose() {
                    eprintln!(
                        "MT-MISS {} {:?} {gtype}",
                        doc.name,
                        &doc.text
                            .chars()
                            .skip(span.0)
                            .take(span.1 - span.0)
                            .collect::<String>()
                    );
                }
                continue;
            };
            overlap_tp += 1;
            exact_tp += usize::from(*span == (p.start, p.end));
            if meantime_type(&p.q) == gtype {
                if let Some(t) = typed.get_mut(gtype.as_str()) {
                    t.0 += 1;
                }
            }
        }
        if verbose() {
            for (i, p) in pred.iter().enumerate() {
                if !pairs.contains(&Some(i)) {
                    eprintln!("MT-FALSE {} {:?}", doc.name, p.text);
                }
            }
        }
    }
    let mut report = Report::new(
        "quantity",
        format!(
            "{} ({} documents, {} VALUE in sentences 0-5)",
            dir.display(),
            corpus.documents.len(),
            gold_n
        ),
    );
    report.prf(
        "meantime span",
        overlap_tp,
        pred_n - overlap_tp,
        gold_n - overlap_tp,
    );
    report.prf(
        "meantime span exact",
        exact_tp,
        pred_n - exact_tp,
        gold_n - exact_tp,
    );
    let typed_tp: usize = typed.values().map(|t| t.0).sum();
    report.prf(
        "meantime span+type",
        typed_tp,
        pred_n - typed_tp,
        gold_n - typed_tp,
    );
    for (t, (tp, np, ng)) in &typed {
        report.prf(format!("meantime {t}"), *tp, np - tp, ng - tp);
    }
    report.notes.push(format!(
        "MEANTIME VALUE types: QUANTITY (counts, measures, index levels, ordinals), MONEY, PERCENT; predictions map to MONEY when \
         their unit is a currency, PERCENT for percent/percentage points, else QUANTITY. VALUE has no normalized value, so only \
         spans and types are scored. {outside} VALUE markables lie outside sentences 0-5 and are left out."
    ));
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The full run on the bundled data (slow in debug builds):
    /// `cargo test -p claimtrail-eval quantity::tests::bundled -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn bundled() {
        println!("{}", evaluate(None).unwrap());
    }

    #[test]
    fn pairs_by_largest_overlap() {
        let gold = [(0, 5), (10, 20)];
        let pred = [(12, 15), (0, 3), (9, 21)];
        assert_eq!(pair(&gold, &pred), [Some(1), Some(2)]);
        assert_eq!(pair(&[(0, 2)], &[(5, 6)]), [None]);
    }

    #[test]
    fn value_criterion_uses_bounds_for_ranges() {
        let g: GoldQuantity = serde_json::from_str(
            r#"{"start":0,"end":5,"value":1750,"low":1500,"high":2000,"qualifier":"exact","unit":null,"counted":"jobs","change":false}"#,
        )
        .unwrap();
        let doc = Document::new("1,500 to 2,000 jobs", Metadata::default());
        let q = &QuantityTagger::new().tag(&doc, &[])[0];
        assert!(value_matches(&g, q));
        let mut wrong = q.clone();
        wrong.high = Some(2500.0);
        assert!(!value_matches(&g, &wrong));
    }

    #[test]
    fn scores_a_small_jsonl_file() {
        let dir = std::env::temp_dir().join(format!("ct-qeval-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join("q.jsonl");
        std::fs::write(
            &path,
            concat!(
                r#"{"id":"a#1","source":"t","text":"They sent about 11,000 troops.","quantities":[{"start":10,"end":22,"value":11000,"low":null,"high":null,"qualifier":"approximately","unit":null,"counted":"troops","change":false}]}"#,
                "\n",
                r#"{"id":"a#2","source":"t","text":"Nothing here.","quantities":[]}"#,
                "\n"
            ),
        )
        .unwrap();
        let report = evaluate(Some(&path)).unwrap();
        let row = report.rows.iter().find(|r| r.label == "value").unwrap();
        let get = |k: &str| row.values.iter().find(|(n, _)| n == k).unwrap().1;
        assert_eq!((get("tp"), get("fn")), (1.0, 0.0));
        std::fs::remove_dir_all(&dir).ok();
    }
}
