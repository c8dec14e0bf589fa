"""The knowledge base of isassist: classification lists, materials, MAESTRI exchanges.

``get_knowledge()`` is what the rest of the program calls: the knowledge base of the process's
composition root (``isassist.root``, which sits above this package and so injects it through
``isassist.provided``), else knowledge/ loaded once per process, from a validated cache when
nothing changed. ``load_knowledge(root)`` loads another folder (an expert's edited copy, a
test's temp dir). Look-ups live in ``isassist.knowledge.lookup``.
"""

from __future__ import annotations

import threading
from importlib import import_module
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from isassist.knowledge.base import Knowledge
    from isassist.knowledge.codes import CodeError, cas_check_digit_ok
    from isassist.knowledge.loader import KnowledgeError
    from isassist.knowledge.models import (
        Case,
        CasSubstance,
        CpaItem,
        Density,
        EwcItem,
        Exchange,
        Family,
        GlossaryEntry,
        NaceItem,
        NaceTerm,
        Postcode,
        SectorMapEntry,
        Term,
        WasteOperation,
    )

_MODELS = [
    "Case",
    "CasSubstance",
    "CpaItem",
    "Density",
    "EwcItem",
    "Exchange",
    "Family",
    "GlossaryEntry",
    "NaceItem",
    "NaceTerm",
    "Postcode",
    "SectorMapEntry",
    "Term",
    "WasteOperation",
]
_HOME = {
    "Knowledge": "base",
    "CodeError": "codes",
    "cas_check_digit_ok": "codes",
    "KnowledgeError": "loader",
    "read_knowledge": "loader",
    **dict.fromkeys(_MODELS, "models"),
}


def __getattr__(name: str) -> Any:
    """The package's names are imported on first use, not with the package: a code shown
    with its asterisk (``knowledge.codes``) must not cost ``isassist classify`` the record
    models (pydantic) nor the loader (YAML, CSV readers)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(import_module(f"isassist.knowledge.{module}"), name)


__all__ = [
    "CasSubstance",
    "Case",
    "CodeError",
    "CpaItem",
    "Density",
    "EwcItem",
    "Exchange",
    "Family",
    "GlossaryEntry",
    "Knowledge",
    "KnowledgeError",
    "NaceItem",
    "NaceTerm",
    "Postcode",
    "SectorMapEntry",
    "Term",
    "WasteOperation",
    "cas_check_digit_ok",
    "get_knowledge",
    "installed_knowledge",
    "load_knowledge",
]

_loaded: Knowledge | None = None
_LOADING = threading.RLock()


def load_knowledge(root: Path | None = None, *, use_cache: bool = True) -> Knowledge:
    """Load and validate ``root`` (default: the knowledge/ folder isassist ships with).

    A cache hit reads no file and imports no reader (YAML, CSV, the record validators): the
    loader module is imported only to read the files."""
    if root is None:
        from isassist.paths import data_dir

        root = data_dir("knowledge")
    if not root.is_dir():
        from isassist.knowledge.loader import KnowledgeError

        raise KnowledgeError(f"{root}: not a folder holding the knowledge files")
    from isassist.knowledge.cache import cache_path, read_cache, write_cache

    path = cache_path(root) if use_cache else None
    cached = read_cache(path) if path is not None else None
    if cached is not None:
        return cached
    from isassist.knowledge.loader import read_knowledge

    knowledge = read_knowledge(root)
    if path is not None:
        write_cache(path, knowledge)
    return knowledge


def installed_knowledge() -> Knowledge:
    """The knowledge/ folder isassist ships with, loaded once per process on first use (the
    TUI's warm-up thread and an early answer may both ask: the second waits for the first)."""
    global _loaded
    with _LOADING:
        if _loaded is None:
            _loaded = load_knowledge()
        return _loaded


def get_knowledge() -> Knowledge:
    """The process's knowledge base: its composition root's, else the installed one. Library
    code handed no knowledge base calls this, so a substituted one reaches it too."""
    from isassist.knowledge.base import Knowledge
    from isassist.provided import provided

    found = provided("knowledge")
    return found if isinstance(found, Knowledge) else installed_knowledge()
