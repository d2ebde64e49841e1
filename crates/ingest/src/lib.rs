//! Ingest: turns files into [`Document`]s with metadata.
//!
//! Contract (used by the CLI and the server):
//! - [`discover`] expands the paths a user gave (folders recursively, in a
//!   stable sorted order) into files, reporting missing paths as errors;
//! - [`read`] reads one file into zero or more documents; a bad file or a bad
//!   line yields an [`IngestError`] naming the file (and line) and the reason,
//!   never a panic, and the other lines of a JSON Lines file still come through.
//!
//! Formats (by extension): `.txt` plain text, `.html`/`.htm` web pages (main
//! text extracted, see [`html`]), `.jsonl` one article per line, `.rss`,
//! `.atom` and `.xml` feeds (one document per item), `.warc` and `.warc.gz`
//! web archives (one document per HTML response). [`dedup`] finds syndicated
//! copies among documents. See `docs/ingest.md` for the metadata rules and
//! limits.

mod date;
mod feed;
pub mod html;
mod jsonl;
mod load;
mod plain;
mod warc;

/// Near-duplicate fingerprints live in the text crate, where the ledger uses
/// them too; `dedup` is their old name here.
pub use claimtrail_text::fingerprint as dedup;
pub use claimtrail_text::fingerprint::{fingerprint, similarity, Fingerprint, NearDuplicateIndex};
pub use date::parse_date;

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
    #[error("{path}: record {record}: {reason}")]
    BadRecord {
        path: PathBuf,
        record: usize,
        reason: String,
    },
}

/// The formats read, recognised by file extension (case-insensitive).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Format {
    Text,
    Html,
    JsonLines,
    Feed,
    Warc,
}

impl Format {
    fn of(path: &Path) -> Option<Format> {
        let name = path.file_name()?.to_str()?.to_ascii_lowercase();
        if name.ends_with(".warc.gz") {
            return Some(Format::Warc);
        }
        let ext = name.rsplit_once('.')?.1;
        match ext {
            "rss" | "atom" | "xml" => Some(Format::Feed),
            "warc" => Some(Format::Warc),
            "txt" => Some(Format::Text),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            "jsonl" => Some(Format::JsonLines),
            _ => None,
        }
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
            Ok(_) if Format::of(path).is_some() => out.push(Ok(path.clone())),
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
                Ok(_) if Format::of(&path).is_some() && path.is_file() => files.push(path),
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
/// of a JSON Lines file). Errors name the file and the reason. A URL that is
/// not http(s) (`javascript:`, `data:`, a bare path) is dropped, whatever the
/// format said.
pub fn read(path: &Path, opts: &ReadOptions) -> Vec<Result<Document, IngestError>> {
    stream(path, opts).collect()
}

/// Like [`read`], but JSON Lines and WARC files are read a line or a record
/// at a time as the documents are taken, so memory does not grow with the
/// file; for them the size limit applies to each line or record.
pub fn stream(path: &Path, opts: &ReadOptions) -> Documents {
    Box::new(stream_format(path, opts).map(|doc| {
        doc.map(|mut doc| {
            let meta = doc.meta_mut();
            meta.url = meta.url.take().filter(|u| is_web_url(u));
            doc
        })
    }))
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

fn stream_format(path: &Path, opts: &ReadOptions) -> Documents {
    let one = |e| -> Documents { Box::new(std::iter::once(Err(e))) };
    let Some(format) = Format::of(path) else {
        return one(IngestError::Unsupported {
            path: path.to_path_buf(),
        });
    };
    // A pipe named on the command line would block the reader forever.
    if std::fs::metadata(path).is_ok_and(|m| !m.is_file()) {
        return one(IngestError::NotAFile {
            path: path.to_path_buf(),
        });
    }
    match format {
        Format::Warc => warc::stream(path, opts),
        Format::JsonLines => jsonl::stream(path, opts),
        _ => Box::new(read_whole(path, format, opts).into_iter()),
    }
}

/// A file read whole: text, HTML, a feed.
fn read_whole(
    path: &Path,
    format: Format,
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    let bytes = match load::read_bytes(path, opts) {
        Ok(b) => b,
        Err(e) => return vec![Err(e)],
    };
    if load::looks_binary(&bytes) {
        return vec![Err(IngestError::Binary {
            path: path.to_path_buf(),
        })];
    }
    match format {
        Format::Text => vec![plain::read(path, &bytes)],
        Format::Html => vec![html::read(path, &bytes, None, None)],
        Format::Feed => feed::read(path, &bytes),
        // Streamed by `stream_format`, never read whole.
        Format::JsonLines | Format::Warc => vec![Err(IngestError::Unsupported {
            path: path.to_path_buf(),
        })],
    }
}
