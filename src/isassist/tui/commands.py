"""The command palette (Ctrl+P): the chat commands, findable by name in Dutch or English, the
report preview's export commands, and the broker register from any screen."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from isassist.session.i18n import ui

# (typed line or action, label key)
PALETTE: list[tuple[str, str]] = [
    ("/back", "cmd_back"),
    ("/skip", "cmd_skip"),
    ("/why", "cmd_why"),
    ("/note ", "cmd_note"),
    ("/stream", "cmd_stream"),
    ("/report", "cmd_report"),
    ("/help", "cmd_help"),
    ("/lang", "cmd_lang"),
    ("jump", "cmd_jump"),
]


def _is_report(screen: object) -> bool:
    from isassist.tui.screens.report import ReportScreen

    return isinstance(screen, ReportScreen)


class AssistantCommands(Provider):
    """Runs a chat command in the open interview, as if it were typed."""

    def _entries(self) -> list[tuple[str, str]]:
        from isassist.tui.screens.interview import InterviewScreen

        screen = self.screen
        lang = str(getattr(screen, "lang", getattr(self.app, "lang", "nl")))
        anywhere = [(f"register  {ui('cmd_register', lang)}", "register")]
        if _is_report(screen):
            from isassist.tui.screens.report import PALETTE as REPORT_PALETTE

            return [(ui(key, lang), action) for action, key in REPORT_PALETTE] + anywhere
        if not isinstance(screen, InterviewScreen):
            return anywhere
        return [(f"{line.strip()}  {ui(key, lang)}", line) for line, key in PALETTE] + anywhere

    def _run(self, line: str) -> None:
        from isassist.tui.screens.interview import InterviewScreen

        if line == "register":
            self.app.run_worker(self.app.run_action("open_register"))
            return
        screen = self.screen
        if _is_report(screen):
            self.app.run_worker(self.app.run_action(line, screen))
            return
        if not isinstance(screen, InterviewScreen):
            return
        if line == "jump":
            screen.action_jump()
        elif line.endswith(" "):
            screen.prefill(line)
        else:
            screen.run_line(line)

    async def discover(self) -> Hits:
        for title, line in self._entries():
            yield DiscoveryHit(title, partial(self._run, line))

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, line in self._entries():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self._run, line))
