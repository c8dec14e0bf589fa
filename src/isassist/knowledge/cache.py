"""A pickled copy of the validated knowledge base, so a command starts in milliseconds.

Validating twenty thousand records takes most of a second; a user waiting for `isassist lookup`
should not pay that on every call. The cache is keyed by the paths, sizes and modification
times of the knowledge files (plus a format version), so editing any file rebuilds it, and any
unreadable or foreign cache file is simply ignored and replaced.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import tempfile
from pathlib import Path

import platformdirs

from isassist import __version__
from isassist.knowledge.base import Knowledge

# Bump when the models or the Knowledge layout change: old pickles then stop matching.
CACHE_FORMAT = 2


def cache_dir() -> Path:
    """``ISASSIST_CACHE_DIR`` when set (tests use it), else the per-user cache folder."""
    override = os.environ.get("ISASSIST_CACHE_DIR")
    return Path(override) if override else Path(platformdirs.user_cache_dir("isassist"))


def knowledge_files(root: Path) -> list[Path]:
    return sorted(
        p for p in root.rglob("*") if p.is_file() and p.suffix in {".csv", ".yaml", ".yml"}
    )


def cache_key(root: Path) -> str:
    digest = hashlib.sha256(f"{CACHE_FORMAT}|{__version__}|{root.resolve()}".encode())
    for path in knowledge_files(root):
        stat = path.stat()
        digest.update(
            f"|{path.relative_to(root).as_posix()}:{stat.st_size}:{stat.st_mtime_ns}".encode()
        )
    return digest.hexdigest()[:24]


def cache_path(root: Path) -> Path:
    return cache_dir() / f"knowledge-{cache_key(root)}.pickle"


def read_cache(path: Path) -> Knowledge | None:
    """The cached knowledge, or None when absent, corrupt or of another layout."""
    try:
        with path.open("rb") as handle:
            loaded = pickle.load(handle)
    except FileNotFoundError:
        return None
    except Exception:  # a truncated or foreign file: rebuild rather than fail
        return None
    return loaded if isinstance(loaded, Knowledge) else None


def write_cache(path: Path, knowledge: Knowledge) -> None:
    """Write atomically; a read-only or full disk only costs speed, never correctness."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob("knowledge-*.pickle"):
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        with os.fdopen(handle, "wb") as out:
            pickle.dump(knowledge, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        return
