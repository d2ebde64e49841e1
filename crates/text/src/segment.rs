//! Paragraphs, section labels and sentences.

use crate::lexicon::{is_abbreviation, is_closing_quote, is_opening_quote, is_title_abbreviation};
use crate::span::Span;
use crate::token::{char_at, tokenize, Token, TokenKind};

/// Splits text into paragraphs. A blank line always ends a paragraph; a single
/// line break does too, unless the line before it stops mid-sentence and the next
/// line starts in lower case (a hard-wrapped line).
pub(crate) fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut current: Option<Span> = None;
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let start = line_start;
        line_start += line.len();
        let trimmed = line.trim();
        if trimmed.is_empty() {
            out.extend(current.take());
            continue;
        }
        let lead = line.len() - line.trim_start().len();
        let span = Span::new(start + lead, start + lead + trimmed.len());
        current = match current {
            Some(par) if continues(&text[par.start..par.end], trimmed) => Some(par.cover(span)),
            Some(par) => {
                out.push(par);
                Some(span)
            }
            None => Some(span),
        };
    }
    out.extend(current);
    out
}

fn continues(prev: &str, next: &str) -> bool {
    let last = prev.chars().next_back().unwrap_or('.');
    let ends_open = !matches!(last, '.' | '!' | '?' | ':' | '"' | '”' | '’' | ')' | '»');
    let first = next.chars().next().unwrap_or('A');
    ends_open
        && (first.is_lowercase()
            || prev.ends_with(',')
            || prev.ends_with(" and")
            || prev.ends_with(" the"))
}

/// House-style labels that open a section or a paragraph ("Quote:", "Background:").
/// Compared lower-cased. A closed list, so that a headline such as
/// "Zelenskyy: North Korea has joined the war" is not taken for a label.
const SECTION_LABELS: &[&str] = &[
    "source",
    "sources",
    "details",
    "quote",
    "quotes",
    "background",
    "context",
    "update",
    "updated",
    "note",
    "editor's note",
    "editor’s note",
    "reference",
    "recall",
    "related",
    "read more",
    "read also",
    "see also",
    "summary",
    "analysis",
    "comment",
    "comments",
    "reaction",
    "reactions",
    "correction",
    "disclaimer",
    "what happened",
    "why it matters",
    "key points",
    "photo",
    "photos",
    "video",
    "prehistory",
    "previously",
    "in brief",
    "highlights",
    "what we know",
    "timeline",
    "the details",
    "the background",
    "explainer",
];

/// If the paragraph starts with a house-style label, returns the label's span
/// (without the colon) and where the body starts.
pub(crate) fn section_label(text: &str, par: Span) -> Option<(Span, usize)> {
    let s = &text[par.start..par.end];
    let colon = s.find(':')?;
    if colon == 0 || colon > 20 {
        return None;
    }
    let label = &s[..colon];
    if !label.starts_with(|c: char| c.is_uppercase())
        || !SECTION_LABELS.contains(&label.to_lowercase().as_str())
    {
        return None;
    }
    let after = &s[colon + 1..];
    let body = par.start + colon + 1 + (after.len() - after.trim_start().len());
    Some((Span::new(par.start, par.start + colon), body))
}

/// Tokenizes `range` and splits it into sentences; both are appended.
/// Returns nothing: sentence spans go to `sentences` as token-index ranges.
pub(crate) fn sentences(
    text: &str,
    range: Span,
    tokens: &mut Vec<Token>,
    sentences: &mut Vec<(usize, usize)>,
) {
    let first = tokens.len();
    tokenize(text, range, tokens);
    let mut start = first;
    let mut i = first;
    while i < tokens.len() {
        if let Some(end) = boundary_after(text, tokens, i, range) {
            sentences.push((start, end));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < tokens.len() {
        sentences.push((start, tokens.len()));
    }
}

/// If a sentence ends with token `i`, returns the index of the first token after
/// it (after any closing quotes and brackets).
fn boundary_after(text: &str, tokens: &[Token], i: usize, range: Span) -> Option<usize> {
    let tok = tokens[i];
    let s = &text[tok.span.start..tok.span.end];
    let terminal = match tok.kind {
        TokenKind::Punct => matches!(s, "." | "!" | "?" | "…") || s.starts_with(".."),
        TokenKind::Word if s.ends_with('.') => abbreviation_may_end_sentence(text, tokens, i),
        _ => false,
    };
    // A line break inside a paragraph after text without terminal punctuation
    // (a headline or a dateline line) also ends a sentence.
    let line_end =
        !terminal && line_break_follows(text, tok.span.end, range) && i + 1 < tokens.len();
    if !terminal && !line_end {
        return None;
    }
    let mut end = i + 1;
    // closing quotes and brackets that hug the terminal mark belong to this sentence
    while end < tokens.len() {
        let t = tokens[end];
        let ts = &text[t.span.start..t.span.end];
        let hugs = t.span.start == tokens[end - 1].span.end;
        let closer = matches!(ts, ")" | "]")
            || (t.kind == TokenKind::Quote
                && (is_closing_quote(first_char(ts))
                    || (hugs && !is_opening_quote(first_char(ts)))));
        if closer && hugs {
            end += 1;
        } else {
            break;
        }
    }
    // reference marks after the stop belong to the sentence they source: "... in 1805. [6] [7]"
    end = after_references(text, tokens, end);
    if end >= tokens.len() {
        return None; // the paragraph end closes the sentence anyway
    }
    if line_end {
        return Some(end);
    }
    let next = &text[tokens[end].span.start..tokens[end].span.end];
    let c = first_char(next);
    let starts_new = c.is_uppercase()
        || c.is_ascii_digit()
        || is_opening_quote(c)
        || matches!(c, '"' | '\'' | '(' | '[' | '-' | '–' | '—' | '•');
    // Informal text starts sentences in lower case ("great food. service was slow"):
    // a bare stop (not an abbreviation, not an ellipsis, no closing quote) before
    // a lower-case word still ends the sentence.
    let bare_stop = end == i + 1
        && tok.kind == TokenKind::Punct
        && matches!(s, "." | "!")
        && tokens[end].span.start > tok.span.end
        && !(i > 0 && tokens[i - 1].kind == TokenKind::Number && tokens[i - 1].span.len() <= 2);
    let lower_start =
        c.is_lowercase() && matches!(tokens[end].kind, TokenKind::Word | TokenKind::Url);
    // After a bare question mark, only a word that opens clauses ("why? i
    // don't know"), not a predicate ("Huh? is a word").
    let bare_question = end == i + 1
        && tok.kind == TokenKind::Punct
        && s == "?"
        && tokens[end].span.start > tok.span.end
        && is_lower_opener(&text[tokens[end].span.start..tokens[end].span.end]);
    (starts_new || (bare_stop && lower_start) || bare_question).then_some(end)
}

/// Lower-case words that open sentences in informal writing.
fn is_lower_opener(w: &str) -> bool {
    matches!(
        w,
        "i" | "you"
            | "we"
            | "he"
            | "she"
            | "they"
            | "it"
            | "this"
            | "that"
            | "there"
            | "what"
            | "where"
            | "when"
            | "why"
            | "how"
            | "who"
            | "my"
            | "our"
            | "your"
            | "if"
            | "please"
            | "thanks"
            | "just"
            | "also"
            | "so"
            | "but"
            | "or"
            | "the"
            | "a"
            | "an"
    )
}

/// Skips bracketed reference numbers ("[6]", "[7] [8]") starting at token `k`.
fn after_references(text: &str, tokens: &[Token], mut k: usize) -> usize {
    let t = |k: usize| tokens.get(k).map(|t| &text[t.span.start..t.span.end]);
    while t(k) == Some("[")
        && t(k + 1).is_some_and(|n| n.chars().all(|c| c.is_ascii_digit()))
        && t(k + 2) == Some("]")
    {
        k += 3;
    }
    k
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or('\0')
}

fn line_break_follows(text: &str, pos: usize, range: Span) -> bool {
    let rest = &text[pos..range.end];
    let ws = &rest[..rest.len() - rest.trim_start().len()];
    ws.contains('\n')
}

/// A word ending in "." ends the sentence unless it is a title (`Gen.`), an
/// initial (`J.`), or an abbreviation followed by something other than a clear
/// sentence opener.
fn abbreviation_may_end_sentence(text: &str, tokens: &[Token], i: usize) -> bool {
    let s = &text[tokens[i].span.start..tokens[i].span.end];
    let word = &s[..s.len() - 1];
    if is_title_abbreviation(word)
        || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
    {
        return false;
    }
    let Some(next) = tokens.get(i + 1) else {
        return false;
    };
    let next_word = &text[next.span.start..next.span.end];
    let abbreviation = is_abbreviation(word) || word.contains('.');
    if !abbreviation {
        return true;
    }
    is_sentence_opener(next_word)
        || (next.kind == TokenKind::Quote && char_at(text, next.span.start) != '\'')
}

/// Words that, capitalised after an abbreviation, almost always open a sentence.
fn is_sentence_opener(w: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The",
        "A",
        "An",
        "He",
        "She",
        "It",
        "They",
        "We",
        "I",
        "You",
        "This",
        "That",
        "These",
        "Those",
        "There",
        "His",
        "Her",
        "Its",
        "Their",
        "Our",
        "In",
        "On",
        "At",
        "But",
        "And",
        "Yet",
        "So",
        "As",
        "After",
        "Before",
        "When",
        "While",
        "If",
        "According",
        "However",
        "Meanwhile",
        "Officials",
        "Some",
        "Many",
        "Most",
        "Other",
        "Earlier",
        "Later",
        "Last",
        "Since",
        "For",
        "With",
        "By",
        "From",
        "Under",
        "During",
        "Although",
        "Despite",
    ];
    OPENERS.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sents(s: &str) -> Vec<String> {
        let mut toks = Vec::new();
        let mut out = Vec::new();
        for par in paragraphs(s) {
            sentences(s, par, &mut toks, &mut out);
        }
        out.iter()
            .map(|&(a, b)| s[toks[a].span.start..toks[b - 1].span.end].to_string())
            .collect()
    }

    #[test]
    fn splits_news_sentences() {
        assert_eq!(
            sents("Gen. Joseph Votel said it. U.S. forces left the U.S. The end."),
            [
                "Gen. Joseph Votel said it.",
                "U.S. forces left the U.S.",
                "The end."
            ]
        );
        assert_eq!(
            sents("\"We won,\" he said. \"Now go.\" She left."),
            ["\"We won,\" he said.", "\"Now go.\"", "She left."]
        );
        assert_eq!(
            sents("Headline without stop\nBody starts here."),
            ["Headline without stop", "Body starts here."]
        );
        assert_eq!(
            sents("Apple Inc. said so. J. Smith agreed."),
            ["Apple Inc. said so.", "J. Smith agreed."]
        );
        assert_eq!(
            sents("It rose 3.5 percent. Then fell."),
            ["It rose 3.5 percent.", "Then fell."]
        );
    }

    #[test]
    fn abbreviations_initials_and_datelines() {
        assert_eq!(
            sents("Lt. Col. J. R. Smith met Sen. Jones on Jan. 5 in Washington."),
            ["Lt. Col. J. R. Smith met Sen. Jones on Jan. 5 in Washington."]
        );
        assert_eq!(
            sents("The U.S. Army left. The U.K. stayed."),
            ["The U.S. Army left.", "The U.K. stayed."]
        );
        assert_eq!(
            sents("KYIV, Oct 20 (Reuters)\nUkraine said it. Russia denied it."),
            [
                "KYIV, Oct 20 (Reuters)",
                "Ukraine said it.",
                "Russia denied it."
            ]
        );
        assert_eq!(
            sents("He said: “We will win.” Then he left."),
            ["He said: “We will win.”", "Then he left."]
        );
        assert_eq!(
            sents("‘Go,’ she said. «Now!» he shouted."),
            ["‘Go,’ she said.", "«Now!» he shouted."]
        );
    }

    #[test]
    fn references_lower_case_openers_and_domains() {
        // reference marks stay with the sentence they source
        assert_eq!(
            sents("He was born in 1805. [6] [7] He died in 1824."),
            ["He was born in 1805. [6] [7]", "He died in 1824."]
        );
        // informal lower-case openers after a bare stop
        assert_eq!(
            sents("great food. service was slow."),
            ["great food.", "service was slow."]
        );
        // but not after an abbreviation, a list number or inside a domain name
        assert_eq!(
            sents("Bring pens, paper etc. and a lamp."),
            ["Bring pens, paper etc. and a lamp."]
        );
        assert_eq!(
            sents("Two claims: 1. that it works, and 2. that it is cheap."),
            ["Two claims: 1. that it works, and 2. that it is cheap."]
        );
        assert_eq!(
            sents("See podiobooks.com for more."),
            ["See podiobooks.com for more."]
        );
        // after a bare question mark only a clause opener starts a sentence
        assert_eq!(
            sents("why is it closed? i have no idea."),
            ["why is it closed?", "i have no idea."]
        );
        assert_eq!(
            sents("We show that Huh? is a word."),
            ["We show that Huh? is a word."]
        );
        // "Why?" he asked: a quoted question inside a sentence
        assert_eq!(
            sents("\"Why?\" he asked. Nobody knew."),
            ["\"Why?\" he asked.", "Nobody knew."]
        );
    }

    #[test]
    fn paragraphs_and_wraps() {
        let t = "Title line\nFirst para\ncontinues here.\n\nSecond para.";
        let p: Vec<&str> = paragraphs(t).iter().map(|s| &t[s.start..s.end]).collect();
        assert_eq!(
            p,
            ["Title line", "First para\ncontinues here.", "Second para."]
        );
    }

    #[test]
    fn labels_are_closed_list() {
        let t = "Quote: \"Now.\"";
        assert!(section_label(t, Span::new(0, t.len())).is_some());
        let h = "Zelenskyy: North Korea has joined the war";
        assert!(section_label(h, Span::new(0, h.len())).is_none());
        let b = "Background:";
        assert_eq!(
            section_label(b, Span::new(0, b.len())).map(|(l, body)| (l.end, body)),
            Some((10, 11))
        );
    }
}
