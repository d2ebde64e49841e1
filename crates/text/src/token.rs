use crate::lexicon::{is_abbreviation, is_quote_char};
use crate::span::Span;
use crate::words::WordClasses;
use serde::{Deserialize, Serialize};

/// What kind of text a token is. Decided from its characters alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum TokenKind {
    /// Letters, possibly with inner hyphens, apostrophes, periods (U.S.) or digits (F-16).
    Word,
    /// Starts with a digit: `1,500`, `3.5`, `20-25`, `12k`, `2024`.
    Number,
    /// A quotation mark of any style.
    Quote,
    /// Sentence and clause punctuation: `. , ; : ! ? ( ) [ ] - – —`.
    Punct,
    /// Currency and other symbols: `$ € £ % & # @ +`.
    Symbol,
    /// `https://…`, `www.…` or an e-mail address.
    Url,
}

/// One token: a span of the text and its kind.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
}

impl Token {
    /// The shared word classes of the token's normal form ([`crate::words`]:
    /// month, weekday, number word, determiner, preposition, auxiliary);
    /// empty for anything but a word. `text` is the document's text
    /// ([`crate::Document::token_classes`] passes it).
    pub fn classes(&self, text: &str) -> WordClasses {
        match (self.kind, text.get(self.span.start..self.span.end)) {
            (TokenKind::Word, Some(word)) => crate::words::classes(word),
            _ => WordClasses::default(),
        }
    }
}

/// Splits `text[range]` into tokens, appending them to `out` with absolute offsets.
///
/// News conventions: possessive `'s` and negation `n't` are split off (PTB style);
/// hyphenated words and model names (`Shahed-136`, `F-16`) stay whole; numbers keep
/// their separators (`6,130`, `1.5`); initials and abbreviations keep their period
/// (`U.S.`, `Gen.`), and a sentence-final period is its own token.
pub(crate) fn tokenize(text: &str, range: Span, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut pos = range.start;
    while pos < range.end {
        let c = char_at(text, pos);
        if c.is_whitespace() {
            pos += c.len_utf8();
            continue;
        }
        let (end, kind) = if let Some(end) = url_end(text, pos, range.end) {
            (end, TokenKind::Url)
        } else if let Some(end) = emoticon_end(text, pos, range) {
            (end, TokenKind::Symbol)
        } else if let Some(end) = rule_end(bytes, pos, range.end) {
            (end, TokenKind::Punct)
        } else if c.is_ascii_digit() {
            (number_end(text, pos, range.end), TokenKind::Number)
        } else if c.is_alphabetic() {
            word_end(text, pos, range.end)
        } else if let Some(end) = clitic_end(text, pos, range) {
            (end, TokenKind::Word)
        } else if is_quote_char(c) {
            (pos + c.len_utf8(), TokenKind::Quote)
        } else if c == '.' && bytes.get(pos + 1) == Some(&b'.') {
            let mut e = pos;
            while e < range.end && bytes[e] == b'.' {
                e += 1;
            }
            (e, TokenKind::Punct)
        } else if is_punct(c) {
            (pos + c.len_utf8(), TokenKind::Punct)
        } else {
            (pos + c.len_utf8(), TokenKind::Symbol)
        };
        out.push(Token {
            span: Span::new(pos, end),
            kind,
        });
        pos = end;
    }
}

/// `'s`, `'re`, `n't` … hugging the word before them (the word was cut before them).
fn clitic_end(text: &str, pos: usize, range: Span) -> Option<usize> {
    let prev_is_word = pos > range.start
        && text[..pos]
            .chars()
            .next_back()
            .is_some_and(char::is_alphanumeric);
    if !prev_is_word {
        return None;
    }
    let rest = &text[pos..range.end];
    let (mark_len, after) = if let Some(r) = rest.strip_prefix(['n', 'N']) {
        let q = r.chars().next().filter(|&c| c == '\'' || c == '’')?;
        let r = &r[q.len_utf8()..];
        if !r.starts_with(['t', 'T']) {
            return None;
        }
        (1 + q.len_utf8(), &r[..1])
    } else {
        let q = rest.chars().next().filter(|&c| c == '\'' || c == '’')?;
        let r = &rest[q.len_utf8()..];
        let cl = ["s", "re", "ve", "ll", "d", "m"].into_iter().find(|cl| {
            r.get(..cl.len())
                .is_some_and(|p| p.eq_ignore_ascii_case(cl))
        })?;
        (q.len_utf8(), &r[..cl.len()])
    };
    let end = pos + mark_len + after.len();
    let boundary = text[end..range.end]
        .chars()
        .next()
        .is_none_or(|c| !c.is_alphanumeric());
    boundary.then_some(end)
}

/// Emoticons written with a space before them (":)", ":-(", ";)", ":P"): one
/// token, so that their parenthesis is not taken for a bracket.
fn emoticon_end(text: &str, pos: usize, range: Span) -> Option<usize> {
    const FACES: &[&str] = &[
        ":-)", ":-(", ":-D", ":-P", ":-p", ";-)", ":')", ":'(", ":)", ":(", ":D", ":P", ":p", ";)",
        "=)", ":/",
    ];
    let b = text.as_bytes();
    if !matches!(b[pos], b':' | b';' | b'=')
        || (pos > range.start && !b[pos - 1].is_ascii_whitespace())
    {
        return None;
    }
    let rest = &text[pos..range.end];
    let face = FACES.iter().find(|f| rest.starts_with(**f))?;
    let end = pos + face.len();
    let after = text[end..range.end].chars().next();
    after
        .is_none_or(|c| c.is_whitespace() || matches!(c, '.' | ',' | '!' | '?' | ')'))
        .then_some(end)
}

/// A run of dashes ("--", the typewriter dash) or a rule of three or more
/// underscores, asterisks, equals signs or tildes ("_____", "*****"): one token.
/// Newsgroup footers mix them ("----==").
fn rule_end(b: &[u8], pos: usize, limit: usize) -> Option<usize> {
    let rule = |c: u8| matches!(c, b'-' | b'_' | b'*' | b'=' | b'~');
    if !rule(b[pos]) {
        return None;
    }
    let mut e = pos;
    while e < limit && rule(b[e]) {
        e += 1;
    }
    let dashes = b[pos..e].iter().all(|&c| c == b'-');
    (e - pos >= if dashes { 2 } else { 3 }).then_some(e)
}

fn is_punct(c: char) -> bool {
    matches!(
        c,
        '.' | ','
            | ';'
            | ':'
            | '!'
            | '?'
            | '('
            | ')'
            | '['
            | ']'
            | '{'
            | '}'
            | '-'
            | '–'
            | '—'
            | '…'
            | '/'
            | '\\'
            | '|'
            | '•'
            | '·'
    )
}

pub(crate) fn char_at(text: &str, pos: usize) -> char {
    text[pos..].chars().next().unwrap_or('\0')
}

/// The longest web address or e-mail address the tokenizer keeps whole; a longer
/// one is cut there. The caps keep tokenizing linear: without them every token
/// of a long run without spaces would rescan the run to its end.
const MAX_URL_BYTES: usize = 2048;
const MAX_ADDRESS_WORD_BYTES: usize = 256;

/// `text[pos..]` cut to at most `max` bytes, at a character boundary.
fn window(text: &str, pos: usize, limit: usize, max: usize) -> &str {
    let mut end = limit.min(pos.saturating_add(max));
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[pos..end]
}

fn url_end(text: &str, pos: usize, limit: usize) -> Option<usize> {
    let head = window(text, pos, limit, MAX_ADDRESS_WORD_BYTES);
    let starts = head.starts_with("http://")
        || head.starts_with("https://")
        || head.starts_with("www.")
        || is_domain(head);
    // an e-mail address: a word that starts with a letter or digit, with an
    // `@` and then a dot ("mailto:" prefixes included)
    let is_email = !starts && head.as_bytes()[0].is_ascii_alphanumeric() && {
        let word_end = head.find(char::is_whitespace).unwrap_or(head.len());
        let word = &head[..word_end];
        word.contains('@')
            && word
                .rfind('.')
                .is_some_and(|d| d > word.find('@').unwrap_or(0) + 1)
    };
    if !starts && !is_email {
        return None;
    }
    let rest = window(text, pos, limit, MAX_URL_BYTES);
    let mut end = pos
        + rest
            .find(|c: char| c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>'))
            .unwrap_or(rest.len());
    // Trailing sentence punctuation belongs to the sentence, not the URL.
    while end > pos
        && matches!(
            text.as_bytes()[end - 1],
            b'.' | b',' | b';' | b':' | b')' | b'!' | b'?' | b'\''
        )
    {
        end -= 1;
    }
    (end > pos).then_some(end)
}

/// "podiobooks.com", "alt.religion.scientology" is not one: a word, a dot and a
/// common top-level domain, then the end of the word.
fn is_domain(rest: &str) -> bool {
    const TLDS: &[&str] = &[
        "com", "org", "net", "edu", "gov", "io", "co.uk", "uk", "de", "fr", "ru", "ua", "info",
        "biz",
    ];
    // cheap refusal first: a domain name starts with a run of letters, digits
    // or hyphens followed by a dot
    let name_len = rest
        .bytes()
        .take_while(|&b| b.is_ascii_alphanumeric() || b == b'-')
        .count();
    if name_len == 0 || rest.as_bytes().get(name_len) != Some(&b'.') {
        return false;
    }
    // the top-level domain and any closing punctuation fit in a few bytes
    let after_dot = &rest[name_len + 1..];
    let Some(tld_end) = after_dot.char_indices().take(16).find_map(|(k, c)| {
        (c.is_whitespace() || matches!(c, '"' | '“' | '”' | '<' | '>' | ',' | ')' | '('))
            .then_some(k)
    }) else {
        // the word ends within the window or not at all
        return after_dot.len() <= 16 && is_tld(after_dot, TLDS);
    };
    is_tld(&after_dot[..tld_end], TLDS)
}

fn is_tld(word: &str, tlds: &[&str]) -> bool {
    let tld = word.trim_end_matches(['.', ';', ':', '!', '?', '\'']);
    tlds.contains(&tld.to_ascii_lowercase().as_str())
}

/// Digits with inner `,` `.` (followed by a digit), an optional inner hyphen range
/// (`20-25`), and a short letter suffix (`12k`, `3bn`, `1st`, `10th`, `5pm`).
fn number_end(text: &str, pos: usize, limit: usize) -> usize {
    let b = text.as_bytes();
    let mut e = pos;
    loop {
        while e < limit && b[e].is_ascii_digit() {
            e += 1;
        }
        if e + 1 < limit && matches!(b[e], b',' | b'.' | b':') && b[e + 1].is_ascii_digit() {
            e += 1;
            continue;
        }
        break;
    }
    // letter suffix: 12k, 3bn, 15th, 5pm, 4G, 737s
    let mut s = e;
    while s < limit && b[s].is_ascii_alphabetic() && s - e < 3 {
        s += 1;
    }
    if s > e && (s == limit || !b[s].is_ascii_alphanumeric()) {
        e = s;
    }
    // alphanumeric model names like 3G or 4x4 continue as a word
    if e < limit && (b[e].is_ascii_alphabetic()) {
        while e < limit && b[e].is_ascii_alphanumeric() {
            e += 1;
        }
    }
    // hyphen joins: 20-25, 2010-11, 3-year-old
    if e + 1 < limit && b[e] == b'-' && b[e + 1].is_ascii_alphanumeric() {
        return number_end_after_hyphen(text, e + 1, limit);
    }
    e
}

fn number_end_after_hyphen(text: &str, pos: usize, limit: usize) -> usize {
    if text.as_bytes()[pos].is_ascii_digit() {
        number_end(text, pos, limit)
    } else {
        word_end(text, pos, limit).0
    }
}

/// A word: letters and digits, inner hyphens and apostrophes, and periods of
/// initialisms (`U.S.`) or abbreviations (`Gen.`). Splits off `'s` and `n't`.
fn word_end(text: &str, pos: usize, limit: usize) -> (usize, TokenKind) {
    let b = text.as_bytes();
    let mut e = pos;
    loop {
        while e < limit {
            let c = char_at(text, e);
            if c.is_alphanumeric() || c == '\u{AD}' {
                e += c.len_utf8();
            } else {
                break;
            }
        }
        if e >= limit {
            break;
        }
        let c = char_at(text, e);
        let next = if e + c.len_utf8() < limit {
            char_at(text, e + c.len_utf8())
        } else {
            '\0'
        };
        match c {
            '-' | '‑' if next.is_alphanumeric() => e += c.len_utf8(),
            '\'' | '’' if next.is_alphabetic() => {
                // possessive or clitic: split ('s 're 've 'll 'd 'm), keep O'Brien / rock'n'roll
                let rest = &text[e + c.len_utf8()..limit];
                let clitic = ["s", "re", "ve", "ll", "d", "m"].iter().any(|cl| {
                    rest.get(..cl.len())
                        .is_some_and(|p| p.eq_ignore_ascii_case(cl))
                        && rest[cl.len()..]
                            .chars()
                            .next()
                            .is_none_or(|c| !c.is_alphanumeric())
                });
                if clitic {
                    break;
                }
                e += c.len_utf8();
            }
            '.' if next.is_alphabetic() && is_initialism_so_far(&text[pos..e]) => e += 1,
            // codes and versions with a digit: "EY4096.1", "EY4108.E", "Win3.1"
            '.' if is_code_part(&text[pos..e], &text[e + 1..limit]) => e += 1,
            // degrees: "Ph.D.", "M.Sc." (a capitalised short part, then a capital and a period)
            '.' if next.is_uppercase() && is_degree_so_far(&text[pos..e], &text[e + 1..limit]) => {
                e += 1
            }
            '&' if next.is_ascii_uppercase()
                && text[pos..e].chars().all(|c| c.is_ascii_uppercase()) =>
            {
                e += 1
            }
            _ => break,
        }
    }
    // n't: "don't" -> "do" + "n't"
    let word = &text[pos..e];
    if e - pos > 3 && (word.ends_with("n't") || word.ends_with("n’t")) {
        let cut = e - if word.ends_with("n't") {
            3
        } else {
            "n’t".len()
        };
        if cut > pos {
            return (cut, TokenKind::Word);
        }
    }
    // a following period belongs to initials (U.S.), single letters (J.) and abbreviations
    if e < limit && b[e] == b'.' {
        let word = &text[pos..e];
        let initial = word.chars().count() == 1 && word.chars().all(|c| c.is_uppercase());
        if word.contains('.') || initial || is_abbreviation(word) {
            e += 1;
        }
    }
    (e, TokenKind::Word)
}

/// `U`, `U.S`: single letters separated by periods.
/// "Ph" before ".D.": a capitalised part of at most two letters, then a
/// single capital letter with its period.
fn is_degree_so_far(s: &str, rest: &str) -> bool {
    let short = s.chars().count() <= 2
        && s.starts_with(|c: char| c.is_uppercase())
        && s.chars().all(char::is_alphabetic);
    let mut r = rest.chars();
    short && r.next().is_some_and(char::is_uppercase) && r.next() == Some('.')
}

/// After a word that contains a digit, a period then digits, or then one letter,
/// and the end of the word.
fn is_code_part(s: &str, rest: &str) -> bool {
    if !s.bytes().any(|b| b.is_ascii_digit()) || !s.starts_with(|c: char| c.is_alphabetic()) {
        return false;
    }
    let part = rest
        .find(|c: char| !c.is_alphanumeric())
        .map_or(rest, |k| &rest[..k]);
    !part.is_empty()
        && (part.bytes().all(|b| b.is_ascii_digit())
            || (part.len() == 1 && part.bytes().all(|b| b.is_ascii_uppercase())))
}

fn is_initialism_so_far(s: &str) -> bool {
    s.split('.').all(|part| part.chars().count() == 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(s: &str) -> Vec<&str> {
        let mut out = Vec::new();
        tokenize(s, Span::new(0, s.len()), &mut out);
        out.iter().map(|t| &s[t.span.start..t.span.end]).collect()
    }

    #[test]
    fn news_tokens() {
        assert_eq!(toks("South Korea's NIS"), ["South", "Korea", "'s", "NIS"]);
        assert_eq!(toks("Russia’s war"), ["Russia", "’s", "war"]);
        assert_eq!(
            toks("more than 6,130 Shaheds."),
            ["more", "than", "6,130", "Shaheds", "."]
        );
        assert_eq!(
            toks("the U.S. and Gen. Votel"),
            ["the", "U.S.", "and", "Gen.", "Votel"]
        );
        assert_eq!(toks("Shahed-136 and F-16s"), ["Shahed-136", "and", "F-16s"]);
        assert_eq!(
            toks("another 20-25 thousand"),
            ["another", "20-25", "thousand"]
        );
        assert_eq!(toks("$3bn, 12k"), ["$", "3bn", ",", "12k"]);
        assert_eq!(
            toks("\"Now,\" he said"),
            ["\"", "Now", ",", "\"", "he", "said"]
        );
        assert_eq!(toks("don't O'Brien"), ["do", "n't", "O'Brien"]);
        assert_eq!(
            toks("see https://example.com/a?b=1."),
            ["see", "https://example.com/a?b=1", "."]
        );
        assert_eq!(toks("J. R. R. Tolkien"), ["J.", "R.", "R.", "Tolkien"]);
        assert_eq!(toks("AT&T"), ["AT&T"]);
        assert_eq!(toks("Wait..."), ["Wait", "..."]);
        assert_eq!(
            toks("EY4096.1 and EY4108.E"),
            ["EY4096.1", "and", "EY4108.E"]
        );
        assert_eq!(toks("the F-16. The"), ["the", "F-16", ".", "The"]);
    }

    #[test]
    fn emoticons_and_rules() {
        assert_eq!(toks("fun :) Now :-( ok"), ["fun", ":)", "Now", ":-(", "ok"]);
        assert_eq!(toks("(see:D)"), ["(", "see", ":", "D", ")"]);
        assert_eq!(toks("act -- Posted"), ["act", "--", "Posted"]);
        assert_eq!(toks("a-b ____ *** x"), ["a-b", "____", "***", "x"]);
        assert_eq!(toks("** x"), ["*", "*", "x"]);
    }

    #[test]
    fn quotes_domains_and_separators() {
        assert_eq!(
            toks("„Nein“, sagte er"),
            ["„", "Nein", "“", ",", "sagte", "er"]
        );
        assert_eq!(toks("«Oui» – non"), ["«", "Oui", "»", "–", "non"]);
        assert_eq!(
            toks("Visit podiobooks.com, or bbc.co.uk."),
            ["Visit", "podiobooks.com", ",", "or", "bbc.co.uk", "."]
        );
        assert_eq!(
            toks("1,000,000 people and 3.75%"),
            ["1,000,000", "people", "and", "3.75", "%"]
        );
        assert_eq!(
            toks("a well-known 24-year-old"),
            ["a", "well-known", "24-year-old"]
        );
        assert_eq!(
            toks("Ukraine’s and the Russians’ losses"),
            ["Ukraine", "’s", "and", "the", "Russians", "’", "losses"]
        );
    }
}
