"""Saved interviews as a face reaches them: the store, its summaries, start and resume.

The faces never import isassist.store or the interview's persistence themselves; this module
is their door. It imports only the store at module level (the start screen lists saved
interviews before the engine has loaded); starting and resuming load the engine when called.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from isassist.store import Store, StoreError, Summary
from isassist.store.location import data_home

if TYPE_CHECKING:
    from isassist.interview.dialog import Dialog
    from isassist.interview.engine import Interview
    from isassist.interview.services import Services


_saved_in: weakref.WeakKeyDictionary[Interview, str] = weakref.WeakKeyDictionary()


def saved_in(interview: Interview) -> str | None:
    """The database a face's interview is saved in (its register is kept current on each
    save, ``isassist.session.register.interview_saved``); None for one not started here."""
    return _saved_in.get(interview)


def open_store(url: str | None) -> Store:
    """The interview store at ``url`` (None: the default SQLite file); raises StoreError.

    In a process restricted to one self-assessment (``isassist.session.scope``) the store
    refuses every other interview."""
    from isassist.session.scope import ScopedStore, active

    scope = active()
    return Store(url) if scope is None else ScopedStore(url, scope)


def start_interview(
    store: Store, services: Services, *, mode: str, language: str, dialog: Dialog
) -> Interview:
    """A new interview written to ``store`` answer by answer, and kept in the register of the
    same database as it is saved (``isassist.session.register``)."""
    from isassist.interview.persistence import start_saved

    interview = start_saved(store, services, mode=mode, language=language, dialog=dialog)
    _saved_in[interview] = store.url
    return interview


def resume_interview(
    store: Store, interview_id: str, services: Services, *, dialog: Dialog
) -> Interview:
    """A saved interview rebuilt from its answer log, kept in the register as it is saved;
    raises StoreError."""
    from isassist.interview.persistence import resume

    interview = resume(store, interview_id, services, dialog=dialog)
    _saved_in[interview] = store.url
    return interview


__all__ = [
    "Store",
    "StoreError",
    "Summary",
    "data_home",
    "open_store",
    "resume_interview",
    "saved_in",
    "start_interview",
]
