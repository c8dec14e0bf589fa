"""The services seam: what the units and the code spellings say reaches the interview in its
own types and in the interview's language, so no room above the adapters needs the packages'
exceptions (the "services" import contract holds them to that)."""

from __future__ import annotations

import pytest

from isassist.interview.adapters import live_services
from isassist.interview.services import CodeProblem, QuantityProblem


@pytest.mark.parametrize(("lang", "said"), [("nl", "geen getal"), ("en", "cannot find a number")])
def test_an_unreadable_amount_is_a_quantity_problem_in_the_interview_language(
    lang: str, said: str
) -> None:
    services = live_services()
    for read in (services.parse_quantity, services.parse_number, services.parse_temperature):
        with pytest.raises(QuantityProblem) as problem:
            read("veel", lang)
        assert said in problem.value.message
        assert problem.value.example


def test_a_mistyped_cas_number_is_a_code_problem_naming_the_right_digit() -> None:
    with pytest.raises(CodeProblem, match=r"7440-50-8"):
        live_services().spell_code("cas", "7440-50-9")


def test_codes_are_spelled_the_canonical_way_and_words_are_no_code() -> None:
    services = live_services()
    assert services.spell_code("ewc", "17 02 01") == "170201"
    assert services.spell_code("nace", "1105") == "11.05"
    assert services.spell_code("cas", "7440508") == "7440-50-8"
    assert services.spell_code("cas", "houtafval") is None
    assert services.says_unknown("n.v.t.")
    assert services.format_amount(1200, "t", "nl", per_year=True) == "1.200 t/jaar"
