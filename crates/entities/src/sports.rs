//! Teams named after places. In a sports report "Leeds beat Chelsea" and the
//! results line "Arsenal 2 Derby 2" name clubs, not cities: wire services tag
//! them as organisations (national sides keep their country's place type).
//!
//! A document is a sports report when it has results lines (name, score, name,
//! score) or several sports words. There, a city name that is not where
//! something happens ("in Leeds", a dateline) is read as its club.

use crate::context::Ctx;
use crate::lexicon::classes::{is, Class};
use crate::lexicon::{norm, Lexicon, PhraseKind};
use crate::names::Piece;
use crate::EntityType;

/// "2", "2-1", "10", "101" (basketball): goals and points, not years.
fn is_score(t: &str) -> bool {
    t.split('-').count() <= 2
        && t.split('-')
            .all(|g| (1..=3).contains(&g.len()) && g.chars().all(|c| c.is_ascii_digit()))
}

/// A short line with two scores ("Arsenal 2 Derby 2", "Celtic ( Scotland ) 2
/// Hamburg ( Germany ) 0"); words in brackets do not count to its length.
fn is_results_line(ctx: &Ctx, tok: usize) -> bool {
    let s = &ctx.sentences[ctx.toks[tok].sent];
    // (a results line is short: this is asked for every name in a sentence)
    if s.len() > 40 {
        return false;
    }
    let mut depth = 0usize;
    let mut len = 0;
    for t in &ctx.toks[s.clone()] {
        match t.text {
            "(" => depth += 1,
            ")" => depth = depth.saturating_sub(1),
            _ if depth == 0 => len += 1,
            _ => {}
        }
    }
    len <= 10 && s.clone().filter(|&i| is_score(ctx.toks[i].text)).count() >= 2
}

/// Whether token `i` sits inside brackets in its sentence.
fn in_brackets(ctx: &Ctx, i: usize) -> bool {
    let s = &ctx.sentences[ctx.toks[i].sent];
    let mut depth = 0i32;
    for t in &ctx.toks[s.start..i] {
        match t.text {
            "(" => depth += 1,
            ")" => depth -= 1,
            _ => {}
        }
    }
    depth > 0
}

/// The end of a bracketed country after a name, "( Sweden )" from the "(" at
/// Whether tokens `toks` are a country's name ("Britain", "South Africa").
fn names_country(ctx: &Ctx, lex: &Lexicon, toks: std::ops::Range<usize>) -> bool {
    let words: Vec<&str> = ctx.toks[toks].iter().map(|t| t.bare()).collect();
    lex.phrase(&words)
        .is_some_and(|ph| ph.kind == PhraseKind::Country)
}

/// `i`: the token after ")".
fn country_in_brackets(ctx: &Ctx, lex: &Lexicon, i: usize, end: usize) -> Option<usize> {
    if ctx.toks.get(i)?.text != "(" {
        return None;
    }
    let close = (i + 1..end.min(i + 6)).find(|&k| ctx.toks[k].text == ")")?;
    let words: Vec<&str> = ctx.toks[i + 1..close].iter().map(|t| t.bare()).collect();
    lex.phrase(&words)
        .filter(|ph| ph.kind == PhraseKind::Country)
        .map(|_| close + 1)
}

/// A results line that opens with a side's name: a match result ("Arsenal 2
/// Derby 2") or a table row ("Newcastle 6 5 0 1 12 5 15"), not a leaderboard
/// row of players ("135 Greg Norman 68 67").
fn is_sides_line(ctx: &Ctx, tok: usize) -> bool {
    let s = &ctx.sentences[ctx.toks[tok].sent];
    is_results_line(ctx, tok) && ctx.toks[s.start].cap
}

/// Whether the document reads as a sports report.
fn is_sports(ctx: &Ctx) -> bool {
    let words: crate::fxhash::FastSet<&str> = ctx
        .toks
        .iter()
        .map(|t| t.norm.as_str())
        .filter(|w| is(w, Class::SportsWord))
        .collect();
    // "Arsenal 2 Derby 2": short lines with two scores
    let results_lines = ctx
        .sentences
        .iter()
        .filter(|s| !s.is_empty() && is_results_line(ctx, s.start))
        .count();
    words.len() >= 3 || results_lines >= 2 || sports_slug(ctx).is_some()
}

/// "SOCCER - JAPAN GET LUCKY WIN", "MOTOR RACING - HILL WINS", "NHL ICE
/// HOCKEY - STANDINGS": the words before the dash of a headline in capitals
/// that names a sport (the story's slug).
fn sports_slug(ctx: &Ctx) -> Option<std::ops::Range<usize>> {
    ctx.sentences.iter().take(2).find_map(|s| {
        if !crate::names::is_upper_sentence(ctx, s) {
            return None;
        }
        let dash = (s.start..s.end.min(s.start + 5)).find(|&k| ctx.toks[k].text == "-")?;
        (dash > s.start && (s.start..dash).any(|k| is(&ctx.toks[k].norm, Class::SlugSport)))
            .then_some(s.start..dash)
    })
}

/// The sides of a results line: each run of capitalised words right before a
/// score ("Sheffield Wednesday 0", "Hapoel Tel Aviv 2"), as token ranges.
fn sides(ctx: &Ctx, lex: &Lexicon, sent: &std::ops::Range<usize>) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let mut skip_to = sent.start;
    for i in sent.clone() {
        if i < skip_to {
            continue;
        }
        let t = &ctx.toks[i];
        // "Malmo ( Sweden ) 1": the side's country in brackets before its score
        if let (Some(s), Some(after)) = (start, country_in_brackets(ctx, lex, i, sent.end)) {
            // a club is named after its town ("Real Madrid", "Vitesse
            // Arnhem") or known; "Hernan Gumy ( Argentina ) 6-4" is a player
            let club = (s..i).any(|k| {
                lex.phrase(&[ctx.toks[k].bare()]).is_some_and(|ph| {
                    matches!(ph.kind, PhraseKind::City | PhraseKind::Organisation)
                })
            });
            if club
                && ctx
                    .toks
                    .get(after)
                    .is_some_and(|a| a.sent == t.sent && is_score(a.text))
            {
                out.push(s..i);
                start = None;
                skip_to = after;
                continue;
            }
        }
        // "( Jari Litmanen 33 )": scorers in brackets are no sides
        if t.text == "(" {
            start = None;
            skip_to = (i..sent.end)
                .find(|&k| ctx.toks[k].text == ")")
                .map_or(sent.end, |k| k + 1);
            continue;
        }
        let name_word = t.kind == claimtrail_text::TokenKind::Word
            && (t.cap || (start.is_some() && matches!(t.norm.as_str(), "de" | "of" | "&")));
        if name_word {
            start.get_or_insert(i);
        } else {
            if let Some(s) = start.take() {
                if is_score(t.text) && ctx.toks[i - 1].cap {
                    out.push(s..i);
                }
            }
        }
    }
    out
}

/// A cricket scorecard line: "A. Stewart c Moin Khan b Mushtaq Ahmed 44",
/// "G. Thorpe not out 54", "M. Atherton lbw b Wasim Akram 31".
fn is_scorecard_line(ctx: &Ctx, sent: &std::ops::Range<usize>) -> bool {
    sent.clone().any(|i| {
        let t = ctx.toks[i].text;
        let between_names =
            i > sent.start && i + 1 < sent.end && ctx.toks[i - 1].cap && ctx.toks[i + 1].cap;
        (is(t, Class::ScorecardMark) && between_names)
            || t == "lbw"
            || (t == "out" && i > sent.start && matches!(ctx.toks[i - 1].text, "not" | "run"))
    })
}

/// In scorecard lines the names are players: people, whatever else they
/// might be ("Mushtaq Ahmed", "Moin Khan"); countries stay places.
fn players(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let sent = &ctx.sentences[ctx.toks[p.toks.start].sent];
        if p.strong || p.etype == Some(EntityType::Person) || !is_scorecard_line(ctx, sent) {
            continue;
        }
        let country = names_country(ctx, lex, p.toks.clone());
        if !country {
            p.etype = Some(EntityType::Person);
            p.canonical = None;
        }
    }
}

/// "Ato Boldon ( Trinidad ) 20.10", "Magnus Larsson ( Sweden ) beat": a name
/// of two or more words that no lexicon knows, followed by a country in
/// brackets, is a competitor, not a place.
fn competitors(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if p.strong
            || p.toks.len() < 2
            || !matches!(
                p.etype,
                None | Some(EntityType::Gpe | EntityType::Loc | EntityType::Norp | EntityType::Org)
            )
        {
            continue;
        }
        let end = ctx.sentences[ctx.toks[p.toks.start].sent].end;
        if country_in_brackets(ctx, lex, p.toks.end, end).is_none() {
            continue;
        }
        let known = p.toks.clone().any(|k| {
            let t = &ctx.toks[k];
            !t.cap || lex.phrase(&[t.bare()]).is_some() || lex.org_word(t.bare()).head
        });
        // read as an organisation, it stays one unless it opens with a given
        // name or stands in a ranked row ("135 Bernhard Langer ( Germany ) 70 65")
        let sent = &ctx.sentences[ctx.toks[p.toks.start].sent];
        let ranked = ctx.toks[sent.start].kind == claimtrail_text::TokenKind::Number;
        let org = p.etype == Some(EntityType::Org)
            && !ranked
            && lex.given_name(&ctx.toks[p.toks.start].norm).is_none();
        if !known && !org {
            p.etype = Some(EntityType::Person);
            p.canonical = None;
        }
    }
}

/// In a sports report, "Torino coach Sandro Ferri", "held Torino 1-1", "Torino
/// striker": a name no rule typed, right before a score or a word for a member
/// of a side, is a club (a country stays the national side, a place).
fn sides_in_prose(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let sent = ctx.toks[p.toks.start].sent;
        let Some(next) = ctx.toks.get(p.toks.end).filter(|t| t.sent == sent) else {
            continue;
        };
        // "Williams team mate Jacques Villeneuve": one word before "team" is
        // the team even when read as a surname
        if p.strong
            || p.etype == Some(EntityType::Org)
            || (p.etype == Some(EntityType::Person)
                && !(p.toks.len() == 1 && is(next.text, Class::TeamWord)))
        {
            continue;
        }
        let untyped_person = p.etype == Some(EntityType::Person);
        let member = is(next.text, Class::TeamMember);
        let score = next.text.contains('-') && is_score(next.text);
        let words: Vec<&str> = ctx.toks[p.toks.clone()].iter().map(|t| t.bare()).collect();
        let place = lex
            .phrase(&words)
            .is_some_and(|ph| matches!(ph.kind, PhraseKind::Country | PhraseKind::Nationality));
        let untyped_or_town =
            p.etype.is_none() || untyped_person || (p.etype == Some(EntityType::Gpe) && !place);
        // a sentence's first word only if the document capitalises it
        // elsewhere too ("Halftime 1-0 .", "Attendance 29,000" are none)
        let first = p.toks.start == ctx.sentences[sent].start
            || ctx.opens_clause(p.toks.start)
            || ctx.toks[p.toks.start - 1].text == ".";
        let named_inside = ctx
            .capitalised_inside
            .contains(&ctx.toks[p.toks.start].norm);
        if (member || score)
            && untyped_or_town
            && !place
            && ctx.toks[p.toks.start].cap
            && (!first || named_inside)
        {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
        }
    }
}

/// "Rangers v St Johnstone", "Celtic vs Hearts": in a short line of a sports
/// report, the names on either side of "v" are sides (clubs; a country stays
/// the national side).
fn fixtures(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        let sent = &ctx.sentences[ctx.toks[p.toks.start].sent];
        if p.strong || sent.len() > 10 {
            continue;
        }
        let is_v = |k: usize| sent.contains(&k) && is(ctx.toks[k].text, Class::FixtureMark);
        let beside = is_v(p.toks.end) || (p.toks.start > sent.start && is_v(p.toks.start - 1));
        if !beside {
            continue;
        }
        let country = names_country(ctx, lex, p.toks.clone());
        if !country {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
            p.strong = true;
        }
    }
}

/// "Hagi opened the scoring", "Raducioiu added a second": in a sports report
/// one word that no lexicon knows, before a verb of scoring, is a player.
fn scorers_in_prose(ctx: &Ctx, lex: &Lexicon, pieces: &mut [Piece]) {
    for p in pieces.iter_mut() {
        if p.strong || p.toks.len() != 1 || p.etype == Some(EntityType::Person) {
            continue;
        }
        let t = &ctx.toks[p.toks.start];
        let scoring = ctx
            .toks
            .get(p.toks.end)
            .is_some_and(|n| n.sent == t.sent && is(n.text, Class::ScoringVerb));
        let known = lex.phrase(&[t.bare()]).is_some() || p.canonical.is_some();
        if scoring && !known && t.cap && !t.all_caps() {
            p.etype = Some(EntityType::Person);
            p.canonical = None;
        }
    }
}

/// Retypes city names as clubs in sports reports, and adds the sides of
/// results lines that nothing else named.
pub fn clubs(ctx: &Ctx, lex: &Lexicon, pieces: &mut Vec<Piece>) {
    // a scorecard line says enough by itself
    players(ctx, lex, pieces);
    competitors(ctx, lex, pieces);
    if !is_sports(ctx) {
        return;
    }
    // the slug names a sport, not a person or a place ("MOTOR RACING -")
    if let Some(slug) = sports_slug(ctx) {
        for p in pieces.iter_mut() {
            if !p.strong && p.toks.start < slug.end && slug.start < p.toks.end {
                p.etype = None;
            }
        }
    }
    sides_in_prose(ctx, lex, pieces);
    scorers_in_prose(ctx, lex, pieces);
    fixtures(ctx, lex, pieces);
    results_sides(ctx, lex, pieces);
    for p in pieces.iter_mut() {
        retype_in_sports(ctx, lex, p);
    }
}

/// The sides of results lines ("Feyenoord 2 Ajax 1") as pieces: clubs, or
/// countries for national sides.
fn results_sides(ctx: &Ctx, lex: &Lexicon, pieces: &mut Vec<Piece>) {
    let mut added = false;
    for sent in &ctx.sentences {
        if sent.is_empty() || !is_sides_line(ctx, sent.start) {
            continue;
        }
        for r in sides(ctx, lex, sent) {
            let overlaps = |p: &Piece| p.toks.start < r.end && r.start < p.toks.end;
            // a piece inside the side ("Sheffield" of "Sheffield Wednesday") gives way to it
            if pieces
                .iter()
                .any(|p| overlaps(p) && (p.toks.start < r.start || p.toks.end > r.end))
            {
                continue;
            }
            if pieces.iter().any(|p| p.toks == r) {
                continue;
            }
            pieces.retain(|p| !overlaps(p));
            let words: Vec<&str> = ctx.toks[r.clone()].iter().map(|t| t.bare()).collect();
            let piece = match lex.phrase(&words) {
                Some(ph) if ph.kind == PhraseKind::Country => {
                    let mut p = Piece::from_span(r, EntityType::Gpe);
                    p.canonical = Some(ph.canonical.clone());
                    p.strong = true;
                    p
                }
                _ => Piece::from_span(r, EntityType::Org),
            };
            pieces.push(piece);
            added = true;
        }
    }
    if added {
        pieces.sort_by_key(|p| p.toks.start);
    }
}

/// A name of a sports report typed by where it stands: a scorer in brackets
/// in a results line, a side before its score, a club named after its town.
fn retype_in_sports(ctx: &Ctx, lex: &Lexicon, p: &mut Piece) {
    // "Feyenoord 2 ( Gaston Taument 20 , 85 )": in a results line a name
    // in brackets followed by a minute scored; countries stay places
    if is_sides_line(ctx, p.toks.start)
        && in_brackets(ctx, p.toks.start)
        && ctx
            .toks
            .get(p.toks.end)
            .is_some_and(|t| t.kind == claimtrail_text::TokenKind::Number)
    {
        if !names_country(ctx, lex, p.toks.clone()) {
            p.etype = Some(EntityType::Person);
            p.canonical = None;
            p.strong = true;
        }
        return;
    }
    // In a results line a name followed by its score is a side: a club,
    // whatever the tagger thought ("Feyenoord 2 Ajax 1"); countries stay places.
    // ("PSV 3 Ajax 1 . Halftime 1-0 .": a word after a full stop is a side
    // only if the document capitalises it elsewhere)
    let after_stop = p.toks.start > ctx.sentences[ctx.toks[p.toks.start].sent].start
        && ctx.toks[p.toks.start - 1].text == "."
        && !ctx
            .capitalised_inside
            .contains(&ctx.toks[p.toks.start].norm);
    if is_sides_line(ctx, p.toks.start)
        && !after_stop
        && ctx.toks.get(p.toks.end).is_some_and(|t| is_score(t.text))
    {
        let country = p.etype == Some(EntityType::Gpe)
            && p.canonical.as_ref().is_some_and(|c| {
                lex.phrase(&[&norm(c)])
                    .is_some_and(|ph| ph.kind == PhraseKind::Country)
            });
        if !country {
            p.etype = Some(EntityType::Org);
            p.canonical = None;
            p.strong = true;
            return;
        }
    }
    if p.etype != Some(EntityType::Gpe) {
        return;
    }
    let words: Vec<String> = ctx.toks[p.toks.clone()]
        .iter()
        .map(|t| norm(t.text))
        .collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    if lex
        .phrase(&refs)
        .is_some_and(|ph| ph.kind == PhraseKind::Country)
    {
        return; // national sides keep their place type
    }
    let sent = &ctx.sentences[ctx.toks[p.toks.start].sent];
    let prev = (p.toks.start > sent.start).then(|| ctx.toks[p.toks.start - 1].norm.as_str());
    // ("a draw at Southampton", "won at Leeds": at the club's ground; "At
    // Leeds :" heads the matches played there)
    let next = ctx
        .toks
        .get(p.toks.end)
        .filter(|t| t.sent == ctx.toks[p.toks.start].sent)
        .map_or("", |t| t.text);
    // a match's score in the sentence makes "at X" the club's ground;
    // elsewhere it is the venue ("seven winners at Ascot")
    // (looked for near the name only: a long sentence is not scanned for
    // every town in it)
    let scored = || {
        let lo = p.toks.start.saturating_sub(30).max(sent.start);
        let hi = (p.toks.end + 30).min(sent.end);
        (lo..hi).any(|k| {
            let w = ctx.toks[k].text;
            w.contains('-') && is_score(w)
        })
    };
    let locative = prev.is_some_and(|w| {
        is(w, Class::LocativePreposition)
            || (w == "at" && (matches!(next, ":" | "," | "") || !scored()))
    });
    // "LONDON 1996-08-30", "LONDON, Aug 30": a dateline; "Leeds 0" is a results line
    let dateline = p.toks.start == sent.start
        && ctx.toks.get(p.toks.end).is_some_and(|t| {
            (t.kind == claimtrail_text::TokenKind::Number && !is_score(t.text)) || t.text == ","
        });
    if !locative && !dateline {
        p.etype = Some(EntityType::Org);
        p.canonical = None;
    }
    // either way the reading is settled: a later vote must not merge the
    // club and the town
    p.strong = true;
}
