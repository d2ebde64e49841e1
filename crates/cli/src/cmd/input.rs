//! Reading the articles named on the command line, file by file, from
//! standard input (`-`), or from http(s) URLs (fetched once each).

use crate::InputArgs;
use claimtrail_ingest::lines::{Line, Lines};
use claimtrail_ingest::{discover, IngestError, InputFormat, ReadOptions};
use claimtrail_text::Document;
use std::io::Read;
use std::path::{Path, PathBuf};

/// The path that names standard input.
pub const STDIN: &str = "-";

/// How standard input is named in errors and in `document.path`.
const STDIN_LABEL: &str = "<stdin>";

/// The files to read (`-` for standard input) and the path errors found
/// while listing them.
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub errors: Vec<IngestError>,
}

/// Whether a command-line input is a URL (`scheme://...`), not a file.
fn url_of(path: &Path) -> Option<&str> {
    path.to_str().filter(|s| claimtrail_ingest::is_url(s))
}

/// Expands the paths: `-` and URLs stay as they are, a file named with
/// `--input-format` is taken whatever its extension, the rest is discovered.
pub fn list(args: &InputArgs) -> Inputs {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == STDIN
            || url_of(path).is_some()
            || (args.input_format.is_some() && path.is_file())
        {
            files.push(path.clone());
            continue;
        }
        let found = list_paths(std::slice::from_ref(path));
        files.extend(found.files);
        errors.extend(found.errors);
    }
    Inputs { files, errors }
}

/// The analysis JSON Lines files to load (`ingest --analyzed`): `-` and
/// files as named; a folder gives its files, sorted, but for the hidden ones
/// and those starting with `_` (a Spark or Hadoop output folder holds
/// `part-*` files beside `_SUCCESS` and `.crc` files).
pub fn list_analysis(paths: &[PathBuf]) -> Inputs {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        if path.as_os_str() == STDIN || !path.is_dir() {
            files.push(path.clone());
            continue;
        }
        match std::fs::read_dir(path) {
            Ok(entries) => {
                let mut found: Vec<PathBuf> = entries
                    .flatten()
                    .filter(|e| {
                        let name = e.file_name();
                        let name = name.to_string_lossy();
                        !name.starts_with('.') && !name.starts_with('_')
                    })
                    .map(|e| e.path())
                    .filter(|p| p.is_file())
                    .collect();
                found.sort();
                files.extend(found);
            }
            Err(source) => errors.push(IngestError::Io {
                path: path.clone(),
                source,
            }),
        }
    }
    Inputs { files, errors }
}

/// How an input is named in errors: `<stdin>` for `-`.
pub fn label(path: &Path) -> &Path {
    if path.as_os_str() == STDIN {
        Path::new(STDIN_LABEL)
    } else {
        path
    }
}

/// The lines of an analysis file, or of standard input for `-`.
pub fn read_lines(
    path: &Path,
    max_bytes: u64,
) -> Box<dyn Iterator<Item = Result<Line, IngestError>>> {
    let opts = ReadOptions { max_bytes };
    if path.as_os_str() == STDIN {
        let stdin = std::io::BufReader::with_capacity(64 * 1024, std::io::stdin());
        return Box::new(Lines::new(label(path), stdin, max_bytes));
    }
    match claimtrail_ingest::lines::open(path, &opts) {
        Ok(lines) => Box::new(lines),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// Expands files and folders by extension (no standard input).
pub fn list_paths(paths: &[PathBuf]) -> Inputs {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for r in discover(paths) {
        match r {
            Ok(f) => files.push(f),
            Err(e) => errors.push(e),
        }
    }
    Inputs { files, errors }
}

/// Reads one input into documents, as they are taken (JSON Lines and WARC
/// files stream). An impossible metadata date is dropped with a warning;
/// `--published` then overrides the date of a single article (text, HTML)
/// and fills in the records of the other formats that have none.
pub fn read_file(
    path: &Path,
    args: &InputArgs,
) -> impl Iterator<Item = Result<Document, IngestError>> {
    let opts = ReadOptions {
        max_bytes: args.max_bytes,
    };
    let named = args
        .input_format
        .filter(|_| args.paths.iter().any(|p| p == path));
    let format = named
        .map(|f| f.ingest())
        .or_else(|| claimtrail_ingest::InputFormat::of(path));
    let mut single = format.unwrap_or(InputFormat::Text).is_single_article();
    let docs: claimtrail_ingest::Documents = if let Some(url) = url_of(path) {
        let (format, docs) = read_url(url, named.map(|f| f.ingest()), args);
        single = format.is_none_or(InputFormat::is_single_article);
        Box::new(docs.into_iter())
    } else if path.as_os_str() == STDIN {
        read_stdin(format.unwrap_or(InputFormat::Text), &opts)
    } else if let Some(f) = named {
        claimtrail_ingest::stream_as(path, f.ingest(), &opts)
    } else {
        claimtrail_ingest::stream(path, &opts)
    };
    let today = claimtrail_ingest::today().unwrap_or_else(|_| chrono::Utc::now().date_naive());
    let published = args.published;
    docs.map(move |doc| {
        doc.map(|mut doc| {
            settle_date(&mut doc, published, single, today);
            doc
        })
    })
}

/// The publication date a document is analysed with (see [`read_file`]).
fn settle_date(
    doc: &mut Document,
    published: Option<chrono::NaiveDate>,
    single: bool,
    today: chrono::NaiveDate,
) {
    if let Some(w) = claimtrail_ingest::check_published(doc, today) {
        crate::warn(w);
    }
    if let Some(date) = published {
        let stated = &mut doc.meta_mut().published;
        if single {
            *stated = Some(date);
        } else {
            stated.get_or_insert(date);
        }
    }
    let m = doc.meta();
    crate::note(format_args!(
        "{}: published {}",
        m.path.as_deref().unwrap_or(STDIN_LABEL),
        m.published
            .map_or("unknown".to_string(), |d| d.format("%Y-%m-%d").to_string())
    ));
}

/// A URL's documents, in the named format or the one its answer gives
/// (None when the fetch failed).
fn read_url(
    url: &str,
    named: Option<InputFormat>,
    args: &InputArgs,
) -> (Option<InputFormat>, Vec<Result<Document, IngestError>>) {
    let opts = ReadOptions {
        max_bytes: args.max_bytes,
    };
    let limits = claimtrail_ingest::FetchOptions {
        timeout: std::time::Duration::from_secs(args.fetch_timeout),
        ..Default::default()
    };
    match claimtrail_ingest::fetch(url, &opts, &limits) {
        Ok(fetched) => {
            let format = named.unwrap_or_else(|| claimtrail_ingest::format_of(&fetched));
            let docs = claimtrail_ingest::read_fetched(url, &fetched, format, &opts);
            (Some(format), docs)
        }
        Err(e) => (None, vec![Err(e)]),
    }
}

/// Standard input: JSON Lines a line at a time (a pipe may carry more than
/// memory holds), the other formats read whole up to the size limit.
fn read_stdin(format: InputFormat, opts: &ReadOptions) -> claimtrail_ingest::Documents {
    let label = Path::new(STDIN_LABEL);
    if format == InputFormat::JsonLines {
        let stdin = std::io::BufReader::with_capacity(64 * 1024, std::io::stdin());
        return claimtrail_ingest::stream_json_lines(label, Box::new(stdin), opts);
    }
    let one = |e| -> claimtrail_ingest::Documents { Box::new(std::iter::once(Err(e))) };
    let mut bytes = Vec::new();
    let read = std::io::stdin()
        .lock()
        .take(opts.max_bytes.saturating_add(1))
        .read_to_end(&mut bytes);
    if let Err(source) = read {
        return one(IngestError::Io {
            path: label.to_path_buf(),
            source,
        });
    }
    if bytes.len() as u64 > opts.max_bytes {
        return one(IngestError::TooLarge {
            path: label.to_path_buf(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    Box::new(claimtrail_ingest::read_bytes(label, &bytes, format, opts).into_iter())
}
