"""Facts the rules need that the interview derives from what was said (know, stop 11).

A stream that stops at step 1 has no EWC code, yet the broker should still see the routes of
its material; and "weet niet" to the legal-status question is itself a finding the legal rules
reason on (review R69).
"""

from __future__ import annotations

from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog

INTAKE = {
    "company_name": "Schrijnwerkerij Peeters",
    "activity": "ramen en deuren maken in hout",
    "nace": "16.23",
    "location": "2200 Herentals",
    "boundary": "atelier",
    "value_captured": "ramen",
    "value_destroyed": "zaagsel",
    "value_missed": "warmte",
    "value_opportunity": "pellets",
}


def _interview(streams: str) -> Interview:
    interview = Interview.start(shipped_dialog(), live_services(), mode="broker", language="nl")
    table = dict(INTAKE, streams=streams)
    while (question := interview.current_question()) is not None and question.id in table:
        assert interview.answer(table[question.id]).accepted
    return interview


def _answer(interview: Interview, table: dict[str, str], stop: str | None = None) -> None:
    for _ in range(200):
        question = interview.current_question()
        if question is None or question.id == stop:
            return
        turn = interview.answer(
            table.get(f"{question.id}@{question.stream}", table.get(question.id, "?"))
        )
        assert turn.accepted, (question.id, turn.problem)


def test_a_stream_parked_at_step_1_gets_the_routes_of_its_material() -> None:
    interview = _interview("zaagsel van onbehandeld vurenhout; lakresten")
    _answer(
        interview, {"kind": "materiaal", "feasibility": "1", "impact": "1"}, stop="legal_status"
    )
    dossier = interview.dossier()
    sawdust = next(s for s in dossier.streams if s.id == "s1")
    assert not sawdust.ewc  # the code stays the broker's choice
    assert "sawdust" in sawdust.family
    routes = {c.data.get("route") for c in dossier.conclusions if c.stream_id == "s1"}
    assert routes & {"biomass_fuel", "pellets", "particleboard"}


def test_dont_know_the_legal_status_brings_the_by_product_test() -> None:
    interview = _interview("zaagsel van onbehandeld vurenhout")
    table = {"kind": "materiaal", "feasibility": "4", "impact": "4", "ewc": "1"}
    _answer(interview, table, stop="legal_status")
    assert interview.answer("weet niet").accepted
    dossier = interview.dossier()
    assert dossier.streams[0].properties.get("legal_status") == "unknown"
    rules = {c.rule_id for c in dossier.conclusions if c.stream_id == "s1"}
    assert "legal.waste_status.by_product_test" in rules
