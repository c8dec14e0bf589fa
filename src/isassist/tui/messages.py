"""Messages the widgets send up to their screen; the screen owns the conversation."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    # annotations only: the dossier models load with the engine, after the first paint
    from isassist.dossier import ConclusionView


@dataclass
class LineSubmitted(Message):
    """The user sent a line: typed, or picked from a choice or suggestion list."""

    text: str


@dataclass
class ConclusionPicked(Message):
    """The user asked "why?" about this conclusion (click or Enter in the dossier panel)."""

    conclusion: ConclusionView


@dataclass
class AnswerPicked(Message):
    """The user picked an earlier answer in the chat to change it (click or Enter)."""

    question: str
    stream: str | None
