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

from isassist.register.amounts import density_of, in_unit
from isassist.register.assessment import Party
from isassist.register.fit import match_keys, search_keys
from isassist.register.geo import EARTH_RADIUS_KM
from isassist.register.matching import (
    Figures,
    Keep,
    Match,
    Matcher,
    best_assessed,
    fit_signature,
    party_json,
    upper_bounds,
)

_Ranked = Keep
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
            ranked, assessed = kinds.best(demand, self.per_stream)
            self.pairs_assessed += assessed
            if not ranked:
                continue
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


class _SupplyKinds:
    """The register's haves grouped by kind of stream and indexed by match key.

    The haves of one kind (one ``fit_signature``) lie next to each other in arrays of places,
    reaches and figures. A want meets the kinds that share one of its search keys; whether a
    kind could serve it and with how many points (``Matcher.material_points``) is decided once
    per kind of want and receiving sector, and kept as the positions of the haves of the kinds
    that could, so each want measures its distance to all of them and bounds their scores in a
    few array operations.
    """

    def __init__(self, matcher: Matcher, haves: Iterable[Party]) -> None:
        import numpy as np

        self.matcher = matcher
        by_signature: dict[tuple[Any, ...], list[Party]] = {}
        for party in haves:
            by_signature.setdefault(fit_signature(party.stream), []).append(party)
        self.members: list[Party] = []
        self.kinds: list[tuple[Party, int, int]] = []
        """(an example, first position, position after the last) per kind."""
        self.by_key: dict[str, list[int]] = defaultdict(list)
        for group in by_signature.values():
            for key in match_keys(group[0].stream):
                self.by_key[key].append(len(self.kinds))
            self.kinds.append((group[0], len(self.members), len(self.members) + len(group)))
            self.members += group
        lat = np.radians([p.lat for p in self.members])
        self.lat, self.lon, self.cos = lat, np.radians([p.lon for p in self.members]), np.cos(lat)
        self.ids = np.array([p.stream.id for p in self.members])
        self.figures = Figures.of([p.stream for p in self.members], matcher.settings)
        self._fitting: dict[tuple[Any, ...], tuple[Any, Any]] = {}

    def fitting(self, demand: Party) -> tuple[Any, Any]:
        """The positions of the haves that could serve ``demand`` and each one's material
        points (the same answer for every want of its kind at a receiver of its sector)."""
        import numpy as np

        nace = demand.company.nace
        wanted = (fit_signature(demand.stream), nace)
        found = self._fitting.get(wanted)
        if found is None:
            seen: set[int] = set()
            ranges: list[Any] = []
            points: list[Any] = []
            weak = self.matcher.settings.weak_hints
            for key in search_keys(demand.stream, nace, weak):
                for number in self.by_key.get(key, ()):
                    if number in seen:
                        continue
                    seen.add(number)
                    example, first, after = self.kinds[number]
                    said = self.matcher.material_points(example.stream, demand.stream, nace)
                    if said is not None:
                        ranges.append(np.arange(first, after))
                        points.append(np.full(after - first, said))
            found = self._fitting[wanted] = (
                np.concatenate(ranges) if ranges else np.zeros(0, dtype=int),
                np.concatenate(points) if points else np.zeros(0),
            )
        return found

    def best(self, demand: Party, top: int) -> tuple[list[Keep], int]:
        """``demand``'s ``top`` best supplies and how many pairs were assessed to find them:
        the haves that could serve it within their own reach, best upper bound first."""
        import numpy as np

        where, points = self.fitting(demand)
        if not where.size:
            return [], 0
        here = math.radians(demand.lat)
        h = (
            np.sin((self.lat[where] - here) / 2) ** 2
            + math.cos(here)
            * self.cos[where]
            * np.sin((self.lon[where] - math.radians(demand.lon)) / 2) ** 2
        )
        distances = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
        within = distances <= self.figures.reach[where]
        where, distances = where[within], distances[within]
        if not where.size:
            return [], 0
        bounds = upper_bounds(
            points[within],
            distances,
            self.figures.take(where),
            Figures.of([demand.stream], self.matcher.settings),
        )
        ids = self.ids[where]
        order = np.lexsort((ids, -bounds))
        places, bound_list, id_list = where[order].tolist(), bounds[order].tolist(), ids[order]
        distance_list = distances[order].tolist()
        return best_assessed(
            self.matcher,
            (
                (bound, other, self.members[at], demand, distance)
                for at, bound, other, distance in zip(
                    places, bound_list, id_list.tolist(), distance_list, strict=True
                )
            ),
            top,
        )


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


def _split(supply: Party, receivers: list[tuple[Party, float | None]]) -> Allocation | None:
    """Share a large stream over its best receivers, best first, until it is used up."""
    left = supply.stream.amount_per_year
    if left is None or len(receivers) < 2:
        return None
    unit = supply.stream.counted_in
    total = left
    partners: list[tuple[Party, float]] = []
    density = density_of(supply.stream)
    for demand, amount in receivers:
        asked = demand.stream.amount_per_year
        # the need in the supply's unit (m³ wanted of a stream counted in tonnes)
        need = None if asked is None else in_unit(asked, demand.stream.counted_in, unit, density)
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
        # the amount offered in the want's unit (the density that compared them converts it)
        offered = in_unit(
            assessment.amount,
            supply.stream.counted_in,
            demand.stream.counted_in,
            assessment.density,
        )
        if offered is None:
            continue
        taken = min(offered, left)
        partners.append((supply, taken))
        left -= taken
    if len(partners) < 2:
        return None
    return Allocation(demand, tuple(partners), (need - max(left, 0.0)) / need)
