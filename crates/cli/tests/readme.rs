//! The README's Use section works as written: every `claimtrail` line in it
//! runs from a fresh ledger (beside the repository's samples/ and data/),
//! exits 0 and prints something; the `claims --since` line finds claims.

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// The command lines of the first `sh` block after `## Use`, comments cut.
fn use_lines() -> Vec<String> {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let section = &readme[readme.find("## Use").expect("a Use section")..];
    let block = section.split("```sh\n").nth(1).expect("a sh block");
    let block = &block[..block.find("```").unwrap()];
    block
        .lines()
        .map(|l| l.split("  #").next().unwrap().trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// Words of a command line: double quotes group, `> FILE` redirects.
fn words(line: &str) -> (Vec<String>, Option<String>) {
    let (mut out, mut word, mut quoted, mut any) = (Vec::new(), String::new(), false, false);
    for c in line.chars() {
        match c {
            '"' => (quoted, any) = (!quoted, true),
            ' ' if !quoted => {
                if any {
                    out.push(std::mem::take(&mut word));
                }
                any = false;
            }
            c => (word, any) = (word + &c.to_string(), true),
        }
    }
    if any {
        out.push(word);
    }
    match out.iter().position(|w| w == ">") {
        Some(i) => {
            let file = out.get(i + 1).cloned();
            out.truncate(i);
            (out, file)
        }
        None => (out, None),
    }
}

#[cfg(unix)]
#[test]
fn the_use_section_runs_as_written() {
    let dir = tempfile::tempdir().unwrap();
    let d: &Path = dir.path();
    for name in ["samples", "data"] {
        std::os::unix::fs::symlink(repo().join(name), d.join(name)).unwrap();
    }
    let lines = use_lines();
    assert!(lines.len() > 10, "{lines:?}");
    assert_eq!(lines[0], "cargo install --path crates/cli");
    let mut found_since = false;
    for line in &lines[1..] {
        let (args, redirect) = words(line);
        assert_eq!(args[0], "claimtrail", "{line}");
        if args[1] == "serve" {
            continue; // runs until stopped; its start is tested in formats.rs
        }
        let o = Command::new(env!("CARGO_BIN_EXE_claimtrail"))
            .args(&args[1..])
            .current_dir(d)
            .env_remove("CLAIMTRAIL_DB")
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        let err = String::from_utf8_lossy(&o.stderr);
        assert_eq!(o.status.code(), Some(0), "{line}: {err}");
        let out = String::from_utf8_lossy(&o.stdout);
        // ingest reports on stderr; brat writes its files.
        let quiet = args[1] == "ingest" || args.iter().any(|a| a == "brat");
        assert!(!out.trim().is_empty() || quiet, "{line}: no output");
        assert!(!out.contains("no claims match"), "{line}: {out}");
        if let Some(file) = redirect {
            std::fs::write(d.join(file), o.stdout.as_slice()).unwrap();
        }
        if args.iter().any(|a| a == "--since") {
            let claims: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert!(
                !claims.as_array().unwrap().is_empty(),
                "{line} finds claims"
            );
            found_since = true;
        }
    }
    assert!(found_since, "the Use section queries by date");
    assert!(d.join("annotations/gum-news-crane.ann").is_file());
}
