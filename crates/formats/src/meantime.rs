//! Reader of the NewsReader MEANTIME corpus in its token-level XML
//! (`data/meantime-en/intra_cross-doc_annotation/corpus_*/*.xml`).
//!
//! A MEANTIME document is a list of `<token>`s (with a sentence number each),
//! then `<Markables>` that point at tokens through `<token_anchor t_id=".."/>`,
//! then `<Relations>` between markables (`<source m_id/>` -> `<target m_id/>`).
//! This reader keeps everything, generically:
//!
//! - every markable, whatever its tag (`ENTITY_MENTION`, `ENTITY`, `EVENT_MENTION`,
//!   `EVENT`, `TIMEX3`, `VALUE`, `SIGNAL`, `C-SIGNAL`, ...), with all its attributes
//!   and its tokens. Markables without tokens are *instances*: `ENTITY` and
//!   `EVENT` carry the entity type (`ent_type`) and the cross-document
//!   `instance_id`; `TIMEX3` without tokens are implicit time points;
//! - every relation (`REFERS_TO`, `HAS_PARTICIPANT`, `TLINK`, `SLINK`, `GLINK`,
//!   `CLINK`, ...) with its attributes, sources and targets;
//! - the corpus-level instance list (`list_instances.csv`, tab-separated).
//!
//! It also rebuilds the plain text, one sentence per line, with the spacing
//! rules of `data/meantime-en-timeml/README.md` (no space before closing
//! punctuation and clitics, none after opening brackets, quotes and currency
//! signs; PTB quotes written as `"`), and gives every token its byte span and
//! character span in that text. Helpers answer the usual questions: the text of
//! a markable, the instance a mention refers to, a mention's entity type, the
//! document creation time.
//!
//! Annotation windows (see `data/README.md`): TIMEX3 and VALUE are annotated
//! only in sentences 0-5 (title, dateline, first four body sentences); entities
//! and events further on.

use anyhow::{bail, Context};
use claimtrail_text::Span;
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{BTreeMap, HashMap};
use std::ops::Range;
use std::path::{Path, PathBuf};

/// The sentences (0 = title, 1 = dateline, 2-5 = first body sentences) inside
/// which MEANTIME annotates TIMEX3 and VALUE.
pub const TIME_VALUE_WINDOW: Range<usize> = 0..6;

/// One `<token>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Token {
    /// `t_id`, unique in the document.
    pub t_id: String,
    /// `number`: position in the document, from 0.
    pub number: usize,
    /// `sentence`: 0 is the title, 1 the dateline.
    pub sentence: usize,
    /// The token as written in the XML (PTB quotes kept: `` and '').
    pub text: String,
    /// Byte span in [`Document::text`] (where PTB quotes are written `"`).
    pub span: Span,
    /// Character (Unicode scalar) offsets in [`Document::text`], end exclusive.
    pub chars: (usize, usize),
}

/// A sentence of the rebuilt text.
#[derive(Clone, Debug, PartialEq)]
pub struct Sentence {
    /// The `sentence` attribute.
    pub number: usize,
    /// Indices into [`Document::tokens`].
    pub tokens: Range<usize>,
    pub span: Span,
}

/// Any element of `<Markables>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Markable {
    /// The element name: `ENTITY_MENTION`, `TIMEX3`, `VALUE`, `ENTITY`, ...
    pub tag: String,
    pub m_id: String,
    /// Every attribute but `m_id`, as written.
    pub attrs: BTreeMap<String, String>,
    /// Indices into [`Document::tokens`], in document order; empty for instances.
    pub tokens: Vec<usize>,
}

/// A non-empty attribute value.
fn non_empty<'a>(attrs: &'a BTreeMap<String, String>, name: &str) -> Option<&'a str> {
    attrs
        .get(name)
        .map(String::as_str)
        .filter(|v| !v.is_empty())
}

impl Markable {
    /// The attribute `name`, when present and not empty.
    pub fn attr(&self, name: &str) -> Option<&str> {
        non_empty(&self.attrs, name)
    }

    /// A markable without tokens: an entity or event instance, or an implicit timex.
    pub fn is_instance(&self) -> bool {
        self.tokens.is_empty()
    }
}

/// Any element of `<Relations>`.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    /// `REFERS_TO`, `HAS_PARTICIPANT`, `TLINK`, `SLINK`, `GLINK`, `CLINK`, ...
    pub tag: String,
    pub r_id: String,
    /// Every attribute but `r_id` (`reltype`, `sem_role`, ...).
    pub attrs: BTreeMap<String, String>,
    /// `m_id`s of the `<source>` elements.
    pub sources: Vec<String>,
    /// `m_id`s of the `<target>` elements.
    pub targets: Vec<String>,
}

impl Relation {
    /// The attribute `name`, when present and not empty.
    pub fn attr(&self, name: &str) -> Option<&str> {
        non_empty(&self.attrs, name)
    }
}

/// One MEANTIME document.
#[derive(Clone, Debug, Default)]
pub struct Document {
    pub doc_id: String,
    /// `doc_name`, also the file name without `.xml`.
    pub name: String,
    pub lang: String,
    pub url: String,
    /// The topic folder (`airbus`, `apple`, `gm`, `stock`) when read from a corpus folder.
    pub topic: Option<String>,
    /// The rebuilt text: one sentence per line.
    pub text: String,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    pub markables: Vec<Markable>,
    pub relations: Vec<Relation>,
    by_mid: HashMap<String, usize>,
    by_tid: HashMap<String, usize>,
    /// REFERS_TO: mention m_id -> target m_id.
    refers: HashMap<String, String>,
}

impl Document {
    /// The markable with this `m_id`.
    pub fn markable(&self, m_id: &str) -> Option<&Markable> {
        self.by_mid.get(m_id).map(|&i| &self.markables[i])
    }

    /// The token index of a `t_id`.
    pub fn token_index(&self, t_id: &str) -> Option<usize> {
        self.by_tid.get(t_id).copied()
    }

    /// Markables with this tag, in file order.
    pub fn markables_tagged<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Markable> + 'a {
        self.markables.iter().filter(move |m| m.tag == tag)
    }

    /// Relations with this tag, in file order.
    pub fn relations_tagged<'a>(&'a self, tag: &'a str) -> impl Iterator<Item = &'a Relation> + 'a {
        self.relations.iter().filter(move |r| r.tag == tag)
    }

    /// The byte span covering a markable's tokens in [`Document::text`]
    /// (from its first to its last token; MEANTIME mentions may be discontinuous).
    pub fn span_of(&self, m: &Markable) -> Option<Span> {
        let first = self.tokens.get(*m.tokens.first()?)?;
        let last = self.tokens.get(*m.tokens.last()?)?;
        Some(Span::new(first.span.start, last.span.end))
    }

    /// Character offsets of [`Document::span_of`].
    pub fn char_span_of(&self, m: &Markable) -> Option<(usize, usize)> {
        let first = self.tokens.get(*m.tokens.first()?)?;
        let last = self.tokens.get(*m.tokens.last()?)?;
        Some((first.chars.0, last.chars.1))
    }

    /// A markable's text as rebuilt (its tokens with the text's spacing).
    pub fn text_of(&self, m: &Markable) -> &str {
        self.span_of(m)
            .map(|s| &self.text[s.start..s.end])
            .unwrap_or("")
    }

    /// The sentence number of a markable (of its first token).
    pub fn sentence_of(&self, m: &Markable) -> Option<usize> {
        m.tokens.first().map(|&t| self.tokens[t].sentence)
    }

    /// The instance (`ENTITY`, `EVENT`, implicit `TIMEX3`) a mention refers to
    /// through `REFERS_TO`.
    pub fn refers_to(&self, m_id: &str) -> Option<&Markable> {
        self.refers.get(m_id).and_then(|t| self.markable(t))
    }

    /// The entity type (`PER`, `ORG`, `LOC`, `PRO`, `FIN`, `MIX`) of an entity
    /// mention, from the `ENTITY` it refers to.
    pub fn entity_type(&self, m_id: &str) -> Option<&str> {
        let m = self.markable(m_id)?;
        if let Some(t) = m.attr("ent_type") {
            return Some(t);
        }
        self.refers_to(m_id)?.attr("ent_type")
    }

    /// The cross-document instance id of a mention (from the instance it refers
    /// to), e.g. `ORG37406423422624299`; links the same entity across documents.
    pub fn instance_id(&self, m_id: &str) -> Option<&str> {
        let m = self.markable(m_id)?;
        if let Some(id) = m.attr("instance_id") {
            return Some(id);
        }
        self.refers_to(m_id)?.attr("instance_id")
    }

    /// The mentions that refer to an instance (sources of REFERS_TO to `m_id`).
    pub fn mentions_of<'a>(
        &'a self,
        instance_m_id: &'a str,
    ) -> impl Iterator<Item = &'a Markable> + 'a {
        self.relations_tagged("REFERS_TO")
            .filter(move |r| r.targets.iter().any(|t| t == instance_m_id))
            .flat_map(|r| r.sources.iter())
            .filter_map(|s| self.markable(s))
    }

    /// The document creation time: the `value` of the TIMEX3 whose
    /// `functionInDocument` is `CREATION_TIME` (a `03-02-2009` in the source is
    /// returned as `2009-02-03`).
    pub fn creation_time(&self) -> Option<String> {
        let t = self
            .markables_tagged("TIMEX3")
            .find(|m| m.attr("functionInDocument") == Some("CREATION_TIME"))?;
        let v = t.attr("value")?;
        let b = v.as_bytes();
        if v.len() == 10 && b[2] == b'-' && b[5] == b'-' {
            return Some(format!("{}-{}-{}", &v[6..], &v[3..5], &v[..2]));
        }
        Some(v.to_string())
    }

    /// The text of sentence `number`.
    pub fn sentence_text(&self, number: usize) -> Option<&str> {
        let s = self.sentences.iter().find(|s| s.number == number)?;
        Some(&self.text[s.span.start..s.span.end])
    }
}

/// A row of `list_instances.csv`: one entity or event instance of the corpus.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Instance {
    /// The `instance_id` used in the documents.
    pub id: String,
    /// `ENTITY` or `EVENT`.
    pub kind: String,
    /// Entity type (PRO, ORG, PER, LOC, FIN) or event class (GRAMMATICAL, SPEECH_COGNITIVE, OTHER).
    pub class: String,
    pub name: String,
    pub description: String,
    /// DBpedia URI or PropBank sense.
    pub external_link: String,
    pub comment: String,
    pub time: String,
    pub begin: String,
    pub end: String,
    /// Participants: `<instance id>_<role>` entries.
    pub has_parts: Vec<String>,
}

/// A corpus: documents (sorted by path) and the instance list when present.
#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub documents: Vec<Document>,
    pub instances: Vec<Instance>,
}

/// Reads every `*.xml` under `dir` (recursively; sorted by path) and
/// `list_instances.csv` if `dir` or its parent has one. Pass the corpus root
/// (`data/meantime-en`) or one annotation folder.
pub fn read_corpus(dir: &Path) -> anyhow::Result<Corpus> {
    let mut files = Vec::new();
    collect_xml(dir, &mut files)?;
    files.sort();
    if files.is_empty() {
        bail!("{}: no MEANTIME .xml files", dir.display());
    }
    let mut documents = Vec::with_capacity(files.len());
    for f in &files {
        let mut doc = read_document(f)?;
        doc.topic = f
            .parent()
            .and_then(|p| p.file_name())
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_prefix("corpus_"))
            .map(str::to_string);
        documents.push(doc);
    }
    let mut instances = Vec::new();
    for candidate in [
        dir.join("list_instances.csv"),
        dir.join("../list_instances.csv"),
    ] {
        if candidate.is_file() {
            let text = std::fs::read_to_string(&candidate)
                .with_context(|| candidate.display().to_string())?;
            instances = parse_instances(&text);
            break;
        }
    }
    Ok(Corpus {
        documents,
        instances,
    })
}

fn collect_xml(dir: &Path, out: &mut Vec<PathBuf>) -> anyhow::Result<()> {
    for entry in std::fs::read_dir(dir).with_context(|| dir.display().to_string())? {
        let path = entry?.path();
        if path.is_dir() {
            collect_xml(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "xml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Reads one MEANTIME XML file.
pub fn read_document(path: &Path) -> anyhow::Result<Document> {
    let xml = std::fs::read_to_string(path).with_context(|| path.display().to_string())?;
    parse_document(&xml).with_context(|| path.display().to_string())
}

/// Where the parser is in the file.
#[derive(Clone, Copy, PartialEq)]
enum Section {
    Tokens,
    Markables,
    Relations,
}

/// Parses one MEANTIME XML document.
pub fn parse_document(xml: &str) -> anyhow::Result<Document> {
    let mut reader = Reader::from_str(xml);
    let mut doc = Document::default();
    let mut section = Section::Tokens;
    // the token being read: (t_id, number, sentence, text)
    let mut token: Option<(String, usize, usize, String)> = None;
    let mut raw_tokens: Vec<(String, usize, usize, String)> = Vec::new();
    let mut markable: Option<(Markable, Vec<String>)> = None;
    let mut markables: Vec<(Markable, Vec<String>)> = Vec::new();
    let mut relation: Option<Relation> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|e| anyhow::anyhow!("XML error at byte {}: {e}", reader.buffer_position()))?;
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                let name = element_name(e);
                let attrs = attributes(e)?;
                match (section, name.as_str()) {
                    (_, "Document") => {
                        doc.doc_id = attrs.get("doc_id").cloned().unwrap_or_default();
                        doc.name = attrs.get("doc_name").cloned().unwrap_or_default();
                        doc.lang = attrs.get("lang").cloned().unwrap_or_default();
                        doc.url = attrs.get("url").cloned().unwrap_or_default();
                    }
                    (_, "Markables") => section = Section::Markables,
                    (_, "Relations") => section = Section::Relations,
                    (Section::Tokens, "token") => {
                        let number = attrs
                            .get("number")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(raw_tokens.len());
                        let sentence = attrs
                            .get("sentence")
                            .and_then(|v| v.parse().ok())
                            .unwrap_or(0);
                        let t_id = attrs.get("t_id").cloned().unwrap_or_default();
                        let t = (t_id, number, sentence, String::new());
                        if empty {
                            raw_tokens.push(t);
                        } else {
                            token = Some(t);
                        }
                    }
                    (Section::Markables, "token_anchor") => {
                        if let (Some((_, anchors)), Some(t)) =
                            (markable.as_mut(), attrs.get("t_id"))
                        {
                            anchors.push(t.clone());
                        }
                    }
                    (Section::Markables, tag) => {
                        let mut attrs = attrs;
                        let m_id = attrs.remove("m_id").unwrap_or_default();
                        let m = Markable {
                            tag: tag.to_string(),
                            m_id,
                            attrs,
                            tokens: Vec::new(),
                        };
                        if empty {
                            markables.push((m, Vec::new()));
                        } else {
                            markable = Some((m, Vec::new()));
                        }
                    }
                    (Section::Relations, "source" | "target") => {
                        if let (Some(r), Some(m)) = (relation.as_mut(), attrs.get("m_id")) {
                            if name == "source" {
                                &mut r.sources
                            } else {
                                &mut r.targets
                            }
                            .push(m.clone());
                        }
                    }
                    (Section::Relations, tag) => {
                        let mut attrs = attrs;
                        let r_id = attrs.remove("r_id").unwrap_or_default();
                        let r = Relation {
                            tag: tag.to_string(),
                            r_id,
                            attrs,
                            sources: Vec::new(),
                            targets: Vec::new(),
                        };
                        if empty {
                            doc.relations.push(r);
                        } else {
                            relation = Some(r);
                        }
                    }
                    _ => {}
                }
            }
            Event::Text(t) => {
                if let Some(tok) = token.as_mut() {
                    tok.3.push_str(&t);
                }
            }
            Event::GeneralRef(r) => {
                if let Some(tok) = token.as_mut() {
                    if let Ok(Some(c)) = r.resolve_char_ref() {
                        tok.3.push(c);
                    } else if let Some(s) = quick_xml::escape::resolve_predefined_entity(&r) {
                        tok.3.push_str(s);
                    } else {
                        tok.3.push('&');
                        tok.3.push_str(&r);
                        tok.3.push(';');
                    }
                }
            }
            Event::End(e) => {
                let name = e.name().as_ref().to_string();
                match (section, name.as_str()) {
                    (Section::Tokens, "token") => raw_tokens.extend(token.take()),
                    (Section::Markables, "Markables") => section = Section::Tokens,
                    (Section::Relations, "Relations") => section = Section::Tokens,
                    (Section::Markables, _)
                        if markable.as_ref().is_some_and(|(m, _)| m.tag == name) =>
                    {
                        markables.extend(markable.take());
                    }
                    (Section::Relations, _) if relation.as_ref().is_some_and(|r| r.tag == name) => {
                        doc.relations.extend(relation.take());
                    }
                    _ => {}
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    raw_tokens.sort_by_key(|t| t.1);
    rebuild_text(&mut doc, raw_tokens);
    for (i, t) in doc.tokens.iter().enumerate() {
        doc.by_tid.insert(t.t_id.clone(), i);
    }
    for (mut m, anchors) in markables {
        m.tokens = anchors
            .iter()
            .filter_map(|a| doc.by_tid.get(a).copied())
            .collect();
        m.tokens.sort_unstable();
        m.tokens.dedup();
        doc.by_mid.insert(m.m_id.clone(), doc.markables.len());
        doc.markables.push(m);
    }
    for r in doc.relations.iter().filter(|r| r.tag == "REFERS_TO") {
        if let Some(target) = r.targets.first() {
            for s in &r.sources {
                doc.refers.insert(s.clone(), target.clone());
            }
        }
    }
    Ok(doc)
}

fn element_name(e: &BytesStart<'_>) -> String {
    e.name().as_ref().to_string()
}

fn attributes(e: &BytesStart<'_>) -> anyhow::Result<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for a in e.attributes() {
        let a = a.map_err(|err| anyhow::anyhow!("bad attribute: {err}"))?;
        let key = a.key.as_ref().to_string();
        let value = a
            .normalized_value(quick_xml::XmlVersion::Implicit1_0)
            .map_err(|err| anyhow::anyhow!("bad attribute value: {err}"))?;
        out.insert(key, value.into_owned());
    }
    Ok(out)
}

/// Joins the tokens into text, one sentence per line, with the TimeML
/// conversion's spacing rules, and records every token's spans.
fn rebuild_text(doc: &mut Document, raw: Vec<(String, usize, usize, String)>) {
    let mut text = String::new();
    let mut chars = 0usize;
    let mut open_double = false; // straight " alternate open / close
    let mut prev: Option<(usize, bool)> = None; // (sentence, no space after)
    for (t_id, number, sentence, tok) in raw {
        let written = match tok.as_str() {
            "``" | "''" => "\"".to_string(),
            "`" => "'".to_string(),
            _ => tok.clone(),
        };
        let is_double = written == "\"";
        let opening_quote = matches!(tok.as_str(), "``" | "“" | "‘" | "`")
            || (is_double && tok != "''" && !open_double);
        let closing_quote =
            matches!(tok.as_str(), "''" | "”") || (is_double && tok != "``" && !opening_quote);
        if is_double {
            open_double = opening_quote;
        }
        match prev {
            Some((s, _)) if s != sentence => {
                text.push('\n');
                chars += 1;
            }
            Some((_, glue_after)) => {
                let glue_before = closing_quote || no_space_before(&written);
                if !glue_after && !glue_before {
                    text.push(' ');
                    chars += 1;
                }
            }
            None => {}
        }
        let start = text.len();
        let start_char = chars;
        text.push_str(&written);
        chars += written.chars().count();
        doc.tokens.push(Token {
            t_id,
            number,
            sentence,
            text: tok,
            span: Span::new(start, text.len()),
            chars: (start_char, chars),
        });
        let glue_after = opening_quote || no_space_after(&written);
        prev = Some((sentence, glue_after));
    }
    // sentences: maximal runs of tokens with the same sentence number
    let mut i = 0;
    while i < doc.tokens.len() {
        let number = doc.tokens[i].sentence;
        let mut j = i;
        while j < doc.tokens.len() && doc.tokens[j].sentence == number {
            j += 1;
        }
        let span = Span::new(doc.tokens[i].span.start, doc.tokens[j - 1].span.end);
        doc.sentences.push(Sentence {
            number,
            tokens: i..j,
            span,
        });
        i = j;
    }
    doc.text = text;
}

fn no_space_before(t: &str) -> bool {
    matches!(
        t,
        "." | "," | ";" | ":" | "!" | "?" | ")" | "]" | "}" | "%" | "'" | "’"
    ) || matches!(
        t.to_ascii_lowercase().as_str(),
        "'s" | "'re"
            | "'ve"
            | "'ll"
            | "'d"
            | "'m"
            | "n't"
            | "’s"
            | "’re"
            | "’ve"
            | "’ll"
            | "’d"
            | "’m"
            | "n’t"
    )
}

fn no_space_after(t: &str) -> bool {
    matches!(
        t,
        "(" | "[" | "{" | "$" | "US$" | "AU$" | "USD$" | "#" | "O'"
    )
}

/// Parses `list_instances.csv` (tab-separated, a `#` header line).
pub fn parse_instances(text: &str) -> Vec<Instance> {
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let g = |i: usize| f.get(i).map(|s| s.trim().to_string()).unwrap_or_default();
            Instance {
                id: g(0),
                kind: g(1),
                class: g(2),
                name: g(3),
                description: g(4),
                external_link: g(5),
                comment: g(6),
                time: g(7),
                begin: g(8),
                end: g(9),
                has_parts: g(12).split_whitespace().map(str::to_string).collect(),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = r#"<?xml version="1.0" ?><Document doc_id="1" doc_name="1_Test" lang="en" url="http://x">
<token number="0" sentence="0" t_id="1">Airbus</token>
<token number="1" sentence="0" t_id="2">wins</token>
<token number="2" sentence="0" t_id="3">$</token>
<token number="3" sentence="0" t_id="4">15</token>
<token number="4" sentence="0" t_id="5">billion</token>
<token number="5" sentence="1" t_id="6">May</token>
<token number="6" sentence="1" t_id="7">14</token>
<token number="7" sentence="1" t_id="8">,</token>
<token number="8" sentence="1" t_id="9">2009</token>
<token number="9" sentence="2" t_id="10">``</token>
<token number="10" sentence="2" t_id="11">AT&amp;T</token>
<token number="11" sentence="2" t_id="12">'s</token>
<token number="12" sentence="2" t_id="13">(</token>
<token number="13" sentence="2" t_id="14">big</token>
<token number="14" sentence="2" t_id="15">)</token>
<token number="15" sentence="2" t_id="16">''</token>
<token number="16" sentence="2" t_id="17">.</token>
<Markables>
<ENTITY_MENTION comment="" head="" m_id="1" syntactic_type="NAM">
<token_anchor t_id="1"/>
</ENTITY_MENTION>
<VALUE comment="" m_id="2" type="MONEY">
<token_anchor t_id="3"/>
<token_anchor t_id="4"/>
<token_anchor t_id="5"/>
</VALUE>
<TIMEX3 anchorTimeID="" functionInDocument="CREATION_TIME" m_id="3" type="DATE" value="2009-05-14">
<token_anchor t_id="6"/><token_anchor t_id="7"/><token_anchor t_id="8"/><token_anchor t_id="9"/>
</TIMEX3>
<ENTITY TAG_DESCRIPTOR="Airbus" ent_type="ORG" instance_id="ORG1" m_id="4"/>
</Markables>
<Relations>
<REFERS_TO r_id="9">
<source m_id="1"/>
<target m_id="4"/>
</REFERS_TO>
<TLINK comment="" r_id="10" reltype="BEFORE" signalID="">
<source m_id="3"/>
<target m_id="3"/>
</TLINK>
</Relations>
</Document>"#;

    #[test]
    fn reads_tokens_markables_relations() {
        let doc = parse_document(SAMPLE).unwrap();
        assert_eq!(
            (doc.doc_id.as_str(), doc.name.as_str(), doc.url.as_str()),
            ("1", "1_Test", "http://x")
        );
        assert_eq!(doc.tokens.len(), 17);
        assert_eq!(doc.tokens[10].text, "AT&T");
        assert_eq!(
            doc.text,
            "Airbus wins $15 billion\nMay 14, 2009\n\"AT&T's (big)\"."
        );
        assert_eq!(doc.sentences.len(), 3);
        assert_eq!(doc.sentence_text(1), Some("May 14, 2009"));
        let value = doc.markables_tagged("VALUE").next().unwrap();
        assert_eq!(value.attr("type"), Some("MONEY"));
        assert_eq!(doc.text_of(value), "$15 billion");
        assert_eq!(doc.char_span_of(value), Some((12, 23)));
        assert_eq!(doc.entity_type("1"), Some("ORG"));
        assert_eq!(doc.instance_id("1"), Some("ORG1"));
        assert!(doc.markable("4").unwrap().is_instance());
        assert_eq!(
            doc.mentions_of("4")
                .map(|m| m.m_id.as_str())
                .collect::<Vec<_>>(),
            ["1"]
        );
        assert_eq!(doc.creation_time().as_deref(), Some("2009-05-14"));
        let tlink = doc.relations_tagged("TLINK").next().unwrap();
        assert_eq!(tlink.attr("reltype"), Some("BEFORE"));
        assert_eq!(
            (tlink.sources.as_slice(), tlink.targets.as_slice()),
            (&["3".to_string()][..], &["3".to_string()][..])
        );
    }

    #[test]
    fn token_spans_slice_the_text() {
        let doc = parse_document(SAMPLE).unwrap();
        for t in &doc.tokens {
            let written = if t.text == "``" || t.text == "''" {
                "\""
            } else {
                t.text.as_str()
            };
            assert_eq!(&doc.text[t.span.start..t.span.end], written);
            let chars: String = doc
                .text
                .chars()
                .skip(t.chars.0)
                .take(t.chars.1 - t.chars.0)
                .collect();
            assert_eq!(chars, written);
        }
    }

    #[test]
    fn instances_list() {
        let rows = parse_instances("#ID\tTYPE\tCLASS\tINSTANCE_NAME\n\
            OTH1\tEVENT\tOTHER\twalking\tdesc\twalk.01\t\t2007-01-10\t\t\t1\t1\tPER1_Arg0 PER2_Arg1\n");
        assert_eq!(rows.len(), 1);
        assert_eq!(
            (
                rows[0].kind.as_str(),
                rows[0].external_link.as_str(),
                rows[0].time.as_str()
            ),
            ("EVENT", "walk.01", "2007-01-10")
        );
        assert_eq!(rows[0].has_parts, ["PER1_Arg0", "PER2_Arg1"]);
    }

    #[test]
    fn reads_the_bundled_corpus() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../data/meantime-en");
        if !dir.is_dir() {
            return; // data not present in this checkout
        }
        let corpus = read_corpus(&dir).unwrap();
        assert_eq!(corpus.documents.len(), 120);
        assert!(corpus.instances.len() > 1000);
        let values: usize = corpus
            .documents
            .iter()
            .map(|d| d.markables_tagged("VALUE").count())
            .sum();
        assert_eq!(values, 418);
        let timexes: usize = corpus
            .documents
            .iter()
            .map(|d| d.markables_tagged("TIMEX3").count())
            .sum();
        assert_eq!(timexes, 525);
        let d = corpus
            .documents
            .iter()
            .find(|d| d.name.starts_with("126311_"))
            .unwrap();
        assert_eq!(d.topic.as_deref(), Some("gm"));
        assert_eq!(
            d.sentence_text(0),
            Some("U.S. automaker Chrysler wants to eliminate 789 dealerships")
        );
        assert_eq!(d.sentence_text(1), Some("May 14, 2009"));
        // every anchored markable's tokens exist and every REFERS_TO resolves
        for doc in &corpus.documents {
            for r in doc.relations_tagged("REFERS_TO") {
                for s in &r.sources {
                    assert!(doc.refers_to(s).is_some(), "{}: {s}", doc.name);
                }
            }
        }
    }
}
