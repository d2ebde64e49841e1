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
    // the attribution tagger learns from PolNeAR (../shared), into its own crate
    let (default_data, models) = match what {
        "attribution" => (data_dir().join("../../shared/data/polnear"), "attribution"),
        _ => (data_dir(), "entities"),
    };
    let data = data.unwrap_or(default_data);
    let out = out.unwrap_or_else(|| data_dir().join(format!("../crates/{models}/models")));
    claimtrail_eval::train::train(what, &data, &out)?;
    Ok(ExitCode::SUCCESS)
}
