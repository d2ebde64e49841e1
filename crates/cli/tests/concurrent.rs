//! Ingest under load: `--jobs` does not change the ledger, and several
//! ingests and API writers on one new ledger at once lose nothing.

use std::io::{BufRead, BufReader, Read, Write};
use std::path::Path;
use std::process::{Command, Stdio};

mod common;
use common::dump;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_claimtrail"))
}

const TOWNS: [&str; 6] = [
    "Alderbrook",
    "Kestrel Bay",
    "Millford",
    "Orrin Falls",
    "Dunmere",
    "Ashcombe",
];
const SPEAKERS: [&str; 4] = [
    "Hana Obuya, the utility's chief engineer,",
    "Mayor Teodor Lind",
    "The regional council",
    "Police spokeswoman Ines Carvalho",
];

/// An article of its own words, different for each `(batch, n)`.
fn article(batch: usize, n: usize) -> String {
    let town = TOWNS[(n + batch) % TOWNS.len()];
    let speaker = SPEAKERS[n % SPEAKERS.len()];
    format!(
        "{speaker} said on Tuesday that {homes} homes in {town} had lost power after the storm. \
         \"Crews will work through the night,\" she added. The council disputed the figure, \
         saying about {other} homes were affected in batch {batch}, report {n}.",
        homes = 120 + 17 * n + batch,
        other = 90 + 11 * n,
    )
}

/// Writes `count` articles of batch `batch` as a JSON Lines file and returns its path.
fn corpus(dir: &Path, batch: usize, count: usize) -> std::path::PathBuf {
    let path = dir.join(format!("batch{batch}.jsonl"));
    let lines: Vec<String> = (0..count)
        .map(|n| {
            serde_json::json!({
                "text": article(batch, n),
                "published": format!("2024-05-{:02}", 1 + n % 28),
                "source": format!("Outlet {}", n % 5),
            })
            .to_string()
        })
        .collect();
    std::fs::write(&path, lines.join("\n")).unwrap();
    path
}

fn ingest(paths: &[&Path], db: &Path, jobs: &str) -> std::process::Child {
    bin()
        .arg("ingest")
        .args(paths)
        .args(["--db", db.to_str().unwrap(), "--jobs", jobs])
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

#[test]
fn the_ledger_is_the_same_for_any_number_of_jobs() {
    let dir = tempfile::tempdir().unwrap();
    let a = corpus(dir.path(), 0, 30);
    let b = corpus(dir.path(), 1, 12);
    let mut dumps = Vec::new();
    for jobs in ["1", "3"] {
        let db = dir.path().join(format!("jobs{jobs}.db"));
        let out = ingest(&[&a, &b], &db, jobs).wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(out.status.success(), "{err}");
        assert!(err.contains("added 42 document(s)"), "{err}");
        dumps.push(dump(&db));
    }
    assert!(dumps[0].len() > 100, "{} rows", dumps[0].len());
    assert_eq!(dumps[0], dumps[1]);
}

/// Starts `serve` on a free port with a token; returns the child and its address.
fn serve(db: &Path, token: &str) -> (std::process::Child, String) {
    let mut child = bin()
        .args([
            "serve",
            "--create",
            "--db",
            db.to_str().unwrap(),
            "--bind",
            "127.0.0.1:0",
        ])
        .env("CLAIMTRAIL_TOKEN", token)
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    while stderr.read_line(&mut line).unwrap() > 0 && !line.contains("http://") {
        line.clear();
    }
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .expect("the server prints its address")
        .to_string();
    // Keep draining stderr so that the server never blocks on logging.
    std::thread::spawn(move || std::io::copy(&mut stderr, &mut std::io::sink()));
    (child, addr)
}

/// POSTs one article and returns the HTTP status.
fn post(addr: &str, token: &str, text: &str) -> u16 {
    let body = serde_json::json!({"text": text, "published": "2024-06-02"}).to_string();
    let mut stream = std::net::TcpStream::connect(addr).unwrap();
    write!(
        stream,
        "POST /api/documents HTTP/1.1\r\nHost: {addr}\r\nAuthorization: Bearer {token}\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut reply = String::new();
    stream.read_to_string(&mut reply).unwrap();
    reply
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0)
}

#[test]
fn ingests_and_api_writes_at_once_lose_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("shared.db");
    let token = "concurrency-test-token";
    let (mut server, addr) = serve(&db, token);
    let batches: Vec<_> = (0..3).map(|b| corpus(dir.path(), b, 25)).collect();
    let ingests: Vec<_> = batches.iter().map(|p| ingest(&[p], &db, "2")).collect();
    let posts: Vec<u16> = (0..20)
        .map(|n| post(&addr, token, &article(9, n)))
        .collect();
    for child in ingests {
        let out = child.wait_with_output().unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let _ = server.kill();
    let _ = server.wait();
    assert!(posts.iter().all(|&s| s == 201), "{posts:?}");
    let conn = rusqlite::Connection::open(&db).unwrap();
    let documents: i64 = conn
        .query_row("SELECT COUNT(*) FROM documents", [], |r| r.get(0))
        .unwrap();
    assert_eq!(documents, 3 * 25 + 20);
}
