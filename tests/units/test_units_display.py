"""One number and date format per language (Babel), and amounts people say vaguely or in
scientific notation read as they mean them (issue 12.3, 12.5)."""

from __future__ import annotations

from datetime import date

import pytest

from isassist.units import QuantityError, parse_number, parse_quantity
from isassist.units.display import format_amount, format_day, format_number, format_range


@pytest.mark.parametrize(
    ("value", "nl", "en"),
    [
        (1.4, "1,4", "1.4"),
        (12000.5, "12.000,5", "12,000.5"),
        (96.0, "96", "96"),
        (0.125, "0,125", "0.125"),
    ],
)
def test_numbers_follow_the_interface_language(value: float, nl: str, en: str) -> None:
    assert format_number(value, "nl") == nl
    assert format_number(value, "en") == en


def test_amounts_say_the_unit_and_the_year_in_the_language() -> None:
    assert format_amount(96, "m3", "nl", per_year=True) == "96 m³/jaar"
    assert format_amount(96, "m3", "en", per_year=True) == "96 m³/year"
    assert format_amount(5000, "EUR/year", "nl") == "5.000 €/jaar"
    assert format_range(200, 900, "t", "nl", per_year=True) == "200–900 t/jaar"


def test_dates_have_one_format_per_language() -> None:
    assert format_day(date(2026, 12, 3), "nl") == "3 dec 2026"
    assert format_day(date(2026, 12, 3), "en") == "3 Dec 2026"


@pytest.mark.parametrize(
    ("text", "lang", "low", "high"),
    [
        ("een paar kuub per jaar", "nl", 2, 5),
        ("several hundred t/year", "en", 200, 900),
        ("honderdduizenden kg per jaar", "nl", 200_000, 900_000),
        ("tens of thousands of tonnes a year", "en", 20_000, 90_000),
        ("tientallen ton per jaar", "nl", 20, 90),
    ],
)
def test_vague_amounts_are_a_range_with_a_note(
    text: str, lang: str, low: float, high: float
) -> None:
    quantity = parse_quantity(text, "nl" if lang == "nl" else "en")
    assert quantity.vague
    assert (quantity.low, quantity.high) == (low, high)  # as typed, before the yearly figure
    assert "–" in quantity.note


def test_scientific_notation_is_read_and_an_implausible_amount_refused() -> None:
    assert parse_number("2,5e3 euro", "nl").value == 2500
    with pytest.raises(QuantityError) as caught:
        parse_quantity("1e30 kg", "nl")
    assert caught.value.kind == "absurd"
