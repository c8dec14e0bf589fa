"""The only module that imports durable_rules: compiled rules in, conclusions out.

durable_rules has sharp edges (DURABLE_RULES.md): one Host per process (each starts timer
threads), rulesets cannot be unregistered, ``Ruleset`` mutates the definitions it is given,
action exceptions are swallowed into the state, and a fact nothing observes is dropped. This
module meets each one once, so the rest of isassist sees a plain ``derive`` function.
"""

from __future__ import annotations

import copy
import json
import logging
import re
import threading
from collections.abc import Callable, Sequence
from typing import Any

import durable_rules_engine
from durable import engine as durable_engine

from isassist.facts import STREAM_PROPERTIES, _Fact
from isassist.rules.compiler import (
    KEEP_ACTION,
    STREAM_BINDING,
    CompiledRuleset,
    compile_rulesets,
    pattern_tag,
)
from isassist.rules.conclusion import Conclusion, build_conclusion
from isassist.rules.evidence import with_evidence
from isassist.rules.loader import RuleBase
from isassist.rules.vocabulary import did_you_mean

# durable logs dispatch errors from its timer threads; they must not scribble over the TUI.
_durable_log = logging.getLogger("durable")
_durable_log.addHandler(logging.NullHandler())
_durable_log.propagate = False

# Facts referenced by negations ("missing", "unanswered") go in before the streams that
# trigger them: durable decides a negation when the joining fact arrives.
_ASSERT_ORDER = {"answer": 0, "property": 1, "item": 1, "company": 2, "stream": 3}
_MAX_CHAIN_ROUNDS = 20

# (field, tag, compiled regex) of every "matches" test of the rule base
Pattern = tuple[str, str, "re.Pattern[str]"]

Action = Callable[[Any], None]


class RuleEngineError(RuntimeError):
    """The engine failed while deriving (an action raised, or a fact was refused)."""


class FactError(ValueError):
    """A fact does not fit the vocabulary of isassist.facts (name or value type)."""


class _Host(durable_engine.Host):  # type: ignore[misc]
    """The process-wide Host: actions are looked up in an explicit registry, never by import."""

    def __init__(self) -> None:
        self.actions: dict[str, Action] = {KEEP_ACTION: _never_runs}
        super().__init__()

    def _run(self) -> None:
        """Start no dispatch threads. durable's timer threads run pending actions on any
        session at any moment, outside our lock; isassist needs no timers, and every action
        already runs synchronously inside assert/retract on the calling thread."""

    def get_action(self, action_name: str) -> Action:
        try:
            return self.actions[action_name]
        except KeyError:
            raise RuleEngineError(f"no action registered under {action_name!r}") from None


def _never_runs(c: Any) -> None:
    raise RuleEngineError("a keep rule fired: a fact of type '__never__' was asserted")


_LOCK = threading.Lock()
_HOST: _Host | None = None
_ENGINES: dict[str, RuleEngine] = {}


def engine_for(rulebase: RuleBase) -> RuleEngine:
    """The engine of this rule base version, compiled and registered once per process."""
    global _HOST
    with _LOCK:
        if _HOST is None:
            _HOST = _Host()
        engine = _ENGINES.get(rulebase.version)
        if engine is None:
            engine = _ENGINES[rulebase.version] = RuleEngine(rulebase, _HOST)
        return engine


class RuleEngine:
    """Derives the conclusions of one interview at a time, each interview in its own session."""

    def __init__(self, rulebase: RuleBase, host: _Host) -> None:
        self.rulebase = rulebase
        self._host = host
        self._rules = rulebase.by_id
        prefix = f"isassist@{rulebase.version}"
        self._rulesets = compile_rulesets(rulebase.rules, prefix)
        self._properties = {
            rule.rule_id: rule.properties for rs in self._rulesets for rule in rs.rules
        }
        self._patterns = [
            (fieldname, pattern_tag(fieldname, pattern), re.compile(pattern, re.IGNORECASE))
            for fieldname, pattern in sorted({p for rs in self._rulesets for p in rs.patterns})
        ]
        self._matches: list[tuple[str, dict[str, dict[str, Any]]]] = []
        self._session = 0  # durable sid all derivations share (see derive)
        definitions: dict[str, Any] = {}
        for ruleset in self._rulesets:
            definitions[ruleset.name] = ruleset.definition(lambda rule_id: f"{prefix}:{rule_id}")
            for rule in ruleset.rules:
                host.actions[f"{prefix}:{rule.rule_id}"] = self._recorder(rule.rule_id)
        for name, definition in definitions.items():
            try:
                # Ruleset() deletes "run" from the dicts it is given: hand it a copy.
                host.register_rulesets({name: copy.deepcopy(definition)})
            except Exception as exc:
                raise RuleEngineError(_diagnose(name, definition, exc)) from exc

    @property
    def ruleset_names(self) -> list[str]:
        return [rs.name for rs in self._rulesets]

    def _recorder(self, rule_id: str) -> Action:
        def record(c: Any) -> None:
            # c._m is parsed afresh from JSON for every action: no copy needed
            self._matches.append((rule_id, c._m))

        return record

    def derive(self, interview_id: str, facts: Sequence[_Fact]) -> list[Conclusion]:
        """All conclusions the facts support, derived from a clean session.

        Starting clean each time means a changed or withdrawn answer can leave no stale
        conclusion behind; an interview has a few hundred facts, so this is cheap. Everything
        asserted is retracted before returning, so the durable session is empty again.

        Because it is empty between calls (and calls are serialised by the lock), every
        interview uses the same durable session: durable 2.0.28's delete_state crashed the
        process after half-matched joins, and each session left behind slowed later
        derivations (5 ms grew to 17 ms after a hundred sessions; both measured).
        ``interview_id`` names the interview in errors.
        """
        payloads = prepare_facts(facts, self._patterns)
        asserted: dict[str, list[dict[str, Any]]] = {rs.name: [] for rs in self._rulesets}
        with _LOCK:
            sid = f"s{self._session}"
            payloads = [dict(p, sid=sid) for p in payloads]
            try:
                found: dict[str, Conclusion] = {}
                pending = self._assert(self._rulesets, payloads, found, asserted)
                chaining = [rs for rs in self._rulesets if rs.uses_conclusions]
                for _ in range(_MAX_CHAIN_ROUNDS):
                    if not pending or not chaining:
                        break
                    facts_out = [
                        _tagged(dict(c.as_fact(), sid=sid), self._patterns) for c in pending
                    ]
                    pending = self._assert(chaining, facts_out, found, asserted)
                else:
                    if pending:
                        raise RuleEngineError(
                            f"interview {interview_id}: conclusions still chaining after "
                            f"{_MAX_CHAIN_ROUNDS} rounds"
                        )
            finally:
                try:
                    self._retract(asserted)
                except Exception:
                    self._session += 1  # never reuse a session that may not be empty
                    raise
        return [with_evidence(c) for c in found.values()]

    def _assert(
        self,
        rulesets: list[CompiledRuleset],
        payloads: list[dict[str, Any]],
        found: dict[str, Conclusion],
        asserted: dict[str, list[dict[str, Any]]],
    ) -> list[Conclusion]:
        """Assert into every ruleset; return the conclusions that are new."""
        self._matches = []
        if not payloads:
            return []  # durable 2.0.28 segfaults on assert_facts(name, [])
        for ruleset in rulesets:
            try:
                state = self._host.assert_facts(ruleset.name, payloads)
            except durable_engine.MessageNotHandledException as exc:
                raise RuleEngineError(f"{ruleset.name} refused facts: {exc.message}") from exc
            asserted[ruleset.name] += payloads
            if isinstance(state, dict) and state.get("exception"):
                raise RuleEngineError(
                    f"a rule action failed in {ruleset.name}: {state['exception']}"
                )
        new: list[Conclusion] = []
        for rule_id, bindings in self._matches:
            stream = bindings.get(STREAM_BINDING)
            key = f"{rule_id}@{stream['id'] if stream else '-'}"  # == Conclusion.key
            if key not in found:
                conclusion = build_conclusion(
                    self._rules[rule_id], bindings, self._properties[rule_id]
                )
                found[key] = conclusion
                new.append(conclusion)
        return new

    def _retract(self, asserted: dict[str, list[dict[str, Any]]]) -> None:
        """Empty the session again, newest facts first.

        Streams go before the properties they join, so no "missing" rule fires on the way out;
        whatever does fire during retraction is ignored.
        """
        for name, payloads in asserted.items():
            if payloads:
                self._host.retract_facts(name, payloads[::-1])
        self._matches = []

    def close(self, interview_id: str) -> None:
        """Forget an interview. Nothing of it stays in the engine after ``derive`` returns
        (see there), so there is no durable state left to delete."""

    def held_facts(self) -> list[dict[str, Any]]:
        """The facts durable holds right now: empty whenever no derivation is running."""
        with _LOCK:
            held = []
            for ruleset in self._rulesets:
                try:
                    held += self._host.get_facts(ruleset.name, f"s{self._session}")
                except Exception:  # durable: "sid not found" before the first derivation
                    continue
            return held


def _diagnose(name: str, definition: dict[str, Any], exc: Exception) -> str:
    """durable says only "error code N"; find the rules it refuses on their own."""
    refused = []
    for rule_id, rule in definition.items():
        probe = {rule_id: {k: v for k, v in rule.items() if k != "run"}}
        try:
            durable_rules_engine.create_ruleset(f"probe.{rule_id}", json.dumps(probe))
        except Exception:
            refused.append(rule_id)
    which = (
        f"rules refused on their own: {', '.join(refused)}"
        if refused
        else (f"no single rule is refused; the ruleset of {len(definition)} rules is too large")
    )
    return f"durable_rules cannot compile {name} ({exc}); {which}"


def prepare_facts(facts: Sequence[_Fact], patterns: Sequence[Pattern] = ()) -> list[dict[str, Any]]:
    """Facts as engine payloads: JSON only, typed values checked, in negation-safe order.

    A list property also becomes one ``item`` fact per entry, which rules on lists join.

    durable compares a string with a number without complaint ("hot" >= 55 holds), and a list
    test never matches a scalar, so property values are checked and normalised here.
    """
    payloads: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for fact in facts:
        payload = fact.model_dump(mode="json", exclude_none=True)
        identity = (payload["type"], payload["id"])
        if identity in seen:
            raise FactError(f"two {payload['type']} facts share the id {payload['id']!r}")
        seen.add(identity)
        if payload["type"] == "stream":
            payload["stream"] = payload["id"]  # the join key (compiler._JOIN_STREAM)
        if payload["type"] == "property":
            payload["value"] = _checked_value(payload["stream"], payload["name"], payload["value"])
            if isinstance(payload["value"], list):
                payloads += [
                    _tagged(
                        {
                            "type": "item",
                            "id": f"{payload['id']}#{index}",
                            "stream": payload["stream"],
                            "name": payload["name"],
                            "value": item,
                        },
                        patterns,
                    )
                    for index, item in enumerate(payload["value"])
                ]
        payloads.append(_tagged(payload, patterns))
    payloads.sort(key=lambda p: _ASSERT_ORDER[p["type"]])
    return payloads


def _tagged(payload: dict[str, Any], patterns: Sequence[Pattern]) -> dict[str, Any]:
    """Set the field of every ``matches`` pattern this payload matches (see compiler)."""
    for fieldname, tag, regex in patterns:
        value = payload.get(fieldname)
        if value is None:
            continue
        values = value if isinstance(value, list) else [value]
        if any(regex.fullmatch(str(v)) for v in values):
            payload[tag] = True
    return payload


def _checked_value(stream: str, name: str, value: Any) -> Any:
    if name not in STREAM_PROPERTIES:
        raise FactError(
            f'stream {stream}: unknown property "{name}"{did_you_mean(name, STREAM_PROPERTIES)}'
        )
    expected = STREAM_PROPERTIES[name][0]
    if expected == "list":
        return [str(v) for v in value] if isinstance(value, list) else [str(value)]
    if expected == "number" and (isinstance(value, bool) or not isinstance(value, int | float)):
        raise FactError(f"stream {stream}: property {name} must be a number, not {value!r}")
    if expected == "bool" and not isinstance(value, bool):
        raise FactError(f"stream {stream}: property {name} must be true or false, not {value!r}")
    if expected == "str" and not isinstance(value, str):
        raise FactError(f"stream {stream}: property {name} must be text, not {value!r}")
    return value
