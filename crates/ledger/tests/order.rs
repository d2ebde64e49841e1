//! Determinism: the articles of `data/multisource/` (three stories, one
//! corpus) ingested forwards and in reverse give the same propositions (the
//! same partition of claims), the same links and the same figure series,
//! compared by content (claim ids are content hashes; row ids are ignored).

mod common;

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{SqliteStore, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

fn corpus() -> Vec<(ArticleJson, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/multisource");
    let pipeline = Pipeline::new();
    let mut out = Vec::new();
    for story in ["drone-attack", "gm-bankruptcy", "north-korea-troops"] {
        let path = dir.join(story).join("articles.jsonl");
        for (_, article, text) in common::analyze_story_file(&path, &pipeline) {
            out.push((article, text));
        }
    }
    out
}

/// What must not depend on the order: propositions as sets of claim ids,
/// links as (from, kind, to), series as (measure, claim ids of its points).
type Outcome = (
    BTreeSet<BTreeSet<String>>,
    BTreeSet<(String, String, String)>,
    BTreeSet<(String, BTreeSet<String>)>,
);

fn outcome(articles: &[&(ArticleJson, String)]) -> Outcome {
    let mut store = SqliteStore::open_in_memory().unwrap();
    for (a, text) in articles {
        store.add(a, text).unwrap();
    }
    let mut groups: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for (a, _) in articles {
        for (claim, prop) in store.cross_links(&a.document.id).unwrap().claims {
            groups.entry(prop).or_default().insert(claim);
        }
    }
    let (mut links, mut series) = (BTreeSet::new(), BTreeSet::new());
    for id in groups.keys() {
        let p = store.proposition(*id).unwrap().unwrap();
        for l in p.links {
            links.insert((l.from, l.kind, l.to));
        }
        for s in p.figures {
            let points = s.points.into_iter().map(|p| p.claim_id).collect();
            series.insert((s.measure, points));
        }
    }
    (groups.into_values().collect(), links, series)
}

#[test]
fn forwards_and_reversed_give_the_same_ledger() {
    let articles = corpus();
    let forwards: Vec<_> = articles.iter().collect();
    let reversed: Vec<_> = articles.iter().rev().collect();
    let (props_f, links_f, series_f) = outcome(&forwards);
    let (props_r, links_r, series_r) = outcome(&reversed);
    assert!(props_f.iter().any(|p| p.len() > 2), "no proposition formed");
    assert_eq!(props_f, props_r, "propositions differ");
    assert!(
        series_f == series_r,
        "series differ: forwards only {:?}, reversed only {:?}",
        series_f.difference(&series_r).collect::<Vec<_>>(),
        series_r.difference(&series_f).collect::<Vec<_>>()
    );
    let only_f: Vec<_> = links_f.difference(&links_r).collect();
    let only_r: Vec<_> = links_r.difference(&links_f).collect();
    assert!(
        only_f.is_empty() && only_r.is_empty(),
        "links differ: forwards only {only_f:?}, reversed only {only_r:?}"
    );
}
