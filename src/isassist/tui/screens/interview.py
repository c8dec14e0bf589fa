"""The interview: conversation on the left, the growing dossier on the right.

Every line goes to ``Conversation.handle`` and the reply is rendered: bubbles for what was
said, the answer bar refitted to the next question, the panel redrawn. Engine calls take a
few milliseconds, so they run inline and the dossier is current when the next key arrives.
"""

from __future__ import annotations

from pathlib import Path

from textual import events, on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from isassist.dossier import ConclusionView, QuestionView, Turn
from isassist.session.chat import REVIEW_TYPE, PastTurn, say
from isassist.session.conversation import Conversation, Reply
from isassist.session.i18n import HELP, ui
from isassist.session.progress import progress
from isassist.tui.localise import Key, relabel
from isassist.tui.messages import AnswerPicked, ConclusionPicked, LineSubmitted
from isassist.tui.screens.jump import JumpScreen
from isassist.tui.widgets.answer_bar import AnswerBar
from isassist.tui.widgets.bubble import AnswerBubble, Bubble, ConclusionBubble
from isassist.tui.widgets.dossier_panel import DossierPanel
from isassist.tui.widgets.footer import KeyFooter

KEYS = [
    Key("f1", "help", "key_help"),
    Key("f2", "why", "key_why"),
    Key("f3", "report", "key_report"),
    Key("f4", "jump", "key_jump"),
    # F7/F8 are listed in the help, not the footer: at 80 columns the footer then keeps F5,
    # F6 and Ctrl+Q visible (back and skip are also /back, /skip and in the palette)
    Key("f7", "back", "key_back", show=False),
    Key("f8", "skip", "key_skip", show=False),
    Key("f6", "switch_lang", "key_lang"),
    Key("f9", "toggle_dossier", "key_dossier_panel"),
    Key("alt+left", "dossier_wider", "key_wider", show=False),
    Key("alt+right", "dossier_narrower", "key_narrower", show=False),
    Key("escape", "leave", "key_start", show=False),
]


# dossier panel width in columns; the chat always keeps CHAT_MIN
PANEL_MIN, PANEL_MAX, PANEL_STEP, CHAT_MIN = 24, 44, 4, 40


class InterviewScreen(Screen[None]):
    """One open interview."""

    AUTO_FOCUS = "#line"

    def __init__(self, conversation: Conversation) -> None:
        super().__init__()
        self.conversation = conversation
        self._asked: tuple[str, str | None] | None = None
        self._panel_width: int | None = None  # set when the user resized the panel

    @property
    def lang(self) -> str:
        return self.conversation.lang

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            with Vertical(id="talk"):
                yield VerticalScroll(id="chat")
                yield AnswerBar(self.conversation)
            yield DossierPanel(self.conversation)
        yield KeyFooter(compact=True)

    def _use_language(self) -> None:
        use = getattr(self.app, "use_language", None)
        if use is not None:
            use(self.lang)

    def on_mount(self) -> None:
        self._use_language()
        relabel(self, KEYS, self.lang)
        self.query_one("#chat", VerticalScroll).anchor()
        self.title = ui("app_title", self.lang)
        self._fit_panel(self.size.width)
        self._say_again(self.conversation.interview.transcript())
        self._ask(self.conversation.interview.current_question(), force=True)

    def _say_again(self, past: list[PastTurn]) -> None:
        """A resumed interview shows what was said before, from the event log."""
        if not past:
            return
        lang = self.lang
        bubbles: list[Widget] = [Bubble(ui("resumed", lang, n=len(past)), "ack")]
        for turn in past:
            if turn.kind == "answer" and turn.question_id is not None:
                bubbles.append(Bubble(turn.question_text, "question"))
                shown = turn.answer_text or ui("unknown_word", lang)
                bubbles.append(self._answer_bubble(shown, (turn.question_id, turn.stream)))
            elif turn.kind == "skip":
                bubbles.append(Bubble(turn.question_text, "question"))
                bubbles.append(Bubble(say("skipped", lang), "ack"))
            elif turn.kind == "note":
                bubbles.append(Bubble(f"/note {turn.answer_text}", "user"))
            elif turn.kind in ("stream_added", "stream_removed", "stream_renamed"):
                bubbles.append(Bubble(ui(f"past_{turn.kind}", lang, name=turn.answer_text), "ack"))
        bubbles.append(Bubble(ui("resumed_here", lang), "ack"))
        self._say(*bubbles)

    def _answer_bubble(self, text: str, slot: tuple[str, str | None]) -> AnswerBubble:
        return AnswerBubble(text, slot[0], slot[1], ui("change_answer_hint", self.lang))

    # --- the dossier panel: hidden, wider, narrower ------------------------------------------

    def on_resize(self, event: events.Resize) -> None:
        if self._panel_width is None:
            self._fit_panel(event.size.width)

    def _fit_panel(self, columns: int) -> None:
        """The panel takes about a third, between 24 and 44 columns; at 80 the chat keeps 56."""
        width = self._panel_width or max(PANEL_MIN, min(PANEL_MAX, columns * 3 // 10))
        self.query_one(DossierPanel).styles.width = width

    def action_toggle_dossier(self) -> None:
        panel = self.query_one(DossierPanel)
        panel.display = not panel.display

    def action_dossier_wider(self) -> None:
        self._resize_panel(+PANEL_STEP)

    def action_dossier_narrower(self) -> None:
        self._resize_panel(-PANEL_STEP)

    def _resize_panel(self, step: int) -> None:
        panel = self.query_one(DossierPanel)
        panel.display = True
        current = panel.outer_size.width or PANEL_MIN
        most = max(PANEL_MIN, self.size.width - CHAT_MIN)
        self._panel_width = max(PANEL_MIN, min(most, current + step))
        panel.styles.width = self._panel_width

    # --- rendering -----------------------------------------------------------------------

    def _say(self, *bubbles: Widget) -> None:
        self.query_one("#chat", VerticalScroll).mount_all(bubbles)

    def _ask(self, view: QuestionView | None, force: bool = False) -> None:
        slot = view.slot if view is not None else None
        if view is not None and (force or slot != self._asked):
            self._say(self._question(view))
            if view.help:
                # the Markdown parser is imported on the first help text, not with the screen
                # (the warm-up imports it after an opened interview is painted)
                from isassist.tui.widgets.markdown_bubble import MarkdownBubble

                self._say(MarkdownBubble(view.help))
        self._asked = slot
        self._review(view)
        self.query_one(AnswerBar).show_question(view)

    def _review(self, view: QuestionView | None) -> None:
        """The canvas review question gets its one-screen table; any other removes it."""
        for old in self.query("CanvasReview"):  # by name: the widget is imported when needed
            if old.has_focus_within:
                self.query_one("#line", Input).focus()  # the answer line gets the keys back
            old.remove()
        if view is None or view.type != REVIEW_TYPE or view.stream is None:
            return
        from isassist.tui.widgets.canvas_review import CanvasReview

        interview, stream = self.conversation.interview, view.stream
        review = CanvasReview(self.lang, lambda block: interview.canvas_draft(block, stream))
        self.query_one("#talk", Vertical).mount(review, before=self.query_one(AnswerBar))

    @staticmethod
    def _question(view: QuestionView) -> Bubble:
        return Bubble("\n".join([view.text, *view.context]), "question")

    def _render_turn(
        self, turn: Turn, announced: list[ConclusionView], withdrawn: list[str]
    ) -> None:
        lang = self.lang
        bubbles: list[Widget] = []
        if turn.acknowledgement:
            bubbles.append(Bubble(turn.acknowledgement, "ack"))
        if turn.problem:
            example = f"\n{say('example', lang, example=turn.example)}" if turn.example else ""
            bubbles.append(Bubble(turn.problem + example, "problem"))
        bubbles += [Bubble(line, "assistant") for line in turn.said]
        bubbles += [self._conclusion(c) for c in announced]
        bubbles += [Bubble(line, "withdrawn") for line in withdrawn]
        self._say(*bubbles)
        self._ask(turn.question, force=not turn.accepted and turn.problem is None)

    def _conclusion(self, conclusion: ConclusionView) -> Bubble:
        lang = self.lang
        title = conclusion.title.get(lang) or conclusion.text.get(lang, "")[:60]
        return ConclusionBubble(conclusion.text.get(lang, ""), f"{title} (F2)", conclusion)

    def show_reply(self, reply: Reply) -> None:
        """Render one reply of the conversation."""
        if reply.kind == "turn" and reply.turn is not None:
            self._render_turn(reply.turn, reply.announced, reply.withdrawn)
        elif reply.kind == "glossary":
            self._say(Bubble(reply.text, "glossary", title=reply.title))
        elif reply.kind == "why":
            from isassist.tui.screens.reading import ReadingScreen  # Markdown: not at start-up

            self.app.push_screen(ReadingScreen(reply.title, reply.text, False, self.lang))
        elif reply.kind == "report":
            self.action_report()
        elif reply.kind == "help":
            self.action_help()
        elif reply.kind == "lang":
            self._say(Bubble(reply.text, "assistant"))
            self._use_language()
            relabel(self, KEYS, self.lang)
            self.title = ui("app_title", self.lang)
            view = reply.turn.question if reply.turn else None
            self._ask(view, force=True)
        else:
            self._say(Bubble(reply.text, "assistant"))
        if reply.notice:
            self._say(Bubble(reply.notice, "assistant"))
        self.query_one(DossierPanel).refresh_dossier()

    # --- input ---------------------------------------------------------------------------

    def run_line(self, text: str) -> Reply:
        """Send one line as if typed (the palette and tests use this too)."""
        asked = self._asked
        reply = self.conversation.handle(text)
        answered = (
            reply.kind == "turn"
            and reply.turn is not None
            and reply.turn.accepted
            and not text.lstrip().startswith("/")
            and asked is not None
        )
        if answered and asked is not None:
            self._say(self._answer_bubble(text, asked))
        else:
            self._say(Bubble(text, "user"))
        self.show_reply(reply)
        return reply

    def prefill(self, text: str) -> None:
        """Put ``text`` in the line for the user to finish (a /note needs its words)."""
        line = self.query_one("#line", Input)
        line.value = text
        line.cursor_position = len(text)
        line.focus()

    @on(LineSubmitted)
    def _line(self, message: LineSubmitted) -> None:
        self.run_line(message.text)

    @on(ConclusionPicked)
    def _why(self, message: ConclusionPicked) -> None:
        self.show_reply(self.conversation.why(conclusion=message.conclusion))

    @on(AnswerPicked)
    def _change(self, message: AnswerPicked) -> None:
        """Ask an earlier question again: the answer typed next replaces the old one."""
        where = f"{message.question} {message.stream or ''}".strip()
        self.show_reply(self.conversation.command("revise", where))
        self.query_one("#line", Input).focus()

    # --- actions (keys and palette) --------------------------------------------------------

    def action_help(self) -> None:
        from isassist.tui.screens.reading import ReadingScreen

        self.app.push_screen(
            ReadingScreen(ui("help_title", self.lang), HELP[self.lang], True, self.lang)
        )

    def action_why(self) -> None:
        """Explain the selected conclusion: the one focused in the chat or highlighted in the
        panel; the newest when none is selected."""
        selected = self.selected_conclusion()
        self.show_reply(self.conversation.why(conclusion=selected))

    def selected_conclusion(self) -> ConclusionView | None:
        focused = self.focused
        if isinstance(focused, ConclusionBubble):
            return focused.conclusion
        return self.query_one(DossierPanel).highlighted()

    def action_report(self) -> None:
        # imported here: the reports package is not needed until the summary first opens
        from isassist.tui.screens.report import ReportScreen

        def written(paths: list[Path] | None) -> None:
            said = [ui("export_written", self.lang, path=path) for path in paths or []]
            self._say(*(Bubble(line, "assistant") for line in said))

        dossier = self.conversation.interview.dossier()
        self.app.push_screen(ReportScreen(dossier, self.lang), written)

    def action_jump(self) -> None:
        stages = progress(self.conversation.interview)

        def chosen(section: str | None) -> None:
            if section:
                self.show_reply(self.conversation.command("jump", section))

        self.app.push_screen(JumpScreen(stages, self.lang), chosen)

    def action_back(self) -> None:
        self.run_line("/back")

    def action_skip(self) -> None:
        self.run_line("/skip")

    def action_switch_lang(self) -> None:
        self.run_line("/lang")

    def action_leave(self) -> None:
        self.dismiss(None)
