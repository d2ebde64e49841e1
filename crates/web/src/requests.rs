//! Request ids: every request gets a number, carried by the tracing span its
//! handler runs in (so every logged error names it) and returned to the
//! client as `X-Request-Id`, so that a user's report can be found in the log.

use axum::extract::Request;
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::sync::atomic::{AtomicU64, Ordering};
use tracing::Instrument;

static NEXT_ID: AtomicU64 = AtomicU64::new(1);

/// The response header that carries the request id.
pub const REQUEST_ID: &str = "x-request-id";

/// Runs the request in a span `request{id, method, path}`, logs server
/// errors and refusals for load, and sets `X-Request-Id`.
pub async fn with_id(req: Request, next: Next) -> Response {
    let id = NEXT_ID.fetch_add(1, Ordering::Relaxed);
    let span = tracing::info_span!("request", id, method = %req.method(), path = %req.uri().path());
    let mut response = next.run(req).instrument(span.clone()).await;
    let status = response.status();
    if status.is_server_error() {
        span.in_scope(|| tracing::warn!(status = status.as_u16(), "answered with an error"));
    }
    response
        .headers_mut()
        .insert(REQUEST_ID, HeaderValue::from(id));
    response
}
