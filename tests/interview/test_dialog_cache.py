"""The cached dialog is the validated one, follows every edit, and never hides a broken one."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from datacopy import data_copy, edit_once
from isassist.cachefile import read_cached
from isassist.interview.dialog import Dialog
from isassist.interview.loader import DataFileError, cached_dialog, dialog_cache_path, load_dialog

COMPANY_NAME = "Wat is de naam van het bedrijf?"


@pytest.fixture()
def dialogs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return data_copy("dialogs", tmp_path, monkeypatch)


def _asked(folder: Path, question_id: str) -> str:
    question = cached_dialog(folder).question(question_id)
    assert question is not None
    return question.text.nl


def test_the_cached_dialog_equals_the_files(dialogs: Path) -> None:
    first = cached_dialog(dialogs)
    assert dialog_cache_path(dialogs).is_file()
    again = cached_dialog(dialogs)
    assert again == first == load_dialog(dialogs)
    assert again.question("company_name") is not None


def test_an_edit_is_read_through_the_cache(dialogs: Path) -> None:
    assert _asked(dialogs, "company_name") == COMPANY_NAME
    edit_once(dialogs / "10_intake.yaml", COMPANY_NAME, "Hoe heet het bedrijf?")
    assert _asked(dialogs, "company_name") == "Hoe heet het bedrijf?"


def test_a_broken_edit_is_reported_not_hidden_by_the_cache(dialogs: Path) -> None:
    cached_dialog(dialogs)
    edit_once(dialogs / "10_intake.yaml", "text: {nl:", "txt: {nl:")
    with pytest.raises(DataFileError, match=r"10_intake\.yaml"):
        cached_dialog(dialogs)


@pytest.mark.parametrize(
    "stale",
    [b"not a pickle", pickle.dumps({"sections": []})[:-3], pickle.dumps({"sections": []})],
    ids=["not a pickle", "truncated", "not a dialog"],
)
def test_an_unusable_cache_file_is_passed_over_and_replaced(dialogs: Path, stale: bytes) -> None:
    path = dialog_cache_path(dialogs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(stale)
    assert cached_dialog(dialogs) == load_dialog(dialogs)
    assert read_cached(path, Dialog) == load_dialog(dialogs)
