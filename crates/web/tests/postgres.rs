//! The API over a PostgreSQL ledger answers as over a SQLite one. Needs a
//! server (`CLAIMTRAIL_TEST_PG`, which scripts/test starts) and `psql` to
//! create a database; skips with one line without them.

mod common;

use axum::http::StatusCode;
use common::*;

/// A new database on the test server, or None (and a line saying why).
fn fresh_database() -> Option<String> {
    let Ok(server) = std::env::var("CLAIMTRAIL_TEST_PG") else {
        eprintln!("skip: no PostgreSQL test server (CLAIMTRAIL_TEST_PG is not set)");
        return None;
    };
    let name = format!("web_{}_{}", std::process::id(), rand_suffix());
    let created = std::process::Command::new("psql")
        .args(["-q", &server, "-c", &format!("CREATE DATABASE {name}")])
        .status();
    match created {
        Ok(s) if s.success() => {}
        other => {
            eprintln!("skip: psql could not create a test database ({other:?})");
            return None;
        }
    }
    let base = server.rsplit_once('/').map_or(server.as_str(), |(b, _)| b);
    Some(format!("{base}/{name}"))
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_api_over_postgresql_answers_as_over_sqlite() {
    let Some(url) = fresh_database() else {
        return;
    };
    let config = claimtrail_web::Config {
        db: url.into(),
        token: Some(TOKEN.to_string()),
        loopback_only: true,
    };
    let pg = claimtrail_web::router(&config).expect("router over PostgreSQL");
    let (lite, _dir) = seeded().await;
    let body = serde_json::to_vec(&seed_body()).unwrap();
    let r = post(&pg, "/api/documents", Some(TOKEN), body).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    for uri in [
        "/api/stats",
        "/api/claims?limit=100",
        "/api/claims?stance=assert",
        "/api/documents",
        "/api/figures?q=North%20Korea",
        "/api/entities/Lloyd%20Austin",
    ] {
        let (a, b) = (get(&lite, uri).await, get(&pg, uri).await);
        assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.json);
        assert_eq!(a.json, b.json, "{uri}");
    }
    // Which propositions a story finds is the same; their order follows each
    // store's full-text ranking (docs/ledger.md), so it is compared by id.
    let by_id = |mut v: serde_json::Value| {
        let props = v["propositions"].as_array_mut().expect("propositions");
        props.sort_by_key(|p| p["id"].as_i64());
        v
    };
    let uri = "/api/stories?q=North%20Korea";
    let (a, b) = (get(&lite, uri).await, get(&pg, uri).await);
    assert_eq!(a.status, StatusCode::OK, "{uri}: {}", a.json);
    assert!(!a.json["propositions"].as_array().unwrap().is_empty());
    assert_eq!(by_id(a.json), by_id(b.json), "{uri}");
    drop(pg);
}
