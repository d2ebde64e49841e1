//! Place resolution: which of the places a gazetteer name can stand for the
//! article means, so that every place carries its country.
//!
//! A name of several places ("Paris": France and the United States; "Victoria":
//! Canada, Australia, Seychelles ...) takes the candidate whose country the
//! article's other entities point to (countries named, places with one
//! reading, nationalities and organisations with a country), weighted by
//! their mentions; population breaks ties, as the most populous candidate
//! comes first in the gazetteer.

use crate::fxhash::FastMap as HashMap;
use crate::lexicon::{Lexicon, PlaceCandidate};
use crate::{EntityLayer, EntityType};

/// A candidate that no other entity supports is dropped when the article's
/// places point this many times to one other country and the candidate is a
/// town: a small foreign namesake is not what the article means ("Palm
/// Beach" in a story about Florida is no town in Australia).
const CONTRARY_EVIDENCE: usize = 3;
/// How many more mentions must point to another candidate's country than
/// to the first candidate's for it to win.
const MARGIN: usize = 2;
/// Above this population a place is known beyond its country, and named
/// from afar without other places of its country.
const WELL_KNOWN: u64 = 1_000_000;

fn is_place(t: EntityType) -> bool {
    matches!(t, EntityType::Gpe | EntityType::Loc)
}

/// Sets the country of every place entity of `layer` the gazetteer knows.
pub fn resolve(lex: &Lexicon, layer: &mut EntityLayer) {
    let candidates: Vec<&[PlaceCandidate]> = layer
        .entities
        .iter()
        .map(|e| {
            if is_place(e.etype) {
                lex.place_candidates(&e.canonical)
            } else {
                &[]
            }
        })
        .collect();
    // The countries the article's entities point to, by mentions: a place of
    // several readings votes for its first (most likely) one.
    let default_country = |e: &crate::Entity, c: &[PlaceCandidate]| -> Option<String> {
        match c.first() {
            Some(first) => Some(first.country.clone()),
            None => e.country.clone(),
        }
        .filter(|c| !c.is_empty())
    };
    let defaults: Vec<Option<String>> = layer
        .entities
        .iter()
        .zip(&candidates)
        .map(|(e, c)| default_country(e, c))
        .collect();
    let mut evidence: HashMap<&str, usize> = HashMap::default();
    for (e, d) in layer.entities.iter().zip(&defaults) {
        if let Some(country) = d {
            *evidence.entry(country.as_str()).or_default() += e.mentions.len();
        }
    }
    let mut resolved: Vec<Option<Option<String>>> = vec![None; layer.entities.len()];
    for (k, (e, c)) in layer.entities.iter().zip(&candidates).enumerate() {
        if c.is_empty() {
            continue;
        }
        // the entity's own mentions do not vote for its reading
        let own = defaults[k].as_deref();
        let support = |country: &str| {
            let mine = if own == Some(country) {
                e.mentions.len()
            } else {
                0
            };
            evidence
                .get(country)
                .copied()
                .unwrap_or(0)
                .saturating_sub(mine)
        };
        // the best-supported candidate, when it beats the first (most likely)
        // one by a clear margin: one other place of the United States does not
        // make "Ontario" the Californian town
        let first = &c[0];
        let best = c
            .iter()
            .enumerate()
            .max_by_key(|(i, p)| (support(&p.country), std::cmp::Reverse(*i)))
            .map_or(first, |(_, p)| p);
        let best = if support(&best.country) >= support(&first.country) + MARGIN {
            best
        } else {
            first
        };
        let strongest_other = evidence
            .keys()
            .filter(|country| **country != best.country)
            .map(|country| support(country))
            .max()
            .unwrap_or(0);
        let namesake = support(&best.country) == 0
            && strongest_other >= CONTRARY_EVIDENCE
            && best.population < WELL_KNOWN
            && best.country != e.canonical;
        resolved[k] = Some((!namesake).then(|| best.country.clone()));
    }
    for (e, r) in layer.entities.iter_mut().zip(resolved) {
        if let Some(country) = r {
            e.country = country;
        }
    }
}
