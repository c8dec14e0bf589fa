"""The MAESTRI evidence of routes is looked up when first needed, with the same result.

The engine is built without the knowledge base so an interview can start before it is
loaded (docs/ARCHITECTURE.md, start-up); the TUI's warm-up looks the evidence up
(``prepare_evidence``), and a derivation that concludes a route before that looks it up
itself.
"""

from __future__ import annotations

from isassist.facts import Company, Property, Stream, _Fact
from isassist.rules import get_rulebase
from isassist.rules.engine import RuleEngine

WARM_DAIRY: list[_Fact] = [
    Company(name="Zuivel NV", nace="10.51", nace_division="10"),
    Stream(id="s1", name="koelwater", kind="heat"),
    Property(id="s1.temperature_c", stream="s1", name="temperature_c", value=90.0),
]


def test_a_route_concluded_before_the_evidence_was_prepared_shows_the_same_evidence() -> None:
    rulebase = get_rulebase()
    early = RuleEngine(rulebase)
    concluded = early.derive("t-evidence-early", WARM_DAIRY)
    prepared = RuleEngine(rulebase)
    prepared.prepare_evidence()
    assert concluded == prepared.derive("t-evidence-prepared", WARM_DAIRY)
    # routes with an evidence spec (``evidence: []`` marks a route MAESTRI has no case for)
    shown = [c.data["evidence"] for c in concluded if c.data.get("evidence")]
    assert shown and all(e["count"] > 0 and e["examples"] for e in shown)
    early.close("t-evidence-early")
    prepared.close("t-evidence-prepared")


def test_preparing_the_evidence_twice_changes_nothing() -> None:
    engine = RuleEngine(get_rulebase())
    engine.prepare_evidence()
    first = engine.derive("t-evidence-twice", WARM_DAIRY)
    engine.prepare_evidence()
    assert engine.derive("t-evidence-twice", WARM_DAIRY) == first
    engine.close("t-evidence-twice")
