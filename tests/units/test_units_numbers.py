"""Prices, costs and temperatures, and the density table that turns volumes into tonnes."""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.units import (
    DensityFileError,
    QuantityError,
    density_for,
    load_densities,
    parse_number,
    parse_temperature,
)


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit"),
    [
        ("€ 45 per ton", "nl", 45, "EUR/t"),
        ("45 euro/t", "nl", 45, "EUR/t"),
        ("1.250,50 EUR per jaar", "nl", 1250.5, "EUR/year"),
        ("1,250.50 EUR per year", "en", 1250.5, "EUR/year"),
        ("-15 euro/t", "nl", -15, "EUR/t"),
        ("-€ 15/t", "nl", -15, "EUR/t"),
        ("ca. 12 %", "nl", 12, "%"),
        ("18 MJ/kg", "nl", 18, "MJ/kg"),
        ("2 duizend euro per maand", "nl", 2000, "EUR/month"),
        ("45", "nl", 45, None),
    ],
)
def test_prices_and_costs(text: str, lang: str, value: float, unit: str | None) -> None:
    result = parse_number(text, lang)  # type: ignore[arg-type]
    assert result.value == pytest.approx(value)
    assert result.unit == unit


def test_a_price_range_is_its_midpoint() -> None:
    result = parse_number("40-50 euro per ton")
    assert (result.value, result.low, result.high) == (45, 40, 50)
    assert result.approximate


def test_a_number_without_digits_is_refused() -> None:
    with pytest.raises(QuantityError) as caught:
        parse_number("gratis")
    assert caught.value.kind == "not_a_number"


@pytest.mark.parametrize(
    ("text", "celsius", "approximate"),
    [
        ("ca. 180 °C", 180, True),
        ("180 graden", 180, False),
        ("180-200 °C", 190, True),
        ("356 °F", 180, False),
        ("450 K", 176.85, False),
        ("-20 °C", -20, False),
        ("90°", 90, False),
    ],
)
def test_temperatures_in_celsius(text: str, celsius: float, approximate: bool) -> None:
    result = parse_temperature(text)
    assert result.value == pytest.approx(celsius)
    assert result.unit == "degC"
    assert result.approximate is approximate


@pytest.mark.parametrize(("text", "words"), [("-300 °C", "absolute"), ("5000 °C", "2000")])
def test_impossible_temperatures_are_refused(text: str, words: str) -> None:
    with pytest.raises(QuantityError) as caught:
        parse_temperature(text)
    assert caught.value.kind == "absurd"
    assert words in caught.value.message_en


def test_density_table_is_complete_and_sourced() -> None:
    rows = load_densities()
    assert len(rows) >= 60
    families = {row.family for row in rows}
    for family in (
        "water",
        "wastewater_sludge",
        "sawdust",
        "wood",
        "spent_grain",
        "whey",
        "ash",
        "gypsum",
        "sand",
        "soil",
        "concrete",
        "asphalt",
        "glass",
        "metal_ferrous",
        "mill_scale",
        "slag",
        "paper",
        "cardboard",
        "plastic",
        "oil",
        "solvent",
        "acid",
        "alkali",
        "food_waste",
        "green_waste",
    ):
        assert family in families, family
    assert all(row.source for row in rows)


def test_family_density_is_its_first_form_with_the_full_range() -> None:
    cardboard = density_for("cardboard")
    assert cardboard is not None
    assert cardboard.density_t_m3 == pytest.approx(0.06)  # loose, as a producer holds it
    assert cardboard.high >= 0.5  # baled cardboard widens the range
    assert density_for("Water") is not None
    assert density_for("unobtainium") is None


def test_a_broken_density_file_names_file_line_and_problem(tmp_path: Path) -> None:
    bad = tmp_path / "densities.csv"
    bad.write_text(
        "material,family,density_t_m3,low,high,note,source\n"
        "water,water,1.0,0.99,1.01,,CRC\n"
        "sand,sand,3.0,1.4,1.7,,EN 1991\n",
        encoding="utf-8",
    )
    with pytest.raises(DensityFileError) as caught:
        load_densities(bad)
    message = str(caught.value)
    assert "densities.csv" in message and "line 3" in message and "outside its range" in message


def test_a_wrong_density_header_is_reported(tmp_path: Path) -> None:
    bad = tmp_path / "densities.csv"
    bad.write_text("material,density\nwater,1\n", encoding="utf-8")
    with pytest.raises(DensityFileError, match="line 1: bad header"):
        load_densities(bad)
