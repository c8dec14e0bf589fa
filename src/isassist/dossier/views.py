"""What the interview shows a face: a question, a turn of the chat, a rule conclusion.

These are plain values with no link back to the engine, so a face (the TUI, a replay, the
browser) can render them, and the register and reports can read conclusions, without
importing the interview.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

# the sentence that shows an example of a right answer (isassist.interview.messages reuses it)
EXAMPLE = {"nl": "Bijvoorbeeld: {example}", "en": "For example: {example}"}


@dataclass(frozen=True)
class CodeSuggestion:
    """A code (EWC, CPA, NACE, CAS) proposed for an answer, with why it was proposed."""

    code: str
    label: str
    why: str = ""


@dataclass(frozen=True)
class ConclusionView:
    """A rule conclusion as the interview and dossier use it (decoupled from the engine)."""

    rule_id: str
    kind: str
    category: str
    text: dict[str, str]
    source: str
    stream_id: str | None
    data: dict[str, Any] = field(default_factory=dict)
    severity: str = ""
    title: dict[str, str] = field(default_factory=dict)
    priority: str = ""

    @property
    def key(self) -> tuple[str, str | None]:
        return (self.rule_id, self.stream_id)


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
    def slot(self) -> tuple[str, str | None]:
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
                parts.append(EXAMPLE.get(lang, EXAMPLE["en"]).format(example=self.example))
        parts += self.said
        parts += [c.text.get(lang, "") for c in self.new_conclusions]
        if self.question is not None:
            parts.append(self.question.render())
        return "\n".join(p for p in parts if p)
