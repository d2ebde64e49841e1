//! `claimtrail ingest`: analyse articles and store them in the ledger.
//!
//! With `--jobs N` (N > 1) one thread reads the files, N threads analyse the
//! documents, and this thread stores them, joined by bounded channels so
//! that memory does not grow with the input. Documents are stored in input
//! order whatever N is, so the ledger is the same for every N. `--jobs 1`
//! reads, analyses and stores in this one thread. `--analyzed` stores lines
//! of `analyze --format jsonl --include-text` made elsewhere, in order, with
//! no analysis (`run_analyzed`).

use crate::cmd::input;
use crate::InputArgs;
use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_ingest::lines::Line;
use claimtrail_ingest::IngestError;
use claimtrail_ledger::{AddOutcome, Store};
use claimtrail_text::Document;
use indicatif::{ProgressBar, ProgressStyle};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::time::Instant;

/// Documents waiting per analysis worker: enough to keep the workers busy,
/// few enough that a huge corpus is never held in memory.
const QUEUE_PER_WORKER: usize = 4;

/// What the reader hands on: a document (or why it could not be read), in
/// input order, and a mark when a file is done (for the progress bar).
enum Item {
    Doc(Box<Result<Document, IngestError>>),
    FileDone,
}

/// An item after analysis.
enum Analysed {
    Article(Box<ArticleJson>, String),
    Unreadable(IngestError),
    FileDone,
}

pub fn run(args: &InputArgs, db: &Path, jobs: usize, durable: bool) -> anyhow::Result<ExitCode> {
    let inputs = input::list(args);
    // Open the ledger before any work, so that a bad --db fails fast.
    let store = crate::cmd::query::open_for_writing(db, durable)?;
    let mut tally = Tally::new(db, store, progress(inputs.files.len()));
    for e in &inputs.errors {
        eprintln!("error: {e}");
        tally.failed += 1;
    }
    let pipeline = Pipeline::new();
    if jobs <= 1 {
        for file in &inputs.files {
            for doc in input::read_file(file, args) {
                tally.take(analyse(&pipeline, doc));
            }
            tally.take(Analysed::FileDone);
        }
    } else {
        parallel(args, &inputs.files, jobs, pipeline, &mut tally);
    }
    tally.finish()
}

/// `ingest --analyzed`: loads articles analysed elsewhere (`analyze --format
/// jsonl --include-text`), without analysing them again. A line that is not
/// such an article, or whose offsets do not fit its text, is named
/// (`file:line: reason`) and skipped.
pub fn run_analyzed(
    paths: &[PathBuf],
    db: &Path,
    durable: bool,
    max_bytes: u64,
) -> anyhow::Result<ExitCode> {
    let inputs = input::list_analysis(paths);
    let store = crate::cmd::query::open_for_writing(db, durable)?;
    let mut tally = Tally::new(db, store, progress(inputs.files.len()));
    for e in &inputs.errors {
        eprintln!("error: {e}");
        tally.failed += 1;
    }
    for file in &inputs.files {
        let label = input::label(file);
        for line in input::read_lines(file, max_bytes) {
            tally.take(read_analysed(label, line));
        }
        tally.take(Analysed::FileDone);
    }
    tally.finish()
}

/// One line of analysis JSON Lines as an article and its text.
fn read_analysed(file: &Path, line: Result<Line, IngestError>) -> Analysed {
    let (number, bytes) = match line {
        Ok(line) => line,
        Err(e) => return Analysed::Unreadable(e),
    };
    let read = std::str::from_utf8(&bytes)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))
        .and_then(claimtrail_extract::printed::read_line);
    match read {
        Ok((article, text)) => Analysed::Article(Box::new(article), text),
        Err(reason) => Analysed::Unreadable(IngestError::BadLine {
            path: file.to_path_buf(),
            line: number,
            reason,
        }),
    }
}

/// Runs the reader and `jobs` analysis workers on threads; stores in input order here.
fn parallel(
    args: &InputArgs,
    files: &[PathBuf],
    jobs: usize,
    pipeline: Pipeline,
    tally: &mut Tally,
) {
    let (to_workers, for_workers) = sync_channel::<(u64, Item)>(jobs * QUEUE_PER_WORKER);
    let (to_writer, for_writer) = sync_channel::<(u64, Analysed)>(jobs * QUEUE_PER_WORKER);
    let for_workers = Arc::new(Mutex::new(for_workers));
    let pipeline = Arc::new(pipeline);
    std::thread::scope(|scope| {
        scope.spawn(move || read_all(args, files, &to_workers));
        for _ in 0..jobs {
            let (rx, tx, pipeline) = (for_workers.clone(), to_writer.clone(), pipeline.clone());
            scope.spawn(move || analyse_all(&pipeline, &rx, &tx));
        }
        drop(to_writer);
        store_in_order(&for_writer, tally);
    });
}

fn read_all(args: &InputArgs, files: &[PathBuf], out: &SyncSender<(u64, Item)>) {
    let mut seq = 0u64;
    for file in files {
        for doc in input::read_file(file, args) {
            if out.send((seq, Item::Doc(Box::new(doc)))).is_err() {
                return;
            }
            seq += 1;
        }
        if out.send((seq, Item::FileDone)).is_err() {
            return;
        }
        seq += 1;
    }
}

fn analyse_all(
    pipeline: &Pipeline,
    input: &Mutex<Receiver<(u64, Item)>>,
    out: &SyncSender<(u64, Analysed)>,
) {
    loop {
        // The lock is held only while taking the next item, not while analysing it.
        let next = match input.lock() {
            Ok(rx) => rx.recv(),
            Err(_) => return,
        };
        let Ok((seq, item)) = next else { return };
        let analysed = match item {
            Item::Doc(doc) => analyse(pipeline, *doc),
            Item::FileDone => Analysed::FileDone,
        };
        if out.send((seq, analysed)).is_err() {
            return;
        }
    }
}

/// Stores the analysed items in sequence order, holding back those that
/// arrive early (at most the queues' length of them).
fn store_in_order(input: &Receiver<(u64, Analysed)>, tally: &mut Tally) {
    let mut early = BTreeMap::new();
    let mut next = 0u64;
    for (seq, item) in input {
        early.insert(seq, item);
        while let Some(item) = early.remove(&next) {
            tally.take(item);
            next += 1;
        }
    }
}

fn analyse(pipeline: &Pipeline, doc: Result<Document, IngestError>) -> Analysed {
    match doc {
        Ok(doc) => {
            let text = doc.text().to_string();
            let analysis = pipeline.analyze(doc);
            Analysed::Article(Box::new(ArticleJson::from_analysis(&analysis)), text)
        }
        Err(e) => Analysed::Unreadable(e),
    }
}

/// The writer's side: the ledger, the counts and the progress bar.
struct Tally {
    db: PathBuf,
    store: Box<dyn Store + Send>,
    bar: ProgressBar,
    started: Instant,
    added: usize,
    present: usize,
    claims: usize,
    failed: usize,
}

impl Tally {
    fn new(db: &Path, store: Box<dyn Store + Send>, bar: ProgressBar) -> Tally {
        Tally {
            db: db.to_path_buf(),
            store,
            bar,
            started: Instant::now(),
            added: 0,
            present: 0,
            claims: 0,
            failed: 0,
        }
    }

    fn take(&mut self, item: Analysed) {
        match item {
            Analysed::Article(article, text) => self.store(&article, &text),
            Analysed::Unreadable(e) => {
                self.bar.suspend(|| eprintln!("error: {e}"));
                self.failed += 1;
            }
            Analysed::FileDone => {
                self.bar.inc(1);
                let done = self.added + self.present;
                let secs = self.started.elapsed().as_secs_f64().max(1e-3);
                self.bar
                    .set_message(format!("{done} articles, {:.0}/s", done as f64 / secs));
            }
        }
    }

    fn store(&mut self, article: &ArticleJson, text: &str) {
        match self.store.add(article, text) {
            Ok(AddOutcome::Added { claims }) => {
                self.added += 1;
                self.claims += claims;
            }
            Ok(AddOutcome::AlreadyPresent) => self.present += 1,
            Err(e) => {
                let d = &article.document;
                let name = d.path.as_deref().unwrap_or(&d.id);
                self.bar
                    .suspend(|| eprintln!("error: {name}: not stored: {e}"));
                self.failed += 1;
            }
        }
    }

    fn finish(self) -> anyhow::Result<ExitCode> {
        self.bar.finish_and_clear();
        let stats = self.store.stats()?;
        if crate::quiet() {
            return Ok(exit_code(self.failed));
        }
        eprintln!(
            "added {} document(s) with {} claim(s); {} already present; {} failed. Ledger {}: {} documents, {} claims.",
            self.added,
            self.claims,
            self.present,
            self.failed,
            claimtrail_ledger::redact(&self.db.display().to_string()),
            stats.documents,
            stats.claims
        );
        Ok(exit_code(self.failed))
    }
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    }
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
