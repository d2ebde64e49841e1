//! The attribution scorer (`claimtrail eval attribution [DIR|FILE.ann]`).
//!
//! Runs the engine (entities, then attribution) on every `.txt` that has an
//! `.ann` beside it (default `data/attribution-gold/`), and compares with the
//! gold events (BRAT, read by [`crate::brat::read_ann`]):
//! - content P/R/F1 with exact matching (the same character fragments) and with
//!   overlap matching (one-to-one, greedily by the size of the overlap);
//! - cue P/R/F1, exact and overlap;
//! - speaker accuracy on overlap-matched pairs whose gold names a speaker: the
//!   predicted speaker counts when its source span, or a mention of its
//!   entity, overlaps the gold Source span, or its canonical name matches the
//!   gold note;
//! - stance and hedge accuracy on matched pairs whose gold carries them;
//! - the same content and speaker figures on direct quotes alone (contents that
//!   open with a quotation mark).

use crate::brat::{char_slice, fragments, read_ann, AnnAttribution, Frag};
use crate::Report;
use claimtrail_attribution::{AttributionLayer, Attributor};
use claimtrail_entities::{EntityLayer, EntityRecognizer};
use claimtrail_text::{Document, Metadata};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// One predicted attribution in gold terms.
#[derive(Clone, Debug)]
struct Pred {
    ann: AnnAttribution,
    /// Character spans of the predicted speaker entity's mentions.
    speaker_mentions: Vec<Frag>,
    direct: bool,
}

#[derive(Default)]
struct Tally {
    exact: Prf,
    overlap: Prf,
    cue_exact: Prf,
    cue_overlap: Prf,
    speaker: Ratio,
    stance: Ratio,
    hedged: Ratio,
    direct_exact: Prf,
    direct_overlap: Prf,
    direct_speaker: Ratio,
}

#[derive(Clone, Copy, Default)]
struct Prf {
    tp: usize,
    fp: usize,
    fn_: usize,
}

impl Prf {
    fn add(&mut self, tp: usize, pred: usize, gold: usize) {
        self.tp += tp;
        self.fp += pred - tp;
        self.fn_ += gold - tp;
    }
}

#[derive(Clone, Copy, Default)]
struct Ratio {
    ok: usize,
    n: usize,
}

impl Ratio {
    fn add(&mut self, ok: bool) {
        self.n += 1;
        self.ok += ok as usize;
    }

    fn pct(&self) -> f64 {
        if self.n == 0 {
            0.0
        } else {
            100.0 * self.ok as f64 / self.n as f64
        }
    }
}

pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let root = gold
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::data_dir().join("attribution-gold"));
    let docs = gold_documents(&root)?;
    anyhow::ensure!(
        !docs.is_empty(),
        "no .ann files with a .txt beside them in {}",
        root.display()
    );
    let recognizer = EntityRecognizer::new();
    let attributor = Attributor::new();
    let mut total = Tally::default();
    let mut by_corpus: BTreeMap<String, Tally> = BTreeMap::new();
    let mut n_gold = 0;
    let (mut entity_time, mut attribution_time) = (Duration::ZERO, Duration::ZERO);
    for (txt, ann) in &docs {
        let text = std::fs::read_to_string(txt)?;
        let gold = read_ann(&std::fs::read_to_string(ann)?)
            .map_err(|e| anyhow::anyhow!("{}: {e}", ann.display()))?;
        let doc = Document::new(text, Metadata::default());
        let clock = Instant::now();
        let ents = recognizer.recognize(&doc);
        entity_time += clock.elapsed();
        let clock = Instant::now();
        let layer = attributor.attribute(&doc, &ents);
        attribution_time += clock.elapsed();
        let pred = predictions(&doc, &ents, &layer);
        n_gold += gold.len();
        let gold_direct: Vec<bool> = gold
            .iter()
            .map(|a| {
                a.content
                    .first()
                    .is_some_and(|&f| starts_with_quote(&char_slice(&doc, f)))
            })
            .collect();
        let stem = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let corpus = stem.split('-').next().unwrap_or("other").to_string();
        for t in [&mut total, by_corpus.entry(corpus).or_default()] {
            score_document(&gold, &gold_direct, &pred, t);
        }
    }
    let mut report = Report::new(
        "attribution",
        format!(
            "{} ({} documents, {} gold attributions)",
            root.display(),
            docs.len(),
            n_gold
        ),
    );
    let t = &total;
    report.prf("content exact", t.exact.tp, t.exact.fp, t.exact.fn_);
    report.prf("content overlap", t.overlap.tp, t.overlap.fp, t.overlap.fn_);
    report.prf("cue exact", t.cue_exact.tp, t.cue_exact.fp, t.cue_exact.fn_);
    report.prf(
        "cue overlap",
        t.cue_overlap.tp,
        t.cue_overlap.fp,
        t.cue_overlap.fn_,
    );
    report.prf(
        "direct quotes exact",
        t.direct_exact.tp,
        t.direct_exact.fp,
        t.direct_exact.fn_,
    );
    report.prf(
        "direct quotes overlap",
        t.direct_overlap.tp,
        t.direct_overlap.fp,
        t.direct_overlap.fn_,
    );
    for (corpus, c) in &by_corpus {
        report.prf(
            format!("{corpus}: content overlap"),
            c.overlap.tp,
            c.overlap.fp,
            c.overlap.fn_,
        );
    }
    for (label, r) in [
        ("speaker accuracy", t.speaker),
        ("direct quotes speaker accuracy", t.direct_speaker),
        ("stance accuracy", t.stance),
        ("hedged accuracy", t.hedged),
    ] {
        report.row(label, &[("acc", r.pct()), ("n", r.n as f64)]);
    }
    report.notes.push("overlap: one-to-one, greedy by overlapping characters; speaker and stance on overlap-matched pairs".into());
    report.notes.push(format!(
        "time: attribution {:.1} ms, entity layer {:.1} ms (this build)",
        attribution_time.as_secs_f64() * 1e3,
        entity_time.as_secs_f64() * 1e3
    ));
    if recognizer
        .recognize(&Document::new("Joe Biden said it.", Metadata::default()))
        .mentions
        .is_empty()
    {
        report.notes.push("the entity layer returned no mentions: speakers count only through source-span overlap".into());
    }
    Ok(report)
}

/// `(txt, ann)` pairs: one file, or every `.ann` of a folder with its `.txt`.
fn gold_documents(root: &Path) -> anyhow::Result<Vec<(PathBuf, PathBuf)>> {
    if root.is_file() {
        return Ok(vec![(root.with_extension("txt"), root.to_path_buf())]);
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root).map_err(|e| anyhow::anyhow!("{}: {e}", root.display()))? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "ann") && path.with_extension("txt").is_file() {
            out.push((path.with_extension("txt"), path));
        }
    }
    out.sort();
    Ok(out)
}

fn predictions(doc: &Document, ents: &EntityLayer, layer: &AttributionLayer) -> Vec<Pred> {
    layer
        .attributions
        .iter()
        .map(|a| {
            let speaker_mentions = a
                .speaker
                .and_then(|e| ents.entities.get(e))
                .map(|e| {
                    e.mentions
                        .iter()
                        .filter_map(|&m| ents.mentions.get(m))
                        .flat_map(|m| fragments(doc, &[m.span]))
                        .collect()
                })
                .unwrap_or_default();
            let direct = a.quote.is_some()
                || a.content
                    .first()
                    .is_some_and(|c| starts_with_quote(doc.slice(*c)));
            Pred {
                ann: AnnAttribution {
                    source: a.source.map(|s| fragments(doc, &[s])),
                    cue: fragments(doc, &[a.cue]),
                    content: fragments(doc, &a.content),
                    stance: Some(a.stance.as_str().to_string()),
                    hedged: a.hedged,
                    speaker: a
                        .speaker
                        .and_then(|e| ents.entities.get(e))
                        .map(|e| e.canonical.clone()),
                },
                speaker_mentions,
                direct,
            }
        })
        .collect()
}

fn starts_with_quote(s: &str) -> bool {
    s.trim_start()
        .starts_with(|c: char| claimtrail_text::lex::is_quote_char(c))
}

fn overlap(a: &[Frag], b: &[Frag]) -> usize {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| (x, y)))
        .map(|(x, y)| y.1.min(x.1).saturating_sub(x.0.max(y.0)))
        .sum()
}

/// One-to-one matching, greedy by the size of the overlap of `key`.
fn match_overlap<'a>(
    gold: &[&'a AnnAttribution],
    pred: &[&'a AnnAttribution],
    key: fn(&AnnAttribution) -> &[Frag],
) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, ga) in gold.iter().enumerate() {
        for (p, pa) in pred.iter().enumerate() {
            let o = overlap(key(ga), key(pa));
            if o > 0 {
                pairs.push((o, g, p));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut out = Vec::new();
    for (_, g, p) in pairs {
        if !used_g[g] && !used_p[p] {
            used_g[g] = true;
            used_p[p] = true;
            out.push((g, p));
        }
    }
    out
}

fn match_exact(
    gold: &[&AnnAttribution],
    pred: &[&AnnAttribution],
    key: fn(&AnnAttribution) -> &[Frag],
) -> usize {
    let mut used = vec![false; pred.len()];
    let mut n = 0;
    for g in gold {
        if let Some(p) = (0..pred.len()).find(|&p| !used[p] && key(pred[p]) == key(g)) {
            used[p] = true;
            n += 1;
        }
    }
    n
}

/// `gold_direct[i]`: gold attribution `i` is a direct quote (its content opens with a quotation mark).
fn score_document(gold: &[AnnAttribution], gold_direct: &[bool], pred: &[Pred], t: &mut Tally) {
    let g: Vec<&AnnAttribution> = gold.iter().collect();
    let p: Vec<&AnnAttribution> = pred.iter().map(|x| &x.ann).collect();
    let content: fn(&AnnAttribution) -> &[Frag] = |a| &a.content;
    let cue: fn(&AnnAttribution) -> &[Frag] = |a| &a.cue;
    t.exact.add(match_exact(&g, &p, content), p.len(), g.len());
    t.cue_exact.add(match_exact(&g, &p, cue), p.len(), g.len());
    t.cue_overlap
        .add(match_overlap(&g, &p, cue).len(), p.len(), g.len());
    let matched = match_overlap(&g, &p, content);
    t.overlap.add(matched.len(), p.len(), g.len());
    for &(gi, pi) in &matched {
        if let Some(ok) = speaker_ok(g[gi], &pred[pi]) {
            t.speaker.add(ok);
        }
        if let Some(s) = &g[gi].stance {
            t.stance.add(p[pi].stance.as_deref() == Some(s.as_str()));
            t.hedged.add(p[pi].hedged == g[gi].hedged);
        }
    }
    // direct quotes alone
    let gd: Vec<&AnnAttribution> = gold
        .iter()
        .zip(gold_direct)
        .filter(|(_, &d)| d)
        .map(|(a, _)| a)
        .collect();
    let pd_idx: Vec<usize> = (0..pred.len()).filter(|&i| pred[i].direct).collect();
    let pd: Vec<&AnnAttribution> = pd_idx.iter().map(|&i| &pred[i].ann).collect();
    t.direct_exact
        .add(match_exact(&gd, &pd, content), pd.len(), gd.len());
    let dm = match_overlap(&gd, &pd, content);
    t.direct_overlap.add(dm.len(), pd.len(), gd.len());
    for (gi, pi) in dm {
        if let Some(ok) = speaker_ok(gd[gi], &pred[pd_idx[pi]]) {
            t.direct_speaker.add(ok);
        }
    }
}

/// Whether the predicted speaker is the gold one; None when the gold names none.
fn speaker_ok(gold: &AnnAttribution, pred: &Pred) -> Option<bool> {
    if gold.source.is_none() && gold.speaker.is_none() {
        return None;
    }
    if let Some(gs) = &gold.source {
        if pred
            .ann
            .source
            .as_ref()
            .is_some_and(|ps| overlap(gs, ps) > 0)
            || overlap(gs, &pred.speaker_mentions) > 0
        {
            return Some(true);
        }
    }
    let same_name = match (&gold.speaker, &pred.ann.speaker) {
        (Some(g), Some(p)) => names_match(g, p),
        _ => false,
    };
    Some(same_name)
}

/// Canonical names match when equal ignoring case, or when one is the other's
/// last words ("Jobs" / "Steve Jobs").
fn names_match(a: &str, b: &str) -> bool {
    let (a, b) = (a.trim().to_lowercase(), b.trim().to_lowercase());
    if a.is_empty() || b.is_empty() {
        return false;
    }
    a == b || a.ends_with(&format!(" {b}")) || b.ends_with(&format!(" {a}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seed_scores_perfectly_on_spans() {
        let report = evaluate(Some(
            &crate::data_dir().join("seed/zelenskyy-north-korea-address.ann"),
        ))
        .unwrap();
        let f1 = |label: &str| {
            report
                .rows
                .iter()
                .find(|r| r.label == label)
                .unwrap()
                .values
                .iter()
                .find(|(k, _)| k == "F1")
                .unwrap()
                .1
        };
        assert_eq!(f1("content exact"), 100.0, "{report}");
        assert_eq!(f1("cue exact"), 100.0, "{report}");
        assert_eq!(f1("direct quotes overlap"), 100.0, "{report}");
    }

    /// Development aid: `cargo test -p claimtrail-eval --lib gold_report -- --ignored --nocapture`.
    #[test]
    #[ignore]
    fn gold_report() {
        println!("{}", evaluate(None).unwrap());
    }

    /// Development aid: writes the engine's `.ann` for every gold text into `$PRED_DIR`.
    #[test]
    #[ignore]
    fn write_predictions() {
        let Some(dir) = std::env::var_os("PRED_DIR") else {
            return;
        };
        let root = crate::data_dir().join("attribution-gold");
        for (txt, _) in gold_documents(&root).unwrap() {
            let doc = Document::new(std::fs::read_to_string(&txt).unwrap(), Metadata::default());
            let ents = EntityRecognizer::new().recognize(&doc);
            let layer = Attributor::new().attribute(&doc, &ents);
            let out = Path::new(&dir).join(txt.with_extension("ann").file_name().unwrap());
            std::fs::write(out, crate::brat::write_ann(&doc, &ents, &layer)).unwrap();
        }
    }

    #[test]
    fn matching_is_one_to_one_and_greedy() {
        let a = |c: Vec<Frag>| AnnAttribution {
            content: c,
            ..Default::default()
        };
        let gold = [a(vec![(0, 10)]), a(vec![(20, 30)])];
        let pred = [a(vec![(5, 25)]), a(vec![(0, 9)])];
        let g: Vec<&AnnAttribution> = gold.iter().collect();
        let p: Vec<&AnnAttribution> = pred.iter().collect();
        let m = match_overlap(&g, &p, |x| &x.content);
        assert_eq!(m, vec![(0, 1), (1, 0)]);
        assert!(names_match("Steve Jobs", "jobs") && !names_match("Jobs", "Steve"));
    }
}
