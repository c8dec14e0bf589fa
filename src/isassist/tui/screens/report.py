"""The dossier summary (F3, /report): the report itself, previewed, and saved from there.

The preview is the Markdown report the reports package writes, so what the broker reads here
is what the file will say. A short summary (company, counts, streams) shows the moment the
key is pressed; the full report is written in a thread worker and filled in when ready, with a
loading line meanwhile, so the interface never freezes (the anonymised toggle and every export
run the same way). ``A`` shows it anonymised, as a partner would receive it, before
anything is sent; the export keys save the version on screen (plain or anonymised). The paths
written go back to the chat when the screen closes, so the interview keeps a trace of them.
This module is imported only when the summary opens: the reports package stays out of the
start-up path.
"""

from __future__ import annotations

from pathlib import Path

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import LoadingIndicator, Markdown, Static
from textual.worker import Worker, WorkerState

from isassist.dossier import Dossier
from isassist.session.digest import summary_markdown
from isassist.session.export import ExportError, export_dir, export_report
from isassist.session.i18n import ui
from isassist.tui.localise import Key, relabel
from isassist.tui.widgets.footer import KeyFooter

KEYS = [
    Key("escape,q", "close", "key_close"),
    Key("a", "anonymise", "key_anonymise"),
    Key("h", "export('html')", "key_export_html"),
    Key("m", "export('md')", "key_export_md"),
    Key("x", "export('xlsx')", "key_export_xlsx"),
    Key("j", "export('json')", "key_export_json"),
]
# palette entries of this screen: (action, label key)
PALETTE: list[tuple[str, str]] = [
    ("anonymise", "cmd_anonymise"),
    ("export('html')", "cmd_export_html"),
    ("export('md')", "cmd_export_md"),
    ("export('xlsx')", "cmd_export_xlsx"),
    ("export('json')", "cmd_export_json"),
]


def preview(dossier: Dossier, lang: str, anonymise: bool) -> str:
    """The Markdown report of ``dossier`` as it would be exported."""
    from isassist.session.export import markdown_preview

    return markdown_preview(dossier, lang, anonymise)


class ReportScreen(ModalScreen[list[Path]]):
    """The report preview; dismissed with the files written while it was open."""

    AUTO_FOCUS = "#report-body"

    def __init__(self, dossier: Dossier, lang: str) -> None:
        super().__init__(classes="reading")
        self.dossier = dossier
        self.lang = lang
        self.anonymised = False
        self.written: list[Path] = []
        self.writing = True
        """True while the full report is being written (the summary is on screen).

        Not Textual's ``loading``: that would cover the whole screen, summary included."""

    @property
    def body(self) -> str:
        """The Markdown on screen (tests and the palette read it)."""
        return self.query_one("#report-text", Markdown).source

    def compose(self) -> ComposeResult:
        with Vertical(id="report"):
            with VerticalScroll(id="report-body"):
                yield Markdown(summary_markdown(self.dossier, self.lang), id="report-text")
            yield LoadingIndicator(id="report-loading")
            hint = ui("preview_keys", self.lang, folder=export_dir())
            yield Static(hint, id="export-status", markup=False)
        yield KeyFooter(compact=True)

    def on_mount(self) -> None:
        relabel(self, KEYS, self.lang)
        self._retitle()
        # the summary paints first; the worker would compete with that paint for the GIL
        self.call_after_refresh(self._write_preview)

    def _write_preview(self) -> None:
        """Write the full report off the UI thread; the newest request wins."""
        self.writing = True
        self.query_one("#report-loading", LoadingIndicator).display = True
        anonymised = self.anonymised
        self.run_worker(
            lambda: (anonymised, preview(self.dossier, self.lang, anonymised)),
            thread=True,
            exclusive=True,
            group="preview",
            name="preview",
        )

    async def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR:
            self._done_loading()
            self._status(str(worker.error), problem=True)
            return
        if event.state != WorkerState.SUCCESS:
            return
        result = worker.result
        if worker.name == "preview" and isinstance(result, tuple):
            anonymised, text = result
            if anonymised != self.anonymised:
                return  # toggled again meanwhile: a newer preview is on its way
            await self.query_one("#report-text", Markdown).update(text)
            self._done_loading()
        elif worker.name == "export" and isinstance(result, Path | ExportError):
            outcome = result
            if isinstance(outcome, ExportError):
                self._status(str(outcome), problem=True)
                self.notify(str(outcome), severity="error", timeout=10)
                return
            self.written.append(outcome)
            if self.app.is_web:  # in the browser (isassist serve): the file goes to the user
                self.app.deliver_binary(outcome, save_filename=outcome.name)
            said = ui("export_written", self.lang, path=outcome)
            self._status(said, problem=False)
            self.notify(said, timeout=6)

    def _done_loading(self) -> None:
        self.writing = False
        self.query_one("#report-loading", LoadingIndicator).display = False

    def _retitle(self) -> None:
        key = "preview_anonymous" if self.anonymised else "preview_plain"
        self.query_one("#report", Vertical).border_title = ui(key, self.lang)

    def _status(self, text: str, problem: bool) -> None:
        status = self.query_one("#export-status", Static)
        status.update(text)
        status.set_class(problem, "-problem")
        status.set_class(not problem, "-written")

    def action_anonymise(self) -> None:
        self.anonymised = not self.anonymised
        self.query_one("#report-body", VerticalScroll).scroll_home(animate=False)
        self._retitle()
        self._write_preview()

    def action_export(self, fmt: str) -> None:
        """Save the version on screen as ``fmt`` in a worker; a failure is shown, never raised."""
        dossier, lang, anonymised = self.dossier, self.lang, self.anonymised
        self._status(ui("export_busy", lang, fmt=fmt.upper()), problem=False)

        def save() -> Path | ExportError:
            try:
                return export_report(dossier, fmt, lang, anonymised)
            except ExportError as error:
                return error

        self.run_worker(save, thread=True, group="export", name="export")

    def action_close(self) -> None:
        self.dismiss(list(self.written))
