"""A typed line routed: a command of the registry, an answer, or the reply to a confirmation.

A command that would lose work (removing a stream, adding a near-duplicate) asks for 'ja'
first; the next line confirms it, and anything else cancels it, says so, and is then taken as
the command or answer it is. Command words are read by the registry
(isassist.interview.commands) and carried out by their handlers
(isassist.interview.command_handlers); a command known only to the chat (help, glossary,
save) says where it works.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from isassist.dossier import Turn
from isassist.interview import command_handlers
from isassist.interview.commands import BY_NAME, command_list, parse_command
from isassist.interview.desk import Desk
from isassist.interview.messages import say
from isassist.interview.recording import AnswerRecorder
from isassist.terminal import strip_controls

YES_WORDS = frozenset({"ja", "j", "yes", "y", "ok", "zeker", "bevestig", "confirm"})


@dataclass(frozen=True)
class Pending:
    """A command waiting for 'ja'/'yes' (removing a stream, adding a duplicate)."""

    what: str
    run: Callable[[], Turn]


class Dispatcher:
    """Routes each typed line; holds the one command that waits for a confirmation."""

    def __init__(self, desk: Desk, recorder: AnswerRecorder) -> None:
        self.desk = desk
        self.recorder = recorder
        self.pending: Pending | None = None

    def line(self, text: str) -> Turn:
        """Process one typed line: a command (starting with '/') or an answer (an answer with
        control characters is refused with a message; a command's argument loses them)."""
        pending, self.pending = self.pending, None
        command = parse_command(text)
        if pending is not None:
            if command is None and text.strip().lower() in YES_WORDS:
                return pending.run()
            cancelled = say("cancelled", self.desk.lang, what=pending.what)
            if command:
                turn = self.command(command.name, command.arg)
            else:
                turn = self.recorder.answer(text)
            turn.said.insert(0, cancelled)
            return turn
        if command is not None:
            return self.command(command.name, command.arg)
        return self.recorder.answer(text)

    def command(self, name: str, arg: str = "") -> Turn:
        """Run one command of the registry (isassist.interview.commands)."""
        desk = self.desk
        arg = strip_controls(arg)
        handler = command_handlers.HANDLERS.get(name)
        spec = BY_NAME.get(name)
        if handler is None and spec is not None:
            return Turn(
                accepted=False,
                problem=say("chat_only", desk.lang, command=spec.word(desk.lang)),
                example=BY_NAME["skip"].example(desk.lang),
                question=desk.current_question(),
            )
        if handler is None:
            return Turn(
                accepted=False,
                problem=say(
                    "unknown_command", desk.lang, text=name, commands=command_list(desk.lang)
                ),
                example="/terug" if desk.lang == "nl" else "/back",
                question=desk.current_question(),
            )
        return command_handlers.dispatch(desk, name, arg.strip())

    def confirm(self, what: str, prompt: str, run: Callable[[], Turn]) -> Turn:
        """Ask for 'ja' before ``run``; the next line confirms or cancels."""
        self.pending = Pending(what, run)
        return Turn(
            accepted=True, acknowledgement=prompt, question=None, awaiting_confirmation=True
        )
