"""The broker register as a face reaches it: open it, match a company, draw its network,
move opportunities through the pipeline; and saved interviews kept in it as they are saved.

Matching and the network take seconds on a large register: a face calls them from a worker
thread and posts the result as a message (tui/screens/register.py does), never on the UI
thread. Imported lazily by the faces: opening the register loads SQLAlchemy and the matcher.

After each turn of an interview a face started or resumed through ``isassist.session.saved``
the conversation calls ``interview_saved``, which puts the interview's company, haves and
wants in the register of that same database at once (``isassist.register.sync.
SavedInterviews``: only what changed is written, a removed stream leaves). The register is
opened on the first save that has a company name, never before, so starting an interview
stays as fast as it was; it stays open for the next saves (one database at a time).
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

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
    from isassist.interview.engine import Interview

_open: dict[str, SavedInterviews] = {}
"""The register last saved into, by its URL (at most one)."""
_lock = threading.Lock()


def interview_saved(interview: Interview, url: str) -> Synced | None:
    """Bring a just-saved interview into the register at ``url``, the database it is saved in
    (None: nothing changed or no company name yet). A register that cannot be opened or
    written is reported in ``Synced.problem``; the interview itself is saved either way, and
    the next read of the register tries again."""
    if not may_use_register():
        # a self-assessment's process never touches the register: the team's next read of
        # the register brings the interview in (sync_interviews)
        return None
    with _lock:  # one writer per process: a face may save from a worker thread
        try:
            saved = _open.get(url)
            if saved is None:
                if not interview.facts.company.name:
                    return None
                for other in _open.values():
                    other.register.close()
                _open.clear()
                saved = _open[url] = SavedInterviews(Register(url))
            return saved.saved(interview.dossier())
        except RegisterError as error:
            return Synced(interview.id, "", 0, (), (), problem=str(error))


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
    "sync_interviews",
]
