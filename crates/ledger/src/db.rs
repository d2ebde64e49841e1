//! The SQL seam between the ledger's logic and its stores.
//!
//! Everything the ledger does (storing an article, the cross-document work,
//! the queries) is written once against [`Db`]: statements with `?N`
//! placeholders, rows of [`Value`]s. SQLite runs them on a rusqlite
//! transaction or connection; PostgreSQL on a `postgres` transaction, with
//! the placeholders rewritten to `$N`. The SQL is the common subset of the
//! two dialects (`ON CONFLICT`, `RETURNING`, `NULLS FIRST/LAST`, `string_agg`);
//! what differs is behind [`Dialect`]: full-text search and JSON fields.

use crate::{LedgerError, Result};

/// A value bound to a statement or read from a row.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Null,
    Int(i64),
    Real(f64),
    Text(String),
    Blob(Vec<u8>),
}

/// Which SQL dialect a [`Db`] speaks.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Dialect {
    Sqlite,
    Postgres,
}

impl Dialect {
    /// An SQL condition: the JSON text column `col` has `false` at `field`.
    pub(crate) fn json_is_false(self, col: &str, field: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_extract({col}, '$.{field}') = 0"),
            Dialect::Postgres => format!("(({col})::jsonb ->> '{field}') = 'false'"),
        }
    }

    /// An SQL expression: the text at `field` of the JSON text column `col`.
    pub(crate) fn json_text(self, col: &str, field: &str) -> String {
        match self {
            Dialect::Sqlite => format!("json_extract({col}, '$.{field}')"),
            Dialect::Postgres => format!("(({col})::jsonb ->> '{field}')"),
        }
    }

    /// The full-text query for the words of `query` (all must match), or
    /// None when it holds no word. Each store's semantics: docs/ledger.md.
    pub(crate) fn fts_query(self, query: &str) -> Option<String> {
        let words: Vec<&str> = query
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .take(32)
            .collect();
        if words.is_empty() {
            return None;
        }
        Some(match self {
            // Each word quoted: user input never becomes FTS5 syntax.
            Dialect::Sqlite => words
                .iter()
                .map(|w| format!("\"{w}\""))
                .collect::<Vec<_>>()
                .join(" "),
            // Read by plainto_tsquery, which has no syntax.
            Dialect::Postgres => words.join(" "),
        })
    }

    /// A subquery of `(r, score)`: the rowids of the claims matching the
    /// full-text query bound at `?{n}`, lower scores better.
    pub(crate) fn claims_matching(self, n: usize) -> String {
        match self {
            Dialect::Sqlite => {
                format!(
                    "SELECT rowid AS r, rank AS score FROM claims_fts WHERE claims_fts MATCH ?{n}"
                )
            }
            Dialect::Postgres => format!(
                "SELECT c.rowid AS r, -ts_rank(c.tsv, q) AS score
                 FROM claims c, plainto_tsquery('english', ?{n}) q WHERE c.tsv @@ q"
            ),
        }
    }

    /// Like [`Dialect::claims_matching`], over documents (title and text).
    pub(crate) fn documents_matching(self, n: usize) -> String {
        match self {
            Dialect::Sqlite => format!(
                "SELECT rowid AS r, bm25(documents_fts) AS score FROM documents_fts WHERE documents_fts MATCH ?{n}"
            ),
            Dialect::Postgres => format!(
                "SELECT d.rowid AS r, -ts_rank(d.tsv, q) AS score
                 FROM documents d, plainto_tsquery('english', ?{n}) q WHERE d.tsv @@ q"
            ),
        }
    }
}

/// One row of a result.
#[derive(Debug)]
pub struct Row(pub Vec<Value>);

impl Row {
    /// Column `i` as a `T`; a type mismatch is corrupt data.
    pub fn get<T: FromValue>(&self, i: usize) -> Result<T> {
        let v = self
            .0
            .get(i)
            .ok_or_else(|| LedgerError::Corrupt(format!("no column {i}")))?;
        T::from_value(v)
            .ok_or_else(|| LedgerError::Corrupt(format!("column {i}: unexpected {v:?}")))
    }
}

/// A statement's connection: a transaction (writes) or a read snapshot.
pub trait Db {
    fn dialect(&self) -> Dialect;
    /// Runs a statement; the number of rows it changed.
    fn execute(&self, sql: &str, args: &[&dyn ToValue]) -> Result<usize>;
    /// Runs a query; all its rows.
    fn rows(&self, sql: &str, args: &[&dyn ToValue]) -> Result<Vec<Row>>;
}

impl dyn Db + '_ {
    /// The first row mapped by `f`; an error when there is none.
    pub fn query_row<T>(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<T> {
        self.query_opt(sql, args, f)?
            .ok_or_else(|| LedgerError::Corrupt(format!("no row for: {}", first_line(sql))))
    }

    /// The first row mapped by `f`, if any.
    pub fn query_opt<T>(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        f: impl FnOnce(&Row) -> Result<T>,
    ) -> Result<Option<T>> {
        self.rows(sql, args)?.first().map(f).transpose()
    }

    /// Every row mapped by `f`.
    pub fn query_map<T>(
        &self,
        sql: &str,
        args: &[&dyn ToValue],
        f: impl FnMut(&Row) -> Result<T>,
    ) -> Result<Vec<T>> {
        self.rows(sql, args)?.iter().map(f).collect()
    }
}

fn first_line(sql: &str) -> &str {
    sql.trim().lines().next().unwrap_or("")
}

/// A Rust value that binds as a [`Value`].
pub trait ToValue {
    fn to_value(&self) -> Value;
}

/// A Rust value read from a [`Value`]; None when the types do not fit.
pub trait FromValue: Sized {
    fn from_value(v: &Value) -> Option<Self>;
}

impl ToValue for Value {
    fn to_value(&self) -> Value {
        self.clone()
    }
}
impl ToValue for i64 {
    fn to_value(&self) -> Value {
        Value::Int(*self)
    }
}
impl ToValue for usize {
    fn to_value(&self) -> Value {
        Value::Int(*self as i64)
    }
}
impl ToValue for bool {
    fn to_value(&self) -> Value {
        Value::Int(i64::from(*self))
    }
}
impl ToValue for f64 {
    fn to_value(&self) -> Value {
        Value::Real(*self)
    }
}
impl ToValue for str {
    fn to_value(&self) -> Value {
        Value::Text(self.to_string())
    }
}
impl ToValue for String {
    fn to_value(&self) -> Value {
        Value::Text(self.clone())
    }
}
impl ToValue for [u8] {
    fn to_value(&self) -> Value {
        Value::Blob(self.to_vec())
    }
}
impl ToValue for Vec<u8> {
    fn to_value(&self) -> Value {
        Value::Blob(self.clone())
    }
}
impl<T: ToValue + ?Sized> ToValue for &T {
    fn to_value(&self) -> Value {
        (**self).to_value()
    }
}
impl<T: ToValue> ToValue for Option<T> {
    fn to_value(&self) -> Value {
        self.as_ref().map_or(Value::Null, T::to_value)
    }
}

impl FromValue for i64 {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }
}
impl FromValue for bool {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Int(i) => Some(*i != 0),
            _ => None,
        }
    }
}
impl FromValue for f64 {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Real(f) => Some(*f),
            Value::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}
impl FromValue for String {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Text(s) => Some(s.clone()),
            _ => None,
        }
    }
}
impl FromValue for Vec<u8> {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Blob(b) => Some(b.clone()),
            _ => None,
        }
    }
}
impl<T: FromValue> FromValue for Option<T> {
    fn from_value(v: &Value) -> Option<Self> {
        match v {
            Value::Null => Some(None),
            other => T::from_value(other).map(Some),
        }
    }
}

/// The current time as stored (UTC, `YYYY-MM-DD HH:MM:SS`, as SQLite's
/// `datetime('now')`).
pub(crate) fn now() -> String {
    chrono::Utc::now().format("%Y-%m-%d %H:%M:%S").to_string()
}

/// `sql` with `?N` placeholders written `$N` (PostgreSQL). A `?` inside a
/// quoted literal is left alone.
#[allow(dead_code)] // used by the PostgreSQL store
pub(crate) fn dollar_placeholders(sql: &str) -> String {
    let mut out = String::with_capacity(sql.len());
    let mut quoted = false;
    for c in sql.chars() {
        match c {
            '\'' => {
                quoted = !quoted;
                out.push(c);
            }
            '?' if !quoted => out.push('$'),
            _ => out.push(c),
        }
    }
    out
}

/// SQLite: a [`Db`] over a connection (or a transaction, which derefs to one).
pub(crate) struct SqliteDb<'a>(pub &'a rusqlite::Connection);

impl rusqlite::ToSql for Value {
    fn to_sql(&self) -> rusqlite::Result<rusqlite::types::ToSqlOutput<'_>> {
        use rusqlite::types::{ToSqlOutput, ValueRef};
        Ok(ToSqlOutput::Borrowed(match self {
            Value::Null => ValueRef::Null,
            Value::Int(i) => ValueRef::Integer(*i),
            Value::Real(f) => ValueRef::Real(*f),
            Value::Text(s) => ValueRef::Text(s.as_bytes()),
            Value::Blob(b) => ValueRef::Blob(b),
        }))
    }
}

impl Db for SqliteDb<'_> {
    fn dialect(&self) -> Dialect {
        Dialect::Sqlite
    }

    fn execute(&self, sql: &str, args: &[&dyn ToValue]) -> Result<usize> {
        let values: Vec<Value> = args.iter().map(|a| a.to_value()).collect();
        let mut stmt = self.0.prepare_cached(sql)?;
        Ok(stmt.execute(rusqlite::params_from_iter(values.iter()))?)
    }

    fn rows(&self, sql: &str, args: &[&dyn ToValue]) -> Result<Vec<Row>> {
        use rusqlite::types::ValueRef;
        let values: Vec<Value> = args.iter().map(|a| a.to_value()).collect();
        let mut stmt = self.0.prepare_cached(sql)?;
        let n = stmt.column_count();
        let mut rows = stmt.query(rusqlite::params_from_iter(values.iter()))?;
        let mut out = Vec::new();
        while let Some(r) = rows.next()? {
            let mut row = Vec::with_capacity(n);
            for i in 0..n {
                row.push(match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(i) => Value::Int(i),
                    ValueRef::Real(f) => Value::Real(f),
                    ValueRef::Text(t) => Value::Text(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::Blob(b.to_vec()),
                });
            }
            out.push(Row(row));
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_become_dollars_outside_literals() {
        assert_eq!(
            dollar_placeholders("SELECT '?x', a FROM t WHERE a = ?1 OR b = ?12"),
            "SELECT '?x', a FROM t WHERE a = $1 OR b = $12"
        );
    }

    #[test]
    fn fts_queries_hold_only_words() {
        assert_eq!(
            Dialect::Sqlite.fts_query("troops \"NEAR\" (Kursk)"),
            Some("\"troops\" \"NEAR\" \"Kursk\"".into())
        );
        assert_eq!(
            Dialect::Postgres.fts_query("troops & !Kursk"),
            Some("troops Kursk".into())
        );
        assert_eq!(Dialect::Postgres.fts_query("?! --"), None);
    }
}
