//! Independence of reports: syndicated copies and relayed claims.
//!
//! Every document gets an *origin*: itself, or, when its text is a near
//! duplicate of an earlier document (MinHash similarity of word 5-shingles at
//! or above [`COPY_THRESHOLD`], `claimtrail_ingest::dedup`), that document's
//! origin. Twenty copies of one agency report thus share one origin and count
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
use claimtrail_ingest::dedup::{fingerprint, Fingerprint, NearDuplicateIndex};
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
    /// document's fingerprint and origin. Returns the origin's id.
    pub(crate) fn assign(&mut self, conn: &Connection, doc_id: &str, text: &str) -> Result<String> {
        self.refresh(conn)?;
        let fp = fingerprint(text);
        let found = self.index.find(&fp).map(|(d, s)| (d.clone(), s));
        let (origin, similarity) = match found {
            Some((copied, s)) => {
                let origin: String = conn
                    .prepare_cached("SELECT origin FROM doc_fingerprints WHERE doc_id = ?1")?
                    .query_row([&copied], |r| r.get(0))?;
                (origin, Some(s))
            }
            None => (doc_id.to_string(), None),
        };
        conn.prepare_cached(
            "INSERT INTO doc_fingerprints (doc_id, fingerprint, origin, similarity) VALUES (?1, ?2, ?3, ?4)",
        )?
        .execute(params![doc_id, fp.to_bytes(), origin, similarity])?;
        Ok(origin)
    }
}

/// For each claim reported through another claim of the same article: the
/// relaying claim's index. The innermost relay is kept.
pub(crate) fn relays(article: &ArticleJson) -> HashMap<usize, usize> {
    let claims = &article.claims;
    let mut out = HashMap::new();
    for (i, inner) in claims.iter().enumerate() {
        let relay = claims
            .iter()
            .enumerate()
            .filter(|(j, outer)| {
                *j != i
                    && outer.start <= inner.start
                    && inner.end <= outer.end
                    && outer.end - outer.start > inner.end - inner.start
            })
            .min_by_key(|(_, outer)| outer.end - outer.start);
        if let Some((j, _)) = relay {
            out.insert(i, j);
        }
    }
    out
}
