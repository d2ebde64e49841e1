//! Ingest: turns files into [`Document`]s with metadata.
//!
//! Contract (used by the CLI and the server):
//! - [`discover`] expands the paths a user gave (folders recursively, in a
//!   stable sorted order) into files, reporting missing paths as errors;
//! - [`read`] reads one file into zero or more documents; a bad file or a bad
//!   line yields an [`IngestError`] naming the file (and line) and the reason,
//!   never a panic, and the other lines of a JSON Lines file still come through.

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
        ReadOptions { max_bytes: 10 * 1024 * 1024 }
    }
}

/// Why a file or a line could not be read. `Display` gives one line that names
/// the file and the reason.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    #[error("{path}: no such file or folder")]
    NotFound { path: PathBuf },
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    #[error("{path}: file is empty")]
    Empty { path: PathBuf },
    #[error("{path}: file is {size} bytes, over the limit of {limit} bytes (see --max-bytes)")]
    TooLarge { path: PathBuf, size: u64, limit: u64 },
    #[error("{path}: looks like a binary file, not text")]
    Binary { path: PathBuf },
    #[error("{path}: invalid UTF-8 at byte {offset}")]
    InvalidUtf8 { path: PathBuf, offset: usize },
    #[error("{path}: no article text found")]
    NoText { path: PathBuf },
    #[error("{path}:{line}: {reason}")]
    BadLine { path: PathBuf, line: usize, reason: String },
    #[error("{path}: unsupported file type (expected .txt, .html, .htm or .jsonl)")]
    Unsupported { path: PathBuf },
}

/// Expands paths into the files to read.
pub fn discover(_paths: &[PathBuf]) -> Vec<Result<PathBuf, IngestError>> {
    Vec::new()
}

/// Reads one file into documents.
pub fn read(_path: &Path, _opts: &ReadOptions) -> Vec<Result<Document, IngestError>> {
    Vec::new()
}
