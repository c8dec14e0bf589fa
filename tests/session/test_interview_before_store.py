"""A new interview started while its store is still opening (issue 14: start-up).

The TUI starts the interview as soon as the engine is loaded and opens the store after the
interview screen is painted. What the user must never notice: an answer acted on but not
saved, or a store that failed to open taking answers in silence.
"""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from isassist.interview import persistence
from isassist.session.conversation import Conversation
from isassist.session.resources import Resources, warm_up
from isassist.session.saved import (
    OpeningStore,
    StoreError,
    is_saved,
    open_store,
    saved_in,
    start_interview,
)
from isassist.store.store import Store


def _start(res: Resources, opening: OpeningStore) -> Conversation:
    interview = start_interview(
        opening, res.services, mode="broker", language="nl", dialog=res.dialog
    )
    return Conversation(interview, res.glossary)


def test_the_interview_is_stored_with_its_start_when_the_store_opens(tmp_path: Path) -> None:
    res = warm_up()
    opening = OpeningStore()
    chat = _start(res, opening)
    interview = chat.interview
    assert not is_saved(interview) and saved_in(interview) is None
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    opening.opened(store)
    assert is_saved(interview)
    assert saved_in(interview) == store.url
    stored = store.events(interview.id)
    assert [(e.question_id, e.raw_text) for e in stored] == [("mode", "broker"), ("language", "nl")]
    chat.handle("Brouwerij De Klok")
    assert store.events(interview.id)[-1].raw_text == "Brouwerij De Klok"
    assert store.get(interview.id).company == "Brouwerij De Klok"
    summary = store.list_interviews()[0]
    assert summary.id == interview.id and summary.progress_done is not None


def test_an_answer_typed_before_the_store_is_open_waits_for_it(tmp_path: Path) -> None:
    """The answer is stored before the engine acts on it, even when the store opens only
    while the answer waits (the store opens in another thread)."""
    res = warm_up()
    opening = OpeningStore()
    chat = _start(res, opening)
    store_holder: list[Store] = []

    def open_later() -> None:
        store_holder.append(open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}"))
        opening.opened(store_holder[0])

    timer = threading.Timer(0.2, open_later)
    timer.start()
    reply = chat.handle("Brouwerij De Klok")  # waits for the store
    timer.join()
    assert reply.kind == "turn"
    assert ("company_name", None) in chat.interview.state.answers
    stored = store_holder[0].events(chat.interview.id)
    assert [e.raw_text for e in stored] == ["broker", "nl", "Brouwerij De Klok"]


def test_a_store_that_cannot_be_opened_refuses_the_answer_and_says_why() -> None:
    res = warm_up()
    opening = OpeningStore()
    chat = _start(res, opening)
    opening.failed(StoreError("The data folder /nowhere cannot be used: it cannot be created."))
    reply = chat.handle("Brouwerij De Klok")
    assert reply.kind == "info"
    assert "niet bewaard" in reply.text and "/nowhere" in reply.text
    assert ("company_name", None) not in chat.interview.state.answers


def test_a_taken_id_is_refused_rather_than_written_into_another_interview(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The id is chosen before the store is open; should another interview have it by then,
    the new one is not saved (and says so) instead of adding to the other's log."""
    res = warm_up()
    store = open_store(f"sqlite:///{tmp_path / 'store.sqlite3'}")
    other = start_interview(store, res.services, mode="broker", language="nl", dialog=res.dialog)
    monkeypatch.setattr(persistence, "new_interview_id", lambda now: other.id)
    opening = OpeningStore()
    chat = _start(res, opening)
    assert chat.interview.id == other.id
    opening.opened(store)
    assert not is_saved(chat.interview)
    reply = chat.handle("Brouwerij De Klok")
    assert reply.kind == "info" and "already exists" in reply.text
    assert [e.raw_text for e in store.events(other.id)] == ["broker", "nl"]
