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
];
