//! Word classes the entity rules consult by what the words mean: nouns for
//! kinds of organisation, settlements and regions, title genders, pronouns,
//! sports words.
//!
//! Each class is defined once, in one of the commented files under
//! `models/lexicon/` ([`FILES`]), as rows of `class<TAB>words`: the class's
//! name (its [`Class`] variant in snake case) and words separated by spaces;
//! several rows may add to one class. A rule asks [`is`] with the token's
//! text or its normalised form, as it compares words; the classes shared by
//! several stages (months, prepositions, determiners, ...) are not here but
//! in the text crate (`claimtrail_text::words`).

use crate::fxhash::FastMap;
use std::sync::OnceLock;

/// A class of words (the row label in its data file is the name in snake case).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    OrgDescriptor,
    CompanyNoun,
    BusinessNoun,
    StaffNoun,
    SaidVerb,
    CompanyPronoun,
    CompanyReport,
    CompanyPossession,
    StakeNoun,
    LegalForm,
    PublicBodyWord,
    InstitutionNoun,
    OrgNameOpener,
    GroupPossessor,
    LanguageNoun,
    SettlementNoun,
    RegionNoun,
    LocativePreposition,
    MaleTitle,
    FemaleTitle,
    RoleModifier,
    NominalModifier,
    AgentSuffix,
    SurnameEnding,
    SurnamePrefix,
    NameParticle,
    NameConnector,
    OrganisationConnector,
    MalePronoun,
    FemalePronoun,
    NeuterPronoun,
    PluralPronoun,
    SportsWord,
    SlugSport,
    TeamMember,
    TeamWord,
    ScoringVerb,
    ScorecardMark,
    FixtureMark,
    SectionLabelWord,
    NotDesignation,
    CurrencyCode,
    RoleJoiner,
    InitialsSkipped,
}

impl Class {
    pub const ALL: [Class; 44] = [
        Class::OrgDescriptor,
        Class::CompanyNoun,
        Class::BusinessNoun,
        Class::StaffNoun,
        Class::SaidVerb,
        Class::CompanyPronoun,
        Class::CompanyReport,
        Class::CompanyPossession,
        Class::StakeNoun,
        Class::LegalForm,
        Class::PublicBodyWord,
        Class::InstitutionNoun,
        Class::OrgNameOpener,
        Class::GroupPossessor,
        Class::LanguageNoun,
        Class::SettlementNoun,
        Class::RegionNoun,
        Class::LocativePreposition,
        Class::MaleTitle,
        Class::FemaleTitle,
        Class::RoleModifier,
        Class::NominalModifier,
        Class::AgentSuffix,
        Class::SurnameEnding,
        Class::SurnamePrefix,
        Class::NameParticle,
        Class::NameConnector,
        Class::OrganisationConnector,
        Class::MalePronoun,
        Class::FemalePronoun,
        Class::NeuterPronoun,
        Class::PluralPronoun,
        Class::SportsWord,
        Class::SlugSport,
        Class::TeamMember,
        Class::TeamWord,
        Class::ScoringVerb,
        Class::ScorecardMark,
        Class::FixtureMark,
        Class::SectionLabelWord,
        Class::NotDesignation,
        Class::CurrencyCode,
        Class::RoleJoiner,
        Class::InitialsSkipped,
    ];

    fn bit(self) -> u64 {
        1 << self as u32
    }

    /// The class's row label: the variant in snake case ("org_descriptor").
    pub fn name(self) -> String {
        let mut out = String::new();
        for (i, c) in format!("{self:?}").chars().enumerate() {
            if c.is_uppercase() && i > 0 {
                out.push('_');
            }
            out.extend(c.to_lowercase());
        }
        out
    }
}

/// The class files: name under `models/lexicon/` and text.
pub const FILES: [(&str, &str); 6] = [
    (
        "organisation_cues.tsv",
        include_str!("../../models/lexicon/organisation_cues.tsv"),
    ),
    (
        "place_cues.tsv",
        include_str!("../../models/lexicon/place_cues.tsv"),
    ),
    (
        "person_cues.tsv",
        include_str!("../../models/lexicon/person_cues.tsv"),
    ),
    (
        "pronouns.tsv",
        include_str!("../../models/lexicon/pronouns.tsv"),
    ),
    (
        "sports_words.tsv",
        include_str!("../../models/lexicon/sports_words.tsv"),
    ),
    (
        "name_shapes.tsv",
        include_str!("../../models/lexicon/name_shapes.tsv"),
    ),
];

/// The parsed classes: each word's class bits, and each class's words in file order.
#[derive(Debug, Default)]
pub struct Table {
    bits: FastMap<&'static str, u64>,
    members: Vec<Vec<&'static str>>,
}

/// One data row: its class and words.
pub struct Row {
    pub class: Class,
    pub words: Vec<&'static str>,
}

/// The rows of one class file; a row with an unknown class or no words is an
/// error naming the file and line.
pub fn rows(file: &str, text: &'static str) -> Result<Vec<Row>, String> {
    let names: Vec<(String, Class)> = Class::ALL.iter().map(|&c| (c.name(), c)).collect();
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (label, words) = line.split_once('\t').unwrap_or((line, ""));
        let Some(&(_, class)) = names.iter().find(|(name, _)| name == label) else {
            return Err(format!("{file} line {}: unknown class {label:?}", n + 1));
        };
        let words: Vec<&str> = words.split_whitespace().collect();
        if words.is_empty() {
            return Err(format!("{file} line {}: no words", n + 1));
        }
        out.push(Row { class, words });
    }
    Ok(out)
}

fn build() -> Table {
    let mut t = Table {
        bits: FastMap::default(),
        members: vec![Vec::new(); Class::ALL.len()],
    };
    for (file, text) in FILES {
        // a broken row is reported by the tests (`every_class_row_parses_and_is_used`)
        for row in rows(file, text).unwrap_or_default() {
            for w in row.words {
                *t.bits.entry(w).or_default() |= row.class.bit();
                t.members[row.class as usize].push(w);
            }
        }
    }
    t
}

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(build)
}

/// Whether `w`, exactly as given, is a word of `class`.
#[inline]
pub fn is(w: &str, class: Class) -> bool {
    table().bits.get(w).is_some_and(|b| b & class.bit() != 0)
}

/// The words of `class`, in file order.
pub fn members(class: Class) -> &'static [&'static str] {
    &table().members[class as usize]
}

/// Whether `w` ends with a word of `class` (a class of endings).
pub fn ends_with_any(w: &str, class: Class) -> bool {
    members(class).iter().any(|e| w.ends_with(e))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_class_row_parses_and_is_used() {
        let mut seen = [false; Class::ALL.len()];
        for (file, text) in FILES {
            for row in rows(file, text).unwrap_or_else(|e| panic!("{e}")) {
                seen[row.class as usize] = true;
                for w in row.words {
                    assert!(is(w, row.class), "{file}: {w} not in {:?}", row.class);
                    assert!(members(row.class).contains(&w));
                }
            }
        }
        for c in Class::ALL {
            assert!(seen[c as usize], "class {} has no rows", c.name());
            assert_eq!(Class::ALL[c as usize], c, "Class::ALL out of order");
        }
    }

    #[test]
    fn no_word_is_listed_twice_in_a_class() {
        for c in Class::ALL {
            let m = members(c);
            for (i, w) in m.iter().enumerate() {
                assert!(!m[..i].contains(w), "{w} twice in {}", c.name());
            }
        }
    }

    #[test]
    fn bad_rows_are_errors_naming_the_line() {
        let e = rows("x.tsv", "# c\nno_such_class\tword\n").err();
        assert_eq!(
            e.as_deref(),
            Some("x.tsv line 2: unknown class \"no_such_class\"")
        );
        assert!(rows("x.tsv", "org_descriptor\t\n").is_err());
        assert!(!is("firm", Class::RegionNoun) && is("firm", Class::OrgDescriptor));
        assert!(ends_with_any("gorbachev", Class::SurnameEnding));
    }
}
