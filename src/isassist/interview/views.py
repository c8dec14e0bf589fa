"""What a chat face shows: the question being asked and the assistant's reply to one line.

Kept apart from the session so faces, replays and command handlers can read these shapes
without importing the engine.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from isassist.interview.messages import say
from isassist.interview.services import CodeSuggestion, ConclusionView
from isassist.interview.state import Slot


@dataclass(frozen=True)
class QuestionView:
    """A question as a chat face shows it."""

    id: str
    stream: str | None
    stream_name: str | None
    section: str
    step: int
    sub: str | None
    type: str
    text: str
    help: str | None
    options: list[str]
    suggestions: list[CodeSuggestion]
    context: list[str]

    @property
    def slot(self) -> Slot:
        return (self.id, self.stream)

    def render(self) -> str:
        lines = [self.text]
        lines += self.context
        lines += [f"  {i}) {label}" for i, label in enumerate(self.options, 1)]
        lines += [f"  {i}) {s.code} {s.label}" for i, s in enumerate(self.suggestions, 1)]
        if self.help:
            lines.append(self.help)
        return "\n".join(lines)


@dataclass
class Turn:
    """What the assistant says after one answer or command."""

    accepted: bool
    acknowledgement: str = ""
    problem: str | None = None
    example: str | None = None
    said: list[str] = field(default_factory=list)
    new_conclusions: list[ConclusionView] = field(default_factory=list)
    withdrawn_conclusions: list[ConclusionView] = field(default_factory=list)
    question: QuestionView | None = None
    done: bool = False
    asked_back: bool = False
    """True when the answer was not wrong but not enough and a question went back ("iets
    anders": wat dan?); saying the same words again takes them as they are."""
    awaiting_confirmation: bool = False
    """True when the assistant asked for 'ja' (removing a stream, adding a duplicate)."""

    def text(self, lang: str = "nl") -> str:
        parts = [self.acknowledgement] if self.acknowledgement else []
        if self.problem:
            parts.append(self.problem)
            if self.example:
                parts.append(say("example", lang, example=self.example))
        parts += self.said
        parts += [c.text.get(lang, "") for c in self.new_conclusions]
        if self.question is not None:
            parts.append(self.question.render())
        return "\n".join(p for p in parts if p)
