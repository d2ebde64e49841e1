//! The stores: idempotent adds, filters, atomicity and clear open errors.
//! Each test runs on SQLite and on PostgreSQL (`store_tests!`).

mod common;

use claimtrail_extract::json::{ArticleJson, ClaimJson, DocumentJson, EntityJson};
use claimtrail_ledger::{AddOutcome, ClaimFilter, LedgerError, SqliteStore};
use common::stores::TestLedger;

store_tests!(
    adds_once_and_filters,
    a_failed_add_leaves_earlier_articles_intact,
    search_documents_and_entities,
    entity_filter_finds_rare_and_common_entities_in_order,
);

fn claim(doc: &str, n: usize, speaker: &str, stance: &str, stated: &str, text: &str) -> ClaimJson {
    ClaimJson {
        id: format!("{doc}-c{n}"),
        speaker: Some("e1".into()),
        speaker_name: Some(speaker.into()),
        speaker_type: Some("PERSON".into()),
        speaker_role: Some("Defence Secretary".into()),
        stance: stance.into(),
        polarity: "positive".into(),
        hedged: false,
        cue: "said".into(),
        text: text.into(),
        start: 0,
        end: text.chars().count(),
        stated: Some(stated.into()),
        stated_in_text: true,
        quantities: vec![],
        timexes: vec![],
        entities: vec!["e2".into()],
        sentence: format!("{speaker} said {text}."),
        sentence_start: 0,
        sentence_end: 10,
        section: None,
    }
}

fn article(id: &str, claims: Vec<ClaimJson>) -> ArticleJson {
    let entity = |id: &str, name: &str, t: &str| EntityJson {
        id: id.into(),
        canonical: name.into(),
        etype: t.into(),
        role: None,
        country: None,
        geonames_id: None,
        mentions: vec![],
    };
    ArticleJson {
        document: DocumentJson {
            id: id.into(),
            title: Some(format!("Article {id}")),
            published: Some("2024-10-20".into()),
            source_line: None,
            url: None,
            outlet: None,
            path: None,
            chars: 10,
            sentences: 1,
        },
        entities: vec![
            entity("e1", "Lloyd Austin", "PERSON"),
            entity("e2", "North Korea", "GPE"),
        ],
        timexes: vec![],
        quantities: vec![],
        quotes: vec![],
        attributions: vec![],
        claims,
    }
}

fn adds_once_and_filters(ledger: &TestLedger) {
    let mut store = ledger.open();
    let a = article(
        "d1",
        vec![
            claim(
                "d1",
                1,
                "Lloyd Austin",
                "cannot_confirm",
                "2024-10-19",
                "troops were sent",
            ),
            claim(
                "d1",
                2,
                "Lloyd Austin",
                "assert",
                "2024-10-17",
                "talks continue",
            ),
        ],
    );
    assert_eq!(
        store.add(&a, "text").unwrap(),
        AddOutcome::Added { claims: 2 }
    );
    assert_eq!(store.add(&a, "text").unwrap(), AddOutcome::AlreadyPresent);
    assert_eq!(store.stats().unwrap().claims, 2);

    let all = store.claims(&ClaimFilter::default()).unwrap();
    let dates: Vec<_> = all
        .iter()
        .map(|c| c.claim.stated.clone().unwrap())
        .collect();
    assert_eq!(
        dates,
        ["2024-10-17", "2024-10-19"],
        "ordered by statement date"
    );

    let f = |f: ClaimFilter| store.claims(&f).unwrap().len();
    assert_eq!(
        f(ClaimFilter {
            stance: Some("cannot_confirm".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(ClaimFilter {
            speaker: Some("austin".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        f(ClaimFilter {
            speaker: Some("secretary".into()),
            ..Default::default()
        }),
        0,
        "a word of a role names no speaker"
    );
    assert_eq!(
        f(ClaimFilter {
            speaker: Some("aust".into()),
            ..Default::default()
        }),
        0,
        "nor does a part of a name"
    );
    assert_eq!(
        f(ClaimFilter {
            speaker: Some("Budanov".into()),
            ..Default::default()
        }),
        0
    );
    assert_eq!(
        f(ClaimFilter {
            entity: Some("north korea".into()),
            ..Default::default()
        }),
        2
    );
    assert_eq!(
        f(ClaimFilter {
            since: Some("2024-10-18".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(ClaimFilter {
            until: Some("2024-10-18".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(ClaimFilter {
            text: Some("troops sent".into()),
            ..Default::default()
        }),
        1
    );
    assert_eq!(
        f(ClaimFilter {
            text: Some("100%".into()),
            ..Default::default()
        }),
        0,
        "wildcards are literal"
    );
    assert_eq!(store.timeline("Lloyd").unwrap().len(), 2);
    let (back, text) = store.document("d1").unwrap().unwrap();
    assert_eq!((back, text.as_str()), (a, "text"));
}

fn a_failed_add_leaves_earlier_articles_intact(ledger: &TestLedger) {
    {
        let mut store = ledger.open();
        store
            .add(
                &article("d1", vec![claim("d1", 1, "A", "assert", "2024-10-01", "x")]),
                "one",
            )
            .unwrap();
        // Two claims with one id: the insert fails half-way through the article.
        let bad = article(
            "d2",
            vec![
                claim("d2", 1, "B", "assert", "2024-10-02", "y"),
                claim("d2", 1, "B", "assert", "2024-10-02", "y"),
            ],
        );
        assert!(store.add(&bad, "two").is_err());
    }
    let store = ledger.open();
    let stats = store.stats().unwrap();
    assert_eq!((stats.documents, stats.claims), (1, 1));
    assert!(store.document("d2").unwrap().is_none());
}

#[test]
fn open_errors_name_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("no/such/folder/ledger.db");
    let err = SqliteStore::open(&missing).err().unwrap();
    assert!(matches!(err, LedgerError::Open { .. }));
    assert!(err.to_string().contains("folder does not exist"), "{err}");

    let not_db = dir.path().join("notes.txt");
    std::fs::write(
        &not_db,
        "this is not a database at all, just some text that is long enough",
    )
    .unwrap();
    let err = SqliteStore::open(&not_db).err().unwrap();
    assert!(
        err.to_string().contains("not a claimtrail database"),
        "{err}"
    );

    let err = SqliteStore::open(dir.path()).err().unwrap();
    assert!(err.to_string().contains("is a folder"), "{err}");
}

fn search_documents_and_entities(ledger: &TestLedger) {
    let mut store = ledger.open();
    store
        .add(
            &article(
                "d1",
                vec![claim(
                    "d1",
                    1,
                    "Lloyd Austin",
                    "cannot_confirm",
                    "2024-10-19",
                    "troops were sent to Russia",
                )],
            ),
            "Austin could not confirm that troops were sent.",
        )
        .unwrap();
    store
        .add(&article("d2", vec![]), "Markets rallied on Tuesday.")
        .unwrap();

    let hits = store.search("troop russia", 10).unwrap();
    assert_eq!(hits.claims.len(), 1, "stemmed words match");
    assert_eq!(hits.documents.len(), 0, "document text lacks 'Russia'");
    assert_eq!(store.search("markets", 10).unwrap().documents.len(), 1);
    // Each store's documented semantics (docs/ledger.md): PostgreSQL's
    // English configuration drops stop words, SQLite's porter tokenizer
    // keeps them.
    let stop_words = store.search("that were", 10).unwrap().documents.len();
    assert_eq!(stop_words, if ledger.postgres { 0 } else { 1 });
    for hostile in ["\"", "a OR", "NEAR(", "*", "-x", ""] {
        assert!(
            store.search(hostile, 10).is_ok(),
            "query {hostile:?} must not be FTS syntax"
        );
    }

    let docs = store.documents(10, 0).unwrap();
    assert_eq!(docs.len(), 2);
    assert_eq!(docs.iter().map(|d| d.claims).sum::<usize>(), 1);

    let entities = store.entities("korea", 10, 0).unwrap();
    assert_eq!(entities.len(), 1);
    assert_eq!(
        (
            entities[0].canonical.as_str(),
            entities[0].documents,
            entities[0].claims
        ),
        ("North Korea", 2, 1)
    );
}

fn entity_filter_finds_rare_and_common_entities_in_order(ledger: &TestLedger) {
    let mut store = ledger.open();
    let mut claims: Vec<ClaimJson> = (1..=100)
        .map(|n| {
            claim(
                "d1",
                n,
                "A",
                "assert",
                &format!("2024-01-{:02}", n % 28 + 1),
                "x",
            )
        })
        .collect();
    claims[41].entities = vec!["e3".into()];
    let mut a = article("d1", claims);
    a.entities.push(EntityJson {
        id: "e3".into(),
        canonical: "Iran".into(),
        etype: "GPE".into(),
        role: None,
        country: None,
        geonames_id: None,
        mentions: vec![],
    });
    store.add(&a, "text").unwrap();
    let by = |name: &str| {
        store
            .claims(&ClaimFilter {
                entity: Some(name.into()),
                limit: Some(500),
                ..Default::default()
            })
            .unwrap()
    };
    let rare = by("iran");
    assert_eq!(
        rare.iter().map(|c| c.claim.id.as_str()).collect::<Vec<_>>(),
        ["d1-c42"]
    );
    let common = by("north korea");
    assert_eq!(common.len(), 99);
    let dates: Vec<_> = common.iter().map(|c| c.claim.stated.clone()).collect();
    assert!(dates.windows(2).all(|w| w[0] <= w[1]), "in statement order");
}
