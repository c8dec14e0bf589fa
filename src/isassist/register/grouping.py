"""One line per opportunity: the variants of one have-want pair shown once.

A supplier that typed the same material as three streams, or a receiver with two wants for it,
made the same company pair appear up to 28 times. An opportunity is one supplier, one receiver
and one kind of material (the supply's families, or its kind for heat and gas): its best match
is shown, the other pairs are its variants.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from isassist.register.matching import Match


@dataclass(frozen=True)
class MatchGroup:
    """The best match of an opportunity and the other stream pairs of the same opportunity."""

    best: Match
    variants: tuple[Match, ...]

    @property
    def score(self) -> float:
        return self.best.score

    def as_json(self) -> dict[str, Any]:
        return {
            **self.best.as_json(),
            "variants": [
                {
                    "supply_stream_id": m.supply.stream.id,
                    "supply_stream": m.supply.stream.name,
                    "demand_stream_id": m.demand.stream.id,
                    "demand_stream": m.demand.stream.name,
                    "score": round(m.score, 1),
                }
                for m in self.variants
            ],
        }


def opportunity_key(match: Match) -> tuple[int, int, tuple[str, ...]]:
    """Supplier, receiver and what is exchanged."""
    stream = match.supply.stream
    what = stream.families if stream.kind == "material" and stream.families else (stream.kind,)
    return match.supply.company.id, match.demand.company.id, what


def group_matches(matches: Iterable[Match]) -> list[MatchGroup]:
    """Matches grouped per opportunity, best opportunity first."""
    grouped: dict[tuple[int, int, tuple[str, ...]], list[Match]] = {}
    for match in matches:
        grouped.setdefault(opportunity_key(match), []).append(match)
    groups = []
    for found in grouped.values():
        ordered = sorted(found, key=lambda m: (-m.score, m.supply.stream.id, m.demand.stream.id))
        groups.append(MatchGroup(ordered[0], tuple(ordered[1:])))
    return sorted(groups, key=lambda g: (-g.score, g.best.supply.stream.id))
