//! The store operations, written once over [`Db`]: storing an article (and
//! the cross-document work in its transaction) and every read of the
//! [`crate::Store`] trait. The stores run them on their own connections.

use crate::db::{Db, Row};
use crate::{
    aliases, crossdoc, views, AddOutcome, CanonicalEntity, ClaimFilter, ClaimRecord, DocumentLinks,
    DocumentRef, DocumentSummary, EntitySummary, FigureSeries, LedgerError, Proposition, Result,
    SearchResults, SourcesView, Stats,
};
use claimtrail_extract::json::{ArticleJson, ClaimJson};

/// Whether a document with this content hash is stored.
pub(crate) fn exists(db: &dyn Db, id: &str) -> Result<bool> {
    db.query_row(
        "SELECT EXISTS(SELECT 1 FROM documents WHERE id = ?1)",
        &[&id],
        |r| r.get(0),
    )
}

/// How an article was analysed, as `documents.analysed_with` records it:
/// the engine's version and a hash of its analysis (the JSON the ledger
/// stores, without the file's path: the same text read from another folder
/// is the same analysis). Options that change the analysis (`--published`,
/// a title or URL given) change the hash, and so does an engine that
/// analyses the text otherwise.
pub fn analysed_with(article: &ArticleJson) -> Result<String> {
    let mut a = article.clone();
    a.document.path = None;
    let json = serde_json::to_string(&a).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
    Ok(format!(
        "claimtrail {} analysis {}",
        env!("CARGO_PKG_VERSION"),
        claimtrail_extract::document_id(&json)
    ))
}

/// Whether and how an article's text is stored.
pub(crate) enum Stored {
    Absent,
    /// With this same analysis.
    Same,
    /// With another analysis, or one not recorded.
    Other,
}

pub(crate) fn stored(db: &dyn Db, article: &ArticleJson) -> Result<Stored> {
    let recorded: Option<Option<String>> = db.query_opt(
        "SELECT analysed_with FROM documents WHERE id = ?1",
        &[&article.document.id],
        |r| r.get(0),
    )?;
    Ok(match recorded {
        None => Stored::Absent,
        Some(Some(w)) if w == analysed_with(article)? => Stored::Same,
        Some(_) => Stored::Other,
    })
}

pub(crate) fn is_outdated(db: &dyn Db, article: &ArticleJson) -> Result<bool> {
    Ok(matches!(stored(db, article)?, Stored::Other))
}

/// Replaces the stored analysis of an article's text by `article` (see
/// `Store::replace`); the number of its claims. `rows` are its rows.
pub(crate) fn reanalyse(
    db: &dyn Db,
    memory: &mut crossdoc::Memory,
    article: &ArticleJson,
    text: &str,
    rows: &ArticleRows,
) -> Result<usize> {
    crossdoc::forget(db, memory, &article.document.id)?;
    // The document row stays (its fingerprint row refers to it): updated.
    db.execute(
        "UPDATE documents SET title = ?2, published = ?3, url = ?4, outlet = ?5, path = ?6,
            source_line = ?7, text = ?8, analysis = ?9, added_at = ?10 WHERE id = ?1",
        &refs(&rows.document),
    )?;
    insert_parts(db, rows)?;
    crossdoc::apply(db, memory, article, text, true)?;
    record_analysis(db, article)?;
    Ok(article.claims.len())
}

/// Records how the stored article was analysed.
fn record_analysis(db: &dyn Db, article: &ArticleJson) -> Result<()> {
    db.execute(
        "UPDATE documents SET analysed_with = ?2 WHERE id = ?1",
        &[&article.document.id, &analysed_with(article)?],
    )?;
    Ok(())
}

/// The rows of one article (document, entities, claims, claim entities),
/// as the stores insert them.
pub(crate) struct ArticleRows {
    pub document: [crate::db::Value; 10],
    pub entities: Vec<[crate::db::Value; 6]>,
    pub claims: Vec<[crate::db::Value; 10]>,
    pub claim_entities: Vec<[crate::db::Value; 4]>,
}

impl ArticleRows {
    pub(crate) fn document_id(&self) -> &str {
        match &self.document[0] {
            crate::db::Value::Text(id) => id,
            _ => "",
        }
    }

    pub(crate) fn of(article: &ArticleJson, text: &str) -> Result<ArticleRows> {
        use crate::db::ToValue;
        let d = &article.document;
        let analysis =
            serde_json::to_string(article).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
        let v = |x: &dyn ToValue| x.to_value();
        let document = [
            v(&d.id),
            v(&d.title),
            v(&d.published),
            v(&d.url),
            v(&d.outlet),
            v(&d.path),
            v(&d.source_line),
            v(&text),
            v(&analysis),
            v(&crate::db::now()),
        ];
        let entities = article
            .entities
            .iter()
            .map(|e| {
                [
                    v(&d.id),
                    v(&e.id),
                    v(&e.canonical),
                    v(&e.etype),
                    v(&e.role),
                    v(&e.country),
                ]
            })
            .collect();
        let mut claims = Vec::new();
        let mut claim_entities = Vec::new();
        let canonical = |id: &str| {
            article
                .entities
                .iter()
                .find(|e| e.id == id)
                .map(|e| e.canonical.as_str())
        };
        for (seq, c) in article.claims.iter().enumerate() {
            let json = serde_json::to_string(c).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
            claims.push([
                v(&c.id),
                v(&d.id),
                v(&seq),
                v(&c.speaker_name),
                v(&c.speaker_role),
                v(&c.stance),
                v(&c.stated),
                v(&c.text),
                v(&c.sentence),
                v(&json),
            ]);
            if let Some(name) = c
                .speaker
                .as_deref()
                .and_then(canonical)
                .or(c.speaker_name.as_deref())
            {
                claim_entities.push([v(&c.id), v(&d.id), v(&name), v(&1i64)]);
            }
            for name in c.entities.iter().filter_map(|id| canonical(id)) {
                claim_entities.push([v(&c.id), v(&d.id), v(&name), v(&0i64)]);
            }
        }
        Ok(ArticleRows {
            document,
            entities,
            claims,
            claim_entities,
        })
    }
}

pub(crate) const INSERT_DOCUMENT: &str =
    "INSERT INTO documents (id, title, published, url, outlet, path, source_line, text, analysis, added_at)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";
pub(crate) const INSERT_ENTITY: &str =
    "INSERT INTO entities (doc_id, local_id, canonical, type, role, country) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
pub(crate) const INSERT_CLAIM: &str =
    "INSERT INTO claims (id, doc_id, seq, speaker_name, speaker_role, stance, stated, text, sentence, json)
     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)";

/// Inserts an article's own rows one statement each (the SQLite path; the
/// PostgreSQL store copies them in bulk instead).
pub(crate) fn insert_rows(db: &dyn Db, rows: &ArticleRows) -> Result<()> {
    db.execute(INSERT_DOCUMENT, &refs(&rows.document))?;
    insert_parts(db, rows)
}

/// Inserts an article's rows but its document's, one statement each.
fn insert_parts(db: &dyn Db, rows: &ArticleRows) -> Result<()> {
    // PostgreSQL keeps each claim entity's document (its shard key).
    let claim_entity = match db.dialect() {
        crate::db::Dialect::Sqlite => {
            "INSERT INTO claim_entities (claim_id, canonical, is_speaker) VALUES (?1, ?3, ?4)"
        }
        crate::db::Dialect::Postgres => {
            "INSERT INTO claim_entities (claim_id, doc_id, canonical, is_speaker) VALUES (?1, ?2, ?3, ?4)"
        }
    };
    for e in &rows.entities {
        db.execute(INSERT_ENTITY, &refs(e))?;
    }
    for c in &rows.claims {
        db.execute(INSERT_CLAIM, &refs(c))?;
    }
    for ce in &rows.claim_entities {
        db.execute(claim_entity, &refs(ce))?;
    }
    Ok(())
}

/// The values of a row as statement arguments.
pub(crate) fn refs(vals: &[crate::db::Value]) -> Vec<&dyn crate::db::ToValue> {
    vals.iter().map(|v| v as &dyn crate::db::ToValue).collect()
}

/// The cross-document part of `add`, after the article's rows are in.
pub(crate) fn link_article(
    db: &dyn Db,
    memory: &mut crossdoc::Memory,
    article: &ArticleJson,
    text: &str,
) -> Result<AddOutcome> {
    crossdoc::apply(db, memory, article, text, false)?;
    record_analysis(db, article)?;
    Ok(AddOutcome::Added {
        claims: article.claims.len(),
    })
}

/// An entity named in more than 1 claim in this many is "dense": see `claims`.
const DENSE_SHARE: i64 = 50;

pub(crate) fn claims(db: &dyn Db, f: &ClaimFilter) -> Result<Vec<ClaimRecord>> {
    // The filters pick claim rowids in statement order (the claims_order
    // index walks that order without sorting); only the page of them is
    // then joined with its document and decoded.
    let mut sql = String::from("SELECT c.rowid FROM claims c WHERE 1 = 1");
    let mut args: Vec<String> = Vec::new();
    if let Some(s) = &f.speaker {
        // A speaker is named: by a canonical entity's name, alias or
        // surname, or by the name as written; never by a substring of a
        // role (an agency's acronym must not find a minister).
        let ids = aliases::named(db, s)?;
        args.push(s.trim().to_lowercase());
        let n = args.len();
        sql += &format!(" AND (lower(c.speaker_name) = ?{n}");
        if !ids.is_empty() {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            sql += &format!(
                " OR c.id IN (SELECT claim_id FROM prop_claims WHERE speaker_entity IN ({}))",
                ids.join(",")
            );
        }
        sql += ")";
    }
    if let Some(e) = &f.entity {
        // Names are matched in the small canonical-entity tables (any
        // alias, "Zelensky" for "Zelenskyy"; every name an article gave an
        // entity is an alias), then claims by exact name.
        args.push(like(&e.to_lowercase()));
        let n = args.len();
        let names = |n: usize| {
            format!(
                "SELECT a.alias FROM canon_aliases a JOIN canon_entities k ON k.id = a.entity_id
                 WHERE lower(k.name) LIKE ?{n} ESCAPE '\\' OR lower(a.alias) LIKE ?{n} ESCAPE '\\'"
            )
        };
        // An entity in many claims is found fastest by walking the claims in
        // order and stopping at the page; a rare one by collecting its few
        // claims and sorting them. Count to choose.
        let mentions: i64 = db.query_row(
            &format!(
                "SELECT COUNT(*) FROM claim_entities WHERE canonical IN ({})",
                names(1)
            ),
            &[&args[n - 1]],
            |r| r.get(0),
        )?;
        let claims: i64 = db.query_row("SELECT COALESCE(MAX(rowid), 0) FROM claims", &[], |r| {
            r.get(0)
        })?;
        let names = names(n);
        if mentions * DENSE_SHARE > claims {
            sql += &format!(
                " AND EXISTS (SELECT 1 FROM claim_entities ce WHERE ce.claim_id = c.id AND ce.canonical IN ({names}))"
            );
        } else {
            sql += &format!(
                " AND c.id IN (SELECT ce.claim_id FROM claim_entities ce WHERE ce.canonical IN ({names}))"
            );
        }
    }
    if let Some(s) = &f.stance {
        args.push(s.clone());
        sql += &format!(" AND c.stance = ?{}", args.len());
    }
    // Full dates only: "XXXX-10-08" sorts after every year.
    if f.since.is_some() || f.until.is_some() {
        sql += " AND (c.stated IS NULL) = false AND c.stated < 'X'";
    }
    if let Some(s) = &f.since {
        args.push(s.clone());
        sql += &format!(" AND c.stated >= ?{}", args.len());
    }
    if let Some(u) = &f.until {
        args.push(format!("{u}\u{10FFFF}"));
        sql += &format!(" AND c.stated <= ?{}", args.len());
    }
    if let Some(text) = f.text.as_deref() {
        // Words to match that hold no searchable word match nothing.
        let Some(words) = db.dialect().fts_query(text) else {
            return Ok(Vec::new());
        };
        args.push(words);
        sql += &format!(
            " AND c.rowid IN (SELECT r FROM ({}) m)",
            db.dialect().claims_matching(args.len())
        );
    }
    let limit = f.limit.map_or(i64::MAX, |l| l as i64);
    sql += &format!(
        " ORDER BY (c.stated IS NULL), c.stated, c.doc_id, c.seq LIMIT {limit} OFFSET {}",
        f.offset
    );
    let sql = format!(
        "SELECT c.json, d.id, d.title, d.published, d.url, d.outlet, d.path
         FROM claims c JOIN documents d ON d.id = c.doc_id WHERE c.rowid IN ({sql})
         ORDER BY (c.stated IS NULL), c.stated, c.doc_id, c.seq"
    );
    claim_records(db, &sql, &args)
}

pub(crate) fn document(db: &dyn Db, id: &str) -> Result<Option<(ArticleJson, String)>> {
    let row: Option<(String, String)> = db.query_opt(
        "SELECT analysis, text FROM documents WHERE id = ?1",
        &[&id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    row.map(|(analysis, text)| {
        let article =
            serde_json::from_str(&analysis).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
        Ok((article, text))
    })
    .transpose()
}

pub(crate) fn documents(db: &dyn Db, limit: usize, offset: usize) -> Result<Vec<DocumentSummary>> {
    let sql = format!(
        "{DOCUMENT_SUMMARY} ORDER BY (d.published IS NULL), d.published DESC LIMIT {} OFFSET {offset}",
        limit as i64
    );
    document_summaries(db, &sql, &[])
}

pub(crate) fn entities(
    db: &dyn Db,
    name: &str,
    limit: usize,
    offset: usize,
) -> Result<Vec<EntitySummary>> {
    // Through the canonical entities (hundreds of rows, not one per
    // mention): a name or any alias matches; counts come from indexes.
    let sql = format!(
        "WITH m AS (
             SELECT DISTINCT k.id, k.name, k.type, k.country FROM canon_entities k
             LEFT JOIN canon_aliases a ON a.entity_id = k.id
             WHERE k.merged_into IS NULL
               AND (lower(k.name) LIKE ?1 ESCAPE '\\' OR lower(a.alias) LIKE ?1 ESCAPE '\\'))
         SELECT m.name, m.type, m.country,
             (SELECT COUNT(DISTINCT e.doc_id) FROM entities e WHERE e.canon_id = m.id) AS docs,
             (SELECT COUNT(DISTINCT ce.claim_id) FROM claim_entities ce WHERE ce.canonical IN
                 (SELECT alias FROM canon_aliases WHERE entity_id = m.id)) AS claims,
             (SELECT string_agg(role, ?2) FROM canon_roles WHERE entity_id = m.id)
         FROM m ORDER BY claims DESC, docs DESC, m.name LIMIT {} OFFSET {offset}",
        limit as i64
    );
    db.query_map(&sql, &[&like(&name.to_lowercase()), &ROLE_SEPARATOR], |r| {
        let roles: Option<String> = r.get(5)?;
        Ok(EntitySummary {
            canonical: r.get(0)?,
            etype: r.get(1)?,
            country: r.get(2)?,
            documents: r.get::<i64>(3)? as usize,
            claims: r.get::<i64>(4)? as usize,
            roles: most_frequent(roles.as_deref().unwrap_or("").split(ROLE_SEPARATOR)),
        })
    })
}

/// Joins the roles of an entity in one column (a character no role has).
const ROLE_SEPARATOR: &str = "\u{1f}";

pub(crate) fn search(db: &dyn Db, query: &str, limit: usize) -> Result<SearchResults> {
    let Some(fts) = db.dialect().fts_query(query) else {
        return Ok(SearchResults {
            claims: Vec::new(),
            documents: Vec::new(),
        });
    };
    let claims = claim_records(
        db,
        &format!(
            "SELECT c.json, d.id, d.title, d.published, d.url, d.outlet, d.path
             FROM ({}) m JOIN claims c ON c.rowid = m.r JOIN documents d ON d.id = c.doc_id
             ORDER BY m.score, c.rowid LIMIT {}",
            db.dialect().claims_matching(1),
            limit as i64
        ),
        std::slice::from_ref(&fts),
    )?;
    let documents = document_summaries(
        db,
        &format!(
            "{DOCUMENT_SUMMARY} JOIN ({}) m ON m.r = d.rowid ORDER BY m.score, d.rowid LIMIT {}",
            db.dialect().documents_matching(1),
            limit as i64
        ),
        &[&fts],
    )?;
    Ok(SearchResults { claims, documents })
}

pub(crate) fn stats(db: &dyn Db) -> Result<Stats> {
    let count = |table: &str| -> Result<usize> {
        Ok(
            db.query_row(&format!("SELECT COUNT(*) FROM {table}"), &[], |r| {
                r.get::<i64>(0)
            })? as usize,
        )
    };
    Ok(Stats {
        documents: count("documents")?,
        claims: count("claims")?,
        entities: count("entities")?,
    })
}

pub(crate) fn story(db: &dyn Db, query: &str, limit: usize) -> Result<Vec<Proposition>> {
    views::find(db, query, limit)?
        .into_iter()
        .filter_map(|id| views::proposition(db, id).transpose())
        .collect()
}

pub(crate) fn figures(db: &dyn Db, query: &str, limit: usize) -> Result<Vec<FigureSeries>> {
    let mut out = Vec::new();
    for p in story(db, query, limit)? {
        out.extend(p.figures);
    }
    Ok(out)
}

pub(crate) fn sources(db: &dyn Db, query: &str, limit: usize) -> Result<SourcesView> {
    views::sources(db, &story(db, query, limit)?)
}

pub(crate) fn canonical_entities(
    db: &dyn Db,
    name: &str,
    limit: usize,
    offset: usize,
) -> Result<Vec<CanonicalEntity>> {
    aliases::list(db, name, limit, offset)
}

pub(crate) fn cross_links(db: &dyn Db, doc_id: &str) -> Result<DocumentLinks> {
    let entities: Vec<(String, i64)> = db.query_map(
        "SELECT local_id, canon_id FROM entities WHERE doc_id = ?1 AND canon_id IS NOT NULL ORDER BY rowid",
        &[&doc_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    let mut links = DocumentLinks {
        entities: Vec::new(),
        claims: Vec::new(),
    };
    for (local, id) in entities {
        links.entities.push((local, aliases::current(db, id)?));
    }
    links.claims = db.query_map(
        "SELECT pc.claim_id, pc.prop_id FROM claims c JOIN prop_claims pc ON pc.claim_id = c.id
         WHERE c.doc_id = ?1 ORDER BY c.seq",
        &[&doc_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )?;
    Ok(links)
}

pub(crate) fn copies(db: &dyn Db, doc_id: &str) -> Result<Vec<DocumentRef>> {
    let origin: Option<String> = db.query_opt(
        "SELECT origin FROM doc_fingerprints WHERE doc_id = ?1",
        &[&doc_id],
        |r| r.get(0),
    )?;
    match origin {
        Some(o) => views::copies(db, &o),
        None => Ok(Vec::new()),
    }
}

const DOCUMENT_SUMMARY: &str =
    "SELECT d.id, d.title, d.published, d.url, d.outlet, d.path, d.source_line,
    (SELECT COUNT(*) FROM claims c WHERE c.doc_id = d.id) FROM documents d";

/// A document reference from a row whose columns `first..first + 6` are
/// `d.id, d.title, d.published, d.url, d.outlet, d.path`, in that order.
pub(crate) fn document_ref(r: &Row, first: usize) -> Result<DocumentRef> {
    Ok(DocumentRef {
        id: r.get(first)?,
        title: r.get(first + 1)?,
        published: r.get(first + 2)?,
        url: r.get(first + 3)?,
        outlet: r.get(first + 4)?,
        path: r.get(first + 5)?,
    })
}

fn claim_records(db: &dyn Db, sql: &str, args: &[String]) -> Result<Vec<ClaimRecord>> {
    let args: Vec<&dyn crate::db::ToValue> = args.iter().map(|a| a as _).collect();
    db.query_map(sql, &args, |r| {
        let json: String = r.get(0)?;
        let claim: ClaimJson =
            serde_json::from_str(&json).map_err(|e| LedgerError::Corrupt(e.to_string()))?;
        Ok(ClaimRecord {
            claim,
            document: document_ref(r, 1)?,
        })
    })
}

fn document_summaries(
    db: &dyn Db,
    sql: &str,
    args: &[&dyn crate::db::ToValue],
) -> Result<Vec<DocumentSummary>> {
    db.query_map(sql, args, |r| {
        Ok(DocumentSummary {
            document: document_ref(r, 0)?,
            source_line: r.get(6)?,
            claims: r.get::<i64>(7)? as usize,
        })
    })
}

/// Distinct non-empty values, most frequent first (ties by first appearance).
fn most_frequent<'a>(values: impl Iterator<Item = &'a str>) -> Vec<String> {
    let mut counts: Vec<(String, usize)> = Vec::new();
    for v in values.map(str::trim).filter(|v| !v.is_empty()) {
        match counts.iter_mut().find(|(k, _)| k == v) {
            Some((_, n)) => *n += 1,
            None => counts.push((v.to_string(), 1)),
        }
    }
    counts.sort_by_key(|c| std::cmp::Reverse(c.1));
    counts.into_iter().map(|(k, _)| k).collect()
}

/// A LIKE pattern matching `s` anywhere, with LIKE's wildcards escaped.
pub(crate) fn like(s: &str) -> String {
    format!("%{}%", like_escape(s))
}

/// `s` with LIKE's wildcards and escape character escaped (by `\\`).
pub(crate) fn like_escape(s: &str) -> String {
    s.replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_")
}
