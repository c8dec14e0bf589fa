"""The built classifier, pickled in the cache folder so a cold start skips indexing.

Keyed by the content of knowledge/ and of the source that builds the index (this package and
the shared text analysis): a changed term list or scoring change rebuilds it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from isassist import text_analysis
from isassist.cachefile import cache_file, content_key, read_cached, write_cached
from isassist.paths import data_dir

T = TypeVar("T")

_SOURCE = Path(__file__).resolve().parent
_ANALYSIS = Path(text_analysis.__file__).resolve()


def classifier_cache_path(knowledge_root: Path) -> Path:
    key = content_key(
        f"classifier|{knowledge_root.resolve()}",
        [
            (knowledge_root, ("**/*.csv", "**/*.yaml", "**/*.yml")),
            (_SOURCE, ("*.py",)),
            (_ANALYSIS.parent, (_ANALYSIS.name,)),
        ],
    )
    return cache_file("classifier", key)


def cached_classifier(kind: type[T], build: Callable[[], T]) -> T:
    """The classifier over the installed knowledge, from the cache or built (and cached)."""
    path = classifier_cache_path(data_dir("knowledge"))
    cached = read_cached(path, kind)
    if cached is not None:
        return cached
    classifier = build()
    write_cached(path, classifier)
    return classifier
