//! `claimtrail export`: the ledger's claims for other tools, as JSON Lines,
//! CSV or schema.org `Claim` objects in JSON-LD (docs/export.md).

use crate::cmd::query::{open_existing, write_csv};
use crate::{ClaimConditions, ExportFormat};
use claimtrail_ledger::{ClaimRecord, Store};
use serde_json::{json, Map, Value};
use std::collections::HashMap;
use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

pub fn run(args: &ClaimConditions, db: &Path, format: ExportFormat) -> anyhow::Result<ExitCode> {
    let store = open_existing(db)?;
    let filter = args.filter();
    let claims = store.claims(&filter)?;
    let stdout = std::io::stdout();
    let mut out = std::io::BufWriter::new(stdout.lock());
    match format {
        ExportFormat::Jsonl => {
            for c in &claims {
                writeln!(out, "{}", serde_json::to_string(c)?)?;
            }
        }
        ExportFormat::Csv => write_csv(&mut out, &claims)?,
        ExportFormat::Jsonld => {
            let mut gists = Gists::new(&*store);
            let mut graph = Vec::with_capacity(claims.len());
            for c in &claims {
                graph.push(claim_ld(c, gists.of(c)?.as_deref()));
            }
            let doc = json!({"@context": "https://schema.org", "@graph": graph});
            writeln!(out, "{}", serde_json::to_string_pretty(&doc)?)?;
        }
    }
    out.flush()?;
    crate::note(format_args!("exported {} claim(s)", claims.len()));
    Ok(ExitCode::SUCCESS)
}

/// The gist of each claim's proposition, read once per document and proposition.
struct Gists<'a> {
    store: &'a dyn Store,
    /// claim id -> proposition id, per document read.
    props: HashMap<String, i64>,
    documents: std::collections::HashSet<String>,
    gists: HashMap<i64, Option<String>>,
}

impl<'a> Gists<'a> {
    fn new(store: &'a dyn Store) -> Gists<'a> {
        Gists {
            store,
            props: HashMap::new(),
            documents: Default::default(),
            gists: HashMap::new(),
        }
    }

    fn of(&mut self, c: &ClaimRecord) -> anyhow::Result<Option<String>> {
        if self.documents.insert(c.document.id.clone()) {
            let links = self.store.cross_links(&c.document.id)?;
            self.props.extend(links.claims);
        }
        let Some(&prop) = self.props.get(&c.claim.id) else {
            return Ok(None);
        };
        if !self.gists.contains_key(&prop) {
            let gist = self
                .store
                .proposition(prop)?
                .map(|p| p.gist)
                .filter(|g| !g.trim().is_empty());
            self.gists.insert(prop, gist);
        }
        Ok(self.gists[&prop].clone())
    }
}

/// A schema.org `Claim`: the words, who said them, when, where they appeared
/// and what they are about.
fn claim_ld(r: &ClaimRecord, gist: Option<&str>) -> Value {
    let c = &r.claim;
    let d = &r.document;
    let mut claim = Map::new();
    claim.insert("@type".into(), "Claim".into());
    claim.insert("identifier".into(), c.id.clone().into());
    claim.insert("text".into(), c.text.clone().into());
    if let Some(name) = &c.speaker_name {
        let person = c.speaker_type.as_deref() == Some("PERSON");
        let mut author = Map::new();
        author.insert(
            "@type".into(),
            if person { "Person" } else { "Organization" }.into(),
        );
        author.insert("name".into(), name.clone().into());
        if let Some(role) = &c.speaker_role {
            // schema.org gives people a jobTitle; organisations only a description.
            let key = if person { "jobTitle" } else { "description" };
            author.insert(key.into(), role.clone().into());
        }
        claim.insert("author".into(), Value::Object(author));
    }
    if let Some(date) = c.stated.as_deref().filter(|v| is_iso_date(v)) {
        claim.insert("datePublished".into(), date.into());
    }
    let mut work = Map::new();
    work.insert("@type".into(), "CreativeWork".into());
    let fields = [
        ("url", &d.url),
        ("headline", &d.title),
        ("datePublished", &d.published),
    ];
    for (key, value) in fields {
        if let Some(v) = value {
            work.insert(key.into(), v.clone().into());
        }
    }
    if let Some(outlet) = &d.outlet {
        work.insert(
            "publisher".into(),
            json!({"@type": "Organization", "name": outlet}),
        );
    }
    work.insert("identifier".into(), d.id.clone().into());
    claim.insert("appearance".into(), Value::Object(work));
    if let Some(g) = gist {
        claim.insert("about".into(), json!({"@type": "Thing", "name": g}));
    }
    Value::Object(claim)
}

/// A full ISO 8601 calendar date, year, or year-month: a TIMEX3 value with no
/// unknown digits (`XXXX-10-08` and `2024-W42` are not schema.org dates).
fn is_iso_date(v: &str) -> bool {
    let b = v.as_bytes();
    let digits =
        |r: std::ops::Range<usize>| b.get(r).is_some_and(|s| s.iter().all(u8::is_ascii_digit));
    match b.len() {
        4 => digits(0..4),
        7 => digits(0..4) && b[4] == b'-' && digits(5..7),
        10 => digits(0..4) && b[4] == b'-' && digits(5..7) && b[7] == b'-' && digits(8..10),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::is_iso_date;

    #[test]
    fn schema_dates() {
        assert!(is_iso_date("2024-10-08"));
        assert!(is_iso_date("2024-10"));
        assert!(is_iso_date("2024"));
        assert!(!is_iso_date("XXXX-10-08"));
        assert!(!is_iso_date("2024-W42"));
        assert!(!is_iso_date("PRESENT_REF"));
    }
}
