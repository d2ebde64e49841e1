//! Stance: the cue's family, turned by negation and by the modality of what
//! is attributed. The rules are documented in docs/attribution.md.

use crate::ctx::Ctx;
use crate::lexicon::{class::*, Family};
use crate::Stance;
use claimtrail_text::TokenKind;

/// Whether the cue is negated, and how.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Polarity {
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
}

/// Tokens looked at for the modality of the content's main clause.
const CLAUSE_WINDOW: usize = 15;

/// The modality of the clause starting at token `k` (up to a subordinator,
/// a clause stop, a closing quote, or [`CLAUSE_WINDOW`] tokens).
pub(crate) fn modality(ctx: &Ctx, k: usize, end: usize) -> Modality {
    let mut m = Modality::default();
    let stop = end.min(k + CLAUSE_WINDOW);
    let mut t = k;
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
            && ctx.eq_any(
                t,
                &[
                    "going",
                    "about",
                    "set",
                    "poised",
                    "preparing",
                    "due",
                    "ready",
                ],
            )
            && t > k
            && ctx.is(t - 1, BE | ADV)
        {
            m.future = true;
        } else if ctx.is(t, BE) && t - k < 6 {
            let mut u = t + 1;
            while u < stop && ctx.is(u, ADV) {
                u += 1;
            }
            if u < stop
                && (ctx.is(u, FALSE) || (ctx.is(u, NEG) && u + 1 < stop && ctx.eq(u + 1, "true")))
            {
                m.falsity = true;
            }
        }
        t += 1;
    }
    m
}

/// The stance and hedge flag of an attribution.
pub(crate) fn decide(
    family: Family,
    polarity: Polarity,
    directive: bool,
    m: Modality,
    cue_hedge: bool,
) -> (Stance, bool) {
    let mut hedged = cue_hedge || m.hedge;
    let negated = polarity != Polarity::Positive;
    let stance = match family {
        _ if directive => Stance::Urge,
        // "declined to predict", "refused to give details about": confirmation withheld
        _ if polarity == Polarity::Withheld => Stance::CannotConfirm,
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
        // a belief reads by its content, negated or not.
        Family::Belief if m.future => Stance::Predict,
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
        assert_eq!(
            modal("Russia intends to deploy 10,000 soldiers"),
            Modality::default()
        );
        assert!(modal("the army is preparing to attack").future);
        let past = modal("they may have sent troops");
        assert!(past.hedge && !past.future);
        assert_eq!(
            modal("he could not attend the meeting"),
            Modality::default()
        );
        assert!(modal("the reports were completely false").falsity);
        assert!(modal("it is not true").falsity);
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
            decide(Family::Assert, Polarity::Positive, false, fut, false),
            (Stance::Predict, false)
        );
        assert_eq!(
            decide(Family::Confirm, Polarity::Negated, false, none, false),
            (Stance::CannotConfirm, false)
        );
        assert_eq!(
            decide(Family::Confirm, Polarity::Positive, false, fut, false),
            (Stance::Confirm, false)
        );
        assert_eq!(
            decide(Family::Deny, Polarity::Negated, false, none, false),
            (Stance::Confirm, true)
        );
        assert_eq!(
            decide(Family::Assert, Polarity::Positive, true, none, false),
            (Stance::Urge, false)
        );
        assert_eq!(
            decide(Family::Belief, Polarity::Positive, false, none, false),
            (Stance::Assert, false)
        );
        assert_eq!(
            decide(Family::Doubt, Polarity::Positive, false, none, false),
            (Stance::CannotConfirm, false)
        );
        assert_eq!(
            decide(Family::Warn, Polarity::Positive, false, fut, false),
            (Stance::Predict, false)
        );
    }
}
