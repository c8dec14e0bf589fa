"""Matching a whole register: every want with its best suppliers, splits and bundles.

Wants and haves are matched in memory: every have meets the wants that share a match key with
it (code, family or use) within its reach, found through a spatial grid per key, and each pair
is scored by ``Matcher.assess``, so each kept match carries the same figures and explanation as
a single-stream search.
"""

from __future__ import annotations

import heapq
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from isassist.register.fit import match_keys
from isassist.register.geo import Grid
from isassist.register.matching import Assessment, Match, Matcher, Party, party_json

_Ranked = tuple[float, int, Party, Party, Assessment]


@dataclass(frozen=True)
class Allocation:
    """One stream shared out over several partners, or one need served by several suppliers."""

    stream: Party
    partners: tuple[tuple[Party, float], ...]
    covered: float

    def as_json(self) -> dict[str, Any]:
        return {
            "stream": party_json(self.stream),
            "partners": [
                {**party_json(p), "amount_per_year": round(a, 3)} for p, a in self.partners
            ],
            "covered": round(self.covered, 3),
        }


@dataclass
class RegisterMatches:
    """The result of matching a whole register."""

    by_demand: dict[int, list[Match]]
    splits: list[Allocation]
    bundles: list[Allocation]
    pairs_assessed: int

    @property
    def matches(self) -> list[Match]:
        return sorted(
            (m for found in self.by_demand.values() for m in found), key=lambda m: -m.score
        )

    def as_json(self) -> dict[str, Any]:
        return {
            "matches": [m.as_json() for m in self.matches],
            "splits": [a.as_json() for a in self.splits],
            "bundles": [a.as_json() for a in self.bundles],
            "pairs_assessed": self.pairs_assessed,
        }


def match_register(
    matcher: Matcher, parties: Iterable[Party], per_stream: int = 5
) -> RegisterMatches:
    """Match every have with every want it can reach, keeping ``per_stream`` per side."""
    haves: list[Party] = []
    wants: list[Party] = []
    for party in parties:
        (haves if party.stream.side == "have" else wants).append(party)
    assessed = [0]
    pairs = _every_pair(matcher, haves, wants, assessed)
    best_for_demand: dict[int, list[_Ranked]] = defaultdict(list)
    best_for_supply: dict[int, list[_Ranked]] = defaultdict(list)
    tick = 0
    for supply, demand, distance in pairs:
        assessment = matcher.assess(supply, demand, distance)
        if assessment is None:
            continue
        tick += 1
        item = (assessment.score, -tick, supply, demand, assessment)
        _keep(best_for_demand[demand.stream.id], item, per_stream)
        _keep(best_for_supply[supply.stream.id], item, per_stream)
    by_demand = {
        demand_id: [matcher.explain(s, d, a) for _, _, s, d, a in sorted(kept, reverse=True)]
        for demand_id, kept in best_for_demand.items()
    }
    splits = [
        split
        for kept in best_for_supply.values()
        if (split := _split(sorted(kept, reverse=True))) is not None
    ]
    bundles = [
        bundle
        for kept in best_for_demand.values()
        if (bundle := _bundle(sorted(kept, reverse=True))) is not None
    ]
    return RegisterMatches(by_demand, splits, bundles, assessed[0])


def _every_pair(
    matcher: Matcher, haves: list[Party], wants: list[Party], assessed: list[int]
) -> Iterator[tuple[Party, Party, float]]:
    """Every have with each want that shares a match key within the have's reach (grid)."""
    wants_by_key: dict[str, Grid[Party]] = defaultdict(Grid)
    for party in wants:
        for key in match_keys(party.stream):
            wants_by_key[key].add(party.lat, party.lon, party)
    for supply in haves:
        limit = matcher.settings.limit_km(supply.stream)
        seen: set[int] = set()
        for key in match_keys(supply.stream):
            grid = wants_by_key.get(key)
            if grid is None:
                continue
            for distance, demand in grid.near(supply.lat, supply.lon, limit):
                if demand.stream.id not in seen:
                    seen.add(demand.stream.id)
                    assessed[0] += 1
                    yield supply, demand, distance


def _keep(
    heap: list[_Ranked],
    item: _Ranked,
    size: int,
) -> None:
    if len(heap) < size:
        heapq.heappush(heap, item)
    elif item[:2] > heap[0][:2]:
        heapq.heapreplace(heap, item)


def _split(ranked: list[_Ranked]) -> Allocation | None:
    """Share a large stream over its best receivers, best first, until it is used up."""
    supply = ranked[0][2]
    left = supply.stream.amount_per_year
    if left is None or len(ranked) < 2:
        return None
    partners: list[tuple[Party, float]] = []
    for _, _, _, demand, assessment in ranked:
        need = demand.stream.amount_per_year
        if assessment.amount is None or need is None or left <= 0:
            continue
        taken = min(need, left)
        partners.append((demand, taken))
        left -= taken
    total = supply.stream.amount_per_year or 0.0
    if len(partners) < 2:
        return None
    return Allocation(supply, tuple(partners), (total - max(left, 0.0)) / total)


def _bundle(ranked: list[_Ranked]) -> Allocation | None:
    """Bundle several suppliers for a need that no single one of them covers."""
    demand = ranked[0][3]
    need = demand.stream.amount_per_year
    if need is None or need <= 0:
        return None
    if any((a.coverage or 0.0) >= 1.0 for *_, a in ranked):
        return None
    partners: list[tuple[Party, float]] = []
    left = need
    for _, _, supply, _, assessment in ranked:
        if assessment.amount is None or left <= 0:
            continue
        taken = min(assessment.amount, left)
        partners.append((supply, taken))
        left -= taken
    if len(partners) < 2:
        return None
    return Allocation(demand, tuple(partners), (need - max(left, 0.0)) / need)
