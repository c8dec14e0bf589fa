"""The numbers of one have-want pair, before any text is written: who is matched, how far
apart, and each part of the score.

Apart from the scoring (``isassist.register.matching``) so the words of a match
(``isassist.register.texts``) read these figures without importing the matcher that writes
them, and the matcher imports the words: no cycle between the two.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from isassist.register.energy import Heat
from isassist.register.fit import Fit
from isassist.register.matchdata import ModeRow, SpecRow
from isassist.register.models import RegisterCompany, RegisterStream
from isassist.register.routes import Route
from isassist.units.densities import Density


@dataclass(frozen=True)
class Party:
    """A stream with the company that has or wants it, placed on the map."""

    stream: RegisterStream
    company: RegisterCompany
    lat: float
    lon: float


@dataclass(frozen=True)
class Assessment:
    """The numbers behind a match, before any text is written."""

    score: float
    distance_km: float
    limit_km: float
    route: Route | None
    evidence: int
    amount: float | None
    coverage: float | None
    temperature: Literal["fits", "heat_pump", "unknown", "n/a"]
    barriers: tuple[str, ...]
    parts: tuple[tuple[str, float], ...] = ()
    fit: Fit | None = None
    heat: Heat | None = None
    transport: str = "unknown"
    mode: ModeRow | None = None
    spec: SpecRow | None = None
    density: Density | None = None
    """The bulk density that put the two amounts in one unit (t and m³), if one did."""
