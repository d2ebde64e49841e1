//! Prints the time expressions of a text file: `cargo run -p claimtrail-time
//! --example tag -- FILE [YYYY-MM-DD]`.

use claimtrail_text::{Document, Metadata};
use claimtrail_time::TimeTagger;

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: tag FILE [YYYY-MM-DD]");
        std::process::exit(2);
    };
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    });
    let published = args
        .next()
        .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok());
    let doc = Document::new(
        text,
        Metadata {
            published,
            ..Metadata::default()
        },
    );
    for t in TimeTagger::new().tag(&doc) {
        let m = t
            .modifier
            .map(|m| format!(" mod={}", m.as_str()))
            .unwrap_or_default();
        let iv = t
            .interval
            .map(|(a, b)| format!(" interval={a}/{b}"))
            .unwrap_or_default();
        println!(
            "{:>6} {:<8} {:<14} {}{m}{iv}",
            t.span.start,
            t.ttype.as_str(),
            t.value,
            doc.slice(t.span)
        );
    }
}
