//! The cross-document work done for each article inside `Store::add`, in the
//! article's transaction: canonical entities, origin (near duplicates),
//! relays, propositions and links. A failure rolls all of it back with the
//! article.

use crate::db::Db;
use crate::independence::{self, DupIndex};
use crate::links::{links_for, LinkClaim};
use crate::propositions::{self, is_full_date, Frame, Member};
use crate::{aliases, Result};
use claimtrail_extract::json::ArticleJson;
use std::collections::{HashMap, HashSet};

/// Claims of a proposition looked at when linking a new one (the latest by
/// statement date): bounds the work in very large propositions.
const LINK_WINDOW: usize = 200;

pub(crate) fn apply(
    db: &dyn Db,
    dups: &mut DupIndex,
    article: &ArticleJson,
    text: &str,
) -> Result<()> {
    let doc = &article.document;
    let canon = aliases::resolve_document(db, article)?;
    // A nationality takes part in a claim as its state.
    let mut participant = canon.clone();
    for e in &article.entities {
        if e.etype == "NORP" {
            if let Some(country) = e.country.as_deref().filter(|c| !c.is_empty()) {
                let id = aliases::resolve(db, country, "GPE", Some(country), &[])?;
                participant.insert(e.id.clone(), id);
            }
        }
    }
    let (origin, took_over) = dups.assign(db, &doc.id, doc.published.as_deref(), text)?;
    // The group's claims now count for this document: their links follow.
    let mut touched: Vec<i64> = Vec::new();
    if took_over {
        touched = db.query_map(
            "SELECT DISTINCT prop_id FROM prop_claims WHERE origin = ?1",
            &[&origin],
            |r| r.get(0),
        )?;
    }
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
        let found = propositions::matching(db, &frames[i])?;
        let prop = match found.as_slice() {
            [] => propositions::create(db)?,
            [one] => *one,
            // The claim bridges propositions: they state the same thing.
            many => join(db, many)?,
        };
        propositions::add_member(db, prop, &member, &frames[i])?;
    }
    for claim in &article.claims {
        if let Some((p, _)) = propositions::of_claim(db, &claim.id)? {
            touched.push(p);
        }
    }
    touched.sort_unstable();
    touched.dedup();
    for p in touched {
        relink(db, p)?;
    }
    Ok(())
}

/// Joins propositions into the largest (the lowest id among equals).
fn join(db: &dyn Db, props: &[i64]) -> Result<i64> {
    let mut sized = Vec::new();
    for &p in props {
        sized.push((propositions::members(db, p)?, p));
    }
    sized.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    let big = sized[0].1;
    for &(_, small) in &sized[1..] {
        propositions::merge(db, small, big)?;
    }
    Ok(big)
}

/// Links the claims of a proposition (its latest [`LINK_WINDOW`]) anew, from
/// its members alone: each to those stated before it (by statement date;
/// among equals originals before copies, then by publication date and claim
/// id), so the links do not depend on the order in which the articles came.
fn relink(db: &dyn Db, prop: i64) -> Result<()> {
    let mut claims = held(db, prop)?;
    // Originals before their copies, then the earliest published.
    let key = |c: &LinkClaim| {
        (
            c.stated.is_none(),
            c.stated.clone(),
            !c.original,
            c.published.is_none(),
            c.published.clone(),
            c.id.clone(),
        )
    };
    claims.sort_by_key(key);
    for c in &claims {
        db.execute("DELETE FROM claim_links WHERE from_claim = ?1", &[&c.id])?;
    }
    for i in 0..claims.len() {
        claims[i].repeat = false;
        let links = links_for(&claims[i], &claims[..i]);
        claims[i].repeat = links.iter().any(|l| l.kind == "repeats");
        for l in links {
            db.execute(
                "INSERT INTO claim_links (prop_id, from_claim, to_claim, kind, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                &[&prop, &l.from, &l.to, &l.kind, &l.reason],
            )?;
        }
    }
    Ok(())
}

/// Section labels under which outlets restate earlier statements, as SQL.
const BACKGROUND_SECTIONS: &str =
    "'background', 'context', 'recall', 'previously', 'prehistory', 'the background'";

/// The latest claims of a proposition, in the form the link rules take.
fn held(db: &dyn Db, prop: i64) -> Result<Vec<LinkClaim>> {
    let dialect = db.dialect();
    let mut claims: Vec<LinkClaim> = db.query_map(&format!(
            "SELECT pc.claim_id, c.doc_id, pc.role, pc.speaker_key, pc.stated,
                EXISTS (SELECT 1 FROM claim_links l WHERE l.from_claim = pc.claim_id AND l.kind = 'repeats'),
                ({} AND lower({}) IN ({BACKGROUND_SECTIONS})),
                pc.origin = c.doc_id, d.published
             FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id JOIN documents d ON d.id = c.doc_id
             WHERE pc.prop_id = ?1 ORDER BY pc.stated DESC NULLS LAST LIMIT {LINK_WINDOW}",
            dialect.json_is_false("c.json", "stated_in_text"),
            dialect.json_text("c.json", "section"),
        ), &[&prop], |r| {
            Ok(LinkClaim {
                id: r.get(0)?,
                doc_id: r.get(1)?,
                role: r.get(2)?,
                speaker_key: r.get(3)?,
                stated: r.get::<Option<String>>(4)?.filter(|s| is_full_date(s)),
                figures: Vec::new(),
                repeat: r.get(5)?,
                background: r.get::<Option<bool>>(6)?.unwrap_or(false),
                original: r.get(7)?,
                published: r.get(8)?,
            })
        })?;
    let index: HashMap<String, usize> = claims
        .iter()
        .enumerate()
        .map(|(i, c)| (c.id.clone(), i))
        .collect();
    // One query for all the figures (the latest ones in a very large proposition).
    let rows = db.query_map(
        &format!(
            "SELECT f.claim_id, f.measure, f.value FROM prop_figures f
             WHERE f.prop_id = ?1 ORDER BY f.rowid DESC LIMIT {}",
            4 * LINK_WINDOW
        ),
        &[&prop],
        |r| Ok((r.get::<String>(0)?, r.get::<String>(1)?, r.get::<f64>(2)?)),
    )?;
    for (id, measure, value) in rows {
        if let Some(&i) = index.get(&id) {
            claims[i].figures.push((measure, value));
        }
    }
    Ok(claims)
}
