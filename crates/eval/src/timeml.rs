//! Scoring the time tagger on TempEval-3 TimeML (documents read by
//! `claimtrail_formats::timeml`).
//!
//! Scoring follows the TempEval-3 definitions: strict (exact extent) and relaxed (overlapping
//! extent) precision, recall and F1, and type and value F1 over the relaxed
//! matches (`attribute F1 = relaxed F1 x attribute accuracy`); the
//! CREATION_TIME timex and empty (non-consuming) TIMEX3s are not scored.
//! Set `CLAIMTRAIL_EVAL_VERBOSE=1` to print every error (missed, spurious,
//! wrong extent, type or value) to stderr.

use crate::Report;
use anyhow::Context;
use claimtrail_formats::timeml::{read, tag_text, TimeMl};
use claimtrail_text::Span;
use claimtrail_time::{TimeTagger, Timex};
use std::path::{Path, PathBuf};

/// Counts of one scoring run.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Counts {
    pub gold: usize,
    pub system: usize,
    pub strict: usize,
    pub relaxed: usize,
    pub type_ok: usize,
    pub value_ok: usize,
}

/// Scores the tagger on every `.tml` file of `dir`; also returns one line per
/// error (missed, spurious, wrong extent, type or value) for inspection.
pub fn score(dir: &Path, tagger: &TimeTagger) -> anyhow::Result<(Counts, usize, Vec<String>)> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .with_context(|| format!("{}: cannot read the gold folder", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "tml"))
        .collect();
    files.sort();
    if files.is_empty() {
        anyhow::bail!("{}: no .tml files", dir.display());
    }
    let mut counts = Counts::default();
    let mut errors = Vec::new();
    for path in &files {
        let src = std::fs::read_to_string(path).with_context(|| format!("{}", path.display()))?;
        let doc = read(&src).with_context(|| format!("{}", path.display()))?;
        let system = tag_text(&doc.text, doc.dct, tagger);
        let name = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        score_document(&doc, &system, &mut counts, &mut |e| {
            errors.push(format!("{name}: {e}"))
        });
    }
    Ok((counts, files.len(), errors))
}

/// Adds one document's matches to `counts`, reporting errors to `err`.
fn score_document(
    doc: &TimeMl,
    system: &[Timex],
    counts: &mut Counts,
    err: &mut dyn FnMut(String),
) {
    let text = &doc.text;
    let slice = |s: Span| text.get(s.start..s.end).unwrap_or("");
    // The creation time is not scored: neither its gold tag nor a system tag on it.
    let system: Vec<&Timex> = system
        .iter()
        .filter(|t| !doc.creation_spans.iter().any(|c| c.overlaps(t.span)))
        .collect();
    counts.gold += doc.timexes.len();
    counts.system += system.len();
    let mut gold_used = vec![false; doc.timexes.len()];
    for t in system {
        // exact match first, then the first overlapping unmatched gold
        let exact = doc
            .timexes
            .iter()
            .enumerate()
            .position(|(k, g)| !gold_used[k] && g.span == t.span);
        let found = exact.or_else(|| {
            doc.timexes
                .iter()
                .enumerate()
                .position(|(k, g)| !gold_used[k] && g.span.overlaps(t.span))
        });
        let Some(k) = found else {
            err(format!(
                "spurious  {:?} {} {}",
                slice(t.span),
                t.ttype.as_str(),
                t.value
            ));
            continue;
        };
        gold_used[k] = true;
        let g = &doc.timexes[k];
        counts.relaxed += 1;
        if g.span == t.span {
            counts.strict += 1;
        } else {
            err(format!(
                "extent    {:?} gold {:?}",
                slice(t.span),
                slice(g.span)
            ));
        }
        if g.ttype == t.ttype.as_str() {
            counts.type_ok += 1;
        } else {
            err(format!(
                "type      {:?} {} gold {}",
                slice(t.span),
                t.ttype.as_str(),
                g.ttype
            ));
        }
        if g.value == t.value {
            counts.value_ok += 1;
        } else {
            err(format!(
                "value     {:?} {} gold {} (dct {:?})",
                slice(t.span),
                t.value,
                g.value,
                doc.dct
            ));
        }
    }
    for (k, g) in doc.timexes.iter().enumerate() {
        if !gold_used[k] {
            err(format!(
                "missed    {:?} {} {}",
                slice(g.span),
                g.ttype,
                g.value
            ));
        }
    }
}

/// The TempEval-3 figures of `counts` as a report.
pub fn report(counts: &Counts, dataset: String) -> Report {
    let c = counts;
    let mut rep = Report::new("time (TempEval-3 TIMEX3)", dataset);
    rep.prf("strict", c.strict, c.system - c.strict, c.gold - c.strict);
    rep.prf(
        "relaxed",
        c.relaxed,
        c.system - c.relaxed,
        c.gold - c.relaxed,
    );
    let attribute = |ok: usize| {
        let acc = if c.relaxed == 0 {
            0.0
        } else {
            100.0 * ok as f64 / c.relaxed as f64
        };
        let f1 = if c.system + c.gold == 0 {
            0.0
        } else {
            200.0 * ok as f64 / (c.system + c.gold) as f64
        };
        [("accuracy", acc), ("F1", f1), ("correct", ok as f64)]
    };
    rep.row("type", &attribute(c.type_ok));
    rep.row("value", &attribute(c.value_ok));
    rep.notes.push(format!(
        "{} gold timexes, {} system timexes",
        c.gold, c.system
    ));
    rep.notes.push("relaxed = overlapping extent; type and value F1 = relaxed F1 x accuracy on relaxed matches".into());
    rep
}

/// Scores the time tagger on a folder of TimeML documents (default:
/// `data/meantime-en-timeml/gold`).
pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let dir = gold
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::data_dir().join("meantime-en-timeml/gold"));
    let (counts, docs, errors) = score(&dir, &TimeTagger::new())?;
    if verbose() {
        for e in &errors {
            eprintln!("{e}");
        }
    }
    Ok(report(
        &counts,
        format!("{} ({docs} documents)", dir.display()),
    ))
}

fn verbose() -> bool {
    std::env::var_os("CLAIMTRAIL_EVAL_VERBOSE").is_some_and(|v| v != "0")
}

#[cfg(test)]
mod tests {
    use super::*;

    const DOC: &str = "<?xml version=\"1.0\" ?>\n<TimeML>\n<DOCID>d</DOCID>\n<DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"2009-05-14\" temporalFunction=\"false\" functionInDocument=\"CREATION_TIME\">2009-05-14</TIMEX3></DCT>\n<TEXT>\nAT&amp;T said <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"2009-05-14\">today</TIMEX3> it will <EVENT eid=\"e1\">close</EVENT> by <TIMEX3 tid=\"t2\" type=\"DATE\" value=\"2009-06\">early June</TIMEX3><TIMEX3 tid=\"t3\" type=\"DATE\" value=\"2009\" />.\n</TEXT>\n<TLINK lid=\"l1\" relType=\"BEFORE\" eventInstanceID=\"ei1\" relatedToTime=\"t0\"/>\n</TimeML>\n";

    #[test]
    fn creation_time_inside_text_is_not_scored() {
        let src = "<TimeML><DCT><TIMEX3 tid=\"t0\" type=\"DATE\" value=\"1989-10-26\" functionInDocument=\"CREATION_TIME\">x</TIMEX3></DCT><TEXT><TIMEX3 tid=\"t9\" type=\"DATE\" value=\"1989-10-26\" functionInDocument=\"CREATION_TIME\">10/26/89</TIMEX3> Prices fell <TIMEX3 tid=\"t1\" type=\"DATE\" value=\"1989-10-25\">yesterday</TIMEX3>.</TEXT></TimeML>";
        let doc = read(src).unwrap();
        assert_eq!(doc.timexes.len(), 1);
        assert_eq!(doc.creation_spans, vec![Span::new(0, 8)]);
        let system = tag_text(&doc.text, doc.dct, &TimeTagger::new());
        assert_eq!(system.len(), 2, "{system:?}");
        let mut counts = Counts::default();
        score_document(&doc, &system, &mut counts, &mut |_| {});
        assert_eq!((counts.system, counts.strict, counts.value_ok), (1, 1, 1));
    }

    #[test]
    fn scoring_counts_strict_relaxed_and_values() {
        let doc = read(DOC).unwrap();
        let t = |a: usize, b: usize, v: &str| Timex {
            span: Span::new(a, b),
            ttype: claimtrail_time::TimexType::Date,
            value: v.to_string(),
            modifier: None,
            interval: None,
        };
        let today = doc.text.find("today").unwrap();
        let june = doc.text.find("June").unwrap();
        let close = doc.text.find("close").unwrap();
        let system = [
            t(today, today + 5, "2009-05-14"),
            t(june, june + 4, "2009-07"),
            t(close, close + 5, "X"),
        ];
        let mut counts = Counts::default();
        let mut errors = Vec::new();
        score_document(&doc, &system, &mut counts, &mut |e| errors.push(e));
        assert_eq!(
            counts,
            Counts {
                gold: 2,
                system: 3,
                strict: 1,
                relaxed: 2,
                type_ok: 2,
                value_ok: 1
            }
        );
        assert_eq!(errors.len(), 3, "{errors:?}");
        let rep = report(&counts, "test".into());
        assert_eq!(rep.rows[0].label, "strict");
        let value_f1 = rep.rows[3].values[1].1;
        assert!((value_f1 - 40.0).abs() < 1e-9);
    }

    /// The bundled MEANTIME TimeML gold stays well above HeidelTime's figures
    /// there (relaxed 73.3, strict 67.3, value 61.9).
    #[test]
    fn meantime_floor() {
        let dir = crate::data_dir().join("meantime-en-timeml/gold");
        let (c, docs, _) = score(&dir, &TimeTagger::new()).unwrap();
        assert_eq!((docs, c.gold), (120, 486));
        let f1 = |ok: usize| 200.0 * ok as f64 / (c.system + c.gold) as f64;
        assert!(f1(c.strict) >= 90.0, "strict F1 {}", f1(c.strict));
        assert!(f1(c.relaxed) >= 93.0, "relaxed F1 {}", f1(c.relaxed));
        assert!(f1(c.value_ok) >= 86.0, "value F1 {}", f1(c.value_ok));
    }

    /// Prints every error on the bundled MEANTIME TimeML gold:
    /// `cargo test -p claimtrail-eval timeml::tests::meantime_errors -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn meantime_errors() {
        let dir = std::env::var_os("TIMEML_GOLD")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate::data_dir().join("meantime-en-timeml/gold"));
        let (counts, docs, errors) = score(&dir, &TimeTagger::new()).unwrap();
        for e in &errors {
            println!("{e}");
        }
        println!("{}", report(&counts, format!("{docs} docs")));
    }
}
