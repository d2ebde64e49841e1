//! The cross-document work done for each article inside `Store::add`, in the
//! article's transaction: canonical entities, origin (near duplicates),
//! relays, propositions and links. A failure rolls all of it back with the
//! article.

use crate::db::Db;
use crate::independence::{self, DupIndex};
use crate::links::{links_for, LinkClaim};
use crate::propositions::{self, is_full_date, Frame, Member, MemberCache};
use crate::{aliases, Result};
use claimtrail_extract::json::{ArticleJson, ClaimJson};
use std::collections::{HashMap, HashSet};

/// Claims of a proposition looked at when linking a new one (the latest by
/// statement date): bounds the work in very large propositions.
const LINK_WINDOW: usize = 200;

/// What a store keeps in memory between adds for the cross-document work:
/// the near-duplicate index and the decoded members of propositions. Both
/// are filled only from stored rows; [`Memory::forget_uncommitted`] after a
/// failed add drops what the rolled-back transaction may have left.
#[derive(Default)]
pub(crate) struct Memory {
    pub(crate) dups: DupIndex,
    pub(crate) members: MemberCache,
}

impl Memory {
    pub(crate) fn forget_uncommitted(&mut self) {
        self.members.clear();
    }
}

/// The cross-document work for an article whose rows are in. `again`: the
/// document was stored before and [`forget`] undid its part (a
/// reanalysis): its fingerprint is kept, its copy group gets its origin
/// again.
pub(crate) fn apply(
    db: &dyn Db,
    memory: &mut Memory,
    article: &ArticleJson,
    text: &str,
    again: bool,
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
    let regrouped = if again {
        independence::regroup(db, &doc.id)?
    } else {
        None
    };
    let (origin, took_over) = match regrouped {
        Some(regrouped) => regrouped,
        None => memory
            .dups
            .assign(db, &doc.id, doc.published.as_deref(), text)?,
    };
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
    let copied = group_claims(db, &origin, &doc.id)?;
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
        let prop = proposition_for(db, memory, claim, &frames[i], &copied)?;
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

/// Undoes what a stored document's analysis left in the ledger, but its
/// document and fingerprint rows: its claims leave their propositions
/// (whose profiles and links are made those of the claims left; emptied
/// ones go), its figures, links, claim entities, claims, entity rows and
/// roles go. Canonical entities and aliases stay (another document may
/// have come to rely on them).
pub(crate) fn forget(db: &dyn Db, memory: &mut Memory, doc: &str) -> Result<()> {
    let claims: HashSet<String> = db
        .query_map("SELECT id FROM claims WHERE doc_id = ?1", &[&doc], |r| {
            r.get(0)
        })?
        .into_iter()
        .collect();
    let props: Vec<i64> = db.query_map(
        "SELECT DISTINCT pc.prop_id FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id
         WHERE c.doc_id = ?1 ORDER BY pc.prop_id",
        &[&doc],
        |r| r.get(0),
    )?;
    const OF_DOC: &str = "(SELECT id FROM claims WHERE doc_id = ?1)";
    for sql in [
        format!("DELETE FROM claim_links WHERE from_claim IN {OF_DOC} OR to_claim IN {OF_DOC}"),
        format!("DELETE FROM prop_figures WHERE claim_id IN {OF_DOC}"),
        format!("DELETE FROM prop_claims WHERE claim_id IN {OF_DOC}"),
        format!("DELETE FROM claim_entities WHERE claim_id IN {OF_DOC}"),
        "DELETE FROM claims WHERE doc_id = ?1".to_string(),
        "DELETE FROM entities WHERE doc_id = ?1".to_string(),
        "DELETE FROM canon_roles WHERE doc_id = ?1".to_string(),
    ] {
        db.execute(&sql, &[&doc])?;
    }
    memory.members.forget(&claims);
    for p in props {
        if propositions::rebuild(db, p)? {
            relink(db, p)?;
        }
    }
    Ok(())
}

/// The proposition a claim joins. A claim of a copy that states exactly
/// what a claim of another document of its copy group states (the same
/// words, speaker, stance and frame) joins that claim's proposition without
/// being matched again: a copy is stored as a copy of its original, in
/// whichever order the two come. Any other claim is matched: it joins the
/// propositions holding a claim that states the same thing (joining them
/// when there are several), or starts one.
fn proposition_for(
    db: &dyn Db,
    memory: &mut Memory,
    claim: &ClaimJson,
    frame: &Frame,
    copied: &HashMap<CopyKey, String>,
) -> Result<i64> {
    if let Some(original) = copied.get(&copy_key(claim, frame.stored()?)) {
        if let Some((prop, _)) = propositions::of_claim(db, original)? {
            return Ok(prop);
        }
    }
    let found = propositions::matching(db, &mut memory.members, frame)?;
    Ok(match found.as_slice() {
        [] => propositions::create(db)?,
        [one] => *one,
        // The claim bridges propositions: they state the same thing.
        many => join(db, many)?,
    })
}

/// What makes two claims of a copy group the same claim: text, speaker as
/// written, stance, stored frame.
type CopyKey = (String, Option<String>, String, String);

fn copy_key(claim: &ClaimJson, frame: String) -> CopyKey {
    (
        claim.text.clone(),
        claim.speaker_name.clone(),
        claim.stance.clone(),
        frame,
    )
}

/// The claims of the other documents of a copy group, by [`CopyKey`] (the
/// earliest stored for each).
fn group_claims(db: &dyn Db, origin: &str, doc: &str) -> Result<HashMap<CopyKey, String>> {
    let rows: Vec<(CopyKey, String)> = db.query_map(
        "SELECT c.text, c.speaker_name, c.stance, pc.terms, pc.claim_id
         FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id
         WHERE pc.origin = ?1 AND c.doc_id <> ?2 ORDER BY pc.rowid",
        &[&origin, &doc],
        |r| Ok(((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?), r.get(4)?)),
    )?;
    let mut out = HashMap::new();
    for (key, claim) in rows {
        out.entry(key).or_insert(claim);
    }
    Ok(out)
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
/// Only the links that changed are written: a new claim usually changes a
/// few, and rewriting all of them was most of the cost of an add.
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
    for i in 0..claims.len() {
        claims[i].repeat = false;
        let links = links_for(&claims[i], &claims[..i]);
        claims[i].repeat = links.iter().any(|l| l.kind == "repeats");
        let mut wanted: HashMap<(String, String), String> = HashMap::new();
        for l in links {
            wanted.entry((l.to, l.kind)).or_insert(l.reason);
        }
        write_links(db, prop, &claims[i].id, &wanted)?;
    }
    Ok(())
}

/// Makes the stored links from `from` exactly `wanted` ((to, kind) -> reason),
/// writing only the difference.
fn write_links(
    db: &dyn Db,
    prop: i64,
    from: &str,
    wanted: &HashMap<(String, String), String>,
) -> Result<()> {
    let stored: Vec<(String, String, String)> = db.query_map(
        "SELECT to_claim, kind, reason FROM claim_links WHERE from_claim = ?1",
        &[&from],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let mut kept = HashSet::new();
    for (to, kind, reason) in stored {
        let key = (to, kind);
        if wanted.get(&key) == Some(&reason) {
            kept.insert(key);
        } else {
            db.execute(
                "DELETE FROM claim_links WHERE from_claim = ?1 AND to_claim = ?2 AND kind = ?3",
                &[&from, &key.0, &key.1],
            )?;
        }
    }
    for ((to, kind), reason) in wanted {
        if !kept.contains(&(to.clone(), kind.clone())) {
            db.execute(
                "INSERT INTO claim_links (prop_id, from_claim, to_claim, kind, reason)
                 VALUES (?1, ?2, ?3, ?4, ?5) ON CONFLICT DO NOTHING",
                &[&prop, &from, to, kind, reason],
            )?;
        }
    }
    Ok(())
}

/// The latest claims of a proposition, in the form the link rules take.
fn held(db: &dyn Db, prop: i64) -> Result<Vec<LinkClaim>> {
    let mut claims: Vec<LinkClaim> = db.query_map(&format!(
            "SELECT pc.claim_id, c.doc_id, pc.role, pc.speaker_key, pc.stated,
                pc.background, pc.origin = c.doc_id, d.published
             FROM prop_claims pc JOIN claims c ON c.id = pc.claim_id JOIN documents d ON d.id = c.doc_id
             WHERE pc.prop_id = ?1 ORDER BY pc.stated DESC NULLS LAST LIMIT {LINK_WINDOW}",
        ), &[&prop], |r| {
            Ok(LinkClaim {
                id: r.get(0)?,
                doc_id: r.get(1)?,
                role: r.get(2)?,
                speaker_key: r.get(3)?,
                stated: r.get::<Option<String>>(4)?.filter(|s| is_full_date(s)),
                figures: Vec::new(),
                // Recomputed in statement order by `relink`.
                repeat: false,
                background: r.get(5)?,
                original: r.get(6)?,
                published: r.get(7)?,
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
