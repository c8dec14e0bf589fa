"""A pickled copy of the validated knowledge base, so a command starts in milliseconds.

Validating twenty thousand records takes most of a second; a user waiting for `isassist lookup`
should not pay that on every call. The copy is keyed by the content of the knowledge files and
of this package's source (plus a format version), so editing any of them rebuilds it, and any
unreadable or foreign cache file is simply ignored and replaced (``isassist.cachefile``).
"""

from __future__ import annotations

from pathlib import Path

from isassist.cachefile import cache_dir, cache_file, content_key, read_cached, write_cached
from isassist.knowledge.base import Knowledge

__all__ = ["cache_dir", "cache_path", "read_cache", "write_cache"]

# Bump when the Knowledge layout changes in a way the source hash cannot see.
CACHE_FORMAT = 3

_SOURCE = Path(__file__).resolve().parent


def cache_path(root: Path) -> Path:
    key = content_key(
        f"knowledge|{CACHE_FORMAT}|{root.resolve()}",
        [(root, ("**/*.csv", "**/*.yaml", "**/*.yml")), (_SOURCE, ("*.py",))],
    )
    return cache_file("knowledge", key)


def read_cache(path: Path) -> Knowledge | None:
    """The cached knowledge, or None when absent, corrupt or of another layout."""
    return read_cached(path, Knowledge)


def write_cache(path: Path, knowledge: Knowledge) -> None:
    """Write atomically; a read-only or full disk only costs speed, never correctness."""
    write_cached(path, knowledge)
