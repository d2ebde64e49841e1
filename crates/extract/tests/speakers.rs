//! How claims name their speakers in the JSON output.

use claimtrail_extract::json::ArticleJson;
use claimtrail_extract::Pipeline;
use claimtrail_text::{Document, Metadata};

fn claims(text: &str) -> Vec<(Option<String>, String)> {
    let article = ArticleJson::from_analysis(
        &Pipeline::new().analyze(Document::new(text, Metadata::default())),
    );
    article
        .claims
        .into_iter()
        .map(|c| (c.speaker_name, c.text))
        .collect()
}

#[test]
fn a_nationality_before_a_body_is_shown_as_written() {
    let got = claims("The Israeli military said it had struck 20 targets in the south.");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0.as_deref(), Some("Israeli military"));
    // a named speaker keeps its canonical name
    let got = claims("Kremlin spokesman Dmitry Peskov said the strikes hit military targets.");
    assert_eq!(got[0].0.as_deref(), Some("Dmitry Peskov"));
}
