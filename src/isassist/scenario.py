"""Company scenarios: what a good broker must conclude, scored against a replayed dossier.

A scenario is a replay (``replays/NAME.yaml``, answered only with what the company contact
would say) plus its expectations (``expect/NAME.yaml``), kept apart so the answers never
leak the verdict. Expectations name *concepts*, not our rule files: a route by its route
name (``animal_feed``), a heat use (``district_heating``), a barrier by an alias from
``concepts.yaml`` (``supply_security``), or, for either, a rule id or glob
(``barrier.deal.co2_*``). So an independent author can write a hidden set in the same format
and it is scored by the same benchmark (``benchmarks/scenario_bench.py``).

Scoring is pure: a dossier in, counts out. It never runs the interview itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from isassist.dossier import ConclusionOut, Dossier, StreamOut
from isassist.interview.loader import load_model

Sector = Literal[
    "energy",
    "food_and_drink",
    "chemicals",
    "refining",
    "steel",
    "non_ferrous",
    "cement_and_minerals",
    "paper",
    "wood",
    "waste_treatment",
    "water",
    "agriculture",
    "services",
    "other",
]

NO_CODE = "none"


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class StreamTruth(_Spec):
    """Which dossier stream is meant, and the EWC codes a broker accepts as its first code.

    ``ewc: [none]`` says the stream must carry no EWC code at all (heat, a captured gas sold
    as a product)."""

    stream: str = Field(pattern=r"^s[0-9]+$", description="stream id in the replay (s1, s2...)")
    name_contains: str | None = None
    ewc: list[str] = Field(
        default=[], description="acceptable first EWC codes (six digits, spaces allowed) or none"
    )

    @field_validator("ewc")
    @classmethod
    def _codes(cls, codes: list[str]) -> list[str]:
        out = []
        for code in codes:
            plain = code.replace(" ", "").rstrip("*")
            if plain != NO_CODE and not re.fullmatch(r"[0-9]{6}", plain):
                raise ValueError(f"{code!r} is not a six-digit EWC code (e.g. '02 07 04') nor none")
            out.append(plain)
        return out


class RouteExpect(_Spec):
    """A route a good broker must propose: route name, heat use, alias or rule id/glob."""

    route: str = Field(min_length=2)
    stream: str | None = Field(default=None, pattern=r"^s[0-9]+$")


class BarrierExpect(_Spec):
    """A barrier that must be raised: alias from concepts.yaml or a rule id/glob."""

    barrier: str = Field(min_length=2)
    stream: str | None = Field(default=None, pattern=r"^s[0-9]+$")


class MustNot(_Spec):
    """A statement that must never appear: a text pattern, a rule id/glob, or both (either
    one hitting counts). ``why`` says what harm it would do."""

    text: str | None = Field(default=None, description="regular expression, case-insensitive")
    rule: str | None = None
    stream: str | None = Field(default=None, pattern=r"^s[0-9]+$")
    why: str = Field(min_length=3)

    @field_validator("text")
    @classmethod
    def _regex(cls, text: str | None) -> str | None:
        if text is not None:
            try:
                re.compile(text)
            except re.error as error:
                raise ValueError(f"not a regular expression: {error}") from error
        return text


class ScenarioExpect(_Spec):
    """The expectations of one scenario (``expect/NAME.yaml``)."""

    source: str = Field(min_length=10, description="the published case this company is based on")
    sector: Sector
    language: Literal["nl", "en"]
    streams: list[StreamTruth] = []
    must_routes: list[RouteExpect] = []
    must_barriers: list[BarrierExpect] = []
    must_not: list[MustNot] = []


class Concepts(_Spec):
    """Aliases a scenario author may use (``concepts.yaml``): name -> rule id globs or route
    names. An alias may name another alias."""

    routes: dict[str, list[str]] = {}
    barriers: dict[str, list[str]] = {}


def load_expect(path: Path) -> ScenarioExpect:
    return load_model(path, ScenarioExpect)


def load_concepts(path: Path) -> Concepts:
    return load_model(path, Concepts)


@dataclass
class Score:
    """Counts for one scenario (or a total); ``misses`` says what was not found and why."""

    ewc_hits: int = 0
    ewc_total: int = 0
    route_hits: int = 0
    route_total: int = 0
    barrier_hits: int = 0
    barrier_total: int = 0
    must_not_hits: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.ewc_hits += other.ewc_hits
        self.ewc_total += other.ewc_total
        self.route_hits += other.route_hits
        self.route_total += other.route_total
        self.barrier_hits += other.barrier_hits
        self.barrier_total += other.barrier_total
        self.must_not_hits += other.must_not_hits


def _expand(name: str, table: dict[str, list[str]], seen: frozenset[str] = frozenset()) -> set[str]:
    if name not in table or name in seen:
        return {name}
    out: set[str] = set()
    for item in table[name]:
        out |= _expand(item, table, seen | {name})
    return out


def _route_hit(patterns: set[str], c: ConclusionOut) -> bool:
    names = set()
    if c.kind == "valorisation" and isinstance(c.data.get("route"), str):
        names.add(str(c.data["route"]))
    if c.kind == "heat" and isinstance(c.data.get("uses"), list):
        names |= {str(u) for u in c.data["uses"]}
    return any(p in names or fnmatchcase(c.rule_id, p) for p in patterns)


def _in_scope(stream: str | None, c: ConclusionOut) -> bool:
    return stream is None or c.stream_id in (stream, None)


def _stream(dossier: Dossier, truth: StreamTruth) -> StreamOut | None:
    for s in dossier.streams:
        if s.id == truth.stream:
            if truth.name_contains and truth.name_contains.lower() not in s.name.lower():
                return None
            return s
    return None


def score(dossier: Dossier, expect: ScenarioExpect, concepts: Concepts) -> Score:
    """How well ``dossier`` meets ``expect``."""
    out = Score()
    for truth in expect.streams:
        if not truth.ewc:
            continue
        out.ewc_total += 1
        got = _stream(dossier, truth)
        first = got.ewc[0] if got is not None and got.ewc else NO_CODE
        if first in truth.ewc:
            out.ewc_hits += 1
        else:
            out.misses.append(f"ewc {truth.stream}: got {first}, want one of {truth.ewc}")
    for want in expect.must_routes:
        out.route_total += 1
        patterns = _expand(want.route, concepts.routes)
        if any(_route_hit(patterns, c) and _in_scope(want.stream, c) for c in dossier.conclusions):
            out.route_hits += 1
        else:
            out.misses.append(f"route {want.route}@{want.stream or '*'} not proposed")
    for barrier in expect.must_barriers:
        out.barrier_total += 1
        patterns = _expand(barrier.barrier, concepts.barriers)
        if any(
            c.kind in ("barrier", "legal")
            and any(fnmatchcase(c.rule_id, p) for p in patterns)
            and _in_scope(barrier.stream, c)
            for c in dossier.conclusions
        ):
            out.barrier_hits += 1
        else:
            out.misses.append(f"barrier {barrier.barrier}@{barrier.stream or '*'} not raised")
    for bad in expect.must_not:
        for c in dossier.conclusions:
            if bad.stream is not None and c.stream_id != bad.stream:
                continue
            by_rule = bad.rule is not None and fnmatchcase(c.rule_id, bad.rule)
            words = " ".join([*c.text.values(), *c.title.values()])
            by_text = bad.text is not None and re.search(bad.text, words, re.IGNORECASE)
            if by_rule or by_text:
                out.must_not_hits += 1
                out.misses.append(f"MUST-NOT {c.rule_id}@{c.stream_id}: {bad.why}")
    return out


def ratio(hits: int, total: int) -> float:
    """Share found; an empty category counts as fully met (nothing was asked)."""
    return hits / total if total else 1.0


def write_schemas(folder: Path) -> list[Path]:
    """Write the JSON Schemas of expect/*.yaml and concepts.yaml into ``folder`` (editors
    validate a hidden set's files against them; a test fails when they drift)."""
    from isassist.interview.loader import schema_of

    written = []
    for name, model in SCHEMAS.items():
        path = folder / name
        path.write_text(schema_of(model), encoding="utf-8")
        written.append(path)
    return written


SCHEMAS: dict[str, type[BaseModel]] = {
    "expect.schema.json": ScenarioExpect,
    "concepts.schema.json": Concepts,
}
