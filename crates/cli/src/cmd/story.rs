//! `claimtrail story`, `figures`, `sources` and `entities`: the cross-source ledger.

use crate::cmd::query::{open_existing as open, print};
use crate::cmd::report;
use crate::{EntityAction, QueryFormat};
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

/// Propositions shown per query.
const PROPOSITIONS: usize = 20;

pub fn story(query: &str, db: &Path, format: QueryFormat) -> anyhow::Result<ExitCode> {
    let props = open(db)?.story(query, PROPOSITIONS)?;
    print(&props, format, |out| report::write_story(out, &props))
}

pub fn figures(query: &str, db: &Path, format: QueryFormat) -> anyhow::Result<ExitCode> {
    let series = open(db)?.figures(query, PROPOSITIONS)?;
    print(&series, format, |out| report::write_figures(out, &series))
}

pub fn sources(query: &str, db: &Path, format: QueryFormat) -> anyhow::Result<ExitCode> {
    let view = open(db)?.sources(query, PROPOSITIONS)?;
    print(&view, format, |out| report::write_sources(out, &view))
}

pub fn entities(action: &EntityAction, db: &Path) -> anyhow::Result<ExitCode> {
    let mut store = open(db)?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    match action {
        EntityAction::List { name, format } => {
            let entities = store.canonical_entities(name, 100, 0)?;
            drop(out);
            return print(&entities, *format, |out| {
                report::write_entities(out, &entities)
            });
        }
        EntityAction::Merge { from, into } => {
            let d = store.merge_entities(from, into)?;
            writeln!(
                out,
                "merged \"{from}\" into \"{into}\"; kept for later documents:"
            )?;
            report::write_entities(&mut out, std::slice::from_ref(&d.entity))?;
        }
        EntityAction::Split { entity, alias } => {
            let d = store.split_entity(entity, alias)?;
            writeln!(
                out,
                "split \"{alias}\" off \"{entity}\"; kept for later documents:"
            )?;
            report::write_entities(&mut out, std::slice::from_ref(&d.entity))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}
