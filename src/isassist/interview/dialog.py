"""The interview as data: pydantic models of the files in dialogs/.

A broker or domain expert changes the interview by editing YAML, never Python. The models
forbid unknown keys so a misspelt key is an error at load time instead of a question that
silently never appears, and conditions are a small closed vocabulary that is interpreted,
never executed.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

from isassist.facts import STREAM_PROPERTIES
from isassist.lang import Text

QuestionType = Literal[
    "text",
    "number",
    "quantity",
    "choice",
    "multi",
    "yesno",
    "score",
    "code",
    "location",
    "canvas",
    "canvas_review",
]
CodeSystem = Literal["ewc", "nace", "cpa", "cas"]
Mode = Literal["broker", "self"]

COMPANY_FIELDS = ("name", "nace", "postcode", "mode", "language", "location")
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class _Data(BaseModel):
    # defer_build: a start reads the dialog from its cache (isassist.interview.loader); the
    # validators are built only when dialog files are read.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)


class Option(_Data):
    """One answer of a choice question; ``synonyms`` are the words people type for it."""

    value: str
    label: Text
    synonyms: list[str] = []


class Condition(_Data):
    """When a question is asked. Exactly one of the forms is given.

    ``answer`` tests an earlier answer (of the same stream for per-stream questions),
    ``property`` a derived property of the stream (``kind``, ``hazardous``, ``family``...),
    ``mode`` the interview mode; ``all``/``any``/``not`` combine conditions.
    """

    answer: str | None = None
    property: str | None = None
    mode: Mode | None = None
    in_: list[str] | None = Field(default=None, alias="in")
    status: Literal["known", "unknown", "answered", "unanswered"] | None = None
    at_least: float | None = None
    below: float | None = None
    all: list[Condition] | None = None
    any: list[Condition] | None = None
    not_: Condition | None = Field(default=None, alias="not")

    @model_validator(mode="after")
    def _one_form(self) -> Condition:
        forms = [
            name
            for name in ("answer", "property", "mode", "all", "any", "not_")
            if getattr(self, name) is not None
        ]
        if len(forms) != 1:
            raise ValueError(
                "a condition needs exactly one of answer, property, mode, all, any, not "
                f"(found: {', '.join(f.rstrip('_') for f in forms) or 'none'})"
            )
        tests = [self.in_, self.status, self.at_least, self.below]
        if (self.answer or self.property) and all(t is None for t in tests):
            raise ValueError(
                "an answer or property condition needs 'in', 'status', 'at_least' or 'below'"
            )
        if self.property and self.property != "kind" and self.property not in STREAM_PROPERTIES:
            raise ValueError(f"unknown stream property {self.property!r}")
        return self


class Question(_Data):
    """One question. ``sets`` names the stream property (or ``company.<field>``) it fills."""

    id: str
    type: QuestionType
    text: Text
    name: Text | None = None
    """A short name per language, for /wijzig hoeveelheid s1 next to /revise quantity s1."""
    replaces: list[str] = []
    """Ids of earlier questions this one took over (renamed or merged): old answer logs and
    replays naming them are read as answers to this question."""
    broker_text: Text | None = None
    help: Text | None = None
    example: Text | None = None
    when: Condition | None = None
    sets: str | None = None
    unknown_value: str | None = None
    """The value ``sets`` gets from a "weet niet": where not knowing is itself a state the
    rules reason on (a legal status nobody has determined is ``unknown``, review R69)."""
    options: list[Option] = []
    unit: str | None = None
    min: float | None = None
    max: float | None = None
    code: CodeSystem | None = None
    multiple: bool = False
    follow_up_only: bool = False
    also: str | None = None
    """A question whose answer may come in the same line ("4 3" for feasibility and impact,
    "beperkt, 3 dagen" for storage and its days): the session splits and records both."""
    creates_streams: bool = False
    block: str | None = None
    context: Literal["exchanges", "path"] | None = None

    @field_validator("id")
    @classmethod
    def _snake(cls, value: str) -> str:
        if not _ID.match(value):
            raise ValueError(f"question id {value!r} must be lower_snake_case")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Question:
        if self.type in ("choice", "multi") and not self.options:
            raise ValueError(f"{self.type} question {self.id!r} needs options")
        if self.type == "code" and self.code is None:
            raise ValueError(f"code question {self.id!r} needs 'code: ewc|nace|cpa|cas'")
        if self.type == "canvas" and self.block is None:
            raise ValueError(f"canvas question {self.id!r} needs 'block'")
        if self.sets is not None:
            if self.sets.startswith("company."):
                field = self.sets.removeprefix("company.")
                if field not in COMPANY_FIELDS:
                    raise ValueError(
                        f"'sets: {self.sets}' names no company field "
                        f"(one of {', '.join(COMPANY_FIELDS)})"
                    )
            elif self.sets != "kind" and self.sets not in STREAM_PROPERTIES:
                raise ValueError(
                    f"'sets: {self.sets}' is not in facts.STREAM_PROPERTIES; add it there first"
                )
        return self

    def wording(self, mode: str, lang: str) -> str:
        if mode == "broker" and self.broker_text is not None:
            return self.broker_text.get(lang)
        return self.text.get(lang)


class Outcome(_Data):
    """One branch of a flowchart node: where the path goes when ``when`` holds, and why."""

    when: Condition
    go: Literal["pass", "attention", "stop"]
    why: Text


class FlowNode(_Data):
    """A decision node of the step-4 valorisation flowchart."""

    id: str
    title: Text
    outcomes: list[Outcome] = Field(min_length=1)


class Section(_Data):
    """A part of the interview: company-wide (intake, step 1) or asked per stream."""

    id: str
    step: int = Field(ge=0, le=4)
    sub: str | None = None
    scope: Literal["company", "stream"]
    title: Text
    intro: Text | None = None
    when: Condition | None = None
    deep_dive: bool = False
    """Asked only for streams worked out in full: promising on the 4-quadrant scores, or
    picked by the broker (the MAESTRI funnel)."""
    questions: list[Question] = []
    flowchart: list[FlowNode] = []


class Dialog(_Data):
    """The whole interview: sections in the order they are asked."""

    version: int = 1
    sections: list[Section]
    # question id -> (section, question), filled on first look-up; the engine asks per slot
    _index: dict[str, tuple[Section, Question]] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _unique_ids(self) -> Dialog:
        seen: set[str] = set()
        for section in self.sections:
            for question in section.questions:
                if question.id in seen:
                    raise ValueError(f"question id {question.id!r} is used twice")
                seen.add(question.id)
        for section in self.sections:
            for question in section.questions:
                if question.also is not None and question.also not in seen:
                    raise ValueError(
                        f"question {question.id!r}: 'also: {question.also}' names no question"
                    )
                for old in question.replaces:
                    if old in seen:
                        raise ValueError(
                            f"question {question.id!r} replaces {old!r}, which is still a "
                            "question of its own"
                        )
        return self

    def renamed(self) -> dict[str, str]:
        """Old question id -> the question that replaced it (see ``Question.replaces``)."""
        return {
            old: q.id for section in self.sections for q in section.questions for old in q.replaces
        }

    def questions(self) -> list[Question]:
        return [q for section in self.sections for q in section.questions]

    def _indexed(self) -> dict[str, tuple[Section, Question]]:
        # read the private attribute once: pydantic's attribute look-up is slow and the
        # navigator asks this thousands of times per answer
        index: dict[str, tuple[Section, Question]] = self.__pydantic_private__["_index"]  # type: ignore[index]
        if not index:
            index.update(
                (q.id, (section, q)) for section in self.sections for q in section.questions
            )
        return index

    def question(self, question_id: str) -> Question | None:
        found = self._indexed().get(question_id)
        return found[1] if found else None

    def locate(self, question_id: str) -> tuple[Section, Question] | None:
        """The section and the question of ``question_id``, or None for an unknown id."""
        return self._indexed().get(question_id)

    def section_of(self, question_id: str) -> Section | None:
        found = self._indexed().get(question_id)
        return found[0] if found else None
