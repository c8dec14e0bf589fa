"""The conversation so far, rebuilt from the event log.

A broker who resumes an interview in front of the company needs to see what was said, not
an empty chat. The log holds every answer, skip, note and stream change in order; this
module turns it back into turns a chat face can show: the question (in today's wording
and the interview's language) and what was typed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Literal

from isassist.interview.dialog import Dialog
from isassist.interview.state import State

PastKind = Literal[
    "answer",
    "skip",
    "withdraw",
    "note",
    "stream_added",
    "stream_removed",
    "stream_renamed",
    "focus",
    "jump",
]


@dataclass(frozen=True)
class PastTurn:
    """One thing that happened: which question (if any), what the user typed or did."""

    kind: PastKind
    question_id: str | None
    stream: str | None
    question_text: str
    answer_text: str
    unknown: bool = False
    taken_over: bool = False
    """True for an answer the assistant took from the listed streams in step 1."""


_SILENT = {"mode", "language"}


def transcript(
    log: list[dict[str, Any]], dialog: Dialog, lang: str, mode: str, state: State
) -> list[PastTurn]:
    """Every event of ``log`` as a past turn, oldest first (mode and language left out)."""
    names: dict[str, str] = {}
    turns: list[PastTurn] = []
    for data in log:
        kind = data.get("kind")
        stream = data.get("stream")
        if kind == "add_stream":
            names[str(stream)] = str(data.get("name", ""))
        if kind in ("add_stream", "remove_stream", "rename_stream"):
            sid = str(stream)
            name = str(data.get("name") or names.get(sid) or _name(state, sid))
            if kind == "rename_stream":
                names[sid] = name
            turns.append(
                PastTurn(
                    kind={"add_stream": "stream_added", "remove_stream": "stream_removed"}.get(
                        str(kind), "stream_renamed"
                    ),  # type: ignore[arg-type]
                    question_id=None,
                    stream=sid,
                    question_text="",
                    answer_text=name,
                )
            )
            continue
        qid = data.get("question")
        if not isinstance(qid, str) or qid in _SILENT:
            continue
        question = dialog.question(qid)
        owner = stream if isinstance(stream, str) else None
        text: str = qid
        if question is not None:
            text = question.wording(mode, lang)
            shown = names.get(owner or "") or _name(state, owner)
            text = text.replace("{stream}", shown)
            if owner is not None:
                text = f"[{owner} {shown}] {text}"
        extra = data.get("extra") or {}
        turns.append(
            PastTurn(
                kind={
                    "answer": "answer",
                    "skip": "skip",
                    "withdraw": "withdraw",
                    "note": "note",
                    "focus": "focus",
                    "jump": "jump",
                }.get(str(kind), "answer"),  # type: ignore[arg-type]
                question_id=qid,
                stream=owner,
                question_text=text,
                answer_text=str(data.get("text") or ""),
                unknown=data.get("status") == "unknown",
                taken_over=isinstance(extra, dict) and extra.get("from") == "streams",
            )
        )
        if kind == "answer" and question is not None and question.creates_streams:
            for value in data.get("value") or []:
                entry = state.stream_by_name(str(value))
                if entry is not None:
                    names.setdefault(entry.id, entry.name)
    return turns


def _name(state: State, stream: str | None) -> str:
    entry = state.streams.get(stream or "")
    return entry.name if entry is not None else ""
