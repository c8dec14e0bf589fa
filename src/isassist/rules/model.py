"""The rule format as pydantic models: what a rule file may say, checked before anything runs.

durable_rules reports a malformed ruleset as "error code 202" with no location, so every
mistake an expert can make must be caught here, with the field and a "did you mean". Rules are
data: these models are parsed from YAML and compiled by ``isassist.rules.compiler``; nothing in
a rule file is ever executed.
"""

from __future__ import annotations

import re
from typing import Annotated, Any, Literal

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    field_validator,
    model_validator,
)

from isassist.facts import STREAM_PROPERTIES, Company, StreamKind
from isassist.lang import Text
from isassist.rules.vocabulary import (
    OPERATOR_SPELLINGS,
    OPERATORS,
    BarrierCategory,
    CanvasBlock,
    ClassificationCategory,
    FollowUpCategory,
    GapCategory,
    HeatCategory,
    Kind,
    LegalCategory,
    Level,
    ValorisationCategory,
    did_you_mean,
)

Scalar = str | int | float | bool
COMPANY_FIELDS: tuple[str, ...] = tuple(f for f in Company.model_fields if f not in ("type", "id"))
ANSWER_STATUSES = ("known", "unknown", "skipped")
RULE_ID = r"^[a-z0-9_]+(\.[a-z0-9_]+)*$"
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\.([A-Za-z0-9_]+)\}")


class _Model(BaseModel):
    """Base of every rule-format model: unknown keys are errors with a suggestion."""

    # defer_build: a start reads the rule base from its cache (isassist.rules.cache) and never
    # validates; the validators are built the first time rule files are read.
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _known_keys(cls, data: Any) -> Any:
        if isinstance(data, dict):
            allowed = {name for name in cls.model_fields} | {
                f.alias for f in cls.model_fields.values() if f.alias
            }
            for key in data:
                if key not in allowed:
                    hint = (
                        "; a comma inside {...} ends a value: put quotes around texts with commas"
                        if data[key] is None
                        else ""
                    )
                    raise ValueError(
                        f'unknown field "{key}"{did_you_mean(str(key), allowed)}; '
                        f"allowed: {', '.join(sorted(allowed))}{hint}"
                    )
        return data


def _as_test(value: Any) -> Any:
    """Let experts write ``ash`` for ``{=: ash}`` and ``[a, b]`` for ``{in: [a, b]}``."""
    if isinstance(value, dict):
        tests: dict[str, Any] = {}
        for op, operand in value.items():
            canonical = OPERATOR_SPELLINGS.get(str(op))
            if canonical is None:
                raise ValueError(
                    f'unknown operator "{op}"{did_you_mean(str(op), OPERATOR_SPELLINGS)}; '
                    f"operators: {', '.join(OPERATORS)}"
                )
            tests[canonical] = operand
        return tests
    if isinstance(value, list):
        return {"in": value}
    return {"=": value}


class _ValueTest(_Model):
    """Tests on one value; several operators in one block must all hold."""

    eq: Scalar | None = Field(None, alias="=")
    ne: Scalar | None = Field(None, alias="!=")
    lt: float | None = Field(None, alias="<")
    le: float | None = Field(None, alias="<=")
    gt: float | None = Field(None, alias=">")
    ge: float | None = Field(None, alias=">=")
    in_: list[Scalar] | None = Field(None, alias="in", min_length=1)
    matches: str | None = None
    exists: Literal[True] | None = None
    missing: Literal[True] | None = None

    @field_validator("matches")
    @classmethod
    def _regex_compiles(cls, pattern: str | None) -> str | None:
        """Patterns must compile as Python regular expressions (the engine runs them with
        re.fullmatch, ignoring case)."""
        if pattern is None:
            return None
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f'"matches" pattern {pattern!r} is not a valid regex: {exc}') from exc
        return pattern

    @model_validator(mode="after")
    def _not_empty(self) -> _ValueTest:
        if not self.model_fields_set:
            raise ValueError(f"an empty test; write a value or one of: {', '.join(OPERATORS)}")
        if self.missing and len(self.model_fields_set) > 1:
            raise ValueError('"missing" cannot be combined with other operators')
        return self

    def operators(self) -> dict[str, Any]:
        """The tests as canonical operator -> operand."""
        return {
            (type(self).model_fields[name].alias or name): getattr(self, name)
            for name in type(self).model_fields
            if name in self.model_fields_set
        }


ValueTest = Annotated[
    _ValueTest,
    BeforeValidator(_as_test, json_schema_input_type=Scalar | list[Scalar] | dict[str, Any]),
]


def _check_property(name: str) -> str:
    if name not in STREAM_PROPERTIES:
        raise ValueError(f'unknown stream property "{name}"{did_you_mean(name, STREAM_PROPERTIES)}')
    return name


def _one_or_many(value: Any) -> Any:
    return value if isinstance(value, list) else [value]


PropertyName = Annotated[str, BeforeValidator(_check_property)]


_EwcPrefixes = Annotated[
    list[Annotated[str, Field(pattern=r"^\d{2}(\d{2}(\d{2})?)?$")]],
    BeforeValidator(_one_or_many, json_schema_input_type=str | list[str]),
]


class StreamException(_Model):
    """What must NOT hold for the stream: each test here is a "not" of its own.

    A rule can then say "a by-product test, unless the stream is hazardous or a spent
    auxiliary" on the facts (property values, families, EWC codes) instead of on the words of
    the stream's name, which a broker can phrase in a thousand ways.
    """

    has: dict[PropertyName, ValueTest] = Field(
        default={}, description="property tests of which none may hold"
    )
    family: Annotated[
        list[str], BeforeValidator(_one_or_many, json_schema_input_type=str | list[str])
    ] = Field(default=[], description="material families the stream may not have")
    ewc: _EwcPrefixes = Field(
        default=[], description="EWC chapters, sub-chapters or entries no code may start with"
    )

    @model_validator(mode="after")
    def _something_excluded(self) -> StreamException:
        if not (self.has or self.family or self.ewc):
            raise ValueError('"unless" needs at least one of: has, family, ewc')
        doubled = [name for name, test in self.has.items() if test.missing]
        if doubled:
            raise ValueError(
                f'"missing" inside "unless" is a double negation ({", ".join(doubled)}): '
                'write "has: {NAME: {exists: true}}" in the stream block instead'
            )
        return self


class StreamCondition(_Model):
    """Conditions on one stream and its properties (joined on the stream id)."""

    kind: Annotated[
        list[StreamKind],
        BeforeValidator(_one_or_many, json_schema_input_type=StreamKind | list[StreamKind]),
    ] = []
    name: ValueTest | None = None
    role: Literal["have", "want"] = Field(
        default="have",
        description="have: the company's own stream (default); want: an input it looks for",
    )
    has: dict[PropertyName, ValueTest] = {}
    missing: list[PropertyName] = []
    family: Annotated[
        list[str], BeforeValidator(_one_or_many, json_schema_input_type=str | list[str])
    ] = Field(default=[], description="any of these material families (sugar for has: family)")
    ewc: _EwcPrefixes = Field(
        default=[], description="EWC chapters, sub-chapters or entries (prefix match)"
    )
    unless: StreamException | None = Field(
        default=None, description="tests none of which may hold (property values, families, codes)"
    )

    @model_validator(mode="after")
    def _no_contradiction(self) -> StreamCondition:
        both = set(self.has) & set(self.missing)
        if both:
            raise ValueError(f"properties both required and missing: {', '.join(sorted(both))}")
        return self


def _check_company_field(name: str) -> str:
    if name not in COMPANY_FIELDS:
        raise ValueError(f'unknown company field "{name}"{did_you_mean(name, COMPANY_FIELDS)}')
    return name


CompanyField = Annotated[str, BeforeValidator(_check_company_field)]


class AnswerCondition(_Model):
    """An interview answer (or its absence of knowledge: status unknown or skipped)."""

    question: str = Field(min_length=1)
    status: Literal["known", "unknown", "skipped"] | None = None
    value: ValueTest | None = None
    same_stream: bool = Field(
        default=True, description="join on the rule's stream (only when there is a stream block)"
    )


class ConclusionCondition(_Model):
    """Another rule's conclusion, for chaining (same stream when the rule has a stream block)."""

    rule: str | None = Field(default=None, pattern=RULE_ID)
    kind: Kind | None = None
    category: str | None = None
    data: dict[str, ValueTest] = {}
    same_stream: bool = True

    @model_validator(mode="after")
    def _names_something(self) -> ConclusionCondition:
        if self.rule is None and self.kind is None:
            raise ValueError('a conclusion condition needs "rule" or "kind"')
        return self


class When(_Model):
    """Everything that must hold at once for a rule to fire."""

    stream: StreamCondition | None = None
    company: dict[CompanyField, ValueTest] | None = None
    answers: list[AnswerCondition] = []
    unanswered: list[str] = Field(default=[], description="question ids with no answer fact")
    conclusion: Annotated[
        list[ConclusionCondition],
        BeforeValidator(
            _one_or_many,
            json_schema_input_type=ConclusionCondition | list[ConclusionCondition],
        ),
    ] = []

    @model_validator(mode="after")
    def _something_to_match(self) -> When:
        if not (self.stream or self.company is not None or self.answers or self.conclusion):
            raise ValueError('"when" needs at least one of: stream, company, answers, conclusion')
        return self


class _Then(Text):
    """What a rule concludes: the text (placeholders filled in) and typed extras."""


class ClassificationThen(_Then):
    ewc: list[str] = Field(default=[], description="EWC entries or prefixes to consider")
    cpa: list[str] = Field(default=[], description="CPA codes to consider")
    test_for: list[str] = Field(default=[], description="substances or properties to test")


class BarrierThen(_Then):
    mitigation: Text | None = None


class GapThen(_Then):
    question: str | None = Field(default=None, description="dialog question that closes the gap")


class LegalThen(_Then):
    regulation: str | None = None


class HeatThen(_Then):
    uses: list[str] = Field(default=[])


class ValorisationThen(_Then):
    route: str = Field(min_length=1)
    evidence: list[str] = Field(default=[], description="MAESTRI exchange ids or case names")
    receiver_nace: list[str] = Field(default=[], description="sectors that take the stream")
    source_nace: list[str] = Field(
        default=[], description="a want's sourcing route: sectors that supply what is wanted"
    )


class CanvasThen(_Then):
    pass


class FollowUpThen(_Then):
    question: str = Field(min_length=1)


class _Rule(_Model):
    id: str = Field(pattern=RULE_ID)
    title: Text
    when: When
    source: str = Field(
        min_length=3, description="method section, regulation and article, paper or dataset"
    )

    @model_validator(mode="after")
    def _placeholders_resolve(self) -> _Rule:
        then: _Then = getattr(self, "then")  # noqa: B009 - every subclass declares it
        for lang in ("nl", "en"):
            for scope, name in _PLACEHOLDER.findall(then[lang]):
                problem = _placeholder_problem(self.when, scope, name)
                if problem:
                    raise ValueError(f"then.{lang}: placeholder {{{scope}.{name}}}: {problem}")
        return self


def _placeholder_problem(when: When, scope: str, name: str) -> str | None:
    """Say why ``{scope.name}`` cannot be filled from the facts this rule matches, or None."""
    scopes = ("stream", "prop", "company", "conclusion")
    if scope not in scopes:
        return (
            f'unknown scope "{scope}"{did_you_mean(scope, scopes)}; use one of {", ".join(scopes)}'
        )
    if scope == "stream":
        fields = ("id", "name", "kind")
        if when.stream is None:
            return "the rule has no stream block"
        if name not in fields:
            return f"streams have {', '.join(fields)}{did_you_mean(name, fields)}"
    if scope == "prop":
        matched = _matched_properties(when)
        if name not in matched:
            return (
                f'property "{name}" is not matched by stream.has'
                f"{did_you_mean(name, matched)}; only matched properties have a value"
            )
    if scope == "company" and name not in COMPANY_FIELDS:
        return f'unknown company field "{name}"{did_you_mean(name, COMPANY_FIELDS)}'
    if scope == "conclusion" and not when.conclusion:
        return "the rule has no conclusion block"
    return None


def _matched_properties(when: When) -> list[str]:
    if when.stream is None:
        return []
    names = [n for n, test in when.stream.has.items() if not test.missing]
    names += [n for n, flag in (("family", when.stream.family), ("ewc", when.stream.ewc)) if flag]
    return names


class ClassificationRule(_Rule):
    kind: Literal["classification"]
    category: ClassificationCategory
    priority: Level = "medium"
    then: ClassificationThen


class BarrierRule(_Rule):
    kind: Literal["barrier"]
    category: BarrierCategory
    severity: Level
    then: BarrierThen


class KnowledgeGapRule(_Rule):
    kind: Literal["knowledge_gap"]
    category: GapCategory
    severity: Level
    then: GapThen


class LegalRule(_Rule):
    kind: Literal["legal"]
    category: LegalCategory
    priority: Level = "medium"
    then: LegalThen


class HeatRule(_Rule):
    kind: Literal["heat"]
    category: HeatCategory
    priority: Level = "medium"
    then: HeatThen


class ValorisationRule(_Rule):
    kind: Literal["valorisation"]
    category: ValorisationCategory
    priority: Level = "medium"
    then: ValorisationThen

    @model_validator(mode="after")
    def _sectors_on_the_right_side(self) -> ValorisationRule:
        """A want's route names where to source it (``source_nace``); the company wanting it is
        the receiver, so a ``receiver_nace`` there would send suppliers' sectors to the register
        as receivers. A route for an own stream names who takes it (``receiver_nace``)."""
        want = self.when.stream is not None and self.when.stream.role == "want"
        if want and self.then.receiver_nace:
            raise ValueError(
                "a want's sourcing route names its suppliers' sectors in then.source_nace, "
                "not then.receiver_nace (the wanting company is the receiver)"
            )
        if not want and self.then.source_nace:
            raise ValueError(
                "then.source_nace is for a want's sourcing route (stream: {role: want}); "
                "a route for the company's own stream names receivers in then.receiver_nace"
            )
        return self


class CanvasRule(_Rule):
    kind: Literal["canvas"]
    category: CanvasBlock
    priority: Level = "medium"
    then: CanvasThen


class FollowUpRule(_Rule):
    kind: Literal["follow_up"]
    category: FollowUpCategory
    priority: Level = "medium"
    then: FollowUpThen


Rule = Annotated[
    ClassificationRule
    | BarrierRule
    | KnowledgeGapRule
    | LegalRule
    | HeatRule
    | ValorisationRule
    | CanvasRule
    | FollowUpRule,
    Field(discriminator="kind"),
]
AnyRule = (
    ClassificationRule
    | BarrierRule
    | KnowledgeGapRule
    | LegalRule
    | HeatRule
    | ValorisationRule
    | CanvasRule
    | FollowUpRule
)


class ExampleStream(_Model):
    """A stream in an example, with its properties written inline."""

    name: str
    kind: StreamKind = "material"
    role: Literal["have", "want"] = "have"
    properties: dict[PropertyName, Scalar | list[str]] = {}

    @model_validator(mode="before")
    @classmethod
    def _inline_properties(cls, data: Any) -> Any:
        """Let an example say ``temperature_c: 80`` next to ``name:`` instead of nesting."""
        if isinstance(data, dict) and "properties" not in data:
            own = {k: v for k, v in data.items() if k in ("name", "kind", "role")}
            own["properties"] = {k: v for k, v in data.items() if k not in ("name", "kind", "role")}
            return own
        return data


class ExampleAnswer(_Model):
    question: str
    stream: str | None = None
    value: Scalar | list[str] | None = None
    status: Literal["known", "unknown", "skipped"] = "known"


class Example(_Model):
    """Facts in, conclusions out: the file's own test of its rules.

    ``expect`` and ``expect_not`` list rule ids, optionally ``rule.id@s1`` for one stream.
    """

    name: str = Field(min_length=1)
    company: dict[CompanyField, Any] = {}
    streams: dict[str, ExampleStream] = {}
    answers: list[ExampleAnswer] = []
    expect: list[str] = []
    expect_not: list[str] = []

    @model_validator(mode="after")
    def _expects_something(self) -> Example:
        if not (self.expect or self.expect_not):
            raise ValueError('an example needs "expect" or "expect_not"')
        return self


class RuleFile(_Model):
    """One YAML file in rules/."""

    about: str | None = Field(default=None, description="what the rules in this file are for")
    rules: list[Rule] = Field(min_length=1)
    examples: list[Example] = []
