//! `Store::replace` (`ingest --reanalyze`): a stored text analysed again
//! with other options replaces its analysis, and the ledger is then the one
//! that storing the new analysis in the first place gives, row for row.
//! Each test runs on SQLite and on PostgreSQL (`store_tests!`).

mod common;

use claimtrail_extract::json::ArticleJson;
use claimtrail_ledger::{AddOutcome, ClaimFilter, ReplaceOutcome, Store};
use common::stores::TestLedger;
use serde_json::{Map, Value};
use std::collections::BTreeMap;

store_tests!(
    replace_adds_updates_and_leaves_the_same_analysis_alone,
    a_replaced_article_leaves_the_ledger_a_fresh_one_would_hold,
);

/// The articles of `data/multisource/` analysed as they are, and each also
/// analysed as an older run would have: with another publication date and
/// title given, and one claim fewer (an engine that found one less).
fn corpus() -> Vec<(ArticleJson, ArticleJson, String)> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/multisource");
    let pipeline = claimtrail_extract::Pipeline::new();
    let mut out = Vec::new();
    for story in ["drone-attack", "gm-bankruptcy", "north-korea-troops"] {
        let lines = std::fs::read_to_string(dir.join(story).join("articles.jsonl")).unwrap();
        for line in lines.lines() {
            let a: Value = serde_json::from_str(line).unwrap();
            let text = a["text"].as_str().unwrap().to_string();
            let analyse = |title: Option<String>, published: Option<&str>| {
                let meta = claimtrail_text::Metadata {
                    title,
                    published: published
                        .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
                    outlet: a["source"].as_str().map(str::to_string),
                    ..Default::default()
                };
                let doc = claimtrail_text::Document::new(text.clone(), meta);
                ArticleJson::from_analysis(&pipeline.analyze(doc))
            };
            let new = analyse(
                a["title"].as_str().map(str::to_string),
                a["published"].as_str(),
            );
            let mut old = analyse(Some("An older title".into()), Some("2001-02-03"));
            old.claims.pop();
            out.push((new, old, text));
        }
    }
    out
}

fn all_claims(store: &dyn Store) -> Vec<(String, Option<String>, String)> {
    let mut claims: Vec<_> = store
        .claims(&ClaimFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| (c.claim.id, c.claim.stated, c.document.id))
        .collect();
    claims.sort();
    claims
}

fn replace_adds_updates_and_leaves_the_same_analysis_alone(ledger: &TestLedger) {
    let corpus = corpus();
    let (new, old, text) = corpus.iter().find(|(n, _, _)| n.claims.len() > 2).unwrap();
    let mut store = ledger.open();
    assert!(
        !store.is_outdated(old).unwrap(),
        "not stored: nothing to update"
    );
    assert_eq!(
        store.replace(old, text).unwrap(),
        ReplaceOutcome::Added {
            claims: old.claims.len()
        }
    );
    assert_eq!(store.replace(old, text).unwrap(), ReplaceOutcome::Unchanged);
    assert_eq!(store.add(new, text).unwrap(), AddOutcome::AlreadyPresent);
    assert!(!store.is_outdated(old).unwrap());
    assert!(store.is_outdated(new).unwrap());
    let before = all_claims(&*store);
    assert!(before
        .iter()
        .all(|(_, stated, _)| stated.as_deref() != new.document.published.as_deref()));
    assert_eq!(
        store.replace(new, text).unwrap(),
        ReplaceOutcome::Updated {
            claims: new.claims.len()
        }
    );
    assert!(!store.is_outdated(new).unwrap());
    assert!(store.is_outdated(old).unwrap());
    let after = all_claims(&*store);
    assert_eq!(after.len(), new.claims.len());
    assert_ne!(before, after, "the claims' dates follow the new analysis");
    let (stored, _) = store.document(&new.document.id).unwrap().unwrap();
    assert_eq!(&stored, new);
    assert_eq!(store.stats().unwrap().documents, 1);
    // Another process sees the update (it was committed).
    assert_eq!(all_claims(&*ledger.open()), after);
    // The new title is what search finds, the old one is gone.
    let title = new.document.title.as_deref().unwrap();
    let found = store.search(title, 5).unwrap().documents;
    assert_eq!(found.len(), 1, "{title}");
    assert!(store.search("older", 5).unwrap().documents.is_empty());
}

fn a_replaced_article_leaves_the_ledger_a_fresh_one_would_hold(ledger: &TestLedger) {
    let corpus = corpus();
    // Each article in turn as the one analysed again (every third on
    // PostgreSQL, where a ledger takes longer to make).
    let step = if ledger.postgres { 3 } else { 1 };
    for x in (0..corpus.len()).step_by(step) {
        let fresh = if ledger.postgres {
            TestLedger::postgres().unwrap()
        } else {
            TestLedger::sqlite()
        };
        let replaced = if ledger.postgres {
            TestLedger::postgres().unwrap()
        } else {
            TestLedger::sqlite()
        };
        let others = corpus.iter().enumerate().filter(|(i, _)| *i != x);
        let (mut a, mut b) = (fresh.open(), replaced.open());
        for (_, (new, _, text)) in others {
            a.add(new, text).unwrap();
            b.add(new, text).unwrap();
        }
        let (new, old, text) = &corpus[x];
        a.add(new, text).unwrap();
        b.add(old, text).unwrap();
        assert!(matches!(
            b.replace(new, text).unwrap(),
            ReplaceOutcome::Updated { .. }
        ));
        let (want, got) = (dump(&fresh), dump(&replaced));
        for (table, rows) in &want {
            assert_eq!(
                Some(rows),
                got.get(table),
                "article {x} ({}): table {table} differs",
                new.document.id
            );
        }
        assert_eq!(want.len(), got.len());
        if !ledger.postgres {
            full_text_in_step(&replaced);
        }
    }
}

/// The tables a document's analysis writes to.
const TABLES: &[&str] = &[
    "documents",
    "entities",
    "claims",
    "claim_entities",
    "canon_entities",
    "canon_aliases",
    "canon_surnames",
    "canon_roles",
    "doc_fingerprints",
    "propositions",
    "prop_terms",
    "prop_keys",
    "prop_claims",
    "prop_figures",
    "claim_links",
];

/// Every row of [`TABLES`], sorted, as JSON: the time of storing left out;
/// on SQLite with each row's rowid. PostgreSQL's identity columns never
/// give a number back, so there row ids are left out and a proposition is
/// named by its smallest claim id (a merged one by the one it went into).
fn dump(ledger: &TestLedger) -> BTreeMap<String, Vec<String>> {
    let mut tables: BTreeMap<String, Vec<Map<String, Value>>> = if ledger.postgres {
        pg_rows(&ledger.db)
    } else {
        sqlite_rows(&ledger.db)
    };
    if ledger.postgres {
        let names = proposition_names(&tables);
        for rows in tables.values_mut() {
            for row in rows.iter_mut() {
                row.remove("rowid");
                row.remove("tsv");
                for key in ["prop_id", "merged_into"] {
                    rename(row, key, &names);
                }
            }
        }
        for row in tables.get_mut("propositions").unwrap() {
            rename(row, "id", &names);
        }
    }
    tables
        .into_iter()
        .map(|(table, rows)| {
            let mut rows: Vec<String> = rows
                .into_iter()
                .map(|mut r| {
                    r.remove("added_at");
                    Value::Object(r).to_string()
                })
                .collect();
            rows.sort();
            (table, rows)
        })
        .collect()
}

fn rename(row: &mut Map<String, Value>, key: &str, names: &BTreeMap<i64, String>) {
    if let Some(id) = row.get(key).and_then(Value::as_i64) {
        let name = names.get(&id).cloned().unwrap_or_else(|| "?".into());
        row.insert(key.into(), Value::String(name));
    }
}

/// Proposition id -> its smallest claim id ("into:" and the name of the one
/// it was merged into, for a merged one).
fn proposition_names(tables: &BTreeMap<String, Vec<Map<String, Value>>>) -> BTreeMap<i64, String> {
    let mut names: BTreeMap<i64, String> = BTreeMap::new();
    for m in &tables["prop_claims"] {
        let (p, c) = (m["prop_id"].as_i64().unwrap(), m["claim_id"].to_string());
        let e = names.entry(p).or_insert_with(|| c.clone());
        if c < *e {
            *e = c;
        }
    }
    let merged: BTreeMap<i64, i64> = tables["propositions"]
        .iter()
        .filter_map(|p| Some((p["id"].as_i64()?, p["merged_into"].as_i64()?)))
        .collect();
    for (&from, &(mut into)) in &merged {
        for _ in 0..16 {
            match merged.get(&into) {
                Some(&next) => into = next,
                None => break,
            }
        }
        let name = format!("into:{}", names.get(&into).cloned().unwrap_or_default());
        names.insert(from, name);
    }
    names
}

fn sqlite_rows(path: &str) -> BTreeMap<String, Vec<Map<String, Value>>> {
    let conn = rusqlite::Connection::open(path).unwrap();
    let mut out = BTreeMap::new();
    for table in TABLES {
        let without_rowid = [
            "canon_aliases",
            "canon_surnames",
            "prop_terms",
            "prop_keys",
            "claim_links",
        ];
        let sql = if without_rowid.contains(table) {
            format!("SELECT * FROM {table}")
        } else {
            format!("SELECT rowid AS rowid_, * FROM {table}")
        };
        let mut stmt = conn.prepare(&sql).unwrap();
        let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let rows = stmt
            .query_map([], |r| {
                let mut m = Map::new();
                for (i, n) in names.iter().enumerate() {
                    use rusqlite::types::ValueRef;
                    let v = match r.get_ref(i)? {
                        ValueRef::Null => Value::Null,
                        ValueRef::Integer(x) => Value::from(x),
                        ValueRef::Real(x) => Value::from(x),
                        ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                        ValueRef::Blob(b) => Value::from(format!("{b:?}")),
                    };
                    m.insert(n.clone(), v);
                }
                Ok(m)
            })
            .unwrap()
            .collect::<Result<Vec<_>, _>>()
            .unwrap();
        out.insert(table.to_string(), rows);
    }
    out
}

fn pg_rows(url: &str) -> BTreeMap<String, Vec<Map<String, Value>>> {
    let mut client = ::postgres::Client::connect(url, ::postgres::NoTls).unwrap();
    let mut out = BTreeMap::new();
    for table in TABLES {
        let rows = client
            .query(
                &format!("SELECT (to_jsonb(t) - 'tsv')::text FROM {table} t"),
                &[],
            )
            .unwrap()
            .iter()
            .map(
                |r| match serde_json::from_str(&r.get::<_, String>(0)).unwrap() {
                    Value::Object(m) => m,
                    other => panic!("{other}"),
                },
            )
            .collect();
        out.insert(table.to_string(), rows);
    }
    out
}

/// SQLite's full-text tables hold exactly the rows of their content tables.
fn full_text_in_step(ledger: &TestLedger) {
    let conn = rusqlite::Connection::open(&ledger.db).unwrap();
    for fts in ["claims_fts", "documents_fts"] {
        conn.execute(
            &format!("INSERT INTO {fts} ({fts}) VALUES ('integrity-check')"),
            [],
        )
        .unwrap_or_else(|e| panic!("{fts}: {e}"));
    }
}
