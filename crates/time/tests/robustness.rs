//! Arbitrary input never panics; spans are char boundaries, sorted, disjoint.

use chrono::NaiveDate;
use claimtrail_text::{Document, Metadata};
use claimtrail_time::TimeTagger;
use proptest::prelude::*;

fn check(text: &str, published: Option<NaiveDate>) {
    let doc = Document::new(
        text,
        Metadata {
            published,
            ..Metadata::default()
        },
    );
    let timexes = TimeTagger::new().tag(&doc);
    let mut last_end = 0;
    for t in &timexes {
        assert!(t.span.start < t.span.end, "empty span {t:?}");
        assert!(t.span.start >= last_end, "overlap or disorder at {t:?}");
        assert!(text.is_char_boundary(t.span.start) && text.is_char_boundary(t.span.end));
        assert!(!t.value.is_empty());
        last_end = t.span.end;
    }
}

/// Words that trigger the grammar, mixed with noise, so that the rules are
/// actually exercised by the generated text.
const WORDS: &[&str] = &[
    "the",
    "of",
    "a",
    "last",
    "next",
    "this",
    "early",
    "late",
    "mid-",
    "end",
    "beginning",
    "since",
    "ago",
    "later",
    "earlier",
    "October",
    "May",
    "March",
    "Tuesday",
    "Sunday",
    "week",
    "weeks",
    "year",
    "years",
    "day",
    "quarter",
    "third",
    "first",
    "half",
    "summer",
    "fall",
    "Christmas",
    "New",
    "Year",
    "'s",
    "Eve",
    "today",
    "yesterday",
    "tonight",
    "morning",
    "night",
    "now",
    "the past",
    "every",
    "twice",
    "times",
    "per",
    "daily",
    "annual",
    "more",
    "than",
    "about",
    "over",
    "8",
    "31",
    "2024",
    "1999",
    "'82",
    "1990s",
    "80s",
    "10:30",
    "p.m.",
    "UTC",
    "(",
    ")",
    "GMT",
    "+8",
    "noon",
    "midnight",
    "Q3",
    "FY2024",
    "fiscal",
    "five-year",
    "12-hour",
    "mid-2011",
    "third-quarter",
    "2009-2010",
    "2024-10-08",
    "10",
    "/",
    "8",
    "1,500",
    ",",
    ".",
    "-",
    "—",
    "é",
    "日本",
    "",
    " ",
    "\n",
    "\n\n",
];

proptest! {
    #![proptest_config(ProptestConfig::with_cases(600))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        check(&text, NaiveDate::from_ymd_opt(2024, 10, 20));
        check(&text, None);
    }

    #[test]
    fn time_word_soup(words in proptest::collection::vec(0..WORDS.len(), 0..60), year in 1..4000i32) {
        let text: Vec<&str> = words.iter().map(|&k| WORDS[k]).collect();
        let text = text.join(" ");
        check(&text, NaiveDate::from_ymd_opt(year, 2, 29).or(NaiveDate::from_ymd_opt(year, 12, 31)));
        check(&text, None);
    }
}

#[test]
fn long_runs_of_nesting_words_stay_linear() {
    for unit in [
        "early ",
        "the end of ",
        "10 am ",
        "mid-",
        "last ",
        "the past ",
        "Monday was ",
        "the second half goal ",
        "8 October said ",
    ] {
        let text = unit.repeat(20_000) + "2024";
        // A quadratic pass would take minutes here, and unbounded recursion
        // would overflow the stack.
        check(&text, NaiveDate::from_ymd_opt(2024, 10, 20));
    }
}
