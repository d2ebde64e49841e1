//! API errors: every failure is a JSON body `{"error": "..."}` with its status.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use claimtrail_ledger::LedgerError;

/// An error answered to the client.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiError {
    pub status: StatusCode,
    pub message: String,
    /// Seconds after which the client may try again (`Retry-After`, on 503).
    pub retry_after: Option<u32>,
}

impl ApiError {
    /// An error with any status.
    pub fn new(status: StatusCode, message: impl Into<String>) -> ApiError {
        ApiError {
            status,
            message: message.into(),
            retry_after: None,
        }
    }

    /// 503 with `Retry-After`: the ledger is busy with another writer (an
    /// ingest, another server) for longer than a request may wait. Nothing
    /// was written; the same request can be sent again.
    pub fn busy() -> ApiError {
        tracing::warn!("ledger busy: answered 503");
        ApiError {
            retry_after: Some(RETRY_AFTER_SECS),
            ..ApiError::new(
                StatusCode::SERVICE_UNAVAILABLE,
                "the ledger is busy with another writer; try again shortly",
            )
        }
    }

    /// 400: a parameter or body the API cannot use.
    pub fn bad_request(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::BAD_REQUEST, message)
    }

    /// 404: no such route, document, claim or entity.
    pub fn not_found(message: impl Into<String>) -> ApiError {
        ApiError::new(StatusCode::NOT_FOUND, message)
    }

    /// 500, logged: the client learns only that the server failed.
    pub fn internal(detail: impl std::fmt::Display) -> ApiError {
        tracing::error!("internal error: {detail}");
        ApiError::new(StatusCode::INTERNAL_SERVER_ERROR, "internal server error")
    }
}

impl From<LedgerError> for ApiError {
    fn from(e: LedgerError) -> ApiError {
        match e {
            LedgerError::Query(reason) => ApiError::bad_request(reason),
            e if e.is_busy() => ApiError::busy(),
            other => ApiError::internal(other),
        }
    }
}

/// The `Retry-After` of a busy answer, in seconds.
pub const RETRY_AFTER_SECS: u32 = 2;

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let mut response = (
            self.status,
            Json(serde_json::json!({ "error": self.message })),
        )
            .into_response();
        if let Some(secs) = self.retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        response
    }
}

/// The result of a handler step.
pub type ApiResult<T> = Result<T, ApiError>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite_error(code: i32) -> LedgerError {
        LedgerError::Sqlite(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(code),
            None,
        ))
    }

    #[test]
    fn a_busy_ledger_is_503_with_retry_after() {
        for code in [rusqlite::ffi::SQLITE_BUSY, rusqlite::ffi::SQLITE_LOCKED] {
            let response = ApiError::from(sqlite_error(code)).into_response();
            assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
            assert_eq!(
                response.headers()[axum::http::header::RETRY_AFTER],
                RETRY_AFTER_SECS.to_string().as_str()
            );
        }
        let other = ApiError::from(sqlite_error(rusqlite::ffi::SQLITE_CORRUPT));
        assert_eq!(other.status, StatusCode::INTERNAL_SERVER_ERROR);
        assert_eq!(other.retry_after, None);
    }
}
