//! The seed article's four figures (data/seed/expected.json), with qualifier,
//! counted thing and, when the time expression is given, the time scope.

use claimtrail_quantity::{Qualifier, Quantity, QuantityTagger};
use claimtrail_text::{Document, Metadata, Span};
use claimtrail_time::{Timex, TimexType};
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/seed")
}

fn seed_doc() -> Document {
    let text =
        std::fs::read_to_string(seed_dir().join("zelenskyy-north-korea-address.txt")).unwrap();
    Document::new(text, Metadata::default())
}

fn qualifier(name: &str) -> Qualifier {
    serde_json::from_value(serde_json::Value::String(name.to_string())).unwrap()
}

fn timex(doc: &Document, text: &str, ttype: TimexType, value: &str) -> Timex {
    let start = doc.text().find(text).unwrap();
    Timex {
        span: Span::new(start, start + text.len()),
        ttype,
        value: value.into(),
        modifier: None,
        interval: None,
        rule: "",
    }
}

fn check_expected(found: &[Quantity]) {
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(seed_dir().join("expected.json")).unwrap())
            .unwrap();
    for want in expected["quantities"].as_array().unwrap() {
        let value = want["value"].as_f64().unwrap();
        let q = found
            .iter()
            .find(|q| q.value == value)
            .unwrap_or_else(|| panic!("no figure {value}: {found:#?}"));
        assert_eq!(
            q.qualifier,
            qualifier(want["qualifier"].as_str().unwrap()),
            "{value}"
        );
        let counted = q.counted.as_deref().unwrap_or("");
        assert!(
            counted.contains(want["counted_contains"].as_str().unwrap()),
            "{value}: counted {counted:?}"
        );
    }
}

#[test]
fn seed_figures_without_timexes() {
    let doc = seed_doc();
    let found = QuantityTagger::new().tag(&doc, &[]);
    check_expected(&found);
    let q = found.iter().find(|q| q.value == 6130.0).unwrap();
    assert_eq!((q.low, q.high), (Some(6130.0), None));
    assert_eq!(doc.slice(q.span), "more than 6,130");
    assert_eq!(q.counted.as_deref(), Some("Shaheds"));
    let q = found.iter().find(|q| q.value == 1500.0).unwrap();
    assert_eq!((q.low, q.high), (Some(1500.0), Some(1500.0)));
    assert_eq!(q.counted.as_deref(), Some("special forces troops"));
    // "one of the main tools" is a pronoun, not a figure
    assert!(found.iter().all(|q| q.value != 1.0), "{found:#?}");
}

#[test]
fn seed_figures_with_timexes() {
    let doc = seed_doc();
    let timexes = vec![
        timex(&doc, "this week", TimexType::Date, "2024-W42"),
        timex(&doc, "the beginning of the year", TimexType::Date, "2024"),
        timex(&doc, "17 October", TimexType::Date, "2024-10-17"),
        timex(&doc, "18 October", TimexType::Date, "2024-10-18"),
        timex(&doc, "1 November", TimexType::Date, "2024-11-01"),
    ];
    let found = QuantityTagger::new().tag(&doc, &timexes);
    check_expected(&found);
    let shaheds = found.iter().find(|q| q.value == 6130.0).unwrap();
    assert_eq!(
        shaheds.scope,
        Some(1),
        "scope is 'since the beginning of the year'"
    );
    // "On 17 October, ..." dates the statement; it does not scope the figure
    let soldiers = found.iter().find(|q| q.value == 10000.0).unwrap();
    assert_eq!(soldiers.scope, None);
    for q in &found {
        assert!(
            timexes.iter().all(|t| !t.span.overlaps(q.span)),
            "{q:?} overlaps a timex"
        );
    }
    // exactly the four figures: no dates slip through
    let values: Vec<f64> = found.iter().map(|q| q.value).collect();
    assert_eq!(values, [6130.0, 10000.0, 11000.0, 1500.0]);
}
