//! The exchange formats of claimtrail, one module per format: how the
//! engine's layers are written for other tools and how public gold data is
//! read, kept apart from the stages that produce the layers and from the
//! scorers that compare them (like ripgrep's printer crate beside its
//! searcher).
//!
//! - [`timeml`]: TempEval-3 TimeML, read (DCT, text, gold TIMEX3s) and written
//!   with the time tagger's TIMEX3s (`claimtrail annotate --format timeml`).
//! - [`conll`]: CoNLL-2003 token-per-line files, read and written back with a
//!   predicted IOB2 entity column (`--format conll`).
//! - [`brat`]: BRAT standoff for attribution, written from the entity and
//!   attribution layers (`--format brat`) and read for the gold set.
//! - [`conllu`]: CoNLL-U (GUM, UD English EWT) with GUM's entity column, read.
//! - [`meantime`]: the NewsReader MEANTIME token-level XML, read.
//!
//! The public JSON of an analysis is the schema of `claimtrail_extract::json`
//! (the ledger stores it); claim CSV rows are written by the CLI
//! (`crates/cli/src/cmd/csv.rs`) from the ledger's documents. Scorers and
//! training stay in `claimtrail-eval`.

pub mod brat;
pub mod conll;
pub mod conllu;
pub mod meantime;
pub mod timeml;
