//! One module per subcommand.

pub mod analyze;
pub mod annotate;
pub mod bench;
pub mod eval;
pub mod ingest;
pub mod input;
pub mod query;
pub mod report;
pub mod serve;
pub mod story;
