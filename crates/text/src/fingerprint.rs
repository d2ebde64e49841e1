//! Near-duplicate detection: syndicated copies of one story (a wire report
//! republished with another headline, a byline, a trailing paragraph).
//!
//! A text's [`Fingerprint`] is a MinHash sketch of its word 5-shingles
//! (lower-cased runs of letters and digits), computed with one-permutation
//! hashing: each shingle is hashed once, the hash picks one of
//! [`Fingerprint::BINS`] bins and the bin keeps its smallest value; empty bins
//! borrow from the next non-empty bin, with the distance mixed in, so that
//! two texts fill them alike. The share of equal bins of two fingerprints
//! ([`similarity`]) estimates the Jaccard similarity of their shingle sets.
//!
//! [`NearDuplicateIndex`] finds, for a new fingerprint, an earlier one above a
//! similarity threshold without comparing against every document: the bins
//! are cut into 32 bands of 4, each band hashed into a bucket, and only
//! documents that share a bucket are compared. With these bands a pair at
//! similarity 0.5 shares a bucket with probability 0.87, at 0.6 with 0.99,
//! at 0.2 with 0.05.
//!
//! Fingerprints are stable across runs, platforms and versions of Rust (the
//! hashes are written out here), so they can be stored and compared later;
//! [`Fingerprint::to_bytes`] and [`Fingerprint::from_bytes`] give a compact
//! form (512 bytes).

use std::collections::HashMap;

/// Words per shingle.
const SHINGLE: usize = 5;
/// Bands of the index, and bins per band.
const BANDS: usize = 32;
const ROWS: usize = Fingerprint::BINS / BANDS;
/// A bucket shared by more documents than this is compared against its
/// earliest members only (a guard against masses of identical boilerplate).
const MAX_BUCKET_CHECKS: usize = 256;

/// A MinHash sketch of a text (see the module documentation).
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Fingerprint {
    bins: Vec<u32>,
    /// Whether the text had no words at all.
    empty: bool,
}

impl Fingerprint {
    /// Bins per fingerprint.
    pub const BINS: usize = 128;

    /// Whether the text had no words (such a fingerprint matches nothing).
    pub fn is_empty(&self) -> bool {
        self.empty
    }

    /// The bins as little-endian bytes (`4 * BINS` bytes; all-ones for an
    /// empty text).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.bins.iter().flat_map(|b| b.to_le_bytes()).collect()
    }

    /// Reads [`Fingerprint::to_bytes`]'s output; `None` if the length is wrong.
    pub fn from_bytes(bytes: &[u8]) -> Option<Fingerprint> {
        if bytes.len() != 4 * Self::BINS {
            return None;
        }
        let bins: Vec<u32> = bytes
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let empty = bins.iter().all(|&b| b == u32::MAX);
        Some(Fingerprint { bins, empty })
    }
}

/// splitmix64's finaliser: a fixed, well-mixing 64-bit hash step.
fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// FNV-1a over a word's lower-cased characters.
fn word_hash(word: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    if word.is_ascii() {
        // The same bytes as the general path below, without decoding.
        for b in word.bytes() {
            h ^= b.to_ascii_lowercase() as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        return h;
    }
    for c in word.chars().flat_map(char::to_lowercase) {
        let mut buf = [0u8; 4];
        for &b in c.encode_utf8(&mut buf).as_bytes() {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// The fingerprint of a text.
pub fn fingerprint(text: &str) -> Fingerprint {
    let words: Vec<u64> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(word_hash)
        .collect();
    let mut bins = vec![u32::MAX; Fingerprint::BINS];
    if words.is_empty() {
        return Fingerprint { bins, empty: true };
    }
    let mut add = |shingle: &[u64]| {
        let h = mix(shingle
            .iter()
            .fold(0x9e37_79b9_7f4a_7c15u64, |acc, &w| mix(acc ^ w)));
        let bin = (h >> 57) as usize; // top 7 bits: one of 128 bins
        let value = h as u32;
        if value < bins[bin] {
            bins[bin] = value;
        }
    };
    if words.len() < SHINGLE {
        add(&words);
    } else {
        words.windows(SHINGLE).for_each(&mut add);
    }
    densify(&mut bins);
    Fingerprint { bins, empty: false }
}

/// Fills empty bins from the next non-empty bin to the right (cyclically),
/// mixing in the distance so that borrowed values differ from the lender's.
fn densify(bins: &mut [u32]) {
    let filled: Vec<bool> = bins.iter().map(|&b| b != u32::MAX).collect();
    let n = bins.len();
    for j in 0..n {
        if filled[j] {
            continue;
        }
        if let Some(d) = (1..n).find(|&d| filled[(j + d) % n]) {
            bins[j] = mix(bins[(j + d) % n] as u64 ^ ((d as u64) << 32)) as u32;
        }
    }
}

/// The estimated Jaccard similarity of the two texts' shingle sets, from 0 to
/// 1 (0 when either text is empty).
pub fn similarity(a: &Fingerprint, b: &Fingerprint) -> f64 {
    if a.empty || b.empty || a.bins.len() != b.bins.len() {
        return 0.0;
    }
    let same = a.bins.iter().zip(&b.bins).filter(|(x, y)| x == y).count();
    same as f64 / a.bins.len() as f64
}

/// An index of fingerprints that finds the earlier document a new one copies.
pub struct NearDuplicateIndex<K> {
    threshold: f64,
    items: Vec<(K, Fingerprint)>,
    /// One bucket map per band: band hash -> item indexes, in insertion order.
    bands: Vec<HashMap<u64, Vec<u32>>>,
}

impl<K> NearDuplicateIndex<K> {
    /// An empty index that reports pairs at or above `threshold` similarity
    /// (0.5 finds syndicated copies with a new headline, byline or closing
    /// paragraph; unrelated reports of the same event stay well below it).
    pub fn new(threshold: f64) -> NearDuplicateIndex<K> {
        NearDuplicateIndex {
            threshold,
            items: Vec::new(),
            bands: (0..BANDS).map(|_| HashMap::new()).collect(),
        }
    }

    /// How many fingerprints the index holds.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Whether the index holds no fingerprint.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    fn band_keys(fp: &Fingerprint) -> impl Iterator<Item = u64> + '_ {
        fp.bins.chunks(ROWS).enumerate().map(|(band, rows)| {
            rows.iter()
                .fold(mix(band as u64 + 1), |acc, &v| mix(acc ^ v as u64))
        })
    }

    /// The earliest indexed document at or above the threshold, with its
    /// similarity.
    pub fn find(&self, fp: &Fingerprint) -> Option<(&K, f64)> {
        self.find_index(fp).map(|(i, s)| (&self.items[i].0, s))
    }

    fn find_index(&self, fp: &Fingerprint) -> Option<(usize, f64)> {
        if fp.empty {
            return None;
        }
        let mut candidates: Vec<u32> = Vec::new();
        for (band, key) in Self::band_keys(fp).enumerate() {
            if let Some(bucket) = self.bands[band].get(&key) {
                candidates.extend(bucket.iter().take(MAX_BUCKET_CHECKS));
            }
        }
        candidates.sort_unstable();
        candidates.dedup();
        candidates.into_iter().find_map(|i| {
            let s = similarity(fp, &self.items[i as usize].1);
            (s >= self.threshold).then_some((i as usize, s))
        })
    }

    /// Adds a document; returns the earlier document it copies, if any (the
    /// new one is indexed either way, so later copies of it are found too).
    pub fn insert(&mut self, key: K, fp: Fingerprint) -> Option<(&K, f64)> {
        let found = self.find_index(&fp);
        let index = self.items.len() as u32;
        if !fp.empty {
            let keys: Vec<u64> = Self::band_keys(&fp).collect();
            for (band, key) in keys.into_iter().enumerate() {
                self.bands[band].entry(key).or_default().push(index);
            }
        }
        self.items.push((key, fp));
        found.map(|(i, s)| (&self.items[i].0, s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // Pinned when the scheme was written; a change here breaks stored fingerprints.
    const PINNED: [u32; 4] = [3245891270, 104925977, 2004031838, 3868905994];

    #[test]
    fn stable_values() {
        // Fingerprints are stored: their values must never change silently.
        let fp = fingerprint("The ministry said on Monday that troops had arrived.");
        assert_eq!(fp.to_bytes().len(), 512);
        assert_eq!(Fingerprint::from_bytes(&fp.to_bytes()), Some(fp.clone()));
        assert_eq!(word_hash("Troops"), word_hash("troops"));
        assert_eq!(word_hash("Élan"), word_hash("élan"));
        assert_eq!(mix(1), 6238072747940578789);
        assert_eq!(word_hash("a"), 0xaf63_dc4c_8601_ec8c);
        assert_eq!(&fp.bins[..4], &PINNED);
        assert!(Fingerprint::from_bytes(&[0; 12]).is_none());
    }

    #[test]
    fn empty_texts_match_nothing() {
        let e = fingerprint(" ,.; ");
        assert!(e.is_empty());
        assert_eq!(similarity(&e, &e), 0.0);
        assert!(Fingerprint::from_bytes(&e.to_bytes()).unwrap().is_empty());
        let mut index = NearDuplicateIndex::new(0.5);
        assert!(index.insert(1, e.clone()).is_none());
        assert!(index.insert(2, e).is_none());
    }
}
