//! The counted thing: the noun phrase a bare number quantifies ("1,500
//! special forces troops", "dozens of civilians", "70 members of the tribe").
//!
//! Without a part-of-speech tagger the phrase is read from token shape and
//! closed lists: it runs over words after the number and stops at punctuation,
//! a function word ([`is_np_stop`]), an adverb in -ly, a verb-shaped word
//! (-ed/-ing, or a listed verb) once a noun has been seen ("20 people died"),
//! or a word after a plural head ("17 gates capable of"). Model numbers may sit
//! inside it ("five new 737 aircraft"), modifiers may be coordinated
//! ("artillery and mortar systems"), and one "of"-complement of the head is
//! kept ("copies of Tiger").

use crate::lexicon::{is_not_counted, is_np_stop};
use crate::scan::Sent;
use claimtrail_text::TokenKind;

/// Longest counted phrase, in words.
const MAX_WORDS: usize = 8;

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
    let mut end = noun_phrase(sent, start, partitive)?;
    // one "of"-complement of the head: "members of the Al bu Nimr tribe", "copies of Tiger"
    if sent.low(end) == "of" && !is_possessive_pronoun(sent.low(end - 1)) {
        let mut c = end + 1;
        if matches!(sent.low(c), "the" | "a" | "an") {
            c += 1;
        }
        if !matches!(
            sent.low(c),
            "them" | "us" | "which" | "whom" | "it" | "these" | "those" | "you" | "all"
        ) {
            if let Some(e) = noun_phrase(sent, c, true).filter(|&e| e - start <= MAX_WORDS + 4) {
                end = e;
            }
        }
    }
    Some((start, end))
}

/// A noun phrase from token `start` (no "of"): the token after its end.
fn noun_phrase(sent: &Sent<'_>, start: usize, possessive_ok: bool) -> Option<usize> {
    let mut j = start;
    let mut end = start;
    let mut after_possessive = false;
    let mut seen_plural = false;
    while j < sent.len() && j - start < MAX_WORDS && !sent.blocked[j] {
        let w = sent.low(j);
        if sent.kind(j) == Some(TokenKind::Number) {
            match model_number(sent, j, start) {
                Some(true) => {
                    end = j + 1; // "5,700 737s"
                    break;
                }
                Some(false) => {
                    j += 1;
                    end = j;
                    continue;
                }
                None => break,
            }
        }
        if sent.kind(j) != Some(TokenKind::Word) {
            break;
        }
        let possessive = possessive_ok
            && ((j == start && is_possessive_pronoun(w))
                || (j > start && matches!(w, "'s" | "’s") && next_is_np_word(sent, j + 1)));
        if possessive {
            j += 1;
            end = j;
            after_possessive = true;
            continue;
        }
        // coordinated modifiers: "artillery and mortar systems"
        let joins = j > start && !is_plural(sent.low(j - 1)) && next_is_np_word(sent, j + 1);
        if matches!(w, "and" | "or") && joins {
            j += 1;
            continue;
        }
        if is_np_stop(w) || is_adverb(w) {
            break;
        }
        if j == start && is_not_counted(w) {
            return None;
        }
        // a verb-shaped word: a modifier before the head ("armed men",
        // "new mid-sized jets"), the end of the phrase after it ("people killed")
        if is_verb_shaped(w) && (seen_plural || !next_is_np_word(sent, j + 1)) {
            break;
        }
        if j > start {
            let prev = sent.low(j - 1);
            let capital = sent.is_capitalized(j);
            // after a plural head only another plural or a name continues
            // ("special forces troops"; not "17 gates capable", "Greeks worship")
            if is_plural(prev) && !capital && !is_plural(w) {
                break;
            }
            // a capitalised word after a lower-case plural starts a new name ("5 soldiers Monday")
            let lower_plural = is_plural(prev) && !sent.is_capitalized(j - 1);
            if capital && lower_plural && !after_possessive {
                break;
            }
        }
        after_possessive = false;
        seen_plural |= is_plural(w);
        j += 1;
        end = j;
    }
    // a phrase cannot end on a possessive or a lone modifier ("three remaining")
    let dangling = |w: &str| {
        is_possessive_pronoun(w) || matches!(w, "'s" | "’s" | "and" | "or") || is_verb_shaped(w)
    };
    while end > start && dangling(sent.low(end - 1)) {
        end -= 1;
    }
    (end > start).then_some(end)
}

/// A number token inside a counted phrase is a model number when it follows
/// a name or is a known one ("Boeing 787 aircraft", "new 737 aircraft"), or
/// is a plural model ("737s": the phrase ends there). After "its" a number is
/// a count of its own ("12% of its 53 officers"). Some(true) = plural model.
fn model_number(sent: &Sent<'_>, j: usize, start: usize) -> Option<bool> {
    let t = sent.text[j];
    let digits = t.strip_suffix('s').unwrap_or(t);
    if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    if t.ends_with('s') {
        return (digits.len() == 3).then_some(true);
    }
    let named =
        j > start && (sent.is_capitalized(j - 1) || crate::filters::is_designation_number(digits));
    let continues = sent.kind(j + 1) == Some(TokenKind::Word) && !is_np_stop(sent.low(j + 1));
    (named && continues).then_some(false)
}

fn is_possessive_pronoun(w: &str) -> bool {
    crate::lexicon::listed("possessive_pronoun", w)
}

/// A word that looks plural: "troops", "Shaheds", "people", "men".
fn is_plural(w: &str) -> bool {
    (w.len() > 3
        && w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("'s")
        && !w.ends_with("’s"))
        || matches!(
            w,
            "people" | "men" | "women" | "children" | "police" | "personnel" | "staff" | "cattle"
        )
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
