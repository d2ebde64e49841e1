//! `claimtrail claims` and `claimtrail timeline`: read the ledger.

use crate::cmd::{csv, report};
use crate::{ClaimsFormat, FilterArgs, QueryFormat};
use claimtrail_ledger::{is_postgres_url, ClaimFilter, SqliteStore, Store};
use serde::Serialize;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn claims(args: &FilterArgs, db: &Path, format: ClaimsFormat) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let filter = ClaimFilter {
        text: args.text.clone(),
        limit: Some(args.limit),
        ..args.conditions.filter()
    };
    let claims = store.claims(&filter)?;
    let format = match format {
        ClaimsFormat::Text => QueryFormat::Text,
        ClaimsFormat::Json => QueryFormat::Json,
        ClaimsFormat::Csv => {
            let stdout = std::io::stdout();
            let mut out = std::io::BufWriter::new(stdout.lock());
            write_csv(&mut out, &claims)?;
            out.flush()?;
            return Ok(ExitCode::SUCCESS);
        }
    };
    print(&claims, format, |out| report::write_claims(out, &claims))
}

/// Claims as CSV: a header row, then one row per claim.
pub(crate) fn write_csv(
    out: &mut impl Write,
    claims: &[claimtrail_ledger::ClaimRecord],
) -> std::io::Result<()> {
    csv::write_header(out)?;
    for r in claims {
        csv::write_claim(out, &csv::DocFields::of_ref(&r.document), &r.claim)?;
    }
    Ok(())
}

pub fn timeline(name: &str, db: &Path, format: QueryFormat) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let claims = store.timeline(name)?;
    print(&claims, format, |out| report::write_claims(out, &claims))
}

/// Prints `value` as pretty JSON, or as text through `text`.
pub(crate) fn print<T: Serialize + ?Sized>(
    value: &T,
    format: QueryFormat,
    text: impl FnOnce(&mut std::io::StdoutLock) -> std::io::Result<()>,
) -> anyhow::Result<ExitCode> {
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match format {
        QueryFormat::Text => text(&mut out)?,
        QueryFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(value)?)?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Queries never create a database: a missing file is an error that says
/// what to do. A PostgreSQL URL opens that server's ledger.
pub(crate) fn open_existing(db: &Path) -> anyhow::Result<Box<dyn Store + Send>> {
    if let Some(url) = db.to_str().filter(|d| is_postgres_url(d)) {
        return Ok(claimtrail_ledger::open_store(url)?);
    }
    if !db.exists() {
        anyhow::bail!(
            "{}: no such ledger; create it with `claimtrail ingest PATH --db {}`",
            db.display(),
            db.display()
        );
    }
    Ok(Box::new(SqliteStore::open(db)?))
}

/// The ledger an ingest writes to, created if missing (a SQLite file, or
/// the ledger of a PostgreSQL server). `durable`: SQLite waits for the disk
/// at each commit; a server's durability is its own setting.
pub(crate) fn open_for_writing(db: &Path, durable: bool) -> anyhow::Result<Box<dyn Store + Send>> {
    if let Some(url) = db.to_str().filter(|d| is_postgres_url(d)) {
        return Ok(claimtrail_ledger::open_store(url)?);
    }
    let store = SqliteStore::open(db)?;
    store.set_durable(durable)?;
    Ok(Box::new(store))
}
