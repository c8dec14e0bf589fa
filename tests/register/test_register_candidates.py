"""Finding candidates fast finds the same matches as scoring every pair.

Whole-register matching groups haves by what they say of their material, asks
``Matcher.material_points`` once per kind and stops at an upper bound; one stream's matching
asks the database's key index and a bounding box. Both must propose exactly the top matches of
brute force (``Matcher.assess`` on every have-want pair of the register), on the labelled
register a broker wrote and on the synthetic Flemish register.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.knowledge import get_knowledge
from isassist.register import Party, Register, match_stream
from isassist.register.demo import demo_entries
from isassist.register.geo import great_circle_km
from isassist.register.importing import import_file
from isassist.register.search import matcher_for
from isassist.register.whole import match_register

ROOT = Path(__file__).resolve().parents[2]
TOP = 5

Ranked = list[tuple[int, float]]


def _brute_force(parties: list[Party], target: Party) -> Ranked:
    """The top matches of ``target`` by assessing it with every stream on the other side."""
    matcher = matcher_for()
    found = []
    for other in parties:
        if other.stream.side == target.stream.side:
            continue
        supply, demand = (target, other) if target.stream.side == "have" else (other, target)
        distance = great_circle_km(target.lat, target.lon, other.lat, other.lon)
        assessed = matcher.assess(supply, demand, distance)
        if assessed is not None:
            found.append((other.stream.id, round(assessed.score, 6)))
    return sorted(found, key=lambda f: (-f[1], f[0]))[:TOP]


def _labelled(folder: Path) -> Register:
    reg = Register(f"sqlite:///{folder / 'labelled.sqlite3'}")
    import_file(reg, ROOT / "benchmarks" / "register_labelled" / "register.csv")
    return reg


def _demo(folder: Path) -> Register:
    reg = Register(f"sqlite:///{folder / 'demo.sqlite3'}")
    reg.bulk_load(demo_entries(get_knowledge(), 160))
    return reg


@pytest.mark.slow
@pytest.mark.parametrize("build", [_labelled, _demo], ids=["labelled", "demo"])
def test_indexed_candidates_give_the_top_matches_of_brute_force(
    build: object, tmp_path: Path
) -> None:
    assert callable(build)
    reg: Register = build(tmp_path)
    try:
        parties = reg.parties()
        wants = [p for p in parties if p.stream.side == "want"]
        expected = {w.stream.id: _brute_force(parties, w) for w in wants}
        assert sum(1 for ranked in expected.values() if ranked) >= len(wants) // 3

        whole = match_register(matcher_for(), parties, per_stream=TOP).by_demand
        for want in wants:
            got = [(m.supply.stream.id, round(m.score, 6)) for m in whole.get(want.stream.id, [])]
            assert got == expected[want.stream.id], want.stream.name

        # one stream at a time, through the database's index: wants and haves alike
        for party in parties[::3]:
            got = [
                (
                    (m.supply if party.stream.side == "want" else m.demand).stream.id,
                    round(m.score, 6),
                )
                for m in match_stream(reg, party.stream.id, top=TOP)
            ]
            assert got == _brute_force(parties, party), party.stream.name
    finally:
        reg.close()
