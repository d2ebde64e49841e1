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
    /// Lower-case words that continue a clause (prepositions, conjunctions, ...).
    ClauseWord,
    /// Lower-case words that open a sentence in informal writing.
    LowerOpener,
    /// Capitalised words that open a sentence after a lower-case word.
    CapitalOpener,
    /// Capitalised words that never follow an initial inside a name.
    StrongOpener,
    /// Capitalised words that open a sentence after an abbreviation.
    SentenceOpener,
}

impl List {
    #[cfg(test)]
    pub(crate) const ALL: [List; 9] = [
        List::Abbreviation,
        List::TitleAbbreviation,
        List::SectionLabel,
        List::Closing,
        List::ClauseWord,
        List::LowerOpener,
        List::CapitalOpener,
        List::StrongOpener,
        List::SentenceOpener,
    ];

    /// The lists compared as written: capitalised words.
    fn case_sensitive(self) -> bool {
        matches!(
            self,
            List::CapitalOpener | List::StrongOpener | List::SentenceOpener
        )
    }

    pub(crate) fn file(self) -> &'static str {
        match self {
            List::Abbreviation => "lang/en/segmentation/abbreviation.tsv",
            List::TitleAbbreviation => "lang/en/segmentation/title-abbreviation.tsv",
            List::SectionLabel => "lang/en/segmentation/section-label.tsv",
            List::Closing => "lang/en/segmentation/closing.tsv",
            List::ClauseWord => "lang/en/segmentation/clause-word.tsv",
            List::LowerOpener => "lang/en/segmentation/lower-opener.tsv",
            List::CapitalOpener => "lang/en/segmentation/capital-opener.tsv",
            List::StrongOpener => "lang/en/segmentation/strong-opener.tsv",
            List::SentenceOpener => "lang/en/segmentation/sentence-opener.tsv",
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
            List::ClauseWord => include_str!("../lang/en/segmentation/clause-word.tsv"),
            List::LowerOpener => include_str!("../lang/en/segmentation/lower-opener.tsv"),
            List::CapitalOpener => include_str!("../lang/en/segmentation/capital-opener.tsv"),
            List::StrongOpener => include_str!("../lang/en/segmentation/strong-opener.tsv"),
            List::SentenceOpener => include_str!("../lang/en/segmentation/sentence-opener.tsv"),
        }
    }

    /// The entries of the file: one a line, `#` comments and blank lines
    /// skipped. An entry written twice, or not in lower case with straight
    /// apostrophes (in a list compared as written: with a curly apostrophe),
    /// is an error naming the file and line.
    pub(crate) fn entries(self) -> Result<Vec<&'static str>, String> {
        let mut out: Vec<&'static str> = Vec::new();
        for (i, line) in self.text().lines().enumerate() {
            let entry = line.trim();
            if entry.is_empty() || entry.starts_with('#') {
                continue;
            }
            let folded = if self.case_sensitive() {
                !entry.contains(['\u{2019}', '\u{2018}'])
            } else {
                entry == crate::words::normal(entry)
            };
            if !folded || out.contains(&entry) {
                return Err(format!(
                    "{} line {}: an entry is written once, with straight apostrophes (and in lower case)",
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
        static SETS: [OnceLock<HashSet<&'static str>>; 9] = [const { OnceLock::new() }; 9];
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
            assert!(!entries.is_empty(), "{}", list.file());
            assert!(
                entries.iter().all(|e| list.set().contains(e)),
                "{}",
                list.file()
            );
        }
        assert!(is_abbreviation("Inc") && is_abbreviation("U.S") && !is_abbreviation("Paris"));
        assert!(is_title_abbreviation("Gen") && !is_title_abbreviation("Inc"));
        // capitalised openers are compared as written
        let openers = List::SentenceOpener.set();
        assert!(openers.contains("The") && openers.contains("PS") && !openers.contains("the"));
    }
}
