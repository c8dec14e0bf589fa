"""Streams listed in step 1 answered from their own words ("zaagsel, 300 ton per jaar").

A broker lists what the company has as one line per stream; the words often say the kind,
an amount or a temperature already. Those answers are taken over (marked ``from: streams``)
so they are not asked again, and the listing is kept as a note shown with the stream's step-1
questions. An amount waits for the stream's kind when the words do not say it: only then is
it known whether "25000 m3" is a volume of whey or of cooling water.
"""

from __future__ import annotations

from typing import Any

from isassist.interview.answer_check import echo_of
from isassist.interview.desk import Desk
from isassist.interview.dialog import Question
from isassist.interview.events import Answered, Noted
from isassist.interview.messages import say
from isassist.interview.parsing import AnswerProblem, parse_answer
from isassist.interview.sketch import Sketch, kind_from, sketch
from isassist.interview.stream_commands import near_duplicates

STREAMS_FROM_LIST = "streams"
"""Marks answers the session took from the listed streams (``Answered.extra['from']``)."""


class ListedStreams:
    """Takes over what a listed stream's words answer, and says what it took."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk

    def take_over(self, entry_text: str, before: set[str]) -> list[str]:
        """Answer a listed stream's step-1 questions from its own words; what to say about it."""
        desk = self.desk
        words = sketch(entry_text)
        found = desk.state.stream_by_name(words.name)
        if found is None:
            return []
        lang = desk.lang
        if found.id in before:
            return [
                say(
                    "duplicate_listed",
                    lang,
                    name=words.name,
                    id=found.id,
                    other=found.name,
                    id2=found.id,
                )
            ]
        said = [say("stream_added", lang, id=found.id, name=found.name)]
        said += near_duplicates(desk, found.id)
        kind_question = desk.dialog.question("kind")
        kind = kind_from(words, kind_question)
        taken: list[str] = []
        if kind is not None and kind_question is not None:
            label = next(o.label.get(lang) for o in kind_question.options if o.value == kind)
            self._take(kind_question, found.id, label, kind)
            taken.append(label)
        if words.said:
            desk.record(Noted(question=STREAMS_FROM_LIST, stream=found.id, text=entry_text[:2000]))
        taken += self._take_amounts(found.id, words, kind)
        if taken:
            said.append(
                say(
                    "sketched",
                    lang,
                    id=found.id,
                    name=found.name,
                    facts=", ".join(taken),
                    question="soort" if lang == "nl" else "kind",
                )
            )
        return said

    def after_kind(self, stream: str, kind: object) -> list[str]:
        """The listed words' amount, taken over now that the stream's kind is answered."""
        if not isinstance(kind, str):
            return []
        desk = self.desk
        taken: list[str] = []
        for note in desk.state.notes:
            if note.stream == stream and note.question == STREAMS_FROM_LIST:
                taken += self._take_amounts(stream, sketch(note.text), kind)
        entry = desk.state.streams.get(stream)
        if not taken or entry is None:
            return []
        return [
            say(
                "sketched",
                desk.lang,
                id=stream,
                name=entry.name,
                facts=", ".join(taken),
                question="soort" if desk.lang == "nl" else "kind",
            )
        ]

    def _take_amounts(self, stream: str, words: Sketch, kind: str | None) -> list[str]:
        """Answer the stream's step-1 amount and temperature from the listed words, once its
        kind is known (from the words, or answered later: "zure wei, 25000 m3 per jaar" says
        no kind, so its amount waits for the kind question); what was taken, as shown."""
        if kind is None:
            return []
        desk = self.desk
        energy = kind in ("heat", "energy")
        # an amount is taken only where its dimension fits: the flow of cooling water is no
        # energy, and an energy is no tonnage
        amount = words.amount if words.energy == energy else None
        taken: list[str] = []
        for qid, typed in (
            ("heat_energy" if energy else "quantity", amount),
            ("temperature", words.temperature),
        ):
            question = desk.dialog.question(qid)
            if typed is None or question is None or (qid, stream) in desk.state.answers:
                continue
            located = desk.dialog.locate(qid)
            if located is None or not desk.nav.applies(located[0], question, stream):
                continue
            try:
                parsed = parse_answer(question, typed, desk.lang, desk.services, [], None)
            except AnswerProblem:
                continue  # asked later, with the words shown as context
            self._take(question, stream, typed, parsed.value, parsed.unit, parsed.extra)
            figure = parsed.value if isinstance(parsed.value, int | float) else None
            if question.type == "quantity" and figure is not None and parsed.unit:
                # "3.000 t/jaar", "400 kW": the reader's number format, a power never per year
                taken.append(
                    desk.services.format_amount(figure, parsed.unit, desk.lang, per_year=True)
                )
            else:
                taken.append(echo_of(question, parsed, desk.lang, desk.services))
        return taken

    def _take(
        self,
        question: Question,
        stream: str,
        text: str,
        value: object,
        unit: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.desk.record(
            Answered(
                question=question.id,
                stream=stream,
                text=text[:2000],
                value=value,  # type: ignore[arg-type]
                unit=unit,
                extra={**(extra or {}), "from": STREAMS_FROM_LIST},
            )
        )
        self.desk.refresh()
