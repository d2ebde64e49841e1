//! `claimtrail serve`: the HTTP API and web page (crate `claimtrail-web`).

use std::path::Path;
use std::process::ExitCode;

pub fn run(db: &Path, create: bool, bind: &str, token: Option<String>) -> anyhow::Result<ExitCode> {
    // A typo in --db must not quietly serve a new, empty ledger.
    if !create && !db.exists() {
        anyhow::bail!(
            "{}: no such ledger; build one with `claimtrail ingest PATH --db {}`, or pass --create to serve a new, empty one",
            db.display(),
            db.display()
        );
    }
    let token = token.filter(|t| !t.trim().is_empty());
    let writes = token.is_some();
    let config = claimtrail_web::Config {
        db: db.to_path_buf(),
        token,
        loopback_only: claimtrail_web::is_loopback(bind),
    };
    claimtrail_web::serve_blocking(config, bind, |addr| {
        eprintln!(
            "claimtrail: serving {} on http://{addr}/ (writes {}); Ctrl-C stops",
            db.display(),
            if writes { "need the token" } else { "off" }
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
