"""Type stubs of the extension module `claimtrail._claimtrail` (the Rust engine)."""

import datetime
import os
from types import TracebackType
from typing import Any, Iterable, Mapping, Optional, Union, final

__all__ = ["analyze", "Ledger", "ClaimtrailError", "LedgerError", "SCHEMA_VERSION", "__version__"]

__version__: str
SCHEMA_VERSION: int

#: A publication or statement date: a date (or datetime, or pandas Timestamp)
#: or a string ``YYYY-MM-DD`` or RFC 3339.
_DateLike = Union[datetime.date, str]

#: One article analysed: the JSON of ``claimtrail analyze --format json``
#: (``schema_version``, ``document``, ``entities``, ``timexes``,
#: ``quantities``, ``quotes``, ``attributions``, ``claims``); see
#: docs/json-schema.md.
_Article = dict[str, Any]

class ClaimtrailError(Exception):
    """An error of the claimtrail engine; the message says what and why."""

class LedgerError(ClaimtrailError):
    """The ledger cannot be opened, read or written (the message names the file and the reason)."""

def analyze(
    text: str,
    published: Optional[_DateLike] = None,
    title: Optional[str] = None,
    url: Optional[str] = None,
    source: Optional[str] = None,
    *,
    include_text: bool = False,
) -> _Article:
    """Analyse one article and return what ``claimtrail analyze --format json`` prints.

    ``published`` anchors relative dates ("on Tuesday"); ``title``, ``url``
    (kept when http(s)) and ``source`` (the outlet) go into ``document``;
    ``include_text`` adds ``document.text``, the text the character offsets
    point into.

    Raises ``ValueError`` for text the engine refuses (empty, binary, over
    10 MB) or a bad date, ``TypeError`` for arguments of the wrong type.
    """

@final
class Ledger:
    """A claim ledger in a SQLite file (created when missing unless ``create=False``;
    ``":memory:"`` keeps it in memory) or on a PostgreSQL server (a
    ``postgresql://user@host:port/db`` URL). A context manager that closes the ledger."""

    def __new__(cls, path: Union[str, os.PathLike[str]], *, create: bool = True) -> "Ledger": ...
    @property
    def path(self) -> str:
        """The path the ledger was opened with."""
    def ingest(
        self,
        articles: Union[str, Iterable[Mapping[str, Any]]],
        published: Optional[_DateLike] = None,
        title: Optional[str] = None,
        url: Optional[str] = None,
        source: Optional[str] = None,
    ) -> dict[str, Any]:
        """Analyse articles and store them with their claims.

        ``articles`` is one text, or dicts with ``text`` and optional
        ``published``, ``title``, ``url``, ``source`` (a record's own values
        win over the keyword arguments). Returns ``{"documents", "added",
        "already_present", "claims", "ids"}``.
        """
    def claims(
        self,
        *,
        speaker: Optional[str] = None,
        entity: Optional[str] = None,
        stance: Optional[str] = None,
        since: Optional[_DateLike] = None,
        until: Optional[_DateLike] = None,
        text: Optional[str] = None,
        limit: Optional[int] = None,
        offset: int = 0,
    ) -> list[dict[str, Any]]:
        """Claims matching every filter given, by statement date (``claimtrail claims --format json``)."""
    def timeline(self, name: str) -> list[dict[str, Any]]:
        """The claims by or about an entity whose name contains ``name``, in date order."""
    def story(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Propositions about ``query`` across sources (``claimtrail story --format json``)."""
    def figures(self, query: str, limit: int = 20) -> list[dict[str, Any]]:
        """Figure series of those propositions (``claimtrail figures --format json``)."""
    def sources(self, query: str, limit: int = 20) -> dict[str, Any]:
        """Who said what, by speaker, and the independent reports (``claimtrail sources --format json``)."""
    def stats(self) -> dict[str, int]:
        """How many ``documents``, ``claims`` and ``entities`` the ledger holds."""
    def close(self) -> None:
        """Close the ledger; using it afterwards raises ``LedgerError``."""
    def __enter__(self) -> "Ledger": ...
    def __exit__(
        self,
        exc_type: Optional[type[BaseException]],
        exc: Optional[BaseException],
        tb: Optional[TracebackType],
    ) -> bool: ...
