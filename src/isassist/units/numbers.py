"""Plain numbers with an optional unit: prices ("€ 45 per ton"), yearly costs, temperatures.

Cost and price answers feed the value step (what a stream costs today, what the virgin material
would cost), so they need the same tolerance for Dutch number writing as quantities do, but no
per-year arithmetic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from isassist.lang import Lang
from isassist.units.errors import QuantityError, both, check_text, quantity_error
from isassist.units.registry import convert
from isassist.units.scan import AmountGroup, scan
from isassist.units.tokens import tidy, tokenize
from isassist.units.unknown import is_unknown_answer
from isassist.units.vocabulary import ARTICLES, PERIOD_WORDS, UNITS, Period

_CURRENCY = frozenset({"€", "eur", "euro", "euros"})
_PERCENT = frozenset({"%", "procent", "percent", "pct"})
_TEMPERATURE_UNITS = {
    **dict.fromkeys(["c", "celsius", "graden", "degrees", "deg", "gr", "grad"], "degC"),
    **dict.fromkeys(["f", "fahrenheit"], "degF"),
    **dict.fromkeys(["kelvin", "k"], "kelvin"),
}
ABSOLUTE_ZERO_C = -273.15
MAX_TEMPERATURE_C = 2000.0


@dataclass(frozen=True)
class ParsedNumber:
    """A number as typed, with the unit read from the words around it (``EUR/t``, ``%``)."""

    value: float
    unit: str | None
    approximate: bool
    low: float | None = None
    high: float | None = None
    vague: str = ""
    """The vague words read as a range ("honderdduizenden"); empty for a figure."""
    said_as: str = ""
    """The answer as typed when it was converted ("2 weken" read as 14 days); else empty."""


# Time words shorter than the hour a duration is read in: refused rather than dropped.
SUB_HOUR_WORDS = frozenset(
    {
        "minuut",
        "minuten",
        "min",
        "minute",
        "minutes",
        "seconde",
        "seconden",
        "sec",
        "second",
        "seconds",
    }
)

# How many days one period lasts, for a duration ("2 weken" = 14 days). A month is taken as
# 30 days and a workday as a fifth of a week; a shift depends on the plant, so it is absent.
DAYS_PER_PERIOD: dict[Period, float] = {
    "hour": 1 / 24,
    "day": 1.0,
    "workday": 7 / 5,
    "week": 7.0,
    "month": 30.0,
    "quarter": 91.0,
    "year": 365.0,
}


def parse_number(text: str, lang: Lang = "nl") -> ParsedNumber:
    """Read "€ 45 per ton" (45 EUR/t), "1.250,50 EUR per jaar", "ca. 12 %" or "-15 euro/t".

    Negative values are allowed: a gate fee the producer pays is a negative price.
    """
    tokens, group, approximate = _single_number(text, lang, multipliers=True)
    numerator = _numerator(tokens, group)
    denominator = _denominator(tokens)
    unit = None
    if numerator or denominator:
        unit = f"{numerator}/{denominator}" if denominator else numerator
    result = _result(group, unit, approximate)
    vague = " ".join(scan(tokens, lang).vague)
    return replace(result, vague=vague) if vague else result


def parse_temperature(text: str, lang: Lang = "nl") -> ParsedNumber:
    """Read "ca. 180 °C", "180-200 graden", "356 °F" or "450 K" as degrees Celsius."""
    tokens, group, approximate = _single_number(text, lang, multipliers=False)
    scale = next((_TEMPERATURE_UNITS[t] for t in tokens if t in _TEMPERATURE_UNITS), "degC")
    sign = -1.0 if group.negative else 1.0
    low = tidy(convert(sign * group.low, scale, "degC"))
    high = tidy(convert(sign * group.high, scale, "degC")) if group.high is not None else None
    value = low if high is None else (low + high) / 2
    if value < ABSOLUTE_ZERO_C:
        raise QuantityError(
            f"{value:.1f} °C is kouder dan het absolute nulpunt (-273,15 °C).",
            f"{value:.1f} °C is colder than absolute zero (-273.15 °C).",
            "ca. 180 °C",
            "absurd",
        )
    if value > MAX_TEMPERATURE_C:
        raise quantity_error("absurd", lang, amount=f"{value:.0f} °C", limit="2000 °C")
    return ParsedNumber(value, "degC", approximate, low if high is not None else None, high)


def parse_duration(text: str, lang: Lang = "nl") -> ParsedNumber:
    """Read "2 weken", "3 weeks", "een maand", "1,5 dag" or "48 uur" as a number of days.

    The unit typed with the number is never dropped: a duration comes back in ``days`` with
    ``said_as`` keeping the words; a bare number comes back without a unit (the question's
    own unit applies); another unit ("2 ton") comes back as typed, for the caller to refuse.
    """
    # "a week", "an hour": the article is the number (not in "a few weeks": vague)
    article = re.match(r"^\s*an?\s+(\w+)", text, flags=re.IGNORECASE)
    counted = text
    if article and PERIOD_WORDS.get(article.group(1).lower()) is not None:
        counted = "1 " + text[article.start(1) :]
    tokens, group, approximate = _single_number(counted, lang, multipliers=False)
    if group.unit is not None and group.unit.kind != "time":
        return _result(group, group.unit.symbol, approximate)
    period: Period | None = "hour" if group.unit is not None else None
    if period is None:
        periods = {
            PERIOD_WORDS[t]
            for i, t in enumerate(tokens)
            if t in PERIOD_WORDS and t not in ARTICLES and (i == 0 or tokens[i - 1] != "/")
        }
        if len(periods) > 1 or "per" in tokens:
            raise QuantityError(
                f"Hoe lang is dat in dagen? '{text}' noemt meer dan één periode.",
                f"How long is that in days? '{text}' names more than one period.",
                "3 dagen" if lang == "nl" else "3 days",
                "ambiguous",
            )
        period = next(iter(periods), None)
    if period is None and SUB_HOUR_WORDS.intersection(tokens):
        # "30 minuten" read as a bare 30 would become 30 days: the same slip as "2 weken"
        raise QuantityError(
            f"Hoe lang is dat in uren of dagen? '{text}' telt in minuten of seconden.",
            f"How long is that in hours or days? '{text}' counts in minutes or seconds.",
            "1 uur" if lang == "nl" else "1 hour",
            "ambiguous",
        )
    if period is None:
        return _result(group, None, approximate)
    if period not in DAYS_PER_PERIOD:
        raise QuantityError(
            f"Hoe lang duurt een ploeg? Zeg de duur in dagen of uren ('{text}').",
            f"How long is a shift? Give the duration in days or hours ('{text}').",
            "3 dagen" if lang == "nl" else "3 days",
            "ambiguous",
        )
    factor = DAYS_PER_PERIOD[period]
    days = _result(group, "days", approximate)
    return replace(
        days,
        value=tidy(days.value * factor),
        low=tidy(days.low * factor) if days.low is not None else None,
        high=tidy(days.high * factor) if days.high is not None else None,
        said_as="" if period == "day" else check_text(text, lang),
    )


def _single_number(
    text: str, lang: Lang, *, multipliers: bool
) -> tuple[list[str], AmountGroup, bool]:
    cleaned = check_text(text, lang)
    if is_unknown_answer(cleaned):
        raise quantity_error("unknown_answer", lang, text=cleaned)
    tokens = tokenize(cleaned)
    found = scan(tokens, lang, multipliers=multipliers)
    if not found.groups:
        raise quantity_error("not_a_number", lang, text=cleaned)
    if len(found.groups) > 1:
        # "(2, 50.000)" for a Dutch reader, "(2, 50,000)" for an English one
        shown = [both(g.value) for g in found.groups]
        listed = (", ".join(nl for nl, _ in shown), ", ".join(en for _, en in shown))
        raise quantity_error("ambiguous", lang, amounts=listed)
    group = found.groups[0]
    if "€" in tokens and "-" in tokens[: tokens.index("€")]:
        group.negative = True  # "-€ 15": the sign sits before the currency
    return tokens, group, found.approximate or group.high is not None


def _result(group: AmountGroup, unit: str | None, approximate: bool) -> ParsedNumber:
    sign = -1.0 if group.negative else 1.0
    if group.high is None:
        return ParsedNumber(sign * group.low, unit, approximate)
    return ParsedNumber(
        sign * group.value, unit, approximate, low=sign * group.low, high=sign * group.high
    )


def _numerator(tokens: list[str], group: AmountGroup) -> str | None:
    if any(t in _CURRENCY for t in tokens):
        return "EUR"
    if any(t in _PERCENT for t in tokens):
        return "%"
    return group.unit.symbol if group.unit is not None else None


def _denominator(tokens: list[str]) -> str | None:
    """The unit or period after "per" or "/": "per ton" -> "t", "/jaar" -> "year"."""
    for index, token in enumerate(tokens):
        if token not in ("per", "/"):
            continue
        position = index + 1
        while position < len(tokens) and tokens[position] in ARTICLES - {"a"}:
            position += 1
        word = tokens[position] if position < len(tokens) else ""
        if word in UNITS:
            return UNITS[word].symbol
        if word in PERIOD_WORDS:
            return PERIOD_WORDS[word]
    return None
