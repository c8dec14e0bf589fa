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
    unknown = [f for f in spec.get("family") if f not in known.families]
    if unknown:
        raise EvidenceSpecError(
            f'evidence "family:{unknown[0]}": unknown family'
            f"{did_you_mean(unknown[0], known.families)}; see knowledge/families.csv"
        )
    prefixes = tuple(
        code for name in spec.get("family") for code in known.families[name].ewc
    ) + spec.get("ewc")
    matched = [x for x in known.exchanges if _matches(x, spec, prefixes)]
    examples = tuple(_reference(x, known) for x in matched[:limit])
    return Evidence(count=len(matched), examples=examples)


def _matches(exchange: Exchange, spec: EvidenceSpec, ewc_prefixes: tuple[str, ...]) -> bool:
    if exchange.exchange_id in spec.get("id"):
        return True
    has_what, has_where = spec.has_group(WHAT_KEYS), spec.has_group(WHERE_KEYS)
    if not (has_what or has_where):
        return False
    # str.startswith(()) is False, so an absent key never matches on its own
    what = (
        any(code.startswith(ewc_prefixes) for code in exchange.ewc)
        or any(code.startswith(spec.get("cpa")) for code in exchange.cpa)
        or _has_word(exchange.description, spec.get("text"))
    )
    where = (
        any(code.startswith(spec.get("to")) for code in exchange.receiver_nace)
        or _has_word(exchange.receiver_business, spec.get("receiver"))
        or _has_word(exchange.final_use, spec.get("use"))
    )
    return (what or not has_what) and (where or not has_where)


def _has_word(text: str, words: tuple[str, ...]) -> bool:
    folded = text.lower()
    return any(word in folded for word in words)


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
    data = dict(conclusion.data)
    data["evidence"] = {"spec": list(conclusion.data["evidence"]), **evidence.as_data()}
    return conclusion.model_copy(update={"data": data})


def check_evidence(rulebase: RuleBase, knowledge: Knowledge | None = None) -> list[RuleProblem]:
    """Problems with the evidence specs of a rule base: unreadable, or matching nothing."""
    problems: list[RuleProblem] = []
    for rule in rulebase.rules:
        items = getattr(rule.then, "evidence", None)
        if rule.kind != "valorisation" or not items:
            continue
        where = rulebase.origin.get(rule.id)
        file, line = (where.file, where.line) if where else ("?", None)
        try:
            found = find_evidence(parse_evidence(items), knowledge)
        except EvidenceSpecError as exc:
            problems.append(RuleProblem(file, line, rule.id, f"then.evidence: {exc}"))
            continue
        if found.count == 0:
            problems.append(
                RuleProblem(file, line, rule.id, "then.evidence matches no MAESTRI exchange")
            )
    return problems
