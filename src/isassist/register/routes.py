"""Which valorisation routes of the rule base connect an offered material to a receiver.

The rule base already says, per material family, which routes exist and which receiving
sectors (NACE) run them, each with its MAESTRI evidence spec. Matching reads that here instead
of keeping a second table of routes: an expert who adds a route to rules/valorisation.yaml
makes the register find the new receivers too. Evidence counts are cached per family and
receiver sector because a whole-register run asks the same question thousands of times.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from isassist.knowledge import Knowledge, get_knowledge
from isassist.rules import get_rulebase
from isassist.rules.model import ValorisationRule


@dataclass(frozen=True)
class Route:
    """One valorisation route from the rule base."""

    rule_id: str
    route: str
    title_nl: str
    title_en: str
    category: str
    receiver_nace: tuple[str, ...]

    def serves(self, nace: str | None) -> bool:
        """Whether a receiver in ``nace`` runs this route (prefix match either way)."""
        if not nace or not self.receiver_nace:
            return False
        return any(nace.startswith(code) or code.startswith(nace) for code in self.receiver_nace)


@dataclass
class RouteCatalogue:
    """Routes per material family, and MAESTRI exchange counts per family and sector."""

    by_family: dict[str, tuple[Route, ...]]
    knowledge: Knowledge
    _counts: dict[tuple[str, str], int] = field(default_factory=dict, repr=False)
    _best: dict[tuple[tuple[str, ...], str | None], Route | None] = field(
        default_factory=dict, repr=False
    )
    _evidence: dict[tuple[tuple[str, ...], str], int] = field(default_factory=dict, repr=False)

    def routes(self, families: tuple[str, ...]) -> list[Route]:
        seen: dict[str, Route] = {}
        for family in families:
            for route in self.by_family.get(family, ()):
                seen.setdefault(route.rule_id, route)
        return list(seen.values())

    def best_route(self, families: tuple[str, ...], receiver_nace: str | None) -> Route | None:
        """The first route (in rule-file order) whose receiving sector fits the receiver."""
        key = (families, receiver_nace)
        if key not in self._best:
            self._best[key] = next(
                (r for r in self.routes(families) if r.serves(receiver_nace)), None
            )
        return self._best[key]

    def receiver_sectors(self, families: tuple[str, ...]) -> set[str]:
        """NACE codes of sectors that take these families by some route."""
        return {code for route in self.routes(families) for code in route.receiver_nace}

    def evidence_count(self, families: tuple[str, ...], receiver_nace: str | None) -> int:
        """MAESTRI exchanges moving one of the families into the receiver's NACE division."""
        division = (receiver_nace or "")[:2]
        cached = self._evidence.get((families, division))
        if cached is not None:
            return cached
        total = 0
        for family in families:
            key = (family, division)
            if key not in self._counts:
                self._counts[key] = _exchange_count(self.knowledge, family, division)
            total += self._counts[key]
        self._evidence[(families, division)] = total
        return total


def _exchange_count(knowledge: Knowledge, family: str, division: str) -> int:
    found = knowledge.families.get(family)
    if found is None or not found.ewc:
        return 0
    prefixes = tuple(found.ewc)
    return sum(
        1
        for exchange in knowledge.exchanges
        if any(code.startswith(prefixes) for code in exchange.ewc)
        and (not division or any(n.startswith(division) for n in exchange.receiver_nace))
    )


def build_catalogue(knowledge: Knowledge | None = None) -> RouteCatalogue:
    """Read the valorisation rules once into routes per family."""
    grouped: dict[str, list[Route]] = defaultdict(list)
    for rule in get_rulebase().rules:
        if not isinstance(rule, ValorisationRule) or rule.when.stream is None:
            continue
        if rule.when.stream.role == "want":  # where to source a want: not a route for a have
            continue
        route = Route(
            rule_id=rule.id,
            route=rule.then.route,
            title_nl=rule.title.nl,
            title_en=rule.title.en,
            category=rule.category,
            receiver_nace=tuple(rule.then.receiver_nace),
        )
        for family in rule.when.stream.family:
            grouped[family].append(route)
    return RouteCatalogue(
        by_family={family: tuple(routes) for family, routes in grouped.items()},
        knowledge=knowledge or get_knowledge(),
    )


_BUILT: list[tuple[object, Knowledge, RouteCatalogue]] = []


def default_catalogue() -> RouteCatalogue:
    """The catalogue of the process's rule base and knowledge base (those of the composition
    root, ``isassist.root``), built once for each pair."""
    rulebase, knowledge = get_rulebase(), get_knowledge()
    for built_rules, built_knowledge, catalogue in _BUILT:
        if built_rules is rulebase and built_knowledge is knowledge:
            return catalogue
    catalogue = build_catalogue(knowledge)
    _BUILT[:] = [(rulebase, knowledge, catalogue)]  # the last pair only, as before
    return catalogue
