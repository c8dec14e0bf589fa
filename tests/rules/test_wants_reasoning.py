"""Wants take part in reasoning: what a company takes in is classified like a stream and gets
its own routes, barriers and knowledge gaps, and no rule about its own streams fires on it."""

from __future__ import annotations

from isassist.facts import Company, Property, Stream
from isassist.interview.adapters import live_services
from isassist.interview.events import Answered
from isassist.interview.state import State
from isassist.interview.wantfacts import want_facts
from isassist.rules import get_engine


def _state(materials: str, utilities: str = "geen") -> State:
    state = State()
    for question, text in (("wants_materials", materials), ("wants_utilities", utilities)):
        state.answers[(question, None)] = Answered(
            question=question, stream=None, text=text, value=text
        )
    return state


def test_a_cement_plant_wanting_fuels_and_gypsum_gets_kiln_barriers_and_sources() -> None:
    company = Company(nace="23.51", nace_division="23", language="nl")
    facts = want_facts(
        _state("alternatieve brandstoffen 150000 ton per jaar; gips als bindtijdregelaar"),
        live_services(),
        company,
        "nl",
    )
    wants = [f for f in facts if isinstance(f, Stream)]
    assert [(w.id, w.name, w.role) for w in wants] == [
        ("w1", "alternatieve brandstoffen", "want"),
        ("w2", "gips als bindtijdregelaar", "want"),
    ]
    amounts = {f.name: f.value for f in facts if isinstance(f, Property) and f.stream == "w1"}
    assert amounts["tonnes_per_year"] == 150000.0
    found = {(c.rule_id, c.stream_id) for c in get_engine().derive("wants-test", [company, *facts])}
    assert ("barrier.deal.co_incineration.want_kiln", "w1") in found
    assert ("valorisation.want.alternative_fuel_source", "w1") in found
    assert ("gap.want.quantity", "w2") in found
    # a want is not the company's own stream: no supplier-side route or barrier on it
    assert not any(rule.startswith("valorisation.gypsum.") for rule, _ in found)


def test_nothing_wanted_makes_no_want() -> None:
    facts = want_facts(_state("geen", "nee"), live_services(), Company(), "nl")
    assert facts == []


def test_a_utility_want_gets_its_kind_from_its_words() -> None:
    facts = want_facts(
        _state("geen", "zuiver CO2 1500 ton per jaar; warmte van 60 °C"),
        live_services(),
        Company(),
        "nl",
    )
    assert [(f.name, f.kind) for f in facts if isinstance(f, Stream)] == [
        ("zuiver CO2", "gas"),
        ("warmte van 60 °C", "heat"),
    ]


def test_a_want_source_names_suppliers_never_receivers() -> None:
    """The wanting company is the receiver; its sourcing route names suppliers' sectors in
    ``source_nace``, so the register never takes a power station for a gypsum receiver."""
    import pytest
    from pydantic import ValidationError

    from isassist.register.routes import build_catalogue
    from isassist.rules.model import ValorisationRule

    rule = {
        "id": "valorisation.want.test",
        "kind": "valorisation",
        "category": "recycling",
        "title": {"nl": "t", "en": "t"},
        "when": {"stream": {"role": "want", "family": ["gypsum"]}},
        "then": {"nl": "x", "en": "x", "route": "cement_additive", "receiver_nace": ["35.11"]},
        "source": "MAESTRI exchange 32-30-8",
    }
    with pytest.raises(ValidationError, match="source_nace"):
        ValorisationRule.model_validate(rule)
    rule["then"] = {"nl": "x", "en": "x", "route": "cement_additive", "source_nace": ["35.11"]}
    assert ValorisationRule.model_validate(rule).then.source_nace == ["35.11"]
    gypsum_receivers = build_catalogue().receiver_sectors(("gypsum",))
    assert "35.11" not in gypsum_receivers and "23.62" in gypsum_receivers
