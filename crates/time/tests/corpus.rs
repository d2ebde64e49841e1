//! The example files of the time grammar (`tests/corpus/*.tsv`, Duckling
//! style): every example gives its stated timex, found by its stated rule;
//! every rule of a grammar module has an example; the negatives give none.

use chrono::NaiveDate;
use claimtrail_text::{Document, Metadata};
use claimtrail_time::{TimeTagger, Timex};
use std::collections::BTreeSet;
use std::path::Path;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/corpus");
const GRAMMAR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/grammar");
const RULE_PREFIX: &str = "claimtrail_time::grammar::";

/// The example files and the grammar module each one covers.
const FILES: [(&str, &str); 5] = [
    ("dates.tsv", "dates.rs"),
    ("relative.tsv", "relative.rs"),
    ("durations.tsv", "durations.rs"),
    ("clock.tsv", "clock.rs"),
    ("modifiers.tsv", "mod.rs"),
];

fn tag(text: &str) -> (Document, Vec<Timex>) {
    let doc = Document::new(
        text,
        Metadata {
            published: NaiveDate::from_ymd_opt(2024, 10, 20),
            ..Metadata::default()
        },
    );
    let timexes = TimeTagger::new().tag(&doc);
    (doc, timexes)
}

/// The rows of an example file: (line number, fields), comments and blank lines left out.
fn rows(file: &str) -> Vec<(usize, Vec<String>)> {
    let path = Path::new(DIR).join(file);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(n, l)| (n + 1, l.split('\t').map(str::to_string).collect()))
        .collect()
}

/// The rules a grammar module names: `rule!(name(` and `module_path!(), "::name"`.
fn rules_of(module: &str) -> BTreeSet<String> {
    let src = std::fs::read_to_string(Path::new(GRAMMAR).join(module)).unwrap();
    let stem = module.trim_end_matches(".rs");
    let prefix = if stem == "mod" {
        String::new()
    } else {
        format!("{stem}::")
    };
    let mut out = BTreeSet::new();
    for (open, close) in [("rule!(", '('), ("module_path!(), \"::", '"')] {
        for (at, _) in src.match_indices(open) {
            let rest = &src[at + open.len()..];
            let name: String = rest.chars().take_while(|&c| c != close).collect();
            if !name.is_empty() && name.chars().all(|c| c.is_ascii_lowercase() || c == '_') {
                out.insert(format!("{prefix}{name}"));
            }
        }
    }
    out
}

#[test]
fn every_example_gives_its_value_by_its_rule() {
    let mut errors = Vec::new();
    for (file, _) in FILES {
        for (line, f) in rows(file) {
            let [sentence, extent, ttype, value, modifier, rule] = f.as_slice() else {
                panic!(
                    "{file}:{line}: 6 tab-separated fields expected, got {}",
                    f.len()
                );
            };
            let (doc, timexes) = tag(sentence);
            let Some(t) = timexes.iter().find(|t| doc.slice(t.span) == extent) else {
                let found: Vec<&str> = timexes.iter().map(|t| doc.slice(t.span)).collect();
                errors.push(format!(
                    "{file}:{line}: no timex \"{extent}\" (found {found:?})"
                ));
                continue;
            };
            let got = (
                t.ttype.as_str(),
                t.value.as_str(),
                t.modifier.map_or("-", |m| m.as_str()),
                t.rule.strip_prefix(RULE_PREFIX).unwrap_or(t.rule),
            );
            if got
                != (
                    ttype.as_str(),
                    value.as_str(),
                    modifier.as_str(),
                    rule.as_str(),
                )
            {
                errors.push(format!("{file}:{line}: \"{extent}\" gives {got:?}"));
            }
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

#[test]
fn every_rule_of_the_grammar_has_an_example() {
    let mut missing = Vec::new();
    for (file, module) in FILES {
        let named: BTreeSet<String> = rows(file)
            .into_iter()
            .filter_map(|(_, f)| f.get(5).cloned())
            .collect();
        let rules = rules_of(module);
        assert!(!rules.is_empty(), "{module}: no rule names found");
        missing.extend(
            rules
                .difference(&named)
                .map(|r| format!("{file}: no example of {r}")),
        );
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

#[test]
fn negatives_give_no_timex() {
    let mut errors = Vec::new();
    for (line, f) in rows("negatives.tsv") {
        let (doc, timexes) = tag(&f[0]);
        if !timexes.is_empty() {
            let found: Vec<&str> = timexes.iter().map(|t| doc.slice(t.span)).collect();
            errors.push(format!("negatives.tsv:{line}: {found:?}"));
        }
    }
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}
