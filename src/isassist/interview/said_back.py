"""What the session says back after an answer is recorded, whichever room recorded it.

The answer recorder and the two-answers reader both acknowledge with the answer as the user
reads it (option labels in the interview language) and, after a stream's 4-quadrant scores,
with the funnel's decision when it leaves the stream at step 1.
"""

from __future__ import annotations

from isassist.interview.desk import Desk
from isassist.interview.dialog import Question
from isassist.interview.messages import say
from isassist.interview.navigator import SCORES


def shown(desk: Desk, question: Question, display: str, value: object) -> str:
    """An answer as the user reads it back: option labels in the interview language."""
    labels = {o.value: o.label.get(desk.lang) for o in question.options}
    if isinstance(value, list) and labels:
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    if isinstance(value, str) and value in labels:
        return labels[value]
    return display


def funnel_said(desk: Desk, question: Question, stream: str | None) -> list[str]:
    """After a stream's scores: say when the funnel leaves it at step 1, and how to pick it."""
    if stream is None or question.id not in (*SCORES, *(q for q in [question.also] if q)):
        return []
    if desk.nav.promising(stream) is not False or desk.nav.worked_out(stream):
        return []
    return [
        say("not_worked_out_scored", desk.lang, id=stream, name=desk.state.streams[stream].name)
    ]
