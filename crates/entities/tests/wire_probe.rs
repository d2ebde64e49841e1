//! A regression floor on wire copy: 100 short stories written for this test in
//! the layout of agency newswire (headlines in capitals, datelines, results
//! lines and tables, company and market news, politics), annotated by hand
//! with CoNLL-2003 conventions (national sides are places, clubs named after
//! towns are organisations, nationalities and events are MISC, "Group C" is
//! nothing). Exact-span F1 over PER, ORG and LOC must stay at or above the
//! floor; `claimtrail eval ner --gold crates/entities/tests/data/wire_probe.conll`
//! prints the full table.
use claimtrail_entities::{EntityRecognizer, EntityType};
use std::collections::HashSet;

const PROBE: &str = include_str!("data/wire_probe.conll");

/// Documents as sentences of (word, gold tag) pairs.
fn documents() -> Vec<Vec<Vec<(&'static str, &'static str)>>> {
    let mut docs = Vec::new();
    let mut doc: Vec<Vec<(&str, &str)>> = Vec::new();
    let mut sent: Vec<(&str, &str)> = Vec::new();
    for line in PROBE.lines() {
        let cols: Vec<&str> = line.split_whitespace().collect();
        if cols.is_empty() {
            if !sent.is_empty() {
                doc.push(std::mem::take(&mut sent));
            }
            continue;
        }
        if cols[0] == "-DOCSTART-" {
            if !doc.is_empty() {
                docs.push(std::mem::take(&mut doc));
            }
            continue;
        }
        sent.push((cols[0], cols[cols.len() - 1]));
    }
    if !sent.is_empty() {
        doc.push(sent);
    }
    if !doc.is_empty() {
        docs.push(doc);
    }
    docs
}

/// Spans (sentence, start, end, type) of IOB2 tags, PER/ORG/LOC only.
fn gold_spans(doc: &[Vec<(&str, &str)>]) -> HashSet<(usize, usize, usize, String)> {
    let mut out = HashSet::new();
    for (si, s) in doc.iter().enumerate() {
        let mut open: Option<(usize, String)> = None;
        for (i, (_, tag)) in s.iter().chain([("", "O")].iter()).enumerate() {
            let (bio, ty) = tag.split_once('-').unwrap_or((tag, ""));
            let continues = bio == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
            if !continues {
                if let Some((start, t)) = open.take() {
                    out.insert((si, start, i, t));
                }
                if bio == "B" || bio == "I" {
                    open = Some((i, ty.to_string()));
                }
            }
        }
    }
    out.retain(|(_, _, _, t)| matches!(t.as_str(), "PER" | "ORG" | "LOC"));
    out
}

fn conll_type(t: EntityType) -> Option<&'static str> {
    match t {
        EntityType::Person => Some("PER"),
        EntityType::Org => Some("ORG"),
        EntityType::Gpe | EntityType::Loc => Some("LOC"),
        _ => None,
    }
}

#[test]
fn wire_copy_entity_f1_stays_above_the_floor() {
    let rec = EntityRecognizer::new();
    let (mut tp, mut fp, mut fn_) = (0usize, 0usize, 0usize);
    let docs = documents();
    assert!(docs.len() >= 100, "{} documents", docs.len());
    for doc in &docs {
        let sentences: Vec<Vec<&str>> = doc
            .iter()
            .map(|s| s.iter().map(|(w, _)| *w).collect())
            .collect();
        let tags = rec.tag_tokens(&sentences);
        let mut found = HashSet::new();
        for (si, s) in tags.iter().enumerate() {
            let mut open: Option<(usize, EntityType)> = None;
            for (i, t) in s.iter().chain([None].iter()).enumerate() {
                let continues = matches!((t, &open), (Some((ty, false)), Some((_, o))) if ty == o);
                if !continues {
                    if let Some((start, ty)) = open.take() {
                        if let Some(c) = conll_type(ty) {
                            found.insert((si, start, i, c.to_string()));
                        }
                    }
                    if let Some((ty, _)) = t {
                        open = Some((i, *ty));
                    }
                }
            }
        }
        let gold = gold_spans(doc);
        tp += found.intersection(&gold).count();
        fp += found.difference(&gold).count();
        fn_ += gold.difference(&found).count();
    }
    let p = tp as f64 / (tp + fp) as f64;
    let r = tp as f64 / (tp + fn_) as f64;
    let f1 = 200.0 * p * r / (p + r);
    assert!(
        f1 >= 90.0,
        "PER+ORG+LOC F1 {f1:.1} (tp {tp}, fp {fp}, fn {fn_})"
    );
}
