"""The rule format: schema in step with the models, readable errors, README examples valid."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
import yaml

from isassist.facts import STREAM_PROPERTIES
from isassist.rules import RuleBaseError, get_rulebase, load_rulebase
from isassist.rules.model import RuleFile
from isassist.rules.schema import SCHEMA_PATH, render_schema
from isassist.rules.vocabulary import KINDS

README = Path(__file__).resolve().parents[2] / "rules" / "README.md"

GOOD_RULE = """\
rules:
  - id: heat.test.hot
    kind: heat
    category: temperature
    title: {nl: Heet, en: Hot}
    when:
      stream: {kind: heat, has: {temperature_c: {">": 400}}}
    then:
      nl: "{stream.name} is heet"
      en: "{stream.name} is hot"
    source: "a test"
"""


def _problems(tmp_path: Path, text: str) -> str:
    (tmp_path / "x.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(RuleBaseError) as caught:
        load_rulebase(tmp_path)
    return str(caught.value)


def test_committed_schema_matches_the_models() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == render_schema(), (
        "rules.schema.json is stale: run `uv run python -m isassist.rules.schema`"
    )


def test_schema_names_every_kind() -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    text = json.dumps(schema)
    for kind in KINDS:
        assert f'"{kind}"' in text


def test_good_rule_loads(tmp_path: Path) -> None:
    (tmp_path / "x.yaml").write_text(GOOD_RULE, encoding="utf-8")
    rulebase = load_rulebase(tmp_path)
    assert [rule.id for rule in rulebase.rules] == ["heat.test.hot"]


@pytest.mark.parametrize(
    ("typo", "fixed", "suggestion"),
    [
        ("temperature_c", "temprature_c", '"temperature_c"'),  # property
        ('">"', '">>"', '">"'),  # operator
        ("kind: heat\n    category", "kind: heet\n    category", '"heat"'),  # rule kind
        ("category: temperature", "category: temprature", '"temperature"'),  # category
        ("    title:", "    titel:", '"title"'),  # rule field
        ("stream: {kind", "streem: {kind", '"stream"'),  # fact block
    ],
)
def test_typo_names_file_line_rule_and_suggestion(
    tmp_path: Path, typo: str, fixed: str, suggestion: str
) -> None:
    message = _problems(tmp_path, GOOD_RULE.replace(typo, fixed, 1))
    assert message.startswith("x.yaml:")
    assert re.match(r"x\.yaml:\d+:", message), message
    assert "heat.test.hot" in message
    assert f"did you mean {suggestion}" in message


def test_placeholder_of_unmatched_property_is_refused(tmp_path: Path) -> None:
    message = _problems(tmp_path, GOOD_RULE.replace('"{stream.name} is hot"', '"{prop.power_kw}"'))
    assert "power_kw" in message and "not matched" in message


def test_duplicate_ids_and_unknown_chain_are_refused(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text(GOOD_RULE, encoding="utf-8")
    chained = GOOD_RULE.replace(
        'stream: {kind: heat, has: {temperature_c: {">": 400}}}',
        "stream: {kind: heat}\n      conclusion: {rule: heat.test.hto}",
    )
    message = _problems(tmp_path, chained)
    assert "duplicate rule id" in message
    assert 'unknown rule "heat.test.hto" (did you mean "heat.test.hot"?)' in message


def test_broken_yaml_names_the_line(tmp_path: Path) -> None:
    message = _problems(tmp_path, GOOD_RULE.replace("title: {nl: Heet", "title: {nl: Heet?,"))
    assert message.startswith("x.yaml:")
    assert "not valid YAML" in message


def test_example_naming_an_unknown_rule_is_refused(tmp_path: Path) -> None:
    text = GOOD_RULE + "examples:\n  - name: e\n    expect: [heat.test.hott]\n"
    assert 'did you mean "heat.test.hot"' in _problems(tmp_path, text)


def test_readme_examples_are_valid_rules_of_every_kind() -> None:
    blocks = re.findall(r"```yaml\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    kinds = set()
    for block in blocks:
        data = yaml.safe_load(block)
        if "rules" in data:
            kinds |= {rule.kind for rule in RuleFile.model_validate(data).rules}
    assert kinds == set(KINDS)


def test_readme_lists_the_whole_fact_vocabulary() -> None:
    text = README.read_text(encoding="utf-8")
    missing = [name for name in STREAM_PROPERTIES if f"`{name}`" not in text]
    assert not missing, f"rules/README.md does not mention {missing}"


def test_rule_base_sizes_and_sources() -> None:
    rulebase = get_rulebase()
    counts = {name: len(f.rules) for name, f in rulebase.files.items()}
    assert counts["classification.yaml"] >= 20
    assert counts["legal.yaml"] >= 12
    assert counts["heat.yaml"] >= 10
    assert all(len(rule.source) > 10 for rule in rulebase.rules)
