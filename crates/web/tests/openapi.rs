//! `/api/openapi.json` describes exactly the router's API routes: every route
//! is documented with its methods, and every documented operation is routed.

mod common;

use axum::http::{Method, StatusCode};
use common::*;
use std::collections::BTreeSet;

#[tokio::test]
async fn openapi_document_matches_the_router() {
    let (app, _dir) = app(None);
    let doc = get(&app, "/api/openapi.json").await;
    assert_eq!(doc.status, StatusCode::OK);
    assert!(doc.json["openapi"].as_str().unwrap().starts_with("3."));

    let documented: BTreeSet<(String, String)> = doc.json["paths"]
        .as_object()
        .unwrap()
        .iter()
        .flat_map(|(path, item)| {
            item.as_object()
                .unwrap()
                .keys()
                .map(move |m| (m.to_uppercase(), path.clone()))
        })
        .collect();
    let routed: BTreeSet<(String, String)> = claimtrail_web::api::endpoints()
        .iter()
        .map(|e| (e.method.to_string(), e.path.to_string()))
        .collect();
    assert_eq!(documented, routed);

    // Each documented operation reaches a handler: not the API's 404 for
    // unknown routes, nor 405.
    for (method, path) in &documented {
        let uri = path
            .replace("{id}", "0123456789abcdef")
            .replace("{name}", "Nobody");
        let req = axum::http::Request::builder()
            .method(Method::from_bytes(method.as_bytes()).unwrap())
            .uri(&uri)
            .header("host", "localhost")
            .body(axum::body::Body::empty())
            .unwrap();
        let r = send(&app, req).await;
        assert_ne!(r.status, StatusCode::METHOD_NOT_ALLOWED, "{method} {uri}");
        assert!(
            !r.json["error"]
                .as_str()
                .unwrap_or("")
                .starts_with("no such API route"),
            "{method} {uri} is documented but not routed"
        );
    }

    // Every operation documents its error responses as JSON.
    for (path, item) in doc.json["paths"].as_object().unwrap() {
        for (method, op) in item.as_object().unwrap() {
            assert!(op["summary"].is_string(), "{method} {path}");
            assert!(op["responses"]["200"].is_object() || op["responses"]["201"].is_object());
        }
    }
}
