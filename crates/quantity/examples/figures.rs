//! Prints the figures of text files: `cargo run -p claimtrail-quantity --example figures -- FILE...`
//! (a debugging aid; no time expressions are given to the tagger). `FIGURES_CONTEXT=1`
//! prints each figure's sentence; `FIGURES_TIME=1` prints only timings.

use claimtrail_quantity::QuantityTagger;
use claimtrail_text::{Document, Metadata};

fn main() {
    let tagger = QuantityTagger::new();
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let started = std::time::Instant::now();
        let doc = Document::new(text, Metadata::default());
        let segmented = started.elapsed();
        let found = tagger.tag(&doc, &[]);
        if std::env::var_os("FIGURES_TIME").is_some() {
            let words = doc.tokens().len();
            let tagged = started.elapsed() - segmented;
            eprintln!(
                "{path}: {words} tokens; segmentation {segmented:?}, quantities {tagged:?} ({:.0} tokens/s), {} figures",
                words as f64 / tagged.as_secs_f64(),
                found.len()
            );
            continue;
        }
        for q in found {
            let sentence = doc
                .sentence_at(q.span.start)
                .map(|i| doc.slice(doc.sentences()[i].span))
                .unwrap_or("");
            if std::env::var_os("FIGURES_CONTEXT").is_some() {
                println!("    in: {sentence}");
            }
            println!(
                "{:>8} {:<40} value={} low={:?} high={:?} {:?} unit={:?} counted={:?} change={} range={} vague={}",
                q.span.start,
                doc.slice(q.span),
                q.value,
                q.low,
                q.high,
                q.qualifier,
                q.unit,
                q.counted,
                q.change,
                q.range,
                q.vague
            );
        }
    }
}
