//! Arbitrary text never panics, and every output keeps the contract: valid
//! spans on character boundaries, sorted, not overlapping each other nor any
//! time expression given.

use claimtrail_quantity::QuantityTagger;
use claimtrail_text::{Document, Metadata};
use claimtrail_time::{Timex, TimexType};
use proptest::prelude::*;

/// Text made of number-like pieces, so the interesting paths run often.
fn newsish() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("1,500".to_string()),
        Just("20-25".to_string()),
        Just("$3bn".to_string()),
        Just("12k".to_string()),
        Just("more than".to_string()),
        Just("about".to_string()),
        Just("between".to_string()),
        Just("and".to_string()),
        Just("to".to_string()),
        Just("or more".to_string()),
        Just("tens of thousands of".to_string()),
        Just("a third of".to_string()),
        Just("half".to_string()),
        Just("one in three".to_string()),
        Just("three and a half".to_string()),
        Just("per cent".to_string()),
        Just("%".to_string()),
        Just("£".to_string()),
        Just("US$".to_string()),
        Just("troops".to_string()),
        Just("8 October".to_string()),
        Just("52-35".to_string()),
        Just("PS4.7bn".to_string()),
        Just("USD12,480,000".to_string()),
        Just(".004".to_string()),
        Just("6.02×10²³".to_string()),
        Just("3.1E-05".to_string()),
        Just("1/64 of an".to_string()),
        Just("3⁄8".to_string()),
        Just("#13".to_string()),
        Just("221B".to_string()),
        Just("35C".to_string()),
        Just("87.5p".to_string()),
        Just("minus".to_string()),
        Just("3-年".to_string()),
        Just("a couple of".to_string()),
        Just("-".to_string()),
        Just("(".to_string()),
        Just(".".to_string()),
        Just("\n\n".to_string()),
        "[0-9]{1,7}",
        "[0-9]{1,3}(,[0-9]{3}){0,2}(\\.[0-9]{1,2})?",
        "[a-zA-Z]{1,8}",
        "\\PC{1,4}",
    ];
    prop::collection::vec(piece, 0..40).prop_map(|v| v.join(" "))
}

fn check(text: &str, timex_every: usize) {
    let doc = Document::new(text, Metadata::default());
    // timexes over some tokens, built here (no time tagger involved)
    let timexes: Vec<Timex> = doc
        .tokens()
        .iter()
        .enumerate()
        .filter(|(i, _)| timex_every > 0 && i % timex_every == 0)
        .map(|(_, t)| Timex {
            span: t.span,
            ttype: TimexType::Date,
            value: "X".into(),
            modifier: None,
            interval: None,
            rule: "",
        })
        .collect();
    let found = QuantityTagger::new().tag(&doc, &timexes);
    let mut last_end = 0;
    for q in &found {
        assert!(
            q.span.start < q.span.end && q.span.end <= text.len(),
            "{q:?}"
        );
        assert!(text.is_char_boundary(q.span.start) && text.is_char_boundary(q.span.end));
        assert!(
            q.span.start >= last_end,
            "sorted and not overlapping: {found:?}"
        );
        last_end = q.span.end;
        assert!(
            timexes.iter().all(|t| !t.span.overlaps(q.span)),
            "{q:?} overlaps a timex"
        );
        if let Some(c) = q.counted_span {
            assert!(text
                .get(c.start..c.end)
                .is_some_and(|s| Some(s) == q.counted.as_deref()));
        }
        if let Some(i) = q.scope {
            assert!(i < timexes.len());
        }
        if let (Some(l), Some(h)) = (q.low, q.high) {
            assert!(l <= h, "{q:?}");
        }
        assert!(q.value.is_finite());
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_text_keeps_the_contract(text in "\\PC{0,200}", every in 0usize..5) {
        check(&text, every);
    }

    #[test]
    fn newsish_text_keeps_the_contract(text in newsish(), every in 0usize..5) {
        check(&text, every);
    }
}

#[test]
fn long_digit_runs_stay_linear() {
    let text = "1 ".repeat(50_000) + &"1,000 and ".repeat(20_000);
    let start = std::time::Instant::now();
    let doc = Document::new(text.as_str(), Metadata::default());
    let _ = QuantityTagger::new().tag(&doc, &[]);
    assert!(start.elapsed().as_secs() < 20);
}

/// Figures too large for an `f64` are no quantities (JSON has no infinity,
/// so the ledger could not read them back), and a long run of three-digit
/// numbers is a list, not one number grouped by spaces.
#[test]
fn values_are_finite_and_lists_are_not_one_number() {
    let tagger = QuantityTagger::new();
    let numbers: Vec<String> = (1..=2_000).map(|i| i.to_string()).collect();
    let texts = [
        format!("Prices rose {} per cent.", "9".repeat(400)),
        format!("It cost ${} billion.", "1".repeat(300)),
        format!("{} troops", "1,000".repeat(120)),
        "1234567890".repeat(100),
        numbers.join(" "),
        format!(
            "{}e9 tonnes and {} million",
            "9".repeat(300),
            "9".repeat(305)
        ),
    ];
    for text in texts {
        let doc = Document::new(text.as_str(), Metadata::default());
        for q in tagger.tag(&doc, &[]) {
            for v in [Some(q.value), q.low, q.high].into_iter().flatten() {
                assert!(v.is_finite(), "{:?} read as {v}", doc.slice(q.span));
            }
        }
    }
    let doc = Document::new(numbers.join(" "), Metadata::default());
    for q in tagger.tag(&doc, &[]) {
        assert!(
            q.span.len() < 40,
            "{:?} read as one figure",
            doc.slice(q.span)
        );
    }
    let doc = Document::new("The city has 10 000 000 people.", Metadata::default());
    let q = tagger.tag(&doc, &[]);
    assert_eq!(q.len(), 1);
    assert_eq!(q[0].value, 10_000_000.0);
}

/// Digits glued to letters outside ASCII, signs and codes in odd places:
/// no panic, and the contract holds.
#[test]
fn unicode_after_digits_and_glued_codes() {
    for text in [
        "Temperatures of 3-年 and 5-é and 7² and 35Ç rose.",
        "It cost USD1.5-é and PS4.7-年 and #2.5 ²³ and .5é then 3.1E-é.",
        "The heat hit 40C° and 104F-℃ while 6.02×10 ²³ and 2.5 x 10^ and 1/ 64 of.",
        "PS4. 7bn, USD12, 480,000 and A0.0.0ft. and . 004 per cent and ×10⁻ .",
    ] {
        check(text, 3);
    }
}
