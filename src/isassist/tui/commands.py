"""The command palette (Ctrl+P): the chat commands, findable by name in Dutch or English, the
report preview's export commands, and the broker register from any screen.

The chat commands come from the one command registry (``isassist.interview.commands``), so the
palette lists exactly what can be typed, in the interface language; a command that needs
words after it is put in the line to finish, one without runs at once."""

from __future__ import annotations

from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

from isassist.session.i18n import ui

# actions of the interview screen itself: (action, label key)
SCREEN_ACTIONS: list[tuple[str, str]] = [
    ("jump", "cmd_jump"),
    ("toggle_dossier", "key_dossier_panel"),
    ("dossier_wider", "key_wider"),
    ("dossier_narrower", "key_narrower"),
]


def chat_entries(lang: str) -> list[tuple[str, str]]:
    """(title, line) per registered command: "/terug  terug naar de vorige vraag"."""
    # imported when the palette opens: the chat module pulls in the interview's models,
    # which the start screen's first paint must not wait for
    from isassist.session.chat import COMMANDS

    entries = []
    for spec in COMMANDS:
        word = spec.word(lang)
        needs_words = spec.example(lang).strip() != word
        entries.append((f"{word}  {spec.summary(lang)}", word + " " if needs_words else word))
    return entries


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
        actions = [(ui(key, lang), f"action:{action}") for action, key in SCREEN_ACTIONS]
        return chat_entries(lang) + actions + anywhere

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
        if line.startswith("action:"):
            self.app.run_worker(screen.run_action(line.removeprefix("action:")))
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
