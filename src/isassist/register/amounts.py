"""Amounts of a have and a want compared in one unit: tonnes and m³ through a bulk density.

A broker counts spent grain in tonnes at the brewery and in m³ at the farm that stores it in a
silo; refusing to compare them would leave the volume part of the score blind exactly where
both figures are known. The density is the typical one of the supply's material family in
knowledge/densities.csv (``isassist.units.densities``, the file's one reader): the first row
of a family is its usual form as a producer holds it, and its range is shown with the match, so
the reader sees how rough the conversion is. Only tonnes and m³ convert; any other pair of
units (MWh and tonnes) stays incomparable.
"""

from __future__ import annotations

from functools import lru_cache

from isassist.register.matchdata import match_data
from isassist.register.models import NewStream
from isassist.units.densities import Density, density_for

CONVERTIBLE = ("t", "m3")
"""Units a density converts between (t = m³ × t/m³)."""


def density_of(stream: NewStream) -> Density | None:
    """The typical bulk density of a material stream's family (a narrow family before a broad
    one: spent grain before food waste), None when no family of it has one."""
    if stream.kind != "material":
        return None
    return _family_density(stream.families)


@lru_cache(maxsize=4096)
def _family_density(families: tuple[str, ...]) -> Density | None:
    rows = match_data().families
    ordered = sorted(families, key=lambda f: (f not in rows or rows[f].breadth != "narrow", f))
    for family in ordered:
        found = density_for(family)
        if found is not None:
            return found
    return None


def in_unit(amount: float, unit: str, wanted: str, density: Density | None) -> float | None:
    """``amount`` in ``unit`` said in ``wanted``, through ``density`` between t and m³;
    None when it cannot be said (no density, or units a density does not convert)."""
    if unit == wanted:
        return amount
    if density is None or unit not in CONVERTIBLE or wanted not in CONVERTIBLE:
        return None
    if unit == "m3":
        return amount * density.density_t_m3
    return amount / density.density_t_m3
