"""Searching a list as one types: every word typed must occur in the entry, in any case or
accent ("klok brouw" finds "Brouwerij De Klok")."""

from __future__ import annotations

import unicodedata


def _plain(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().casefold()


def matches(query: str, *fields: str | None) -> bool:
    """True when every word of ``query`` is in one of ``fields`` (an empty query matches)."""
    haystack = " ".join(_plain(f) for f in fields if f)
    return all(word in haystack for word in _plain(query).split())
