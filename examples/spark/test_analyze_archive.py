"""The Spark job on pyspark in local[2] mode gives the same ledger as a
direct `claimtrail ingest` of the same files (run by examples/spark/run-test).

The corpus: the repository's multi-source stories (JSON Lines: several
outlets, syndicated copies, revised figures) and a WARC archive written here,
of our own words, in plain and gzipped form.
"""

import gzip
import os
import sqlite3
import subprocess
import sys

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
JOB = os.path.join(HERE, "analyze_archive.py")
BIN = os.environ.get("CLAIMTRAIL_BIN", os.path.join(ROOT, "target", "debug", "claimtrail"))
PUBLISHED = "2024-10-20"

PAGES = [
    ("https://harbour.example/news/strike-day-one", "2024-05-02",
     "Dock workers walk out at Port Calden",
     "Dock workers at Port Calden walked out on Thursday, the union said. "
     "\u201cWe will stay out until the pay offer improves,\u201d union secretary Mara Elling told reporters. "
     "The port authority said 14 ships were waiting to unload."),
    ("https://harbour.example/news/strike-day-two", "2024-05-03",
     "Port Calden queue grows",
     "The port authority said on Friday that 21 ships were now waiting outside Port Calden. "
     "Union secretary Mara Elling said talks had not resumed. "
     "Harbour master Ines Oduya declined to say when the queue would clear."),
    ("https://coast-wire.example/calden", "2024-05-03",
     "Calden strike: ships wait",
     "The port authority said on Friday that 21 ships were now waiting outside Port Calden. "
     "Union secretary Mara Elling said talks had not resumed. "
     "Harbour master Ines Oduya declined to say when the queue would clear. Coast Wire"),
]


def warc_record(n, url, date, title, text):
    html = (f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>"
            + "".join(f"<p>{s}.</p>" for s in text.rstrip(".").split(". "))
            + "</article></body></html>").encode("utf-8")
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\n"
            f"WARC-Date: {date}T09:00:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-00000000000{n}>\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n")
    return head.encode("ascii") + http + b"\r\n\r\n"


def write_corpus(dir):
    """The input files, in the order both ingests read them."""
    stories = os.path.join(ROOT, "data", "multisource")
    files = [os.path.join(stories, s, "articles.jsonl") for s in ("drone-attack", "north-korea-troops")]
    records = [warc_record(n, *page) for n, page in enumerate(PAGES)]
    plain = os.path.join(dir, "harbour.warc")
    with open(plain, "wb") as f:
        f.write(b"".join(records[:2]))
    gzipped = os.path.join(dir, "coast.warc.gz")
    with open(gzipped, "wb") as f:
        for r in records[2:]:
            f.write(gzip.compress(r))
    # A good record among lines claimtrail reports and skips.
    mixed = os.path.join(dir, "mixed.jsonl")
    good = '{"text": "The council said on Monday that the ferry would run again.", "published": "2024-06-03"}'
    with open(mixed, "w", encoding="utf-8") as f:
        f.write("\n".join([good, "{broken", "", '{"title": "no text"}']) + "\n")
    return files + [plain, mixed, gzipped]


def dump(db):
    """Every row of every table, sorted, leaving out when rows were added
    (as crates/cli/tests/common dumps a ledger)."""
    conn = sqlite3.connect(db)
    tables = [r[0] for r in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE '%fts%' ORDER BY name")]
    rows = []
    for t in tables:
        cur = conn.execute(f'SELECT * FROM "{t}"')
        cols = [c[0] for c in cur.description]
        rows += sorted(t + "".join(f" {c}={v!r}" for c, v in zip(cols, r) if c not in ("added_at", "made_at"))
                       for r in cur)
    conn.close()
    return rows


def run(cmd, code=0, **kw):
    done = subprocess.run(cmd, capture_output=True, text=True, **kw)
    assert done.returncode == code, f"{cmd[:3]} exited {done.returncode}:\n{done.stderr[-4000:]}"
    return done


def test_local_spark_job_gives_the_ledger_of_a_direct_ingest(tmp_path):
    files = write_corpus(str(tmp_path))
    env = dict(os.environ, CLAIMTRAIL_NOW="2026-12-06")
    direct = str(tmp_path / "direct.db")
    done = run([BIN, "ingest", "--jobs", "1", "--published", PUBLISHED, *files, "--db", direct], code=1, env=env)
    assert "mixed.jsonl:2: not valid JSON" in done.stderr and " 2 failed" in done.stderr, done.stderr

    spark_db = str(tmp_path / "spark.db")
    out = str(tmp_path / "analysis")
    submit = os.path.join(os.path.dirname(sys.executable), "spark-submit")
    done = run([submit, "--master", "local[2]", "--conf", f"spark.claimtrail.bin={BIN}", JOB,
                "--input", *files, "--output", out, "--db", spark_db, "--published", PUBLISHED], env=env)
    # spark-submit relays the driver's stderr on its stdout. The bad lines
    # were reported by the executors' claimtrail analyze, which stored nothing.
    log = done.stdout + done.stderr
    assert "<stdin>:" in log and "not valid JSON" in log and " 0 failed" in log, log[-4000:]

    a, b = dump(direct), dump(spark_db)
    documents = [r for r in a if r.startswith("documents ")]
    assert len(documents) >= 12
    # The WARC records kept their archive's name and record number.
    assert any(f"path='{files[2]}#" in r for r in documents)
    assert any(f"path='{files[4]}#" in r for r in documents)
    assert any(f"path='{files[3]}:1'" in r for r in documents)
    assert a == b
    # The job's output folder is itself a valid --analyzed input.
    again = str(tmp_path / "again.db")
    run([BIN, "ingest", "--analyzed", out, "--db", again], env=env)
    assert dump(again) == a


if __name__ == "__main__":
    sys.exit(pytest.main([__file__, "-q"]))
