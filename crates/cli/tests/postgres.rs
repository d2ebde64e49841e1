//! `--db postgresql://...`: two `claimtrail ingest` processes at once into a
//! PostgreSQL server store the claims one ingest stores into SQLite, and a
//! server that cannot be used is one line naming the URL without its
//! password. Needs `CLAIMTRAIL_TEST_PG` (scripts/test starts a server).

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

fn stories() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/multisource");
    ["drone-attack", "gm-bankruptcy", "north-korea-troops"]
        .iter()
        .map(|s| dir.join(s).join("articles.jsonl"))
        .collect()
}

/// A new database on the test server, or None (one line) without a server.
fn fresh_database(name: &str) -> Option<String> {
    let Some(server) = std::env::var("CLAIMTRAIL_TEST_PG")
        .ok()
        .filter(|s| !s.is_empty())
    else {
        eprintln!("skipped: CLAIMTRAIL_TEST_PG is not set (scripts/test starts a server)");
        return None;
    };
    let name = format!("{name}_{}", std::process::id());
    let mut admin = postgres::Client::connect(&server, postgres::NoTls).unwrap();
    for sql in [
        format!("DROP DATABASE IF EXISTS {name}"),
        format!("CREATE DATABASE {name}"),
    ] {
        admin.batch_execute(&sql).unwrap();
    }
    let (base, _) = server.rsplit_once('/').unwrap();
    Some(format!("{base}/{name}"))
}

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn two_ingests_at_once_into_postgres_give_the_claims_of_one_sqlite_ingest() {
    let Some(url) = fresh_database("cli_two_ingests") else {
        return;
    };
    let files = stories();
    let dir = tempfile::tempdir().unwrap();
    let sqlite = dir.path().join("ledger.db");
    ok(bin()
        .arg("ingest")
        .args(&files)
        .arg("--db")
        .arg(&sqlite)
        .output()
        .unwrap());
    // Overlapping halves: both processes also try the middle story.
    let first = bin()
        .arg("ingest")
        .args(&files[..2])
        .args(["--db", &url])
        .spawn()
        .unwrap();
    let second = bin()
        .arg("ingest")
        .args(&files[1..])
        .env("CLAIMTRAIL_DB", &url)
        .output()
        .unwrap();
    ok(second);
    ok(first.wait_with_output().unwrap());
    let claims = |db: &str| {
        ok(bin()
            .args([
                "claims", "--format", "json", "--limit", "100000", "--db", db,
            ])
            .output()
            .unwrap())
    };
    let from_sqlite = claims(sqlite.to_str().unwrap());
    assert!(from_sqlite.len() > 10_000, "{} bytes", from_sqlite.len());
    assert_eq!(claims(&url), from_sqlite, "the claims differ");
}

#[test]
fn an_unusable_server_is_one_line_without_the_password() {
    let out = bin()
        .args(["claims", "--db", "postgresql://ann:s3cret@127.0.0.1:1/news"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(
        err.contains("postgresql://ann:***@127.0.0.1:1/news"),
        "{err}"
    );
    assert!(!err.contains("s3cret"), "{err}");
}
