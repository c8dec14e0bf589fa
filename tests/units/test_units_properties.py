"""Property tests: known units round-trip, and no input crashes the parser."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from isassist.units import QuantityError, parse_number, parse_quantity, parse_temperature

_UNITS = {"ton": 1.0, "kg": 0.001, "t": 1.0}
_PERIODS = {"per jaar": 1, "per maand": 12, "per week": 52, "per dag": 365, "/kwartaal": 4}


def _dutch(value: float) -> str:
    return f"{value:.2f}".replace(".", ",")


@settings(max_examples=200, deadline=None)
@given(
    value=st.floats(min_value=0.01, max_value=99_999, allow_nan=False),
    unit=st.sampled_from(sorted(_UNITS)),
    period=st.sampled_from(sorted(_PERIODS)),
)
def test_any_positive_mass_round_trips(value: float, unit: str, period: str) -> None:
    typed = _dutch(value)
    result = parse_quantity(f"{typed} {unit} {period}")
    expected = float(typed.replace(",", "."))
    assert result.value == pytest.approx(expected)
    assert result.tonnes_per_year == pytest.approx(expected * _UNITS[unit] * _PERIODS[period])


@settings(max_examples=200, deadline=None)
@given(value=st.integers(min_value=1, max_value=10**7), unit=st.sampled_from(["MWh", "GJ", "m3"]))
def test_whole_numbers_with_english_grouping_round_trip(value: int, unit: str) -> None:
    result = parse_quantity(f"{value:,} {unit} per year", "en")
    assert result.value == value


@settings(max_examples=500, deadline=None)
@given(text=st.text(max_size=80))
def test_junk_never_raises_anything_but_quantity_error(text: str) -> None:
    for parse in (parse_quantity, parse_number, parse_temperature):
        try:
            parse(text)
        except QuantityError as error:
            assert error.message_nl and error.message_en and error.example


_PIECES = st.sampled_from(
    [
        "1",
        "2,5",
        "1.200",
        "-",
        "/",
        "ton",
        "m3",
        "kW",
        "h",
        "per",
        "jaar",
        "tussen",
        "en",
        "ca.",
        "containers",
        "van",
        "x",
        "keer",
        "ploeg",
        "continu",
        ",",
        "Nm³",
        "€",
        "%",
        "0",
        "een",
        "halve",
        "k",
        "miljoen",
        "9" * 30,
        "à",
        "om",
        "de",
        "weken",
    ]
)


@pytest.mark.slow
@settings(max_examples=500, deadline=None)
@given(pieces=st.lists(_PIECES, max_size=10))
def test_plausible_word_salad_never_crashes(pieces: list[str]) -> None:
    text = " ".join(pieces)
    for lang in ("nl", "en"):
        try:
            parse_quantity(text, lang)
        except QuantityError as error:
            assert error.message_nl and error.message_en and error.example
