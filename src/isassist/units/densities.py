"""Bulk densities of residual-stream materials, to turn "3 m³ per week" into tonnes.

Brokers often know a stream's volume (containers, tanks, trucks) but rules and market prices
speak tonnes. A family stands for several forms of a material (loose or baled cardboard): the
first row of a family in the file is its most common form as a producer holds it, and gives
the family's density; the family's range spans all its rows, so the dossier shows how
uncertain a conversion by family alone is.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from isassist.knowledge import Density as DensityRow
from isassist.paths import data_dir

__all__ = ["Density", "DensityFileError", "DensityRow", "density_for", "load_densities"]


class DensityFileError(ValueError):
    """densities.csv is malformed; the message names the file, the line and the problem."""


@dataclass(frozen=True)
class Density:
    """The density used for a conversion, with its spread and where it comes from."""

    name: str
    density_t_m3: float
    low: float
    high: float
    source: str


def load_densities(path: Path | None = None) -> list[DensityRow]:
    """The density table in file order, read by the knowledge loader (the file's one reader);
    any bad line stops loading with a message naming file, line and problem."""
    # the knowledge loader brings the YAML and CSV readers: imported when a table is read
    from isassist.knowledge.loader import KnowledgeError, read_densities

    try:
        return list(read_densities(path or data_dir("knowledge") / "densities.csv").values())
    except KnowledgeError as error:
        raise DensityFileError(str(error)) from None


@cache
def _table() -> tuple[DensityRow, ...]:
    return tuple(load_densities())


def density_for(name: str) -> Density | None:
    """The density of a material (exact name) or of a family slug, or ``None`` if unknown."""
    wanted = name.strip().lower()
    rows = _table()
    for row in rows:
        if row.material.lower() == wanted:
            return Density(row.material, row.density_t_m3, row.low, row.high, row.source)
    family = [row for row in rows if row.family == wanted]
    if not family:
        return None
    typical = family[0]
    return Density(
        f"{wanted}: {typical.material}",
        typical.density_t_m3,
        min(row.low for row in family),
        max(row.high for row in family),
        typical.source,
    )
