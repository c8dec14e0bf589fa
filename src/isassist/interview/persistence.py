"""Saved interviews: the engine's answer log written through isassist.store, one event per
transaction, and read back to resume.

The store knows a few generic event kinds; the interview's richer events (focus, jump, stream
added or removed) travel in its ``command`` kind with the details in ``value``. Mapping both
ways in one module keeps the store ignorant of dialog details and the engine ignorant of SQL.
"""

from __future__ import annotations

from typing import Any

from isassist.interview.dialog import Dialog
from isassist.interview.engine import Interview
from isassist.interview.loader import shipped_dialog
from isassist.interview.navigator import Progress
from isassist.interview.services import Services
from isassist.store import Event as StoredEvent
from isassist.store import InterviewMeta, NewEvent, Store, Summary

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
    store: Store,
    services: Services,
    mode: str = "broker",
    language: str = "nl",
    title: str = "",
    dialog: Dialog | None = None,
) -> Interview:
    """A new interview whose every event is stored before the engine acts on it."""
    meta = InterviewMeta(
        title=title[:200],
        mode="self" if mode == "self" else "broker",
        language="en" if language == "en" else "nl",
        dialog_version=DIALOG_VERSION,
    )
    interview_id = store.create_interview(meta)
    sink = _Sink(store, interview_id, 0)
    return Interview.start(
        dialog or shipped_dialog(),
        services,
        mode=mode,
        language=language,
        interview_id=interview_id,
        sink=sink,
        on_progress=sink.progress,
    )


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
