"""The broker register as a face reaches it: open it, match a company, draw its network,
move opportunities through the pipeline; and saved interviews kept in it as they are saved.

Matching and the network take seconds on a large register: a face calls them from a worker
thread and posts the result as a message (tui/screens/register.py does), never on the UI
thread. Imported lazily by the faces: opening the register loads SQLAlchemy and the matcher.

After each turn of an interview a face started or resumed through ``isassist.session.saved``
the conversation calls ``interview_saved``, which hands the interview's dossier (the one the
dossier panel shows, built once per turn) to a background writer that puts its company, haves
and wants in the register of that same database (``isassist.register.sync.SavedInterviews``:
only what changed is written, a removed stream leaves). The face's thread never opens or
writes the register; the writer opens it on the first save that has a company name and keeps
it open for the next saves (one database at a time). What went wrong is handed back on the
next save (``sync_notice`` words it), and every waiting save is written at exit.
"""

from __future__ import annotations

import atexit
import threading
import time
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from isassist.register import (
    Match,
    NetworkView,
    Pipeline,
    Register,
    RegisterError,
    match_company,
    network,
)
from isassist.register.sync import SavedInterviews, Synced, sync_interviews
from isassist.session.scope import may_use_register, refuse_register

if TYPE_CHECKING:
    from isassist.dossier import Dossier
    from isassist.interview.engine import Interview

DEBOUNCE_S = 0.25
"""A save waits this long for the next one: answers typed in a row are written once."""


class _Writer:
    """Writes saved interviews into the register from one background thread.

    The face's thread only hands over the dossier it already has (``Interview.dossier`` is
    built once per turn, for the dossier panel as well) and the event count it describes; the
    writer opens the register (SQLAlchemy, the first time: seconds) and writes, after
    ``DEBOUNCE_S`` without a newer save of the same interview. The latest dossier of each
    interview always gets written: a newer one replaces a waiting one, and ``flush`` (called
    at exit) writes what is still waiting. Problems are kept for the session to show.
    """

    def __init__(self) -> None:
        self._waiting: dict[tuple[str, str], tuple[Dossier, int, float]] = {}
        self._changed = threading.Condition()
        self._busy = False
        self._hurry = 0
        self._thread: threading.Thread | None = None
        self._problems: list[Synced] = []
        self._open: dict[str, SavedInterviews] = {}
        """The register last saved into, by its URL (at most one); the writer's alone."""

    def put(self, url: str, dossier: Dossier, events: int) -> None:
        with self._changed:
            self._waiting[(url, dossier.interview_id)] = (dossier, events, time.monotonic())
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._run, name="register-writer", daemon=True
                )
                self._thread.start()
            self._changed.notify_all()

    def problems(self) -> list[Synced]:
        """The problems met since the last call (each once)."""
        with self._changed:
            found, self._problems = self._problems, []
        return found

    def flush(self, timeout: float | None = None) -> bool:
        """Write what is waiting now, without the debounce; False if ``timeout`` passed."""
        with self._changed:
            self._hurry += 1
            self._changed.notify_all()
            try:
                return self._changed.wait_for(lambda: not self._waiting and not self._busy, timeout)
            finally:
                self._hurry -= 1

    def _run(self) -> None:
        while True:
            with self._changed:
                self._changed.wait_for(lambda: bool(self._waiting))
                while not self._hurry:
                    last = max(at for _, _, at in self._waiting.values())
                    left = last + DEBOUNCE_S - time.monotonic()
                    if left <= 0:
                        break
                    self._changed.wait(left)
                batch, self._waiting = self._waiting, {}
                self._busy = True
            found = [
                self._write(url, dossier, events)
                for (url, _), (dossier, events, _) in batch.items()
            ]
            with self._changed:
                self._problems += [f for f in found if f is not None and f.problem]
                self._busy = False
                self._changed.notify_all()

    def _write(self, url: str, dossier: Dossier, events: int) -> Synced | None:
        try:
            saved = self._open.get(url)
            if saved is None:
                for other in self._open.values():
                    other.register.close()
                self._open.clear()
                saved = self._open[url] = SavedInterviews(Register(url))
            return saved.saved(dossier, events)
        except (RegisterError, SQLAlchemyError, OSError) as error:
            self._open.pop(url, None)
            return Synced(dossier.interview_id, "", 0, (), (), problem=str(error))


_writer = _Writer()
atexit.register(_writer.flush, 30.0)


def interview_saved(interview: Interview, url: str) -> list[Synced]:
    """Bring a just-saved interview into the register at ``url``, the database it is saved in,
    from a background writer (the face's thread never waits for the register); returns the
    problems the writer met since the last save, which the face shows. A register that cannot
    be opened or written never undoes the interview's own save, and the next read of the
    register tries again (``sync_interviews``)."""
    if not may_use_register():
        # a self-assessment's process never touches the register: the team's next read of
        # the register brings the interview in (sync_interviews)
        return []
    if interview.facts.company.name:
        _writer.put(url, interview.dossier(), len(interview.log))
    return _writer.problems()


def register_written(timeout: float | None = None) -> bool:
    """Wait until every saved interview is in the register (a face closing an interview, a
    test reading the register right after an answer); False if ``timeout`` passed first."""
    return _writer.flush(timeout)


def sync_notice(problems: list[Synced], lang: str) -> str:
    """What the user reads when saved answers could not reach the register."""
    if not problems:
        return ""
    said = "; ".join(dict.fromkeys(p.problem or "" for p in problems))
    if lang == "en":
        return (
            f"Your answers are saved, but the register could not be updated: {said}. "
            "It is tried again when the register is next opened."
        )
    return (
        f"Je antwoorden zijn bewaard, maar het register kon niet bijgewerkt worden: {said}. "
        "Het wordt opnieuw geprobeerd wanneer het register nog eens geopend wordt."
    )


def open_register(url: str | None, lang: str) -> Register:
    """The register at ``url``; refused (RegisterError) in a self-assessment's process."""
    if not may_use_register():
        raise RegisterError(str(refuse_register(lang)))
    return Register(url)


__all__ = [
    "Match",
    "NetworkView",
    "Pipeline",
    "Register",
    "RegisterError",
    "Synced",
    "interview_saved",
    "match_company",
    "network",
    "open_register",
    "register_written",
    "sync_interviews",
    "sync_notice",
]
