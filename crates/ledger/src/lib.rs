//! The ledger: where analysed articles and their claims are kept and queried,
//! and where claims from many documents are brought together.
//!
//! [`Store`] is the storage interface; [`SqliteStore`] is the embedded default.
//! Each article goes in as one transaction keyed by its content hash, so adding
//! the same text twice adds nothing, and a failure never leaves half an article
//! or touches what was stored before.
//!
//! The cross-document work happens inside that transaction, so the ledger is
//! always up to date (docs/ledger.md describes the methods):
//! - `aliases`: canonical entities across documents, roles over time, and
//!   the user's merge and split decisions;
//! - `propositions`: claims grouped when they state the same thing;
//! - `links`: supports, disputes, withholds, updates, repeats between claims;
//! - `independence`: syndicated copies share an origin; relayed claims;
//! - `figures`: figure series with a low/best/high summary;
//! - `views`: what the story, figures and sources queries return.

mod aliases;
mod crossdoc;
pub mod db;
pub mod figures;
mod independence;
pub mod links;
pub mod norm;
mod ops;
mod postgres;
mod propositions;
mod schema;
mod sqlite;
mod views;

pub use figures::{FigurePoint, FigureSeries, FigureSummary};
pub use links::ClaimLink;
pub use ops::analysed_with;
pub use postgres::{is_postgres_url, redact, PgStore};
pub use sqlite::{has_search_words, SqliteStore};

use claimtrail_extract::json::{ArticleJson, ClaimJson};
use serde::Serialize;

/// Why a ledger operation failed.
#[derive(Debug, thiserror::Error)]
pub enum LedgerError {
    /// The file cannot be opened as a ledger (a folder, not SQLite, no access).
    #[error("database {path}: {reason}")]
    Open { path: String, reason: String },
    /// SQLite refused a statement.
    #[error("database error: {0}")]
    Sqlite(#[from] rusqlite::Error),
    /// PostgreSQL refused a statement or the connection broke.
    #[error("PostgreSQL error: {0}")]
    Postgres(String),
    /// A stored value does not read back (JSON that no longer parses, a broken merge chain).
    #[error("stored data is corrupt: {0}")]
    Corrupt(String),
    /// The request cannot be carried out (an entity to merge or split that is
    /// unknown, ambiguous or already merged).
    #[error("invalid query: {0}")]
    Query(String),
}

impl LedgerError {
    /// Whether the operation gave up waiting for another writer (another
    /// ingest or server holding the ledger's write lock): trying again later
    /// can succeed, nothing was written.
    pub fn is_busy(&self) -> bool {
        match self {
            LedgerError::Sqlite(e) => sqlite::is_busy(e),
            _ => false,
        }
    }
}

/// The result of a ledger operation.
pub type Result<T> = std::result::Result<T, LedgerError>;

/// What `add` did with an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AddOutcome {
    /// Stored, with this many claims.
    Added { claims: usize },
    /// The same text was stored before.
    AlreadyPresent,
}

/// What [`Store::replace`] did with an article.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReplaceOutcome {
    /// Its text was not stored: stored, with this many claims.
    Added { claims: usize },
    /// Its text was stored with another analysis: that analysis and what
    /// the ledger derived from it replaced by this one, with this many claims.
    Updated { claims: usize },
    /// Its text was stored with this same analysis: nothing to do.
    Unchanged,
}

/// Which claims to return. All conditions must hold; `None` means any.
#[derive(Clone, Debug, Default)]
pub struct ClaimFilter {
    /// The speaker: a canonical entity's name, alias or surname, or the
    /// speaker's name as written (case-insensitive); never part of a role.
    pub speaker: Option<String>,
    /// Case-insensitive substring of an entity the claim is by or about.
    pub entity: Option<String>,
    /// A stance name (`assert`, `cannot_confirm`, ...; see `claimtrail_attribution::Stance`).
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

/// The document a claim or view row comes from, as stored (dates YYYY-MM-DD).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentRef {
    /// The content hash (16 hex digits), as in `ArticleJson`.
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
    /// Stores an article, or, when its text is stored with another analysis
    /// (other options such as `--published`, another engine version, or
    /// stored before analyses were recorded), replaces that analysis: in one
    /// transaction the document's claims leave their propositions (emptied
    /// ones go), its links, figures, entity rows, roles and search rows go,
    /// its copy group gets its origin again, and the new analysis goes in as
    /// `add` would put it. Canonical entities and their aliases stay.
    fn replace(&mut self, article: &ArticleJson, text: &str) -> Result<ReplaceOutcome>;
    /// Whether this article's text is stored with another analysis than this
    /// one (or one not recorded): what [`Store::replace`] would update.
    fn is_outdated(&self, article: &ArticleJson) -> Result<bool>;
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
    /// How many documents, claims and canonical entities the ledger holds.
    fn stats(&self) -> Result<Stats>;
    /// Stored documents, newest publication first.
    fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>>;
    /// Entities whose canonical name contains `name` (case-insensitive), with
    /// how many documents and claims involve them; most claims first.
    fn entities(&self, name: &str, limit: usize, offset: usize) -> Result<Vec<EntitySummary>>;
    /// Full-text search: claims and documents matching all the words of `query`
    /// (stemmed, case- and accent-insensitive), best match first.
    fn search(&self, query: &str, limit: usize) -> Result<SearchResults>;

    /// Propositions about the entity `query` names, or whose claims match its
    /// words; the largest first, each with its claims, links and figures.
    fn story(&self, query: &str, limit: usize) -> Result<Vec<Proposition>>;
    /// One proposition by id (a proposition merged into another gives that one).
    fn proposition(&self, id: i64) -> Result<Option<Proposition>>;
    /// The figure series of the propositions [`Store::story`] finds.
    fn figures(&self, query: &str, limit: usize) -> Result<Vec<FigureSeries>>;
    /// Who said what in those propositions, by speaker, and the independent
    /// reports with their syndicated copies.
    fn sources(&self, query: &str, limit: usize) -> Result<SourcesView>;
    /// Canonical entities one of whose names contains `name`, with their
    /// aliases and roles over time; most documents first.
    fn canonical_entities(
        &self,
        name: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<CanonicalEntity>>;
    /// Merges entity `from` into `into` (ids like `#12`, or names); the
    /// decision is kept and applies to later documents.
    fn merge_entities(&mut self, from: &str, into: &str) -> Result<EntityDecision>;
    /// Splits the name `alias` off `entity` into an entity of its own; kept
    /// and applied to later documents.
    fn split_entity(&mut self, entity: &str, alias: &str) -> Result<EntityDecision>;
    /// The documents of the near-duplicate group of a document, its origin first.
    fn copies(&self, doc_id: &str) -> Result<Vec<DocumentRef>>;
    /// Where a stored document's entities and claims went: the canonical
    /// entity of each entity, the proposition of each claim.
    fn cross_links(&self, doc_id: &str) -> Result<DocumentLinks>;
}

/// A document's entities and claims in the cross-document ledger.
#[derive(Clone, Debug, Default, PartialEq, Serialize)]
pub struct DocumentLinks {
    /// (entity id in the document, canonical entity id).
    pub entities: Vec<(String, i64)>,
    /// (claim id, proposition id).
    pub claims: Vec<(String, i64)>,
}

/// Claims from any documents that state the same thing about the same entities.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Proposition {
    pub id: i64,
    /// The text of its most representative supporting claim.
    pub gist: String,
    /// Its leading terms: entity names, concepts, words.
    pub terms: Vec<String>,
    pub first_stated: Option<String>,
    pub last_stated: Option<String>,
    /// How many claims it has (`claims` shows the first 200 by date).
    pub members: usize,
    pub sources: SourceCounts,
    /// In statement date order.
    pub claims: Vec<PropositionClaim>,
    pub links: Vec<ClaimLink>,
    pub figures: Vec<FigureSeries>,
}

/// A claim in its proposition.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct PropositionClaim {
    #[serde(flatten)]
    pub record: ClaimRecord,
    /// `supports`, `disputes`, `withholds`, `predicts`, `urges`, or `relays`
    /// (a claim that reports another speaker's claim).
    pub role: String,
    /// The canonical entity of the speaker.
    pub speaker_entity: Option<i64>,
    /// The first document of the near-duplicate group the claim's document is in.
    pub origin: String,
    /// Who relayed the claim ("Reuters" in "Reuters reported that the ministry said").
    pub relay: Option<String>,
}

/// Independent sources behind a proposition: distinct speakers (a claim
/// without a known speaker counts as its report) by role, and reports
/// (syndicated copies counted once).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize)]
pub struct SourceCounts {
    pub supporting: usize,
    pub disputing: usize,
    pub withholding: usize,
    pub reports: usize,
    pub documents: usize,
}

/// What [`Store::sources`] returns: who said what, and where it was reported.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourcesView {
    /// Speakers, the one in most independent reports first.
    pub speakers: Vec<SpeakerSources>,
    /// Independent reports, each with its copies.
    pub reports: Vec<ReportGroup>,
}

/// One speaker of a story and the claims they made in it.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SpeakerSources {
    pub speaker: String,
    pub entity: Option<i64>,
    /// Independent reports (origins) carrying this speaker's claims.
    pub reports: usize,
    pub claims: Vec<SourceClaim>,
}

/// A claim of a speaker in [`SpeakerSources`], with its proposition and role.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SourceClaim {
    pub claim_id: String,
    pub proposition: i64,
    pub role: String,
    pub stance: String,
    pub stated: Option<String>,
    pub text: String,
    pub origin: String,
    pub relay: Option<String>,
    pub document: DocumentRef,
}

/// One independent report and its syndicated copies.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct ReportGroup {
    pub origin: DocumentRef,
    pub copies: Vec<DocumentRef>,
    /// Claims of the query's propositions in this group's documents.
    pub claims: usize,
    pub speakers: Vec<String>,
}

/// A ledger-wide entity: the names it was written with and the roles seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct CanonicalEntity {
    pub id: i64,
    pub name: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub country: Option<String>,
    pub aliases: Vec<String>,
    /// Most recently seen first.
    pub roles: Vec<RoleSeen>,
    pub documents: usize,
    /// Whether a user decision (merge/split) shaped it.
    pub decided: bool,
}

/// A role an entity was given ("Defence Secretary") and when it was seen.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct RoleSeen {
    pub role: String,
    pub first_seen: Option<String>,
    pub last_seen: Option<String>,
    pub documents: usize,
}

/// A merge or split the user made, as recorded.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct EntityDecision {
    pub action: String,
    pub subject: String,
    pub object: String,
    /// The entity that resulted (the merged one, or the one split off).
    pub entity: CanonicalEntity,
}

/// A stored document with its source line and claim count (document lists).
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct DocumentSummary {
    #[serde(flatten)]
    pub document: DocumentRef,
    pub source_line: Option<String>,
    pub claims: usize,
}

/// An entity with how many documents and claims involve it (entity lists).
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

/// What [`Store::search`] returns.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct SearchResults {
    pub claims: Vec<ClaimRecord>,
    pub documents: Vec<DocumentSummary>,
}

/// Opens the ledger `db` names: a PostgreSQL URL (`postgresql://user@host:port/db`)
/// or the path of a SQLite file (created if missing).
pub fn open_store(db: &str) -> Result<Box<dyn Store + Send>> {
    if is_postgres_url(db) {
        Ok(Box::new(PgStore::open(db)?))
    } else {
        Ok(Box::new(SqliteStore::open(std::path::Path::new(db))?))
    }
}
