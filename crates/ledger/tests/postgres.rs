//! The PostgreSQL store against SQLite and against bad input: concurrent
//! writers give the ledger one writer gives, the schema keeps the keys a
//! sharded database needs, and a server that cannot be used is one clear
//! line. Needs a server (`CLAIMTRAIL_TEST_PG`; scripts/test starts one).

mod common;

use claimtrail_ledger::{open_store, ClaimFilter, LedgerError, PgStore, SqliteStore, Store};
use common::stores::{multisource_corpus, outcome, TestLedger};
use std::sync::{Arc, Barrier};

/// Every claim with its document, as the claims query returns them.
fn all_claims<S: Store + ?Sized>(store: &S) -> Vec<(String, String)> {
    store
        .claims(&ClaimFilter::default())
        .unwrap()
        .into_iter()
        .map(|c| (c.document.id, serde_json::to_string(&c.claim).unwrap()))
        .collect()
}

#[test]
fn two_writers_at_once_give_the_ledger_of_one_sqlite_writer() {
    let Some(ledger) = TestLedger::postgres() else {
        return;
    };
    let articles = Arc::new(multisource_corpus());
    let mut sqlite = SqliteStore::open_in_memory().unwrap();
    for (a, text) in articles.iter() {
        sqlite.add(a, text).unwrap();
    }
    // Two writers, each its own connection (as two processes or machines
    // would be), started together, taking alternate articles.
    let start = Arc::new(Barrier::new(2));
    let writers: Vec<_> = (0..2)
        .map(|w| {
            let (articles, start, db) = (articles.clone(), start.clone(), ledger.db.clone());
            std::thread::spawn(move || {
                let mut store = PgStore::open(&db).unwrap();
                start.wait();
                for (a, text) in articles.iter().skip(w).step_by(2) {
                    store.add(a, text).unwrap();
                }
            })
        })
        .collect();
    for w in writers {
        w.join().unwrap();
    }
    let pg = ledger.open();
    assert_eq!(pg.stats().unwrap(), sqlite.stats().unwrap());
    let claims = all_claims(&*pg);
    assert!(claims.len() > 20, "{} claims", claims.len());
    assert_eq!(claims, all_claims(&sqlite), "the claims differ");
    let docs = articles.iter().map(|(a, _)| a);
    assert_eq!(
        outcome(&*pg, docs.clone()),
        outcome(&sqlite, docs),
        "propositions, links or figure series differ"
    );
}

#[test]
fn document_tables_are_keyed_by_document_and_proposition_tables_by_proposition() {
    let Some(ledger) = TestLedger::postgres() else {
        return;
    };
    drop(ledger.open());
    let mut client = postgres::Client::connect(&ledger.db, postgres::NoTls).unwrap();
    // The columns of each primary and unique key, by table.
    let keys = client
        .query(
            "SELECT c.conrelid::regclass::text, array_agg(a.attname::text ORDER BY a.attname)
             FROM pg_constraint c
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
             WHERE c.contype IN ('p', 'u') AND c.connamespace = 'public'::regnamespace
             GROUP BY c.oid, c.conrelid",
            &[],
        )
        .unwrap();
    let tables: Vec<(String, Vec<String>)> = client
        .query(
            "SELECT table_name::text, array_agg(column_name::text) FROM information_schema.columns
             WHERE table_schema = 'public' GROUP BY table_name",
            &[],
        )
        .unwrap()
        .iter()
        .map(|r| (r.get(0), r.get(1)))
        .collect();
    let mut checked = 0;
    for (table, columns) in &tables {
        let has = |c: &str| columns.iter().any(|x| x == c);
        // A proposition table is keyed by its proposition, a document table
        // (any other with a document column) by its document.
        let rule = if has("prop_id") {
            "prop_id"
        } else if has("doc_id") {
            "doc_id"
        } else if table == "documents" {
            "id"
        } else {
            continue;
        };
        for r in keys.iter().filter(|r| r.get::<_, String>(0) == *table) {
            let key: Vec<String> = r.get(1);
            assert!(
                key.contains(&rule.to_string()),
                "{table}: key {key:?} lacks {rule}"
            );
            checked += 1;
        }
    }
    assert!(checked >= 8, "only {checked} keys checked");
}

#[test]
fn a_server_that_cannot_be_used_is_one_line_naming_the_url_without_password() {
    let Some(ledger) = TestLedger::postgres() else {
        return;
    };
    let (base, _) = ledger.db.rsplit_once('/').unwrap();
    let port = base.rsplit_once(':').unwrap().1;
    // Nothing listens on port 1; the test cluster has a password user
    // (scripts/pg-cluster) and no database "no_such_db".
    let cases = [
        (
            "postgresql://ann:s3cret@127.0.0.1:1/news".to_string(),
            "refused",
        ),
        (
            format!("postgresql://claimtrail_pw:wrong@127.0.0.1:{port}/claimtrail"),
            "password",
        ),
        (format!("{base}/no_such_db"), "does not exist"),
    ];
    for (url, why) in cases {
        let err = match open_store(&url) {
            Err(e) => e,
            Ok(_) => panic!("{url} opened"),
        };
        assert!(matches!(err, LedgerError::Open { .. }), "{err:?}");
        let text = err.to_string();
        assert!(
            !text.contains("s3cret") && !text.contains("wrong"),
            "{text}"
        );
        assert!(text.contains("127.0.0.1"), "{text}");
        assert!(text.to_lowercase().contains(why), "{url}: {text}");
        assert_eq!(text.lines().count(), 1, "{text}");
    }
    // Nothing half-written: the refused connections created nothing.
    let mut client = postgres::Client::connect(&ledger.db, postgres::NoTls).unwrap();
    let n: i64 = client
        .query_one(
            "SELECT count(*) FROM pg_database WHERE datname = 'no_such_db'",
            &[],
        )
        .unwrap()
        .get(0);
    assert_eq!(n, 0);
}
