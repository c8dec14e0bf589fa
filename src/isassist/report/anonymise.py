"""Anonymise a dossier before it leaves the broker's hands.

Confidentiality is one of the largest barriers to industrial symbiosis: a company shares a
stream with a possible partner only when its name, its costs and its exact site stay hidden.
The dossier is anonymised once, before any format is rendered, so no renderer can leak what
it never receives. Identifying strings are collected from the dossier itself (name, locality,
postcode, coordinates, cost figures) and scrubbed from *every* string in it, free text and
rule texts included, because rule texts quote names and figures.

Free text also says what the dossier's fields do not: "silo 5000 euro", "bel dhr. Peeters op
+32 (0)9 123 45 67", "Industrieweg 12, 9000 Gent", "BE 0123.456.789", an IBAN. Patterns for
those kinds of text (money amounts, phone numbers, e-mail and web addresses, street addresses,
postcodes with a town, any Belgian town name, person names after a title or a cue such as
"contact" or "bel", KBO/VAT, IBAN and EAN numbers) are applied to every string as well, and
so are the names of the other companies a broker knows (``known_names``: the register's).
Amounts of money are banded (an order of magnitude), the rest replaced by "[...]".
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from isassist.dossier import Dossier
from isassist.lang import Lang
from isassist.report.labels import word
from isassist.units.display import format_number, unit_name

# property -> (band edges, unit shown): costs and distances are banded, never shown exactly
BANDED: dict[str, tuple[tuple[float, ...], str]] = {
    "current_cost_eur_per_year": ((1_000, 10_000, 50_000, 100_000, 500_000), "EUR/year"),
    "disposal_cost_eur_per_t": ((0, 25, 50, 100, 250), "EUR/t"),
    "market_price_eur_per_t": ((0, 25, 50, 100, 250, 1_000), "EUR/t"),
    "distance_km": ((5, 25, 100, 300), "km"),
}
DROPPED_PROPERTIES = frozenset({"note"})
HIDDEN = "[...]"
_NAME_PART = r"[A-ZÀ-Þ][\w'’-]+"
_PARTICLE = r"(?:(?:van|de|der|den|ten|ter|le|la|du|von|d')\s+)"
_PERSON = rf"{_NAME_PART}(?:\s+{_PARTICLE}{{0,2}}{_NAME_PART}){{0,2}}"
_FREE_TEXT: tuple[re.Pattern[str], ...] = (
    # e-mail and web addresses
    re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"),
    re.compile(r"https?://\S+|www\.\S+"),
    # IBAN: two letters, two check digits, 11-30 letters/digits in groups
    re.compile(r"\b[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]{4}){2,7}(?:[ ]?[A-Z0-9]{1,4})?\b"),
    # KBO / VAT number: (BE) 0123.456.789, BE0123456789
    re.compile(r"\b(?:BE[ ]?)?[01]\d{3}[ .]?\d{3}[ .]?\d{3}\b", re.IGNORECASE),
    # EAN-13 / EAN-8 barcodes (and any other long digit run that identifies)
    re.compile(r"(?<![\d.,])\d{13}(?![\d.,])|(?<![\d.,])\d{8}(?![\d.,])"),
    # phone numbers: +32 (0)9 123 45 67, 0032 9 ..., 09/123.45.67, 0477 12 34 56
    re.compile(
        r"(?<![\w.,])(?:\+|00)\d{2,3}[ .-]?(?:\(0\)[ .-]?)?\d(?:[ ./-]?\d){6,11}(?!\d)"
        r"|(?<![\w.,])0\d{1,3}[ /.-]?\d{2,3}(?:[ .-]?\d{2}){2,3}(?![\d])"
    ),
    # street address: Industrieweg 12, Kouter 3 bus 2, Rue de la Loi 16
    re.compile(
        r"\b[\wÀ-ÿ'-]*(?:straat|laan|weg|plein|dreef|kaai|lei|markt|steeg|baan|singel|vest|"
        r"dijk|park|hof|pad|wijk|street|road|lane|avenue)\s+\d{1,4}[a-zA-Z]?"
        r"(?:\s*(?:bus|b|box)\s*\d+)?\b"
        r"|\b(?:rue|avenue|chaussée|boulevard|place|chemin|route)\s+(?:[\wÀ-ÿ'-]+\s+){1,4}"
        r"\d{1,4}[a-zA-Z]?\b",
        re.IGNORECASE,
    ),
    # postcode with a place: 9000 Gent, B-9000 Gent, NL 4817 AB Breda
    re.compile(
        r"(?<![\w.,])(?:[A-Z]{1,2}[- ])?\d{4}(?:[ ]?[A-Z]{2})?\s+[A-ZÀ-Þ][\wÀ-ÿ'-]+"
        r"(?:[- ][A-ZÀ-Þ][\wÀ-ÿ'-]+)*"
    ),
    # person names after a title or a cue word
    re.compile(
        rf"\b(?i:dhr|mr|mevr|mw|mevrouw|meneer|mijnheer|madame|monsieur|mme|mrs|ms|dr|ir|ing|"
        rf"prof)\.?\s+{_PERSON}"
    ),
    re.compile(
        r"(?P<cue>\b(?i:contactpersoon|contact|zaakvoerder|directeur|bedrijfsleider|eigenaar|"
        r"manager|owner|ceo|bel|belde|vraag naar|ask for|call|spoke to|sprak met|met)"
        rf":?\s+){_NAME_PART}\s+{_PARTICLE}{{0,2}}{_NAME_PART}(?:\s+{_NAME_PART})?"
    ),
)
_NUMBER = r"\d{1,3}(?:[ .\u00a0]\d{3})+(?:,\d+)?|\d+(?:[.,]\d+)?"
_SCALE = r"k|duizend|thousand|miljoen|miljoenen|mio|mln|million|millions|miljard|mld|billion|bn"
_BIG = r"miljoen|miljoenen|mio|mln|million|millions|miljard|mld|billion|bn"
_SCALES = {
    "k": 1e3,
    "duizend": 1e3,
    "thousand": 1e3,
    "miljoen": 1e6,
    "miljoenen": 1e6,
    "mio": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "miljard": 1e9,
    "mld": 1e9,
    "billion": 1e9,
    "bn": 1e9,
}
_CURRENCY = r"€|\beur(?:o|os)?\b"
_MONEY = re.compile(
    # a turnover said with or without a currency: "omzet 40 miljoen (euro)"
    r"(?P<cue>\b(?:omzet|omzetcijfer|jaaromzet|turnover|revenue|winst|profit|"
    r"chiffre d'affaires)\b(?:\s+(?:van|of|is|was|ca\.?|circa|ongeveer|about|around|±|~))*"
    rf"\s*:?\s*)(?P<c>{_NUMBER})(?:\s?(?P<kc>{_SCALE})\b)?(?:\s?(?P<postc>{_CURRENCY}))?"
    rf"|(?P<pre>{_CURRENCY})\s?(?P<a>{_NUMBER})(?:\s?(?P<ka>{_SCALE})\b)?"
    rf"|(?<![\d.,])(?P<b>{_NUMBER})(?:\s?(?P<kb>{_SCALE}))?\s?(?P<post>{_CURRENCY})"
    # a figure in millions or billions is money (or a size that identifies) either way
    rf"|(?<![\d.,])(?P<d>{_NUMBER})\s?(?P<kd>{_BIG})\b",
    re.IGNORECASE,
)

_LEGAL_FORMS = re.compile(
    r"\b(?:nv|bv|bvba|cvba|cv|vof|comm\.?v|vzw|sa|srl|sprl|scrl|asbl|ltd|gmbh|ag|inc|llc|plc|"
    r"b\.v\.|n\.v\.)\b\.?",
    re.IGNORECASE,
)


def band(value: float, edges: tuple[float, ...], unit: str, lang: Lang) -> str:
    """The class ``value`` falls in, e.g. '10.000–50.000 €/jaar' (no exact figure), in the
    reader's number format. A negative cost or price is revenue: it is banded as revenue
    ('opbrengst 10.000–50.000 €/jaar'), never as the lowest cost band."""
    shown_unit = unit_name(unit, lang)
    if value < 0 and unit.startswith("EUR"):
        return f"{word('revenue', lang)} {band(-value, edges, unit, lang)}"
    shown = [format_number(e, lang) for e in edges]
    if value < edges[0]:
        return f"{word('less_than', lang)} {shown[0]} {shown_unit}"
    for low, high, low_text, high_text in zip(edges, edges[1:], shown, shown[1:], strict=False):
        if low <= value < high:
            return f"{low_text}–{high_text} {shown_unit}"
    return f"{shown[-1]} {shown_unit} {word('or_more', lang)}"


def _amount(text: str) -> float | None:
    digits = text.replace("\u00a0", " ")
    if re.fullmatch(r"\d{1,3}(?:[ .]\d{3})+(?:,\d+)?", digits):
        digits = digits.replace(" ", "").replace(".", "").replace(",", ".")
    else:
        digits = digits.replace(",", ".")
    try:
        return float(digits)
    except ValueError:
        return None


def magnitude_band(value: float, lang: Lang | None = None) -> str:
    """An order of magnitude instead of a figure: 5000 -> '1 000-10 000', or in the reader's
    number format when ``lang`` is given ('1.000–10.000', '1,000–10,000')."""
    if value < 10:
        return "< 10" if lang is None else f"{word('less_than', lang)} 10"
    low = 10 ** math.floor(math.log10(value))
    if lang is not None:
        return f"{format_number(low, lang)}–{format_number(low * 10, lang)}"
    return f"{low:,.0f}-{low * 10:,.0f}".replace(",", " ")


def _band_money(match: re.Match[str], lang: Lang | None = None) -> str:
    groups = match.groupdict()
    number = next((groups[g] for g in "abcd" if groups.get(g)), "")
    scale = next((groups[g] for g in ("ka", "kb", "kc", "kd") if groups.get(g)), "").lower()
    value = _amount(number)
    if value is None:
        return HIDDEN
    shown = magnitude_band(value * _SCALES.get(scale, 1.0), lang)
    if groups.get("cue"):
        currency = groups.get("postc")
        return f"{groups['cue']}{shown}" + (f" {currency}" if currency else "")
    if groups.get("pre"):
        return f"{groups['pre']} {shown}"
    if groups.get("d"):
        return shown
    return f"{shown} {groups.get('post')}"


def _hide(match: re.Match[str]) -> str:
    """HIDDEN in place of the match, keeping a cue word ("bel ...") that led to a name."""
    cue = match.groupdict().get("cue")
    return f"{cue}{HIDDEN}" if cue else HIDDEN


_HAS_DIGIT = re.compile(r"\d")
_NEEDS_DIGIT = frozenset(range(2, 8))
"""Indexes of the _FREE_TEXT patterns that only match text with a digit (skipped without)."""


def scrub_free_text(text: str, lang: Lang | None = None) -> str:
    """``text`` with money banded and contacts, addresses, numbers and names hidden."""
    digits = _HAS_DIGIT.search(text) is not None
    if digits:
        text = _MONEY.sub(lambda found: _band_money(found, lang), text)
    for index, pattern in enumerate(_FREE_TEXT):
        if digits or index not in _NEEDS_DIGIT:
            text = pattern.sub(_hide, text)
    return _hide_towns(text)


@cache
def _towns() -> tuple[frozenset[str], re.Pattern[str]]:
    """Every Belgian locality of the postcode list (four letters or more, capitalised, as a
    whole word): a place is identifying even without its postcode. One-word names are looked
    up in a set (fast); the few with a space go in a small pattern."""
    from isassist.knowledge import get_knowledge

    names = {
        entry.locality
        for entries in get_knowledge().postcodes_by_code.values()
        for entry in entries
        if entry.locality and len(entry.locality) >= 4 and entry.locality[0].isupper()
    }
    spaced = sorted((n for n in names if " " in n), key=len, reverse=True)
    pattern = "|".join(re.escape(n) for n in spaced) or r"(?!x)x"
    return frozenset(n for n in names if " " not in n), re.compile(
        rf"(?<![\w-])(?:{pattern})(?![\w-])"
    )


_CAPITALISED = re.compile(r"(?<![\w-])[A-ZÀ-Þ][\w'’-]{3,}(?![\w-])")


def _hide_towns(text: str) -> str:
    single, spaced = _towns()
    text = spaced.sub(HIDDEN, text)
    return _CAPITALISED.sub(lambda m: HIDDEN if m.group() in single else m.group(), text)


def short_names(name: str) -> set[str]:
    """How a company is called in conversation: 'ABC' for 'ABC NV', each word of four letters
    or more, and acronyms of two or three capitals."""
    found: set[str] = set()
    cleaned = name.strip()
    if not cleaned:
        return found
    found.add(cleaned)
    core = re.sub(r"\s+", " ", _LEGAL_FORMS.sub("", cleaned)).strip(" ,.-")
    if len(core) >= 2:
        found.add(core)
    for part in re.split(r"[^\w&'-]+", cleaned):
        acronym = 2 <= len(part) <= 3 and part.isupper()
        if (len(part) >= 4 or acronym) and not _LEGAL_FORMS.fullmatch(part):
            found.add(part)
    return found


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


def identifying_strings(dossier: Dossier, known_names: Iterable[str] = ()) -> list[str]:
    """Everything in the dossier that names or locates the company (and the names of other
    companies the broker knows), longest first."""
    company = dossier.company
    location = company.location
    found: set[str] = {dossier.interview_id}
    found |= short_names(company.name)
    for other in known_names:
        cleaned = other.strip()
        core = _LEGAL_FORMS.sub("", cleaned).strip(" ,.-")
        found.update(n for n in (cleaned, core) if len(n) >= 3)
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
                found |= _number_spellings(abs(float(value)))  # revenue is a negative cost
    return sorted((s for s in found if s.strip()), key=len, reverse=True)


def _scrubber(secrets: list[str]) -> re.Pattern[str] | None:
    if not secrets:
        return None
    alternatives = "|".join(re.escape(s) for s in secrets)
    # a figure or a word is replaced only as a whole, never inside a longer number or word
    return re.compile(rf"(?<![\w.,]){'(?:' + alternatives + ')'}(?![\w]|[.,]\d)", re.IGNORECASE)


def _scrub(
    data: Any, pattern: re.Pattern[str] | None, replacement: str, lang: Lang | None = None
) -> Any:
    if isinstance(data, str):
        text = pattern.sub(replacement, data) if pattern is not None else data
        return scrub_free_text(text, lang)
    if isinstance(data, list):
        return [_scrub(item, pattern, replacement, lang) for item in data]
    if isinstance(data, dict):
        return {key: _scrub(value, pattern, replacement, lang) for key, value in data.items()}
    return data


def anonymise(dossier: Dossier, lang: Lang = "nl", known_names: Iterable[str] = ()) -> Dossier:
    """A copy of ``dossier`` without names, contacts, exact location or exact costs;
    ``known_names`` (other companies, e.g. the register's) are hidden too."""
    secrets = identifying_strings(dossier, known_names)
    # scrub first: the bands written below must not be mistaken for figures or phone numbers
    original = dossier.model_dump(mode="json")
    data = _scrub(original, _scrubber(secrets), "[...]", lang)
    for stamp in ("created", "updated"):  # machine time stamps, not free text: kept as they are
        if stamp in original:
            data[stamp] = original[stamp]
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
