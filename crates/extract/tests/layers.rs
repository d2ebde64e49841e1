//! The crate dependency graph follows the layers of ARCHITECTURE.md: each
//! workspace crate depends (normal and build dependencies) only on the
//! workspace crates listed for it here. Read from `cargo metadata`, so a new
//! edge in any `Cargo.toml` fails this test until the table (and
//! ARCHITECTURE.md) say it is allowed. Dev-dependencies are free: a test may
//! read its input through a later layer.
use std::collections::BTreeMap;
use std::process::Command;

/// Each workspace crate and the workspace crates it may depend on.
const ALLOWED: &[(&str, &[&str])] = &[
    // 1 text: the document model
    ("claimtrail-text", &[]),
    // 2 extract: stages read the document and the layers they consume
    ("claimtrail-entities", &["claimtrail-text"]),
    ("claimtrail-time", &["claimtrail-text"]),
    (
        "claimtrail-quantity",
        &["claimtrail-text", "claimtrail-time"],
    ),
    (
        "claimtrail-attribution",
        &["claimtrail-text", "claimtrail-entities"],
    ),
    (
        "claimtrail-extract",
        &[
            "claimtrail-text",
            "claimtrail-entities",
            "claimtrail-time",
            "claimtrail-quantity",
            "claimtrail-attribution",
        ],
    ),
    // 3 ingest: readers into documents
    ("claimtrail-ingest", &["claimtrail-text"]),
    // 4 ledger: cross-document work over the public schema; not ingest
    (
        "claimtrail-ledger",
        &["claimtrail-text", "claimtrail-extract"],
    ),
    // exchange formats: the stages' layers written for other tools, gold data read
    (
        "claimtrail-formats",
        &[
            "claimtrail-text",
            "claimtrail-entities",
            "claimtrail-time",
            "claimtrail-attribution",
        ],
    ),
    // tooling: scorers and training over every layer below the interfaces
    (
        "claimtrail-eval",
        &[
            "claimtrail-text",
            "claimtrail-entities",
            "claimtrail-time",
            "claimtrail-quantity",
            "claimtrail-attribution",
            "claimtrail-extract",
            "claimtrail-ingest",
            "claimtrail-ledger",
            "claimtrail-formats",
        ],
    ),
    // 5 interfaces
    (
        "claimtrail-web",
        &[
            "claimtrail-text",
            "claimtrail-attribution",
            "claimtrail-extract",
            "claimtrail-ledger",
        ],
    ),
    (
        "claimtrail-python",
        &[
            "claimtrail-text",
            "claimtrail-attribution",
            "claimtrail-extract",
            "claimtrail-ingest",
            "claimtrail-ledger",
        ],
    ),
    (
        "claimtrail",
        &[
            "claimtrail-text",
            "claimtrail-entities",
            "claimtrail-time",
            "claimtrail-quantity",
            "claimtrail-attribution",
            "claimtrail-extract",
            "claimtrail-ingest",
            "claimtrail-ledger",
            "claimtrail-formats",
            "claimtrail-eval",
            "claimtrail-web",
        ],
    ),
];

/// Each workspace crate with its workspace dependencies (dev ones left out).
fn workspace_graph() -> BTreeMap<String, Vec<String>> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let out = Command::new(&cargo)
        .args([
            "metadata",
            "--format-version",
            "1",
            "--no-deps",
            "--offline",
        ])
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap_or_else(|e| panic!("running {cargo} metadata: {e}"));
    assert!(
        out.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let meta: serde_json::Value = serde_json::from_slice(&out.stdout).expect("metadata is JSON");
    let packages = meta["packages"].as_array().expect("packages");
    let names: Vec<&str> = packages.iter().filter_map(|p| p["name"].as_str()).collect();
    packages
        .iter()
        .map(|p| {
            let deps = p["dependencies"]
                .as_array()
                .expect("dependencies")
                .iter()
                .filter(|d| d["kind"].as_str() != Some("dev"))
                .filter_map(|d| d["name"].as_str())
                .filter(|d| names.contains(d))
                .map(str::to_string)
                .collect();
            (p["name"].as_str().expect("name").to_string(), deps)
        })
        .collect()
}

#[test]
fn every_crate_depends_only_on_the_layers_it_may_use() {
    let graph = workspace_graph();
    assert!(graph.contains_key("claimtrail-ledger"), "{graph:?}");
    let mut wrong = Vec::new();
    for (krate, deps) in &graph {
        let Some((_, allowed)) = ALLOWED.iter().find(|(k, _)| k == krate) else {
            wrong.push(format!(
                "{krate} is not in the layer table of crates/extract/tests/layers.rs"
            ));
            continue;
        };
        for d in deps {
            if !allowed.contains(&d.as_str()) {
                wrong.push(format!("{krate} may not depend on {d}"));
            }
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
}

#[test]
fn the_ledger_does_not_reach_ingest_even_indirectly() {
    let graph = workspace_graph();
    let mut seen = vec!["claimtrail-ledger".to_string()];
    let mut i = 0;
    while i < seen.len() {
        for d in graph.get(&seen[i]).into_iter().flatten() {
            if !seen.contains(d) {
                seen.push(d.clone());
            }
        }
        i += 1;
    }
    assert!(!seen.iter().any(|c| c == "claimtrail-ingest"), "{seen:?}");
}
