"""The validated rule base and its compiled engine, pickled in the cache folder so a start
skips reading the YAML and compiling the rules.

Parsing, bounding and validating every rule file takes a few hundred milliseconds, all of it
before the TUI's engine can be ready. The copy is keyed by the content of the rule files and
of the source that reads and validates them (this package, the fact vocabulary, the YAML
reader, the bilingual text model); only a rule base that loaded without problems is written,
so a broken edit is always reported from the files themselves. The engine's copy is keyed by
the rule base's version and this package's source; durable registers its rulesets again
from the compiled definitions when it is read (a tenth of the compiling).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import Protocol, TypeVar

from isassist import facts, lang
from isassist.cachefile import cache_file, content_key, read_cached, write_cached
from isassist.rules.loader import RuleBase, RuleBaseError, load_rulebase


class _Engine(Protocol):
    """What the cache needs of the engine (``isassist.rules.engine.RuleEngine``, which
    imports this module, not the other way round)."""

    def with_rulebase(self, rulebase: RuleBase) -> _Engine: ...


E = TypeVar("E", bound=_Engine)

_SOURCE = Path(__file__).resolve().parent
_SHARED = tuple(
    Path(name or "").resolve()
    for name in (
        facts.__file__,
        lang.__file__,
        getattr(find_spec("isassist.yamlfile"), "origin", None),  # found, not imported
    )
)


def rulebase_cache_path(directory: Path) -> Path:
    key = content_key(
        f"rulebase|{directory.resolve()}",
        [(directory, ("*.yaml",)), (_SOURCE, ("*.py",))]
        + [(path.parent, (path.name,)) for path in _SHARED],
    )
    return cache_file("rulebase", key)


def cached_rulebase(directory: Path) -> RuleBase:
    """``load_rulebase(directory)``, read from the cache when nothing changed."""
    path = rulebase_cache_path(directory)
    cached = read_cached(path, RuleBase)
    if cached is not None and cached.directory == directory:
        return cached
    rulebase = load_rulebase(directory)
    _ = rulebase.version  # hashed now, so the cached copy carries it
    write_cached(path, rulebase)
    return rulebase


def engine_cache_path(directory: Path) -> Path:
    """Where the engine compiled from the rules in ``directory`` is cached: keyed like the
    rule base (the rule files and this package's source), so it is found without loading
    the rule base."""
    key = content_key(
        f"engine|{directory.resolve()}",
        [(directory, ("*.yaml",)), (_SOURCE, ("*.py",))]
        + [(path.parent, (path.name,)) for path in _SHARED],
    )
    return cache_file("engine", key)


def folder_engine_from_cache(directory: Path, kind: type[E]) -> E | None:
    """The engine (a ``kind``) cached for the rules in ``directory`` as they are now, or
    None."""
    try:
        return read_cached(engine_cache_path(directory), kind)
    except OSError:  # the folder cannot be read: compile from the files, which says why
        return None


def cached_engine(rulebase: RuleBase, build: Callable[[RuleBase], E], kind: type[E]) -> E:
    """``build(rulebase)``, read from the cache when one was built from this rule base by
    this source. Only the installed rules' engine is cached (the one a start needs; one copy
    per name is kept, so another folder's would replace it); a rule base that is not what
    the folder holds (changed in memory by a test) is compiled, and cached only when it is."""
    if not _installed(rulebase.directory):
        return build(rulebase)
    cached = folder_engine_from_cache(rulebase.directory, kind)
    if cached is not None:
        try:
            cached.with_rulebase(rulebase)
        except ValueError:
            pass
        else:
            return cached
    engine = build(rulebase)
    with contextlib.suppress(OSError, RuleBaseError):
        if cached_rulebase(rulebase.directory).version == rulebase.version:
            write_cached(engine_cache_path(rulebase.directory), engine)
    return engine


def _installed(directory: Path) -> bool:
    from isassist.paths import data_dir

    try:
        return directory.resolve() == data_dir("rules").resolve()
    except OSError:
        return False
