//! JSON Lines (`.jsonl`): one article per line, an object with `text`
//! (required) and optional `title`, `url`, `published` (`YYYY-MM-DD` or
//! RFC 3339) and `source` (the outlet). A bad line is reported with its line
//! number; the other lines still come through. The text is kept as given
//! (line breaks normalised), so offsets point into the user's own text.

use crate::date::parse_user_date;
use crate::load::normalize_newlines;
use crate::{IngestError, ReadOptions};
use claimtrail_text::{Document, Metadata};
use serde_json::Value;
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The documents of JSON Lines already in memory (standard input).
pub(crate) fn read(
    label: &Path,
    bytes: &[u8],
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    if crate::load::looks_binary(bytes) {
        return vec![Err(IngestError::Binary {
            path: label.to_path_buf(),
        })];
    }
    Lines {
        path: label.to_path_buf(),
        reader: bytes,
        max_line: opts.max_bytes,
        number: 0,
        any: false,
        done: false,
    }
    .collect()
}

/// The documents of a JSON Lines file, a line at a time.
pub(crate) fn stream(path: &Path, opts: &ReadOptions) -> crate::Documents {
    let one = |e| -> crate::Documents { Box::new(std::iter::once(Err(e))) };
    let file = match crate::load::open(path) {
        Ok(file) => file,
        Err(e) => return one(e),
    };
    // The first 64 KiB decide whether this is text at all, as for other files.
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    match reader.fill_buf() {
        Ok(head) if crate::load::looks_binary(head) => {
            return one(IngestError::Binary {
                path: path.to_path_buf(),
            })
        }
        Ok(_) => {}
        Err(source) => {
            return one(IngestError::Io {
                path: path.to_path_buf(),
                source,
            })
        }
    }
    Box::new(Lines {
        path: path.to_path_buf(),
        reader,
        max_line: opts.max_bytes,
        number: 0,
        any: false,
        done: false,
    })
}

/// Reads lines of at most `max_line` bytes; a longer line is reported and
/// skipped without being held in memory.
struct Lines<R> {
    path: PathBuf,
    reader: R,
    max_line: u64,
    number: usize,
    any: bool,
    done: bool,
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.number += 1;
            let mut line = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_line.saturating_add(1))
                .read_until(b'\n', &mut line);
            match read {
                Ok(0) => {
                    self.done = true;
                    let empty = IngestError::Empty {
                        path: self.path.clone(),
                    };
                    return (!self.any).then_some(Err(empty));
                }
                Ok(_) if !line.ends_with(b"\n") && line.len() as u64 > self.max_line => {
                    self.any = true;
                    let reason = match skip_rest(&mut self.reader) {
                        Ok(()) => format!(
                            "line is over the limit of {} bytes (see --max-bytes)",
                            self.max_line
                        ),
                        Err(e) => e.to_string(),
                    };
                    return Some(Err(self.bad(reason)));
                }
                Ok(_) => {
                    if let Some(content) = content(&line, self.number) {
                        self.any = true;
                        let doc = parse_line(&self.path, self.number, content);
                        return Some(doc.map_err(|reason| self.bad(reason)));
                    }
                }
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.bad(e.to_string())));
                }
            }
        }
        None
    }
}

impl<R> Lines<R> {
    fn bad(&self, reason: String) -> IngestError {
        IngestError::BadLine {
            path: self.path.clone(),
            line: self.number,
            reason,
        }
    }
}

/// A line without its break (and the first without a byte-order mark);
/// `None` when it is blank.
fn content(line: &[u8], number: usize) -> Option<&[u8]> {
    let line = line.strip_suffix(b"\n").unwrap_or(line);
    let line = line.strip_suffix(b"\r").unwrap_or(line);
    let line = if number == 1 {
        line.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(line)
    } else {
        line
    };
    (!line.iter().all(u8::is_ascii_whitespace)).then_some(line)
}

/// Reads and drops the rest of an over-long line, in bounded pieces.
fn skip_rest(r: &mut impl BufRead) -> std::io::Result<()> {
    loop {
        let buf = r.fill_buf()?;
        if buf.is_empty() {
            return Ok(());
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(at) => {
                r.consume(at + 1);
                return Ok(());
            }
            None => {
                let n = buf.len();
                r.consume(n);
            }
        }
    }
}

fn parse_line(path: &Path, number: usize, line: &[u8]) -> Result<Document, String> {
    let line = std::str::from_utf8(line)
        .map_err(|e| format!("invalid UTF-8 at byte {} of the line", e.valid_up_to()))?;
    let value: Value = serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    let Value::Object(obj) = value else {
        return Err("expected a JSON object".to_string());
    };
    let field = |name: &str| -> Result<Option<String>, String> {
        match obj.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.trim().is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.trim().to_string())),
            Some(_) => Err(format!("\"{name}\" must be a string")),
        }
    };
    let text = match obj.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => normalize_newlines(s),
        Some(Value::String(_)) => return Err("\"text\" is empty".to_string()),
        Some(_) => return Err("\"text\" must be a string".to_string()),
        None => return Err("missing \"text\"".to_string()),
    };
    let published = match field("published")? {
        None => None,
        Some(s) => Some(parse_user_date(&s).ok_or_else(|| {
            format!("bad \"published\" date {s:?} (expected YYYY-MM-DD or RFC 3339)")
        })?),
    };
    let meta = Metadata {
        title: field("title")?,
        published,
        url: field("url")?,
        outlet: field("source")?,
        path: Some(format!("{}:{number}", path.display())),
    };
    Ok(Document::new(text, meta))
}
