//! BRAT standoff for attribution (`claimtrail annotate --format brat`).
use claimtrail_attribution::AttributionLayer;
use claimtrail_entities::EntityLayer;
use claimtrail_text::Document;

/// The `.ann` text for a document's attributions.
pub fn write_ann(_doc: &Document, _entities: &EntityLayer, _attributions: &AttributionLayer) -> String {
    String::new()
}
