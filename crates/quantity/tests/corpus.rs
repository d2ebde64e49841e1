//! Example files in `tests/corpus/`: sentences with the figure each must
//! yield (`*.tsv` but `negatives.tsv`: sentence, figure as written, value,
//! unit, and optionally the unit as written and the stated value) and
//! sentences whose number must yield no figure (`negatives.tsv`).

use claimtrail_quantity::{Quantity, QuantityTagger};
use claimtrail_text::{Document, Metadata};
use std::path::Path;

fn rows(path: &Path) -> Vec<Vec<String>> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect()
}

fn figures(text: &str) -> (Document, Vec<Quantity>) {
    let doc = Document::new(text, Metadata::default());
    let q = QuantityTagger::new().tag(&doc, &[]);
    (doc, q)
}

fn corpus_files() -> Vec<std::path::PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "tsv"))
        .collect();
    files.sort();
    files
}

#[test]
fn expected_figures() {
    let mut failures = Vec::new();
    for file in corpus_files()
        .iter()
        .filter(|p| !p.ends_with("negatives.tsv"))
    {
        for row in rows(file) {
            let (text, written, value, unit) = match &row[..] {
                [t, w, v, u] | [t, w, v, u, _, _] => (t, w, v, u),
                _ => panic!("{}: want 4 or 6 fields: {row:?}", file.display()),
            };
            let close = |a: f64, b: f64| (a - b).abs() <= 1e-6 * b.abs().max(1.0);
            let value: f64 = value.parse().unwrap();
            let unit = (unit != "-").then_some(unit.as_str());
            let (doc, qs) = figures(text);
            let got = qs.iter().find(|q| doc.slice(q.span) == written);
            let stated_ok = |q: &Quantity| match &row[..] {
                [_, _, _, _, as_written, stated] => {
                    q.unit_written.as_deref() == Some(as_written.as_str())
                        && close(q.stated_value(), stated.parse().unwrap())
                }
                _ => true,
            };
            let ok = got.is_some_and(|q| {
                close(q.value, value) && q.unit.as_deref() == unit && stated_ok(q)
            });
            if !ok {
                let all: Vec<_> = qs
                    .iter()
                    .map(|q| {
                        let (span, v, u, w) =
                            (doc.slice(q.span), q.value, &q.unit, &q.unit_written);
                        format!(
                            "{span:?}={v} {u:?} written {w:?} stated {}",
                            q.stated_value()
                        )
                    })
                    .collect();
                failures.push(format!(
                    "{text}\n  want {written:?}={value} {unit:?}\n  got {all:?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn negatives() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpus/negatives.tsv");
    let mut failures = Vec::new();
    for row in rows(&path) {
        let [text, number] = &row[..] else {
            panic!("negatives.tsv: want 2 fields: {row:?}");
        };
        let (doc, qs) = figures(text);
        let start = text
            .find(number.as_str())
            .expect("the number is in its sentence");
        let end = start + number.len();
        for q in &qs {
            if q.span.start < end && start < q.span.end {
                failures.push(format!("{text}: {:?} is a figure", doc.slice(q.span)));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
