"""The answer log: everything the user did, as small JSON events appended one at a time.

The interview state is never saved as such; it is folded from this log every time. That keeps
"answers -> facts -> rules -> dossier" one-way, makes revising or withdrawing an answer a
matter of appending an event, and lets a killed process resume from the last stored event.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, TypeAdapter

from isassist.facts import Scalar, Value


class _Event(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # see _Fact


class _AtQuestion(_Event):
    question: str
    stream: str | None = None


class Answered(_AtQuestion):
    kind: Literal["answer"] = "answer"
    text: str
    value: Value | None = None
    status: Literal["known", "unknown"] = "known"
    unit: str | None = None
    extra: dict[str, Scalar] = {}


class Skipped(_AtQuestion):
    kind: Literal["skip"] = "skip"


class Withdrawn(_AtQuestion):
    kind: Literal["withdraw"] = "withdraw"


class Focused(_AtQuestion):
    """Ask this (earlier) question next: the user went back or asked to revise it."""

    kind: Literal["focus"] = "focus"


class Jumped(_AtQuestion):
    """Continue from this question: the user jumped to a section."""

    kind: Literal["jump"] = "jump"


class Noted(_AtQuestion):
    kind: Literal["note"] = "note"
    text: str


class StreamAdded(_Event):
    kind: Literal["add_stream"] = "add_stream"
    stream: str
    name: str


class StreamRemoved(_Event):
    kind: Literal["remove_stream"] = "remove_stream"
    stream: str


class StreamRenamed(_Event):
    """The broker gave a stream another name; its answers stay with it."""

    kind: Literal["rename_stream"] = "rename_stream"
    stream: str
    name: str


Event = Annotated[
    Answered
    | Skipped
    | Withdrawn
    | Focused
    | Jumped
    | Noted
    | StreamAdded
    | StreamRemoved
    | StreamRenamed,
    Field(discriminator="kind"),
]
EVENT_ADAPTER: TypeAdapter[Event] = TypeAdapter(Event)


def event_from_json(data: dict[str, Any]) -> Event:
    return EVENT_ADAPTER.validate_python(data)


def event_to_json(event: Event) -> dict[str, Any]:
    return event.model_dump(mode="json", exclude_defaults=False)
