"""``stream.unless``: a rule that must not fire when a fact holds (a hazard, a family, a code).

The by-product test was kept away from hazardous waste by a list of words in the stream's name
(review R30, R59), which a broker's own wording slipped past; ``unless`` lets it be decided on
the facts instead. These tests show the negation works on scalar properties and on list items,
follows a changed answer in the same interview, and that mistakes in it are explained.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from isassist.facts import Company, Property, Stream, Value, _Fact
from isassist.rules import RuleBaseError, load_rulebase
from isassist.rules import get_engine as _get_engine

RULE = """\
rules:
  - id: legal.test.by_product
    kind: legal
    category: by_product
    title: {nl: Bijproduct, en: By-product}
    when:
      stream:
        kind: material
        has: {legal_status: waste}
        unless: {has: {hazardous: "yes"}, family: [emulsion], ewc: ["0801"]}
    then:
      nl: "{stream.name} kan een bijproduct zijn"
      en: "{stream.name} may be a by-product"
      regulation: "Directive 2008/98/EC art. 5"
    source: "Directive 2008/98/EC art. 5(1)"
"""


@pytest.fixture(scope="module")
def rules_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("unless")
    (folder / "legal.yaml").write_text(RULE, encoding="utf-8")
    return folder


def _facts(**props: Value) -> list[_Fact]:
    facts: list[_Fact] = [Company(name="Meubel NV"), Stream(id="s1", name="slib", kind="material")]
    facts += [
        Property(id=f"s1.{name}", stream="s1", name=name, value=value)
        for name, value in {"legal_status": "waste", **props}.items()
    ]
    return facts


def _fires(rules_dir: Path, interview: str, **props: Value) -> bool:
    conclusions = _get_engine(rules_dir).derive(interview, _facts(**props))
    return any(c.rule_id == "legal.test.by_product" for c in conclusions)


@pytest.mark.parametrize(
    ("props", "fires"),
    [
        ({}, True),
        ({"hazardous": "no"}, True),
        ({"hazardous": "yes"}, False),
        ({"ewc": ["030105"], "family": ["sawdust"]}, True),
        ({"ewc": ["030105", "080113"]}, False),  # one code of the excluded sub-chapter is enough
        ({"family": ["oil", "emulsion"]}, False),
    ],
)
def test_unless_keeps_the_rule_from_firing_on_any_matching_fact(
    rules_dir: Path, props: dict[str, Value], fires: bool
) -> None:
    engine = _get_engine(rules_dir)
    try:
        assert _fires(rules_dir, "t-unless", **props) is fires
    finally:
        engine.close("t-unless")


def test_a_changed_answer_in_the_same_interview_is_followed(rules_dir: Path) -> None:
    engine = _get_engine(rules_dir)
    try:
        assert _fires(rules_dir, "t-change", hazardous="no")
        assert not _fires(rules_dir, "t-change", hazardous="yes")
        assert _fires(rules_dir, "t-change", hazardous="no")
    finally:
        engine.close("t-change")


def _problem(tmp_path: Path, unless: str) -> str:
    (tmp_path / "x.yaml").write_text(
        RULE.replace('{has: {hazardous: "yes"}, family: [emulsion], ewc: ["0801"]}', unless),
        encoding="utf-8",
    )
    with pytest.raises(RuleBaseError) as caught:
        load_rulebase(tmp_path)
    return str(caught.value)


def test_an_empty_unless_is_explained(tmp_path: Path) -> None:
    assert '"unless" needs at least one of: has, family, ewc' in _problem(tmp_path, "{}")


def test_missing_inside_unless_is_refused_as_a_double_negation(tmp_path: Path) -> None:
    message = _problem(tmp_path, "{has: {hazardous: {missing: true}}}")
    assert "double negation" in message and "exists: true" in message


def test_a_misspelt_property_inside_unless_gets_a_suggestion(tmp_path: Path) -> None:
    message = _problem(tmp_path, '{has: {hazardus: "yes"}}')
    assert 'did you mean "hazardous"' in message
