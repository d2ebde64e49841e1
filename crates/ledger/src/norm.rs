//! Text normalization for matching across documents: names (case, diacritics,
//! transliteration variants) and the content words of claims (stop words,
//! stems, concept classes).

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

/// Lower case with Latin diacritics removed and typographic punctuation folded:
/// "Zelenskyy’s" and "ZELENSKYY's" fold alike, "Đoković" to "djokovic".
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '’' | '‘' | '`' | 'ʼ' => out.push('\''),
            '‐' | '‑' | '‒' | '–' | '—' => out.push('-'),
            _ => match base_letter(c) {
                Some(b) => out.push_str(b),
                None => out.extend(c.to_lowercase()),
            },
        }
    }
    out
}

/// The unaccented form of a Latin letter with a diacritic (lower case).
fn base_letter(c: char) -> Option<&'static str> {
    const TABLE: &[(&str, &str)] = &[
        ("àáâãäåāăąǎÀÁÂÃÄÅĀĂĄǍ", "a"),
        ("çćĉċčÇĆĈĊČ", "c"),
        ("ďđÐĎĐ", "d"),
        ("èéêëēĕėęěÈÉÊËĒĔĖĘĚ", "e"),
        ("ĝğġģĜĞĠĢ", "g"),
        ("ĥħĤĦ", "h"),
        ("ìíîïĩīĭįıǐÌÍÎÏĨĪĬĮİǏ", "i"),
        ("ĵĴ", "j"),
        ("ķĶ", "k"),
        ("ĺļľŀłĹĻĽĿŁ", "l"),
        ("ñńņňÑŃŅŇ", "n"),
        ("òóôõöøōŏőǒÒÓÔÕÖØŌŎŐǑ", "o"),
        ("ŕŗřŔŖŘ", "r"),
        ("śŝşšșŚŜŞŠȘ", "s"),
        ("ţťŧțŢŤŦȚ", "t"),
        ("ùúûüũūŭůűųǔÙÚÛÜŨŪŬŮŰŲǓ", "u"),
        ("ŵŴ", "w"),
        ("ýÿŷÝŸŶ", "y"),
        ("źżžŹŻŽ", "z"),
        ("ß", "ss"),
        ("æÆ", "ae"),
        ("œŒ", "oe"),
    ];
    if c.is_ascii() {
        return None;
    }
    TABLE
        .iter()
        .find(|(set, _)| set.contains(c))
        .map(|&(_, b)| b)
}

/// The words of a text, folded: runs of letters and digits (an apostrophe or
/// hyphen inside a word is kept; a trailing possessive "'s" is dropped).
pub fn words(s: &str) -> Vec<String> {
    let folded = fold(s);
    let mut out = Vec::new();
    for raw in folded.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-')) {
        let w = raw.trim_matches(|c| c == '\'' || c == '-');
        let w = w.strip_suffix("'s").unwrap_or(w);
        if !w.is_empty() {
            out.push(w.to_string());
        }
    }
    out
}

/// A spelling key for one name word that transliteration variants share:
/// "Zelenskyy", "Zelensky", "Zelenskiy" and "Zelenski" all give "zelenski";
/// "Volodymyr" and "Wolodymyr" give "volodimir".
pub fn name_key(word: &str) -> String {
    let w: String = fold(word).chars().filter(|c| c.is_alphanumeric()).collect();
    let mut s = w.replace("kh", "h").replace("ph", "f").replace("ck", "k");
    s = s.replace('q', "k").replace('w', "v");
    // y between letters and at the end is the i of other transliterations
    // (Volodymyr/Volodimir, Zelensky/Zelenski); an initial y stays (Yulia).
    let mut chars: Vec<char> = s.chars().collect();
    for c in chars.iter_mut().skip(1) {
        if *c == 'y' {
            *c = 'i';
        }
    }
    // Final -ii/-ij (Zelenskii, Zelenskij) are the same ending.
    while chars.len() > 3 && chars.ends_with(&['i', 'i']) {
        chars.pop();
    }
    if chars.len() > 3 && chars.ends_with(&['i', 'j']) {
        chars.pop();
    }
    // Doubled letters vary between spellings (Gaddafi/Gadafi).
    chars.dedup();
    chars.into_iter().collect()
}

/// The key of a whole name: its words' keys, without a leading "the".
pub fn full_name_key(name: &str) -> String {
    let ws = words(name);
    let start = usize::from(ws.len() > 1 && ws[0] == "the");
    ws[start..]
        .iter()
        .map(|w| name_key(w))
        .filter(|k| !k.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// A light suffix stemmer for English content words ("deployed", "deploys",
/// "deploying" -> "deploy"; "troops" -> "troop"), enough to match inflections.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    let n = w.len();
    if n >= 5 && (w.ends_with("ies") || w.ends_with("ied")) {
        w.truncate(n - 3);
        w.push('y');
    } else if n >= 6 && w.ends_with("ing") {
        w.truncate(n - 3);
        undouble(&mut w);
    } else if n >= 5 && w.ends_with("ed") && !w.ends_with("eed") {
        w.truncate(n - 2);
        undouble(&mut w);
    } else if n >= 4 && w.ends_with("sses") {
        w.truncate(n - 2);
    } else if n >= 4 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") {
        w.truncate(n - 1);
    }
    if w.len() > 4 && w.ends_with('e') {
        w.pop();
    }
    w
}

/// "planned" -> "plann" -> "plan" (but "fall" stays).
fn undouble(w: &mut String) {
    let b = w.as_bytes();
    let n = b.len();
    if n >= 3 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
        w.pop();
    }
}

struct Lexicon {
    stop: HashSet<String>,
    /// stem -> concept class.
    concepts: HashMap<String, String>,
    /// Section labels of restated earlier statements, lower case.
    background: HashSet<String>,
}

fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        let lines = |text: &'static str| {
            text.lines()
                .map(str::trim)
                .filter(|l| !l.is_empty() && !l.starts_with('#'))
        };
        let stop = lines(include_str!("../data/stopwords.txt"))
            .flat_map(str::split_whitespace)
            .map(str::to_string)
            .collect();
        let mut concepts = HashMap::new();
        for line in lines(include_str!("../data/concepts.tsv")) {
            let Some((class, list)) = line.split_once('\t') else {
                continue;
            };
            for w in list.split_whitespace() {
                concepts.entry(stem(w)).or_insert_with(|| class.to_string());
            }
        }
        let background = lines(include_str!("../data/background-sections.txt"))
            .map(str::to_string)
            .collect();
        Lexicon {
            stop,
            concepts,
            background,
        }
    })
}

/// Whether a section label ("Background", "Context") heads restatements of
/// earlier statements.
pub fn is_background_section(label: &str) -> bool {
    lexicon().background.contains(&label.trim().to_lowercase())
}

/// Whether a folded word carries no content (function word, reporting verb...).
pub fn is_stop(word: &str) -> bool {
    lexicon().stop.contains(word)
}

/// The frame term of a folded content word: `@class` for a word of a concept
/// class ("troops", "soldiers" -> "@personnel"), else its stem. None for stop
/// words, numbers and single letters.
pub fn term(word: &str) -> Option<String> {
    if word.chars().count() < 2 || is_stop(word) || word.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    let s = stem(word);
    Some(match lexicon().concepts.get(&s) {
        Some(class) => format!("@{class}"),
        None => s,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_diacritics_and_apostrophes() {
        assert_eq!(fold("Zelenskyy’s"), "zelenskyy's");
        assert_eq!(fold("Đoković"), "dokovic");
        assert_eq!(fold("Ségolène"), "segolene");
        assert_eq!(
            words("North Korea’s troops, 1,500 of them"),
            ["north", "korea", "troops", "1", "500", "of", "them"]
        );
    }

    #[test]
    fn transliteration_variants_share_a_key() {
        let k = name_key("Zelenskyy");
        for v in [
            "Zelensky",
            "Zelenskiy",
            "Zelenski",
            "ZELENSKYY",
            "Zelenskij",
        ] {
            assert_eq!(name_key(v), k, "{v}");
        }
        assert_eq!(name_key("Volodymyr"), name_key("Wolodymyr"));
        assert_eq!(name_key("Gaddafi"), name_key("Gadafi"));
        assert_ne!(name_key("Zelenska"), k);
        assert_eq!(full_name_key("the Pentagon"), full_name_key("Pentagon"));
    }

    #[test]
    fn stems_and_concepts() {
        assert_eq!(stem("deployed"), stem("deploy"));
        assert_eq!(stem("deploying"), stem("deploys"));
        assert_eq!(stem("troops"), "troop");
        assert_eq!(stem("supplies"), stem("supplied"));
        assert_eq!(term("soldiers").as_deref(), Some("@personnel"));
        assert_eq!(term("troops").as_deref(), Some("@personnel"));
        assert_eq!(term("deployed").as_deref(), Some("@send"));
        assert_eq!(term("killed"), term("deaths"));
        assert_eq!(term("said"), None);
        assert_eq!(term("the"), None);
        assert_eq!(term("2024"), None);
        assert_eq!(term("satellites").as_deref(), Some("satellit"));
    }
}
