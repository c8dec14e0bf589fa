"""How fast the rule base loads, compiles and derives a dossier.

Targets (issues 3 and 10): deriving a full dossier of 10 streams <= 20 ms (median);
compiling the whole rule base <= 300 ms. Run: ``uv run python benchmarks/rules_bench.py``.

The headline figure is the *first* derivation of a freshly built engine: what ``isassist
report`` or opening a saved interview pays. Nothing an earlier derivation left behind (pattern
tags of the same values, routing, conclusion parts) can help it, so each run builds its own
engine (not timed) and derives once. The later figures show what an engine that has already
derived other interviews, or this one, pays.

``--against REF`` measures the same figures for the code of git revision REF (its
``src/isassist``, with this checkout's rule files) in child processes that alternate with
children running this checkout, so machine load hits both alike, and prints the ratios. Times
are CPU time of the process; on a busy machine read the ratios, not the absolute figures.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from collections.abc import Callable
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from isassist.facts import Answer, Company, Property, Stream, _Fact

if TYPE_CHECKING:
    from isassist.rules import RuleBase
    from isassist.rules.engine import RuleEngine

CHECKOUT = Path(__file__).resolve().parent.parent

STREAMS: list[tuple[str, str, dict[str, object]]] = [
    (
        "bostel",
        "material",
        {
            "ewc": ["020701"],
            "family": ["spent_grain"],
            "legal_status": "unknown",
            "tonnes_per_year": 1200.0,
            "food_grade": False,
            "receiver_known": False,
        },
    ),
    (
        "koelwater",
        "heat",
        {"temperature_c": 75.0, "power_kw": 800.0, "hours_per_year": 8000.0, "distance_km": 3.0},
    ),
    ("rookgas", "heat", {"temperature_c": 220.0, "medium": "flue_gas", "sulphur_in_fuel": "yes"}),
    ("houten paletten", "material", {"ewc": ["150103"], "family": ["wood_packaging", "wood"]}),
    (
        "zuiveringsslib",
        "material",
        {
            "ewc": ["190812"],
            "family": ["wastewater_sludge"],
            "mirror": True,
            "hazardous": "unknown",
        },
    ),
    (
        "afgewerkt oplosmiddel",
        "material",
        {
            "ewc": ["070104"],
            "family": ["solvent"],
            "hazardous": "yes",
            "mirror": False,
            "destination_country": "NL",
            "legal_status": "waste",
        },
    ),
    (
        "staalschroot",
        "material",
        {
            "ewc": ["120101"],
            "family": ["metal_ferrous"],
            "legal_status": "waste",
            "current_route": "sold",
        },
    ),
    (
        "vliegas",
        "material",
        {"ewc": ["100102"], "family": ["ash"], "mirror": True, "composition_known": False},
    ),
    ("spoelwater", "water", {"temperature_c": 35.0}),
    ("kantine-afval", "material", {"ewc": ["200108"], "family": ["food_waste"]}),
]


def dossier() -> list[_Fact]:
    facts: list[_Fact] = [Company(name="Bench NV", nace="11.05", nace_division="11", country="BE")]
    for index, (name, kind, props) in enumerate(STREAMS, start=1):
        sid = f"s{index}"
        facts.append(Stream(id=sid, name=name, kind=kind))  # type: ignore[arg-type]
        facts += [
            Property(id=f"{sid}.{key}", stream=sid, name=key, value=value)  # type: ignore[arg-type]
            for key, value in props.items()
        ]
        facts.append(
            Answer(
                id=f"stream.quantity.{sid}",
                question="stream.quantity",
                stream=sid,
                status="unknown",
            )
        )
    return facts


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    """CPU milliseconds per run: on a shared, busy machine wall time measures the neighbours."""
    times = []
    for _ in range(repeat):
        start = time.process_time()
        action()
        times.append((time.process_time() - start) * 1000)
    return times


def _p95(times: list[float]) -> float:
    return sorted(times)[int(len(times) * 0.95)]


def measure(engines: int, repeat: int) -> dict[str, list[float]]:
    """The benchmark's timings in ms, by figure (see ``FIGURES``)."""
    from isassist.rules import get_engine, get_rulebase, load_rulebase
    from isassist.rules.engine import RuleEngine

    rulebase = get_rulebase()
    facts = dossier()
    RuleEngine(rulebase).derive("bench-warm-python", facts)  # imports, first-call costs
    first: list[float] = []
    for _ in range(engines):
        fresh = built(rulebase)  # built, not timed: its first derivation is
        _as_after_warm_up()
        start = time.process_time()
        fresh.derive("bench-first", facts)
        first.append((time.process_time() - start) * 1000)

    engine = get_engine()
    _as_after_warm_up()
    counter = iter(range(10**9))

    def derive_new_interview() -> int:
        interview = f"bench-{next(counter)}"
        found = engine.derive(interview, facts)
        engine.close(interview)
        return len(found)

    derive_new_interview()
    used = timed(derive_new_interview, repeat)

    # The interview case: the same interview again, one stream's facts changed each time.
    edits = iter(range(10**9))

    def derive_after_one_edit() -> int:
        tonnes = Property(id="s1.tonnes_per_year", stream="s1", name="tonnes_per_year", value=0)
        changed = [
            f
            if getattr(f, "id", None) != tonnes.id
            else tonnes.model_copy(update={"value": next(edits)})
            for f in facts
        ]
        return len(engine.derive("bench-edits", changed))

    derive_after_one_edit()
    edit = timed(derive_after_one_edit, repeat)
    engine.close("bench-edits")

    load = timed(load_rulebase, 5)
    build = timed(lambda: built(rulebase), 10)
    return {"first": first, "used": used, "edit": edit, "load": load, "build": build}


def built(rulebase: RuleBase) -> RuleEngine:
    """An engine as the app has it before the first answer: created, and the MAESTRI evidence
    of its routes looked up (the TUI's warm-up calls ``prepare_evidence``; before stop 12 the
    engine's constructor did it). Without it the first derivation pays that look-up (~15 ms)
    and the "first derivation" figure would no longer measure what it measured before."""
    from isassist.rules.engine import RuleEngine

    engine = RuleEngine(rulebase)
    prepare = getattr(engine, "prepare_evidence", None)  # a ref older than stop 12: in __init__
    if prepare is not None:
        prepare()
    return engine


def _as_after_warm_up() -> None:
    """Collect and freeze what exists, as the app does once its engine is built
    (``isassist.session.resources.warm_answers``): otherwise a full collection of the rule
    base and knowledge objects (~100 ms) lands in whichever derivation happens to trigger it."""
    gc.collect()
    gc.freeze()


FIGURES = {
    "first": "first derivation of a new engine (10 streams, target <= 20 ms)",
    "used": "a new interview on an engine that derived others",
    "edit": "re-derive after an edit to one stream",
    "load": "load + validate the rule files",
    "build": "compile + create in durable_rules (+ per-rule preparation, evidence look-up)",
}


def report(times: dict[str, list[float]]) -> None:
    from isassist.rules import get_engine

    engine = get_engine()
    facts = dossier()
    found = engine.derive("bench-count", facts)
    engine.close("bench-count")
    whole = len(engine.whole_interview_rules)
    print(
        f"rule base: {len(engine.rulebase.rules)} rules in {len(engine.ruleset_names)} rulesets, "
        f"{whole} of them derived on the whole interview; dossier: 10 streams, {len(facts)} "
        f"facts -> {len(found)} conclusions"
    )
    for key, label in FIGURES.items():
        values = times[key]
        print(
            f"{label}: median {statistics.median(values):.2f} ms, p95 {_p95(values):.2f} ms "
            f"({len(values)} runs)"
        )
    print(
        "load + compile together: "
        f"{statistics.median(times['load']) + statistics.median(times['build']):.1f} ms "
        "(target <= 300 ms)"
    )


def _export(ref: str) -> Path:
    """The ``src/`` of git revision ``ref`` in a temporary folder."""
    archive = subprocess.run(
        ["git", "-C", str(CHECKOUT), "archive", ref, "src/isassist"],
        capture_output=True,
        check=True,
    ).stdout
    folder = Path(tempfile.mkdtemp(prefix="rules-bench-"))
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(folder, filter="data")
    return folder / "src"


def _child(src: Path | None, engines: int, repeat: int) -> dict[str, float]:
    env = dict(os.environ)
    if src is not None:  # the other revision's package first, this checkout's rule files
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(src), env.get("PYTHONPATH")]))
        env["ISASSIST_DATA"] = str(CHECKOUT)
    out = subprocess.run(
        [sys.executable, __file__, "--child", "--engines", str(engines), "--repeat", str(repeat)],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    ).stdout
    medians: dict[str, float] = json.loads(out.strip().splitlines()[-1])
    return medians


def against(ref: str, rounds: int, engines: int, repeat: int) -> None:
    old_src = _export(ref)
    new: list[dict[str, float]] = []
    old: list[dict[str, float]] = []
    for _ in range(rounds):
        new.append(_child(None, engines, repeat))
        old.append(_child(old_src, engines, repeat))
    print(f"this checkout against {ref}, {rounds} alternating rounds (medians per round, ms):")
    for key, label in FIGURES.items():
        now = [r[key] for r in new]
        was = [r[key] for r in old]
        ratios = [a / b for a, b in zip(now, was, strict=True)]
        print(
            f"{label}: {', '.join(f'{v:.2f}' for v in now)} against "
            f"{', '.join(f'{v:.2f}' for v in was)}; ratio {statistics.median(ratios):.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--engines", type=int, default=25, help="fresh engines (first figure)")
    parser.add_argument("--repeat", type=int, default=200, help="runs of the later figures")
    parser.add_argument("--against", metavar="REF", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=3, help="alternating rounds (--against)")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.against:
        against(args.against, args.rounds, args.engines, args.repeat)
        return
    times = measure(args.engines, args.repeat)
    if args.child:
        print(json.dumps({key: statistics.median(values) for key, values in times.items()}))
        return
    report(times)


if __name__ == "__main__":
    main()
