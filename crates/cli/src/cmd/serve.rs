//! `claimtrail serve`: the HTTP API and web page (crate `claimtrail-web`).

use anyhow::Context;
use std::path::Path;
use std::process::ExitCode;

pub fn run(
    db: &Path,
    create: bool,
    bind: &str,
    token: Option<String>,
    token_file: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    let server = db.to_str().is_some_and(claimtrail_ledger::is_postgres_url);
    // A typo in --db must not quietly serve a new, empty ledger (a
    // PostgreSQL database must exist already: the server says when not).
    if !server && !create && !db.exists() {
        anyhow::bail!(
            "{}: no such ledger; build one with `claimtrail ingest PATH --db {}`, or pass --create to serve a new, empty one",
            db.display(),
            db.display()
        );
    }
    init_logging();
    let token = match token_file {
        Some(path) => Some(read_token(path)?),
        None => token.filter(|t| !t.trim().is_empty()),
    };
    let writes = token.is_some();
    let config = claimtrail_web::Config {
        db: db.to_path_buf(),
        token,
        loopback_only: claimtrail_web::is_loopback(bind),
    };
    claimtrail_web::serve_blocking(config, bind, |addr| {
        eprintln!(
            "claimtrail: serving {} on http://{addr}/ (writes {}); Ctrl-C stops",
            claimtrail_ledger::redact(&db.to_string_lossy()),
            if writes { "need the token" } else { "off" }
        );
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The token in the first line of `path`, without surrounding white space.
fn read_token(path: &Path) -> anyhow::Result<String> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("token file {}", path.display()))?;
    let token = text.lines().next().unwrap_or("").trim();
    anyhow::ensure!(
        !token.is_empty(),
        "token file {}: its first line is empty",
        path.display()
    );
    Ok(token.to_string())
}

/// Server logs (errors with their request id) on stderr; `CLAIMTRAIL_LOG`
/// sets the filter (default `info`), e.g. `CLAIMTRAIL_LOG=debug`.
fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("CLAIMTRAIL_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}
