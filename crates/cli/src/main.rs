//! The `claimtrail` command line: thin wrappers that call the layers below and
//! format their results.

mod cmd;
mod style;

use claimtrail_attribution::Stance;
use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::atomic::{AtomicU8, Ordering};

/// Turn news articles into a claim ledger: who said what, when, with which
/// figures, on what evidence.
///
/// Start with `claimtrail analyze samples/ --published 2024-10-20` to see what
/// the engine finds in an article, then `claimtrail ingest samples/ --published
/// 2024-10-20` to store it and `claimtrail claims --speaker NAME` to query the
/// ledger.
///
/// Inputs: plain text (.txt), web pages (.html, .htm), JSON Lines (.jsonl, one
/// article per line), RSS and Atom feeds (.rss, .atom, .xml), JSON Feed (with
/// `--input-format feed`), WARC archives (.warc, .warc.gz), and standard input
/// (`-`).
///
/// Dates: a metadata date before 1900 or after tomorrow is ignored with a
/// warning; `CLAIMTRAIL_NOW` (YYYY-MM-DD or RFC 3339) fixes "today" for
/// reproducible runs.
#[derive(Parser, Debug)]
#[command(name = "claimtrail", version, about, long_about, max_term_width = 100)]
pub(crate) struct Cli {
    /// Print errors only: no warnings, notes or summaries.
    #[arg(long, short, global = true, conflicts_with = "verbose")]
    quiet: bool,
    /// Also print a note for each input read (its documents and dates).
    #[arg(long, short, global = true)]
    verbose: bool,
    #[command(subcommand)]
    command: Command,
}

/// 0 quiet, 1 normal, 2 verbose.
static VERBOSITY: AtomicU8 = AtomicU8::new(1);

/// A warning on stderr, unless `--quiet`.
pub(crate) fn warn(msg: impl std::fmt::Display) {
    if VERBOSITY.load(Ordering::Relaxed) >= 1 {
        eprintln!("warning: {msg}");
    }
}

/// A note on stderr with `--verbose`.
pub(crate) fn note(msg: impl std::fmt::Display) {
    if VERBOSITY.load(Ordering::Relaxed) >= 2 {
        eprintln!("note: {msg}");
    }
}

/// Whether `--quiet` was given (summaries are left out).
pub(crate) fn quiet() -> bool {
    VERBOSITY.load(Ordering::Relaxed) == 0
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Analyse articles and print entities, dates, figures, quotes and claims.
    ///
    /// Reads text, HTML, JSON Lines, RSS/Atom/JSON Feed and WARC files, and
    /// standard input (`-`); folders are searched recursively. Nothing is
    /// stored: use `ingest` for that.
    #[command(
        after_help = "Examples:\n  claimtrail analyze article.html --published 2024-10-20\n  claimtrail analyze samples/ --format jsonl > out.jsonl\n  curl -s URL | claimtrail analyze - --input-format html --format json --include-text"
    )]
    Analyze {
        #[command(flatten)]
        input: InputArgs,
        /// Output format: a readable report; JSON (one object for one article,
        /// an array for several); one JSON object per line; or CSV, one row per claim.
        #[arg(long, value_enum, default_value_t = OutputFormat::Text)]
        format: OutputFormat,
        /// Put the analysed text (the text the offsets point into; for HTML the
        /// extracted main text) into the JSON as `document.text`.
        #[arg(long)]
        include_text: bool,
        /// Say why: each date and figure carries `why`, the names of the rules
        /// that decided it (in JSON, and under each line of the report).
        #[arg(long)]
        explain: bool,
    },
    /// Analyse articles and store them, with their claims, in the ledger.
    ///
    /// Re-ingesting the same text adds nothing (documents are keyed by a hash of
    /// their text). A bad file is reported and skipped; the exit code is 1 when
    /// anything failed.
    Ingest {
        #[command(flatten)]
        input: InputArgs,
        #[command(flatten)]
        db: DbArgs,
        /// Analysis threads (default: one per core). Articles are stored in
        /// input order, so the ledger is the same for any number; 1 reads,
        /// analyses and stores in one thread.
        #[arg(long, short = 'j', value_parser = clap::value_parser!(u16).range(1..=256))]
        jobs: Option<u16>,
        /// The inputs are analysed articles, as `analyze --format jsonl
        /// --include-text` prints them (a Spark job's output folder, a file, or
        /// `-`): they are stored without being analysed again. A line of
        /// another schema version, or whose offsets do not fit its text, is
        /// reported and skipped.
        #[arg(long, conflicts_with_all = ["input_format", "published", "jobs"])]
        analyzed: bool,
        /// Wait for the disk at every commit, so that not even a power cut
        /// loses a stored article (slower). Without it a killed or crashed
        /// ingest loses nothing already stored; a power cut may lose the
        /// last few.
        #[arg(long)]
        durable: bool,
    },
    /// List the claims in the ledger, filtered.
    #[command(
        after_help = "Examples:\n  claimtrail claims --speaker Austin\n  claimtrail claims --entity \"North Korea\" --stance cannot_confirm --since 2024-10-01"
    )]
    Claims {
        #[command(flatten)]
        filter: FilterArgs,
        #[command(flatten)]
        db: DbArgs,
        /// A readable list, a JSON array, or CSV (one row per claim).
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Text)]
        format: ClaimsFormat,
    },
    /// Export the ledger's claims for other tools: JSON Lines, CSV, or schema.org
    /// `Claim` objects in JSON-LD (docs/export.md).
    #[command(
        after_help = "Examples:\n  claimtrail export --format csv > claims.csv\n  claimtrail export --format jsonld --entity \"North Korea\" --since 2024-10-01 > claims.jsonld"
    )]
    Export {
        #[command(flatten)]
        filter: ClaimConditions,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum)]
        format: ExportFormat,
    },
    /// The claims by or about one person, organisation or place, in date order.
    Timeline {
        /// A name or part of one ("Zelenskyy", "North Korea").
        name: String,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// The propositions about an entity or words: who stands behind each claim, who
    /// withholds or denies it, in date order.
    Story {
        /// An entity name or words ("North Korea troops").
        query: String,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// How a figure evolved: values by date and source, with a low/best/high summary.
    Figures {
        query: String,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Who said what about a query, grouped by independent source (syndicated copies collapsed).
    Sources {
        query: String,
        #[command(flatten)]
        db: DbArgs,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// List, merge or split the ledger's canonical entities (decisions are kept).
    Entities {
        #[command(subcommand)]
        action: EntityAction,
        #[command(flatten)]
        db: DbArgs,
    },
    /// Serve the HTTP API and the web page over a ledger.
    ///
    /// Binds to 127.0.0.1 unless --bind says otherwise. Writes (POST
    /// /api/documents) are off unless --token (or CLAIMTRAIL_TOKEN) is given, and
    /// then need `Authorization: Bearer <token>`. A missing --db file is an
    /// error unless --create is given.
    Serve {
        #[command(flatten)]
        db: DbArgs,
        /// Create the ledger when the --db file does not exist.
        #[arg(long)]
        create: bool,
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: String,
        /// Enables writes for clients presenting this bearer token. A token on
        /// the command line is visible to other users in `ps`: prefer
        /// CLAIMTRAIL_TOKEN or --token-file.
        #[arg(long, env = "CLAIMTRAIL_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// Reads the write token from this file (its first line).
        #[arg(long, conflicts_with = "token")]
        token_file: Option<PathBuf>,
    },
    /// Write annotations in a standard exchange format (TimeML, BRAT, CoNLL).
    ///
    /// timeml: reads a TempEval-3 .tml file (or plain text with --dct) and writes
    /// it with the engine's TIMEX3 tags to stdout. brat: writes FILE.ann beside
    /// each FILE.txt with Source/Cue/Content spans. conll: reads token-per-line
    /// CoNLL-2003 input and writes it with a predicted BIO column.
    Annotate {
        #[arg(long, value_enum)]
        format: AnnotateFormat,
        /// Document creation time for plain-text TimeML input (YYYY-MM-DD).
        #[arg(long, value_parser = parse_date)]
        dct: Option<chrono::NaiveDate>,
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write each output into this folder instead of stdout (or beside the input, for brat).
        #[arg(long)]
        out_dir: Option<PathBuf>,
    },
    /// Score a stage against gold data (defaults to the sets bundled in data/).
    Eval {
        #[arg(value_parser = task_parser())]
        task: claimtrail_eval::Task,
        /// The gold file or folder to score on (`eval story DIR` takes it as FOLDER too).
        #[arg(long)]
        gold: Option<PathBuf>,
        #[arg(conflicts_with = "gold")]
        folder: Option<PathBuf>,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Rebuild the statistical models from the gold data, deterministically.
    Train {
        /// Which model: pos, ner or all.
        #[arg(default_value = "all")]
        what: String,
        /// The gold data folder.
        #[arg(long)]
        data: Option<PathBuf>,
        /// Where to write the model files.
        #[arg(long)]
        out: Option<PathBuf>,
    },
    /// Measure throughput (words/s, MB/s) of the pipeline or one stage, single core.
    #[command(
        after_help = "Examples:\n  claimtrail bench --corpus meantime --corpus gum\n  claimtrail bench samples/ --stage time"
    )]
    Bench {
        /// Files or folders of articles (as for `analyze`).
        #[arg(required_unless_present = "corpus")]
        paths: Vec<PathBuf>,
        /// A bundled corpus of data/ to run on (its texts rebuilt from the gold files).
        #[arg(long, value_enum)]
        corpus: Vec<BenchCorpus>,
        #[arg(long, value_enum, default_value_t = BenchStage::Analyze)]
        stage: BenchStage,
        /// Passes over the texts; the best pass is reported.
        #[arg(long, default_value_t = 3)]
        repeat: usize,
    },
    /// Print a shell completion script (e.g. `claimtrail completions bash >
    /// ~/.local/share/bash-completion/completions/claimtrail`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff), e.g. `claimtrail man > claimtrail.1`.
    Man,
}

#[derive(Subcommand, Debug)]
enum EntityAction {
    /// List canonical entities matching a name, with their aliases and roles.
    List {
        #[arg(default_value = "")]
        name: String,
        #[arg(long, value_enum, default_value_t = QueryFormat::Text)]
        format: QueryFormat,
    },
    /// Merge entity FROM into entity INTO (ids or exact names).
    Merge { from: String, into: String },
    /// Split an alias off its entity into an entity of its own.
    Split { entity: String, alias: String },
}

#[derive(Args, Debug)]
struct InputArgs {
    /// Files or folders (.txt, .html, .htm, .jsonl, .rss, .atom, .xml, .warc,
    /// .warc.gz), `-` for standard input, or http:// and https:// URLs (each
    /// fetched once, read as its Content-Type says; see --fetch-timeout and
    /// --max-bytes; at most 5 redirects).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// The format of standard input (default text) and of the files named on
    /// the command line, whatever their extension (files found in folders go by
    /// their extension). `feed` reads RSS, Atom and JSON Feed.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Publication date (YYYY-MM-DD): the anchor of relative dates ("on
    /// Tuesday", "8 October"). It overrides the date of a text file or web page;
    /// in JSON Lines, feeds and WARC archives each record's own date wins and
    /// this fills in the records without one.
    #[arg(long, value_parser = parse_date)]
    published: Option<chrono::NaiveDate>,
    /// Refuse files larger than this many bytes (for .jsonl and WARC files,
    /// lines and records: those are read one at a time).
    #[arg(long, default_value_t = 10 * 1024 * 1024, env = "CLAIMTRAIL_MAX_BYTES")]
    max_bytes: u64,
    /// Seconds a URL input may take to arrive, whole (connection, redirects
    /// and body), before it is given up with an error.
    #[arg(long, default_value_t = 30, value_name = "SECS")]
    fetch_timeout: u64,
}

#[derive(Args, Debug)]
struct DbArgs {
    /// The ledger: a SQLite file, or a PostgreSQL server's database
    /// (postgresql://user@host:port/db).
    #[arg(
        long,
        env = "CLAIMTRAIL_DB",
        default_value = "claimtrail.db",
        global = true
    )]
    db: PathBuf,
}

/// The conditions on claims shared by `claims` and `export`.
#[derive(Args, Debug)]
struct ClaimConditions {
    /// The speaker: an entity's name, alias or surname ("Austin"), or the
    /// name as written (case-insensitive); never part of a role.
    #[arg(long)]
    speaker: Option<String>,
    /// The claim is by or about an entity whose name contains this.
    #[arg(long)]
    entity: Option<String>,
    #[arg(long, value_parser = PossibleValuesParser::new(Stance::ALL.map(Stance::as_str)))]
    stance: Option<String>,
    /// Stated on or after this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    since: Option<chrono::NaiveDate>,
    /// Stated on or before this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    until: Option<chrono::NaiveDate>,
}

impl ClaimConditions {
    /// The ledger's filter for these conditions: every claim that meets them.
    fn filter(&self) -> claimtrail_ledger::ClaimFilter {
        let day = |d: &chrono::NaiveDate| d.format("%Y-%m-%d").to_string();
        claimtrail_ledger::ClaimFilter {
            speaker: self.speaker.clone(),
            entity: self.entity.clone(),
            stance: self.stance.clone(),
            since: self.since.as_ref().map(day),
            until: self.until.as_ref().map(day),
            ..Default::default()
        }
    }
}

#[derive(Args, Debug)]
struct FilterArgs {
    #[command(flatten)]
    conditions: ClaimConditions,
    /// Words that must all appear in the claim or its sentence.
    #[arg(long)]
    text: Option<String>,
    #[arg(long, default_value_t = 100)]
    limit: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum OutputFormat {
    Text,
    Json,
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ClaimsFormat {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum ExportFormat {
    /// One claim object per line (as `claims --format json` gives them).
    Jsonl,
    /// One row per claim, with a header row.
    Csv,
    /// schema.org `Claim` objects in a JSON-LD `@graph`.
    Jsonld,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Text,
    Html,
    Jsonl,
    /// RSS, Atom or JSON Feed.
    Feed,
    /// WARC, plain or gzipped.
    Warc,
}

impl InputFormat {
    fn ingest(self) -> claimtrail_ingest::InputFormat {
        use claimtrail_ingest::InputFormat as F;
        match self {
            InputFormat::Text => F::Text,
            InputFormat::Html => F::Html,
            InputFormat::Jsonl => F::JsonLines,
            InputFormat::Feed => F::Feed,
            InputFormat::Warc => F::Warc,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum QueryFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum AnnotateFormat {
    Timeml,
    Brat,
    Conll,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum BenchCorpus {
    /// The 120 MEANTIME Wikinews articles (data/meantime-en).
    Meantime,
    /// The 110 GUM documents (data/gum).
    Gum,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum BenchStage {
    /// The whole pipeline.
    Analyze,
    /// Sentence and token segmentation (building the Document).
    Segment,
    Entities,
    Time,
    Quantity,
    Attribution,
}

fn task_parser() -> impl TypedValueParser<Value = claimtrail_eval::Task> {
    PossibleValuesParser::new(claimtrail_eval::Task::ALL.map(|(name, _)| name))
        .try_map(|name| claimtrail_eval::Task::from_name(&name).ok_or("unknown task"))
}

fn parse_date(s: &str) -> Result<chrono::NaiveDate, String> {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date of the form YYYY-MM-DD"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    VERBOSITY.store(
        match (cli.quiet, cli.verbose) {
            (true, _) => 0,
            (_, true) => 2,
            _ => 1,
        },
        Ordering::Relaxed,
    );
    // A bad CLAIMTRAIL_NOW is a usage error, found before any work.
    if let Err(e) = claimtrail_ingest::today() {
        eprintln!("error: {e}");
        return ExitCode::from(2);
    }
    let result = match cli.command {
        Command::Analyze {
            input,
            format,
            include_text,
            explain,
        } => cmd::analyze::run(&input, format, include_text, explain),
        Command::Ingest {
            input,
            db,
            analyzed: true,
            durable,
            ..
        } => cmd::ingest::run_analyzed(&input.paths, &db.db, durable, input.max_bytes),
        Command::Ingest {
            input,
            db,
            jobs,
            durable,
            ..
        } => {
            let jobs = jobs.map_or_else(
                || std::thread::available_parallelism().map_or(1, |n| n.get()),
                usize::from,
            );
            cmd::ingest::run(&input, &db.db, jobs, durable)
        }
        Command::Claims { filter, db, format } => cmd::query::claims(&filter, &db.db, format),
        Command::Export { filter, db, format } => cmd::export::run(&filter, &db.db, format),
        Command::Timeline { name, db, format } => cmd::query::timeline(&name, &db.db, format),
        Command::Story { query, db, format } => cmd::story::story(&query, &db.db, format),
        Command::Figures { query, db, format } => cmd::story::figures(&query, &db.db, format),
        Command::Sources { query, db, format } => cmd::story::sources(&query, &db.db, format),
        Command::Entities { action, db } => cmd::story::entities(&action, &db.db),
        Command::Serve {
            db,
            create,
            bind,
            token,
            token_file,
        } => cmd::serve::run(&db.db, create, &bind, token, token_file.as_deref()),
        Command::Annotate {
            format,
            dct,
            files,
            out_dir,
        } => cmd::annotate::run(format, dct, &files, out_dir.as_deref()),
        Command::Eval {
            task,
            gold,
            folder,
            format,
        } => cmd::eval::run(task, gold.or(folder).as_deref(), format),
        Command::Train { what, data, out } => cmd::eval::train(&what, data, out),
        Command::Bench {
            paths,
            corpus,
            stage,
            repeat,
        } => cmd::bench::run(&paths, &corpus, stage, repeat),
        Command::Completions { shell } => cmd::docs::completions(shell),
        Command::Man => cmd::docs::man(),
    };
    match result {
        Ok(code) => code,
        // The reader went away (`claimtrail ... | head`): not an error.
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain()
        .filter_map(|c| c.downcast_ref::<std::io::Error>())
        .any(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
}
