//! The embedded models load, quickly, and tag plausibly.
use claimtrail_entities::{EntityRecognizer, EntityType};
use std::time::Instant;

#[test]
fn models_load_and_tag() {
    let t = Instant::now();
    let rec = EntityRecognizer::new();
    assert!(
        rec.has_models(),
        "pos.bin and ner.bin must be real models, not placeholders"
    );
    // generous for a debug build on a busy machine; release loads in well under 0.3 s
    assert!(t.elapsed().as_secs_f64() < 10.0);
    let tags = rec.pos_tags(&[vec![
        "The",
        "president",
        "said",
        "Russia",
        "fired",
        "missiles",
        ".",
    ]]);
    assert_eq!(
        tags[0],
        ["DET", "NOUN", "VERB", "PROPN", "VERB", "NOUN", "PUNCT"]
    );
}

#[test]
fn tags_pre_tokenised_sentences() {
    let rec = EntityRecognizer::new();
    let sents = vec![
        vec!["Angela", "Merkel", "visited", "Paris", "on", "Monday", "."],
        vec!["GERMANY", "BEAT", "FRANCE", "IN", "FRIENDLY"],
    ];
    let tags = rec.tag_tokens(&sents);
    assert_eq!(tags[0][0], Some((EntityType::Person, true)));
    assert_eq!(tags[0][1], Some((EntityType::Person, false)));
    assert_eq!(tags[0][3], Some((EntityType::Gpe, true)));
    assert_eq!(tags[0][2], None);
    // a headline in capitals: countries are still places
    assert_eq!(tags[1][0], Some((EntityType::Gpe, true)));
    assert_eq!(tags[1][2], Some((EntityType::Gpe, true)));
}
