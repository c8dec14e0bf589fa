"""Record every conclusion the rule engine derives, to prove an engine change changes none.

A change to the durable_rules adapter (batching, session handling, fact preparation) must
leave every dossier exactly as it was. This script derives, with today's rules:
- every derivation of every shipped replay and every scenario replay, call by call, as the
  interview makes them (incremental, memoised);
- the same final facts of each replay again from scratch;
- every rule file example, the rules benchmark's dossier, and seeded random dossiers
  (with random edits) drawn from the examples' values;
and writes, per derivation, a digest of the facts and the conclusions in full (rule id,
stream, kind, texts, matched facts, data, in order). ``compare`` lists every difference.

Run: ``uv run python benchmarks/rules_golden.py record before.json`` (on the old code),
then ``record after.json`` on the new one and ``compare before.json after.json``.
The files depend on the rules of the moment: record both with the same rules/.
"""

from __future__ import annotations

import hashlib
import json
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from isassist.facts import Answer, Company, Property, Stream, _Fact
from isassist.paths import data_dir
from isassist.rules import get_engine, get_rulebase
from isassist.rules.conclusion import Conclusion
from isassist.rules.engine import RuleEngine
from isassist.rules.examples import example_facts

SCENARIOS = Path(__file__).parent / "scenarios" / "replays"


def _digest(value: Any) -> str:
    text = json.dumps(value, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.blake2b(text.encode(), digest_size=12).hexdigest()


class Recorder:
    """Wraps ``RuleEngine.derive``: every call's facts and conclusions, in call order."""

    def __init__(self) -> None:
        self.calls: list[dict[str, Any]] = []
        self.outputs: dict[str, list[dict[str, Any]]] = {}
        self.label = ""

    def add(self, how: str, facts: Sequence[_Fact], found: list[Conclusion]) -> None:
        dumped = [c.model_dump(mode="json") for c in found]
        out = _digest(dumped)
        self.outputs[out] = dumped
        self.calls.append(
            {
                "label": self.label,
                "how": how,
                "facts": _digest([f.model_dump(mode="json") for f in facts]),
                "out": out,
            }
        )


def _random_dossiers(engine: RuleEngine, recorder: Recorder, seed: int, count: int) -> None:
    """Random dossiers from the examples' values, each edited a few times (derive per edit)."""
    rng = random.Random(seed)
    companies: list[dict[str, Any]] = []
    shapes: list[tuple[str, str]] = []
    properties: list[tuple[str, Any]] = []
    answers: list[Answer] = []
    for _file, example in get_rulebase().examples():
        for fact in example_facts(example):
            if isinstance(fact, Company):
                companies.append(fact.model_dump(exclude={"type", "id"}))
            elif isinstance(fact, Stream):
                shapes.append((fact.name, fact.kind))
            elif isinstance(fact, Property):
                properties.append((fact.name, fact.value))
            elif isinstance(fact, Answer):
                answers.append(fact)
    shapes = sorted(set(shapes))
    for n in range(count):
        interview = f"golden-random-{n}"
        streams = {f"s{i}": rng.choice(shapes) for i in range(rng.randint(1, 10))}
        props: dict[tuple[str, str], Any] = {}
        said: dict[tuple[str, str | None], Answer] = {}
        company = rng.choice(companies)
        recorder.label = interview
        for _step in range(rng.randint(1, 6)):
            for _ in range(rng.randint(1, 12)):
                stream = rng.choice(sorted(streams))
                name, value = rng.choice(properties)
                props[(stream, name)] = value
            for _ in range(rng.randint(0, 4)):
                answer = rng.choice(answers)
                about = rng.choice(sorted(streams)) if answer.stream else None
                said[(answer.question, about)] = answer.model_copy(
                    update={
                        "stream": about,
                        "id": answer.question + (f".{about}" if about else ""),
                    }
                )
            if props and rng.random() < 0.3:
                del props[rng.choice(sorted(props))]
            facts: list[_Fact] = [Company.model_validate(company)]
            facts += [Stream(id=s, name=a, kind=k) for s, (a, k) in streams.items()]  # type: ignore[arg-type]
            facts += [
                Property(id=f"{s}.{name}", stream=s, name=name, value=value)
                for (s, name), value in sorted(props.items())
                if s in streams
            ]
            facts += list(said.values())
            recorder.add("derive", facts, engine.derive(interview, facts))
            recorder.add("scratch", facts, engine.derive_from_scratch("golden-scratch", facts))
        engine.close(interview)


def record(path: Path) -> None:
    from isassist.interview.adapters import live_services
    from isassist.interview.engine import Interview
    from isassist.interview.loader import shipped_dialog
    from isassist.interview.replay import Replay, run_replay

    sys.path.insert(0, str(Path(__file__).parent))
    import rules_bench

    engine = get_engine()
    recorder = Recorder()
    original = RuleEngine.derive
    last: dict[str, Sequence[_Fact]] = {}

    def derive(self: RuleEngine, interview_id: str, facts: Sequence[_Fact]) -> list[Conclusion]:
        found = original(self, interview_id, facts)
        recorder.add("derive", facts, found)
        last[recorder.label] = list(facts)
        return found

    RuleEngine.derive = derive  # type: ignore[method-assign]
    dialog = shipped_dialog()
    services = live_services()

    def make(spec: Replay) -> Interview:
        return Interview.start(dialog, services, mode=spec.mode, language=spec.language)

    replays = sorted((data_dir("dialogs") / "replays").glob("*.yaml")) + sorted(
        SCENARIOS.glob("*.yaml")
    )
    for replay in replays:
        recorder.label = f"replay {replay.parent.parent.name}/{replay.name}"
        run_replay(replay, make)
    recorder.label = "examples"
    for file, example in get_rulebase().examples():
        recorder.label = f"example {file}:{example.name}"
        engine.derive(recorder.label, example_facts(example))
        engine.close(recorder.label)
    recorder.label = "rules_bench"
    engine.derive("golden-bench", rules_bench.dossier())
    engine.close("golden-bench")
    RuleEngine.derive = original  # type: ignore[method-assign]
    for label, facts in last.items():
        recorder.label = label
        recorder.add("scratch", facts, engine.derive_from_scratch("golden-scratch", facts))
    _random_dossiers(engine, recorder, seed=20261203, count=60)
    path.write_text(
        json.dumps({"calls": recorder.calls, "outputs": recorder.outputs}, indent=0),
        encoding="utf-8",
    )
    conclusions = sum(len(recorder.outputs[c["out"]]) for c in recorder.calls)
    print(f"{path}: {len(recorder.calls)} derivations, {conclusions} conclusions in all")


def compare(before: Path, after: Path) -> int:
    old = json.loads(before.read_text(encoding="utf-8"))
    new = json.loads(after.read_text(encoding="utf-8"))
    problems = 0
    if len(old["calls"]) != len(new["calls"]):
        print(f"derivation count differs: {len(old['calls'])} != {len(new['calls'])}")
        problems += 1
    for a, b in zip(old["calls"], new["calls"], strict=False):
        if (a["label"], a["how"], a["facts"]) != (b["label"], b["how"], b["facts"]):
            print(f"different derivation: {a['label']} {a['how']} vs {b['label']} {b['how']}")
            problems += 1
            break
        if a["out"] != b["out"]:
            problems += 1
            was, now = old["outputs"][a["out"]], new["outputs"][b["out"]]
            keys_was = [(c["rule_id"], c["stream_id"]) for c in was]
            keys_now = [(c["rule_id"], c["stream_id"]) for c in now]
            print(f"{a['label']} ({a['how']}): conclusions differ")
            if keys_was != keys_now:
                print(f"  lost: {sorted(set(keys_was) - set(keys_now))}")
                print(f"  new: {sorted(set(keys_now) - set(keys_was))}")
                if set(keys_was) == set(keys_now):
                    print("  (same conclusions, other order)")
            else:
                for c, d in zip(was, now, strict=True):
                    if c != d:
                        print(f"  {c['rule_id']}@{c['stream_id']}: {c} != {d}")
    print(f"{len(old['calls'])} derivations compared, {problems} differ")
    return 1 if problems else 0


def main() -> int:
    if len(sys.argv) == 3 and sys.argv[1] == "record":
        record(Path(sys.argv[2]))
        return 0
    if len(sys.argv) == 4 and sys.argv[1] == "compare":
        return compare(Path(sys.argv[2]), Path(sys.argv[3]))
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main())
