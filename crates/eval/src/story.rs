//! The story scorer: the whole engine (extraction and ledger) against a real
//! multi-outlet story with a hand-made fact sheet, in the format of
//! `corpus/stories/README.md`: a folder with `articles.jsonl` (one article a
//! line, with an `id`) and `facts.json` (speakers with aliases, propositions,
//! claims with their `evidence`, copy groups, checks).
//!
//! The articles go into a fresh in-memory ledger, in file order. Each
//! fact-sheet claim is paired with at most one extracted claim of the same
//! article whose evidence sentence holds the fact's `evidence` (the first
//! words of its sentence, compared word by word, ignoring case and
//! punctuation); among several candidates the one agreeing on speaker, stance
//! and figure wins. Reported:
//! - recall over the fact sheet's claims of the speaker (resolved through the
//!   fact sheet's names and aliases), speaker and stance, figure value (over
//!   claims with a figure) and statement date (the fact's `stated`, else the
//!   article's publication date), and of hedging (over hedged claims);
//! - precision: extracted claims with a fact-sheet partner, and the others by
//!   kind (in a sentence that holds a fact-sheet claim, or elsewhere);
//! - proposition B-cubed over the paired claims (key: the fact sheet's
//!   `proposition`, response: the ledger's proposition of the paired claim);
//! - disputes: fact-sheet propositions asserted by some and denied by others,
//!   found when one ledger proposition holds a paired supporting and a paired
//!   disputing claim of them;
//! - copy groups: found when all their articles share one origin;
//! - series: fact-sheet figures of one proposition and counted thing given by
//!   at least two claims, found when two of them fall in one ledger series.
//!
//! The `checks` of a fact sheet are read by hand (their count is noted).

use crate::Report;
use anyhow::{anyhow, bail, Context};
use claimtrail_extract::json::{ArticleJson, ClaimJson};
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{Proposition, SqliteStore, Store};
use serde::Deserialize;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// A fact sheet (`facts.json`); fields the scorer does not use are ignored.
#[derive(Clone, Debug, Deserialize)]
pub struct Facts {
    #[serde(default)]
    pub speakers: Vec<Speaker>,
    pub claims: Vec<FactClaim>,
    #[serde(default)]
    pub copies: Vec<Vec<String>>,
    #[serde(default)]
    pub checks: Vec<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct Speaker {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub part_of: Option<String>,
}

#[derive(Clone, Debug, Deserialize)]
pub struct FactClaim {
    pub article: String,
    pub speaker: Option<String>,
    pub stance: String,
    pub proposition: Option<String>,
    #[serde(default)]
    pub figure: Option<FactFigure>,
    #[serde(default)]
    pub stated: Option<String>,
    #[serde(default)]
    pub hedged: bool,
    pub evidence: String,
}

#[derive(Clone, Debug, Deserialize)]
pub struct FactFigure {
    pub value: Option<f64>,
    #[serde(default)]
    pub low: Option<f64>,
    #[serde(default)]
    pub high: Option<f64>,
    #[serde(default)]
    pub counted: Option<String>,
}

/// One analysed article of a story.
#[derive(Clone, Debug)]
pub struct StoryArticle {
    /// The fact sheet's id ("NN-outlet").
    pub id: String,
    pub published: Option<String>,
    pub text: String,
    pub analysis: ArticleJson,
}

/// A story folder, read and analysed.
#[derive(Clone, Debug)]
pub struct Story {
    pub dir: PathBuf,
    pub articles: Vec<StoryArticle>,
    pub facts: Facts,
}

/// Reads and analyses a story folder. Errors name the file and the reason.
pub fn load(dir: &Path) -> anyhow::Result<Story> {
    let jsonl = dir.join("articles.jsonl");
    let facts_path = dir.join("facts.json");
    let facts_text = std::fs::read_to_string(&facts_path)
        .with_context(|| format!("{}: cannot read", facts_path.display()))?;
    let facts: Facts = serde_json::from_str(&facts_text)
        .with_context(|| format!("{}: not a fact sheet", facts_path.display()))?;
    let raw = std::fs::read_to_string(&jsonl)
        .with_context(|| format!("{}: cannot read", jsonl.display()))?;
    let mut ids = Vec::new();
    for (i, line) in raw.split('\n').enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let v: serde_json::Value = serde_json::from_str(line)
            .with_context(|| format!("{}:{}: not valid JSON", jsonl.display(), i + 1))?;
        let id = v
            .get("id")
            .and_then(|x| x.as_str())
            .ok_or_else(|| anyhow!("{}:{}: missing \"id\" (a string)", jsonl.display(), i + 1))?;
        ids.push(id.to_string());
    }
    let docs = claimtrail_ingest::read(&jsonl, &claimtrail_ingest::ReadOptions::default());
    if docs.len() != ids.len() {
        bail!(
            "{}: {} article lines but {} documents read",
            jsonl.display(),
            ids.len(),
            docs.len()
        );
    }
    let pipeline = Pipeline::new();
    let mut articles = Vec::new();
    for (id, doc) in ids.into_iter().zip(docs) {
        let doc = doc.map_err(|e| anyhow!("{e}"))?;
        let text = doc.text().to_string();
        let analysis = ArticleJson::from_analysis(&pipeline.analyze(doc));
        articles.push(StoryArticle {
            id,
            published: analysis.document.published.clone(),
            text,
            analysis,
        });
    }
    let known: HashSet<&str> = articles.iter().map(|a| a.id.as_str()).collect();
    if let Some(c) = facts
        .claims
        .iter()
        .find(|c| !known.contains(c.article.as_str()))
    {
        bail!(
            "{}: claim of unknown article {:?}",
            facts_path.display(),
            c.article
        );
    }
    Ok(Story {
        dir: dir.to_path_buf(),
        articles,
        facts,
    })
}

/// A fresh in-memory ledger holding the story's articles in the given order
/// (indices into `story.articles`).
pub fn ledger(story: &Story, order: &[usize]) -> anyhow::Result<SqliteStore> {
    let mut store = SqliteStore::open_in_memory()?;
    for &i in order {
        let a = &story.articles[i];
        store
            .add(&a.analysis, &a.text)
            .with_context(|| format!("article {}: not stored", a.id))?;
    }
    Ok(store)
}

/// What the ledger made of a story: the proposition of every claim, the
/// propositions themselves, and the origin of every article.
pub struct LedgerView {
    pub prop_of: HashMap<String, i64>,
    pub propositions: BTreeMap<i64, Proposition>,
    /// Article index to the first document of its copy group.
    pub origin: Vec<String>,
}

pub fn view(story: &Story, store: &SqliteStore) -> anyhow::Result<LedgerView> {
    let mut prop_of = HashMap::new();
    let mut propositions = BTreeMap::new();
    let mut origin = Vec::new();
    for a in &story.articles {
        let links = store.cross_links(&a.analysis.document.id)?;
        for (claim, prop) in links.claims {
            if let std::collections::btree_map::Entry::Vacant(e) = propositions.entry(prop) {
                if let Some(p) = store.proposition(prop)? {
                    e.insert(p);
                }
            }
            prop_of.insert(claim, prop);
        }
        let copies = store.copies(&a.analysis.document.id)?;
        origin.push(
            copies
                .first()
                .map_or_else(|| a.analysis.document.id.clone(), |d| d.id.clone()),
        );
    }
    Ok(LedgerView {
        prop_of,
        propositions,
        origin,
    })
}

/// The partition of claims into propositions, as sorted sets of claim ids
/// (row ids play no part): what must not depend on the order of ingest.
pub fn partition(view: &LedgerView) -> BTreeSet<BTreeSet<String>> {
    let mut groups: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for (claim, prop) in &view.prop_of {
        groups.entry(*prop).or_default().insert(claim.clone());
    }
    groups.into_values().collect()
}

/// Scores a story folder (see the module documentation).
pub fn evaluate(gold: Option<&Path>) -> anyhow::Result<Report> {
    let dir = gold.ok_or_else(|| {
        anyhow!("story needs a story folder (articles.jsonl and facts.json), e.g. claimtrail eval story ../shared/corpus/stories/nord-stream-2022")
    })?;
    let story = load(dir)?;
    let order: Vec<usize> = (0..story.articles.len()).collect();
    let store = ledger(&story, &order)?;
    let view = view(&story, &store)?;
    let mut report = score(&story, &view);
    // The same articles in reverse order must give the same partition.
    let reversed: Vec<usize> = order.iter().rev().copied().collect();
    let other = self::view(&story, &ledger(&story, &reversed)?)?;
    order_row(&mut report, &view, &other);
    Ok(report)
}

/// How far the partition of claims into propositions depends on the order
/// of ingest: B-cubed of one order's partition against the other's.
pub fn order_row(report: &mut Report, forward: &LedgerView, reverse: &LedgerView) {
    let as_clustering = |v: &LedgerView| -> crate::xdoc::Clustering {
        v.prop_of
            .iter()
            .map(|(c, p)| (c.clone(), p.to_string()))
            .collect()
    };
    let s = crate::xdoc::score(&as_clustering(forward), &as_clustering(reverse));
    let same = partition(forward) == partition(reverse);
    let groups = |v: &LedgerView| partition(v).len() as f64;
    report.row(
        "reverse order",
        &[
            ("same", f64::from(u8::from(same))),
            ("B3", s.b3.2),
            ("props", groups(forward)),
            ("reversed", groups(reverse)),
        ],
    );
}

/// Words of a text (lowercased alphanumeric runs) with their char offsets.
fn words(text: &str) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut start = 0;
    let mut n = 0;
    for (i, ch) in text.chars().enumerate() {
        if ch.is_alphanumeric() {
            if cur.is_empty() {
                start = i;
            }
            cur.extend(ch.to_lowercase());
        } else if !cur.is_empty() {
            out.push((start, i, std::mem::take(&mut cur)));
        }
        n = i + 1;
    }
    if !cur.is_empty() {
        out.push((start, n, cur));
    }
    out
}

/// Where the words of `evidence` occur in the text (char spans).
fn occurrences(text_words: &[(usize, usize, String)], evidence: &str) -> Vec<(usize, usize)> {
    let ev: Vec<String> = words(evidence).into_iter().map(|w| w.2).collect();
    if ev.is_empty() || ev.len() > text_words.len() {
        return Vec::new();
    }
    (0..=text_words.len() - ev.len())
        .filter(|&i| ev.iter().zip(&text_words[i..]).all(|(a, b)| *a == b.2))
        .map(|i| (text_words[i].0, text_words[i + ev.len() - 1].1))
        .collect()
}

/// Folded words of a name: lowercase alphanumeric runs, without a leading "the".
fn name_words(s: &str) -> Vec<String> {
    let mut w: Vec<String> = words(s).into_iter().map(|w| w.2).collect();
    if w.first().is_some_and(|f| f == "the") {
        w.remove(0);
    }
    w
}

/// The fact-sheet speaker an extracted speaker name stands for: one whose
/// name or alias it is, else the one with the longest alias inside it
/// (ambiguous ties resolve to none).
pub fn resolve_speaker(speakers: &[Speaker], names: &[&str]) -> Option<String> {
    let mut best: Option<(usize, &str)> = None;
    let mut tie = false;
    for name in names {
        let n = name_words(name);
        if n.is_empty() {
            continue;
        }
        for s in speakers {
            for alias in std::iter::once(&s.name).chain(&s.aliases) {
                let a = name_words(alias);
                if a.is_empty() || a.len() > n.len() {
                    continue;
                }
                let score = if a == n {
                    usize::MAX
                } else if n.windows(a.len()).any(|w| w == a.as_slice()) {
                    a.len()
                } else {
                    continue;
                };
                match best {
                    Some((b, id)) if b == score && id != s.id => tie = true,
                    Some((b, _)) if b >= score => {}
                    _ => {
                        best = Some((score, &s.id));
                        tie = false;
                    }
                }
            }
        }
        if best.is_some_and(|(b, _)| b == usize::MAX) && !tie {
            break;
        }
    }
    best.filter(|_| !tie).map(|(_, id)| id.to_string())
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-6 * b.abs().max(1.0)
}

fn figure_matches(f: &FactFigure, c: &ClaimJson) -> bool {
    c.quantities.iter().any(|q| match f.value {
        Some(v) => close(q.value, v),
        None => match (f.low, f.high, q.low, q.high) {
            (Some(l), Some(h), Some(ql), Some(qh)) => close(ql, l) && close(qh, h),
            _ => false,
        },
    })
}

/// The pairing of fact-sheet claims with extracted claims.
pub struct Pairing {
    /// For each fact-sheet claim: (article index, claim index) of its partner.
    pub partner: Vec<Option<(usize, usize)>>,
    /// Extracted claims without a partner in a sentence holding a fact-sheet
    /// claim, and elsewhere.
    pub unpaired_in_fact_sentence: usize,
    pub unpaired_elsewhere: usize,
    /// Fact-sheet claims whose evidence is not in their article's text.
    pub evidence_not_found: usize,
}

/// The names an extracted claim gives its speaker: as written, and the
/// canonical name of its entity.
fn speaker_names(article: &ArticleJson, c: &ClaimJson) -> Vec<String> {
    let mut names: Vec<String> = c.speaker_name.iter().cloned().collect();
    if let Some(e) = c
        .speaker
        .as_ref()
        .and_then(|id| article.entities.iter().find(|e| &e.id == id))
    {
        names.push(e.canonical.clone());
    }
    names
}

fn resolved(story: &Story, ai: usize, c: &ClaimJson) -> Option<String> {
    let names = speaker_names(&story.articles[ai].analysis, c);
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    resolve_speaker(&story.facts.speakers, &names)
}

/// Pairs each fact-sheet claim with at most one extracted claim of its
/// article whose sentence holds its evidence; the candidates agreeing on
/// speaker, stance and figure are taken first.
pub fn pair(story: &Story) -> Pairing {
    let facts = &story.facts.claims;
    let mut out = Pairing {
        partner: vec![None; facts.len()],
        unpaired_in_fact_sentence: 0,
        unpaired_elsewhere: 0,
        evidence_not_found: 0,
    };
    for (ai, a) in story.articles.iter().enumerate() {
        let text_words = words(&a.text);
        let claims = &a.analysis.claims;
        let mut fact_spans: Vec<(usize, usize)> = Vec::new();
        let mut candidates: Vec<(usize, usize, usize)> = Vec::new();
        for (fi, f) in facts.iter().enumerate().filter(|(_, f)| f.article == a.id) {
            let occ = occurrences(&text_words, &f.evidence);
            if occ.is_empty() {
                out.evidence_not_found += 1;
            }
            fact_spans.extend(&occ);
            for (ci, c) in claims.iter().enumerate() {
                if !occ
                    .iter()
                    .any(|&(s, e)| s < c.sentence_end && c.sentence_start < e)
                {
                    continue;
                }
                let speaker_ok = f.speaker.is_some() && resolved(story, ai, c) == f.speaker;
                let score = 4 * usize::from(speaker_ok)
                    + 2 * usize::from(c.stance == f.stance)
                    + usize::from(f.figure.as_ref().is_some_and(|g| figure_matches(g, c)));
                candidates.push((score, fi, ci));
            }
        }
        candidates.sort_by(|a, b| b.0.cmp(&a.0).then((a.1, a.2).cmp(&(b.1, b.2))));
        let mut taken = vec![false; claims.len()];
        for (_, fi, ci) in candidates {
            if out.partner[fi].is_none() && !taken[ci] {
                out.partner[fi] = Some((ai, ci));
                taken[ci] = true;
            }
        }
        for (_, c) in claims.iter().enumerate().filter(|(ci, _)| !taken[*ci]) {
            if fact_spans
                .iter()
                .any(|&(s, e)| s < c.sentence_end && c.sentence_start < e)
            {
                out.unpaired_in_fact_sentence += 1;
            } else {
                out.unpaired_elsewhere += 1;
            }
        }
    }
    out
}

fn pct(n: usize, d: usize) -> f64 {
    if d == 0 {
        0.0
    } else {
        100.0 * n as f64 / d as f64
    }
}

/// Scores what the ledger made of a story against its fact sheet.
pub fn score(story: &Story, view: &LedgerView) -> Report {
    let extracted: usize = story.articles.iter().map(|a| a.analysis.claims.len()).sum();
    let mut report = Report::new(
        "story",
        format!(
            "{} ({} articles, {} fact-sheet claims, {} extracted)",
            story.dir.display(),
            story.articles.len(),
            story.facts.claims.len(),
            extracted
        ),
    );
    let pairing = pair(story);
    claim_rows(&mut report, story, &pairing, extracted);
    proposition_rows(&mut report, story, view, &pairing, extracted);
    dispute_rows(&mut report, story, view, &pairing);
    copy_rows(&mut report, story, view);
    series_rows(&mut report, story, view, &pairing);
    if pairing.evidence_not_found > 0 {
        report.notes.push(format!(
            "{} fact-sheet claim(s) whose evidence is not in the article text",
            pairing.evidence_not_found
        ));
    }
    report
        .notes
        .extend(proposition_notes(story, view, &pairing));
    report.notes.push(format!(
        "{} check(s) in the fact sheet, judged by hand",
        story.facts.checks.len()
    ));
    report
}

fn claim_rows(report: &mut Report, story: &Story, pairing: &Pairing, extracted: usize) {
    let facts = &story.facts.claims;
    let paired = pairing.partner.iter().flatten().count();
    report.prf(
        "claims paired",
        paired,
        extracted - paired,
        facts.len() - paired,
    );
    let (mut speaker, mut stance, mut body) = (0, 0, 0);
    let (mut figures, mut figure_ok, mut dates, mut date_ok, mut derived, mut derived_ok) =
        (0, 0, 0, 0, 0, 0);
    let part_of: HashMap<&str, &str> = story
        .facts
        .speakers
        .iter()
        .filter_map(|s| Some((s.id.as_str(), s.part_of.as_deref()?)))
        .collect();
    let (mut hedged, mut hedged_ok) = (0, 0);
    for (f, p) in facts.iter().zip(&pairing.partner) {
        let claim = p.map(|(ai, ci)| (ai, &story.articles[ai].analysis.claims[ci]));
        if f.hedged {
            hedged += 1;
            hedged_ok += usize::from(claim.is_some_and(|(_, c)| c.hedged));
        }
        let who = claim.and_then(|(ai, c)| resolved(story, ai, c));
        let same = who.is_some() && who == f.speaker;
        speaker += usize::from(same);
        stance += usize::from(same && claim.is_some_and(|(_, c)| c.stance == f.stance));
        // the body the fact's speaker speaks for, or one of its people
        let related = |a: &str, b: &str| part_of.get(a) == Some(&b) || part_of.get(b) == Some(&a);
        body +=
            usize::from(same || matches!((&who, &f.speaker), (Some(a), Some(b)) if related(a, b)));
        if let Some(g) = &f.figure {
            figures += 1;
            figure_ok += usize::from(claim.is_some_and(|(_, c)| figure_matches(g, c)));
        }
        let article = story.articles.iter().find(|a| a.id == f.article);
        let expected = f
            .stated
            .clone()
            .or_else(|| article.and_then(|a| a.published.clone()));
        if let Some(day) = expected {
            let ok = claim.is_some_and(|(_, c)| c.stated.as_deref() == Some(day.as_str()));
            dates += 1;
            date_ok += usize::from(ok);
            if f.stated.is_some() {
                derived += 1;
                derived_ok += usize::from(ok);
            }
        }
    }
    let n = facts.len();
    report.row(
        "unpaired extracted",
        &[
            ("in fact", pairing.unpaired_in_fact_sentence as f64),
            ("elsewhere", pairing.unpaired_elsewhere as f64),
        ],
    );
    for (label, ok, of) in [
        ("R speaker", speaker, n),
        ("R speaker or body", body, n),
        ("R speaker+stance", stance, n),
        ("R figure", figure_ok, figures),
        ("R date", date_ok, dates),
        ("R date (derived)", derived_ok, derived),
        ("R hedged", hedged_ok, hedged),
    ] {
        report.row(
            label,
            &[("R", pct(ok, of)), ("ok", ok as f64), ("of", of as f64)],
        );
    }
}

/// The ledger's claim id of each paired fact-sheet claim.
fn paired_ids<'a>(story: &'a Story, pairing: &Pairing) -> Vec<Option<&'a str>> {
    pairing
        .partner
        .iter()
        .map(|p| p.map(|(ai, ci)| story.articles[ai].analysis.claims[ci].id.as_str()))
        .collect()
}

fn proposition_rows(
    report: &mut Report,
    story: &Story,
    view: &LedgerView,
    pairing: &Pairing,
    extracted: usize,
) {
    let mut key = crate::xdoc::Clustering::new();
    let mut response = crate::xdoc::Clustering::new();
    for (fi, (f, id)) in story
        .facts
        .claims
        .iter()
        .zip(paired_ids(story, pairing))
        .enumerate()
    {
        let Some(id) = id else { continue };
        let gold = f
            .proposition
            .clone()
            .unwrap_or_else(|| format!("none:{fi}"));
        key.insert(id.to_string(), gold);
        let engine = view
            .prop_of
            .get(id)
            .map_or_else(|| format!("none:{id}"), |p| p.to_string());
        response.insert(id.to_string(), engine);
    }
    let s = crate::xdoc::score(&key, &response);
    let gold_props: HashSet<&String> = key.values().collect();
    let engine_props: HashSet<&String> = response.values().collect();
    report.row(
        "propositions B3",
        &[
            ("P", s.b3.0),
            ("R", s.b3.1),
            ("F1", s.b3.2),
            ("claims", key.len() as f64),
            ("gold", gold_props.len() as f64),
            ("ledger", engine_props.len() as f64),
        ],
    );
    let largest = view
        .propositions
        .values()
        .map(|p| p.members)
        .max()
        .unwrap_or(0);
    report.row(
        "largest proposition",
        &[
            ("claims", largest as f64),
            ("% story", pct(largest, extracted)),
            ("props", view.propositions.len() as f64),
        ],
    );
}

/// For each fact-sheet proposition with two claims or more, where its claims
/// went: "P01 (assert 6, deny 4): #12 supports 5 disputes 2; #31 supports 1;
/// unpaired 2"; with the figures of its claims and the ledger series holding
/// each. What the checks of a fact sheet are judged on.
pub fn proposition_notes(story: &Story, view: &LedgerView, pairing: &Pairing) -> Vec<String> {
    let ids = paired_ids(story, pairing);
    let role = roles(view);
    let series_of: HashMap<&str, String> = view
        .propositions
        .values()
        .flat_map(|p| p.figures.iter().enumerate().map(move |(i, f)| (p.id, i, f)))
        .flat_map(|(p, i, f)| {
            f.points
                .iter()
                .map(move |pt| (pt.claim_id.as_str(), format!("#{p}.{i}:{}", f.measure)))
        })
        .collect();
    let mut by_prop: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (fi, f) in story.facts.claims.iter().enumerate() {
        if let Some(p) = f.proposition.as_deref() {
            by_prop.entry(p).or_default().push(fi);
        }
    }
    let mut out = Vec::new();
    for (p, members) in by_prop.iter().filter(|(_, m)| m.len() > 1) {
        let mut stances: BTreeMap<&str, usize> = BTreeMap::new();
        let mut ledger: BTreeMap<i64, BTreeMap<&str, usize>> = BTreeMap::new();
        let mut unpaired = 0;
        let mut figures = Vec::new();
        for &fi in members {
            let f = &story.facts.claims[fi];
            *stances.entry(f.stance.as_str()).or_default() += 1;
            let Some(id) = ids[fi] else {
                unpaired += 1;
                continue;
            };
            if let (Some(&prop), Some(&r)) = (view.prop_of.get(id), role.get(id)) {
                *ledger.entry(prop).or_default().entry(r).or_default() += 1;
            }
            if let Some(g) = &f.figure {
                let at = series_of.get(id).map_or("no series", String::as_str);
                let v = g
                    .value
                    .map_or_else(|| format!("{:?}-{:?}", g.low, g.high), |v| v.to_string());
                figures.push(format!("{v} ({}) in {at}", f.article));
            }
        }
        let join = |m: &BTreeMap<&str, usize>| {
            m.iter()
                .map(|(k, n)| format!("{k} {n}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        let places: Vec<String> = ledger
            .iter()
            .map(|(id, r)| format!("#{id} {}", join(r)))
            .collect();
        let mut line = format!("{p} ({}): {}", join(&stances), places.join("; "));
        if unpaired > 0 {
            line += &format!("; unpaired {unpaired}");
        }
        if !figures.is_empty() {
            line += &format!("; figures {}", figures.join(", "));
        }
        out.push(line);
    }
    out
}

/// The role of every claim in its ledger proposition.
fn roles(view: &LedgerView) -> HashMap<&str, &str> {
    view.propositions
        .values()
        .flat_map(|p| p.claims.iter())
        .map(|c| (c.record.claim.id.as_str(), c.role.as_str()))
        .collect()
}

/// Of one fact-sheet proposition: asserted, denied, and for each ledger
/// proposition whether it holds a paired support and a paired denial of it.
type DisputeSeen = (bool, bool, HashMap<i64, (bool, bool)>);

fn dispute_rows(report: &mut Report, story: &Story, view: &LedgerView, pairing: &Pairing) {
    let facts = &story.facts.claims;
    let ids = paired_ids(story, pairing);
    let role = roles(view);
    // fact proposition -> ledger proposition -> (paired support, paired denial)
    let mut seen: BTreeMap<&str, DisputeSeen> = BTreeMap::new();
    for (f, id) in facts.iter().zip(&ids) {
        let Some(p) = f.proposition.as_deref() else {
            continue;
        };
        let e = seen.entry(p).or_default();
        let supports = matches!(f.stance.as_str(), "assert" | "confirm");
        let denies = f.stance == "deny";
        e.0 |= supports;
        e.1 |= denies;
        let Some(id) = id else { continue };
        let (Some(&prop), Some(&r)) = (view.prop_of.get(*id), role.get(id)) else {
            continue;
        };
        let slot = e.2.entry(prop).or_default();
        slot.0 |= supports && r == "supports";
        slot.1 |= denies && r == "disputes";
    }
    let gold: Vec<_> = seen.values().filter(|(s, d, _)| *s && *d).collect();
    let found = gold
        .iter()
        .filter(|(_, _, m)| m.values().any(|(s, d)| *s && *d))
        .count();
    let ledger = view
        .propositions
        .values()
        .filter(|p| p.sources.supporting > 0 && p.sources.disputing > 0)
        .count();
    report.row(
        "disputes",
        &[
            ("gold", gold.len() as f64),
            ("found", found as f64),
            ("ledger", ledger as f64),
        ],
    );
}

fn copy_rows(report: &mut Report, story: &Story, view: &LedgerView) {
    let index: HashMap<&str, usize> = story
        .articles
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.as_str(), i))
        .collect();
    let mut found = 0;
    let mut gold_of: HashMap<usize, usize> = HashMap::new();
    for (g, group) in story.facts.copies.iter().enumerate() {
        let members: Vec<usize> = group
            .iter()
            .filter_map(|id| index.get(id.as_str()).copied())
            .collect();
        for &m in &members {
            gold_of.insert(m, g);
        }
        let origins: HashSet<&str> = members.iter().map(|&m| view.origin[m].as_str()).collect();
        if members.len() == group.len() && origins.len() == 1 {
            found += 1;
        } else {
            report
                .notes
                .push(format!("copy group not found: {}", group.join(", ")));
        }
    }
    let mut groups: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, o) in view.origin.iter().enumerate() {
        groups.entry(o.as_str()).or_default().push(i);
    }
    let ledger: Vec<&Vec<usize>> = groups.values().filter(|g| g.len() > 1).collect();
    let wrong = ledger
        .iter()
        .filter(|g| {
            let gs: HashSet<Option<&usize>> = g.iter().map(|m| gold_of.get(m)).collect();
            gs.len() > 1 || gs.contains(&None)
        })
        .count();
    report.row(
        "copy groups",
        &[
            ("gold", story.facts.copies.len() as f64),
            ("found", found as f64),
            ("ledger", ledger.len() as f64),
            ("wrong", wrong as f64),
        ],
    );
}

fn series_rows(report: &mut Report, story: &Story, view: &LedgerView, pairing: &Pairing) {
    let ids = paired_ids(story, pairing);
    // (fact proposition, counted thing) of each paired claim with a figure
    let mut gold: BTreeMap<(String, String), (usize, BTreeSet<&str>)> = BTreeMap::new();
    let mut key_of: HashMap<&str, (String, String)> = HashMap::new();
    for (f, id) in story.facts.claims.iter().zip(&ids) {
        let (Some(p), Some(g)) = (&f.proposition, &f.figure) else {
            continue;
        };
        let key = (
            p.clone(),
            g.counted.clone().unwrap_or_default().to_lowercase(),
        );
        let e = gold.entry(key.clone()).or_default();
        e.0 += 1;
        if let Some(id) = id {
            e.1.insert(id);
            key_of.insert(id, key);
        }
    }
    gold.retain(|_, v| v.0 > 1);
    let series: Vec<HashSet<&str>> = view
        .propositions
        .values()
        .flat_map(|p| p.figures.iter())
        .map(|s| s.points.iter().map(|p| p.claim_id.as_str()).collect())
        .collect();
    let found = gold
        .values()
        .filter(|(_, members)| {
            series
                .iter()
                .any(|s| members.iter().filter(|m| s.contains(*m)).count() > 1)
        })
        .count();
    let mixed = series
        .iter()
        .filter(|s| {
            let keys: HashSet<&(String, String)> =
                s.iter().filter_map(|id| key_of.get(id)).collect();
            keys.len() > 1
        })
        .count();
    report.row(
        "series",
        &[
            ("gold", gold.len() as f64),
            ("found", found as f64),
            ("ledger", series.len() as f64),
            (
                "2+ pts",
                series.iter().filter(|s| s.len() > 1).count() as f64,
            ),
            ("mixed", mixed as f64),
        ],
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speaker(id: &str, name: &str, aliases: &[&str]) -> Speaker {
        Speaker {
            id: id.into(),
            name: name.into(),
            aliases: aliases.iter().map(|s| s.to_string()).collect(),
            part_of: None,
        }
    }

    #[test]
    fn speakers_resolve_through_aliases() {
        let s = [
            speaker("OFF", "Mayor's Office", &["the city hall", "city"]),
            speaker("MAY", "Ada Lind", &["Lind", "the mayor", "city mayor"]),
            speaker("LIN", "Lind Foods", &["Lind Foods"]),
        ];
        assert_eq!(resolve_speaker(&s, &["The Mayor"]).as_deref(), Some("MAY"));
        // the longest alias inside the name wins
        assert_eq!(
            resolve_speaker(&s, &["city mayor Ada Lind"]).as_deref(),
            Some("MAY")
        );
        assert_eq!(resolve_speaker(&s, &["Lind Foods"]).as_deref(), Some("LIN"));
        // an exact name given second still decides
        assert_eq!(
            resolve_speaker(&s, &["officials", "City Hall"]).as_deref(),
            Some("OFF")
        );
        assert_eq!(resolve_speaker(&s, &["he"]), None);
        // a word inside another word is no alias ("city" in "cityscape")
        assert_eq!(resolve_speaker(&s, &["cityscape"]), None);
    }

    #[test]
    fn evidence_is_found_word_by_word() {
        let text = "Intro. \u{201c}We will look into it,\u{201d} the minister said. We will not.";
        let w = words(text);
        let occ = occurrences(&w, "We will look into it, the");
        assert_eq!(occ.len(), 1);
        let start = text.chars().position(|c| c == 'W').unwrap();
        assert_eq!(occ[0].0, start);
        assert_eq!(occurrences(&w, "We will").len(), 2);
        assert!(occurrences(&w, "").is_empty());
        assert!(occurrences(&w, "nothing like this").is_empty());
    }
}
