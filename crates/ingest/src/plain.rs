//! Plain text files (`.txt`): UTF-8 (a leading byte-order mark is dropped;
//! UTF-16 with a byte-order mark is decoded too), line breaks normalised.

use crate::load::normalize_newlines;
use crate::IngestError;
use claimtrail_text::{Document, Metadata};
use std::path::Path;

pub(crate) fn read(path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    let text = decode(path, bytes)?;
    let text = normalize_newlines(&text);
    if text.trim().is_empty() {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    let meta = Metadata {
        path: Some(path.display().to_string()),
        ..Metadata::default()
    };
    Ok(Document::new(text, meta))
}

fn decode(path: &Path, bytes: &[u8]) -> Result<String, IngestError> {
    if let Some((encoding, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        if encoding != encoding_rs::UTF_8 {
            let (text, _) = encoding.decode_without_bom_handling(&bytes[bom..]);
            return Ok(text.into_owned());
        }
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let skipped = bytes.len() - body.len();
    match std::str::from_utf8(body) {
        Ok(s) => Ok(s.to_string()),
        Err(e) => Err(IngestError::InvalidUtf8 {
            path: path.to_path_buf(),
            offset: skipped + e.valid_up_to(),
        }),
    }
}
