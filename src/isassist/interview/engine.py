"""The interview session: the one object a chat face (TUI, replay, tests) talks to.

``current_question()`` says what is being asked, ``answer(text)`` returns a ``Turn`` with
everything the assistant says next, ``command(name, arg)`` runs a command of the registry,
``dossier()`` gives the result. Every change is an event appended to the log (and to the
store when one is attached) before anything else happens, so a killed process loses at most
the answer being typed.

The session only holds the rooms together: the navigator decides what to ask
(isassist.interview.navigator), the command registry names the commands
(isassist.interview.commands) and their handlers carry them out
(isassist.interview.command_handlers), the answer parser reads answers.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from isassist.dossier import (
    CodeSuggestion,
    ConclusionView,
    Dossier,
    QuestionView,
    Turn,
    build_dossier,
)
from isassist.interview import command_handlers
from isassist.interview.answer_check import AnswerContext, Checked, check_answer, echo_of
from isassist.interview.canvas_review import REVIEW_TYPE, review_view_lines
from isassist.interview.commands import BY_NAME, Command, command_list, parse_command
from isassist.interview.conditions import Scope
from isassist.interview.dialog import Dialog, Question, Section
from isassist.interview.events import (
    Answered,
    Event,
    Noted,
    event_from_json,
    event_to_json,
)
from isassist.interview.factbuild import FactSet, build_facts
from isassist.interview.messages import say
from isassist.interview.navigator import SCORES, Entry, Navigator, Progress
from isassist.interview.parsing import CONFIRM_WORDS, AnswerProblem, parse_answer
from isassist.interview.record import interview_record
from isassist.interview.renames import upgrade_event
from isassist.interview.services import Services
from isassist.interview.sketch import Sketch, kind_from, sketch
from isassist.interview.state import Slot, State, apply, stream_names
from isassist.interview.transcript import PastTurn, transcript
from isassist.terminal import strip_controls

EventSink = Callable[[dict[str, Any]], None]
ProgressSink = Callable[[Progress], None]
"""Told the progress measure whenever it changes (the store keeps it for the start list)."""
STREAMS_FROM_LIST = "streams"
"""Marks answers the session took from the listed streams (``Answered.extra['from']``)."""


@dataclass(frozen=True)
class Pending:
    """A command waiting for 'ja'/'yes' (removing a stream, adding a duplicate)."""

    what: str
    run: Callable[[], Turn]


_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
"""Canvas drafts of one block, most important first."""

YES_WORDS = frozenset({"ja", "j", "yes", "y", "ok", "zeker", "bevestig", "confirm"})


class Interview:
    """One interview: its answer log, the state folded from it and its conclusions."""

    def __init__(
        self,
        dialog: Dialog,
        services: Services,
        interview_id: str | None = None,
        events: Iterable[dict[str, Any]] = (),
        sink: EventSink | None = None,
        on_progress: ProgressSink | None = None,
    ) -> None:
        self.dialog = dialog
        self.services = services
        self.id = interview_id or uuid.uuid4().hex
        self.state = State()
        self.nav = Navigator(dialog)
        self.pending: Pending | None = None
        self._asked_back: tuple[Slot, str] | None = None
        self._sink = sink
        # a fresh interview starts now; one rebuilt from a log gets its dates from the store
        # (isassist.interview.persistence.resume) or has none
        self.created_at: datetime | None = None if events else datetime.now(UTC)
        self.updated_at: datetime | None = self.created_at
        self._log: list[dict[str, Any]] = []
        self._creates = frozenset(
            q.id for s in dialog.sections for q in s.questions if q.creates_streams
        )
        for data in events:
            self._fold(upgrade_event(data, dialog))
        self._facts = build_facts(dialog, self.state, services, self._parked())
        self.nav.see(self.state, self._facts, ())
        self._conclusions = self._derive()
        self.nav.see(self.state, self._facts, self._conclusions)
        self._on_progress = on_progress
        self._told: Progress | None = None
        self._dossier: tuple[int, list[ConclusionView], datetime | None, Dossier] | None = None

    # --- construction ----------------------------------------------------------------------

    @classmethod
    def start(
        cls,
        dialog: Dialog,
        services: Services,
        mode: str = "broker",
        language: str = "nl",
        interview_id: str | None = None,
        sink: EventSink | None = None,
        on_progress: ProgressSink | None = None,
    ) -> Interview:
        """A new interview whose mode and language are its first two (revisable) answers."""
        interview = cls(dialog, services, interview_id, sink=sink, on_progress=on_progress)
        for qid, value in (("mode", mode), ("language", language)):
            if dialog.question(qid) is not None:
                interview.record(Answered(question=qid, text=value, value=value))
        interview._refresh()
        interview.tell_progress()
        return interview

    # --- what the faces read -------------------------------------------------------------

    @property
    def lang(self) -> str:
        answer = self.state.answers.get(("language", None))
        return str(answer.value) if answer is not None and answer.value in ("nl", "en") else "nl"

    @property
    def mode(self) -> str:
        return self.nav.mode

    @property
    def log(self) -> list[dict[str, Any]]:
        return list(self._log)

    @property
    def facts(self) -> FactSet:
        return self._facts

    @property
    def conclusions(self) -> list[ConclusionView]:
        return list(self._conclusions)

    def slots(self) -> list[Entry]:
        return self.nav.slots()

    def scope(self, stream: str | None) -> Scope:
        return self.nav.scope(stream)

    def section_applies(self, section: Section, stream: str | None) -> bool:
        return self.nav.section_applies(section, stream)

    def applies(self, section: Section, question: Question, stream: str | None) -> bool:
        return self.nav.applies(section, question, stream)

    def awaits_answer(self, conclusion: ConclusionView) -> bool:
        return self.nav.awaits_answer(conclusion)

    def worked_out(self, stream: str) -> bool:
        """True when ``stream`` gets the deep-dive (steps 2 to 4)."""
        return self.nav.worked_out(stream)

    def progress(self) -> Progress:
        """The one progress measure (answered of applicable questions)."""
        return self.nav.progress()

    def tell_progress(self) -> None:
        """Pass the progress measure on (to the store) when it differs from the last told."""
        if self._on_progress is None:
            return
        now = self.progress()
        if now != self._told:
            self._on_progress(now)
            self._told = now

    def transcript(self) -> list[PastTurn]:
        """The conversation so far, rebuilt from the event log (for a resumed chat)."""
        return transcript(self._log, self.dialog, self.lang, self.mode, self.state)

    def current_question(self) -> QuestionView | None:
        entry = self.nav.next_slot()
        return self.view(*entry) if entry is not None else None

    def view(self, section: Section, question: Question, stream: str | None) -> QuestionView:
        """``question`` as the chat shows it for ``stream``."""
        lang = self.lang
        entry = self.state.streams.get(stream) if stream else None
        name = entry.name if entry is not None else None
        text = question.wording(self.mode, lang).replace("{stream}", name or "")
        if name is not None:
            text = f"[{stream} {name}] {text}"
        show_help = question.help is not None and self.mode == "self"
        context: list[str] = []
        if question.context == "exchanges" and stream is not None:
            context = self._exchange_lines(stream)
        if question.type == "canvas" and stream is not None:
            draft = self.canvas_draft(question.block or "", stream)
            context = [say("canvas_draft", lang, text=draft) if draft else say("canvas_none", lang)]
        if question.type == REVIEW_TYPE and stream is not None:
            context = review_view_lines(lang, lambda block: self.canvas_draft(block, stream))
        suggestions = self.suggestions(question, stream)
        if question.code == "cpa" and lang == "nl" and suggestions:
            # CPA 2.1 has no official Dutch text: said once, the titles quoted as published
            context.append(say("cpa_english_only", lang))
        carried = self.carried(question, stream)
        if carried is not None:
            context.append(say("carried", lang, value=self._carried_text(question, carried)))
        if stream is not None and section.step == 1:
            context += [
                say("from_step1", lang, text=n.text)
                for n in self.state.notes
                if n.stream == stream and n.question == STREAMS_FROM_LIST
            ]
        return QuestionView(
            id=question.id,
            stream=stream,
            stream_name=name,
            section=section.id,
            step=section.step,
            sub=section.sub,
            type=question.type,
            text=text,
            help=question.help.get(lang) if show_help and question.help else None,
            options=[o.label.get(lang) for o in question.options],
            suggestions=suggestions,
            context=context,
        )

    def suggestions(self, question: Question, stream: str | None) -> list[CodeSuggestion]:
        if question.type != "code" or question.code in (None, "cas"):
            # CAS numbers name substances; a stream's name does not suggest them usefully
            return []
        if question.code == "nace":
            activity = self.state.answers.get(("activity", None))
            words = str(activity.value) if activity is not None and activity.value else ""
        else:
            entry = self.state.streams.get(stream or "")
            described = self.state.answers.get(("description", stream))
            words = " ".join(
                part
                for part in (
                    entry.name if entry else "",
                    str(described.value) if described and described.value else "",
                )
                if part
            )
        if not words:
            return []
        sector = self._facts.company.nace
        # the stream's kind decides its nature before its words do (classify.notes.with_kind)
        said = self.state.answers.get(("kind", stream)) if question.code in ("ewc", "cpa") else None
        kind = str(said.value) if said is not None and said.value else None
        return self.services.search_codes(question.code, words, self.lang, sector, kind)[:5]

    def _exchange_lines(self, stream: str) -> list[str]:
        props = self._facts.properties.get(stream, {})
        found = self.services.exchanges(
            _strings(props.get("ewc")), _strings(props.get("cpa")), _strings(props.get("family"))
        )
        if not found:
            return []
        return [say("exchanges", self.lang)] + [f"  - {e.text}" for e in found[:5]]

    def canvas_draft(self, block: str, stream: str) -> str | None:
        """The rules' draft of one canvas block for ``stream``: its drafts joined, the rule's
        priority first (rules/canvas.yaml gives the customers of the route highest in the
        valorisation hierarchy the highest priority, so feed comes before digestion)."""
        drafts = [
            c
            for c in self._conclusions
            if c.kind == "canvas" and c.category == block and c.stream_id in (stream, None)
        ]
        drafts.sort(key=lambda c: _PRIORITY_ORDER.get(c.priority or "", 1))
        return " ".join(t for c in drafts if (t := c.text.get(self.lang, ""))) or None

    # --- answering -------------------------------------------------------------------------

    def answer(self, text: str) -> Turn:
        """Process one typed line: a command (starting with '/') or an answer (an answer with
        control characters is refused with a message; a command's argument loses them)."""
        pending, self.pending = self.pending, None
        command = parse_command(text)
        if pending is not None:
            if command is None and text.strip().lower() in YES_WORDS:
                return pending.run()
            cancelled = say("cancelled", self.lang, what=pending.what)
            turn = self.command(command.name, command.arg) if command else self._answer(text)
            turn.said.insert(0, cancelled)
            return turn
        if command is not None:
            return self.command(command.name, command.arg)
        return self._answer(text)

    def _answer(self, text: str) -> Turn:
        entry = self.nav.next_slot()
        if entry is None:
            return Turn(accepted=False, acknowledgement=say("done", self.lang), done=True)
        section, question, stream = entry
        lang = self.lang
        carried = self.carried(question, stream)
        if carried is not None and " ".join(text.lower().split()).strip(" .!") in CONFIRM_WORDS:
            # "ja" to "Uit stap 1: 400 kW. Klopt dat?": the value said in step 1, confirmed
            shown = self._carried_text(question, carried)
            self.record(
                Answered(
                    question=question.id,
                    stream=stream,
                    text=text.strip()[:2000],
                    value=carried,
                    unit=question.unit,
                    extra={"confirmed": shown},
                )
            )
            return self.after(Turn(accepted=True, acknowledgement=say("noted", lang, value=shown)))
        both = self._with_also(question, stream, text)
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
            # asked back once and the same words again: taken as they are ("iets anders")
            checked = Checked(parsed=parse_answer(question, text, lang, self.services))
        elif checked.follow_up is not None:
            # not wrong but not enough ("iets anders": what then?): asked back, nothing recorded
            self._asked_back = ((question.id, stream), " ".join(text.lower().split()))
            return Turn(
                accepted=False,
                problem=checked.follow_up,
                example=checked.example,
                question=self.view(section, question, stream),
                asked_back=True,
            )
        if checked.parsed is None:
            return Turn(
                accepted=False,
                problem=checked.problem,
                example=checked.example,
                question=self.view(section, question, stream),
            )
        parsed = checked.parsed
        value = parsed.value
        if (
            question.type == "canvas"
            and value == "confirmed"
            and stream is not None
            and self.canvas_draft(question.block or "", stream) is None
        ):
            return Turn(
                accepted=False,
                problem=say("canvas_none", lang),
                example="verwerp" if lang == "nl" else "reject",
                question=self.view(section, question, stream),
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
        before = set(self.state.streams)
        self.record(event)
        detail = parsed.extra.get("detail") if question.type == "yesno" else None
        if detail:
            # "ja, droge stof 6 %, pH 4,6": the figures reach the dossier's notes and the report
            name = question.name.get(lang) if question.name else question.id
            self.record(Noted(question=question.id, stream=stream, text=f"{name}: {text.strip()}"))
        ack = (
            say("noted_unknown", self.lang)
            if parsed.status == "unknown"
            else say(
                "noted",
                self.lang,
                value=checked.echo or self._shown(question, parsed.display, value),
            )
        )
        said: list[str] = list(checked.notes)
        for entry_text in entries:
            said += self._take_over(entry_text, before)
        if question.id == "kind" and stream is not None and parsed.status != "unknown":
            said += self._take_over_after_kind(stream, value)
        said += self._funnel_said(question, stream)
        return self.after(Turn(accepted=True, acknowledgement=ack, said=said))

    def carried(self, question: Question, stream: str | None) -> float | None:
        """The figure a not yet answered number question already has from step 1 (a heat
        stream listed as "35 °C, 400 kW" has its power): shown to confirm or refine."""
        if question.type != "number" or stream is None or question.sets is None:
            return None
        if self.state.done((question.id, stream)):
            return None
        value = self._facts.properties.get(stream, {}).get(question.sets)
        return float(value) if isinstance(value, int | float) else None

    def _carried_text(self, question: Question, value: float) -> str:
        if not question.unit:
            return str(value)
        return self.services.format_amount(value, question.unit, self.lang)

    def answer_context(self, question: Question, stream: str | None) -> AnswerContext:
        """What the answer check needs besides the question: suggestions, sector, the stream's
        kind, name and tonnes (the chat's live check and the session use the same)."""
        props = self._facts.properties.get(stream, {}) if stream else {}
        kind = props.get("kind")
        tonnes = props.get("tonnes_per_year")
        entry = self.state.streams.get(stream) if stream else None
        return AnswerContext(
            suggestions=[s.code for s in self.suggestions(question, stream)],
            sector=self._facts.company.nace,
            stream_kind=kind if isinstance(kind, str) else None,
            stream_name=entry.name if entry is not None else None,
            tonnes_per_year=float(tonnes) if isinstance(tonnes, int | float) else None,
        )

    def check(self, question: Question, stream: str | None, text: str) -> Checked:
        """``text`` read as an answer to ``question`` for ``stream``; records nothing."""
        context = self.answer_context(question, stream)
        return check_answer(question, text, self.lang, self.services, context)

    def _funnel_said(self, question: Question, stream: str | None) -> list[str]:
        """After a stream's scores: say when the funnel leaves it at step 1, and how to pick it."""
        if stream is None or question.id not in (*SCORES, *(q for q in [question.also] if q)):
            return []
        if self.nav.promising(stream) is not False or self.nav.worked_out(stream):
            return []
        return [
            say("not_worked_out_scored", self.lang, id=stream, name=self.state.streams[stream].name)
        ]

    def _with_also(self, question: Question, stream: str | None, text: str) -> Turn | None:
        """Answer ``question`` and its ``also`` question from one line ("4 3", "beperkt, 3
        dagen", "ja, 12 km"), when the line splits into two parts that each read as an answer;
        None otherwise (then the line is an answer to ``question`` alone)."""
        other = self.dialog.question(question.also) if question.also else None
        if other is None or self.state.done((other.id, stream)):
            return None
        for first, second in _halves(text):
            try:
                one = parse_answer(question, first, self.lang, self.services, [], None)
                two = parse_answer(other, second, self.lang, self.services, [], None)
            except AnswerProblem:
                continue
            if one.status != "known" or two.status != "known":
                continue
            if not self.check(other, stream, second).ok:
                continue
            self.record(
                Answered(
                    question=question.id,
                    stream=stream,
                    text=text.strip()[:2000],
                    value=one.value,
                    unit=one.unit,
                    extra=one.extra,
                )
            )
            self._refresh()
            answered = [(question, one)]
            located = self.dialog.locate(other.id)
            # "nee, misschien 5 km": the distance is not asked after a no, so it is not taken
            if located is not None and self.nav.applies(located[0], other, stream):
                self.record(
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
            shown = ", ".join(self._shown(q, p.display, p.value) for q, p in answered)
            return self.after(
                Turn(
                    accepted=True,
                    acknowledgement=say("noted", self.lang, value=shown),
                    said=self._funnel_said(question, stream),
                )
            )
        return None

    def _take_over(self, entry_text: str, before: set[str]) -> list[str]:
        """Answer a listed stream's step-1 questions from its own words; what to say about it."""
        words = sketch(entry_text)
        found = self.state.stream_by_name(words.name)
        if found is None:
            return []
        lang = self.lang
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
        said += command_handlers.near_duplicates(self, found.id)
        kind_question = self.dialog.question("kind")
        kind = kind_from(words, kind_question)
        taken: list[str] = []
        if kind is not None and kind_question is not None:
            label = next(o.label.get(lang) for o in kind_question.options if o.value == kind)
            self._take(kind_question, found.id, label, kind)
            taken.append(label)
        if words.said:
            self.record(Noted(question=STREAMS_FROM_LIST, stream=found.id, text=entry_text[:2000]))
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

    def _take_amounts(self, stream: str, words: Sketch, kind: str | None) -> list[str]:
        """Answer the stream's step-1 amount and temperature from the listed words, once its
        kind is known (from the words, or answered later: "zure wei, 25000 m3 per jaar" says
        no kind, so its amount waits for the kind question); what was taken, as shown."""
        if kind is None:
            return []
        energy = kind in ("heat", "energy")
        # an amount is taken only where its dimension fits: the flow of cooling water is no
        # energy, and an energy is no tonnage
        amount = words.amount if words.energy == energy else None
        taken: list[str] = []
        for qid, typed in (
            ("heat_energy" if energy else "quantity", amount),
            ("temperature", words.temperature),
        ):
            question = self.dialog.question(qid)
            if typed is None or question is None or (qid, stream) in self.state.answers:
                continue
            located = self.dialog.locate(qid)
            if located is None or not self.nav.applies(located[0], question, stream):
                continue
            try:
                parsed = parse_answer(question, typed, self.lang, self.services, [], None)
            except AnswerProblem:
                continue  # asked later, with the words shown as context
            self._take(question, stream, typed, parsed.value, parsed.unit, parsed.extra)
            figure = parsed.value if isinstance(parsed.value, int | float) else None
            if question.type == "quantity" and figure is not None and parsed.unit:
                # "3.000 t/jaar", "400 kW": the reader's number format, a power never per year
                taken.append(
                    self.services.format_amount(figure, parsed.unit, self.lang, per_year=True)
                )
            else:
                taken.append(echo_of(question, parsed, self.lang, self.services))
        return taken

    def _take_over_after_kind(self, stream: str, kind: object) -> list[str]:
        """The listed words' amount, taken over now that the stream's kind is answered."""
        if not isinstance(kind, str):
            return []
        taken: list[str] = []
        for note in self.state.notes:
            if note.stream == stream and note.question == STREAMS_FROM_LIST:
                taken += self._take_amounts(stream, sketch(note.text), kind)
        entry = self.state.streams.get(stream)
        if not taken or entry is None:
            return []
        return [
            say(
                "sketched",
                self.lang,
                id=stream,
                name=entry.name,
                facts=", ".join(taken),
                question="soort" if self.lang == "nl" else "kind",
            )
        ]

    def _take(
        self,
        question: Question,
        stream: str,
        text: str,
        value: object,
        unit: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> None:
        self.record(
            Answered(
                question=question.id,
                stream=stream,
                text=text[:2000],
                value=value,  # type: ignore[arg-type]
                unit=unit,
                extra={**(extra or {}), "from": STREAMS_FROM_LIST},
            )
        )
        self._refresh()

    def command(self, name: str, arg: str = "") -> Turn:
        """Run one command of the registry (isassist.interview.commands)."""
        arg = strip_controls(arg)
        handler = command_handlers.HANDLERS.get(name)
        spec = BY_NAME.get(name)
        if handler is None and spec is not None:
            return Turn(
                accepted=False,
                problem=say("chat_only", self.lang, command=spec.word(self.lang)),
                example=BY_NAME["skip"].example(self.lang),
                question=self.current_question(),
            )
        if handler is None:
            return Turn(
                accepted=False,
                problem=say(
                    "unknown_command", self.lang, text=name, commands=command_list(self.lang)
                ),
                example="/terug" if self.lang == "nl" else "/back",
                question=self.current_question(),
            )
        return command_handlers.dispatch(self, name, arg.strip())

    def confirm(self, what: str, prompt: str, run: Callable[[], Turn]) -> Turn:
        """Ask for 'ja' before ``run``; the next line confirms or cancels."""
        self.pending = Pending(what, run)
        return Turn(
            accepted=True, acknowledgement=prompt, question=None, awaiting_confirmation=True
        )

    def _shown(self, question: Question, display: str, value: object) -> str:
        """An answer as the user reads it back: option labels in the interview language."""
        labels = {o.value: o.label.get(self.lang) for o in question.options}
        if isinstance(value, list) and labels:
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        if isinstance(value, str) and value in labels:
            return labels[value]
        return display

    # --- the log ---------------------------------------------------------------------------

    def _fold(self, data: dict[str, Any]) -> None:
        apply(self.state, event_from_json(data), self._creates)
        self.nav.see(self.state)
        self._log.append(data)

    def record(self, event: Event) -> None:
        """Append ``event`` to the log (and the store) and fold it into the state."""
        data = event_to_json(event)
        if self._sink is not None:
            self._sink(data)
        self.updated_at = datetime.now(UTC)
        self._fold(data)

    def _parked(self) -> frozenset[str]:
        """Streams the funnel leaves at step 1 (scored low, or the broker said no)."""
        return frozenset(e.id for e in self.state.active_streams if not self.nav.worked_out(e.id))

    def _refresh(self) -> tuple[list[ConclusionView], list[ConclusionView]]:
        before = {c.key: c for c in self._conclusions}
        self._facts = build_facts(self.dialog, self.state, self.services, self._parked())
        self.nav.see(self.state, self._facts, ())
        self._conclusions = self._derive()
        self.nav.see(self.state, self._facts, self._conclusions)
        after = {c.key: c for c in self._conclusions}
        new = [c for k, c in after.items() if k not in before]
        gone = [c for k, c in before.items() if k not in after]
        return new, gone

    def _derive(self) -> list[ConclusionView]:
        """The rules' conclusions, less the gaps about streams that are not worked out."""
        derived = self.services.derive(self.id, self._facts.facts)
        return [c for c in derived if not self.nav.moot(c)]

    def after(self, turn: Turn) -> Turn:
        """Re-derive, then fill in what changed and what is asked next."""
        turn.new_conclusions, turn.withdrawn_conclusions = self._refresh()
        turn.question = self.current_question()
        turn.done = turn.question is None
        if turn.done:
            turn.said.append(say("done", self.lang))
        self.tell_progress()
        return turn

    def close(self) -> None:
        self.services.close(self.id)

    def dossier(self) -> Dossier:
        """The dossier of what is known now, built once per state: after a turn the register
        sync and the dossier panel both ask for it (the same events and conclusions give
        the same dossier)."""
        now = (len(self._log), self._conclusions, self.updated_at)
        kept = self._dossier
        if kept is None or kept[0] != now[0] or kept[1] is not now[1] or kept[2] != now[2]:
            kept = self._dossier = (*now, build_dossier(interview_record(self)))
        return kept[3]


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


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


__all__ = ["Command", "Interview", "QuestionView", "Turn"]
