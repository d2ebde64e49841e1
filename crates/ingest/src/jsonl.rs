//! JSON Lines (`.jsonl`): one article per line, an object with `text`
//! (required) and optional `title`, `url`, `published` (`YYYY-MM-DD` or
//! RFC 3339), `source` (the outlet) and `path` (where the record came from,
//! when it was copied out of another file; by default `FILE:LINE`). A bad line is reported with its line
//! number; the other lines still come through. The text is kept as given
//! (line breaks normalised), so offsets point into the user's own text.

use crate::date::parse_user_date;
use crate::lines::Lines;
use crate::load::normalize_newlines;
use crate::{IngestError, ReadOptions};
use claimtrail_text::{Document, Metadata};
use serde_json::Value;
use std::io::BufRead;
use std::path::Path;

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
    Records::new(Lines::new(label, bytes, opts.max_bytes)).collect()
}

/// The documents of a JSON Lines file, a line at a time.
pub(crate) fn stream(path: &Path, opts: &ReadOptions) -> crate::Documents {
    match crate::lines::open(path, opts) {
        Ok(lines) => Box::new(Records::new(lines)),
        Err(e) => Box::new(std::iter::once(Err(e))),
    }
}

/// The documents of JSON Lines read from a stream (standard input), a line
/// at a time; `label` names it in errors and in `Metadata::path`.
pub(crate) fn stream_from(
    label: &Path,
    reader: Box<dyn BufRead + Send>,
    opts: &ReadOptions,
) -> crate::Documents {
    Box::new(Records::new(Lines::new(label, reader, opts.max_bytes)))
}

/// A document per line; an input without any line is `Empty`.
struct Records<R> {
    lines: Lines<R>,
    any: bool,
    done: bool,
}

impl<R: BufRead> Records<R> {
    fn new(lines: Lines<R>) -> Records<R> {
        Records {
            lines,
            any: false,
            done: false,
        }
    }
}

impl<R: BufRead> Iterator for Records<R> {
    type Item = Result<Document, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        match self.lines.next() {
            Some(Ok((number, line))) => {
                self.any = true;
                let path = self.lines.path().to_path_buf();
                Some(
                    parse_line(&path, number, &line).map_err(|reason| IngestError::BadLine {
                        path,
                        line: number,
                        reason,
                    }),
                )
            }
            Some(Err(e)) => {
                self.any = true;
                Some(Err(e))
            }
            None => {
                self.done = true;
                let empty = IngestError::Empty {
                    path: self.lines.path().to_path_buf(),
                };
                (!self.any).then_some(Err(empty))
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
        path: Some(field("path")?.unwrap_or_else(|| format!("{}:{number}", path.display()))),
    };
    Ok(Document::new(text, meta))
}
