"""Numbers, amounts and dates written the one way a reader of the interface language expects.

Dutch readers get "1.234,5 t/jaar" and "1,4 km", English readers "1,234.5 t/year": one format
per language everywhere a user reads a figure (chat echo, dossier panel, report), through Babel
so grouping and decimal marks follow the locale rather than hand-written rules. Babel is
imported with the first figure written (its number module alone costs about 60 ms): the
interview engine imports this module, and the TUI starts it before any figure is shown.
"""

from __future__ import annotations

import math
from datetime import date, datetime
from decimal import Decimal
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from babel import Locale
    from babel.numbers import NumberPattern

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
        from babel.numbers import format_decimal

        mantissa, _, exponent = f"{value:.3g}".partition("e")
        return f"{format_decimal(float(mantissa), locale=locale_of(lang))}e{int(exponent)}"
    # Babel rounds the decimal of str(value) half-even to the pattern's digits; rounded the
    # same way first, figures that are written alike share one cache entry (a register run
    # writes thousands of distances and score parts); -0 equals 0 as a key but is written "-0"
    shown = Decimal(str(value)).quantize(_quantum(digits))
    return _formatted(shown, shown.is_signed(), lang, digits)


@lru_cache(maxsize=8192)
def _formatted(value: Decimal, negative: bool, lang: str, digits: int) -> str:
    """Babel's figure, kept: a register run writes the same figures thousands of times."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, format=_pattern(digits), locale=_locale(lang)))


@lru_cache(maxsize=16)
def _quantum(digits: int) -> Decimal:
    return Decimal(10) ** -digits


@lru_cache(maxsize=16)
def _pattern(digits: int) -> NumberPattern:
    from babel.numbers import parse_pattern

    return parse_pattern("#,##0" + ("." + "#" * digits if digits else ""))


@lru_cache(maxsize=8)
def _locale(lang: str) -> Locale:
    from babel import Locale

    return Locale.parse(locale_of(lang))


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
    from babel.dates import format_date as _babel_date

    return str(_babel_date(day, format="medium", locale=locale_of(lang)))
