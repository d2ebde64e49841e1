//! Paragraphs, section labels and sentences.

use crate::lexicon::{
    is_abbreviation, is_closing_quote, is_opening_quote, is_title_abbreviation, List,
};
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
        || !List::SectionLabel
            .set()
            .contains(crate::words::normal(label).as_str())
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
    let seg = Seg {
        text,
        toks: &tokens[first..],
        range,
    };
    let mut start = 0;
    let mut i = 0;
    while i < seg.toks.len() {
        let end = seg
            .boundary_after(start, i)
            .or_else(|| (i + 1 - start >= MAX_SENTENCE_TOKENS).then(|| seg.forced_cut(start, i)));
        if let Some(end) = end {
            sentences.push((first + start, first + end));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < seg.toks.len() {
        sentences.push((first + start, first + seg.toks.len()));
    }
}

/// The most tokens a sentence may have. Real sentences stay far below it (the
/// longest in GUM and UD EWT has 134 tokens); text without any stop, such as a
/// table or a scraped page flattened to one line, is cut into pieces of at most
/// this size so that no later stage meets an unbounded sentence.
pub const MAX_SENTENCE_TOKENS: usize = 400;

/// The tokens of one paragraph, indexed from 0.
struct Seg<'a> {
    text: &'a str,
    toks: &'a [Token],
    range: Span,
}

impl Seg<'_> {
    /// The text of token `k`, or "" past the paragraph.
    fn s(&self, k: usize) -> &str {
        self.toks
            .get(k)
            .map_or("", |t| &self.text[t.span.start..t.span.end])
    }

    fn kind(&self, k: usize) -> Option<TokenKind> {
        self.toks.get(k).map(|t| t.kind)
    }

    /// Token `k` starts where token `k - 1` ends.
    fn hugs(&self, k: usize) -> bool {
        k > 0 && k < self.toks.len() && self.toks[k].span.start == self.toks[k - 1].span.end
    }

    fn is_word(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Word)
    }

    fn capitalised(&self, k: usize) -> bool {
        self.is_word(k) && first_char(self.s(k)).is_uppercase()
    }

    fn lower_word(&self, k: usize) -> bool {
        self.is_word(k)
            && self
                .s(k)
                .chars()
                .all(|c| !c.is_alphabetic() || c.is_lowercase())
    }

    /// Where to cut a sentence that reached [`MAX_SENTENCE_TOKENS`] at token
    /// `i`: after its last clause mark (`;` `:` `,` or a dash) in the second
    /// half, so that phrases stay whole, or else after `i`.
    fn forced_cut(&self, start: usize, i: usize) -> usize {
        let half = start + (i - start) / 2;
        (half..=i)
            .rev()
            .find(|&k| matches!(self.s(k), ";" | ":" | "," | "-" | "–" | "—" | "--"))
            .map_or(i + 1, |k| k + 1)
    }

    /// If a sentence ends with token `i` (the sentence began at `start`),
    /// returns the index of the first token after it.
    fn boundary_after(&self, start: usize, i: usize) -> Option<usize> {
        let toks = self.toks;
        let s = self.s(i);
        let terminal = match toks[i].kind {
            TokenKind::Punct => {
                (matches!(s, "." | "!" | "?" | "…") || s.starts_with(".."))
                    && !self.list_number(start, i)
            }
            TokenKind::Word if s.ends_with('.') => self.abbreviation_may_end_sentence(i),
            _ => false,
        };
        if i + 1 >= toks.len() {
            return None; // the paragraph end closes the sentence anyway
        }
        if !terminal {
            // A line break inside a paragraph after text without terminal
            // punctuation (a headline or a dateline line) also ends a sentence,
            // as do the unpunctuated breaks of e-mail and web text.
            let breaks = line_break_follows(self.text, toks[i].span.end, self.range)
                || self.unpunctuated_break(start, i);
            return breaks.then_some(i + 1);
        }
        let mut end = i + 1;
        // closing quotes and brackets that hug the terminal mark belong to this sentence
        while end < toks.len() {
            let ts = self.s(end);
            let closer = matches!(ts, ")" | "]")
                || (toks[end].kind == TokenKind::Quote
                    && (is_closing_quote(first_char(ts))
                        || (self.hugs(end) && !is_opening_quote(first_char(ts)))));
            if closer && self.hugs(end) {
                end += 1;
            } else {
                break;
            }
        }
        // reference marks and source credits after the stop belong to the
        // sentence they source: "... in 1805. [6] [7]", "... Jihad. (Jerusalem Post)"
        end = self.after_references(end);
        if end >= toks.len() {
            return None;
        }
        let next = self.s(end);
        let c = first_char(next);
        let bare = end == i + 1 && toks[end].span.start > toks[i].span.end;
        if end == i + 1
            && !bare
            && (s == "…" || s.starts_with(".."))
            && !first_char(self.s(end)).is_uppercase()
        {
            return None; // "by the Nazis...70k still remain": an ellipsis inside the sentence
        }
        if c == '(' && (matches!(s, "!" | "?" | "…") || s.starts_with("..")) {
            // "Viva Maria! (1965)": a parenthesis after an exclamation, a
            // question or an ellipsis goes on the sentence unless it is one.
            return self.parenthetical_sentence(end).then_some(end);
        }
        // a dash opens a sentence before a capital ("- Eleanor Roosevelt",
        // "-- Posted by"), not a clause ("'Huh?' – used as ...")
        let dash = matches!(next, "-" | "--" | "---" | "–" | "—") && self.capitalised(end + 1);
        let starts_new = c.is_uppercase()
            || c.is_ascii_digit()
            || is_opening_quote(c)
            || dash
            || self.is_rule(end)
            || matches!(c, '"' | '\'' | '(' | '[' | '•' | '*' | '+' | '#')
            || (s == "." && (next.starts_with("..") || next == "…"));
        // Informal text starts sentences in lower case ("great food. service was slow"):
        // a bare stop (not an abbreviation, not an ellipsis, no closing quote) before
        // a lower-case word still ends the sentence.
        let plain_stop = (toks[i].kind == TokenKind::Punct
            && matches!(s, "." | "!")
            && !(i > 0 && toks[i - 1].kind == TokenKind::Number && toks[i - 1].span.len() <= 2)
            // "engin i. erdem": a lone letter before the stop is an initial
            && !(i > 0 && self.hugs(i) && self.is_word(i - 1) && self.s(i - 1).chars().count() == 1))
            || (toks[i].kind == TokenKind::Word && matches!(s, "no." | "No." | "nos."));
        let bare_stop = bare && plain_stop;
        let lower_start =
            c.is_lowercase() && matches!(toks[end].kind, TokenKind::Word | TokenKind::Url);
        // After a bare question mark, only a word that opens clauses ("why? i
        // don't know"), not a predicate ("Huh? is a word").
        let bare_question = bare && s == "?" && self.lower_opener(end);
        (starts_new || (bare_stop && lower_start) || bare_question).then_some(end)
    }

    /// "2. GUJJOLAAY EEGIMAA": the period of a number that opens the sentence
    /// numbers a heading or a list item.
    fn list_number(&self, start: usize, i: usize) -> bool {
        self.s(i) == "."
            && i == start + 1
            && self.hugs(i)
            && self.kind(start) == Some(TokenKind::Number)
            && self.s(start).len() <= 2
    }

    /// A lower-case word that opens a sentence after a question: pronouns and
    /// other clause openers, interjections, and an auxiliary before a pronoun
    /// ("boob out? should I be embarrassed").
    fn lower_opener(&self, k: usize) -> bool {
        let w = self.s(k);
        let aux = is_aux(&w.to_ascii_lowercase());
        is_lower_opener(w)
            // an auxiliary before a pronoun asks a new question ("should I ...")
            || (aux && matches!(self.s(k + 1), "i" | "I" | "you" | "he" | "she" | "it" | "we" | "they" | "there"))
            // any other word but a verb or a preposition that would continue
            // the clause the question mark sits in ("Huh? is a word")
            || (self.lower_word(k) && !aux && !is_preposition(w) && !is_verb_like(w))
    }

    /// Whether the parenthesis opening at `k` holds a sentence of its own: its
    /// closing bracket follows a stop ("(It was close.)").
    fn parenthetical_sentence(&self, k: usize) -> bool {
        let mut depth = 0;
        for j in k..self.toks.len().min(k + 40) {
            match self.s(j) {
                "(" => depth += 1,
                ")" => {
                    depth -= 1;
                    if depth == 0 {
                        return j > k + 1 && matches!(self.s(j - 1), "." | "!" | "?");
                    }
                }
                _ => {}
            }
        }
        false
    }

    /// Boundaries without a stop, from the conventions of e-mail, web and wire
    /// text: the break comes after token `i`.
    fn unpunctuated_break(&self, start: usize, i: usize) -> bool {
        let toks = self.toks;
        let n = i + 1;
        let s = self.s(i);
        // "Thanks,| Dawn", "Best regards,| Debra": a closing formula, then the name
        if s == "," && self.capitalised(n) && self.closing(start, i) {
            return true;
        }
        // after a web or e-mail address (its angle bracket), a new sentence
        // starts with a capital or another address
        let addr = if matches!(s, ">" | ")") && self.hugs(i) && i > 0 {
            i - 1
        } else {
            i
        };
        if self.full_address(addr)
            && (addr == i || !self.hugs(n))
            && ((addr < i && self.capitalised(n))
                || (self.full_address(n) && self.s(addr).contains("://"))
                || is_sentence_opener(self.s(n))
                || (self.capitalised(n) && is_aux(&self.s(n).to_ascii_lowercase())))
        {
            return true;
        }
        // a rule ("_____", "*****") is a line of its own
        if (self.is_rule(i) && !self.hugs(n)) || (self.is_rule(n) && !self.hugs(n)) {
            return true;
        }
        // "-- Posted by ...": a signature dash after a finished sentence
        if s == "--"
            && (i == start || (i > 0 && matches!(self.s(i - 1), "." | "!" | "?")))
            && self.capitalised(n)
        {
            return true;
        }
        // emoticons: "... is n't seak :) Now I have", "great! :P you get"
        if toks[i].kind == TokenKind::Symbol && is_emoticon(s) && self.is_word(n) {
            let after_stop = i > 0 && matches!(self.s(i - 1), "." | "!" | "?");
            if self.capitalised(n) || after_stop {
                return true;
            }
        }
        // e-mail headers: "Robert Bryngelson@AZURIX| 08/16/2000 12:05 PM| I just wanted"
        if self.stamp_end(i) && (self.is_word(n) || toks[n].kind == TokenKind::Quote) {
            return true;
        }
        if self.stamp_starts(n)
            && (self.capitalised(i) || toks[i].kind == TokenKind::Url || s == ">")
            && !is_preposition(&s.to_ascii_lowercase())
        {
            return true;
        }
        // wire datelines: "WASHINGTON (Reuters) -| U.S. Muslim groups ..."
        if self.dateline_end(start) == Some(n) || (s == ":" && self.dateline_end(n).is_some()) {
            return true;
        }
        // a source credit in brackets that opens a sentence: "(BBC) The
        // Palestinian ...", "(Hat Tip: Captain's Quarters) (BBC) The ..."
        if s == ")" && self.credit(start) == Some(n) {
            let next = self.s(n);
            if self.capitalised(n)
                || is_opening_quote(first_char(next))
                || matches!(next, "\"" | "(")
            {
                return true;
            }
        }
        // e-mail attachments: "<< File: TEXT.htm >> I was thinking"
        if s == ">" && i > 0 && self.s(i - 1) == ">" && self.hugs(i) && self.capitalised(n) {
            return true;
        }
        // "... the year Frank Sinatra died He also had ...": a capitalised
        // pronoun or opener after a lower-case word, not in a title
        if self.lower_word(i)
            && !is_preposition(s)
            && is_capital_opener(self.s(n))
            && (n + 1 >= toks.len() || self.lower_word(n + 1) || self.s(n + 1) == ",")
        {
            return true;
        }
        // "... mc donald s lol| Fast food chains"
        if matches!(s, "lol" | "LOL" | "haha" | "hahaha" | "lmao" | "rofl") && self.capitalised(n) {
            return true;
        }
        false
    }

    /// A bracket at `start` that opens with a capitalised word or an address
    /// and holds no stop ("(Hat Tip: Captain's Quarters)", "(BBC)"): the index
    /// after it.
    fn credit(&self, start: usize) -> Option<usize> {
        let first = start + 1;
        let credit = (self.capitalised(first) && self.s(first).chars().count() > 1)
            || self.kind(first) == Some(TokenKind::Url);
        if self.s(start) != "(" || !credit {
            return None;
        }
        let close = (first..self.toks.len().min(first + 10))
            .find(|&j| matches!(self.s(j), "(" | ")" | "." | "!" | "?" | "[" | "]"))?;
        (self.s(close) == ")").then_some(close + 1)
    }

    /// Tokens `start..i` are a closing formula ("Thanks", "Best regards").
    fn closing(&self, start: usize, i: usize) -> bool {
        // Closings are at most three words ("yours very truly").
        if i <= start || i - start > 3 {
            return false;
        }
        let words: Vec<String> = (start..i).map(|k| self.s(k).to_ascii_lowercase()).collect();
        List::Closing.set().contains(words.join(" ").as_str())
    }

    /// A web address with its scheme or "www.", or an e-mail address; not a
    /// bare domain, which names companies ("Amazon.com Inc").
    fn full_address(&self, k: usize) -> bool {
        let w = self.s(k);
        self.kind(k) == Some(TokenKind::Url)
            && (w.contains("://") || w.starts_with("www.") || w.contains('@'))
    }

    fn is_rule(&self, k: usize) -> bool {
        let w = self.s(k);
        self.kind(k) == Some(TokenKind::Punct)
            && w.len() >= 3
            && (w.starts_with(['_', '*', '=', '~']) || w.len() >= 4)
    }

    /// A slashed date followed by a clock time starts at `k`: "08/16/2000 12:05".
    fn stamp_starts(&self, k: usize) -> bool {
        self.slashed_date(k) && self.clock(k + 5)
    }

    fn slashed_date(&self, k: usize) -> bool {
        (0..5).all(|d| {
            let tk = k + d;
            let ok = if d % 2 == 0 {
                self.kind(tk) == Some(TokenKind::Number)
            } else {
                self.s(tk) == "/"
            };
            ok && (d == 0 || self.hugs(tk))
        })
    }

    fn clock(&self, k: usize) -> bool {
        self.kind(k) == Some(TokenKind::Number) && self.s(k).contains(':')
    }

    /// Token `i` ends a date-and-time stamp: "08/16/2000 12:05 PM".
    fn stamp_end(&self, i: usize) -> bool {
        matches!(self.s(i), "AM" | "PM" | "am" | "pm")
            && i >= 6
            && self.clock(i - 1)
            && self.slashed_date(i - 6)
    }

    /// A wire dateline from `k`: place names in capitals, optionally a date,
    /// the agency in brackets and a dash ("TEHRAN (AFP) -"); returns the index
    /// after the dash.
    fn dateline_end(&self, k: usize) -> Option<usize> {
        let caps = |j: usize| {
            self.is_word(j)
                && self.s(j).chars().filter(|c| c.is_alphabetic()).count() >= 2
                && self
                    .s(j)
                    .chars()
                    .all(|c| !c.is_alphabetic() || c.is_uppercase())
        };
        if !caps(k) {
            return None;
        }
        let open = (k + 1..self.toks.len().min(k + 8)).find(|&j| self.s(j) == "(")?;
        let close = (open + 1..self.toks.len().min(open + 5)).find(|&j| self.s(j) == ")")?;
        let agency = close > open + 1 && (open + 1..close).all(|j| self.capitalised(j));
        let dash = matches!(self.s(close + 1), "-" | "--" | "–" | "—");
        (agency && dash && close + 2 < self.toks.len()).then_some(close + 2)
    }

    /// Skips bracketed reference numbers ("[6]", "[7] [8]") and editorial
    /// notes ("[citation needed]") starting at token `k`.
    fn after_references(&self, mut k: usize) -> usize {
        while self.s(k) == "[" {
            let Some(close) = (k + 1..self.toks.len().min(k + 6)).find(|&j| self.s(j) == "]")
            else {
                break;
            };
            let inner = self.s(k + 1);
            let note = close > k + 1
                && (inner.chars().all(|c| c.is_ascii_digit()) || first_char(inner).is_lowercase());
            if !note {
                break;
            }
            k = close + 1;
        }
        k
    }

    /// A word ending in "." ends the sentence unless it is a title (`Gen.`), an
    /// initial (`J.`), or an abbreviation followed by something other than a clear
    /// sentence opener.
    fn abbreviation_may_end_sentence(&self, i: usize) -> bool {
        let s = self.s(i);
        let word = &s[..s.len() - 1];
        let Some(next) = self.toks.get(i + 1) else {
            return false;
        };
        let next_word = self.s(i + 1);
        // "No. 5" numbers; "said no." ends
        if matches!(word, "no" | "No" | "nos") {
            return !matches!(next.kind, TokenKind::Number) && next_word != "#";
        }
        if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
            // "by G. The technical term": an initial before a determiner or a
            // pronoun ends the sentence; names never continue so
            return is_strong_opener(next_word);
        }
        if is_title_abbreviation(word) {
            return false;
        }
        let abbreviation = is_abbreviation(word) || word.contains('.');
        if !abbreviation {
            return true;
        }
        is_sentence_opener(next_word)
            || (next.kind == TokenKind::Quote && char_at(self.text, next.span.start) != '\'')
    }
}

/// Auxiliaries (the shared class, `lang/en/auxiliary.tsv`), compared
/// lower-cased ("Are you free ...").
fn is_aux(w: &str) -> bool {
    crate::words::classes(w).contains(crate::words::WordClass::Auxiliary)
}

/// Lower-case words that continue a clause after a quoted or mentioned
/// question ("that Huh? means ...").
fn is_verb_like(w: &str) -> bool {
    (w.len() > 3 && w.ends_with('s') && !w.ends_with("ss"))
        || matches!(w, "be" | "been" | "being" | "seems" | "means" | "meets")
}

fn is_emoticon(s: &str) -> bool {
    s.starts_with([':', ';', '='])
}

/// Lower-case words that continue a clause: prepositions, conjunctions,
/// articles (`lang/en/segmentation/clause-word.tsv`).
fn is_preposition(w: &str) -> bool {
    List::ClauseWord.set().contains(w)
}

/// Capitalised words that, after a lower-case word and no punctuation, start a
/// sentence in unedited text ("... died He also had ...").
fn is_capital_opener(w: &str) -> bool {
    List::CapitalOpener.set().contains(w)
}

/// Determiners and pronouns that never follow an initial inside a name.
fn is_strong_opener(w: &str) -> bool {
    List::StrongOpener.set().contains(w)
}

/// Lower-case words that open sentences in informal writing.
fn is_lower_opener(w: &str) -> bool {
    List::LowerOpener.set().contains(w)
}

fn first_char(s: &str) -> char {
    s.chars().next().unwrap_or('\0')
}

fn line_break_follows(text: &str, pos: usize, range: Span) -> bool {
    let rest = &text[pos..range.end];
    let ws = &rest[..rest.len() - rest.trim_start().len()];
    ws.contains('\n')
}

/// Words that, capitalised after an abbreviation, almost always open a sentence.
fn is_sentence_opener(w: &str) -> bool {
    List::SentenceOpener.set().contains(w)
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
    fn web_and_email_conventions() {
        assert_eq!(
            sents("Robert Smith 08/16/2000 12:05 PM I just wanted to say hi."),
            [
                "Robert Smith",
                "08/16/2000 12:05 PM",
                "I just wanted to say hi."
            ]
        );
        assert_eq!(
            sents("I look forward to it. Sincerely, Traci"),
            ["I look forward to it.", "Sincerely,", "Traci"]
        );
        assert_eq!(
            sents("http://a.com/x http://b.org/y"),
            ["http://a.com/x", "http://b.org/y"]
        );
        assert_eq!(
            sents("what a day :) Now I rest"),
            ["what a day :)", "Now I rest"]
        );
        assert_eq!(
            sents("where did you grow up? india? should I ask?"),
            ["where did you grow up?", "india?", "should I ask?"]
        );
        assert_eq!(
            sents("the year Sinatra died He also had blue eyes"),
            ["the year Sinatra died", "He also had blue eyes"]
        );
        assert_eq!(
            sents("Call me. ______ John Smith"),
            ["Call me.", "______", "John Smith"]
        );
        // a title in title case is not split at its pronoun
        assert_eq!(sents("What They Found in It"), ["What They Found in It"]);
        // a mentioned question word continues its clause
        assert_eq!(sents("that huh? is a word"), ["that huh? is a word"]);
    }

    #[test]
    fn datelines_credits_and_lists() {
        assert_eq!(
            sents("WASHINGTON (Reuters) - U.S. groups criticized it."),
            ["WASHINGTON (Reuters) -", "U.S. groups criticized it."]
        );
        assert_eq!(
            sents("(BBC) The group said so."),
            ["(BBC)", "The group said so."]
        );
        assert_eq!(
            sents("2. GUJJOLAAY EEGIMAA AND ITS SPEAKERS"),
            ["2. GUJJOLAAY EEGIMAA AND ITS SPEAKERS"]
        );
        assert_eq!(
            sents("She won for Viva Maria! (1965), and more."),
            ["She won for Viva Maria! (1965), and more."]
        );
        assert_eq!(
            sents("It was directed by Jo Dale. [citation needed] Then it closed."),
            [
                "It was directed by Jo Dale. [citation needed]",
                "Then it closed."
            ]
        );
        assert_eq!(
            sents("A repetition by G. The term is repair."),
            ["A repetition by G.", "The term is repair."]
        );
        assert_eq!(
            sents("He said no. Then he left. It was No. 5 on the list."),
            ["He said no.", "Then he left.", "It was No. 5 on the list."]
        );
        assert_eq!(
            sents("a word like 'Huh?' – used to repair"),
            ["a word like 'Huh?' – used to repair"]
        );
        assert_eq!(
            sents("by the Nazis...70k remain"),
            ["by the Nazis...70k remain"]
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
