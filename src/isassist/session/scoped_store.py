"""The store as an invited SME may see it: the invitation's own interview only.

See ``isassist.session.scope``: ``open_store`` hands this out in a process entered into a
scope. Its own module, because it is a ``Store`` (SQLAlchemy) and the scope is asked about
before any store is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from isassist.session.scope import AccessDenied, Scope
from isassist.store import (
    InterviewExport,
    InterviewMeta,
    NewEvent,
    Store,
    StoredInterview,
    Summary,
)
from isassist.store.models import Event, InterviewStatus


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

    def create_interview_with_events(
        self, meta: InterviewMeta, events: Sequence[NewEvent], *, interview_id: str | None = None
    ) -> str:
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
