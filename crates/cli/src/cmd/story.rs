//! `claimtrail story`, `figures`, `sources` and `entities`: the cross-source ledger.

use crate::{EntityAction, QueryFormat};
use std::path::Path;
use std::process::ExitCode;

pub fn story(_query: &str, _db: &Path, _format: QueryFormat) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`story` is not available yet")
}

pub fn figures(_query: &str, _db: &Path, _format: QueryFormat) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`figures` is not available yet")
}

pub fn sources(_query: &str, _db: &Path, _format: QueryFormat) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`sources` is not available yet")
}

pub fn entities(_action: &EntityAction, _db: &Path) -> anyhow::Result<ExitCode> {
    anyhow::bail!("`entities` is not available yet")
}
