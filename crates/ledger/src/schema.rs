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
    // 7: whether a claim restates earlier statements (`LinkClaim::background`),
    //    kept with its membership so that relinking a proposition reads no
    //    claim JSON; filled in for the claims stored. Claims by copy group.
    "
    ALTER TABLE prop_claims ADD COLUMN background INTEGER NOT NULL DEFAULT 0;
    UPDATE prop_claims SET background = COALESCE((
        SELECT json_extract(c.json, '$.stated_in_text') = 0
           AND lower(json_extract(c.json, '$.section')) IN
               ('background', 'context', 'recall', 'previously', 'prehistory', 'the background')
        FROM claims c WHERE c.id = prop_claims.claim_id), 0);
    CREATE INDEX prop_claims_origin ON prop_claims(origin);
    ",
    // 8: how each document was analysed (`ops::analysed_with`: the engine's
    //    version and a hash of the analysis; NULL for the documents stored
    //    before, which a reanalysis treats as changed), and the document's
    //    full-text row kept in step when a reanalysis updates its title.
    "
    ALTER TABLE documents ADD COLUMN analysed_with TEXT;
    CREATE TRIGGER documents_fts_update AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts (documents_fts, rowid, title, text)
        VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts (rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    ",
];

/// The PostgreSQL schema, as ordered migrations (version in
/// `claimtrail_schema`). The same tables and columns as SQLite's, so the
/// same statements run on both, with three differences: every
/// document-scoped table has its document in its primary key, and the
/// proposition tables their proposition (the keys a distributed PostgreSQL
/// shards on: docs/scale.md); text compares byte-wise (`COLLATE "C"`, as
/// SQLite); full-text search is a stored `tsvector` with a GIN index.
/// `rowid` is an identity column where SQLite's rowid is used (insertion
/// order). No foreign keys: a sharded database cannot keep them across
/// shards, and every write goes through the ledger's own transactions.
pub(crate) const PG_MIGRATIONS: &[&str] = &[
    // 1: documents, their entities and claims, full-text search, the
    //    cross-document ledger (SQLite's migrations 1 to 6 in one).
    r#"
    CREATE TABLE documents (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        id TEXT COLLATE "C" NOT NULL,
        title TEXT COLLATE "C",
        published TEXT COLLATE "C",
        url TEXT COLLATE "C",
        outlet TEXT COLLATE "C",
        path TEXT COLLATE "C",
        source_line TEXT COLLATE "C",
        text TEXT COLLATE "C" NOT NULL,
        analysis TEXT COLLATE "C" NOT NULL,
        added_at TEXT COLLATE "C" NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
            to_tsvector('english', coalesce(title, '') || ' ' || text)) STORED,
        PRIMARY KEY (id)
    );
    CREATE INDEX documents_rowid ON documents(rowid);
    CREATE INDEX documents_order ON documents((published IS NULL), published DESC);
    CREATE INDEX documents_tsv ON documents USING GIN (tsv);

    CREATE TABLE entities (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        doc_id TEXT COLLATE "C" NOT NULL,
        local_id TEXT COLLATE "C" NOT NULL,
        canonical TEXT COLLATE "C" NOT NULL,
        type TEXT COLLATE "C" NOT NULL,
        role TEXT COLLATE "C",
        country TEXT COLLATE "C",
        canon_id BIGINT,
        PRIMARY KEY (doc_id, local_id)
    );
    CREATE INDEX entities_canon ON entities(canon_id);

    CREATE TABLE claims (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        id TEXT COLLATE "C" NOT NULL,
        doc_id TEXT COLLATE "C" NOT NULL,
        seq BIGINT NOT NULL,
        speaker_name TEXT COLLATE "C",
        speaker_role TEXT COLLATE "C",
        stance TEXT COLLATE "C" NOT NULL,
        stated TEXT COLLATE "C",
        text TEXT COLLATE "C" NOT NULL,
        sentence TEXT COLLATE "C" NOT NULL,
        json TEXT COLLATE "C" NOT NULL,
        tsv tsvector GENERATED ALWAYS AS (
            to_tsvector('english', text || ' ' || sentence || ' ' || coalesce(speaker_name, ''))) STORED,
        PRIMARY KEY (doc_id, id)
    );
    CREATE INDEX claims_id ON claims(id);
    CREATE INDEX claims_rowid ON claims(rowid);
    CREATE INDEX claims_order ON claims((stated IS NULL), stated, doc_id, seq);
    CREATE INDEX claims_speaker ON claims(lower(speaker_name));
    CREATE INDEX claims_tsv ON claims USING GIN (tsv);

    CREATE TABLE claim_entities (
        claim_id TEXT COLLATE "C" NOT NULL,
        doc_id TEXT COLLATE "C" NOT NULL,
        canonical TEXT COLLATE "C" NOT NULL,
        is_speaker BIGINT NOT NULL
    );
    CREATE INDEX claim_entities_exact ON claim_entities(canonical, claim_id);
    CREATE INDEX claim_entities_claim ON claim_entities(claim_id);

    CREATE TABLE canon_entities (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        name TEXT COLLATE "C" NOT NULL,
        type TEXT COLLATE "C" NOT NULL,
        country TEXT COLLATE "C",
        pinned BIGINT NOT NULL DEFAULT 0,
        merged_into BIGINT
    );
    CREATE TABLE canon_aliases (
        key TEXT COLLATE "C" NOT NULL,
        type TEXT COLLATE "C" NOT NULL,
        entity_id BIGINT NOT NULL,
        alias TEXT COLLATE "C" NOT NULL,
        decided BIGINT NOT NULL DEFAULT 0,
        PRIMARY KEY (key, type)
    );
    CREATE INDEX canon_aliases_entity ON canon_aliases(entity_id);
    CREATE TABLE canon_surnames (
        key TEXT COLLATE "C" NOT NULL,
        entity_id BIGINT NOT NULL,
        PRIMARY KEY (key, entity_id)
    );
    CREATE INDEX canon_surnames_entity ON canon_surnames(entity_id);
    CREATE TABLE canon_roles (
        entity_id BIGINT NOT NULL,
        role TEXT COLLATE "C" NOT NULL,
        doc_id TEXT COLLATE "C" NOT NULL,
        seen TEXT COLLATE "C"
    );
    CREATE INDEX canon_roles_entity ON canon_roles(entity_id);
    CREATE TABLE entity_decisions (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        action TEXT COLLATE "C" NOT NULL,
        subject TEXT COLLATE "C" NOT NULL,
        object TEXT COLLATE "C" NOT NULL,
        entity_id BIGINT NOT NULL,
        made_at TEXT COLLATE "C" NOT NULL
    );

    CREATE TABLE doc_fingerprints (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        doc_id TEXT COLLATE "C" NOT NULL,
        fingerprint BYTEA NOT NULL,
        origin TEXT COLLATE "C" NOT NULL,
        similarity DOUBLE PRECISION,
        PRIMARY KEY (doc_id)
    );
    CREATE INDEX doc_fingerprints_rowid ON doc_fingerprints(rowid);
    CREATE INDEX doc_fingerprints_origin ON doc_fingerprints(origin);

    CREATE TABLE propositions (
        id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
        members BIGINT NOT NULL DEFAULT 0,
        first_stated TEXT COLLATE "C",
        last_stated TEXT COLLATE "C",
        merged_into BIGINT
    );
    CREATE TABLE prop_terms (
        prop_id BIGINT NOT NULL,
        term TEXT COLLATE "C" NOT NULL,
        n BIGINT NOT NULL,
        PRIMARY KEY (prop_id, term)
    );
    CREATE INDEX prop_terms_term ON prop_terms(term, prop_id);
    CREATE TABLE prop_keys (
        key TEXT COLLATE "C" NOT NULL,
        prop_id BIGINT NOT NULL,
        PRIMARY KEY (prop_id, key)
    );
    CREATE INDEX prop_keys_key ON prop_keys(key, prop_id);
    CREATE TABLE prop_claims (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        claim_id TEXT COLLATE "C" NOT NULL,
        prop_id BIGINT NOT NULL,
        role TEXT COLLATE "C" NOT NULL,
        speaker_key TEXT COLLATE "C",
        speaker_entity BIGINT,
        stated TEXT COLLATE "C",
        origin TEXT COLLATE "C" NOT NULL,
        relay TEXT COLLATE "C",
        terms TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (prop_id, claim_id)
    );
    CREATE INDEX prop_claims_claim ON prop_claims(claim_id);
    CREATE INDEX prop_claims_rowid ON prop_claims(rowid);
    CREATE INDEX prop_claims_prop ON prop_claims(prop_id, stated);
    CREATE INDEX prop_claims_origin ON prop_claims(origin);
    CREATE INDEX prop_claims_speaker ON prop_claims(speaker_key, prop_id);
    CREATE INDEX prop_claims_speaker_entity ON prop_claims(speaker_entity);
    CREATE TABLE prop_figures (
        rowid BIGINT GENERATED ALWAYS AS IDENTITY,
        claim_id TEXT COLLATE "C" NOT NULL,
        prop_id BIGINT NOT NULL,
        measure TEXT COLLATE "C" NOT NULL,
        value DOUBLE PRECISION NOT NULL,
        low DOUBLE PRECISION,
        high DOUBLE PRECISION,
        qualifier TEXT COLLATE "C" NOT NULL,
        text TEXT COLLATE "C" NOT NULL
    );
    CREATE INDEX prop_figures_prop ON prop_figures(prop_id, measure);
    CREATE INDEX prop_figures_claim ON prop_figures(claim_id);
    CREATE TABLE claim_links (
        prop_id BIGINT NOT NULL,
        from_claim TEXT COLLATE "C" NOT NULL,
        to_claim TEXT COLLATE "C" NOT NULL,
        kind TEXT COLLATE "C" NOT NULL,
        reason TEXT COLLATE "C" NOT NULL,
        PRIMARY KEY (prop_id, from_claim, to_claim, kind)
    );
    CREATE INDEX claim_links_from ON claim_links(from_claim);
    CREATE INDEX claim_links_to ON claim_links(to_claim);
    "#,
    // 2: SQLite's migration 7 (prop_claims.background; PG has had the
    //    index of claims by copy group since 1).
    r#"
    ALTER TABLE prop_claims ADD COLUMN background BIGINT NOT NULL DEFAULT 0;
    UPDATE prop_claims pc SET background = 1 WHERE EXISTS (
        SELECT 1 FROM claims c WHERE c.id = pc.claim_id
           AND (c.json::jsonb ->> 'stated_in_text') = 'false'
           AND lower(c.json::jsonb ->> 'section') IN
               ('background', 'context', 'recall', 'previously', 'prehistory', 'the background'));
    "#,
    // 3: SQLite's migration 8 (documents.analysed_with; the stored tsvector
    //    follows an updated title by itself).
    r#"
    ALTER TABLE documents ADD COLUMN analysed_with TEXT COLLATE "C";
    "#,
];
