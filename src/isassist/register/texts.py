"""The words of a match: its reason and its barriers, in Dutch and English.

Kept apart from the scoring so a broker's wording can be improved without touching the
arithmetic, and so the scoring loop never formats strings for pairs that are thrown away.
Barrier categories follow the rule base's taxonomy (regulatory, technical, economic,
informational, geographic, ...).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from isassist.register.matching import Assessment, Party


@dataclass(frozen=True)
class Barrier:
    """Something that stands between a match and a working exchange."""

    code: str
    category: str
    severity: str
    text: dict[str, str]

    def as_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "category": self.category,
            "severity": self.severity,
            "text": self.text,
        }


_BARRIERS: dict[str, tuple[str, str, str, str]] = {
    # code: (category, severity, nl, en)
    "hazardous": (
        "regulatory",
        "high",
        "Gevaarlijk afval: de ontvanger heeft een omgevingsvergunning nodig om {stream} te "
        "aanvaarden, en het transport vraagt een erkende overbrenger en een "
        "identificatieformulier.",
        "Hazardous waste: the receiver needs an environmental permit to accept {stream}, and "
        "transport needs a registered carrier and an identification form.",
    ),
    "hazard_unknown": (
        "informational",
        "medium",
        "Nog onbekend of {stream} gevaarlijk is; dat bepaalt welke vergunningen nodig zijn.",
        "Whether {stream} is hazardous is still unknown; it decides which permits are needed.",
    ),
    "border": (
        "regulatory",
        "high",
        "De stroom gaat over de grens ({from_country} → {to_country}): de EU-verordening "
        "overbrenging van afvalstoffen geldt (kennisgeving en toestemming, of bijlage "
        "VII-document voor niet-gevaarlijk afval voor nuttige toepassing).",
        "The stream crosses a border ({from_country} → {to_country}): the EU Waste Shipment "
        "Regulation applies (notification and consent, or an Annex VII document for "
        "non-hazardous waste sent for recovery).",
    ),
    "heat_pump": (
        "technical",
        "medium",
        "De warmte ({supply_t} °C) is te koud voor de vraag ({demand_t} °C): een warmtepomp "
        "moet de temperatuur opkrikken.",
        "The heat ({supply_t} °C) is too cold for the need ({demand_t} °C): a heat pump has to "
        "lift it.",
    ),
    "temperature_unknown": (
        "informational",
        "medium",
        "De temperatuur van aanbod of vraag is onbekend; vraag ze na voor je de warmte aanbiedt.",
        "The temperature of the supply or the need is unknown; ask for it before offering the "
        "heat.",
    ),
    "season": (
        "technical",
        "medium",
        "{stream} is er alleen in een seizoen, de ontvanger heeft het hele jaar nodig: "
        "opslag of een tweede bron is nodig.",
        "{stream} is available in one season only while the receiver needs it all year: "
        "storage or a second source is needed.",
    ),
    "irregular": (
        "technical",
        "low",
        "Aanbod en vraag lopen niet gelijk in de tijd; bekijk opslag en levertermijnen.",
        "Supply and need do not run at the same times; look at storage and delivery terms.",
    ),
    "volume_unknown": (
        "informational",
        "low",
        "De hoeveelheid per jaar van aanbod of vraag is onbekend.",
        "The amount per year of the supply or the need is unknown.",
    ),
    "units_differ": (
        "informational",
        "medium",
        "Aanbod en vraag zijn in verschillende eenheden opgegeven; zet ze om voor je vergelijkt.",
        "Supply and need are given in different units; convert them before comparing.",
    ),
    "small_supply": (
        "economic",
        "low",
        "{stream} dekt minder dan de helft van de behoefte; bundel met andere leveranciers.",
        "{stream} covers less than half of the need; bundle it with other suppliers.",
    ),
    "far": (
        "geographic",
        "low",
        "De afstand ({distance} km) ligt dicht bij de grens voor dit soort stroom "
        "({limit} km); transportkosten wegen zwaar.",
        "The distance ({distance} km) is close to the limit for this kind of stream "
        "({limit} km); transport costs weigh heavily.",
    ),
}


def barrier_codes() -> tuple[str, ...]:
    return tuple(_BARRIERS)


def severity(code: str) -> str:
    """How hard a barrier weighs on the score: low, medium or high."""
    return _BARRIERS[code][1]


def _number(value: float | None) -> str:
    if value is None:
        return "?"
    return f"{value:,.0f}".replace(",", " ") if value >= 100 else f"{value:g}"


def barrier(code: str, supply: Party, demand: Party, a: Assessment) -> Barrier:
    """The barrier ``code`` of a match, its text filled with the pair's figures."""
    category, severity, nl, en = _BARRIERS[code]
    s, d = supply.stream, demand.stream
    values = {
        "stream": s.name,
        "from_country": supply.company.country,
        "to_country": demand.company.country,
        "supply_t": _number(s.temperature_c),
        "demand_t": _number(d.temperature_c),
        "distance": f"{a.distance_km:.0f}",
        "limit": f"{a.limit_km:.0f}",
    }
    return Barrier(code, category, severity, {"nl": nl.format(**values), "en": en.format(**values)})


def describe(supply: Party, demand: Party, a: Assessment) -> dict[str, str]:
    """One readable paragraph per language saying why this pair is worth a phone call."""
    s, d = supply.stream, demand.stream
    unit = s.counted_in
    have = f"{_number(s.amount_per_year)} {unit}" if s.amount_per_year is not None else None
    need = f"{_number(d.amount_per_year)} {d.counted_in}" if d.amount_per_year is not None else None
    nl = [
        f"{supply.company.name} biedt {s.name} aan"
        + (f" ({have}/jaar)" if have else "")
        + f" op {a.distance_km:.1f} km van {demand.company.name}, dat {d.name} zoekt"
        + (f" ({need}/jaar)" if need else "")
        + f"; binnen de grens van {a.limit_km:.0f} km."
    ]
    en = [
        f"{supply.company.name} offers {s.name}"
        + (f" ({have}/year)" if have else "")
        + f" {a.distance_km:.1f} km from {demand.company.name}, which wants {d.name}"
        + (f" ({need}/year)" if need else "")
        + f"; within the {a.limit_km:.0f} km limit."
    ]
    if a.route is not None:
        nl.append(f"Route: {a.route.title_nl} ({a.route.rule_id}).")
        en.append(f"Route: {a.route.title_en} ({a.route.rule_id}).")
    else:
        nl.append("De ontvanger vraagt deze stroom zelf (rechtstreekse inzet).")
        en.append("The receiver asks for this stream itself (direct use).")
    if a.evidence:
        nl.append(f"{a.evidence} MAESTRI-uitwisselingen brengen zo'n stroom naar deze sector.")
        en.append(f"{a.evidence} MAESTRI exchanges take such a stream into this sector.")
    if a.coverage is not None:
        nl.append(f"Dekt {a.coverage:.0%} van de behoefte.")
        en.append(f"Covers {a.coverage:.0%} of the need.")
    if a.temperature == "fits":
        nl.append(f"De warmte ({_number(s.temperature_c)} °C) is warm genoeg.")
        en.append(f"The heat ({_number(s.temperature_c)} °C) is hot enough.")
    return {"nl": " ".join(nl), "en": " ".join(en)}
