"""Two answers from one line: a question and its ``also`` question ("4 3", "ja, 12 km").

Some questions come in pairs a visitor answers in one breath (feasibility and impact scores,
"is it transported? how far?"). When a line cuts in two at a separator so that each part
reads as an answer to one of the pair, both are recorded; otherwise the line is an answer to
the first question alone and the second is asked as usual.
"""

from __future__ import annotations

import re

from isassist.dossier import Turn
from isassist.interview.desk import Desk
from isassist.interview.dialog import Question
from isassist.interview.events import Answered
from isassist.interview.messages import say
from isassist.interview.parsing import AnswerProblem, parse_answer
from isassist.interview.said_back import funnel_said, shown


class TwoAnswers:
    """Reads a line as the answers to a question and its ``also`` question."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def answer(self, question: Question, stream: str | None, text: str) -> Turn | None:
        """Answer ``question`` and its ``also`` question from one line ("4 3", "beperkt, 3
        dagen", "ja, 12 km"), when the line splits into two parts that each read as an answer;
        None otherwise (then the line is an answer to ``question`` alone)."""
        desk = self.desk
        other = desk.dialog.question(question.also) if question.also else None
        if other is None or desk.state.done((other.id, stream)):
            return None
        for first, second in _halves(text):
            try:
                one = parse_answer(question, first, desk.lang, desk.services, [], None)
                two = parse_answer(other, second, desk.lang, desk.services, [], None)
            except AnswerProblem:
                continue
            if one.status != "known" or two.status != "known":
                continue
            if not desk.check(other, stream, second).ok:
                continue
            desk.record(
                Answered(
                    question=question.id,
                    stream=stream,
                    text=text.strip()[:2000],
                    value=one.value,
                    unit=one.unit,
                    extra=one.extra,
                )
            )
            desk.refresh()
            answered = [(question, one)]
            located = desk.dialog.locate(other.id)
            # "nee, misschien 5 km": the distance is not asked after a no, so it is not taken
            if located is not None and desk.nav.applies(located[0], other, stream):
                desk.record(
                    Answered(
                        question=other.id,
                        stream=stream,
                        text=second[:2000],
                        value=two.value,
                        unit=two.unit,
                        extra=two.extra,
                    )
                )
                answered.append((other, two))
            said = ", ".join(shown(desk, q, p.display, p.value) for q, p in answered)
            return desk.after(
                Turn(
                    accepted=True,
                    acknowledgement=say("noted", desk.lang, value=said),
                    said=funnel_said(desk, question, stream),
                )
            )
        return None


def _halves(text: str) -> list[tuple[str, str]]:
    """The ways to cut ``text`` in two at a separator: "4 3", "4/3", "beperkt, 3 dagen"."""
    cleaned = text.strip()
    cuts = [m.start() for m in re.finditer(r"\s*(?:[,;/]|\s)\s*", cleaned)]
    halves = []
    for cut in cuts:
        first = cleaned[:cut].strip()
        second = re.sub(r"^\s*[,;/]?\s*", "", cleaned[cut:])
        if first and second:
            halves.append((first, second))
    return halves
