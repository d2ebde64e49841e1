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

/// The documents of an archive, read record by record on a thread of their
/// own as the caller takes them (a bounded hand-over: an archive larger than
/// memory streams through).
pub(crate) fn stream(path: &Path, opts: &ReadOptions) -> crate::Documents {
    let reader = match open(path) {
        Ok(r) => r,
        Err(e) => return Box::new(std::iter::once(Err(e))),
    };
    let (tx, rx) = std::sync::mpsc::sync_channel(2);
    let (path, opts) = (path.to_path_buf(), opts.clone());
    std::thread::spawn(move || {
        let mut any = false;
        let mut emit = |doc| {
            any = true;
            tx.send(doc).is_ok()
        };
        if let Err(e) = records(&path, reader, &opts, &mut emit) {
            emit(Err(e));
        }
        if !any {
            let _ = tx.send(Err(IngestError::NoText { path }));
        }
    });
    Box::new(rx.into_iter())
}

/// An archive already in memory (standard input), gzipped or not: gzip is
/// recognised by its magic bytes.
pub(crate) fn read_from(
    label: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    let reader: Box<dyn BufRead + Send + '_> = if bytes.starts_with(&[0x1f, 0x8b]) {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(bytes)))
    } else {
        Box::new(bytes)
    };
    let mut out = Vec::new();
    let mut emit = |doc| {
        out.push(doc);
        true
    };
    if let Err(e) = records(label, reader, opts, &mut emit) {
        out.push(Err(e));
    }
    if out.is_empty() {
        out.push(Err(IngestError::NoText {
            path: label.to_path_buf(),
        }));
    }
    out
}

/// The archive's bytes, gunzipped when the name ends in `.gz`.
fn open(path: &Path) -> Result<Box<dyn BufRead + Send>, IngestError> {
    let file = crate::load::open(path)?;
    if file.metadata().is_ok_and(|m| m.len() == 0) {
        return Err(IngestError::Empty {
            path: path.to_path_buf(),
        });
    }
    let gz = path.to_string_lossy().to_ascii_lowercase().ends_with(".gz");
    Ok(if gz {
        Box::new(BufReader::new(flate2::read::MultiGzDecoder::new(
            BufReader::new(file),
        )))
    } else {
        Box::new(BufReader::new(file))
    })
}

/// Reads records until the end. A record whose header is not WARC, or whose
/// Content-Length is wrong, is reported and skipped: the reader resynchronises
/// on the next `WARC/1.` line, so one bad record costs no later one. Only a
/// file that ends inside a record ends the reading with an error.
/// `emit` takes each document or record error, and answers false when no
/// more are wanted.
fn records<'a>(
    path: &Path,
    mut r: Box<dyn BufRead + Send + 'a>,
    opts: &ReadOptions,
    emit: &mut dyn FnMut(Result<Document, IngestError>) -> bool,
) -> Result<(), IngestError> {
    let bad = |n: usize, reason: String| IngestError::BadRecord {
        path: path.to_path_buf(),
        record: n,
        reason,
    };
    let mut n = 0;
    let mut pending = None;
    loop {
        let (line, line_len) = match pending.take() {
            Some(line) => (line, 0),
            None => match version_line(&mut r).map_err(|e| bad(n + 1, e))? {
                Some(line) => line,
                None => return Ok(()),
            },
        };
        n += 1;
        let header_ok = line.starts_with("WARC/");
        let headers = if header_ok {
            read_headers(&mut r).map_err(|e| bad(n, e))?
        } else {
            Vec::new()
        };
        let length = header(&headers, "content-length").and_then(|v| v.parse::<u64>().ok());
        let Some(length) = length.filter(|_| header_ok) else {
            let why = if header_ok {
                "record without a valid Content-Length"
            } else {
                "not a WARC record (no WARC/ version line)"
            };
            let (skipped, next) = resync(&mut r).map_err(|e| bad(n, e))?;
            let skipped = skipped + if header_ok { 0 } else { line_len as u64 };
            let reported = emit(Err(bad(
                n,
                format!("{why}: skipped {skipped} bytes to the next WARC/1. header"),
            )));
            match next.filter(|_| reported) {
                Some(line) => pending = Some(line),
                None => return Ok(()),
            }
            continue;
        };
        let label = PathBuf::from(format!("{}#{n}", path.display()));
        if length > opts.max_bytes {
            skip_block(&mut r, length).map_err(|e| bad(n, e))?;
            if !emit(Err(IngestError::TooLarge {
                path: label,
                size: length,
                limit: opts.max_bytes,
            })) {
                return Ok(());
            }
            continue;
        }
        let block = read_block(&mut r, length).map_err(|e| bad(n, e))?;
        if let Some(at) = next_record_inside(&block) {
            // The length ran past the end of this record into the next one:
            // give the next record's bytes back to the reader.
            if !emit(Err(bad(
                n,
                "Content-Length runs into the next record: record skipped".into(),
            ))) {
                return Ok(());
            }
            let rest = block[at..].to_vec();
            r = Box::new(std::io::Cursor::new(rest).chain(r));
            continue;
        }
        if let Some(doc) = record_document(&headers, block, &label) {
            if !emit(doc) {
                return Ok(());
            }
        }
    }
}

/// The next non-blank line (a record's version line) and its length; `None` at the end.
fn version_line(r: &mut dyn BufRead) -> Result<Option<(String, usize)>, String> {
    loop {
        match read_line(r)? {
            None => return Ok(None),
            Some((l, _)) if l.trim().is_empty() => continue,
            Some(line) => return Ok(Some(line)),
        }
    }
}

/// The header lines of a record, up to the blank line, as lower-case names and values.
fn read_headers(r: &mut dyn BufRead) -> Result<Vec<(String, String)>, String> {
    let mut headers = Vec::new();
    loop {
        match read_line(r)? {
            None => return Err("file ends inside a record header".into()),
            Some((l, _)) if l.trim().is_empty() => return Ok(headers),
            Some((l, _)) => {
                if let Some((k, v)) = l.split_once(':') {
                    headers.push((k.trim().to_ascii_lowercase(), v.trim().to_string()));
                }
            }
        }
    }
}

/// Skips lines up to the next one that starts a WARC/1.x record; returns the
/// bytes skipped and that line (`None` when the file ends first). Long lines
/// are read in bounded pieces.
fn resync(r: &mut dyn BufRead) -> Result<(u64, Option<String>), String> {
    let mut skipped = 0u64;
    let mut at_line_start = true;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let read = (&mut *r)
            .take(MAX_LINE as u64)
            .read_until(b'\n', &mut buf)
            .map_err(|e| e.to_string())?;
        if read == 0 {
            return Ok((skipped, None));
        }
        if at_line_start && buf.starts_with(b"WARC/1.") {
            let line = String::from_utf8_lossy(&buf)
                .trim_end_matches(['\r', '\n'])
                .to_string();
            return Ok((skipped, Some(line)));
        }
        skipped += read as u64;
        at_line_start = buf.ends_with(b"\n");
    }
}

/// Where a record boundary and the next version line stand inside `block`.
fn next_record_inside(block: &[u8]) -> Option<usize> {
    find_bytes(block, 0, b"\r\n\r\nWARC/1.")
        .map(|p| p + 4)
        .or_else(|| find_bytes(block, 0, b"\n\nWARC/1.").map(|p| p + 2))
}

fn skip_block(r: &mut dyn BufRead, length: u64) -> Result<(), String> {
    let skipped = std::io::copy(&mut (&mut *r).take(length), &mut std::io::sink())
        .map_err(|e| e.to_string())?;
    if skipped < length {
        return Err("file ends inside a record".into());
    }
    Ok(())
}

fn read_block(r: &mut dyn BufRead, length: u64) -> Result<Vec<u8>, String> {
    // Preallocate modestly: the header's length is not trusted until the bytes arrive.
    let mut block = Vec::with_capacity(length.min(1 << 20) as usize);
    (&mut *r)
        .take(length)
        .read_to_end(&mut block)
        .map_err(|e| e.to_string())?;
    if (block.len() as u64) < length {
        return Err("file ends inside a record".into());
    }
    Ok(block)
}

/// The document of an HTML response or resource record; `None` for other records.
fn record_document(
    headers: &[(String, String)],
    block: Vec<u8>,
    label: &Path,
) -> Option<Result<Document, IngestError>> {
    let header = |k: &str| header(headers, k);
    let kind = header("warc-type").unwrap_or("").to_ascii_lowercase();
    let content_type = header("content-type").unwrap_or("").to_ascii_lowercase();
    let url = header("warc-target-uri").map(|u| u.trim_matches(['<', '>']).to_string());
    let captured = header("warc-date").and_then(crate::date::parse_date);
    let (body, charset) = match kind.as_str() {
        "response" if content_type.starts_with("application/http") => http_html(&block)?,
        "resource" if is_html_type(&content_type) => (block, charset_of(&content_type)),
        _ => return None,
    };
    Some(
        html::read(label, &body, charset.as_deref(), url.as_deref()).map(|mut doc| {
            if doc.meta().published.is_none() {
                doc.meta_mut().published = captured;
            }
            doc
        }),
    )
}

/// One header line without its line break, and its length in the file with
/// the break; `None` at the end of the input.
fn read_line(r: &mut dyn BufRead) -> Result<Option<(String, usize)>, String> {
    let mut buf = Vec::new();
    let read = (&mut *r)
        .take(MAX_LINE as u64)
        .read_until(b'\n', &mut buf)
        .map_err(|e| e.to_string())?;
    if read == 0 {
        return Ok(None);
    }
    if !buf.ends_with(b"\n") && buf.len() >= MAX_LINE {
        return Err("header line too long: not a WARC file".into());
    }
    let line = String::from_utf8_lossy(&buf)
        .trim_end_matches(['\r', '\n'])
        .to_string();
    Ok(Some((line, read)))
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
