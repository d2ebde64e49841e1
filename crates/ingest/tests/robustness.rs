//! Untrusted input: arbitrary bytes never panic, and hostile pages (deep
//! nesting, huge pages) neither overflow the stack nor take quadratic time.

use claimtrail_ingest::html::{extract, extract_bytes};
use claimtrail_ingest::{read, ReadOptions};
use proptest::prelude::*;
use std::time::{Duration, Instant};

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let dir = tempfile::tempdir().unwrap();
        for name in ["x.html", "x.txt", "x.jsonl", "x.rss", "x.warc", "x.warc.gz"] {
            let path = dir.path().join(name);
            std::fs::write(&path, &bytes).unwrap();
            let _ = read(&path, &ReadOptions::default());
        }
        let _ = extract_bytes(&bytes, None);
    }

    #[test]
    fn arbitrary_warc_headers_never_panic(len in 0u32..5000, body in proptest::collection::vec(any::<u8>(), 0..600)) {
        let dir = tempfile::tempdir().unwrap();
        let mut bytes = format!("WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\nContent-Length: {len}\r\n\r\n").into_bytes();
        bytes.extend_from_slice(b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n");
        bytes.extend_from_slice(&body);
        let path = dir.path().join("x.warc");
        std::fs::write(&path, &bytes).unwrap();
        let _ = read(&path, &ReadOptions::default());
    }

    #[test]
    fn tag_soup_never_panics(parts in proptest::collection::vec(
        prop_oneof![
            Just("<p>".to_string()), Just("</p>".to_string()), Just("<div class=content>".to_string()),
            Just("</div>".to_string()), Just("<br>".to_string()), Just("<a href=x>".to_string()),
            Just("</a>".to_string()), Just("<pre>".to_string()), Just("<table><td>".to_string()),
            Just("<script>".to_string()), Just("<!--".to_string()), Just("-->".to_string()),
            "[a-zA-Z ,.é\n]{0,40}",
        ], 0..80)) {
        let page = parts.concat();
        let article = extract(&page);
        for p in &article.paragraphs {
            prop_assert!(!p.trim().is_empty());
        }
    }
}

fn timed<T>(f: impl FnOnce() -> T) -> (T, Duration) {
    let t = Instant::now();
    let out = f();
    (out, t.elapsed())
}

#[test]
fn deep_nesting_does_not_overflow() {
    let depth = 100_000;
    let page = format!(
        "{}<p>Deep text, with a comma, lives here at the bottom of the page.</p>{}",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    // Run on a small stack to prove that nothing recurses per level.
    let handle = std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(move || extract(&page))
        .unwrap();
    let article = handle.join().expect("no stack overflow");
    assert!(article.body().contains("Deep text"));
}

#[test]
fn huge_pages_stay_linear() {
    let para = "<div class=c><p>The ministry said, on Monday, that 1,500 troops had been moved to the border region.</p><a href=/x>link</a></div>";
    let small = format!("<html><body>{}</body></html>", para.repeat(2_000));
    let large = format!("<html><body>{}</body></html>", para.repeat(20_000));
    let (_, t_small) = timed(|| extract(&small));
    let (article, t_large) = timed(|| extract(&large));
    assert!(article.paragraphs.len() > 1000);
    // Ten times the input may take ten times as long, with room for noise, not a hundred.
    assert!(
        t_large < t_small * 40 + Duration::from_millis(200),
        "{t_small:?} -> {t_large:?}"
    );
}

#[test]
fn unclosed_formatting_tags_stay_linear() {
    let page = |n: usize| {
        let mut s: String = (0..n).map(|i| format!("<b id=b{i}>")).collect();
        s.push_str(&"<p>The mayor said, again, that the bridge would reopen.</p>".repeat(n));
        s
    };
    let (small, large) = (page(1_000), page(10_000));
    let (_, t_small) = timed(|| extract(&small));
    let (article, t_large) = timed(|| extract(&large));
    assert!(article.body().contains("bridge would reopen"));
    assert!(
        t_large < t_small * 40 + Duration::from_millis(200),
        "{t_small:?} -> {t_large:?}"
    );
}
