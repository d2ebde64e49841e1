//! `claimtrail serve`: the HTTP API and web page.

use std::path::Path;
use std::process::ExitCode;

pub fn run(_db: &Path, _bind: &str, _token: Option<String>) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`serve` is not available yet")
}
