"""What an opportunity is worth: tonnes kept from landfill or incineration, CO2e, euros.

Brokers report to funders in these three figures (the NISP/CircLean reporting habit), so they
are computed the same way for one opportunity and summed for the register. CO2e factors live
in knowledge/co2_factors.csv with their sources, so a reviewer can check and change them
without code. Figures are estimates: a factor that is missing makes its part zero and is named
in the result, never guessed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from isassist.paths import data_dir
from isassist.register.errors import RegisterError
from isassist.register.models import RegisterStream

DIVERTED_ROUTES = ("landfill", "incineration")
_REPLACED = {
    "heat": ("heat", "natural_gas_boiler", "MWh"),
    "energy": ("energy", "grid_be", "MWh"),
    "water": ("water", "supply", "m3"),
}
"""What a delivered non-material stream replaces: (factor, row of co2_factors.csv, unit)."""
FACTOR_FILE = "co2_factors.csv"


class Co2Factor(BaseModel):
    """One row of knowledge/co2_factors.csv."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    factor: Literal[
        "disposal.landfill",
        "disposal.incineration",
        "substitute",
        "heat",
        "energy",
        "water",
        "transport",
    ]
    applies_to: str = Field(min_length=1)
    kg_co2e: float = Field(ge=0)
    per: Literal["t", "MWh", "m3", "tkm"]
    status: Literal["checked", "derived", "approximate"]
    source: str = Field(min_length=5)
    note: str = ""


@dataclass(frozen=True)
class Co2Factors:
    """Factors by (factor, family or name); ``*`` is the fallback of a factor."""

    table: dict[tuple[str, str], Co2Factor]

    def get(self, factor: str, keys: tuple[str, ...]) -> Co2Factor | None:
        for key in (*keys, "*"):
            found = self.table.get((factor, key))
            if found is not None:
                return found
        return None


def load_co2_factors(path: Path | None = None) -> Co2Factors:
    """Read and validate the factor file; a bad row is named with its line and problem."""
    path = path or data_dir("knowledge") / FACTOR_FILE
    table: dict[tuple[str, str], Co2Factor] = {}
    try:
        with path.open(encoding="utf-8", newline="") as handle:
            for line, row in enumerate(csv.DictReader(handle), start=2):
                try:
                    record = Co2Factor.model_validate({k: v for k, v in row.items() if k})
                except ValidationError as error:
                    problem = error.errors()[0]
                    where = ".".join(str(p) for p in problem["loc"])
                    raise RegisterError(
                        f"{path}:{line}: column {where}: {problem['msg']} "
                        f"(found {problem.get('input')!r})"
                    ) from error
                for key in record.applies_to.split():
                    table[(record.factor, key)] = record
    except OSError as error:
        raise RegisterError(f"Could not read {path}: {error.strerror or error}") from error
    return Co2Factors(table)


class ImpactSettings(BaseModel):
    """Prices the register cannot know from the streams themselves."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    transport_eur_per_tkm: float = Field(default=0.12, ge=0, description="road haulage, EUR/t.km")


@dataclass
class Impact:
    """The three figures of one opportunity (or a sum of them)."""

    tonnes_diverted: float = 0.0
    co2e_avoided_t: float = 0.0
    eur_saved: float = 0.0
    missing: list[str] = field(default_factory=list)

    def add(self, other: Impact) -> None:
        self.tonnes_diverted += other.tonnes_diverted
        self.co2e_avoided_t += other.co2e_avoided_t
        self.eur_saved += other.eur_saved

    def as_json(self) -> dict[str, Any]:
        return {
            "tonnes_diverted": round(self.tonnes_diverted, 1),
            "co2e_avoided_t": round(self.co2e_avoided_t, 1),
            "eur_saved": round(self.eur_saved),
            "missing": self.missing,
        }


def impact_of(
    supply: RegisterStream,
    demand: RegisterStream | None,
    amount: float | None,
    distance_km: float,
    factors: Co2Factors,
    settings: ImpactSettings | None = None,
) -> Impact:
    """Impact of sending ``amount`` per year of ``supply`` over ``distance_km``.

    Euros: disposal the supplier no longer pays, plus the virgin input the receiver no longer
    buys, minus road transport (materials only; a heat or water pipe is an investment the
    register does not price).
    """
    settings = settings or ImpactSettings()
    result = Impact()
    flow = amount if amount is not None else supply.amount_per_year
    if flow is None:
        result.missing.append("amount per year")
        return result
    unit = supply.counted_in
    keys = supply.families
    if supply.kind == "material" and unit == "t":
        _material(result, supply, demand, flow, distance_km, factors, settings, keys)
    else:
        factor_name, applies_to, wanted_unit = _REPLACED.get(supply.kind, ("", "", ""))
        found = factors.get(factor_name, (applies_to,)) if factor_name else None
        if found is None or unit != wanted_unit:
            result.missing.append(f"CO2 factor for {supply.kind} in {unit}")
        else:
            result.co2e_avoided_t += flow * found.kg_co2e / 1000
    return result


def _material(
    result: Impact,
    supply: RegisterStream,
    demand: RegisterStream | None,
    tonnes: float,
    distance_km: float,
    factors: Co2Factors,
    settings: ImpactSettings,
    keys: tuple[str, ...],
) -> None:
    route = supply.current_route
    if route in DIVERTED_ROUTES:
        result.tonnes_diverted += tonnes
        disposal = factors.get(f"disposal.{route}", keys)
        if disposal is not None:
            result.co2e_avoided_t += tonnes * disposal.kg_co2e / 1000
        if supply.disposal_cost_eur_per_t is not None:
            result.eur_saved += tonnes * supply.disposal_cost_eur_per_t
        else:
            result.missing.append("disposal cost per tonne")
    elif route is None:
        result.missing.append("current route of the stream")
    substitute = factors.get("substitute", keys) if keys else None
    if substitute is not None and substitute.applies_to != "*":
        result.co2e_avoided_t += tonnes * substitute.kg_co2e / 1000
    price = (demand.market_price_eur_per_t if demand else None) or supply.market_price_eur_per_t
    if price is not None:
        result.eur_saved += tonnes * price
    else:
        result.missing.append("price of the virgin material replaced")
    truck = factors.get("transport", ("truck",))
    if truck is not None:
        result.co2e_avoided_t -= tonnes * distance_km * truck.kg_co2e / 1000
    result.eur_saved -= tonnes * distance_km * settings.transport_eur_per_tkm
