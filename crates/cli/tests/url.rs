//! `analyze URL` and `ingest URL` against a server on 127.0.0.1 (no other
//! network): the page is fetched, analysed and stored under its URL, and a
//! failed fetch is a one-line error naming the URL and the reason.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::path::Path;
mod common;
use common::stdout_ok as stdout_of;
use std::process::{Command, Output};

/// A page in our own words.
const PAGE: &str = r#"<html><head><title>Harbour wall holds</title>
<meta property="article:published_time" content="2024-05-07T08:00:00Z"></head>
<body><article><h1>Harbour wall holds</h1>
<p>The harbour master said on Monday that the new sea wall had held back the storm surge without any flooding.</p>
<p>The mayor told reporters that the council would publish the full cost next month.</p>
</article></body></html>"#;

/// Serves `PAGE` as HTML for every request, from a background thread.
fn server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind 127.0.0.1");
    let base = format!("http://{}", listener.local_addr().unwrap());
    std::thread::spawn(move || {
        for mut stream in listener.incoming().flatten() {
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            // The request line and headers, up to the blank line.
            while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
                line.clear();
            }
            let head = format!(
                "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
                PAGE.len()
            );
            let _ = stream.write_all(head.as_bytes());
            let _ = stream.write_all(PAGE.as_bytes());
        }
    });
    base
}

fn run(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMTRAIL_DB")
        .env("CLAIMTRAIL_NOW", "2024-10-20")
        .env("NO_COLOR", "1")
        .output()
        .expect("run claimtrail")
}

#[test]
fn analyze_and_ingest_read_a_url() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let url = format!("{}/news/harbour", server());

    let a: serde_json::Value =
        serde_json::from_str(&stdout_of(&run(&["analyze", &url, "--format", "json"], d))).unwrap();
    assert_eq!(a["document"]["title"], "Harbour wall holds");
    assert_eq!(a["document"]["url"], url.as_str());
    assert_eq!(a["document"]["path"], url.as_str());
    assert_eq!(a["document"]["published"], "2024-05-07");
    let claims = a["claims"].as_array().unwrap();
    assert!(
        claims
            .iter()
            .any(|c| c["text"].as_str().unwrap().contains("sea wall")),
        "{a}"
    );

    let out = run(&["ingest", &url, "--db", "ledger.db"], d);
    stdout_of(&out);
    let listed = stdout_of(&run(&["claims", "--db", "ledger.db", "--format", "csv"], d));
    assert!(listed.contains("sea wall"), "{listed}");
    assert!(
        listed.contains(url.as_str()) || listed.contains("Harbour wall holds"),
        "{listed}"
    );
}

#[test]
fn a_failed_fetch_names_the_url_and_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let url = format!("{}/news/harbour", server());
    let o = run(&["analyze", &url, "--max-bytes", "100"], d);
    assert_ne!(o.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&o.stderr);
    let line = stderr
        .lines()
        .find(|l| l.contains(url.as_str()))
        .unwrap_or_else(|| panic!("no line names the URL: {stderr}"));
    assert!(line.contains("over the limit of 100 bytes"), "{line}");

    let closed = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap();
    let nobody = format!("http://{closed}/page");
    let o = run(&["analyze", &nobody], d);
    assert_ne!(o.status.code(), Some(0));
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(
        stderr
            .lines()
            .any(|l| l.contains(nobody.as_str()) && l.contains("connect")),
        "{stderr}"
    );

    let o = run(&["analyze", "ftp://files.example/a.txt"], d);
    assert!(
        String::from_utf8_lossy(&o.stderr)
            .contains("ftp://files.example/a.txt: only http:// and https:// URLs are fetched"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
}
