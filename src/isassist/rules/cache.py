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

from collections.abc import Callable
from importlib.util import find_spec
from pathlib import Path
from typing import TYPE_CHECKING

from isassist import facts, lang
from isassist.cachefile import cache_file, content_key, read_cached, write_cached
from isassist.rules.loader import RuleBase, load_rulebase

if TYPE_CHECKING:
    from isassist.rules.engine import RuleEngine

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


def cached_engine(rulebase: RuleBase, build: Callable[[RuleBase], RuleEngine]) -> RuleEngine:
    """``build(rulebase)``, read from the cache when one was built from this rule base
    version by this source. Only the installed rules and an expert's edited folder are
    cached (a rule base made in memory by a test has no folder of its own)."""
    from isassist.rules.engine import RuleEngine

    if not rulebase.directory.is_dir():
        return build(rulebase)
    path = cache_file("engine", content_key(f"engine|{rulebase.version}", [(_SOURCE, ("*.py",))]))
    cached = read_cached(path, RuleEngine)
    if cached is not None:
        try:
            return cached.with_rulebase(rulebase)
        except ValueError:
            pass
    engine = build(rulebase)
    write_cached(path, engine)
    return engine
