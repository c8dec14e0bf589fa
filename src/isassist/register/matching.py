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
import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, fields
from functools import lru_cache, partial
from typing import TYPE_CHECKING, Any

from isassist.register.amounts import density_of, in_unit
from isassist.register.assessment import Assessment, Party
from isassist.register.energy import Heat, heat_fit
from isassist.register.fit import SPEC_POINTS, Fit, material_fit, spec_gap, spec_met
from isassist.register.legal import place_barriers, stream_law
from isassist.register.matchdata import SpecRow
from isassist.register.models import RegisterStream
from isassist.register.routes import RouteCatalogue
from isassist.register.settings import MatchSettings
from isassist.register.texts import (
    Barrier,
    barrier,
    barrier_codes,
    describe,
    refusal_text,
    severity,
)
from isassist.register.transport import reach_of
from isassist.units.densities import Density

if TYPE_CHECKING:
    from numpy.typing import NDArray

    Floats = NDArray[Any]

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
class StreamParts:
    """What the two streams (and the receiver's and supplier's sectors) decide of a pair,
    wherever the two companies are: the material or heat reason, the specification met, the
    route's evidence and the barriers of the streams themselves."""

    fit: Fit | None
    heat: Heat | None
    spec: SpecRow | None
    evidence: int
    barriers: tuple[str, ...]

    @property
    def material(self) -> float:
        return self.heat.points if self.heat is not None else self.fit.points if self.fit else 0.0

    @property
    def points(self) -> float:
        """The material, specification and evidence parts minus these barriers' cost."""
        return (
            self.material
            + (WEIGHTS["specification"] if self.spec is not None else 0.0)
            + _evidence_points(self.evidence)
            - sum(_PENALTY_OF[code] for code in self.barriers)
        )


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
        if supply.company.id == demand.company.id:
            return None
        reach = reach_of(s, d, self.settings.distance_scale)
        if distance_km > reach.limit_km:
            return None
        fixed = self.stream_parts(s, d, demand.company.nace, supply.company.nace)
        if fixed is None:
            return None
        barriers = [*fixed.barriers, *place_barriers(s, supply.company, demand.company)]
        amount, coverage, volume_fit, density = _volume(s, d, barriers)
        timing_fit = _timing(s, d, barriers)
        mode = reach.mode_for(distance_km) if reach.transport != "heat" else None
        if distance_km > 0.8 * reach.limit_km or (mode is not None and mode is not reach.modes[0]):
            barriers.append("far")
        legal = -sum(_PENALTY_OF[code] for code in barriers)
        parts = (
            ("temperature" if fixed.heat is not None else "material", fixed.material),
            ("specification", WEIGHTS["specification"] if fixed.spec is not None else 0.0),
            ("evidence", _evidence_points(fixed.evidence)),
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
            route=fixed.fit.route if fixed.fit else None,
            evidence=fixed.evidence,
            amount=amount,
            coverage=coverage,
            temperature="n/a" if fixed.heat is None else fixed.heat.fit,
            barriers=tuple(barriers),
            parts=parts,
            fit=fixed.fit,
            heat=fixed.heat,
            transport=reach.transport,
            mode=mode,
            spec=fixed.spec,
            density=density,
        )

    def stream_parts(
        self,
        supply: RegisterStream,
        demand: RegisterStream,
        receiver_nace: str | None,
        supplier_nace: str | None = None,
    ) -> StreamParts | None:
        """What the two streams decide of a pair at a receiver of ``receiver_nace``, or None
        when they could never be a match (no material reason, an unmet specification, heat
        that does not fit, a ban)."""
        found = self._stream_verdict(supply, demand, receiver_nace, supplier_nace)
        return found if isinstance(found, StreamParts) else None

    def _stream_verdict(
        self,
        supply: RegisterStream,
        demand: RegisterStream,
        receiver_nace: str | None,
        supplier_nace: str | None,
    ) -> StreamParts | Callable[[], dict[str, str]]:
        """``stream_parts``, or why not (worded in both languages when called: matching only
        needs the no): the one place that decides what the streams allow, so ``refusal``
        gives the reason ``assess`` acted on."""
        if supply.side != "have" or demand.side != "want" or supply.kind != demand.kind:
            return partial(refusal_text, "kind")
        fit: Fit | None = None
        heat: Heat | None = None
        met: SpecRow | None = None
        barriers: list[str] = []
        if supply.kind == "heat":
            heat = heat_fit(supply, demand, self.settings)
            if heat is None:
                return partial(refusal_text, "heat")
        else:
            fit = material_fit(supply, demand, receiver_nace, self.catalogue)
            if fit is None:
                return partial(refusal_text, "no_reason")
            if fit.level == "family" and not self.settings.weak_hints:
                return partial(refusal_text, "weak")
            gap = spec_gap(supply, demand)
            if gap is not None:
                return lambda: {"nl": gap.gap_nl, "en": gap.gap_en}
            met = spec_met(supply, demand)
        law = stream_law(supply, supplier_nace, demand, receiver_nace)
        if law.banned:
            return partial(refusal_text, "banned", ban=law.banned)
        barriers += law.barriers
        if heat is not None and heat.fit == "heat_pump":
            barriers.append("heat_pump")
        elif heat is not None and heat.fit == "unknown":
            barriers.append("temperature_unknown")
        evidence = 0
        if fit is not None and fit.route is not None:
            evidence = self.catalogue.evidence_count(supply.families, receiver_nace)
        return StreamParts(fit, heat, met, evidence, tuple(barriers))

    def refusal(self, supply: Party, demand: Party, distance_km: float) -> dict[str, str] | None:
        """Why ``assess`` gives this pair no match, in Dutch and English; None when it does.

        A broker who opens a pair the matcher left out reads the reason: another material, a
        specification the supply cannot meet (feed that is no feed material, chromium for
        gelatine), a ban, the distance or a low score. The streams' reasons come from
        ``_stream_verdict``, which ``assess`` acts on too."""
        if self.assess(supply, demand, distance_km) is not None:
            return None
        s, d = supply.stream, demand.stream
        if supply.company.id == demand.company.id:
            return refusal_text("same_company")
        reach = reach_of(s, d, self.settings.distance_scale)
        if distance_km > reach.limit_km:
            return refusal_text("far", distance=distance_km, limit=reach.limit_km)
        found = self._stream_verdict(s, d, demand.company.nace, supply.company.nace)
        if isinstance(found, StreamParts):
            return refusal_text("low_score", minimum=self.settings.min_score)
        return found()

    def material_points(
        self, supply: RegisterStream, demand: RegisterStream, receiver_nace: str | None
    ) -> float | None:
        """The most the two streams can give a pair at a receiver in ``receiver_nace``,
        wherever the two companies are and whoever supplies: material (or temperature),
        specification and evidence, less the barriers the streams raise for any supplier
        (``stream_parts`` without the supplier's sector, which can only add a barrier or a
        ban); None when the pair could never be a candidate.

        It reads only what a stream says of its material (``fit_signature``), so matching
        asks it once per kind of stream, not once per pair, and bounds the rest of the score
        with ``upper_bounds``; tests/register/test_register_candidates.py checks that the
        top matches are those of scoring every pair.
        """
        fixed = self.stream_parts(supply, demand, receiver_nace)
        return None if fixed is None else fixed.points

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
        import numpy as np

        points = self.gate(target)
        have = target.stream.side == "have"
        others: list[Party] = []
        distances: list[float] = []
        fixed: list[float] = []
        for distance, other in candidates:
            material = points(other.stream, other.company.nace)
            if material is not None:
                others.append(other)
                distances.append(distance)
                fixed.append(material)
        if not others:
            return []
        theirs = Figures.of([o.stream for o in others], self.settings)
        mine = Figures.of([target.stream], self.settings)
        bounds = upper_bounds(
            np.array(fixed), np.array(distances), *((mine, theirs) if have else (theirs, mine))
        ).tolist()
        ids = [o.stream.id for o in others]
        ordered = (
            (
                bounds[i],
                ids[i],
                *((target, others[i]) if have else (others[i], target)),
                distances[i],
            )
            for i in np.lexsort((np.array(ids), -np.array(bounds))).tolist()
        )
        kept, _ = best_assessed(self, ordered, top)
        return [self.explain(s, d, a) for _, _, s, d, a in kept]

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


_UNITS = {"t": 0, "m3": 1, "MWh": 2, "Nm3": 3, "h": 4}
_AVAILABILITY = ("unknown", "year_round", "seasonal", "irregular")


@dataclass(frozen=True)
class Figures:
    """Amounts, units, seasons and (for supplies) reaches of many streams as arrays, so the
    upper bound of a want against thousands of supplies is a few array operations."""

    amount: Floats
    """Per year in the stream's own unit; NaN when unknown or zero (no volume to compare)."""
    as_t: Floats
    as_m3: Floats
    """The amount in tonnes and in m³ (through the material's density), NaN when not known."""
    unit: Floats
    availability: Floats
    reach: Floats
    """How far a supply may travel (its own reach: never less than a pair's limit)."""
    first_km: Floats
    cap_km: Floats
    """A supply beyond its first transport mode (up to the last one) is "far"."""

    @classmethod
    def of(cls, streams: list[RegisterStream], settings: MatchSettings) -> Figures:
        import numpy as np

        amount, as_t, as_m3, first, cap = [], [], [], [], []
        for stream in streams:
            have = stream.amount_per_year or math.nan
            density = density_of(stream)
            amount.append(have)
            as_t.append(_or_nan(in_unit(have, stream.counted_in, "t", density)))
            as_m3.append(_or_nan(in_unit(have, stream.counted_in, "m3", density)))
            reach = reach_of(stream) if stream.side == "have" else None
            moving = reach is not None and reach.transport != "heat"
            first.append(reach.modes[0].max_km if reach and moving else math.inf)
            cap.append(max(m.max_km for m in reach.modes) if reach and moving else math.inf)
        return cls(
            amount=np.array(amount, dtype=float),
            as_t=np.array(as_t, dtype=float),
            as_m3=np.array(as_m3, dtype=float),
            unit=np.array([_UNITS[s.counted_in] for s in streams]),
            availability=np.array([_AVAILABILITY.index(s.availability) for s in streams]),
            reach=np.array(
                [settings.limit_km(s) if s.side == "have" else 0.0 for s in streams], dtype=float
            ),
            first_km=np.array(first, dtype=float),
            cap_km=np.array(cap, dtype=float),
        )

    def take(self, index: Floats) -> Figures:
        """The figures of the streams at ``index``."""
        return Figures(*(getattr(self, f.name)[index] for f in fields(self)))

    def amount_in(self, unit: Floats) -> Floats:
        """Each amount in ``unit`` (a unit code per stream, or one for all), NaN when it
        cannot be said in it."""
        import numpy as np

        same = np.where(unit == self.unit, self.amount, math.nan)
        return np.where(
            unit == _UNITS["t"], self.as_t, np.where(unit == _UNITS["m3"], self.as_m3, same)
        )


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else value


def upper_bounds(fixed: Floats, distance: Floats, have: Figures, want: Figures) -> Floats:
    """Scores no assessment of these pairs can beat (one supply or one want may stand for
    all: the arrays broadcast), from the figures alone.

    ``fixed`` is each pair's ``Matcher.material_points`` (what the two streams decide);
    distance, volume, timing and their barriers are those ``Matcher.assess`` gives with the
    supply's own reach, which is never less than the pair's limit. Only the places' law
    (a border, a region) and a kitchen's sector are left out, and they only cost points.
    Matching assesses candidates best bound first and stops when its kept matches beat every
    bound left, which finds the same top matches as assessing all of them.
    """
    import numpy as np

    need = want.amount
    with np.errstate(divide="ignore", invalid="ignore"):
        offered = have.amount_in(want.unit)
        unknown = np.isnan(have.amount) | np.isnan(need)
        differ = ~unknown & np.isnan(offered)
        coverage = np.minimum(1.0, offered / need)
        share = np.minimum(1.0, need / offered)
        volume = np.where(unknown, 0.5, np.where(differ, 0.4, 0.7 * coverage + 0.3 * share))
        penalty = np.where(
            unknown,
            _PENALTY_OF["volume_unknown"],
            np.where(
                differ,
                _PENALTY_OF["units_differ"],
                np.where(coverage < 0.5, _PENALTY_OF["small_supply"], 0.0),
            ),
        )
    timing_fit, timing_cost = _timing_tables()
    pair = (have.availability, want.availability)
    far = (distance > 0.8 * have.reach) | ((distance > have.first_km) & (distance <= have.cap_km))
    best = (
        fixed
        + WEIGHTS["distance"] * (1 - distance / have.reach)
        + WEIGHTS["volume"] * volume
        + WEIGHTS["timing"] * timing_fit[pair]
        - penalty
        - timing_cost[pair]
        - np.where(far, _PENALTY_OF["far"], 0.0)
    )
    # the parts are added in another order than assess adds them: a rounding's worth more
    return np.maximum(0.0, best) + 1e-9


Keep = tuple[float, int, "Party", "Party", Assessment]
"""A kept match: score, minus the other stream's id (the lower id wins a tie), the pair."""


def best_assessed(
    matcher: Matcher,
    ordered: Iterable[tuple[float, int, Party, Party, float]],
    top: int,
) -> tuple[list[Keep], int]:
    """The ``top`` best assessments among (bound, other stream's id, supply, demand,
    distance) given best bound first, and how many pairs were assessed: it stops as soon as
    the kept ones beat every bound still to come."""
    kept: list[Keep] = []
    assessed = 0
    for bound, other, supply, demand, distance in ordered:
        if len(kept) == top and kept[0][0] > bound:
            break
        assessed += 1
        found = matcher.assess(supply, demand, distance)
        if found is None:
            continue
        item = (found.score, -other, supply, demand, found)
        if len(kept) < top:
            heapq.heappush(kept, item)
        elif item[:2] > kept[0][:2]:
            heapq.heapreplace(kept, item)
    return sorted(kept, key=lambda k: (-k[0], -k[1])), assessed


def _volume(
    s: RegisterStream, d: RegisterStream, barriers: list[str]
) -> tuple[float | None, float | None, float, Density | None]:
    """(amount exchanged in the supply's unit, share of the need covered, fit 0-1, the
    density that converted the need into the supply's unit)."""
    have, need = s.amount_per_year, d.amount_per_year
    if have is None or need is None or need == 0 or have == 0:
        barriers.append("volume_unknown")
        return None, None, 0.5, None
    density = None
    if s.counted_in != d.counted_in:
        density = density_of(s)
        need = in_unit(need, d.counted_in, s.counted_in, density)
        if need is None:
            barriers.append("units_differ")
            return None, None, 0.4, None
    coverage = min(1.0, have / need)
    share = min(1.0, need / have)
    if coverage < 0.5:
        barriers.append("small_supply")
    return min(have, need), coverage, 0.7 * coverage + 0.3 * share, density


def _timing(s: RegisterStream, d: RegisterStream, barriers: list[str]) -> float:
    fit, code = _timing_of(s.availability, d.availability)
    if code is not None:
        barriers.append(code)
    return fit


def _timing_of(have: str, want: str) -> tuple[float, str | None]:
    """How well a supply's season meets a need's, and the barrier if it does not."""
    if "unknown" in (have, want):
        return 0.7, None
    if have == want:
        return 1.0, None
    if have == "seasonal" and want == "year_round":
        return 0.4, "season"
    return 0.6, "irregular"


@lru_cache(maxsize=1)
def _timing_tables() -> tuple[Floats, Floats]:
    import numpy as np

    said = [[_timing_of(h, w) for w in _AVAILABILITY] for h in _AVAILABILITY]
    fit = np.array([[f for f, _ in row] for row in said])
    cost = np.array([[_PENALTY_OF[c] if c else 0.0 for _, c in row] for row in said])
    return fit, cost


def _evidence_points(evidence: int) -> float:
    return WEIGHTS["evidence"] * min(evidence, EVIDENCE_SATURATION) / EVIDENCE_SATURATION
