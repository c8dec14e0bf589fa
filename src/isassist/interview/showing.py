"""A question as the chat shows it: its wording for the stream, and what is said around it.

Around the question go the code suggestions for the stream's words, similar real exchanges,
the rules' canvas draft, the figure carried from step 1 and what the stream's listing said.
All of it is read from the state, the facts and the conclusions; nothing is recorded here.
"""

from __future__ import annotations

import re

from isassist.dossier import CodeSuggestion, QuestionView
from isassist.interview.canvas_review import REVIEW_TYPE, review_view_lines
from isassist.interview.carried import CarriedFigures
from isassist.interview.derivation import Derivation
from isassist.interview.desk import Desk
from isassist.interview.dialog import Question, Section
from isassist.interview.listed import STREAMS_FROM_LIST
from isassist.interview.messages import say
from isassist.interview.state import State

_PRIORITY_ORDER = {"high": 0, "medium": 1, "low": 2}
"""Canvas drafts of one block, most important first."""


class QuestionShow:
    """What the chat shows for the open question (or any question of a stream)."""

    def __init__(self, desk: Desk, derived: Derivation, carried: CarriedFigures) -> None:
        self.desk = desk
        self.derived = derived
        self.carried = carried

    def current(self) -> QuestionView | None:
        entry = self.desk.nav.next_slot()
        return self.view(*entry) if entry is not None else None

    def view(self, section: Section, question: Question, stream: str | None) -> QuestionView:
        """``question`` as the chat shows it for ``stream``."""
        desk = self.desk
        lang = desk.lang
        entry = desk.state.streams.get(stream) if stream else None
        name = entry.name if entry is not None else None
        text = question.wording(desk.mode, lang).replace("{stream}", name or "")
        if name is not None:
            text = f"[{stream} {name}] {text}"
        show_help = question.help is not None and desk.mode == "self"
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
        carried = self.carried.figure(question, stream)
        if carried is not None:
            context.append(say("carried", lang, value=self.carried.text(question, carried)))
        if stream is not None and section.step == 1:
            context += [
                say("from_step1", lang, text=n.text)
                for n in desk.state.notes
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
        """Codes for the stream's name and description (or the company's activity)."""
        if question.type != "code" or question.code in (None, "cas"):
            # CAS numbers name substances; a stream's name does not suggest them usefully
            return []
        state = self.desk.state
        sector = self.derived.facts.company.nace
        if question.code == "nace" and stream is not None:
            # a stream's NACE question is about another company (the receiver the contact
            # named in the answer it follows up): its words, never the company's own activity
            words, sector = _named_company(question, stream, state), None
        elif question.code == "nace":
            activity = state.answers.get(("activity", None))
            words = str(activity.value) if activity is not None and activity.value else ""
        else:
            entry = state.streams.get(stream or "")
            described = state.answers.get(("description", stream))
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
        # the stream's kind decides its nature before its words do (classify.notes.with_kind)
        said = state.answers.get(("kind", stream)) if question.code in ("ewc", "cpa") else None
        kind = str(said.value) if said is not None and said.value else None
        found = self.desk.services.search_codes(question.code, words, self.desk.lang, sector, kind)
        return found[:5]

    def _exchange_lines(self, stream: str) -> list[str]:
        props = self.derived.facts.properties.get(stream, {})
        found = self.desk.services.exchanges(
            _strings(props.get("ewc")), _strings(props.get("cpa")), _strings(props.get("family"))
        )
        if not found:
            return []
        return [say("exchanges", self.desk.lang)] + [f"  - {e.text}" for e in found[:5]]

    def canvas_draft(self, block: str, stream: str) -> str | None:
        """The rules' draft of one canvas block for ``stream``: its drafts joined, the rule's
        priority first (rules/canvas.yaml gives the customers of the route highest in the
        valorisation hierarchy the highest priority, so feed comes before digestion)."""
        drafts = [
            c
            for c in self.derived.conclusions
            if c.kind == "canvas" and c.category == block and c.stream_id in (stream, None)
        ]
        drafts.sort(key=lambda c: _PRIORITY_ORDER.get(c.priority or "", 1))
        return " ".join(t for c in drafts if (t := c.text.get(self.desk.lang, ""))) or None


_YES_LEAD = re.compile(r"^\s*(?:ja|yes|jawel|zeker|yep)\b[\s,;:.!-]*", re.IGNORECASE)
_DISTANCE = re.compile(r"[,;]?\s*\b\d+(?:[.,]\d+)?\s*(?:km|kilometer|kilometres?)\b\.?", re.I)
_PLACE = re.compile(r"\b(?:in|te|bij|near|at)\s+[A-ZÀ-Ý][\w'-]*")


def _named_company(question: Question, stream: str, state: State) -> str:
    """The words of the answer ``question`` follows up ("ja, een varkenshouder in Tielt,
    12 km"), less the yes, the distance and the place: "een varkenshouder"."""
    followed = question.when.answer if question.when is not None else None
    answer = state.answers.get((followed, stream)) if followed else None
    if answer is None or not answer.text:
        return ""
    words = _PLACE.sub(" ", _DISTANCE.sub(" ", _YES_LEAD.sub("", answer.text)))
    return " ".join(words.split()).strip(" ,;:.")


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []
