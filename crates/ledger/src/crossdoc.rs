//! The cross-document work done for each article inside `Store::add`, in the
//! article's transaction: canonical entities, origin (near duplicates),
//! relays, propositions and links. A failure rolls all of it back with the
//! article.

use crate::independence::{self, DupIndex};
use crate::links::{links_for, LinkClaim};
use crate::propositions::{self, is_full_date, Frame, Member};
use crate::{aliases, Result};
use claimtrail_extract::json::ArticleJson;
use rusqlite::{params, Connection};
use std::collections::{HashMap, HashSet};

/// Claims of a proposition looked at when linking a new one (the latest by
/// statement date): bounds the work in very large propositions.
const LINK_WINDOW: usize = 200;

pub(crate) fn apply(
    conn: &Connection,
    dups: &mut DupIndex,
    article: &ArticleJson,
    text: &str,
) -> Result<()> {
    let doc = &article.document;
    let canon = aliases::resolve_document(conn, article)?;
    // A nationality takes part in a claim as its state.
    let mut participant = canon.clone();
    for e in &article.entities {
        if e.etype == "NORP" {
            if let Some(country) = e.country.as_deref().filter(|c| !c.is_empty()) {
                let id = aliases::resolve(conn, country, "GPE", Some(country), &[])?;
                participant.insert(e.id.clone(), id);
            }
        }
    }
    let origin = dups.assign(conn, &doc.id, text)?;
    let relays = independence::relays(article);
    let relaying: HashSet<usize> = relays.values().copied().collect();

    let frames = Frame::of_article(article, &participant);
    for (i, claim) in article.claims.iter().enumerate() {
        // "the Ukrainian air force said": a nationality speaks as its state
        let speaker_entity = claim
            .speaker
            .as_ref()
            .and_then(|s| participant.get(s))
            .copied();
        let speaker_key = match speaker_entity {
            Some(id) => Some(propositions::entity_term(id)),
            None => claim
                .speaker_name
                .as_deref()
                .map(|n| format!("N:{}", crate::norm::full_name_key(n)))
                .filter(|k| k.len() > 2),
        };
        let relay = relays.get(&i).map(|&j| &article.claims[j]);
        let role = if relaying.contains(&i) {
            "relays"
        } else {
            propositions::role_of(&claim.stance)
        };
        let member = Member {
            claim,
            role,
            speaker_key,
            speaker_entity,
            origin: &origin,
            relay: relay.and_then(|r| r.speaker_name.as_deref()),
        };
        let prop = match propositions::best(conn, &frames[i], None)? {
            Some((p, _)) => p,
            None => propositions::create(conn)?,
        };
        propositions::add_member(conn, prop, &member, &frames[i])?;
    }
    // A claim placed early in the article may fit better with claims that
    // came after it: each gets one chance to move.
    for (i, claim) in article.claims.iter().enumerate() {
        let Some((prop, _)) = propositions::of_claim(conn, &claim.id)? else {
            continue;
        };
        if let Some(into) = propositions::better_home(conn, prop, &frames[i])? {
            propositions::move_claim(conn, &claim.id, prop, into)?;
        }
    }
    merge_touched(conn, article)?;
    link_claims(conn, article)
}

/// A proposition this article touched may now state the same thing as
/// another one (the article bridged them): the smaller joins the larger, and
/// its earlier claims are linked with the larger's claims.
fn merge_touched(conn: &Connection, article: &ArticleJson) -> Result<()> {
    let ours: HashSet<&str> = article.claims.iter().map(|c| c.id.as_str()).collect();
    let mut touched: Vec<i64> = Vec::new();
    for claim in &article.claims {
        if let Some((p, _)) = propositions::of_claim(conn, &claim.id)? {
            if !touched.contains(&p) {
                touched.push(p);
            }
        }
    }
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO claim_links (from_claim, to_claim, kind, reason) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for p in touched {
        if propositions::members(conn, p)? == 0 {
            continue;
        }
        let Some(other) = propositions::merge_partner(conn, p)? else {
            continue;
        };
        let (small, big) = if propositions::members(conn, p)? <= propositions::members(conn, other)?
        {
            (p, other)
        } else {
            (other, p)
        };
        // The latest claims of a large proposition are relinked, not all.
        let mut moved = propositions::claim_ids(conn, small)?;
        moved.drain(..moved.len().saturating_sub(LINK_WINDOW));
        let mut known = held(conn, big)?;
        propositions::merge(conn, small, big)?;
        for id in moved {
            let Some(new) = claims_where(conn, "pc.claim_id = ?1", &id, 1)?.pop() else {
                continue;
            };
            if !ours.contains(id.as_str()) {
                for l in links_for(&new, &known) {
                    insert.execute(params![l.from, l.to, l.kind, l.reason])?;
                }
            }
            known.push(new);
        }
    }
    Ok(())
}

/// Links each claim of the article to the claims already in its proposition
/// (those of earlier documents, and earlier ones of this article).
fn link_claims(conn: &Connection, article: &ArticleJson) -> Result<()> {
    let mut placed: HashSet<&str> = HashSet::new();
    let ours: HashSet<&str> = article.claims.iter().map(|c| c.id.as_str()).collect();
    let mut cache: HashMap<i64, Vec<LinkClaim>> = HashMap::new();
    let mut insert = conn.prepare_cached(
        "INSERT OR IGNORE INTO claim_links (from_claim, to_claim, kind, reason) VALUES (?1, ?2, ?3, ?4)",
    )?;
    for claim in &article.claims {
        let Some((prop, members)) = propositions::of_claim(conn, &claim.id)? else {
            continue;
        };
        if members < 2 {
            placed.insert(&claim.id);
            continue;
        }
        if let std::collections::hash_map::Entry::Vacant(e) = cache.entry(prop) {
            e.insert(held(conn, prop)?);
        }
        let all = &cache[&prop];
        let new = match all.iter().find(|c| c.id == claim.id) {
            Some(c) => c.clone(),
            None => match claims_where(conn, "pc.claim_id = ?1", &claim.id, 1)?.pop() {
                Some(c) => c,
                None => continue,
            },
        };
        let earlier: Vec<LinkClaim> = all
            .iter()
            .filter(|c| c.id != claim.id)
            .filter(|c| !ours.contains(c.id.as_str()) || placed.contains(c.id.as_str()))
            .cloned()
            .collect();
        for l in links_for(&new, &earlier) {
            insert.execute(params![l.from, l.to, l.kind, l.reason])?;
        }
        placed.insert(&claim.id);
    }
    Ok(())
}

/// Section labels under which outlets restate earlier statements, as SQL.
const BACKGROUND_SECTIONS: &str =
    "'background', 'context', 'recall', 'previously', 'prehistory', 'the background'";

/// The latest claims of a proposition, in the form the link rules take.
fn held(conn: &Connection, prop: i64) -> Result<Vec<LinkClaim>> {
    claims_where(conn, "pc.prop_id = ?1", &prop, LINK_WINDOW)
}

/// Claims of `prop_claims` matching `condition` (on `?1`), latest first,
/// with their figures.
fn claims_where(
    conn: &Connection,
    condition: &str,
    arg: &dyn rusqlite::ToSql,
    limit: usize,
) -> Result<Vec<LinkClaim>> {
    let mut claims: Vec<LinkClaim> = conn
        .prepare_cached(&format!(
            "SELECT pc.claim_id, c.doc_id, pc.role, pc.speaker_key, pc.stated,
                EXISTS (SELECT 1 FROM claim_links l WHERE l.from_claim = pc.claim_id AND l.kind = 'repeats'),
                (json_extract(c.json, '$.stated_in_text') = 0
                 AND lower(json_extract(c.json, '$.section')) IN ({BACKGROUND_SECTIONS}))
             FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id
             WHERE {condition} ORDER BY pc.stated DESC LIMIT {limit}"
        ))?
        .query_map([arg], |r| {
            Ok(LinkClaim {
                id: r.get(0)?,
                doc_id: r.get(1)?,
                role: r.get(2)?,
                speaker_key: r.get(3)?,
                stated: r.get::<_, Option<String>>(4)?.filter(|s| is_full_date(s)),
                figures: Vec::new(),
                repeat: r.get(5)?,
                background: r.get::<_, Option<bool>>(6)?.unwrap_or(false),
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    let index: HashMap<String, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    // One query for all the figures (the latest ones in a very large proposition).
    let rows = conn
        .prepare_cached(&format!(
            "SELECT f.claim_id, f.measure, f.value FROM prop_figures f
             WHERE f.prop_id = (SELECT pc.prop_id FROM prop_claims pc WHERE {condition} LIMIT 1)
             ORDER BY f.rowid DESC LIMIT {}",
            4 * LINK_WINDOW
        ))?
        .query_map([arg], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, f64>(2)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for (id, measure, value) in rows {
        if let Some(&i) = index.get(&id) {
            claims[i].figures.push((measure, value));
        }
    }
    Ok(claims)
}
