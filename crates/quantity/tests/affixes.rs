//! A currency code, sign or scale glued to a number never cuts the number:
//! whatever the affix, the figure covers every digit of the amount and reads
//! its whole value ("£4.7bn" is 4.7 billion, never 7 billion).

use claimtrail_quantity::QuantityTagger;
use claimtrail_text::{Document, Metadata};
use proptest::prelude::*;

/// The maximal numeric runs of a text (digits with inner `,` or `.`), as byte ranges.
fn numeric_runs(text: &str) -> Vec<(usize, usize)> {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < b.len() {
        if !b[i].is_ascii_digit() {
            i += 1;
            continue;
        }
        let start = i;
        while i < b.len()
            && (b[i].is_ascii_digit()
                || (matches!(b[i], b',' | b'.') && b.get(i + 1).is_some_and(u8::is_ascii_digit)))
        {
            i += 1;
        }
        out.push((start, i));
    }
    out
}

/// Every figure that touches a numeric run covers all of it.
fn no_cut_numbers(text: &str) -> Result<(), String> {
    let doc = Document::new(text, Metadata::default());
    for q in QuantityTagger::new().tag(&doc, &[]) {
        for (a, b) in numeric_runs(text) {
            let touches = a < q.span.end && q.span.start < b;
            if touches && !(q.span.start <= a && b <= q.span.end) {
                return Err(format!(
                    "figure {:?} cuts the number {:?} in {text:?}",
                    doc.slice(q.span),
                    &text[a..b]
                ));
            }
        }
    }
    Ok(())
}

/// An amount: grouped integers, decimals, with an optional scale suffix;
/// with its value.
fn amount() -> impl Strategy<Value = (String, f64)> {
    let int = prop_oneof![
        (1u64..1000).prop_map(|n| n.to_string()),
        (1u64..1000, 0u64..1000).prop_map(|(a, b)| format!("{a},{b:03}")),
        (1u64..1000, 0u64..1000, 0u64..1000).prop_map(|(a, b, c)| format!("{a},{b:03},{c:03}")),
    ];
    let dec = prop_oneof![
        Just(String::new()),
        (0u64..100).prop_map(|d| format!(".{d}"))
    ];
    let scale = prop_oneof![
        Just(("", 1.0)),
        Just(("k", 1e3)),
        Just(("m", 1e6)),
        Just(("bn", 1e9)),
        Just(("tn", 1e12)),
        Just((" million", 1e6)),
        Just((" billion", 1e9)),
    ];
    (int, dec, scale).prop_map(|(int, dec, (suffix, k))| {
        let core = format!("{int}{dec}");
        let value: f64 = core.replace(',', "").parse().unwrap();
        (format!("{core}{suffix}"), value * k)
    })
}

/// Currency affixes written before an amount, glued or spaced.
fn affix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "£", "$", "€", "¥", "US$", "A$", "C$", "HK$", "NZ$", "S$", "USD", "USD ", "EUR", "EUR ",
        "GBP", "GBP ", "JPY ", "PS",
    ])
}

/// Sentence frames the figure is put in.
fn frame() -> impl Strategy<Value = (&'static str, &'static str)> {
    prop::sample::select(vec![
        ("The deal was worth ", " last year."),
        ("", " was paid."),
        ("Profits rose to ", ", the firm said."),
        ("A ", " contract was signed."),
        ("It cost (", ") in total."),
        ("\"", ",\" she said."),
    ])
}

proptest! {
    #[test]
    fn affixed_amounts_are_read_whole(
        (written, value) in amount(),
        affix in affix(),
        (before, after) in frame(),
    ) {
        // the mis-encoded pound is money only with a decimal, group or scale
        let bare = !written.contains([',', '.', 'k', 'm', 'b', 't']);
        prop_assume!(!(affix == "PS" && bare));
        let text = format!("{before}{affix}{written}{after}");
        no_cut_numbers(&text).map_err(TestCaseError::fail)?;
        let doc = Document::new(&text, Metadata::default());
        let figures = QuantityTagger::new().tag(&doc, &[]);
        let q = figures.iter().find(|q| doc.slice(q.span).contains(&written));
        let q = q.ok_or_else(|| TestCaseError::fail(format!("no figure for {written:?} in {text:?}")))?;
        let close = (q.value - value).abs() <= 1e-6 * value.abs().max(1.0);
        prop_assert!(close, "{:?} read as {} (want {value}) in {text:?}", doc.slice(q.span), q.value);
        prop_assert!(q.unit.is_some(), "no currency for {:?} in {text:?}", doc.slice(q.span));
    }

    #[test]
    fn no_figure_cuts_a_number(text in "[A-Za-z$£€ ]{0,4}[0-9]{1,3}([,.][0-9]{1,3}){0,3}[a-z]{0,2}[ .,]{0,2}[0-9]{0,3}") {
        no_cut_numbers(&text).map_err(TestCaseError::fail)?;
    }
}
