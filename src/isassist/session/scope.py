"""What this process may reach: everything (a broker, the desktop app) or one self-assessment.

The team server (``isassist serve``) runs one app process per browser connection. For an
SME who opened an invitation link, that process is entered into a :class:`Scope` before the
app starts, and the faces' door enforces it, not the screens: ``open_store`` hands out a
:class:`ScopedStore` that refuses every interview but the invitation's own (reading, writing,
listing, deleting, importing), and ``may_use_register`` is False so the register door refuses
(the register holds other companies and the brokers' pipeline notes). Hiding a button is only
the face reflecting this.

A process enters a scope once; it cannot be widened afterwards.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from isassist.store import (
    InterviewExport,
    InterviewMeta,
    NewEvent,
    Store,
    StoredInterview,
    StoreError,
    Summary,
)
from isassist.store.models import Event, InterviewStatus


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


class ScopedStore(Store):
    """The store as an invited SME may see it: its own interview only."""

    def __init__(self, url: str | None, scope: Scope) -> None:
        super().__init__(url)
        self.scope = scope
        self._own = scope.interview_id

    def _refuse(self) -> AccessDenied:
        if self.scope.language == "en":
            return AccessDenied("This link gives access to your own self-assessment only.")
        return AccessDenied("Deze link geeft alleen toegang tot uw eigen zelfevaluatie.")

    def _check(self, interview_id: str) -> None:
        if self._own is None or interview_id != self._own:
            raise self._refuse()

    def create_interview(self, meta: InterviewMeta) -> str:
        if self._own is not None:
            raise self._refuse()
        created = super().create_interview(meta.model_copy(update={"mode": "self"}))
        bound = self.scope.bind(created)
        if bound != created:  # another tab started the invitation's interview first
            super().delete(created)
            self._own = bound
            raise self._refuse()
        self._own = created
        return created

    def create_interview_with_events(self, meta: InterviewMeta, events: Sequence[NewEvent]) -> str:
        raise self._refuse()

    def import_interview(self, export: InterviewExport) -> str:
        raise self._refuse()

    def delete(self, interview_id: str) -> None:
        raise self._refuse()  # the broker's team keeps the result

    def get(self, interview_id: str) -> StoredInterview:
        self._check(interview_id)
        return super().get(interview_id)

    def update(
        self,
        interview_id: str,
        *,
        title: str | None = None,
        company: str | None = None,
        status: InterviewStatus | None = None,
    ) -> StoredInterview:
        self._check(interview_id)
        return super().update(interview_id, title=title, company=company, status=status)

    def set_progress(self, interview_id: str, done: int, total: int) -> None:
        self._check(interview_id)
        super().set_progress(interview_id, done, total)

    def list_interviews(self, limit: int | None = None) -> list[Summary]:
        return [s for s in super().list_interviews() if s.id == self._own][:limit]

    def latest(self) -> Summary | None:
        own = self.list_interviews()
        return own[0] if own else None

    def append(self, interview_id: str, event: NewEvent, *, expected: int | None = None) -> int:
        self._check(interview_id)
        return super().append(interview_id, event, expected=expected)

    def add_events(
        self, interview_id: str, events: Sequence[NewEvent], *, after: int | None = None
    ) -> int:
        self._check(interview_id)
        return super().add_events(interview_id, events, after=after)

    def events(self, interview_id: str) -> list[Event]:
        self._check(interview_id)
        return super().events(interview_id)

    def export_interview(self, interview_id: str) -> InterviewExport:
        self._check(interview_id)
        return super().export_interview(interview_id)
