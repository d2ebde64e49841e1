//! The binary end to end: bad input gets a one-line error naming the file and
//! the reason, the rest still goes through, and nothing stored is lost.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn claimtrail(args: &[&str], dir: &Path) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
        .args(args)
        .current_dir(dir)
        .env_remove("CLAIMTRAIL_DB")
        .env("NO_COLOR", "1")
        .output()
        .expect("run claimtrail")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn seed() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/seed/zelenskyy-north-korea-address.txt")
}

/// Copies the seed article into `d` and ingests it into `d/l.db`.
fn ingest_seed(d: &Path) -> Output {
    std::fs::copy(seed(), d.join("seed.txt")).unwrap();
    claimtrail(
        &[
            "ingest",
            "seed.txt",
            "--published",
            "2024-10-20",
            "--db",
            "l.db",
        ],
        d,
    )
}

const GOOD: &str = "The ministry said on Monday that 1,500 troops had arrived.\n";

#[test]
fn missing_path_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let o = claimtrail(&["analyze", "nope.txt"], dir.path());
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("nope.txt: no such file or folder"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn each_bad_file_is_reported_and_the_good_one_still_analysed() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(d.join("good.txt"), GOOD).unwrap();
    std::fs::write(d.join("empty.txt"), "").unwrap();
    std::fs::write(
        d.join("binary.txt"),
        b"\x7fELF\x00\x00\x01\x02\x00\x00garbage\x00",
    )
    .unwrap();
    std::fs::write(d.join("latin1.txt"), b"caf\xe9 au lait said the minister").unwrap();
    std::fs::write(d.join("big.txt"), "word ".repeat(400)).unwrap();
    std::fs::write(
        d.join("blank.html"),
        "<html><head><script>var x=1;</script></head><body>  </body></html>",
    )
    .unwrap();
    let o = claimtrail(
        &["analyze", ".", "--max-bytes", "1000", "--format", "jsonl"],
        d,
    );
    let err = stderr(&o);
    assert_eq!(o.status.code(), Some(1), "failure is in the exit code");
    for (file, reason) in [
        ("empty.txt", "empty"),
        ("binary.txt", "binary"),
        ("latin1.txt", "UTF-8"),
        ("big.txt", "limit"),
        ("blank.html", "no article text"),
    ] {
        let line = err
            .lines()
            .find(|l| l.contains(file))
            .unwrap_or_else(|| panic!("no error for {file}: {err}"));
        assert!(line.contains(reason), "{file}: {line}");
    }
    assert!(!err.contains("panicked"), "{err}");
    let out = stdout(&o);
    assert_eq!(out.lines().count(), 1, "only good.txt is analysed: {out}");
    let article: serde_json::Value = serde_json::from_str(out.lines().next().unwrap()).unwrap();
    assert!(article["document"]["path"]
        .as_str()
        .unwrap()
        .ends_with("good.txt"));
}

#[test]
fn malformed_jsonl_line_is_reported_with_its_number_and_others_kept() {
    let dir = tempfile::tempdir().unwrap();
    let lines = [
        r#"{"text": "First article said nothing.", "title": "One"}"#,
        r#"{"text": "#,
        r#"{"title": "no text field"}"#,
        r#"{"text": "Third article.", "published": "2024-10-20"}"#,
    ];
    std::fs::write(dir.path().join("feed.jsonl"), lines.join("\n")).unwrap();
    let o = claimtrail(&["analyze", "feed.jsonl", "--format", "jsonl"], dir.path());
    let err = stderr(&o);
    assert!(err.contains("feed.jsonl:2"), "{err}");
    assert!(err.contains("feed.jsonl:3"), "{err}");
    assert_eq!(stdout(&o).lines().count(), 2);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn ingest_is_idempotent_and_a_bad_file_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = ingest_seed(d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(stderr(&o).contains("added 1 document"), "{}", stderr(&o));

    // Again, with a bad file beside it: the seed is already present, the bad file fails.
    std::fs::write(d.join("bad.txt"), b"The minister said \xc3\x28 nothing.").unwrap();
    let o = claimtrail(
        &[
            "ingest",
            "seed.txt",
            "bad.txt",
            "--published",
            "2024-10-20",
            "--db",
            "l.db",
        ],
        d,
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("added 0 document")
            && err.contains("1 already present")
            && err.contains("1 failed"),
        "{err}"
    );
    assert!(err.contains("bad.txt"), "{err}");
    assert!(
        err.contains("1 documents"),
        "the ledger still holds the seed: {err}"
    );
}

#[test]
fn unwritable_database_is_a_clear_error() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), GOOD).unwrap();
    let o = claimtrail(
        &["ingest", "a.txt", "--db", "missing/folder/l.db"],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(
        err.contains("missing/folder/l.db") && err.contains("folder does not exist"),
        "{err}"
    );
    assert_eq!(err.lines().count(), 1, "one line: {err}");
}

#[test]
fn queries_need_an_existing_ledger_and_filter_claims() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = claimtrail(&["claims", "--db", "none.db"], d);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("no such ledger"), "{}", stderr(&o));
    assert!(
        !d.join("none.db").exists(),
        "a query never creates a database"
    );

    let o = ingest_seed(d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let o = claimtrail(&["claims", "--db", "l.db", "--format", "json"], d);
    let all: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let o = claimtrail(
        &[
            "claims", "--db", "l.db", "--stance", "confirm", "--format", "json",
        ],
        d,
    );
    let confirm: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let all = all.as_array().unwrap();
    let confirm = confirm.as_array().unwrap();
    assert!(
        !confirm.is_empty() && confirm.len() < all.len(),
        "{} of {}",
        confirm.len(),
        all.len()
    );
    assert!(confirm.iter().all(|c| c["stance"] == "confirm"));
}

#[test]
fn published_date_anchors_relative_dates() {
    let dir = tempfile::tempdir().unwrap();
    let o = claimtrail(
        &[
            "analyze",
            seed().to_str().unwrap(),
            "--published",
            "2024-10-20",
            "--format",
            "json",
        ],
        dir.path(),
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let a: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(a["document"]["published"], "2024-10-20");
    let o = claimtrail(&["analyze", "x", "--published", "20/10/2024"], dir.path());
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("YYYY-MM-DD"));
}

#[test]
fn explain_names_the_rule_of_every_date_and_figure() {
    let dir = tempfile::tempdir().unwrap();
    let seed = seed();
    let seed = seed.to_str().unwrap();
    let run = |explain: bool| {
        let mut args = vec![
            "analyze",
            seed,
            "--published",
            "2024-10-20",
            "--format",
            "json",
        ];
        if explain {
            args.push("--explain");
        }
        let o = claimtrail(&args, dir.path());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_str::<serde_json::Value>(&stdout(&o)).unwrap()
    };
    let (plain, explained) = (run(false), run(true));
    for list in ["timexes", "quantities"] {
        let items = explained[list].as_array().unwrap();
        assert!(!items.is_empty(), "the seed has {list}");
        for (p, e) in plain[list].as_array().unwrap().iter().zip(items) {
            // without --explain no `why`; with it, the same item plus its rules
            assert!(p.get("why").is_none(), "{p}");
            let why: Vec<&str> = e["why"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(|w| w.as_str())
                .collect();
            let stage = if list == "timexes" {
                "time::"
            } else {
                "quantity::"
            };
            assert!(
                !why.is_empty() && why.iter().all(|w| w.starts_with(stage)),
                "{e}"
            );
            let mut e = e.clone();
            e.as_object_mut().unwrap().remove("why");
            assert_eq!(p, &e);
        }
    }
    // the text report shows the rules under each line
    let o = claimtrail(&["analyze", seed, "--explain"], dir.path());
    assert!(
        stdout(&o).contains("why: time::grammar::"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn the_database_flag_goes_before_or_after_an_entity_action() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let o = ingest_seed(d);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let before = claimtrail(&["entities", "--db", "l.db", "list", "Budanov"], d);
    let after = claimtrail(&["entities", "list", "Budanov", "--db", "l.db"], d);
    assert_eq!(before.status.code(), Some(0), "{}", stderr(&before));
    assert_eq!(after.status.code(), Some(0), "{}", stderr(&after));
    assert!(stdout(&after).contains("Budanov"), "{}", stdout(&after));
    assert_eq!(stdout(&before), stdout(&after));
    assert!(
        !d.join("claimtrail.db").exists(),
        "no default database was made"
    );
}
