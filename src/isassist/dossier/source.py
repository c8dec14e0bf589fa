"""The narrow read model a dossier is built from: what an interview knows, not how it works.

The interview fills an ``InterviewRecord`` (isassist.interview.record) from its answers, facts,
conclusions and state; ``isassist.dossier.build`` turns it into the ``Dossier``. What only the
dialog can decide (the flowchart path, the canvas review, which gaps matter, progress) arrives
decided. Nothing here refers to the engine, the dialog or its conditions, so the dossier
package stands below the interview and every reader of a dossier (reports, register, faces)
can do without the engine.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from isassist.dossier.schema import (
    CanvasBlock,
    NoteOut,
    PathStep,
    ProgressOut,
    RankedGapOut,
    SharedOut,
)
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
    canvas: bool = False  # a canvas answer: the dossier shows it in the canvas, not as an answer


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
    paths: Mapping[str, Sequence[PathStep]] = field(default_factory=dict)
    """The step-4 flowchart walked per stream."""
    canvas: Mapping[str, Sequence[CanvasBlock]] = field(default_factory=dict)
    """Per stream, each canvas block's draft and review status."""
    worked_out: frozenset[str] = frozenset()
    """The streams the 4-quadrant funnel took past step 1."""
    ranked_gaps: Sequence[RankedGapOut] = ()
    shared_conclusions: Sequence[SharedOut] = ()
    progress: ProgressOut | None = None
