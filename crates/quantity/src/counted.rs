//! The counted thing: the noun phrase a bare number quantifies ("1,500
//! special forces troops", "dozens of civilians").
//!
//! Without a part-of-speech tagger the phrase is read from token shape and
//! closed lists: it runs over words after the number and stops at punctuation,
//! a function word ([`is_np_stop`]), an adverb in -ly, or a verb-shaped word
//! (-ed/-ing, or a listed verb) once a noun has been seen ("20 people died").

use crate::lexicon::{is_not_counted, is_np_stop};
use crate::scan::Sent;
use claimtrail_text::TokenKind;

/// Longest counted phrase, in words.
const MAX_WORDS: usize = 6;

/// The counted phrase starting at token `k`, as a local token range.
/// A partitive "of" is skipped with its article ("thousands of people",
/// "40% of the voters"); a possessive stays ("30% of its production",
/// "18% of the firm's network").
pub(crate) fn counted_phrase(sent: &Sent<'_>, k: usize) -> Option<(usize, usize)> {
    let mut j = k;
    let mut partitive = false;
    if sent.low(j) == "of" {
        j += 1;
        if matches!(sent.low(j), "the" | "a" | "an" | "all" | "these" | "those") {
            j += 1;
        }
        if matches!(
            sent.low(j),
            "them" | "us" | "which" | "whom" | "it" | "these" | "those" | "you"
        ) {
            return None;
        }
        partitive = true;
    }
    let start = j;
    let mut end = j;
    let mut after_possessive = false;
    while j < sent.len() && j - start < MAX_WORDS {
        if sent.kind(j) != Some(TokenKind::Word) || sent.blocked[j] {
            break;
        }
        let w = sent.low(j);
        let possessive = partitive
            && ((j == start
                && matches!(w, "its" | "their" | "his" | "her" | "our" | "my" | "your"))
                || (j > start && matches!(w, "'s" | "’s") && next_is_np_word(sent, j + 1)));
        if possessive {
            j += 1;
            end = j;
            after_possessive = true;
            continue;
        }
        if is_np_stop(w) || is_adverb(w) {
            break;
        }
        if j == start && is_not_counted(w) {
            return None;
        }
        // a verb-shaped word: a modifier before the noun ("armed men",
        // "remaining hostages"), the end of the phrase after it ("people killed")
        if is_verb_shaped(w) {
            let modifier = (j == start || after_possessive) && next_is_np_word(sent, j + 1);
            if !modifier {
                break;
            }
        }
        // a capitalised word after a lower-case one starts a new name
        let after_modifier = j == start + 1 && is_verb_shaped(sent.low(start));
        let new_name = j > start && sent.is_capitalized(j) && !sent.is_capitalized(j - 1);
        if new_name && !after_possessive && !after_modifier {
            break;
        }
        after_possessive = false;
        j += 1;
        end = j;
    }
    // a phrase cannot end on a possessive or a lone modifier ("three remaining")
    let dangling = |w: &str| {
        matches!(
            w,
            "its" | "their" | "his" | "her" | "our" | "my" | "your" | "'s" | "’s"
        ) || is_verb_shaped(w)
    };
    while end > start && dangling(sent.low(end - 1)) {
        end -= 1;
    }
    (end > start).then_some((start, end))
}

fn next_is_np_word(sent: &Sent<'_>, k: usize) -> bool {
    sent.kind(k) == Some(TokenKind::Word) && !sent.blocked[k] && {
        let w = sent.low(k);
        !is_np_stop(w) && !is_adverb(w) && !is_verb_shaped(w)
    }
}

fn is_verb_shaped(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with("ed")
        && !matches!(w, "hundred" | "need" | "speed" | "seed" | "breed" | "creed"))
        || (w.len() > 5
            && w.ends_with("ing")
            && !matches!(
                w,
                "building"
                    | "buildings"
                    | "evening"
                    | "morning"
                    | "thing"
                    | "king"
                    | "ring"
                    | "string"
                    | "spring"
                    | "wing"
                    | "ceiling"
                    | "meeting"
                    | "offering"
                    | "earnings"
                    | "savings"
                    | "holdings"
                    | "warning"
                    | "training"
                    | "funding"
                    | "housing"
                    | "clothing"
                    | "shooting"
                    | "bombing"
                    | "killing"
                    | "uprising"
                    | "sibling"
                    | "duckling"
            ))
}

fn is_adverb(w: &str) -> bool {
    w.len() > 4
        && w.ends_with("ly")
        && !matches!(
            w,
            "family"
                | "ally"
                | "italy"
                | "july"
                | "rally"
                | "supply"
                | "assembly"
                | "anomaly"
                | "monopoly"
                | "belly"
                | "jelly"
                | "bully"
                | "lily"
                | "reply"
                | "holy"
                | "folly"
                | "oily"
                | "elderly"
                | "friendly"
                | "homily"
                | "wholly"
                | "early"
                | "only"
                | "fly"
                | "sly"
                | "poly"
                | "daily"
                | "weekly"
                | "monthly"
                | "quarterly"
        )
}
