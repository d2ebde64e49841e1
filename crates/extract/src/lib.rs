//! The extraction pipeline.
//!
//! [`Pipeline::analyze`] runs the stages of DESIGN.md over one [`Document`] in a
//! fixed, explicit order, each adding one layer:
//!
//! 1. entities (mentions, types, roles, coreference) — `claimtrail-entities`
//! 2. time expressions — `claimtrail-time`
//! 3. quantities (given the time expressions, which they must not overlap) — `claimtrail-quantity`
//! 4. quotes and attributions (given the entities, to name speakers) — `claimtrail-attribution`
//! 5. claims: attributions joined with the date they were stated, the figures and
//!    dates they contain and their evidence sentence — [`claims`] in this crate.
//!
//! The result is an [`Analysis`]; [`json`] turns it into the public JSON schema
//! (docs/json-schema.md), with character offsets.

pub mod claims;
pub mod json;
pub mod printed;

use claimtrail_attribution::{AttributionLayer, Attributor};
use claimtrail_entities::{EntityLayer, EntityRecognizer};
use claimtrail_quantity::{Quantity, QuantityTagger};
use claimtrail_text::Document;
use claimtrail_time::{TimeTagger, Timex};
use sha2::{Digest, Sha256};

pub use claims::Claim;

/// Every layer of one analysed document.
#[derive(Clone, Debug)]
pub struct Analysis {
    /// Content hash of the text (see [`document_id`]).
    pub id: String,
    pub doc: Document,
    pub entities: EntityLayer,
    pub timexes: Vec<Timex>,
    pub quantities: Vec<Quantity>,
    pub attribution: AttributionLayer,
    pub claims: Vec<Claim>,
}

/// The stages with their models and lexicons, loaded once and shared.
#[derive(Debug)]
pub struct Pipeline {
    entities: EntityRecognizer,
    time: TimeTagger,
    quantities: QuantityTagger,
    attribution: Attributor,
}

impl Default for Pipeline {
    fn default() -> Self {
        Pipeline::new()
    }
}

impl Pipeline {
    pub fn new() -> Pipeline {
        Pipeline {
            entities: EntityRecognizer::new(),
            time: TimeTagger::new(),
            quantities: QuantityTagger::new(),
            attribution: Attributor::new(),
        }
    }

    pub fn entity_recognizer(&self) -> &EntityRecognizer {
        &self.entities
    }

    pub fn time_tagger(&self) -> &TimeTagger {
        &self.time
    }

    pub fn analyze(&self, doc: Document) -> Analysis {
        let entities = self.entities.recognize(&doc);
        let timexes = self.time.tag(&doc);
        let quantities = self.quantities.tag(&doc, &timexes);
        let attribution = self.attribution.attribute(&doc, &entities);
        let claims = claims::build(&doc, &entities, &timexes, &quantities, &attribution);
        Analysis {
            id: document_id(doc.text()),
            doc,
            entities,
            timexes,
            quantities,
            attribution,
            claims,
        }
    }
}

/// The content hash that identifies a document: the first 16 hex digits of the
/// SHA-256 of its text. The same text read twice gets the same id, whatever its
/// file name, so re-ingesting adds nothing.
pub fn document_id(text: &str) -> String {
    let digest = Sha256::digest(text.as_bytes());
    digest[..8].iter().map(|b| format!("{b:02x}")).collect()
}
