//! Place typing from context and place resolution, on sentences written for
//! these tests.
use claimtrail_entities::{geonames_id, EntityLayer, EntityType};

mod common;
use common::entity;

fn run(text: &str) -> EntityLayer {
    common::recognize(text).1
}

#[test]
fn administrative_areas_are_places() {
    let l = run(
        "Flooding closed roads across Harlan County and the Western District on \
         Tuesday, and officials in Kherson Oblast and Anbar Province sent crews.",
    );
    for name in [
        "Harlan County",
        "Western District",
        "Kherson Oblast",
        "Anbar Province",
    ] {
        assert_eq!(entity(&l, name).etype, EntityType::Gpe, "{name}");
    }
    // an area "of" a place is no titled person, and the place stays a place
    // in the rest of the document ("a Denver man")
    let l = run(
        "Prosecutors in the Northern District of Colorado charged a Denver man, and \
         the Western District of Utah charged a Provo woman.",
    );
    for name in ["Northern District", "Western District"] {
        assert_eq!(entity(&l, name).etype, EntityType::Gpe, "{name}");
    }
    for name in ["Colorado", "Denver", "Utah", "Provo"] {
        assert!(
            matches!(entity(&l, name).etype, EntityType::Gpe | EntityType::Loc),
            "{name}"
        );
    }
}

#[test]
fn a_town_takes_the_country_of_the_other_places() {
    // "Hamilton" alone is the Canadian city, the most populous of the name
    let l = run("The council in Hamilton approved the budget on Monday.");
    assert_eq!(entity(&l, "Hamilton").country.as_deref(), Some("Canada"));
    let l = run(
        "The council in Hamilton approved the budget on Monday, and the mayors of \
         Auckland and Wellington said New Zealand would share the cost.",
    );
    assert_eq!(
        entity(&l, "Hamilton").country.as_deref(),
        Some("New Zealand")
    );
    let l = run(
        "Rail links between Perth, Glasgow and Edinburgh reopened, Scottish \
         ministers said, after storms across Scotland.",
    );
    assert_eq!(
        entity(&l, "Perth").country.as_deref(),
        Some("United Kingdom")
    );
}

#[test]
fn a_small_foreign_namesake_is_dropped() {
    let l = run(
        "A Palm Beach man was arrested in Miami on Friday. Police in Orlando and \
         Tampa said Florida would ask for his extradition from Texas.",
    );
    let p = entity(&l, "Palm Beach");
    assert!(matches!(p.etype, EntityType::Gpe | EntityType::Loc));
    assert_ne!(p.country.as_deref(), Some("Australia"));
    assert_eq!(geonames_id(p), None);
}

#[test]
fn places_carry_their_geonames_id() {
    let l = run("Ministers met in Paris on Monday before flying to Kenya.");
    let paris = entity(&l, "Paris");
    assert_eq!(paris.country.as_deref(), Some("France"));
    assert_eq!(geonames_id(paris), Some(2988507));
    let kenya = entity(&l, "Kenya");
    assert_eq!(kenya.country.as_deref(), Some("Kenya"));
    assert!(geonames_id(kenya).is_some());
}

#[test]
fn a_surname_is_a_place_only_with_place_context() {
    let l = run("The vote was close, Kennedy told reporters on Tuesday.");
    assert!(l
        .entities
        .iter()
        .filter(|e| e.canonical.contains("Kennedy"))
        .all(|e| e.etype == EntityType::Person));
    let l = run("Aid trucks reached families in Kennedy, a district of Bogota, on Tuesday.");
    assert!(matches!(
        entity(&l, "Kennedy").etype,
        EntityType::Gpe | EntityType::Loc
    ));
}
