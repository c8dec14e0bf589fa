"""Compile validated rules into durable_rules JSON definitions (plain dicts, no engine import).

Kept apart from the engine so the translation can be read, tested and printed without the C
extension, and so a later swap of engine touches only ``engine.py``. Every binding starts with
its ``type`` (the discriminator), joins name an earlier binding, and rules are split into
rulesets well below durable's 512-condition limit (DURABLE_RULES.md, experiment 11).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from typing import Any

from isassist.facts import STREAM_PROPERTIES
from isassist.rules.model import AnyRule, StreamCondition, When, _ValueTest

RULES_PER_RULESET = 60

# Joins never reference "id": durable 2.0.28 treats it as the identity key and a join on it
# matched only by chance when the two facts came in different calls (measured). The engine
# gives each stream payload a "stream" field equal to its id, and joins use that.
STREAM_BINDING = "the_stream"
_JOIN_STREAM = {"stream": {STREAM_BINDING: "stream"}}

_COMPARISONS = {"!=": "$neq", "<": "$lt", "<=": "$lte", ">": "$gt", ">=": "$gte"}


@dataclass(frozen=True)
class CompiledRule:
    """One rule as durable JSON plus what is needed to read its matches back."""

    rule_id: str
    definition: dict[str, Any]
    properties: dict[str, str]  # property name -> binding name, for {prop.NAME}
    uses_conclusions: bool
    patterns: frozenset[tuple[str, str]]  # (field, pattern) the engine tests in Python


@dataclass
class CompiledRuleset:
    name: str
    rules: list[CompiledRule] = field(default_factory=list)

    @property
    def uses_conclusions(self) -> bool:
        return any(rule.uses_conclusions for rule in self.rules)

    @property
    def patterns(self) -> frozenset[tuple[str, str]]:
        return frozenset(p for rule in self.rules for p in rule.patterns)

    def definition(self, action_name: Any) -> dict[str, Any]:
        """The ruleset dict; ``action_name(rule_id)`` gives the ``run`` string of each rule.

        A fact that matches no condition is not stored (durable answers "not handled"); the
        engine accepts that, as such a fact can take part in no match of this ruleset.
        """
        # Inside durable, rules are named by position ("r0", "r1"); actions carry the rule id.
        return {
            f"r{index}": dict(rule.definition, run=action_name(rule.rule_id))
            for index, rule in enumerate(self.rules)
        }


def compile_rulesets(rules: list[AnyRule], prefix: str) -> list[CompiledRuleset]:
    """Group rules by kind, then split each group into rulesets of ``RULES_PER_RULESET``."""
    by_kind: dict[str, list[CompiledRule]] = {}
    for rule in rules:
        by_kind.setdefault(rule.kind, []).append(compile_rule(rule))
    rulesets: list[CompiledRuleset] = []
    for kind, compiled in by_kind.items():
        for start in range(0, len(compiled), RULES_PER_RULESET):
            chunk = compiled[start : start + RULES_PER_RULESET]
            rulesets.append(CompiledRuleset(f"{prefix}.{kind}.{start // RULES_PER_RULESET}", chunk))
    return rulesets


def compile_rule(rule: AnyRule) -> CompiledRule:
    """Translate one rule's ``when`` into an ``all`` list of bindings."""
    patterns: set[tuple[str, str]] = set()
    bindings, properties = _when(rule.when, patterns)
    return CompiledRule(
        rule_id=rule.id,
        definition={"all": bindings},
        properties=properties,
        uses_conclusions=bool(rule.when.conclusion),
        patterns=frozenset(patterns),
    )


def _when(
    when: When, patterns: set[tuple[str, str]]
) -> tuple[list[dict[str, Any]], dict[str, str]]:
    bindings: list[dict[str, Any]] = []
    properties: dict[str, str] = {}
    negations = 0

    def negated(conditions: list[dict[str, Any]]) -> None:
        nonlocal negations
        negations += 1
        bindings.append({f"m_{negations}$not": _and(conditions)})

    on_stream = when.stream is not None
    if when.stream is not None:
        bindings.append({STREAM_BINDING: _and(_stream_tests(when.stream, patterns))})
        for index, (name, fact_type, conditions) in enumerate(
            _property_tests(when.stream, patterns)
        ):
            if conditions is None:
                negated([{"type": "property"}, {"name": name}, _JOIN_STREAM])
                continue
            binding = f"p{index}"
            properties[name] = binding
            bindings.append(
                {
                    binding: _and(
                        [
                            {"type": fact_type},
                            {"name": name},
                            _JOIN_STREAM,
                            *conditions,
                        ]
                    )
                }
            )
        for name, fact_type, conditions in _exception_tests(when.stream, patterns):
            negated([{"type": fact_type}, {"name": name}, _JOIN_STREAM, *conditions])
    if when.company is not None:
        tests = [
            c
            for name, test in when.company.items()
            for c in _value_conditions(name, test, patterns)
        ]
        bindings.append({"company": _and([{"type": "company"}, *tests])})
    for index, answer in enumerate(when.answers):
        tests = [{"type": "answer"}, {"question": answer.question}]
        if on_stream and answer.same_stream:
            tests.append(_JOIN_STREAM)
        if answer.status is not None:
            tests.append({"status": answer.status})
        if answer.value is not None:
            tests += _value_conditions("value", answer.value, patterns)
        bindings.append({f"a{index}": _and(tests)})
    for question in when.unanswered:
        tests = [{"type": "answer"}, {"question": question}]
        if on_stream:
            tests.append(_JOIN_STREAM)
        negated(tests)
    for index, cond in enumerate(when.conclusion):
        tests = [{"type": "conclusion"}]
        tests += [
            {key: value}
            for key, value in (
                ("rule", cond.rule),
                ("kind", cond.kind),
                ("category", cond.category),
            )
            if value is not None
        ]
        if on_stream and cond.same_stream:
            tests.append(_JOIN_STREAM)
        for name, test in cond.data.items():
            tests += _value_conditions(name, test, patterns)
        bindings.append({f"c{index}": _and(tests)})
    return _negations_first(bindings), properties


def _negations_first(bindings: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The negations right after the stream they join, before the positive bindings.

    durable tests a ``$not`` only against facts no earlier binding of the rule has taken: with
    ``family: [wood, ...]`` and ``unless: {family: [wood]}`` the wood item, taken by the
    positive binding, never reached the negation, and the rule fired for wood (measured on
    rules with a positive and an unless test on the same list property, e.g. an organic
    sludge that is also galvanic sludge offered for digestion). Placed first, a negation sees
    every fact; it reads nothing but the stream."""
    negations = [b for b in bindings if next(iter(b)).endswith("$not")]
    if not negations:
        return bindings
    positive = [b for b in bindings if not next(iter(b)).endswith("$not")]
    head = [b for b in positive[:1] if STREAM_BINDING in b]
    return head + negations + positive[len(head) :]


def _stream_tests(stream: StreamCondition, patterns: set[tuple[str, str]]) -> list[dict[str, Any]]:
    tests: list[dict[str, Any]] = [{"type": "stream"}, {"role": stream.role}]
    if stream.kind:
        tests.append(_any_of("kind", list(stream.kind)))
    if stream.name is not None:
        tests += _value_conditions("name", stream.name, patterns)
    return tests


def _property_tests(
    stream: StreamCondition, patterns: set[tuple[str, str]]
) -> list[tuple[str, str, list[dict[str, Any]] | None]]:
    """(property, fact type, conditions) per joined property; None means "must be missing".

    A test on a list property (ewc, family, ...) joins one of its ``item`` facts, which the
    engine asserts per list entry: durable's own list operator ($iany) made ruleset creation
    fail at random (error 102, memory dependent, measured), so it is never used.
    """
    tests: list[tuple[str, str, list[dict[str, Any]] | None]] = []
    for name, test in stream.has.items():
        if test.missing:
            tests.append((name, "property", None))
            continue
        conditions = _value_conditions("value", test, patterns)
        is_list = STREAM_PROPERTIES[name][0] == "list"
        only_exists = set(test.operators()) == {"exists"}
        tests.append((name, "item" if is_list and not only_exists else "property", conditions))
    if stream.family:
        tests.append(("family", "item", [_any_of("value", list(stream.family))]))
    if stream.ewc:
        prefixes = [_pattern_condition("value", f"{code}.*", patterns) for code in stream.ewc]
        tests.append(("ewc", "item", [_or(prefixes)]))
    tests += [(name, "property", None) for name in stream.missing]
    return tests


def _exception_tests(
    stream: StreamCondition, patterns: set[tuple[str, str]]
) -> list[tuple[str, str, list[dict[str, Any]]]]:
    """The ``unless`` tests as (property, fact type, conditions), each to be negated on its
    own: a property or list item that meets one of them keeps the rule from firing."""
    if stream.unless is None:
        return []
    positive = StreamCondition.model_construct(
        has=stream.unless.has, family=stream.unless.family, ewc=stream.unless.ewc, missing=[]
    )
    return [
        (name, fact_type, conditions)
        for name, fact_type, conditions in _property_tests(positive, patterns)
        if conditions is not None  # "missing" is refused inside unless (model)
    ]


def _value_conditions(
    fieldname: str, test: _ValueTest, patterns: set[tuple[str, str]]
) -> list[dict[str, Any]]:
    """Conditions for one value test (on a list property: on one of its items)."""
    conditions: list[dict[str, Any]] = []
    for op, operand in test.operators().items():
        if op == "=":
            conditions.append({fieldname: operand})
        elif op in _COMPARISONS:
            conditions.append({_COMPARISONS[op]: {fieldname: operand}})
        elif op == "in":
            conditions.append(_any_of(fieldname, list(operand)))
        elif op == "matches":
            conditions.append(_pattern_condition(fieldname, operand, patterns))
        elif op == "exists":
            conditions.append({"$ex": {fieldname: 1}})
        elif op == "missing":
            conditions.append({"$nex": {fieldname: 1}})
    return conditions


def pattern_tag(fieldname: str, pattern: str) -> str:
    """The field the engine sets to true on a payload whose ``fieldname`` matches."""
    digest = hashlib.sha1(f"{fieldname}\0{pattern}".encode(), usedforsecurity=False)
    return "rx" + digest.hexdigest()[:10]


def _pattern_condition(
    fieldname: str, pattern: str, patterns: set[tuple[str, str]]
) -> dict[str, Any]:
    """Regex tests run in Python, not in durable: its regex engine misses matches such as
    ".*(copper|koper).*" on "koperkabel" (measured). The engine tags each payload with the
    patterns its fields match (a true field per pattern); the condition only checks it."""
    patterns.add((fieldname, pattern))
    return {pattern_tag(fieldname, pattern): True}


def _any_of(fieldname: str, values: list[Any]) -> dict[str, Any]:
    return _or([{fieldname: value} for value in values])


def _and(conditions: list[dict[str, Any]]) -> dict[str, Any]:
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def _or(conditions: list[dict[str, Any]]) -> dict[str, Any]:
    return conditions[0] if len(conditions) == 1 else {"$or": conditions}
