//! The tense around a time expression, from cue words of its sentence.
//!
//! Underspecified expressions ("Tuesday", "8 October", "in March") are resolved
//! against the publication date in the direction the sentence points: past
//! narration looks back, future statements look forward. The cue nearest to the
//! expression wins ("announced on Monday that it will ..." is past for Monday).

use crate::scan::Tok;
use claimtrail_text::TokenKind;
use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// What a sentence says about when its event lies relative to the anchor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tense {
    Past,
    Present,
    Future,
    Unknown,
}

/// The time stage's tense words (`crates/time/lang/en/tense.tsv`; its header
/// says the format).
const TENSE_TSV: &str = include_str!("../lang/en/tense.tsv");

/// What a cue row asks of the next word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Next {
    Any,
    Is(&'static str),
    IsNot(&'static str),
    /// A past participle or "been" ("has announced", "have been").
    Perfect,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct CueRow {
    tense: Tense,
    next: Next,
}

/// The tense words, by kind.
#[derive(Debug, Default)]
struct TenseWords {
    /// Word -> its cue rows, in file order.
    cues: HashMap<&'static str, Vec<CueRow>>,
    irregular_past: HashSet<&'static str>,
    not_past: HashSet<&'static str>,
    auxiliaries: HashSet<&'static str>,
    boundaries: Vec<&'static str>,
}

fn cue_row(tense: &str, next: Option<&'static str>) -> Option<CueRow> {
    let tense = match tense {
        "future" => Tense::Future,
        "past" => Tense::Past,
        "present" => Tense::Present,
        _ => return None,
    };
    let next = match next {
        None => Next::Any,
        Some("next=perfect") => Next::Perfect,
        Some(c) => match (c.strip_prefix("next="), c.strip_prefix("next!=")) {
            (Some(w), _) => Next::Is(w),
            (_, Some(w)) => Next::IsNot(w),
            _ => return None,
        },
    };
    Some(CueRow { tense, next })
}

/// Reads a tense file (`#` comments and blank lines skipped); a line that
/// does not parse is an error naming it.
fn parse_tense_words(text: &'static str) -> Result<TenseWords, String> {
    let mut out = TenseWords::default();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&'static str> = line.split('\t').map(str::trim).collect();
        let bad = || format!("time tense words line {}: {line:?}", n + 1);
        match f[..] {
            ["cue", word, tense] | ["cue", word, tense, _] => {
                let row = cue_row(tense, f.get(3).copied()).ok_or_else(bad)?;
                out.cues.entry(word).or_default().push(row);
            }
            ["irregular", word] => {
                out.irregular_past.insert(word);
            }
            ["not-past", word] => {
                out.not_past.insert(word);
            }
            ["auxiliary", word] => {
                out.auxiliaries.insert(word);
            }
            ["boundary", word] => out.boundaries.push(word),
            _ => return Err(bad()),
        }
    }
    Ok(out)
}

/// The tense words, read once (the file is embedded and checked by the
/// tests; a broken line would leave them empty, not panic).
fn tense_words() -> &'static TenseWords {
    static WORDS: OnceLock<TenseWords> = OnceLock::new();
    WORDS.get_or_init(|| parse_tense_words(TENSE_TSV).unwrap_or_default())
}

/// The tense a single lower-cased word signals, if any. `next` is the
/// following word (lower-cased), for "going to" and "would have". Callers
/// pass `may` only when it is not the month.
pub(crate) fn cue(word: &str, next: &str) -> Option<Tense> {
    let holds = |c: &&CueRow| match c.next {
        Next::Any => true,
        Next::Is(w) => next == w,
        Next::IsNot(w) => next != w,
        Next::Perfect => next == "been" || is_past_form(next),
    };
    let rows = tense_words().cues.get(word);
    match rows.and_then(|rows| rows.iter().find(holds)) {
        Some(c) => Some(c.tense),
        None if is_past_form(word) => Some(Tense::Past),
        None => None,
    }
}

/// An irregular past form or a regular `-ed` form.
fn is_past_form(w: &str) -> bool {
    tense_words().irregular_past.contains(w) || is_regular_past(w)
}

/// `-ed` forms of verbs, minus the frequent words that only look like them.
fn is_regular_past(w: &str) -> bool {
    // four letters count: "died", "tied", "owed" ("aged 18" and "shed" are not verbs)
    if w.len() < 4 || !w.ends_with("ed") || w.ends_with("eed") {
        return false;
    }
    !tense_words().not_past.contains(w)
}

/// Whether a past form after `prev` is a participle whose tense is carried
/// by the auxiliary ("will be finalized", "has announced", "was held").
pub(crate) fn is_auxiliary(prev: &str) -> bool {
    tense_words().auxiliaries.contains(prev)
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
        TokenKind::Word => tense_words()
            .boundaries
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
        assert_eq!(cue("has", "announced"), Some(Tense::Past));
        assert_eq!(cue("has", "troops"), Some(Tense::Present));
        assert_eq!(cue("would", "have"), None);
        assert_eq!(cue("due", "to"), None);
        assert_eq!(cue("armed", ""), None);
        assert!(is_auxiliary("was") && !is_auxiliary("troops"));
    }

    #[test]
    fn every_tense_line_parses_and_is_used() {
        let words = parse_tense_words(TENSE_TSV).expect("tense.tsv parses");
        for (word, rows) in &words.cues {
            // the first row with no condition on the next word decides alone
            if let Some(r) = rows.iter().find(|r| r.next == Next::Any) {
                assert_eq!(cue(word, "troops"), Some(r.tense), "{word}");
            }
        }
        for w in &words.irregular_past {
            assert_eq!(cue(w, ""), Some(Tense::Past), "{w}");
        }
        for w in &words.not_past {
            assert_eq!(cue(w, ""), None, "{w}");
        }
        assert!(words.auxiliaries.iter().all(|w| is_auxiliary(w)));
        assert!(words.boundaries.len() > 10);
    }

    #[test]
    fn a_bad_tense_line_names_its_line() {
        for bad in [
            "cue\tsoon\tsometime",
            "cue\tsoon\tfuture\tprev=to",
            "verb\tran",
            "irregular",
        ] {
            let text: &'static str = Box::leak(format!("# c\n{bad}\n").into_boxed_str());
            let err = parse_tense_words(text).expect_err(bad);
            assert!(err.contains("line 2"), "{err}");
        }
    }

    #[test]
    fn nearest_cue_wins() {
        let cues = [(1, Tense::Past), (6, Tense::Future)];
        assert_eq!(nearest(&cues, 3, 4), Tense::Past);
        assert_eq!(nearest(&cues, 5, 6), Tense::Future);
        assert_eq!(nearest(&[], 0, 1), Tense::Unknown);
    }
}
