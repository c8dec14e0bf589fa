"""Each rule as the engine uses it: how its conclusions are built and where they can match.

A ``Plan`` holds what every conclusion of one rule shares (its ``ConclusionMaker``, the
conclusion as a fact for rules that chain on it, that fact's route); ``Derived`` is one
conclusion with where it was found, so merged partitions sort like one derivation. The engine
(``isassist.rules.engine``) makes them when it is built; no durable_rules here.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from isassist.rules.conclusion import Conclusion, ConclusionMaker
from isassist.rules.evidence import EvidenceSpecError
from isassist.rules.model import AnyRule
from isassist.rules.patterns import PatternTagger
from isassist.rules.routing import Route


@dataclass(frozen=True, eq=False)
class Plan:
    """One rule as the engine uses it: how to build its conclusions and, for rules others
    chain on, the conclusion as a fact (``Conclusion.as_fact``, tagged) and where it can
    match. All of it is the same for every conclusion of the rule except the stream."""

    maker: ConclusionMaker
    ruleset: int  # position of the rule's ruleset in the engine
    evidence_error: EvidenceSpecError | None  # an unreadable evidence spec, said on use
    extras: dict[str, Any]  # the fact's data fields (Conclusion.as_fact)
    tags: dict[str, Any] | None  # its pattern tags (None: tagged per conclusion)
    route: Route  # where the fact can match

    def fact(self, key: str, stream_id: str | None, tagger: PatternTagger) -> dict[str, Any]:
        """``Conclusion.as_fact`` of this rule's conclusion ``key``, tagged."""
        fact = as_fact(self.extras, self.maker.rule, key, stream_id)
        if self.tags is None:
            return tagger.tag(fact)
        fact.update(self.tags)
        return fact


def as_fact(
    extras: dict[str, Any], rule: AnyRule, key: str, stream_id: str | None
) -> dict[str, Any]:
    """What ``Conclusion.as_fact`` gives for a conclusion of ``rule``, before tagging."""
    return {
        **extras,
        "type": "conclusion",
        "id": key,
        "rule": rule.id,
        "kind": rule.kind,
        "category": rule.category,
        "stream": stream_id or "",
    }


class Derived(NamedTuple):
    """One conclusion and where it was found, so merged partitions sort like one derivation.

    ``shown`` is the conclusion handed out (the matching MAESTRI exchanges filled in); rules
    chain on the conclusion as ``plan.fact`` gives it (its evidence spec still a list).
    (Named tuples here and below: a frozen dataclass costs several times as much to make, and
    a derivation makes a few hundred.)
    """

    shown: Conclusion
    plan: Plan
    round: int
    ruleset: int  # position of the rule's ruleset in the engine
    seq: int  # position among the conclusions of the same derivation, in firing order

    @property
    def key(self) -> str:
        return self.shown.key
