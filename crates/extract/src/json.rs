//! The public JSON schema of an analysed article (docs/json-schema.md).
//!
//! Offsets are character (Unicode scalar) offsets into the article text, end
//! exclusive, so that Python and JavaScript users can slice with them. The
//! types deserialize too: the ledger stores and reads back this form.

use crate::Analysis;
use claimtrail_text::Span;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleJson {
    pub document: DocumentJson,
    pub entities: Vec<EntityJson>,
    pub timexes: Vec<TimexJson>,
    pub quantities: Vec<QuantityJson>,
    pub quotes: Vec<QuoteJson>,
    pub attributions: Vec<AttributionJson>,
    pub claims: Vec<ClaimJson>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocumentJson {
    /// Content hash of the text.
    pub id: String,
    pub title: Option<String>,
    /// YYYY-MM-DD.
    pub published: Option<String>,
    /// The outlet's "Source:" line: where the report comes from.
    pub source_line: Option<String>,
    pub url: Option<String>,
    pub outlet: Option<String>,
    pub path: Option<String>,
    /// Length of the text in characters.
    pub chars: usize,
    pub sentences: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MentionJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// name, nominal or pronoun.
    pub kind: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityJson {
    /// `e1`, `e2`, ... within the document.
    pub id: String,
    pub canonical: String,
    #[serde(rename = "type")]
    pub etype: String,
    pub role: Option<String>,
    pub country: Option<String>,
    /// Additive: the GeoNames id of a place the gazetteer knows, else null.
    #[serde(default)]
    pub geonames_id: Option<u32>,
    pub mentions: Vec<MentionJson>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct TimexJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    #[serde(rename = "type")]
    pub ttype: String,
    pub value: String,
    #[serde(rename = "mod")]
    pub modifier: Option<String>,
    /// `[begin, end]` values when the expression denotes an interval.
    pub interval: Option<[String; 2]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuantityJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: f64,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub qualifier: String,
    pub unit: Option<String>,
    pub counted: Option<String>,
    pub change: bool,
    /// A range as written ("between 10,000 and 12,000"): `low`/`high` are its ends.
    #[serde(default)]
    pub range: bool,
    /// A vague count ("dozens", "tens of thousands"): bounds by convention.
    #[serde(default)]
    pub vague: bool,
    /// The time expression scoping the figure, as written.
    pub scope: Option<String>,
    /// The unit or currency as written ("cents", "p", "US$", "per cent").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit_written: Option<String>,
    /// For cents, pence and kopecks: the subunit the number is written in
    /// ("cent"); `value` is then in `unit` ("23 cents": 0.23 USD).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_unit: Option<String>,
    /// The number as written in `stated_unit` (23 for "23 cents"), with it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub stated_value: Option<f64>,
    /// The other reading of two numbers joined by "to", "and" or a dash:
    /// `{"levels": {"from": 180, "to": 215}}` for a range, `{"range": {"low": 5,
    /// "high": 7}}` for each of two levels ("rose from 5% to 7%").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<claimtrail_quantity::Reading>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct QuoteJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// Entity id of the speaker, or null when unknown.
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub cue: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SpanJson {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AttributionJson {
    pub source: Option<SpanJson>,
    pub speaker: Option<String>,
    pub cue: SpanJson,
    pub content: Vec<SpanJson>,
    pub stance: String,
    /// "negative" when the content negates what it states (docs/json-schema.md).
    #[serde(default = "positive")]
    pub polarity: String,
    pub hedged: bool,
}

fn positive() -> String {
    claimtrail_attribution::Polarity::Positive
        .as_str()
        .to_string()
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimJson {
    /// `<document id>-c<n>`.
    pub id: String,
    /// Entity id of the speaker, or null when unknown.
    pub speaker: Option<String>,
    pub speaker_name: Option<String>,
    pub speaker_type: Option<String>,
    pub speaker_role: Option<String>,
    pub stance: String,
    /// "negative" when the content negates what it states (docs/json-schema.md).
    #[serde(default = "positive")]
    pub polarity: String,
    pub hedged: bool,
    pub cue: String,
    /// The claim's content (fragments joined by a space).
    pub text: String,
    pub start: usize,
    pub end: usize,
    /// TIMEX3 value of the day the claim was stated.
    pub stated: Option<String>,
    pub stated_in_text: bool,
    pub quantities: Vec<QuantityJson>,
    pub timexes: Vec<TimexJson>,
    /// Entity ids mentioned in the content.
    pub entities: Vec<String>,
    /// The evidence sentence(s).
    pub sentence: String,
    pub sentence_start: usize,
    pub sentence_end: usize,
    /// The house-style section the claim stands in ("Background", "Details"),
    /// when the article labels its sections.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub section: Option<String>,
}

impl ArticleJson {
    pub fn from_analysis(a: &Analysis) -> ArticleJson {
        let doc = &a.doc;
        let span = |s: Span| span_json(doc, s);
        let entity_id = |i: usize| format!("e{}", i + 1);
        let document = document_json(a);
        let entities = a
            .entities
            .entities
            .iter()
            .enumerate()
            .map(|(i, e)| entity_json(a, i, e))
            .collect();
        let timex = |t: &claimtrail_time::Timex| timex_json(doc, t);
        let quantity = |q: &claimtrail_quantity::Quantity| quantity_json(a, q);
        let speaker_name = |speaker: Option<usize>, source: Option<Span>| {
            let entity = speaker.and_then(|i| a.entities.entities.get(i));
            match (entity, source) {
                (Some(e), Some(s))
                    if e.etype == claimtrail_entities::EntityType::Norp
                        && doc.slice(s).len() > e.canonical.len()
                        && doc.slice(s).len() <= 80 =>
                {
                    Some(as_written(doc, s))
                }
                (Some(e), _) => Some(e.canonical.clone()),
                (None, s) => s.map(|s| as_written(doc, s)),
            }
        };
        let quotes = a
            .attribution
            .quotes
            .iter()
            .map(|q| {
                let s = span(q.span);
                QuoteJson {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    speaker: q.speaker.map(entity_id),
                    speaker_name: speaker_name(q.speaker, None),
                    cue: q.cue.map(|c| doc.slice(c).to_string()),
                }
            })
            .collect();
        let attributions = a
            .attribution
            .attributions
            .iter()
            .map(|at| AttributionJson {
                source: at.source.map(span),
                speaker: at.speaker.map(entity_id),
                cue: span(at.cue),
                content: at.content.iter().map(|&c| span(c)).collect(),
                stance: at.stance.as_str().to_string(),
                polarity: at.polarity.as_str().to_string(),
                hedged: at.hedged,
            })
            .collect();
        let claims = a
            .claims
            .iter()
            .enumerate()
            .map(|(n, c)| {
                let cover = c.content_span();
                let speaker = c.speaker.and_then(|i| a.entities.entities.get(i));
                let text: Vec<&str> = c.content.iter().map(|&s| doc.slice(s)).collect();
                let mentioned: Vec<String> = {
                    let mentions = &a.entities.mentions;
                    let mut ids: Vec<usize> =
                        crate::claims::inside(&c.content, mentions, |m| m.span)
                            .into_iter()
                            .map(|i| mentions[i].entity)
                            .collect();
                    ids.sort_unstable();
                    ids.dedup();
                    ids.into_iter().map(entity_id).collect()
                };
                let sentence = span(c.sentence);
                ClaimJson {
                    id: format!("{}-c{}", a.id, n + 1),
                    speaker: c.speaker.map(entity_id),
                    speaker_name: speaker_name(c.speaker, c.antecedent.or(c.source)),
                    speaker_type: speaker.map(|e| e.etype.as_str().to_string()),
                    speaker_role: speaker.and_then(|e| e.role.clone()),
                    stance: c.stance.as_str().to_string(),
                    polarity: c.polarity.as_str().to_string(),
                    hedged: c.hedged,
                    cue: doc.slice(c.cue).to_string(),
                    text: text.join(" "),
                    start: doc.char_offset(cover.start),
                    end: doc.char_offset(cover.end),
                    stated: c.stated.clone(),
                    stated_in_text: c.stated_in_text,
                    quantities: c
                        .quantities
                        .iter()
                        .map(|&i| quantity(&a.quantities[i]))
                        .collect(),
                    timexes: c.timexes.iter().map(|&i| timex(&a.timexes[i])).collect(),
                    entities: mentioned,
                    sentence: sentence.text,
                    sentence_start: sentence.start,
                    sentence_end: sentence.end,
                    section: section_label(doc, c.sentence.start),
                }
            })
            .collect();
        ArticleJson {
            document,
            entities,
            timexes: a.timexes.iter().map(timex).collect(),
            quantities: a.quantities.iter().map(quantity).collect(),
            quotes,
            attributions,
            claims,
        }
    }
}

/// Why the engine decided each date and figure (`analyze --explain`): the
/// names of the rules, as their Rust paths without the crate prefix
/// (`time::grammar::dates::month_first`, `quantity::scan::read_counted`).
/// Parallel to the article's `timexes` and `quantities`; printed as their
/// `why` field, never stored.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explanations {
    pub timexes: Vec<Vec<String>>,
    pub quantities: Vec<Vec<String>>,
}

impl Explanations {
    pub fn of(a: &Analysis) -> Explanations {
        let names = |rules: &[&str]| rules.iter().map(|r| rule_name(r)).collect();
        Explanations {
            timexes: a.timexes.iter().map(|t| names(&[t.rule])).collect(),
            quantities: a.quantities.iter().map(|q| names(&q.why)).collect(),
        }
    }
}

/// A rule's name as shown: its Rust path without the crate prefix
/// (`claimtrail_time::grammar::dates::year` -> `time::grammar::dates::year`).
fn rule_name(path: &str) -> String {
    path.strip_prefix("claimtrail_").unwrap_or(path).to_string()
}

/// A list of the article, each item with its `why` when there is one.
#[derive(Debug)]
pub struct Explained<'a, T> {
    pub items: &'a [T],
    pub why: Option<&'a [Vec<String>]>,
}

impl<T: Serialize> Serialize for Explained<'_, T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeSeq;
        #[derive(Serialize)]
        struct WithWhy<'b, T> {
            #[serde(flatten)]
            item: &'b T,
            why: &'b [String],
        }
        let mut seq = serializer.serialize_seq(Some(self.items.len()))?;
        for (i, item) in self.items.iter().enumerate() {
            match self.why.and_then(|w| w.get(i)).filter(|w| !w.is_empty()) {
                Some(why) => seq.serialize_element(&WithWhy { item, why })?,
                None => seq.serialize_element(item)?,
            }
        }
        seq.end()
    }
}

/// The version of the printed schema (docs/json-schema.md): raised when a
/// field changes meaning or goes away, not when one is added.
pub const SCHEMA_VERSION: u32 = 1;

/// An article as the command line prints it: `schema_version` first, then the
/// article, with the analysed text in `document.text` when asked for.
#[derive(Debug, Serialize)]
pub struct ArticleOutput<'a> {
    pub schema_version: u32,
    pub document: DocumentOutput<'a>,
    pub entities: &'a [EntityJson],
    pub timexes: Explained<'a, TimexJson>,
    pub quantities: Explained<'a, QuantityJson>,
    pub quotes: &'a [QuoteJson],
    pub attributions: &'a [AttributionJson],
    pub claims: &'a [ClaimJson],
}

/// The document object, with the text the offsets point into when asked for.
#[derive(Debug, Serialize)]
pub struct DocumentOutput<'a> {
    #[serde(flatten)]
    pub document: &'a DocumentJson,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub text: Option<&'a str>,
}

impl ArticleJson {
    /// The printed form; `text` is the analysed text (`--include-text`).
    pub fn output<'a>(&'a self, text: Option<&'a str>) -> ArticleOutput<'a> {
        self.output_explained(text, None)
    }

    /// The printed form with each date's and figure's `why` (`--explain`).
    pub fn output_explained<'a>(
        &'a self,
        text: Option<&'a str>,
        why: Option<&'a Explanations>,
    ) -> ArticleOutput<'a> {
        ArticleOutput {
            schema_version: SCHEMA_VERSION,
            document: DocumentOutput {
                document: &self.document,
                text,
            },
            entities: &self.entities,
            timexes: Explained {
                items: &self.timexes,
                why: why.map(|w| w.timexes.as_slice()),
            },
            quantities: Explained {
                items: &self.quantities,
                why: why.map(|w| w.quantities.as_slice()),
            },
            quotes: &self.quotes,
            attributions: &self.attributions,
            claims: &self.claims,
        }
    }
}

/// A nationality names no speaker by itself: "the Israeli military" is
/// shown as written, without its article (its entity still stands for the
/// state in the ledger).
fn as_written(doc: &claimtrail_text::Document, s: Span) -> String {
    let t = doc.slice(s);
    let t = ["The ", "the ", "A ", "a ", "An ", "an "]
        .iter()
        .find_map(|d| t.strip_prefix(d))
        .unwrap_or(t);
    t.to_string()
}

/// A span of the text in the schema's character offsets.
fn span_json(doc: &claimtrail_text::Document, s: Span) -> SpanJson {
    SpanJson {
        text: doc.slice(s).to_string(),
        start: doc.char_offset(s.start),
        end: doc.char_offset(s.end),
    }
}

fn document_json(a: &Analysis) -> DocumentJson {
    let doc = &a.doc;
    let meta = doc.meta();
    DocumentJson {
        id: a.id.clone(),
        title: meta.title.clone(),
        published: meta.published.map(|d| d.format("%Y-%m-%d").to_string()),
        source_line: doc.source_line().map(str::to_string),
        url: meta.url.clone(),
        outlet: meta.outlet.clone(),
        path: meta.path.clone(),
        chars: doc.char_offset(doc.text().len()),
        sentences: doc.sentences().len(),
    }
}

/// Entity `i` of the analysis (`e1`, `e2`, ...) with its mentions.
fn entity_json(a: &Analysis, i: usize, e: &claimtrail_entities::Entity) -> EntityJson {
    EntityJson {
        id: format!("e{}", i + 1),
        canonical: e.canonical.clone(),
        etype: e.etype.as_str().to_string(),
        role: e.role.clone(),
        country: e.country.clone(),
        geonames_id: claimtrail_entities::geonames_id(e),
        mentions: e
            .mentions
            .iter()
            .map(|&m| {
                let m = &a.entities.mentions[m];
                let s = span_json(&a.doc, m.span);
                MentionJson {
                    text: s.text,
                    start: s.start,
                    end: s.end,
                    kind: kind_name(m.kind).to_string(),
                }
            })
            .collect(),
    }
}

fn timex_json(doc: &claimtrail_text::Document, t: &claimtrail_time::Timex) -> TimexJson {
    let s = span_json(doc, t.span);
    TimexJson {
        text: s.text,
        start: s.start,
        end: s.end,
        ttype: t.ttype.as_str().to_string(),
        value: t.value.clone(),
        modifier: t.modifier.map(|m| m.as_str().to_string()),
        interval: t.interval.as_ref().map(|(b, e)| [b.clone(), e.clone()]),
    }
}

fn quantity_json(a: &Analysis, q: &claimtrail_quantity::Quantity) -> QuantityJson {
    let doc = &a.doc;
    let s = span_json(doc, q.span);
    QuantityJson {
        text: s.text,
        start: s.start,
        end: s.end,
        value: q.value,
        low: q.low,
        high: q.high,
        qualifier: q.qualifier.as_str().to_string(),
        unit: q.unit.clone(),
        counted: q.counted.clone(),
        change: q.change,
        range: q.range,
        vague: q.vague,
        scope: q
            .scope
            .and_then(|i| a.timexes.get(i))
            .map(|t| doc.slice(t.span).to_string()),
        unit_written: q.unit_written.clone(),
        stated_unit: q.stated_unit.clone(),
        stated_value: q.stated_unit.is_some().then(|| q.stated_value()),
        alternative: q.alternative,
    }
}

/// The label of the section holding byte `pos` ("Background").
fn section_label(doc: &claimtrail_text::Document, pos: usize) -> Option<String> {
    let p = doc.paragraphs().partition_point(|p| p.span.end <= pos);
    // A label-introduced quote starts at its label, just before its paragraph.
    let p = p.min(doc.paragraphs().len().checked_sub(1)?);
    doc.section_of_paragraph(p).label.clone()
}

fn kind_name(k: claimtrail_entities::MentionKind) -> &'static str {
    match k {
        claimtrail_entities::MentionKind::Name => "name",
        claimtrail_entities::MentionKind::Nominal => "nominal",
        claimtrail_entities::MentionKind::Pronoun => "pronoun",
    }
}

#[cfg(test)]
mod tests {
    use claimtrail_quantity::Qualifier;
    use claimtrail_time::{TimexMod, TimexType};

    /// The schema names enums by their `as_str`, which must be their serde
    /// names (what the ledger reads back and the documentation lists).
    #[test]
    fn enum_names_are_their_serde_names() {
        let serde_name = |v: serde_json::Value| v.as_str().unwrap_or_default().to_string();
        for q in Qualifier::ALL {
            assert_eq!(serde_name(serde_json::to_value(q).unwrap()), q.as_str());
        }
        use TimexType::*;
        for t in [Date, Time, Duration, Set] {
            assert_eq!(serde_name(serde_json::to_value(t).unwrap()), t.as_str());
        }
        use TimexMod::*;
        let mods = [
            Before,
            After,
            OnOrBefore,
            OnOrAfter,
            LessThan,
            MoreThan,
            EqualOrLess,
            EqualOrMore,
            Start,
            Mid,
            End,
            Approx,
        ];
        for m in mods {
            assert_eq!(serde_name(serde_json::to_value(m).unwrap()), m.as_str());
        }
    }
}
