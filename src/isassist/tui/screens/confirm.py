"""A yes/no question that must be answered before anything is deleted."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from isassist.session.i18n import ui


class ConfirmScreen(ModalScreen[bool]):
    """Dismisses with True only when the user chooses yes."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "answer(False)", "No", show=False, id="cancel"),
        Binding("y,j", "answer(True)", "Yes", show=False, id="confirm"),
        Binding("n", "answer(False)", "No", show=False, id="decline"),
    ]

    def __init__(self, question: str, lang: str) -> None:
        super().__init__()
        self.question = question
        self.lang = lang

    def compose(self) -> ComposeResult:
        with Grid(id="confirm"):
            yield Static(Text(self.question), id="confirm-question")
            yield Button(ui("yes", self.lang), variant="error", id="yes")
            yield Button(ui("no", self.lang), variant="primary", id="no")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
