"""One typed line in, one reply out: the routing a chat face needs on top of the engine.

The engine knows answers and navigation commands. A chat face also answers glossary
questions, explains conclusions ("/why"), opens the dossier ("/report"), shows help and
switches language ("/lang"). Deciding which of these a line is, in headless code, keeps the
Textual face a renderer and lets every route be tested without a terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from typing import Literal

from isassist.classify.learned import LearnedTerms, LearnedTermsError
from isassist.dossier import CodeSuggestion, ConclusionView, QuestionView, Turn
from isassist.interview.answer_check import Checked
from isassist.interview.commands import BY_NAME, argument_problem, parse_command
from isassist.interview.engine import Interview
from isassist.knowledge import GlossaryEntry
from isassist.session.explain import explain
from isassist.session.glossary import kind_of_line, look_up, looks_like_question
from isassist.session.i18n import ui
from isassist.store.errors import StoreError

ReplyKind = Literal["turn", "glossary", "why", "report", "help", "lang", "info"]


@dataclass
class Reply:
    """What the assistant answers to one line; ``turn`` is set when the engine acted."""

    kind: ReplyKind
    turn: Turn | None = None
    announced: list[ConclusionView] = field(default_factory=list)
    """The conclusions to say now: new ones, and knowledge gaps whose question was passed."""
    withdrawn: list[str] = field(default_factory=list)
    """Said-before conclusions this line withdrew, worded ("Vervalt: ..."); never printed as
    if new, and nothing at all about one that was never said."""
    text: str = ""
    title: str = ""
    conclusion: ConclusionView | None = None
    notice: str = ""
    """Something the user must know besides the reply (the register could not be updated)."""


class Conversation:
    """Routes typed lines to the glossary, the UI commands or the interview engine."""

    def __init__(self, interview: Interview, glossary: Mapping[str, GlossaryEntry]) -> None:
        self.interview = interview
        self.glossary = glossary
        self._order: list[tuple[str, str | None]] = [c.key for c in interview.conclusions]
        # a resumed interview does not repeat what was said before it was closed
        self._announced: set[tuple[str, str | None]] = {
            c.key for c in interview.conclusions if not interview.awaits_answer(c)
        }

    @property
    def lang(self) -> str:
        return self.interview.lang

    # --- conclusions, newest first -----------------------------------------------------------

    def recent(self) -> list[ConclusionView]:
        """The live conclusions, the most recently drawn first."""
        live = {c.key: c for c in self.interview.conclusions}
        order = [k for k in reversed(self._order) if k in live]
        order += [k for k in live if k not in order]
        return [live[k] for k in order]

    def _turn_reply(self, turn: Turn, notice: str) -> Reply:
        # the withdrawn ones that were said: read before _remember forgets them
        withdrawn = [
            ui("no_longer_applies", self.lang, title=c.title.get(self.lang) or c.rule_id)
            for c in turn.withdrawn_conclusions
            if c.key in self._announced
        ]
        announced = self._remember(turn)
        return Reply(
            kind="turn", turn=turn, announced=announced, withdrawn=withdrawn, notice=notice
        )

    def _remember(self, turn: Turn) -> list[ConclusionView]:
        """Keep the order conclusions were drawn in; return the ones to announce now."""
        for conclusion in turn.new_conclusions:
            if conclusion.key in self._order:
                self._order.remove(conclusion.key)
            self._order.append(conclusion.key)
        for conclusion in turn.withdrawn_conclusions:
            self._announced.discard(conclusion.key)
        fresh = [c.key for c in turn.new_conclusions]
        live = {c.key: c for c in self.interview.conclusions}
        due = [
            live[key]
            for key in [*fresh, *(k for k in live if k not in fresh)]
            if key in live
            and key not in self._announced
            and not self.interview.awaits_answer(live[key])
        ]
        self._announced.update(c.key for c in due)
        return due

    # --- the one entry point -----------------------------------------------------------------

    def handle(self, text: str) -> Reply:
        """Answer one typed line."""
        kind = kind_of_line(text)
        if kind == "command":
            reply = self._ui_command(text.strip()[1:])
            if reply is not None:
                return reply
        if kind == "unknown":
            text = text.strip().rstrip("?").strip() or "?"
        if kind == "glossary":
            reply = self.glossary_reply(text)
            if reply is not None:
                return reply
        return self.engine(text)

    def engine(self, text: str) -> Reply:
        """Pass a line to the interview engine as it is."""
        asked = self.interview.current_question()
        try:
            turn = self.interview.answer(text)
        except StoreError as error:
            return self._not_saved(error)
        if turn.accepted and asked is not None and asked.type == "code":
            self._learn(asked)
        notice = self._saved()
        return self._turn_reply(turn, notice)

    def _learn(self, asked: QuestionView) -> None:
        """A code other than the first suggestion was chosen: remember it for these words."""
        learned: LearnedTerms | None = getattr(self.interview.services, "learned", None)
        question = self.interview.dialog.question(asked.id)
        if learned is None or question is None or question.code not in ("ewc", "cpa"):
            return
        answer = self.interview.state.answers.get(asked.slot)
        value = answer.value if answer is not None else None
        chosen = [str(v) for v in value] if isinstance(value, list) else [str(value or "")]
        first = asked.suggestions[0].code if asked.suggestions else None
        if not chosen or not chosen[0] or chosen[0] == first or not asked.stream_name:
            return
        # learning is a help, never a reason to lose the answer just given
        with suppress(OSError, LearnedTermsError):
            learned.remember(
                asked.stream_name,
                question.code,
                chosen[0],
                self.interview.facts.company.nace,
                self.lang,
            )

    def command(self, name: str, arg: str = "") -> Reply:
        """Run an engine command (back, skip, jump, ...) as a palette or key would."""
        try:
            turn = self.interview.command(name, arg)
        except StoreError as error:
            return self._not_saved(error)
        notice = self._saved()
        return self._turn_reply(turn, notice)

    def _saved(self) -> str:
        """The turn is saved: the register of the same database shows it now (its company's
        haves and wants), not only the next time the register is read. Returns what the
        user must read when that failed (on this or the previous save), else ""."""
        from isassist.session.saved import saved_in

        url = saved_in(self.interview)
        if url is None:
            return ""
        from isassist.session.register import interview_saved, sync_notice

        return sync_notice(interview_saved(self.interview, url), self.lang)

    def _not_saved(self, error: StoreError) -> Reply:
        """The store refused the answer (another window answered meanwhile, a full disk):
        say so; the message tells what to do (reopen the interview)."""
        return Reply(kind="info", text=ui("not_saved", self.lang, error=error))

    def _ui_command(self, body: str) -> Reply | None:
        """The chat face's own commands of the registry (why, report, help, lang); None for
        the engine's."""
        command = parse_command("/" + body)
        spec = BY_NAME.get(command.name) if command is not None else None
        if command is None or spec is None or spec.face != "chat":
            return None
        name, arg = command.name, command.arg
        problem = argument_problem(spec, arg, self.lang)
        if problem is not None:
            return Reply(kind="info", text=problem)
        if name == "why":
            if arg and not arg.isdigit():
                return Reply(kind="info", text=ui("why_number", self.lang, arg=arg[:60]))
            return self.why(int(arg) if arg else 1)
        if name == "report":
            return Reply(kind="report", title=ui("summary_title", self.lang))
        if name == "help":
            return Reply(kind="help", title=ui("help_title", self.lang))
        return self.switch_lang(arg)

    # --- glossary ----------------------------------------------------------------------------

    def glossary_reply(self, text: str) -> Reply | None:
        """The glossary's answer to a question; None when the line is an answer after all."""
        lang = self.lang
        hit = look_up(text, self.glossary.values())
        if hit is None:
            if not looks_like_question(text):
                return None
            term = text.strip().rstrip("?")
            return Reply(kind="info", text=ui("glossary_unknown", lang, term=term))
        related = [
            self.glossary[r].term_nl if lang == "nl" else self.glossary[r].term_en
            for r in hit.entry.related
            if r in self.glossary
        ]
        lines = [hit.definition(lang)]
        if related:
            lines.append(ui("glossary_related", lang, names=", ".join(related)))
        lines.append(ui("still_open", lang))
        return Reply(kind="glossary", title=hit.term(lang), text="\n\n".join(lines))

    # --- why, language -----------------------------------------------------------------------

    def why(self, position: int = 1, conclusion: ConclusionView | None = None) -> Reply:
        """Explain ``conclusion``, or the ``position``-th most recent one (1 = the newest)."""
        lang = self.lang
        if conclusion is None:
            recent = self.recent()
            if not recent:
                return Reply(kind="info", text=ui("why_none", lang))
            if not 1 <= position <= len(recent):
                return Reply(kind="info", text=ui("why_pick", lang, n=position, count=len(recent)))
            conclusion = recent[position - 1]
        return Reply(
            kind="why",
            title=ui("why_title", lang),
            text=explain(self.interview, conclusion, lang),
            conclusion=conclusion,
        )

    def switch_lang(self, wanted: str = "") -> Reply:
        """Switch the interview language (an answer to its language question, so it is saved)."""
        wanted = wanted.lower()[:2] if wanted else ("en" if self.lang == "nl" else "nl")
        if wanted not in ("nl", "en"):
            return Reply(kind="info", text=ui("lang_bad", self.lang))
        if wanted != self.lang and self.interview.dialog.question("language") is not None:
            self.interview.command("revise", "language")
            self.interview.answer(wanted)
        return Reply(
            kind="lang",
            text=ui("lang_switched", wanted),
            turn=Turn(accepted=True, question=self.interview.current_question()),
        )

    # --- live help while typing --------------------------------------------------------------

    def check(self, text: str) -> str | None:
        """What is wrong with ``text`` as an answer to the open question (None: fine or n/a).

        The same answer check the engine records with, so the hint never disagrees with the
        reply; a question back ("iets anders: wat dan?") shows as the hint too.
        """
        checked = self._live(text)
        return checked.problem or checked.follow_up if checked is not None else None

    def echo(self, text: str) -> str | None:
        """How ``text`` would be read back ("96 m³/jaar"), for the live hint; None if not read."""
        checked = self._live(text)
        return checked.echo if checked is not None and checked.ok else None

    def _live(self, text: str) -> Checked | None:
        """``text`` read against the open question by the session's own check (None: the line
        is a command or a glossary question, or nothing is asked)."""
        view = self.interview.current_question()
        if view is None or kind_of_line(text) != "answer" or not text.strip():
            return None
        question = self.interview.dialog.question(view.id)
        if question is None:
            return None
        return self.interview.check(question, view.stream, text)

    def code_suggestions(self, text: str) -> list[CodeSuggestion]:
        """Codes for what is being typed into a code question (the question's own otherwise)."""
        view = self.interview.current_question()
        if view is None or view.type != "code":
            return []
        question = self.interview.dialog.question(view.id)
        words = text.strip()
        if question is None or question.code is None or len(words) < 3 or words[0].isdigit():
            return view.suggestions
        found = self.interview.services.search_codes(
            question.code, words, self.lang, self.interview.facts.company.nace
        )
        return found[:5] or view.suggestions
