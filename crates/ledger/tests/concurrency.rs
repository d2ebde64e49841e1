//! Several writers on one ledger file at once: each waits for the write lock,
//! none fails and no article is lost, even when they all create the file.

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{AddOutcome, SqliteStore, Store};
use claimtrail_text::{Document, Metadata};
use std::sync::{Arc, Barrier};

fn article(pipeline: &Pipeline, writer: usize, n: usize) -> (ArticleJson, String) {
    let text = format!(
        "Officials in the northern province said on Monday that {} families had left \
         their homes after the floods. \"We expect more rain,\" said Maria Duarte, who \
         leads relief team number {writer}-{n}.",
        100 + n * 7 + writer
    );
    let meta = Metadata {
        published: chrono::NaiveDate::from_ymd_opt(2024, 3, 4),
        ..Metadata::default()
    };
    let analysis = pipeline.analyze(Document::new(text.clone(), meta));
    (ArticleJson::from_analysis(&analysis), text)
}

#[test]
fn writers_started_together_on_a_new_ledger_lose_nothing() {
    const WRITERS: usize = 3;
    const PER_WRITER: usize = 15;
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ledger.db");
    let pipeline = Arc::new(Pipeline::new());
    let start = Arc::new(Barrier::new(WRITERS));
    let handles: Vec<_> = (0..WRITERS)
        .map(|w| {
            let (path, pipeline, start) = (path.clone(), pipeline.clone(), start.clone());
            std::thread::spawn(move || {
                let articles: Vec<_> = (0..PER_WRITER).map(|n| article(&pipeline, w, n)).collect();
                start.wait();
                // Every writer creates and migrates the same new file at once.
                let mut store = SqliteStore::open(&path).expect("open");
                for (a, text) in &articles {
                    let outcome = store.add(a, text).expect("add waits, never fails");
                    assert!(matches!(outcome, AddOutcome::Added { .. }));
                }
            })
        })
        .collect();
    for h in handles {
        h.join().expect("writer thread");
    }
    let store = SqliteStore::open(&path).unwrap();
    assert_eq!(store.stats().unwrap().documents, WRITERS * PER_WRITER);
}
