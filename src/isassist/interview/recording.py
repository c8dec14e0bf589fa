"""One typed line recorded as the answer to the open question, or refused saying why.

The line is first offered to the figure carried from step 1 ("ja" takes it) and to the
question's ``also`` partner (two answers in one line); otherwise the answer check reads it
with the interview's context around the question. A reading that asks back ("iets anders":
what then?) records nothing, unless the same words come again. A recorded answer may list
streams (taken over from their words), give a kind (the listed amount follows), or carry
figures after a yes (kept as a note), and is acknowledged as the reader reads it.
"""

from __future__ import annotations

from isassist.dossier import Turn
from isassist.interview.also import TwoAnswers
from isassist.interview.answer_check import AnswerContext, Checked, check_answer
from isassist.interview.carried import CarriedFigures
from isassist.interview.desk import Desk
from isassist.interview.dialog import Question
from isassist.interview.events import Answered, Noted
from isassist.interview.listed import ListedStreams
from isassist.interview.messages import say
from isassist.interview.parsing import AnswerProblem, parse_answer
from isassist.interview.said_back import funnel_said, shown
from isassist.interview.showing import QuestionShow
from isassist.interview.sketch import sketch
from isassist.interview.state import Slot, stream_names


class AnswerRecorder:
    """Records answers to the open question; remembers one question asked back."""

    def __init__(
        self,
        desk: Desk,
        show: QuestionShow,
        carried: CarriedFigures,
        pair: TwoAnswers,
        listed: ListedStreams,
    ) -> None:
        self.desk = desk
        self.show = show
        self.carried = carried
        self.pair = pair
        self.listed = listed
        self._asked_back: tuple[Slot, str] | None = None

    def answer(self, text: str) -> Turn:
        """``text`` as the answer to the open question."""
        desk = self.desk
        entry = desk.nav.next_slot()
        if entry is None:
            return Turn(accepted=False, acknowledgement=say("done", desk.lang), done=True)
        section, question, stream = entry
        lang = desk.lang
        confirmed = self.carried.confirmed(question, stream, text)
        if confirmed is not None:
            # "ja" to "Uit stap 1: 400 kW. Klopt dat?": the value said in step 1, confirmed
            return confirmed
        both = self.pair.answer(question, stream, text)
        if both is not None:
            return both
        checked = self.check(question, stream, text)
        if checked.parsed is not None and checked.follow_up is not None:
            # taken ("iets anders") and followed by "wat dan?"
            checked = Checked(
                parsed=checked.parsed,
                echo=checked.echo,
                notes=(*checked.notes, checked.follow_up),
            )
        said_again = self._asked_back == ((question.id, stream), " ".join(text.lower().split()))
        self._asked_back = None
        if checked.follow_up is not None and said_again:
            # asked back once and the same words again: taken as they are ("iets anders"),
            # or refused saying why when they still name no option ("ja" to niet/beperkt/ruim)
            try:
                checked = Checked(parsed=parse_answer(question, text, lang, desk.services))
            except AnswerProblem as problem:
                checked = Checked(parsed=None, problem=problem.message, example=problem.example)
        elif checked.follow_up is not None:
            # not wrong but not enough ("iets anders": what then?): asked back, nothing recorded
            self._asked_back = ((question.id, stream), " ".join(text.lower().split()))
            return Turn(
                accepted=False,
                problem=checked.follow_up,
                example=checked.example,
                question=desk.view(section, question, stream),
                asked_back=True,
            )
        if checked.parsed is None:
            return Turn(
                accepted=False,
                problem=checked.problem,
                example=checked.example,
                question=desk.view(section, question, stream),
            )
        parsed = checked.parsed
        value = parsed.value
        if (
            question.type == "canvas"
            and value == "confirmed"
            and stream is not None
            and self.show.canvas_draft(question.block or "", stream) is None
        ):
            return Turn(
                accepted=False,
                problem=say("canvas_none", lang),
                example="verwerp" if lang == "nl" else "reject",
                question=desk.view(section, question, stream),
            )
        entries = stream_names(value) if question.creates_streams and isinstance(value, str) else []
        if entries:
            value = [sketch(e).name for e in entries]
        event = Answered(
            question=question.id,
            stream=stream,
            text=text.strip()[:2000],
            value=value,
            status="unknown" if parsed.status == "unknown" else "known",
            unit=parsed.unit,
            extra=parsed.extra,
        )
        before = set(desk.state.streams)
        desk.record(event)
        detail = parsed.extra.get("detail") if question.type == "yesno" else None
        if detail:
            # "ja, droge stof 6 %, pH 4,6": the figures reach the dossier's notes and the report
            name = question.name.get(lang) if question.name else question.id
            desk.record(Noted(question=question.id, stream=stream, text=f"{name}: {text.strip()}"))
        ack = (
            say("noted_unknown", desk.lang)
            if parsed.status == "unknown"
            else say(
                "noted",
                desk.lang,
                value=checked.echo or shown(desk, question, parsed.display, value),
            )
        )
        said: list[str] = list(checked.notes)
        for entry_text in entries:
            said += self.listed.take_over(entry_text, before)
        if question.id == "kind" and stream is not None and parsed.status != "unknown":
            said += self.listed.after_kind(stream, value)
        said += funnel_said(desk, question, stream)
        return desk.after(Turn(accepted=True, acknowledgement=ack, said=said))

    def context(self, question: Question, stream: str | None) -> AnswerContext:
        """What the answer check needs besides the question: suggestions, sector, the stream's
        kind, name and tonnes (the chat's live check and the session use the same)."""
        facts = self.desk.facts
        props = facts.properties.get(stream, {}) if stream else {}
        kind = props.get("kind")
        tonnes = props.get("tonnes_per_year")
        entry = self.desk.state.streams.get(stream) if stream else None
        return AnswerContext(
            suggestions=[s.code for s in self.show.suggestions(question, stream)],
            sector=facts.company.nace,
            stream_kind=kind if isinstance(kind, str) else None,
            stream_name=entry.name if entry is not None else None,
            tonnes_per_year=float(tonnes) if isinstance(tonnes, int | float) else None,
        )

    def check(self, question: Question, stream: str | None, text: str) -> Checked:
        """``text`` read as an answer to ``question`` for ``stream``; records nothing."""
        context = self.context(question, stream)
        return check_answer(question, text, self.desk.lang, self.desk.services, context)
