//! Reading the articles named on the command line, file by file.

use crate::InputArgs;
use claimtrail_ingest::{discover, read, IngestError, ReadOptions};
use claimtrail_text::Document;
use std::path::{Path, PathBuf};

/// The files to read and the path errors found while listing them.
pub struct Inputs {
    pub files: Vec<PathBuf>,
    pub errors: Vec<IngestError>,
}

pub fn list(paths: &[PathBuf]) -> Inputs {
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

/// Reads one file into documents; `--published` fills in a missing publication date.
pub fn read_file(path: &Path, args: &InputArgs) -> Vec<Result<Document, IngestError>> {
    let opts = ReadOptions {
        max_bytes: args.max_bytes,
    };
    let mut docs = read(path, &opts);
    if let Some(date) = args.published {
        for doc in docs.iter_mut().flatten() {
            doc.meta_mut().published.get_or_insert(date);
        }
    }
    docs
}
