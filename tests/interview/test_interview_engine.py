"""The engine as a chat face uses it: conditions, follow-ups, navigation and re-derivation.

The rule base is replaced by a small derive function here so the tests pin the engine's
behaviour (what is asked when, what is withdrawn) independently of the rules being written.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from isassist.dossier import ConclusionView
from isassist.facts import Fact, Property
from isassist.interview.adapters import LiveServices, live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog

INTAKE = {
    "company_name": "Brouwerij De Klok",
    "activity": "bier brouwen",
    "nace": "11.05",
    "location": "9000 Gent",
    "boundary": "brouwzaal",
    "value_captured": "bier",
    "value_destroyed": "bostel",
    "value_missed": "warmte",
    "value_opportunity": "veevoer",
}


class RulesDouble(LiveServices):
    """Knowledge, classifier and units are real; two rules stand in for the rule base."""

    def __init__(self) -> None:
        super().__init__(live_services().knowledge)

    def derive(self, interview_id: str, facts: Sequence[Fact]) -> list[ConclusionView]:
        out = []
        for fact in facts:
            if not isinstance(fact, Property):
                continue
            if (fact.name, fact.value) == ("quality_variability", "variable"):
                out.append(self._conclusion("barrier.quality", "barrier", fact.stream))
            if (fact.name, fact.value) == ("feasibility", 1.0):
                # raised even for a stream that gets parked: must not be asked there
                gap = self._conclusion("gap.ewc", "knowledge_gap", fact.stream)
                gap.data["question"] = "ewc"
                out.append(gap)
            if (fact.name, fact.value) == ("current_route", "incineration"):
                gap = self._conclusion("gap.calorific", "knowledge_gap", fact.stream)
                gap.data["question"] = "q.calorific_value"
                out.append(gap)
        return out

    @staticmethod
    def _conclusion(rule_id: str, kind: str, stream: str) -> ConclusionView:
        return ConclusionView(
            rule_id, kind, "technical", {"nl": rule_id, "en": rule_id}, "test", stream, {}
        )

    def close(self, interview_id: str) -> None:
        pass


def start(streams: str = "bostel", mode: str = "broker") -> Interview:
    interview = Interview.start(shipped_dialog(), RulesDouble(), mode=mode, language="nl")
    table = dict(INTAKE, streams=streams)
    while (question := interview.current_question()) is not None and question.id in table:
        assert interview.answer(table[question.id]).accepted
    return interview


# a material stream scored high enough to be worked out, with its code
WORKED_OUT = {"kind": "materiaal", "feasibility": "4", "impact": "4", "ewc": "02 07 02"}


def answer_until(interview: Interview, table: dict[str, str], stop: str) -> None:
    while (question := interview.current_question()) is not None and question.id != stop:
        turn = interview.answer(table.get(question.id, "?"))
        assert turn.accepted, (question.id, turn.problem)


def asked(interview: Interview) -> tuple[str, str | None]:
    question = interview.current_question()
    assert question is not None
    return question.id, question.stream


def test_the_streams_answer_creates_streams_and_they_are_characterised_in_turn() -> None:
    interview = start("bostel; restwarmte van de ketel")
    assert [s.name for s in interview.state.active_streams] == ["bostel", "restwarmte van de ketel"]
    assert asked(interview) == ("kind", "s1")


def test_no_temperature_for_a_material_stream_but_for_heat() -> None:
    interview = start("bostel; rookgas")
    seen: list[tuple[str, str | None]] = []
    table = {"kind@s1": "materiaal", "kind@s2": "warmte", "feasibility": "4", "impact": "4"}
    table["ewc"] = "02 07 02"
    for _ in range(80):
        question = interview.current_question()
        if question is None or question.step > 2:
            break
        seen.append((question.id, question.stream))
        text = table.get(f"{question.id}@{question.stream}", table.get(question.id, "?"))
        interview.answer(text)
    assert ("temperature", "s1") not in seen and ("ewc", "s1") in seen
    assert ("temperature", "s2") in seen and ("ewc", "s2") not in seen


def test_step_one_sketches_every_stream_before_any_deep_dive() -> None:
    interview = start("bostel; rookgas")
    order: list[tuple[str, str | None]] = []
    for _ in range(12):
        question = interview.current_question()
        assert question is not None
        order.append((question.id, question.stream))
        interview.answer(
            {"kind": "materiaal", "feasibility": "4", "impact": "4"}.get(question.id, "?")
        )
    first_deep = next(i for i, (qid, _) in enumerate(order) if qid == "description")
    assert ("impact", "s2") in order[:first_deep]  # s2 is scored before s1 is worked out


def test_health_and_safety_only_where_hazardous_or_unknown() -> None:
    def reaches_health_safety(ewc: str) -> bool:
        interview = start()
        table = {
            "kind": "materiaal",
            "feasibility": "4",
            "impact": "4",
            "ewc": ewc,
            "hazardous": "?",
        }
        for _ in range(60):
            question = interview.current_question()
            if question is None or question.step > 2:
                return False
            if question.id == "health_safety_risks":
                return True
            interview.answer(table.get(question.id, "?"))
        return False

    assert not reaches_health_safety("02 07 02")  # absolutely non-hazardous
    assert reaches_health_safety("17 06 05")  # asbestos, absolutely hazardous
    assert reaches_health_safety("?")  # nobody knows: ask


def test_a_low_scoring_stream_is_not_worked_out_unless_the_broker_picks_it() -> None:
    interview = start("bostel; plastic folie")
    answer_until(interview, {"kind": "materiaal", "feasibility": "1"}, "impact")
    turn = interview.answer("2")
    assert "s1 (bostel) scoort laag en wordt niet uitgewerkt" in turn.text()
    assert asked(interview) == ("kind", "s2")
    # the ewc gap is about the deep-dive, which s1 does not get: not a gap of this interview
    assert not any(c.rule_id == "gap.ewc" for c in interview.conclusions)
    assert interview.dossier().streams[0].worked_out is False
    answer_until(interview, {"kind": "materiaal", "feasibility": "4", "impact": "4"}, "description")
    assert asked(interview) == ("description", "s2")
    interview.answer("/uitwerken s1")
    assert interview.worked_out("s1") and interview.dossier().streams[0].worked_out
    assert asked(interview) == ("description", "s1")


def test_a_refused_answer_keeps_everything_answered_before() -> None:
    interview = start()
    before = dict(interview.state.answers)
    turn = interview.answer("x" * 10_000)
    assert not turn.accepted and turn.question is not None and turn.question.id == "kind"
    assert interview.state.answers == before


def test_back_asks_the_previous_question_again_and_back_twice_goes_further() -> None:
    interview = start()
    interview.answer("materiaal")
    interview.answer("200 ton per jaar")
    assert asked(interview) == ("feasibility", "s1")
    interview.answer("/terug")
    assert asked(interview) == ("quantity", "s1")
    interview.answer("/back")
    assert asked(interview) == ("kind", "s1")
    interview.answer("warmte")
    assert interview.facts.streams["s1"].kind == "heat"
    assert asked(interview) == ("heat_energy", "s1")  # a heat stream's amount is its energy


def test_skip_moves_on_and_is_recorded_as_skipped() -> None:
    interview = start()
    interview.answer("/overslaan")
    assert asked(interview) == ("quantity", "s1")
    assert ("kind", "s1") in interview.state.skipped


def test_revising_an_answer_rederives_conclusions() -> None:
    interview = start()
    table = {**WORKED_OUT, "quality": "wisselend"}
    answer_until(interview, table, "storage")
    assert any(c.rule_id == "barrier.quality" for c in interview.conclusions)
    interview.answer("/wijzig kwaliteit s1")  # the Dutch name of the question
    assert asked(interview) == ("quality", "s1")
    turn = interview.answer("stabiel")
    assert [c.rule_id for c in turn.withdrawn_conclusions] == ["barrier.quality"]
    assert asked(interview) == ("storage", "s1")


def test_withdrawing_an_answer_withdraws_its_conclusions() -> None:
    interview = start()
    answer_until(interview, {"kind": "materiaal", "quality": "wisselend"}, "storage")
    turn = interview.answer("/intrekken quality")
    assert turn.accepted and [c.rule_id for c in turn.withdrawn_conclusions] == ["barrier.quality"]
    assert ("quality", "s1") not in interview.state.answers


def test_a_follow_up_raised_by_a_rule_is_offered_at_the_right_moment() -> None:
    interview = start()
    table = {"kind": "materiaal", "ewc": "02 07 02", "current_route": "verbrand"}
    answer_until(interview, table, "current_route")
    interview.answer("verbrand")
    seen = []
    while (question := interview.current_question()) is not None and question.step == 2:
        seen.append(question.id)
        interview.answer("?")
    # calorific_value is asked only because the rule raised it, inside step 2F
    assert "calorific_value" in seen
    assert seen.index("calorific_value") > seen.index("contaminated")


def test_a_follow_up_only_question_is_not_asked_without_a_rule() -> None:
    interview = start()
    answer_until(interview, {"kind": "materiaal", "current_route": "gestort"}, "market_price")
    assert ("calorific_value", "s1") not in interview.state.answers


def test_add_and_remove_streams_at_any_time() -> None:
    interview = start()
    turn = interview.answer("/add restwarmte rookgas")
    assert "s2" in turn.acknowledgement
    listing = interview.answer("/streams")
    assert any("restwarmte rookgas" in line for line in listing.said)
    asking = interview.answer("/verwijder s1")
    assert asking.awaiting_confirmation and "bostel" in asking.acknowledgement
    assert [s.id for s in interview.dossier().streams] == ["s1", "s2"]  # not yet
    interview.answer("ja")
    assert asked(interview) == ("kind", "s2")
    assert [s.id for s in interview.dossier().streams] == ["s2"]


def test_removing_can_be_cancelled_and_the_line_is_not_lost() -> None:
    interview = start()
    interview.answer("/stroom verwijder s1")  # the words of the issue: no stream called so
    turn = interview.answer("materiaal")
    assert "Geannuleerd" in turn.text() and interview.state.answers[("kind", "s1")].value == (
        "material"
    )
    assert [s.name for s in interview.state.active_streams] == ["bostel"]


def test_rename_and_duplicate_warning() -> None:
    interview = start("bostel; restwarmte")
    turn = interview.answer("/hernoem s1 = bierdraf")
    assert turn.accepted and interview.dossier().streams[0].name == "bierdraf"
    asking = interview.answer("/voeg-toe Bierdraf")
    assert asking.awaiting_confirmation and "s1" in asking.acknowledgement
    interview.answer("nee")
    assert len(interview.state.active_streams) == 2


def test_jump_says_why_it_cannot() -> None:
    interview = start()
    turn = interview.answer("/spring stap4")
    assert turn.accepted and "Stap 4" in turn.acknowledgement
    assert asked(interview) == ("legal_status", "s1")
    refused = interview.answer("/spring stap9")
    assert not refused.accepted and "stap4" in (refused.problem or "")
    interview.answer("/spring stap1")
    answer_until(interview, {"kind": "materiaal", "feasibility": "1", "impact": "1"}, "x")
    not_out = interview.answer("/spring stap4 s1")
    assert not not_out.accepted and "/uitwerken s1" in (not_out.problem or "")


def test_jump_to_a_section_and_back_to_what_is_open() -> None:
    interview = start()
    interview.answer("/jump valuation")
    assert asked(interview) == ("market_price", "s1")
    interview.answer("180 euro per ton")
    assert asked(interview) == ("own_use", "s1")


def test_a_note_on_any_question_lands_in_the_dossier() -> None:
    interview = start()
    interview.answer("/note vraag de analyse op bij de labo")
    notes = interview.dossier().notes
    assert notes[0].question == "kind" and "labo" in notes[0].text


def test_bad_commands_are_explained() -> None:
    interview = start()
    assert "Onbekende opdracht" in (interview.answer("/dans").problem or "")
    assert "Er is geen vraag" in (interview.answer("/revise kleur").problem or "")
    assert "Er is geen stroom" in (interview.answer("/remove s9").problem or "")


def test_self_assessment_shows_help_the_broker_does_not_get() -> None:
    broker = start(mode="broker")
    helped = start(mode="self")
    for interview in (broker, helped):
        answer_until(interview, {"kind": "materiaal"}, "feasibility")
    assert broker.current_question().help is None  # type: ignore[union-attr]
    assert "4-kwadranten" in (helped.current_question().help or "")  # type: ignore[union-attr]


def test_replaying_the_log_gives_the_same_interview() -> None:
    interview = start("bostel; rookgas")
    answer_until(interview, {"kind": "materiaal", "quantity": "200 ton per jaar"}, "market_price")
    copy = Interview(shipped_dialog(), RulesDouble(), interview.id, events=interview.log)
    # the log holds no dates: a rebuilt interview gets them from the store, or has none
    dates = {"created", "updated"}
    assert copy.dossier().model_dump(exclude=dates) == interview.dossier().model_dump(exclude=dates)
    assert copy.dossier().created is None
    assert copy.current_question() == interview.current_question()


def test_yes_to_the_storage_question_asks_how_much_storage_instead_of_refusing() -> None:
    # R107: "ja, in zakken in de hal" to niet/beperkt/ruim was refused outright
    interview = start()
    answer_until(interview, {"kind": "materiaal"}, "storage")
    turn = interview.answer("ja, in zakken in de hal")
    assert not turn.accepted and turn.problem == "Ja: beperkt of ruim?"
    again = interview.answer("ja, in zakken in de hal")  # the same words: refused, not lost
    assert not again.accepted and again.problem and asked(interview) == ("storage", "s1")
    assert interview.answer("beperkt").accepted
    assert interview.state.answers[("storage", "s1")].value == "limited"


@pytest.mark.parametrize(
    ("said", "first"), [("ja, een varkenshouder in Tielt, 12 km", "01.46"), ("ja, 12 km", None)]
)
def test_the_receiver_nace_is_suggested_from_the_receiver_named_not_the_company(
    said: str, first: str | None
) -> None:
    # R104: a roaster's receiver ("een oesterzwammenkweker") got the roaster's own codes
    interview = start()
    table = {**WORKED_OUT, "receiver_known": said}
    answer_until(interview, table, "receiver_nace")
    question = interview.current_question()
    assert question is not None and question.id == "receiver_nace"
    codes = [s.code for s in question.suggestions]
    own = interview.facts.company.nace
    assert own is not None and own not in codes
    assert (codes[0] if codes else None) == first


def test_a_negative_amount_in_the_listed_streams_is_not_taken_as_positive() -> None:
    # R107: "spent grain, -200 tonnes a year" was stored as 200 t without a word
    interview = start(streams="bostel, -200 ton per jaar")
    assert interview.state.streams["s1"].name == "bostel"
    answer_until(interview, {"kind": "materiaal"}, "quantity")
    assert ("quantity", "s1") not in interview.state.answers
    turn = interview.answer("-200 ton per jaar")
    assert not turn.accepted and turn.problem
