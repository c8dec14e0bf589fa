"""Knowledge gaps raised by the real rule base reach the user as questions, at the right moment.

A gap rule names the dialog question that closes it. If that name is not a dialog id the
question is never offered and the gap stays open forever; these tests go through an interview
with the shipped dialog and rules, as a replay does, and watch a gap open and close.
"""

from __future__ import annotations

from typing import Any

import yaml

from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.paths import data_dir

GAP = ("gap.properties.animal_origin", "s1")


def _bakery_answers() -> dict[str, str]:
    """The bakery replay's answers (bread crusts: a food residue of unknown animal origin)."""
    path = data_dir("dialogs") / "replays" / "09_bakery_by_product_self_en.yaml"
    spec: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    table: dict[str, str] = {"value_type": "destroyed", "feasibility": "5"}
    for step in spec["steps"]:
        table.update({k: str(v) for k, v in step.get("answers", {}).items()})
    del table["animal_origin"]
    return table


def _gaps(interview: Interview) -> set[tuple[str, str | None]]:
    return {c.key for c in interview.conclusions if c.kind == "knowledge_gap"}


def _answer_until(interview: Interview, table: dict[str, str], stop: str) -> list[str]:
    asked: list[str] = []
    while (question := interview.current_question()) is not None and question.id != stop:
        asked.append(question.id)
        turn = interview.answer(table.get(question.id, "?"))
        assert turn.accepted, (question.id, turn.problem)
    return asked


def test_a_gap_question_is_offered_in_its_step_and_answering_it_closes_the_gap() -> None:
    interview = Interview.start(shipped_dialog(), live_services(), "self", "en")
    table = _bakery_answers()
    asked = _answer_until(interview, table, stop="animal_origin")

    question = interview.current_question()
    assert question is not None and question.id == "animal_origin", asked
    assert question.stream == "s1"
    assert GAP in _gaps(interview)
    # offered in step 2F, after the other missing properties and before valuation (step 3)
    assert "moisture" in asked and "market_price" not in asked
    section = shipped_dialog().section_of("animal_origin")
    assert section is not None and section.id == "missing_properties"

    assert interview.answer("no").accepted
    assert GAP not in _gaps(interview)
    rest = _answer_until(interview, table, stop="")
    assert "animal_origin" not in rest
    assert "market_price" in rest
    dossier = interview.dossier()
    assert dossier.streams[0].properties["animal_origin"] is False
    assert all((c.rule_id, c.stream_id) != GAP for c in dossier.conclusions)


def test_without_a_gap_the_follow_up_question_is_never_asked() -> None:
    interview = Interview.start(shipped_dialog(), live_services(), "broker", "nl")
    table = {
        **_bakery_answers(),
        "company_name": "Centrale Noord",
        "nace": "35.11",
        "streams": "vliegas",
        "description": "vliegas uit de stoomketel",
        "ewc": "10 01 02",
    }
    asked = _answer_until(interview, table, stop="")
    assert "animal_origin" not in asked
    assert GAP not in _gaps(interview)
