"""The session as its rooms see it: what a room may read and the few things it may do.

The interview session (isassist.interview.engine) is a hall of rooms, each with one job: the
command handlers, the question as shown, the answer recorder, the two-answers-in-one-line
reader, the listed streams taken over, the figures carried from step 1. A room holds the
session through this protocol rather than the ``Interview`` class, so it can be read (and
tested) on its own and never imports the engine (the acyclic contract forbids that).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from isassist.dossier import ConclusionView, QuestionView, Turn
from isassist.interview.answer_check import Checked
from isassist.interview.dialog import Dialog, Question, Section
from isassist.interview.events import Event
from isassist.interview.factbuild import FactSet
from isassist.interview.navigator import Navigator
from isassist.interview.services import Services
from isassist.interview.state import State


class InterviewReading(Protocol):
    """What every reader of the session reads: the dialog, the state folded from the log, the
    interview's language and mode, its facts and conclusions (the rooms below, and the
    dossier's read model in isassist.interview.record)."""

    dialog: Dialog
    state: State

    @property
    def lang(self) -> str: ...

    @property
    def mode(self) -> str: ...

    @property
    def facts(self) -> FactSet: ...

    @property
    def conclusions(self) -> list[ConclusionView]: ...


class Desk(InterviewReading, Protocol):
    """The session as its rooms (and the command handlers) see it."""

    services: Services
    nav: Navigator

    def record(self, event: Event) -> None:
        """Append ``event`` to the log (and the store) and fold it into the state."""
        ...

    def refresh(self) -> tuple[list[ConclusionView], list[ConclusionView]]:
        """Rebuild the facts and re-derive; the conclusions that came and went."""
        ...

    def after(self, turn: Turn) -> Turn:
        """Re-derive, then fill in what changed and what is asked next."""
        ...

    def current_question(self) -> QuestionView | None: ...

    def view(self, section: Section, question: Question, stream: str | None) -> QuestionView: ...

    def check(self, question: Question, stream: str | None, text: str) -> Checked: ...

    def confirm(self, what: str, prompt: str, run: Callable[[], Turn]) -> Turn:
        """Ask for 'ja' before ``run``; the next line confirms or cancels."""
        ...
