//! The crate's word lists are commented text files under `lexicon/`,
//! embedded with `include_str!` and parsed once.

/// The entries of a list file: lines with their comments (`#` to the end of
/// the line) removed, trimmed of trailing spaces, empty lines skipped.
pub(crate) fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(|l| l.split_once('#').map_or(l, |(head, _)| head).trim_end())
        .filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let got: Vec<&str> = super::lines("# head\n\nPS\tGBP  # why\n  \nk\n").collect();
        assert_eq!(got, ["PS\tGBP", "k"]);
    }
}
