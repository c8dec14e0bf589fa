"""The interview as data: the shipped dialog loads, broken files say where and what."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from isassist.interview.dialog import Dialog
from isassist.interview.loader import (
    SCHEMA_DIR,
    DataFileError,
    load_dialog,
    schema_of,
    shipped_dialog,
)
from isassist.interview.messages import MESSAGES
from isassist.interview.schemas import SCHEMAS

STEPS = {0, 1, 2, 3, 4}


def test_shipped_dialog_covers_intake_and_all_four_steps() -> None:
    dialog = shipped_dialog()
    assert {s.step for s in dialog.sections} == STEPS
    subs = {s.sub for s in dialog.sections if s.step == 2}
    assert {"A", "B", "C", "D", "E", "F"} <= subs
    assert any(s.flowchart for s in dialog.sections if s.step == 4)
    blocks = {q.block for s in dialog.sections for q in s.questions if q.type == "canvas"}
    assert len(blocks) == 9


def test_every_question_type_is_used() -> None:
    used = {q.type for s in shipped_dialog().sections for q in s.questions}
    assert {
        "text",
        "number",
        "quantity",
        "choice",
        "multi",
        "yesno",
        "score",
        "code",
        "location",
        "canvas",
    } <= used


def test_every_question_and_option_has_distinct_dutch_and_english_text() -> None:
    for section in shipped_dialog().sections:
        for question in section.questions:
            assert question.text.nl != question.text.en, question.id
            for option in question.options:
                assert option.label.nl and option.label.en


def test_every_message_exists_in_both_languages() -> None:
    for key, (nl, en) in MESSAGES.items():
        assert nl.strip() and en.strip(), key


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_committed_schema_matches_the_models(name: str) -> None:
    committed = (SCHEMA_DIR / name).read_text(encoding="utf-8")
    assert committed == schema_of(SCHEMAS[name]), (
        f"{name} is stale: run `uv run python -m isassist.interview.schemas`"
    )
    assert json.loads(committed)["type"] == "object"


def _write(folder: Path, name: str, text: str) -> None:
    (folder / name).write_text(text, encoding="utf-8")


GOOD_SECTION = """\
id: intake
step: 0
scope: company
title: {nl: Kennismaking, en: Intake}
questions:
  - id: company_name
    type: text
    text: {nl: "Naam", en: "Name"}
"""


def test_a_misspelt_key_names_file_line_item_and_problem(tmp_path: Path) -> None:
    broken = GOOD_SECTION + "  - id: storage\n    type: choice\n    txt: {nl: a, en: b}\n"
    _write(tmp_path, "10_intake.yaml", broken)
    with pytest.raises(DataFileError) as caught:
        load_dialog(tmp_path)
    message = str(caught.value)
    assert "10_intake.yaml" in message
    assert "10_intake.yaml, line 11, questions[1] (id: storage) -> txt: Extra inputs" in message
    assert "-> text: Field required" in message


def test_a_missing_translation_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "10_intake.yaml", GOOD_SECTION.replace('en: "Name"', 'en: ""'))
    with pytest.raises(DataFileError, match=r"questions\[0\] \(id: company_name\) -> text -> en"):
        load_dialog(tmp_path)


def test_an_unknown_property_in_sets_is_refused(tmp_path: Path) -> None:
    text = GOOD_SECTION + "    sets: temprature_c\n"
    _write(tmp_path, "10_intake.yaml", text)
    with pytest.raises(DataFileError, match="STREAM_PROPERTIES"):
        load_dialog(tmp_path)


def test_a_condition_with_two_forms_is_refused(tmp_path: Path) -> None:
    text = GOOD_SECTION + "    when: {answer: x, in: [a], mode: broker}\n"
    _write(tmp_path, "10_intake.yaml", text)
    with pytest.raises(DataFileError, match="exactly one of"):
        load_dialog(tmp_path)


def test_yes_and_no_stay_text_in_dialog_files(tmp_path: Path) -> None:
    text = GOOD_SECTION + "    when: {answer: other, in: [yes, no]}\n"
    _write(tmp_path, "10_intake.yaml", text)
    dialog = load_dialog(tmp_path)
    condition = dialog.sections[0].questions[0].when
    assert condition is not None and condition.in_ == ["yes", "no"]


def test_invalid_yaml_names_the_line(tmp_path: Path) -> None:
    _write(tmp_path, "10_intake.yaml", GOOD_SECTION + "  - id: [unclosed\n")
    with pytest.raises(DataFileError, match=r"10_intake.yaml, line \d+: not valid YAML"):
        load_dialog(tmp_path)


def test_a_question_id_used_twice_is_refused(tmp_path: Path) -> None:
    _write(tmp_path, "10_intake.yaml", GOOD_SECTION)
    _write(tmp_path, "20_more.yaml", GOOD_SECTION.replace("id: intake", "id: more"))
    with pytest.raises(DataFileError, match="'company_name' is used twice"):
        load_dialog(tmp_path)


def test_dialog_model_rejects_unknown_top_level_keys() -> None:
    with pytest.raises(ValueError, match="Extra inputs"):
        Dialog.model_validate({"sections": [], "colour": "blue"})
