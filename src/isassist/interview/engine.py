"""The interview engine: one object a chat face (TUI, replay, tests) talks to.

``current_question()`` says what is being asked, ``answer(text)`` returns a ``Turn`` with
everything the assistant says next, ``command(name, arg)`` navigates, ``dossier()`` gives the
result. Every change is an event appended to the log (and to the store when one is attached)
before anything else happens, so a killed process loses at most the answer being typed.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from isassist.interview.commands import Command, parse_command
from isassist.interview.conditions import Scope, holds
from isassist.interview.dialog import Dialog, Question, Section
from isassist.interview.events import (
    Answered,
    Event,
    Focused,
    Jumped,
    Noted,
    Skipped,
    StreamAdded,
    StreamRemoved,
    Withdrawn,
    event_from_json,
    event_to_json,
)
from isassist.interview.factbuild import FactSet, build_facts
from isassist.interview.messages import say
from isassist.interview.parsing import AnswerProblem, parse_answer
from isassist.interview.services import CodeSuggestion, ConclusionView, Services
from isassist.interview.state import Slot, State, apply, stream_names

if TYPE_CHECKING:
    from isassist.interview.dossier import Dossier

EventSink = Callable[[dict[str, Any]], None]
FOLLOW_UP_KINDS = frozenset({"knowledge_gap", "follow_up"})


@dataclass(frozen=True)
class QuestionView:
    """A question as a chat face shows it."""

    id: str
    stream: str | None
    stream_name: str | None
    section: str
    step: int
    sub: str | None
    type: str
    text: str
    help: str | None
    options: list[str]
    suggestions: list[CodeSuggestion]
    context: list[str]

    @property
    def slot(self) -> Slot:
        return (self.id, self.stream)

    def render(self) -> str:
        lines = [self.text]
        lines += self.context
        lines += [f"  {i}) {label}" for i, label in enumerate(self.options, 1)]
        lines += [f"  {i}) {s.code} {s.label}" for i, s in enumerate(self.suggestions, 1)]
        if self.help:
            lines.append(self.help)
        return "\n".join(lines)


@dataclass
class Turn:
    """What the assistant says after one answer or command."""

    accepted: bool
    acknowledgement: str = ""
    problem: str | None = None
    example: str | None = None
    said: list[str] = field(default_factory=list)
    new_conclusions: list[ConclusionView] = field(default_factory=list)
    withdrawn_conclusions: list[ConclusionView] = field(default_factory=list)
    question: QuestionView | None = None
    done: bool = False

    def text(self, lang: str = "nl") -> str:
        parts = [self.acknowledgement] if self.acknowledgement else []
        if self.problem:
            parts.append(self.problem)
            if self.example:
                parts.append(say("example", lang, example=self.example))
        parts += self.said
        parts += [c.text.get(lang, "") for c in self.new_conclusions]
        if self.question is not None:
            parts.append(self.question.render())
        return "\n".join(p for p in parts if p)


class Interview:
    """One interview: its answer log, the state folded from it and its conclusions."""

    def __init__(
        self,
        dialog: Dialog,
        services: Services,
        interview_id: str | None = None,
        events: Iterable[dict[str, Any]] = (),
        sink: EventSink | None = None,
    ) -> None:
        self.dialog = dialog
        self.services = services
        self.id = interview_id or uuid.uuid4().hex
        self.state = State()
        self._sink = sink
        # a fresh interview starts now; one rebuilt from a log gets its dates from the store
        # (isassist.interview.persistence.resume) or has none
        self.created_at: datetime | None = None if events else datetime.now(UTC)
        self.updated_at: datetime | None = self.created_at
        self._scopes: dict[str | None, Scope] = {}
        self._raised: set[Slot] | None = None
        self._log: list[dict[str, Any]] = []
        self._creates = frozenset(
            q.id for s in dialog.sections for q in s.questions if q.creates_streams
        )
        for data in events:
            self._fold(event_from_json(data), data)
        self._facts = build_facts(dialog, self.state, services)
        self._conclusions = self._derive()

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
    ) -> Interview:
        """A new interview whose mode and language are its first two (revisable) answers."""
        interview = cls(dialog, services, interview_id, sink=sink)
        for qid, value in (("mode", mode), ("language", language)):
            if dialog.question(qid) is not None:
                interview._record(Answered(question=qid, text=value, value=value))
        interview._refresh()
        return interview

    # --- what is asked ---------------------------------------------------------------------

    @property
    def lang(self) -> str:
        answer = self.state.answers.get(("language", None))
        return str(answer.value) if answer is not None and answer.value in ("nl", "en") else "nl"

    @property
    def mode(self) -> str:
        answer = self.state.answers.get(("mode", None))
        return str(answer.value) if answer is not None and answer.value == "self" else "broker"

    @property
    def log(self) -> list[dict[str, Any]]:
        return list(self._log)

    @property
    def facts(self) -> FactSet:
        return self._facts

    @property
    def conclusions(self) -> list[ConclusionView]:
        return list(self._conclusions)

    def slots(self) -> list[tuple[Section, Question, str | None]]:
        """Every question in the order asked: per-stream blocks repeat for each stream."""
        ordered: list[tuple[Section, Question, str | None]] = []
        sections = self.dialog.sections
        i = 0
        while i < len(sections):
            section = sections[i]
            if section.scope == "company":
                ordered += [(section, q, None) for q in section.questions]
                i += 1
                continue
            j = i
            while (
                j < len(sections)
                and sections[j].scope == "stream"
                and (sections[j].step == section.step)
            ):
                j += 1
            block = sections[i:j]
            for stream in self.state.active_streams:
                ordered += [(s, q, stream.id) for s in block for q in s.questions]
            i = j
        return ordered

    def scope(self, stream: str | None) -> Scope:
        """What conditions of ``stream`` see; built once per state (hundreds of slots ask)."""
        if not self._scopes:
            grouped: dict[str | None, dict[str, Answered]] = {None: {}}
            for (qid, owner), answer in self.state.answers.items():
                grouped.setdefault(owner, {})[qid] = answer
            mode = self.mode
            for owner in [None, *self.state.streams]:
                self._scopes[owner] = Scope(
                    answers=grouped.get(owner, {}) if owner is not None else {},
                    company_answers=grouped[None],
                    properties=self._facts.properties.get(owner, {}) if owner else {},
                    mode=mode,
                )
        return self._scopes.get(stream) or self._scopes[None]

    def section_applies(self, section: Section, stream: str | None) -> bool:
        """False for a section switched off, e.g. every later section of a parked stream."""
        return section.when is None or holds(section.when, self.scope(stream))

    def applies(self, section: Section, question: Question, stream: str | None) -> bool:
        if not self.section_applies(section, stream):
            return False
        return question.when is None or holds(question.when, self.scope(stream))

    def follow_ups(self) -> set[Slot]:
        """Questions that rules ask for (knowledge gaps and follow-ups naming a question)."""
        if self._raised is None:
            self._raised = self._collect_follow_ups()
        return self._raised

    def _collect_follow_ups(self) -> set[Slot]:
        raised: set[Slot] = set()
        for conclusion in self._conclusions:
            if conclusion.kind not in FOLLOW_UP_KINDS:
                continue
            for key in ("question", "question_id", "follow_up"):
                qid = self._question_id(conclusion.data.get(key))
                if qid is not None:
                    section = self.dialog.section_of(qid)
                    stream = conclusion.stream_id if section and section.scope == "stream" else None
                    raised.add((qid, stream))
        return raised

    def awaits_answer(self, conclusion: ConclusionView) -> bool:
        """True for a knowledge gap or follow-up whose question is still ahead in the interview.

        A new stream knows nothing yet, so every gap on it fires at once; saying them all in the
        chat before the questions that would close them are even asked buries the conversation.
        A face waits to announce such a gap until its question was passed without an answer.
        """
        if conclusion.kind not in FOLLOW_UP_KINDS:
            return False
        for key in ("question", "question_id", "follow_up"):
            qid = self._question_id(conclusion.data.get(key))
            located = self.dialog.locate(qid) if qid is not None else None
            if qid is None or located is None:
                continue
            section, question = located
            stream = conclusion.stream_id if section.scope == "stream" else None
            if not self.state.done((qid, stream)) and self.applies(section, question, stream):
                return True
        return False

    def _question_id(self, named: object) -> str | None:
        """The dialog question a rule names: its id, or the last part of a dotted name."""
        if not isinstance(named, str):
            return None
        for candidate in (named, named.rsplit(".", 1)[-1]):
            if self.dialog.question(candidate) is not None:
                return candidate
        return None

    def _next_slot(self) -> tuple[Section, Question, str | None] | None:
        ordered = self.slots()
        if self.state.focus is not None:
            for entry in ordered:
                if (entry[1].id, entry[2]) == self.state.focus:
                    return entry
        raised = self.follow_ups()
        start = 0
        if self.state.jump is not None:
            start = next(
                (i for i, e in enumerate(ordered) if (e[1].id, e[2]) == self.state.jump), 0
            )
        for entry in ordered[start:] + ordered[:start]:
            section, question, stream = entry
            slot = (question.id, stream)
            if self.state.done(slot):
                continue
            if slot in raised and self.section_applies(section, stream):
                return entry
            if not question.follow_up_only and self.applies(section, question, stream):
                return entry
        return None

    def current_question(self) -> QuestionView | None:
        entry = self._next_slot()
        return self._view(*entry) if entry is not None else None

    def _view(self, section: Section, question: Question, stream: str | None) -> QuestionView:
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
            suggestions=self.suggestions(question, stream),
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
        said = self.state.answers.get(("kind", stream)) if question.code == "ewc" else None
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
        """The rules' draft of one canvas block for ``stream`` (drafts of one block joined)."""
        texts = [
            c.text.get(self.lang, "")
            for c in self._conclusions
            if c.kind == "canvas" and c.category == block and c.stream_id in (stream, None)
        ]
        return " ".join(t for t in texts if t) or None

    # --- answering -------------------------------------------------------------------------

    def answer(self, text: str) -> Turn:
        """Process one typed line: a command (starting with '/') or an answer."""
        command = parse_command(text)
        if command is not None:
            return self.command(command.name, command.arg)
        entry = self._next_slot()
        if entry is None:
            return Turn(accepted=False, acknowledgement=say("done", self.lang), done=True)
        section, question, stream = entry
        lang = self.lang
        suggestions = [s.code for s in self.suggestions(question, stream)]
        try:
            parsed = parse_answer(
                question, text, lang, self.services, suggestions, self._facts.company.nace
            )
        except AnswerProblem as problem:
            return Turn(
                accepted=False,
                problem=problem.message,
                example=problem.example,
                question=self._view(section, question, stream),
            )
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
                question=self._view(section, question, stream),
            )
        if question.creates_streams and isinstance(value, str):
            value = stream_names(value)
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
        self._record(event)
        ack = (
            say("noted_unknown", self.lang)
            if parsed.status == "unknown"
            else say("noted", self.lang, value=self._shown(question, parsed.display, value))
        )
        said = [
            say("stream_added", self.lang, id=sid, name=self.state.streams[sid].name)
            for sid in self.state.streams
            if sid not in before
        ]
        return self._after(Turn(accepted=True, acknowledgement=ack, said=said))

    def command(self, name: str, arg: str = "") -> Turn:
        """Navigate: back, skip, revise, withdraw, jump, streams, add/remove stream, note."""
        handler = getattr(self, f"_cmd_{name}", None)
        if handler is None:
            return Turn(
                accepted=False,
                problem=say("unknown_command", self.lang, text=name, commands=COMMAND_LIST),
                example="/back",
                question=self.current_question(),
            )
        result: Turn = handler(arg.strip())
        return result

    def _shown(self, question: Question, display: str, value: object) -> str:
        """An answer as the user reads it back: option labels in the interview language."""
        labels = {o.value: o.label.get(self.lang) for o in question.options}
        if isinstance(value, list) and labels:
            return ", ".join(labels.get(str(v), str(v)) for v in value)
        if isinstance(value, str) and value in labels:
            return labels[value]
        return display

    # --- commands --------------------------------------------------------------------------

    def _cmd_back(self, arg: str) -> Turn:
        current = self._next_slot()
        here = (current[1].id, current[2]) if current else None
        history = [s for s in self.state.history if s != here and self._slot_exists(s)]
        if self.state.focus in self.state.history:
            position = self.state.history.index(self.state.focus)
            history = [s for s in self.state.history[:position] if self._slot_exists(s)]
        if not history:
            return self._refused(say("nothing_back", self.lang), "/skip")
        target = history[-1]
        self._record(Focused(question=target[0], stream=target[1]))
        return self._after(Turn(accepted=True))

    def _cmd_skip(self, arg: str) -> Turn:
        entry = self._next_slot()
        if entry is None:
            return Turn(accepted=False, acknowledgement=say("done", self.lang), done=True)
        self._record(Skipped(question=entry[1].id, stream=entry[2]))
        return self._after(Turn(accepted=True, acknowledgement=say("skipped", self.lang)))

    def _cmd_revise(self, arg: str) -> Turn:
        slot = self._resolve_slot(arg)
        if isinstance(slot, Turn):
            return slot
        self._record(Focused(question=slot[0], stream=slot[1]))
        return self._after(Turn(accepted=True))

    def _cmd_withdraw(self, arg: str) -> Turn:
        slot = self._resolve_slot(arg)
        if isinstance(slot, Turn):
            return slot
        if slot not in self.state.answers:
            return self._refused(say("not_answered", self.lang, question=slot[0]), "/revise ewc")
        self._record(Withdrawn(question=slot[0], stream=slot[1]))
        return self._after(
            Turn(accepted=True, acknowledgement=say("withdrawn", self.lang, question=slot[0]))
        )

    def _cmd_jump(self, arg: str) -> Turn:
        words = arg.split()
        wanted = words[0].lower() if words else ""
        stream = self._stream_arg(words[1:]) if len(words) > 1 else None
        sections = {s.id: s for s in self.dialog.sections}
        by_step = {f"step{s.step}{(s.sub or '').lower()}": s for s in self.dialog.sections}
        section = sections.get(wanted) or by_step.get(wanted.replace(" ", ""))
        if section is None:
            return self._refused(
                say("unknown_section", self.lang, text=arg, sections=", ".join(sections)),
                "/jump step3",
            )
        if section.scope == "stream":
            stream = stream or self._default_stream()
            if stream is None:
                return self._refused(say("no_streams", self.lang), "/add houtafval")
        if not section.questions:
            return self._refused(
                say("unknown_section", self.lang, text=arg, sections=", ".join(sections)),
                "/jump step3",
            )
        sid = stream if section.scope == "stream" else None
        self._record(Jumped(question=section.questions[0].id, stream=sid))
        return self._after(Turn(accepted=True))

    def _cmd_streams(self, arg: str) -> Turn:
        lines = [
            f"{s.id}: {s.name} ({self._facts.properties.get(s.id, {}).get('kind', '?')})"
            for s in self.state.active_streams
        ]
        return Turn(
            accepted=True,
            said=lines or [say("no_streams", self.lang)],
            question=self.current_question(),
        )

    def _cmd_add(self, arg: str) -> Turn:
        name = arg.removeprefix("stream").removeprefix("stroom").strip()
        if not name:
            return self._refused(say("empty", self.lang), "/add restwarmte rookgassen")
        sid = self.state.new_stream_id()
        self._record(StreamAdded(stream=sid, name=name[:200]))
        return self._after(
            Turn(accepted=True, acknowledgement=say("stream_added", self.lang, id=sid, name=name))
        )

    def _cmd_remove(self, arg: str) -> Turn:
        words = arg.removeprefix("stream").removeprefix("stroom").split()
        sid = self._stream_arg(words)
        if sid is None:
            return self._refused(
                say("unknown_stream", self.lang, text=arg, streams=self._stream_names()),
                "/remove s1",
            )
        name = self.state.streams[sid].name
        self._record(StreamRemoved(stream=sid))
        return self._after(
            Turn(accepted=True, acknowledgement=say("stream_removed", self.lang, id=sid, name=name))
        )

    def _cmd_note(self, arg: str) -> Turn:
        entry = self._next_slot()
        if not arg:
            return self._refused(say("empty", self.lang), "/note vraag de analyse op")
        qid, stream = (entry[1].id, entry[2]) if entry else ("general", None)
        self._record(Noted(question=qid, stream=stream, text=arg[:2000]))
        return Turn(
            accepted=True,
            acknowledgement=say("note_saved", self.lang, question=qid),
            question=self.current_question(),
        )

    # --- helpers ---------------------------------------------------------------------------

    def _refused(self, problem: str, example: str) -> Turn:
        return Turn(
            accepted=False, problem=problem, example=example, question=self.current_question()
        )

    def _slot_exists(self, slot: Slot) -> bool:
        return slot[1] is None or (
            slot[1] in self.state.streams and not self.state.streams[slot[1]].removed
        )

    def _default_stream(self) -> str | None:
        current = self._next_slot()
        if current is not None and current[2] is not None:
            return current[2]
        active = self.state.active_streams
        return active[0].id if active else None

    def _stream_names(self) -> str:
        return ", ".join(f"{s.id} {s.name}" for s in self.state.active_streams) or "-"

    def _stream_arg(self, words: list[str]) -> str | None:
        if not words:
            return None
        entry = self.state.stream_by_name(" ".join(words))
        return entry.id if entry is not None else None

    def _resolve_slot(self, arg: str) -> Slot | Turn:
        words = arg.split()
        if not words:
            return self._refused(say("empty", self.lang), "/revise quantity s1")
        question = self.dialog.question(words[0])
        if question is None:
            return self._refused(
                say("unknown_question", self.lang, text=words[0], example="/revise quantity s1"),
                "/revise quantity s1",
            )
        section = self.dialog.section_of(question.id)
        if section is None or section.scope == "company":
            return (question.id, None)
        stream = self._stream_arg(words[1:]) if len(words) > 1 else self._default_stream()
        if stream is None:
            return self._refused(
                say(
                    "unknown_stream",
                    self.lang,
                    text=" ".join(words[1:]),
                    streams=self._stream_names(),
                ),
                f"/revise {question.id} s1",
            )
        return (question.id, stream)

    def _fold(self, event: Event, data: dict[str, Any]) -> None:
        apply(self.state, event, self._creates)
        self._scopes.clear()
        self._log.append(data)

    def _record(self, event: Event) -> None:
        data = event_to_json(event)
        if self._sink is not None:
            self._sink(data)
        self.updated_at = datetime.now(UTC)
        self._fold(event, data)

    def _refresh(self) -> tuple[list[ConclusionView], list[ConclusionView]]:
        before = {c.key: c for c in self._conclusions}
        self._facts = build_facts(self.dialog, self.state, self.services)
        self._scopes.clear()
        self._conclusions = self._derive()
        self._raised = None
        after = {c.key: c for c in self._conclusions}
        new = [c for k, c in after.items() if k not in before]
        gone = [c for k, c in before.items() if k not in after]
        return new, gone

    def _derive(self) -> list[ConclusionView]:
        return self.services.derive(self.id, self._facts.facts)

    def _after(self, turn: Turn) -> Turn:
        turn.new_conclusions, turn.withdrawn_conclusions = self._refresh()
        turn.question = self.current_question()
        turn.done = turn.question is None
        if turn.done:
            turn.said.append(say("done", self.lang))
        return turn

    def close(self) -> None:
        self.services.close(self.id)

    def dossier(self) -> Dossier:
        from isassist.interview.dossier import build_dossier

        return build_dossier(self)


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


COMMAND_LIST = "/back, /skip, /revise, /withdraw, /jump, /streams, /add, /remove, /note"
__all__ = ["Command", "Interview", "QuestionView", "Turn"]
