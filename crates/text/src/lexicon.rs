//! Small closed word lists of English news orthography.

use std::collections::HashSet;
use std::sync::OnceLock;

/// A word list of the segmenter, one of the commented files in
/// `crates/text/lang/en/segmentation/`, embedded in the binary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum List {
    /// Abbreviations that end in a period without ending a sentence.
    Abbreviation,
    /// Abbreviations that never end a sentence (titles before a name).
    TitleAbbreviation,
    /// House-style labels that open a section ("Quote:").
    SectionLabel,
    /// Closing formulas of a letter ("best regards").
    Closing,
}

impl List {
    #[cfg(test)]
    pub(crate) const ALL: [List; 4] = [
        List::Abbreviation,
        List::TitleAbbreviation,
        List::SectionLabel,
        List::Closing,
    ];

    pub(crate) fn file(self) -> &'static str {
        match self {
            List::Abbreviation => "lang/en/segmentation/abbreviation.tsv",
            List::TitleAbbreviation => "lang/en/segmentation/title-abbreviation.tsv",
            List::SectionLabel => "lang/en/segmentation/section-label.tsv",
            List::Closing => "lang/en/segmentation/closing.tsv",
        }
    }

    fn text(self) -> &'static str {
        match self {
            List::Abbreviation => include_str!("../lang/en/segmentation/abbreviation.tsv"),
            List::TitleAbbreviation => {
                include_str!("../lang/en/segmentation/title-abbreviation.tsv")
            }
            List::SectionLabel => include_str!("../lang/en/segmentation/section-label.tsv"),
            List::Closing => include_str!("../lang/en/segmentation/closing.tsv"),
        }
    }

    /// The entries of the file: one a line, `#` comments and blank lines
    /// skipped. An entry not in lower case or written twice is an error
    /// naming the file and line.
    pub(crate) fn entries(self) -> Result<Vec<&'static str>, String> {
        let mut out: Vec<&'static str> = Vec::new();
        for (i, line) in self.text().lines().enumerate() {
            let entry = line.trim();
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            if entry != crate::words::normal(entry) || out.contains(&entry) {
                return Err(format!(
                    "{} line {}: an entry is written once, in lower case with straight apostrophes",
                    self.file(),
                    i + 1
                ));
            }
            out.push(entry);
        }
        Ok(out)
    }

    /// The entries as a set, read once.
    pub(crate) fn set(self) -> &'static HashSet<&'static str> {
        static SETS: [OnceLock<HashSet<&'static str>>; 4] = [
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
            OnceLock::new(),
        ];
        SETS[self as usize].get_or_init(|| {
            // The files are part of the binary and checked by the tests.
            self.entries()
                .unwrap_or_else(|e| panic!("{e}"))
                .into_iter()
                .collect()
        })
    }
}

/// Whether `word` (without its final period) is a known abbreviation
/// (`lang/en/segmentation/abbreviation.tsv`).
pub fn is_abbreviation(word: &str) -> bool {
    if word.is_empty() || word.len() > 8 {
        return false;
    }
    List::Abbreviation
        .set()
        .contains(word.to_ascii_lowercase().as_str())
}

/// Abbreviations that are never sentence-final in news (titles before a name;
/// `lang/en/segmentation/title-abbreviation.tsv`).
pub(crate) fn is_title_abbreviation(word: &str) -> bool {
    List::TitleAbbreviation
        .set()
        .contains(word.to_ascii_lowercase().as_str())
}

pub fn is_quote_char(c: char) -> bool {
    matches!(
        c,
        '"' | '\'' | '“' | '”' | '‘' | '’' | '«' | '»' | '„' | '‚' | '‹' | '›' | '`' | '″'
    )
}

/// Marks that only ever open a quotation.
pub fn is_opening_quote(c: char) -> bool {
    matches!(c, '“' | '‘' | '«' | '„' | '‚' | '‹' | '`')
}

/// Marks that only ever close a quotation.
pub fn is_closing_quote(c: char) -> bool {
    matches!(c, '”' | '’' | '»' | '›' | '″')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_parses_and_every_entry_is_in_its_set() {
        for list in List::ALL {
            let entries = list.entries().unwrap_or_else(|e| panic!("{e}"));
            assert!(entries.len() >= 10, "{}", list.file());
            assert!(
                entries.iter().all(|e| list.set().contains(e)),
                "{}",
                list.file()
            );
        }
        assert!(is_abbreviation("Inc") && is_abbreviation("U.S") && !is_abbreviation("Paris"));
        assert!(is_title_abbreviation("Gen") && !is_title_abbreviation("Inc"));
    }
}
