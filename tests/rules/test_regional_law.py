"""Regional law follows where the company is: a Walloon, Brussels or Dutch company never reads
Flemish law, and its own region's by-product text names its own law and authority.

Every stream of every rule example is run again as if the company were in Wallonia, Brussels
and the Netherlands, so a new rule that forgets its ``company: {jurisdiction: ...}`` is
caught whatever stream it fires on (review3: Wallonia/Brussels legal review).
"""

from __future__ import annotations

import re
from typing import Any

import pytest

from isassist.facts import Company
from isassist.rules import get_engine, get_rulebase
from isassist.rules.conclusion import Conclusion
from isassist.rules.examples import example_facts

FLEMISH = re.compile(
    r"OVAM|VLAREM|VLAREBO|VLACO|Materialendecreet|Materials Decree|Bodemdecreet|Mestdecreet|"
    r"Mestbank|omgevingsvergunning|identificatieformulier|grondstofverklaring|Flemish Order|"
    r"Omgevingsvergunningsdecreet",
    re.IGNORECASE,
)

PLACES: dict[str, dict[str, Any]] = {
    "wallonia": {"country": "BE", "region": "Luik", "jurisdiction": "wallonia"},
    "brussels": {"country": "BE", "region": "Brussel", "jurisdiction": "brussels"},
    "netherlands": {"country": "NL", "region": None, "jurisdiction": "netherlands"},
}


def _said(conclusion: Conclusion) -> str:
    parts = [conclusion.text.nl, conclusion.text.en, conclusion.title.nl, conclusion.title.en]
    parts.append(conclusion.source)
    for key in ("mitigation", "regulation"):
        value = conclusion.data.get(key)
        parts += list(value.values()) if isinstance(value, dict) else [str(value or "")]
    return " ".join(parts)


def _derive_everywhere(jurisdiction: str) -> list[Conclusion]:
    engine = get_engine()
    found: list[Conclusion] = []
    for file, rule_file in get_rulebase().files.items():
        for index, example in enumerate(rule_file.examples):
            facts = example_facts(example)
            company = facts[0]
            assert isinstance(company, Company)
            facts[0] = company.model_copy(update=PLACES[jurisdiction])
            session = f"regional:{jurisdiction}:{file}:{index}"
            try:
                found += engine.derive(session, facts)
            finally:
                engine.close(session)
    return found


@pytest.mark.parametrize("jurisdiction", sorted(PLACES))
def test_no_flemish_law_outside_flanders(
    jurisdiction: str,
) -> None:
    conclusions = _derive_everywhere(jurisdiction)
    assert len(conclusions) > 500
    flemish = sorted(
        {f"{c.rule_id}: {m.group(0)}" for c in conclusions if (m := FLEMISH.search(_said(c)))}
    )
    if jurisdiction == "netherlands":  # the Dutch permit is an omgevingsvergunning too
        flemish = [hit for hit in flemish if not hit.lower().endswith("omgevingsvergunning")]
    assert not flemish, flemish


def test_each_region_names_its_own_by_product_law_and_who_decides() -> None:
    texts = {
        rule.id: f"{rule.then.nl} {rule.then.en} {rule.source}"
        for rule in get_rulebase().rules
        if rule.id in {"legal.by_product.wallonia", "legal.by_product.brussels"}
    }
    walloon = texts["legal.by_product.wallonia"]
    assert "4bis" in walloon and "28 February 2019" in walloon and "SPW ARNE decides" in walloon
    assert "9 March 2023" in walloon  # the 1996 decree is replaced: not cited as current law
    brussels = texts["legal.by_product.brussels"]
    assert "14 June 2012" in brussels and "art. 8" in brussels
    assert "Brussels Environment decides" in brussels
