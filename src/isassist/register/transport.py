"""How far a stream can travel, by what moves it: perishables short, bulk minerals by barge.

The reach comes from knowledge/transport_modes.csv (per way of travelling, with its basis) and
knowledge/match_families.csv (which way a family travels). Heat is the exception: a pipe pays
off by the heat it carries, so its reach is the energy exchanged per year divided by the lowest
viable linear heat density (1.5 MWh per metre of pipe per year), capped by the longest line.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from isassist.register.fit import named_families, words
from isassist.register.matchdata import MatchData, ModeRow, match_data
from isassist.register.models import NewStream

MIN_LINEAR_HEAT_DENSITY_MWH_PER_M = 1.5
"""Lowest linear heat density class of Leurent 2019 (Applied Energy 252): 1.5-4 MWh/(m·a)."""
FULL_LOAD_HOURS = 4000.0
"""Hours per year a heat source of known power runs when its energy is not given [inferred]."""
SMALL_HEAT_KM = 1.0
"""Reach of a heat source of which neither energy nor power is known."""
_KIND_TRANSPORT = {"heat": "heat", "water": "water", "energy": "grid", "capacity": "local"}


@dataclass(frozen=True)
class Reach:
    """How far a stream may go, and the modes that carry it that far (shortest first)."""

    transport: str
    limit_km: float
    modes: tuple[ModeRow, ...]

    def mode_for(self, distance_km: float) -> ModeRow | None:
        """The cheapest-reaching mode that covers ``distance_km`` (None for heat pipes)."""
        return next((m for m in self.modes if m.max_km >= distance_km), None)


def transport_of(stream: NewStream, data: MatchData | None = None) -> str:
    """The way a stream travels: by kind for utilities, else by the material its words name
    (knowledge/name_families.csv: bleaching earth is a clay, soapstock a fat, whatever food
    code they are filed under — review R74), else by its families (the shortest travelling
    family decides, so spent grain mixed with anything stays perishable)."""
    if data is None:
        return _transport(stream.kind, stream.hazardous, stream.families, stream.name)
    return _transport_in(data, stream.kind, stream.hazardous, stream.families, stream.name)


@lru_cache(maxsize=8192)
def _transport(kind: str, hazardous: str, families: tuple[str, ...], name: str = "") -> str:
    return _transport_in(match_data(), kind, hazardous, families, name)


def _transport_in(
    data: MatchData, kind: str, hazardous: str, families: tuple[str, ...], name: str = ""
) -> str:
    if kind in _KIND_TRANSPORT:
        return _KIND_TRANSPORT[kind]
    if kind == "gas":
        return "co2" if "co2" in families else "gas"
    if hazardous == "yes":
        return "special"
    named = [f for f in named_families(name) if f in families] if name else []
    classes = {data.families[f].transport for f in named or families if f in data.families}
    if not classes:
        return "unknown"
    return min(classes, key=lambda c: (max(m.max_km for m in data.modes[c]), c))


def heat_mwh(stream: NewStream) -> float | None:
    """The heat a stream gives or takes per year, from its amount or its power."""
    if stream.amount_per_year and stream.counted_in == "MWh":
        return stream.amount_per_year
    if stream.power_kw:
        return stream.power_kw * FULL_LOAD_HOURS / 1000.0
    return None


def heat_pipe_km(mwh_per_year: float | None, cap_km: float) -> float:
    """The longest pipe that carries ``mwh_per_year`` at the lowest viable linear density."""
    if mwh_per_year is None:
        return SMALL_HEAT_KM
    return max(SMALL_HEAT_KM, min(cap_km, mwh_per_year / MIN_LINEAR_HEAT_DENSITY_MWH_PER_M / 1000))


def reach_km_for(
    kind: str,
    hazardous: str,
    families: tuple[str, ...],
    supply_mwh: float | None,
    demand_mwh: float | None,
    scale: float = 1.0,
    name: str = "",
) -> float:
    """``reach_of(...).limit_km`` from plain figures: a database row is judged by it before
    a record is built from it."""
    transport = _transport(kind, hazardous, families, name)
    cap = max(m.max_km for m in match_data().modes[transport])
    if transport != "heat":
        return scale * cap
    if supply_mwh is not None and demand_mwh is not None:
        supply_mwh = min(supply_mwh, demand_mwh)
    return scale * heat_pipe_km(supply_mwh, cap)


def mwh_of(
    amount: float | None, unit: str | None, kind: str, power_kw: float | None
) -> float | None:
    """``heat_mwh`` from plain figures (a heat stream's unit defaults to MWh)."""
    if amount and (unit or ("MWh" if kind == "heat" else None)) == "MWh":
        return amount
    if power_kw:
        return power_kw * FULL_LOAD_HOURS / 1000.0
    return None


_STEAM = ("stoom", "steam", "bar")


def is_steam(stream: NewStream) -> bool:
    """Whether a heat stream is steam (its name says so: "stoom", "8 bar")."""
    said = set(words(stream.name))
    return any(w in said for w in _STEAM) or any(w.startswith("stoom") for w in said)


def reach_of(supply: NewStream, demand: NewStream | None = None, scale: float = 1.0) -> Reach:
    """How far ``supply`` may travel (to ``demand``, whose need limits a heat pipe).

    A steam demand is served by a steam pipe, which carries only a few km; steam offered to a
    hot-water need can be turned into hot water at the source and piped as far as heat goes.
    """
    data = match_data()
    transport = transport_of(supply)
    if transport == "heat" and demand is not None and is_steam(demand) and "steam" in data.modes:
        transport = "steam"
    modes = data.modes[transport]
    cap = max(m.max_km for m in modes)
    if transport in ("heat", "steam"):
        energy = heat_mwh(supply)
        need = heat_mwh(demand) if demand is not None else None
        if energy is not None and need is not None:
            energy = min(energy, need)
        return Reach("heat", scale * heat_pipe_km(energy, cap), modes)
    return Reach(transport, scale * cap, modes)


def widest_reach_km(kind: str, scale: float = 1.0) -> float:
    """The farthest any supply of ``kind`` may come from: how far a want must look."""
    data = match_data()
    if kind in _KIND_TRANSPORT:
        names = [_KIND_TRANSPORT[kind]]
    elif kind == "gas":
        names = ["co2", "gas"]
    else:
        names = [n for n in data.modes if n not in (*_KIND_TRANSPORT.values(), "co2", "gas")]
    return scale * max(m.max_km for n in names for m in data.modes[n])
