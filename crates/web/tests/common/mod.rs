//! Shared by the API tests: a server over a fresh ledger, requests, the seed.
#![allow(dead_code)]

use axum::body::Body;
use axum::http::{Request, StatusCode};
use axum::Router;
use serde_json::Value;
use std::path::PathBuf;
use tower::ServiceExt;

pub const TOKEN: &str = "test-token-123";

/// The seed article's text (data/seed), read from the repository.
pub fn seed_text() -> String {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/seed/zelenskyy-north-korea-address.txt");
    std::fs::read_to_string(&path).expect("seed article")
}

/// The JSON body that ingests the seed article.
pub fn seed_body() -> Value {
    serde_json::json!({
        "text": seed_text(),
        "published": "2024-10-20",
        "url": "https://www.pravda.com.ua/eng/news/2024/10/20/7480281/",
        "outlet": "Ukrainska Pravda",
    })
}

/// An application over a new ledger in a temporary folder (kept alive by the guard).
pub fn app(token: Option<&str>) -> (Router, tempfile::TempDir) {
    let dir = tempfile::tempdir().expect("tempdir");
    let config = claimtrail_web::Config {
        db: dir.path().join("ledger.db"),
        token: token.map(str::to_string),
        loopback_only: true,
    };
    (claimtrail_web::router(&config).expect("router"), dir)
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: axum::http::HeaderMap,
    pub json: Value,
}

pub async fn send(app: &Router, req: Request<Body>) -> Reply {
    let res = app.clone().oneshot(req).await.expect("infallible");
    let status = res.status();
    let headers = res.headers().clone();
    let bytes = axum::body::to_bytes(res.into_body(), 64 << 20)
        .await
        .expect("body");
    let json = serde_json::from_slice(&bytes).unwrap_or(Value::Null);
    Reply {
        status,
        headers,
        json,
    }
}

pub async fn get(app: &Router, uri: &str) -> Reply {
    let req = Request::get(uri)
        .header("host", "127.0.0.1:8080")
        .body(Body::empty())
        .expect("request");
    send(app, req).await
}

pub async fn post(app: &Router, uri: &str, token: Option<&str>, body: Vec<u8>) -> Reply {
    let mut req = Request::post(uri)
        .header("host", "127.0.0.1:8080")
        .header("content-type", "application/json");
    if let Some(t) = token {
        req = req.header("authorization", format!("Bearer {t}"));
    }
    send(app, req.body(Body::from(body)).expect("request")).await
}

/// An application with the seed article ingested.
pub async fn seeded() -> (Router, tempfile::TempDir) {
    let (app, dir) = app(Some(TOKEN));
    let r = post(
        &app,
        "/api/documents",
        Some(TOKEN),
        serde_json::to_vec(&seed_body()).unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    (app, dir)
}

/// An article with no headline and a first line too long to be a title,
/// so that it is stored untitled (fixture in our own words).
pub fn untitled_body(first_line_extra: &str) -> Value {
    let text = format!(
        "Harbour officials in the port town of Eastmere said on Monday that the new sea wall, {first_line_extra}which took three years to build and cost far more than planned, had held back the storm surge without any flooding in the old town.\n\n\
         The mayor, Tom Brandt, said the council would publish the full cost of the work next month.\n"
    );
    serde_json::json!({"text": text, "published": "2024-05-07"})
}

/// Stores `body` through the API and returns the new document's id.
pub async fn ingest(app: &Router, body: &Value) -> String {
    let r = post(
        app,
        "/api/documents",
        Some(TOKEN),
        serde_json::to_vec(body).unwrap(),
    )
    .await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    r.json["id"].as_str().expect("an id").to_string()
}
