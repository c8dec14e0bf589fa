"""What a classification returns: ranked suggestions with reasons, and notes for the broker."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from isassist.knowledge.codes import display_ewc


@dataclass(frozen=True)
class Suggestion:
    """One candidate EWC entry. ``code`` is six digits without spaces or asterisk."""

    code: str
    hazardous: bool
    score: float
    description: str
    why: str
    mirror_partners: tuple[str, ...] = ()
    deciding_question: str = ""

    @property
    def display_code(self) -> str:
        return display_ewc(self.code, self.hazardous)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "code": self.code,
            "hazardous": self.hazardous,
            "score": round(self.score, 3),
            "description": self.description,
            "why": self.why,
        }
        if self.mirror_partners:
            out["mirror_partners"] = list(self.mirror_partners)
            out["deciding_question"] = self.deciding_question
        return out


@dataclass(frozen=True)
class CpaSuggestion:
    """One candidate CPA 2.1 product code (dotted) with the reason it was proposed."""

    code: str
    title: str
    score: float
    why: str

    def to_json(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "title": self.title,
            "score": round(self.score, 3),
            "why": self.why,
        }


@dataclass(frozen=True)
class ClassificationResult:
    """Suggestions for one stream description, best first."""

    text: str
    lang: str
    sector: str | None
    suggestions: tuple[Suggestion, ...]
    notes: tuple[str, ...] = ()
    cpa: tuple[CpaSuggestion, ...] = field(default_factory=tuple)

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {
            "lang": self.lang,
            "suggestions": [s.to_json() for s in self.suggestions],
        }
        if self.notes:
            out["notes"] = list(self.notes)
        if self.cpa:
            out["cpa"] = [c.to_json() for c in self.cpa]
        return out
