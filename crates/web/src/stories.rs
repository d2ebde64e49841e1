//! Cross-document views from the ledger: stories (propositions with their
//! claims, roles and links), figure series, sources and entity pages.

use crate::api::{required, Page, Params, Segment, MAX_LIMIT};
use crate::error::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_ledger::{ClaimFilter, Store};
use serde::Deserialize;
use serde_json::json;

/// Default and largest number of propositions of a story.
const DEFAULT_PROPOSITIONS: usize = 10;
const MAX_PROPOSITIONS: usize = 50;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryQuery {
    q: Option<String>,
    limit: Option<usize>,
}

impl StoryQuery {
    fn checked(self) -> ApiResult<(String, usize)> {
        let query = required("q", self.q)?;
        let limit = self.limit.unwrap_or(DEFAULT_PROPOSITIONS);
        if limit == 0 || limit > MAX_PROPOSITIONS {
            return Err(ApiError::bad_request(format!(
                "limit must be between 1 and {MAX_PROPOSITIONS}"
            )));
        }
        Ok((query, limit))
    }
}

/// Answers a story read for the checked query: `read` gets the query and the
/// limit and returns the fields answered beside `"query"`.
async fn story_read(
    state: AppState,
    q: StoryQuery,
    read: fn(&dyn Store, &str, usize) -> ApiResult<serde_json::Value>,
) -> ApiResult<Response> {
    let (query, limit) = q.checked()?;
    let (query, mut body) = state
        .pool
        .run(move |s| {
            let body = read(s, &query, limit)?;
            Ok((query, body))
        })
        .await?;
    body["query"] = json!(query);
    Ok(Json(body).into_response())
}

/// `GET /api/stories?q=`: the propositions about an entity or words.
pub(crate) async fn stories(
    State(state): State<AppState>,
    Params(q): Params<StoryQuery>,
) -> ApiResult<Response> {
    story_read(state, q, |s, query, limit| {
        Ok(json!({"propositions": s.story(query, limit)?}))
    })
    .await
}

/// `GET /api/propositions/{id}`.
pub(crate) async fn proposition(
    State(state): State<AppState>,
    Segment(id): Segment,
) -> ApiResult<Response> {
    let id: i64 = id
        .parse()
        .map_err(|_| ApiError::bad_request("a proposition id is a number"))?;
    let found = state.pool.run(move |s| Ok(s.proposition(id)?)).await?;
    let p = found.ok_or_else(|| ApiError::not_found("no such proposition"))?;
    Ok(Json(p).into_response())
}

/// `GET /api/figures?q=`: the figure series of the story's propositions.
pub(crate) async fn figures(
    State(state): State<AppState>,
    Params(q): Params<StoryQuery>,
) -> ApiResult<Response> {
    story_read(state, q, |s, query, limit| {
        Ok(json!({"series": s.figures(query, limit)?}))
    })
    .await
}

/// `GET /api/sources?q=`: who said what, and the independent reports.
pub(crate) async fn sources(
    State(state): State<AppState>,
    Params(q): Params<StoryQuery>,
) -> ApiResult<Response> {
    story_read(state, q, |s, query, limit| {
        let view = s.sources(query, limit)?;
        Ok(json!({"speakers": view.speakers, "reports": view.reports}))
    })
    .await
}

/// The entity page: the entity (its names and roles over time, from the
/// ledger's canonical entities) and its claims.
pub(crate) fn entity_page(s: &dyn Store, name: &str, page: Page) -> ApiResult<serde_json::Value> {
    let candidates = s.canonical_entities(name, 20, 0)?;
    let entity = candidates
        .iter()
        .find(|e| e.name.eq_ignore_ascii_case(name))
        .or_else(|| {
            candidates
                .iter()
                .find(|e| e.aliases.iter().any(|a| a.eq_ignore_ascii_case(name)))
        })
        .or(candidates.first())
        .cloned();
    let claims = s.claims(&ClaimFilter {
        entity: Some(
            entity
                .as_ref()
                .map_or(name, |e| e.name.as_str())
                .to_string(),
        ),
        limit: Some(page.limit.min(MAX_LIMIT)),
        offset: page.offset,
        ..Default::default()
    })?;
    if entity.is_none() && claims.is_empty() {
        return Err(ApiError::not_found("no such entity"));
    }
    Ok(json!({
        "name": name,
        "entity": entity,
        "claims": claims,
        "limit": page.limit,
        "offset": page.offset,
    }))
}
