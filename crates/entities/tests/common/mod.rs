//! Helpers shared by the entity crate's integration tests.
#![allow(dead_code)] // each test file uses its own part

use claimtrail_entities::{Entity, EntityLayer, EntityRecognizer};
use claimtrail_text::{Document, Metadata};

/// The document of `text` (no metadata) and its entity layer.
pub fn recognize(text: &str) -> (Document, EntityLayer) {
    let doc = Document::new(text, Metadata::default());
    let layer = EntityRecognizer::new().recognize(&doc);
    (doc, layer)
}

/// The entity whose canonical name is `canonical`; the test fails, listing
/// what was found, when there is none.
pub fn entity<'a>(layer: &'a EntityLayer, canonical: &str) -> &'a Entity {
    layer
        .entities
        .iter()
        .find(|e| e.canonical == canonical)
        .unwrap_or_else(|| {
            panic!(
                "no entity {canonical:?} in {:?}",
                layer
                    .entities
                    .iter()
                    .map(|e| (&e.canonical, e.etype, &e.country))
                    .collect::<Vec<_>>()
            )
        })
}
