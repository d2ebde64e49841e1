//! Scorers of the language backbone: segmentation, POS, NER, coreference.
//!
//! All score the held-out part of the fixed split of `train.rs` (every fifth
//! GUM, MEANTIME and re3d document; the UD EWT test file), so the figures are
//! never measured on training data. `eval ner FILE` instead scores a
//! CoNLL-2003 file with gold tags in its last column.
use crate::conllu::Doc;
use crate::train::{ewt_split, gum_split, ner_test_docs};
use crate::{data_dir, Report};
use claimtrail_entities::{EntityRecognizer, EntityType, MentionKind};
use claimtrail_text::{Document, Metadata};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// The text of a CoNLL-U document rebuilt from its tokens (`SpaceAfter=No`
/// respected, paragraphs separated by blank lines), with the byte span of
/// every token and the end offset of every sentence, flagged when the sentence
/// also ends its paragraph.
struct Rebuilt {
    text: String,
    tokens: Vec<(usize, usize)>,
    sentence_ends: Vec<(usize, bool)>,
}

///
/// Only layout reaches the text: a blank line where a paragraph starts, a line
/// break where a sentence follows a heading or other block it is not part of
/// (GUM), a space between the other sentences unless the gold says
/// `SpaceAfter=No` ("...!Then"). Where the layout says nothing, nothing marks
/// the sentence boundary.
fn rebuild(d: &Doc) -> Rebuilt {
    let mut text = String::new();
    let mut tokens = Vec::new();
    let mut sentence_ends: Vec<(usize, bool)> = Vec::new();
    let mut glued = false;
    for (si, s) in d.sentences.iter().enumerate() {
        if si > 0 {
            if s.new_par {
                if let Some(last) = sentence_ends.last_mut() {
                    last.1 = true;
                }
                text.push_str("\n\n");
            } else if s.new_line {
                text.push('\n');
            } else if !glued {
                text.push(' ');
            }
        }
        for (k, t) in s.tokens.iter().enumerate() {
            let start = text.len();
            text.push_str(&t.form);
            tokens.push((start, text.len()));
            if k + 1 < s.tokens.len() && !t.no_space_after {
                text.push(' ');
            }
        }
        glued = s.tokens.last().is_some_and(|t| t.no_space_after);
        sentence_ends.push((text.len(), false));
    }
    if let Some(last) = sentence_ends.last_mut() {
        last.1 = true;
    }
    Rebuilt {
        text,
        tokens,
        sentence_ends,
    }
}

pub fn evaluate_segmentation(gold: Option<&Path>) -> anyhow::Result<Report> {
    let data = gold.map(Path::to_path_buf).unwrap_or_else(data_dir);
    let (_, gum) = gum_split(&data)?;
    let (_, ewt) = ewt_split(&data)?;
    let mut rep = Report::new(
        "segmentation",
        format!(
            "{} GUM + {} UD EWT held-out documents",
            gum.len(),
            ewt.len()
        ),
    );
    for (name, docs) in [("GUM", &gum), ("EWT", &ewt)] {
        let (mut tok, mut sent_all, mut sent_inner) = ([0usize; 3], [0usize; 3], [0usize; 3]);
        for d in docs.iter() {
            let r = rebuild(d);
            let doc = Document::new(r.text.clone(), Metadata::default());
            let pred_toks: HashSet<(usize, usize)> = doc
                .tokens()
                .iter()
                .map(|t| (t.span.start, t.span.end))
                .collect();
            let gold_toks: HashSet<(usize, usize)> = r.tokens.iter().copied().collect();
            count(&mut tok, &pred_toks, &gold_toks);
            let pred_ends: HashSet<usize> = doc.sentences().iter().map(|s| s.span.end).collect();
            let gold_ends: HashSet<usize> = r.sentence_ends.iter().map(|e| e.0).collect();
            count(&mut sent_all, &pred_ends, &gold_ends);
            // Boundaries inside paragraphs only: a paragraph break is given away by the layout.
            let par_ends: HashSet<usize> = r
                .sentence_ends
                .iter()
                .filter(|e| e.1)
                .map(|e| e.0)
                .collect();
            let pred_inner: HashSet<usize> = pred_ends.difference(&par_ends).copied().collect();
            let gold_inner: HashSet<usize> = gold_ends.difference(&par_ends).copied().collect();
            count(&mut sent_inner, &pred_inner, &gold_inner);
        }
        rep.prf(format!("{name} tokens"), tok[0], tok[1], tok[2]);
        rep.prf(
            format!("{name} sentence ends"),
            sent_all[0],
            sent_all[1],
            sent_all[2],
        );
        rep.prf(
            format!("{name} sentence ends inside paragraphs"),
            sent_inner[0],
            sent_inner[1],
            sent_inner[2],
        );
    }
    rep.notes
        .push("text rebuilt from the gold tokens (SpaceAfter=No, also between sentences), blank lines from # newpar, a line break after a GUM layout block (heading, figure, list item); nothing else marks a sentence".into());
    Ok(rep)
}

fn count<T: std::hash::Hash + Eq>(acc: &mut [usize; 3], pred: &HashSet<T>, gold: &HashSet<T>) {
    let tp = pred.intersection(gold).count();
    acc[0] += tp;
    acc[1] += pred.len() - tp;
    acc[2] += gold.len() - tp;
}

pub fn evaluate_pos(gold: Option<&Path>) -> anyhow::Result<Report> {
    let data = gold.map(Path::to_path_buf).unwrap_or_else(data_dir);
    let rec = EntityRecognizer::new();
    anyhow::ensure!(
        !rec.pos_tags(&[vec!["a"]])[0].is_empty(),
        "the POS model is missing: run `claimtrail train pos`"
    );
    let (_, gum) = gum_split(&data)?;
    let (_, ewt) = ewt_split(&data)?;
    let mut rep = Report::new(
        "pos (UPOS)",
        format!(
            "{} GUM + {} UD EWT held-out documents, gold tokens",
            gum.len(),
            ewt.len()
        ),
    );
    let (mut all_ok, mut all_n) = (0, 0);
    for (name, docs) in [("GUM", &gum), ("EWT", &ewt)] {
        let (mut ok, mut n) = (0usize, 0usize);
        for d in docs.iter() {
            let sentences: Vec<Vec<&str>> = d
                .sentences
                .iter()
                .map(|s| s.tokens.iter().map(|t| t.form.as_str()).collect())
                .collect();
            let pred = rec.pos_tags(&sentences);
            for (s, p) in d.sentences.iter().zip(&pred) {
                for (t, tag) in s.tokens.iter().zip(p) {
                    ok += usize::from(t.upos == *tag);
                    n += 1;
                }
            }
        }
        rep.row(name, &[("accuracy", pct(ok, n)), ("tokens", n as f64)]);
        all_ok += ok;
        all_n += n;
    }
    rep.row(
        "all",
        &[("accuracy", pct(all_ok, all_n)), ("tokens", all_n as f64)],
    );
    Ok(rep)
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

/// Typed spans (sentence, start, end, type) of BIO labels.
fn bio_spans(labels: &[Vec<String>]) -> HashSet<(usize, usize, usize, String)> {
    let mut out = HashSet::new();
    for (si, s) in labels.iter().enumerate() {
        let mut open: Option<(usize, String)> = None;
        for (i, l) in s
            .iter()
            .chain(std::iter::once(&"O".to_string()))
            .enumerate()
        {
            let (prefix, ty) = l.split_once('-').unwrap_or((l.as_str(), ""));
            let continues = prefix == "I" && open.as_ref().is_some_and(|(_, t)| t == ty);
            if !continues {
                if let Some((a, t)) = open.take() {
                    out.insert((si, a, i, t));
                }
                if prefix == "B" || prefix == "I" {
                    open = Some((i, ty.to_string()));
                }
            }
        }
    }
    out
}

/// Named-entity scores on the held-out documents: exact span and type per
/// type over both parts (development and held-back, see
/// `train::is_heldback_doc`), then PER+ORG+LOC as CoNLL-2003 maps the types
/// (GPE and LOC are LOC) for each part, each corpus and each genre.
pub fn evaluate_ner(gold: Option<&Path>) -> anyhow::Result<Report> {
    if let Some(file) = gold.filter(|p| p.is_file()) {
        return crate::conll::evaluate_file(file);
    }
    let data = gold.map(Path::to_path_buf).unwrap_or_else(data_dir);
    let rec = EntityRecognizer::new();
    let docs = ner_test_docs(&data)?;
    let mut exact: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    let mut conll: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for t in &docs {
        let pred = predicted_labels(&rec, &t.doc.sentences);
        let (p, g) = (bio_spans(&pred), bio_spans(&t.doc.labels));
        for (label, c) in span_counts(&p, &g) {
            add(exact.entry(label).or_default(), c);
        }
        let (p, g) = (main_conll_spans(&p), main_conll_spans(&g));
        let c = span_counts(&p, &g).remove("all").unwrap_or_default();
        let part = if t.heldback { "held-back" } else { "dev" };
        for key in [
            part.to_string(),
            format!("{part} {}", t.corpus),
            format!("{part} {}/{}", t.corpus, t.genre),
        ] {
            add(conll.entry(key).or_default(), c);
        }
    }
    let heldback = docs.iter().filter(|d| d.heldback).count();
    let mut rep = Report::new(
        "ner (exact span and type; then PER+ORG+LOC as CoNLL-2003)",
        format!(
            "{} held-out documents of GUM, MEANTIME, re3d ({} development, {heldback} held-back)",
            docs.len(),
            docs.len() - heldback
        ),
    );
    for (label, c) in &exact {
        rep.prf(label.clone(), c[0], c[1], c[2]);
    }
    for (label, c) in &conll {
        rep.prf(format!("PER+ORG+LOC {label}"), c[0], c[1], c[2]);
    }
    rep.notes.push(
        "dev: held-out documents whose errors may be read; held-back: scored only, never read (docs/entities.md)".into(),
    );
    Ok(rep)
}

fn add(acc: &mut [usize; 3], c: [usize; 3]) {
    for k in 0..3 {
        acc[k] += c[k];
    }
}

/// The tagger's BIO labels for pre-split sentences of one document.
fn predicted_labels(rec: &EntityRecognizer, sentences: &[Vec<String>]) -> Vec<Vec<String>> {
    let sentences: Vec<Vec<&str>> = sentences
        .iter()
        .map(|s| s.iter().map(String::as_str).collect())
        .collect();
    rec.tag_tokens(&sentences)
        .into_iter()
        .map(|s| {
            s.into_iter()
                .map(|t| match t {
                    Some((ty, b)) => format!("{}-{}", if b { "B" } else { "I" }, ty.as_str()),
                    None => "O".into(),
                })
                .collect()
        })
        .collect()
}

type Spans = HashSet<(usize, usize, usize, String)>;

/// (true positives, false positives, false negatives) per span type and "all".
fn span_counts(pred: &Spans, gold: &Spans) -> BTreeMap<String, [usize; 3]> {
    let mut out: BTreeMap<String, [usize; 3]> = BTreeMap::new();
    for s in pred {
        let slot = if gold.contains(s) { 0 } else { 1 };
        out.entry(s.3.clone()).or_default()[slot] += 1;
        out.entry("all".into()).or_default()[slot] += 1;
    }
    for s in gold.iter().filter(|s| !pred.contains(*s)) {
        out.entry(s.3.clone()).or_default()[2] += 1;
        out.entry("all".into()).or_default()[2] += 1;
    }
    out
}

/// Spans typed PER, ORG or LOC as CoNLL-2003 maps claimtrail's types (GPE and
/// LOC are LOC); MISC spans are left out, as the CoNLL scorer leaves them.
fn main_conll_spans(spans: &Spans) -> Spans {
    spans
        .iter()
        .filter_map(|(s, a, b, t)| {
            let ty = match t.as_str() {
                "PERSON" => "PER",
                "ORG" => "ORG",
                "GPE" | "LOC" => "LOC",
                _ => return None,
            };
            Some((*s, *a, *b, ty.to_string()))
        })
        .collect()
}

/// Coreference link accuracy on GUM's person and organisation chains: for each
/// predicted mention that is not the first of its entity and matches a gold
/// mention (same last token), whether the entity's previous mention matches a
/// gold mention of the same chain.
pub fn evaluate_coref(gold: Option<&Path>) -> anyhow::Result<Report> {
    let data = gold.map(Path::to_path_buf).unwrap_or_else(data_dir);
    let (_, gum) = gum_split(&data)?;
    let rec = EntityRecognizer::new();
    let (mut links, mut correct, mut gold_links) = (0usize, 0usize, 0usize);
    let mut by_kind: BTreeMap<&str, [usize; 2]> = BTreeMap::new();
    for d in &gum {
        let r = rebuild(d);
        let doc = Document::new(r.text.clone(), Metadata::default());
        // gold: last token end offset -> chain id, for person/organization mentions
        let mut chain_at: HashMap<usize, &str> = HashMap::new();
        let mut chain_size: HashMap<&str, usize> = HashMap::new();
        for m in d
            .mentions
            .iter()
            .filter(|m| m.etype == "person" || m.etype == "organization")
        {
            chain_at.insert(r.tokens[m.end - 1].1, m.id.as_str());
            *chain_size.entry(m.id.as_str()).or_default() += 1;
        }
        gold_links += chain_size.values().map(|n| n - 1).sum::<usize>();
        let layer = rec.recognize(&doc);
        for e in layer
            .entities
            .iter()
            .filter(|e| matches!(e.etype, EntityType::Person | EntityType::Org))
        {
            for w in e.mentions.windows(2) {
                let (prev, cur) = (&layer.mentions[w[0]], &layer.mentions[w[1]]);
                let Some(cur_chain) = chain_at.get(&cur.span.end) else {
                    continue;
                };
                links += 1;
                let ok = chain_at.get(&prev.span.end) == Some(cur_chain);
                correct += usize::from(ok);
                let kind = match cur.kind {
                    MentionKind::Name => "name",
                    MentionKind::Nominal => "nominal",
                    MentionKind::Pronoun => "pronoun",
                };
                let c = by_kind.entry(kind).or_default();
                c[0] += usize::from(ok);
                c[1] += 1;
            }
        }
    }
    let mut rep = Report::new(
        "coreference (GUM person/organization chains)",
        format!("{} held-out GUM documents", gum.len()),
    );
    rep.row(
        "all links",
        &[
            ("accuracy", pct(correct, links)),
            ("links", links as f64),
            ("recall", pct(correct, gold_links)),
        ],
    );
    for (k, c) in by_kind {
        rep.row(k, &[("accuracy", pct(c[0], c[1])), ("links", c[1] as f64)]);
    }
    rep.notes.push("a link is a predicted mention and the previous mention of its entity; it is correct when both end where mentions of one gold chain end".into());
    Ok(rep)
}

/// Writes the held-out named-entity documents (GUM, MEANTIME, re3d) as a
/// CoNLL-2003 file: `-DOCSTART-` between documents, one `token tag` a line,
/// tags mapped to PER/ORG/LOC/MISC as `annotate --format conll` writes them.
/// `eval ner FILE` and the spaCy benchmark both score this file.
pub fn export_ner_heldout(data: &Path, out: &Path) -> anyhow::Result<usize> {
    let docs = ner_test_docs(data)?;
    let mut text = String::new();
    let mut tokens = 0;
    for d in docs.iter().map(|t| &t.doc) {
        text.push_str("-DOCSTART- O\n\n");
        for (s, labels) in d.sentences.iter().zip(&d.labels) {
            for (w, l) in s.iter().zip(labels) {
                let tag = match l.split_once('-') {
                    Some((bio, ty)) => {
                        let t = match ty {
                            "PERSON" => "PER",
                            "ORG" => "ORG",
                            "GPE" | "LOC" => "LOC",
                            _ => "MISC",
                        };
                        format!("{bio}-{t}")
                    }
                    None => "O".to_string(),
                };
                // CoNLL columns are space-separated: a token never contains one
                let w: String = w
                    .chars()
                    .map(|c| if c.is_whitespace() { '_' } else { c })
                    .collect();
                text.push_str(&format!("{w} {tag}\n"));
                tokens += 1;
            }
            text.push('\n');
        }
    }
    std::fs::write(out, text)?;
    Ok(tokens)
}

#[cfg(test)]
mod tests {
    /// The held-out documents of each part, by name (what docs/entities.md lists):
    /// `cargo test -p claimtrail-eval --lib -- --ignored --nocapture ner_split_names`
    #[test]
    #[ignore]
    fn ner_split_names() {
        for d in super::ner_test_docs(&crate::data_dir()).unwrap() {
            let part = if d.heldback { "held-back" } else { "dev" };
            println!("{part}\t{}\t{}\t{}", d.corpus, d.genre, d.name);
        }
    }

    /// `cargo test -p claimtrail-eval --release -- --ignored export_heldout`
    /// writes target/ner-heldout.conll for `eval ner FILE` and scripts/spacy-bench.
    #[test]
    #[ignore]
    fn export_heldout() {
        let out =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/ner-heldout.conll");
        let n = super::export_ner_heldout(&crate::data_dir(), &out).unwrap();
        assert!(n > 1000);
    }
}

#[cfg(test)]
mod debug {
    use super::*;

    /// Named-entity errors of the development part only (never the held-back
    /// part): `cargo test -p claimtrail-eval --lib -- --ignored --nocapture ner_dev_errors`
    #[test]
    #[ignore]
    fn ner_dev_errors() {
        let rec = EntityRecognizer::new();
        for t in ner_test_docs(&crate::data_dir())
            .unwrap()
            .into_iter()
            .filter(|t| !t.heldback)
        {
            let pred = predicted_labels(&rec, &t.doc.sentences);
            let (p, g) = (bio_spans(&pred), bio_spans(&t.doc.labels));
            let text = |s: &(usize, usize, usize, String)| t.doc.sentences[s.0][s.1..s.2].join(" ");
            let mut errs: Vec<String> = Vec::new();
            for s in p.iter().filter(|s| !g.contains(*s)) {
                let gold = g.iter().find(|x| x.0 == s.0 && x.1 < s.2 && s.1 < x.2);
                let gold = gold.map_or("-".to_string(), |x| format!("{} {}", text(x), x.3));
                errs.push(format!("FP {} {} | gold {gold}", text(s), s.3));
            }
            for s in g.iter().filter(|s| !p.contains(*s)) {
                if !p.iter().any(|x| x.0 == s.0 && x.1 < s.2 && s.1 < x.2) {
                    errs.push(format!("FN {} {}", text(s), s.3));
                }
            }
            errs.sort();
            for e in errs {
                println!("{}\t{}", t.name, e);
            }
        }
    }
    /// Sentence-boundary errors with context, and totals:
    /// `SEG=GUM SPLIT=train cargo test -p claimtrail-eval --lib -- --ignored --nocapture seg_errors`
    /// (the training part is where new rules are checked for side effects).
    #[test]
    #[ignore]
    fn seg_errors() {
        let data = crate::data_dir();
        let which = std::env::var("SEG").unwrap_or_else(|_| "EWT".into());
        let train = std::env::var("SPLIT").is_ok_and(|s| s == "train");
        let (a, b) = if which == "GUM" {
            gum_split(&data).unwrap()
        } else {
            ewt_split(&data).unwrap()
        };
        let docs = if train { a } else { b };
        let mut acc = [0usize; 3];
        for d in &docs {
            let r = rebuild(d);
            let doc = Document::new(r.text.clone(), Metadata::default());
            let pred: HashSet<usize> = doc.sentences().iter().map(|s| s.span.end).collect();
            let gold: HashSet<usize> = r.sentence_ends.iter().map(|e| e.0).collect();
            count(&mut acc, &pred, &gold);
            let t = &r.text;
            let ctx = |e: usize| {
                let mut a = e.saturating_sub(60);
                while !t.is_char_boundary(a) {
                    a -= 1;
                }
                let mut b = (e + 40).min(t.len());
                while !t.is_char_boundary(b) {
                    b += 1;
                }
                format!("{}|{}", &t[a..e], &t[e..b]).replace('\n', "¶")
            };
            let mut all: Vec<usize> = pred.symmetric_difference(&gold).copied().collect();
            all.sort();
            for e in all {
                let kind = if gold.contains(&e) { "FN" } else { "FP" };
                println!("{kind} {}", ctx(e));
            }
        }
        let (p, r) = (pct(acc[0], acc[0] + acc[1]), pct(acc[0], acc[0] + acc[2]));
        println!(
            "TOTAL tp {} fp {} fn {} P {p:.2} R {r:.2} F {:.2}",
            acc[0],
            acc[1],
            acc[2],
            2.0 * p * r / (p + r)
        );
    }
}

#[cfg(test)]
mod coref_debug {
    use super::*;
    /// Gold person/organisation chain mentions that no predicted link reaches,
    /// by form: `cargo test -p claimtrail-eval --lib -- --ignored --nocapture coref_misses`
    #[test]
    #[ignore]
    fn coref_misses() {
        let data = crate::data_dir();
        let (_, gum) = gum_split(&data).unwrap();
        let rec = EntityRecognizer::new();
        let mut missed: BTreeMap<String, usize> = BTreeMap::new();
        for d in &gum {
            let r = rebuild(d);
            let doc = Document::new(r.text.clone(), Metadata::default());
            let layer = rec.recognize(&doc);
            let linked: HashSet<usize> = layer
                .entities
                .iter()
                .flat_map(|e| e.mentions.iter().skip(1))
                .map(|&m| layer.mentions[m].span.end)
                .collect();
            let mut seen: HashSet<&str> = HashSet::new();
            for m in d
                .mentions
                .iter()
                .filter(|m| m.etype == "person" || m.etype == "organization")
            {
                let first = seen.insert(m.id.as_str());
                let end = r.tokens[m.end - 1].1;
                if first || linked.contains(&end) {
                    continue;
                }
                let text = &r.text[r.tokens[m.start].0..end];
                let key = if m.end - m.start == 1 {
                    text.to_lowercase()
                } else if text.to_lowercase().starts_with("the ") {
                    format!("the-NP {}", text.rsplit(' ').next().unwrap_or(""))
                } else {
                    "NAME/OTHER".into()
                };
                *missed.entry(key).or_default() += 1;
            }
        }
        // wrong predicted links: "current <- previous"
        for d in &gum {
            let r = rebuild(d);
            let doc = Document::new(r.text.clone(), Metadata::default());
            let layer = rec.recognize(&doc);
            let mut chain_at: HashMap<usize, &str> = HashMap::new();
            for m in d
                .mentions
                .iter()
                .filter(|m| m.etype == "person" || m.etype == "organization")
            {
                chain_at.insert(r.tokens[m.end - 1].1, m.id.as_str());
            }
            for e in &layer.entities {
                for w in e.mentions.windows(2) {
                    let (prev, cur) = (&layer.mentions[w[0]], &layer.mentions[w[1]]);
                    let Some(c) = chain_at.get(&cur.span.end) else {
                        continue;
                    };
                    let ok = chain_at.get(&prev.span.end) == Some(c);
                    if !ok && cur.kind != MentionKind::Name {
                        println!("WRONG {} <- {}", doc.slice(cur.span), doc.slice(prev.span));
                    }
                }
            }
        }
        let mut v: Vec<_> = missed.into_iter().collect();
        v.sort_by_key(|x| std::cmp::Reverse(x.1));
        for (k, n) in v.iter().take(50) {
            println!("{n:5} {k}");
        }
    }
}
