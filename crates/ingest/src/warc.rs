//! WARC web archives (`.warc`, `.warc.gz`): each HTML response record (and
//! each HTML resource record) becomes a document, with the record's target
//! URI as the URL and, when the page gives no publication date, the capture
//! date (`WARC-Date`) as the date. Records are streamed one at a time (a
//! `.warc.gz` is a series of gzip members, one per record), so an archive may
//! be larger than memory; the size limit applies to each record. Record `n`
//! (counting every record from 1) is named `path#n`.

use crate::load::find_bytes;
use crate::{html, IngestError, ReadOptions};
use claimtrail_text::Document;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The longest header line accepted (a guard against a file that is not WARC).
const MAX_LINE: usize = 64 * 1024;

pub(crate) fn read(path: &Path, opts: &ReadOptions) -> Vec<Result<Document, IngestError>> {
    let file = match std::fs::File::open(path) {
        Ok(f) => f,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            return vec![Err(IngestError::NotFound {
                path: path.to_path_buf(),
            })]
        }
        Err(source) => {
            return vec![Err(IngestError::Io {
                path: path.to_path_buf(),
                source,
            })]
        }
    };
    if file.metadata().is_ok_and(|m| m.len() == 0) {
        return vec![Err(IngestError::Empty {
            path: path.to_path_buf(),
        })];
    }
    let gz = path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
    let reader: Box<dyn BufRead> = if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(file),
        )))
    } else {
        Box::new(BufReader::new(file))
    };
    read_records(path, reader, opts)
}

/// An archive already in memory (standard input), gzipped or not: gzip is
/// recognised by its magic bytes.
pub(crate) fn read_from(
    label: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    let reader: Box<dyn BufRead + '_> = if bytes.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(bytes)))
    } else {
        Box::new(bytes)
    };
    read_records(label, reader, opts)
}

fn read_records(
    path: &Path,
    reader: Box<dyn BufRead + '_>,
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    let mut out = Vec::new();
    if let Err(e) = records(path, reader, opts, &mut out) {
        out.push(Err(e));
    }
    if out.is_empty() {
        out.push(Err(IngestError::NoText {
            path: path.to_path_buf(),
        }));
    }
    out
}

/// Reads records until the end; an error that loses the record boundaries
/// (a bad header, a truncated file) ends the reading and is returned.
fn records(
    path: &Path,
    mut r: Box<dyn BufRead + '_>,
    opts: &ReadOptions,
    out: &mut Vec<Result<Document, IngestError>>,
) -> Result<(), IngestError> {
    let bad = |n: usize, reason: String| IngestError::BadRecord {
        path: path.to_path_buf(),
        record: n,
        reason,
    };
    let mut n = 0;
    loop {
        // The version line, after any blank lines between records.
        let line = loop {
            match read_line(&mut r).map_err(|e| bad(n + 1, e))? {
                None => return Ok(()),
                Some(l) if l.trim().is_empty() => continue,
                Some(l) => break l,
            }
        };
        n += 1;
        if !line.starts_with("WARC/") {
            return Err(bad(n, "not a WARC record (no WARC/ version line)".into()));
        }
        let mut headers = Vec::new();
        loop {
            match read_line(&mut r).map_err(|e| bad(n, e))? {
                None => return Err(bad(n, "file ends inside a record header".into())),
                Some(l) if l.trim().is_empty() => break,
                Some(l) => {
                    if let Some((k, v)) = l.split_once(':') {
                        headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                    }
                }
            }
        }
        let header = |k: &str| header(&headers, k);
        let length: u64 = header("content-length")
            .and_then(|v| v.parse().ok())
            .ok_or_else(|| bad(n, "record without a valid Content-Length".into()))?;
        let label = PathBuf::from(format!("{}#{n}", path.display()));
        if length > opts.max_bytes {
            let skipped = std::io::copy(&mut (&mut r).take(length), &mut std::io::sink())
                .map_err(|e| bad(n, e.to_string()))?;
            if skipped < length {
                return Err(bad(n, "file ends inside a record".into()));
            }
            out.push(Err(IngestError::TooLarge {
                path: label,
                size: length,
                limit: opts.max_bytes,
            }));
            continue;
        }
        // Preallocate modestly: the header's length is not trusted until the bytes arrive.
        let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
        (&mut r)
            .take(length)
            .read_to_end(&mut block)
            .map_err(|e| bad(n, e.to_string()))?;
        if (block.len() as u64) < length {
            return Err(bad(n, "file ends inside a record".into()));
        }
        let kind = header("warc-type").unwrap_or("").to_ascii_lowercase();
        let content_type = header("content-type").unwrap_or("").to_ascii_lowercase();
        let url = header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
        let captured = header("warc-date").and_then(crate::date::parse_date);
        let page = match kind.as_str() {
            "response" if content_type.starts_with("application/http") => http_html(&block),
            "resource" if is_html_type(&content_type) => Some((block, charset_of(&content_type))),
            _ => None,
        };
        if let Some((body, charset)) = page {
            out.push(
                html::read(&label, &body, charset.as_deref(), url.as_deref()).map(|mut doc| {
                    if doc.meta().published.is_none() {
                        doc.meta_mut().published = captured;
                    }
                    doc
                }),
            );
        }
    }
}

/// One header line without its line break; `None` at the end of the input.
fn read_line(r: &mut Box<dyn BufRead + '_>) -> Result<Option<String>, String> {
    let mut buf = Vec::new();
    let read = r
        .by_ref()
        .take(MAX_LINE as u64)
        .read_until(b'\n', &mut buf)
        .map_err(|e| e.to_string())?;
    if read == 0 {
        return Ok(None);
    }
    if !buf.ends_with(b"\n") && buf.len() >= MAX_LINE {
        return Err("header line too long: not a WARC file".into());
    }
    Ok(Some(
        String::from_utf8_lossy(&buf)
            .trim_end_matches(['\r', '\n'])
            .to_string(),
    ))
}

/// The value of header `name` (lower case) among `(name, value)` pairs.
fn header<'a>(headers: &'a [(String, String)], name: &str) -> Option<&'a str> {
    headers
        .iter()
        .find(|(key, _)| key == name)
        .map(|(_, v)| v.as_str())
}

fn is_html_type(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or("").trim();
    matches!(essence, "text/html" | "application/xhtml+xml")
}

fn charset_of(content_type: &str) -> Option<String> {
    content_type.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        (k.trim() == "charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    })
}

/// The HTML body of an HTTP response with status 2xx, undoing chunked
/// transfer and gzip or deflate content encoding; `None` for anything else.
fn http_html(block: &[u8]) -> Option<(Vec<u8>, Option<String>)> {
    let split = find_bytes(block, 0, b"\r\n\r\n")
        .map(|p| (p, 4))
        .or_else(|| find_bytes(block, 0, b"\n\n").map(|p| (p, 2)))?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut body = block[split.0 + split.1..].to_vec();
    let mut lines = head.lines();
    let status: u16 = lines.next()?.split_whitespace().nth(1)?.parse().ok()?;
    if !(200..300).contains(&status) {
        return None;
    }
    let headers: Vec<(String, String)> = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_ascii_lowercase()))
        .collect();
    let header = |k: &str| header(&headers, k);
    let content_type = header("content-type").unwrap_or("text/html");
    if !is_html_type(content_type) {
        return None;
    }
    if header("transfer-encoding").is_some_and(|t| t.contains("chunked")) {
        body = dechunk(&body)?;
    }
    match header("content-encoding") {
        Some("gzip" | "x-gzip") => body = inflate(flate2::read::MultiGzDecoder::new(&body[..]))?,
        Some("deflate") => body = inflate(flate2::read::ZlibDecoder::new(&body[..]))?,
        _ => {}
    }
    Some((body, charset_of(content_type)))
}

fn inflate(mut r: impl Read) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    // Bounded: a small compressed body cannot expand past 64 MiB.
    r.by_ref().take(64 << 20).read_to_end(&mut out).ok()?;
    Some(out)
}

/// Undoes `Transfer-Encoding: chunked`.
fn dechunk(mut data: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    loop {
        let eol = find_bytes(data, 0, b"\r\n")?;
        let size_text = std::str::from_utf8(&data[..eol]).ok()?;
        let size = usize::from_str_radix(size_text.split(';').next()?.trim(), 16).ok()?;
        data = &data[eol + 2..];
        if size == 0 {
            return Some(out);
        }
        out.extend_from_slice(data.get(..size)?);
        data = data.get(size..)?;
        data = data.strip_prefix(b"\r\n").unwrap_or(data);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chunked_bodies() {
        assert_eq!(
            dechunk(b"5\r\nhello\r\n6;x=1\r\n world\r\n0\r\n\r\n").as_deref(),
            Some(&b"hello world"[..])
        );
        assert_eq!(dechunk(b"zz\r\n"), None);
        assert_eq!(dechunk(b"ff\r\nshort"), None);
    }

    #[test]
    fn http_responses() {
        let ok =
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>caf\xe9</p>";
        let (body, charset) = http_html(ok).unwrap();
        assert_eq!(body, b"<p>caf\xe9</p>");
        assert_eq!(charset.as_deref(), Some("iso-8859-1"));
        assert!(http_html(b"HTTP/1.1 301 Moved\r\nLocation: /x\r\n\r\n").is_none());
        assert!(http_html(b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG").is_none());
    }
}
