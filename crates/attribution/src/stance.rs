//! Stance: the cue's family, turned by negation and by the modality of what
//! is attributed. The rules are documented in docs/attribution.md.

use crate::ctx::Ctx;
use crate::lexicon::{class::*, Family};
use crate::Stance;
use claimtrail_text::TokenKind;

/// Whether the cue is negated, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum CuePolarity {
    #[default]
    Positive,
    /// not, n't, never: "could not confirm", "did not deny".
    Negated,
    /// declined / refused / unable / failed / has yet to: the source withholds.
    Withheld,
}

/// What the first clause of the content says about itself.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Modality {
    /// will, would, shall, "is going to", "is preparing to", or may/might/could + verb.
    pub future: bool,
    /// likely, may, reportedly, ...
    pub hedge: bool,
    /// "it was false", "the reports are untrue".
    pub falsity: bool,
    /// should, must, "need to", "is needed", "it is time", "please": a call to act.
    pub directive: bool,
    /// The clause is negated before any future marker: "did not", "no customer
    /// data had been taken", "knew nothing".
    pub negated: bool,
    /// The clause says the source cannot tell: "no evidence", "did not know",
    /// "it is unclear", "too early to say", "cannot be ruled out".
    pub withheld: bool,
}

/// Tokens looked at for the modality of the content's main clause.
const CLAUSE_WINDOW: usize = 15;

/// The modality of the clause starting at token `k` (up to a subordinator,
/// a clause stop, a closing quote, or [`CLAUSE_WINDOW`] tokens).
pub(crate) fn modality(ctx: &Ctx, k: usize, end: usize) -> Modality {
    let mut m = Modality::default();
    let stop = end.min(k + CLAUSE_WINDOW);
    let mut t = k;
    let mut future_at = None;
    while t < stop {
        let w = ctx.text(t);
        match ctx.kind(t) {
            TokenKind::Punct if matches!(w, "." | "!" | "?" | ";" | ":" | "—") => break,
            TokenKind::Quote if t > k && ctx.closes_quote(t).is_some() => break,
            _ => {}
        }
        // A relative clause does not end the main clause ("those who bought one will be refunded").
        if t > k && ctx.is(t, SUB) && !ctx.is(t, REL) && !ctx.eq_any(t, &["as"]) {
            break;
        }
        let next_is = |w: &str| t + 1 < stop && ctx.eq(t + 1, w);
        if ctx.eq_any(t, &["should", "must", "ought", "please"]) && !next_is("have") {
            m.directive = true;
        } else if (ctx.eq_any(t, &["need", "needs"])
            && next_is("to")
            // "we do not need to buy": a statement, not a call
            && !(t > k && ctx.is(t - 1, NEG)))
            || ctx.eq(t, "needed") && t > k && ctx.is(t - 1, BE)
        {
            m.directive = true; // "the EU needs to act", "a reflection is needed"
        } else if ctx.eq(t, "time")
            && t > k
            && ctx.is(t - 1, BE)
            && t >= k + 2
            && ctx.eq(t - 2, "it")
        {
            m.directive = true; // "it is time for users to move away"
        }
        let next_have = t + 1 < stop && ctx.is(t + 1, HAVE);
        let next_neg = t + 1 < stop && ctx.is(t + 1, NEG);
        if ctx.is(t, FUTURE) {
            if next_have {
                m.hedge = true; // "would have": counterfactual
            } else {
                m.future = true;
                future_at.get_or_insert(t);
            }
        } else if ctx.is(t, POSSIBLE) {
            if next_have {
                m.hedge = true; // "may have sent": a hedged claim about the past
            } else if !(next_neg && ctx.eq(t, "could")) {
                // "could not" is past inability; "may not" is hedged
                m.hedge = true;
                m.future |= !next_neg;
            }
        } else if ctx.is(t, HEDGE)
            // "appeared in court", "appears on television": no hedge
            && !(ctx.eq_any(t, &["appear", "appears", "appeared"])
                && t + 1 < stop
                && ctx.is(t + 1, PREP)
                && !ctx.eq(t + 1, "to"))
        {
            m.hedge = true;
            m.future |= ctx.eq(t, "likely") && t + 1 < stop && ctx.eq(t + 1, "to");
        } else if t + 1 < stop
            && ctx.eq(t + 1, "to")
            && t > k
            // a plan is active ("plans to"); "had been intended to" is past
            && (ctx.is(t, FUTURE_TO) && ctx.is(t - 1, BE | ADV)
                || ctx.is(t, PLAN_TO) && !ctx.is(t - 1, BE | HAVE))
        {
            m.future = true; // "is preparing to", "are expected to", "plans to"
            future_at.get_or_insert(t);
        } else if t + 1 < stop && ctx.eq(t + 1, "to") && ctx.is(t, DIRECTIVE_TO) {
            m.directive = true; // "it was very important to find those behind it"
        } else if ctx.is(t, NEED) && t > k && ctx.is(t - 1, DET) {
            m.directive = true; // "pointed to the need for an investigation"
        } else if ctx.is(t, BE) && t - k < 6 {
            let mut u = t + 1;
            while u < stop && ctx.is(u, ADV) {
                u += 1;
            }
            // "were false", "is utterly false", "were an absolute lie"
            let falsity = (u..stop.min(u + 3)).any(|v| ctx.is(v, FALSE));
            if u < stop && (falsity || (ctx.is(u, NEG) && u + 1 < stop && ctx.eq(u + 1, "true"))) {
                m.falsity = true;
            }
        }
        t += 1;
    }
    let (negated_at, withheld) = polarity(ctx, k, t);
    m.withheld = withheld;
    m.negated = negated_at.is_some_and(|n| future_at.is_none_or(|f| n < f));
    m
}

/// Tokens between a negator and a noun of knowing it governs ("no firm
/// conclusions", "not yet definitive proof").
const KNOWING_GAP: usize = 3;

/// The first negator of the clause `k..end` (not, n't, never, no, nothing,
/// neither), and whether the clause withholds judgement: a negated verb or
/// noun of knowing ("did not know", "no information", "cannot be ruled
/// out"), or a word of not yet knowing ("unclear", "too early").
fn polarity(ctx: &Ctx, k: usize, end: usize) -> (Option<usize>, bool) {
    let mut negator: Option<usize> = None;
    let mut withheld = false;
    for t in k..end {
        // a relative clause speaks of its noun, not of the main clause
        // ("fighters who did not take part can sign contracts")
        if t > k && ctx.is(t, REL) {
            break;
        }
        if ctx.is(t, UNCERTAIN) || (ctx.is(t, SOON) && t > k && ctx.is(t - 1, TOO)) {
            withheld = true;
        }
        if let Some(n) = negator {
            let knowing_noun = ctx.is(t, EVIDENCE | KNOWLEDGE) && t - n <= KNOWING_GAP;
            if ctx.is(t, EPISTEMIC) || knowing_noun {
                withheld = true;
            }
        }
        // "no doubt", "no question": the negation affirms
        let affirms = (t + 1..end.min(t + 3)).any(|u| ctx.is(u, DOUBT))
            || (t + 1 < end && ctx.is(t + 1, ADDITIVE));
        if negator.is_none() && ctx.is(t, NEG | NEG_DET) && !affirms {
            negator = Some(t);
        }
    }
    (negator, withheld)
}

/// The stance and hedge flag of an attribution.
pub(crate) fn decide(
    family: Family,
    polarity: CuePolarity,
    directive: bool,
    m: Modality,
    cue_hedge: bool,
) -> (Stance, bool) {
    let mut hedged = cue_hedge || m.hedge;
    let negated = polarity != CuePolarity::Positive;
    // what the content says of itself, for the families read by their content
    let by_content = matches!(family, Family::Assert | Family::Belief | Family::Warn) && !negated;
    let stance = match family {
        _ if directive => Stance::Urge,
        _ if by_content && m.withheld => Stance::CannotConfirm,
        _ if by_content && m.negated && !m.directive => Stance::Deny,
        // "declined to predict", "refused to give details about": confirmation withheld
        _ if polarity == CuePolarity::Withheld => Stance::CannotConfirm,
        Family::Assert if negated => Stance::CannotConfirm,
        Family::Assert | Family::Belief if m.falsity => Stance::Deny,
        Family::Assert | Family::Belief if m.directive => Stance::Urge,
        Family::Assert if m.future => Stance::Predict,
        Family::Assert => Stance::Assert,
        Family::Confirm if negated => Stance::CannotConfirm,
        Family::Confirm => Stance::Confirm,
        Family::Deny if negated => {
            hedged = true; // "did not deny": a grudging confirmation
            Stance::Confirm
        }
        Family::Deny => Stance::Deny,
        Family::Predict => Stance::Predict,
        Family::Urge => Stance::Urge,
        Family::Warn if m.future => Stance::Predict,
        Family::Warn => Stance::Assert,
        // "I don't think it's going to happen" holds the negated content:
        // a belief reads by its content, negated or not; negated and not
        // about the future, it denies.
        Family::Belief if m.future => Stance::Predict,
        // "officials do not believe the virus spread": the belief is denied
        Family::Belief if negated => Stance::Deny,
        Family::Belief => Stance::Assert,
        Family::Doubt if negated => Stance::Confirm,
        Family::Doubt => Stance::CannotConfirm,
    };
    (stance, hedged)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes;
    use claimtrail_text::{Document, Metadata};

    fn modal(text: &str) -> Modality {
        let doc = Document::new(text, Metadata::default());
        let pars = quotes::paragraph_tokens(&doc);
        let ctx = Ctx::new(&doc, quotes::find_quotes(&doc, &pars));
        modality(&ctx, 0, doc.tokens().len())
    }

    #[test]
    fn modality_of_the_main_clause() {
        let m = modal("North Korea would likely send part of its forces");
        assert!(m.future && m.hedge);
        // a plan or expectation is a prediction (issue 13: "plans to",
        // "expects"); an intention is not
        assert!(modal("Russia plans to deploy 10,000 soldiers").future);
        assert_eq!(
            modal("Russia intends to deploy 10,000 soldiers"),
            Modality::default()
        );
        assert!(modal("the leaks are expected to stop on Sunday").future);
        assert!(!modal("Russia deployed 10,000 soldiers to the border").future);
        assert!(!modal("his call had been intended to register a protest").future);
        assert!(modal("it was very important to find those behind the blast").directive);
        assert!(modal("the report pointed to the need for an open inquiry").directive);
        assert!(modal("the army is preparing to attack").future);
        let past = modal("they may have sent troops");
        assert!(past.hedge && !past.future);
        // "could not" is past inability: no hedge, no future, a negated clause
        assert_eq!(
            modal("he could not attend the meeting"),
            Modality {
                negated: true,
                ..Modality::default()
            }
        );
        assert!(modal("the reports were completely false").falsity);
        assert!(modal("it is not true").falsity);
        assert!(modal("no customer data had been taken").negated);
        assert!(modal("Kyiv knew nothing about the plan").negated);
        assert!(!modal("there is no doubt that these were explosions").negated);
        assert!(!modal("it supplied not only weapons but also troops").negated);
        assert!(!modal("fighters who did not take part can sign contracts").negated);
        // a negation after a future marker is a prediction, not a denial
        assert!(!modal("the talks will not resume").negated);
        assert!(modal("they had no information about the attackers").withheld);
        assert!(modal("it was too early to draw conclusions").withheld);
        assert!(modal("sabotage could not be ruled out").withheld);
        assert!(!modal("the ministry ruled out sabotage").withheld);
        // the window stops at a subordinate clause
        assert!(!modal("they have arrived because it will rain").future);
    }

    #[test]
    fn families_turn_with_negation_and_modality() {
        let none = Modality::default();
        let fut = Modality {
            future: true,
            ..none
        };
        assert_eq!(
            decide(Family::Assert, CuePolarity::Positive, false, fut, false),
            (Stance::Predict, false)
        );
        assert_eq!(
            decide(Family::Confirm, CuePolarity::Negated, false, none, false),
            (Stance::CannotConfirm, false)
        );
        assert_eq!(
            decide(Family::Confirm, CuePolarity::Positive, false, fut, false),
            (Stance::Confirm, false)
        );
        assert_eq!(
            decide(Family::Deny, CuePolarity::Negated, false, none, false),
            (Stance::Confirm, true)
        );
        assert_eq!(
            decide(Family::Assert, CuePolarity::Positive, true, none, false),
            (Stance::Urge, false)
        );
        assert_eq!(
            decide(Family::Belief, CuePolarity::Positive, false, none, false),
            (Stance::Assert, false)
        );
        assert_eq!(
            decide(Family::Doubt, CuePolarity::Positive, false, none, false),
            (Stance::CannotConfirm, false)
        );
        assert_eq!(
            decide(Family::Warn, CuePolarity::Positive, false, fut, false),
            (Stance::Predict, false)
        );
    }
}
