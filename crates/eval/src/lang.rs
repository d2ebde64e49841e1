//! Scorers of the language backbone: segmentation, POS, NER, coreference.
use crate::Report;
use std::path::Path;

pub fn evaluate_segmentation(_gold: Option<&Path>) -> anyhow::Result<Report> {
    anyhow::bail!("this scorer is not written yet")
}
pub fn evaluate_pos(_gold: Option<&Path>) -> anyhow::Result<Report> {
    anyhow::bail!("this scorer is not written yet")
}
pub fn evaluate_ner(_gold: Option<&Path>) -> anyhow::Result<Report> {
    anyhow::bail!("this scorer is not written yet")
}
pub fn evaluate_coref(_gold: Option<&Path>) -> anyhow::Result<Report> {
    anyhow::bail!("this scorer is not written yet")
}
