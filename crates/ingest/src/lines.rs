//! The lines of a JSON Lines stream, one at a time and each at most a size
//! limit: the reader of `.jsonl` articles and of the analysis JSON Lines that
//! `claimtrail ingest --analyzed` loads.

use crate::{IngestError, ReadOptions};
use std::io::{BufRead, BufReader, Read};
use std::path::{Path, PathBuf};

/// The non-blank lines of a stream, numbered from 1 (blank lines count), each
/// without its line break (and the first without a byte-order mark). A line
/// longer than the limit is reported as [`IngestError::BadLine`] and skipped
/// without being held in memory; a read error ends the lines.
pub struct Lines<R> {
    path: PathBuf,
    reader: R,
    max_line: u64,
    number: usize,
    done: bool,
}

/// A line of content: its number (from 1) and its bytes.
pub type Line = (usize, Vec<u8>);

impl<R: BufRead> Lines<R> {
    /// The lines of `reader`; `path` names it in errors.
    pub fn new(path: &Path, reader: R, max_line: u64) -> Lines<R> {
        Lines {
            path: path.to_path_buf(),
            reader,
            max_line,
            number: 0,
            done: false,
        }
    }

    /// The name of the stream, as errors give it.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn bad(&self, reason: String) -> IngestError {
        IngestError::BadLine {
            path: self.path.clone(),
            line: self.number,
            reason,
        }
    }
}

/// Opens a file of lines, refusing one that looks binary (judged on its
/// first 64 KiB, as for other files); `opts.max_bytes` bounds each line.
pub fn open(
    path: &Path,
    opts: &ReadOptions,
) -> Result<Lines<BufReader<std::fs::File>>, IngestError> {
    let file = crate::load::open(path)?;
    let mut reader = BufReader::with_capacity(64 * 1024, file);
    match reader.fill_buf() {
        Ok(head) if crate::load::looks_binary(head) => Err(IngestError::Binary {
            path: path.to_path_buf(),
        }),
        Ok(_) => Ok(Lines::new(path, reader, opts.max_bytes)),
        Err(source) => Err(IngestError::Io {
            path: path.to_path_buf(),
            source,
        }),
    }
}

impl<R: BufRead> Iterator for Lines<R> {
    type Item = Result<Line, IngestError>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            self.number += 1;
            let mut line = Vec::new();
            let read = (&mut self.reader)
                .take(self.max_line.saturating_add(1))
                .read_until(b'\n', &mut line);
            match read {
                Ok(0) => self.done = true,
                Ok(_) if !line.ends_with(b"\n") && line.len() as u64 > self.max_line => {
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
                        let content = content.to_vec();
                        return Some(Ok((self.number, content)));
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

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(input: &[u8], max: u64) -> Vec<Result<Line, String>> {
        Lines::new(Path::new("in.jsonl"), input, max)
            .map(|l| l.map_err(|e| e.to_string()))
            .collect()
    }

    #[test]
    fn numbers_count_blank_lines_and_breaks_are_dropped() {
        let got = lines(b"\xEF\xBB\xBFone\r\n\n  \ntwo\nthree", 100);
        assert_eq!(
            got,
            vec![
                Ok((1, b"one".to_vec())),
                Ok((4, b"two".to_vec())),
                Ok((5, b"three".to_vec()))
            ]
        );
    }

    #[test]
    fn a_long_line_is_named_and_the_next_still_comes() {
        let got = lines(b"short\nthis line is far too long\nok\n", 10);
        assert_eq!(got[0], Ok((1, b"short".to_vec())));
        assert_eq!(
            got[1],
            Err("in.jsonl:2: line is over the limit of 10 bytes (see --max-bytes)".to_string())
        );
        assert_eq!(got[2], Ok((3, b"ok".to_vec())));
        assert_eq!(got.len(), 3);
    }
}
