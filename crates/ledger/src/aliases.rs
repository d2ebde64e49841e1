//! Canonical entities across documents: the alias table.
//!
//! Each document's entities (already resolved within the document by the
//! entity stage) are matched to ledger-wide canonical entities as the document
//! arrives. A name is looked up by its spelling key ([`norm::full_name_key`]:
//! case, diacritics and transliteration variants folded) within its type
//! class; then by its other written forms in the document ("DPRK" under
//! "North Korea"); a person by surname when the given names agree (an initial
//! matches its name, a bare surname matches the one person it can be); an
//! all-capitals name by the initials of an organisation. A capital city that
//! speaks ("Pyongyang said") is its state. Unmatched names start a new entity.
//!
//! User decisions (`merge`, `split`) rewrite the aliases and are marked as
//! decided: the exact-key lookup comes first, so every later document with
//! that name follows the decision.

use crate::db::Db;
use crate::norm::{self, full_name_key, name_key};
use crate::{CanonicalEntity, EntityDecision, LedgerError, Result, RoleSeen};
use claimtrail_extract::json::{ArticleJson, EntityJson};
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// The type class within which names are matched: places are one class
/// (a country typed LOC in one article and GPE in another is one entity).
pub(crate) fn type_class(t: &str) -> &str {
    match t {
        "GPE" | "LOC" => "GPE",
        other => other,
    }
}

/// The capital-city file of the crate (`data/capitals.tsv`).
const CAPITALS_TSV: &str = include_str!("../data/capitals.tsv");

/// The (capital, country) rows of a capital-city file: `#` comments and
/// blank lines skipped, a line without a tab or with an empty field is an
/// error naming the line.
fn capital_rows(text: &str) -> std::result::Result<Vec<(&str, &str)>, String> {
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| match l.split_once('\t') {
            Some((capital, country))
                if !capital.trim().is_empty() && !country.trim().is_empty() =>
            {
                Ok((capital.trim(), country.trim()))
            }
            _ => Err(format!(
                "data/capitals.tsv line {}: want capital<TAB>country",
                i + 1
            )),
        })
        .collect()
}

/// Capital city (name key) -> country name, from the bundled GeoNames list.
fn capitals() -> &'static HashMap<String, String> {
    static CAPITALS: OnceLock<HashMap<String, String>> = OnceLock::new();
    CAPITALS.get_or_init(|| {
        capital_rows(CAPITALS_TSV)
            .unwrap_or_default()
            .into_iter()
            .map(|(capital, country)| (full_name_key(capital), country.to_string()))
            .collect()
    })
}

/// Maps each entity of `article` (by local id) to its canonical entity,
/// creating and registering aliases as needed, and records roles.
pub(crate) fn resolve_document(db: &dyn Db, article: &ArticleJson) -> Result<HashMap<String, i64>> {
    let speakers: HashSet<&str> = article
        .claims
        .iter()
        .filter_map(|c| c.speaker.as_deref())
        .collect();
    let doc = &article.document;
    let mut out = HashMap::new();
    for e in &article.entities {
        let class = type_class(&e.etype);
        let id = match capitals().get(&full_name_key(&e.canonical)) {
            // "Moscow said", "Pyongyang denied": the capital speaks for the state.
            Some(country) if class == "GPE" && speakers.contains(e.id.as_str()) => {
                resolve(db, country, "GPE", Some(country), &[])?
            }
            _ => resolve(
                db,
                &e.canonical,
                class,
                e.country.as_deref(),
                &other_names(e),
            )?,
        };
        db.execute(
            "UPDATE entities SET canon_id = ?1 WHERE doc_id = ?2 AND local_id = ?3",
            &[&id, &doc.id, &e.id],
        )?;
        if let Some(role) = e.role.as_deref().filter(|r| !r.trim().is_empty()) {
            db.execute(
                "INSERT INTO canon_roles (entity_id, role, doc_id, seen) VALUES (?1, ?2, ?3, ?4)",
                &[&id, &role.trim(), &doc.id, &doc.published],
            )?;
        }
        out.insert(e.id.clone(), id);
    }
    Ok(out)
}

/// The entity's other written names: name mentions that are neither the
/// canonical name, a part of it, nor a title plus it.
fn other_names(e: &EntityJson) -> Vec<String> {
    let canon = full_name_key(&e.canonical);
    let mut seen = HashSet::new();
    e.mentions
        .iter()
        .filter(|m| m.kind == "name")
        .filter_map(|m| {
            let k = full_name_key(&m.text);
            let related = k.is_empty() || canon.contains(&k) || k.contains(&canon);
            (!related && seen.insert(k)).then(|| m.text.clone())
        })
        .collect()
}

/// The canonical entity a name of `class` stands for, created if new.
pub(crate) fn resolve(
    db: &dyn Db,
    name: &str,
    class: &str,
    country: Option<&str>,
    others: &[String],
) -> Result<i64> {
    let key = full_name_key(name);
    let mut found = lookup(db, &key, class)?;
    if found.is_none() {
        for other in others {
            if let Some(id) = lookup(db, &full_name_key(other), class)? {
                found = Some(id);
                break;
            }
        }
    }
    if found.is_none() && class == "PERSON" {
        found = by_surname(db, &key)?;
    }
    if found.is_none() && is_acronym(name) {
        found = lookup(db, &format!("acr:{key}"), class)?;
    }
    // The full name of an organisation first seen by its initials.
    if found.is_none() {
        if let Some(initials) = initials(name, class) {
            found = lookup(db, &initials, class)?;
        }
    }
    let id = match found {
        Some(id) => {
            adopt_fuller_name(db, id, name)?;
            id
        }
        None => db.query_row(
            "INSERT INTO canon_entities (name, type, country) VALUES (?1, ?2, ?3) RETURNING id",
            &[&name.trim(), &class, &country],
            |r| r.get(0),
        )?,
    };
    register(db, id, name, class)?;
    for other in others {
        register(db, id, other, class)?;
    }
    Ok(id)
}

/// The entity an alias key points to, following merges.
fn lookup(db: &dyn Db, key: &str, class: &str) -> Result<Option<i64>> {
    if key.is_empty() {
        return Ok(None);
    }
    let id: Option<i64> = db.query_opt(
        "SELECT entity_id FROM canon_aliases WHERE key = ?1 AND type = ?2",
        &[&key, &class],
        |r| r.get(0),
    )?;
    id.map(|id| current(db, id)).transpose()
}

/// Follows `merged_into` to the entity that stands today.
pub(crate) fn current(db: &dyn Db, mut id: i64) -> Result<i64> {
    for _ in 0..16 {
        let next: Option<i64> = db
            .query_opt(
                "SELECT merged_into FROM canon_entities WHERE id = ?1",
                &[&id],
                |r| r.get(0),
            )?
            .flatten();
        match next {
            Some(n) if n != id => id = n,
            _ => return Ok(id),
        }
    }
    Err(LedgerError::Corrupt(format!(
        "entity {id}: merge chain too long"
    )))
}

/// Records a name, its surname (people) and its initials (organisations).
fn register(db: &dyn Db, id: i64, name: &str, class: &str) -> Result<()> {
    let key = full_name_key(name);
    if key.is_empty() {
        return Ok(());
    }
    const ALIAS: &str =
        "INSERT INTO canon_aliases (key, type, entity_id, alias) VALUES (?1, ?2, ?3, ?4)
        ON CONFLICT DO NOTHING";
    db.execute(ALIAS, &[&key, &class, &id, &name.trim()])?;
    if class == "PERSON" {
        if let Some(surname) = key.rsplit(' ').next() {
            db.execute(
                "INSERT INTO canon_surnames (key, entity_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING",
                &[&surname, &id],
            )?;
        }
    }
    if let Some(initials) = initials(name, class) {
        db.execute(
            ALIAS,
            &[&format!("acr:{initials}"), &class, &id, &name.trim()],
        )?;
    }
    Ok(())
}

/// The key of an organisation's initials ("NIS" for "National Intelligence
/// Service", "GM" for "General Motors"): the capitalised words of a name of
/// two or more of them (lower-case joining words skipped). Only
/// organisations: places and people are not written by initials in news
/// (the entity stage already knows "US", "UK", "DPRK").
fn initials(name: &str, class: &str) -> Option<String> {
    let caps: String = name
        .split_whitespace()
        .filter_map(|w| w.chars().next())
        .filter(|c| c.is_uppercase())
        .collect();
    (class == "ORG" && caps.chars().count() >= 2 && !is_acronym(name)).then(|| full_name_key(&caps))
}

fn is_acronym(name: &str) -> bool {
    let letters: Vec<char> = name.chars().filter(|c| c.is_alphabetic()).collect();
    !name.contains(' ') && letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase())
}

/// A person found by surname whose given names agree with `key`'s.
fn by_surname(db: &dyn Db, key: &str) -> Result<Option<i64>> {
    let words: Vec<&str> = key.split(' ').collect();
    let Some(surname) = words.last() else {
        return Ok(None);
    };
    let ids: Vec<i64> = db.query_map(
        "SELECT entity_id FROM canon_surnames WHERE key = ?1 LIMIT 64",
        &[&surname],
        |r| r.get(0),
    )?;
    let mut candidates: Vec<(i64, bool)> = Vec::new();
    for id in ids {
        let id = current(db, id)?;
        if candidates.iter().any(|(c, _)| *c == id) {
            continue;
        }
        let name: String = db.query_row(
            "SELECT name FROM canon_entities WHERE id = ?1",
            &[&id],
            |r| r.get(0),
        )?;
        let theirs = full_name_key(&name);
        let theirs: Vec<&str> = theirs.split(' ').collect();
        if theirs.last() != Some(surname) {
            continue;
        }
        let (Some(a), Some(b)) = (
            words.len().gt(&1).then(|| words[0]),
            theirs.len().gt(&1).then(|| theirs[0]),
        ) else {
            // A bare surname on either side: compatible.
            candidates.push((id, false));
            continue;
        };
        let exact = a == b;
        let initial = (a.len() == 1 || b.len() == 1) && a.chars().next() == b.chars().next();
        if exact || initial {
            candidates.push((id, exact));
        }
    }
    if candidates.len() > 1 && candidates.iter().filter(|c| c.1).count() == 1 {
        candidates.retain(|c| c.1);
    }
    match candidates.len() {
        0 => Ok(None),
        1 => Ok(Some(candidates[0].0)),
        _ => dominant(db, candidates.iter().map(|c| c.0)),
    }
}

/// Of several people a surname may name, the one seen in more than twice as
/// many documents as any other; None when it is not clear.
fn dominant(db: &dyn Db, ids: impl Iterator<Item = i64>) -> Result<Option<i64>> {
    let mut counts: Vec<(i64, i64)> = Vec::new();
    for id in ids {
        let n: i64 = db.query_row(
            "SELECT COUNT(DISTINCT doc_id) FROM entities WHERE canon_id = ?1",
            &[&id],
            |r| r.get(0),
        )?;
        counts.push((id, n));
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    Ok((counts[0].1 > 2 * counts[1].1).then_some(counts[0].0))
}

/// Shows the fullest name seen ("Volodymyr Zelenskyy" over "Zelenskyy"),
/// unless a user decision pinned the entity.
fn adopt_fuller_name(db: &dyn Db, id: i64, name: &str) -> Result<()> {
    let (current, pinned): (String, bool) = db.query_row(
        "SELECT name, pinned FROM canon_entities WHERE id = ?1",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let words = |s: &str| s.split_whitespace().count();
    if !pinned && !is_acronym(name) && (words(name) > words(&current) || is_acronym(&current)) {
        db.execute(
            "UPDATE canon_entities SET name = ?1 WHERE id = ?2",
            &[&name.trim(), &id],
        )?;
    }
    Ok(())
}

/// An entity named by `spec`: `#12` or `12` (its id), or any of its names.
pub(crate) fn find(db: &dyn Db, spec: &str) -> Result<i64> {
    let spec = spec.trim();
    if let Ok(id) = spec.trim_start_matches('#').parse::<i64>() {
        let exists: bool = db.query_row(
            "SELECT EXISTS(SELECT 1 FROM canon_entities WHERE id = ?1)",
            &[&id],
            |r| r.get(0),
        )?;
        return if exists {
            current(db, id)
        } else {
            Err(LedgerError::Query(format!("no entity #{id}")))
        };
    }
    let key = full_name_key(spec);
    let mut ids: Vec<i64> = Vec::new();
    let found: Vec<i64> = db.query_map(
        "SELECT entity_id FROM canon_aliases WHERE key = ?1",
        &[&key],
        |r| r.get(0),
    )?;
    for id in found {
        let id = current(db, id)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    match ids.as_slice() {
        [id] => Ok(*id),
        [] => Err(LedgerError::Query(format!("no entity named \"{spec}\""))),
        _ => Err(LedgerError::Query(format!(
            "\"{spec}\" names several entities ({}); give an id",
            ids.iter()
                .map(|i| format!("#{i}"))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}

/// Merges entity `from` into `into`: every alias, document mention, role and
/// proposition term of `from` moves to `into`, and later documents naming
/// `from` resolve to `into`.
pub(crate) fn merge(db: &dyn Db, from: &str, into: &str) -> Result<EntityDecision> {
    let (a, b) = (find(db, from)?, find(db, into)?);
    if a == b {
        return Err(LedgerError::Query(format!(
            "\"{from}\" and \"{into}\" are already one entity (#{b})"
        )));
    }
    db.execute(
        "UPDATE canon_aliases SET entity_id = ?2, decided = 1 WHERE entity_id = ?1",
        &[&a, &b],
    )?;
    db.execute("INSERT INTO canon_surnames (key, entity_id) SELECT key, ?2 FROM canon_surnames WHERE entity_id = ?1 ON CONFLICT DO NOTHING", &[&a, &b])?;
    db.execute("DELETE FROM canon_surnames WHERE entity_id = ?1", &[&a])?;
    db.execute(
        "UPDATE entities SET canon_id = ?2 WHERE canon_id = ?1",
        &[&a, &b],
    )?;
    db.execute(
        "UPDATE canon_roles SET entity_id = ?2 WHERE entity_id = ?1",
        &[&a, &b],
    )?;
    db.execute(
        "UPDATE canon_entities SET merged_into = ?2 WHERE id = ?1",
        &[&a, &b],
    )?;
    db.execute("UPDATE canon_entities SET pinned = 1 WHERE id = ?1", &[&b])?;
    crate::propositions::rename_entity(db, a, b)?;
    record(db, "merge", from, into, b)
}

/// Splits the name `alias` off `entity` into an entity of its own: the
/// documents that wrote that name move to it, and later ones follow.
pub(crate) fn split(db: &dyn Db, entity: &str, alias: &str) -> Result<EntityDecision> {
    let id = find(db, entity)?;
    let key = full_name_key(alias);
    let rows: Vec<(String, String)> = db.query_map(
        "SELECT type, alias FROM canon_aliases WHERE key = ?1 AND entity_id = ?2",
        &[&key, &id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let Some((class, written)) = rows.into_iter().next() else {
        return Err(LedgerError::Query(format!(
            "entity #{id} has no alias \"{alias}\" (see `claimtrail entities list`)"
        )));
    };
    let (name, remaining): (String, i64) = db.query_row("SELECT e.name, (SELECT COUNT(*) FROM canon_aliases a WHERE a.entity_id = e.id) FROM canon_entities e WHERE e.id = ?1", &[&id], |r| Ok((r.get(0)?, r.get(1)?)))?;
    if remaining <= 1 {
        return Err(LedgerError::Query(format!(
            "\"{alias}\" is the only name of entity #{id}: nothing to split"
        )));
    }
    let new: i64 = db.query_row(
        "INSERT INTO canon_entities (name, type, pinned) VALUES (?1, ?2, 1) RETURNING id",
        &[&written, &class],
        |r| r.get(0),
    )?;
    db.execute(
        "UPDATE canon_aliases SET entity_id = ?1, decided = 1 WHERE key = ?2 AND entity_id = ?3",
        &[&new, &key, &id],
    )?;
    if class == "PERSON" && key.contains(' ') {
        if let Some(surname) = key.rsplit(' ').next() {
            db.execute("INSERT INTO canon_surnames (key, entity_id) VALUES (?1, ?2) ON CONFLICT DO NOTHING", &[&surname, &new])?;
        }
    }
    if full_name_key(&name) == key {
        // The entity was shown under the split-off name: show another of its names.
        db.execute("UPDATE canon_entities SET name = (SELECT alias FROM canon_aliases WHERE entity_id = ?1 AND key NOT LIKE 'acr:%' LIMIT 1) WHERE id = ?1", &[&id])?;
    }
    // Documents whose entity was written with that name move to the new entity.
    let docs: Vec<(String, String, String, Option<String>)> = db.query_map(
        "SELECT doc_id, local_id, canonical, role FROM entities WHERE canon_id = ?1",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
    )?;
    for (doc, local, canonical, role) in docs {
        if full_name_key(&canonical) != key {
            continue;
        }
        db.execute(
            "UPDATE entities SET canon_id = ?1 WHERE doc_id = ?2 AND local_id = ?3",
            &[&new, &doc, &local],
        )?;
        if let Some(role) = role {
            db.execute("UPDATE canon_roles SET entity_id = ?1 WHERE entity_id = ?2 AND doc_id = ?3 AND role = ?4", &[&new, &id, &doc, &role])?;
        }
    }
    db.execute("UPDATE canon_entities SET pinned = 1 WHERE id = ?1", &[&id])?;
    record(db, "split", entity, alias, new)
}

fn record(
    db: &dyn Db,
    action: &str,
    subject: &str,
    object: &str,
    id: i64,
) -> Result<EntityDecision> {
    db.execute("INSERT INTO entity_decisions (action, subject, object, entity_id, made_at) VALUES (?1, ?2, ?3, ?4, ?5)", &[&action, &subject, &object, &id, &crate::db::now()])?;
    Ok(EntityDecision {
        action: action.to_string(),
        subject: subject.to_string(),
        object: object.to_string(),
        entity: entity(db, id)?,
    })
}

/// One canonical entity with its names, roles over time and counts.
pub(crate) fn entity(db: &dyn Db, id: i64) -> Result<CanonicalEntity> {
    let (name, etype, country): (String, String, Option<String>) = db.query_row(
        "SELECT name, type, country FROM canon_entities WHERE id = ?1",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    let aliases: Vec<String> = db.query_map("SELECT alias FROM canon_aliases WHERE entity_id = ?1 AND key NOT LIKE 'acr:%' ORDER BY length(alias) DESC, alias", &[&id], |r| r.get(0))?;
    let roles: Vec<RoleSeen> = db.query_map(
        "SELECT role, MIN(seen), MAX(seen), COUNT(DISTINCT doc_id) FROM canon_roles
             WHERE entity_id = ?1 GROUP BY role ORDER BY MAX(seen) DESC, 4 DESC",
        &[&id],
        |r| {
            Ok(RoleSeen {
                role: r.get(0)?,
                first_seen: r.get(1)?,
                last_seen: r.get(2)?,
                documents: r.get::<i64>(3)? as usize,
            })
        },
    )?;
    let documents: i64 = db.query_row(
        "SELECT COUNT(DISTINCT doc_id) FROM entities WHERE canon_id = ?1",
        &[&id],
        |r| r.get(0),
    )?;
    let decided: bool = db.query_row(
        "SELECT EXISTS(SELECT 1 FROM canon_aliases WHERE entity_id = ?1 AND decided = 1)",
        &[&id],
        |r| r.get(0),
    )?;
    Ok(CanonicalEntity {
        id,
        name,
        etype,
        country,
        aliases,
        roles,
        documents: documents as usize,
        decided,
    })
}

/// Canonical entities one of whose names contains `name` (folded), most
/// documents first.
pub(crate) fn list(
    db: &dyn Db,
    name: &str,
    limit: usize,
    offset: usize,
) -> Result<Vec<CanonicalEntity>> {
    let pattern = format!("%{}%", crate::ops::like_escape(&norm::fold(name.trim())));
    let ids: Vec<i64> = db.query_map(&format!(
            "SELECT e.id FROM canon_entities e
             WHERE e.merged_into IS NULL AND (lower(e.name) LIKE ?1 ESCAPE '\\'
                OR EXISTS (SELECT 1 FROM canon_aliases a WHERE a.entity_id = e.id AND lower(a.alias) LIKE ?1 ESCAPE '\\'))
             ORDER BY (SELECT COUNT(DISTINCT doc_id) FROM entities d WHERE d.canon_id = e.id) DESC, e.name
             LIMIT {} OFFSET {offset}",
            limit as i64
        ), &[&pattern], |r| r.get(0))?;
    ids.into_iter().map(|id| entity(db, id)).collect()
}

/// The canonical entities a query names (exact name or alias, else surname).
pub(crate) fn named(db: &dyn Db, query: &str) -> Result<Vec<i64>> {
    let key = full_name_key(query);
    if key.is_empty() {
        return Ok(Vec::new());
    }
    let mut ids: Vec<i64> = Vec::new();
    let push = |id: i64, ids: &mut Vec<i64>| {
        if !ids.contains(&id) {
            ids.push(id);
        }
    };
    let found: Vec<i64> = db.query_map(
        "SELECT entity_id FROM canon_aliases WHERE key = ?1 OR key = 'acr:' || ?1",
        &[&key],
        |r| r.get(0),
    )?;
    for id in found {
        push(current(db, id)?, &mut ids);
    }
    if ids.is_empty() && !key.contains(' ') {
        let found: Vec<i64> = db.query_map(
            "SELECT entity_id FROM canon_surnames WHERE key = ?1",
            &[&name_key(query)],
            |r| r.get(0),
        )?;
        for id in found {
            push(current(db, id)?, &mut ids);
        }
    }
    Ok(ids)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_capital_row_parses_and_is_looked_up() {
        let rows = capital_rows(CAPITALS_TSV).expect("data/capitals.tsv parses");
        assert!(rows.len() > 200, "{} rows", rows.len());
        for (capital, country) in rows {
            let found = capitals().get(&full_name_key(capital));
            // two countries may share a capital's spelling; one of them wins
            assert!(found.is_some(), "{capital} ({country}) not looked up");
        }
        assert_eq!(
            capitals()
                .get(&full_name_key("Pyongyang"))
                .map(String::as_str),
            Some("North Korea")
        );
    }

    #[test]
    fn a_bad_capital_row_names_its_line() {
        let err = capital_rows("# comment\nKabul\tAfghanistan\nno tab here\n").unwrap_err();
        assert!(err.contains("line 3"), "{err}");
    }
}
