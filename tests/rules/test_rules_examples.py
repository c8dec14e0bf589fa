"""Every ``examples:`` entry of every rule file, as its own test case."""

from __future__ import annotations

import pytest

from isassist.rules import get_engine, get_rulebase
from isassist.rules.examples import run_example

CASES = [
    pytest.param(file, index, example, id=f"{file}:{example.name}")
    for file, rule_file in get_rulebase().files.items()
    for index, example in enumerate(rule_file.examples)
]


@pytest.mark.parametrize(("file", "index", "example"), CASES)
def test_example_holds(file: str, index: int, example: object) -> None:
    problems = run_example(get_engine(), file, index, example)  # type: ignore[arg-type]
    assert not problems, "\n".join(str(p) for p in problems)


def test_every_rule_file_has_examples() -> None:
    for name, rule_file in get_rulebase().files.items():
        assert rule_file.examples, f"{name} has no examples"


def test_my_rule_files_fire_most_of_their_rules_in_examples() -> None:
    """An example that fires a rule is the least evidence that the rule can fire at all."""
    rulebase = get_rulebase()
    for name in ("classification.yaml", "legal.yaml", "heat.yaml"):
        rule_file = rulebase.files[name]
        expected = {e.partition("@")[0] for ex in rule_file.examples for e in ex.expect}
        never = [rule.id for rule in rule_file.rules if rule.id not in expected]
        assert not never, f"{name}: no example fires {never}"
