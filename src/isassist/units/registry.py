"""One pint registry for the whole process, built the first time a conversion is needed.

Importing pint and building its registry costs a noticeable fraction of a second; commands
such as ``isassist classify`` never convert units and must not pay for it.
"""

from __future__ import annotations

from functools import cache
from typing import Any

from isassist.units.vocabulary import UnitKind


@cache
def registry() -> Any:
    """The shared ``pint.UnitRegistry`` (typed ``Any``: pint ships no usable stubs).

    pint parses its definitions file on every build (over a second); with a cache folder it
    keeps the parsed definitions there, keyed by the file's content, and builds in a tenth.
    """
    import pint

    from isassist.cachefile import cache_dir

    return pint.UnitRegistry(cache_folder=cache_dir() / "pint")


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """``value`` in ``from_unit`` expressed in ``to_unit`` (both pint unit expressions)."""
    ureg = registry()
    return float(ureg.Quantity(value, from_unit).to(to_unit).magnitude)


_KINDS: tuple[UnitKind, ...] = ("mass", "volume", "energy", "power")


def pint_kind(word: str) -> tuple[UnitKind, str] | None:
    """Kind and pint name of a unit word the vocabulary lacks ("gallon", "lb"), if pint knows
    it as a mass, volume, energy or power; ``None`` for anything else."""
    if not word.isalpha():
        return None
    ureg = registry()
    try:
        units = ureg.parse_units(word)
    except Exception:  # pint's parser raises many unrelated types on unknown words
        return None
    quantity = ureg.Quantity(1, units)
    for kind in _KINDS:
        if quantity.check(f"[{kind}]"):
            return kind, str(units)
    return None
