//! Cross-document views: stories (propositions with their claims), figure
//! series and entity pages.
//!
//! These are built here from the claim queries of the `Store` (claims about
//! the query, grouped and ordered by date; figures from the claims'
//! quantities) until the ledger exposes its own propositions and series.

use crate::api::{required, Page, Params, MAX_LIMIT};
use crate::error::{ApiError, ApiResult};
use crate::AppState;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_ledger::{ClaimFilter, ClaimRecord, SqliteStore, Store};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Claims looked at for one story or figure query.
const STORY_CLAIMS: usize = MAX_LIMIT;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct StoryQuery {
    q: Option<String>,
}

/// The role of a claim in its proposition, from its stance.
fn role_of(stance: &str) -> &'static str {
    match stance {
        "deny" => "disputes",
        "cannot_confirm" => "withholds",
        "urge" => "urges",
        "predict" => "predicts",
        _ => "supports",
    }
}

#[derive(Serialize)]
struct StoryClaim<'a> {
    #[serde(flatten)]
    record: &'a ClaimRecord,
    /// `supports`, `disputes`, `withholds`, `predicts`, `urges` or `relays`.
    role: &'static str,
}

/// Claims by or about `query` (an entity name) and claims matching its words,
/// without duplicates, in date order.
fn claims_about(s: &SqliteStore, query: &str) -> ApiResult<Vec<ClaimRecord>> {
    let mut claims = s.claims(&ClaimFilter {
        entity: Some(query.to_string()),
        limit: Some(STORY_CLAIMS),
        ..Default::default()
    })?;
    for c in s.search(query, STORY_CLAIMS)?.claims {
        if !claims.iter().any(|k| k.claim.id == c.claim.id) {
            claims.push(c);
        }
    }
    claims.sort_by(|a, b| {
        (
            a.claim.stated.is_none(),
            &a.claim.stated,
            &a.document.published,
            &a.claim.id,
        )
            .cmp(&(
                b.claim.stated.is_none(),
                &b.claim.stated,
                &b.document.published,
                &b.claim.id,
            ))
    });
    claims.truncate(STORY_CLAIMS);
    Ok(claims)
}

pub(crate) async fn stories(
    State(state): State<AppState>,
    Params(q): Params<StoryQuery>,
) -> ApiResult<Response> {
    let query = required("q", q.q)?;
    let out = state
        .pool
        .run(move |s| {
            let claims = claims_about(s, &query)?;
            let mut propositions = Vec::new();
            if !claims.is_empty() {
                let series = series_of(&claims);
                propositions.push(serde_json::json!({
                    "id": 1,
                    "gist": format!("What sources said about {query}"),
                    "terms": [query],
                    "first_stated": claims.iter().find_map(|c| c.claim.stated.clone()),
                    "last_stated": claims.iter().rev().find_map(|c| c.claim.stated.clone()),
                    "members": claims.len(),
                    "claims": claims.iter().map(|record| StoryClaim { record, role: role_of(&record.claim.stance) }).collect::<Vec<_>>(),
                    "links": [],
                    "figures": series,
                }));
            }
            Ok(serde_json::json!({"query": query, "propositions": propositions}))
        })
        .await?;
    Ok(Json(out).into_response())
}

pub(crate) async fn figures(
    State(state): State<AppState>,
    Params(q): Params<StoryQuery>,
) -> ApiResult<Response> {
    let query = required("q", q.q)?;
    let out = state
        .pool
        .run(move |s| {
            let claims = claims_about(s, &query)?;
            Ok(serde_json::json!({"query": query, "series": series_of(&claims)}))
        })
        .await?;
    Ok(Json(out).into_response())
}

/// The word a counted phrase is grouped by: its head noun, singular, with the
/// usual news synonyms for military personnel taken as one measure.
fn measure_of(counted: &str) -> String {
    let head = counted
        .split(|c: char| !c.is_alphanumeric())
        .rfind(|w| !w.is_empty())
        .unwrap_or("")
        .to_lowercase();
    let singular = head.strip_suffix('s').unwrap_or(&head).to_string();
    match singular.as_str() {
        "soldier" | "troop" | "servicemen" | "serviceman" | "personnel" | "fighter" => {
            "personnel".to_string()
        }
        _ => singular,
    }
}

const SUMMARY_RULE: &str = "each source's latest figure (supporting claims only); low = least, \
high = greatest (stated bounds included), best = median (the lower middle when even)";

/// Figure series of the claims: one per measure, values in date order.
fn series_of(claims: &[ClaimRecord]) -> Vec<serde_json::Value> {
    let mut groups: BTreeMap<String, Vec<(&ClaimRecord, &claimtrail_extract::json::QuantityJson)>> =
        BTreeMap::new();
    for r in claims {
        for f in r.claim.quantities.iter().filter(|f| !f.change) {
            let measure = match (&f.unit, &f.counted) {
                (Some(unit), _) => unit.clone(),
                (None, Some(counted)) => measure_of(counted),
                (None, None) => continue,
            };
            if !measure.is_empty() {
                groups.entry(measure).or_default().push((r, f));
            }
        }
    }
    let mut out: Vec<(usize, serde_json::Value)> = groups
        .into_iter()
        .map(|(measure, points)| {
            let summary = summary_of(&points);
            let points: Vec<serde_json::Value> = points
                .iter()
                .map(|(r, f)| {
                    let role = role_of(&r.claim.stance);
                    serde_json::json!({
                        "claim_id": r.claim.id, "value": f.value, "low": f.low, "high": f.high,
                        "qualifier": f.qualifier, "text": f.text,
                        "stated": r.claim.stated.as_deref().or(r.document.published.as_deref()),
                        "speaker": r.claim.speaker_name,
                        "source": r.claim.speaker_name.clone().unwrap_or_else(|| r.document.id.clone()),
                        "role": role, "document": r.document,
                    })
                })
                .collect();
            (
                points.len(),
                serde_json::json!({"proposition": 1, "gist": "", "measure": measure, "points": points, "summary": summary}),
            )
        })
        .collect();
    // The measure with most values first.
    out.sort_by_key(|b| std::cmp::Reverse(b.0));
    out.into_iter().map(|(_, v)| v).collect()
}

/// Low/best/high over each source's latest supporting value.
fn summary_of(
    points: &[(&ClaimRecord, &claimtrail_extract::json::QuantityJson)],
) -> Option<serde_json::Value> {
    let mut latest: BTreeMap<&str, &claimtrail_extract::json::QuantityJson> = BTreeMap::new();
    for (r, f) in points {
        if role_of(&r.claim.stance) == "supports" {
            // Points are in date order, so the last one seen is the latest.
            latest.insert(r.claim.speaker_name.as_deref().unwrap_or(&r.document.id), f);
        }
    }
    if latest.is_empty() {
        return None;
    }
    let mut values: Vec<f64> = latest.values().map(|f| f.value).collect();
    values.sort_by(f64::total_cmp);
    let best = values[(values.len() - 1) / 2];
    let low = latest
        .values()
        .map(|f| f.low.unwrap_or(f.value))
        .fold(f64::INFINITY, f64::min);
    let high = latest
        .values()
        .map(|f| f.high.unwrap_or(f.value))
        .fold(f64::NEG_INFINITY, f64::max);
    Some(
        serde_json::json!({"low": low, "best": best, "high": high, "sources": latest.len(), "rule": SUMMARY_RULE}),
    )
}

/// A role an entity was seen with, and when.
#[derive(Serialize)]
struct RoleSpan {
    role: String,
    first: Option<String>,
    last: Option<String>,
    claims: usize,
}

/// The entity page: the entity, its roles over time and its claims.
pub(crate) fn entity_page(s: &SqliteStore, name: &str, page: Page) -> ApiResult<serde_json::Value> {
    let candidates = s.entities(name, 20, 0)?;
    let entity = candidates
        .iter()
        .find(|e| e.canonical.eq_ignore_ascii_case(name))
        .or(candidates.first())
        .cloned();
    let claims = s.claims(&ClaimFilter {
        entity: Some(name.to_string()),
        limit: Some(page.limit),
        offset: page.offset,
        ..Default::default()
    })?;
    if entity.is_none() && claims.is_empty() {
        return Err(ApiError::not_found("no such entity"));
    }
    // Roles over time, from the claims the entity made.
    let spoken = s.claims(&ClaimFilter {
        speaker: Some(name.to_string()),
        limit: Some(MAX_LIMIT),
        ..Default::default()
    })?;
    let mut roles: Vec<RoleSpan> = Vec::new();
    for r in &spoken {
        let Some(role) = r.claim.speaker_role.as_deref() else {
            continue;
        };
        let date = r.claim.stated.clone().or(r.document.published.clone());
        match roles.iter_mut().find(|x| x.role == role) {
            Some(x) => {
                x.claims += 1;
                if date.is_some() && (x.first.is_none() || date < x.first) {
                    x.first = date.clone();
                }
                if date > x.last {
                    x.last = date;
                }
            }
            None => roles.push(RoleSpan {
                role: role.to_string(),
                first: date.clone(),
                last: date,
                claims: 1,
            }),
        }
    }
    roles.sort_by(|a, b| a.first.cmp(&b.first));
    Ok(serde_json::json!({
        "name": name,
        "entity": entity,
        "roles": roles,
        "claims": claims,
        "limit": page.limit,
        "offset": page.offset,
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn measures_group_synonyms_and_plurals() {
        assert_eq!(measure_of("North Korean soldiers"), "personnel");
        assert_eq!(measure_of("North Korean infantry troops"), "personnel");
        assert_eq!(measure_of("Shaheds"), "shahed");
        assert_eq!(measure_of(""), "");
    }

    #[test]
    fn stances_map_to_roles() {
        assert_eq!(role_of("cannot_confirm"), "withholds");
        assert_eq!(role_of("deny"), "disputes");
        assert_eq!(role_of("confirm"), "supports");
    }
}
