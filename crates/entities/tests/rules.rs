//! Roles, "X's Y" organisations and coreference on sentences other than the seed.
use claimtrail_entities::{Entity, EntityLayer, EntityType};
use claimtrail_text::Document;
use proptest::prelude::*;

mod common;
use common::{entity, recognize as run};

fn texts<'a>(doc: &'a Document, layer: &EntityLayer, e: &Entity) -> Vec<&'a str> {
    e.mentions
        .iter()
        .map(|&m| doc.slice(layer.mentions[m].span))
        .collect()
}

#[test]
fn title_before_name() {
    let (_, l) = run("Russian Foreign Minister Sergei Lavrov met Chinese officials on Monday.");
    let p = entity(&l, "Sergei Lavrov");
    assert_eq!(p.etype, EntityType::Person);
    assert_eq!(p.role.as_deref(), Some("Russian Foreign Minister"));
    let (_, l) = run("The talks were led by former prime minister Boris Johnson.");
    assert_eq!(
        entity(&l, "Boris Johnson").role.as_deref(),
        Some("former prime minister")
    );
}

#[test]
fn appositive_role() {
    let (_, l) =
        run("Jens Stoltenberg, Secretary General of NATO, said the alliance would respond.");
    let p = entity(&l, "Jens Stoltenberg");
    assert_eq!(p.role.as_deref(), Some("Secretary General of NATO"));
    assert_eq!(entity(&l, "NATO").etype, EntityType::Org);
}

#[test]
fn possessive_organisation_gets_country() {
    let (doc, l) = run(
        "Japan's Ministry of Foreign Affairs protested. Later, France's Foreign Ministry replied.",
    );
    let m = entity(&l, "Ministry of Foreign Affairs");
    assert_eq!(
        (m.etype, m.country.as_deref()),
        (EntityType::Org, Some("Japan"))
    );
    assert_eq!(
        entity(&l, "Foreign Ministry").country.as_deref(),
        Some("France")
    );
    assert_eq!(texts(&doc, &l, entity(&l, "Japan")), ["Japan"]);
}

#[test]
fn pronouns_follow_gender_and_recency() {
    let text = "Angela Merkel met Emmanuel Macron in Paris. She praised the deal. He said Merkel was right.";
    let (doc, l) = run(text);
    assert_eq!(
        texts(&doc, &l, entity(&l, "Angela Merkel")),
        ["Angela Merkel", "She", "Merkel"]
    );
    assert_eq!(
        texts(&doc, &l, entity(&l, "Emmanuel Macron")),
        ["Emmanuel Macron", "He"]
    );
    assert_eq!(entity(&l, "Paris").etype, EntityType::Gpe);
}

#[test]
fn weapons_are_products_not_groups() {
    let (doc, l) = run(
        "Ukraine received F-16 jets and HIMARS launchers, while Russia fired Iskander missiles.",
    );
    let products: Vec<&str> = l
        .mentions
        .iter()
        .filter(|m| l.entities[m.entity].etype == EntityType::Product)
        .map(|m| doc.slice(m.span))
        .collect();
    assert_eq!(products, ["F-16", "HIMARS", "Iskander"]);
}

#[test]
fn aliases_share_one_entity() {
    let (doc, l) = run("The US and the DPRK met. The United States said North Korea agreed.");
    assert_eq!(
        texts(&doc, &l, entity(&l, "United States")),
        ["US", "United States"]
    );
    assert_eq!(
        texts(&doc, &l, entity(&l, "North Korea")),
        ["DPRK", "North Korea"]
    );
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let (_, l) = run(&text);
        for w in l.mentions.windows(2) {
            prop_assert!(w[0].span.end <= w[1].span.start);
        }
    }

    #[test]
    fn name_like_text_never_panics(words in prop::collection::vec("(President|the|he|She|of|'s|,|Ministry|US|[A-Z][a-z]{1,6}|[a-z]{1,5}|F-16|\\.)", 0..60)) {
        let text = words.join(" ");
        let (_, l) = run(&text);
        prop_assert!(l.mentions.iter().all(|m| m.entity < l.entities.len()));
    }
}

#[test]
fn clubs_named_after_cities_in_sports_reports() {
    let text = "Results of English league matches on Saturday:\n\nArsenal 2 Derby 2\n\nBlackburn 0 Everton 2\n\nLeeds 0 Coventry 0\n\nThe match in Leeds drew 30,000 fans.";
    let (doc, l) = run(text);
    let typed = |w: &str| -> Vec<EntityType> {
        l.mentions
            .iter()
            .filter(|m| doc.slice(m.span) == w)
            .map(|m| l.entities[m.entity].etype)
            .collect()
    };
    assert_eq!(typed("Blackburn"), [EntityType::Org]);
    let (doc2, l2) = run("Dutch league results:\n\nFeyenoord 2 Ajax 1\n\nTwente 0 Vitesse 3\n\nNetherlands 1 Belgium 0");
    let side = |w: &str| {
        l2.mentions
            .iter()
            .find(|m| doc2.slice(m.span) == w)
            .map(|m| l2.entities[m.entity].etype)
    };
    assert_eq!(side("Feyenoord"), Some(EntityType::Org));
    assert_eq!(side("Vitesse"), Some(EntityType::Org));
    assert_eq!(
        side("Belgium"),
        Some(EntityType::Gpe),
        "national sides keep their place type"
    );
    assert_eq!(typed("Derby"), [EntityType::Org]);
    // "in Leeds" is the place, the results line the club
    assert_eq!(typed("Leeds"), [EntityType::Org, EntityType::Gpe]);
    // outside sports, a city is a place
    let (doc, l) = run("Roads in Leeds and Derby were closed after the storm.");
    let types: Vec<EntityType> = l
        .mentions
        .iter()
        .map(|m| l.entities[m.entity].etype)
        .collect();
    assert_eq!(
        types,
        [EntityType::Gpe, EntityType::Gpe],
        "{:?}",
        l.mentions
            .iter()
            .map(|m| doc.slice(m.span))
            .collect::<Vec<_>>()
    );
}

#[test]
fn one_type_per_name_in_a_document() {
    let (doc, l) =
        run("Shares of Cisco Systems rose on Monday. Analysts said Cisco had paid too much.");
    let cisco: Vec<(&str, EntityType)> = l
        .mentions
        .iter()
        .map(|m| (doc.slice(m.span), l.entities[m.entity].etype))
        .collect();
    assert_eq!(
        cisco,
        [
            ("Cisco Systems", EntityType::Org),
            ("Cisco", EntityType::Org)
        ]
    );
    assert_eq!(
        l.entities.len(),
        1,
        "the acronym-free short name joins its organisation"
    );
}

#[test]
fn titles_alone_are_not_people() {
    let (doc, l) = run("Source: President's evening address.\n\nThe Defence Secretary said the Prime Minister agreed.");
    let people: Vec<&str> = l
        .mentions
        .iter()
        .filter(|m| l.entities[m.entity].etype == EntityType::Person)
        .map(|m| doc.slice(m.span))
        .collect();
    assert!(people.is_empty(), "{people:?}");
}

#[test]
fn organisations_with_and_inside() {
    let (_, l) = run("The Food and Drug Administration approved the drug. The Department of Health and Human Services said so. The Securities and Exchange Commission will act.");
    for name in [
        "Food and Drug Administration",
        "Department of Health and Human Services",
        "Securities and Exchange Commission",
    ] {
        assert_eq!(entity(&l, name).etype, EntityType::Org, "{name}");
    }
    // two names joined by "and" stay two
    let (_, l) = run("Shares of British Airways Plc and AMR Corp rose. Lord Diplock and Browning and War Office officials met.");
    entity(&l, "British Airways Plc");
    entity(&l, "AMR Corp");
    assert!(
        l.entities.iter().all(|e| !e.canonical.contains(" and ")),
        "{:?}",
        l.entities.iter().map(|e| &e.canonical).collect::<Vec<_>>()
    );
}

#[test]
fn korean_alone_names_no_state() {
    let (_, l) =
        run("North Korea's army, the Korean People's Army, fired. South Korean officials said so.");
    assert_eq!(entity(&l, "Korean People's Army").country.as_deref(), None);
    assert_eq!(
        entity(&l, "South Korean").country.as_deref(),
        Some("South Korea")
    );
}

#[test]
fn a_state_outranks_a_town_of_the_same_name_abroad() {
    let (_, l) = run("He flew back from Florida. Officials in Ontario agreed.");
    assert_eq!(
        entity(&l, "Florida").country.as_deref(),
        Some("United States")
    );
    assert_eq!(entity(&l, "Ontario").country.as_deref(), Some("Canada"));
}

#[test]
fn company_words_of_technology_firms() {
    let (_, l) = run("Orion Corp is in talks to buy chipmaker Lumen Semiconductor. Vega Therapeutics and Atlas Robotics fell.");
    for name in ["Lumen Semiconductor", "Vega Therapeutics", "Atlas Robotics"] {
        assert_eq!(entity(&l, name).etype, EntityType::Org, "{name}");
    }
}

#[test]
fn a_company_named_like_a_town_abroad_gets_no_country() {
    let (_, l) = run("Orion Corp is in talks to buy a chipmaker. Orion declined to comment.");
    let e = entity(&l, "Orion Corp");
    assert_eq!(e.country, None, "{e:?}");
}

#[test]
fn a_surname_that_is_a_town_gives_no_country() {
    let (_, l) = run("John Parker, 45, denied the charges. Parker was released on bail.");
    let e = entity(&l, "John Parker");
    assert_eq!(e.country, None, "{e:?}");
    let (_, l) = run("US Defence Secretary Lloyd Austin said it. Austin left.");
    assert_eq!(
        entity(&l, "Lloyd Austin").country.as_deref(),
        Some("United States")
    );
}

#[test]
fn organisations_as_they_and_the_company() {
    let (doc, l) = run("Airbus said on Monday that the company would build the jet in Toulouse. Boeing and Airbus said they would cut prices.");
    let airbus = entity(&l, "Airbus");
    let found = texts(&doc, &l, airbus);
    assert!(found.contains(&"the company"), "{found:?}");
    assert!(found.contains(&"they"), "{found:?}");
    // "they" two sentences after the organisation is left alone
    let (doc, l) = run("Airbus won the order. The pilots were pleased. They said so.");
    let found = texts(&doc, &l, entity(&l, "Airbus"));
    assert!(!found.contains(&"They"), "{found:?}");
    // "the company" is no army or ministry
    let (doc, l) =
        run("The Korean People's Army fired two shells. The company said the plant was closed.");
    for e in &l.entities {
        assert!(
            !texts(&doc, &l, e).contains(&"The company"),
            "{:?}",
            e.canonical
        );
    }
}
