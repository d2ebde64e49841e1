//! Throughput of `TimeTagger::tag` alone, single thread, over the texts of
//! data/meantime-en (rebuilt from its tokens) and data/gum (its `# text =`
//! lines):
//!
//! `cargo run --release -p claimtrail-time --example time_bench [-- SECONDS]`
//!
//! Documents are segmented before the clock starts; the figure is MB of text
//! per second through `tag()`, and the mean time per document.

use claimtrail_text::{Document, Metadata};
use claimtrail_time::TimeTagger;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

fn main() {
    let seconds: f64 = std::env::args()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(3.0);
    let data = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let mut texts = meantime_texts(&data.join("meantime-en/intra_cross-doc_annotation"));
    let n_meantime = texts.len();
    texts.extend(gum_texts(&data.join("gum")));
    let published = chrono::NaiveDate::from_ymd_opt(2010, 6, 15);
    let docs: Vec<Document> = texts
        .into_iter()
        .map(|t| {
            Document::new(
                t,
                Metadata {
                    published,
                    ..Metadata::default()
                },
            )
        })
        .collect();
    let bytes: usize = docs.iter().map(|d| d.text().len()).sum();
    let tagger = TimeTagger::new();
    let mut found = 0;
    for d in &docs {
        found += tagger.tag(d).len();
    }
    let start = Instant::now();
    let mut rounds = 0u32;
    while start.elapsed() < Duration::from_secs_f64(seconds) {
        for d in &docs {
            std::hint::black_box(tagger.tag(std::hint::black_box(d)));
        }
        rounds += 1;
    }
    let secs = start.elapsed().as_secs_f64();
    let mb = bytes as f64 * rounds as f64 / 1e6;
    println!(
        "{} documents ({} MEANTIME, {} GUM), {:.2} MB, {} timexes",
        docs.len(),
        n_meantime,
        docs.len() - n_meantime,
        bytes as f64 / 1e6,
        found
    );
    println!(
        "tag(): {:.1} MB/s single thread; {:.1} µs per document on average ({} rounds in {:.1} s)",
        mb / secs,
        secs * 1e6 / (rounds as f64 * docs.len() as f64),
        rounds,
        secs
    );
}

/// MEANTIME articles: tokens joined by spaces, one sentence per line.
fn meantime_texts(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for file in files(dir, "xml") {
        let Ok(src) = std::fs::read_to_string(&file) else {
            continue;
        };
        let mut text = String::new();
        let mut sentence = None;
        let mut rest = src.as_str();
        while let Some(k) = rest.find("<token ") {
            rest = &rest[k..];
            let Some(gt) = rest.find('>') else { break };
            let tag = &rest[..gt];
            let s = tag
                .split("sentence=\"")
                .nth(1)
                .and_then(|v| v.split('"').next())
                .map(str::to_string);
            let Some(end) = rest[gt..].find("</token>") else {
                break;
            };
            let word = rest[gt + 1..gt + end]
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">");
            if s != sentence && sentence.is_some() {
                text.push('\n');
            } else if !text.is_empty() {
                text.push(' ');
            }
            sentence = s;
            text.push_str(&word);
            rest = &rest[gt + end..];
        }
        out.push(text);
    }
    out
}

/// GUM documents: their sentences' `# text =` lines.
fn gum_texts(dir: &Path) -> Vec<String> {
    files(dir, "conllu")
        .iter()
        .filter_map(|f| std::fs::read_to_string(f).ok())
        .map(|src| {
            src.lines()
                .filter_map(|l| l.strip_prefix("# text = "))
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect()
}

fn files(dir: &Path, ext: &str) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let Ok(entries) = std::fs::read_dir(dir) else {
        return out;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(files(&p, ext));
        } else if p.extension().is_some_and(|x| x == ext) {
            out.push(p);
        }
    }
    out.sort();
    out
}
