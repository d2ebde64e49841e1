//! The word lists the entity stages consult: places, nationalities, given names,
//! surnames, titles, organisation words, products.
//!
//! All lists are small text files under `models/lexicon/`, embedded in the binary
//! and parsed once. Phrases are looked up by their normalised token sequence
//! (see [`norm`]), so "South Korea’s" and "SOUTH KOREA" find the same entry.

use crate::fxhash::{FastMap as HashMap, FastSet as HashSet};
use claimtrail_text::words::{self, WordClass};

pub mod classes;

/// What a lexicon phrase names.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PhraseKind {
    Country,
    City,
    Nationality,
    Location,
    Product,
    Organisation,
}

/// One phrase entry: its kind and the canonical name it stands for.
#[derive(Clone, Debug)]
pub struct Phrase {
    pub kind: PhraseKind,
    /// "United States" for "US"; the country of a nationality or city ("" if none).
    pub canonical: String,
    /// For a city: its country; for a nationality: its country.
    pub country: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
    Unknown,
}

/// Whether a capitalised word can name an organisation on its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct OrgWord {
    /// Ends an organisation name ("Service", "Ministry", "Inc").
    pub head: bool,
    /// Starts one before "of" ("Ministry of Defence", "Bank of England").
    pub lead: bool,
}

/// One place a gazetteer name can stand for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PlaceCandidate {
    pub country: String,
    /// GeoNames id; None for the hand-compiled regions.
    pub geonames_id: Option<u32>,
    pub population: u64,
}

/// How a word types the capitalised name it begins or ends (`name_words.txt`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct NameWord {
    /// Ends a place without a government ("Casamance River"): LOC.
    pub place_head: bool,
    /// Begins one ("Lake Kivu", "Mount Kenya"): LOC.
    pub place_lead: bool,
    /// Ends an administrative area ("Orange County", "Kherson Oblast"): GPE.
    pub admin_head: bool,
    /// Ends an event ("World Cup", "Paris Open").
    pub event_head: bool,
    /// Before a name, makes it a place ("in Kennedy", "from Austin").
    pub place_preposition: bool,
}

/// All word lists, parsed from the embedded files.
#[derive(Debug)]
pub struct Lexicon {
    phrases: HashMap<String, Phrase>,
    /// Longest phrase starting with each first word: most tokens start none,
    /// and are dismissed with one lookup.
    first_words: HashMap<String, usize>,
    /// Longest phrase length in tokens.
    pub max_phrase: usize,
    given: HashMap<String, Gender>,
    surnames: HashSet<String>,
    titles: HashMap<String, usize>,
    pub max_title: usize,
    org_words: HashMap<String, OrgWord>,
    name_words: HashMap<String, NameWord>,
    /// Every place a country, city or region name can stand for, most likely
    /// first (regions, then by population).
    places: HashMap<String, Vec<PlaceCandidate>>,
    function: HashSet<String>,
    time_words: HashSet<String>,
}

const PLACES: &str = include_str!("../models/lexicon/places.tsv");
const COUNTRY_ALIASES: &str = include_str!("../models/lexicon/country_aliases.tsv");
const CITY_ALIASES: &str = include_str!("../models/lexicon/city_aliases.tsv");
const REGIONS: &str = include_str!("../models/lexicon/regions.tsv");
const NATIONALITIES: &str = include_str!("../models/lexicon/nationalities.tsv");
const LOCATIONS: &str = include_str!("../models/lexicon/locations.txt");
const PRODUCTS: &str = include_str!("../models/lexicon/products.txt");
const ORGANISATIONS: &str = include_str!("../models/lexicon/organisations.txt");
const GIVEN: &str = include_str!("../models/lexicon/given_names.tsv");
const SURNAMES: &str = include_str!("../models/lexicon/surnames.txt");
const TITLES: &str = include_str!("../models/lexicon/titles.txt");
const ORG_WORDS: &str = include_str!("../models/lexicon/org_words.txt");
const NAME_WORDS: &str = include_str!("../models/lexicon/name_words.txt");
const FUNCTION_WORDS: &str = include_str!("../models/lexicon/function_words.txt");
const TIME_WORDS: &str = include_str!("../models/lexicon/time_words.txt");

/// The shared classes that are function words, never a name when capitalised.
const FUNCTION_CLASSES: [WordClass; 3] = [
    WordClass::Preposition,
    WordClass::Determiner,
    WordClass::Auxiliary,
];

/// The words of a list file, with every form of the shared `classes`
/// (`claimtrail_text::words`).
fn words_and_shared(text: &str, classes: &[WordClass]) -> HashSet<String> {
    let mut set: HashSet<String> = lines(text)
        .flat_map(str::split_whitespace)
        .map(String::from)
        .collect();
    set.extend(
        words::entries()
            .filter(|(_, info)| classes.iter().any(|&c| info.classes.contains(c)))
            .map(|(form, _)| form.to_string()),
    );
    set
}

fn lines(text: &str) -> impl Iterator<Item = &str> {
    text.lines()
        .map(str::trim_end)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Normalises one token for lookup: lower case, typographic apostrophes and
/// dashes folded to ASCII.
pub fn norm(token: &str) -> String {
    if token.is_ascii() {
        let mut s = String::with_capacity(token.len());
        s.extend(token.bytes().map(|b| match b {
            b'`' => '\'',
            b => char::from(b.to_ascii_lowercase()),
        }));
        return s;
    }
    let mut s = String::with_capacity(token.len());
    for c in token.chars() {
        match c {
            '’' | '‘' | '`' => s.push('\''),
            '‑' | '–' => s.push('-'),
            c => s.extend(c.to_lowercase()),
        }
    }
    s
}

/// Normalised key of a phrase given as text ("South Korea" -> "south korea").
/// Splits like the tokenizer does for the cases lists contain: spaces, and a
/// possessive `'s` ("David's Sling").
fn phrase_key(phrase: &str) -> String {
    let mut out = String::new();
    for w in phrase.split_whitespace() {
        let w = norm(w);
        let (stem, poss) = match w.strip_suffix("'s") {
            Some(stem) if !stem.is_empty() => (stem.to_string(), true),
            _ => (w, false),
        };
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stem);
        if poss {
            out.push_str(" 's");
        }
    }
    out
}

/// GeoNames countries and cities (`places.tsv`), with every candidate place of a name.
fn add_places(lex: &mut Lexicon) {
    // Order matters: the first entry for a key wins, so countries come before
    // cities ("Georgia" is a country before it is a US city).
    for line in lines(PLACES) {
        let mut f = line.split('\t');
        let (Some(kind), Some(name), Some(country)) = (f.next(), f.next(), f.next()) else {
            continue;
        };
        lex.places
            .entry(phrase_key(name))
            .or_default()
            .push(PlaceCandidate {
                country: country.to_string(),
                geonames_id: f.next().and_then(|id| id.parse().ok()),
                population: f.next().and_then(|n| n.parse().ok()).unwrap_or(0),
            });
        let kind = if kind == "country" {
            PhraseKind::Country
        } else {
            PhraseKind::City
        };
        let canonical = if kind == PhraseKind::Country {
            country.to_string()
        } else {
            name.to_string()
        };
        lex.add(
            name,
            Phrase {
                kind,
                canonical,
                country: country.to_string(),
            },
        );
    }
}

/// City and country aliases, regions and nationalities: curated lists that outrank GeoNames.
fn add_aliases_and_regions(lex: &mut Lexicon) {
    for line in lines(CITY_ALIASES) {
        let mut f = line.split('\t');
        if let (Some(alias), Some(city), Some(country)) = (f.next(), f.next(), f.next()) {
            let p = Phrase {
                kind: PhraseKind::City,
                canonical: city.into(),
                country: country.into(),
            };
            lex.add(alias, p);
        }
    }
    // States, provinces and counties read like cities: places with a government,
    // typed GPE, weak against context (clubs named after them in sports reports).
    // A state or province outranks a town of the same name abroad
    // ("Florida" is the US state, not the town in Cuba); a country keeps its name.
    for line in lines(REGIONS) {
        if let Some((name, country)) = line.split_once('\t') {
            let p = Phrase {
                kind: PhraseKind::City,
                canonical: name.into(),
                country: country.into(),
            };
            let region = PlaceCandidate {
                country: country.into(),
                geonames_id: None,
                population: u64::MAX,
            };
            lex.places
                .entry(phrase_key(name))
                .or_default()
                .insert(0, region);
            let town = lex
                .phrases
                .get(&phrase_key(name))
                .is_some_and(|q| q.kind == PhraseKind::City);
            if town {
                lex.add_front(name, p);
            } else {
                lex.add(name, p);
            }
        }
    }
    for line in lines(COUNTRY_ALIASES) {
        if let Some((alias, country)) = line.split_once('\t') {
            let p = Phrase {
                kind: PhraseKind::Country,
                canonical: country.into(),
                country: country.into(),
            };
            lex.add_front(alias, p);
        }
    }
    for line in lines(NATIONALITIES) {
        let (name, country) = line.split_once('\t').unwrap_or((line, ""));
        let p = Phrase {
            kind: PhraseKind::Nationality,
            canonical: name.to_string(),
            country: country.to_string(),
        };
        lex.add_front(name, p.clone());
        for plural in nationality_plurals(name) {
            lex.add_front(&plural, p.clone());
        }
    }
}

/// Non-GPE places, products and organisations.
fn add_named_lists(lex: &mut Lexicon) {
    for name in lines(LOCATIONS) {
        lex.add(
            name,
            Phrase {
                kind: PhraseKind::Location,
                canonical: name.into(),
                country: String::new(),
            },
        );
    }
    for name in lines(PRODUCTS) {
        let p = Phrase {
            kind: PhraseKind::Product,
            canonical: name.into(),
            country: String::new(),
        };
        lex.add_front(name, p.clone());
        lex.add_front(&format!("{name}s"), p);
    }
    for name in lines(ORGANISATIONS) {
        let p = Phrase {
            kind: PhraseKind::Organisation,
            canonical: name.into(),
            country: String::new(),
        };
        lex.add_front(name, p);
    }
}

/// Given names, surnames, titles, organisation words and name words.
fn add_word_lists(lex: &mut Lexicon) {
    for line in lines(GIVEN) {
        let (name, g) = line.split_once('\t').unwrap_or((line, "u"));
        let g = match g {
            "m" => Gender::Male,
            "f" => Gender::Female,
            _ => Gender::Unknown,
        };
        lex.given.entry(norm(name)).or_insert(g);
    }
    lex.surnames = lines(SURNAMES).map(norm).collect();
    for t in lines(TITLES) {
        let key = phrase_key(t);
        let n = key.split(' ').count();
        lex.max_title = lex.max_title.max(n);
        lex.titles.insert(key, n);
    }
    for line in lines(ORG_WORDS) {
        if let Some((role, w)) = line.split_once('\t') {
            let e = lex.org_words.entry(norm(w)).or_default();
            match role {
                "head" => e.head = true,
                _ => e.lead = true,
            }
        }
    }
    for line in lines(NAME_WORDS) {
        if let Some((role, w)) = line.split_once('\t') {
            let e = lex.name_words.entry(norm(w)).or_default();
            match role {
                "place_head" => e.place_head = true,
                "place_lead" => e.place_lead = true,
                "admin_head" => e.admin_head = true,
                "event_head" => e.event_head = true,
                "place_preposition" => e.place_preposition = true,
                other => debug_assert!(false, "name_words.txt: unknown role {other:?}"),
            }
        }
    }
}

impl Lexicon {
    pub fn load() -> Lexicon {
        let mut lex = Lexicon {
            phrases: HashMap::default(),
            first_words: HashMap::default(),
            max_phrase: 1,
            given: HashMap::default(),
            surnames: Default::default(),
            titles: HashMap::default(),
            max_title: 1,
            org_words: HashMap::default(),
            name_words: HashMap::default(),
            places: HashMap::default(),
            function: words_and_shared(FUNCTION_WORDS, &FUNCTION_CLASSES),
            time_words: words_and_shared(TIME_WORDS, &[WordClass::Month, WordClass::Weekday]),
        };
        add_places(&mut lex);
        add_aliases_and_regions(&mut lex);
        add_named_lists(&mut lex);
        add_word_lists(&mut lex);
        lex
    }

    fn add(&mut self, name: &str, p: Phrase) {
        let key = phrase_key(name);
        if key.is_empty() {
            return;
        }
        self.note_first_word(&key);
        self.phrases.entry(key).or_insert(p);
    }

    /// Adds, replacing any place of the same name (curated lists outrank GeoNames).
    fn add_front(&mut self, name: &str, p: Phrase) {
        let key = phrase_key(name);
        if key.is_empty() {
            return;
        }
        self.note_first_word(&key);
        self.phrases.insert(key, p);
    }

    fn note_first_word(&mut self, key: &str) {
        let n = key.split(' ').count();
        self.max_phrase = self.max_phrase.max(n);
        let first = key.split(' ').next().unwrap_or("").to_string();
        let e = self.first_words.entry(first).or_insert(0);
        *e = (*e).max(n);
    }

    /// The phrase named by the normalised tokens `words`, if any.
    pub fn phrase(&self, words: &[&str]) -> Option<&Phrase> {
        if words.is_empty() || words.len() > self.max_phrase {
            return None;
        }
        if words.len() == 1 {
            return self.phrases.get(words[0]);
        }
        let mut key = String::new();
        for (i, w) in words.iter().enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w);
        }
        self.phrases.get(&key)
    }

    /// The longest phrase starting at `words[0]`: its length and entry.
    pub fn longest_phrase(&self, words: &[&str]) -> Option<(usize, &Phrase)> {
        let longest = *self.first_words.get(*words.first()?)?;
        (1..=words.len().min(longest))
            .rev()
            .find_map(|n| self.phrase(&words[..n]).map(|p| (n, p)))
    }

    pub fn given_name(&self, w: &str) -> Option<Gender> {
        self.given.get(w).copied()
    }

    pub fn is_surname(&self, w: &str) -> bool {
        self.surnames.contains(w)
    }

    /// Length in tokens of the title phrase starting at `words[0]` (longest match).
    pub fn title_at(&self, words: &[&str]) -> usize {
        let mut key = String::new();
        let mut best = 0;
        for (i, w) in words.iter().take(self.max_title).enumerate() {
            if i > 0 {
                key.push(' ');
            }
            key.push_str(w);
            if self.titles.contains_key(&key) {
                best = i + 1;
            }
        }
        best
    }

    pub fn is_title(&self, w: &str) -> bool {
        self.titles.contains_key(w)
    }

    /// A closed-class word ("the", "however", "he"): not a name when capitalised.
    pub fn is_function(&self, w: &str) -> bool {
        self.function.contains(w)
    }

    /// A month or weekday name.
    pub fn is_time_word(&self, w: &str) -> bool {
        self.time_words.contains(w.trim_end_matches('.'))
    }

    pub fn org_word(&self, w: &str) -> OrgWord {
        self.org_words.get(w).copied().unwrap_or_default()
    }

    /// The places the name `name` (as written, "Palm Beach") can stand for,
    /// most likely first: a region of the hand-compiled list, then GeoNames
    /// places by population.
    pub fn place_candidates(&self, name: &str) -> &[PlaceCandidate] {
        self.places
            .get(&phrase_key(name))
            .map_or(&[], Vec::as_slice)
    }

    /// The GeoNames id of the place `name` in `country`, when the gazetteer has one.
    pub fn geonames_id(&self, name: &str, country: &str) -> Option<u32> {
        self.place_candidates(name)
            .iter()
            .find(|c| c.country == country)
            .and_then(|c| c.geonames_id)
    }

    /// How the normalised word `w` types a name it begins or ends.
    pub fn name_word(&self, w: &str) -> NameWord {
        self.name_words.get(w).copied().unwrap_or_default()
    }
}

/// "Russian" -> "Russians"; "Briton" -> "Britons"; forms in -ese, -ish, -ch, -ss
/// and -i adjectives of uncountable use ("Chinese", "British", "Dutch", "Swiss")
/// have no plural. Multi-word forms pluralise their last word.
fn nationality_plurals(name: &str) -> Vec<String> {
    let last = name.rsplit(' ').next().unwrap_or(name);
    if last.ends_with("ese")
        || last.ends_with("ish")
        || last.ends_with("ch")
        || last.ends_with("ss")
    {
        return Vec::new();
    }
    vec![format!("{name}s")]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_load_and_resolve_aliases() {
        let lex = Lexicon::load();
        assert_eq!(
            lex.phrase(&["us"]).map(|p| p.canonical.as_str()),
            Some("United States")
        );
        assert_eq!(
            lex.phrase(&["dprk"]).map(|p| p.canonical.as_str()),
            Some("North Korea")
        );
        assert_eq!(
            lex.phrase(&["north", "korea"]).map(|p| p.kind),
            Some(PhraseKind::Country)
        );
        assert_eq!(
            lex.phrase(&["north", "korean"]).map(|p| p.kind),
            Some(PhraseKind::Nationality)
        );
        assert_eq!(
            lex.phrase(&["iranians"]).map(|p| p.kind),
            Some(PhraseKind::Nationality)
        );
        assert_eq!(
            lex.phrase(&["shaheds"]).map(|p| p.kind),
            Some(PhraseKind::Product)
        );
        assert_eq!(
            lex.longest_phrase(&["south", "korea", "'s"])
                .map(|(n, _)| n),
            Some(2)
        );
        assert_eq!(lex.given_name("lloyd"), Some(Gender::Male));
        assert_eq!(lex.title_at(&["defence", "secretary", "lloyd"]), 2);
        assert!(lex.org_word("ministry").lead && lex.org_word("service").head);
        assert!(lex.name_word("county").admin_head && !lex.name_word("county").place_head);
        assert!(lex.name_word("river").place_head && lex.name_word("river").place_lead);
        assert!(lex.name_word("cup").event_head);
    }

    #[test]
    fn every_name_word_row_has_a_known_role() {
        let lex = Lexicon::load();
        for line in lines(NAME_WORDS) {
            let (role, w) = line.split_once('\t').expect("role<TAB>word");
            assert!(
                [
                    "place_head",
                    "place_lead",
                    "admin_head",
                    "event_head",
                    "place_preposition"
                ]
                .contains(&role),
                "{line}"
            );
            assert_ne!(lex.name_word(w), NameWord::default(), "{line}");
        }
    }
}
