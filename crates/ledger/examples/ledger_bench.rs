//! How long building the ledger takes, and how much memory, for many articles.
//!
//! Articles are made by recombining the bundled texts: runs of sentences of
//! the 120 MEANTIME Wikinews articles (`data/meantime-en`) and the multi-source
//! set, one to three runs per article under a headline, dated over two months;
//! one article in ten is a syndicated copy of an earlier one (new headline and
//! byline). Each article is analysed by the pipeline and added to a ledger in
//! a file, one transaction per article, as `claimtrail ingest` does; the time
//! of the analysis and of `Store::add` are reported apart, with the add time of
//! the first and the last tenth (it must not grow with the ledger), the peak
//! memory and the database size.
//!
//! ```text
//! cargo run --release -p claimtrail-ledger --example ledger_bench -- 10000 /tmp/ledger-bench.db
//! cargo run --release -p claimtrail-ledger --example ledger_bench -- 10000 --write articles.jsonl
//! ```
//! (`--write` only writes the articles as JSON Lines, for `claimtrail ingest`.)
//!
//! Every 1,000 articles a row of the growth table goes to standard output:
//! the articles so far, the mean `add` time of the last 1,000 (it must stay
//! flat as the ledger grows), their mean analysis time and the wall time.

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ledger::{SqliteStore, Store};
use claimtrail_text::{Document, Metadata};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn data() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data")
}

/// The sentences of each MEANTIME article (token text joined), and of the
/// multi-source articles (split at full stops).
fn sources() -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut stack = vec![data().join("meantime-en/intra_cross-doc_annotation")];
    let mut files = Vec::new();
    while let Some(dir) = stack.pop() {
        for e in std::fs::read_dir(&dir).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "xml") {
                files.push(p);
            }
        }
    }
    files.sort();
    for f in files {
        let xml = std::fs::read_to_string(&f).unwrap_or_default();
        let mut sentences: Vec<String> = Vec::new();
        let mut current = (usize::MAX, String::new());
        for part in xml.split("<token ").skip(1) {
            let sentence = part
                .split("sentence=\"")
                .nth(1)
                .and_then(|s| s.split('"').next())
                .and_then(|s| s.parse::<usize>().ok())
                .unwrap_or(0);
            let word = part
                .split_once('>')
                .and_then(|(_, rest)| rest.split_once("</token>"))
                .map(|(w, _)| unescape(w))
                .unwrap_or_default();
            if sentence != current.0 && !current.1.is_empty() {
                sentences.push(std::mem::take(&mut current.1));
            }
            current.0 = sentence;
            let glue = !current.1.is_empty()
                && !matches!(
                    word.as_str(),
                    "," | "." | ";" | ":" | "'s" | "n't" | ")" | "%" | "?" | "!"
                );
            if glue {
                current.1.push(' ');
            }
            current.1.push_str(&word);
        }
        if !current.1.is_empty() {
            sentences.push(current.1);
        }
        // Drop the title and the dateline: headlines are made anew.
        if sentences.len() > 3 {
            out.push(sentences.split_off(2));
        }
    }
    for story in ["north-korea-troops", "gm-bankruptcy"] {
        let path = data().join(format!("multisource/{story}/articles.jsonl"));
        for line in std::fs::read_to_string(path).unwrap_or_default().lines() {
            let v: serde_json::Value = serde_json::from_str(line).unwrap_or_default();
            let text = v["text"].as_str().unwrap_or("");
            let sentences: Vec<String> = text
                .split_inclusive(". ")
                .map(|s| s.trim().to_string())
                .filter(|s| s.len() > 20)
                .collect();
            if sentences.len() > 2 {
                out.push(sentences);
            }
        }
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
}

/// A small deterministic generator (xorshift), so every run builds the same articles.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

struct Article {
    title: String,
    published: chrono::NaiveDate,
    outlet: String,
    text: String,
}

fn articles(n: usize) -> Vec<Article> {
    let pool = sources();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let start = chrono::NaiveDate::from_ymd_opt(2024, 9, 1).unwrap();
    let mut out: Vec<Article> = Vec::with_capacity(n);
    for i in 0..n {
        let published = start + chrono::Days::new(rng.below(60) as u64);
        let outlet = format!("Outlet {}", rng.below(40) + 1);
        if i > 10 && rng.below(10) == 0 {
            // A syndicated copy of an earlier article.
            let j = rng.below(i);
            let (title, body) = (
                format!("{} (republished)", out[j].title),
                out[j]
                    .text
                    .split_once("\n\n")
                    .map_or("", |x| x.1)
                    .to_string(),
            );
            out.push(Article {
                title: title.clone(),
                published,
                outlet,
                text: format!("{title}\n\nBy staff and agencies\n\n{body}"),
            });
            continue;
        }
        let mut paragraphs = Vec::new();
        for _ in 0..1 + rng.below(3) {
            let src = &pool[rng.below(pool.len())];
            let len = 2 + rng.below(5);
            let from = rng.below(src.len().saturating_sub(len).max(1));
            paragraphs.push(src[from..(from + len).min(src.len())].join(" "));
        }
        let title: String = paragraphs[0]
            .split_whitespace()
            .take(9)
            .collect::<Vec<_>>()
            .join(" ");
        out.push(Article {
            title: title.clone(),
            published,
            outlet,
            text: format!("{title}\n\n{}", paragraphs.join("\n\n")),
        });
    }
    out
}

/// Articles per row of the growth table.
const GROWTH_ROW: usize = 1000;

fn peak_memory_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n: usize = args.first().and_then(|a| a.parse().ok()).unwrap_or(10_000);
    let made = articles(n);
    if args.get(1).map(String::as_str) == Some("--write") {
        let path = args.get(2).map_or("articles.jsonl", String::as_str);
        let mut f = std::io::BufWriter::new(std::fs::File::create(path)?);
        for a in &made {
            let line = serde_json::json!({
                "title": a.title, "published": a.published.to_string(),
                "source": a.outlet, "text": a.text,
            });
            writeln!(f, "{line}")?;
        }
        eprintln!("wrote {} articles to {path}", made.len());
        return Ok(());
    }
    let target = args.get(1).map_or("/tmp/ledger-bench.db", String::as_str);
    // A PostgreSQL URL (an empty database) measures the server's load rate.
    if claimtrail_ledger::is_postgres_url(target) {
        return postgres_bench(&made, target);
    }
    let db = PathBuf::from(target);
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
    }
    let words: usize = made.iter().map(|a| a.text.split_whitespace().count()).sum();
    let pipeline = Pipeline::new();
    let mut store = SqliteStore::open(&db)?;
    let (mut analysis, mut adding) = (Duration::ZERO, Duration::ZERO);
    let tenth = (made.len() / 10).max(1);
    let (mut first_tenth, mut last_tenth) = (Duration::ZERO, Duration::ZERO);
    let mut chunk = (Duration::ZERO, Duration::ZERO);
    println!(" articles  add ms/art  analysis ms/art   wall s");
    let wall = Instant::now();
    for (i, a) in made.iter().enumerate() {
        let t = Instant::now();
        let meta = Metadata {
            title: Some(a.title.clone()),
            published: Some(a.published),
            outlet: Some(a.outlet.clone()),
            ..Default::default()
        };
        let article =
            ArticleJson::from_analysis(&pipeline.analyze(Document::new(a.text.clone(), meta)));
        let analysed = t.elapsed();
        analysis += analysed;
        let t = Instant::now();
        store.add(&article, &a.text)?;
        let took = t.elapsed();
        adding += took;
        if i < tenth {
            first_tenth += took;
        } else if i >= made.len() - tenth {
            last_tenth += took;
        }
        chunk.0 += took;
        chunk.1 += analysed;
        if (i + 1) % GROWTH_ROW == 0 {
            println!(
                "{:>9} {:>12.2} {:>17.2} {:>8.1}",
                i + 1,
                1e3 * chunk.0.as_secs_f64() / GROWTH_ROW as f64,
                1e3 * chunk.1.as_secs_f64() / GROWTH_ROW as f64,
                wall.elapsed().as_secs_f64()
            );
            chunk = (Duration::ZERO, Duration::ZERO);
        }
    }
    let stats = store.stats()?;
    let propositions: i64 = store.connection().query_row(
        "SELECT COUNT(*) FROM propositions WHERE members > 0",
        [],
        |r| r.get(0),
    )?;
    let copies: i64 = store.connection().query_row(
        "SELECT COUNT(*) FROM doc_fingerprints WHERE origin != doc_id",
        [],
        |r| r.get(0),
    )?;
    let size = std::fs::metadata(&db).map(|m| m.len()).unwrap_or(0)
        + std::fs::metadata(format!("{}-wal", db.display()))
            .map(|m| m.len())
            .unwrap_or(0);
    println!(
        "articles          {} ({} words), {} stored",
        made.len(),
        words,
        stats.documents
    );
    println!(
        "claims            {} in {} propositions; {} copies found",
        stats.claims, propositions, copies
    );
    println!("wall time         {:.1} s", wall.elapsed().as_secs_f64());
    println!(
        "  analysis        {:.1} s (pipeline)",
        analysis.as_secs_f64()
    );
    println!(
        "  ledger add      {:.1} s ({:.2} ms per article)",
        adding.as_secs_f64(),
        1e3 * adding.as_secs_f64() / made.len() as f64
    );
    println!(
        "  add, first/last tenth  {:.2} / {:.2} ms per article",
        1e3 * first_tenth.as_secs_f64() / tenth as f64,
        1e3 * last_tenth.as_secs_f64() / tenth as f64
    );
    println!(
        "peak memory       {} MB",
        peak_memory_kb().unwrap_or(0) / 1024
    );
    println!("database          {} MB", size / (1024 * 1024));
    Ok(())
}

/// Loads the articles into the PostgreSQL database at `url` and prints the
/// load rate: articles and rows (all ledger tables) per second of `add`.
fn postgres_bench(made: &[Article], url: &str) -> Result<(), Box<dyn std::error::Error>> {
    let pipeline = Pipeline::new();
    let analysed: Vec<(ArticleJson, &str)> = made
        .iter()
        .map(|a| {
            let meta = Metadata {
                title: Some(a.title.clone()),
                published: Some(a.published),
                outlet: Some(a.outlet.clone()),
                ..Default::default()
            };
            let doc = Document::new(a.text.clone(), meta);
            (
                ArticleJson::from_analysis(&pipeline.analyze(doc)),
                a.text.as_str(),
            )
        })
        .collect();
    let mut store = claimtrail_ledger::PgStore::open(url)?;
    let started = Instant::now();
    for (i, (article, text)) in analysed.iter().enumerate() {
        store.add(article, text)?;
        if (i + 1) % 1000 == 0 {
            eprintln!("{} articles, {:.0?}", i + 1, started.elapsed());
        }
    }
    let took = started.elapsed().as_secs_f64();
    let mut client = postgres::Client::connect(url, postgres::NoTls)?;
    let mut rows = 0i64;
    for table in [
        "documents",
        "entities",
        "claims",
        "claim_entities",
        "canon_entities",
        "canon_aliases",
        "canon_surnames",
        "canon_roles",
        "doc_fingerprints",
        "propositions",
        "prop_terms",
        "prop_keys",
        "prop_claims",
        "prop_figures",
        "claim_links",
    ] {
        let n: i64 = client
            .query_one(&format!("SELECT count(*) FROM {table}"), &[])?
            .get(0);
        rows += n;
    }
    let stats = store.stats()?;
    println!(
        "postgres          {} articles in {took:.1} s of add: {:.1} articles/s; {} documents, {} claims; {rows} rows in all tables: {:.0} rows/s",
        analysed.len(),
        analysed.len() as f64 / took,
        stats.documents,
        stats.claims,
        rows as f64 / took
    );
    Ok(())
}
