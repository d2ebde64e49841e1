//! Propositions: claims from any sentence or document grouped when they state
//! the same thing about the same entities, whatever the wording.
//!
//! A claim's [`Frame`] is who and what: the canonical entities its content
//! names (a nationality counts as its state: "North Korean soldiers" are about
//! North Korea), its content words reduced to stems or concept classes
//! ("troops", "soldiers", "personnel" -> `@personnel`; "sent", "deployed" ->
//! `@send`; see `data/concepts.tsv`), and the counted things of its figures.
//! Reporting verbs, function words and the words of names are left out.
//!
//! A new claim is compared with the claims of the propositions that share at
//! least one (entity, content term) pair with it (the lookup keys are such
//! pairs, indexed): the score is the geometric mean of the cosine of their
//! entities and the cosine of their content terms. Two claims at or above
//! [`PAIR`] state the same thing, and a proposition is what such pairs join
//! (single link): a claim that matches claims of several propositions joins
//! them. Claim against claim, never against a growing profile, so the same
//! articles in any order give the same partition. A proposition still keeps
//! a profile (for each term, how many of its claims have it) for its gist
//! and terms.

use crate::db::Db;
use crate::Result;
use claimtrail_extract::json::{ArticleJson, ClaimJson};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::sync::Arc;

/// Most recent propositions looked at per lookup key, and profiles compared
/// per claim: bounds the work per claim whatever the size of the ledger.
const POSTING_CAP: usize = 200;
const CANDIDATES: usize = 24;
/// Entities and content terms of a claim that make its lookup keys (ids and
/// terms in sorted order), and content terms paired when it names no entity.
const KEY_ENTITIES: usize = 8;
const KEY_TERMS: usize = 32;
const KEY_PAIR_TERMS: usize = 10;

/// What a claim's content points back at, when that is all it does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Back {
    /// "the figures", "the toll", "these numbers": the latest figure.
    Figures,
    /// "the claims", "the report", "it": the latest claim.
    Report,
}

/// Whether a claim's content only points back at earlier reports: a short
/// phrase such as "the figures", "these claims", "the report", "it".
pub(crate) fn refers_back(content: &str) -> Option<Back> {
    let words: Vec<String> = content
        .split_whitespace()
        .map(|w| {
            w.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|w| !w.is_empty())
        .collect();
    let pointer = |w: &str| {
        matches!(
            w,
            "the" | "these" | "this" | "those" | "that" | "such" | "its" | "their"
        )
    };
    let noun = |w: &str| match w {
        "figure" | "figures" | "number" | "numbers" | "toll" | "count" | "data" | "estimate"
        | "estimates" | "tally" | "statistics" => Some(Back::Figures),
        "claim" | "claims" | "report" | "reports" | "account" | "accounts" | "information"
        | "statement" | "statements" | "allegation" | "allegations" | "details" | "assessment"
        | "reporting" => Some(Back::Report),
        _ => None,
    };
    match words.as_slice() {
        [w] if matches!(w.as_str(), "it" | "this" | "that" | "them") => Some(Back::Report),
        [first, .., last] if words.len() <= 4 && pointer(first) => noun(last),
        _ => None,
    }
}

/// Who and what a claim is about.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Frame {
    /// Canonical entity ids, sorted.
    pub entities: Vec<i64>,
    /// Content terms (stems and `@concept`s), sorted.
    pub terms: Vec<String>,
    /// Counted things of the claim's figures (terms, or `unit:<unit>`).
    pub measures: Vec<String>,
}

impl Frame {
    /// The frames of an article's claims. `participant` maps an entity's
    /// local id to the canonical id it counts as.
    pub(crate) fn of_article(
        article: &ArticleJson,
        participant: &HashMap<String, i64>,
    ) -> Vec<Frame> {
        // The words of each entity's names, once per article (a speaker may
        // have thousands of mentions, and every claim of theirs needs them).
        let name_words: HashMap<&str, HashSet<String>> = article
            .entities
            .iter()
            .map(|e| {
                let mut words: HashSet<String> =
                    crate::norm::words(&e.canonical).into_iter().collect();
                for m in e.mentions.iter().filter(|m| m.kind == "name") {
                    words.extend(crate::norm::words(&m.text));
                }
                (e.id.as_str(), words)
            })
            .collect();
        let mut frames: Vec<Frame> = article
            .claims
            .iter()
            .map(|c| Frame::of(c, participant, &name_words))
            .collect();
        // "Reuters could not verify the figures", "Moscow denied the reports":
        // content that points back at what was just reported takes the frame
        // of the latest claim before it that says something of its own.
        // "The figures" point at the latest claim with a figure.
        let mut latest: Option<usize> = None;
        let mut latest_figure: Option<usize> = None;
        for (i, c) in article.claims.iter().enumerate() {
            match refers_back(&c.text) {
                Some(Back::Figures) => {
                    if let Some(j) = latest_figure.or(latest) {
                        frames[i] = frames[j].clone();
                    }
                }
                Some(Back::Report) => {
                    if let Some(j) = latest {
                        frames[i] = frames[j].clone();
                    }
                }
                None => {
                    latest = Some(i);
                    if !c.quantities.is_empty() {
                        latest_figure = Some(i);
                    }
                }
            }
        }
        frames
    }

    /// A claim's frame; `name_words` holds the words of each entity's names.
    fn of(
        claim: &ClaimJson,
        participant: &HashMap<String, i64>,
        name_words: &HashMap<&str, HashSet<String>>,
    ) -> Frame {
        let mut entities: Vec<i64> = claim
            .entities
            .iter()
            .filter_map(|id| participant.get(id).copied())
            .collect();
        entities.sort_unstable();
        entities.dedup();
        // The words of names are the entities' part, not content words.
        let names: Vec<&HashSet<String>> = claim
            .entities
            .iter()
            .chain(&claim.speaker)
            .filter_map(|id| name_words.get(id.as_str()))
            .collect();
        let mut terms: Vec<String> = crate::norm::words(&claim.text)
            .iter()
            .filter(|w| !names.iter().any(|n| n.contains(*w)))
            .filter_map(|w| crate::norm::term(w))
            .collect();
        terms.sort();
        terms.dedup();
        let mut measures: Vec<String> = claim.quantities.iter().map(measure_of).collect();
        measures.sort();
        measures.dedup();
        Frame {
            entities,
            terms,
            measures,
        }
    }

    /// The weighted terms of the frame's vector.
    /// The frame as `prop_claims.terms` stores it.
    pub(crate) fn stored(&self) -> Result<String> {
        serde_json::to_string(self).map_err(|e| crate::LedgerError::Corrupt(e.to_string()))
    }

    fn vector(&self) -> Vec<(String, f64)> {
        let mut v: Vec<(String, f64)> = self
            .entities
            .iter()
            .map(|e| (entity_term(*e), 1.0))
            .collect();
        v.extend(self.terms.iter().map(|t| (t.clone(), 1.0)));
        v.extend(self.measures.iter().map(|m| (format!("#{m}"), 1.0)));
        v
    }

    /// Lookup keys: each entity paired with each content term; without
    /// entities, pairs of content terms. A proposition shares a key with a
    /// claim only when it shares both a participant and an action or thing.
    /// At most [`KEY_ENTITIES`] entities and [`KEY_TERMS`] terms take part,
    /// so that a claim of a very long sentence does not make thousands.
    fn keys(&self) -> Vec<String> {
        if self.entities.is_empty() {
            let t: Vec<&String> = self.terms.iter().take(KEY_PAIR_TERMS).collect();
            let mut keys = Vec::new();
            for (i, a) in t.iter().enumerate() {
                for b in &t[i + 1..] {
                    keys.push(format!("{a}|{b}"));
                }
            }
            return keys;
        }
        let mut keys = Vec::new();
        for e in self.entities.iter().take(KEY_ENTITIES) {
            for t in self.terms.iter().take(KEY_TERMS) {
                keys.push(format!("{}|{t}", entity_term(*e)));
            }
        }
        keys
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }
}

pub(crate) fn entity_term(id: i64) -> String {
    format!("E:{id}")
}

/// What a figure counts: the concept or stem of the last content word of its
/// counted phrase ("North Korean infantry troops" -> `@personnel`) and its
/// unit, in the base unit of `data/units.tsv` ("@wind:km/h" for "100 mph
/// winds"; "unit:km" for "124 miles"); a change ("rose by 5") is a measure
/// of its own.
pub(crate) fn measure_of(q: &claimtrail_extract::json::QuantityJson) -> String {
    let counted = q.counted.as_deref().and_then(|c| {
        crate::norm::words(c)
            .iter()
            .rev()
            .find_map(|w| crate::norm::term(w))
    });
    let unit = q
        .unit
        .as_deref()
        .map(|u| crate::figures::series_unit(u).0)
        .map(|u| crate::norm::fold(&u));
    let base = match (counted, unit) {
        (Some(c), Some(u)) => format!("{c}:{u}"),
        (Some(c), None) => c,
        (None, Some(u)) => format!("unit:{u}"),
        (None, None) => "figure".to_string(),
    };
    if q.change {
        format!("change:{base}")
    } else {
        base
    }
}

/// A proposition's profile: member count and term counts.
struct Profile<'a> {
    members: f64,
    terms: &'a HashMap<String, f64>,
}

/// What a claim must share of a proposition's content, besides entities: at
/// least [`MIN_SHARED`] typical terms (a term counts fully when half the
/// proposition's claims have it, in proportion below that) and a content
/// cosine of [`MIN_CONTENT`]. Names alone never make two claims say the same
/// thing, nor does one word among many.
const MIN_SHARED: f64 = 1.0;
const MIN_CONTENT: f64 = 0.25;

/// How similar a claim is to a proposition: the geometric mean of the cosine
/// of their entities (who) and of their content terms (what), or 0 when they
/// share too little content. Claims without entities match on content alone.
fn score(claim: &[(String, f64)], p: &Profile) -> f64 {
    let is_entity = |t: &str| t.starts_with("E:");
    let shared: f64 = claim
        .iter()
        .filter(|(t, _)| !is_entity(t))
        .filter_map(|(t, w)| p.terms.get(t).map(|n| w * (2.0 * n / p.members).min(1.0)))
        .sum();
    let content = cosine(claim, p, |t| !is_entity(t));
    if shared < MIN_SHARED || content < MIN_CONTENT {
        return 0.0;
    }
    let claim_has = claim.iter().any(|(t, _)| is_entity(t));
    let profile_has = p.terms.keys().any(|t| is_entity(t));
    let entities = if claim_has || profile_has {
        cosine(claim, p, is_entity)
    } else {
        1.0
    };
    (entities * content).sqrt()
}

/// Cosine between the claim's terms and the profile's (each weighted by the
/// share of the proposition's claims that have it), over the terms `keep` selects.
fn cosine(claim: &[(String, f64)], p: &Profile, keep: impl Fn(&str) -> bool) -> f64 {
    let norm_c: f64 = claim
        .iter()
        .filter(|(t, _)| keep(t))
        .map(|(_, w)| w * w)
        .sum::<f64>()
        .sqrt();
    let norm_p: f64 = p
        .terms
        .iter()
        .filter(|(t, _)| keep(t))
        .map(|(_, n)| (n / p.members).powi(2))
        .sum::<f64>()
        .sqrt();
    if norm_c == 0.0 || norm_p == 0.0 {
        return 0.0;
    }
    let dot: f64 = claim
        .iter()
        .filter(|(t, _)| keep(t))
        .filter_map(|(t, w)| p.terms.get(t).map(|n| w * n / p.members))
        .sum();
    dot / (norm_c * norm_p)
}

/// The least similarity between two claims for them to state the same
/// thing (see [`matching`]).
pub(crate) const PAIR: f64 = 0.5;
/// Claims of a candidate proposition compared with a new claim (the latest).
const PAIR_WINDOW: usize = 200;

/// The propositions holding a claim that states the same thing as `frame`,
/// smallest id first. Claims are compared one with another, never with a
/// proposition's profile, and a proposition is what such pairs join (single
/// link), so the partition does not depend on the order in which articles
/// come: the pair score is symmetric, and any pair that scores shares an
/// (entity, term) key, or two terms when neither names an entity. The caps
/// on postings, candidates and members compared bound the work per claim.
pub(crate) fn matching(db: &dyn Db, cache: &mut MemberCache, frame: &Frame) -> Result<Vec<i64>> {
    if frame.is_empty() {
        return Ok(Vec::new());
    }
    let mut hits: HashMap<i64, usize> = HashMap::new();
    let postings = format!(
        "SELECT prop_id FROM prop_keys WHERE key = ?1 ORDER BY prop_id DESC LIMIT {POSTING_CAP}"
    );
    for key in frame.keys() {
        for id in db.query_map(&postings, &[&key], |r| r.get::<i64>(0))? {
            *hits.entry(id).or_default() += 1;
        }
    }
    let mut ranked: Vec<(i64, usize)> = hits.into_iter().collect();
    ranked.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    ranked.truncate(CANDIDATES);
    let vector = frame.vector();
    let mut out = Vec::new();
    for (id, _) in ranked {
        for member in cache.members(db, id)? {
            if pair_score(&vector, &member) >= PAIR {
                out.push(id);
                break;
            }
        }
    }
    out.sort_unstable();
    Ok(out)
}

/// A member claim as [`pair_score`] compares it.
pub(crate) struct PairProfile {
    terms: HashMap<String, f64>,
    has_entities: bool,
}

impl PairProfile {
    fn of(frame: &Frame) -> PairProfile {
        PairProfile {
            terms: frame.vector().into_iter().collect(),
            has_entities: !frame.entities.is_empty(),
        }
    }
}

/// The members of propositions already read, by `prop_claims` rowid (with
/// their claim id: a rowid given up by a rolled-back add can come back for
/// another claim). Decoding the latest members of every candidate again for
/// each new claim was most of the cost of an add. The store clears it when
/// an add fails; it is bounded by [`MEMBER_CACHE`].
#[derive(Default)]
pub(crate) struct MemberCache {
    profiles: HashMap<i64, (String, Arc<PairProfile>)>,
}

/// Members kept decoded, at most (a few kilobytes each).
const MEMBER_CACHE: usize = 50_000;

impl MemberCache {
    /// The latest [`PAIR_WINDOW`] members of proposition `prop`.
    fn members(&mut self, db: &dyn Db, prop: i64) -> Result<Vec<Arc<PairProfile>>> {
        let rows: Vec<(i64, String)> = db.query_map(
            &format!(
                "SELECT rowid, claim_id FROM prop_claims WHERE prop_id = ?1
                 ORDER BY rowid DESC LIMIT {PAIR_WINDOW}"
            ),
            &[&prop],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if self.profiles.len() + rows.len() > MEMBER_CACHE {
            self.profiles.clear();
        }
        let mut out = Vec::with_capacity(rows.len());
        for (rowid, claim) in rows {
            if let Some((id, p)) = self.profiles.get(&rowid) {
                if *id == claim {
                    out.push(Arc::clone(p));
                    continue;
                }
            }
            let terms: String = db.query_row(
                "SELECT terms FROM prop_claims WHERE rowid = ?1",
                &[&rowid],
                |r| r.get(0),
            )?;
            let frame: Frame = serde_json::from_str(&terms)
                .map_err(|e| crate::LedgerError::Corrupt(e.to_string()))?;
            let p = Arc::new(PairProfile::of(&frame));
            self.profiles.insert(rowid, (claim, Arc::clone(&p)));
            out.push(p);
        }
        Ok(out)
    }

    pub(crate) fn clear(&mut self) {
        self.profiles.clear();
    }

    /// Drops the members of these claims (taken out of their propositions).
    pub(crate) fn forget(&mut self, claims: &HashSet<String>) {
        self.profiles
            .retain(|_, (claim, _)| !claims.contains(claim));
    }
}

/// How similar two claims are: [`score`] with the other claim as a
/// one-member profile; claims without entities must share two terms.
fn pair_score(claim: &[(String, f64)], other: &PairProfile) -> f64 {
    if !other.has_entities && !claim.iter().any(|(t, _)| t.starts_with("E:")) {
        let shared = claim
            .iter()
            .filter(|(t, _)| !t.starts_with('#') && other.terms.contains_key(t))
            .count();
        if shared < 2 {
            return 0.0;
        }
    }
    let p = Profile {
        members: 1.0,
        terms: &other.terms,
    };
    score(claim, &p)
}

/// A new, empty proposition.
pub(crate) fn create(db: &dyn Db) -> Result<i64> {
    db.query_row(
        "INSERT INTO propositions (members) VALUES (0) RETURNING id",
        &[],
        |r| r.get(0),
    )
}

/// What the ledger keeps of a claim in its proposition.
pub(crate) struct Member<'a> {
    pub claim: &'a ClaimJson,
    pub role: &'a str,
    pub speaker_key: Option<String>,
    pub speaker_entity: Option<i64>,
    pub origin: &'a str,
    pub relay: Option<&'a str>,
}

/// Adds a claim to a proposition: membership, profile, keys and figures.
pub(crate) fn add_member(db: &dyn Db, prop: i64, m: &Member, frame: &Frame) -> Result<()> {
    let stated = m.claim.stated.as_deref().filter(|s| is_full_date(s));
    let terms = frame.stored()?;
    // An undated restatement under "Background:" is not new evidence (links.rs).
    let background = !m.claim.stated_in_text
        && m.claim
            .section
            .as_deref()
            .is_some_and(crate::norm::is_background_section);
    db.execute(
        "INSERT INTO prop_claims (claim_id, prop_id, role, speaker_key, speaker_entity, stated, origin, relay, terms, background)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        &[&m.claim.id, &prop, &m.role, &m.speaker_key, &m.speaker_entity, &stated, &m.origin, &m.relay, &terms, &background],
    )?;
    for (t, _) in frame.vector() {
        db.execute(
            "INSERT INTO prop_terms (prop_id, term, n) VALUES (?1, ?2, 1)
             ON CONFLICT (prop_id, term) DO UPDATE SET n = prop_terms.n + 1",
            &[&prop, &t],
        )?;
    }
    for k in frame.keys() {
        db.execute(
            "INSERT INTO prop_keys (key, prop_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
            &[&k, &prop],
        )?;
    }
    for q in &m.claim.quantities {
        if q.value.is_finite() {
            // In the series' unit ("100 mph" as 160.9 km/h); the text stays.
            let factor = q
                .unit
                .as_deref()
                .map_or(1.0, |u| crate::figures::series_unit(u).1);
            db.execute(
                "INSERT INTO prop_figures (claim_id, prop_id, measure, value, low, high, qualifier, text)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
                &[
                    &m.claim.id,
                    &prop,
                    &measure_of(q),
                    &(q.value * factor),
                    &q.low.map(|v| v * factor),
                    &q.high.map(|v| v * factor),
                    &q.qualifier,
                    &q.text,
                ],
            )?;
        }
    }
    db.execute("UPDATE propositions SET members = members + 1,
            first_stated = CASE WHEN CAST(?2 AS TEXT) IS NOT NULL AND (first_stated IS NULL OR CAST(?2 AS TEXT) < first_stated) THEN CAST(?2 AS TEXT) ELSE first_stated END,
            last_stated = CASE WHEN CAST(?2 AS TEXT) IS NOT NULL AND (last_stated IS NULL OR CAST(?2 AS TEXT) > last_stated) THEN CAST(?2 AS TEXT) ELSE last_stated END
         WHERE id = ?1", &[&prop, &stated])?;
    Ok(())
}

/// Moves every claim of proposition `from` into `into` and retires `from`.
pub(crate) fn merge(db: &dyn Db, from: i64, into: i64) -> Result<()> {
    for sql in [
        "UPDATE prop_claims SET prop_id = ?2 WHERE prop_id = ?1",
        "UPDATE prop_figures SET prop_id = ?2 WHERE prop_id = ?1",
        "INSERT INTO prop_terms (prop_id, term, n) SELECT ?2, term, n FROM prop_terms WHERE prop_id = ?1
         ON CONFLICT (prop_id, term) DO UPDATE SET n = prop_terms.n + excluded.n",
        "DELETE FROM prop_terms WHERE prop_id = ?1",
        "INSERT INTO prop_keys (key, prop_id) SELECT key, ?2 FROM prop_keys WHERE prop_id = ?1
         ON CONFLICT DO NOTHING",
        "UPDATE claim_links SET prop_id = ?2 WHERE prop_id = ?1",
        "DELETE FROM prop_keys WHERE prop_id = ?1",
        "UPDATE propositions SET members = members + (SELECT members FROM propositions WHERE id = ?1),
            first_stated = (SELECT MIN(stated) FROM prop_claims WHERE prop_id = ?2),
            last_stated = (SELECT MAX(stated) FROM prop_claims WHERE prop_id = ?2)
         WHERE id = ?2",
        "UPDATE propositions SET members = 0, merged_into = ?2 WHERE id = ?1",
    ] {
        if sql.contains("?2") {
            db.execute(sql, &[&from, &into])?;
        } else {
            db.execute(sql, &[&from])?;
        }
    }
    Ok(())
}

/// Makes a proposition's profile (member count, first and last statement
/// dates, term counts, lookup keys) that of the claims it holds, after
/// some were taken out: what adding those claims alone would have made.
/// The entities of the stored frames count as the entities they were
/// merged into since. An emptied proposition goes, with any merged into it.
/// Whether it still holds claims.
pub(crate) fn rebuild(db: &dyn Db, prop: i64) -> Result<bool> {
    let frames: Vec<String> = db.query_map(
        "SELECT terms FROM prop_claims WHERE prop_id = ?1",
        &[&prop],
        |r| r.get(0),
    )?;
    if frames.is_empty() {
        remove(db, prop)?;
        return Ok(false);
    }
    let mut current: HashMap<i64, i64> = HashMap::new();
    let mut terms: std::collections::BTreeMap<String, i64> = Default::default();
    let mut keys: std::collections::BTreeSet<String> = Default::default();
    for stored in &frames {
        let mut frame: Frame =
            serde_json::from_str(stored).map_err(|e| crate::LedgerError::Corrupt(e.to_string()))?;
        for e in frame.entities.iter_mut() {
            if !current.contains_key(e) {
                current.insert(*e, crate::aliases::current(db, *e)?);
            }
            *e = current[e];
        }
        frame.entities.sort_unstable();
        frame.entities.dedup();
        for (t, _) in frame.vector() {
            *terms.entry(t).or_default() += 1;
        }
        keys.extend(frame.keys());
    }
    db.execute("DELETE FROM prop_terms WHERE prop_id = ?1", &[&prop])?;
    for (t, n) in &terms {
        db.execute(
            "INSERT INTO prop_terms (prop_id, term, n) VALUES (?1, ?2, ?3)",
            &[&prop, t, n],
        )?;
    }
    db.execute("DELETE FROM prop_keys WHERE prop_id = ?1", &[&prop])?;
    for k in &keys {
        db.execute(
            "INSERT INTO prop_keys (key, prop_id) VALUES (?1, ?2)",
            &[k, &prop],
        )?;
    }
    db.execute(
        "UPDATE propositions SET members = ?2,
            first_stated = (SELECT MIN(stated) FROM prop_claims WHERE prop_id = ?1),
            last_stated = (SELECT MAX(stated) FROM prop_claims WHERE prop_id = ?1)
         WHERE id = ?1",
        &[&prop, &frames.len()],
    )?;
    Ok(true)
}

/// Deletes a proposition that holds no claim, and those merged into it.
fn remove(db: &dyn Db, prop: i64) -> Result<()> {
    let mut gone = vec![prop];
    let mut i = 0;
    while i < gone.len() {
        gone.extend(db.query_map(
            "SELECT id FROM propositions WHERE merged_into = ?1",
            &[&gone[i]],
            |r| r.get::<i64>(0),
        )?);
        i += 1;
    }
    // Those merged into another before it (the foreign key).
    for &p in gone.iter().rev() {
        for table in ["prop_terms", "prop_keys", "prop_figures", "claim_links"] {
            db.execute(&format!("DELETE FROM {table} WHERE prop_id = ?1"), &[&p])?;
        }
        db.execute("DELETE FROM propositions WHERE id = ?1", &[&p])?;
    }
    Ok(())
}

/// How many claims a proposition has (0 once merged away).
pub(crate) fn members(db: &dyn Db, prop: i64) -> Result<i64> {
    db.query_row(
        "SELECT members FROM propositions WHERE id = ?1",
        &[&prop],
        |r| r.get(0),
    )
}

/// The proposition a claim is in, and how many claims it has.
pub(crate) fn of_claim(db: &dyn Db, claim_id: &str) -> Result<Option<(i64, i64)>> {
    db.query_opt("SELECT p.id, p.members FROM prop_claims c JOIN propositions p ON p.id = c.prop_id WHERE c.claim_id = ?1", &[&claim_id], |r| Ok((r.get(0)?, r.get(1)?)))
}

/// After a user merge of entity `from` into `into`: the propositions' terms
/// and keys follow.
pub(crate) fn rename_entity(db: &dyn Db, from: i64, into: i64) -> Result<()> {
    let (a, b) = (entity_term(from), entity_term(into));
    db.execute("INSERT INTO prop_terms (prop_id, term, n) SELECT prop_id, ?2, n FROM prop_terms WHERE term = ?1
         ON CONFLICT (prop_id, term) DO UPDATE SET n = prop_terms.n + excluded.n", &[&a, &b])?;
    db.execute("DELETE FROM prop_terms WHERE term = ?1", &[&a])?;
    let prefix = format!("{a}|");
    db.execute("INSERT INTO prop_keys (key, prop_id)
         SELECT CAST(?2 AS TEXT) || substr(key, length(CAST(?1 AS TEXT)) + 1), prop_id FROM prop_keys
         WHERE substr(key, 1, length(CAST(?1 AS TEXT))) = ?1 ON CONFLICT DO NOTHING", &[&prefix, &format!("{b}|")])?;
    db.execute(
        "DELETE FROM prop_keys WHERE substr(key, 1, length(CAST(?1 AS TEXT))) = ?1",
        &[&prefix],
    )?;
    db.execute(
        "UPDATE prop_claims SET speaker_entity = ?2, speaker_key = ?3 WHERE speaker_entity = ?1",
        &[&from, &into, &b],
    )?;
    Ok(())
}

/// A complete calendar date (YYYY-MM-DD), not a partial or vague value.
pub(crate) fn is_full_date(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
}

/// The role of a claim in its proposition, from its stance.
pub(crate) fn role_of(stance: &str) -> &'static str {
    match stance {
        "deny" => "disputes",
        "cannot_confirm" => "withholds",
        "predict" => "predicts",
        "urge" => "urges",
        _ => "supports",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn content_that_only_points_back() {
        use super::{refers_back, Back};
        assert_eq!(refers_back("the figures"), Some(Back::Figures));
        assert_eq!(refers_back("these casualty numbers"), Some(Back::Figures));
        assert_eq!(refers_back("the claims."), Some(Back::Report));
        assert_eq!(refers_back("it"), Some(Back::Report));
        assert_eq!(refers_back("the figures were inflated by the army"), None);
        assert_eq!(refers_back("the troops"), None);
        assert_eq!(refers_back("North Korean troops"), None);
    }

    use super::*;
    use claimtrail_extract::json::QuantityJson;

    fn frame(entities: &[i64], terms: &[&str]) -> Frame {
        Frame {
            entities: entities.to_vec(),
            terms: terms.iter().map(|t| t.to_string()).collect(),
            measures: vec![],
        }
    }

    #[test]
    fn similar_frames_score_high_and_unrelated_low() {
        let a = frame(&[1, 2], &["@personnel", "@send"]);
        let terms = a.vector().into_iter().map(|(t, _)| (t, 1.0)).collect();
        let p = Profile {
            members: 1.0,
            terms: &terms,
        };
        assert!((score(&a.vector(), &p) - 1.0).abs() < 1e-9);
        let same_action = frame(&[1, 2], &["@personnel", "@send", "regular"]);
        assert!(score(&same_action.vector(), &p) > PAIR);
        let other_action = frame(&[1], &["missile", "test"]);
        assert!(
            cosine(&other_action.vector(), &p, |_| true) > 0.0,
            "shares an entity"
        );
        assert_eq!(score(&other_action.vector(), &p), 0.0, "but no content");
    }

    fn quantity(value: f64, unit: Option<&str>, counted: Option<&str>) -> QuantityJson {
        QuantityJson {
            text: String::new(),
            start: 0,
            end: 0,
            value,
            low: None,
            high: None,
            qualifier: "exact".into(),
            unit: unit.map(str::to_string),
            counted: counted.map(str::to_string),
            change: false,
            range: false,
            vague: false,
            scope: None,
            unit_written: unit.map(str::to_string),
            stated_unit: None,
            stated_value: None,
            alternative: None,
        }
    }

    #[test]
    fn one_measure_in_two_systems_is_one_series_key() {
        let mph = quantity(100.0, Some("mph"), Some("winds"));
        let kmh = quantity(160.0, Some("km/h"), Some("winds"));
        assert_eq!(measure_of(&mph), measure_of(&kmh));
        assert_eq!(measure_of(&quantity(124.0, Some("mi"), None)), "unit:km");
        // a counted thing without a unit, and currencies, keep their own
        assert_eq!(
            measure_of(&quantity(5.0, None, Some("troops"))),
            "@personnel"
        );
        assert_ne!(
            measure_of(&quantity(5.0, Some("usd"), None)),
            measure_of(&quantity(5.0, Some("eur"), None))
        );
    }

    #[test]
    fn pair_scores_are_symmetric() {
        let frames = [
            frame(&[1, 2], &["@personnel", "@send", "regular"]),
            frame(&[1], &["@personnel", "@send"]),
            frame(&[], &["@personnel", "@send", "train"]),
            frame(&[], &["@personnel", "border"]),
            frame(&[2, 3], &["missile", "@send"]),
        ];
        for a in &frames {
            for b in &frames {
                let (ab, ba) = (
                    pair_score(&a.vector(), &PairProfile::of(b)),
                    pair_score(&b.vector(), &PairProfile::of(a)),
                );
                assert!((ab - ba).abs() < 1e-12, "{a:?} {b:?}: {ab} vs {ba}");
            }
        }
        // without entities, one shared term is not enough
        assert_eq!(
            pair_score(&frames[2].vector(), &PairProfile::of(&frames[3])),
            0.0
        );
        assert!(pair_score(&frames[0].vector(), &PairProfile::of(&frames[1])) >= PAIR);
    }

    #[test]
    fn keys_pair_entities_with_terms() {
        let f = frame(&[7], &["@send", "troop"]);
        assert_eq!(f.keys(), ["E:7|@send", "E:7|troop"]);
        let g = frame(&[], &["a1", "b2", "c3"]);
        assert_eq!(g.keys(), ["a1|b2", "a1|c3", "b2|c3"]);
    }

    #[test]
    fn full_dates() {
        assert!(is_full_date("2024-10-17"));
        assert!(!is_full_date("XXXX-10-17"));
        assert!(!is_full_date("2024-W42"));
    }
}
