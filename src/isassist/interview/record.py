"""The interview's side of the dossier: fill the read model ``isassist.dossier`` builds from.

What needs the dialog and its conditions is decided here (which question fills which fact,
which canvas block a question reviews, where the step-4 flowchart goes); the dossier package
then works from plain values and never imports the interview.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Literal, Protocol

from isassist.dossier import AnswerRecord, InterviewRecord
from isassist.dossier.schema import (
    CanvasBlock,
    NoteOut,
    PathStep,
    ProgressOut,
    RankedGapOut,
    SharedOut,
)
from isassist.facts import Scalar
from isassist.interview.canvas_review import REVIEW_TYPE, reviewed_block
from isassist.interview.conditions import Scope, holds
from isassist.interview.desk import InterviewReading
from isassist.interview.gaps import rank_gaps, shared_conclusions
from isassist.interview.navigator import Progress

CanvasStatus = Literal["confirmed", "edited", "rejected", "pending"]


class InterviewSource(InterviewReading, Protocol):
    """What of an interview the record reads (isassist.interview.engine.Interview has it)."""

    id: str
    created_at: datetime | None
    updated_at: datetime | None

    def scope(self, stream: str | None) -> Scope: ...

    def canvas_draft(self, block: str, stream: str) -> str | None: ...

    def worked_out(self, stream: str) -> bool: ...

    def progress(self) -> Progress: ...


def flowchart_path(interview: InterviewSource, stream: str) -> list[PathStep]:
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


def _canvas(interview: InterviewSource, stream: str) -> list[CanvasBlock]:
    """Each block's draft and status: from the one-step review, or a block's own question
    (asked when a rule asks, or answered in an interview saved before the review existed)."""
    answers = interview.state.answers
    review: Mapping[str, Scalar] | None = next(
        (
            answer.extra
            for (qid, sid), answer in answers.items()
            if sid == stream and answer.status == "known" and _is_review(interview, qid)
        ),
        None,
    )
    blocks: list[CanvasBlock] = []
    for section in interview.dialog.sections:
        for question in section.questions:
            if question.type != "canvas" or question.block is None:
                continue
            draft = interview.canvas_draft(question.block, stream) or ""
            answer = answers.get((question.id, stream))
            status: CanvasStatus = "pending"
            text = draft
            reviewed = reviewed_block(dict(review), question.block, draft) if review else None
            if answer is not None and answer.value in ("confirmed", "rejected", "edited"):
                status = answer.value  # type: ignore[assignment]
                text = str(answer.extra.get("text", draft))
            elif reviewed is not None:
                status, text = reviewed
            if draft or answer is not None or reviewed is not None:
                blocks.append(CanvasBlock(block=question.block, status=status, text=text))
    return blocks


def _is_review(interview: InterviewSource, qid: str) -> bool:
    question = interview.dialog.question(qid)
    return question is not None and question.type == REVIEW_TYPE


def _ranked_gaps(interview: InterviewSource) -> list[RankedGapOut]:
    def open_nodes(sid: str) -> set[str]:
        return {p.node for p in flowchart_path(interview, sid) if p.outcome == "open"}

    return [
        RankedGapOut(
            rule_id=g.conclusion.rule_id,
            stream=g.conclusion.stream_id or None,
            question=g.question,
            severity=g.conclusion.severity,
            title=g.conclusion.title,
            unlocks=g.unlocks,
            rank=g.rank,
            top=g.top,
        )
        for g in rank_gaps(interview.conclusions, interview.dialog, open_nodes)
    ]


def interview_record(interview: InterviewSource) -> InterviewRecord:
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
            canvas=question is not None and question.type in ("canvas", REVIEW_TYPE),
        )
    facts = interview.facts
    active = [s.id for s in interview.state.active_streams]
    titles = {c.rule_id: c.title for c in interview.conclusions}
    progress = interview.progress()
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
        paths={sid: flowchart_path(interview, sid) for sid in active},
        canvas={sid: _canvas(interview, sid) for sid in active},
        worked_out=frozenset(sid for sid in active if interview.worked_out(sid)),
        ranked_gaps=_ranked_gaps(interview),
        shared_conclusions=[
            SharedOut(rule_id=s.rule_id, title=titles.get(s.rule_id, {}), streams=s.streams)
            for s in shared_conclusions(interview.conclusions)
        ],
        progress=ProgressOut(done=progress.done, total=progress.total),
    )
