"""Which valorisation routes of the rule base connect an offered material to a receiver.

The rule base already says, per material family, which routes exist and which receiving
sectors (NACE) run them, each with its MAESTRI evidence spec. Matching reads that here instead
of keeping a second table of routes: an expert who adds a route to rules/valorisation.yaml
makes the register find the new receivers too. A route also keeps what the rule asks of the
stream besides its family — its name ("synthetic yarn", "soapstock"), its EWC entries, its
hazard — so a register stream gets the routes the interview would give that stream
(``RouteCatalogue.routes_for``), not every route of its family. Evidence counts are cached per
family and receiver sector because a whole-register run asks the same question thousands of
times.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from isassist.knowledge import Knowledge, get_knowledge
from isassist.rules import get_rulebase
from isassist.rules.model import StreamCondition, ValorisationRule

StreamKey = tuple[str, tuple[str, ...], tuple[str, ...], str]
"""What a route's conditions read of a register stream: name, families, EWC codes, hazard."""


@dataclass(frozen=True)
class Route:
    """One valorisation route from the rule base."""

    rule_id: str
    route: str
    title_nl: str
    title_en: str
    category: str
    receiver_nace: tuple[str, ...]
    priority: str = "medium"
    families: tuple[str, ...] = ()
    ewc: tuple[str, ...] = ()
    """EWC chapters, sub-chapters or entries the rule asks for (prefix match); none: any."""
    name_tests: tuple[tuple[str, Any], ...] = ()
    """The rule's tests on the stream's name (operator, operand)."""
    hazardous: tuple[tuple[str, Any], ...] = ()
    """The rule's tests on the stream's hazard ("yes"/"no"), where it has any."""
    code_tests: tuple[tuple[str, Any], ...] = ()
    """The rule's tests on the EWC property ("not wood fly ash"): one code meeting them does."""

    def admits(self, stream: StreamKey) -> bool:
        """Whether a stream with this name, families, codes and hazard meets what the rule
        asks of it besides the sector. What a register row does not say (a moisture, a
        state) is not held against it: the broker checks that with the supplier."""
        name, families, codes, hazard = stream
        if self.families and not set(self.families) & set(families):
            return False
        if self.ewc and not any(c.startswith(p) for c in codes for p in self.ewc):
            return False
        if not all(_holds(op, operand, name) for op, operand in self.name_tests):
            return False
        if codes and not any(all(_holds(op, v, c) for op, v in self.code_tests) for c in codes):
            return False
        return hazard == "unknown" or all(_holds(op, v, hazard) for op, v in self.hazardous)

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
    by_code: tuple[Route, ...] = ()
    """Routes whose rule names EWC entries or a name but no family (spent pickling acid,
    spent bleaching earth)."""
    _admitted: dict[StreamKey, tuple[Route, ...]] = field(default_factory=dict, repr=False)
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

    def routes_for(self, stream: StreamKey) -> tuple[Route, ...]:
        """The routes of a stream: those of its families and codes whose rule's other
        conditions (name, codes, hazard) the stream meets, in rule-file order per family."""
        found = self._admitted.get(stream)
        if found is None:
            families = stream[1]
            candidates = self.routes(families)
            candidates += [r for r in self.by_code if r not in candidates]
            found = _preferred(tuple(r for r in candidates if r.admits(stream)), stream[0])
            self._admitted[stream] = found
        return found

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


_CLEAN = re.compile(
    r"\b(zuiver|zuivere|schoon|schone|gesorteerd|gesorteerde|ongeverfd|ongeverfde|clean|"
    r"sorted|pure|undyed)\b",
    re.IGNORECASE,
)


def _preferred(routes: tuple[Route, ...], name: str) -> tuple[Route, ...]:
    """Without the fallbacks of other recovery (priority low, not a reuse or recycling
    route: "plastic that cannot be recycled can replace coke") when a preferred route applies
    to this very material (priority high, and either written for it by name — PP yarn to
    regranulation — or the stream says it is clean and sorted): recycling comes before energy
    recovery (waste hierarchy, Directive 2008/98/EC art. 4), so a broker does not offer clean
    single-polymer yarn as kiln fuel. Mixed or dirty plastic keeps its fuel route."""
    clean = _CLEAN.search(name) is not None
    if any(r.priority == "high" and (r.name_tests or clean) for r in routes):
        return tuple(r for r in routes if r.priority != "low" or r.category in _RECYCLING)
    return routes


_RECYCLING = frozenset(["prevention", "reuse", "recycling"])
"""The steps of the waste hierarchy above other recovery (Directive 2008/98/EC art. 4(1))."""


def _holds(op: str, operand: Any, value: str) -> bool:
    """One test of the rule language on a text, as the engine runs it (``matches``: a full
    match ignoring case)."""
    if op == "matches":
        return _compiled(str(operand)).fullmatch(value) is not None
    if op == "=":
        return value.casefold() == str(operand).casefold()
    if op == "!=":
        return value.casefold() != str(operand).casefold()
    if op == "in":
        return value.casefold() in {str(o).casefold() for o in operand}
    return True  # "exists" and the like: a register row has a name and a hazard


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


def _tests(condition: StreamCondition, prop: str) -> tuple[tuple[str, Any], ...]:
    test = condition.name if prop == "name" else condition.has.get(prop)
    return tuple(test.operators().items()) if test is not None else ()


def build_catalogue(knowledge: Knowledge | None = None) -> RouteCatalogue:
    """Read the valorisation rules once into routes per family (and per code where a rule
    names codes only)."""
    grouped: dict[str, list[Route]] = defaultdict(list)
    by_code: list[Route] = []
    for rule in get_rulebase().rules:
        if not isinstance(rule, ValorisationRule) or rule.when.stream is None:
            continue
        condition = rule.when.stream
        if condition.role == "want":  # where to source a want: not a route for a have
            continue
        if condition.kind and "material" not in condition.kind:
            continue  # heat and water routes: the register matches energy by temperature
        route = Route(
            rule_id=rule.id,
            route=rule.then.route,
            title_nl=rule.title.nl,
            title_en=rule.title.en,
            category=rule.category,
            receiver_nace=tuple(rule.then.receiver_nace),
            priority=rule.priority,
            families=tuple(condition.family),
            ewc=tuple(condition.ewc),
            name_tests=_tests(condition, "name"),
            hazardous=_tests(condition, "hazardous"),
            code_tests=_tests(condition, "ewc"),
        )
        for family in condition.family:
            grouped[family].append(route)
        if not condition.family and (condition.ewc or route.name_tests):
            by_code.append(route)  # filed by its codes or its name: checked per stream
    return RouteCatalogue(
        by_family={family: tuple(routes) for family, routes in grouped.items()},
        knowledge=knowledge or get_knowledge(),
        by_code=tuple(by_code),
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
