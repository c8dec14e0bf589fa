"""JSON as RFC 8259 defines it, for files and lines a user hands in.

Python's ``json`` accepts ``NaN``, ``Infinity`` and ``1e999`` (which becomes inf), numbers of
thousands of digits (slow to convert, refused past 4,300 digits with a ValueError), and
nesting deep enough to raise RecursionError. Each of those later broke something (an amount
that is inf, output that is not JSON). ``loads_strict`` refuses them all with a ValueError
whose message says what was found, so every door reports them the same way.
"""

from __future__ import annotations

import json
import math
from typing import Any

MAX_INT_DIGITS = 30
"""Longest integer accepted (an id or an amount never needs more)."""


class StrictJsonError(ValueError):
    """The text is not strict JSON; the message says why (line and column when known)."""


def _refuse_constant(name: str) -> Any:
    raise StrictJsonError(f"{name} is not a number JSON allows")


def _finite(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise StrictJsonError(f"the number {text[:20]} is out of range")
    return value


def _short_int(text: str) -> int:
    if len(text.lstrip("-")) > MAX_INT_DIGITS:
        raise StrictJsonError(f"a number with {len(text)} digits is too long")
    return int(text)


def loads_strict(text: str) -> Any:
    """Parse ``text``: json.JSONDecodeError for syntax errors, StrictJsonError for the rest."""
    try:
        return json.loads(
            text, parse_constant=_refuse_constant, parse_float=_finite, parse_int=_short_int
        )
    except RecursionError:
        raise StrictJsonError("lists and objects are nested too deeply") from None
