"""Questions that fit the material: no moisture question for metal, glass or built-up goods
(review R79: aluminium printing plates were asked how much moisture they hold)."""

from __future__ import annotations

import pytest

from isassist.facts import Value
from isassist.interview.conditions import Scope, holds
from isassist.interview.events import Answered
from isassist.interview.loader import shipped_dialog


def _moisture_asked(families: list[str]) -> bool:
    question = shipped_dialog().question("moisture")
    assert question is not None and question.when is not None
    state = Answered(question="state", stream="s1", text="vast", value="solid")
    properties: dict[str, Value] = {"family": families}
    scope = Scope(
        answers={"state": state}, company_answers={}, properties=properties, mode="broker"
    )
    return holds(question.when, scope)


@pytest.mark.parametrize("families", [["metal_nonferrous"], ["metal_ferrous"], ["glass"], ["weee"]])
def test_no_moisture_question_for_metal_glass_or_appliances(families: list[str]) -> None:
    assert not _moisture_asked(families)


@pytest.mark.parametrize("families", [["wood", "sawdust"], ["spent_grain"], ["paper"], []])
def test_moisture_is_asked_for_organic_fibrous_or_unclassified_solids(families: list[str]) -> None:
    assert _moisture_asked(families)
