"""The assistant's headless decisions: glossary or answer, why, language, live checks."""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.interview.engine import Interview
from isassist.session.conversation import Conversation
from isassist.session.glossary import kind_of_line, look_up
from isassist.session.i18n import HELP, UI
from isassist.session.progress import by_label, progress
from isassist.session.resources import Resources, warm_up


@pytest.fixture(scope="module")
def res() -> Resources:
    return warm_up()


def chat(res: Resources, mode: str = "broker", lang: str = "nl") -> Conversation:
    interview = Interview.start(res.dialog, res.services, mode=mode, language=lang)
    return Conversation(interview, res.glossary)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("?", "unknown"),
        ("??", "unknown"),
        ("weet niet?", "unknown"),
        ("geen idee?", "unknown"),
        ("don't know?", "unknown"),
        ("wat is een spiegelcode?", "glossary"),
        ("what is end-of-waste?", "glossary"),
        ("/why", "command"),
        ("200 ton per jaar", "answer"),
    ],
)
def test_kind_of_line(line: str, kind: str) -> None:
    assert kind_of_line(line) == kind


@pytest.mark.parametrize(
    ("question", "entry"),
    [
        ("wat is een spiegelcode?", "mirror_entry"),
        ("What is end-of-waste?", "end_of_waste"),
        ("wat betekent eural?", "eural"),
        ("what does LoW code mean?", "ewc"),
        ("wat is een spiegelkode?", "mirror_entry"),  # a typo still lands
    ],
)
def test_glossary_questions_land_on_their_entry(res: Resources, question: str, entry: str) -> None:
    hit = look_up(question, res.glossary.values())
    assert hit is not None and hit.entry.id == entry


def test_unrelated_question_finds_no_entry(res: Resources) -> None:
    assert look_up("wat is een banaan?", res.glossary.values()) is None


def test_glossary_question_keeps_the_question_open(res: Resources) -> None:
    c = chat(res)
    c.handle("Brouwerij De Klok")
    asked = c.interview.current_question()
    reply = c.handle("wat is een spiegelcode?")
    assert reply.kind == "glossary"
    assert reply.title == "Spiegelcode"
    assert "sterretje" in reply.text
    assert c.interview.current_question() == asked
    assert ("activity", None) not in c.interview.state.answers


def test_weet_niet_with_question_mark_becomes_a_knowledge_gap(res: Resources) -> None:
    c = chat(res)
    c.handle("Brouwerij De Klok")
    c.handle("bier brouwen")
    reply = c.handle("weet niet?")
    assert reply.kind == "turn" and reply.turn is not None and reply.turn.accepted
    gaps = c.interview.dossier().knowledge_gaps
    assert [g.question for g in gaps] == ["nace"]


def test_unknown_term_question_says_so_and_keeps_question(res: Resources) -> None:
    c = chat(res, lang="en")
    reply = c.handle("what is a banana?")
    assert reply.kind == "info"
    assert "not in the glossary" in reply.text
    assert c.interview.current_question() is not None
    assert c.interview.current_question().id == "company_name"  # type: ignore[union-attr]


def walk_to_ewc(c: Conversation) -> None:
    for line in ["Zagerij Hout", "zagen van hout", "16.10", "8500 Kortrijk"]:
        c.handle(line)
    for _ in range(5):
        c.handle("/skip")
    # step 1 sketches the stream (kind, amount, scores); the deep-dive then describes it
    for line in ["zaagsel", "materiaal", "300 ton per jaar", "3", "4"]:
        c.handle(line)
    for line in ["zaagsel van de lintzaag", "verloren"]:
        c.handle(line)


def test_why_explains_the_latest_conclusion_with_rule_and_source(res: Resources) -> None:
    c = chat(res)
    walk_to_ewc(c)
    assert c.interview.current_question().id == "ewc"  # type: ignore[union-attr]
    reply = c.handle("03 01 04")
    assert reply.turn is not None and reply.turn.accepted
    latest = c.recent()
    assert latest, "a mirror-entry EWC code must draw a conclusion"
    why = c.handle("/why")
    assert why.kind == "why" and why.conclusion == latest[0]
    assert why.text.startswith("Waarom:")
    assert "Bron:" in why.text
    based_on = why.text.split("Op basis van:")[1].splitlines()
    assert any(line.startswith("- ") and "zaagsel" in line for line in based_on)
    assert c.handle(f"/why {len(latest) + 1}").kind == "info"


def test_why_before_any_conclusion_says_there_is_none(res: Resources) -> None:
    reply = chat(res).handle("/waarom")
    assert reply.kind == "info" and "nog geen conclusie" in reply.text


def test_lang_switches_the_question_and_is_saved_as_an_answer(res: Resources) -> None:
    c = chat(res)
    assert c.interview.current_question().text.startswith("Wat is de naam")  # type: ignore[union-attr]
    reply = c.handle("/lang en")
    assert reply.kind == "lang" and c.lang == "en"
    assert c.interview.current_question().text.startswith("What")  # type: ignore[union-attr]
    assert c.interview.dossier().language == "en"
    assert c.handle("/lang fr").kind == "info"


def test_live_check_reports_a_bad_answer_and_accepts_a_good_one(res: Resources) -> None:
    c = chat(res, lang="en")
    for line in ["ACME", "sawing wood"]:
        c.handle(line)
    assert c.interview.current_question().id == "nace"  # type: ignore[union-attr]
    problem = c.check("99.99")
    assert problem is not None and "99.99" in problem
    assert c.check("16.10") is None
    assert c.check("what is a NACE code?") is None  # a question, not an answer


def test_code_suggestions_follow_what_is_typed(res: Resources) -> None:
    c = chat(res)
    walk_to_ewc(c)
    typed = c.code_suggestions("houtafval van paletten")
    assert typed and typed[0].code.startswith(("03", "15", "17", "19", "20"))
    assert [s.code for s in c.code_suggestions("1")] == [
        s.code
        for s in c.interview.current_question().suggestions  # type: ignore[union-attr]
    ]


def test_stream_command_adds_and_lists(res: Resources) -> None:
    c = chat(res)
    c.handle("/stream restwarmte koeltoren")
    listed = c.handle("/stroom")
    assert listed.turn is not None
    assert any("restwarmte koeltoren" in line for line in listed.turn.said)


def test_progress_marks_the_current_stage_and_counts_answers(res: Resources) -> None:
    c = chat(res)
    c.handle("Brouwerij")
    stages = progress(c.interview)
    intake = next(s for s in stages if s.section == "intake")
    assert intake.current and intake.done == 3  # mode, language, name
    assert [s.label for s in stages][:4] == ["0", "1", "1", "2A"]  # value map, stream sketch


def test_the_progress_row_shows_each_step_of_the_method_once(res: Resources) -> None:
    stages = progress(chat(res).interview)
    row = [s.label for s in by_label(stages)]
    assert row == ["0", "1", "2A", "2B", "2C", "2D", "2E", "2F", "3", "4", "4BMC"]
    threes = [s for s in stages if s.label == "3"]
    assert len(threes) > 1  # valuation and wants: merged, their counts added
    merged = next(s for s in by_label(stages) if s.label == "3")
    assert merged.total == sum(s.total for s in threes)


def test_every_ui_text_exists_in_both_languages() -> None:
    assert all(nl.strip() and en.strip() for nl, en in UI.values())
    assert set(HELP) == {"nl", "en"}
    for nl, en in UI.values():
        assert sorted(_fields(nl)) == sorted(_fields(en))


def _fields(text: str) -> list[str]:
    import string

    return [name for _, name, _, _ in string.Formatter().parse(text) if name]


@pytest.mark.parametrize("mode", ["broker", "self"])
@pytest.mark.parametrize("lang", ["nl", "en"])
def test_opening_preview_is_the_engines_first_question(
    res: Resources, mode: str, lang: str
) -> None:
    from isassist.session.opening import opening_question

    opening = opening_question(mode, lang)
    view = Interview.start(res.dialog, res.services, mode=mode, language=lang).current_question()
    assert opening is not None and view is not None
    assert (opening.id, opening.text, opening.help, opening.options) == (
        view.id,
        view.text,
        view.help,
        view.options,
    )


def test_opening_preview_steps_aside_for_a_conditional_first_question(tmp_path: Path) -> None:
    from isassist.session.opening import opening_question

    (tmp_path / "10_intake.yaml").write_text(
        "id: intake\nstep: 0\nscope: company\nquestions:\n"
        "  - {id: mode, type: choice, text: {nl: a, en: a}}\n"
        "  - id: name\n    type: text\n    when: {answered: mode}\n    text: {nl: b, en: b}\n",
        encoding="utf-8",
    )
    assert opening_question("broker", "nl", tmp_path) is None
    (tmp_path / "10_intake.yaml").write_text("questions: [unclosed", encoding="utf-8")
    assert opening_question("broker", "nl", tmp_path) is None


def test_a_new_stream_has_no_gaps_and_a_dont_know_is_said_once(res: Resources) -> None:
    c = chat(res)
    added = c.handle("/stream bostel")
    gaps = [x for x in c.interview.conclusions if x.kind == "knowledge_gap"]
    assert not gaps, "no template gaps: a stream that is just named has none"
    assert not [x for x in added.announced if x.kind == "knowledge_gap"]
    # "weet niet" to its quantity makes the gap, said at once
    c.handle("/revise quantity s1")
    unknown = c.handle("weet niet")
    said = {x.key for x in unknown.announced}
    assert ("gap.operational.quantity", "s1") in said
    again = c.handle("/streams")
    assert ("gap.operational.quantity", "s1") not in {x.key for x in again.announced}


@pytest.mark.parametrize(("lang", "said"), [("nl", "Vervalt: "), ("en", "No longer applies: ")])
def test_a_closed_gap_is_said_as_no_longer_applying_never_as_new(
    res: Resources, lang: str, said: str
) -> None:
    # R103: "Bedrijfsuren onbekend" printed right after the hours were given, as if new
    c = chat(res, lang=lang)
    c.handle("/stream bostel")
    c.handle("/revise quantity s1")
    unknown = c.handle("weet niet" if lang == "nl" else "unknown")
    gap = next(x for x in unknown.announced if x.key == ("gap.operational.quantity", "s1"))
    c.handle("/revise quantity s1")
    known = c.handle("200 ton per jaar" if lang == "nl" else "200 tonnes a year")
    assert known.turn is not None and known.turn.accepted
    assert gap.key not in {x.key for x in known.announced}
    assert known.withdrawn == [f"{said}{gap.title.get(lang)}"]
