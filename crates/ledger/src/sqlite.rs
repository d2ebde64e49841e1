//! The embedded SQLite store.

use crate::independence::DupIndex;
use crate::schema::MIGRATIONS;
use crate::{
    aliases, crossdoc, views, AddOutcome, CanonicalEntity, ClaimFilter, ClaimRecord, DocumentLinks,
    DocumentRef, DocumentSummary, EntityDecision, EntitySummary, FigureSeries, LedgerError,
    Proposition, Result, SearchResults, SourcesView, Stats, Store,
};
use claimtrail_extract::json::{ArticleJson, ClaimJson};
use rusqlite::{params, params_from_iter, Connection, OptionalExtension, TransactionBehavior};
use std::path::Path;
use std::time::Duration;

/// How long a writer waits for another writer (another ingest, the server)
/// to finish before it gives up with [`LedgerError::Busy`]. Writes are short
/// (one article each), so a wait this long means a stuck process, not load.
pub const BUSY_TIMEOUT: Duration = Duration::from_secs(120);

/// A ledger in one SQLite file (WAL mode, foreign keys on).
pub struct SqliteStore {
    conn: Connection,
    dups: DupIndex,
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
            dups: DupIndex::default(),
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
        let d = &article.document;
        let tx = begin_write(&mut self.conn)?;
        let exists: bool = tx.query_row(
            "SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?1)",
            [&d.id],
            |r| r.get(0),
        )?;
        if exists {
            return Ok(AddOutcome::AlreadyPresent);
        }
        let analysis =
            serde_json::to_string(article).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
        tx.execute(
            "INSERT INTO documents (id, title, published, url, outlet, path, source_line, text, analysis, added_at)
             VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, datetime('now'))",
            params![d.id, d.title, d.published, d.url, d.outlet, d.path, d.source_line, text, analysis],
        )?;
        {
            let mut ins = tx.prepare(
                "INSERT INTO entities (doc_id, local_id, canonical, type, role, country) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
            )?;
            for e in &article.entities {
                ins.execute(params![d.id, e.id, e.canonical, e.etype, e.role, e.country])?;
            }
        }
        {
            let mut ins_claim = tx.prepare(
                "INSERT INTO claims (id, doc_id, seq, speaker_name, speaker_role, stance, stated, text, sentence, json)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
            )?;
            let mut ins_entity = tx.prepare(
                "INSERT INTO claim_entities (claim_id, canonical, is_speaker) VALUES (?1, ?2, ?3)",
            )?;
            for (seq, c) in article.claims.iter().enumerate() {
                let json =
                    serde_json::to_string(c).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
                ins_claim.execute(params![
                    c.id,
                    d.id,
                    seq as i64,
                    c.speaker_name,
                    c.speaker_role,
                    c.stance,
                    c.stated,
                    c.text,
                    c.sentence,
                    json
                ])?;
                let canonical = |id: &str| {
                    article
                        .entities
                        .iter()
                        .find(|e| e.id == id)
                        .map(|e| e.canonical.as_str())
                };
                if let Some(name) = c
                    .speaker
                    .as_deref()
                    .and_then(canonical)
                    .or(c.speaker_name.as_deref())
                {
                    ins_entity.execute(params![c.id, name, 1])?;
                }
                for name in c.entities.iter().filter_map(|id| canonical(id)) {
                    ins_entity.execute(params![c.id, name, 0])?;
                }
            }
        }
        crossdoc::apply(&tx, &mut self.dups, article, text)?;
        tx.commit()?;
        Ok(AddOutcome::Added {
            claims: article.claims.len(),
        })
    }

    fn claims(&self, f: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
        // The filters pick claim rowids in statement order (the claims_order
        // index walks that order without sorting); only the page of them is
        // then joined with its document and decoded.
        let mut sql = String::from("SELECT c.rowid FROM claims c WHERE 1 = 1");
        let mut args: Vec<String> = Vec::new();
        if let Some(s) = &f.speaker {
            // A speaker is named: by a canonical entity's name, alias or
            // surname, or by the name as written; never by a substring of a
            // role (an agency's acronym must not find a minister).
            let ids = aliases::named(&self.conn, s)?;
            args.push(s.trim().to_string());
            let n = args.len();
            sql += &format!(" AND (c.speaker_name = ?{n} COLLATE NOCASE");
            if !ids.is_empty() {
                let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
                sql += &format!(
                    " OR c.id IN (SELECT claim_id FROM prop_claims WHERE speaker_entity IN ({}))",
                    ids.join(",")
                );
            }
            sql += ")";
        }
        if let Some(e) = &f.entity {
            // Names are matched in the small canonical-entity tables (any
            // alias, "Zelensky" for "Zelenskyy"; every name an article gave an
            // entity is an alias), then claims by exact name.
            args.push(like(e));
            let n = args.len();
            let names = format!(
                "SELECT a.alias FROM canon_aliases a JOIN canon_entities k ON k.id = a.entity_id
                 WHERE k.name LIKE ?{n} ESCAPE '\\' OR a.alias LIKE ?{n} ESCAPE '\\'"
            );
            // An entity in many claims is found fastest by walking the claims in
            // order and stopping at the page; a rare one by collecting its few
            // claims and sorting them. Count to choose.
            let mentions: i64 = self.conn.query_row(
                &format!("SELECT COUNT(*) FROM claim_entities WHERE canonical IN ({names})")
                    .replace(&format!("?{n}"), "?1"),
                [&args[n - 1]],
                |r| r.get(0),
            )?;
            let claims: i64 =
                self.conn
                    .query_row("SELECT COALESCE(MAX(rowid), 0) FROM claims", [], |r| {
                        r.get(0)
                    })?;
            if mentions * DENSE_SHARE > claims {
                sql += &format!(
                    " AND EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND ce.canonical IN ({names}))"
                );
            } else {
                sql += &format!(" AND c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.canonical IN ({names}))");
            }
        }
        if let Some(s) = &f.stance {
            args.push(s.clone());
            sql += &format!(" AND c.stance = ?{}", args.len());
        }
        // Full dates only: "XXXX-10-08" sorts after every year.
        if f.since.is_some() || f.until.is_some() {
            sql += " AND (c.stated IS NULL) = 0 AND c.stated < 'X'";
        }
        if let Some(s) = &f.since {
            args.push(s.clone());
            sql += &format!(" AND c.stated >= ?{}", args.len());
        }
        if let Some(u) = &f.until {
            args.push(format!("{u}\u{10FFFF}"));
            sql += &format!(" AND c.stated <= ?{}", args.len());
        }
        if let Some(text) = f.text.as_deref() {
            // Words to match that hold no searchable word match nothing.
            let Some(words) = fts_query(text) else {
                return Ok(Vec::new());
            };
            args.push(words);
            sql += &format!(
                " AND c.rowid IN (SELECT rowid FROM claims_fts WHERE claims_fts MATCH ?{})",
                args.len()
            );
        }
        let limit = f.limit.map_or(-1, |l| l as i64);
        sql += &format!(
            " ORDER BY (c.stated IS NULL), c.stated, c.doc_id, c.seq LIMIT {limit} OFFSET {}",
            f.offset
        );
        let sql = format!(
            "SELECT c.json, d.id, d.title, d.published, d.url, d.outlet, d.path
             FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.rowid IN ({sql})
             ORDER BY (c.stated IS NULL), c.stated, c.doc_id, c.seq"
        );
        self.claim_records(&sql, &args)
    }

    fn document(&self, id: &str) -> Result<Option<(ArticleJson, String)>> {
        let row: Option<(String, String)> = self
            .conn
            .query_row(
                "SELECT analysis, text FROM documents WHERE id = ?1",
                [id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?;
        row.map(|(analysis, text)| {
            let article =
                serde_json::from_str(&analysis).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
            Ok((article, text))
        })
        .transpose()
    }

    fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>> {
        let sql = format!(
            "{DOCUMENT_SUMMARY} ORDER BY (d.published IS NULL), d.published DESC LIMIT {} OFFSET {offset}",
            limit as i64
        );
        self.document_summaries(&sql, &[])
    }

    fn entities(&self, name: &str, limit: usize, offset: usize) -> Result<Vec<EntitySummary>> {
        // Through the canonical entities (hundreds of rows, not one per
        // mention): a name or any alias matches; counts come from indexes.
        let mut stmt = self.conn.prepare(&format!(
            "WITH m AS (
                 SELECT DISTINCT k.id, k.name, k.type, k.country FROM canon_entities k
                 LEFT JOIN canon_aliases a ON a.entity_id = k.id
                 WHERE k.merged_into IS NULL
                   AND (k.name LIKE ?1 ESCAPE '\\' OR a.alias LIKE ?1 ESCAPE '\\'))
             SELECT m.name, m.type, m.country,
                 (SELECT COUNT(DISTINCT e.doc_id) FROM entities e WHERE e.canon_id = m.id),
                 (SELECT COUNT(DISTINCT ce.claim_id) FROM claim_entities ce WHERE ce.canonical IN
                     (SELECT alias FROM canon_aliases WHERE entity_id = m.id)),
                 (SELECT group_concat(role, char(31)) FROM canon_roles WHERE entity_id = m.id)
             FROM m ORDER BY 5 DESC, 4 DESC, m.name LIMIT {} OFFSET {offset}",
            limit as i64
        ))?;
        let rows = stmt.query_map([like(name)], |r| {
            let roles: Option<String> = r.get(5)?;
            Ok(EntitySummary {
                canonical: r.get(0)?,
                etype: r.get(1)?,
                country: r.get(2)?,
                documents: r.get::<_, i64>(3)? as usize,
                claims: r.get::<_, i64>(4)? as usize,
                roles: most_frequent(roles.as_deref().unwrap_or("").split('\u{1f}')),
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        let Some(fts) = fts_query(query) else {
            return Ok(SearchResults {
                claims: Vec::new(),
                documents: Vec::new(),
            });
        };
        let claims = self.claim_records(
            &format!(
                "SELECT c.json, d.id, d.title, d.published, d.url, d.outlet, d.path
                 FROM claims_fts f JOIN claims c ON c.rowid = f.rowid JOIN documents d ON d.id = c.doc_id
                 WHERE claims_fts MATCH ?1 ORDER BY bm25(claims_fts) LIMIT {}",
                limit as i64
            ),
            std::slice::from_ref(&fts),
        )?;
        let documents = self.document_summaries(
            &format!(
                "{DOCUMENT_SUMMARY} JOIN documents_fts f ON f.rowid = d.rowid WHERE documents_fts MATCH ?1
                 ORDER BY bm25(documents_fts) LIMIT {}",
                limit as i64
            ),
            &[fts],
        )?;
        Ok(SearchResults { claims, documents })
    }

    fn stats(&self) -> Result<Stats> {
        let count = |table: &str| -> Result<usize> {
            Ok(self
                .conn
                .query_row(&format!("SELECT COUNT(*) FROM {table}"), [], |r| {
                    r.get::<_, i64>(0)
                })? as usize)
        };
        Ok(Stats {
            documents: count("documents")?,
            claims: count("claims")?,
            entities: count("entities")?,
        })
    }

    fn story(&self, query: &str, limit: usize) -> Result<Vec<Proposition>> {
        views::find(&self.conn, query, limit)?
            .into_iter()
            .filter_map(|id| views::proposition(&self.conn, id).transpose())
            .collect()
    }

    fn proposition(&self, id: i64) -> Result<Option<Proposition>> {
        views::proposition(&self.conn, id)
    }

    fn figures(&self, query: &str, limit: usize) -> Result<Vec<FigureSeries>> {
        let mut out = Vec::new();
        for p in self.story(query, limit)? {
            out.extend(p.figures);
        }
        Ok(out)
    }

    fn sources(&self, query: &str, limit: usize) -> Result<SourcesView> {
        views::sources(&self.conn, &self.story(query, limit)?)
    }

    fn canonical_entities(
        &self,
        name: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<CanonicalEntity>> {
        aliases::list(&self.conn, name, limit, offset)
    }

    fn merge_entities(&mut self, from: &str, into: &str) -> Result<EntityDecision> {
        let tx = begin_write(&mut self.conn)?;
        let decision = aliases::merge(&tx, from, into)?;
        tx.commit()?;
        Ok(decision)
    }

    fn split_entity(&mut self, entity: &str, alias: &str) -> Result<EntityDecision> {
        let tx = begin_write(&mut self.conn)?;
        let decision = aliases::split(&tx, entity, alias)?;
        tx.commit()?;
        Ok(decision)
    }

    fn cross_links(&self, doc_id: &str) -> Result<DocumentLinks> {
        let entities = self
            .conn
            .prepare_cached(
                "SELECT local_id, canon_id FROM entities WHERE doc_id = ?1 AND canon_id IS NOT NULL ORDER BY rowid",
            )?
            .query_map([doc_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<Vec<(String, i64)>>>()?;
        let mut links = DocumentLinks {
            entities: Vec::new(),
            claims: Vec::new(),
        };
        for (local, id) in entities {
            links
                .entities
                .push((local, aliases::current(&self.conn, id)?));
        }
        links.claims = self
            .conn
            .prepare_cached(
                "SELECT pc.claim_id, pc.prop_id FROM claims c JOIN prop_claims pc ON pc.claim_id = c.id
                 WHERE c.doc_id = ?1 ORDER BY c.seq",
            )?
            .query_map([doc_id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(links)
    }

    fn copies(&self, doc_id: &str) -> Result<Vec<DocumentRef>> {
        let origin: Option<String> = self
            .conn
            .query_row(
                "SELECT origin FROM doc_fingerprints WHERE doc_id = ?1",
                [doc_id],
                |r| r.get(0),
            )
            .optional()?;
        match origin {
            Some(o) => views::copies(&self.conn, &o),
            None => Ok(Vec::new()),
        }
    }
}

/// An entity named in more than 1 claim in this many is "dense": see `claims`.
const DENSE_SHARE: i64 = 50;

const DOCUMENT_SUMMARY: &str =
    "SELECT d.id, d.title, d.published, d.url, d.outlet, d.path, d.source_line,
    (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) FROM documents d";

/// A document reference from a row whose columns `first..first + 6` are
/// `d.id, d.title, d.published, d.url, d.outlet, d.path`, in that order.
pub(crate) fn document_ref(r: &rusqlite::Row, first: usize) -> rusqlite::Result<DocumentRef> {
    Ok(DocumentRef {
        id: r.get(first)?,
        title: r.get(first + 1)?,
        published: r.get(first + 2)?,
        url: r.get(first + 3)?,
        outlet: r.get(first + 4)?,
        path: r.get(first + 5)?,
    })
}

impl SqliteStore {
    fn claim_records(&self, sql: &str, args: &[String]) -> Result<Vec<ClaimRecord>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok((r.get::<_, String>(0)?, document_ref(r, 1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (json, document) = row?;
            let claim: ClaimJson =
                serde_json::from_str(&json).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
            out.push(ClaimRecord { claim, document });
        }
        Ok(out)
    }

    fn document_summaries(&self, sql: &str, args: &[String]) -> Result<Vec<DocumentSummary>> {
        let mut stmt = self.conn.prepare(sql)?;
        let rows = stmt.query_map(params_from_iter(args.iter()), |r| {
            Ok(DocumentSummary {
                document: document_ref(r, 0)?,
                source_line: r.get(6)?,
                claims: r.get::<_, i64>(7)? as usize,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }
}

/// Whether `query` holds a word that full-text search can match (a query of
/// punctuation alone matches nothing).
pub fn has_search_words(query: &str) -> bool {
    fts_query(query).is_some()
}

/// An FTS5 query that matches all the words of `query` as plain terms: each
/// word is quoted, so user input can never be FTS5 syntax. None when no word.
pub(crate) fn fts_query(query: &str) -> Option<String> {
    let words: Vec<String> = query
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .take(32)
        .map(|w| format!("\"{w}\""))
        .collect();
    (!words.is_empty()).then(|| words.join(" "))
}

/// Distinct non-empty values, most frequent first (ties by first appearance).
fn most_frequent<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        match counts.iter_mut().find(|(k, _)| k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v.to_string(), 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(k, _)| k).collect()
}

/// A LIKE pattern matching `s` anywhere, with LIKE's wildcards escaped.
fn like(s: &str) -> String {
    format!("%{}%", like_escape(s))
}

/// `s` with LIKE's wildcards and escape character escaped (by `\\`).
pub(crate) fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
