//! One store test suite, two stores: each test of `store_tests!` runs on a
//! SQLite file and on a fresh PostgreSQL database of the server
//! `CLAIMTRAIL_TEST_PG` names (scripts/test starts one; without it the
//! PostgreSQL runs skip, saying so in one line).

use claimtrail_ledger::{open_store, Store};
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
