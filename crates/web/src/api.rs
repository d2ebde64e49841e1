//! The JSON API under `/api/`: one handler per route, over the ledger's `Store`.
//!
//! [`endpoints`] is the single list of routes: the router is built from it
//! and the OpenAPI test compares it with `/api/openapi.json`.

use crate::error::{ApiError, ApiResult};
use crate::{auth, evidence, labels, stories, AppState};
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::{header, request::Parts, HeaderMap, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post, MethodRouter};
use axum::{Json, Router};
use claimtrail_attribution::Stance;
use claimtrail_ledger::ClaimFilter;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::json;

/// Default page size of list endpoints.
pub const DEFAULT_LIMIT: usize = 50;
/// Largest page size of list endpoints.
pub const MAX_LIMIT: usize = 500;
/// Deep offsets make SQLite walk and drop rows; past this, narrow the filter.
pub const MAX_OFFSET: usize = 100_000;
/// Largest accepted request body (an article with its metadata).
pub const MAX_BODY: usize = 2 * 1024 * 1024;
/// Longest wait for a request body to arrive, once its headers are in.
pub const BODY_TIMEOUT: std::time::Duration = std::time::Duration::from_secs(30);
/// Longest wait of a write for its turn behind the server's other writes.
pub const WRITE_WAIT: std::time::Duration = std::time::Duration::from_secs(30);
/// Longest accepted query or name parameter, in characters.
const MAX_PARAM_CHARS: usize = 500;

/// One route of the API.
pub struct Endpoint {
    pub method: Method,
    pub path: &'static str,
    handler: MethodRouter<AppState>,
}

/// Every API route, in the order of the OpenAPI document.
pub fn endpoints() -> Vec<Endpoint> {
    let e = |method: Method, path, handler| Endpoint {
        method,
        path,
        handler,
    };
    vec![
        e(Method::GET, "/api/openapi.json", get(openapi)),
        e(Method::GET, "/api/stats", get(stats)),
        e(Method::GET, "/api/documents", get(documents)),
        e(Method::POST, "/api/documents", post(ingest)),
        e(Method::GET, "/api/documents/{id}", get(document)),
        e(Method::GET, "/api/claims", get(claims)),
        e(Method::GET, "/api/claims/{id}", get(claim)),
        e(Method::GET, "/api/entities", get(entities)),
        e(Method::GET, "/api/entities/{name}", get(entity)),
        e(Method::GET, "/api/search", get(search)),
        e(Method::GET, "/api/stories", get(stories::stories)),
        e(
            Method::GET,
            "/api/propositions/{id}",
            get(stories::proposition),
        ),
        e(Method::GET, "/api/figures", get(stories::figures)),
        e(Method::GET, "/api/sources", get(stories::sources)),
    ]
}

/// The API router: the endpoints, JSON 404 and 405 for anything else under `/api/`.
pub fn routes(state: AppState) -> Router {
    let mut router = Router::new();
    for e in endpoints() {
        router = router.route(e.path, e.handler);
    }
    router
        .route("/api/{*rest}", axum::routing::any(no_route))
        .method_not_allowed_fallback(method_not_allowed)
        .with_state(state)
}

async fn no_route() -> ApiError {
    ApiError::not_found("no such API route (see /api/openapi.json)")
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "method not allowed on this route",
    )
}

/// Query parameters, with a JSON 400 naming the bad parameter on failure.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> FromRequestParts<S> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, ApiError> {
        let Query(value) = Query::<T>::try_from_uri(&parts.uri)
            .map_err(|e| ApiError::bad_request(e.body_text()))?;
        Ok(Params(value))
    }
}

/// One path segment, with a JSON 400 on failure (e.g. invalid percent-encoding).
pub struct Segment(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Segment {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
        let Path(value) = Path::<String>::from_request_parts(parts, state)
            .await
            .map_err(|e| ApiError::bad_request(e.body_text()))?;
        if value.chars().any(char::is_control) {
            return Err(ApiError::bad_request("the path holds a control character"));
        }
        Ok(Segment(value))
    }
}

/// `limit` and `offset`, checked against the caps.
#[derive(Clone, Copy, Debug)]
pub struct Page {
    pub limit: usize,
    pub offset: usize,
}

impl Page {
    /// The page asked for, with the defaults filled in; 400 past the caps.
    pub fn new(limit: Option<usize>, offset: Option<usize>) -> ApiResult<Page> {
        let limit = limit.unwrap_or(DEFAULT_LIMIT);
        if limit == 0 || limit > MAX_LIMIT {
            return Err(ApiError::bad_request(format!(
                "limit must be between 1 and {MAX_LIMIT}"
            )));
        }
        let offset = offset.unwrap_or(0);
        if offset > MAX_OFFSET {
            return Err(ApiError::bad_request(format!(
                "offset must be at most {MAX_OFFSET}; narrow the query instead"
            )));
        }
        Ok(Page { limit, offset })
    }
}

/// A text parameter: trimmed, `None` when empty, 400 when too long or when
/// it holds a NUL or another control character (which SQLite would cut or
/// match literally: `Jones%00x` must not act as `Jones`).
pub fn text_param(name: &str, value: Option<String>) -> ApiResult<Option<String>> {
    let Some(v) = value else { return Ok(None) };
    if v.chars().any(char::is_control) {
        return Err(ApiError::bad_request(format!(
            "{name} holds a control character"
        )));
    }
    let v = v.trim();
    if v.chars().count() > MAX_PARAM_CHARS {
        return Err(ApiError::bad_request(format!(
            "{name} is longer than {MAX_PARAM_CHARS} characters"
        )));
    }
    Ok((!v.is_empty()).then(|| v.to_string()))
}

/// A required text parameter.
pub fn required(name: &str, value: Option<String>) -> ApiResult<String> {
    text_param(name, value)?
        .ok_or_else(|| ApiError::bad_request(format!("the {name} parameter is required")))
}

/// The hint answered with no results when a search holds no word to match.
fn no_words_hint(query: &str) -> Option<&'static str> {
    (!claimtrail_ledger::has_search_words(query))
        .then_some("the search holds no word to match: use letters or digits")
}

/// A `YYYY-MM-DD` parameter.
fn date_param(name: &str, value: Option<String>) -> ApiResult<Option<String>> {
    let Some(v) = text_param(name, value)? else {
        return Ok(None);
    };
    chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").map_err(|_| {
        ApiError::bad_request(format!("{name} must be a date YYYY-MM-DD, not {v:?}"))
    })?;
    Ok(Some(v))
}

/// A document id: 16 lowercase hex digits (the content hash).
fn valid_document_id(id: &str) -> bool {
    id.len() == 16 && id.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

async fn openapi() -> Response {
    (
        [(header::CACHE_CONTROL, "no-cache")],
        Json(crate::openapi::document()),
    )
        .into_response()
}

async fn stats(State(state): State<AppState>) -> ApiResult<Json<claimtrail_ledger::Stats>> {
    let stats = state.pool.run(|s| Ok(s.stats()?)).await?;
    Ok(Json(stats))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageQuery {
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn documents(
    State(state): State<AppState>,
    Params(q): Params<PageQuery>,
) -> ApiResult<Response> {
    let page = Page::new(q.limit, q.offset)?;
    let docs = state
        .pool
        .run(move |s| labels::summaries(s, &s.documents(page.limit, page.offset)?))
        .await?;
    Ok(
        Json(json!({"documents": docs, "limit": page.limit, "offset": page.offset}))
            .into_response(),
    )
}

async fn document(State(state): State<AppState>, Segment(id): Segment) -> ApiResult<Response> {
    if !valid_document_id(&id) {
        return Err(ApiError::bad_request(
            "a document id is 16 hexadecimal digits",
        ));
    }
    let found = state.pool.run(move |s| Ok(s.document(&id)?)).await?;
    let (article, text) = found.ok_or_else(|| ApiError::not_found("no such document"))?;
    let label = article
        .document
        .title
        .clone()
        .or_else(|| labels::first_words(&text, labels::LABEL_WORDS));
    Ok(Json(json!({"article": article, "text": text, "label": label})).into_response())
}

/// The body of `POST /api/documents`.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewDocument {
    text: String,
    title: Option<String>,
    url: Option<String>,
    published: Option<String>,
    outlet: Option<String>,
}

#[derive(Serialize)]
struct Ingested {
    id: String,
    /// False when the same text was stored before.
    added: bool,
    claims: usize,
}

async fn ingest(
    State(state): State<AppState>,
    headers: HeaderMap,
    body: axum::body::Body,
) -> ApiResult<Response> {
    // The token is checked before a byte of the body is read.
    authorize(&state, &headers)?;
    let body = read_body(&headers, body).await?;
    let new: NewDocument = serde_json::from_slice(&body)
        .map_err(|e| ApiError::bad_request(format!("invalid JSON body: {e}")))?;
    let doc = new_document(new)?;
    let pipeline = state.pipeline.clone();
    let (article, text) = tokio::task::spawn_blocking(move || {
        let pipeline = pipeline.get_or_init(claimtrail_extract::Pipeline::new);
        let text = doc.text().to_string();
        let analysis = pipeline.analyze(doc);
        (
            claimtrail_extract::json::ArticleJson::from_analysis(&analysis),
            text,
        )
    })
    .await
    .map_err(ApiError::internal)?;
    let id = article.document.id.clone();
    // Writes queue here, one at a time, so that waiting writers do not hold
    // the connections that reads need; past WRITE_WAIT the answer is 503.
    let _turn = tokio::time::timeout(WRITE_WAIT, state.writes.acquire())
        .await
        .map_err(|_| ApiError::busy())?
        .map_err(ApiError::internal)?;
    let outcome = state.pool.run(move |s| Ok(s.add(&article, &text)?)).await?;
    let (status, body) = match outcome {
        claimtrail_ledger::AddOutcome::Added { claims } => (
            StatusCode::CREATED,
            Ingested {
                id,
                added: true,
                claims,
            },
        ),
        claimtrail_ledger::AddOutcome::AlreadyPresent => {
            let claims = state
                .pool
                .run({
                    let id = id.clone();
                    move |s| Ok(s.document(&id)?.map_or(0, |(a, _)| a.claims.len()))
                })
                .await?;
            (
                StatusCode::OK,
                Ingested {
                    id,
                    added: false,
                    claims,
                },
            )
        }
    };
    Ok((status, Json(body)).into_response())
}

/// The body, at most MAX_BODY bytes (413 past it), within BODY_TIMEOUT (408).
async fn read_body(headers: &HeaderMap, body: axum::body::Body) -> ApiResult<axum::body::Bytes> {
    let too_large = || {
        ApiError::new(
            StatusCode::PAYLOAD_TOO_LARGE,
            format!("the body is over the limit of {MAX_BODY} bytes"),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > MAX_BODY as u64) {
        return Err(too_large());
    }
    match tokio::time::timeout(BODY_TIMEOUT, axum::body::to_bytes(body, MAX_BODY)).await {
        Err(_) => Err(ApiError::new(
            StatusCode::REQUEST_TIMEOUT,
            "the body did not arrive in time",
        )),
        Ok(Err(e)) if e.to_string().contains("length limit") => Err(too_large()),
        Ok(Err(e)) => Err(ApiError::bad_request(format!("cannot read the body: {e}"))),
        Ok(Ok(bytes)) => Ok(bytes),
    }
}

/// 403 when writes are off, 401 without a bearer token, 403 with a wrong one.
fn authorize(state: &AppState, headers: &HeaderMap) -> ApiResult<()> {
    let Some(token) = &state.token else {
        return Err(ApiError::new(
            StatusCode::FORBIDDEN,
            "writes are disabled: start the server with --token to enable them",
        ));
    };
    let presented = headers
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(auth::bearer)
        .ok_or_else(|| {
            ApiError::new(
                StatusCode::UNAUTHORIZED,
                "writes need an Authorization: Bearer <token> header",
            )
        })?;
    if token.matches(presented) {
        Ok(())
    } else {
        Err(ApiError::new(StatusCode::FORBIDDEN, "wrong token"))
    }
}

/// The document to analyse, with its metadata checked.
fn new_document(new: NewDocument) -> ApiResult<claimtrail_text::Document> {
    // Line breaks as the file readers leave them, so offsets agree with `ingest`.
    let text = new.text.replace("\r\n", "\n").replace('\r', "\n");
    if text.trim().is_empty() {
        return Err(ApiError::bad_request("text is empty"));
    }
    let published = match text_param("published", new.published)? {
        Some(p) => Some(
            chrono::NaiveDate::parse_from_str(&p, "%Y-%m-%d").map_err(|_| {
                ApiError::bad_request(format!("published must be a date YYYY-MM-DD, not {p:?}"))
            })?,
        ),
        None => None,
    };
    let url = text_param("url", new.url)?;
    if let Some(u) = &url {
        let lower = u.to_ascii_lowercase();
        if !(lower.starts_with("http://") || lower.starts_with("https://")) {
            return Err(ApiError::bad_request(
                "url must start with http:// or https://",
            ));
        }
    }
    let meta = claimtrail_text::Metadata {
        title: text_param("title", new.title)?,
        published,
        url,
        outlet: text_param("outlet", new.outlet)?,
        path: None,
    };
    let mut doc = claimtrail_text::Document::new(text, meta);
    if doc.meta().title.is_none() {
        // The headline, else a short first line: the page needs something to list.
        let first_line = doc.text().trim_start().lines().next().unwrap_or("").trim();
        let title = match doc.headline() {
            Some(s) => Some(doc.slice(s).trim().to_string()),
            None => (first_line.chars().count() <= 200).then(|| first_line.to_string()),
        };
        doc.meta_mut().title = title.filter(|t| !t.is_empty());
    }
    Ok(doc)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ClaimQuery {
    speaker: Option<String>,
    entity: Option<String>,
    stance: Option<String>,
    since: Option<String>,
    until: Option<String>,
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn claims(
    State(state): State<AppState>,
    Params(q): Params<ClaimQuery>,
) -> ApiResult<Response> {
    let page = Page::new(q.limit, q.offset)?;
    let stance = text_param("stance", q.stance)?;
    if let Some(s) = &stance {
        if Stance::parse(s).is_none() {
            return Err(ApiError::bad_request(format!(
                "stance must be one of {}",
                Stance::ALL.map(Stance::as_str).join(", ")
            )));
        }
    }
    let filter = ClaimFilter {
        speaker: text_param("speaker", q.speaker)?,
        entity: text_param("entity", q.entity)?,
        stance,
        since: date_param("since", q.since)?,
        until: date_param("until", q.until)?,
        text: text_param("q", q.q)?,
        limit: Some(page.limit),
        offset: page.offset,
    };
    if let Some(hint) = filter.text.as_deref().and_then(no_words_hint) {
        return Ok(Json(
            json!({"claims": [], "limit": page.limit, "offset": page.offset, "hint": hint}),
        )
        .into_response());
    }
    let claims = state
        .pool
        .run(move |s| labels::claims(s, &s.claims(&filter)?))
        .await?;
    Ok(Json(json!({"claims": claims, "limit": page.limit, "offset": page.offset})).into_response())
}

async fn claim(State(state): State<AppState>, Segment(id): Segment) -> ApiResult<Response> {
    let (doc_id, n) = id
        .split_once("-c")
        .and_then(|(d, n)| Some((d.to_string(), n.parse::<usize>().ok()?)))
        .filter(|(d, n)| valid_document_id(d) && *n > 0)
        .ok_or_else(|| ApiError::bad_request("a claim id is <document id>-c<number>"))?;
    let found = state.pool.run(move |s| Ok(s.document(&doc_id)?)).await?;
    let (article, text) = found.ok_or_else(|| ApiError::not_found("no such claim"))?;
    let label = labels::first_words(&text, labels::LABEL_WORDS);
    let card = evidence::card(&article, n - 1, label.as_deref())
        .ok_or_else(|| ApiError::not_found("no such claim"))?;
    Ok(Json(card).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct EntityQuery {
    q: Option<String>,
    limit: Option<usize>,
    offset: Option<usize>,
}

async fn entities(
    State(state): State<AppState>,
    Params(q): Params<EntityQuery>,
) -> ApiResult<Response> {
    let page = Page::new(q.limit, q.offset)?;
    let name = text_param("q", q.q)?.unwrap_or_default();
    let found = state
        .pool
        .run(move |s| Ok(s.entities(&name, page.limit, page.offset)?))
        .await?;
    Ok(
        Json(json!({"entities": found, "limit": page.limit, "offset": page.offset}))
            .into_response(),
    )
}

async fn entity(
    State(state): State<AppState>,
    Segment(name): Segment,
    Params(q): Params<PageQuery>,
) -> ApiResult<Response> {
    let page = Page::new(q.limit, q.offset)?;
    let name = required("name", Some(name))?;
    let page_out = state
        .pool
        .run(move |s| stories::entity_page(s, &name, page))
        .await?;
    Ok(Json(page_out).into_response())
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SearchQuery {
    q: Option<String>,
    limit: Option<usize>,
}

async fn search(
    State(state): State<AppState>,
    Params(q): Params<SearchQuery>,
) -> ApiResult<Response> {
    let page = Page::new(q.limit, None)?;
    let query = required("q", q.q)?;
    if let Some(hint) = no_words_hint(&query) {
        return Ok(Json(json!({"claims": [], "documents": [], "hint": hint})).into_response());
    }
    let results = state
        .pool
        .run(move |s| {
            let found = s.search(&query, page.limit)?;
            Ok(json!({
                "claims": labels::claims(s, &found.claims)?,
                "documents": labels::summaries(s, &found.documents)?,
            }))
        })
        .await?;
    Ok(Json(results).into_response())
}
