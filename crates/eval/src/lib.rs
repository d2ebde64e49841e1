//! Measuring claimtrail against public gold data.
//!
//! One module per task: the scorers behind `claimtrail eval` and model
//! training for `claimtrail train`, over the corpora in `data/`. The corpora
//! are read by `claimtrail-formats` (MEANTIME, TimeML, CoNLL-2003, CoNLL-U,
//! BRAT); re3d and the story folders are read here. Every scorer returns a
//! [`Report`], printed as a table or as JSON.

use serde::Serialize;
use std::fmt;
use std::path::{Path, PathBuf};

/// One row of a report: a label (a type, a task) and named figures.
#[derive(Clone, Debug, Serialize)]
pub struct Row {
    pub label: String,
    pub values: Vec<(String, f64)>,
}

/// The result of one scorer run.
#[derive(Clone, Debug, Serialize)]
pub struct Report {
    pub task: String,
    /// What was scored: the folder and how many documents/items.
    pub dataset: String,
    pub rows: Vec<Row>,
    pub notes: Vec<String>,
}

impl Report {
    pub fn new(task: impl Into<String>, dataset: impl Into<String>) -> Report {
        Report {
            task: task.into(),
            dataset: dataset.into(),
            rows: Vec::new(),
            notes: Vec::new(),
        }
    }

    pub fn row(&mut self, label: impl Into<String>, values: &[(&str, f64)]) -> &mut Report {
        let values = values.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        self.rows.push(Row {
            label: label.into(),
            values,
        });
        self
    }

    /// Precision, recall and F1 (all in percent) from counts.
    pub fn prf(
        &mut self,
        label: impl Into<String>,
        tp: usize,
        fp: usize,
        fn_: usize,
    ) -> &mut Report {
        let (p, r, f) = prf(tp, fp, fn_);
        self.row(
            label,
            &[
                ("P", p),
                ("R", r),
                ("F1", f),
                ("tp", tp as f64),
                ("fp", fp as f64),
                ("fn", fn_ as f64),
            ],
        )
    }
}

/// Precision, recall, F1 in percent; 0 where undefined.
pub fn prf(tp: usize, fp: usize, fn_: usize) -> (f64, f64, f64) {
    let p = if tp + fp == 0 {
        0.0
    } else {
        100.0 * tp as f64 / (tp + fp) as f64
    };
    let r = if tp + fn_ == 0 {
        0.0
    } else {
        100.0 * tp as f64 / (tp + fn_) as f64
    };
    let f = if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    };
    (p, r, f)
}

impl fmt::Display for Report {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(f, "{} on {}", self.task, self.dataset)?;
        let width = self
            .rows
            .iter()
            .map(|r| r.label.len())
            .max()
            .unwrap_or(0)
            .max(5);
        let mut header: Option<Vec<&str>> = None;
        for row in &self.rows {
            let names: Vec<&str> = row.values.iter().map(|(k, _)| k.as_str()).collect();
            if header.as_ref() != Some(&names) {
                write!(f, "{:width$}", "")?;
                for n in &names {
                    write!(f, " {n:>8}")?;
                }
                writeln!(f)?;
                header = Some(names);
            }
            write!(f, "{:width$}", row.label)?;
            for (_, v) in &row.values {
                if v.fract() == 0.0 && v.abs() >= 1.0 {
                    write!(f, " {v:>8.0}")?;
                } else {
                    write!(f, " {v:>8.1}")?;
                }
            }
            writeln!(f)?;
        }
        for n in &self.notes {
            writeln!(f, "note: {n}")?;
        }
        Ok(())
    }
}

// The readers of the gold corpora, under the names the scorers use.
use claimtrail_formats::{brat, conllu, meantime};

/// The MEANTIME corpus folder: `data/meantime-en`.
pub fn meantime_dir() -> PathBuf {
    data_dir().join("meantime-en")
}

/// Where the bundled gold data lives: `$CLAIMTRAIL_DATA`, else `data/` of the
/// repository this crate was built from.
pub fn data_dir() -> PathBuf {
    if let Some(dir) = std::env::var_os("CLAIMTRAIL_DATA") {
        return PathBuf::from(dir);
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    // Shown in reports: without the "crates/eval/../.." detour when it exists.
    dir.canonicalize().unwrap_or(dir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prf_counts() {
        assert_eq!(prf(0, 0, 0), (0.0, 0.0, 0.0));
        let (p, r, f) = prf(3, 1, 3);
        assert!((p - 75.0).abs() < 1e-9 && (r - 50.0).abs() < 1e-9 && (f - 60.0).abs() < 1e-9);
        let mut rep = Report::new("t", "d");
        rep.prf("all", 1, 1, 2);
        let table = rep.to_string();
        // fractional figures keep one decimal, whole ones print without
        assert!(table.contains("33.3") && table.contains(" 40 "), "{table}");
    }
}

pub mod attribution;
pub mod conll;
pub mod extraction;
pub mod lang;
pub mod quantity;
pub mod story;
pub mod timeml;
pub mod train;
pub mod xdoc;

/// The tasks `claimtrail eval` can score.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Task {
    /// TIMEX3 recognition and normalization (TempEval-3 metrics).
    Time,
    /// Numbers, ranges, units and qualifiers.
    Quantity,
    /// Quotes, attribution spans, speakers and stance (BRAT gold).
    Attribution,
    /// Tokens and sentence boundaries.
    Segmentation,
    /// Part-of-speech accuracy.
    Pos,
    /// Named-entity span F1 per type.
    Ner,
    /// Within-document coreference.
    Coref,
    /// Main-text extraction from HTML.
    Extraction,
    /// Cross-document entity and event coreference.
    CrossDoc,
    /// The whole engine on a real story with a fact sheet (a folder).
    Story,
}

impl Task {
    /// Every task with its command-line name.
    pub const ALL: [(&'static str, Task); 10] = [
        ("time", Task::Time),
        ("quantity", Task::Quantity),
        ("attribution", Task::Attribution),
        ("segmentation", Task::Segmentation),
        ("pos", Task::Pos),
        ("ner", Task::Ner),
        ("coref", Task::Coref),
        ("extraction", Task::Extraction),
        ("xdoc", Task::CrossDoc),
        ("story", Task::Story),
    ];

    pub fn from_name(name: &str) -> Option<Task> {
        Task::ALL.iter().find(|(n, _)| *n == name).map(|(_, t)| *t)
    }
}

/// Scores one task on the gold data at `gold` (its default folder when None).
pub fn evaluate(task: Task, gold: Option<&Path>) -> anyhow::Result<Report> {
    match task {
        Task::Time => timeml::evaluate(gold),
        Task::Quantity => quantity::evaluate(gold),
        Task::Attribution => attribution::evaluate(gold),
        Task::Segmentation => lang::evaluate_segmentation(gold),
        Task::Pos => lang::evaluate_pos(gold),
        Task::Ner => lang::evaluate_ner(gold),
        Task::Coref => lang::evaluate_coref(gold),
        Task::Extraction => extraction::evaluate(gold),
        Task::CrossDoc => xdoc::evaluate(gold),
        Task::Story => story::evaluate(gold),
    }
}
