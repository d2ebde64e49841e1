//! Combining the rule layer's names with the statistical tagger's spans.
//!
//! Strong rules (countries, nationalities, products, titles before names,
//! organisation words) keep their type; the tagger types the names the rules
//! could not ("Budanov" alone, a sentence-opening name) and overrides weak
//! guesses (a city name that is a football club or a surname); spans only the
//! tagger found are added.

use crate::context::Ctx;
use crate::fxhash::FastMap as HashMap;
use crate::lexicon::classes::{ends_with_any, is, Class};
use crate::names::Piece;
use crate::EntityType;
use std::ops::Range;

pub fn merge(
    ctx: &Ctx,
    lex: &crate::lexicon::Lexicon,
    pieces: Vec<Piece>,
    mut spans: Vec<(Range<usize>, EntityType)>,
) -> Vec<Piece> {
    trim_spans(ctx, lex, &mut spans);
    let pieces: Vec<Piece> = pieces
        .into_iter()
        .filter(|p| {
            p.strong
                || !p
                    .toks
                    .clone()
                    .any(|i| crate::names::is_section_label(ctx, i))
        })
        .collect();
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // The tagger's spans never overlap; sorted, the ones a piece overlaps are
    // found by binary search (a document of 20,000 names stays linear).
    spans.sort_by_key(|(r, _)| r.start);
    debug_assert!(spans.windows(2).all(|w| w[0].0.end <= w[1].0.start));
    let pieces = joined_organisations(pieces, &spans);
    let mut out: Vec<Piece> = Vec::with_capacity(pieces.len() + spans.len());
    for mut p in pieces {
        let first = spans.partition_point(|(r, _)| r.end <= p.toks.start);
        let hits: Vec<&(Range<usize>, EntityType)> = spans[first..]
            .iter()
            .take_while(|(r, _)| r.start < p.toks.end)
            .filter(|(r, _)| overlaps(r, &p.toks))
            .collect();
        retype_by_tagger(ctx, lex, &mut p, &hits);
        out.push(p);
    }
    // Which piece of `out` covers each token (pieces do not overlap), so that
    // a span finds the pieces it overlaps by looking at its own tokens.
    const NONE: usize = usize::MAX;
    let mut owner = vec![NONE; ctx.toks.len()];
    for (k, p) in out.iter().enumerate() {
        for t in p.toks.clone() {
            debug_assert_eq!(owner[t], NONE, "pieces overlap");
            owner[t] = k;
        }
    }
    let mut alive = vec![true; out.len()];
    let owners = |owner: &[usize], r: &Range<usize>| -> Vec<usize> {
        let mut ks: Vec<usize> = owner[r.clone()]
            .iter()
            .copied()
            .filter(|&k| k != NONE)
            .collect();
        ks.dedup();
        ks
    };
    for (r, t) in spans {
        let overlapped = owners(&owner, &r);
        if overlapped.iter().any(|&k| out[k].etype.is_some()) {
            continue;
        }
        // A lone sentence opener is capitalised anyway: without the rules' or
        // the POS tagger's support ("Analysts said") it is not a name.
        // Titles alone ("President", "Defence Secretary") are roles, not names.
        let words: Vec<&str> = ctx.toks[r.clone()].iter().map(|t| t.bare()).collect();
        let title_only = words.len() <= 3
            && words.iter().any(|w| lex.is_title(w))
            && words
                .iter()
                .all(|w| lex.is_title(w) || crate::roles::is_role_modifier(w));
        if title_only {
            continue;
        }
        let opener = r.len() == 1 && ctx.opens_clause(r.start);
        // ("Party leader Kenneth Kaunda": a common word the document never
        // capitalises elsewhere)
        let tok = &ctx.toks[r.start];
        let lone_opener = opener
            && (ctx.propn.get(r.start) == Some(&false)
                || lex.is_function(&tok.norm)
                || (ctx.uncommon.get(r.start) == Some(&false)
                    && !tok.all_caps()
                    && !ctx.capitalised_inside.contains(&tok.norm)
                    && lex.phrase(&[tok.bare()]).is_none()));
        if lone_opener && overlapped.is_empty() {
            continue;
        }
        for k in overlapped {
            alive[k] = false;
            for tok in out[k].toks.clone() {
                owner[tok] = NONE;
            }
        }
        for tok in r.clone() {
            owner[tok] = out.len();
        }
        let mut p = Piece::from_span(r, t);
        p.strong = false;
        out.push(p);
        alive.push(true);
    }
    let mut out: Vec<Piece> = out
        .into_iter()
        .zip(alive)
        .filter_map(|(p, keep)| keep.then_some(p))
        .collect();
    out.sort_by_key(|p| p.toks.start);
    out
}

/// Whether the single word at `i` is a surname and the name of a town (not of a
/// region or a city of a million: "Washington", "Houston" stay places) with no
/// preposition of place before it.
fn surname_town(ctx: &Ctx, lex: &crate::lexicon::Lexicon, i: usize) -> bool {
    let t = &ctx.toks[i];
    let town = lex
        .place_candidates(t.bare())
        .first()
        .is_some_and(|c| c.geonames_id.is_some() && c.population < 1_000_000);
    let place_before = i > 0
        && ctx.toks[i - 1].sent == t.sent
        && lex.name_word(&ctx.toks[i - 1].norm).place_preposition;
    town && lex.is_surname(&t.norm) && !place_before
}

/// "Kennedy told reporters": a surname that is also a foreign town, with no
/// preposition of place before any of its mentions and no other place of
/// that town's country in the document, is the person. With place context
/// ("in Kennedy", or Bogota named nearby) the town reading stands.
pub fn surname_towns(ctx: &Ctx, lex: &crate::lexicon::Lexicon, pieces: &mut [Piece]) {
    let word = |p: &Piece| ctx.toks[p.toks.start].norm.as_str();
    let mut placed: std::collections::HashSet<&str> = Default::default();
    let mut countries: std::collections::HashSet<String> = Default::default();
    for p in pieces.iter() {
        let one = p.toks.len() == 1;
        if one && p.etype == Some(EntityType::Gpe) && !surname_town(ctx, lex, p.toks.start) {
            placed.insert(word(p));
        }
        let is_town = one && surname_town(ctx, lex, p.toks.start);
        if matches!(
            p.etype,
            Some(EntityType::Gpe | EntityType::Loc | EntityType::Norp)
        ) && !is_town
        {
            if let Some(c) = &p.country {
                countries.insert(c.clone());
            } else if let Some(c) = &p.canonical {
                countries.insert(c.clone());
            }
        }
    }
    for p in pieces.iter_mut() {
        if p.strong || p.toks.len() != 1 || p.etype != Some(EntityType::Gpe) {
            continue;
        }
        let w = ctx.toks[p.toks.start].norm.as_str();
        let supported = p.country.as_ref().is_some_and(|c| countries.contains(c));
        if surname_town(ctx, lex, p.toks.start) && !placed.contains(w) && !supported {
            p.etype = Some(EntityType::Person);
            p.canonical = None;
            p.country = None;
        }
    }
}

/// A weak rule piece takes the type (and the inner span) of the one tagger
/// span `hits` it overlaps, with the exceptions below.
fn retype_by_tagger(
    ctx: &Ctx,
    lex: &crate::lexicon::Lexicon,
    p: &mut Piece,
    hits: &[&(Range<usize>, EntityType)],
) {
    // A city named alone stays a place when the tagger calls it an
    // organisation or a person: clubs named after cities are the sports
    // rule's business (sports.rs), surnames that are towns the document's
    // (merge::harmonize, "Austin" after "Lloyd Austin").
    // A surname that is also a town is a place only with place context
    // ("in Kennedy"); alone ("Kennedy said") the tagger may read a person.
    let city = p.etype == Some(EntityType::Gpe)
        && p.canonical.is_some()
        && !(p.toks.len() == 1 && surname_town(ctx, lex, p.toks.start));
    // "Gail Devers": a given name and a word no gazetteer places stays a
    // person when the tagger reads a place
    let words: Vec<&str> = ctx.toks[p.toks.clone()].iter().map(|t| t.bare()).collect();
    let personal = p.etype == Some(EntityType::Person)
        && p.toks.len() >= 2
        && lex.given_name(&ctx.toks[p.toks.start].norm).is_some()
        && lex.phrase(&words).is_none();

    if !p.strong {
        if let [(r, t)] = hits
            .iter()
            .filter(|(r, t)| {
                !(city && (*t == EntityType::Org || (*t == EntityType::Person && *r == p.toks)))
                    && !(personal && matches!(*t, EntityType::Gpe | EntityType::Loc))
            })
            .collect::<Vec<_>>()
            .as_slice()
        {
            let inside = r.start >= p.toks.start && r.end <= p.toks.end;
            if p.etype.is_none()
                || (*r == p.toks && p.etype != Some(*t))
                || (p.etype.is_none() && inside)
            {
                if p.etype != Some(EntityType::Gpe) || *t != EntityType::Gpe {
                    p.canonical = None;
                }
                p.etype = Some(*t);
                if inside {
                    p.toks = r.clone();
                }
            }
        }
    }
}

/// The tagger's spans trimmed to names: they start and end with a word,
/// have a capitalised word, and are no stage labels.
fn trim_spans(
    ctx: &Ctx,
    lex: &crate::lexicon::Lexicon,
    spans: &mut Vec<(Range<usize>, EntityType)>,
) {
    // A name starts and ends with a word ("'s" and brackets are not part of it)
    // and has letters ("0" in a results line is not one).
    let wordlike = |i: usize| ctx.toks[i].text.starts_with(char::is_alphanumeric);
    for (r, _) in spans.iter_mut() {
        while r.start < r.end && !wordlike(r.start) {
            r.start += 1;
        }
        while r.end > r.start && !wordlike(r.end - 1) {
            r.end -= 1;
        }
    }
    // Currency marks ("US$", "HK$") are never part of a name, nor does one
    // start with a closed-class word ("I", "We"; but "US", "May" at the end).
    let currency = |i: usize| ctx.toks[i].text.contains(['$', '€', '£', '¥']);
    for (r, _) in spans.iter_mut() {
        // nor with a lower-case word ("lb-9" in a scorecard, "the")
        while r.start < r.end
            && (currency(r.start)
                || ctx.toks[r.start].text.starts_with(char::is_lowercase)
                || (!ctx.toks[r.start].all_caps() && lex.is_function(&ctx.toks[r.start].norm)))
        {
            r.start += 1;
        }
        while r.end > r.start && currency(r.end - 1) {
            r.end -= 1;
        }
    }
    // and a capitalised word: "61-year" and "30-year" are no names
    spans.retain(|(r, _)| {
        ctx.toks[r.clone()].iter().any(|t| {
            t.text
                .chars()
                .find(|c| c.is_alphabetic())
                .is_some_and(char::is_uppercase)
        })
    });
    // "Group C", "Pool B", "Division 2": a label of a stage or section, no name
    spans.retain(|(r, _)| !r.clone().any(|i| crate::names::is_section_label(ctx, i)));
}

/// "Virgin Atlantic", "Nomura Securities": where the tagger reads one
/// organisation over adjacent rule pieces that are an unknown name and a
/// region or an organisation's short name (no country, city, nationality or
/// person among them), the organisation wins.
fn joined_organisations(
    mut pieces: Vec<Piece>,
    spans: &[(Range<usize>, EntityType)],
) -> Vec<Piece> {
    // Pieces do not overlap: sorted, the ones a span covers are a run found by
    // binary search; joined ones are dropped at the end (linear in all).
    pieces.sort_by_key(|p| p.toks.start);
    let mut dropped = vec![false; pieces.len()];
    for (r, t) in spans {
        if *t != EntityType::Org || r.len() < 2 {
            continue;
        }
        let from = pieces.partition_point(|p| p.toks.end <= r.start);
        let inside: Vec<usize> = (from..pieces.len())
            .take_while(|&k| pieces[k].toks.start < r.end)
            .filter(|&k| !dropped[k])
            .collect();
        if inside.len() < 2 {
            continue;
        }
        let covered: usize = inside.iter().map(|&k| pieces[k].toks.len()).sum();
        let exact = pieces[inside[0]].toks.start == r.start
            && pieces[inside[inside.len() - 1]].toks.end == r.end
            && covered == r.len();
        let untyped = inside.iter().any(|&k| pieces[k].etype.is_none());
        let kinds = inside.iter().all(|&k| {
            matches!(
                pieces[k].etype,
                None | Some(EntityType::Loc) | Some(EntityType::Org)
            )
        });
        if exact && untyped && kinds {
            pieces[inside[0]] = Piece::from_span(r.clone(), EntityType::Org);
            for &k in &inside[1..] {
                dropped[k] = true;
            }
        }
    }
    pieces
        .into_iter()
        .zip(dropped)
        .filter_map(|(p, d)| (!d).then_some(p))
        .collect()
}

/// Second thoughts on weak readings, with the whole document in view:
/// - a "person" whose words are all common words of the language and none a
///   given name or surname ("Second Language Research", "Research") is no
///   person: the name goes untyped (coreference may still type it);
/// - a word that names a language or a people somewhere ("the Eegimaa
///   language", "Jóola speakers") is that group everywhere in the document.
pub fn reconsider(ctx: &Ctx, lex: &crate::lexicon::Lexicon, pieces: &mut [Piece]) {
    abbreviations(ctx, pieces);
    employers(ctx, lex, pieces);
    let common = |i: usize| ctx.uncommon.get(i) == Some(&false);
    let mut groups: crate::fxhash::FastSet<&str> = Default::default();
    for p in pieces.iter() {
        let after = ctx.toks.get(p.toks.end);
        let group_noun = after.is_some_and(|t| {
            t.sent == ctx.toks[p.toks.start].sent && is(t.text, Class::LanguageNoun)
        });
        if p.toks.len() == 1 && group_noun && !p.strong {
            groups.insert(ctx.toks[p.toks.start].norm.as_str());
        }
    }
    for p in pieces.iter_mut().filter(|p| !p.strong) {
        let r = p.toks.clone();
        // "Dealers said", "Men 's 200 metres": a lone common word opening a
        // sentence, that no lexicon knows as a name and the document never
        // writes capitalised elsewhere, is capitalised only by its position
        let t = &ctx.toks[r.start];
        // ("Dealers said", "Economists expect": a plural noun for people by
        // what they do, which is nobody's surname)
        let agents = ends_with_any(&t.norm, Class::AgentSuffix)
            && t.norm.chars().count() >= 6
            && !lex.is_surname(&t.norm);
        let opener_word = r.len() == 1
            && t.cap
            && !t.all_caps()
            && ctx.opens_clause(r.start)
            && (common(r.start) || agents)
            && lex.given_name(&t.norm).is_none()
            && lex.phrase(&[t.bare()]).is_none()
            && !ctx.capitalised_inside.contains(&t.norm);
        if opener_word {
            p.etype = None;
            p.canonical = None;
            continue;
        }
        // "Gorbachev", "Kafelnikov", "Ivanisevic", "Shevardnadze": one word
        // with the ending of a Slavic, Caucasian or Baltic surname, which no
        // gazetteer knows as a place, is a person
        if r.len() == 1
            && p.canonical.is_none()
            && matches!(
                p.etype,
                None | Some(EntityType::Org | EntityType::Loc | EntityType::Gpe)
            )
            && t.cap
            && !t.all_caps()
            && has_surname_ending(&t.norm)
            && lex.phrase(&[t.bare()]).is_none()
        {
            p.etype = Some(EntityType::Person);
            continue;
        }
        // "LibriVox", "PepsiCo", "BellSouth": a capital inside a word, not
        // after a name prefix ("McCarthy", "DiMaggio", "LeBlanc"), makes a
        // company or product name, not a person
        if p.etype == Some(EntityType::Person) && r.len() == 1 && is_camel_name(t.text) {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
            continue;
        }
        if let Some(t) = place_context(ctx, r.clone()) {
            // a settlement word makes a place a settlement ("the villages
            // Brin and Djibonker"); a region word leaves a town a town
            let place = matches!(p.etype, Some(EntityType::Gpe | EntityType::Loc));
            if !place || (t == EntityType::Gpe && p.etype == Some(EntityType::Loc)) {
                p.etype = Some(t);
                p.canonical = None;
            }
            continue;
        }
        // "a stake in Billiton": what is said of companies outweighs the
        // tagger's guess of a place no gazetteer knows
        let guessed_place =
            matches!(p.etype, Some(EntityType::Gpe | EntityType::Loc)) && p.canonical.is_none();
        if guessed_place && business_context(ctx, r.clone(), false) {
            p.etype = Some(EntityType::Org);
            continue;
        }
        if matches!(p.etype, None | Some(EntityType::Person))
            && names_organisation(ctx, r.clone(), p.etype.is_some())
        {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
            continue;
        }
        if r.len() == 1 && groups.contains(ctx.toks[r.start].norm.as_str()) {
            p.etype = Some(EntityType::Norp);
            p.canonical = None;
            continue;
        }
        if p.etype == Some(EntityType::Person)
            && r.clone().all(|i| {
                let t = &ctx.toks[i];
                common(i) && lex.given_name(&t.norm).is_none() && !lex.is_surname(&t.norm)
            })
        {
            p.etype = None;
        }
    }
}

/// "Ferrari 's Michael Schumacher", "Microsoft 's Bill Gates": one word read
/// as a person (or not typed) before "'s" and a person's full name is where
/// that person works or plays, an organisation.
fn employers(ctx: &Ctx, lex: &crate::lexicon::Lexicon, pieces: &mut [Piece]) {
    for k in 1..pieces.len() {
        let (before, rest) = pieces.split_at_mut(k);
        let (p, q) = (&mut before[k - 1], &rest[0]);
        let possessive =
            p.toks.end + 1 == q.toks.start && matches!(ctx.toks[p.toks.end].text, "'s" | "’s");
        if possessive
            && !p.strong
            && p.toks.len() == 1
            && matches!(p.etype, None | Some(EntityType::Person))
            && q.etype == Some(EntityType::Person)
            && q.toks.len() >= 2
            && lex.given_name(&ctx.toks[q.toks.start].norm).is_some()
        {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
        }
    }
}

/// Endings of East European and Caucasian surnames: "-ov", "-ev", "-enko",
/// "-sky", "-vich", "-evic", "-shvili", "-dze", "-yan", "-ova", "-kaite".
pub(crate) fn has_surname_ending(w: &str) -> bool {
    let n = w.chars().count();
    n >= 6 && ends_with_any(w, Class::SurnameEnding)
}

/// A word with a capital after a lower-case letter inside it ("LibriVox"),
/// except after the prefixes of surnames ("McCarthy", "MacLeod", "DiMaggio",
/// "LeBlanc", "DeLay", "VanDyke").
fn is_camel_name(w: &str) -> bool {
    let chars: Vec<char> = w.chars().collect();
    if chars.len() < 4 || !chars[0].is_uppercase() || chars.iter().any(|c| !c.is_alphabetic()) {
        return false;
    }
    let Some(k) =
        (1..chars.len()).find(|&k| chars[k].is_uppercase() && chars[k - 1].is_lowercase())
    else {
        return false;
    };
    let prefix: String = chars[..k].iter().collect();
    let surname_prefix = prefix.chars().skip(1).all(char::is_lowercase)
        && is(&prefix.to_lowercase(), Class::SurnamePrefix);
    !surname_prefix && chars[k + 1..].iter().any(|c| c.is_lowercase())
}

/// "Daimler-Benz Aerospace ( Dasa )", "Iraqi News Agency ( INA )": a one-word
/// name in brackets right after an organisation's name is its short name, an
/// organisation everywhere in the document (marked strong, so that the
/// document's vote follows it).
fn abbreviations(ctx: &Ctx, pieces: &mut [Piece]) {
    for k in 1..pieces.len() {
        let (before, rest) = pieces.split_at_mut(k);
        let (q, p) = (&before[k - 1], &mut rest[0]);
        let bracketed = p.toks.len() == 1
            && p.toks.start >= 1
            && q.toks.end + 1 == p.toks.start
            && ctx.toks[p.toks.start - 1].text == "("
            && ctx.toks.get(p.toks.end).is_some_and(|t| t.text == ")")
            && ctx.toks[q.toks.start].sent == ctx.toks[p.toks.start].sent;
        if bracketed
            && q.etype == Some(EntityType::Org)
            && q.toks.len() >= 2
            && !p.strong
            && p.etype != Some(EntityType::Org)
        {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
            p.strong = true;
        }
    }
}

/// "analyst firm Nesbitt Burns", "news agency Interfax", "Italian side
/// Juventus": a name right after a lower-case noun for a kind of
/// organisation; "The Bundesbank said": a person's name never takes "the"
/// unless it modifies a noun ("the Clinton administration").
fn names_organisation(ctx: &Ctx, r: Range<usize>, person: bool) -> bool {
    let sent = &ctx.sentences[ctx.toks[r.start].sent];
    let before = r
        .start
        .checked_sub(1)
        .filter(|&k| k >= sent.start)
        .map_or("", |k| ctx.toks[k].text);
    let descriptor = is(before, Class::OrgDescriptor);
    let next_is_noun = ctx.toks.get(r.end).is_some_and(|t| {
        t.sent == ctx.toks[r.start].sent
            && t.text.starts_with(char::is_lowercase)
            && ctx.noun_like.get(r.end) == Some(&true)
    });
    let the_name = person && matches!(before, "the" | "The") && !next_is_noun && r.len() == 1;
    descriptor || the_name || business_context(ctx, r, person)
}

/// What is said of companies, not people: "Bre-X said it", "Daimler
/// reported", "shares in Daimler", "Daimler's shares", and an acronym
/// ("GM", "BHP") outside a headline in capitals.
fn business_context(ctx: &Ctx, r: Range<usize>, person: bool) -> bool {
    let sent = ctx.toks[r.start].sent;
    let at = |k: usize| {
        ctx.toks
            .get(k)
            .filter(|t| t.sent == sent)
            .map_or("", |t| t.norm.as_str())
    };
    let (a, b) = (at(r.end), at(r.end + 1));
    let after = (is(a, Class::SaidVerb) && is(b, Class::CompanyPronoun))
        || is(a, Class::CompanyReport)
        || (a == "'s" && is(b, Class::CompanyPossession));
    let before = r.start >= 2
        && is(at(r.start - 2), Class::StakeNoun)
        && matches!(at(r.start - 1), "in" | "of");
    // "economists at Nesbitt Burns", "a dealer at Sun Hung Kai"
    let staff = r.start >= 2 && at(r.start - 1) == "at" && is(at(r.start - 2), Class::StaffNoun);
    // "Statoil , the state oil company ,", "Norsk Hydro , Norway 's biggest
    // industrial group ,": an appositive that ends with a word for a company
    let appositive = a == ","
        && (r.end + 2..r.end + 9)
            .find(|&k| matches!(at(k), "," | "") || is(at(k), Class::SaidVerb))
            .is_some_and(|k| is(at(k - 1), Class::CompanyNoun));
    // an acronym read as a person; untyped acronyms ("UTC", "XML") stay out
    let acronym = person
        && r.len() == 1
        && ctx.toks[r.start].all_caps()
        && ctx.toks[r.start].text.chars().count() <= 5
        && !crate::names::is_upper_sentence(ctx, &ctx.sentences[sent]);
    after || before || staff || appositive || acronym
}

/// "the village of Banjal", "the northern town of Uvira", "the villages Brin
/// and Djibonker", "the Casamance region": a name the words around it make a
/// settlement (GPE) or a region (LOC).
fn place_context(ctx: &Ctx, r: Range<usize>) -> Option<EntityType> {
    let sent = &ctx.sentences[ctx.toks[r.start].sent];
    let word = |k: usize| (sent.contains(&k)).then(|| ctx.toks[k].text);
    let settlement = |w: &str| is(w, Class::SettlementNoun);
    let region = |w: &str| is(w, Class::RegionNoun);
    let before = r.start.checked_sub(1).and_then(word);
    let of = before == Some("of");
    let head_before = if of {
        r.start.checked_sub(2).and_then(word)
    } else {
        before
    };
    // "the villages Brin and Djibonker": the second name after "and"
    let listed = before == Some("and")
        && r.start >= 3
        && word(r.start - 3).is_some_and(settlement)
        && ctx.toks[r.start - 2].cap;
    if head_before.is_some_and(settlement) || listed {
        return Some(EntityType::Gpe);
    }
    if head_before.is_some_and(region) || word(r.end).is_some_and(region) {
        return Some(EntityType::Loc);
    }
    None
}

/// The legal form that ends a company's name ("Ltd", "Corp", "AG").
fn is_legal_form(w: &str) -> bool {
    is(w, Class::LegalForm)
}

/// One type per name in a document: a name typed differently in different
/// places ("Ryanair" an organisation once and a person elsewhere) takes the
/// type most of its mentions have, strong rules counting three times. Weak
/// and untyped mentions change; strong ones stay.
pub fn harmonize(ctx: &Ctx, pieces: &mut [Piece]) {
    let key = |p: &Piece| {
        ctx.toks[p.toks.clone()]
            .iter()
            .map(|t| t.norm.as_str())
            .collect::<Vec<_>>()
            .join(" ")
    };
    let mut votes: HashMap<String, HashMap<EntityType, usize>> = HashMap::default();
    for p in pieces.iter() {
        if let Some(t) = p.etype {
            *votes.entry(key(p)).or_default().entry(t).or_default() += if p.strong { 3 } else { 1 };
        }
    }
    // A single word that begins an organisation's name or ends a person's
    // name elsewhere in the document is that organisation or person ("Cisco"
    // after "Cisco Systems", "Blackburn" after "Peter Blackburn").
    // (type, whether the organisation is a company by its legal form: "Hitachi
    // Ltd", "Siemens AG")
    let mut part_of: HashMap<String, (EntityType, bool)> = HashMap::default();
    for p in pieces.iter().filter(|p| p.toks.len() >= 2) {
        let word = match p.etype {
            Some(EntityType::Org) => &ctx.toks[p.toks.start].norm,
            Some(EntityType::Person) => &ctx.toks[p.toks.end - 1].norm,
            _ => continue,
        };
        let company = p.etype == Some(EntityType::Org)
            && p.toks.len() == 2
            && is_legal_form(ctx.toks[p.toks.end - 1].bare());
        part_of
            .entry(word.clone())
            .or_insert((p.etype.unwrap_or(EntityType::Org), company));
    }
    for p in pieces.iter_mut() {
        let place = p.etype == Some(EntityType::Gpe) && p.canonical.is_some();
        if p.strong || p.toks.len() != 1 {
            continue;
        }
        // a town keeps its type unless a person of that name is in the
        // document, or a company named after it ("Hitachi" after "Hitachi Ltd")
        let found = part_of
            .get(&ctx.toks[p.toks.start].norm)
            .filter(|&&(t, company)| !place || t == EntityType::Person || company)
            .map(|(t, _)| t);
        if let Some(&t) = found {
            if p.etype != Some(t) {
                // a town's country does not go with the person or company
                // of that name ("Orion" after "Orion Corp")
                if matches!(p.etype, Some(EntityType::Gpe | EntityType::Loc)) {
                    p.country = None;
                }
                p.etype = Some(t);
                p.canonical = None;
            }
            p.strong = true; // settled: the vote below must not undo it
        }
    }
    for p in pieces.iter_mut().filter(|p| !p.strong) {
        let Some(v) = votes.get(&key(p)) else {
            continue;
        };
        // ties go to the type seen first in TYPES order, so the result is
        // deterministic; settlement and region readings agree that the name is
        // a place, and vote together against the rest
        let n = |t: EntityType| v.get(&t).copied().unwrap_or(0);
        let (gpe, loc) = (n(EntityType::Gpe), n(EntityType::Loc));
        let others = crate::ner::TYPES
            .iter()
            .filter(|t| !matches!(t, EntityType::Gpe | EntityType::Loc))
            .map(|&t| n(t))
            .max()
            .unwrap_or(0);
        let best = if gpe + loc > others && gpe > 0 && loc > 0 {
            Some((
                gpe + loc,
                if gpe >= loc {
                    EntityType::Gpe
                } else {
                    EntityType::Loc
                },
            ))
        } else {
            crate::ner::TYPES
                .iter()
                .copied()
                .filter_map(|t| v.get(&t).map(|&n| (n, t)))
                .max_by_key(|&(n, t)| (n, std::cmp::Reverse(t as u8)))
        };
        if let Some((_, t)) = best {
            if p.etype != Some(t) {
                if matches!(p.etype, Some(EntityType::Gpe | EntityType::Loc)) {
                    p.country = None;
                }
                p.etype = Some(t);
                p.canonical = None;
            }
        }
    }
}

/// "Food and Drug Administration", "Department of Health and Human Services",
/// "Securities and Exchange Commission": capitalised words joined by "and"
/// that end in an organisation word are one organisation, whatever pieces the
/// rules and the tagger made of them.
pub fn coordinated_organisations(
    ctx: &Ctx,
    lex: &crate::lexicon::Lexicon,
    pieces: &mut Vec<Piece>,
) {
    const SPAN: usize = 5;
    let word = |k: usize| {
        ctx.toks[k].cap
            && ctx.toks[k].kind == claimtrail_text::TokenKind::Word
            && !lex.is_function(&ctx.toks[k].norm)
    };
    let head = |k: usize| {
        let w = ctx.toks[k].bare().to_lowercase();
        // "Administration" ends a name only in such a run ("the Trump
        // administration" keeps it out of the lexicon's organisation words)
        lex.org_word(&w).head || w == "administration"
    };
    let mut found: Vec<Range<usize>> = Vec::new();
    for t in 1..ctx.toks.len().saturating_sub(1) {
        let sent = ctx.toks[t].sent;
        if ctx.toks[t].text != "and" || !word(t - 1) || !word(t + 1) {
            continue;
        }
        if ctx.toks[t - 1].sent != sent || ctx.toks[t + 1].sent != sent {
            continue;
        }
        // right: capitalised words up to an organisation word
        let mut e = t + 1;
        while e < ctx.toks.len() && e - t <= SPAN && ctx.toks[e].sent == sent && word(e) {
            e += 1;
        }
        if !head(e - 1) {
            continue;
        }
        // left: capitalised words, through "of" after an organisation's lead word
        let mut s = t;
        while s > 0 && t - s < SPAN && ctx.toks[s - 1].sent == sent {
            if word(s - 1) {
                s -= 1;
            } else if ctx.toks[s - 1].text == "of"
                && s >= 2
                && word(s - 2)
                && lex.org_word(&ctx.toks[s - 2].bare().to_lowercase()).lead
            {
                s -= 2;
            } else {
                break;
            }
        }
        // the left part must not be a name of its own ("British Airways Plc and
        // AMR Corp", "President Fidel Ramos and the Moro ... Front"), unless it
        // is an office "of" a field ("Department of Health and Human Services")
        let lead_of = s + 1 < t
            && ctx.toks[s + 1].text == "of"
            && lex.org_word(&ctx.toks[s].bare().to_lowercase()).lead;
        let left_named = pieces
            .iter()
            .any(|p| p.etype.is_some() && p.toks.start < t && p.toks.end > s);
        // and its words are common words ("Food", "Securities", "Health"),
        // not a name ("Browning and War Office")
        let first_field = if lead_of { s + 2 } else { s };
        let common = (first_field..t).all(|k| ctx.uncommon.get(k) == Some(&false));
        if s < t && common && (lead_of || !left_named) {
            found.push(s..e);
        }
    }
    if found.is_empty() {
        return;
    }
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    pieces.retain(|p| !found.iter().any(|r| overlaps(r, &p.toks)));
    for r in found {
        let mut p = Piece::from_span(r, EntityType::Org);
        p.strong = true;
        pieces.push(p);
    }
    pieces.sort_by_key(|p| p.toks.start);
}
