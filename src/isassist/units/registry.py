"""One pint registry for the whole process, built the first time a conversion is needed.

Importing pint and building its registry costs a noticeable fraction of a second; commands
such as ``isassist classify`` never convert units and must not pay for it.
"""

from __future__ import annotations

import hashlib
from functools import cache
from pathlib import Path
from typing import Any

from isassist.units.vocabulary import UnitKind


@cache
def registry() -> Any:
    """The shared ``pint.UnitRegistry`` (typed ``Any``: pint ships no usable stubs).

    pint parses its definitions file on every build (over a second); with a cache folder it
    keeps the parsed definitions there and builds in a tenth. pint keys that cache by the
    file's *content* but stores the absolute paths of the files it imports, so a cache written
    by another installation (an older virtual environment, since deleted) sends it to files that
    are gone. Hence one cache folder per pint installation, and a build without cache when the
    cached one fails anyway: a unit conversion must never fail because of a cache.
    """
    import pint

    from isassist.cachefile import cache_dir

    try:
        return pint.UnitRegistry(cache_folder=pint_cache_folder(cache_dir()))
    except Exception:  # a stale or broken cache: pint raises many unrelated types
        return pint.UnitRegistry()


def pint_cache_folder(root: Path) -> Path:
    """The folder under ``root`` for the parsed definitions of the pint installed here."""
    import pint

    installed = Path(pint.__file__).resolve().parent
    key = hashlib.sha256(f"{installed}|{pint.__version__}".encode()).hexdigest()[:16]
    return root / "pint" / key


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
