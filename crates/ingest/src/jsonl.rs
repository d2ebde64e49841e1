//! JSON Lines (`.jsonl`): one article per line, an object with `text`
//! (required) and optional `title`, `url`, `published` (`YYYY-MM-DD` or
//! RFC 3339) and `source` (the outlet). A bad line is reported with its line
//! number; the other lines still come through. The text is kept as given
//! (line breaks normalised), so offsets point into the user's own text.

use crate::date::parse_user_date;
use crate::load::normalize_newlines;
use crate::IngestError;
use claimtrail_text::{Document, Metadata};
use serde_json::Value;
use std::path::Path;

pub(crate) fn read(path: &Path, bytes: &[u8]) -> Vec<Result<Document, IngestError>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut out = Vec::new();
    for (i, line) in bytes.split(|&b| b == b'\n').enumerate() {
        let number = i + 1;
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        let bad = |reason: String| IngestError::BadLine {
            path: path.to_path_buf(),
            line: number,
            reason,
        };
        out.push(parse_line(path, number, line).map_err(bad));
    }
    if out.is_empty() {
        out.push(Err(IngestError::Empty {
            path: path.to_path_buf(),
        }));
    }
    out
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
