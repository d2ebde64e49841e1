//! `claimtrail._claimtrail`: the Python extension module behind the
//! `claimtrail` package (python/claimtrail). Thin, like the other interfaces:
//! articles become [`Document`]s as the CLI reads plain text, the engine
//! analyses them, and every result crosses into Python as the JSON the CLI
//! prints, parsed by `json.loads`, so Python sees exactly the documented
//! schema (docs/json-schema.md). Errors become Python exceptions carrying the
//! engine's message; a panic is caught before it reaches Python.

mod convert;
mod ledger;

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_text::Document;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;
use std::sync::OnceLock;

create_exception!(
    claimtrail,
    ClaimtrailError,
    PyException,
    "An error of the claimtrail engine; the message says what and why."
);
create_exception!(
    claimtrail,
    LedgerError,
    ClaimtrailError,
    "The ledger cannot be opened, read or written (the message names the file and the reason)."
);

/// The pipeline, with its models and lexicons, loaded once per process.
fn pipeline() -> &'static Pipeline {
    static PIPELINE: OnceLock<Pipeline> = OnceLock::new();
    PIPELINE.get_or_init(Pipeline::new)
}

/// Runs `f`, turning a panic into a `ClaimtrailError` instead of letting it
/// unwind into Python.
pub(crate) fn guarded<T>(what: &str, f: impl FnOnce() -> T) -> PyResult<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)).map_err(|panic| {
        let reason = panic
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown cause".to_string());
        ClaimtrailError::new_err(format!(
            "internal error while {what}: {reason} (please report it)"
        ))
    })
}

/// Analyses one document: the article as the CLI's JSON shows it, and its text.
pub(crate) fn analyse(doc: Document) -> PyResult<(ArticleJson, String)> {
    guarded("analysing the article", || {
        let analysis = pipeline().analyze(doc);
        let text = analysis.doc.text().to_string();
        (ArticleJson::from_analysis(&analysis), text)
    })
}

/// Analyse one article and return what `claimtrail analyze --format json` prints.
///
/// `text` is the article's plain text. `published` (a `datetime.date`, or a
/// string `YYYY-MM-DD` or RFC 3339) anchors its relative dates ("on Tuesday");
/// without it they stay unresolved, as with the CLI. `title`, `url` (kept when
/// it is an absolute http(s) URL) and `source` (the outlet) are stored in
/// `document`. With `include_text`, `document.text` holds the analysed text
/// that the character offsets point into.
///
/// Raises `ValueError` for text the engine refuses (empty, binary, over 10 MB)
/// or a bad date, and `TypeError` for arguments of the wrong type.
#[pyfunction]
#[pyo3(signature = (text, published=None, title=None, url=None, source=None, *, include_text=false))]
fn analyze<'py>(
    py: Python<'py>,
    text: &str,
    published: Option<&Bound<'py, PyAny>>,
    title: Option<String>,
    url: Option<String>,
    source: Option<String>,
    include_text: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let meta = convert::Meta {
        published: convert::date_arg(published, "published")?,
        title,
        url,
        source,
    };
    let doc = convert::document(text, meta)?;
    let (article, text) = py.detach(|| analyse(doc))?;
    let json = serde_json::to_string(&article.output(include_text.then_some(text.as_str())))
        .map_err(|e| ClaimtrailError::new_err(format!("serialising the article: {e}")))?;
    convert::loads(py, &json)
}

/// claimtrail: turn news articles into a claim ledger (who said what, when,
/// with which figures, on what evidence), from Python.
#[pymodule]
fn _claimtrail(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(analyze, m)?)?;
    m.add_class::<ledger::Ledger>()?;
    m.add("ClaimtrailError", m.py().get_type::<ClaimtrailError>())?;
    m.add("LedgerError", m.py().get_type::<LedgerError>())?;
    m.add("SCHEMA_VERSION", claimtrail_extract::json::SCHEMA_VERSION)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
