"""The Textual app and the ``make_app`` factory shared by the CLI and the tests.

The app paints its start screen at once and loads the knowledge base, dialog and rules in a
background thread meanwhile; opening an interview waits for that load only if the user is
faster than it. Interviews are written to the store event by event, so quitting at any
moment loses nothing.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import App
from textual.binding import Binding, BindingType
from textual.worker import Worker

from isassist.assistant.conversation import Conversation
from isassist.assistant.i18n import HELP, ui
from isassist.assistant.resources import Resources, warm_up
from isassist.interview.persistence import resume, start_saved
from isassist.store import Store, StoreError
from isassist.tui.commands import AssistantCommands
from isassist.tui.screens.interview import InterviewScreen
from isassist.tui.screens.reading import ReadingScreen
from isassist.tui.screens.start import StartScreen

THEMES = ("textual-dark", "textual-light")


class IsAssistApp(App[None]):
    """isassist's interactive assistant."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "isassist"
    COMMANDS = App.COMMANDS | {AssistantCommands}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "toggle_theme", "Light/dark", id="theme", tooltip="Light or dark theme"),
        Binding("ctrl+q", "quit", "Quit", id="quit", tooltip="Quit; everything is saved"),
    ]

    def __init__(self, store: Store | None, lang: str = "nl", problem: str | None = None) -> None:
        super().__init__()
        self.store = store
        self.lang = lang
        self.problem = problem
        self.conversation: Conversation | None = None
        self._warm: Worker[Resources] | None = None

    def on_mount(self) -> None:
        self.theme = THEMES[0]
        self._warm = self.run_worker(warm_up, thread=True, name="warm-up", group="warm-up")
        self.push_screen(StartScreen(self.store, self.lang, self.problem))

    async def resources(self) -> Resources:
        """The loaded services, dialog and glossary (waiting for the warm-up if needed)."""
        if self._warm is None:
            self._warm = self.run_worker(warm_up, thread=True, name="warm-up", group="warm-up")
        return await self._warm.wait()

    async def new_interview(self, mode: str, lang: str) -> None:
        res = await self.resources()
        if self.store is None:
            return
        interview = start_saved(
            self.store, res.services, mode=mode, language=lang, dialog=res.dialog
        )
        self._open(Conversation(interview, res.glossary))

    async def open_interview(self, interview_id: str) -> None:
        res = await self.resources()
        if self.store is None:
            return
        try:
            interview = resume(self.store, interview_id, res.services, dialog=res.dialog)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self._open(Conversation(interview, res.glossary))

    def _open(self, conversation: Conversation) -> None:
        self.conversation = conversation
        self.lang = conversation.lang
        self.push_screen(InterviewScreen(conversation))

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_help(self) -> None:
        lang = self.conversation.lang if self.conversation else self.lang
        self.push_screen(ReadingScreen(ui("help_title", lang), HELP[lang], True, lang))


def make_app(
    store_url: str | None = None, lang: str = "nl", interview_id: str | None = None
) -> IsAssistApp:
    """The app on the default (or given) interview store; a store problem shows, not crashes."""
    store: Store | None
    problem: str | None = None
    try:
        store = Store(store_url)
    except StoreError as error:
        store, problem = None, ui("store_problem", lang, error=error)
    app = IsAssistApp(store, lang="en" if lang == "en" else "nl", problem=problem)
    if interview_id is not None:
        app.call_later(app.run_worker, app.open_interview(interview_id))
    return app
