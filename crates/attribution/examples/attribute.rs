//! Prints the quotes and attributions of a text file, for inspection:
//! `cargo run -p claimtrail-attribution --example attribute -- FILE.txt [--count]`.
//! (No entity layer: speakers print as unknown.)

use claimtrail_attribution::Attributor;
use claimtrail_entities::EntityLayer;
use claimtrail_text::{Document, Metadata};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: attribute FILE.txt");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let doc = Document::new(text, Metadata::default());
    let clock = std::time::Instant::now();
    let layer = Attributor::new().attribute(&doc, &EntityLayer::default());
    if std::env::args().any(|a| a == "--count") {
        let (n, q, t) = (
            layer.attributions.len(),
            layer.quotes.len(),
            clock.elapsed(),
        );
        println!(
            "{n} attributions, {q} quotes, {} tokens, {:.1} ms",
            doc.tokens().len(),
            t.as_secs_f64() * 1e3
        );
        return;
    }
    for (i, a) in layer.attributions.iter().enumerate() {
        let content: Vec<&str> = a.content.iter().map(|c| doc.slice(*c)).collect();
        println!(
            "{i}: [{}] [{}] {}{} parent={:?}\n    {:?}",
            a.source.map_or("", |s| doc.slice(s)),
            doc.slice(a.cue),
            a.stance.as_str(),
            if a.hedged { "/hedged" } else { "" },
            a.parent,
            content.join(" | ")
        );
    }
    for q in &layer.quotes {
        println!("quote {:?}", doc.slice(q.span));
    }
}
