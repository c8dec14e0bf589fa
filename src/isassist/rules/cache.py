"""The validated rule base, pickled in the cache folder so a start skips reading the YAML.

Parsing, bounding and validating every rule file takes a few hundred milliseconds, all of it
before the TUI's engine can be ready. The copy is keyed by the content of the rule files and
of the source that reads and validates them (this package, the fact vocabulary, the YAML
reader, the bilingual text model); only a rule base that loaded without problems is written,
so a broken edit is always reported from the files themselves.
"""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path

from isassist import facts, lang
from isassist.cachefile import cache_file, content_key, read_cached, write_cached
from isassist.rules.loader import RuleBase, load_rulebase

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
