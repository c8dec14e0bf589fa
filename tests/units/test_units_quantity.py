"""Quantities typed as brokers and SME staff say them, in Dutch and English."""

from __future__ import annotations

import pytest

from isassist.units import ParsedQuantity, QuantityError, parse_quantity


def per_year(text: str, lang: str = "nl", **kwargs: object) -> ParsedQuantity:
    return parse_quantity(text, lang, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("text", "lang", "value", "unit", "period", "yearly", "yearly_unit"),
    [
        ("ongeveer 200 ton per jaar", "nl", 200, "t", "year", 200, "t"),
        ("200 t/j", "nl", 200, "t", "year", 200, "t"),
        ("3 m³/week", "nl", 3, "m3", "week", 156, "m3"),
        ("3 m3 per week", "nl", 3, "m3", "week", 156, "m3"),
        ("2,5 t per dag", "nl", 2.5, "t", "day", 912.5, "t"),
        ("1.200 kg/maand", "nl", 1200, "kg", "month", 14.4, "t"),
        ("1,200 kg/month", "en", 1200, "kg", "month", 14.4, "t"),
        ("2.5 t/day", "en", 2.5, "t", "day", 912.5, "t"),
        ("40 MWh per jaar", "nl", 40, "MWh", "year", 40, "MWh"),
        ("12 GJ/maand", "nl", 12, "GJ", "month", 40, "MWh"),
        ("een halve ton per dag", "nl", 0.5, "t", "day", 182.5, "t"),
        ("1500 liter per dag", "nl", 1500, "L", "day", 547.5, "m3"),
        ("50 ton per kwartaal", "nl", 50, "t", "quarter", 200, "t"),
        ("200 tonnes per annum", "en", 200, "t", "year", 200, "t"),
        ("200 tpa", "en", 200, "t", "year", 200, "t"),
        ("20 ton/jaar", "nl", 20, "t", "year", 20, "t"),
        ("1 200 kg per week", "nl", 1200, "kg", "week", 62.4, "t"),
        ("2 t per werkdag", "nl", 2, "t", "workday", 500, "t"),
        ("3 m3 om de 2 weken", "nl", 3, "m3", "week", 78, "m3"),
        ("anderhalve ton per maand", "nl", 1.5, "t", "month", 18, "t"),
        ("1,5 miljoen kWh per jaar", "nl", 1.5e6, "kWh", "year", 1500, "MWh"),
        ("jaarlijks 300 ton", "nl", 300, "t", "year", 300, "t"),
        ("3 t a day", "en", 3, "t", "day", 1095, "t"),
        ("10 gallon per day", "en", 10, "gallon", "day", 13.8168, "m3"),
    ],
)
def test_phrasings_become_a_yearly_figure(
    text: str,
    lang: str,
    value: float,
    unit: str,
    period: str,
    yearly: float,
    yearly_unit: str,
) -> None:
    result = per_year(text, lang)
    assert result.value == pytest.approx(value)
    assert result.unit == unit
    assert result.period == period
    assert result.per_year_value == pytest.approx(yearly, rel=1e-4)
    assert result.per_year_unit == yearly_unit


def test_the_language_hint_settles_an_ambiguous_separator() -> None:
    assert per_year("1,200 t/j", "nl").value == pytest.approx(1.2)
    assert per_year("1,200 t/year", "en").value == pytest.approx(1200)
    assert per_year("1.200 t/j", "nl").value == pytest.approx(1200)
    assert per_year("1.200 t/year", "en").value == pytest.approx(1.2)
    assert per_year("1.250,5 t/j", "en").value == pytest.approx(1250.5)


def test_mass_gives_tonnes_directly() -> None:
    assert per_year("1.200 kg/maand").tonnes_per_year == pytest.approx(14.4)


def test_approximate_words_set_the_flag() -> None:
    assert per_year("ca. 15 ton per jaar").approximate
    assert per_year("+- 3 ton per week").approximate
    assert per_year("± 3 ton per week").approximate
    assert per_year("about 5 t/year", "en").approximate
    assert not per_year("15 ton per jaar").approximate


@pytest.mark.parametrize("text", ["tussen 10 en 20 ton per jaar", "10-20 t/j", "10 à 20 t/j"])
def test_a_range_becomes_its_midpoint_with_a_note(text: str) -> None:
    result = per_year(text)
    assert result.value == 15
    assert (result.low, result.high) == (10, 20)
    assert result.approximate
    assert "10–20" in result.note


def test_english_range_with_between() -> None:
    result = per_year("between 10 and 30 t per year", "en")
    assert result.value == 20
    assert "midpoint" in result.note


def test_a_missing_period_is_assumed_and_said() -> None:
    result = per_year("ca. 15 ton")
    assert result.period == "year"
    assert result.per_year_value == 15
    assert "Aangenomen: per jaar" in result.note
    assert "Assumed: per week" in per_year("15 ton", "en", default_period="week").note


def test_a_missing_period_can_be_refused() -> None:
    with pytest.raises(QuantityError) as caught:
        per_year("15 ton", default_period=None)
    assert caught.value.kind == "missing_period"
    assert "per jaar" in caught.value.example


def test_power_times_hours_gives_mwh_and_keeps_both() -> None:
    result = per_year("500 kW, 6000 h/j")
    assert result.power_kw == 500
    assert result.hours_per_year == 6000
    assert result.per_year_value == pytest.approx(3000)
    assert result.per_year_unit == "MWh"


def test_hours_per_day_become_hours_per_year() -> None:
    result = per_year("2 MW, 16 u/dag")
    assert result.power_kw == 2000
    assert result.hours_per_year == pytest.approx(16 * 365)
    assert result.per_year_value == pytest.approx(2000 * 16 * 365 / 1000)


def test_continuous_power_runs_all_year() -> None:
    result = per_year("500 kW continu")
    assert result.hours_per_year == 8760
    assert result.per_year_value == pytest.approx(4380)


def test_power_without_hours_asks_for_them() -> None:
    result = per_year("500 kW", "en")
    assert result.power_kw == 500
    assert result.per_year_value is None
    assert "hours" in result.note
    assert per_year("500 kW", hours_per_year=4000).per_year_value == pytest.approx(2000)


def test_gas_per_hour_needs_hours_for_a_yearly_figure() -> None:
    without = per_year("800 Nm³/h")
    assert without.unit == "Nm3"
    assert without.period == "hour"
    assert without.per_year_value is None
    assert "draaiuren" in without.note
    with_hours = per_year("800 Nm3/h, 8000 h/j")
    assert with_hours.per_year_value == pytest.approx(6.4e6)
    assert with_hours.per_year_unit == "Nm3"
    assert with_hours.tonnes_per_year is None


def test_volume_becomes_tonnes_with_a_given_density() -> None:
    result = per_year("3 m3 per week", density_t_m3=0.5)
    assert result.tonnes_per_year == pytest.approx(78)
    assert result.density_t_m3 == 0.5


def test_volume_becomes_tonnes_with_a_family_density() -> None:
    result = per_year("1500 liter per dag", family="water")
    assert result.tonnes_per_year == pytest.approx(547.5)
    sawdust = per_year("10 m3 per maand", family="sawdust")
    assert sawdust.density_t_m3 is not None
    assert sawdust.tonnes_per_year == pytest.approx(120 * sawdust.density_t_m3)
    assert "t/m³" in sawdust.note


def test_volume_without_density_says_tonnes_are_unknown() -> None:
    result = per_year("3 m3 per week", "en")
    assert result.tonnes_per_year is None
    assert "density" in result.note
    assert per_year("3 m3 per week", family="no_such_family").tonnes_per_year is None


def test_repeated_deliveries_multiply() -> None:
    result = per_year("3 ton, 2 keer per week")
    assert result.period == "week"
    assert result.per_year_value == pytest.approx(312)


def test_counts_with_a_size_are_multiplied() -> None:
    containers = per_year("2 containers van 30 m³ per week", family="wood")
    assert containers.value == 60
    assert containers.per_year_value == pytest.approx(3120)
    bags = per_year("5 big bags à 500 kg per maand")
    assert bags.tonnes_per_year == pytest.approx(30)


def test_bare_number_uses_the_default_unit() -> None:
    result = per_year("200", default_unit="t")
    assert result.per_year_value == 200
    assert "Eenheid t aangenomen" in result.note


def test_words_around_the_quantity_are_tolerated() -> None:
    assert per_year("200 natte ton slib per jaar").per_year_value == 200
    assert per_year("  200 ton per jaar\n").per_year_value == 200


def test_per_shift_uses_known_shifts() -> None:
    assert per_year("2 t per ploeg", shifts_per_year=750).per_year_value == 1500
