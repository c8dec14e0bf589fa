"""The start screen: a new interview (broker or self-assessment, NL or EN), the latest one a
key away, and the saved ones listed with delete behind a confirmation."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING, Protocol, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from isassist.session.i18n import progress_words, ui
from isassist.tui.localise import Key, relabel
from isassist.tui.screens.confirm import ConfirmScreen
from isassist.tui.widgets.footer import KeyFooter
from isassist.tui.widgets.search import matches

if TYPE_CHECKING:
    from isassist.session.saved import Store, Summary


class Opener(Protocol):
    """What the start screen asks of the app (isassist.tui.app.IsAssistApp), named here so the
    screen does not import the app that imports it."""

    def action_open_register(self) -> None: ...

    def open_interview(self, interview_id: str) -> Awaitable[None]: ...

    def new_interview(self, mode: str, lang: str) -> Awaitable[None]: ...


# n, s, r and m stand on the buttons, so the footer has room for F1, F5 and Ctrl+Q at 80 columns
KEYS = [
    Key("n", "new('broker')", "key_new", show=False),
    Key("s", "new('self')", "key_self", show=False),
    Key("r", "resume_latest", "key_resume", show=False),
    Key("m", "app.open_register", "key_register", show=False),
    Key("delete,d", "delete", "key_delete"),
    Key("l,f6", "switch_lang", "key_lang"),
    Key("f1", "app.help", "key_help"),
    Key("slash", "search", "key_search", show=False),
]


def when_text(summary: Summary) -> str:
    """When an interview last changed, in local time (one function, so snapshots can pin it)."""
    return summary.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")


class StartScreen(Screen[None]):
    AUTO_FOCUS = "#saved"

    def __init__(self, store: Store | None, lang: str, problem: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.problem = problem
        self._saved: list[Summary] = []  # as listed (filtered)
        self._all: list[Summary] = []
        self._opened = store is not None or problem is not None

    def use_store(self, store: Store | None, problem: str | None) -> None:
        """The store has opened in the background (or failed to: ``problem`` says why)."""
        self.store, self.problem, self._opened = store, problem, True
        if self.is_mounted and self.is_current:  # else listed when shown (on_screen_resume)
            self.redraw()

    @property
    def assistant(self) -> Opener:
        return cast(Opener, self.app)

    def compose(self) -> ComposeResult:
        with Vertical(id="start"):
            yield Static(id="start-title")
            yield Static(id="start-intro")
            with Horizontal(id="start-buttons"):
                yield Button("", id="new-broker", variant="primary")
                yield Button("", id="new-self", variant="success")
                yield Button("", id="resume")
                yield Button("", id="open-register")
            yield Input(id="saved-filter")
            yield OptionList(id="saved")
            yield Static(id="start-status")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.redraw()

    def on_screen_resume(self) -> None:
        self.redraw()

    def redraw(self) -> None:
        lang = self.lang
        relabel(self, KEYS, lang)
        self.query_one("#start-title", Static).update(Text(ui("start_title", lang), style="bold"))
        self.query_one("#start-intro", Static).update(Text(ui("start_intro", lang)))
        self.query_one("#new-broker", Button).label = f"n  {ui('new_broker', lang)}"
        self.query_one("#new-self", Button).label = f"s  {ui('new_self', lang)}"
        self.query_one("#resume", Button).label = f"r  {ui('resume_latest', lang)}"
        self.query_one("#open-register", Button).label = f"m  {ui('open_register', lang)}"
        self.query_one("#saved-filter", Input).placeholder = ui("search_saved", lang)
        self.query_one("#start-status", Static).update(
            Text(f"{ui('language', lang)}: {lang.upper()} (l)  {self.problem or ''}")
        )
        self._list()

    def _list(self) -> None:
        saved = self.query_one("#saved", OptionList)
        saved.border_title = ui("saved", self.lang)
        keep = saved.highlighted
        saved.clear_options()
        self._all = self._read_saved()
        wanted = self.query_one("#saved-filter", Input).value
        self._saved = [s for s in self._all if matches(wanted, s.company, s.title, s.id)]
        if not self._saved:
            empty = "no_saved" if self._opened else "store_loading"
            empty = "search_none" if self._all and wanted.strip() else empty
            saved.add_option(Option(Text(ui(empty, self.lang), style="dim"), disabled=True))
        for summary in self._saved:
            saved.add_option(Option(self._line(summary), id=summary.id))
        self.query_one("#resume", Button).disabled = not self._all
        if self._saved:
            saved.highlighted = min(keep or 0, len(self._saved) - 1)

    @on(Input.Changed, "#saved-filter")
    def _filtered(self) -> None:
        self._list()

    @on(Input.Submitted, "#saved-filter")
    def _to_list(self) -> None:
        self.query_one("#saved", OptionList).focus()

    def action_search(self) -> None:
        self.query_one("#saved-filter", Input).focus()

    def _read_saved(self) -> list[Summary]:
        if self.store is None:
            return []
        from isassist.session.saved import StoreError

        try:
            return self.store.list_interviews()
        except StoreError as error:
            self.problem = str(error)
            return []

    def _line(self, summary: Summary) -> Text:
        name = summary.company or summary.title or ui("untitled", self.lang)
        when = when_text(summary)
        mode = ui("new_self" if summary.mode == "self" else "new_broker", self.lang).split()[-1]
        line = Text(name, style="bold")
        line.append(f"  {when}  {summary.language.upper()}  {mode.strip('()')}  ")
        # the one progress measure, saved with the interview: the same pair the dossier panel
        # and `isassist interviews list` show
        counted = progress_words(summary.progress_done, summary.progress_total, self.lang)
        line.append(counted, style="dim")
        return line

    # --- actions -------------------------------------------------------------------------

    @on(Button.Pressed, "#new-broker")
    def _broker(self) -> None:
        self.action_new("broker")

    @on(Button.Pressed, "#new-self")
    def _self(self) -> None:
        self.action_new("self")

    @on(Button.Pressed, "#resume")
    def _resume(self) -> None:
        self.action_resume_latest()

    @on(Button.Pressed, "#open-register")
    def _register(self) -> None:
        self.assistant.action_open_register()

    @on(OptionList.OptionSelected, "#saved")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.app.run_worker(
                self.assistant.open_interview(event.option.id), group="open", exclusive=True
            )

    def action_new(self, mode: str) -> None:
        self.app.run_worker(
            self.assistant.new_interview(mode, self.lang), group="open", exclusive=True
        )

    def action_resume_latest(self) -> None:
        if self._all:
            self.app.run_worker(
                self.assistant.open_interview(self._all[0].id), group="open", exclusive=True
            )

    def action_switch_lang(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        self.redraw()

    def action_delete(self) -> None:
        saved = self.query_one("#saved", OptionList)
        index = saved.highlighted
        if self.store is None or index is None or not 0 <= index < len(self._saved):
            return
        summary = self._saved[index]
        name = summary.company or summary.title or summary.id
        store = self.store

        def confirmed(yes: bool | None) -> None:
            if yes:
                store.delete(summary.id)
                self.problem = ui("deleted", self.lang)
                self.redraw()

        self.app.push_screen(
            ConfirmScreen(ui("confirm_delete", self.lang, name=name), self.lang), confirmed
        )
