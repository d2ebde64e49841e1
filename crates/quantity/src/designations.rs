//! The contexts that make a number a designation, not a figure:
//! `lexicon/designations.tsv` (its header documents each kind).

use std::collections::HashMap;
use std::sync::OnceLock;

/// A kind of designation context, one bit each.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Kind {
    Reference = 1,
    ReferenceCap = 2,
    Plural = 4,
    Street = 8,
    Score = 16,
    Vote = 32,
    After = 64,
}

fn table() -> &'static HashMap<&'static str, u8> {
    static TABLE: OnceLock<HashMap<&'static str, u8>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut map: HashMap<&'static str, u8> = HashMap::new();
        for line in crate::data::lines(include_str!("../lexicon/designations.tsv")) {
            let Some((kind, word)) = line.split_once('\t') else {
                continue;
            };
            let kind = match kind.trim() {
                "reference" => Kind::Reference,
                "reference_cap" => Kind::ReferenceCap,
                "plural" => Kind::Plural,
                "street" => Kind::Street,
                "score" => Kind::Score,
                "vote" => Kind::Vote,
                "after" => Kind::After,
                _ => continue,
            };
            *map.entry(word.trim()).or_default() |= kind as u8;
        }
        map
    })
}

/// Whether the lower-cased word `w` is listed as `kind`.
pub(crate) fn is(kind: Kind, w: &str) -> bool {
    table().get(w).is_some_and(|k| k & kind as u8 != 0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_entries() {
        use Kind::*;
        for (kind, w) in [
            (Reference, "flight"),
            (ReferenceCap, "seat"),
            (Plural, "posts"),
            (Street, "street"),
            (Score, "beat"),
            (Vote, "voted"),
            (After, "calibre"),
        ] {
            assert!(is(kind, w), "{kind:?} {w}");
        }
        assert!(!is(Reference, "seat"));
        assert!(!is(Score, "troops"));
    }
}
