//! The OpenAPI 3 document served at `/api/openapi.json`.
//!
//! Written by hand beside the handlers; `tests/openapi.rs` checks that its
//! paths and methods are exactly the router's.

use serde_json::{json, Value};

fn query(name: &str, description: &str, schema: Value) -> Value {
    json!({"name": name, "in": "query", "required": false, "description": description, "schema": schema})
}

fn required_query(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "query", "required": true, "description": description, "schema": {"type": "string", "maxLength": 500}})
}

fn path_param(name: &str, description: &str) -> Value {
    json!({"name": name, "in": "path", "required": true, "description": description, "schema": {"type": "string"}})
}

fn text(name: &str, description: &str) -> Value {
    query(
        name,
        description,
        json!({"type": "string", "maxLength": 500}),
    )
}

fn page() -> Vec<Value> {
    vec![
        query(
            "limit",
            "page size (default 50)",
            json!({"type": "integer", "minimum": 1, "maximum": 500, "default": 50}),
        ),
        query(
            "offset",
            "rows to skip",
            json!({"type": "integer", "minimum": 0, "maximum": 100000, "default": 0}),
        ),
    ]
}

fn story_params() -> Vec<Value> {
    vec![
        required_query("q", "entity name or words"),
        query(
            "limit",
            "propositions (default 10)",
            json!({"type": "integer", "minimum": 1, "maximum": 50, "default": 10}),
        ),
    ]
}

fn ok(description: &str, schema: Value) -> Value {
    json!({"description": description, "content": {"application/json": {"schema": schema}}})
}

fn error(description: &str) -> Value {
    ok(description, json!({"$ref": "#/components/schemas/Error"}))
}

fn reference(name: &str) -> Value {
    json!({"$ref": format!("#/components/schemas/{name}")})
}

fn list_of(key: &str, item: &str) -> Value {
    json!({"type": "object", "required": [key], "properties": {
        key: {"type": "array", "items": reference(item)},
        "limit": {"type": "integer"}, "offset": {"type": "integer"}}})
}

fn get(summary: &str, parameters: Vec<Value>, success: Value, not_found: bool) -> Value {
    let mut responses = json!({"200": success, "400": error("a parameter is invalid"), "500": error("server failure")});
    if not_found {
        responses["404"] = error("not found");
    }
    json!({"get": {"summary": summary, "parameters": parameters, "responses": responses}})
}

/// The filters of `/api/claims`, then the page parameters.
fn claim_filters() -> Vec<Value> {
    let mut p = vec![
        text(
            "speaker",
            "the speaker: an entity's name, alias or surname, or the name as written (case-insensitive; never part of a role)",
        ),
        text("entity", "substring of an entity the claim is by or about"),
        query(
            "stance",
            "the speaker's stance",
            json!({"type": "string", "enum": claimtrail_attribution::Stance::ALL.map(|s| s.as_str())}),
        ),
        query(
            "since",
            "stated on or after (YYYY-MM-DD)",
            json!({"type": "string", "format": "date"}),
        ),
        query(
            "until",
            "stated on or before (YYYY-MM-DD)",
            json!({"type": "string", "format": "date"}),
        ),
        text(
            "q",
            "words that must all occur in the claim or its sentence",
        ),
    ];
    p.extend(page());
    p
}

/// `/api/documents`: the list (GET) and the upload (POST).
fn documents_path() -> Value {
    let mut documents = get(
        "Stored documents, newest publication first",
        page(),
        ok(
            "a page of documents",
            list_of("documents", "DocumentSummary"),
        ),
        false,
    );
    documents["post"] = json!({
        "summary": "Analyse an article and store it with its claims (needs the server's token)",
        "security": [{"bearer": []}],
        "requestBody": {"required": true, "content": {"application/json": {"schema": reference("NewDocument")}}},
        "responses": {
            "201": ok("stored", reference("Ingested")),
            "200": ok("the same text was stored before", reference("Ingested")),
            "400": error("invalid body"),
            "401": error("no bearer token"),
            "403": error("wrong token, or writes disabled"),
            "408": error("the body did not arrive within 30 s"),
            "413": error("body larger than 2 MiB"),
            "500": error("server failure"),
            "503": error("the ledger is busy with another writer: nothing was stored, try again after Retry-After seconds")
        }
    });
    documents
}

/// The document.
pub fn document() -> Value {
    let claim_filters = claim_filters();
    let documents = documents_path();
    json!({
        "openapi": "3.0.3",
        "info": {
            "title": "claimtrail API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "The claim ledger over HTTP: documents, entities, claims with their evidence, stories and figure series. Errors are JSON {\"error\": \"...\"}. Character offsets follow docs/json-schema.md."
        },
        "paths": {
            "/api/openapi.json": {"get": {"summary": "This document", "responses": {"200": ok("the OpenAPI document", json!({"type": "object"}))}}},
            "/api/stats": get("Counts of what the ledger holds", vec![], ok("counts", reference("Stats")), false),
            "/api/documents": documents,
            "/api/documents/{id}": get(
                "A stored article: its analysis (docs/json-schema.md) and text",
                vec![path_param("id", "document id (16 hex digits)")],
                ok("the article", json!({"type": "object", "required": ["article", "text"], "properties": {"article": {"type": "object"}, "text": {"type": "string", "description": "the analysed text the character offsets point into"}, "label": {"type": "string", "nullable": true, "description": "the title, else the first words of the text"}}})),
                true,
            ),
            "/api/claims": get("Claims matching all the filters, by statement date", claim_filters, ok("a page of claims", list_of("claims", "Claim")), false),
            "/api/claims/{id}": get(
                "A claim card: the claim, its source and its evidence sentence with marked spans",
                vec![path_param("id", "claim id (<document id>-c<n>)")],
                ok("the card", reference("ClaimCard")),
                true,
            ),
            "/api/entities": get(
                "Entities whose name contains q, most claims first",
                { let mut p = vec![text("q", "substring of the canonical name")]; p.extend(page()); p },
                ok("a page of entities", list_of("entities", "Entity")),
                false,
            ),
            "/api/entities/{name}": get(
                "An entity page: the entity, its roles over time and its claims",
                { let mut p = vec![path_param("name", "entity name (substring, case-insensitive)")]; p.extend(page()); p },
                ok("the entity page", reference("EntityPage")),
                true,
            ),
            "/api/search": get(
                "Full-text search over claims and documents (stemmed; all words must match)",
                vec![required_query("q", "words"), page().remove(0)],
                ok("matches, best first; with a hint and no matches when q holds no word", json!({"type": "object", "properties": {
                    "claims": {"type": "array", "items": reference("Claim")},
                    "documents": {"type": "array", "items": reference("DocumentSummary")},
                    "hint": {"type": "string"}}})),
                false,
            ),
            "/api/stories": get(
                "Propositions about an entity or words, largest first, each with its claims, their roles and links, and its figures",
                story_params(),
                ok("the story", reference("Story")),
                false,
            ),
            "/api/propositions/{id}": get(
                "One proposition",
                vec![path_param("id", "proposition id (a number)")],
                ok("the proposition", reference("Proposition")),
                true,
            ),
            "/api/figures": get(
                "Figure series of the story's propositions: values by date and source, low/best/high",
                story_params(),
                ok("the series", reference("Figures")),
                false,
            ),
            "/api/sources": get(
                "Who said what in the story's propositions, and the independent reports with their copies",
                story_params(),
                ok("the sources", reference("Sources")),
                false,
            ),
        },
        "components": {
            "securitySchemes": {"bearer": {"type": "http", "scheme": "bearer"}},
            "schemas": schemas(),
        }
    })
}

/// The JSON Schema types the component schemas are made of.
struct Types {
    string: Value,
    opt_string: Value,
    int: Value,
    number: Value,
    opt_number: Value,
}

impl Types {
    fn new() -> Types {
        Types {
            string: json!({"type": "string"}),
            opt_string: json!({"type": "string", "nullable": true}),
            int: json!({"type": "integer"}),
            number: json!({"type": "number"}),
            opt_number: json!({"type": "number", "nullable": true}),
        }
    }
}

fn array(items: Value) -> Value {
    json!({"type": "array", "items": items})
}

fn schemas() -> Value {
    let mut m = serde_json::Map::new();
    document_schemas(&mut m);
    story_schemas(&mut m);
    Value::Object(m)
}

/// Documents, claims, cards and entities.
fn document_schemas(m: &mut serde_json::Map<String, Value>) {
    let Types {
        string,
        opt_string,
        int,
        ..
    } = Types::new();
    let mut add = |name: &str, schema: Value| {
        m.insert(name.to_string(), schema);
    };
    add(
        "Error",
        json!({"type": "object", "required": ["error"], "properties": {"error": string}}),
    );
    add(
        "Stats",
        json!({"type": "object", "properties": {"documents": int, "claims": int, "entities": int}}),
    );
    add(
        "DocumentRef",
        json!({"type": "object", "required": ["id"], "properties": {
        "id": string, "title": opt_string, "published": opt_string, "url": opt_string,
        "outlet": opt_string, "path": opt_string,
        "label": {"type": "string", "nullable": true, "description": "the title, else the first words of the text (in document lists, searches, claim lists and cards)"}}}),
    );
    add(
        "DocumentSummary",
        json!({"allOf": [reference("DocumentRef"), {"type": "object", "properties": {
        "source_line": opt_string, "claims": int}}]}),
    );
    add(
        "NewDocument",
        json!({"type": "object", "required": ["text"], "additionalProperties": false, "properties": {
        "text": {"type": "string", "description": "the article text"},
        "title": string, "url": {"type": "string", "description": "http:// or https://"},
        "published": {"type": "string", "format": "date"}, "outlet": string}}),
    );
    add(
        "Ingested",
        json!({"type": "object", "properties": {"id": string, "added": {"type": "boolean"}, "claims": int}}),
    );
    add(
        "Claim",
        json!({"type": "object", "description": "a claim (docs/json-schema.md, claims[]) with its document",
        "required": ["id", "stance", "text", "sentence", "document"], "properties": {
        "id": string, "speaker_name": opt_string, "speaker_role": opt_string, "stance": string,
        "hedged": {"type": "boolean"}, "cue": string, "text": string, "start": int, "end": int,
        "stated": opt_string, "quantities": array(json!({"type": "object"})),
        "timexes": array(json!({"type": "object"})),
        "sentence": string, "sentence_start": int, "sentence_end": int,
        "document": reference("DocumentRef")}}),
    );
    add(
        "Mark",
        json!({"type": "object", "properties": {
        "kind": {"type": "string", "enum": ["content", "cue", "speaker", "figure", "date"]},
        "start": {"type": "integer", "description": "character offset in the sentence"},
        "end": int}}),
    );
    add(
        "ClaimCard",
        json!({"type": "object", "required": ["claim", "document", "evidence"], "properties": {
        "claim": {"type": "object"},
        "document": {"type": "object"},
        "evidence": {"type": "object", "properties": {
            "sentence": string, "start": int, "marks": array(reference("Mark"))}}}}),
    );
    add(
        "Entity",
        json!({"type": "object", "properties": {
        "canonical": string, "type": string, "roles": array(string.clone()),
        "country": opt_string, "documents": int, "claims": int}}),
    );
    add(
        "EntityPage",
        json!({"type": "object", "properties": {
        "name": string,
        "entity": {"type": "object", "nullable": true, "description": "the ledger's canonical entity", "properties": {
            "id": int, "name": string, "type": string, "country": opt_string,
            "aliases": array(string.clone()), "documents": int, "decided": {"type": "boolean"},
            "roles": array(json!({"type": "object", "properties": {
                "role": string, "first_seen": opt_string, "last_seen": opt_string, "documents": int}}))}},
        "claims": array(reference("Claim")),
        "limit": int, "offset": int}}),
    );
}

/// Propositions, stories, sources and figure series.
fn story_schemas(m: &mut serde_json::Map<String, Value>) {
    let Types {
        string,
        opt_string,
        int,
        number,
        opt_number,
    } = Types::new();
    let mut add = |name: &str, schema: Value| {
        m.insert(name.to_string(), schema);
    };
    add(
        "Proposition",
        json!({"type": "object", "properties": {
        "id": int, "gist": string, "terms": array(string.clone()),
        "first_stated": opt_string, "last_stated": opt_string, "members": int,
        "sources": {"type": "object", "properties": {
            "supporting": int, "disputing": int, "withholding": int, "reports": int, "documents": int}},
        "claims": array(json!({"allOf": [reference("Claim"), {"type": "object", "properties": {
            "role": {"type": "string", "description": "supports, disputes, withholds, predicts, urges or relays"},
            "speaker_entity": {"type": "integer", "nullable": true},
            "origin": {"type": "string", "description": "first document of the claim's near-duplicate group"},
            "relay": opt_string}}]})),
        "links": array(json!({"type": "object", "properties": {
            "from": string, "to": string,
            "kind": {"type": "string", "enum": ["supports", "disputes", "withholds", "updates", "repeats"]},
            "reason": string}})),
        "figures": array(reference("FigureSeries"))}}),
    );
    add(
        "Sources",
        json!({"type": "object", "properties": {
        "query": string,
        "speakers": array(json!({"type": "object", "properties": {
            "speaker": string, "entity": {"type": "integer", "nullable": true}, "reports": int,
            "claims": array(json!({"type": "object"}))}})),
        "reports": array(json!({"type": "object", "properties": {
            "origin": reference("DocumentRef"), "copies": array(reference("DocumentRef")),
            "claims": int, "speakers": array(string.clone())}}))}}),
    );
    add(
        "Story",
        json!({"type": "object", "properties": {
        "query": string, "propositions": array(reference("Proposition"))}}),
    );
    add(
        "FigureSeries",
        json!({"type": "object", "properties": {
        "proposition": int, "gist": string, "measure": string,
        "summary": {"type": "object", "nullable": true, "properties": {
            "low": number, "best": number, "high": number, "sources": int, "rule": string}},
        "points": array(json!({"type": "object", "properties": {
            "claim_id": string, "value": number, "low": opt_number, "high": opt_number,
            "qualifier": string, "text": string, "stated": opt_string, "speaker": opt_string,
            "source": string, "role": string, "document": reference("DocumentRef")}}))}}),
    );
    add(
        "Figures",
        json!({"type": "object", "properties": {
        "query": string, "series": array(reference("FigureSeries"))}}),
    );
}
