//! The readers end to end, on small files written by each test: every
//! supported format, and every kind of bad input the CLI must report.

use claimtrail_ingest::{discover, read, IngestError, ReadOptions};
use std::path::{Path, PathBuf};

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).unwrap();
    }
    std::fs::write(&path, bytes).unwrap();
    path
}

fn read_one(path: &Path) -> Result<claimtrail_text::Document, IngestError> {
    let mut docs = read(path, &ReadOptions::default());
    assert_eq!(
        docs.len(),
        1,
        "one document expected from {}",
        path.display()
    );
    docs.remove(0)
}

const ARTICLE_HTML: &str = r##"<!doctype html><html><head>
<meta charset="utf-8"><title>Troops sent north | The Gazette</title>
<meta property="og:site_name" content="The Gazette">
<meta property="article:published_time" content="2024-10-20T08:00:00+03:00">
<link rel="canonical" href="https://gazette.example/world/troops">
<style>p { color: red }</style><script>var secret = "SCRIPT TEXT";</script>
</head><body>
<nav class="menu"><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article class="story">
<h1>Troops sent north</h1>
<div class="byline">By A. Writer</div>
<p>The defence ministry said on Sunday that 1,500 soldiers, including engineers, had been sent north.</p>
<p>"We cannot confirm the figure," a spokesman said, adding that talks would continue next week.</p>
<!-- a comment that must not leak -->
<div style="display: none">HIDDEN TEXT</div>
<iframe src="x">IFRAME TEXT</iframe>
<p>Officials in the capital, who spoke on condition of anonymity, described the move as routine.</p>
<div class="share-tools"><a href="#">Share on X</a> <a href="#">Email</a></div>
</article>
<aside class="sidebar"><h2>Most read</h2><ul><li><a href="/1">Another story</a></li></ul></aside>
<footer>Copyright The Gazette</footer>
</body></html>"##;

#[test]
fn html_main_text_and_metadata() {
    let dir = tempfile::tempdir().unwrap();
    let doc = read_one(&write(dir.path(), "a.html", ARTICLE_HTML.as_bytes())).unwrap();
    let text = doc.text();
    assert!(
        text.starts_with("Troops sent north\n\nThe defence ministry said"),
        "{text}"
    );
    assert!(text.contains("described the move as routine."));
    for leak in [
        "SCRIPT",
        "HIDDEN",
        "IFRAME",
        "comment",
        "color",
        "Home",
        "Share",
        "Most read",
        "Copyright",
        "By A. Writer",
    ] {
        assert!(!text.contains(leak), "{leak} leaked into {text:?}");
    }
    let m = doc.meta();
    assert_eq!(m.title.as_deref(), Some("Troops sent north"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2024-10-20")
    );
    assert_eq!(
        m.url.as_deref(),
        Some("https://gazette.example/world/troops")
    );
    assert_eq!(m.outlet.as_deref(), Some("The Gazette"));
    assert!(m.path.as_deref().unwrap().ends_with("a.html"));
    // The headline is recognised as such by the document model.
    assert_eq!(
        doc.headline().map(|s| doc.slice(s)),
        Some("Troops sent north")
    );
    assert_eq!(doc.paragraphs().len(), 4);
}

#[test]
fn html_in_a_legacy_encoding() {
    let dir = tempfile::tempdir().unwrap();
    let page = b"<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>\
        <body><p>Le ministre a d\xe9clar\xe9 que la r\xe9union, pr\xe9vue lundi, \xe9tait report\xe9e \x96 sans date.</p></body></html>";
    let doc = read_one(&write(dir.path(), "fr.htm", page)).unwrap();
    assert!(
        doc.text()
            .contains("a déclaré que la réunion, prévue lundi, était reportée – sans date."),
        "{}",
        doc.text()
    );
}

#[test]
fn html_without_text() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "empty.html", b"<html><head><title>Nothing</title><script>var a = 1;</script></head><body><img src=x></body></html>");
    let err = read_one(&path).unwrap_err();
    assert!(matches!(err, IngestError::NoText { .. }), "{err}");
    assert!(err
        .to_string()
        .contains("empty.html: no article text found"));
}

#[test]
fn text_file_bom_and_crlf() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "a.txt",
        b"\xEF\xBB\xBFHeadline here\r\n\r\nThe minister said it.\r\n",
    );
    let doc = read_one(&path).unwrap();
    assert_eq!(doc.text(), "Headline here\n\nThe minister said it.\n");
    assert_eq!(doc.paragraphs().len(), 2);
    assert_eq!(
        doc.meta().path.as_deref(),
        Some(path.display().to_string().as_str())
    );
}

#[test]
fn invalid_utf8_reports_the_offset() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "bad.txt",
        b"caf\xC3\xA9 ok then \xFF\xFE broken",
    );
    let err = read_one(&path).unwrap_err();
    assert!(
        matches!(err, IngestError::InvalidUtf8 { offset: 14, .. }),
        "{err:?}"
    );
    assert_eq!(
        err.to_string(),
        format!("{}: invalid UTF-8 at byte 14", path.display())
    );
}

#[test]
fn empty_and_blank_files() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("e.txt", &b""[..]),
        ("e.html", b""),
        ("e.jsonl", b""),
        ("blank.txt", b" \n\n\t\n"),
        ("blank.jsonl", b"\n\n"),
    ] {
        let err = read_one(&write(dir.path(), name, bytes)).unwrap_err();
        assert!(matches!(err, IngestError::Empty { .. }), "{name}: {err:?}");
        assert!(err.to_string().ends_with(&format!("{name}: file is empty")));
    }
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0";
    for name in ["image.txt", "image.html", "image.jsonl"] {
        let err = read_one(&write(dir.path(), name, png)).unwrap_err();
        assert!(matches!(err, IngestError::Binary { .. }), "{name}: {err:?}");
    }
    let controls: Vec<u8> = (0..400u32)
        .map(|i| if i % 3 == 0 { 0x01 } else { b'a' })
        .collect();
    assert!(matches!(
        read_one(&write(dir.path(), "ctl.txt", &controls)),
        Err(IngestError::Binary { .. })
    ));
}

#[test]
fn size_limit_is_checked_before_reading() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "big.txt", &vec![b'a'; 2048]);
    let opts = ReadOptions { max_bytes: 1024 };
    let mut docs = read(&path, &opts);
    let err = docs.remove(0).unwrap_err();
    assert!(
        matches!(
            err,
            IngestError::TooLarge {
                size: 2048,
                limit: 1024,
                ..
            }
        ),
        "{err:?}"
    );
    assert!(err
        .to_string()
        .contains("2048 bytes, over the limit of 1024 bytes"));
    assert!(read(&path, &ReadOptions { max_bytes: 4096 })[0].is_ok());
}

#[test]
fn missing_and_unsupported_paths() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("nope.txt");
    let err = read_one(&missing).unwrap_err();
    assert!(matches!(err, IngestError::NotFound { .. }), "{err:?}");
    let found = discover(std::slice::from_ref(&missing));
    assert!(matches!(&found[..], [Err(IngestError::NotFound { .. })]));
    assert!(found[0]
        .as_ref()
        .unwrap_err()
        .to_string()
        .ends_with("nope.txt: no such file or folder"));

    let pdf = write(dir.path(), "paper.pdf", b"%PDF-1.4");
    assert!(matches!(
        &discover(std::slice::from_ref(&pdf))[..],
        [Err(IngestError::Unsupported { .. })]
    ));
    assert!(matches!(
        read_one(&pdf),
        Err(IngestError::Unsupported { .. })
    ));
}

#[test]
fn discover_walks_folders_sorted_skipping_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "b.txt", b"x");
    write(root, "a/z.html", b"x");
    write(root, "a/c.jsonl", b"x");
    write(root, "a/notes.md", b"x");
    write(root, ".hidden.txt", b"x");
    write(root, ".git/x.txt", b"x");
    write(root, "C.TXT", b"x");
    let found: Vec<PathBuf> = discover(&[root.to_path_buf()])
        .into_iter()
        .map(Result::unwrap)
        .collect();
    let names: Vec<String> = found
        .iter()
        .map(|p| p.strip_prefix(root).unwrap().display().to_string())
        .collect();
    assert_eq!(names, ["C.TXT", "a/c.jsonl", "a/z.html", "b.txt"]);
    // An explicitly named hidden file is read all the same.
    let hidden = root.join(".hidden.txt");
    assert!(matches!(
        &discover(std::slice::from_ref(&hidden))[..],
        [Ok(_)]
    ));
}

#[test]
fn jsonl_lines_with_metadata_and_bad_lines() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        r#"{"text":"The minister said 40 people died.","title":"Forty dead","url":"https://x.example/1","published":"2024-10-08","source":"Wire"}"#,
        "\n",
        "{not json\n",
        "\n",
        r#"{"title":"no text"}"#,
        "\n",
        r#"{"text":"Second article.","published":"2024-10-09T10:00:00+02:00"}"#,
        "\r\n",
        r#"{"text":"Bad date.","published":"October 9"}"#,
        "\n",
        r#"["an array"]"#,
        "\n",
    );
    let path = write(dir.path(), "feed.jsonl", body.as_bytes());
    let results = read(&path, &ReadOptions::default());
    assert_eq!(results.len(), 6);
    let first = results[0].as_ref().unwrap();
    assert_eq!(first.text(), "The minister said 40 people died.");
    let m = first.meta();
    assert_eq!(m.title.as_deref(), Some("Forty dead"));
    assert_eq!(m.url.as_deref(), Some("https://x.example/1"));
    assert_eq!(m.outlet.as_deref(), Some("Wire"));
    assert_eq!(
        m.published.map(|d| d.to_string()).as_deref(),
        Some("2024-10-08")
    );
    assert_eq!(
        m.path.as_deref(),
        Some(format!("{}:1", path.display()).as_str())
    );
    let second = results[3].as_ref().unwrap();
    assert_eq!(
        second.meta().published.map(|d| d.to_string()).as_deref(),
        Some("2024-10-09")
    );
    assert_eq!(
        second.meta().path.as_deref(),
        Some(format!("{}:5", path.display()).as_str())
    );
    let bad_lines: Vec<(usize, String)> = results
        .iter()
        .filter_map(|r| match r {
            Err(IngestError::BadLine { line, reason, .. }) => Some((*line, reason.clone())),
            _ => None,
        })
        .collect();
    let lines: Vec<usize> = bad_lines.iter().map(|(l, _)| *l).collect();
    assert_eq!(lines, [2, 4, 6, 7]);
    assert!(bad_lines[1].1.contains("missing \"text\""));
    assert!(bad_lines[2].1.contains("published"));
    let msg = results[1].as_ref().unwrap_err().to_string();
    assert!(
        msg.starts_with(&format!("{}:2: not valid JSON", path.display())),
        "{msg}"
    );
}

#[test]
fn the_size_limit_of_json_lines_is_per_line() {
    let dir = tempfile::tempdir().unwrap();
    let line = |text: &str| serde_json::json!({ "text": text }).to_string();
    let long = "The minister said more. ".repeat(100);
    let lines = [
        line("The mayor said the road would reopen."),
        line(&long),
        line("The council said the bridge was safe."),
    ];
    let path = write(dir.path(), "mixed.jsonl", lines.join("\n").as_bytes());
    // The file is over the limit, each short line under it.
    let opts = ReadOptions { max_bytes: 200 };
    let docs = read(&path, &opts);
    assert_eq!(docs.len(), 3, "{docs:?}");
    assert!(docs[0].is_ok() && docs[2].is_ok(), "{docs:?}");
    let err = docs[1].as_ref().unwrap_err().to_string();
    assert!(
        err.contains("mixed.jsonl:2: line is over the limit of 200 bytes"),
        "{err}"
    );
}

#[test]
fn json_lines_stream_as_they_are_taken() {
    let dir = tempfile::tempdir().unwrap();
    let lines: Vec<String> = (0..500)
        .map(|n| {
            serde_json::json!({ "text": format!("Officials said {n} people left.") }).to_string()
        })
        .collect();
    let path = write(dir.path(), "many.jsonl", lines.join("\n").as_bytes());
    let mut docs = claimtrail_ingest::stream(&path, &ReadOptions::default());
    let first = docs.next().unwrap().unwrap();
    assert_eq!(first.text(), "Officials said 0 people left.");
    assert_eq!(docs.count(), 499);
}

#[test]
fn a_jsonl_record_may_name_where_it_came_from() {
    let dir = tempfile::tempdir().unwrap();
    let body = concat!(
        r#"{"text":"Copied out of an archive.","path":"/archive/day-3.jsonl:17"}"#,
        "\n",
        r#"{"text":"Written here."}"#,
        "\n",
        r#"{"text":"A number is no path.","path":17}"#,
    );
    let path = write(dir.path(), "copied.jsonl", body.as_bytes());
    let results = read(&path, &ReadOptions::default());
    let paths: Vec<Option<String>> = results
        .iter()
        .map(|r| r.as_ref().ok().and_then(|d| d.meta().path.clone()))
        .collect();
    assert_eq!(paths[0].as_deref(), Some("/archive/day-3.jsonl:17"));
    assert_eq!(paths[1], Some(format!("{}:2", path.display())));
    let err = results[2].as_ref().unwrap_err().to_string();
    assert!(err.ends_with(":3: \"path\" must be a string"), "{err}");
}

#[test]
fn json_lines_from_a_stream_are_limited_per_line_not_in_total() {
    let line = |n: usize| format!("{{\"text\":\"Report {n} says the bridge reopened.\"}}\n");
    let input: String = (0..50).map(line).collect();
    let opts = ReadOptions { max_bytes: 100 };
    let reader = std::io::Cursor::new(input.into_bytes());
    let docs: Vec<_> =
        claimtrail_ingest::stream_json_lines(Path::new("<stdin>"), Box::new(reader), &opts)
            .collect();
    assert_eq!(docs.len(), 50);
    let last = docs[49].as_ref().unwrap();
    assert_eq!(last.text(), "Report 49 says the bridge reopened.");
    assert_eq!(last.meta().path.as_deref(), Some("<stdin>:50"));
}
