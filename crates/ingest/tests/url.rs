//! URL input against a small HTTP server on 127.0.0.1 (no other network):
//! pages by their Content-Type, redirects, and every limit with its error.

use claimtrail_ingest::{read_url, FetchOptions, IngestError, ReadOptions};
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::time::Duration;

const ARTICLE: &str = r#"<!doctype html><html><head><meta charset="utf-8">
<title>Bridge reopens | Valley Post</title>
<meta property="og:site_name" content="Valley Post">
<meta property="article:published_time" content="2024-06-03T09:00:00Z">
</head><body><article><h1>Bridge reopens</h1>
<p>The county engineer said on Monday that the old stone bridge over the river would reopen to cars on Friday after six weeks of repairs.</p>
<p>Local traders said the closure had cost them about a third of their usual trade.</p>
</article></body></html>"#;

const FEED: &str = r#"<?xml version="1.0"?><rss version="2.0"><channel><title>Valley Post</title>
<item><title>Bridge reopens</title><link>https://post.example/bridge</link><pubDate>Mon, 03 Jun 2024 09:00:00 GMT</pubDate>
<description>The county engineer said the bridge would reopen on Friday.</description></item>
<item><title>School fair</title><link>https://post.example/fair</link><pubDate>Tue, 04 Jun 2024 09:00:00 GMT</pubDate>
<description>Teachers said the fair raised more money than last year.</description></item>
</channel></rss>"#;

/// What the server answers for a path: status line, headers, body, and a
/// pause before answering.
fn answer(path: &str) -> (&'static str, Vec<(&'static str, String)>, Vec<u8>, Duration) {
    let none = Duration::ZERO;
    let html = || vec![("Content-Type", "text/html; charset=utf-8".to_string())];
    match path {
        "/bridge" => ("200 OK", html(), ARTICLE.into(), none),
        "/feed" => (
            "200 OK",
            vec![("Content-Type", "application/rss+xml".to_string())],
            FEED.into(),
            none,
        ),
        "/notes" => (
            "200 OK",
            vec![("Content-Type", "text/plain".to_string())],
            b"Officials said the road would stay closed until Friday.\n".to_vec(),
            none,
        ),
        "/moved" => (
            "302 Found",
            vec![("Location", "/bridge".to_string())],
            Vec::new(),
            none,
        ),
        "/loop" => (
            "302 Found",
            vec![("Location", "/loop".to_string())],
            Vec::new(),
            none,
        ),
        "/big" => (
            "200 OK",
            vec![("Content-Type", "text/plain".to_string())],
            "words ".repeat(1000).into_bytes(),
            none,
        ),
        "/slow" => ("200 OK", html(), ARTICLE.into(), Duration::from_secs(4)),
        _ => ("404 Not Found", Vec::new(), b"no such page".to_vec(), none),
    }
}

/// Serves [`answer`] on a free loopback port from a background thread; one
/// request per connection.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || serve(stream));
        }
    });
    base
}

fn serve(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().unwrap());
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // Skip the headers.
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_string();
    let (status, headers, body, pause) = answer(&path);
    std::thread::sleep(pause);
    let mut head = format!(
        "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n",
        body.len()
    );
    for (k, v) in headers {
        head.push_str(&format!("{k}: {v}\r\n"));
    }
    head.push_str("\r\n");
    let _ = stream.write_all(head.as_bytes());
    let _ = stream.write_all(&body);
}

fn limits() -> FetchOptions {
    FetchOptions {
        timeout: Duration::from_secs(2),
        max_redirects: 3,
    }
}

fn one(url: &str, opts: &ReadOptions) -> Result<claimtrail_text::Document, IngestError> {
    let mut docs = read_url(url, opts, &limits());
    assert_eq!(docs.len(), 1, "{url}");
    docs.remove(0)
}

/// The error of reading `url`: one line that names the URL.
fn error(url: &str, opts: &ReadOptions) -> String {
    let e = match one(url, opts) {
        Ok(_) => panic!("{url}: an error was expected"),
        Err(e) => e.to_string(),
    };
    assert!(e.starts_with(&format!("{url}: ")), "{e}");
    assert!(!e.contains('\n'), "{e}");
    e
}

#[test]
fn a_page_is_read_as_its_content_type_says() {
    let base = server();
    let url = format!("{base}/bridge");
    let doc = one(&url, &ReadOptions::default()).expect("the page");
    assert!(doc.text().contains("old stone bridge"), "{}", doc.text());
    assert!(!doc.text().contains("<p>"));
    let meta = doc.meta();
    assert_eq!(meta.title.as_deref(), Some("Bridge reopens"));
    assert_eq!(meta.outlet.as_deref(), Some("Valley Post"));
    assert_eq!(
        meta.published.map(|d| d.to_string()).as_deref(),
        Some("2024-06-03")
    );
    // The page names no URL of its own: it keeps the one it came from.
    assert_eq!(meta.url.as_deref(), Some(url.as_str()));
    assert_eq!(meta.path.as_deref(), Some(url.as_str()));

    let notes = one(&format!("{base}/notes"), &ReadOptions::default()).unwrap();
    assert_eq!(
        notes.text(),
        "Officials said the road would stay closed until Friday.\n"
    );

    let items = read_url(&format!("{base}/feed"), &ReadOptions::default(), &limits());
    let titles: Vec<_> = items
        .into_iter()
        .map(|d| d.unwrap().meta().title.clone().unwrap())
        .collect();
    assert_eq!(titles, ["Bridge reopens", "School fair"]);
}

#[test]
fn redirects_are_followed_up_to_the_limit() {
    let base = server();
    let doc = one(&format!("{base}/moved"), &ReadOptions::default()).unwrap();
    assert_eq!(
        doc.meta().url.as_deref(),
        Some(format!("{base}/bridge").as_str()),
        "the URL after the redirect"
    );
    let e = error(&format!("{base}/loop"), &ReadOptions::default());
    assert!(e.contains("more than 3 redirects"), "{e}");
}

#[test]
fn limits_and_failures_are_one_line_errors_naming_the_url() {
    let base = server();
    let small = ReadOptions { max_bytes: 1000 };
    let e = error(&format!("{base}/big"), &small);
    assert!(
        e.contains("over the limit of 1000 bytes") && e.contains("--max-bytes"),
        "{e}"
    );
    // The same page under the default cap is read.
    assert!(one(&format!("{base}/big"), &ReadOptions::default()).is_ok());

    let e = error(&format!("{base}/missing"), &ReadOptions::default());
    assert!(e.contains("HTTP 404"), "{e}");

    let started = std::time::Instant::now();
    let e = error(&format!("{base}/slow"), &ReadOptions::default());
    assert!(e.contains("within 2 s"), "{e}");
    assert!(
        started.elapsed() < Duration::from_secs(4),
        "the time limit holds"
    );

    // A port nobody listens on.
    let closed = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap()
    };
    let e = error(&format!("http://{closed}/"), &ReadOptions::default());
    assert!(e.contains("connect"), "{e}");

    let e = error("ftp://files.example/a.txt", &ReadOptions::default());
    assert!(e.contains("only http:// and https://"), "{e}");
}
