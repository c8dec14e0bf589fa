"""Saved interviews as a face reaches them: the store, its summaries, start and resume.

The faces never import isassist.store or the interview's persistence themselves; this module
is their door. Importing it costs no SQLAlchemy (``isassist.store`` brings that with the first
``Store``): a face may start an interview on a store that is still opening (``OpeningStore``,
see ``isassist.interview.persistence.start_saved``); starting and resuming load the engine
when called.
"""

from __future__ import annotations

import weakref
from typing import TYPE_CHECKING

from isassist.store.errors import StoreError
from isassist.store.location import data_home
from isassist.store.opening import OpeningStore

if TYPE_CHECKING:
    from isassist.interview.dialog import Dialog
    from isassist.interview.engine import Interview
    from isassist.interview.services import Services
    from isassist.store import Store, Summary


_saved_in: weakref.WeakKeyDictionary[Interview, Store | OpeningStore] = weakref.WeakKeyDictionary()


def saved_in(interview: Interview) -> str | None:
    """The database a face's interview is saved in (its register is kept current on each
    save, ``isassist.session.register.interview_saved``); None for one not started here, or
    whose store is not open (yet)."""
    store = _saved_in.get(interview)
    if isinstance(store, OpeningStore):
        if not store.settled:
            return None
        try:
            store = store.wait()
        except StoreError:
            return None
    return store.url if store is not None else None


def open_store(url: str | None) -> Store:
    """The interview store at ``url`` (None: the default SQLite file); raises StoreError.

    In a process restricted to one self-assessment (``isassist.session.scope``) the store
    refuses every other interview."""
    from isassist.session.scope import active
    from isassist.session.scoped_store import ScopedStore
    from isassist.store.store import Store

    scope = active()
    return Store(url) if scope is None else ScopedStore(url, scope)


def is_saved(interview: Interview) -> bool:
    """Whether the interview is in its store (one started on a store still opening is not,
    until the store is open)."""
    from isassist.interview.persistence import is_stored

    return is_stored(interview)


def may_start_before_open() -> bool:
    """Whether a new interview may start on a store still opening: not in a process bound to
    one self-assessment, whose store decides at creation whether the link's interview is
    still to be made (``isassist.session.scope``)."""
    from isassist.session.scope import active

    return active() is None


def start_interview(
    store: Store | OpeningStore, services: Services, *, mode: str, language: str, dialog: Dialog
) -> Interview:
    """A new interview written to ``store`` answer by answer (on one still opening: as soon
    as it is open), and kept in the register of the same database as it is saved
    (``isassist.session.register``)."""
    from isassist.interview.persistence import start_saved

    interview = start_saved(store, services, mode=mode, language=language, dialog=dialog)
    _saved_in[interview] = store
    return interview


def resume_interview(
    store: Store, interview_id: str, services: Services, *, dialog: Dialog
) -> Interview:
    """A saved interview rebuilt from its answer log, kept in the register as it is saved;
    raises StoreError."""
    from isassist.interview.persistence import resume

    interview = resume(store, interview_id, services, dialog=dialog)
    _saved_in[interview] = store
    return interview


__all__ = [
    "OpeningStore",
    "Store",
    "StoreError",
    "Summary",
    "data_home",
    "is_saved",
    "may_start_before_open",
    "open_store",
    "resume_interview",
    "saved_in",
    "start_interview",
]
