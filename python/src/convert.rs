//! Python values in (dates, articles, filters) and JSON out.

use claimtrail_ingest::{InputFormat, ReadOptions};
use claimtrail_text::Document;
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use std::path::Path;

/// How an article given as a string is named in the engine's messages.
const TEXT_LABEL: &str = "<text>";

/// The metadata given with an article.
#[derive(Debug, Default)]
pub(crate) struct Meta {
    pub published: Option<chrono::NaiveDate>,
    pub title: Option<String>,
    pub url: Option<String>,
    pub source: Option<String>,
}

/// A date argument: `None`, a `datetime.date` or `datetime.datetime` (any
/// object with `year`, `month` and `day`, such as a pandas `Timestamp`), or a
/// string `YYYY-MM-DD` or RFC 3339 (its date as written).
pub(crate) fn date_arg(
    value: Option<&Bound<'_, PyAny>>,
    name: &str,
) -> PyResult<Option<chrono::NaiveDate>> {
    let Some(value) = value.filter(|v| !v.is_none()) else {
        return Ok(None);
    };
    if let Ok(s) = value.cast::<PyString>() {
        let s = s.to_str()?;
        return parse_date(s).map(Some).ok_or_else(|| {
            PyValueError::new_err(format!(
                "{name}: {s:?} is not a date (expected YYYY-MM-DD or RFC 3339)"
            ))
        });
    }
    let part = |field: &str| -> PyResult<i64> { value.getattr(field)?.extract() };
    match (part("year"), part("month"), part("day")) {
        (Ok(y), Ok(m), Ok(d)) => i32::try_from(y)
            .ok()
            .zip(u32::try_from(m).ok().zip(u32::try_from(d).ok()))
            .and_then(|(y, (m, d))| chrono::NaiveDate::from_ymd_opt(y, m, d))
            .map(Some)
            .ok_or_else(|| PyValueError::new_err(format!("{name}: {y}-{m}-{d} is not a date"))),
        _ => Err(PyTypeError::new_err(format!(
            "{name} must be a datetime.date or a string YYYY-MM-DD, not {}",
            value.get_type().name()?
        ))),
    }
}

/// `YYYY-MM-DD`, or the date of an RFC 3339 timestamp as written.
fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    let s = s.trim();
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .ok()
        .or_else(|| {
            chrono::DateTime::parse_from_rfc3339(s)
                .ok()
                .map(|t| t.date_naive())
        })
}

/// An article's text as the CLI reads a `.txt` file (a byte-order mark
/// dropped, line breaks normalised, empty or binary text refused), with the
/// given metadata. Errors are `ValueError`s with the engine's reason.
pub(crate) fn document(text: &str, meta: Meta) -> PyResult<Document> {
    let mut docs = claimtrail_ingest::read_bytes(
        Path::new(TEXT_LABEL),
        text.as_bytes(),
        InputFormat::Text,
        &ReadOptions::default(),
    );
    let mut doc = match docs.pop() {
        Some(Ok(doc)) if docs.is_empty() => doc,
        Some(Err(e)) => return Err(PyValueError::new_err(e.to_string())),
        _ => return Err(PyValueError::new_err("expected one article")),
    };
    let m = doc.meta_mut();
    m.path = None;
    m.published = meta.published;
    m.title = meta.title.filter(|t| !t.trim().is_empty());
    // Only absolute http(s) URLs are kept, as every reader of the engine does.
    m.url = meta.url.filter(|u| claimtrail_ingest::is_web_url(u));
    m.outlet = meta.source.filter(|s| !s.trim().is_empty());
    Ok(doc)
}

/// A stance name as the ledger stores it, or a `ValueError` listing them.
pub(crate) fn stance_arg(stance: Option<String>) -> PyResult<Option<String>> {
    use claimtrail_attribution::Stance;
    match stance {
        None => Ok(None),
        Some(s) => match Stance::parse(&s) {
            Some(st) => Ok(Some(st.as_str().to_string())),
            None => Err(PyValueError::new_err(format!(
                "stance: unknown stance {s:?} (expected one of {})",
                Stance::ALL.map(Stance::as_str).join(", ")
            ))),
        },
    }
}

/// A JSON text as Python values (`json.loads`).
pub(crate) fn loads<'py>(py: Python<'py>, json: &str) -> PyResult<Bound<'py, PyAny>> {
    py.import("json")?.getattr("loads")?.call1((json,))
}

/// A serialisable value as Python values, through its JSON.
pub(crate) fn to_python<'py, T: serde::Serialize + ?Sized>(
    py: Python<'py>,
    value: &T,
) -> PyResult<Bound<'py, PyAny>> {
    let json = serde_json::to_string(value)
        .map_err(|e| crate::ClaimtrailError::new_err(format!("serialising a result: {e}")))?;
    loads(py, &json)
}
