"""Pickled copies of data that is slow to build, kept in the user's cache folder.

A command should not validate twenty thousand knowledge records, index every EWC text or
re-read every rule file each time it starts: built once, the result is pickled and read back
in a fraction of the time. Each copy is keyed by a hash of the *content* it was built from (the
data files and the source code that builds it), so an edit to either rebuilds it, also when a
checkout keeps old modification times. Any unreadable, truncated or foreign file is ignored
and replaced: a cache only ever costs speed, never correctness.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TypeVar

from isassist import __version__

T = TypeVar("T")


def cache_dir() -> Path:
    """``ISASSIST_CACHE_DIR`` when set (tests use it), else the per-user cache folder."""
    override = os.environ.get("ISASSIST_CACHE_DIR")
    if override:
        return Path(override)
    import platformdirs  # only when no folder is given: it costs an import at start-up

    return Path(platformdirs.user_cache_dir("isassist"))


def content_key(salt: str, folders: Iterable[tuple[Path, Iterable[str]]]) -> str:
    """A short hash of ``salt``, isassist's version and every file matching the patterns in
    each folder (its path relative to the folder and its bytes)."""
    digest = hashlib.sha256(f"{salt}|{__version__}".encode())
    for folder, patterns in folders:
        files = sorted({p for pattern in patterns for p in folder.glob(pattern) if p.is_file()})
        for path in files:
            digest.update(f"|{path.relative_to(folder).as_posix()}|".encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cache_file(name: str, key: str) -> Path:
    return cache_dir() / f"{name}-{key}.pickle"


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """Unpickling (or importing) creates millions of objects; the garbage collector, triggered
    every few hundred allocations, would scan them again and again (unpickling 3-4x slower,
    measured). They live as long as the process, so they are then frozen out of later
    collections too, which would otherwise scan them all during the next file read or
    answer."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        if enabled:
            gc.enable()


def read_cached(path: Path, kind: type[T]) -> T | None:
    """The object pickled at ``path``, or None when absent, corrupt or not a ``kind``."""
    try:
        with path.open("rb") as handle, collector_paused():
            loaded = pickle.load(handle)
    except Exception:  # missing, truncated, or pickled by another version: rebuild
        return None
    return loaded if isinstance(loaded, kind) else None


def write_cached(path: Path, value: object) -> None:
    """Write atomically and drop older copies of the same name; a read-only or full disk
    only costs speed."""
    name = path.name.rsplit("-", 1)[0]
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        for stale in path.parent.glob(f"{name}-*.pickle"):
            if stale != path:
                with contextlib.suppress(OSError):
                    stale.unlink()
        handle, temp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
        try:
            with os.fdopen(handle, "wb") as out:
                pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
            os.replace(temp, path)
        except BaseException:
            with contextlib.suppress(OSError):
                os.unlink(temp)
            raise
    except (OSError, pickle.PicklingError):
        return
