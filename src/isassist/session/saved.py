"""Saved interviews as a face reaches them: the store, its summaries, start and resume.

The faces never import isassist.store or the interview's persistence themselves; this module
is their door. It imports only the store at module level (the start screen lists saved
interviews before the engine has loaded); starting and resuming load the engine when called.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from isassist.store import Store, StoreError, Summary
from isassist.store.location import data_home

if TYPE_CHECKING:
    from isassist.interview.dialog import Dialog
    from isassist.interview.engine import Interview
    from isassist.interview.services import Services


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
    """A new interview written to ``store`` answer by answer."""
    from isassist.interview.persistence import start_saved

    return start_saved(store, services, mode=mode, language=language, dialog=dialog)


def resume_interview(
    store: Store, interview_id: str, services: Services, *, dialog: Dialog
) -> Interview:
    """A saved interview rebuilt from its answer log; raises StoreError."""
    from isassist.interview.persistence import resume

    return resume(store, interview_id, services, dialog=dialog)


__all__ = [
    "Store",
    "StoreError",
    "Summary",
    "data_home",
    "open_store",
    "resume_interview",
    "start_interview",
]
