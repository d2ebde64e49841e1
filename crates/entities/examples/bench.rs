//! Words per second of the entity layer (POS tagging, entities, roles,
//! coreference) on one core, over the GUM and UD EWT texts in data/.
//!
//! `cargo run --release -p claimtrail-entities --example bench [ROUNDS] [--dump FILE]`
//!
//! `--dump FILE` writes every document's entity layer (JSON, one a line) and
//! the wire probe's CoNLL tags to FILE: two dumps from before and after a
//! change that should not move outputs (a list moved to a data file, a speed
//! change) must be byte-identical.
use claimtrail_entities::EntityRecognizer;
use claimtrail_text::{Document, Metadata};
use std::time::Instant;

/// Document texts from the `# text =` lines of CoNLL-U files, one text per `# newdoc`.
fn texts(dir: &std::path::Path, out: &mut Vec<String>) {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "conllu"))
        .collect();
    files.sort();
    for f in files {
        let Ok(s) = std::fs::read_to_string(&f) else {
            continue;
        };
        let mut cur = String::new();
        for line in s.lines() {
            if line.starts_with("# newdoc") && !cur.is_empty() {
                out.push(std::mem::take(&mut cur));
            } else if line.starts_with("# newpar") && !cur.is_empty() {
                cur.push_str("\n\n");
            } else if let Some(t) = line.strip_prefix("# text = ") {
                if !cur.is_empty() && !cur.ends_with('\n') {
                    cur.push(' ');
                }
                cur.push_str(t);
            }
        }
        if !cur.is_empty() {
            out.push(cur);
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let rounds: usize = args.first().and_then(|s| s.parse().ok()).unwrap_or(3);
    let dump = args
        .iter()
        .position(|a| a == "--dump")
        .and_then(|i| args.get(i + 1));
    let data = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data");
    let mut docs_text = Vec::new();
    texts(&data.join("gum"), &mut docs_text);
    texts(&data.join("ud-english-ewt"), &mut docs_text);
    let t = Instant::now();
    let rec = EntityRecognizer::new();
    println!("models loaded in {:?}", t.elapsed());
    let docs: Vec<Document> = docs_text
        .iter()
        .map(|s| Document::new(s.as_str(), Metadata::default()))
        .collect();
    let words: usize = docs.iter().map(|d| d.tokens().len()).sum();
    if let Some(path) = dump {
        if let Err(e) = write_dump(&rec, &docs, path) {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    }
    let mut mentions = 0;
    let t = Instant::now();
    for _ in 0..rounds {
        for d in &docs {
            mentions += rec.recognize(d).mentions.len();
        }
    }
    let secs = t.elapsed().as_secs_f64();
    let total = words * rounds;
    println!("{} documents, {words} tokens x {rounds} rounds: {:.0} words/s (tagging + entities + roles + coreference), {mentions} mentions", docs.len(), total as f64 / secs);
    let t = Instant::now();
    for _ in 0..rounds {
        for s in &docs_text {
            std::hint::black_box(rec.recognize(&Document::new(s.as_str(), Metadata::default())));
        }
    }
    println!(
        "with segmentation: {:.0} words/s",
        total as f64 / t.elapsed().as_secs_f64()
    );
}

/// Every document's entity layer, then the wire probe's tags, one line each.
fn write_dump(rec: &EntityRecognizer, docs: &[Document], path: &str) -> std::io::Result<()> {
    use std::io::Write;
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    for d in docs {
        let layer = rec.recognize(d);
        writeln!(
            out,
            "{}",
            serde_json::to_string(&layer).map_err(std::io::Error::other)?
        )?;
    }
    let probe =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/wire_probe.conll");
    let text = std::fs::read_to_string(probe)?;
    let mut sentences: Vec<Vec<&str>> = vec![Vec::new()];
    for line in text.lines() {
        match line.split_whitespace().next() {
            None | Some("-DOCSTART-") => {
                if !sentences.last().is_some_and(Vec::is_empty) {
                    sentences.push(Vec::new());
                }
            }
            Some(w) => sentences.last_mut().unwrap().push(w),
        }
    }
    sentences.retain(|s| !s.is_empty());
    for (s, tags) in sentences.iter().zip(rec.tag_tokens(&sentences)) {
        writeln!(out, "{s:?} {tags:?}")?;
    }
    Ok(())
}
