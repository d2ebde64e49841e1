//! The multi-source set (`data/multisource/`): several articles on one story
//! from different outlets, analysed by the pipeline and added in date order.
//! The ledger must hold the expected propositions (supporters, withholders,
//! disputers), links, figure series, relays, syndicated copies and canonical
//! entities of `data/multisource/expected.json`.

mod common;

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{Proposition, PropositionClaim, SqliteStore, Store};
use serde_json::Value;
use std::collections::HashMap;
use std::path::PathBuf;

fn dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/multisource")
}

/// A story's ledger, and its articles by the `id` of their line.
struct Story {
    store: SqliteStore,
    docs: HashMap<String, ArticleJson>,
}

fn load(story: &Value) -> Story {
    let path = dir().join(story["articles"].as_str().unwrap());
    let pipeline = Pipeline::new();
    let mut store = SqliteStore::open_in_memory().unwrap();
    let mut docs = HashMap::new();
    for (id, article, text) in common::analyze_story_file(&path, &pipeline) {
        store.add(&article, &text).unwrap();
        docs.insert(id, article);
    }
    Story { store, docs }
}

impl Story {
    /// The id of the claim a descriptor names (document, speaker, words).
    fn claim(&self, d: &Value) -> String {
        let doc = &self.docs[d["doc"].as_str().unwrap()];
        let want = |key: &str| d[key].as_str().map(str::to_lowercase);
        doc.claims
            .iter()
            .find(|c| {
                want("speaker").is_none_or(|s| {
                    c.speaker_name
                        .as_deref()
                        .is_some_and(|n| n.to_lowercase().contains(&s))
                }) && want("contains").is_none_or(|w| c.text.to_lowercase().contains(&w))
            })
            .unwrap_or_else(|| panic!("no claim matches {d}"))
            .id
            .clone()
    }

    fn doc_id(&self, name: &str) -> String {
        self.docs[name].document.id.clone()
    }
}

fn member<'a>(p: &'a Proposition, id: &str) -> Option<&'a PropositionClaim> {
    p.claims.iter().find(|c| c.record.claim.id == id)
}

fn check_proposition(story: &Story, query: &str, exp: &Value) {
    let supporters: Vec<String> = exp["supports"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| story.claim(d))
        .collect();
    let props = story.store.story(query, 50).unwrap();
    let p = props
        .iter()
        .find(|p| member(p, &supporters[0]).is_some())
        .expect("a proposition holds the first supporter");
    let gist = exp["gist"].as_str().unwrap();
    for (role, key) in [
        ("supports", "supports"),
        ("withholds", "withholds"),
        ("disputes", "disputes"),
    ] {
        for d in exp[key].as_array().unwrap() {
            let id = story.claim(d);
            let m = member(p, &id).unwrap_or_else(|| panic!("{gist}: {d} is not in it"));
            assert_eq!(m.role, role, "{gist}: {d}");
        }
    }
    for d in exp["not_in"].as_array().unwrap() {
        let doc = &story.docs[d["doc"].as_str().unwrap()];
        let words = d["contains"].as_str().unwrap();
        for c in doc.claims.iter().filter(|c| c.text.contains(words)) {
            assert!(
                member(p, &c.id).is_none(),
                "{gist}: {} should not be in it",
                c.text
            );
        }
    }
    for l in exp["links"].as_array().unwrap() {
        let from = story.claim(&l["from"]);
        let kind = l["kind"].as_str().unwrap();
        let to = (!l["to"].is_null()).then(|| story.claim(&l["to"]));
        let found = p
            .links
            .iter()
            .any(|x| x.from == from && x.kind == kind && to.as_ref().is_none_or(|t| &x.to == t));
        assert!(found, "{gist}: no link {l}: {:#?}", p.links);
    }
    let want: Vec<(f64, String)> = exp["figures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f[0].as_f64().unwrap(), f[1].as_str().unwrap().to_string()))
        .collect();
    let series = p
        .figures
        .iter()
        .find(|s| s.points.iter().any(|x| x.value == want[0].0))
        .expect("a series with the first figure");
    let got: Vec<(f64, String)> = series
        .points
        .iter()
        .map(|x| (x.value, x.stated.clone().unwrap_or_default()))
        .collect();
    assert_eq!(got, want, "{gist}: figures by date, restatements once");
    let s = series.summary.as_ref().unwrap();
    assert!(s.low <= s.best && s.best <= s.high);
    for r in exp["relays"].as_array().unwrap() {
        let id = story.claim(&r["claim"]);
        let m = member(p, &id).unwrap();
        assert_eq!(
            m.relay.as_deref(),
            r["relay"].as_str(),
            "{gist}: relay of {id}"
        );
        assert_eq!(m.role, "supports", "the relayed speaker keeps the claim");
    }
}

fn check_story(story_exp: &Value) {
    let story = load(story_exp);
    let query = story_exp["query"].as_str().unwrap();
    for p in story_exp["propositions"].as_array().unwrap() {
        check_proposition(&story, query, p);
    }
    for group in story_exp["copies"].as_array().unwrap() {
        let ids: Vec<String> = group
            .as_array()
            .unwrap()
            .iter()
            .map(|n| story.doc_id(n.as_str().unwrap()))
            .collect();
        let copies: Vec<String> = story
            .store
            .copies(&ids[1])
            .unwrap()
            .into_iter()
            .map(|d| d.id)
            .collect();
        assert_eq!(copies, ids, "syndicated copies share the first as origin");
    }
    for e in story_exp["entities"].as_array().unwrap() {
        let name = e["name"].as_str().unwrap();
        let found = story.store.canonical_entities(name, 10, 0).unwrap();
        let entity = found
            .iter()
            .find(|x| x.name == name)
            .unwrap_or_else(|| panic!("no entity {name}: {found:#?}"));
        if let Some(n) = e["documents"].as_u64() {
            assert_eq!(entity.documents as u64, n, "{name}: {entity:#?}");
        }
        for alias in e["aliases"].as_array().into_iter().flatten() {
            let alias = alias.as_str().unwrap();
            assert!(
                entity.aliases.iter().any(|a| a == alias),
                "{name} has alias {alias}: {entity:#?}"
            );
        }
    }
}

fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(dir().join("expected.json")).unwrap()).unwrap()
}

fn story_named(name: &str) -> Value {
    expected()["stories"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap()
        .clone()
}

#[test]
fn north_korea_troops_across_outlets() {
    check_story(&story_named("north-korea-troops"));
}

#[test]
fn gm_bankruptcy_across_outlets() {
    check_story(&story_named("gm-bankruptcy"));
}

#[test]
fn drone_attack_across_outlets() {
    check_story(&story_named("drone-attack"));
}
