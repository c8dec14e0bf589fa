"""The only module that imports durable_rules: compiled rules in, conclusions out.

durable_rules has sharp edges (DURABLE_RULES.md): its Python ``Host`` starts timer threads,
swallows action exceptions and costs more than the matching itself; rulesets cannot be
unregistered; a session left behind slows every later one. This module drives the C engine
(``durable_rules_engine``) directly and meets each edge once, so the rest of isassist sees a
plain ``derive`` function.

Everything that depends only on the rule base is prepared when the engine is built (each
rule's conclusion parts, where each kind of fact can match, durable's session), so the first
derivation of a process costs what later ones cost; the routes' MAESTRI evidence, which needs
the knowledge base, is looked up apart (``prepare_evidence``). Its companions hold no durable:
facts become payloads in ``payloads``, the routing of facts to rulesets is ``routing``, each
rule's conclusion plan is ``plans``.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

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
from isassist.rules.partition import PartitionMemo, digest, split_rules, stream_partitions
from isassist.rules.patterns import PatternTagger
from isassist.rules.payloads import FactError, prepare_facts
from isassist.rules.plans import Derived, Plan, as_fact
from isassist.rules.routing import (
    MARK,
    Route,
    Router,
    Sent,
    binding_tests,
    join_targets,
    marked,
    named_fields,
    route_key,
    top_tests,
)

__all__ = ["FactError", "RuleEngine", "RuleEngineError", "engine_for", "prepare_facts"]

_MAX_CHAIN_ROUNDS = 20

# payload id() -> Sent; see RuleEngine._texts
_Texts = dict[int, Sent]
# (rule id, bindings) of one rule firing, as durable reports it
_Match = tuple[str, dict[str, dict[str, Any]]]


class RuleEngineError(RuntimeError):
    """durable_rules refused a ruleset or a fact, or conclusions kept chaining."""


# the durable_rules result code (src/rules/rules.h) of an assert that met a known fact id
_OBSERVED = 2
# All derivations use durable's default session: a fact without a "sid" field goes there, and
# comes back in a match exactly as it went in (no "sid" to strip from what the user sees).
_SID = "0"
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
        # per binding, the string equalities it requires of its fact (see Router)
        self.admits = [
            binding_tests(binding) for rule in definition.values() for binding in rule["all"]
        ]
        for rule in definition.values():
            rule["all"] = [marked(binding) for binding in rule["all"]]
        # the fields a fact can be read on, by the mark of the bindings that can match it
        # ("" for bindings without one), and the fields joins read on the other fact
        self.fields: dict[str, set[str]] = {}
        self.joined: set[str] = set()
        for rule in definition.values():
            names = {name for binding in rule["all"] for name in binding}
            for binding in rule["all"]:
                [(_name, condition)] = binding.items()
                mark = next((k for k in top_tests(condition) if k.startswith(MARK)), "")
                self.fields.setdefault(mark, set()).update(named_fields(condition))
                self.joined.update(join_targets(condition, names))
        self._text = json.dumps(definition, ensure_ascii=False)
        try:
            self.handle: int = durable_rules_engine.create_ruleset(self.name, self._text)
        except Exception as exc:
            raise RuleEngineError(_diagnose(ruleset.name, definition, self.rule_ids, exc)) from exc
        self.open_session()

    def __getstate__(self) -> dict[str, Any]:
        """All but durable's handle (the engine cache, ``isassist.rules.cache``)."""
        return {k: v for k, v in self.__dict__.items() if k != "handle"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        """Registered with durable again from the definition kept: compiling the rules
        afresh is what the cache saves, not this."""
        self.__dict__.update(state)
        self.handle = durable_rules_engine.create_ruleset(self.name, self._text)
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


_LOCK = threading.Lock()
_ENGINES: dict[str, RuleEngine] = {}


def engine_for(rulebase: RuleBase) -> RuleEngine:
    """The engine of this rule base version, compiled and registered once per process; for
    the installed rules, read from the cache when it holds this version
    (``isassist.rules.cache``)."""
    from isassist.rules.cache import cached_engine

    with _LOCK:
        engine = _ENGINES.get(rulebase.version)
        if engine is None:
            engine = _ENGINES[rulebase.version] = cached_engine(rulebase, RuleEngine, RuleEngine)
        return engine


def folder_engine(directory: Path, load: Callable[[], RuleBase]) -> RuleEngine:
    """The engine of the rules in ``directory``, read from the cache without loading the rule
    base when the folder is unchanged (``load`` gives it when first needed), else compiled
    from ``load()``; registered like ``engine_for``'s."""
    from isassist.rules.cache import folder_engine_from_cache

    with _LOCK:
        cached = folder_engine_from_cache(directory, RuleEngine)
        if cached is not None:
            engine = _ENGINES.setdefault(cached.version, cached.with_rulebase_from(load))
            return engine
    return engine_for(load())


class RuleEngine:
    """Derives the conclusions of one interview at a time, reusing unchanged streams.

    Stream-bound rules (see ``isassist.rules.partition``) are compiled into their own rulesets
    and derived per stream partition, memoised by the partition's digest; the whole-interview
    rules run on all facts plus the stream conclusions every time.
    """

    def __init__(self, rulebase: RuleBase) -> None:
        self._rulebase: RuleBase | None = rulebase
        self._rulebase_source: Callable[[], RuleBase] | None = None
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
        self._router = Router(self._rulesets)
        # rule id -> (evidence spec, properties) of the rules whose evidence is not looked up
        self._evidence_specs: dict[str, tuple[tuple[str, ...], dict[str, str]]] = {}
        self._evidence_lock = threading.Lock()
        self._plans = self._plan(
            [(rule, index) for index, rs in enumerate(compiled) for rule in rs.rules]
        )
        self._memo: PartitionMemo[list[Derived]] = PartitionMemo()

    def __getstate__(self) -> dict[str, Any]:
        """What compiling the rule base made, without the rule base itself (the loader
        hands the engine its own, ``with_rulebase``), the locks and the memo; the
        evidence is looked up after loading, as after building (``prepare_evidence``): the
        cache is written right after compiling, never with evidence from a knowledge base."""
        left_out = ("_rulebase", "_rulebase_source", "_evidence_lock", "_memo")
        return {k: v for k, v in self.__dict__.items() if k not in left_out}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._rulebase = None
        self._rulebase_source = None
        self._evidence_lock = threading.Lock()
        self._memo = PartitionMemo()

    @property
    def version(self) -> str:
        """The version of the rule base compiled (``RuleBase.version``), known without it."""
        return self._rulesets[0].name.removeprefix("isassist@").split(".", 1)[0]

    @property
    def rulebase(self) -> RuleBase:
        """The rule base compiled; one read from the cache is loaded on first need (the
        routes' evidence, an explanation), not to derive."""
        if self._rulebase is None:
            if self._rulebase_source is None:
                raise RuntimeError("an engine read from the cache was given no rule base")
            self._rulebase = self._rulebase_source()
        return self._rulebase

    def with_rulebase(self, rulebase: RuleBase) -> RuleEngine:
        """This engine (read from the cache) bound to the rule base it was compiled from."""
        if rulebase.version != self.version:
            raise ValueError("the cached engine was compiled from another rule base")
        self._rulebase = rulebase
        return self

    def with_rulebase_from(self, source: Callable[[], RuleBase]) -> RuleEngine:
        """This engine (read from the cache of a rules folder) with its rule base loaded from
        ``source`` when first needed (the cache is keyed by that folder's files)."""
        self._rulebase_source = source
        return self

    def _plan(self, compiled: list[tuple[CompiledRule, int]]) -> dict[str, Plan]:
        """Every rule's ``Plan``, its MAESTRI evidence still to be looked up (see
        ``prepare_evidence``)."""
        rules = self.rulebase.by_id
        # tags that depend on the key or the stream are set per conclusion
        tagged_apart = bool({"id", "stream"} & self._tagger.fields)
        plans: dict[str, Plan] = {}
        for compiled_rule, index in compiled:
            rule = rules[compiled_rule.rule_id]
            if spec := rule_evidence(rule):
                self._evidence_specs[rule.id] = (spec, compiled_rule.properties)
            extras = {k: v for k, v in rule_data(rule).items() if not isinstance(v, dict)}
            untagged = as_fact(extras, rule, "", None)
            tagged = self._tagger.tag(dict(untagged))
            plans[rule.id] = Plan(
                maker=ConclusionMaker.of(rule, compiled_rule.properties),
                ruleset=index,
                evidence_error=None,
                extras=extras,
                tags=None if tagged_apart else {k: tagged[k] for k in tagged if k not in untagged},
                route=self._router.routes(route_key(tagged)),
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
            derived: list[Derived] = []
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
                by_stream: dict[str | None, list[Derived]] = {}
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
        derived: list[Derived],
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
            seeds: list[list[Derived]] = []
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
        seeds: Sequence[list[Derived]] = (),
    ) -> list[Derived]:
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
        found: dict[str, Derived] = {}
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

    def _chained(self, conclusions: list[Derived], rulesets: list[_Ruleset]) -> list[Sent]:
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
        found: dict[str, Derived],
        match: _Match,
        round_: int,
        full: dict[tuple[str, str], dict[str, Any]],
    ) -> Derived | None:
        """The conclusion of a match if its key is new (the first match of a key wins).

        durable hands back the facts as it got them (``Sent``); the conclusion lists the
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
        found[key] = item = Derived(conclusion, plan, round_, plan.ruleset, len(found))
        return item

    def _assert(
        self,
        rulesets: list[_Ruleset],
        facts: list[Sent],
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
        """Each payload as durable gets it (``Sent``), by ``id()``: worked out once per
        derivation, although the company fact goes to every partition and every fact to
        several rulesets. Only valid while ``payloads`` holds the dicts (an id is unique
        among live objects only). orjson: the facts' JSON and the firings read back were a
        sixth of a derivation with the standard json module (pyinstrument on
        benchmarks/rules_bench.py)."""
        routes: dict[tuple[object, ...], Route] = {}  # most keys come ten times
        texts: _Texts = {}
        for payload in payloads:
            key = route_key(payload)
            found = routes.get(key)
            if found is None:
                found = routes[key] = self._router.routes(key)
            texts[id(payload)] = self._sent(found, payload)
        return texts

    def _sent(self, route: Route, fact: dict[str, Any]) -> Sent:
        fields = self._router.fields(route)
        sent = {k: v for k, v in fact.items() if k in fields}
        for mark in route.marks:
            sent[mark] = True
        return Sent(route.rulesets, orjson.dumps(sent).decode(), fact)


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
