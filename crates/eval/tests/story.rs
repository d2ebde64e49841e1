//! The story scorer on the synthetic story in `tests/data/story-synthetic`
//! (written for this test) and, when the shared corpus is there, on the real
//! development stories.

use claimtrail_eval::story::{self, Story};
use claimtrail_eval::Report;
use std::path::{Path, PathBuf};

fn synthetic() -> Story {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/data/story-synthetic");
    story::load(&dir).expect("synthetic story loads")
}

fn value(report: &Report, row: &str, name: &str) -> f64 {
    let row = report
        .rows
        .iter()
        .find(|r| r.label == row)
        .unwrap_or_else(|| panic!("no row {row} in\n{report}"));
    row.values
        .iter()
        .find(|(k, _)| k == name)
        .unwrap_or_else(|| panic!("no {name} in row {}", row.label))
        .1
}

#[test]
fn synthetic_story_is_scored() {
    let s = synthetic();
    let order: Vec<usize> = (0..s.articles.len()).collect();
    let store = story::ledger(&s, &order).unwrap();
    let view = story::view(&s, &store).unwrap();
    let report = story::score(&s, &view);
    let facts = s.facts.claims.len() as f64;
    // every figure is a count of the fact sheet's claims
    assert_eq!(
        value(&report, "claims paired", "tp") + value(&report, "claims paired", "fn"),
        facts
    );
    assert!(
        value(&report, "claims paired", "tp") >= facts / 2.0,
        "{report}"
    );
    assert!(value(&report, "R speaker", "ok") >= value(&report, "R speaker+stance", "ok"));
    assert!(value(&report, "R speaker or body", "ok") >= value(&report, "R speaker", "ok"));
    assert!(value(&report, "R speaker", "ok") > 0.0, "{report}");
    // the two identical articles are one copy group, and nothing else is
    assert_eq!(value(&report, "copy groups", "found"), 1.0, "{report}");
    assert_eq!(value(&report, "copy groups", "wrong"), 0.0, "{report}");
    let f1 = value(&report, "propositions B3", "F1");
    assert!(f1 > 0.0 && f1 <= 100.0, "{report}");
    assert_eq!(value(&report, "disputes", "gold"), 1.0);
    assert_eq!(value(&report, "series", "gold"), 1.0);
    assert!(
        !report.notes.iter().any(|n| n.contains("evidence is not")),
        "{report}"
    );
}

#[test]
fn a_missing_or_broken_folder_is_named() {
    let err = story::load(Path::new("/nonexistent/story")).unwrap_err();
    assert!(format!("{err:#}").contains("/nonexistent/story"), "{err:#}");
    let dir = tempfile_dir();
    std::fs::write(dir.join("facts.json"), "{\"claims\": 3}").unwrap();
    std::fs::write(
        dir.join("articles.jsonl"),
        "{\"id\": \"a\", \"text\": \"x\"}\n",
    )
    .unwrap();
    let err = story::load(&dir).unwrap_err();
    assert!(format!("{err:#}").contains("facts.json"), "{err:#}");
    std::fs::remove_dir_all(&dir).unwrap();
}

fn tempfile_dir() -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimtrail-story-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn real_stories_when_present() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/corpus/stories");
    let Ok(entries) = std::fs::read_dir(&root) else {
        eprintln!("skip: no {} (the shared corpus)", root.display());
        return;
    };
    let mut dirs: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.join("facts.json").is_file())
        .collect();
    dirs.sort();
    for dir in dirs {
        let report = claimtrail_eval::story::evaluate(Some(&dir)).unwrap();
        assert!(value(&report, "claims paired", "tp") > 0.0, "{report}");
        eprintln!("{report}");
    }
}
