//! `claimtrail ingest`: analyse articles and store them in the ledger.

use crate::cmd::input;
use crate::InputArgs;
use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{AddOutcome, SqliteStore, Store};
use indicatif::{ProgressBar, ProgressStyle};
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &InputArgs, db: &Path) -> anyhow::Result<ExitCode> {
    let inputs = input::list(args);
    // Open the ledger before any work, so that a bad --db fails fast.
    let mut store = SqliteStore::open(db)?;
    let mut failed = inputs.errors.len();
    for e in &inputs.errors {
        eprintln!("error: {e}");
    }
    let bar = progress(inputs.files.len());
    let pipeline = Pipeline::new();
    let (mut added, mut present, mut claims) = (0usize, 0usize, 0usize);
    for file in &inputs.files {
        bar.set_message(file.display().to_string());
        for doc in input::read_file(file, args) {
            let doc = match doc {
                Ok(doc) => doc,
                Err(e) => {
                    bar.suspend(|| eprintln!("error: {e}"));
                    failed += 1;
                    continue;
                }
            };
            let text = doc.text().to_string();
            let analysis = pipeline.analyze(doc);
            let article = ArticleJson::from_analysis(&analysis);
            match store.add(&article, &text) {
                Ok(AddOutcome::Added { claims: n }) => {
                    added += 1;
                    claims += n;
                }
                Ok(AddOutcome::AlreadyPresent) => present += 1,
                Err(e) => {
                    let name = article
                        .document
                        .path
                        .as_deref()
                        .unwrap_or(&article.document.id);
                    bar.suspend(|| eprintln!("error: {name}: not stored: {e}"));
                    failed += 1;
                }
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let stats = store.stats()?;
    if !crate::quiet() {
        eprintln!(
            "added {added} document(s) with {claims} claim(s); {present} already present; {failed} failed. Ledger {}: {} documents, {} claims.",
            db.display(),
            stats.documents,
            stats.claims
        );
    }
    Ok(if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A progress bar on stderr for long runs; hidden when stderr is not a terminal.
pub fn progress(len: usize) -> ProgressBar {
    if len < 2 {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{bar:30} {pos}/{len} files {elapsed} eta {eta}  {wide_msg}")
    {
        bar.set_style(style);
    }
    bar
}
