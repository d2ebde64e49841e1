//! Training of the statistical models from `data/` (`claimtrail train`).
//!
//! Everything here is deterministic: corpora are read in sorted file order,
//! the train/test split is fixed (see `docs/entities.md`), and the learners
//! shuffle with a fixed seed. The outputs are the files that
//! `crates/entities/models/` embeds.
use crate::conllu::{self, Doc};
use anyhow::Context;
use claimtrail_entities::lexicon::{Lexicon, PhraseKind};
use claimtrail_entities::training::{self, LabelledDoc};
use std::fmt::Write as _;
use std::path::Path;

/// Passes over the training data.
const POS_ITERATIONS: usize = 12;
const NER_ITERATIONS: usize = 10;

/// Rebuilds the named model ("pos", "ner", "gazetteer" or "all") from the gold
/// data in `data` into `out` (the `crates/entities/models` folder), deterministically.
pub fn train(what: &str, data: &Path, out: &Path) -> anyhow::Result<()> {
    match what {
        "gazetteer" => build_places(data, out),
        "pos" => train_pos(data, out),
        "ner" => train_ner(data, out),
        "attribution" => train_attribution(data, out),
        "all" => {
            build_places(data, out)?;
            train_pos(data, out)?;
            train_ner(data, out)
        }
        other => anyhow::bail!(
            "unknown model {other:?}: expected pos, ner, gazetteer, attribution or all"
        ),
    }
}

/// The fixed split: in each corpus, in file order (files sorted by name) and
/// document order within a file, every fifth document (index 4, 9, 14, ...) is
/// held out for testing; the rest is for training. UD EWT's dev and test files
/// are read as one corpus (dev first).
pub fn is_test_doc(index: usize) -> bool {
    index % 5 == 4
}

/// GUM documents split into (train, test).
pub fn gum_split(data: &Path) -> anyhow::Result<(Vec<Doc>, Vec<Doc>)> {
    let docs = conllu::read_dir(&data.join("gum")).context("reading data/gum")?;
    Ok(split(docs))
}

fn split<T>(docs: Vec<T>) -> (Vec<T>, Vec<T>) {
    let (mut train, mut test) = (Vec::new(), Vec::new());
    for (i, d) in docs.into_iter().enumerate() {
        if is_test_doc(i) {
            test.push(d)
        } else {
            train.push(d)
        }
    }
    (train, test)
}

/// UD EWT documents (dev file, then test file) split into (train, test).
pub fn ewt_split(data: &Path) -> anyhow::Result<(Vec<Doc>, Vec<Doc>)> {
    let dir = data.join("ud-english-ewt");
    let mut docs = Vec::new();
    for f in ["en_ewt-ud-dev.conllu", "en_ewt-ud-test.conllu"] {
        let text = std::fs::read_to_string(dir.join(f)).with_context(|| format!("reading {f}"))?;
        docs.extend(conllu::parse(&text, f));
    }
    Ok(split(docs))
}

/// (words, UPOS tags) of every sentence of `docs`.
pub fn pos_sentences(docs: &[Doc]) -> Vec<(Vec<String>, Vec<String>)> {
    docs.iter()
        .flat_map(|d| d.sentences.iter())
        .map(|s| {
            (
                s.tokens.iter().map(|t| t.form.clone()).collect(),
                s.tokens.iter().map(|t| t.upos.clone()).collect(),
            )
        })
        .collect()
}

fn train_pos(data: &Path, out: &Path) -> anyhow::Result<()> {
    let (gum, _) = gum_split(data)?;
    let (ewt, _) = ewt_split(data)?;
    let mut sentences = pos_sentences(&gum);
    sentences.extend(pos_sentences(&ewt));
    let bytes = training::train_pos(&sentences, POS_ITERATIONS);
    std::fs::write(out.join("pos.bin"), bytes)?;
    Ok(())
}

fn train_ner(data: &Path, out: &Path) -> anyhow::Result<()> {
    let lex = Lexicon::load();
    let (gum, _) = gum_split(data)?;
    let mut docs: Vec<LabelledDoc> = gum.iter().map(|d| gum_entities(d, &lex)).collect();
    let (meantime, _) = split(meantime_docs(data, &lex)?);
    docs.extend(meantime);
    let (re3d, _) = split(re3d_docs(data, &lex)?);
    docs.extend(re3d);
    let upper: Vec<LabelledDoc> = docs.iter().map(upper_case_copy).collect();
    docs.extend(upper);
    let pos = std::fs::read(out.join("pos.bin")).context("pos.bin: train pos first")?;
    let bytes = training::train_ner(&docs, &pos, NER_ITERATIONS);
    std::fs::write(out.join("ner.bin"), bytes)?;
    Ok(())
}

/// Passes of the attribution tagger over PolNeAR train (selected on dev: 4,
/// 6, 8 and 12 passes give content overlap F1 79.4, 79.3, 79.5, 79.4).
const ATTRIBUTION_ITERATIONS: usize = 8;

/// Trains the attribution tagger on `polnear/train` (first annotator of each
/// article) into `out/attribution.bin`, then prints the tagger's scores on
/// `polnear/dev` alone and blended with the rules (for selection).
fn train_attribution(polnear: &Path, out: &Path) -> anyhow::Result<()> {
    use claimtrail_attribution::{model, Attributor, Blend};
    let texts = polnear_labelled(&polnear.join("train"))?;
    let docs: Vec<model::LabelledDoc> = texts
        .iter()
        .map(|(doc, ents, labels)| model::LabelledDoc {
            doc,
            entities: ents,
            labels: labels.clone(),
        })
        .collect();
    let bytes = model::train(&docs, ATTRIBUTION_ITERATIONS);
    std::fs::create_dir_all(out)?;
    std::fs::write(out.join("attribution.bin"), &bytes)?;
    let dev = polnear.join("dev");
    if dev.is_dir() {
        for blend in [Blend::Model, Blend::Union, Blend::Refine] {
            let att = Attributor::with(blend, Some(&bytes)).context("the model just written")?;
            let report = crate::attribution::evaluate_with(Some(&dev), &att, false)?;
            eprintln!("{blend:?} on {}:\n{report}", dev.display());
        }
    }
    Ok(())
}

/// The texts of a PolNeAR folder with their entity layers and the gold
/// label of every token (from the first annotator's file).
pub fn polnear_labelled(
    dir: &Path,
) -> anyhow::Result<
    Vec<(
        claimtrail_text::Document,
        claimtrail_entities::EntityLayer,
        Vec<u8>,
    )>,
> {
    use crate::brat::{read_ann_as, Dialect};
    use claimtrail_attribution::model::Role;
    use claimtrail_text::{Document, Metadata, Span};
    let recognizer = claimtrail_entities::EntityRecognizer::new();
    let mut out = Vec::new();
    for (txt, anns) in crate::attribution::gold_documents(dir)?.0 {
        let text = std::fs::read_to_string(&txt).with_context(|| txt.display().to_string())?;
        let ann =
            std::fs::read_to_string(&anns[0]).with_context(|| anns[0].display().to_string())?;
        let gold =
            read_ann_as(&ann, Dialect::PolNeAR).with_context(|| anns[0].display().to_string())?;
        let doc = Document::new(text, Metadata::default());
        let mut labels = vec![0u8; doc.tokens().len()];
        // contents first: a cue or source written inside another's content wins
        for role in [Role::Content, Role::Source, Role::Cue] {
            for a in &gold {
                let frags = match role {
                    Role::Content => &a.content[..],
                    Role::Cue => &a.cue[..],
                    Role::Source => a.source.as_deref().unwrap_or_default(),
                };
                for &(s, e) in frags {
                    let (Some(s), Some(e)) = (doc.byte_offset(s), doc.byte_offset(e)) else {
                        continue;
                    };
                    let r = doc.token_range(Span::new(s, e.max(s)));
                    for t in r.clone() {
                        labels[t] = role.label(t > r.start);
                    }
                }
            }
        }
        let ents = recognizer.recognize(&doc);
        out.push((doc, ents, labels));
    }
    Ok(out)
}

/// Every sixth sentence of a document in capitals, as wire headlines are
/// written, so that the tagger learns names without the help of case.
fn upper_case_copy(d: &LabelledDoc) -> LabelledDoc {
    let keep = |i: &usize| i % 6 == 0;
    LabelledDoc {
        sentences: d
            .sentences
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(i))
            .map(|(_, s)| s.iter().map(|w| w.to_uppercase()).collect())
            .collect(),
        labels: d
            .labels
            .iter()
            .enumerate()
            .filter(|(i, _)| keep(i))
            .map(|(_, l)| l.clone())
            .collect(),
    }
}

/// The held-out documents (every fifth, [`is_test_doc`]) fall in two parts, by
/// their index in their corpus: the development part (index 4, 14, 24, ...),
/// whose errors may be read while writing rules and choosing features, and the
/// held-back part (index 9, 19, 29, ...), which is only scored, never read
/// (docs/entities.md lists its files). Training reads neither.
pub fn is_heldback_doc(index: usize) -> bool {
    index % 10 == 9
}

/// A held-out named-entity document with where it comes from.
pub struct NerTestDoc {
    /// "gum", "meantime" or "re3d".
    pub corpus: &'static str,
    /// GUM's genre ("bio"), MEANTIME's topic ("airbus"), re3d's source folder.
    pub genre: String,
    /// The document's name in its corpus (GUM id, MEANTIME name, re3d id).
    pub name: String,
    /// In the held-back part ([`is_heldback_doc`]), else the development part.
    pub heldback: bool,
    pub doc: LabelledDoc,
}

/// The held-out named-entity documents of every corpus (GUM, MEANTIME, re3d),
/// development and held-back parts together.
pub fn ner_test_docs(data: &Path) -> anyhow::Result<Vec<NerTestDoc>> {
    let lex = Lexicon::load();
    let mut out = Vec::new();
    let gum = conllu::read_dir(&data.join("gum")).context("reading data/gum")?;
    for (i, d) in gum.iter().enumerate().filter(|(i, _)| is_test_doc(*i)) {
        out.push(NerTestDoc {
            corpus: "gum",
            genre: d.id.split('_').nth(1).unwrap_or("").to_string(),
            name: d.id.clone(),
            heldback: is_heldback_doc(i),
            doc: gum_entities(d, &lex),
        });
    }
    let corpus = crate::meantime::read_corpus(&data.join("meantime-en/intra_cross-doc_annotation"))
        .context("reading MEANTIME")?;
    for (i, d) in corpus.documents.iter().enumerate() {
        if is_test_doc(i) {
            out.push(NerTestDoc {
                corpus: "meantime",
                genre: d.topic.clone().unwrap_or_default(),
                name: d.name.clone(),
                heldback: is_heldback_doc(i),
                doc: meantime_doc(d, &lex),
            });
        }
    }
    for (i, (source, name, d)) in re3d_named_docs(data, &lex)?.into_iter().enumerate() {
        if is_test_doc(i) {
            out.push(NerTestDoc {
                corpus: "re3d",
                genre: source,
                name,
                heldback: is_heldback_doc(i),
                doc: d,
            });
        }
    }
    Ok(out)
}

/// A place is a GPE when the lexicon knows it as a country or city, else LOC.
fn place_type(words: &[&str], lex: &Lexicon) -> &'static str {
    let norm: Vec<String> = words
        .iter()
        .map(|w| claimtrail_entities::lexicon::norm(w))
        .collect();
    let refs: Vec<&str> = norm.iter().map(|s| s.trim_end_matches('.')).collect();
    match lex.phrase(&refs).map(|p| p.kind) {
        Some(PhraseKind::Country | PhraseKind::City) => "GPE",
        Some(PhraseKind::Nationality) => "NORP",
        _ => "LOC",
    }
}

/// GUM's named mentions: runs of proper nouns (joined by "of", "the", "&")
/// inside an entity mention, typed by the innermost mention that contains them.
pub fn gum_entities(d: &Doc, lex: &Lexicon) -> LabelledDoc {
    let toks: Vec<&conllu::Token> = d.tokens().collect();
    let mut labels = vec!["O".to_string(); toks.len()];
    let propn = |i: usize| toks[i].upos == "PROPN";
    let mut i = 0;
    while i < toks.len() {
        if !propn(i) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < toks.len() {
            if propn(e) {
                e += 1;
            } else if matches!(toks[e].form.as_str(), "of" | "&" | "de")
                && e + 1 < toks.len()
                && propn(e + 1)
            {
                e += 2;
            } else if toks[e].form == "of"
                && e + 2 < toks.len()
                && toks[e + 1].form == "the"
                && propn(e + 2)
            {
                e += 3;
            } else {
                break;
            }
        }
        let inner = d
            .mentions
            .iter()
            .filter(|m| m.start <= i && e <= m.end)
            .min_by_key(|m| m.end - m.start);
        let words: Vec<&str> = toks[i..e].iter().map(|t| t.form.as_str()).collect();
        let etype = match inner.map(|m| m.etype.as_str()) {
            Some("person") => Some("PERSON"),
            Some("organization") => Some(if place_type(&words, lex) == "GPE" {
                "GPE"
            } else {
                "ORG"
            }),
            Some("place") => Some(place_type(&words, lex)),
            Some("object") => Some("PRODUCT"),
            _ => None,
        };
        if let Some(t) = etype {
            for (k, label) in labels[i..e].iter_mut().enumerate() {
                *label = format!("{}-{t}", if k == 0 { "B" } else { "I" });
            }
        }
        i = e;
    }
    let mut it = labels.into_iter();
    LabelledDoc {
        sentences: d
            .sentences
            .iter()
            .map(|s| s.tokens.iter().map(|t| t.form.clone()).collect())
            .collect(),
        labels: d
            .sentences
            .iter()
            .map(|s| it.by_ref().take(s.tokens.len()).collect())
            .collect(),
    }
}

/// MEANTIME's proper-name mentions (syntactic type NAM) in the title and first
/// five sentences, the part of each article that is annotated; read with the
/// project's MEANTIME reader (`meantime.rs`).
pub fn meantime_docs(data: &Path, lex: &Lexicon) -> anyhow::Result<Vec<LabelledDoc>> {
    let corpus = crate::meantime::read_corpus(&data.join("meantime-en/intra_cross-doc_annotation"))
        .context("reading MEANTIME")?;
    Ok(corpus
        .documents
        .iter()
        .map(|d| meantime_doc(d, lex))
        .collect())
}

fn meantime_doc(doc: &crate::meantime::Document, lex: &Lexicon) -> LabelledDoc {
    const ANNOTATED_SENTENCES: usize = 6;
    let tokens = &doc.tokens;
    let mut labels = vec!["O".to_string(); tokens.len()];
    for m in doc
        .markables_tagged("ENTITY_MENTION")
        .filter(|m| m.attr("syntactic_type") == Some("NAM"))
    {
        let mut pos = m.tokens.clone();
        pos.sort_unstable();
        // a name starts at its first capitalised token ("the" is not part of it)
        let first = pos.iter().position(|&p| {
            tokens[p]
                .text
                .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
        });
        let Some(first) = first else {
            continue;
        };
        let (a, b) = (pos[first], pos[pos.len() - 1]);
        let words: Vec<&str> = tokens[a..=b].iter().map(|t| t.text.as_str()).collect();
        let t = match doc.entity_type(&m.m_id) {
            Some("PER") => "PERSON",
            Some("ORG") => "ORG",
            Some("LOC") => place_type(&words, lex),
            Some("PRO") => "PRODUCT",
            _ => continue,
        };
        if labels[a..=b].iter().any(|l| l != "O") {
            continue;
        }
        for (k, label) in labels[a..=b].iter_mut().enumerate() {
            *label = format!("{}-{t}", if k == 0 { "B" } else { "I" });
        }
    }
    let mut sentences: Vec<Vec<String>> = Vec::new();
    let mut sent_labels: Vec<Vec<String>> = Vec::new();
    let mut last = usize::MAX;
    for (t, label) in tokens.iter().zip(labels) {
        if t.sentence >= ANNOTATED_SENTENCES {
            break;
        }
        if t.sentence != last {
            sentences.push(Vec::new());
            sent_labels.push(Vec::new());
            last = t.sentence;
        }
        sentences.last_mut().unwrap().push(t.text.clone());
        sent_labels.last_mut().unwrap().push(label);
    }
    LabelledDoc {
        sentences,
        labels: sent_labels,
    }
}

/// re3d's entity spans (character offsets), kept when they are names: the span
/// trimmed of leading lower-case words and titles must be capitalised words.
pub fn re3d_docs(data: &Path, lex: &Lexicon) -> anyhow::Result<Vec<LabelledDoc>> {
    Ok(re3d_named_docs(data, lex)?
        .into_iter()
        .map(|(_, _, d)| d)
        .collect())
}

/// re3d's documents as (source folder, document id, labelled document).
fn re3d_named_docs(
    data: &Path,
    lex: &Lexicon,
) -> anyhow::Result<Vec<(String, String, LabelledDoc)>> {
    let root = data.join("re3d");
    let mut dirs: Vec<_> = std::fs::read_dir(&root)?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_dir())
        .collect();
    dirs.sort();
    let mut docs = Vec::new();
    for dir in dirs {
        let texts = std::fs::read_to_string(dir.join("documents.json")).unwrap_or_default();
        let ents = std::fs::read_to_string(dir.join("entities.json")).unwrap_or_default();
        let mut spans: std::collections::HashMap<String, Vec<(usize, usize, String)>> =
            Default::default();
        for line in ents.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            let (Some(doc), Some(b), Some(e), Some(t)) = (
                v["documentId"].as_str(),
                v["begin"].as_u64(),
                v["end"].as_u64(),
                v["type"].as_str(),
            ) else {
                continue;
            };
            spans
                .entry(doc.to_string())
                .or_default()
                .push((b as usize, e as usize, t.to_string()));
        }
        let mut parsed: Vec<(String, String)> = Vec::new();
        for line in texts.lines().filter(|l| !l.trim().is_empty()) {
            let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else {
                continue;
            };
            if let (Some(id), Some(text)) = (v["_id"].as_str(), v["text"].as_str()) {
                parsed.push((id.to_string(), text.to_string()));
            }
        }
        parsed.sort();
        let source = dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for (id, text) in parsed {
            let d = re3d_doc(&text, spans.get(&id).map(Vec::as_slice).unwrap_or(&[]), lex);
            docs.push((source.clone(), id, d));
        }
    }
    Ok(docs)
}

fn re3d_doc(text: &str, spans: &[(usize, usize, String)], lex: &Lexicon) -> LabelledDoc {
    use claimtrail_text::{Document, Metadata};
    let doc = Document::new(text, Metadata::default());
    let mut labels = vec!["O".to_string(); doc.tokens().len()];
    let mut spans: Vec<&(usize, usize, String)> = spans.iter().collect();
    spans.sort_by_key(|s| std::cmp::Reverse(s.1 - s.0));
    for (b, e, t) in spans {
        let (Some(b), Some(e)) = (
            doc.byte_offset(*b),
            doc.byte_offset(*e).or(Some(text.len())),
        ) else {
            continue;
        };
        let mut r = doc.token_range(claimtrail_text::Span::new(b, e));
        let tok = |i: usize| doc.token_text(i);
        let norm = |i: usize| claimtrail_entities::lexicon::norm(tok(i).trim_end_matches('.'));
        // names start after determiners ("The Coalition") and titles; pronouns
        // and other closed-class words ("We", "They") are not names
        while r.start < r.end
            && (!tok(r.start).starts_with(char::is_uppercase)
                || lex.is_title(&norm(r.start))
                || matches!(norm(r.start).as_str(), "the" | "a" | "an"))
        {
            r.start += 1;
        }
        if r.is_empty()
            || r.clone().all(|i| lex.is_function(&norm(i)))
            || !r.clone().all(|i| {
                tok(i).starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    || matches!(tok(i), "of" | "the" | "and" | "&" | "-")
            })
        {
            continue;
        }
        // re3d's people include their titles ("Pentagon Press Secretary Peter
        // Cook") and some are titles alone ("the Foreign Secretary"): the name
        // is what follows the last title, and must be capitalised words
        if t == "Person" {
            let w: Vec<String> = r.clone().map(norm).collect();
            let w: Vec<&str> = w.iter().map(String::as_str).collect();
            let after_title = (0..w.len())
                .filter_map(|h| Some(h + lex.title_at(&w[h..])).filter(|&e| e > h))
                .max();
            if let Some(k) = after_title {
                r.start += k;
            }
            let name_word = |i: usize| {
                let w = tok(i);
                (w.chars().any(char::is_uppercase) && !lex.org_word(&norm(i)).head)
                    || matches!(w, "al" | "bin" | "ibn" | "abu" | "de" | "van" | "von" | "-")
            };
            let name = !r.is_empty()
                && tok(r.start).starts_with(char::is_uppercase)
                && r.clone().all(name_word);
            if !name {
                continue;
            }
        }
        let words: Vec<&str> = r.clone().map(tok).collect();
        let ty = match t.as_str() {
            "Person" => "PERSON",
            // a country acting ("the UK is working") is still a place, as in GUM
            "Organisation" if place_type(&words, lex) == "GPE" => "GPE",
            "Organisation" => "ORG",
            "Location" => place_type(&words, lex),
            "Nationality" => "NORP",
            "MilitaryPlatform" | "Weapon" | "Vehicle" => "PRODUCT",
            _ => continue,
        };
        if labels[r.clone()].iter().any(|l| l != "O") {
            continue;
        }
        for (k, i) in r.enumerate() {
            labels[i] = format!("{}-{ty}", if k == 0 { "B" } else { "I" });
        }
    }
    let sentences = doc
        .sentences()
        .iter()
        .map(|s| {
            s.tokens
                .clone()
                .map(|i| doc.token_text(i).to_string())
                .collect()
        })
        .collect();
    let sent_labels = doc
        .sentences()
        .iter()
        .map(|s| labels[s.tokens.clone()].to_vec())
        .collect();
    LabelledDoc {
        sentences,
        labels: sent_labels,
    }
}

/// Compiles GeoNames countries and cities into `lexicon/places.tsv`
/// (`kind \t name \t country`), countries first so that they win name clashes.
/// Cities keep their main name; cities of a million people or more also keep
/// their Latin-script alternate names that look like names (exonyms such as
/// "Kiev"), not codes.
pub fn build_places(data: &Path, out: &Path) -> anyhow::Result<()> {
    let gaz = data.join("gazetteers");
    let countries =
        std::fs::read_to_string(gaz.join("countries.tsv")).context("reading countries.tsv")?;
    let cities =
        std::fs::read_to_string(gaz.join("cities15000.tsv")).context("reading cities15000.tsv")?;
    let mut iso = std::collections::HashMap::new();
    let mut text = String::from(
        "# Compiled by `claimtrail train gazetteer` from data/gazetteers (GeoNames, CC BY 4.0).\n\
         # kind, name, country, GeoNames id, population. A name of several places has a row\n\
         # for each (most populous first); the entity layer picks one by the article's places.\n",
    );
    for line in countries.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 3 {
            continue;
        }
        let name = f[0].trim();
        let id = f.get(8).map_or("", |s| s.trim());
        let population = f.get(5).map_or("", |s| s.trim());
        iso.insert(f[1].to_string(), name.to_string());
        writeln!(text, "country\t{name}\t{name}\t{id}\t{population}")?;
        if let Some(short) = name.strip_prefix("The ") {
            writeln!(text, "country\t{short}\t{name}\t{id}\t{population}")?;
        }
    }
    let mut seen = std::collections::HashSet::new();
    let names = Lexicon::load();
    for line in cities.lines().skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        if f.len() < 7 {
            continue;
        }
        let country = iso.get(f[1]).map(String::as_str).unwrap_or("");
        let population: u64 = f[2].parse().unwrap_or(0);
        let place = format!("{country}\t{}\t{population}", f[5].trim());
        // one row per name and country: the most populous place of that name
        // in each country is a candidate
        if seen.insert(format!("{}\t{country}", f[0])) {
            writeln!(text, "city\t{}\t{place}", f[0])?;
        }
        // Wire copy writes names without diacritics, or with German "ue"
        // ("Zurich", "Duesseldorf"), and towns without their river
        // ("Frankfurt am Main", "Newcastle upon Tyne", "Halle (Saale)").
        let mut variants = vec![fold(f[0], false), fold(f[0], true)];
        if population >= 50_000 {
            variants.extend(short_town_name(f[0]));
        }
        for v in variants {
            // a variant that is also a personal name ("Bush", "Garcia") or a
            // short word would make people and words places
            let key = claimtrail_entities::lexicon::norm(&v);
            let personal = names.given_name(&key).is_some() || names.is_surname(&key);
            if v == f[0] || personal || v.chars().count() <= 3 {
                continue;
            }
            if seen.insert(format!("{v}\t{country}")) {
                writeln!(text, "city\t{v}\t{place}")?;
            }
        }
        if population >= 1_000_000 {
            for alt in f[6].split('|') {
                let looks_like_name = alt.len() >= 4
                    && alt.chars().next().is_some_and(|c| c.is_ascii_uppercase())
                    && alt
                        .chars()
                        .skip(1)
                        .all(|c| c.is_ascii_lowercase() || c == ' ' || c == '-')
                    && !alt.contains("  ");
                if looks_like_name && seen.insert(format!("{alt}\t{country}")) {
                    writeln!(text, "city\t{alt}\t{place}")?;
                }
            }
        }
    }
    let dir = out.join("lexicon");
    std::fs::create_dir_all(&dir)?;
    std::fs::write(dir.join("places.tsv"), text)?;
    Ok(())
}

/// `name` without diacritics; with `german`, "ä", "ö", "ü" become "ae", "oe", "ue".
fn fold(name: &str, german: bool) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let german_form = match c {
            'ä' => Some("ae"),
            'ö' => Some("oe"),
            'ü' => Some("ue"),
            'Ä' => Some("Ae"),
            'Ö' => Some("Oe"),
            'Ü' => Some("Ue"),
            _ => None,
        };
        if let (true, Some(g)) = (german, german_form) {
            out.push_str(g);
            continue;
        }
        let plain = match c {
            'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
            'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'Ā' => "A",
            'ç' | 'ć' | 'č' => "c",
            'Ç' | 'Ć' | 'Č' => "C",
            'ď' | 'đ' => "d",
            'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
            'É' | 'È' | 'Ê' | 'Ë' => "E",
            'ğ' => "g",
            'ì' | 'í' | 'î' | 'ï' | 'ī' | 'ı' => "i",
            'Í' | 'Î' | 'İ' => "I",
            'ł' => "l",
            'Ł' => "L",
            'ñ' | 'ń' | 'ň' => "n",
            'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
            'Ó' | 'Ö' | 'Ø' | 'Ō' => "O",
            'ř' => "r",
            'š' | 'ś' | 'ş' | 'ș' => "s",
            'Š' | 'Ś' | 'Ş' | 'Ș' => "S",
            'ß' => "ss",
            'ť' | 'ţ' | 'ț' => "t",
            'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
            'Ú' | 'Ü' => "U",
            'ý' | 'ÿ' => "y",
            'ž' | 'ź' | 'ż' => "z",
            'Ž' | 'Ź' | 'Ż' => "Z",
            'æ' => "ae",
            'œ' => "oe",
            _ => {
                out.push(c);
                continue;
            }
        };
        out.push_str(plain);
    }
    out
}

/// "Frankfurt am Main" -> "Frankfurt", "Newcastle upon Tyne" -> "Newcastle",
/// "Halle (Saale)" -> "Halle": a town's name without the river or region that
/// tells it from its namesakes.
fn short_town_name(name: &str) -> Option<String> {
    let head = match name.split_once(" (") {
        Some((head, _)) => head,
        None => {
            let mut words = name.split(' ');
            let head = words.next()?;
            let qualifier = words.next()?;
            if !matches!(qualifier, "am" | "an" | "im" | "upon" | "on") {
                return None;
            }
            head
        }
    };
    let simple = head.chars().count() >= 4
        && head.starts_with(|c: char| c.is_uppercase())
        && head.chars().all(char::is_alphabetic);
    simple.then(|| head.to_string())
}

#[cfg(test)]
mod tests {
    #[test]
    fn town_name_variants() {
        assert_eq!(super::fold("Zürich", false), "Zurich");
        assert_eq!(super::fold("Düsseldorf", true), "Duesseldorf");
        assert_eq!(super::fold("Kraków", false), "Krakow");
        assert_eq!(
            super::short_town_name("Frankfurt am Main").as_deref(),
            Some("Frankfurt")
        );
        assert_eq!(
            super::short_town_name("Newcastle upon Tyne").as_deref(),
            Some("Newcastle")
        );
        assert_eq!(
            super::short_town_name("Halle (Saale)").as_deref(),
            Some("Halle")
        );
        assert_eq!(super::short_town_name("Port of Spain"), None);
        assert_eq!(super::short_town_name("Rio de Janeiro"), None);
    }

    /// `cargo test -p claimtrail-eval --release -- --ignored rebuild_models`
    /// rebuilds every model into crates/entities/models (same as `claimtrail train all`).
    #[test]
    #[ignore]
    fn rebuild_models() {
        let what = std::env::var("CLAIMTRAIL_TRAIN").unwrap_or_else(|_| "all".into());
        let out = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../entities/models");
        super::train(&what, &crate::data_dir(), &out).unwrap();
    }
}
