"""The ``matches`` tests of the rule base, run in Python and remembered per value.

durable's own regex operator missed matches (see ``compiler._pattern_condition``), so each
payload carries a true field per pattern its values match and the rules only test that
field. Every derivation tags every fact again, and most values (stream names, EWC codes,
answer texts) are the same as last time: tagging took a fifth of an interview's rule time
before the results were remembered (measured with cProfile on benchmarks/interview_bench.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import Any

from isassist.rules.compiler import pattern_tag

# distinct (field, value) pairs remembered; an interview has a few hundred
_REMEMBERED = 8192


class PatternTagger:
    """Sets the tag field (``compiler.pattern_tag``) of every pattern a payload matches."""

    def __init__(self, patterns: Iterable[tuple[str, str]]) -> None:
        self._by_field: dict[str, list[tuple[str, re.Pattern[str]]]] = {}
        for fieldname, pattern in sorted(set(patterns)):
            self._by_field.setdefault(fieldname, []).append(
                (pattern_tag(fieldname, pattern), re.compile(pattern, re.IGNORECASE))
            )
        self._tags = lru_cache(maxsize=_REMEMBERED)(self._tags_of)
        self._prepared: list[tuple[str, str]] = []

    def __getstate__(self) -> dict[str, Any]:
        """The patterns and the prepared vocabulary; the remembered tags are worked out
        again when unpickled (the engine cache, ``isassist.rules.cache``)."""
        return {"by_field": self._by_field, "prepared": self._prepared}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._by_field = state["by_field"]
        self._tags = lru_cache(maxsize=_REMEMBERED)(self._tags_of)
        self._prepared = []
        self.prepare(state["prepared"])

    @property
    def fields(self) -> frozenset[str]:
        """The fields some pattern tests."""
        return frozenset(self._by_field)

    def tag(self, payload: dict[str, Any]) -> dict[str, Any]:
        """The payload itself, tagged: a list value matches if any of its items does."""
        for fieldname in self._by_field:
            value = payload.get(fieldname)
            if value is None:
                continue
            for item in value if isinstance(value, list) else [value]:
                for tag in self._tags(fieldname, str(item)):
                    payload[tag] = True
        return payload

    def prepare(self, values: Iterable[tuple[str, str]]) -> None:
        """Work out now the tags of known (field, text) pairs, e.g. the fact vocabulary's
        words: the engine does this when it is built, so its first derivation does not pay
        for them (cold tagging was a fifth of a new engine's first derivation, callgrind)."""
        for fieldname, text in values:
            if fieldname in self._by_field:
                self._tags(fieldname, text)
                self._prepared.append((fieldname, text))

    def _tags_of(self, fieldname: str, text: str) -> tuple[str, ...]:
        return tuple(tag for tag, regex in self._by_field[fieldname] if regex.fullmatch(text))
