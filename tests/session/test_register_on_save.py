"""An interview reaches the register when it is saved, through the session's own door.

A broker answers in the chat (``Conversation`` over an interview started by
``isassist.session.saved``); the register of the same database lists the company, its haves
and wants right after the answers, without ``sync_interviews``, export or import. A stream
the broker removes leaves the register on that save; a kept stream keeps its id (and the
opportunity opened on it).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.interview.adapters import live_services
from isassist.interview.loader import shipped_dialog
from isassist.register import (
    NewCompany,
    NewStream,
    Pipeline,
    Register,
    RegisterStream,
    match_company,
)
from isassist.register.errors import RegisterError
from isassist.register.sync import SavedInterviews, sync_interviews
from isassist.session.conversation import Conversation
from isassist.session.register import register_written
from isassist.session.saved import open_store, start_interview


def _streams(url: str, company: str) -> dict[str, RegisterStream]:
    assert register_written(timeout=60)  # the writer runs behind the chat
    with Register(url) as reg:
        return {s.name: s for s in reg.streams(company_id=reg.company(company).id)}


def test_saving_an_interview_puts_its_streams_in_the_register_and_removing_one_takes_it_out(
    tmp_path: Path,
) -> None:
    url = f"sqlite:///{tmp_path / 'isassist.sqlite3'}"
    with Register(url) as reg:
        steel_works, _ = reg.add_company_with_streams(
            NewCompany(name="Staalwerk Gent", nace="24.10", postcode="9000"),
            [NewStream(side="want", name="staalschroot", families=("metal_ferrous",))],
        )
    store = open_store(url)
    interview = start_interview(
        store, live_services(), mode="broker", language="nl", dialog=shipped_dialog()
    )
    chat = Conversation(interview, {})
    for line in [
        "Metaalbouw Claes",
        "vervaardiging van metalen constructiewerken",
        "25.11",
        "3000 Leuven",
    ]:
        chat.handle(line)
    assert register_written(timeout=60)
    with Register(url) as reg:
        company = reg.company("Metaalbouw Claes")
        assert company.postcode == "3000" and company.lat is not None  # placed: it can match
        assert company.interview_id == interview.id
    for question, line in [
        ("boundary", "werkplaats"),
        ("value_captured", "staalconstructies"),
        ("value_destroyed", "schroot"),
        ("value_missed", "vrije perscapaciteit"),
        ("value_opportunity", "schroot apart houden"),
        ("streams", "staalschroot; lege verfblikken"),
    ]:
        assert interview.current_question() is not None
        assert interview.current_question().id == question  # type: ignore[union-attr]
        chat.handle(line)
    saved = _streams(url, "Metaalbouw Claes")
    assert {"staalschroot", "lege verfblikken"} <= set(saved)
    scrap = saved["staalschroot"]
    assert scrap.side == "have" and scrap.origin == "interview"
    assert scrap.amount_per_year is None  # no quantity yet: in the register all the same

    chat.handle("materiaal")  # kind of s1
    chat.handle("ongeveer 40 ton per jaar")
    scrap = _streams(url, "Metaalbouw Claes")["staalschroot"]
    assert scrap.kind == "material" and scrap.amount_per_year == 40 and scrap.unit == "t"

    # a broker opens an opportunity on the scrap; the next saves keep the stream and it
    with Register(url) as reg:
        [want_id] = [s.id for s in reg.streams(company_id=steel_works.id)]
        opened = Pipeline(reg).open_pair(scrap.id, want_id)

    chat.command("remove", "s2")
    chat.handle("ja")
    after = _streams(url, "Metaalbouw Claes")
    assert "lege verfblikken" not in after
    assert after["staalschroot"].id == scrap.id
    with Register(url) as reg:
        assert Pipeline(reg).get(opened.id).supply_id == scrap.id
        # matched straight from the saved interview: the scrap meets the steel works' want
        found = match_company(reg, "Metaalbouw Claes")
        assert any(m.demand.company.name == "Staalwerk Gent" for ms in found.values() for m in ms)
        # the writer marked the interview as seen at the save it wrote: nothing left to sync
        assert sync_interviews(reg) == []
    store.close()


def test_a_register_that_cannot_be_written_is_said_in_the_chat(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(self: SavedInterviews, *args: object) -> None:
        raise RegisterError("database is locked")

    monkeypatch.setattr(SavedInterviews, "saved", refuse)
    url = f"sqlite:///{tmp_path / 'isassist.sqlite3'}"
    store = open_store(url)
    interview = start_interview(
        store, live_services(), mode="broker", language="nl", dialog=shipped_dialog()
    )
    chat = Conversation(interview, {})
    first = chat.handle("Metaalbouw Claes")
    assert register_written(timeout=60)
    second = chat.handle("vervaardiging van metalen constructiewerken")
    said = first.notice + second.notice
    assert "register kon niet bijgewerkt worden: database is locked" in said
    assert "Je antwoorden zijn bewaard" in said
    # once said, not repeated on the next answer unless it happens again
    monkeypatch.undo()
    assert register_written(timeout=60)
    chat.handle("25.11")
    assert register_written(timeout=60)
    assert chat.handle("3000 Leuven").notice == ""
    assert store.list_interviews()[0].company == "Metaalbouw Claes"  # the answers are saved
    store.close()
