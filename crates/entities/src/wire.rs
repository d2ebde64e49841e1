//! Wire-copy conventions: datelines and headlines in capitals.
//!
//! - A dateline opens a story with the place it was filed from in capitals,
//!   then the date or the agency: "FRANKFURT 1996-10-22", "SHARJAH, United Arab
//!   Emirates 1996-11-08", "WASHINGTON (Reuters) -". The capitalised words are
//!   a place whatever the lexicons know of them.
//! - A headline in capitals ("TENNIS - SAMPRAS BEATS KAFELNIKOV") names what
//!   the story names in ordinary case: a capitalised word takes the type of the
//!   same name in the body, or of the person whose surname it is.

use crate::context::Ctx;
use crate::lexicon::{Lexicon, PhraseKind};
use crate::names::{is_upper_sentence, Piece};
use crate::EntityType;
use claimtrail_text::TokenKind;
use std::collections::HashMap;
use std::ops::Range;

/// The longest name, in tokens, looked up in a headline.
const MAX_NAME: usize = 5;

/// "1996-10-22", "22/10/1996": a written date.
fn is_numeric_date(w: &str) -> bool {
    let parts: Vec<&str> = w.split(['-', '/']).collect();
    parts.len() == 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 4 && p.bytes().all(|b| b.is_ascii_digit()))
}

/// A month name or abbreviation, by the text crate's shared word table
/// (`crates/text/lang/en/month.tsv`); a final period is allowed.
fn is_month(w: &str) -> bool {
    claimtrail_text::words::month(w.trim_end_matches('.')).is_some()
}

/// A word in capitals as datelines write places ("BOBO-DIOULASSO", "ST. LOUIS").
fn caps_word(ctx: &Ctx, i: usize) -> bool {
    let t = &ctx.toks[i];
    t.kind == TokenKind::Word && t.all_caps()
}

/// If sentence `s` is a dateline, the capitalised place it opens with.
fn dateline_place(ctx: &Ctx, lex: &Lexicon, s: &Range<usize>) -> Option<Range<usize>> {
    if s.len() > 12 || s.is_empty() {
        return None;
    }
    let mut e = s.start;
    while e < s.end && e - s.start < 4 && caps_word(ctx, e) {
        e += 1;
    }
    if e == s.start || e == s.end {
        return None;
    }
    // what follows the place: a date, a comma and a region or country, or the agency
    let rest = &ctx.toks[e..s.end];
    let dated = rest
        .iter()
        .any(|t| is_numeric_date(t.text) || is_month(&t.norm));
    let agency = rest.first().is_some_and(|t| t.text == "(")
        && rest.iter().any(|t| t.text == ")")
        && rest
            .last()
            .is_some_and(|t| matches!(t.text, "-" | "--" | "–" | "—"));
    // "LONDON 1996-08-30", "LONDON, Aug 30", "BOBO-DIOULASSO, Burkina Faso
    // 2026-03-24", "WASHINGTON (Reuters) -"; a headline in capitals with a
    // comma ("CLINTON, DOLE CLASH ON OCT 16") is none
    let direct = is_numeric_date(rest[0].text) || is_month(&rest[0].norm);
    let comma = rest[0].text == ","
        && rest[1..]
            .iter()
            .any(|t| t.text.chars().any(char::is_lowercase));
    let follows = direct || (comma && dated) || (rest[0].text == "(" && agency);
    // a headline in capitals is no dateline: its words are not all place words
    let words: Vec<&str> = ctx.toks[s.start..e].iter().map(|t| t.bare()).collect();
    let known = lex.phrase(&words).is_some();
    (follows && (known || e - s.start <= 3)).then_some(s.start..e)
}

/// Types the places of datelines.
pub fn datelines(ctx: &Ctx, lex: &Lexicon, pieces: &mut Vec<Piece>) {
    let mut added = false;
    for s in &ctx.sentences {
        let Some(r) = dateline_place(ctx, lex, s) else {
            continue;
        };
        let overlaps = |p: &Piece| p.toks.start < r.end && r.start < p.toks.end;
        if pieces
            .iter()
            .any(|p| p.toks == r && p.etype == Some(EntityType::Gpe))
        {
            continue;
        }
        pieces.retain(|p| !overlaps(p));
        let words: Vec<&str> = ctx.toks[r.clone()].iter().map(|t| t.bare()).collect();
        let mut p = Piece::from_span(r, EntityType::Gpe);
        if let Some(ph) = lex
            .phrase(&words)
            .filter(|ph| matches!(ph.kind, PhraseKind::City | PhraseKind::Country))
        {
            p.canonical = Some(ph.canonical.clone());
        }
        p.strong = true;
        pieces.push(p);
        added = true;
    }
    if added {
        pieces.sort_by_key(|p| p.toks.start);
    }
}

/// Which sentences are written in capitals; None when none is.
fn upper_sentences(ctx: &Ctx) -> Option<Vec<bool>> {
    let upper: Vec<bool> = ctx
        .sentences
        .iter()
        .map(|s| is_upper_sentence(ctx, s))
        .collect();
    upper.iter().any(|&u| u).then_some(upper)
}

/// In capitals, a lone common word the body does not name ("BASEBALL - MAJOR
/// LEAGUE STANDINGS", "CHINA IN SURPRISE DEFEAT") is a headline word, not a
/// name. Runs before the sports and dateline rules settle readings.
pub fn headline_words(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    let Some(upper) = upper_sentences(ctx) else {
        return;
    };
    // what the body names, in ordinary case
    let mut names: std::collections::HashSet<Vec<&str>> = Default::default();
    for p in pieces.iter() {
        if p.etype.is_none() || upper[ctx.toks[p.toks.start].sent] {
            continue;
        }
        names.insert(
            ctx.toks[p.toks.clone()]
                .iter()
                .map(|t| t.norm.as_str())
                .collect(),
        );
    }
    for p in pieces.iter_mut() {
        let i = p.toks.start;
        let words: Vec<&str> = ctx.toks[p.toks.clone()].iter().map(|t| t.bare()).collect();
        let keys: Vec<&str> = ctx.toks[p.toks.clone()]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        // a town named like a common word ("SURPRISE", "DATE", "UNION") is
        // that word in a headline unless the body names the town
        let lone_common = !p.strong
            && upper[ctx.toks[i].sent]
            && p.toks.clone().all(|k| {
                // a common word of the language, or one the story writes in lower case
                ctx.uncommon.get(k) == Some(&false) || ctx.lower_forms.contains(&ctx.toks[k].norm)
            })
            && lex
                .phrase(&words)
                .is_none_or(|ph| ph.kind == PhraseKind::City && words.len() == 1)
            && !names.contains(&keys);
        if lone_common {
            p.etype = None;
        }
    }
}

/// A name's type and canonical form.
type Typed = (EntityType, Option<String>);

/// The names written in ordinary case in the body, by their normalised
/// words, and the distinctive words of the longer ones (a person's surname,
/// a club's "ROVERS").
fn body_names<'c>(
    ctx: &'c Ctx,
    lex: &Lexicon,
    pieces: &[Piece],
    upper: &[bool],
) -> (HashMap<Vec<&'c str>, Typed>, HashMap<&'c str, Typed>) {
    let mut names: HashMap<Vec<&str>, Typed> = HashMap::new();
    let mut surnames: HashMap<&str, Typed> = HashMap::new();
    // (a dateline's place says nothing of how the story reads the name:
    // "BARCELONA 1996-10-20" over a report on the club)
    let dateline: Vec<bool> = ctx
        .sentences
        .iter()
        .map(|s| dateline_place(ctx, lex, s).is_some())
        .collect();
    for p in pieces.iter() {
        let Some(t) = p.etype else { continue };
        let sent = ctx.toks[p.toks.start].sent;
        if upper[sent] || dateline[sent] || p.toks.len() > MAX_NAME {
            continue;
        }
        let words: Vec<&str> = ctx.toks[p.toks.clone()]
            .iter()
            .map(|t| t.norm.as_str())
            .collect();
        // "SAMPRAS" for "Pete Sampras", "ROVERS" or "UNITED" for "Blackburn
        // Rovers" and "Manchester United": a person's surname, a club's or
        // company's distinctive word (not "Party", not a place)
        if words.len() >= 2 {
            let parts = match t {
                EntityType::Person => p.toks.end - 1..p.toks.end,
                EntityType::Org => p.toks.clone(),
                _ => 0..0,
            };
            for i in parts {
                let w = ctx.toks[i].norm.as_str();
                // a common word ("Baseball" of "Major League Baseball") stays a word
                let distinctive = t == EntityType::Person
                    || (!lex.org_word(w).head
                        && !lex.is_function(w)
                        && lex.phrase(&[w]).is_none()
                        && w.chars().count() > 2
                        && ctx.uncommon.get(i) != Some(&false));
                if distinctive {
                    surnames.entry(w).or_insert((t, None));
                }
            }
        }
        names.entry(words).or_insert((t, p.canonical.clone()));
    }
    // an untyped name in the body that is a word of a typed one ("United"
    // after "Manchester United") is that name, as coreference will find
    let part_of: HashMap<&str, EntityType> = pieces
        .iter()
        .filter(|p| p.toks.len() >= 2)
        .filter_map(|p| match p.etype {
            Some(t @ (EntityType::Person | EntityType::Org)) => Some((p, t)),
            _ => None,
        })
        .flat_map(|(p, t)| {
            ctx.toks[p.toks.clone()]
                .iter()
                .map(move |w| (w.norm.as_str(), t))
        })
        .collect();
    for p in pieces
        .iter()
        .filter(|p| p.etype.is_none() && p.toks.len() == 1)
    {
        let w = ctx.toks[p.toks.start].norm.as_str();
        if let Some(&t) = part_of.get(w) {
            if !upper[ctx.toks[p.toks.start].sent] {
                names.entry(vec![w]).or_insert((t, None));
            }
        }
    }
    (names, surnames)
}

/// Names in capitals in headlines take the type the body gives them.
pub fn headlines(ctx: &Ctx, lex: &Lexicon, pieces: &mut Vec<Piece>) {
    let Some(upper) = upper_sentences(ctx) else {
        return;
    };
    let (names, surnames) = body_names(ctx, lex, pieces, &upper);
    if names.is_empty() {
        return;
    }
    let mut found: Vec<Piece> = Vec::new();
    for (si, s) in ctx.sentences.iter().enumerate() {
        if !upper[si] {
            continue;
        }
        let mut i = s.start;
        while i < s.end {
            let longest = (1..=MAX_NAME.min(s.end - i)).rev().find_map(|n| {
                let key: Vec<&str> = ctx.toks[i..i + n].iter().map(|t| t.norm.as_str()).collect();
                names
                    .get(&key)
                    .or_else(|| (n == 1).then(|| surnames.get(key[0])).flatten())
                    .map(|t| (n, t.clone()))
            });
            match longest {
                Some((n, (t, canonical))) if ctx.toks[i].kind == TokenKind::Word => {
                    let mut p = Piece::from_span(i..i + n, t);
                    p.canonical = canonical;
                    found.push(p);
                    i += n;
                }
                _ => i += 1,
            }
        }
    }
    if found.is_empty() {
        return;
    }
    let overlaps = |a: &Range<usize>, b: &Range<usize>| a.start < b.end && b.start < a.end;
    // what a strong rule settled (a dateline's place, a country, "WEST
    // INDIAN") stays: the body's reading of a part of it does not replace it
    // ... unless the body's name is longer and holds it ("KREMLIN CUP"); a
    // sports rule's club reading gives way to the body's ("NORMAN" for "Greg
    // Norman", not the Oklahoma town's club)
    found.retain(|f| {
        !pieces.iter().any(|p| {
            let longer = f.toks.start <= p.toks.start
                && f.toks.end >= p.toks.end
                && f.toks.len() > p.toks.len();
            let kept = match p.etype {
                Some(EntityType::Org) => p.toks.len() > f.toks.len(),
                Some(_) => true,
                None => false,
            };
            p.strong && kept && overlaps(&f.toks, &p.toks) && !longer
        })
    });
    pieces.retain(|p| !found.iter().any(|f| overlaps(&f.toks, &p.toks)));
    pieces.extend(found);
    pieces.sort_by_key(|p| p.toks.start);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates() {
        assert!(is_numeric_date("1996-08-30"));
        assert!(is_numeric_date("30/08/1996"));
        assert!(!is_numeric_date("6-3"));
        assert!(!is_numeric_date("1996"));
    }
}
