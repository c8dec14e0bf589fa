"""Back a valorisation route with the MAESTRI exchanges that already do it.

A broker trusts a route more when real companies run it; the MAESTRI database holds 425 such
exchanges. Rule files cannot hold Python, and an expert should not have to copy exchange ids
by hand, so a rule's ``then.evidence`` is a short *spec*: strings such as ``family:ash``,
``to:23.51`` or ``use:fuel``. This module turns a spec into the matching exchanges (a count
and a few examples with their references). ``then.evidence`` is a list of strings in the rule
format, so the spec fits it without a format change.

Spec items (``key:value``; case is ignored):

- what flows (any may match): ``family:`` material family of knowledge/families.csv (its EWC
  codes), ``ewc:`` EWC prefix, ``cpa:`` CPA prefix, ``text:`` word in the exchange description;
- where it goes (any may match): ``to:`` receiver NACE prefix, ``receiver:`` word in the
  receiver's business, ``use:`` word in the final use;
- ``id:`` (or a bare ``1-12-10``): one exchange, always included.

An exchange matches when it matches the "what" group (if the spec has one) and the "where"
group (if the spec has one).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from isassist.knowledge import Exchange, Knowledge, get_knowledge
from isassist.rules.conclusion import Conclusion
from isassist.rules.loader import RuleBase, RuleProblem
from isassist.rules.model import AnyRule
from isassist.rules.vocabulary import did_you_mean

WHAT_KEYS = ("family", "ewc", "cpa", "text")
WHERE_KEYS = ("to", "receiver", "use")
SPEC_KEYS = (*WHAT_KEYS, *WHERE_KEYS, "id")
EXAMPLES = 5
_EXCHANGE_ID = re.compile(r"^\d+-\d+-\d+$")


class EvidenceSpecError(ValueError):
    """A spec item that cannot be read; the message names the item and what would be right."""


@dataclass(frozen=True)
class EvidenceSpec:
    """A parsed ``then.evidence`` list: lower-cased values per key."""

    terms: dict[str, tuple[str, ...]] = field(default_factory=dict)

    def get(self, key: str) -> tuple[str, ...]:
        return self.terms.get(key, ())

    def has_group(self, keys: Iterable[str]) -> bool:
        return any(self.get(key) for key in keys)


@dataclass(frozen=True)
class Evidence:
    """How many exchanges back a route, and the first few of them."""

    count: int
    examples: tuple[dict[str, Any], ...]

    def as_data(self) -> dict[str, Any]:
        return {"count": self.count, "examples": list(self.examples)}


def parse_evidence(items: Sequence[str]) -> EvidenceSpec:
    """Read spec strings; raise ``EvidenceSpecError`` on an unknown key or empty value."""
    terms: dict[str, list[str]] = {}
    for item in items:
        text = str(item).strip()
        if _EXCHANGE_ID.match(text):
            key, value = "id", text
        else:
            key, sep, value = text.partition(":")
            key, value = key.strip().lower(), value.strip().lower()
            if not sep or key not in SPEC_KEYS:
                raise EvidenceSpecError(
                    f'evidence "{text}": unknown key "{key}"{did_you_mean(key, SPEC_KEYS)}; '
                    f"write key:value with a key from {', '.join(SPEC_KEYS)}, or an exchange id"
                )
            if not value:
                raise EvidenceSpecError(f'evidence "{text}": "{key}:" needs a value after it')
        terms.setdefault(key, []).append(value)
    if not terms:
        raise EvidenceSpecError("evidence is empty; name at least a family, code, use or id")
    return EvidenceSpec({key: tuple(values) for key, values in terms.items()})


def find_evidence(
    spec: EvidenceSpec, knowledge: Knowledge | None = None, limit: int = EXAMPLES
) -> Evidence:
    """The exchanges the spec matches, in database order; ``limit`` of them as examples."""
    known = knowledge if knowledge is not None else get_knowledge()
    return _find(spec, known, _Searchable.of(known), limit)


def find_evidence_for_specs(
    specs: Iterable[Sequence[str]], knowledge: Knowledge | None = None
) -> dict[tuple[str, ...], Evidence | EvidenceSpecError]:
    """The evidence of many specs (each as its ``then.evidence`` list), reading the exchanges'
    texts once: a spec that cannot be read maps to its error instead of raising it."""
    known = knowledge if knowledge is not None else get_knowledge()
    searchable = _Searchable.of(known)
    found: dict[tuple[str, ...], Evidence | EvidenceSpecError] = {}
    for items in specs:
        key = tuple(str(i) for i in items)
        if key in found:
            continue
        try:
            found[key] = _find(parse_evidence(list(key)), known, searchable, EXAMPLES)
        except EvidenceSpecError as exc:
            found[key] = exc
    return found


@dataclass(frozen=True)
class _Searchable:
    """The exchanges indexed once for many specs: each code by every prefix it has, the texts
    lower-cased. Testing every exchange for every spec in Python, lowering its texts each
    time, made the look-ups of all routes take a quarter of a second."""

    exchanges: Sequence[Exchange]
    ewc: dict[str, set[int]]  # prefix -> positions of the exchanges with a code so starting
    cpa: dict[str, set[int]]
    receiver_nace: dict[str, set[int]]
    description: tuple[str, ...]
    receiver_business: tuple[str, ...]
    final_use: tuple[str, ...]

    @staticmethod
    def of(known: Knowledge) -> _Searchable:
        exchanges = known.exchanges

        def by_prefix(name: str) -> dict[str, set[int]]:
            found: dict[str, set[int]] = {}
            for index, exchange in enumerate(exchanges):
                for code in getattr(exchange, name):
                    for end in range(len(code) + 1):
                        found.setdefault(code[:end], set()).add(index)
            return found

        return _Searchable(
            exchanges=exchanges,
            ewc=by_prefix("ewc"),
            cpa=by_prefix("cpa"),
            receiver_nace=by_prefix("receiver_nace"),
            description=tuple(x.description.lower() for x in exchanges),
            receiver_business=tuple(x.receiver_business.lower() for x in exchanges),
            final_use=tuple(x.final_use.lower() for x in exchanges),
        )

    @staticmethod
    def starting(index: dict[str, set[int]], prefixes: tuple[str, ...]) -> set[int]:
        """Positions of the exchanges with a code that starts with one of the prefixes (none
        for no prefix, as ``str.startswith(())`` is False)."""
        return set().union(*(index.get(prefix, ()) for prefix in prefixes))

    @staticmethod
    def saying(texts: tuple[str, ...], words: tuple[str, ...]) -> set[int]:
        """Positions of the exchanges whose text contains one of the (lower-case) words."""
        if not words:
            return set()
        return {index for index, text in enumerate(texts) if any(word in text for word in words)}


def _find(spec: EvidenceSpec, known: Knowledge, searchable: _Searchable, limit: int) -> Evidence:
    """An exchange matches when its id is listed, or when it matches the "what" group (if the
    spec has one) and the "where" group (if the spec has one)."""
    unknown = [f for f in spec.get("family") if f not in known.families]
    if unknown:
        raise EvidenceSpecError(
            f'evidence "family:{unknown[0]}": unknown family'
            f"{did_you_mean(unknown[0], known.families)}; see knowledge/families.csv"
        )
    prefixes = tuple(
        code for name in spec.get("family") for code in known.families[name].ewc
    ) + spec.get("ewc")
    ids = set(spec.get("id"))
    what = where = None
    if spec.has_group(WHAT_KEYS):
        what = (
            searchable.starting(searchable.ewc, prefixes)
            | searchable.starting(searchable.cpa, spec.get("cpa"))
            | searchable.saying(searchable.description, spec.get("text"))
        )
    if spec.has_group(WHERE_KEYS):
        where = (
            searchable.starting(searchable.receiver_nace, spec.get("to"))
            | searchable.saying(searchable.receiver_business, spec.get("receiver"))
            | searchable.saying(searchable.final_use, spec.get("use"))
        )
    grouped = what is not None or where is not None
    matched = [
        exchange
        for index, exchange in enumerate(searchable.exchanges)
        if exchange.exchange_id in ids
        or (grouped and (what is None or index in what) and (where is None or index in where))
    ]
    examples = tuple(_reference(x, known) for x in matched[:limit])
    return Evidence(count=len(matched), examples=examples)


def _reference(exchange: Exchange, knowledge: Knowledge) -> dict[str, Any]:
    case = knowledge.cases.get(exchange.case_id)
    reference = f"MAESTRI exchange {exchange.exchange_id}"
    if case is not None:
        year = f" {case.year}" if case.year else ""
        reference += f" ({case.authors}{year}: {case.title})"
    return {
        "exchange_id": exchange.exchange_id,
        "donor_business": exchange.donor_business,
        "donor_nace": list(exchange.donor_nace),
        "receiver_business": exchange.receiver_business,
        "receiver_nace": list(exchange.receiver_nace),
        "description": exchange.description,
        "final_use": exchange.final_use,
        "status": exchange.status,
        "reference": reference,
    }


def rule_evidence(rule: AnyRule) -> tuple[str, ...]:
    """A valorisation rule's evidence spec as conclusions carry it; empty for other rules."""
    items = getattr(rule.then, "evidence", None)
    if rule.kind != "valorisation" or not isinstance(items, list):
        return ()
    return tuple(str(i) for i in items)


def evidence_for(conclusion: Conclusion, knowledge: Knowledge | None = None) -> Evidence | None:
    """The evidence of a valorisation conclusion, or None when its rule names no spec."""
    items = conclusion.data.get("evidence")
    if conclusion.kind != "valorisation" or not isinstance(items, list) or not items:
        return None
    known = knowledge if knowledge is not None else get_knowledge()
    key = (tuple(str(i) for i in items), id(known))
    found = _FOUND.get(key)
    if found is None:
        found = _FOUND[key] = find_evidence(parse_evidence(list(key[0])), known)
    return found


# Every derivation re-attaches evidence to the same few dozen routes; the exchanges do not
# change while a process runs, so each spec is matched against them once.
_FOUND: dict[tuple[tuple[str, ...], int], Evidence] = {}


def with_evidence(conclusion: Conclusion, knowledge: Knowledge | None = None) -> Conclusion:
    """A copy of the conclusion whose ``data.evidence`` holds the spec, count and examples."""
    evidence = evidence_for(conclusion, knowledge)
    if evidence is None:
        return conclusion
    return conclusion.model_copy(update={"data": evidence_data(conclusion.data, evidence)})


def evidence_data(data: dict[str, Any], evidence: Evidence) -> dict[str, Any]:
    """A conclusion's data with ``evidence`` (the spec list) replaced by spec, count and
    examples, in the same place."""
    shown = dict(data)
    shown["evidence"] = {"spec": list(data["evidence"]), **evidence.as_data()}
    return shown


def check_evidence(rulebase: RuleBase, knowledge: Knowledge | None = None) -> list[RuleProblem]:
    """Problems with the evidence specs of a rule base: unreadable, or matching nothing."""
    problems: list[RuleProblem] = []
    specs = {rule.id: spec for rule in rulebase.rules if (spec := rule_evidence(rule))}
    found_by_spec = find_evidence_for_specs(specs.values(), knowledge)
    for rule_id, spec in specs.items():
        where = rulebase.origin.get(rule_id)
        file, line = (where.file, where.line) if where else ("?", None)
        found = found_by_spec[spec]
        if isinstance(found, EvidenceSpecError):
            problems.append(RuleProblem(file, line, rule_id, f"then.evidence: {found}"))
            continue
        if found.count == 0:
            problems.append(
                RuleProblem(file, line, rule_id, "then.evidence matches no MAESTRI exchange")
            )
    return problems
