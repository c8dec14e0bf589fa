"""Saved interviews: the engine's answer log written through isassist.store, one event per
transaction, and read back to resume.

The store knows a few generic event kinds; the interview's richer events (focus, jump, stream
added or removed) travel in its ``command`` kind with the details in ``value``. Mapping both
ways in one module keeps the store ignorant of dialog details and the engine ignorant of SQL.
"""

from __future__ import annotations

import contextlib
import threading
import weakref
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from isassist.interview.dialog import Dialog
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.navigator import Progress
from isassist.interview.services import Services
from isassist.store import Event as StoredEvent
from isassist.store import InterviewMeta, NewEvent, OpeningStore, StoreError, Summary
from isassist.store.ids import new_interview_id

if TYPE_CHECKING:
    from isassist.store import Store  # SQLAlchemy: not imported until a store is opened

DIALOG_VERSION = "1"


def to_store(data: dict[str, Any]) -> NewEvent:
    """One engine event (JSON) as a store event."""
    kind = data["kind"]
    question = data.get("question")
    stream = data.get("stream")
    if kind == "answer":
        return NewEvent(
            kind="answer",
            question_id=question,
            stream_id=stream,
            raw_text=data.get("text", ""),
            value={"value": data.get("value"), "unit": data.get("unit"), "extra": data["extra"]},
            status=data.get("status", "known"),
        )
    if kind == "skip":
        return NewEvent(kind="skip", question_id=question, stream_id=stream, status="skipped")
    if kind == "withdraw":
        return NewEvent(kind="withdraw", question_id=question, stream_id=stream)
    if kind == "focus":
        return NewEvent(kind="revise", question_id=question, stream_id=stream)
    if kind == "note":
        return NewEvent(
            kind="note", question_id=question, stream_id=stream, raw_text=data.get("text", "")
        )
    details = {k: v for k, v in data.items() if k not in ("question", "stream")}
    return NewEvent(kind="command", question_id=question, stream_id=stream, value=details)


def from_store(event: StoredEvent) -> dict[str, Any]:
    """One stored event as the engine's JSON event."""
    at = {"question": event.question_id, "stream": event.stream_id}
    if event.kind == "answer":
        packed = event.value if isinstance(event.value, dict) else {"value": event.value}
        extra = packed.get("extra")
        return {
            "kind": "answer",
            **at,
            "text": event.raw_text,
            "value": packed.get("value"),
            "status": "unknown" if event.status == "unknown" else "known",
            "unit": packed.get("unit"),
            "extra": extra if isinstance(extra, dict) else {},
        }
    if event.kind == "revise":
        return {"kind": "focus", **at}
    if event.kind == "note":
        return {"kind": "note", **at, "text": event.raw_text}
    if event.kind in ("skip", "withdraw"):
        return {"kind": event.kind, **at}
    details = dict(event.value) if isinstance(event.value, dict) else {}
    if details.get("kind") in ("add_stream", "remove_stream", "rename_stream"):
        return details | {"stream": event.stream_id}
    return details | at


def start_saved(
    store: Store | OpeningStore,
    services: Services,
    mode: str = "broker",
    language: str = "nl",
    title: str = "",
    dialog: Dialog | None = None,
) -> Interview:
    """A new interview whose every event is stored before the engine acts on it.

    On a store still opening (``OpeningStore``) the interview starts at once: its first two
    events (mode and language, given by the caller, not typed) are held and stored, with the
    interview, as soon as the store is open; every later event waits for the store."""
    meta = InterviewMeta(
        title=title[:200],
        mode="self" if mode == "self" else "broker",
        language="en" if language == "en" else "nl",
        dialog_version=DIALOG_VERSION,
    )
    sink: _Sink | _HeldSink
    if isinstance(store, OpeningStore):
        sink = _HeldSink(store, meta, new_interview_id(datetime.now(UTC)))
        interview_id = sink.interview_id
    else:
        interview_id = store.create_interview(meta)
        sink = _Sink(store, interview_id, 0)
    interview = Interview.start(
        dialog or shipped_dialog(),
        services,
        mode=mode,
        language=language,
        interview_id=interview_id,
        sink=sink,
        on_progress=sink.progress,
    )
    if isinstance(sink, _HeldSink):
        sink.started()
        _held[interview] = sink
    return interview


_held: weakref.WeakKeyDictionary[Interview, _HeldSink] = weakref.WeakKeyDictionary()


def is_stored(interview: Interview) -> bool:
    """Whether the interview is in its store: False only for one started on a store still
    opening (or that failed to open), until it is written there."""
    sink = _held.get(interview)
    return sink is None or sink.saved


def resume(
    store: Store, interview_id: str, services: Services, dialog: Dialog | None = None
) -> Interview:
    """The interview as its stored log left it, still writing to the store."""
    stored = store.events(interview_id)
    sink = _Sink(store, interview_id, stored[-1].seq if stored else 0)
    interview = Interview(
        dialog or shipped_dialog(),
        services,
        interview_id,
        events=[from_store(e) for e in stored],
        sink=sink,
        on_progress=sink.progress,
    )
    header = store.get(interview_id)
    interview.created_at, interview.updated_at = header.created_at, header.updated_at
    # counted afresh: a database from before progress was stored, or a newer dialog
    interview.tell_progress()
    return interview


class _Sink:
    """Writes the engine's events to the store, each expecting the next sequence number:
    when another process answered the same interview in between, the store refuses
    (StaleInterviewError, shown to the user) instead of interleaving two sets of answers."""

    def __init__(self, store: Store, interview_id: str, last_seq: int) -> None:
        self.store = store
        self.interview_id = interview_id
        self.last_seq = last_seq

    def __call__(self, data: dict[str, Any]) -> None:
        self.last_seq = self.store.append(
            self.interview_id, to_store(data), expected=self.last_seq + 1
        )
        if data.get("kind") == "answer" and data.get("question") == "company_name":
            self.store.update(self.interview_id, company=str(data.get("text", ""))[:200])

    def progress(self, progress: Progress) -> None:
        """Keep the progress measure with the interview, for the lists that show it."""
        self.store.set_progress(self.interview_id, progress.done, progress.total)


class _HeldSink:
    """The writer of an interview started before its store was open (``start_saved``).

    The start's own events are held in memory; once the store is open they are stored with
    the new interview in one transaction (by the opening thread, or by the first writer that
    gets there), and from then on every event goes straight to the store (``_Sink``). An
    event after the start waits for the store, so nothing typed is acted on unsaved; when the
    store cannot be opened it raises that ``StoreError``, which the chat shows as "not saved".
    """

    def __init__(self, opening: OpeningStore, meta: InterviewMeta, interview_id: str) -> None:
        self.opening = opening
        self.meta = meta
        self.interview_id = interview_id
        self._lock = threading.Lock()
        self._held: list[NewEvent] = []
        self._progress: Progress | None = None
        self._starting = True
        self._sink: _Sink | None = None
        self._error: StoreError | None = None

    def started(self) -> None:
        """The start's events are in: store them when the store is open (now, if it is)."""
        self._starting = False
        self.opening.when_settled(self._settled)

    def _settled(self, store: Store | None, error: StoreError | None) -> None:
        # in the opening thread: a failure here is kept for the next writer, never raised
        if store is None:
            self._error = error
            return
        try:
            self._ready(store)
        except StoreError as failure:
            self._error = failure

    def _ready(self, store: Store) -> _Sink:
        """The store's writer, after storing the interview and its held events (once)."""
        with self._lock:
            if self._sink is None:
                held, self._held = self._held, []
                store.create_interview_with_events(self.meta, held, interview_id=self.interview_id)
                self._sink = _Sink(store, self.interview_id, len(held))
                if self._progress is not None:
                    self._sink.progress(self._progress)
            return self._sink

    def _writer(self) -> _Sink:
        if self._sink is not None:
            return self._sink
        if self._error is not None:
            raise self._error
        return self._ready(self.opening.wait())

    def __call__(self, data: dict[str, Any]) -> None:
        if self._starting and self._sink is None:
            self._held.append(to_store(data))
            return
        self._writer()(data)

    def progress(self, progress: Progress) -> None:
        if self._sink is None:
            self._progress = progress
            if self._starting or not self.opening.settled:
                return
        with contextlib.suppress(StoreError):  # a progress count is never worth an error
            self._writer().progress(progress)

    @property
    def saved(self) -> bool:
        """Whether the interview is in the store."""
        return self._sink is not None


def progress_of(store: Store, summary: Summary, services: Services | None = None) -> Progress:
    """The one progress measure of a saved interview (answered of applicable questions), as
    the dossier and the chat show it: as saved with the interview, or, for one saved before
    progress was kept, counted by rebuilding it once and then kept."""
    if summary.progress_done is not None and summary.progress_total is not None:
        return Progress(summary.progress_done, summary.progress_total)
    if services is None:
        from isassist.interview.adapters import live_services  # the rules: only when needed

        services = live_services()
    events = [from_store(e) for e in store.events(summary.id)]
    interview = Interview(shipped_dialog(), services, summary.id, events=events)
    try:
        counted = interview.progress()
    finally:
        interview.close()
    store.set_progress(summary.id, counted.done, counted.total)
    return counted
