//! Feeds and web archives: one document per item or HTML record, with the
//! item's or record's metadata; a bad record is reported and the rest kept.

use claimtrail_ingest::{read, read_as, read_bytes, IngestError, InputFormat, ReadOptions};
use std::io::Write;
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const RSS: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>Wire Service</title><link>https://wire.example/</link>
<item>
  <title>Troops sent north</title>
  <link>https://wire.example/troops</link>
  <pubDate>Tue, 08 Oct 2024 10:00:00 GMT</pubDate>
  <description>Short teaser.</description>
  <content:encoded><![CDATA[<p>The ministry said 1,500 soldiers were sent.</p><script>alert(1)</script><p>Talks continue.</p>]]></content:encoded>
</item>
<item>
  <title>Markets &amp; rates</title>
  <link>https://wire.example/markets</link>
  <description>&lt;p&gt;Rates were left unchanged on Monday.&lt;/p&gt;</description>
</item>
<item><title>Empty item</title></item>
</channel></rss>"#;

#[test]
fn rss_items_become_documents() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "wire.rss", RSS.as_bytes());
    let docs = read(&path, &ReadOptions::default());
    assert_eq!(docs.len(), 3);
    let first = docs[0].as_ref().unwrap();
    assert_eq!(
        first.text(),
        "Troops sent north\n\nThe ministry said 1,500 soldiers were sent.\n\nTalks continue."
    );
    let m = first.meta();
    assert_eq!(m.title.as_deref(), Some("Troops sent north"));
    assert_eq!(m.url.as_deref(), Some("https://wire.example/troops"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2024-10-08")
    );
    assert_eq!(m.outlet.as_deref(), Some("Wire Service"));
    assert_eq!(
        m.path.as_deref(),
        Some(format!("{}#1", path.display()).as_str())
    );
    assert_eq!(
        first.headline().map(|s| first.slice(s)),
        Some("Troops sent north")
    );
    let second = docs[1].as_ref().unwrap();
    assert_eq!(
        second.text(),
        "Markets & rates\n\nRates were left unchanged on Monday."
    );
    assert_eq!(second.meta().published, None);
    let err = docs[2].as_ref().unwrap_err();
    assert!(matches!(err, IngestError::NoText { .. }));
    assert!(err
        .to_string()
        .contains("wire.rss#3: no article text found"));
}

#[test]
fn atom_entries_and_bad_feeds() {
    let dir = tempfile::tempdir().unwrap();
    let atom = r#"<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Blog</title><id>urn:x</id><updated>2024-01-02T00:00:00Z</updated>
<entry><title>Post one</title><id>urn:1</id><link rel="alternate" href="https://blog.example/1"/>
<updated>2024-01-03T10:00:00Z</updated><published>2024-01-02T09:00:00+01:00</published>
<content type="html">&lt;p&gt;First post, with text.&lt;/p&gt;</content></entry></feed>"#;
    let docs = read(
        &write(dir.path(), "blog.atom", atom.as_bytes()),
        &ReadOptions::default(),
    );
    assert_eq!(docs.len(), 1);
    let doc = docs[0].as_ref().unwrap();
    assert_eq!(doc.text(), "Post one\n\nFirst post, with text.");
    assert_eq!(doc.meta().url.as_deref(), Some("https://blog.example/1"));
    assert_eq!(
        doc.meta().published.map(|d| d.to_string()).as_deref(),
        Some("2024-01-02")
    );

    let docs = read(
        &write(dir.path(), "notes.xml", b"<notes><note>hi</note></notes>"),
        &ReadOptions::default(),
    );
    assert!(
        matches!(&docs[..], [Err(IngestError::BadFeed { .. })]),
        "{docs:?}"
    );
    assert!(docs[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .contains("notes.xml: not a readable RSS or Atom feed"));
}

fn record(kind: &str, headers: &[(&str, &str)], block: &[u8]) -> Vec<u8> {
    let mut out = format!("WARC/1.0\r\nWARC-Type: {kind}\r\n");
    for (k, v) in headers {
        out.push_str(&format!("{k}: {v}\r\n"));
    }
    out.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
    let mut bytes = out.into_bytes();
    bytes.extend_from_slice(block);
    bytes.extend_from_slice(b"\r\n\r\n");
    bytes
}

fn gzip(bytes: &[u8]) -> Vec<u8> {
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).unwrap();
    enc.finish().unwrap()
}

fn archive_records() -> Vec<Vec<u8>> {
    let page = "<html><head><title>Flood warning issued</title></head><body><article>\
        <p>The agency said, on Monday, that rivers would rise by two metres.</p></article></body></html>";
    let dated = "<html><head><meta property=\"article:published_time\" content=\"2024-05-01\"></head><body>\
        <p>Officials confirmed, late on Tuesday, that the bridge was closed.</p></body></html>";
    let chunked_gzip = {
        let body = gzip(dated.as_bytes());
        let mut http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n".to_vec();
        http.extend_from_slice(format!("{:x}\r\n", body.len()).as_bytes());
        http.extend_from_slice(&body);
        http.extend_from_slice(b"\r\n0\r\n\r\n");
        http
    };
    let plain_http =
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n{page}");
    let uri = |u: &'static str| ("WARC-Target-URI", u);
    let date = ("WARC-Date", "2024-06-01T12:00:00Z");
    let http = ("Content-Type", "application/http; msgtype=response");
    vec![
        record(
            "warcinfo",
            &[("Content-Type", "application/warc-fields")],
            b"software: test\r\n",
        ),
        record(
            "request",
            &[
                uri("https://news.example/flood"),
                date,
                ("Content-Type", "application/http; msgtype=request"),
            ],
            b"GET /flood HTTP/1.1\r\n\r\n",
        ),
        record(
            "response",
            &[uri("https://news.example/flood"), date, http],
            plain_http.as_bytes(),
        ),
        record(
            "response",
            &[uri("https://news.example/missing"), date, http],
            b"HTTP/1.1 404 Not Found\r\nContent-Type: text/html\r\n\r\n<p>Not found</p>",
        ),
        record(
            "response",
            &[uri("https://news.example/logo.png"), date, http],
            b"HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\x89PNG\0\0",
        ),
        record(
            "response",
            &[uri("https://news.example/bridge"), date, http],
            &chunked_gzip,
        ),
    ]
}

fn check_archive(docs: &[Result<claimtrail_text::Document, IngestError>], path: &Path) {
    assert_eq!(docs.len(), 2, "{docs:?}");
    let flood = docs[0].as_ref().unwrap();
    assert_eq!(
        flood.text(),
        "Flood warning issued\n\nThe agency said, on Monday, that rivers would rise by two metres."
    );
    assert_eq!(
        flood.meta().url.as_deref(),
        Some("https://news.example/flood")
    );
    // No date in the page: the capture date stands in.
    assert_eq!(
        flood.meta().published.map(|d| d.to_string()).as_deref(),
        Some("2024-06-01")
    );
    assert_eq!(
        flood.meta().path.as_deref(),
        Some(format!("{}#3", path.display()).as_str())
    );
    let bridge = docs[1].as_ref().unwrap();
    assert!(bridge.text().contains("the bridge was closed"));
    assert_eq!(
        bridge.meta().published.map(|d| d.to_string()).as_deref(),
        Some("2024-05-01")
    );
}

#[test]
fn warc_and_warc_gz() {
    let dir = tempfile::tempdir().unwrap();
    let records = archive_records();
    let path = write(dir.path(), "crawl.warc", &records.concat());
    check_archive(&read(&path, &ReadOptions::default()), &path);
    // One gzip member per record, as crawlers write them.
    let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    let path = write(dir.path(), "crawl.warc.gz", &gz);
    check_archive(&read(&path, &ReadOptions::default()), &path);
}

#[test]
fn warc_from_memory_plain_and_gzipped() {
    let records = archive_records();
    let label = Path::new("<stdin>");
    let plain = records.concat();
    check_archive(
        &read_bytes(label, &plain, InputFormat::Warc, &ReadOptions::default()),
        label,
    );
    let gz: Vec<u8> = records.iter().flat_map(|r| gzip(r)).collect();
    check_archive(
        &read_bytes(label, &gz, InputFormat::Warc, &ReadOptions::default()),
        label,
    );
}

#[test]
fn a_named_format_reads_a_file_of_any_name() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "wire.json", RSS.as_bytes());
    assert!(matches!(
        read(&path, &ReadOptions::default())[0],
        Err(IngestError::Unsupported { .. })
    ));
    let docs = read_as(&path, InputFormat::Feed, &ReadOptions::default());
    assert_eq!(docs.len(), 3, "the feed's three items");
    assert_eq!(
        docs[0].as_ref().unwrap().meta().title.as_deref(),
        Some("Troops sent north")
    );
}

#[test]
fn warc_bad_records() {
    let dir = tempfile::tempdir().unwrap();
    let mut records = archive_records();
    // A record over the size limit is reported; the others still come through.
    let big = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>{}</p>",
        "word, ".repeat(2000)
    );
    records.insert(
        3,
        record(
            "response",
            &[("Content-Type", "application/http; msgtype=response")],
            big.as_bytes(),
        ),
    );
    let path = write(dir.path(), "big.warc", &records.concat());
    let docs = read(&path, &ReadOptions { max_bytes: 4096 });
    let too_large: Vec<String> = docs
        .iter()
        .filter_map(|d| d.as_ref().err())
        .map(|e| e.to_string())
        .collect();
    assert_eq!(too_large.len(), 1, "{docs:?}");
    assert!(
        too_large[0].contains("big.warc#4: file is"),
        "{}",
        too_large[0]
    );
    assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), 2);

    // A truncated archive: what came before the break is kept, and the break is reported.
    let mut bytes = archive_records()[..3].concat();
    bytes.extend_from_slice(
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 500\r\n\r\nHTTP/1.1 200",
    );
    let path = write(dir.path(), "cut.warc", &bytes);
    let docs = read(&path, &ReadOptions::default());
    assert!(docs[0].is_ok());
    let err = docs.last().unwrap().as_ref().unwrap_err();
    assert!(
        matches!(err, IngestError::BadRecord { record: 4, .. }),
        "{err:?}"
    );
    assert!(err
        .to_string()
        .ends_with("cut.warc: record 4: file ends inside a record"));

    // A record that claims a petabyte is not believed before its bytes arrive.
    let path = write(
        dir.path(),
        "liar.warc",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 1000000000000000\r\n\r\nHTTP/1.1 200",
    );
    let docs = read(
        &path,
        &ReadOptions {
            max_bytes: u64::MAX,
        },
    );
    assert!(
        matches!(&docs[..], [Err(IngestError::BadRecord { record: 1, .. })]),
        "{docs:?}"
    );

    let path = write(dir.path(), "fake.warc", b"this is not an archive\n");
    let docs = read(&path, &ReadOptions::default());
    assert!(
        matches!(&docs[..], [Err(IngestError::BadRecord { record: 1, .. })]),
        "{docs:?}"
    );
}

/// Record `at` of the archive with its Content-Length off by `delta` bytes.
fn wrong_length(records: &mut [Vec<u8>], at: usize, delta: i64) {
    let text = String::from_utf8_lossy(&records[at]).into_owned();
    let (head, _) = text.split_once("\r\n\r\n").unwrap();
    let len: i64 = head
        .rsplit_once("Content-Length: ")
        .unwrap()
        .1
        .parse()
        .unwrap();
    let fixed = text.replacen(
        &format!("Content-Length: {len}\r\n"),
        &format!("Content-Length: {}\r\n", len + delta),
        1,
    );
    records[at] = fixed.into_bytes();
}

#[test]
fn warc_resynchronises_after_a_wrong_content_length() {
    let dir = tempfile::tempdir().unwrap();
    for (name, delta) in [("short.warc", -40), ("long.warc", 60)] {
        let mut records = archive_records();
        // The warcinfo record lies about its length: the flood page and the
        // bridge page after it must still come through.
        wrong_length(&mut records, 0, delta);
        let path = write(dir.path(), name, &records.concat());
        let docs = read(&path, &ReadOptions::default());
        let texts: Vec<&str> = docs.iter().flatten().map(|d| d.text()).collect();
        assert_eq!(texts.len(), 2, "{name}: {docs:?}");
        assert!(texts[0].contains("rivers would rise"), "{name}");
        assert!(texts[1].contains("the bridge was closed"), "{name}");
        let errors: Vec<String> = docs
            .iter()
            .filter_map(|d| d.as_ref().err())
            .map(|e| e.to_string())
            .collect();
        assert_eq!(errors.len(), 1, "{name}: {errors:?}");
        assert!(
            errors[0].contains(&format!("{name}: record 1")),
            "{errors:?}"
        );
    }
    // Garbage between two records is skipped and counted.
    let mut records = archive_records();
    records.insert(2, b"\x00\x01 not a record at all\r\nmore junk\r\n".to_vec());
    let path = write(dir.path(), "junk.warc", &records.concat());
    let docs = read(&path, &ReadOptions::default());
    assert_eq!(docs.iter().filter(|d| d.is_ok()).count(), 2, "{docs:?}");
    let err = docs
        .iter()
        .find_map(|d| d.as_ref().err())
        .unwrap()
        .to_string();
    assert!(
        err.contains("skipped 35 bytes to the next WARC/1. header"),
        "{err}"
    );
}

#[test]
fn only_web_urls_are_kept() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"text": "The mayor said the road would reopen.", "url": "javascript:alert(1)"}"#,
        r#"{"text": "The council said the bridge was safe.", "url": "data:text/html,<b>x</b>"}"#,
        r#"{"text": "The minister said prices would fall.", "url": "HTTPS://news.example/a"}"#,
    ];
    let path = write(dir.path(), "urls.jsonl", lines.join("\n").as_bytes());
    let urls: Vec<Option<String>> = read(&path, &ReadOptions::default())
        .into_iter()
        .map(|d| d.unwrap().meta().url.clone())
        .collect();
    assert_eq!(urls, [None, None, Some("HTTPS://news.example/a".into())]);
}

#[cfg(unix)]
#[test]
fn a_pipe_is_refused_without_blocking() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("feed.txt");
    let status = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !status.is_ok_and(|s| s.success()) {
        eprintln!("skip: mkfifo is not available");
        return;
    }
    let listed = claimtrail_ingest::discover(std::slice::from_ref(&fifo));
    let err = listed[0].as_ref().unwrap_err().to_string();
    assert!(err.contains("not a regular file"), "{err}");
    let docs = read(&fifo, &ReadOptions::default());
    assert!(
        matches!(&docs[..], [Err(IngestError::NotAFile { .. })]),
        "{docs:?}"
    );
}
