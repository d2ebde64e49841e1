//! The words around a figure that qualify it: qualifiers before and after it
//! ("more than", "or more", "louder than"), and the cues that make it a change
//! rather than a level ("rose 5%", "by 20%", "another 2,000", "a 3% boost").

use crate::lexicon::{is_change_cue_after, is_change_cue_before, post_qualifiers, pre_qualifiers};
use crate::scan::Sent;
use crate::Qualifier;

/// A phrase from `list` starting at token `k`: its qualifier and length.
pub(crate) fn phrase_at(
    sent: &Sent<'_>,
    k: usize,
    list: &[(&str, Qualifier)],
) -> Option<(Qualifier, usize)> {
    let mut best: Option<(Qualifier, usize)> = None;
    let first = sent.low(k);
    // the first word decides cheaply; most numbers have no qualifier
    for &(phrase, q) in list
        .iter()
        .filter(|(p, _)| p.split(' ').next() == Some(first))
    {
        let mut len = 0;
        let ok = phrase.split(' ').enumerate().all(|(x, p)| {
            len += 1;
            k + x < sent.len() && !sent.blocked[k + x] && sent.low(k + x) == p
        });
        if ok && best.is_none_or(|b| len > b.1) {
            best = Some((q, len));
        }
    }
    best
}

/// A phrase from `list` ending right before token `k`, not reaching below `floor`.
pub(crate) fn phrase_before(
    sent: &Sent<'_>,
    k: usize,
    floor: usize,
    list: &[(&str, Qualifier)],
) -> Option<(Qualifier, usize)> {
    let mut best: Option<(Qualifier, usize)> = None;
    let last = if k > 0 { sent.low(k - 1) } else { "" };
    // the last word decides cheaply; most numbers have no qualifier
    for &(phrase, q) in list
        .iter()
        .filter(|(p, _)| p.rsplit(' ').next() == Some(last))
    {
        let len = phrase.split(' ').count();
        if k < floor + len {
            continue;
        }
        let from = k - len;
        let ok = phrase
            .split(' ')
            .enumerate()
            .all(|(x, p)| !sent.blocked[from + x] && sent.low(from + x) == p);
        if ok && best.is_none_or(|b| len > b.1) {
            best = Some((q, len));
        }
    }
    best
}

/// Comparatives that bound from below are "less"-like.
fn is_lesser_comparative(w: &str) -> bool {
    crate::lexicon::listed("lesser_comparative", w)
}

/// The qualifier written before the number starting at token `k`: a listed
/// phrase ("more than", "up to"), a comparative ("louder than 100 decibels",
/// "no higher than 10,000"), or "within". Returns it with its length.
pub(crate) fn qualifier_before(
    sent: &Sent<'_>,
    k: usize,
    floor: usize,
) -> Option<(Qualifier, usize)> {
    let listed = phrase_before(sent, k, floor, pre_qualifiers());
    // "<comparative> than", optionally negated: "no higher than" bounds from above
    let comparative =
        (k >= floor + 2 && sent.low(k - 1) == "than" && !sent.blocked[k - 2]).then(|| {
            let adj = sent.low(k - 2);
            let is_comparative =
                adj.len() > 3 && adj.ends_with("er") || matches!(adj, "more" | "less" | "fewer");
            if !is_comparative {
                return None;
            }
            let negated = k >= floor + 3 && matches!(sent.low(k - 3), "no" | "not" | "nor");
            Some(match (negated, is_lesser_comparative(adj)) {
                (true, false) => (Qualifier::UpTo, 3),
                (true, true) => (Qualifier::AtLeast, 3),
                (false, false) => (Qualifier::MoreThan, 2),
                (false, true) => (Qualifier::LessThan, 2),
            })
        });
    let within = (k > floor && sent.low(k - 1) == "within").then_some((Qualifier::UpTo, 1));
    [listed, comparative.flatten(), within]
        .into_iter()
        .flatten()
        .max_by_key(|&(_, len)| len)
}

/// The qualifier written after a figure ending at `k`: "or more", "or so",
/// "+", "plus" (when no number follows). Returns it with its length.
pub(crate) fn qualifier_after(sent: &Sent<'_>, k: usize) -> Option<(Qualifier, usize)> {
    let t = sent.text.get(k).copied()?;
    if sent.blocked[k] {
        return None;
    }
    let next_is_number = |x: usize| sent.kind(x) == Some(claimtrail_text::TokenKind::Number);
    let next_is_money =
        crate::lexicon::currency_symbol(sent.text.get(k + 1).copied().unwrap_or("")).is_some();
    if t == "+" && !next_is_number(k + 1) && !next_is_money {
        return Some((Qualifier::AtLeast, 1));
    }
    if sent.low(k) == "plus"
        && !next_is_number(k + 1)
        && crate::lexicon::number_word(sent.low(k + 1)).is_none()
    {
        return Some((Qualifier::AtLeast, 1));
    }
    let (q, len) = phrase_at(sent, k, post_qualifiers())?;
    // "678 points or more than 7.3%": "or more" starts the next figure's qualifier
    if sent.low(k + len) == "than" {
        return None;
    }
    Some((q, len))
}

/// Verbs that act on a count ("cut 10,000 jobs", "lost $6 billion"): the
/// figure is a change only when it is relative (a percentage, points, a
/// fraction, a multiple).
fn is_acting_verb(w: &str) -> bool {
    crate::lexicon::listed("acting_verb", w)
}

/// Words before "by" that make "by N" a margin: "defeated by 424 votes".
fn is_margin_word(w: &str) -> bool {
    crate::lexicon::listed("margin_word", w)
}

/// Nouns that make "<noun> of N" a change: "growth of 28%", "losses of $6".
fn is_change_noun_before_of(w: &str) -> bool {
    crate::lexicon::listed("change_noun_before_of", w)
}

/// What change detection needs to know about a figure.
pub(crate) struct Figure {
    /// A percentage, points, a fraction or a multiple.
    pub relative: bool,
    /// Any unit or currency.
    pub has_unit: bool,
    /// Followed by "of" ("cut 20% of the workforce": a share acted upon).
    pub of_follows: bool,
    /// Qualified by a position ("below 9,000", "above 10,000"): "fell below
    /// 9,000" reaches a level, it does not measure a change.
    pub positional: bool,
}

/// Verbs that "up"/"down" complete into something else than a rise or a fall
/// ("made up $7.1 billion", "shut down 1,100 dealerships").
fn is_phrasal_up(w: &str) -> bool {
    crate::lexicon::listed("phrasal_up", w)
}

/// Whether the words before a figure starting at `qstart` make it a change.
pub(crate) fn change_before(sent: &Sent<'_>, qstart: usize, floor: usize, fig: &Figure) -> bool {
    let (relative, has_unit) = (fig.relative, fig.has_unit);
    let mut k = qstart;
    // fillers between the cue and the figure: "by either 49 percent", "a drop of only $2.46"
    loop {
        if k > floor && matches!(sent.low(k - 1), "either" | "only" | "just" | "merely") {
            k -= 1;
        } else if k >= floor + 3
            && sent.low(k - 3) == "a"
            && sent.low(k - 2) == "total"
            && sent.low(k - 1) == "of"
        {
            k -= 3;
        } else {
            break;
        }
    }
    if k == 0 || k <= floor {
        return false;
    }
    let w = sent.low(k - 1);
    if fig.positional {
        return false;
    }
    if is_acting_verb(w) {
        return relative && !fig.of_follows;
    }
    if matches!(w, "up" | "down") && k >= 2 && is_phrasal_up(sent.low(k - 2)) {
        return false;
    }
    if is_change_cue_before(w) {
        return true;
    }
    match w {
        "by" => {
            if relative || has_unit {
                return true;
            }
            // "defeating Lee by around five thousand votes", "increase ... by 125"
            let from = k.saturating_sub(7);
            (from..k - 1).any(|x| {
                let v = sent.low(x);
                is_margin_word(v)
                    || is_acting_verb(v)
                    || is_change_cue_before(v) && !matches!(v, "up" | "down" | "further")
            })
        }
        "of" if k >= 2 => {
            // "growth of 28%"; but "job cuts of 10,000" counts the jobs cut
            let noun = sent.low(k - 2);
            is_change_noun_before_of(noun)
                && (relative || has_unit || !matches!(noun, "cuts" | "reduction" | "reductions"))
        }
        _ => false,
    }
}

/// Whether the words after a figure ending at `end` make it a change:
/// "20 more", "a 3% boost", "20% more fuel efficient", "2GB smaller than",
/// "eight short of". Returns (change, tokens to skip before the counted phrase).
pub(crate) fn change_after(sent: &Sent<'_>, end: usize) -> (bool, usize) {
    if end >= sent.len() || sent.blocked[end] {
        return (false, 0);
    }
    let w = sent.low(end);
    if matches!(w, "more" | "fewer" | "extra" | "additional") {
        return (true, 1);
    }
    if is_change_cue_after(w)
        || matches!(
            w,
            "boost" | "saving" | "savings" | "loss" | "slide" | "dip" | "short"
        )
    {
        return (true, 0);
    }
    let comparative_than = w.len() > 3 && w.ends_with("er") && sent.low(end + 1) == "than";
    let over_budget = w == "over"
        && matches!(
            sent.low(end + 1),
            "budget" | "target" | "estimates" | "forecasts"
        );
    (comparative_than || over_budget, 0)
}
