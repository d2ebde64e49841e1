//! `ingest --analyzed`: analysis made by `analyze --format jsonl
//! --include-text` (here, or on a Spark cluster) loads into the same ledger
//! as a direct ingest, and a bad line is named and skipped.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

mod common;
use common::dump;

fn bin() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_claimtrail"));
    c.env("CLAIMTRAIL_NOW", "2026-12-06");
    c
}

fn run(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = bin()
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    input.write_all(stdin).unwrap();
    drop(input);
    child.wait_with_output().unwrap()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// The repository's multi-source stories (several outlets, syndicated
/// copies, revised figures, denials: the cross-document work at full
/// stretch) and a text file with typographic quotes and accents.
fn corpus() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut files: Vec<PathBuf> = ["drone-attack", "gm-bankruptcy", "north-korea-troops"]
        .iter()
        .map(|s| root.join("data/multisource").join(s).join("articles.jsonl"))
        .collect();
    files.push(root.join("samples/zelenskyy-north-korea-address.txt"));
    files
}

fn strs(paths: &[PathBuf]) -> Vec<&str> {
    paths.iter().map(|p| p.to_str().unwrap()).collect()
}

#[test]
fn analyzed_lines_give_the_same_ledger_as_a_direct_ingest() {
    let dir = tempfile::tempdir().unwrap();
    let files = corpus();
    let direct = dir.path().join("direct.db");
    let mut args = vec!["ingest", "--jobs", "1", "--published", "2024-10-20"];
    args.extend(strs(&files));
    args.extend(["--db", direct.to_str().unwrap()]);
    let o = run(&args, b"");
    assert!(o.status.success(), "{}", err(&o));

    let mut args = vec!["analyze", "--format", "jsonl", "--include-text"];
    args.extend(["--published", "2024-10-20"]);
    args.extend(strs(&files));
    let analysis = run(&args, b"");
    assert!(analysis.status.success(), "{}", err(&analysis));
    // Half of it from a file, the rest from standard input.
    let text = String::from_utf8(analysis.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    let half = dir.path().join("first-half.jsonl");
    std::fs::write(&half, lines[..lines.len() / 2].join("\n")).unwrap();
    let loaded = dir.path().join("analysed.db");
    let db = loaded.to_str().unwrap();
    let o = run(
        &["ingest", "--analyzed", half.to_str().unwrap(), "--db", db],
        b"",
    );
    assert!(o.status.success(), "{}", err(&o));
    let rest = lines[lines.len() / 2..].join("\n");
    let o = run(&["ingest", "--analyzed", "-", "--db", db], rest.as_bytes());
    assert!(o.status.success(), "{}", err(&o));
    assert!(err(&o).contains(" 0 failed"), "{}", err(&o));

    let (a, b) = (dump(&direct), dump(&loaded));
    let documents = a.iter().filter(|r| r.starts_with("documents ")).count();
    assert!(documents > 10, "{documents} documents");
    assert!(a.len() > 300, "{} rows", a.len());
    assert_eq!(a, b);
}

/// One good analysed line of the sample article.
fn good_line() -> String {
    let text = "Harbour master Ines Oduya said on Monday that 14 ships were waiting \
                outside Port Calden. \"The queue will clear by Friday,\" she said.";
    let line = serde_json::json!({"text": text, "published": "2024-03-04"}).to_string();
    let o = run(
        &[
            "analyze",
            "-",
            "--input-format",
            "jsonl",
            "--format",
            "jsonl",
            "--include-text",
        ],
        line.as_bytes(),
    );
    assert!(o.status.success(), "{}", err(&o));
    String::from_utf8(o.stdout).unwrap().trim().to_string()
}

#[test]
fn a_bad_line_is_named_and_skipped_and_nothing_stored_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("ledger.db");
    let db = db.to_str().unwrap();
    let story = corpus()[0].clone();
    let o = run(&["ingest", story.to_str().unwrap(), "--db", db], b"");
    assert!(o.status.success(), "{}", err(&o));
    let before = dump(Path::new(db));

    let good = good_line();
    let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
    let mut newer = value.clone();
    newer["schema_version"] = 2.into();
    value["quantities"][0]["end"] = 100_000.into();
    let lines = [
        "{\"schema_version\": 1, \"document\": ".to_string(),
        String::new(),
        newer.to_string(),
        value.to_string(),
        good.clone(),
    ];
    // A folder as a Spark job writes it.
    let out = dir.path().join("analysis");
    std::fs::create_dir(&out).unwrap();
    let file = out.join("part-00000");
    std::fs::write(&file, lines.join("\n")).unwrap();
    std::fs::write(out.join("_SUCCESS"), "").unwrap();
    std::fs::write(out.join(".part-00000.crc"), "\0\0").unwrap();
    let o = run(
        &["ingest", "--analyzed", out.to_str().unwrap(), "--db", db],
        b"",
    );
    let e = err(&o);
    assert!(!o.status.success(), "{e}");
    let name = file.display();
    assert!(e.contains(&format!("{name}:1: not valid JSON")), "{e}");
    assert!(
        e.contains(&format!("{name}:3: schema_version 2 is not supported")),
        "{e}"
    );
    assert!(e.contains(&format!("{name}:4: quantity: offsets")), "{e}");
    assert!(
        e.contains("added 1 document(s)") && e.contains("3 failed"),
        "{e}"
    );
    assert!(!e.contains("panicked"), "{e}");
    let after = dump(Path::new(db));
    assert!(before.iter().all(|row| after.contains(row)));
    assert!(after.len() > before.len());
}
