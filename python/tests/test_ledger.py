"""claimtrail.Ledger: ingest articles and ask the ledger, from Python."""

import json
import subprocess
import warnings

import pytest

import claimtrail
from conftest import REPO, SEED_DATE, matches


@pytest.fixture
def ledger(tmp_path, seed_text):
    with claimtrail.Ledger(tmp_path / "ledger.db") as ledger:
        ledger.ingest(seed_text, published=SEED_DATE, source="President of Ukraine")
        yield ledger


def wikinews() -> list:
    lines = (REPO / "samples" / "wikinews.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_ingest_stores_the_claims_once(tmp_path, seed_text):
    analysed = claimtrail.analyze(seed_text, published=SEED_DATE)
    with claimtrail.Ledger(tmp_path / "l.db") as ledger:
        first = ledger.ingest(seed_text, published=SEED_DATE)
        again = ledger.ingest(seed_text, published=SEED_DATE)
        assert first == {
            "documents": 1,
            "added": 1,
            "already_present": 0,
            "claims": len(analysed["claims"]),
            "ids": [analysed["document"]["id"]],
        }
        assert (again["added"], again["already_present"], again["claims"]) == (0, 1, 0)
        assert ledger.stats()["claims"] == len(analysed["claims"])


def test_claims_filters(ledger, expected):
    austin = ledger.claims(speaker="Austin", stance="cannot_confirm")
    assert len(austin) == 1
    assert matches(next(c for c in expected["claims"] if c["speaker"] == "Lloyd Austin"), austin[0])
    assert austin[0]["document"]["outlet"] == "President of Ukraine"
    since = ledger.claims(entity="North Korea", since="2024-10-14")
    assert since and all(c["stated"] >= "2024-10-14" for c in since)
    until = ledger.claims(entity="North Korea", until="2024-10-13")
    assert until and all(c["stated"] <= "2024-10-13" for c in until)
    assert {c["id"] for c in since}.isdisjoint(c["id"] for c in until)
    assert len(ledger.claims(limit=2)) == 2
    assert ledger.claims(text="Shahed")
    assert ledger.claims(speaker="nobody of that name") == []


def test_bad_filters_raise(ledger):
    with pytest.raises(ValueError, match="cannot_confirm"):
        ledger.claims(stance="doubts")
    with pytest.raises(ValueError, match="since"):
        ledger.claims(since="last week")
    with pytest.raises(TypeError):
        ledger.claims(speakr="Austin")


def test_story_and_figures(ledger, expected):
    story = ledger.story("North Korea")
    assert story and all(p["claims"] and p["gist"] for p in story)
    roles = {c["role"] for p in story for c in p["claims"]}
    assert "withholds" in roles, roles  # Austin could not confirm
    figures = ledger.figures("North Korea")
    points = {(p["value"], p["stated"]) for s in figures for p in s["points"]}
    for value, stated in expected["links"][0]["figures_over_time"]:
        assert (value, stated) in points, points
    assert ledger.timeline("Budanov")
    assert ledger.sources("North Korea")["speakers"]


def test_ingest_a_list_of_records(tmp_path):
    records = wikinews()
    with claimtrail.Ledger(tmp_path / "w.db") as ledger:
        summary = ledger.ingest(records)
        assert (summary["documents"], summary["added"]) == (len(records), len(records))
        stored = {c["document"]["title"]: c["document"] for c in ledger.claims()}
    for r in records:
        if r["title"] in stored:
            doc = stored[r["title"]]
            assert (doc["published"], doc["url"], doc["outlet"]) == (r["published"], r["url"], r["source"])
    assert stored


def test_a_bad_record_stores_nothing(tmp_path):
    records = wikinews()[:2] + [{"title": "no text"}]
    with claimtrail.Ledger(tmp_path / "b.db") as ledger:
        with pytest.raises(ValueError, match="article 3: missing \"text\""):
            ledger.ingest(records)
        with pytest.raises(TypeError, match="article 1"):
            ledger.ingest(["a string, not a dict"])
        assert ledger.stats()["documents"] == 0


def test_an_impossible_record_date_is_dropped_with_a_warning(tmp_path, monkeypatch):
    monkeypatch.setenv("CLAIMTRAIL_NOW", "2024-10-21")
    record = {"text": "The mayor said on Tuesday that the bridge would reopen.", "published": "0001-01-01"}
    with claimtrail.Ledger(tmp_path / "d.db") as ledger:
        with pytest.warns(UserWarning, match="0001-01-01"):
            ledger.ingest([record], published="2024-10-20")
        (claim,) = ledger.claims()
    # The default date fills in, as --published does for the CLI.
    assert claim["document"]["published"] == "2024-10-20"


def test_reopen_close_and_errors(tmp_path, seed_text):
    path = tmp_path / "r.db"
    with claimtrail.Ledger(str(path)) as ledger:
        ledger.ingest(seed_text, published=SEED_DATE)
        count = ledger.stats()["claims"]
    with pytest.raises(claimtrail.LedgerError, match="closed"):
        ledger.claims()
    reopened = claimtrail.Ledger(path, create=False)
    assert reopened.stats()["claims"] == count
    reopened.close()
    with pytest.raises(FileNotFoundError, match="no such ledger"):
        claimtrail.Ledger(tmp_path / "missing.db", create=False)
    with pytest.raises(claimtrail.LedgerError, match="folder"):
        claimtrail.Ledger(tmp_path)
    (tmp_path / "not.db").write_text("this is not a database" * 100)
    with pytest.raises(claimtrail.LedgerError, match="not.db"):
        claimtrail.Ledger(tmp_path / "not.db")
    assert issubclass(claimtrail.LedgerError, claimtrail.ClaimtrailError)


def test_in_memory_ledger(seed_text):
    with claimtrail.Ledger(":memory:") as ledger:
        assert ledger.ingest(seed_text, published=SEED_DATE)["added"] == 1
        assert ledger.claims(speaker="Budanov")


def test_the_cli_reads_what_python_stored(tmp_path, seed_text, cli):
    path = tmp_path / "c.db"
    with claimtrail.Ledger(path) as ledger:
        ledger.ingest(seed_text, published=SEED_DATE)
        ledger.ingest(wikinews())
        from_python = ledger.claims(entity="North Korea")
    out = subprocess.run(
        [cli, "claims", "--db", str(path), "--entity", "North Korea", "--format", "json", "--limit", "10000"],
        check=True,
        capture_output=True,
        text=True,
    )
    assert from_python and json.loads(out.stdout) == from_python


def fresh_postgres_database():
    """A new database on the test server (CLAIMTRAIL_TEST_PG, which scripts/test
    starts), or a skip naming what is missing."""
    import os
    import shutil
    import uuid

    server = os.environ.get("CLAIMTRAIL_TEST_PG")
    if not server:
        pytest.skip("no PostgreSQL test server (CLAIMTRAIL_TEST_PG is not set)")
    if not shutil.which("psql"):
        pytest.skip("no psql to create a test database")
    name = "py_" + uuid.uuid4().hex[:12]
    subprocess.run(["psql", "-q", server, "-c", f"CREATE DATABASE {name}"], check=True)
    return server.rsplit("/", 1)[0] + "/" + name


def test_a_postgresql_ledger_holds_the_same_claims_as_sqlite(tmp_path):
    url = fresh_postgres_database()
    records = wikinews()
    with claimtrail.Ledger(tmp_path / "same.db") as lite, claimtrail.Ledger(url) as pg:
        assert lite.ingest(records)["added"] == pg.ingest(records)["added"] == len(records)
        assert pg.ingest(records)["already_present"] == len(records)
        assert pg.claims() == lite.claims()
        assert pg.stats() == lite.stats()
        speaker = lite.claims()[0]["speaker_name"]
        assert pg.claims(speaker=speaker) == lite.claims(speaker=speaker)
