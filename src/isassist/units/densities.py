"""Bulk densities of residual-stream materials, to turn "3 m³ per week" into tonnes.

Brokers often know a stream's volume (containers, tanks, trucks) but rules and market prices
speak tonnes. A family stands for several forms of a material (loose or baled cardboard): the
first row of a family in the file is its most common form as a producer holds it, and gives
the family's density; the family's range spans all its rows, so the dossier shows how
uncertain a conversion by family alone is.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from isassist.paths import data_dir

COLUMNS = ("material", "family", "density_t_m3", "low", "high", "note", "source")


class DensityRow(BaseModel):
    """One line of knowledge/densities.csv."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    material: str = Field(min_length=2)
    family: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    density_t_m3: float = Field(gt=0, le=25)
    low: float = Field(gt=0, le=25)
    high: float = Field(gt=0, le=25)
    note: str = ""
    source: str = Field(min_length=3)

    @model_validator(mode="after")
    def _range_holds_density(self) -> DensityRow:
        if not self.low <= self.density_t_m3 <= self.high:
            raise ValueError(
                f"density {self.density_t_m3} lies outside its range {self.low}-{self.high}"
            )
        return self


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
    """Read and validate the density table; any bad line stops loading with a clear message."""
    path = path or data_dir("knowledge") / "densities.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        if tuple(reader.fieldnames or ()) != COLUMNS:
            raise DensityFileError(
                f"{path}: line 1: header must be {','.join(COLUMNS)}, "
                f"found {','.join(reader.fieldnames or ())}"
            )
        rows: list[DensityRow] = []
        seen: set[str] = set()
        for row in reader:
            line = reader.line_num
            try:
                parsed = DensityRow.model_validate(row)
            except ValidationError as error:
                problems = "; ".join(
                    f"{'.'.join(str(p) for p in e['loc']) or 'row'}: {e['msg']}"
                    for e in error.errors()
                )
                raise DensityFileError(f"{path}: line {line}: {problems}") from None
            key = parsed.material.lower()
            if key in seen:
                raise DensityFileError(f"{path}: line {line}: material {key!r} appears twice")
            seen.add(key)
            rows.append(parsed)
    return rows


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
