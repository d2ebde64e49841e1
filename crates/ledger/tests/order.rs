//! Determinism: the articles of `data/multisource/` (three stories, one
//! corpus) ingested forwards and in reverse give the same propositions (the
//! same partition of claims), the same links and the same figure series,
//! compared by content (claim ids are content hashes; row ids are ignored).

mod common;

use claimtrail_extract::json::ArticleJson;
use claimtrail_ledger::{SqliteStore, Store};
use common::stores::Outcome;

fn outcome(articles: &[&(ArticleJson, String)]) -> Outcome {
    let mut store = SqliteStore::open_in_memory().unwrap();
    for (a, text) in articles {
        store.add(a, text).unwrap();
    }
    common::stores::outcome(&store, articles.iter().map(|(a, _)| a))
}

#[test]
fn forwards_and_reversed_give_the_same_ledger() {
    let articles = common::stores::multisource_corpus();
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
