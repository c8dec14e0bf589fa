"""Interviews in the register: every saved interview's company, haves and wants, kept current.

An interview is saved event by event in the same database as the register. When a face saves
an answer (``SavedInterviews.saved``, called by the session after each turn), the interview's
live dossier is put in the register at once: its company (sector and place as they become
known), a stream the broker removed leaves, a changed one is updated in place (its id and the
opportunities opened on it stay), a heat stream arrives as heat with its energy and
temperature, a stream without a quantity is kept (matching flags the missing amount as a
barrier) and wants typed in the interview become wants. No export and import by hand.

A sync mark per interview (its event count, in the store's ``meta`` table) records what the
register has seen. Whenever the register is read for matching (``match``, ``network``,
``register list``, the TUI's register screen), ``sync_interviews`` brings in only interviews
saved by a program that did not sync them (an older version, a replay): an interview synced on
save costs one look at its mark.

The register reads the interview through the headless core (replaying its log into an
``Interview`` and asking for its dossier), never through a face.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import delete, insert, select

from isassist.dossier import Dossier
from isassist.register.errors import RegisterError
from isassist.register.importing import (
    InterviewEntry,
    import_dossier,
    interview_entry,
    store_entry,
)
from isassist.register.store import Register
from isassist.store.tables import interviews as store_interviews
from isassist.store.tables import meta as store_meta

_MARK = "register_sync:"

DossierOf = Callable[[str], Dossier]
"""Builds the dossier of a stored interview from its id."""


@dataclass(frozen=True)
class Synced:
    """One interview brought into the register."""

    interview_id: str
    company: str
    streams: int
    without_quantity: tuple[str, ...]
    not_understood: tuple[str, ...]
    problem: str | None = None


def _stored_dossier(url: str) -> DossierOf:
    from isassist.interview.adapters import live_services
    from isassist.interview.persistence import resume
    from isassist.store import Store

    store = Store(url)
    services = live_services()

    def build(interview_id: str) -> Dossier:
        return resume(store, interview_id, services).dossier()

    return build


def sync_interviews(register: Register, dossier_of: DossierOf | None = None) -> list[Synced]:
    """Bring every interview changed since its last sync into the register.

    An interview without a company name yet is skipped (and tried again next time); one that
    cannot be read is reported, never half-imported.
    """
    from isassist.store import Store, StoreError

    try:
        summaries = Store(register.url).list_interviews()
    except StoreError as error:
        raise RegisterError(str(error)) from error
    with register.reading() as conn:
        marks = {
            key[len(_MARK) :]: value
            for key, value in conn.execute(
                select(store_meta.c.key, store_meta.c.value).where(
                    store_meta.c.key.like(f"{_MARK}%")
                )
            ).all()
        }
    changed = [s for s in summaries if marks.get(s.id) != str(s.event_count) and s.company]
    if not changed:
        return []
    build = dossier_of or _stored_dossier(register.url)
    done: list[Synced] = []
    for summary in changed:
        done.append(_sync_one(register, build, summary.id, summary.event_count))
    return done


def _sync_one(register: Register, build: DossierOf, interview_id: str, events: int) -> Synced:
    try:
        dossier = build(interview_id)
        result = import_dossier(register, dossier)
    except (RegisterError, ValueError, KeyError) as error:
        return Synced(interview_id, "", 0, (), (), problem=str(error))
    _mark(register, interview_id, events)
    return Synced(
        interview_id,
        dossier.company.name,
        result.streams,
        _without_quantity(dossier),
        result.not_understood,
    )


def _without_quantity(dossier: Dossier) -> tuple[str, ...]:
    return tuple(
        s.name or s.id
        for s in dossier.streams
        if s.tonnes_per_year is None
        and not s.properties.get("energy_mwh_per_year")
        and (s.quantity_per_year is None or s.quantity_per_year.value is None)
    )


class SavedInterviews:
    """Puts interviews in the register as they are saved, writing only what changed.

    One per register and process (the session keeps it); it remembers what it last wrote of
    each interview, so an answer that changes nothing the register holds (a note, a barrier
    question) costs building the entry and comparing it, not a rewrite.
    """

    def __init__(self, register: Register) -> None:
        self.register = register
        self._written: dict[str, InterviewEntry] = {}

    def saved(self, dossier: Dossier, events: int | None = None) -> Synced | None:
        """Bring one just-saved interview's dossier into the register; None when it has no
        company name yet or nothing the register holds changed. ``events`` is the number of
        events the dossier describes (default: as many as the store holds now; a writer that
        runs behind the interview passes it, so the mark never claims a newer save). A
        problem is returned in ``Synced.problem`` (the interview's own save is never undone by
        it); the mark is not moved then, so the next read of the register tries again."""
        interview_id = dossier.interview_id
        if not interview_id or not dossier.company.name.strip():
            return None
        try:
            entry = interview_entry(dossier)
            changed = self._written.get(interview_id) != entry
            result = store_entry(self.register, entry) if changed else None
            if events is None:
                events = _event_count(self.register, interview_id)
            _mark(self.register, interview_id, events)
        except RegisterError as error:
            self._written.pop(interview_id, None)
            return Synced(interview_id, "", 0, (), (), problem=str(error))
        self._written[interview_id] = entry
        if result is None:
            return None
        return Synced(
            interview_id,
            entry.company.name,
            result.streams,
            _without_quantity(dossier),
            result.not_understood,
        )


def _event_count(register: Register, interview_id: str) -> int:
    with register.reading() as conn:
        found = conn.execute(
            select(store_interviews.c.event_count).where(store_interviews.c.id == interview_id)
        ).scalar_one_or_none()
    return int(found or 0)


def _mark(register: Register, interview_id: str, events: int) -> None:
    key = f"{_MARK}{interview_id}"
    with register.writing() as conn:
        conn.execute(delete(store_meta).where(store_meta.c.key == key))
        conn.execute(insert(store_meta).values(key=key, value=str(events)))
