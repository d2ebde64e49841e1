//! The embedded SQLite store.

use crate::crossdoc::Memory;
use crate::db::{Db, SqliteDb};
use crate::schema::MIGRATIONS;
use crate::{
    aliases, ops, AddOutcome, CanonicalEntity, ClaimFilter, ClaimRecord, DocumentLinks,
    DocumentRef, DocumentSummary, EntityDecision, EntitySummary, FigureSeries, LedgerError,
    Proposition, ReplaceOutcome, Result, SearchResults, SourcesView, Stats, Store,
};
use claimtrail_extract::json::ArticleJson;
use rusqlite::{Connection, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another writer (another ingest, the server)
/// to finish before it gives up with [`LedgerError::Busy`]. Writes are short
/// (one article each), so a wait this long means a stuck process, not load.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// A ledger in one SQLite file (WAL mode, foreign keys on).
pub struct SqliteStore {
    conn: Connection,
    memory: Memory,
}

impl SqliteStore {
    /// Opens or creates the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<SqliteStore> {
        let fail = |reason: String| LedgerError::Open {
            path: path.display().to_string(),
            reason,
        };
        if path.is_dir() {
            return Err(fail("is a folder, not a database file".into()));
        }
        let conn = Connection::open(path).map_err(|e| fail(open_reason(&e, path)))?;
        SqliteStore::init(conn).map_err(|e| match e {
            LedgerError::Sqlite(e) => fail(open_reason(&e, path)),
            other => other,
        })
    }

    /// A throw-away ledger in memory (tests, one-off analyses).
    pub fn open_in_memory() -> Result<SqliteStore> {
        SqliteStore::init(Connection::open_in_memory()?)
    }

    fn init(conn: Connection) -> Result<SqliteStore> {
        conn.busy_timeout(BUSY_TIMEOUT)?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        // WAL keeps readers (the web server) unblocked by a running ingest.
        // Switching a new file to WAL takes an exclusive lock that does not
        // go through the busy handler: two processes opening a new ledger at
        // once retry here instead of failing.
        set_wal(&conn)?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // The cross-document lookups touch index pages all over the file: a
        // 32 MB page cache (instead of 2 MB) keeps them from re-reading disk.
        conn.pragma_update(None, "cache_size", -32_768)?;
        let mut store = SqliteStore {
            conn,
            memory: Memory::default(),
        };
        store.migrate()?;
        Ok(store)
    }

    /// Brings the schema up to date. The version is read inside an
    /// immediate (write-locked) transaction, so that of two processes opening
    /// a new ledger at once one migrates and the other then finds it done.
    fn migrate(&mut self) -> Result<()> {
        let current = |conn: &Connection| -> Result<usize> {
            let version = conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?;
            let version = usize::try_from(version).unwrap_or(usize::MAX);
            if version > MIGRATIONS.len() {
                return Err(LedgerError::Corrupt(format!(
                    "schema version {version} is newer than this claimtrail knows ({}); upgrade claimtrail",
                    MIGRATIONS.len()
                )));
            }
            Ok(version)
        };
        if current(&self.conn)? == MIGRATIONS.len() {
            return Ok(());
        }
        let tx = begin_write(&mut self.conn)?;
        let version = current(&tx)?;
        for (i, sql) in MIGRATIONS.iter().enumerate().skip(version) {
            tx.execute_batch(sql)?;
            tx.pragma_update(None, "user_version", (i + 1) as i64)?;
        }
        tx.commit()?;
        Ok(())
    }

    /// Makes every commit durable against power loss too (`synchronous =
    /// FULL`: each commit waits for the disk). The default (`NORMAL`, with
    /// WAL) already loses nothing when a process is killed or crashes; on
    /// power loss or an OS crash it can lose the last commits before the
    /// crash, never the database's consistency.
    pub fn set_durable(&self, durable: bool) -> Result<()> {
        let level = if durable { "FULL" } else { "NORMAL" };
        self.conn.pragma_update(None, "synchronous", level)?;
        Ok(())
    }

    /// The underlying connection, for the cross-document modules of this crate.
    pub fn connection(&self) -> &Connection {
        &self.conn
    }
}

/// A write transaction that takes the write lock at once: a second writer
/// waits for it (up to [`BUSY_TIMEOUT`]) instead of failing when its read
/// turns into a write.
fn begin_write(conn: &mut Connection) -> Result<rusqlite::Transaction<'_>> {
    Ok(conn.transaction_with_behavior(TransactionBehavior::Immediate)?)
}

/// Sets WAL mode, retrying while another process holds the lock that the
/// switch needs (only a brand-new file is ever switched).
fn set_wal(conn: &Connection) -> Result<()> {
    let started = std::time::Instant::now();
    loop {
        match conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get::<_, String>(0)) {
            Ok(_) => return Ok(()),
            Err(e) if is_busy(&e) && started.elapsed() < BUSY_TIMEOUT => {
                std::thread::sleep(Duration::from_millis(20));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

/// Whether SQLite gave up waiting for another connection's lock.
pub(crate) fn is_busy(e: &rusqlite::Error) -> bool {
    matches!(
        e.sqlite_error_code(),
        Some(rusqlite::ErrorCode::DatabaseBusy | rusqlite::ErrorCode::DatabaseLocked)
    )
}

fn open_reason(e: &rusqlite::Error, path: &Path) -> String {
    let parent_missing = path
        .parent()
        .is_some_and(|p| !p.as_os_str().is_empty() && !p.exists());
    match e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::CannotOpen && parent_missing =>
        {
            "cannot create it: its folder does not exist".into()
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::CannotOpen => {
            "cannot open it (permission denied?)".into()
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::ReadOnly => {
            "is read-only: cannot write to it".into()
        }
        rusqlite::Error::SqliteFailure(f, _) if f.code == rusqlite::ErrorCode::NotADatabase => {
            "is not a claimtrail database (not SQLite)".into()
        }
        other => other.to_string(),
    }
}

impl Store for SqliteStore {
    fn add(&mut self, article: &ArticleJson, text: &str) -> Result<AddOutcome> {
        let rows = ops::ArticleRows::of(article, text)?;
        self.write(|db, memory| {
            if ops::exists(db, &article.document.id)? {
                return Ok(AddOutcome::AlreadyPresent);
            }
            ops::insert_rows(db, &rows)?;
            ops::link_article(db, memory, article, text)
        })
    }

    fn replace(&mut self, article: &ArticleJson, text: &str) -> Result<ReplaceOutcome> {
        let rows = ops::ArticleRows::of(article, text)?;
        self.write(|db, memory| match ops::stored(db, article)? {
            ops::Stored::Same => Ok(ReplaceOutcome::Unchanged),
            ops::Stored::Absent => {
                ops::insert_rows(db, &rows)?;
                ops::link_article(db, memory, article, text)?;
                Ok(ReplaceOutcome::Added {
                    claims: article.claims.len(),
                })
            }
            ops::Stored::Other => ops::reanalyse(db, memory, article, text, &rows)
                .map(|claims| ReplaceOutcome::Updated { claims }),
        })
    }

    fn is_outdated(&self, article: &ArticleJson) -> Result<bool> {
        ops::is_outdated(&self.db(), article)
    }

    fn claims(&self, f: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
        ops::claims(&self.db(), f)
    }

    fn document(&self, id: &str) -> Result<Option<(ArticleJson, String)>> {
        ops::document(&self.db(), id)
    }

    fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>> {
        ops::documents(&self.db(), limit, offset)
    }

    fn entities(&self, name: &str, limit: usize, offset: usize) -> Result<Vec<EntitySummary>> {
        ops::entities(&self.db(), name, limit, offset)
    }

    fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        ops::search(&self.db(), query, limit)
    }

    fn stats(&self) -> Result<Stats> {
        ops::stats(&self.db())
    }

    fn story(&self, query: &str, limit: usize) -> Result<Vec<Proposition>> {
        ops::story(&self.db(), query, limit)
    }

    fn proposition(&self, id: i64) -> Result<Option<Proposition>> {
        crate::views::proposition(&self.db(), id)
    }

    fn figures(&self, query: &str, limit: usize) -> Result<Vec<FigureSeries>> {
        ops::figures(&self.db(), query, limit)
    }

    fn sources(&self, query: &str, limit: usize) -> Result<SourcesView> {
        ops::sources(&self.db(), query, limit)
    }

    fn canonical_entities(
        &self,
        name: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<CanonicalEntity>> {
        ops::canonical_entities(&self.db(), name, limit, offset)
    }

    fn merge_entities(&mut self, from: &str, into: &str) -> Result<EntityDecision> {
        let tx = begin_write(&mut self.conn)?;
        let decision = aliases::merge(&SqliteDb(&tx), from, into)?;
        tx.commit()?;
        Ok(decision)
    }

    fn split_entity(&mut self, entity: &str, alias: &str) -> Result<EntityDecision> {
        let tx = begin_write(&mut self.conn)?;
        let decision = aliases::split(&SqliteDb(&tx), entity, alias)?;
        tx.commit()?;
        Ok(decision)
    }

    fn cross_links(&self, doc_id: &str) -> Result<DocumentLinks> {
        ops::cross_links(&self.db(), doc_id)
    }

    fn copies(&self, doc_id: &str) -> Result<Vec<DocumentRef>> {
        ops::copies(&self.db(), doc_id)
    }
}

impl SqliteStore {
    fn db(&self) -> SqliteDb<'_> {
        SqliteDb(&self.conn)
    }

    /// Runs `f` in a write transaction, committed when it succeeds; a
    /// failure rolls it back and drops what memory it may have filled.
    fn write<T>(&mut self, f: impl FnOnce(&dyn Db, &mut Memory) -> Result<T>) -> Result<T> {
        let tx = begin_write(&mut self.conn)?;
        let out = f(&SqliteDb(&tx), &mut self.memory)
            .and_then(|out| tx.commit().map_err(LedgerError::from).map(|()| out));
        if out.is_err() {
            // The transaction rolled back as it dropped.
            self.memory.forget_uncommitted();
        }
        out
    }
}

/// Whether `query` holds a word that full-text search can match (a query of
/// punctuation alone matches nothing).
pub fn has_search_words(query: &str) -> bool {
    crate::db::Dialect::Sqlite.fts_query(query).is_some()
}
