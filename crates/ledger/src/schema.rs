//! The SQLite schema, as ordered migrations applied by `PRAGMA user_version`.

/// Each entry moves the schema one version up; never edit a released entry,
/// append a new one.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: documents, their entities and claims
    "
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        title TEXT,
        published TEXT,
        url TEXT,
        outlet TEXT,
        path TEXT,
        source_line TEXT,
        text TEXT NOT NULL,
        analysis TEXT NOT NULL,
        added_at TEXT NOT NULL
    );
    CREATE TABLE entities (
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        local_id TEXT NOT NULL,
        canonical TEXT NOT NULL,
        type TEXT NOT NULL,
        role TEXT,
        country TEXT,
        PRIMARY KEY (doc_id, local_id)
    );
    CREATE INDEX entities_canonical ON entities(canonical COLLATE NOCASE);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        speaker_name TEXT,
        speaker_role TEXT,
        stance TEXT NOT NULL,
        stated TEXT,
        text TEXT NOT NULL,
        sentence TEXT NOT NULL,
        json TEXT NOT NULL
    );
    CREATE INDEX claims_stated ON claims(stated);
    CREATE INDEX claims_doc ON claims(doc_id, seq);
    CREATE TABLE claim_entities (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        canonical TEXT NOT NULL,
        is_speaker INTEGER NOT NULL
    );
    CREATE INDEX claim_entities_name ON claim_entities(canonical COLLATE NOCASE);
    CREATE INDEX claim_entities_claim ON claim_entities(claim_id);
    ",
    // 2: full-text search over claims and documents (FTS5, external content,
    //    kept in step by triggers inside the same transaction as the data)
    "
    CREATE VIRTUAL TABLE claims_fts USING fts5(
        text, sentence, speaker_name, content = 'claims', content_rowid = 'rowid',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER claims_fts_insert AFTER INSERT ON claims BEGIN
        INSERT INTO claims_fts (rowid, text, sentence, speaker_name)
        VALUES (new.rowid, new.text, new.sentence, new.speaker_name);
    END;
    CREATE TRIGGER claims_fts_delete AFTER DELETE ON claims BEGIN
        INSERT INTO claims_fts (claims_fts, rowid, text, sentence, speaker_name)
        VALUES ('delete', old.rowid, old.text, old.sentence, old.speaker_name);
    END;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content = 'documents', content_rowid = 'rowid',
        tokenize = 'porter unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_fts_insert AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_fts_delete AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
    END;
    ",
    // 3: the cross-document ledger: canonical entities and their aliases,
    //    roles over time and user decisions; propositions (claim clusters) with
    //    their term profiles and lookup keys; typed links between claims;
    //    near-duplicate fingerprints and origins of documents; relayed claims.
    "
    CREATE TABLE canon_entities (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        type TEXT NOT NULL,
        country TEXT,
        pinned INTEGER NOT NULL DEFAULT 0,
        merged_into INTEGER REFERENCES canon_entities(id)
    );
    CREATE TABLE canon_aliases (
        key TEXT NOT NULL,
        type TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES canon_entities(id),
        alias TEXT NOT NULL,
        decided INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (key, type)
    ) WITHOUT ROWID;
    CREATE INDEX canon_aliases_entity ON canon_aliases(entity_id);
    CREATE TABLE canon_surnames (
        key TEXT NOT NULL,
        entity_id INTEGER NOT NULL REFERENCES canon_entities(id),
        PRIMARY KEY (key, entity_id)
    ) WITHOUT ROWID;
    CREATE INDEX canon_surnames_entity ON canon_surnames(entity_id);
    CREATE TABLE canon_roles (
        entity_id INTEGER NOT NULL REFERENCES canon_entities(id),
        role TEXT NOT NULL,
        doc_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        seen TEXT
    );
    CREATE INDEX canon_roles_entity ON canon_roles(entity_id);
    CREATE TABLE entity_decisions (
        id INTEGER PRIMARY KEY,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        object TEXT NOT NULL,
        entity_id INTEGER NOT NULL,
        made_at TEXT NOT NULL
    );
    ALTER TABLE entities ADD COLUMN canon_id INTEGER REFERENCES canon_entities(id);
    CREATE INDEX entities_canon ON entities(canon_id);

    CREATE TABLE doc_fingerprints (
        doc_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
        fingerprint BLOB NOT NULL,
        origin TEXT NOT NULL,
        similarity REAL
    );
    CREATE INDEX doc_fingerprints_origin ON doc_fingerprints(origin);

    CREATE TABLE propositions (
        id INTEGER PRIMARY KEY,
        members INTEGER NOT NULL DEFAULT 0,
        first_stated TEXT,
        last_stated TEXT,
        merged_into INTEGER REFERENCES propositions(id)
    );
    CREATE TABLE prop_terms (
        prop_id INTEGER NOT NULL REFERENCES propositions(id),
        term TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (prop_id, term)
    ) WITHOUT ROWID;
    CREATE INDEX prop_terms_term ON prop_terms(term, prop_id);
    CREATE TABLE prop_keys (
        key TEXT NOT NULL,
        prop_id INTEGER NOT NULL REFERENCES propositions(id),
        PRIMARY KEY (key, prop_id)
    ) WITHOUT ROWID;
    CREATE INDEX prop_keys_prop ON prop_keys(prop_id);
    CREATE TABLE prop_claims (
        claim_id TEXT PRIMARY KEY REFERENCES claims(id) ON DELETE CASCADE,
        prop_id INTEGER NOT NULL REFERENCES propositions(id),
        role TEXT NOT NULL,
        speaker_key TEXT,
        speaker_entity INTEGER,
        stated TEXT,
        origin TEXT NOT NULL,
        relay TEXT,
        terms TEXT NOT NULL
    );
    CREATE INDEX prop_claims_prop ON prop_claims(prop_id, stated);
    CREATE TABLE prop_figures (
        claim_id TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        prop_id INTEGER NOT NULL REFERENCES propositions(id),
        measure TEXT NOT NULL,
        value REAL NOT NULL,
        low REAL,
        high REAL,
        qualifier TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX prop_figures_prop ON prop_figures(prop_id, measure);
    CREATE INDEX prop_figures_claim ON prop_figures(claim_id);
    CREATE TABLE claim_links (
        from_claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        to_claim TEXT NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        reason TEXT NOT NULL,
        PRIMARY KEY (from_claim, to_claim, kind)
    ) WITHOUT ROWID;
    CREATE INDEX claim_links_to ON claim_links(to_claim);
    ",
    // 4: read paths at scale (100,000 claims and more): claims in statement
    //    order without a sort (covering the columns filters test), documents
    //    newest first, claims by entity name.
    "
    CREATE INDEX claims_order ON claims(
        (stated IS NULL), stated, doc_id, seq, stance, speaker_name, speaker_role
    );
    CREATE INDEX documents_order ON documents((published IS NULL), published DESC);
    CREATE INDEX claim_entities_exact ON claim_entities(canonical, claim_id);
    CREATE INDEX prop_claims_speaker ON prop_claims(speaker_key, prop_id);
    ",
    // 5: claims by their speaker's canonical entity (the speaker filter).
    "
    CREATE INDEX prop_claims_speaker_entity ON prop_claims(speaker_entity);
    ",
    // 6: links carry their proposition (the key a distributed PostgreSQL
    //    shards them by; docs/scale.md), filled in for the links stored.
    "
    ALTER TABLE claim_links ADD COLUMN prop_id INTEGER REFERENCES propositions(id);
    UPDATE claim_links SET prop_id = (SELECT prop_id FROM prop_claims WHERE claim_id = from_claim);
    CREATE INDEX claim_links_prop ON claim_links(prop_id);
    ",
];
