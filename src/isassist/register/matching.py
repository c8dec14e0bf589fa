"""Matching haves with wants, every match explained (headless; the CLI and the TUI call it).

A pair is a candidate only when the two streams share a material family or a code, lie within
the distance the supplier's kind of stream can travel, and (for heat) the temperatures fit.
The score then weighs the route (a valorisation route of the rule base whose receiving sector
fits the receiver, backed by MAESTRI exchanges), closeness, how well the volumes fit and
whether supply and need run at the same time of year. Legal hurdles do not forbid a match:
they become barriers the broker sees next to it, because a permit can be obtained.

Scores are computed first as plain numbers; the readable reason and the barrier texts are
written only for the matches that are kept, so a whole-register run stays fast and small
(``isassist.register.whole`` matches a whole register).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from isassist.register.models import RegisterCompany, RegisterStream
from isassist.register.routes import Route, RouteCatalogue
from isassist.register.settings import MatchSettings
from isassist.register.texts import Barrier, barrier, barrier_codes, describe, severity

WEIGHTS = {"route": 0.30, "distance": 0.25, "volume": 0.25, "timing": 0.10, "evidence": 0.10}
PENALTY = {"high": 5.0, "medium": 2.0, "low": 0.0}
"""Score points a barrier of each severity costs."""
_PENALTY_OF = {code: PENALTY[severity(code)] for code in barrier_codes()}
EVIDENCE_SATURATION = 10
"""Ten documented exchanges make a route as proven as it gets for the score."""


@dataclass(frozen=True)
class Party:
    """A stream with the company that has or wants it, placed on the map."""

    stream: RegisterStream
    company: RegisterCompany
    lat: float
    lon: float


@dataclass(frozen=True)
class Assessment:
    """The numbers behind a match, before any text is written."""

    score: float
    distance_km: float
    limit_km: float
    route: Route | None
    evidence: int
    amount: float | None
    coverage: float | None
    temperature: Literal["fits", "heat_pump", "unknown", "n/a"]
    barriers: tuple[str, ...]


@dataclass(frozen=True)
class Match:
    """A supplier's stream that could serve a receiver's need, with the reason and barriers."""

    supply: Party
    demand: Party
    assessment: Assessment
    reason: dict[str, str]
    barriers: tuple[Barrier, ...]

    @property
    def score(self) -> float:
        return self.assessment.score

    def as_json(self) -> dict[str, Any]:
        a = self.assessment
        return {
            "score": round(a.score, 1),
            "supply": party_json(self.supply),
            "demand": party_json(self.demand),
            "distance_km": round(a.distance_km, 1),
            "limit_km": round(a.limit_km, 1),
            "route": a.route.route if a.route else None,
            "route_rule": a.route.rule_id if a.route else None,
            "evidence_exchanges": a.evidence,
            "amount_per_year": a.amount,
            "unit": self.supply.stream.counted_in,
            "coverage": None if a.coverage is None else round(a.coverage, 3),
            "temperature": a.temperature,
            "reason": self.reason,
            "barriers": [b.as_json() for b in self.barriers],
        }


def party_json(party: Party) -> dict[str, Any]:
    s = party.stream
    return {
        "stream_id": s.id,
        "stream": s.name,
        "side": s.side,
        "kind": s.kind,
        "company": party.company.name,
        "company_id": party.company.id,
        "amount_per_year": s.amount_per_year,
        "unit": s.counted_in,
    }


@dataclass
class Matcher:
    """Scores pairs with one set of limits and one route catalogue."""

    catalogue: RouteCatalogue
    settings: MatchSettings = field(default_factory=MatchSettings)

    def assess(self, supply: Party, demand: Party, distance_km: float) -> Assessment | None:
        """The numbers of one pair, or None when the pair is no candidate at all."""
        s, d = supply.stream, demand.stream
        if s.side != "have" or d.side != "want" or s.kind != d.kind:
            return None
        if supply.company.id == demand.company.id or s.key_set.isdisjoint(d.key_set):
            return None
        limit = self.settings.limit_km(s)
        if distance_km > limit:
            return None
        barriers: list[str] = []
        temperature, temperature_fit = self._temperature(s, d, barriers)
        if temperature_fit == 0.0:
            return None
        route = self.catalogue.best_route(s.families, demand.company.nace)
        route_fit = 1.0 if route is not None or s.kind != "material" else 0.8
        evidence = self.catalogue.evidence_count(s.families, demand.company.nace)
        amount, coverage, volume_fit = _volume(s, d, barriers)
        timing_fit = _timing(s, d, barriers)
        _legal(supply, demand, barriers)
        if distance_km > 0.8 * limit:
            barriers.append("far")
        raw = 100 * (
            WEIGHTS["route"] * route_fit * temperature_fit
            + WEIGHTS["distance"] * (1 - distance_km / limit)
            + WEIGHTS["volume"] * volume_fit
            + WEIGHTS["timing"] * timing_fit
            + WEIGHTS["evidence"] * min(evidence, EVIDENCE_SATURATION) / EVIDENCE_SATURATION
        )
        score = raw
        for code in barriers:
            score -= _PENALTY_OF[code]
        score = max(0.0, score)
        if score < self.settings.min_score:
            return None
        return Assessment(
            score=score,
            distance_km=distance_km,
            limit_km=limit,
            route=route,
            evidence=evidence,
            amount=amount,
            coverage=coverage,
            temperature=temperature,
            barriers=tuple(barriers),
        )

    def _temperature(
        self, s: RegisterStream, d: RegisterStream, barriers: list[str]
    ) -> tuple[Literal["fits", "heat_pump", "unknown", "n/a"], float]:
        if s.kind != "heat":
            return "n/a", 1.0
        if s.temperature_c is None or d.temperature_c is None:
            barriers.append("temperature_unknown")
            return "unknown", 0.7
        if s.temperature_c >= d.temperature_c + self.settings.heat_exchanger_dt_k:
            return "fits", 1.0
        if s.temperature_c + self.settings.heat_pump_lift_k >= d.temperature_c:
            barriers.append("heat_pump")
            return "heat_pump", 0.5
        return "n/a", 0.0

    def explain(self, supply: Party, demand: Party, assessment: Assessment) -> Match:
        """Write the reason and barrier texts of a kept match."""
        return Match(
            supply=supply,
            demand=demand,
            assessment=assessment,
            reason=describe(supply, demand, assessment),
            barriers=tuple(
                barrier(code, supply, demand, assessment) for code in assessment.barriers
            ),
        )

    def rank(
        self, target: Party, candidates: Iterable[tuple[float, Party]], top: int = 20
    ) -> list[Match]:
        """The ``top`` best matches of one stream among (distance, other party) candidates."""
        kept: list[tuple[float, int, Party, Party, Assessment]] = []
        for n, (distance, other) in enumerate(candidates):
            supply, demand = (target, other) if target.stream.side == "have" else (other, target)
            found = self.assess(supply, demand, distance)
            if found is None:
                continue
            item = (found.score, -n, supply, demand, found)
            if len(kept) < top:
                heapq.heappush(kept, item)
            elif item[:2] > kept[0][:2]:
                heapq.heapreplace(kept, item)
        ordered = sorted(kept, key=lambda k: (-k[0], -k[1]))
        return [self.explain(s, d, a) for _, _, s, d, a in ordered]


def _volume(
    s: RegisterStream, d: RegisterStream, barriers: list[str]
) -> tuple[float | None, float | None, float]:
    """(amount exchanged, share of the need covered, fit 0-1)."""
    have, need = s.amount_per_year, d.amount_per_year
    if have is None or need is None or need == 0 or have == 0:
        barriers.append("volume_unknown")
        return None, None, 0.5
    if s.counted_in != d.counted_in:
        barriers.append("units_differ")
        return None, None, 0.4
    coverage = min(1.0, have / need)
    share = min(1.0, need / have)
    if coverage < 0.5:
        barriers.append("small_supply")
    return min(have, need), coverage, 0.7 * coverage + 0.3 * share


def _timing(s: RegisterStream, d: RegisterStream, barriers: list[str]) -> float:
    if "unknown" in (s.availability, d.availability):
        return 0.7
    if s.availability == d.availability:
        return 1.0
    if s.availability == "seasonal" and d.availability == "year_round":
        barriers.append("season")
        return 0.4
    barriers.append("irregular")
    return 0.6


def _legal(supply: Party, demand: Party, barriers: list[str]) -> None:
    if supply.stream.hazardous == "yes":
        barriers.append("hazardous")
    elif supply.stream.hazardous == "unknown" and supply.stream.kind == "material":
        barriers.append("hazard_unknown")
    if supply.company.country != demand.company.country:
        barriers.append("border")
