//! The seed article's dates (data/seed), with and without a publication date.

use chrono::NaiveDate;
use claimtrail_text::{Document, Metadata};
use claimtrail_time::{TimeTagger, Timex, TimexType};
use std::path::Path;

fn seed_text() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../data/seed/zelenskyy-north-korea-address.txt");
    std::fs::read_to_string(path).expect("seed article")
}

fn tag(published: Option<NaiveDate>) -> (Document, Vec<Timex>) {
    let doc = Document::new(
        seed_text(),
        Metadata {
            published,
            ..Metadata::default()
        },
    );
    let timexes = TimeTagger::new().tag(&doc);
    (doc, timexes)
}

fn value_of<'a>(doc: &Document, timexes: &'a [Timex], text: &str) -> Option<&'a Timex> {
    timexes.iter().find(|t| doc.slice(t.span) == text)
}

#[test]
fn seed_dates_with_publication_date() {
    let (doc, timexes) = tag(NaiveDate::from_ymd_opt(2024, 10, 20));
    for (text, value) in [
        ("8 October", "2024-10-08"),
        ("13 October", "2024-10-13"),
        ("14 October", "2024-10-14"),
        ("17 October", "2024-10-17"),
        ("18 October", "2024-10-18"),
        ("19 October", "2024-10-19"),
        ("1 November", "2024-11-01"),
        ("this week", "2024-W42"),
    ] {
        let t = value_of(&doc, &timexes, text)
            .unwrap_or_else(|| panic!("{text} not tagged: {timexes:?}"));
        assert_eq!(t.value, value, "{text}");
        assert_eq!(t.ttype, TimexType::Date, "{text}");
    }
    let since =
        value_of(&doc, &timexes, "the beginning of the year").expect("the beginning of the year");
    assert!(
        ["2024", "2024-01-01"].contains(&since.value.as_str()),
        "{since:?}"
    );
    assert_eq!(
        since.interval,
        Some(("2024-01-01".to_string(), "2024-10-20".to_string()))
    );
    // "On 8 October": the preposition stays outside the tag.
    assert!(value_of(&doc, &timexes, "On 8 October").is_none());
    // "as soon as possible" is not a date.
    let asap = doc.text().find("as soon as possible").unwrap();
    assert!(timexes
        .iter()
        .all(|t| t.span.end <= asap || t.span.start >= asap + 19));
    // Figures and model names are not times.
    for not_time in ["1,500", "6,130", "10,000", "11,000"] {
        let at = doc.text().find(not_time).unwrap();
        assert!(
            timexes.iter().all(|t| !t.span.contains_pos(at)),
            "{not_time} tagged"
        );
    }
}

#[test]
fn seed_dates_without_publication_date() {
    let (doc, timexes) = tag(None);
    let t = value_of(&doc, &timexes, "8 October").expect("8 October");
    assert_eq!(t.value, "XXXX-10-08");
    assert_eq!(
        value_of(&doc, &timexes, "1 November").map(|t| t.value.as_str()),
        Some("XXXX-11-01")
    );
    assert_eq!(
        value_of(&doc, &timexes, "this week").map(|t| t.value.as_str()),
        Some("XXXX-WXX")
    );
    let since =
        value_of(&doc, &timexes, "the beginning of the year").expect("the beginning of the year");
    assert_eq!(since.interval, None);
}
