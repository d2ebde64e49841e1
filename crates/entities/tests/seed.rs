//! The seed article's entities, roles and coreference (data/seed/expected.json).
use claimtrail_entities::{Entity, EntityLayer, EntityRecognizer, EntityType, MentionKind};
use claimtrail_text::{Document, Metadata};

mod common;
use common::entity as find;

fn seed() -> (Document, EntityLayer) {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/seed/zelenskyy-north-korea-address.txt"
    );
    let text = std::fs::read_to_string(path).expect("seed article");
    let doc = Document::new(text, Metadata::default());
    let layer = EntityRecognizer::new().recognize(&doc);
    (doc, layer)
}

fn mention_texts<'a>(doc: &'a Document, layer: &EntityLayer, e: &Entity) -> Vec<&'a str> {
    e.mentions
        .iter()
        .map(|&m| doc.slice(layer.mentions[m].span))
        .collect()
}

#[test]
fn expected_entities_are_found() {
    let (doc, layer) = seed();
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../data/seed/expected.json");
    let expected: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    for want in expected["entities"].as_array().unwrap() {
        let e = find(&layer, want["canonical"].as_str().unwrap());
        assert_eq!(
            e.etype.as_str(),
            want["type"].as_str().unwrap(),
            "{}",
            e.canonical
        );
        let texts = mention_texts(&doc, &layer, e);
        for m in want["mentions"].as_array().unwrap() {
            let m = m.as_str().unwrap();
            // "President Volodymyr Zelenskyy": the title is the role, the name the mention.
            let found = texts.iter().any(|t| {
                m.ends_with(t) && (t.len() == m.len() || m[..m.len() - t.len()].ends_with(' '))
            });
            assert!(found, "{}: mention {m:?} not among {texts:?}", e.canonical);
        }
        if let Some(country) = want.get("country").and_then(|c| c.as_str()) {
            assert_eq!(e.country.as_deref(), Some(country), "{}", e.canonical);
        }
        if let Some(role) = want.get("role").and_then(|r| r.as_str()) {
            // The text never writes "of Ukraine" after "President": only the title is required.
            let got = e
                .role
                .as_deref()
                .unwrap_or_else(|| panic!("{} has no role", e.canonical));
            let head = role.split(" of ").next().unwrap();
            assert!(
                got == role || got.starts_with(head) || role.starts_with(got),
                "{}: role {got:?}, want {role:?}",
                e.canonical
            );
        }
    }
}

#[test]
fn zelenskyy_chain_and_roles() {
    let (doc, layer) = seed();
    let z = find(&layer, "Volodymyr Zelenskyy");
    assert_eq!(z.etype, EntityType::Person);
    assert_eq!(z.role.as_deref(), Some("President"));
    let texts = mention_texts(&doc, &layer, z);
    assert_eq!(texts.iter().filter(|t| **t == "He").count(), 2, "{texts:?}");
    assert!(
        texts.contains(&"the president") && texts.contains(&"Zelenskyy"),
        "{texts:?}"
    );
    let kinds: Vec<MentionKind> = z.mentions.iter().map(|&m| layer.mentions[m].kind).collect();
    assert!(kinds.contains(&MentionKind::Pronoun) && kinds.contains(&MentionKind::Nominal));
    // "he could not confirm" is Austin, the nearest man, not Zelenskyy.
    let austin = find(&layer, "Lloyd Austin");
    assert_eq!(mention_texts(&doc, &layer, austin), ["Lloyd Austin", "he"]);
    assert_eq!(austin.role.as_deref(), Some("US Defence Secretary"));
    // the country a role names is the office holder's
    assert_eq!(austin.country.as_deref(), Some("United States"));
    let budanov = find(&layer, "Kyrylo Budanov");
    assert_eq!(
        budanov.role.as_deref(),
        Some("Chief of Defence Intelligence of Ukraine")
    );
    let us = find(&layer, "United States");
    assert_eq!(mention_texts(&doc, &layer, us), ["US"]);
}

#[test]
fn groups_and_products() {
    let (doc, layer) = seed();
    let typed = |t: EntityType| -> Vec<&str> {
        layer
            .mentions
            .iter()
            .filter(|m| layer.entities[m.entity].etype == t)
            .map(|m| doc.slice(m.span))
            .collect()
    };
    let norp = typed(EntityType::Norp);
    for n in ["Russians", "Iranians", "North Korean"] {
        assert!(norp.contains(&n), "{n} not NORP: {norp:?}");
    }
    let products = typed(EntityType::Product);
    assert!(products.contains(&"Shaheds"), "{products:?}");
    assert!(!norp.iter().any(|n| n.starts_with("Shahed")));
}

#[test]
fn layer_contract_holds() {
    let (_, layer) = seed();
    for w in layer.mentions.windows(2) {
        assert!(
            w[0].span.end <= w[1].span.start,
            "overlap or disorder: {w:?}"
        );
    }
    for (i, e) in layer.entities.iter().enumerate() {
        assert!(!e.mentions.is_empty());
        assert!(e.mentions.windows(2).all(|w| w[0] < w[1]));
        assert!(e.mentions.iter().all(|&m| layer.mentions[m].entity == i));
    }
}
