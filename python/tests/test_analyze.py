"""claimtrail.analyze: the CLI's JSON, from Python."""

import datetime
import json
import subprocess

import pytest

import claimtrail
from conftest import SEED, SEED_DATE, matches


def test_seed_article_gives_the_expected_claims(seed_text, expected):
    article = claimtrail.analyze(seed_text, published=SEED_DATE)
    missing = [
        c for c in expected["claims"] if not any(matches(c, f) for f in article["claims"])
    ]
    assert not missing, (missing, [(f["speaker_name"], f["stance"], f["text"]) for f in article["claims"]])
    assert article["document"]["published"] == SEED_DATE
    assert article["document"]["source_line"] == expected["document"]["source_line"]
    assert article["schema_version"] == claimtrail.SCHEMA_VERSION


def test_same_json_as_the_cli(seed_text, cli):
    path = SEED / "zelenskyy-north-korea-address.txt"
    out = subprocess.run(
        [cli, "analyze", str(path), "--published", SEED_DATE, "--format", "json", "--quiet"],
        check=True,
        capture_output=True,
        text=True,
    )
    from_cli = json.loads(out.stdout)
    article = claimtrail.analyze(seed_text, published=SEED_DATE)
    # The CLI names the file it read; a string has no file.
    assert from_cli["document"].pop("path").endswith(path.name)
    assert article["document"].pop("path") is None
    assert article == from_cli


def test_offsets_slice_the_python_string(seed_text):
    article = claimtrail.analyze(seed_text, published=SEED_DATE, include_text=True)
    text = article["document"]["text"]
    assert text == seed_text.replace("\r\n", "\n")
    assert article["document"]["chars"] == len(text)
    assert article["claims"]
    for c in article["claims"]:
        assert text[c["sentence_start"] : c["sentence_end"]] == c["sentence"]
    for q in article["quantities"]:
        assert text[q["start"] : q["end"]] == q["text"]
    for e in article["entities"]:
        for m in e["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert "text" not in claimtrail.analyze(seed_text)["document"]


def test_without_a_date_relative_dates_stay_open(seed_text, expected):
    article = claimtrail.analyze(seed_text)
    assert article["document"]["published"] is None
    values = {t["text"]: t["value"] for t in article["timexes"]}
    for t in expected["timexes_without_published"]:
        assert values[t["text"]] == t["value"]


def test_a_date_object_is_the_same_as_its_string(seed_text):
    by_string = claimtrail.analyze(seed_text, published=SEED_DATE)
    by_date = claimtrail.analyze(seed_text, published=datetime.date(2024, 10, 20))
    by_datetime = claimtrail.analyze(seed_text, published=datetime.datetime(2024, 10, 20, 18, 30))
    by_rfc3339 = claimtrail.analyze(seed_text, published="2024-10-20T18:30:00+03:00")
    assert by_string == by_date == by_datetime == by_rfc3339


def test_metadata_goes_into_the_document():
    text = "The minister said on Monday that 300 homes were flooded."
    article = claimtrail.analyze(
        text, published="2023-03-08", title="Floods", url="https://example.org/a", source="Example News"
    )
    doc = article["document"]
    assert (doc["title"], doc["url"], doc["outlet"]) == ("Floods", "https://example.org/a", "Example News")
    assert any(t["value"] == "2023-03-06" for t in article["timexes"]), article["timexes"]
    # Only http(s) URLs are kept, as every reader of the engine does.
    assert claimtrail.analyze(text, url="javascript:alert(1)")["document"]["url"] is None


def test_line_breaks_are_normalised_as_for_a_file(seed_text):
    crlf = claimtrail.analyze(seed_text.replace("\n", "\r\n"), published=SEED_DATE)
    lf = claimtrail.analyze(seed_text, published=SEED_DATE)
    assert crlf == lf


@pytest.mark.parametrize("text", ["", "   \n  "])
def test_empty_text_is_a_value_error(text):
    with pytest.raises(ValueError, match="empty"):
        claimtrail.analyze(text)


def test_binary_text_is_a_value_error():
    with pytest.raises(ValueError, match="binary"):
        claimtrail.analyze("abc\x00\x01\x02\x03" * 20)


@pytest.mark.parametrize("bad", ["20/10/2024", "2024-02-30", "yesterday"])
def test_a_bad_date_is_a_value_error_naming_it(bad):
    with pytest.raises(ValueError, match="published"):
        claimtrail.analyze("The mayor said so.", published=bad)


def test_wrong_types_are_type_errors():
    with pytest.raises(TypeError):
        claimtrail.analyze(b"bytes are not text")
    with pytest.raises(TypeError, match="published"):
        claimtrail.analyze("The mayor said so.", published=20241020)
