//! Helpers shared by the CLI's integration tests.
#![allow(dead_code)] // each test file uses its own part

use std::path::Path;
use std::process::Output;

/// The standard output of a run that must have succeeded (its standard
/// error in the failure message otherwise).
pub fn stdout_ok(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout.clone()).unwrap()
}

/// Every row of every table, as sorted text, leaving out when rows were added.
pub fn dump(db: &Path) -> Vec<String> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut out = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns: Vec<String> = stmt.column_names().map(str::to_string).collect();
        let mut rows: Vec<String> = stmt
            .query_map([], |r| {
                let mut row = table.clone();
                for (i, c) in columns.iter().enumerate() {
                    if c == "added_at" || c == "made_at" {
                        continue;
                    }
                    let v: rusqlite::types::Value = r.get(i)?;
                    row += &format!(" {c}={v:?}");
                }
                Ok(row)
            })
            .unwrap()
            .collect::<Result<_, _>>()
            .unwrap();
        rows.sort();
        out.extend(rows);
    }
    out
}
