//! Reading back an article as the command line prints it (`claimtrail analyze
//! --format jsonl --include-text`): the seam for analysis done elsewhere (a
//! Spark job, another machine) and loaded with `claimtrail ingest --analyzed`.
//!
//! The line is untrusted: it must be of this [`SCHEMA_VERSION`], carry the
//! text, and every offset must fit that text: each span's `text` is the slice
//! its offsets name, the document id is the text's content hash, and entity
//! references name entities of the article. A line that fails gets one reason.

use crate::json::{ArticleJson, DocumentJson, SpanJson, SCHEMA_VERSION};
use serde::Deserialize;
use std::collections::HashSet;

/// Only the version, read first so that another version is named as such
/// rather than as whichever field changed.
#[derive(Deserialize)]
struct Version {
    schema_version: Option<u32>,
}

/// The printed article: the schema version, and the text inside the document.
#[derive(Deserialize)]
struct Printed {
    document: PrintedDocument,
    #[serde(flatten)]
    layers: Layers,
}

#[derive(Deserialize)]
struct PrintedDocument {
    #[serde(flatten)]
    document: DocumentJson,
    text: Option<String>,
}

/// The article's layers, as in [`ArticleJson`].
#[derive(Deserialize)]
struct Layers {
    entities: Vec<crate::json::EntityJson>,
    timexes: Vec<crate::json::TimexJson>,
    quantities: Vec<crate::json::QuantityJson>,
    quotes: Vec<crate::json::QuoteJson>,
    attributions: Vec<crate::json::AttributionJson>,
    claims: Vec<crate::json::ClaimJson>,
}

/// An article and its text from one printed line, checked against each
/// other; the error is the reason, for the caller to put after `file:line`.
pub fn read_line(line: &str) -> Result<(ArticleJson, String), String> {
    let version: Version =
        serde_json::from_str(line).map_err(|e| format!("not valid JSON ({e})"))?;
    match version.schema_version {
        Some(SCHEMA_VERSION) => {}
        Some(v) => {
            return Err(format!(
                "schema_version {v} is not supported (this claimtrail reads {SCHEMA_VERSION})"
            ))
        }
        None => {
            return Err(
                "no schema_version: not a line of `claimtrail analyze --format jsonl`".into(),
            )
        }
    }
    let printed: Printed =
        serde_json::from_str(line).map_err(|e| format!("not an analysed article ({e})"))?;
    let text = printed
        .document
        .text
        .ok_or("no document.text: analyse with --include-text")?;
    let l = printed.layers;
    let article = ArticleJson {
        document: printed.document.document,
        entities: l.entities,
        timexes: l.timexes,
        quantities: l.quantities,
        quotes: l.quotes,
        attributions: l.attributions,
        claims: l.claims,
    };
    check(&article, &text)?;
    Ok((article, text))
}

/// Checks that the article's offsets and ids fit `text`.
pub fn check(article: &ArticleJson, text: &str) -> Result<(), String> {
    let d = &article.document;
    let id = crate::document_id(text);
    if d.id != id {
        return Err(format!(
            "document.id {} is not the content hash of document.text ({id})",
            d.id
        ));
    }
    let chars = CharText::new(text);
    if d.chars != chars.len() {
        return Err(format!(
            "document.chars is {} but document.text has {} characters",
            d.chars,
            chars.len()
        ));
    }
    for e in &article.entities {
        for m in &e.mentions {
            chars.slice_is(&format!("entity {} mention", e.id), m.start, m.end, &m.text)?;
        }
    }
    for t in &article.timexes {
        chars.slice_is("timex", t.start, t.end, &t.text)?;
    }
    for q in &article.quantities {
        chars.slice_is("quantity", q.start, q.end, &q.text)?;
    }
    for q in &article.quotes {
        chars.slice_is("quote", q.start, q.end, &q.text)?;
    }
    for a in &article.attributions {
        let spans = a.source.iter().chain([&a.cue]).chain(&a.content);
        for s in spans {
            chars.span_is("attribution", s)?;
        }
    }
    check_claims(article, &chars)?;
    check_references(article)
}

fn check_claims(article: &ArticleJson, chars: &CharText) -> Result<(), String> {
    for c in &article.claims {
        let what = format!("claim {}", c.id);
        chars.range(&what, c.start, c.end)?;
        chars.slice_is(&what, c.sentence_start, c.sentence_end, &c.sentence)?;
        for q in &c.quantities {
            chars.slice_is(&what, q.start, q.end, &q.text)?;
        }
        for t in &c.timexes {
            chars.slice_is(&what, t.start, t.end, &t.text)?;
        }
    }
    Ok(())
}

/// Every entity id a quote, attribution or claim names is an entity of the article.
fn check_references(article: &ArticleJson) -> Result<(), String> {
    let ids: HashSet<&str> = article.entities.iter().map(|e| e.id.as_str()).collect();
    let named = article
        .quotes
        .iter()
        .filter_map(|q| q.speaker.as_deref())
        .chain(
            article
                .attributions
                .iter()
                .filter_map(|a| a.speaker.as_deref()),
        )
        .chain(article.claims.iter().flat_map(|c| {
            c.speaker
                .as_deref()
                .into_iter()
                .chain(c.entities.iter().map(String::as_str))
        }));
    for id in named {
        if !ids.contains(id) {
            return Err(format!("entity {id} is named but not among the entities"));
        }
    }
    Ok(())
}

/// A text sliced by character offsets.
struct CharText<'a> {
    text: &'a str,
    /// The byte offset of each character, and the text's length last.
    bytes: Vec<usize>,
}

impl<'a> CharText<'a> {
    fn new(text: &'a str) -> CharText<'a> {
        let mut bytes: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
        bytes.push(text.len());
        CharText { text, bytes }
    }

    fn len(&self) -> usize {
        self.bytes.len() - 1
    }

    fn range(&self, what: &str, start: usize, end: usize) -> Result<(), String> {
        if start > end || end > self.len() {
            return Err(format!(
                "{what}: offsets {start}..{end} do not fit a text of {} characters",
                self.len()
            ));
        }
        Ok(())
    }

    fn slice_is(&self, what: &str, start: usize, end: usize, expected: &str) -> Result<(), String> {
        self.range(what, start, end)?;
        let slice = &self.text[self.bytes[start]..self.bytes[end]];
        if slice != expected {
            return Err(format!(
                "{what}: characters {start}..{end} of the text are {slice:?}, not {expected:?}"
            ));
        }
        Ok(())
    }

    fn span_is(&self, what: &str, s: &SpanJson) -> Result<(), String> {
        self.slice_is(what, s.start, s.end, &s.text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Pipeline;
    use claimtrail_text::{Document, Metadata};

    const TEXT: &str = "Mayor Ada Brandt said on Monday that 40 homes in Pellow had flooded. \
                        \"We are pumping them out,\" she said.";

    /// The printed line of TEXT, as a JSON value to tamper with.
    fn printed() -> serde_json::Value {
        let doc = Document::new(TEXT.to_string(), Metadata::default());
        let analysis = Pipeline::new().analyze(doc);
        let article = ArticleJson::from_analysis(&analysis);
        serde_json::to_value(article.output(Some(TEXT))).unwrap()
    }

    /// A change that spoils a printed line.
    type Tamper = fn(&mut serde_json::Value);

    fn read(v: &serde_json::Value) -> Result<(ArticleJson, String), String> {
        read_line(&v.to_string())
    }

    #[test]
    fn a_printed_line_reads_back_as_the_same_article() {
        let v = printed();
        let (article, text) = read(&v).unwrap();
        assert_eq!(text, TEXT);
        assert!(!article.claims.is_empty() && !article.entities.is_empty());
        assert_eq!(
            serde_json::to_value(article.output(Some(&text))).unwrap(),
            v
        );
    }

    #[test]
    fn figures_read_back_to_the_same_bits() {
        // Values of 17 significant digits, as computed figures have ("23
        // cents" is 0.23 USD): JSON must give back the very same f64.
        for i in 1..20_000u32 {
            let x = f64::from(i) * 0.1 + f64::from(i) / 3.0e7;
            let back: f64 = serde_json::from_str(&serde_json::to_string(&x).unwrap()).unwrap();
            assert_eq!(back.to_bits(), x.to_bits(), "{x}");
        }
    }

    #[test]
    fn each_kind_of_bad_line_gets_its_reason() {
        let cases: [(&str, Tamper); 7] = [
            ("schema_version 9", |v| v["schema_version"] = 9.into()),
            ("no schema_version", |v| {
                v.as_object_mut().unwrap().remove("schema_version");
            }),
            ("no document.text", |v| {
                v["document"].as_object_mut().unwrap().remove("text");
            }),
            ("not the content hash", |v| {
                v["document"]["text"] = format!("{TEXT} More.").into()
            }),
            ("do not fit a text", |v| {
                v["timexes"][0]["end"] = 10_000.into()
            }),
            ("are \"", |v| {
                v["entities"][0]["mentions"][0]["start"] = 1.into()
            }),
            ("entity e99 is named", |v| {
                v["claims"][0]["speaker"] = "e99".into()
            }),
        ];
        for (reason, tamper) in cases {
            let mut v = printed();
            tamper(&mut v);
            let err = read(&v).unwrap_err();
            assert!(err.contains(reason), "{reason}: {err}");
        }
        assert!(read_line("{not json")
            .unwrap_err()
            .starts_with("not valid JSON"));
    }
}
