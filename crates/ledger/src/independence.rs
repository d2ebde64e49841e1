//! Independence of reports: syndicated copies and relayed claims.
//!
//! Every document gets an *origin*: itself, or, when its text is a near
//! duplicate of a stored document (MinHash similarity of word 5-shingles at
//! or above [`COPY_THRESHOLD`], `claimtrail_text::fingerprint`), that document's
//! origin; the origin of a group is its earliest published document (the
//! smaller content hash among equals), whichever came first. Twenty copies of one agency report thus share one origin and count
//! as one report. The fingerprints are stored, so the index survives restarts;
//! the in-memory index is refreshed from the table before each article, so
//! several writers stay consistent.
//!
//! A claim whose content holds another claim ("Reuters reported that the
//! ministry said ...") is a relay: the inner claim keeps its own speaker and
//! records the relay's name; the outer claim is marked `relays`, not counted
//! as support of its own.

use crate::db::Db;
use crate::Result;
use claimtrail_extract::json::ArticleJson;
use claimtrail_text::fingerprint::{fingerprint, similarity, Fingerprint, NearDuplicateIndex};
use std::collections::HashMap;

/// Similarity at or above which a text is a copy (a new headline, byline or
/// closing paragraph leaves a copy well above it; two reports of one event
/// written separately stay well below).
pub(crate) const COPY_THRESHOLD: f64 = 0.5;
/// A text further from any stored one is still a copy of a document when
/// most of the shorter of the two is in the other (a copy cut to its first
/// paragraphs, or one with paragraphs added): estimated similarity at or
/// above [`LOOSE_THRESHOLD`], at least [`CONTAINED`] of the shorter text's
/// word 5-shingles shared, and at least [`SHARED_SHINGLES`] of them.
/// Candidates come from a finer banding of the same fingerprints
/// ([`LOOSE_BANDS`] bands of two values; at most [`LOOSE_CHECKS`] texts are
/// compared, the most similar first).
pub(crate) const LOOSE_THRESHOLD: f64 = 0.15;
pub(crate) const CONTAINED: f64 = 0.45;
pub(crate) const SHARED_SHINGLES: usize = 30;
const LOOSE_BANDS: usize = 64;
const LOOSE_BUCKET: usize = 256;
const LOOSE_CHECKS: usize = 3;

/// Fingerprints banded two values a band, so that texts of similarity 0.3
/// meet in some band almost always (the copy index needs 0.5).
#[derive(Default)]
struct LooseIndex {
    docs: Vec<(String, Fingerprint)>,
    bands: HashMap<(usize, u32, u32), Vec<u32>>,
}

impl LooseIndex {
    fn values(fp: &Fingerprint) -> Vec<u32> {
        fp.to_bytes()
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect()
    }

    fn keys(fp: &Fingerprint) -> Vec<(usize, u32, u32)> {
        let v = Self::values(fp);
        v.chunks_exact(2)
            .take(LOOSE_BANDS)
            .enumerate()
            .map(|(i, c)| (i, c[0], c[1]))
            .collect()
    }

    fn insert(&mut self, doc: String, fp: Fingerprint) {
        if fp.is_empty() {
            return;
        }
        let i = self.docs.len() as u32;
        for k in Self::keys(&fp) {
            self.bands.entry(k).or_default().push(i);
        }
        self.docs.push((doc, fp));
    }

    /// Stored documents at or above [`LOOSE_THRESHOLD`], most similar first
    /// (the smaller id among equals).
    fn candidates(&self, fp: &Fingerprint) -> Vec<(&str, f64)> {
        if fp.is_empty() {
            return Vec::new();
        }
        let mut seen: Vec<u32> = Vec::new();
        for k in Self::keys(fp) {
            if let Some(b) = self.bands.get(&k) {
                seen.extend(b.iter().take(LOOSE_BUCKET));
            }
        }
        seen.sort_unstable();
        seen.dedup();
        let mut out: Vec<(&str, f64)> = seen
            .into_iter()
            .map(|i| &self.docs[i as usize])
            .map(|(d, f)| (d.as_str(), similarity(fp, f)))
            .filter(|(_, s)| *s >= LOOSE_THRESHOLD)
            .collect();
        out.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(b.0)));
        out
    }
}

/// The near-duplicate index of the stored documents, loaded lazily.
pub(crate) struct DupIndex {
    index: NearDuplicateIndex<String>,
    loose: LooseIndex,
    /// Highest `doc_fingerprints` rowid loaded.
    loaded: i64,
}

impl Default for DupIndex {
    fn default() -> Self {
        DupIndex {
            index: NearDuplicateIndex::new(COPY_THRESHOLD),
            loose: LooseIndex::default(),
            loaded: 0,
        }
    }
}

/// The word 5-shingles of a text (lowercased alphanumeric words), hashed.
fn shingles(text: &str) -> std::collections::HashSet<u64> {
    use std::hash::{Hash, Hasher};
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words
        .windows(5.min(words.len().max(1)))
        .map(|w| {
            let mut h = std::collections::hash_map::DefaultHasher::new();
            w.hash(&mut h);
            h.finish()
        })
        .collect()
}

/// Whether most of the shorter of two texts is in the other (see [`CONTAINED`]).
fn contained(a: &str, b: &str) -> bool {
    let (a, b) = (shingles(a), shingles(b));
    let shared = a.intersection(&b).count();
    let shorter = a.len().min(b.len()).max(1);
    shared >= SHARED_SHINGLES && shared as f64 >= CONTAINED * shorter as f64
}

impl DupIndex {
    /// Loads the fingerprints stored since the last call.
    fn refresh(&mut self, db: &dyn Db) -> Result<()> {
        let rows = db.query_map(
            "SELECT rowid, doc_id, fingerprint FROM doc_fingerprints WHERE rowid > ?1 ORDER BY rowid",
            &[&self.loaded],
            |r| {
            Ok((
                r.get::<i64>(0)?,
                r.get::<String>(1)?,
                r.get::<Vec<u8>>(2)?,
            ))
            },
        )?;
        for (rowid, doc, bytes) in rows {
            if let Some(fp) = Fingerprint::from_bytes(&bytes) {
                self.loose.insert(doc.clone(), fp.clone());
                self.index.insert(doc, fp);
            }
            self.loaded = rowid;
        }
        Ok(())
    }

    /// Fingerprints `text`, finds the document it copies and stores the
    /// document's fingerprint and origin. Returns the origin's id, and
    /// whether the document took over as the origin of a group (it was
    /// published before the group's origin: see [`earlier`]).
    pub(crate) fn assign(
        &mut self,
        db: &dyn Db,
        doc_id: &str,
        published: Option<&str>,
        text: &str,
    ) -> Result<(String, bool)> {
        self.refresh(db)?;
        let fp = fingerprint(text);
        let mut found = self.index.find(&fp).map(|(d, s)| (d.clone(), s));
        if found.is_none() {
            for (d, s) in self.loose.candidates(&fp).into_iter().take(LOOSE_CHECKS) {
                let theirs: String =
                    db.query_row("SELECT text FROM documents WHERE id = ?1", &[&d], |r| {
                        r.get(0)
                    })?;
                if contained(text, &theirs) {
                    found = Some((d.to_string(), s));
                    break;
                }
            }
        }
        let (mut origin, similarity) = match found {
            Some((copied, s)) => {
                let origin: String = db.query_row(
                    "SELECT origin FROM doc_fingerprints WHERE doc_id = ?1",
                    &[&copied],
                    |r| r.get(0),
                )?;
                (origin, Some(s))
            }
            None => (doc_id.to_string(), None),
        };
        let mut took_over = false;
        if origin != doc_id {
            let theirs: Option<String> = db.query_row(
                "SELECT published FROM documents WHERE id = ?1",
                &[&origin],
                |r| r.get(0),
            )?;
            if earlier((published, doc_id), (theirs.as_deref(), &origin)) {
                for sql in [
                    "UPDATE doc_fingerprints SET origin = ?2 WHERE origin = ?1",
                    "UPDATE prop_claims SET origin = ?2 WHERE origin = ?1",
                ] {
                    db.execute(sql, &[&origin, &doc_id])?;
                }
                origin = doc_id.to_string();
                took_over = true;
            }
        }
        db.execute("INSERT INTO doc_fingerprints (doc_id, fingerprint, origin, similarity) VALUES (?1, ?2, ?3, ?4)", &[&doc_id, &fp.to_bytes(), &origin, &similarity])?;
        Ok((origin, took_over))
    }
}

/// After a stored document's analysis was replaced (its publication date may
/// have changed): its copy group's origin chosen again, the earliest of the
/// group by [`earlier`], and recorded for the group's documents and claims.
/// The origin and whether it changed; None when the document has no
/// fingerprint row (then it is assigned as new).
pub(crate) fn regroup(db: &dyn Db, doc_id: &str) -> Result<Option<(String, bool)>> {
    let old: Option<String> = db.query_opt(
        "SELECT origin FROM doc_fingerprints WHERE doc_id = ?1",
        &[&doc_id],
        |r| r.get(0),
    )?;
    let Some(old) = old else {
        return Ok(None);
    };
    let group: Vec<(String, Option<String>)> = db.query_map(
        "SELECT f.doc_id, d.published FROM doc_fingerprints f JOIN documents d ON d.id = f.doc_id
         WHERE f.origin = ?1",
        &[&old],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut first: Option<(Option<&str>, &str)> = None;
    for (id, published) in &group {
        let this = (published.as_deref(), id.as_str());
        if first.is_none_or(|f| earlier(this, f)) {
            first = Some(this);
        }
    }
    let origin = first.map_or_else(|| old.clone(), |f| f.1.to_string());
    if origin == old {
        return Ok(Some((old, false)));
    }
    for sql in [
        "UPDATE doc_fingerprints SET origin = ?2 WHERE origin = ?1",
        "UPDATE prop_claims SET origin = ?2 WHERE origin = ?1",
    ] {
        db.execute(sql, &[&old, &origin])?;
    }
    Ok(Some((origin, true)))
}

/// Whether document `a` comes before `b` as the origin of a copy group: the
/// earliest published (undated last), the smaller content hash among equals,
/// so that a group's origin does not depend on the order of ingest.
fn earlier(a: (Option<&str>, &str), b: (Option<&str>, &str)) -> bool {
    let key = |(p, id): (Option<&str>, &str)| (p.is_none(), p.map(str::to_string), id.to_string());
    key(a) < key(b)
}

/// For each claim reported through another claim of the same article: the
/// relaying claim's index. The innermost relay is kept (the shortest claim
/// that holds it; the first one on a tie).
pub(crate) fn relays(article: &ArticleJson) -> HashMap<usize, usize> {
    let spans: Vec<(usize, usize)> = article.claims.iter().map(|c| (c.start, c.end)).collect();
    relays_of(&spans)
}

/// [`relays`] over `(start, end)` spans. Only claims that start no later
/// and reach at least as far can hold a claim: walking back from it in start
/// order stops where no earlier claim reaches its end, or where a longer
/// claim could no longer beat the best found. Linear for claims that do not
/// nest, instead of comparing every pair.
fn relays_of(spans: &[(usize, usize)]) -> HashMap<usize, usize> {
    let len = |(s, e): (usize, usize)| e.saturating_sub(s);
    let mut order: Vec<usize> = (0..spans.len()).collect();
    order.sort_by_key(|&i| spans[i].0);
    // reach[p]: the furthest end among the claims at order[..=p].
    let reach: Vec<usize> = order
        .iter()
        .scan(0, |m, &i| {
            *m = spans[i].1.max(*m);
            Some(*m)
        })
        .collect();
    let mut out = HashMap::new();
    for (i, &inner) in spans.iter().enumerate() {
        let upto = order.partition_point(|&j| spans[j].0 <= inner.0);
        let mut best: Option<(usize, usize)> = None; // (length, index)
        for p in (0..upto).rev() {
            let outer = spans[order[p]];
            if reach[p] < inner.1 || best.is_some_and(|(l, _)| inner.1.saturating_sub(outer.0) > l)
            {
                break;
            }
            let candidate = (len(outer), order[p]);
            if order[p] != i
                && inner.1 <= outer.1
                && len(outer) > len(inner)
                && best.is_none_or(|b| candidate < b)
            {
                best = Some(candidate);
            }
        }
        if let Some((_, j)) = best {
            out.insert(i, j);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const REPORT: &str = "The harbour authority of Portvale said on Tuesday that a cargo ship \
had run aground near the northern breakwater after its engines failed in a storm. \
Twelve crew members were taken off the vessel by a rescue helicopter and brought to the \
city hospital, where two were treated for minor injuries. A spokesman for the authority \
said the ship was carrying timber and that no fuel had leaked into the water so far. \
Tugs will try to pull the vessel free at high tide on Wednesday morning, he said, \
adding that the harbour entrance would stay closed to large ships until then. \
The owner of the ship, a shipping company based in the south of the country, \
said it was cooperating with the investigation into the engine failure. \
Fishermen in the port said the storm had been the strongest in several years.";

    #[test]
    fn a_shortened_copy_is_found_and_a_report_of_the_same_event_is_not() {
        // the first half of the report under a new opening line
        let cut = REPORT.split(". Tugs").next().unwrap();
        let copy = format!("PORTVALE (Wire) - Ship aground in storm. {cut}.");
        // another outlet's own words, with one sentence in common
        let other = "A timber freighter is stuck on the rocks outside Portvale. \
Twelve crew members were taken off the vessel by a rescue helicopter. Local \
officials blamed the weather and said an inquiry would look at the ship's age, \
its maintenance record and the decision to sail despite the warnings issued the day before.";
        assert!(contained(&copy, REPORT));
        assert!(!contained(other, REPORT));
        let mut index = LooseIndex::default();
        index.insert("report".into(), fingerprint(REPORT));
        let found = index.candidates(&fingerprint(&copy));
        assert_eq!(found.first().map(|(d, _)| *d), Some("report"));
    }

    /// The definition: every pair compared.
    fn relays_by_pairs(spans: &[(usize, usize)]) -> HashMap<usize, usize> {
        let len = |(s, e): (usize, usize)| e.saturating_sub(s);
        let mut out = HashMap::new();
        for (i, &inner) in spans.iter().enumerate() {
            let relay = spans
                .iter()
                .enumerate()
                .filter(|&(j, &outer)| {
                    j != i && outer.0 <= inner.0 && inner.1 <= outer.1 && len(outer) > len(inner)
                })
                .min_by_key(|&(_, &outer)| len(outer));
            if let Some((j, _)) = relay {
                out.insert(i, j);
            }
        }
        out
    }

    #[test]
    fn relays_agree_with_the_pairwise_definition() {
        let mut seed = 7u64;
        let mut next = |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n) as usize
        };
        for _ in 0..300 {
            let spans: Vec<(usize, usize)> = (0..next(40))
                .map(|_| {
                    let s = next(60);
                    (s, s + next(30))
                })
                .collect();
            assert_eq!(relays_of(&spans), relays_by_pairs(&spans), "{spans:?}");
        }
        // "Reuters reported that the ministry said ...": the inner claim is relayed.
        assert_eq!(relays_of(&[(0, 50), (20, 50)]), HashMap::from([(1, 0)]));
    }
}
