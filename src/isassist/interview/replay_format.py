"""The replay file format: YAML transcripts a domain expert writes, validated by pydantic.

A replay types answers (in order, or from a table keyed by question id so it survives
reordered questions), runs commands, and says what must hold after a step or at the end.
Every expectation may be ``optional`` (reported, never failing) or ``absent`` (must NOT hold).
The format is data: its JSON Schema is committed (isassist.interview.schemas), and a replay
naming a question no dialog has (or had) fails before it runs, with the closest ids.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator
from rapidfuzz import fuzz, process

from isassist.dossier import Dossier
from isassist.interview.dialog import Dialog
from isassist.interview.loader import load_model


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expectation(_Spec):
    """What a replay expects to find (or, ``absent``, not to find); ``optional`` only notes."""

    optional: bool = False
    absent: bool = False


class ConclusionExpect(Expectation):
    """A conclusion by rule id (or id prefix ending in '*'), kind, category and stream."""

    rule_id: str | None = None
    kind: str | None = None
    category: str | None = None
    stream: str | None = None
    text_contains: str | None = None


class QuantityExpect(_Spec):
    value: float
    unit: str
    tolerance: float = 0.01


class StreamExpect(Expectation):
    id: str | None = None
    name_contains: str | None = None
    kind: str | None = None
    ewc: list[str] = []
    cpa: list[str] = []
    cas: list[str] = []
    family: list[str] = []
    hazardous: str | None = None
    mirror: bool | None = None
    quantity_per_year: QuantityExpect | None = None
    properties: dict[str, Any] = {}


class GapExpect(Expectation):
    question: str
    stream: str | None = None


class PathExpect(Expectation):
    stream: str
    node: str
    outcome: Literal["pass", "attention", "stop", "open"]


class CanvasExpect(Expectation):
    stream: str
    block: str
    status: Literal["confirmed", "edited", "rejected", "pending"] | None = None


class CompanyExpect(_Spec):
    name: str | None = None
    nace: str | None = None
    postcode: str | None = None
    region: str | None = None


class Expect(_Spec):
    """What must hold after a step (or at the end)."""

    asked: str | None = None
    asked_stream: str | None = None
    says: list[str] = []
    not_says: list[str] = []
    error: bool | None = None
    options: list[str] = []
    suggestions: list[str] = []
    done: bool | None = None
    company: CompanyExpect | None = None
    streams: list[StreamExpect] = []
    conclusions: list[ConclusionExpect] = []
    gaps: list[GapExpect] = []
    path: list[PathExpect] = []
    canvas: list[CanvasExpect] = []


class Step(_Spec):
    """One thing the user does: ``say`` a line, run a ``command``, or answer from a table."""

    ask: str | None = Field(default=None, description="question id that must be asked first")
    say: str | None = None
    command: str | None = None
    answers: dict[str, str] | None = Field(
        default=None,
        description="answer whatever is asked from this table (question id, or id@stream)",
    )
    default: str | None = Field(default=None, description="answer for questions not in the table")
    until: str | None = Field(default=None, description="stop the table when this id is asked")
    expect: Expect | None = None

    @model_validator(mode="after")
    def _one_action(self) -> Step:
        actions = [a for a in (self.say, self.command, self.answers) if a is not None]
        if len(actions) > 1:
            raise ValueError("a step does one of say, command, answers")
        if not actions and self.expect is None and self.ask is None:
            raise ValueError("a step needs say, command, answers, ask or expect")
        return self


class Replay(_Spec):
    title: str = Field(min_length=1)
    mode: Literal["broker", "self"] = "broker"
    language: Literal["nl", "en"] = "nl"
    about: str = ""
    steps: list[Step] = Field(min_length=1)
    expect: Expect = Expect()


@dataclass
class ReplayResult:
    file: str
    title: str
    passed: bool
    failures: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dossier: Dossier | None = None
    interview_id: str | None = None
    answers: int = 0

    def as_json(self, with_id: bool) -> dict[str, Any]:
        out: dict[str, Any] = {
            "file": self.file,
            "passed": self.passed,
            "failures": self.failures,
            "dossier": self.dossier.model_dump(mode="json") if self.dossier else None,
        }
        if with_id:
            out["interview_id"] = self.interview_id
        return out


def load_replay(path: Path) -> Replay:
    return load_model(path, Replay)


def _named_ids(replay: Replay) -> list[tuple[str, str]]:
    """(where, question id) for every question a replay names."""
    found: list[tuple[str, str]] = []

    def expect_ids(where: str, expect: Expect) -> None:
        if expect.asked:
            found.append((f"{where} expect.asked", expect.asked))
        found.extend((f"{where} expect.gaps", g.question) for g in expect.gaps)

    for number, step in enumerate(replay.steps, 1):
        where = f"step {number}"
        for key in step.answers or {}:
            found.append((f"{where} answers", key.partition("@")[0]))
        for name, value in (("ask", step.ask), ("until", step.until)):
            if value:
                found.append((f"{where} {name}", value))
        if step.expect is not None:
            expect_ids(where, step.expect)
    expect_ids("end", replay.expect)
    return found


def unknown_question_ids(replay: Replay, dialog: Dialog) -> list[str]:
    """One failure per question id the replay names that no dialog question has or had,
    with the closest ids ("did you mean")."""
    known = [q.id for q in dialog.questions()]
    renamed = dialog.renamed()
    problems = []
    for where, qid in _named_ids(replay):
        if dialog.question(qid) is not None or qid in renamed:
            continue
        close = process.extract(qid, known, scorer=fuzz.ratio, limit=3)
        hint = ", ".join(name for name, score, _ in close if score >= 60)
        problems.append(
            f"{where}: unknown question id {qid!r}"
            + (f"; did you mean {hint}?" if hint else "; see dialogs/*.yaml for the ids")
        )
    return problems
