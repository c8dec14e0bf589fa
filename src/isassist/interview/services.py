"""The seam between the interview and the packages it stands on.

The interview needs code look-ups, code spellings and postcodes (isassist.knowledge), EWC
suggestions (isassist.classify), numbers, quantities and their display (isassist.units) and
conclusions (isassist.rules). They are reached through this one protocol so the dialog logic
can be tested with a small in-test double, and so the adapters to the real packages live in
one place (``isassist.interview.adapters``). The parsers and the answer check take the
protocol's smaller parts (``UnitReading``, ``UnitDisplay``, ``Units``, ``CodeSpelling``)
where that is all they use, so what each one needs is read off its signature.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from isassist.dossier.views import CodeSuggestion, ConclusionView
from isassist.facts import Fact, Jurisdiction


@dataclass(frozen=True)
class Place:
    """Where a company is, as far as the postcode, place name or coordinates tell.

    ``country`` is None when the answer does not tell it (no silent "Belgium"); ``region`` is
    the Belgian province; ``jurisdiction`` the law area (isassist.facts.Jurisdiction); ``by``
    says how it was found (postcode, place, coordinates, country) and ``nearest_km`` how far
    the nearest town was, for coordinates."""

    postcode: str | None
    locality: str | None
    region: str | None
    country: str | None
    lat: float | None
    lon: float | None
    jurisdiction: str = "unknown"
    by: str = "postcode"
    nearest_km: float | None = None


@dataclass(frozen=True)
class Quantity:
    """An amount understood from what the user typed, normalised per year where possible."""

    value: float
    unit: str
    per_year_value: float | None
    per_year_unit: str | None
    tonnes_per_year: float | None
    note: str = ""
    low: float | None = None
    high: float | None = None
    vague: str = ""
    power_kw: float | None = None


@dataclass(frozen=True)
class NamedSubstance:
    """A substance or mixture whose name or synonym is exactly what was typed.

    ``cas`` is None for a mixture with no single CAS number (mineral oil, fly ash).
    """

    cas: str | None
    name: str
    note: str = ""


@dataclass(frozen=True)
class Number:
    """A number as typed, with the unit read from the words around it ("€ 45 per ton" is 45
    EUR/t, "ca. 180 °C" is 180 degC); ``vague`` keeps vague words read as a range
    ("honderdduizenden"), empty for a figure."""

    value: float
    unit: str | None
    vague: str = ""
    said_as: str = ""
    """The answer as typed when it was converted ("2 weken" read as 14 days); else empty."""


class QuantityProblem(ValueError):
    """The typed number or quantity was not understood: ``message`` in the interview language;
    ``example`` shows a right answer (may be empty: the caller has one of its own)."""

    def __init__(self, message: str, example: str) -> None:
        super().__init__(message)
        self.message = message
        self.example = example


class CodeProblem(ValueError):
    """A typed code shaped like one that cannot be right (a CAS number's check digit); the
    message names what would be."""


@dataclass(frozen=True)
class SimilarExchange:
    """A real exchange from the case library that resembles a stream."""

    id: str
    text: str


class UnitReading(Protocol):
    """Numbers, temperatures and quantities as people type them, in Dutch or English."""

    def says_unknown(self, text: str) -> bool:
        """True when ``text`` says the answer is not known ("weet niet", "n.v.t.")."""
        ...

    def parse_number(self, text: str, lang: str) -> Number:
        """ "€ 45 per ton", "1.250,50 EUR per jaar"; raises QuantityProblem."""
        ...

    def parse_temperature(self, text: str, lang: str) -> Number:
        """ "ca. 180 °C", "356 °F" in degrees Celsius; raises QuantityProblem."""
        ...

    def parse_duration(self, text: str, lang: str) -> Number:
        """ "2 weken", "48 uur", "een maand" in days (unit ``days``; a bare number has no
        unit, another unit is returned as typed); raises QuantityProblem."""
        ...

    def parse_quantity(self, text: str, lang: str) -> Quantity:
        """ "ongeveer 200 ton per jaar", per year where possible; raises QuantityProblem."""
        ...


class UnitDisplay(Protocol):
    """Numbers and units as the reader writes them ("1.200 t/jaar", "1,200 t/year")."""

    def unit_name(self, unit: str, lang: str) -> str: ...

    def format_number(self, value: float, lang: str) -> str: ...

    def format_amount(self, value: float, unit: str, lang: str, *, per_year: bool = False) -> str:
        """A figure with its unit; a power is never per year."""
        ...

    def format_range(
        self, low: float, high: float, unit: str, lang: str, *, per_year: bool = False
    ) -> str: ...


class Units(UnitReading, UnitDisplay, Protocol):
    """Reading a figure and writing it back: what a number or money question needs."""


class CodeSpelling(Protocol):
    """The shapes of EWC, NACE, CPA and CAS codes, before any look-up."""

    def spell_code(self, system: str, text: str) -> str | None:
        """The canonical spelling of a code of ``system`` (EWC compact, NACE/CPA dotted, CAS
        with dashes) or None when ``text`` is not shaped like one; raises CodeProblem for a
        CAS number with a wrong check digit."""
        ...

    def looks_like_cas(self, text: str) -> bool: ...


class Services(Units, CodeSpelling, Protocol):
    """What the interview asks of knowledge, classifier, units and rules."""

    def code_label(self, system: str, code: str, lang: str) -> str | None: ...

    def search_codes(
        self, system: str, text: str, lang: str, sector: str | None, kind: str | None = None
    ) -> list[CodeSuggestion]: ...

    def ewc_flags(self, code: str) -> tuple[bool, bool]:
        """(hazardous, mirror entry) of one EWC entry."""
        ...

    def families(self, ewc_codes: Sequence[str]) -> list[str]: ...

    def law_area(self, country: object, province: object) -> Jurisdiction:
        """The law area of a location saved before the law area was recorded (country code,
        Belgian province in Dutch, as the location answer saved them)."""
        ...

    def exchanges(
        self, ewc: Sequence[str], cpa: Sequence[str], families: Sequence[str]
    ) -> list[SimilarExchange]: ...

    def locate(self, text: str) -> Place | None:
        """A postcode with or without its country, a place name, or None."""
        ...

    def locate_point(self, lat: float, lon: float) -> Place:
        """The country (and Belgian region) of coordinates; country None at open sea."""
        ...

    def substances_named(self, text: str, lang: str) -> list[NamedSubstance]:
        """Substances whose name or synonym is ``text`` (folded), for a CAS question."""
        ...

    def derive(self, interview_id: str, facts: Sequence[Fact]) -> list[ConclusionView]: ...

    def close(self, interview_id: str) -> None: ...
