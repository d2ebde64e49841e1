//! Cross-document coreference on MEANTIME: how well the ledger links the same
//! entity, and the same event, across articles.
//!
//! Gold: MEANTIME's `ENTITY_MENTION`s and `EVENT_MENTION`s, each clustered by
//! the corpus-wide `instance_id` of the instance it `REFERS_TO` (a mention
//! without one is a singleton). All 120 articles go into one in-memory ledger,
//! in corpus order, each analysed by the pipeline with its creation time as
//! the publication date.
//!
//! - Entities: a gold mention takes the canonical ledger entity of the
//!   pipeline entity whose mention overlaps it most (none: a singleton). This
//!   scores the pipeline's mentions and within-document coreference together
//!   with the ledger's alias table.
//! - Events: the ledger groups claims, not events. To score that grouping on
//!   the gold events, each gold event mention becomes a claim whose content is
//!   the mention's words and whose entities are the pipeline entities of its
//!   sentence; the proposition it lands in is its cluster.
//!
//! Scored on the gold mentions with MUC, B-cubed and CEAF-e (entity-based
//! CEAF) and their average, the CoNLL F1. Two reference rows show what the
//! numbers mean: `singletons` (nothing linked) and, as is usual for
//! cross-document coreference, `same words` (mentions with the same words,
//! lower-cased and stemmed for events, in one cluster); for entities also
//! `within documents` (the pipeline's entities without the ledger's linking
//! across documents), which shows what the alias table adds.

use crate::meantime::{self, Document as MeantimeDoc, Markable};
use crate::Report;
use claimtrail_extract::json::{ArticleJson, ClaimJson};
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{SqliteStore, Store};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// A clustering of the gold mentions: mention key -> cluster label.
pub type Clustering = HashMap<String, String>;

pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let dir = gold.map_or_else(crate::meantime_dir, Path::to_path_buf);
    let corpus = meantime::read_corpus(&dir)?;
    let pipeline = Pipeline::new();
    let mut entity_store = SqliteStore::open_in_memory()?;
    let mut event_store = SqliteStore::open_in_memory()?;
    let mut gold_entities = Clustering::new();
    let mut gold_events = Clustering::new();
    let mut sys_entities = Clustering::new();
    let mut sys_events = Clustering::new();
    let mut words_entities = Clustering::new();
    let mut doc_entities = Clustering::new();
    let mut words_events = Clustering::new();
    let mut types: HashMap<String, String> = HashMap::new();
    for (n, doc) in corpus.documents.iter().enumerate() {
        let article = analyze(&pipeline, doc);
        entity_store.add(&article, &doc.text)?;
        let links: HashMap<String, i64> = entity_store
            .cross_links(&article.document.id)?
            .entities
            .into_iter()
            .collect();
        for m in doc.markables_tagged("ENTITY_MENTION") {
            let key = format!("{n}:{}", m.m_id);
            gold_entities.insert(key.clone(), cluster(doc, m, n));
            types.insert(
                key.clone(),
                doc.entity_type(&m.m_id).unwrap_or("?").to_string(),
            );
            words_entities.insert(key.clone(), doc.text_of(m).to_lowercase());
            let local = doc
                .char_span_of(m)
                .and_then(|span| overlapping_entity(&article, span));
            let label = local
                .and_then(|local| links.get(local))
                .map_or_else(|| format!("none:{key}"), |id| format!("e{id}"));
            sys_entities.insert(key.clone(), label);
            let within = local.map_or_else(|| format!("none:{key}"), |l| format!("{n}:{l}"));
            doc_entities.insert(key, within);
        }
        let (events, keys) = event_claims(doc, &article, n);
        event_store.add(&events, &doc.text)?;
        let props: HashMap<String, i64> = event_store
            .cross_links(&events.document.id)?
            .claims
            .into_iter()
            .collect();
        for (claim, (key, m)) in events.claims.iter().zip(keys) {
            gold_events.insert(key.clone(), cluster(doc, m, n));
            let stem = claimtrail_ledger::norm::words(doc.text_of(m))
                .iter()
                .map(|w| claimtrail_ledger::norm::stem(w))
                .collect::<Vec<_>>()
                .join(" ");
            words_events.insert(
                key.clone(),
                format!("{}:{stem}", doc.topic.as_deref().unwrap_or("")),
            );
            let label = props
                .get(&claim.id)
                .map_or_else(|| format!("none:{key}"), |p| format!("p{p}"));
            sys_events.insert(key, label);
        }
    }
    let mut report = Report::new(
        "cross-document coreference (gold mentions)",
        format!(
            "{} ({} documents, {} entity and {} event mentions)",
            dir.display(),
            corpus.documents.len(),
            gold_entities.len(),
            gold_events.len()
        ),
    );
    let singletons =
        |key: &Clustering| -> Clustering { key.keys().map(|k| (k.clone(), k.clone())).collect() };
    score_rows(
        &mut report,
        "entities: ledger",
        &gold_entities,
        &sys_entities,
    );
    score_rows(
        &mut report,
        "entities: within documents",
        &gold_entities,
        &doc_entities,
    );
    score_rows(
        &mut report,
        "entities: same words",
        &gold_entities,
        &words_entities,
    );
    score_rows(
        &mut report,
        "entities: singletons",
        &gold_entities,
        &singletons(&gold_entities),
    );
    let mut by_type: BTreeMap<&str, Vec<&String>> = BTreeMap::new();
    for (k, t) in &types {
        by_type.entry(t.as_str()).or_default().push(k);
    }
    for (t, keys) in by_type
        .into_iter()
        .filter(|(t, _)| ["PER", "ORG", "LOC", "PRO", "FIN"].contains(t))
    {
        let pick = |c: &Clustering| -> Clustering {
            keys.iter().map(|k| ((*k).clone(), c[*k].clone())).collect()
        };
        score_rows(
            &mut report,
            &format!("entities {t}: ledger"),
            &pick(&gold_entities),
            &pick(&sys_entities),
        );
    }
    score_rows(
        &mut report,
        "events: ledger propositions",
        &gold_events,
        &sys_events,
    );
    score_rows(
        &mut report,
        "events: same stem in topic",
        &gold_events,
        &words_events,
    );
    score_rows(
        &mut report,
        "events: singletons",
        &gold_events,
        &singletons(&gold_events),
    );
    report.notes.push(
        "clusters are MEANTIME instance_ids across all 120 documents; scores on gold mentions; \
         CoNLL = mean of MUC, B3 and CEAF-e F1"
            .into(),
    );
    Ok(report)
}

/// The gold cluster of a mention: its cross-document instance, else itself.
fn cluster(doc: &MeantimeDoc, m: &Markable, n: usize) -> String {
    doc.instance_id(&m.m_id)
        .map_or_else(|| format!("single:{n}:{}", m.m_id), str::to_string)
}

/// The pipeline's analysis of a MEANTIME document (its creation time as the
/// publication date).
fn analyze(pipeline: &Pipeline, doc: &MeantimeDoc) -> ArticleJson {
    use claimtrail_text::{Document, Metadata};
    let published = doc
        .creation_time()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let meta = Metadata {
        published,
        title: Some(doc.name.clone()),
        ..Default::default()
    };
    ArticleJson::from_analysis(&pipeline.analyze(Document::new(doc.text.clone(), meta)))
}

/// The local id of the pipeline entity with a mention overlapping the char
/// span most.
fn overlapping_entity(a: &ArticleJson, (start, end): (usize, usize)) -> Option<&str> {
    a.entities
        .iter()
        .flat_map(|e| e.mentions.iter().map(move |m| (e, m)))
        .map(|(e, m)| (e, m.end.min(end).saturating_sub(m.start.max(start))))
        .filter(|(_, overlap)| *overlap > 0)
        .max_by_key(|(_, overlap)| *overlap)
        .map(|(e, _)| e.id.as_str())
}

/// The document as the ledger sees it for the event evaluation: one claim
/// per gold event mention (its words as content, the entities of its
/// sentence), in a document of its own id so it never meets the real one.
fn event_claims<'a>(
    doc: &'a MeantimeDoc,
    article: &ArticleJson,
    n: usize,
) -> (ArticleJson, Vec<(String, &'a Markable)>) {
    let mut events = article.clone();
    let id = format!("{}-events", article.document.id);
    events.document.id = id.clone();
    let sentences: HashMap<usize, (usize, usize)> = doc
        .sentences
        .iter()
        .filter_map(|s| {
            let first = doc.tokens.get(s.tokens.start)?;
            let last = doc.tokens.get(s.tokens.end.checked_sub(1)?)?;
            Some((s.number, (first.chars.0, last.chars.1)))
        })
        .collect();
    let mut keys = Vec::new();
    let mut claims = Vec::new();
    for m in doc.markables_tagged("EVENT_MENTION") {
        let (Some((start, end)), Some(sentence)) = (doc.char_span_of(m), doc.sentence_of(m)) else {
            continue;
        };
        let Some(&(s_start, s_end)) = sentences.get(&sentence) else {
            continue;
        };
        let in_sentence: Vec<String> = article
            .entities
            .iter()
            .filter(|e| {
                e.mentions
                    .iter()
                    .any(|x| x.start >= s_start && x.end <= s_end)
            })
            .map(|e| e.id.clone())
            .collect();
        let text = doc.text_of(m).to_string();
        claims.push(ClaimJson {
            id: format!("{id}-c{}", claims.len() + 1),
            speaker: None,
            speaker_name: None,
            speaker_type: None,
            speaker_role: None,
            stance: "assert".into(),
            hedged: false,
            cue: String::new(),
            text,
            start,
            end,
            stated: article.document.published.clone(),
            stated_in_text: false,
            quantities: Vec::new(),
            timexes: Vec::new(),
            entities: in_sentence,
            sentence: doc.sentence_text(sentence).unwrap_or("").to_string(),
            sentence_start: s_start,
            sentence_end: s_end,
            section: None,
        });
        keys.push((format!("{n}:{}", m.m_id), m));
    }
    events.claims = claims;
    (events, keys)
}

fn score_rows(report: &mut Report, label: &str, key: &Clustering, response: &Clustering) {
    let s = score(key, response);
    report.row(
        label,
        &[
            ("MUC", s.muc.2),
            ("B3 P", s.b3.0),
            ("B3 R", s.b3.1),
            ("B3", s.b3.2),
            ("CEAF-e", s.ceafe.2),
            ("CoNLL", s.conll()),
            ("mentions", key.len() as f64),
        ],
    );
}

/// Precision, recall and F1 (percent) of each metric.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scores {
    pub muc: (f64, f64, f64),
    pub b3: (f64, f64, f64),
    pub ceafe: (f64, f64, f64),
}

impl Scores {
    /// The CoNLL F1: the mean of the MUC, B-cubed and CEAF-e F1.
    pub fn conll(&self) -> f64 {
        (self.muc.2 + self.b3.2 + self.ceafe.2) / 3.0
    }
}

/// Scores a response clustering against a key over the key's mentions (a
/// mention the response lacks is a singleton of its own).
pub fn score(key: &Clustering, response: &Clustering) -> Scores {
    let response: Clustering = key
        .keys()
        .map(|m| {
            let r = response
                .get(m)
                .cloned()
                .unwrap_or_else(|| format!("\u{0}missing:{m}"));
            (m.clone(), r)
        })
        .collect();
    let k = clusters(key);
    let r = clusters(&response);
    Scores {
        muc: muc(&k, &r, key, &response),
        b3: b3(key, &response, &k, &r),
        ceafe: ceafe(&k, &r, key, &response),
    }
}

fn clusters(c: &Clustering) -> HashMap<&str, HashSet<&str>> {
    let mut out: HashMap<&str, HashSet<&str>> = HashMap::new();
    for (m, l) in c {
        out.entry(l.as_str()).or_default().insert(m.as_str());
    }
    out
}

fn f1(p: f64, r: f64) -> f64 {
    if p + r == 0.0 {
        0.0
    } else {
        2.0 * p * r / (p + r)
    }
}

fn ratio(a: f64, b: f64) -> f64 {
    if b == 0.0 {
        0.0
    } else {
        100.0 * a / b
    }
}

/// MUC (Vilain et al. 1995): links needed to rebuild each cluster.
fn muc(
    k: &HashMap<&str, HashSet<&str>>,
    r: &HashMap<&str, HashSet<&str>>,
    key: &Clustering,
    response: &Clustering,
) -> (f64, f64, f64) {
    let side = |clusters: &HashMap<&str, HashSet<&str>>, other: &Clustering| {
        let (mut num, mut den) = (0.0, 0.0);
        for members in clusters.values() {
            let parts: HashSet<&str> = members.iter().map(|m| other[*m].as_str()).collect();
            num += (members.len() - parts.len()) as f64;
            den += (members.len() - 1) as f64;
        }
        (num, den)
    };
    let (rn, rd) = side(k, response);
    let (pn, pd) = side(r, key);
    let (p, rc) = (ratio(pn, pd), ratio(rn, rd));
    (p, rc, f1(p, rc))
}

/// B-cubed (Bagga and Baldwin 1998): per-mention overlap of its clusters.
fn b3(
    key: &Clustering,
    response: &Clustering,
    k: &HashMap<&str, HashSet<&str>>,
    r: &HashMap<&str, HashSet<&str>>,
) -> (f64, f64, f64) {
    let (mut p, mut rc) = (0.0, 0.0);
    for m in key.keys() {
        let kc = &k[key[m].as_str()];
        let rcl = &r[response[m].as_str()];
        let both = kc.iter().filter(|x| rcl.contains(*x)).count() as f64;
        p += both / rcl.len() as f64;
        rc += both / kc.len() as f64;
    }
    let n = key.len() as f64;
    let (p, rc) = (ratio(p, n), ratio(rc, n));
    (p, rc, f1(p, rc))
}

/// CEAF-e (Luo 2005): the best one-to-one alignment of key and response
/// clusters under phi4 = 2|K∩R| / (|K| + |R|). The alignment is solved
/// exactly (Hungarian method) per connected group of overlapping clusters.
fn ceafe(
    k: &HashMap<&str, HashSet<&str>>,
    r: &HashMap<&str, HashSet<&str>>,
    key: &Clustering,
    response: &Clustering,
) -> (f64, f64, f64) {
    // Overlaps between key and response clusters.
    let mut overlap: HashMap<(&str, &str), usize> = HashMap::new();
    for (m, kl) in key {
        *overlap
            .entry((kl.as_str(), response[m].as_str()))
            .or_default() += 1;
    }
    // Connected groups of the bipartite overlap graph (union-find over labels).
    let mut parent: HashMap<String, String> = HashMap::new();
    fn root(parent: &mut HashMap<String, String>, x: &str) -> String {
        let mut cur = x.to_string();
        while let Some(p) = parent.get(&cur).cloned() {
            if p == cur {
                break;
            }
            cur = p;
        }
        parent.insert(x.to_string(), cur.clone());
        cur
    }
    for &(kl, rl) in overlap.keys() {
        let (a, b) = (
            root(&mut parent, &format!("k{kl}")),
            root(&mut parent, &format!("r{rl}")),
        );
        if a != b {
            parent.insert(a, b);
        }
    }
    let mut groups: HashMap<String, (Vec<&str>, Vec<&str>)> = HashMap::new();
    for kl in k.keys() {
        let g = root(&mut parent, &format!("k{kl}"));
        groups.entry(g).or_default().0.push(kl);
    }
    for rl in r.keys() {
        let g = root(&mut parent, &format!("r{rl}"));
        groups.entry(g).or_default().1.push(rl);
    }
    let mut total = 0.0;
    for (ks, rs) in groups.values() {
        let weights: Vec<Vec<f64>> = ks
            .iter()
            .map(|kl| {
                rs.iter()
                    .map(|rl| {
                        let both = overlap.get(&(*kl, *rl)).copied().unwrap_or(0) as f64;
                        2.0 * both / (k[kl].len() + r[rl].len()) as f64
                    })
                    .collect()
            })
            .collect();
        total += max_assignment(&weights);
    }
    let (p, rc) = (ratio(total, r.len() as f64), ratio(total, k.len() as f64));
    (p, rc, f1(p, rc))
}

/// The largest total weight of a one-to-one assignment of rows to columns
/// (Hungarian method, O(n^3) on the padded square matrix).
pub fn max_assignment(w: &[Vec<f64>]) -> f64 {
    let rows = w.len();
    let cols = w.first().map_or(0, Vec::len);
    let n = rows.max(cols);
    if n == 0 {
        return 0.0;
    }
    let cost = |i: usize, j: usize| -> f64 {
        if i < rows && j < cols {
            -w[i][j]
        } else {
            0.0
        }
    };
    // Potentials and matching, 1-based (the classic e-maxx formulation).
    let inf = f64::INFINITY;
    let (mut u, mut v) = (vec![0.0; n + 1], vec![0.0; n + 1]);
    let (mut p, mut way) = (vec![0usize; n + 1], vec![0usize; n + 1]);
    for i in 1..=n {
        p[0] = i;
        let mut j0 = 0;
        let mut minv = vec![inf; n + 1];
        let mut used = vec![false; n + 1];
        loop {
            used[j0] = true;
            let i0 = p[j0];
            let mut delta = inf;
            let mut j1 = 0;
            for j in 1..=n {
                if !used[j] {
                    let cur = cost(i0 - 1, j - 1) - u[i0] - v[j];
                    if cur < minv[j] {
                        minv[j] = cur;
                        way[j] = j0;
                    }
                    if minv[j] < delta {
                        delta = minv[j];
                        j1 = j;
                    }
                }
            }
            for j in 0..=n {
                if used[j] {
                    u[p[j]] += delta;
                    v[j] -= delta;
                } else {
                    minv[j] -= delta;
                }
            }
            j0 = j1;
            if p[j0] == 0 {
                break;
            }
        }
        loop {
            let j1 = way[j0];
            p[j0] = p[j1];
            j0 = j1;
            if j0 == 0 {
                break;
            }
        }
    }
    (1..=n)
        .filter(|&j| p[j] >= 1 && p[j] <= rows && j <= cols)
        .map(|j| w[p[j] - 1][j - 1])
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn clustering(pairs: &[(&str, &str)]) -> Clustering {
        pairs
            .iter()
            .map(|(m, c)| (m.to_string(), c.to_string()))
            .collect()
    }

    #[test]
    fn perfect_and_singleton_responses() {
        let key = clustering(&[("a", "1"), ("b", "1"), ("c", "1"), ("d", "2"), ("e", "2")]);
        let s = score(&key, &key);
        assert_eq!((s.muc.2, s.b3.2, s.ceafe.2), (100.0, 100.0, 100.0));
        let singles: Clustering = key.keys().map(|k| (k.clone(), k.clone())).collect();
        let s = score(&key, &singles);
        assert_eq!(s.muc.2, 0.0);
        assert!((s.b3.0 - 100.0).abs() < 1e-9);
        assert!((s.b3.1 - 100.0 * (3.0 * (1.0 / 3.0) + 2.0 * 0.5) / 5.0).abs() < 1e-9);
    }

    #[test]
    fn known_values() {
        // Key {a b c} {d e}; response {a b} {c d e}.
        let key = clustering(&[("a", "1"), ("b", "1"), ("c", "1"), ("d", "2"), ("e", "2")]);
        let resp = clustering(&[("a", "x"), ("b", "x"), ("c", "y"), ("d", "y"), ("e", "y")]);
        let s = score(&key, &resp);
        // MUC: recall (1 + 1) / (2 + 1) = 2/3 ... key {abc} splits in 2 -> 1 of 2
        // links, {de} kept -> 1 of 1: 2/3; precision {ab} 1/1, {cde} 1/2: 2/3.
        assert!((s.muc.0 - 200.0 / 3.0).abs() < 1e-9 && (s.muc.1 - 200.0 / 3.0).abs() < 1e-9);
        // B3 precision: a,b 1; c 1/3; d,e 2/3 -> (2 + 1/3 + 4/3) / 5.
        assert!((s.b3.0 - 100.0 * (2.0 + 1.0 / 3.0 + 4.0 / 3.0) / 5.0).abs() < 1e-9);
        // CEAF-e: {abc}-{ab} 4/5, {de}-{cde} 4/5 -> 1.6 over 2 clusters each.
        assert!((s.ceafe.2 - 80.0).abs() < 1e-9);
    }

    #[test]
    fn assignment_is_optimal() {
        let w = vec![vec![0.9, 0.8], vec![0.8, 0.1]];
        assert!(
            (max_assignment(&w) - 1.6).abs() < 1e-9,
            "not the greedy 1.0"
        );
        let rect = vec![vec![0.5, 0.2, 0.9]];
        assert!((max_assignment(&rect) - 0.9).abs() < 1e-9);
    }
}
