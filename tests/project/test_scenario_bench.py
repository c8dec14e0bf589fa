"""The company scenarios (benchmarks/scenarios): format, scoring, and a floor on the figures.

The floor is measured on this set; an independent hidden set in the same format is scored by
the same code (isassist.scenario), so the scoring itself is tested on small dossiers too.
"""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType

import pytest

from isassist.dossier import ConclusionOut, Dossier, StreamOut
from isassist.interview.loader import DataFileError, schema_of
from isassist.scenario import (
    SCHEMAS,
    Concepts,
    ScenarioExpect,
    load_concepts,
    load_expect,
    score,
)

ROOT = Path(__file__).resolve().parents[2]
SCENARIOS = ROOT / "benchmarks" / "scenarios"
SECTORS_NEEDED = 12
# Floors measured on this set (issue 10); raise them when the figures rise.
# measured 96.3 / 97.1 / 90.5 %, no must-not hit (k10, 3 Dec 2026; after the merge it was
# 90.2 / 85.5 / 82.1): the floor is the targets
FLOOR = {"ewc": 0.90, "route": 0.90, "barrier": 0.85}
MUST_NOT_CEILING = 0  # no harmful statement may appear


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "scenario_bench", SCENARIOS.parent / "scenario_bench.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_set_has_24_documented_companies_in_12_sectors_8_in_dutch() -> None:
    expects = sorted((SCENARIOS / "expect").glob("*.yaml"))
    assert len(expects) >= 24
    loaded = [load_expect(p) for p in expects]
    assert len({e.sector for e in loaded}) >= SECTORS_NEEDED
    assert sum(e.language == "nl" for e in loaded) >= 8
    for path in expects:
        assert (SCENARIOS / "replays" / path.name).exists(), f"{path.name}: no replay"
    assert all(e.must_routes and e.must_barriers for e in loaded)


def test_schemas_match_the_models() -> None:
    for name, model in SCHEMAS.items():
        committed = (SCENARIOS / name).read_text(encoding="utf-8")
        assert committed == schema_of(model), (
            f"{name} is stale: run `uv run python benchmarks/scenario_bench.py --write-schemas`"
        )


def test_a_wrong_expectation_file_names_file_item_and_problem(tmp_path: Path) -> None:
    bad = tmp_path / "x.yaml"
    bad.write_text(
        'source: "a documented case"\nsector: energy\nlanguage: nl\n'
        'streams: [{stream: s1, ewc: ["10 01"]}]\n',
        encoding="utf-8",
    )
    with pytest.raises(DataFileError) as caught:
        load_expect(bad)
    assert "x.yaml" in str(caught.value) and "six-digit" in str(caught.value)


def _dossier() -> Dossier:
    def said(rule: str, kind: str, stream: str | None, text: str, **data: object) -> ConclusionOut:
        return ConclusionOut(
            rule_id=rule,
            kind=kind,
            category="x",
            text={"nl": text, "en": text},
            source="s",
            stream_id=stream,
            data=dict(data),
        )

    return Dossier.model_validate(
        {
            "interview_id": "t",
            "mode": "broker",
            "language": "en",
            "company": {},
            "streams": [
                StreamOut(id="s1", name="fly ash", kind="material", ewc=["100102"]).model_dump(),
                StreamOut(id="s2", name="steam", kind="heat").model_dump(),
            ],
            "conclusions": [
                said(
                    "valorisation.ash.cement",
                    "valorisation",
                    "s1",
                    "to a kiln",
                    route="cement_raw_material",
                ),
                said(
                    "heat.band.district_heating",
                    "heat",
                    "s2",
                    "to a network",
                    uses=["district_heating"],
                ),
                said("barrier.deal.lock_in.combustion_residue", "barrier", "s1", "fuel change"),
                said("legal.fertiliser.fpr", "legal", "s1", "can go on the market as fertiliser"),
            ],
        }
    )


def test_scoring_counts_codes_routes_barriers_and_harm() -> None:
    expect = ScenarioExpect.model_validate(
        {
            "source": "a documented case",
            "sector": "energy",
            "language": "en",
            "streams": [{"stream": "s1", "ewc": ["10 01 02"]}, {"stream": "s2", "ewc": ["none"]}],
            "must_routes": [
                {"route": "cement", "stream": "s1"},
                {"route": "district_heating", "stream": "s2"},
                {"route": "animal_feed", "stream": "s1"},
            ],
            "must_barriers": [
                {"barrier": "lock_in", "stream": "s1"},
                {"barrier": "lock_in", "stream": "s2"},
            ],
            "must_not": [
                {"rule": "legal.fertiliser.*", "stream": "s1", "why": "coal ash is no fertiliser"},
                {"text": "as fertili[sz]er", "stream": "s2", "why": "only on s1"},
            ],
        }
    )
    concepts = Concepts(
        routes={"cement": ["cement_raw_material"]}, barriers={"lock_in": ["barrier.deal.lock_in*"]}
    )
    got = score(_dossier(), expect, concepts)
    assert (got.ewc_hits, got.ewc_total) == (2, 2)
    assert (got.route_hits, got.route_total) == (2, 3)
    assert (got.barrier_hits, got.barrier_total) == (1, 2)
    assert got.must_not_hits == 1
    assert any("animal_feed" in m for m in got.misses)


def test_every_alias_in_concepts_names_something() -> None:
    concepts = load_concepts(SCENARIOS / "concepts.yaml")
    for alias, targets in {**concepts.routes, **concepts.barriers}.items():
        assert targets, f"{alias} names nothing"


@pytest.fixture(scope="module")
def figures() -> dict[str, object]:
    bench = _bench()
    rows, problems = bench.run(SCENARIOS, load_concepts(SCENARIOS / "concepts.yaml"))
    assert not problems, problems
    total = bench.total_of(rows)
    plain: dict[str, object] = json.loads(
        json.dumps({k: v for k, v in vars(total).items() if k != "misses"})
    )
    return plain


@pytest.mark.slow
def test_scenario_figures_stay_above_the_floor(figures: dict[str, int]) -> None:
    assert figures["ewc_hits"] / figures["ewc_total"] >= FLOOR["ewc"]
    assert figures["route_hits"] / figures["route_total"] >= FLOOR["route"]
    assert figures["barrier_hits"] / figures["barrier_total"] >= FLOOR["barrier"]
    assert figures["must_not_hits"] <= MUST_NOT_CEILING
