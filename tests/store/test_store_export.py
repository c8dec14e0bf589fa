"""Export files carry an interview to another machine and back without losing anything, and
a damaged or foreign file is refused with a message saying what is wrong."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from isassist.store import (
    SCHEMA_PATH,
    InterviewMeta,
    NewEvent,
    Store,
    StoreError,
    dumps_export,
    export_json_schema,
    loads_export,
    read_export,
    write_export,
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{(tmp_path / 'a.sqlite3').as_posix()}") as opened:
        yield opened


@pytest.fixture
def other_store(tmp_path: Path) -> Iterator[Store]:
    with Store(f"sqlite:///{(tmp_path / 'b.sqlite3').as_posix()}") as opened:
        yield opened


def _filled(store: Store) -> str:
    interview_id = store.create_interview(
        InterviewMeta(company="Houtzagerij Verbeke", mode="self", language="en", dialog_version="3")
    )
    for event in [
        NewEvent(kind="answer", question_id="company.nace", raw_text="16.10", value="16.10"),
        NewEvent(kind="answer", question_id="stream.name", stream_id="s1", value="zaagsel"),
        NewEvent(kind="answer", question_id="stream.tonnes", stream_id="s1", value=42.5),
        NewEvent(kind="revise", question_id="stream.tonnes", stream_id="s1", value=45),
        NewEvent(kind="answer", question_id="stream.moisture", status="unknown"),
        NewEvent(kind="command", raw_text=":back"),
    ]:
        store.append(interview_id, event)
    store.update(interview_id, status="closed")
    return interview_id


def test_export_and_import_into_another_store_keep_everything(
    store: Store, other_store: Store, tmp_path: Path
) -> None:
    interview_id = _filled(store)
    path = tmp_path / "interview.json"
    write_export(store.export_interview(interview_id), path)
    imported = other_store.import_interview(read_export(path))
    assert imported == interview_id
    assert other_store.get(imported) == store.get(interview_id)
    assert other_store.events(imported) == store.events(interview_id)
    assert other_store.list_interviews()[0].event_count == 6
    # The imported interview goes on numbering where the original stopped.
    assert other_store.append(imported, NewEvent(kind="note", raw_text="na import")) == 7


def test_importing_an_id_that_exists_stores_a_copy_under_a_new_id(store: Store) -> None:
    interview_id = _filled(store)
    export = store.export_interview(interview_id)
    copy_id = store.import_interview(loads_export(dumps_export(export)))
    assert copy_id != interview_id
    assert {s.id for s in store.list_interviews()} == {interview_id, copy_id}
    assert store.events(copy_id) == store.events(interview_id)
    assert store.get(copy_id).model_dump(exclude={"id"}) == export.interview.model_dump(
        exclude={"id"}
    )


def test_dossier_travels_with_the_export(store: Store) -> None:
    export = store.export_interview(_filled(store))
    with_dossier = export.model_copy(
        update={"dossier": {"streams": [{"id": "s1", "ewc": ["030105"]}]}}
    )
    back = loads_export(dumps_export(with_dossier))
    assert back == with_dossier
    assert back.dossier == {"streams": [{"id": "s1", "ewc": ["030105"]}]}


def _valid_text(store: Store) -> str:
    return dumps_export(store.export_interview(_filled(store)))


def _edited(text: str, **changes: object) -> str:
    document = json.loads(text)
    document.update(changes)
    return json.dumps(document)


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        (lambda t: t[: len(t) // 2], r"truncated"),
        (
            lambda t: t.replace('"status": "closed",', '"status": "closed",,', 1),
            r"not valid JSON.*line \d+, column \d+",
        ),
        (lambda t: "", r"is empty"),
        (lambda t: "[1, 2]", r"JSON list, not an object"),
        (
            lambda t: _edited(t, format="maestri.canvas"),
            r"format is 'maestri.canvas', expected 'isassist.interview'",
        ),
        (lambda t: _edited(t, version=2), r"version 2, written by a newer isassist.*Upgrade"),
        (lambda t: _edited(t, version=0), r"version 0; this isassist reads version 1"),
        (lambda t: _edited(t, version="1"), r"no valid format version"),
        (lambda t: _edited(t, events=[{"kind": "answer", "seq": 1}]), r"events\[0\]"),
        (lambda t: t.replace('"kind": "revise"', '"kind": "guess"'), r"events\[3\]\.kind"),
        (lambda t: t.replace('"seq": 2', '"seq": 9'), r"seq 9 where 2 was expected"),
        (lambda t: t.replace('"mode": "self"', '"mode": "robot"'), r"interview\.mode"),
    ],
    ids=[
        "truncated",
        "invalid-json",
        "empty",
        "not-an-object",
        "other-format",
        "newer-version",
        "older-version",
        "version-as-text",
        "event-missing-question",
        "unknown-kind",
        "seq-gap",
        "bad-mode",
    ],
)
def test_bad_export_files_are_refused_with_the_reason(
    store: Store, tmp_path: Path, damage: object, message: str
) -> None:
    assert callable(damage)
    path = tmp_path / "bad.json"
    path.write_text(damage(_valid_text(store)), encoding="utf-8")
    with pytest.raises(StoreError, match=message) as caught:
        read_export(path)
    assert str(path) in str(caught.value)
    assert len(store.list_interviews()) == 1


def test_missing_and_binary_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"Could not read .*isassist interviews export"):
        read_export(tmp_path / "nowhere.json")
    binary = tmp_path / "photo.json"
    binary.write_bytes(b"\xff\xd8\xff\xe0 not json")
    with pytest.raises(StoreError, match="not UTF-8"):
        read_export(binary)


def test_committed_json_schema_matches_the_models() -> None:
    committed = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    assert committed == export_json_schema(), (
        "The export models changed: run `uv run python -m isassist.store.regenerate_schema`, "
        "and raise the export version if old files no longer validate."
    )
    assert committed["properties"]["format"]["const"] == "isassist.interview"
    assert committed["properties"]["version"]["const"] == 1
    assert set(committed["required"]) >= {"exported_at", "interview", "events"}


@pytest.mark.parametrize("kept", [0.05, 0.3, 0.61, 0.9, 0.999])
def test_a_file_cut_off_anywhere_is_reported_as_truncated(store: Store, kept: float) -> None:
    text = _valid_text(store)
    with pytest.raises(StoreError, match="truncated"):
        loads_export(text[: int(len(text) * kept)])
