"""The records of the broker register: companies, their offers ("haves") and needs ("wants").

A broker types a want in the car park after a visit, so a record must accept what is known and
leave the rest open; matching then says which missing figure weakens a match instead of
refusing the stream. Families, EWC and CPA codes are what ties a have to a want, so they are
normalised here once (sorted, de-duplicated) rather than in every comparison.
"""

from __future__ import annotations

from datetime import datetime
from functools import cached_property
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from isassist.facts import StreamKind
from isassist.terminal import strip_controls

Side = Literal["have", "want"]
Availability = Literal["year_round", "seasonal", "irregular", "unknown"]
Hazard = Literal["yes", "no", "unknown"]
Origin = Literal["interview", "entry", "import", "demo"]
Unit = Literal["t", "m3", "MWh", "Nm3", "h"]

DEFAULT_UNIT: dict[str, Unit] = {
    "material": "t",
    "water": "m3",
    "heat": "MWh",
    "energy": "MWh",
    "gas": "Nm3",
    "capacity": "h",
}
"""The unit a kind of stream is counted in per year; volumes only compare in one unit."""


class _Record(BaseModel):
    # inf and NaN are refused at the door: they pass `ge=0` and then break JSON and sums
    model_config = ConfigDict(extra="forbid", frozen=True, allow_inf_nan=False)

    @field_validator("*", mode="before")
    @classmethod
    def _no_control_characters(cls, value: object) -> object:
        """Escape sequences in a name or note have no meaning and can drive a terminal."""
        return strip_controls(value) if isinstance(value, str) else value


class NewCompany(_Record):
    """A company as a broker enters it; the place comes from the postcode or coordinates."""

    name: str = Field(min_length=1, max_length=200)
    nace: str | None = Field(default=None, pattern=r"^\d{2}(\.\d{1,2})?$")
    postcode: str | None = Field(default=None, max_length=16)
    country: str = Field(default="BE", pattern=r"^[A-Z]{2}$")
    lat: float | None = Field(default=None, ge=-90, le=90)
    lon: float | None = Field(default=None, ge=-180, le=180)
    interview_id: str | None = None


class RegisterCompany(NewCompany):
    """A company as stored in the register."""

    id: int
    created_at: datetime


def _codes(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        items = value.replace(",", " ").split()
    elif isinstance(value, list | tuple | set | frozenset):
        items = [str(item).strip() for item in value]
    else:
        raise ValueError("give codes as a space-separated text or a list, e.g. 'ash slag'")
    return tuple(sorted({item for item in items if item}))


class NewStream(_Record):
    """An offer or a need of one company, per year."""

    side: Side
    kind: StreamKind = "material"
    name: str = Field(min_length=1, max_length=200)
    families: tuple[str, ...] = ()
    ewc: tuple[str, ...] = ()
    cpa: tuple[str, ...] = ()
    hazardous: Hazard = "unknown"
    amount_per_year: float | None = Field(default=None, ge=0)
    unit: Unit | None = None
    temperature_c: float | None = Field(default=None, ge=-50, le=1500)
    power_kw: float | None = Field(default=None, ge=0)
    availability: Availability = "unknown"
    current_route: str | None = Field(default=None, max_length=32)
    disposal_cost_eur_per_t: float | None = Field(default=None, ge=0)
    market_price_eur_per_t: float | None = Field(default=None, ge=0)
    origin: Origin = "entry"
    source_ref: str | None = Field(default=None, max_length=64)
    note: str = ""

    @field_validator("families", "ewc", "cpa", mode="before")
    @classmethod
    def _normalise_codes(cls, value: object) -> tuple[str, ...]:
        """Accept "ash slag", ["ash", "slag"] or None alike, as files and forms differ."""
        return _codes(value)

    @field_validator("ewc")
    @classmethod
    def _six_digits(cls, codes: tuple[str, ...]) -> tuple[str, ...]:
        cleaned = tuple(sorted({code.replace(" ", "").rstrip("*") for code in codes}))
        bad = [code for code in cleaned if not (code.isdigit() and len(code) == 6)]
        if bad:
            raise ValueError(f"EWC code {bad[0]!r} is not six digits such as 170101")
        return cleaned

    @cached_property
    def counted_in(self) -> Unit:
        """The unit of ``amount_per_year``: given, or the usual one for the kind."""
        return self.unit or DEFAULT_UNIT[self.kind]

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """What a have and a want must share to be worth comparing (family, EWC, CPA)."""
        return (
            *(f"family:{f}" for f in self.families),
            *(f"ewc:{c}" for c in self.ewc),
            *(f"cpa:{c}" for c in self.cpa),
        )


class RegisterStream(NewStream):
    """A stream as stored, with the company it belongs to."""

    @cached_property
    def key_set(self) -> frozenset[str]:
        """The keys as a set, computed once: matching intersects them for every pair."""
        return frozenset(self.keys)

    id: int
    company_id: int
