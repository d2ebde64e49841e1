//! The PostgreSQL store: a ledger shared by several people and ingest
//! machines. The same operations as SQLite ([`crate::ops`]) run on a
//! `postgres` transaction; this module adds the connection, the schema
//! migrations, the bulk load of an article's own rows (one binary COPY into
//! a staging table, then one idempotent upsert) and the writers' lock.
//!
//! Concurrent writers: the cross-document work of `add` (and a user's
//! merge or split) runs under a transaction-scoped advisory lock
//! ([`WRITE_LOCK`]), so writers on any number of machines apply articles one
//! at a time, each seeing every earlier commit (READ COMMITTED). Reads take
//! no lock. docs/ledger.md.
//!
//! The sync client runs its own runtime: call it from the CLI or from
//! `spawn_blocking`, never on a tokio worker.

use crate::crossdoc::Memory;
use crate::db::{dollar_placeholders, Db, Dialect, Row, ToValue, Value};
use crate::ops::{self, ArticleRows};
use crate::schema::PG_MIGRATIONS;
use crate::{
    aliases, AddOutcome, CanonicalEntity, ClaimFilter, ClaimRecord, DocumentLinks, DocumentRef,
    DocumentSummary, EntityDecision, EntitySummary, FigureSeries, LedgerError, Proposition,
    ReplaceOutcome, Result, SearchResults, SourcesView, Stats, Store,
};
use claimtrail_extract::json::ArticleJson;
use postgres::binary_copy::BinaryCopyInWriter;
use postgres::types::{IsNull, ToSql, Type};
use postgres::{Client, NoTls, Statement, Transaction};
use std::cell::RefCell;
use std::collections::HashMap;
use std::str::FromStr;
use std::time::Duration;

/// The advisory lock key writers take (any fixed number: "claimtrail" in ASCII, folded).
pub const WRITE_LOCK: i64 = 0x636c_6169_6d74;

/// How long connecting may take before the store gives up.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);

/// Whether a `--db` value names a PostgreSQL server rather than a file.
pub fn is_postgres_url(db: &str) -> bool {
    db.starts_with("postgresql://") || db.starts_with("postgres://")
}

/// `url` with its password (if any) replaced by `***`, for messages.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_string();
    };
    let (auth, host) = match rest.rsplit_once('@') {
        Some((auth, host)) => (auth, host),
        None => return url.to_string(),
    };
    match auth.split_once(':') {
        Some((user, _)) => format!("{scheme}://{user}:***@{host}"),
        None => url.to_string(),
    }
}

/// A ledger in a PostgreSQL database.
pub struct PgStore {
    client: RefCell<Client>,
    statements: RefCell<HashMap<String, Statement>>,
    memory: Memory,
    url: String,
}

impl PgStore {
    /// Connects to the database at `url` (`postgresql://user@host:port/db`)
    /// and brings its schema up to date. Errors name the URL without its
    /// password and say why, in one line.
    pub fn open(url: &str) -> Result<PgStore> {
        let shown = redact(url);
        let fail = |reason: String| LedgerError::Open {
            path: shown.clone(),
            reason,
        };
        let mut config = postgres::Config::from_str(url).map_err(|e| fail(reason(&e)))?;
        if config.get_connect_timeout().is_none() {
            config.connect_timeout(CONNECT_TIMEOUT);
        }
        let client = config.connect(NoTls).map_err(|e| fail(reason(&e)))?;
        let mut store = PgStore {
            client: RefCell::new(client),
            statements: RefCell::new(HashMap::new()),
            memory: Memory::default(),
            url: shown.clone(),
        };
        store.migrate().map_err(|e| match e {
            LedgerError::Postgres(r) => fail(r),
            other => other,
        })?;
        // Outside any transaction: the table lives as long as the connection.
        store
            .client
            .get_mut()
            .batch_execute(STAGING)
            .map_err(|e| fail(reason(&e)))?;
        Ok(store)
    }

    /// The URL it was opened with, without the password.
    pub fn url(&self) -> &str {
        &self.url
    }

    /// Brings the schema up to date, one migration per transaction, under
    /// the writers' lock (two machines starting on a new database at once:
    /// one migrates, the other then finds it done).
    fn migrate(&mut self) -> Result<()> {
        let client = self.client.get_mut();
        let mut tx = client.transaction().map_err(pg)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(pg)?;
        tx.batch_execute(
            "CREATE TABLE IF NOT EXISTS claimtrail_schema (version BIGINT NOT NULL);
             INSERT INTO claimtrail_schema (version)
                 SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM claimtrail_schema)",
        )
        .map_err(pg)?;
        let version: i64 = tx
            .query_one("SELECT version FROM claimtrail_schema", &[])
            .map_err(pg)?
            .get(0);
        let version = usize::try_from(version).unwrap_or(usize::MAX);
        if version > PG_MIGRATIONS.len() {
            return Err(LedgerError::Corrupt(format!(
                "schema version {version} is newer than this claimtrail knows ({}); upgrade claimtrail",
                PG_MIGRATIONS.len()
            )));
        }
        for (i, sql) in PG_MIGRATIONS.iter().enumerate().skip(version) {
            tx.batch_execute(sql).map_err(pg)?;
            tx.execute(
                "UPDATE claimtrail_schema SET version = $1",
                &[&((i + 1) as i64)],
            )
            .map_err(pg)?;
        }
        tx.commit().map_err(pg)
    }

    /// Runs `f` in a read transaction (one snapshot for all its statements).
    fn read<T>(&self, f: impl FnOnce(&dyn Db) -> Result<T>) -> Result<T> {
        let mut client = self.client.borrow_mut();
        let tx = client
            .build_transaction()
            .isolation_level(postgres::IsolationLevel::RepeatableRead)
            .read_only(true)
            .start()
            .map_err(pg)?;
        let db = PgDb {
            tx: RefCell::new(tx),
            statements: &self.statements,
        };
        let out = f(&db)?;
        db.tx.into_inner().commit().map_err(pg)?;
        Ok(out)
    }

    /// Runs `f` in a write transaction holding the writers' lock.
    fn write<T>(&mut self, f: impl FnOnce(&PgDb, &mut Memory) -> Result<T>) -> Result<T> {
        let client = self.client.get_mut();
        let mut tx = client.transaction().map_err(pg)?;
        tx.execute("SELECT pg_advisory_xact_lock($1)", &[&WRITE_LOCK])
            .map_err(pg)?;
        let db = PgDb {
            tx: RefCell::new(tx),
            statements: &self.statements,
        };
        // A failure drops the transaction: it rolls back, nothing is kept.
        let out = f(&db, &mut self.memory)
            .and_then(|out| db.tx.into_inner().commit().map_err(pg).map(|()| out));
        if out.is_err() {
            self.memory.forget_uncommitted();
        }
        out
    }
}

/// One line saying why the server refused or could not be reached.
fn reason(e: &postgres::Error) -> String {
    if let Some(db) = e.as_db_error() {
        return db.message().to_string();
    }
    let mut text = e.to_string();
    let mut source = std::error::Error::source(e);
    while let Some(s) = source {
        let more = s.to_string();
        if !text.contains(&more) {
            text = format!("{text}: {more}");
        }
        source = s.source();
    }
    text.replace('\n', " ")
}

fn pg(e: postgres::Error) -> LedgerError {
    LedgerError::Postgres(reason(&e))
}

/// A [`Db`] over a PostgreSQL transaction, with the connection's prepared
/// statements.
pub(crate) struct PgDb<'a, 'c> {
    tx: RefCell<Transaction<'c>>,
    statements: &'a RefCell<HashMap<String, Statement>>,
}

impl PgDb<'_, '_> {
    fn statement(&self, sql: &str) -> Result<Statement> {
        if let Some(s) = self.statements.borrow().get(sql) {
            return Ok(s.clone());
        }
        let s = self
            .tx
            .borrow_mut()
            .prepare(&dollar_placeholders(sql))
            .map_err(|e| LedgerError::Postgres(format!("{}: {}", reason(&e), first_line(sql))))?;
        self.statements
            .borrow_mut()
            .insert(sql.to_string(), s.clone());
        Ok(s)
    }

    /// Copies an article's own rows into the staging table (one binary
    /// COPY for all four tables, [`STAGED`]).
    fn stage(&self, rows: &ArticleRows) -> Result<()> {
        let mut types = vec![Type::INT2, Type::INT8];
        types.extend(std::iter::repeat_n(Type::TEXT, STAGE_TEXT_COLUMNS));
        types.push(Type::INT8);
        let mut tx = self.tx.borrow_mut();
        let sink = tx
            .copy_in("COPY stage_rows FROM STDIN (FORMAT binary)")
            .map_err(pg)?;
        let mut writer = BinaryCopyInWriter::new(sink, &types);
        let tables: [Vec<&[Value]>; 4] = [
            vec![&rows.document[..]],
            rows.entities.iter().map(|r| &r[..]).collect(),
            rows.claims.iter().map(|r| &r[..]).collect(),
            rows.claim_entities.iter().map(|r| &r[..]).collect(),
        ];
        let mut ord = 0i64;
        for (kind, (spec, table)) in STAGED.iter().zip(&tables).enumerate() {
            for row in table {
                let kind = kind as i16;
                let mut values: Vec<&(dyn ToSql + Sync)> = vec![&kind, &ord];
                let mut texts = [&NULL; STAGE_TEXT_COLUMNS];
                let mut integer = &NULL;
                for (i, v) in row.iter().enumerate() {
                    if spec.integer == Some(i) {
                        integer = v;
                    } else {
                        texts[i] = v;
                    }
                }
                values.extend(texts.iter().map(|v| *v as &(dyn ToSql + Sync)));
                values.push(integer);
                writer.write(&values).map_err(pg)?;
                ord += 1;
            }
        }
        writer.finish().map_err(pg)?;
        Ok(())
    }
}

fn first_line(sql: &str) -> &str {
    sql.trim().lines().next().unwrap_or("")
}

impl Db for PgDb<'_, '_> {
    fn dialect(&self) -> Dialect {
        Dialect::Postgres
    }

    fn execute(&self, sql: &str, args: &[&dyn ToValue]) -> Result<usize> {
        let statement = self.statement(sql)?;
        let values: Vec<Value> = args.iter().map(|a| a.to_value()).collect();
        let params: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let n = self
            .tx
            .borrow_mut()
            .execute(&statement, &params)
            .map_err(|e| LedgerError::Postgres(format!("{}: {}", reason(&e), first_line(sql))))?;
        Ok(n as usize)
    }

    fn rows(&self, sql: &str, args: &[&dyn ToValue]) -> Result<Vec<Row>> {
        let statement = self.statement(sql)?;
        let values: Vec<Value> = args.iter().map(|a| a.to_value()).collect();
        let params: Vec<&(dyn ToSql + Sync)> =
            values.iter().map(|v| v as &(dyn ToSql + Sync)).collect();
        let rows = self
            .tx
            .borrow_mut()
            .query(&statement, &params)
            .map_err(|e| LedgerError::Postgres(format!("{}: {}", reason(&e), first_line(sql))))?;
        rows.iter().map(read_row).collect()
    }
}

/// A result row as [`Value`]s (booleans read as 0 and 1, as in SQLite).
fn read_row(row: &postgres::Row) -> Result<Row> {
    let mut out = Vec::with_capacity(row.len());
    for (i, column) in row.columns().iter().enumerate() {
        let ty = column.type_();
        let get_err = |e: postgres::Error| LedgerError::Corrupt(format!("column {i}: {e}"));
        let value = match *ty {
            Type::BOOL => row
                .try_get::<_, Option<bool>>(i)
                .map_err(get_err)?
                .map(|b| Value::Int(i64::from(b))),
            Type::INT8 => row
                .try_get::<_, Option<i64>>(i)
                .map_err(get_err)?
                .map(Value::Int),
            Type::INT4 => row
                .try_get::<_, Option<i32>>(i)
                .map_err(get_err)?
                .map(|v| Value::Int(v.into())),
            Type::INT2 => row
                .try_get::<_, Option<i16>>(i)
                .map_err(get_err)?
                .map(|v| Value::Int(v.into())),
            Type::FLOAT8 => row
                .try_get::<_, Option<f64>>(i)
                .map_err(get_err)?
                .map(Value::Real),
            Type::FLOAT4 => row
                .try_get::<_, Option<f32>>(i)
                .map_err(get_err)?
                .map(|v| Value::Real(v.into())),
            Type::BYTEA => row
                .try_get::<_, Option<Vec<u8>>>(i)
                .map_err(get_err)?
                .map(Value::Blob),
            _ => row
                .try_get::<_, Option<String>>(i)
                .map_err(get_err)?
                .map(Value::Text),
        };
        out.push(value.unwrap_or(Value::Null));
    }
    Ok(Row(out))
}

impl ToSql for Value {
    fn to_sql(
        &self,
        ty: &Type,
        out: &mut postgres::types::private::BytesMut,
    ) -> std::result::Result<IsNull, Box<dyn std::error::Error + Sync + Send>> {
        match (self, ty) {
            (Value::Null, _) => Ok(IsNull::Yes),
            (Value::Int(i), &Type::INT4) => i32::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::INT2) => i16::try_from(*i)?.to_sql(ty, out),
            (Value::Int(i), &Type::BOOL) => (*i != 0).to_sql(ty, out),
            (Value::Int(i), &Type::FLOAT8) => (*i as f64).to_sql(ty, out),
            (Value::Int(i), &Type::TEXT) => i.to_string().to_sql(ty, out),
            (Value::Int(i), _) => i.to_sql(ty, out),
            (Value::Real(f), &Type::FLOAT4) => (*f as f32).to_sql(ty, out),
            (Value::Real(f), _) => f.to_sql(ty, out),
            (Value::Text(s), _) => s.as_str().to_sql(ty, out),
            (Value::Blob(b), _) => b.as_slice().to_sql(ty, out),
        }
    }

    fn accepts(_: &Type) -> bool {
        true
    }

    postgres::types::to_sql_checked!();
}

/// The staging table for an article's own rows: filled by one binary COPY,
/// then upserted into the ledger's tables by one statement, in the
/// article's transaction. Temporary (one per connection, made when the store
/// opens), emptied at each commit. `kind` is the row's table (its index in
/// [`STAGED`]), `ord` its place in the article; `c0`.. hold the table's text
/// columns in order and `n` its integer column.
const STAGING: &str = "CREATE TEMP TABLE IF NOT EXISTS stage_rows (
    kind SMALLINT NOT NULL, ord BIGINT NOT NULL,
    c0 TEXT, c1 TEXT, c2 TEXT, c3 TEXT, c4 TEXT, c5 TEXT, c6 TEXT, c7 TEXT, c8 TEXT, c9 TEXT,
    n BIGINT) ON COMMIT DELETE ROWS";

/// The text columns of `stage_rows` (the widest table's).
const STAGE_TEXT_COLUMNS: usize = 10;

static NULL: Value = Value::Null;

/// A ledger table an article's rows are staged for.
struct Staged {
    table: &'static str,
    columns: &'static str,
    /// The one integer column, by position, if any.
    integer: Option<usize>,
    /// Whether every staged row must be new (a document's, entities' and
    /// claims' keys are its own; claim entities have no key).
    keyed: bool,
}

const STAGED: [Staged; 4] = [
    Staged {
        table: "documents",
        columns: "id, title, published, url, outlet, path, source_line, text, analysis, added_at",
        integer: None,
        keyed: true,
    },
    Staged {
        table: "entities",
        columns: "doc_id, local_id, canonical, type, role, country",
        integer: None,
        keyed: true,
    },
    Staged {
        table: "claims",
        columns:
            "id, doc_id, seq, speaker_name, speaker_role, stance, stated, text, sentence, json",
        integer: Some(2),
        keyed: true,
    },
    Staged {
        table: "claim_entities",
        columns: "claim_id, doc_id, canonical, is_speaker",
        integer: Some(3),
        keyed: false,
    },
];

/// One statement that upserts the staged rows into their tables, in the
/// article's order, and returns how many rows each table took.
fn upsert_sql() -> String {
    let mut ctes = Vec::new();
    let mut counts = Vec::new();
    for (kind, spec) in STAGED.iter().enumerate() {
        let width = spec.columns.split(',').count();
        let select: Vec<String> = (0..width)
            .map(|i| {
                if spec.integer == Some(i) {
                    "n".to_string()
                } else {
                    format!("c{i}")
                }
            })
            .collect();
        ctes.push(format!(
            "s{kind} AS (INSERT INTO {} ({}) SELECT {} FROM stage_rows WHERE kind = {kind} \
             ORDER BY ord ON CONFLICT DO NOTHING RETURNING 1)",
            spec.table,
            spec.columns,
            select.join(", ")
        ));
        counts.push(format!("(SELECT COUNT(*) FROM s{kind})"));
    }
    format!("WITH {} SELECT {}", ctes.join(", "), counts.join(", "))
}

/// Copies an article's own rows into the staging table and upserts them:
/// a row already there (same key) is kept as it is, so a retried load
/// changes nothing.
fn bulk_insert(db: &PgDb, rows: &ArticleRows) -> Result<()> {
    db.stage(rows)?;
    let staged = [
        1,
        rows.entities.len(),
        rows.claims.len(),
        rows.claim_entities.len(),
    ];
    let stored = (db as &dyn Db).query_row(&upsert_sql(), &[], |r| {
        (0..STAGED.len())
            .map(|i| r.get::<i64>(i))
            .collect::<Result<Vec<i64>>>()
    })?;
    // The document was not stored (checked under the writers' lock), so a
    // row the upsert skips collides with another row of the same article.
    for ((spec, staged), stored) in STAGED.iter().zip(staged).zip(stored) {
        let stored = usize::try_from(stored).unwrap_or(0);
        if spec.keyed && stored != staged {
            return Err(LedgerError::Query(format!(
                "article {}: {} of its {} rows share a key with another",
                rows.document_id(),
                staged - stored,
                spec.table
            )));
        }
    }
    Ok(())
}

impl Store for PgStore {
    fn add(&mut self, article: &ArticleJson, text: &str) -> Result<AddOutcome> {
        let rows = ArticleRows::of(article, text)?;
        self.write(|db, memory| {
            if ops::exists(db, &article.document.id)? {
                return Ok(AddOutcome::AlreadyPresent);
            }
            bulk_insert(db, &rows)?;
            ops::link_article(db, memory, article, text)
        })
    }

    fn replace(&mut self, article: &ArticleJson, text: &str) -> Result<ReplaceOutcome> {
        let rows = ArticleRows::of(article, text)?;
        self.write(|db, memory| match ops::stored(db, article)? {
            ops::Stored::Same => Ok(ReplaceOutcome::Unchanged),
            ops::Stored::Absent => {
                bulk_insert(db, &rows)?;
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
        self.read(|db| ops::is_outdated(db, article))
    }

    fn claims(&self, f: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
        self.read(|db| ops::claims(db, f))
    }

    fn document(&self, id: &str) -> Result<Option<(ArticleJson, String)>> {
        self.read(|db| ops::document(db, id))
    }

    fn documents(&self, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>> {
        self.read(|db| ops::documents(db, limit, offset))
    }

    fn entities(&self, name: &str, limit: usize, offset: usize) -> Result<Vec<EntitySummary>> {
        self.read(|db| ops::entities(db, name, limit, offset))
    }

    fn search(&self, query: &str, limit: usize) -> Result<SearchResults> {
        self.read(|db| ops::search(db, query, limit))
    }

    fn stats(&self) -> Result<Stats> {
        self.read(ops::stats)
    }

    fn story(&self, query: &str, limit: usize) -> Result<Vec<Proposition>> {
        self.read(|db| ops::story(db, query, limit))
    }

    fn proposition(&self, id: i64) -> Result<Option<Proposition>> {
        self.read(|db| crate::views::proposition(db, id))
    }

    fn figures(&self, query: &str, limit: usize) -> Result<Vec<FigureSeries>> {
        self.read(|db| ops::figures(db, query, limit))
    }

    fn sources(&self, query: &str, limit: usize) -> Result<SourcesView> {
        self.read(|db| ops::sources(db, query, limit))
    }

    fn canonical_entities(
        &self,
        name: &str,
        limit: usize,
        offset: usize,
    ) -> Result<Vec<CanonicalEntity>> {
        self.read(|db| ops::canonical_entities(db, name, limit, offset))
    }

    fn merge_entities(&mut self, from: &str, into: &str) -> Result<EntityDecision> {
        self.write(|db, _| aliases::merge(db, from, into))
    }

    fn split_entity(&mut self, entity: &str, alias: &str) -> Result<EntityDecision> {
        self.write(|db, _| aliases::split(db, entity, alias))
    }

    fn cross_links(&self, doc_id: &str) -> Result<DocumentLinks> {
        self.read(|db| ops::cross_links(db, doc_id))
    }

    fn copies(&self, doc_id: &str) -> Result<Vec<DocumentRef>> {
        self.read(|db| ops::copies(db, doc_id))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show() {
        assert_eq!(
            redact("postgresql://ann:s3cret@db.example:5432/news"),
            "postgresql://ann:***@db.example:5432/news"
        );
        assert_eq!(
            redact("postgresql://ann@db.example/news"),
            "postgresql://ann@db.example/news"
        );
        assert!(is_postgres_url("postgres://x@y/z"));
        assert!(!is_postgres_url("ledger.db"));
    }
}
