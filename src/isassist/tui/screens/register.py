"""The broker register: companies with haves and wants, a company's matches and network, the
opportunity pipeline and the register's impact totals.

The register and matching live in ``isassist.register``; opening it loads the knowledge base
and brings saved interviews into the register, so it happens in a thread worker and the screen
shows its frame at once. A company's matches and network are computed in a worker too: on a
large register the list stays responsive while they come. The search box filters companies
(name, sector, streams) and the matches shown. Everything a broker does here (open an
opportunity, move it with a note) is written to the register immediately.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from isassist.session.i18n import ui
from isassist.tui.localise import Key, relabel
from isassist.tui.widgets.footer import KeyFooter

if TYPE_CHECKING:
    from isassist.session.register import Match, NetworkView, Pipeline, Register

_SEARCH = {
    "nl": "Zoek bedrijf, stroom of match (filtert beide lijsten)",
    "en": "Search company, stream or match (filters both lists)",
}
_MATCHING = {"nl": "Matches zoeken…", "en": "Finding matches…"}

KEYS = [
    Key("escape", "leave", "key_start"),
    Key("ctrl+f", "focus_search", "key_search"),
    Key("f6", "switch_lang", "key_lang"),
    Key("f1", "help", "key_help"),
]


STILL_LOADING_S = 30
"""Seconds after which a register still loading says so (a first load takes a few)."""


class RegisterScreen(Screen[None]):
    """Browse the register and move opportunities through the pipeline."""

    AUTO_FOCUS = "#companies"
    DEFAULT_CSS = """
    #register-list { width: 2fr; }
    """

    def __init__(self, lang: str, url: str | None = None) -> None:
        super().__init__()
        self.lang = lang
        self.url = url
        self.register: Register | None = None
        self.pipeline: Pipeline | None = None
        self.company_ids: list[int] = []
        self.company_id: int | None = None
        self.matches: list[Match] = []
        self.opportunity_ids: list[int] = []
        self.found: list[Match] = []
        self.view: NetworkView | None = None
        self.query_text = ""

    def compose(self) -> ComposeResult:
        with Horizontal(id="register"):
            with Vertical(id="register-list"):
                yield Input(id="search")
                yield OptionList(id="companies")
            with Vertical(id="register-detail"):
                yield OptionList(id="matches")
                with VerticalScroll(id="network-box"):
                    yield Static(id="network")
                yield OptionList(id="pipeline")
                yield Input(id="move")
        yield Static(id="impact")
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        self.redraw()
        self.load()
        self.set_timer(STILL_LOADING_S, self._still_loading)

    def _still_loading(self) -> None:
        """Loading takes seconds; if it takes far longer, say so and what the user can do
        rather than show "loading" for ever (review4 R136)."""
        if self.register is None:
            text = ui("still_loading", self.lang, seconds=STILL_LOADING_S)
            self._fill("#companies", [Text(text, style="dim")], enabled=False)

    @work(thread=True, exclusive=True, group="register")
    def load(self) -> None:
        from isassist.session.register import Pipeline, RegisterError, open_register

        try:
            register = open_register(self.url, self.lang)
        except RegisterError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        from isassist.session.register import sync_interviews

        try:
            sync_interviews(register)  # saved interviews are in the register without import
        except RegisterError as error:
            self.app.call_from_thread(self.notify, str(error), severity="warning")
        self.register, self.pipeline = register, Pipeline(register)
        self.app.call_from_thread(self.redraw)

    # --- drawing ---------------------------------------------------------------------------

    def redraw(self) -> None:
        lang = self.lang
        relabel(self, KEYS, lang)
        self.title = ui("register_title", lang)
        self.query_one("#companies", OptionList).border_title = ui("register_companies", lang)
        self.query_one("#matches", OptionList).border_title = ui("register_matches", lang)
        self.query_one("#network-box").border_title = ui("register_network", lang)
        self.query_one("#pipeline", OptionList).border_title = ui("register_pipeline", lang)
        self.query_one("#move", Input).placeholder = ui("register_move", lang)
        self.query_one("#search", Input).placeholder = _SEARCH[lang]
        if self.register is None:
            self._fill("#companies", [Text(ui("loading", lang), style="dim")], enabled=False)
            return
        self._companies()
        self._detail()
        self._pipeline()
        self._impact()

    def _fill(self, selector: str, rows: list[Text], enabled: bool = True) -> None:
        options = self.query_one(selector, OptionList)
        keep = options.highlighted
        options.clear_options()
        options.add_options([Option(row, disabled=not enabled) for row in rows])
        if enabled and rows:
            options.highlighted = min(keep or 0, len(rows) - 1)

    def _companies(self) -> None:
        from isassist.session.register_view import company_line

        assert self.register is not None
        companies = self.register.companies()
        if not companies:
            self.company_ids = []
            self._fill("#companies", [Text(ui("register_empty", self.lang), style="dim")], False)
            return
        streams: dict[int, list[Any]] = {}
        for stream in self.register.streams():  # one query, not one per company
            streams.setdefault(stream.company_id, []).append(stream)
        lines = [(c.id, company_line(c, streams.get(c.id, []), self.lang)) for c in companies]
        wanted = self.query_text.casefold()
        shown = [(i, line) for i, line in lines if wanted in f"{line}".casefold()]
        self.company_ids = [i for i, _ in shown]
        self._fill("#companies", [Text(line) for _, line in shown])

    def _detail(self) -> None:
        network_text = self.query_one("#network", Static)
        if self.register is None or self.company_id is None:
            self.found, self.matches, self.view = [], [], None
            self._fill("#matches", [Text(ui("register_pick", self.lang), style="dim")], False)
            network_text.update("")
            return
        self._fill("#matches", [Text(_MATCHING[self.lang], style="dim")], False)
        self.match_company(self.company_id)

    @work(thread=True, exclusive=True, group="matching")
    def match_company(self, company_id: int) -> None:
        """A company's matches and network, off the interface thread."""
        from isassist.session.register import RegisterError, match_company, network

        if self.register is None:
            return
        try:
            found = match_company(self.register, company_id, top=5)
            view = network(self.register, company_id)
        except RegisterError as error:
            self.app.call_from_thread(self.notify, str(error), severity="error")
            return
        ranked = sorted((m for ms in found.values() for m in ms), key=lambda m: -m.score)
        self.app.call_from_thread(self._show_detail, company_id, ranked, view)

    def _show_detail(self, company_id: int, found: list[Match], view: NetworkView) -> None:
        if company_id != self.company_id:
            return  # the broker picked another company meanwhile
        self.found, self.view = found, view
        self._show_matches()

    def _show_matches(self) -> None:
        from isassist.session.register_view import match_line, network_lines

        if self.company_id is None:
            return
        wanted = self.query_text.casefold()
        lines = [(m, match_line(m, self.company_id, self.lang)) for m in self.found]
        shown = [(m, line) for m, line in lines if wanted in f"{line}".casefold()]
        self.matches = [m for m, _ in shown]
        if shown:
            self._fill("#matches", [Text(line) for _, line in shown])
        else:
            self._fill("#matches", [Text(ui("register_no_matches", self.lang), style="dim")], False)
        network_text = self.query_one("#network", Static)
        view = self.view
        network_text.update(Text("\n".join(network_lines(view, self.lang))) if view else "")

    def _pipeline(self) -> None:
        from isassist.session.register_view import opportunity_line

        assert self.register is not None and self.pipeline is not None
        names = {s.id: f"{s.name}" for s in self.register.streams()}
        opportunities = self.pipeline.opportunities()
        self.opportunity_ids = [o.id for o in opportunities]
        self._fill(
            "#pipeline", [Text(opportunity_line(o, names, self.lang)) for o in opportunities]
        )

    def _impact(self) -> None:
        from isassist.session.register_view import impact_line

        assert self.pipeline is not None
        totals: dict[str, Any] = self.pipeline.register_impact()
        self.query_one("#impact", Static).update(Text(impact_line(totals, self.lang)))

    # --- actions ---------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#companies")
    def _company(self, event: OptionList.OptionSelected) -> None:
        if 0 <= event.option_index < len(self.company_ids):
            self.company_id = self.company_ids[event.option_index]
            self._detail()
            self.query_one("#matches", OptionList).focus()

    @on(Input.Changed, "#search")
    def _search(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        if self.register is not None:
            self._companies()
            self._show_matches()

    @on(Input.Submitted, "#search")
    def _to_companies(self) -> None:
        self.query_one("#companies", OptionList).focus()

    @on(OptionList.OptionSelected, "#matches")
    def _open(self, event: OptionList.OptionSelected) -> None:
        if self.pipeline is None or not 0 <= event.option_index < len(self.matches):
            return
        opened = self.pipeline.open(self.matches[event.option_index])
        self._pipeline()
        self._impact()
        pipeline = self.query_one("#pipeline", OptionList)
        pipeline.highlighted = self.opportunity_ids.index(opened.id)
        self.notify(ui("register_opened", self.lang, id=opened.id))
        self.query_one("#move", Input).focus()

    @on(OptionList.OptionSelected, "#pipeline")
    def _to_move(self) -> None:
        self.query_one("#move", Input).focus()

    @on(Input.Submitted, "#move")
    def _move(self, event: Input.Submitted) -> None:
        """Move the highlighted opportunity; a wrong stage or move says what would be right."""
        from isassist.session.register import RegisterError
        from isassist.session.register_view import parse_move, stage_label

        index = self.query_one("#pipeline", OptionList).highlighted
        if self.pipeline is None or index is None or index >= len(self.opportunity_ids):
            self.notify(ui("register_no_opportunity", self.lang), severity="warning")
            return
        try:
            stage, note = parse_move(event.value, self.lang)
            moved = self.pipeline.move(self.opportunity_ids[index], stage, note)
        except (ValueError, RegisterError) as problem:
            self.notify(str(problem), severity="error")
            return
        event.input.value = ""
        self._pipeline()
        self._impact()
        label = stage_label(moved.stage, self.lang)
        self.notify(ui("register_moved", self.lang, id=moved.id, stage=label))

    def action_switch_lang(self) -> None:
        self.lang = "en" if self.lang == "nl" else "nl"
        self.redraw()

    def action_focus_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_help(self) -> None:
        """The register's keys, not the interview's (F1 here showed how to answer questions)."""
        from isassist.session.i18n import REGISTER_HELP
        from isassist.tui.screens.reading import ReadingScreen

        self.app.push_screen(
            ReadingScreen(ui("help_title", self.lang), REGISTER_HELP[self.lang], True, self.lang)
        )

    def action_leave(self) -> None:
        self.dismiss(None)
