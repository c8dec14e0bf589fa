"""Whole-register matching finds what scoring every pair finds, and so does a single want.

Whole-register matching only compares pairs that share a match key (code, family, use, material
word) within the supply's reach; a want's look-up asks the database the same way. Both must
find exactly the top matches that assessing every pair of the register finds.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Literal

import pytest
from test_register_store import company, have, reg, want

from isassist.register import (
    MatchSettings,
    Party,
    Register,
    RegisterCompany,
    RegisterStream,
    match_stream,
)
from isassist.register.geo import great_circle_km
from isassist.register.search import matcher_for
from isassist.register.whole import RegisterMatches, match_register

__all__ = ["reg"]  # the fixture, shared with the storage tests

_FAMILIES = ("ash", "sawdust", "gypsum", "spent_grain", "slag")
_NACE = ("23.51", "16.10", "11.05", "01.11", "38.21", "35.30", None)


def _random_parties(seed: int, companies: int = 120) -> list[Party]:
    """A small register around Ghent with every feature the score looks at, drawn at random."""
    rng = random.Random(seed)
    parties: list[Party] = []
    stream_id = 0
    for number in range(1, companies + 1):
        firm = RegisterCompany(
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
            side: Literal["have", "want"] = "have" if rng.choice((0, 1)) == 0 else "want"
            stream = RegisterStream(
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


def _every_pair(
    parties: list[Party], settings: MatchSettings, top: int
) -> dict[int, list[tuple[int, float]]]:
    """Each want's ``top`` suppliers from assessing every have of the register."""
    matcher = matcher_for(settings)
    haves = [p for p in parties if p.stream.side == "have"]
    found: dict[int, list[tuple[int, float]]] = {}
    for demand in (p for p in parties if p.stream.side == "want"):
        candidates = [(great_circle_km(h.lat, h.lon, demand.lat, demand.lon), h) for h in haves]
        ranked = matcher.rank(demand, candidates, top=top)
        if ranked:
            found[demand.stream.id] = [(m.supply.stream.id, round(m.score, 9)) for m in ranked]
    return found


@pytest.mark.slow
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_whole_register_keeps_the_top_matches_of_every_pair(seed: int) -> None:
    parties = _random_parties(seed)
    settings = MatchSettings()
    result = match_register(matcher_for(settings), parties, per_stream=3)
    assert sum(len(found) for found in result.by_demand.values()) > 50
    assert _ranked(result) == _every_pair(parties, settings, 3)
    some = next(iter(result.by_demand.values()))[0]
    assert some.reason["nl"] and some.reason["en"]


@pytest.mark.slow
def test_whole_register_honours_a_narrower_distance_scale() -> None:
    parties = _random_parties(4)
    settings = MatchSettings(distance_scale=0.2, min_score=40)
    result = match_register(matcher_for(settings), parties)
    assert _ranked(result) == _every_pair(parties, settings, 5)
    assert all(m.assessment.distance_km <= m.assessment.limit_km for m in result.matches)


def test_a_want_finds_bulk_minerals_far_away_but_perishables_only_nearby(reg: Register) -> None:
    # Antoing (7640) is ~150 km from Genk (3600); Oostende (8400) ~190 km from Maaseik, ~45 from
    # Kortrijk (8500)
    company(reg, "Cement Antoing", [want("gips", families="gypsum")], postcode="7640", nace="23.51")
    company(
        reg,
        "Centrale Genk",
        [have("REA-gips", families="gypsum", hazardous="no")],
        postcode="3600",
    )
    company(
        reg,
        "Brouwerij Oostende",
        [have("bostel", families="spent_grain", hazardous="no")],
        postcode="8400",
    )
    company(
        reg,
        "Varkens Maaseik",
        [want("bostel", families="spent_grain")],
        postcode="3680",
        nace="01.46",
    )
    company(
        reg,
        "Varkens Kortrijk",
        [want("bostel", families="spent_grain")],
        postcode="8500",
        nace="01.46",
    )
    by_name = {reg.company(c.id).name: c.id for c in reg.companies()}
    gypsum_want = reg.streams(company_id=by_name["Cement Antoing"])[0].id
    [gypsum] = match_stream(reg, gypsum_want)
    assert gypsum.supply.company.name == "Centrale Genk"
    assert gypsum.assessment.distance_km > 100
    assert "barge or rail" in gypsum.reason["en"]
    grain_have = reg.streams(company_id=by_name["Brouwerij Oostende"])[0].id
    receivers = {m.demand.company.name for m in match_stream(reg, grain_have)}
    assert receivers == {"Varkens Kortrijk"}  # Maaseik is too far for wet spent grain
    every = match_register(matcher_for(), reg.parties())
    assert {m.supply.company.name for m in every.by_demand[gypsum_want]} == {"Centrale Genk"}
