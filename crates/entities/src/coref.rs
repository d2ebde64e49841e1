//! Within-document coreference: named mentions grouped into entities, then
//! title nominals ("the president") and pronouns ("he", "she", "its") linked to
//! the most recent compatible entity.
//!
//! Names merge when they are the same name or one is part of the other
//! ("Volodymyr Zelenskyy" ... "Zelenskyy"), an acronym of the other ("NIS"), or
//! the same lexicon entry ("US" and "United States"). The canonical name is
//! the fullest one.

use crate::context::Ctx;
use crate::fxhash::FastMap as HashMap;
use crate::lexicon::classes::{is, Class};
use crate::lexicon::{Gender, Lexicon};
use crate::names::Piece;
use crate::{Entity, EntityLayer, EntityType, Mention, MentionKind};
use claimtrail_text::Span;

struct Cluster {
    etype: EntityType,
    /// Normalised name words of the fullest name, without a possessive.
    words: Vec<String>,
    canonical: String,
    lexical: bool,
    role: Option<std::ops::Range<usize>>,
    country: Option<String>,
    gender: Gender,
    mentions: Vec<(Span, MentionKind)>,
    /// Token index of the latest mention, for recency.
    last_tok: usize,
}

fn name_words(ctx: &Ctx, r: std::ops::Range<usize>) -> Vec<String> {
    ctx.toks[r]
        .iter()
        .filter(|t| !t.is("'s"))
        .map(|t| t.bare().to_string())
        .collect()
}

fn text_of(ctx: &Ctx, r: std::ops::Range<usize>, doc_text: &str) -> String {
    let span = Span::new(ctx.toks[r.start].span.start, ctx.toks[r.end - 1].span.end);
    doc_text
        .get(span.start..span.end)
        .unwrap_or("")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

fn initials(words: &[String]) -> String {
    words
        .iter()
        .filter(|w| !is(w, Class::InitialsSkipped))
        .filter_map(|w| w.chars().next())
        .collect()
}

/// Whether a name with `words` can be a further mention of cluster `c`.
fn same_name(c: &Cluster, words: &[String], etype: EntityType) -> bool {
    if c.words == words {
        return true;
    }
    match etype {
        EntityType::Person => {
            let (short, long): (&[String], &[String]) = if words.len() <= c.words.len() {
                (words, &c.words)
            } else {
                (&c.words, words)
            };
            // "Zelenskyy" in "Volodymyr Zelenskyy": a surname, or the same last word
            // with the shorter name's words all in the longer one.
            let last_match = short.last() == long.last();
            let subset = short.iter().all(|w| long.contains(w));
            last_match && subset
        }
        EntityType::Org => {
            let acr = |a: &[String], b: &[String]| {
                a.len() == 1 && b.len() >= 2 && a[0].replace('.', "") == initials(b)
            };
            // "Cisco" for "Cisco Systems": the first word of the name alone
            let short_form =
                |a: &[String], b: &[String]| a.len() == 1 && b.len() >= 2 && a[0] == b[0];
            acr(words, &c.words)
                || acr(&c.words, words)
                || short_form(words, &c.words)
                || short_form(&c.words, words)
        }
        _ => false,
    }
}

/// Groups the pieces into entities and resolves nominals and pronouns.
pub fn resolve(ctx: &Ctx, lex: &Lexicon, text: &str, pieces: &[Piece]) -> EntityLayer {
    let pieces = type_unknowns(ctx, pieces);
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut by_key: HashMap<(EntityType, String), usize> = HashMap::default();
    let mut events: Vec<(usize, usize)> = Vec::new(); // (token, cluster) of named mentions, in order
    for p in &pieces {
        let Some(etype) = p.etype else { continue };
        let words = name_words(ctx, p.toks.clone());
        if words.is_empty() {
            continue;
        }
        let span = Span::new(
            ctx.toks[p.toks.start].span.start,
            ctx.toks[p.toks.end - 1].span.end,
        );
        let surface = text_of(ctx, p.toks.clone(), text);
        let found = if let Some(canon) = p.canonical.as_ref().filter(|_| etype != EntityType::Norp)
        {
            by_key.get(&(etype, canon.to_lowercase())).copied()
        } else {
            // the most recent match among the last MAX_CLUSTERS entities: an
            // article has far fewer, and a hostile input stays linear
            let from = clusters.len().saturating_sub(MAX_CLUSTERS);
            clusters[from..]
                .iter()
                .rposition(|c| c.etype == etype && !c.lexical && same_name(c, &words, etype))
                .map(|k| from + k)
        };
        let ci = match found {
            Some(ci) => ci,
            None => {
                let lexical = p.canonical.is_some() && etype != EntityType::Norp;
                let canonical = if lexical {
                    p.canonical.clone().unwrap_or_default()
                } else {
                    surface.clone()
                };
                clusters.push(Cluster {
                    etype,
                    words: words.clone(),
                    canonical,
                    lexical,
                    role: None,
                    country: None,
                    gender: Gender::Unknown,
                    mentions: Vec::new(),
                    last_tok: 0,
                });
                if let Some(canon) = &p.canonical {
                    by_key.insert((etype, canon.to_lowercase()), clusters.len() - 1);
                }
                clusters.len() - 1
            }
        };
        let c = &mut clusters[ci];
        if !c.lexical && words.len() > c.words.len() {
            c.words = words;
            c.canonical = surface;
        }
        if c.role.is_none() {
            c.role = p.role.clone();
        }
        // a person's country comes with a role ("US Defence Secretary"), never
        // from a surname that is also a town ("Parker" after "John Parker")
        if c.country.is_none() && (etype != EntityType::Person || p.role.is_some()) {
            c.country = p.country.clone();
        }
        if c.gender == Gender::Unknown {
            c.gender = p.gender;
        }
        if c.gender == Gender::Unknown && etype == EntityType::Person {
            c.gender = lex.given_name(&c.words[0]).unwrap_or(Gender::Unknown);
        }
        c.mentions.push((span, MentionKind::Name));
        c.last_tok = p.toks.end;
        events.push((p.toks.start, ci));
    }
    let taken: Vec<std::ops::Range<usize>> = pieces
        .iter()
        .filter(|p| p.etype.is_some())
        .map(|p| p.toks.clone())
        .collect();
    link_references(ctx, lex, &mut clusters, &mut events, &taken);
    layer(ctx, text, clusters)
}

/// Untyped names take the type of a typed name they are part of elsewhere in
/// the document ("Budanov" after "Kyrylo Budanov"); others are dropped.
fn type_unknowns(ctx: &Ctx, pieces: &[Piece]) -> Vec<Piece> {
    let mut known: HashMap<String, EntityType> = HashMap::default();
    for p in pieces {
        if let Some(t @ (EntityType::Person | EntityType::Org)) = p.etype {
            for w in name_words(ctx, p.toks.clone()) {
                if w.chars().count() > 1 {
                    known.entry(w).or_insert(t);
                }
            }
        }
    }
    pieces
        .iter()
        .filter_map(|p| {
            if p.etype.is_some() {
                return Some(p.clone());
            }
            let words = name_words(ctx, p.toks.clone());
            let t = (words.len() == 1)
                .then(|| known.get(&words[0]).copied())
                .flatten()?;
            let mut q = p.clone();
            q.etype = Some(t);
            Some(q)
        })
        .collect()
}

fn pronoun(w: &str) -> Option<(Gender, bool)> {
    // (gender, whether it may refer to an organisation)
    if is(w, Class::MalePronoun) {
        Some((Gender::Male, false))
    } else if is(w, Class::FemalePronoun) {
        Some((Gender::Female, false))
    } else if is(w, Class::NeuterPronoun) {
        // organisations are "it" and "they" ("Airbus said its orders rose";
        // "the ministry said they had confirmed it")
        Some((Gender::Unknown, true))
    } else if is(w, Class::PluralPronoun) {
        // plural: people as often as organisations, so only within the
        // sentence of the organisation (checked by the caller)
        Some((Gender::Unknown, true))
    } else {
        None
    }
}

/// Title nominals and pronouns, in text order, to the most recent compatible entity.
fn link_references(
    ctx: &Ctx,
    lex: &Lexicon,
    clusters: &mut [Cluster],
    events: &mut Vec<(usize, usize)>,
    taken: &[std::ops::Range<usize>],
) {
    let named = std::mem::take(events);
    let mut next_named = 0;
    let mut i = 0;
    let mut in_name = vec![false; ctx.toks.len()];
    for r in taken {
        in_name[r.clone()].iter_mut().for_each(|b| *b = true);
    }
    let inside = |i: usize| in_name[i];
    while i < ctx.toks.len() {
        while next_named < named.len() && named[next_named].0 <= i {
            events.push(named[next_named]);
            next_named += 1;
        }
        if inside(i) {
            i += 1;
            continue;
        }
        let t = &ctx.toks[i];
        let sent = t.sent;
        // "the president", "the Ukrainian president", "the ministry"
        if t.is("the") {
            if let Some((end, head)) = nominal(ctx, lex, i) {
                if let Some(ci) = nominal_antecedent(ctx, clusters, events, &head, sent) {
                    let span = Span::new(t.span.start, ctx.toks[end - 1].span.end);
                    clusters[ci].mentions.push((span, MentionKind::Nominal));
                    events.push((i, ci));
                    i = end;
                    continue;
                }
            }
        }
        if let Some((gender, org)) = pronoun(&t.norm) {
            let plural = is(&t.norm, Class::PluralPronoun);
            let found = pronoun_antecedent(ctx, clusters, events, gender, org, sent)
                .filter(|&(_, tok)| !plural || ctx.toks[tok].sent == sent)
                .map(|(ci, _)| ci);
            if let Some(ci) = found {
                if clusters[ci].gender == Gender::Unknown && !org {
                    clusters[ci].gender = gender;
                }
                clusters[ci].mentions.push((t.span, MentionKind::Pronoun));
                events.push((i, ci));
            }
        }
        i += 1;
    }
}

/// "the [modifiers] <title>" not followed by a name or "of": its end and head word.
fn nominal(ctx: &Ctx, lex: &Lexicon, i: usize) -> Option<(usize, String)> {
    let sent = &ctx.sentences[ctx.toks[i].sent];
    let mut k = i + 1;
    while k < sent.end && k - i <= 3 {
        let t = &ctx.toks[k];
        if t.text.chars().next().is_some_and(char::is_lowercase)
            && (lex.is_title(&t.norm)
                || lex.org_word(&t.norm).lead
                || lex.org_word(&t.norm).head
                || is_business_noun(&t.norm))
        {
            let next = ctx.toks.get(k + 1).filter(|n| n.sent == t.sent);
            let followed_by_name = next.is_some_and(|n| n.cap || n.is("of") || n.is("'s"));
            if followed_by_name {
                return None;
            }
            return Some((k + 1, t.norm.clone()));
        }
        let modifier = t.cap || is(&t.norm, Class::NominalModifier);
        if !modifier {
            return None;
        }
        k += 1;
    }
    None
}

/// Nouns for a business or a club: "the company" is whatever company the
/// text last named, whatever its name ("Airbus ... the company").
fn is_business_noun(w: &str) -> bool {
    is(w, Class::BusinessNoun)
}

/// A name with a word of government, the armed forces or the press in it
/// ("Korean People's Army", "Ministry of Defence", "Associated Press") is not
/// what "the company" or "the club" refers to.
fn names_public_body(words: &[String]) -> bool {
    words
        .iter()
        .any(|w| is_institution_noun(w) || is(w, Class::PublicBodyWord))
}

/// Nouns for a public body: "the agency" after "NIS", "the ministry" after
/// "the Ministry of Defence".
fn is_institution_noun(w: &str) -> bool {
    is(w, Class::InstitutionNoun)
}

const PRONOUN_WINDOW: usize = 5;
const MAX_CLUSTERS: usize = 1000;
/// At most this many earlier mentions are looked at, so that an endless
/// sentence cannot make resolution quadratic.
const MAX_CANDIDATES: usize = 100;

fn nominal_antecedent(
    ctx: &Ctx,
    clusters: &[Cluster],
    events: &[(usize, usize)],
    head: &str,
    sent: usize,
) -> Option<usize> {
    for &(tok, ci) in events.iter().rev().take(MAX_CANDIDATES) {
        if sent.saturating_sub(ctx.toks[tok].sent) > PRONOUN_WINDOW * 3 {
            break;
        }
        let c = &clusters[ci];
        let fits = match c.etype {
            EntityType::Person => c
                .role
                .as_ref()
                .is_some_and(|r| ctx.toks[r.clone()].iter().any(|t| t.bare() == head)),
            // the head in the name ("the ministry" for "Ministry of Defence"),
            // any organisation for a business noun, an acronym for a body
            // ("the agency" for "NIS")
            EntityType::Org => {
                c.words.iter().any(|w| w == head)
                    || (is_business_noun(head) && !names_public_body(&c.words))
                    || (is_institution_noun(head)
                        && c.words.len() == 1
                        && c.canonical
                            .chars()
                            .filter(|ch| ch.is_alphabetic())
                            .all(char::is_uppercase))
            }
            _ => false,
        };
        if fits {
            return Some(ci);
        }
    }
    None
}

fn pronoun_antecedent(
    ctx: &Ctx,
    clusters: &[Cluster],
    events: &[(usize, usize)],
    gender: Gender,
    org: bool,
    sent: usize,
) -> Option<(usize, usize)> {
    for &(tok, ci) in events.iter().rev().take(MAX_CANDIDATES) {
        let distance = sent.saturating_sub(ctx.toks[tok].sent);
        if distance > if org { 1 } else { PRONOUN_WINDOW } {
            break;
        }
        let c = &clusters[ci];
        if org {
            // "its" refers to the nearest entity only when that is an organisation
            return (c.etype == EntityType::Org).then_some((ci, tok));
        }
        if c.etype == EntityType::Person && (c.gender == Gender::Unknown || c.gender == gender) {
            return Some((ci, tok));
        }
    }
    None
}

/// The public layer: entities in order of first mention, mentions in text order.
fn layer(ctx: &Ctx, text: &str, mut clusters: Vec<Cluster>) -> EntityLayer {
    clusters.retain(|c| !c.mentions.is_empty());
    for c in &mut clusters {
        c.mentions.sort_by_key(|m| m.0.start);
    }
    clusters.sort_by_key(|c| c.mentions[0].0.start);
    let mut all: Vec<(Span, MentionKind, usize)> = Vec::new();
    for (ci, c) in clusters.iter().enumerate() {
        all.extend(c.mentions.iter().map(|&(s, k)| (s, k, ci)));
    }
    // Mentions never overlap: a name wins over a nominal or pronoun that
    // covers it ("Perot, the Reform Party candidate"), then the earlier
    // (longer) one wins.
    all.sort_by_key(|m| {
        (
            m.1 != MentionKind::Name,
            m.0.start,
            std::cmp::Reverse(m.0.end),
        )
    });
    let mut kept: std::collections::BTreeMap<usize, usize> = Default::default();
    let mut mentions: Vec<Mention> = Vec::with_capacity(all.len());
    for (span, kind, entity) in all {
        let before = kept.range(..=span.start).next_back();
        let after = kept.range(span.start..).next();
        let clash = before.is_some_and(|(_, &end)| end > span.start)
            || after.is_some_and(|(&start, _)| start < span.end);
        if clash {
            continue;
        }
        kept.insert(span.start, span.end);
        mentions.push(Mention { span, kind, entity });
    }
    mentions.sort_by_key(|m| m.span.start);
    let mut entities: Vec<Entity> = clusters
        .iter()
        .map(|c| {
            let role_span = c
                .role
                .as_ref()
                .map(|r| Span::new(ctx.toks[r.start].span.start, ctx.toks[r.end - 1].span.end));
            Entity {
                canonical: c.canonical.clone(),
                etype: c.etype,
                role: role_span.map(|s| {
                    text[s.start..s.end]
                        .split_whitespace()
                        .collect::<Vec<_>>()
                        .join(" ")
                }),
                role_span,
                country: c.country.clone(),
                mentions: Vec::new(),
            }
        })
        .collect();
    for (mi, m) in mentions.iter().enumerate() {
        entities[m.entity].mentions.push(mi);
    }
    // An entity whose mentions were all overlapped away is dropped; reindex.
    let keep: Vec<bool> = entities.iter().map(|e| !e.mentions.is_empty()).collect();
    let mut new_index = vec![usize::MAX; entities.len()];
    let mut n = 0;
    for (i, &k) in keep.iter().enumerate() {
        if k {
            new_index[i] = n;
            n += 1;
        }
    }
    let entities: Vec<Entity> = entities
        .into_iter()
        .zip(keep)
        .filter(|(_, k)| *k)
        .map(|(e, _)| e)
        .collect();
    for m in &mut mentions {
        m.entity = new_index[m.entity];
    }
    EntityLayer { entities, mentions }
}
