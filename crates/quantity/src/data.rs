//! The crate's word lists are commented text files under `lexicon/`,
//! embedded with `include_str!` and parsed once.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// The entries of a list file: comment lines (a `#` then a space, or a lone
/// `#`) and comments after a space (` # ...`) removed, trailing spaces
/// trimmed, empty lines skipped. A `#` that is a field of its own
/// (`reference<TAB>#`) is kept.
pub(crate) fn lines(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .filter(|l| !(l == &"#" || l.starts_with("# ")))
        .map(|l| l.split_once(" #").map_or(l, |(head, _)| head).trim_end())
        .filter(|l| !l.trim().is_empty())
}

#[cfg(test)]
mod tests {
    #[test]
    fn comments_and_blank_lines_are_skipped() {
        let text = "# head\n#\n\nPS\tGBP  # why\n  \nk\nreference\t#\n#\tGBP\n";
        let got: Vec<&str> = super::lines(text).collect();
        assert_eq!(got, ["PS\tGBP", "k", "reference\t#", "#\tGBP"]);
    }
}

/// A list file of `kind <TAB> word [<TAB> value]` lines, looked up by word.
pub(crate) struct Table {
    by_word: HashMap<&'static str, Vec<(&'static str, &'static str)>, BuildHasherDefault<Fx>>,
}

impl Table {
    pub(crate) fn parse(text: &'static str) -> Table {
        let mut by_word: HashMap<_, Vec<_>, _> = HashMap::default();
        for line in lines(text) {
            let mut f = line.split('\t');
            let (Some(kind), Some(word)) = (f.next(), f.next()) else {
                continue;
            };
            let value = f.next().unwrap_or("").trim();
            by_word
                .entry(word.trim())
                .or_insert_with(Vec::new)
                .push((kind.trim(), value));
        }
        Table { by_word }
    }

    /// Every (kind, value) listed for `word`.
    pub(crate) fn entries(&self, word: &str) -> &[(&'static str, &'static str)] {
        self.by_word.get(word).map_or(&[], Vec::as_slice)
    }

    /// The value of `word` as a `kind`.
    pub(crate) fn get(&self, kind: &str, word: &str) -> Option<&'static str> {
        self.entries(word)
            .iter()
            .find(|(k, _)| *k == kind)
            .map(|&(_, v)| v)
    }

    pub(crate) fn has(&self, kind: &str, word: &str) -> bool {
        self.entries(word).iter().any(|(k, _)| *k == kind)
    }
}

/// A fast hash for short words (the Fx hash of rustc): the lists are looked
/// up at almost every token, and their keys are not attacker-chosen in bulk.
#[derive(Default, Clone, Copy)]
pub(crate) struct Fx(u64);

impl Fx {
    #[inline]
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for Fx {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut buf = [0u8; 8];
            buf.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(buf));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut buf = [0u8; 8];
            buf[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(buf));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.0
    }
}
