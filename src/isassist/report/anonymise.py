"""Anonymise a dossier before it leaves the broker's hands.

Confidentiality is one of the largest barriers to industrial symbiosis: a company shares a
stream with a possible partner only when its name, its costs and its exact site stay hidden.
The dossier is anonymised once, before any format is rendered, so no renderer can leak what
it never receives. Identifying strings are collected from the dossier itself (name, locality,
postcode, coordinates, cost figures) and scrubbed from *every* string in it, free text and
rule texts included, because rule texts quote names and figures.
"""

from __future__ import annotations

import re
from typing import Any

from isassist.dossier import Dossier
from isassist.report.labels import Lang, word

# property -> (band edges, unit shown): costs and distances are banded, never shown exactly
BANDED: dict[str, tuple[tuple[float, ...], str]] = {
    "current_cost_eur_per_year": ((1_000, 10_000, 50_000, 100_000, 500_000), "EUR/j"),
    "disposal_cost_eur_per_t": ((0, 25, 50, 100, 250), "EUR/t"),
    "market_price_eur_per_t": ((0, 25, 50, 100, 250, 1_000), "EUR/t"),
    "distance_km": ((5, 25, 100, 300), "km"),
}
DROPPED_PROPERTIES = frozenset({"note"})
_CONTACT = re.compile(
    r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail
    r"|(?<![\w.,])(?<!\d )(?:\+|0)\d[\d /.-]{7,}\d"  # phone number (+32 ..., 09 ...)
    r"|https?://\S+|www\.\S+",  # web address
)


def band(value: float, edges: tuple[float, ...], unit: str, lang: Lang) -> str:
    """The class ``value`` falls in, e.g. '10 000-50 000 EUR/j' (no exact figure)."""
    unit = unit.replace("EUR/j", "EUR/jaar" if lang == "nl" else "EUR/year")
    shown = [f"{e:,.0f}".replace(",", " ") for e in edges]
    if value < edges[0]:
        return f"< {shown[0]} {unit}"
    for low, high, low_text, high_text in zip(edges, edges[1:], shown, shown[1:], strict=False):
        if low <= value < high:
            return f"{low_text}-{high_text} {unit}"
    return f">= {shown[-1]} {unit}"


def _number_spellings(value: float) -> set[str]:
    """How a figure may appear in text: 12000, 12 000, 12.000, 12,000, 12000.0."""
    if value != int(value):
        text = f"{value:g}"
        return {text, text.replace(".", ",")}
    whole = int(value)
    if abs(whole) < 100:
        return set()  # two-digit figures collide with codes and scores; bands hide them anyway
    grouped = f"{whole:,}"
    return {
        str(whole),
        f"{whole}.0",
        grouped,
        grouped.replace(",", "."),
        grouped.replace(",", " "),
        grouped.replace(",", "\u00a0"),
    }


def identifying_strings(dossier: Dossier) -> list[str]:
    """Everything in the dossier that names or locates the company, longest first."""
    company = dossier.company
    location = company.location
    found: set[str] = {dossier.interview_id}
    if company.name.strip():
        found.add(company.name.strip())
        found.update(w for w in re.split(r"\W+", company.name) if len(w) >= 4)
    for part in (location.postcode, location.locality):
        if part:
            found.add(part)
    for coordinate in (location.lat, location.lon):
        if coordinate is not None:
            found.add(f"{coordinate:.3f}")
            found.add(str(coordinate))
    for stream in dossier.streams:
        for name in BANDED:
            value = stream.properties.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                found |= _number_spellings(float(value))
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


def _scrubber(secrets: list[str]) -> re.Pattern[str] | None:
    if not secrets:
        return None
    alternatives = "|".join(re.escape(s) for s in secrets)
    # a figure or a word is replaced only as a whole, never inside a longer number or word
    return re.compile(rf"(?<![\w.,]){'(?:' + alternatives + ')'}(?![\w]|[.,]\d)", re.IGNORECASE)


def _scrub(data: Any, pattern: re.Pattern[str] | None, replacement: str) -> Any:
    if isinstance(data, str):
        text = _CONTACT.sub("[...]", data)
        return pattern.sub(replacement, text) if pattern is not None else text
    if isinstance(data, list):
        return [_scrub(item, pattern, replacement) for item in data]
    if isinstance(data, dict):
        return {key: _scrub(value, pattern, replacement) for key, value in data.items()}
    return data


def anonymise(dossier: Dossier, lang: Lang = "nl") -> Dossier:
    """A copy of ``dossier`` without names, contacts, exact location or exact costs."""
    secrets = identifying_strings(dossier)
    # scrub first: the bands written below must not be mistaken for figures or phone numbers
    data = _scrub(dossier.model_dump(mode="json"), _scrubber(secrets), "[...]")
    data["interview_id"] = word("anonymous", lang)
    data["notes"] = []  # free notes hold names and phone numbers more often than not
    company = data["company"]
    company["name"] = word("anonymous_company", lang)
    location = company["location"]
    for key in ("postcode", "locality", "lat", "lon"):
        location[key] = None
    for stream in data["streams"]:
        props = stream["properties"]
        for name in DROPPED_PROPERTIES:
            props.pop(name, None)
        for name, (edges, unit) in BANDED.items():
            value = props.get(name)
            if isinstance(value, int | float) and not isinstance(value, bool):
                props[name] = band(float(value), edges, unit, lang)
    return Dossier.model_validate(data)
