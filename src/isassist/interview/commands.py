"""The one command registry: every chat command, its Dutch and English words and what it does.

The parser, the help text, the command palette and the documentation are all generated from
``COMMANDS``, so a command added here appears everywhere at once and a list can never go
stale. ``face`` says who carries a command out: the interview engine (navigation, streams)
or the chat face (why, report, help, language).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from isassist.interview.messages import say

Face = Literal["engine", "chat"]
Argument = Literal["none", "optional", "required"]
"""Whether a command takes words after it: a wrong or missing one is refused with a message."""


@dataclass(frozen=True)
class CommandSpec:
    """One command: canonical ``name``, the words that call it per language, what it does."""

    name: str
    words_nl: tuple[str, ...]
    words_en: tuple[str, ...]
    summary_nl: str
    summary_en: str
    example_nl: str
    example_en: str
    face: Face = "engine"
    argument: Argument = "optional"

    def words(self, lang: str) -> tuple[str, ...]:
        return self.words_nl if lang == "nl" else self.words_en

    def word(self, lang: str) -> str:
        """The command as shown to a user of ``lang`` ("/terug" or "/back")."""
        return "/" + self.words(lang)[0]

    def summary(self, lang: str) -> str:
        return self.summary_nl if lang == "nl" else self.summary_en

    def example(self, lang: str) -> str:
        return self.example_nl if lang == "nl" else self.example_en


COMMANDS: tuple[CommandSpec, ...] = (
    CommandSpec(
        "back",
        ("terug", "vorige"),
        ("back", "previous"),
        "terug naar de vorige vraag",
        "back to the previous question",
        "/terug",
        "/back",
        argument="none",
    ),
    CommandSpec(
        "skip",
        ("sla-over", "sla over", "overslaan", "volgende"),
        ("skip", "next"),
        "deze vraag overslaan (ze blijft open)",
        "skip this question (it stays open)",
        "/sla-over",
        "/skip",
        argument="none",
    ),
    CommandSpec(
        "revise",
        ("wijzig", "herzie", "verander"),
        ("revise", "change", "edit"),
        "een eerder antwoord wijzigen (vraag in het Nederlands of Engels, stroom erbij)",
        "change an earlier answer (question name in Dutch or English, stream with it)",
        "/wijzig hoeveelheid s1",
        "/revise quantity s1",
        argument="required",
    ),
    CommandSpec(
        "withdraw",
        ("trek-in", "trek in", "intrekken"),
        ("withdraw",),
        "een antwoord intrekken (het wordt weer open)",
        "withdraw an answer (it becomes open again)",
        "/trek-in ewc s1",
        "/withdraw ewc s1",
        argument="required",
    ),
    CommandSpec(
        "jump",
        ("spring", "ga-naar", "ga naar"),
        ("jump", "goto", "go to"),
        "naar een stap springen (stap1, stap2c, stap3, stap4, canvas), eventueel met stroom",
        "jump to a step (step1, step2c, step3, step4, canvas), optionally with a stream",
        "/spring stap4 s1",
        "/jump step4 s1",
        argument="required",
    ),
    CommandSpec(
        "streams",
        ("stromen", "lijst"),
        ("streams", "list"),
        "de stromen tonen, met wat ermee gebeurt (uitgewerkt of niet)",
        "list the streams and whether they are worked out",
        "/stromen",
        "/streams",
        argument="none",
    ),
    CommandSpec(
        "add",
        ("voeg-toe", "stroom toevoegen", "nieuwe stroom", "voeg toe"),
        ("add", "add stream"),
        "een stroom toevoegen",
        "add a stream",
        "/voeg-toe restwarmte rookgassen",
        "/add boiler flue gas",
        argument="required",
    ),
    CommandSpec(
        "remove",
        ("verwijder", "verwijder stroom", "schrap"),
        ("remove", "remove stream", "delete"),
        "een stroom verwijderen (vraagt eerst bevestiging)",
        "remove a stream (asks for confirmation first)",
        "/verwijder s2",
        "/remove s2",
        argument="required",
    ),
    CommandSpec(
        "rename",
        ("hernoem", "hernoem stroom"),
        ("rename", "rename stream"),
        "een stroom een andere naam geven",
        "give a stream another name",
        "/hernoem s2 = bierdraf",
        "/rename s2 = spent grain",
        argument="required",
    ),
    CommandSpec(
        "stream",
        ("stroom",),
        ("stream",),
        "stromen tonen; '/stroom verwijder s2' of '/stroom hernoem s2 = ...' werkt ook",
        "list the streams; '/stream remove s2' or '/stream rename s2 = ...' work too",
        "/stroom verwijder s2",
        "/stream remove s2",
    ),
    CommandSpec(
        "work_out",
        ("uitwerken", "werk-uit"),
        ("work-out", "deep-dive"),
        "een stroom toch volledig uitwerken (stap 2 tot 4), of met 'niet' weer niet",
        "work a stream out in full (steps 2 to 4) after all, or not again with 'not'",
        "/uitwerken s4",
        "/work-out s4",
        argument="required",
    ),
    CommandSpec(
        "note",
        ("notitie", "noteer"),
        ("note",),
        "een notitie bij de huidige vraag bewaren",
        "keep a note with the current question",
        "/notitie vraag de analyse op",
        "/note ask for the analysis",
        argument="required",
    ),
    CommandSpec(
        "why",
        ("waarom",),
        ("why",),
        "uitleg bij de laatste (of n-de) conclusie",
        "explain the latest (or n-th) conclusion",
        "/waarom 2",
        "/why 2",
        face="chat",
    ),
    CommandSpec(
        "report",
        ("rapport", "dossier"),
        ("report",),
        "het dossier bekijken en exporteren",
        "view and export the dossier",
        "/rapport",
        "/report",
        face="chat",
        argument="none",
    ),
    CommandSpec(
        "help",
        ("hulp", "help"),
        ("help",),
        "deze hulp",
        "this help",
        "/hulp",
        "/help",
        face="chat",
        argument="none",
    ),
    CommandSpec(
        "lang",
        ("taal",),
        ("lang", "language"),
        "de taal wisselen (nl of en)",
        "switch the language (nl or en)",
        "/taal en",
        "/lang nl",
        face="chat",
    ),
)

BY_NAME: dict[str, CommandSpec] = {c.name: c for c in COMMANDS}

# typed word(s) -> canonical command, both languages (a user may mix); longer phrases first
ALIASES: dict[str, str] = {
    word: spec.name for spec in COMMANDS for word in (*spec.words_nl, *spec.words_en)
}
_PHRASES = sorted(ALIASES, key=len, reverse=True)


@dataclass(frozen=True)
class Command:
    name: str
    arg: str


def parse_command(text: str) -> Command | None:
    """A command when ``text`` starts with '/', else None (then it is an answer).

    An unknown word comes back as its own name, so the caller can say it is unknown and
    list the commands that exist.
    """
    stripped = text.strip()
    if not stripped.startswith("/"):
        return None
    body = stripped[1:].strip()
    lowered = body.lower()
    for phrase in _PHRASES:
        if lowered == phrase or lowered.startswith(phrase + " "):
            return Command(ALIASES[phrase], body[len(phrase) :].strip())
    head = lowered.split(" ", 1)[0]
    return Command(head or "?", body[len(head) :].strip())


def argument_problem(spec: CommandSpec, arg: str, lang: str) -> str | None:
    """What is wrong with the words after ``spec``'s command (None: fine), with what is right:
    a command that takes none is not run with some (they would be ignored silently), one that
    needs some is not run without."""
    word, example = spec.word(lang), spec.example(lang)
    if spec.argument == "none" and arg.strip():
        return say("no_argument", lang, command=word, arg=arg.strip()[:60])
    if spec.argument == "required" and not arg.strip():
        return say("needs_argument", lang, command=word, example=example)
    return None


def command_list(lang: str, face: Face | None = None) -> str:
    """The commands as one line ("/terug, /sla-over, ..."), for a message."""
    return ", ".join(c.word(lang) for c in COMMANDS if face is None or c.face == face)


def help_rows(lang: str) -> list[tuple[str, str, str]]:
    """(command, what it does, example) per command: the help screen and docs use these.
    The command shows its word in ``lang`` with the other language's word next to it."""
    other = "en" if lang == "nl" else "nl"
    rows = []
    for c in COMMANDS:
        word = c.word(lang)
        if c.word(other) != word:
            word = f"{word} ({c.word(other)})"
        rows.append((word, c.summary(lang), c.example(lang)))
    return rows


def _code(words: str) -> str:
    """ "/terug (/back)" as "`/terug` (`/back`)"."""
    return re.sub(r"(/[\w-]+)", r"`\1`", words)


def help_markdown(lang: str) -> str:
    """The command table of the help screen and docs/COMMANDS.md, in ``lang``."""
    head = "| opdracht | wat | voorbeeld |" if lang == "nl" else "| command | what | example |"
    lines = [head, "|---|---|---|"]
    lines += [
        f"| {_code(word)} | {summary} | `{example}` |" for word, summary, example in help_rows(lang)
    ]
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover - writes docs/COMMANDS.md
    import sys

    sys.stdout.write(
        "# Chat commands\n\nGenerated from `isassist.interview.commands.COMMANDS` "
        "(`uv run python -m isassist.interview.commands > docs/COMMANDS.md`).\n\n"
        f"## Nederlands\n\n{help_markdown('nl')}\n\n## English\n\n{help_markdown('en')}\n"
    )
