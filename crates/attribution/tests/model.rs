//! The learned tagger on a tiny corpus written for this test: it learns the
//! labels it is shown, training is deterministic, and its spans become
//! attributions with a speaker.

use claimtrail_attribution::model::{self, LabelledDoc, Role};
use claimtrail_attribution::{Attributor, Blend};
use claimtrail_entities::EntityRecognizer;
use claimtrail_text::{Document, Metadata, Span};

/// A document and its labels from `(role, words)` parts joined by spaces.
fn labelled(parts: &[(Option<Role>, &str)]) -> (Document, Vec<u8>) {
    let text = parts.iter().map(|p| p.1).collect::<Vec<_>>().join(" ");
    let doc = Document::new(text.clone(), Metadata::default());
    let mut labels = vec![0u8; doc.tokens().len()];
    let mut at = 0;
    for (role, words) in parts {
        let span = Span::new(at, at + words.len());
        at += words.len() + 1;
        let Some(role) = role else { continue };
        let r = doc.token_range(span);
        for t in r.clone() {
            labels[t] = role.label(t > r.start);
        }
    }
    (doc, labels)
}

fn corpus() -> Vec<(Document, Vec<u8>)> {
    use Role::*;
    let names = ["Mira Okafor", "Tom Reyes", "Lena Park", "Sam Ortiz"];
    let things = [
        "the pier would open in June",
        "the cranes had arrived",
        "the budget was too small",
        "the vote would be delayed",
    ];
    let mut out = Vec::new();
    for (i, name) in names.iter().enumerate() {
        let thing = things[i];
        let other = things[(i + 1) % things.len()];
        out.push(labelled(&[
            (Some(Source), name),
            (Some(Cue), "said"),
            (Some(Content), thing),
            (None, "."),
            (None, "The harbour was quiet ."),
            (Some(Content), other),
            (None, ","),
            (Some(Source), name),
            (Some(Cue), "added"),
            (None, "."),
        ]));
    }
    out
}

fn train(iterations: usize) -> Vec<u8> {
    let corpus = corpus();
    let rec = EntityRecognizer::new();
    let ents: Vec<_> = corpus.iter().map(|(d, _)| rec.recognize(d)).collect();
    let docs: Vec<LabelledDoc> = corpus
        .iter()
        .zip(&ents)
        .map(|((doc, labels), e)| LabelledDoc {
            doc,
            entities: e,
            labels: labels.clone(),
        })
        .collect();
    model::train(&docs, iterations)
}

#[test]
fn learns_its_corpus_deterministically() {
    let bytes = train(6);
    assert_eq!(bytes, train(6), "training is not deterministic");
    let (doc, gold) = corpus().remove(1);
    let ents = EntityRecognizer::new().recognize(&doc);
    let tagged = model::tag_with(&bytes, &doc, &ents).unwrap();
    let wrong = tagged.iter().zip(&gold).filter(|(a, b)| a != b).count();
    assert!(wrong <= 1, "{wrong} tokens wrong: {tagged:?} vs {gold:?}");
    assert!(model::tag_with(b"not a model", &doc, &ents).is_none());
}

#[test]
fn tagged_spans_become_attributions() {
    let bytes = train(6);
    let doc = Document::new(
        "Ana Silva said the ferry would run again. The harbour was quiet.",
        Metadata::default(),
    );
    let ents = EntityRecognizer::new().recognize(&doc);
    let att = Attributor::with(Blend::Model, Some(&bytes)).unwrap();
    let layer = att.attribute(&doc, &ents);
    let a = layer
        .attributions
        .iter()
        .find(|a| doc.slice(a.cue) == "said")
        .expect("an attribution on 'said'");
    let content: Vec<&str> = a.content.iter().map(|c| doc.slice(*c)).collect();
    assert!(content.iter().any(|c| c.contains("ferry")), "{content:?}");
    assert_eq!(a.source.map(|s| doc.slice(s)), Some("Ana Silva"));
    assert!(Attributor::with(Blend::Model, Some(b"junk")).is_none());
}
