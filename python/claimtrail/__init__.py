"""claimtrail: turn news articles into a claim ledger, from Python.

Who said what, when, with which figures, on what evidence, and which other
sources support, dispute or update it. Everything runs offline in the engine
(Rust); results are plain dicts and lists in the documented JSON schema
(docs/json-schema.md in the repository), the same as the command line's
``--format json``.

>>> import claimtrail
>>> article = claimtrail.analyze(text, published="2024-10-20")
>>> [(c["speaker_name"], c["stance"], c["text"]) for c in article["claims"]]

>>> with claimtrail.Ledger("ledger.db") as ledger:
...     ledger.ingest(text, published="2024-10-20", source="Example News")
...     ledger.claims(entity="North Korea", since="2024-10-01")
...     ledger.story("North Korea")
...     ledger.figures("North Korea")
"""

from ._claimtrail import (
    SCHEMA_VERSION,
    ClaimtrailError,
    Ledger,
    LedgerError,
    __version__,
    analyze,
)

__all__ = [
    "SCHEMA_VERSION",
    "ClaimtrailError",
    "Ledger",
    "LedgerError",
    "__version__",
    "analyze",
]
