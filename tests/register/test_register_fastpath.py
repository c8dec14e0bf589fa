"""The fast paths of matching give the matches the exhaustive search gives.

Whole-register matching pre-ranks pairs with numpy and re-scores only the best few; a want's
look-up searches each kind of supply only within its own limit. Both must find exactly what
scoring every pair finds, so each is compared with the exhaustive search here.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from test_register_store import company, db_url, have, reg, want

from isassist.register import Company, MatchSettings, Party, Register, Stream, match_stream
from isassist.register.search import matcher_for
from isassist.register.whole import RegisterMatches, match_register

__all__ = ["db_url", "reg"]  # the fixtures, shared with the storage tests

_FAMILIES = ("ash", "wood", "gypsum", "spent_grain", "sludge")
_NACE = ("23.51", "16.10", "11.05", "01.11", "38.21", "35.30", None)


def _random_parties(seed: int, companies: int = 120) -> list[Party]:
    """A small register around Ghent with every feature the score looks at, drawn at random."""
    rng = random.Random(seed)
    parties: list[Party] = []
    stream_id = 0
    for number in range(1, companies + 1):
        firm = Company(
            id=number,
            name=f"bedrijf {number}",
            nace=rng.choice(_NACE),
            country=rng.choice(("BE", "BE", "BE", "NL")),
            lat=51.05 + rng.uniform(-0.6, 0.6),
            lon=3.72 + rng.uniform(-0.9, 0.9),
            created_at=datetime(2024, 1, 1, tzinfo=UTC),
        )
        assert firm.lat is not None and firm.lon is not None
        for _ in range(rng.randint(1, 4)):
            stream_id += 1
            heat = rng.random() < 0.25
            side = rng.choice(("have", "want"))
            stream = Stream(
                id=stream_id,
                company_id=number,
                side=side,
                kind="heat" if heat else "material",
                name=f"stroom {stream_id}",
                families=("heat",) if heat else tuple(rng.sample(_FAMILIES, rng.randint(1, 2))),
                hazardous=rng.choice(("yes", "no", "unknown")),
                amount_per_year=rng.choice((None, 0.0, round(rng.uniform(10, 3000), 1))),
                unit=rng.choice((None, None, None, "m3")),
                temperature_c=rng.choice((None, rng.uniform(30, 200))) if heat else None,
                power_kw=rng.uniform(100, 60000) if heat and side == "have" else None,
                availability=rng.choice(("year_round", "seasonal", "irregular", "unknown")),
            )
            parties.append(Party(stream, firm, firm.lat, firm.lon))
    return parties


def _ranked(result: RegisterMatches) -> dict[int, list[tuple[int, float]]]:
    return {
        demand: [(m.supply.stream.id, round(m.score, 9)) for m in found]
        for demand, found in result.by_demand.items()
    }


def _allocations(result: RegisterMatches) -> list[str]:
    return sorted(repr(a.as_json()) for a in (*result.splits, *result.bundles))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_fast_whole_register_keeps_the_exhaustive_top_matches(seed: int) -> None:
    parties = _random_parties(seed)
    matcher = matcher_for()
    fast = match_register(matcher, parties, per_stream=3)
    exhaustive = match_register(matcher, parties, per_stream=3, exhaustive=True)
    assert sum(len(found) for found in exhaustive.by_demand.values()) > 50
    assert _ranked(fast) == _ranked(exhaustive)
    assert _allocations(fast) == _allocations(exhaustive)
    assert fast.pairs_assessed == exhaustive.pairs_assessed
    # every kept match carries the explained scorer's reason and barriers
    some = next(iter(fast.by_demand.values()))[0]
    assert some.reason["nl"] and some.reason["en"]


def test_fast_whole_register_honours_changed_limits() -> None:
    parties = _random_parties(4)
    matcher = matcher_for(MatchSettings(material_km=15, heat_max_km=5, min_score=40))
    fast = match_register(matcher, parties)
    exhaustive = match_register(matcher, parties, exhaustive=True)
    assert _ranked(fast) == _ranked(exhaustive)
    ordinary = [
        m
        for m in fast.matches
        if m.supply.stream.kind == "material" and m.supply.stream.hazardous != "yes"
    ]
    assert ordinary and all(m.assessment.distance_km <= 15 for m in ordinary)
    heat = [m for m in fast.matches if m.supply.stream.kind == "heat"]
    assert all(m.assessment.distance_km <= 5 for m in heat)


def test_a_want_finds_hazardous_supplies_further_away_than_ordinary_ones(reg: Register) -> None:
    # Ghent 9000; Kortrijk 8500 lies about 40 km away, Brussels 1000 about 50-55 km, Luik ~150
    company(reg, "Ontvanger", [want("as", families="ash")], postcode="9000")
    company(reg, "Dichtbij", [have("as", families="ash", hazardous="no")], postcode="8500")
    company(reg, "Brussel gewoon", [have("as", families="ash", hazardous="no")], postcode="1000")
    company(
        reg, "Brussel gevaarlijk", [have("as", families="ash", hazardous="yes")], postcode="1000"
    )
    company(reg, "Luik gevaarlijk", [have("as", families="ash", hazardous="yes")], postcode="4000")
    [want_id] = [s.id for s in reg.streams(side="want")]
    settings = MatchSettings(material_km=45, hazardous_material_km=100)
    found = {m.supply.company.name for m in match_stream(reg, want_id, settings=settings)}
    assert found == {"Dichtbij", "Brussel gevaarlijk"}
    # the same pairs as the whole register, which starts from each supply and its own limit
    every = match_register(matcher_for(settings), reg.parties(), exhaustive=True)
    assert {m.supply.company.name for m in every.by_demand[want_id]} == found
