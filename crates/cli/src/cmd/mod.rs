//! One module per subcommand.

pub mod analyze;
pub mod annotate;
pub mod bench;
pub mod csv;
pub mod docs;
pub mod eval;
pub mod export;
pub mod ingest;
pub mod input;
pub mod query;
pub mod report;
pub mod serve;
pub mod story;
