"""Every refusal says what is wrong and gives a model answer, in both languages."""

from __future__ import annotations

import pytest

from isassist.units import QuantityError, is_unknown_answer, parse_quantity


def refusal(text: str, lang: str = "nl", **kwargs: object) -> QuantityError:
    with pytest.raises(QuantityError) as caught:
        parse_quantity(text, lang, **kwargs)  # type: ignore[arg-type]
    error = caught.value
    assert error.message_nl and error.message_en and error.example
    assert error.example in error.message(lang)  # type: ignore[arg-type]
    return error


@pytest.mark.parametrize(
    ("text", "kind", "words_nl", "words_en"),
    [
        ("ton/jaar", "not_a_number", "geen getal", "cannot find a number"),
        ("per kwartaal", "not_a_number", "geen getal", "cannot find a number"),
        ("veel", "not_a_number", "geen getal", "cannot find a number"),
        ("200 bananen per jaar", "unknown_unit", "'bananen'", "'bananen'"),
        ("200", "missing_unit", "geen eenheid", "has no unit"),
        ("-5 ton per jaar", "negative", "negatief", "negative"),
        ("200 miljoen ton per jaar", "absurd", "100 miljoen", "100 million"),
        ("20000 t per uur, 8000 h/j", "absurd", "onwaarschijnlijk", "implausibly"),
        ("20 GW", "absurd", "10 GW", "10 GW"),
        ("500 kW, 9000 h/j", "absurd", "8.784", "8,784"),
        ("500 kW, 25 u/dag", "absurd", "dag", "day"),
        ("500 kW per jaar", "power_with_period", "draaiuren", "operating hours"),
        ("2 containers per week", "count_without_size", "container", "container"),
        ("5 big bags per maand", "count_without_size", "big bag", "big bag"),
        ("2 t per ploeg", "needs_shifts", "ploegen", "shifts"),
        ("2 t per shift", "needs_shifts", "ploegen", "shifts"),
        ("200 ton, 300 ton per jaar", "ambiguous", "meer dan één", "more than one"),
        ("weet niet", "unknown_answer", "onbekend", "unknown"),
        ("", "empty", "niets", "Nothing"),
        ("   ", "empty", "niets", "Nothing"),
    ],
)
def test_refusals_name_the_problem(text: str, kind: str, words_nl: str, words_en: str) -> None:
    error = refusal(text)
    assert error.kind == kind
    assert words_nl in error.message_nl
    assert words_en in error.message_en


def test_a_ten_kilobyte_paste_is_refused() -> None:
    error = refusal("200 ton per jaar " * 600)
    assert error.kind == "too_long"
    assert "10200" in error.message_en


def test_control_characters_are_refused() -> None:
    assert refusal("200\x00 ton").kind == "control_characters"
    assert refusal("200 ton\x1b[31m").kind == "control_characters"


def test_invisible_format_characters_are_dropped_not_refused() -> None:
    assert parse_quantity("\ufeff200\u200b ton per jaar").per_year_value == 200


def test_a_count_refusal_offers_an_answer_that_parses() -> None:
    error = refusal("2 containers per week")
    assert parse_quantity(error.example, family="wood").per_year_value == pytest.approx(3120)


def test_the_example_follows_the_language() -> None:
    assert "per jaar" in refusal("200", "nl").example
    assert "per year" in refusal("200", "en").example


@pytest.mark.parametrize(
    "text",
    [
        "weet niet",
        "Weet ik niet.",
        "onbekend",
        "geen idee",
        "?",
        "???",
        "unknown",
        "n/a",
        "N.V.T.",
        "nvt",
        "don't know",
        "Don’t know",
        "niet gekend",
        "idk",
        "no idea",
        "-",
    ],
)
def test_unknown_answers_are_recognised(text: str) -> None:
    assert is_unknown_answer(text)


@pytest.mark.parametrize("text", ["200 ton", "0", "nee", "ja", "weet niet hoeveel ton, 20?"])
def test_real_answers_are_not_unknown(text: str) -> None:
    assert not is_unknown_answer(text)
