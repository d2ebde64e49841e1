//! Named mentions from capitalisation and the lexicons.
//!
//! A sentence is cut into runs of capitalised words (with the connectors that
//! occur inside names: "Ministry of Defence", "Bashar al-Assad"); each run is
//! then split and typed: a title inside it starts a person's name ("US Defence
//! Secretary Lloyd Austin"), organisation words make an organisation, lexicon
//! phrases make places, nationalities and products, and what remains is a
//! person when it looks like a personal name, else an untyped name for the
//! statistical tagger (or the document's other mentions) to decide.

use crate::context::Ctx;
use crate::lexicon::classes::{is, Class};
use crate::lexicon::{Gender, Lexicon, PhraseKind};
use crate::EntityType;
use std::ops::Range;

/// One named mention found by the rules.
#[derive(Clone, Debug, PartialEq)]
pub struct Piece {
    pub toks: Range<usize>,
    /// None: a capitalised name of unknown type.
    pub etype: Option<EntityType>,
    /// The lexicon's canonical form ("United States" for "US").
    pub canonical: Option<String>,
    pub country: Option<String>,
    /// Tokens of the role written next to a person.
    pub role: Option<Range<usize>>,
    pub gender: Gender,
    /// Typed by a rule that outranks the statistical tagger (a country, a
    /// nationality, a title before a name, an organisation word).
    pub strong: bool,
}

impl Piece {
    pub fn from_span(toks: Range<usize>, etype: EntityType) -> Piece {
        Piece::new(toks, Some(etype))
    }

    fn new(toks: Range<usize>, etype: Option<EntityType>) -> Piece {
        Piece {
            toks,
            etype,
            canonical: None,
            country: None,
            role: None,
            gender: Gender::Unknown,
            strong: false,
        }
    }
}

/// Lower-case words that sit inside names.
fn is_connector(w: &str) -> bool {
    is(w, Class::NameConnector)
}

/// The connectors that join only organisation and place names ("of", "for").
fn joins_organisations(w: &str) -> bool {
    is(w, Class::OrganisationConnector)
}

/// Genders implied by a title word.
pub fn title_gender(w: &str) -> Gender {
    if is(w, Class::MaleTitle) {
        Gender::Male
    } else if is(w, Class::FemaleTitle) {
        Gender::Female
    } else {
        Gender::Unknown
    }
}

pub fn phrase_type(kind: PhraseKind) -> EntityType {
    match kind {
        PhraseKind::Country | PhraseKind::City => EntityType::Gpe,
        PhraseKind::Location => EntityType::Loc,
        PhraseKind::Nationality => EntityType::Norp,
        PhraseKind::Product => EntityType::Product,
        PhraseKind::Organisation => EntityType::Org,
    }
}

/// Model designations of weapons and vehicles: "F-16", "Su-34", "S-400",
/// "MiG-29", "Kh-101", "T-90M", "B-52s". Not diseases or groups ("COVID-19", "G-20").
pub fn is_model_designation(w: &str) -> bool {
    let Some((a, b)) = w.split_once('-') else {
        return false;
    };
    let upper = a.to_ascii_uppercase();
    if is(&upper, Class::NotDesignation) {
        return false;
    }
    let letters_ok = (1..=3).contains(&a.len())
        && a.starts_with(|c: char| c.is_ascii_uppercase())
        && a.chars().all(|c| c.is_ascii_alphabetic());
    let digits = b.chars().take_while(char::is_ascii_digit).count();
    let rest = &b[digits..];
    letters_ok
        && (1..=4).contains(&digits)
        && rest.len() <= 3
        && rest.chars().all(|c| c.is_ascii_alphanumeric())
}

/// ISO codes of currencies common in news ("USD"): capitals, but not organisations.
fn is_currency_code(w: &str) -> bool {
    is(w, Class::CurrencyCode)
}

/// Whether token `i` can start a run of name words.
fn starts_run(ctx: &Ctx, lex: &Lexicon, i: usize) -> bool {
    let t = &ctx.toks[i];
    // "Jan Siemerink", "April Jones": a month that is a given name, before a
    // capitalised word (not "Jan 12", not "May Day" at a sentence start)
    let given_month = lex.is_time_word(&t.norm)
        && lex.given_name(&t.norm).is_some()
        && !ctx.opens_clause(i)
        && ctx.toks.get(i + 1).is_some_and(|n| {
            n.sent == t.sent
                && n.cap
                && n.kind == claimtrail_text::TokenKind::Word
                && !lex.is_time_word(&n.norm)
                && !n.all_caps()
        });
    if !t.cap
        || t.kind != claimtrail_text::TokenKind::Word
        || (lex.is_time_word(&t.norm) && !given_month)
    {
        return false;
    }
    if t.all_caps() || !ctx.opens_clause(i) {
        return true;
    }
    // A capitalised sentence opener is an ordinary word when it is closed-class,
    // or the tagger does not call it a proper noun (without a tagger: it occurs in
    // lower case elsewhere), unless a lexicon knows it as a name.
    let known_name = lex.phrase(&[&t.norm]).is_some()
        || lex.given_name(&t.norm).is_some()
        || (ctx.capitalised_inside.contains(&t.norm) && !ctx.lower_forms.contains(&t.norm));
    if lex.is_function(&t.norm) {
        return false;
    }
    // "News Corp fell", "General Motors Corp said": the opener begins a run
    // of capitalised words that ends with an organisation word
    let s = &ctx.sentences[t.sent];
    let limit = s.end.min(i + 5);
    let end = (i + 1..limit)
        .find(|&k| !ctx.toks[k].cap || ctx.toks[k].kind != claimtrail_text::TokenKind::Word)
        .unwrap_or(limit);
    let namelike = ctx.uncommon.get(i) != Some(&false) || ctx.propn.get(i) == Some(&true);
    if namelike && end > i + 1 && end - i <= 4 && lex.org_word(ctx.toks[end - 1].bare()).head {
        return true;
    }
    // "West Indian fast bowler ...", "New Zealand beat ...": the opener begins
    // a capitalised place or nationality of several words
    if phrase_from(ctx, lex, i) >= 2 {
        return true;
    }
    // "Kostadinov scored twice": an unknown opener with a surname's ending
    let surname_like = ctx.uncommon.get(i) == Some(&true)
        && !ctx.lower_forms.contains(&t.norm)
        && crate::merge::has_surname_ending(&t.norm);
    match ctx.propn.get(i) {
        Some(&propn) => propn || known_name || surname_like,
        None => !ctx.lower_forms.contains(&t.norm) || known_name,
    }
}

/// The length of the longest lexicon phrase written capitalised from token `i`
/// within its sentence (0 for none).
fn phrase_from(ctx: &Ctx, lex: &Lexicon, i: usize) -> usize {
    let s = &ctx.sentences[ctx.toks[i].sent];
    let mut w: Vec<&str> = Vec::new();
    for t in &ctx.toks[i..s.end] {
        if !t.cap || w.len() >= 5 {
            break;
        }
        w.push(t.bare());
    }
    lex.longest_phrase(&w).map_or(0, |(n, _)| n)
}

/// "Saeed Anwar scored": an unknown capitalised sentence opener, which the
/// tagger reads as a noun, before a name that the rules would start anyway is
/// the first word of that name. Words written in lower case elsewhere,
/// closed-class words, titles and time words stay out ("Later Clinton said").
fn opener_joins_name(ctx: &Ctx, lex: &Lexicon, i: usize, end: usize) -> bool {
    let t = &ctx.toks[i];
    i + 1 < end
        && t.cap
        && t.kind == claimtrail_text::TokenKind::Word
        && !t.all_caps()
        && ctx.opens_clause(i)
        // an unknown word or a given name, not a common noun ("Opener Saeed
        // Anwar hit", "Surgeon Renat Akchurin told")
        && (ctx.noun_like.get(i) == Some(&true) || ctx.uncommon.get(i) == Some(&true))
        && (ctx.uncommon.get(i) != Some(&false) || lex.given_name(&t.norm).is_some())
        && !lex.is_function(&t.norm)
        && !lex.is_time_word(&t.norm)
        && !lex.is_title(t.bare())
        && !crate::roles::is_role_modifier(&t.norm)
        && !ctx.lower_forms.contains(&t.norm)
        && lex.phrase(&[&t.norm]).is_none()
        && ctx.propn.get(i + 1) == Some(&true)
        && ctx.toks[i + 1].cap
        && !ctx.toks[i + 1].all_caps()
        && starts_run(ctx, lex, i + 1)
        && lex.phrase(&[&ctx.toks[i + 1].norm]).is_none()
}

/// Whether token `i` is part of a label of a stage or section: "Group C",
/// "Pool B", "Division 2", "Section IV" (the word and its letter or number).
pub fn is_section_label(ctx: &Ctx, i: usize) -> bool {
    let label_word = |k: usize| is(&ctx.toks[k].norm, Class::SectionLabelWord);
    let label = |k: usize| {
        let t = ctx.toks[k].text;
        (t.len() == 1
            && t.chars()
                .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()))
            || (t.len() <= 2 && t.chars().all(|c| c.is_ascii_digit()))
            || (t.len() <= 4 && t.len() >= 2 && t.chars().all(|c| matches!(c, 'I' | 'V' | 'X')))
    };
    let same = |a: usize, b: usize| ctx.toks[a].sent == ctx.toks[b].sent;
    let word_then_label =
        |k: usize| k + 1 < ctx.toks.len() && same(k, k + 1) && label_word(k) && label(k + 1);
    word_then_label(i) || (i > 0 && word_then_label(i - 1))
}

/// Whether token `j` continues a run that started at `s`.
fn continues_run(ctx: &Ctx, lex: &Lexicon, j: usize) -> bool {
    let t = &ctx.toks[j];
    t.cap
        && t.kind == claimtrail_text::TokenKind::Word
        && (!lex.is_time_word(&t.norm) || lex.given_name(&t.norm).is_some())
}

/// A sentence in capitals throughout (a wire headline): case says nothing there.
pub fn is_upper_sentence(ctx: &Ctx, sent: &Range<usize>) -> bool {
    let mut letters = 0;
    for t in &ctx.toks[sent.clone()] {
        if t.text.chars().any(char::is_lowercase) {
            return false;
        }
        letters += usize::from(t.text.chars().any(char::is_alphabetic));
    }
    letters >= 2
}

/// Finds and types the named mentions of one sentence.
pub fn find(ctx: &Ctx, lex: &Lexicon, sent: Range<usize>, out: &mut Vec<Piece>) {
    if is_upper_sentence(ctx, &sent) {
        // Only what the lexicons know; the statistical tagger decides the rest.
        let w = words(ctx, sent.clone());
        let mut k = 0;
        while k < w.len() {
            match lex.longest_phrase(&w[k..]) {
                Some((n, p)) => {
                    out.push(phrase_piece(sent.start + k..sent.start + k + n, p));
                    k += n;
                }
                None => k += 1,
            }
        }
        return;
    }
    let mut i = sent.start;
    while i < sent.end {
        let t = &ctx.toks[i];
        if is_model_designation(t.text) {
            let mut p = Piece::new(i..i + 1, Some(EntityType::Product));
            p.canonical = Some(t.text.trim_end_matches('s').to_string());
            p.strong = true;
            out.push(p);
            i += 1;
            continue;
        }
        if !starts_run(ctx, lex, i) && !opener_joins_name(ctx, lex, i, sent.end) {
            i += 1;
            continue;
        }
        let mut e = i + 1;
        while e < sent.end {
            if continues_run(ctx, lex, e) {
                e += 1;
            } else if is_connector(&ctx.toks[e].norm) && e + 1 < sent.end {
                // "of the" is one connector, and so are two name particles
                // ("van der", "de la"); a connector must be followed by a name word
                let two = (ctx.toks[e + 1].is("the") && ctx.toks[e].is("of"))
                    || (!ctx.toks[e].is("of")
                        && is_connector(&ctx.toks[e + 1].norm)
                        && !ctx.toks[e + 1].cap
                        && !joins_organisations(&ctx.toks[e + 1].norm));
                let next = if two { e + 2 } else { e + 1 };
                if next < sent.end
                    && continues_run(ctx, lex, next)
                    && connector_allowed(ctx, lex, i, e)
                {
                    e = next + 1;
                } else {
                    break;
                }
            } else {
                break;
            }
        }
        // "National People 's Congress", "Korean People 's Army", "Children 's
        // Defense Fund": a group's possessive inside an organisation's name
        if e + 1 < sent.end
            && matches!(ctx.toks[e].text, "'s" | "’s" | "'" | "’")
            && is(&ctx.toks[e - 1].norm, Class::GroupPossessor)
            && continues_run(ctx, lex, e + 1)
        {
            let mut f = e + 1;
            while f < sent.end && continues_run(ctx, lex, f) {
                f += 1;
            }
            if lex.org_word(ctx.toks[f - 1].bare()).head {
                e = f;
            }
        }
        segment(ctx, lex, i..e, out);
        i = e;
    }
}

/// Initials written as one token: "F.W.", "J.", "P.V.".
fn is_initials(w: &str) -> bool {
    let b = w.as_bytes();
    !b.is_empty()
        && b.len() % 2 == 0
        && b.len() <= 6
        && b.chunks(2)
            .all(|c| c[0].is_ascii_uppercase() && c[1] == b'.')
}

/// "Di Matteo", "De Boer", "Van Gaal", "Le Saux": a capitalised name particle
/// that opens a name, before a capitalised word, is part of the surname.
fn leading_particle(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    t.cap
        && !t.all_caps()
        && is(&t.norm, Class::NameParticle)
        && ctx.toks.get(i + 1).is_some_and(|n| {
            n.sent == t.sent && n.cap && n.kind == claimtrail_text::TokenKind::Word
        })
}

/// "for" and "on" only join organisation names ("Centre for Strategic Studies").
fn connector_allowed(ctx: &Ctx, lex: &Lexicon, s: usize, c: usize) -> bool {
    match ctx.toks[c].norm.as_str() {
        "for" | "on" => (s..c).any(|k| {
            let w = lex.org_word(&ctx.toks[k].norm);
            w.head || w.lead
        }),
        _ => true,
    }
}

fn words<'c>(ctx: &'c Ctx, r: Range<usize>) -> Vec<&'c str> {
    ctx.toks[r].iter().map(|t| t.bare()).collect()
}

/// Splits and types one run of name words.
fn segment(ctx: &Ctx, lex: &Lexicon, run: Range<usize>, out: &mut Vec<Piece>) {
    let w = words(ctx, run.clone());
    let (s, e) = (run.start, run.end);
    // 0. "Senator Edward Kennedy of Massachusetts": a titled person, then the
    // place the person is from or represents.
    if let Some(of) = w.iter().rposition(|x| *x == "of").filter(|&k| k >= 2) {
        let place = lex.phrase(&w[of + 1..]).filter(|p| {
            matches!(
                p.kind,
                PhraseKind::Country | PhraseKind::City | PhraseKind::Location
            )
        });
        if let Some(p) = place {
            // "Southern District of New York", "Kherson Oblast of Ukraine": an
            // area, then the place it lies in (no titled person)
            if lex.phrase(&w).is_none() && lex.name_word(w[of - 1]).admin_head {
                let mut area = Piece::new(s..s + of, Some(EntityType::Gpe));
                area.strong = true;
                out.push(area);
                out.push(phrase_piece(s + of + 1..e, p));
                return;
            }
            if title_split(ctx, lex, &w[..of], s, s + of).is_some() {
                segment(ctx, lex, s..s + of, out);
                out.push(phrase_piece(s + of + 1..e, p));
                return;
            }
        }
    }
    // "Toyota Princess Cup", "King Fahd Cup": an event, whatever titles it holds
    if w.len() >= 2
        && lex.name_word(w[w.len() - 1]).event_head
        && !lex.org_word(w[0]).lead
        && lex.phrase(&w).is_none()
    {
        let mut p = Piece::new(run, Some(EntityType::Event));
        p.strong = true;
        out.push(p);
        return;
    }
    // 1. A title followed by a name: the last title whose remainder is a name.
    if let Some((name_start, title_gender)) = title_split(ctx, lex, &w, s, e) {
        sub_pieces(ctx, lex, s..name_start, out);
        let mut p = Piece::new(name_start..e, Some(EntityType::Person));
        p.role = Some(s..name_start);
        p.strong = true;
        p.gender = match title_gender {
            Gender::Unknown => lex
                .given_name(&ctx.toks[name_start].norm)
                .unwrap_or(Gender::Unknown),
            g => g,
        };
        out.push(p);
        return;
    }
    // 2. A leading title with a complement ("Chief of Defence Intelligence"):
    // the title is a role word, the complement is typed on its own.
    let n = lex.title_at(&w);
    if n > 0 && n < w.len() && matches!(w[n], "of" | "for") {
        let rest = s + n + 1 + usize::from(ctx.toks.get(s + n + 1).is_some_and(|t| t.is("the")));
        if rest < e {
            segment_untitled(ctx, lex, rest..e, false, out);
        }
        return;
    }
    segment_untitled(ctx, lex, run, true, out);
}

/// Where a person's name starts after a title inside the run, and the gender
/// the title implies.
fn title_split(
    ctx: &Ctx,
    lex: &Lexicon,
    w: &[&str],
    s: usize,
    e: usize,
) -> Option<(usize, Gender)> {
    let mut best = None;
    for h in 0..w.len() {
        let n = lex.title_at(&w[h..]);
        if n == 0 {
            continue;
        }
        let name = h + n;
        let len = w.len() - name;
        if !(1..=4).contains(&len)
            || is_connector(w[name])
            || !looks_like_name(ctx, lex, s + name..e)
        {
            continue;
        }
        best = Some((s + name, title_gender(w[h + n - 1])));
    }
    // "Secretary of State Antony Blinken": a given name after a title with a complement.
    // "US Secretary of State Warren Christopher": the title may follow a place
    let first_title = (0..w.len()).find(|&h| lex.title_at(&w[h..]) > 0);
    if let (None, Some(h)) = (best, first_title) {
        for k in h + 1..w.len() {
            let len = w.len() - k;
            if (2..=4).contains(&len)
                && lex.given_name(w[k]).is_some()
                && looks_like_name(ctx, lex, s + k..e)
            {
                return Some((s + k, Gender::Unknown));
            }
        }
    }
    best
}

/// A personal name: no organisation word, no country or nationality, no title.
fn looks_like_name(ctx: &Ctx, lex: &Lexicon, r: Range<usize>) -> bool {
    let w = words(ctx, r.clone());
    if w.is_empty() || lex.phrase(&w).is_some_and(|p| p.kind != PhraseKind::City) {
        return false;
    }
    w.iter().enumerate().all(|(k, x)| {
        let tok = &ctx.toks[r.start + k];
        // name particles ("de", "van", "al"), not the "of" of organisations
        // ("Matthew Ingram of The Globe and Mail" is a man and a newspaper)
        let connector = is_connector(x) && !joins_organisations(x) && k > 0 && k + 1 < w.len();
        connector
            || (tok.cap
                && !lex.org_word(x).head
                && !lex.is_title(x)
                && lex
                    .phrase(&[x])
                    .is_none_or(|p| matches!(p.kind, PhraseKind::City)))
    })
}

/// Lexicon phrases inside a role ("US" in "US Defence Secretary").
fn sub_pieces(ctx: &Ctx, lex: &Lexicon, r: Range<usize>, out: &mut Vec<Piece>) {
    let w = words(ctx, r.clone());
    let mut k = 0;
    while k < w.len() {
        match lex.longest_phrase(&w[k..]) {
            Some((n, p)) if p.kind != PhraseKind::City && ctx.toks[r.start + k].cap => {
                out.push(phrase_piece(r.start + k..r.start + k + n, p));
                k += n;
            }
            _ => k += 1,
        }
    }
}

fn phrase_piece(r: Range<usize>, p: &crate::lexicon::Phrase) -> Piece {
    let mut piece = Piece::new(r, Some(phrase_type(p.kind)));
    piece.canonical = Some(p.canonical.clone());
    piece.strong = p.kind != PhraseKind::City;
    if !p.country.is_empty() && p.kind != PhraseKind::Country {
        piece.country = Some(p.country.clone());
    }
    piece
}

/// Types a run without a title: a whole lexicon phrase, an organisation, or
/// pieces split at lexicon phrases.
fn segment_untitled(
    ctx: &Ctx,
    lex: &Lexicon,
    run: Range<usize>,
    may_be_person: bool,
    out: &mut Vec<Piece>,
) {
    let w = words(ctx, run.clone());
    if let Some(p) = lex.phrase(&w) {
        out.push(phrase_piece(run, p));
        return;
    }
    // "Opener Saeed Anwar hit", "Surgeon Renat Akchurin told": a common word
    // capitalised only because it opens the sentence, before a personal
    // name; "(Chancellor of the) Exchequer Kenneth Clarke": a word that is no
    // name before a given name
    let first = &ctx.toks[run.start];
    let opener_common = ctx.opens_clause(run.start)
        && (ctx.uncommon.get(run.start) == Some(&false)
            || ctx.propn.get(run.start) == Some(&false));
    let opener_common = opener_common && !ctx.capitalised_inside.contains(&first.norm);
    // (only as a title's complement: "Hernan Dario Gomez", "K. Michael
    // Stevens" keep their first word)
    let complement = run.start > 0 && matches!(ctx.toks[run.start - 1].text, "the" | "of");
    let before_given = w.len() >= 3
        && complement
        && !lex.is_surname(&first.norm)
        && lex.given_name(w[1]).is_some()
        && lex.longest_phrase(&w).is_none();
    if may_be_person
        && w.len() >= 3
        && !first.all_caps()
        && (opener_common || before_given)
        && lex.given_name(&first.norm).is_none()
        && lex.phrase(&w[..1]).is_none()
        && !lex.org_word(w[0]).lead
        && looks_like_name(ctx, lex, run.start + 1..run.end)
    {
        segment_untitled(ctx, lex, run.start + 1..run.end, may_be_person, out);
        return;
    }
    // "Rivals Toshiba Corp and NEC Corp report", "Shares Nomura Holdings":
    // a plural common noun opening the sentence before a company's name
    // ("News Corp" keeps its first word: the rest must be a name)
    let company = (w.len() >= 3 && lex.org_word(w[w.len() - 1]).head)
        || lex
            .phrase(&w[1..])
            .is_some_and(|p| p.kind == PhraseKind::Organisation);
    let plural_opener = opener_common
        && w.len() >= 2
        && first.norm.ends_with('s')
        && company
        && lex.phrase(&w[..1]).is_none()
        && lex.given_name(&first.norm).is_none();
    if plural_opener {
        segment_untitled(ctx, lex, run.start + 1..run.end, may_be_person, out);
        return;
    }
    // "Tour de France", "Tour of Britain": a race named after its country
    let tour = w.len() >= 3 && w[0] == "tour" && matches!(w[1], "de" | "of" | "du");
    let last = lex.name_word(w[w.len() - 1]);
    if tour || (w.len() >= 2 && last.event_head && !lex.org_word(w[0]).lead) {
        let mut p = Piece::new(run, Some(EntityType::Event));
        p.strong = true;
        out.push(p);
        return;
    }
    if let Some(country) = organisation(ctx, lex, &w, run.clone()) {
        let mut p = Piece::new(run, Some(EntityType::Org));
        p.strong = w.len() > 1;
        p.country = country;
        out.push(p);
        return;
    }
    if w.len() >= 2 && (last.place_head || lex.name_word(w[0]).place_lead) {
        let mut p = Piece::new(run, Some(EntityType::Loc));
        p.strong = true;
        out.push(p);
        return;
    }
    // "Orange County", "Kherson Oblast", "Western District": an area with a
    // government, whatever word names it (a surname, a compass point)
    if w.len() >= 2 && last.admin_head {
        let mut p = Piece::new(run, Some(EntityType::Gpe));
        p.strong = true;
        out.push(p);
        return;
    }
    if personal_name(ctx, lex, run.clone(), &w, may_be_person, out) {
        return;
    }
    // Split at lexicon phrases (not cities: "Lloyd Austin" is a man).
    let mut k = 0;
    let mut chunk = run.start;
    while k < w.len() {
        let at = run.start + k;
        let phrase = lex
            .longest_phrase(&w[k..])
            .filter(|(_, p)| p.kind != PhraseKind::City);
        if let Some((n, p)) = phrase {
            unknown_chunk(ctx, lex, chunk..at, may_be_person, out);
            out.push(phrase_piece(at..at + n, p));
            k += n;
            chunk = run.start + k;
        } else if is_connector(w[k]) && !(k == 0 && leading_particle(ctx, at)) {
            unknown_chunk(ctx, lex, chunk..at, may_be_person, out);
            // "of the" is one connector: "the" starts no name
            k += if w[k] == "of" && w.get(k + 1) == Some(&"the") {
                2
            } else {
                1
            };
            chunk = run.start + k;
        } else {
            k += 1;
        }
    }
    unknown_chunk(ctx, lex, chunk..run.end, may_be_person, out);
}

/// A run that reads as a personal name: opened by a given name or initials,
/// or with name particles ("Heinrich von Pierer"). Pushes it and returns true.
fn personal_name(
    ctx: &Ctx,
    lex: &Lexicon,
    run: Range<usize>,
    w: &[&str],
    may_be_person: bool,
    out: &mut Vec<Piece>,
) -> bool {
    // a given name or initials ("F.W. de Klerk", "P.V. Narasimha Rao") open a
    // person's name
    let initials = is_initials(ctx.toks[run.start].text);
    let opens_person = lex.given_name(w[0]).is_some() || initials;
    if may_be_person && w.len() >= 2 && opens_person && looks_like_name(ctx, lex, run.clone()) {
        let mut p = Piece::new(run.clone(), Some(EntityType::Person));
        p.gender = lex.given_name(w[0]).unwrap_or(Gender::Unknown);
        out.push(p);
        return true;
    }
    // "Christian Cullen": a given name that also names a group, before a
    // word that is neither a common word nor a lexicon name, is a person
    if may_be_person
        && w.len() == 2
        && lex.given_name(w[0]).is_some()
        && lex
            .phrase(&w[..1])
            .is_some_and(|p| p.kind == PhraseKind::Nationality)
        && ctx.uncommon.get(run.start + 1) == Some(&true)
        && lex.phrase(&w[1..]).is_none()
        && !lex.org_word(w[1]).head
        && !ctx.toks[run.start].all_caps()
    {
        let mut p = Piece::new(run.clone(), Some(EntityType::Person));
        p.gender = lex.given_name(w[0]).unwrap_or(Gender::Unknown);
        out.push(p);
        return true;
    }
    // "Heinrich von Pierer", "Joost van der Westhuizen": name particles
    // inside a personal name do not split it.
    let particles = w.len() >= 3
        && w[1..w.len() - 1]
            .iter()
            .any(|x| is_connector(x) && !joins_organisations(x));
    // ("Catedral de San Ildefonso", "Conservatoire de Paris" are no people)
    if may_be_person
        && particles
        && opens_person
        && !w.iter().any(|x| joins_organisations(x))
        && !w.iter().any(|x| lex.phrase(&[x]).is_some())
        && looks_like_name(ctx, lex, run.clone())
    {
        unknown_chunk(ctx, lex, run, may_be_person, out);
        return true;
    }
    false
}

/// If the run names an organisation, the country it belongs to (if written).
fn organisation(ctx: &Ctx, lex: &Lexicon, w: &[&str], run: Range<usize>) -> Option<Option<String>> {
    // "Defence Intelligence of Ukraine": a place after the last "of" gives the country.
    let mut core = w;
    let mut country = None;
    if let Some(of) = w.iter().rposition(|x| *x == "of") {
        if let Some(p) = lex
            .phrase(&w[of + 1..])
            .filter(|p| matches!(p.kind, PhraseKind::Country | PhraseKind::City))
        {
            if of > 0 {
                core = &w[..of];
                country = Some(if p.kind == PhraseKind::Country {
                    p.canonical.clone()
                } else {
                    p.country.clone()
                });
            }
        }
    }
    let head = lex.org_word(core[core.len() - 1]).head && core.len() >= 2;
    // "Bank of England", and inside a longer name "Massachusetts Institute of
    // Technology", "Labrador Court of Appeal"
    let lead = core.len() >= 3
        && (0..core.len() - 2).any(|k| lex.org_word(core[k]).lead && core[k + 1] == "of");
    let first = &ctx.toks[run.start];
    let acronym = w.len() == 1
        && first.all_caps()
        && first.text.len() <= 6
        && first
            .text
            .chars()
            .all(|c| c.is_alphabetic() || c == '.' || c == '&')
        && !is_currency_code(first.text);
    let single_head =
        core.len() == 1 && lex.org_word(core[0]).head && ctx.toks[run.start].cap && run.len() > 1;
    // "Air China", "Radio Free Europe", "Banco Santander", "FC Porto": words
    // that open the names of airlines, broadcasters, banks and clubs
    let prefix = w.len() >= 2 && is(w[0], Class::OrgNameOpener);
    if !(head || lead || acronym || single_head || prefix) {
        return None;
    }
    // "Russian Defence Ministry", "US Army": a leading place or nationality.
    if country.is_none() && w.len() >= 2 {
        if let Some((_, p)) = lex.longest_phrase(w).filter(|(n, _)| *n < w.len()) {
            if matches!(p.kind, PhraseKind::Country | PhraseKind::Nationality)
                && !p.country.is_empty()
            {
                country = Some(p.country.clone());
            }
        }
    }
    Some(country)
}

/// A stretch between lexicon phrases: a person if it looks like a personal
/// name of two or more words, else an untyped name. Title words alone are dropped.
fn unknown_chunk(
    ctx: &Ctx,
    lex: &Lexicon,
    r: Range<usize>,
    may_be_person: bool,
    out: &mut Vec<Piece>,
) {
    if r.is_empty() {
        return;
    }
    let w = words(ctx, r.clone());
    if w.iter().any(|x| lex.is_title(x)) && lex.title_at(&w[w.len() - 1..]) > 0 {
        return; // "Defence Secretary": a role without a name
    }
    if w.len() == 1 && lex.is_title(w[0]) {
        return;
    }
    let person = may_be_person
        && w.len() >= 2
        && looks_like_name(ctx, lex, r.clone())
        && !ctx.toks[r.start].all_caps();
    let mut p = Piece::new(r, person.then_some(EntityType::Person));
    if person {
        p.gender = lex.given_name(w[0]).unwrap_or(Gender::Unknown);
    }
    out.push(p);
}
