"""Question 1 while the interview engine loads: the same chat layout, nothing heavy imported.

The user can read the question and type the answer at once. A line sent before the engine is
ready is kept and answered as soon as the interview screen takes over, so nothing typed is
lost and nobody waits on a blank screen.
"""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from isassist.session.i18n import ui
from isassist.session.opening import Opening
from isassist.tui.widgets.bubble import Bubble
from isassist.tui.widgets.footer import KeyFooter


class OpeningScreen(Screen[None]):
    """The first question of a new interview, shown before the engine has loaded."""

    AUTO_FOCUS = "#line"
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave", show=False)]

    def __init__(self, opening: Opening, lang: str) -> None:
        super().__init__()
        self.opening = opening
        self.lang = lang
        self.sent: list[str] = []

    def compose(self) -> ComposeResult:
        lines = [self.opening.text]
        lines += [f"  {i}) {label}" for i, label in enumerate(self.opening.options, 1)]
        with Horizontal(id="main"):
            with Vertical(id="talk"):
                with VerticalScroll(id="chat"):
                    yield Bubble("\n".join(lines), "question")
                    if self.opening.help:
                        yield Bubble(self.opening.help, "assistant")
                with Vertical(id="answer"):
                    yield Static(ui("loading_answer_now", self.lang), id="hint")
                    yield Input(placeholder=ui("type_here", self.lang), id="line")
            yield Vertical(id="dossier")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.title = ui("app_title", self.lang)
        self.query_one("#dossier").border_title = ui("dossier", self.lang)

    def action_leave(self) -> None:
        """Back to the start screen; no interview is created."""
        self.dismiss(None)

    @property
    def typed(self) -> str:
        """What is in the line but not sent yet (the interview screen keeps it)."""
        return self.query_one("#line", Input).value

    @on(Input.Submitted, "#line")
    def _submitted(self, event: Input.Submitted) -> None:
        if event.value.strip():
            self.sent.append(event.value)
            self.mount_bubble(event.value)
            event.input.value = ""

    def mount_bubble(self, text: str) -> None:
        self.query_one("#chat", VerticalScroll).mount(Bubble(text, "user"))
