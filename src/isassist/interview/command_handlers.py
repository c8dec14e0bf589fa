"""What each command of the registry does: the table of handlers, and how one is run.

Handlers get the session through the ``Desk`` protocol (isassist.interview.desk: what they
may read and the few things they may do: record an event, ask for a confirmation,
re-derive), so they can be read and tested one by one; they live by job in
isassist.interview.moving_commands and isassist.interview.stream_commands, reading their
arguments with isassist.interview.command_args. Every handler answers: when it cannot do
what was asked, it says why and what would work.
"""

from __future__ import annotations

from collections.abc import Callable

from isassist.dossier import Turn
from isassist.interview.command_args import example_of, refused
from isassist.interview.commands import ALIASES, BY_NAME, argument_problem
from isassist.interview.desk import Desk
from isassist.interview.events import Noted
from isassist.interview.messages import say
from isassist.interview.moving_commands import back, jump, revise, skip, withdraw
from isassist.interview.stream_commands import add, remove, rename, streams, work_out

Handler = Callable[[Desk, str], Turn]


def dispatch(desk: Desk, name: str, arg: str) -> Turn:
    """Run command ``name`` after checking its words: every command answers, also when its
    argument is missing or one it does not take is given (it is then not run)."""
    problem = argument_problem(BY_NAME[name], arg, desk.lang)
    if problem is not None:
        return refused(desk, problem, example_of(desk, name))
    return HANDLERS[name](desk, arg)


def stream(desk: Desk, arg: str) -> Turn:
    """``/stroom``: list the streams; ``/stroom verwijder s7`` and the like run that command;
    ``/stroom glas`` adds one."""
    if not arg:
        return streams(desk, arg)
    lowered = arg.lower()
    for phrase in sorted(ALIASES, key=len, reverse=True):
        if lowered == phrase or lowered.startswith(phrase + " "):
            name = ALIASES[phrase]
            if name in HANDLERS and name != "stream":
                return dispatch(desk, name, arg[len(phrase) :].strip())
    return add(desk, arg)


def note(desk: Desk, arg: str) -> Turn:
    entry = desk.nav.next_slot()
    if not arg:
        return refused(desk, say("empty", desk.lang), example_of(desk, "note"))
    qid, sid = (entry[1].id, entry[2]) if entry else ("general", None)
    desk.record(Noted(question=qid, stream=sid, text=arg[:2000]))
    return Turn(
        accepted=True,
        acknowledgement=say("note_saved", desk.lang, question=qid),
        question=desk.current_question(),
    )


HANDLERS: dict[str, Handler] = {
    "back": back,
    "skip": skip,
    "revise": revise,
    "withdraw": withdraw,
    "jump": jump,
    "streams": streams,
    "add": add,
    "remove": remove,
    "rename": rename,
    "work_out": work_out,
    "stream": stream,
    "note": note,
}
"""Every engine command of the registry has a handler here (a test checks both ways)."""
