"""The only module that imports durable_rules: compiled rules in, conclusions out.

durable_rules has sharp edges (DURABLE_RULES.md): its Python ``Host`` starts timer threads,
swallows action exceptions and costs more than the matching itself; rulesets cannot be
unregistered; a session left behind slows every later one. This module drives the C engine
(``durable_rules_engine``) directly and meets each edge once, so the rest of isassist sees a
plain ``derive`` function.

Everything that depends only on the rule base is prepared when the engine is built (each
rule's conclusion parts and MAESTRI evidence, where each kind of fact can match, durable's
session), so the first derivation of a process costs what later ones cost.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import durable_rules_engine
import orjson

from isassist.facts import STREAM_PROPERTIES, VALUE_LABELS, _Fact
from isassist.rules.compiler import (
    STREAM_BINDING,
    CompiledRule,
    CompiledRuleset,
    compile_rulesets,
)
from isassist.rules.conclusion import (
    Conclusion,
    ConclusionMaker,
    build_conclusion,
    rule_data,
)
from isassist.rules.evidence import (
    EvidenceSpecError,
    evidence_data,
    find_evidence_for_specs,
    rule_evidence,
)
from isassist.rules.loader import RuleBase
from isassist.rules.model import AnyRule
from isassist.rules.partition import PartitionMemo, digest, split_rules, stream_partitions
from isassist.rules.patterns import PatternTagger
from isassist.rules.vocabulary import did_you_mean

# Facts referenced by negations ("missing", "unanswered") go in before the streams that
# trigger them: durable decides a negation when the joining fact arrives.
_ASSERT_ORDER = {"answer": 0, "property": 1, "item": 1, "company": 2, "stream": 3}
_MAX_CHAIN_ROUNDS = 20

# payload id() -> _Sent; see RuleEngine._texts
_Texts = dict[int, "_Sent"]
# (rule id, bindings) of one rule firing, as durable reports it
_Match = tuple[str, dict[str, dict[str, Any]]]


class RuleEngineError(RuntimeError):
    """durable_rules refused a ruleset or a fact, or conclusions kept chaining."""


class FactError(ValueError):
    """A fact does not fit the vocabulary of isassist.facts (name or value type)."""


# the durable_rules result code (src/rules/rules.h) of an assert that met a known fact id
_OBSERVED = 2
# Fields that facts carry as strings and rules test for equality: a binding that tests one of
# them can only match facts with that value (used to send each fact only where it can match).
_DISCRIMINATORS = ("type", "name", "question", "rule", "kind", "category")
_ANY = object()  # a fact value that is not a string: equality left to durable
# All derivations use durable's default session: a fact without a "sid" field goes there, and
# comes back in a match exactly as it went in (no "sid" to strip from what the user sees).
_SID = "0"
_MARK = "dx"  # the start of a mark field's name (see _marked)
# A fact no rule matches: asserting it makes durable create the session (see open_session)
_PROBE = '[{"type":"isassist.probe","id":"isassist.probe"}]'


class _Ruleset:
    """One compiled ruleset inside durable_rules, driven through its C functions directly.

    durable's Python layer (``durable.engine.Host``) serialises the facts once per ruleset,
    builds a closure, reads the clock twice and writes the state back for every action, and
    starts timer threads: that was two thirds of a derivation's time (cProfile on
    benchmarks/rules_bench.py). isassist needs none of it: matches are recorded, never acted
    on inside the engine, so the C engine's own calls are enough: assert, then take the
    matches one by one (``start_action_for_state`` / ``complete_and_start_action``).
    """

    def __init__(self, ruleset: CompiledRuleset, index: int) -> None:
        self.name = ruleset.name
        self.index = index
        self.uses_conclusions = ruleset.uses_conclusions
        definition = ruleset.definition(lambda rule_id: rule_id)
        # durable names rules by position; the action carries the isassist rule id
        self.rule_ids = {name: rule.pop("run") for name, rule in definition.items()}
        # per binding, the string equalities it requires of its fact (see _Router)
        self.admits = [
            _binding_tests(binding) for rule in definition.values() for binding in rule["all"]
        ]
        for rule in definition.values():
            rule["all"] = [_marked(binding) for binding in rule["all"]]
        # the fields a fact can be read on, by the mark of the bindings that can match it
        # ("" for bindings without one), and the fields joins read on the other fact
        self.fields: dict[str, set[str]] = {}
        self.joined: set[str] = set()
        for rule in definition.values():
            names = {name for binding in rule["all"] for name in binding}
            for binding in rule["all"]:
                [(_name, condition)] = binding.items()
                mark = next((k for k in _tests(condition) if k.startswith(_MARK)), "")
                self.fields.setdefault(mark, set()).update(_named_fields(condition))
                self.joined.update(_join_targets(condition, names))
        self._text = json.dumps(definition, ensure_ascii=False)
        try:
            self.handle: int = durable_rules_engine.create_ruleset(self.name, self._text)
        except Exception as exc:
            raise RuleEngineError(_diagnose(ruleset.name, definition, self.rule_ids, exc)) from exc
        self.open_session()

    def open_session(self) -> None:
        """Have durable create the session now: it allocates the join state of every rule
        (several MB for a ruleset of 60 rules), a few ms a ruleset that the first derivation
        paid otherwise. The probe matches nothing, so nothing is stored or fired."""
        durable_rules_engine.assert_facts(self.handle, _PROBE)
        durable_rules_engine.retract_facts(self.handle, _PROBE)

    def reset(self) -> None:
        """Start over with an empty ruleset (after a failure left facts in durable)."""
        self.handle = durable_rules_engine.create_ruleset(self.name, self._text)
        self.open_session()

    def run(self, retract: bool, facts: list[str], matches: list[_Match] | None) -> None:
        """Assert (or retract) the facts, given as JSON texts; append the rule firings to
        ``matches`` in firing order (None: let them fire unrecorded)."""
        call = durable_rules_engine.retract_facts if retract else durable_rules_engine.assert_facts
        code, state = call(self.handle, "[" + ",".join(facts) + "]")
        result = durable_rules_engine.start_action_for_state(self.handle, state)
        message = result[1] if result is not None else None
        while message is not None:  # every firing is taken, so none is left for the next call
            if matches is not None:
                [(rule, bindings)] = orjson.loads(message).items()
                matches.append((self.rule_ids[rule], bindings))
            message = durable_rules_engine.complete_and_start_action(self.handle, state)
        if code == _OBSERVED and not retract:
            raise RuleEngineError(f"{self.name}: a fact was asserted twice")

    def facts(self, sid: str) -> list[dict[str, Any]]:
        try:
            held: list[dict[str, Any]] = json.loads(
                durable_rules_engine.get_facts(self.handle, sid)
            )
        except durable_rules_engine.error:  # "sid not found": nothing was ever asserted
            return []
        return held


def _tests(condition: dict[str, Any]) -> dict[str, Any]:
    """The single-field tests at the top of a binding's condition, by field."""
    tests = condition.get("$and", [condition])
    return {key: test[key] for test in tests if len(test) == 1 for key in test}


def _join_targets(condition: Any, bindings: set[str]) -> set[str]:
    """The fields a condition reads on the facts of other bindings (``{"stream":
    {"the_stream": "stream"}}`` reads the_stream's "stream")."""
    found: set[str] = set()
    stack = [condition]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            for key, value in item.items():
                if key in bindings and isinstance(value, str):
                    found.add(value)
                stack.append(value)
        elif isinstance(item, list):
            stack.extend(item)
    return found


def _named_fields(definition: Any) -> set[str]:
    """Every fact field a condition can read: each key and each string value in it. More than
    the condition reads (operators, binding names, tested values), never less."""
    found: set[str] = set()
    stack = [definition]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            found.update(item)
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
        elif isinstance(item, str):
            found.add(item)
    return found


def _mark(tests: dict[str, str]) -> str:
    """The field that stands for a binding's discriminator equalities (see ``_marked``)."""
    text = "\0".join(f"{field}={tests[field]}" for field in _DISCRIMINATORS if field in tests)
    return _MARK + hashlib.sha1(text.encode(), usedforsecurity=False).hexdigest()[:12]


def _marked(binding: dict[str, Any]) -> dict[str, Any]:
    """The binding with its discriminator equalities (``type``, ``name``, ...) replaced by one
    test that a field named after them is true; ``_Router`` sets that field on every fact
    whose values are equal.

    durable finds a fact's next condition nodes by the tested field's *name* only: the
    equalities ``name == "ewc"``, ``name == "hazardous"``, ... of a ruleset all sit under the
    field "name" and every one is compared with each property fact (a few dozen string
    comparisons per fact and ruleset). A field per combination of values is found with one
    look-up. A binding that tests one field twice keeps its tests as they are."""
    [(name, condition)] = binding.items()
    tests = condition.get("$and", [condition])
    kept, found = [], {}
    for test in tests:
        [(field, value)] = test.items() if len(test) == 1 else [("", None)]
        if field in _DISCRIMINATORS and isinstance(value, str):
            if field in found:
                return binding
            found[field] = value
        else:
            kept.append(test)
    if not found:
        return binding
    marked = [{_mark(found): True}, *kept]
    return {name: marked[0] if len(marked) == 1 else {"$and": marked}}


def _binding_tests(binding: dict[str, Any]) -> dict[str, str]:
    """The string equalities on discriminator fields that one binding requires of its fact
    (tests under ``$or`` or a negation's inner structure are left out: that only admits more)."""
    [(_name, condition)] = binding.items()
    tests = condition.get("$and", [condition])
    return {
        key: test[key]
        for test in tests
        for key in _DISCRIMINATORS
        if len(test) == 1 and isinstance(test.get(key), str)
    }


class _Router:
    """The rulesets a fact can match in, found from its discriminator values (``_key``).

    A fact whose type, name, question, ... differ from every binding's equality tests on them
    can take part in no match in a ruleset (durable would answer "not handled" and not even
    store it), so it is not sent there. The bindings' tests are indexed by the fields they
    test: a fact's rulesets are a few dictionary look-ups, with nothing to remember per value
    (testing every binding per fact, and remembering the answers, made the first derivation
    of an engine 15 ms slower than later ones).
    """

    def __init__(self, rulesets: Sequence[_Ruleset]) -> None:
        tables: dict[tuple[int, ...], dict[tuple[str, ...], set[int]]] = {}
        for ruleset in rulesets:
            for tests in ruleset.admits:
                fields = tuple(i for i, name in enumerate(_DISCRIMINATORS) if name in tests)
                values = tuple(tests[_DISCRIMINATORS[i]] for i in fields)
                tables.setdefault(fields, {}).setdefault(values, set()).add(ruleset.index)
        self._tables: list[
            tuple[tuple[int, ...], dict[tuple[object, ...], tuple[frozenset[int], str]]]
        ] = [
            (
                fields,
                {
                    values: (
                        frozenset(found),
                        _mark({_DISCRIMINATORS[i]: v for i, v in zip(fields, values, strict=True)}),
                    )
                    for values, found in table.items()
                },
            )
            for fields, table in tables.items()
        ]
        # fields any fact keeps: its identity, and what joins read on it
        self._always = frozenset({"type", "id"}.union(*(rs.joined for rs in rulesets)))
        self._by_mark: dict[str, set[str]] = {}
        for ruleset in rulesets:
            for mark, read in ruleset.fields.items():
                if mark:
                    self._by_mark.setdefault(mark, set()).update(read)
        self._unmarked = [frozenset(rs.fields.get("", ())) for rs in rulesets]
        self._fields_of: dict[_Route, frozenset[str]] = {}

    def fields(self, route: _Route) -> frozenset[str]:
        """The fields durable can read on a fact with this route: those of the bindings that
        can match it (the ones with its marks, and those without a mark in its rulesets).
        Remembered per route: a few dozen, the same for every derivation."""
        found = self._fields_of.get(route)
        if found is None:
            found = self._fields_of[route] = self._always.union(
                *(self._by_mark.get(mark, ()) for mark in route.marks),
                *(self._unmarked[i] for i in route.rulesets),
                route.marks,
            )
        return found

    def routes(self, key: tuple[object, ...]) -> _Route:
        """The rulesets that can match a fact with these discriminator values (positions),
        and the marks (``_marked``) the fact carries for durable."""
        found: set[int] = set()
        marks: list[str] = []
        for fields, table in self._tables:
            values = tuple(key[i] for i in fields)
            if _ANY not in values:
                hit = table.get(values)
                if hit is not None:
                    found.update(hit[0])
                    marks.append(hit[1])
                continue
            for tested, (rulesets, _mark_name) in table.items():
                if all(v is _ANY or v == t for v, t in zip(values, tested, strict=True)):
                    found.update(rulesets)  # durable compares such a value itself
        return _Route(tuple(sorted(found)), tuple(marks))


class _Route(NamedTuple):
    rulesets: tuple[int, ...]  # positions of the rulesets a fact can match in
    marks: tuple[str, ...]  # the discriminator marks it carries


class _Sent(NamedTuple):
    """A fact as durable gets it: the rulesets it can match in, and its JSON with only the
    fields those rulesets read. durable parses every field of a fact, walks its condition
    tree for each one and hands every field back in each firing; pattern tags, texts and the
    data of conclusions were most of that, read by no rule of the ruleset. A firing is read
    back through ``full``, the fact's identity (type, id) pointing at the whole fact."""

    routes: tuple[int, ...]
    text: str
    full: dict[str, Any]


_LOCK = threading.Lock()
_ENGINES: dict[str, RuleEngine] = {}


def engine_for(rulebase: RuleBase) -> RuleEngine:
    """The engine of this rule base version, compiled and registered once per process."""
    with _LOCK:
        engine = _ENGINES.get(rulebase.version)
        if engine is None:
            engine = _ENGINES[rulebase.version] = RuleEngine(rulebase)
        return engine


@dataclass(frozen=True, eq=False)
class _Plan:
    """One rule as the engine uses it: how to build its conclusions and, for rules others
    chain on, the conclusion as a fact (``Conclusion.as_fact``, tagged) and where it can
    match. All of it is the same for every conclusion of the rule except the stream."""

    maker: ConclusionMaker
    ruleset: int  # position of the rule's ruleset in the engine
    evidence_error: EvidenceSpecError | None  # an unreadable evidence spec, said on use
    extras: dict[str, Any]  # the fact's data fields (Conclusion.as_fact)
    tags: dict[str, Any] | None  # its pattern tags (None: tagged per conclusion)
    route: _Route  # where the fact can match

    def fact(self, key: str, stream_id: str | None, tagger: PatternTagger) -> dict[str, Any]:
        """``Conclusion.as_fact`` of this rule's conclusion ``key``, tagged."""
        fact = _as_fact(self.extras, self.maker.rule, key, stream_id)
        if self.tags is None:
            return tagger.tag(fact)
        fact.update(self.tags)
        return fact


def _as_fact(
    extras: dict[str, Any], rule: AnyRule, key: str, stream_id: str | None
) -> dict[str, Any]:
    """What ``Conclusion.as_fact`` gives for a conclusion of ``rule``, before tagging."""
    return {
        **extras,
        "type": "conclusion",
        "id": key,
        "rule": rule.id,
        "kind": rule.kind,
        "category": rule.category,
        "stream": stream_id or "",
    }


class _Derived(NamedTuple):
    """One conclusion and where it was found, so merged partitions sort like one derivation.

    ``shown`` is the conclusion handed out (the matching MAESTRI exchanges filled in); rules
    chain on the conclusion as ``plan.fact`` gives it (its evidence spec still a list).
    (Named tuples here and below: a frozen dataclass costs several times as much to make, and
    a derivation makes a few hundred.)
    """

    shown: Conclusion
    plan: _Plan
    round: int
    ruleset: int  # position of the rule's ruleset in the engine
    seq: int  # position among the conclusions of the same derivation, in firing order

    @property
    def key(self) -> str:
        return self.shown.key


class RuleEngine:
    """Derives the conclusions of one interview at a time, reusing unchanged streams.

    Stream-bound rules (see ``isassist.rules.partition``) are compiled into their own rulesets
    and derived per stream partition, memoised by the partition's digest; the whole-interview
    rules run on all facts plus the stream conclusions every time.
    """

    def __init__(self, rulebase: RuleBase) -> None:
        self.rulebase = rulebase
        prefix = f"isassist@{rulebase.version}"
        stream_rules, whole_rules = split_rules(rulebase.rules)
        stream_rulesets = compile_rulesets(stream_rules, f"{prefix}.stream")
        whole_rulesets = compile_rulesets(whole_rules, f"{prefix}.whole")
        compiled = stream_rulesets + whole_rulesets
        self._rulesets = [_Ruleset(rs, index) for index, rs in enumerate(compiled)]
        self._stream_rulesets = self._rulesets[: len(stream_rulesets)]
        self._whole_rulesets = self._rulesets[len(stream_rulesets) :]
        self._tagger = PatternTagger(p for rs in compiled for p in rs.patterns)
        # the fact vocabulary: property names (the "name" of property and item facts) and
        # coded values; what users type (stream names, amounts) is tagged when it comes
        self._tagger.prepare(
            [("name", name) for name in STREAM_PROPERTIES]
            + [("value", code) for code in (*VALUE_LABELS, "True", "False")]
        )
        self._router = _Router(self._rulesets)
        # rule id -> (evidence spec, properties) of the rules whose evidence is not looked up
        self._evidence_specs: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {}
        self._evidence_lock = threading.Lock()
        self._plans = self._plan(
            [(rule, index) for index, rs in enumerate(compiled) for rule in rs.rules]
        )
        self._memo: PartitionMemo[list[_Derived]] = PartitionMemo()

    def _plan(self, compiled: list[tuple[CompiledRule, int]]) -> dict[str, _Plan]:
        """Every rule's ``_Plan``, its MAESTRI evidence still to be looked up (see
        ``prepare_evidence``)."""
        rules = self.rulebase.by_id
        # tags that depend on the key or the stream are set per conclusion
        tagged_apart = bool({"id", "stream"} & self._tagger.fields)
        plans: dict[str, _Plan] = {}
        for compiled_rule, index in compiled:
            rule = rules[compiled_rule.rule_id]
            if spec := rule_evidence(rule):
                self._evidence_specs[rule.id] = (spec, compiled_rule.properties)
            extras = {k: v for k, v in rule_data(rule).items() if not isinstance(v, dict)}
            untagged = _as_fact(extras, rule, "", None)
            tagged = self._tagger.tag(dict(untagged))
            plans[rule.id] = _Plan(
                maker=ConclusionMaker.of(rule, compiled_rule.properties),
                ruleset=index,
                evidence_error=None,
                extras=extras,
                tags=None if tagged_apart else {k: tagged[k] for k in tagged if k not in untagged},
                route=self._router.routes(_key(tagged)),
            )
        return plans

    def prepare_evidence(self) -> None:
        """Look up the MAESTRI evidence of every route rule, in one batch, once.

        It needs the knowledge base (the exchanges and cases), which the engine needs for
        nothing else: building the engine without it lets an interview start before the
        knowledge base is loaded. The TUI calls this in its warm-up; a derivation that
        concludes from a rule with evidence before that calls it itself."""
        with self._evidence_lock:
            if not self._evidence_specs:
                return
            pending = self._evidence_specs
            specs = [spec for spec, _properties in pending.values()]
            evidence = find_evidence_for_specs(specs)
            rules = self.rulebase.by_id
            for rule_id, (spec, properties) in pending.items():
                rule = rules[rule_id]
                found = evidence.get(spec)
                error = found if isinstance(found, EvidenceSpecError) else None
                shown = None
                if found is not None and not isinstance(found, EvidenceSpecError):
                    shown = evidence_data(rule_data(rule), found)["evidence"]
                self._plans[rule_id] = replace(
                    self._plans[rule_id],
                    maker=ConclusionMaker.of(rule, properties, shown),
                    evidence_error=error,
                )
            self._evidence_specs = {}

    @property
    def ruleset_names(self) -> list[str]:
        return [rs.name for rs in self._rulesets]

    @property
    def whole_interview_rules(self) -> list[str]:
        """Ids of the rules derived on all facts at every call (not per stream)."""
        return [rule_id for rs in self._whole_rulesets for rule_id in rs.rule_ids.values()]

    @property
    def memo_entries(self) -> int:
        """Stream partitions held in the memo, over all interviews."""
        with _LOCK:
            return len(self._memo)

    def derive(self, interview_id: str, facts: Sequence[_Fact]) -> list[Conclusion]:
        """All conclusions the facts support; the same as ``derive_from_scratch``, cheaper.

        Each stream partition whose facts are unchanged since an earlier call for this
        interview is taken from the memo. The others are derived together, from a clean
        session, so a changed or withdrawn answer can leave no stale conclusion behind; their
        conclusions are memoised per partition. (Stream-bound rules join every fact on its
        stream, so partitions derived together give what each gives alone, as
        ``derive_from_scratch`` shows; one pass pays durable's per-call costs and the company
        fact once instead of once per stream.)
        """
        payloads = prepare_facts(facts, self._tagger)
        partitions = stream_partitions(payloads)
        texts = self._texts(payloads)
        with _LOCK:
            derived: list[_Derived] = []
            missing: dict[str, str] = {}  # stream -> the digest of its partition
            for stream, part in partitions.items():
                key = digest(orjson.dumps(p).decode() for p in part)
                found = self._memo.get(interview_id, key)
                if found is None:
                    missing[stream] = key
                else:
                    derived += found
            if missing:
                together = [  # the missing partitions' facts, in assertion order
                    p for p in payloads if p["type"] == "company" or p.get("stream") in missing
                ]
                fresh = self._fixpoint(interview_id, self._stream_rulesets, together, texts)
                by_stream: dict[str | None, list[_Derived]] = {}
                for item in fresh:
                    by_stream.setdefault(item.shown.stream_id, []).append(item)
                for stream, key in missing.items():
                    found = by_stream.get(stream, [])
                    self._memo.put(interview_id, key, found, room=2 * len(partitions))
                    derived += found
            return self._with_whole_interview(
                interview_id, payloads, texts, derived, list(partitions)
            )

    def derive_from_scratch(self, interview_id: str, facts: Sequence[_Fact]) -> list[Conclusion]:
        """All conclusions, every stream rule on all facts at once, memo neither read nor
        written: the reference ``derive`` must agree with."""
        payloads = prepare_facts(facts, self._tagger)
        streams = [p["id"] for p in payloads if p["type"] == "stream"]
        texts = self._texts(payloads)
        with _LOCK:
            derived = self._fixpoint(interview_id, self._stream_rulesets, payloads, texts)
            return self._with_whole_interview(interview_id, payloads, texts, derived, streams)

    def _with_whole_interview(
        self,
        interview_id: str,
        payloads: list[dict[str, Any]],
        texts: _Texts,
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
                position.get(d.shown.stream_id or "", -1),
                d.seq,
            )
        )
        if self._whole_rulesets:
            seeds: list[list[_Derived]] = []
            for item in derived:
                seeds += [[] for _ in range(item.round + 1 - len(seeds))]
                seeds[item.round].append(item)
            derived += self._fixpoint(interview_id, self._whole_rulesets, payloads, texts, seeds)
        return [item.shown for item in derived]

    def _fixpoint(
        self,
        interview_id: str,
        rulesets: list[_Ruleset],
        payloads: list[dict[str, Any]],
        texts: _Texts | None = None,
        seeds: Sequence[list[_Derived]] = (),
    ) -> list[_Derived]:
        """Assert the facts, chain conclusions until none is new, and empty the session.

        ``texts`` holds the payloads' routes and JSON by ``id()`` (see ``_texts``).
        ``seeds[k]`` are conclusions found elsewhere in round k; they are asserted with the new
        conclusions of round k, as if these rulesets had found them.

        Because the session is empty between calls (and calls are serialised by the lock),
        every interview uses the same durable session. Retracting is cheaper than deleting
        the session (durable then rebuilds every join node's state: twice the time,
        measured), and each session left behind slowed later derivations (5 ms grew to 17 ms
        after a hundred sessions, measured).
        """
        asserted: dict[int, list[str]] = {rs.index: [] for rs in rulesets}
        found: dict[str, _Derived] = {}
        texts = self._texts(payloads) if texts is None else texts
        sent = [texts[id(p)] for p in payloads]
        full = {(p["type"], p["id"]): p for p in payloads}
        try:
            pending = self._assert(rulesets, sent, asserted)
            chaining = [rs for rs in rulesets if rs.uses_conclusions]
            for round_ in range(_MAX_CHAIN_ROUNDS + 1):
                new = [d for m in pending if (d := self._keep(found, m, round_, full)) is not None]
                incoming = (list(seeds[round_]) if round_ < len(seeds) else []) + new
                if not incoming or not chaining:
                    break
                if round_ == _MAX_CHAIN_ROUNDS:
                    raise RuleEngineError(
                        f"interview {interview_id}: conclusions still chaining after "
                        f"{_MAX_CHAIN_ROUNDS} rounds"
                    )
                chained = self._chained(incoming, chaining)
                full.update(((s.full["type"], s.full["id"]), s.full) for s in chained)
                pending = self._assert(chaining, chained, asserted)
        finally:
            try:
                self._retract(rulesets, asserted)
            except Exception:
                for ruleset in rulesets:  # never reuse a session that may not be empty
                    ruleset.reset()
                raise
        return list(found.values())

    def _chained(self, conclusions: list[_Derived], rulesets: list[_Ruleset]) -> list[_Sent]:
        """The conclusions as facts, only those some of the rulesets can match: most
        conclusions are chained on by no rule."""
        members = {rs.index for rs in rulesets}
        facts = []
        for item in conclusions:
            plan = item.plan
            if members.isdisjoint(plan.route.rulesets):
                continue
            fact = plan.fact(item.key, item.shown.stream_id, self._tagger)
            facts.append(self._sent(plan.route, fact))
        return facts

    def _keep(
        self,
        found: dict[str, _Derived],
        match: _Match,
        round_: int,
        full: dict[tuple[str, str], dict[str, Any]],
    ) -> _Derived | None:
        """The conclusion of a match if its key is new (the first match of a key wins).

        durable hands back the facts as it got them (``_Sent``); the conclusion lists the
        whole facts, each conclusion its own copies."""
        rule_id, bindings = match
        stream = bindings.get(STREAM_BINDING)
        key = f"{rule_id}@{stream['id'] if stream else '-'}"  # == Conclusion.key
        if key in found:
            return None
        if rule_id in self._evidence_specs:
            self.prepare_evidence()
        plan = self._plans[rule_id]
        facts = {name: dict(full[(f["type"], f["id"])]) for name, f in bindings.items()}
        conclusion = build_conclusion(plan.maker, facts)
        if plan.evidence_error is not None:
            raise plan.evidence_error
        found[key] = item = _Derived(conclusion, plan, round_, plan.ruleset, len(found))
        return item

    def _assert(
        self,
        rulesets: list[_Ruleset],
        facts: list[_Sent],
        asserted: dict[int, list[str]],
    ) -> list[_Match]:
        """Assert into every ruleset the facts it can match; return the matches, ruleset by
        ruleset, in firing order."""
        batches: dict[int, list[str]] = {rs.index: [] for rs in rulesets}
        for fact in facts:
            for index in fact.routes:
                batch = batches.get(index)
                if batch is not None:
                    batch.append(fact.text)
        matches: list[_Match] = []
        for ruleset in rulesets:
            batch = batches[ruleset.index]
            if batch:
                asserted[ruleset.index] += batch
                ruleset.run(False, batch, matches)
        return matches

    def _retract(self, rulesets: list[_Ruleset], asserted: dict[int, list[str]]) -> None:
        """Empty the session again, newest facts first.

        Streams go before the properties they join, so no "missing" rule fires on the way out;
        whatever does fire during retraction is ignored.
        """
        for ruleset in rulesets:
            facts = asserted[ruleset.index]
            if facts:
                ruleset.run(True, facts[::-1], None)

    def close(self, interview_id: str) -> None:
        """Forget an interview: drop its memoised partitions. Nothing of it stays in durable
        after ``derive`` returns (see ``_fixpoint``)."""
        with _LOCK:
            self._memo.drop(interview_id)

    def held_facts(self) -> list[dict[str, Any]]:
        """The facts durable holds right now: empty whenever no derivation is running."""
        with _LOCK:
            return [f for rs in self._rulesets for f in rs.facts(_SID)]

    def _texts(self, payloads: list[dict[str, Any]]) -> _Texts:
        """Each payload as durable gets it (``_Sent``), by ``id()``: worked out once per
        derivation, although the company fact goes to every partition and every fact to
        several rulesets. Only valid while ``payloads`` holds the dicts (an id is unique
        among live objects only). orjson: the facts' JSON and the firings read back were a
        sixth of a derivation with the standard json module (pyinstrument on
        benchmarks/rules_bench.py)."""
        routes: dict[tuple[object, ...], _Route] = {}  # most keys come ten times
        texts: _Texts = {}
        for payload in payloads:
            key = _key(payload)
            found = routes.get(key)
            if found is None:
                found = routes[key] = self._router.routes(key)
            texts[id(payload)] = self._sent(found, payload)
        return texts

    def _sent(self, route: _Route, fact: dict[str, Any]) -> _Sent:
        fields = self._router.fields(route)
        sent = {k: v for k, v in fact.items() if k in fields}
        for mark in route.marks:
            sent[mark] = True
        return _Sent(route.rulesets, orjson.dumps(sent).decode(), fact)


def _key(payload: dict[str, Any]) -> tuple[object, ...]:
    """The fact's discriminator values; a value that is not a string stands as ``_ANY``."""
    values = tuple(map(payload.get, _DISCRIMINATORS))
    if all(v is None or v.__class__ is str for v in values):
        return values
    return tuple(v if v is None or isinstance(v, str) else _ANY for v in values)


def _diagnose(
    name: str, definition: dict[str, Any], rule_ids: dict[str, str], exc: Exception
) -> str:
    """durable says only "error code N"; find the rules it refuses on their own."""
    refused = []
    for key, rule in definition.items():
        try:
            durable_rules_engine.create_ruleset(f"probe.{key}", json.dumps({key: rule}))
        except Exception:
            refused.append(rule_ids[key])
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
