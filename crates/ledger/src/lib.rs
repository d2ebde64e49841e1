//! The ledger: where analysed articles and their claims are kept and queried.
//!
//! [`Store`] is the storage interface; [`SqliteStore`] is the embedded default.
//! Each article goes in as one transaction keyed by its content hash, so adding
//! the same text twice adds nothing, and a failure never leaves half an article
//! or touches what was stored before.

mod schema;
mod sqlite;

pub use sqlite::SqliteStore;

use claimtrail_extract::json::{ArticleJson, ClaimJson};
use serde::Serialize;

#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    #[error("database {path}: {reason}")]
    Open { path: String, reason: String },
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    #[error("invalid query: {0}")]
    Query(String),
}

pub type Result<T> = std::result::Result<T, LedgerError>;

/// What `add` did with an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddOutcome {
    Added {
        claims: usize,
    },
    /// The same text was stored before.
    AlreadyPresent,
}

/// Which claims to return. All conditions must hold; `None` means any.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    /// Case-insensitive substring of the speaker's name or role.
    pub speaker: Option<String>,
    /// Case-insensitive substring of an entity the claim is by or about.
    pub entity: Option<String>,
    pub stance: Option<String>,
    /// Inclusive bounds on the statement date (YYYY-MM-DD).
    pub since: Option<String>,
    pub until: Option<String>,
    /// Words that must all occur in the claim or its sentence.
    pub text: Option<String>,
    pub limit: Option<usize>,
    pub offset: usize,
}

/// A claim with the document it came from.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ClaimRecord {
    #[serde(flatten)]
    pub claim: ClaimJson,
    pub document: DocumentRef,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentRef {
    pub id: String,
    pub title: Option<String>,
    pub published: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub path: Option<String>,
}

/// Counts of what the ledger holds.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct Stats {
    pub documents: usize,
    pub claims: usize,
    pub entities: usize,
}

/// Storage of analysed articles. Implementations keep each `add` atomic.
pub trait Store {
    /// Stores an article and its annotations, unless its content hash is known.
    fn add(&mut self, article: &ArticleJson, text: &str) -> Result<AddOutcome>;
    /// Claims matching the filter, ordered by statement date, then document and position.
    fn claims(&self, filter: &ClaimFilter) -> Result<Vec<ClaimRecord>>;
    /// The claims by or about an entity, in date order.
    fn timeline(&self, name: &str) -> Result<Vec<ClaimRecord>> {
        self.claims(&ClaimFilter {
            entity: Some(name.to_string()),
            ..Default::default()
        })
    }
    /// A stored article (its analysis) and its text.
    fn document(&self, id: &str) -> Result<Option<(ArticleJson, String)>>;
    fn stats(&self) -> Result<Stats>;
    /// Stored documents, newest publication first.
    fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>>;
    /// Entities whose canonical name contains `name` (case-insensitive), with
    /// how many documents and claims involve them; most claims first.
    fn entities(&self, name: &str, limit: usize, offset: usize) -> Result<Vec<EntitySummary>>;
    /// Full-text search: claims and documents matching all the words of `query`
    /// (stemmed, case- and accent-insensitive), best match first.
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults>;
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentSummary {
    #[serde(flatten)]
    pub document: DocumentRef,
    pub source_line: Option<String>,
    pub claims: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntitySummary {
    pub canonical: String,
    #[serde(rename = "type")]
    pub etype: String,
    /// Roles seen for this entity, most frequent first.
    pub roles: Vec<String>,
    pub country: Option<String>,
    pub documents: usize,
    pub claims: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    pub claims: Vec<ClaimRecord>,
    pub documents: Vec<DocumentSummary>,
}
