//! Reading a file's bytes safely: the size limit is checked before reading,
//! and empty or binary files are refused with a one-line reason.

use crate::{IngestError, ReadOptions};
use std::io::Read;
use std::path::Path;

/// Opens `path` for reading, naming a missing file as such.
pub(crate) fn open(path: &Path) -> Result<std::fs::File, IngestError> {
    std::fs::File::open(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound {
            path: path.to_path_buf(),
        },
        _ => IngestError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    })
}

/// Reads `path` whole, refusing files over `opts.max_bytes` (checked on the
/// metadata first, and again while reading, since a file can grow).
pub(crate) fn read_bytes(path: &Path, opts: &ReadOptions) -> Result<Vec<u8>, IngestError> {
    let io = |source| IngestError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        std::io::ErrorKind::NotFound => IngestError::NotFound {
            path: path.to_path_buf(),
        },
        _ => io(e),
    })?;
    if meta.len() > opts.max_bytes {
        return Err(IngestError::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: opts.max_bytes,
        });
    }
    let file = std::fs::File::open(path).map_err(io)?;
    let mut bytes = Vec::with_capacity(meta.len() as usize);
    file.take(opts.max_bytes + 1)
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > opts.max_bytes {
        return Err(IngestError::TooLarge {
            path: path.to_path_buf(),
            size: bytes.len() as u64,
            limit: opts.max_bytes,
        });
    }
    if bytes.is_empty() {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    Ok(bytes)
}

/// Whether bytes look like a binary file rather than text: a NUL byte, or more
/// than 10% control bytes other than tab, line feed, form feed and carriage
/// return, within the first 64 KiB. UTF-16 text (which has NULs) is recognised
/// by its byte-order mark and not counted as binary.
pub(crate) fn looks_binary(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return false;
    }
    let head = &bytes[..bytes.len().min(64 * 1024)];
    if head.contains(&0) {
        return true;
    }
    let control = head
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C | 0x1B))
        .count();
    control * 10 > head.len()
}

/// Line breaks normalised to `\n` (CRLF and lone CR), so that offsets in the
/// document point into the text as returned, whatever the platform wrote.
pub(crate) fn normalize_newlines(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// The first occurrence of `needle` in `hay` at or after `from`. `needle` is
/// never empty (every caller passes a literal): `windows(0)` would panic.
pub(crate) fn find_bytes(hay: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    hay.get(from..)?
        .windows(needle.len())
        .position(|w| w == needle)
        .map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binary_detection() {
        assert!(looks_binary(b"GIF89a\0\0\x01"));
        assert!(looks_binary(&[1, 2, 3, 4, 5, b'a', b'b']));
        assert!(!looks_binary(b"Plain text,\twith tabs\r\nand lines.\n"));
        assert!(!looks_binary(&[0xFF, 0xFE, b'a', 0, b'b', 0]));
        assert!(!looks_binary("Zelenskyy – “Now”".as_bytes()));
    }

    #[test]
    fn newlines() {
        assert_eq!(normalize_newlines("a\r\nb\rc\n"), "a\nb\nc\n");
    }
}
