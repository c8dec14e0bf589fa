"""Matching haves with wants, every match explained (headless; the CLI and the TUI call it).

A pair is a candidate only with a reason a broker accepts (``isassist.register.fit``: the same
material, a use the want names, a route of the rule base to the receiver's sector; for heat a
temperature and phase that fit, ``isassist.register.energy``), within the distance what moves
can travel (``isassist.register.transport``) and not banned by law (``isassist.register.legal``).
The score is a sum of named parts shown in the explanation: material (or temperature), route
evidence, distance, volume, timing, and legal (barrier costs, negative). Legal hurdles that a
permit or registration can clear stay next to the match as barriers.

Scores are computed first as plain numbers; the readable reason and the barrier texts are
written only for the matches that are kept, so a whole-register run stays fast and small.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, Literal

from isassist.register.energy import Heat, heat_fit
from isassist.register.fit import SPEC_POINTS, Fit, material_fit, spec_gap, spec_met
from isassist.register.legal import pair_law
from isassist.register.matchdata import ModeRow, SpecRow
from isassist.register.models import RegisterCompany, RegisterStream
from isassist.register.routes import Route, RouteCatalogue
from isassist.register.settings import MatchSettings
from isassist.register.texts import Barrier, barrier, barrier_codes, describe, severity
from isassist.register.transport import reach_of

WEIGHTS = {
    "specification": SPEC_POINTS,
    "distance": 12.0,
    "volume": 12.0,
    "timing": 8.0,
    "evidence": 5.0,
}
"""Most points each part besides the material can add (the material part: fit.POINTS).

Together they stay below the gap between two kinds of material reason times two, so what
the material is decides the order and distance and volume order matches of one kind."""
PENALTY = {"high": 10.0, "medium": 4.0, "low": 1.0}
"""Score points a barrier of each severity costs (the legal part and other hurdles)."""
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
    parts: tuple[tuple[str, float], ...] = ()
    fit: Fit | None = None
    heat: Heat | None = None
    transport: str = "unknown"
    mode: ModeRow | None = None
    spec: SpecRow | None = None


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
            "parts": {name: round(value, 1) for name, value in a.parts},
            "reason_kind": a.fit.level if a.fit else ("heat" if a.heat else None),
            "transport": a.transport,
            "mode": a.mode.mode if a.mode else None,
            "heat_pump": None
            if a.heat is None or a.heat.fit != "heat_pump"
            else {
                "lift_k": round(a.heat.lift_k or 0.0, 1),
                "cop": round(a.heat.cop or 0.0, 2),
                "electricity_mwh_per_year": None
                if a.heat.electricity_mwh is None
                else round(a.heat.electricity_mwh, 1),
            },
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
        if supply.company.id == demand.company.id:
            return None
        reach = reach_of(s, d, self.settings.distance_scale)
        if distance_km > reach.limit_km:
            return None
        fit: Fit | None = None
        heat: Heat | None = None
        met: SpecRow | None = None
        if s.kind == "heat":
            heat = heat_fit(s, d, self.settings)
            if heat is None:
                return None
            material = heat.points
        else:
            fit = material_fit(s, d, demand.company.nace, self.catalogue)
            if fit is None or (fit.level == "family" and not self.settings.weak_hints):
                return None
            if spec_gap(s, d) is not None:
                return None
            material = fit.points
            met = spec_met(s, d)
        law = pair_law(s, supply.company, d, demand.company, fit)
        if law.banned:
            return None
        barriers: list[str] = list(law.barriers)
        if heat is not None and heat.fit == "heat_pump":
            barriers.append("heat_pump")
        elif heat is not None and heat.fit == "unknown":
            barriers.append("temperature_unknown")
        route = fit.route if fit else None
        evidence = 0
        if route is not None:
            evidence = self.catalogue.evidence_count(s.families, demand.company.nace)
        amount, coverage, volume_fit = _volume(s, d, barriers)
        timing_fit = _timing(s, d, barriers)
        mode = reach.mode_for(distance_km) if reach.transport != "heat" else None
        if distance_km > 0.8 * reach.limit_km or (mode is not None and mode is not reach.modes[0]):
            barriers.append("far")
        legal = -sum(_PENALTY_OF[code] for code in barriers)
        parts = (
            ("temperature" if heat is not None else "material", material),
            ("specification", WEIGHTS["specification"] if met is not None else 0.0),
            (
                "evidence",
                WEIGHTS["evidence"] * min(evidence, EVIDENCE_SATURATION) / EVIDENCE_SATURATION,
            ),
            ("distance", WEIGHTS["distance"] * (1 - distance_km / reach.limit_km)),
            ("volume", WEIGHTS["volume"] * volume_fit),
            ("timing", WEIGHTS["timing"] * timing_fit),
            ("legal", legal),
        )
        score = max(0.0, sum(value for _, value in parts))
        if score < self.settings.min_score:
            return None
        return Assessment(
            score=score,
            distance_km=distance_km,
            limit_km=reach.limit_km,
            route=route,
            evidence=evidence,
            amount=amount,
            coverage=coverage,
            temperature="n/a" if heat is None else heat.fit,
            barriers=tuple(barriers),
            parts=parts,
            fit=fit,
            heat=heat,
            transport=reach.transport,
            mode=mode,
            spec=met,
        )

    def material_points(
        self, supply: RegisterStream, demand: RegisterStream, receiver_nace: str | None
    ) -> float | None:
        """The material (or temperature) part ``assess`` gives ``supply`` for ``demand`` at a
        receiver in ``receiver_nace``, or None when the pair could never be a candidate,
        wherever the two companies are (no material reason, an unmet specification, heat
        that does not fit).

        It reads only what a stream says of its material (``fit_signature``), so matching
        asks it once per kind of stream, not once per pair, and bounds the rest of the score
        with ``upper_bound``; tests/register/test_register_candidates.py checks that the
        top matches are those of scoring every pair.
        """
        if supply.side != "have" or demand.side != "want" or supply.kind != demand.kind:
            return None
        if supply.kind == "heat":
            heat = heat_fit(supply, demand, self.settings)
            return None if heat is None else heat.points
        fit = material_fit(supply, demand, receiver_nace, self.catalogue)
        if fit is None or (fit.level == "family" and not self.settings.weak_hints):
            return None
        return fit.points if spec_gap(supply, demand) is None else None

    def gate(self, target: Party) -> Callable[[RegisterStream, str | None], float | None]:
        """The material part a stream on the other side (of a company in a NACE sector) would
        get with ``target``, None when it could never be a match: ``material_points``, asked
        once per kind of stream and sector."""
        said: dict[tuple[Any, ...], float | None] = {}
        have = target.stream.side == "have"

        def points(other: RegisterStream, nace: str | None) -> float | None:
            receiver = nace if have else target.company.nace
            key = (fit_signature(other), receiver)
            if key not in said:
                supply, demand = (target.stream, other) if have else (other, target.stream)
                said[key] = self.material_points(supply, demand, receiver)
            return said[key]

        return points

    def rank(
        self, target: Party, candidates: Iterable[tuple[float, Party]], top: int = 20
    ) -> list[Match]:
        """The ``top`` best matches of one stream among (distance, other party) candidates.

        Candidates that say the same of their material share one ``material_points`` answer
        per receiving sector, so a wide search scores only the pairs that have a reason, best
        upper bound first, until the kept matches beat every bound still to come."""
        points = self.gate(target)
        have = target.stream.side == "have"
        bounded: list[tuple[float, int, float, Party, Party]] = []
        for distance, other in candidates:
            supply, demand = (target, other) if have else (other, target)
            material = points(other.stream, other.company.nace)
            if material is None:
                continue
            reach = self.settings.limit_km(supply.stream)
            bound = upper_bound(supply.stream, demand.stream, distance, reach, material)
            bounded.append((bound, -other.stream.id, distance, supply, demand))
        bounded.sort(key=lambda b: (b[0], b[1]), reverse=True)
        kept: list[tuple[float, int, Party, Party, Assessment]] = []
        for bound, order, distance, supply, demand in bounded:
            if len(kept) == top and kept[0][0] > bound:
                break
            found = self.assess(supply, demand, distance)
            if found is None:
                continue
            # equal scores: the lower stream id first, whichever way the candidates came
            item = (found.score, order, supply, demand, found)
            if len(kept) < top:
                heapq.heappush(kept, item)
            elif item[:2] > kept[0][:2]:
                heapq.heapreplace(kept, item)
        ordered = sorted(kept, key=lambda k: (-k[0], -k[1]))
        return [self.explain(s, d, a) for _, _, s, d, a in ordered]

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


def fit_signature(stream: RegisterStream) -> tuple[Any, ...]:
    """What a stream says that decides ``Matcher.material_points``: its side, kind, name and codes
    (for heat also its temperature and season). Streams with one signature are one kind of
    stream for it, whatever their amount and place:
    a register of 10,000 companies holds a few thousand, so matching decides per kind."""
    said = (stream.side, stream.kind, stream.name, stream.families, stream.ewc, stream.cpa)
    if stream.kind == "material":
        return (*said, stream.hazardous)
    return (*said, stream.hazardous, stream.temperature_c, stream.availability)


MATERIAL_MOST = 50.0
"""The most points the material (or temperature) part gives: see fit.POINTS, energy.Heat."""


def upper_bound(
    s: RegisterStream,
    d: RegisterStream,
    distance_km: float,
    reach_km: float,
    material: float = MATERIAL_MOST,
) -> float:
    """A score no assessment of this pair can beat, from cheap figures only.

    ``reach_km`` is the supply's own reach, never less than the pair's limit; ``material``
    the pair's material part when known (``Matcher.material_points``). Whole-register
    matching assesses a want's candidates best bound first and stops when its kept matches
    beat every bound left, which finds the same top matches as assessing all of them.
    """
    if distance_km > reach_km:
        return -1.0
    scratch: list[str] = []
    best = (
        material
        + WEIGHTS["specification"]
        + WEIGHTS["evidence"]
        + WEIGHTS["distance"] * (1 - distance_km / reach_km)
        + WEIGHTS["volume"] * _volume(s, d, scratch)[2]
        + WEIGHTS["timing"] * _timing(s, d, scratch)
    )
    # the hurdles every assessment of the pair has: volume and timing ones, and "far" (the
    # pair's limit is never more than the supply's own reach)
    if distance_km > 0.8 * reach_km:
        scratch.append("far")
    return max(0.0, best - sum(_PENALTY_OF[code] for code in scratch))


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
