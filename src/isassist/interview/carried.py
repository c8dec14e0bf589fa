"""Figures carried from step 1 to a later number question, shown to confirm or refine.

A heat stream listed as "35 °C, 400 kW" has its power before the power question is asked;
asking again as if nothing was said wastes the visitor's time, and taking it silently hides
that step 1's rough figure became the answer. So the question shows "Uit stap 1: 400 kW.
Klopt dat?", a "ja" records the carried figure (marked ``extra['confirmed']``) and any other
answer is read as usual.
"""

from __future__ import annotations

from isassist.dossier import Turn
from isassist.interview.desk import Desk
from isassist.interview.dialog import Question
from isassist.interview.events import Answered
from isassist.interview.messages import say
from isassist.interview.parsing import CONFIRM_WORDS


class CarriedFigures:
    """The step-1 figure of a number question, its wording, and the "ja" that takes it."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def figure(self, question: Question, stream: str | None) -> float | None:
        """The figure a not yet answered number question already has from step 1."""
        if question.type != "number" or stream is None or question.sets is None:
            return None
        if self.desk.state.done((question.id, stream)):
            return None
        value = self.desk.facts.properties.get(stream, {}).get(question.sets)
        return float(value) if isinstance(value, int | float) else None

    def text(self, question: Question, value: float) -> str:
        """The figure as the reader writes it ("400 kW")."""
        if not question.unit:
            return str(value)
        return self.desk.services.format_amount(value, question.unit, self.desk.lang)

    def confirmed(self, question: Question, stream: str | None, text: str) -> Turn | None:
        """The turn for "ja" to a carried figure (the figure recorded), or None when the
        question carries none or the line is no confirmation."""
        carried = self.figure(question, stream)
        if carried is None or " ".join(text.lower().split()).strip(" .!") not in CONFIRM_WORDS:
            return None
        desk = self.desk
        shown = self.text(question, carried)
        desk.record(
            Answered(
                question=question.id,
                stream=stream,
                text=text.strip()[:2000],
                value=carried,
                unit=question.unit,
                extra={"confirmed": shown},
            )
        )
        return desk.after(Turn(accepted=True, acknowledgement=say("noted", desk.lang, value=shown)))
