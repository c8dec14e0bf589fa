"""Incremental derivation: memoised stream partitions give exactly what deriving from scratch
gives, over random dossiers and random edit sequences, and an edit re-derives only its stream."""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from isassist.facts import Answer, Company, Property, Stream, _Fact
from isassist.rules import get_engine, get_rulebase
from isassist.rules.conclusion import Conclusion
from isassist.rules.engine import _LOCK, FactError, RuleEngine, prepare_facts
from isassist.rules.examples import example_facts
from isassist.rules.partition import PartitionMemo, split_rules

_IDS = itertools.count()


@dataclass
class Dossier:
    """What an interview knows, edited the way answers edit it."""

    company: dict[str, Any] = field(default_factory=dict)
    streams: dict[str, tuple[str, str]] = field(default_factory=dict)  # id -> (name, kind)
    properties: dict[tuple[str, str], Any] = field(default_factory=dict)  # (stream, name)
    answers: dict[tuple[str, str | None], tuple[Any, str]] = field(default_factory=dict)

    def facts(self) -> list[_Fact]:
        facts: list[_Fact] = [Company.model_validate(self.company)]
        facts += [Stream(id=s, name=n, kind=k) for s, (n, k) in self.streams.items()]  # type: ignore[arg-type]
        facts += [
            Property(id=f"{s}.{name}", stream=s, name=name, value=value)
            for (s, name), value in self.properties.items()
        ]
        facts += [
            Answer(
                id=question + (f".{s}" if s else ""),
                question=question,
                stream=s,
                value=value,
                status=status,  # type: ignore[arg-type]
            )
            for (question, s), (value, status) in self.answers.items()
        ]
        return facts


@dataclass
class Pool:
    """Values to draw from: taken from the rule files' own examples, so rules really fire."""

    companies: list[dict[str, Any]]
    shapes: list[tuple[str, str]]  # (stream name, kind)
    properties: list[tuple[str, Any]]
    answers: list[tuple[str, Any, str, bool]]  # (question, value, status, per stream)


def _pool_from_examples() -> Pool:
    companies, shapes, properties = [], [], []
    answers: list[tuple[str, Any, str, bool]] = []
    for _file, example in get_rulebase().examples():
        for fact in example_facts(example):
            if isinstance(fact, Company):
                companies.append(fact.model_dump(exclude={"type", "id"}))
            elif isinstance(fact, Stream):
                shapes.append((fact.name, fact.kind))
            elif isinstance(fact, Property):
                properties.append((fact.name, fact.value))
            elif isinstance(fact, Answer):
                answers.append((fact.question, fact.value, fact.status, fact.stream is not None))
    unique = {repr(p): p for p in properties}
    return Pool(companies, sorted(set(shapes)), list(unique.values()), answers)


def _edits(pool: Pool) -> st.SearchStrategy[tuple[Any, ...]]:
    """One edit, its target stream drawn as an index into the streams there are then."""
    index = st.integers(0, 50)
    return st.one_of(
        st.tuples(st.just("property"), index, st.sampled_from(pool.properties)),
        st.tuples(st.just("withdraw property"), index, st.integers(0, 50)),
        st.tuples(st.just("answer"), index, st.sampled_from(pool.answers)),
        st.tuples(st.just("withdraw answer"), st.integers(0, 50)),
        st.tuples(st.just("add stream"), st.sampled_from(pool.shapes)),
        st.tuples(st.just("remove stream"), index, st.booleans()),
        st.tuples(st.just("company"), st.sampled_from(pool.companies)),
        st.tuples(st.just("rename stream"), index, st.sampled_from(pool.shapes)),
    )


def _apply(dossier: Dossier, edit: tuple[Any, ...], new_id: str) -> None:
    streams = sorted(dossier.streams)
    op = edit[0]
    if op == "add stream" or (not streams and op != "company"):
        shape = edit[1] if op == "add stream" else ("stroom", "material")
        dossier.streams[new_id] = shape
        return
    target = streams[edit[1] % len(streams)] if op not in ("company", "withdraw answer") else ""
    if op == "property":
        name, value = edit[2]
        dossier.properties[(target, name)] = value
    elif op == "withdraw property":
        own = sorted(k for k in dossier.properties if k[0] == target)
        if own:
            del dossier.properties[own[edit[2] % len(own)]]
    elif op == "answer":
        question, value, status, per_stream = edit[2]
        dossier.answers[(question, target if per_stream else None)] = (value, status)
    elif op == "withdraw answer" and dossier.answers:
        del dossier.answers[sorted(dossier.answers, key=repr)[edit[1] % len(dossier.answers)]]
    elif op == "remove stream":
        del dossier.streams[target]
        if not edit[2]:  # else its facts stay behind, as orphans
            for key in [k for k in dossier.properties if k[0] == target]:
                del dossier.properties[key]
            for answer_key in [k for k in dossier.answers if k[1] == target]:
                del dossier.answers[answer_key]
    elif op == "company":
        dossier.company = dict(edit[1])
    elif op == "rename stream":
        dossier.streams[target] = edit[2]


def _differences(got: list[Conclusion], want: list[Conclusion]) -> str:
    if [c.key for c in got] != [c.key for c in want]:
        return f"keys differ: {[c.key for c in got]} != {[c.key for c in want]}"
    return "; ".join(f"{a.key}: {a} != {b}" for a, b in zip(got, want, strict=True) if a != b)


def _in_one_pass(engine: RuleEngine, facts: list[_Fact]) -> dict[str, Conclusion]:
    """Derived as before partitions existed: every rule on all facts, all chaining together.
    Independent of how rules are split, so it catches a rule put on the wrong side."""
    payloads = prepare_facts(facts, engine._tagger)
    with _LOCK:
        derived = engine._fixpoint("t-one-pass", engine._rulesets, payloads)
    return {item.shown.key: item.shown for item in derived}


def _replay(engine: RuleEngine, dossier: Dossier, edits: list[tuple[Any, ...]]) -> int:
    """Apply the edits one by one; after each, the memoised derivation must equal a derivation
    from scratch, and derive what one pass over all rules derives (the same conclusions; for
    rules that look across streams, which of several matches fills a text may differ).
    Returns how many chained conclusions were seen."""
    whole = set(engine.whole_interview_rules)
    interview = f"t-inc-{next(_IDS)}"
    chained = 0
    try:
        for step, edit in enumerate([("company", dossier.company), *edits]):
            _apply(dossier, edit, f"s{step + 100}")
            facts = dossier.facts()
            got = engine.derive(interview, facts)
            want = engine.derive_from_scratch("t-inc-reference", facts)
            assert got == want, f"after {edit}: {_differences(got, want)}"
            one_pass = _in_one_pass(engine, facts)
            assert {c.key for c in got} == set(one_pass), f"after {edit}"
            assert [c for c in got if c.rule_id not in whole] == [
                one_pass[c.key] for c in got if c.rule_id not in whole
            ], f"after {edit}"
            chained += sum(1 for c in got if any(f["type"] == "conclusion" for f in c.matched))
    finally:
        engine.close(interview)
    return chained


POOL = _pool_from_examples()


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(
    shapes=st.lists(st.sampled_from(POOL.shapes), max_size=5),
    company=st.sampled_from(POOL.companies),
    edits=st.lists(_edits(POOL), min_size=1, max_size=15),
)
def test_memoised_derivation_equals_derivation_from_scratch(
    shapes: list[tuple[str, str]], company: dict[str, Any], edits: list[tuple[Any, ...]]
) -> None:
    dossier = Dossier(company=company)
    edits = [("add stream", shape) for shape in shapes] + edits
    _replay(get_engine(), dossier, edits)


def _bench_like_dossier() -> Dossier:
    """Every example stream of the rule base side by side: many rules, chains and repeats."""
    dossier = Dossier(company=POOL.companies[0])
    for index, (_file, example) in enumerate(get_rulebase().examples()):
        for fact in example_facts(example):
            if isinstance(fact, Stream):
                dossier.streams[f"e{index}{fact.id}"] = (fact.name, fact.kind)
            elif isinstance(fact, Property):
                dossier.properties[(f"e{index}{fact.stream}", fact.name)] = fact.value
            elif isinstance(fact, Answer) and fact.stream is not None:
                dossier.answers[(fact.question, f"e{index}{fact.stream}")] = (
                    fact.value,
                    fact.status,
                )
    return dossier


@pytest.mark.slow
def test_edits_to_a_large_dossier_with_chained_conclusions_stay_exact() -> None:
    dossier = _bench_like_dossier()
    streams = sorted(dossier.streams)
    edits: list[tuple[Any, ...]] = [
        ("property", 3, ("legal_status", "waste")),
        ("property", 7, ("temperature_c", 30.0)),
        ("withdraw property", 7, 0),
        ("remove stream", 2, False),
        ("add stream", ("bostel", "material")),
        ("property", 0, ("family", ["spent_grain"])),
        ("company", {"name": "X", "nace": "24.51", "nace_division": "24"}),
        ("remove stream", 5, True),
    ]
    assert len(streams) > 20
    assert _replay(get_engine(), dossier, edits) > 0  # chains were exercised


def test_an_edit_to_one_stream_rederives_only_that_stream() -> None:
    engine = get_engine()
    dossier = _bench_like_dossier()
    engine.close("t-one")
    engine.derive("t-one", dossier.facts())
    held = engine.memo_entries
    first = sorted(dossier.streams)[0]
    dossier.properties[(first, "tonnes_per_year")] = 12.5
    engine.derive("t-one", dossier.facts())
    assert engine.memo_entries == held + 1  # one new partition; the others were reused
    engine.close("t-one")
    assert engine.memo_entries == held - len(dossier.streams)


def test_the_memo_is_bounded_per_interview_and_over_interviews() -> None:
    memo: PartitionMemo[int] = PartitionMemo(per_interview=3, interviews=2)
    for n in range(5):
        memo.put("a", f"k{n}", n)
    assert len(memo) == 3 and memo.get("a", "k1") is None and memo.get("a", "k4") == 4
    memo.get("a", "k2")  # used: survives the next insert
    memo.put("a", "k5", 5)
    assert memo.get("a", "k2") == 2 and memo.get("a", "k3") is None
    memo.put("b", "k", 1)
    memo.put("c", "k", 1)
    assert memo.get("a", "k2") is None and len(memo) == 2


def test_a_stream_without_an_id_is_refused_with_a_reason() -> None:
    with pytest.raises(FactError, match='stream "bostel" has an empty id'):
        get_engine().derive("t-empty-id", [Stream(id="", name="bostel")])


# --- the whole-interview part, on rules the shipped rule base does not (yet) have ---

_RULES = """
rules:
  - id: t.warm
    kind: heat
    category: temperature
    title: {nl: warm, en: warm}
    when: {stream: {kind: heat, has: {temperature_c: {">=": 55}}}}
    then: {nl: "{stream.name} is warm", en: "{stream.name} is warm ({prop.temperature_c})"}
    source: test rule
  - id: t.warm_chain
    kind: heat
    category: season
    title: {nl: keten, en: chain}
    when: {stream: {kind: heat}, conclusion: {rule: t.warm}}
    then: {nl: "{stream.name} keten", en: "{stream.name} chain"}
    source: test rule
  - id: t.family
    kind: classification
    category: packaging
    title: {nl: familie, en: family}
    when: {stream: {family: [wood, wood_packaging, ash]}}
    then: {nl: "{stream.name}: {prop.family}", en: "{stream.name}: {prop.family}"}
    source: test rule
  - id: t.gap
    kind: knowledge_gap
    category: operational
    severity: medium
    title: {nl: hoeveel, en: how much}
    when: {stream: {kind: material}, unanswered: [q.quantity]}
    then: {nl: "hoeveel {stream.name}?", en: "how much {stream.name}?"}
    source: test rule
  - id: t.any_warm
    kind: heat
    category: distance
    title: {nl: ergens warm, en: somewhere warm}
    when: {conclusion: {kind: heat, category: temperature}}
    then: {nl: "warm: {conclusion.stream}", en: "warm: {conclusion.stream}"}
    source: test rule
  - id: t.any_warm_chain
    kind: heat
    category: storage
    title: {nl: keten over alles, en: chain over all}
    when: {conclusion: {rule: t.any_warm}}
    then: {nl: "ook warm", en: "warm too"}
    source: test rule
  - id: t.company
    kind: barrier
    category: geographic
    severity: low
    title: {nl: bedrijf, en: company}
    when: {company: {nace_division: "10"}}
    then: {nl: "voeding", en: "food"}
    source: test rule
  - id: t.cross
    kind: valorisation
    category: reuse
    title: {nl: afnemer, en: buyer}
    when:
      stream: {kind: material}
      answers: [{question: q.buyer, same_stream: false, value: {matches: ".*(ja|yes).*"}}]
    then: {nl: "{stream.name} naar afnemer", en: "{stream.name} to a buyer", route: reuse}
    source: test rule
  - id: t.after_cross
    kind: canvas
    category: channels
    title: {nl: kanaal, en: channel}
    when: {stream: {}, conclusion: {kind: valorisation}}
    then: {nl: "{stream.name} via {conclusion.route}", en: "{stream.name} by {conclusion.route}"}
    source: test rule
"""


@pytest.fixture(scope="module")
def mixed_engine(tmp_path_factory: pytest.TempPathFactory) -> RuleEngine:
    folder = tmp_path_factory.mktemp("mixed-rules")
    (folder / "mixed.yaml").write_text(_RULES, encoding="utf-8")
    return get_engine(folder)


def test_rules_that_look_beyond_their_stream_run_on_the_whole_interview(
    mixed_engine: RuleEngine,
) -> None:
    stream_bound, whole = split_rules(mixed_engine.rulebase.rules)
    assert [r.id for r in stream_bound] == ["t.warm", "t.warm_chain", "t.family", "t.gap"]
    assert [r.id for r in whole] == mixed_engine.whole_interview_rules
    # t.after_cross has a stream block but chains on a cross-stream rule's conclusions
    assert mixed_engine.whole_interview_rules == [
        "t.any_warm",
        "t.any_warm_chain",
        "t.company",
        "t.cross",
        "t.after_cross",
    ]


MIXED_PROPERTIES = [
    ("temperature_c", 80.0),
    ("temperature_c", 20.0),
    ("family", ["wood", "wood_packaging"]),
    ("family", ["ash"]),
    ("family", ["wood_packaging", "ash", "wood"]),
]
MIXED_POOL = Pool(
    companies=[{"nace_division": "10"}, {"nace_division": "24"}, {}],
    shapes=[
        ("koelwater", "heat"),
        ("rookgas", "heat"),
        ("paletten", "material"),
        ("as", "material"),
    ],
    properties=MIXED_PROPERTIES,
    answers=[
        ("q.quantity", "200 t", "known", True),
        ("q.quantity", None, "unknown", True),
        ("q.buyer", "ja, een zagerij", "known", True),
        ("q.buyer", "nee", "known", True),
        ("q.buyer", "yes", "known", False),
    ],
)


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    shapes=st.lists(st.sampled_from(MIXED_POOL.shapes), max_size=4),
    edits=st.lists(_edits(MIXED_POOL), min_size=1, max_size=15),
)
def test_whole_interview_rules_see_the_same_as_from_scratch(
    mixed_engine: RuleEngine, shapes: list[tuple[str, str]], edits: list[tuple[Any, ...]]
) -> None:
    dossier = Dossier(company=MIXED_POOL.companies[0])
    _replay(mixed_engine, dossier, [("add stream", shape) for shape in shapes] + edits)


def test_whole_interview_chains_over_stream_conclusions(mixed_engine: RuleEngine) -> None:
    dossier = Dossier(company={"nace_division": "10"})
    dossier.streams = {"s1": ("koelwater", "heat"), "s2": ("paletten", "material")}
    dossier.properties = {("s1", "temperature_c"): 80.0}
    dossier.answers = {("q.buyer", "s1"): ("ja", "known")}
    keys = {c.key for c in mixed_engine.derive("t-mixed", dossier.facts())}
    mixed_engine.close("t-mixed")
    assert {
        "t.warm@s1",
        "t.warm_chain@s1",
        "t.any_warm@-",
        "t.any_warm_chain@-",
        "t.company@-",
        "t.cross@s2",
        "t.after_cross@s2",
        "t.gap@s2",
    } == keys
