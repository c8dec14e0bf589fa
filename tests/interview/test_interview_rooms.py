"""The engine's rooms as a broker meets them: one command registry, step 1 in the contact's
own words, the conversation back after a resume, replays that outlive renamed questions, the
canvas in one review, and gaps that matter."""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.interview import command_handlers
from isassist.interview.adapters import live_services
from isassist.interview.canvas_review import parse_review
from isassist.interview.commands import COMMANDS, help_markdown, parse_command
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.parsing import AnswerProblem
from isassist.interview.replay import Replay, run_replay
from isassist.interview.sketch import sketch
from isassist.paths import data_dir
from isassist.session.digest import stream_line
from isassist.session.i18n import HELP
from isassist.session.progress import overall, progress

ROOT = Path(__file__).resolve().parents[2]
REPLAYS = data_dir("dialogs") / "replays"


def _start() -> Interview:
    return Interview.start(shipped_dialog(), live_services(), "broker", "nl")


def _intake(interview: Interview, streams: str) -> None:
    for text in ("Brouwerij De Klok", "bier brouwen", "11.05", "9000 Gent"):
        assert interview.answer(text).accepted
    for text in ("brouwzaal", "bier", "bostel", "warmte", "veevoer"):
        assert interview.answer(text).accepted


# --- the command registry --------------------------------------------------------------------


def test_every_engine_command_has_a_handler_and_every_handler_a_command() -> None:
    engine = {c.name for c in COMMANDS if c.face == "engine"}
    assert engine == set(command_handlers.HANDLERS)


@pytest.mark.parametrize("spec", COMMANDS, ids=lambda c: c.name)
def test_every_word_in_either_language_runs_its_command(spec: object) -> None:
    from isassist.interview.commands import CommandSpec

    assert isinstance(spec, CommandSpec)
    for word in (*spec.words_nl, *spec.words_en):
        command = parse_command(f"/{word} s2")
        assert command is not None and command.name == spec.name, word
        assert command.arg == "s2"


def test_help_and_docs_are_generated_from_the_registry() -> None:
    for lang in ("nl", "en"):
        for spec in COMMANDS:
            assert f"`{spec.word(lang)}`" in HELP[lang]
    committed = (ROOT / "docs" / "COMMANDS.md").read_text(encoding="utf-8")
    assert help_markdown("nl") in committed and help_markdown("en") in committed, (
        "docs/COMMANDS.md is stale: uv run python -m isassist.interview.commands > docs/COMMANDS.md"
    )


def test_a_chat_command_in_a_script_says_where_it_works() -> None:
    turn = _start().answer("/waarom")
    assert not turn.accepted and "chatvenster" in (turn.problem or "")


# --- step 1 in the contact's own words ---------------------------------------------------------


def test_a_listed_entry_splits_into_name_amount_and_temperature() -> None:
    spent = sketch("bierdraf, ca. 3000 ton per jaar")
    assert (spent.name, spent.amount, spent.mass) == ("bierdraf", "3000 ton per jaar", True)
    water = sketch("warm koelwater van 35 °C, 20 m3 per dag")
    assert (water.name, water.temperature, water.amount) == (
        "warm koelwater",
        "35 °C",
        "20 m3 per dag",
    )
    assert sketch("CO2").name == "CO2" and sketch("lijn 2").name == "lijn 2"


def test_an_amount_in_words_never_becomes_part_of_the_name() -> None:
    vague = sketch("oud frituurvet, honderdduizenden liter")
    assert (vague.name, vague.amount) == ("oud frituurvet", "honderdduizenden liter")
    assert sketch("hout, een paar kuub").name == "hout"
    # a comma between two materials is no amount
    assert sketch("papier, karton").name == "papier, karton"
    assert sketch("papier, t-shirts").name == "papier, t-shirts"


def test_what_step_1_was_told_is_carried_forward_not_asked_again() -> None:
    interview = _start()
    _intake(interview, "")
    turn = interview.answer(
        "bierdraf, ca. 3000 ton per jaar; warm koelwater van 35 °C, 20 m3 per dag"
    )
    assert "Uit de lijst overgenomen voor s1 bierdraf" in turn.text()
    facts = interview.facts.properties
    assert facts["s1"]["kind"] == "material" and facts["s1"]["quantity_per_year"] == 3000
    assert facts["s2"]["kind"] == "heat" and facts["s2"]["temperature_c"] == 35
    seen = []
    for _ in range(8):
        question = interview.current_question()
        assert question is not None
        if question.step > 1:
            break
        seen.append((question.id, question.stream))
        if (question.id, question.stream) == ("heat_energy", "s2"):
            # the flow of cooling water is no energy: asked, with the words said in step 1
            assert any("20 m3 per dag" in line for line in question.context)
        interview.answer({"feasibility": "4 4", "heat_energy": "900 MWh per jaar"}[question.id])
    assert ("kind", "s1") not in seen and ("quantity", "s1") not in seen
    assert ("temperature", "s2") not in seen and ("heat_energy", "s2") in seen


def test_a_listed_volume_waits_for_the_kind_and_is_then_taken_over() -> None:
    # "zure wei, 25000 m3 per jaar" names no kind (a volume may be a material or water), so
    # the kind is asked; once answered, the amount is carried forward, not asked again
    interview = _start()
    _intake(interview, "")
    interview.answer("zure wei, ca. 25000 m3 per jaar")
    question = interview.current_question()
    assert question is not None and (question.id, question.stream) == ("kind", "s1")
    turn = interview.answer("materiaal")
    assert "zure wei" in turn.text() and "25" in turn.text()
    assert interview.facts.properties["s1"]["quantity_per_year"] == 25000
    following = interview.current_question()
    assert following is not None and (following.id, following.stream) != ("quantity", "s1")


def test_a_listed_power_is_a_power_confirmed_at_the_power_question() -> None:
    # "400 kW" is a power, not an amount per year: the dossier says "400 kW", the step-2C
    # power question shows it to confirm, "ja" confirms, and the hours give the MWh per year
    interview = _start()
    _intake(interview, "")
    interview.answer("restwarmte koelinstallatie 35 °C, 400 kW")
    props = interview.facts.properties["s1"]
    assert props["power_kw"] == 400 and "quantity_per_year" not in props
    line = stream_line(interview.dossier().streams[0], "nl")
    assert line.endswith("· 400 kW") and "kW/jaar" not in line
    answers = {"feasibility": "4 4", "medium": "koelwater", "hours": "6000 uur"}
    for _ in range(30):
        question = interview.current_question()
        assert question is not None
        if question.id == "power":
            assert any("400 kW" in line and "ja" in line for line in question.context)
            turn = interview.answer("ja")
            assert turn.accepted and "400 kW" in turn.text()
            break
        interview.answer(answers.get(question.id, "weet niet"))
    else:
        raise AssertionError("the power question was never asked")
    assert ("power", "s1") in interview.state.answers
    question = interview.current_question()
    assert question is not None and question.id == "hours"
    interview.answer("6000 uur")
    assert interview.facts.properties["s1"]["energy_mwh_per_year"] == 2400
    line = stream_line(interview.dossier().streams[0], "nl")
    assert "400 kW · 6.000 uur/jaar ≈ 2.400 MWh/jaar" in line


def test_a_carried_power_is_refined_by_another_figure() -> None:
    interview = _start()
    _intake(interview, "")
    interview.answer("restwarmte koelinstallatie 35 °C, 400 kW")
    for _ in range(30):
        question = interview.current_question()
        assert question is not None
        if question.id == "power":
            interview.answer("450 kW")
            break
        answers = {"feasibility": "4 4", "medium": "koelwater"}
        interview.answer(answers.get(question.id, "weet niet"))
    assert interview.facts.properties["s1"]["power_kw"] == 450


def _walk_to(interview: Interview, qid: str, answers: dict[str, str]) -> None:
    for _ in range(40):
        question = interview.current_question()
        assert question is not None
        if question.id == qid:
            return
        interview.answer(answers.get(question.id, "weet niet"))
    raise AssertionError(f"{qid} was never asked")


def test_the_cpa_of_waste_heat_is_never_the_companys_product() -> None:
    # review R6: a brewery's waste heat was offered "11.05 Beer" as its CPA code, and the
    # English CPA titles stood on a Dutch screen unannounced
    interview = _start()
    _intake(interview, "")
    interview.answer("restwarmte koelinstallatie 35 °C, 400 kW")
    _walk_to(interview, "cpa", {"feasibility": "4 4"})
    question = interview.current_question()
    assert question is not None and question.suggestions
    codes = [s.code for s in question.suggestions]
    assert "35.30.11" in codes and not any(c.startswith("11.05") for c in codes)
    notes = [line for line in question.context if "Engels" in line]
    assert len(notes) == 1


def test_analysis_figures_given_with_a_yes_reach_the_dossier() -> None:
    # review R10: "ja, droge stof 6 %, ..." was echoed "Genoteerd: ja." and the figures lost
    interview = _start()
    _intake(interview, "")
    interview.answer("zure wei, 25000 ton per jaar")
    _walk_to(interview, "composition_known", {"feasibility": "4 4"})
    turn = interview.answer("ja, droge stof 6 %, lactose 4,5 %, pH 4,6")
    assert turn.accepted and "ja (droge stof 6 %, lactose 4,5 %, pH 4,6)" in turn.text()
    question = interview.current_question()
    assert question is not None and question.id == "contaminated"
    turn = interview.answer("soms wat reinigingsmiddel bij het spoelen")
    assert turn.accepted and interview.facts.properties["s1"]["contaminated"] == "yes"
    notes = [n.text for n in interview.dossier().notes]
    assert "analyse: ja, droge stof 6 %, lactose 4,5 %, pH 4,6" in notes
    assert "verontreinigd: soms wat reinigingsmiddel bij het spoelen" in notes


@pytest.mark.parametrize(
    ("activity", "code"),
    [("we maken kaas en boter uit melk", "10.51"), ("een houtzagerij", "16.10")],
)
def test_nace_suggestions_are_not_padded_with_look_alikes(activity: str, code: str) -> None:
    # review R11: "kaas en boter uit melk" offered 10.51 and then rice, sugar cane, tobacco
    found = live_services().search_codes("nace", activity, "nl", None)
    assert found and found[0].code == code
    assert not any(s.code.startswith("01.1") for s in found)


def test_a_bare_yes_is_never_a_want() -> None:
    # review R77: said twice, "ja" is taken as typed, but it is no want named "ja"
    interview = _start()
    _intake(interview, "")
    interview.answer("bostel")
    _walk_to(interview, "wants_materials", {"feasibility": "4 4"})
    assert interview.answer("ja").asked_back
    assert interview.answer("ja").accepted
    wants = [f for f in interview.facts.facts if getattr(f, "role", None) == "want"]
    assert wants == []


def test_not_knowing_the_legal_status_is_a_legal_status_the_rules_reason_on() -> None:
    # review R69: "weet niet" left no legal-status fact, so the by-product test and the
    # regional path never fired
    interview = _start()
    _intake(interview, "")
    interview.answer("bostel, 3000 ton per jaar")
    _walk_to(interview, "legal_status", {"feasibility": "4 4", "ewc": "02 07 02"})
    interview.answer("weet niet")
    assert interview.facts.properties["s1"]["legal_status"] == "unknown"
    fired = {c.rule_id for c in interview.conclusions if c.stream_id == "s1"}
    assert any("by_product" in rule for rule in fired), sorted(fired)


def test_a_name_alone_never_decides_the_kind() -> None:
    interview = _start()
    _intake(interview, "")
    interview.answer("warm koelwater")
    question = interview.current_question()
    assert question is not None and (question.id, question.stream) == ("kind", "s1")


# --- the conversation back after a resume ------------------------------------------------------


def test_the_transcript_rebuilds_the_conversation_from_the_log() -> None:
    interview = _start()
    _intake(interview, "")
    interview.answer("bostel")
    interview.answer("materiaal")
    interview.answer("/sla-over")
    resumed = Interview(shipped_dialog(), live_services(), interview.id, events=interview.log)
    past = resumed.transcript()
    said = [(t.kind, t.question_id, t.stream, t.answer_text) for t in past]
    assert ("answer", "company_name", None, "Brouwerij De Klok") in said
    assert ("answer", "kind", "s1", "materiaal") in said
    assert ("skip", "quantity", "s1", "") in said
    assert said.index(("answer", "kind", "s1", "materiaal")) < said.index(
        ("skip", "quantity", "s1", "")
    )
    kind = next(t for t in past if t.question_id == "kind")
    assert kind.question_text.startswith("[s1 bostel] Wat voor stroom is 'bostel'?")
    assert all(t.question_id not in ("mode", "language") for t in past)


# --- replays outlive renamed questions ---------------------------------------------------------


def _make(spec: Replay) -> Interview:
    return Interview.start(shipped_dialog(), live_services(), spec.mode, spec.language)


def _replay(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "r.yaml"
    path.write_text(body, encoding="utf-8")
    return path


def test_a_replay_naming_a_question_that_never_existed_fails_with_did_you_mean(
    tmp_path: Path,
) -> None:
    path = _replay(
        tmp_path,
        "title: t\nsteps:\n  - answers: {company_name: X, quantiti: 5 ton}\n",
    )
    result = run_replay(path, _make)
    assert not result.passed
    assert "unknown question id 'quantiti'" in result.failures[0]
    assert "did you mean quantity" in result.failures[0]


def test_a_merged_question_is_answered_and_an_unused_answer_is_only_reported(
    tmp_path: Path,
) -> None:
    body = (
        "title: t\nsteps:\n  - answers:\n      company_name: X\n      activity: bier\n"
        "      nace: '11.05'\n      location: 9000 Gent\n      boundary: a\n"
        "      value_captured: a\n      value_destroyed: a\n      value_missed: a\n"
        "      value_opportunity: a\n      streams: bostel, 200 ton per jaar\n"
        "      feasibility: 4 4\n      description: natte bostel\n      value_type: verloren\n"
        "      ewc: 02 07 02\n      state: vast\n      frequency: dagelijks\n"
        "      quality: stabiel\n      storage: geen\n      current_route: verbrand\n"
        "      current_cost: 1000 euro\n      composition_known: ja\n      contaminated: nee\n"
        "      moisture: 70 %\n      market_price: 40 euro per ton\n      own_use: nee\n"
        "      receiver_known: nee\n      exchange_interest: nee\n"
        "      network_same: twee brouwerijen\n      wants_materials: geen\n"
        "      wants_utilities: geen\n      other_missing: niets\n"
        "    default: '?'\n    until: legal_status\n"
    )
    result = run_replay(_replay(tmp_path, body), _make)
    assert result.passed, result.failures
    assert result.dossier is not None
    # network_same was merged into network_interest: its answer lands there
    assert result.dossier.streams[0].answers.get("network_interest") == "twee brouwerijen"
    assert any("answer to other_missing was not used" in note for note in result.notes)


def test_an_old_log_naming_a_merged_question_resumes_with_the_answer_in_place() -> None:
    interview = _start()
    _intake(interview, "")
    interview.answer("bostel")
    old = [*interview.log]
    old.append(
        {
            "kind": "answer",
            "question": "network_same",
            "stream": "s1",
            "text": "buren",
            "value": "buren",
            "status": "known",
            "unit": None,
            "extra": {},
        }
    )
    resumed = Interview(shipped_dialog(), live_services(), interview.id, events=old)
    assert resumed.state.answers[("network_interest", "s1")].value == "buren"


# --- the canvas in one review ------------------------------------------------------------------


def test_the_canvas_review_takes_all_or_changes_single_blocks() -> None:
    assert set(parse_review("ok", "nl").extra.values()) == {"confirmed"}
    assert set(parse_review("verwerp", "nl").extra.values()) == {"rejected"}
    mixed = parse_review("kosten: transport 8 euro per ton; kanalen: verwerp", "nl").extra
    assert mixed["cost_structure"] == "edited"
    assert mixed["cost_structure.text"] == "transport 8 euro per ton"
    assert mixed["channels"] == "rejected" and mixed["key_partners"] == "confirmed"
    with pytest.raises(AnswerProblem, match="geen canvasblok"):
        parse_review("kleur: rood", "nl")


# --- gaps that matter, one progress measure ----------------------------------------------------


def test_the_brewery_visit_shows_few_gaps_per_stream_and_one_progress() -> None:
    made: list[Interview] = []

    def make(spec: Replay) -> Interview:
        made.append(_make(spec))
        return made[0]

    result = run_replay(REPLAYS / "14_brewery_six_streams_funnel_nl.yaml", make)
    assert result.passed, result.failures
    assert result.answers <= 80
    dossier = made[0].dossier()
    assert [s.worked_out for s in dossier.streams] == [True, True, True, False, False, False]
    shown: dict[str | None, int] = {}
    for gap in dossier.ranked_gaps:
        shown[gap.stream] = shown.get(gap.stream, 0) + int(gap.top)
    assert all(count <= 5 for count in shown.values())
    ranks = [g.rank for g in dossier.ranked_gaps if g.stream == "s1"]
    assert ranks == sorted(ranks)
    # no knowledge gap about the deep-dive of a stream that is not worked out
    deep = {q.id for s in made[0].dialog.sections if s.deep_dive for q in s.questions}
    assert not [
        g for g in dossier.ranked_gaps if g.stream in ("s4", "s5", "s6") and g.question in deep
    ]
    assert dossier.progress is not None
    assert (dossier.progress.done, dossier.progress.total) == overall(progress(made[0]))


def test_the_brewery_canvas_follows_the_route_hierarchy_and_agrees_with_itself() -> None:
    """Spent grain and yeast go to feed: their customers come before digestion, which is said
    as the lower option; the cooling water given for free is not sold, and heat is not offered
    on a materials marketplace."""
    made: list[Interview] = []

    def make(spec: Replay) -> Interview:
        made.append(_make(spec))
        return made[0]

    result = run_replay(REPLAYS / "14_brewery_six_streams_funnel_nl.yaml", make)
    assert result.passed, result.failures
    interview = made[0]
    for stream in ("s1", "s2"):
        segments = interview.canvas_draft("customer_segments", stream) or ""
        feed, digestion = segments.find("Veehouders"), segments.find("vergisting")
        assert 0 <= feed < digestion, segments
        assert "hoger in de afvalhiërarchie" in segments
        relations = interview.canvas_draft("customer_relationships", stream) or ""
        assert relations.find("proefleveringen") < relations.find("raamcontract"), relations
    assert interview.state.answers[("who_pays", "s3")].value == "free"
    revenue = interview.canvas_draft("revenue_streams", "s3") or ""
    assert "gratis" in revenue and "verkopen" not in revenue, revenue
    assert "prijs per MWh" not in (interview.canvas_draft("customer_relationships", "s3") or "")
    assert "marktplaatsen" not in (interview.canvas_draft("channels", "s3") or "")
    # every block says the stream's segment once: no two drafts of one rule in one block
    dossier = interview.dossier()
    for worked in dossier.streams[:3]:
        blocks = [b.block for b in worked.canvas]
        assert len(blocks) == len(set(blocks))
