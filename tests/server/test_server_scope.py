"""An invited SME's process reaches its own self-assessment only: the door refuses the rest."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest

from isassist.register import RegisterError
from isassist.session import scope as scope_module
from isassist.session.register import open_register
from isassist.session.saved import open_store
from isassist.session.scope import AccessDenied, Scope
from isassist.session.scoped_store import ScopedStore
from isassist.store import InterviewMeta, NewEvent, Store

META = InterviewMeta(dialog_version="1", company="Ander Bedrijf")


@pytest.fixture
def team(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'team.sqlite3'}"


@pytest.fixture
def restricted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Enter a scope for this test only (a real process enters one for its whole life)."""
    bound: list[str] = []

    def bind(interview_id: str) -> str:
        bound.append(interview_id)
        return bound[0]

    monkeypatch.setattr(scope_module, "_active", [])
    scope_module.enter(Scope("Brouwerij De Klok", "en", None, bind))
    return bound


def test_the_store_refuses_every_interview_but_its_own(team: str, restricted: list[str]) -> None:
    with Store(team) as plain:
        other = plain.create_interview(META)
        plain.append(other, NewEvent(kind="note", raw_text="broker note: price 40 EUR/t"))
    store = open_store(team)
    assert isinstance(store, ScopedStore)
    assert store.list_interviews() == [] and store.latest() is None
    for attempt in (
        lambda: store.get(other),
        lambda: store.events(other),
        lambda: store.export_interview(other),
        lambda: store.append(other, NewEvent(kind="note", raw_text="x")),
        lambda: store.update(other, title="mine now"),
        lambda: store.delete(other),
    ):
        with pytest.raises(AccessDenied, match="your own self-assessment"):
            attempt()
    own = store.create_interview(InterviewMeta(dialog_version="1", mode="broker"))
    assert restricted == [own]
    assert [s.id for s in store.list_interviews()] == [own]
    assert store.get(own).mode == "self"  # an invitee never starts a broker interview
    store.append(own, NewEvent(kind="note", raw_text="ours"))
    with pytest.raises(AccessDenied):
        store.create_interview(META)  # one self-assessment per link
    with pytest.raises(AccessDenied):
        store.delete(own)  # the broker keeps the result
    export = store.export_interview(own)
    with pytest.raises(AccessDenied):
        store.import_interview(export)
    store.close()
    with Store(team) as plain:  # the broker sees the result in the team store
        assert {s.id for s in plain.list_interviews()} == {own, other}


def test_the_register_door_is_closed_to_an_invitee(team: str, restricted: list[str]) -> None:
    with pytest.raises(RegisterError, match="not part of a self-assessment"):
        open_register(team, "en")


def test_a_scope_cannot_be_entered_twice(restricted: list[str]) -> None:
    with pytest.raises(RuntimeError):
        scope_module.enter(Scope("Other", "nl", None, lambda iv: iv))


def test_every_store_method_that_reaches_interviews_is_guarded() -> None:
    """A method added to Store later must be overridden in ScopedStore (or listed here)."""
    harmless = {"close"}
    public = {
        name
        for name, member in inspect.getmembers(Store, inspect.isfunction)
        if not name.startswith("_")
    }
    guarded = {name for name in vars(ScopedStore) if not name.startswith("_")}
    assert public - harmless - guarded == set()
