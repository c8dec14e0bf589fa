"""The narrow read model a dossier is built from: what an interview knows, not how it works.

The interview fills an ``InterviewRecord`` (isassist.interview.record) from its answers, facts,
conclusions and state; ``isassist.dossier.build`` turns it into the ``Dossier``. Nothing here
refers to the engine, the dialog or its conditions, so the dossier package stands below the
interview and every reader of a dossier (reports, register, faces) can do without the engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from isassist.dossier.schema import NoteOut, PathStep
from isassist.dossier.views import ConclusionView
from isassist.facts import Company, Scalar, Stream, Value


@dataclass(frozen=True)
class AnswerRecord:
    """One answer with what the dialog says about its question.

    ``section`` is None for an answer to a question the dialog no longer has (an old log):
    such an answer is kept in the log but shown nowhere.
    """

    question: str
    stream: str | None
    value: Value | None
    status: str  # "known" or "unknown"
    extra: Mapping[str, Scalar] = field(default_factory=dict)
    section: str | None = None
    step: int | None = None
    sets: str | None = None  # the fact the question fills, e.g. "company.location"
    type: str | None = None  # the question type, e.g. "canvas", "choice"


@dataclass(frozen=True)
class CanvasQuestion:
    """A canvas question of the dialog: which Business Model Canvas block it reviews."""

    question: str
    block: str


@dataclass(frozen=True)
class InterviewRecord:
    """Everything a dossier shows of one interview at one moment."""

    id: str
    created: datetime | None
    updated: datetime | None
    mode: str
    language: str
    company: Company
    answers: Mapping[tuple[str, str | None], AnswerRecord]
    """Keyed by (question, stream), in the order first answered."""
    streams: Sequence[Stream]  # the active streams, in the order they were named
    properties: Mapping[str, Mapping[str, Value]]
    conclusions: Sequence[ConclusionView]
    notes: Sequence[NoteOut] = ()
    canvas_questions: Sequence[CanvasQuestion] = ()
    canvas_drafts: Mapping[tuple[str, str], str] = field(default_factory=dict)
    """The rules' draft per (canvas block, stream), where there is one."""
    paths: Mapping[str, list[PathStep]] = field(default_factory=dict)
    """The step-4 flowchart walked per stream."""
