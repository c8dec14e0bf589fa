"""The decision path's legal nodes follow the stream's legal status: a hazardous by-product
is not called hazardous waste and a by-product crossing a border is not sent to the Waste
Shipment Regulation (review R86: the same report said "geen afvalstof" and "gevaarlijk afval")."""

from __future__ import annotations

from isassist.facts import Value
from isassist.interview.conditions import Scope, holds
from isassist.interview.events import Answered
from isassist.interview.loader import shipped_dialog


def _why(node_id: str, legal_status: str, properties: dict[str, Value]) -> str:
    node = next(
        n for section in shipped_dialog().sections for n in section.flowchart if n.id == node_id
    )
    answer = Answered(question="legal_status", stream="s1", text=legal_status, value=legal_status)
    scope = Scope(
        answers={"legal_status": answer}, company_answers={}, properties=properties, mode="broker"
    )
    outcome = next((o for o in node.outcomes if holds(o.when, scope)), None)
    return outcome.why.get("en") if outcome else "open"


def test_a_hazardous_by_product_gets_product_law_and_hazardous_waste_stays_waste() -> None:
    hazardous: dict[str, Value] = {"hazardous": "yes", "kind": "material"}
    for status in ("by_product", "product", "end_of_waste"):
        why = _why("hazard", status, hazardous)
        assert "hazardous product" in why and "safety data sheet" in why
        assert "waste" not in why
    for status in ("waste", "unknown"):
        assert "hazardous waste" in _why("hazard", status, hazardous)


def test_only_waste_crossing_a_border_meets_the_waste_shipment_regulation() -> None:
    abroad: dict[str, Value] = {"cross_border": "yes", "kind": "material"}
    assert "Waste Shipment" in _why("logistics", "waste", abroad)
    assert "Waste Shipment" not in _why("logistics", "by_product", abroad)


def test_water_is_not_sent_to_find_out_its_waste_status() -> None:
    water: dict[str, Value] = {"kind": "water"}
    why = _why("legal", "unknown", water)
    assert "water law" in why and "find out" not in why
