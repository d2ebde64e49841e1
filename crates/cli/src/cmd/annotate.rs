//! `claimtrail annotate`: the standard exchange formats.

use crate::AnnotateFormat;
use anyhow::Context;
use chrono::NaiveDate;
use claimtrail_extract::Pipeline;
use claimtrail_formats::{brat, conll, timeml};
use claimtrail_text::{Document, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub fn run(
    format: AnnotateFormat,
    dct: Option<NaiveDate>,
    files: &[PathBuf],
    out_dir: Option<&Path>,
) -> anyhow::Result<ExitCode> {
    if let Some(dir) = out_dir {
        std::fs::create_dir_all(dir)
            .map_err(|e| anyhow::anyhow!("{}: cannot create the folder: {e}", dir.display()))?;
    }
    let pipeline = Pipeline::new();
    let mut failed = false;
    for file in files {
        if let Err(e) = annotate_one(&pipeline, format, dct, file, out_dir) {
            eprintln!("error: {}: {e:#}", file.display());
            failed = true;
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn annotate_one(
    pipeline: &Pipeline,
    format: AnnotateFormat,
    dct: Option<NaiveDate>,
    file: &Path,
    out_dir: Option<&Path>,
) -> anyhow::Result<()> {
    let input = read_text(file)?;
    let output = match format {
        AnnotateFormat::Timeml => {
            let is_timeml = file.extension().is_some_and(|e| e == "tml" || e == "xml")
                || input.trim_start().starts_with("<?xml")
                || input.trim_start().starts_with("<TimeML");
            if !is_timeml && dct.is_none() {
                eprintln!(
                    "warning: {}: plain text without --dct: dates without a year get XXXX",
                    file.display()
                );
            }
            timeml::annotate(&input, dct, is_timeml, pipeline.time_tagger())?
        }
        AnnotateFormat::Conll => conll::annotate(&input, pipeline.entity_recognizer())?,
        AnnotateFormat::Brat => {
            let meta = Metadata {
                published: dct,
                path: Some(file.display().to_string()),
                ..Default::default()
            };
            let analysis = pipeline.analyze(Document::new(input, meta));
            let ann = brat::write_ann(&analysis.doc, &analysis.entities, &analysis.attribution);
            // BRAT keeps the .ann beside its .txt (or in --out-dir).
            let target = match out_dir {
                Some(dir) => dir.join(file.with_extension("ann").file_name().unwrap_or_default()),
                None => file.with_extension("ann"),
            };
            std::fs::write(&target, ann)
                .with_context(|| format!("cannot write {}", target.display()))?;
            eprintln!("wrote {}", target.display());
            return Ok(());
        }
    };
    match out_dir {
        Some(dir) => {
            let target = dir.join(file.file_name().unwrap_or_default());
            std::fs::write(&target, output)
                .with_context(|| format!("cannot write {}", target.display()))?;
        }
        None => std::io::stdout().lock().write_all(output.as_bytes())?,
    }
    Ok(())
}

fn read_text(file: &Path) -> anyhow::Result<String> {
    let bytes = std::fs::read(file).map_err(|e| anyhow::anyhow!("{e}"))?;
    String::from_utf8(bytes)
        .map_err(|e| anyhow::anyhow!("invalid UTF-8 at byte {}", e.utf8_error().valid_up_to()))
}
