//! Reading the articles named on the command line, file by file, or from
//! standard input (`-`).

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

/// Expands the paths: `-` stays standard input, a file named with
/// `--input-format` is taken whatever its extension, the rest is discovered.
pub fn list(args: &InputArgs) -> Inputs {
    let mut files = Vec::new();
    let mut errors = Vec::new();
    for path in &args.paths {
        if path.as_os_str() == STDIN || (args.input_format.is_some() && path.is_file()) {
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
    let docs: claimtrail_ingest::Documents = if path.as_os_str() == STDIN {
        read_stdin(format.unwrap_or(InputFormat::Text), &opts)
    } else if let Some(f) = named {
        claimtrail_ingest::stream_as(path, f.ingest(), &opts)
    } else {
        claimtrail_ingest::stream(path, &opts)
    };
    let single = format.unwrap_or(InputFormat::Text).is_single_article();
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
