//! The first real article: the engine must find every fact of
//! `data/seed/expected.json` (see data/seed/EXPECTED.md for why each one holds).
//! Matching is on meaning: ids, values, stances and dates, not exact span wording.

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_text::{Document, Metadata};
use serde_json::Value;
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/seed")
}

fn expected() -> Value {
    let text = std::fs::read_to_string(seed_dir().join("expected.json")).unwrap();
    serde_json::from_str(&text).unwrap()
}

fn analyze(published: Option<&str>) -> ArticleJson {
    let exp = expected();
    let file = exp["document"]["file"].as_str().unwrap();
    let text = std::fs::read_to_string(seed_dir().join(file)).unwrap();
    let meta = Metadata {
        published: published.map(|p| chrono::NaiveDate::parse_from_str(p, "%Y-%m-%d").unwrap()),
        ..Default::default()
    };
    ArticleJson::from_analysis(&Pipeline::new().analyze(Document::new(text, meta)))
}

fn published() -> String {
    expected()["document"]["published"]
        .as_str()
        .unwrap()
        .to_string()
}

fn strs(v: &Value) -> Vec<&str> {
    v.as_array()
        .map(|a| a.iter().filter_map(Value::as_str).collect())
        .unwrap_or_default()
}

#[test]
fn document_source_line() {
    let out = analyze(Some(&published()));
    assert_eq!(
        out.document.source_line.as_deref(),
        expected()["document"]["source_line"].as_str()
    );
}

#[test]
fn entities_roles_and_mentions() {
    let out = analyze(Some(&published()));
    let mut missing = Vec::new();
    for e in expected()["entities"].as_array().unwrap() {
        let canonical = e["canonical"].as_str().unwrap();
        let Some(found) = out.entities.iter().find(|f| f.canonical == canonical) else {
            missing.push(format!("entity {canonical}"));
            continue;
        };
        if found.etype != e["type"].as_str().unwrap() {
            missing.push(format!(
                "{canonical}: type {} != {}",
                found.etype, e["type"]
            ));
        }
        for m in strs(&e["mentions"]) {
            // "President Volodymyr Zelenskyy": the title may be kept as the role,
            // outside the name mention.
            let titled = |fm: &str| {
                m.ends_with(fm)
                    && found
                        .role
                        .as_deref()
                        .is_some_and(|r| m[..m.len() - fm.len()].trim() == r)
            };
            if !found
                .mentions
                .iter()
                .any(|fm| fm.text == m || titled(&fm.text))
            {
                missing.push(format!("{canonical}: mention {m:?}"));
            }
        }
        if let Some(role) = e["role"].as_str() {
            // The text gives "President Volodymyr Zelenskyy" and never "of Ukraine":
            // a role that the expected one starts with is accepted.
            let ok = found
                .role
                .as_deref()
                .is_some_and(|r| r == role || role.starts_with(r));
            if !ok {
                missing.push(format!("{canonical}: role {:?} != {role:?}", found.role));
            }
        }
        if let Some(country) = e["country"].as_str() {
            if found.country.as_deref() != Some(country) {
                missing.push(format!(
                    "{canonical}: country {:?} != {country:?}",
                    found.country
                ));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "missing or wrong: {missing:#?}\nentities: {:#?}",
        out.entities
    );
}

fn check_timexes(out: &ArticleJson, expected: &Value) -> Vec<String> {
    let mut missing = Vec::new();
    for t in expected.as_array().unwrap() {
        let text = t["text"].as_str().unwrap();
        let mut values: Vec<&str> = strs(&t["value_any_of"]);
        values.extend(t["value"].as_str());
        let ok = out.timexes.iter().any(|f| {
            f.text.contains(text)
                && (values.contains(&f.value.as_str())
                    || f.interval
                        .as_ref()
                        .is_some_and(|[b, e]| values.contains(&format!("{b}/{e}").as_str())))
        });
        if !ok {
            missing.push(format!("{text} -> {values:?}"));
        }
    }
    missing
}

#[test]
fn time_expressions_with_publication_date() {
    let out = analyze(Some(&published()));
    let missing = check_timexes(&out, &expected()["timexes"]);
    assert!(
        missing.is_empty(),
        "missing: {missing:#?}\nfound: {:#?}",
        out.timexes
    );
}

#[test]
fn time_expressions_without_publication_date() {
    let out = analyze(None);
    let missing = check_timexes(&out, &expected()["timexes_without_published"]);
    assert!(
        missing.is_empty(),
        "missing: {missing:#?}\nfound: {:#?}",
        out.timexes
    );
}

#[test]
fn quantities_with_qualifier_and_counted_thing() {
    let out = analyze(Some(&published()));
    let mut missing = Vec::new();
    for q in expected()["quantities"].as_array().unwrap() {
        let value = q["value"].as_f64().unwrap();
        let qualifier = q["qualifier"].as_str().unwrap();
        let counted = q["counted_contains"].as_str().unwrap();
        let ok = out.quantities.iter().any(|f| {
            f.value == value
                && f.qualifier == qualifier
                && f.counted.as_deref().is_some_and(|c| c.contains(counted))
        });
        if !ok {
            missing.push(format!("{value} {qualifier} {counted}"));
        }
    }
    assert!(
        missing.is_empty(),
        "missing: {missing:#?}\nfound: {:#?}",
        out.quantities
    );
}

#[test]
fn quotes_with_speakers() {
    let out = analyze(Some(&published()));
    let mut missing = Vec::new();
    for q in expected()["quotes"].as_array().unwrap() {
        let speaker = q["speaker"].as_str().unwrap();
        let starts = q["starts_with"].as_str().unwrap();
        let ends = q["ends_with"].as_str();
        let ok = out.quotes.iter().any(|f| {
            let inner = f.text.trim_matches(|c: char| {
                claimtrail_text::lex::is_quote_char(c) || c.is_whitespace()
            });
            f.speaker_name.as_deref() == Some(speaker)
                && inner.starts_with(starts)
                && ends.is_none_or(|e| inner.ends_with(e))
        });
        if !ok {
            missing.push(format!("{speaker}: {starts}"));
        }
    }
    assert!(
        missing.is_empty(),
        "missing: {missing:#?}\nfound: {:#?}",
        out.quotes
    );
}

#[test]
fn claims_with_speaker_stance_date_and_content() {
    let out = analyze(Some(&published()));
    let mut missing = Vec::new();
    for c in expected()["claims"].as_array().unwrap() {
        let speaker = c["speaker"].as_str().unwrap();
        let stance = c["stance"].as_str().unwrap();
        let ok = out.claims.iter().any(|f| {
            f.speaker_name.as_deref() == Some(speaker)
                && f.stance == stance
                && c["stated"]
                    .as_str()
                    .is_none_or(|d| f.stated.as_deref() == Some(d))
                && c["quantity"]
                    .as_f64()
                    .is_none_or(|v| f.quantities.iter().any(|q| q.value == v))
                && strs(&c["mentions_all"]).iter().all(|m| f.text.contains(m))
        });
        if !ok {
            missing.push(format!("claim {}: {speaker} {stance} {}", c["id"], c));
        }
    }
    let found: Vec<String> = out
        .claims
        .iter()
        .map(|f| {
            format!(
                "{:?} {} {:?}: {}",
                f.speaker_name, f.stance, f.stated, f.text
            )
        })
        .collect();
    assert!(
        missing.is_empty(),
        "missing: {missing:#?}\nfound: {found:#?}"
    );
}

#[test]
fn offsets_slice_the_text_by_characters() {
    let out = analyze(Some(&published()));
    let file = expected()["document"]["file"].as_str().unwrap().to_string();
    let text: Vec<char> = std::fs::read_to_string(seed_dir().join(file))
        .unwrap()
        .chars()
        .collect();
    let slice = |s: usize, e: usize| text[s..e].iter().collect::<String>();
    for t in &out.timexes {
        assert_eq!(slice(t.start, t.end), t.text);
    }
    for q in &out.quantities {
        assert_eq!(slice(q.start, q.end), q.text);
    }
    for q in &out.quotes {
        assert_eq!(slice(q.start, q.end), q.text);
    }
    for e in &out.entities {
        for m in &e.mentions {
            assert_eq!(slice(m.start, m.end), m.text);
        }
    }
    for c in &out.claims {
        assert_eq!(slice(c.sentence_start, c.sentence_end), c.sentence);
    }
}
