"""The interview store keeps what the user answered, in order, and finds it again."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable, Iterator
from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import JsonValue, ValidationError
from sqlalchemy import Connection, event

from isassist.store import DATA_DIR_ENV, InterviewMeta, NewEvent, Store, StoreError


def _url(path: Path) -> str:
    return f"sqlite:///{path.as_posix()}"


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "interviews.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    with Store(_url(db_path)) as opened:
        yield opened


def _meta(company: str = "Brouwerij De Vrede") -> InterviewMeta:
    return InterviewMeta(title="Eerste gesprek", company=company, dialog_version="2026.1")


def _answer(question: str, value: JsonValue, raw: str = "", stream: str | None = None) -> NewEvent:
    return NewEvent(
        kind="answer", question_id=question, stream_id=stream, raw_text=raw, value=value
    )


def test_created_interview_is_open_and_carries_its_metadata(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A fixed clock one second before midnight: the id carries the creation day, whatever
    # day the suite runs on.
    created = datetime(2026, 3, 1, 23, 59, 59, tzinfo=UTC)
    monkeypatch.setattr("isassist.store.store._now", lambda: created)
    interview_id = store.create_interview(_meta())
    interview = store.get(interview_id)
    assert re.fullmatch(r"iv-20260301-[a-z2-9]{4}", interview_id)
    assert interview.created_at == created
    assert interview.id == interview_id
    assert (interview.company, interview.title) == ("Brouwerij De Vrede", "Eerste gesprek")
    assert (interview.mode, interview.language, interview.status) == ("broker", "nl", "open")
    assert interview.created_at.tzinfo is not None
    assert interview.created_at == interview.updated_at


def test_events_come_back_in_order_with_their_values(store: Store) -> None:
    interview_id = store.create_interview(_meta())
    sent = [
        _answer("company.sector", "11.05", raw="brouwerij, 11.05"),
        _answer("stream.name", "bostel", raw="Bostel (spent grain) – Müller", stream="s1"),
        _answer("stream.quantity", {"value": 1200.5, "unit": "t"}, raw="1200,5 ton", stream="s1"),
        NewEvent(kind="skip", question_id="stream.moisture", stream_id="s1"),
        _answer("stream.ewc", ["020799", "020702"], stream="s1"),
        NewEvent(kind="note", raw_text="klant belt terug"),
    ]
    seqs = [store.append(interview_id, event) for event in sent]
    assert seqs == [1, 2, 3, 4, 5, 6]
    got = store.events(interview_id)
    assert [e.seq for e in got] == seqs
    assert got[3].status == "skipped"
    for original, stored in zip(sent, got, strict=True):
        assert stored.model_dump(exclude={"seq", "at"}) == original.model_dump()
    assert [e.at for e in got] == sorted(e.at for e in got)


def test_revisions_and_withdrawals_keep_the_original_answer(store: Store) -> None:
    interview_id = store.create_interview(_meta())
    store.append(interview_id, _answer("stream.quantity", 100, stream="s1"))
    store.append(
        interview_id,
        NewEvent(kind="revise", question_id="stream.quantity", stream_id="s1", value=150),
    )
    store.append(interview_id, NewEvent(kind="withdraw", question_id="stream.quantity"))
    kinds_values = [(e.kind, e.value) for e in store.events(interview_id)]
    assert kinds_values == [("answer", 100), ("revise", 150), ("withdraw", None)]


def test_list_shows_the_most_recently_changed_interview_first(store: Store) -> None:
    assert store.list_interviews() == []
    assert store.latest() is None
    first = store.create_interview(_meta("A"))
    second = store.create_interview(_meta("B"))
    assert [s.id for s in store.list_interviews()] == [second, first]
    store.append(first, _answer("company.sector", "10.11"))
    summaries = store.list_interviews()
    assert [s.id for s in summaries] == [first, second]
    assert [s.event_count for s in summaries] == [1, 0]
    latest = store.latest()
    assert latest is not None and latest.id == first


def test_unknown_id_names_the_id_and_the_list_command(store: Store) -> None:
    store.create_interview(_meta())
    calls: list[Callable[[], object]] = [
        lambda: store.get("iv-19990101-zzzz"),
        lambda: store.events("iv-19990101-zzzz"),
        lambda: store.append("iv-19990101-zzzz", NewEvent(kind="note")),
        lambda: store.delete("iv-19990101-zzzz"),
        lambda: store.update("iv-19990101-zzzz", status="closed"),
        lambda: store.export_interview("iv-19990101-zzzz"),
    ]
    for call in calls:
        with pytest.raises(StoreError, match=r"'iv-19990101-zzzz'.*isassist interviews list"):
            call()


def test_delete_removes_one_interview_and_its_events_only(store: Store, db_path: Path) -> None:
    kept = store.create_interview(_meta("kept"))
    gone = store.create_interview(_meta("gone"))
    store.append(kept, _answer("q", 1))
    store.append(gone, _answer("q", 2))
    store.delete(gone)
    assert [s.id for s in store.list_interviews()] == [kept]
    assert [e.value for e in store.events(kept)] == [1]
    with closing(sqlite3.connect(db_path)) as raw, raw:
        orphans = raw.execute(
            "SELECT count(*) FROM interview_events WHERE interview_id = ?", (gone,)
        ).fetchone()
    assert orphans == (0,)


def test_closing_and_renaming_persist_across_reopening(db_path: Path) -> None:
    with Store(_url(db_path)) as store:
        interview_id = store.create_interview(_meta())
        store.append(interview_id, _answer("q", "x"))
        closed = store.update(interview_id, status="closed", company="Brouwerij De Hoop")
    with Store(_url(db_path)) as reopened:
        again = reopened.get(interview_id)
        assert again == closed
        assert (again.status, again.company, again.title) == (
            "closed",
            "Brouwerij De Hoop",
            "Eerste gesprek",
        )
        assert [e.value for e in reopened.events(interview_id)] == ["x"]


def test_ids_do_not_repeat(store: Store) -> None:
    ids = {store.create_interview(_meta()) for _ in range(200)}
    assert len(ids) == 200


def test_default_store_lives_in_the_data_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "nested" / "data"
    monkeypatch.setenv(DATA_DIR_ENV, str(folder))
    with Store() as store:
        store.create_interview(_meta())
    assert (folder / "interviews.sqlite3").is_file()


def test_connections_use_wal_full_sync_busy_timeout_and_foreign_keys(store: Store) -> None:
    with store._engine.connect() as conn:
        settings = {
            name: conn.exec_driver_sql(f"PRAGMA {name}").scalar()
            for name in ("journal_mode", "synchronous", "busy_timeout", "foreign_keys")
        }
    assert settings == {
        "journal_mode": "wal",
        "synchronous": 2,
        "busy_timeout": 10_000,
        "foreign_keys": 1,
    }


def test_store_written_by_a_newer_version_is_refused(db_path: Path) -> None:
    Store(_url(db_path)).close()
    with closing(sqlite3.connect(db_path)) as raw, raw:
        raw.execute("UPDATE meta SET value = '99' WHERE key = 'schema_version'")
    with pytest.raises(StoreError, match=r"schema version 99.*newer isassist"):
        Store(_url(db_path))


def test_a_file_that_is_not_a_database_gives_a_readable_error(db_path: Path) -> None:
    db_path.write_bytes(b"this is a shopping list, not a database\n" * 200)
    with pytest.raises(StoreError, match=r"not a database.*not an intact isassist interview"):
        Store(_url(db_path))


def test_a_malformed_url_is_explained() -> None:
    with pytest.raises(StoreError, match="not a database URL"):
        Store("interviews.sqlite3")


@pytest.mark.parametrize(
    ("fields", "problem"),
    [
        ({"kind": "answer"}, "needs the question_id"),
        ({"kind": "skip", "question_id": "q", "status": "known"}, "'skip' event has status"),
        ({"kind": "answer", "question_id": "q", "status": "skipped"}, "only a 'skip' event"),
        ({"kind": "guess", "question_id": "q"}, "kind"),
    ],
)
def test_inconsistent_events_are_refused_before_they_reach_the_log(
    fields: dict[str, str], problem: str
) -> None:
    with pytest.raises(ValidationError, match=problem):
        NewEvent.model_validate(fields)


def test_only_the_progress_count_is_committed_without_its_own_fsync(tmp_path: Path) -> None:
    """An answer is fsync'ed before it is acknowledged (synchronous=FULL); the progress count,
    derived data written after it, is not (NORMAL: durable with the next answer), and a pooled
    connection that wrote a progress count writes the next answer with FULL again."""
    store = Store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    interview = store.create_interview(InterviewMeta(dialog_version="1"))
    seen: list[int] = []

    @event.listens_for(store._engine, "commit")
    def _at_commit(conn: Connection) -> None:
        seen.append(int(conn.exec_driver_sql("PRAGMA synchronous").scalar_one()))

    store.set_progress(interview, 1, 10)
    store.append(interview, NewEvent(kind="answer", question_id="q", raw_text="x"), expected=1)
    store.set_progress(interview, 2, 10)
    assert seen == [1, 2, 1]  # NORMAL, FULL, NORMAL
    assert store.list_interviews()[0].progress_done == 2
    store.close()
