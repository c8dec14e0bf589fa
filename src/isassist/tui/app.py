"""The Textual app and the ``make_app`` factory shared by the CLI and the tests.

Start-up is staged so the user never waits on a blank terminal. At import only Textual and the
light screens load; the start screen paints at once. A thread worker then loads the dialog and
the rules, then opens the store (SQLAlchemy), and afterwards warms the knowledge base and the
classifier so no answer pays a cold start. "New interview" shows question 1 straight from the
intake file and hands over to the engine when it is loaded, on the store if it is open or on
the store still opening; lines typed meanwhile are answered then. Every answer is written to
the store before the engine acts on it (waiting for the store if need be), so quitting at any
moment loses nothing typed.
"""

from __future__ import annotations

import asyncio
import importlib
import threading
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from textual.app import App, SystemCommand
from textual.command import CommandPalette
from textual.screen import Screen
from textual.worker import Worker

from isassist.session.i18n import HELP, ui
from isassist.session.opening import opening_question
from isassist.tui.commands import AssistantCommands
from isassist.tui.localise import Key, relabel
from isassist.tui.screens.opening import OpeningScreen
from isassist.tui.screens.start import StartScreen

if TYPE_CHECKING:
    from isassist.session.conversation import Conversation
    from isassist.session.resources import Resources
    from isassist.session.saved import OpeningStore, Store

THEMES = ("textual-dark", "textual-light")
# the app's own keys, labelled in the interface language (Textual's defaults are English)
APP_KEYS = [
    Key("f5", "toggle_theme", "key_theme"),
    Key("ctrl+q", "quit", "key_quit"),
    Key("ctrl+p", "command_palette", "key_palette", show=False, priority=True),
]


class IsAssistApp(App[None]):
    """isassist's interactive assistant."""

    CSS_PATH = "styles/app.tcss"
    TITLE = "isassist"
    COMMANDS = App.COMMANDS | {AssistantCommands}

    def __init__(self, store_url: str | None = None, lang: str = "nl") -> None:
        super().__init__()
        self.store_url = store_url
        self.store: Store | None = None
        self.lang = lang
        self.problem: str | None = None
        self.conversation: Conversation | None = None
        self._load: Worker[Resources] | None = None
        self._warm: Worker[None] | None = None
        self._loaded_resources: Resources | None = None
        self._opening = 0  # interviews being opened: their first paint goes before the warm-up
        self._store_opening: OpeningStore | None = None
        # opened when the interview being opened has been painted (or waits for the store):
        # opening the store meanwhile would slow that painting down (one GIL)
        self._store_gate = threading.Event()

    def on_mount(self) -> None:
        self.use_language(self.lang)
        self.theme = THEMES[0]
        self._ui_loop = asyncio.get_running_loop()
        self._engine_ready = self._ui_loop.create_future()
        self._store_settled = asyncio.Event()
        self.push_screen(StartScreen(None, self.lang))
        self.call_after_refresh(self._after_first_paint)

    def _after_first_paint(self) -> None:
        # question 1 being painted goes first; new_interview starts the load after it
        if not isinstance(self.screen, OpeningScreen):
            self._start_loading()

    # --- loading in the background -------------------------------------------------------

    def _start_loading(self) -> Worker[Resources]:
        if self._load is None:
            from isassist.session.saved import OpeningStore

            self._store_opening = OpeningStore()
            self._load = self.run_worker(self._load_all, thread=True, name="load", group="load")
        return self._load

    @property
    def store_opening(self) -> OpeningStore:
        """The store while it opens: a new interview may start on it (``_load_all``)."""
        self._start_loading()
        assert self._store_opening is not None
        return self._store_opening

    def _load_all(self) -> Resources:
        """The engine first (every interview, new or saved, needs it), then the store.

        A new interview starts as soon as the engine is loaded, on the store still opening
        (``OpeningStore``): it is saved when the store opens, and nothing typed is acted on
        before it is saved (``isassist.interview.persistence``). The start screen lists the
        saved interviews when the store is open.

        Nearly all it makes (modules, the knowledge base, the rules) lives as long as the
        process, so the garbage collector is paused meanwhile rather than scanning it all
        again every few thousand allocations."""
        from isassist.cachefile import collector_paused

        with collector_paused():
            from isassist.session.resources import learn_into, warm_up

            resources = warm_up()
            learn_into(resources)
            # what opening an interview imports, loaded here rather than on the painting thread
            for module in ("isassist.session.conversation", "isassist.tui.screens.interview"):
                importlib.import_module(module)
            self._post(self._loaded, resources)
            if self._opening:  # an interview is being opened: it is painted first
                self._store_gate.wait(timeout=10)
            self._open_store()
        return resources

    def _open_store(self) -> None:
        """Open the store (in the loading thread) and hand it to whoever waits: the writer
        of an interview already started, then the screens."""
        from isassist.session.saved import StoreError, open_store

        try:
            self.store = open_store(self.store_url)
        except StoreError as error:
            self.problem = ui("store_problem", self.lang, error=error)
            self.store_opening.failed(error)
        else:
            self.store_opening.opened(self.store)
        self._post(self._store_opened)

    def _post(self, callback: Callable[..., None], *args: object) -> None:
        """Run ``callback`` on the painting thread, without waiting for it: that thread may
        itself be waiting for the store this thread opens."""
        self._ui_loop.call_soon_threadsafe(callback, *args)

    def _store_opened(self) -> None:
        self._store_settled.set()
        for screen in self.screen_stack:
            if isinstance(screen, StartScreen):
                screen.use_store(self.store, self.problem)
        if self.store is None and self.problem and self.conversation is not None:
            self._unsaved_interview(self.problem)

    def _unsaved_interview(self, problem: str) -> None:
        """The interview started before the store opened cannot be saved: say why and go
        back to the start screen (which says it too), rather than take answers in vain."""
        from isassist.tui.screens.interview import InterviewScreen

        self.notify(problem, severity="error", timeout=20)
        while len(self.screen_stack) > 2 and isinstance(self.screen, InterviewScreen):
            self.pop_screen()
        self.conversation = None

    def _loaded(self, resources: Resources) -> None:
        self._loaded_resources = resources
        if not self._engine_ready.done():
            self._engine_ready.set_result(resources)
        self._warm_answers()

    def _warm_answers(self) -> None:
        """Warm the classifier, code searches, units and rules once, in a thread. It competes
        with painting for the GIL, so an interview being opened is painted first."""
        from isassist.session.resources import warm_answers

        resources = self._loaded_resources
        if self._warm is None and resources is not None and not self._opening:

            def warm() -> None:
                warm_answers(resources)
                # help and explanations (Markdown) open at once, yet cost the start nothing
                for module in (
                    "isassist.tui.screens.reading",
                    "isassist.tui.widgets.markdown_bubble",
                    "isassist.tui.widgets.canvas_review",
                ):
                    importlib.import_module(module)

            self._warm = self.run_worker(warm, thread=True, name="warm-answers", group="warm")

    async def painted(self) -> None:
        """Return once the screen has been drawn (loading competes with painting for the GIL)."""
        drawn = asyncio.get_running_loop().create_future()
        self.call_after_refresh(drawn.set_result, None)
        await drawn

    async def resources(self) -> Resources:
        """The loaded services, dialog and glossary (waiting for the load if needed); the
        store may still be opening (``opened_store``)."""
        self._start_loading()
        return await asyncio.shield(self._engine_ready)

    async def opened_store(self) -> Store | None:
        """The interview store once its opening has settled; None when it could not be
        opened (``problem`` says why)."""
        self._start_loading()
        self._store_gate.set()
        await self._store_settled.wait()
        return self.store

    # --- interviews ------------------------------------------------------------------------

    async def new_interview(self, mode: str, lang: str) -> None:
        """Ask question 1 at once; start the interview when the engine is loaded (on the store
        still opening, if it is: ``_load_all``)."""
        loaded = self._loaded_resources is not None
        opening = opening_question(mode, lang) if not loaded else None
        waiting = OpeningScreen(opening, lang) if opening is not None else None
        self._opening += 1
        try:
            if waiting is not None:
                await self.push_screen(waiting)
                await self.painted()
            res = await self.resources()
            from isassist.session.conversation import Conversation
            from isassist.session.saved import (
                StoreError,
                may_start_before_open,
                start_interview,
            )

            store: Store | OpeningStore | None = self.store
            if store is None:
                store = self.store_opening
                if self.store_opening.settled or not may_start_before_open():
                    store = await self.opened_store()
            if waiting is not None and self.screen is not waiting:
                return  # the user left question 1 meanwhile
            if store is None:  # no store to save in: said here and on the start screen
                if waiting is not None:
                    self.pop_screen()
                self.notify(self.problem or "", severity="error", timeout=20)
                return
            try:
                interview = start_interview(
                    store, res.services, mode=mode, language=lang, dialog=res.dialog
                )
            except StoreError as error:  # e.g. a self-assessment link that has its interview
                if waiting is not None and self.screen is waiting:
                    self.pop_screen()
                self.notify(str(error), severity="error")
                return
            self._open(Conversation(interview, res.glossary), waiting)
            await self.painted()
        finally:
            self._opening -= 1
            self._store_gate.set()
            self._warm_answers()

    async def open_interview(self, interview_id: str) -> None:
        res = await self.resources()
        store = await self.opened_store()
        if store is None:
            return
        from isassist.session.conversation import Conversation
        from isassist.session.saved import StoreError, resume_interview

        try:
            interview = resume_interview(store, interview_id, res.services, dialog=res.dialog)
        except StoreError as error:
            self.notify(str(error), severity="error")
            return
        self._open(Conversation(interview, res.glossary))

    def _open(self, conversation: Conversation, waiting: OpeningScreen | None = None) -> None:
        from isassist.tui.screens.interview import InterviewScreen

        self.conversation = conversation
        self.use_language(conversation.lang)
        screen = InterviewScreen(conversation)
        if waiting is None:
            self.push_screen(screen)
            return
        sent, typed = list(waiting.sent), waiting.typed

        def answer_queued() -> None:
            for line in sent:
                screen.run_line(line)
            if typed:
                screen.prefill(typed)

        self.switch_screen(screen)
        self.call_after_refresh(answer_queued)

    # --- one language at a time -----------------------------------------------------------

    def use_language(self, lang: str) -> None:
        """Speak ``lang`` in the app's own keys, footer and command palette from now on."""
        self.lang = "en" if lang == "en" else "nl"
        relabel(self, APP_KEYS, self.lang)

    def action_command_palette(self) -> None:
        """Textual's palette with its search prompt in the interface language."""
        if self.use_command_palette and not CommandPalette.is_open(self):  # type: ignore[arg-type]
            placeholder = ui("palette_search", self._screen_lang())
            self.push_screen(CommandPalette(placeholder=placeholder, id="--command-palette"))

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Textual's own palette commands, in the interface language.

        Textual's "Keys" panel lists its widgets' key help in English only, so it is left
        out: F1 (help) lists every key of isassist in the interface language.
        """
        lang = self._screen_lang()
        yield SystemCommand(
            ui("sys_theme", lang), ui("sys_theme_help", lang), self.action_change_theme
        )
        yield SystemCommand(ui("key_quit", lang), ui("sys_quit_help", lang), self.action_quit)
        if screen.maximized is not None:
            yield SystemCommand(
                ui("sys_minimize", lang), ui("sys_minimize_help", lang), screen.action_minimize
            )
        elif screen.focused is not None and screen.focused.allow_maximize:
            yield SystemCommand(
                ui("sys_maximize", lang), ui("sys_maximize_help", lang), screen.action_maximize
            )
        yield SystemCommand(
            ui("sys_screenshot", lang),
            ui("sys_screenshot_help", lang),
            lambda: self.set_timer(0.1, self.deliver_screenshot),
        )

    def _screen_lang(self) -> str:
        """The language of the screen on top (an interview's own), else the app's."""
        for screen in reversed(self.screen_stack):
            lang = getattr(screen, "lang", None)
            if lang in ("nl", "en"):
                return str(lang)
        return self.lang

    # --- app-wide actions ------------------------------------------------------------------

    def action_toggle_theme(self) -> None:
        self.theme = THEMES[1] if self.theme == THEMES[0] else THEMES[0]

    def action_open_register(self) -> None:
        from isassist.session.scope import may_use_register, refuse_register
        from isassist.tui.screens.register import RegisterScreen

        # the language of the screen it is opened from
        lang = str(getattr(self.screen, "lang", self.lang))
        if not may_use_register():  # the door refuses too; this only spares an empty screen
            self.notify(str(refuse_register(lang)), severity="error")
            return
        self.push_screen(RegisterScreen(lang, self.store_url))

    def action_help(self) -> None:
        from isassist.tui.screens.reading import ReadingScreen

        lang = self.conversation.lang if self.conversation else self.lang
        self.push_screen(ReadingScreen(ui("help_title", lang), HELP[lang], True, lang))


def make_app(
    store_url: str | None = None, lang: str = "nl", interview_id: str | None = None
) -> IsAssistApp:
    """The app on the default (or given) interview store; a store problem shows, not crashes."""
    app = IsAssistApp(store_url, lang="en" if lang == "en" else "nl")
    if interview_id is not None:
        app.call_later(app.run_worker, app.open_interview(interview_id))
    return app
