//! Builds `ArticleJson` values the way the pipeline does (offsets, mentions,
//! the entities a claim's content names), from a text and a few specs, so the
//! ledger's cross-document logic can be tested on its own.

#![allow(dead_code)]

use claimtrail_extract::json::{
    ArticleJson, ClaimJson, DocumentJson, EntityJson, MentionJson, QuantityJson,
};

pub struct Entity {
    pub canonical: &'static str,
    pub etype: &'static str,
    pub role: Option<&'static str>,
    pub country: Option<&'static str>,
    /// Written names of the entity in the text (each occurrence is a mention).
    pub names: &'static [&'static str],
}

pub mod stores;

pub fn ent(canonical: &'static str, etype: &'static str, names: &'static [&'static str]) -> Entity {
    Entity {
        canonical,
        etype,
        role: None,
        country: None,
        names,
    }
}

pub struct Claim {
    /// Index into the entities, or None for an unresolved speaker.
    pub speaker: Option<usize>,
    pub speaker_name: &'static str,
    pub stance: &'static str,
    /// YYYY-MM-DD, or "" for the publication date.
    pub stated: &'static str,
    /// The content, a substring of the text.
    pub content: &'static str,
    /// (figure as written, value, counted thing).
    pub figures: Vec<(&'static str, f64, &'static str)>,
}

pub fn claim(
    speaker: usize,
    stance: &'static str,
    stated: &'static str,
    content: &'static str,
) -> Claim {
    Claim {
        speaker: Some(speaker),
        speaker_name: "",
        stance,
        stated,
        content,
        figures: vec![],
    }
}

fn chars(text: &str, byte: usize) -> usize {
    text[..byte].chars().count()
}

/// An article with id `id` (the content hash in real use).
pub fn article(
    id: &str,
    published: &str,
    text: &str,
    entities: &[Entity],
    claims: &[Claim],
) -> ArticleJson {
    let entities_json: Vec<EntityJson> = entities
        .iter()
        .enumerate()
        .map(|(i, e)| {
            let mut mentions = Vec::new();
            for name in e.names {
                // Whole words only: "North Korea" is not inside "North Korean".
                let whole = |b: usize, len: usize| {
                    !text[b + len..].starts_with(|c: char| c.is_alphanumeric())
                        && !text[..b].ends_with(|c: char| c.is_alphanumeric())
                };
                for (b, m) in text.match_indices(name).filter(|(b, m)| whole(*b, m.len())) {
                    mentions.push(MentionJson {
                        text: m.to_string(),
                        start: chars(text, b),
                        end: chars(text, b + m.len()),
                        kind: "name".into(),
                    });
                }
            }
            mentions.sort_by_key(|m| m.start);
            EntityJson {
                id: format!("e{}", i + 1),
                canonical: e.canonical.into(),
                etype: e.etype.into(),
                role: e.role.map(str::to_string),
                country: e.country.map(str::to_string),
                geonames_id: None,
                mentions,
            }
        })
        .collect();
    let claims_json = claims
        .iter()
        .enumerate()
        .map(|(n, c)| {
            let b = text
                .find(c.content)
                .unwrap_or_else(|| panic!("content not in text: {}", c.content));
            let (start, end) = (chars(text, b), chars(text, b + c.content.len()));
            let sentence_start = text[..b].rfind(". ").map_or(0, |i| i + 2);
            let sentence_end = text[b..].find(". ").map_or(text.len(), |i| b + i + 1);
            let in_content: Vec<String> = entities_json
                .iter()
                .filter(|e| e.mentions.iter().any(|m| m.start >= start && m.end <= end))
                .map(|e| e.id.clone())
                .collect();
            let speaker = c.speaker.map(|i| &entities_json[i]);
            let quantities = c
                .figures
                .iter()
                .map(|(written, value, counted)| {
                    let qb = text.find(written).expect("figure in text");
                    QuantityJson {
                        text: written.to_string(),
                        start: chars(text, qb),
                        end: chars(text, qb + written.len()),
                        value: *value,
                        low: None,
                        high: None,
                        qualifier: "exact".into(),
                        unit: None,
                        counted: Some(counted.to_string()),
                        change: false,
                        range: false,
                        vague: false,
                        scope: None,
                        unit_written: None,
                        stated_unit: None,
                        stated_value: None,
                        alternative: None,
                    }
                })
                .collect();
            ClaimJson {
                id: format!("{id}-c{}", n + 1),
                speaker: speaker.map(|e| e.id.clone()),
                speaker_name: Some(
                    speaker.map_or(c.speaker_name.to_string(), |e| e.canonical.clone()),
                ),
                speaker_type: speaker.map(|e| e.etype.clone()),
                speaker_role: speaker.and_then(|e| e.role.clone()),
                stance: c.stance.into(),
                polarity: "positive".into(),
                hedged: false,
                cue: "said".into(),
                text: c.content.into(),
                start,
                end,
                stated: Some(
                    if c.stated.is_empty() {
                        published
                    } else {
                        c.stated
                    }
                    .into(),
                ),
                stated_in_text: !c.stated.is_empty(),
                quantities,
                timexes: vec![],
                entities: in_content,
                sentence: text[sentence_start..sentence_end].to_string(),
                sentence_start: chars(text, sentence_start),
                sentence_end: chars(text, sentence_end),
                section: None,
            }
        })
        .collect();
    ArticleJson {
        document: DocumentJson {
            id: id.into(),
            title: Some(format!("Article {id}")),
            published: Some(published.into()),
            source_line: None,
            url: None,
            outlet: None,
            path: None,
            chars: text.chars().count(),
            sentences: text.matches(". ").count() + 1,
        },
        entities: entities_json,
        timexes: vec![],
        quantities: vec![],
        quotes: vec![],
        attributions: vec![],
        claims: claims_json,
    }
}

/// The articles of a story file of `data/multisource` (JSON Lines with `id`,
/// `text`, `title`, `published`, `source`) through the pipeline: (id, analysis, text).
pub fn analyze_story_file(
    path: &std::path::Path,
    pipeline: &claimtrail_extract::Pipeline,
) -> Vec<(String, ArticleJson, String)> {
    let mut out = Vec::new();
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let a: serde_json::Value = serde_json::from_str(line).unwrap();
        let text = a["text"].as_str().unwrap().to_string();
        let meta = claimtrail_text::Metadata {
            title: a["title"].as_str().map(str::to_string),
            published: a["published"]
                .as_str()
                .and_then(|d| chrono::NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()),
            outlet: a["source"].as_str().map(str::to_string),
            ..Default::default()
        };
        let doc = claimtrail_text::Document::new(text.clone(), meta);
        let article = ArticleJson::from_analysis(&pipeline.analyze(doc));
        out.push((a["id"].as_str().unwrap_or("").to_string(), article, text));
    }
    out
}
