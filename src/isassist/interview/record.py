"""The interview's side of the dossier: fill the read model ``isassist.dossier`` builds from.

What needs the dialog and its conditions is decided here (which question fills which fact,
which canvas block a question reviews, where the step-4 flowchart goes); the dossier package
then works from plain values and never imports the interview.
"""

from __future__ import annotations

from datetime import datetime
from typing import Protocol

from isassist.dossier import AnswerRecord, CanvasQuestion, ConclusionView, InterviewRecord
from isassist.dossier.schema import NoteOut, PathStep
from isassist.interview.conditions import Scope, holds
from isassist.interview.dialog import Dialog
from isassist.interview.factbuild import FactSet
from isassist.interview.state import State


class Interview(Protocol):
    """What of an interview the record reads (isassist.interview.engine.Interview has it)."""

    id: str
    dialog: Dialog
    state: State
    created_at: datetime | None
    updated_at: datetime | None

    @property
    def lang(self) -> str: ...

    @property
    def mode(self) -> str: ...

    @property
    def facts(self) -> FactSet: ...

    @property
    def conclusions(self) -> list[ConclusionView]: ...

    def scope(self, stream: str | None) -> Scope: ...

    def canvas_draft(self, block: str, stream: str) -> str | None: ...


def flowchart_path(interview: Interview, stream: str) -> list[PathStep]:
    """Walk the step-4 nodes for ``stream``: the first outcome that holds decides each node."""
    lang = interview.lang
    scope = interview.scope(stream)
    steps: list[PathStep] = []
    for section in interview.dialog.sections:
        for node in section.flowchart:
            outcome = next((o for o in node.outcomes if holds(o.when, scope)), None)
            steps.append(
                PathStep(
                    node=node.id,
                    title=node.title.get(lang),
                    outcome=outcome.go if outcome else "open",
                    why=outcome.why.get(lang)
                    if outcome
                    else ("nog niet beantwoord" if lang == "nl" else "not answered yet"),
                )
            )
    return steps


def interview_record(interview: Interview) -> InterviewRecord:
    """What ``interview`` knows now, as the dossier's read model."""
    dialog = interview.dialog
    answers: dict[tuple[str, str | None], AnswerRecord] = {}
    for (qid, stream), answer in interview.state.answers.items():
        located = dialog.locate(qid)
        section, question = located if located is not None else (None, None)
        answers[(qid, stream)] = AnswerRecord(
            question=qid,
            stream=stream,
            value=answer.value,
            status=answer.status,
            extra=answer.extra,
            section=section.id if section is not None else None,
            step=section.step if section is not None else None,
            sets=question.sets if question is not None else None,
            type=question.type if question is not None else None,
        )
    facts = interview.facts
    active = [s.id for s in interview.state.active_streams]
    canvas = [
        CanvasQuestion(question=q.id, block=q.block)
        for s in dialog.sections
        for q in s.questions
        if q.type == "canvas" and q.block is not None
    ]
    drafts = {
        (c.block, sid): draft
        for c in canvas
        for sid in active
        if (draft := interview.canvas_draft(c.block, sid))
    }
    return InterviewRecord(
        id=interview.id,
        created=interview.created_at,
        updated=interview.updated_at,
        mode=interview.mode,
        language=interview.lang,
        company=facts.company,
        answers=answers,
        streams=[facts.streams[sid] for sid in active],
        properties=facts.properties,
        conclusions=interview.conclusions,
        notes=[
            NoteOut(question=n.question, stream=n.stream, text=n.text)
            for n in interview.state.notes
        ],
        canvas_questions=canvas,
        canvas_drafts=drafts,
        paths={sid: flowchart_path(interview, sid) for sid in active},
    )
