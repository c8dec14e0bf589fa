"""What to ask next: the interview's order, its conditions and the MAESTRI funnel.

The navigator reads the folded state, the stream properties and the rules' conclusions and
answers one question: which slot (question, stream) comes next. It changes nothing; the
session (isassist.interview.engine) tells it when the state changed.

The funnel: step 1 sketches every stream (kind, rough amount, temperature, 4-quadrant
scores); only the streams the scoring finds promising, or that the broker picks, get the
deep-dive sections (``deep_dive: true``: step 2 A-F, step 3, step 4 and the canvas). The
others keep what step 1 gave them and are "not worked out".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from isassist.dossier import ConclusionView
from isassist.interview.conditions import Scope, holds
from isassist.interview.dialog import Dialog, Question, Section
from isassist.interview.events import Answered
from isassist.interview.factbuild import FactSet
from isassist.interview.state import Slot, State

FOLLOW_UP_KINDS = frozenset({"knowledge_gap", "follow_up"})
PICK_QUESTION = "keep_stream"
"""The per-stream yes/no that overrides the 4-quadrant decision (the broker's pick)."""
SCORES = ("feasibility", "impact")
CANVAS_SUB = "canvas"
PROMISING_SCORE = 3
"""Both 4-quadrant scores at least this: the stream is in the promising quadrant."""

Entry = tuple[Section, Question, str | None]


@dataclass(frozen=True)
class Progress:
    """The one progress measure: applicable questions answered (or skipped) of all applicable.

    The start list, the dossier panel, the dossier and the CLI all show this pair, so they
    never disagree.
    """

    done: int
    total: int

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 100


class Navigator:
    """The order of the interview over one state; caches are dropped by ``see``."""

    def __init__(self, dialog: Dialog) -> None:
        self.dialog = dialog
        self.state = State()
        self.facts = FactSet()
        self.conclusions: Sequence[ConclusionView] = ()
        self._scopes: dict[str | None, Scope] = {}
        self._raised: set[Slot] | None = None
        # per-state answers to "does this section apply to this stream": the progress count
        # and the next question ask it for every slot (tens of thousands of times per answer)
        self._sections_on: dict[tuple[int, str | None], bool] = {}
        self._questions_on: dict[tuple[int, str | None], bool] = {}

    def see(
        self,
        state: State,
        facts: FactSet | None = None,
        conclusions: Sequence[ConclusionView] | None = None,
    ) -> None:
        """Look at a new state (and facts and conclusions when they were rebuilt)."""
        self.state = state
        if facts is not None:
            self.facts = facts
        if conclusions is not None:
            self.conclusions = conclusions
            self._raised = None
        self._scopes.clear()
        self._sections_on.clear()
        self._questions_on.clear()

    @property
    def mode(self) -> str:
        answer = self.state.answers.get(("mode", None))
        return str(answer.value) if answer is not None and answer.value == "self" else "broker"

    # --- the order -------------------------------------------------------------------------

    def slots(self) -> list[Entry]:
        """Every question in the order asked: per-stream blocks repeat for each stream."""
        ordered: list[Entry] = []
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
                    properties=self.facts.properties.get(owner, {}) if owner else {},
                    mode=mode,
                )
        return self._scopes.get(stream) or self._scopes[None]

    # --- the funnel ------------------------------------------------------------------------

    def promising(self, stream: str) -> bool | None:
        """The 4-quadrant verdict: True (both scores high), False (either low), None (unscored)."""
        scores: list[float] = []
        for qid in SCORES:
            answer = self.state.answers.get((qid, stream))
            if answer is None or answer.status != "known":
                return None
            try:
                scores.append(float(str(answer.value)))
            except ValueError:
                return None
        return all(score >= PROMISING_SCORE for score in scores)

    def worked_out(self, stream: str) -> bool:
        """True when ``stream`` gets the deep-dive: the broker picked it, or it is promising.

        A stream nobody scored is worked out (nothing says it is not worth it); one scored
        low is not, unless the broker says so (the pick question or ``/uitwerken``).
        """
        pick = self.state.answers.get((PICK_QUESTION, stream))
        if pick is not None and pick.status == "known" and pick.value in ("yes", "no"):
            return pick.value == "yes"
        return self.promising(stream) is not False

    def section_applies(self, section: Section, stream: str | None) -> bool:
        """False for a section switched off: a deep-dive section of a stream not worked out,
        or a section whose own condition does not hold."""
        key = (id(section), stream)
        found = self._sections_on.get(key)
        if found is None:
            found = not (
                section.deep_dive and stream is not None and not self.worked_out(stream)
            ) and (section.when is None or holds(section.when, self.scope(stream)))
            self._sections_on[key] = found
        return found

    def applies(self, section: Section, question: Question, stream: str | None) -> bool:
        key = (id(question), stream)
        found = self._questions_on.get(key)
        if found is None:
            found = self.section_applies(section, stream) and (
                question.when is None or holds(question.when, self.scope(stream))
            )
            self._questions_on[key] = found
        return found

    def asks(self, section: Section, question: Question, stream: str | None) -> bool:
        """True when the interview will ask this slot (answered or not).

        A rule that names a question (a knowledge gap, a follow-up) makes a ``follow_up_only``
        question asked; it never overrides a question's own condition, so a template gap
        cannot pull a heat question into a gas stream or a deep-dive into step 1.
        """
        if question.follow_up_only and (question.id, stream) not in self.follow_ups():
            return False
        return self.applies(section, question, stream)

    # --- rules asking questions --------------------------------------------------------------

    def moot(self, conclusion: ConclusionView) -> bool:
        """True for a conclusion that is not one of this interview: a knowledge gap or
        follow-up about a deep-dive question of a stream that is not worked out (it keeps what
        step 1 gave and is never asked that question, so the gap could never close), or a
        canvas draft of a stream that is no opportunity (its canvas is not asked)."""
        stream = conclusion.stream_id
        if not stream or stream not in self.state.streams:
            return False
        if conclusion.kind == "canvas":
            # the canvas is drafted per opportunity: a worked-out stream whose canvas is asked
            canvas = [s for s in self.dialog.sections if s.sub == CANVAS_SUB]
            return not any(self.section_applies(s, stream) for s in canvas)
        if conclusion.kind not in FOLLOW_UP_KINDS or self.worked_out(stream):
            return False
        for key in ("question", "question_id", "follow_up"):
            qid = self.question_id(conclusion.data.get(key))
            section = self.dialog.section_of(qid) if qid is not None else None
            if section is not None and section.deep_dive:
                return True
        return False

    def follow_ups(self) -> set[Slot]:
        """Questions that rules ask for (knowledge gaps and follow-ups naming a question)."""
        if self._raised is None:
            self._raised = self._collect_follow_ups()
        return self._raised

    def _collect_follow_ups(self) -> set[Slot]:
        raised: set[Slot] = set()
        for conclusion in self.conclusions:
            if conclusion.kind not in FOLLOW_UP_KINDS:
                continue
            for key in ("question", "question_id", "follow_up"):
                qid = self.question_id(conclusion.data.get(key))
                if qid is not None:
                    section = self.dialog.section_of(qid)
                    stream = conclusion.stream_id if section and section.scope == "stream" else None
                    raised.add((qid, stream))
        return raised

    def awaits_answer(self, conclusion: ConclusionView) -> bool:
        """True for a knowledge gap or follow-up whose question is still ahead in the interview.

        A gap that waits on a fact for a route (feed hygiene for a feed route) is drawn as soon
        as the route is, and its question comes later in the same step; the chat says the gap
        when that question was passed without an answer, not while it is still ahead (the
        dossier lists it from the start).
        """
        if conclusion.kind not in FOLLOW_UP_KINDS:
            return False
        for key in ("question", "question_id", "follow_up"):
            qid = self.question_id(conclusion.data.get(key))
            located = self.dialog.locate(qid) if qid is not None else None
            if qid is None or located is None:
                continue
            section, question = located
            stream = conclusion.stream_id if section.scope == "stream" else None
            if not self.state.done((qid, stream)) and self.applies(section, question, stream):
                return True
        return False

    def question_id(self, named: object) -> str | None:
        """The dialog question a rule names: its id, or the last part of a dotted name."""
        if not isinstance(named, str):
            return None
        for candidate in (named, named.rsplit(".", 1)[-1]):
            if self.dialog.question(candidate) is not None:
                return candidate
        return None

    # --- next --------------------------------------------------------------------------------

    def next_slot(self) -> Entry | None:
        """The slot to ask now: the focused one, else the first open one from the jump point."""
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
            if question.follow_up_only and slot not in raised:
                continue
            if self.applies(section, question, stream):
                return entry
        return None

    def first_open(self, sections: Sequence[Section], stream: str | None) -> Entry | None:
        """The first slot of ``sections`` (for ``stream``) that would be asked, or None."""
        wanted = {s.id for s in sections}
        for entry in self.slots():
            section, question, owner = entry
            if section.id in wanted and owner == stream and self.asks(section, question, owner):
                return entry
        return None

    def progress(self, entries: Sequence[Entry] | None = None) -> Progress:
        """Answered (or skipped) of the applicable slots: the one measure shown everywhere."""
        done = total = 0
        for section, question, stream in self.slots() if entries is None else entries:
            answered = self.state.done((question.id, stream))
            if not answered and not self.asks(section, question, stream):
                continue
            total += 1
            done += int(answered)
        return Progress(done, total)
