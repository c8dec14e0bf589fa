"""What each command of the registry does, one function per command.

Handlers get the session through the ``Desk`` protocol (isassist.interview.desk: what they
may read and the few things they may do: record an event, ask for a confirmation,
re-derive), so they can be read and tested one by one. Every handler answers: when it
cannot do what was asked, it says why and what would work.
"""

from __future__ import annotations

from collections.abc import Callable

from rapidfuzz import fuzz, process

from isassist.dossier import Turn
from isassist.interview.commands import ALIASES, BY_NAME, argument_problem
from isassist.interview.desk import Desk
from isassist.interview.dialog import Dialog, Question, Section
from isassist.interview.events import (
    Answered,
    Focused,
    Jumped,
    Noted,
    Skipped,
    StreamAdded,
    StreamRemoved,
    StreamRenamed,
    Withdrawn,
)
from isassist.interview.messages import say
from isassist.interview.navigator import PICK_QUESTION
from isassist.interview.state import Slot

YES = frozenset({"ja", "yes", "j", "y"})
NOT = frozenset({"niet", "not", "nee", "no", "geen"})
DUPLICATE_SCORE = 90
QUESTION_SCORE = 80
"""rapidfuzz ratio from which a name is offered as "did you mean" (less 20)."""


Handler = Callable[[Desk, str], Turn]


def _refused(desk: Desk, problem: str, example: str) -> Turn:
    return Turn(accepted=False, problem=problem, example=example, question=desk.current_question())


def _example(desk: Desk, name: str) -> str:
    return BY_NAME[name].example(desk.lang)


def _stream_names(desk: Desk) -> str:
    return ", ".join(f"{s.id} {s.name}" for s in desk.state.active_streams) or "-"


def _stream_arg(desk: Desk, words: list[str]) -> str | None:
    if not words:
        return None
    entry = desk.state.stream_by_name(" ".join(words).strip(" ='\""))
    return entry.id if entry is not None else None


def _default_stream(desk: Desk) -> str | None:
    current = desk.nav.next_slot()
    if current is not None and current[2] is not None:
        return current[2]
    active = desk.state.active_streams
    return active[0].id if active else None


def _slot_exists(desk: Desk, slot: Slot) -> bool:
    stream = slot[1]
    return stream is None or (
        stream in desk.state.streams and not desk.state.streams[stream].removed
    )


# --- questions by name ---------------------------------------------------------------------


def question_names(dialog: Dialog) -> dict[str, str]:
    """Every name a question answers to (id, Dutch and English short names) -> its id."""
    names: dict[str, str] = {}
    for question in dialog.questions():
        names[question.id] = question.id
        names[question.id.replace("_", " ")] = question.id
        if question.name is not None:
            names[question.name.nl.lower()] = question.id
            names[question.name.en.lower()] = question.id
    for old, new in dialog.renamed().items():
        names.setdefault(old, new)
    return names


def find_question(dialog: Dialog, words: list[str]) -> tuple[Question | None, int, list[str]]:
    """The question named by the longest run of leading ``words``, how many words it took,
    and the closest names when none matches ("did you mean")."""
    names = question_names(dialog)
    for size in range(len(words), 0, -1):
        qid = names.get(" ".join(words[:size]).lower())
        if qid is not None:
            return dialog.question(qid), size, []
    return None, 0, close_names(words[0].lower(), list(names))


def close_names(wanted: str, names: list[str]) -> list[str]:
    """Up to three of ``names`` that look like ``wanted`` (for "did you mean")."""
    close = process.extract(wanted, names, scorer=fuzz.ratio, limit=3)
    return [name for name, score, _ in close if score >= QUESTION_SCORE - 20]


def _resolve_slot(desk: Desk, arg: str, name: str) -> Slot | Turn:
    words = arg.split()
    if not words:
        return _refused(desk, say("empty", desk.lang), _example(desk, name))
    question, used, close = find_question(desk.dialog, words)
    if question is None:
        problem = say("unknown_question", desk.lang, text=arg, example=_example(desk, name))
        if close:
            problem += " " + say("did_you_mean", desk.lang, options=", ".join(close))
        return _refused(desk, problem, _example(desk, name))
    section = desk.dialog.section_of(question.id)
    if section is None or section.scope == "company":
        return (question.id, None)
    rest = words[used:]
    stream = _stream_arg(desk, rest) if rest else _default_stream(desk)
    if stream is None:
        return _refused(
            desk,
            say("unknown_stream", desk.lang, text=" ".join(rest), streams=_stream_names(desk)),
            f"{BY_NAME[name].word(desk.lang)} {question.id} s1",
        )
    return (question.id, stream)


# --- navigation ----------------------------------------------------------------------------


def back(desk: Desk, arg: str) -> Turn:
    current = desk.nav.next_slot()
    here = (current[1].id, current[2]) if current else None
    history = [s for s in desk.state.history if s != here and _slot_exists(desk, s)]
    focus = desk.state.focus
    if focus is not None and focus in desk.state.history:
        position = desk.state.history.index(focus)
        history = [s for s in desk.state.history[:position] if _slot_exists(desk, s)]
    if not history:
        return _refused(desk, say("nothing_back", desk.lang), _example(desk, "skip"))
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
    slot = _resolve_slot(desk, arg, "revise")
    if isinstance(slot, Turn):
        return slot
    desk.record(Focused(question=slot[0], stream=slot[1]))
    return desk.after(Turn(accepted=True))


def withdraw(desk: Desk, arg: str) -> Turn:
    slot = _resolve_slot(desk, arg, "withdraw")
    if isinstance(slot, Turn):
        return slot
    if slot not in desk.state.answers:
        return _refused(
            desk, say("not_answered", desk.lang, question=slot[0]), _example(desk, "revise")
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
        return _refused(
            desk, say("unknown_section", lang, text=arg, sections=listed), _example(desk, "jump")
        )
    per_stream = any(s.scope == "stream" for s in sections)
    stream: str | None = None
    if per_stream:
        stream = _stream_arg(desk, words[1:]) if len(words) > 1 else _default_stream(desk)
        if stream is None and len(words) > 1:
            return _refused(
                desk,
                say("unknown_stream", lang, text=" ".join(words[1:]), streams=_stream_names(desk)),
                _example(desk, "jump"),
            )
        if stream is None and all(s.scope == "stream" for s in sections):
            return _refused(desk, say("no_streams", lang), _example(desk, "add"))
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
                "jump_done", lang, section=title, stream=shown, example=_example(desk, "revise")
            )
        else:
            problem = say("jump_nothing", lang, section=title, stream=shown)
        return _refused(desk, problem, _example(desk, "streams"))
    desk.record(Jumped(question=open_entry[1].id, stream=open_entry[2]))
    return desk.after(
        Turn(accepted=True, acknowledgement=say("jumped", lang, section=title, stream=shown))
    )


# --- streams -------------------------------------------------------------------------------


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
        return _refused(desk, say("empty", desk.lang), _example(desk, "add"))
    if not any(ch.isalnum() for ch in name):
        # "=" or "..." names nothing: it would reach the dossier, report and register
        return _refused(
            desk, say("no_stream_name", desk.lang, text=name[:60]), _example(desk, "add")
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
    sid = _stream_arg(desk, words)
    if sid is None:
        return _refused(
            desk,
            say("unknown_stream", desk.lang, text=arg, streams=_stream_names(desk)),
            _example(desk, "remove"),
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
        sid = _stream_arg(desk, old.split())
    else:
        words = arg.split()
        sid = _stream_arg(desk, words[:1])
        new = " ".join(words[1:])
    new = new.strip(" '\"")[:200]
    if sid is None or not new:
        problem = say("rename_how", desk.lang)
        if sid is None and arg.strip():
            problem = say("unknown_stream", desk.lang, text=arg, streams=_stream_names(desk))
        return _refused(desk, problem, _example(desk, "rename"))
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
    sid = _stream_arg(desk, [w for w in words if w.lower() not in NOT])
    if sid is None:
        return _refused(
            desk,
            say("unknown_stream", desk.lang, text=arg, streams=_stream_names(desk)),
            _example(desk, "work_out"),
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


def dispatch(desk: Desk, name: str, arg: str) -> Turn:
    """Run command ``name`` after checking its words: every command answers, also when its
    argument is missing or one it does not take is given (it is then not run)."""
    problem = argument_problem(BY_NAME[name], arg, desk.lang)
    if problem is not None:
        return _refused(desk, problem, _example(desk, name))
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
        return _refused(desk, say("empty", desk.lang), _example(desk, "note"))
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
