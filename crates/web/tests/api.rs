//! The JSON API over a real ledger: the seed article ingested through
//! `POST /api/documents`, then every read endpoint, the errors and the headers.

mod common;

use axum::http::StatusCode;
use common::*;
use serde_json::Value;

fn claims_of(v: &Value) -> &Vec<Value> {
    v["claims"].as_array().expect("claims array")
}

#[tokio::test]
async fn ingest_then_read_the_seed_article() {
    let (app, _dir) = seeded().await;
    let stats = get(&app, "/api/stats").await;
    assert_eq!(stats.status, StatusCode::OK);
    assert_eq!(stats.json["documents"], 1);
    let n = stats.json["claims"].as_u64().unwrap();
    assert!(n >= 11, "{n} claims");

    // The same text again adds nothing.
    let again = post(
        &app,
        "/api/documents",
        Some(TOKEN),
        serde_json::to_vec(&seed_body()).unwrap(),
    )
    .await;
    assert_eq!(again.status, StatusCode::OK);
    assert_eq!(again.json["added"], false);
    assert_eq!(get(&app, "/api/stats").await.json["documents"], 1);

    let docs = get(&app, "/api/documents").await;
    let doc = &docs.json["documents"][0];
    assert_eq!(doc["published"], "2024-10-20");
    assert_eq!(doc["source_line"], "President's evening address");
    // The title is the headline when none is given.
    assert!(doc["title"]
        .as_str()
        .unwrap()
        .starts_with("President Volodymyr Zelenskyy has called"));
    let id = doc["id"].as_str().unwrap();
    let full = get(&app, &format!("/api/documents/{id}")).await;
    assert_eq!(full.status, StatusCode::OK);
    assert_eq!(full.json["text"], seed_text());
}

#[tokio::test]
async fn claim_filters() {
    let (app, _dir) = seeded().await;
    let r = get(&app, "/api/claims?stance=cannot_confirm").await;
    assert_eq!(r.status, StatusCode::OK);
    let claims = claims_of(&r.json);
    assert_eq!(claims.len(), 1);
    assert_eq!(claims[0]["speaker_name"], "Lloyd Austin");
    assert_eq!(claims[0]["stated"], "2024-10-19");

    let r = get(&app, "/api/claims?speaker=budanov").await;
    assert_eq!(claims_of(&r.json).len(), 1);
    assert_eq!(claims_of(&r.json)[0]["stance"], "confirm");

    let r = get(
        &app,
        "/api/claims?since=2024-10-13&until=2024-10-18&entity=North%20Korea",
    )
    .await;
    let dates: Vec<&str> = claims_of(&r.json)
        .iter()
        .map(|c| c["stated"].as_str().unwrap())
        .collect();
    assert!(!dates.is_empty());
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "{dates:?}");
    assert!(dates
        .iter()
        .all(|d| ("2024-10-13"..="2024-10-18").contains(d)));

    let r = get(&app, "/api/claims?q=infantry%20training").await;
    assert_eq!(claims_of(&r.json).len(), 1);

    let all = claims_of(&get(&app, "/api/claims").await.json).len();
    let page = get(&app, "/api/claims?limit=3&offset=2").await;
    assert_eq!(claims_of(&page.json).len(), 3.min(all - 2));
    assert_eq!(page.json["offset"], 2);
}

#[tokio::test]
async fn bad_parameters_are_400_with_a_json_message() {
    let (app, _dir) = app(None);
    for uri in [
        "/api/claims?stance=maybe",
        "/api/claims?since=yesterday",
        "/api/claims?limit=0",
        "/api/claims?limit=100000",
        "/api/claims?offset=-1",
        "/api/claims?offset=99999999",
        "/api/claims?colour=red",
        "/api/search",
        "/api/search?q=",
        "/api/stories",
        "/api/documents/not-an-id",
        "/api/claims/abc",
        "/api/claims/0123456789abcdef-c0",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}: {}", r.json);
        assert!(
            r.json["error"].as_str().is_some_and(|e| !e.is_empty()),
            "{uri}"
        );
    }
    let long = "x".repeat(600);
    let r = get(&app, &format!("/api/search?q={long}")).await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn missing_things_are_404_and_wrong_methods_405() {
    let (app, _dir) = app(None);
    let r = get(&app, "/api/documents/0123456789abcdef").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert_eq!(r.json["error"], "no such document");
    assert_eq!(
        get(&app, "/api/claims/0123456789abcdef-c1").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/api/entities/Nobody").await.status,
        StatusCode::NOT_FOUND
    );
    let r = get(&app, "/api/nothing/here").await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    assert!(r.json["error"].is_string());
    let r = post(&app, "/api/stats", None, Vec::new()).await;
    assert_eq!(r.status, StatusCode::METHOD_NOT_ALLOWED);
    assert!(r.json["error"].is_string());
    assert_eq!(
        get(&app, "/no-such-page").await.status,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn writes_need_the_token() {
    let body = || {
        serde_json::to_vec(&serde_json::json!({"text": "Officials said the bridge was closed."}))
            .unwrap()
    };
    // No token configured: writes are off.
    let (off, _d1) = app(None);
    let r = post(&off, "/api/documents", Some("anything"), body()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    assert!(r.json["error"].as_str().unwrap().contains("--token"));

    let (on, _d2) = app(Some(TOKEN));
    assert_eq!(
        post(&on, "/api/documents", None, body()).await.status,
        StatusCode::UNAUTHORIZED
    );
    assert_eq!(
        post(&on, "/api/documents", Some("wrong"), body())
            .await
            .status,
        StatusCode::FORBIDDEN
    );
    assert_eq!(get(&on, "/api/stats").await.json["documents"], 0);
    let r = post(&on, "/api/documents", Some(TOKEN), body()).await;
    assert_eq!(r.status, StatusCode::CREATED, "{}", r.json);
    assert_eq!(get(&on, "/api/stats").await.json["documents"], 1);
}

#[tokio::test]
async fn bad_bodies_are_refused() {
    let (app, _dir) = app(Some(TOKEN));
    let cases: Vec<(Vec<u8>, StatusCode)> = vec![
        (b"{not json".to_vec(), StatusCode::BAD_REQUEST),
        (br#"{"title": "no text"}"#.to_vec(), StatusCode::BAD_REQUEST),
        (br#"{"text": "   "}"#.to_vec(), StatusCode::BAD_REQUEST),
        (
            br#"{"text": "A said B.", "published": "20 Oct"}"#.to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            br#"{"text": "A said B.", "url": "javascript:alert(1)"}"#.to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            br#"{"text": "A said B.", "extra": 1}"#.to_vec(),
            StatusCode::BAD_REQUEST,
        ),
        (
            serde_json::to_vec(&serde_json::json!({"text": "a ".repeat(2 << 20)})).unwrap(),
            StatusCode::PAYLOAD_TOO_LARGE,
        ),
    ];
    for (body, status) in cases {
        let r = post(&app, "/api/documents", Some(TOKEN), body).await;
        assert_eq!(r.status, status, "{}", r.json);
        assert!(r.json["error"].is_string());
    }
    assert_eq!(get(&app, "/api/stats").await.json["documents"], 0);
}

#[tokio::test]
async fn claim_card_marks_the_evidence() {
    let (app, _dir) = seeded().await;
    let austin = claims_of(&get(&app, "/api/claims?speaker=Austin").await.json)[0].clone();
    let id = austin["id"].as_str().unwrap();
    let card = get(&app, &format!("/api/claims/{id}")).await;
    assert_eq!(card.status, StatusCode::OK, "{}", card.json);
    let ev = &card.json["evidence"];
    let sentence: Vec<char> = ev["sentence"].as_str().unwrap().chars().collect();
    let marked = |kind: &str| -> Vec<String> {
        ev["marks"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|m| m["kind"] == kind)
            .map(|m| {
                let (a, b) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                sentence[a..b].iter().collect()
            })
            .collect()
    };
    assert!(
        marked("speaker").iter().any(|s| s.contains("Lloyd Austin")),
        "{:?}",
        marked("speaker")
    );
    assert!(marked("content")
        .iter()
        .any(|s| s.contains("North Korea had sent troops")));
    assert!(
        marked("date").iter().any(|s| s == "19 October"),
        "{:?}",
        marked("date")
    );
    assert_eq!(card.json["claim"]["stance"], "cannot_confirm");
    assert_eq!(card.json["document"]["url"], seed_body()["url"]);

    // Figures are marked inside Budanov's claim.
    let budanov = claims_of(&get(&app, "/api/claims?speaker=Budanov").await.json)[0].clone();
    let card = get(
        &app,
        &format!("/api/claims/{}", budanov["id"].as_str().unwrap()),
    )
    .await;
    let ev = &card.json["evidence"];
    let sentence: Vec<char> = ev["sentence"].as_str().unwrap().chars().collect();
    let figure = ev["marks"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "figure")
        .expect("a figure mark");
    let text: String = sentence
        [figure["start"].as_u64().unwrap() as usize..figure["end"].as_u64().unwrap() as usize]
        .iter()
        .collect();
    assert!(text.contains("11,000"), "{text}");
}

#[tokio::test]
async fn story_figures_and_entity_page() {
    let (app, _dir) = seeded().await;
    let story = get(&app, "/api/stories?q=North%20Korea").await;
    assert_eq!(story.status, StatusCode::OK, "{}", story.json);
    let props = story.json["propositions"].as_array().unwrap();
    let links: Vec<(String, String)> = props
        .iter()
        .flat_map(|p| p["claims"].as_array().unwrap())
        .map(|c| {
            (
                c["speaker_name"].as_str().unwrap_or("").to_string(),
                c["role"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert!(
        links.contains(&("Lloyd Austin".into(), "withholds".into())),
        "{links:?}"
    );
    assert!(
        links.contains(&("Kyrylo Budanov".into(), "supports".into())),
        "{links:?}"
    );

    let figures = get(&app, "/api/figures?q=North%20Korea").await;
    assert_eq!(figures.status, StatusCode::OK);
    let series = figures.json["series"].as_array().unwrap();
    let troops = series
        .iter()
        .find(|s| {
            s["points"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p["value"] == 10000.0)
        })
        .expect("a series with 10,000");
    let points: Vec<(f64, &str)> = troops["points"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| (p["value"].as_f64().unwrap(), p["stated"].as_str().unwrap()))
        .collect();
    let ten = points.iter().position(|p| p.0 == 10000.0).unwrap();
    let eleven = points
        .iter()
        .position(|p| p.0 == 11000.0)
        .expect("11,000 in the same series");
    assert!(points[ten].1 < points[eleven].1, "{points:?}");
    let summary = &troops["summary"];
    assert!(summary["low"].as_f64().unwrap() <= summary["best"].as_f64().unwrap());
    assert!(summary["best"].as_f64().unwrap() <= summary["high"].as_f64().unwrap());
    assert!(summary["high"].as_f64().unwrap() >= 11000.0, "{summary}");

    let page = get(&app, "/api/entities/Lloyd%20Austin").await;
    assert_eq!(page.status, StatusCode::OK);
    let entity = &page.json["entity"];
    assert_eq!(entity["name"], "Lloyd Austin");
    let roles: Vec<&str> = entity["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["role"].as_str().unwrap())
        .collect();
    assert!(roles.contains(&"US Defence Secretary"), "{roles:?}");
    assert!(!claims_of(&page.json).is_empty());

    let id = props[0]["id"].as_i64().unwrap();
    let one = get(&app, &format!("/api/propositions/{id}")).await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json["id"], id);
    assert_eq!(
        get(&app, "/api/propositions/999999").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        get(&app, "/api/propositions/x").await.status,
        StatusCode::BAD_REQUEST
    );

    let sources = get(&app, "/api/sources?q=North%20Korea").await;
    assert_eq!(sources.status, StatusCode::OK);
    assert!(sources.json["speakers"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["speaker"] == "Lloyd Austin"));

    let search = get(&app, "/api/search?q=confirm%20reports").await;
    assert_eq!(search.json["claims"][0]["speaker_name"], "Lloyd Austin");
    let ents = get(&app, "/api/entities?q=korea").await;
    assert!(ents.json["entities"]
        .as_array()
        .unwrap()
        .iter()
        .any(|e| e["canonical"] == "North Korea"));
}

#[tokio::test]
async fn security_headers_and_host_check() {
    let (app, _dir) = app(None);
    for uri in ["/", "/api/stats", "/assets/app.js", "/api/nothing"] {
        let r = get(&app, uri).await;
        let csp = r.headers["content-security-policy"].to_str().unwrap();
        assert!(
            csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
            "{uri}"
        );
        assert!(!csp.contains("unsafe-inline") && !csp.contains("unsafe-eval"));
        assert_eq!(r.headers["x-content-type-options"], "nosniff");
    }
    let page = get(&app, "/").await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(page.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/html"));
    let js = get(&app, "/assets/app.js").await;
    assert!(js.headers["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/javascript"));
    assert_eq!(
        get(&app, "/assets/../Cargo.toml").await.status,
        StatusCode::NOT_FOUND
    );

    // A page elsewhere that rebinds its name to 127.0.0.1 is refused.
    let req = axum::http::Request::get("/api/stats")
        .header("host", "attacker.example:8080")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(send(&app, req).await.status, StatusCode::FORBIDDEN);
}

#[tokio::test]
async fn control_characters_in_parameters_are_400() {
    let (app, _dir) = app(None);
    for uri in [
        "/api/claims?speaker=Jones%00x",
        "/api/claims?entity=Korea%0A",
        "/api/search?q=troops%00",
        "/api/entities/Kim%00Jong",
    ] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{uri}: {}", r.json);
        assert!(
            r.json["error"]
                .as_str()
                .unwrap()
                .contains("control character"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn a_search_without_words_finds_nothing_and_says_why() {
    let (app, _dir) = app(Some(TOKEN));
    let body = serde_json::to_vec(&seed_body()).unwrap();
    assert_eq!(
        post(&app, "/api/documents", Some(TOKEN), body).await.status,
        StatusCode::CREATED
    );
    assert!(!claims_of(&get(&app, "/api/claims").await.json).is_empty());
    for uri in ["/api/claims?q=%21%21%3F", "/api/search?q=..."] {
        let r = get(&app, uri).await;
        assert_eq!(r.status, StatusCode::OK, "{uri}");
        assert_eq!(
            r.json["claims"].as_array().map(Vec::len),
            Some(0),
            "{uri}: {}",
            r.json
        );
        assert!(
            r.json["hint"].as_str().unwrap().contains("no word"),
            "{uri}"
        );
    }
}

#[tokio::test]
async fn the_token_is_checked_before_the_body_is_read() {
    let (app, _dir) = app(Some(TOKEN));
    // A body over the limit with a wrong token: refused for the token, not the size.
    let huge = vec![b'a'; 3 << 20];
    let r = post(&app, "/api/documents", Some("wrong"), huge.clone()).await;
    assert_eq!(r.status, StatusCode::FORBIDDEN);
    let r = post(&app, "/api/documents", Some(TOKEN), huge).await;
    assert_eq!(r.status, StatusCode::PAYLOAD_TOO_LARGE);
}

#[tokio::test]
async fn every_answer_carries_a_request_id() {
    let (app, _dir) = app(None);
    let a = get(&app, "/api/stats").await;
    let b = get(&app, "/api/no-such-route").await;
    let id = |r: &Reply| -> u64 { r.headers["x-request-id"].to_str().unwrap().parse().unwrap() };
    assert_ne!(id(&a), id(&b));
}

/// An untitled article is labelled by its first words wherever the page names
/// documents: the list, the article, claim lists, searches and cards.
#[tokio::test]
async fn untitled_articles_are_labelled_by_their_first_words() {
    let (app, _dir) = seeded().await;
    let id = ingest(&app, &untitled_body("")).await;
    let first_words = "Harbour officials in the port town of Eastmere said on …";

    let docs = get(&app, "/api/documents").await;
    let doc = docs.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == id.as_str())
        .expect("the untitled article is listed")
        .clone();
    assert_eq!(doc["title"], Value::Null);
    assert_eq!(doc["label"], first_words);
    // A titled article keeps its title as its label.
    let seed = docs.json["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] != id.as_str())
        .unwrap()
        .clone();
    assert_eq!(seed["label"], seed["title"]);

    let full = get(&app, &format!("/api/documents/{id}")).await;
    assert_eq!(full.json["label"], first_words);

    let claims = get(&app, "/api/claims?speaker=Brandt").await;
    let claim = &claims_of(&claims.json)[0];
    assert_eq!(claim["document"]["label"], first_words);
    let card = get(
        &app,
        &format!("/api/claims/{}", claim["id"].as_str().unwrap()),
    )
    .await;
    assert_eq!(card.json["document"]["label"], first_words);
    assert_eq!(card.json["document"]["title"], Value::Null);

    let found = get(&app, "/api/search?q=Eastmere").await;
    assert_eq!(found.json["documents"][0]["label"], first_words);
}
