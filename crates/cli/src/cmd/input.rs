//! Reading the articles named on the command line, file by file.

use crate::InputArgs;
use claimtrail_ingest::{discover, stream, IngestError, ReadOptions};
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

/// Reads one file into documents, as they are taken (JSON Lines and WARC
/// stream); `--published` fills in a missing publication date.
pub fn read_file(
    path: &Path,
    args: &InputArgs,
) -> impl Iterator<Item = Result<Document, IngestError>> {
    let opts = ReadOptions {
        max_bytes: args.max_bytes,
    };
    let published = args.published;
    stream(path, &opts).map(move |doc| {
        doc.map(|mut doc| {
            if let Some(date) = published {
                doc.meta_mut().published.get_or_insert(date);
            }
            doc
        })
    })
}
