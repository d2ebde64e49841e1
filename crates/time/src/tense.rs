//! The tense around a time expression, from cue words of its sentence.
//!
//! Underspecified expressions ("Tuesday", "8 October", "in March") are resolved
//! against the publication date in the direction the sentence points: past
//! narration looks back, future statements look forward. The cue nearest to the
//! expression wins ("announced on Monday that it will ..." is past for Monday).

use crate::scan::Tok;
use claimtrail_text::TokenKind;

/// What a sentence says about when its event lies relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// The tense a single lower-cased word signals, if any. `next` is the
/// following word (lower-cased), for "going to" and "would have". Callers
/// pass `may` only when it is not the month.
pub(crate) fn cue(word: &str, next: &str) -> Option<Tense> {
    match word {
        "should" | "might" | "must" | "may" => Some(Tense::Future),
        "set" if next == "to" => Some(Tense::Future),
        "will" | "'ll" | "’ll" | "shall" | "wo" => Some(Tense::Future),
        "would" if next != "have" => Some(Tense::Future),
        "going" if next == "to" => Some(Tense::Future),
        "plans" | "planned" | "plan" | "scheduled" | "expected" | "expects" | "expect"
        | "intends" | "upcoming" | "aims" | "hopes" | "tomorrow" | "next" | "coming" => {
            Some(Tense::Future)
        }
        // "due to" is a preposition ("due to its third-quarter loss").
        "due" if next != "to" => Some(Tense::Future),
        // A schedule told in the present simple lies ahead: "the offer
        // expires Friday", "talks resume Monday", "the law takes effect".
        "expires" | "begins" | "starts" | "resumes" | "opens" | "ends" | "kicks" => {
            Some(Tense::Future)
        }
        "takes" if next == "effect" => Some(Tense::Future),
        // "closed until Friday": a state lasting up to a coming day.
        "until" | "till" | "til" => Some(Tense::Future),
        "was" | "were" | "had" | "did" | "said" | "told" | "ago" | "yesterday" | "last"
        | "would've" => Some(Tense::Past),
        // The present perfect tells of the past ("has fluctuated ... in
        // March"): a date it dates lies behind the anchor.
        "has" | "have"
            if next == "been" || IRREGULAR_PAST.contains(&next) || is_regular_past(next) =>
        {
            Some(Tense::Past)
        }
        "is" | "are" | "am" | "has" | "have" => Some(Tense::Present),
        _ if IRREGULAR_PAST.contains(&word) => Some(Tense::Past),
        _ if is_regular_past(word) => Some(Tense::Past),
        _ => None,
    }
}

/// Frequent irregular past forms of news verbs.
const IRREGULAR_PAST: &[&str] = &[
    "began",
    "brought",
    "bought",
    "came",
    "caught",
    "chose",
    "drew",
    "drove",
    "fell",
    "felt",
    "fled",
    "flew",
    "forgot",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hid",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "paid",
    "ran",
    "rang",
    "rose",
    "sank",
    "sat",
    "saw",
    "sent",
    "shook",
    "shot",
    "slept",
    "sold",
    "spent",
    "spoke",
    "stood",
    "stole",
    "struck",
    "swore",
    "took",
    "taught",
    "thought",
    "threw",
    "understood",
    "went",
    "withdrew",
    "won",
    "wrote",
    "became",
    "broke",
    "built",
    "overtook",
    "underwent",
    "undertook",
    "upheld",
    "sought",
];

/// `-ed` forms of verbs, minus the frequent words that only look like them.
fn is_regular_past(w: &str) -> bool {
    // four letters count: "died", "tied", "owed" ("aged 18" and "shed" are not verbs)
    if w.len() < 4 || !w.ends_with("ed") || w.ends_with("eed") {
        return false;
    }
    // Participles used as future/plan markers are handled above; these are
    // adjectives and nouns ending in -ed.
    !matches!(
        w,
        "hundred"
            | "based"
            | "related"
            | "limited"
            | "united"
            | "interested"
            | "concerned"
            | "armed"
            | "red"
            | "shed"
            | "sled"
            | "aged"
            | "bed"
            | "wed"
            | "naked"
            | "sacred"
            | "wicked"
            | "kindred"
            | "beloved"
            | "learned"
            | "advanced"
            | "detailed"
            | "so-called"
            | "unprecedented"
            | "unexpected"
            | "ed"
            | "ted"
            | "fred"
    )
}

/// Whether a past form after `prev` is a participle whose tense is carried
/// by the auxiliary ("will be finalized", "has announced", "was held").
pub(crate) fn is_auxiliary(prev: &str) -> bool {
    matches!(
        prev,
        "be" | "been"
            | "being"
            | "is"
            | "are"
            | "am"
            | "was"
            | "were"
            | "has"
            | "have"
            | "had"
            | "get"
            | "got"
            | "'s"
            | "’s"
    )
}

/// The tense cues of a sentence: (token index, tense) for each cue word.
pub(crate) fn sentence_cues(toks: &[Tok]) -> Vec<(usize, Tense)> {
    let mut out = Vec::new();
    let mut buf = [0u8; 16];
    let mut next_buf = [0u8; 16];
    let mut prev_aux = false;
    for (k, t) in toks.iter().enumerate() {
        if t.kind != TokenKind::Word || t.s.len() > 16 || !t.s.is_ascii() {
            prev_aux = false;
            continue;
        }
        let w = lower(t.s, &mut buf);
        let aux = is_auxiliary(w);
        // "May" inside a sentence is the month, not the modal.
        let month_may = w == "may" && t.cap && k > 0;
        let next = toks
            .get(k + 1)
            .filter(|n| n.s.len() <= 16 && n.s.is_ascii())
            .map_or("", |n| lower(n.s, &mut next_buf));
        match cue(w, next) {
            // "will be finalized", "has announced": the auxiliary carries the tense.
            Some(Tense::Past) if prev_aux && !aux => {}
            Some(_) if month_may => {}
            Some(tense) => out.push((k, tense)),
            None => {}
        }
        prev_aux = aux;
    }
    out
}

fn lower<'b>(s: &str, buf: &'b mut [u8; 16]) -> &'b str {
    let n = s.len().min(16);
    for (d, b) in buf.iter_mut().zip(s.bytes()) {
        *d = b.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..n]).unwrap_or("")
}

/// The tense for an expression spanning sentence tokens `[from, to)`: the
/// cue before it when nothing but its own clause lies between them (a time
/// adverbial mostly follows the verb it modifies: "will double its flights by
/// August in the search for markets untouched by the crisis"), else the
/// nearest cue.
pub(crate) fn for_span(toks: &[Tok], cues: &[(usize, Tense)], from: usize, to: usize) -> Tense {
    if let Some(&(b, tb)) = cues[..cues.partition_point(|&(k, _)| k < from)].last() {
        let between = toks.get(b + 1..from).unwrap_or(&[]);
        if !between.iter().any(is_clause_boundary) {
            return tb;
        }
    }
    nearest(cues, from, to)
}

/// Punctuation and subordinators that end the clause of a verb before them.
fn is_clause_boundary(t: &Tok) -> bool {
    match t.kind {
        TokenKind::Word => [
            "that", "which", "who", "whom", "whose", "because", "while", "when", "where", "if",
            "although", "though", "but", "whether", "unless",
        ]
        .iter()
        .any(|w| t.s.eq_ignore_ascii_case(w)),
        TokenKind::Number => false,
        TokenKind::Quote => true,
        _ => matches!(
            t.s,
            "," | ";" | ":" | "(" | ")" | "—" | "–" | "-" | "\"" | "“" | "”"
        ),
    }
}

/// Picks the tense for an expression spanning sentence tokens `[from, to)`,
/// given the cues of the sentence as (token index, tense). The nearest cue wins;
/// on a tie, the one before the expression.
pub(crate) fn nearest(cues: &[(usize, Tense)], from: usize, to: usize) -> Tense {
    // Cues are in token order: the nearest before and after are found by
    // binary search, so a long sentence with many expressions stays linear.
    let before = cues[..cues.partition_point(|&(k, _)| k < from)].last();
    let after = cues.get(cues.partition_point(|&(k, _)| k < to));
    match (before, after) {
        (Some(&(b, tb)), Some(&(a, ta))) => {
            if a + 1 - to < from - b {
                ta
            } else {
                tb
            }
        }
        (Some(&(_, t)), None) | (None, Some(&(_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cues() {
        assert_eq!(cue("announced", ""), Some(Tense::Past));
        assert_eq!(cue("will", ""), Some(Tense::Future));
        assert_eq!(cue("going", "to"), Some(Tense::Future));
        assert_eq!(cue("need", ""), None);
        assert_eq!(cue("hundred", ""), None);
        assert_eq!(cue("troops", ""), None);
    }

    #[test]
    fn nearest_cue_wins() {
        let cues = [(1, Tense::Past), (6, Tense::Future)];
        assert_eq!(nearest(&cues, 3, 4), Tense::Past);
        assert_eq!(nearest(&cues, 5, 6), Tense::Future);
        assert_eq!(nearest(&[], 0, 1), Tense::Unknown);
    }
}
