//! The cross-document ledger on articles built like the pipeline builds them:
//! the seed article's proposition, links and figure series; canonical
//! entities across spellings; syndicated copies; relays; user decisions.

mod common;

use claimtrail_ledger::{Proposition, Store};
use common::stores::TestLedger;

store_tests!(
    seed_proposition_with_supporters_withholder_and_series,
    shahed_claims_are_not_the_troops_proposition,
    later_reports_join_dispute_and_update,
    syndicated_copy_counts_once_and_repeats,
    relayed_claim_keeps_its_speaker_and_the_relay,
    merge_and_split_are_kept_for_later_documents,
    spelling_variants_and_acronyms_resolve_to_one_entity,
);
use common::{article, claim, ent, Claim, Entity};

fn seed_text() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/seed/zelenskyy-north-korea-address.txt"
    );
    std::fs::read_to_string(path).expect("seed article")
}

fn seed_entities() -> Vec<Entity> {
    vec![
        Entity {
            role: Some("President of Ukraine"),
            ..ent(
                "Volodymyr Zelenskyy",
                "PERSON",
                &["Volodymyr Zelenskyy", "Zelenskyy"],
            )
        },
        Entity {
            role: Some("Chief of Defence Intelligence of Ukraine"),
            ..ent("Kyrylo Budanov", "PERSON", &["Kyrylo Budanov"])
        },
        Entity {
            role: Some("US Defence Secretary"),
            ..ent("Lloyd Austin", "PERSON", &["Lloyd Austin"])
        },
        ent(
            "Ministry of Defence (South Korea)",
            "ORG",
            &["Ministry of Defence"],
        ),
        ent(
            "National Intelligence Service (South Korea)",
            "ORG",
            &["National Intelligence Service"],
        ),
        ent("North Korea", "GPE", &["North Korea"]),
        ent("Russia", "GPE", &["Russia"]),
        ent("Ukraine", "GPE", &["Ukraine"]),
        Entity {
            country: Some("North Korea"),
            ..ent("North Korean", "NORP", &["North Korean"])
        },
        ent("South Korea", "GPE", &["South Korea"]),
        Entity {
            country: Some("Russia"),
            ..ent("Russians", "NORP", &["Russians", "Russian"])
        },
        ent("Shahed", "PRODUCT", &["Shaheds"]),
    ]
}

fn seed_claims() -> Vec<Claim> {
    let (z, budanov, austin, mod_, nis) = (0, 1, 2, 3, 4);
    vec![
        claim(z, "assert", "", "people are being supplied to Russia from North Korea, and these are not just workers for industries, but also military personnel"),
        Claim {
            figures: vec![("6,130", 6130.0, "Shaheds")],
            ..claim(z, "assert", "", "they have launched more than 6,130 Shaheds since the beginning of the year")
        },
        claim(z, "assert", "", "this week alone, the Russians have used these drones against Ukraine daily"),
        claim(z, "urge", "", "partners to enable Ukraine to destroy the storage bases for the Shaheds as well as all the infrastructure supporting their production and logistics"),
        claim(mod_, "predict", "2024-10-08", "North Korea would likely send part of its regular armed forces to Ukraine to support Russia"),
        claim(z, "assert", "2024-10-13", "North Korea was supplying not only weapons but also personnel to Russia's military forces"),
        claim(z, "assert", "2024-10-14", "North Korea’s direct involvement in the war"),
        Claim {
            figures: vec![("10,000", 10_000.0, "North Korean soldiers")],
            ..claim(z, "assert", "2024-10-17", "Russia intends to deploy around 10,000 North Korean soldiers in the war against Ukraine")
        },
        Claim {
            figures: vec![("11,000", 11_000.0, "North Korean infantry troops")],
            ..claim(budanov, "confirm", "2024-10-18", "about 11,000 North Korean infantry troops are currently undergoing training in eastern Russia and will be ready for combat against Ukraine by 1 November")
        },
        Claim {
            figures: vec![("1,500", 1_500.0, "special forces troops")],
            ..claim(nis, "assert", "", "North Korea had already sent 1,500 special forces troops to Russia to assist in the war, and they have arrived in Russian territory")
        },
        claim(austin, "cannot_confirm", "2024-10-19", "reports that North Korea had sent troops to Russia for participation in the war against Ukraine"),
    ]
}

fn seed_store(ledger: &TestLedger) -> Box<dyn Store + Send> {
    let mut store = ledger.open();
    let text = seed_text();
    let a = article(
        "seed",
        "2024-10-20",
        &text,
        &seed_entities(),
        &seed_claims(),
    );
    store.add(&a, &text).unwrap();
    store
}

/// The proposition holding claim `n` of document `doc`.
fn holding<'a>(props: &'a [Proposition], doc: &str, n: usize) -> &'a Proposition {
    let id = format!("{doc}-c{n}");
    props
        .iter()
        .find(|p| p.claims.iter().any(|c| c.record.claim.id == id))
        .unwrap_or_else(|| panic!("no proposition holds {id}"))
}

fn role<'a>(p: &'a Proposition, doc: &str, n: usize) -> Option<&'a str> {
    let id = format!("{doc}-c{n}");
    p.claims
        .iter()
        .find(|c| c.record.claim.id == id)
        .map(|c| c.role.as_str())
}

fn has_link(p: &Proposition, from: &str, kind: &str, to: &str) -> bool {
    p.links
        .iter()
        .any(|l| l.from == from && l.kind == kind && l.to == to)
}

fn seed_proposition_with_supporters_withholder_and_series(ledger: &TestLedger) {
    let store = seed_store(ledger);
    let props = store.story("North Korea", 20).unwrap();
    let p = holding(&props, "seed", 8);
    for n in 6..=10 {
        assert_eq!(
            role(p, "seed", n),
            Some("supports"),
            "claim {n}: {:#?}",
            p.claims
        );
    }
    assert_eq!(role(p, "seed", 11), Some("withholds"));
    for n in [2, 3, 4] {
        assert_eq!(
            role(p, "seed", n),
            None,
            "claim {n} is about Shaheds, not troops"
        );
    }
    assert!(
        has_link(p, "seed-c9", "updates", "seed-c8"),
        "{:#?}",
        p.links
    );
    assert!(
        p.links
            .iter()
            .any(|l| l.from == "seed-c11" && l.kind == "withholds"),
        "{:#?}",
        p.links
    );
    let series = p
        .figures
        .iter()
        .find(|s| s.points.iter().any(|x| x.value == 10_000.0))
        .expect("a series with 10,000");
    let values: Vec<(f64, Option<&str>)> = series
        .points
        .iter()
        .map(|x| (x.value, x.stated.as_deref()))
        .collect();
    assert_eq!(
        values,
        [
            (10_000.0, Some("2024-10-17")),
            (11_000.0, Some("2024-10-18"))
        ]
    );
    let s = series.summary.as_ref().unwrap();
    assert_eq!(
        (s.low, s.best, s.high, s.sources),
        (10_000.0, 10_000.0, 11_000.0, 2)
    );
    assert!(
        p.figures
            .iter()
            .any(|s| s.points.len() == 1 && s.points[0].value == 1_500.0),
        "1,500 already sent is a measure of its own"
    );
    // Three independent supporting speakers at least (Zelenskyy, Budanov, NIS).
    assert!(p.sources.supporting >= 3, "{:?}", p.sources);
    assert_eq!(p.sources.withholding, 1);

    let figures = store.figures("North Korea", 20).unwrap();
    assert!(figures.iter().any(|f| f.points.len() == 2));
}

fn shahed_claims_are_not_the_troops_proposition(ledger: &TestLedger) {
    let store = seed_store(ledger);
    let props = store.story("Shaheds", 20).unwrap();
    let p = holding(&props, "seed", 2);
    assert_eq!(role(p, "seed", 8), None);
}

const FOLLOW_UP: &str = "Pyongyang denied on Monday that it had sent troops to Russia. \
Zelensky said 12,000 North Korean soldiers are now in Russia.";

fn follow_up_entities() -> Vec<Entity> {
    vec![
        ent("Pyongyang", "GPE", &["Pyongyang"]),
        ent("Zelensky", "PERSON", &["Zelensky"]),
        ent("Russia", "GPE", &["Russia"]),
        Entity {
            country: Some("North Korea"),
            ..ent("North Korean", "NORP", &["North Korean"])
        },
    ]
}

fn follow_up(id: &str) -> claimtrail_extract::json::ArticleJson {
    article(
        id,
        "2024-10-21",
        FOLLOW_UP,
        &follow_up_entities(),
        &[
            claim(0, "deny", "2024-10-21", "it had sent troops to Russia"),
            Claim {
                figures: vec![("12,000", 12_000.0, "North Korean soldiers")],
                ..claim(
                    1,
                    "assert",
                    "2024-10-21",
                    "12,000 North Korean soldiers are now in Russia",
                )
            },
        ],
    )
}

fn later_reports_join_dispute_and_update(ledger: &TestLedger) {
    let mut store = seed_store(ledger);
    store.add(&follow_up("later"), FOLLOW_UP).unwrap();
    let props = store.story("North Korea", 20).unwrap();
    let p = holding(&props, "seed", 8);
    assert_eq!(role(p, "later", 1), Some("disputes"), "{:#?}", p.claims);
    assert_eq!(role(p, "later", 2), Some("supports"));
    assert!(p
        .links
        .iter()
        .any(|l| l.from == "later-c1" && l.kind == "disputes"));
    assert!(
        has_link(p, "later-c2", "updates", "seed-c9"),
        "{:#?}",
        p.links
    );
    // "Zelensky" is the seed's "Volodymyr Zelenskyy"; "Pyongyang" speaking is the state.
    let z = &p
        .claims
        .iter()
        .find(|c| c.record.claim.id == "later-c2")
        .unwrap();
    let z8 = &p
        .claims
        .iter()
        .find(|c| c.record.claim.id == "seed-c8")
        .unwrap();
    assert_eq!(z.speaker_entity, z8.speaker_entity);
    let nk = store.canonical_entities("North Korea", 10, 0).unwrap();
    let state = nk.iter().find(|e| e.name == "North Korea").unwrap();
    assert!(state.documents >= 2, "{nk:#?}");
    let zel = store.canonical_entities("Zelensk", 10, 0).unwrap();
    assert_eq!(zel.len(), 1, "{zel:#?}");
    assert_eq!(zel[0].name, "Volodymyr Zelenskyy");
    assert!(zel[0].aliases.iter().any(|a| a == "Zelensky"));
    assert_eq!(zel[0].roles[0].role, "President of Ukraine");
}

fn syndicated_copy_counts_once_and_repeats(ledger: &TestLedger) {
    let mut store = seed_store(ledger);
    store.add(&follow_up("wire"), FOLLOW_UP).unwrap();
    let copy_text = format!("By Staff Reporter. {FOLLOW_UP} Read more on our site.");
    let mut copy = follow_up("copy");
    // Offsets of the copy shift by the byline; the ledger does not need them.
    // Published on the same day, the group's origin would be the smaller id
    // ("copy"): republished a day later, the wire stays the origin.
    copy.document.title = Some("Republished".into());
    copy.document.published = Some("2024-10-22".into());
    store.add(&copy, &copy_text).unwrap();
    let copies = store.copies("copy").unwrap();
    assert_eq!(
        copies.iter().map(|d| d.id.as_str()).collect::<Vec<_>>(),
        ["wire", "copy"]
    );
    let props = store.story("North Korea", 20).unwrap();
    let p = holding(&props, "seed", 8);
    assert!(
        has_link(p, "copy-c2", "repeats", "wire-c2"),
        "{:#?}",
        p.links
    );
    let origins: Vec<&str> = p
        .claims
        .iter()
        .filter(|c| c.record.document.id == "copy")
        .map(|c| c.origin.as_str())
        .collect();
    assert_eq!(origins, ["wire", "wire"]);
    let sources = store.sources("North Korea", 20).unwrap();
    let wire = sources
        .reports
        .iter()
        .find(|r| r.origin.id == "wire")
        .unwrap();
    assert_eq!(wire.copies.len(), 1);
}

fn relayed_claim_keeps_its_speaker_and_the_relay(ledger: &TestLedger) {
    let text = "Reuters reported that the ministry said 3,000 troops had arrived in Russia.";
    let entities = [
        ent("Reuters", "ORG", &["Reuters"]),
        ent("Russia", "GPE", &["Russia"]),
    ];
    let claims = [
        claim(
            0,
            "assert",
            "2024-10-22",
            "the ministry said 3,000 troops had arrived in Russia",
        ),
        Claim {
            speaker: None,
            speaker_name: "the ministry",
            ..claim(
                0,
                "assert",
                "2024-10-22",
                "3,000 troops had arrived in Russia",
            )
        },
    ];
    let mut store = ledger.open();
    store
        .add(
            &article("relay", "2024-10-22", text, &entities, &claims),
            text,
        )
        .unwrap();
    let props = store.story("troops Russia", 20).unwrap();
    let p = holding(&props, "relay", 2);
    let inner = p
        .claims
        .iter()
        .find(|c| c.record.claim.id == "relay-c2")
        .unwrap();
    assert_eq!(inner.relay.as_deref(), Some("Reuters"));
    assert_eq!(inner.role, "supports");
    assert_eq!(role(p, "relay", 1), Some("relays"));
    assert_eq!(p.sources.supporting, 1, "the relay is not a second source");
}

fn merge_and_split_are_kept_for_later_documents(ledger: &TestLedger) {
    let text_a = "Kim Yo Jong said the balloons would continue.";
    let text_b = "Kim Yo-jong said the balloons would continue.";
    let a = article(
        "a",
        "2024-06-01",
        text_a,
        &[ent("Kim Yo Jong", "PERSON", &["Kim Yo Jong"])],
        &[claim(0, "assert", "", "the balloons would continue")],
    );
    let b = article(
        "b",
        "2024-06-02",
        text_b,
        &[ent("Kim Yo-jong", "PERSON", &["Kim Yo-jong"])],
        &[claim(0, "assert", "", "the balloons would continue")],
    );
    let mut store = ledger.open();
    store.add(&a, text_a).unwrap();
    store.add(&b, text_b).unwrap();
    let before = store.canonical_entities("Kim Yo", 10, 0).unwrap();
    assert_eq!(
        before.len(),
        2,
        "hyphenated spelling is another key: {before:#?}"
    );
    let d = store.merge_entities("Kim Yo-jong", "Kim Yo Jong").unwrap();
    assert!(d.entity.decided);
    assert_eq!(store.canonical_entities("Kim Yo", 10, 0).unwrap().len(), 1);

    // A later document with the merged spelling follows the decision.
    let text_c = "Kim Yo-jong warned of new launches.";
    let c = article(
        "c",
        "2024-06-03",
        text_c,
        &[ent("Kim Yo-jong", "PERSON", &["Kim Yo-jong"])],
        &[claim(0, "assert", "", "warned of new launches")],
    );
    store.add(&c, text_c).unwrap();
    let after = store.canonical_entities("Kim Yo", 10, 0).unwrap();
    assert_eq!(after.len(), 1, "{after:#?}");
    assert_eq!(after[0].documents, 3);

    // Splitting the spelling off again moves its documents, now and later.
    store.split_entity("Kim Yo Jong", "Kim Yo-jong").unwrap();
    let split = store.canonical_entities("Kim Yo", 10, 0).unwrap();
    assert_eq!(split.len(), 2, "{split:#?}");
    let text_d = "Kim Yo-jong spoke again.";
    let d = article(
        "d",
        "2024-06-04",
        text_d,
        &[ent("Kim Yo-jong", "PERSON", &["Kim Yo-jong"])],
        &[claim(0, "assert", "", "spoke again")],
    );
    store.add(&d, text_d).unwrap();
    let hyphen = store
        .canonical_entities("Kim Yo-jong", 10, 0)
        .unwrap()
        .into_iter()
        .find(|e| e.name == "Kim Yo-jong")
        .unwrap();
    assert_eq!(hyphen.documents, 3, "b, c and the later d: {hyphen:#?}");
    assert!(store.merge_entities("nobody", "Kim Yo Jong").is_err());
}

fn spelling_variants_and_acronyms_resolve_to_one_entity(ledger: &TestLedger) {
    let mut store = ledger.open();
    let docs: [(&str, &str, &'static [&'static str], &str); 5] = [
        (
            "v1",
            "Volodymyr Zelenskyy spoke.",
            &["Volodymyr Zelenskyy"],
            "PERSON",
        ),
        ("v2", "Zelenskiy spoke.", &["Zelenskiy"], "PERSON"),
        (
            "v3",
            "Wolodymyr Selenskyj spoke.",
            &["Wolodymyr Selenskyj"],
            "PERSON",
        ),
        (
            "o1",
            "The National Intelligence Service spoke.",
            &["National Intelligence Service"],
            "ORG",
        ),
        ("o2", "The NIS spoke.", &["NIS"], "ORG"),
    ];
    for (id, text, names, t) in docs {
        let a = article(
            id,
            "2024-10-01",
            text,
            &[ent(names[0], t, names)],
            &[claim(0, "assert", "", "spoke")],
        );
        store.add(&a, text).unwrap();
    }
    let z = store.canonical_entities("Zelensk", 10, 0).unwrap();
    assert_eq!(z.len(), 1, "{z:#?}");
    assert_eq!(z[0].documents, 2);
    // Another transliteration school (Selenskyj) is not guessed.
    assert_eq!(
        store.canonical_entities("Selenskyj", 10, 0).unwrap().len(),
        1
    );
    let nis = store.canonical_entities("Intelligence", 10, 0).unwrap();
    assert_eq!(nis.len(), 1);
    assert_eq!(nis[0].documents, 2, "{nis:#?}");
}
