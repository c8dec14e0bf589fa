"""Whole-register pre-ranking: the match score of every reachable pair at once, with numpy.

Scoring a register of 50,000 streams pair by pair in Python took most of a minute (3.3 M
pairs at ~17 µs each). Here the same formula as ``Matcher.assess`` runs over all candidates
of one have in a handful of array operations. It only *ranks*: the few best pairs per want
and per have are scored again by ``Matcher.assess``, so every reported figure, reason and
barrier still comes from the one explained scorer that a single-stream search uses too.
Floating-point order differs slightly between the two, so a margin of extra pairs is kept.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from isassist.register.geo import EARTH_RADIUS_KM, great_circle_km
from isassist.register.matching import EVIDENCE_SATURATION, PENALTY, WEIGHTS, Matcher, Party
from isassist.register.texts import severity

Floats = npt.NDArray[np.float64]
Ints = npt.NDArray[np.int64]

_AVAILABILITY = {"year_round": 0, "seasonal": 1, "irregular": 2, "unknown": 3}
_UNKNOWN_TIME = _AVAILABILITY["unknown"]
_SLACK = 1e-6
"""Score points by which numpy and the Python scorer may differ before a pair is dropped."""


def _cost(code: str) -> float:
    return PENALTY[severity(code)]


@dataclass
class _Wants:
    """The wants of the register as columns, and per key their rows sorted by latitude."""

    parties: list[Party]
    lat: Floats
    lon: Floats
    company: Ints
    kind: Ints
    amount: Floats
    unit: Ints
    availability: Ints
    temperature: Floats
    nace: Ints
    country: Ints
    by_key: dict[str, tuple[Floats, Ints]]
    codes: dict[str, int]
    naces: list[str | None]

    def code(self, value: str | None) -> int:
        return self.codes.setdefault(f"{value}", len(self.codes))


def _columns(wants: list[Party]) -> _Wants:
    codes: dict[str, int] = {}

    def code(value: str | None) -> int:
        return codes.setdefault(f"{value}", len(codes))

    def floats(values: Sequence[float | None]) -> Floats:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

    def ints(values: Sequence[int]) -> Ints:
        return np.array(values, dtype=np.int64)

    streams = [p.stream for p in wants]
    naces = list(dict.fromkeys(p.company.nace for p in wants))
    nace_code = {nace: number for number, nace in enumerate(naces)}
    table = _Wants(
        parties=wants,
        lat=floats([p.lat for p in wants]),
        lon=floats([p.lon for p in wants]),
        company=ints([p.company.id for p in wants]),
        kind=ints([code(s.kind) for s in streams]),
        amount=floats([s.amount_per_year or None for s in streams]),
        unit=ints([code(s.counted_in) for s in streams]),
        availability=ints([_AVAILABILITY[s.availability] for s in streams]),
        temperature=floats([s.temperature_c for s in streams]),
        nace=ints([nace_code[p.company.nace] for p in wants]),
        country=ints([code(p.company.country) for p in wants]),
        by_key={},
        codes=codes,
        naces=naces,
    )
    rows: dict[str, list[int]] = {}
    for row, stream in enumerate(streams):
        for key in stream.keys:
            rows.setdefault(key, []).append(row)
    for key, found in rows.items():
        index = ints(found)
        order = np.argsort(table.lat[index], kind="stable")
        table.by_key[key] = (table.lat[index][order], index[order])
    return table


def _haversine(lat: float, lon: float, lats: Floats, lons: Floats) -> Floats:
    p1, p2 = np.radians(lat), np.radians(lats)
    dp, dl = p2 - p1, np.radians(lons - lon)
    h = np.sin(dp / 2) ** 2 + np.cos(p1) * np.cos(p2) * np.sin(dl / 2) ** 2
    result: Floats = 2 * EARTH_RADIUS_KM * np.arcsin(np.minimum(1.0, np.sqrt(h)))
    return result


class _RouteFit:
    """Route fit and evidence per receiver sector, cached per supplier family set."""

    def __init__(self, matcher: Matcher, wants: _Wants) -> None:
        self.matcher = matcher
        self.naces = wants.naces
        self.cache: dict[tuple[tuple[str, ...], str], tuple[Floats, Floats]] = {}

    def arrays(self, families: tuple[str, ...], kind: str) -> tuple[Floats, Floats]:
        """(route fit, evidence share) indexed by the code of the receiver's NACE."""
        material = "material" if kind == "material" else "other"
        found = self.cache.get((families, material))
        if found is None:
            catalogue = self.matcher.catalogue
            fit = np.zeros(len(self.naces))
            evidence = np.zeros(len(self.naces))
            for code, nace in enumerate(self.naces):
                route = catalogue.best_route(families, nace)
                fit[code] = 1.0 if route is not None or material == "other" else 0.8
                count = catalogue.evidence_count(families, nace)
                evidence[code] = min(count, EVIDENCE_SATURATION) / EVIDENCE_SATURATION
            found = self.cache[(families, material)] = (fit, evidence)
        return found


@dataclass
class Candidates:
    """Pairs worth scoring exactly, and how many pairs were compared to find them."""

    pairs: list[tuple[Party, Party, float]]
    assessed: int


def _near(table: _Wants, supply: Party, limit: float) -> tuple[Ints, Floats, int]:
    """Rows of wants sharing a key with ``supply`` within ``limit`` km, their distance, and
    how many such wants there are before kind and company are checked."""
    dlat = np.degrees(limit / EARTH_RADIUS_KM)
    parts = []
    for key in supply.stream.keys:
        found = table.by_key.get(key)
        if found is None:
            continue
        lats, rows = found
        lo, hi = np.searchsorted(lats, [supply.lat - dlat, supply.lat + dlat + 1e-12])
        parts.append(rows[lo:hi])
    if not parts:
        return np.empty(0, dtype=np.int64), np.empty(0), 0
    rows = parts[0] if len(parts) == 1 else np.unique(np.concatenate(parts))
    dlon = dlat / max(np.cos(np.radians(supply.lat)), 0.01)
    rows = rows[np.abs(table.lon[rows] - supply.lon) <= dlon + 1e-12]
    distance = _haversine(supply.lat, supply.lon, table.lat[rows], table.lon[rows])
    inside = distance <= limit
    rows, distance = rows[inside], distance[inside]
    return rows, distance, len(rows)


def _scores(
    matcher: Matcher, table: _Wants, routes: _RouteFit, supply: Party, rows: Ints, dist: Floats
) -> tuple[Ints, Floats]:
    """The match score of ``supply`` with each want row (rows that are no candidate dropped)."""
    s = supply.stream
    settings = matcher.settings
    limit = settings.limit_km(s)
    keep = (table.kind[rows] == table.code(s.kind)) & (table.company[rows] != supply.company.id)
    rows, dist = rows[keep], dist[keep]
    penalty = np.zeros(len(rows))
    temperature_fit = np.ones(len(rows))
    if s.kind == "heat":
        need = table.temperature[rows]
        unknown = np.ones(len(rows), dtype=bool) if s.temperature_c is None else np.isnan(need)
        fits = ~unknown & ((s.temperature_c or 0.0) >= need + settings.heat_exchanger_dt_k)
        pump = ~unknown & ~fits & ((s.temperature_c or 0.0) + settings.heat_pump_lift_k >= need)
        temperature_fit = np.where(unknown, 0.7, np.where(fits, 1.0, np.where(pump, 0.5, 0.0)))
        penalty += unknown * _cost("temperature_unknown") + pump * _cost("heat_pump")
        keep = temperature_fit > 0.0
        rows, dist = rows[keep], dist[keep]
        temperature_fit, penalty = temperature_fit[keep], penalty[keep]
    route_of, evidence_of = routes.arrays(s.families, s.kind)
    nace = table.nace[rows]
    volume = _volume_fit(table, s.amount_per_year, table.code(s.counted_in), rows, penalty)
    timing = _timing_fit(table, _AVAILABILITY[s.availability], rows, penalty)
    if s.hazardous == "yes":
        penalty += _cost("hazardous")
    elif s.hazardous == "unknown" and s.kind == "material":
        penalty += _cost("hazard_unknown")
    penalty += (table.country[rows] != table.code(supply.company.country)) * _cost("border")
    penalty += (dist > 0.8 * limit) * _cost("far")
    raw = 100 * (
        WEIGHTS["route"] * route_of[nace] * temperature_fit
        + WEIGHTS["distance"] * (1 - dist / limit)
        + WEIGHTS["volume"] * volume
        + WEIGHTS["timing"] * timing
        + WEIGHTS["evidence"] * evidence_of[nace]
    )
    score = np.maximum(0.0, raw - penalty)
    keep = score >= settings.min_score - _SLACK
    return rows[keep], score[keep]


def _volume_fit(
    table: _Wants, have: float | None, unit: int, rows: Ints, penalty: Floats
) -> Floats:
    need = table.amount[rows]
    if not have:
        penalty += _cost("volume_unknown")
        return np.full(len(rows), 0.5)
    unknown = np.isnan(need)
    differ = ~unknown & (table.unit[rows] != unit)
    known = ~unknown & ~differ
    safe = np.where(known, need, 1.0)
    coverage = np.minimum(1.0, have / safe)
    share = np.minimum(1.0, safe / have)
    penalty += unknown * _cost("volume_unknown") + differ * _cost("units_differ")
    penalty += (known & (coverage < 0.5)) * _cost("small_supply")
    fit: Floats = np.where(unknown, 0.5, np.where(differ, 0.4, 0.7 * coverage + 0.3 * share))
    return fit


def _timing_fit(table: _Wants, have: int, rows: Ints, penalty: Floats) -> Floats:
    need = table.availability[rows]
    if have == _UNKNOWN_TIME:
        return np.full(len(rows), 0.7)
    unknown = need == _UNKNOWN_TIME
    same = ~unknown & (need == have)
    season = ~unknown & ~same & (have == _AVAILABILITY["seasonal"]) & (need == 0)
    irregular = ~unknown & ~same & ~season
    penalty += season * _cost("season") + irregular * _cost("irregular")
    fit: Floats = np.where(unknown, 0.7, np.where(same, 1.0, np.where(season, 0.4, 0.6)))
    return fit


def _best_of_each(group: Ints, score: Floats, size: int) -> npt.NDArray[np.bool_]:
    """Which entries can be among the ``size`` best of their group.

    Everything within ``_SLACK`` of the group's ``size``-th best score is kept, so a pair the
    exact scorer ranks a hair differently from numpy is never lost.
    """
    ranked = np.lexsort((-score, group))
    sorted_group, sorted_score = group[ranked], score[ranked]
    starts = np.r_[0, np.flatnonzero(sorted_group[1:] != sorted_group[:-1]) + 1]
    lengths = np.diff(np.r_[starts, len(ranked)])
    kth = np.where(lengths >= size, sorted_score[starts + np.minimum(lengths, size) - 1], -np.inf)
    threshold = np.empty(int(np.max(group)) + 1)
    threshold[sorted_group[starts]] = kth
    chosen: npt.NDArray[np.bool_] = score >= threshold[group] - _SLACK
    return chosen


def _best_of(score: Floats, size: int) -> npt.NDArray[np.bool_]:
    """``_best_of_each`` for one group."""
    if len(score) <= size:
        return np.ones(len(score), dtype=bool)
    kth = np.partition(score, len(score) - size)[len(score) - size]
    chosen: npt.NDArray[np.bool_] = score >= kth - _SLACK
    return chosen


def candidate_pairs(
    matcher: Matcher, haves: list[Party], wants: list[Party], per_stream: int
) -> Candidates:
    """The pairs that can be among the ``per_stream`` best of their want or of their have."""
    table = _columns(wants)
    routes = _RouteFit(matcher, table)
    supply_rows: list[Ints] = []
    demand_rows: list[Ints] = []
    scores: list[Floats] = []
    best_for_supply: list[npt.NDArray[np.bool_]] = []
    assessed = 0
    for number, supply in enumerate(haves):
        limit = matcher.settings.limit_km(supply.stream)
        rows, dist, reached = _near(table, supply, limit)
        assessed += reached
        if not len(rows):
            continue
        rows, score = _scores(matcher, table, routes, supply, rows, dist)
        demand_rows.append(rows)
        supply_rows.append(np.full(len(rows), number, dtype=np.int64))
        scores.append(score)
        best_for_supply.append(_best_of(score, per_stream))
    if not scores:
        return Candidates([], assessed)
    supply_of = np.concatenate(supply_rows)
    demand_of = np.concatenate(demand_rows)
    score = np.concatenate(scores)
    chosen = np.concatenate(best_for_supply) | _best_of_each(demand_of, score, per_stream)
    pairs = [
        (
            haves[h],
            wants[w],
            great_circle_km(haves[h].lat, haves[h].lon, wants[w].lat, wants[w].lon),
        )
        for h, w in zip(supply_of[chosen].tolist(), demand_of[chosen].tolist(), strict=True)
    ]
    return Candidates(pairs, assessed)
