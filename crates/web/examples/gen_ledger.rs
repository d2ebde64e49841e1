//! Builds a large ledger for the load benchmark (`scripts/load-bench`).
//!
//! `gen_ledger DB CLAIMS [TEXTS...]` analyses the bundled texts once (the
//! attribution gold articles and the seed by default), then stores dated
//! variants of them (new ids, publication dates spread over 2024, figures
//! scaled) through `Store::add` until the ledger holds CLAIMS claims.

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{SqliteStore, Store};
use std::collections::hash_map::DefaultHasher;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: gen_ledger DB CLAIMS [TEXT_FILES...]");
        std::process::exit(2);
    }
    let db = PathBuf::from(&args[0]);
    let target: usize = args[1].parse().expect("CLAIMS must be a number");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files: Vec<PathBuf> = if args.len() > 2 {
        args[2..].iter().map(PathBuf::from).collect()
    } else {
        default_texts(&root)
    };
    let pipeline = Pipeline::new();
    let base: Vec<(ArticleJson, String)> = files
        .iter()
        .filter_map(|f| {
            let text = std::fs::read_to_string(f).ok()?;
            let meta = claimtrail_text::Metadata {
                title: f.file_stem().map(|s| s.to_string_lossy().into_owned()),
                published: chrono::NaiveDate::from_ymd_opt(2024, 10, 20),
                ..Default::default()
            };
            let analysis = pipeline.analyze(claimtrail_text::Document::new(text.clone(), meta));
            Some((ArticleJson::from_analysis(&analysis), text))
        })
        .filter(|(a, _)| !a.claims.is_empty())
        .collect();
    let per_round: usize = base.iter().map(|(a, _)| a.claims.len()).sum();
    eprintln!(
        "{} texts with {per_round} claims per round; building {} ...",
        base.len(),
        db.display()
    );
    let mut store = SqliteStore::open(&db).expect("open the ledger");
    let mut claims = store.stats().expect("stats").claims;
    let mut round = 0usize;
    while claims < target {
        for (i, (article, text)) in base.iter().enumerate() {
            let variant = variant(article, round, i);
            if let Ok(claimtrail_ledger::AddOutcome::Added { claims: n }) =
                store.add(&variant, text)
            {
                claims += n;
            }
        }
        round += 1;
    }
    let stats = store.stats().expect("stats");
    eprintln!(
        "ledger {}: {} documents, {} claims, {} entity mentions",
        db.display(),
        stats.documents,
        stats.claims,
        stats.entities
    );
}

fn default_texts(root: &Path) -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(root.join("data/attribution-gold"))
        .map(|d| {
            d.flatten()
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|e| e == "txt"))
                .collect()
        })
        .unwrap_or_default();
    files.push(root.join("data/seed/zelenskyy-north-korea-address.txt"));
    files.sort();
    files
}

/// The `round`-th copy of an article: a new id, a date in 2024, scaled figures.
fn variant(article: &ArticleJson, round: usize, index: usize) -> ArticleJson {
    let mut a = article.clone();
    let mut h = DefaultHasher::new();
    (&article.document.id, round).hash(&mut h);
    let id = format!("{:016x}", h.finish());
    let day = chrono::NaiveDate::from_ymd_opt(2024, 1, 1).unwrap()
        + chrono::Days::new(((round * 7 + index) % 366) as u64);
    let date = day.format("%Y-%m-%d").to_string();
    a.document.id = id.clone();
    a.document.published = Some(date.clone());
    a.document.title = Some(format!(
        "{} ({})",
        article.document.title.as_deref().unwrap_or("article"),
        round + 1
    ));
    let scale = 1.0 + (round % 20) as f64 * 0.05;
    for (n, c) in a.claims.iter_mut().enumerate() {
        c.id = format!("{id}-c{}", n + 1);
        c.stated = Some(date.clone());
        for q in &mut c.quantities {
            q.value = (q.value * scale).round();
        }
    }
    a
}
