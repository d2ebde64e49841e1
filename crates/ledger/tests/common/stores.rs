//! One store test suite, two stores: each test of `store_tests!` runs on a
//! SQLite file and on a fresh PostgreSQL database of the server
//! `CLAIMTRAIL_TEST_PG` names (scripts/test starts one; without it the
//! PostgreSQL runs skip, saying so in one line).

use claimtrail_ledger::{open_store, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicUsize, Ordering};

/// A ledger a test can open (and open again, as another process would).
pub struct TestLedger {
    pub db: String,
    pub postgres: bool,
    _dir: Option<tempfile::TempDir>,
}

impl TestLedger {
    pub fn sqlite() -> TestLedger {
        let dir = tempfile::tempdir().unwrap();
        TestLedger {
            db: dir.path().join("ledger.db").display().to_string(),
            postgres: false,
            _dir: Some(dir),
        }
    }

    /// A new, empty database on the test server; None (and one line on
    /// stderr) when no server is given.
    pub fn postgres() -> Option<TestLedger> {
        let Some(server) = std::env::var("CLAIMTRAIL_TEST_PG")
            .ok()
            .filter(|s| !s.is_empty())
        else {
            eprintln!("skipped on PostgreSQL: CLAIMTRAIL_TEST_PG is not set (scripts/test starts a server)");
            return None;
        };
        static N: AtomicUsize = AtomicUsize::new(0);
        let name = format!(
            "t{}_{}_{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst),
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .subsec_nanos()
        );
        let mut admin = postgres::Client::connect(&server, postgres::NoTls)
            .unwrap_or_else(|e| panic!("CLAIMTRAIL_TEST_PG={server}: {e}"));
        admin
            .batch_execute(&format!("CREATE DATABASE {name}"))
            .unwrap();
        let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
        Some(TestLedger {
            db: format!("{base}/{name}"),
            postgres: true,
            _dir: None,
        })
    }

    pub fn open(&self) -> Box<dyn Store + Send> {
        open_store(&self.db).unwrap_or_else(|e| panic!("{}: {e}", self.db))
    }
}

/// `store_tests!(a, b)`: tests `sqlite::a`, `postgres::a`, ... calling
/// `a(&TestLedger)` of the enclosing file.
#[macro_export]
macro_rules! store_tests {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(#[test]
            fn $name() {
                super::$name(&$crate::common::stores::TestLedger::sqlite());
            })*
        }
        mod postgres {
            $(#[test]
            fn $name() {
                if let Some(ledger) = $crate::common::stores::TestLedger::postgres() {
                    super::$name(&ledger);
                }
            })*
        }
    };
}

/// The analysed articles of `data/multisource/` (three stories, one corpus).
pub fn multisource_corpus() -> Vec<(claimtrail_extract::json::ArticleJson, String)> {
    let dir = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/multisource");
    let pipeline = claimtrail_extract::Pipeline::new();
    let mut out = Vec::new();
    for story in ["drone-attack", "gm-bankruptcy", "north-korea-troops"] {
        let path = dir.join(story).join("articles.jsonl");
        for (_, article, text) in super::analyze_story_file(&path, &pipeline) {
            out.push((article, text));
        }
    }
    out
}

/// What must not depend on the order of ingest or the store: propositions
/// as sets of claim ids, links as (from, kind, to), series as (measure,
/// claim ids of its points). Row ids are ignored.
pub type Outcome = (
    BTreeSet<BTreeSet<String>>,
    BTreeSet<(String, String, String)>,
    BTreeSet<(String, BTreeSet<String>)>,
);

/// The [`Outcome`] of the stored `articles`.
pub fn outcome<'a, S: Store + ?Sized>(
    store: &S,
    articles: impl Iterator<Item = &'a claimtrail_extract::json::ArticleJson>,
) -> Outcome {
    let mut groups: BTreeMap<i64, BTreeSet<String>> = BTreeMap::new();
    for a in articles {
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
