//! Read views of the cross-document ledger: stories (propositions with their
//! claims and links), figure series and sources grouped by independence.

use crate::db::{Db, ToValue};
use crate::figures::{self, FigurePoint, FigureSeries};
use crate::links::ClaimLink;
use crate::ops::document_ref;
use crate::propositions::{self, Frame};
use crate::{
    aliases, ClaimRecord, DocumentRef, LedgerError, Proposition, PropositionClaim, ReportGroup,
    Result, SourceClaim, SourceCounts, SourcesView, SpeakerSources,
};
use claimtrail_extract::json::ClaimJson;
use std::collections::{BTreeMap, HashMap, HashSet};

/// Claims shown per proposition (the count says how many there are).
const CLAIMS_SHOWN: usize = 200;

/// Propositions matching a query: those about or by the entity it names,
/// then those whose claims match its words; larger propositions first.
pub(crate) fn find(db: &dyn Db, query: &str, limit: usize) -> Result<Vec<i64>> {
    let mut out: Vec<i64> = Vec::new();
    let entities = aliases::named(db, query)?;
    if !entities.is_empty() {
        let marks = (1..=entities.len())
            .map(|i| format!("?{i}"))
            .collect::<Vec<_>>()
            .join(", ");
        let terms: Vec<String> = entities
            .iter()
            .map(|e| propositions::entity_term(*e))
            .collect();
        let args: Vec<&dyn ToValue> = terms.iter().map(|t| t as _).collect();
        let ids: Vec<i64> = db.query_map(
            &format!(
                "SELECT p.id FROM propositions p WHERE p.merged_into IS NULL AND p.members > 0 AND (
                    p.id IN (SELECT prop_id FROM prop_terms WHERE term IN ({marks}))
                    OR p.id IN (SELECT prop_id FROM prop_claims WHERE speaker_key IN ({marks})))
                 ORDER BY p.members DESC, p.last_stated DESC NULLS LAST, p.id LIMIT {}",
                limit as i64
            ),
            &args,
            |r| r.get(0),
        )?;
        out.extend(ids);
    }
    if out.len() < limit {
        if let Some(fts) = db.dialect().fts_query(query) {
            let sql = format!(
                "SELECT pc.prop_id FROM (
                    SELECT r, score FROM ({}) f ORDER BY score, r LIMIT 1000) m
                 JOIN claims c ON c.rowid = m.r JOIN prop_claims pc ON pc.claim_id = c.id
                 GROUP BY pc.prop_id ORDER BY COUNT(*) DESC, MIN(m.score), pc.prop_id LIMIT 200",
                db.dialect().claims_matching(1)
            );
            let ids: Vec<i64> = db.query_map(&sql, &[&fts], |r| r.get(0))?;
            for id in ids {
                if out.len() >= limit {
                    break;
                }
                if !out.contains(&id) {
                    out.push(id);
                }
            }
        }
    }
    Ok(out)
}

/// One proposition with its claims, links and figure series.
pub(crate) fn proposition(db: &dyn Db, id: i64) -> Result<Option<Proposition>> {
    type Row = (i64, Option<String>, Option<String>, Option<i64>);
    let row: Option<Row> = db.query_opt(
        "SELECT members, first_stated, last_stated, merged_into FROM propositions WHERE id = ?1",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    let Some((members, first_stated, last_stated, merged)) = row else {
        return Ok(None);
    };
    if let Some(into) = merged {
        return proposition(db, into);
    }
    let sql = format!(
        "SELECT c.json, d.id, d.title, d.published, d.url, d.outlet, d.path,
                pc.role, pc.speaker_entity, pc.origin, pc.relay, pc.terms, pc.speaker_key
         FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id JOIN documents d ON d.id = c.doc_id
         WHERE pc.rowid IN (
             -- the first claims by date, picked on the index before any JSON is read
             SELECT rowid FROM prop_claims WHERE prop_id = ?1
             ORDER BY (stated IS NULL), stated LIMIT {CLAIMS_SHOWN})
         ORDER BY pc.stated IS NULL, pc.stated, d.published NULLS FIRST, c.doc_id, c.seq"
    );
    let rows = db.query_map(&sql, &[&id], |r| {
        Ok((
            r.get::<String>(0)?,
            document_ref(r, 1)?,
            r.get::<String>(7)?,
            r.get::<Option<i64>>(8)?,
            r.get::<String>(9)?,
            r.get::<Option<String>>(10)?,
            r.get::<String>(11)?,
            r.get::<Option<String>>(12)?,
        ))
    })?;
    let mut claims = Vec::new();
    let mut frames = Vec::new();
    let mut keys = Vec::new();
    for row in rows {
        let (json, document, role, speaker_entity, origin, relay, terms, key) = row;
        let claim: ClaimJson = parse(&json)?;
        frames.push(parse::<Frame>(&terms)?);
        keys.push(key);
        claims.push(PropositionClaim {
            record: ClaimRecord { claim, document },
            role,
            speaker_entity,
            origin,
            relay,
        });
    }
    let profile = profile_terms(db, id)?;
    let gist = central(&claims, &frames, &profile);
    let ids: HashSet<&str> = claims.iter().map(|c| c.record.claim.id.as_str()).collect();
    let links = links_among(db, &ids)?;
    let repeats: HashSet<&str> = links
        .iter()
        .filter(|l| l.kind == "repeats")
        .map(|l| l.from.as_str())
        .collect();
    let figures = figure_series(db, id, &gist, &claims, &keys, &repeats)?;
    let sources = counts(&claims, &keys);
    Ok(Some(Proposition {
        id,
        gist,
        terms: readable_terms(db, &profile)?,
        first_stated,
        last_stated,
        members: members as usize,
        sources,
        claims,
        links,
        figures,
    }))
}

fn parse<T: serde::de::DeserializeOwned>(json: &str) -> Result<T> {
    serde_json::from_str(json).map_err(|e| LedgerError::Corrupt(e.to_string()))
}

fn profile_terms(db: &dyn Db, id: i64) -> Result<Vec<(String, i64)>> {
    db.query_map(
        "SELECT term, n FROM prop_terms WHERE prop_id = ?1 ORDER BY n DESC, term LIMIT 200",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
}

/// The text of the claim that best represents the proposition: the
/// supporting claim sharing the most of the profile's weight.
fn central(claims: &[PropositionClaim], frames: &[Frame], profile: &[(String, i64)]) -> String {
    let weight: HashMap<&str, i64> = profile.iter().map(|(t, n)| (t.as_str(), *n)).collect();
    let score = |f: &Frame| -> f64 {
        let terms: Vec<String> = f
            .entities
            .iter()
            .map(|e| propositions::entity_term(*e))
            .chain(f.terms.iter().cloned())
            .collect();
        let total: i64 = terms.iter().filter_map(|t| weight.get(t.as_str())).sum();
        total as f64 / (terms.len() as f64 + 3.0)
    };
    claims
        .iter()
        .zip(frames)
        .max_by(|(a, fa), (b, fb)| {
            let sa = (a.role == "supports", score(fa));
            let sb = (b.role == "supports", score(fb));
            sa.0.cmp(&sb.0)
                .then(sa.1.total_cmp(&sb.1))
                .then(std::cmp::Ordering::Greater)
        })
        .map(|(c, _)| c.record.claim.text.clone())
        .unwrap_or_default()
}

/// The profile's leading terms in words: entity names, concepts, stems.
fn readable_terms(db: &dyn Db, profile: &[(String, i64)]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (t, _) in profile.iter().take(10) {
        if let Some(id) = t.strip_prefix("E:").and_then(|i| i.parse::<i64>().ok()) {
            let name: Option<String> = db.query_opt(
                "SELECT name FROM canon_entities WHERE id = ?1",
                &[&id],
                |r| r.get(0),
            )?;
            out.extend(name);
        } else {
            out.push(t.trim_start_matches(['@', '#']).to_string());
        }
    }
    out.dedup();
    Ok(out)
}

fn links_among(db: &dyn Db, ids: &HashSet<&str>) -> Result<Vec<ClaimLink>> {
    const LINKS: &str = "SELECT from_claim, to_claim, kind, reason FROM claim_links
        WHERE from_claim = ?1 ORDER BY kind, to_claim";
    let mut out = Vec::new();
    let mut sorted: Vec<&&str> = ids.iter().collect();
    sorted.sort();
    for id in sorted {
        for l in db.query_map(LINKS, &[id], |r| {
            Ok(ClaimLink {
                from: r.get(0)?,
                to: r.get(1)?,
                kind: r.get(2)?,
                reason: r.get(3)?,
            })
        })? {
            if ids.contains(l.to.as_str()) {
                out.push(l);
            }
        }
    }
    Ok(out)
}

/// The independent source a claim counts for: its speaker, else its report.
fn source_of(claim: &PropositionClaim, key: &Option<String>) -> String {
    key.clone()
        .unwrap_or_else(|| format!("report:{}", claim.origin))
}

fn counts(claims: &[PropositionClaim], keys: &[Option<String>]) -> SourceCounts {
    let mut by_role: BTreeMap<String, HashSet<String>> = BTreeMap::new();
    for (c, k) in claims.iter().zip(keys) {
        by_role
            .entry(c.role.clone())
            .or_default()
            .insert(source_of(c, k));
    }
    let n = |role: &str| by_role.get(role).map_or(0, HashSet::len);
    SourceCounts {
        supporting: n("supports"),
        disputing: n("disputes"),
        withholding: n("withholds"),
        reports: claims
            .iter()
            .map(|c| c.origin.as_str())
            .collect::<HashSet<_>>()
            .len(),
        documents: claims
            .iter()
            .map(|c| c.record.document.id.as_str())
            .collect::<HashSet<_>>()
            .len(),
    }
}

fn figure_series(
    db: &dyn Db,
    id: i64,
    gist: &str,
    claims: &[PropositionClaim],
    keys: &[Option<String>],
    repeats: &HashSet<&str>,
) -> Result<Vec<FigureSeries>> {
    let by_id: HashMap<&str, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.record.claim.id.as_str(), i))
        .collect();
    type Row = (
        String,
        String,
        f64,
        Option<f64>,
        Option<f64>,
        String,
        String,
    );
    let rows: Vec<Row> = db.query_map("SELECT claim_id, measure, value, low, high, qualifier, text FROM prop_figures WHERE prop_id = ?1", &[&id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })?;
    let mut points = Vec::new();
    for (claim_id, measure, value, low, high, qualifier, text) in rows {
        // A restated figure is the same reading, shown once.
        let Some(&i) = by_id.get(claim_id.as_str()) else {
            continue;
        };
        if repeats.contains(claim_id.as_str()) {
            continue;
        }
        let c = &claims[i];
        points.push((
            measure,
            FigurePoint {
                claim_id,
                value,
                low,
                high,
                qualifier,
                text,
                stated: c
                    .record
                    .claim
                    .stated
                    .clone()
                    .filter(|s| propositions::is_full_date(s)),
                speaker: c.record.claim.speaker_name.clone(),
                source: source_of(c, &keys[i]),
                role: c.role.clone(),
                document: c.record.document.clone(),
            },
        ));
    }
    Ok(figures::series(id, gist, points))
}

/// Who said what in the propositions, by speaker, and the reports with
/// their syndicated copies.
pub(crate) fn sources(db: &dyn Db, props: &[Proposition]) -> Result<SourcesView> {
    let mut speakers: BTreeMap<String, SpeakerSources> = BTreeMap::new();
    let mut reports: BTreeMap<String, (HashSet<String>, usize)> = BTreeMap::new();
    for p in props {
        for c in &p.claims {
            let claim = &c.record.claim;
            let name = claim
                .speaker_name
                .clone()
                .unwrap_or_else(|| "(unknown speaker)".into());
            let key = match c.speaker_entity {
                Some(e) => format!("E:{e}"),
                None => crate::norm::fold(&name),
            };
            let s = speakers.entry(key).or_insert_with(|| SpeakerSources {
                speaker: name.clone(),
                entity: c.speaker_entity,
                reports: 0,
                claims: Vec::new(),
            });
            s.claims.push(SourceClaim {
                claim_id: claim.id.clone(),
                proposition: p.id,
                role: c.role.clone(),
                stance: claim.stance.clone(),
                stated: claim.stated.clone(),
                text: claim.text.clone(),
                origin: c.origin.clone(),
                relay: c.relay.clone(),
                document: c.record.document.clone(),
            });
            let r = reports.entry(c.origin.clone()).or_default();
            r.0.insert(name);
            r.1 += 1;
        }
    }
    let mut speakers: Vec<SpeakerSources> = speakers.into_values().collect();
    for s in &mut speakers {
        s.reports = s
            .claims
            .iter()
            .map(|c| c.origin.as_str())
            .collect::<HashSet<_>>()
            .len();
    }
    speakers.sort_by(|a, b| {
        b.reports
            .cmp(&a.reports)
            .then(b.claims.len().cmp(&a.claims.len()))
    });
    let mut groups = Vec::new();
    for (origin, (names, claims)) in reports {
        let docs = copies(db, &origin)?;
        let Some(first) = docs.first().cloned() else {
            continue;
        };
        let mut names: Vec<String> = names.into_iter().collect();
        names.sort();
        groups.push(ReportGroup {
            origin: first,
            copies: docs[1..].to_vec(),
            claims,
            speakers: names,
        });
    }
    groups.sort_by(|a, b| {
        b.copies
            .len()
            .cmp(&a.copies.len())
            .then(b.claims.cmp(&a.claims))
    });
    Ok(SourcesView {
        speakers,
        reports: groups,
    })
}

/// The documents of a near-duplicate group, the origin first.
pub(crate) fn copies(db: &dyn Db, origin: &str) -> Result<Vec<DocumentRef>> {
    db.query_map(
        "SELECT d.id, d.title, d.published, d.url, d.outlet, d.path FROM doc_fingerprints f
             JOIN documents d ON d.id = f.doc_id WHERE f.origin = ?1
             ORDER BY f.doc_id != ?1, d.published NULLS FIRST, f.rowid LIMIT 1000",
        &[&origin],
        |r| document_ref(r, 0),
    )
}
