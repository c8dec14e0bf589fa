"""The interview session: the one object a chat face (TUI, replay, tests) talks to.

``current_question()`` says what is being asked, ``answer(text)`` returns a ``Turn`` with
everything the assistant says next, ``command(name, arg)`` runs a command of the registry,
``dossier()`` gives the result. Every change is an event appended to the log (and to the
store when one is attached) before anything else happens, so a killed process loses at most
the answer being typed.

The session keeps the log and the state folded from it, and holds the rooms that do the
work, each with one job and each seeing the session as a ``Desk`` (isassist.interview.desk):
the navigator decides what to ask (navigator), the derivation keeps facts and conclusions
current (derivation), the question is shown with what goes around it (showing), a typed line
is routed (dispatch) to a command handler (command_handlers) or the answer recorder
(recording), which offers it to the figure carried from step 1 (carried) and the question's
partner (also) before the answer check, and takes over what listed streams say (listed);
the dossier is built once per state (dossier_cache) and progress told when it changes
(progress_teller).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from datetime import UTC, datetime
from typing import Any

from isassist.dossier import ConclusionView, Dossier, QuestionView, Turn, build_dossier
from isassist.interview.also import TwoAnswers
from isassist.interview.answer_check import Checked
from isassist.interview.carried import CarriedFigures
from isassist.interview.commands import Command
from isassist.interview.conditions import Scope
from isassist.interview.derivation import Derivation
from isassist.interview.dialog import Dialog, Question, Section
from isassist.interview.dispatch import Dispatcher
from isassist.interview.dossier_cache import DossierCache
from isassist.interview.events import Answered, Event, event_from_json, event_to_json
from isassist.interview.factbuild import FactSet
from isassist.interview.listed import ListedStreams
from isassist.interview.messages import say
from isassist.interview.navigator import Entry, Navigator, Progress
from isassist.interview.progress_teller import ProgressSink, ProgressTeller
from isassist.interview.record import interview_record
from isassist.interview.recording import AnswerRecorder
from isassist.interview.renames import upgrade_event
from isassist.interview.services import Services
from isassist.interview.showing import QuestionShow
from isassist.interview.state import State, apply
from isassist.interview.transcript import PastTurn, transcript

EventSink = Callable[[dict[str, Any]], None]


class Interview:
    """One interview: its answer log, the state folded from it, and the rooms that work on
    them (the faces and the command handlers call the methods below, the rooms the rest)."""

    def __init__(
        self,
        dialog: Dialog,
        services: Services,
        interview_id: str | None = None,
        events: Iterable[dict[str, Any]] = (),
        sink: EventSink | None = None,
        on_progress: ProgressSink | None = None,
    ) -> None:
        self.dialog = dialog
        self.services = services
        self.id = interview_id or uuid.uuid4().hex
        self.state = State()
        self.nav = Navigator(dialog)
        self._sink = sink
        # a fresh interview starts now; one rebuilt from a log gets its dates from the store
        # (isassist.interview.persistence.resume) or has none
        self.created_at: datetime | None = None if events else datetime.now(UTC)
        self.updated_at: datetime | None = self.created_at
        self._log: list[dict[str, Any]] = []
        self._creates = frozenset(
            q.id for s in dialog.sections for q in s.questions if q.creates_streams
        )
        for data in events:
            self._fold(upgrade_event(data, dialog))
        self._derived = Derivation(self.id, dialog, services, self.state, self.nav)
        self._derived.refresh()
        self._progress = ProgressTeller(self.nav, on_progress)
        self._dossiers = DossierCache()
        carried = CarriedFigures(self)
        self._show = QuestionShow(self, self._derived, carried)
        self._recorder = AnswerRecorder(
            self, self._show, carried, TwoAnswers(self), ListedStreams(self)
        )
        self._dispatch = Dispatcher(self, self._recorder)

    @classmethod
    def start(
        cls,
        dialog: Dialog,
        services: Services,
        mode: str = "broker",
        language: str = "nl",
        interview_id: str | None = None,
        sink: EventSink | None = None,
        on_progress: ProgressSink | None = None,
    ) -> Interview:
        """A new interview whose mode and language are its first two (revisable) answers."""
        interview = cls(dialog, services, interview_id, sink=sink, on_progress=on_progress)
        for qid, value in (("mode", mode), ("language", language)):
            if dialog.question(qid) is not None:
                interview.record(Answered(question=qid, text=value, value=value))
        interview.refresh()
        interview.tell_progress()
        return interview

    # --- what the faces read -------------------------------------------------------------

    @property
    def lang(self) -> str:
        answer = self.state.answers.get(("language", None))
        return str(answer.value) if answer is not None and answer.value in ("nl", "en") else "nl"

    @property
    def mode(self) -> str:
        return self.nav.mode

    @property
    def log(self) -> list[dict[str, Any]]:
        return list(self._log)

    @property
    def facts(self) -> FactSet:
        return self._derived.facts

    @property
    def conclusions(self) -> list[ConclusionView]:
        return list(self._derived.conclusions)

    def slots(self) -> list[Entry]:
        return self.nav.slots()

    def scope(self, stream: str | None) -> Scope:
        return self.nav.scope(stream)

    def awaits_answer(self, conclusion: ConclusionView) -> bool:
        return self.nav.awaits_answer(conclusion)

    def worked_out(self, stream: str) -> bool:
        """True when ``stream`` gets the deep-dive (steps 2 to 4)."""
        return self.nav.worked_out(stream)

    def progress(self) -> Progress:
        """The one progress measure (answered of applicable questions)."""
        return self.nav.progress()

    def tell_progress(self) -> None:
        """Pass the progress measure on (to the store) when it differs from the last told."""
        self._progress.tell()

    def transcript(self) -> list[PastTurn]:
        """The conversation so far, rebuilt from the event log (for a resumed chat)."""
        return transcript(self._log, self.dialog, self.lang, self.mode, self.state)

    def current_question(self) -> QuestionView | None:
        return self._show.current()

    def view(self, section: Section, question: Question, stream: str | None) -> QuestionView:
        """``question`` as the chat shows it for ``stream``."""
        return self._show.view(section, question, stream)

    def canvas_draft(self, block: str, stream: str) -> str | None:
        """The rules' draft of one canvas block for ``stream`` (isassist.interview.showing)."""
        return self._show.canvas_draft(block, stream)

    def dossier(self) -> Dossier:
        """The dossier of what is known now, built once per state (the register sync and
        the dossier panel both ask for it after a turn)."""
        now = (len(self._log), self._derived.conclusions, self.updated_at)
        return self._dossiers.get(now, lambda: build_dossier(interview_record(self)))

    # --- what the faces do ---------------------------------------------------------------

    def answer(self, text: str) -> Turn:
        """Process one typed line: a command (starting with '/') or an answer (an answer with
        control characters is refused with a message; a command's argument loses them)."""
        return self._dispatch.line(text)

    def command(self, name: str, arg: str = "") -> Turn:
        """Run one command of the registry (isassist.interview.commands)."""
        return self._dispatch.command(name, arg)

    def check(self, question: Question, stream: str | None, text: str) -> Checked:
        """``text`` read as an answer to ``question`` for ``stream``; records nothing."""
        return self._recorder.check(question, stream, text)

    def close(self) -> None:
        self._derived.close()

    # --- what the rooms do (isassist.interview.desk) ---------------------------------------

    def confirm(self, what: str, prompt: str, run: Callable[[], Turn]) -> Turn:
        """Ask for 'ja' before ``run``; the next line confirms or cancels."""
        return self._dispatch.confirm(what, prompt, run)

    def record(self, event: Event) -> None:
        """Append ``event`` to the log (and the store) and fold it into the state."""
        data = event_to_json(event)
        if self._sink is not None:
            self._sink(data)
        self.updated_at = datetime.now(UTC)
        self._fold(data)

    def _fold(self, data: dict[str, Any]) -> None:
        apply(self.state, event_from_json(data), self._creates)
        self.nav.see(self.state)
        self._log.append(data)

    def refresh(self) -> tuple[list[ConclusionView], list[ConclusionView]]:
        """Rebuild the facts and re-derive; the conclusions that came and went."""
        return self._derived.refresh()

    def after(self, turn: Turn) -> Turn:
        """Re-derive, then fill in what changed and what is asked next."""
        turn.new_conclusions, turn.withdrawn_conclusions = self.refresh()
        turn.question = self.current_question()
        turn.done = turn.question is None
        if turn.done:
            turn.said.append(say("done", self.lang))
        self.tell_progress()
        return turn


__all__ = ["Command", "Interview", "QuestionView", "Turn"]
