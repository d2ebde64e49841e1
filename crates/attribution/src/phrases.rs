//! Shallow phrase walks over tokens: the source noun phrase to the left of a
//! cue (with appositives and relative clauses), a noun phrase to the right
//! ("said John Smith, a spokesman"), and the subject of a clause.
//!
//! Without a parser the walks lean on English word order: a subject runs from
//! the clause start (sentence start, comma, "that", a conjunction) to its verb.

use crate::ctx::Ctx;
use crate::lexicon::{class::*, Form};
use claimtrail_text::TokenKind;
use std::ops::Range;

/// Longest source phrase taken from the clause start.
const MAX_SOURCE: usize = 25;

/// Tokens that end a clause going leftwards.
fn is_boundary(ctx: &Ctx, k: usize) -> bool {
    match ctx.kind(k) {
        TokenKind::Quote => true,
        TokenKind::Punct => !matches!(ctx.text(k), "-" | "&" | "." | "/"),
        TokenKind::Word => ctx.is(k, SUB) && !ctx.is(k, REL) && !ctx.is(k, AS),
        _ => false,
    }
}

/// The source to the left of a cue starting at `c0`, within a sentence starting at `a`.
/// Handles "X said", "X, Y, said" (appositive), "X, who ..., said".
pub(crate) fn source_left(ctx: &Ctx, a: usize, c0: usize) -> Option<Range<usize>> {
    let j = skip_left_adverbials(ctx, a, c0);
    if j == a {
        return None;
    }
    let p = j - 1;
    if ctx.is_punct(p, ",") {
        return appositive(ctx, a, p, 0);
    }
    if ctx.is(p, REL) {
        // "..., who said": the antecedent before the comma.
        let q = if p > a && ctx.is_punct(p - 1, ",") {
            p - 1
        } else {
            p
        };
        return subject_ending_at(ctx, a, q);
    }
    subject_ending_at(ctx, a, j)
}

/// Skips adverbs and a short time phrase between a subject and its verb
/// ("Smith also said", "The ministry on Monday said").
pub(crate) fn skip_left_adverbials(ctx: &Ctx, a: usize, c0: usize) -> usize {
    let mut j = c0;
    while j > a && ctx.is(j - 1, ADV) && !ctx.is(j - 1, SUBJ_PRON) {
        j -= 1;
    }
    if j >= a + 2 && ctx.is(j - 1, TIME) && ctx.is(j - 2, DAY_LEAD) {
        j -= 2;
    }
    // "The Treasury today announced", "The ministry Monday said"
    while j > a + 1 && (ctx.is(j - 1, DAY_DEIXIS) || ctx.is_weekday(j - 1)) {
        j -= 1;
    }
    j
}

/// "Some warned", "though many said", "Others argued": a quantifier alone
/// opening its clause is a subject, not a determiner.
pub(crate) fn quantifier_subject(ctx: &Ctx, a: usize, p: usize) -> bool {
    let opens =
        p == a || ctx.is(p - 1, CONJ | SUB) || ctx.is_punct(p - 1, ",") || ctx.is_punct(p - 1, ";");
    opens && ctx.is(p, QUANTIFIER)
}

/// The subject phrase that ends right before token `j`.
pub(crate) fn subject_ending_at(ctx: &Ctx, a: usize, j: usize) -> Option<Range<usize>> {
    if j <= a {
        return None;
    }
    let p = j - 1;
    if ctx.is(p, SUBJ_PRON) && !ctx.is(p, REL) {
        return Some(p..j);
    }
    if quantifier_subject(ctx, a, p) {
        return Some(p..j);
    }
    // From the clause start to the verb.
    let mut k = j;
    while k > a && j - k < MAX_SOURCE {
        let t = k - 1;
        if is_boundary(ctx, t) {
            break;
        }
        if ctx.is(t, CONJ) {
            // "Smith and Jones said": names on both sides are one subject.
            let joins_names = t > a
                && (ctx.is_cap(t - 1) || ctx.is_possessive(t - 1))
                && (ctx.is_cap(t + 1) || ctx.is(t + 1, DET));
            if !joins_names {
                break;
            }
        }
        k = t;
    }
    let mut start = k;
    // A leading conjunction or sentence adverb is not part of the subject:
    // "But the ministry said", "Meanwhile officials said".
    while start + 1 < j
        && (ctx.is(start, CONJ | ADV) || (ctx.is(start, SUB) && !ctx.is(start, REL)))
    {
        start += 1;
    }
    let cand = start..j;
    if j - k < MAX_SOURCE && subject_like(ctx, cand.clone()) {
        // A relative clause is not part of the source: "The official who spoke ..." -> "The official".
        let head_end = cand
            .clone()
            .find(|&t| t > start && ctx.is(t, REL))
            .unwrap_or(j);
        return Some(start..head_end);
    }
    np_left(ctx, a, j)
}

/// A phrase that can be a subject: no finite verb outside a relative clause,
/// ends in a content word, and does not open with a preposition.
fn subject_like(ctx: &Ctx, r: Range<usize>) -> bool {
    if r.is_empty() || ctx.is(r.start, PREP) {
        return false;
    }
    let last = r.end - 1;
    if !(ctx.is_nounish(last)
        || ctx.is_cap(last)
        || ctx.is(last, SUBJ_PRON | OBJ_PRON)
        || ctx.kind(last) == TokenKind::Number)
    {
        return false;
    }
    if ctx.is(last, REL) || ctx.is(last, DET) {
        return false;
    }
    for k in r.clone() {
        if ctx.is(k, REL) {
            return k > r.start; // what follows is the relative clause
        }
        if k + 1 < r.end && ctx.is(k, SUBJ_PRON) {
            return false; // "They perpetrated ...": a clause, not a phrase
        }
        if looks_like_past_verb(ctx, k, r.start) {
            return false;
        }
        if ctx.is(k, AUX | MODAL | NEG | VERB) && !ctx.is_possessive(k) {
            return false;
        }
        // a cue word modifying the noun after it is part of the phrase
        // ("press secretary Karine Jean-Pierre", "news agency")
        let modifier = k + 1 < r.end
            && ctx.is_nounish(k + 1)
            && !ctx.is_cap(k + 1)
            && matches!(ctx.info[k].cue.map(|c| c.form), Some(Form::Base));
        if ctx.info[k].cue.is_some()
            && !ctx.is_cap(k)
            && ctx.kind(k) == TokenKind::Word
            && !(k > r.start && ctx.is_noun_like(k))
            && !modifier
        {
            return false;
        }
    }
    true
}

/// "Jobs then moved on to ...": a lower-case -ed word after a content word
/// and before a determiner, preposition or adverb is a verb, not a modifier.
pub(crate) fn looks_like_past_verb(ctx: &Ctx, k: usize, start: usize) -> bool {
    let t = ctx.text(k);
    k > start
        && k + 1 < ctx.doc.tokens().len()
        && t.len() > 4
        && t.ends_with("ed")
        && !ctx.is_cap(k)
        && (ctx.is_nounish(k - 1) || ctx.is_cap(k - 1) || ctx.is(k - 1, ADV))
        && !ctx.is(k - 1, DET)
        && ctx.is(k + 1, DET | PREP | ADV | OBJ_PRON)
}

/// A tight noun phrase walked leftwards from `j`: names, content words,
/// possessives, determiners and "of"/"for" links.
/// A bare domain name ("Secunia.com", "Gawker.com"), not a link or an address.
fn is_domain_name(w: &str) -> bool {
    !w.contains("://") && !w.contains('@') && !w.contains('/') && !w.starts_with("www.")
}

pub(crate) fn np_left(ctx: &Ctx, a: usize, j: usize) -> Option<Range<usize>> {
    let mut k = j;
    while k > a {
        let t = k - 1;
        let ok = match ctx.kind(t) {
            TokenKind::Word => {
                if ctx.is_possessive(t) {
                    true
                } else if ctx.is(t, DET) {
                    k = t;
                    // "the head of the ministry": keep going through "of".
                    if t > a + 1 && ctx.is(t - 1, OF | FOR) && ctx.is_nounish(t - 2) {
                        k = t - 1;
                        continue;
                    }
                    break;
                } else if ctx.is(t, NP_PREP) {
                    k < j
                        && t > a
                        && (ctx.is_nounish(t - 1) || ctx.is_cap(t - 1))
                        && ctx.is(t, OF | FOR)
                } else {
                    ctx.is_nounish(t) || ctx.is_cap(t) && !ctx.is(t, CONJ | SUB | PREP)
                }
            }
            TokenKind::Number => true,
            TokenKind::Punct => matches!(ctx.text(t), "-" | "&"),
            // a company by its domain: "the firm Secunia.com"
            TokenKind::Url => is_domain_name(ctx.text(t)),
            _ => false,
        };
        if !ok {
            break;
        }
        k = t;
    }
    let r = k..j;
    let has_head = r.clone().any(|t| {
        ctx.is_nounish(t)
            || ctx.is_cap(t)
            || (ctx.kind(t) == TokenKind::Url && is_domain_name(ctx.text(t)))
    });
    (has_head && !r.is_empty()).then_some(r)
}

/// "X, Y, said": `comma` is the comma right before the cue. Returns the head
/// phrase with its appositive, relative clause or (dropped) parenthetical.
fn appositive(ctx: &Ctx, a: usize, comma: usize, depth: usize) -> Option<Range<usize>> {
    let s1_end = comma;
    let mut s1_start = comma;
    // Back to the previous comma; a relative clause may hold "where" or "that".
    let stops = |k: usize| {
        ctx.kind(k) == TokenKind::Quote
            || (ctx.kind(k) == TokenKind::Punct
                && matches!(ctx.text(k), "," | ";" | ":" | "(" | ")"))
    };
    while s1_start > a && !stops(s1_start - 1) {
        s1_start -= 1;
    }
    if s1_start == s1_end {
        return None;
    }
    let seg = s1_start..s1_end;
    if s1_start == a || !ctx.is_punct(s1_start - 1, ",") {
        // "Peter Boockvar, an equity strategist, commented" without its first comma,
        // or a stray comma: the phrase that opens the clause is the source
        let opens_clause = s1_start == a || is_boundary(ctx, s1_start - 1);
        return (depth == 0
            && opens_clause
            && np_like(ctx, seg.clone())
            && !ctx.is(s1_start, PREP | ADV))
        .then_some(seg);
    }
    let relative = ctx.is(s1_start, REL);
    // "in a statement", "however", and participial modifiers ("speaking at a
    // press conference") sit between a source and its cue but are not part of it.
    let participle = !ctx.is_cap(s1_start)
        && (ctx.text(s1_start).ends_with("ing") || ctx.text(s1_start).ends_with("ed"));
    let parenthetical =
        ctx.is(s1_start, PREP | ADV) || participle || seg.clone().all(|k| ctx.is(k, TIME | ADV));
    let np = np_like(ctx, seg.clone());
    if !(relative || parenthetical || np) {
        return None;
    }
    let c2 = s1_start - 1;
    let head = subject_ending_at(ctx, a, c2).filter(|h| np_like(ctx, h.clone()));
    let head = match head {
        Some(h) => h,
        None if depth == 0 && ctx.is_punct(c2, ",") => appositive(ctx, a, c2, 1)?,
        None => return None,
    };
    // A parenthetical or a relative clause is left out; an appositive role stays.
    Some(if parenthetical || relative {
        head
    } else {
        head.start..s1_end
    })
}

/// A segment that reads as a noun phrase (an appositive role, a name).
pub(crate) fn np_like(ctx: &Ctx, r: Range<usize>) -> bool {
    if r.is_empty() || r.len() > 15 {
        return false;
    }
    if ctx.is(r.start, PREP | CONJ | SUB | AUX | MODAL) && !ctx.is(r.start, DET) {
        return false;
    }
    let mut content = false;
    let start = r.start;
    for k in r {
        // A cue word after a determiner is a noun ("a press conference", "the report").
        let verb_cue = ctx.info[k].cue.is_some_and(|c| c.form != Form::Base)
            && !ctx.is_cap(k)
            && !(k > start && ctx.is(k - 1, DET));
        match ctx.kind(k) {
            TokenKind::Word => {
                if ctx.is(k, REL) {
                    return content;
                }
                if ctx.is(k, AUX | MODAL | NEG | VERB | SUB) && !ctx.is_possessive(k) || verb_cue {
                    return false;
                }
                content |= ctx.is_nounish(k) || ctx.is_cap(k) || ctx.is(k, SUBJ_PRON);
            }
            TokenKind::Number => content = true,
            TokenKind::Punct if matches!(ctx.text(k), "-" | "&" | "." | "(" | ")") => {}
            _ => return false,
        }
    }
    content
}

/// A noun phrase starting at `k` ("the ministry", "John Smith", "he"), up to
/// `end`; with `appositive`, a trailing ", a spokesman for X" that reaches `end`.
pub(crate) fn np_right(ctx: &Ctx, k: usize, end: usize, appositive: bool) -> Option<Range<usize>> {
    if k >= end {
        return None;
    }
    if ctx.is(k, SUBJ_PRON | OBJ_PRON) && !ctx.is(k, REL) {
        return Some(k..k + 1);
    }
    let mut j = k;
    while j < end {
        let ok = match ctx.kind(j) {
            TokenKind::Number => true,
            TokenKind::Punct => matches!(ctx.text(j), "-" | "&") && j > k,
            TokenKind::Word => {
                let next_np = j + 1 < end
                    && (ctx.is(j + 1, DET) || ctx.is_cap(j + 1) || ctx.is_nounish(j + 1));
                if ctx.is_possessive(j) {
                    j > k
                } else if ctx.is(j, THAT) {
                    false // a complementizer or relative: the phrase has ended
                } else if ctx.is(j, DET) {
                    // a determiner opens a phrase, it does not continue one after a name
                    j == k
                        || ctx.is(j - 1, NP_PREP)
                        || ctx.is(j - 1, BY)
                        || ctx.is_possessive(j - 1)
                } else if ctx.is(j, NP_PREP) {
                    j > k && next_np && !ctx.is(j, TO | ON)
                } else if ctx.is(j, BY) {
                    // "a report by the care regulator": the author of a document
                    j > k && next_np && ctx.is(j - 1, DOCUMENT)
                } else if ctx.is(j, CONJ) {
                    j > k
                        && ctx.is_cap(j - 1)
                        && (ctx.is_cap(j + 1) || ctx.is(j + 1, DET))
                        && j + 1 < end
                } else {
                    // "some reports", "the statement": a cue word used as a noun
                    // "Santorum criticized ...": a past verb ends the phrase
                    !looks_like_past_verb(ctx, j, k)
                        && (ctx.is_nounish(j)
                            || (j > k && ctx.is_noun_like(j))
                            || ctx.is_cap(j) && !ctx.is(j, SUB | PREP | AUX | MODAL))
                }
            }
            _ => false,
        };
        if !ok {
            break;
        }
        j += 1;
    }
    while j > k && (ctx.is(j - 1, DET | PREP | CONJ) || ctx.is_possessive(j - 1)) {
        j -= 1;
    }
    if j == k || !(k..j).any(|t| ctx.is_nounish(t) || ctx.is_cap(t) || ctx.info[t].cue.is_some()) {
        return None;
    }
    if appositive && j < end && ctx.is_punct(j, ",") {
        let s = j + 1;
        let mut e = s;
        while e < end && !ctx.is_punct(e, ",") && !ctx.is_quote_mark(e) {
            e += 1;
        }
        if e == end
            && s < e
            && np_like(ctx, s..e)
            && (ctx.is(s, DET) || ctx.is_cap(s) || ctx.is_nounish(s))
        {
            return Some(k..e);
        }
    }
    Some(k..j)
}

/// The subject of the clause that starts the sentence, after a fronted
/// adverbial ("On 13 October, Zelenskyy announced ...").
pub(crate) fn clause_subject(ctx: &Ctx, a: usize, limit: usize) -> Option<Range<usize>> {
    let mut k = a;
    while k < limit && ctx.is_quote_mark(k) {
        k += 1; // a quotation that opens with its subject
    }
    let fronted =
        k < limit && (ctx.is(k, PREP | SUB | ADV | TIME) || ctx.kind(k) == TokenKind::Number);
    if fronted {
        while k < limit && !ctx.is_punct(k, ",") {
            k += 1;
        }
        k += 1;
    }
    while k < limit && ctx.is(k, CONJ | ADV) {
        k += 1;
    }
    np_right(ctx, k, limit, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;
    use claimtrail_text::{Document, Metadata};

    fn with(text: &str, f: impl Fn(&Ctx) -> Option<Range<usize>>) -> String {
        let doc = Document::new(text, Metadata::default());
        let pars = quotes::paragraph_tokens(&doc);
        let ctx = Ctx::new(&doc, quotes::find_quotes(&doc, &pars));
        f(&ctx)
            .map(|r| doc.slice(ctx.span(r)).to_string())
            .unwrap_or_default()
    }

    fn left_of(text: &str, cue: &str) -> String {
        with(text, |ctx| {
            let c0 = (0..ctx.doc.tokens().len()).find(|&i| ctx.text(i) == cue)?;
            source_left(ctx, 0, c0)
        })
    }

    #[test]
    fn subjects_left_of_the_cue() {
        assert_eq!(
            left_of(
                "On 8 October, South Korea's Ministry of Defence stated that it would.",
                "stated"
            ),
            "South Korea's Ministry of Defence"
        );
        assert_eq!(
            left_of("Zelenskyy also noted that it works.", "noted"),
            "Zelenskyy"
        );
        assert_eq!(
            left_of("A spokesman for the ministry in Moscow said it.", "said"),
            "A spokesman for the ministry in Moscow"
        );
        assert_eq!(
            left_of(
                "The official who spoke on condition of anonymity said so.",
                "said"
            ),
            "The official"
        );
        assert_eq!(
            left_of("But Smith and Jones said no.", "said"),
            "Smith and Jones"
        );
        assert_eq!(
            left_of("It rained and officials said no.", "said"),
            "officials"
        );
    }

    #[test]
    fn appositives_and_parentheticals() {
        assert_eq!(
            left_of("On 18 October, Kyrylo Budanov, Chief of Defence Intelligence of Ukraine, confirmed it.", "confirmed"),
            "Kyrylo Budanov, Chief of Defence Intelligence of Ukraine"
        );
        assert_eq!(
            left_of("Lloyd Austin, US Defence Secretary, stated it.", "stated"),
            "Lloyd Austin, US Defence Secretary"
        );
        assert_eq!(
            left_of("The ministry, in a statement, said it.", "said"),
            "The ministry"
        );
        assert_eq!(
            left_of("Smith, who leads the party, said it.", "said"),
            "Smith"
        );
        assert_eq!(left_of("We won the game, said Smith.", "said"), "");
    }

    #[test]
    fn phrases_to_the_right() {
        let t = "\"No,\" said John Smith, a spokesman for the ministry.";
        assert_eq!(
            with(t, |ctx| np_right(ctx, 5, ctx.doc.tokens().len() - 1, true)),
            "John Smith, a spokesman for the ministry"
        );
        let t = "On 13 October, Zelenskyy announced it.";
        assert_eq!(
            with(t, |ctx| clause_subject(ctx, 0, ctx.doc.tokens().len())),
            "Zelenskyy"
        );
    }
}
