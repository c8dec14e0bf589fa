"""An ``unless`` on the list property the rule also tests positively holds (durable tested a
negation only against facts no earlier binding had taken: an organic sludge that is also a
galvanic sludge was offered for digestion although the rule says "unless galvanic")."""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.facts import Company, Property, Stream
from isassist.rules import load_rulebase
from isassist.rules.engine import RuleEngine

RULES = """
rules:
  - id: legal.test.sludge_digestion
    kind: legal
    category: by_product
    title: {nl: "Vergisting", en: "Digestion"}
    when:
      stream:
        kind: material
        family: [organic_sludge, wastewater_sludge]
        unless: {family: [galvanic_sludge]}
    then: {nl: "Vergisting van {stream.name}", en: "Digestion of {stream.name}"}
    source: "test"
  - id: legal.test.not_from_production
    kind: legal
    category: waste_status
    title: {nl: "Geen productierest", en: "Not from production"}
    when:
      stream:
        kind: material
        ewc: ["17", "19"]
        unless: {ewc: ["1908"]}
    then: {nl: "Geen productierest", en: "Not from production"}
    source: "test"
"""


@pytest.fixture(scope="module")
def engine(tmp_path_factory: pytest.TempPathFactory) -> RuleEngine:
    folder: Path = tmp_path_factory.mktemp("rules")
    (folder / "test.yaml").write_text(RULES, encoding="utf-8")
    return RuleEngine(load_rulebase(folder))


def _fired(engine: RuleEngine, ewc: list[str], family: list[str]) -> set[str]:
    facts = [
        Company(),
        Stream(id="s1", name="slib", kind="material"),
        Property(id="s1.ewc", stream="s1", name="ewc", value=ewc),
        Property(id="s1.family", stream="s1", name="family", value=family),
    ]
    return {c.rule_id for c in engine.derive(f"t-{ewc}-{family}", facts)}


@pytest.mark.parametrize(
    ("ewc", "family", "fired"),
    [
        (["020305"], ["organic_sludge"], {"legal.test.sludge_digestion"}),
        (["020305"], ["organic_sludge", "galvanic_sludge"], set()),
        (["020305"], ["galvanic_sludge", "wastewater_sludge"], set()),
        (["170101"], ["stony"], {"legal.test.not_from_production"}),
        (["190805"], ["stony"], set()),
        (["170101", "190805"], ["stony"], set()),
    ],
)
def test_unless_on_the_tested_list_property_keeps_the_rule_from_firing(
    engine: RuleEngine, ewc: list[str], family: list[str], fired: set[str]
) -> None:
    assert _fired(engine, ewc, family) == fired
