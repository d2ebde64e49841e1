//! `claimtrail.Ledger`: a claim ledger in a SQLite file, from Python.

use crate::convert::{self, Meta};
use crate::{ClaimtrailError, LedgerError};
use claimtrail_ledger::{is_postgres_url, AddOutcome, ClaimFilter, SqliteStore, Store};
use claimtrail_text::Document;
use pyo3::exceptions::{PyFileNotFoundError, PyTypeError, PyUserWarning, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyDict, PyString};
use serde::Serialize;
use std::path::PathBuf;
use std::sync::Mutex;

/// The path that opens a throw-away ledger in memory.
const MEMORY: &str = ":memory:";

/// A claim ledger stored in a SQLite file (created when missing unless
/// `create=False`; `":memory:"` keeps it in memory).
///
/// `ingest` analyses articles and stores them with their claims (adding the
/// same text twice adds nothing); `claims`, `timeline`, `story`, `figures`
/// and `sources` read it back as the CLI's `--format json` shows it, as
/// plain dicts and lists. A Ledger is a context manager: `with
/// claimtrail.Ledger("ledger.db") as ledger: ...` closes it at the end.
#[pyclass(module = "claimtrail")]
pub struct Ledger {
    store: Mutex<Option<Box<dyn Store + Send>>>,
    path: String,
}

/// What `ingest` did, summed over its articles.
#[derive(Debug, Default, Serialize)]
struct IngestSummary {
    /// Articles given.
    documents: usize,
    /// Articles stored now.
    added: usize,
    /// Articles whose text was stored before (nothing added).
    already_present: usize,
    /// Claims stored now.
    claims: usize,
    /// The content hash of each article, in the order given.
    ids: Vec<String>,
}

fn ledger_err(e: claimtrail_ledger::LedgerError) -> PyErr {
    LedgerError::new_err(e.to_string())
}

impl Ledger {
    /// Runs `f` on the open store, the GIL released.
    fn with_store<T: Send>(
        &self,
        py: Python<'_>,
        f: impl FnOnce(&mut dyn Store) -> PyResult<T> + Send,
    ) -> PyResult<T> {
        py.detach(|| {
            let mut guard = self
                .store
                .lock()
                .map_err(|_| ClaimtrailError::new_err("the ledger was poisoned by a failure"))?;
            let store = guard
                .as_mut()
                .ok_or_else(|| LedgerError::new_err(format!("ledger {} is closed", self.path)))?;
            crate::guarded("using the ledger", || f(store.as_mut()))?
        })
    }

    /// Runs a read and returns its result as Python values.
    fn read<'py, T: Serialize + Send>(
        &self,
        py: Python<'py>,
        f: impl FnOnce(&dyn Store) -> claimtrail_ledger::Result<T> + Send,
    ) -> PyResult<Bound<'py, PyAny>> {
        let value = self.with_store(py, |store| f(&*store).map_err(ledger_err))?;
        convert::to_python(py, &value)
    }
}

#[pymethods]
impl Ledger {
    #[new]
    #[pyo3(signature = (path, *, create=true))]
    fn new(py: Python<'_>, path: PathBuf, create: bool) -> PyResult<Ledger> {
        let name = path.display().to_string();
        let server = is_postgres_url(&name);
        if name != MEMORY && !server && !create && !path.exists() {
            return Err(PyFileNotFoundError::new_err(format!(
                "{name}: no such ledger (open it with create=True to make one)"
            )));
        }
        let store = py
            .detach(|| {
                crate::guarded("opening the ledger", || match name.as_str() {
                    MEMORY => SqliteStore::open_in_memory().map(|s| Box::new(s) as _),
                    _ if server => claimtrail_ledger::open_store(&name),
                    _ => SqliteStore::open(&path).map(|s| Box::new(s) as _),
                })
            })?
            .map_err(ledger_err)?;
        Ok(Ledger {
            store: Mutex::new(Some(store)),
            path: name,
        })
    }

    /// The path the ledger was opened with.
    #[getter]
    fn path(&self) -> &str {
        &self.path
    }

    /// Analyse articles and store them with their claims.
    ///
    /// `articles` is one article's text, or an iterable of dicts with `text`
    /// (required) and optional `published`, `title`, `url` and `source`, as
    /// in a JSON Lines file. The keyword arguments give the metadata of a
    /// single text; for dicts they fill in what a record does not say (a
    /// record's own date wins, as in the CLI). A record date before 1900 or
    /// after tomorrow is dropped with a warning. Every article is checked
    /// before any is stored; each is stored in its own transaction, so the
    /// same text given again adds nothing.
    ///
    /// Returns `{"documents", "added", "already_present", "claims", "ids"}`.
    #[pyo3(signature = (articles, published=None, title=None, url=None, source=None))]
    fn ingest<'py>(
        &self,
        py: Python<'py>,
        articles: &Bound<'py, PyAny>,
        published: Option<&Bound<'py, PyAny>>,
        title: Option<String>,
        url: Option<String>,
        source: Option<String>,
    ) -> PyResult<Bound<'py, PyAny>> {
        let defaults = Meta {
            published: convert::date_arg(published, "published")?,
            title,
            url,
            source,
        };
        let docs = documents(py, articles, defaults)?;
        let summary = self.with_store(py, move |store| store_all(store, docs))?;
        convert::to_python(py, &summary)
    }

    /// Claims matching every filter given, by statement date, as a list of
    /// dicts (the claim's fields and its `document`).
    ///
    /// `speaker` and `entity` match a case-insensitive part of a name (or
    /// the speaker's role); `stance` is one of assert, confirm, deny,
    /// cannot_confirm, predict, urge; `since` and `until` bound the
    /// statement date (inclusive; a date or `YYYY-MM-DD`); `text` holds words
    /// that must all occur in the claim or its sentence. `limit=None` returns
    /// every match.
    #[pyo3(signature = (*, speaker=None, entity=None, stance=None, since=None, until=None, text=None, limit=None, offset=0))]
    #[allow(clippy::too_many_arguments)]
    fn claims<'py>(
        &self,
        py: Python<'py>,
        speaker: Option<String>,
        entity: Option<String>,
        stance: Option<String>,
        since: Option<&Bound<'py, PyAny>>,
        until: Option<&Bound<'py, PyAny>>,
        text: Option<String>,
        limit: Option<usize>,
        offset: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        let day = |d: Option<chrono::NaiveDate>| d.map(|d| d.format("%Y-%m-%d").to_string());
        let filter = ClaimFilter {
            speaker,
            entity,
            stance: convert::stance_arg(stance)?,
            since: day(convert::date_arg(since, "since")?),
            until: day(convert::date_arg(until, "until")?),
            text,
            limit,
            offset,
        };
        self.read(py, move |s| s.claims(&filter))
    }

    /// The claims by or about an entity whose name contains `name`, in date order.
    fn timeline<'py>(&self, py: Python<'py>, name: String) -> PyResult<Bound<'py, PyAny>> {
        self.read(py, move |s| s.timeline(&name))
    }

    /// Propositions (claims from any source stating the same thing) about
    /// the entity `query` names or matching its words, largest first (at
    /// most `limit`, 20 as in the CLI); each
    /// with its claims, their roles (supports, disputes, withholds ...), the
    /// links between them and its figure series.
    #[pyo3(signature = (query, limit=20))]
    fn story<'py>(
        &self,
        py: Python<'py>,
        query: String,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.read(py, move |s| s.story(&query, limit))
    }

    /// The figure series of the propositions `story(query)` finds: each
    /// figure over time per source, with a low/best/high summary.
    #[pyo3(signature = (query, limit=20))]
    fn figures<'py>(
        &self,
        py: Python<'py>,
        query: String,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.read(py, move |s| s.figures(&query, limit))
    }

    /// Who said what in the propositions `story(query)` finds, by speaker,
    /// and the independent reports with their syndicated copies.
    #[pyo3(signature = (query, limit=20))]
    fn sources<'py>(
        &self,
        py: Python<'py>,
        query: String,
        limit: usize,
    ) -> PyResult<Bound<'py, PyAny>> {
        self.read(py, move |s| s.sources(&query, limit))
    }

    /// How many documents, claims and canonical entities the ledger holds.
    fn stats<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        self.read(py, |s| s.stats())
    }

    /// Closes the ledger; using it afterwards raises `LedgerError`.
    fn close(&self, py: Python<'_>) -> PyResult<()> {
        py.detach(|| {
            if let Ok(mut guard) = self.store.lock() {
                guard.take();
            }
        });
        Ok(())
    }

    fn __enter__(slf: Py<Self>) -> Py<Self> {
        slf
    }

    #[pyo3(signature = (*_exc))]
    fn __exit__(&self, py: Python<'_>, _exc: &Bound<'_, pyo3::types::PyTuple>) -> PyResult<bool> {
        self.close(py)?;
        Ok(false)
    }

    fn __repr__(&self) -> String {
        format!("claimtrail.Ledger({:?})", self.path)
    }
}

/// The documents of `ingest`'s argument, all checked before any is stored.
fn documents(
    py: Python<'_>,
    articles: &Bound<'_, PyAny>,
    defaults: Meta,
) -> PyResult<Vec<Document>> {
    if let Ok(text) = articles.cast::<PyString>() {
        return Ok(vec![convert::document(text.to_str()?, defaults)?]);
    }
    let items = articles.try_iter().map_err(|_| {
        PyTypeError::new_err("articles must be a string or an iterable of dicts with \"text\"")
    })?;
    let mut docs = Vec::new();
    for (n, item) in items.enumerate() {
        let record = n + 1;
        let item = item?;
        let dict = item.cast::<PyDict>().map_err(|_| {
            PyTypeError::new_err(format!("article {record}: expected a dict with \"text\""))
        })?;
        docs.push(record_document(py, dict, &defaults).map_err(|e| {
            let kind = e.get_type(py);
            PyErr::from_type(kind, format!("article {record}: {}", e.value(py)))
        })?);
    }
    Ok(docs)
}

/// One dict of `ingest`: its own fields, the defaults for those it lacks.
fn record_document(
    py: Python<'_>,
    dict: &Bound<'_, PyDict>,
    defaults: &Meta,
) -> PyResult<Document> {
    let text: String = match dict.get_item("text")? {
        Some(t) => t
            .extract()
            .map_err(|_| PyTypeError::new_err("\"text\" must be a string"))?,
        None => return Err(PyValueError::new_err("missing \"text\"")),
    };
    let string = |key: &str| -> PyResult<Option<String>> {
        match dict.get_item(key)? {
            Some(v) if !v.is_none() => v
                .extract()
                .map(Some)
                .map_err(|_| PyTypeError::new_err(format!("{key:?} must be a string"))),
            _ => Ok(None),
        }
    };
    let meta = Meta {
        published: convert::date_arg(dict.get_item("published")?.as_ref(), "\"published\"")?,
        title: string("title")?.or_else(|| defaults.title.clone()),
        url: string("url")?.or_else(|| defaults.url.clone()),
        source: string("source")?.or_else(|| defaults.source.clone()),
    };
    let mut doc = convert::document(&text, meta)?;
    // An impossible date of the record's own is dropped with a warning, as
    // the CLI does; the default date then fills in.
    let today = claimtrail_ingest::today().map_err(PyValueError::new_err)?;
    if let Some(why) = claimtrail_ingest::check_published(&mut doc, today) {
        let why = std::ffi::CString::new(why.replace('\0', " "))?;
        PyErr::warn(py, &py.get_type::<PyUserWarning>(), &why, 2)?;
    }
    let published = &mut doc.meta_mut().published;
    if published.is_none() {
        *published = defaults.published;
    }
    Ok(doc)
}

/// Analyses and stores each document in its own transaction.
fn store_all(store: &mut dyn Store, docs: Vec<Document>) -> PyResult<IngestSummary> {
    let mut summary = IngestSummary::default();
    for doc in docs {
        let (article, text) = crate::analyse(doc)?;
        summary.documents += 1;
        summary.ids.push(article.document.id.clone());
        match store.add(&article, &text).map_err(ledger_err)? {
            AddOutcome::Added { claims } => {
                summary.added += 1;
                summary.claims += claims;
            }
            AddOutcome::AlreadyPresent => summary.already_present += 1,
        }
    }
    Ok(summary)
}
