//! Outputs other tools read and inputs from anywhere: one JSON document,
//! standard input, the analysed text, honest dates, CSV, export, completions.

use std::io::Write;
use std::path::{Path, PathBuf};
mod common;
use common::stdout_ok as ok;
use std::process::{Command, Output, Stdio};

/// Runs the binary in `dir` with `stdin` piped in and "now" fixed.
fn run(args: &[&str], dir: &Path, stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMTRAIL_DB")
        .env("CLAIMTRAIL_NOW", "2024-10-20")
        .env("NO_COLOR", "1")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run claimtrail");
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(s: &str) -> serde_json::Value {
    serde_json::from_str(s).unwrap_or_else(|e| panic!("not one JSON document ({e}): {s}"))
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/seed/zelenskyy-north-korea-address.txt")
}

/// A page in my own words whose metadata date is `date`.
fn page(date: &str) -> String {
    format!(
        r#"<html><head><title>Ministry update</title>
<meta property="article:published_time" content="{date}T08:00:00Z"></head>
<body><article><h1>Ministry update</h1>
<p>The defence ministry said on Tuesday that 2,000 soldiers had crossed the river near the border town.</p>
<p>The minister told reporters that the soldiers would stay for several weeks.</p>
</article></body></html>"#
    )
}

/// CSV records (RFC 4180: quoted fields may hold commas, quotes and line breaks).
fn csv_records(s: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let (mut quoted, mut chars) = (false, s.chars().peekable());
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {}
            (false, '\n') => {
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        !quoted && field.is_empty() && row.is_empty(),
        "CSV ends inside a row"
    );
    rows
}

const ONE: &str = "The ministry said on Monday that 1,500 troops had arrived.\n";
const TWO: &str = "The mayor said the bridge would reopen in May.\n";

#[test]
fn json_is_one_document_an_object_for_one_article_an_array_for_several() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("a.txt"), ONE).unwrap();
    std::fs::write(d.join("b.txt"), TWO).unwrap();
    let one = json(&ok(&run(&["analyze", "a.txt", "--format", "json"], d, b"")));
    assert!(one.is_object(), "{one}");
    assert_eq!(one["schema_version"], 1);
    let both = json(&ok(&run(&["analyze", ".", "--format", "json"], d, b"")));
    let both = both.as_array().expect("an array");
    assert_eq!(both.len(), 2);
    assert!(both[0]["document"]["path"]
        .as_str()
        .unwrap()
        .ends_with("a.txt"));
    let lines = ok(&run(&["analyze", ".", "--format", "jsonl"], d, b""));
    assert_eq!(lines.lines().count(), 2);
    assert!(lines.lines().all(|l| json(l).is_object()));
}

#[test]
fn stdin_is_text_unless_the_input_format_says_otherwise() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let a = json(&ok(&run(
        &["analyze", "-", "--format", "json"],
        d,
        ONE.as_bytes(),
    )));
    assert_eq!(a["document"]["path"], "<stdin>");
    assert!(a["claims"].as_array().is_some_and(|c| !c.is_empty()), "{a}");

    let html = page("2024-10-18");
    let args = ["analyze", "-", "--input-format", "html", "--format", "json"];
    let a = json(&ok(&run(&args, d, html.as_bytes())));
    assert_eq!(a["document"]["title"], "Ministry update");
    assert_eq!(a["document"]["published"], "2024-10-18");
    // Read as text, the same bytes keep their tags.
    let t = json(&ok(&run(
        &["analyze", "-", "--format", "json", "--include-text"],
        d,
        html.as_bytes(),
    )));
    assert!(t["document"]["text"].as_str().unwrap().contains("<p>"));

    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"text": ONE, "published": "2024-10-01"}),
        serde_json::json!({"text": TWO})
    );
    let args = [
        "analyze",
        "-",
        "--input-format",
        "jsonl",
        "--format",
        "json",
    ];
    let all = json(&ok(&run(&args, d, records.as_bytes())));
    assert_eq!(all.as_array().map(Vec::len), Some(2), "{all}");

    let o = run(&["analyze", "-"], d, b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(err(&o).contains("<stdin>: file is empty"), "{}", err(&o));
}

#[test]
fn include_text_gives_the_text_the_offsets_point_into() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("p.html"), page("2024-10-18")).unwrap();
    let plain = json(&ok(&run(
        &["analyze", "p.html", "--format", "json"],
        d,
        b"",
    )));
    assert!(
        plain["document"].get("text").is_none(),
        "additive: off by default"
    );
    let args = ["analyze", "p.html", "--format", "json", "--include-text"];
    let a = json(&ok(&run(&args, d, b"")));
    let text: Vec<char> = a["document"]["text"]
        .as_str()
        .expect("text")
        .chars()
        .collect();
    assert_eq!(text.len() as u64, a["document"]["chars"].as_u64().unwrap());
    let slice = |v: &serde_json::Value| -> String {
        let (s, e) = (
            v["start"].as_u64().unwrap() as usize,
            v["end"].as_u64().unwrap() as usize,
        );
        text[s..e].iter().collect()
    };
    let timexes = a["timexes"].as_array().unwrap();
    assert!(!timexes.is_empty());
    for t in timexes {
        assert_eq!(slice(t), t["text"].as_str().unwrap());
    }
    for c in a["claims"].as_array().unwrap() {
        let sentence = (
            &c["sentence"],
            c["sentence_start"].as_u64(),
            c["sentence_end"].as_u64(),
        );
        let v = serde_json::json!({"start": sentence.1, "end": sentence.2});
        assert_eq!(slice(&v), sentence.0.as_str().unwrap());
    }
}

#[test]
fn an_impossible_metadata_date_is_ignored_with_a_warning_and_published_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("zero.html"), page("0001-01-01")).unwrap();
    let o = run(&["analyze", "zero.html", "--format", "json"], d, b"");
    let a = json(&ok(&o));
    assert!(a["document"]["published"].is_null(), "{}", a["document"]);
    let warning = err(&o);
    assert!(
        warning.contains("zero.html") && warning.contains("0001-01-01"),
        "{warning}"
    );

    let args = [
        "analyze",
        "zero.html",
        "--published",
        "2024-10-20",
        "--format",
        "json",
    ];
    let a = json(&ok(&run(&args, d, b"")));
    assert_eq!(a["document"]["published"], "2024-10-20");
    let tuesday = a["timexes"]
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["text"] == "Tuesday")
        .expect("Tuesday is tagged");
    let value = chrono::NaiveDate::parse_from_str(tuesday["value"].as_str().unwrap(), "%Y-%m-%d")
        .expect("Tuesday resolved to a date");
    let anchor = chrono::NaiveDate::from_ymd_opt(2024, 10, 20).unwrap();
    use chrono::Datelike;
    assert_eq!(value.weekday(), chrono::Weekday::Tue);
    assert!(
        (anchor - value).num_days().abs() < 7,
        "{value} is near {anchor}"
    );

    // --published overrides a good page date too, as documented.
    std::fs::write(d.join("good.html"), page("2024-10-18")).unwrap();
    let args = [
        "analyze",
        "good.html",
        "--published",
        "2024-10-20",
        "--format",
        "json",
    ];
    assert_eq!(
        json(&ok(&run(&args, d, b"")))["document"]["published"],
        "2024-10-20"
    );

    // "Now" is CLAIMTRAIL_NOW (2024-10-20): tomorrow is possible, the day after is not.
    std::fs::write(d.join("tomorrow.html"), page("2024-10-21")).unwrap();
    std::fs::write(d.join("later.html"), page("2024-10-22")).unwrap();
    let o = run(
        &["analyze", "tomorrow.html", "later.html", "--format", "json"],
        d,
        b"",
    );
    let both = json(&ok(&o));
    assert_eq!(both[0]["document"]["published"], "2024-10-21");
    assert!(both[1]["document"]["published"].is_null());
    assert!(
        err(&o).contains("later.html") && !err(&o).contains("tomorrow.html"),
        "{}",
        err(&o)
    );
}

#[test]
fn a_jsonl_record_keeps_its_own_date_over_published() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let records = format!(
        "{}\n{}\n",
        serde_json::json!({"text": ONE, "published": "2024-09-01"}),
        serde_json::json!({"text": TWO})
    );
    std::fs::write(d.join("s.jsonl"), records).unwrap();
    let args = [
        "analyze",
        "s.jsonl",
        "--published",
        "2024-10-20",
        "--format",
        "json",
    ];
    let all = json(&ok(&run(&args, d, b"")));
    assert_eq!(all[0]["document"]["published"], "2024-09-01");
    assert_eq!(all[1]["document"]["published"], "2024-10-20");
}

#[test]
fn a_bad_now_is_a_usage_error() {
    let dir = tempfile::tempdir().unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(["analyze", "-"])
        .current_dir(dir.path())
        .env("CLAIMTRAIL_NOW", "next week")
        .stdin(Stdio::null())
        .output()
        .unwrap();
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("CLAIMTRAIL_NOW"), "{}", err(&o));
}

#[test]
fn serve_refuses_a_missing_ledger_unless_asked_to_create_it() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = run(
        &["serve", "--db", "typo.db", "--bind", "127.0.0.1:0"],
        d,
        b"",
    );
    assert_eq!(o.status.code(), Some(1));
    let e = err(&o);
    assert_eq!(e.lines().count(), 1, "one line: {e}");
    assert!(e.contains("typo.db") && e.contains("--create"), "{e}");
    assert!(!d.join("typo.db").exists(), "nothing was created");

    let mut child = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args([
            "serve",
            "--db",
            "new.db",
            "--create",
            "--bind",
            "127.0.0.1:0",
        ])
        .current_dir(d)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    let mut stderr = std::io::BufReader::new(child.stderr.take().unwrap());
    std::io::BufRead::read_line(&mut stderr, &mut line).unwrap();
    child.kill().unwrap();
    child.wait().unwrap();
    assert!(line.contains("serving"), "{line}");
    assert!(d.join("new.db").exists());
}

/// Ingests the seed article into `d/l.db`.
fn ingest_seed(d: &Path) {
    std::fs::copy(seed(), d.join("seed.txt")).unwrap();
    let args = [
        "ingest",
        "seed.txt",
        "--published",
        "2024-10-20",
        "--db",
        "l.db",
    ];
    ok(&run(&args, d, b""));
}

#[test]
fn export_writes_jsonl_csv_and_schema_org_claims() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ingest_seed(d);
    let export = |format: &str, extra: &[&str]| {
        let mut args = vec!["export", "--db", "l.db", "--format", format];
        args.extend_from_slice(extra);
        ok(&run(&args, d, b""))
    };
    let lines: Vec<serde_json::Value> = export("jsonl", &[]).lines().map(json).collect();
    assert!(lines.len() > 5, "{}", lines.len());
    assert!(lines
        .iter()
        .all(|c| c["id"].is_string() && c["document"]["id"].is_string()));
    let rows = csv_records(&export("csv", &[]));
    assert_eq!(rows.len(), lines.len() + 1, "a header and a row per claim");
    assert!(rows.iter().all(|r| r.len() == rows[0].len()));
    let ids: Vec<&str> = lines.iter().map(|c| c["id"].as_str().unwrap()).collect();
    let id_col = rows[0].iter().position(|h| h == "claim_id").unwrap();
    assert!(rows[1..].iter().zip(&ids).all(|(r, id)| r[id_col] == *id));

    let ld = json(&export("jsonld", &[]));
    assert_eq!(ld["@context"], "https://schema.org");
    let graph = ld["@graph"].as_array().unwrap();
    assert_eq!(graph.len(), lines.len());
    assert!(graph
        .iter()
        .all(|c| c["@type"] == "Claim" && c["text"].is_string()));
    assert!(graph
        .iter()
        .all(|c| c["appearance"]["@type"] == "CreativeWork"
            && c["appearance"]["datePublished"] == "2024-10-20"));
    let people = graph
        .iter()
        .filter(|c| c["author"]["@type"] == "Person")
        .count();
    assert!(people > 0, "some claims are by a person");
    assert!(
        graph.iter().any(|c| c["author"]["jobTitle"].is_string()),
        "with a role"
    );
    assert!(
        graph.iter().any(|c| c["about"]["name"].is_string()),
        "with a gist"
    );

    // The filters are those of `claims`.
    let by = |speaker: &str| export("jsonl", &["--speaker", speaker]).lines().count();
    let some = by("Zelenskyy");
    assert!(some > 0 && some < lines.len(), "{some} of {}", lines.len());
    assert_eq!(
        export("jsonl", &["--since", "2024-10-21"]).lines().count(),
        0
    );
    assert_eq!(
        export("jsonl", &["--until", "2024-10-21"]).lines().count(),
        lines.len()
    );
}

#[test]
fn claims_and_analyze_write_csv_and_entities_write_json() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    ingest_seed(d);
    let claims = json(&ok(&run(
        &["claims", "--db", "l.db", "--format", "json"],
        d,
        b"",
    )));
    let rows = csv_records(&ok(&run(
        &["claims", "--db", "l.db", "--format", "csv"],
        d,
        b"",
    )));
    assert_eq!(rows.len(), claims.as_array().unwrap().len() + 1);
    let speaker = rows[0].iter().position(|h| h == "speaker").unwrap();
    assert_eq!(
        rows[1][speaker],
        claims[0]["speaker_name"].as_str().unwrap_or("")
    );

    let analysed = json(&ok(&run(
        &[
            "analyze",
            "seed.txt",
            "--published",
            "2024-10-20",
            "--format",
            "json",
        ],
        d,
        b"",
    )));
    let rows = csv_records(&ok(&run(
        &[
            "analyze",
            "seed.txt",
            "--published",
            "2024-10-20",
            "--format",
            "csv",
        ],
        d,
        b"",
    )));
    assert_eq!(rows.len(), analysed["claims"].as_array().unwrap().len() + 1);

    let args = [
        "entities", "list", "Budanov", "--db", "l.db", "--format", "json",
    ];
    let entities = json(&ok(&run(&args, d, b"")));
    let entities = entities.as_array().expect("an array");
    assert!(!entities.is_empty());
    assert!(entities
        .iter()
        .all(|e| e["name"].as_str().unwrap().contains("Budanov")));
}

#[test]
fn completions_man_page_and_quiet_and_verbose() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let bash = ok(&run(&["completions", "bash"], d, b""));
    assert!(
        bash.contains("complete") && bash.contains("export"),
        "{bash}"
    );
    let man = ok(&run(&["man"], d, b""));
    assert!(man.contains(".TH") && man.contains("analyze"));

    std::fs::write(d.join("zero.html"), page("0001-01-01")).unwrap();
    let quiet = run(&["analyze", "zero.html", "--quiet"], d, b"");
    ok(&quiet);
    assert!(err(&quiet).is_empty(), "{}", err(&quiet));
    let verbose = run(&["--verbose", "analyze", "zero.html"], d, b"");
    ok(&verbose);
    assert!(
        err(&verbose).contains("warning:") && err(&verbose).contains("note: zero.html"),
        "{}",
        err(&verbose)
    );
}

#[test]
fn json_feed_is_read_when_the_format_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let feed = serde_json::json!({
        "version": "https://jsonfeed.org/version/1.1",
        "title": "Harbour Wire",
        "items": [
            {"id": "1", "url": "https://wire.example/bridge", "title": "Bridge to reopen",
             "content_text": "The mayor said on Monday that the bridge would reopen in May.",
             "date_published": "2024-10-14T09:00:00Z"},
            {"id": "2", "title": "Ferry delayed",
             "content_text": "The operator said the ferry would sail a day late."}
        ]
    });
    std::fs::write(d.join("feed.json"), feed.to_string()).unwrap();
    let o = run(&["analyze", "feed.json", "--format", "json"], d, b"");
    assert_eq!(
        o.status.code(),
        Some(1),
        "a .json file is not taken as a feed unasked"
    );
    let args = [
        "analyze",
        "feed.json",
        "--input-format",
        "feed",
        "--published",
        "2024-10-20",
        "--format",
        "json",
    ];
    let items = json(&ok(&run(&args, d, b"")));
    let items = items.as_array().expect("two items");
    assert_eq!(items.len(), 2);
    assert_eq!(items[0]["document"]["outlet"], "Harbour Wire");
    assert_eq!(items[0]["document"]["url"], "https://wire.example/bridge");
    assert_eq!(
        items[0]["document"]["published"], "2024-10-14",
        "an item keeps its own date"
    );
    assert_eq!(
        items[1]["document"]["published"], "2024-10-20",
        "--published fills in"
    );
    let piped = json(&ok(&run(
        &["analyze", "-", "--input-format", "feed", "--format", "json"],
        d,
        feed.to_string().as_bytes(),
    )));
    assert_eq!(piped.as_array().map(Vec::len), Some(2));
}
