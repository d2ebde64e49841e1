//! Ingest: turns files into [`Document`]s with metadata.
//!
//! Contract (used by the CLI and the server):
//! - [`discover`] expands the paths a user gave (folders recursively, in a
//!   stable sorted order) into files, reporting missing paths as errors;
//! - [`read`] reads one file into zero or more documents; a bad file or a bad
//!   line yields an [`IngestError`] naming the file (and line) and the reason,
//!   never a panic, and the other lines of a JSON Lines file still come through;
//!   [`stream`] does the same as the caller takes the documents (JSON Lines
//!   and WARC a line or record at a time);
//! - [`read_as`] / [`stream_as`] read a file in a named [`InputFormat`]
//!   whatever its name, and [`read_bytes`] reads input already in memory
//!   (standard input);
//! - [`read_url`] fetches an `http(s)://` page once (time limit, size cap,
//!   few redirects; [`fetch`]) and reads it in the format its
//!   `Content-Type` names: the only network access of claimtrail;
//! - [`check_published`] drops an impossible publication date (before 1900,
//!   after tomorrow by [`today`], which `CLAIMTRAIL_NOW` fixes) with a warning.
//!
//! Formats (by extension): `.txt` plain text, `.html`/`.htm` web pages (main
//! text extracted, see [`html`]), `.jsonl` one article per line, `.rss`,
//! `.atom` and `.xml` feeds (one document per item), `.warc` and `.warc.gz`
//! web archives (one document per HTML response). [`dedup`] finds syndicated
//! copies among documents. See `docs/ingest.md` for the metadata rules and
//! limits.

mod date;
mod feed;
mod fetch;
pub mod html;
mod jsonl;
pub mod lines;
mod load;
mod plain;
mod warc;

/// Near-duplicate fingerprints live in the text crate, where the ledger uses
/// them too; `dedup` is their old name here.
pub use claimtrail_text::fingerprint as dedup;
pub use claimtrail_text::fingerprint::{fingerprint, similarity, Fingerprint, NearDuplicateIndex};
pub use date::{check_published, parse_date, today};
pub use fetch::{fetch, format_of, is_url, read_fetched, read_url, FetchOptions, Fetched};

use claimtrail_text::Document;
use std::path::{Path, PathBuf};

/// Limits and overrides for reading.
#[derive(Clone, Debug)]
pub struct ReadOptions {
    /// Files larger than this are refused (default 10 MB).
    pub max_bytes: u64,
}

impl Default for ReadOptions {
    fn default() -> Self {
        ReadOptions {
            max_bytes: 10 * 1024 * 1024,
        }
    }
}

/// Why a file or a line could not be read. `Display` gives one line that names
/// the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
    #[error("{path}: {source}")]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: not a regular file (a pipe, socket or device): name a file or a folder")]
    NotAFile { path: PathBuf },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: file is {size} bytes, over the limit of {limit} bytes (see --max-bytes)")]
    TooLarge {
        path: PathBuf,
        size: u64,
        limit: u64,
    },
    #[error("{path}: looks like a binary file, not text")]
    Binary { path: PathBuf },
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: no article text found")]
    NoText { path: PathBuf },
    #[error("{path}:{line}: {reason}")]
    BadLine {
        path: PathBuf,
        line: usize,
        reason: String,
    },
    #[error("{path}: unsupported file type (expected .txt, .html, .htm, .jsonl, .rss, .atom, .xml, .warc or .warc.gz)")]
    Unsupported { path: PathBuf },
    #[error("{path}: {reason}")]
    BadFeed { path: PathBuf, reason: String },
    #[error("{url}: {reason}")]
    Fetch { url: String, reason: String },
    #[error("{path}: record {record}: {reason}")]
    BadRecord {
        path: PathBuf,
        record: usize,
        reason: String,
    },
}

/// The formats read: recognised by file extension (case-insensitive), or
/// named by the caller for standard input and files of other names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InputFormat {
    /// Plain text: one article.
    Text,
    /// A web page: one article, its main text extracted.
    Html,
    /// JSON Lines: one article per line.
    JsonLines,
    /// RSS, Atom or JSON Feed: one article per item.
    Feed,
    /// A WARC archive, plain or gzipped: one article per HTML record.
    Warc,
}

impl InputFormat {
    /// The format of a file by its extension.
    pub fn of(path: &Path) -> Option<InputFormat> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".warc.gz") {
            return Some(InputFormat::Warc);
        }
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "rss" | "atom" | "xml" => Some(InputFormat::Feed),
            "warc" => Some(InputFormat::Warc),
            "txt" => Some(InputFormat::Text),
            "html" | "htm" | "xhtml" => Some(InputFormat::Html),
            "jsonl" => Some(InputFormat::JsonLines),
            _ => None,
        }
    }

    /// Whether a file of this format holds one article (text, HTML) rather
    /// than many, each with its own metadata (JSON Lines, feeds, WARC).
    pub fn is_single_article(self) -> bool {
        matches!(self, InputFormat::Text | InputFormat::Html)
    }
}

/// Expands paths into the files to read: a file is taken as given (an error if
/// its type is unsupported), a folder is searched recursively for supported
/// files, skipping hidden files and folders; each folder's files come sorted.
pub fn discover(paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    let mut out = Vec::new();
    for path in paths {
        match std::fs::metadata(path) {
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                out.push(Err(IngestError::NotFound { path: path.clone() }));
            }
            Err(source) => out.push(Err(IngestError::Io {
                path: path.clone(),
                source,
            })),
            Ok(m) if m.is_dir() => walk(path, &mut out),
            Ok(m) if !m.is_file() => out.push(Err(IngestError::NotAFile { path: path.clone() })),
            Ok(_) if InputFormat::of(path).is_some() => out.push(Ok(path.clone())),
            Ok(_) => out.push(Err(IngestError::Unsupported { path: path.clone() })),
        }
    }
    out
}

/// Collects the supported files under `root` (iteratively: no recursion, and
/// symbolic links to folders are not followed, so link cycles cannot loop).
fn walk(root: &Path, out: &mut Vec<Result<PathBuf, IngestError>>) {
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(dir) = folders.pop() {
        let entries = match std::fs::read_dir(&dir) {
            Ok(e) => e,
            Err(source) => {
                out.push(Err(IngestError::Io { path: dir, source }));
                continue;
            }
        };
        for entry in entries.flatten() {
            if entry.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => folders.push(path),
                Ok(_) if InputFormat::of(&path).is_some() && path.is_file() => files.push(path),
                _ => {}
            }
        }
    }
    files.sort();
    out.extend(files.into_iter().map(Ok));
}

/// Documents read from one file, as they come.
pub type Documents = Box<dyn Iterator<Item = Result<Document, IngestError>> + Send>;

/// Reads one file into documents (one for a text or HTML file, one per line
/// of a JSON Lines file), its format known by its extension. Errors name the
/// file and the reason.
pub fn read(path: &Path, opts: &ReadOptions) -> Vec<Result<Document, IngestError>> {
    stream(path, opts).collect()
}

/// Like [`read`], but JSON Lines and WARC files are read a line or a record
/// at a time as the documents are taken, so memory does not grow with the
/// file; for them the size limit applies to each line or record.
pub fn stream(path: &Path, opts: &ReadOptions) -> Documents {
    match InputFormat::of(path) {
        Some(format) => stream_as(path, format, opts),
        None => Box::new(std::iter::once(Err(IngestError::Unsupported {
            path: path.to_path_buf(),
        }))),
    }
}

/// Reads one file in the given format, whatever its name.
pub fn read_as(
    path: &Path,
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    stream_as(path, format, opts).collect()
}

/// [`stream`] for a file in the given format, whatever its name.
pub fn stream_as(path: &Path, format: InputFormat, opts: &ReadOptions) -> Documents {
    let one = |e| -> Documents { Box::new(std::iter::once(Err(e))) };
    // A pipe named on the command line would block the reader forever.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return one(IngestError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    let docs: Documents = match format {
        InputFormat::Warc => warc::stream(path, opts),
        InputFormat::JsonLines => jsonl::stream(path, opts),
        _ => match load::read_bytes(path, opts) {
            Ok(bytes) => Box::new(parse(path, &bytes, format).into_iter()),
            Err(e) => one(e),
        },
    };
    Box::new(docs.map(|doc| doc.map(keep_web_url)))
}

/// Reads JSON Lines from a stream (standard input) a line at a time, as the
/// documents are taken: the size limit applies to each line, so the input
/// may be larger than memory. `label` names it in errors and in
/// `Metadata::path`.
pub fn stream_json_lines(
    label: &Path,
    reader: Box<dyn std::io::BufRead + Send>,
    opts: &ReadOptions,
) -> Documents {
    Box::new(jsonl::stream_from(label, reader, opts).map(|doc| doc.map(keep_web_url)))
}

/// Reads articles from bytes already in memory (standard input, a request
/// body); `label` names them in errors and in `Metadata::path`. The size
/// limit applies to the whole input (to each record of a WARC archive, and
/// each line of JSON Lines).
pub fn read_bytes(
    label: &Path,
    bytes: &[u8],
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    if bytes.is_empty() {
        return vec![Err(IngestError::Empty {
            path: label.to_path_buf(),
        })];
    }
    let docs = match format {
        InputFormat::Warc => warc::read_from(label, bytes, opts),
        InputFormat::JsonLines => jsonl::read(label, bytes, opts),
        _ if bytes.len() as u64 > opts.max_bytes => vec![Err(IngestError::TooLarge {
            path: label.to_path_buf(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        })],
        _ => parse(label, bytes, format),
    };
    docs.into_iter().map(|d| d.map(keep_web_url)).collect()
}

/// A single-article or feed file's documents (JSON Lines and WARC are read
/// by their own readers).
fn parse(path: &Path, bytes: &[u8], format: InputFormat) -> Vec<Result<Document, IngestError>> {
    if load::looks_binary(bytes) {
        return vec![Err(IngestError::Binary {
            path: path.to_path_buf(),
        })];
    }
    match format {
        InputFormat::Text => vec![plain::read(path, bytes)],
        InputFormat::Html => vec![html::read(path, bytes, None, None)],
        InputFormat::Feed => feed::read(path, bytes),
        InputFormat::JsonLines | InputFormat::Warc => vec![Err(IngestError::Unsupported {
            path: path.to_path_buf(),
        })],
    }
}

/// Drops a URL that is not http(s) (`javascript:`, `data:`, a bare path),
/// whatever the input said.
fn keep_web_url(mut doc: Document) -> Document {
    let meta = doc.meta_mut();
    meta.url = meta.url.take().filter(|u| is_web_url(u));
    doc
}

/// Whether `url` is an absolute http or https URL (the only ones stored and
/// shown as links).
pub fn is_web_url(url: &str) -> bool {
    let lower = url
        .trim_start()
        .get(..8)
        .unwrap_or(url)
        .to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}
