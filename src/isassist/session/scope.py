"""What this process may reach: everything (a broker, the desktop app) or one self-assessment.

The team server (``isassist serve``) runs one app process per browser connection. For an
SME who opened an invitation link, that process is entered into a :class:`Scope` before the
app starts, and the faces' door enforces it, not the screens: ``open_store`` hands out a
``ScopedStore`` (``isassist.session.scoped_store``) that refuses every interview but the
invitation's own (reading, writing, listing, deleting, importing), and ``may_use_register``
is False so the register door refuses (the register holds other companies and the brokers'
pipeline notes). Hiding a button is only the face reflecting this.

A process enters a scope once; it cannot be widened afterwards. This module imports no
database library: the TUI asks ``active()`` before its store is open.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from isassist.store import StoreError


class AccessDenied(StoreError):
    """This session may not reach what was asked (shown to the user as it is)."""


@dataclass(frozen=True)
class Scope:
    """One invited company's self-assessment: its interview (once started) and nothing else.

    ``bind`` records a newly started interview as the invitation's own and returns the one
    that is bound (another browser tab may have started one first).
    """

    company: str
    language: str
    interview_id: str | None
    bind: Callable[[str], str]


_active: list[Scope] = []


def enter(scope: Scope) -> None:
    """Restrict this process to ``scope`` for the rest of its life."""
    if _active:
        raise RuntimeError("this process is already restricted to a scope")
    _active.append(scope)


def active() -> Scope | None:
    return _active[0] if _active else None


def may_use_register() -> bool:
    """The broker register (other companies, pipeline notes) is for brokers only."""
    return not _active


def refuse_register(lang: str) -> AccessDenied:
    if lang == "en":
        return AccessDenied("The broker register is not part of a self-assessment.")
    return AccessDenied("Het register van de makelaar hoort niet bij een zelfevaluatie.")
