"""Matching a whole register, want by want, as a stream: memory stays flat however large it is.

The haves are grouped by what they say of their material (``fit_signature``: a 10,000-company
register repeats the same few thousand kinds of stream) and each kind is indexed once per match
key (code, family, use, material word), its haves on a spatial grid. A want meets the kinds that
share a key; whether a kind could serve it at all and with how many material points
(``Matcher.material_points``: a material reason, no unmet specification, heat that fits) is
decided once per kind of want and receiving sector, and only the haves of the kinds that could
are looked up within their own reach and scored by ``Matcher.assess``, best upper bound first
(the bound knows the material part, so a strong kind's matches end the search early). The
want's best ``per_stream`` suppliers are explained and handed out at once
(``RegisterRun.wants``), so a run never holds every match.
What needs the whole register at the end is kept as numbers only: each have's best receivers,
for splitting a large stream over several of them. ``match_register`` collects the stream for
callers that want it all (tests, the TUI, small registers).
"""

from __future__ import annotations

import heapq
import math
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from isassist.register.fit import match_keys, search_keys
from isassist.register.geo import EARTH_RADIUS_KM
from isassist.register.matching import (
    Assessment,
    Match,
    Matcher,
    Party,
    fit_signature,
    party_json,
    upper_bound,
)

_Ranked = tuple[float, int, Party, Party, Assessment]
Progress = Callable[[int, int], None]
"""Called with (wants done, wants in all) while a register is matched."""


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


@dataclass(frozen=True)
class WantMatches:
    """One want's best suppliers (best first) and, when no single one covers it, a bundle."""

    want: Party
    matches: tuple[Match, ...]
    bundle: Allocation | None


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


@dataclass
class RegisterRun:
    """A whole-register run in progress: iterate ``wants()``, then read ``splits()``."""

    matcher: Matcher
    haves: list[Party]
    wants_list: list[Party]
    per_stream: int = 5
    progress: Progress | None = None
    pairs_assessed: int = 0
    _for_supply: dict[int, list[tuple[float, int, int, float]]] = field(
        default_factory=lambda: defaultdict(list)
    )
    _parties: dict[int, Party] = field(default_factory=dict)

    def wants(self) -> Iterator[WantMatches]:
        """Each want with a match, as soon as it is matched."""
        kinds = _SupplyKinds(self.matcher, self.haves)
        total = len(self.wants_list)
        for number, demand in enumerate(self.wants_list, start=1):
            if self.progress is not None:
                self.progress(number, total)
            kept: list[_Ranked] = []
            bounded: list[tuple[float, int, float, Party]] = []
            wanted = demand.stream
            for kind, material in kinds.fitting(demand):
                bounded += [
                    (upper_bound(s.stream, wanted, d, own, material), -s.stream.id, d, s)
                    for d, own, s in kind.near(demand.lat, demand.lon)
                ]
            # best bound first (stream ids differ, so no two entries compare further); stop
            # once the kept ones beat every bound still to come
            bounded.sort(reverse=True)
            for bound, _, distance, supply in bounded:
                if len(kept) == self.per_stream and kept[0][0] > bound:
                    break
                self.pairs_assessed += 1
                found = self.matcher.assess(supply, demand, distance)
                if found is None:
                    continue
                item = (found.score, -supply.stream.id, supply, demand, found)
                _keep(kept, item, self.per_stream)
            if not kept:
                continue
            ranked = sorted(kept, reverse=True)
            for score, _, supply, want, assessment in ranked:
                self._parties[supply.stream.id] = supply
                heap = self._for_supply[supply.stream.id]
                entry = (score, -want.stream.id, want.stream.id, assessment.amount or -1.0)
                if len(heap) < self.per_stream:
                    heapq.heappush(heap, entry)
                elif entry[:2] > heap[0][:2]:
                    heapq.heapreplace(heap, entry)
            self._parties[demand.stream.id] = demand
            yield WantMatches(
                demand,
                tuple(self.matcher.explain(s, d, a) for _, _, s, d, a in ranked),
                _bundle(ranked),
            )

    def splits(self) -> Iterator[Allocation]:
        """Large haves shared over their best receivers (after ``wants()`` ran through)."""
        for supply_id, heap in self._for_supply.items():
            ranked = sorted(heap, reverse=True)
            split = _split(
                self._parties[supply_id],
                [(self._parties[w], None if a < 0 else a) for _, _, w, a in ranked],
            )
            if split is not None:
                yield split


@dataclass
class _SupplyKind:
    """The haves that say the same of their material (one ``fit_signature``), with their
    places and reaches as arrays: a want measures its distance to all of them at once."""

    example: Party
    members: list[Party] = field(default_factory=list)
    reaches: list[float] = field(default_factory=list)
    arrays: Any = None

    def add(self, party: Party, reach: float) -> None:
        self.members.append(party)
        self.reaches.append(reach)

    def ready(self) -> None:
        import numpy as np

        lat = np.radians([p.lat for p in self.members])
        self.arrays = (lat, np.radians([p.lon for p in self.members]), np.cos(lat))
        self.arrays += (np.array(self.reaches),)

    def near(self, lat: float, lon: float) -> list[tuple[float, float, Party]]:
        """(distance, own reach, have) for the haves whose own reach gets them to the point
        (the haversine of ``geo.great_circle_km``, for every member in one go)."""
        import numpy as np

        lats, lons, cosines, reaches = self.arrays
        here = math.radians(lat)
        h = (
            np.sin((lats - here) / 2) ** 2
            + math.cos(here) * cosines * np.sin((lons - math.radians(lon)) / 2) ** 2
        )
        distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        within = np.flatnonzero(distances <= reaches).tolist()
        return [
            (distance, self.reaches[index], self.members[index])
            for index, distance in zip(within, distances[within].tolist(), strict=True)
        ]


class _SupplyKinds:
    """The register's haves grouped by kind of stream and indexed by match key.

    A want meets the kinds that share one of its search keys; whether a kind could serve it
    (``Matcher.material_points``) is decided once per kind and kind of want at its receiver's
    sector, and only the haves of the kinds that could are looked up on the map and scored.
    """

    def __init__(self, matcher: Matcher, haves: Iterable[Party]) -> None:
        self.matcher = matcher
        self.kinds: list[_SupplyKind] = []
        by_signature: dict[tuple[Any, ...], _SupplyKind] = {}
        self.by_key: dict[str, list[_SupplyKind]] = defaultdict(list)
        for party in haves:
            signature = fit_signature(party.stream)
            kind = by_signature.get(signature)
            if kind is None:
                kind = by_signature[signature] = _SupplyKind(party)
                self.kinds.append(kind)
                for key in match_keys(party.stream):
                    self.by_key[key].append(kind)
            kind.add(party, matcher.settings.limit_km(party.stream))
        for kind in self.kinds:
            kind.ready()
        self._fitting: dict[tuple[Any, ...], list[tuple[_SupplyKind, float]]] = {}

    def fitting(self, demand: Party) -> list[tuple[_SupplyKind, float]]:
        """The kinds of have that could serve ``demand``, each with its material part (the
        same answer for every want of its kind at a receiver of its sector)."""
        nace = demand.company.nace
        wanted = (fit_signature(demand.stream), nace)
        found = self._fitting.get(wanted)
        if found is None:
            seen: set[int] = set()
            found = []
            weak = self.matcher.settings.weak_hints
            for key in search_keys(demand.stream, nace, weak):
                for kind in self.by_key.get(key, ()):
                    if id(kind) in seen:
                        continue
                    seen.add(id(kind))
                    points = self.matcher.material_points(kind.example.stream, demand.stream, nace)
                    if points is not None:
                        found.append((kind, points))
            self._fitting[wanted] = found
        return found


def start_register(
    matcher: Matcher,
    parties: Iterable[Party],
    per_stream: int = 5,
    progress: Progress | None = None,
) -> RegisterRun:
    """Split the register into haves and wants and prepare a run."""
    haves: list[Party] = []
    wants: list[Party] = []
    for party in parties:
        (haves if party.stream.side == "have" else wants).append(party)
    # a receiver's wants one after the other, so its opportunities can be grouped as they come
    wants.sort(key=lambda p: (p.company.id, p.stream.id))
    return RegisterRun(matcher, haves, wants, per_stream, progress)


def match_register(
    matcher: Matcher, parties: Iterable[Party], per_stream: int = 5
) -> RegisterMatches:
    """Every want with its best suppliers, large streams split, small supplies bundled."""
    run = start_register(matcher, parties, per_stream)
    by_demand: dict[int, list[Match]] = {}
    bundles: list[Allocation] = []
    for found in run.wants():
        by_demand[found.want.stream.id] = list(found.matches)
        if found.bundle is not None:
            bundles.append(found.bundle)
    return RegisterMatches(by_demand, list(run.splits()), bundles, run.pairs_assessed)


def _keep(heap: list[_Ranked], item: _Ranked, size: int) -> None:
    if len(heap) < size:
        heapq.heappush(heap, item)
    elif item[:2] > heap[0][:2]:
        heapq.heapreplace(heap, item)


def _split(supply: Party, receivers: list[tuple[Party, float | None]]) -> Allocation | None:
    """Share a large stream over its best receivers, best first, until it is used up."""
    left = supply.stream.amount_per_year
    if left is None or len(receivers) < 2:
        return None
    total = left
    partners: list[tuple[Party, float]] = []
    for demand, amount in receivers:
        need = demand.stream.amount_per_year
        if amount is None or need is None or left <= 0:
            continue
        taken = min(need, left)
        partners.append((demand, taken))
        left -= taken
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
