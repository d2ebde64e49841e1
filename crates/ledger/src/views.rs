//! Read views of the cross-document ledger: stories (propositions with their
//! claims and links), figure series and sources grouped by independence.

use crate::figures::{self, FigurePoint, FigureSeries};
use crate::links::ClaimLink;
use crate::propositions::{self, Frame};
use crate::sqlite::document_ref;
use crate::{
    aliases, ClaimRecord, DocumentRef, LedgerError, Proposition, PropositionClaim, ReportGroup,
    Result, SourceClaim, SourceCounts, SourcesView, SpeakerSources,
};
use claimtrail_extract::json::ClaimJson;
use rusqlite::{params_from_iter, Connection, OptionalExtension};
use std::collections::{BTreeMap, HashMap, HashSet};

/// Claims shown per proposition (the count says how many there are).
const CLAIMS_SHOWN: usize = 200;

/// Propositions matching a query: those about or by the entity it names,
/// then those whose claims match its words; larger propositions first.
pub(crate) fn find(conn: &Connection, query: &str, limit: usize) -> Result<Vec<i64>> {
    let mut out: Vec<i64> = Vec::new();
    let entities = aliases::named(conn, query)?;
    if !entities.is_empty() {
        let marks = vec!["?"; entities.len()].join(", ");
        let terms: Vec<String> = entities
            .iter()
            .map(|e| propositions::entity_term(*e))
            .collect();
        let ids: Vec<i64> = conn
            .prepare(&format!(
                "SELECT p.id FROM propositions p WHERE p.merged_into IS NULL AND p.members > 0 AND (
                    p.id IN (SELECT prop_id FROM prop_terms WHERE term IN ({marks}))
                    OR p.id IN (SELECT prop_id FROM prop_claims WHERE speaker_key IN ({marks})))
                 ORDER BY p.members DESC, p.last_stated DESC LIMIT {}",
                limit as i64
            ))?
            .query_map(params_from_iter(terms.iter().chain(terms.iter())), |r| {
                r.get(0)
            })?
            .collect::<rusqlite::Result<_>>()?;
        out.extend(ids);
    }
    if out.len() < limit {
        if let Some(fts) = crate::sqlite::fts_query(query) {
            let ids: Vec<i64> = conn
                .prepare(
                    "SELECT pc.prop_id FROM (
                        SELECT rowid AS r, rank AS score FROM claims_fts WHERE claims_fts MATCH ?1
                        ORDER BY rank LIMIT 1000) m
                     JOIN claims c ON c.rowid = m.r JOIN prop_claims pc ON pc.claim_id = c.id
                     GROUP BY pc.prop_id ORDER BY COUNT(*) DESC, MIN(m.score) LIMIT 200",
                )?
                .query_map([fts], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
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
pub(crate) fn proposition(conn: &Connection, id: i64) -> Result<Option<Proposition>> {
    type Row = (i64, Option<String>, Option<String>, Option<i64>);
    let row: Option<Row> = conn
        .query_row(
            "SELECT members, first_stated, last_stated, merged_into FROM propositions WHERE id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
        )
        .optional()?;
    let Some((members, first_stated, last_stated, merged)) = row else {
        return Ok(None);
    };
    if let Some(into) = merged {
        return proposition(conn, into);
    }
    let mut stmt = conn.prepare_cached(&format!(
        "SELECT c.json, d.id, d.title, d.published, d.url, d.outlet, d.path,
                pc.role, pc.speaker_entity, pc.origin, pc.relay, pc.terms, pc.speaker_key
         FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id JOIN documents d ON d.id = c.doc_id
         WHERE pc.rowid IN (
             -- the first claims by date, picked on the index before any JSON is read
             SELECT rowid FROM prop_claims WHERE prop_id = ?1
             ORDER BY (stated IS NULL), stated LIMIT {CLAIMS_SHOWN})
         ORDER BY pc.stated IS NULL, pc.stated, d.published, c.doc_id, c.seq"
    ))?;
    let rows = stmt.query_map([id], |r| {
        Ok((
            r.get::<_, String>(0)?,
            document_ref(r, 1)?,
            r.get::<_, String>(7)?,
            r.get::<_, Option<i64>>(8)?,
            r.get::<_, String>(9)?,
            r.get::<_, Option<String>>(10)?,
            r.get::<_, String>(11)?,
            r.get::<_, Option<String>>(12)?,
        ))
    })?;
    let mut claims = Vec::new();
    let mut frames = Vec::new();
    let mut keys = Vec::new();
    for row in rows {
        let (json, document, role, speaker_entity, origin, relay, terms, key) = row?;
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
    let profile = profile_terms(conn, id)?;
    let gist = central(&claims, &frames, &profile);
    let ids: HashSet<&str> = claims.iter().map(|c| c.record.claim.id.as_str()).collect();
    let links = links_among(conn, &ids)?;
    let repeats: HashSet<&str> = links
        .iter()
        .filter(|l| l.kind == "repeats")
        .map(|l| l.from.as_str())
        .collect();
    let figures = figure_series(conn, id, &gist, &claims, &keys, &repeats)?;
    let sources = counts(&claims, &keys);
    Ok(Some(Proposition {
        id,
        gist,
        terms: readable_terms(conn, &profile)?,
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

fn profile_terms(conn: &Connection, id: i64) -> Result<Vec<(String, i64)>> {
    Ok(conn
        .prepare_cached(
            "SELECT term, n FROM prop_terms WHERE prop_id = ?1 ORDER BY n DESC, term LIMIT 200",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?)
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
fn readable_terms(conn: &Connection, profile: &[(String, i64)]) -> Result<Vec<String>> {
    let mut out = Vec::new();
    for (t, _) in profile.iter().take(10) {
        if let Some(id) = t.strip_prefix("E:").and_then(|i| i.parse::<i64>().ok()) {
            let name: Option<String> = conn
                .prepare_cached("SELECT name FROM canon_entities WHERE id = ?1")?
                .query_row([id], |r| r.get(0))
                .optional()?;
            out.extend(name);
        } else {
            out.push(t.trim_start_matches(['@', '#']).to_string());
        }
    }
    out.dedup();
    Ok(out)
}

fn links_among(conn: &Connection, ids: &HashSet<&str>) -> Result<Vec<ClaimLink>> {
    let mut stmt = conn.prepare_cached(
        "SELECT from_claim, to_claim, kind, reason FROM claim_links WHERE from_claim = ?1 ORDER BY kind, to_claim",
    )?;
    let mut out = Vec::new();
    let mut sorted: Vec<&&str> = ids.iter().collect();
    sorted.sort();
    for id in sorted {
        for l in stmt.query_map([id], |r| {
            Ok(ClaimLink {
                from: r.get(0)?,
                to: r.get(1)?,
                kind: r.get(2)?,
                reason: r.get(3)?,
            })
        })? {
            let l = l?;
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
    conn: &Connection,
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
    let rows: Vec<Row> = conn
        .prepare_cached(
            "SELECT claim_id, measure, value, low, high, qualifier, text FROM prop_figures WHERE prop_id = ?1",
        )?
        .query_map([id], |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?))
        })?
        .collect::<rusqlite::Result<_>>()?;
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
pub(crate) fn sources(conn: &Connection, props: &[Proposition]) -> Result<SourcesView> {
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
        let docs = copies(conn, &origin)?;
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
pub(crate) fn copies(conn: &Connection, origin: &str) -> Result<Vec<DocumentRef>> {
    Ok(conn
        .prepare_cached(
            "SELECT d.id, d.title, d.published, d.url, d.outlet, d.path FROM doc_fingerprints f
             JOIN documents d ON d.id = f.doc_id WHERE f.origin = ?1
             ORDER BY f.doc_id != ?1, d.published, f.rowid LIMIT 1000",
        )?
        .query_map([origin], |r| document_ref(r, 0))?
        .collect::<rusqlite::Result<_>>()?)
}
