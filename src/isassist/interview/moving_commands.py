"""The commands that move through the interview: back, skip, revise, withdraw, jump.

Each records where the interview goes (``Focused``, ``Skipped``, ``Withdrawn``, ``Jumped``)
and lets the navigator ask from there; none changes an answer except withdraw, which
drops one so its facts and conclusions go with it.
"""

from __future__ import annotations

from isassist.dossier import Turn
from isassist.interview.command_args import (
    default_stream,
    example_of,
    listed_streams,
    refused,
    resolve_slot,
    slot_exists,
    stream_arg,
)
from isassist.interview.desk import Desk
from isassist.interview.dialog import Dialog, Section
from isassist.interview.events import Focused, Jumped, Skipped, Withdrawn
from isassist.interview.messages import say


def back(desk: Desk, arg: str) -> Turn:
    current = desk.nav.next_slot()
    here = (current[1].id, current[2]) if current else None
    history = [s for s in desk.state.history if s != here and slot_exists(desk, s)]
    focus = desk.state.focus
    if focus is not None and focus in desk.state.history:
        position = desk.state.history.index(focus)
        history = [s for s in desk.state.history[:position] if slot_exists(desk, s)]
    if not history:
        return refused(desk, say("nothing_back", desk.lang), example_of(desk, "skip"))
    target = history[-1]
    desk.record(Focused(question=target[0], stream=target[1]))
    return desk.after(Turn(accepted=True))


def skip(desk: Desk, arg: str) -> Turn:
    entry = desk.nav.next_slot()
    if entry is None:
        return Turn(accepted=False, acknowledgement=say("done", desk.lang), done=True)
    desk.record(Skipped(question=entry[1].id, stream=entry[2]))
    return desk.after(Turn(accepted=True, acknowledgement=say("skipped", desk.lang)))


def revise(desk: Desk, arg: str) -> Turn:
    slot = resolve_slot(desk, arg, "revise")
    if isinstance(slot, Turn):
        return slot
    desk.record(Focused(question=slot[0], stream=slot[1]))
    return desk.after(Turn(accepted=True))


def withdraw(desk: Desk, arg: str) -> Turn:
    slot = resolve_slot(desk, arg, "withdraw")
    if isinstance(slot, Turn):
        return slot
    if slot not in desk.state.answers:
        return refused(
            desk, say("not_answered", desk.lang, question=slot[0]), example_of(desk, "revise")
        )
    desk.record(Withdrawn(question=slot[0], stream=slot[1]))
    return desk.after(
        Turn(accepted=True, acknowledgement=say("withdrawn", desk.lang, question=slot[0]))
    )


def _sections_named(dialog: Dialog, wanted: str) -> list[Section]:
    """The sections a jump target names: an id, "stap4"/"step4", "stap2c", "canvas"."""
    key = wanted.lower().replace(" ", "").replace("stap", "step")
    if key in ("canvas", "bmc", "step4bmc", "step4canvas"):
        return [s for s in dialog.sections if s.sub == "canvas"]
    by_id = [s for s in dialog.sections if s.id == wanted.lower()]
    if by_id:
        return by_id
    titles = [
        s for s in dialog.sections if wanted.lower() in (s.title.nl.lower(), s.title.en.lower())
    ]
    if titles:
        return titles
    found = []
    for section in dialog.sections:
        step = f"step{section.step}"
        sub = (section.sub or "").lower()
        if key == step or (sub and key == f"{step}{sub}"):
            found.append(section)
    return found


def jump(desk: Desk, arg: str) -> Turn:
    lang = desk.lang
    words = arg.split()
    sections = _sections_named(desk.dialog, words[0]) if words else []
    if not sections:
        listed = (
            "stap1, stap2, stap2a-stap2f, stap3, stap4, canvas"
            if lang == "nl"
            else ("step1, step2, step2a-step2f, step3, step4, canvas")
        )
        return refused(
            desk, say("unknown_section", lang, text=arg, sections=listed), example_of(desk, "jump")
        )
    per_stream = any(s.scope == "stream" for s in sections)
    stream: str | None = None
    if per_stream:
        stream = stream_arg(desk, words[1:]) if len(words) > 1 else default_stream(desk)
        if stream is None and len(words) > 1:
            return refused(
                desk,
                say("unknown_stream", lang, text=" ".join(words[1:]), streams=listed_streams(desk)),
                example_of(desk, "jump"),
            )
        if stream is None and all(s.scope == "stream" for s in sections):
            return refused(desk, say("no_streams", lang), example_of(desk, "add"))
    title = sections[0].title.get(lang)
    shown = f" ({stream} {desk.state.streams[stream].name})" if stream else ""
    wanted = {s.id for s in sections}
    open_entry = None
    any_asked = False
    for entry in desk.nav.slots():
        section, question, owner = entry
        if section.id not in wanted or owner not in (stream, None):
            continue
        if owner is not None and owner != stream:
            continue
        if not desk.nav.asks(section, question, owner):
            continue
        any_asked = True
        if not desk.state.done((question.id, owner)):
            open_entry = entry
            break
    if open_entry is None:
        if (
            stream is not None
            and any(s.deep_dive for s in sections)
            and not desk.nav.worked_out(stream)
        ):
            problem = say(
                "jump_not_worked_out",
                lang,
                section=title,
                id=stream,
                name=desk.state.streams[stream].name,
            )
        elif any_asked:
            problem = say(
                "jump_done", lang, section=title, stream=shown, example=example_of(desk, "revise")
            )
        else:
            problem = say("jump_nothing", lang, section=title, stream=shown)
        return refused(desk, problem, example_of(desk, "streams"))
    desk.record(Jumped(question=open_entry[1].id, stream=open_entry[2]))
    return desk.after(
        Turn(accepted=True, acknowledgement=say("jumped", lang, section=title, stream=shown))
    )
