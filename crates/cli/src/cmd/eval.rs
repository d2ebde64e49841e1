//! `claimtrail eval` and `claimtrail train`.

use crate::QueryFormat;
use claimtrail_eval::{data_dir, evaluate, Task};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(task: Task, gold: Option<&Path>, format: QueryFormat) -> anyhow::Result<ExitCode> {
    let report = evaluate(task, gold)?;
    match format {
        QueryFormat::Text => write!(std::io::stdout().lock(), "{report}")?,
        QueryFormat::Json => writeln!(
            std::io::stdout().lock(),
            "{}",
            serde_json::to_string_pretty(&report)?
        )?,
    }
    Ok(ExitCode::SUCCESS)
}

pub fn train(what: &str, data: Option<PathBuf>, out: Option<PathBuf>) -> anyhow::Result<ExitCode> {
    let data = data.unwrap_or_else(data_dir);
    let out = out.unwrap_or_else(|| data_dir().join("../crates/entities/models"));
    claimtrail_eval::train::train(what, &data, &out)?;
    Ok(ExitCode::SUCCESS)
}
