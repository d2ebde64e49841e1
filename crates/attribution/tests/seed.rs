//! The seed article against its BRAT gold (data/seed/*.ann) and expected.json,
//! with a hand-built entity layer standing in for the entity stage.

use claimtrail_attribution::{AttributionLayer, Attributor, Stance};
use claimtrail_entities::{Entity, EntityLayer, EntityType, Mention, MentionKind};
use claimtrail_text::{Document, Metadata, Span};
use std::path::PathBuf;

fn seed_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../data/seed")
}

fn seed_text() -> String {
    std::fs::read_to_string(seed_dir().join("zelenskyy-north-korea-address.txt"))
        .expect("seed text")
}

/// Entities of the seed, each with the literal mentions that refer to it;
/// pronouns and "the president" are given by (occurrence text, byte offset hint).
fn seed_entities(text: &str) -> EntityLayer {
    let people: &[(&str, EntityType, &[&str])] = &[
        (
            "Volodymyr Zelenskyy",
            EntityType::Person,
            &[
                "President Volodymyr Zelenskyy",
                "Zelenskyy",
                "He emphasised",
                "He stressed",
                "the president",
            ],
        ),
        ("Kyrylo Budanov", EntityType::Person, &["Kyrylo Budanov"]),
        (
            "Lloyd Austin",
            EntityType::Person,
            &["Lloyd Austin", "he could"],
        ),
        (
            "Ministry of Defence",
            EntityType::Org,
            &["Ministry of Defence"],
        ),
        (
            "National Intelligence Service",
            EntityType::Org,
            &["National Intelligence Service"],
        ),
        ("South Korea", EntityType::Gpe, &["South Korea"]),
        ("North Korea", EntityType::Gpe, &["North Korea"]),
    ];
    let mut mentions: Vec<Mention> = Vec::new();
    for (e, (_, _, forms)) in people.iter().enumerate() {
        for form in *forms {
            // "He emphasised" marks the pronoun of that phrase: the mention is its first word.
            let word_len = if form.starts_with(|c: char| c.is_lowercase())
                && form.contains(' ')
                && *form != "the president"
            {
                form.find(' ').unwrap()
            } else if form.starts_with("He ") {
                2
            } else {
                form.len()
            };
            for (pos, _) in text.match_indices(form) {
                let span = Span::new(pos, pos + word_len);
                if mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let kind = if word_len == 2 {
                    MentionKind::Pronoun
                } else {
                    MentionKind::Name
                };
                mentions.push(Mention {
                    span,
                    kind,
                    entity: e,
                });
            }
        }
    }
    mentions.sort_by_key(|m| m.span.start);
    let entities = people
        .iter()
        .enumerate()
        .map(|(e, (name, etype, _))| Entity {
            canonical: name.to_string(),
            etype: *etype,
            role: None,
            role_span: None,
            country: None,
            mentions: mentions
                .iter()
                .enumerate()
                .filter(|(_, m)| m.entity == e)
                .map(|(i, _)| i)
                .collect(),
        })
        .collect();
    EntityLayer { entities, mentions }
}

fn run() -> (Document, EntityLayer, AttributionLayer) {
    let text = seed_text();
    let doc = Document::new(text.clone(), Metadata::default());
    let ents = seed_entities(&text);
    let layer = Attributor::new().attribute(&doc, &ents);
    (doc, ents, layer)
}

/// One gold attribution of the .ann: character spans.
struct Gold {
    source: Option<(usize, usize)>,
    cue: (usize, usize),
    content: Vec<(usize, usize)>,
}

/// A minimal reader of the seed's BRAT convention (the full reader lives in
/// claimtrail-eval, which depends on this crate).
fn read_gold(ann: &str) -> Vec<Gold> {
    let mut spans = std::collections::HashMap::new();
    for line in ann.lines().filter(|l| l.starts_with('T')) {
        let mut parts = line.splitn(3, '\t');
        let id = parts.next().unwrap();
        let frags: Vec<(usize, usize)> = parts
            .next()
            .unwrap()
            .split_once(' ')
            .unwrap()
            .1
            .split(';')
            .map(|f| {
                let (a, b) = f.split_once(' ').unwrap();
                (a.parse().unwrap(), b.parse().unwrap())
            })
            .collect();
        spans.insert(id.to_string(), frags);
    }
    ann.lines()
        .filter(|l| l.starts_with('E'))
        .map(|line| {
            let args: std::collections::HashMap<&str, &str> = line
                .split('\t')
                .nth(1)
                .unwrap()
                .split(' ')
                .filter_map(|a| a.split_once(':'))
                .collect();
            let get = |role: &str| args.get(role).map(|id| spans[*id].clone());
            Gold {
                source: get("Source").map(|f| f[0]),
                cue: get("Cue").unwrap()[0],
                content: get("Content").unwrap(),
            }
        })
        .collect()
}

fn chars(doc: &Document, s: Span) -> (usize, usize) {
    (doc.char_offset(s.start), doc.char_offset(s.end))
}

#[test]
fn every_gold_attribution_is_found_exactly() {
    let (doc, _, layer) = run();
    let ann =
        std::fs::read_to_string(seed_dir().join("zelenskyy-north-korea-address.ann")).unwrap();
    let gold = read_gold(&ann);
    assert_eq!(gold.len(), 18);
    for g in &gold {
        let found = layer
            .attributions
            .iter()
            .find(|a| chars(&doc, a.cue) == g.cue);
        let a = found.unwrap_or_else(|| panic!("no attribution with cue {:?}", g.cue));
        let content: Vec<(usize, usize)> = a.content.iter().map(|c| chars(&doc, *c)).collect();
        assert_eq!(content, g.content, "content of cue {:?}", doc.slice(a.cue));
        assert_eq!(
            a.source.map(|s| chars(&doc, s)),
            g.source,
            "source of cue {:?}",
            doc.slice(a.cue)
        );
    }
    assert_eq!(
        layer.attributions.len(),
        gold.len(),
        "no extra attributions"
    );
}

#[test]
fn nesting_and_order() {
    let (doc, _, layer) = run();
    let starts: Vec<usize> = layer
        .attributions
        .iter()
        .map(|a| a.content[0].start.min(a.cue.start))
        .collect();
    assert!(starts.windows(2).all(|w| w[0] <= w[1]), "sorted by start");
    let inner = layer
        .attributions
        .iter()
        .position(|a| doc.slice(a.cue) == "could not confirm")
        .unwrap();
    let outer = layer.attributions[inner]
        .parent
        .expect("nested in the 'stated' attribution");
    assert_eq!(doc.slice(layer.attributions[outer].cue), "stated");
    assert_eq!(layer.attributions[outer].stance, Stance::CannotConfirm);
}

fn expected() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(seed_dir().join("expected.json")).unwrap())
        .unwrap()
}

fn with_commas(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[test]
fn expected_claims_have_speaker_and_stance() {
    let (doc, ents, layer) = run();
    for claim in expected()["claims"].as_array().unwrap() {
        let speaker = claim["speaker"].as_str().unwrap();
        let stance = Stance::parse(claim["stance"].as_str().unwrap()).unwrap();
        let mut needles: Vec<String> = claim["mentions_all"]
            .as_array()
            .map(|a| a.iter().map(|v| v.as_str().unwrap().to_string()).collect())
            .unwrap_or_default();
        if let Some(q) = claim["quantity"].as_u64() {
            needles.push(with_commas(q));
        }
        let hit = layer.attributions.iter().find(|a| {
            let text: String = a
                .content
                .iter()
                .map(|c| doc.slice(*c))
                .collect::<Vec<_>>()
                .join(" ");
            a.speaker.map(|s| ents.entities[s].canonical.as_str()) == Some(speaker)
                && a.stance == stance
                && needles.iter().all(|n| text.contains(n.as_str()))
        });
        assert!(
            hit.is_some(),
            "claim {} ({speaker}, {stance:?}, {needles:?}) not found",
            claim["id"]
        );
        if claim["id"] == 5 {
            assert!(hit.unwrap().hedged, "'would likely' is hedged");
        }
    }
}

#[test]
fn expected_quotes_have_their_speaker() {
    let (doc, ents, layer) = run();
    for q in expected()["quotes"].as_array().unwrap() {
        let start = q["starts_with"].as_str().unwrap();
        let found = layer.quotes.iter().find(|x| {
            doc.slice(x.span)
                .trim_start_matches(['"', '“'])
                .starts_with(start)
        });
        let found = found.unwrap_or_else(|| panic!("quote {start:?} missing"));
        if let Some(end) = q["ends_with"].as_str() {
            assert!(doc
                .slice(found.span)
                .trim_end_matches(['"', '”'])
                .ends_with(end));
        }
        assert_eq!(
            found.speaker.map(|s| ents.entities[s].canonical.as_str()),
            q["speaker"].as_str()
        );
    }
    assert_eq!(layer.quotes.len(), 2);
}

#[test]
fn without_entities_speakers_are_unknown_but_spans_stay() {
    let text = seed_text();
    let doc = Document::new(text, Metadata::default());
    let layer = Attributor::new().attribute(&doc, &EntityLayer::default());
    assert_eq!(layer.attributions.len(), 18);
    assert!(layer.attributions.iter().all(|a| a.speaker.is_none()));
    assert!(
        layer
            .attributions
            .iter()
            .filter(|a| a.source.is_some())
            .count()
            == 17
    );
}
