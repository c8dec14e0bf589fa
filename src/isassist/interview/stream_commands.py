"""The commands on streams: list, add, remove, rename, and pick for the deep-dive.

A stream whose name looks like another's is added only after a 'ja' (a duplicate splits one
stream's answers over two), removing one asks first unless 'ja' is typed with it, and a
rename warns when the new name looks like another stream's.
"""

from __future__ import annotations

from rapidfuzz import fuzz

from isassist.dossier import Turn
from isassist.interview.command_args import example_of, listed_streams, refused, stream_arg
from isassist.interview.commands import BY_NAME
from isassist.interview.desk import Desk
from isassist.interview.events import Answered, StreamAdded, StreamRemoved, StreamRenamed
from isassist.interview.messages import say
from isassist.interview.navigator import PICK_QUESTION

YES = frozenset({"ja", "yes", "j", "y"})
NOT = frozenset({"niet", "not", "nee", "no", "geen"})
DUPLICATE_SCORE = 90


def streams(desk: Desk, arg: str) -> Turn:
    lang = desk.lang
    kind_question = desk.dialog.question("kind")
    labels = {o.value: o.label.get(lang) for o in kind_question.options} if kind_question else {}
    lines = []
    for entry in desk.state.active_streams:
        kind = str(desk.facts.properties.get(entry.id, {}).get("kind", "?"))
        if desk.nav.promising(entry.id) is None and (PICK_QUESTION, entry.id) not in (
            desk.state.answers
        ):
            status = say("status_unscored", lang)
        elif desk.nav.worked_out(entry.id):
            status = say("status_worked_out", lang)
        else:
            status = say("status_not_worked_out", lang)
        lines.append(
            say(
                "stream_line",
                lang,
                id=entry.id,
                name=entry.name,
                kind=labels.get(kind, kind),
                status=status,
            )
        )
    return Turn(
        accepted=True,
        said=lines or [say("no_streams", lang)],
        question=desk.current_question(),
    )


def near_duplicates(desk: Desk, sid: str) -> list[str]:
    """Warnings for streams whose names look like that of ``sid``."""
    entry = desk.state.streams[sid]
    found = []
    for other in desk.state.active_streams:
        if other.id != sid and fuzz.ratio(other.name.lower(), entry.name.lower()) >= (
            DUPLICATE_SCORE
        ):
            found.append(
                say(
                    "duplicate_listed",
                    desk.lang,
                    name=entry.name,
                    id=other.id,
                    other=other.name,
                    id2=sid,
                )
            )
    return found


def _duplicate_of(desk: Desk, name: str) -> str | None:
    for other in desk.state.active_streams:
        if fuzz.ratio(other.name.lower(), name.lower()) >= DUPLICATE_SCORE:
            return other.id
    return None


def add(desk: Desk, arg: str) -> Turn:
    # "/add stream X", "/voeg-toe stroom X": the word for stream is not part of the name
    name = arg.strip()
    for word in ("stream ", "stroom "):
        name = name.removeprefix(word) if name.lower().startswith(word) else name
    if not name:
        return refused(desk, say("empty", desk.lang), example_of(desk, "add"))
    if not any(ch.isalnum() for ch in name):
        # "=" or "..." names nothing: it would reach the dossier, report and register
        return refused(
            desk, say("no_stream_name", desk.lang, text=name[:60]), example_of(desk, "add")
        )
    name = name[:200]

    def run() -> Turn:
        sid = desk.state.new_stream_id()
        desk.record(StreamAdded(stream=sid, name=name))
        return desk.after(
            Turn(accepted=True, acknowledgement=say("stream_added", desk.lang, id=sid, name=name))
        )

    twin = _duplicate_of(desk, name)
    if twin is None:
        return run()
    prompt = say("confirm_duplicate", desk.lang, name=desk.state.streams[twin].name, id=twin)
    return desk.confirm(f"{BY_NAME['add'].word(desk.lang)} {name}", prompt, run)


def remove(desk: Desk, arg: str) -> Turn:
    words = arg.split()
    confirmed = bool(words) and words[-1].lower() in YES
    if confirmed:
        words = words[:-1]
    sid = stream_arg(desk, words)
    if sid is None:
        return refused(
            desk,
            say("unknown_stream", desk.lang, text=arg, streams=listed_streams(desk)),
            example_of(desk, "remove"),
        )
    name = desk.state.streams[sid].name

    def run() -> Turn:
        desk.record(StreamRemoved(stream=sid))
        return desk.after(
            Turn(accepted=True, acknowledgement=say("stream_removed", desk.lang, id=sid, name=name))
        )

    if confirmed:
        return run()
    prompt = say("confirm_remove", desk.lang, id=sid, name=name)
    return desk.confirm(f"{BY_NAME['remove'].word(desk.lang)} {sid}", prompt, run)


def rename(desk: Desk, arg: str) -> Turn:
    if "=" in arg:
        old, _, new = arg.partition("=")
        sid = stream_arg(desk, old.split())
    else:
        words = arg.split()
        sid = stream_arg(desk, words[:1])
        new = " ".join(words[1:])
    new = new.strip(" '\"")[:200]
    if sid is None or not new:
        problem = say("rename_how", desk.lang)
        if sid is None and arg.strip():
            problem = say("unknown_stream", desk.lang, text=arg, streams=listed_streams(desk))
        return refused(desk, problem, example_of(desk, "rename"))
    old_name = desk.state.streams[sid].name
    desk.record(StreamRenamed(stream=sid, name=new))
    said = near_duplicates(desk, sid)
    return desk.after(
        Turn(
            accepted=True,
            acknowledgement=say("stream_renamed", desk.lang, id=sid, name=new, old=old_name),
            said=said,
        )
    )


def work_out(desk: Desk, arg: str) -> Turn:
    words = arg.split()
    negative = any(w.lower() in NOT for w in words)
    sid = stream_arg(desk, [w for w in words if w.lower() not in NOT])
    if sid is None:
        return refused(
            desk,
            say("unknown_stream", desk.lang, text=arg, streams=listed_streams(desk)),
            example_of(desk, "work_out"),
        )
    value = "no" if negative else "yes"
    desk.record(
        Answered(
            question=PICK_QUESTION,
            stream=sid,
            text=f"{BY_NAME['work_out'].word(desk.lang)} {arg}".strip(),
            value=value,
        )
    )
    key = "not_worked_out" if negative else "worked_out"
    name = desk.state.streams[sid].name
    return desk.after(Turn(accepted=True, acknowledgement=say(key, desk.lang, id=sid, name=name)))
