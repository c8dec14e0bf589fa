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
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import durable_rules_engine
from durable import engine as durable_engine

from isassist.facts import STREAM_PROPERTIES, _Fact
from isassist.rules.compiler import (
    KEEP_ACTION,
    STREAM_BINDING,
    CompiledRuleset,
    compile_rulesets,
)
from isassist.rules.conclusion import Conclusion, build_conclusion
from isassist.rules.evidence import with_evidence
from isassist.rules.loader import RuleBase
from isassist.rules.partition import PartitionMemo, digest, split_rules, stream_partitions
from isassist.rules.patterns import PatternTagger
from isassist.rules.vocabulary import did_you_mean

# durable logs dispatch errors from its timer threads; they must not scribble over the TUI.
_durable_log = logging.getLogger("durable")
_durable_log.addHandler(logging.NullHandler())
_durable_log.propagate = False

# Facts referenced by negations ("missing", "unanswered") go in before the streams that
# trigger them: durable decides a negation when the joining fact arrives.
_ASSERT_ORDER = {"answer": 0, "property": 1, "item": 1, "company": 2, "stream": 3}
_MAX_CHAIN_ROUNDS = 20

Action = Callable[[Any], None]
# (rule id, bindings) of one rule firing, as durable hands them to the action
_Match = tuple[str, dict[str, dict[str, Any]]]


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


@dataclass(frozen=True)
class _Derived:
    """One conclusion and where it was found, so merged partitions sort like one derivation.

    ``chained`` is the conclusion as rules chain on it (its evidence spec still a list);
    ``shown`` is the one handed out, with the matching MAESTRI exchanges filled in.
    """

    chained: Conclusion
    shown: Conclusion
    round: int
    ruleset: int  # position of the rule's ruleset in the engine
    seq: int  # position among the conclusions of the same derivation, in firing order


class RuleEngine:
    """Derives the conclusions of one interview at a time, reusing unchanged streams.

    Stream-bound rules (see ``isassist.rules.partition``) are compiled into their own rulesets
    and derived per stream partition, memoised by the partition's digest; the whole-interview
    rules run on all facts plus the stream conclusions every time.
    """

    def __init__(self, rulebase: RuleBase, host: _Host) -> None:
        self.rulebase = rulebase
        self._host = host
        self._rules = rulebase.by_id
        prefix = f"isassist@{rulebase.version}"
        stream_rules, whole_rules = split_rules(rulebase.rules)
        self._stream_rulesets = compile_rulesets(stream_rules, f"{prefix}.stream")
        self._whole_rulesets = compile_rulesets(whole_rules, f"{prefix}.whole")
        self._rulesets = self._stream_rulesets + self._whole_rulesets
        self._ruleset_of = {
            rule.rule_id: index for index, rs in enumerate(self._rulesets) for rule in rs.rules
        }
        self._properties = {
            rule.rule_id: rule.properties for rs in self._rulesets for rule in rs.rules
        }
        self._tagger = PatternTagger(p for rs in self._rulesets for p in rs.patterns)
        self._matches: list[_Match] = []
        self._memo: PartitionMemo[list[_Derived]] = PartitionMemo()
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

    @property
    def whole_interview_rules(self) -> list[str]:
        """Ids of the rules derived on all facts at every call (not per stream)."""
        return [rule.rule_id for rs in self._whole_rulesets for rule in rs.rules]

    @property
    def memo_entries(self) -> int:
        """Stream partitions held in the memo, over all interviews."""
        with _LOCK:
            return len(self._memo)

    def _recorder(self, rule_id: str) -> Action:
        def record(c: Any) -> None:
            # c._m is parsed afresh from JSON for every action: no copy needed
            self._matches.append((rule_id, c._m))

        return record

    def derive(self, interview_id: str, facts: Sequence[_Fact]) -> list[Conclusion]:
        """All conclusions the facts support; the same as ``derive_from_scratch``, cheaper.

        Each stream partition whose facts are unchanged since an earlier call for this
        interview is taken from the memo; the others are derived from a clean session, so a
        changed or withdrawn answer can leave no stale conclusion behind.
        """
        payloads = prepare_facts(facts, self._tagger)
        partitions = stream_partitions(payloads)
        with _LOCK:
            derived: list[_Derived] = []
            for part in partitions.values():
                key = digest(part)
                found = self._memo.get(interview_id, key)
                if found is None:
                    found = self._fixpoint(interview_id, self._stream_rulesets, part)
                    self._memo.put(interview_id, key, found, room=2 * len(partitions))
                derived += found
            return self._with_whole_interview(interview_id, payloads, derived, list(partitions))

    def derive_from_scratch(self, interview_id: str, facts: Sequence[_Fact]) -> list[Conclusion]:
        """All conclusions, every stream rule on all facts at once, memo neither read nor
        written: the reference ``derive`` must agree with."""
        payloads = prepare_facts(facts, self._tagger)
        streams = [p["id"] for p in payloads if p["type"] == "stream"]
        with _LOCK:
            derived = self._fixpoint(interview_id, self._stream_rulesets, payloads)
            return self._with_whole_interview(interview_id, payloads, derived, streams)

    def _with_whole_interview(
        self,
        interview_id: str,
        payloads: list[dict[str, Any]],
        derived: list[_Derived],
        streams: list[str],
    ) -> list[Conclusion]:
        """Stream conclusions in a fixed order, then what the whole-interview rules add.

        The order (chaining round, ruleset, stream, firing order) does not depend on how the
        streams were derived, so the whole-interview rules see stream conclusions in the same
        order either way, and the dossier lists them the same way. For one stream it is the
        order of a single derivation: durable fires ruleset by ruleset, round by round.
        """
        position = {stream: index for index, stream in enumerate(streams)}
        derived.sort(
            key=lambda d: (
                d.round,
                d.ruleset,
                position.get(d.chained.stream_id or "", -1),
                d.seq,
            )
        )
        if self._whole_rulesets:
            seeds: list[list[Conclusion]] = []
            for item in derived:
                seeds += [[] for _ in range(item.round + 1 - len(seeds))]
                seeds[item.round].append(item.chained)
            derived += self._fixpoint(interview_id, self._whole_rulesets, payloads, seeds)
        return [item.shown for item in derived]

    def _fixpoint(
        self,
        interview_id: str,
        rulesets: list[CompiledRuleset],
        payloads: list[dict[str, Any]],
        seeds: Sequence[list[Conclusion]] = (),
    ) -> list[_Derived]:
        """Assert the facts, chain conclusions until none is new, and empty the session.

        ``seeds[k]`` are conclusions found elsewhere in round k; they are asserted with the
        new conclusions of round k, as if these rulesets had found them.

        Because the session is empty between calls (and calls are serialised by the lock),
        every interview uses the same durable session: durable 2.0.28's delete_state crashed
        the process after half-matched joins, and each session left behind slowed later
        derivations (5 ms grew to 17 ms after a hundred sessions; both measured).
        """
        asserted: dict[str, list[dict[str, Any]]] = {rs.name: [] for rs in rulesets}
        found: dict[str, _Derived] = {}
        sid = f"s{self._session}"
        try:
            pending = self._assert(rulesets, [dict(p, sid=sid) for p in payloads], asserted)
            chaining = [rs for rs in rulesets if rs.uses_conclusions]
            for round_ in range(_MAX_CHAIN_ROUNDS + 1):
                new = [c for m in pending if (c := self._keep(found, m, round_)) is not None]
                incoming = (list(seeds[round_]) if round_ < len(seeds) else []) + new
                if not incoming or not chaining:
                    break
                if round_ == _MAX_CHAIN_ROUNDS:
                    raise RuleEngineError(
                        f"interview {interview_id}: conclusions still chaining after "
                        f"{_MAX_CHAIN_ROUNDS} rounds"
                    )
                facts_out = [self._tagger.tag(dict(c.as_fact(), sid=sid)) for c in incoming]
                pending = self._assert(chaining, facts_out, asserted)
        finally:
            try:
                self._retract(asserted)
            except Exception:
                self._session += 1  # never reuse a session that may not be empty
                raise
        return list(found.values())

    def _keep(self, found: dict[str, _Derived], match: _Match, round_: int) -> Conclusion | None:
        """The conclusion of a match if its key is new (the first match of a key wins)."""
        rule_id, bindings = match
        stream = bindings.get(STREAM_BINDING)
        key = f"{rule_id}@{stream['id'] if stream else '-'}"  # == Conclusion.key
        if key in found:
            return None
        conclusion = build_conclusion(self._rules[rule_id], bindings, self._properties[rule_id])
        found[key] = _Derived(
            conclusion, with_evidence(conclusion), round_, self._ruleset_of[rule_id], len(found)
        )
        return conclusion

    def _assert(
        self,
        rulesets: list[CompiledRuleset],
        payloads: list[dict[str, Any]],
        asserted: dict[str, list[dict[str, Any]]],
    ) -> list[_Match]:
        """Assert into every ruleset; return the matches, in firing order."""
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
        return list(self._matches)

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
        """Forget an interview: drop its memoised partitions. Nothing of it stays in durable
        after ``derive`` returns (see ``_fixpoint``)."""
        with _LOCK:
            self._memo.drop(interview_id)

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


def prepare_facts(
    facts: Sequence[_Fact], tagger: PatternTagger | None = None
) -> list[dict[str, Any]]:
    """Facts as engine payloads: JSON only, typed values checked, in negation-safe order.

    A list property also becomes one ``item`` fact per entry, which rules on lists join.

    durable compares a string with a number without complaint ("hot" >= 55 holds), and a list
    test never matches a scalar, so property values are checked and normalised here.
    """
    tag = tagger.tag if tagger is not None else _untagged
    payloads: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()
    for fact in facts:
        payload = fact.model_dump(mode="json", exclude_none=True)
        identity = (payload["type"], payload["id"])
        if identity in seen:
            raise FactError(f"two {payload['type']} facts share the id {payload['id']!r}")
        seen.add(identity)
        if payload["type"] == "stream":
            if not payload["id"]:
                # a stream-less conclusion carries stream "": it would join such a stream
                raise FactError(f'the stream "{payload["name"]}" has an empty id; use e.g. "s1"')
            payload["stream"] = payload["id"]  # the join key (compiler._JOIN_STREAM)
        if payload["type"] == "property":
            payload["value"] = _checked_value(payload["stream"], payload["name"], payload["value"])
            if isinstance(payload["value"], list):
                payloads += [
                    tag(
                        {
                            "type": "item",
                            "id": f"{payload['id']}#{index}",
                            "stream": payload["stream"],
                            "name": payload["name"],
                            "value": item,
                        }
                    )
                    for index, item in enumerate(payload["value"])
                ]
        payloads.append(tag(payload))
    payloads.sort(key=lambda p: _ASSERT_ORDER[p["type"]])
    return payloads


def _untagged(payload: dict[str, Any]) -> dict[str, Any]:
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
