"""An answer the store refuses (another window answered meanwhile) is said, not a crash."""

from __future__ import annotations

from typing import Any

from isassist.interview.engine import Interview
from isassist.session.conversation import Conversation
from isassist.session.resources import warm_up
from isassist.store import StoreError


def test_a_refused_save_is_said_in_the_chat_and_the_question_stays_open() -> None:
    res = warm_up()
    refuse = False

    def sink(event: dict[str, Any]) -> None:
        if refuse:
            raise StoreError("interview changed in another window; reopen it")

    c = Conversation(Interview.start(res.dialog, res.services, sink=sink), res.glossary)
    refuse = True
    reply = c.handle("Brouwerij De Klok")
    assert reply.kind == "info"
    assert "niet bewaard" in reply.text and "reopen" in reply.text
    assert ("company_name", None) not in c.interview.state.answers
    assert c.command("skip").kind == "info"
