//! CSV output of claims: one row per claim with its document, RFC 4180
//! quoting (fields with a comma, quote or line break are quoted, quotes doubled).

use claimtrail_extract::json::{ClaimJson, DocumentJson, QuantityJson};
use claimtrail_ledger::DocumentRef;
use std::io::{self, Write};

/// The columns, in order.
pub const COLUMNS: [&str; 19] = [
    "claim_id",
    "document_id",
    "document_published",
    "document_title",
    "outlet",
    "url",
    "path",
    "speaker",
    "speaker_type",
    "speaker_role",
    "stance",
    "hedged",
    "cue",
    "stated",
    "text",
    "figures",
    "sentence",
    "start",
    "end",
];

/// The document columns of a row.
pub struct DocFields<'a> {
    id: &'a str,
    published: Option<&'a str>,
    title: Option<&'a str>,
    outlet: Option<&'a str>,
    url: Option<&'a str>,
    path: Option<&'a str>,
}

impl<'a> DocFields<'a> {
    pub fn of_article(d: &'a DocumentJson) -> DocFields<'a> {
        DocFields {
            id: &d.id,
            published: d.published.as_deref(),
            title: d.title.as_deref(),
            outlet: d.outlet.as_deref(),
            url: d.url.as_deref(),
            path: d.path.as_deref(),
        }
    }

    pub fn of_ref(d: &'a DocumentRef) -> DocFields<'a> {
        DocFields {
            id: &d.id,
            published: d.published.as_deref(),
            title: d.title.as_deref(),
            outlet: d.outlet.as_deref(),
            url: d.url.as_deref(),
            path: d.path.as_deref(),
        }
    }
}

pub fn write_header(out: &mut impl Write) -> io::Result<()> {
    write_row(out, COLUMNS.iter().copied())
}

pub fn write_claim(out: &mut impl Write, d: &DocFields, c: &ClaimJson) -> io::Result<()> {
    let figures: Vec<String> = c.quantities.iter().map(figure).collect();
    let (start, end) = (c.start.to_string(), c.end.to_string());
    fn o(s: Option<&str>) -> &str {
        s.unwrap_or("")
    }
    let row: [&str; 19] = [
        &c.id,
        d.id,
        o(d.published),
        o(d.title),
        o(d.outlet),
        o(d.url),
        o(d.path),
        o(c.speaker_name.as_deref()),
        o(c.speaker_type.as_deref()),
        o(c.speaker_role.as_deref()),
        &c.stance,
        if c.hedged { "true" } else { "false" },
        &c.cue,
        o(c.stated.as_deref()),
        &c.text,
        &figures.join("; "),
        &c.sentence,
        &start,
        &end,
    ];
    write_row(out, row.into_iter())
}

/// "more_than 1500 troops": qualifier (unless exact), value, unit, counted thing.
fn figure(q: &QuantityJson) -> String {
    let mut parts = Vec::new();
    if q.qualifier != "exact" {
        parts.push(q.qualifier.clone());
    }
    parts.push(q.value.to_string());
    parts.extend(q.unit.clone());
    parts.extend(q.counted.clone());
    parts.join(" ")
}

fn write_row<'a>(out: &mut impl Write, fields: impl Iterator<Item = &'a str>) -> io::Result<()> {
    for (i, f) in fields.enumerate() {
        if i > 0 {
            out.write_all(b",")?;
        }
        out.write_all(quote(f).as_bytes())?;
    }
    out.write_all(b"\r\n")
}

/// A field as written in CSV.
fn quote(field: &str) -> std::borrow::Cow<'_, str> {
    if field.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", field.replace('"', "\"\"")).into()
    } else {
        field.into()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quoting() {
        assert_eq!(quote("plain"), "plain");
        assert_eq!(quote("a, b"), "\"a, b\"");
        assert_eq!(quote("say \"no\""), "\"say \"\"no\"\"\"");
        assert_eq!(quote("two\nlines"), "\"two\nlines\"");
    }
}
