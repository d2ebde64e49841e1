//! Time to build a `Document` (paragraphs, sentences, tokens) from adversarial
//! texts of growing size: each row should grow linearly.
//! `cargo run --release -p claimtrail-text --example scaling`
use claimtrail_text::{Document, Metadata};
use std::time::Instant;

fn main() {
    let patterns: [(&str, &str); 7] = [
        ("punctuation, no spaces", "!?"),
        ("dotted run, no spaces", "a.b"),
        ("one word-like run", "ab-"),
        ("at-signs and dots", "x@y."),
        ("words, no full stop", "word "),
        ("abbreviations", "Gen. "),
        ("quotes", "\"a "),
    ];
    for (name, unit) in patterns {
        let mut row = format!("{name:<26}");
        for kb in std::env::var("KB").map_or(vec![10, 40, 160], |v| {
            v.split(",").map(|x| x.parse().unwrap()).collect()
        }) {
            let text = unit.repeat(kb * 1024 / unit.len());
            let t = Instant::now();
            let doc = Document::new(text, Metadata::default());
            let ms = t.elapsed().as_secs_f64() * 1e3;
            row.push_str(&format!(
                " {kb:>5} KB {ms:>9.1} ms ({} sentences)",
                doc.sentences().len()
            ));
        }
        println!("{row}");
    }
}
