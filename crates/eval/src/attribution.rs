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

use crate::brat::{fragments, read_ann_as, AnnAttribution, Dialect, Frag};
use crate::Report;
use claimtrail_attribution::{AttributionLayer, Attributor, Blend};
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

/// Scores against the first annotator of each text (by file name), or
/// against every annotator when the environment variable
/// `CLAIMTRAIL_ALL_ANNOTATORS` is set (each annotator's file is then one
/// scored document).
/// `CLAIMTRAIL_BLEND` (rules, model, union or refine) scores another blend of
/// rules and tagger than the default.
pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let all = std::env::var_os("CLAIMTRAIL_ALL_ANNOTATORS").is_some();
    let blend = match std::env::var("CLAIMTRAIL_BLEND").as_deref() {
        Err(_) => Blend::default(),
        Ok("rules") => Blend::Rules,
        Ok("model") => Blend::Model,
        Ok("union") => Blend::Union,
        Ok("refine") => Blend::Refine,
        Ok(other) => {
            anyhow::bail!("CLAIMTRAIL_BLEND={other:?}: expected rules, model, union or refine")
        }
    };
    let attributor = Attributor::with(blend, None).expect("no model bytes given");
    evaluate_with(gold, &attributor, all)
}

/// [`evaluate`] with a given attributor and annotator choice.
pub fn evaluate_with(
    gold: Option<&Path>,
    attributor: &Attributor,
    all_annotators: bool,
) -> anyhow::Result<Report> {
    let root = gold
        .map(Path::to_path_buf)
        .unwrap_or_else(|| crate::data_dir().join("attribution-gold"));
    let (docs, dialect) = gold_documents(&root)?;
    anyhow::ensure!(
        !docs.is_empty(),
        "no .ann files with a .txt beside them in {} (nor text/ and attributions/ folders)",
        root.display()
    );
    let recognizer = EntityRecognizer::new();
    let mut total = Tally::default();
    let mut by_corpus: BTreeMap<String, Tally> = BTreeMap::new();
    let (mut n_gold, mut n_scored) = (0, 0);
    let (mut entity_time, mut attribution_time) = (Duration::ZERO, Duration::ZERO);
    for (txt, anns) in &docs {
        let text =
            std::fs::read_to_string(txt).map_err(|e| anyhow::anyhow!("{}: {e}", txt.display()))?;
        let doc = Document::new(text, Metadata::default());
        let clock = Instant::now();
        let ents = recognizer.recognize(&doc);
        entity_time += clock.elapsed();
        let clock = Instant::now();
        let mut layer = attributor.attribute(&doc, &ents);
        attribution_time += clock.elapsed();
        if dialect == Dialect::PolNeAR {
            claimtrail_attribution::to_parc_spans(&doc, &mut layer);
        }
        let chars = Chars::new(doc.text());
        let pred = predictions(&doc, &ents, &layer, &chars);
        let stem = txt.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        let corpus = stem.split(['-', '_']).next().unwrap_or("other").to_string();
        let chosen = if all_annotators {
            &anns[..]
        } else {
            &anns[..1]
        };
        for ann in chosen {
            let body = std::fs::read_to_string(ann)
                .map_err(|e| anyhow::anyhow!("{}: {e}", ann.display()))?;
            let gold: Vec<AnnAttribution> = read_ann_as(&body, dialect)
                .map_err(|e| anyhow::anyhow!("{}: {e}", ann.display()))?
                .into_iter()
                .map(|a| normalise(a, &chars))
                .collect();
            n_gold += gold.len();
            n_scored += 1;
            for t in [&mut total, by_corpus.entry(corpus.clone()).or_default()] {
                score_document(&gold, &pred, &chars, t);
            }
        }
    }
    let who = if all_annotators {
        "every annotator"
    } else {
        "first annotator"
    };
    let mut report = Report::new(
        "attribution",
        format!(
            "{} ({} documents, {} annotation files scored ({who}), {} gold attributions)",
            root.display(),
            docs.len(),
            n_scored,
            n_gold
        ),
    );
    add_rows(&mut report, &total, &by_corpus);
    report.notes.push("overlap: one-to-one, greedy by shared non-blank characters; exact: the same characters, white space ignored; speaker and stance on overlap-matched pairs; direct quotes: contents holding or wrapped in quotation marks".into());
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

fn add_rows(report: &mut Report, t: &Tally, by_corpus: &BTreeMap<String, Tally>) {
    for (label, p) in [
        ("content exact", t.exact),
        ("content overlap", t.overlap),
        ("cue exact", t.cue_exact),
        ("cue overlap", t.cue_overlap),
        ("direct quotes exact", t.direct_exact),
        ("direct quotes overlap", t.direct_overlap),
    ] {
        report.prf(label, p.tp, p.fp, p.fn_);
    }
    for (corpus, c) in by_corpus {
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
}

/// A text and its annotation files, sorted by name.
pub(crate) type GoldText = (PathBuf, Vec<PathBuf>);

/// The texts to score, each with its annotation files (sorted by name), and
/// the dialect they are written in. Three layouts: one `.ann` file (its
/// `.txt` beside it); PolNeAR's `DIR/text/<article>.txt` with
/// `DIR/attributions/<article>_<annotator>.ann`; or a folder of `.ann` files
/// each with its `.txt` beside it.
pub(crate) fn gold_documents(root: &Path) -> anyhow::Result<(Vec<GoldText>, Dialect)> {
    if root.is_file() {
        let txt = root.with_extension("txt");
        return Ok((vec![(txt, vec![root.to_path_buf()])], Dialect::Seed));
    }
    let list = |dir: &Path, ext: &str| -> anyhow::Result<Vec<PathBuf>> {
        let mut out = Vec::new();
        for entry in
            std::fs::read_dir(dir).map_err(|e| anyhow::anyhow!("{}: {e}", dir.display()))?
        {
            let path = entry?.path();
            if path.extension().is_some_and(|e| e == ext) {
                out.push(path);
            }
        }
        out.sort();
        Ok(out)
    };
    let (text_dir, ann_dir) = (root.join("text"), root.join("attributions"));
    if !(text_dir.is_dir() && ann_dir.is_dir()) {
        let docs = list(root, "ann")?
            .into_iter()
            .filter(|a| a.with_extension("txt").is_file())
            .map(|a| (a.with_extension("txt"), vec![a]))
            .collect();
        return Ok((docs, Dialect::Seed));
    }
    let mut by_article: BTreeMap<String, Vec<PathBuf>> = BTreeMap::new();
    for ann in list(&ann_dir, "ann")? {
        let stem = ann.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if let Some((article, _annotator)) = stem.rsplit_once('_') {
            by_article.entry(article.to_string()).or_default().push(ann);
        }
    }
    let docs = list(&text_dir, "txt")?
        .into_iter()
        .filter_map(|txt| {
            let stem = txt.file_stem()?.to_str()?.to_string();
            Some((txt, by_article.remove(&stem)?))
        })
        .collect();
    Ok((docs, Dialect::PolNeAR))
}

/// Per character of a text: whether it is blank, and the count of non-blank
/// characters before it, so that spans compare with white space ignored.
struct Chars {
    blank: Vec<bool>,
    /// `solid[i]`: non-blank characters in `[0, i)`; one longer than the text.
    solid: Vec<u32>,
    chars: Vec<char>,
}

impl Chars {
    fn new(text: &str) -> Chars {
        let chars: Vec<char> = text.chars().collect();
        let blank: Vec<bool> = chars.iter().map(|c| c.is_whitespace()).collect();
        let mut solid = Vec::with_capacity(chars.len() + 1);
        let mut n = 0u32;
        solid.push(0);
        for &b in &blank {
            n += u32::from(!b);
            solid.push(n);
        }
        Chars {
            blank,
            solid,
            chars,
        }
    }

    /// Non-blank characters in `[a, b)` (clamped to the text).
    fn solid_in(&self, a: usize, b: usize) -> usize {
        let n = self.blank.len();
        let (a, b) = (a.min(n), b.min(n));
        if a >= b {
            0
        } else {
            (self.solid[b] - self.solid[a]) as usize
        }
    }

    /// Fragments trimmed of white space, sorted, empty ones dropped, and
    /// neighbours with only white space between them merged.
    fn canonical(&self, frags: &[Frag]) -> Vec<Frag> {
        let n = self.blank.len();
        let mut v: Vec<Frag> = frags
            .iter()
            .filter_map(|&(a, b)| {
                let (mut a, mut b) = (a.min(n), b.min(n));
                while a < b && self.blank[a] {
                    a += 1;
                }
                while b > a && self.blank[b - 1] {
                    b -= 1;
                }
                (a < b).then_some((a, b))
            })
            .collect();
        v.sort_unstable();
        let mut out: Vec<Frag> = Vec::with_capacity(v.len());
        for f in v {
            match out.last_mut() {
                Some(last) if f.0 <= last.1 || self.solid_in(last.1, f.0) == 0 => {
                    last.1 = last.1.max(f.1)
                }
                _ => out.push(f),
            }
        }
        out
    }

    fn text(&self, frags: &[Frag]) -> String {
        let n = self.chars.len();
        let parts: Vec<String> = frags
            .iter()
            .map(|&(a, b)| self.chars[a.min(n)..b.min(n)].iter().collect())
            .collect();
        parts.join(" ")
    }

    /// Whether a content holds a quotation mark or is wrapped in them.
    fn is_direct(&self, frags: &[Frag]) -> bool {
        let q = |i: usize| {
            self.chars
                .get(i)
                .is_some_and(|&c| claimtrail_text::lex::is_quote_char(c))
        };
        let holds = frags.iter().any(|&(a, b)| (a..b).any(q));
        let wrapped = match (frags.first(), frags.last()) {
            (Some(f), Some(l)) => f.0 > 0 && q(f.0 - 1) && q(l.1),
            _ => false,
        };
        holds || wrapped
    }
}

/// An attribution with its spans in [`Chars::canonical`] form.
fn normalise(mut a: AnnAttribution, chars: &Chars) -> AnnAttribution {
    a.content = chars.canonical(&a.content);
    a.cue = chars.canonical(&a.cue);
    a.source = a.source.map(|s| chars.canonical(&s));
    a
}

fn predictions(
    doc: &Document,
    ents: &EntityLayer,
    layer: &AttributionLayer,
    chars: &Chars,
) -> Vec<Pred> {
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
            let ann = normalise(
                AnnAttribution {
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
                chars,
            );
            let direct = a.quote.is_some() || chars.is_direct(&ann.content);
            Pred {
                ann,
                speaker_mentions,
                direct,
            }
        })
        .collect()
}

/// Shared non-blank characters of two fragment lists.
fn overlap(a: &[Frag], b: &[Frag], chars: &Chars) -> usize {
    a.iter()
        .flat_map(|x| b.iter().map(move |y| (x, y)))
        .map(|(x, y)| chars.solid_in(x.0.max(y.0), y.1.min(x.1)))
        .sum()
}

type Key = fn(&AnnAttribution) -> &[Frag];

/// One-to-one matching, greedy by the size of the overlap of `key`.
fn match_overlap(
    gold: &[&AnnAttribution],
    pred: &[&AnnAttribution],
    key: Key,
    chars: &Chars,
) -> Vec<(usize, usize)> {
    let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
    for (g, ga) in gold.iter().enumerate() {
        for (p, pa) in pred.iter().enumerate() {
            let o = overlap(key(ga), key(pa), chars);
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

/// Exact matches (spans already canonical, so white space is ignored).
fn match_exact(gold: &[&AnnAttribution], pred: &[&AnnAttribution], key: Key) -> usize {
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

/// Scores one annotation file's `gold` against the predictions.
fn score_document(gold: &[AnnAttribution], pred: &[Pred], chars: &Chars, t: &mut Tally) {
    let g: Vec<&AnnAttribution> = gold.iter().collect();
    let p: Vec<&AnnAttribution> = pred.iter().map(|x| &x.ann).collect();
    let content: Key = |a| &a.content;
    let cue: Key = |a| &a.cue;
    t.exact.add(match_exact(&g, &p, content), p.len(), g.len());
    t.cue_exact.add(match_exact(&g, &p, cue), p.len(), g.len());
    t.cue_overlap
        .add(match_overlap(&g, &p, cue, chars).len(), p.len(), g.len());
    let matched = match_overlap(&g, &p, content, chars);
    t.overlap.add(matched.len(), p.len(), g.len());
    for &(gi, pi) in &matched {
        if let Some(ok) = speaker_ok(g[gi], &pred[pi], chars) {
            t.speaker.add(ok);
        }
        if let Some(s) = &g[gi].stance {
            t.stance.add(p[pi].stance.as_deref() == Some(s.as_str()));
            t.hedged.add(p[pi].hedged == g[gi].hedged);
        }
    }
    // direct quotes alone
    let gd: Vec<&AnnAttribution> = g
        .iter()
        .copied()
        .filter(|a| chars.is_direct(&a.content))
        .collect();
    let pd_idx: Vec<usize> = (0..pred.len()).filter(|&i| pred[i].direct).collect();
    let pd: Vec<&AnnAttribution> = pd_idx.iter().map(|&i| &pred[i].ann).collect();
    t.direct_exact
        .add(match_exact(&gd, &pd, content), pd.len(), gd.len());
    let dm = match_overlap(&gd, &pd, content, chars);
    t.direct_overlap.add(dm.len(), pd.len(), gd.len());
    for (gi, pi) in dm {
        if let Some(ok) = speaker_ok(gd[gi], &pred[pd_idx[pi]], chars) {
            t.direct_speaker.add(ok);
        }
    }
}

/// Whether the predicted speaker is the gold one; None when the gold names
/// none. Right when the predicted source span (or a mention of the predicted
/// speaker) overlaps the gold Source, or the predicted speaker's name is the
/// gold note, the gold Source's text, or holds the gold Source's head word.
fn speaker_ok(gold: &AnnAttribution, pred: &Pred, chars: &Chars) -> Option<bool> {
    if gold.source.is_none() && gold.speaker.is_none() {
        return None;
    }
    let name = pred.ann.speaker.as_deref();
    if let Some(gs) = &gold.source {
        let overlaps = |p: &[Frag]| overlap(gs, p, chars) > 0;
        if pred.ann.source.as_deref().is_some_and(overlaps) || overlaps(&pred.speaker_mentions) {
            return Some(true);
        }
        let text = chars.text(gs);
        if let Some(n) = name {
            let head = head_word(&text);
            let holds_head =
                head.is_some_and(|h| n.split_whitespace().any(|w| w.eq_ignore_ascii_case(h)));
            if names_match(&text, n) || holds_head {
                return Some(true);
            }
        }
    }
    Some(match (&gold.speaker, name) {
        (Some(g), Some(p)) => names_match(g, p),
        _ => false,
    })
}

/// The head word of a source phrase: its last word before a comma, a
/// parenthesis, "of", "who", "which" or "that" ("Post" in "The New York
/// Post", "spokesman" in "a spokesman for the ministry, Ana Lee" is cut at
/// "for"), without a possessive ending.
fn head_word(source: &str) -> Option<&str> {
    const STOPS: [&str; 8] = ["of", "for", "at", "from", "in", "who", "which", "that"];
    let cut = source.split([',', '(', ';']).next().unwrap_or("");
    let mut head = None;
    for w in cut.split_whitespace() {
        if STOPS.contains(&w.to_lowercase().as_str()) && head.is_some() {
            break;
        }
        let w = w
            .strip_suffix("'s")
            .or_else(|| w.strip_suffix("’s"))
            .unwrap_or(w);
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        if !w.is_empty() {
            head = Some(w);
        }
    }
    head
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

    /// Development aid: writes the engine's `.ann` for every gold text (of
    /// `$GOLD_DIR`, default data/attribution-gold) into `$PRED_DIR`.
    #[test]
    #[ignore]
    fn write_predictions() {
        let Some(dir) = std::env::var_os("PRED_DIR") else {
            return;
        };
        let root = std::env::var_os("GOLD_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| crate::data_dir().join("attribution-gold"));
        for (txt, _) in gold_documents(&root).unwrap().0 {
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
        let chars = Chars::new(&"x".repeat(40));
        let m = match_overlap(&g, &p, |x| &x.content, &chars);
        assert_eq!(m, vec![(0, 1), (1, 0)]);
        assert!(names_match("Steve Jobs", "jobs") && !names_match("Jobs", "Steve"));
    }

    fn fixture() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/brat-mini")
    }

    #[test]
    fn reads_the_polnear_layout_first_annotator_first() {
        let (docs, dialect) = gold_documents(&fixture()).unwrap();
        assert_eq!(dialect, Dialect::PolNeAR);
        assert_eq!(docs.len(), 1);
        let names: Vec<_> = docs[0].1.iter().map(|p| p.file_name().unwrap()).collect();
        assert_eq!(names, ["harbour-pier_a1.ann", "harbour-pier_b2.ann"]);
        // the notes of PolNeAR are comments, not speaker names; an event without content is skipped
        let a1 = read_ann_as(&std::fs::read_to_string(&docs[0].1[0]).unwrap(), dialect).unwrap();
        assert_eq!(a1.len(), 3);
        assert!(a1.iter().all(|a| a.speaker.is_none()));
        let b2 = read_ann_as(&std::fs::read_to_string(&docs[0].1[1]).unwrap(), dialect).unwrap();
        assert_eq!((b2.len(), b2[0].source.is_none()), (1, true));
        assert!(crate::brat::read_ann(&std::fs::read_to_string(&docs[0].1[1]).unwrap()).is_err());
    }

    fn gold_and_chars() -> (Vec<AnnAttribution>, Chars) {
        let dir = fixture();
        let text = std::fs::read_to_string(dir.join("text/harbour-pier.txt")).unwrap();
        let ann = std::fs::read_to_string(dir.join("attributions/harbour-pier_a1.ann")).unwrap();
        let chars = Chars::new(&text);
        let gold = read_ann_as(&ann, Dialect::PolNeAR)
            .unwrap()
            .into_iter()
            .map(|a| normalise(a, &chars))
            .collect();
        (gold, chars)
    }

    fn pred(ann: AnnAttribution, chars: &Chars) -> Pred {
        let ann = normalise(ann, chars);
        let direct = chars.is_direct(&ann.content);
        Pred {
            ann,
            speaker_mentions: Vec::new(),
            direct,
        }
    }

    #[test]
    fn exact_ignores_white_space_and_speakers_match_by_head_word() {
        let (gold, chars) = gold_and_chars();
        let mut first = gold[0].clone();
        let (a, b) = first.content[0];
        first.content = vec![(a - 1, b - 5), (b - 4, b)]; // wider by blanks, split at a blank
        first.source = None;
        first.speaker = Some("Mira Okafor".into());
        let mut second = gold[1].clone();
        second.content = vec![(second.content[0].0 + 1, second.content[0].1 - 1)];
        let mut third = gold[2].clone();
        third.source = Some(vec![(0, 7)]);
        third.speaker = Some("Auditor General".into());
        let preds: Vec<Pred> = [first.clone(), second, third]
            .into_iter()
            .map(|a| pred(a, &chars))
            .collect();
        assert_eq!(first.content.len(), 2);
        assert_eq!(preds[0].ann.content, gold[0].content);
        let mut t = Tally::default();
        score_document(&gold, &preds, &chars, &mut t);
        assert_eq!((t.exact.tp, t.overlap.tp, t.overlap.fp), (2, 3, 0));
        assert_eq!((t.cue_exact.tp, t.speaker.ok, t.speaker.n), (3, 2, 3));
        assert_eq!((t.direct_overlap.tp, t.direct_exact.tp), (1, 0));
        assert_eq!(
            head_word("The Harbour Authority's board of directors"),
            Some("board")
        );
        assert_eq!(head_word("Mira Okafor, the harbour chief"), Some("Okafor"));
    }

    #[test]
    fn a_content_wrapped_in_quotation_marks_is_direct() {
        let chars = Chars::new("He said \"we go\" and left.");
        assert!(chars.is_direct(&[(9, 14)]));
        assert!(chars.is_direct(&[(8, 15)]));
        assert!(!chars.is_direct(&[(0, 7)]));
    }

    #[test]
    fn scores_a_polnear_folder_end_to_end() {
        let first = evaluate_with(Some(&fixture()), &Attributor::new(), false).unwrap();
        assert!(
            first.dataset.contains("3 gold attributions"),
            "{}",
            first.dataset
        );
        let all = evaluate_with(Some(&fixture()), &Attributor::new(), true).unwrap();
        assert!(
            all.dataset.contains("4 gold attributions"),
            "{}",
            all.dataset
        );
        let row = |r: &Report, label: &str| r.rows.iter().find(|x| x.label == label).cloned();
        assert!(row(&first, "content overlap").is_some());
        assert!(row(&first, "direct quotes speaker accuracy").is_some());
    }

    /// PolNeAR dev, when `../shared` is there: every file reads, and the engine scores.
    #[test]
    fn reads_and_scores_polnear_dev() {
        let dev = crate::data_dir().join("../../shared/data/polnear/dev");
        if !dev.is_dir() {
            eprintln!("skip: no PolNeAR at {}", dev.display());
            return;
        }
        let (docs, dialect) = gold_documents(&dev).unwrap();
        assert!(docs.len() > 50 && dialect == Dialect::PolNeAR);
        let mut n = 0;
        for ann in docs.iter().flat_map(|d| &d.1) {
            n += read_ann_as(&std::fs::read_to_string(ann).unwrap(), dialect)
                .unwrap_or_else(|e| panic!("{}: {e}", ann.display()))
                .len();
        }
        assert!(n > 1000, "{n} attributions");
    }
}
