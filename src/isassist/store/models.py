"""The typed records that go into and come out of the store.

An interview is a small header (``StoredInterview``) plus an append-only log of ``Event`` records;
the interview engine folds the log into the current answers. A revision or a withdrawal is a
new event, never an edit, so every answer ever given can be replayed and audited. The same
models make up the export file (``InterviewExport``), so a file from another machine is
validated by exactly the rules that guard the database.
"""

from __future__ import annotations

from typing import Any, Final, Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, JsonValue, model_validator

from isassist.store.ids import ID_PATTERN

Mode = Literal["broker", "self"]
Language = Literal["nl", "en"]
InterviewStatus = Literal["open", "closed"]
EventKind = Literal["answer", "revise", "withdraw", "skip", "note", "command"]
AnswerStatus = Literal["known", "unknown", "skipped"]

EXPORT_FORMAT: Final = "isassist.interview"
EXPORT_VERSION: Final = 1

# Events that are about one question: without a question id they could not be folded.
_QUESTION_KINDS: frozenset[str] = frozenset({"answer", "revise", "withdraw", "skip"})


class _Record(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)  # see _Fact


class InterviewMeta(_Record):
    """What the caller knows when an interview starts."""

    title: str = Field(default="", max_length=200)
    company: str = Field(default="", max_length=200, description="name of the company")
    mode: Mode = Field(default="broker", description="a broker interviews, or the SME itself")
    language: Language = "nl"
    dialog_version: str = Field(
        min_length=1, max_length=64, description="version of the dialog the answers belong to"
    )


class StoredInterview(InterviewMeta):
    """An interview header as stored."""

    id: str = Field(pattern=ID_PATTERN, examples=["iv-20261128-k3f9"])
    status: InterviewStatus = "open"
    created_at: AwareDatetime
    updated_at: AwareDatetime


class Summary(StoredInterview):
    """One line of the interview list: the header, how many events it holds and the one
    progress measure as last saved (None: not counted since the database was upgraded)."""

    event_count: int = Field(ge=0)
    progress_done: int | None = Field(default=None, ge=0)
    progress_total: int | None = Field(default=None, ge=0)


class NewEvent(_Record):
    """One thing that happened in an interview, before the store numbers and stamps it."""

    kind: EventKind
    question_id: str | None = Field(default=None, min_length=1, max_length=128)
    stream_id: str | None = Field(default=None, min_length=1, max_length=64)
    raw_text: str = Field(default="", description="what the user typed, verbatim")
    value: JsonValue = Field(default=None, description="the parsed value")
    status: AnswerStatus = "known"

    @model_validator(mode="before")
    @classmethod
    def _skip_means_skipped(cls, data: Any) -> Any:
        """Spare callers from saying "skipped" twice: a skip has no other status."""
        if isinstance(data, dict) and data.get("kind") == "skip" and "status" not in data:
            return {**data, "status": "skipped"}
        return data

    @model_validator(mode="after")
    def _consistent(self) -> NewEvent:
        if self.kind in _QUESTION_KINDS and self.question_id is None:
            raise ValueError(f"a {self.kind!r} event needs the question_id it is about")
        if (self.kind == "skip") != (self.status == "skipped"):
            raise ValueError(
                f"kind {self.kind!r} with status {self.status!r}: a 'skip' event has status "
                "'skipped' and only a 'skip' event has it"
            )
        return self


class Event(NewEvent):
    """An event as stored: numbered gap-free from 1 within its interview and time-stamped."""

    seq: int = Field(ge=1)
    at: AwareDatetime


class InterviewExport(_Record):
    """The exchange file for one interview (``isassist interviews export``).

    ``format`` and ``version`` let a reader refuse files it does not understand instead of
    misreading them; ``dossier`` is filled in by the interview engine for human readers and
    is never needed to restore the interview, because the events alone rebuild it.
    """

    format: Literal["isassist.interview"] = EXPORT_FORMAT
    version: Literal[1] = EXPORT_VERSION
    exported_at: AwareDatetime
    interview: StoredInterview
    events: list[Event]
    dossier: dict[str, Any] | None = None

    @model_validator(mode="after")
    def _gap_free(self) -> InterviewExport:
        for position, event in enumerate(self.events, start=1):
            if event.seq != position:
                raise ValueError(
                    f"events[{position - 1}] has seq {event.seq} where {position} was "
                    "expected: events must be numbered 1, 2, 3, ... without gaps"
                )
        return self
