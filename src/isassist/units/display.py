"""Numbers, amounts and dates written the one way a reader of the interface language expects.

Dutch readers get "1.234,5 t/jaar" and "1,4 km", English readers "1,234.5 t/year": one format
per language everywhere a user reads a figure (chat echo, dossier panel, report), through Babel
so grouping and decimal marks follow the locale rather than hand-written rules.
"""

from __future__ import annotations

import math
from datetime import date, datetime

from babel.dates import format_date as _babel_date
from babel.numbers import format_decimal

LOCALES = {"nl": "nl_BE", "en": "en_GB"}

# unit as stored -> (Dutch, English) as read
UNIT_NAMES: dict[str, tuple[str, str]] = {
    "t": ("t", "t"),
    "m3": ("m³", "m³"),
    "Nm3": ("Nm³", "Nm³"),
    "MWh": ("MWh", "MWh"),
    "kW": ("kW", "kW"),
    "h": ("uur", "h"),
    "EUR": ("€", "€"),
    "EUR/t": ("€/t", "€/t"),
    "EUR/year": ("€/jaar", "€/year"),
    "h/year": ("uur/jaar", "h/year"),
    "days": ("dagen", "days"),
    "km": ("km", "km"),
    "°C": ("°C", "°C"),
    "degC": ("°C", "°C"),
    "%": ("%", "%"),
    "MJ/kg": ("MJ/kg", "MJ/kg"),
}
PER_YEAR = ("jaar", "year")


def locale_of(lang: str) -> str:
    return LOCALES.get(lang, LOCALES["nl"])


def format_number(value: float, lang: str, digits: int = 3) -> str:
    """ "1.234,5" (nl) or "1,234.5" (en); at most ``digits`` decimals, none trailing."""
    if not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:
        mantissa, _, exponent = f"{value:.3g}".partition("e")
        return f"{format_decimal(float(mantissa), locale=locale_of(lang))}e{int(exponent)}"
    pattern = "#,##0" + ("." + "#" * digits if digits else "")
    return str(format_decimal(value, format=pattern, locale=locale_of(lang)))


def unit_name(unit: str, lang: str) -> str:
    nl, en = UNIT_NAMES.get(unit, (unit, unit))
    return nl if lang == "nl" else en


def format_amount(value: float, unit: str, lang: str, *, per_year: bool = False) -> str:
    """ "96 m³/jaar", "1.200 €/t", "12 km": the number and the unit as the reader says it."""
    shown = unit_name(unit, lang)
    if per_year and "/" not in shown and unit not in POWER_UNITS:
        shown += "/" + (PER_YEAR[0] if lang == "nl" else PER_YEAR[1])
    return f"{format_number(value, lang)} {shown}"


POWER_UNITS = frozenset({"W", "kW", "MW", "GW"})
"""A power is a rate already: "400 kW", never "400 kW/jaar"."""


def format_power(power_kw: float, hours: float | None, energy_mwh: float | None, lang: str) -> str:
    """ "400 kW", or with the hours "400 kW · 6.000 uur/jaar ≈ 2.400 MWh/jaar": a heat stream
    known by its power, its yearly energy an estimate from the hours it runs."""
    shown = format_amount(power_kw, "kW", lang)
    if hours is None or energy_mwh is None:
        return shown
    hours_shown = format_amount(hours, "h/year", lang)
    return f"{shown} · {hours_shown} ≈ {format_amount(energy_mwh, 'MWh', lang, per_year=True)}"


def format_range(low: float, high: float, unit: str, lang: str, *, per_year: bool = False) -> str:
    """ "200–900 t/jaar": a range typed as vague words, read back as the range it stands for."""
    return f"{format_number(low, lang)}–{format_amount(high, unit, lang, per_year=per_year)}"


def format_day(day: date | datetime, lang: str) -> str:
    """ "3 dec 2026" (nl) or "3 Dec 2026" (en)."""
    return str(_babel_date(day, format="medium", locale=locale_of(lang)))
