//! `claimtrail bench`: single-core throughput of the pipeline or one stage.
//!
//! Texts are read into memory first, so only the analysis is timed. Each pass
//! runs over all texts; the fastest pass is reported (the least disturbed by
//! other work on the machine).

use crate::cmd::input;
use crate::{BenchCorpus, BenchStage};
use claimtrail_attribution::Attributor;
use claimtrail_entities::EntityRecognizer;
use claimtrail_eval::{data_dir, meantime_dir};
use claimtrail_extract::Pipeline;
use claimtrail_formats::{conllu, meantime};
use claimtrail_quantity::QuantityTagger;
use claimtrail_text::Document;
use claimtrail_text::Metadata;
use claimtrail_time::TimeTagger;
use std::hint::black_box;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub fn run(
    paths: &[PathBuf],
    corpora: &[BenchCorpus],
    stage: BenchStage,
    repeat: usize,
) -> anyhow::Result<ExitCode> {
    let inputs = input::list_paths(paths);
    for e in &inputs.errors {
        eprintln!("error: {e}");
    }
    let mut docs: Vec<Document> = Vec::new();
    for corpus in corpora {
        docs.extend(corpus_documents(*corpus)?);
    }
    for f in &inputs.files {
        for d in claimtrail_ingest::read(f, &Default::default()) {
            match d {
                Ok(d) => docs.push(d),
                Err(e) => eprintln!("skipped: {e}"),
            }
        }
    }
    if docs.is_empty() {
        anyhow::bail!("no readable articles in the given paths");
    }
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let words: usize = docs
        .iter()
        .map(|d| d.text().split_whitespace().count())
        .sum();
    let pipeline = Pipeline::new();
    let entities = EntityRecognizer::new();
    let time = TimeTagger::new();
    let quantity = QuantityTagger::new();
    let attribution = Attributor::new();
    // Layers a stage depends on are computed before timing starts.
    let timexes: Vec<_> = match stage {
        BenchStage::Quantity => docs.iter().map(|d| time.tag(d)).collect(),
        _ => Vec::new(),
    };
    let entity_layers: Vec<_> = match stage {
        BenchStage::Attribution => docs.iter().map(|d| entities.recognize(d)).collect(),
        _ => Vec::new(),
    };
    let mut best = Duration::MAX;
    for _ in 0..repeat.max(1) {
        let started = Instant::now();
        for (i, d) in docs.iter().enumerate() {
            match stage {
                BenchStage::Analyze => {
                    black_box(pipeline.analyze(d.clone()));
                }
                BenchStage::Segment => {
                    black_box(Document::new(d.text(), d.meta().clone()));
                }
                BenchStage::Entities => {
                    black_box(entities.recognize(d));
                }
                BenchStage::Time => {
                    black_box(time.tag(d));
                }
                BenchStage::Quantity => {
                    black_box(quantity.tag(d, &timexes[i]));
                }
                BenchStage::Attribution => {
                    black_box(attribution.attribute(d, &entity_layers[i]));
                }
            }
        }
        best = best.min(started.elapsed());
    }
    let secs = best.as_secs_f64().max(1e-9);
    writeln!(
        std::io::stdout().lock(),
        "{:?}: {} documents, {} words, {:.2} MB in {:.3} s (best of {}): {:.0} words/s, {:.2} MB/s, {:.3} ms/document",
        stage,
        docs.len(),
        words,
        bytes as f64 / 1e6,
        secs,
        repeat.max(1),
        words as f64 / secs,
        bytes as f64 / 1e6 / secs,
        secs * 1e3 / docs.len() as f64
    )?;
    Ok(ExitCode::SUCCESS)
}

/// The texts of a bundled gold corpus as documents.
fn corpus_documents(corpus: BenchCorpus) -> anyhow::Result<Vec<Document>> {
    Ok(match corpus {
        BenchCorpus::Meantime => meantime::read_corpus(&meantime_dir())?
            .documents
            .into_iter()
            .map(|d| {
                let published = d
                    .creation_time()
                    .and_then(|v| chrono::NaiveDate::parse_from_str(v.get(..10)?, "%Y-%m-%d").ok());
                Document::new(
                    d.text,
                    Metadata {
                        published,
                        title: Some(d.name),
                        ..Default::default()
                    },
                )
            })
            .collect(),
        BenchCorpus::Gum => conllu::read_dir(&data_dir().join("gum"))?
            .into_iter()
            .map(|d| {
                let mut text = String::new();
                for s in &d.sentences {
                    let sentence = s.text.clone().unwrap_or_else(|| {
                        s.tokens
                            .iter()
                            .map(|t| t.form.as_str())
                            .collect::<Vec<_>>()
                            .join(" ")
                    });
                    if !text.is_empty() {
                        text.push_str(if s.new_par { "\n\n" } else { " " });
                    }
                    text.push_str(&sentence);
                }
                Document::new(
                    text,
                    Metadata {
                        title: Some(d.id),
                        ..Default::default()
                    },
                )
            })
            .collect(),
    })
}
