//! Scoring named entities on CoNLL-2003 files (read and tagged by
//! `claimtrail_formats::conll`).
use crate::Report;
use claimtrail_entities::EntityRecognizer;
use claimtrail_formats::conll::{predicted_tags, tag_spans};
use std::collections::HashSet;
use std::path::Path;

/// Scores a CoNLL-2003 file whose last column is the gold tag: span F1 per type
/// and over PER, ORG and LOC together.
pub fn evaluate_file(path: &Path) -> anyhow::Result<Report> {
    let input = std::fs::read_to_string(path)?;
    let rec = EntityRecognizer::new();
    let (lines, pred) = predicted_tags(&input, &rec);
    let gold: Vec<Option<String>> = lines
        .iter()
        .zip(&pred)
        .map(|(l, p)| {
            p.as_ref()
                .and(l.split_whitespace().last().map(String::from))
        })
        .collect();
    // Separators end spans on both sides.
    let (p, g) = (tag_spans(&pred), tag_spans(&gold));
    let mut rep = Report::new("ner (CoNLL-2003 span F1)", path.display().to_string());
    let mut main = [0usize; 3];
    for ty in ["PER", "ORG", "LOC", "MISC"] {
        let ps: HashSet<_> = p.iter().filter(|s| s.2 == ty).collect();
        let gs: HashSet<_> = g.iter().filter(|s| s.2 == ty).collect();
        let tp = ps.intersection(&gs).count();
        rep.prf(ty, tp, ps.len() - tp, gs.len() - tp);
        if ty != "MISC" {
            main[0] += tp;
            main[1] += ps.len() - tp;
            main[2] += gs.len() - tp;
        }
    }
    rep.prf("PER+ORG+LOC", main[0], main[1], main[2]);
    Ok(rep)
}
