//! URL input: an `http://` or `https://` page fetched once, when the user
//! names it, with a time limit, a size cap and a few redirects, then read like
//! a file of the format its `Content-Type` (else its path) names. Nothing else
//! in claimtrail touches the network.

use crate::{html, parse, IngestError, InputFormat, ReadOptions};
use claimtrail_text::Document;
use std::path::Path;
use std::time::Duration;

/// Limits of one fetch (the size cap is `ReadOptions::max_bytes`).
#[derive(Clone, Debug)]
pub struct FetchOptions {
    /// The whole exchange (connect, redirects, body) must end within this.
    pub timeout: Duration,
    /// Redirects followed before giving up.
    pub max_redirects: u32,
}

impl Default for FetchOptions {
    fn default() -> Self {
        FetchOptions {
            timeout: Duration::from_secs(30),
            max_redirects: 5,
        }
    }
}

/// Whether a command-line input names a URL rather than a file: it has a
/// scheme (`word://`). Only http(s) ones are fetched; others get an error.
pub fn is_url(input: &str) -> bool {
    input.split_once("://").is_some_and(|(scheme, _)| {
        !scheme.is_empty()
            && scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// A fetched page: its bytes, its `Content-Type` and the URL it came from
/// after redirects.
pub struct Fetched {
    pub bytes: Vec<u8>,
    pub content_type: Option<String>,
    pub url: String,
}

/// Fetches `url` within the limits. The error names the URL and the reason
/// in one line.
pub fn fetch(url: &str, opts: &ReadOptions, limits: &FetchOptions) -> Result<Fetched, IngestError> {
    let fail = |reason: String| IngestError::Fetch {
        url: url.to_string(),
        reason,
    };
    if !crate::is_web_url(url) {
        return Err(fail(
            "only http:// and https:// URLs are fetched".to_string(),
        ));
    }
    let config = ureq::Agent::config_builder()
        .timeout_global(Some(limits.timeout))
        .max_redirects(limits.max_redirects)
        .http_status_as_error(false)
        .user_agent(concat!("claimtrail/", env!("CARGO_PKG_VERSION")))
        .build();
    let agent: ureq::Agent = config.into();
    let mut response = agent
        .get(url)
        .call()
        .map_err(|e| fail(reason(&e, opts, limits)))?;
    let status = response.status();
    if !status.is_success() {
        return Err(fail(format!(
            "the server answered HTTP {}{}",
            status.as_u16(),
            status
                .canonical_reason()
                .map_or(String::new(), |r| format!(" {r}"))
        )));
    }
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let declared = response
        .headers()
        .get("content-length")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<u64>().ok());
    if let Some(size) = declared.filter(|&n| n > opts.max_bytes) {
        return Err(fail(too_large(Some(size), opts)));
    }
    let final_url = ureq::ResponseExt::get_uri(&response).to_string();
    let bytes = response
        .body_mut()
        .with_config()
        .limit(opts.max_bytes)
        .read_to_vec()
        .map_err(|e| fail(reason(&e, opts, limits)))?;
    Ok(Fetched {
        bytes,
        content_type,
        url: final_url,
    })
}

/// The reason of a failed fetch, in words a user can act on.
fn reason(e: &ureq::Error, opts: &ReadOptions, limits: &FetchOptions) -> String {
    match e {
        ureq::Error::Timeout(_) => format!(
            "no complete answer within {} s (see --fetch-timeout)",
            limits.timeout.as_secs_f64()
        ),
        ureq::Error::TooManyRedirects => {
            format!("more than {} redirects", limits.max_redirects)
        }
        ureq::Error::BodyExceedsLimit(_) => too_large(None, opts),
        ureq::Error::HostNotFound => "host not found (no network, or a wrong name)".to_string(),
        ureq::Error::ConnectionFailed => {
            "cannot connect (no network, or the server is down)".to_string()
        }
        ureq::Error::Io(io) => format!("cannot connect or read: {io}"),
        other => other.to_string(),
    }
}

fn too_large(size: Option<u64>, opts: &ReadOptions) -> String {
    let size = size.map_or("more than the limit".to_string(), |s| format!("{s} bytes"));
    format!(
        "the page is {size}, over the limit of {} bytes (see --max-bytes)",
        opts.max_bytes
    )
}

/// The format of a fetched page: its `Content-Type`, else the extension of
/// its path, else HTML when it starts with markup and text otherwise.
pub fn format_of(fetched: &Fetched) -> InputFormat {
    let essence = fetched
        .content_type
        .as_deref()
        .and_then(|t| t.split(';').next())
        .map(|t| t.trim().to_ascii_lowercase());
    let by_type = match essence.as_deref() {
        Some("text/html" | "application/xhtml+xml") => Some(InputFormat::Html),
        Some("text/plain") => Some(InputFormat::Text),
        Some(
            "application/rss+xml"
            | "application/atom+xml"
            | "application/feed+json"
            | "application/xml"
            | "text/xml",
        ) => Some(InputFormat::Feed),
        Some("application/x-ndjson" | "application/jsonl" | "application/jsonlines") => {
            Some(InputFormat::JsonLines)
        }
        Some("application/warc") => Some(InputFormat::Warc),
        _ => None,
    };
    let path = fetched
        .url
        .split(['?', '#'])
        .next()
        .and_then(|u| u.rsplit('/').next())
        .unwrap_or("");
    by_type
        .or_else(|| InputFormat::of(Path::new(path)))
        .unwrap_or_else(|| {
            let start = fetched
                .bytes
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map_or(&[][..], |i| &fetched.bytes[i..]);
            if start.starts_with(b"<") {
                InputFormat::Html
            } else {
                InputFormat::Text
            }
        })
}

/// The charset named by a `Content-Type` header, if any.
fn charset(content_type: Option<&str>) -> Option<&str> {
    content_type?.split(';').skip(1).find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim()
            .eq_ignore_ascii_case("charset")
            .then(|| v.trim().trim_matches('"'))
    })
}

/// Fetches `url` and reads its documents in the format the answer names
/// (see [`read_fetched`]).
pub fn read_url(
    url: &str,
    opts: &ReadOptions,
    limits: &FetchOptions,
) -> Vec<Result<Document, IngestError>> {
    match fetch(url, opts, limits) {
        Ok(fetched) => {
            let format = format_of(&fetched);
            read_fetched(url, &fetched, format, opts)
        }
        Err(e) => vec![Err(e)],
    }
}

/// The documents of a fetched page read as `format`. They are named by the
/// URL asked for (`Metadata::path`), and a single article without a URL of
/// its own gets the one it was fetched from (after redirects).
pub fn read_fetched(
    url: &str,
    fetched: &Fetched,
    format: InputFormat,
    opts: &ReadOptions,
) -> Vec<Result<Document, IngestError>> {
    let label = Path::new(url);
    if fetched.bytes.is_empty() {
        return vec![Err(IngestError::Fetch {
            url: url.to_string(),
            reason: "the page is empty".to_string(),
        })];
    }
    let docs = match format {
        InputFormat::Html if !crate::load::looks_binary(&fetched.bytes) => vec![html::read(
            label,
            &fetched.bytes,
            charset(fetched.content_type.as_deref()),
            Some(&fetched.url),
        )],
        InputFormat::Html | InputFormat::Text | InputFormat::Feed => {
            parse(label, &fetched.bytes, format)
        }
        InputFormat::JsonLines | InputFormat::Warc => {
            crate::read_bytes(label, &fetched.bytes, format, opts)
        }
    };
    docs.into_iter()
        .map(|d| {
            d.map(|mut doc| {
                let meta = doc.meta_mut();
                if meta.url.is_none() && format.is_single_article() {
                    meta.url = Some(fetched.url.clone());
                }
                crate::keep_web_url(doc)
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_are_told_from_paths() {
        assert!(is_url("https://news.example/a.html"));
        assert!(is_url("HTTP://news.example/"));
        assert!(is_url("ftp://files.example/a.txt"));
        assert!(!is_url("samples/article.txt"));
        assert!(!is_url("-"));
        assert!(!is_url("odd name://x")); // a space is no scheme character
    }

    fn page(content_type: Option<&str>, url: &str, body: &str) -> Fetched {
        Fetched {
            bytes: body.as_bytes().to_vec(),
            content_type: content_type.map(str::to_string),
            url: url.to_string(),
        }
    }

    #[test]
    fn the_format_follows_the_content_type_then_the_path() {
        let f = |t, u, b| format_of(&page(t, u, b));
        assert_eq!(
            f(Some("text/html; charset=utf-8"), "https://x.example/a", "x"),
            InputFormat::Html
        );
        assert_eq!(
            f(Some("application/rss+xml"), "https://x.example/a", "x"),
            InputFormat::Feed
        );
        assert_eq!(
            f(Some("text/plain"), "https://x.example/a.html", "x"),
            InputFormat::Text
        );
        assert_eq!(
            f(None, "https://x.example/feed.atom?x=1", "x"),
            InputFormat::Feed
        );
        assert_eq!(
            f(
                Some("application/octet-stream"),
                "https://x.example/",
                " <html>"
            ),
            InputFormat::Html
        );
        assert_eq!(
            f(None, "https://x.example/", "Plain words."),
            InputFormat::Text
        );
    }

    #[test]
    fn the_charset_of_a_content_type() {
        assert_eq!(
            charset(Some("text/html; charset=\"ISO-8859-1\"")),
            Some("ISO-8859-1")
        );
        assert_eq!(charset(Some("text/html")), None);
    }
}
