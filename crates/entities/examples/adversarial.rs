//! Timing on hostile inputs (long capitalised runs, one endless sentence, many
//! pronouns): everything must stay linear.
//! `cargo run --release -p claimtrail-entities --example adversarial`
use claimtrail_entities::EntityRecognizer;
use claimtrail_text::{Document, Metadata};
use std::time::Instant;

fn main() {
    let rec = EntityRecognizer::new();
    let cases = [
        (
            "capitalised run",
            "Alpha Beta Gamma of Delta ".repeat(20_000),
        ),
        (
            "one long sentence",
            "the president said that he and she met Putin and ".repeat(20_000),
        ),
        (
            "titles",
            "President Minister Secretary General Chief of ".repeat(20_000),
        ),
        (
            "pronouns",
            "He said. She said. It said. Its aim. ".repeat(20_000),
        ),
    ];
    for (name, text) in cases {
        let t = Instant::now();
        let doc = Document::new(text.as_str(), Metadata::default());
        let layer = rec.recognize(&doc);
        println!(
            "{name}: {} bytes, {} tokens, {} mentions in {:?}",
            text.len(),
            doc.tokens().len(),
            layer.mentions.len(),
            t.elapsed()
        );
    }
}
