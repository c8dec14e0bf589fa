"""The durable_rules adapter: derive, re-derive after changes, explanations, failure modes."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from isassist.facts import (
    PROPERTY_LABELS,
    STREAM_PROPERTIES,
    Company,
    Property,
    Stream,
    _Fact,
    property_label,
)
from isassist.paths import data_dir
from isassist.rules import get_engine as _get_engine
from isassist.rules import why
from isassist.rules.compiler import RULES_PER_RULESET
from isassist.rules.engine import FactError, RuleEngine

MY_FILES = ("classification.yaml", "legal.yaml", "heat.yaml")
_RULES_DIR: list[Path] = []


@pytest.fixture(scope="module", autouse=True)
def _my_rules(tmp_path_factory: pytest.TempPathFactory) -> None:
    """The engine tests run on the heat, legal and classification rules only, so a rule file
    another engineer is still writing cannot break them (the example tests cover all files)."""
    folder = tmp_path_factory.mktemp("rules")
    for name in MY_FILES:
        (folder / name).write_text((data_dir("rules") / name).read_text(encoding="utf-8"))
    _RULES_DIR[:] = [folder]


def get_engine() -> RuleEngine:
    return _get_engine(_RULES_DIR[0])


def _heat(temperature: float, **extra: object) -> list[_Fact]:
    facts: list[_Fact] = [
        Company(name="Zuivel NV", nace="10.51", nace_division="10"),
        Stream(id="s1", name="koelwater", kind="heat"),
        Property(id="s1.temperature_c", stream="s1", name="temperature_c", value=temperature),
    ]
    facts += [
        Property(id=f"s1.{name}", stream="s1", name=name, value=value)  # type: ignore[arg-type]
        for name, value in extra.items()
    ]
    return facts


def _rule_ids(facts: list[_Fact], interview: str = "t-engine") -> set[str]:
    engine = get_engine()
    try:
        return {c.rule_id for c in engine.derive(interview, facts)}
    finally:
        engine.close(interview)


def test_a_changed_answer_withdraws_the_old_conclusions() -> None:
    engine = get_engine()
    warm = {c.rule_id for c in engine.derive("t-change", _heat(75, hours_per_year=8000))}
    assert {"heat.band.district_heating", "heat.season.summer_surplus"} <= warm
    cold = {c.rule_id for c in engine.derive("t-change", _heat(30, hours_per_year=8000))}
    assert "heat.band.low" in cold
    # the chained conclusion goes with the one it was built on
    assert not {"heat.band.district_heating", "heat.season.summer_surplus"} & cold
    engine.close("t-change")


def test_a_withdrawn_fact_withdraws_its_conclusions() -> None:
    engine = get_engine()
    with_gas = _heat(160, medium="flue_gas", sulphur_in_fuel="yes")
    assert "heat.dew_point.sulphur" in {c.rule_id for c in engine.derive("t-w", with_gas)}
    without_sulphur = [f for f in with_gas if getattr(f, "id", None) != "s1.sulphur_in_fuel"]
    remaining = {c.rule_id for c in engine.derive("t-w", without_sulphur)}
    assert "heat.dew_point.sulphur" not in remaining
    assert "heat.dew_point.flue_gas" in remaining
    assert engine.derive("t-w", [Company()]) == []
    engine.close("t-w")


def test_the_engine_session_is_empty_between_derivations() -> None:
    engine = get_engine()
    engine.derive("t-empty", _heat(75))
    assert engine.held_facts() == []
    engine.close("t-empty")


def test_a_conclusion_carries_everything_the_dossier_needs() -> None:
    engine = get_engine()
    [band] = [
        c for c in engine.derive("t-c", _heat(75)) if c.rule_id == "heat.band.district_heating"
    ]
    engine.close("t-c")
    assert (band.kind, band.category, band.priority, band.stream_id) == (
        "heat",
        "temperature",
        "medium",
        "s1",
    )
    assert "koelwater (75 °C)" in band.text.nl and "koelwater (75 °C)" in band.text.en
    assert band.data["uses"] == ["district_heating", "drying", "greenhouses"]
    assert {"stream", "property"} == {fact["type"] for fact in band.matched}
    assert "Energies" in band.source


def test_why_explains_in_dutch_and_english() -> None:
    engine = get_engine()
    [band] = [
        c for c in engine.derive("t-why", _heat(75)) if c.rule_id == "heat.band.district_heating"
    ]
    engine.close("t-why")
    dutch, english = why(band, "nl"), why(band, "en")
    assert dutch.startswith("Waarom: Restwarmte 55–100 °C")
    assert english.startswith("Why: Waste heat at 55–100 °C")
    for text in (dutch, english):
        assert '"koelwater"' in text and "75" in text and band.source in text
    # properties are named in the reader's language, never by their raw key
    assert "- temperatuur (°C): 75" in dutch and "temperature_c" not in dutch
    assert "- temperature (°C): 75" in english and "temperature_c" not in english


def test_every_stream_property_has_a_dutch_and_an_english_label() -> None:
    assert set(PROPERTY_LABELS) == set(STREAM_PROPERTIES)
    for name, (dutch, english) in PROPERTY_LABELS.items():
        assert dutch and english and dutch != name, name
    assert property_label("legal_status", "nl") == "juridisch statuut"
    assert property_label("not_yet_labelled", "nl") == "not yet labelled"


def test_rules_fire_per_stream_and_joins_stay_within_a_stream() -> None:
    facts: list[_Fact] = [
        Company(),
        Stream(id="s1", name="warm", kind="heat"),
        Stream(id="s2", name="koud", kind="heat"),
        Property(id="s1.temperature_c", stream="s1", name="temperature_c", value=80),
        Property(id="s2.temperature_c", stream="s2", name="temperature_c", value=20),
    ]
    conclusions = get_engine().derive("t-join", facts)
    get_engine().close("t-join")
    keys = {c.key for c in conclusions}
    assert {"heat.band.district_heating@s1", "heat.band.low@s2"} <= keys
    assert not {"heat.band.district_heating@s2", "heat.band.low@s1"} & keys


def test_missing_property_rule_sees_facts_in_any_order() -> None:
    facts = _heat(75)
    forward = _rule_ids(facts)
    backward = _rule_ids(list(reversed(facts)))
    assert forward == backward


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("temperature_c", "heet", "must be a number"),
        ("temprature_c", 80, 'did you mean "temperature_c"'),
        ("mirror", "yes", "must be true or false"),
    ],
)
def test_a_badly_typed_fact_is_refused_with_a_reason(
    name: str, value: object, message: str
) -> None:
    facts: list[_Fact] = [
        Stream(id="s1", name="x", kind="heat"),
        Property(id=f"s1.{name}", stream="s1", name=name, value=value),  # type: ignore[arg-type]
    ]
    with pytest.raises(FactError, match=message):
        get_engine().derive("t-bad", facts)


def test_an_error_while_concluding_is_raised_and_leaves_durable_empty(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    engine = get_engine()

    def boom(*_args: object) -> None:
        raise ValueError("boom: a rule text could not be filled")

    with monkeypatch.context() as patch:
        patch.setattr("isassist.rules.engine.build_conclusion", boom)
        with pytest.raises(ValueError, match="boom"):
            engine.derive("t-boom", _heat(75))
    assert engine.held_facts() == []
    # the next derivation is whole again
    assert "heat.band.district_heating" in _rule_ids(_heat(75), "t-boom")


def test_concurrent_interviews_stay_apart() -> None:
    engine = get_engine()
    warm, cold = _heat(75), _heat(30)

    def run(i: int) -> set[str]:
        return {c.rule_id for c in engine.derive(f"t-par-{i}", warm if i % 2 else cold)}

    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(run, range(40)))
    for i, ids in enumerate(results):
        engine.close(f"t-par-{i}")
        assert ("heat.band.district_heating" in ids) == bool(i % 2)
        assert ("heat.band.low" in ids) == (not i % 2)


def test_one_engine_per_rule_base_and_rulesets_kept_small() -> None:
    engine = get_engine()
    assert get_engine() is engine
    assert all(
        name.startswith(f"isassist@{engine.rulebase.version}.") for name in engine.ruleset_names
    )
    assert len(engine.rulebase.rules) <= len(engine.ruleset_names) * RULES_PER_RULESET


def test_an_interview_without_facts_derives_nothing() -> None:
    # A new interview has no answers yet; durable crashed the process on an empty batch.
    from isassist.rules import get_engine

    assert get_engine().derive("empty-interview", []) == []
