//! Cues and their frames, one sentence at a time.
//!
//! A cue is found from the lexicon and checked against its neighbours (a
//! determiner before "reported" makes it an adjective, "reports of" is a noun).
//! Its frame then places the source and the content:
//! - forward: "X said (that) C", "X told reporters C", "X urged Y to C",
//!   "it was announced by X that C";
//! - backward: "C, X said", "\"C,\" said X", with a split quote or a
//!   parenthetical continuing after the cue ("\"C1,\" he said, \"C2\"");
//! - "according to X, C" and "C, according to X";
//! - shared subjects: "X announced C1, urging C2" and "X called for C1 and urged C2";
//! - "there is no evidence that C" and "X found no evidence that C".
//!
//! Sequential attributions in one sentence cut each other's content at their
//! coordination ("..., urging", "... and urged"); an attribution inside another
//! one's content is nested (its parent is set later).

use crate::ctx::{Ahead, Ctx, NO_QUOTE};
use crate::lexicon::{self, class::*, Cue, Family, Form, Frame};
use crate::phrases::{
    clause_subject, looks_like_past_verb, np_left, np_right, quantifier_subject,
    skip_left_adverbials, source_left, subject_ending_at,
};
use crate::stance::CuePolarity;
use claimtrail_text::{Span, TokenKind};
use std::ops::Range;

/// A piece of content: tokens of one sentence, or a whole direct quote.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Piece {
    Tokens(Range<usize>),
    Quote(usize),
    /// A whole paragraph, verbatim (a label-introduced statement).
    Para(usize),
}

/// An attribution before speakers and stance are resolved.
#[derive(Clone, Debug)]
pub(crate) struct Draft {
    pub source: Option<Range<usize>>,
    pub cue: Range<usize>,
    /// Overrides the cue's token span (a section label with its colon).
    pub cue_span: Option<Span>,
    pub content: Vec<Piece>,
    pub family: Family,
    pub polarity: CuePolarity,
    pub cue_hedge: bool,
    /// "told X to ...", "warned X not to": a directive.
    pub directive: bool,
    /// Where this attribution's clause starts (its source, or its cue when the source is shared).
    pub clause_start: usize,
    pub forward: bool,
    pub sentence: usize,
    /// Introduced by a section label ("Quote:"); its speaker is the report's subject.
    pub label: bool,
    /// "X said:" closing its paragraph: the content is the paragraphs that follow.
    pub statement: bool,
    /// Which pass made the draft, for the attribution's `why`.
    pub origin: &'static str,
}

impl Draft {
    pub fn new(cue: Range<usize>, sentence: usize, family: Family) -> Draft {
        Draft {
            source: None,
            clause_start: cue.start,
            cue,
            cue_span: None,
            content: Vec::new(),
            family,
            polarity: CuePolarity::Positive,
            cue_hedge: false,
            directive: false,
            forward: true,
            sentence,
            label: false,
            statement: false,
            origin: "rules",
        }
    }
}

struct Hit {
    c0: usize,
    c1: usize,
    cue: Option<Cue>,
    kind: HitKind,
    polarity: CuePolarity,
}

/// How many later attributions of a sentence may cut a content short.
const MAX_AHEAD: usize = 8;

#[derive(Clone, Copy, PartialEq, Eq)]
enum HitKind {
    Verb,
    /// An agentless passive: "X is expected to ...", "it is believed that ...".
    Passive,
    According,
    NoEvidence {
        there: bool,
    },
}

/// The last token of a sentence that can belong to content: final stops removed.
pub(crate) fn content_end(ctx: &Ctx, a: usize, b: usize) -> usize {
    let mut e = b;
    while e > a
        && ctx.kind(e - 1) == TokenKind::Punct
        && matches!(
            ctx.text(e - 1),
            "." | "!" | "?" | "…" | ";" | ":" | "," | "—" | "–"
        )
    {
        e -= 1;
    }
    while e > a && ctx.kind(e - 1) == TokenKind::Punct && ctx.text(e - 1).starts_with("..") {
        e -= 1;
    }
    e
}

/// Appends the attributions whose cue lies in sentence `si`.
pub(crate) fn sentence_drafts(ctx: &Ctx, si: usize, title_case: bool, out: &mut Vec<Draft>) {
    let s = &ctx.doc.sentences()[si];
    let a = s.tokens.start;
    let end = content_end(ctx, a, s.tokens.end);
    let first = out.len();
    let mut i = a;
    while i < end {
        // A cue inside a quote attributes within the quote ("\"I think we won,\" he said").
        let (wa, wend) = match ctx.quote_of[i] {
            NO_QUOTE => (a, end),
            q => {
                let q = &ctx.quotes[q as usize];
                let close = q.close_tok.unwrap_or(end).min(end);
                (
                    a.max(q.open_tok + 1),
                    content_end(ctx, a.max(q.open_tok + 1), close),
                )
            }
        };
        match detect(ctx, wa, wend, i, title_case) {
            Some(hit) => {
                let next = hit.c1.max(i + 1);
                if let Some(d) = build(ctx, si, wa, wend, &hit, &out[first..]) {
                    out.push(d);
                }
                i = next;
            }
            None => i += 1,
        }
    }
    if out.len() == first {
        out.extend(pull_quote(ctx, si, a, end).or_else(|| reportedly(ctx, si, a, end)));
    }
    colon_quotes(ctx, a, end, first, out);
    cut_sequential(ctx, &mut out[first..]);
}

/// "X said a formal update was coming: \"We are working ...\"": a quote
/// after a colon that closes an attribution's content is a statement of the
/// same source of its own (cue: the colon), and leaves that content.
fn colon_quotes(ctx: &Ctx, a: usize, end: usize, first: usize, out: &mut Vec<Draft>) {
    for di in first..out.len() {
        let d = &out[di];
        if d.source.is_none() || d.statement || d.label {
            continue;
        }
        let Some(last_tok) = d.content.iter().rev().find_map(|p| match p {
            Piece::Tokens(r) => Some(r.end),
            Piece::Quote(q) => ctx.quotes[*q].close_tok.map(|c| c + 1),
            Piece::Para(_) => None,
        }) else {
            continue;
        };
        // the colon: inside the content, or right after it
        let Some(colon) = (d.cue.end.max(a)..end.min(last_tok + 1))
            .find(|&t| ctx.is_punct(t, ":") && t + 1 < end && ctx.opens_quote(t + 1).is_some())
        else {
            continue;
        };
        let Some(q) = ctx.opens_quote(colon + 1) else {
            continue;
        };
        if out[first..]
            .iter()
            .any(|o| o.content.contains(&Piece::Quote(q)))
        {
            continue;
        }
        let source = d.source.clone();
        let (sentence, clause_start) = (d.sentence, d.clause_start);
        let d = &mut out[di];
        for p in d.content.iter_mut() {
            if let Piece::Tokens(r) = p {
                if r.start < colon && r.end > colon {
                    r.end = colon;
                }
            }
        }
        d.content
            .retain(|p| !matches!(p, Piece::Tokens(r) if r.start >= colon));
        let mut n = Draft::new(colon..colon + 1, sentence, Family::Assert);
        n.source = source;
        n.clause_start = clause_start;
        n.content.push(Piece::Quote(q));
        out.push(n);
    }
}

/// "\"So far, it's the Internet: 1.\" - Matthew Ingram": a quote signed with a dash.
fn pull_quote(ctx: &Ctx, si: usize, a: usize, end: usize) -> Option<Draft> {
    let dash = (a + 1..end)
        .rev()
        .take(6)
        .find(|&k| ctx.kind(k) == TokenKind::Punct && matches!(ctx.text(k), "–" | "—" | "-"))?;
    let name = dash + 1..end;
    let name_like = !name.is_empty()
        && name.len() <= 5
        && name
            .clone()
            .all(|k| ctx.is_cap(k) || ctx.kind(k) == TokenKind::Punct && ctx.text(k) == ".");
    let q = ctx.closes_quote(dash - 1)?;
    if !name_like {
        return None;
    }
    let mut d = Draft::new(dash..dash + 1, si, Family::Assert);
    d.source = Some(name);
    d.content.push(Piece::Quote(q));
    d.forward = false;
    Some(d)
}

/// "the navy reportedly saved 200 more": `reportedly` (or `allegedly`) is the
/// cue of a source-less, hedged attribution of its clause.
fn reportedly(ctx: &Ctx, si: usize, a: usize, end: usize) -> Option<Draft> {
    let c = (a..end).find(|&k| !ctx.in_quote(k) && ctx.is(k, REPORTEDLY))?;
    let mut start = c;
    while start > a && !is_clause_stop(ctx, start - 1) {
        start -= 1;
    }
    let mut d = Draft::new(c..c + 1, si, Family::Assert);
    d.cue_hedge = true;
    d.content
        .extend((start < c).then_some(Piece::Tokens(start..c)));
    d.content
        .extend((c + 1 < end).then_some(Piece::Tokens(c + 1..end)));
    (!d.content.is_empty()).then_some(d)
}

fn is_clause_stop(ctx: &Ctx, k: usize) -> bool {
    ctx.kind(k) == TokenKind::Quote
        || (ctx.kind(k) == TokenKind::Punct && matches!(ctx.text(k), "," | ";" | ":" | "—" | "–"))
}

/// The token before `i` that is not an adverb, within the sentence.
fn prev_word(ctx: &Ctx, a: usize, i: usize) -> Option<usize> {
    (a..i)
        .rev()
        .find(|&k| !ctx.is(k, ADV) || ctx.is(k, SUBJ_PRON))
}

fn detect(ctx: &Ctx, a: usize, end: usize, i: usize, title_case: bool) -> Option<Hit> {
    if ctx.kind(i) != TokenKind::Word {
        return None;
    }
    if ctx.is(i, ACCORDING) && i + 1 < end && ctx.is(i + 1, TO) {
        return Some(Hit {
            c0: i,
            c1: i + 2,
            cue: None,
            kind: HitKind::According,
            polarity: CuePolarity::Positive,
        });
    }
    if ctx.is(i, NO) && i + 1 < end && ctx.is(i + 1, EVIDENCE) {
        return no_evidence(ctx, a, i);
    }
    if let Some(hit) = adjective_cue(ctx, a, end, i) {
        return Some(hit);
    }
    if let Some(hit) = not_possible_to_confirm(ctx, a, i) {
        return Some(hit);
    }
    let mut cue = ctx.info[i].cue?;
    if (ctx.is_cap(i) || i == a) && !title_case {
        return None; // a proper name ("Islamic State") or a fronted participle ("Asked about ...")
    }
    let mut c1 = i + 1;
    if let Some(particles) = cue.particle {
        if cue.lemma == "make" {
            c1 = if c1 < end && ctx.is(c1, CLEAR) {
                c1 + 1
            } else if c1 + 1 < end && ctx.is(c1, IT) && ctx.is(c1 + 1, CLEAR) {
                c1 + 2
            } else {
                return None;
            };
        } else if c1 < end && particles.split('+').any(|w| ctx.eq(c1, w)) {
            c1 += 1;
        } else if cue.lemma == "call" && names_in_quotes(ctx, c1, end) {
            // "called podcasting \"Wayne's World for radio\"": a description
            cue = Cue {
                family: Family::Assert,
                frame: Frame::Open,
                particle: None,
                ..cue
            };
        } else {
            return None;
        }
    }
    // "pressed for", "appealed for", "pushed for": the preposition belongs to the cue
    if cue.frame == Frame::Directive && cue.particle.is_none() && c1 < end && ctx.is(c1, FOR) {
        c1 += 1;
    }
    if cue.lemma == "express" {
        if c1 < end && ctx.is(c1, EXPRESSED) {
            c1 += 1;
        } else {
            return None;
        }
    }
    if !form_fits(ctx, a, end, i, c1, cue) {
        return None;
    }
    let c0 = group_start(ctx, a, i);
    let polarity = if (c0..i).any(|k| ctx.is(k, WITHHOLD) || ctx.is(k, YET)) {
        CuePolarity::Withheld
    } else if (c0..i).any(|k| ctx.is(k, NEG)) {
        CuePolarity::Negated
    } else {
        CuePolarity::Positive
    };
    let passive =
        cue.form == Form::Past && (c0..i).any(|k| ctx.is(k, BE)) && !(c1 < end && ctx.is(c1, BY));
    let kind = if passive {
        HitKind::Passive
    } else {
        HitKind::Verb
    };
    Some(Hit {
        c0,
        c1,
        cue: Some(cue),
        kind,
        polarity,
    })
}

/// An object followed by a quoted name within a few words: "called it \"exciting\"".
fn names_in_quotes(ctx: &Ctx, k: usize, end: usize) -> bool {
    (k + 1..end.min(k + 6))
        .find(|&t| ctx.kind(t) != TokenKind::Word)
        .is_some_and(|t| ctx.opens_quote(t).is_some())
}

/// "was clear that", "is concerned that", "have been adamant that": a
/// predicative adjective of knowing, certainty or worry with a "that" clause.
fn adjective_cue(ctx: &Ctx, a: usize, end: usize, i: usize) -> Option<Hit> {
    let family = if ctx.is(i, ADJ_ASSERT) {
        Family::Assert
    } else if ctx.is(i, ADJ_BELIEF) {
        Family::Belief
    } else if ctx.is(i, ADJ_PREDICT) {
        Family::Predict
    } else {
        return None;
    };
    let lemma = lexicon::form(ctx.text(i))?;
    let p = prev_word(ctx, a, i)?;
    if !ctx.is(p, BE) || ctx.is_possessive(p) || !(i + 1 < end && ctx.is(i + 1, THAT)) {
        return None;
    }
    let c0 = group_start(ctx, a, i);
    let cue = Cue::plain(lemma, family, Frame::Clause, Form::Base);
    let polarity = if (c0..i).any(|k| ctx.is(k, NEG)) {
        CuePolarity::Negated
    } else {
        CuePolarity::Positive
    };
    Some(Hit {
        c0,
        c1: i + 1,
        cue: Some(cue),
        kind: HitKind::Verb,
        polarity,
    })
}

/// Whether the inflected cue at `i` is used as a reporting verb here.
fn form_fits(ctx: &Ctx, a: usize, end: usize, i: usize, c1: usize, cue: Cue) -> bool {
    let next = (c1 < end).then_some(c1);
    let next_is = |c: u128| next.is_some_and(|n| ctx.is(n, c));
    let Some(p) = prev_word(ctx, a, i) else {
        return false;
    };
    let lower_cue =
        |k: usize| ctx.info[k].cue.is_some() && !ctx.is_cap(k) && ctx.kind(k) == TokenKind::Word;
    match cue.form {
        Form::Past => {
            // "Some warned", but "some reported attacks", "many alleged abuses"
            let adjectival = ctx.is(i, ADJECTIVAL_PAST);
            let quantifier = quantifier_subject(ctx, a, p) && !adjectival;
            if (ctx.is(p, DET) && !quantifier)
                || (ctx.is(p, PREP) && !ctx.is(p, TO))
                || ctx.is(p, INTENSIFIER)
            {
                return false; // "the reported attack", "of stated aims", "a very anticipated event"
            }
            if next.is_some_and(|n| ctx.is(n, AUX | MODAL) && !ctx.is_possessive(n))
                && !ctx.is(p, BE | HAVE | SUBJ_PRON)
            {
                return false; // "the taxes requested are ...": a reduced relative
            }
            // "is not agreed": the auxiliary behind a negation decides the passive.
            let p = (a..i)
                .rev()
                .find(|&k| !ctx.is(k, ADV | NEG) || ctx.is(k, SUBJ_PRON))
                .unwrap_or(p);
            if ctx.is(p, BE) || (!ctx.is(p, HAVE) && next_is(BY)) {
                // The agentive passive ("was announced by X"), and the agentless
                // passive of a raising or reporting verb ("is expected to",
                // "it is believed that"); other passives attribute nothing.
                // "is thought likely to", "it is hoped the plant can ..."
                let likely_to = next_is(LIKELY) && c1 + 1 < end && ctx.is(c1 + 1, TO);
                let it_passive = p > a
                    && ctx.is(p - 1, IT)
                    && next.is_some_and(|n| ctx.is(n, DET | SUBJ_PRON) || ctx.is_cap(n));
                // "The figure could not be (independently) verified.": withheld
                let withheld = cue.family == Family::Confirm
                    && c1 >= end
                    && (a..i).any(|k| ctx.is(k, NEG) || ctx.is(k, YET));
                return ctx.is(p, BE)
                    && (next_is(BY)
                        || withheld
                        || ((next_is(TO) || next_is(THAT) || likely_to || it_passive)
                            && cue.raising));
            }
            true
        }
        Form::Base => {
            if next_is(OF) {
                return false;
            }
            // "had forecast", "has read": a participle spelt like the base form
            if ctx.is(p, MODAL | NEG | HAVE) || ctx.is(p, TO | DO | BASE_PRON) {
                return !ctx.is_possessive(p);
            }
            if quantifier_subject(ctx, a, p) {
                return true; // "Some say", "Many believe"
            }
            if ctx.is(p, DET | PREP | AUX | OBJ_PRON | SUB) || lower_cue(p) || ctx.is_possessive(p)
            {
                return false;
            }
            // "Officials say", "Analysts expect": a plural subject; "customer demand",
            // "a press conference", "asylum claim" are compound nouns.
            let plural = ctx.text(p).ends_with('s') || ctx.is(p, COLLECTIVE);
            let next_prep = next.is_some_and(|n| ctx.is(n, PREP) && !ctx.is(n, THAT));
            // a name ("Boeing say ...") or a plural noun
            // (a capital that only opens the sentence must be followed by content:
            // "Customer demand fell" is a noun phrase and its verb)
            let name = ctx.is_cap(p)
                && (p > a
                    || next.is_some_and(|n| {
                        !ctx.is(n, VERB | AUX | MODAL) && !looks_like_past_verb(ctx, n, p)
                    }));
            (name || (ctx.is_nounish(p) && plural)) && !next_prep
        }
        Form::S => {
            if next_is(OF)
                || next.is_some_and(|n| {
                    ctx.is(n, AUX | MODAL) || lower_cue(n) || ctx.kind(n) == TokenKind::Number
                })
            {
                return false; // "reports of", "claims were", "reports suggest"
            }
            // "scientific notes and findings", "claims or reports": a plural noun
            // in a coordination
            let determined = p > a && (ctx.is(p - 1, DET) || ctx.is_possessive(p - 1));
            if next.is_some_and(|n| ctx.is(n, AND | OR | NOR))
                && !ctx.is_cap(p)
                && !ctx.is(p, SUBJ_PRON)
                && !determined
            {
                return false;
            }
            if ctx.is(p, SUBJ_PRON) {
                return !ctx.is(p, BASE_PRON);
            }
            if ctx.is(p, NUMERAL) {
                return false; // "eight states", "a dozen reports": a plural noun
            }
            // "\"...,\" says Smith", "..., states: \"...\""
            let after_quote = ctx.is_punct(p, ",") || ctx.closes_quote(p).is_some();
            if after_quote {
                return next.is_some_and(|n| {
                    ctx.is_cap(n) || ctx.is_nounish(n) || ctx.is(n, DET) || ctx.is_punct(n, ":")
                });
            }
            if ctx.is(p, DET | PREP | AUX | MODAL | OBJ_PRON | NEG | SUB)
                || lower_cue(p)
                || ctx.kind(p) != TokenKind::Word
            {
                return false;
            }
            ctx.is_nounish(p) || ctx.is_cap(p) || ctx.is(p, AND)
        }
        // "the government's reasoning" (but "he's saying" is "he is saying")
        Form::Ing if ctx.is_possessive(p) && !(p > a && ctx.is(p - 1, SUBJ_PRON)) => false,
        Form::Ing => {
            // "X saying \"...\"", "a statement saying that ...": a participle after a noun
            // attributes when it introduces a quote, a colon or "that".
            let introduces = next.is_some_and(|n| {
                ctx.opens_quote(n).is_some() || ctx.is(n, THAT) || ctx.is_punct(n, ":")
            });
            let after_noun = ctx.is_nounish(p) || ctx.is_cap(p);
            // "asking religious schools to pay": a directive participle with its addressee
            let directs = matches!(cue.frame, Frame::Directive | Frame::Addressee)
                && (c1..end.min(c1 + 6)).any(|t| ctx.is(t, TO));
            // "with the airframer promising ...": an absolute clause names its own source
            let with_np = after_noun
                && np_left(ctx, a, i).is_some_and(|r| r.start > a && ctx.is(r.start - 1, WITH));
            ctx.is_punct(p, ",")
                || (after_noun && (introduces || directs))
                || with_np
                || ctx.is(p, BE)
                || ctx.is(p, PARTICIPLE_LEAD)
        }
    }
}

/// Auxiliaries, modals, negation and "declined to" before the verb belong to the cue.
fn group_start(ctx: &Ctx, a: usize, i: usize) -> usize {
    let mut c0 = i;
    while c0 > a {
        let k = c0 - 1;
        let withholding_to = ctx.is(k, TO) && k > a && ctx.is(k - 1, WITHHOLD | YET | ABLE);
        // "have started asking", "kept saying": an aspect verb before a participle
        // "went on to say", "continued to insist"
        let going_on = ctx.is(k, TO)
            && k > a
            && (ctx.is(k - 1, CONTINUE) || (k > a + 1 && ctx.is(k - 1, ON) && ctx.is(k - 2, GO)));
        if going_on {
            c0 = if ctx.is(k - 1, ON) { k - 2 } else { k - 1 };
            continue;
        }
        let aspect =
            ctx.info[i].cue.is_some_and(|c| c.form == Form::Ing) && k + 1 == i && ctx.is(k, ASPECT);
        if (ctx.is(k, AUX | MODAL | NEG | WITHHOLD) && !ctx.is_possessive(k))
            || ctx.is(k, YET | ABLE)
            || withholding_to
            || aspect
        {
            c0 = k;
            continue;
        }
        if ctx.is(k, ADV) && !ctx.is(k, SUBJ_PRON) {
            let mut m = k;
            while m > a && ctx.is(m - 1, ADV) {
                m -= 1;
            }
            if m > a && ctx.is(m - 1, AUX | MODAL | NEG) && !ctx.is_possessive(m - 1) {
                c0 = m;
                continue;
            }
        }
        break;
    }
    c0
}

/// "It was not possible to independently verify C", "it is impossible to
/// confirm C": the report itself withholds; there is no named source.
fn not_possible_to_confirm(ctx: &Ctx, a: usize, i: usize) -> Option<Hit> {
    let cue = ctx.info[i].cue.filter(|c| c.family == Family::Confirm)?;
    if cue.form != Form::Base {
        return None;
    }
    let mut k = i.checked_sub(1)?;
    while k > a && ctx.is(k, ADV) {
        k -= 1;
    }
    if !(ctx.is(k, TO) && k > a) {
        return None;
    }
    let adj = k - 1;
    let negated = if ctx.is(adj, IMPOSSIBLE) {
        true
    } else if ctx.is(adj, POSSIBLE_WORD) && adj > a {
        ctx.is(adj - 1, NEG) || ctx.is(adj - 1, YET)
    } else {
        false
    };
    if !negated {
        return None;
    }
    // back to "it" over "was", "has been", "not", "yet"
    let mut it = adj;
    while it > a && (ctx.is(it - 1, BE | AUX | NEG) || ctx.is(it - 1, YET | BEEN)) {
        it -= 1;
    }
    (it > a && ctx.is(it - 1, IT)).then(|| Hit {
        c0: it - 1,
        c1: i + 1,
        cue: Some(cue),
        kind: HitKind::NoEvidence { there: true },
        polarity: CuePolarity::Negated,
    })
}

fn no_evidence(ctx: &Ctx, a: usize, i: usize) -> Option<Hit> {
    let c1 = i + 2;
    if i >= a + 2 && ctx.is(i - 1, BE) && ctx.is(i - 2, THERE) {
        return Some(Hit {
            c0: i - 2,
            c1,
            cue: None,
            kind: HitKind::NoEvidence { there: true },
            polarity: CuePolarity::Negated,
        });
    }
    let v = i.checked_sub(1).filter(|&v| v >= a)?;
    if ctx.is(v, HAVE) || ctx.is(v, FIND_SEE) {
        let c0 = group_start(ctx, a, v);
        return Some(Hit {
            c0,
            c1,
            cue: None,
            kind: HitKind::NoEvidence { there: false },
            polarity: CuePolarity::Negated,
        });
    }
    None
}

fn build(ctx: &Ctx, si: usize, a: usize, end: usize, hit: &Hit, prev: &[Draft]) -> Option<Draft> {
    let mut d = Draft::new(
        hit.c0..hit.c1,
        si,
        hit.cue.map_or(Family::Assert, |c| c.family),
    );
    d.polarity = hit.polarity;
    d.cue_hedge = hit.cue.is_some_and(|c| c.hedge);
    // Backward content does not reach into the previous attribution of the sentence.
    let floor = prev
        .last()
        .map_or(a, |p| p.cue.end.max(p.source.as_ref().map_or(0, |s| s.end)))
        .max(a);
    match hit.kind {
        HitKind::According => {
            let src = np_right(ctx, hit.c1, end, false)?;
            let before = backward(ctx, floor, hit.c0);
            let after = after_part(ctx, src.end, end, true);
            d.forward = before.is_none();
            d.content.extend(before);
            d.content.extend(after);
            d.source = Some(src);
        }
        HitKind::NoEvidence { there } => {
            d.family = Family::Confirm; // negated: cannot confirm
            if !there {
                let src = source_left(ctx, a, hit.c0)?;
                d.clause_start = src.start;
                d.source = Some(src);
            }
            let mut k = hit.c1;
            if k + 1 < end && ctx.is(k, TO) && ctx.is(k + 1, EVIDENCE_VERB) {
                k += 2;
            }
            if k < end && ctx.is(k, THAT | OF | FOR) {
                k += 1;
            }
            d.content.extend(forward(ctx, k, end));
        }
        HitKind::Passive => passive_frame(ctx, a, end, hit, &mut d)?,
        HitKind::Verb => verb_frame(ctx, a, end, floor, hit, prev, &mut d)?,
    }
    attach_colon(ctx, &mut d);
    (!d.content.is_empty() || d.statement).then_some(d)
}

/// A colon touching the cue word belongs to the cue ("said:", "told GB News:").
fn attach_colon(ctx: &Ctx, d: &mut Draft) {
    let c = d.cue.end;
    if c < ctx.doc.tokens().len()
        && c > d.cue.start
        && ctx.is_punct(c, ":")
        && ctx.doc.tokens()[c].span.start == ctx.doc.tokens()[c - 1].span.end
    {
        d.cue.end += 1;
    }
}

/// "X is expected to C" (content: X + "to C"), "it is believed that C".
fn passive_frame(ctx: &Ctx, a: usize, end: usize, hit: &Hit, d: &mut Draft) -> Option<()> {
    let cue = hit.cue?;
    let k = hit.c1;
    if k >= end {
        // "The figure could not be independently verified": the report
        // withholds confirmation of what its subject names
        let withheld = cue.family == Family::Confirm && hit.polarity != CuePolarity::Positive;
        let subject = subject_ending_at(ctx, a, skip_left_adverbials(ctx, a, hit.c0))
            .filter(|r| !(r.len() == 1 && ctx.is(r.start, IT | THERE | THIS | THAT)));
        let subject = subject.filter(|_| withheld)?;
        d.content.push(Piece::Tokens(subject));
        return Some(());
    }
    d.cue_hedge |= cue.hearsay;
    if ctx.is(k, THAT) {
        d.content.extend(forward(ctx, k + 1, end));
        return Some(());
    }
    d.directive = cue.directed;
    let subject = subject_ending_at(ctx, a, skip_left_adverbials(ctx, a, hit.c0))
        .filter(|r| !(r.len() == 1 && ctx.is(r.start, IT | THERE)));
    d.content.extend(subject.map(Piece::Tokens));
    d.content.push(Piece::Tokens(k..end));
    Some(())
}

fn verb_frame(
    ctx: &Ctx,
    a: usize,
    end: usize,
    floor: usize,
    hit: &Hit,
    prev: &[Draft],
    d: &mut Draft,
) -> Option<()> {
    let cue = hit.cue?;
    if cue.form == Form::Ing && hit.c0 > a + 1 && ctx.is(hit.c0 - 1, AS) {
        if let Some(src) = quoted_as_saying(ctx, a, hit.c0 - 1) {
            let (k, _) = skip_introducer(ctx, hit.c1, end);
            if k < end && !ctx.is_punct(hit.c1, ",") {
                d.content.extend(forward(ctx, k, end));
            } else {
                // "\"C,\" the agency quoted X as saying": the content is before
                // the clause ("the agency" or, passive, "X")
                let clause = (a..src.start)
                    .rev()
                    .take(8)
                    .find(|&t| ctx.is_punct(t, ",") || ctx.closes_quote(t).is_some())
                    .map_or(src.start, |t| t + 1);
                d.content
                    .extend(backward(ctx, floor, clause.min(src.start)));
                d.forward = false;
            }
            d.cue = hit.c0 - 1..hit.c1;
            d.clause_start = src.start;
            d.source = Some(src);
            return Some(());
        }
    }
    // The agentive passive: "it was announced by X that C", "C, it was reported by X".
    if hit.c1 < end && ctx.is(hit.c1, BY) && (hit.c0..hit.c1).any(|k| ctx.is(k, BE)) {
        let src = np_right(ctx, hit.c1 + 1, end, false)?;
        // "by the time of writing", "by Monday": a deadline, not an agent
        if src
            .clone()
            .take(2)
            .any(|t| ctx.is(t, TIME) || ctx.is(t, DEADLINE) || ctx.kind(t) == TokenKind::Number)
        {
            return None;
        }
        let k = skip_introducer(ctx, src.end, end).0;
        if k < end {
            d.content.extend(forward(ctx, k, end));
        } else {
            let left = if hit.c0 > a && ctx.is(hit.c0 - 1, IT) {
                hit.c0 - 1
            } else {
                hit.c0
            };
            d.content.extend(backward(ctx, floor, left));
            d.forward = false;
        }
        d.source = Some(src);
        return Some(());
    }
    let left = skip_left_adverbials(ctx, a, hit.c0);
    let after_comma_or_quote = left > a
        && (ctx.is_punct(left - 1, ",")
            || ctx.closes_quote(left - 1).is_some()
            || matches!(ctx.text(left - 1), "—" | "–"));
    // "..., urging", "... and urged", "released a statement saying": the subject is shared.
    let shared = left > a
        && (ctx.is(left - 1, AND | BUT)
            || (cue.form == Form::Ing && (after_comma_or_quote || ctx.is(left - 1, VENUE))));
    let mut source = if shared {
        None
    } else {
        source_left(ctx, a, hit.c0)
    };
    // "\"C,\" said X" / "C, says X": the source follows the cue.
    if source.is_none()
        && !shared
        && after_comma_or_quote
        && matches!(cue.form, Form::Past | Form::S)
        && cue.frame != Frame::Directive
    {
        if let Some(src) =
            np_right(ctx, hit.c1, end, true).filter(|s| s.end == end || ctx.is_punct(s.end, ","))
        {
            let mut content: Vec<Piece> = backward(ctx, floor, hit.c0).into_iter().collect();
            if content.is_empty() {
                return None;
            }
            content.extend(after_part(ctx, src.end, end, false));
            d.content = content;
            d.source = Some(src);
            d.forward = false;
            return Some(());
        }
    }
    if shared {
        d.clause_start = hit.c0;
        // The subject shared with the previous attribution, unless this cue sits
        // inside that one's content: then the subject of that content
        // ("Whitmore said Montalvo walked in and told the police ...").
        let inside = prev.last().and_then(|p| {
            p.content.iter().find_map(|c| match c {
                Piece::Tokens(r) if r.contains(&hit.c0) => Some(r.start),
                _ => None,
            })
        });
        // Only "... and told": a participle (", urging") attaches to the main subject,
        // and the content must be a clause (its subject followed by a verb).
        let coordinated = ctx.is(left - 1, AND | BUT);
        let clause_subject_of = |start: usize| {
            np_right(ctx, start, hit.c0, false).filter(|s| {
                let v = s.end;
                ctx.is(v, AUX | MODAL | VERB)
                    || looks_like_past_verb(ctx, v, s.start)
                    || ctx.opens_quote(v).is_some()
            })
        };
        source = match inside.filter(|_| coordinated).and_then(clause_subject_of) {
            Some(s) => Some(s),
            None => prev.last().and_then(|p| p.source.clone()),
        }
        .or_else(|| clause_subject(ctx, a, hit.c0).filter(|s| s.end <= hit.c0));
    }
    let source = source?;
    if !shared {
        d.clause_start = source.start;
    }
    // "\"C1,\" he said, hinting at ...": the quote before the source is the content,
    // with a second quote after the cue as a further fragment ("\"C1,\" he said, \"C2\"").
    let introduced = hit.c1 < end && (ctx.is(hit.c1, THAT) || ctx.is_punct(hit.c1, ":"));
    if let (Some(Piece::Quote(q)), false, false) =
        (backward(ctx, floor, source.start), shared, introduced)
    {
        d.content.push(Piece::Quote(q));
        d.content.extend(
            after_part(ctx, d.cue.end, end, false).filter(|p| matches!(p, Piece::Quote(_))),
        );
        d.forward = false;
        d.source = Some(source);
        return Some(());
    }
    // "The war, he said, will end soon": a parenthetical attribution.
    // (not when a participle follows the comma: "..., the staff said, adding
    // that ..."; a new clause, "while ...", is no continuation either: after_part)
    let new_clause = d.cue.end + 1 < end && ctx.is(d.cue.end + 1, NEW_CLAUSE_ING);
    let parenthetical = !shared
        && source.start > a
        && ctx.is_punct(source.start - 1, ",")
        && ctx.is_punct(d.cue.end, ",")
        && !new_clause;
    if parenthetical {
        if let Some(before @ Piece::Tokens(_)) = backward(ctx, floor, source.start) {
            if let Some(after) = after_part(ctx, d.cue.end, end, false) {
                d.content.extend([before, after]);
                d.forward = false;
                d.source = Some(source);
                return Some(());
            }
        }
    }
    let (mut k, directive, addressee) = content_start(ctx, hit, cue, end)?;
    // "C, the air force said on Tuesday, adding that C2": a participle after
    // the comma continues the source's speech; this cue's content is before it
    // ("..., revising its earlier count", "..., citing officials")
    let participle = |t: usize| {
        let w = ctx.text(t);
        ctx.info[t].cue.is_some_and(|c| c.form == Form::Ing)
            || (ctx.kind(t) == TokenKind::Word
                && w.len() >= 6
                && w.ends_with("ing")
                && w.starts_with(|c: char| c.is_lowercase())
                && !ctx.is(t, NOT_PARTICIPLE))
    };
    // (or a new clause: "..., the staff said, while Moscow ...")
    let participle_follows = k < end
        && k > hit.c1
        && ctx.is_punct(k - 1, ",")
        && (participle(k) || (ctx.is(k, CONJ | SUB) && !ctx.is(k, THAT)));
    if participle_follows && source.start > a && is_clause_stop(ctx, source.start - 1) {
        k = end;
    }
    d.directive = directive;
    if let Some(e) = addressee.filter(|_| !directive && cue.family == Family::Assert) {
        d.cue.end = e; // a reporting "told reporters": the addressee is part of the cue
    }
    let last_in_paragraph = ctx
        .doc
        .sentences()
        .get(d.sentence + 1)
        .is_none_or(|n| n.paragraph != ctx.doc.sentences()[d.sentence].paragraph);
    let closes_paragraph =
        end < ctx.doc.tokens().len() && (ctx.is_punct(end, ":") || ctx.is_punct(end, ","));
    if k >= end && closes_paragraph && last_in_paragraph {
        d.statement = true; // "X said:" and the statement follows in the next paragraphs
        d.source = Some(source);
        return Some(());
    }
    if cue.descriptive && ctx.ahead(Ahead::As, k, end).is_none() {
        return None; // "described the plan" names a topic; "described X as Y" attributes
    }
    if cue.lemma == "declare" && k < end && ctx.is(k, DECLARED_ACT) {
        return None; // "declared bankruptcy" is an act
    }
    // "expressed condolences for Jobs" evaluates; with a clause or a quote in the
    // cue's clause (up to a comma or a coordinated verb) it attributes.
    let clause_opens = ctx
        .ahead(Ahead::ClauseMark, k, end)
        .is_some_and(|t| ctx.is_quote_mark(t) || ctx.is(t, THAT));
    if cue.lemma == "express" && !clause_opens {
        return None;
    }
    // "Washington would announce a new package", "will report its results":
    // speech to come, with a thing and no clause, is an event, not a claim
    let to_come = (d.cue.start..hit.c1).any(|t| ctx.is(t, TO_COME));
    let clause_or_quote = introduced || clause_opens || ctx.opens_quote(hit.c1).is_some();
    let a_thing = k < end && (ctx.is(k, DET) || ctx.kind(k) == TokenKind::Number);
    if to_come && cue.family == Family::Assert && !clause_or_quote && a_thing {
        return None;
    }
    // "Ottawa would respond \"swiftly and firmly\"": a few quoted words of
    // manner after speech to come are no statement
    let manner_quote = ctx.opens_quote(hit.c1).is_some_and(|q| {
        ctx.quotes[q]
            .close_tok
            .is_some_and(|c| c.saturating_sub(ctx.quotes[q].open_tok) <= 5)
    });
    if to_come && cue.family == Family::Assert && !introduced && manner_quote {
        return None;
    }
    if cue.lemma == "agree" && hit.c1 < end && ctx.is(hit.c1, TO | ON | UPON) {
        return None; // "agreed to a ceasefire", "agreed on a plan": an act
    }
    if cue.lemma == "continue" && k < end && ctx.opens_quote(k).is_none() {
        return None; // only "he continued: \"...\"" reports
    }
    let question = ctx.doc.sentences()[d.sentence]
        .tokens
        .end
        .checked_sub(1)
        .is_some_and(|t| ctx.text(t) == "?");
    let lone = |c: u128| source.len() == 1 && ctx.is(source.start, c);
    if question && lone(YOU) {
        return None; // a question put to the source attributes nothing yet
    }
    if (lone(YOU) && cue.lemma == "know") || (lone(IT) && cue.family == Family::Belief) {
        return None; // "you know,", "it feels great to ..."
    }
    let open_question = ctx.is(k, WH);
    if cue.lemma == "ask"
        && !directive
        && k < end
        && !introduced
        && ctx.opens_quote(k).is_none()
        && !open_question
    {
        return None; // "will be asking tough questions": asking about, not asking that
    }
    if k < end {
        d.content.extend(forward(ctx, k, end));
    } else if !shared
        && cue.frame != Frame::Directive
        && source.start > a
        && is_clause_stop(ctx, source.start - 1)
    {
        // Nothing after the cue: the content comes first ("C, X said"); not after
        // "that" or a relative pronoun ("the cars that the government would encourage").
        d.content.extend(backward(ctx, floor, source.start));
        if !d.content.is_empty() {
            d.content.extend(after_part(ctx, hit.c1, end, false));
        }
        d.forward = false;
    }
    d.source = Some(source);
    Some(())
}

/// Where forward content starts: after an addressee ("told reporters"),
/// adverbials ("on 19 October", "in a statement"), and "that" or a colon.
/// None when a clause-only cue has no clause after it ("added 10 jobs").
/// Also returns where the addressee ends, when there is one.
fn content_start(
    ctx: &Ctx,
    hit: &Hit,
    cue: Cue,
    end: usize,
) -> Option<(usize, bool, Option<usize>)> {
    let mut k = hit.c1;
    let mut directive = cue.frame == Frame::Directive;
    let mut addressee = None;
    if cue.frame == Frame::Addressee && k < end {
        let lim = (k + 10).min(end);
        let mut j = k;
        while j < lim && !addressee_end(ctx, j, k) {
            j += 1;
        }
        if j < end && j > k && ctx.is(j, TO) {
            return Some((k, true, None)); // "told X to go": a directive, addressee included
        }
        if j < lim && ctx.is(j, OF) && j == k {
            k += 1; // "warned of ..."
        } else if j < lim && !ctx.is(j, AUX | MODAL) {
            addressee = (j > k).then_some(j);
            k = j;
        } else if let Some(e) = bare_addressee(ctx, k, j.min(end)) {
            addressee = Some(e); // "told CBC News the department will ..."
            k = e;
        } else if j == end {
            // "\"...,\" he told reporters.", "..., he told employees on Friday."
            let e = (k..end)
                .find(|&t| {
                    !(ctx.is_nounish(t)
                        || ctx.is_cap(t)
                        || ctx.is(t, DET | OBJ_PRON)
                        || ctx.is_possessive(t))
                })
                .unwrap_or(end);
            if e > k && e - k <= 4 && skip_introducer(ctx, e, end).0 >= end {
                addressee = Some(e);
                k = end;
            }
        }
    }
    let (k2, introduced) = skip_introducer(ctx, k, end);
    if ctx.is(k, TO) && k2 > k + 1 {
        // "said to the general public:", "remarked to The Brooklyn Paper": part of the cue
        let mut j = k + 1;
        while j < k2 && ctx.kind(j) != TokenKind::Punct && !ctx.is(j, THAT) && !ctx.is_quote_mark(j)
        {
            j += 1;
        }
        let before_content = ctx.is(j, THAT)
            || ctx.is_punct(j, ":")
            || ctx.is_punct(j, ",")
            || ctx.opens_quote(j).is_some();
        addressee = (j - k <= 5 && before_content).then_some(j);
    }
    k = k2;
    if cue.frame == Frame::Clause && k < end && !introduced {
        let clause = ctx.opens_quote(k).is_some()
            || (ctx.is(k, SUBJ_PRON) && !ctx.is(k, REL) && k + 1 < end)
            || ctx.is(k, CLAUSE_OPENER)
            // a clause without "that": a subject and, soon after, a verb
            || ((ctx.is(k, DET) || ctx.is_cap(k) || ctx.is_nounish(k) || ctx.kind(k) == TokenKind::Number)
                && has_verb_soon(ctx, k, end));
        if !clause {
            return None;
        }
    }
    if cue.family == Family::Warn && k < end && ctx.is(k, NOT) {
        directive = true;
    }
    Some((k, directive, addressee))
}

/// A clause without "that" ("thinks the war will end", "expects GM to file"):
/// a "to" or an auxiliary soon after its subject. Keeps "expect a reaction" out.
fn has_verb_soon(ctx: &Ctx, k: usize, end: usize) -> bool {
    let stop = (k + 1..end.min(k + 7))
        .find(|&t| ctx.is_punct(t, ",") || (ctx.is(t, SUB) && !ctx.is(t, REL)))
        .unwrap_or(end.min(k + 7));
    (k + 1..stop).any(|t| {
        let infinitive =
            ctx.is(t, TO) && !(ctx.is(t + 1, DET) || ctx.is_cap(t + 1) || ctx.is(t + 1, OBJ_PRON));
        infinitive
            // "in May" is a month, not a modal
            || (ctx.is(t, AUX | MODAL | VERB) && !ctx.is_possessive(t) && !ctx.is_cap(t))
            || looks_like_past_verb(ctx, t, k)
    })
}

/// The addressee of "told X C" without "that": a run of capitalised words
/// ("CBC News") or one plain noun ("reporters"), followed by the subject of C.
fn bare_addressee(ctx: &Ctx, k: usize, lim: usize) -> Option<usize> {
    let mut e = k;
    while e < lim && (ctx.is_cap(e) || ctx.is_possessive(e)) {
        e += 1;
    }
    if e == k && ctx.is_nounish(k) && !ctx.is_cap(k) {
        e = k + 1;
    }
    let subject_next = e < lim && (ctx.is(e, DET | SUBJ_PRON) || ctx.is_cap(e)) && !ctx.is(e, REL);
    (e > k && subject_next).then_some(e)
}

fn addressee_end(ctx: &Ctx, j: usize, k: usize) -> bool {
    // "asked the governments of the region (not) to ...": "of" inside the
    // addressee, when an infinitive follows; "warned of", "informed X of Y" end it
    let of_inside = j > k
        && ctx.is(j, OF)
        && (j + 1..(j + 8).min(ctx.doc.tokens().len()))
            .take_while(|&t| ctx.kind(t) != TokenKind::Punct)
            .any(|t| ctx.is(t, TO));
    if of_inside {
        return false;
    }
    ctx.is(j, CONTENT_OPENER) || ctx.is_punct(j, ",")
        || ctx.is_punct(j, ":")
        || ctx.is_quote_mark(j)
        || (j > k && ctx.is(j, SUBJ_PRON) && !ctx.is(j, REL))
        || (j > k && ctx.is(j, AUX | MODAL))
        // "told the court her client ...": a possessive after a noun opens the content
        || (j > k
            && ctx.is(j, CONTENT_POSS)
            && (ctx.is_nounish(j - 1) || ctx.is_cap(j - 1)))
}

/// "The agency quoted Djamal as saying C", "cited officials as saying",
/// "Djamal was quoted as saying": the one quoted is the source; `as_tok` is
/// the token "as".
fn quoted_as_saying(ctx: &Ctx, a: usize, as_tok: usize) -> Option<Range<usize>> {
    let quoted = |t: usize| ctx.is(t, QUOTED);
    let v = as_tok.checked_sub(1).filter(|&v| v >= a)?;
    if quoted(v) {
        // the passive: the subject before "was quoted"
        let aux = v.checked_sub(1).filter(|&b| b > a && ctx.is(b, BE))?;
        return subject_ending_at(ctx, a, aux);
    }
    // the nearest "quoted" before "as", with a name or noun phrase between
    let q = (a..v).rev().take(8).find(|&t| quoted(t))?;
    let np = q + 1..as_tok;
    let np_like = np.clone().all(|t| {
        ctx.is_cap(t)
            || ctx.is_nounish(t)
            || ctx.is(t, DET | OBJ_PRON)
            || ctx.is_possessive(t)
            || ctx.is_punct(t, ",")
            || ctx.is(t, OF | FOR)
    });
    np_like.then_some(np)
}

/// Nouns that take a "that" clause of their own ("the pretext that", "the
/// belief that"): after a prepositional phrase ending in one, "that" opens the
/// noun's complement, not the content of the cue before the phrase.
fn takes_that_clause(ctx: &Ctx, noun: usize) -> bool {
    ctx.is(noun, THAT_NOUN)
}

/// Skips adverbs, time words and venue phrases, then a comma or colon and a
/// complementizer "that". Returns the new position and whether "that", a colon
/// or a quote introduced what follows.
fn skip_introducer(ctx: &Ctx, mut k: usize, end: usize) -> (usize, bool) {
    loop {
        if k >= end {
            break;
        }
        if (ctx.is(k, ADV) && !ctx.is(k, HEDGE | SUBJ_PRON)) || (ctx.is(k, TIME) && !ctx.is(k, DET))
        {
            k += 1;
            continue;
        }
        if ctx.is_punct(k, ",")
            && k + 1 < end
            && ctx.is(k + 1, ADV)
            && !ctx.is(k + 1, HEDGE | SUBJ_PRON)
        {
            k += 1; // "He added, however, that ..."
            continue;
        }
        if ctx.is(k, PREP) && !ctx.is(k, OF | ABOUT | FOR | THAT) {
            let mut j = k + 1;
            while j < end
                && j - k <= 10
                && !ctx.is(j, THAT)
                && (ctx.is(j, DET | TIME)
                    || ctx.is_cap(j)
                    || ctx.is_noun_like(j)
                    || ctx.kind(j) == TokenKind::Number
                    || ctx.is_possessive(j)
                    || ctx.is(j, OBJ_PRON)
                    || (ctx.is(j, NP_PREP) && j > k + 1 && !ctx.is(j, TO)))
            {
                j += 1;
            }
            let head = j - 1;
            // (or an infinitive: "pleaded before Congress to be given ...")
            let infinitive = ctx.is(j, TO) && !(ctx.is(j + 1, DET) || ctx.is_cap(j + 1));
            // "under the pretext that ...", "in the hope that ...": the clause
            // belongs to the noun, not to the cue
            let noun_clause = ctx.is(j, THAT) && takes_that_clause(ctx, head);
            if noun_clause {
                break;
            }
            let ends_well = j >= end
                || infinitive
                || ctx.is(j, THAT)
                || ctx.is_punct(j, ",")
                || ctx.is_punct(j, ":")
                || ctx.is_quote_mark(j);
            // "remarked to The Brooklyn Paper:", only before content and never "to" + verb
            let to = ctx.is(k, TO);
            if to && !(k + 1 < end && (ctx.is(k + 1, DET | OBJ_PRON) || ctx.is_cap(k + 1))) {
                break;
            }
            if j > k + 1
                && (ends_well
                    || (!to && (ctx.is(head, VENUE | TIME) || ctx.kind(head) == TokenKind::Number)))
            {
                k = j;
                continue;
            }
        }
        break;
    }
    let mut introduced = false;
    while k < end && ctx.kind(k) == TokenKind::Punct && matches!(ctx.text(k), "," | ":" | "—" | "–")
    {
        introduced |= ctx.text(k) == ":" || (k + 1 < end && ctx.opens_quote(k + 1).is_some());
        k += 1;
    }
    if k < end && ctx.is(k, THAT) && !(k + 1 < end && ctx.is(k + 1, AUX | MODAL)) {
        k += 1;
        introduced = true;
    }
    (k, introduced)
}

/// Content from token `k` to the sentence end; a quote opening at `k` that
/// closes at the end of the sentence (or beyond it) is taken whole.
pub(crate) fn forward(ctx: &Ctx, k: usize, end: usize) -> Option<Piece> {
    if k >= end {
        return None;
    }
    if let Some(q) = ctx.opens_quote(k) {
        let whole = match ctx.quotes[q].close_tok {
            None => true,
            // The quote alone unless the sentence goes on with its words
            // ("said \"the war\" was over"); a conjunction or a comma ends it.
            Some(c) => c + 1 >= end || ctx.kind(c + 1) != TokenKind::Word || ctx.is(c + 1, CONJ),
        };
        if whole {
            return Some(Piece::Quote(q));
        }
    }
    // Indirect content ends at a semicolon or a concessive clause (", though
    // it is interesting to note ..."): what follows is the writer's again.
    let end = ctx.ahead(Ahead::ContentStop, k, end).unwrap_or(end);
    (k < end).then_some(Piece::Tokens(k..end))
}

/// Content before the attribution: the quote that closes right before it, or
/// the sentence from `floor` up to `left` (commas and dashes dropped).
pub(crate) fn backward(ctx: &Ctx, floor: usize, left: usize) -> Option<Piece> {
    let mut j = left;
    while j > floor
        && ctx.kind(j - 1) == TokenKind::Punct
        && matches!(ctx.text(j - 1), "," | "—" | "–" | ":" | "-")
    {
        j -= 1;
    }
    let mut s = floor;
    while s < j && ctx.kind(s) == TokenKind::Punct {
        s += 1;
    }
    s = after_dateline(ctx, s, j);
    // The quote alone when it is all there is before the attribution
    // ("\"C,\" he said"), not when it ends a longer clause ("This 'switch', he said").
    if j > floor {
        if let Some(q) = ctx
            .closes_quote(j - 1)
            .filter(|&q| ctx.quotes[q].open_tok <= s)
        {
            return Some(Piece::Quote(q));
        }
    }
    (s < j).then_some(Piece::Tokens(s..j))
}

/// A wire dateline opening the sentence ("LONDON, March 3 —", "KYIV (Reuters) -")
/// is not content: the first token after its dash.
fn after_dateline(ctx: &Ctx, s: usize, j: usize) -> usize {
    let place = ctx.kind(s) == TokenKind::Word
        && ctx.text(s).chars().filter(|c| c.is_alphabetic()).count() >= 2
        && ctx
            .text(s)
            .chars()
            .all(|c| !c.is_alphabetic() || c.is_uppercase());
    if !place {
        return s;
    }
    (s + 1..j.min(s + 10))
        .find(|&t| ctx.kind(t) == TokenKind::Punct && matches!(ctx.text(t), "—" | "–" | "-" | "--"))
        .map_or(s, |dash| dash + 1)
}

/// What continues after the attribution: a split quote ("\"C1,\" he said,
/// \"C2\"") or the rest of a parenthetical ("The war, he said, will end").
fn after_part(ctx: &Ctx, r: usize, end: usize, comma_optional: bool) -> Option<Piece> {
    let s = if r < end
        && ctx.kind(r) == TokenKind::Punct
        && matches!(ctx.text(r), "," | "—" | "–" | ":")
    {
        r + 1
    } else if comma_optional {
        r
    } else {
        return None;
    };
    if s >= end {
        return None;
    }
    // a new clause after the comma is not the rest of the content ("..., the
    // staff said, while Moscow put its losses at ...")
    if ctx.is(s, CONJ | SUB) && !ctx.is(s, THAT) && ctx.opens_quote(s).is_none() {
        return None;
    }
    if let Some(q) = ctx.opens_quote(s) {
        return Some(Piece::Quote(q));
    }
    if ctx.info[s].cue.is_some() || ctx.is(s, ACCORDING) || ctx.is(s, PREP) && !comma_optional {
        return None;
    }
    Some(Piece::Tokens(s..end))
}

/// "X announced C1, urging C2": C1 ends where the second attribution's clause
/// starts when the two are coordinated; otherwise the second is nested in C1.
fn cut_sequential(ctx: &Ctx, drafts: &mut [Draft]) {
    for i in 0..drafts.len() {
        let Some(Piece::Tokens(r)) = drafts[i].content.last().cloned() else {
            continue;
        };
        if !drafts[i].forward {
            continue;
        }
        let Some(later) = drafts[i + 1..]
            .iter()
            .take(MAX_AHEAD)
            .find(|d| d.clause_start > r.start && d.clause_start < r.end)
        else {
            continue;
        };
        let next = later.clause_start;
        let mut m = next;
        while m > r.start && ctx.is(m - 1, ADV) {
            m -= 1;
        }
        if m <= r.start {
            continue;
        }
        let mut cut = m - 1;
        // "..., releasing a statement saying ...": a participial clause of the same
        // subject that holds the next cue ends this content at its comma.
        let participial = later.source == drafts[i].source && later.clause_start == later.cue.start;
        let comma_before = (r.start..m).rev().take(6).find(|&t| ctx.is_punct(t, ","));
        if ctx.is(cut, AND | BUT | OR) {
            if cut > r.start && ctx.is_punct(cut - 1, ",") {
                cut -= 1;
            }
        } else if ctx.is(cut, WITH | WHILE) && cut > r.start && ctx.is_punct(cut - 1, ",") {
            cut -= 1; // "..., with analyst X saying ..."
        } else if let (true, Some(c)) = (participial, comma_before) {
            cut = c;
        } else if !(ctx.is_punct(cut, ",") || ctx.is_punct(cut, ";")) {
            continue; // nested: "stated that he could not confirm"
        }
        let n = drafts[i].content.len();
        drafts[i].content[n - 1] = Piece::Tokens(r.start..cut);
        if cut <= r.start {
            drafts[i].content.pop();
        }
    }
}
