//! Scoring main-text extraction from HTML on the article extraction benchmark
//! (`data/article-extraction-benchmark`: 181 real pages, gzipped, and
//! `ground-truth.json` with each page's `articleBody`).
//!
//! The metric is the benchmark's standard one: the extracted body and the gold
//! body are split into word tokens (runs of letters, digits and `_`), compared
//! as bags of 4-token shingles (so that a word out of place costs little but
//! boilerplate and missing passages count fully); each page's true/false
//! positive and false negative counts are normalised to sum to one, so that
//! long pages weigh no more than short ones; precision and recall are averaged
//! over pages and F1 is their harmonic mean. A bag-of-single-tokens variant is
//! reported beside it.

use crate::Report;
use anyhow::Context;
use serde::Deserialize;
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::{Path, PathBuf};

#[derive(Deserialize)]
struct Gold {
    #[serde(rename = "articleBody", default)]
    article_body: String,
}

/// One page's normalised counts (each set sums to 1, or all zero).
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

/// The scores of one page.
#[derive(Clone, Debug)]
pub struct PageScore {
    pub id: String,
    /// Counts over 4-token shingles (the benchmark's metric).
    pub shingles: Counts,
    /// Counts over single tokens.
    pub tokens: Counts,
}

/// Word tokens: maximal runs of alphanumeric characters or `_`.
fn tokens(text: &str) -> Vec<&str> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_'))
        .filter(|t| !t.is_empty())
        .collect()
}

/// Compares bags of `n`-token shingles (a text shorter than `n` tokens is one
/// shingle, so that short texts still count).
pub fn compare(gold: &str, predicted: &str, n: usize) -> Counts {
    fn bag<'a>(toks: &'a [&'a str], n: usize) -> HashMap<&'a [&'a str], i64> {
        let mut bag = HashMap::new();
        if toks.is_empty() {
            return bag;
        }
        if toks.len() < n {
            *bag.entry(toks).or_insert(0) += 1;
            return bag;
        }
        for w in toks.windows(n) {
            *bag.entry(w).or_insert(0) += 1;
        }
        bag
    }
    let (g, p) = (tokens(gold), tokens(predicted));
    let (gb, pb) = (bag(&g, n), bag(&p, n));
    let (mut tp, mut fp, mut fn_) = (0i64, 0i64, 0i64);
    for (k, &gc) in &gb {
        let pc = pb.get(k).copied().unwrap_or(0);
        tp += gc.min(pc);
        fn_ += (gc - pc).max(0);
    }
    for (k, &pc) in &pb {
        fp += (pc - gb.get(k).copied().unwrap_or(0)).max(0);
    }
    let sum = (tp + fp + fn_) as f64;
    if sum == 0.0 {
        return Counts::default();
    }
    Counts {
        tp: tp as f64 / sum,
        fp: fp as f64 / sum,
        fn_: fn_ as f64 / sum,
    }
}

/// Precision and recall averaged over pages (pages with nothing predicted do
/// not count for precision; pages with nothing to find do not count for
/// recall; identical texts score 1), and F1 as their harmonic mean.
pub fn aggregate(pages: &[Counts]) -> (f64, f64, f64) {
    let mean = |xs: Vec<f64>| {
        if xs.is_empty() {
            0.0
        } else {
            xs.iter().sum::<f64>() / xs.len() as f64
        }
    };
    let exact = |c: &Counts| c.fp == 0.0 && c.fn_ == 0.0;
    let p = mean(
        pages
            .iter()
            .filter(|c| c.tp + c.fp > 0.0 || exact(c))
            .map(|c| if exact(c) { 1.0 } else { c.tp / (c.tp + c.fp) })
            .collect(),
    );
    let r = mean(
        pages
            .iter()
            .filter(|c| c.tp + c.fn_ > 0.0 || exact(c))
            .map(|c| if exact(c) { 1.0 } else { c.tp / (c.tp + c.fn_) })
            .collect(),
    );
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

fn default_dir() -> PathBuf {
    crate::data_dir().join("article-extraction-benchmark")
}

/// Extracts every page of the benchmark at `dir` and scores it.
pub fn score_pages(dir: &Path) -> anyhow::Result<Vec<PageScore>> {
    let truth_path = dir.join("ground-truth.json");
    let raw = std::fs::read_to_string(&truth_path)
        .with_context(|| format!("{}: cannot read", truth_path.display()))?;
    let truth: BTreeMap<String, Gold> = serde_json::from_str(&raw)
        .with_context(|| format!("{}: not the benchmark's ground truth", truth_path.display()))?;
    let mut out = Vec::with_capacity(truth.len());
    for (id, gold) in &truth {
        let page_path = dir.join("html").join(format!("{id}.html.gz"));
        let file = std::fs::File::open(&page_path)
            .with_context(|| format!("{}: cannot open", page_path.display()))?;
        let mut bytes = Vec::new();
        flate2::read::MultiGzDecoder::new(file)
            .read_to_end(&mut bytes)
            .with_context(|| format!("{}: bad gzip", page_path.display()))?;
        let body = claimtrail_ingest::html::extract_bytes(&bytes, None).body();
        out.push(PageScore {
            id: id.clone(),
            shingles: compare(&gold.article_body, &body, 4),
            tokens: compare(&gold.article_body, &body, 1),
        });
    }
    Ok(out)
}

/// Scores `claimtrail_ingest::html` on the benchmark (its folder at `gold`,
/// else `data/article-extraction-benchmark`).
pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let dir = gold.map(Path::to_path_buf).unwrap_or_else(default_dir);
    let pages = score_pages(&dir)?;
    let mut report = Report::new(
        "main-text extraction",
        format!("{} ({} pages)", dir.display(), pages.len()),
    );
    for (label, counts) in [
        (
            "4-token shingles",
            pages.iter().map(|p| p.shingles).collect::<Vec<_>>(),
        ),
        ("single tokens", pages.iter().map(|p| p.tokens).collect()),
    ] {
        let (p, r, f) = aggregate(&counts);
        report.row(
            label,
            &[("P", 100.0 * p), ("R", 100.0 * r), ("F1", 100.0 * f)],
        );
    }
    let perfect = pages
        .iter()
        .filter(|p| p.shingles.fp == 0.0 && p.shingles.fn_ == 0.0)
        .count();
    report.notes.push(format!(
        "{perfect} pages extracted exactly (4-token shingles)"
    ));
    report.notes.push(
        "reference F1 on the same metric and pages: trafilatura 96.0, readability 94.9, newspaper3k 91.2, goose3 89.6".into(),
    );
    Ok(report)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shingle_counts() {
        let c = compare("a b c d e", "a b c d e", 4);
        assert_eq!(
            c,
            Counts {
                tp: 1.0,
                fp: 0.0,
                fn_: 0.0
            }
        );
        // Gold has 2 shingles; prediction shares one and adds one.
        let c = compare("a b c d e", "a b c d x", 4);
        assert!((c.tp - 1.0 / 3.0).abs() < 1e-9 && (c.fp - 1.0 / 3.0).abs() < 1e-9);
        // Short texts are one shingle.
        assert_eq!(compare("a b", "a b", 4).tp, 1.0);
        assert_eq!(compare("", "", 4), Counts::default());
        assert_eq!(
            tokens("U.S. troops, 1,500!"),
            ["U", "S", "troops", "1", "500"]
        );
    }

    #[test]
    fn averaging() {
        let pages = [
            Counts {
                tp: 0.5,
                fp: 0.5,
                fn_: 0.0,
            },
            Counts {
                tp: 0.0,
                fp: 0.0,
                fn_: 1.0,
            },
        ];
        let (p, r, f) = aggregate(&pages);
        assert!(
            (p - 0.5).abs() < 1e-9,
            "page 2 predicted nothing, so only page 1 counts for precision"
        );
        assert!((r - 0.5).abs() < 1e-9);
        assert!((f - 0.5).abs() < 1e-9);
    }

    /// The extractor on the bundled benchmark: a floor well under the measured
    /// figure (see docs/ingest.md), so that a regression shows.
    #[test]
    fn benchmark_floor() {
        let dir = default_dir();
        if !dir.join("ground-truth.json").exists() {
            return; // the data folder is part of the repository; absent only in a partial checkout
        }
        let pages = score_pages(&dir).unwrap();
        assert_eq!(pages.len(), 181);
        let (_, _, f) = aggregate(&pages.iter().map(|p| p.shingles).collect::<Vec<_>>());
        assert!(f > 0.95, "F1 {f}");
    }

    /// Diagnostics: the worst pages (`cargo test -p claimtrail-eval extraction::tests::worst -- --ignored --nocapture`).
    #[test]
    #[ignore]
    fn worst() {
        let mut pages = score_pages(&default_dir()).unwrap();
        let f = |c: &Counts| {
            if c.tp == 0.0 {
                0.0
            } else {
                2.0 * c.tp / (2.0 * c.tp + c.fp + c.fn_)
            }
        };
        pages.sort_by(|a, b| f(&a.shingles).total_cmp(&f(&b.shingles)));
        for p in pages.iter().take(40) {
            let s = p.shingles;
            println!(
                "{:.3} P={:.3} R={:.3} {}",
                f(&s),
                s.tp / (s.tp + s.fp).max(1e-9),
                s.tp / (s.tp + s.fn_).max(1e-9),
                p.id
            );
        }
    }
}
