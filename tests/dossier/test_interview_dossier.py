"""The dossier carries everything a report needs, and still reads version-1 files written before.

Reports read the dossier, never the engine, so whatever the dossier drops is lost to every
report. These tests go through shipped replays with the real rule base and look for what was
answered and what was concluded.
"""

from __future__ import annotations

from functools import cache

from isassist.dossier import Dossier
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.replay import Replay, run_replay
from isassist.paths import data_dir

REPLAYS = data_dir("dialogs") / "replays"


def _make(spec: Replay) -> Interview:
    return Interview.start(shipped_dialog(), live_services(), spec.mode, spec.language)


@cache
def _bakery() -> Dossier:
    result = run_replay(REPLAYS / "09_bakery_by_product_self_en.yaml", _make)
    assert result.passed, result.failures
    assert result.dossier is not None
    return result.dossier


def test_conclusions_carry_title_level_and_resolved_evidence() -> None:
    dossier = _bakery()
    assert dossier.conclusions
    for conclusion in dossier.conclusions:
        assert conclusion.title["nl"] and conclusion.title["en"]
        assert conclusion.severity or conclusion.priority, conclusion.rule_id
    routes = [c for c in dossier.conclusions if c.kind == "valorisation"]
    assert routes
    backed = [c.data["evidence"] for c in routes if c.data.get("evidence")]
    assert backed
    for evidence in backed:
        assert evidence["spec"] and evidence["count"] >= len(evidence["examples"]) > 0
        assert evidence["examples"][0]["reference"].startswith("MAESTRI exchange")


def test_description_network_deal_and_activity_reach_the_dossier() -> None:
    dossier = _bakery()
    stream = dossier.streams[0]
    assert stream.description == "clean crusts cut off sandwich bread"
    assert dossier.company.activity == "industrial bread baking"
    network = stream.network
    assert network is not None
    assert network.own_use == "no"
    # a receiver is known, so the case library and the wider network are not asked (funnel)
    assert network.exchange_interest is None and network.interest is None
    assert network.who_pays == "receiver_pays"
    assert network.partner == "existing"


def test_no_known_answer_is_dropped() -> None:
    """Every answered question shows up: as a property, a company field, the value map, the
    wants, a canvas block or a stream's own answers."""
    interview = Interview.start(shipped_dialog(), live_services(), "self", "en")
    result = run_replay(REPLAYS / "09_bakery_by_product_self_en.yaml", lambda _: interview)
    assert result.passed, result.failures
    dossier = interview.dossier()
    company = dossier.company.model_dump()
    dialog = interview.dialog
    for (qid, sid), answer in interview.state.answers.items():
        question = dialog.question(qid)
        if answer.status != "known" or question is None:
            continue
        if sid is None:
            field = (question.sets or "").removeprefix("company.")
            kept = qid in dossier.value_map or qid in dossier.wants or field in company
            kept = kept or qid == "activity"
            if field == "location":
                kept = dossier.company.location.postcode is not None
            assert kept, qid
            continue
        stream = next(s for s in dossier.streams if s.id == sid)
        if question.type == "canvas":
            assert question.block in {b.block for b in stream.canvas}, qid
        elif question.type == "canvas_review":
            assert stream.canvas and all(b.status != "pending" for b in stream.canvas), qid
        elif question.sets in (None, "kind"):
            assert qid in stream.answers or question.sets == "kind", qid
        else:
            assert question.sets in stream.properties, qid


def test_dates_of_the_interview() -> None:
    dossier = _bakery()
    assert dossier.created is not None and dossier.updated is not None
    assert dossier.created <= dossier.updated
    assert dossier.model_dump(mode="json")["created"].startswith(str(dossier.created.year))


def test_a_version_1_dossier_without_the_added_fields_still_reads() -> None:
    old = {
        "schema_version": 1,
        "interview_id": "iv-20250101-abcd",
        "mode": "broker",
        "language": "nl",
        "company": {"name": "Brouwerij", "nace": "11.05"},
        "streams": [{"id": "s1", "name": "bostel", "kind": "material"}],
        "conclusions": [
            {
                "rule_id": "valorisation.spent_grain.feed",
                "kind": "valorisation",
                "category": "reuse",
                "text": {"nl": "veevoeder", "en": "feed"},
                "source": "MAESTRI",
                "data": {"route": "animal_feed", "evidence": ["family:spent_grain"]},
            }
        ],
    }
    dossier = Dossier.model_validate(old)
    assert dossier.created is None
    assert dossier.streams[0].network is None and dossier.streams[0].answers == {}
    assert dossier.conclusions[0].title == {}
