//! `claimtrail analyze`: print what the engine finds, store nothing.

use crate::cmd::{input, report};
use crate::{InputArgs, OutputFormat};
use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use std::io::Write;
use std::process::ExitCode;

pub fn run(args: &InputArgs, format: OutputFormat) -> anyhow::Result<ExitCode> {
    let inputs = input::list(&args.paths);
    let mut failed = !inputs.errors.is_empty();
    for e in &inputs.errors {
        eprintln!("error: {e}");
    }
    let pipeline = Pipeline::new();
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    let mut first = true;
    for file in &inputs.files {
        for doc in input::read_file(file, args) {
            let doc = match doc {
                Ok(doc) => doc,
                Err(e) => {
                    eprintln!("error: {e}");
                    failed = true;
                    continue;
                }
            };
            let analysis = pipeline.analyze(doc);
            let article = ArticleJson::from_analysis(&analysis);
            match format {
                OutputFormat::Text => {
                    if !first {
                        writeln!(out)?;
                    }
                    report::write_article(&mut out, &article)?;
                }
                OutputFormat::Json => writeln!(out, "{}", serde_json::to_string_pretty(&article)?)?,
                OutputFormat::Jsonl => writeln!(out, "{}", serde_json::to_string(&article)?)?,
            }
            first = false;
        }
    }
    out.flush()?;
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}
