//! CoNLL-2003-style input and output (`claimtrail annotate --format conll`).
use claimtrail_entities::EntityRecognizer;

/// Reads token-per-line input and writes it back with a predicted BIO column.
pub fn annotate(_input: &str, _recognizer: &EntityRecognizer) -> anyhow::Result<String> {
    anyhow::bail!("CoNLL output is not written yet")
}
