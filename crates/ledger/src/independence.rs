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

use crate::Result;
use claimtrail_extract::json::ArticleJson;
use claimtrail_text::fingerprint::{fingerprint, Fingerprint, NearDuplicateIndex};
use rusqlite::{params, Connection};
use std::collections::HashMap;

/// Similarity at or above which a text is a copy (a new headline, byline or
/// closing paragraph leaves a copy well above it; two reports of one event
/// written separately stay well below).
pub(crate) const COPY_THRESHOLD: f64 = 0.5;

/// The near-duplicate index of the stored documents, loaded lazily.
pub(crate) struct DupIndex {
    index: NearDuplicateIndex<String>,
    /// Highest `doc_fingerprints` rowid loaded.
    loaded: i64,
}

impl Default for DupIndex {
    fn default() -> Self {
        DupIndex {
            index: NearDuplicateIndex::new(COPY_THRESHOLD),
            loaded: 0,
        }
    }
}

impl DupIndex {
    /// Loads the fingerprints stored since the last call.
    fn refresh(&mut self, conn: &Connection) -> Result<()> {
        let mut stmt = conn.prepare_cached(
            "SELECT rowid, doc_id, fingerprint FROM doc_fingerprints WHERE rowid > ?1 ORDER BY rowid",
        )?;
        let rows = stmt.query_map([self.loaded], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Vec<u8>>(2)?,
            ))
        })?;
        for row in rows {
            let (rowid, doc, bytes) = row?;
            if let Some(fp) = Fingerprint::from_bytes(&bytes) {
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
        conn: &Connection,
        doc_id: &str,
        published: Option<&str>,
        text: &str,
    ) -> Result<(String, bool)> {
        self.refresh(conn)?;
        let fp = fingerprint(text);
        let found = self.index.find(&fp).map(|(d, s)| (d.clone(), s));
        let (mut origin, similarity) = match found {
            Some((copied, s)) => {
                let origin: String = conn
                    .prepare_cached("SELECT origin FROM doc_fingerprints WHERE doc_id = ?1")?
                    .query_row([&copied], |r| r.get(0))?;
                (origin, Some(s))
            }
            None => (doc_id.to_string(), None),
        };
        let mut took_over = false;
        if origin != doc_id {
            let theirs: Option<String> = conn
                .prepare_cached("SELECT published FROM documents WHERE id = ?1")?
                .query_row([&origin], |r| r.get(0))?;
            if earlier((published, doc_id), (theirs.as_deref(), &origin)) {
                for sql in [
                    "UPDATE doc_fingerprints SET origin = ?2 WHERE origin = ?1",
                    "UPDATE prop_claims SET origin = ?2 WHERE origin = ?1",
                ] {
                    conn.prepare_cached(sql)?.execute([&origin, doc_id])?;
                }
                origin = doc_id.to_string();
                took_over = true;
            }
        }
        conn.prepare_cached(
            "INSERT INTO doc_fingerprints (doc_id, fingerprint, origin, similarity) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![doc_id, fp.to_bytes(), origin, similarity])?;
        Ok((origin, took_over))
    }
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
