//! Plain text files (`.txt`): UTF-8 (a leading byte-order mark is dropped;
//! UTF-16 with a byte-order mark is decoded too), line breaks normalised.

use crate::load::normalize_newlines;
use crate::IngestError;
use claimtrail_text::{Document, Metadata};
use std::path::Path;

pub(crate) fn read(path: &Path, bytes: &[u8]) -> Result<Document, IngestError> {
    let text = decode(path, bytes)?;
    // UTF-16 skips the byte-level binary test (its NULs are expected), so the
    // decoded text gets it: a BOM followed by NULs or control bytes is not text.
    if crate::load::looks_binary(text.as_bytes()) {
        return Err(IngestError::Binary {
            path: path.to_path_buf(),
        });
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_bom_before_nuls_is_binary() {
        let err = read(Path::new("x.txt"), b"\xff\xfe\x00\x00").unwrap_err();
        assert!(matches!(err, IngestError::Binary { .. }), "{err}");
        let text: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("Hi there".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(read(Path::new("x.txt"), &text).unwrap().text(), "Hi there");
    }
}
