"""Typed chat lines and command arguments lose their control characters at the engine's door
(issue 15 point 4): an escape sequence pasted into the chat never reaches the store, the report
or a terminal that lists the interview."""

from __future__ import annotations

import json
import math

from isassist.cli.match_cmd import _finite
from isassist.interview.adapters import live_services
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog

ESCAPE = "\x1b]0;pwned\x07"


def test_a_typed_answer_with_an_escape_sequence_is_refused_and_not_stored() -> None:
    interview = Interview.start(shipped_dialog(), live_services(), "broker", "nl")
    turn = interview.answer(f"{ESCAPE}Brouwerij De Klok\x1b[2J")
    assert not turn.accepted
    assert "\x1b" not in interview.dossier().company.name


def test_a_command_argument_loses_its_escape_sequence() -> None:
    interview = Interview.start(shipped_dialog(), live_services(), "broker", "nl")
    interview.answer("Brouwerij De Klok")
    interview.command("note", f"bel {ESCAPE}morgen")
    notes = " ".join(str(n) for n in interview.dossier().notes)
    assert "\x1b" not in notes and "morgen" in notes


def test_match_json_never_writes_infinity() -> None:
    line = json.dumps(_finite({"amount": math.inf, "rows": [math.nan, 1.5]}), allow_nan=False)
    assert json.loads(line) == {"amount": None, "rows": [None, 1.5]}
