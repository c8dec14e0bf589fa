"""One input that fits the open question: a typed line with a live check, plus a pick list.

Choices, yes/no/unknown, scores and code suggestions are picked with arrows/Enter or a
click; the typed line always works too (commands, glossary questions, free answers). Checks
and code look-ups run 150 ms after the last key press so typing never stutters.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.timer import Timer
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from isassist.dossier import QuestionView
from isassist.session.conversation import Conversation
from isassist.session.i18n import ui
from isassist.tui.messages import LineSubmitted

DEBOUNCE_S = 0.15


def pick_list(view: QuestionView | None, lang: str) -> list[tuple[str, str]]:
    """(shown label, text sent) for each pickable answer of ``view``."""
    if view is None:
        return []
    if view.type in ("choice", "multi"):
        return [(f"{i}) {label}", label) for i, label in enumerate(view.options, 1)]
    if view.type == "yesno":
        return [(ui(k, lang), ui(k, lang)) for k in ("yes_word", "no_word", "unknown_word")]
    if view.type == "score":
        return [(str(n), str(n)) for n in range(1, 6)] + [(ui("unknown_word", lang), "?")]
    if view.type == "code":
        return [(f"{s.code}  {s.label}", s.code) for s in view.suggestions]
    if view.type == "canvas":
        return [("ok", "ok"), ("verwerp" if lang == "nl" else "reject",) * 2]
    return []


class AnswerBar(Vertical):
    """The pick list (when the question has one), the live check and the line."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "to_picks", "Choices", show=False, id="to_picks"),
    ]

    def __init__(self, conversation: Conversation) -> None:
        super().__init__(id="answer")
        self.conversation = conversation
        self._timer: Timer | None = None
        self._view: QuestionView | None = None
        self._sent: list[str] = []

    def compose(self) -> ComposeResult:
        yield OptionList(id="picks")
        yield Static("", id="hint")
        yield Input(placeholder=ui("type_here", self.conversation.lang), id="line")

    def show_question(self, view: QuestionView | None) -> None:
        """Fit the bar to ``view``: its pick list, an empty line, no stale hint."""
        self._view = view
        if self._timer is not None:
            self._timer.stop()  # a check of the previous line must not touch this question
        self._fill(pick_list(view, self.conversation.lang))
        line = self.query_one("#line", Input)
        line.placeholder = ui("type_here", self.conversation.lang)
        line.value = ""
        self.query_one("#hint", Static).update("")

    def _fill(self, picks: list[tuple[str, str]]) -> None:
        options = self.query_one("#picks", OptionList)
        shown = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        if shown == [label for label, _ in picks] and self._sent == [sent for _, sent in picks]:
            return  # unchanged: keep the user's highlight
        options.clear_options()
        self._sent = [sent for _, sent in picks]
        options.add_options([Option(Text(shown)) for shown, _ in picks])
        options.display = bool(picks)
        if picks:
            options.highlighted = None

    def action_to_picks(self) -> None:
        """Arrow down from the line into the pick list (arrow keys and Enter pick)."""
        picks = self.query_one("#picks", OptionList)
        if picks.display and picks.option_count:
            picks.focus()
            picks.highlighted = 0

    @on(Input.Submitted, "#line")
    def _submitted(self, event: Input.Submitted) -> None:
        text = event.value
        if text.strip():
            event.input.value = ""
            self.post_message(LineSubmitted(text))

    @on(OptionList.OptionSelected, "#picks")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        sent = self._sent[event.option_index]
        if self._view is not None and self._view.type == "multi":
            line = self.query_one("#line", Input)
            parts = [p.strip() for p in line.value.split(",") if p.strip()]
            line.value = ", ".join([*parts, sent]) if sent not in parts else line.value
            line.focus()
            return
        self.query_one("#line", Input).focus()
        self.post_message(LineSubmitted(sent))

    @on(Input.Changed, "#line")
    def _changed(self, event: Input.Changed) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE_S, self.refresh_live)

    def refresh_live(self) -> None:
        """Re-check the typed line and, for a code question, re-suggest codes."""
        text = self.query_one("#line", Input).value
        lang = self.conversation.lang
        hint = self.query_one("#hint", Static)
        problem = self.conversation.check(text) if text.strip() else None
        if problem:
            hint.update(Text("✗ " + problem, style="bold"))
            hint.set_class(True, "-problem")
        else:
            echo = self.conversation.echo(text) if text.strip() else None
            fine = ui("reads_as", lang, echo=echo) if echo else ui("looks_fine", lang)
            hint.update(Text("✓ " + fine) if text.strip() else "")
            hint.set_class(False, "-problem")
        if self._view is not None and self._view.type == "code":
            found = self.conversation.code_suggestions(text)
            self._fill([(f"{s.code}  {s.label}", s.code) for s in found])
