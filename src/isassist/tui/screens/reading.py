"""Read-only screens: help (F1) and the answer to "why?".

The dossier summary (F3, /report) is the report preview in ``screens.report``: it saves files
too, so it has keys of its own.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown, Static

from isassist.session.i18n import ui
from isassist.tui.localise import Key, relabel
from isassist.tui.widgets.footer import KeyFooter


class ReadingScreen(ModalScreen[None]):
    """A scrollable page closed with Escape (or q)."""

    KEYS: ClassVar[list[Key]] = [Key("escape,q", "dismiss", "key_close")]

    def __init__(self, title: str, body: str, markdown: bool, lang: str) -> None:
        super().__init__(classes="reading")
        self.title_text = title
        self.body = body
        self.markdown = markdown
        self.lang = lang

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="page") as page:
            page.border_title = self.title_text
            page.border_subtitle = f"Esc: {ui('close', self.lang)}"
            if self.markdown:
                yield Markdown(self.body, id="page-body")
            else:
                yield Static(Text(self.body), id="page-body")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        relabel(self, self.KEYS, self.lang)

    def action_dismiss(self, result: None = None) -> None:  # type: ignore[override]
        self.dismiss(result)
