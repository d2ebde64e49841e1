"""Shared fixtures: the repository's seed article and its expected facts."""

import json
import os
import pathlib
import shutil

import pytest

REPO = pathlib.Path(__file__).resolve().parents[2]
SEED = REPO / "data" / "seed"
SEED_DATE = "2024-10-20"


@pytest.fixture(scope="session")
def seed_text() -> str:
    return (SEED / "zelenskyy-north-korea-address.txt").read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def expected() -> dict:
    return json.loads((SEED / "expected.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def cli() -> str:
    """The claimtrail binary named by CLAIMTRAIL_BIN (scripts/test sets it to the
    one `cargo test` has just built), or skip: an old binary left in target/
    would compare this package with another version of the engine."""
    binary = os.environ.get("CLAIMTRAIL_BIN")
    if not binary or shutil.which(binary) is None:
        pytest.skip("no CLI to compare with (set CLAIMTRAIL_BIN to a claimtrail binary)")
    return binary


def matches(expected_claim: dict, claim: dict) -> bool:
    """Whether `claim` is the claim expected.json describes (as in crates/extract/tests/seed.rs)."""
    return (
        claim["speaker_name"] == expected_claim["speaker"]
        and claim["stance"] == expected_claim["stance"]
        and ("stated" not in expected_claim or claim["stated"] == expected_claim["stated"])
        and (
            "quantity" not in expected_claim
            or any(q["value"] == expected_claim["quantity"] for q in claim["quantities"])
        )
        and all(m in claim["text"] for m in expected_claim.get("mentions_all", []))
    )
