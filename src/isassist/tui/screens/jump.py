"""Pick a stage of the interview to continue from (F4), with how far each one got."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import ModalScreen
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from isassist.session.i18n import ui
from isassist.session.progress import Stage


class JumpScreen(ModalScreen[str | None]):
    """Dismisses with a section id, or None on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Close", id="close", show=False)
    ]

    def __init__(self, stages: list[Stage], lang: str) -> None:
        super().__init__()
        self.stages = stages
        self.lang = lang

    def compose(self) -> ComposeResult:
        options = OptionList(
            *[
                Option(
                    Text(f"{'▶ ' if s.current else '  '}{s.label:<5}{s.title}  {s.done}/{s.total}"),
                    id=s.section,
                )
                for s in self.stages
            ],
            id="jump",
        )
        options.border_title = ui("jump_title", self.lang)
        yield options

    @on(OptionList.OptionSelected, "#jump")
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)
