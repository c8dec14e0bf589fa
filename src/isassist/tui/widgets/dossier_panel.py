"""The dossier as it grows: progress through the steps, counts, streams and conclusions.

Conclusions sit in an option list so each one can be clicked (or picked with Enter) to ask
"why?". The panel only renders what ``isassist.session`` computes from the dossier.
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from isassist.dossier import ConclusionView
from isassist.session.conversation import Conversation
from isassist.session.digest import counts_line, digest
from isassist.session.explain import conclusion_label
from isassist.session.i18n import progress_words, ui
from isassist.session.progress import Stage, by_label, overall, progress
from isassist.tui.messages import ConclusionPicked
from isassist.tui.widgets.search import matches


def progress_text(stages: list[Stage], lang: str) -> Text:
    """ "Voortgang 12/40" and one mark per stage: current ▶, finished ✓, started ·."""
    done, total = overall(stages)
    text = Text(f"{progress_words(done, total, lang)}\n", style="bold")
    for stage in by_label(stages):
        if stage.total == 0 and not stage.current:
            style = "dim"
        elif stage.current:
            style = "reverse bold"
        elif stage.finished:
            style = "green"
        else:
            style = ""
        mark = "✓" if stage.finished else ""
        text.append(f"{stage.label}{mark}", style=style)
        text.append(" ")
    return text


class DossierPanel(Vertical):
    """Right-hand panel of the interview screen."""

    def __init__(self, conversation: Conversation) -> None:
        super().__init__(id="dossier")
        self.conversation = conversation
        self._listed: list[ConclusionView] = []
        self._later: set[tuple[str, str | None]] = set()
        """Knowledge gaps ranked below the top few of their stream: found by searching."""

    def compose(self) -> ComposeResult:
        yield Static(id="progress")
        yield Static(id="counts")
        yield Static(id="streams")
        yield Input(id="find-conclusion")
        yield OptionList(id="conclusions")

    def on_mount(self) -> None:
        self.refresh_dossier()

    def refresh_dossier(self) -> None:
        """Redraw from the engine's current dossier (a few milliseconds)."""
        interview = self.conversation.interview
        lang = self.conversation.lang
        self.border_title = ui("dossier", lang)
        self.query_one("#progress", Static).update(progress_text(progress(interview), lang))
        dossier = interview.dossier()
        summary = digest(dossier, lang)
        self._later = {(g.rule_id, g.stream) for g in dossier.ranked_gaps if not g.top}
        self.query_one("#counts", Static).update(Text(counts_line(summary.counts, lang)))
        streams = Text(f"{ui('streams', lang)}: ", style="bold")
        streams.append("\n".join(summary.streams) or ui("no_streams_yet", lang), style="")
        self.query_one("#streams", Static).update(streams)
        self._list_conclusions(lang)

    def _list_conclusions(self, lang: str) -> None:
        kept = self.highlighted()
        search = self.query_one("#find-conclusion", Input)
        search.placeholder = ui("search_conclusions", lang)
        listed = [
            c
            for c in self.conversation.recent()
            if matches(search.value, conclusion_label(c, lang), c.text.get(lang, ""))
            # the gaps that matter by default (top few per stream); a search finds the rest
            and (search.value.strip() or (c.rule_id, c.stream_id or None) not in self._later)
        ]
        self._listed = listed
        options = self.query_one("#conclusions", OptionList)
        options.border_title = ui("conclusions", lang)
        options.clear_options()
        if not listed:
            options.add_option(Option(Text(ui("no_conclusions", lang), style="dim"), disabled=True))
            return
        options.add_options(
            [Option(Text(f"{i}. {conclusion_label(c, lang)}")) for i, c in enumerate(listed, 1)]
        )
        keys = [c.key for c in listed]
        options.highlighted = (
            keys.index(kept.key) if kept is not None and kept.key in keys else None
        )

    def highlighted(self) -> ConclusionView | None:
        """The conclusion highlighted in the list (F2 explains it), if the list has focus
        or was last used."""
        options = self.query_one("#conclusions", OptionList)
        index = options.highlighted
        if index is None or not 0 <= index < len(self._listed):
            return None
        return self._listed[index]

    @on(Input.Changed, "#find-conclusion")
    def _search(self) -> None:
        self._list_conclusions(self.conversation.lang)

    @on(OptionList.OptionSelected, "#conclusions")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self._listed):
            self.post_message(ConclusionPicked(self._listed[event.option_index]))
