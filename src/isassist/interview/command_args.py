"""A command's arguments read: streams and questions named by the user, and the refusal.

Commands name streams by id or name ("s2", "bostel") and questions by id or short name in
either language ("hoeveelheid s2"); when a name fits nothing, the refusal lists what does
and suggests the closest names, with an example that works, and asks the open question again.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from isassist.dossier import Turn
from isassist.interview.commands import BY_NAME
from isassist.interview.desk import Desk
from isassist.interview.dialog import Dialog, Question
from isassist.interview.messages import say
from isassist.interview.state import Slot

QUESTION_SCORE = 80
"""rapidfuzz ratio from which a name is offered as "did you mean" (less 20)."""


def refused(desk: Desk, problem: str, example: str) -> Turn:
    """A command not run: why, an example that works, and the open question again."""
    return Turn(accepted=False, problem=problem, example=example, question=desk.current_question())


def example_of(desk: Desk, name: str) -> str:
    return BY_NAME[name].example(desk.lang)


def listed_streams(desk: Desk) -> str:
    return ", ".join(f"{s.id} {s.name}" for s in desk.state.active_streams) or "-"


def stream_arg(desk: Desk, words: list[str]) -> str | None:
    """The stream ``words`` name, by id ("s2") or by name, or None."""
    if not words:
        return None
    entry = desk.state.stream_by_name(" ".join(words).strip(" ='\""))
    return entry.id if entry is not None else None


def default_stream(desk: Desk) -> str | None:
    """The stream being asked about, else the first active one."""
    current = desk.nav.next_slot()
    if current is not None and current[2] is not None:
        return current[2]
    active = desk.state.active_streams
    return active[0].id if active else None


def slot_exists(desk: Desk, slot: Slot) -> bool:
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


def resolve_slot(desk: Desk, arg: str, name: str) -> Slot | Turn:
    words = arg.split()
    if not words:
        return refused(desk, say("empty", desk.lang), example_of(desk, name))
    question, used, close = find_question(desk.dialog, words)
    if question is None:
        problem = say("unknown_question", desk.lang, text=arg, example=example_of(desk, name))
        if close:
            problem += " " + say("did_you_mean", desk.lang, options=", ".join(close))
        return refused(desk, problem, example_of(desk, name))
    section = desk.dialog.section_of(question.id)
    if section is None or section.scope == "company":
        return (question.id, None)
    rest = words[used:]
    stream = stream_arg(desk, rest) if rest else default_stream(desk)
    if stream is None:
        return refused(
            desk,
            say("unknown_stream", desk.lang, text=" ".join(rest), streams=listed_streams(desk)),
            f"{BY_NAME[name].word(desk.lang)} {question.id} s1",
        )
    return (question.id, stream)
