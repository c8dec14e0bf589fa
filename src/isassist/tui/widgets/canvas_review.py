"""The Business Model Canvas on one screen: nine drafted blocks, each taken, changed or
rejected, then sent as one answer.

The engine reads the review answer ("ok", or "kosten: transport 8 euro per ton; kanalen:
verwerp", isassist.interview.canvas_review); this widget only builds that line from the
broker's choices, so typing the same line in the chat works just as well. An edit stores the
words typed, never the "aanpassen:" that asked for it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, Literal

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widgets import DataTable, Input, Static

from isassist.session.chat import BLOCKS, block_label
from isassist.session.i18n import ui
from isassist.tui.localise import Key, relabel
from isassist.tui.messages import LineSubmitted

Choice = Literal["confirmed", "edited", "rejected"]
KEYS = [
    Key("o", "take", "canvas_take"),
    Key("e", "edit", "canvas_edit"),
    Key("v", "reject", "canvas_reject"),
    Key("s", "send", "canvas_send"),
]
_MARK = {"confirmed": "✓", "edited": "✎", "rejected": "✗"}


def review_line(choices: dict[str, tuple[Choice, str]], lang: str) -> str:
    """The answer line for the engine: "ok" when every block is taken, else one part per
    block that differs ("kosten: ...; kanalen: verwerp")."""
    parts = []
    for block, (choice, text) in choices.items():
        label = block_label(block, lang).lower()
        if choice == "rejected":
            parts.append(f"{label}: {'verwerp' if lang == 'nl' else 'reject'}")
        elif choice == "edited":
            parts.append(f"{label}: {' '.join(text.replace(';', ',').split())}")
    return "; ".join(parts) if parts else "ok"


class CanvasReview(Vertical):
    """Nine blocks with their drafts; keys take, edit or reject one, ``s`` sends all."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "leave_edit", show=False)]

    def __init__(self, lang: str, draft_of: Callable[[str], str | None]) -> None:
        super().__init__(id="canvas-review")
        self.lang = lang
        self.choices: dict[str, tuple[Choice, str]] = {}
        for block in BLOCKS:
            # a block without a draft cannot be taken over: it stays open until words are
            # typed for it or it is rejected
            self.choices[block] = ("confirmed", draft_of(block) or "")

    def compose(self) -> ComposeResult:
        yield Static(ui("canvas_review_title", self.lang), id="canvas-title")
        table: DataTable[Text] = DataTable(id="canvas-table", cursor_type="row", zebra_stripes=True)
        yield table
        # the highlighted block's draft in full, wrapped: at 80 columns the table cuts every
        # draft after some 30 characters, and a broker must not accept a text he cannot read
        yield Static(id="canvas-full")
        yield Input(placeholder=ui("canvas_edit_here", self.lang), id="canvas-edit")

    def on_mount(self) -> None:
        relabel(self, KEYS, self.lang)
        table: DataTable[Text] = self.query_one("#canvas-table", DataTable)
        table.add_columns(" ", ui("canvas_block", self.lang), ui("canvas_draft", self.lang))
        for block in BLOCKS:
            table.add_row(*self._cells(block), key=block)
        self.query_one("#canvas-edit", Input).display = False
        # the focus stays in the answer line: what the broker types there is the answer
        # ("ok", "inkomsten: ..."); the table's one-letter keys work only once it is chosen

    def _cells(self, block: str) -> tuple[Text, Text, Text]:
        choice, text = self.choices[block]
        shown = text or ui("canvas_no_draft", self.lang)
        style = "dim strike" if choice == "rejected" else ("dim" if not text else "")
        mark = _MARK[choice] if text or choice == "rejected" else "·"
        return Text(mark), Text(block_label(block, self.lang)), Text(shown, style=style)

    def _redraw(self, block: str) -> None:
        table: DataTable[Text] = self.query_one("#canvas-table", DataTable)
        for column, cell in zip(table.columns, self._cells(block), strict=True):
            table.update_cell(block, column, cell)
        self._show_full()

    def _show_full(self) -> None:
        mark, label, shown = self._cells(self._current())
        full = Text.assemble(mark, " ", (label.plain, "bold"), ": ", shown)
        self.query_one("#canvas-full", Static).update(full)

    @on(DataTable.RowHighlighted, "#canvas-table")
    def _highlighted(self) -> None:
        self._show_full()

    def _current(self) -> str:
        table: DataTable[Text] = self.query_one("#canvas-table", DataTable)
        return list(BLOCKS)[table.cursor_row]

    def action_take(self) -> None:
        block = self._current()
        choice, text = self.choices[block]
        if text:
            self.choices[block] = ("confirmed" if choice != "edited" else "edited", text)
            self._redraw(block)

    def action_reject(self) -> None:
        block = self._current()
        self.choices[block] = ("rejected", self.choices[block][1])
        self._redraw(block)

    def action_edit(self) -> None:
        edit = self.query_one("#canvas-edit", Input)
        edit.value = self.choices[self._current()][1]
        edit.display = True
        edit.focus()

    def action_leave_edit(self) -> None:
        edit = self.query_one("#canvas-edit", Input)
        edit.display = False
        self.query_one("#canvas-table", DataTable).focus()

    @on(Input.Submitted, "#canvas-edit")
    def _edited(self, event: Input.Submitted) -> None:
        event.stop()
        block = self._current()
        words = " ".join(event.value.split())
        if words:
            self.choices[block] = ("edited", words)
            self._redraw(block)
        self.action_leave_edit()

    def action_send(self) -> None:
        self.post_message(LineSubmitted(review_line(self.choices, self.lang)))
