//! Hostile input: long runs of quotation marks and run-on chains of cues
//! complete, and what they give stays proportional to the text.

use claimtrail_attribution::Attributor;
use claimtrail_entities::EntityLayer;
use claimtrail_text::{Document, Metadata};

fn run(text: &str) -> (Document, claimtrail_attribution::AttributionLayer) {
    let doc = Document::new(text, Metadata::default());
    let layer = Attributor::new().attribute(&doc, &EntityLayer::default());
    (doc, layer)
}

#[test]
fn runs_of_opening_marks() {
    for mark in ["“", "„", "«", "‘", "\"", "'"] {
        let (_, layer) = run(&format!("{} he said.", mark.repeat(30_000)));
        assert!(layer.quotes.len() <= 1);
    }
    // Marks that ” closes: many short quotes, not one long one.
    for mark in ["“", "„", "\""] {
        let (_, layer) = run(&format!("{}a b c,” he said. ", mark).repeat(5_000));
        assert!(!layer.quotes.is_empty());
        for q in &layer.quotes {
            assert!(
                q.span.len() < 64,
                "{mark}: one quote of {} bytes",
                q.span.len()
            );
        }
    }
}

#[test]
fn nested_marks_close_in_order() {
    let (doc, layer) = run("“He told me ‘never «again» they said’ twice,” she said.");
    assert_eq!(layer.quotes.len(), 1);
    assert_eq!(
        doc.slice(layer.quotes[0].span),
        "“He told me ‘never «again» they said’ twice,”"
    );
    // A quote opened by „ closes with “, which then opens nothing.
    let (doc, layer) = run("„We will win this war“, he said on Monday.");
    assert_eq!(doc.slice(layer.quotes[0].span), "„We will win this war“");
}

/// "A said B said C said ..." without a full stop: every cue's content is cut,
/// so the spans of the layer stay proportional to the text.
#[test]
fn run_on_chains_of_cues_stay_linear() {
    for unit in [
        "he said that ",
        "John Smith said ",
        "according to ",
        "they told him ",
    ] {
        let text = unit.repeat(2_000);
        let (doc, layer) = run(&text);
        let total: usize = layer
            .attributions
            .iter()
            .flat_map(|a| &a.content)
            .map(|c| c.len())
            .sum();
        assert!(
            total <= 400 * text.len(),
            "{unit:?}: {total} bytes of content for {} bytes of text",
            text.len()
        );
        for a in &layer.attributions {
            for c in &a.content {
                let tokens = doc.token_range(*c).len();
                assert!(
                    tokens <= 256 && c.len() <= 8 * 1024,
                    "{unit:?}: {tokens} tokens"
                );
            }
        }
    }
}

/// Content before its cue keeps the end next to the cue when it is cut.
#[test]
fn long_content_before_a_cue_keeps_its_end() {
    // long words, so that the byte limit cuts whatever the sentence splitter does
    let words: Vec<String> = (0..600)
        .map(|i| format!("{}w{i}", "x".repeat(60)))
        .collect();
    let text = format!("{}, the minister said.", words.join(" "));
    let (doc, layer) = run(&text);
    for a in layer
        .attributions
        .iter()
        .filter(|a| doc.slice(a.cue) == "said")
    {
        let last = a.content.last().expect("content");
        assert!(doc.slice(*last).ends_with("w599"), "{}", doc.slice(*last));
    }
}
