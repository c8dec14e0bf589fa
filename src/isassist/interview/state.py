"""Fold the answer log into the interview state: answers, streams, notes and position.

Folding is pure and incremental (``apply`` one event at a time), so resuming a saved
interview and answering live go through exactly the same code.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from isassist.interview.events import (
    Answered,
    Event,
    Focused,
    Jumped,
    Noted,
    Skipped,
    StreamAdded,
    StreamRemoved,
    StreamRenamed,
    Withdrawn,
)

Slot = tuple[str, str | None]
"""A question asked once per interview (stream None) or once per stream."""

_NAME_SPLIT = re.compile(r"\s*(?:;|\n|\s+\+\s+)\s*")


@dataclass
class StreamEntry:
    id: str
    name: str
    removed: bool = False


@dataclass
class State:
    answers: dict[Slot, Answered] = field(default_factory=dict)
    skipped: set[Slot] = field(default_factory=set)
    withdrawn: set[Slot] = field(default_factory=set)
    streams: dict[str, StreamEntry] = field(default_factory=dict)
    notes: list[Noted] = field(default_factory=list)
    history: list[Slot] = field(default_factory=list)
    focus: Slot | None = None
    jump: Slot | None = None
    events: int = 0

    @property
    def active_streams(self) -> list[StreamEntry]:
        return [s for s in self.streams.values() if not s.removed]

    def new_stream_id(self) -> str:
        return f"s{len(self.streams) + 1}"

    def stream_by_name(self, name: str) -> StreamEntry | None:
        wanted = name.strip().lower()
        for stream in self.active_streams:
            if stream.name.lower() == wanted or stream.id == wanted:
                return stream
        return None

    def done(self, slot: Slot) -> bool:
        return slot in self.answers or slot in self.skipped


def stream_names(text: str) -> list[str]:
    """The stream names in an answer listing several ("houtafval; restwarmte")."""
    return [name for name in _NAME_SPLIT.split(text.strip()) if name]


def apply(state: State, event: Event, creates_streams: frozenset[str]) -> None:
    """Change ``state`` as ``event`` says; ``creates_streams`` are question ids listing streams."""
    state.events += 1
    if isinstance(event, Answered):
        slot = (event.question, event.stream)
        state.answers[slot] = event
        state.skipped.discard(slot)
        state.withdrawn.discard(slot)
        _remember(state, slot)
        if event.question in creates_streams and isinstance(event.value, list):
            for name in event.value:
                if state.stream_by_name(name) is None:
                    sid = state.new_stream_id()
                    state.streams[sid] = StreamEntry(sid, name)
    elif isinstance(event, Skipped | Withdrawn):
        slot = (event.question, event.stream)
        state.answers.pop(slot, None)
        state.skipped.add(slot)
        if isinstance(event, Withdrawn):
            state.withdrawn.add(slot)
        _remember(state, slot)
    elif isinstance(event, Focused):
        state.focus = (event.question, event.stream)
    elif isinstance(event, Jumped):
        state.focus = None
        state.jump = (event.question, event.stream)
    elif isinstance(event, Noted):
        state.notes.append(event)
    elif isinstance(event, StreamAdded):
        state.streams[event.stream] = StreamEntry(event.stream, event.name)
    elif isinstance(event, StreamRenamed):
        if event.stream in state.streams:
            state.streams[event.stream].name = event.name
    elif isinstance(event, StreamRemoved):
        if event.stream in state.streams:
            state.streams[event.stream].removed = True
        if state.focus is not None and state.focus[1] == event.stream:
            state.focus = None


def _remember(state: State, slot: Slot) -> None:
    if state.focus == slot:
        state.focus = None
    if slot in state.history:
        state.history.remove(slot)
    state.history.append(slot)
